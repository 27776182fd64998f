package quanshitest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/quanshi-sdk/quanshi-go"
)

// Inviting more people to an event (batch/forward) and its live-page
// settings (settings/update).
//
// Sandbox rules:
//
//   - Forward adds the named users to the meeting's invitees (once each), so
//     conference info, reports and the lists show them; users unknown by
//     e-mail or mobile are provisioned, as booking does. Each group needs a
//     roleId and at least one of userIdList, mobileList, emailList. A
//     cancelled or ended meeting, or a series/strategy parent, is a 50103.
//   - settings/update keeps the groups it is sent, merged over what was
//     there, and checks the page's rules: announcement value 1 needs a
//     content of at most 500 characters, replay value is -1, 0, 1, 3 or 4 and
//     4 needs expire_time, viewer_num value 1 needs base_viewer_num,
//     show_style value is pro, edu, rec, annual or custom. The answer's data
//     is null (the page is cut before its example).

const (
	pathEventForward  = "/eventopenapi/event/batch/forward"
	pathEventSettings = "/eventopenapi/event/settings/update"

	eventSettingsKey = "event.settings"
	eventRolesKey    = "event.roles"
)

// eventForwardRoutes are the forward and settings endpoints.
func eventForwardRoutes() []*route {
	return []*route{
		endpoint(pathEventForward, confJSON(handleEventForward)),
		endpoint(pathEventSettings, confJSON(handleEventSettings)),
	}
}

type eventForwardRequest struct {
	EventID    int64 `json:"eventId"`
	AttendList []struct {
		RoleID     int64   `json:"roleId"`
		UserIDList []int64 `json:"userIdList"`
		MobileList []struct {
			CountryCode string `json:"countryCode"`
			Mobile      string `json:"mobile"`
		} `json:"mobileList"`
		EmailList []string `json:"emailList"`
	} `json:"attendList"`
}

// eventOpenMeeting finds the meeting of an event that can still change.
func eventOpenMeeting(s *Server, c *call, id int64) (*meeting, error) {
	v, err := eventByID(s.state, id)
	switch {
	case err != nil:
		return nil, err
	case v.m == nil:
		return nil, fail(codeInvalidParameter, "invalid parameter: event %d is a parent and has no meeting", id)
	case v.m.Cancelled || v.m.Status(c.now) == quanshi.ConferenceStatusEnded:
		return nil, fail(codeInvalidParameter, "invalid parameter: event %d is cancelled or over", id)
	}
	return v.m, nil
}

func handleEventForward(s *Server, c *call, req *eventForwardRequest) (any, error) {
	m, err := eventOpenMeeting(s, c, req.EventID)
	if err != nil {
		return nil, err
	}
	var users []*user
	roles := map[int64]int64{}
	for _, g := range req.AttendList {
		if g.RoleID <= 0 || len(g.UserIDList)+len(g.MobileList)+len(g.EmailList) == 0 {
			return nil, fail(codeInvalidParameter, "invalid parameter: each attendList item needs roleId and users")
		}
		group, err := forwardUsers(s.state, g.UserIDList, g.EmailList)
		if err != nil {
			return nil, err
		}
		for _, mob := range g.MobileList {
			group = append(group, userByMobile(s.state, strings.TrimSpace(mob.Mobile)))
		}
		for _, u := range group {
			roles[u.ID] = g.RoleID
		}
		users = append(users, group...)
	}
	for _, u := range users {
		if u.ID != m.Host.ID && !confInvited(m, u.ID) {
			m.Invitees = append(m.Invitees, u)
		}
	}
	kept := meetingState(m, eventRolesKey, func() *map[int64]int64 { v := map[int64]int64{}; return &v })
	for id, role := range roles {
		(*kept)[id] = role
	}
	m.Modified = c.now
	return nil, nil
}

// forwardUsers finds (or provisions) the users named by id and e-mail.
func forwardUsers(st *state, ids []int64, emails []string) ([]*user, error) {
	var out []*user
	for _, id := range ids {
		if id <= 0 {
			return nil, fail(codeInvalidParameter, "invalid parameter: userIdList has %d", id)
		}
		u, _ := st.userFor(id, "")
		out = append(out, u)
	}
	for _, e := range emails {
		if !strings.Contains(e, "@") {
			return nil, fail(codeInvalidParameter, "invalid parameter: emailList has an address that is not one")
		}
		u, _ := st.userFor(0, strings.TrimSpace(e))
		out = append(out, u)
	}
	return out, nil
}

// userByMobile finds the user with a mobile number, provisioning one.
func userByMobile(st *state, mobile string) *user {
	for _, u := range st.users {
		if u.Mobile == mobile {
			return u
		}
	}
	st.nextUser++
	return st.addUser(&user{ID: st.nextUser, Name: mobile, Mobile: mobile})
}

type eventSettingsRequest struct {
	EventID      int64 `json:"eventId"`
	Announcement *struct {
		Value   int     `json:"value"`
		Content *string `json:"content"`
	} `json:"announcement"`
	Replay *struct {
		Value      int   `json:"value"`
		ExpireTime int64 `json:"expire_time"`
	} `json:"replay"`
	ViewerNum *struct {
		Value int  `json:"value"`
		Base  *int `json:"base_viewer_num"`
	} `json:"viewer_num"`
	ShowStyle *struct {
		Value *string `json:"value"`
	} `json:"show_style"`
}

// eventSettingsCheck applies the page's rules.
func eventSettingsCheck(req *eventSettingsRequest) error {
	bad := func(what string) error { return fail(codeInvalidParameter, "invalid parameter: %s", what) }
	if a := req.Announcement; a != nil && (a.Value == 1 && (a.Content == nil || *a.Content == "") ||
		a.Content != nil && utf8.RuneCountInString(*a.Content) > 500) {
		return bad("announcement.content")
	}
	if r := req.Replay; r != nil && (!slices.Contains([]int{-1, 0, 1, 3, 4}, r.Value) || r.Value == 4 && r.ExpireTime <= 0) {
		return bad("replay")
	}
	if v := req.ViewerNum; v != nil && v.Value == 1 && v.Base == nil {
		return bad("viewer_num.base_viewer_num")
	}
	if st := req.ShowStyle; st != nil && st.Value != nil && !slices.Contains([]string{"pro", "edu", "rec", "annual", "custom"}, *st.Value) {
		return bad("show_style.value")
	}
	return nil
}

func handleEventSettings(s *Server, c *call, req *eventSettingsRequest) (any, error) {
	if err := eventSettingsCheck(req); err != nil {
		return nil, err
	}
	m, err := eventOpenMeeting(s, c, req.EventID)
	if err != nil {
		return nil, err
	}
	var groups map[string]any
	if err := c.decode(&groups); err != nil {
		return nil, err
	}
	kept := meetingState(m, eventSettingsKey, func() *map[string]any { v := map[string]any{}; return &v })
	for k, v := range groups {
		if k != "eventId" && k != "token" {
			(*kept)[k] = v
		}
	}
	m.Modified = c.now
	return nil, nil
}
