package quanshi

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func roomAddExample() *MeetingRoomAddRequest {
	return &MeetingRoomAddRequest{UserID: 88733538, Name: "会议室test7", Capacity: 10, City: "北京", Location: "科技大厦",
		Floor: new(15), ApprovalRequired: new(false), Members: &MeetingRoomMembers{OrgIDs: []int64{123}}}
}

func TestRoomAddRoomExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomAdd, "room/create.json")
	room, err := api.client.Room.AddRoom(context.Background(), roomAddExample())
	require.NoError(t, err)
	// The page's example also sends "logoUrl": "" and "detailAddress": "",
	// which mean "none", as leaving them out does.
	assert.JSONEq(t, `{"token": "`+testToken+`", "userId": 88733538, "roomName": "会议室test7", "capacity": 10,
		"city": "北京", "location": "科技大厦", "floor": 15, "approvalType": 0, "members": {"orgIds": [123]}}`, rec.last(t).Body)
	assert.Equal(t, int64(11816), room.RoomID)
	assert.Equal(t, "会议室test7", room.Name)
	assert.Equal(t, 100, room.Capacity)
	assert.Equal(t, "北京", room.City)
	assert.Equal(t, "科技大厦", room.Location)
	assert.Equal(t, 15, room.Floor)
	assert.Equal(t, 1, room.Status)
	assert.False(t, room.ApprovalRequired)
	assert.Equal(t, int64(88733538), room.Creator)
	assert.Equal(t, "154327", room.CustomerCode)
	assert.Equal(t, int64(1665371050), room.UpdateTime.Unix())

	rec = api.respond(opRoomAdd, http.StatusOK, `{"status":0,"result":{"roomId":5,"detail_address":"a"}}`)
	room, err = api.client.Room.AddRoom(context.Background(), &MeetingRoomAddRequest{UserID: 1, Name: "r", Capacity: 2, ApprovalRequired: new(true)})
	require.NoError(t, err)
	assert.Equal(t, "a", room.DetailAddress, "detail_address, as the create example spells it")
	assert.JSONEq(t, `{"token": "`+testToken+`", "userId": 1, "roomName": "r", "capacity": 2, "approvalType": 1}`, rec.last(t).Body)

	api.respond(opRoomAdd, http.StatusOK, `{"status":0,"result":{}}`)
	_, err = api.client.Room.AddRoom(context.Background(), roomAddExample())
	require.ErrorIs(t, err, ErrMalformedResponse, "no roomId")
}

// The page's example is cut inside the second room: the fixture keeps what
// is shown.
func TestRoomListRoomsExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRoomListRooms, "room/listAll.json")
	list, err := api.client.Room.ListRooms(context.Background(), nil)
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`"}`, rec.last(t).Body)
	require.Len(t, list.Rooms, 2)
	r := list.Rooms[0]
	assert.Equal(t, int64(15501), r.RoomID)
	assert.Equal(t, "会议室-01-008", r.Name)
	assert.Equal(t, "全时-测试/第一层-01/第二层-0101/第三层-010101/第四层-01010101", r.DetailAddress)
	assert.Equal(t, 1, r.RoomType)
	assert.Equal(t, "44740", r.ThirdRoomID)
	assert.Empty(t, r.Devices)
	assert.Equal(t, "会议室-01", list.Rooms[1].Name)

	found, err := api.client.Room.FindAddedRoom(context.Background(), &MeetingRoomFindRequest{Name: " 会议室-01 "})
	require.NoError(t, err)
	assert.Equal(t, int64(15498), found.RoomID)
	_, err = api.client.Room.FindAddedRoom(context.Background(), &MeetingRoomFindRequest{Name: "会议室-02"})
	require.ErrorIs(t, err, ErrNotBooked)
	assert.Contains(t, err.Error(), opRoomListRooms.Path)
}

func TestRoomAddRoomErrors(t *testing.T) {
	checkErrorPaths(t, opRoomAdd, opRoomAdd.Path, func(c *Client) error {
		_, err := c.Room.AddRoom(context.Background(), roomAddExample())
		return err
	})
	checkErrorPaths(t, opRoomListRooms, opRoomListRooms.Path, func(c *Client) error {
		_, err := c.Room.ListRooms(context.Background(), &MeetingRoomListRequest{})
		return err
	})
}

func TestRoomAddRoomValidation(t *testing.T) {
	type rule = confRule[MeetingRoomAddRequest]
	confCheckRules(t, roomAddExample, func(c *Client, req *MeetingRoomAddRequest) error {
		_, err := c.Room.AddRoom(context.Background(), req)
		return err
	},
		rule{"userId", func(r *MeetingRoomAddRequest) { r.UserID = 0 }},
		rule{"roomName", func(r *MeetingRoomAddRequest) { r.Name = " " }},
		rule{"capacity", func(r *MeetingRoomAddRequest) { r.Capacity = 0 }},
		rule{"logoUrl", func(r *MeetingRoomAddRequest) { r.LogoURL = "ftp://x/logo.png" }},
		rule{"members", func(r *MeetingRoomAddRequest) { r.Members.UserIDs = []int64{0} }},
	)
	checkRejected(t, "request", func(c *Client) error { _, err := c.Room.FindAddedRoom(context.Background(), nil); return err })
}
