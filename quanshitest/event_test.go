package quanshitest_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventBase is the sandbox clock of the event, dashboard and umeeting tests:
// a Monday morning in Beijing.
var eventBase = time.Date(2026, 11, 23, 9, 0, 0, 0, quanshi.Beijing)

func eventSandbox(t *testing.T) (*quanshitest.Server, *quanshi.Client) {
	t.Helper()
	return newSandbox(t, quanshitest.WithClock(func() time.Time { return eventBase }))
}

// eventAssertBeijing checks a decoded time against want and its zone.
func eventAssertBeijing(t *testing.T, want, got time.Time, field string) {
	t.Helper()
	assert.True(t, want.Equal(got), "%s: want %v, got %v", field, want, got)
	_, offset := got.Zone()
	assert.Equal(t, 8*3600, offset, "%s is in +08:00", field)
}

// eventChild books a child meeting under the latest parent of its kind.
func eventChild(t *testing.T, c *quanshi.Client, calType quanshi.EventCalType, title string, start time.Time, length int, participants string) *quanshi.Event {
	t.Helper()
	ev, err := c.Event.Create(context.Background(), &quanshi.EventCreateRequest{
		CalType: calType, HostID: 88589613, Title: title, StartTime: start, Length: length,
		Participants: json.RawMessage(participants),
	})
	require.NoError(t, err)
	return ev
}

func TestEventSeriesParentAndChildren(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()

	parent, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeSeriesParent, MeetingType: quanshi.EventMeetingTypeAnalyst, HostID: 88589613,
		Title: "2027 宏观系列", Summary: "<p>全年<strong>宏观</strong>展望</p>", IsSamePassword: new(true),
		ExtraInfo: &quanshi.EventCreateExtraInfo{
			Recommends:         []quanshi.EventPlatform{quanshi.EventPlatformCompanySite, quanshi.EventPlatformChoice},
			RecommendJoinLimit: quanshi.EventJoinLimitInstitutional,
			JoinLimits:         []quanshi.EventJoinLimit{quanshi.EventJoinLimitWhitelist},
			LiveConfig:         &quanshi.EventLiveConfig{EnrollApproval: new(1)},
		},
	})
	require.NoError(t, err)
	assert.Positive(t, parent.EventID)
	assert.Zero(t, parent.ParentID)
	assert.Empty(t, parent.ConferenceID, "a parent holds no meeting")
	assert.Empty(t, parent.TemplateRoles)
	assert.Equal(t, int64(88589613), parent.HostID)
	assert.Equal(t, "2027 宏观系列", parent.Title)
	assert.Equal(t, "<p>全年<strong>宏观</strong>展望</p>", parent.Summary)
	assert.Contains(t, parent.AudienceUnionURL, "/activity/")
	assert.Equal(t, int64(126998), parent.ExtraInfo.TemplateID)
	assert.Equal(t, "分析师会议", parent.ExtraInfo.TemplateName)
	assert.Equal(t, []quanshi.EventPlatform{1, 16}, parent.ExtraInfo.Recommends)
	assert.Equal(t, quanshi.EventJoinLimitInstitutional, parent.ExtraInfo.RecommendJoinLimit)
	assert.Equal(t, []quanshi.EventJoinLimit{quanshi.EventJoinLimitWhitelist}, parent.ExtraInfo.JoinLimits)
	assert.Equal(t, 1, parent.ExtraInfo.IsPublic, "recommends 1 publishes it on the company site")
	require.NotNil(t, parent.ExtraInfo.LiveConfig.EnrollApproval)
	assert.Equal(t, 1, *parent.ExtraInfo.LiveConfig.EnrollApproval)

	start := eventBase.Add(24 * time.Hour)
	first, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeSeriesChild, HostID: 88589613, Title: "第一期", Summary: "第一期",
		StartTime: start, Length: 60, IsReturnLiveStreamURL: new(true),
		Participants: json.RawMessage(`[{"userId": 88589614, "name": "李四"}, "wangwu@example.com", 88589613]`),
	})
	require.NoError(t, err)
	assert.Equal(t, parent.EventID, first.ParentID, "a child joins the latest parent of its kind")
	assert.Equal(t, parent.EventID, first.ExtraInfo.ParentEventID)
	assert.NotEqual(t, parent.EventID, first.EventID)
	assert.NotEmpty(t, first.ConferenceID)
	assert.NotEmpty(t, first.BillingCode)
	assert.Len(t, first.HostPasscode, 18)
	assert.NotEqual(t, first.HostPasscode, first.ParticipantPasscode)
	eventAssertBeijing(t, start, first.StartTime, "startTime")
	assert.Equal(t, 60, first.Length)
	assert.Equal(t, quanshi.EventFormLargeLive, first.EventForm)
	assert.Equal(t, "分析师会议", first.ExtraInfo.TemplateName, "the meeting type comes from the parent")
	assert.Equal(t, "user88589613", first.HostName)
	require.Len(t, first.TemplateRoles, 4)
	assert.Equal(t, first.HostJoinURL, first.TemplateRoles[0].Link)
	assert.Equal(t, quanshi.EventManagerHost, first.TemplateRoles[0].ManagerType)
	assert.Equal(t, first.JoinHostURL, first.TemplateRoles[1].Link)
	assert.Equal(t, quanshi.EventManagerCoHost, first.TemplateRoles[1].ManagerType)
	assert.Equal(t, first.GuestJoinURL, first.TemplateRoles[2].InternalLink)
	assert.Equal(t, first.AudienceUnionURL, first.TemplateRoles[3].Link)
	assert.Equal(t, quanshi.EventJoinWayLive, first.TemplateRoles[3].JoinConfWay)
	assert.Equal(t, quanshi.EventJoinWay(898), first.TemplateRoles[0].JoinConfWay, "the example's raw value")
	require.Len(t, first.LiveStreamURL, 1)
	assert.Equal(t, "quanshi", first.LiveStreamURL[0].Provider)
	assert.Contains(t, first.LiveStreamURL[0].RTMPURL, first.ConferenceID)
	eventAssertBeijing(t, start.Add(25*time.Hour), first.LiveStreamURL[0].URLExpireTime, "url_expire_time")

	second := eventChild(t, c, quanshi.EventCalTypeSeriesChild, "第二期", start.Add(7*24*time.Hour), 90, `[]`)
	assert.Equal(t, parent.EventID, second.ParentID)
	assert.Equal(t, first.HostPasscode, second.HostPasscode, "isSamePassword 1: the series shares its passwords")
	assert.Equal(t, first.ParticipantPasscode, second.ParticipantPasscode)
	assert.NotEqual(t, first.ConferenceID, second.ConferenceID)
	assert.Empty(t, second.LiveStreamURL, "not asked for")

	got, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: first.EventID, IsReturnLiveStreamURL: new(true)})
	require.NoError(t, err)
	assert.Equal(t, first.EventID, got.EventID)
	assert.Equal(t, "第一期", got.Title)
	assert.Equal(t, first.ConferenceID, got.ConferenceID)
	assert.Equal(t, first.HostPasscode, got.HostPasscode)
	assert.Equal(t, first.HostJoinURL, got.HostJoinURL, "links are derived from the meeting, the same everywhere")
	assert.Equal(t, first.GuestJoinURL, got.GuestJoinURL)
	assert.Equal(t, first.AudienceUnionURL+"?test=1", got.TestAudienceUnionURL)
	assert.Equal(t, quanshi.EventStatusCreated, got.Status)
	eventAssertBeijing(t, start.Add(time.Hour), got.EndTime, "endTime")
	eventAssertBeijing(t, eventBase, got.CreateTime, "createTime")
	assert.Equal(t, parent.EventID, got.ParentID)
	assert.Equal(t, first.LiveStreamURL, got.LiveStreamURL)
	assert.Contains(t, got.WebRTCURL, "priority=web")

	gotParent, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: parent.EventID})
	require.NoError(t, err)
	eventAssertBeijing(t, start, gotParent.StartTime, "a parent spans its children: startTime")
	eventAssertBeijing(t, second.StartTime.Add(90*time.Minute), gotParent.EndTime, "endTime")
	assert.Equal(t, "分析师会议", gotParent.ExtraInfo.TemplateName)
	assert.Equal(t, quanshi.EventStatusCreated, gotParent.Status)

	srv.Advance(24*time.Hour + time.Hour + 12*time.Hour)
	got, err = c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: first.EventID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.EventStatusEnded, got.Status, "12 hours past its end")
	gotParent, err = c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: parent.EventID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.EventStatusCreated, gotParent.Status, "its second meeting is still to come")
	srv.Advance(7*24*time.Hour + time.Hour)
	gotParent, err = c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: parent.EventID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.EventStatusEnded, gotParent.Status, "every meeting has ended")
}

func TestEventStrategyParentForumAndListedCompany(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	series, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeSeriesParent, MeetingType: quanshi.EventMeetingTypeMorning, Title: "晨会"})
	require.NoError(t, err)
	assert.Equal(t, srv.AdminUserID, series.HostID, "no hostId: the token's admin hosts")

	strategy, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeStrategyParent, Title: "2027 年度策略会", HostID: 88406965})
	require.NoError(t, err)
	assert.Zero(t, strategy.ExtraInfo.TemplateID, "no meeting type, no template")

	start := eventBase.Add(2 * time.Hour)
	forum, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeForum, MeetingType: quanshi.EventMeetingTypeExpert, HostID: 88406965,
		Title: "消费论坛", StartTime: start, Length: 45, Participants: json.RawMessage(`[{"email": "expert@example.com"}]`),
	})
	require.NoError(t, err)
	assert.Equal(t, strategy.EventID, forum.ParentID, "a forum joins the strategy parent, not the series")
	assert.Equal(t, "专家会议", forum.ExtraInfo.TemplateName)
	assert.Equal(t, int64(127000), forum.ExtraInfo.TemplateID)
	assert.NotEqual(t, series.EventID, forum.ParentID)

	listed, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeListedCompany, MeetingType: quanshi.EventMeetingTypeListedCompany, HostID: 88406965,
		Title: "平安银行交流会", StartTime: start.Add(time.Hour), Length: 60, Participants: json.RawMessage(`[]`),
		ListedCompany: &quanshi.EventListedCompany{CustomerName: "平安银行", StockCode: "000001"},
		ExtraInfo:     &quanshi.EventCreateExtraInfo{JoinLimits: []quanshi.EventJoinLimit{quanshi.EventJoinLimitEveryone, quanshi.EventJoinLimitEnrolled}},
	})
	require.NoError(t, err)
	assert.Equal(t, strategy.EventID, listed.ParentID)
	assert.Equal(t, "上市公司会议", listed.ExtraInfo.TemplateName)
	assert.Equal(t, int64(126999), listed.ExtraInfo.TemplateID, "the create example's template")
	assert.Equal(t, quanshi.EventListedCompany{CustomerName: "平安银行", StockCode: "000001"}, listed.ExtraInfo.ListedCompany, "leading zeros survive")
	assert.Equal(t, []quanshi.EventJoinLimit{0, 6}, listed.ExtraInfo.JoinLimits)
	assert.Zero(t, listed.ExtraInfo.IsPublic)
	assert.NotEqual(t, forum.HostPasscode, listed.HostPasscode, "isSamePassword not set: each meeting has its own")

	got, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: forum.EventID})
	require.NoError(t, err)
	assert.Equal(t, "消费论坛", got.Title)
	assert.Equal(t, int64(88406965), got.HostID)
	assert.Equal(t, strategy.EventID, got.ExtraInfo.ParentEventID)

	// The forum is a meeting of the shared store: the dashboard shows it
	// and its participant while it runs.
	srv.Advance(2*time.Hour + 5*time.Minute)
	live, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	require.Len(t, live.Conferences, 1)
	assert.Equal(t, forum.ConferenceID, live.Conferences[0].ConferenceID)
	assert.Equal(t, forum.EventID, live.Conferences[0].EventID)
	assert.Equal(t, forum.ParticipantPasscode, live.Conferences[0].ParticipantPasscode)
	assert.Equal(t, 2, live.Conferences[0].ParticipantCount, "the host and the expert")
	people, err := c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: forum.EventID})
	require.NoError(t, err)
	require.Len(t, people.List, 2)
	assert.Equal(t, "expert@example.com", people.List[1].Email)
	assert.Equal(t, "expert", people.List[1].Name)
}

func TestEventListModifiedIterAcrossPages(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	parent, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeSeriesParent, MeetingType: quanshi.EventMeetingTypeTraining, Title: "培训"})
	require.NoError(t, err)
	ids := []int64{parent.EventID}
	children := map[int64]*quanshi.Event{}
	for i := range 4 {
		srv.Advance(time.Minute)
		ev := eventChild(t, c, quanshi.EventCalTypeSeriesChild, "培训 "+string(rune('A'+i)), eventBase.Add(48*time.Hour), 60, `[]`)
		ids = append(ids, ev.EventID)
		children[ev.EventID] = ev
	}

	page, err := c.Event.ListModified(ctx, &quanshi.EventListModifiedRequest{From: eventBase, PageSize: 2})
	require.NoError(t, err)
	assert.Equal(t, 5, page.Count)
	require.Len(t, page.List, 2)
	assert.Equal(t, parent.EventID, page.List[0].EventID, "oldest change first")
	assert.Equal(t, quanshi.EventStatusCreated, page.List[1].EventStatus)

	var got []int64
	for ev, err := range c.Event.ListModifiedIter(ctx, &quanshi.EventListModifiedRequest{From: eventBase, PageSize: 2}) {
		require.NoError(t, err)
		got = append(got, ev.EventID)
		if want, ok := children[ev.EventID]; ok {
			assert.Equal(t, want.Title, ev.Title)
			assert.Equal(t, want.ConferenceID, ev.ConferenceID)
			assert.Equal(t, want.JoinHostURL, ev.JoinHostURL, "sent as jointHostUrl, copied by the SDK")
			assert.Equal(t, want.JoinHostURL, ev.JointHostURL)
			eventAssertBeijing(t, want.StartTime, ev.StartTime, "startTime")
		}
	}
	assert.Equal(t, ids, got)
	assert.Equal(t, 3, srv.Calls("/eventopenapi/event/modify/list")-1, "five events in pages of two")

	window, err := c.Event.ListModified(ctx, &quanshi.EventListModifiedRequest{From: eventBase.Add(2 * time.Minute), To: eventBase.Add(3 * time.Minute)})
	require.NoError(t, err)
	assert.Equal(t, 2, window.Count)
	require.Len(t, window.List, 2)
	assert.Equal(t, ids[2:4], []int64{window.List[0].EventID, window.List[1].EventID})
	eventAssertBeijing(t, eventBase.Add(2*time.Minute), window.List[0].ModifyTime, "modifyTime")
}

func TestEventListPublicIterAcrossPages(t *testing.T) {
	_, c := eventSandbox(t)
	ctx := context.Background()
	public := &quanshi.EventCreateExtraInfo{Recommends: []quanshi.EventPlatform{quanshi.EventPlatformCompanySite}}
	var publicIDs, privateIDs []int64
	for i := range 5 {
		req := &quanshi.EventCreateRequest{
			CalType: quanshi.EventCalTypeForum, MeetingType: quanshi.EventMeetingTypeAnalyst, HostID: 88406965 + int64(i%2),
			Title: "论坛", StartTime: eventBase.Add(time.Duration(i+1) * time.Hour), Length: 30, Participants: json.RawMessage(`[]`),
		}
		if i != 1 && i != 3 {
			req.ExtraInfo = public
		}
		ev, err := c.Event.Create(ctx, req)
		require.NoError(t, err)
		if req.ExtraInfo != nil {
			publicIDs = append(publicIDs, ev.EventID)
		} else {
			privateIDs = append(privateIDs, ev.EventID)
		}
	}
	collect := func(req *quanshi.EventListPublicRequest) []int64 {
		t.Helper()
		var ids []int64
		for ev, err := range c.Event.ListPublicIter(ctx, req) {
			require.NoError(t, err)
			assert.NotEmpty(t, ev.ParticipantJoinURL)
			assert.NotEmpty(t, ev.ConferenceID)
			ids = append(ids, ev.EventID)
		}
		return ids
	}

	firstRes12, err := c.Event.ListPublic(ctx, &quanshi.EventListPublicRequest{ListType: new(quanshi.EventListPublic), Count: 2})
	first := firstRes12.Events
	require.NoError(t, err)
	require.Len(t, first, 2, "page 0")
	assert.Equal(t, publicIDs[:2], []int64{first[0].EventID, first[1].EventID})
	eventAssertBeijing(t, eventBase.Add(time.Hour), first[0].StartTime, "startTime")
	eventAssertBeijing(t, eventBase.Add(90*time.Minute), first[0].EndTime, "endTime")
	assert.Equal(t, 30, first[0].Length)

	assert.Equal(t, publicIDs, collect(&quanshi.EventListPublicRequest{ListType: new(quanshi.EventListPublic), Count: 2}))
	assert.Equal(t, privateIDs, collect(&quanshi.EventListPublicRequest{ListType: new(quanshi.EventListNonPublic), Count: 1}))
	assert.Len(t, collect(&quanshi.EventListPublicRequest{Count: 2}), 5, "all by default")
	assert.Equal(t, publicIDs, collect(&quanshi.EventListPublicRequest{HostID: 88406965}), "one host's (the even ones)")
	assert.Equal(t, privateIDs, collect(&quanshi.EventListPublicRequest{HostID: 88406966}))
	assert.Equal(t, []int64{publicIDs[0], privateIDs[0]}, collect(&quanshi.EventListPublicRequest{To: eventBase.Add(2 * time.Hour)}), "starting by endTime")
	assert.Equal(t, []int64{publicIDs[1]}, collect(&quanshi.EventListPublicRequest{
		ListType: new(quanshi.EventListPublic), From: eventBase.Add(3 * time.Hour), To: eventBase.Add(3 * time.Hour),
	}))
}

func TestEventControlHoldsLateJoinersInTheWaitingRoom(t *testing.T) {
	srv, c := eventSandbox(t)
	ctx := context.Background()
	start := eventBase.Add(10 * time.Minute)
	ev := eventChild(t, c, quanshi.EventCalTypeSeriesChild, "控制", start, 60,
		`[{"userId": 1001}, {"userId": 1002}, {"userId": 1003}]`)

	err := c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: ev.EventID, MuteAll: new(true)})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "nothing to control before it starts")

	count := func() int {
		t.Helper()
		n := 0
		for _, err := range c.Dashboard.ParticipantsIter(ctx, &quanshi.DashboardParticipantsRequest{EventID: ev.EventID}) {
			require.NoError(t, err)
			n++
		}
		return n
	}
	srv.Advance(10*time.Minute + 90*time.Second) // the host and the first invitee are in
	assert.Equal(t, 2, count())
	require.NoError(t, c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: ev.EventID, OperatorID: "88589613", MuteAll: new(true), Lock: new(true), WaitingRoom: new(false)}))
	srv.Advance(5 * time.Minute)
	assert.Equal(t, 2, count(), "locking opens the waiting room: the others wait there")

	require.NoError(t, c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: ev.EventID, Lock: new(false)}))
	assert.Equal(t, 2, count(), "unlocking leaves the waiting room open")
	info, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err)
	require.Len(t, info.Conferences, 1)
	assert.Equal(t, 2, info.Conferences[0].ParticipantCount)

	require.NoError(t, c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: ev.EventID, WaitingRoom: new(false)}))
	assert.Equal(t, 4, count(), "closing the waiting room admits everyone")

	srv.Advance(time.Hour)
	err = c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: ev.EventID, MuteAll: new(false)})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "it has ended")
}

func TestEventFailures(t *testing.T) {
	_, c := eventSandbox(t)
	ctx := context.Background()
	parent, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeStrategyParent, Title: "策略会"})
	require.NoError(t, err)

	_, err = c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: 99999999})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	err = c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: 99999999, Lock: new(true)})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	err = c.Event.Control(ctx, &quanshi.EventControlRequest{EventID: parent.EventID, Lock: new(true)})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "a parent has no meeting")

	// What the SDK would stop is checked by the sandbox too, as the real API
	// does: raw bodies through client.Do.
	op := func(path string) quanshi.Operation {
		return quanshi.Operation{Family: quanshi.FamilyEvent, Method: http.MethodPost, Path: path}
	}
	child := map[string]any{"calType": "R", "startTime": eventBase.Unix(), "length": "60", "participants": []any{}}
	for name, body := range map[string]map[string]any{
		"no calType":              {"title": "x"},
		"unknown calType":         {"calType": "X"},
		"series without type":     {"calType": "RP"},
		"forum without type":      {"calType": "FB", "startTime": eventBase.Unix(), "length": 60, "participants": []any{}},
		"type out of range":       {"calType": "F", "meetingType": 8},
		"listed without company":  {"calType": "F", "meetingType": "2"},
		"listed without code":     {"calType": "F", "meetingType": 2, "listedCompany": map[string]any{"customerName": "平安银行"}},
		"summary too long":        {"calType": "F", "summary": string(make([]rune, 501))},
		"summary with script":     {"calType": "F", "summary": "<script>alert(1)</script>"},
		"cover not a URL":         {"calType": "F", "liveCover": "cover.png"},
		"bad recommend":           {"calType": "F", "extraInfo": map[string]any{"recommends": []int{2}}},
		"bad recommendJoinLimit":  {"calType": "F", "extraInfo": map[string]any{"recommendJoinLimit": 6}},
		"bad joinLimits number":   {"calType": "F", "extraInfo": map[string]any{"joinLimits": 3}},
		"bad enrollApproval":      {"calType": "F", "extraInfo": map[string]any{"liveConfig": map[string]any{"enrollApproval": 2}}},
		"bad isSamePassword":      {"calType": "F", "isSamePassword": 2},
		"child without start":     {"calType": "R", "length": 60, "participants": []any{}},
		"child without length":    {"calType": "R", "startTime": eventBase.Unix(), "participants": []any{}},
		"participants not a list": {"calType": "FC", "startTime": eventBase.Unix(), "length": 60, "participants": map[string]any{}},
		"child of the wrong kind": eventMerge(child, map[string]any{"parentId": parent.EventID}),
		"startTime not a time":    eventMerge(child, map[string]any{"startTime": "soon"}),
	} {
		err := c.Do(ctx, op("/eventopenapi/event/create"), body, nil)
		assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, name)
	}
	err = c.Do(ctx, op("/eventopenapi/event/create"), eventMerge(child, map[string]any{"parentId": 99999999}), nil)
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "unknown parent")
	var out struct {
		EventID  int64 `json:"eventId"`
		ParentID int64 `json:"parentId"`
	}
	require.NoError(t, c.Do(ctx, op("/eventopenapi/event/create"), eventMerge(child, map[string]any{"calType": "FC", "extraInfo": map[string]any{"parentEventId": parent.EventID, "joinLimits": "7"}}), &out))
	assert.Equal(t, parent.EventID, out.ParentID, "extraInfo.parentEventId links a child; joinLimits may be a number")

	for name, body := range map[string]map[string]any{
		"modify without startTime": {"page": 1},
		"modify end before start":  {"startTime": eventBase.Unix(), "endTime": eventBase.Add(-time.Hour).Unix()},
		"modify negative page":     {"startTime": eventBase.Unix(), "page": -1},
	} {
		assert.ErrorIs(t, c.Do(ctx, op("/eventopenapi/event/modify/list"), body, nil), quanshi.ErrInvalidParameter, name)
	}
	assert.ErrorIs(t, c.Do(ctx, op("/eventopenapi/event/public/list"), map[string]any{"listType": 3}, nil), quanshi.ErrInvalidParameter)
	assert.ErrorIs(t, c.Do(ctx, op("/eventopenapi/event/public/list"), map[string]any{"count": -1}, nil), quanshi.ErrInvalidParameter)
	assert.ErrorIs(t, c.Do(ctx, op("/eventopenapi/event/info"), map[string]any{}, nil), quanshi.ErrInvalidParameter)
	assert.ErrorIs(t, c.Do(ctx, op("/eventopenapi/event/info"), map[string]any{"eventId": parent.EventID, "isReturnLiveStreamUrl": 2}, nil), quanshi.ErrInvalidParameter)
	assert.ErrorIs(t, c.Do(ctx, op("/eventopenapi/realtime/meeting/control"), map[string]any{"eventId": parent.EventID, "lock": 5}, nil), quanshi.ErrInvalidParameter)
}

// eventMerge returns a copy of base with extra's members set.
func eventMerge(base, extra map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(extra))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func TestEventTokenIsRequired(t *testing.T) {
	srv, _ := eventSandbox(t)
	bare, err := quanshi.NewClient(quanshi.WithEventBaseURL(srv.EventsURL), quanshi.WithToken("not-a-token"))
	require.NoError(t, err)
	_, err = bare.Event.Get(context.Background(), &quanshi.EventGetRequest{EventID: 1})
	assert.ErrorIs(t, err, quanshi.ErrTokenInvalid)
}

func TestEventChildNamesItsParent(t *testing.T) {
	_, c := eventSandbox(t)
	ctx := context.Background()
	parent := func(title string) int64 {
		p, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeSeriesParent,
			MeetingType: quanshi.EventMeetingTypeAnalyst, HostID: 88589613, Title: title})
		require.NoError(t, err)
		return p.EventID
	}
	first, second := parent("A 系列"), parent("B 系列")
	child, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeSeriesChild, HostID: 88589613,
		Title: "A 系列第一场", StartTime: eventBase.Add(24 * time.Hour), Length: 60,
		Participants: json.RawMessage(`[{"email":"x@corp.test"}]`),
		ExtraInfo:    &quanshi.EventCreateExtraInfo{ParentEventID: first}})
	require.NoError(t, err)
	assert.Equal(t, first, child.ParentID, "not the latest parent %d", second)
	assert.Equal(t, first, child.ExtraInfo.ParentEventID)
}
