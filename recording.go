package quanshi

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// RecordingService finds and deletes meeting recordings (movie endpoints).
type RecordingService service

// Recording is an ended meeting with its recording and report links.
type Recording struct {
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId"`
	// ConferenceID (conferenceId) is the meeting's id.
	ConferenceID string `json:"conferenceId"`
	// TempConferenceID (tempConferenceId) is the id of this run of the meeting (the key for
	// Delete).
	TempConferenceID string `json:"tempConferenceId"`
	// ConferenceTitle (conferenceTitle) is the meeting's subject.
	ConferenceTitle string `json:"conferenceTitle"`
	// StartTime (startTime) is the scheduled start.
	StartTime time.Time `json:"startTime" time:"text"`
	// EndTime (endTime) is the scheduled end.
	EndTime time.Time `json:"endTime" time:"text"`
	// RealStartTime (realStartTime) is when the meeting really started.
	RealStartTime time.Time `json:"realStartTime" time:"text"`
	// RealEndTime (realEndTime) is when the meeting really ended.
	RealEndTime time.Time `json:"realEndTime" time:"text"`
	// Length is the scheduled length in minutes.
	Length int `json:"length"`
	// Status (status) is the meeting's state (4 ended).
	Status ConferenceStatus `json:"status"`
	// PasswordType (pwdType) is how the meeting's pcodes work: 0 fixed, 1
	// secure (dynamic).
	PasswordType PasswordType `json:"pwdType"`
	// InformType (informType) is the notification type (the table repeats pwdType's
	// description for it).
	InformType int `json:"informType"`
	// HostPasscode (pcode1) is the host's password.
	HostPasscode string `json:"pcode1"`
	// ParticipantPasscode (pcode2) is the participants' password.
	ParticipantPasscode string `json:"pcode2"`
	// HasReport (hasReport) reports whether the meeting has a report.
	HasReport bool `json:"hasReport"`
	// IsReportReady (isReportReady) reports whether the report is ready.
	IsReportReady bool `json:"isReportReady"`
	// HasRecord (hasRecord) reports whether the meeting was recorded.
	HasRecord bool `json:"hasRecord"`
	// IsRecordConvertReady (isRecordConvertReady) reports whether the recording is converted and
	// ready.
	IsRecordConvertReady bool `json:"isRecordConvertReady"`
	// RecordFlag (recordFlag) is undocumented ("1" in getConfReplayById's example).
	RecordFlag int `json:"recordFlag"`
	// ReplayURL (replayUrl) is the recording's replay page.
	ReplayURL string `json:"replayUrl"`
	// RecordURL (recordUrl) is the recording's playback address.
	RecordURL string `json:"recordUrl"`
	// DownloadURL (downloadUrl) is the recording's download address.
	DownloadURL string `json:"downloadUrl"`
	// RecordDownURL (recordDownUrl) is the recording's download address.
	RecordDownURL string `json:"recordDownUrl"`
	// ReportDownURL (reportDownUrl) is the report's download address.
	ReportDownURL string `json:"reportDownUrl"`
	// TranscriptDownloadURL is the download address of the meeting's speech
	// transcript (sttDownLoadUrl, a .txt file; cn/api/154).
	TranscriptDownloadURL string `json:"sttDownLoadUrl"`
}

// recordingMaxEmails and recordingMaxDays are getConfReplay's limits.
const (
	recordingMaxEmails = 10
	recordingMaxDays   = 14
)

// RecordingListByHostsRequest asks for the ended meetings of up to 10 hosts
// within up to 14 days.
type RecordingListByHostsRequest struct {
	// Emails (email) are the hosts' e-mail addresses: 1 to 10.
	Emails []string `json:"email"`
	// From is the first day of the window (its Beijing date; wire field
	// dateTime). A meeting is listed when it starts on a day of the window.
	// Zero asks for today's meetings.
	From time.Time `json:"-"`
	// To is the last day of the range (its Beijing date); zero means the
	// same day as From. The range spans at most 14 days, both ends
	// included. It is sent with From as dateTime "2020-08-14~2020-08-27".
	To time.Time `json:"-"`
}

var opRecordingListByHosts = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/conference/movie/getConfReplay", Idempotent: true}

// RecordingsByHost are the ended meetings getConfReplay answers, by host.
type RecordingsByHost struct {
	// ByEmail holds each host's meetings under the host's e-mail address
	// (the keys of the result object); hosts without meetings are absent.
	ByEmail map[string][]Recording
}

// ListByHosts lists the ended meetings of up to 10 hosts, by their e-mail
// addresses, over up to 14 days, with their recording and report links. The
// result is keyed by e-mail address; hosts without meetings are absent.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/153
//
//quanshi:operation POST /conference/movie/getConfReplay
func (s *RecordingService) ListByHosts(ctx context.Context, req *RecordingListByHostsRequest, opts ...CallOption) (*RecordingsByHost, error) {
	if err := notNil(opRecordingListByHosts, req); err != nil {
		return nil, err
	}
	v := newCheck(opRecordingListByHosts)
	v.rule(len(req.Emails) > 0, "email", "is required")
	v.maxItems("email", len(req.Emails), recordingMaxEmails)
	for i, e := range req.Emails {
		field := "email[" + strconv.Itoa(i) + "]"
		v.required(field, e)
		v.email(field, e)
	}
	dateTime := recDateRange(v, req.From, req.To)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*RecordingListByHostsRequest
		DateTime string `json:"dateTime,omitempty"`
	}{req, dateTime}
	var out recordingsByEmail
	if err := s.caller().call(ctx, opRecordingListByHosts, body, &out, opts...); err != nil {
		return nil, err
	}
	return &RecordingsByHost{ByEmail: out}, nil
}

// recDateRange checks a day range and formats it as "from~to" in Beijing
// dates ("" when from is zero).
func recDateRange(v *check, from, to time.Time) string {
	if from.IsZero() {
		v.rule(to.IsZero(), "dateTime", "needs a From day when To is set")
		return ""
	}
	if to.IsZero() {
		to = from
	}
	days := recDayNumber(to) - recDayNumber(from)
	v.rule(days >= 0, "dateTime", "To must not be before From")
	v.rulef(days < recordingMaxDays, "dateTime", "must span at most %d days, spans %d", recordingMaxDays, days+1)
	return FormatDate(from) + "~" + FormatDate(to)
}

// recDayNumber counts days to t's Beijing date.
func recDayNumber(t time.Time) int64 {
	y, m, d := t.In(Beijing).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// recordingMaxDelete is recordsDelete's limit.
const recordingMaxDelete = 20

// RecordingDeleteRequest deletes the recordings of up to 20 meeting runs.
type RecordingDeleteRequest struct {
	// UserID (userId) is the meetings' host's user id.
	UserID int64 `json:"userId,omitzero"`
	// TempConferenceIDs are the runs' ids (Recording.TempConferenceID):
	// 1 to 20. (The page's example spells the key with a stray trailing
	// space; the SDK sends tempConferenceIds.)
	TempConferenceIDs []string `json:"tempConferenceIds"`
}

var opRecordingDelete = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/conference/movie/recordsDelete"}

// Delete deletes the recordings of up to 20 meeting runs.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/movie/recordsDelete
func (s *RecordingService) Delete(ctx context.Context, req *RecordingDeleteRequest, opts ...CallOption) error {
	if err := notNil(opRecordingDelete, req); err != nil {
		return err
	}
	v := newCheck(opRecordingDelete)
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	v.rule(len(req.TempConferenceIDs) > 0, "tempConferenceIds", "is required")
	v.maxItems("tempConferenceIds", len(req.TempConferenceIDs), recordingMaxDelete)
	for i, id := range req.TempConferenceIDs {
		v.required("tempConferenceIds["+strconv.Itoa(i)+"]", id)
	}
	if err := v.err(); err != nil {
		return err
	}
	return s.caller().call(ctx, opRecordingDelete, req, nil, opts...)
}

// RecordingGetRequest names the meeting whose recording Get returns.
type RecordingGetRequest struct {
	// ConferenceID (conferenceId) is the meeting's id. Required.
	ConferenceID string `json:"conferenceId"`
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId,omitzero"`
}

var opRecordingGet = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/conference/movie/getConfReplayById", Idempotent: true}

// Get returns a meeting's recording and report links.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/154
//
//quanshi:operation POST /confopenapi/conference/movie/getConfReplayById
func (s *RecordingService) Get(ctx context.Context, req *RecordingGetRequest, opts ...CallOption) (*Recording, error) {
	if err := notNil(opRecordingGet, req); err != nil {
		return nil, err
	}
	v := newCheck(opRecordingGet)
	v.required("conferenceId", req.ConferenceID)
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[Recording](ctx, s.caller(), opRecordingGet, req, opts)
}
