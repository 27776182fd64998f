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
		Path: "/conference/conference/reservConference2", AppKeyInBody: true}
	opConferenceUpdate = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/conference/updateReservConference", AppKeyInBody: true}
	opConferenceCancel = Operation{Family: FamilyConference, Method: http.MethodGet,
		Path: "/conference/conference/cancelReservConference/{appId}/{conferenceId}/{language}/{userIdEmail}/{callbackUrl}/{email_notify}/{sms_notify}"}
)

// ConferenceOptions are the meeting settings shared by ConferenceCreateRequest
// and ConferenceUpdateRequest. A nil pointer is not sent, so an update
// leaves that setting as it is; a pointer to false, 0 or "" is sent, so an
// update can turn a switch off or clear a text (new(false), new(0),
// new("")). InviteeList is always sent as an array ([] when empty on
// create, as the API requires). The page types the switches int (0 no,
// 1 yes): each *bool switch is sent as 0 or 1.
type ConferenceOptions struct {
	// UserID is the host's user id (userId). UserID or Email is required.
	UserID int64 `json:"userId,omitzero"`
	// Email is the host's e-mail address (email), used to find the host when
	// UserID is not given.
	Email string `json:"email,omitempty"`
	// Title is the meeting's subject (title).
	Title string `json:"title,omitempty"`
	// Length is the meeting's length in minutes (length).
	Length int `json:"length,omitzero"`
	// StartTime is when the meeting starts (starttime); it is sent as Beijing
	// wall-clock time ("2013-05-30 14:41:20") whatever its location. The
	// zero time is not sent.
	StartTime time.Time `json:"-"`
	// ShowParticipantList: participants see the participant list. The page
	// names this setting three times; it is sent as seting.isShowInfo
	// (true/false) and as isShowInfo and showInfo (0/1).
	ShowParticipantList *bool `json:"-"`
	// AllowParticipantVideo: participants may share video; sent as
	// seting.isShowVideo (true/false) and as isShowVideo and showVideo (0/1).
	AllowParticipantVideo *bool `json:"-"`
	// AllowSelfUnmute: participants may unmute themselves; sent as
	// seting.isAllowUnmute (true/false) and as isAllowUnmute and allowUnmute
	// (0/1).
	AllowSelfUnmute *bool `json:"-"`
	// SettingsThisMeetingOnly: the participant settings above apply to this
	// meeting only; sent as seting.isOnly (true/false) and as isOnly (0/1).
	SettingsThisMeetingOnly *bool `json:"-"`
	// InviteeList is the people invited (inviteeList), sent as an array and
	// never as a string. On Create, nil or empty sends [] ("no invitees").
	// On Update the list replaces the meeting's invitees: nil leaves them as
	// they are (nothing is sent), an empty non-nil slice sends [] and
	// removes them.
	InviteeList []ConferenceInvitee `json:"inviteeList"`
	// EmailNotify: mail the invitees (email_notify, true/false); the host's
	// mail is not affected.
	EmailNotify *bool `json:"email_notify,omitzero"`
	// SMSNotify: text the invitees (sms_notify, true/false); the host's text
	// is not affected.
	SMSNotify *bool `json:"sms_notify,omitzero"`
	// PasswordType is the password type (password_type: 0 fixed, 1 secure).
	PasswordType *PasswordType `json:"password_type,omitzero"`
	// AutoRecord: record automatically (autoRecord; the server's default is
	// no).
	AutoRecord *bool `json:"-"`
	// ConfLevelMute is the meeting-level self-unmute rule (confLevelMute:
	// 1 allowed, 2 not allowed; 0, the default, is not sent).
	ConfLevelMute ConferenceMuteLevel `json:"confLevelMute,omitzero"`
	// EstimateSize is the expected number of invitees (estimateSize).
	EstimateSize *int `json:"estimateSize,omitzero"`
	// RecordCallbackURL is called when a recording is ready
	// (recordCallbackUrl).
	RecordCallbackURL *string `json:"recordCallbackUrl,omitzero"`
	// MustSelectAudio: users must choose audio even when another of their
	// devices is already connected (mustSelectAudio; the server's default
	// lets them close the audio choice box).
	MustSelectAudio *bool `json:"-"`
	// AutoVideo: start video on joining (autoVideo; the server's default is
	// no).
	AutoVideo *bool `json:"-"`
	// ConfLevelVideoStandard is the meeting's video definition
	// (confLevelVideoStandard: 1 SD, 2 HD, 4 ultra HD; 0, the default, is
	// unset and not sent).
	ConfLevelVideoStandard VideoStandard `json:"confLevelVideoStandard,omitzero"`
	// Extend is the e-mail domain appended to invitees given without one
	// (extend): "zhangsan" with Extend "quanshi.com" or "@quanshi.com"
	// becomes "zhangsan@quanshi.com".
	Extend string `json:"extend,omitempty"`
	// LiveOpenFlag: open a live stream (liveOpenFlag; the server's default
	// is no).
	LiveOpenFlag *bool `json:"-"`
	// LivePassword is the live stream's password (livePassword); new("")
	// clears it.
	LivePassword *string `json:"livePassword,omitzero"`
	// EnableCloudMCU: a new cloud meeting with the cloud MCU (enableCloudMCU;
	// the server's default is the old version). A meeting created with it
	// must be updated with it.
	EnableCloudMCU *bool `json:"-"`
	// SV is the client version flag (sv; server default 0); at least 100
	// with EnableCloudMCU.
	SV *int `json:"sv,omitzero"`
	// JoinLogin: participants must log in to join (joinLogin; the server's
	// default is no).
	JoinLogin *bool `json:"-"`
	// UseWaitingRoom: open the waiting room (useWaitingRoom; the server's
	// default is no).
	UseWaitingRoom *bool `json:"-"`
	// Summary is a note on the meeting (summary); new("") clears it.
	Summary *string `json:"summary,omitzero"`
	// OpenWatchword: require a join watchword (openWatchword; the server's
	// default is no).
	OpenWatchword *bool `json:"-"`
	// EventWatchword is the join watchword (eventWatchword); new("") clears
	// it.
	EventWatchword *string `json:"eventWatchword,omitzero"`
}

// confSettingWire is the participant settings object (seting; the API
// spells it with one t), sent with JSON booleans.
type confSettingWire struct {
	IsShowInfo    *bool `json:"isShowInfo,omitzero"`
	IsShowVideo   *bool `json:"isShowVideo,omitzero"`
	IsOnly        *bool `json:"isOnly,omitzero"`
	IsAllowUnmute *bool `json:"isAllowUnmute,omitzero"`
}

// confSwitchesWire is the 0/1 form of ConferenceOptions' switches, added
// to a request body beside the embedded request.
type confSwitchesWire struct {
	Setting         *confSettingWire `json:"seting,omitzero"`
	IsShowInfo      *int             `json:"isShowInfo,omitzero"`
	ShowInfo        *int             `json:"showInfo,omitzero"`
	IsShowVideo     *int             `json:"isShowVideo,omitzero"`
	ShowVideo       *int             `json:"showVideo,omitzero"`
	IsAllowUnmute   *int             `json:"isAllowUnmute,omitzero"`
	AllowUnmute     *int             `json:"allowUnmute,omitzero"`
	IsOnly          *int             `json:"isOnly,omitzero"`
	AutoRecord      *int             `json:"autoRecord,omitzero"`
	MustSelectAudio *int             `json:"mustSelectAudio,omitzero"`
	AutoVideo       *int             `json:"autoVideo,omitzero"`
	LiveOpenFlag    *int             `json:"liveOpenFlag,omitzero"`
	EnableCloudMCU  *int             `json:"enableCloudMCU,omitzero"`
	JoinLogin       *int             `json:"joinLogin,omitzero"`
	UseWaitingRoom  *int             `json:"useWaitingRoom,omitzero"`
	OpenWatchword   *int             `json:"openWatchword,omitzero"`
}

// switches returns the options' switches in their wire form.
func (o *ConferenceOptions) switches() confSwitchesWire {
	w := confSwitchesWire{
		IsShowInfo: bit(o.ShowParticipantList), ShowInfo: bit(o.ShowParticipantList),
		IsShowVideo: bit(o.AllowParticipantVideo), ShowVideo: bit(o.AllowParticipantVideo),
		IsAllowUnmute: bit(o.AllowSelfUnmute), AllowUnmute: bit(o.AllowSelfUnmute),
		IsOnly: bit(o.SettingsThisMeetingOnly), AutoRecord: bit(o.AutoRecord),
		MustSelectAudio: bit(o.MustSelectAudio), AutoVideo: bit(o.AutoVideo),
		LiveOpenFlag: bit(o.LiveOpenFlag), EnableCloudMCU: bit(o.EnableCloudMCU),
		JoinLogin: bit(o.JoinLogin), UseWaitingRoom: bit(o.UseWaitingRoom),
		OpenWatchword: bit(o.OpenWatchword),
	}
	if o.ShowParticipantList != nil || o.AllowParticipantVideo != nil || o.AllowSelfUnmute != nil || o.SettingsThisMeetingOnly != nil {
		w.Setting = &confSettingWire{IsShowInfo: o.ShowParticipantList, IsShowVideo: o.AllowParticipantVideo,
			IsOnly: o.SettingsThisMeetingOnly, IsAllowUnmute: o.AllowSelfUnmute}
	}
	return w
}

// confCheck applies the rules both create and update state.
func (o *ConferenceOptions) confCheck(v *check) {
	confHost(v, "userId", o.UserID, "email", o.Email)
	confNotNegative(v, "length", o.Length)
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
	oneOf(v, "confLevelMute", o.ConfLevelMute, ConferenceMuteLevelAllowUnmute, ConferenceMuteLevelNoSelfUnmute)
	if o.EstimateSize != nil {
		confNotNegative(v, "estimateSize", *o.EstimateSize)
	}
	if o.RecordCallbackURL != nil {
		v.httpURL("recordCallbackUrl", *o.RecordCallbackURL)
	}
	oneOf(v, "confLevelVideoStandard", o.ConfLevelVideoStandard, VideoStandardSD, VideoStandardHD, VideoStandardUltraHD)
	if o.EnableCloudMCU != nil && *o.EnableCloudMCU {
		sv := 0
		if o.SV != nil {
			sv = *o.SV
		}
		v.rulef(sv >= 100, "sv", "must be at least 100 when enableCloudMCU is 1, got %d", sv)
	}
}

// ConferenceCreateRequest schedules a cloud meeting (reservConference2).
type ConferenceCreateRequest struct {
	// ConferenceOptions are the host, subject, time and settings.
	ConferenceOptions
	// From is where the booking comes from, such as "uc".
	From string `json:"from,omitempty"`
	// Cycle marks a periodic meeting (cycle: 0 one-off, the default;
	// 2 periodic). Seed 001 §1's table types it string; the same page's
	// request example sends "cycle": 0, a JSON number, as it sends the other
	// numeric flags. The example is a request the server took, so the SDK
	// sends a number ("cycle": 2); the room booking (§14) is a different
	// endpoint with its own "0"/"1" string (RoomCreateRequest.Cycle).
	Cycle ConferenceCycle `json:"cycle,omitzero"`
	// PeriodEndDate is the last day of a periodic meeting, sent as a Beijing
	// date ("2018-12-30"). The zero time is not sent.
	PeriodEndDate time.Time `json:"-"`
	// InviteeGroupList (inviteeGroupList) is the invited groups. The spec's example sends it
	// empty and never documents an item, so items are sent as given.
	InviteeGroupList []json.RawMessage `json:"inviteeGroupList,omitempty"`
	// ExtraInfo (extraInfo) carries the hardware join methods (from the spec's example).
	ExtraInfo *ConferenceExtraInfo `json:"extraInfo,omitzero"`
}

// ConferenceUpdateRequest changes a scheduled cloud meeting
// (updateReservConference). Zero values are not sent; a nil InviteeList
// keeps the invitees and an empty one removes them (see ConferenceOptions).
type ConferenceUpdateRequest struct {
	// ConferenceID (conferenceId) is the meeting to change. Required.
	ConferenceID string `json:"conferenceId"`
	// ConferenceOptions are the host, subject, time and settings.
	ConferenceOptions
	// AllowInvite shows the "invite participants" button (AllowInvite, sent
	// as 0/1, with a capital A as the API spells it; the server's default is
	// yes).
	AllowInvite *bool `json:"-"`
	// HardwareVideo: hardware video terminals will join (hardwareVideo, sent
	// as 0/1; the server's default is no).
	HardwareVideo *bool `json:"-"`
	// InformType (informType) is the notification type (sent as 3 in the spec's example,
	// not in its table; values undocumented).
	InformType int `json:"informType,omitzero"`
	// HostUserID is the host's user id as the spec's example also sends it
	// (hostUserId; not in the table).
	HostUserID int64 `json:"hostUserId,omitzero"`
	// UserName (userName) is the host's account as the spec's example also sends it
	// (not in the table).
	UserName string `json:"userName,omitempty"`
	// Password (password) appears only in the spec's example (a 10-digit value, not in
	// the table); its meaning is undocumented. Leave it empty unless Quanshi
	// tells you otherwise.
	Password string `json:"password,omitempty"`
	// CallbackURL (callbackUrl) appears only in the spec's example ("reservConference");
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
	// CreatorAccount (creatorAccount) is the account that scheduled the meeting.
	CreatorAccount string `json:"creatorAccount"`
	// CreatorName (creatorName) is the name of the account that scheduled the meeting.
	CreatorName string `json:"creatorName"`
	// CurrentTime (currentTime) is the server's time when the meeting was saved.
	CurrentTime time.Time `json:"currentTime" time:"text"`
	// InvitationSubject is the subject of the invitation mail (title), such
	// as "邀请您参加eyh1的会议"; the meeting's own subject is ConferenceTitle.
	InvitationSubject string `json:"title"`
	// DisplayTitle (dTitle) is the meeting's subject.
	DisplayTitle string `json:"dTitle"`
	// HostName (hostName) is the host's name (the example spells it hostname).
	HostName string `json:"hostName,case:ignore"`
	// Desc is a description (the participants' pcode in the examples).
	Desc string `json:"desc"`
	// HostAccount is the host's account.
	HostAccount string `json:"host"`
	// HostConferenceURL (hostConferenceUrl) is the host's join link.
	HostConferenceURL string `json:"hostConferenceUrl"`
	// ParticipantJoinURL (attendeeJoinUrl) is the participants' join link.
	ParticipantJoinURL string `json:"attendeeJoinUrl"`
	// HostConferenceLongURL (hostConferenceLongUrl) is the host's join link, unshortened.
	HostConferenceLongURL string `json:"hostConferenceLongUrl"`
	// ParticipantJoinLongURL (attendeeJoinLongUrl) is the participants' join link, unshortened.
	ParticipantJoinLongURL string `json:"attendeeJoinLongUrl"`
	// InformType (informType) is the notification type.
	InformType int `json:"informType"`
	// HostMobile (hostMobile) is the host's mobile number.
	HostMobile string `json:"hostMobile"`
	// EmailNotify (email_notify) reports whether the invitees were mailed.
	EmailNotify bool `json:"email_notify"`
	// H323IP lists the IP addresses hardware video terminals dial (h323Ip).
	H323IP []string `json:"h323Ip"`
	// StartTimeUnix (startTimeUnix) is the start as a Unix timestamp (zero when the API
	// sends 0).
	StartTimeUnix time.Time `json:"startTimeUnix" time:"unix"`
	// EndTimeUnix (endTimeUnix) is the end as a Unix timestamp (zero when the API sends 0).
	EndTimeUnix time.Time `json:"endTimeUnix" time:"unix"`
	// UsedConfTickets (usedConfTickets) is the number of meeting tickets used.
	UsedConfTickets int `json:"usedConfTickets"`
	// PhoneJoinURL (wcallUrl) is the phone meeting's join link.
	PhoneJoinURL string `json:"wcallUrl"`
	// PullPwd (pullPwd) is the live stream's password (only with a live stream).
	PullPwd string `json:"pullPwd"`
	// PullURL (pullUrl) is the live stream's link (only with a live stream).
	PullURL string `json:"pullUrl"`
}

// Create schedules a cloud meeting and returns its id, passwords and links.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/reservConference2
func (s *ConferenceService) Create(ctx context.Context, req *ConferenceCreateRequest, opts ...CallOption) (*ConferenceReservation, error) {
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
		confSwitchesWire
	}{req, wallClock(req.StartTime), dateOnly(req.PeriodEndDate), req.switches()}
	return callFor[ConferenceReservation](ctx, s.caller(), op, body, opts)
}

// Update changes a scheduled cloud meeting and returns it as saved.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/updateReservConference
func (s *ConferenceService) Update(ctx context.Context, req *ConferenceUpdateRequest, opts ...CallOption) (*ConferenceReservation, error) {
	op := opConferenceUpdate
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	req.confCheck(v)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*ConferenceUpdateRequest
		StartTime   wallClock           `json:"starttime,omitzero"`
		InviteeList []ConferenceInvitee `json:"inviteeList,omitzero"` // nil: keep the invitees
		confSwitchesWire
		AllowInvite   *int `json:"AllowInvite,omitzero"`
		HardwareVideo *int `json:"hardwareVideo,omitzero"`
	}{req, wallClock(req.StartTime), req.InviteeList, req.switches(), bit(req.AllowInvite), bit(req.HardwareVideo)}
	return callFor[ConferenceReservation](ctx, s.caller(), op, body, opts)
}

// ConferenceCancelRequest cancels a scheduled meeting. Its values travel as
// path segments, in the order appId (always 6), conferenceId, language,
// userIdEmail, callbackUrl, email_notify, sms_notify; an unset one leaves an
// empty segment, as the API requires. UserID or Email fills userIdEmail.
// The json tags only name the values: the request has no body.
type ConferenceCancelRequest struct {
	// ConferenceID (conferenceId) is the meeting to cancel. Required.
	ConferenceID string `json:"conferenceId"`
	// Language is the language of the cancellation mail (the server's
	// default is zh-cn).
	Language ConferenceLanguage `json:"language"`
	// UserID (userId) is the host's user id. UserID or Email is required; UserID wins
	// when both are set.
	UserID int64 `json:"userId"`
	// Email (email) is the host's e-mail address, used when UserID is not given.
	Email string `json:"email"`
	// CallbackURL (callbackUrl) is a callback URL (a path segment of the endpoint; not
	// described further by the page).
	CallbackURL string `json:"callbackUrl"`
	// EmailNotify (email_notify): mail the cancellation (true) or not (false); nil leaves
	// the segment empty.
	EmailNotify *bool `json:"email_notify"`
	// SMSNotify (sms_notify): text the cancellation (true) or not (false); nil leaves the
	// segment empty.
	SMSNotify *bool `json:"sms_notify"`
}

// Cancel cancels a scheduled cloud meeting.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation GET /conference/conference/cancelReservConference/{appId}/{conferenceId}/{language}/{userIdEmail}/{callbackUrl}/{email_notify}/{sms_notify}
func (s *ConferenceService) Cancel(ctx context.Context, req *ConferenceCancelRequest, opts ...CallOption) error {
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
	// The optional trailing segments go only when given: seed 001 §3's
	// example ends after the e-mail ("…/Zh-cn/eyh1%40test1.com"). The host
	// segment before them is required, so trimming stops there; the language
	// keeps its slash when empty ("值不传递的时候,路由/还是要有的").
	op.filledPath = strings.TrimRight(op.filledPath, "/")
	return s.caller().call(ctx, op, nil, nil, opts...)
}

// confBoolSegment writes an optional boolean as a path segment.
func confBoolSegment(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}
