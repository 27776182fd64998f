package quanshi

import (
	"context"
	"net/http"
	"time"
)

// Personal-account meetings (个人账号会议管理): the same meetings as the
// public-room calls, booked on a personal account's hostId. They answer the
// shared types: UMeetingScheduleResult for a booking, UMeeting for a read.

// UMeetingPrivateScheduleRequest books or starts a meeting on a personal
// account.
type UMeetingPrivateScheduleRequest struct {
	// HostID is the personal account's hostId (host_id). Required.
	HostID string `json:"host_id"`
	// Topic is the subject (topic). Required.
	Topic string `json:"topic"`
	// StartTime is the start (start_time, sent as a Beijing wall-clock
	// string). Required by PrivateSchedule; PrivateInstant sends it only
	// when set.
	StartTime time.Time `json:"-"`
	// Duration is the length in minutes (duration): more than 30, required
	// by PrivateSchedule; optional for PrivateInstant.
	Duration int `json:"duration,omitzero"`
	// Password is the meeting password (password).
	Password string `json:"password,omitempty"`
	// MuteUponEntry mutes participants as they join (mute_upon_entry).
	MuteUponEntry *bool `json:"mute_upon_entry,omitzero"`
	// Webinar books a webinar instead of a meeting (webinar; the server's
	// default false).
	Webinar *bool `json:"webinar,omitzero"`
}

// umPrivateForm is a personal booking with its start time.
type umPrivateForm struct {
	*UMeetingPrivateScheduleRequest
	StartTime wallClock `json:"start_time,omitzero"`
}

var opUMeetingPrivateSchedule = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/private/schedule"}

// PrivateSchedule books a meeting on a personal account.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/ge-ren-zhang-hao-hui-yi-api/yu-yue-hui-yi-jie-kou.md
//
//quanshi:operation POST /umeeting/private/schedule
func (s *UMeetingService) PrivateSchedule(ctx context.Context, req *UMeetingPrivateScheduleRequest, opts ...CallOption) (*UMeetingScheduleResult, error) {
	return s.umPrivateBook(ctx, opUMeetingPrivateSchedule, req, true, opts)
}

var opUMeetingPrivateInstant = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/private/instant"}

// PrivateInstant starts a meeting now on a personal account.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/ge-ren-zhang-hao-hui-yi-api/ji-shi-hui-yi-jie-kou.md
//
//quanshi:operation POST /umeeting/private/instant
func (s *UMeetingService) PrivateInstant(ctx context.Context, req *UMeetingPrivateScheduleRequest, opts ...CallOption) (*UMeetingScheduleResult, error) {
	return s.umPrivateBook(ctx, opUMeetingPrivateInstant, req, false, opts)
}

// umPrivateBook checks and sends a personal booking; scheduling requires
// the start and a length of more than 30 minutes.
func (s *UMeetingService) umPrivateBook(ctx context.Context, op Operation, req *UMeetingPrivateScheduleRequest, scheduling bool, opts []CallOption) (*UMeetingScheduleResult, error) {
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("host_id", req.HostID)
	v.required("topic", req.Topic)
	v.rule(!scheduling || !req.StartTime.IsZero(), "start_time", "is required")
	v.rulef((!scheduling && req.Duration == 0) || req.Duration > 30, "duration", "must be more than 30 minutes, got %d", req.Duration)
	if err := v.err(); err != nil {
		return nil, err
	}
	return s.umBook(ctx, op, umPrivateForm{req, wallClock(req.StartTime)}, opts)
}

// UMeetingPrivateUpdateRequest changes a personal account's meeting. The
// page requires every field but the password and the mute switch.
type UMeetingPrivateUpdateRequest struct {
	// ID is the meeting number (id). Required.
	ID string `json:"id"`
	// Topic is the subject (topic). Required.
	Topic string `json:"topic"`
	// StartTime is the start (start_time, sent as a Beijing wall-clock
	// string). Required.
	StartTime time.Time `json:"-"`
	// Duration is the length in minutes (duration), more than 30. Required.
	Duration int `json:"duration"`
	// Password is the meeting password (password); nil keeps it, "" clears
	// it.
	Password *string `json:"password,omitzero"`
	// MuteUponEntry mutes participants as they join (mute_upon_entry).
	MuteUponEntry *bool `json:"mute_upon_entry,omitzero"`
}

var opUMeetingPrivateUpdate = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/private/update"}

// PrivateUpdate changes a personal account's meeting.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/ge-ren-zhang-hao-hui-yi-api/xiu-gai-hui-yi-jie-kou.md
//
//quanshi:operation POST /umeeting/private/update
func (s *UMeetingService) PrivateUpdate(ctx context.Context, req *UMeetingPrivateUpdateRequest, opts ...CallOption) error {
	if err := notNil(opUMeetingPrivateUpdate, req); err != nil {
		return err
	}
	v := newCheck(opUMeetingPrivateUpdate)
	v.required("id", req.ID)
	v.required("topic", req.Topic)
	v.rule(!req.StartTime.IsZero(), "start_time", "is required")
	v.rulef(req.Duration > 30, "duration", "must be more than 30 minutes, got %d", req.Duration)
	if err := v.err(); err != nil {
		return err
	}
	body := struct {
		*UMeetingPrivateUpdateRequest
		StartTime wallClock `json:"start_time"`
	}{req, wallClock(req.StartTime)}
	return s.caller().call(ctx, opUMeetingPrivateUpdate, body, nil, opts...)
}

// UMeetingPrivateGetRequest asks for a personal account's meeting.
type UMeetingPrivateGetRequest struct {
	// MeetingID is the meeting number (meeting_id). Required.
	MeetingID string `json:"meeting_id"`
}

var opUMeetingPrivateGet = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/private/get", Idempotent: true}

// PrivateGet returns a personal account's meeting: time, length, state,
// subject and link. A start_time that is no time (the page's example shows
// "2018-**") fails the call with ErrMalformedResponse naming start_time:
// a read never invents a date.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/ge-ren-zhang-hao-hui-yi-api/huo-qu-hui-yi-xin-xi-jie-kou.md
//
//quanshi:operation POST /umeeting/private/get
func (s *UMeetingService) PrivateGet(ctx context.Context, req *UMeetingPrivateGetRequest, opts ...CallOption) (*UMeeting, error) {
	if err := umCheckMeetingID(opUMeetingPrivateGet, req, func(r *UMeetingPrivateGetRequest) string { return r.MeetingID }); err != nil {
		return nil, err
	}
	var out UMeeting
	if err := s.caller().call(ctx, opUMeetingPrivateGet, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// UMeetingPrivateIDRequest names a personal account's meeting to end or
// delete.
type UMeetingPrivateIDRequest struct {
	// ID is the meeting number (id). Required.
	ID string `json:"id"`
}

var opUMeetingPrivateEnd = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/private/end"}

// PrivateEnd ends a personal account's meeting.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/ge-ren-zhang-hao-hui-yi-api/jie-shu-hui-yi-jie-kou.md
//
//quanshi:operation POST /umeeting/private/end
func (s *UMeetingService) PrivateEnd(ctx context.Context, req *UMeetingPrivateIDRequest, opts ...CallOption) error {
	return s.umPrivateByID(ctx, opUMeetingPrivateEnd, req, opts)
}

var opUMeetingPrivateDelete = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/private/delete"}

// PrivateDelete deletes a personal account's meeting.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/ge-ren-zhang-hao-hui-yi-api/shan-chu-hui-yi-jie-kou.md
//
//quanshi:operation POST /umeeting/private/delete
func (s *UMeetingService) PrivateDelete(ctx context.Context, req *UMeetingPrivateIDRequest, opts ...CallOption) error {
	return s.umPrivateByID(ctx, opUMeetingPrivateDelete, req, opts)
}

// umPrivateByID sends {id} to PrivateEnd or PrivateDelete.
func (s *UMeetingService) umPrivateByID(ctx context.Context, op Operation, req *UMeetingPrivateIDRequest, opts []CallOption) error {
	if err := notNil(op, req); err != nil {
		return err
	}
	v := newCheck(op)
	v.required("id", req.ID)
	if err := v.err(); err != nil {
		return err
	}
	return s.caller().call(ctx, op, req, nil, opts...)
}
