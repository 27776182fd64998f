package quanshitest

import (
	"strings"

	"github.com/quanshi-sdk/quanshi-go"
)

// Watching meetings: the batch live status (/confopenapi/conference/getStatus)
// and the invisible co-host link (getMonitorClientUrl).
//
// Sandbox rules:
//
//   - getStatus reads the same clock rule as getConfStatus, so the two agree
//     for every meeting. An unknown or cancelled meeting is listed with
//     status 0 (不存在); asked by conferenceIds, eventId is 0 as the page says.
//   - getStatus takes conferenceIds with an admin's userId, or eventIds, not
//     both; neither is a 50103.
//   - getMonitorClientUrl finds the meeting by conferenceId or the host's
//     pcode; userId must be its host; an ended meeting cannot be controlled
//     (50103).

const (
	pathConfStatusBatch = "/confopenapi/conference/getStatus"
	pathConfMonitorURL  = "/confopenapi/conference/getMonitorClientUrl"
)

// monitorRoutes are the batch status and monitor link endpoints.
func monitorRoutes() []*route {
	return []*route{
		endpoint(pathConfStatusBatch, confJSON(handleStatusBatch)),
		endpoint(pathConfMonitorURL, confJSON(handleMonitorURL)),
	}
}

type statusBatchRequest struct {
	UserID        int64    `json:"userId"`
	ConferenceIDs []string `json:"conferenceIds"`
	EventIDs      []int64  `json:"eventIds"`
}

// statusBatchItem is one result.conferences entry.
type statusBatchItem struct {
	EventID          int64  `json:"eventId"`
	ConferenceID     string `json:"conferenceId"`
	Status           int    `json:"status"`
	TempConferenceID string `json:"tempConferenceId"`
	UserID           int64  `json:"userId"`
	TempConfStatus   int    `json:"tempConfStatus"`
}

func handleStatusBatch(s *Server, c *call, req *statusBatchRequest) (any, error) {
	byConf, byEvent := len(req.ConferenceIDs) > 0, len(req.EventIDs) > 0
	switch {
	case byConf == byEvent:
		return nil, fail(codeInvalidParameter, "send conferenceIds (with userId) or eventIds")
	case byConf && req.UserID <= 0:
		return nil, fail(codeInvalidParameter, "userId is required with conferenceIds")
	}
	out := []statusBatchItem{}
	for _, id := range req.ConferenceIDs {
		m, _ := s.state.byConference(id)
		out = append(out, statusBatchOf(m, strings.TrimSpace(id), 0, c))
	}
	for _, id := range req.EventIDs {
		m, _ := s.state.byEventID(id)
		out = append(out, statusBatchOf(m, "", id, c))
	}
	return map[string]any{"conferences": out}, nil
}

// statusBatchOf is a meeting's entry; m nil is an unknown meeting.
func statusBatchOf(m *meeting, conferenceID string, eventID int64, c *call) statusBatchItem {
	item := statusBatchItem{EventID: eventID, ConferenceID: conferenceID}
	if m == nil {
		return item
	}
	item.ConferenceID, item.UserID = m.ConferenceID, m.Host.ID
	item.Status = int(m.Status(c.now))
	if item.Status != int(quanshi.ConferenceStatusCreated) && item.Status != int(quanshi.ConferenceStatusNone) {
		item.TempConferenceID = m.TempConferenceID
	}
	return item
}

type monitorURLRequest struct {
	ConferenceID string `json:"conferenceId"`
	Passcode     string `json:"pcode"`
	UserID       int64  `json:"userId"`
}

func handleMonitorURL(s *Server, c *call, req *monitorURLRequest) (any, error) {
	m, _, err := confLookup(s.state, req.ConferenceID, req.Passcode)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Passcode) != "" && strings.TrimSpace(req.Passcode) != m.PCode1 {
		return nil, fail(codeInvalidParameter, "pcode must be the host's password")
	}
	if req.UserID <= 0 || req.UserID != m.Host.ID {
		return nil, fail(codeInvalidParameter, "userId must be the host of conference %s", m.ConferenceID)
	}
	if m.Status(c.now) == quanshi.ConferenceStatusEnded {
		return nil, fail(codeInvalidParameter, "conference %s has ended", m.ConferenceID)
	}
	return linkShortHost + "/a/m" + m.ConferenceID + "?extType=5", nil
}
