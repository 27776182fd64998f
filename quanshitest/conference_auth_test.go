package quanshitest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConferenceLegacyAppKeyClient(t *testing.T) {
	srv, tokenClient := confSandbox(t)
	ctx := context.Background()
	fast := quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 1, MinWait: time.Millisecond, MaxWait: time.Millisecond})
	legacy, err := quanshi.NewClient(quanshi.WithBaseURL(srv.OpenAPIURL), quanshi.WithConfOpenAPIBaseURL(srv.OpenAPIURL), quanshi.WithLegacyAppKey(srv.LegacyAppKey), fast)
	require.NoError(t, err)

	// The classic POST endpoints take appId 6 + appKey in the body.
	res := confCreate(t, legacy, confExampleRequest())
	info, err := legacy.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, res.HostPasscode, info.HostPasscode)
	list, err := legacy.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID})
	require.NoError(t, err)
	assert.Equal(t, 1, list.TotalNum)
	st, err := legacy.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusCreated, st.Status)
	link, err := linkOf(legacy.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.HostPasscode}))
	require.NoError(t, err)
	assert.Equal(t, res.HostConferenceURL, link)
	_, err = launchOf(legacy.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{Passcode: res.ParticipantPasscode}))
	require.NoError(t, err)
	_, err = legacy.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{Phone: "010-59937429"})
	require.NoError(t, err)
	_, err = legacy.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: res.ConferenceID, Boxes: []quanshi.Box{{BoxID: "GN3399BOX0001856"}}})
	require.NoError(t, err)
	up, err := legacy.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: confHostID, Title: "legacy"}})
	require.NoError(t, err)
	assert.Equal(t, "legacy", up.ConferenceTitle)
	assert.Zero(t, srv.Mints(), "the appKey client never minted a token")

	// The GET cancel and the /confopenapi endpoints need a token: the SDK
	// refuses before sending.
	var verr *quanshi.ValidationError
	err = legacy.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, UserID: confHostID})
	require.ErrorAs(t, err, &verr)
	_, err = linkOf(legacy.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: res.ConferenceID}))
	require.ErrorAs(t, err, &verr)
	_, err = linkOf(legacy.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{Passcode: res.HostPasscode, UserID: confHostID}))
	require.ErrorAs(t, err, &verr)
	_, err = legacy.Conference.ClientLaunchLinks(ctx, &quanshi.ConferenceClientLaunchRequest{UserID: confHostID})
	require.ErrorAs(t, err, &verr)
	assert.Zero(t, srv.Calls("/conference/conference/cancelReservConference"))
	assert.Zero(t, srv.Calls("/confopenapi/conference/getPullUrl"))

	// A wrong appKey is turned away and changes nothing.
	wrong, err := quanshi.NewClient(quanshi.WithBaseURL(srv.OpenAPIURL), quanshi.WithLegacyAppKey("not-the-key"), fast)
	require.NoError(t, err)
	_, err = wrong.Conference.Create(ctx, confExampleRequest())
	assert.ErrorIs(t, err, quanshi.ErrUnauthorized)
	assert.Equal(t, 1, srv.Handled("/conference/conference/reservConference2"))

	// The token client (app credentials) does the rest: it mints a token.
	watch, err := linkOf(tokenClient.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: res.ConferenceID}))
	require.NoError(t, err)
	assert.NotEmpty(t, watch)
	assert.Equal(t, 1, srv.Mints())

	// A static token dies with ExpireTokens; the minting client mints again.
	static, err := srv.StaticTokenClient(fast)
	require.NoError(t, err)
	_, err = static.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	srv.ExpireTokens()
	err = static.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, UserID: confHostID})
	assert.ErrorIs(t, err, quanshi.ErrTokenInvalid)
	require.NoError(t, tokenClient.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, UserID: confHostID}))
	assert.Equal(t, 2, srv.Mints())

	// A token without any appKey is enough for the classic endpoints too.
	tokenOnly, err := quanshi.NewClient(quanshi.WithBaseURL(srv.OpenAPIURL), quanshi.WithToken(srv.IssueToken()), fast)
	require.NoError(t, err)
	created := confCreate(t, tokenOnly, confExampleRequest())
	assert.NotEqual(t, res.ConferenceID, created.ConferenceID)
}

// confRaw posts a JSON body to an openapi path without the SDK, with the
// legacy credentials, and returns the decoded envelope.
func confRaw(t *testing.T, srv *quanshitest.Server, path, body string) map[string]any {
	t.Helper()
	resp, err := http.Post(srv.OpenAPIURL+path, "application/json", bytes.NewBufferString(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var env map[string]any
	dec := json.NewDecoder(resp.Body)
	dec.UseNumber()
	require.NoError(t, dec.Decode(&env))
	for _, member := range []string{"status", "result", "msg", "request_id", "timestamp", "request_duration"} {
		assert.Contains(t, env, member)
	}
	return env
}

func confRawCode(t *testing.T, env map[string]any) string {
	t.Helper()
	return fmt.Sprint(env["status"])
}

// TestConferenceLenientForms sends the spec's own request forms (numbers and
// switches as strings, "2020-07-07T14:30:00") without the SDK, and checks
// the answers' forms against the spec's examples.
func TestConferenceLenientForms(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	cred := fmt.Sprintf(`"appId": "6", "appKey": %q`, srv.LegacyAppKey)

	env := confRaw(t, srv, "/conference/conference/reservConference2", `{`+cred+`,
		"cycle": "0", "email_notify": "true", "length": "120", "sms_notify": "false",
		"starttime": "2026-11-22T20:00:00", "from": "uc", "title": "测试%", "userId": "81299515 ",
		"password_type": "0", "autoRecord": "1", "liveOpenFlag": true, "livePassword": "8888",
		"seting": "{\"isShowInfo\": \"false\"}",
		"inviteeList": [{"name": "dtest04", "email": "dtest04@quanshitest.com", "mobile": "", "cId": 0, "groupName": "", "groupId": ""}],
		"inviteeGroupList": [], "recordCallbackUrl": "http://134.com",
		"extraInfo": {"joinMethod": {"box": "0", "hardwareVideo": "1", "lync": 0}}}`)
	require.Equal(t, "0", confRawCode(t, env), env["msg"])
	created := env["result"].(map[string]any)
	id := created["conferenceId"].(string)
	assert.Equal(t, json.Number("81299515"), created["userId"])
	assert.Equal(t, "2026-11-22 20:00:00", created["startTime"])
	assert.Equal(t, "2026-11-22 22:00:00", created["endTime"])
	assert.Equal(t, created["billingCode"], created["billingcode"])
	assert.Equal(t, "user81299515", created["hostname"], "spelled as in the spec's example")
	assert.Equal(t, "8888", created["pullPwd"])
	assert.Equal(t, json.Number(fmt.Sprint(time.Date(2026, 11, 22, 20, 0, 0, 0, quanshi.Beijing).Unix())), created["startTimeUnix"])

	// The spec's update example, as sent there.
	env = confRaw(t, srv, "/conference/conference/updateReservConference", `{`+cred+`,
		"userName": "cx084@qs.com", "password": "2020194374", "hostUserId": "81299515 ", "userId": "81299515",
		"title": "线下OpenAPi测试会议", "length": "60", "starttime": "2026-11-23T14:30:00", "conferenceId": "`+id+`",
		"seting": {"isShowInfo": "true", "isShowVideo": "true", "isOnly": "true", "isAllowUnmute": "true"},
		"isShowInfo": "true", "isOnly": "true", "email_notify": "true", "sms_notify": "true", "password_type": "1",
		"callbackUrl": "reservConference", "autoRecord": "0", "informType": 3, "extend": "wanda.com",
		"inviteeList": [{"mobile": "", "email": "bing.shao@quanshi.com"}]}`)
	require.Equal(t, "0", confRawCode(t, env), env["msg"])
	assert.Equal(t, json.Number("3"), env["result"].(map[string]any)["informType"])

	// What the raw calls wrote, the SDK reads.
	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: id})
	require.NoError(t, err)
	assert.Equal(t, "线下OpenAPi测试会议", info.ConferenceTitle)
	confAssertBeijing(t, time.Date(2026, 11, 23, 14, 30, 0, 0, quanshi.Beijing), info.StartTime, "updated start")
	require.Len(t, info.Invitees, 1)
	assert.Equal(t, "bing.shao@quanshi.com", info.Invitees[0].Email)
	assert.Equal(t, 1, info.ExtraInfo.JoinMethod.HardwareVideo)
	st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: id})
	require.NoError(t, err)
	assert.Equal(t, quanshi.PasswordTypeSecure, st.PasswordType)

	// Get answers in the example's forms: numbers as strings, "" for no groups.
	env = confRaw(t, srv, "/conference/conference/getConferenceBaseInfoById/6/"+id, `{`+cred+`}`)
	require.Equal(t, "0", confRawCode(t, env), env["msg"])
	got := env["result"].(map[string]any)
	assert.Equal(t, "81299515", got["userId"])
	assert.Equal(t, "60", got["length"])
	assert.Equal(t, "1", got["status"])
	assert.Equal(t, "1", got["total_invitee"])
	assert.Equal(t, "", got["inviteeGroupList"])
	assert.Nil(t, got["statusInfo"])
	invitee := got["invitee"].([]any)[0].(map[string]any)
	for member, want := range map[string]any{"groupName": "", "isDuring": "0", "cId": "0", "extType": "0", "extName": "",
		"countryNum": "", "email": "bing.shao@quanshi.com", "name": "bing.shao@quanshi.com", "updateTime": "2026-11-22 09:00:00"} {
		assert.Equal(t, want, invitee[member], member)
	}
	assert.Equal(t, map[string]any{"joinMethod": map[string]any{"box": json.Number("0"), "hardwareVideo": json.Number("1"), "lync": json.Number("0")}}, got["extraInfo"])
	env = confRaw(t, srv, "/conference/conference/getConferenceBaseInfoById/7/"+id, `{`+cred+`}`)
	assert.Equal(t, "50103", confRawCode(t, env), "the path's appId must be 6")

	// The list is keyed by date, with the example's string numbers.
	env = confRaw(t, srv, "/conference/business/getConferenceList", `{`+cred+`, "userId": "81299515", "startDate": "2026-11-22 00:00:00"}`)
	require.Equal(t, "0", confRawCode(t, env), env["msg"])
	result := env["result"].(map[string]any)
	assert.Equal(t, json.Number("1"), result["totalNum"])
	day := result["list"].(map[string]any)["2026-11-23"].([]any)
	require.Len(t, day, 1)
	item := day[0].(map[string]any)
	assert.Equal(t, id, item["conferenceId"])
	assert.Equal(t, "60", item["length"])
	assert.Equal(t, "1", item["status"])
	assert.Equal(t, json.Number("1"), item["isHost"])
	env = confRaw(t, srv, "/conference/business/getConferenceList", `{`+cred+`, "userId": 1}`)
	assert.Equal(t, []any{}, env["result"].(map[string]any)["list"], "no meetings: [] as PHP sends it")

	// conferenceId as a number, advanceHours as a string.
	env = confRaw(t, srv, "/conference/conference/getConfStatus", `{`+cred+`, "conferenceId": `+id+`, "userId": "81299515"}`)
	require.Equal(t, "0", confRawCode(t, env), env["msg"])
	assert.Equal(t, "2", env["result"].(map[string]any)["advanceHours"])

	// What the spec forbids is refused.
	for name, body := range map[string]string{
		"inviteeList as a string":   `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "inviteeList": ""`,
		"a switch out of range":     `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "autoRecord": "2"`,
		"a start that is no time":   `"userId": 81299515, "length": 60, "starttime": "tomorrow"`,
		"no host":                   `"length": 60, "starttime": "2026-11-22 20:00:00"`,
		"an invitee without ids":    `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "inviteeList": [{"name": "x"}]`,
		"cloud MCU without sv":      `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "enableCloudMCU": 1`,
		"password_type 2":           `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "password_type": "2"`,
		"video standard 3":          `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "confLevelVideoStandard": 3`,
		"a callback that is no URL": `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "recordCallbackUrl": "ftp://x"`,
		"a host e-mail without @":   `"email": "eyh1", "length": 60, "starttime": "2026-11-22 20:00:00"`,
		"cycle 1":                   `"userId": 81299515, "length": 60, "starttime": "2026-11-22 20:00:00", "cycle": 1`,
	} {
		env := confRaw(t, srv, "/conference/conference/reservConference2", `{`+cred+`, `+body+`}`)
		assert.Equal(t, "50103", confRawCode(t, env), name)
	}
	env = confRaw(t, srv, "/conference/conference/confBindBox", `{`+cred+`, "conferenceId": "`+id+`"}`)
	assert.Equal(t, "50103", confRawCode(t, env), "boxInfoList is required")
	boxes := strings.Repeat(`{"boxId": "GN3399BOX0001856"},`, 21)
	env = confRaw(t, srv, "/conference/conference/confBindBox", `{`+cred+`, "conferenceId": "`+id+`", "boxInfoList": [`+strings.TrimSuffix(boxes, ",")+`]}`)
	assert.Equal(t, "50103", confRawCode(t, env), "at most 20 boxes")
	assert.Equal(t, 1, srv.Handled("/conference/conference/reservConference2"))
}
