package quanshi

import (
	"cmp"
	"context"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RoomService books cloud meetings together with meeting rooms and their
// devices (/confopenapi/room/...), and lists them.
type RoomService service

// RoomCreateRequest books a meeting, optionally recurring and with meeting
// rooms. Title, Length and StartTime are required, and so is UserID or
// Email.
type RoomCreateRequest struct {
	// UserID (userId) is the host's user id; when 0, Email names the host.
	UserID int64 `json:"userId,omitzero"`
	// Email (email) is the host's e-mail address, used to find the host when UserID
	// is not given.
	Email string `json:"email,omitempty"`
	// Title (title) is the meeting's subject. Required.
	Title string `json:"title"`
	// Length is the meeting's length in minutes. Required.
	Length int `json:"length"`
	// StartTime is the meeting's start, sent as a Beijing wall-clock
	// "2013-05-30 14:41:20" (starttime). Required.
	StartTime time.Time `json:"-"`
	// Summary is a note on the meeting (summary); new("") clears it.
	Summary *string `json:"summary,omitzero"`
	// ParticipantUserIDs are participants by UMS user id.
	ParticipantUserIDs []int64 `json:"-"`
	// ParticipantEmails are participants by e-mail address; the server
	// treats them as external participants. Both lists are sent together
	// as participantsLists, separated by semicolons:
	// "kai.zhang_5@quanshi.com;81422209".
	ParticipantEmails []string `json:"-"`
	// LiveOpenFlag: open a live stream (liveOpenFlag, sent as 0/1; the
	// server's default is no; the account needs the live permission).
	LiveOpenFlag *bool `json:"-"`
	// LivePassword is the live stream's password (livePassword); new("")
	// clears it.
	LivePassword *string `json:"livePassword,omitzero"`
	// AutoVideo says whether video starts on joining (autoVideo; the table
	// gives no values and the example sends 2, so it is a number).
	AutoVideo *int `json:"autoVideo,omitzero"`
	// HardwareVideo enables hardware video (hardwareVideo, sent as 0/1; the
	// example request sends 1, the table does not list it).
	HardwareVideo *bool `json:"-"`
	// JoinLogin: participants must sign in to join (joinLogin, sent as 0/1; the
	// server's default is no).
	JoinLogin *bool `json:"-"`
	// UseWaitingRoom: open the waiting room (useWaitingRoom, sent as 0/1;
	// the server's default is no).
	UseWaitingRoom *bool `json:"-"`
	// OpenWatchword: ask a join watchword (openWatchword, sent as 0/1; the
	// server's default is no).
	OpenWatchword *bool `json:"-"`
	// EventWatchword is the join watchword (eventWatchword); new("") clears
	// it.
	EventWatchword *string `json:"eventWatchword,omitzero"`
	// JoinConfSelTag: participants choose a tag on joining (joinConfSelTag,
	// sent as 0/1; the server's default is no); then JoinConfTags is
	// required.
	JoinConfSelTag *bool `json:"-"`
	// JoinConfTags are the join tags, comma separated: "aa,bb"
	// (joinConfTags).
	JoinConfTags *string `json:"joinConfTags,omitzero"`
	// ConfMode is the meeting's mode (confMode: 0 video meeting, the
	// default; 1 data meeting; cn/api/158).
	ConfMode *int `json:"confMode,omitzero"`
	// CloudMeeting: a cloud meeting (isGnet 1, the server's default) or an on-site
	// meeting without one (0); sent as 0/1 (cn/api/158).
	CloudMeeting *bool `json:"-"`
	// Hide: room devices hide the subject (hide, sent as 0/1; the server's
	// default shows it; cn/api/158).
	Hide *bool `json:"-"`
	// ReserveDevices: room devices do not show the meeting (reservDevices,
	// sent as 0/1; the server's default shows it; cn/api/158).
	ReserveDevices *bool `json:"-"`
	// Cycle makes the meeting recurring (sent as cycle "1"; false sends
	// "0", nil nothing). A recurring meeting needs CycleRule. Seed 001 §14
	// (and §15) types cycle string with the values 0 and 1, and no example
	// sends it, so the SDK sends the documented strings; the classic
	// reservConference2 (§1) takes a number, 0 or 2, instead
	// (ConferenceCreateRequest.Cycle).
	Cycle *bool `json:"-"`
	// RepeatEndDate is when a recurring meeting ends, sent as Unix seconds.
	RepeatEndDate time.Time `json:"-"`
	// CycleRule is the recurrence rule of a recurring meeting (cycleRole).
	CycleRule *CycleRule `json:"-"`
	// ComposeRoomList (composeRoomList) are the meeting rooms (and their devices) to book.
	ComposeRoomList []ComposeRoom `json:"composeRoomList,omitempty"`
	// SessionID (sessionId) is a client session id; the example request sends one,
	// the table does not list it. Leave it empty with token credentials.
	SessionID string `json:"sessionId,omitempty"`
}

// roomBookingWire is a booking as it goes on the wire.
type roomBookingWire struct {
	*RoomCreateRequest
	StartTime     wallClock      `json:"starttime"`
	RepeatEndDate unixSeconds    `json:"repeatEndDate,omitzero"`
	Participants  string         `json:"participantsLists,omitempty"`
	Cycle         string         `json:"cycle,omitempty"`
	CycleRole     *cycleRuleWire `json:"cycleRole,omitzero"`
	roomSwitchesWire
}

// roomSwitchesWire is the 0/1 form of a booking's switches.
type roomSwitchesWire struct {
	LiveOpenFlag   *int `json:"liveOpenFlag,omitzero"`
	HardwareVideo  *int `json:"hardwareVideo,omitzero"`
	JoinLogin      *int `json:"joinLogin,omitzero"`
	UseWaitingRoom *int `json:"useWaitingRoom,omitzero"`
	OpenWatchword  *int `json:"openWatchword,omitzero"`
	JoinConfSelTag *int `json:"joinConfSelTag,omitzero"`
	IsGnet         *int `json:"isGnet,omitzero"`
	Hide           *int `json:"hide,omitzero"`
	ReservDevices  *int `json:"reservDevices,omitzero"`
}

func roomBooking(b *RoomCreateRequest) roomBookingWire {
	parts := make([]string, 0, len(b.ParticipantEmails)+len(b.ParticipantUserIDs))
	parts = append(parts, b.ParticipantEmails...)
	for _, id := range b.ParticipantUserIDs {
		parts = append(parts, strconv.FormatInt(id, 10))
	}
	wire := roomBookingWire{
		RoomCreateRequest: b,
		StartTime:         wallClock(b.StartTime),
		RepeatEndDate:     unixSeconds(b.RepeatEndDate),
		Participants:      strings.Join(parts, ";"),
		CycleRole:         b.CycleRule.wire(),
		roomSwitchesWire: roomSwitchesWire{
			LiveOpenFlag: bit(b.LiveOpenFlag), HardwareVideo: bit(b.HardwareVideo), JoinLogin: bit(b.JoinLogin),
			UseWaitingRoom: bit(b.UseWaitingRoom), OpenWatchword: bit(b.OpenWatchword),
			JoinConfSelTag: bit(b.JoinConfSelTag), IsGnet: bit(b.CloudMeeting), Hide: bit(b.Hide),
			ReservDevices: bit(b.ReserveDevices),
		},
	}
	switch {
	case b.Cycle == nil:
	case *b.Cycle:
		wire.Cycle = "1"
	default:
		wire.Cycle = "0"
	}
	return wire
}

// roomCheckBooking checks the fields Create and Update share.
func roomCheckBooking(v *check, b *RoomCreateRequest) {
	roomCheckHost(v, b.UserID, b.Email, true)
	v.required("title", b.Title)
	v.rule(b.Length > 0, "length", "must be a positive number of minutes")
	v.rule(!b.StartTime.IsZero(), "starttime", "is required")
	for _, e := range b.ParticipantEmails {
		v.email("participantsLists", e)
	}
	for _, id := range b.ParticipantUserIDs {
		v.rulef(id > 0, "participantsLists", "has an invalid user id %d", id)
	}
	if b.ConfMode != nil {
		oneOf(v, "confMode", *b.ConfMode, 0, 1)
	}
	selTag := b.JoinConfSelTag != nil && *b.JoinConfSelTag
	v.rule(!selTag || (b.JoinConfTags != nil && strings.TrimSpace(*b.JoinConfTags) != ""), "joinConfTags", "is required when joinConfSelTag is 1")
	recurring := b.Cycle != nil && *b.Cycle
	v.rule(!recurring || b.CycleRule != nil, "cycleRole", "is required for a recurring meeting")
	v.rule(b.CycleRule == nil || recurring, "cycle", "must be true when cycleRole is given")
	if b.CycleRule != nil {
		roomCheckCycle(v, b.CycleRule)
	}
	for i, r := range b.ComposeRoomList {
		field := "composeRoomList[" + strconv.Itoa(i) + "]"
		v.rule(r.RoomID > 0, field+".roomId", "is required")
		oneOf(v, field+".isMainRoom", r.IsMainRoom, RoomVenueDefault, RoomVenueMain, RoomVenueBranch)
		for j, id := range r.EquipIDs {
			v.rule(id > 0, field+".equipIdList["+strconv.Itoa(j)+"]", "must be a positive device id")
		}
	}
}

// roomCheckHost checks the host's userId and email; with required, one of
// them must be given.
func roomCheckHost(v *check, userID int64, email string, required bool) {
	v.rule(userID >= 0, "userId", "must not be negative")
	v.rule(!required || userID > 0 || strings.TrimSpace(email) != "", "userId", "either userId or email is required")
	v.email("email", email)
}

// roomCheckTarget checks the eventId / conferenceId pair, one of which is
// required.
func roomCheckTarget(v *check, eventID int64, conferenceID string) {
	v.rule(eventID >= 0, "eventId", "must not be negative")
	v.rule(eventID > 0 || strings.TrimSpace(conferenceID) != "", "eventId", "either eventId or conferenceId is required")
}

// RoomReservation is a booked meeting as Create and Update return it.
type RoomReservation struct {
	// ConferenceID (conferenceId) is the booked meeting's id.
	ConferenceID string `json:"conferenceId"`
	// EventID (eventId) is the booking's schedule (日程) id.
	EventID int64 `json:"eventId"`
	// GroupID (groupId) is the meeting's group id.
	GroupID int64 `json:"groupId"`
	// HostPasscode (pcode1) is the host's join password.
	HostPasscode string `json:"pcode1"`
	// ParticipantPasscode (pcode2) is the participants' join password.
	ParticipantPasscode string `json:"pcode2"`
	// BillingCode is the meeting's billing code (sent as billingCode and
	// billingcode).
	BillingCode string `json:"billingCode,case:ignore"`
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId"`
	// ConferenceTitle (conferenceTitle) is the meeting's subject.
	ConferenceTitle string `json:"conferenceTitle"`
	// InvitationSubject is the subject of the invitation mail (title); the
	// meeting's own subject is ConferenceTitle.
	InvitationSubject string `json:"title"`
	// DisplayTitle (dTitle) is the meeting's subject.
	DisplayTitle string `json:"dTitle"`
	// StartTime (startTime) is the meeting's start.
	StartTime time.Time `json:"startTime" time:"text"`
	// EndTime (endTime) is the meeting's end.
	EndTime time.Time `json:"endTime" time:"text"`
	// StartTimeUnix (startTimeUnix) is the meeting's start, from its Unix timestamp.
	StartTimeUnix time.Time `json:"startTimeUnix" time:"unix"`
	// EndTimeUnix (endTimeUnix) is the meeting's end, from its Unix timestamp.
	EndTimeUnix time.Time `json:"endTimeUnix" time:"unix"`
	// Length is the meeting's length in minutes.
	Length int `json:"length"`
	// Status (status) is the meeting's state (1 created).
	Status ConferenceStatus `json:"status"`
	// CreatorAccount is the creator's account (sent as creatorAccount or,
	// in the example, createAccount).
	CreatorAccount string `json:"creatorAccount"`
	// CreatorName is the creator's name (sent as creatorName or createName).
	CreatorName string `json:"creatorName"`
	// CurrentTime (currentTime) is when the booking was made.
	CurrentTime time.Time `json:"currentTime" time:"text"`
	// HostName (hostName) is the host's name.
	HostName string `json:"hostName"`
	// HostAccount is the host's account.
	HostAccount string `json:"host"`
	// HostMobile (hostMobile) is the host's mobile number.
	HostMobile string `json:"hostMobile"`
	// Desc is a description.
	Desc string `json:"desc"`
	// HostJoinURL (hostJoinUrl) is the host's join link.
	HostJoinURL string `json:"hostJoinUrl"`
	// HostConferenceURL (hostConferenceUrl) is the host's join link.
	HostConferenceURL string `json:"hostConferenceUrl"`
	// HostConferenceLongURL (hostConferenceLongUrl) is the host's full-length join link.
	HostConferenceLongURL string `json:"hostConferenceLongUrl"`
	// ParticipantJoinURL (attendeeJoinUrl) is the participants' join link.
	ParticipantJoinURL string `json:"attendeeJoinUrl"`
	// ParticipantJoinLongURL (attendeeJoinLongUrl) is the participants' full-length join link.
	ParticipantJoinLongURL string `json:"attendeeJoinLongUrl"`
	// JoinHostURL (joinHostUrl) is the co-host join link.
	JoinHostURL string `json:"joinHostUrl"`
	// GuestJoinURL (guestJoinUrl) is the guests' join link.
	GuestJoinURL string `json:"guestJoinUrl"`
	// AudienceJoinURL (audienceJoinUrl) is the audience's join link.
	AudienceJoinURL string `json:"audienceJoinUrl"`
	// AudienceUnionURL (audienceUnionUrl) is the audience's landing page.
	AudienceUnionURL string `json:"audienceUnionUrl"`
	// BeeParticipantJoinURL (beeAttendeeJoinUrl) is the participants' 蜜蜂 (Bee) join link.
	BeeParticipantJoinURL string `json:"beeAttendeeJoinUrl"`
	// BeeHostJoinURL (beeHostJoinUrl) is the host's 蜜蜂 (Bee) join link.
	BeeHostJoinURL string `json:"beeHostJoinUrl"`
	// PhoneJoinURL is the phone meeting's join link (sent as wcallurl or wcallUrl).
	PhoneJoinURL string `json:"wcallurl,case:ignore"`
	// PullURL (pullUrl) is the live stream's link (absent without a live stream).
	PullURL string `json:"pullUrl"`
	// PullPwd (pullPwd) is the live stream's password, as given in the request
	// (absent without a live stream).
	PullPwd string `json:"pullPwd"`
	// LiveViewFlag (liveViewFlag) is who may watch the live stream: 0 everyone, 1 with the
	// password, 2 after identity verification.
	LiveViewFlag int `json:"liveViewFlag"`
	// LivePlaybackFlag (livePlaybackFlag) is the replay policy.
	LivePlaybackFlag MeetingPlayback `json:"livePlaybackFlag"`
	// LivePlaybackTime (livePlaybackTime) is the replay's expiry: -1 no replay, 0 never
	// expires, otherwise a Unix timestamp.
	LivePlaybackTime int64 `json:"livePlaybackTime"`
	// ConfHostID (confHostId) is the small-business creator's user id.
	ConfHostID int64 `json:"confHostId"`
	// LargeGroup (largeGroup): 1 a very large group, 0 not.
	LargeGroup int `json:"largeGroup"`
	// UsedConfTickets (usedConfTickets) is how many meeting tickets the booking used.
	UsedConfTickets int64 `json:"usedConfTickets"`
	// H323IP (h323Ip) are the hardware video (H.323) addresses.
	H323IP []string `json:"h323Ip"`
	// EmailNotify (email_notify) reports whether invitation mails are sent.
	EmailNotify bool `json:"email_notify"`
	// InformType (informType) is the notification type.
	InformType int `json:"informType"`
	// From (from) is the booking's source.
	From string `json:"from"`
}

// roomReservationWire is a reservation as the server sends it: the creator's
// fields come under either of the names the documentation uses
// (creatorAccount/createAccount, creatorName/createName).
type roomReservationWire struct {
	RoomReservation
	CreateAccount string `json:"createAccount"`
	CreateName    string `json:"createName"`
}

// roomReserve calls a booking endpoint and returns its reservation.
func roomReserve(ctx context.Context, c *Client, op Operation, body any, opts []CallOption) (*RoomReservation, error) {
	var out roomReservationWire
	if err := c.call(ctx, op, body, &out, opts...); err != nil {
		return nil, err
	}
	res := out.RoomReservation
	res.CreatorAccount = cmp.Or(res.CreatorAccount, out.CreateAccount)
	res.CreatorName = cmp.Or(res.CreatorName, out.CreateName)
	return &res, nil
}

var opRoomCreate = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/room/reservConference"}

// Create books a meeting, optionally recurring and with meeting rooms and
// their devices.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/room/reservConference
func (s *RoomService) Create(ctx context.Context, req *RoomCreateRequest, opts ...CallOption) (*RoomReservation, error) {
	if err := notNil(opRoomCreate, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomCreate)
	roomCheckBooking(v, req)
	if err := v.err(); err != nil {
		return nil, err
	}
	return roomReserve(ctx, s.caller(), opRoomCreate, roomBooking(req), opts)
}

// RoomUpdateRequest changes a booking, named by EventID or ConferenceID.
// The embedded RoomCreateRequest carries the new settings, with the same
// rules as for Create.
type RoomUpdateRequest struct {
	// EventID (eventId) is the booking's schedule id (use it for on-site meetings);
	// one of EventID and ConferenceID is required.
	EventID int64 `json:"eventId,omitzero"`
	// ConferenceID (conferenceId) is the meeting's id.
	ConferenceID string `json:"conferenceId,omitempty"`
	RoomCreateRequest
}

var opRoomUpdate = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/room/updateReservConference"}

// Update changes a booked meeting: time, subject, participants, recurrence
// and meeting rooms.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/158
//
//quanshi:operation POST /confopenapi/room/updateReservConference
func (s *RoomService) Update(ctx context.Context, req *RoomUpdateRequest, opts ...CallOption) (*RoomReservation, error) {
	if err := notNil(opRoomUpdate, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomUpdate)
	roomCheckTarget(v, req.EventID, req.ConferenceID)
	roomCheckBooking(v, &req.RoomCreateRequest)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		EventID      int64  `json:"eventId,omitzero"`
		ConferenceID string `json:"conferenceId,omitempty"`
		roomBookingWire
	}{req.EventID, req.ConferenceID, roomBooking(&req.RoomCreateRequest)}
	return roomReserve(ctx, s.caller(), opRoomUpdate, body, opts)
}

// RoomCancelRequest cancels a booking, named by EventID or ConferenceID, or
// one occurrence of a recurring one.
type RoomCancelRequest struct {
	// EventID (eventId) is the booking's schedule id; one of EventID and
	// ConferenceID is required.
	EventID int64 `json:"eventId,omitzero"`
	// ConferenceID (conferenceId) is the meeting's id.
	ConferenceID string `json:"conferenceId,omitempty"`
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId,omitzero"`
	// Email (email) is the host's e-mail address, used when UserID is not given.
	Email string `json:"email,omitempty"`
	// AsHostAssistant: the caller is the host's assistant (shareUserId, sent as
	// 0/1).
	AsHostAssistant *bool `json:"-"`
	// SingleStartTime cancels only the occurrence of a recurring meeting
	// that starts then; sent as Unix seconds (the page says 11 digits, its
	// example and every current timestamp have 10). Zero cancels the whole
	// booking.
	SingleStartTime time.Time `json:"-"`
}

// RoomCancelResult is what Cancel answers. The seed's example answers null
// (every field zero); cn/api/159 documents eventId and parentId.
type RoomCancelResult struct {
	// EventID (eventId) is the cancelled booking's schedule id.
	EventID int64 `json:"eventId"`
	// ParentID (parentId) is the recurring booking's parent id. The table types it
	// int but the published example sends text ("this is a test"), so it
	// is kept as sent.
	ParentID string `json:"parentId"`
}

var opRoomCancel = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/room/cancelReservConference"}

// Cancel cancels a booked meeting, or one occurrence of a recurring one.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/159
//
//quanshi:operation POST /confopenapi/room/cancelReservConference
func (s *RoomService) Cancel(ctx context.Context, req *RoomCancelRequest, opts ...CallOption) (*RoomCancelResult, error) {
	if err := notNil(opRoomCancel, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomCancel)
	roomCheckTarget(v, req.EventID, req.ConferenceID)
	roomCheckHost(v, req.UserID, req.Email, false)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*RoomCancelRequest
		SingleStartTime unixSeconds `json:"singleStartTime,omitzero"`
		ShareUserID     *int        `json:"shareUserId,omitzero"`
	}{req, unixSeconds(req.SingleStartTime), bit(req.AsHostAssistant)}
	return callFor[RoomCancelResult](ctx, s.caller(), opRoomCancel, body, opts)
}

// RoomGetRequest names the meeting Get describes: by ConferenceID or by the
// host's password HostPasscode.
type RoomGetRequest struct {
	// ConferenceID (conferenceId) is the meeting's id; one of ConferenceID and HostPasscode is
	// required.
	ConferenceID string `json:"conferenceId,omitempty"`
	// HostPasscode (pcode) is the host's join password.
	HostPasscode string `json:"pcode,omitempty"`
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId,omitzero"`
}

var opRoomGet = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/room/conference/infos", Idempotent: true}

// Get describes a booked meeting with its participants, meeting rooms and
// devices. The server answers a list; it holds the meeting asked for.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/room/conference/infos
func (s *RoomService) Get(ctx context.Context, req *RoomGetRequest, opts ...CallOption) (*MeetingList, error) {
	if err := notNil(opRoomGet, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomGet)
	v.rule(strings.TrimSpace(req.ConferenceID) != "" || strings.TrimSpace(req.HostPasscode) != "", "conferenceId", "either conferenceId or pcode is required")
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	return roomMeetings(ctx, s.caller(), opRoomGet, req, opts)
}

// MeetingList is the meetings a room endpoint answers (Room.Get, Room.List,
// Room.ListByAdmin).
type MeetingList struct {
	// Meetings are the meetings (the result array).
	Meetings []Meeting
}

// roomMeetings calls a room endpoint that answers a list of meetings, and
// decodes their URL-encoded titles (see Meeting.Title).
func roomMeetings(ctx context.Context, c *Client, op Operation, body any, opts []CallOption) (*MeetingList, error) {
	var out []Meeting
	if err := c.call(ctx, op, body, &out, opts...); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Title = roomUnescapeTitle(out[i].Title)
	}
	return &MeetingList{Meetings: out}, nil
}

// roomSpan is a time range sent as Unix seconds.
type roomSpan struct {
	StartTime unixSeconds `json:"startTime"`
	EndTime   unixSeconds `json:"endTime"`
}

// roomCheckSpan checks a required time range.
func roomCheckSpan(v *check, start, end time.Time) roomSpan {
	v.rule(!start.IsZero(), "startTime", "is required")
	v.rule(!end.IsZero(), "endTime", "is required")
	v.rule(start.IsZero() || end.IsZero() || !end.Before(start), "endTime", "must not be before startTime")
	return roomSpan{unixSeconds(start), unixSeconds(end)}
}

// RoomListRequest lists a host's meetings in a time range.
type RoomListRequest struct {
	// From is the window's start (wire field startTime, Unix seconds). A
	// meeting (or, with InCycle, an occurrence) is listed when it starts in
	// [From, To], both ends included (the page does not say; starts-in is
	// what the sandbox implements). Required.
	From time.Time `json:"-"`
	// To is the window's end (wire field endTime, Unix seconds). Required.
	To time.Time `json:"-"`
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId,omitzero"`
	// InCycle: include recurring meetings (inCycle, sent as 0/1; the
	// server's default leaves them out).
	InCycle *bool `json:"-"`
}

var opRoomList = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/room/conference/list", Idempotent: true}

// List lists a host's meetings between two times.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/161
//
//quanshi:operation POST /confopenapi/room/conference/list
func (s *RoomService) List(ctx context.Context, req *RoomListRequest, opts ...CallOption) (*MeetingList, error) {
	if err := notNil(opRoomList, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomList)
	span := roomCheckSpan(v, req.From, req.To)
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*RoomListRequest
		roomSpan
		InCycle *int `json:"inCycle,omitzero"`
	}{req, span, bit(req.InCycle)}
	return roomMeetings(ctx, s.caller(), opRoomList, body, opts)
}

// roomListByAdminLimit is the server's page size when limit is not sent.
const roomListByAdminLimit = 10

// RoomListByAdminRequest lists the account's meetings in a time range, as
// an administrator sees them, one page at a time.
type RoomListByAdminRequest struct {
	// From is the window's start (wire field startTime, sent as Unix
	// seconds). Seed 001 §23's table types startTime and endTime "string,
	// 毫秒" (milliseconds); its example sends the JSON numbers 1641020400
	// and 1648897421, 10-digit Unix seconds (2022-01-01 15:00 and
	// 2022-04-02 19:03 Beijing time), and the meetings its answer lists fall
	// inside that window read as seconds (endTime 1648873800, 2022-04-02
	// 12:30); read as milliseconds the window would be in January 1970. The
	// sibling room list (cn/api/161) takes seconds too. So the table's unit
	// is taken as a slip: the SDK sends seconds, as numbers, like the
	// example. A meeting is listed when it starts in [From, To], as in
	// RoomListRequest. Required.
	From time.Time `json:"-"`
	// To is the window's end (wire field endTime, Unix seconds). Required.
	To time.Time `json:"-"`
	// AdminUserID (adminUserId) is the administrator's user id.
	AdminUserID int64 `json:"adminUserId,omitzero"`
	// Limit (limit) is the page size; 0 is not sent and the server uses 10.
	Limit int `json:"limit,omitzero"`
	// EventIDFilter (eventIdFilter) is the paging cursor: the EventID of the previous page's
	// last meeting; 0 asks for the first page.
	EventIDFilter int64 `json:"eventIdFilter,omitzero"`
}

var opRoomListByAdmin = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/room/conference/listByAdmin", Idempotent: true}

// ListByAdmin lists one page of the account's meetings between two times,
// as an administrator sees them. Use ListByAdminIter to walk every page.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/room/conference/listByAdmin
func (s *RoomService) ListByAdmin(ctx context.Context, req *RoomListByAdminRequest, opts ...CallOption) (*MeetingList, error) {
	if err := notNil(opRoomListByAdmin, req); err != nil {
		return nil, err
	}
	v := newCheck(opRoomListByAdmin)
	span := roomCheckSpan(v, req.From, req.To)
	v.rule(req.AdminUserID >= 0, "adminUserId", "must not be negative")
	v.rule(req.Limit >= 0, "limit", "must not be negative")
	v.rule(req.EventIDFilter >= 0, "eventIdFilter", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*RoomListByAdminRequest
		roomSpan
	}{req, span}
	return roomMeetings(ctx, s.caller(), opRoomListByAdmin, body, opts)
}

// ListByAdminIter walks every page of ListByAdmin, starting at the caller's
// EventIDFilter (0 for the beginning). It works on a copy of req, moves the
// cursor to each page's last EventID, and stops after an empty or short
// page. An error is yielded once and ends the walk; a full page whose last
// EventID does not move the cursor ends it with ErrCursorStuck.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/room/conference/listByAdmin
func (s *RoomService) ListByAdminIter(ctx context.Context, req *RoomListByAdminRequest, opts ...CallOption) iter.Seq2[*Meeting, error] {
	if err := notNil(opRoomListByAdmin, req); err != nil {
		return failed[Meeting](err)
	}
	return func(yield func(*Meeting, error) bool) {
		page := *req
		fetch := func(ctx context.Context, cursor int64) ([]Meeting, error) {
			page.EventIDFilter = cursor
			out, err := s.ListByAdmin(ctx, &page, opts...)
			if err != nil {
				return nil, err
			}
			return out.Meetings, nil
		}
		cursorOf := func(m Meeting) int64 { return m.EventID }
		limit := cmp.Or(page.Limit, roomListByAdminLimit)
		for m, err := range iterate(ctx, cursorPages(page.EventIDFilter, limit, fetch, cursorOf)) {
			if !yield(m, err) {
				return
			}
		}
	}
}
