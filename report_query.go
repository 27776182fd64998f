package quanshi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// The state and recordings of up to 50 bookings in one call
// (/eventopenapi/event/report/query).

var opReportQueryEvents = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/event/report/query", Idempotent: true}

// reportQueryMaxEvents is the page's limit on eventIds ("最大查询数量为50").
const reportQueryMaxEvents = 50

// ReportQueryType selects what QueryEvents returns (queryType).
type ReportQueryType int

// What QueryEvents returns.
const (
	// ReportQueryStatus: the meetings' state (1).
	ReportQueryStatus ReportQueryType = 1
	// ReportQueryRecordings: the meetings' recordings (2).
	ReportQueryRecordings ReportQueryType = 2
	// ReportQueryBoth: state and recordings (3).
	ReportQueryBoth ReportQueryType = 3
)

// ReportRecordType selects the recordings QueryEvents returns (recordType).
type ReportRecordType int

// Recording kinds.
const (
	// ReportRecordMeeting: meeting or phone recordings (1).
	ReportRecordMeeting ReportRecordType = 1
	// ReportRecordLive: live-stream recordings (5).
	ReportRecordLive ReportRecordType = 5
)

// ReportQueryEventsRequest names the bookings QueryEvents reads.
type ReportQueryEventsRequest struct {
	// EventIDs are the bookings (eventIds), 1 to 50. Required.
	EventIDs []int64 `json:"eventIds"`
	// Type is what to return (queryType). Required.
	Type ReportQueryType `json:"queryType"`
	// RecordType limits the recordings (recordType); 0 is not sent (all).
	RecordType ReportRecordType `json:"recordType,omitzero"`
}

// ReportQueryEventsResult is the state and recordings of the bookings asked
// for, by booking id.
type ReportQueryEventsResult struct {
	// Statuses is each booking's state (status, grouped by eventId).
	Statuses map[int64]EventReportStatus `json:"-"`
	// Recordings is each booking's recordings (records, grouped by eventId).
	// The page is cut before the recording fields, so each is kept as the
	// raw JSON object sent.
	Recordings map[int64][]json.RawMessage `json:"-"`
}

// EventReportStatus is one booking's state in a ReportQueryEventsResult.
// The page is cut inside this table (at liveStatus); later members are not
// decoded.
type EventReportStatus struct {
	// EventID is the booking (eventId).
	EventID int64 `json:"eventId"`
	// ConferenceID is the meeting's conference id (conferenceId).
	ConferenceID string `json:"conferenceId"`
	// TempConferenceID is the running session's id (tempConferenceId).
	TempConferenceID string `json:"tempConferenceId"`
	// Status is the meeting's state (status: 0 not found, 1 created,
	// 2 started, 4 ended, 5 expired).
	Status ConferenceStatus `json:"status"`
	// UserID is the host (userId).
	UserID int64 `json:"userId"`
	// LiveStatus is the live stream's state (liveStatus; the page is cut
	// after "0: 已创…", so the values are not named here).
	LiveStatus int `json:"liveStatus"`
}

// QueryEvents returns the state and the recordings of up to 50 bookings
// in one call.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/113
//
//quanshi:operation POST /eventopenapi/event/report/query
func (s *ReportService) QueryEvents(ctx context.Context, req *ReportQueryEventsRequest, opts ...CallOption) (*ReportQueryEventsResult, error) {
	op := opReportQueryEvents
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(len(req.EventIDs) > 0, "eventIds", "is required")
	v.maxItems("eventIds", len(req.EventIDs), reportQueryMaxEvents)
	for i, id := range req.EventIDs {
		v.rulef(id > 0, "eventIds", "item %d must be a positive id", i)
	}
	v.rule(req.Type != 0, "queryType", "is required")
	oneOf(v, "queryType", req.Type, ReportQueryStatus, ReportQueryRecordings, ReportQueryBoth)
	oneOf(v, "recordType", req.RecordType, ReportRecordMeeting, ReportRecordLive)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out reportQueryWire
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	res, err := reportQueryResult(out.Status, out.Records)
	if err != nil {
		return nil, malformedError(op.String(), http.StatusOK, nil, "status or records is not grouped by eventId", err)
	}
	return res, nil
}

// reportQueryWire is the data member as sent: both groupings are read by
// groupByEvent.
type reportQueryWire struct {
	Status  jsontext.Value `json:"status"`
	Records jsontext.Value `json:"records"`
}

// eventRef reads the eventId of a grouped item.
type eventRef struct {
	EventID int64 `json:"eventId"`
}

// reportQueryResult reads the two groupings.
func reportQueryResult(status, records jsontext.Value) (*ReportQueryEventsResult, error) {
	res := &ReportQueryEventsResult{}
	groups, err := groupByEvent(status)
	if err != nil {
		return nil, err
	}
	if len(groups) > 0 {
		res.Statuses = make(map[int64]EventReportStatus, len(groups))
	}
	for id, items := range groups {
		var st EventReportStatus
		if err := decodeJSON(items[0], &st); err != nil {
			return nil, err
		}
		if st.EventID == 0 {
			st.EventID = id
		}
		res.Statuses[id] = st
	}
	if res.Recordings, err = groupByEvent(records); err != nil {
		return nil, err
	}
	return res, nil
}

// groupByEvent reads a member "grouped by eventId", tolerating each shape
// the page's words allow: an object keyed by eventId whose values are an
// object or a list of objects, or a flat list of objects that carry their
// eventId. null, "" and {} give nil.
func groupByEvent(raw jsontext.Value) (map[int64][]json.RawMessage, error) {
	raw = jsontext.Value(strings.TrimSpace(string(raw)))
	switch raw.Kind() {
	case 0, 'n', '"':
		if len(raw) > 0 && raw.Kind() == '"' && string(raw) != `""` {
			return nil, fmt.Errorf("unexpected text %s", raw)
		}
		return nil, nil
	case '[':
		var items []json.RawMessage
		if err := decodeJSON(raw, &items); err != nil {
			return nil, err
		}
		return groupItems(nil, 0, items)
	case '{':
		var byKey map[string]json.RawMessage
		if err := decodeJSON(raw, &byKey); err != nil {
			return nil, err
		}
		var out map[int64][]json.RawMessage
		for key, v := range byKey {
			id, err := strconv.ParseInt(strings.TrimSpace(key), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("key %q is not an eventId", key)
			}
			if out, err = groupValue(out, id, v); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected %s", raw.Kind())
}

// groupValue adds the object or list of objects v under id.
func groupValue(out map[int64][]json.RawMessage, id int64, v json.RawMessage) (map[int64][]json.RawMessage, error) {
	switch jsontext.Value(v).Kind() {
	case 'n':
		return out, nil
	case '{':
		return groupItems(out, id, []json.RawMessage{v})
	}
	var items []json.RawMessage
	if err := decodeJSON(v, &items); err != nil {
		return nil, err
	}
	return groupItems(out, id, items)
}

// groupItems adds objects under id, or under their own eventId when id is 0.
func groupItems(out map[int64][]json.RawMessage, id int64, items []json.RawMessage) (map[int64][]json.RawMessage, error) {
	for _, item := range items {
		key := id
		if key == 0 {
			var ref eventRef
			if err := decodeJSON(item, &ref); err != nil || ref.EventID == 0 {
				return nil, fmt.Errorf("a list item carries no eventId")
			}
			key = ref.EventID
		}
		if out == nil {
			out = map[int64][]json.RawMessage{}
		}
		out[key] = append(out[key], item)
	}
	return out, nil
}
