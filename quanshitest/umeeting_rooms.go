package quanshitest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// The umeeting public rooms: the licence holds umLicence rooms of each
// size; a meeting goes into the first room of its size free for all its
// occurrences, or into an extra room made up for it (is_extra 1, as the
// statistics pages describe) when none is. Also the rest of the meeting
// management (instant, token, resetCapacity, live deletion) and room
// monitoring (rooms, freeRooms, licensing, meetingdetail).

const (
	pathUMInstant       = "/umeeting/share/instant"
	pathUMToken         = "/umeeting/share/token"
	pathUMResetCapacity = "/umeeting/share/resetCapacity"
	pathUMLive          = "/umeeting/live"
	pathUMRooms         = "/umeeting/share/rooms"
	pathUMFreeRooms     = "/umeeting/share/freeRooms"
	pathUMLicensing     = "/umeeting/licensing"
	pathUMMeetingDetail = "/umeeting/share/meetingdetail"

	// umInstantMinutes is an instant meeting's length when the form gives
	// none (the vendor documents no default).
	umInstantMinutes = 60
)

// umLicence is the sandbox account's licence: rooms of each size.
var umLicence = map[int]int{10: 2, 25: 3, 50: 2, 100: 2, 300: 1, 500: 1}

func umeetingMoreRoutes() []*route {
	return []*route{
		endpoint(pathUMInstant, handleUMInstant),
		endpoint(pathUMToken, handleUMToken),
		{method: http.MethodPost, path: pathUMResetCapacity, params: 1, handle: handleUMResetCapacity},
		{method: http.MethodPost, path: pathUMLive, params: 2, handle: handleUMDeleteLive},
		endpoint(pathUMRooms, handleUMRooms),
		endpoint(pathUMFreeRooms, handleUMFreeRooms),
		endpoint(pathUMLicensing, handleUMLicensing),
		endpoint(pathUMMeetingDetail, handleUMMeetingDetail),
	}
}

// umRoom is a public room.
type umRoom struct {
	HostID, Email, Name string
	Capacity            int
	Extra               bool
	// meetings are the meetings placed in the room (deleted ones too).
	meetings []*umMeeting
}

// roomList returns the licensed rooms (made once) and the extra ones.
func (us *umStore) roomList() []*umRoom {
	return slices.Concat(us.licensed(), us.extra)
}

// licensed returns the licensed rooms, made on first use.
func (us *umStore) licensed() []*umRoom {
	if us.rooms == nil {
		sizes := make([]int, 0, len(umLicence))
		for size := range umLicence {
			sizes = append(sizes, size)
		}
		slices.Sort(sizes)
		for _, size := range sizes {
			for i := range umLicence[size] {
				r := &umRoom{Capacity: size, Name: fmt.Sprintf("%d方会议室", size)}
				r.HostID = fmt.Sprintf("room%d-%s", size, eventCode("umeeting room", strconv.Itoa(size)))
				r.Email = fmt.Sprintf("room%d@umeet.sandbox.test", size)
				if i > 0 {
					r.HostID = fmt.Sprintf("room%d-%s", size, eventCode("umeeting room", strconv.Itoa(size), strconv.Itoa(i)))
					r.Email = fmt.Sprintf("room%d-%d@umeet.sandbox.test", size, i+1)
					r.Name += strconv.Itoa(i + 1)
				}
				us.rooms = append(us.rooms, r)
			}
		}
	}
	return us.rooms
}

// busy reports whether a public meeting other than skip occupies room at
// some time of [from, to).
func (us *umStore) busy(room *umRoom, from, to time.Time, skip *umMeeting) bool {
	for _, m := range room.meetings {
		if m == skip || m.Room != room || m.Deleted {
			continue
		}
		for _, o := range m.Occurrences {
			end := o.end()
			if !o.EndedAt.IsZero() && o.EndedAt.Before(end) {
				end = o.EndedAt
			}
			if o.DeletedAt.IsZero() && o.Start.Before(to) && from.Before(end) {
				return true
			}
		}
	}
	return false
}

// place puts m into the room roomFor chooses.
func (us *umStore) place(m *umMeeting, now time.Time) {
	r := us.roomFor(m, now)
	if r == m.Room {
		return
	}
	if old := m.Room; old != nil {
		old.meetings = slices.DeleteFunc(old.meetings, func(x *umMeeting) bool { return x == m })
	}
	m.Room = r
	r.meetings = append(r.meetings, m)
}

// roomFor is the room m goes into: its own if it still fits, else the first
// licensed room of its size free for all its occurrences, else a new extra
// room.
func (us *umStore) roomFor(m *umMeeting, now time.Time) *umRoom {
	free := func(r *umRoom) bool {
		if r.Capacity != m.Capacity {
			return false
		}
		for _, o := range m.Occurrences {
			if o.status(now) != umCancelled && us.busy(r, o.Start, o.end(), m) {
				return false
			}
		}
		return true
	}
	if m.Room != nil && free(m.Room) {
		return m.Room
	}
	for _, r := range us.licensed() {
		if free(r) {
			return r
		}
	}
	n := len(us.rooms) + len(us.extra) + 1
	r := &umRoom{
		HostID: fmt.Sprintf("extra%d-%s", m.Capacity, eventCode("umeeting extra room", strconv.Itoa(n))),
		Email:  fmt.Sprintf("extra%d@umeet.sandbox.test", n), Name: fmt.Sprintf("临时会议室%d", n),
		Capacity: m.Capacity, Extra: true,
	}
	us.extra = append(us.extra, r)
	return r
}

// host is the meeting's host id: its room's, or the personal account's.
func (m *umMeeting) host() string {
	if m.Room == nil {
		return m.HostID
	}
	return m.Room.HostID
}

// hostEmail is the room account's e-mail ("" for a personal account).
func (m *umMeeting) hostEmail() string {
	if m.Room == nil {
		return ""
	}
	return m.Room.Email
}

// hostName is the name the statistics give the host: the room's.
func (m *umMeeting) hostName() string {
	if m.Room == nil {
		return m.HostID
	}
	return m.Room.Name
}

// kind is the list's type: 1 instant, 2 scheduled.
func (m *umMeeting) kind() int {
	if m.Instant {
		return 1
	}
	return 2
}

// handleUMInstant starts a meeting now; it runs for duration minutes (60
// when not given) unless ended.
func handleUMInstant(s *Server, c *call) (any, error) {
	f, err := umBookingForm(c, true)
	if err != nil {
		return nil, err
	}
	f.StartTime = &c.now
	f.Duration = max(f.Duration, umInstantMinutes)
	if err := f.check(); err != nil {
		return nil, err
	}
	m, err := umStoreOf(s.state).create(c, f, nil, &umMeeting{Instant: true})
	if err != nil {
		return nil, err
	}
	return umScheduleAnswer(m), nil
}

func handleUMToken(s *Server, c *call) (any, error) {
	var req umGetRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	m, _, err := umStoreOf(s.state).find(req.MeetingID)
	if err != nil {
		return nil, err
	}
	return map[string]string{"host_id": m.host(), "token": m.Token}, nil
}

// handleUMResetCapacity moves a meeting not over yet to a room of the new
// size.
func handleUMResetCapacity(s *Server, c *call) (any, error) {
	var req umCapacityForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.MeetingCapacity <= 0 {
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting_capacity is required")
	}
	us := umStoreOf(s.state)
	m, one, err := us.find(c.params[0])
	switch {
	case err != nil:
		return nil, err
	case one != nil:
		return nil, fail(codeInvalidParameter, "invalid parameter: send the meeting number, not an occurrence's uuid")
	case m.status(c.now) == umEnded:
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting %s has ended", m.ID)
	}
	m.Capacity, m.Updated = req.MeetingCapacity, c.now
	us.place(m, c.now)
	return nil, nil
}

// handleUMDeleteLive turns off the live stream of the meeting that has it.
func handleUMDeleteLive(s *Server, c *call) (any, error) {
	if c.params[1] != "delete" {
		return nil, fail(codeInvalidParameter, "invalid parameter: unknown live action %q", c.params[1])
	}
	for _, m := range umStoreOf(s.state).meetings {
		if m.LiveID != "" && m.LiveID == c.params[0] && m.AllowLiveStreaming {
			m.AllowLiveStreaming, m.LiveID, m.Updated = false, "", c.now
			return nil, nil
		}
	}
	return nil, fail(codeConferenceNotFound, "live %s does not exist", c.params[0])
}

// handleUMRooms lists every room with its booked and running meetings, in
// the page's forms (numbers as strings).
func handleUMRooms(s *Server, c *call) (any, error) {
	us := umStoreOf(s.state)
	out := []map[string]any{}
	for _, r := range us.roomList() {
		meetings := []map[string]string{}
		for _, m := range r.meetings {
			st := m.status(c.now)
			if m.Deleted || (st != umBooked && st != umRunning) {
				continue
			}
			meetings = append(meetings, map[string]string{
				"duration": strconv.Itoa(m.Duration), "start_time": quanshi.FormatWallClock(m.current(c.now).Start),
				"host_key": m.HostKey, "topic": m.Topic, "meeting_capacity": strconv.Itoa(m.Capacity), "id": m.ID,
				"type": strconv.Itoa(m.kind()), "status": strconv.Itoa(st),
			})
		}
		out = append(out, map[string]any{
			"id": r.HostID, "email": r.Email, "first_name": r.Name, "meeting_capacity": strconv.Itoa(r.Capacity), "meetings": meetings,
		})
	}
	return out, nil
}

func handleUMFreeRooms(s *Server, c *call) (any, error) {
	var req umFreeRoomsForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case req.MeetingCapacity <= 0:
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting_capacity is required")
	case req.StartTime == nil || req.StartTime.IsZero():
		return nil, fail(codeInvalidParameter, "invalid parameter: start_time is required (yyyy-MM-dd HH:mm:ss)")
	case req.Duration <= umMinDuration:
		return nil, fail(codeInvalidParameter, "invalid parameter: duration must be more than %d minutes, got %d", umMinDuration, req.Duration)
	}
	us := umStoreOf(s.state)
	total, free := 0, 0
	end := req.StartTime.Add(time.Duration(req.Duration) * time.Minute)
	for _, r := range us.licensed() {
		if r.Capacity != req.MeetingCapacity {
			continue
		}
		total++
		if !us.busy(r, *req.StartTime, end, nil) {
			free++
		}
	}
	return map[string]int{"total": total, "free": free}, nil
}

// handleUMLicensing answers the licence as the page shows it: payType "1"
// (by room size), no expiry, the number of rooms of each size.
func handleUMLicensing(*Server, *call) (any, error) {
	capacity := map[string]int{}
	for size, n := range umLicence {
		capacity[strconv.Itoa(size)] = n
	}
	return map[string]any{"payType": "1", "expire_date": nil, "capacity": capacity}, nil
}

// handleUMMeetingDetail serves both pages of the path: with uuid, the
// statistics' reports of meeting records; with meeting_id and type, the
// monitoring's meeting with one page of its participants.
func handleUMMeetingDetail(s *Server, c *call) (any, error) {
	var req umDetailForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	us := umStoreOf(s.state)
	if req.UUID != "" {
		return us.reports(strings.Split(req.UUID, ","), c.now), nil
	}
	if req.Type != 1 && req.Type != 2 {
		return nil, fail(codeInvalidParameter, "invalid parameter: type must be 1 (online) or 2 (history), got %d", req.Type)
	}
	m, _, err := us.find(req.MeetingID)
	if err != nil {
		return nil, err
	}
	st := m.status(c.now)
	if online := st == umBooked || st == umRunning; online != (req.Type == 1) {
		return nil, fail(codeConferenceNotFound, "meeting %s is not among the %s meetings", m.ID, map[int]string{1: "online", 2: "past"}[req.Type])
	}
	o := m.current(c.now)
	size, number := max(req.PageSize, 0), max(req.PageNumber, 1)
	if size == 0 {
		size = 100 // the page's example answers page_size 100
	}
	people := o.participants(c.now)
	out := o.record(c.now, true)
	out["type"] = "Live Meeting"
	out["participants_count"] = len(people)
	out["page_count"] = (len(people) + size - 1) / size
	out["page_number"], out["page_size"] = number, size
	out["participants"] = eventPageOf(umParticipantsUTC(people), number-1, size)
	return out, nil
}

// umCapacityForm is the form of resetCapacity.
type umCapacityForm struct {
	MeetingCapacity int `json:"meeting_capacity"`
}

// umFreeRoomsForm is the form of freeRooms.
type umFreeRoomsForm struct {
	MeetingCapacity int        `json:"meeting_capacity"`
	StartTime       *time.Time `json:"start_time"`
	Duration        int        `json:"duration"`
}

// umDetailForm is the form of meetingdetail (both of its pages).
type umDetailForm struct {
	UUID       string `json:"uuid"`
	MeetingID  string `json:"meeting_id"`
	Type       int    `json:"type"`
	PageSize   int    `json:"page_size"`
	PageNumber int    `json:"page_number"`
}
