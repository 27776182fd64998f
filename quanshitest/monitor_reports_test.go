package quanshitest_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bookRoomMeeting books a 30-minute meeting an hour from confBase through
// /confopenapi/room (its answer carries the eventId).
func bookRoomMeeting(t *testing.T, c *quanshi.Client, title string) *quanshi.RoomReservation {
	t.Helper()
	res, err := c.Room.Create(context.Background(), &quanshi.RoomCreateRequest{UserID: confHostID, Title: title,
		Length: 30, StartTime: confBase.Add(time.Hour), ParticipantEmails: []string{"guest1@example.com"}})
	require.NoError(t, err)
	return res
}

// The batch status agrees with getConfStatus at every stage, asked by
// conference id and by event id.
func TestStatusBatchAgreesWithStatus(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	a := bookRoomMeeting(t, c, "甲")
	b := bookRoomMeeting(t, c, "乙")
	check := func(stage string) {
		byConf, err := c.Conference.StatusBatch(ctx, &quanshi.ConferenceStatusBatchRequest{UserID: srv.AdminUserID,
			ConferenceIDs: []string{a.ConferenceID, b.ConferenceID, "404"}})
		require.NoError(t, err, stage)
		byEvent, err := c.Conference.StatusBatch(ctx, &quanshi.ConferenceStatusBatchRequest{EventIDs: []int64{a.EventID, b.EventID}})
		require.NoError(t, err, stage)
		require.Len(t, byConf.Conferences, 3, stage)
		require.Len(t, byEvent.Conferences, 2, stage)
		for i, res := range []*quanshi.RoomReservation{a, b} {
			one, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
			require.NoError(t, err, stage)
			assert.Equal(t, one.Status, byConf.Conferences[i].Status, "%s: by conference id", stage)
			assert.Equal(t, one.Status, byEvent.Conferences[i].Status, "%s: by event id", stage)
			assert.Zero(t, byConf.Conferences[i].EventID, "asked by conference id: eventId 0")
			assert.Equal(t, res.EventID, byEvent.Conferences[i].EventID)
			assert.Equal(t, res.ConferenceID, byEvent.Conferences[i].ConferenceID)
			assert.Equal(t, confHostID, byEvent.Conferences[i].UserID)
		}
		assert.Equal(t, quanshi.ConferenceLiveStatus{ConferenceID: "404"}, byConf.Conferences[2], "unknown: status 0")
	}
	check("booked")
	assert.Equal(t, quanshi.ConferenceStatusCreated, mustStatus(t, c, a.ConferenceID))
	srv.Advance(time.Hour + time.Minute)
	check("running")
	srv.Advance(time.Hour)
	check("ended")
	assert.Equal(t, quanshi.ConferenceStatusEnded, mustStatus(t, c, a.ConferenceID))

	_, err := c.Conference.StatusBatch(ctx, &quanshi.ConferenceStatusBatchRequest{EventIDs: []int64{1}, ConferenceIDs: []string{"1"}, UserID: 1})
	var ve *quanshi.ValidationError
	require.ErrorAs(t, err, &ve, "rejected before the sandbox")
}

func mustStatus(t *testing.T, c *quanshi.Client, id string) quanshi.ConferenceStatus {
	t.Helper()
	st, err := c.Conference.Status(context.Background(), &quanshi.ConferenceStatusRequest{ConferenceID: id})
	require.NoError(t, err)
	return st.Status
}

func TestMonitorURLNeedsTheHost(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	res := bookRoomMeeting(t, c, "会控")
	link, err := c.Conference.MonitorURL(ctx, &quanshi.ConferenceMonitorURLRequest{Passcode: res.HostPasscode, UserID: confHostID})
	require.NoError(t, err)
	assert.Contains(t, link.URL, res.ConferenceID)
	_, err = c.Conference.MonitorURL(ctx, &quanshi.ConferenceMonitorURLRequest{ConferenceID: res.ConferenceID, UserID: 4242})
	require.ErrorIs(t, err, quanshi.ErrInvalidParameter)
	_, err = c.Conference.MonitorURL(ctx, &quanshi.ConferenceMonitorURLRequest{Passcode: res.ParticipantPasscode, UserID: confHostID})
	require.ErrorIs(t, err, quanshi.ErrInvalidParameter, "the participants' password does not give control")
	srv.Advance(3 * time.Hour)
	_, err = c.Conference.MonitorURL(ctx, &quanshi.ConferenceMonitorURLRequest{ConferenceID: res.ConferenceID, UserID: confHostID})
	require.ErrorIs(t, err, quanshi.ErrInvalidParameter, "an ended meeting")
}

// Attendance, its v2, the report files and the event report query describe
// the same people as getReportData, once the meeting ended; forwarded
// guests are among them.
func TestAttendanceAndReportsAfterTheMeeting(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	res := bookRoomMeeting(t, c, "周会 50%")
	require.NoError(t, c.Event.Forward(ctx, &quanshi.EventForwardRequest{EventID: res.EventID, Invitees: []quanshi.EventForwardGroup{
		{RoleID: quanshi.EventRoleGuest, Emails: []string{"forwarded@example.com"}, Mobiles: []quanshi.EventMobile{{Mobile: "13900000001"}}},
		{RoleID: quanshi.EventRoleCoHost, UserIDs: []int64{confHostID + 7}},
	}}))
	_, err := c.Report.Attendance(ctx, &quanshi.ReportAttendanceRequest{EventID: res.EventID})
	require.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "no report before the end")
	q, err := c.Report.QueryEvents(ctx, &quanshi.ReportQueryEventsRequest{EventIDs: []int64{res.EventID, 9}, Type: quanshi.ReportQueryBoth})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusCreated, q.Statuses[res.EventID].Status)
	assert.Equal(t, quanshi.ConferenceStatusNone, q.Statuses[9].Status)
	assert.Empty(t, q.Recordings)

	srv.Advance(3 * time.Hour)
	report, err := c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	att, err := c.Report.Attendance(ctx, &quanshi.ReportAttendanceRequest{EventID: res.EventID, UserID: confHostID})
	require.NoError(t, err)
	require.Len(t, att.Records, len(report.Attendees))
	require.Len(t, att.Records, 5, "host, invitee, three forwarded")
	emails := map[string]bool{}
	for i, r := range att.Records {
		assert.Equal(t, report.Attendees[i].Name, r.Name)
		assert.Equal(t, "周会 50%", r.DecodedTitle())
		assert.Equal(t, res.ConferenceID, r.ConferenceID)
		assert.True(t, report.Attendees[i].JoinTime.Equal(r.OnlineTime))
		emails[r.Email] = true
	}
	assert.True(t, emails["forwarded@example.com"])
	assert.Equal(t, quanshi.ReportRoleHost, att.Records[0].Role)

	v2, err := c.Report.AttendanceV2(ctx, &quanshi.ReportEventRequest{EventID: res.EventID})
	require.NoError(t, err)
	require.Len(t, v2.Joins, 5)
	assert.Equal(t, quanshi.ReportRoleHost, v2.Joins[0].Role)
	require.Len(t, v2.Sessions, 1)
	assert.Equal(t, v2.Joins[0].TempConferenceID, v2.Sessions[0].TempConferenceID)
	assert.True(t, v2.Sessions[0].RealStartTime.Equal(confBase.Add(time.Hour)))

	files, err := c.Report.Files(ctx, &quanshi.ReportEventRequest{EventID: res.EventID})
	require.NoError(t, err)
	require.Len(t, files.Reports, 1)
	assert.Equal(t, "周会 50%", files.Reports[0].Title)
	assert.True(t, files.Reports[0].EndTime.Equal(confBase.Add(90*time.Minute)))

	q, err = c.Report.QueryEvents(ctx, &quanshi.ReportQueryEventsRequest{EventIDs: []int64{res.EventID}, Type: quanshi.ReportQueryBoth})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusEnded, q.Statuses[res.EventID].Status)
	assert.Len(t, q.Recordings[res.EventID], 1)
	require.NoError(t, c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{UserID: confHostID,
		TempConferenceIDs: []string{v2.Sessions[0].TempConferenceID}}))
	q, err = c.Report.QueryEvents(ctx, &quanshi.ReportQueryEventsRequest{EventIDs: []int64{res.EventID}, Type: quanshi.ReportQueryRecordings})
	require.NoError(t, err)
	assert.Empty(t, q.Recordings, "deleted")
	assert.Empty(t, q.Statuses, "not asked for")

	require.Error(t, c.Event.Forward(ctx, &quanshi.EventForwardRequest{EventID: res.EventID,
		Invitees: []quanshi.EventForwardGroup{{RoleID: 3, UserIDs: []int64{1}}}}), "an ended meeting takes no more guests")
}

func TestSettingsAndLaunchTokens(t *testing.T) {
	_, c := confSandbox(t)
	ctx := context.Background()
	res := bookRoomMeeting(t, c, "直播")
	require.NoError(t, c.Event.UpdateSettings(ctx, &quanshi.EventSettingsUpdateRequest{EventID: res.EventID,
		Announcement: &quanshi.EventAnnouncement{Enabled: new(false), Content: new("")},
		Replay:       &quanshi.EventReplay{Validity: quanshi.EventReplayForever},
		AntiScreen:   &quanshi.EventAntiScreen{Enabled: new(true), Text: new("版权所有")}}))
	err := c.Event.UpdateSettings(ctx, &quanshi.EventSettingsUpdateRequest{EventID: 12345})
	require.ErrorIs(t, err, quanshi.ErrConferenceNotFound)

	tok, err := c.Conference.WebJoinToken(ctx, &quanshi.ConferenceWebJoinTokenRequest{EventID: res.EventID,
		PlainText: map[string]any{"userId": 12345, "name": "mike"}})
	require.NoError(t, err)
	assert.Equal(t, res.EventID, tok.EventID)
	assert.Len(t, tok.Token, 32)
	assert.NotContains(t, fmt.Sprint(tok), tok.Token)

	temp, err := c.Event.TemporaryToken(ctx, &quanshi.EventTemporaryTokenRequest{UserID: confHostID, Name: "test"})
	require.NoError(t, err)
	assert.NotEmpty(t, temp.Token)

	urls, err := c.Event.ServerURLs(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, "0001", urls.CustomerCode)
	assert.Empty(t, urls.WebsiteBasicURL)
	urls, err = c.Event.ServerURLs(ctx, &quanshi.EventServerURLsRequest{ReturnWebsiteURL: new(true), Name: "mike"})
	require.NoError(t, err)
	assert.Contains(t, urls.WebsiteBasicURL, "authCode=")
}

func TestMeetingRooms(t *testing.T) {
	_, c := confSandbox(t)
	ctx := context.Background()
	list, err := c.Room.ListRooms(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, list.Rooms)
	room, err := c.Room.AddRoom(ctx, &quanshi.MeetingRoomAddRequest{UserID: confHostID, Name: "会议室test7", Capacity: 10,
		City: "北京", Floor: new(15), DetailAddress: "科技大厦15层", ApprovalRequired: new(true)})
	require.NoError(t, err)
	assert.Equal(t, int64(11816), room.RoomID)
	assert.Equal(t, "科技大厦15层", room.DetailAddress)
	assert.True(t, room.ApprovalRequired)
	_, err = c.Room.AddRoom(ctx, &quanshi.MeetingRoomAddRequest{UserID: confHostID, Name: "会议室TEST7", Capacity: 5})
	require.ErrorIs(t, err, quanshi.ErrInvalidParameter, "names are unique")
	list, err = c.Room.ListRooms(ctx, &quanshi.MeetingRoomListRequest{})
	require.NoError(t, err)
	require.Len(t, list.Rooms, 1)
	got := list.Rooms[0]
	assert.Equal(t, []any{room.RoomID, room.Name, room.Capacity, room.City, room.Floor, room.DetailAddress, room.ApprovalRequired},
		[]any{got.RoomID, got.Name, got.Capacity, got.City, got.Floor, got.DetailAddress, got.ApprovalRequired},
		"listAll describes the room as create did")
}
