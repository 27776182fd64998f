package quanshitest_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDashboardConferenceInfoBeforeWhileAfter(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	start := eventBase.Add(30 * time.Minute)
	ev := eventChild(t, c, quanshi.EventCalTypeSeriesChild, "产品发布会", start, 60, `[{"userId": 2001, "name": "张三"}, {"userId": 2002}]`)

	// The run's tempConferenceId shows in the live list once it runs.
	srv.Advance(35 * time.Minute)
	live, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	require.Len(t, live.Conferences, 1)
	tempID := live.Conferences[0].TempConferenceID
	require.NotEmpty(t, tempID)

	running, err := c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: tempID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusInProgress, running.Status)
	assert.True(t, running.StopTime.IsZero(), "stopTime 0 while it runs")
	eventAssertBeijing(t, start, running.StartTime, "startTime")
	assert.Equal(t, 5*time.Minute, running.ConfDuration)
	assert.Equal(t, ev.EventID, running.EventID)
	assert.Equal(t, tempID, running.TempConferenceID)
	assert.Equal(t, "产品发布会", running.Title)
	assert.Equal(t, ev.BillingCode, running.BillingCode)
	assert.Equal(t, ev.ParticipantPasscode, running.ParticipantPasscode)
	assert.Equal(t, int64(88589613), running.HostID)
	assert.Equal(t, "user88589613@sandbox.quanshi.test", running.HostEmail)
	assert.Equal(t, "0001", running.CustomerCode)
	assert.Equal(t, 3, running.ParticipantCount, "the host and both invitees have joined")
	assert.Equal(t, 3, running.RawParticipantCount)
	require.NotNil(t, running.IsRecord)
	assert.True(t, *running.IsRecord)
	require.NotNil(t, running.IsSecureConf)
	assert.False(t, *running.IsSecureConf)
	assert.Empty(t, running.ConferenceID, "only the live list names the conference")

	srv.Advance(time.Hour)
	ended, err := c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: tempID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusEnded, ended.Status)
	eventAssertBeijing(t, start.Add(time.Hour), ended.StopTime, "stopTime")
	assert.Equal(t, time.Hour, ended.ConfDuration)
	assert.Equal(t, 3, ended.ParticipantCount)

	srv.Advance(-2 * time.Hour) // back before the start: no run yet
	_, err = c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: tempID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	_, err = c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: "12345"})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "unknown tempConferenceId")
}

func TestDashboardLiveConferencesAndParticipants(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	// Three meetings run at +20m; one is over, one is still to come.
	var running []*quanshi.Event
	for i, participants := range []string{
		`[{"userId": 3001}, {"userId": 3002}, {"userId": 3003}]`, `[]`, `["a@example.com", "b@example.com"]`,
	} {
		running = append(running, eventChild(t, c, quanshi.EventCalTypeSeriesChild, "进行中", eventBase.Add(time.Duration(5+i)*time.Minute), 60, participants))
	}
	eventChild(t, c, quanshi.EventCalTypeSeriesChild, "已结束", eventBase, 10, `[]`)
	later := eventChild(t, c, quanshi.EventCalTypeSeriesChild, "未开始", eventBase.Add(2*time.Hour), 30, `[{"userId": 3001}]`)
	srv.Advance(20 * time.Minute)

	page, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{Count: 2})
	require.NoError(t, err)
	assert.Equal(t, 3, page.TotalCount)
	require.Len(t, page.Conferences, 2)
	assert.Equal(t, running[0].ConferenceID, page.Conferences[0].ConferenceID, "by start time")
	assert.Equal(t, 4, page.Conferences[0].ParticipantCount)
	assert.Equal(t, 1, page.Conferences[1].ParticipantCount)
	assert.Equal(t, "sandbox", page.Conferences[0].HostOrgName)
	assert.Equal(t, 1, page.Conferences[0].HostAccountType)

	var ids []string
	for conf, err := range c.Dashboard.LiveConferencesIter(ctx, &quanshi.DashboardLiveConferencesRequest{Count: 2}) {
		require.NoError(t, err)
		assert.Equal(t, quanshi.ConferenceStatusInProgress, conf.Status)
		assert.True(t, conf.StopTime.IsZero())
		assert.Equal(t, "进行中", conf.Title)
		ids = append(ids, conf.ConferenceID)
	}
	assert.Equal(t, []string{running[0].ConferenceID, running[1].ConferenceID, running[2].ConferenceID}, ids)

	crowded, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{FilterOneAttendee: new(true)})
	require.NoError(t, err)
	assert.Equal(t, 2, crowded.TotalCount, "the host alone is filtered out")
	mine, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{AdminUserID: 77})
	require.NoError(t, err)
	assert.Zero(t, mine.TotalCount, "another administrator sees the meetings they host")

	first, err := c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: running[0].EventID, Count: 3})
	require.NoError(t, err)
	require.Len(t, first.List, 3)
	host := first.List[0]
	assert.Equal(t, int64(88589613), host.UserID)
	assert.Equal(t, 1, host.Role)
	assert.Equal(t, []int{1}, host.Roles)
	assert.Equal(t, running[0].EventID, host.EventID)
	assert.Equal(t, running[0].ConferenceID, host.ConferenceID)
	assert.Equal(t, "Windows", host.DeviceType)
	assert.NotEmpty(t, host.IP)

	var people []quanshi.DashboardParticipant
	for a, err := range c.Dashboard.ParticipantsIter(ctx, &quanshi.DashboardParticipantsRequest{EventID: running[0].EventID, Count: 3}) {
		require.NoError(t, err)
		people = append(people, *a)
	}
	require.Len(t, people, 4)
	assert.Equal(t, []int64{88589613, 3001, 3002, 3003}, []int64{people[0].UserID, people[1].UserID, people[2].UserID, people[3].UserID})
	assert.Equal(t, 0, people[1].Role)
	assert.Equal(t, "user3001@sandbox.quanshi.test", people[1].Email)
	assert.NotEqual(t, people[1].TempUserID, people[2].TempUserID)

	byMail, err := c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: running[2].EventID})
	require.NoError(t, err)
	require.Len(t, byMail.List, 3)
	assert.Equal(t, "b@example.com", byMail.List[2].Email)

	none, err := c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: later.EventID})
	require.NoError(t, err)
	assert.Empty(t, none.List, "nobody is in a meeting that has not started")
	_, err = c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: 424242})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)

	srv.Advance(2 * time.Hour)
	after, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	assert.Equal(t, 1, after.TotalCount, "only the later meeting runs now")
	assert.Equal(t, later.ConferenceID, after.Conferences[0].ConferenceID)
}

func TestDashboardRejectsBadParameters(t *testing.T) {
	_, c := eventSandbox(t)
	ctx := context.Background()
	op := func(path string) quanshi.Operation {
		return quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: http.MethodPost, Path: path, Idempotent: true}
	}
	for name, call := range map[string]struct {
		path string
		body map[string]any
	}{
		"info without id":         {"/confopenapi/admin/dashboard/conference/info", map[string]any{}},
		"list with negative page": {"/confopenapi/conference/listbystatus", map[string]any{"page": -1}},
		"list with a bad count":   {"/confopenapi/conference/listbystatus", map[string]any{"count": "many"}},
		"attendees without event": {"/confopenapi/conference/attendee/list", map[string]any{"page": 1}},
		"attendees negative":      {"/confopenapi/conference/attendee/list", map[string]any{"eventId": 1, "count": -5}},
	} {
		assert.ErrorIs(t, c.Do(ctx, op(call.path), call.body, nil), quanshi.ErrInvalidParameter, name)
	}
}

// TestDashboardShowsAConferenceCreatedMeeting: a meeting booked through the
// classic /conference API runs on the dashboard and is an event.
func TestDashboardShowsAConferenceCreatedMeeting(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	start := eventBase.Add(time.Hour)
	res, err := c.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: 88589613, Title: "季度复盘", Length: 60, StartTime: start,
		InviteeList: []quanshi.ConferenceInvitee{{Email: "c1@example.com"}, {Email: "c2@example.com"}},
	}})
	require.NoError(t, err)

	live, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	assert.Zero(t, live.TotalCount, "not started yet")

	srv.Advance(time.Hour + 5*time.Minute)
	live, err = c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	require.Len(t, live.Conferences, 1)
	conf := live.Conferences[0]
	assert.Equal(t, res.ConferenceID, conf.ConferenceID)
	assert.Equal(t, "季度复盘", conf.Title)
	assert.Equal(t, res.ParticipantPasscode, conf.ParticipantPasscode)
	assert.Equal(t, 3, conf.ParticipantCount, "the host and both invitees")

	people, err := c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: conf.EventID})
	require.NoError(t, err)
	require.Len(t, people.List, 3)
	assert.Equal(t, "c2@example.com", people.List[2].Email)

	ev, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: conf.EventID})
	require.NoError(t, err)
	assert.Equal(t, res.ConferenceID, ev.ConferenceID)
	assert.Equal(t, quanshi.EventFormWebMeeting, ev.EventForm, "a conference is a web-meeting event")
	eventAssertBeijing(t, start, ev.StartTime, "startTime")
}
