package quanshitest

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Lookups: getConferenceList, getConferenceBaseInfoById, getConfStatus and
// getPhoneAccessNum.

type confListRequest struct {
	UserID       int64     `json:"userId"`
	EmailAccount string    `json:"emailAccount"`
	StartDate    time.Time `json:"startDate"`
	EndDate      time.Time `json:"endDate"`
}

// confAttendee is an invitee as the list shows them (attendeeList).
type confAttendee struct {
	Email      string `json:"email"`
	Mobile     string `json:"mobile"`
	Name       string `json:"name"`
	CountryNum string `json:"countryNum"`
	ExtName    string `json:"extName"`
	ExtType    string `json:"extType"`
}

// confInvitee is an invitee as the info endpoint shows them (invitee).
type confInvitee struct {
	confAttendee `json:",inline"`
	GroupName    string `json:"groupName"`
	IsDuring     string `json:"isDuring"`
	UpdateTime   string `json:"updateTime"`
	CID          string `json:"cId"`
}

// confSummary are the members a list item and the info result share, all
// strings as in the spec's examples.
type confSummary struct {
	UserID          string `json:"userId"`
	ConferenceID    string `json:"conferenceId"`
	ConferenceTitle string `json:"conferenceTitle"`
	StartTime       string `json:"startTime"`
	EndTime         string `json:"endTime"`
	Length          string `json:"length"`
	PCode1          string `json:"pcode1"`
	PCode2          string `json:"pcode2"`
	Status          string `json:"status"`
	Location        string `json:"location"`
	From            string `json:"from"`
}

func confSummaryOf(m *meeting, now time.Time) confSummary {
	return confSummary{
		UserID: strconv.FormatInt(m.Host.ID, 10), ConferenceID: m.ConferenceID, ConferenceTitle: m.Title,
		StartTime: wire.FormatWallClock(m.Start), EndTime: wire.FormatWallClock(m.End()),
		Length: strconv.Itoa(m.Length), PCode1: m.PCode1, PCode2: m.PCode2,
		Status: strconv.Itoa(int(m.Status(now))), From: confMetaOf(m).From,
	}
}

// confListItem is a result.list entry (isHost a number, as in the example).
type confListItem struct {
	confSummary    `json:",inline"`
	AttendeeList   []confAttendee `json:"attendeeList"`
	CreatorAccount string         `json:"creatorAccount"`
	UserName       string         `json:"userName"`
	IsHost         int            `json:"isHost"`
}

// confHandleList lists the meetings an account hosts or is invited to whose
// time overlaps [startDate, endDate] (default: now to three months on),
// grouped by their Beijing start date. Cancelled meetings are left out. An
// empty list is [], the API's PHP habit.
func confHandleList(s *Server, c *call, req *confListRequest) (any, error) {
	if req.UserID <= 0 && strings.TrimSpace(req.EmailAccount) == "" {
		return nil, fail(codeInvalidParameter, "userId or emailAccount is required")
	}
	from, to := req.StartDate, req.EndDate
	if from.IsZero() {
		from = c.now
	}
	if to.IsZero() {
		to = c.now.AddDate(0, 3, 0)
	}
	if to.Before(from) {
		return nil, fail(codeInvalidParameter, "endDate %s is before startDate %s", wire.FormatWallClock(to), wire.FormatWallClock(from))
	}
	u, err := s.state.userFor(req.UserID, strings.TrimSpace(req.EmailAccount))
	if err != nil {
		return nil, err
	}
	found := s.state.find(func(m *meeting) bool {
		return !m.Cancelled && (m.Host.ID == u.ID || confInvited(m, u.ID)) && m.End().After(from) && m.Start.Before(to)
	})
	groups := map[string][]confListItem{}
	for _, m := range found {
		day := wire.FormatDate(m.Start)
		groups[day] = append(groups[day], confListItem{
			confSummary: confSummaryOf(m, c.now), AttendeeList: confAttendees(m), CreatorAccount: m.Host.Email, UserName: m.Host.Name,
			IsHost: confBit(m.Host.ID == u.ID),
		})
	}
	var list any = groups
	if len(groups) == 0 {
		list = []any{}
	}
	return map[string]any{"totalNum": len(found), "list": list, "currentTime": wire.FormatWallClock(c.now)}, nil
}

func confInvited(m *meeting, userID int64) bool {
	for _, u := range m.Invitees {
		if u.ID == userID {
			return true
		}
	}
	return false
}

func confBit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// confAttendees lists a meeting's invitees as the list shows them.
func confAttendees(m *meeting) []confAttendee {
	invitees := confInvitees(m)
	out := make([]confAttendee, len(invitees))
	for i, inv := range invitees {
		out[i] = inv.confAttendee
	}
	return out
}

// confInvitees lists a meeting's invitees as the info endpoint shows them:
// as they were invited through /conference, else from the directory.
func confInvitees(m *meeting) []confInvitee {
	meta := confMetaOf(m)
	updated := wire.FormatWallClock(cmp.Or(meta.InvitedAt, m.Created))
	out := make([]confInvitee, 0, len(m.Invitees))
	for _, u := range m.Invitees {
		as, ok := meta.Invited[u.ID]
		if !ok {
			as.Name = u.Name
		}
		out = append(out, confInvitee{
			confAttendee: confAttendee{Email: u.Email, Mobile: u.Mobile, Name: as.Name, ExtType: "0"},
			GroupName:    as.GroupName, IsDuring: "0", UpdateTime: updated, CID: strconv.FormatInt(as.CID, 10),
		})
	}
	return out
}

// confDialIn is an accessNum item of the info endpoint.
type confDialIn struct {
	Area   string `json:"area"`
	Number string `json:"number"`
}

// confInfo is the result of getConferenceBaseInfoById; numbers are strings
// as in the spec's example.
type confInfo struct {
	confSummary         `json:",inline"`
	Timezone            string         `json:"timezone"`
	TempConferenceID    string         `json:"tempConferenceId"`
	InviteeGroupList    any            `json:"inviteeGroupList"`
	Billingcode         string         `json:"billingcode"`
	DisplayName         string         `json:"displayName"`
	Name                string         `json:"name"`
	HostJoinURL         string         `json:"hostJoinUrl"`
	AttendeeJoinURL     string         `json:"attendeeJoinUrl"`
	TotalInvitee        string         `json:"total_invitee"`
	Invitee             []confInvitee  `json:"invitee"`
	CurrentTime         string         `json:"currentTime"`
	MoreAccessNumURL    string         `json:"moreAccessNumUrl"`
	AccessNum           []confDialIn   `json:"accessNum"`
	StatusInfo          any            `json:"statusInfo"`
	ExtraInfo           *confExtraInfo `json:"extraInfo"`
	WcallURL            string         `json:"wcallUrl"`
	HardwareLocation    string         `json:"hardwareLocation"`
	HardwareVideoIPList []string       `json:"hardwareVideoIpList"`
	PullURL             string         `json:"pullUrl"`
}

// confTimezone is the time zone text of the spec's example.
const confTimezone = "GMT+8，北京，重庆，上海，香港，台北，新加坡，佩斯"

// confDialInNumbers are the sandbox's dial-in numbers (those of the spec's
// example).
var confDialInNumbers = []confDialIn{{Area: "ALL", Number: "400-810-5211"}, {Area: "Beijing", Number: "+86(10)5808-4299"}}

// confHandleInfo serves POST getConferenceBaseInfoById/{appId}/{conferenceId}.
func confHandleInfo(s *Server, c *call) (any, error) {
	if c.params[0] != confAppID {
		return nil, fail(codeInvalidParameter, "appId must be 6, got %q", c.params[0])
	}
	if strings.TrimSpace(c.params[1]) == "" {
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	}
	m, err := confActive(s.state, c.params[1])
	if err != nil {
		return nil, err
	}
	meta, links := confMetaOf(m), m.links()
	var groups any = ""
	if len(meta.InviteeGroups) > 0 {
		groups = meta.InviteeGroups
	}
	info := confInfo{
		confSummary: confSummaryOf(m, c.now), Timezone: confTimezone, TempConferenceID: m.TempConferenceID,
		InviteeGroupList: groups, Billingcode: m.Billing,
		DisplayName: m.Host.Name, Name: m.Host.Name, HostJoinURL: links.Host, AttendeeJoinURL: links.Attendee,
		TotalInvitee: strconv.Itoa(len(m.Invitees)), Invitee: confInvitees(m),
		CurrentTime:      wire.FormatWallClock(c.now),
		MoreAccessNumURL: linkMeetHost + "/conference/access_number/6/" + strconv.FormatInt(m.Host.ID, 10) + ".html",
		AccessNum:        confDialInNumbers, ExtraInfo: meta.ExtraInfo, WcallURL: links.Wcall,
		HardwareVideoIPList: []string{confH323IP},
	}
	if meta.Flags["liveOpenFlag"] == 1 {
		info.PullURL = links.Pull
	}
	return info, nil
}

type confStatusRequest struct {
	UserID       int64  `json:"userId"`
	ConferenceID string `json:"conferenceId"`
}

// confStatus is the result of getConfStatus (advanceHours a string, as in
// the spec's example).
type confStatus struct {
	ConfStatus   int    `json:"confStatus"`
	Attendees    int    `json:"attendees"`
	PwdType      int    `json:"pwdType"`
	MayJoin      int    `json:"mayJoin"`
	AdvanceHours string `json:"advanceHours"`
}

// confAdvanceHours is how long before its start a meeting can be joined.
const confAdvanceHours = 2

// confHandleStatus reports the state from the clock: created before the
// start, in progress until the end, ended after, 0 once cancelled. While it
// runs, attendees counts the people who have joined (the host at the start,
// invitee i at minute i, as the reports show them).
func confHandleStatus(s *Server, c *call, req *confStatusRequest) (any, error) {
	if strings.TrimSpace(req.ConferenceID) == "" {
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	}
	m, err := s.state.byConference(req.ConferenceID)
	if err != nil {
		return nil, err
	}
	if req.UserID > 0 {
		if err := confIsHost(m, req.UserID, ""); err != nil {
			return nil, err
		}
	}
	status := m.Status(c.now)
	out := confStatus{ConfStatus: int(status), PwdType: confMetaOf(m).PasswordType, AdvanceHours: strconv.Itoa(confAdvanceHours)}
	switch status {
	case quanshi.ConferenceStatusInProgress:
		out.MayJoin = 1
		for _, a := range m.attendees() {
			if !c.now.Before(a.Join) {
				out.Attendees++
			}
		}
	case quanshi.ConferenceStatusCreated:
		out.MayJoin = confBit(!c.now.Before(m.Start.Add(-confAdvanceHours * time.Hour)))
	}
	return out, nil
}

type confAccessRequest struct {
	ACFlag      string `json:"acFlag"`
	BillingCode string `json:"billingCode"`
	Phone       string `json:"phone"`
	Strategy    string `json:"strategy"`
}

// confAccessNumber is a getPhoneAccessNum item.
type confAccessNumber struct {
	AccessID     string `json:"accessId"`
	AccessNo     string `json:"accessno"`
	AccessNoType string `json:"accessNoType"`
	Platform     string `json:"platform"`
}

// confAccessByArea are the sandbox's shared dial-in numbers by area code;
// Beijing's first is the spec's example.
var confAccessByArea = map[string][]confAccessNumber{
	"010": {{"7135", "01058858950", "1", "summit2"}, {"7136", "01058084299", "1", "summit2"}},
	"021": {{"7201", "02160718888", "1", "summit2"}},
	"020": {{"7301", "02038998888", "1", "summit2"}},
}

// confDedicatedNumber is the sandbox customer's dedicated number, returned
// with acFlag 1 (the default).
var confDedicatedNumber = confAccessNumber{"9001", "4008105211", "2", "summit2"}

// confHandleAccessNumbers returns the numbers for the caller's area: phone
// numbers starting 010, 020 or 021 (with or without +86) get that city's
// numbers; any other (a mobile, an unknown area, none) gets Beijing's, the
// documented strategy 1. acFlag 1 (default) adds the dedicated number. A
// billingCode, when given, must be a meeting's.
func confHandleAccessNumbers(s *Server, c *call, req *confAccessRequest) (any, error) {
	switch {
	case req.ACFlag != "" && req.ACFlag != "0" && req.ACFlag != "1":
		return nil, fail(codeInvalidParameter, "acFlag must be 0 or 1, got %q", req.ACFlag)
	case req.Strategy != "" && req.Strategy != "1":
		return nil, fail(codeInvalidParameter, "strategy must be 1, got %q", req.Strategy)
	}
	if bc := strings.TrimSpace(req.BillingCode); bc != "" {
		if len(s.state.find(func(m *meeting) bool { return m.Billing == bc })) == 0 {
			return nil, fail(codeConferenceNotFound, "no conference has billingCode %s", bc)
		}
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, req.Phone)
	if rest, ok := strings.CutPrefix(digits, "86"); ok && len(digits) > 11 {
		digits = "0" + rest
	}
	area := "010"
	if len(digits) >= 3 {
		if _, ok := confAccessByArea[digits[:3]]; ok {
			area = digits[:3]
		}
	}
	out := append([]confAccessNumber(nil), confAccessByArea[area]...)
	if req.ACFlag != "0" {
		out = append(out, confDedicatedNumber)
	}
	return out, nil
}
