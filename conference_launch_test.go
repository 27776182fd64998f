package quanshi

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func confJoinExample() *ConferenceJoinURLRequest {
	return &ConferenceJoinURLRequest{
		Passcode:     "201501000033327369",
		Name:         "dtest04@quanshitest.com",
		NewName:      "dtest04",
		ConferenceID: "239131342",
		NickName:     "测试04",
		SecurityInfo: &ConferenceSecurityInfo{IsSecurityLink: new(true), UserID: 81299515, Timeout: 10, UsableCount: 2},
	}
}

func TestConferenceJoinURLFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceJoinURL, "conference/joinConference.json")
	link, err := api.client.Conference.JoinURL(context.Background(), confJoinExample())
	require.NoError(t, err)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJPfc2GYR9k", link.URL)
}

func TestConferenceJoinURLRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceJoinURL, "conference/joinConference.json")
	_, err := api.client.Conference.JoinURL(context.Background(), confJoinExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId": 6,
		"pcode": "201501000033327369", "name": "dtest04@quanshitest.com", "new_name": "dtest04",
		"conferenceId": "239131342", "nick_name": "测试04",
		"securityInfo": {"isSecurityLink": 1, "userId": 81299515, "timeout": 10, "usableCount": 2}}`, got.Body)

	_, err = api.client.Conference.JoinURL(context.Background(), &ConferenceJoinURLRequest{Passcode: "37193425", Name: "访客"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "pcode": "37193425", "name": "访客"}`, rec.last(t).Body)
}

func TestConferenceJoinURLErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceJoinURL, opConferenceJoinURL.Path, func(c *Client) error {
		_, err := c.Conference.JoinURL(context.Background(), confJoinExample())
		return err
	})
}

func TestConferenceJoinURLValidation(t *testing.T) {
	type rule = confRule[ConferenceJoinURLRequest]
	confCheckRules(t, confJoinExample, func(c *Client, req *ConferenceJoinURLRequest) error {
		_, err := c.Conference.JoinURL(context.Background(), req)
		return err
	},
		rule{"pcode", func(r *ConferenceJoinURLRequest) { r.Passcode, r.ConferenceID = "", "" }},
		rule{"securityInfo.userId", func(r *ConferenceJoinURLRequest) { r.SecurityInfo.UserID = 0 }},
		rule{"securityInfo.timeout", func(r *ConferenceJoinURLRequest) { r.SecurityInfo.Timeout = -1 }},
		rule{"securityInfo.usableCount", func(r *ConferenceJoinURLRequest) { r.SecurityInfo.UsableCount = -6 }},
	)
}

func TestConferenceJoinURLWithoutSecureLinkNeedsNoUser(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceJoinURL, "conference/joinConference.json")
	req := confJoinExample()
	req.SecurityInfo = &ConferenceSecurityInfo{Timeout: 5}
	_, err := api.client.Conference.JoinURL(context.Background(), req)
	require.NoError(t, err)
}

func confLaunchExample() *ConferenceLaunchStringRequest {
	return &ConferenceLaunchStringRequest{
		Passcode: "201501000033327369", Name: "eyh1", ConferenceID: "239131342",
		From: "uc", IconURL: "http://abcd.com/myhead.png",
	}
}

func TestConferenceLaunchStringFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceLaunchString, "conference/launchString.json")
	s, err := api.client.Conference.LaunchString(context.Background(), confLaunchExample())
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(s.LaunchString, "tang:///us:meet-e-update-lab.quanshi.com|"), s)
	assert.True(t, strings.HasSuffix(s.LaunchString, "/ds_zip_ratio:0/recordFile:0"), s)
	assert.Contains(t, s.LaunchString, "/cid:239131342/huid:81299515/")
	assert.Contains(t, s.LaunchString, "/pcode:201501000033327369/")
	assert.Contains(t, s.LaunchString, "docShareServerUrl:https://confdlprint.quanshi.com/video:1")
	assert.Len(t, s.LaunchString, 1974)
}

func TestConferenceLaunchStringRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceLaunchString, "conference/launchString.json")
	_, err := api.client.Conference.LaunchString(context.Background(), confLaunchExample())
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "appKey": "legacy-appkey-7f3e",
		"pcode": "201501000033327369", "name": "eyh1", "conferenceId": "239131342",
		"from": "uc", "iconUrl": "http://abcd.com/myhead.png"}`, rec.last(t).Body)
}

func TestConferenceLaunchStringErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceLaunchString, opConferenceLaunchString.Path, func(c *Client) error {
		_, err := c.Conference.LaunchString(context.Background(), confLaunchExample())
		return err
	})
}

func TestConferenceLaunchStringValidation(t *testing.T) {
	type rule = confRule[ConferenceLaunchStringRequest]
	confCheckRules(t, confLaunchExample, func(c *Client, req *ConferenceLaunchStringRequest) error {
		_, err := c.Conference.LaunchString(context.Background(), req)
		return err
	},
		rule{"pcode", func(r *ConferenceLaunchStringRequest) { r.Passcode, r.ConferenceID = "", "" }},
		rule{"iconUrl", func(r *ConferenceLaunchStringRequest) { r.IconURL = "myhead.png" }},
	)
}

// confWatchExample is the spec's example getPullUrl request.
func confWatchExample() *ConferenceLiveWatchURLRequest {
	return &ConferenceLiveWatchURLRequest{
		ConferenceID: "239608266", UserID: 87679779, Timeout: 600, UsableCount: 100,
		Name: "extIdtest1234", ExtID: "extIdtest1234@pxy.com", Mobile: "15811258254",
		CountryCode: "86", Email: "test1234@pxy.com",
	}
}

func TestConferenceLiveWatchURLFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceLiveWatchURL, "conference/getPullUrl.json")
	link, err := api.client.Conference.LiveWatchURL(context.Background(), confWatchExample())
	require.NoError(t, err)
	assert.Equal(t, "https://ltest.qsh1.cn/3/gdn3sj9?t=1345d7d7-add7-45da-94af-dbc8c0a51bb4", link.URL)
}

func TestConferenceLiveWatchURLRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceLiveWatchURL, "conference/getPullUrl.json")
	_, err := api.client.Conference.LiveWatchURL(context.Background(), confWatchExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/conference/getPullUrl", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token": "`+testToken+`",
		"conferenceId": "239608266", "userId": 87679779, "timeout": 600, "usableCount": 100,
		"name": "extIdtest1234", "extId": "extIdtest1234@pxy.com", "mobile": "15811258254",
		"countryCode": "86", "email": "test1234@pxy.com"}`, got.Body)
}

func TestConferenceLiveWatchURLErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceLiveWatchURL, opConferenceLiveWatchURL.Path, func(c *Client) error {
		_, err := c.Conference.LiveWatchURL(context.Background(), confWatchExample())
		return err
	})
}

func TestConferenceLiveWatchURLValidation(t *testing.T) {
	type rule = confRule[ConferenceLiveWatchURLRequest]
	confCheckRules(t, confWatchExample, func(c *Client, req *ConferenceLiveWatchURLRequest) error {
		_, err := c.Conference.LiveWatchURL(context.Background(), req)
		return err
	},
		rule{"conferenceId", func(r *ConferenceLiveWatchURLRequest) { r.ConferenceID = "" }},
		rule{"timeout", func(r *ConferenceLiveWatchURLRequest) { r.Timeout = -1 }},
		rule{"usableCount", func(r *ConferenceLiveWatchURLRequest) { r.UsableCount = -1 }},
		rule{"email", func(r *ConferenceLiveWatchURLRequest) { r.Email = "test1234" }},
	)
}

func confNoSecretExample() *ConferenceNoSecretJoinRequest {
	return &ConferenceNoSecretJoinRequest{Passcode: "201501000033327369", UserID: 87679779}
}

func TestConferenceJoinURLNoSecretFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceJoinURLNoSecret, "conference/joinConferenceNoSecret.json")
	link, err := api.client.Conference.JoinURLNoSecret(context.Background(), confNoSecretExample())
	require.NoError(t, err)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkmgXQud77o?token=5b23de7a-e4ce-47bc-a4eb-dd7afeab8f22&wuid=87679779", link.URL)
}

func TestConferenceJoinURLNoSecretRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceJoinURLNoSecret, "conference/joinConferenceNoSecret.json")
	_, err := api.client.Conference.JoinURLNoSecret(context.Background(), confNoSecretExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token": "`+testToken+`", "pcode": "201501000033327369", "userId": 87679779}`, got.Body)
}

func TestConferenceJoinURLNoSecretErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceJoinURLNoSecret, opConferenceJoinURLNoSecret.Path, func(c *Client) error {
		_, err := c.Conference.JoinURLNoSecret(context.Background(), confNoSecretExample())
		return err
	})
}

func TestConferenceJoinURLNoSecretValidation(t *testing.T) {
	type rule = confRule[ConferenceNoSecretJoinRequest]
	confCheckRules(t, confNoSecretExample, func(c *Client, req *ConferenceNoSecretJoinRequest) error {
		_, err := c.Conference.JoinURLNoSecret(context.Background(), req)
		return err
	},
		rule{"pcode", func(r *ConferenceNoSecretJoinRequest) { r.Passcode = "" }},
		rule{"userId", func(r *ConferenceNoSecretJoinRequest) { r.UserID = 0 }},
	)
}

func TestConferenceClientLaunchLinksFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceClientLaunchLinks, "conference/launchMeetingClient.json")
	links, err := api.client.Conference.ClientLaunchLinks(context.Background(), &ConferenceClientLaunchRequest{UserID: 88600761})
	require.NoError(t, err)
	assert.Equal(t, &ConferenceClientLaunchLinks{
		Token:       "a44f75ee-7aa2-48f0-975b-059fe4c60e6c",
		UserID:      88600761,
		WebJoinLink: "tang:///app:6/skin:1/site:60000/Version:5.0.0/goto:login/token:a44f75ee-7aa2-48f0-975b-059fe4c60e6c/wuid:88600761",
		AppJoinLink: "qsgnet://com.gnet.onemeeting?goto=login&token=a44f75ee-7aa2-48f0-975b-059fe4c60e6c&wuid=88600761",
	}, links)
}

func TestConferenceClientLaunchLinksRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceClientLaunchLinks, "conference/launchMeetingClient.json")
	_, err := api.client.Conference.ClientLaunchLinks(context.Background(), &ConferenceClientLaunchRequest{UserID: 88600761})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token": "`+testToken+`", "userId": 88600761}`, got.Body)
}

func TestConferenceClientLaunchLinksErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceClientLaunchLinks, opConferenceClientLaunchLinks.Path, func(c *Client) error {
		_, err := c.Conference.ClientLaunchLinks(context.Background(), &ConferenceClientLaunchRequest{UserID: 88600761})
		return err
	})
}

func TestConferenceClientLaunchLinksValidation(t *testing.T) {
	checkRejected(t, "userId", func(c *Client) error {
		_, err := c.Conference.ClientLaunchLinks(context.Background(), &ConferenceClientLaunchRequest{UserID: 0})
		return err
	})
}
