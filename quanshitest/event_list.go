package quanshitest

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// Reading events back: the detail, the two lists, the links derived from a
// meeting, and the live controls.

// eventView is one event as the endpoints show it: a parent, or a meeting
// of the shared store (with its event fields when /eventopenapi made it).
type eventView struct {
	parent *eventParent
	m      *meeting
}

func (v eventView) id() int64 {
	if v.parent != nil {
		return v.parent.EventID
	}
	return v.m.EventID
}

func (v eventView) info() *eventInfo {
	if v.parent != nil {
		return v.parent.Info
	}
	return eventInfoOf(v.m)
}

func (v eventView) modified() time.Time {
	if v.parent != nil {
		return v.parent.Modified
	}
	return v.m.Modified
}

// span is the time the event covers: a meeting's slot, or the slots of a
// parent's children (zero for a parent without any).
func (v eventView) span() (start, end time.Time) {
	if v.m != nil {
		return v.m.Start, v.m.End()
	}
	for _, m := range v.parent.Children {
		if start.IsZero() || m.Start.Before(start) {
			start = m.Start
		}
		if m.End().After(end) {
			end = m.End()
		}
	}
	return start, end
}

// status is the detail's status (and the modify list's eventStatus):
// 0 cancelled, 1 created, 4 ended (12 hours past its scheduled end).
func (v eventView) status(now time.Time) int {
	if v.m != nil {
		switch {
		case v.m.Cancelled:
			return 0
		case !now.Before(v.m.End().Add(eventEndedAfter)):
			return 4
		}
		return 1
	}
	// A parent has ended once one of its meetings has and none is to come.
	status := 1
	for _, m := range v.parent.Children {
		switch (eventView{m: m}).status(now) {
		case 1:
			return 1
		case 4:
			status = 4
		}
	}
	return status
}

// eventLinks are the join links of a meeting, derived from its ids so that
// every endpoint gives the same ones.
type eventLinks struct {
	host, coHost, guest, guestInternal, audience, audienceInternal, attendee, wcall, webRTC string
}

const (
	eventShortHost = "https://s.sandbox.quanshi.test"
	eventMeetHost  = "https://m.sandbox.quanshi.test"
	eventLiveHost  = "https://l.sandbox.quanshi.test"
)

func eventLinksFor(v eventView) eventLinks {
	id := fmt.Sprint(v.id())
	audience := eventLiveHost + "/activity/" + eventCode("audience", id)
	if v.m == nil {
		return eventLinks{audience: audience}
	}
	guestToken := eventCode("guest", id) + eventCode("guest-joint", id)
	shared := v.m.links()
	return eventLinks{
		host:             shared.Host,
		coHost:           eventShortHost + "/a/" + eventCode("cohost", v.m.ConferenceID),
		guest:            eventLiveHost + "/activity/" + eventCode("guest", id),
		guestInternal:    eventMeetHost + "/k/" + eventCode("meet", v.m.ConferenceID) + "?jointid=" + guestToken,
		audience:         audience,
		audienceInternal: eventMeetHost + "/k/" + eventCode("meet", v.m.ConferenceID) + "?jointid=" + eventCode("audience-joint", id),
		attendee:         shared.Attendee,
		wcall:            shared.Wcall,
		webRTC:           shared.WebRTC,
	}
}

// eventCode is a short opaque link code, stable for its inputs.
func eventCode(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "/")))
	return new(big.Int).SetBytes(sum[:8]).Text(62)
}

// eventRole is one btplRole item of a professional event.
type eventRole struct {
	Link         string  `json:"link"`
	RoleID       int     `json:"roleId"`
	RoleName     string  `json:"roleName"`
	ManagerType  int     `json:"managerType"`
	InternalLink *string `json:"internallink"`
	JoinConfWay  int     `json:"joinconfway"`
}

// eventRoles are the roles the create example answers, with its joinconfway
// values (898, 3987, 899 are outside the documented 1-4, as the page shows).
func eventRoles(l eventLinks) []eventRole {
	return []eventRole{
		{Link: l.host, RoleID: 1000, RoleName: "主持人", ManagerType: 1, JoinConfWay: 898},
		{Link: l.coHost, RoleID: 1001, RoleName: "联席主持人", ManagerType: 2, JoinConfWay: 3987},
		{Link: l.guest, RoleID: 1003, RoleName: "嘉宾", ManagerType: 3, InternalLink: &l.guestInternal, JoinConfWay: 899},
		{Link: l.audience, RoleID: 1004, RoleName: "观众", ManagerType: 3, InternalLink: &l.audienceInternal, JoinConfWay: 4},
	}
}

// eventLiveStream is one liveStreamUrl item.
type eventLiveStream struct {
	RTMPURL       string `json:"rtmp_url"`
	FLVURL        string `json:"flv_url"`
	HLSURL        string `json:"hls_url"`
	Provider      string `json:"provider"`
	LayoutType    int    `json:"layout_type"`
	URLExpireTime int64  `json:"url_expire_time"`
}

func eventLiveStreams(m *meeting) []eventLiveStream {
	stream := fmt.Sprintf("live.sandbox.quanshi.test/live/%d_%s_1_quanshi", m.EventID, m.ConferenceID)
	sig := "?sign=" + eventCode("stream", m.ConferenceID)
	return []eventLiveStream{{
		RTMPURL: "rtmp://" + stream + sig, FLVURL: "https://" + stream + ".flv" + sig, HLSURL: "https://" + stream + ".m3u8" + sig,
		Provider: "quanshi", LayoutType: 1, URLExpireTime: m.End().Add(24 * time.Hour).UnixMilli(),
	}}
}

// eventExtraInfo is extraInfo as the create example answers it, members the
// event does not use as null.
type eventExtraInfo struct {
	BtplID                *int64                `json:"btplId"`
	BtplName              *string               `json:"btplName"`
	Rebroadcast           any                   `json:"rebroadcast"`
	ParentEventID         *int64                `json:"parentEventId"`
	ParentRecordList      any                   `json:"parentRecordList"`
	RebroadcastForm       any                   `json:"_rebroadcastform"`
	ParentRecordListRaw   any                   `json:"_parentRecordList"`
	IsPublic              *int                  `json:"isPublic"`
	CustomStr             *string               `json:"customStr"`
	GenLivecode           any                   `json:"genLivecode"`
	MeetingHub            any                   `json:"meetingHub"`
	Recommends            []int                 `json:"recommends"`
	RecommendJoinLimit    *int                  `json:"recommendJoinLimit"`
	IsReturnLiveStreamURL *int                  `json:"isReturnLiveStreamUrl"`
	IsDisableRecord       *int                  `json:"isDisableRecord"`
	JoinLimits            []int                 `json:"joinLimits"`
	ListedCompany         *eventListedCompanyIn `json:"listedCompany"`
	MtgHubInfo            any                   `json:"mtgHubInfo"`
	LiveConfig            *eventLiveConfigIn    `json:"liveConfig"`
}

// eventNonZero is a pointer to v, or nil (JSON null) for the zero value.
func eventNonZero[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

func eventExtraInfoOf(in *eventInfo) *eventExtraInfo {
	x := &eventExtraInfo{
		Recommends: in.Recommends, JoinLimits: in.JoinLimits, ListedCompany: in.ListedCompany,
		RecommendJoinLimit: eventNonZero(in.RecommendJoinLimit), IsReturnLiveStreamURL: eventNonZero(in.IsReturnLiveStreamURL),
	}
	if name := eventMeetingTypes[in.MeetingType]; name != "" {
		x.BtplID, x.BtplName = new(int64(eventTemplateBase+in.MeetingType)), &name
	}
	if in.Parent != nil {
		x.ParentEventID = &in.Parent.EventID
	}
	if in.public() {
		x.IsPublic = new(1)
	}
	if in.EnrollApproval != nil {
		x.LiveConfig = &eventLiveConfigIn{EnrollApproval: in.EnrollApproval}
	}
	return x
}

// fields is every member any event endpoint shows for v; each endpoint picks
// its own (see eventPick). Times are Unix seconds, as the pages document.
func (v eventView) fields(now time.Time) map[string]any {
	info := v.info()
	start, end := v.span()
	l := eventLinksFor(v)
	f := map[string]any{
		"eventId": v.id(), "parentId": nil, "liveCover": "",
		"startTime": eventUnix(start), "endTime": eventUnix(end),
		"status": v.status(now), "eventStatus": v.status(now),
		"audienceUnionUrl": l.audience, "testAudienceUnionUrl": l.audience + "?test=1", "livePullUrl": l.audience,
	}
	if v.parent != nil {
		f["title"], f["summary"], f["hostId"], f["hostName"] = v.parent.Title, v.parent.Summary, v.parent.Host.ID, v.parent.Host.Name
		f["createTime"], f["modifyTime"] = v.parent.Created.Unix(), v.parent.Modified.Unix()
	} else {
		m := v.m
		f["title"], f["summary"], f["hostId"], f["hostName"] = m.Title, m.Summary, m.Host.ID, m.Host.Name
		f["createTime"], f["modifyTime"] = m.Created.Unix(), m.Modified.Unix()
		f["length"], f["eventForm"] = m.Length, eventFormWebMeeting
		f["billingCode"], f["conferenceId"], f["pcode1"], f["pcode2"] = m.Billing, m.ConferenceID, m.PCode1, m.PCode2
		f["hostJoinUrl"], f["joinHostUrl"], f["jointHostUrl"] = l.host, l.coHost, l.coHost
		f["guestJoinUrl"], f["attendeeJoinUrl"] = l.guestInternal, l.attendee
		f["wcallUrl"], f["webRTCUrl"] = l.wcall, l.webRTC
	}
	if info != nil {
		f["extraInfo"] = eventExtraInfoOf(info)
		f["liveCover"] = info.LiveCover
		if info.Parent != nil {
			f["parentId"] = info.Parent.EventID
		}
		if v.m != nil {
			f["eventForm"] = eventFormLargeLive
			f["btplRole"] = eventRoles(l)
		}
	}
	return f
}

func eventUnix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// eventPick keeps the members an endpoint shows; a member the event has no
// value for is left out.
func eventPick(f map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		if v, ok := f[k]; ok {
			out[k] = v
		}
	}
	return out
}

// eventCreateKeys are the create example's members, plus the table's
// length, eventForm, liveCover and testAudienceUnionUrl.
var eventCreateKeys = []string{
	"summary", "eventId", "hostName", "hostJoinUrl", "hostId", "title", "parentId", "joinHostUrl",
	"pcode2", "billingCode", "pcode1", "conferenceId", "audienceUnionUrl", "btplRole", "startTime",
	"guestJoinUrl", "extraInfo", "length", "eventForm", "liveCover", "testAudienceUnionUrl",
}

// eventInfoKeys are the detail's members (cn/api/77), with parentId and
// extraInfo for events made here.
var eventInfoKeys = []string{
	"eventId", "parentId", "title", "startTime", "endTime", "createTime", "modifyTime", "length", "eventForm",
	"summary", "hostId", "hostName", "billingCode", "conferenceId", "status", "pcode1", "pcode2",
	"hostJoinUrl", "joinHostUrl", "guestJoinUrl", "audienceUnionUrl", "testAudienceUnionUrl", "liveCover",
	"wcallUrl", "webRTCUrl", "extraInfo",
}

// eventModifyKeys are the modify list's members; it spells the assistant
// host's link jointHostUrl (cn/node/540).
var eventModifyKeys = []string{
	"summary", "eventId", "hostName", "jointHostUrl", "livePullUrl", "hostJoinUrl", "wcallUrl", "eventForm",
	"eventStatus", "title", "startTime", "endTime", "createTime", "modifyTime", "length", "hostId",
	"billingCode", "conferenceId", "pcode1", "pcode2", "guestJoinUrl", "audienceUnionUrl",
	"testAudienceUnionUrl", "liveCover", "webRTCUrl",
}

// eventPublicKeys are the public list's members (cn/api/449).
var eventPublicKeys = []string{
	"eventId", "title", "startTime", "endTime", "modifyTime", "length", "eventForm", "summary", "hostId",
	"hostName", "billingCode", "conferenceId", "pcode1", "pcode2", "attendeeJoinUrl", "hostJoinUrl",
	"joinHostUrl", "guestJoinUrl", "audienceUnionUrl", "testAudienceUnionUrl", "livePullUrl", "liveCover",
	"wcallUrl", "webRTCUrl",
}

func eventCreateAnswer(v eventView, now time.Time) map[string]any {
	out := eventPick(v.fields(now), eventCreateKeys...)
	if v.m != nil && v.info().IsReturnLiveStreamURL == 1 {
		out["liveStreamUrl"] = eventLiveStreams(v.m)
	}
	return out
}

// eventByID finds an event: a parent, or any meeting of the store.
func eventByID(st *state, id int64) (eventView, error) {
	if id <= 0 {
		return eventView{}, fail(codeInvalidParameter, "invalid parameter: eventId is required")
	}
	if p, ok := eventStoreOf(st).parents[id]; ok {
		return eventView{parent: p}, nil
	}
	m, err := st.byEventID(id)
	if err != nil {
		return eventView{}, err
	}
	return eventView{m: m}, nil
}

// eventViews is every event: the parents and every meeting of the store.
func eventViews(st *state) []eventView {
	var out []eventView
	for _, p := range eventStoreOf(st).order {
		out = append(out, eventView{parent: p})
	}
	for _, m := range st.meetings {
		out = append(out, eventView{m: m})
	}
	return out
}

type eventInfoRequest struct {
	EventID               int64 `json:"eventId"`
	IsReturnLiveStreamURL int   `json:"isReturnLiveStreamUrl"`
}

func handleEventInfo(s *Server, c *call) (any, error) {
	var req eventInfoRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.IsReturnLiveStreamURL != 0 && req.IsReturnLiveStreamURL != 1 {
		return nil, fail(codeInvalidParameter, "invalid parameter: isReturnLiveStreamUrl must be 0 or 1")
	}
	v, err := eventByID(s.state, req.EventID)
	if err != nil {
		return nil, err
	}
	out := eventPick(v.fields(c.now), eventInfoKeys...)
	if req.IsReturnLiveStreamURL == 1 && v.m != nil {
		out["liveStreamUrl"] = eventLiveStreams(v.m)
	}
	return out, nil
}

type eventModifyListRequest struct {
	StartTime time.Time `json:"startTime"`
	EndTime   time.Time `json:"endTime"`
	Page      int       `json:"page"`
	PageSize  int       `json:"pageSize"`
}

func handleEventModifyList(s *Server, c *call) (any, error) {
	var req eventModifyListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case req.StartTime.IsZero():
		return nil, fail(codeInvalidParameter, "invalid parameter: startTime is required")
	case !req.EndTime.IsZero() && req.EndTime.Before(req.StartTime):
		return nil, fail(codeInvalidParameter, "invalid parameter: endTime is before startTime")
	case req.Page < 0 || req.PageSize < 0:
		return nil, fail(codeInvalidParameter, "invalid parameter: page and pageSize must not be negative")
	}
	var hits []eventView
	for _, v := range eventViews(s.state) {
		t := v.modified()
		if !t.Before(req.StartTime) && (req.EndTime.IsZero() || !t.After(req.EndTime)) {
			hits = append(hits, v)
		}
	}
	slices.SortStableFunc(hits, func(a, b eventView) int {
		return cmp.Or(a.modified().Compare(b.modified()), cmp.Compare(a.id(), b.id()))
	})
	page := eventPageOf(hits, max(req.Page, 1)-1, cmp.Or(req.PageSize, eventModifyPageSize))
	list := make([]map[string]any, len(page))
	for i, v := range page {
		list[i] = eventPick(v.fields(c.now), eventModifyKeys...)
	}
	return map[string]any{"count": len(hits), "list": list}, nil
}

type eventPublicListRequest struct {
	HostID    int64     `json:"hostId"`
	ListType  *int      `json:"listType"`
	StartTime time.Time `json:"startTime"`
	EndTime   time.Time `json:"endTime"`
	Page      int       `json:"page"`
	Count     int       `json:"count"`
}

func handleEventPublicList(s *Server, c *call) (any, error) {
	var req eventPublicListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	listType := 2
	if req.ListType != nil {
		listType = *req.ListType
	}
	from := req.StartTime
	if from.IsZero() {
		from = c.now
	}
	switch {
	case listType < 0 || listType > 2:
		return nil, fail(codeInvalidParameter, "invalid parameter: listType must be 0, 1 or 2, got %d", listType)
	case !req.EndTime.IsZero() && req.EndTime.Before(from):
		return nil, fail(codeInvalidParameter, "invalid parameter: endTime is before startTime")
	case req.Page < 0 || req.Count < 0:
		return nil, fail(codeInvalidParameter, "invalid parameter: page and count must not be negative")
	}
	// Meetings (not parents) that are not cancelled and not over before the
	// window opens, by start time.
	hits := s.state.find(func(m *meeting) bool {
		public := eventInfoOf(m).public()
		return !m.Cancelled && m.End().After(from) && (req.EndTime.IsZero() || !m.Start.After(req.EndTime)) &&
			(req.HostID == 0 || m.Host.ID == req.HostID) &&
			(listType == 2 || (listType == 1) == public)
	})
	page := eventPageOf(hits, req.Page, cmp.Or(req.Count, eventPublicPageSize))
	list := make([]map[string]any, len(page))
	for i, m := range page {
		list[i] = eventPick(eventView{m: m}.fields(c.now), eventPublicKeys...)
	}
	return list, nil
}

// eventControl is the live state realtime/meeting/control leaves on a
// meeting. While the waiting room is open (locking opens it), people who
// join are held there and are not in the meeting; closing it admits them.
// The dashboard's live views follow it.
type eventControl struct {
	MuteAll     bool
	Locked      bool
	WaitingRoom bool
	// HeldSince is when the waiting room opened (zero while it is closed).
	HeldSince time.Time
	Operator  string
}

func newEventControl() *eventControl { return &eventControl{} }

// eventControlOf returns the control state of a meeting (nil: never
// controlled).
func eventControlOf(m *meeting) *eventControl {
	if v, ok := m.Extra[eventControlKey].(*eventControl); ok {
		return v
	}
	return nil
}

// admits reports whether someone who joined at t is in the meeting rather
// than in the waiting room.
func (ctl *eventControl) admits(t time.Time) bool {
	return ctl == nil || ctl.HeldSince.IsZero() || t.Before(ctl.HeldSince)
}

type eventControlRequest struct {
	EventID     int64  `json:"eventId"`
	OperatorID  string `json:"operatorId"`
	MuteAll     *int   `json:"muteAll"`
	Lock        *int   `json:"lock"`
	WaitingRoom *int   `json:"waitingRoom"`
}

func handleEventControl(s *Server, c *call) (any, error) {
	var req eventControlRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	for name, sw := range map[string]*int{"muteAll": req.MuteAll, "lock": req.Lock, "waitingRoom": req.WaitingRoom} {
		if sw != nil && *sw != 0 && *sw != 1 {
			return nil, fail(codeInvalidParameter, "invalid parameter: %s must be 0 or 1", name)
		}
	}
	v, err := eventByID(s.state, req.EventID)
	switch {
	case err != nil:
		return nil, err
	case v.m == nil:
		return nil, fail(codeInvalidParameter, "invalid parameter: event %d is a %s parent and has no meeting to control", req.EventID, v.parent.Info.CalType)
	case v.m.Status(c.now) != quanshi.ConferenceStatusInProgress:
		return nil, fail(codeConferenceNotFound, "the meeting of event %d is not in progress", req.EventID)
	}
	ctl := meetingState(v.m, eventControlKey, newEventControl)
	ctl.Operator = req.OperatorID
	if req.MuteAll != nil {
		ctl.MuteAll = *req.MuteAll == 1
	}
	switch {
	case req.Lock != nil && *req.Lock == 1:
		ctl.Locked, ctl.WaitingRoom = true, true // locking opens the waiting room; waitingRoom is ignored
	case req.Lock != nil:
		ctl.Locked = false // the waiting room stays as it is unless waitingRoom says otherwise
		fallthrough
	default:
		if req.WaitingRoom != nil && !ctl.Locked {
			ctl.WaitingRoom = *req.WaitingRoom == 1
		}
	}
	switch held := ctl.Locked || ctl.WaitingRoom; {
	case held && ctl.HeldSince.IsZero():
		ctl.HeldSince = c.now
	case !held:
		ctl.HeldSince = time.Time{}
	}
	return nil, nil
}

// eventPageOf returns page number page (from 0) of items, size a page.
func eventPageOf[T any](items []T, page, size int) []T {
	if size <= 0 || page < 0 || page >= (len(items)+size-1)/size {
		return []T{}
	}
	return items[page*size : min((page+1)*size, len(items))]
}
