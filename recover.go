package quanshi

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Recovering after ErrOutcomeUnknown. A create whose answer was lost may or
// may not have booked its meeting; sending it again may book it twice. Each
// create has a Find helper that reads the host's bookings around the start
// and returns the one with the same title and start minute:
//
//	conf, err := client.Conference.Create(ctx, req)
//	if errors.Is(err, quanshi.ErrOutcomeUnknown) {
//		item, ferr := client.Conference.FindCreated(ctx, &quanshi.ConferenceFindRequest{
//			UserID: req.UserID, Title: req.Title, Start: req.StartTime})
//		switch {
//		case ferr == nil: // booked: use item.ConferenceID
//		case errors.Is(ferr, quanshi.ErrNotBooked): // not booked: safe to create again
//		default: // still unknown: try the lookup later
//		}
//	}
//
// A lookup right after the failure can miss a booking the server is still
// writing; wait a few seconds first when the failure was a timeout.
//
// A lookup may take several list calls: CallTimeout bounds all of them
// together. The list methods do not take per-call options yet, so the
// other options (retry policy, CaptureResponse) do not reach them.

// ErrNotBooked is returned by the Find helpers when no booking of the host
// matches: the create did not book (as far as the list shows).
var ErrNotBooked = errors.New("quanshi: no matching booking found")

// notBookedError names the lookup that found nothing.
type notBookedError struct{ op string }

func (e *notBookedError) Error() string   { return e.op + ": " + ErrNotBooked.Error() }
func (e *notBookedError) Is(t error) bool { return t == ErrNotBooked }

func errNotBooked(op Operation) error { return &notBookedError{op: op.String()} }

// findWindow is how far around the start the lookups list: the API keeps
// minutes, and a list may compare the start exclusively.
const findWindow = time.Minute

// sameBooking reports whether a listed booking has the title and start
// minute a create sent (titles compared without surrounding spaces).
func sameBooking(title string, start time.Time, gotTitle string, gotStart time.Time) bool {
	return strings.TrimSpace(title) == strings.TrimSpace(gotTitle) &&
		start.Truncate(time.Minute).Equal(gotStart.Truncate(time.Minute))
}

// findCheck rejects a lookup without its host, title or start.
func findCheck(op Operation, hostOK bool, hostField, titleField, title string, start time.Time) error {
	v := newCheck(op)
	v.rule(hostOK, hostField, "is required")
	v.required(titleField, title)
	v.rule(!start.IsZero(), "start", "is required")
	return v.err()
}

// ConferenceFindRequest names the booking a Conference.Create whose answer
// was lost meant to make.
type ConferenceFindRequest struct {
	// UserID is the host, as sent in the create (UserID or Email).
	UserID int64
	// Email is the host's e-mail, used when UserID is 0.
	Email string
	// Title is the meeting's subject, as sent.
	Title string
	// Start is the meeting's start, as sent.
	Start time.Time
}

// FindCreated finds out whether a Conference.Create that failed with
// ErrOutcomeUnknown booked its meeting: it lists the host's meetings around
// the start and returns the one with the same subject and start minute, or
// an error matching ErrNotBooked.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/business/getConferenceList
func (s *ConferenceService) FindCreated(ctx context.Context, req *ConferenceFindRequest, opts ...CallOption) (*ConferenceListItem, error) {
	op := opConferenceList
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	if err := findCheck(op, req.UserID > 0 || strings.TrimSpace(req.Email) != "", "userId", "title", req.Title, req.Start); err != nil {
		return nil, err
	}
	ctx, cancel := settingsFrom(opts).withTimeout(ctx)
	defer cancel()
	list, err := s.List(ctx, &ConferenceListRequest{UserID: req.UserID, EmailAccount: req.Email,
		From: req.Start.Add(-findWindow), To: req.Start.Add(findWindow)})
	if err != nil {
		return nil, err
	}
	for i := range list.Conferences {
		c := &list.Conferences[i]
		if sameBooking(req.Title, req.Start, c.ConferenceTitle, c.StartTime) {
			return c, nil
		}
	}
	return nil, errNotBooked(op)
}

// RoomFindRequest names the booking a Room.Create whose answer was lost
// meant to make.
type RoomFindRequest struct {
	// UserID is the host. Required (the list takes no e-mail).
	UserID int64
	// Title is the meeting's subject, as sent.
	Title string
	// Start is the meeting's start, as sent.
	Start time.Time
}

// FindCreated finds out whether a Room.Create that failed with
// ErrOutcomeUnknown booked its meeting: it lists the host's meetings around
// the start and returns the one with the same subject and start minute, or
// an error matching ErrNotBooked.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/161
//
//quanshi:operation POST /confopenapi/room/conference/list
func (s *RoomService) FindCreated(ctx context.Context, req *RoomFindRequest, opts ...CallOption) (*Meeting, error) {
	op := opRoomList
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	if err := findCheck(op, req.UserID > 0, "userId", "title", req.Title, req.Start); err != nil {
		return nil, err
	}
	ctx, cancel := settingsFrom(opts).withTimeout(ctx)
	defer cancel()
	list, err := s.List(ctx, &RoomListRequest{UserID: req.UserID,
		From: req.Start.Add(-findWindow), To: req.Start.Add(findWindow)})
	if err != nil {
		return nil, err
	}
	for i := range list.Meetings {
		if m := &list.Meetings[i]; sameBooking(req.Title, req.Start, m.Title, m.StartTime) {
			return m, nil
		}
	}
	return nil, errNotBooked(op)
}

// EventFindRequest names the event an Event.Create whose answer was lost
// meant to create.
type EventFindRequest struct {
	// HostID is the host, as sent. Required.
	HostID int64
	// Title is the event's subject, as sent.
	Title string
	// Start is the event's start, as sent.
	Start time.Time
}

// FindCreated finds out whether an Event.Create that failed with
// ErrOutcomeUnknown created its event: it lists the host's events (public
// or not) around the start and returns the one with the same subject and
// start minute, or an error matching ErrNotBooked.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/449
//
//quanshi:operation POST /eventopenapi/event/public/list
func (s *EventService) FindCreated(ctx context.Context, req *EventFindRequest, opts ...CallOption) (*Event, error) {
	op := opEventPublicList
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	if err := findCheck(op, req.HostID > 0, "hostId", "title", req.Title, req.Start); err != nil {
		return nil, err
	}
	ctx, cancel := settingsFrom(opts).withTimeout(ctx)
	defer cancel()
	all := EventListAll
	list := &EventListPublicRequest{HostID: req.HostID, ListType: &all,
		From: req.Start.Add(-findWindow), To: req.Start.Add(findWindow)}
	for ev, err := range s.ListPublicIter(ctx, list) {
		if err != nil {
			return nil, err
		}
		if sameBooking(req.Title, req.Start, ev.Title, ev.StartTime) {
			return ev, nil
		}
	}
	return nil, errNotBooked(op)
}

// UMeetingFindRequest names the meeting a UMeeting.Schedule whose answer
// was lost meant to book.
type UMeetingFindRequest struct {
	// UserKey is the booking user's key, as sent; "" searches every online
	// meeting.
	UserKey string
	// Topic is the meeting's subject, as sent.
	Topic string
	// Start is the meeting's start, as sent.
	Start time.Time
}

// FindScheduled finds out whether a UMeeting.Schedule that failed with
// ErrOutcomeUnknown booked its meeting: it pages through the online
// meetings booked with the user key and returns the one with the same topic
// and start minute, or an error matching ErrNotBooked.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/zai-xian-hui-yi-cha-xun-jie-kou.md
//
//quanshi:operation POST /umeeting/share/list
func (s *UMeetingService) FindScheduled(ctx context.Context, req *UMeetingFindRequest, opts ...CallOption) (*UMeeting, error) {
	op := opUMeetingList
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	if err := findCheck(op, true, "user_key", "topic", req.Topic, req.Start); err != nil {
		return nil, err
	}
	ctx, cancel := settingsFrom(opts).withTimeout(ctx)
	defer cancel()
	for m, err := range s.ListIter(ctx, &UMeetingListRequest{UserKey: req.UserKey}) {
		if err != nil {
			return nil, err
		}
		if sameBooking(req.Topic, req.Start, m.Topic, m.StartTime) {
			return m, nil
		}
	}
	return nil, errNotBooked(op)
}
