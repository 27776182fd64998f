package quanshitest

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// The /confopenapi/room endpoints book meetings with meeting rooms
// (reservConference, updateReservConference, cancelReservConference) and
// describe them (conference/infos, conference/list, conference/listByAdmin).
// Meetings they book are the store's shared meetings, so /conference and the
// dashboard see them; what only this family knows (the switches, the meeting
// rooms, the recurrence) is kept on the meeting with meetingState(m, "room").
//
// Recurring meetings: a booking with cycle "1" is one meeting in the store
// whose occurrences follow its cycleRole up to repeatEndDate (or for at most
// roomMaxOccurrences occurrences); the series begins on the first day the
// rule gives from starttime on (starttime itself when it fits the rule, or a
// byday/bymonthday is not given). The meeting's start is its first
// occurrence that is not cancelled, and it is that occurrence which runs on
// the sandbox's clock (in progress, ended, report and recording). The later
// occurrences are listed by conference/list with inCycle 1, each on its own
// times. cancelReservConference with singleStartTime cancels one occurrence:
// it stays listed with status 0, and cancelling the first one moves the
// meeting to the next; cancelling the last remaining one cancels the meeting.
// For a single meeting, singleStartTime must be its start and cancels it.

const (
	pathRoomCreate      = "/confopenapi/room/reservConference"
	pathRoomUpdate      = "/confopenapi/room/updateReservConference"
	pathRoomCancel      = "/confopenapi/room/cancelReservConference"
	pathRoomInfos       = "/confopenapi/room/conference/infos"
	pathRoomList        = "/confopenapi/room/conference/list"
	pathRoomListByAdmin = "/confopenapi/room/conference/listByAdmin"
)

// roomRoutes are the /confopenapi/room endpoints, recordings and reports.
func roomRoutes() []*route {
	return []*route{
		endpoint(pathRoomCreate, handleRoomCreate),
		endpoint(pathRoomUpdate, handleRoomUpdate),
		endpoint(pathRoomCancel, handleRoomCancel),
		endpoint(pathRoomInfos, handleRoomInfos),
		endpoint(pathRoomList, handleRoomList),
		endpoint(pathRoomListByAdmin, handleRoomListByAdmin),
		endpoint(pathRecList, handleRecList),
		endpoint(pathRecDelete, handleRecDelete),
		endpoint(pathRecGet, handleRecGet),
		endpoint(pathReportGet, handleReportGet),
	}
}

// roomMeeting is what the room endpoints keep on a meeting: the booking's
// fields the shared store has no place for, read back by infos and lists.
type roomMeeting struct {
	LiveOpenFlag   int
	LivePassword   string
	AutoVideo      int
	HardwareVideo  int
	JoinLogin      int
	UseWaitingRoom int
	OpenWatchword  int
	EventWatchword string
	JoinConfSelTag int
	JoinConfTags   string
	ConfMode       int
	IsGnet         int
	Hide           int
	ReservDevices  int
	// Rooms are the booked meeting rooms, as composeRoomList gave them.
	Rooms []roomComposeRoom
	// External are the invitees given by e-mail address (userType 2).
	External map[int64]bool
	// Cycle is the recurrence of a recurring meeting; nil for a single one.
	Cycle *roomCycle
}

func roomNewMeeting() *roomMeeting {
	return &roomMeeting{IsGnet: 1, External: map[int64]bool{}}
}

// roomStateOf is the room family's state on a meeting, with the defaults a
// meeting booked through another family has.
func roomStateOf(m *meeting) *roomMeeting { return meetingState(m, "room", roomNewMeeting) }

// roomComposeRoom is one entry of composeRoomList.
type roomComposeRoom struct {
	RoomID     int64   `json:"roomId"`
	IsMainRoom int     `json:"isMainRoom"`
	EquipIDs   []int64 `json:"equipIdList"`
}

// roomBookingRequest is the body of reservConference and
// updateReservConference (eventId and conferenceId only for the update).
type roomBookingRequest struct {
	EventID         int64              `json:"eventId"`
	ConferenceID    string             `json:"conferenceId"`
	UserID          int64              `json:"userId"`
	Email           string             `json:"email"`
	Title           string             `json:"title"`
	Length          int                `json:"length"`
	StartTime       string             `json:"starttime"`
	Summary         string             `json:"summary"`
	Participants    *string            `json:"participantsLists"`
	LiveOpenFlag    int                `json:"liveOpenFlag"`
	LivePassword    string             `json:"livePassword"`
	AutoVideo       int                `json:"autoVideo"`
	HardwareVideo   int                `json:"hardwareVideo"`
	JoinLogin       int                `json:"joinLogin"`
	UseWaitingRoom  int                `json:"useWaitingRoom"`
	OpenWatchword   int                `json:"openWatchword"`
	EventWatchword  string             `json:"eventWatchword"`
	JoinConfSelTag  int                `json:"joinConfSelTag"`
	JoinConfTags    string             `json:"joinConfTags"`
	ConfMode        int                `json:"confMode"`
	IsGnet          *int               `json:"isGnet"`
	Hide            int                `json:"hide"`
	ReservDevices   int                `json:"reservDevices"`
	Cycle           string             `json:"cycle"`
	RepeatEndDate   string             `json:"repeatEndDate"`
	CycleRole       *roomCycleRule     `json:"cycleRole"`
	ComposeRoomList *[]roomComposeRoom `json:"composeRoomList"`
}

// roomBooking is a checked booking request.
type roomBooking struct {
	req     *roomBookingRequest
	host    *user
	start   time.Time
	cycle   *roomCycle
	invited []*user
	// external are the invitees named by e-mail address.
	external map[int64]bool
}

// roomCheckBooking checks a booking the way the API documents it and
// resolves its host and participants (provisioning unknown ones).
func roomCheckBooking(st *state, req *roomBookingRequest) (*roomBooking, error) {
	if req.UserID < 0 {
		return nil, fail(codeInvalidParameter, "userId must not be negative")
	}
	if req.UserID == 0 && strings.TrimSpace(req.Email) == "" {
		return nil, fail(codeInvalidParameter, "userId or email is required")
	}
	if req.UserID == 0 && !roomEmail(req.Email) {
		return nil, fail(codeInvalidParameter, "email %q is not an e-mail address", req.Email)
	}
	if strings.TrimSpace(req.Title) == "" {
		return nil, fail(codeInvalidParameter, "title is required")
	}
	if req.Length <= 0 {
		return nil, fail(codeInvalidParameter, "length must be a positive number of minutes")
	}
	start, err := time.ParseInLocation("2006-01-02 15:04:05", strings.TrimSpace(req.StartTime), quanshi.Beijing)
	if err != nil {
		return nil, fail(codeInvalidParameter, "starttime %q is not a time like 2013-05-30 14:41:20", req.StartTime)
	}
	isGnet := 1
	if req.IsGnet != nil {
		isGnet = *req.IsGnet
	}
	for _, sw := range []struct {
		name  string
		value int
	}{
		{"liveOpenFlag", req.LiveOpenFlag}, {"joinLogin", req.JoinLogin}, {"useWaitingRoom", req.UseWaitingRoom},
		{"openWatchword", req.OpenWatchword}, {"joinConfSelTag", req.JoinConfSelTag}, {"confMode", req.ConfMode},
		{"isGnet", isGnet}, {"hide", req.Hide}, {"reservDevices", req.ReservDevices},
	} {
		if sw.value != 0 && sw.value != 1 {
			return nil, fail(codeInvalidParameter, "%s must be 0 or 1, got %d", sw.name, sw.value)
		}
	}
	if req.JoinConfSelTag == 1 && strings.TrimSpace(req.JoinConfTags) == "" {
		return nil, fail(codeInvalidParameter, "joinConfTags is required when joinConfSelTag is 1")
	}
	if req.ComposeRoomList != nil {
		if err := roomCheckRooms(*req.ComposeRoomList); err != nil {
			return nil, err
		}
	}
	b := &roomBooking{req: req, start: start, external: map[int64]bool{}}
	if b.cycle, err = roomCheckCycle(req, start); err != nil {
		return nil, err
	}
	if b.host, err = st.userFor(req.UserID, strings.TrimSpace(req.Email)); err != nil {
		return nil, err
	}
	if req.Participants != nil {
		if b.invited, err = roomParticipants(st, *req.Participants, b.host, b.external); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func roomCheckRooms(rooms []roomComposeRoom) error {
	for i, r := range rooms {
		if r.RoomID <= 0 {
			return fail(codeInvalidParameter, "composeRoomList[%d].roomId is required", i)
		}
		if r.IsMainRoom < 0 || r.IsMainRoom > 2 {
			return fail(codeInvalidParameter, "composeRoomList[%d].isMainRoom must be 0, 1 or 2", i)
		}
		for j, id := range r.EquipIDs {
			if id <= 0 {
				return fail(codeInvalidParameter, "composeRoomList[%d].equipIdList[%d] must be a device id", i, j)
			}
		}
	}
	return nil
}

// roomParticipants reads participantsLists: UMS user ids and external
// e-mail addresses, separated by semicolons (commas are accepted too). The
// host and repeated participants are listed once.
func roomParticipants(st *state, list string, host *user, external map[int64]bool) ([]*user, error) {
	var out []*user
	seen := map[int64]bool{host.ID: true}
	for _, item := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ',' }) {
		item = strings.TrimSpace(item)
		id, perr := strconv.ParseInt(item, 10, 64)
		byEmail := perr != nil && roomEmail(item)
		switch {
		case item == "":
			continue
		case !byEmail && (perr != nil || id <= 0):
			return nil, fail(codeInvalidParameter, "participantsLists: %q is neither a user id nor an e-mail address", item)
		case byEmail:
			id = 0
		}
		u, err := st.userFor(id, item)
		if err != nil {
			return nil, err
		}
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		out = append(out, u)
		if byEmail {
			external[u.ID] = true
		}
	}
	return out, nil
}

// roomEmail is the API's loose idea of an e-mail address.
func roomEmail(s string) bool {
	local, domain, ok := strings.Cut(strings.TrimSpace(s), "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " ;,")
}

// apply writes a checked booking onto a meeting.
func (b *roomBooking) apply(m *meeting, now time.Time) {
	req := b.req
	m.Title, m.Summary, m.Length, m.Host, m.Start = req.Title, req.Summary, req.Length, b.host, b.start
	m.Modified = now
	rs := roomStateOf(m)
	rs.LiveOpenFlag, rs.LivePassword, rs.AutoVideo, rs.HardwareVideo = req.LiveOpenFlag, req.LivePassword, req.AutoVideo, req.HardwareVideo
	rs.JoinLogin, rs.UseWaitingRoom, rs.OpenWatchword, rs.EventWatchword = req.JoinLogin, req.UseWaitingRoom, req.OpenWatchword, req.EventWatchword
	rs.JoinConfSelTag, rs.JoinConfTags, rs.ConfMode, rs.Hide, rs.ReservDevices = req.JoinConfSelTag, req.JoinConfTags, req.ConfMode, req.Hide, req.ReservDevices
	rs.IsGnet = 1
	if req.IsGnet != nil {
		rs.IsGnet = *req.IsGnet
	}
	if rs.Cycle = b.cycle; rs.Cycle != nil {
		m.Start = rs.Cycle.firstStart()
	}
	if req.Participants != nil {
		m.Invitees, rs.External = b.invited, b.external
	}
	if req.ComposeRoomList != nil {
		rs.Rooms = *req.ComposeRoomList
		m.RoomIDs = m.RoomIDs[:0]
		for _, r := range rs.Rooms {
			m.RoomIDs = append(m.RoomIDs, r.RoomID)
		}
	}
}

func handleRoomCreate(s *Server, c *call) (any, error) {
	var req roomBookingRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	b, err := roomCheckBooking(s.state, &req)
	if err != nil {
		return nil, err
	}
	m := s.state.newMeeting("room", b.host, req.Title, b.start, req.Length, c.now)
	b.apply(m, c.now)
	return roomReservationOf(s, m, c.now), nil
}

// roomTarget finds the meeting an update or cancel names by eventId or
// conferenceId; when both are given they must name the same meeting.
func roomTarget(st *state, eventID int64, conferenceID string) (*meeting, error) {
	conferenceID = strings.TrimSpace(conferenceID)
	switch {
	case eventID < 0:
		return nil, fail(codeInvalidParameter, "eventId must not be negative")
	case eventID == 0 && conferenceID == "":
		return nil, fail(codeInvalidParameter, "eventId or conferenceId is required")
	case eventID == 0:
		return st.byConference(conferenceID)
	}
	m, err := st.byEventID(eventID)
	if err != nil {
		return nil, err
	}
	if conferenceID != "" && conferenceID != m.ConferenceID {
		return nil, fail(codeInvalidParameter, "eventId %d and conferenceId %s name different meetings", eventID, conferenceID)
	}
	return m, nil
}

// roomCheckHost fails with 50709 when a host named in a request is not the
// meeting's host: that host has no such meeting.
func roomCheckHost(m *meeting, userID int64, email string) error {
	email = strings.TrimSpace(email)
	if (userID > 0 && userID != m.Host.ID) || (userID == 0 && email != "" && !strings.EqualFold(email, m.Host.Email)) {
		return fail(codeConferenceNotFound, "conference %s does not exist for this host", m.ConferenceID)
	}
	return nil
}

// roomWritable fails unless a meeting can still be changed or cancelled.
func roomWritable(m *meeting, now time.Time) error {
	switch m.Status(now) {
	case quanshi.ConferenceStatusNone:
		return fail(codeConferenceNotFound, "conference %s was cancelled", m.ConferenceID)
	case quanshi.ConferenceStatusEnded:
		return fail(codeInvalidParameter, "conference %s has ended", m.ConferenceID)
	}
	return nil
}

func handleRoomUpdate(s *Server, c *call) (any, error) {
	var req roomBookingRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	m, err := roomTarget(s.state, req.EventID, req.ConferenceID)
	if err != nil {
		return nil, err
	}
	if err := roomWritable(m, c.now); err != nil {
		return nil, err
	}
	b, err := roomCheckBooking(s.state, &req)
	if err != nil {
		return nil, err
	}
	if b.host != m.Host {
		return nil, fail(codeConferenceNotFound, "conference %s does not exist for host %d", m.ConferenceID, b.host.ID)
	}
	b.apply(m, c.now)
	return roomReservationOf(s, m, c.now), nil
}

// roomCancelRequest is the body of cancelReservConference.
type roomCancelRequest struct {
	EventID         int64  `json:"eventId"`
	ConferenceID    string `json:"conferenceId"`
	UserID          int64  `json:"userId"`
	Email           string `json:"email"`
	ShareUserID     int    `json:"shareUserId"`
	SingleStartTime string `json:"singleStartTime"`
}

func handleRoomCancel(s *Server, c *call) (any, error) {
	var req roomCancelRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.ShareUserID != 0 && req.ShareUserID != 1 {
		return nil, fail(codeInvalidParameter, "shareUserId must be 0 or 1")
	}
	single, err := roomUnixParam("singleStartTime", req.SingleStartTime)
	if err != nil {
		return nil, err
	}
	m, err := roomTarget(s.state, req.EventID, req.ConferenceID)
	if err != nil {
		return nil, err
	}
	if err := roomCheckHost(m, req.UserID, req.Email); err != nil {
		return nil, err
	}
	if err := roomWritable(m, c.now); err != nil {
		return nil, err
	}
	rs := roomStateOf(m)
	parentID := int64(0)
	switch {
	case rs.Cycle != nil:
		parentID = m.EventID
		if single.IsZero() {
			m.Cancelled = true
			break
		}
		if err := rs.Cycle.cancel(m, single); err != nil {
			return nil, err
		}
	case single.IsZero() || single.Equal(m.Start):
		m.Cancelled = true
	default:
		return nil, fail(codeInvalidParameter, "conference %s has no occurrence starting at %s", m.ConferenceID, wire.FormatWallClock(single))
	}
	m.Modified = c.now
	return roomCancelResult{EventID: m.EventID, ParentID: parentID}, nil
}

// roomCancelResult is cancelReservConference's result (cn/api/159); a
// single meeting has no parent.
type roomCancelResult struct {
	EventID  int64 `json:"eventId"`
	ParentID int64 `json:"parentId,omitzero"`
}

// roomUnixParam reads a Unix-seconds (or milliseconds) parameter sent as a
// number or a numeric string; "" and 0 give the zero time.
func roomUnixParam(name, v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" || v == "0" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fail(codeInvalidParameter, "%s must be a Unix timestamp, got %q", name, v)
	}
	t, _ := wire.ParseTime(v)
	return t, nil
}

// Links and fixed values the room answers share with the meeting objects.
const (
	roomJoinHost = linkShortHost
	roomSiteID   = 173406
	roomH323IP   = "198.51.100.91"
)

// roomLinks are a meeting's join links, derived from its ids.
type roomLinks struct {
	host, attendee, wcall, webRTC, live, audienceUnion, guest, guestVerify, jointHost, jointHostVerify string
}

func roomLinksOf(m *meeting, rs *roomMeeting) roomLinks {
	shared := m.links()
	l := roomLinks{host: shared.Host, attendee: shared.Attendee, wcall: shared.Wcall, webRTC: shared.WebRTC}
	if rs.LiveOpenFlag == 1 {
		l.live = shared.Live
		l.audienceUnion = linkLiveHost + "/activity/u" + m.ConferenceID
		l.guest = roomJoinHost + "/g/" + m.ConferenceID
		l.guestVerify = l.audienceUnion + "?role=3"
		l.jointHost = roomJoinHost + "/j/" + m.ConferenceID
		l.jointHostVerify = l.audienceUnion + "?role=2"
	}
	return l
}

// roomGroupID is a meeting's group id.
func roomGroupID(m *meeting) int64 { return 80000000 + m.EventID }

// roomAccount is a user's account id, UUID-shaped as the API sends it.
func roomAccount(u *user) string {
	return fmt.Sprintf("%08x-0000-4000-8000-%012x", u.ID&0xffffffff, u.ID)
}

// roomReservation is the answer of reservConference and
// updateReservConference, in the forms of the spec's example: pullUrl is
// always there ("" without a live stream, as in the example), pullPwd only
// with a live stream (as the table says).
type roomReservation struct {
	ConferenceID          string   `json:"conferenceId"`
	Pcode1                string   `json:"pcode1"`
	Pcode2                string   `json:"pcode2"`
	Billingcode           string   `json:"billingcode"`
	GroupID               int64    `json:"groupId"`
	EventID               int64    `json:"eventId"`
	AttendeeJoinURL       string   `json:"attendeeJoinUrl"`
	HostJoinURL           string   `json:"hostJoinUrl"`
	PullURL               string   `json:"pullUrl"`
	PullPwd               *string  `json:"pullPwd,omitempty"`
	LiveViewFlag          int      `json:"liveViewFlag"`
	LivePlaybackFlag      int      `json:"livePlaybackFlag"`
	LivePlaybackTime      int64    `json:"livePlaybackTime"`
	BeeAttendeeJoinURL    string   `json:"beeAttendeeJoinUrl"`
	BeeHostJoinURL        string   `json:"beeHostJoinUrl"`
	ConfHostID            int64    `json:"confHostId"`
	LargeGroup            int      `json:"largeGroup"`
	UsedConfTickets       int64    `json:"usedConfTickets"`
	Wcallurl              string   `json:"wcallurl"`
	JoinHostURL           string   `json:"joinHostUrl"`
	GuestJoinURL          string   `json:"guestJoinUrl"`
	AudienceJoinURL       string   `json:"audienceJoinUrl"`
	AudienceUnionURL      string   `json:"audienceUnionUrl"`
	UserID                int64    `json:"userId"`
	ConferenceTitle       string   `json:"conferenceTitle"`
	BillingCode           string   `json:"billingCode"`
	StartTime             string   `json:"startTime"`
	EndTime               string   `json:"endTime"`
	Length                int      `json:"length"`
	Status                int      `json:"status"`
	CreateAccount         string   `json:"createAccount"`
	CreateName            string   `json:"createName"`
	CurrentTime           string   `json:"currentTime"`
	Title                 string   `json:"title"`
	DTitle                string   `json:"dTitle"`
	HostName              string   `json:"hostName"`
	Desc                  string   `json:"desc"`
	Host                  string   `json:"host"`
	HostConferenceURL     string   `json:"hostConferenceUrl"`
	HostMobile            string   `json:"hostMobile"`
	H323IP                []string `json:"h323Ip"`
	StartTimeUnix         int64    `json:"startTimeUnix"`
	EndTimeUnix           int64    `json:"endTimeUnix"`
	HostConferenceLongURL string   `json:"hostConferenceLongUrl"`
	AttendeeJoinLongURL   string   `json:"attendeeJoinLongUrl"`
	EmailNotify           bool     `json:"email_notify"`
}

// roomReservationOf describes a booked meeting as reservConference answers.
// The creator is the caller: the admin the sandbox's tokens act for.
func roomReservationOf(s *Server, m *meeting, now time.Time) roomReservation {
	rs := roomStateOf(m)
	links := roomLinksOf(m, rs)
	creator, _ := s.state.userFor(s.AdminUserID, "")
	r := roomReservation{
		ConferenceID: m.ConferenceID, Pcode1: m.PCode1, Pcode2: m.PCode2, Billingcode: m.Billing, BillingCode: m.Billing,
		GroupID: roomGroupID(m), EventID: m.EventID,
		AttendeeJoinURL: links.attendee, HostJoinURL: links.host, Wcallurl: links.wcall,
		AudienceJoinURL: links.attendee, AudienceUnionURL: links.audienceUnion, GuestJoinURL: links.guest,
		UserID: m.Host.ID, ConferenceTitle: m.Title, DTitle: m.Title, Title: m.Host.Name,
		StartTime: wire.FormatWallClock(m.Start), EndTime: wire.FormatWallClock(m.End()),
		StartTimeUnix: m.Start.Unix(), EndTimeUnix: m.End().Unix(), Length: m.Length,
		Status:        int(m.Status(now)),
		CreateAccount: roomAccount(creator), CreateName: creator.Name, CurrentTime: wire.FormatWallClock(m.Created),
		HostName: m.Host.Name, Host: m.Host.Name, HostMobile: m.Host.Mobile, Desc: m.PCode2,
		HostConferenceURL: links.host, HostConferenceLongURL: links.host, AttendeeJoinLongURL: links.attendee,
		H323IP: []string{roomH323IP},
	}
	if rs.LiveOpenFlag == 1 {
		r.PullURL, r.PullPwd = links.live, &rs.LivePassword
		if rs.LivePassword != "" {
			r.LiveViewFlag = 1
		}
	}
	return r
}

// roomEscapeTitle URL-encodes a title the way the meeting objects carry it
// ("%E5%88%86%E6%B5%81…").
func roomEscapeTitle(title string) string { return url.QueryEscape(title) }
