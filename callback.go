package quanshi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Callbacks: the live-event notifications Quanshi pushes to the integrator's
// server ("同步全时直播事件"). The page's introduction names reservation,
// update, cancellation, start and end; its sections document three methods,
// each a JSON POST: meetingbegin (1.1), meetingend (1.2) and update (1.3).
// The stored copies of the page end inside the update section's table (the
// members of its event body were not captured), and no copy names the
// method of a reservation or a cancellation: those arrive as an
// UnknownCallback until a page documents them.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510

// CallbackMethod is a callback's kind (method).
type CallbackMethod string

// The documented callback methods.
const (
	CallbackMeetingBegin CallbackMethod = "meetingbegin" // 会议开始: a meeting started
	CallbackMeetingEnd   CallbackMethod = "meetingend"   // 会议结束: a meeting ended
	CallbackUpdate       CallbackMethod = "update"       // 会议更新: an event changed
)

// String returns the method as the platform spells it.
func (m CallbackMethod) String() string { return string(m) }

// MaxCallbackBytes is the default size limit of a callback body. The
// documented callbacks are a few hundred bytes; an update carries one
// event, a few kilobytes at most.
const MaxCallbackBytes = 1 << 20

// Callback errors. ParseCallback and ParseCallbackRequest wrap them with the
// reason; test with errors.Is. No error quotes the body.
var (
	// ErrNotCallback: the body is not a callback: not a JSON object, no
	// method member, or a documented method without its documented body.
	ErrNotCallback = errors.New("quanshi: not a Quanshi callback")
	// ErrCallbackTooLarge: the body exceeded the size limit.
	ErrCallbackTooLarge = errors.New("quanshi: callback body too large")
	// ErrCallbackContentType: the request declared a content type that is
	// not JSON.
	ErrCallbackContentType = errors.New("quanshi: callback content type is not JSON")
)

// CallbackHeader is what every callback carries.
type CallbackHeader struct {
	// Method is the callback's kind (method).
	Method CallbackMethod `json:"method"`
	// Timestamp is when the platform sent it (timestamp, Unix milliseconds),
	// in Beijing time.
	Timestamp time.Time `json:"timestamp" time:"unix"`
	// MsgID identifies the message (msgId); a retried delivery repeats it.
	// Empty when the platform sent none: such a callback cannot be
	// deduplicated.
	MsgID string `json:"msgId"`
	// CustomerCode is the customer's code (customerCode), such as "061548".
	CustomerCode string `json:"customerCode"`
	// SiteID is the site (siteId): undocumented, present in the meetingbegin
	// example with the value 0.
	SiteID int64 `json:"siteId"`
}

// Header returns the header itself; every callback type has it.
func (h *CallbackHeader) Header() *CallbackHeader { return h }

func (h *CallbackHeader) callback() {}

// Callback is one parsed callback: a *MeetingBeginCallback,
// *MeetingEndCallback, *EventUpdateCallback or *UnknownCallback. Switch on
// its type:
//
//	switch cb := cb.(type) {
//	case *quanshi.MeetingBeginCallback:
//		log.Printf("event %d started", cb.Meeting.EventID)
//	}
type Callback interface {
	// Header returns what every callback carries.
	Header() *CallbackHeader
	callback()
}

// CallbackMeeting is the meeting a meetingbegin or meetingend callback is
// about (meetinginfo). The page types the ids as strings; they are the
// numeric ids the rest of the API uses.
type CallbackMeeting struct {
	// EventID is the event's id (eventId; 直播会议ID).
	EventID int64 `json:"eventId"`
	// HostID is the host's user id (hostId; 主持人ID).
	HostID int64 `json:"hostId"`
	// ParticipantJoinURL is the participants' join link (attendeeJoinUrl).
	ParticipantJoinURL string `json:"attendeeJoinUrl"`
	// HostJoinURL is the host's join link (hostJoinUrl).
	HostJoinURL string `json:"hostJoinUrl"`
}

// MeetingBeginCallback says a meeting started (method meetingbegin).
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510
type MeetingBeginCallback struct {
	CallbackHeader
	// Meeting is the meeting that started (meetinginfo).
	Meeting CallbackMeeting
}

// MeetingEndCallback says a meeting ended (method meetingend).
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510
type MeetingEndCallback struct {
	CallbackHeader
	// Meeting is the meeting that ended (meetinginfo).
	Meeting CallbackMeeting
}

// EventUpdateCallback says an event changed (method update), or, with
// Replayed set, is a change CatchUpCallbacks found in Event.ListModified.
//
// The stored copies of the page end before the table of the event member's
// fields, so the SDK reads that member as the event the event endpoints
// return (cn/api/77, cn/node/540): Event holds every member it recognises,
// RawEvent the member as sent.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510
type EventUpdateCallback struct {
	CallbackHeader
	// Event is the changed event (event). EventStatus 0 marks a cancelled
	// one in the modify list's terms.
	Event Event
	// RawEvent is the event member as sent (nil for a replayed change).
	RawEvent json.RawMessage
	// Replayed is set on a change CatchUpCallbacks replayed from
	// Event.ListModified rather than one the platform pushed.
	Replayed bool
}

// UnknownCallback is a callback whose method no page documents (such as
// the reservation and cancellation the page's introduction names). It is
// not an error: the platform would retry a rejected one forever.
type UnknownCallback struct {
	CallbackHeader
	// Body is the whole callback as received.
	Body json.RawMessage
}

// callbackWire is a callback's members as sent.
type callbackWire struct {
	CallbackHeader
	MeetingInfo jsontext.Value `json:"meetinginfo"`
	Event       jsontext.Value `json:"event"`
}

// ParseCallbackRequest reads and parses the callback in r's body: at most
// MaxCallbackBytes, with a JSON content type (application/json or a
// +json type, with any parameters) or none. It does not check the HTTP
// method or verify the sender: CallbackHandler does both.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510
func ParseCallbackRequest(r *http.Request) (Callback, error) {
	return parseCallbackRequest(r, MaxCallbackBytes)
}

func parseCallbackRequest(r *http.Request, limit int64) (Callback, error) {
	body, err := readCallbackBody(r, limit)
	if err != nil {
		return nil, err
	}
	return ParseCallback(body)
}

// readCallbackBody checks the content type and reads at most limit bytes.
func readCallbackBody(r *http.Request, limit int64) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/json" && !strings.HasSuffix(mt, "+json")) {
			return nil, ErrCallbackContentType
		}
	}
	if r.ContentLength > limit {
		return nil, ErrCallbackTooLarge
	}
	if r.Body == nil {
		return nil, fmt.Errorf("%w: empty body", ErrNotCallback)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("quanshi: reading the callback: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, ErrCallbackTooLarge
	}
	return body, nil
}

// ParseCallback parses one callback body into its typed form.
//
// It is as lenient as the rest of the SDK (ids and numbers as strings or
// numbers, "" and null as no value, a repeated member) and, because the
// page's own example has one, tolerates stray commas: an empty member
// (`"eventId": "556653",,`) and a trailing comma before } or ]. It tolerates
// nothing else that is not JSON (comments, single quotes, bare words). A
// method no page documents gives an *UnknownCallback, not an error.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510
func ParseCallback(body []byte) (Callback, error) {
	var w callbackWire
	if err := decodeCallbackJSON(body, &w, ""); err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(w.Method)) == "" {
		return nil, fmt.Errorf("%w: no method member", ErrNotCallback)
	}
	switch w.Method {
	case CallbackMeetingBegin:
		m, err := callbackMeeting(w.MeetingInfo)
		if err != nil {
			return nil, err
		}
		return &MeetingBeginCallback{CallbackHeader: w.CallbackHeader, Meeting: m}, nil
	case CallbackMeetingEnd:
		m, err := callbackMeeting(w.MeetingInfo)
		if err != nil {
			return nil, err
		}
		return &MeetingEndCallback{CallbackHeader: w.CallbackHeader, Meeting: m}, nil
	case CallbackUpdate:
		return callbackUpdate(&w)
	}
	return &UnknownCallback{CallbackHeader: w.CallbackHeader, Body: json.RawMessage(bytes.Clone(body))}, nil
}

func callbackMeeting(raw jsontext.Value) (CallbackMeeting, error) {
	var m CallbackMeeting
	if raw.Kind() != '{' {
		return m, fmt.Errorf("%w: no meetinginfo object", ErrNotCallback)
	}
	if err := decodeCallbackJSON(raw, &m, "meetinginfo."); err != nil {
		return m, err
	}
	if m.EventID <= 0 {
		return m, fmt.Errorf("%w: no meetinginfo.eventId", ErrNotCallback)
	}
	return m, nil
}

func callbackUpdate(w *callbackWire) (*EventUpdateCallback, error) {
	if w.Event.Kind() != '{' {
		return nil, fmt.Errorf("%w: no event object", ErrNotCallback)
	}
	cb := &EventUpdateCallback{CallbackHeader: w.CallbackHeader, RawEvent: json.RawMessage(w.Event)}
	if err := decodeCallbackJSON(w.Event, &cb.Event, "event."); err != nil {
		return nil, err
	}
	if cb.Event.JoinHostURL == "" { // the modify list's spelling, as ListModified reads it
		cb.Event.JoinHostURL = cb.Event.JointHostURL
	}
	return cb, nil
}

// decodeCallbackJSON decodes leniently, retrying once with stray commas
// removed when the body is not valid JSON. Its errors name the member at
// fault (after prefix, the path of data in the callback), never its value.
func decodeCallbackJSON(data []byte, v any, prefix string) error {
	err := decodeJSON(data, v)
	var syntactic *jsontext.SyntacticError
	if errors.As(err, &syntactic) {
		if fixed, changed := dropStrayCommas(data); changed {
			err = decodeJSON(fixed, v)
		}
	}
	if err == nil {
		return nil
	}
	var semantic *jsonv2.SemanticError
	member, inMember := wire.FieldPath(err)
	switch {
	case errors.As(err, &syntactic):
		return fmt.Errorf("%w: invalid JSON at byte %d", ErrNotCallback, syntactic.ByteOffset)
	case inMember:
		return fmt.Errorf("%w: member %s%s has the wrong type", ErrNotCallback, prefix, fieldPath(member))
	case errors.As(err, &semantic) && semantic.JSONPointer != "":
		return fmt.Errorf("%w: member %s%s has the wrong type", ErrNotCallback, prefix, fieldPath(semantic.JSONPointer))
	case errors.As(err, &semantic):
		return fmt.Errorf("%w: not a JSON object", ErrNotCallback)
	}
	return fmt.Errorf("%w: invalid JSON", ErrNotCallback)
}

// dropStrayCommas removes the commas outside strings that separate
// nothing: those after another comma or an opening bracket, and those
// before a closing bracket. A run of commas and white space collapses to
// at most one comma, in one pass. It reports whether it removed any.
func dropStrayCommas(data []byte) ([]byte, bool) {
	out := make([]byte, 0, len(data))
	inString, escaped, changed := false, false, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ',':
			j, commas := i, 0
			for ; j < len(data) && (data[j] == ',' || isJSONSpace(data[j])); j++ {
				if data[j] == ',' {
					commas++
				}
			}
			prev, next := lastSignificant(out), byte(0)
			if j < len(data) {
				next = data[j]
			}
			keep := prev != 0 && prev != ',' && prev != '{' && prev != '[' && next != '}' && next != ']'
			if keep {
				out = append(out, ',')
			}
			changed = changed || commas > 1 || !keep
			i = j - 1
			continue
		}
		out = append(out, c)
	}
	return out, changed
}

func lastSignificant(b []byte) byte {
	for i := len(b) - 1; i >= 0; i-- {
		if !isJSONSpace(b[i]) {
			return b[i]
		}
	}
	return 0
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
