package quanshi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUMeetingRoomMonitorDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingRooms, "umeeting/rooms.json")
	rooms, err := api.client.UMeeting.RoomMonitor(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, umCreds, rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/rooms", rec.last(t).URL)
	require.Len(t, rooms.Rooms, 1)
	r := rooms.Rooms[0]
	assert.Equal(t, "2-Vhs-ODRFS3AvstEXupxQ", r.HostID)
	assert.Equal(t, "shareroom3@systec.com.cn", r.Email)
	assert.Equal(t, "3", r.Name)
	assert.Equal(t, 25, r.MeetingCapacity, `"25"`)
	require.Len(t, r.Meetings, 1)
	m := r.Meetings[0]
	assert.Equal(t, 50, m.Duration)
	eventAssertTime(t, time.Date(2018, 4, 26, 15, 0, 0, 0, Beijing), m.StartTime, "start_time")
	assert.Equal(t, "367260", m.HostKey)
	assert.Equal(t, "王者荣耀世界大战", m.Topic)
	assert.Equal(t, 25, m.MeetingCapacity)
	assert.Equal(t, "1370845021", m.ID)
	assert.Equal(t, UMeetingTypeScheduled, m.Type)
	assert.Equal(t, UMeetingStatusScheduled, m.Status)

	checkErrorPaths(t, opUMeetingRooms, opUMeetingRooms.Path, func(c *Client) error {
		_, err := c.UMeeting.RoomMonitor(context.Background(), &UMeetingRoomMonitorRequest{})
		return err
	})
}

func umDetailRequest() *UMeetingDetailRequest {
	return &UMeetingDetailRequest{MeetingID: "1390480983", Type: UMeetingDetailOnline}
}

func TestUMeetingMeetingDetailDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingDetail, "umeeting/meetingdetail.json")
	req := umDetailRequest()
	req.PageSize, req.PageNumber = 100, 1
	d, err := api.client.UMeeting.MeetingDetail(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&meeting_id=1390480983&page_number=1&page_size=100&type=1", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/meetingdetail", rec.last(t).URL)

	assert.Equal(t, "qHu12qI/==", d.UUID)
	assert.Equal(t, "1390480983", d.ID, "a numeric id")
	assert.Equal(t, "Live Meeting", d.Type)
	assert.Equal(t, "测试8 ", d.Host)
	assert.Equal(t, "shareroom18@systec.com.cn", d.Email)
	assert.Equal(t, "Corp", d.UserType)
	eventAssertTime(t, time.Date(2018, 8, 13, 17, 46, 53, 0, Beijing), d.StartTime, "UTC start_time")
	assert.True(t, d.EndTime.IsZero(), `"end_time":""`)
	assert.Zero(t, d.Duration, `"duration":null`)
	assert.False(t, d.HasPSTN)
	assert.True(t, d.HasVoIP)
	assert.False(t, d.HasThirdPartyAudio)
	assert.False(t, d.HasVideo)
	assert.False(t, d.HasScreenShare)
	assert.Zero(t, d.Recording)
	assert.Equal(t, 1, d.ParticipantsCount)
	assert.Equal(t, 1, d.PageCount)
	assert.Equal(t, 1, d.PageNumber)
	assert.Equal(t, 100, d.PageSize)
	require.Len(t, d.Participants, 1)
	p := d.Participants[0]
	assert.Empty(t, p.ID)
	assert.Equal(t, "16778240", p.UserID)
	assert.Equal(t, "叶大红的 iPhone", p.UserName)
	assert.Equal(t, "iOS", p.Device)
	assert.Equal(t, "183.61.126.78", p.IPAddress)
	assert.Equal(t, "CN", p.Country)
	assert.Equal(t, "Guangzhou", p.City)
	assert.Equal(t, "Wifi", p.NetworkType)
	eventAssertTime(t, time.Date(2018, 8, 13, 17, 46, 53, 0, Beijing), p.JoinTime, "join_time")
	assert.True(t, p.LeaveTime.IsZero())
}

func TestUMeetingMeetingDetailErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opUMeetingDetail, opUMeetingDetail.Path, func(c *Client) error {
		_, err := c.UMeeting.MeetingDetail(context.Background(), umDetailRequest())
		return err
	})
	for field, modify := range map[string]func(r *UMeetingDetailRequest){
		"meeting_id":  func(r *UMeetingDetailRequest) { r.MeetingID = "" },
		"type":        func(r *UMeetingDetailRequest) { r.Type = 3 },
		"page_size":   func(r *UMeetingDetailRequest) { r.PageSize = -1 },
		"page_number": func(r *UMeetingDetailRequest) { r.PageNumber = -1 },
	} {
		checkRejected(t, field, func(c *Client) error {
			req := umDetailRequest()
			modify(req)
			_, err := c.UMeeting.MeetingDetail(context.Background(), req)
			return err
		})
	}
	checkRejected(t, "request", func(c *Client) error {
		_, err := c.UMeeting.MeetingDetail(context.Background(), nil)
		return err
	})
	checkRejected(t, "request", func(c *Client) error {
		_, err := collect(c.UMeeting.MeetingDetailIter(context.Background(), nil))
		return err
	})
}

func TestUMeetingMeetingDetailIterWalksTheParticipants(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opUMeetingDetail, func(body string) (int, string) {
		page, size := umPageOf(t, body)
		var items []string
		for i := (page-1)*size + 1; i <= min(page*size, 5); i++ {
			items = append(items, fmt.Sprintf(`{"user_id":"%d","user_name":"p%d"}`, i, i))
		}
		return http.StatusOK, fmt.Sprintf(`{"status":200,"message":"OK","data":{"id":"1","participants_count":5,"page_number":%d,"participants":[%s]}}`, page, strings.Join(items, ","))
	})
	req := umDetailRequest()
	req.PageSize = 2
	var ids []string
	for p, err := range api.client.UMeeting.MeetingDetailIter(context.Background(), req) {
		require.NoError(t, err)
		ids = append(ids, p.UserID)
	}
	assert.Equal(t, []string{"1", "2", "3", "4", "5"}, ids)
	assert.Equal(t, 3, rec.count())
	assert.Zero(t, req.PageNumber, "the caller's request is not changed")
}

func umFreeRoomsRequest() *UMeetingFreeRoomsRequest {
	return &UMeetingFreeRoomsRequest{MeetingCapacity: 25, StartTime: time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing), Duration: 60}
}

func TestUMeetingFreeRooms(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingFreeRooms, "umeeting/freeRooms.json")
	req := umFreeRoomsRequest()
	req.StartTime = req.StartTime.UTC() // the same instant, given in UTC
	free, err := api.client.UMeeting.FreeRooms(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&duration=60&meeting_capacity=25&start_time=2017-08-19+00%3A00%3A00", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/freeRooms", rec.last(t).URL)
	assert.Equal(t, 8, free.Total)
	assert.Equal(t, 8, free.Free)

	checkErrorPaths(t, opUMeetingFreeRooms, opUMeetingFreeRooms.Path, func(c *Client) error {
		_, err := c.UMeeting.FreeRooms(context.Background(), umFreeRoomsRequest())
		return err
	})
	for field, modify := range map[string]func(r *UMeetingFreeRoomsRequest){
		"meeting_capacity": func(r *UMeetingFreeRoomsRequest) { r.MeetingCapacity = 0 },
		"start_time":       func(r *UMeetingFreeRoomsRequest) { r.StartTime = time.Time{} },
		"duration":         func(r *UMeetingFreeRoomsRequest) { r.Duration = 30 },
	} {
		checkRejected(t, field, func(c *Client) error {
			req := umFreeRoomsRequest()
			modify(req)
			_, err := c.UMeeting.FreeRooms(context.Background(), req)
			return err
		})
	}
	checkRejected(t, "request", func(c *Client) error {
		_, err := c.UMeeting.FreeRooms(context.Background(), nil)
		return err
	})
}

func TestUMeetingLicenceDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingLicence, "umeeting/licensing.json")
	lic, err := api.client.UMeeting.Licence(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, umCreds, rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/licensing", rec.last(t).URL)
	assert.Equal(t, UMeetingPayByCapacity, lic.PayType, `"payType":"1"`)
	assert.Equal(t, "by capacity", lic.PayType.String())
	assert.True(t, lic.ExpireDate.IsZero(), `"expire_date":null`)
	assert.Equal(t, map[int]int{100: 3, 200: 1, 25: 5, 300: 0, 500: 0, 50: 55, 10: 11}, lic.Capacity)

	checkErrorPaths(t, opUMeetingLicence, opUMeetingLicence.Path, func(c *Client) error {
		_, err := c.UMeeting.Licence(context.Background(), &UMeetingLicenceRequest{})
		return err
	})
	assert.Equal(t, "UMeetingPayType(9)", UMeetingPayType(9).String())
	assert.Equal(t, "history", UMeetingDetailHistory.String())
}
