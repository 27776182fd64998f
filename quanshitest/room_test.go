package quanshitest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roomBase is the sandbox clock of the room tests: Sunday 22 November 2026,
// 09:00 Beijing time.
var roomBase = time.Date(2026, 11, 22, 9, 0, 0, 0, quanshi.Beijing)

func roomSandbox(t *testing.T) (*quanshitest.Server, *quanshi.Client) {
	t.Helper()
	return newSandbox(t, quanshitest.WithClock(func() time.Time { return roomBase }))
}

// roomInBeijing asserts a time is want, in the +08:00 zone.
func roomInBeijing(t *testing.T, want, got time.Time, field string) {
	t.Helper()
	assert.True(t, want.Equal(got), "%s: want %s, got %s", field, want, got)
	_, offset := got.Zone()
	assert.Equal(t, 8*3600, offset, "%s is in +08:00", field)
}

// roomGetOne reads one meeting back through conference/infos.
func roomGetOne(t *testing.T, c *quanshi.Client, conferenceID string) quanshi.Meeting {
	t.Helper()
	gotRes26, err := c.Room.Get(context.Background(), &quanshi.RoomGetRequest{ConferenceID: conferenceID})
	got := gotRes26.Meetings
	require.NoError(t, err)
	require.Len(t, got, 1)
	return got[0]
}

const roomHost = int64(88415897)

func roomBooking(title string, start time.Time) *quanshi.RoomCreateRequest {
	return &quanshi.RoomCreateRequest{UserID: roomHost, Title: title, Length: 30, StartTime: start}
}

func TestRoomCreateGetUpdateCancel(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	start := roomBase.Add(2 * time.Hour)
	req := &quanshi.RoomCreateRequest{
		UserID: roomHost, Title: "王迪的会议 测试+1", Length: 30, StartTime: start, Summary: new("季度评审"),
		ParticipantEmails: []string{"kai.zhang@quanshi.com"}, ParticipantUserIDs: []int64{81422209, roomHost, 81422209},
		LiveOpenFlag: new(true), LivePassword: new("123456"), AutoVideo: new(2), HardwareVideo: new(true),
		ComposeRoomList: []quanshi.ComposeRoom{
			{RoomID: 10935, IsMainRoom: quanshi.RoomVenueMain, EquipIDs: []int64{58933}},
			{RoomID: 6518, IsMainRoom: quanshi.RoomVenueBranch, EquipIDs: []int64{6152, 6153}},
		},
	}
	res, err := c.Room.Create(ctx, req)
	require.NoError(t, err)
	assert.NotEmpty(t, res.ConferenceID)
	assert.Positive(t, res.EventID)
	assert.Equal(t, roomHost, res.UserID)
	assert.Equal(t, "王迪的会议 测试+1", res.ConferenceTitle)
	assert.Equal(t, res.ConferenceTitle, res.DisplayTitle)
	roomInBeijing(t, start, res.StartTime, "startTime")
	roomInBeijing(t, start.Add(30*time.Minute), res.EndTime, "endTime")
	roomInBeijing(t, start, res.StartTimeUnix, "startTimeUnix")
	roomInBeijing(t, roomBase, res.CurrentTime, "currentTime")
	assert.Equal(t, 30, res.Length)
	assert.Equal(t, quanshi.ConferenceStatusCreated, res.Status)
	assert.Equal(t, res.ParticipantPasscode, res.Desc)
	assert.NotEqual(t, res.HostPasscode, res.ParticipantPasscode)
	assert.NotEmpty(t, res.BillingCode)
	assert.Contains(t, res.HostJoinURL, res.ConferenceID)
	assert.Contains(t, res.ParticipantJoinURL, res.ConferenceID)
	assert.NotEqual(t, res.HostJoinURL, res.ParticipantJoinURL)
	assert.NotEmpty(t, res.PullURL, "a live meeting has a pull URL")
	assert.Equal(t, "123456", res.PullPwd)
	assert.Equal(t, "admin", res.CreatorName, "the token's user booked it")
	assert.NotEmpty(t, res.CreatorAccount)
	assert.Len(t, res.H323IP, 1)

	m := roomGetOne(t, c, res.ConferenceID)
	assert.Equal(t, "王迪的会议 测试+1", m.Title, "the URL-encoded title is decoded")
	assert.Equal(t, res.EventID, m.EventID)
	assert.Equal(t, "季度评审", m.Summary)
	roomInBeijing(t, start, m.StartTime, "infos startTime")
	roomInBeijing(t, start.Add(30*time.Minute), m.EndTime, "infos endTime")
	roomInBeijing(t, roomBase, m.CreateTime, "CreateTime")
	assert.Equal(t, quanshi.ConferenceStatusCreated, m.Status)
	assert.Equal(t, quanshi.MeetingSingle, m.CalType)
	assert.Equal(t, res.HostPasscode, m.HostPasscode)
	assert.Equal(t, res.BillingCode, m.BillingCode)
	assert.Equal(t, roomHost, m.HostID)
	assert.Equal(t, res.HostJoinURL, m.HostJoinURL, "the same links everywhere")
	assert.True(t, m.CloudMeeting)
	assert.Equal(t, 1, m.AllowHardVideo)
	assert.Equal(t, 1, m.LiveOpenFlag)
	assert.Equal(t, "123456", m.LivePullPwd)
	assert.Equal(t, 1, m.LiveViewFlag, "a password protects the live stream")
	assert.Equal(t, "Asia/Shanghai", m.Timezone)
	assert.Equal(t, "400-139-8500", m.AccessNumbers["Zh-cn"][0].Number)
	require.Len(t, m.Invitees, 3, "host and two participants, each once")
	assert.Equal(t, "88415897", m.Invitees[0].User)
	assert.Equal(t, quanshi.InviteeInternal, m.Invitees[0].UserType)
	assert.Equal(t, "kai.zhang@quanshi.com", m.Invitees[1].User)
	assert.Equal(t, quanshi.InviteeExternal, m.Invitees[1].UserType)
	assert.Equal(t, "81422209", m.Invitees[2].User)
	assert.Equal(t, quanshi.InviteeInternal, m.Invitees[2].UserType)
	assert.Equal(t, quanshi.InviteeConfirmed, m.Invitees[2].Status)
	assert.Equal(t, int64(10935), m.RoomID, "the main room")
	require.Len(t, m.BookedRooms, 2)
	assert.EqualValues(t, 10935, m.BookedRooms[0].DeviceID)
	assert.Equal(t, quanshi.RoomDeviceRoom, m.BookedRooms[0].DeviceType)
	assert.Equal(t, quanshi.RoomVenueMain, m.BookedRooms[0].IsMainRoom)
	assert.Equal(t, quanshi.RoomVenueBranch, m.BookedRooms[1].IsMainRoom)
	assert.Equal(t, quanshi.RoomApprovalApproved, m.BookedRooms[1].ApprovalStatus)
	require.Len(t, m.BookedDevices, 3)
	assert.EqualValues(t, 6153, m.BookedDevices[2].DeviceID)
	assert.EqualValues(t, 6518, m.BookedDevices[2].ParentDeviceID)
	assert.Equal(t, quanshi.RoomDeviceEquipment, m.BookedDevices[2].DeviceType)
	require.Len(t, m.BookedRoomDetails, 2)
	require.Len(t, m.BookedRoomDetails[1].SubDevices, 2)
	assert.EqualValues(t, 6152, m.BookedRoomDetails[1].SubDevices[0].DeviceID)

	byPcodeRes27, err := c.Room.Get(ctx, &quanshi.RoomGetRequest{HostPasscode: res.HostPasscode, UserID: roomHost})
	byPcode := byPcodeRes27.Meetings
	require.NoError(t, err)
	require.Len(t, byPcode, 1)
	assert.Equal(t, res.ConferenceID, byPcode[0].ConferenceID, "found by the host password")

	// Another host's meeting, and one a day later, to check List's filters.
	other, err := c.Room.Create(ctx, &quanshi.RoomCreateRequest{Email: "li.lei@corp.test", Title: "其他", Length: 60, StartTime: start})
	require.NoError(t, err)
	later, err := c.Room.Create(ctx, roomBooking("明天", start.Add(24*time.Hour)))
	require.NoError(t, err)
	listRes28, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: roomHost, From: roomBase, To: roomBase.Add(12 * time.Hour)})
	list := listRes28.Meetings
	require.NoError(t, err)
	require.Len(t, list, 1, "only the host's meetings in the range")
	assert.Equal(t, res.ConferenceID, list[0].ConferenceID)
	assert.Equal(t, "王迪的会议 测试+1", list[0].Title)
	listRes29, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: roomHost, From: roomBase, To: roomBase.Add(48 * time.Hour)})
	list = listRes29.Meetings
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, later.ConferenceID, list[1].ConferenceID, "by start")
	listRes30, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: other.UserID, From: roomBase, To: roomBase.Add(48 * time.Hour)})
	list = listRes30.Meetings
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "li.lei", list[0].HostName)

	// Update: new subject, time and length; one participant; one room.
	newStart := start.Add(time.Hour)
	upd, err := c.Room.Update(ctx, &quanshi.RoomUpdateRequest{EventID: res.EventID, RoomCreateRequest: quanshi.RoomCreateRequest{
		UserID: roomHost, Title: "改期后的会议", Length: 45, StartTime: newStart,
		ParticipantUserIDs: []int64{81422209}, ComposeRoomList: []quanshi.ComposeRoom{{RoomID: 6518}},
	}})
	require.NoError(t, err)
	assert.Equal(t, res.ConferenceID, upd.ConferenceID)
	assert.Equal(t, res.EventID, upd.EventID)
	assert.Equal(t, "改期后的会议", upd.ConferenceTitle)
	roomInBeijing(t, newStart.Add(45*time.Minute), upd.EndTime, "updated endTime")
	assert.Empty(t, upd.PullURL, "no live stream any more")
	m = roomGetOne(t, c, res.ConferenceID)
	assert.Equal(t, "改期后的会议", m.Title)
	assert.Equal(t, 45, m.Length)
	roomInBeijing(t, newStart, m.StartTime, "updated start")
	assert.Empty(t, m.Summary)
	assert.Equal(t, 0, m.LiveOpenFlag)
	require.Len(t, m.Invitees, 2)
	assert.Equal(t, "81422209", m.Invitees[1].User)
	require.Len(t, m.BookedRooms, 1)
	assert.EqualValues(t, 6518, m.BookedRooms[0].DeviceID)
	assert.Empty(t, m.BookedDevices)
	assert.True(t, m.ModifyTime.Equal(roomBase))

	// Update by conferenceId with another host: that host has no such meeting.
	_, err = c.Room.Update(ctx, &quanshi.RoomUpdateRequest{ConferenceID: res.ConferenceID, RoomCreateRequest: *roomBooking("x", start)})
	require.NoError(t, err, "same host by conferenceId")
	wrongHost := roomBooking("x", start)
	wrongHost.UserID = 42
	_, err = c.Room.Update(ctx, &quanshi.RoomUpdateRequest{ConferenceID: res.ConferenceID, RoomCreateRequest: *wrongHost})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	_, err = c.Room.Update(ctx, &quanshi.RoomUpdateRequest{EventID: 99, RoomCreateRequest: *roomBooking("x", start)})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)

	// Cancel the whole meeting: it stays readable, with status 0.
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{ConferenceID: res.ConferenceID, UserID: 42})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "not that host's meeting")
	canc, err := c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{ConferenceID: res.ConferenceID, UserID: roomHost})
	require.NoError(t, err)
	assert.Equal(t, res.EventID, canc.EventID)
	assert.Empty(t, canc.ParentID, "a single meeting has no parent")
	assert.Equal(t, quanshi.ConferenceStatusNone, roomGetOne(t, c, res.ConferenceID).Status)
	listRes31, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: roomHost, From: roomBase, To: roomBase.Add(12 * time.Hour)})
	list = listRes31.Meetings
	require.NoError(t, err)
	require.Len(t, list, 1, "cancelled meetings stay listed")
	assert.Equal(t, quanshi.ConferenceStatusNone, list[0].Status)
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: res.EventID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "already cancelled")
	_, err = c.Room.Update(ctx, &quanshi.RoomUpdateRequest{EventID: res.EventID, RoomCreateRequest: *roomBooking("x", start)})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "a cancelled meeting cannot change")

	// Cancel by e-mail address, with the occurrence's start: a single
	// meeting's only occurrence.
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: other.EventID, Email: "LI.LEI@corp.test", SingleStartTime: start.Add(time.Minute)})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "no occurrence starts then")
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: other.EventID, Email: "LI.LEI@corp.test", SingleStartTime: start})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusNone, roomGetOne(t, c, other.ConferenceID).Status)

	// Status moves with the clock; an ended meeting cannot change.
	srv.Advance(24*time.Hour + 2*time.Hour + 10*time.Minute)
	assert.Equal(t, quanshi.ConferenceStatusInProgress, roomGetOne(t, c, later.ConferenceID).Status)
	srv.Advance(30 * time.Minute)
	assert.Equal(t, quanshi.ConferenceStatusEnded, roomGetOne(t, c, later.ConferenceID).Status)
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{ConferenceID: later.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "an ended meeting cannot be cancelled")

	assert.Equal(t, 3, srv.Handled("/confopenapi/room/reservConference"))
}

func TestRoomRecurringMeetings(t *testing.T) {
	_, c := roomSandbox(t)
	ctx := context.Background()
	monday := time.Date(2026, 11, 23, 10, 0, 0, 0, quanshi.Beijing)
	req := roomBooking("周例会", monday)
	req.Cycle = new(true)
	req.CycleRule = &quanshi.CycleRule{Frequency: quanshi.CycleWeekly, Interval: 1, ByDay: []time.Weekday{time.Wednesday, time.Monday}}
	req.RepeatEndDate = time.Date(2026, 12, 9, 0, 0, 0, 0, quanshi.Beijing)
	res, err := c.Room.Create(ctx, req)
	require.NoError(t, err)

	m := roomGetOne(t, c, res.ConferenceID)
	assert.Equal(t, quanshi.MeetingRecurring, m.CalType)
	assert.Equal(t, res.EventID, m.ParentID)
	var rule struct {
		Frequency     string `json:"frequency"`
		ByDay         string `json:"byday"`
		RepeatEndDate int64  `json:"repeatEndDate"`
	}
	require.NoError(t, json.Unmarshal(m.RecurrenceInfo, &rule))
	assert.Equal(t, "weekly", rule.Frequency)
	assert.Equal(t, "WE,MO", rule.ByDay, "the rule as booked")
	assert.Equal(t, req.RepeatEndDate.Unix(), rule.RepeatEndDate)

	span := &quanshi.RoomListRequest{UserID: roomHost, From: roomBase, To: roomBase.Add(30 * 24 * time.Hour)}
	list, err := c.Room.List(ctx, span)
	require.NoError(t, err)
	assert.Empty(t, list.Meetings, "recurring meetings are left out without inCycle")

	withCycles := *span
	withCycles.InCycle = new(true)
	starts := func() (out []string, statuses []quanshi.ConferenceStatus) {
		listRes32, err := c.Room.List(ctx, &withCycles)
		list := listRes32.Meetings
		require.NoError(t, err)
		for _, o := range list {
			assert.Equal(t, res.ConferenceID, o.ConferenceID)
			assert.Equal(t, quanshi.MeetingRecurring, o.CalType)
			assert.Equal(t, 30*time.Minute, o.EndTime.Sub(o.StartTime))
			out = append(out, quanshi.FormatDate(o.StartTime))
			statuses = append(statuses, o.Status)
		}
		return out, statuses
	}
	days, _ := starts()
	assert.Equal(t, []string{"2026-11-23", "2026-11-25", "2026-11-30", "2026-12-02", "2026-12-07", "2026-12-09"}, days,
		"Mondays and Wednesdays up to repeatEndDate's day")

	// Cancel Wednesday 25th, then the first occurrence: the meeting moves to
	// the next occurrence left, Monday 30th.
	wed := time.Date(2026, 11, 25, 10, 0, 0, 0, quanshi.Beijing)
	canc, err := c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: res.EventID, SingleStartTime: wed})
	require.NoError(t, err)
	assert.Equal(t, "1165158", canc.ParentID, "the recurring booking's id")
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: res.EventID, SingleStartTime: wed})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "already cancelled")
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: res.EventID, SingleStartTime: wed.Add(24 * time.Hour)})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "no occurrence on a Thursday")
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{ConferenceID: res.ConferenceID, SingleStartTime: monday})
	require.NoError(t, err)
	days, statuses := starts()
	assert.Len(t, days, 6, "cancelled occurrences stay listed")
	assert.Equal(t, []quanshi.ConferenceStatus{0, 0, 1, 1, 1, 1}, statuses)
	m = roomGetOne(t, c, res.ConferenceID)
	roomInBeijing(t, time.Date(2026, 11, 30, 10, 0, 0, 0, quanshi.Beijing), m.StartTime, "the next occurrence")
	assert.Equal(t, quanshi.ConferenceStatusCreated, m.Status)

	// The whole series.
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: res.EventID})
	require.NoError(t, err)
	_, statuses = starts()
	assert.Equal(t, []quanshi.ConferenceStatus{0, 0, 0, 0, 0, 0}, statuses)
}

func TestRoomRecurrenceRules(t *testing.T) {
	_, c := roomSandbox(t)
	ctx := context.Background()
	occurrences := func(rule *quanshi.CycleRule, start, end time.Time) []string {
		t.Helper()
		req := roomBooking("rule", start)
		req.Cycle, req.CycleRule, req.RepeatEndDate = new(true), rule, end
		res, err := c.Room.Create(ctx, req)
		require.NoError(t, err)
		listRes33, err := c.Room.List(ctx, &quanshi.RoomListRequest{UserID: roomHost, InCycle: new(true), From: start, To: start.AddDate(1, 0, 0)})
		list := listRes33.Meetings
		require.NoError(t, err)
		var out []string
		for _, o := range list {
			if o.ConferenceID == res.ConferenceID {
				out = append(out, quanshi.FormatDate(o.StartTime))
			}
		}
		return out
	}
	jan31 := time.Date(2027, 1, 31, 8, 0, 0, 0, quanshi.Beijing)
	assert.Equal(t, []string{"2027-01-31", "2027-03-31", "2027-05-31"},
		occurrences(&quanshi.CycleRule{Frequency: quanshi.CycleMonthly, Interval: 1, ByMonthDay: []int{31}}, jan31, time.Date(2027, 6, 30, 0, 0, 0, 0, quanshi.Beijing)),
		"months without a 31st are skipped")
	assert.Equal(t, []string{"2027-01-31", "2027-02-02", "2027-02-04"},
		occurrences(&quanshi.CycleRule{Frequency: quanshi.CycleDaily, Interval: 2}, jan31, time.Date(2027, 2, 5, 0, 0, 0, 0, quanshi.Beijing)))
	assert.Equal(t, []string{"2027-01-31", "2027-02-14", "2027-02-28"},
		occurrences(&quanshi.CycleRule{Frequency: quanshi.CycleWeekly, Interval: 2}, jan31, time.Date(2027, 3, 1, 0, 0, 0, 0, quanshi.Beijing)),
		"every other week on the start's weekday")
	assert.Equal(t, []string{"2027-02-01", "2027-02-03", "2027-03-01", "2027-03-03"},
		occurrences(&quanshi.CycleRule{Frequency: quanshi.CycleMonthly, ByMonthDay: []int{3, 1}}, jan31, time.Date(2027, 3, 3, 0, 0, 0, 0, quanshi.Beijing)),
		"the series starts on the rule's first day from the start on")
}

func TestRoomListByAdminPages(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	var eventIDs []int64
	for i := range 25 {
		req := roomBooking("会议", roomBase.Add(time.Duration(i+1)*time.Hour))
		req.UserID = roomHost + int64(i%3)
		res, err := c.Room.Create(ctx, req)
		require.NoError(t, err)
		eventIDs = append(eventIDs, res.EventID)
	}
	_, err := c.Room.Create(ctx, roomBooking("范围外", roomBase.Add(40*24*time.Hour)))
	require.NoError(t, err)

	span := quanshi.RoomListByAdminRequest{From: roomBase, To: roomBase.Add(7 * 24 * time.Hour), AdminUserID: srv.AdminUserID}
	firstRes34, err := c.Room.ListByAdmin(ctx, &span)
	first := firstRes34.Meetings
	require.NoError(t, err)
	require.Len(t, first, 10, "limit defaults to 10")
	assert.Equal(t, eventIDs[24], first[0].EventID, "newest eventId first")
	next := span
	next.EventIDFilter = first[9].EventID
	secondRes35, err := c.Room.ListByAdmin(ctx, &next)
	second := secondRes35.Meetings
	require.NoError(t, err)
	require.Len(t, second, 10)
	assert.Equal(t, first[9].EventID-1, second[0].EventID, "the next page holds smaller eventIds")

	srv.ResetCounters()
	paged := span
	paged.Limit = 10
	var got []int64
	for m, err := range c.Room.ListByAdminIter(ctx, &paged) {
		require.NoError(t, err)
		got = append(got, m.EventID)
		assert.Equal(t, "会议", m.Title)
	}
	require.Len(t, got, 25, "10 + 10 + 5, the meeting out of range left out")
	for i := range got {
		assert.Equal(t, eventIDs[24-i], got[i])
	}
	assert.Equal(t, 3, srv.Calls("/confopenapi/room/conference/listByAdmin"), "the short third page ends the walk")
	assert.Zero(t, paged.EventIDFilter, "the iterator works on a copy")

	small := span
	small.Limit = 4
	small.EventIDFilter = eventIDs[2]
	tailRes36, err := c.Room.ListByAdmin(ctx, &small)
	tail := tailRes36.Meetings
	require.NoError(t, err)
	require.Len(t, tail, 2)
	assert.Equal(t, []int64{eventIDs[1], eventIDs[0]}, []int64{tail[0].EventID, tail[1].EventID})

	notAdmin := span
	notAdmin.AdminUserID = roomHost
	_, err = c.Room.ListByAdmin(ctx, &notAdmin)
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
}

// Operations of the room family, to send what the SDK would refuse.
var (
	roomOpCreate = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/reservConference"}
	roomOpUpdate = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/updateReservConference"}
	roomOpCancel = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/cancelReservConference"}
	roomOpInfos  = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/conference/infos", Idempotent: true}
	roomOpList   = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/conference/list", Idempotent: true}
	roomOpAdmin  = quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/conference/listByAdmin", Idempotent: true}
)

// roomCase is a raw request and the sentinel the sandbox answers it with.
type roomCase struct {
	name string
	op   quanshi.Operation
	body map[string]any
	want error
}

func roomRunCases(t *testing.T, c *quanshi.Client, cases []roomCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := c.Do(context.Background(), tc.op, tc.body, nil)
			assert.ErrorIs(t, err, tc.want)
			var apiErr *quanshi.APIError
			require.True(t, errors.As(err, &apiErr), "a business failure, not %v", err)
			assert.Equal(t, http.StatusOK, apiErr.HTTPStatus)
			assert.NotEmpty(t, apiErr.Message)
		})
	}
}

func TestRoomRejectsBadRequests(t *testing.T) {
	srv, c := roomSandbox(t)
	res, err := c.Room.Create(context.Background(), roomBooking("ok", roomBase.Add(time.Hour)))
	require.NoError(t, err)
	ok := func(changes map[string]any) map[string]any {
		body := map[string]any{"userId": roomHost, "title": "t", "length": "30", "starttime": "2026-11-22 12:00:00"}
		for k, v := range changes {
			if v == nil {
				delete(body, k)
			} else {
				body[k] = v
			}
		}
		return body
	}
	require.NoError(t, c.Do(context.Background(), roomOpCreate, ok(nil), nil), "numbers as strings are accepted")
	invalid, missing := quanshi.ErrInvalidParameter, quanshi.ErrConferenceNotFound
	roomRunCases(t, c, []roomCase{
		{"no host", roomOpCreate, ok(map[string]any{"userId": nil}), invalid},
		{"bad host email", roomOpCreate, ok(map[string]any{"userId": nil, "email": "nobody"}), invalid},
		{"no title", roomOpCreate, ok(map[string]any{"title": " "}), invalid},
		{"no length", roomOpCreate, ok(map[string]any{"length": nil}), invalid},
		{"unix starttime", roomOpCreate, ok(map[string]any{"starttime": 1763784000}), invalid},
		{"switch out of range", roomOpCreate, ok(map[string]any{"joinLogin": 2}), invalid},
		{"tags without joinConfTags", roomOpCreate, ok(map[string]any{"joinConfSelTag": 1}), invalid},
		{"participant neither id nor email", roomOpCreate, ok(map[string]any{"participantsLists": "81422209;kai zhang"}), invalid},
		{"room without id", roomOpCreate, ok(map[string]any{"composeRoomList": []any{map[string]any{"isMainRoom": 1}}}), invalid},
		{"room part out of range", roomOpCreate, ok(map[string]any{"composeRoomList": []any{map[string]any{"roomId": 1, "isMainRoom": 3}}}), invalid},
		{"cycle without cycleRole", roomOpCreate, ok(map[string]any{"cycle": "1"}), invalid},
		{"cycle not 0 or 1", roomOpCreate, ok(map[string]any{"cycle": "2"}), invalid},
		{"unknown frequency", roomOpCreate, ok(map[string]any{"cycle": "1", "cycleRole": map[string]any{"frequency": "yearly"}}), invalid},
		{"bad weekday", roomOpCreate, ok(map[string]any{"cycle": "1", "cycleRole": map[string]any{"frequency": "weekly", "byday": "MO,XX"}}), invalid},
		{"bymonthday weekly", roomOpCreate, ok(map[string]any{"cycle": "1", "cycleRole": map[string]any{"frequency": "weekly", "bymonthday": "3"}}), invalid},
		{"repeatEndDate before start", roomOpCreate, ok(map[string]any{"cycle": "1", "cycleRole": map[string]any{"frequency": "daily"}, "repeatEndDate": roomBase.Add(-48 * time.Hour).Unix()}), invalid},
		{"body of the wrong shape", roomOpCreate, ok(map[string]any{"length": map[string]any{}}), invalid},
		{"update without target", roomOpUpdate, ok(nil), invalid},
		{"update unknown event", roomOpUpdate, ok(map[string]any{"eventId": 7}), missing},
		{"update ids of two meetings", roomOpUpdate, ok(map[string]any{"eventId": res.EventID, "conferenceId": "1"}), invalid},
		{"update bad title", roomOpUpdate, ok(map[string]any{"eventId": res.EventID, "title": ""}), invalid},
		{"cancel without target", roomOpCancel, map[string]any{"userId": roomHost}, invalid},
		{"cancel unknown conference", roomOpCancel, map[string]any{"conferenceId": "123"}, missing},
		{"cancel shareUserId", roomOpCancel, map[string]any{"eventId": res.EventID, "shareUserId": 3}, invalid},
		{"cancel bad singleStartTime", roomOpCancel, map[string]any{"eventId": res.EventID, "singleStartTime": "tomorrow"}, invalid},
		{"infos without id", roomOpInfos, map[string]any{"userId": roomHost}, invalid},
		{"infos unknown conference", roomOpInfos, map[string]any{"conferenceId": "1"}, missing},
		{"infos unknown pcode", roomOpInfos, map[string]any{"pcode": "1"}, missing},
		{"infos other host", roomOpInfos, map[string]any{"conferenceId": res.ConferenceID, "userId": 1}, missing},
		{"list without range", roomOpList, map[string]any{"userId": roomHost}, invalid},
		{"list reversed range", roomOpList, map[string]any{"startTime": 1763784000, "endTime": 1763780000}, invalid},
		{"list inCycle", roomOpList, map[string]any{"startTime": 1763784000, "endTime": 1763790000, "inCycle": 2}, invalid},
		{"list wall-clock range", roomOpList, map[string]any{"startTime": "2026-11-22 09:00:00", "endTime": "2026-11-23 09:00:00"}, invalid},
		{"admin negative limit", roomOpAdmin, map[string]any{"startTime": 1763784000, "endTime": 1763790000, "limit": -1}, invalid},
		{"admin without end", roomOpAdmin, map[string]any{"startTime": 1763784000}, invalid},
	})
	assert.Equal(t, 2, srv.Handled("/confopenapi/room/reservConference"), "no rejected booking was made")

	var page []map[string]any
	from, to := roomBase.Unix(), roomBase.Add(7*24*time.Hour).Unix()
	require.NoError(t, c.Do(context.Background(), roomOpAdmin, map[string]any{"startTime": strconv.FormatInt(from*1000, 10), "endTime": strconv.FormatInt(to*1000, 10)}, &page),
		"milliseconds as strings are read by magnitude")
	assert.Len(t, page, 2)
	var list []map[string]any
	require.NoError(t, c.Do(context.Background(), roomOpList, map[string]any{"startTime": strconv.FormatInt(from, 10), "endTime": to, "userId": "88415897"}, &list))
	require.Len(t, list, 2)
	assert.Equal(t, "ok", list[0]["title"])
	assert.Equal(t, "1", list[0]["advanceHours"], "advanceHours is a string, as in the example")
	assert.Nil(t, list[0]["detailHouseList"], "null without rooms, as in the example")
}

func TestRoomSDKValidationSendsNothing(t *testing.T) {
	srv, c := roomSandbox(t)
	ctx := context.Background()
	var v *quanshi.ValidationError
	_, err := c.Room.Create(ctx, &quanshi.RoomCreateRequest{Title: "t", Length: 30, StartTime: roomBase})
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "userId", v.Field)
	_, err = c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{})
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "eventId", v.Field)
	_, err = c.Room.List(ctx, &quanshi.RoomListRequest{From: roomBase})
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "endTime", v.Field)
	assert.Zero(t, srv.TotalCalls())
}
