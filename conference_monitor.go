package quanshi

import (
	"context"
	"net/http"
	"strings"
)

// Watching meetings: the live state of many meetings in one call, and the
// invisible co-host link that controls a running meeting.

var (
	opConferenceStatusBatch = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/getStatus", Idempotent: true}
	opConferenceMonitorURL = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/getMonitorClientUrl", Idempotent: true}
)

// ConferenceStatusBatchRequest names the meetings whose live state
// StatusBatch returns: either ConferenceIDs with the admin's UserID (the
// older form, cn/api/537) or EventIDs (the newer form, en/api/537), not both.
type ConferenceStatusBatchRequest struct {
	// UserID is an admin's user id (userId); required with ConferenceIDs.
	UserID int64 `json:"userId,omitzero"`
	// ConferenceIDs are the meetings' conference ids (conferenceIds).
	ConferenceIDs []string `json:"conferenceIds,omitempty"`
	// EventIDs are the meetings' booking ids (eventIds).
	EventIDs []int64 `json:"eventIds,omitempty"`
}

// ConferenceStatusBatchResult is the live state of the meetings asked for
// (getStatus result).
type ConferenceStatusBatchResult struct {
	// Conferences has one entry per meeting found (conferences).
	Conferences []ConferenceLiveStatus `json:"conferences"`
}

// ConferenceLiveStatus is one meeting's live state in a
// ConferenceStatusBatchResult.
type ConferenceLiveStatus struct {
	// EventID is the meeting's booking id (eventId); 0 when the request
	// named conference ids, as the page says.
	EventID int64 `json:"eventId"`
	// ConferenceID is the meeting's conference id (conferenceId).
	ConferenceID string `json:"conferenceId"`
	// Status is the meeting's state (status: 0 not found, 1 created,
	// 2 started, 4 ended, 5 expired), the same values as Status reports.
	Status ConferenceStatus `json:"status"`
	// TempConferenceID is the running session's temporary id
	// (tempConferenceId); "" when none ran.
	TempConferenceID string `json:"tempConferenceId"`
	// UserID is the meeting's host (userId).
	UserID int64 `json:"userId"`
	// TempConferenceStatus is the session's state (tempConfStatus); only the
	// newer page shows it, with 0, and does not describe its values.
	TempConferenceStatus int `json:"tempConfStatus"`
}

// StatusBatch returns the live state of many meetings in one call, by
// conference ids or by booking ids: the documented way to poll many
// meetings. Its statuses take the values Status reports (the sandbox answers
// both from the same state). The older form is documented at
// https://developer.quanshi.com/cn/api/537.
//
// Quanshi API docs: https://developer.quanshi.com/en/api/537
//
//quanshi:operation POST /confopenapi/conference/getStatus
func (s *ConferenceService) StatusBatch(ctx context.Context, req *ConferenceStatusBatchRequest, opts ...CallOption) (*ConferenceStatusBatchResult, error) {
	op := opConferenceStatusBatch
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	byConf, byEvent := len(req.ConferenceIDs) > 0, len(req.EventIDs) > 0
	v.rule(byConf || byEvent, "conferenceIds", "conferenceIds or eventIds is required")
	v.rule(!byConf || !byEvent, "eventIds", "send either conferenceIds or eventIds, not both")
	v.rule(!byConf || req.UserID > 0, "userId", "is required with conferenceIds")
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	for i, id := range req.ConferenceIDs {
		v.rulef(strings.TrimSpace(id) != "", "conferenceIds", "item %d is blank", i)
	}
	for i, id := range req.EventIDs {
		v.rulef(id > 0, "eventIds", "item %d must be a positive id", i)
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	var out ConferenceStatusBatchResult
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// ConferenceMonitorURLRequest asks for the invisible co-host link of a
// meeting (getMonitorClientUrl). ConferenceID or Passcode names the meeting.
type ConferenceMonitorURLRequest struct {
	// ConferenceID is the meeting (conferenceId).
	ConferenceID string `json:"conferenceId,omitempty"`
	// Passcode is the host's meeting password (pcode), used when ConferenceID
	// is not given. It is a secret: it never appears in errors or logs.
	Passcode string `json:"pcode,omitempty"`
	// UserID is the host's user id (userId). Required.
	UserID int64 `json:"userId"`
}

// ConferenceMonitorURL is a link that joins a meeting as an invisible
// co-host, to control it.
type ConferenceMonitorURL struct {
	// URL is the link (the result string), such as
	// "http://s.qsh1.cn/a/OVHefy2328353?extType=5".
	URL string
}

// MonitorURL returns a link that joins a meeting as an invisible co-host,
// to control it (会控).
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/191
//
//quanshi:operation POST /confopenapi/conference/getMonitorClientUrl
func (s *ConferenceService) MonitorURL(ctx context.Context, req *ConferenceMonitorURLRequest, opts ...CallOption) (*ConferenceMonitorURL, error) {
	op := opConferenceMonitorURL
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(strings.TrimSpace(req.ConferenceID) != "" || strings.TrimSpace(req.Passcode) != "", "conferenceId", "conferenceId or pcode is required")
	v.rule(req.UserID > 0, "userId", "is required")
	if err := v.err(); err != nil {
		return nil, err
	}
	var link string
	if err := s.caller().call(ctx, op, req, &link, opts...); err != nil {
		return nil, err
	}
	if strings.TrimSpace(link) == "" {
		return nil, malformedError(op.String(), http.StatusOK, nil, "the answer carries no link", nil)
	}
	return &ConferenceMonitorURL{URL: link}, nil
}
