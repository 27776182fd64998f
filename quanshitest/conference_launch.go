package quanshitest

import (
	"crypto/rand"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// Joining (join links, launch strings, live-watch links) and box binding.

// confLookup finds the meeting a join request means, by pcode (the host's
// pcode1 or the participants' pcode2) or else by conferenceId, and whether
// the request joins as its host. Both given must agree.
func confLookup(st *state, conferenceID, pcode string) (*meeting, bool, error) {
	conferenceID, pcode = strings.TrimSpace(conferenceID), strings.TrimSpace(pcode)
	if pcode == "" {
		if conferenceID == "" {
			return nil, false, fail(codeInvalidParameter, "pcode or conferenceId is required")
		}
		m, err := confActive(st, conferenceID)
		return m, false, err
	}
	for _, m := range st.meetings {
		if m.PCode1 != pcode && m.PCode2 != pcode {
			continue
		}
		switch {
		case m.Cancelled:
			return nil, false, fail(codeConferenceNotFound, "conference %s was cancelled", m.ConferenceID)
		case conferenceID != "" && conferenceID != m.ConferenceID:
			return nil, false, fail(codeInvalidParameter, "pcode %s does not belong to conference %s", pcode, conferenceID)
		}
		return m, m.PCode1 == pcode, nil
	}
	return nil, false, fail(codeConferenceNotFound, "no conference has pcode %s", pcode)
}

// confToken is a fresh random token in the API's UUID form.
func confToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

type confJoinRequest struct {
	Passcode     string `json:"pcode"`
	Name         string `json:"name"`
	NewName      string `json:"new_name"`
	ConferenceID string `json:"conferenceId"`
	NickName     string `json:"nick_name"`
	SecurityInfo *struct {
		IsSecurityLink confFlag `json:"isSecurityLink"`
		UserID         int64    `json:"userId"`
		Timeout        *int     `json:"timeout"`
		UsableCount    *int     `json:"usableCount"`
	} `json:"securityInfo"`
}

// confHandleJoinURL answers the host's link for pcode1, the participants'
// for pcode2 or a bare conferenceId, with the joiner's name (nick_name,
// else new_name, else name) as a query parameter. A security link adds a
// one-off token, the user, its expiry (Unix seconds; default 5 minutes) and
// its uses (default 6).
func confHandleJoinURL(s *Server, c *call, req *confJoinRequest) (any, error) {
	m, host, err := confLookup(s.state, req.ConferenceID, req.Passcode)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if name := confFirstText(req.NickName, req.NewName, req.Name); name != "" {
		q.Set("name", name)
	}
	if si := req.SecurityInfo; si != nil && si.IsSecurityLink == 1 {
		timeout, uses := confOr(si.Timeout, 5), confOr(si.UsableCount, 6)
		switch {
		case si.UserID <= 0:
			return nil, fail(codeInvalidParameter, "securityInfo.userId is required when isSecurityLink is 1")
		case timeout <= 0 || uses <= 0:
			return nil, fail(codeInvalidParameter, "securityInfo.timeout and usableCount must be positive")
		}
		q.Set("token", confToken())
		q.Set("wuid", strconv.FormatInt(si.UserID, 10))
		q.Set("expires", strconv.FormatInt(c.now.Add(time.Duration(timeout)*time.Minute).Unix(), 10))
		q.Set("uses", strconv.Itoa(uses))
	}
	link := m.links().Attendee
	if host {
		link = m.links().Host
	}
	if len(q) > 0 {
		link += "?" + q.Encode()
	}
	return link, nil
}

func confFirstText(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func confOr(p *int, fallback int) int {
	if p == nil {
		return fallback
	}
	return *p
}

type confLaunchRequest struct {
	Passcode     string `json:"pcode"`
	Name         string `json:"name"`
	ConferenceID string `json:"conferenceId"`
	From         string `json:"from"`
	IconURL      string `json:"iconUrl"`
}

// confHandleLaunchString answers a tang:// string in the form of the spec's
// example, carrying the meeting's ids, the pcode joined with and the
// settings it was created with.
func confHandleLaunchString(s *Server, c *call, req *confLaunchRequest) (any, error) {
	if req.IconURL != "" && !confHTTPURL(req.IconURL) {
		return nil, fail(codeInvalidParameter, "iconUrl must be an http(s) link to a jpg or png image")
	}
	m, host, err := confLookup(s.state, req.ConferenceID, req.Passcode)
	if err != nil {
		return nil, err
	}
	meta := confMetaOf(m)
	pcode := m.PCode2
	if host {
		pcode = m.PCode1
	}
	var b strings.Builder
	b.WriteString("tang:///app:6/skin:1/site:60001")
	seg := func(key string, value any) { fmt.Fprintf(&b, "/%s:%v", key, value) }
	seg("pwdType", meta.PasswordType)
	seg("lang", "cn")
	seg("conf_id", m.TempConferenceID)
	seg("cid", m.ConferenceID)
	seg("huid", m.Host.ID)
	seg("puid", m.Host.ID)
	seg("showAttInfo", meta.Flags["isShowInfo"])
	seg("autoRec", meta.Flags["autoRecord"])
	seg("mustSelectAudio", meta.Flags["mustSelectAudio"])
	seg("autoVideo", meta.Flags["autoVideo"])
	seg("videoStandardSet", meta.Flags["confLevelVideoStandard"])
	seg("hwv", meta.Flags["hardwareVideo"])
	seg("live", meta.Flags["liveOpenFlag"])
	seg("fromProduct", url.PathEscape(confFirstText(req.From, "uc")))
	seg("pcode", pcode)
	if req.Name != "" {
		seg("name", url.PathEscape(req.Name))
	}
	if req.IconURL != "" {
		seg("iconUrl", url.PathEscape(req.IconURL))
	}
	return b.String(), nil
}

type confPullRequest struct {
	UserID       int64  `json:"userId"`
	ConferenceID string `json:"conferenceId"`
	Timeout      *int   `json:"timeout"`
	UsableCount  *int   `json:"usableCount"`
	Email        string `json:"email"`
}

// confHandlePullURL answers a password-free watch link: the meeting's live
// link with a one-off token. Any meeting that was not cancelled can be
// watched (the sandbox does not require liveOpenFlag).
func confHandlePullURL(s *Server, c *call, req *confPullRequest) (any, error) {
	switch {
	case strings.TrimSpace(req.ConferenceID) == "":
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	case confOr(req.Timeout, 5) <= 0 || confOr(req.UsableCount, 6) <= 0:
		return nil, fail(codeInvalidParameter, "timeout and usableCount must be positive")
	case req.Email != "" && !confValidEmail(req.Email):
		return nil, fail(codeInvalidParameter, "email %q is not an e-mail address", req.Email)
	}
	m, err := confActive(s.state, req.ConferenceID)
	if err != nil {
		return nil, err
	}
	if req.UserID > 0 {
		if err := confIsHost(m, req.UserID, ""); err != nil {
			return nil, err
		}
	}
	return m.links().Pull + "?t=" + confToken(), nil
}

// confNoSecretRequest is the body of joinConferenceNoSecret, and (userId
// only) of launchMeetingClient.
type confNoSecretRequest struct {
	Passcode string `json:"pcode"`
	UserID   int64  `json:"userId"`
}

// confHandleNoSecretJoin answers {"joinLink": ...}: the host's link for
// pcode1 (userId must be the host), the participants' for pcode2 (any user
// of the sandbox's one company), with a login token and the user.
func confHandleNoSecretJoin(s *Server, c *call, req *confNoSecretRequest) (any, error) {
	switch {
	case strings.TrimSpace(req.Passcode) == "":
		return nil, fail(codeInvalidParameter, "pcode is required")
	case req.UserID <= 0:
		return nil, fail(codeInvalidParameter, "userId is required")
	}
	m, host, err := confLookup(s.state, "", req.Passcode)
	if err != nil {
		return nil, err
	}
	link := m.links().Attendee
	if host {
		if err := confIsHost(m, req.UserID, ""); err != nil {
			return nil, err
		}
		link = m.links().Host
	} else if _, err := s.state.userFor(req.UserID, ""); err != nil {
		return nil, err
	}
	return map[string]string{"joinLink": link + "?token=" + confToken() + "&wuid=" + strconv.FormatInt(req.UserID, 10)}, nil
}

// confHandleLaunchClient answers the login links of the spec's example for
// a user (provisioned if unknown), with a fresh login token.
func confHandleLaunchClient(s *Server, c *call, req *confNoSecretRequest) (any, error) {
	if req.UserID <= 0 {
		return nil, fail(codeInvalidParameter, "userId is required")
	}
	u, err := s.state.userFor(req.UserID, "")
	if err != nil {
		return nil, err
	}
	token, uid := confToken(), strconv.FormatInt(u.ID, 10)
	return map[string]any{
		"token":       token,
		"userId":      u.ID,
		"webJoinLink": "tang:///app:6/skin:1/site:60000/Version:5.0.0/goto:login/token:" + token + "/wuid:" + uid,
		"appJoinLink": "qsgnet://com.gnet.onemeeting?goto=login&token=" + token + "&wuid=" + uid,
	}, nil
}

// confBox is a boxInfoList item.
type confBox struct {
	BoxID               string `json:"boxId"`
	ConferenceRoomID    int64  `json:"conferenceRoomId"`
	ConferenceRoomPhone string `json:"conferenceRoomPhone"`
}

// confBoxRejection is an invalidBoxIdList item.
type confBoxRejection struct {
	confBox `json:",inline"`
	ErrMsg  string `json:"errMsg"`
}

// confBindResult is the result of confBindBox.
type confBindResult struct {
	InvalidBoxIDList []confBoxRejection `json:"invalidBoxIdList"`
	SuccessBoxIDList []confBox          `json:"successBoxIdList"`
}

// confBindRequest is the body of confBindBox; a nil BoxInfoList was not sent.
type confBindRequest struct {
	ConferenceID string     `json:"conferenceId"`
	BoxInfoList  *[]confBox `json:"boxInfoList"`
}

// confMaxBoxes is the most boxes one bind request may carry.
const confMaxBoxes = 20

// confBoxID is the shape of a box id: "GN", the customer's 4 digits, "BOX",
// 7 digits. confCustomer is the sandbox's customer, that of every host.
var confBoxID = regexp.MustCompile(`^GN(\d{4})BOX\d{7}$`)

const confCustomer = "3399"

// confHandleBindBoxes replaces the boxes bound to a meeting by the valid
// ones sent (see the box rule at the top of conference.go); [] unbinds
// them all. When every box sent is rejected the answer is 51208 with the
// result, and nothing changes.
func confHandleBindBoxes(s *Server, c *call, req *confBindRequest) (any, error) {
	switch {
	case strings.TrimSpace(req.ConferenceID) == "":
		return nil, fail(codeInvalidParameter, "conferenceId is required")
	case req.BoxInfoList == nil:
		return nil, fail(codeInvalidParameter, "boxInfoList is required ([] unbinds every box)")
	case len(*req.BoxInfoList) > confMaxBoxes:
		return nil, fail(codeInvalidParameter, "boxInfoList has %d boxes, at most %d are allowed", len(*req.BoxInfoList), confMaxBoxes)
	}
	m, err := confActive(s.state, req.ConferenceID)
	if err != nil {
		return nil, err
	}
	if m.Status(c.now) == quanshi.ConferenceStatusEnded {
		return nil, fail(codeInvalidParameter, "conference %s has ended", m.ConferenceID)
	}
	res := confBindResult{InvalidBoxIDList: []confBoxRejection{}, SuccessBoxIDList: []confBox{}}
	seen := map[string]bool{}
	for _, b := range *req.BoxInfoList {
		b.BoxID = strings.TrimSpace(b.BoxID)
		match := confBoxID.FindStringSubmatch(b.BoxID)
		reason := ""
		switch {
		case match == nil:
			reason = "not found box info by boxId:" + b.BoxID
		case match[1] != confCustomer:
			reason = "the customerCode of this boxId: " + b.BoxID + " difference with conference host's customerCode"
		case seen[b.BoxID]:
			reason = "duplicate boxId:" + b.BoxID
		}
		if reason != "" {
			res.InvalidBoxIDList = append(res.InvalidBoxIDList, confBoxRejection{confBox: b, ErrMsg: reason})
			continue
		}
		seen[b.BoxID] = true
		res.SuccessBoxIDList = append(res.SuccessBoxIDList, b)
	}
	if len(res.SuccessBoxIDList) == 0 && len(res.InvalidBoxIDList) > 0 {
		return nil, failWith(codeNoValidBox, res, "the num of valid boxIds is 0")
	}
	m.Boxes = m.Boxes[:0:0]
	for _, b := range res.SuccessBoxIDList {
		m.Boxes = append(m.Boxes, b.BoxID)
	}
	return res, nil
}
