package quanshi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Scheduling: create, update and cancel a cloud meeting (云会议).

var (
	opConferenceCreate = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/conference/reservConference2"}
	opConferenceUpdate = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/conference/updateReservConference"}
	opConferenceCancel = Operation{Family: FamilyConference, Method: http.MethodGet,
		Path: "/conference/conference/cancelReservConference/{appId}/{conferenceId}/{language}/{userIdEmail}/{callbackUrl}/{email_notify}/{sms_notify}"}
)

// ConferenceOptions are the meeting settings shared by ConferenceCreateRequest
// and ConferenceUpdateRequest. Zero values are not sent, except InviteeList,
// which is always sent as an array ([] when empty, as the API requires).
// Switches documented with a default are int (0 no, 1 yes); switches without
// a documented default are *int, so that an explicit 0 can be sent.
type ConferenceOptions struct {
	// UserID is the host's user id. UserID or Email is required.
	UserID int64 `json:"userId,omitzero"`
	// Email is the host's e-mail address, used to find the host when UserID
	// is not given.
	Email string `json:"email,omitempty"`
	// Title is the meeting's subject.
	Title string `json:"title,omitempty"`
	// Length is the meeting's length in minutes.
	Length int `json:"length,omitzero"`
	// StartTime is when the meeting starts; it is sent as Beijing wall-clock
	// time ("2013-05-30 14:41:20") whatever its location. The zero time is
	// not sent.
	StartTime time.Time `json:"-"`
	// Setting is the participant settings object (seting).
	Setting *ConferenceAttendeeSetting `json:"seting,omitzero"`
	// IsShowInfo: show the participant list (0 no, 1 yes).
	IsShowInfo *int `json:"isShowInfo,omitzero"`
	// IsShowVideo: let participants share video (0 no, 1 yes).
	IsShowVideo *int `json:"isShowVideo,omitzero"`
	// ShowVideo: let participants share video (0 no, 1 yes); the page lists
	// it beside IsShowVideo.
	ShowVideo *int `json:"showVideo,omitzero"`
	// IsAllowUnmute: let participants unmute themselves (0 no, 1 yes).
	IsAllowUnmute *int `json:"isAllowUnmute,omitzero"`
	// AllowUnmute: let participants unmute themselves (0 no, 1 yes); the page
	// lists it beside IsAllowUnmute.
	AllowUnmute *int `json:"allowUnmute,omitzero"`
	// IsOnly: the settings apply to this meeting only (0 no, 1 yes).
	IsOnly *int `json:"isOnly,omitzero"`
	// ShowInfo: show the participant list (0 no, 1 yes); the page lists it
	// beside IsShowInfo.
	ShowInfo *int `json:"showInfo,omitzero"`
	// InviteeList is the people invited, sent as an array and never as a
	// string. On Create, nil or empty sends [] ("no invitees"). On Update
	// the list replaces the meeting's invitees: nil leaves them as they are
	// (nothing is sent), an empty non-nil slice sends [] and removes them.
	InviteeList []ConferenceInvitee `json:"inviteeList"`
	// EmailNotify: mail the invitees (the host's mail is not affected).
	EmailNotify *bool `json:"email_notify,omitzero"`
	// SMSNotify: text the invitees (the host's text is not affected).
	SMSNotify *bool `json:"sms_notify,omitzero"`
	// PasswordType is the password type (0 fixed, 1 secure); nil is not sent.
	PasswordType *PasswordType `json:"password_type,omitzero"`
	// AutoRecord: record automatically (0 no, the default; 1 yes).
	AutoRecord int `json:"autoRecord,omitzero"`
	// ConfLevelMute is the meeting-level self-unmute rule (1 allowed,
	// 2 not allowed; 0, the default, is not sent).
	ConfLevelMute ConferenceMuteLevel `json:"confLevelMute,omitzero"`
	// EstimateSize is the expected number of invitees.
	EstimateSize int `json:"estimateSize,omitzero"`
	// RecordCallbackURL is called when a recording is ready.
	RecordCallbackURL string `json:"recordCallbackUrl,omitempty"`
	// MustSelectAudio: 0 (the default) lets users close the audio choice
	// box; 1 makes them choose audio even when another of their devices is
	// already connected.
	MustSelectAudio int `json:"mustSelectAudio,omitzero"`
	// AutoVideo: start video on joining (0 no, the default; 1 yes).
	AutoVideo int `json:"autoVideo,omitzero"`
	// ConfLevelVideoStandard is the meeting's video definition (1 SD, 2 HD,
	// 4 ultra HD; 0, the default, is unset).
	ConfLevelVideoStandard VideoStandard `json:"confLevelVideoStandard,omitzero"`
	// Extend is the e-mail domain appended to invitees given without one:
	// "zhangsan" with Extend "quanshi.com" or "@quanshi.com" becomes
	// "zhangsan@quanshi.com".
	Extend string `json:"extend,omitempty"`
	// LiveOpenFlag: open a live stream (0 no, the default; 1 yes).
	LiveOpenFlag int `json:"liveOpenFlag,omitzero"`
	// LivePassword is the live stream's password.
	LivePassword string `json:"livePassword,omitempty"`
	// EnableCloudMCU: 0 old version (the default), 1 new cloud meeting with
	// the cloud MCU. A meeting created with 1 must be updated with 1.
	EnableCloudMCU int `json:"enableCloudMCU,omitzero"`
	// SV is the client version flag (default 0); at least 100 when
	// EnableCloudMCU is 1.
	SV int `json:"sv,omitzero"`
	// JoinLogin: participants must log in to join (0 no, the default; 1 yes).
	JoinLogin int `json:"joinLogin,omitzero"`
	// UseWaitingRoom: open the waiting room (0 no, the default; 1 yes).
	UseWaitingRoom int `json:"useWaitingRoom,omitzero"`
	// Summary is a note on the meeting.
	Summary string `json:"summary,omitempty"`
	// OpenWatchword: require a join watchword (0 no, the default; 1 yes).
	OpenWatchword int `json:"openWatchword,omitzero"`
	// EventWatchword is the join watchword.
	EventWatchword string `json:"eventWatchword,omitempty"`
}

// confCheck applies the rules both create and update state.
func (o *ConferenceOptions) confCheck(v *check) {
	confHost(v, "userId", o.UserID, "email", o.Email)
	confNotNegative(v, "length", o.Length)
	for _, f := range []struct {
		field string
		value *int
	}{
		{"isShowInfo", o.IsShowInfo}, {"isShowVideo", o.IsShowVideo}, {"showVideo", o.ShowVideo},
		{"isAllowUnmute", o.IsAllowUnmute}, {"allowUnmute", o.AllowUnmute}, {"isOnly", o.IsOnly},
		{"showInfo", o.ShowInfo},
	} {
		confOptFlag(v, f.field, f.value)
	}
	for i, inv := range o.InviteeList {
		field := fmt.Sprintf("inviteeList[%d].", i)
		v.rule(inv.UserID != 0 || inv.Email != "" || inv.Mobile != "", field+"email",
			"email or mobile is required when userId is not given")
		if o.Extend == "" || strings.Contains(inv.Email, "@") {
			v.email(field+"email", inv.Email)
		}
	}
	if o.PasswordType != nil {
		oneOf(v, "password_type", *o.PasswordType, PasswordTypeFixed, PasswordTypeSecure)
	}
	for _, f := range []struct {
		field string
		value int
	}{
		{"autoRecord", o.AutoRecord}, {"mustSelectAudio", o.MustSelectAudio}, {"autoVideo", o.AutoVideo},
		{"liveOpenFlag", o.LiveOpenFlag}, {"enableCloudMCU", o.EnableCloudMCU}, {"joinLogin", o.JoinLogin},
		{"useWaitingRoom", o.UseWaitingRoom}, {"openWatchword", o.OpenWatchword},
	} {
		confFlag(v, f.field, f.value)
	}
	oneOf(v, "confLevelMute", o.ConfLevelMute, ConferenceMuteLevelAllowUnmute, ConferenceMuteLevelNoSelfUnmute)
	confNotNegative(v, "estimateSize", o.EstimateSize)
	v.httpURL("recordCallbackUrl", o.RecordCallbackURL)
	oneOf(v, "confLevelVideoStandard", o.ConfLevelVideoStandard, VideoStandardSD, VideoStandardHD, VideoStandardUltraHD)
	v.rulef(o.EnableCloudMCU != 1 || o.SV >= 100, "sv", "must be at least 100 when enableCloudMCU is 1, got %d", o.SV)
}

// ConferenceCreateRequest schedules a cloud meeting (reservConference2).
type ConferenceCreateRequest struct {
	// ConferenceOptions are the host, subject, time and settings.
	ConferenceOptions
	// From is where the booking comes from, such as "uc".
	From string `json:"from,omitempty"`
	// Cycle marks a periodic meeting (0 one-off, the default; 2 periodic).
	Cycle ConferenceCycle `json:"cycle,omitzero"`
	// PeriodEndDate is the last day of a periodic meeting, sent as a Beijing
	// date ("2018-12-30"). The zero time is not sent.
	PeriodEndDate time.Time `json:"-"`
	// InviteeGroupList is the invited groups. The spec's example sends it
	// empty and never documents an item, so items are sent as given.
	InviteeGroupList []json.RawMessage `json:"inviteeGroupList,omitempty"`
	// ExtraInfo carries the hardware join methods (from the spec's example).
	ExtraInfo *ConferenceExtraInfo `json:"extraInfo,omitzero"`
}

// ConferenceUpdateRequest changes a scheduled cloud meeting
// (updateReservConference). Zero values are not sent; a nil InviteeList
// keeps the invitees and an empty one removes them (see ConferenceOptions).
type ConferenceUpdateRequest struct {
	// ConferenceID is the meeting to change. Required.
	ConferenceID string `json:"conferenceId"`
	// ConferenceOptions are the host, subject, time and settings.
	ConferenceOptions
	// AllowInvite shows the "invite participants" button (1 yes, the default;
	// 0 no); nil is not sent. The API spells it with a capital A.
	AllowInvite *int `json:"AllowInvite,omitzero"`
	// HardwareVideo: hardware video terminals will join (0 no, the default;
	// 1 yes).
	HardwareVideo int `json:"hardwareVideo,omitzero"`
	// InformType is the notification type (sent as 3 in the spec's example,
	// not in its table; values undocumented).
	InformType int `json:"informType,omitzero"`
	// HostUserID is the host's user id as the spec's example also sends it
	// (hostUserId; not in the table).
	HostUserID int64 `json:"hostUserId,omitzero"`
	// UserName is the host's account as the spec's example also sends it
	// (not in the table).
	UserName string `json:"userName,omitempty"`
	// Password appears only in the spec's example (a 10-digit value, not in
	// the table); its meaning is undocumented. Leave it empty unless Quanshi
	// tells you otherwise.
	Password string `json:"password,omitempty"`
	// CallbackURL appears only in the spec's example ("reservConference");
	// its meaning is undocumented.
	CallbackURL string `json:"callbackUrl,omitempty"`
}

// ConferenceReservation is a scheduled meeting as create and update return it.
type ConferenceReservation struct {
	// ConferenceBase holds the meeting's ids, times, passwords and state.
	ConferenceBase
	// BillingCode is the meeting's billing code (the API sends it both as
	// billingCode and billingcode).
	BillingCode string `json:"billingCode,case:ignore"`
	// CreatorAccount is the account that scheduled the meeting.
	CreatorAccount string `json:"creatorAccount"`
	// CreatorName is the name of the account that scheduled the meeting.
	CreatorName string `json:"creatorName"`
	// CurrentTime is the server's time when the meeting was saved.
	CurrentTime time.Time `json:"currentTime"`
	// Title is the subject of the invitation mail.
	Title string `json:"title"`
	// DTitle is the meeting's subject.
	DTitle string `json:"dTitle"`
	// HostName is the host's name (the example spells it hostname).
	HostName string `json:"hostName,case:ignore"`
	// Desc is a description (the participants' pcode in the examples).
	Desc string `json:"desc"`
	// Host is the host's account.
	Host string `json:"host"`
	// HostConferenceURL is the host's join link.
	HostConferenceURL string `json:"hostConferenceUrl"`
	// AttendeeJoinURL is the participants' join link.
	AttendeeJoinURL string `json:"attendeeJoinUrl"`
	// HostConferenceLongURL is the host's join link, unshortened.
	HostConferenceLongURL string `json:"hostConferenceLongUrl"`
	// AttendeeJoinLongURL is the participants' join link, unshortened.
	AttendeeJoinLongURL string `json:"attendeeJoinLongUrl"`
	// InformType is the notification type.
	InformType int `json:"informType"`
	// HostMobile is the host's mobile number.
	HostMobile string `json:"hostMobile"`
	// EmailNotify reports whether the invitees were mailed.
	EmailNotify bool `json:"email_notify"`
	// H323IP lists the IP addresses hardware video terminals dial (h323Ip).
	H323IP []string `json:"h323Ip"`
	// StartTimeUnix is the start as a Unix timestamp (zero when the API
	// sends 0).
	StartTimeUnix time.Time `json:"startTimeUnix"`
	// EndTimeUnix is the end as a Unix timestamp (zero when the API sends 0).
	EndTimeUnix time.Time `json:"endTimeUnix"`
	// UsedConfTickets is the number of meeting tickets used.
	UsedConfTickets int `json:"usedConfTickets"`
	// WcallURL is the phone meeting's join link.
	WcallURL string `json:"wcallUrl"`
	// PullPwd is the live stream's password (only with a live stream).
	PullPwd string `json:"pullPwd"`
	// PullURL is the live stream's link (only with a live stream).
	PullURL string `json:"pullUrl"`
}

// Create schedules a cloud meeting and returns its id, passwords and links.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/reservConference2
func (s *ConferenceService) Create(ctx context.Context, req *ConferenceCreateRequest) (*ConferenceReservation, error) {
	op := opConferenceCreate
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	req.confCheck(v)
	oneOf(v, "cycle", req.Cycle, ConferenceCyclePeriodic)
	if j := req.ExtraInfo; j != nil && j.JoinMethod != nil {
		confFlag(v, "extraInfo.joinMethod.box", j.JoinMethod.Box)
		confFlag(v, "extraInfo.joinMethod.hardwareVideo", j.JoinMethod.HardwareVideo)
		confFlag(v, "extraInfo.joinMethod.lync", j.JoinMethod.Lync)
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*ConferenceCreateRequest
		StartTime     wallClock `json:"starttime,omitzero"`
		PeriodEndDate dateOnly  `json:"periodEndDate,omitzero"`
	}{req, wallClock(req.StartTime), dateOnly(req.PeriodEndDate)}
	return confDo[ConferenceReservation](ctx, s, op, body)
}

// Update changes a scheduled cloud meeting and returns it as saved.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/updateReservConference
func (s *ConferenceService) Update(ctx context.Context, req *ConferenceUpdateRequest) (*ConferenceReservation, error) {
	op := opConferenceUpdate
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	req.confCheck(v)
	confOptFlag(v, "AllowInvite", req.AllowInvite)
	confFlag(v, "hardwareVideo", req.HardwareVideo)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*ConferenceUpdateRequest
		StartTime   wallClock           `json:"starttime,omitzero"`
		InviteeList []ConferenceInvitee `json:"inviteeList,omitzero"` // nil: keep the invitees
	}{req, wallClock(req.StartTime), req.InviteeList}
	return confDo[ConferenceReservation](ctx, s, op, body)
}

// ConferenceCancelRequest cancels a scheduled meeting. Its values travel as
// path segments, in the order appId (always 6), conferenceId, language,
// userIdEmail, callbackUrl, email_notify, sms_notify; an unset one leaves an
// empty segment, as the API requires. UserID or Email fills userIdEmail.
// The json tags only name the values: the request has no body.
type ConferenceCancelRequest struct {
	// ConferenceID is the meeting to cancel. Required.
	ConferenceID string `json:"conferenceId"`
	// Language is the language of the cancellation mail (the server's
	// default is zh-cn).
	Language ConferenceLanguage `json:"language"`
	// UserID is the host's user id. UserID or Email is required; UserID wins
	// when both are set.
	UserID int64 `json:"userId"`
	// Email is the host's e-mail address, used when UserID is not given.
	Email string `json:"email"`
	// CallbackURL is a callback URL (a path segment of the endpoint; not
	// described further by the page).
	CallbackURL string `json:"callbackUrl"`
	// EmailNotify: mail the cancellation (true) or not (false); nil leaves
	// the segment empty.
	EmailNotify *bool `json:"email_notify"`
	// SMSNotify: text the cancellation (true) or not (false); nil leaves the
	// segment empty.
	SMSNotify *bool `json:"sms_notify"`
}

// Cancel cancels a scheduled cloud meeting.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation GET /conference/conference/cancelReservConference/{appId}/{conferenceId}/{language}/{userIdEmail}/{callbackUrl}/{email_notify}/{sms_notify}
func (s *ConferenceService) Cancel(ctx context.Context, req *ConferenceCancelRequest) error {
	op := opConferenceCancel
	if err := notNil(op, req); err != nil {
		return err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	v.rule(req.UserID != 0 || strings.TrimSpace(req.Email) != "", "userIdEmail", "the host's userId or email is required")
	v.email("userIdEmail", req.Email)
	v.httpURL("callbackUrl", req.CallbackURL)
	if err := v.err(); err != nil {
		return err
	}
	host := req.Email
	if req.UserID != 0 {
		host = strconv.FormatInt(req.UserID, 10)
	}
	op = op.withPath(strconv.Itoa(legacyAppID), req.ConferenceID, string(req.Language), host,
		req.CallbackURL, confBoolSegment(req.EmailNotify), confBoolSegment(req.SMSNotify))
	return s.caller().call(ctx, op, nil, nil)
}

// confBoolSegment writes an optional boolean as a path segment.
func confBoolSegment(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}
