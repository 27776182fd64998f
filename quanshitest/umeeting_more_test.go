package quanshitest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUMeetingInstantMeetingThroughMonitoringAndStatistics: an instant
// meeting occupies a room, shows in the online list and the room monitor,
// and once ended in the history, the records, the statistics, the reports
// and the recordings.
func TestUMeetingInstantMeetingThroughMonitoringAndStatistics(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()

	lic, err := c.UMeeting.Licence(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingPayByCapacity, lic.PayType)
	assert.Equal(t, 3, lic.Capacity[25])
	free, err := c.UMeeting.FreeRooms(ctx, &quanshi.UMeetingFreeRoomsRequest{MeetingCapacity: 25, StartTime: eventBase, Duration: 60})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingFreeRooms{Total: 3, Free: 3}, *free)

	inst, err := c.UMeeting.Instant(ctx, &quanshi.UMeetingInstantRequest{
		Topic: "临时碰头", MeetingCapacity: 25, HostName: "王五", UserKey: "ops", Recording: quanshi.UMeetingRecordingCloud,
	})
	require.NoError(t, err)
	eventAssertBeijing(t, eventBase, inst.StartTime, "an instant meeting starts now")
	assert.NotEmpty(t, inst.Token)
	assert.Contains(t, inst.StartURL, "zak=")

	page, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "ops"})
	require.NoError(t, err)
	require.Len(t, page.Meetings, 1)
	assert.Equal(t, inst.MeetingID, page.Meetings[0].ID)
	assert.Equal(t, quanshi.UMeetingTypeInstant, page.Meetings[0].Type)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, page.Meetings[0].Status)

	rooms, err := c.UMeeting.RoomMonitor(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, rooms.Rooms, 11, "the licensed rooms")
	var room *quanshi.UMeetingRoom
	for i := range rooms.Rooms {
		if rooms.Rooms[i].HostID == inst.HostID {
			room = &rooms.Rooms[i]
		}
	}
	require.NotNil(t, room, "the meeting's room is monitored")
	assert.Equal(t, 25, room.MeetingCapacity)
	require.Len(t, room.Meetings, 1)
	assert.Equal(t, inst.MeetingID, room.Meetings[0].ID)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, room.Meetings[0].Status)
	free, err = c.UMeeting.FreeRooms(ctx, &quanshi.UMeetingFreeRoomsRequest{MeetingCapacity: 25, StartTime: eventBase, Duration: 60})
	require.NoError(t, err)
	assert.Equal(t, 2, free.Free, "one room is taken")

	tok, err := c.UMeeting.Token(ctx, &quanshi.UMeetingTokenRequest{MeetingID: inst.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingToken{HostID: inst.HostID, Token: inst.Token}, *tok)

	live, err := c.UMeeting.MeetingDetail(ctx, &quanshi.UMeetingDetailRequest{MeetingID: inst.MeetingID, Type: quanshi.UMeetingDetailOnline})
	require.NoError(t, err)
	assert.Equal(t, 1, live.ParticipantsCount)
	require.Len(t, live.Participants, 1)
	assert.Equal(t, "王五", live.Participants[0].UserName, "the host is in")
	assert.True(t, live.Participants[0].LeaveTime.IsZero())
	_, err = c.UMeeting.MeetingDetail(ctx, &quanshi.UMeetingDetailRequest{MeetingID: inst.MeetingID, Type: quanshi.UMeetingDetailHistory})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "not past yet")
	dash, err := c.UMeeting.DashboardMeetings(ctx, &quanshi.UMeetingDashboardRequest{UMeetingPeriodRequest: quanshi.UMeetingPeriodRequest{From: eventBase, To: eventBase}})
	require.NoError(t, err)
	require.Len(t, dash.Meetings, 1, "live by default")

	srv.Advance(40 * time.Minute)
	require.NoError(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: inst.MeetingID}))

	page, err = c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "ops"})
	require.NoError(t, err)
	assert.Empty(t, page.Meetings, "ended: off the online list")
	past, err := c.UMeeting.History(ctx, &quanshi.UMeetingListRequest{UserKey: "ops"})
	require.NoError(t, err)
	require.Len(t, past.Meetings, 1)
	assert.Equal(t, quanshi.UMeetingStatusEnded, past.Meetings[0].Status)

	day := quanshi.UMeetingPeriodRequest{From: eventBase, To: eventBase}
	recs, err := c.UMeeting.MeetingRecords(ctx, &day)
	require.NoError(t, err)
	require.Len(t, recs.Records, 1)
	r := recs.Records[0]
	assert.Equal(t, inst.MeetingID, r.ID)
	assert.Equal(t, inst.UUID, r.UUID)
	assert.Equal(t, 40, r.Duration)
	assert.Equal(t, 1, r.Participants)
	assert.Equal(t, 25, r.MeetingCapacity)
	assert.Equal(t, 1, r.Recording)
	eventAssertBeijing(t, eventBase.Add(40*time.Minute), r.EndTime, "end_time")

	detail, err := c.UMeeting.RoomDetail(ctx, &quanshi.UMeetingRoomStatsRequest{ShowParticipants: new(true)})
	require.NoError(t, err)
	require.Len(t, detail.Meetings, 1, "today by default")
	assert.Equal(t, inst.MeetingID, detail.Meetings[0].MeetingID)
	assert.Equal(t, inst.HostID, detail.Meetings[0].HostID)
	require.Len(t, detail.Meetings[0].Participants, 1)
	assert.Equal(t, "王五", detail.Meetings[0].Participants[0].Name)
	summary, err := c.UMeeting.RoomSummary(ctx, &quanshi.UMeetingRoomStatsRequest{HostID: inst.HostID})
	require.NoError(t, err)
	assert.Equal(t, 1, summary.TotalMeetings)
	assert.Equal(t, 40, summary.TotalMeetingMinutes)
	require.Len(t, summary.Rooms, 1)
	assert.Equal(t, 1, summary.Rooms[0].Participants)

	reports, err := c.UMeeting.MeetingReports(ctx, &quanshi.UMeetingReportsRequest{UUIDs: []string{r.UUID, "unknown=="}})
	require.NoError(t, err)
	require.Len(t, reports.Reports, 1)
	assert.Equal(t, 40, reports.Reports[0].Duration)
	assert.Equal(t, 40, reports.Reports[0].ParticipantMinutes)
	people, err := c.UMeeting.RecordParticipants(ctx, &quanshi.UMeetingRecordParticipantsRequest{UUID: r.UUID})
	require.NoError(t, err)
	require.Len(t, people.Participants, 1)
	eventAssertBeijing(t, eventBase.Add(40*time.Minute), people.Participants[0].LeaveTime, "leave_time (sent in UTC)")
	files, err := c.UMeeting.CloudRecordings(ctx, &quanshi.UMeetingCloudRecordingsRequest{MeetingID: inst.MeetingID, StartTime: eventBase})
	require.NoError(t, err)
	require.Len(t, files.Recordings, 1)
	assert.Equal(t, r.UUID, files.Recordings[0].MeetingUUID)
	eventAssertBeijing(t, eventBase, files.Recordings[0].Start, "recording_start")
	list, err := c.UMeeting.MeetingParticipants(ctx, &quanshi.UMeetingParticipantsRequest{MeetingID: inst.MeetingID, Topic: "临时碰头", HostID: inst.HostID})
	require.NoError(t, err)
	assert.Equal(t, 1, list.TotalParticipants)
	assert.Equal(t, 40, list.TotalMinutes)
	_, err = c.UMeeting.MeetingParticipants(ctx, &quanshi.UMeetingParticipantsRequest{MeetingID: inst.MeetingID, Topic: "别的", HostID: inst.HostID})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
	dash, err = c.UMeeting.DashboardMeetings(ctx, &quanshi.UMeetingDashboardRequest{UMeetingPeriodRequest: day, Type: quanshi.UMeetingDashboardPast})
	require.NoError(t, err)
	require.Len(t, dash.Meetings, 1)
	assert.Equal(t, 40*time.Minute, dash.Meetings[0].Duration)
	assert.True(t, dash.Meetings[0].HasRecording)
	old, err := c.UMeeting.MeetingDetail(ctx, &quanshi.UMeetingDetailRequest{MeetingID: inst.MeetingID, Type: quanshi.UMeetingDetailHistory})
	require.NoError(t, err)
	assert.Equal(t, 40, old.Duration)
}

func TestUMeetingRoomsCapacityAndLiveStreams(t *testing.T) {
	_, c := eventSandbox(t)
	ctx := context.Background()
	start := eventBase.Add(2 * time.Hour)
	var hosts []string
	for i := range 4 {
		m, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "并行" + string(rune('A'+i)), MeetingCapacity: 25, StartTime: start, Duration: 60})
		require.NoError(t, err)
		hosts = append(hosts, m.HostID)
	}
	assert.Len(t, map[string]bool{hosts[0]: true, hosts[1]: true, hosts[2]: true, hosts[3]: true}, 4, "four rooms at once")
	assert.True(t, strings.HasPrefix(hosts[3], "extra25-"), "the fourth is an extra room: %s", hosts[3])
	free, err := c.UMeeting.FreeRooms(ctx, &quanshi.UMeetingFreeRoomsRequest{MeetingCapacity: 25, StartTime: start.Add(30 * time.Minute), Duration: 60})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingFreeRooms{Total: 3, Free: 0}, *free)

	m, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "直播", MeetingCapacity: 25, StartTime: start.Add(3 * time.Hour), Duration: 60, AllowLiveStreaming: new(true)})
	require.NoError(t, err)
	require.NotEmpty(t, m.LiveID)
	require.NoError(t, c.UMeeting.ResetCapacity(ctx, &quanshi.UMeetingResetCapacityRequest{MeetingID: m.MeetingID, MeetingCapacity: 50}))
	got, err := c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: m.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, 50, got.MeetingCapacity)
	tok, err := c.UMeeting.Token(ctx, &quanshi.UMeetingTokenRequest{MeetingID: m.MeetingID})
	require.NoError(t, err)
	assert.NotEqual(t, m.HostID, tok.HostID, "moved to a 50-seat room")
	assert.True(t, strings.HasPrefix(tok.HostID, "room50-"))

	require.NoError(t, c.UMeeting.DeleteLive(ctx, &quanshi.UMeetingDeleteLiveRequest{LiveID: m.LiveID}))
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: m.MeetingID})
	require.NoError(t, err)
	assert.False(t, got.AllowLiveStreaming)
	assert.Empty(t, got.PlayAddr)
	assert.ErrorIs(t, c.UMeeting.DeleteLive(ctx, &quanshi.UMeetingDeleteLiveRequest{LiveID: m.LiveID}), quanshi.ErrConferenceNotFound)
	assert.ErrorIs(t, c.UMeeting.ResetCapacity(ctx, &quanshi.UMeetingResetCapacityRequest{MeetingID: "404", MeetingCapacity: 50}), quanshi.ErrConferenceNotFound)
}

func TestUMeetingPersonalAccounts(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	m, err := c.UMeeting.PrivateSchedule(ctx, &quanshi.UMeetingPrivateScheduleRequest{
		HostID: "8Eki-personal", Topic: "一对一", StartTime: eventBase.Add(time.Hour), Duration: 45, Password: "9527", Webinar: new(false),
	})
	require.NoError(t, err)
	assert.Equal(t, "8Eki-personal", m.HostID)
	assert.Equal(t, 15, m.ReadyTime)
	assert.NotEmpty(t, m.Token)

	got, err := c.UMeeting.PrivateGet(ctx, &quanshi.UMeetingPrivateGetRequest{MeetingID: m.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, "一对一", got.Topic)
	assert.Equal(t, 45, got.Duration)
	assert.Equal(t, quanshi.UMeetingStatusScheduled, got.Status)
	_, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: m.MeetingID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "not a public-room meeting")
	page, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{})
	require.NoError(t, err)
	assert.Empty(t, page.Meetings)

	moved := eventBase.Add(2 * time.Hour)
	require.NoError(t, c.UMeeting.PrivateUpdate(ctx, &quanshi.UMeetingPrivateUpdateRequest{ID: m.MeetingID, Topic: "一对一（改）", StartTime: moved, Duration: 60}))
	got, err = c.UMeeting.PrivateGet(ctx, &quanshi.UMeetingPrivateGetRequest{MeetingID: m.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, "一对一（改）", got.Topic)
	assert.Equal(t, "9527", got.Password, "kept")
	eventAssertBeijing(t, moved, got.StartTime, "start_time")

	now, err := c.UMeeting.PrivateInstant(ctx, &quanshi.UMeetingPrivateScheduleRequest{HostID: "8Eki-personal", Topic: "马上"})
	require.NoError(t, err)
	got, err = c.UMeeting.PrivateGet(ctx, &quanshi.UMeetingPrivateGetRequest{MeetingID: now.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, got.Status)
	srv.Advance(10 * time.Minute)
	require.NoError(t, c.UMeeting.PrivateEnd(ctx, &quanshi.UMeetingPrivateIDRequest{ID: now.MeetingID}))
	got, err = c.UMeeting.PrivateGet(ctx, &quanshi.UMeetingPrivateGetRequest{MeetingID: now.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusEnded, got.Status)

	require.NoError(t, c.UMeeting.PrivateDelete(ctx, &quanshi.UMeetingPrivateIDRequest{ID: m.MeetingID}))
	got, err = c.UMeeting.PrivateGet(ctx, &quanshi.UMeetingPrivateGetRequest{MeetingID: m.MeetingID})
	require.NoError(t, err)
	assert.True(t, got.Deleted)
	assert.ErrorIs(t, c.UMeeting.PrivateEnd(ctx, &quanshi.UMeetingPrivateIDRequest{ID: m.MeetingID}), quanshi.ErrConferenceNotFound)
	assert.ErrorIs(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: now.MeetingID}), quanshi.ErrConferenceNotFound, "the public-room call does not reach it")
}
