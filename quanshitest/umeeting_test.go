package quanshitest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUMeetingLifecycle(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	start := eventBase.Add(time.Hour)
	booked, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic: "季度经营分析会", MeetingCapacity: 25, StartTime: start, Duration: 60, Password: "246810",
		UserKey: "team-a", MuteUponEntry: new(true), AllowLiveStreaming: new(true), HostName: "王五",
		Recording: quanshi.UMeetingRecordingCloud,
	})
	require.NoError(t, err)
	id := booked.MeetingID
	assert.Regexp(t, `^\d{10}$`, id)
	assert.True(t, strings.HasSuffix(booked.JoinURL, "/j/"+id))
	assert.Contains(t, booked.StartURL, "/s/"+id+"?zak=")
	assert.Regexp(t, `^\d{6}$`, booked.HostKey)
	assert.NotEmpty(t, booked.Token)
	assert.NotEmpty(t, booked.UUID)
	assert.NotEmpty(t, booked.HostID)
	assert.Equal(t, "room25@umeet.sandbox.test", booked.HostEmail)
	eventAssertBeijing(t, start, booked.StartTime, "start_time")
	eventAssertBeijing(t, eventBase, booked.CreateDate, "createDate")
	assert.True(t, booked.MuteUponEntry)
	assert.Equal(t, 15, booked.ReadyTime)
	assert.Equal(t, "team-a", booked.UserKey)
	assert.NotEmpty(t, booked.LiveID)
	assert.Contains(t, booked.PlayAddr, booked.LiveID)
	assert.Empty(t, booked.Occurrences, "a single meeting")

	other, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "别组", MeetingCapacity: 100, StartTime: start, Duration: 180, EnableWebinar: new(true)})
	require.NoError(t, err)
	assert.True(t, other.EnableWebinar)
	assert.NotEqual(t, booked.HostID, other.HostID, "a room of another size")
	same, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "同房间", MeetingCapacity: 25, StartTime: start.Add(24 * time.Hour), Duration: 60})
	require.NoError(t, err)
	assert.Equal(t, booked.HostID, same.HostID, "the 25-seat room hosts both")
	require.NoError(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: same.MeetingID}))
	assert.NotEqual(t, booked.HostKey+booked.Token+booked.StartURL, other.HostKey+other.Token+other.StartURL, "secrets are made per meeting")
	assert.Empty(t, other.PlayAddr, "no live stream")

	got, err := c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: id})
	require.NoError(t, err)
	assert.Equal(t, id, got.ID)
	assert.Equal(t, "季度经营分析会", got.Topic)
	assert.Equal(t, 60, got.Duration)
	assert.Equal(t, 25, got.MeetingCapacity)
	assert.Equal(t, "246810", got.Password)
	assert.Equal(t, "team-a", got.UserKey, "sent as user_Key")
	assert.Equal(t, quanshi.UMeetingStatusScheduled, got.Status)
	assert.False(t, got.Deleted)
	assert.True(t, got.AllowLiveStreaming)
	assert.Equal(t, booked.PlayAddr, got.PlayAddr)
	assert.Equal(t, booked.JoinURL, got.JoinURL)
	eventAssertBeijing(t, start, got.StartTime, "start_time")

	page, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "team-a"})
	require.NoError(t, err)
	assert.Equal(t, 1, page.TotalRecord)
	assert.Equal(t, 1, page.TotalPage)
	assert.Equal(t, 30, page.PageSize)
	require.Len(t, page.Meetings, 1)
	assert.Equal(t, id, page.Meetings[0].ID)
	assert.Equal(t, booked.HostKey, page.Meetings[0].HostKey)
	assert.Equal(t, quanshi.UMeetingTypeScheduled, page.Meetings[0].Type)

	moved := eventBase.Add(2 * time.Hour)
	require.NoError(t, c.UMeeting.Update(ctx, &quanshi.UMeetingUpdateRequest{ID: id, Topic: "季度经营分析会（改期）", StartTime: moved, Duration: 45, MuteUponEntry: new(false)}))
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: id})
	require.NoError(t, err)
	assert.Equal(t, "季度经营分析会（改期）", got.Topic)
	assert.Equal(t, 45, got.Duration)
	eventAssertBeijing(t, moved, got.StartTime, "start_time after update")
	assert.Equal(t, "246810", got.Password, "what update does not send is kept")

	link, err := startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: id}))
	require.NoError(t, err)
	assert.Empty(t, link, "two hours before: the early-join time has not come")
	srv.Advance(2*time.Hour - 16*time.Minute)
	link, err = startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: id}))
	require.NoError(t, err)
	assert.Empty(t, link, "16 minutes before")
	srv.Advance(2 * time.Minute)
	link, err = startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: id}))
	require.NoError(t, err)
	assert.Equal(t, booked.StartURL, link, "ready_time (15 minutes) before the start")

	srv.Advance(20 * time.Minute)
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: id})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, got.Status)
	endAt := srv.Now()
	require.NoError(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: id}))
	require.NoError(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: id}), "ending an ended meeting changes nothing")
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: id})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusEnded, got.Status)
	link, err = startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: id}))
	require.NoError(t, err)
	assert.Empty(t, link, "over")

	page, err = c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{})
	require.NoError(t, err)
	require.Len(t, page.Meetings, 1, "only the other meeting is online")
	assert.Equal(t, other.MeetingID, page.Meetings[0].ID)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, page.Meetings[0].Status, "it runs for three hours")

	past, err := c.UMeeting.History(ctx, &quanshi.UMeetingListRequest{UserKey: "team-a"})
	require.NoError(t, err)
	assert.Equal(t, 1, past.Total)
	require.Len(t, past.Meetings, 1)
	assert.Equal(t, id, past.Meetings[0].ID)
	assert.Equal(t, quanshi.UMeetingStatusEnded, past.Meetings[0].Status)
	eventAssertBeijing(t, moved, past.Meetings[0].StartTime, "start_time")
	eventAssertBeijing(t, endAt, past.Meetings[0].EndTime, "end_time: when End was called")

	require.NoError(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: id}))
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: id})
	require.NoError(t, err)
	assert.True(t, got.Deleted)
	assert.Equal(t, quanshi.UMeetingStatusEnded, got.Status, "it took place before it was deleted")
	assert.ErrorIs(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: id}), quanshi.ErrConferenceNotFound, "already deleted")
	_, err = startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: id}))
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
}

func TestUMeetingRecurringSeries(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	start := eventBase.Add(24*time.Hour + time.Hour) // Tuesday 10:00
	daily, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic: "站会", MeetingCapacity: 25, StartTime: start, Duration: 40, UserKey: "daily",
		Recurrence: &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily, DailyType: quanshi.UMeetingWorkingDays, EndTimes: 5},
	})
	require.NoError(t, err)
	require.Len(t, daily.Occurrences, 5)
	wantDays := []time.Time{start, start.AddDate(0, 0, 1), start.AddDate(0, 0, 2), start.AddDate(0, 0, 3), start.AddDate(0, 0, 6)}
	uuids := map[string]bool{}
	for i, o := range daily.Occurrences {
		eventAssertBeijing(t, wantDays[i], o.StartTime, "working days skip the weekend")
		assert.NotEmpty(t, o.UUID)
		uuids[o.UUID] = true
	}
	assert.Len(t, uuids, 5, "each occurrence has its own uuid")

	weekly, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic: "周会", MeetingCapacity: 25, StartTime: start, Duration: 60,
		Recurrence: &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatWeekly, WeeklyDays: []int{1, 3}, EndDateTime: start.AddDate(0, 0, 13)},
	})
	require.NoError(t, err)
	var weekdays []time.Weekday
	for _, o := range weekly.Occurrences {
		weekdays = append(weekdays, o.StartTime.Weekday())
	}
	assert.Equal(t, []time.Weekday{time.Wednesday, time.Monday, time.Wednesday, time.Monday}, weekdays, `"1,3" is Monday and Wednesday, up to the end date`)

	monthly, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic: "月度会", MeetingCapacity: 25, StartTime: start, Duration: 60,
		Recurrence: &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatMonthly, MonthlyWeek: 2, MonthlyWeekDay: 3, EndTimes: 3},
	})
	require.NoError(t, err)
	require.Len(t, monthly.Occurrences, 3)
	for i, want := range []string{"2026-12-09", "2027-01-13", "2027-02-10"} {
		assert.Equal(t, want+" 10:00", monthly.Occurrences[i].StartTime.Format("2006-01-02 15:04"), "the second Wednesday")
	}

	// Delete the first occurrence: the series now starts with the second.
	require.NoError(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: daily.Occurrences[0].UUID}))
	got, err := c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: daily.MeetingID})
	require.NoError(t, err)
	eventAssertBeijing(t, wantDays[1], got.StartTime, "next occurrence")
	assert.False(t, got.Deleted)
	assert.ErrorIs(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: daily.Occurrences[0].UUID}), quanshi.ErrConferenceNotFound)

	// The second runs; ending it by uuid ends that occurrence only.
	srv.Advance(wantDays[1].Sub(eventBase) + 5*time.Minute)
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: daily.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, got.Status)
	link, err := startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: daily.Occurrences[1].UUID}))
	require.NoError(t, err)
	assert.Equal(t, daily.StartURL, link)
	require.NoError(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: daily.Occurrences[1].UUID}))
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: daily.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusScheduled, got.Status, "three are still to come")
	eventAssertBeijing(t, wantDays[2], got.StartTime, "next occurrence")

	// A series can only be changed as a whole.
	err = c.UMeeting.Update(ctx, &quanshi.UMeetingUpdateRequest{ID: daily.Occurrences[2].UUID, StartTime: wantDays[2], Duration: 40})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)

	// Deleting by number deletes what is left of the series.
	require.NoError(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: daily.MeetingID}))
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: daily.MeetingID})
	require.NoError(t, err)
	assert.True(t, got.Deleted)
	assert.Equal(t, quanshi.UMeetingStatusEnded, got.Status, "one occurrence took place")
	assert.ErrorIs(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: daily.MeetingID}), quanshi.ErrConferenceNotFound)
	online, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "daily"})
	require.NoError(t, err)
	assert.Zero(t, online.TotalRecord)

	// The monthly series never ran: deleting it cancels it.
	require.NoError(t, c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: monthly.MeetingID}))
	past, err := c.UMeeting.History(ctx, &quanshi.UMeetingListRequest{})
	require.NoError(t, err)
	require.Equal(t, 2, past.Total)
	byID := map[string]quanshi.UMeeting{}
	for _, m := range past.Meetings {
		byID[m.ID] = m
	}
	assert.Equal(t, quanshi.UMeetingStatusCancelled, byID[monthly.MeetingID].Status)
	assert.True(t, byID[monthly.MeetingID].EndTime.IsZero(), "cancelled before it ran: no end time")
	eventAssertBeijing(t, srv.Now(), byID[daily.MeetingID].EndTime, "the occurrence ended by uuid ended now")
	assert.Equal(t, quanshi.UMeetingStatusEnded, byID[daily.MeetingID].Status)
	assert.False(t, byID[daily.MeetingID].EndTime.IsZero())

	// Update turns a single meeting into a series and back.
	single, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "单次", MeetingCapacity: 25, StartTime: srv.Now().Add(time.Hour), Duration: 31})
	require.NoError(t, err)
	later := srv.Now().Add(2 * time.Hour)
	require.NoError(t, c.UMeeting.Update(ctx, &quanshi.UMeetingUpdateRequest{ID: single.MeetingID, StartTime: later, Duration: 31,
		Recurrence: &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily, EndTimes: 2}}))
	require.NoError(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: single.MeetingID}), "ends every occurrence of the series")
	got, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: single.MeetingID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.UMeetingStatusEnded, got.Status)
	err = c.UMeeting.Update(ctx, &quanshi.UMeetingUpdateRequest{ID: single.MeetingID, StartTime: later, Duration: 31, StopRecurrence: true})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "an ended meeting cannot be changed")
}

func TestUMeetingListAndHistoryIterAcrossPages(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	var ids []string
	for i := range 5 {
		m, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
			Topic: "分页", MeetingCapacity: 25, StartTime: eventBase.Add(time.Duration(i+1) * time.Hour), Duration: 45, UserKey: "pager",
		})
		require.NoError(t, err)
		ids = append(ids, m.MeetingID)
	}
	_, err := c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "别人的", MeetingCapacity: 25, StartTime: eventBase.Add(time.Hour), Duration: 45})
	require.NoError(t, err)

	second, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "pager", PageSize: 2, PageNumber: 2})
	require.NoError(t, err)
	assert.Equal(t, 2, second.PageNum)
	assert.Equal(t, 5, second.TotalRecord)
	assert.Equal(t, 3, second.TotalPage)
	assert.True(t, second.HasPreviousPage)
	assert.True(t, second.HasNextPage)
	require.Len(t, second.Meetings, 2)
	assert.Equal(t, ids[2:4], []string{second.Meetings[0].ID, second.Meetings[1].ID})

	var listed []string
	for m, err := range c.UMeeting.ListIter(ctx, &quanshi.UMeetingListRequest{UserKey: "pager", PageSize: 2}) {
		require.NoError(t, err)
		assert.Equal(t, "分页", m.Topic)
		assert.Equal(t, 45, m.Duration)
		listed = append(listed, m.ID)
	}
	assert.Equal(t, ids, listed, "by start time")

	srv.Advance(4 * time.Hour) // the first three have run out; the fourth runs
	var past []string
	for m, err := range c.UMeeting.HistoryIter(ctx, &quanshi.UMeetingListRequest{UserKey: "pager", PageSize: 2}) {
		require.NoError(t, err)
		assert.Equal(t, quanshi.UMeetingStatusEnded, m.Status)
		eventAssertBeijing(t, m.StartTime.Add(45*time.Minute), m.EndTime, "end_time")
		past = append(past, m.ID)
	}
	assert.Equal(t, []string{ids[2], ids[1], ids[0]}, past, "newest first")
	online, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "pager"})
	require.NoError(t, err)
	require.Len(t, online.Meetings, 2)
	assert.Equal(t, quanshi.UMeetingStatusInProgress, online.Meetings[0].Status)
	assert.Equal(t, quanshi.UMeetingStatusScheduled, online.Meetings[1].Status)
}

func TestUMeetingFailures(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	wrong, err := srv.Client(quanshi.WithUMeetingCredentials(srv.UMeetingKey, "not-the-secret"))
	require.NoError(t, err)
	_, err = wrong.UMeeting.List(ctx, &quanshi.UMeetingListRequest{})
	assert.ErrorIs(t, err, quanshi.ErrUnauthorized)
	assert.NotContains(t, err.Error(), "not-the-secret")

	_, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: "1000000000"})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	assert.ErrorIs(t, c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: "1000000000"}), quanshi.ErrConferenceNotFound)
	_, err = c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic: "无场次", MeetingCapacity: 25, StartTime: eventBase.Add(time.Hour), Duration: 60,
		Recurrence: &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily, EndDateTime: eventBase.Add(-24 * time.Hour)},
	})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "the series would hold no meeting")

	op := func(path string) quanshi.Operation {
		return quanshi.Operation{Family: quanshi.FamilyUMeeting, Method: http.MethodPost, Path: path}
	}
	valid := map[string]any{"topic": "t", "meeting_capacity": "25", "start_time": "2026-11-24 10:00:00", "duration": "31"}
	for name, body := range map[string]map[string]any{
		"no topic":            eventMerge(valid, map[string]any{"topic": ""}),
		"no capacity":         eventMerge(valid, map[string]any{"meeting_capacity": "0"}),
		"30 minutes":          eventMerge(valid, map[string]any{"duration": "30"}),
		"no start":            eventMerge(valid, map[string]any{"start_time": ""}),
		"start not a time":    eventMerge(valid, map[string]any{"start_time": "tomorrow"}),
		"flag not a bool":     eventMerge(valid, map[string]any{"mute_upon_entry": "maybe"}),
		"bad recording":       eventMerge(valid, map[string]any{"recording": "local"}),
		"user_key too long":   eventMerge(valid, map[string]any{"user_key": strings.Repeat("k", 201)}),
		"bad recurrence":      eventMerge(valid, map[string]any{"recurrence_type": "4", "end_times": "2"}),
		"recurrence no end":   eventMerge(valid, map[string]any{"recurrence_type": "1"}),
		"bad weekly days":     eventMerge(valid, map[string]any{"recurrence_type": "2", "weekly_days": "1,8", "end_times": "2"}),
		"bad monthly day":     eventMerge(valid, map[string]any{"recurrence_type": "3", "monthly_day": "32", "end_times": "2"}),
		"too many meetings":   eventMerge(valid, map[string]any{"recurrence_type": "1", "end_times": "366"}),
		"endless end date":    eventMerge(valid, map[string]any{"recurrence_type": "1", "end_date_time": "2030-01-01 00:00:00"}),
		"negative end times":  eventMerge(valid, map[string]any{"recurrence_type": "1", "end_times": "-1"}),
		"daily type out of 2": eventMerge(valid, map[string]any{"recurrence_type": "1", "daily_type": "3", "end_times": "2"}),
	} {
		assert.ErrorIs(t, c.Do(ctx, op("/umeeting/share/schedule"), body, nil), quanshi.ErrInvalidParameter, name)
	}
	var booked struct {
		MeetingID string `json:"meeting_id"`
	}
	require.NoError(t, c.Do(ctx, op("/umeeting/share/schedule"), eventMerge(valid, map[string]any{"recurrence_type": "2", "weekly_days": "1，3", "end_times": "2"}), &booked), `the page's "1，3"`)
	for name, body := range map[string]map[string]any{
		"update without id":       {"start_time": "2026-11-24 10:00:00", "duration": "40"},
		"update without duration": {"id": booked.MeetingID, "start_time": "2026-11-24 10:00:00"},
		"update without start":    {"id": booked.MeetingID, "duration": "40"},
	} {
		assert.ErrorIs(t, c.Do(ctx, op("/umeeting/share/update"), body, nil), quanshi.ErrInvalidParameter, name)
	}
	for _, path := range []string{"/umeeting/share/end", "/umeeting/share/delete", "/umeeting/share/getStartUrl"} {
		assert.ErrorIs(t, c.Do(ctx, op(path), map[string]any{}, nil), quanshi.ErrInvalidParameter, path)
	}
	assert.ErrorIs(t, c.Do(ctx, op("/umeeting/share/get"), map[string]any{}, nil), quanshi.ErrInvalidParameter)
	assert.ErrorIs(t, c.Do(ctx, op("/umeeting/share/list"), map[string]any{"page_size": "-1"}, nil), quanshi.ErrInvalidParameter)
	assert.ErrorIs(t, c.Do(ctx, op("/umeeting/share/history"), map[string]any{"page_number": "x"}, nil), quanshi.ErrInvalidParameter)
}
