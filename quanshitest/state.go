package quanshitest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// state is everything the sandbox remembers. It is guarded by Server.mu:
// handlers run with the lock held.
type state struct {
	meetings []*meeting // in creation order
	byConf   map[string]*meeting
	byEvent  map[int64]*meeting
	byTemp   map[string]*meeting
	users    map[int64]*user
	byEmail  map[string]*user
	// families holds state only one family has (event parents, umeeting
	// meetings), keyed by the family's name; see familyState.
	families map[string]any

	nextConf, nextEvent, nextTemp, nextPcode, nextUser int64
}

// familyState returns the state a family keeps for itself, making it with
// newState on first use:
//
//	func (st *state) umeetings() *umeetingStore {
//		return familyState(st, "umeeting", newUMeetingStore)
//	}
func familyState[T any](st *state, name string, newState func() *T) *T {
	if v, ok := st.families[name]; ok {
		return v.(*T)
	}
	v := newState()
	st.families[name] = v
	return v
}

// meetingState returns the state a family keeps on one meeting (its own
// request fields, for read-back), making it with newState on first use.
func meetingState[T any](m *meeting, name string, newState func() *T) *T {
	if v, ok := m.Extra[name]; ok {
		return v.(*T)
	}
	v := newState()
	m.Extra[name] = v
	return v
}

func newState() *state {
	st := &state{
		byConf: map[string]*meeting{}, byEvent: map[int64]*meeting{}, byTemp: map[string]*meeting{},
		users: map[int64]*user{}, byEmail: map[string]*user{}, families: map[string]any{},
		nextConf: 239139091, nextEvent: 1165158, nextTemp: 56039682, nextPcode: 33329181, nextUser: 81299515,
	}
	st.addUser(&user{ID: DefaultAdminUserID, Email: DefaultAdminEmail, Name: "admin", Mobile: "13800000000"})
	return st
}

// user is an account of the sandbox's directory. Unknown ids and e-mail
// addresses are provisioned on first use, so any host can book.
type user struct {
	ID     int64
	Email  string
	Name   string
	Mobile string
}

func (st *state) addUser(u *user) *user {
	st.users[u.ID] = u
	if u.Email != "" {
		st.byEmail[strings.ToLower(u.Email)] = u
	}
	return u
}

// userFor finds (or provisions) the user named by id, or else by e-mail.
func (st *state) userFor(id int64, email string) (*user, error) {
	switch {
	case id > 0:
		if u, ok := st.users[id]; ok {
			return u, nil
		}
		return st.addUser(&user{ID: id, Email: fmt.Sprintf("user%d@sandbox.quanshi.test", id), Name: fmt.Sprintf("user%d", id)}), nil
	case email != "":
		if u, ok := st.byEmail[strings.ToLower(email)]; ok {
			return u, nil
		}
		name, _, _ := strings.Cut(email, "@")
		st.nextUser++
		return st.addUser(&user{ID: st.nextUser, Email: email, Name: name}), nil
	}
	return nil, fail(codeInvalidParameter, "userId or email is required")
}

// meeting is one scheduled meeting, whichever family created it. Every
// family reads and changes the same meetings, so a meeting booked through
// /conference is visible through /confopenapi/room and the dashboard.
type meeting struct {
	ConferenceID     string
	TempConferenceID string
	EventID          int64
	// Source is the family that created it: "conference", "room" or "event".
	Source   string
	Title    string
	Summary  string
	Host     *user
	Invitees []*user
	Start    time.Time
	Length   int // minutes
	PCode1   string
	PCode2   string
	Billing  string
	Created  time.Time
	Modified time.Time
	// Cancelled meetings stay in the store (lists report them as cancelled).
	Cancelled bool
	// Boxes are the hardware boxes bound to it.
	Boxes []string
	// RoomIDs are the meeting rooms booked with it.
	RoomIDs []int64
	// RecordingDeleted is set once its recording was deleted.
	RecordingDeleted bool
	// Extra holds what each family keeps on the meeting; see meetingState.
	Extra map[string]any
}

// customerCode is the sandbox customer's code ("客户编码"), in every answer
// that names the customer.
const customerCode = "0001"

// Hosts of the links the sandbox hands out.
const (
	linkShortHost = "https://s.sandbox.quanshi.test"
	linkMeetHost  = "https://meet.sandbox.quanshi.test"
	linkLiveHost  = "https://live.sandbox.quanshi.test"
)

// meetingLinks are a meeting's join links. Every family answers with these
// same links for the same meeting.
type meetingLinks struct {
	Host, Attendee         string // short links: /k/h<id>, /k/a<id>
	HostLong, AttendeeLong string // long links carrying the pcode
	Wcall                  string // phone-join link
	WebRTC                 string // join in a browser
	Live                   string // live-stream page
	Pull                   string // live-stream pull URL
}

// links derives the meeting's join links from its ids.
func (m *meeting) links() meetingLinks {
	long := func(pcode string) string {
		return linkMeetHost + "/join/" + m.ConferenceID + "?pcode=" + pcode
	}
	return meetingLinks{
		Host:         linkShortHost + "/k/h" + m.ConferenceID,
		Attendee:     linkShortHost + "/k/a" + m.ConferenceID,
		HostLong:     long(m.PCode1),
		AttendeeLong: long(m.PCode2),
		Wcall:        linkShortHost + "/w/" + m.ConferenceID,
		WebRTC:       linkShortHost + "/k/a" + m.ConferenceID + "?priority=web",
		Live:         linkLiveHost + "/activity/p" + m.ConferenceID,
		Pull:         linkLiveHost + "/3/" + m.ConferenceID,
	}
}

// End is when the meeting is due to end.
func (m *meeting) End() time.Time { return m.Start.Add(time.Duration(m.Length) * time.Minute) }

// Status is the meeting's state at now: created before its start, in
// progress until its end, ended after; a cancelled meeting is gone (0).
func (m *meeting) Status(now time.Time) quanshi.ConferenceStatus {
	switch {
	case m.Cancelled:
		return quanshi.ConferenceStatusNone
	case now.Before(m.Start):
		return quanshi.ConferenceStatusCreated
	case now.Before(m.End()):
		return quanshi.ConferenceStatusInProgress
	default:
		return quanshi.ConferenceStatusEnded
	}
}

// newMeeting books a meeting and gives it its ids and passwords.
func (st *state) newMeeting(source string, host *user, title string, start time.Time, length int, now time.Time) *meeting {
	m := &meeting{
		ConferenceID:     strconv.FormatInt(st.nextConf, 10),
		TempConferenceID: strconv.FormatInt(st.nextTemp, 10),
		EventID:          st.newEventID(),
		Source:           source,
		Title:            title,
		Host:             host,
		Start:            start.In(quanshi.Beijing),
		Length:           length,
		PCode1:           fmt.Sprintf("2015010000%08d", st.nextPcode),
		PCode2:           fmt.Sprintf("2015010000%08d", st.nextPcode+1),
		Billing:          strconv.FormatInt(93712151+st.nextConf-239139091, 10),
		Created:          now,
		Modified:         now,
		Extra:            map[string]any{},
	}
	st.nextConf++
	st.nextTemp++
	st.nextPcode += 2
	st.meetings = append(st.meetings, m)
	st.byConf[m.ConferenceID] = m
	st.byEvent[m.EventID] = m
	st.byTemp[m.TempConferenceID] = m
	return m
}

// newEventID hands out the next eventId; event parents and meetings share
// one id space.
func (st *state) newEventID() int64 {
	id := st.nextEvent
	st.nextEvent++
	return id
}

// byConference finds a meeting by conferenceId; unknown ids are a 50709.
func (st *state) byConference(id string) (*meeting, error) {
	if m, ok := st.byConf[strings.TrimSpace(id)]; ok {
		return m, nil
	}
	return nil, fail(codeConferenceNotFound, "conference %s does not exist", id)
}

// byEventID finds a meeting by eventId; unknown ids are a 50709.
func (st *state) byEventID(id int64) (*meeting, error) {
	if m, ok := st.byEvent[id]; ok {
		return m, nil
	}
	return nil, fail(codeConferenceNotFound, "event %d does not exist", id)
}

// byTempID finds a meeting by tempConferenceId; unknown ids are a 50709.
func (st *state) byTempID(id string) (*meeting, error) {
	if m, ok := st.byTemp[strings.TrimSpace(id)]; ok {
		return m, nil
	}
	return nil, fail(codeConferenceNotFound, "temp conference %s does not exist", id)
}

// find returns the meetings keep accepts, by start time then conferenceId.
func (st *state) find(keep func(*meeting) bool) []*meeting {
	var out []*meeting
	for _, m := range st.meetings {
		if keep(m) {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b *meeting) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return strings.Compare(a.ConferenceID, b.ConferenceID)
	})
	return out
}

// attendee is one participant of an ended meeting, as reports show them.
type attendee struct {
	User  *user
	Role  string // "host" or "attendee"
	Join  time.Time
	Leave time.Time
}

// attendees derives the participants of an ended meeting: the host for the
// whole meeting, each invitee joining a minute later than the one before and
// leaving at the end.
func (m *meeting) attendees() []attendee {
	out := []attendee{{User: m.Host, Role: "host", Join: m.Start, Leave: m.End()}}
	for i, u := range m.Invitees {
		join := m.Start.Add(time.Duration(i+1) * time.Minute)
		if join.After(m.End()) {
			join = m.End()
		}
		out = append(out, attendee{User: u, Role: "attendee", Join: join, Leave: m.End()})
	}
	return out
}

// ended reports a 50709-style failure unless the meeting has ended, which is
// when reports and recordings exist.
func (m *meeting) ended(now time.Time) error {
	if m.Status(now) != quanshi.ConferenceStatusEnded {
		return fail(codeConferenceNotFound, "conference %s has not ended: no report or recording yet", m.ConferenceID)
	}
	return nil
}
