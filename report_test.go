package quanshi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func reportGet(t *testing.T, fixtureName string) (*Report, error) {
	t.Helper()
	api := newTestAPI(t)
	api.respondFixture(opReportGet, fixtureName)
	return api.client.Report.Get(context.Background(), &ReportGetRequest{ConferenceID: "1231232", UserID: 2162625})
}

func TestReportGetDecodesTheExample(t *testing.T) {
	r, err := reportGet(t, "report/getReportData.json")
	require.NoError(t, err)

	assert.Equal(t, "测试会议1", r.Summary.ConfTitle)
	roomAssertBeijing(t, roomBJ(2020, 8, 10, 13, 31, 11), r.Summary.StartTime) // sent with a trailing space
	roomAssertBeijing(t, roomBJ(2020, 8, 10, 15, 51, 16), r.Summary.EndTime)
	assert.Equal(t, 2, r.Summary.TotalNum)

	require.Len(t, r.Attendees, 2)
	a := r.Attendees[0]
	assert.Equal(t, "徐杰", a.Name)
	assert.Equal(t, "数据组", a.GroupName)
	assert.Equal(t, "18766774523", a.Mobile)
	assert.Equal(t, " 088413@sf-express.net.cn", a.Email, "kept as sent")
	assert.Equal(t, ReportRoleAttendee, a.Role)
	roomAssertBeijing(t, roomBJ(2020, 8, 10, 14, 46, 25), a.JoinTime)
	roomAssertBeijing(t, roomBJ(2020, 8, 10, 15, 46, 35), a.OfflineTime)
	assert.Equal(t, time.Hour+10*time.Second, a.TotalTime)
	assert.Equal(t, "pc", a.ClientType)
	assert.Equal(t, "voip", a.AccessType)
	assert.Equal(t, "219.130.113.9 13829267807", a.IP)
	assert.Zero(t, a.PhoneTime)
	assert.Equal(t, time.Hour, a.VoipTime)
	host := r.Attendees[1]
	assert.Equal(t, "孙海山", host.Name)
	assert.Equal(t, ReportRoleHost, host.Role)
	assert.Equal(t, time.Hour+54*time.Minute+30*time.Second, host.TotalTime)
	assert.Equal(t, host.TotalTime, host.PhoneTime)
	assert.Equal(t, "phone", host.ClientType)
	assert.Equal(t, "1391233564", host.IP)

	require.Len(t, r.Invitees, 3)
	assert.True(t, r.Invitees[0].Attended)
	assert.Equal(t, "徐杰", r.Invitees[0].Name)
	assert.Equal(t, time.Hour+54*time.Minute+30*time.Second, r.Invitees[1].TotalTime)
	absent := r.Invitees[2]
	assert.False(t, absent.Attended)
	assert.Equal(t, "邝小军", absent.Name)
	assert.Equal(t, "75725566201", absent.Mobile)
	assert.True(t, absent.JoinTime.IsZero())
	assert.True(t, absent.OfflineTime.IsZero())
	assert.Zero(t, absent.TotalTime)

	require.Len(t, r.Live, 2)
	v := r.Live[0]
	assert.Equal(t, "邝小军", v.Name)
	assert.Equal(t, "75725566201", v.Mobile)
	roomAssertBeijing(t, roomBJ(2020, 8, 5, 8, 56, 12), v.JoinTime)
	roomAssertBeijing(t, roomBJ(2020, 8, 5, 16, 16, 15), v.OfflineTime)
	assert.Equal(t, 7*time.Hour+45*time.Minute+3*time.Second, v.TotalTime)
	assert.Equal(t, "pc", v.DeviceType)
	assert.Equal(t, "Chrome Mobile", v.BrowserName)
	assert.Equal(t, "112.251.4.203, 10.90.42.237", v.IP)
	assert.Equal(t, "中国-北京", v.City)
	assert.Equal(t, "广东-深圳", r.Live[1].City)
	assert.Equal(t, 8*time.Hour+time.Minute+3*time.Second, r.Live[1].TotalTime)

	assert.Empty(t, r.Handsup)
	assert.Empty(t, r.Rollcall)
	assert.Empty(t, r.VideoRollcall)
}

// The second half of the spec's example: a meeting without invitees or live
// stream, with the newer summary members.
func TestReportGetDecodesTheSecondExample(t *testing.T) {
	r, err := reportGet(t, "report/getReportData_empty.json")
	require.NoError(t, err)
	s := r.Summary
	assert.Equal(t, "中台早会", s.ConfTitle)
	roomAssertBeijing(t, roomBJ(2021, 7, 19, 9, 59, 48), s.StartTime)
	roomAssertBeijing(t, roomBJ(2021, 7, 19, 10, 24, 53), s.EndTime)
	assert.Equal(t, 13, s.TotalCount)
	assert.Zero(t, s.InviteCount)
	assert.Zero(t, s.InviteAttendedCount)
	assert.Empty(t, s.AttendeePercentage)
	assert.Zero(t, s.HandsupCount)
	assert.Empty(t, s.HandsupPercentage)
	assert.Zero(t, s.RollcallNum)
	assert.Empty(t, s.RollcallAnswer)
	assert.Zero(t, s.VideoRollcallNum)
	assert.Empty(t, s.VideoRollcallAnswer)
	assert.Empty(t, r.Invitees)
	assert.Nil(t, r.Live, "live: null")
	assert.Nil(t, r.Attendees)
}

// The spec's example as printed (seed 001 §10) repeats summary, invitees and
// live. A repeated key never replaces a value with an empty one (issue 15,
// point 5): the later "invitees": [] and "live": null keep the attendance the
// first copies carried; summary merges member by member.
func TestReportGetDecodesTheExampleWithRepeatedKeys(t *testing.T) {
	r, err := reportGet(t, "report/getReportData_duplicates.json")
	require.NoError(t, err)
	assert.Equal(t, "中台早会", r.Summary.ConfTitle)
	assert.Equal(t, 13, r.Summary.TotalCount)
	assert.Equal(t, 2, r.Summary.TotalNum, "only the first summary has totalNum")
	assert.Len(t, r.Attendees, 2)
	require.Len(t, r.Invitees, 3, "the second invitees is [] and does not wipe the first")
	assert.Equal(t, "徐杰", r.Invitees[0].Name)
	require.Len(t, r.Live, 2, "the second live is null and does not wipe the first")
	assert.Equal(t, "邝小军", r.Live[0].Name)
}

func TestReportGetNotFound(t *testing.T) {
	_, err := reportGet(t, "report/getReportData_notfound.json")
	require.ErrorIs(t, err, ErrConferenceNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 50709, apiErr.Code)
	assert.Equal(t, "conference does not exist  8762238 or get conference failed", apiErr.Message)
	assert.Equal(t, http.StatusOK, apiErr.HTTPStatus)
}

func TestReportDecodesRollcallsAndHands(t *testing.T) {
	payload := `{
		"summary": {"rollcallNum": 2, "rollcallAnswer": [{"num": 3, "percentage": "14%"}, {"num": 5, "percentage": "23%"}],
			"videoRollcallNum": 1, "videoRollcallAnswer": [{"num": 1, "percentage": "5%"}],
			"handsupCount": 1, "handsupPercentage": "5%", "inviteCount": 7, "inviteAttendedCount": 1, "attendeePercentage": "14%"},
		"attendees": [{"name": "甲", "city": "中国-北京-海淀", "extType": 2, "extName": "微信"}],
		"rollcall": [{"name": "甲", "mobile": "138", "email": "a@b.cn", "groupName": "g", "answered": [0, 1], "extType": 1, "extName": "QQ"}],
		"videoRollcall": [{"name": "乙", "Answered": [1]}],
		"handsup": [{"name": "丙", "mobile": "139", "email": "c@d.cn", "groupName": "h", "createTime": 1596614172, "extType": 3, "extName": "云直播"}],
		"live": [{"name": "丁", "extInfo": [{"k": "v"}]}]
	}`
	api := newTestAPI(t)
	api.respond(opReportGet, http.StatusOK, `{"status":0,"result":`+payload+`}`)
	r, err := api.client.Report.Get(context.Background(), &ReportGetRequest{ConferenceID: "1"})
	require.NoError(t, err)
	assert.Equal(t, []ReportRollcallAnswer{{Num: 3, Percentage: "14%"}, {Num: 5, Percentage: "23%"}}, r.Summary.RollcallAnswer)
	assert.Equal(t, []ReportRollcallAnswer{{Num: 1, Percentage: "5%"}}, r.Summary.VideoRollcallAnswer)
	assert.Equal(t, "5%", r.Summary.HandsupPercentage)
	assert.Equal(t, "14%", r.Summary.AttendeePercentage)
	assert.Equal(t, ReportExtWeChat, r.Attendees[0].ExtType)
	assert.Equal(t, "中国-北京-海淀", r.Attendees[0].City)
	assert.Equal(t, ReportRollcall{
		ReportPerson: ReportPerson{Name: "甲", Mobile: "138", Email: "a@b.cn", GroupName: "g", ExtType: ReportExtQQ, ExtName: "QQ"},
		Answered:     []bool{false, true},
	}, r.Rollcall[0])
	assert.Equal(t, []bool{true}, r.VideoRollcall[0].Answered, "the table's spelling Answered is read too")
	h := r.Handsup[0]
	assert.Equal(t, "丙", h.Name)
	assert.Equal(t, ReportExtCloudLive, h.ExtType)
	roomAssertBeijing(t, time.Unix(1596614172, 0), h.CreateTime)
	assert.JSONEq(t, `[{"k":"v"}]`, string(r.Live[0].ExtInfo))
	assert.Equal(t, "wechat", ReportExtWeChat.String())
	assert.Equal(t, "host", ReportRoleHost.String())
}

func TestReportGetSendsTheExampleRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opReportGet, "report/getReportData.json")
	_, err := api.client.Report.Get(context.Background(), &ReportGetRequest{ConferenceID: "1231232", UserID: 2162625})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/conference/report/getReportData", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId":6,"conferenceId":"1231232","userId":2162625}`, got.Body)
}

func TestReportGetErrorPathsAndValidation(t *testing.T) {
	ctx := context.Background()
	checkErrorPaths(t, opReportGet, opReportGet.Path, func(c *Client) error {
		_, err := c.Report.Get(ctx, &ReportGetRequest{ConferenceID: "1231232"})
		return err
	})
	checkRejected(t, "request", func(c *Client) error { _, err := c.Report.Get(ctx, nil); return err })
	checkRejected(t, "conferenceId", func(c *Client) error {
		_, err := c.Report.Get(ctx, &ReportGetRequest{UserID: 2162625})
		return err
	})
	checkRejected(t, "userId", func(c *Client) error {
		_, err := c.Report.Get(ctx, &ReportGetRequest{ConferenceID: "1", UserID: -1})
		return err
	})
}
