package examples_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/stretchr/testify/require"
)

// TestReadmeCallbackSnippets runs the callbacks snippet: its catch-up
// replays a meeting booked before the handler ran, then the sandbox posts
// the meeting's begin and end to the handler it returned. The recording
// wait snippet then finds the recording.
func TestReadmeCallbackSnippets(t *testing.T) {
	ctx := context.Background()
	srv, client := readmeSandbox(t)
	booked, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: readmeHost, Title: "Missed while down", StartTime: readmeBase.Add(time.Hour), Length: 30,
	}})
	require.NoError(t, err)

	out, err := captureStdout(t, func() error {
		mux, err := readmeCallbacks(ctx, client, readmeBase.Add(-time.Minute))
		if err != nil {
			return err
		}
		receiver := httptest.NewServer(mux)
		defer receiver.Close()
		srv.SetCallbackURL(receiver.URL + "/quanshi/callback")
		srv.Advance(2 * time.Hour)
		require.Eventually(t, func() bool { return srv.CallbacksPending() == 0 }, 10*time.Second, time.Millisecond)
		return readmeRecordingWait(ctx, client, booked.ConferenceID)
	})
	require.NoError(t, err)
	m := exampletest.Lines(t, out,
		`^event (\d+) is now Missed while down$`,
		`^event (\d+) began; host 81299515$`,
		`^event (\d+) ended$`,
		`^replay: https://\S+$`,
	)
	require.Equal(t, m[0][1], m[1][1])
	require.Equal(t, m[0][1], m[2][1])
}
