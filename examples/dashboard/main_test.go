package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDashboardOnTheSandbox(t *testing.T) {
	exampletest.ClearEnv(t)
	got := exampletest.Output(t, run)

	m := exampletest.Lines(t, got,
		`^Using the in-process sandbox at `,
		`^Booked "Sales stand-up" \(conference (\d+)\) at .* for 30 minutes\.$`,
		`^Booked "Design review" \(conference (\d+)\) at .* for 60 minutes\.$`,
		`^Booked "Board meeting" \(conference (\d+)\) at .* for 120 minutes\.$`,
		`^Sandbox: moved the clock 15 minutes on, `,
		`^Live: "Sales stand-up" \(conference (\d+), event (\d+)\), host admin <admin@sandbox\.quanshi\.test>, started .*, running 10m\d+s, 3 attendees \(0 by phone\)\.$`,
		`^  admin +admin@sandbox\.quanshi\.test +\S+ .* from `,
		`^  wang\.fang +wang\.fang@example\.com `,
		`^  li\.lei +li\.lei@example\.com `,
		`^Live: "Design review" \(conference (\d+), event (\d+)\), .* running 5m\d+s, 4 attendees `,
		`^  liu\.yang +liu\.yang@example\.com `,
		`^Done\. Live meetings: 2\.$`,
	)
	assert.Equal(t, m[1][1], m[5][1])
	assert.Equal(t, m[2][1], m[9][1])
	assert.NotContains(t, got, `Live: "Board meeting"`, "it has not started")
	assert.NotContains(t, got, "No meeting is live")
	exampletest.NoSecrets(t, got, nil)
}

func TestDashboardOnTheRealAPIPath(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv)

	exampletest.Lines(t, exampletest.Output(t, run),
		`^Using the API the QUANSHI_\*/UMEETING_\* variables name: `,
		`^No meeting is live right now\.$`,
		`^Done\. Live meetings: 0\.$`,
	)

	// A meeting someone else booked runs: the example shows it.
	client, err := srv.Client()
	require.NoError(t, err)
	_, err = client.Conference.Create(context.Background(), &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: 4307081, Title: "Weekly sync", StartTime: srv.Now().Add(time.Minute), Length: 60,
		InviteeList: []quanshi.ConferenceInvitee{{Email: "wang.fang@example.com"}},
	}})
	require.NoError(t, err)
	srv.Advance(10 * time.Minute)
	got := exampletest.Output(t, run)
	exampletest.Lines(t, got,
		`^Live: "Weekly sync" \(conference \d+, event \d+\), host user4307081 <user4307081@sandbox\.quanshi\.test>, .* 2 attendees `,
		`^  user4307081 `,
		`^  wang\.fang +wang\.fang@example\.com `,
		`^Done\. Live meetings: 1\.$`,
	)
	assert.NotContains(t, got, "Booked", "nothing is booked on the real API")
	exampletest.NoSecrets(t, got, srv)
}

func TestDashboardFailsWithTheError(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv)
	srv.Inject(quanshitest.Fault{Path: "/confopenapi/conference/listbystatus", HTTPStatus: 500, Times: 5})
	err := exampleenv.Run(context.Background(), &bytes.Buffer{}, run)
	assert.ErrorContains(t, err, "live meetings: ")
	assert.ErrorContains(t, err, "HTTP 500")
}
