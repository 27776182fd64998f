package quanshitest_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConferenceJoinLinks(t *testing.T) {
	_, c := confSandbox(t)
	ctx := context.Background()
	res := confCreate(t, c, confExampleRequest())
	other := confCreate(t, c, confExampleRequest())

	host, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.HostPasscode}))
	require.NoError(t, err)
	assert.Equal(t, res.HostConferenceURL, host, "pcode1 joins as the host")

	byID, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{ConferenceID: res.ConferenceID}))
	require.NoError(t, err)
	assert.Equal(t, res.ParticipantJoinURL, byID, "a bare conferenceId joins as a participant")

	named, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.ParticipantPasscode, ConferenceID: res.ConferenceID,
		Name: "dtest04@quanshitest.com", NickName: "小王"}))
	require.NoError(t, err)
	u, err := url.Parse(named)
	require.NoError(t, err)
	assert.Equal(t, res.ParticipantJoinURL, strings.Split(named, "?")[0])
	assert.Equal(t, "小王", u.Query().Get("name"), "nick_name replaces the name")

	secure, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.ParticipantPasscode,
		SecurityInfo: &quanshi.ConferenceSecurityInfo{IsSecurityLink: new(true), UserID: 4307081, Timeout: 30, UsableCount: 2}}))
	require.NoError(t, err)
	u, err = url.Parse(secure)
	require.NoError(t, err)
	q := u.Query()
	assert.Len(t, q.Get("token"), 36)
	assert.Equal(t, "4307081", q.Get("wuid"))
	assert.Equal(t, strconv.FormatInt(confBase.Add(30*time.Minute).Unix(), 10), q.Get("expires"))
	assert.Equal(t, "2", q.Get("uses"))

	_, err = linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.ParticipantPasscode, ConferenceID: other.ConferenceID}))
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "the pcode of another meeting")

	launch, err := launchOf(c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{Passcode: res.HostPasscode,
		Name: "eyh1 主持", IconURL: "http://abcd.com/myhead.png"}))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(launch, "tang:///app:6/"), launch)
	for _, seg := range []string{"/cid:" + res.ConferenceID + "/", "/pcode:" + res.HostPasscode + "/", "/huid:81299515/",
		"/pwdType:1/", "/autoRec:1/", "/live:1/", "/showAttInfo:1/", "/fromProduct:uc/", "/name:eyh1%20%E4%B8%BB%E6%8C%81/",
		"/iconUrl:http:%2F%2Fabcd.com%2Fmyhead.png"} {
		assert.Contains(t, launch, seg)
	}
	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Contains(t, launch, "/conf_id:"+info.TempConferenceID+"/")
	attendee, err := launchOf(c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{ConferenceID: res.ConferenceID, From: "crm"}))
	require.NoError(t, err)
	assert.Contains(t, attendee, "/pcode:"+res.ParticipantPasscode)
	assert.Contains(t, attendee, "/fromProduct:crm/")

	noSecret, err := linkOf(c.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{Passcode: res.HostPasscode, UserID: confHostID}))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(noSecret, res.HostConferenceURL+"?token="), noSecret)
	assert.True(t, strings.HasSuffix(noSecret, "&wuid=81299515"), noSecret)
	guest, err := linkOf(c.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{Passcode: res.ParticipantPasscode, UserID: 4307081}))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(guest, res.ParticipantJoinURL+"?token="), guest)
	assert.True(t, strings.HasSuffix(guest, "&wuid=4307081"), guest)
	_, err = linkOf(c.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{Passcode: res.HostPasscode, UserID: 4307081}))
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "a host link is for the host only")

	links, err := c.Conference.ClientLaunchLinks(ctx, &quanshi.ConferenceClientLaunchRequest{UserID: 88600761})
	require.NoError(t, err)
	assert.Equal(t, int64(88600761), links.UserID)
	assert.Len(t, links.Token, 36)
	assert.Equal(t, "tang:///app:6/skin:1/site:60000/Version:5.0.0/goto:login/token:"+links.Token+"/wuid:88600761", links.WebJoinLink)
	assert.Equal(t, "qsgnet://com.gnet.onemeeting?goto=login&token="+links.Token+"&wuid=88600761", links.AppJoinLink)
	again, err := c.Conference.ClientLaunchLinks(ctx, &quanshi.ConferenceClientLaunchRequest{UserID: 88600761})
	require.NoError(t, err)
	assert.NotEqual(t, links.Token, again.Token, "each call logs in afresh")

	watch, err := linkOf(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: res.ConferenceID,
		UserID: confHostID, Timeout: 600, UsableCount: 100, Name: "extIdtest1234", ExtID: "extIdtest1234@pxy.com",
		Mobile: "15811258254", CountryCode: "86", Email: "test1234@pxy.com"}))
	require.NoError(t, err)
	require.NotEmpty(t, info.PullURL)
	assert.True(t, strings.HasPrefix(watch, info.PullURL+"?t="), watch)
	_, err = linkOf(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: res.ConferenceID, UserID: 4307081}))
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "userId is the host's")
}

func TestConferenceAccessNumbers(t *testing.T) {
	_, c := confSandbox(t)
	ctx := context.Background()

	// The spec's example: a Beijing phone, no dedicated numbers.
	numsRes1, err := c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{ACFlag: quanshi.AccessNumberFlagShared,
		Phone: "010-59937429", Strategy: quanshi.AccessNumberStrategyBeijing})
	nums := numsRes1.Numbers
	require.NoError(t, err)
	require.Len(t, nums, 2)
	assert.Equal(t, quanshi.AccessNumber{AccessID: "7135", AccessNo: "01058858950", AccessNoType: "1", Platform: "summit2"}, nums[0])

	shanghaiRes2, err := c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{Phone: "+86 21 6071 0000"})
	shanghai := shanghaiRes2.Numbers
	require.NoError(t, err)
	require.Len(t, shanghai, 2, "the city's number and, by default, the dedicated one")
	assert.Equal(t, "02160718888", shanghai[0].AccessNo)
	assert.Equal(t, "4008105211", shanghai[1].AccessNo)
	assert.Equal(t, "2", shanghai[1].AccessNoType)

	res := confCreate(t, c, confExampleRequest())
	mobileRes3, err := c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{Phone: "13800001111", BillingCode: res.BillingCode,
		ACFlag: quanshi.AccessNumberFlagShared})
	mobile := mobileRes3.Numbers
	require.NoError(t, err)
	require.Len(t, mobile, 2, "an unknown area gets Beijing's numbers")
	assert.Equal(t, "01058858950", mobile[0].AccessNo)
}

func TestConferenceBoxes(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	res := confCreate(t, c, confExampleRequest())
	bind := func(boxes ...quanshi.Box) (*quanshi.BoxBindResult, error) {
		return c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: res.ConferenceID, Boxes: boxes})
	}
	good := quanshi.Box{BoxID: "GN3399BOX0001856", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256567"}
	good2 := quanshi.Box{BoxID: "GN3399BOX0001429", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256597"}
	unknown := quanshi.Box{BoxID: "NOSUCHBOX", ConferenceRoomPhone: "010-1"}
	foreign := quanshi.Box{BoxID: "GN1234BOX0000001", ConferenceRoomID: 187567999, ConferenceRoomPhone: "010-256598"}

	out, err := bind(good, good2)
	require.NoError(t, err)
	assert.Equal(t, []quanshi.Box{good, good2}, out.Bound)
	assert.Empty(t, out.Rejected)

	// Partly valid: status 0 with the rejections listed.
	out, err = bind(good, unknown, foreign, good)
	require.NoError(t, err)
	assert.Equal(t, []quanshi.Box{good}, out.Bound)
	require.Len(t, out.Rejected, 3)
	assert.Equal(t, unknown, out.Rejected[0].Box)
	assert.Equal(t, "not found box info by boxId:NOSUCHBOX", out.Rejected[0].ErrMsg)
	assert.Equal(t, foreign, out.Rejected[1].Box)
	assert.Equal(t, "the customerCode of this boxId: GN1234BOX0000001 difference with conference host's customerCode", out.Rejected[1].ErrMsg)
	assert.Equal(t, "duplicate boxId:GN3399BOX0001856", out.Rejected[2].ErrMsg)

	// Every box rejected: 51208, with the result in the error.
	out, err = bind(unknown, foreign)
	assert.ErrorIs(t, err, quanshi.ErrNoValidBox)
	var apiErr *quanshi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 51208, apiErr.Code)
	assert.Equal(t, "the num of valid boxIds is 0", apiErr.Message)
	require.NotNil(t, out, "BindBoxes returns the result with the error")
	assert.Empty(t, out.Bound)
	require.Len(t, out.Rejected, 2)
	fromErr, ok := quanshi.BoxBindResultFromError(err)
	require.True(t, ok)
	assert.Equal(t, out, fromErr)
	assert.Equal(t, "GN1234BOX0000001", fromErr.Rejected[1].BoxID)
	assert.EqualValues(t, 187567999, fromErr.Rejected[1].ConferenceRoomID)

	require.NoError(t, c.Conference.UnbindAllBoxes(ctx, &quanshi.BoxUnbindAllRequest{ConferenceID: res.ConferenceID}))
	empty, err := bind()
	require.NoError(t, err, "an empty list unbinds (again)")
	assert.Empty(t, empty.Bound)
	assert.Empty(t, empty.Rejected)
	assert.Equal(t, 5, srv.Calls("/conference/conference/confBindBox"))
	assert.Equal(t, 4, srv.Handled("/conference/conference/confBindBox"))

	// Boxes still join a running meeting, not an ended one.
	srv.Advance(3*time.Hour + time.Minute)
	_, err = bind(good)
	require.NoError(t, err)
	srv.Advance(3 * time.Hour)
	_, err = bind(good)
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
}
