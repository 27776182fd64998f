package quanshi

import (
	"context"
	"strings"
	"time"
)

// Enums and shared types of the conference endpoints.

// PasswordType is how a meeting's passwords (pcodes) work.
type PasswordType int

// Password types (password_type on create and update, pwdType on getConfStatus).
const (
	// PasswordTypeFixed (固定密码): the pcodes stay the same.
	PasswordTypeFixed PasswordType = 0
	// PasswordTypeSecure (安全密码, "动态密码" on getConfStatus): secure,
	// dynamic pcodes.
	PasswordTypeSecure PasswordType = 1
)

var passwordTypeNames = map[PasswordType]string{
	PasswordTypeFixed:  "fixed",
	PasswordTypeSecure: "secure",
}

// String returns the password type's name, such as "secure".
func (p PasswordType) String() string { return enumString(p, passwordTypeNames) }

// VideoStandard is the video definition set for a whole meeting
// (confLevelVideoStandard).
type VideoStandard int

// Video standards.
const (
	// VideoStandardUnset (0) leaves the definition unset (the default).
	VideoStandardUnset VideoStandard = 0
	// VideoStandardSD (标清) is standard definition.
	VideoStandardSD VideoStandard = 1
	// VideoStandardHD (高清) is high definition.
	VideoStandardHD VideoStandard = 2
	// VideoStandardUltraHD (超清) is ultra high definition.
	VideoStandardUltraHD VideoStandard = 4
)

var videoStandardNames = map[VideoStandard]string{
	VideoStandardUnset:   "unset",
	VideoStandardSD:      "SD",
	VideoStandardHD:      "HD",
	VideoStandardUltraHD: "ultra HD",
}

// String returns the standard's name, such as "HD".
func (v VideoStandard) String() string { return enumString(v, videoStandardNames) }

// ConferenceCycle marks a meeting as one-off or periodic (cycle).
type ConferenceCycle int

// Meeting cycles.
const (
	// ConferenceCycleNone (0, the default) is a one-off meeting.
	ConferenceCycleNone ConferenceCycle = 0
	// ConferenceCyclePeriodic (2) is a periodic meeting; periodEndDate ends
	// the series.
	ConferenceCyclePeriodic ConferenceCycle = 2
)

var conferenceCycleNames = map[ConferenceCycle]string{
	ConferenceCycleNone:     "none",
	ConferenceCyclePeriodic: "periodic",
}

// String returns the cycle's name, such as "periodic".
func (c ConferenceCycle) String() string { return enumString(c, conferenceCycleNames) }

// ConferenceMuteLevel is the meeting-level rule on participants unmuting
// themselves (confLevelMute).
type ConferenceMuteLevel int

// Meeting-level mute rules.
const (
	// ConferenceMuteLevelUnset (0) is the default: not sent.
	ConferenceMuteLevelUnset ConferenceMuteLevel = 0
	// ConferenceMuteLevelAllowUnmute (1): participants may unmute themselves.
	ConferenceMuteLevelAllowUnmute ConferenceMuteLevel = 1
	// ConferenceMuteLevelNoSelfUnmute (2): participants may not unmute
	// themselves.
	ConferenceMuteLevelNoSelfUnmute ConferenceMuteLevel = 2
)

var conferenceMuteLevelNames = map[ConferenceMuteLevel]string{
	ConferenceMuteLevelUnset:        "unset",
	ConferenceMuteLevelAllowUnmute:  "allow self-unmute",
	ConferenceMuteLevelNoSelfUnmute: "no self-unmute",
}

// String returns the rule's name, such as "allow self-unmute".
func (m ConferenceMuteLevel) String() string { return enumString(m, conferenceMuteLevelNames) }

// ConferenceLanguage is the language of the notification mail sent when a
// meeting is cancelled.
type ConferenceLanguage string

// Notification languages. The page documents only zh-cn, the default; other
// values are passed through as given.
const (
	// ConferenceLanguageChinese is simplified Chinese ("zh-cn").
	ConferenceLanguageChinese ConferenceLanguage = "zh-cn"
)

// AccessNumberFlag selects which dial-in numbers getPhoneAccessNum returns
// (acFlag).
type AccessNumberFlag string

// Access number flags. Leave the flag empty for the server's default (1).
const (
	// AccessNumberFlagShared ("0") leaves out the customer's dedicated
	// numbers.
	AccessNumberFlagShared AccessNumberFlag = "0"
	// AccessNumberFlagDedicated ("1", the default) includes the customer's
	// dedicated numbers.
	AccessNumberFlagDedicated AccessNumberFlag = "1"
)

var accessNumberFlagNames = map[AccessNumberFlag]string{
	AccessNumberFlagShared:    "shared",
	AccessNumberFlagDedicated: "dedicated",
}

// String returns the flag's name, such as "dedicated".
func (f AccessNumberFlag) String() string { return enumString(f, accessNumberFlagNames) }

// AccessNumberStrategy is what getPhoneAccessNum does when it cannot tell
// where a phone number is from (strategy).
type AccessNumberStrategy string

// Access number strategies.
const (
	// AccessNumberStrategyBeijing ("1", the default) returns the Beijing
	// numbers.
	AccessNumberStrategyBeijing AccessNumberStrategy = "1"
)

var accessNumberStrategyNames = map[AccessNumberStrategy]string{
	AccessNumberStrategyBeijing: "Beijing",
}

// String returns the strategy's name, such as "Beijing".
func (s AccessNumberStrategy) String() string { return enumString(s, accessNumberStrategyNames) }

// ConferenceInvitee is one person invited to a meeting (an inviteeList item).
// Give UserID, or else Email or Mobile.
type ConferenceInvitee struct {
	// UserID (userId) is the invitee's Quanshi user id.
	UserID int64 `json:"userId,omitzero"`
	// Email (email) is the invitee's e-mail address; without UserID, Email or Mobile
	// is required. With the request's Extend set, a bare name such as
	// "zhangsan" becomes "zhangsan@<Extend>".
	Email string `json:"email,omitempty"`
	// Mobile is the invitee's mobile number.
	Mobile string `json:"mobile,omitempty"`
	// Name is the invitee's display name (sent in the spec's example, not in
	// its table).
	Name string `json:"name,omitempty"`
	// CID is the invitee's contact id (cId; sent as 0 in the spec's example,
	// not in its table).
	CID int64 `json:"cId,omitzero"`
	// GroupName (groupName) is the invitee's group name (example only).
	GroupName string `json:"groupName,omitempty"`
	// GroupID (groupId) is the invitee's group id (example only).
	GroupID string `json:"groupId,omitempty"`
}

// ConferenceExtraInfo is the extra information of a meeting (extraInfo):
// the hardware ways of joining it. It decodes from an object, from null, ""
// or [] (empty), from a JSON object inside a string, and from plain text
// (the getConferenceBaseInfoById table, seed 001 §5, types it as a String;
// the create example sends an object): every form the pages give.
type ConferenceExtraInfo struct {
	// JoinMethod (joinMethod) lists the hardware join methods; nil is not sent.
	JoinMethod *ConferenceJoinMethod `json:"joinMethod,omitzero"`
	// Text is extraInfo as sent when the answer gives it as a string that
	// holds no JSON object; answers only, never sent.
	Text string `json:"-"`
}

// ConferenceJoinMethod says which hardware may join a meeting
// (extraInfo.joinMethod). Each switch is 0 no, 1 yes, and all three are sent.
type ConferenceJoinMethod struct {
	// Box: conference-room boxes may join (0 no, 1 yes).
	Box int `json:"box"`
	// HardwareVideo (hardwareVideo): hardware video terminals (H.323) may join (0 no, 1 yes).
	HardwareVideo int `json:"hardwareVideo"`
	// Lync (lync): Lync / Skype for Business clients may join (0 no, 1 yes).
	Lync int `json:"lync"`
}

// ConferenceBase is what every meeting the API describes carries: ids,
// subject, times, passwords and state. ConferenceReservation,
// ConferenceListItem and ConferenceInfo embed it.
type ConferenceBase struct {
	// ConferenceID (conferenceId) is the meeting's id.
	ConferenceID string `json:"conferenceId"`
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId"`
	// ConferenceTitle (conferenceTitle) is the meeting's subject.
	ConferenceTitle string `json:"conferenceTitle"`
	// StartTime (startTime) is when the meeting starts (Beijing time).
	StartTime time.Time `json:"startTime" time:"text"`
	// EndTime (endTime) is when the meeting ends (Beijing time).
	EndTime time.Time `json:"endTime" time:"text"`
	// Length is the meeting's length in minutes.
	Length int `json:"length"`
	// HostPasscode (pcode1) is the host's password (pcode).
	HostPasscode string `json:"pcode1"`
	// ParticipantPasscode (pcode2) is the participants' password (pcode).
	ParticipantPasscode string `json:"pcode2"`
	// Status (status) is the meeting's state (1 created, 2 in progress, 4 ended,
	// 5 expired, 18 locked).
	Status ConferenceStatus `json:"status"`
	// Location (location) is unused by the API ("").
	Location string `json:"location"`
	// From is where the meeting was booked from, such as "uc".
	From string `json:"from"`
}

// ConferenceInviteeInfo is one invitee as the list and info endpoints report
// it (attendeeList items of getConferenceList, invitee items of
// getConferenceBaseInfoById).
type ConferenceInviteeInfo struct {
	// Email (email) is the invitee's e-mail address.
	Email string `json:"email"`
	// Mobile is the invitee's mobile number.
	Mobile string `json:"mobile"`
	// Name is the invitee's name.
	Name string `json:"name"`
	// CountryNum (countryNum) is the country code of Mobile.
	CountryNum string `json:"countryNum"`
	// ExtName (extName) is the invitee's extension alias.
	ExtName string `json:"extName"`
	// ExtType (extType) is the invitee's extension type ("0" in the examples).
	ExtType string `json:"extType"`
	// GroupName (groupName) is the invitee's group (info only; unused for now).
	GroupName string `json:"groupName"`
	// IsDuring (isDuring) is undocumented ("0" in the example; info only).
	IsDuring string `json:"isDuring"`
	// UpdateTime (updateTime) is when the invitee was last updated (info only).
	UpdateTime time.Time `json:"updateTime" time:"any"`
	// CID is the invitee's contact id (cId; info only).
	CID int64 `json:"cId"`
}

// ConferenceDialInNumber is one dial-in number of a meeting (an accessNum
// item of getConferenceBaseInfoById).
type ConferenceDialInNumber struct {
	// Area (area) is the region the number serves, such as "Beijing" or "ALL".
	Area string `json:"area"`
	// Number is the phone number, such as "400-810-5211".
	Number string `json:"number"`
}

// AccessNumber is one dial-in number returned by getPhoneAccessNum.
type AccessNumber struct {
	// AccessID (accessId) is the number's id.
	AccessID string `json:"accessId"`
	// AccessNo (accessno) is the phone number, such as "01058858950".
	AccessNo string `json:"accessno"`
	// AccessNoType (accessNoType) is the number's type ("1" in the example).
	AccessNoType string `json:"accessNoType"`
	// Platform is the telephony platform, such as "summit2".
	Platform string `json:"platform"`
}

// callFor calls op with body and returns the payload decoded as a T.
func callFor[T any](ctx context.Context, c *Client, op Operation, body any, opts []CallOption) (*T, error) {
	var out T
	if err := c.call(ctx, op, body, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// ConferenceLink is a link an endpoint answers: a join link, a login-free
// join link or a live-watch link.
type ConferenceLink struct {
	// URL is the link: the bare string result of joinConference and
	// getPullUrl, joinLink of joinConferenceNoSecret.
	URL string `json:"joinLink"`
}

// confLink calls an endpoint whose payload is a bare string link.
func confLink(ctx context.Context, s *ConferenceService, op Operation, body any, opts []CallOption) (*ConferenceLink, error) {
	out, err := callFor[string](ctx, s.caller(), op, body, opts)
	if err != nil {
		return nil, err
	}
	return &ConferenceLink{URL: *out}, nil
}

// confFlag checks a 0/1 switch.
func confFlag(v *check, field string, value int) {
	v.rulef(value == 0 || value == 1, field, "must be 0 or 1, got %d", value)
}

// confNotNegative checks a count or duration that may not be negative.
func confNotNegative(v *check, field string, value int) {
	v.rulef(value >= 0, field, "must not be negative, got %d", value)
}

// confHost checks the userId-or-email pair that names a meeting's host.
func confHost(v *check, userField string, userID int64, emailField, email string) {
	v.rule(userID != 0 || strings.TrimSpace(email) != "", userField, userField+" or "+emailField+" is required")
	v.email(emailField, email)
}
