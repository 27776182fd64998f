package quanshitest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// The classic cloud-meeting endpoints (/conference/...) and the
// /confopenapi/conference launch endpoints.
//
// Sandbox rules, where the spec leaves the behaviour open:
//
//   - A request that names the host (userId or email on create, update and
//     getConfStatus, the userIdEmail segment of cancel, userId of getPullUrl)
//     must name the meeting's host: another user is a 50103, an unknown user on
//     cancel a 51104 (host account not found).
//   - A cancelled meeting is gone: get, update, cancel, bind and the link
//     endpoints answer 50709, the list leaves it out, and getConfStatus
//     reports confStatus 0 (not found or deleted).
//   - Only a meeting that has not started can be cancelled; an ended meeting
//     cannot be updated or get boxes (50103).
//   - Create requires starttime and a positive length; a missing title
//     becomes "<host name>的会议". A periodic meeting (cycle 2) needs
//     periodEndDate and is kept as its first occurrence.
//   - Update changes what it sends; inviteeList, when sent, replaces the
//     invitees ([] removes them all, "" is a 50103 as the spec warns).
//   - getConferenceList lists the meetings the account hosts (isHost 1) or
//     is invited to (isHost 0) that overlap the range; an empty list is [].
//   - Box ids: "GN3399BOX" and 7 digits is a box of the sandbox's customer
//     (bound); "GN", 4 other digits, "BOX" and 7 digits is another customer's
//     box (rejected: customerCode differs); anything else does not exist
//     (rejected: not found). A failed bind (51208) leaves the boxes bound
//     before in place.
//   - Links are derived from the meeting: s.sandbox.quanshi.test/k/h<id> for
//     the host, /k/a<id> for participants, live.sandbox.quanshi.test/3/<id>
//     for the live stream.

// conferenceRoutes are the classic /conference endpoints and the /confopenapi/conference launch endpoints.
func conferenceRoutes() []*route {
	return []*route{
		endpoint("/conference/conference/reservConference2", confJSON(confHandleCreate)),
		endpoint("/conference/conference/updateReservConference", confJSON(confHandleUpdate)),
		{method: http.MethodGet, path: "/conference/conference/cancelReservConference", params: 7, optional: 3, handle: confHandleCancel},
		endpoint("/conference/business/getConferenceList", confJSON(confHandleList)),
		{method: http.MethodPost, path: "/conference/conference/getConferenceBaseInfoById", params: 2, handle: confHandleInfo},
		endpoint("/conference/conference/getConfStatus", confJSON(confHandleStatus)),
		endpoint("/conference/conference/getPhoneAccessNum", confJSON(confHandleAccessNumbers)),
		endpoint("/conference/conference/confBindBox", confJSON(confHandleBindBoxes)),
		endpoint("/conference/launch/joinConference", confJSON(confHandleJoinURL)),
		endpoint("/conference/launch/launchString", confJSON(confHandleLaunchString)),
		endpoint("/confopenapi/conference/getPullUrl", confJSON(confHandlePullURL)),
		endpoint("/confopenapi/conference/launch/joinConferenceNoSecret", confJSON(confHandleNoSecretJoin)),
		endpoint("/confopenapi/conference/launch/launchMeetingClient", confJSON(confHandleLaunchClient)),
	}
}

// confJSON makes a handler of one that takes the decoded body (decoded with
// the API's lenient rules; a body of the wrong shape is a 50103).
func confJSON[T any](h func(s *Server, c *call, req *T) (any, error)) handler {
	return func(s *Server, c *call) (any, error) {
		req := new(T)
		if err := c.decode(req); err != nil {
			return nil, err
		}
		return h(s, c, req)
	}
}

// confAppID is the appId the classic endpoints want ("请传6").
const confAppID = "6"

// confH323IP is the address hardware video terminals dial (a documentation
// address).
const confH323IP = "192.0.2.91"

// confMeta is what the conference family keeps on a meeting: the request
// fields it echoes back (launch strings, status, info).
// Meetings other families booked get the defaults.
type confMeta struct {
	From          string
	Cycle         int
	PeriodEnd     time.Time
	PasswordType  int
	EmailNotify   bool
	SMSNotify     bool
	InformType    int
	ExtraInfo     *confExtraInfo
	InviteeGroups []jsontext.Value
	// Invited holds how each invitee was invited, by user id.
	Invited map[int64]confInvitedAs
	// InvitedAt is when the invitee list was last set (zero: at creation).
	InvitedAt time.Time
	// Switches (0 no, 1 yes) and levels, by wire name.
	Flags map[string]int
	// Texts are the free-text settings (livePassword, extend, ...), by wire name.
	Texts map[string]string
}

func newConfMeta() *confMeta {
	return &confMeta{
		Invited: map[int64]confInvitedAs{},
		Flags:   map[string]int{"isShowInfo": 1, "isShowVideo": 1, "isAllowUnmute": 1, "AllowInvite": 1},
		Texts:   map[string]string{},
	}
}

// confInvitedAs is how an invitee was invited: the name shown for them, and
// the group and contact id sent.
type confInvitedAs struct {
	Name      string
	GroupName string
	CID       int64
}

func confMetaOf(m *meeting) *confMeta { return meetingState(m, "conference", newConfMeta) }

// confFlag is a 0/1 switch of a request. It accepts 0, 1, true, false and
// the same as strings ("1", "true"), as the spec's own examples send them;
// anything else is an invalid parameter.
type confFlag int

// UnmarshalJSONFrom reads a switch in any of its forms.
func (f *confFlag) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	text := string(v)
	if v.Kind() == '"' {
		raw, err := jsontext.AppendUnquote(nil, v)
		if err != nil {
			return err
		}
		text = string(raw)
	}
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "0", "false", "", "null":
		*f = 0
	case "1", "true":
		*f = 1
	default:
		return &confFlagError{text}
	}
	return nil
}

type confFlagError struct{ text string }

func (e *confFlagError) Error() string { return "a switch must be 0 or 1, got " + e.text }

// confSetting is the participant settings object (seting).
type confSetting struct {
	IsShowInfo    *confFlag `json:"isShowInfo"`
	IsShowVideo   *confFlag `json:"isShowVideo"`
	IsOnly        *confFlag `json:"isOnly"`
	IsAllowUnmute *confFlag `json:"isAllowUnmute"`
}

// confExtraInfo is extraInfo: the hardware join methods.
type confExtraInfo struct {
	JoinMethod *confJoinMethod `json:"joinMethod,omitzero"`
}

type confJoinMethod struct {
	Box           confFlag `json:"box"`
	HardwareVideo confFlag `json:"hardwareVideo"`
	Lync          confFlag `json:"lync"`
}

// confInviteeRequest is an inviteeList item.
type confInviteeRequest struct {
	UserID    int64  `json:"userId"`
	Email     string `json:"email"`
	Mobile    string `json:"mobile"`
	Name      string `json:"name"`
	CID       int64  `json:"cId"`
	GroupName string `json:"groupName"`
	GroupID   string `json:"groupId"`
}

// confReserveRequest is the body of reservConference2 and
// updateReservConference (the update-only and create-only members are
// ignored by the other). Pointers tell "not sent" from an explicit 0.
type confReserveRequest struct {
	ConferenceID string       `json:"conferenceId"`
	UserID       int64        `json:"userId"`
	Email        string       `json:"email"`
	Title        string       `json:"title"`
	Length       *int         `json:"length"`
	StartTime    time.Time    `json:"starttime"`
	Summary      *string      `json:"summary"`
	Setting      *confSetting `json:"seting"`
	// InviteeList is kept raw to reject "" (the spec: send [], never "").
	InviteeList  jsontext.Value `json:"inviteeList"`
	EmailNotify  *bool          `json:"email_notify"`
	SMSNotify    *bool          `json:"sms_notify"`
	PasswordType *int           `json:"password_type"`

	IsShowInfo      *confFlag `json:"isShowInfo"`
	ShowInfo        *confFlag `json:"showInfo"`
	IsShowVideo     *confFlag `json:"isShowVideo"`
	ShowVideo       *confFlag `json:"showVideo"`
	IsAllowUnmute   *confFlag `json:"isAllowUnmute"`
	AllowUnmute     *confFlag `json:"allowUnmute"`
	IsOnly          *confFlag `json:"isOnly"`
	AutoRecord      *confFlag `json:"autoRecord"`
	MustSelectAudio *confFlag `json:"mustSelectAudio"`
	AutoVideo       *confFlag `json:"autoVideo"`
	LiveOpenFlag    *confFlag `json:"liveOpenFlag"`
	EnableCloudMCU  *confFlag `json:"enableCloudMCU"`
	JoinLogin       *confFlag `json:"joinLogin"`
	UseWaitingRoom  *confFlag `json:"useWaitingRoom"`
	OpenWatchword   *confFlag `json:"openWatchword"`
	AllowInvite     *confFlag `json:"AllowInvite"`
	HardwareVideo   *confFlag `json:"hardwareVideo"`

	ConfLevelMute          *int `json:"confLevelMute"`
	ConfLevelVideoStandard *int `json:"confLevelVideoStandard"`
	EstimateSize           *int `json:"estimateSize"`
	SV                     *int `json:"sv"`
	InformType             *int `json:"informType"`

	// The texts are pointers: "" clears a text on update, absent keeps it.
	RecordCallbackURL *string `json:"recordCallbackUrl"`
	Extend            *string `json:"extend"`
	LivePassword      *string `json:"livePassword"`
	EventWatchword    *string `json:"eventWatchword"`

	// Create only.
	From             string           `json:"from"`
	Cycle            *int             `json:"cycle"`
	PeriodEndDate    time.Time        `json:"periodEndDate"`
	InviteeGroupList []jsontext.Value `json:"inviteeGroupList"`
	ExtraInfo        *confExtraInfo   `json:"extraInfo"`
}

// confReservation is the result of create and update, with the members of
// the spec's example in their forms (hostname in lower case, both
// billingCode spellings).
type confReservation struct {
	ConferenceID          string   `json:"conferenceId"`
	PCode1                string   `json:"pcode1"`
	PCode2                string   `json:"pcode2"`
	UserID                int64    `json:"userId"`
	ConferenceTitle       string   `json:"conferenceTitle"`
	BillingCode           string   `json:"billingCode"`
	Billingcode           string   `json:"billingcode"`
	StartTime             string   `json:"startTime"`
	EndTime               string   `json:"endTime"`
	Length                int      `json:"length"`
	Status                int      `json:"status"`
	CreatorAccount        string   `json:"creatorAccount"`
	CreatorName           string   `json:"creatorName"`
	Location              string   `json:"location"`
	CurrentTime           string   `json:"currentTime"`
	Title                 string   `json:"title"`
	DTitle                string   `json:"dTitle"`
	Hostname              string   `json:"hostname"`
	Desc                  string   `json:"desc"`
	Host                  string   `json:"host"`
	HostConferenceURL     string   `json:"hostConferenceUrl"`
	AttendeeJoinURL       string   `json:"attendeeJoinUrl"`
	InformType            int      `json:"informType"`
	From                  string   `json:"from"`
	HostMobile            string   `json:"hostMobile"`
	EmailNotify           bool     `json:"email_notify"`
	H323IP                []string `json:"h323Ip"`
	StartTimeUnix         int64    `json:"startTimeUnix"`
	EndTimeUnix           int64    `json:"endTimeUnix"`
	UsedConfTickets       int      `json:"usedConfTickets"`
	WcallURL              string   `json:"wcallUrl"`
	HostConferenceLongURL string   `json:"hostConferenceLongUrl"`
	AttendeeJoinLongURL   string   `json:"attendeeJoinLongUrl"`
	PullPwd               string   `json:"pullPwd,omitempty"`
	PullURL               string   `json:"pullUrl,omitempty"`
}

func confHandleCreate(s *Server, c *call, req *confReserveRequest) (any, error) {
	switch {
	case req.UserID <= 0 && strings.TrimSpace(req.Email) == "":
		return nil, fail(codeInvalidParameter, "userId or email is required")
	case req.StartTime.IsZero():
		return nil, fail(codeInvalidParameter, "starttime is required (format 2013-05-30 14:41:20)")
	case req.Length == nil:
		return nil, fail(codeInvalidParameter, "length is required")
	}
	if err := req.check(true); err != nil {
		return nil, err
	}
	invitees, err := confParseInvitees(req.InviteeList, deref(req.Extend))
	if err != nil {
		return nil, err
	}
	st := s.state
	host, err := st.userFor(req.UserID, strings.TrimSpace(req.Email))
	if err != nil {
		return nil, err
	}
	title := req.Title
	if title == "" {
		title = host.Name + "的会议"
	}
	m := st.newMeeting("conference", host, title, req.StartTime, *req.Length, c.now)
	meta := confMetaOf(m)
	meta.From = req.From
	meta.InviteeGroups = req.InviteeGroupList
	meta.ExtraInfo = req.ExtraInfo
	if req.Cycle != nil {
		meta.Cycle, meta.PeriodEnd = *req.Cycle, req.PeriodEndDate
	}
	req.apply(st, m, meta, invitees)
	return confReservationOf(m, c.now), nil
}

func confHandleUpdate(s *Server, c *call, req *confReserveRequest) (any, error) {
	if strings.TrimSpace(req.ConferenceID) == "" {
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	}
	m, err := confActive(s.state, req.ConferenceID)
	if err != nil {
		return nil, err
	}
	if err := confIsHost(m, req.UserID, req.Email); err != nil {
		return nil, err
	}
	if m.Status(c.now) == quanshi.ConferenceStatusEnded {
		return nil, fail(codeInvalidParameter, "conference %s has ended and cannot be changed", m.ConferenceID)
	}
	if err := req.check(false); err != nil {
		return nil, err
	}
	invitees, err := confParseInvitees(req.InviteeList, deref(req.Extend))
	if err != nil {
		return nil, err
	}
	if req.Title != "" {
		m.Title = req.Title
	}
	if req.Length != nil {
		m.Length = *req.Length
	}
	if !req.StartTime.IsZero() {
		m.Start = req.StartTime.In(quanshi.Beijing)
	}
	m.Modified = c.now
	req.apply(s.state, m, confMetaOf(m), invitees)
	return confReservationOf(m, c.now), nil
}

// check applies the rules the spec states for create and update.
func (r *confReserveRequest) check(create bool) error {
	bad := func(format string, args ...any) error { return fail(codeInvalidParameter, format, args...) }
	inSet := func(p *int, allowed ...int) bool { return p == nil || slices.Contains(allowed, *p) }
	switch {
	case r.Email != "" && !confValidEmail(r.Email):
		return bad("email %q is not an e-mail address", r.Email)
	case r.Length != nil && *r.Length <= 0:
		return bad("length must be a positive number of minutes, got %d", *r.Length)
	case !inSet(r.PasswordType, 0, 1):
		return bad("password_type must be 0 or 1")
	case !inSet(r.ConfLevelMute, 0, 1, 2):
		return bad("confLevelMute must be 1 or 2")
	case !inSet(r.ConfLevelVideoStandard, 0, 1, 2, 4):
		return bad("confLevelVideoStandard must be 1, 2 or 4")
	case r.EstimateSize != nil && *r.EstimateSize < 0:
		return bad("estimateSize must not be negative")
	case r.EnableCloudMCU != nil && *r.EnableCloudMCU == 1 && (r.SV == nil || *r.SV < 100):
		return bad("sv must be at least 100 when enableCloudMCU is 1")
	case deref(r.RecordCallbackURL) != "" && !confHTTPURL(*r.RecordCallbackURL):
		return bad("recordCallbackUrl must be an http(s) URL")
	}
	if !create {
		return nil
	}
	switch {
	case !inSet(r.Cycle, 0, 2):
		return bad("cycle must be 0 or 2")
	case r.Cycle != nil && *r.Cycle == 2 && r.PeriodEndDate.IsZero():
		return bad("periodEndDate is required for a periodic meeting (cycle 2)")
	case r.Cycle != nil && *r.Cycle == 2 && wire.FormatDate(r.PeriodEndDate) < wire.FormatDate(r.StartTime):
		return bad("periodEndDate %s is before the start", wire.FormatDate(r.PeriodEndDate))
	}
	return nil
}

// apply stores the request's settings and invitees on the meeting.
func (r *confReserveRequest) apply(st *state, m *meeting, meta *confMeta, invitees []confInviteeRequest) {
	if r.Summary != nil { // "" clears it
		m.Summary = *r.Summary
	}
	if invitees != nil {
		meta.InvitedAt = m.Modified
		m.Invitees = m.Invitees[:0:0]
		clear(meta.Invited)
		for _, inv := range invitees {
			u, name := confInviteeUser(st, inv)
			if _, dup := meta.Invited[u.ID]; dup {
				continue
			}
			m.Invitees = append(m.Invitees, u)
			meta.Invited[u.ID] = confInvitedAs{Name: name, GroupName: inv.GroupName, CID: inv.CID}
		}
	}
	if r.EmailNotify != nil {
		meta.EmailNotify = *r.EmailNotify
	}
	if r.SMSNotify != nil {
		meta.SMSNotify = *r.SMSNotify
	}
	if r.PasswordType != nil {
		meta.PasswordType = *r.PasswordType
	}
	if r.InformType != nil {
		meta.InformType = *r.InformType
	}
	if s := r.Setting; s != nil {
		confSetFlags(meta, map[string]*confFlag{"isShowInfo": s.IsShowInfo, "isShowVideo": s.IsShowVideo, "isOnly": s.IsOnly, "isAllowUnmute": s.IsAllowUnmute})
	}
	// The page lists each participant switch twice (isShowInfo and showInfo,
	// ...); both spellings set the same setting.
	confSetFlags(meta, map[string]*confFlag{
		"isShowInfo": confFirst(r.IsShowInfo, r.ShowInfo), "isShowVideo": confFirst(r.IsShowVideo, r.ShowVideo),
		"isAllowUnmute": confFirst(r.IsAllowUnmute, r.AllowUnmute), "isOnly": r.IsOnly,
		"autoRecord": r.AutoRecord, "mustSelectAudio": r.MustSelectAudio, "autoVideo": r.AutoVideo,
		"liveOpenFlag": r.LiveOpenFlag, "enableCloudMCU": r.EnableCloudMCU, "joinLogin": r.JoinLogin,
		"useWaitingRoom": r.UseWaitingRoom, "openWatchword": r.OpenWatchword, "AllowInvite": r.AllowInvite,
		"hardwareVideo": r.HardwareVideo,
	})
	for name, p := range map[string]*int{"confLevelMute": r.ConfLevelMute, "confLevelVideoStandard": r.ConfLevelVideoStandard,
		"estimateSize": r.EstimateSize, "sv": r.SV} {
		if p != nil {
			meta.Flags[name] = *p
		}
	}
	for name, v := range map[string]*string{"recordCallbackUrl": r.RecordCallbackURL, "extend": r.Extend,
		"livePassword": r.LivePassword, "eventWatchword": r.EventWatchword} {
		switch {
		case v == nil:
		case *v == "":
			delete(meta.Texts, name)
		default:
			meta.Texts[name] = *v
		}
	}
}

func confFirst(a, b *confFlag) *confFlag {
	if a != nil {
		return a
	}
	return b
}

func confSetFlags(meta *confMeta, flags map[string]*confFlag) {
	for name, p := range flags {
		if p != nil {
			meta.Flags[name] = int(*p)
		}
	}
}

// confParseInvitees reads inviteeList: absent or null is nil (keep the
// invitees), [] is an empty list, a string is a 50103 as the spec warns.
// Every item needs userId, email or mobile; e-mail addresses get extend.
func confParseInvitees(raw jsontext.Value, extend string) ([]confInviteeRequest, error) {
	if len(raw) == 0 || raw.Kind() == 'n' {
		return nil, nil
	}
	if raw.Kind() != '[' {
		return nil, fail(codeInvalidParameter, "inviteeList must be an array ([] for no invitees), not %s", raw.Kind())
	}
	list := []confInviteeRequest{}
	if err := wire.Unmarshal(raw, &list); err != nil {
		return nil, fail(codeInvalidParameter, "inviteeList: %v", err)
	}
	for i := range list {
		inv := &list[i]
		inv.Email = strings.TrimSpace(inv.Email)
		if inv.Email != "" && !strings.Contains(inv.Email, "@") && extend != "" {
			inv.Email += "@" + strings.TrimPrefix(extend, "@")
		}
		switch {
		case inv.UserID <= 0 && inv.Email == "" && strings.TrimSpace(inv.Mobile) == "":
			return nil, fail(codeInvalidParameter, "inviteeList[%d]: email or mobile is required when userId is not given", i)
		case inv.Email != "" && !confValidEmail(inv.Email):
			return nil, fail(codeInvalidParameter, "inviteeList[%d].email %q is not an e-mail address", i, inv.Email)
		}
	}
	return list, nil
}

// confInviteeUser finds or provisions an invitee and the name the meeting
// shows for them: the name sent, else the e-mail or mobile they were invited
// by, else their directory name.
func confInviteeUser(st *state, inv confInviteeRequest) (*user, string) {
	var u *user
	switch {
	case inv.UserID > 0 || inv.Email != "":
		u, _ = st.userFor(max(inv.UserID, 0), inv.Email)
	default:
		u = confUserByMobile(st, strings.TrimSpace(inv.Mobile))
	}
	if u.Mobile == "" && inv.Mobile != "" {
		u.Mobile = strings.TrimSpace(inv.Mobile)
	}
	switch {
	case inv.Name != "":
		return u, inv.Name
	case inv.UserID <= 0 && inv.Email != "":
		return u, inv.Email
	case inv.UserID <= 0:
		return u, u.Mobile
	}
	return u, u.Name
}

// confUserByMobile finds the user with a mobile number, provisioning one
// (the core's userFor knows ids and e-mail addresses only).
func confUserByMobile(st *state, mobile string) *user {
	for _, u := range st.users {
		if u.Mobile == mobile {
			return u
		}
	}
	st.nextUser++
	return st.addUser(&user{ID: st.nextUser, Mobile: mobile, Name: mobile})
}

func confValidEmail(s string) bool {
	local, domain, ok := strings.Cut(strings.TrimSpace(s), "@")
	return ok && local != "" && domain != "" && !strings.ContainsAny(s, " \t")
}

func confHTTPURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// confActive finds a meeting that has not been cancelled (50709 otherwise).
func confActive(st *state, conferenceID string) (*meeting, error) {
	m, err := st.byConference(conferenceID)
	if err != nil {
		return nil, err
	}
	if m.Cancelled {
		return nil, fail(codeConferenceNotFound, "conference %s was cancelled", m.ConferenceID)
	}
	return m, nil
}

// confIsHost checks that a request naming the host by userId or e-mail names
// this meeting's host.
func confIsHost(m *meeting, userID int64, email string) error {
	email = strings.TrimSpace(email)
	switch {
	case userID <= 0 && email == "":
		return fail(codeInvalidParameter, "userId or email of the host is required")
	case userID > 0 && userID != m.Host.ID:
		return fail(codeInvalidParameter, "user %d is not the host of conference %s", userID, m.ConferenceID)
	case userID <= 0 && !strings.EqualFold(email, m.Host.Email):
		return fail(codeInvalidParameter, "%s is not the host of conference %s", email, m.ConferenceID)
	}
	return nil
}

// confHandleCancel serves
// GET cancelReservConference/{appId}/{conferenceId}/{language}/{userIdEmail}/{callbackUrl}/{email_notify}/{sms_notify}.
func confHandleCancel(s *Server, c *call) (any, error) {
	appID, conferenceID, hostRef := c.params[0], c.params[1], strings.TrimSpace(c.params[3])
	switch {
	case appID != confAppID:
		return nil, fail(codeInvalidParameter, "appId must be 6, got %q", appID)
	case strings.TrimSpace(conferenceID) == "":
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	case hostRef == "":
		return nil, fail(codeInvalidParameter, "userIdEmail (the host's userId or e-mail) is required")
	}
	for i, name := range map[int]string{5: "email_notify", 6: "sms_notify"} {
		if v := c.params[i]; v != "" {
			if _, err := strconv.ParseBool(v); err != nil {
				return nil, fail(codeInvalidParameter, "%s must be true or false, got %q", name, v)
			}
		}
	}
	m, err := confActive(s.state, conferenceID)
	if err != nil {
		return nil, err
	}
	var u *user
	if id, err := strconv.ParseInt(hostRef, 10, 64); err == nil {
		u = s.state.users[id]
	} else {
		u = s.state.byEmail[strings.ToLower(hostRef)]
	}
	switch {
	case u == nil:
		return nil, fail(confCodeHostNotFound, "no account found for host %s", hostRef)
	case u.ID != m.Host.ID:
		return nil, fail(codeInvalidParameter, "%s is not the host of conference %s", hostRef, m.ConferenceID)
	case m.Status(c.now) != quanshi.ConferenceStatusCreated:
		return nil, fail(codeInvalidParameter, "conference %s has started and cannot be cancelled", m.ConferenceID)
	}
	m.Cancelled = true
	m.Modified = c.now
	return nil, nil
}

// confCodeHostNotFound is 51104: the host's account was not found.
const confCodeHostNotFound = 51104

// confReservationOf answers create and update from the meeting.
func confReservationOf(m *meeting, now time.Time) confReservation {
	meta := confMetaOf(m)
	links := m.links()
	r := confReservation{
		ConferenceID: m.ConferenceID, PCode1: m.PCode1, PCode2: m.PCode2, UserID: m.Host.ID,
		ConferenceTitle: m.Title, BillingCode: m.Billing, Billingcode: m.Billing,
		StartTime: wire.FormatWallClock(m.Start), EndTime: wire.FormatWallClock(m.End()),
		Length: m.Length, Status: int(m.Status(now)),
		CreatorAccount: m.Host.Email, CreatorName: m.Host.Name, CurrentTime: wire.FormatWallClock(now),
		Title: "邀请您参加" + m.Host.Name + "的会议", DTitle: m.Title, Hostname: m.Host.Name,
		Desc: m.PCode2, Host: m.Host.Name,
		HostConferenceURL: links.Host, AttendeeJoinURL: links.Attendee,
		HostConferenceLongURL: links.HostLong, AttendeeJoinLongURL: links.AttendeeLong,
		InformType: meta.InformType, From: meta.From, HostMobile: m.Host.Mobile, EmailNotify: meta.EmailNotify,
		H323IP: []string{confH323IP}, StartTimeUnix: m.Start.Unix(), EndTimeUnix: m.End().Unix(),
		WcallURL: links.Wcall,
	}
	if meta.Flags["liveOpenFlag"] == 1 {
		r.PullURL, r.PullPwd = links.Pull, meta.Texts["livePassword"]
	}
	return r
}

// deref is *p, or "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
