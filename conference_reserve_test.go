package quanshi

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// confAssertBeijing checks a decoded time against a Beijing wall clock.
func confAssertBeijing(t *testing.T, want string, got time.Time) {
	t.Helper()
	w, err := time.ParseInLocation("2006-01-02 15:04:05", want, Beijing)
	require.NoError(t, err)
	assert.True(t, w.Equal(got), "want %s, got %s", w, got)
	_, offset := got.Zone()
	assert.Equal(t, 8*3600, offset, "time %s must be in +08:00", got)
}

// confCreateExample is the spec's example create request.
func confCreateExample() *ConferenceCreateRequest {
	return &ConferenceCreateRequest{
		ConferenceOptions: ConferenceOptions{
			UserID: 81299515,
			Title:  "测试%",
			Length: 120,
			// 12:00 UTC is 20:00 in Beijing.
			StartTime:    time.Date(2020, 9, 7, 12, 0, 0, 0, time.UTC),
			EmailNotify:  new(true),
			SMSNotify:    new(false),
			PasswordType: new(PasswordTypeFixed),
			InviteeList: []ConferenceInvitee{{
				Name: "dtest04", Email: "dtest04@quanshitest.com",
			}},
			RecordCallbackURL: new("http://134.com"),
		},
		From:      "uc",
		ExtraInfo: &ConferenceExtraInfo{JoinMethod: &ConferenceJoinMethod{HardwareVideo: 1}},
	}
}

func TestConferenceCreateFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceCreate, "conference/reservConference2.json")
	res, err := api.client.Conference.Create(context.Background(), confCreateExample())
	require.NoError(t, err)
	assert.Equal(t, "239139091", res.ConferenceID)
	assert.Equal(t, "201501000033329181", res.HostPasscode)
	assert.Equal(t, "201501000033329182", res.ParticipantPasscode)
	assert.Equal(t, int64(81299515), res.UserID)
	assert.Equal(t, "测试%", res.ConferenceTitle)
	assert.Equal(t, "93712151", res.BillingCode)
	confAssertBeijing(t, "2020-09-08 20:00:00", res.StartTime)
	confAssertBeijing(t, "2020-09-08 22:00:00", res.EndTime)
	confAssertBeijing(t, "2020-09-08 15:23:34", res.CurrentTime)
	assert.Equal(t, 120, res.Length)
	assert.Equal(t, ConferenceStatusCreated, res.Status)
	assert.Equal(t, "eyh1@test1.com", res.CreatorAccount)
	assert.Equal(t, "eyh1", res.CreatorName)
	assert.Equal(t, "邀请您参加eyh1的会议", res.InvitationSubject)
	assert.Equal(t, "测试%", res.DisplayTitle)
	assert.Equal(t, "eyh1", res.HostName, "the example spells it hostname")
	assert.Equal(t, "201501000033329182", res.Desc)
	assert.Equal(t, "eyh1", res.HostAccount)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJu0FajedAo", res.HostConferenceURL)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJu0Fq5Dq9o", res.ParticipantJoinURL)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJu0FajedAo", res.HostConferenceLongURL)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJu0Fq5Dq9o", res.ParticipantJoinLongURL)
	assert.Equal(t, 0, res.InformType)
	assert.Equal(t, "uc", res.From)
	assert.Empty(t, res.HostMobile)
	assert.Empty(t, res.Location)
	assert.True(t, res.EmailNotify)
	assert.Equal(t, []string{"192.168.37.91"}, res.H323IP)
	assert.True(t, res.StartTimeUnix.IsZero(), "startTimeUnix 0 is no time")
	assert.True(t, res.EndTimeUnix.IsZero())
	assert.Equal(t, 0, res.UsedConfTickets)
	assert.Equal(t, "https://dwz.cn/BbvIBxtz", res.PhoneJoinURL)
	assert.Empty(t, res.PullURL, "no live stream in the example")
}

func TestConferenceCreateRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceCreate, "conference/reservConference2.json")
	_, err := api.client.Conference.Create(context.Background(), confCreateExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, testBaseURL+"/conference/conference/reservConference2", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{
		"appId": 6,
		"appKey": "legacy-appkey-7f3e",
		"userId": 81299515,
		"title": "测试%",
		"length": 120,
		"starttime": "2020-09-07 20:00:00",
		"inviteeList": [{"name": "dtest04", "email": "dtest04@quanshitest.com"}],
		"email_notify": true,
		"sms_notify": false,
		"password_type": 0,
		"recordCallbackUrl": "http://134.com",
		"from": "uc",
		"extraInfo": {"joinMethod": {"box": 0, "hardwareVideo": 1, "lync": 0}}
	}`, got.Body)
}

func TestConferenceCreateSendsEveryOption(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceCreate, "conference/reservConference2.json")
	_, err := api.client.Conference.Create(context.Background(), &ConferenceCreateRequest{
		ConferenceOptions: ConferenceOptions{
			Email: "eyh1@test1.com", Title: "季度会", Length: 45,
			StartTime:           time.Date(2024, 1, 2, 9, 30, 0, 0, Beijing),
			ShowParticipantList: new(true), AllowParticipantVideo: new(false), AllowSelfUnmute: new(true),
			SettingsThisMeetingOnly: new(false),
			InviteeList: []ConferenceInvitee{
				{UserID: 4307081}, {Mobile: "13800000000"}, {Email: "zhangsan", GroupName: "研发", GroupID: "g1", CID: 7},
			},
			PasswordType: new(PasswordTypeSecure), AutoRecord: new(true),
			ConfLevelMute: ConferenceMuteLevelNoSelfUnmute, EstimateSize: new(30),
			MustSelectAudio: new(true), AutoVideo: new(true), ConfLevelVideoStandard: VideoStandardUltraHD,
			Extend: "quanshi.com", LiveOpenFlag: new(true), LivePassword: new("8888"),
			EnableCloudMCU: new(true), SV: new(100), JoinLogin: new(true), UseWaitingRoom: new(true), Summary: new("备注"),
			OpenWatchword: new(true), EventWatchword: new("芝麻"),
		},
		Cycle:         ConferenceCyclePeriodic,
		PeriodEndDate: time.Date(2024, 3, 31, 0, 0, 0, 0, Beijing),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"appId": 6, "appKey": "legacy-appkey-7f3e",
		"email": "eyh1@test1.com", "title": "季度会", "length": 45,
		"starttime": "2024-01-02 09:30:00",
		"seting": {"isShowInfo": true, "isShowVideo": false, "isAllowUnmute": true, "isOnly": false},
		"isShowInfo": 1, "showInfo": 1, "isShowVideo": 0, "showVideo": 0, "isAllowUnmute": 1, "allowUnmute": 1,
		"isOnly": 0,
		"inviteeList": [
			{"userId": 4307081}, {"mobile": "13800000000"},
			{"email": "zhangsan", "groupName": "研发", "groupId": "g1", "cId": 7}
		],
		"password_type": 1, "autoRecord": 1, "confLevelMute": 2, "estimateSize": 30,
		"mustSelectAudio": 1, "autoVideo": 1, "confLevelVideoStandard": 4,
		"extend": "quanshi.com", "liveOpenFlag": 1, "livePassword": "8888",
		"enableCloudMCU": 1, "sv": 100, "joinLogin": 1, "useWaitingRoom": 1, "summary": "备注",
		"openWatchword": 1, "eventWatchword": "芝麻",
		"cycle": 2, "periodEndDate": "2024-03-31"
	}`, rec.last(t).Body)
}

func TestConferenceCreateSendsAnEmptyInviteeArray(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceCreate, "conference/reservConference2.json")
	_, err := api.client.Conference.Create(context.Background(), &ConferenceCreateRequest{
		ConferenceOptions: ConferenceOptions{UserID: 81299515, Title: "t", Length: 30},
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "appKey": "legacy-appkey-7f3e", "userId": 81299515,
		"title": "t", "length": 30, "inviteeList": []}`, rec.last(t).Body)
}

func TestConferenceCreateErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceCreate, opConferenceCreate.Path, func(c *Client) error {
		_, err := c.Conference.Create(context.Background(), confCreateExample())
		return err
	})
}

// confRule breaks one rule of a valid request; field is the wire field the
// rejection must name.
type confRule[T any] struct {
	field  string
	mutate func(*T)
}

// confCheckRules checks that each rule, broken on a fresh valid request, is
// rejected before sending, and so is a nil request.
func confCheckRules[T any](t *testing.T, valid func() *T, call func(c *Client, req *T) error, rules ...confRule[T]) {
	t.Helper()
	confCheckFieldRules(t, valid, call, rules...)
	checkRejected(t, "request", func(c *Client) error { return call(c, nil) })
}

// confCheckFieldRules is confCheckRules for a request with no required
// field, which may be nil.
func confCheckFieldRules[T any](t *testing.T, valid func() *T, call func(c *Client, req *T) error, rules ...confRule[T]) {
	t.Helper()
	for _, r := range rules {
		t.Run(r.field, func(t *testing.T) {
			req := valid()
			r.mutate(req)
			checkRejected(t, r.field, func(c *Client) error { return call(c, req) })
		})
	}
}

// confOptionRules are the rules create and update share.
var confOptionRules = []confRule[ConferenceOptions]{
	{"userId", func(o *ConferenceOptions) { o.UserID, o.Email = 0, "" }},
	{"userId", func(o *ConferenceOptions) { o.UserID, o.Email = 0, "  " }},
	{"email", func(o *ConferenceOptions) { o.UserID, o.Email = 0, "not-an-address" }},
	{"length", func(o *ConferenceOptions) { o.Length = -5 }},
	{"inviteeList[1].email", func(o *ConferenceOptions) {
		o.InviteeList = []ConferenceInvitee{{UserID: 1}, {Name: "nobody"}}
	}},
	{"inviteeList[0].email", func(o *ConferenceOptions) {
		o.InviteeList = []ConferenceInvitee{{Email: "a@b@c"}}
	}},
	{"inviteeList[0].email", func(o *ConferenceOptions) {
		// A bare name is an address only with extend set.
		o.Extend, o.InviteeList = "", []ConferenceInvitee{{Email: "zhangsan"}}
	}},
	{"inviteeList[0].email", func(o *ConferenceOptions) {
		o.Extend, o.InviteeList = "quanshi.com", []ConferenceInvitee{{Email: "zhang@san@x"}}
	}},
	{"password_type", func(o *ConferenceOptions) { o.PasswordType = new(PasswordType(3)) }},
	{"confLevelMute", func(o *ConferenceOptions) { o.ConfLevelMute = 3 }},
	{"estimateSize", func(o *ConferenceOptions) { o.EstimateSize = new(-1) }},
	{"recordCallbackUrl", func(o *ConferenceOptions) { o.RecordCallbackURL = new("ftp://134.com") }},
	{"confLevelVideoStandard", func(o *ConferenceOptions) { o.ConfLevelVideoStandard = 3 }},
	{"sv", func(o *ConferenceOptions) { o.EnableCloudMCU, o.SV = new(true), new(99) }},
	{"sv", func(o *ConferenceOptions) { o.EnableCloudMCU, o.SV = new(true), nil }},
}

func TestConferenceCreateValidation(t *testing.T) {
	rules := []confRule[ConferenceCreateRequest]{
		{"cycle", func(r *ConferenceCreateRequest) { r.Cycle = 1 }},
		{"extraInfo.joinMethod.box", func(r *ConferenceCreateRequest) { r.ExtraInfo.JoinMethod.Box = 2 }},
		{"extraInfo.joinMethod.hardwareVideo", func(r *ConferenceCreateRequest) { r.ExtraInfo.JoinMethod.HardwareVideo = 5 }},
		{"extraInfo.joinMethod.lync", func(r *ConferenceCreateRequest) { r.ExtraInfo.JoinMethod.Lync = -1 }},
	}
	for _, r := range confOptionRules {
		rules = append(rules, confRule[ConferenceCreateRequest]{r.field, func(c *ConferenceCreateRequest) { r.mutate(&c.ConferenceOptions) }})
	}
	confCheckRules(t, confCreateExample, func(c *Client, req *ConferenceCreateRequest) error {
		_, err := c.Conference.Create(context.Background(), req)
		return err
	}, rules...)
}

// confUpdateExample is the spec's example update request.
func confUpdateExample() *ConferenceUpdateRequest {
	return &ConferenceUpdateRequest{
		ConferenceID: "2797368",
		ConferenceOptions: ConferenceOptions{
			UserID:    4307081,
			Title:     "线下OpenAPi测试会议",
			Length:    60,
			StartTime: time.Date(2020, 7, 7, 14, 30, 0, 0, Beijing),
			// The example sends seting {isShowInfo, isShowVideo, isOnly,
			// isAllowUnmute: "true"}, isShowInfo and isOnly "true", and
			// autoRecord "0".
			ShowParticipantList:     new(true),
			AllowParticipantVideo:   new(true),
			SettingsThisMeetingOnly: new(true),
			AllowSelfUnmute:         new(true),
			AutoRecord:              new(false),
			EmailNotify:             new(true),
			SMSNotify:               new(true),
			PasswordType:            new(PasswordTypeSecure),
			Extend:                  "wanda.com",
			InviteeList:             []ConferenceInvitee{{Email: "bing.shao@quanshi.com"}},
		},
		InformType:  3,
		HostUserID:  4307081,
		UserName:    "cx084@qs.com",
		CallbackURL: "reservConference",
	}
}

func TestConferenceUpdateFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceUpdate, "conference/updateReservConference.json")
	res, err := api.client.Conference.Update(context.Background(), confUpdateExample())
	require.NoError(t, err)
	assert.Equal(t, "239138209", res.ConferenceID)
	assert.Equal(t, "201501000033328907", res.HostPasscode)
	assert.Equal(t, "201501000033328908", res.ParticipantPasscode)
	assert.Equal(t, int64(81299515), res.UserID)
	assert.Equal(t, "93711915", res.BillingCode)
	confAssertBeijing(t, "2020-09-07 20:00:00", res.StartTime)
	confAssertBeijing(t, "2020-09-07 22:00:00", res.EndTime)
	confAssertBeijing(t, "2020-09-07 17:27:03", res.CurrentTime)
	assert.Equal(t, 120, res.Length)
	assert.Equal(t, ConferenceStatusCreated, res.Status)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJTMteq20Xg", res.HostConferenceURL)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJTMt0axYaN", res.ParticipantJoinLongURL)
	assert.Equal(t, []string{"192.168.37.91"}, res.H323IP)
	assert.Equal(t, "https://dwz.cn/8TWBelgG", res.PhoneJoinURL)
	assert.True(t, res.EmailNotify)
}

func TestConferenceUpdateRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceUpdate, "conference/updateReservConference.json")
	req := confUpdateExample()
	req.AllowInvite = new(false)
	req.HardwareVideo = new(true)
	_, err := api.client.Conference.Update(context.Background(), req)
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{
		"appId": 6,
		"appKey": "legacy-appkey-7f3e",
		"conferenceId": "2797368",
		"userId": 4307081,
		"hostUserId": 4307081,
		"userName": "cx084@qs.com",
		"title": "线下OpenAPi测试会议",
		"length": 60,
		"starttime": "2020-07-07 14:30:00",
		"seting": {"isShowInfo": true, "isShowVideo": true, "isOnly": true, "isAllowUnmute": true},
		"isShowInfo": 1, "showInfo": 1, "isShowVideo": 1, "showVideo": 1,
		"isAllowUnmute": 1, "allowUnmute": 1, "isOnly": 1,
		"autoRecord": 0,
		"email_notify": true,
		"sms_notify": true,
		"password_type": 1,
		"callbackUrl": "reservConference",
		"informType": 3,
		"extend": "wanda.com",
		"inviteeList": [{"email": "bing.shao@quanshi.com"}],
		"AllowInvite": 0,
		"hardwareVideo": 1
	}`, got.Body)
}

// An update can turn every switch off and clear every text: 0, false and ""
// are sent, not dropped (seed 001 §2's example sends "autoRecord":"0").
func TestConferenceUpdateSendsZeroFalseAndEmpty(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceUpdate, "conference/updateReservConference.json")
	req := confUpdateExample()
	off := new(false)
	req.ShowParticipantList, req.AllowParticipantVideo, req.AllowSelfUnmute, req.SettingsThisMeetingOnly = off, off, off, off
	req.EmailNotify, req.SMSNotify = off, off
	req.AutoRecord, req.MustSelectAudio, req.AutoVideo, req.LiveOpenFlag = off, off, off, off
	req.EnableCloudMCU, req.JoinLogin, req.UseWaitingRoom, req.OpenWatchword = off, off, off, off
	req.AllowInvite, req.HardwareVideo = off, off
	req.PasswordType = new(PasswordTypeFixed)
	req.EstimateSize, req.SV = new(0), new(0)
	req.RecordCallbackURL, req.LivePassword, req.Summary, req.EventWatchword = new(""), new(""), new(""), new("")
	req.InviteeList = []ConferenceInvitee{}
	_, err := api.client.Conference.Update(context.Background(), req)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"appId": 6, "appKey": "legacy-appkey-7f3e",
		"conferenceId": "2797368", "userId": 4307081, "hostUserId": 4307081, "userName": "cx084@qs.com",
		"title": "线下OpenAPi测试会议", "length": 60, "starttime": "2020-07-07 14:30:00",
		"seting": {"isShowInfo": false, "isShowVideo": false, "isOnly": false, "isAllowUnmute": false},
		"isShowInfo": 0, "showInfo": 0, "isShowVideo": 0, "showVideo": 0,
		"isAllowUnmute": 0, "allowUnmute": 0, "isOnly": 0,
		"email_notify": false, "sms_notify": false, "password_type": 0,
		"autoRecord": 0, "mustSelectAudio": 0, "autoVideo": 0, "liveOpenFlag": 0,
		"enableCloudMCU": 0, "joinLogin": 0, "useWaitingRoom": 0, "openWatchword": 0,
		"AllowInvite": 0, "hardwareVideo": 0,
		"estimateSize": 0, "sv": 0,
		"recordCallbackUrl": "", "livePassword": "", "summary": "", "eventWatchword": "",
		"callbackUrl": "reservConference", "informType": 3, "extend": "wanda.com",
		"inviteeList": []
	}`, rec.last(t).Body)
}

func TestConferenceUpdateErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceUpdate, opConferenceUpdate.Path, func(c *Client) error {
		_, err := c.Conference.Update(context.Background(), confUpdateExample())
		return err
	})
}

func TestConferenceUpdateValidation(t *testing.T) {
	rules := []confRule[ConferenceUpdateRequest]{
		{"conferenceId", func(r *ConferenceUpdateRequest) { r.ConferenceID = "" }},
	}
	for _, r := range confOptionRules {
		rules = append(rules, confRule[ConferenceUpdateRequest]{r.field, func(u *ConferenceUpdateRequest) { r.mutate(&u.ConferenceOptions) }})
	}
	confCheckRules(t, confUpdateExample, func(c *Client, req *ConferenceUpdateRequest) error {
		_, err := c.Conference.Update(context.Background(), req)
		return err
	}, rules...)
}

func TestConferenceCancelPaths(t *testing.T) {
	for _, tc := range []struct {
		name string
		req  ConferenceCancelRequest
		path string
	}{
		{
			// Seed 001 §3's example URL, verbatim: it ends after the e-mail
			// (issue 15, point 7).
			name: "example",
			req:  ConferenceCancelRequest{ConferenceID: "239130656", Language: "Zh-cn", Email: "eyh1@test1.com"},
			path: "/conference/conference/cancelReservConference/6/239130656/Zh-cn/eyh1%40test1.com",
		},
		{
			name: "callback only",
			req:  ConferenceCancelRequest{ConferenceID: "239130656", UserID: 81299515, CallbackURL: "https://cb.example.com/x"},
			path: "/conference/conference/cancelReservConference/6/239130656//81299515/https%3A%2F%2Fcb.example.com%2Fx",
		},
		{
			name: "every segment",
			req: ConferenceCancelRequest{
				ConferenceID: "239130656", Language: ConferenceLanguageChinese, UserID: 81299515,
				Email: "ignored@test1.com", CallbackURL: "https://cb.example.com/done?x=1",
				EmailNotify: new(true), SMSNotify: new(false),
			},
			path: "/conference/conference/cancelReservConference/6/239130656/zh-cn/81299515/https%3A%2F%2Fcb.example.com%2Fdone%3Fx%3D1/true/false",
		},
		{
			name: "no language",
			req:  ConferenceCancelRequest{ConferenceID: "239130656", UserID: 81299515, SMSNotify: new(true)},
			path: "/conference/conference/cancelReservConference/6/239130656//81299515///true",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api := newTestAPI(t)
			rec := api.respondPath(FamilyConference, http.MethodGet, tc.path, http.StatusOK,
				fixture(t, "conference/cancelReservConference.json"))
			require.NoError(t, api.client.Conference.Cancel(context.Background(), &tc.req))
			got := rec.last(t)
			assert.Equal(t, http.MethodGet, got.Method)
			assert.Equal(t, testBaseURL+tc.path, got.URL)
			assert.Empty(t, got.Body, "a GET has no body")
			assert.Equal(t, testToken, got.Header.Get("token"))
		})
	}
}

func TestConferenceCancelErrors(t *testing.T) {
	// The error names the operation by its template: the host's id or e-mail
	// in the filled path stays out of errors and logs.
	checkErrorPaths(t, opConferenceCancel, "/conference/conference/cancelReservConference/6/239130656/zh-cn/81299515", func(c *Client) error {
		return c.Conference.Cancel(context.Background(), &ConferenceCancelRequest{
			ConferenceID: "239130656", Language: ConferenceLanguageChinese, UserID: 81299515,
		})
	})
}

func TestConferenceCancelValidation(t *testing.T) {
	valid := func() *ConferenceCancelRequest {
		return &ConferenceCancelRequest{ConferenceID: "239130656", Email: "eyh1@test1.com"}
	}
	confCheckRules(t, valid, func(c *Client, req *ConferenceCancelRequest) error {
		return c.Conference.Cancel(context.Background(), req)
	},
		confRule[ConferenceCancelRequest]{"conferenceId", func(r *ConferenceCancelRequest) { r.ConferenceID = " " }},
		confRule[ConferenceCancelRequest]{"userIdEmail", func(r *ConferenceCancelRequest) { r.Email = "" }},
		confRule[ConferenceCancelRequest]{"userIdEmail", func(r *ConferenceCancelRequest) { r.Email = "eyh1" }},
		confRule[ConferenceCancelRequest]{"callbackUrl", func(r *ConferenceCancelRequest) { r.CallbackURL = "/relative" }},
	)
}

func TestConferenceUpdateInviteeListNilKeepsEmptyRemoves(t *testing.T) {
	for name, tc := range map[string]struct {
		list []ConferenceInvitee
		want string // the inviteeList member sent, "" for none
	}{
		"nil keeps the invitees":     {nil, ""},
		"empty removes them":         {[]ConferenceInvitee{}, `[]`},
		"a list replaces the others": {[]ConferenceInvitee{{Email: "he.yu@corp.test"}}, `[{"email":"he.yu@corp.test"}]`},
	} {
		t.Run(name, func(t *testing.T) {
			api := newTestAPI(t)
			rec := api.respondFixture(opConferenceUpdate, "conference/updateReservConference.json")
			_, err := api.client.Conference.Update(context.Background(), &ConferenceUpdateRequest{
				ConferenceID: "239139091", ConferenceOptions: ConferenceOptions{UserID: 81299515, Title: "renamed", InviteeList: tc.list},
			})
			require.NoError(t, err)
			var body map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(rec.last(t).Body), &body))
			got, sent := body["inviteeList"]
			if tc.want == "" {
				assert.False(t, sent, "inviteeList must not be sent")
				return
			}
			assert.JSONEq(t, tc.want, string(got))
		})
	}
}
