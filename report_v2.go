package quanshi

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Attendance records by booking id (getReportDatas and its v2) and the
// post-meeting report files of a booking (event/report/url).

var (
	opReportAttendance = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/report/getReportDatas", Idempotent: true}
	opReportAttendanceV2 = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/report/getReportDatas/v2", Idempotent: true}
	opReportFiles = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/event/report/url", Idempotent: true}
)

// ReportAttendanceRequest names the meeting whose attendance records
// Attendance returns.
type ReportAttendanceRequest struct {
	// EventID is the meeting's booking id (eventId). Required.
	EventID int64 `json:"eventId"`
	// UserID is the meeting's host (userId); 0 is not sent.
	UserID int64 `json:"userId,omitzero"`
}

// ReportAttendanceResult is a meeting's attendance records
// (getReportDatas result).
type ReportAttendanceResult struct {
	// Records has one entry per participant.
	Records []ReportAttendanceRecord
}

// ReportAttendanceRecord is one participant's attendance of a meeting.
//
// The page's example is cut after the e-mail member of its first record;
// the members after it are decoded as the field table types them.
type ReportAttendanceRecord struct {
	// ConferenceID is the meeting's conference id (conferenceId).
	ConferenceID string `json:"conferenceId"`
	// EventID is the meeting's booking id (eventId).
	EventID int64 `json:"eventId"`
	// HostID is the host's user id (hostId).
	HostID int64 `json:"hostId"`
	// HostName is the host's name (hostName).
	HostName string `json:"hostName"`
	// Title is the meeting's title (title) as sent: the example sends it
	// percent-encoded ("pei%E7%9A%84…"); DecodedTitle reads it.
	Title string `json:"title"`
	// StartTime is the meeting's scheduled start (startTime).
	StartTime time.Time `json:"startTime" time:"any"`
	// EndTime is the meeting's scheduled end (endTime).
	EndTime time.Time `json:"endTime" time:"any"`
	// ReportParticipant is who joined and when: OnlineTime is the first
	// join, OfflineTime the last leave; Mobile is "-" when unknown, as sent.
	ReportParticipant
	// Times is how many times the participant joined (times).
	Times int `json:"times"`
	// WatchDuration is how long the participant stayed (watchDuration), as
	// sent: the page types it as a string and its example is cut before it.
	WatchDuration string `json:"watchDuration"`
}

// DecodedTitle returns Title with its percent-encoding undone, or Title as
// sent when it is not valid percent-encoding.
func (r *ReportAttendanceRecord) DecodedTitle() string {
	if t, err := url.PathUnescape(r.Title); err == nil {
		return t
	}
	return r.Title
}

// Attendance returns each participant's attendance of a meeting, by its
// booking id.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/482
//
//quanshi:operation POST /confopenapi/conference/report/getReportDatas
func (s *ReportService) Attendance(ctx context.Context, req *ReportAttendanceRequest, opts ...CallOption) (*ReportAttendanceResult, error) {
	op := opReportAttendance
	if err := reportEventCheck(op, req, func(r *ReportAttendanceRequest) (int64, int64) { return r.EventID, r.UserID }); err != nil {
		return nil, err
	}
	var out []ReportAttendanceRecord
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	return &ReportAttendanceResult{Records: out}, nil
}

// reportEventCheck rejects a nil request, a missing eventId and a negative
// userId.
func reportEventCheck[T any](op Operation, req *T, ids func(*T) (eventID, userID int64)) error {
	if err := notNil(op, req); err != nil {
		return err
	}
	eventID, userID := ids(req)
	v := newCheck(op)
	v.rule(eventID > 0, "eventId", "is required")
	v.rule(userID >= 0, "userId", "must not be negative")
	return v.err()
}

// ReportEventRequest names a meeting by its booking id.
type ReportEventRequest struct {
	// EventID is the meeting's booking id (eventId). Required.
	EventID int64 `json:"eventId"`
}

// eventIDs reports the request's ids for reportEventCheck.
func (r *ReportEventRequest) eventIDs() (int64, int64) { return r.EventID, 0 }

// ReportAttendanceV2Result is a meeting's join records (getReportDatas/v2
// result): one record per join, and the sessions the meeting ran.
type ReportAttendanceV2Result struct {
	// Joins are the joins from the Quanshi clients (interaction); a person
	// who joined twice has two entries.
	Joins []ReportJoin `json:"interaction"`
	// Sessions are the meeting's sessions (tempConfenceList, spelled so on
	// the wire).
	Sessions []ReportSession `json:"tempConfenceList"`
}

// ReportJoin is one join of a meeting (an interaction entry).
type ReportJoin struct {
	// ReportParticipant is who joined and when (onlineTime and
	// offlineTime in Unix seconds).
	ReportParticipant
	// TempConferenceID is the session joined (tempConferenceId).
	TempConferenceID string `json:"tempConferenceId"`
}

// ReportParticipant is one participant's join in the attendance reports.
type ReportParticipant struct {
	// Name is the participant's name (name).
	Name string `json:"name"`
	// Mobile is the participant's mobile number (mobile), as
	// "+86-11232131223".
	Mobile string `json:"mobile"`
	// Email is the participant's e-mail address (email).
	Email string `json:"email"`
	// Role is the participant's role (role; the v2 example spells it
	// roleId, both are read: 0 participant, 1 host).
	Role ReportRole `json:"role"`
	// OnlineTime is when the participant joined (onlineTime).
	OnlineTime time.Time `json:"onlineTime" time:"unix"`
	// OfflineTime is when the participant left (offlineTime).
	OfflineTime time.Time `json:"offlineTime" time:"unix"`
	// DeviceType is where the participant joined from (deviceType), such as
	// "Windows" or "PC".
	DeviceType string `json:"deviceType"`
	// IP is the participant's IP address, phone number, or both
	// ("183.186.246.249 17694879663") (ip).
	IP string `json:"ip"`
}

// reportJoinWire reads both spellings of the role.
type reportJoinWire struct {
	ReportJoin
	RoleID *ReportRole `json:"roleId"`
}

// reportAttendanceV2Wire is the v2 result as sent.
type reportAttendanceV2Wire struct {
	Joins    []reportJoinWire `json:"interaction"`
	Sessions []ReportSession  `json:"tempConfenceList"`
}

// ReportSession is one session of a meeting (a tempConfenceList entry).
type ReportSession struct {
	// TempConferenceID is the session's id (tempConferenceId).
	TempConferenceID string `json:"tempConferenceId"`
	// RealStartTime is when the session started (realStartTime).
	RealStartTime time.Time `json:"realStartTime" time:"any"`
	// RealEndTime is when the session ended (realEndTime).
	RealEndTime time.Time `json:"realEndTime" time:"any"`
}

// AttendanceV2 returns every join of a meeting and the sessions it ran, by
// its booking id. The page's example is cut inside its join list; the
// session list is decoded as the field table types it.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/482
//
//quanshi:operation POST /confopenapi/conference/report/getReportDatas/v2
func (s *ReportService) AttendanceV2(ctx context.Context, req *ReportEventRequest, opts ...CallOption) (*ReportAttendanceV2Result, error) {
	op := opReportAttendanceV2
	if err := reportEventCheck(op, req, (*ReportEventRequest).eventIDs); err != nil {
		return nil, err
	}
	var out reportAttendanceV2Wire
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	res := &ReportAttendanceV2Result{Sessions: out.Sessions, Joins: make([]ReportJoin, 0, len(out.Joins))}
	for _, j := range out.Joins {
		if j.RoleID != nil {
			j.Role = *j.RoleID
		}
		res.Joins = append(res.Joins, j.ReportJoin)
	}
	return res, nil
}

// ReportFiles are the post-meeting report files of a booking
// (event/report/url result).
type ReportFiles struct {
	// EventID is the booking (eventId).
	EventID int64 `json:"eventId"`
	// Reports has one file per session (reports).
	Reports []ReportFile `json:"reports"`
}

// ReportFile is one downloadable report.
type ReportFile struct {
	// Title is the meeting's title (title).
	Title string `json:"title"`
	// StartTime is when the session started (startTime, Unix seconds).
	StartTime time.Time `json:"startTime" time:"unix"`
	// EndTime is when the session ended (endTime, Unix seconds).
	EndTime time.Time `json:"endTime" time:"unix"`
	// URL downloads the report (reportUrl).
	URL string `json:"reportUrl"`
}

// Files returns the download links of a meeting's post-meeting report
// files, one per session. The page answers with a code/result envelope on
// the openapi host; code 0 is success.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/562
//
//quanshi:operation POST /confopenapi/event/report/url
func (s *ReportService) Files(ctx context.Context, req *ReportEventRequest, opts ...CallOption) (*ReportFiles, error) {
	op := opReportFiles
	if err := reportEventCheck(op, req, (*ReportEventRequest).eventIDs); err != nil {
		return nil, err
	}
	var out ReportFiles
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}
