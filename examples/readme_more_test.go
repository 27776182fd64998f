package examples_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeBooking books a one-hour meeting on 1 December at 10:00 through
// /confopenapi/room, whose answer carries the booking id.
func readmeBooking(t *testing.T, client *quanshi.Client) *quanshi.RoomReservation {
	t.Helper()
	res, err := client.Room.Create(context.Background(), &quanshi.RoomCreateRequest{
		UserID: readmeHost, Title: "Product review", Length: 60,
		StartTime:         time.Date(2026, 12, 1, 10, 0, 0, 0, quanshi.Beijing),
		ParticipantEmails: []string{"wang.fang@example.com"},
	})
	require.NoError(t, err)
	return res
}

func TestReadmeMoreSnippets(t *testing.T) {
	ctx := context.Background()
	t.Run("statusbatch", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		a, b := readmeBooking(t, client), readmeBooking(t, client)
		srv.Advance(25*time.Hour + time.Minute) // 1 December, 10:01: running
		out, err := captureStdout(t, func() error { return readmeStatusBatch(ctx, client, []int64{a.EventID, b.EventID}) })
		require.NoError(t, err)
		exampletest.Lines(t, out, `^\d+ `+a.ConferenceID+` in progress$`, `^\d+ `+b.ConferenceID+` in progress$`)
	})
	t.Run("attendance", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		res := readmeBooking(t, client)
		srv.Advance(26 * time.Hour) // over
		out, err := captureStdout(t, func() error { return readmeAttendance(ctx, client, res.EventID) })
		require.NoError(t, err)
		exampletest.Lines(t, out,
			`^\S+ host 10:00:00 11:00:00$`,
			`^wang\.fang attendee 10:01:00 11:00:00$`,
			`^report file: https://\S+$`,
		)
	})
	t.Run("forward", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		res := readmeBooking(t, client)
		out, err := captureStdout(t, func() error { return readmeForward(ctx, client, res.EventID) })
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("web join token: {EventID:%d Token:[REDACTED]}\n", res.EventID), out)
		assert.Equal(t, 1, srv.Handled("/eventopenapi/event/batch/forward"))
		info, err := client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
		require.NoError(t, err)
		assert.Len(t, info.Invitees, 3, "the participant and the two forwarded")
	})
	t.Run("rooms", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		srv.Inject(quanshitest.Fault{Path: "/confopenapi/room/create", Drop: true, AfterHandling: true})
		out, err := captureStdout(t, func() error { return readmeRooms(ctx, client, srv.AdminUserID) })
		require.NoError(t, err)
		assert.Equal(t, "room 11816 Beijing 15F Lotus\n", out, "added once, found after the lost answer")
		assert.Equal(t, 1, srv.Handled("/confopenapi/room/create"))
	})
}
