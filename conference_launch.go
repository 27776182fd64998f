package quanshi

import (
	"context"
	"net/http"
)

// Joining: join links, client launch strings and live-watch links.

var (
	opConferenceJoinURL = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/launch/joinConference", Idempotent: true}
	opConferenceLaunchString = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/launch/launchString", Idempotent: true, AppKeyInBody: true}
	opConferenceLiveWatchURL = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/getPullUrl", Idempotent: true}
	opConferenceJoinURLNoSecret = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/launch/joinConferenceNoSecret", Idempotent: true}
	opConferenceClientLaunchLinks = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/conference/launch/launchMeetingClient", Idempotent: true}
)

// ConferenceJoinURLRequest asks for a join link (joinConference).
type ConferenceJoinURLRequest struct {
	// Passcode (pcode) is the meeting password to join with (host's or participants').
	// Passcode or ConferenceID is required.
	Passcode string `json:"pcode,omitempty"`
	// Name is the joiner's name; an e-mail address is accepted.
	Name string `json:"name,omitempty"`
	// NewName is a new name for the joiner (new_name).
	NewName string `json:"new_name,omitempty"`
	// ConferenceID (conferenceId) is the meeting.
	ConferenceID string `json:"conferenceId,omitempty"`
	// NickName replaces the joiner's displayed name (nick_name); it may equal
	// Name.
	NickName string `json:"nick_name,omitempty"`
	// SecurityInfo (securityInfo) makes the link a secure, limited one; nil is not sent.
	SecurityInfo *ConferenceSecurityInfo `json:"securityInfo,omitzero"`
}

// ConferenceSecurityInfo limits a join link (securityInfo).
type ConferenceSecurityInfo struct {
	// IsSecurityLink: make a secure link (isSecurityLink, sent as 0/1; the
	// server's default is no).
	IsSecurityLink *bool `json:"-"`
	// UserID (userId) is the user the link is for; required when IsSecurityLink is 1.
	UserID int64 `json:"userId,omitzero"`
	// Timeout (timeout) is how long the link lasts, in minutes (server default 5).
	Timeout int `json:"timeout,omitzero"`
	// UsableCount (usableCount) is how many times the link can be used (server default 6).
	UsableCount int `json:"usableCount,omitzero"`
}

// confSecurityWire is securityInfo with its switch in 0/1 form.
type confSecurityWire struct {
	*ConferenceSecurityInfo
	IsSecurityLink *int `json:"isSecurityLink,omitzero"`
}

// JoinURL returns a link that joins a meeting (a short URL such as
// "http://mtest.qsh1.cn/k/NJPfc2GYR9k").
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/launch/joinConference
func (s *ConferenceService) JoinURL(ctx context.Context, req *ConferenceJoinURLRequest, opts ...CallOption) (*ConferenceLink, error) {
	op := opConferenceJoinURL
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(req.Passcode != "" || req.ConferenceID != "", "pcode", "pcode or conferenceId is required")
	if si := req.SecurityInfo; si != nil {
		secure := si.IsSecurityLink != nil && *si.IsSecurityLink
		v.rule(!secure || si.UserID != 0, "securityInfo.userId", "is required when isSecurityLink is 1")
		confNotNegative(v, "securityInfo.timeout", si.Timeout)
		confNotNegative(v, "securityInfo.usableCount", si.UsableCount)
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*ConferenceJoinURLRequest
		SecurityInfo *confSecurityWire `json:"securityInfo,omitzero"`
	}{ConferenceJoinURLRequest: req}
	if si := req.SecurityInfo; si != nil {
		body.SecurityInfo = &confSecurityWire{si, bit(si.IsSecurityLink)}
	}
	return confLink(ctx, s, op, body, opts)
}

// ConferenceLaunchStringRequest asks for the string that launches the
// meeting client straight into a meeting (launchString).
type ConferenceLaunchStringRequest struct {
	// Passcode (pcode) is the meeting password to join with. Passcode or ConferenceID is
	// required.
	Passcode string `json:"pcode,omitempty"`
	// Name is the joiner's name or e-mail address.
	Name string `json:"name,omitempty"`
	// ConferenceID (conferenceId) is the meeting.
	ConferenceID string `json:"conferenceId,omitempty"`
	// From (from) is the source (the server's default is "uc").
	From string `json:"from,omitempty"`
	// IconURL (iconUrl) is the joiner's avatar: an http(s) link to a jpg or png image,
	// such as "http://abcd.com/myhead.png".
	IconURL string `json:"iconUrl,omitempty"`
}

// LaunchString returns the tang:// string that starts the meeting client
// and joins the meeting.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/launch/launchString
func (s *ConferenceService) LaunchString(ctx context.Context, req *ConferenceLaunchStringRequest, opts ...CallOption) (*ConferenceLaunchString, error) {
	op := opConferenceLaunchString
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(req.Passcode != "" || req.ConferenceID != "", "pcode", "pcode or conferenceId is required")
	v.httpURL("iconUrl", req.IconURL)
	if err := v.err(); err != nil {
		return nil, err
	}
	out, err := callFor[string](ctx, s.caller(), op, req, opts)
	if err != nil {
		return nil, err
	}
	return &ConferenceLaunchString{LaunchString: *out}, nil
}

// ConferenceLaunchString is the string that starts the meeting client and
// joins a meeting.
type ConferenceLaunchString struct {
	// LaunchString is the tang:// string (the bare string result of
	// launchString).
	LaunchString string
}

// ConferenceLiveWatchURLRequest asks for a password-free link to watch a
// meeting's live stream (getPullUrl). The viewer's details let them join the
// discussion without verifying their phone.
type ConferenceLiveWatchURLRequest struct {
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId,omitzero"`
	// ConferenceID (conferenceId) is the meeting. Required.
	ConferenceID string `json:"conferenceId"`
	// Timeout (timeout) is how long the link lasts, in minutes (server default 5).
	Timeout int `json:"timeout,omitzero"`
	// UsableCount (usableCount) is how many times the link can be used (server default 6).
	UsableCount int `json:"usableCount,omitzero"`
	// ExtID (extId) is the viewer's id in your system.
	ExtID string `json:"extId,omitempty"`
	// Name is the viewer's name or e-mail address.
	Name string `json:"name,omitempty"`
	// Mobile (mobile) is the viewer's phone number.
	Mobile string `json:"mobile,omitempty"`
	// CountryCode (countryCode) is the country code of Mobile, such as "86".
	CountryCode string `json:"countryCode,omitempty"`
	// Email (email) is the viewer's e-mail address.
	Email string `json:"email,omitempty"`
}

// LiveWatchURL returns a link that watches a password-protected live stream
// without the password.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/conference/getPullUrl
func (s *ConferenceService) LiveWatchURL(ctx context.Context, req *ConferenceLiveWatchURLRequest, opts ...CallOption) (*ConferenceLink, error) {
	op := opConferenceLiveWatchURL
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	confNotNegative(v, "timeout", req.Timeout)
	confNotNegative(v, "usableCount", req.UsableCount)
	v.email("email", req.Email)
	if err := v.err(); err != nil {
		return nil, err
	}
	return confLink(ctx, s, op, req, opts)
}

// ConferenceNoSecretJoinRequest asks for a login-free join link for one user
// (joinConferenceNoSecret).
type ConferenceNoSecretJoinRequest struct {
	// Passcode (pcode) is the meeting password: the host's for a host link, the
	// participants' for a participant link. Required.
	Passcode string `json:"pcode"`
	// UserID (userId) is the user the link logs in; for a participant link, a user of
	// your own company. Required.
	UserID int64 `json:"userId"`
}

// JoinURLNoSecret returns a join link that logs the user in without a
// password, for the host or for a participant of your company.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/conference/launch/joinConferenceNoSecret
func (s *ConferenceService) JoinURLNoSecret(ctx context.Context, req *ConferenceNoSecretJoinRequest, opts ...CallOption) (*ConferenceLink, error) {
	op := opConferenceJoinURLNoSecret
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("pcode", req.Passcode)
	v.rule(req.UserID != 0, "userId", "is required")
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[ConferenceLink](ctx, s.caller(), op, req, opts)
}

// ConferenceClientLaunchLinks are the links that start the meeting client
// logged in, before any meeting (launchMeetingClient).
type ConferenceClientLaunchLinks struct {
	// Token is the login token the links carry.
	Token string `json:"token"`
	// UserID (userId) is the user the links log in.
	UserID int64 `json:"userId"`
	// WebJoinLink (webJoinLink) starts the desktop client (a tang:// string).
	WebJoinLink string `json:"webJoinLink"`
	// AppJoinLink (appJoinLink) starts the mobile app (a qsgnet:// link).
	AppJoinLink string `json:"appJoinLink"`
}

// ConferenceClientLaunchRequest names the user the client launch links
// log in.
type ConferenceClientLaunchRequest struct {
	// UserID is the user's Quanshi user id (userId). Required.
	UserID int64 `json:"userId"`
}

// ClientLaunchLinks returns the strings that start the desktop client and
// the mobile app logged in as a user.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /confopenapi/conference/launch/launchMeetingClient
func (s *ConferenceService) ClientLaunchLinks(ctx context.Context, req *ConferenceClientLaunchRequest, opts ...CallOption) (*ConferenceClientLaunchLinks, error) {
	op := opConferenceClientLaunchLinks
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(req.UserID != 0, "userId", "is required")
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[ConferenceClientLaunchLinks](ctx, s.caller(), op, req, opts)
}
