package quanshitest_test

import (
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneMeetingLooksTheSameFromEveryFamily books a meeting through the
// classic /conference API and reads it back through the room, event,
// status and dashboard endpoints: same ids, title, times, links and state.
func TestOneMeetingLooksTheSameFromEveryFamily(t *testing.T) {
	srv, c := newSandbox(t)
	ctx := context.Background()
	start := srv.Now().Add(2 * time.Hour).Truncate(time.Minute)
	created, err := c.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		Email: "lin.qing@corp.test", Title: "产品评审", Length: 45, StartTime: start,
		InviteeList: []quanshi.ConferenceInvitee{{Email: "he.yu@corp.test"}},
	}})
	require.NoError(t, err)

	roomsRes11, err := c.Room.Get(ctx, &quanshi.RoomGetRequest{ConferenceID: created.ConferenceID})
	rooms := roomsRes11.Meetings
	require.NoError(t, err)
	require.Len(t, rooms, 1)
	room := rooms[0]
	assert.Equal(t, "产品评审", room.Title)
	assert.True(t, room.StartTime.Equal(start), "room start %v", room.StartTime)
	assert.Equal(t, created.HostConferenceURL, room.HostJoinURL)
	assert.Equal(t, created.ParticipantJoinURL, room.ParticipantJoinURL)

	event, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: room.EventID})
	require.NoError(t, err)
	assert.Equal(t, created.ConferenceID, event.ConferenceID)
	assert.Equal(t, "产品评审", event.Title)
	assert.Equal(t, created.HostConferenceURL, event.HostJoinURL)
	assert.Equal(t, created.PhoneJoinURL, event.PhoneJoinURL)
	assert.Equal(t, created.ParticipantPasscode, event.ParticipantPasscode)

	status, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: created.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusCreated, status.Status)

	srv.Advance(2*time.Hour + 10*time.Minute)
	status, err = c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: created.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusInProgress, status.Status)
	live, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	require.Len(t, live.Conferences, 1)
	assert.Equal(t, room.EventID, live.Conferences[0].EventID)
	info, err := c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: live.Conferences[0].TempConferenceID})
	require.NoError(t, err)
	assert.Equal(t, "产品评审", info.Title)
	assert.Equal(t, quanshi.ConferenceStatusInProgress, info.Status)
	assert.True(t, info.StopTime.IsZero(), "still running")

	srv.Advance(time.Hour)
	info, err = c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: info.TempConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusEnded, info.Status)
	assert.True(t, info.StopTime.Equal(start.Add(45*time.Minute)))
	report, err := c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: created.ConferenceID})
	require.NoError(t, err)
	assert.Len(t, report.Attendees, 2, "host and invitee")
}
