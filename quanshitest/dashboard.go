package quanshitest

import (
	"cmp"
	"fmt"
	"strconv"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// The admin dashboard (/confopenapi, status/result): one run of a meeting by
// its tempConferenceId, the meetings in progress, and who is in one. It
// shows every meeting of the shared store, whichever family booked it. The
// people in a meeting are m.attendees() who have joined by now; someone who
// joined while the waiting room was open (realtime/meeting/control) waits
// there and is not counted.

const (
	pathDashConferenceInfo = "/confopenapi/admin/dashboard/conference/info"
	pathDashListByStatus   = "/confopenapi/conference/listbystatus"
	pathDashAttendeeList   = "/confopenapi/conference/attendee/list"

	dashPageSize = 20
	// customerCode is the sandbox customer's code (token/create answers
	// the same).
	dashOrgID      = 1000
	dashOrgName    = "sandbox"
	dashDataCenter = "sandbox"
	dashLocation   = "上海"
)

// dashboardRoutes are the admin dashboard and live-meeting views.
func dashboardRoutes() []*route {
	return []*route{
		endpoint(pathDashConferenceInfo, handleDashConferenceInfo),
		endpoint(pathDashListByStatus, handleDashListByStatus),
		endpoint(pathDashAttendeeList, handleDashAttendeeList),
	}
}

// dashConference is one run of a meeting as the dashboard shows it (the
// seed's conference info). ConferenceID, HostAccountType(Str) and
// HostOrgName are the live list's additions.
type dashConference struct {
	EventID            int64  `json:"eventId"`
	ConferenceID       string `json:"conferenceId,omitempty"`
	TempConferenceID   string `json:"tempConferenceId"`
	Title              string `json:"title"`
	BillingCode        string `json:"billingCode"`
	CustomerCode       string `json:"customerCode"`
	PCode2             string `json:"pcode2"`
	HostID             int64  `json:"hostId"`
	HostName           string `json:"hostName"`
	HostEmail          string `json:"hostEmail"`
	HostMobile         string `json:"hostMobile"`
	HostAccountType    *int   `json:"hostAccountType,omitzero"`
	HostAccountTypeStr string `json:"hostAccountTypeStr,omitempty"`
	HostOrgID          int64  `json:"hostOrgId"`
	HostOrgName        string `json:"hostOrgName,omitempty"`
	HostIP             string `json:"hostIp"`
	HostLocation       string `json:"hostLocation"`
	StartTime          int64  `json:"startTime"`
	StopTime           int64  `json:"stopTime"`
	ConfDuration       int64  `json:"confDuration"`
	IsSecureConf       *bool  `json:"isSecureConf"`
	IsRecord           *bool  `json:"isRecord"`
	DataCenter         string `json:"dataCenter"`
	Status             int    `json:"status"`
	AttendeeCnt        int    `json:"attendeeCnt"`
	VoipCnt            int    `json:"voipCnt"`
	PstnCnt            int    `json:"pstnCnt"`
	VideoCnt           int    `json:"videoCnt"`
	DesktopCnt         int    `json:"desktopCnt"`
	McuCnt             int    `json:"mcuCnt"`
	BoxCnt             int    `json:"boxCnt"`
	RawAttendeeCnt     int    `json:"rawAttendeeCnt"`
	RawPstnCnt         int    `json:"rawPstnCnt"`
}

// dashPresent is who of m's participants is in the meeting at now (while it
// runs) or took part (once it ended): joined, and not held in the waiting
// room.
func dashPresent(m *meeting, now time.Time) []attendee {
	ctl := eventControlOf(m)
	ended := m.Status(now) == quanshi.ConferenceStatusEnded
	var out []attendee
	for _, a := range m.attendees() {
		inMeeting := !a.Join.After(now) && now.Before(a.Leave)
		if ctl.admits(a.Join) && a.Join.Before(a.Leave) && (ended || inMeeting) {
			out = append(out, a)
		}
	}
	return out
}

// dashView is a meeting's run at now; it fails with a 50709 when the
// meeting is not running or over (not started yet, or cancelled).
func dashView(m *meeting, now time.Time) (*dashConference, error) {
	status := m.Status(now)
	if status != quanshi.ConferenceStatusInProgress && status != quanshi.ConferenceStatusEnded {
		return nil, fail(codeConferenceNotFound, "conference %s (tempConferenceId %s) has no run: it is %s", m.ConferenceID, m.TempConferenceID, status)
	}
	n := len(dashPresent(m, now))
	c := &dashConference{
		EventID: m.EventID, TempConferenceID: m.TempConferenceID, Title: m.Title, BillingCode: m.Billing,
		CustomerCode: customerCode, PCode2: m.PCode2,
		HostID: m.Host.ID, HostName: m.Host.Name, HostEmail: m.Host.Email, HostMobile: m.Host.Mobile,
		HostOrgID: dashOrgID, HostIP: dashIP(m.Host), HostLocation: dashLocation,
		StartTime: m.Start.Unix(), ConfDuration: int64(now.Sub(m.Start) / time.Second),
		IsSecureConf: new(false), IsRecord: new(true), DataCenter: dashDataCenter, Status: int(status),
		AttendeeCnt: n, VoipCnt: n, BoxCnt: len(m.Boxes), RawAttendeeCnt: n,
	}
	if status == quanshi.ConferenceStatusEnded {
		c.StopTime, c.ConfDuration = m.End().Unix(), int64(m.Length)*60
	}
	return c, nil
}

// dashIP is a stable private address for a user's client.
func dashIP(u *user) string { return fmt.Sprintf("10.0.%d.%d", u.ID/250%250, u.ID%250+1) }

type dashConferenceInfoRequest struct {
	TempConferenceID string `json:"tempConferenceId"`
}

func handleDashConferenceInfo(s *Server, c *call) (any, error) {
	var req dashConferenceInfoRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.TempConferenceID == "" {
		return nil, fail(codeInvalidParameter, "invalid parameter: tempConferenceId is required")
	}
	m, err := s.state.byTempID(req.TempConferenceID)
	if err != nil {
		return nil, err
	}
	return dashView(m, c.now)
}

type dashListByStatusRequest struct {
	FilterOneAttendee bool  `json:"filterOneAttendee"`
	AdminUserID       int64 `json:"adminUserId"`
	Page              int   `json:"page"`
	Count             int   `json:"count"`
}

// dashCheckPage: pages are numbered from 1 (0 means 1), counts are not
// negative (0 means the default).
func dashCheckPage(page, count int) error {
	if page < 0 || count < 0 {
		return fail(codeInvalidParameter, "invalid parameter: page and count must not be negative")
	}
	return nil
}

func handleDashListByStatus(s *Server, c *call) (any, error) {
	var req dashListByStatusRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if err := dashCheckPage(req.Page, req.Count); err != nil {
		return nil, err
	}
	// The super administrator (the default, and the sandbox's admin) sees
	// every meeting; another administrator the meetings they host.
	everyone := req.AdminUserID == 0 || req.AdminUserID == s.AdminUserID
	live := s.state.find(func(m *meeting) bool {
		return m.Status(c.now) == quanshi.ConferenceStatusInProgress &&
			(everyone || m.Host.ID == req.AdminUserID) &&
			(!req.FilterOneAttendee || len(dashPresent(m, c.now)) > 1)
	})
	page := eventPageOf(live, max(req.Page, 1)-1, cmp.Or(req.Count, dashPageSize))
	list := make([]*dashConference, len(page))
	for i, m := range page {
		conf, err := dashView(m, c.now)
		if err != nil {
			return nil, err
		}
		conf.ConferenceID, conf.HostOrgName = m.ConferenceID, dashOrgName
		conf.HostAccountType, conf.HostAccountTypeStr = new(1), "主持人账号"
		list[i] = conf
	}
	return map[string]any{"totalCount": len(live), "confList": list}, nil
}

type dashAttendeeListRequest struct {
	EventID int64 `json:"eventId"`
	Page    int   `json:"page"`
	Count   int   `json:"count"`
}

// dashAttendee is one endpoint in a meeting.
type dashAttendee struct {
	EventID      int64  `json:"eventId"`
	ConferenceID string `json:"conferenceId"`
	TempUserID   int64  `json:"tempUserId"`
	UserID       int64  `json:"userId"`
	CustomerCode string `json:"customerCode"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	Mobile       string `json:"mobile"`
	Role         int    `json:"role"`
	Roles        []int  `json:"roles"`
	DeviceType   string `json:"deviceType"`
	DeviceVer    string `json:"deviceVer"`
	DeviceID     string `json:"deviceId"`
	LocalIP      string `json:"localIp"`
	IP           string `json:"ip"`
	Location     string `json:"location"`
	Carrier      string `json:"carrier"`
	NetType      string `json:"netType"`
}

// dashDevices are the clients participants use, in turn.
var dashDevices = []struct{ kind, version, net, carrier string }{
	{"Windows", "6.8.2.15", "WIFI", "电信"},
	{"Mac", "6.8.2.15", "WIFI", "联通"},
	{"iOS", "6.8.1", "4G", "移动"},
	{"Android", "6.8.1", "5G", "移动"},
}

func handleDashAttendeeList(s *Server, c *call) (any, error) {
	var req dashAttendeeListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.EventID <= 0 {
		return nil, fail(codeInvalidParameter, "invalid parameter: eventId is required")
	}
	if err := dashCheckPage(req.Page, req.Count); err != nil {
		return nil, err
	}
	m, err := s.state.byEventID(req.EventID)
	if err != nil {
		return nil, err
	}
	// Only a meeting in progress has endpoints in it.
	var present []attendee
	if m.Status(c.now) == quanshi.ConferenceStatusInProgress {
		present = dashPresent(m, c.now)
	}
	index := map[*user]int{}
	for i, a := range m.attendees() {
		index[a.User] = i
	}
	page := eventPageOf(present, max(req.Page, 1)-1, cmp.Or(req.Count, dashPageSize))
	list := make([]dashAttendee, len(page))
	for i, a := range page {
		n := index[a.User]
		dev := dashDevices[n%len(dashDevices)]
		role, roles := 0, []int{}
		if a.Role == "host" {
			role, roles = 1, []int{1}
		}
		tempID, _ := strconv.ParseInt(m.TempConferenceID, 10, 64)
		list[i] = dashAttendee{
			EventID: m.EventID, ConferenceID: m.ConferenceID, TempUserID: tempID*100 + int64(n) + 1,
			UserID: a.User.ID, CustomerCode: customerCode, Name: a.User.Name, Email: a.User.Email,
			Mobile: a.User.Mobile, Role: role, Roles: roles, DeviceType: dev.kind, DeviceVer: dev.version,
			DeviceID: eventCode("device", fmt.Sprint(a.User.ID)), LocalIP: fmt.Sprintf("192.168.1.%d", 10+n),
			IP: dashIP(a.User), Location: dashLocation, Carrier: dev.carrier, NetType: dev.net,
		}
	}
	return map[string]any{"list": list}, nil
}
