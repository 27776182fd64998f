package quanshitest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// roomMeetingObject is the large meeting object of conference/infos,
// conference/list and conference/listByAdmin, with every member the spec's
// examples show, in their forms: times as Unix seconds, the title
// URL-encoded, advanceHours as a string, null where the examples have null.
type roomMeetingObject struct {
	CreateTime           int64                         `json:"CreateTime"`
	ExtraMeetingRoom     any                           `json:"ExtraMeetingRoom"`
	ManagerCustomerCode  string                        `json:"ManagerCustomerCode"`
	AccessNumberInfo     any                           `json:"accessNumberInfo"`
	AccessNumbers        map[string][]roomAccessNumber `json:"accessNumbers"`
	AddAttendList        any                           `json:"addAttendList"`
	AddDeviceList        []roomDevice                  `json:"addDeviceList"`
	AddMediaList         any                           `json:"addMediaList"`
	AdvanceHours         string                        `json:"advanceHours"`
	AllowBox             int                           `json:"allowBox"`
	AllowExternal        int                           `json:"allowExternal"`
	AllowHardVideo       int                           `json:"allowHardVideo"`
	AllowLync            int                           `json:"allowLync"`
	AppSource            string                        `json:"appSource"`
	ApprovalName         string                        `json:"approvalName"`
	ApprovalStatus       int                           `json:"approvalStatus"`
	ApprovalUserID       int64                         `json:"approvalUserId"`
	AttendList           []roomAttendee                `json:"attendList"`
	AttendeeJoinURL      string                        `json:"attendeeJoinUrl"`
	AudienceJoinURL      string                        `json:"audienceJoinUrl"`
	AudienceUnionURL     string                        `json:"audienceUnionUrl"`
	AudioConferenceType  int                           `json:"audioConferenceType"`
	Authority            any                           `json:"authority"`
	BillingCode          string                        `json:"billingCode"`
	CalExtraInfo         roomCalExtraInfo              `json:"calExtraInfo"`
	CalType              string                        `json:"calType"`
	CallbackURL          string                        `json:"callbackURL"`
	CallbackUd           string                        `json:"callbackUd"`
	Capacity             int                           `json:"capacity"`
	ClientOS             string                        `json:"clientOs"`
	ClientType           int                           `json:"clientType"`
	ConfHostID           int64                         `json:"confHostId"`
	ConfMaster           int                           `json:"confMaster"`
	ConfMode             int                           `json:"confMode"`
	ConfNodeType         int                           `json:"confNodeType"`
	ConferenceID         string                        `json:"conferenceId"`
	CreatorName          string                        `json:"creatorName"`
	CreatorUserID        int64                         `json:"creatorUserId"`
	CustomerCode         string                        `json:"customerCode"`
	DelAttendList        any                           `json:"delAttendList"`
	DelDeviceList        []roomDevice                  `json:"delDeviceList"`
	DelMediaList         any                           `json:"delMediaList"`
	DetailHouseList      any                           `json:"detailHouseList"`
	EnableCloudMCU       int                           `json:"enableCloudMCU"`
	EndTime              int64                         `json:"endTime"`
	EquipList            []roomDevice                  `json:"equipList"`
	EventForm            int                           `json:"eventForm"`
	EventID              int64                         `json:"eventId"`
	EventLive            int                           `json:"eventLive"`
	EventManualService   int                           `json:"eventManualService"`
	EventSource          int                           `json:"eventSource"`
	ExchangeExternalID   string                        `json:"exchangeExternalId"`
	ExchangeSyncDate     int64                         `json:"exchangeSyncDate"`
	ExternalFlag         string                        `json:"externalFlag"`
	ExtrasInfo           string                        `json:"extrasInfo"`
	GroupID              int64                         `json:"groupId"`
	GuestJoinURL         string                        `json:"guestJoinUrl"`
	GuestJoinVerifyURL   string                        `json:"guestJoinVerifyUrl"`
	HostID               int64                         `json:"hostId"`
	HostJoinURL          string                        `json:"hostJoinUrl"`
	HostName             string                        `json:"hostName"`
	HostsLayout          string                        `json:"hostsLayout"`
	HouseList            []roomDevice                  `json:"houseList"`
	Importance           int                           `json:"importance"`
	IsGnet               int                           `json:"isGnet"`
	IsPlugin             bool                          `json:"isPlugin"`
	IsSharedMedia        int                           `json:"isSharedMedia"`
	JoinConfSelTag       int                           `json:"joinConfSelTag"`
	JoinConfTags         string                        `json:"joinConfTags"`
	JoinLogin            int                           `json:"joinLogin"`
	JoinURLType          int                           `json:"joinUrlType"`
	JointHostURL         string                        `json:"jointHostUrl"`
	JointHostVerifyURL   string                        `json:"jointHostVerifyUrl"`
	LargeGroup           int                           `json:"largeGroup"`
	LedgerTag            string                        `json:"ledgerTag"`
	Length               int                           `json:"length"`
	LiveChannelID        int64                         `json:"liveChannelID"`
	LiveCover            string                        `json:"liveCover"`
	LiveOpenFlag         int                           `json:"liveOpenFlag"`
	LivePlaybackFlag     int                           `json:"livePlaybackFlag"`
	LivePlaybackTime     int64                         `json:"livePlaybackTime"`
	LivePullPwd          string                        `json:"livePullPwd"`
	LivePullURL          string                        `json:"livePullUrl"`
	LiveScreen           int                           `json:"liveScreen"`
	LiveViewFlag         int                           `json:"liveViewFlag"`
	Location             string                        `json:"location"`
	MailLang             int                           `json:"mailLang"`
	MeetAttendeeJoinURL  string                        `json:"meetAttendeeJoinUrl"`
	MeetHostJoinURL      string                        `json:"meetHostJoinUrl"`
	MeetingLanguage      string                        `json:"meetingLanguage"`
	MeetingRoom          int                           `json:"meetingRoom"`
	ModifyTime           int64                         `json:"modifyTime"`
	NochangeAttendList   any                           `json:"nochangeAttendList"`
	NochangeDeviceList   []roomDevice                  `json:"nochangeDeviceList"`
	OldConfHostID        int64                         `json:"oldConfHostId"`
	OriStart             int64                         `json:"oriStart"`
	ParJoinConfLogined   int                           `json:"parJoinConfLogined"`
	ParentID             int64                         `json:"parentId"`
	PasswordFlag         int                           `json:"passwordFlag"`
	Pcode1               string                        `json:"pcode1"`
	Pcode2               string                        `json:"pcode2"`
	RecurrenceInfo       any                           `json:"recurrenceInfo"`
	RejectReason         string                        `json:"rejectReason"`
	RestLength           int                           `json:"restLength"`
	RoomID               string                        `json:"roomId"`
	SharedMedia          any                           `json:"sharedMedia"`
	SharedMediaInfo      any                           `json:"sharedMediaInfo"`
	SiteID               int64                         `json:"siteId"`
	SourceDomain         string                        `json:"sourceDomain"`
	StartTime            int64                         `json:"startTime"`
	Status               int                           `json:"status"`
	Summary              string                        `json:"summary"`
	SV                   int                           `json:"sv"`
	TelAccess            int                           `json:"telAccess"`
	TestAudienceUnionURL string                        `json:"testAudienceUnionUrl"`
	Timezone             string                        `json:"timezone"`
	TimezoneForEmail     string                        `json:"timezoneForEmail"`
	Title                string                        `json:"title"`
	UniformEnv           string                        `json:"uniformEnv"`
	UpdAttendList        any                           `json:"updAttendList"`
	UpdateFlag           int                           `json:"updateFlag"`
	UseWaitingRoom       int                           `json:"useWaitingRoom"`
	UsedConfTickets      int64                         `json:"usedConfTickets"`
	VideoConferenceMode  int                           `json:"videoConferenceMode"`
	WatchMcuVideoMode    int                           `json:"watchMcuVideoMode"`
	WcallMonitorURL      string                        `json:"wcallMonitorUrl"`
	WcallURL             string                        `json:"wcallUrl"`
	WebRTCURL            string                        `json:"webRTCUrl"`
	WholeType            int                           `json:"wholeType"`
}

// roomAttendee is one entry of attendList.
type roomAttendee struct {
	CityCode      string `json:"cityCode"`
	CompanyName   string `json:"companyName"`
	ContactID     string `json:"contactId"`
	CountryCode   string `json:"countryCode"`
	DisplayName   string `json:"displayName"`
	MobileNumber  string `json:"mobileNumber"`
	OfficePhone   string `json:"officePhone"`
	OrgName       string `json:"orgName"`
	PhoneEmail    string `json:"phoneEmail"`
	PhoneName     string `json:"phoneName"`
	ProductStatus int    `json:"productStatus"`
	Status        string `json:"status"`
	User          string `json:"user"`
	UserProfile   any    `json:"userProfile"`
	UserType      int    `json:"userType"`
}

// roomSubDevice names a room or device: a device of a detailHouseList room,
// and the start of every other room and device entry.
type roomSubDevice struct {
	DeviceID   int64  `json:"DeviceId"`
	DeviceType int    `json:"DeviceType"`
	DeviceName string `json:"DeviceName"`
}

// roomPlace is where a booked room is and its part in the meeting.
type roomPlace struct {
	City       string `json:"City"`
	Location   string `json:"Location"`
	Floor      int    `json:"Floor"`
	IsMainRoom int    `json:"IsMainRoom"`
}

// roomDevice is a meeting room or device of houseList and equipList, as the
// spec's houseList example shows them.
type roomDevice struct {
	roomSubDevice
	roomPlace
	ParentDeviceID   int64 `json:"ParentDeviceId"`
	ParentDeviceType int   `json:"ParentDeviceType"`
	ApplyUserID      int64 `json:"ApplyUserId"`
	ApprovalStatus   int   `json:"ApprovalStatus"`
}

// roomHouseDetail is a room of detailHouseList with its devices, as the
// spec's example shows it; the approval state goes under both the example's
// name (ApprovalStatus) and the table's (ApplyStatus).
type roomHouseDetail struct {
	roomSubDevice
	roomPlace
	ApplyUserID    int64           `json:"ApplyUserId"`
	ApprovalStatus int             `json:"ApprovalStatus"`
	ApplyStatus    int             `json:"ApplyStatus"`
	SubDevices     []roomSubDevice `json:"SubDevices"`
}

// roomCalExtraInfo is calExtraInfo.
type roomCalExtraInfo struct {
	AllowH323         int    `json:"allowH323"`
	EventWatchword    string `json:"eventWatchword"`
	OpenWatchword     int    `json:"openWatchword"`
	ShowAccessNumbers int    `json:"showAccessNumbers"`
	ShowWebRTCURL     int    `json:"showWebRTCUrl"`
}

// roomAccessNumber is one dial-in number of accessNumbers.
type roomAccessNumber struct {
	Area         string `json:"area"`
	ChooseBySelf int    `json:"chooseBySelf"`
	Number       string `json:"number"`
}

// roomRecurrence is recurrenceInfo of a recurring meeting: its cycleRole as
// booked and its repeatEndDate (the API leaves the shape undocumented).
type roomRecurrence struct {
	roomCycleRule
	RepeatEndDate int64 `json:"repeatEndDate,omitzero"`
}

// roomDialIn are the sandbox's dial-in numbers, those of the spec's example.
func roomDialIn() map[string][]roomAccessNumber {
	return map[string][]roomAccessNumber{
		"ChooseBySelf": {{Area: "北京", Number: "+86(10)5932-1988"}, {Area: "上海", Number: "+86(21)3599-4558"}},
		"En-us":        {{Area: "ALL", Number: "400-810-8822"}, {Area: "Beijing", Number: "+86(10)5851-2020"}},
		"Zh-cn":        {{Area: "全国", Number: "400-139-8500"}},
	}
}

// Approval states and device kinds of houseList, equipList and
// detailHouseList.
const (
	roomDeviceRoom     = 2
	roomDeviceEquip    = 3
	roomApprovedStatus = 2
)

// roomDevices lists the booked meeting rooms (houseList), their devices
// (equipList) and both together (detailHouseList; nil when none, as the
// examples send null).
func roomDevices(m *meeting, rs *roomMeeting) (houses, equips []roomDevice, detail any) {
	houses, equips = []roomDevice{}, []roomDevice{}
	var details []roomHouseDetail
	for i, r := range rs.Rooms {
		room := roomSubDevice{DeviceID: r.RoomID, DeviceType: roomDeviceRoom, DeviceName: "会议室" + strconv.FormatInt(r.RoomID, 10)}
		place := roomPlace{City: "北京", Location: "沙盒路1号", Floor: 1 + i, IsMainRoom: r.IsMainRoom}
		houses = append(houses, roomDevice{roomSubDevice: room, roomPlace: place, ApplyUserID: m.Host.ID, ApprovalStatus: roomApprovedStatus})
		d := roomHouseDetail{
			roomSubDevice: room, roomPlace: place, ApplyUserID: m.Host.ID,
			ApprovalStatus: roomApprovedStatus, ApplyStatus: roomApprovedStatus, SubDevices: []roomSubDevice{},
		}
		for _, id := range r.EquipIDs {
			equip := roomSubDevice{DeviceID: id, DeviceType: roomDeviceEquip, DeviceName: "设备" + strconv.FormatInt(id, 10)}
			equips = append(equips, roomDevice{
				roomSubDevice: equip, roomPlace: place, ParentDeviceID: r.RoomID, ParentDeviceType: roomDeviceRoom,
				ApplyUserID: m.Host.ID, ApprovalStatus: roomApprovedStatus,
			})
			d.SubDevices = append(d.SubDevices, equip)
		}
		details = append(details, d)
	}
	if details != nil {
		detail = details
	}
	return houses, equips, detail
}

// roomAttendList is attendList: the host first, as the examples show, then
// the invitees; those invited by e-mail address are external (userType 2).
func roomAttendList(m *meeting, rs *roomMeeting) []roomAttendee {
	out := make([]roomAttendee, 0, len(m.Invitees)+1)
	for _, u := range append([]*user{m.Host}, m.Invitees...) {
		a := roomAttendee{ProductStatus: 1, Status: "W", User: strconv.FormatInt(u.ID, 10), UserType: 1, DisplayName: u.Name, MobileNumber: u.Mobile}
		if rs.External[u.ID] && u != m.Host {
			a.User, a.UserType = u.Email, 2
		}
		out = append(out, a)
	}
	return out
}

// roomMeetingOf describes the occurrence of a meeting that starts at start
// (the meeting's own start for a single meeting).
func roomMeetingOf(m *meeting, start, now time.Time) roomMeetingObject {
	rs := roomStateOf(m)
	links := roomLinksOf(m, rs)
	houses, equips, detail := roomDevices(m, rs)
	o := roomMeetingObject{
		CreateTime: m.Created.Unix(), ModifyTime: m.Modified.Unix(),
		AccessNumbers: roomDialIn(), AddDeviceList: []roomDevice{}, DelDeviceList: []roomDevice{}, NochangeDeviceList: []roomDevice{},
		AdvanceHours: "1", AllowExternal: 1, AllowHardVideo: rs.HardwareVideo, AllowLync: 1, AppSource: "meeting",
		AttendList: roomAttendList(m, rs), AttendeeJoinURL: links.attendee, AudienceJoinURL: links.attendee,
		AudienceUnionURL: links.audienceUnion, BillingCode: m.Billing,
		CalExtraInfo: roomCalExtraInfo{OpenWatchword: rs.OpenWatchword, EventWatchword: rs.EventWatchword},
		CalType:      "E", ConfMode: rs.ConfMode, ConfNodeType: 1, ConferenceID: m.ConferenceID, CustomerCode: customerCode,
		DetailHouseList: detail, EnableCloudMCU: 1, EquipList: equips, HouseList: houses,
		StartTime: start.Unix(), EndTime: start.Add(time.Duration(m.Length) * time.Minute).Unix(), Length: m.Length,
		EventID: m.EventID, GroupID: roomGroupID(m), GuestJoinURL: links.guest, GuestJoinVerifyURL: links.guestVerify,
		HostID: m.Host.ID, HostName: m.Host.Name, HostJoinURL: links.host, IsGnet: rs.IsGnet,
		JoinConfSelTag: rs.JoinConfSelTag, JoinConfTags: rs.JoinConfTags, JoinLogin: rs.JoinLogin, JoinURLType: 1,
		JointHostURL: links.jointHost, JointHostVerifyURL: links.jointHostVerify, LedgerTag: "[]",
		LiveOpenFlag: rs.LiveOpenFlag, LivePullURL: links.live, MeetAttendeeJoinURL: links.attendee, MeetHostJoinURL: links.host,
		Pcode1: m.PCode1, Pcode2: m.PCode2, SiteID: roomSiteID, SourceDomain: "sandbox.quanshi.test",
		Status: int(roomOccurrenceStatus(m, rs, start, now)), Summary: m.Summary,
		Timezone: "Asia/Shanghai", TimezoneForEmail: "Asia/Shanghai", Title: roomEscapeTitle(m.Title),
		UseWaitingRoom: rs.UseWaitingRoom, WcallURL: links.wcall, WebRTCURL: links.webRTC,
	}
	if len(rs.Rooms) > 0 {
		main := rs.Rooms[0]
		for _, r := range rs.Rooms {
			if r.IsMainRoom == 1 {
				main = r
				break
			}
		}
		o.RoomID = strconv.FormatInt(main.RoomID, 10)
	}
	if rs.LiveOpenFlag == 1 {
		o.LiveChannelID = 20000 + m.EventID
		o.LivePullPwd = rs.LivePassword
		if rs.LivePassword != "" {
			o.LiveViewFlag = 1
		}
	}
	if cy := rs.Cycle; cy != nil {
		o.CalType, o.ParentID = "M", m.EventID
		rec := roomRecurrence{roomCycleRule: cy.Rule}
		if !cy.RepeatEnd.IsZero() {
			rec.RepeatEndDate = cy.RepeatEnd.Unix()
		}
		o.RecurrenceInfo = rec
	}
	return o
}

// roomInfosRequest is the body of conference/infos.
type roomInfosRequest struct {
	ConferenceID string `json:"conferenceId"`
	Pcode        string `json:"pcode"`
	UserID       int64  `json:"userId"`
}

// handleRoomInfos describes one meeting, found by conferenceId or by its
// host password, in a list of one.
func handleRoomInfos(s *Server, c *call) (any, error) {
	var req roomInfosRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.UserID < 0 {
		return nil, fail(codeInvalidParameter, "userId must not be negative")
	}
	var m *meeting
	switch id, pcode := strings.TrimSpace(req.ConferenceID), strings.TrimSpace(req.Pcode); {
	case id != "":
		found, err := s.state.byConference(id)
		if err != nil {
			return nil, err
		}
		m = found
	case pcode != "":
		for _, cand := range s.state.meetings {
			if cand.PCode1 == pcode {
				m = cand
			}
		}
		if m == nil {
			return nil, fail(codeConferenceNotFound, "no conference has the host password %s", pcode)
		}
	default:
		return nil, fail(codeInvalidParameter, "conferenceId or pcode is required")
	}
	if err := roomCheckHost(m, req.UserID, ""); err != nil {
		return nil, err
	}
	return []roomMeetingObject{roomMeetingOf(m, m.Start, c.now)}, nil
}

// roomSpanRequest is the time range of the two list endpoints, in Unix
// seconds (milliseconds are told apart by magnitude and accepted too).
type roomSpanRequest struct {
	StartTime string `json:"startTime"`
	EndTime   string `json:"endTime"`
}

// roomDecodeSpan decodes a list request into req and reads its time range,
// span (a member of req).
func roomDecodeSpan(c *call, req any, span *roomSpanRequest) (from, to time.Time, err error) {
	if err = c.decode(req); err != nil {
		return
	}
	return span.span()
}

func (r *roomSpanRequest) span() (from, to time.Time, err error) {
	if from, err = roomUnixParam("startTime", r.StartTime); err != nil {
		return
	}
	if to, err = roomUnixParam("endTime", r.EndTime); err != nil {
		return
	}
	switch {
	case from.IsZero():
		err = fail(codeInvalidParameter, "startTime is required")
	case to.IsZero():
		err = fail(codeInvalidParameter, "endTime is required")
	case to.Before(from):
		err = fail(codeInvalidParameter, "endTime must not be before startTime")
	}
	return
}

// roomListRequest is the body of conference/list.
type roomListRequest struct {
	roomSpanRequest
	UserID  int64 `json:"userId"`
	InCycle int   `json:"inCycle"`
}

// handleRoomList lists the meetings a user hosts that start within the
// range (both ends included), by start. Without userId, the token's user
// (the admin) is meant. Recurring meetings are left out unless inCycle is
// 1, and then each occurrence in the range is listed on its own times.
// Cancelled meetings stay, with status 0.
func handleRoomList(s *Server, c *call) (any, error) {
	var req roomListRequest
	from, to, err := roomDecodeSpan(c, &req, &req.roomSpanRequest)
	if err != nil {
		return nil, err
	}
	switch {
	case req.UserID < 0:
		return nil, fail(codeInvalidParameter, "userId must not be negative")
	case req.InCycle != 0 && req.InCycle != 1:
		return nil, fail(codeInvalidParameter, "inCycle must be 0 or 1")
	}
	userID := cmp.Or(req.UserID, s.AdminUserID)
	type entry struct {
		m     *meeting
		start time.Time
	}
	var entries []entry
	for _, m := range s.state.meetings {
		rs := roomStateOf(m)
		if m.Host.ID != userID || (rs.Cycle != nil && req.InCycle == 0) {
			continue
		}
		for _, start := range roomOccurrences(m, rs, from, to) {
			entries = append(entries, entry{m, start})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.m.EventID, b.m.EventID))
	})
	out := make([]roomMeetingObject, 0, len(entries))
	for _, e := range entries {
		out = append(out, roomMeetingOf(e.m, e.start, c.now))
	}
	return out, nil
}

// roomListByAdminRequest is the body of conference/listByAdmin.
type roomListByAdminRequest struct {
	roomSpanRequest
	AdminUserID   int64 `json:"adminUserId"`
	Limit         int   `json:"limit"`
	EventIDFilter int64 `json:"eventIdFilter"`
}

// roomListByAdminLimit is listByAdmin's page size when limit is not sent.
const roomListByAdminLimit = 10

// handleRoomListByAdmin lists every host's meetings with an occurrence
// starting within the range, newest eventId first, one page at a time: the
// page holds up to limit meetings whose eventId is below eventIdFilter (the
// last eventId of the previous page). A recurring meeting is listed once,
// on its first occurrence in the range.
func handleRoomListByAdmin(s *Server, c *call) (any, error) {
	var req roomListByAdminRequest
	from, to, err := roomDecodeSpan(c, &req, &req.roomSpanRequest)
	if err != nil {
		return nil, err
	}
	switch {
	case req.AdminUserID != 0 && req.AdminUserID != s.AdminUserID:
		return nil, fail(codeInvalidParameter, "user %d is not an administrator of this account", req.AdminUserID)
	case req.Limit < 0:
		return nil, fail(codeInvalidParameter, "limit must not be negative")
	case req.EventIDFilter < 0:
		return nil, fail(codeInvalidParameter, "eventIdFilter must not be negative")
	}
	limit := cmp.Or(req.Limit, roomListByAdminLimit)
	newest := slices.Clone(s.state.meetings)
	slices.SortFunc(newest, func(a, b *meeting) int { return cmp.Compare(b.EventID, a.EventID) })
	out := []roomMeetingObject{}
	for _, m := range newest {
		if len(out) == limit {
			break
		}
		if req.EventIDFilter > 0 && m.EventID >= req.EventIDFilter {
			continue
		}
		if starts := roomOccurrences(m, roomStateOf(m), from, to); len(starts) > 0 {
			out = append(out, roomMeetingOf(m, starts[0], c.now))
		}
	}
	return out, nil
}
