package quanshitest

import (
	"strings"
)

// Meeting rooms themselves: room/create adds one, room/listAll lists them.
//
// Sandbox rules:
//
//   - create needs userId, a roomName no other room has (case-insensitive;
//     a duplicate is a 50103) and a positive capacity; approvalType is 0 or
//     1. Its answer has the create example's shape (detail_address,
//     customer_code, creator); listAll answers the listAll example's shape
//     (detailAddress, members, devices), in creation order.
//   - Room ids count up from 11816, the create example's.

const (
	pathRoomAdd     = "/confopenapi/room/create"
	pathRoomListAll = "/confopenapi/room/listAll"
)

// roomAdminRoutes are the meeting-room administration endpoints.
func roomAdminRoutes() []*route {
	return []*route{
		endpoint(pathRoomAdd, confJSON(handleRoomAdd)),
		endpoint(pathRoomListAll, confJSON(handleRoomListAll)),
	}
}

// roomMembers are who may book a room.
type roomMembers struct {
	OrgIDs  []int64 `json:"orgIds,omitempty"`
	UserIDs []int64 `json:"userIds,omitempty"`
}

// meetingRoom is a room of the sandbox's customer.
type meetingRoom struct {
	ID            int64
	Name          string
	Capacity      int
	City          string
	Location      string
	Floor         int
	LogoURL       string
	DetailAddress string
	Approval      int
	Members       *roomMembers
	Creator       int64
	Updated       int64
}

type roomAdminStore struct {
	rooms  []*meetingRoom
	nextID int64
}

func roomAdmin(st *state) *roomAdminStore {
	return familyState(st, "roomadmin", func() *roomAdminStore { return &roomAdminStore{nextID: 11816} })
}

type roomAddRequest struct {
	UserID        int64        `json:"userId"`
	RoomName      string       `json:"roomName"`
	Capacity      int          `json:"capacity"`
	City          string       `json:"city"`
	Location      string       `json:"location"`
	Floor         int          `json:"floor"`
	LogoURL       string       `json:"logoUrl"`
	DetailAddress string       `json:"detailAddress"`
	ApprovalType  int          `json:"approvalType"`
	Members       *roomMembers `json:"members"`
}

func handleRoomAdd(s *Server, c *call, req *roomAddRequest) (any, error) {
	name := strings.TrimSpace(req.RoomName)
	switch {
	case req.UserID <= 0:
		return nil, fail(codeInvalidParameter, "userId is required")
	case name == "":
		return nil, fail(codeInvalidParameter, "roomName is required")
	case req.Capacity <= 0:
		return nil, fail(codeInvalidParameter, "capacity must be positive")
	case req.ApprovalType != 0 && req.ApprovalType != 1:
		return nil, fail(codeInvalidParameter, "approvalType must be 0 or 1")
	}
	store := roomAdmin(s.state)
	for _, r := range store.rooms {
		if strings.EqualFold(r.Name, name) {
			return nil, fail(codeInvalidParameter, "a room named %s exists", name)
		}
	}
	r := &meetingRoom{ID: store.nextID, Name: name, Capacity: req.Capacity, City: req.City, Location: req.Location,
		Floor: req.Floor, LogoURL: req.LogoURL, DetailAddress: req.DetailAddress, Approval: req.ApprovalType,
		Members: req.Members, Creator: req.UserID, Updated: c.now.Unix()}
	store.nextID++
	store.rooms = append(store.rooms, r)
	return map[string]any{
		"roomId": r.ID, "name": r.Name, "capacity": r.Capacity, "city": r.City, "location": r.Location,
		"floor": r.Floor, "logoUrl": r.LogoURL, "detail_address": r.DetailAddress, "approvalType": r.Approval,
		"creator": r.Creator, "customer_code": customerCode, "status": 1, "roomType": 0, "updateTime": r.Updated,
		"area": nil, "props": nil, "allowBorrow": 0, "video_flag": false,
	}, nil
}

func handleRoomListAll(s *Server, c *call, _ *struct{}) (any, error) {
	out := []map[string]any{}
	for _, r := range roomAdmin(s.state).rooms {
		out = append(out, map[string]any{
			"roomId": r.ID, "name": r.Name, "capacity": r.Capacity, "city": r.City, "location": r.Location,
			"floor": r.Floor, "logoUrl": r.LogoURL, "detailAddress": r.DetailAddress, "status": 1,
			"deviceIds": nil, "approvalType": r.Approval, "members": r.Members, "devices": nil,
			"roomType": 0, "thirdRoomId": "",
		})
	}
	return out, nil
}
