package quanshitest

import (
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDashAndEventsSeeMeetingsOfOtherFamilies books meetings in the shared
// store the way the conference and room handlers do, and reads them back
// through the dashboard and event endpoints with the SDK.
func TestDashAndEventsSeeMeetingsOfOtherFamilies(t *testing.T) {
	base := time.Date(2026, 11, 23, 9, 0, 0, 0, quanshi.Beijing)
	srv := New(WithClock(func() time.Time { return base }))
	t.Cleanup(srv.Close)
	c, err := srv.Client()
	require.NoError(t, err)
	ctx := context.Background()

	srv.mu.Lock()
	host, err := srv.state.userFor(0, "host@example.com")
	require.NoError(t, err)
	guest, err := srv.state.userFor(0, "guest@example.com")
	require.NoError(t, err)
	conf := srv.state.newMeeting("conference", host, "周例会", base.Add(10*time.Minute), 30, base)
	conf.Invitees = []*user{guest}
	room := srv.state.newMeeting("room", host, "会议室预约", base.Add(15*time.Minute), 45, base)
	room.Boxes = []string{"BOX-1", "BOX-2"}
	srv.mu.Unlock()

	srv.Advance(20 * time.Minute)
	live, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	require.Len(t, live.Conferences, 2)
	assert.Equal(t, conf.ConferenceID, live.Conferences[0].ConferenceID)
	assert.Equal(t, 2, live.Conferences[0].ParticipantCount)
	assert.Equal(t, "host@example.com", live.Conferences[0].HostEmail)
	assert.Equal(t, room.ConferenceID, live.Conferences[1].ConferenceID)
	assert.Equal(t, 2, live.Conferences[1].BoxCount, "the room's bound boxes")

	info, err := c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: room.TempConferenceID})
	require.NoError(t, err)
	assert.Equal(t, room.EventID, info.EventID)
	assert.Equal(t, room.Billing, info.BillingCode)

	ev, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: conf.EventID})
	require.NoError(t, err)
	assert.Equal(t, conf.ConferenceID, ev.ConferenceID)
	assert.Equal(t, conf.PCode1, ev.HostPasscode)
	assert.Equal(t, quanshi.EventFormWebMeeting, ev.EventForm)
	assert.Empty(t, ev.TemplateRoles, "no professional roles outside /eventopenapi")

	// Cancelled by its own family: gone from the dashboard, status 0 on the
	// event endpoints.
	srv.mu.Lock()
	room.Cancelled = true
	room.Modified = srv.nowLocked()
	srv.mu.Unlock()
	live, err = c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	assert.Equal(t, 1, live.TotalCount)
	_, err = c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: room.TempConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	changed, err := c.Event.ListModified(ctx, &quanshi.EventListModifiedRequest{From: base.Add(time.Minute)})
	require.NoError(t, err)
	require.Len(t, changed.List, 1)
	assert.Equal(t, room.EventID, changed.List[0].EventID)
	assert.Equal(t, quanshi.EventStatusCancelled, changed.List[0].EventStatus)
	ev, err = c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: room.EventID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.EventStatusCancelled, ev.Status)
}
