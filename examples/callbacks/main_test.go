package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallbacksOnTheSandbox(t *testing.T) {
	exampletest.ClearEnv(t)
	got := exampletest.Output(t, run)

	m := exampletest.Lines(t, got,
		`^Using the in-process sandbox at `,
		`^Receiving callbacks at http://127\.0\.0\.1:\d+/quanshi/callback\.$`,
		`^Booked event (\d+) "Quarterly results call" \(conference \d+\) at .* for 45 minutes\.$`,
		`^Renaming the event\.$`,
		`^Callback update: event (\d+) is now "Quarterly results call \(Q3\)", msgId uniformserver-\S+ \(\S+ after the change\)$`,
		`^Sandbox: moving the clock 10 minutes on, to the start\.$`,
		`^Callback meetingbegin: event (\d+) began, host 19533553, msgId (uniformserver-\S+) \(\S+ after the change\)$`,
		`^Sandbox: moving the clock 45 minutes on, to the end\.$`,
		`^Callback meetingend: event (\d+) ended, msgId (uniformserver-\S+) \(\S+ after the change\)$`,
		`^Recording ready: https://`,
		`^Done\.$`,
	)
	event := m[2][1]
	assert.Equal(t, event, m[4][1])
	assert.Equal(t, event, m[6][1])
	assert.Equal(t, event, m[8][1])
	assert.NotEqual(t, m[6][2], m[8][2], "each callback has its own msgId")
	assert.Equal(t, 1, strings.Count(got, "Callback meetingbegin"), "begin once")
	exampletest.NoSecrets(t, got, nil)
}

func TestCallbacksOnTheRealAPIPathCatchesUp(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv)
	client, err := srv.Client()
	require.NoError(t, err)
	_, err = client.Conference.Create(context.Background(), &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: 4307081, Title: "Weekly sync", StartTime: srv.Now().Add(time.Hour), Length: 60,
	}})
	require.NoError(t, err)

	got := exampletest.Output(t, run)
	exampletest.Lines(t, got,
		`^Using the API the QUANSHI_\*/UMEETING_\* variables name: `,
		`^The real platform posts callbacks to the URL set up with Quanshi`,
		`^Replayed update: event \d+ "Weekly sync", status \S+, modified `,
		`^Done\. Replayed 1 changes\.$`,
	)
	assert.NotContains(t, got, "Booked", "nothing is booked on the real API")
	exampletest.NoSecrets(t, got, srv)
}
