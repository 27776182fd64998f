package quanshi

import (
	"cmp"
	"context"
	"iter"
	"net/http"
	"time"
)

// Room monitoring (公共会议室监控): the public rooms and their meetings, a
// meeting with its participants, free rooms, and the licence.

// UMeetingRoom is a public meeting room with its booked and running
// meetings.
type UMeetingRoom struct {
	// HostID is the room account's id (id; the host_id of its meetings).
	HostID string `json:"id"`
	// Email is the room account's e-mail (email).
	Email string `json:"email"`
	// Name is the room's name (first_name).
	Name string `json:"first_name"`
	// MeetingCapacity is the room's number of seats (meeting_capacity).
	MeetingCapacity int `json:"meeting_capacity"`
	// Meetings are the room's booked (status 0) and running (1) meetings
	// (meetings): id, topic, start_time, duration, host_key, type, status
	// and meeting_capacity are filled.
	Meetings []UMeeting `json:"meetings"`
}

// UMeetingRoomMonitorRequest asks for every public room. It has no field:
// a nil request is fine.
type UMeetingRoomMonitorRequest struct{}

var opUMeetingRooms = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/rooms", Idempotent: true}

// UMeetingRoomMonitorResult is what RoomMonitor answered.
type UMeetingRoomMonitorResult struct {
	// Rooms are the shared rooms with their state (the answer's data
	// array).
	Rooms []UMeetingRoom
}

// RoomMonitor lists the public rooms with their booked and running meetings
// (会议室监控). req may be nil.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-jian-kong-api/hui-yi-shi-jian-kong.md
//
//quanshi:operation POST /umeeting/share/rooms
func (s *UMeetingService) RoomMonitor(ctx context.Context, req *UMeetingRoomMonitorRequest, opts ...CallOption) (*UMeetingRoomMonitorResult, error) {
	var out []UMeetingRoom
	if err := s.caller().call(ctx, opUMeetingRooms, struct{}{}, &out, opts...); err != nil {
		return nil, err
	}
	return &UMeetingRoomMonitorResult{Rooms: out}, nil
}

// UMeetingDetailType says where MeetingDetail looks a meeting up.
type UMeetingDetailType int

// Detail types.
const (
	UMeetingDetailOnline  UMeetingDetailType = 1 // 在线会议: a booked or running meeting
	UMeetingDetailHistory UMeetingDetailType = 2 // 历史会议: a past meeting
)

var umDetailTypeNames = map[UMeetingDetailType]string{
	UMeetingDetailOnline:  "online",
	UMeetingDetailHistory: "history",
}

// String returns the type's name.
func (t UMeetingDetailType) String() string { return enumString(t, umDetailTypeNames) }

// UMeetingDetailRequest asks for one meeting with one page of its
// participants.
type UMeetingDetailRequest struct {
	// MeetingID is the meeting number (meeting_id). Required.
	MeetingID string `json:"meeting_id"`
	// Type is 1 online or 2 history (type). Required.
	Type UMeetingDetailType `json:"type"`
	// PageSize is the number of participants a page (page_size); zero
	// leaves it to the server (the example answers 100).
	PageSize int `json:"page_size,omitzero"`
	// PageNumber is the participants' page, from 1 (page_number).
	PageNumber int `json:"page_number,omitzero"`
}

// UMeetingRecordInfo is what every record of a meeting that took place
// carries (the Zoom-style metrics record). Each endpoint fills its subset.
type UMeetingRecordInfo struct {
	// UUID identifies this record of the meeting (uuid): a meeting number
	// run several times has one record each.
	UUID string `json:"uuid"`
	// ID is the meeting number (id; a number on some pages).
	ID string `json:"id"`
	// Topic is the subject (topic).
	Topic string `json:"topic"`
	// Host is the room's (or account's) name (host).
	Host string `json:"host"`
	// Email is the host account's e-mail (email).
	Email string `json:"email"`
	// UserType is the host account's type (user_type, "Corp", "企业用户").
	UserType string `json:"user_type"`
	// StartTime is when it started (start_time; RFC 3339 UTC on the
	// metrics pages, Beijing wall clock on the others).
	StartTime time.Time `json:"start_time" time:"text"`
	// EndTime is when it ended (end_time); zero while it runs.
	EndTime time.Time `json:"end_time" time:"text"`
	// HasPSTN says whether someone dialled in by phone (has_pstn).
	HasPSTN bool `json:"has_pstn"`
	// HasVoIP says whether computer audio was used (has_voip).
	HasVoIP bool `json:"has_voip"`
	// HasThirdPartyAudio says whether third-party audio was used
	// (has_3rd_party_audio).
	HasThirdPartyAudio bool `json:"has_3rd_party_audio"`
	// HasVideo says whether video was used (has_video).
	HasVideo bool `json:"has_video"`
	// HasScreenShare says whether a screen was shared (has_screen_share).
	HasScreenShare bool `json:"has_screen_share"`
}

// UMeetingParticipant is one participant's connection to a meeting, as the
// monitoring and statistics pages give it.
type UMeetingParticipant struct {
	// ID is the participant's login id, "" when not logged in (id).
	ID string `json:"id"`
	// UserID is the participant's id within the meeting (user_id).
	UserID string `json:"user_id"`
	// UserName is the display name (user_name).
	UserName string `json:"user_name"`
	// Device is the client ("iOS", "Windows", "H.323/SIP") (device).
	Device string `json:"device"`
	// IPAddress is the client's address (ip_address).
	IPAddress string `json:"ip_address"`
	// Country is the country code (cn).
	Country string `json:"cn"`
	// City is the city (city).
	City string `json:"city"`
	// Location is the place, such as "Hebei (CN)" (location).
	Location string `json:"location"`
	// NetworkType is the network ("Wifi", "有线") (network_type).
	NetworkType string `json:"network_type"`
	// JoinTime is when the participant joined (join_time).
	JoinTime time.Time `json:"join_time" time:"text"`
	// LeaveTime is when the participant left (leave_time); zero while in.
	LeaveTime time.Time `json:"leave_time" time:"text"`
	// ShareApplication says whether an application was shared
	// (share_application).
	ShareApplication bool `json:"share_application"`
	// ShareDesktop says whether the desktop was shared (share_desktop).
	ShareDesktop bool `json:"share_desktop"`
	// ShareWhiteboard says whether a whiteboard was shared
	// (share_whiteboard).
	ShareWhiteboard bool `json:"share_whiteboard"`
	// Recording says whether the participant recorded (recording).
	Recording bool `json:"recording"`
	// PCName is the computer's name (pc_name).
	PCName string `json:"pc_name"`
	// Domain is the computer's domain (domain).
	Domain string `json:"domain"`
	// MACAddress is the network card's address (mac_addr).
	MACAddress string `json:"mac_addr"`
	// HarddiskID is the disk's id (harddisk_id).
	HarddiskID string `json:"harddisk_id"`
	// Version is the client's version (version).
	Version string `json:"version"`
	// LeaveReason is why the participant left (leave_reason).
	LeaveReason string `json:"leave_reason"`
}

// UMeetingDetail is a meeting with one page of its participants.
type UMeetingDetail struct {
	// UMeetingRecordInfo holds uuid, id, host, email, user_type,
	// start_time, end_time and the has_* members.
	UMeetingRecordInfo `json:",embed"`
	// Type is the meeting's kind as text, such as "Live Meeting" (type).
	Type string `json:"type"`
	// Duration is the length in minutes (duration; null while it runs).
	Duration int `json:"duration"`
	// Recording is 1 when it was recorded (recording).
	Recording int `json:"recording"`
	// ParticipantsCount is the number of participants (participants_count).
	ParticipantsCount int `json:"participants_count"`
	// PageCount is the number of participant pages (page_count).
	PageCount int `json:"page_count"`
	// PageNumber is this page's number (page_number).
	PageNumber int `json:"page_number"`
	// PageSize is the number of participants a page (page_size).
	PageSize int `json:"page_size"`
	// Participants are this page's participants (participants).
	Participants []UMeetingParticipant `json:"participants"`
}

var opUMeetingDetail = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/meetingdetail", Idempotent: true}

// MeetingDetail returns a meeting with one page of its participants
// (会议详情, 包括参会人员信息). The page's example wraps its answer as
// `"data": [ "data": {...} }`, which is no JSON; the SDK reads the object
// the table and the monitoring section describe: data is one meeting.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-jian-kong-api/23001-hui-yi-xiang-qing-ff08-bao-kuo-can-hui-ren-yuan-xin-xi-ff09.md
//
//quanshi:operation POST /umeeting/share/meetingdetail
func (s *UMeetingService) MeetingDetail(ctx context.Context, req *UMeetingDetailRequest, opts ...CallOption) (*UMeetingDetail, error) {
	if err := umCheckMeetingID(opUMeetingDetail, req, func(r *UMeetingDetailRequest) string { return r.MeetingID }); err != nil {
		return nil, err
	}
	v := newCheck(opUMeetingDetail)
	v.rulef(req.Type == UMeetingDetailOnline || req.Type == UMeetingDetailHistory, "type", "is required: 1 (online) or 2 (history), got %d", req.Type)
	umCheckPaging(v, req.PageSize, req.PageNumber)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out UMeetingDetail
	if err := s.caller().call(ctx, opUMeetingDetail, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// MeetingDetailIter iterates over every participant of a meeting, page by
// page from req.PageNumber (default 1), until participants_count are read
// or a page comes back empty. An error is yielded once and ends the
// iteration. req is copied, not changed; nil is a *ValidationError.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-jian-kong-api/23001-hui-yi-xiang-qing-ff08-bao-kuo-can-hui-ren-yuan-xin-xi-ff09.md
//
//quanshi:operation POST /umeeting/share/meetingdetail
func (s *UMeetingService) MeetingDetailIter(ctx context.Context, req *UMeetingDetailRequest, opts ...CallOption) iter.Seq2[*UMeetingParticipant, error] {
	if req == nil {
		return failed[UMeetingParticipant](notNil(opUMeetingDetail, req))
	}
	base := *req
	base.PageSize = cmp.Or(base.PageSize, umPageSize)
	return umPaged(ctx, base.PageNumber, base.PageSize, func(ctx context.Context, page int) ([]UMeetingParticipant, int, error) {
		r := base
		r.PageNumber = page
		out, err := s.MeetingDetail(ctx, &r, opts...)
		if err != nil {
			return nil, 0, err
		}
		return out.Participants, out.ParticipantsCount, nil
	})
}

// umCheckPaging: page_size and page_number must not be negative.
func umCheckPaging(v *check, size, number int) {
	v.rule(size >= 0, "page_size", "must not be negative")
	v.rule(number >= 0, "page_number", "must be 1 or more")
}

// umPaged walks numbered pages of size from first (default 1).
func umPaged[T any](ctx context.Context, first, size int, fetch func(ctx context.Context, page int) ([]T, int, error)) iter.Seq2[*T, error] {
	return eventPaged(ctx, cmp.Or(first, 1), size, fetch)
}

// UMeetingFreeRoomsRequest asks how many rooms of a size are free for a
// time slot.
type UMeetingFreeRoomsRequest struct {
	// MeetingCapacity is the room size (meeting_capacity). Required.
	MeetingCapacity int `json:"meeting_capacity"`
	// StartTime is the slot's start (start_time, sent as a Beijing
	// wall-clock string). Required.
	StartTime time.Time `json:"-"`
	// Duration is the slot's length in minutes (duration); more than 30.
	// Required.
	Duration int `json:"duration"`
}

// UMeetingFreeRooms counts the rooms of a size and the free ones.
type UMeetingFreeRooms struct {
	// Total is the number of rooms of the size (total).
	Total int `json:"total"`
	// Free is the number of them free for the slot (free).
	Free int `json:"free"`
}

var opUMeetingFreeRooms = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/freeRooms", Idempotent: true}

// FreeRooms counts the public rooms of a size and how many of them are free
// for a time slot (空闲会议室查询).
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-jian-kong-api/103001-kong-yu-hui-yi-shi-cha-xun.md
//
//quanshi:operation POST /umeeting/share/freeRooms
func (s *UMeetingService) FreeRooms(ctx context.Context, req *UMeetingFreeRoomsRequest, opts ...CallOption) (*UMeetingFreeRooms, error) {
	if err := notNil(opUMeetingFreeRooms, req); err != nil {
		return nil, err
	}
	v := newCheck(opUMeetingFreeRooms)
	v.rule(req.MeetingCapacity > 0, "meeting_capacity", "is required: a positive number of seats")
	v.rule(!req.StartTime.IsZero(), "start_time", "is required")
	v.rulef(req.Duration > 30, "duration", "must be more than 30 minutes, got %d", req.Duration)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*UMeetingFreeRoomsRequest
		StartTime wallClock `json:"start_time"`
	}{req, wallClock(req.StartTime)}
	var out UMeetingFreeRooms
	if err := s.caller().call(ctx, opUMeetingFreeRooms, body, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// UMeetingPayType is how the account is billed.
type UMeetingPayType int

// Billing types.
const (
	UMeetingPayByCapacity     UMeetingPayType = 1 // 方数计费: by room size
	UMeetingPayByParticipants UMeetingPayType = 2 // 并发参会者计费: by concurrent participants
	UMeetingPayByMinutes      UMeetingPayType = 3 // 使用时长计费: by minutes used
)

var umPayTypeNames = map[UMeetingPayType]string{
	UMeetingPayByCapacity:     "by capacity",
	UMeetingPayByParticipants: "by concurrent participants",
	UMeetingPayByMinutes:      "by minutes",
}

// String returns the billing type's name.
func (t UMeetingPayType) String() string { return enumString(t, umPayTypeNames) }

// UMeetingLicence is the account's licence: how it is billed and how many
// rooms of each size it holds.
type UMeetingLicence struct {
	// PayType is 1 by capacity, 2 by concurrent participants, 3 by minutes
	// (payType).
	PayType UMeetingPayType `json:"payType"`
	// ExpireDate is when the licence ends (expire_date); zero when none.
	ExpireDate time.Time `json:"expire_date" time:"any"`
	// Capacity maps a room size to the number of rooms of that size
	// (capacity, {"25": 5, "100": 3}).
	Capacity map[int]int `json:"capacity"`
}

// UMeetingLicenceRequest asks for the licence. It has no field: a nil
// request is fine.
type UMeetingLicenceRequest struct{}

var opUMeetingLicence = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/licensing", Idempotent: true}

// Licence returns how the account is billed and how many rooms of each
// size it holds (查询许可). req may be nil.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-jian-kong-api/cha-xun-xu-ke.md
//
//quanshi:operation POST /umeeting/licensing
func (s *UMeetingService) Licence(ctx context.Context, req *UMeetingLicenceRequest, opts ...CallOption) (*UMeetingLicence, error) {
	var out UMeetingLicence
	if err := s.caller().call(ctx, opUMeetingLicence, struct{}{}, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}
