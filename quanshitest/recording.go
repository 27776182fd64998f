package quanshitest

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Recordings: every meeting that has ended has a recording and a report
// (whichever family booked it), until recordsDelete deletes the recording.
// A deleted recording is gone: hasRecord and isRecordConvertReady turn "0"
// and the recording's links disappear; the meeting and its report stay.

const (
	pathRecList   = "/conference/movie/getConfReplay"
	pathRecDelete = "/conference/movie/recordsDelete"
	pathRecGet    = "/confopenapi/conference/movie/getConfReplayById"

	recMaxEmails = 10 // getConfReplay's email limit
	recMaxDays   = 14 // getConfReplay's dateTime limit, both ends included
	recMaxDelete = 20 // recordsDelete's tempConferenceIds limit

	recHost    = "https://rec.sandbox.quanshi.test"
	reportHost = "https://uniform.sandbox.quanshi.test"
)

// recRecording is an ended meeting with its recording, in the forms of the
// spec's examples: every scalar a string.
type recRecording struct {
	UserID               string `json:"userId"`
	ConferenceID         string `json:"conferenceId"`
	TempConferenceID     string `json:"tempConferenceId"`
	StartTime            string `json:"startTime"`
	EndTime              string `json:"endTime"`
	Length               string `json:"length"`
	PwdType              string `json:"pwdType"`
	InformType           string `json:"informType"`
	Pcode1               string `json:"pcode1"`
	Pcode2               string `json:"pcode2"`
	Status               string `json:"status,omitempty"`
	ConferenceTitle      string `json:"conferenceTitle"`
	HasReport            string `json:"hasReport"`
	IsReportReady        string `json:"isReportReady"`
	HasRecord            string `json:"hasRecord"`
	IsRecordConvertReady string `json:"isRecordConvertReady"`
	RealStartTime        string `json:"realStartTime"`
	RealEndTime          string `json:"realEndTime"`
	RecordFlag           string `json:"recordFlag,omitempty"`
	ReplayURL            string `json:"replayUrl,omitempty"`
	DownloadURL          string `json:"downloadUrl,omitempty"`
	RecordDownURL        string `json:"recordDownUrl,omitempty"`
	RecordURL            string `json:"recordUrl,omitempty"`
	ReportDownURL        string `json:"reportDownUrl"`
	SttDownLoadURL       string `json:"sttDownLoadUrl,omitempty"`
}

// recRecordingOf describes an ended meeting's recording. As in the spec's
// examples, getConfReplay's entries (byID false) carry status, and
// getConfReplayById's answer (byID true) carries recordFlag instead. A
// recording not converted yet has hasRecord 1, isRecordConvertReady 0 and
// no links.
func recRecordingOf(m *meeting, byID, converted bool) recRecording {
	r := recRecording{
		UserID: strconv.FormatInt(m.Host.ID, 10), ConferenceID: m.ConferenceID, TempConferenceID: m.TempConferenceID,
		StartTime: wire.FormatWallClock(m.Start), EndTime: wire.FormatWallClock(m.End()), Length: strconv.Itoa(m.Length),
		PwdType: "0", InformType: "0", Pcode1: m.PCode1, Pcode2: m.PCode2, ConferenceTitle: m.Title,
		HasReport: "1", IsReportReady: "1", HasRecord: "0", IsRecordConvertReady: "0",
		RealStartTime: wire.FormatWallClock(m.Start), RealEndTime: wire.FormatWallClock(m.End()),
		ReportDownURL: reportHost + "/rest/conference/report/download/" + m.TempConferenceID,
	}
	if byID {
		r.RecordFlag = "0"
	} else {
		r.Status = strconv.Itoa(int(quanshi.ConferenceStatusEnded))
	}
	if m.RecordingDeleted {
		return r
	}
	r.HasRecord = "1"
	if !converted {
		return r
	}
	r.IsRecordConvertReady = "1"
	if byID {
		r.RecordFlag = "1"
	}
	file := url.PathEscape(m.Title + "_" + m.Start.In(quanshi.Beijing).Format("20060102150405") + ".mp4")
	r.ReplayURL = recHost + "/rec/page?id=" + m.TempConferenceID
	r.RecordURL = r.ReplayURL
	r.DownloadURL = recHost + "/resources/" + m.Start.In(quanshi.Beijing).Format("20060102") + "/" + m.TempConferenceID + "/downloadzip/" + file
	r.RecordDownURL = r.DownloadURL
	if byID { // cn/api/154: the transcript's download link
		r.SttDownLoadURL = recHost + "/resources/" + m.Start.In(quanshi.Beijing).Format("20060102") + "/" + m.TempConferenceID + "/downloadzip/" + m.TempConferenceID + ".txt"
	}
	return r
}

// WithRecordingDelay makes a meeting's recording take d after the meeting's
// end to be converted: until then the recording endpoints answer hasRecord
// 1 and isRecordConvertReady 0, without the recording's links. The default
// is 0: converted the moment the meeting ends.
func WithRecordingDelay(d time.Duration) Option { return func(c *config) { c.recordingDelay = d } }

// recordingConverted reports whether m's recording is converted at now.
func (s *Server) recordingConverted(m *meeting, now time.Time) bool {
	return !now.Before(m.End().Add(s.cfg.recordingDelay))
}

// recListRequest is the body of getConfReplay.
type recListRequest struct {
	Email    []string `json:"email"`
	DateTime string   `json:"dateTime"`
}

// recDays reads dateTime, "YYYY-mm-dd~YYYY-mm-dd" (or one day), into the
// first and last day as roomDay numbers; "" is today.
func recDays(dateTime string, now time.Time) (first, last int, err error) {
	dateTime = strings.TrimSpace(dateTime)
	if dateTime == "" {
		return roomDay(now), roomDay(now), nil
	}
	fromText, toText, ranged := strings.Cut(dateTime, "~")
	if !ranged {
		toText = fromText
	}
	from, err1 := time.ParseInLocation("2006-01-02", strings.TrimSpace(fromText), quanshi.Beijing)
	to, err2 := time.ParseInLocation("2006-01-02", strings.TrimSpace(toText), quanshi.Beijing)
	switch {
	case err1 != nil || err2 != nil:
		return 0, 0, fail(codeInvalidParameter, "dateTime %q is not YYYY-mm-dd~YYYY-mm-dd", dateTime)
	case to.Before(from):
		return 0, 0, fail(codeInvalidParameter, "dateTime %q ends before it starts", dateTime)
	case to.Sub(from) >= recMaxDays*24*time.Hour:
		return 0, 0, fail(codeInvalidParameter, "dateTime %q spans more than %d days", dateTime, recMaxDays)
	}
	return roomDay(from), roomDay(to), nil
}

// handleRecList lists, for each host e-mail address, the host's ended
// meetings that started on the days asked (today by default), newest first.
// The result is keyed by the addresses as sent; a host without such
// meetings (or unknown to the sandbox) is absent.
func handleRecList(s *Server, c *call) (any, error) {
	var req recListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case len(req.Email) == 0:
		return nil, fail(codeInvalidParameter, "email is required")
	case len(req.Email) > recMaxEmails:
		return nil, fail(codeInvalidParameter, "email holds %d addresses, at most %d are allowed", len(req.Email), recMaxEmails)
	}
	for _, e := range req.Email {
		if !roomEmail(e) {
			return nil, fail(codeInvalidParameter, "email: %q is not an e-mail address", e)
		}
	}
	first, last, err := recDays(req.DateTime, c.now)
	if err != nil {
		return nil, err
	}
	out := map[string][]recRecording{}
	for _, email := range req.Email {
		email = strings.TrimSpace(email)
		host, ok := s.state.byEmail[strings.ToLower(email)]
		if !ok {
			continue
		}
		ended := s.state.find(func(m *meeting) bool {
			day := roomDay(m.Start)
			return m.Host == host && m.Status(c.now) == quanshi.ConferenceStatusEnded && day >= first && day <= last
		})
		slices.Reverse(ended)
		for _, m := range ended {
			out[email] = append(out[email], recRecordingOf(m, false, s.recordingConverted(m, c.now)))
		}
	}
	return out, nil
}

// recDeleteRequest is the body of recordsDelete. The spec's example spells
// the key "tempConferenceIds " with a trailing space; both are read.
type recDeleteRequest struct {
	UserID            int64    `json:"userId"`
	TempConferenceIDs []string `json:"tempConferenceIds"`
	SpacedIDs         []string `json:"tempConferenceIds "`
}

// handleRecDelete deletes the recordings of up to 20 ended meeting runs, all
// or none: an unknown run, one that has not ended, one whose recording is
// already gone or one of another host (when userId is given) fails the
// whole call with 50709.
func handleRecDelete(s *Server, c *call) (any, error) {
	var req recDeleteRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	ids := req.TempConferenceIDs
	if len(ids) == 0 {
		ids = req.SpacedIDs
	}
	switch {
	case req.UserID < 0:
		return nil, fail(codeInvalidParameter, "userId must not be negative")
	case len(ids) == 0:
		return nil, fail(codeInvalidParameter, "tempConferenceIds is required")
	case len(ids) > recMaxDelete:
		return nil, fail(codeInvalidParameter, "tempConferenceIds holds %d meetings, at most %d are allowed", len(ids), recMaxDelete)
	}
	doomed := make([]*meeting, 0, len(ids))
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			return nil, fail(codeInvalidParameter, "tempConferenceIds holds an empty id")
		}
		m, err := s.state.byTempID(id)
		if err != nil {
			return nil, err
		}
		if err := recCheck(m, req.UserID, c.now); err != nil {
			return nil, err
		}
		if m.RecordingDeleted {
			return nil, fail(codeConferenceNotFound, "temp conference %s has no recording", id)
		}
		doomed = append(doomed, m)
	}
	for _, m := range doomed {
		m.RecordingDeleted = true
		m.Modified = c.now
	}
	return nil, nil
}

// recCheck fails with 50709 unless the meeting has ended and, when userID is
// given, is hosted by that user.
func recCheck(m *meeting, userID int64, now time.Time) error {
	if userID < 0 {
		return fail(codeInvalidParameter, "userId must not be negative")
	}
	if err := roomCheckHost(m, userID, ""); err != nil {
		return err
	}
	return m.ended(now)
}

// recGetRequest is the body of getConfReplayById and of getReportData.
type recGetRequest struct {
	ConferenceID string `json:"conferenceId"`
	UserID       int64  `json:"userId"`
}

// recEndedMeeting finds the ended meeting a getConfReplayById or
// getReportData call names; an unknown or unfinished meeting is a 50709,
// with the message of the spec's not-found example.
func recEndedMeeting(s *Server, c *call) (*meeting, error) {
	var req recGetRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	id := strings.TrimSpace(req.ConferenceID)
	if id == "" {
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	}
	m, ok := s.state.byConf[id]
	if !ok {
		return nil, fail(codeConferenceNotFound, "conference does not exist  %s or get conference failed", id)
	}
	if err := recCheck(m, req.UserID, c.now); err != nil {
		return nil, err
	}
	return m, nil
}

func handleRecGet(s *Server, c *call) (any, error) {
	m, err := recEndedMeeting(s, c)
	if err != nil {
		return nil, err
	}
	return recRecordingOf(m, true, s.recordingConverted(m, c.now)), nil
}
