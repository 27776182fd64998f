package quanshi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roomAssertBeijing asserts that got is the instant want and is in +08:00.
func roomAssertBeijing(t *testing.T, want, got time.Time) {
	t.Helper()
	assert.True(t, want.Equal(got), "want %v, got %v", want, got)
	_, offset := got.Zone()
	assert.Equal(t, 8*60*60, offset, "time %v is not in +08:00", got)
}

// roomBJ is a Beijing wall-clock time.
func roomBJ(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, Beijing)
}

// roomCreateExample is the request of §14's example.
func roomCreateExample() *RoomCreateRequest {
	return &RoomCreateRequest{
		ComposeRoomList: []ComposeRoom{{RoomID: 10935, IsMainRoom: RoomVenueMain, EquipIDs: []int64{58933}}},
		UserID:          88415897,
		SessionID:       "8f2458beaa42aaaadfb74ec84fdd6efc2f0af7ee",
		// 11:00 UTC is 19:00 in Beijing: the SDK must convert.
		StartTime:     time.Date(2021, 9, 15, 11, 0, 0, 0, time.UTC),
		Title:         "王迪的会议测试233",
		Length:        30,
		HardwareVideo: new(true),
		AutoVideo:     new(2),
	}
}

func TestRoomCreateDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRoomCreate, "room/reservConference.json")
	res, err := api.client.Room.Create(context.Background(), roomCreateExample())
	require.NoError(t, err)
	roomAssertReservation(t, res)
}

// roomAssertReservation checks the reservation of §14's and §15's examples.
func roomAssertReservation(t *testing.T, res *RoomReservation) {
	t.Helper()
	assert.Equal(t, "239418513", res.ConferenceID)
	assert.Equal(t, int64(524331), res.EventID)
	assert.Equal(t, int64(80555958), res.GroupID)
	assert.Equal(t, "201501000037317973", res.HostPasscode)
	assert.Equal(t, "201501000037317974", res.ParticipantPasscode)
	assert.Equal(t, "95346906", res.BillingCode)
	assert.Equal(t, int64(88415897), res.UserID)
	assert.Equal(t, "王迪的会议测试233", res.ConferenceTitle)
	assert.Equal(t, "王迪的会议测试233", res.DisplayTitle)
	assert.Equal(t, "php0827_001", res.InvitationSubject)
	roomAssertBeijing(t, roomBJ(2021, 9, 15, 19, 0, 0), res.StartTime)
	roomAssertBeijing(t, roomBJ(2021, 9, 15, 19, 30, 0), res.EndTime)
	roomAssertBeijing(t, roomBJ(2021, 9, 15, 19, 0, 0), res.StartTimeUnix)
	roomAssertBeijing(t, roomBJ(2021, 9, 15, 19, 30, 0), res.EndTimeUnix)
	roomAssertBeijing(t, roomBJ(2021, 9, 14, 18, 29, 40), res.CurrentTime)
	assert.Equal(t, 30, res.Length)
	assert.Equal(t, ConferenceStatusCreated, res.Status)
	assert.Equal(t, "3d105bd7-2d40-4fdf-9704-01cdb2976753", res.CreatorAccount, "createAccount is read as the creator's account")
	assert.Equal(t, "php0827_001", res.CreatorName, "createName is read as the creator's name")
	assert.Equal(t, "php0827_001", res.HostName)
	assert.Equal(t, "php0827_001", res.HostAccount)
	assert.Equal(t, "201501000037317974", res.Desc)
	assert.Equal(t, "https://mtest.qsh1.cn/k/m2ZFS7ogGeT", res.ParticipantJoinURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/m2ZFSuNQn7e", res.HostJoinURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/m2ZFSuNQn7e", res.HostConferenceURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/m2ZFSuNQn7e", res.HostConferenceLongURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/m2ZFS7ogGeT", res.ParticipantJoinLongURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/m2ZFS7ogGeT", res.AudienceJoinURL)
	assert.Equal(t, "https://dwz.cn/siMDpAnQ", res.PhoneJoinURL, "wcallurl is read")
	assert.Equal(t, []string{"192.168.37.91"}, res.H323IP)
	assert.False(t, res.EmailNotify)
	assert.Equal(t, MeetingPlaybackForever, res.LivePlaybackFlag)
	assert.Empty(t, res.PullURL)
	assert.Zero(t, res.UsedConfTickets)
}

func TestRoomCreateSendsTheExampleRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomCreate, "room/reservConference.json")
	_, err := api.client.Room.Create(context.Background(), roomCreateExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, testBaseURL+"/confopenapi/room/reservConference", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{
		"token": "`+testToken+`",
		"composeRoomList": [{"roomId": 10935, "isMainRoom": 1, "equipIdList": [58933]}],
		"userId": 88415897,
		"sessionId": "8f2458beaa42aaaadfb74ec84fdd6efc2f0af7ee",
		"starttime": "2021-09-15 19:00:00",
		"title": "王迪的会议测试233",
		"length": 30,
		"hardwareVideo": 1,
		"autoVideo": 2
	}`, got.Body)
}

func TestRoomCreateSendsRecurrenceParticipantsAndRooms(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomCreate, "room/reservConference.json")
	req := &RoomCreateRequest{
		Email:              "host@example.com",
		Title:              "周会",
		Length:             60,
		StartTime:          roomBJ(2021, 9, 20, 9, 30, 0),
		Summary:            new("每周一、三"),
		ParticipantUserIDs: []int64{81422209, 81422210},
		ParticipantEmails:  []string{"kai.zhang_5@quanshi.com"},
		LiveOpenFlag:       new(true),
		LivePassword:       new("123456"),
		JoinLogin:          new(true),
		UseWaitingRoom:     new(true),
		OpenWatchword:      new(true),
		EventWatchword:     new("芝麻开门"),
		JoinConfSelTag:     new(true),
		JoinConfTags:       new("aa,bb"),
		ConfMode:           new(1),
		CloudMeeting:       new(false),
		Hide:               new(true),
		ReserveDevices:     new(true),
		Cycle:              new(true),
		RepeatEndDate:      roomBJ(2021, 12, 31, 0, 0, 0),
		CycleRule:          &CycleRule{Frequency: CycleWeekly, Interval: 1, ByDay: []time.Weekday{time.Monday, time.Wednesday}},
		ComposeRoomList: []ComposeRoom{
			{RoomID: 6518, EquipIDs: []int64{6152}},
			{RoomID: 6515, IsMainRoom: RoomVenueMain, EquipIDs: []int64{6146, 6148}},
		},
	}
	_, err := api.client.Room.Create(context.Background(), req)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"token": "`+testToken+`",
		"email": "host@example.com",
		"title": "周会",
		"length": 60,
		"starttime": "2021-09-20 09:30:00",
		"summary": "每周一、三",
		"participantsLists": "kai.zhang_5@quanshi.com;81422209;81422210",
		"liveOpenFlag": 1,
		"livePassword": "123456",
		"joinLogin": 1,
		"useWaitingRoom": 1,
		"openWatchword": 1,
		"eventWatchword": "芝麻开门",
		"joinConfSelTag": 1,
		"joinConfTags": "aa,bb",
		"confMode": 1,
		"isGnet": 0,
		"hide": 1,
		"reservDevices": 1,
		"cycle": "1",
		"repeatEndDate": 1640880000,
		"cycleRole": {"frequency": "weekly", "interval": 1, "byday": "MO,WE"},
		"composeRoomList": [
			{"roomId": 6518, "equipIdList": [6152]},
			{"roomId": 6515, "isMainRoom": 1, "equipIdList": [6146, 6148]}
		]
	}`, rec.last(t).Body)
}

func TestRoomCreateSendsAMonthlyRule(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomCreate, "room/reservConference.json")
	req := roomCreateExample()
	req.Cycle = new(true)
	req.CycleRule = &CycleRule{Frequency: CycleMonthly, Interval: 1, ByMonthDay: []int{1, 17, 19}}
	_, err := api.client.Room.Create(context.Background(), req)
	require.NoError(t, err)
	assert.Contains(t, rec.last(t).Body, `"cycleRole":{"frequency":"monthly","interval":1,"bymonthday":"1,17,19"}`)
	assert.Contains(t, rec.last(t).Body, `"cycle":"1"`)
}

func TestRoomUpdateDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRoomUpdate, "room/updateReservConference.json")
	res, err := api.client.Room.Update(context.Background(), &RoomUpdateRequest{
		EventID: 524331, RoomCreateRequest: *roomCreateExample(),
	})
	require.NoError(t, err)
	roomAssertReservation(t, res)
}

// roomExampleUpdate is the request of seed 001's updateReservConference
// example (§15), without its switches.
func roomExampleUpdate() *RoomUpdateRequest {
	return &RoomUpdateRequest{
		EventID:      524331,
		ConferenceID: "239418513",
		RoomCreateRequest: RoomCreateRequest{
			ComposeRoomList: []ComposeRoom{{RoomID: 10935, IsMainRoom: RoomVenueMain, EquipIDs: []int64{58934123}}},
			UserID:          88415897,
			SessionID:       "8f2458beaa42aaaadfb74ec84fdd6efc2f0af7ee",
			StartTime:       roomBJ(2021, 9, 15, 18, 30, 0),
			Title:           "王迪的会议测q1q2q3q4",
			Length:          40,
		},
	}
}

func TestRoomUpdateSendsTheExampleRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomUpdate, "room/updateReservConference.json")
	req := roomExampleUpdate()
	req.Cycle = new(false)
	_, err := api.client.Room.Update(context.Background(), req)
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/room/updateReservConference", got.URL)
	assert.JSONEq(t, `{
		"token": "`+testToken+`",
		"eventId": 524331,
		"conferenceId": "239418513",
		"composeRoomList": [{"roomId": 10935, "isMainRoom": 1, "equipIdList": [58934123]}],
		"userId": 88415897,
		"sessionId": "8f2458beaa42aaaadfb74ec84fdd6efc2f0af7ee",
		"starttime": "2021-09-15 18:30:00",
		"title": "王迪的会议测q1q2q3q4",
		"length": 40,
		"cycle": "0"
	}`, got.Body)
}

// An update can turn every switch off and clear every text: seed 001's
// update example sends "liveOpenFlag":0 and "livePassword":"".
func TestRoomUpdateSendsZeroFalseAndEmpty(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomUpdate, "room/updateReservConference.json")
	off := new(false)
	req := roomExampleUpdate()
	r := &req.RoomCreateRequest
	r.LiveOpenFlag, r.LivePassword = off, new("")
	r.HardwareVideo, r.JoinLogin, r.UseWaitingRoom, r.OpenWatchword = off, off, off, off
	r.JoinConfSelTag, r.CloudMeeting, r.Hide, r.ReserveDevices = off, off, off, off
	r.AutoVideo, r.ConfMode = new(0), new(0)
	r.Summary, r.EventWatchword, r.JoinConfTags = new(""), new(""), new("")
	_, err := api.client.Room.Update(context.Background(), req)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"token": "`+testToken+`",
		"eventId": 524331,
		"conferenceId": "239418513",
		"composeRoomList": [{"roomId": 10935, "isMainRoom": 1, "equipIdList": [58934123]}],
		"userId": 88415897,
		"sessionId": "8f2458beaa42aaaadfb74ec84fdd6efc2f0af7ee",
		"starttime": "2021-09-15 18:30:00",
		"title": "王迪的会议测q1q2q3q4",
		"length": 40,
		"liveOpenFlag": 0,
		"livePassword": "",
		"hardwareVideo": 0, "joinLogin": 0, "useWaitingRoom": 0, "openWatchword": 0,
		"joinConfSelTag": 0, "isGnet": 0, "hide": 0, "reservDevices": 0,
		"autoVideo": 0, "confMode": 0,
		"summary": "", "eventWatchword": "", "joinConfTags": ""
	}`, rec.last(t).Body)
}

func TestRoomCancelDecodesBothExamples(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRoomCancel, "room/cancelReservConference.json")
	res, err := api.client.Room.Cancel(context.Background(), &RoomCancelRequest{UserID: 88415897, ConferenceID: "239418513"})
	require.NoError(t, err)
	assert.Equal(t, RoomCancelResult{}, *res, "the seed's example answers result null")

	api = newTestAPI(t)
	api.respondFixture(opRoomCancel, "room/cancelReservConference_result.json")
	res, err = api.client.Room.Cancel(context.Background(), &RoomCancelRequest{EventID: 239418513})
	require.NoError(t, err)
	assert.Equal(t, int64(23134), res.EventID)
	assert.Equal(t, "this is a test", res.ParentID)
}

func TestRoomCancelSendsTheExampleRequests(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomCancel, "room/cancelReservConference.json")
	_, err := api.client.Room.Cancel(context.Background(), &RoomCancelRequest{UserID: 88415897, ConferenceID: "239418513"})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/room/cancelReservConference", got.URL)
	assert.JSONEq(t, `{"token":"`+testToken+`","userId":88415897,"conferenceId":"239418513"}`, got.Body)

	// One occurrence of a recurring meeting (cn/api/159): 10-digit seconds.
	_, err = api.client.Room.Cancel(context.Background(), &RoomCancelRequest{
		EventID: 239418513, SingleStartTime: time.Date(2024, 11, 25, 8, 0, 0, 0, time.UTC),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","eventId":239418513,"singleStartTime":1732521600}`, rec.last(t).Body)

	_, err = api.client.Room.Cancel(context.Background(), &RoomCancelRequest{EventID: 7, Email: "a@b.cn", AsHostAssistant: new(true)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","eventId":7,"email":"a@b.cn","shareUserId":1}`, rec.last(t).Body)
}

func TestRoomWritesErrorPaths(t *testing.T) {
	ctx := context.Background()
	checkErrorPaths(t, opRoomCreate, opRoomCreate.Path, func(c *Client) error {
		_, err := c.Room.Create(ctx, roomCreateExample())
		return err
	})
	checkErrorPaths(t, opRoomUpdate, opRoomUpdate.Path, func(c *Client) error {
		_, err := c.Room.Update(ctx, &RoomUpdateRequest{ConferenceID: "239418513", RoomCreateRequest: *roomCreateExample()})
		return err
	})
	checkErrorPaths(t, opRoomCancel, opRoomCancel.Path, func(c *Client) error {
		_, err := c.Room.Cancel(ctx, &RoomCancelRequest{EventID: 524331})
		return err
	})
}

func TestRoomCreateAndUpdateValidation(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		field  string
		mutate func(r *RoomCreateRequest)
	}{
		{"userId", func(r *RoomCreateRequest) { r.UserID = 0 }},
		{"userId", func(r *RoomCreateRequest) { r.UserID = -1 }},
		{"email", func(r *RoomCreateRequest) { r.UserID, r.Email = 0, "not-an-email" }},
		{"title", func(r *RoomCreateRequest) { r.Title = "  " }},
		{"length", func(r *RoomCreateRequest) { r.Length = 0 }},
		{"starttime", func(r *RoomCreateRequest) { r.StartTime = time.Time{} }},
		{"participantsLists", func(r *RoomCreateRequest) { r.ParticipantEmails = []string{"a@b.cn", "kai;zhang"} }},
		{"participantsLists", func(r *RoomCreateRequest) { r.ParticipantUserIDs = []int64{0} }},
		{"confMode", func(r *RoomCreateRequest) { r.ConfMode = new(2) }},
		{"joinConfTags", func(r *RoomCreateRequest) { r.JoinConfSelTag = new(true) }},
		{"joinConfTags", func(r *RoomCreateRequest) { r.JoinConfSelTag, r.JoinConfTags = new(true), new(" ") }},
		{"cycleRole", func(r *RoomCreateRequest) { r.Cycle = new(true) }},
		{"cycle", func(r *RoomCreateRequest) { r.CycleRule = &CycleRule{Frequency: CycleDaily} }},
		{"cycleRole.frequency", func(r *RoomCreateRequest) { r.Cycle, r.CycleRule = new(true), &CycleRule{} }},
		{"cycleRole.frequency", func(r *RoomCreateRequest) { r.Cycle, r.CycleRule = new(true), &CycleRule{Frequency: "hourly"} }},
		{"cycleRole.interval", func(r *RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &CycleRule{Frequency: CycleDaily, Interval: -1}
		}},
		{"cycleRole.byday", func(r *RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &CycleRule{Frequency: CycleWeekly, ByDay: []time.Weekday{7}}
		}},
		{"cycleRole.bymonthday", func(r *RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &CycleRule{Frequency: CycleMonthly, ByMonthDay: []int{32}}
		}},
		{"cycleRole.bymonthday", func(r *RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &CycleRule{Frequency: CycleWeekly, ByMonthDay: []int{1}}
		}},
		{"composeRoomList[0].roomId", func(r *RoomCreateRequest) { r.ComposeRoomList[0].RoomID = 0 }},
		{"composeRoomList[0].isMainRoom", func(r *RoomCreateRequest) { r.ComposeRoomList[0].IsMainRoom = 3 }},
		{"composeRoomList[0].equipIdList[1]", func(r *RoomCreateRequest) { r.ComposeRoomList[0].EquipIDs = []int64{1, 0} }},
	}
	for _, tc := range cases {
		t.Run("create/"+tc.field, func(t *testing.T) {
			checkRejected(t, tc.field, func(c *Client) error {
				req := roomCreateExample()
				tc.mutate(req)
				_, err := c.Room.Create(ctx, req)
				return err
			})
		})
		t.Run("update/"+tc.field, func(t *testing.T) {
			checkRejected(t, tc.field, func(c *Client) error {
				req := &RoomUpdateRequest{EventID: 1, RoomCreateRequest: *roomCreateExample()}
				tc.mutate(&req.RoomCreateRequest)
				_, err := c.Room.Update(ctx, req)
				return err
			})
		})
	}
	checkRejected(t, "request", func(c *Client) error { _, err := c.Room.Create(ctx, nil); return err })
	checkRejected(t, "request", func(c *Client) error { _, err := c.Room.Update(ctx, nil); return err })
	checkRejected(t, "eventId", func(c *Client) error {
		_, err := c.Room.Update(ctx, &RoomUpdateRequest{RoomCreateRequest: *roomCreateExample()})
		return err
	})
	checkRejected(t, "eventId", func(c *Client) error {
		_, err := c.Room.Update(ctx, &RoomUpdateRequest{EventID: -5, RoomCreateRequest: *roomCreateExample()})
		return err
	})
}

func TestRoomCancelValidation(t *testing.T) {
	ctx := context.Background()
	for field, req := range map[string]*RoomCancelRequest{
		"eventId": {UserID: 1},
		"userId":  {EventID: 1, UserID: -1},
		"email":   {EventID: 1, Email: "nope"},
	} {
		t.Run(field, func(t *testing.T) {
			checkRejected(t, field, func(c *Client) error { _, err := c.Room.Cancel(ctx, req); return err })
		})
	}
	checkRejected(t, "request", func(c *Client) error { _, err := c.Room.Cancel(ctx, nil); return err })
}

func TestCycleRuleMarshalsItsWireForm(t *testing.T) {
	b, err := encodeJSON((&CycleRule{Frequency: CycleWeekly, Interval: 2, ByDay: []time.Weekday{time.Sunday, time.Friday}}).wire())
	require.NoError(t, err)
	assert.JSONEq(t, `{"frequency":"weekly","interval":2,"byday":"SU,FR"}`, string(b))
	b, err = encodeJSON((&CycleRule{Frequency: CycleDaily}).wire())
	require.NoError(t, err)
	assert.JSONEq(t, `{"frequency":"daily"}`, string(b))
	assert.Nil(t, (*CycleRule)(nil).wire())
	checkRejected(t, "cycleRole.byday", func(c *Client) error {
		req := roomCreateExample()
		req.Cycle, req.CycleRule = new(true), &CycleRule{Frequency: CycleWeekly, ByDay: []time.Weekday{9}}
		_, err := c.Room.Create(context.Background(), req)
		return err
	})
}

func TestRoomEnumNames(t *testing.T) {
	assert.Equal(t, "weekly", CycleWeekly.String())
	assert.Equal(t, "main", RoomVenueMain.String())
	assert.Equal(t, "equipment", RoomDeviceEquipment.String())
	assert.Equal(t, "approved", RoomApprovalApproved.String())
	assert.Equal(t, "recurring", MeetingRecurring.String())
	assert.Equal(t, "phone+web+live", MeetingFormPhoneWebLive.String())
	assert.Equal(t, "rejected", MeetingApprovalRejected.String())
	assert.Equal(t, "disabled", MeetingPlaybackDisabled.String())
	assert.Equal(t, "phone", InviteePhone.String())
	assert.Equal(t, "confirmed", InviteeConfirmed.String())
	assert.Equal(t, "RoomVenue(9)", RoomVenue(9).String())
	assert.Equal(t, `InviteeStatus("X")`, InviteeStatus("X").String())
}
