package quanshi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoomGetDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRoomGet, "room/infos.json")
	meetingsRes, err := api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "239608224", UserID: 87679779})
	require.NoError(t, err)
	meetings := meetingsRes.Meetings
	require.Len(t, meetings, 1)
	m := meetings[0]

	assert.Equal(t, int64(545444), m.EventID)
	assert.Equal(t, "239608224", m.ConferenceID)
	assert.Equal(t, "分流测试1的会议", m.Title, "the URL-encoded title is decoded")
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 11, 0, 0), m.StartTime)
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 12, 0, 0), m.EndTime)
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 10, 49, 48), m.CreateTime)
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 10, 49, 46), m.ModifyTime)
	assert.True(t, m.ExchangeSyncDate.IsZero())
	assert.Equal(t, 60, m.Length)
	assert.Equal(t, ConferenceStatusEnded, m.Status)
	assert.Equal(t, MeetingSingle, m.CalType)
	assert.True(t, m.CloudMeeting)
	assert.Equal(t, "95374258", m.BillingCode)
	assert.Equal(t, "201501000037379619", m.HostPasscode)
	assert.Equal(t, "201501000037379620", m.ParticipantPasscode)
	assert.Equal(t, int64(80571506), m.GroupID)
	assert.Equal(t, int64(87679779), m.HostID)
	assert.Equal(t, "分流测试1", m.HostName)
	assert.Equal(t, int64(173406), m.SiteID)
	assert.Equal(t, "153603", m.CustomerCode)
	assert.Equal(t, "Asia/Shanghai", m.Timezone)
	assert.Equal(t, "Asia/Shanghai", m.TimezoneForEmail)
	assert.Equal(t, 1.0, m.AdvanceHours, `advanceHours arrives as "1"`)
	assert.Equal(t, "meeting", m.AppSource)
	assert.Equal(t, "testcloudb.quanshi.com", m.SourceDomain)
	assert.Equal(t, MeetingFormPhoneWebLive, m.EventForm)
	assert.Equal(t, MeetingApprovalNone, m.ApprovalStatus)
	assert.Equal(t, 1, m.ConfNodeType)
	assert.Equal(t, 1, m.EnableCloudMCU)
	assert.Equal(t, 1, m.AllowExternal)
	assert.Equal(t, 1, m.AllowHardVideo)
	assert.Equal(t, 1, m.AllowLync)
	assert.Equal(t, 1, m.JoinURLType)
	assert.False(t, m.IsPlugin)
	assert.Equal(t, "[]", m.LedgerTag)
	assert.Zero(t, m.RoomID)

	assert.Equal(t, "https://mtest.qsh1.cn/k/mkmvH0rno22", m.ParticipantJoinURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkmvHYkjYRT", m.HostJoinURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gdn2MT2", m.AudienceUnionURL)
	assert.Equal(t, "http://stest.qsh1.cn/a/NVv6IX3B8965", m.GuestJoinURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gdn2MT2?role=3", m.GuestJoinVerifyURL)
	assert.Equal(t, "http://stest.qsh1.cn/a/OVv6IX996B35", m.JointHostURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gdn2MT2?role=2", m.JointHostVerifyURL)
	assert.Equal(t, "https://dwz.cn/AAfgllqY", m.PhoneJoinURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkmvH0rno22?priority=web", m.WebRTCURL)

	assert.Equal(t, 1, m.LiveOpenFlag)
	assert.Equal(t, int64(20944), m.LiveChannelID)
	assert.Equal(t, "123456", m.LivePullPwd)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gdn2MM5", m.LivePullURL)
	assert.Equal(t, MeetingPlaybackThreeMonths, m.LivePlaybackFlag)
	assert.Equal(t, 1, m.LiveViewFlag)

	require.Len(t, m.Invitees, 1)
	a := m.Invitees[0]
	assert.Equal(t, "87679779", a.User)
	assert.Equal(t, InviteeInternal, a.UserType)
	assert.Equal(t, InviteeConfirmed, a.Status)
	assert.Equal(t, 1, a.ProductStatus)
	assert.Equal(t, "null", string(a.UserProfile))
	assert.Nil(t, m.AddedInvitees)
	assert.Empty(t, m.BookedRooms)
	assert.Empty(t, m.BookedDevices)
	assert.Empty(t, m.AddedDevices)
	assert.Nil(t, m.BookedRoomDetails)

	assert.Equal(t, MeetingCalExtraInfo{}, m.CalExtraInfo, "every setting is 0 in the example")
	assert.Equal(t, MeetingAccessNumberInfo{}, m.AccessNumberInfo)
	require.Len(t, m.AccessNumbers, 3)
	assert.Equal(t, []MeetingAccessNumber{{Area: "全国", Number: "400-139-8500"}}, m.AccessNumbers["Zh-cn"])
	assert.Equal(t, []MeetingAccessNumber{
		{Area: "ALL", Number: "400-810-8822"}, {Area: "Beijing", Number: "+86(10)5851-2020"},
	}, m.AccessNumbers["En-us"])
	assert.Equal(t, "+86(21)3599-4558", m.AccessNumbers["ChooseBySelf"][1].Number)
	assert.Equal(t, "上海", m.AccessNumbers["ChooseBySelf"][1].Area)
	assert.Equal(t, "null", string(m.SharedMediaInfo))
}

func TestRoomGetSendsTheExampleRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomGet, "room/infos.json")
	_, err := api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "239608224", UserID: 87679779})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/room/conference/infos", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token":"`+testToken+`","conferenceId":"239608224","userId":87679779}`, got.Body)

	_, err = api.client.Room.Get(context.Background(), &RoomGetRequest{HostPasscode: "201501000037379619"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","pcode":"201501000037379619"}`, rec.last(t).Body)
}

// The documented room shapes (houseList/equipList and detailHouseList
// examples, with SubDevices, and a full calExtraInfo and accessNumberInfo)
// decode into the typed fields.
func TestMeetingDecodesRoomsDevicesAndSettings(t *testing.T) {
	payload := `[{
		"title": "a+b%20c",
		"houseList": [{"DeviceId":6518,"DeviceType":2,"DeviceName":"杏花村","City":"西安","Location":"锦业路",
			"Floor":14,"IsMainRoom":0,"ParentDeviceId":0,"ParentDeviceType":0,"ApplyUserId":22563698,"ApprovalStatus":1}],
		"equipList": [{"DeviceId":6546,"DeviceType":3,"DeviceName":"盒子","ParentDeviceId":6518,"ParentDeviceType":2}],
		"detailHouseList": [{"DeviceId":6516,"DeviceType":2,"DeviceName":"杏花村2","City":"西安","Location":"锦业路",
			"Floor":"14","IsMainRoom":1,"ApplyUserId":22563698,"ApprovalStatus":1,"ApplyStatus":2,
			"SubDevices":[{"DeviceId":6546,"DeviceType":3,"DeviceName":"盒子"},{"DeviceId":6547,"DeviceType":3,"DeviceName":"盒子2"}]}],
		"calExtraInfo": {"allowH323":1,"openWatchword":1,"eventWatchword":"芝麻","labels":"[\"a\",\"b\"]","showAccessNumbers":1,"showWebRTCUrl":1},
		"accessNumberInfo": {"enable":true,"accessNumber_zh":"400-139-8500","accessNumber_en":"400-810-8822","accessNumber_url":"https://a.cn/n"},
		"accessNumbers": {"ChooseBySelf": null, "En-us": null, "Zh-cn": [{"area":"全国","chooseBySelf":"1","number":"400"}]},
		"livePlaybackFlag": -1, "livePlaybackTime": -1, "approvalStatus": 1, "calType": "M", "wcallurl": "https://dwz.cn/x"
	}]`
	api := newTestAPI(t)
	api.respond(opRoomGet, http.StatusOK, `{"status":0,"result":`+payload+`}`)
	meetingsRes, err := api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "1"})
	require.NoError(t, err)
	meetings := meetingsRes.Meetings
	require.Len(t, meetings, 1)
	m := meetings[0]
	assert.Equal(t, "a b c", m.Title, "titles are read as url.QueryUnescape reads them")
	assert.Equal(t, []MeetingDevice{{
		DeviceID: 6518, DeviceType: RoomDeviceRoom, DeviceName: "杏花村", City: "西安", Location: "锦业路",
		Floor: "14", IsMainRoom: RoomVenueDefault, ApplyUserID: 22563698, ApprovalStatus: RoomApprovalRejected,
	}}, m.BookedRooms)
	assert.Equal(t, RoomDeviceEquipment, m.BookedDevices[0].DeviceType)
	assert.Equal(t, int64(6518), m.BookedDevices[0].ParentDeviceID)
	assert.Equal(t, RoomDeviceRoom, m.BookedDevices[0].ParentDeviceType)
	require.Len(t, m.BookedRoomDetails, 1)
	d := m.BookedRoomDetails[0]
	assert.Equal(t, int64(6516), d.DeviceID)
	assert.Equal(t, "杏花村2", d.DeviceName)
	assert.Equal(t, "14", d.Floor)
	assert.Equal(t, RoomVenueMain, d.IsMainRoom)
	assert.Equal(t, RoomApprovalRejected, d.ApprovalStatus)
	assert.Equal(t, RoomApprovalApproved, d.ApplyStatus)
	assert.Equal(t, []MeetingDevice{
		{DeviceID: 6546, DeviceType: RoomDeviceEquipment, DeviceName: "盒子"},
		{DeviceID: 6547, DeviceType: RoomDeviceEquipment, DeviceName: "盒子2"},
	}, d.SubDevices)
	assert.Equal(t, MeetingCalExtraInfo{AllowH323: 1, OpenWatchword: 1, EventWatchword: "芝麻", Labels: `["a","b"]`,
		ShowAccessNumbers: 1, ShowWebRTCURL: 1}, m.CalExtraInfo)
	assert.Equal(t, MeetingAccessNumberInfo{Enable: true, ChineseNumber: "400-139-8500", EnglishNumber: "400-810-8822", URL: "https://a.cn/n"}, m.AccessNumberInfo)
	assert.Nil(t, m.AccessNumbers["En-us"])
	assert.Equal(t, 1, m.AccessNumbers["Zh-cn"][0].ChooseBySelf)
	assert.Equal(t, MeetingPlaybackDisabled, m.LivePlaybackFlag)
	assert.Equal(t, int64(-1), m.LivePlaybackTime)
	assert.Equal(t, MeetingApprovalPending, m.ApprovalStatus)
	assert.Equal(t, MeetingRecurring, m.CalType)
	assert.Equal(t, "https://dwz.cn/x", m.PhoneJoinURL, "wcallurl is read too")
}

func TestMeetingTitleDecoding(t *testing.T) {
	for raw, want := range map[string]string{
		"pxytest0001%E7%9A%84%E4%BC%9A%E8%AE%AE002": "pxytest0001的会议002",
		"周会":      "周会",
		"100%达成":  "100%达成", // not percent-encoding: kept as sent
		"50%OFF":  "50%OFF",
		"C%2B%2B": "C++",
		"":        "",
	} {
		assert.Equal(t, want, roomUnescapeTitle(raw), raw)
	}
	var m Meeting
	require.NoError(t, decodeJSON([]byte(`""`), &m), "an empty meeting sent as \"\"")
	assert.Equal(t, Meeting{}, m)
	require.Error(t, decodeJSON([]byte(`{"eventId":{"x":1}}`), &m), "real type errors still surface")
}

func TestRoomListDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRoomList, "room/list.json")
	meetingsRes, err := api.client.Room.List(context.Background(), &RoomListRequest{
		From: roomBJ(2022, 1, 1, 15, 0, 0), To: roomBJ(2022, 1, 7, 15, 0, 0), UserID: 87679779,
	})
	require.NoError(t, err)
	meetings := meetingsRes.Meetings
	require.Len(t, meetings, 1)
	m := meetings[0]
	assert.Equal(t, int64(545480), m.EventID)
	assert.Equal(t, "239608260", m.ConferenceID)
	assert.Equal(t, "客户端约会", m.Title)
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 14, 0, 0), m.StartTime)
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 15, 0, 0), m.EndTime)
	roomAssertBeijing(t, roomBJ(2022, 1, 5, 13, 58, 1), m.CreateTime)
	assert.Equal(t, ConferenceStatusEnded, m.Status)
	assert.Equal(t, "95374287", m.BillingCode)
	assert.Equal(t, "222222", m.LivePullPwd)
	assert.Equal(t, int64(20956), m.LiveChannelID)
	assert.Equal(t, "https://dwz.cn/Q8ogM8hE", m.PhoneJoinURL)
	assert.Equal(t, "87679779", m.Invitees[0].User)
	assert.Equal(t, "400-139-8500", m.AccessNumbers["Zh-cn"][0].Number)
}

func TestRoomListSendsUnixSeconds(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomList, "room/list.json")
	_, err := api.client.Room.List(context.Background(), &RoomListRequest{
		// The same instants in another zone: only the instant matters.
		From:   time.Date(2022, 1, 1, 7, 0, 0, 0, time.UTC),
		To:     roomBJ(2022, 1, 7, 15, 0, 0),
		UserID: 87679779,
	})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/room/conference/list", got.URL)
	assert.JSONEq(t, `{"token":"`+testToken+`","startTime":1641020400,"endTime":1641538800,"userId":87679779}`, got.Body)

	_, err = api.client.Room.List(context.Background(), &RoomListRequest{
		From: roomBJ(2022, 1, 1, 15, 0, 0), To: roomBJ(2022, 1, 7, 15, 0, 0), InCycle: new(true),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","startTime":1641020400,"endTime":1641538800,"inCycle":1}`, rec.last(t).Body)
}

func TestRoomListByAdminDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRoomListByAdmin, "room/listByAdmin.json")
	meetingsRes, err := api.client.Room.ListByAdmin(context.Background(), roomAdminExample())
	require.NoError(t, err)
	meetings := meetingsRes.Meetings
	require.Len(t, meetings, 3)
	assert.Equal(t, []int64{557933, 557932, 557934}, []int64{meetings[0].EventID, meetings[1].EventID, meetings[2].EventID})
	assert.Equal(t, "pxytest0001的会议002", meetings[0].Title)
	assert.Equal(t, "pxytest0001的会议", meetings[1].Title)
	assert.Equal(t, "裴秀月的会议001", meetings[2].Title)
	roomAssertBeijing(t, roomBJ(2022, 4, 2, 11, 30, 0), meetings[0].StartTime)
	roomAssertBeijing(t, roomBJ(2022, 4, 2, 12, 30, 0), meetings[0].EndTime)
	roomAssertBeijing(t, roomBJ(2022, 4, 2, 11, 3, 34), meetings[0].CreateTime)
	assert.Equal(t, "239704684", meetings[2].ConferenceID)
	assert.Equal(t, int64(88609800), meetings[2].HostID)
	assert.Equal(t, "裴秀月", meetings[2].HostName)
	require.Len(t, meetings[2].Invitees, 2)
	assert.Equal(t, "88609824", meetings[2].Invitees[1].User)
	assert.Equal(t, MeetingCalExtraInfo{}, meetings[0].CalExtraInfo)
	assert.Equal(t, MeetingAccessNumbers{"ChooseBySelf": nil, "En-us": nil, "Zh-cn": nil}, meetings[0].AccessNumbers)
	assert.Empty(t, meetings[0].TestAudienceUnionURL)
	assert.Equal(t, MeetingPlaybackForever, meetings[0].LivePlaybackFlag)
	assert.Equal(t, "https://dwz.cn/rDnO6ikw", meetings[2].PhoneJoinURL)
}

func roomAdminExample() *RoomListByAdminRequest {
	return &RoomListByAdminRequest{
		From: roomBJ(2022, 1, 1, 15, 0, 0), To: roomBJ(2022, 4, 2, 19, 3, 41), AdminUserID: 12345824,
	}
}

// Seed 001 §23 (listByAdmin): the table says startTime/endTime are
// "string, 毫秒"; the example sends the numbers 1641020400 and 1648897421,
// Unix seconds, and its answer's meetings fall in that window read as
// seconds. The SDK sends the example's form (issue 15, point 9).
func TestRoomListByAdminSendsTheExampleRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomListByAdmin, "room/listByAdmin.json")
	_, err := api.client.Room.ListByAdmin(context.Background(), roomAdminExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/room/conference/listByAdmin", got.URL)
	assert.JSONEq(t, `{"token":"`+testToken+`","startTime":1641020400,"endTime":1648897421,"adminUserId":12345824}`, got.Body)

	req := roomAdminExample()
	req.Limit, req.EventIDFilter = 3, 557934
	_, err = api.client.Room.ListByAdmin(context.Background(), req)
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","startTime":1641020400,"endTime":1648897421,"adminUserId":12345824,
		"limit":3,"eventIdFilter":557934}`, rec.last(t).Body)
}

// roomPager answers listByAdmin from pages keyed by the eventIdFilter it
// receives, and records the cursors asked for.
type roomPager struct {
	pages   map[int64][]int64
	fail    map[int64]bool
	cursors []int64
	limits  []int64
}

func (p *roomPager) install(api *testAPI) {
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConfOpenAPI, opRoomListByAdmin.Path), func(req *http.Request) (*http.Response, error) {
		var body struct {
			Limit         int64 `json:"limit"`
			EventIDFilter int64 `json:"eventIdFilter"`
		}
		buf, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		if err := decodeJSON(buf, &body); err != nil {
			return nil, err
		}
		p.cursors = append(p.cursors, body.EventIDFilter)
		p.limits = append(p.limits, body.Limit)
		if p.fail[body.EventIDFilter] {
			return httpmock.NewStringResponse(http.StatusOK, businessFailure(FamilyConfOpenAPI)), nil
		}
		var items []string
		for _, id := range p.pages[body.EventIDFilter] {
			items = append(items, fmt.Sprintf(`{"eventId":%d,"title":"m%d"}`, id, id))
		}
		return httpmock.NewStringResponse(http.StatusOK, `{"status":0,"result":[`+strings.Join(items, ",")+`]}`), nil
	})
}

func roomCollectIDs(t *testing.T, api *testAPI, req *RoomListByAdminRequest) ([]int64, []error) {
	t.Helper()
	var ids []int64
	var errs []error
	for m, err := range api.client.Room.ListByAdminIter(context.Background(), req) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, m.EventID)
	}
	return ids, errs
}

func TestRoomListByAdminIterWalksEveryPage(t *testing.T) {
	api := newTestAPI(t)
	p := &roomPager{pages: map[int64][]int64{
		0: {30, 29, 28}, 28: {27, 26, 25}, 25: {24, 23},
	}}
	p.install(api)
	req := roomAdminExample()
	req.Limit = 3
	ids, errs := roomCollectIDs(t, api, req)
	assert.Empty(t, errs)
	assert.Equal(t, []int64{30, 29, 28, 27, 26, 25, 24, 23}, ids)
	assert.Equal(t, []int64{0, 28, 25}, p.cursors, "each page asks from the last eventId of the one before; the short page ends it")
	assert.Equal(t, []int64{3, 3, 3}, p.limits)
	assert.Zero(t, req.EventIDFilter, "the caller's request is not changed")

	// Ranging again starts again from the caller's cursor.
	ids, errs = roomCollectIDs(t, api, req)
	assert.Empty(t, errs)
	assert.Len(t, ids, 8)
}

func TestRoomListByAdminIterDefaultsToTenAndStopsOnAnEmptyPage(t *testing.T) {
	api := newTestAPI(t)
	first := make([]int64, 10)
	for i := range first {
		first[i] = int64(100 - i)
	}
	p := &roomPager{pages: map[int64][]int64{0: first}}
	p.install(api)
	ids, errs := roomCollectIDs(t, api, roomAdminExample())
	assert.Empty(t, errs)
	assert.Len(t, ids, 10)
	assert.Equal(t, []int64{0, 91}, p.cursors, "a full page of 10 (the server default) asks for more; the empty one ends it")
	assert.Equal(t, []int64{0, 0}, p.limits, "limit 0 is not sent")
}

func TestRoomListByAdminIterStartsAtTheCallersCursor(t *testing.T) {
	api := newTestAPI(t)
	p := &roomPager{pages: map[int64][]int64{50: {49}}}
	p.install(api)
	req := roomAdminExample()
	req.EventIDFilter, req.Limit = 50, 2
	ids, errs := roomCollectIDs(t, api, req)
	assert.Empty(t, errs)
	assert.Equal(t, []int64{49}, ids)
	assert.Equal(t, []int64{50}, p.cursors)
}

func TestRoomListByAdminIterYieldsAnErrorOnceAndStops(t *testing.T) {
	api := newTestAPI(t)
	p := &roomPager{
		pages: map[int64][]int64{0: {9, 8}, 8: {7, 6}, 6: {5, 4}},
		fail:  map[int64]bool{6: true},
	}
	p.install(api)
	req := roomAdminExample()
	req.Limit = 2
	ids, errs := roomCollectIDs(t, api, req)
	assert.Equal(t, []int64{9, 8, 7, 6}, ids, "the pages before the failure are yielded")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrInvalidParameter)
	assert.Equal(t, []int64{0, 8, 6}, p.cursors, "nothing is asked after the failure")
}

func TestRoomListByAdminIterRefusesAStuckCursor(t *testing.T) {
	api := newTestAPI(t)
	p := &roomPager{pages: map[int64][]int64{0: {5, 4}, 4: {3, 4}}}
	p.install(api)
	req := roomAdminExample()
	req.Limit = 2
	ids, errs := roomCollectIDs(t, api, req)
	assert.Equal(t, []int64{5, 4, 3, 4}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrCursorStuck)
	assert.Equal(t, []int64{0, 4}, p.cursors)
}

func TestRoomListByAdminIterStopsWhenTheCallerBreaks(t *testing.T) {
	api := newTestAPI(t)
	var calls atomic.Int32
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConfOpenAPI, opRoomListByAdmin.Path), func(*http.Request) (*http.Response, error) {
		calls.Add(1)
		return httpmock.NewStringResponse(http.StatusOK, `{"status":0,"result":[{"eventId":3},{"eventId":2}]}`), nil
	})
	req := roomAdminExample()
	req.Limit = 2
	for m, err := range api.client.Room.ListByAdminIter(context.Background(), req) {
		require.NoError(t, err)
		if m.EventID == 2 {
			break
		}
	}
	assert.Equal(t, int32(1), calls.Load())
}

func TestRoomListByAdminIterValidates(t *testing.T) {
	checkRejected(t, "request", func(c *Client) error {
		for _, err := range c.Room.ListByAdminIter(context.Background(), nil) {
			return err
		}
		return errors.New("no error yielded")
	})
	checkRejected(t, "startTime", func(c *Client) error {
		for _, err := range c.Room.ListByAdminIter(context.Background(), &RoomListByAdminRequest{To: time.Now()}) {
			return err
		}
		return errors.New("no error yielded")
	})
}

func TestRoomReadsErrorPaths(t *testing.T) {
	ctx := context.Background()
	checkErrorPaths(t, opRoomGet, opRoomGet.Path, func(c *Client) error {
		_, err := c.Room.Get(ctx, &RoomGetRequest{ConferenceID: "239608224"})
		return err
	})
	checkErrorPaths(t, opRoomList, opRoomList.Path, func(c *Client) error {
		_, err := c.Room.List(ctx, &RoomListRequest{From: roomBJ(2022, 1, 1, 0, 0, 0), To: roomBJ(2022, 1, 2, 0, 0, 0)})
		return err
	})
	checkErrorPaths(t, opRoomListByAdmin, opRoomListByAdmin.Path, func(c *Client) error {
		_, err := c.Room.ListByAdmin(ctx, roomAdminExample())
		return err
	})
	checkErrorPaths(t, opRoomListByAdmin, opRoomListByAdmin.Path, func(c *Client) error {
		for _, err := range c.Room.ListByAdminIter(ctx, roomAdminExample()) {
			return err
		}
		return nil
	})
}

func TestRoomReadsValidation(t *testing.T) {
	ctx := context.Background()
	start, end := roomBJ(2022, 1, 1, 0, 0, 0), roomBJ(2022, 1, 2, 0, 0, 0)
	get := func(req *RoomGetRequest) func(c *Client) error {
		return func(c *Client) error { _, err := c.Room.Get(ctx, req); return err }
	}
	list := func(req *RoomListRequest) func(c *Client) error {
		return func(c *Client) error { _, err := c.Room.List(ctx, req); return err }
	}
	admin := func(req *RoomListByAdminRequest) func(c *Client) error {
		return func(c *Client) error { _, err := c.Room.ListByAdmin(ctx, req); return err }
	}
	cases := []struct {
		name, field string
		call        func(c *Client) error
	}{
		{"get nil", "request", get(nil)},
		{"get no id", "conferenceId", get(&RoomGetRequest{UserID: 1})},
		{"get negative user", "userId", get(&RoomGetRequest{ConferenceID: "1", UserID: -1})},
		{"list nil", "request", list(nil)},
		{"list no start", "startTime", list(&RoomListRequest{To: end})},
		{"list no end", "endTime", list(&RoomListRequest{From: start})},
		{"list reversed", "endTime", list(&RoomListRequest{From: end, To: start})},
		{"list negative user", "userId", list(&RoomListRequest{From: start, To: end, UserID: -1})},
		{"admin nil", "request", admin(nil)},
		{"admin no start", "startTime", admin(&RoomListByAdminRequest{To: end})},
		{"admin no end", "endTime", admin(&RoomListByAdminRequest{From: start})},
		{"admin reversed", "endTime", admin(&RoomListByAdminRequest{From: end, To: start})},
		{"admin negative admin", "adminUserId", admin(&RoomListByAdminRequest{From: start, To: end, AdminUserID: -1})},
		{"admin negative limit", "limit", admin(&RoomListByAdminRequest{From: start, To: end, Limit: -1})},
		{"admin negative cursor", "eventIdFilter", admin(&RoomListByAdminRequest{From: start, To: end, EventIDFilter: -1})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkRejected(t, tc.field, tc.call) })
	}
}
