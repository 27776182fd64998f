package quanshi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func confListExample() *ConferenceListRequest {
	return &ConferenceListRequest{
		UserID: 4307081,
		From:   time.Date(2020, 7, 7, 0, 0, 0, 0, Beijing),
		// 15:59:59 UTC is 23:59:59 in Beijing.
		To: time.Date(2020, 7, 31, 15, 59, 59, 0, time.UTC),
	}
}

func TestConferenceListFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceList, "conference/getConferenceList.json")
	res, err := api.client.Conference.List(context.Background(), confListExample())
	require.NoError(t, err)
	assert.Equal(t, 1, res.TotalNum)
	confAssertBeijing(t, "2020-07-07 13:58:06", res.CurrentTime)
	require.Len(t, res.Conferences, 1)
	c := res.Conferences[0]
	confAssertBeijing(t, "2020-07-07 00:00:00", c.Date)
	assert.Equal(t, int64(4307081), c.UserID, `"4307081" is a string in the example`)
	assert.Equal(t, "2797400", c.ConferenceID)
	assert.Equal(t, "测试%", c.ConferenceTitle)
	confAssertBeijing(t, "2020-07-07 14:00:00", c.StartTime)
	confAssertBeijing(t, "2020-07-07 16:00:00", c.EndTime)
	assert.Equal(t, 120, c.Length, `"120" is a string in the example`)
	assert.Equal(t, "83152555", c.HostPasscode)
	assert.Equal(t, "37193425", c.ParticipantPasscode)
	assert.Equal(t, ConferenceStatusCreated, c.Status, `"1" is a string in the example`)
	assert.Empty(t, c.Location)
	assert.Empty(t, c.From)
	assert.Equal(t, []ConferenceInviteeInfo{{
		Email: "dtest04@quanshitest.com", Name: "dtest04", ExtType: "0",
	}}, c.Invitees)
	assert.Equal(t, "bing.shao@quanshi.cn", c.CreatorAccount)
	assert.Equal(t, "邵兵", c.UserName)
	assert.True(t, c.IsHost)
}

func TestConferenceListFlattensDatesInStartOrder(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opConferenceList, http.StatusOK, `{"status": 0, "result": {"totalNum": "4", "list": {
		"2020-07-09": [{"conferenceId": "4", "startTime": "2020-07-09 08:00:00"}],
		"2020-07-07": [
			{"conferenceId": "2", "startTime": "2020-07-07 18:00:00"},
			{"conferenceId": "1", "startTime": "2020-07-07 09:00:00"}
		],
		"2020-07-08": [{"conferenceId": "3", "startTime": "2020-07-08 10:30:00"}]
	}, "currentTime": "2020-07-07 08:00:00"}}`)
	res, err := api.client.Conference.List(context.Background(), confListExample())
	require.NoError(t, err)
	assert.Equal(t, 4, res.TotalNum)
	var ids, dates []string
	for _, c := range res.Conferences {
		ids = append(ids, c.ConferenceID)
		dates = append(dates, FormatDate(c.Date))
	}
	assert.Equal(t, []string{"1", "2", "3", "4"}, ids)
	assert.Equal(t, []string{"2020-07-07", "2020-07-07", "2020-07-08", "2020-07-09"}, dates)
}

func TestConferenceListEmpty(t *testing.T) {
	for _, list := range []string{`[]`, `{}`, `""`, `null`} {
		api := newTestAPI(t)
		api.respond(opConferenceList, http.StatusOK, `{"status": 0, "result": {"totalNum": 0, "list": `+list+`}}`)
		res, err := api.client.Conference.List(context.Background(), confListExample())
		require.NoError(t, err, list)
		assert.Zero(t, res.TotalNum)
		assert.Empty(t, res.Conferences, list)
	}
}

// A member of list whose key is no date is skipped and reported, the rest
// kept (issue 15 point 8).
func TestConferenceListSkipsABadDateKey(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opConferenceList, http.StatusOK, `{"status": 0, "result": {"totalNum": 1, "list": {"soon": [{"conferenceId": "1"}], "2020-07-07": [{"conferenceId": "2"}]}}}`)
	var info ResponseInfo
	res, err := api.client.Conference.List(context.Background(), confListExample(), CaptureResponse(&info))
	require.NoError(t, err)
	require.Len(t, res.Conferences, 1)
	assert.Equal(t, "2", res.Conferences[0].ConferenceID)
	assert.Equal(t, []UnparsedField{{Field: "soon", Text: `[{"conferenceId": "1"}]`}}, info.Unparsed)
}

func TestConferenceListRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceList, "conference/getConferenceList.json")
	_, err := api.client.Conference.List(context.Background(), confListExample())
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "userId": 4307081,
		"startDate": "2020-07-07 00:00:00", "endDate": "2020-07-31 23:59:59"}`, rec.last(t).Body)

	_, err = api.client.Conference.List(context.Background(), &ConferenceListRequest{EmailAccount: "bing.shao@quanshi.cn"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "emailAccount": "bing.shao@quanshi.cn"}`, rec.last(t).Body)
}

func TestConferenceListErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceList, opConferenceList.Path, func(c *Client) error {
		_, err := c.Conference.List(context.Background(), confListExample())
		return err
	})
}

func TestConferenceListValidation(t *testing.T) {
	type rule = confRule[ConferenceListRequest]
	confCheckRules(t, confListExample, func(c *Client, req *ConferenceListRequest) error {
		_, err := c.Conference.List(context.Background(), req)
		return err
	},
		rule{"userId", func(r *ConferenceListRequest) { r.UserID = 0 }},
		rule{"emailAccount", func(r *ConferenceListRequest) { r.UserID, r.EmailAccount = 0, "bing.shao" }},
	)
}

func TestConferenceGetFixture(t *testing.T) {
	api := newTestAPI(t)
	path := "/conference/conference/getConferenceBaseInfoById/6/239136921"
	api.respondPath(FamilyConference, http.MethodPost, path, http.StatusOK,
		fixture(t, "conference/getConferenceBaseInfoById.json"))
	res, err := api.client.Conference.Get(context.Background(), &ConferenceGetRequest{ConferenceID: "239136921"})
	require.NoError(t, err)
	assert.Equal(t, int64(81299515), res.UserID)
	assert.Equal(t, "线下OpenAPi测试会议", res.ConferenceTitle)
	confAssertBeijing(t, "2020-09-04 20:30:00", res.StartTime)
	confAssertBeijing(t, "2020-09-04 21:30:00", res.EndTime)
	confAssertBeijing(t, "2020-09-08 09:53:16", res.CurrentTime)
	assert.Equal(t, 60, res.Length)
	assert.Equal(t, "201501000033328565", res.HostPasscode)
	assert.Equal(t, "201501000033328566", res.ParticipantPasscode)
	assert.Equal(t, "239136921", res.ConferenceID)
	assert.Equal(t, "GMT+8，北京，重庆，上海，香港，台北，新加坡，佩斯", res.Timezone)
	assert.Empty(t, res.TempConferenceID)
	assert.Equal(t, ConferenceStatusExpired, res.Status)
	assert.Empty(t, res.InviteeGroupList, `"" is an empty list`)
	assert.Equal(t, "uc", res.From)
	assert.Equal(t, "93711845", res.BillingCode)
	assert.Equal(t, "eyh1", res.DisplayName)
	assert.Equal(t, "eyh1", res.Name)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJTwFXgdhKo", res.HostJoinURL)
	assert.Equal(t, "http://mtest.qsh1.cn/k/NJTwFD9a6no", res.ParticipantJoinURL)
	assert.Equal(t, 6, res.TotalInvitee)
	require.Len(t, res.Invitees, 6)
	assert.Equal(t, ConferenceInviteeInfo{
		Email: "longly02@wanda.com", Name: "longly02@wanda.com", IsDuring: "0", ExtType: "0",
	}, res.Invitees[0])
	assert.Equal(t, "wanda5@wanda.com", res.Invitees[5].Email)
	assert.True(t, res.Invitees[5].UpdateTime.IsZero())
	assert.Equal(t, "http://meetnow.quanshi.com/20180322test2/conference/access_number/6/81299515.html", res.MoreAccessNumURL)
	assert.Equal(t, []ConferenceDialInNumber{
		{Area: "ALL", Number: "400-810-5211"},
		{Area: "Beijing", Number: "+86(10)5808-4299"},
	}, res.AccessNum)
	assert.Equal(t, "null", string(res.StatusInfo))
	assert.Nil(t, res.ExtraInfo.JoinMethod)
	assert.Equal(t, "https://dwz.cn/dO7DLljN", res.PhoneJoinURL)
	assert.Empty(t, res.HardwareLocation)
	assert.Equal(t, []string{"192.168.37.91"}, res.HardwareVideoIPList)
	assert.Empty(t, res.PullURL)
}

func TestConferenceGetRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	// The id is one escaped path segment.
	path := "/conference/conference/getConferenceBaseInfoById/6/2797%2F400"
	rec := api.respondPath(FamilyConference, http.MethodPost, path, http.StatusOK,
		fixture(t, "conference/getConferenceBaseInfoById.json"))
	_, err := api.client.Conference.Get(context.Background(), &ConferenceGetRequest{ConferenceID: "2797/400"})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, testBaseURL+path, got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId": 6}`, got.Body)
}

func TestConferenceGetErrors(t *testing.T) {
	filled := opConferenceGet.withPath("6", "239136921")
	checkErrorPaths(t, opConferenceGet, filled.requestPath(), func(c *Client) error {
		_, err := c.Conference.Get(context.Background(), &ConferenceGetRequest{ConferenceID: "239136921"})
		return err
	})
}

func TestConferenceGetValidation(t *testing.T) {
	checkRejected(t, "conferenceId", func(c *Client) error {
		_, err := c.Conference.Get(context.Background(), &ConferenceGetRequest{ConferenceID: ""})
		return err
	})
}

func TestConferenceExtraInfoForms(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want *ConferenceJoinMethod
	}{
		{`null`, nil},
		{`""`, nil},
		{`[]`, nil},
		{`{}`, nil},
		{`{"joinMethod": {"box": "1", "hardwareVideo": 0, "lync": 1}}`, &ConferenceJoinMethod{Box: 1, Lync: 1}},
		{`"{\"joinMethod\":{\"box\":0,\"hardwareVideo\":1,\"lync\":0}}"`, &ConferenceJoinMethod{HardwareVideo: 1}},
	} {
		var info ConferenceInfo
		require.NoError(t, decodeJSON([]byte(`{"extraInfo": `+tc.raw+`}`), &info), tc.raw)
		assert.Equal(t, tc.want, info.ExtraInfo.JoinMethod, tc.raw)
	}
	// Seed 001 §5's table types extraInfo as a String: plain text is kept.
	var info ConferenceInfo
	require.NoError(t, decodeJSON([]byte(`{"extraInfo": "box"}`), &info))
	assert.Equal(t, ConferenceExtraInfo{Text: "box"}, info.ExtraInfo)
	assert.Error(t, decodeJSON([]byte(`{"extraInfo": 5}`), &info))
}

func TestConferenceStatusFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceStatus, "conference/getConfStatus.json")
	res, err := api.client.Conference.Status(context.Background(), &ConferenceStatusRequest{UserID: 81299515, ConferenceID: "239136921"})
	require.NoError(t, err)
	assert.Equal(t, ConferenceStatusExpired, res.Status)
	assert.Equal(t, "expired", res.Status.String())
	assert.Equal(t, 0, res.Attendees)
	assert.Equal(t, PasswordTypeSecure, res.PasswordType)
	assert.False(t, res.MayJoin)
	assert.Equal(t, 2.0, res.AdvanceHours, `"2" is a string in the example`)
}

func TestConferenceStatusRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceStatus, "conference/getConfStatus.json")
	_, err := api.client.Conference.Status(context.Background(), &ConferenceStatusRequest{UserID: 81299515, ConferenceID: "239136921"})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId": 6, "userId": 81299515, "conferenceId": "239136921"}`, got.Body)
}

func TestConferenceStatusErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceStatus, opConferenceStatus.Path, func(c *Client) error {
		_, err := c.Conference.Status(context.Background(), &ConferenceStatusRequest{ConferenceID: "239136921"})
		return err
	})
}

func TestConferenceStatusValidation(t *testing.T) {
	confCheckRules(t, func() *ConferenceStatusRequest {
		return &ConferenceStatusRequest{UserID: 81299515, ConferenceID: "239136921"}
	}, func(c *Client, req *ConferenceStatusRequest) error {
		_, err := c.Conference.Status(context.Background(), req)
		return err
	}, confRule[ConferenceStatusRequest]{"conferenceId", func(r *ConferenceStatusRequest) { r.ConferenceID = "" }})
}

func confAccessExample() *AccessNumberRequest {
	return &AccessNumberRequest{
		ACFlag: AccessNumberFlagShared, Phone: "010-59937429", Strategy: AccessNumberStrategyBeijing,
	}
}

func TestConferenceAccessNumbersFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceAccessNumbers, "conference/getPhoneAccessNum.json")
	res, err := api.client.Conference.AccessNumbers(context.Background(), confAccessExample())
	require.NoError(t, err)
	assert.Equal(t, []AccessNumber{{
		AccessID: "7135", AccessNo: "01058858950", AccessNoType: "1", Platform: "summit2",
	}}, res.Numbers)
}

func TestConferenceAccessNumbersRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceAccessNumbers, "conference/getPhoneAccessNum.json")
	_, err := api.client.Conference.AccessNumbers(context.Background(), confAccessExample())
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "appKey": "legacy-appkey-7f3e",
		"acFlag": "0", "phone": "010-59937429", "strategy": "1"}`, rec.last(t).Body)

	_, err = api.client.Conference.AccessNumbers(context.Background(), &AccessNumberRequest{BillingCode: "93711845"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "appKey": "legacy-appkey-7f3e", "billingCode": "93711845"}`, rec.last(t).Body)
}

func TestConferenceAccessNumbersErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceAccessNumbers, opConferenceAccessNumbers.Path, func(c *Client) error {
		_, err := c.Conference.AccessNumbers(context.Background(), confAccessExample())
		return err
	})
}

func TestConferenceAccessNumbersValidation(t *testing.T) {
	type rule = confRule[AccessNumberRequest]
	confCheckFieldRules(t, confAccessExample, func(c *Client, req *AccessNumberRequest) error {
		_, err := c.Conference.AccessNumbers(context.Background(), req)
		return err
	},
		rule{"acFlag", func(r *AccessNumberRequest) { r.ACFlag = "2" }},
		rule{"strategy", func(r *AccessNumberRequest) { r.Strategy = "0" }},
	)
	sent := checkNilAccepted(t, opConferenceAccessNumbers, `[]`, func(c *Client) error {
		_, err := c.Conference.AccessNumbers(context.Background(), nil)
		return err
	})
	assert.NotContains(t, sent.Body, "acFlag")
}

func TestConferenceEnumNames(t *testing.T) {
	assert.Equal(t, "fixed", PasswordTypeFixed.String())
	assert.Equal(t, "secure", PasswordTypeSecure.String())
	assert.Equal(t, "PasswordType(7)", PasswordType(7).String())
	assert.Equal(t, "unset", VideoStandardUnset.String())
	assert.Equal(t, "SD", VideoStandardSD.String())
	assert.Equal(t, "HD", VideoStandardHD.String())
	assert.Equal(t, "ultra HD", VideoStandardUltraHD.String())
	assert.Equal(t, "VideoStandard(3)", VideoStandard(3).String())
	assert.Equal(t, "none", ConferenceCycleNone.String())
	assert.Equal(t, "periodic", ConferenceCyclePeriodic.String())
	assert.Equal(t, "allow self-unmute", ConferenceMuteLevelAllowUnmute.String())
	assert.Equal(t, "no self-unmute", ConferenceMuteLevelNoSelfUnmute.String())
	assert.Equal(t, "unset", ConferenceMuteLevelUnset.String())
	assert.Equal(t, "shared", AccessNumberFlagShared.String())
	assert.Equal(t, "dedicated", AccessNumberFlagDedicated.String())
	assert.Equal(t, `AccessNumberFlag("x")`, AccessNumberFlag("x").String())
	assert.Equal(t, "Beijing", AccessNumberStrategyBeijing.String())
}
