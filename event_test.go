package quanshi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"encoding/json"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventAssertTime checks that got is want and is in the +08:00 zone.
func eventAssertTime(t *testing.T, want, got time.Time, field string) {
	t.Helper()
	assert.True(t, want.Equal(got), "%s: want %v, got %v", field, want, got)
	_, offset := got.Zone()
	assert.Equal(t, 8*3600, offset, "%s must be in Beijing time", field)
}

// eventRespondFunc answers every request to op with what fn returns for the
// request body as sent, and records the requests.
func eventRespondFunc(api *testAPI, op Operation, fn func(body string) (int, string)) *recorded {
	rec := &recorded{}
	api.mock.RegisterResponder(op.Method, urlFor(op.Family, op.Path), func(req *http.Request) (*http.Response, error) {
		rec.add(req)
		status, body := fn(rec.last(api.t).Body)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json;charset=UTF-8")
		return resp, nil
	})
	return rec
}

// eventListedCompanyRequest is the seed's "strategy child: listed-company
// meeting" request.
func eventListedCompanyRequest() *EventCreateRequest {
	return &EventCreateRequest{
		CalType:       EventCalTypeListedCompany,
		MeetingType:   EventMeetingTypeListedCompany,
		HostID:        88589613,
		Title:         "2024-10-18 14:35:18 会议",
		Summary:       "this is a test",
		LiveCover:     "https://testyunzhibo.quanshi.com/cover/657341.png",
		ListedCompany: &EventListedCompany{CustomerName: "2233", StockCode: "002233"},
		Participants:  json.RawMessage(`[{"userId":88589613}]`),
		StartTime:     time.Date(2024, 10, 16, 13, 50, 18, 0, Beijing),
		Length:        60,
		ExtraInfo: &EventCreateExtraInfo{
			Recommends:         []EventPlatform{EventPlatformCompanySite, EventPlatformChoice},
			RecommendJoinLimit: EventJoinLimitInstitutional,
			JoinLimits:         []EventJoinLimit{EventJoinLimitEveryone, EventJoinLimitEnrolled},
			LiveConfig:         &EventLiveConfig{EnrollApproval: new(0)},
		},
		IsSamePassword: new(false),
	}
}

func TestEventCreateDecodesTheSeedExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opEventCreate, "event/create.json")
	ev, err := api.client.Event.Create(context.Background(), eventListedCompanyRequest())
	require.NoError(t, err)

	assert.Equal(t, int64(657341), ev.EventID)
	assert.Zero(t, ev.ParentID, "parentId null")
	assert.Equal(t, "2024-10-18 14:35:18 会议", ev.Title)
	assert.Equal(t, "this is a test", ev.Summary)
	assert.Equal(t, int64(88589613), ev.HostID)
	assert.Equal(t, "new255", ev.HostName)
	assert.Equal(t, "95531303", ev.BillingCode)
	assert.Equal(t, "239836699", ev.ConferenceID)
	assert.Equal(t, "201501000037768087", ev.HostPasscode)
	assert.Equal(t, "201501000037768088", ev.ParticipantPasscode)
	assert.Equal(t, "https://stest.qsh1.cn/a/HVIZeX556260", ev.HostJoinURL)
	assert.Equal(t, "https://stest.qsh1.cn/a/GVIZeXD76177", ev.JoinHostURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gektRgcWl", ev.AudienceUnionURL)
	assert.Contains(t, ev.GuestJoinURL, "jointid=q0ZfoN_SzB_yBMS_gnw-TvzH7HQYtAcbSKn1tq0E5NVtiGIl5w1U9JcQepjFjKzl")
	eventAssertTime(t, time.Date(2024, 10, 16, 13, 50, 18, 0, Beijing), ev.StartTime, "startTime")

	require.Len(t, ev.TemplateRoles, 4)
	host := ev.TemplateRoles[0]
	assert.Equal(t, int64(1000), host.RoleID)
	assert.Equal(t, "主持人", host.RoleName)
	assert.Equal(t, EventManagerHost, host.ManagerType)
	assert.Equal(t, "host", host.ManagerType.String())
	assert.Equal(t, EventJoinWay(898), host.JoinConfWay)
	assert.Equal(t, "EventJoinWay(898)", host.JoinConfWay.String(), "undocumented values print raw")
	assert.Empty(t, host.InternalLink, "internallink null")
	assert.Equal(t, EventManagerCoHost, ev.TemplateRoles[1].ManagerType)
	assert.Equal(t, "联席主持人", ev.TemplateRoles[1].RoleName)
	assert.Equal(t, EventJoinWay(3987), ev.TemplateRoles[1].JoinConfWay)
	guest := ev.TemplateRoles[2]
	assert.Equal(t, int64(1003), guest.RoleID)
	assert.Equal(t, EventManagerParticipant, guest.ManagerType)
	assert.Equal(t, ev.GuestJoinURL, guest.InternalLink)
	audience := ev.TemplateRoles[3]
	assert.Equal(t, "观众", audience.RoleName)
	assert.Equal(t, EventJoinWayLive, audience.JoinConfWay)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gektRgcWl", audience.Link)

	x := ev.ExtraInfo
	assert.Equal(t, int64(126999), x.TemplateID)
	assert.Equal(t, "上市公司会议", x.TemplateName)
	assert.Equal(t, EventListedCompany{CustomerName: "2233", StockCode: "122222"}, x.ListedCompany)
	assert.Empty(t, x.Recommends)
	assert.Empty(t, x.JoinLimits)
	assert.Equal(t, EventJoinLimitUnknown, x.RecommendJoinLimit, "null is not EventJoinLimitEveryone (0)")
	assert.Zero(t, x.ParentEventID)
	assert.Nil(t, x.LiveConfig.EnrollApproval)
	assert.Equal(t, "null", string(x.MtgHubInfo), "undocumented members keep their raw JSON")
	assert.Equal(t, "null", string(x.RebroadcastForm))
	assert.Empty(t, ev.LiveStreamURL)
}

func TestEventCreateDecodesTheExtraInfoLists(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opEventCreate, http.StatusOK, `{"code":200,"msg":"ok","data":{"eventId":"657342",
		"eventForm":"4","liveScreen":1,"manualService":2,"liveLag":1,"labels":["策略会","2024"],"customStr":"crm-42",
		"liveOpenFlag":1,"joinLimit":1,"callbackUrl":"https://crm.example.com/quanshi/callback",
		"testAudienceUnionUrl":"https://ltest.qsh1.cn/activity/gektRgcWx","liveCover":"https://img.example.com/c.png",
		"length":"60",
		"extraInfo":{"recommends":[1,16,32],"recommendJoinLimit":"7","joinLimits":[0,6],"isPublic":"1",
		"isDisableRecord":0,"isReturnLiveStreamUrl":1,"customStr":"crm-42","parentEventId":"657300",
		"liveConfig":{"enrollApproval":1},"listedCompany":{"customerName":"平安银行","stockCode":"000001"}},
		"liveStreamUrl":[{"rtmp_url":"rtmp://live/1","flv_url":"http://live/1.flv","hls_url":"http://live/1.m3u8",
		"provider":"quanshi","layout_type":2,"url_expire_time":1703840201000}]}}`)
	ev, err := api.client.Event.Create(context.Background(), eventListedCompanyRequest())
	require.NoError(t, err)
	assert.Equal(t, int64(657342), ev.EventID)
	assert.Equal(t, EventFormInteractive, ev.EventForm)
	assert.Equal(t, 60, ev.Length)
	assert.Equal(t, 1, ev.LiveScreen)
	assert.Equal(t, 2, ev.ManualService)
	assert.Equal(t, 1, ev.LiveLag)
	assert.Equal(t, []string{"策略会", "2024"}, ev.Labels)
	assert.Equal(t, "crm-42", ev.CustomStr)
	assert.Equal(t, 1, ev.LiveOpenFlag)
	assert.Equal(t, 1, ev.JoinLimit)
	assert.Equal(t, "https://crm.example.com/quanshi/callback", ev.CallbackURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gektRgcWx", ev.TestAudienceUnionURL)
	assert.Equal(t, "https://img.example.com/c.png", ev.LiveCover)
	x := ev.ExtraInfo
	assert.Equal(t, []EventPlatform{EventPlatformCompanySite, EventPlatformChoice, EventPlatformTongHuaShun}, x.Recommends)
	assert.Equal(t, EventJoinLimitInstitutional, x.RecommendJoinLimit)
	assert.Equal(t, []EventJoinLimit{EventJoinLimitEveryone, EventJoinLimitEnrolled}, x.JoinLimits)
	assert.Equal(t, 1, x.IsPublic)
	assert.Equal(t, 1, x.IsReturnLiveStreamURL)
	assert.Equal(t, int64(657300), x.ParentEventID)
	assert.Equal(t, "000001", x.ListedCompany.StockCode, "leading zeros kept")
	require.NotNil(t, x.LiveConfig.EnrollApproval)
	assert.Equal(t, 1, *x.LiveConfig.EnrollApproval)
	require.Len(t, ev.LiveStreamURL, 1)
	ls := ev.LiveStreamURL[0]
	assert.Equal(t, "rtmp://live/1", ls.RTMPURL)
	assert.Equal(t, "http://live/1.flv", ls.FLVURL)
	assert.Equal(t, "http://live/1.m3u8", ls.HLSURL)
	assert.Equal(t, "quanshi", ls.Provider)
	assert.Equal(t, 2, ls.LayoutType)
	eventAssertTime(t, time.Date(2023, 12, 29, 16, 56, 41, 0, Beijing), ls.URLExpireTime, "url_expire_time")
}

func TestEventCreateSendsAChildMeeting(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventCreate, "event/create.json")
	_, err := api.client.Event.Create(context.Background(), eventListedCompanyRequest())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, testEventBaseURL+"/eventopenapi/event/create", got.URL)
	assert.Empty(t, got.Header.Get("token"), "the events family carries the token in the body")
	assert.JSONEq(t, `{
		"token": "`+testToken+`",
		"calType": "FC",
		"meetingType": 2,
		"hostId": 88589613,
		"title": "2024-10-18 14:35:18 会议",
		"liveCover": "https://testyunzhibo.quanshi.com/cover/657341.png",
		"summary": "this is a test",
		"extraInfo": {"recommends": [1, 16], "recommendJoinLimit": 7, "joinLimits": [0, 6],
			"liveConfig": {"enrollApproval": 0},
			"listedCompany": {"customerName": "2233", "stockCode": "002233"}},
		"listedCompany": {"customerName": "2233", "stockCode": "002233"},
		"isSamePassword": 0,
		"participants": [{"userId": 88589613}],
		"startTime": 1729057818,
		"length": 60
	}`, got.Body)
}

func TestEventCreateSendsAParentWithoutSchedule(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventCreate, "event/create.json")
	_, err := api.client.Event.Create(context.Background(), &EventCreateRequest{
		CalType: EventCalTypeSeriesParent, MeetingType: EventMeetingTypeAnalyst,
		HostID: 88589613, Title: "2024 分析师系列会", Summary: "<p>系列会<br/>第一期</p>", IsReturnLiveStreamURL: new(true),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","calType":"RP","meetingType":1,"hostId":88589613,
		"title":"2024 分析师系列会","summary":"<p>系列会<br/>第一期</p>","isReturnLiveStreamUrl":1,
		"extraInfo":{"isReturnLiveStreamUrl":1}}`, rec.last(t).Body)
}

func TestEventCreateErrors(t *testing.T) {
	checkErrorPaths(t, opEventCreate, opEventCreate.Path, func(c *Client) error {
		_, err := c.Event.Create(context.Background(), eventListedCompanyRequest())
		return err
	})
}

func TestEventCreateValidation(t *testing.T) {
	cases := map[string]struct {
		field  string
		modify func(r *EventCreateRequest)
	}{
		"nil request":     {"request", nil},
		"calType missing": {"calType", func(r *EventCreateRequest) { r.CalType = "" }},
		"calType unknown": {"calType", func(r *EventCreateRequest) { r.CalType = "X" }},
		"meetingType for RP": {"meetingType", func(r *EventCreateRequest) {
			*r = EventCreateRequest{CalType: EventCalTypeSeriesParent, Title: "x"}
		}},
		"meetingType for FB": {"meetingType", func(r *EventCreateRequest) {
			r.CalType, r.MeetingType, r.ListedCompany = EventCalTypeForum, 0, nil
		}},
		"meetingType range":     {"meetingType", func(r *EventCreateRequest) { r.MeetingType = 8 }},
		"listedCompany missing": {"listedCompany", func(r *EventCreateRequest) { r.ListedCompany = nil }},
		"customerName missing":  {"listedCompany.customerName", func(r *EventCreateRequest) { r.ListedCompany.CustomerName = "" }},
		"stockCode missing":     {"listedCompany.stockCode", func(r *EventCreateRequest) { r.ListedCompany.StockCode = " " }},
		"summary too long":      {"summary", func(r *EventCreateRequest) { r.Summary = string(make([]rune, 501)) }},
		"summary script tag":    {"summary", func(r *EventCreateRequest) { r.Summary = "<p>hi</p><script>alert(1)</script>" }},
		"summary div tag":       {"summary", func(r *EventCreateRequest) { r.Summary = "<DIV>x</DIV>" }},
		"summary img tag":       {"summary", func(r *EventCreateRequest) { r.Summary = `<p><img src="x.png"/></p>` }},
		"summary comment":       {"summary", func(r *EventCreateRequest) { r.Summary = "<!-- x -->" }},
		"liveCover not a URL":   {"liveCover", func(r *EventCreateRequest) { r.LiveCover = "cover.png" }},
		"liveCover ftp":         {"liveCover", func(r *EventCreateRequest) { r.LiveCover = "ftp://x/cover.png" }},
		"recommends 2":          {"extraInfo.recommends[1]", func(r *EventCreateRequest) { r.ExtraInfo.Recommends[1] = 2 }},
		"recommends two bits":   {"extraInfo.recommends[0]", func(r *EventCreateRequest) { r.ExtraInfo.Recommends[0] = 9 }},
		"recommendJoinLimit 6":  {"extraInfo.recommendJoinLimit", func(r *EventCreateRequest) { r.ExtraInfo.RecommendJoinLimit = 6 }},
		"joinLimits 3":          {"extraInfo.joinLimits[1]", func(r *EventCreateRequest) { r.ExtraInfo.JoinLimits[1] = 3 }},
		"enrollApproval 5":      {"extraInfo.liveConfig.enrollApproval", func(r *EventCreateRequest) { r.ExtraInfo.LiveConfig.EnrollApproval = new(5) }},
		"negative parent":       {"extraInfo.parentEventId", func(r *EventCreateRequest) { r.ExtraInfo.ParentEventID = -1 }},
		"parent with a parent": {"extraInfo.parentEventId", func(r *EventCreateRequest) {
			r.CalType, r.MeetingType, r.ListedCompany, r.Participants, r.StartTime, r.Length = EventCalTypeSeriesParent, 1, nil, nil, time.Time{}, 0
			r.ExtraInfo.ParentEventID = 657000
		}},
		"child participants":     {"participants", func(r *EventCreateRequest) { r.Participants = nil }},
		"child participants obj": {"participants", func(r *EventCreateRequest) { r.Participants = json.RawMessage(`{"userId":1}`) }},
		"child startTime":        {"startTime", func(r *EventCreateRequest) { r.StartTime = time.Time{} }},
		"child length":           {"length", func(r *EventCreateRequest) { r.Length = 0 }},
		"series child length":    {"length", func(r *EventCreateRequest) { r.CalType, r.Length = EventCalTypeSeriesChild, -5 }},
		"parent participants": {"participants", func(r *EventCreateRequest) {
			r.CalType, r.MeetingType, r.ListedCompany = EventCalTypeStrategyParent, 0, nil
		}},
		"parent startTime": {"startTime", func(r *EventCreateRequest) {
			r.CalType, r.MeetingType, r.ListedCompany, r.Participants = EventCalTypeStrategyParent, 0, nil, nil
		}},
		"parent length": {"length", func(r *EventCreateRequest) {
			r.CalType, r.Participants, r.StartTime = EventCalTypeSeriesParent, nil, time.Time{}
		}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			checkRejected(t, tc.field, func(c *Client) error {
				var req *EventCreateRequest
				if tc.modify != nil {
					req = eventListedCompanyRequest()
					tc.modify(req)
				}
				_, err := c.Event.Create(context.Background(), req)
				return err
			})
		})
	}
}

func TestEventSummaryAcceptsTheDocumentedTags(t *testing.T) {
	for _, ok := range []string{
		"plain text with a < b and 3<4",
		"<p>段落</p><span>x</span><ul><li>a</li></ul><br><br/><BR />",
		"<strong>b</strong><em>i</em><u>u</u>",
		`<p style="color:red">styled</p>`,
	} {
		assert.Empty(t, eventSummaryTag(ok), ok)
	}
	assert.Equal(t, "a", eventSummaryTag(`<p><a href="x">link</a></p>`))
	assert.Equal(t, "!--", eventSummaryTag("<!-- c -->"))
}

func TestEventEnumNames(t *testing.T) {
	assert.Equal(t, "listed-company meeting", EventCalTypeListedCompany.String())
	assert.Equal(t, `EventCalType("Z")`, EventCalType("Z").String())
	assert.True(t, EventCalTypeStrategyParent.IsParent())
	assert.False(t, EventCalTypeForum.IsParent())
	assert.Equal(t, "listed company", EventMeetingTypeListedCompany.String())
	assert.Equal(t, "Choice", EventPlatformChoice.String())
	assert.Equal(t, "enrolled", EventJoinLimitEnrolled.String())
	assert.Equal(t, "large live", EventFormLargeLive.String())
	assert.Equal(t, "cancelled", EventStatusCancelled.String())
	assert.Equal(t, "company admin", EventManagerCompanyAdmin.String())
	assert.Equal(t, "phone and web", EventJoinWayPhoneOrWeb.String())
	assert.Equal(t, "non-public", EventListNonPublic.String())
}
