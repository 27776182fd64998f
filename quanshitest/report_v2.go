package quanshitest

import (
	"net/url"
	"strconv"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Attendance by booking id (getReportDatas and its v2), report files
// (/confopenapi/event/report/url) and the batch state and recordings of
// bookings (/eventopenapi/event/report/query).
//
// Sandbox rules:
//
//   - They describe the same participants as getReportData (meeting.attendees),
//     by eventId; a meeting not over yet, cancelled or unknown is a 50709.
//   - getReportDatas sends the title percent-encoded, as the page's example
//     does; a userId, when sent, must be the host (50103).
//   - v2 sends one session per meeting (its tempConferenceId) and roleId, as
//     the example spells it.
//   - event/report/query groups status and records by eventId (objects keyed
//     by the id); an unknown id has status 0; only an ended meeting whose
//     recording was not deleted has a record. At most 50 eventIds.

const (
	pathReportDatas   = "/confopenapi/conference/report/getReportDatas"
	pathReportDatasV2 = "/confopenapi/conference/report/getReportDatas/v2"
	pathReportFiles   = "/confopenapi/event/report/url"
	pathReportQuery   = "/eventopenapi/event/report/query"
)

// reportV2Routes are the attendance and report-file endpoints.
func reportV2Routes() []*route {
	return []*route{
		endpoint(pathReportDatas, confJSON(handleReportDatas)),
		endpoint(pathReportDatasV2, confJSON(handleReportDatasV2)),
		endpoint(pathReportFiles, confJSON(handleReportFiles)),
		endpoint(pathReportQuery, confJSON(handleReportQuery)),
	}
}

type reportEventRequest struct {
	EventID int64 `json:"eventId"`
	UserID  int64 `json:"userId"`
}

// reportEnded finds the ended meeting of a request.
func reportEnded(s *Server, c *call, req *reportEventRequest) (*meeting, error) {
	if req.EventID <= 0 {
		return nil, fail(codeInvalidParameter, "eventId is required")
	}
	m, err := s.state.byEventID(req.EventID)
	if err != nil {
		return nil, err
	}
	if req.UserID > 0 && req.UserID != m.Host.ID {
		return nil, fail(codeInvalidParameter, "user %d is not the host of event %d", req.UserID, req.EventID)
	}
	return m, m.ended(c.now)
}

// reportDatasItem is one getReportDatas record.
type reportDatasItem struct {
	ConferenceID  string `json:"conferenceId"`
	HostID        int64  `json:"hostId"`
	HostName      string `json:"hostName"`
	EventID       int64  `json:"eventId"`
	Title         string `json:"title"`
	StartTime     string `json:"startTime"`
	EndTime       string `json:"endTime"`
	Name          string `json:"name"`
	OnlineTime    string `json:"onlineTime"`
	OfflineTime   string `json:"offlineTime"`
	Mobile        string `json:"mobile"`
	Email         string `json:"email"`
	Role          int    `json:"role"`
	Times         int    `json:"times"`
	WatchDuration string `json:"watchDuration"`
	DeviceType    string `json:"deviceType"`
	IP            string `json:"ip"`
}

func reportRoleID(a attendee) int {
	if a.Role == "host" {
		return 1
	}
	return 0
}

func reportMobile(u *user) string {
	if u.Mobile == "" {
		return "-"
	}
	return u.Mobile
}

func handleReportDatas(s *Server, c *call, req *reportEventRequest) (any, error) {
	m, err := reportEnded(s, c, req)
	if err != nil {
		return nil, err
	}
	out := []reportDatasItem{}
	for _, a := range m.attendees() {
		out = append(out, reportDatasItem{
			ConferenceID: m.ConferenceID, HostID: m.Host.ID, HostName: m.Host.Name, EventID: m.EventID,
			Title: url.PathEscape(m.Title), StartTime: wire.FormatWallClock(m.Start), EndTime: wire.FormatWallClock(m.End()),
			Name: a.User.Name, OnlineTime: wire.FormatWallClock(a.Join), OfflineTime: wire.FormatWallClock(a.Leave),
			Mobile: reportMobile(a.User), Email: a.User.Email, Role: reportRoleID(a), Times: 1,
			WatchDuration: reportClock(a.Leave.Sub(a.Join)), DeviceType: "Windows", IP: reportIP(a.User),
		})
	}
	return out, nil
}

// reportInteraction is one v2 join.
type reportInteraction struct {
	Name             string `json:"name"`
	OnlineTime       int64  `json:"onlineTime"`
	OfflineTime      int64  `json:"offlineTime"`
	Mobile           string `json:"mobile"`
	Email            string `json:"email"`
	IP               string `json:"ip"`
	DeviceType       string `json:"deviceType"`
	RoleID           int    `json:"roleId"`
	TempConferenceID string `json:"tempConferenceId"`
}

type reportSessionItem struct {
	TempConferenceID string `json:"tempConferenceId"`
	RealStartTime    string `json:"realStartTime"`
	RealEndTime      string `json:"realEndTime"`
}

func handleReportDatasV2(s *Server, c *call, req *reportEventRequest) (any, error) {
	m, err := reportEnded(s, c, req)
	if err != nil {
		return nil, err
	}
	joins := []reportInteraction{}
	for _, a := range m.attendees() {
		joins = append(joins, reportInteraction{
			Name: a.User.Name, OnlineTime: a.Join.Unix(), OfflineTime: a.Leave.Unix(), Mobile: reportMobile(a.User),
			Email: a.User.Email, IP: reportIP(a.User), DeviceType: "PC", RoleID: reportRoleID(a), TempConferenceID: m.TempConferenceID,
		})
	}
	session := reportSessionItem{m.TempConferenceID, wire.FormatWallClock(m.Start), wire.FormatWallClock(m.End())}
	return map[string]any{"interaction": joins, "tempConfenceList": []reportSessionItem{session}}, nil
}

type reportFileItem struct {
	Title     string `json:"title"`
	StartTime int64  `json:"startTime"`
	EndTime   int64  `json:"endTime"`
	ReportURL string `json:"reportUrl"`
}

func handleReportFiles(s *Server, c *call, req *reportEventRequest) (any, error) {
	m, err := reportEnded(s, c, req)
	if err != nil {
		return nil, err
	}
	file := reportFileItem{m.Title, m.Start.Unix(), m.End().Unix(), reportHost + "/rest/conference/report/download/" + m.TempConferenceID}
	return map[string]any{"eventId": m.EventID, "reports": []reportFileItem{file}}, nil
}

type reportQueryRequest struct {
	EventIDs   []int64 `json:"eventIds"`
	QueryType  int     `json:"queryType"`
	RecordType int     `json:"recordType"`
}

type reportQueryStatus struct {
	ConferenceID     string `json:"conferenceId"`
	TempConferenceID string `json:"tempConferenceId"`
	Status           int    `json:"status"`
	UserID           int64  `json:"userId"`
	EventID          int64  `json:"eventId"`
	LiveStatus       int    `json:"liveStatus"`
}

type reportQueryRecord struct {
	EventID    int64  `json:"eventId"`
	RecordType int    `json:"recordType"`
	Title      string `json:"title"`
	StartTime  int64  `json:"startTime"`
	EndTime    int64  `json:"endTime"`
	RecordURL  string `json:"recordUrl"`
}

func handleReportQuery(s *Server, c *call, req *reportQueryRequest) (any, error) {
	switch {
	case len(req.EventIDs) == 0 || len(req.EventIDs) > 50:
		return nil, fail(codeInvalidParameter, "eventIds must have 1 to 50 ids")
	case req.QueryType < 1 || req.QueryType > 3:
		return nil, fail(codeInvalidParameter, "queryType must be 1, 2 or 3")
	case req.RecordType != 0 && req.RecordType != 1 && req.RecordType != 5:
		return nil, fail(codeInvalidParameter, "recordType must be 1 or 5")
	}
	status, records := map[string]reportQueryStatus{}, map[string][]reportQueryRecord{}
	for _, id := range req.EventIDs {
		key := strconv.FormatInt(id, 10)
		m, _ := s.state.byEventID(id)
		st := statusBatchOf(m, "", id, c)
		status[key] = reportQueryStatus{st.ConferenceID, st.TempConferenceID, st.Status, st.UserID, id, 0}
		if m != nil && !m.RecordingDeleted && m.Status(c.now) == quanshi.ConferenceStatusEnded && req.RecordType != 5 {
			records[key] = []reportQueryRecord{{id, 1, m.Title, m.Start.Unix(), m.End().Unix(), recHost + "/rec/page?id=" + m.TempConferenceID}}
		}
	}
	out := map[string]any{}
	if req.QueryType&1 != 0 {
		out["status"] = status
	}
	if req.QueryType&2 != 0 {
		out["records"] = records
	}
	return out, nil
}
