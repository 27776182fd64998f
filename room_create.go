package quanshi

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Meeting rooms themselves (the physical rooms bookings take): adding one
// (room/create) and listing them all (room/listAll).

var (
	opRoomAdd = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/room/create"}
	opRoomListRooms = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/room/listAll", Idempotent: true}
)

// MeetingRoomAddRequest adds a meeting room (room/create).
type MeetingRoomAddRequest struct {
	// UserID is the account that creates the room (userId). Required.
	UserID int64 `json:"userId"`
	// Name is the room's name (roomName), unique among the customer's
	// rooms. Required.
	Name string `json:"roomName"`
	// Capacity is how many people the room holds (capacity). Required.
	Capacity int `json:"capacity"`
	// City is the room's city (city).
	City string `json:"city,omitempty"`
	// Location is the room's building (location).
	Location string `json:"location,omitempty"`
	// Floor is the room's floor (floor); nil is not sent.
	Floor *int `json:"floor,omitzero"`
	// LogoURL is the room's picture (logoUrl).
	LogoURL string `json:"logoUrl,omitempty"`
	// DetailAddress is the room's full address (detailAddress).
	DetailAddress string `json:"detailAddress,omitempty"`
	// ApprovalRequired makes bookings of the room need approval
	// (approvalType, sent as 1/0); nil is not sent (no approval).
	ApprovalRequired *bool `json:"-"`
	// Members limits who may book the room (members); nil is everyone.
	Members *MeetingRoomMembers `json:"members,omitzero"`
}

// MeetingRoomMembers are who may book a room (members).
type MeetingRoomMembers struct {
	// OrgIDs are organisations (orgIds).
	OrgIDs []int64 `json:"orgIds,omitempty"`
	// UserIDs are accounts (userIds).
	UserIDs []int64 `json:"userIds,omitempty"`
}

// MeetingRoom is a meeting room, as room/create, room/listAll and
// room/getRoomById describe it. Members only the create example shows
// (pinyin, star, trial …) and its room passwords are not decoded.
type MeetingRoom struct {
	// RoomID is the room's id (roomId).
	RoomID int64 `json:"roomId"`
	// Name is the room's name (name).
	Name string `json:"name"`
	// Status is the room's state (status: 1 enabled, 2 disabled).
	Status int `json:"status"`
	// Capacity is how many people the room holds (capacity).
	Capacity int `json:"capacity"`
	// City is the room's city (city).
	City string `json:"city"`
	// Location is the room's building (location).
	Location string `json:"location"`
	// Floor is the room's floor (floor).
	Floor int `json:"floor"`
	// LogoURL is the room's picture (logoUrl).
	LogoURL string `json:"logoUrl"`
	// DetailAddress is the room's full address (detailAddress, or
	// detail_address as the create example spells it).
	DetailAddress string `json:"detailAddress"`
	// ApprovalRequired reports whether bookings need approval
	// (approvalType 1).
	ApprovalRequired bool `json:"approvalType"`
	// Members are who may book the room (members); zero when everyone may.
	Members MeetingRoomMembers `json:"members"`
	// RoomType is the room's kind (roomType: 0 Quanshi room, 1 WPS room).
	RoomType int `json:"roomType"`
	// ThirdRoomID is the room's id in a third-party system (thirdRoomId).
	ThirdRoomID string `json:"thirdRoomId"`
	// Creator is the account that created it (creator).
	Creator int64 `json:"creator"`
	// CustomerCode is the customer's code (customer_code).
	CustomerCode string `json:"customer_code"`
	// UpdateTime is when it last changed (updateTime, Unix seconds).
	UpdateTime time.Time `json:"updateTime" time:"any"`
	// Devices are the devices in the room (devices).
	Devices []MeetingRoomDevice `json:"devices"`
}

// MeetingRoomDevice is a device in a meeting room (a devices item).
type MeetingRoomDevice struct {
	// DeviceID is the device's id (deviceId).
	DeviceID int64 `json:"deviceId"`
	// Name is the device's name (name).
	Name string `json:"name"`
	// Status is the device's state (status).
	Status int `json:"status"`
	// Label is the device's label, such as its MAC address (label).
	Label string `json:"label"`
	// UpdateTime is when it last changed (updateTime).
	UpdateTime time.Time `json:"updateTime" time:"any"`
	// CreateTime is when it was added (createTime).
	CreateTime time.Time `json:"createTime" time:"any"`
}

// meetingRoomWire reads both spellings of the address.
type meetingRoomWire struct {
	MeetingRoom
	DetailAddressSnake string `json:"detail_address"`
}

func (w *meetingRoomWire) room() MeetingRoom {
	r := w.MeetingRoom
	if r.DetailAddress == "" {
		r.DetailAddress = w.DetailAddressSnake
	}
	return r
}

// AddRoom adds a meeting room to the customer's rooms. Names are unique: a
// second room with the same name is rejected. After ErrOutcomeUnknown, look
// for the name with FindAddedRoom before adding again.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/433
//
//quanshi:operation POST /confopenapi/room/create
func (s *RoomService) AddRoom(ctx context.Context, req *MeetingRoomAddRequest, opts ...CallOption) (*MeetingRoom, error) {
	op := opRoomAdd
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(req.UserID > 0, "userId", "is required")
	v.required("roomName", req.Name)
	v.rule(req.Capacity > 0, "capacity", "must be a positive number of people")
	v.httpURL("logoUrl", req.LogoURL)
	if m := req.Members; m != nil {
		for _, id := range append(append([]int64{}, m.OrgIDs...), m.UserIDs...) {
			v.rule(id > 0, "members", "ids must be positive")
		}
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*MeetingRoomAddRequest
		ApprovalType *int `json:"approvalType,omitzero"`
	}{req, bit01(req.ApprovalRequired)}
	var out meetingRoomWire
	if err := s.caller().call(ctx, op, body, &out, opts...); err != nil {
		return nil, err
	}
	room := out.room()
	return &room, nil
}

// MeetingRoomListRequest asks for every meeting room of the customer
// (room/listAll). It has no field yet; nil is accepted.
type MeetingRoomListRequest struct{}

// MeetingRoomList is every meeting room of the customer.
type MeetingRoomList struct {
	// Rooms are the rooms (result).
	Rooms []MeetingRoom
}

// ListRooms returns every meeting room of the customer.
//
// Quanshi API docs: https://developer.quanshi.com/en/node/436
//
//quanshi:operation POST /confopenapi/room/listAll
func (s *RoomService) ListRooms(ctx context.Context, req *MeetingRoomListRequest, opts ...CallOption) (*MeetingRoomList, error) {
	if req == nil {
		req = &MeetingRoomListRequest{}
	}
	var out []meetingRoomWire
	if err := s.caller().call(ctx, opRoomListRooms, req, &out, opts...); err != nil {
		return nil, err
	}
	list := &MeetingRoomList{Rooms: make([]MeetingRoom, 0, len(out))}
	for i := range out {
		list.Rooms = append(list.Rooms, out[i].room())
	}
	return list, nil
}

// MeetingRoomFindRequest names the room an AddRoom whose answer was lost
// meant to add.
type MeetingRoomFindRequest struct {
	// Name is the room's name, as sent in MeetingRoomAddRequest.Name.
	// Required.
	Name string
}

// FindAddedRoom finds out whether an AddRoom that failed with
// ErrOutcomeUnknown added its room: it lists the rooms and returns the one
// with that name (names are unique), or an error matching ErrNotBooked.
//
// Quanshi API docs: https://developer.quanshi.com/en/node/436
//
//quanshi:operation POST /confopenapi/room/listAll
func (s *RoomService) FindAddedRoom(ctx context.Context, req *MeetingRoomFindRequest, opts ...CallOption) (*MeetingRoom, error) {
	if err := notNil(opRoomListRooms, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomListRooms)
	v.required("roomName", req.Name)
	if err := v.err(); err != nil {
		return nil, err
	}
	list, err := s.ListRooms(ctx, nil, opts...)
	if err != nil {
		return nil, err
	}
	for i := range list.Rooms {
		if strings.TrimSpace(list.Rooms[i].Name) == strings.TrimSpace(req.Name) {
			return &list.Rooms[i], nil
		}
	}
	return nil, errNotBooked(opRoomListRooms)
}
