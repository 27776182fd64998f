package quanshi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// ReportService fetches post-meeting reports.
type ReportService service

// Report is a meeting's post-meeting report: who was invited, who joined
// and for how long, who watched the live stream, roll calls and raised
// hands.
type Report struct {
	// Summary (summary) is the overview.
	Summary ReportSummary `json:"summary"`
	// Attendees (attendees) are the joins, one entry per participant.
	Attendees []ReportAttendee `json:"attendees"`
	// Invitees (invitees) are the invited participants and whether they joined.
	Invitees []ReportInvitee `json:"invitees"`
	// Live are the live stream's viewers.
	Live []ReportLiveViewer `json:"live"`
	// Rollcall (rollcall) are the answers to sign-in roll calls.
	Rollcall []ReportRollcall `json:"rollcall"`
	// VideoRollcall (videoRollcall) are the answers to video roll calls.
	VideoRollcall []ReportRollcall `json:"videoRollcall"`
	// Handsup (handsup) are the raised hands.
	Handsup []ReportHandsup `json:"handsup"`
}

// ReportSummary is a report's overview.
type ReportSummary struct {
	// ConfTitle (confTitle) is the meeting's subject.
	ConfTitle string `json:"confTitle"`
	// StartTime (startTime) is when the meeting started.
	StartTime time.Time `json:"startTime" time:"text"`
	// EndTime (endTime) is when the meeting ended.
	EndTime time.Time `json:"endTime" time:"text"`
	// TotalCount (totalCount) is how many people joined, each counted once.
	TotalCount int `json:"totalCount"`
	// TotalNum (totalNum) is how many people joined (older form of TotalCount, seen in
	// the first example).
	TotalNum int `json:"totalNum"`
	// InviteCount (inviteCount) is how many people were invited.
	InviteCount int `json:"inviteCount"`
	// InviteAttendedCount (inviteAttendedCount) is how many invited people joined.
	InviteAttendedCount int `json:"inviteAttendedCount"`
	// AttendeePercentage (attendeePercentage) is InviteAttendedCount/InviteCount as text: "14%".
	AttendeePercentage string `json:"attendeePercentage"`
	// RollcallNum (rollcallNum) is how many sign-in roll calls were made.
	RollcallNum int `json:"rollcallNum"`
	// RollcallAnswer (rollcallAnswer) are the answers to each sign-in roll call.
	RollcallAnswer []ReportRollcallAnswer `json:"rollcallAnswer"`
	// VideoRollcallNum (videoRollcallNum) is how many video roll calls were made.
	VideoRollcallNum int `json:"videoRollcallNum"`
	// VideoRollcallAnswer (videoRollcallAnswer) are the answers to each video roll call.
	VideoRollcallAnswer []ReportRollcallAnswer `json:"videoRollcallAnswer"`
	// HandsupCount (handsupCount) is how many people raised a hand.
	HandsupCount int `json:"handsupCount"`
	// HandsupPercentage (handsupPercentage) is the share of people who raised a hand, as text
	// like "14%" (the table says int; the example sends "").
	HandsupPercentage string `json:"handsupPercentage"`
}

// ReportRollcallAnswer is how one roll call was answered.
type ReportRollcallAnswer struct {
	// Num (num) is how many people answered.
	Num int `json:"num"`
	// Percentage (percentage) is the share of people who answered, as text: "14%".
	Percentage string `json:"percentage"`
}

// ReportPerson is who a report entry is about.
type ReportPerson struct {
	// Name is the person's name.
	Name string `json:"name"`
	// GroupName (groupName) is the person's group.
	GroupName string `json:"groupName"`
	// Mobile is the person's mobile number.
	Mobile string `json:"mobile"`
	// Email (email) is the person's e-mail address, as sent (the example has a
	// leading space).
	Email string `json:"email"`
	// ExtType (extType) is how the person joined from outside.
	ExtType ReportExtType `json:"extType"`
	// ExtName (extName) names the outside channel; read it with ExtType.
	ExtName string `json:"extName"`
}

// ReportAttendee is one participant's join.
type ReportAttendee struct {
	ReportPerson
	// Role is the participant's role.
	Role ReportRole `json:"role"`
	// JoinTime (joinTime) is when the participant joined.
	JoinTime time.Time `json:"joinTime" time:"text"`
	// OfflineTime (offlineTime) is when the participant left.
	OfflineTime time.Time `json:"offlineTime" time:"text"`
	// TotalTime is how long the participant stayed ("01:54:30"; totalTime in
	// the example, totalTIme in the table: both are read).
	TotalTime time.Duration `json:"totalTime,case:ignore"`
	// ClientType (clientType) is where the participant joined from: "pc" or "phone".
	ClientType string `json:"clientType"`
	// AccessType (accessType) is the audio connection: "voip" (network audio) or
	// "phone" (phone audio).
	AccessType string `json:"accessType"`
	// IP is the participant's IP address, or phone number for a phone
	// join, or both ("183.186.246.249 17694879663") for a computer join
	// with phone audio.
	IP string `json:"ip"`
	// PhoneTime (phoneTime) is how long the participant used phone audio.
	PhoneTime time.Duration `json:"phoneTime"`
	// VoipTime (voipTime) is how long the participant used network audio.
	VoipTime time.Duration `json:"voipTime"`
	// City is the participant's region: "country-city-district".
	City string `json:"city"`
}

// ReportInvitee is one invited participant and their join, if any.
type ReportInvitee struct {
	ReportAttendee
	// Attended reports whether the invitee joined (attend 1) or not (0).
	Attended bool `json:"attend"`
}

// ReportLiveViewer is one viewer of the live stream.
type ReportLiveViewer struct {
	// Name is the viewer's name.
	Name string `json:"name"`
	// Mobile is the viewer's mobile number.
	Mobile string `json:"mobile"`
	// JoinTime (joinTime) is when the viewer started watching.
	JoinTime time.Time `json:"joinTime" time:"text"`
	// OfflineTime (offlineTime) is when the viewer stopped watching.
	OfflineTime time.Time `json:"offlineTime" time:"text"`
	// TotalTime is how long the viewer watched ("07:45:03"; totalTime or
	// totalTIme).
	TotalTime time.Duration `json:"totalTime,case:ignore"`
	// DeviceType (deviceType) is how the viewer watched: "pc" or "phone".
	DeviceType string `json:"deviceType"`
	// BrowserName (browserName) is the viewer's browser.
	BrowserName string `json:"browserName"`
	// IP (ip) is the viewer's IP address (or addresses, comma separated).
	IP string `json:"ip"`
	// City is the viewer's region: "country-city-district".
	City string `json:"city"`
	// ExtInfo (extInfo) is extra information; its shape is not documented, so it is
	// kept raw.
	ExtInfo json.RawMessage `json:"extInfo"`
}

// ReportRollcall is one person's answers to the roll calls.
type ReportRollcall struct {
	ReportPerson
	// Answered has one entry per roll call: true answered, false not
	// ([0,1] on the wire: called twice, answered the second time). The
	// table spells the key Answered; both spellings are read.
	Answered []bool `json:"answered,case:ignore"`
}

// ReportHandsup is one raised hand.
type ReportHandsup struct {
	ReportPerson
	// CreateTime (createTime) is when the hand was raised.
	CreateTime time.Time `json:"createTime" time:"unix"`
}

// ReportRole is a participant's role in a report.
type ReportRole int

// Participant roles.
const (
	// ReportRoleAttendee is a participant (参会人).
	ReportRoleAttendee ReportRole = 0
	// ReportRoleHost is the host (主持人).
	ReportRoleHost ReportRole = 1
)

var reportRoleNames = map[ReportRole]string{ReportRoleAttendee: "attendee", ReportRoleHost: "host"}

// String returns the role's name.
func (r ReportRole) String() string { return enumString(r, reportRoleNames) }

// ReportExtType is the outside channel a person joined through.
type ReportExtType int

// Outside channels.
const (
	// ReportExtNone: no outside channel (the default).
	ReportExtNone ReportExtType = 0
	// ReportExtQQ: QQ.
	ReportExtQQ ReportExtType = 1
	// ReportExtWeChat: WeChat.
	ReportExtWeChat ReportExtType = 2
	// ReportExtCloudLive: cloud live (云直播).
	ReportExtCloudLive ReportExtType = 3
)

var reportExtTypeNames = map[ReportExtType]string{
	ReportExtNone: "none", ReportExtQQ: "qq", ReportExtWeChat: "wechat", ReportExtCloudLive: "cloud live",
}

// String returns the channel's name.
func (t ReportExtType) String() string { return enumString(t, reportExtTypeNames) }

// ReportGetRequest names the meeting whose report Get returns.
type ReportGetRequest struct {
	// ConferenceID (conferenceId) is the meeting's id. Required.
	ConferenceID string `json:"conferenceId"`
	// UserID (userId) is the meeting's host's user id.
	UserID int64 `json:"userId,omitzero"`
}

var opReportGet = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/conference/report/getReportData", Idempotent: true}

// Get returns a meeting's post-meeting report. A meeting that does not
// exist fails with ErrConferenceNotFound (business code 50709).
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/156
//
//quanshi:operation POST /conference/report/getReportData
func (s *ReportService) Get(ctx context.Context, req *ReportGetRequest, opts ...CallOption) (*Report, error) {
	if err := notNil(opReportGet, req); err != nil {
		return nil, err
	}
	v := newCheck(opReportGet)
	v.required("conferenceId", req.ConferenceID)
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[Report](ctx, s.caller(), opReportGet, req, opts)
}
