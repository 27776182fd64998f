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

func TestQuickstartOnTheSandbox(t *testing.T) {
	exampletest.ClearEnv(t, exampleenv.EnvHostUserID, envEndedConferenceID)
	got := exampletest.Output(t, run)

	m := exampletest.Lines(t, got,
		`^Using the in-process sandbox at http://127\.0\.0\.1:\d+ `,
		`^Found host 19533553 by e-mail address\.$`,
		`^Created conference (\d+) "Quarterly review" for host 19533553: \d{4}-\d\d-\d\d \d\d:00 \+08:00, 60 min, created\.$`,
		`^Created conference (\d+) "Review follow-up": `,
		`^Read back (\d+): "Quarterly review", .* 2 invitees\.$`,
		`^  dial-in \(ALL\): 400-810-5211$`,
		`^Host 19533553 has 2 meetings in the next two weeks:$`,
		`^  .*  (\d+)  "Quarterly review" \(created\)$`,
		`^  .*  (\d+)  "Review follow-up" \(created\)$`,
		`^Status of (\d+): created, 0 in the meeting, joinable now: (true|false)\.$`,
		`^Host join link: https://\S+/k/h(\d+)\?name=Host$`,
		`^Attendee join link: https://\S+/k/a(\d+)\?name=Wang\+Fang$`,
		`^Updated (\d+): "Quarterly review \(Q3\)", .* to .*:30 \+08:00\.$`,
		`^Sandbox: moved the clock to .*, 10 minutes into the meeting\.$`,
		`^Status of (\d+): in progress, 4 in the meeting, joinable now: true\.$`,
		`^Sandbox: moved the clock to .*, past the end\.$`,
		`^Status of (\d+): ended, 0 in the meeting, joinable now: false\.$`,
		`^Report of (\d+) "Quarterly review \(Q3\)": 4 joined, 4 of 4 invitees \(100%\)\.$`,
		`^  host +admin@sandbox\.quanshi\.test +joined .*, stayed 1h30m0s$`,
		`^  attendee +wang\.fang@example\.com +joined .*, stayed 1h29m0s$`,
		`^  attendee +zhao\.lei@example\.com +joined `,
		`^Recording \(ready: true\): replay https://\S+, download https://\S+\.mp4$`,
		`^Cancelled conference (\d+) "Review follow-up"\.$`,
		`^Reading (\d+) again fails as expected: .* \(code 50709, request id \S+\)\.$`,
		`^Done\.$`,
	)
	review, followUp := m[2][1], m[3][1]
	assert.NotEqual(t, review, followUp)
	for _, i := range []int{4, 7, 9, 10, 11, 12, 14, 16, 17} {
		assert.Equal(t, review, m[i][1], "line %q is about the review", m[i][0])
	}
	for _, i := range []int{8, 22, 23} {
		assert.Equal(t, followUp, m[i][1], "line %q is about the follow-up", m[i][0])
	}
	assert.NotContains(t, got, "Skipping")
	assert.NotContains(t, got, `Cancelled conference `+review)
	exampletest.NoSecrets(t, got, nil)
}

// TestQuickstartOnTheRealAPIPath runs the example the way it runs against
// the real API: configured by the environment, here naming a sandbox the
// example did not start (as `go run ./cmd/quanshi-sandbox` does).
func TestQuickstartOnTheRealAPIPath(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv, exampleenv.EnvHostUserID, envEndedConferenceID)
	got := exampletest.Output(t, run)

	m := exampletest.Lines(t, got,
		`^Using the API the QUANSHI_\*/UMEETING_\* variables name: quanshi\.Client\{openapi: http://127\.0\.0\.1:\d+/openapi, `,
		`^Created conference (\d+) "Quarterly review" for host 19533553: `,
		`^Created conference (\d+) "Review follow-up": `,
		`^Updated (\d+): "Quarterly review \(Q3\)"`,
		`^Skipping the report and recording: .* Set QUANSHI_ENDED_CONFERENCE_ID `,
		`^Cancelled conference (\d+) "Review follow-up"\.$`,
		`^Cancelled conference (\d+) "Quarterly review \(Q3\)"\.$`,
		`^Reading (\d+) again fails as expected: .* \(code 50709, `,
		`^Done\.$`,
	)
	assert.Equal(t, m[1][1], m[6][1], "the example cancels what it booked on the real API")
	assert.NotContains(t, got, "Sandbox:")
	assert.Equal(t, 2, srv.Handled("/conference/conference/reservConference2"))
	assert.Equal(t, 2, srv.Handled("/conference/conference/cancelReservConference"))
	assert.Equal(t, 0, srv.Calls("/conference/report/getReportData"))
	exampletest.NoSecrets(t, got, srv)
}

// TestQuickstartWithAnAppIDAccount runs the example on its real-API path
// as an account with an AppId: the client mints at token/v2/create, and the
// host comes from QUANSHI_HOST_EMAIL.
func TestQuickstartWithAnAppIDAccount(t *testing.T) {
	host := quanshitest.User{UserID: 22540000, Email: "chen.lanlan@example.com", Name: "Chen Lanlan"}
	srv := quanshitest.New(quanshitest.WithUsers(host))
	defer srv.Close()
	exampletest.PointEnvAt(t, srv, exampleenv.EnvHostUserID, envEndedConferenceID)
	t.Setenv(quanshi.EnvAppKey, "")
	t.Setenv(quanshi.EnvAdminUserID, "")
	t.Setenv(quanshi.EnvAppID, srv.AppID)
	t.Setenv(quanshi.EnvAppSecret, srv.AppIDSecret)
	t.Setenv(exampleenv.EnvHostEmail, host.Email)
	got := exampletest.Output(t, run)

	exampletest.Lines(t, got,
		`^Found host 22540000 by e-mail address\.$`,
		`^Created conference (\d+) "Quarterly review" for host 22540000: `,
		`^Done\.$`,
	)
	assert.Equal(t, 1, srv.Calls("/eventopenapi/token/v2/create"), "one mint, by AppId")
	assert.Zero(t, srv.Calls("/eventopenapi/token/create"))
	assert.Equal(t, 2, srv.Handled("/conference/conference/reservConference2"))
	exampletest.NoSecrets(t, got, srv)
	assert.NotContains(t, got, srv.AppIDSecret)
	assert.NotContains(t, got, host.Email, "the e-mail address is not printed")
}

// TestQuickstartReadsANamedEndedMeeting: on the real API the report and
// recording come from the meeting QUANSHI_ENDED_CONFERENCE_ID names.
func TestQuickstartReadsANamedEndedMeeting(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	client, err := srv.Client()
	require.NoError(t, err)
	ctx := context.Background()
	past, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: srv.AdminUserID, Title: "Earlier meeting", StartTime: srv.Now().Add(time.Minute), Length: 30,
		InviteeList: []quanshi.ConferenceInvitee{{Email: "wang.fang@example.com"}},
	}})
	require.NoError(t, err)
	srv.Advance(time.Hour)

	exampletest.PointEnvAt(t, srv, exampleenv.EnvHostUserID, envEndedConferenceID)
	t.Setenv(envEndedConferenceID, past.ConferenceID)
	t.Setenv(exampleenv.EnvHostUserID, "19533553")
	var out bytes.Buffer
	require.NoError(t, exampleenv.Run(ctx, &out, run))
	exampletest.Lines(t, out.String(),
		`^Report of `+past.ConferenceID+` "Earlier meeting": 2 joined, 2 of 2 invitees \(100%\)\.$`,
		`^Recording \(ready: true\): `,
		`^Done\.$`,
	)
}

func TestQuickstartFailsWithTheError(t *testing.T) {
	exampletest.ClearEnv(t, exampleenv.EnvHostUserID, envEndedConferenceID)
	t.Setenv("QUANSHI_TOKEN", "a-token")
	var out bytes.Buffer
	err := exampleenv.Run(context.Background(), &out, run)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "QUANSHI_HOST_USER_ID")

	t.Setenv(exampleenv.EnvHostUserID, "not-a-number")
	assert.ErrorContains(t, exampleenv.Run(context.Background(), &out, run), `QUANSHI_HOST_USER_ID="not-a-number" is not a Quanshi userId`)

	t.Setenv(exampleenv.EnvHostUserID, "42")
	t.Setenv("QUANSHI_BASE_URL", "not a URL")
	assert.ErrorContains(t, exampleenv.Run(context.Background(), &out, run), "WithBaseURL")
}
