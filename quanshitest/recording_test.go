package quanshitest_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recBook books a 60-minute meeting for host@corp.test with two invitees,
// starting an hour after the sandbox clock.
func recBook(t *testing.T, c *quanshi.Client, title string) *quanshi.RoomReservation {
	t.Helper()
	res, err := c.Room.Create(context.Background(), &quanshi.RoomCreateRequest{
		Email: "host@corp.test", Title: title, Length: 60, StartTime: roomBase.Add(time.Hour),
		ParticipantEmails: []string{"wang.fang@corp.test", "zhao.lei@corp.test"},
	})
	require.NoError(t, err)
	return res
}

func TestRecordingsAndReportOfAnEndedMeeting(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	res := recBook(t, c, "产品评审")
	start := roomBase.Add(time.Hour)
	hosts := &quanshi.RecordingListByHostsRequest{Emails: []string{"host@corp.test", "nobody@corp.test"}, From: roomBase}

	// Before the end: no report, no recording.
	_, err := c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	_, err = c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	byHostRes15, err := c.Recording.ListByHosts(ctx, hosts)
	byHost := byHostRes15.ByEmail
	require.NoError(t, err)
	assert.Empty(t, byHost)
	srv.Advance(90 * time.Minute)
	_, err = c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "still in progress")

	srv.Advance(31 * time.Minute)
	byHostRes14, err := c.Recording.ListByHosts(ctx, hosts)
	byHost = byHostRes14.ByEmail
	require.NoError(t, err)
	require.Len(t, byHost, 1, "keyed by e-mail address; hosts without meetings are absent")
	require.Len(t, byHost["host@corp.test"], 1)
	r := byHost["host@corp.test"][0]
	assert.Equal(t, res.ConferenceID, r.ConferenceID)
	assert.Equal(t, res.UserID, r.UserID)
	assert.NotEmpty(t, r.TempConferenceID)
	assert.Equal(t, "产品评审", r.ConferenceTitle)
	assert.Equal(t, 60, r.Length)
	assert.Equal(t, quanshi.ConferenceStatusEnded, r.Status)
	assert.Equal(t, res.HostPasscode, r.HostPasscode)
	roomInBeijing(t, start, r.StartTime, "startTime")
	roomInBeijing(t, start.Add(time.Hour), r.EndTime, "endTime")
	roomInBeijing(t, start, r.RealStartTime, "realStartTime")
	roomInBeijing(t, start.Add(time.Hour), r.RealEndTime, "realEndTime")
	assert.True(t, r.HasRecord)
	assert.True(t, r.IsRecordConvertReady)
	assert.True(t, r.HasReport)
	assert.True(t, r.IsReportReady)
	assert.Contains(t, r.ReplayURL, r.TempConferenceID)
	assert.Contains(t, r.DownloadURL, ".mp4")
	assert.Equal(t, r.DownloadURL, r.RecordDownURL)
	assert.Contains(t, r.ReportDownURL, r.TempConferenceID)

	one, err := c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID, UserID: res.UserID})
	require.NoError(t, err)
	assert.Equal(t, r.TempConferenceID, one.TempConferenceID)
	assert.Equal(t, r.ReplayURL, one.ReplayURL)
	assert.Equal(t, 1, one.RecordFlag)
	roomInBeijing(t, start.Add(time.Hour), one.RealEndTime, "realEndTime")

	// Other days: nothing; a two-week range that holds the day: the meeting.
	other, err := c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"host@corp.test"}, From: roomBase.AddDate(0, 0, 1), To: roomBase.AddDate(0, 0, 5)})
	require.NoError(t, err)
	assert.Empty(t, other.ByEmail)
	wideRes16, err := c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"HOST@corp.test"}, From: roomBase.AddDate(0, 0, -13), To: roomBase})
	wide := wideRes16.ByEmail
	require.NoError(t, err)
	assert.Len(t, wide["HOST@corp.test"], 1, "keyed by the address as sent")

	rep, err := c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID, UserID: res.UserID})
	require.NoError(t, err)
	assert.Equal(t, "产品评审", rep.Summary.ConfTitle)
	roomInBeijing(t, start, rep.Summary.StartTime, "summary startTime")
	roomInBeijing(t, start.Add(time.Hour), rep.Summary.EndTime, "summary endTime")
	assert.Equal(t, 3, rep.Summary.TotalCount)
	assert.Equal(t, 3, rep.Summary.InviteCount, "the host and two invitees")
	assert.Equal(t, 3, rep.Summary.InviteAttendedCount)
	assert.Equal(t, "100%", rep.Summary.AttendeePercentage)
	assert.Empty(t, rep.Summary.RollcallAnswer)
	require.Len(t, rep.Attendees, 3)
	host := rep.Attendees[0]
	assert.Equal(t, "host", host.Name)
	assert.Equal(t, "host@corp.test", host.Email)
	assert.Equal(t, quanshi.ReportRoleHost, host.Role)
	assert.Equal(t, time.Hour, host.TotalTime)
	assert.Equal(t, time.Hour, host.VoipTime)
	assert.Zero(t, host.PhoneTime)
	roomInBeijing(t, start, host.JoinTime, "host joinTime")
	roomInBeijing(t, start.Add(time.Hour), host.OfflineTime, "host offlineTime")
	for i, want := range []string{"wang.fang@corp.test", "zhao.lei@corp.test"} {
		a := rep.Attendees[i+1]
		assert.Equal(t, want, a.Email)
		assert.Equal(t, quanshi.ReportRoleAttendee, a.Role)
		roomInBeijing(t, start.Add(time.Duration(i+1)*time.Minute), a.JoinTime, "invitee joinTime")
		assert.Equal(t, time.Hour-time.Duration(i+1)*time.Minute, a.TotalTime)
		assert.Equal(t, "pc", a.ClientType)
		assert.Equal(t, "voip", a.AccessType)
		assert.NotEmpty(t, a.IP)
	}
	require.Len(t, rep.Invitees, 3)
	for i, inv := range rep.Invitees {
		assert.True(t, inv.Attended)
		assert.Equal(t, rep.Attendees[i].Email, inv.Email, "every invitee attended")
		assert.Equal(t, rep.Attendees[i].TotalTime, inv.TotalTime)
	}
	assert.Empty(t, rep.Live)
	assert.Empty(t, rep.Handsup)

	// Delete the recording: it is gone, the report stays.
	_, err = c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID, UserID: 42})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "not that host's meeting")
	err = c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{UserID: 42, TempConferenceIDs: []string{r.TempConferenceID}})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "not that host's recording")
	require.NoError(t, c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{UserID: res.UserID, TempConferenceIDs: []string{r.TempConferenceID}}))
	one, err = c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.False(t, one.HasRecord)
	assert.False(t, one.IsRecordConvertReady)
	assert.Zero(t, one.RecordFlag)
	assert.Empty(t, one.ReplayURL)
	assert.Empty(t, one.RecordURL)
	assert.Empty(t, one.DownloadURL)
	assert.True(t, one.HasReport)
	byHostRes17, err := c.Recording.ListByHosts(ctx, hosts)
	byHost = byHostRes17.ByEmail
	require.NoError(t, err)
	require.Len(t, byHost["host@corp.test"], 1)
	assert.False(t, byHost["host@corp.test"][0].HasRecord)
	assert.Empty(t, byHost["host@corp.test"][0].RecordDownURL)
	err = c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{TempConferenceIDs: []string{r.TempConferenceID}})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "nothing left to delete")
	_, err = c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err, "the report outlives the recording")
}

func TestRecordingDeleteIsAllOrNothing(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	first, second := recBook(t, c, "一"), recBook(t, c, "二")
	srv.Advance(3 * time.Hour)
	temp := func(conferenceID string) string {
		r, err := c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: conferenceID})
		require.NoError(t, err)
		return r.TempConferenceID
	}
	t1, t2 := temp(first.ConferenceID), temp(second.ConferenceID)
	err := c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{TempConferenceIDs: []string{t1, "999"}})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "an unknown run")
	byHostRes18, err := c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"host@corp.test"}, From: roomBase})
	byHost := byHostRes18.ByEmail
	require.NoError(t, err)
	require.Len(t, byHost["host@corp.test"], 2)
	assert.Equal(t, second.ConferenceID, byHost["host@corp.test"][0].ConferenceID, "newest first")
	for _, r := range byHost["host@corp.test"] {
		assert.True(t, r.HasRecord, "the failed delete deleted nothing")
	}
	require.NoError(t, c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{TempConferenceIDs: []string{t1, t2}}))
	byHostRes19, err := c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"host@corp.test"}, From: roomBase})
	byHost = byHostRes19.ByEmail
	require.NoError(t, err)
	for _, r := range byHost["host@corp.test"] {
		assert.False(t, r.HasRecord)
	}
	assert.Equal(t, 1, srv.Handled("/conference/movie/recordsDelete"))
}

// Operations of recordings and reports, to send what the SDK would refuse.
var (
	recOpList   = quanshi.Operation{Family: quanshi.FamilyConference, Method: http.MethodPost, Path: "/conference/movie/getConfReplay", Idempotent: true}
	recOpDelete = quanshi.Operation{Family: quanshi.FamilyConference, Method: http.MethodPost, Path: "/conference/movie/recordsDelete"}
	recOpGet    = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/movie/getConfReplayById", Idempotent: true}
	reportOpGet = quanshi.Operation{Family: quanshi.FamilyConference, Method: http.MethodPost, Path: "/conference/report/getReportData", Idempotent: true}
)

func TestRecordingAndReportRejectBadRequests(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	res := recBook(t, c, "会议")
	srv.Advance(3 * time.Hour)
	rec, err := c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)

	eleven := make([]string, 11)
	twentyOne := make([]string, 21)
	for i := range eleven {
		eleven[i] = "h" + string(rune('a'+i)) + "@corp.test"
	}
	for i := range twentyOne {
		twentyOne[i] = rec.TempConferenceID
	}
	invalid, missing := quanshi.ErrInvalidParameter, quanshi.ErrConferenceNotFound
	roomRunCases(t, c, []roomCase{
		{"no emails", recOpList, map[string]any{"dateTime": ""}, invalid},
		{"eleven emails", recOpList, map[string]any{"email": eleven}, invalid},
		{"not an email", recOpList, map[string]any{"email": []string{"host"}}, invalid},
		{"fifteen days", recOpList, map[string]any{"email": []string{"host@corp.test"}, "dateTime": "2026-11-01~2026-11-15"}, invalid},
		{"reversed days", recOpList, map[string]any{"email": []string{"host@corp.test"}, "dateTime": "2026-11-22~2026-11-21"}, invalid},
		{"bad day", recOpList, map[string]any{"email": []string{"host@corp.test"}, "dateTime": "2026/11/22"}, invalid},
		{"delete nothing", recOpDelete, map[string]any{"userId": 1}, invalid},
		{"delete twenty-one", recOpDelete, map[string]any{"tempConferenceIds": twentyOne}, invalid},
		{"delete empty id", recOpDelete, map[string]any{"tempConferenceIds": []string{""}}, invalid},
		{"delete unknown", recOpDelete, map[string]any{"tempConferenceIds": []string{"1"}}, missing},
		{"replay without id", recOpGet, map[string]any{"userId": 1}, invalid},
		{"replay unknown", recOpGet, map[string]any{"conferenceId": "1"}, missing},
		{"report without id", reportOpGet, map[string]any{"userId": 1}, invalid},
		{"report unknown", reportOpGet, map[string]any{"conferenceId": "8762238"}, missing},
		{"report other host", reportOpGet, map[string]any{"conferenceId": res.ConferenceID, "userId": 1}, missing},
	})

	// The forms the spec's examples use: fourteen days, a spaced key.
	var byHost map[string][]map[string]any
	require.NoError(t, c.Do(ctx, recOpList, map[string]any{"email": []string{"host@corp.test"}, "dateTime": "2026-11-09~2026-11-22"}, &byHost))
	require.Len(t, byHost["host@corp.test"], 1)
	assert.Equal(t, "4", byHost["host@corp.test"][0]["status"], "strings, as in the example")
	assert.Equal(t, "60", byHost["host@corp.test"][0]["length"])
	require.NoError(t, c.Do(ctx, recOpDelete, map[string]any{"userId": res.UserID, "tempConferenceIds ": []string{rec.TempConferenceID}}, nil))
	rec, err = c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.False(t, rec.HasRecord, "deleted through the example's spelling")

	err = c.Do(ctx, reportOpGet, map[string]any{"conferenceId": "8762238"}, nil)
	var apiErr *quanshi.APIError
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, "conference does not exist  8762238 or get conference failed", apiErr.Message, "the spec's not-found answer")

	var v *quanshi.ValidationError
	_, err = c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: eleven})
	require.ErrorAs(t, err, &v, "the SDK refuses it first")
	assert.Equal(t, "email", v.Field)
}

// A meeting booked by another family (here straight into the shared store, as
// the /conference and /eventopenapi create endpoints do) is one meeting: the
// room endpoints describe and list it, and it has a recording and a report
// once it ended.
func TestRoomServesMeetingsOfOtherFamilies(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	start := roomBase.Add(30 * time.Minute)
	confID, eventID := srv.RoomBookForTest("conference", "chen.jing@corp.test", "经典会议", start, 45, "li.na@corp.test")
	_, childEventID := srv.RoomBookForTest("event", "chen.jing@corp.test", "直播子会议", start.Add(time.Hour), 30)

	m := roomGetOne(t, c, confID)
	assert.Equal(t, "经典会议", m.Title)
	assert.Equal(t, eventID, m.EventID)
	roomInBeijing(t, start, m.StartTime, "startTime")
	assert.Equal(t, 45, m.Length)
	assert.Equal(t, "chen.jing", m.HostName)
	assert.Equal(t, quanshi.MeetingSingle, m.CalType)
	assert.True(t, m.CloudMeeting, "the defaults of a meeting without room settings")
	require.Len(t, m.Invitees, 2)
	assert.Equal(t, quanshi.InviteeInternal, m.Invitees[1].UserType)
	assert.Empty(t, m.BookedRooms)

	listRes20, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: m.HostID, From: roomBase, To: roomBase.Add(6 * time.Hour)})
	list := listRes20.Meetings
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, childEventID, list[1].EventID)
	var admin []int64
	for mm, err := range c.Room.ListByAdminIter(ctx, &quanshi.RoomListByAdminRequest{From: roomBase, To: roomBase.Add(6 * time.Hour)}) {
		require.NoError(t, err)
		admin = append(admin, mm.EventID)
	}
	assert.Equal(t, []int64{childEventID, eventID}, admin)

	srv.Advance(time.Hour + 16*time.Minute)
	rep, err := c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: confID})
	require.NoError(t, err)
	assert.Equal(t, "经典会议", rep.Summary.ConfTitle)
	require.Len(t, rep.Attendees, 2)
	assert.Equal(t, "li.na@corp.test", rep.Attendees[1].Email)
	assert.Equal(t, 44*time.Minute, rep.Attendees[1].TotalTime)
	byHostRes21, err := c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"chen.jing@corp.test"}, From: roomBase})
	byHost := byHostRes21.ByEmail
	require.NoError(t, err)
	require.Len(t, byHost["chen.jing@corp.test"], 1, "the child meeting has not ended yet")
	assert.Equal(t, confID, byHost["chen.jing@corp.test"][0].ConferenceID)

	// The room endpoints can change and cancel it too.
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: childEventID, Email: "chen.jing@corp.test"})
	require.NoError(t, err)
	listRes22, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: m.HostID, From: roomBase, To: roomBase.Add(6 * time.Hour)})
	list = listRes22.Meetings
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, quanshi.ConferenceStatusEnded, list[0].Status)
	assert.Equal(t, quanshi.ConferenceStatusNone, list[1].Status)
}

// The same through the SDK only: a meeting created with Conference.Create is
// visible through Room.Get and has a report after it ends. It needs the
// /conference endpoints of the sandbox.
func TestConferenceMeetingThroughRoomAndReport(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	start := roomBase.Add(time.Hour)
	created, err := c.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		Email: "zhou.min@corp.test", Title: "跨接口会议", Length: 30, StartTime: start,
		InviteeList: []quanshi.ConferenceInvitee{{Email: "sun.li@corp.test", Name: "孙丽"}},
	}})
	require.NoError(t, err)

	m := roomGetOne(t, c, created.ConferenceID)
	assert.Equal(t, "跨接口会议", m.Title)
	roomInBeijing(t, start, m.StartTime, "startTime")
	assert.Equal(t, 30, m.Length)

	_, err = c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: created.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "not ended yet")
	srv.Advance(2 * time.Hour)
	rep, err := c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: created.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, "跨接口会议", rep.Summary.ConfTitle)
	require.Len(t, rep.Attendees, 2)
	assert.Equal(t, "sun.li@corp.test", rep.Attendees[1].Email)
	assert.Equal(t, 29*time.Minute, rep.Attendees[1].TotalTime)
}
