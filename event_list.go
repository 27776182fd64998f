package quanshi

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"iter"
	"net/http"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// EventGetRequest asks for one event's details.
type EventGetRequest struct {
	// EventID (eventId) is the event's id. Required.
	EventID int64 `json:"eventId"`
	// IsReturnLiveStreamURL: also return the live pull addresses
	// (LiveStreamURL); sent as isReturnLiveStreamUrl 0/1, the server's
	// default is no.
	IsReturnLiveStreamURL *bool `json:"-"`
}

var opEventInfo = Operation{Family: FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/event/info", Idempotent: true}

// Get returns one event's details: times, form, state, host, passwords and
// join links.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/77
//
//quanshi:operation POST /eventopenapi/event/info
func (s *EventService) Get(ctx context.Context, req *EventGetRequest, opts ...CallOption) (*Event, error) {
	if err := notNil(opEventInfo, req); err != nil {
		return nil, err
	}
	v := newCheck(opEventInfo)
	v.rule(req.EventID > 0, "eventId", "is required")
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*EventGetRequest
		IsReturnLiveStreamURL *int `json:"isReturnLiveStreamUrl,omitzero"`
	}{req, bit(req.IsReturnLiveStreamURL)}
	return callFor[Event](ctx, s.caller(), opEventInfo, body, opts)
}

// EventListModifiedRequest asks for the events created, changed or
// cancelled in a time window, one page at a time.
type EventListModifiedRequest struct {
	// From is the window's start (wire field startTime, Unix seconds).
	// An event is listed when its creation, change or cancellation time
	// falls in [From, To], not by when it takes place. Required.
	From time.Time `json:"-"`
	// To is the window's end (wire field endTime); zero leaves it open.
	To time.Time `json:"-"`
	// Page is the page number, from 1 (the default when zero).
	Page int `json:"page,omitzero"`
	// PageSize (pageSize) is the number of events a page (default 10 when zero).
	PageSize int `json:"pageSize,omitzero"`
}

// EventModifiedList is one page of changed events.
type EventModifiedList struct {
	// Count (count) is the total number of events in the window.
	Count int `json:"count"`
	// List (list) holds this page's events; EventStatus 0 marks a cancelled one.
	List []Event `json:"list"`
}

// eventModifyPageSize is the server's default pageSize.
const eventModifyPageSize = 10

var opEventModifyList = Operation{Family: FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/event/modify/list", Idempotent: true}

// ListModified returns one page of the events created, updated or cancelled
// (EventStatus 0) in a time window. Pages are numbered from 1.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/540
//
//quanshi:operation POST /eventopenapi/event/modify/list
func (s *EventService) ListModified(ctx context.Context, req *EventListModifiedRequest, opts ...CallOption) (*EventModifiedList, error) {
	if err := notNil(opEventModifyList, req); err != nil {
		return nil, err
	}
	v := newCheck(opEventModifyList)
	v.rule(!req.From.IsZero(), "startTime", "is required")
	v.rule(req.To.IsZero() || !req.To.Before(req.From), "endTime", "must not be before startTime")
	v.rule(req.Page >= 0, "page", "must be 1 or more")
	v.rule(req.PageSize >= 0, "pageSize", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*EventListModifiedRequest
		StartTime unixSeconds `json:"startTime"`
		EndTime   unixSeconds `json:"endTime,omitzero"`
	}{req, unixSeconds(req.From), unixSeconds(req.To)}
	var out EventModifiedList
	if err := s.caller().call(ctx, opEventModifyList, body, &out, opts...); err != nil {
		return nil, err
	}
	for i := range out.List {
		if e := &out.List[i]; e.JoinHostURL == "" {
			e.JoinHostURL = e.JointHostURL
		}
	}
	return &out, nil
}

// ListModifiedIter iterates over every event ListModified finds, page by
// page from req.Page (default 1), stopping after the last page. An error
// is yielded once and ends the iteration; a nil req is one, as for
// ListModified. req is copied, not changed.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/540
//
//quanshi:operation POST /eventopenapi/event/modify/list
func (s *EventService) ListModifiedIter(ctx context.Context, req *EventListModifiedRequest, opts ...CallOption) iter.Seq2[*Event, error] {
	if err := notNil(opEventModifyList, req); err != nil {
		return failed[Event](err)
	}
	base := *req
	base.PageSize = cmp.Or(base.PageSize, eventModifyPageSize)
	return eventPaged(ctx, cmp.Or(base.Page, 1), base.PageSize, func(ctx context.Context, page int) ([]Event, int, error) {
		r := base
		r.Page = page
		out, err := s.ListModified(ctx, &r, opts...)
		if err != nil {
			return nil, 0, err
		}
		return out.List, out.Count, nil
	})
}

// EventListType selects public or non-public events (listType).
type EventListType int

// List types.
const (
	EventListNonPublic EventListType = 0 // 非公开: non-public events
	EventListPublic    EventListType = 1 // 公开: public events
	EventListAll       EventListType = 2 // 全部: all events (the default)
)

var eventListTypeNames = map[EventListType]string{
	EventListNonPublic: "non-public",
	EventListPublic:    "public",
	EventListAll:       "all",
}

// String returns the list type's name, such as "public".
func (l EventListType) String() string { return enumString(l, eventListTypeNames) }

// EventListPublicRequest asks for one page of events by public type.
type EventListPublicRequest struct {
	// HostID (hostId) restricts the list to one host; zero lists the whole customer's.
	HostID int64 `json:"hostId,omitzero"`
	// ListType (listType): 0 non-public, 1 public, 2 all (default when nil). Use
	// new(quanshi.EventListNonPublic) to ask for non-public events.
	ListType *EventListType `json:"listType,omitzero"`
	// From is the window's start (wire field startTime, Unix seconds);
	// zero means now. An event is listed when its time overlaps [From, To]
	// (the page does not say; overlap is what the sandbox implements).
	From time.Time `json:"-"`
	// To is the window's end (wire field endTime); zero leaves it open.
	To time.Time `json:"-"`
	// Page is the page number, from 0 (the default).
	Page int `json:"page,omitzero"`
	// Count (count) is the number of events a page (default 20 when zero).
	Count int `json:"count,omitzero"`
}

// EventPublicList is one page of events by public type.
//
// The page (cn/api/449, en/node/449) lists the members of data's events but
// does not show whether data is the list itself or, as on the modify list
// (cn/node/540), an object {count, list}. Both are read.
type EventPublicList struct {
	// Events holds this page's events: data itself when it is a list,
	// data.list when it is {count, list}.
	Events []Event
	// Count is data.count, the number of events the query matches, when
	// data is {count, list}; nil when data is a bare list, which carries no
	// total.
	Count *int
}

// eventPublicObject is the {count, list} shape of public/list's data.
type eventPublicObject struct {
	Count *int    `json:"count"`
	List  []Event `json:"list"`
}

// unmarshalFrom reads public/list's data in either shape (registered in
// lenient.go; the generated decoders hand the type to it).
func (l *EventPublicList) unmarshalFrom(dec *jsontext.Decoder) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	*l = EventPublicList{}
	return l.read(raw, dec.Options())
}

// decodeWire is unmarshalFrom through the generated decoders (decodeValue
// calls it for ListPublic's own answer): a 100-event page costs ten times
// fewer allocations than json.Unmarshal's registered decoders. JSON text
// in a string, which no page shows, goes the registered way.
func (l *EventPublicList) decodeWire(dec *wire.Dec) error {
	*l = EventPublicList{}
	switch dec.PeekKind() {
	case '"':
		return l.decodeText(dec)
	case '{':
		var page eventPublicObject
		if err := decodeeventPublicObject(dec, &page); err != nil {
			return err
		}
		if page.Count == nil && page.List == nil {
			return errors.New(neitherCountNorList)
		}
		l.Events, l.Count = page.List, page.Count
		return nil
	}
	return wire.SliceValue(dec, &l.Events, decodeEvent)
}

// decodeText reads data sent as JSON text in a string: an object's text as
// that object, anything else as SliceValue reads a list from a string.
func (l *EventPublicList) decodeText(dec *wire.Dec) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	text, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return err
	}
	if obj := bytes.TrimSpace(text); len(obj) > 0 && obj[0] == '{' {
		return wire.Decode(obj, l.decodeWire)
	}
	return wire.Decode(raw, func(dec *wire.Dec) error { return wire.SliceValue(dec, &l.Events, decodeEvent) })
}

// neitherCountNorList: public/list's data object carries neither member (an
// error made where it happens: a package-level one would cost init an
// allocation).
const neitherCountNorList = "data is an object with neither count nor list"

// read decodes data: an object as {count, list}, JSON text of an object in
// a string as that object, anything else as the list.
func (l *EventPublicList) read(raw jsontext.Value, opts json.Options) error {
	if raw.Kind() == '"' {
		var text string
		if err := json.Unmarshal(raw, &text); err == nil {
			if obj := jsontext.Value(strings.TrimSpace(text)); obj.Kind() == '{' && obj.IsValid() {
				return l.read(obj, opts)
			}
		}
	}
	if raw.Kind() != '{' {
		return json.Unmarshal(raw, &l.Events, opts)
	}
	var page eventPublicObject
	if err := json.Unmarshal(raw, &page, opts); err != nil {
		return err
	}
	if page.Count == nil && page.List == nil {
		return errors.New(neitherCountNorList)
	}
	l.Events, l.Count = page.List, page.Count
	return nil
}

// eventPublicPageSize is the server's default count.
const eventPublicPageSize = 20

var opEventPublicList = Operation{Family: FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/event/public/list", Idempotent: true}

// ListPublic returns one page of events of a public type (non-public,
// public or all), for one host or the whole customer. Pages are numbered
// from 0. It replaces /eventopenapi/event/list. req may be nil: every field
// is optional.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/449
//
//quanshi:operation POST /eventopenapi/event/public/list
func (s *EventService) ListPublic(ctx context.Context, req *EventListPublicRequest, opts ...CallOption) (*EventPublicList, error) {
	req = orEmpty(req)
	v := newCheck(opEventPublicList)
	if req.ListType != nil {
		v.rulef(*req.ListType >= EventListNonPublic && *req.ListType <= EventListAll, "listType", "must be 0, 1 or 2, got %d", *req.ListType)
	}
	v.rule(req.To.IsZero() || req.From.IsZero() || !req.To.Before(req.From), "endTime", "must not be before startTime")
	v.rule(req.Page >= 0, "page", "must not be negative")
	v.rule(req.Count >= 0, "count", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*EventListPublicRequest
		StartTime unixSeconds `json:"startTime,omitzero"`
		EndTime   unixSeconds `json:"endTime,omitzero"`
	}{req, unixSeconds(req.From), unixSeconds(req.To)}
	return callFor[EventPublicList](ctx, s.caller(), opEventPublicList, body, opts)
}

// ListPublicIter iterates over every event ListPublic finds, page by page
// from req.Page (default 0), stopping at the first short or empty page (or
// at data.count, when the server sends one). An error is yielded once and
// ends the iteration. req is copied, not changed.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/449
//
//quanshi:operation POST /eventopenapi/event/public/list
func (s *EventService) ListPublicIter(ctx context.Context, req *EventListPublicRequest, opts ...CallOption) iter.Seq2[*Event, error] {
	base := *orEmpty(req)
	base.Count = cmp.Or(base.Count, eventPublicPageSize)
	return eventPaged(ctx, base.Page, base.Count, func(ctx context.Context, page int) ([]Event, int, error) {
		r := base
		r.Page = page
		out, err := s.ListPublic(ctx, &r, opts...)
		if err != nil {
			return nil, 0, err
		}
		total := 0 // unknown: a bare list carries no total
		if out.Count != nil {
			total = *out.Count
		}
		return out.Events, total, nil
	})
}

// EventControlRequest changes a running event's meeting: mute everyone,
// lock it, open or close the waiting room. A nil switch is left as it is.
type EventControlRequest struct {
	// EventID (eventId) is the event's id. Required.
	EventID int64 `json:"eventId"`
	// OperatorID (operatorId) identifies who operates.
	OperatorID string `json:"operatorId,omitempty"`
	// MuteAll: mute everyone (muteAll, sent as 0/1).
	MuteAll *bool `json:"-"`
	// Lock: true locks the meeting (which opens the waiting room), false
	// unlocks it (the waiting room stays open unless WaitingRoom is false);
	// sent as lock 0/1.
	Lock *bool `json:"-"`
	// WaitingRoom: true opens the waiting room, false closes it; ignored
	// while Lock is true. Sent as waitingRoom 0/1.
	WaitingRoom *bool `json:"-"`
}

var opEventControl = Operation{Family: FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/realtime/meeting/control"}

// Control mutes everyone in a running event, locks or unlocks it, or opens
// or closes its waiting room.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/563
//
//quanshi:operation POST /eventopenapi/realtime/meeting/control
func (s *EventService) Control(ctx context.Context, req *EventControlRequest, opts ...CallOption) error {
	if err := notNil(opEventControl, req); err != nil {
		return err
	}
	v := newCheck(opEventControl)
	v.rule(req.EventID > 0, "eventId", "is required")
	if err := v.err(); err != nil {
		return err
	}
	body := struct {
		*EventControlRequest
		MuteAll     *int `json:"muteAll,omitzero"`
		Lock        *int `json:"lock,omitzero"`
		WaitingRoom *int `json:"waitingRoom,omitzero"`
	}{req, bit(req.MuteAll), bit(req.Lock), bit(req.WaitingRoom)}
	return s.caller().call(ctx, opEventControl, body, nil, opts...)
}

// eventPaged is the numbered-page iterator of the event, dashboard and
// umeeting lists. Each range over it starts again from the first page.
func eventPaged[T any](ctx context.Context, first, size int, fetch func(ctx context.Context, page int) ([]T, int, error)) iter.Seq2[*T, error] {
	return iterate(ctx, numberedPages(first, size, fetch))
}
