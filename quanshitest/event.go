package quanshitest

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go"
)

// The event family (/eventopenapi, code/data envelope, token in the body).
//
// Series (RP) and strategy (F) parents hold no meeting: they live in the
// family's own store. Their children (R, FB, FC) are ordinary meetings of the
// shared store, so the conference, room, report and dashboard endpoints see
// them like any other meeting. Every meeting of the store is also an event
// (eventId is the shared calendar id): event/info, modify/list and
// public/list show meetings booked through /conference or /confopenapi/room
// as web meetings (eventForm 3), and realtime/meeting/control acts on any
// meeting in progress.

const (
	pathEventCreate     = "/eventopenapi/event/create"
	pathEventInfo       = "/eventopenapi/event/info"
	pathEventModifyList = "/eventopenapi/event/modify/list"
	pathEventPublicList = "/eventopenapi/event/public/list"
	pathEventControl    = "/eventopenapi/realtime/meeting/control"
)

// eventRoutes are the /eventopenapi event endpoints.
func eventRoutes() []*route {
	return []*route{
		endpoint(pathEventCreate, handleEventCreate),
		endpoint(pathEventInfo, handleEventInfo),
		endpoint(pathEventModifyList, handleEventModifyList),
		endpoint(pathEventPublicList, handleEventPublicList),
		endpoint(pathEventControl, handleEventControl),
	}
}

// Event calendar types and forms.
const (
	eventSeriesParent   = "RP"
	eventSeriesChild    = "R"
	eventStrategyParent = "F"
	eventForum          = "FB"
	eventListedCompany  = "FC"

	eventFormWebMeeting = 3 // meetings booked outside /eventopenapi
	eventFormLargeLive  = 7 // children created through /eventopenapi

	// eventEndedAfter is how long after its scheduled end an event reads
	// as ended (status 4): "已结束" comes 12 hours past the scheduled time.
	eventEndedAfter = 12 * time.Hour

	eventSummaryMaxRunes = 500
	eventModifyPageSize  = 10
	eventPublicPageSize  = 20
	eventInfoKey         = "event"
	eventControlKey      = "event.control"
)

// eventMeetingTypes names the business template of each meetingType; its id
// is eventTemplateBase + meetingType (126999 上市公司会议, as the create
// example answers).
var eventMeetingTypes = map[int]string{
	1: "分析师会议", 2: "上市公司会议", 3: "专家会议", 4: "小范围交流会", 5: "晨会", 6: "在线培训", 7: "指定范围会议",
}

const eventTemplateBase = 126997

// eventStore is what the family keeps for itself: the parent events.
type eventStore struct {
	parents map[int64]*eventParent
	order   []*eventParent
}

func newEventStore() *eventStore { return &eventStore{parents: map[int64]*eventParent{}} }

func eventStoreOf(st *state) *eventStore { return familyState(st, "event", newEventStore) }

// eventParent is a series (RP) or strategy (F) parent: a calendar entry
// that groups meetings and has none of its own.
type eventParent struct {
	EventID  int64
	Host     *user
	Title    string
	Summary  string
	Info     *eventInfo
	Created  time.Time
	Modified time.Time
	Children []*meeting
}

// eventInfo is what a create request said about an event, kept for
// read-back: on a parent, and on a child meeting (meetingState).
type eventInfo struct {
	CalType               string
	MeetingType           int
	Parent                *eventParent
	LiveCover             string
	Recommends            []int
	RecommendJoinLimit    int
	JoinLimits            []int
	EnrollApproval        *int
	ListedCompany         *eventListedCompanyIn
	SamePassword          bool
	IsReturnLiveStreamURL int
}

func newEventInfo() *eventInfo { return &eventInfo{} }

// eventInfoOf returns the event fields of a meeting created through
// /eventopenapi, or nil for a meeting booked elsewhere.
func eventInfoOf(m *meeting) *eventInfo {
	if v, ok := m.Extra[eventInfoKey].(*eventInfo); ok {
		return v
	}
	return nil
}

// public reports whether the event is published on the company's site
// (recommends holds 1, "在企业站点上公开").
func (in *eventInfo) public() bool { return in != nil && slices.Contains(in.Recommends, 1) }

// eventListedCompanyIn is listedCompany. The page types stockCode Integer
// and its answer echoes a string: both are read (a number as its digits).
type eventListedCompanyIn struct {
	CustomerName string `json:"customerName"`
	StockCode    string `json:"stockCode"`
}

type eventLiveConfigIn struct {
	EnrollApproval *int `json:"enrollApproval"`
}

type eventExtraInfoIn struct {
	Recommends         []int `json:"recommends"`
	RecommendJoinLimit int   `json:"recommendJoinLimit"`
	// JoinLimits is typed Int on the page and echoed as a list: both are
	// accepted.
	JoinLimits    jsontext.Value     `json:"joinLimits"`
	LiveConfig    *eventLiveConfigIn `json:"liveConfig"`
	ParentEventID int64              `json:"parentEventId"`
	// ListedCompany and IsReturnLiveStreamURL are where the create answer
	// echoes them; the request table (listedCompany) and the sibling pages
	// (isReturnLiveStreamUrl) put them at the top level. Either is read.
	ListedCompany         *eventListedCompanyIn `json:"listedCompany"`
	IsReturnLiveStreamURL *int                  `json:"isReturnLiveStreamUrl"`
}

type eventCreateRequest struct {
	CalType               string                `json:"calType"`
	MeetingType           int                   `json:"meetingType"`
	HostID                int64                 `json:"hostId"`
	Title                 string                `json:"title"`
	LiveCover             string                `json:"liveCover"`
	Summary               string                `json:"summary"`
	ExtraInfo             *eventExtraInfoIn     `json:"extraInfo"`
	ListedCompany         *eventListedCompanyIn `json:"listedCompany"`
	IsSamePassword        *int                  `json:"isSamePassword"`
	Participants          jsontext.Value        `json:"participants"`
	StartTime             time.Time             `json:"startTime"`
	Length                int                   `json:"length"`
	IsReturnLiveStreamURL *int                  `json:"isReturnLiveStreamUrl"`
	// ParentID links a child to its parent. The page documents no such
	// member; without it a child joins the latest parent of its kind.
	ParentID int64 `json:"parentId"`
}

var (
	eventSummaryTags = map[string]bool{"p": true, "span": true, "ul": true, "li": true, "br": true, "strong": true, "em": true, "u": true}
	eventTag         = regexp.MustCompile(`<(/?)([A-Za-z!?][^\s/>]*)`)
)

// eventCheckCreate enforces what the create page requires; a failure is a
// 50103.
func eventCheckCreate(req *eventCreateRequest, x *eventExtraInfoIn, joinLimits []int) error {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	switch req.CalType {
	case eventSeriesParent, eventSeriesChild, eventStrategyParent, eventForum, eventListedCompany:
	case "":
		bad("calType is required")
	default:
		bad("calType must be RP, R, F, FB or FC, got %q", req.CalType)
	}
	if (req.CalType == eventSeriesParent || req.CalType == eventForum) && req.MeetingType == 0 {
		bad("meetingType is required for calType %s", req.CalType)
	}
	if req.MeetingType != 0 && eventMeetingTypes[req.MeetingType] == "" {
		bad("meetingType must be 1-7, got %d", req.MeetingType)
	}
	if lc := req.ListedCompany; req.MeetingType == 2 && (lc == nil || lc.CustomerName == "" || lc.StockCode == "") {
		bad("listedCompany (customerName and stockCode) is required when meetingType is 2")
	}
	if utf8.RuneCountInString(req.Summary) > eventSummaryMaxRunes {
		bad("summary is longer than %d characters", eventSummaryMaxRunes)
	}
	for _, m := range eventTag.FindAllStringSubmatch(req.Summary, -1) {
		if !eventSummaryTags[strings.ToLower(m[2])] {
			bad("summary may not use <%s>", m[2])
		}
	}
	if req.LiveCover != "" {
		if u, err := url.Parse(req.LiveCover); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("liveCover must be an http(s) URL")
		}
	}
	if req.IsSamePassword != nil && *req.IsSamePassword != 0 && *req.IsSamePassword != 1 {
		bad("isSamePassword must be 0 or 1")
	}
	if f := req.IsReturnLiveStreamURL; f != nil && *f != 0 && *f != 1 {
		bad("isReturnLiveStreamUrl must be 0 or 1")
	}
	for _, p := range x.Recommends {
		if p != 1 && p != 8 && p != 16 && p != 32 {
			bad("extraInfo.recommends must hold 1, 8, 16 or 32, got %d", p)
		}
	}
	if l := x.RecommendJoinLimit; l != 0 && l != 1 && l != 7 {
		bad("extraInfo.recommendJoinLimit must be 1 or 7, got %d", l)
	}
	for _, l := range joinLimits {
		if l != 0 && l != 1 && l != 6 && l != 7 {
			bad("extraInfo.joinLimits must hold 0, 1, 6 or 7, got %d", l)
		}
	}
	if lc := x.LiveConfig; lc != nil && lc.EnrollApproval != nil && *lc.EnrollApproval != 0 && *lc.EnrollApproval != 1 {
		bad("extraInfo.liveConfig.enrollApproval must be 0 or 1")
	}
	if req.CalType != "" && !eventIsParent(req.CalType) {
		if raw := req.Participants; len(raw) == 0 || raw.Kind() != '[' {
			bad("participants (a JSON array) is required for calType %s", req.CalType)
		}
		if req.StartTime.IsZero() {
			bad("startTime is required for calType %s", req.CalType)
		}
		if req.Length <= 0 {
			bad("length (minutes) is required for calType %s", req.CalType)
		}
	}
	if len(problems) > 0 {
		return fail(codeInvalidParameter, "invalid parameter: %s", strings.Join(problems, "; "))
	}
	return nil
}

func eventIsParent(calType string) bool {
	return calType == eventSeriesParent || calType == eventStrategyParent
}

// eventParentKind is the parent calType a child calType belongs under.
func eventParentKind(calType string) string {
	if calType == eventSeriesChild {
		return eventSeriesParent
	}
	return eventStrategyParent
}

// eventJoinLimits reads joinLimits as a list or a single number.
func eventJoinLimits(raw jsontext.Value) ([]int, error) {
	var limits []int
	switch raw.Kind() {
	case 0, 'n':
		return nil, nil
	case '[':
		if err := eventDecode(raw, &limits); err != nil {
			return nil, err
		}
		return limits, nil
	}
	var one int
	if err := eventDecode(raw, &one); err != nil {
		return nil, err
	}
	return []int{one}, nil
}

// eventPlacements takes listedCompany and isReturnLiveStreamUrl from
// extraInfo when the top level lacks them; the same member in both places
// with different values is a 50103.
func eventPlacements(req *eventCreateRequest, x *eventExtraInfoIn) error {
	top, in := req.ListedCompany, x.ListedCompany
	switch {
	case top == nil:
		req.ListedCompany = in
	case in != nil && *in != *top:
		return fail(codeInvalidParameter, "listedCompany differs between the top level and extraInfo")
	}
	if flag := x.IsReturnLiveStreamURL; flag != nil {
		if req.IsReturnLiveStreamURL != nil && *req.IsReturnLiveStreamURL != *flag {
			return fail(codeInvalidParameter, "isReturnLiveStreamUrl differs between the top level and extraInfo")
		}
		req.IsReturnLiveStreamURL = flag
	}
	return nil
}

func eventDecode(raw jsontext.Value, v any) error {
	c := &call{body: raw}
	return c.decode(v)
}

func handleEventCreate(s *Server, c *call) (any, error) {
	var req eventCreateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	x := req.ExtraInfo
	if x == nil {
		x = &eventExtraInfoIn{}
	}
	joinLimits, err := eventJoinLimits(x.JoinLimits)
	if err != nil {
		return nil, err
	}
	if err := eventPlacements(&req, x); err != nil {
		return nil, err
	}
	if err := eventCheckCreate(&req, x, joinLimits); err != nil {
		return nil, err
	}
	st, store := s.state, eventStoreOf(s.state)
	host, err := st.userFor(cmp.Or(req.HostID, s.AdminUserID), "")
	if err != nil {
		return nil, err
	}
	info := &eventInfo{
		CalType: req.CalType, MeetingType: req.MeetingType, LiveCover: req.LiveCover,
		Recommends: x.Recommends, RecommendJoinLimit: x.RecommendJoinLimit, JoinLimits: joinLimits,
		ListedCompany: req.ListedCompany, SamePassword: req.IsSamePassword != nil && *req.IsSamePassword == 1,
	}
	if req.IsReturnLiveStreamURL != nil {
		info.IsReturnLiveStreamURL = *req.IsReturnLiveStreamURL
	}
	if x.LiveConfig != nil {
		info.EnrollApproval = x.LiveConfig.EnrollApproval
	}
	if eventIsParent(req.CalType) {
		p := &eventParent{EventID: st.newEventID(), Host: host, Title: req.Title, Summary: req.Summary, Info: info, Created: c.now, Modified: c.now}
		store.parents[p.EventID] = p
		store.order = append(store.order, p)
		return eventCreateAnswer(eventView{parent: p}, c.now), nil
	}
	parent, err := store.parentFor(cmp.Or(req.ParentID, x.ParentEventID), req.CalType)
	if err != nil {
		return nil, err
	}
	info.Parent = parent
	if parent != nil && info.MeetingType == 0 {
		info.MeetingType = parent.Info.MeetingType
	}
	title := req.Title
	if title == "" {
		title = quanshi.FormatWallClock(req.StartTime) + " 会议"
	}
	m := st.newMeeting("event", host, title, req.StartTime, req.Length, c.now)
	m.Summary = req.Summary
	m.Invitees = eventParticipants(st, req.Participants, host)
	*meetingState(m, eventInfoKey, newEventInfo) = *info
	if parent != nil {
		if parent.Info.SamePassword && len(parent.Children) > 0 {
			m.PCode1, m.PCode2 = parent.Children[0].PCode1, parent.Children[0].PCode2
		}
		parent.Children = append(parent.Children, m)
	}
	return eventCreateAnswer(eventView{m: m}, c.now), nil
}

// parentFor finds the parent a child belongs under: the one named, or the
// latest parent of the child's kind (none: the child stands alone, as the
// create example's parentId null shows).
func (es *eventStore) parentFor(id int64, calType string) (*eventParent, error) {
	kind := eventParentKind(calType)
	if id != 0 {
		p, ok := es.parents[id]
		switch {
		case !ok:
			return nil, fail(codeConferenceNotFound, "parent event %d does not exist", id)
		case p.Info.CalType != kind:
			return nil, fail(codeInvalidParameter, "invalid parameter: a %s child needs a %s parent, event %d is %s", calType, kind, id, p.Info.CalType)
		}
		return p, nil
	}
	for _, p := range slices.Backward(es.order) {
		if p.Info.CalType == kind {
			return p, nil
		}
	}
	return nil, nil
}

// eventParticipant is one participant given as an object.
type eventParticipant struct {
	UserID int64  `json:"userId"`
	Email  string `json:"email"`
	Name   string `json:"name"`
}

// eventParticipants turns the participants array into invitees: numbers are
// user ids, strings e-mail addresses, objects carry userId or email. Other
// items (the page does not describe them) are ignored; the host is not an
// invitee.
func eventParticipants(st *state, raw jsontext.Value, host *user) []*user {
	var items []jsontext.Value
	if err := eventDecode(raw, &items); err != nil {
		return nil
	}
	var out []*user
	for _, item := range items {
		var p eventParticipant
		switch item.Kind() {
		case '0':
			_ = eventDecode(item, &p.UserID)
		case '"':
			_ = eventDecode(item, &p.Email)
		case '{':
			_ = eventDecode(item, &p)
		}
		if p.UserID <= 0 && !strings.Contains(p.Email, "@") {
			continue
		}
		u, err := st.userFor(p.UserID, p.Email)
		if err != nil || u == host || slices.Contains(out, u) {
			continue
		}
		if p.Name != "" && u.Name == fmt.Sprintf("user%d", u.ID) {
			u.Name = p.Name // a user provisioned just now learns the name given
		}
		out = append(out, u)
	}
	return out
}
