package quanshi

import (
	"encoding/json"
	"net/url"
	"time"
)

// Meeting is one booked meeting as the room endpoints describe it: Room.Get
// (/confopenapi/room/conference/infos), Room.List and Room.ListByAdmin all
// answer with this object. Times arrive as Unix seconds and are decoded into
// Beijing time.
type Meeting struct {
	// EventID (eventId) is the meeting's schedule (日程) id.
	EventID int64 `json:"eventId"`
	// ConferenceID (conferenceId) is the cloud meeting's id.
	ConferenceID string `json:"conferenceId"`
	// Title is the meeting's subject, as plain text. The server sends it
	// URL-encoded ("%E5%88%86%E6%B5%81…"); the SDK decodes it once, while
	// reading the response, the way url.QueryUnescape does ("+" becomes a
	// space). A title that is not valid percent-encoding is kept as sent.
	Title string `json:"title"`
	// Summary (summary) is the meeting's description.
	Summary string `json:"summary"`
	// Location (location) is the meeting's address.
	Location string `json:"location"`
	// StartTime (startTime) is the scheduled start.
	StartTime time.Time `json:"startTime" time:"unix"`
	// EndTime (endTime) is the scheduled end.
	EndTime time.Time `json:"endTime" time:"unix"`
	// Length is the scheduled length in minutes.
	Length int `json:"length"`
	// RestLength (restLength) is undocumented (0 in the examples).
	RestLength int `json:"restLength"`
	// Status (status) is the meeting's state; on this object 0 means cancelled,
	// 1 created, 4 ended.
	Status ConferenceStatus `json:"status"`
	// CalType (calType) is E for a single meeting, M for a recurring one.
	CalType MeetingCalType `json:"calType"`
	// CloudMeeting (isGnet) reports a cloud meeting (isGnet 1); false is an
	// on-site meeting without one (0).
	CloudMeeting bool `json:"isGnet"`
	// AudioConferenceType (audioConferenceType): 1 a phone conference, 0 not.
	AudioConferenceType int `json:"audioConferenceType"`
	// BillingCode (billingCode) is the meeting's billing code.
	BillingCode string `json:"billingCode"`
	// HostPasscode (pcode1) is the host's join password.
	HostPasscode string `json:"pcode1"`
	// ParticipantPasscode (pcode2) is the participants' join password.
	ParticipantPasscode string `json:"pcode2"`
	// GroupID (groupId) is the meeting's group id.
	GroupID int64 `json:"groupId"`
	// ConfHostID (confHostId) is the small-business creator's user id.
	ConfHostID int64 `json:"confHostId"`
	// OldConfHostID (oldConfHostId) is undocumented (0 in the examples).
	OldConfHostID int64 `json:"oldConfHostId"`
	// Capacity (capacity) is the number of seats of the meeting room.
	Capacity int `json:"capacity"`
	// HostID (hostId) is the host's (creator's) user id.
	HostID int64 `json:"hostId"`
	// HostName (hostName) is the host's (creator's) name.
	HostName string `json:"hostName"`
	// SiteID (siteId) is the site id.
	SiteID int64 `json:"siteId"`
	// CustomerCode (customerCode) is the customer's code.
	CustomerCode string `json:"customerCode"`
	// ManagerCustomerCode is undocumented ("" in the examples).
	ManagerCustomerCode string `json:"ManagerCustomerCode"`
	// EventSource (eventSource): 0 not linked to Exchange, 1 linked (no mails are sent),
	// 2 a meeting created on the web.
	EventSource int `json:"eventSource"`
	// ExtrasInfo (extrasInfo) is extra information, as sent.
	ExtrasInfo string `json:"extrasInfo"`
	// RoomID (roomId) is the meeting room's id (0 when none; the server sends
	// it as text, "" when none).
	RoomID int64 `json:"roomId"`
	// OriStart (oriStart) is undocumented (0 in the examples).
	OriStart int64 `json:"oriStart"`
	// Timezone (timezone) is the meeting's time zone, as "Asia/Shanghai".
	Timezone string `json:"timezone"`
	// TimezoneForEmail (timezoneForEmail) is the time zone used in mails.
	TimezoneForEmail string `json:"timezoneForEmail"`
	// Importance (importance): 1 important, 0 not.
	Importance int `json:"importance"`
	// CreateTime is when the meeting was booked.
	CreateTime time.Time `json:"CreateTime" time:"unix"`
	// ModifyTime (modifyTime) is when the meeting was last changed.
	ModifyTime time.Time `json:"modifyTime" time:"unix"`
	// ParentID (parentId) is the parent schedule's id (0 for a single meeting).
	ParentID int64 `json:"parentId"`
	// AdvanceHours (advanceHours) is undocumented here ("1" in the examples);
	// getConfStatus (cn/api/163) gives it as hours that may be fractional
	// ("1.5"), so it is a float64 as there.
	AdvanceHours float64 `json:"advanceHours"`

	// Invitees (attendList) are the people invited.
	Invitees []MeetingInvitee `json:"attendList"`
	// AddedInvitees (addAttendList) are invitees added by the last change.
	AddedInvitees []MeetingInvitee `json:"addAttendList"`
	// RemovedInvitees (delAttendList) are invitees removed by the last change.
	RemovedInvitees []MeetingInvitee `json:"delAttendList"`
	// ChangedInvitees (updAttendList) are invitees changed by the last change.
	ChangedInvitees []MeetingInvitee `json:"updAttendList"`
	// UnchangedInvitees (nochangeAttendList) are invitees the last change kept.
	UnchangedInvitees []MeetingInvitee `json:"nochangeAttendList"`

	// BookedRooms (houseList) are the booked meeting rooms.
	BookedRooms []MeetingDevice `json:"houseList"`
	// BookedDevices (equipList) are the booked devices.
	BookedDevices []MeetingDevice `json:"equipList"`
	// BookedRoomDetails (detailHouseList) are the booked meeting rooms with their devices.
	BookedRoomDetails []MeetingRoomDetail `json:"detailHouseList"`
	// AddedDevices (addDeviceList) are devices added by the last change.
	AddedDevices []MeetingDevice `json:"addDeviceList"`
	// RemovedDevices (delDeviceList) are devices removed by the last change.
	RemovedDevices []MeetingDevice `json:"delDeviceList"`
	// UnchangedDevices (nochangeDeviceList) are devices the last change kept.
	UnchangedDevices []MeetingDevice `json:"nochangeDeviceList"`
	// ExtraMeetingRoom is undocumented (null in the examples); kept raw.
	ExtraMeetingRoom json.RawMessage `json:"ExtraMeetingRoom"`
	// MeetingRoom (meetingRoom) is undocumented (0 in the examples).
	MeetingRoom int `json:"meetingRoom"`

	// SharedMedia (sharedMedia) is the value as sent, any JSON: seed 001
	// §17's table types it "json" and describes it "0 no, 1 yes", the
	// examples send null. Whether the meeting has shared media as a number
	// is IsSharedMedia.
	SharedMedia json.RawMessage `json:"sharedMedia"`
	// SharedMediaInfo (sharedMediaInfo) is the shared media's information; its shape is not
	// documented, so it is kept raw.
	SharedMediaInfo json.RawMessage `json:"sharedMediaInfo"`
	// IsSharedMedia (isSharedMedia): 1 the meeting has shared media, 0 not.
	IsSharedMedia int `json:"isSharedMedia"`
	// AddedMedia (addMediaList) is media added by the last change (shape undocumented).
	AddedMedia json.RawMessage `json:"addMediaList"`
	// RemovedMedia (delMediaList) is media removed by the last change (shape undocumented).
	RemovedMedia json.RawMessage `json:"delMediaList"`
	// Authority (authority) is undocumented (null in the examples); kept raw.
	Authority json.RawMessage `json:"authority"`
	// RecurrenceInfo (recurrenceInfo) describes a recurring meeting's rule; its shape is not
	// documented (null in the examples), so it is kept raw.
	RecurrenceInfo json.RawMessage `json:"recurrenceInfo"`

	// ParticipantJoinURL (attendeeJoinUrl) is the participants' join link.
	ParticipantJoinURL string `json:"attendeeJoinUrl"`
	// HostJoinURL (hostJoinUrl) is the host's join link.
	HostJoinURL string `json:"hostJoinUrl"`
	// MeetParticipantJoinURL (meetAttendeeJoinUrl) is the cloud meeting's participant join link.
	MeetParticipantJoinURL string `json:"meetAttendeeJoinUrl"`
	// MeetHostJoinURL (meetHostJoinUrl) is the cloud meeting's host join link.
	MeetHostJoinURL string `json:"meetHostJoinUrl"`
	// JoinURLType (joinUrlType) is the join link type.
	JoinURLType int `json:"joinUrlType"`
	// WebRTCURL (webRTCUrl) is the WebRTC join link.
	WebRTCURL string `json:"webRTCUrl"`
	// PhoneJoinURL is the phone meeting's join link (sent as wcallUrl or wcallurl).
	PhoneJoinURL string `json:"wcallUrl,case:ignore"`
	// PhoneMonitorURL (wcallMonitorUrl) is a phone event's monitoring link.
	PhoneMonitorURL string `json:"wcallMonitorUrl"`
	// JointHostURL (jointHostUrl) is the assistant's link (contact the host); only live
	// events have one.
	JointHostURL string `json:"jointHostUrl"`
	// JointHostVerifyURL (jointHostVerifyUrl) is the assistant's verification link.
	JointHostVerifyURL string `json:"jointHostVerifyUrl"`
	// GuestJoinURL (guestJoinUrl) is the guests' join link.
	GuestJoinURL string `json:"guestJoinUrl"`
	// GuestJoinVerifyURL (guestJoinVerifyUrl) is the guests' verification link.
	GuestJoinVerifyURL string `json:"guestJoinVerifyUrl"`
	// AudienceJoinURL (audienceJoinUrl) is the audience's join link.
	AudienceJoinURL string `json:"audienceJoinUrl"`
	// AudienceUnionURL (audienceUnionUrl) is the audience's landing page.
	AudienceUnionURL string `json:"audienceUnionUrl"`
	// TestAudienceUnionURL (testAudienceUnionUrl) is the audience's test landing page (listByAdmin).
	TestAudienceUnionURL string `json:"testAudienceUnionUrl"`
	// CallbackURL (callbackURL) is the meeting's callback address.
	CallbackURL string `json:"callbackURL"`
	// CallbackUserData (callbackUd) is the caller's data sent back with callbacks.
	CallbackUserData string `json:"callbackUd"`

	// AllowExternal (allowExternal) is undocumented (1 in the examples).
	AllowExternal int `json:"allowExternal"`
	// AllowHardVideo (allowHardVideo): 1 hardware video may join, 0 not.
	AllowHardVideo int `json:"allowHardVideo"`
	// AllowBox (allowBox): 1 boxes may join, 0 not.
	AllowBox int `json:"allowBox"`
	// AllowLync (allowLync): 1 Lync may join, 0 not.
	AllowLync int `json:"allowLync"`
	// AppSource (appSource) is the product: tb (蜜蜂), uc (空间), meeting, ….
	AppSource string `json:"appSource"`
	// UniformEnv (uniformEnv) is undocumented.
	UniformEnv string `json:"uniformEnv"`
	// SourceDomain (sourceDomain) is the domain the meeting was booked on.
	SourceDomain string `json:"sourceDomain"`
	// MailLang (mailLang) is the mail language.
	MailLang int `json:"mailLang"`
	// MeetingLanguage (meetingLanguage) is the meeting's language.
	MeetingLanguage string `json:"meetingLanguage"`
	// IsPlugin (isPlugin) is undocumented (false in the examples).
	IsPlugin bool `json:"isPlugin"`
	// VideoConferenceMode (videoConferenceMode) is undocumented (0 in the examples).
	VideoConferenceMode int `json:"videoConferenceMode"`
	// LargeGroup (largeGroup): 1 a very large group, 0 not.
	LargeGroup int `json:"largeGroup"`
	// ConfNodeType (confNodeType): 0 confidential meeting (default), 1 standard meeting.
	ConfNodeType int `json:"confNodeType"`
	// ConfMode (confMode): 0 video meeting (default), 1 data meeting.
	ConfMode int `json:"confMode"`
	// ConfMaster (confMaster) is undocumented (0 in the examples).
	ConfMaster int `json:"confMaster"`
	// HostsLayout (hostsLayout) is the video layout: "1-4" (4 equal), "1-7" (1+7, the
	// default when empty) or "1-21" (1+21).
	HostsLayout string `json:"hostsLayout"`
	// WatchMcuVideoMode (watchMcuVideoMode): 1 watch multi-stream cloud video, 2 watch
	// multi-stream hardware video, 0 neither.
	WatchMcuVideoMode int `json:"watchMcuVideoMode"`
	// EnableCloudMCU (enableCloudMCU) is undocumented (1 in the examples).
	EnableCloudMCU int `json:"enableCloudMCU"`
	// JoinLogin (joinLogin): 0 participants join without signing in (default), 1 they must
	// sign in first.
	JoinLogin int `json:"joinLogin"`
	// ParJoinConfLogined (parJoinConfLogined) is undocumented (0 in the examples).
	ParJoinConfLogined int `json:"parJoinConfLogined"`
	// UseWaitingRoom (useWaitingRoom): 1 the waiting room is on, 0 off.
	UseWaitingRoom int `json:"useWaitingRoom"`
	// PasswordFlag (passwordFlag) is undocumented (0 in the examples).
	PasswordFlag int `json:"passwordFlag"`
	// JoinConfSelTag (joinConfSelTag): 1 participants choose a tag when joining, 0 not.
	JoinConfSelTag int `json:"joinConfSelTag"`
	// JoinConfTags (joinConfTags) are the join tags, comma separated.
	JoinConfTags string `json:"joinConfTags"`
	// LedgerTag (ledgerTag) is undocumented; a JSON text ("[]" in the examples).
	LedgerTag string `json:"ledgerTag"`
	// UsedConfTickets (usedConfTickets) is how many meeting tickets the meeting used.
	UsedConfTickets int64 `json:"usedConfTickets"`
	// TelAccess (telAccess) is undocumented (0 in the examples).
	TelAccess int `json:"telAccess"`
	// SV (sv) is undocumented (0 in the examples).
	SV int `json:"sv"`
	// UpdateFlag (updateFlag) is undocumented (0 in the examples).
	UpdateFlag int `json:"updateFlag"`
	// WholeType (wholeType) is undocumented (0 in the examples).
	WholeType int `json:"wholeType"`
	// ClientOS (clientOs) is undocumented ("" in the examples).
	ClientOS string `json:"clientOs"`
	// ClientType (clientType) is undocumented (0 in the examples).
	ClientType int `json:"clientType"`
	// ExchangeExternalID (exchangeExternalId) is the linked Exchange item's id.
	ExchangeExternalID string `json:"exchangeExternalId"`
	// ExchangeSyncDate (exchangeSyncDate) is when the meeting was last synced with Exchange.
	ExchangeSyncDate time.Time `json:"exchangeSyncDate" time:"any"`
	// ExternalFlag (externalFlag) is undocumented ("" in the examples).
	ExternalFlag string `json:"externalFlag"`

	// EventForm (eventForm) is the event's form (1 phone … 7 phone+web+live).
	EventForm MeetingEventForm `json:"eventForm"`
	// EventLive (eventLive) is undocumented (0 in the examples).
	EventLive int `json:"eventLive"`
	// EventManualService (eventManualService): 0 not given, 1 manual service on (default), 2 off.
	EventManualService int `json:"eventManualService"`
	// ApprovalStatus (approvalStatus) is a live event's approval state; 0 otherwise.
	ApprovalStatus MeetingApprovalStatus `json:"approvalStatus"`
	// ApprovalUserID (approvalUserId) is the approver's user id.
	ApprovalUserID int64 `json:"approvalUserId"`
	// ApprovalName (approvalName) is the approver's name (live events only).
	ApprovalName string `json:"approvalName"`
	// RejectReason (rejectReason) is why the event was rejected (live events only).
	RejectReason string `json:"rejectReason"`
	// CreatorUserID (creatorUserId) is a live event's creator (an assistant, not the host);
	// 0 otherwise.
	CreatorUserID int64 `json:"creatorUserId"`
	// CreatorName (creatorName) is a live event's creator's name; "" otherwise.
	CreatorName string `json:"creatorName"`

	// LiveOpenFlag (liveOpenFlag): 1 live streaming is on, 0 off.
	LiveOpenFlag int `json:"liveOpenFlag"`
	// LiveChannelID (liveChannelID) is the live channel's id.
	LiveChannelID int64 `json:"liveChannelID"`
	// LiveCover (liveCover) is the live cover image.
	LiveCover string `json:"liveCover"`
	// LivePullURL (livePullUrl) is the live stream's link.
	LivePullURL string `json:"livePullUrl"`
	// LivePullPwd (livePullPwd) is the live stream's password.
	LivePullPwd string `json:"livePullPwd"`
	// LiveViewFlag (liveViewFlag) is who may watch: 0 everyone (default), 1 with the
	// password, 2 after identity verification.
	LiveViewFlag int `json:"liveViewFlag"`
	// LivePlaybackFlag (livePlaybackFlag) is the replay policy.
	LivePlaybackFlag MeetingPlayback `json:"livePlaybackFlag"`
	// LivePlaybackTime (livePlaybackTime) is the replay's expiry, only for LivePlaybackFlag 1
	// to 3: -1 no replay, 0 never expires, otherwise a Unix timestamp.
	LivePlaybackTime int64 `json:"livePlaybackTime"`
	// LiveScreen (liveScreen) is the phone screen orientation of a cloud event:
	// 0 landscape (default), 1 portrait.
	LiveScreen int `json:"liveScreen"`

	// CalExtraInfo (calExtraInfo) are the meeting's settings.
	CalExtraInfo MeetingCalExtraInfo `json:"calExtraInfo"`
	// AccessNumberInfo (accessNumberInfo) is the dial-in information.
	AccessNumberInfo MeetingAccessNumberInfo `json:"accessNumberInfo"`
	// AccessNumbers (accessNumbers, or accessNumers as seed 001 §17's table
	// spells it: both are read, and an empty one never overwrites the other)
	// are the dial-in numbers keyed by language: "Zh-cn" (Chinese), "En-us"
	// (English) and "ChooseBySelf" (self-chosen).
	AccessNumbers MeetingAccessNumbers `json:"accessNumbers" alias:"accessNumers"`
}

// roomUnescapeTitle decodes a URL-encoded title, keeping a title that is
// not valid percent-encoding as it is.
func roomUnescapeTitle(s string) string {
	if plain, err := url.QueryUnescape(s); err == nil {
		return plain
	}
	return s
}

// MeetingInvitee is one person invited to a booked meeting (an attendList
// entry, or one of the change lists'), with their answer.
type MeetingInvitee struct {
	// User (user) is the invitee's id: a user id, or an address for external
	// invitees.
	User string `json:"user"`
	// UserType (userType) is the kind of invitee.
	UserType InviteeType `json:"userType"`
	// Status (status) is the invitee's answer.
	Status InviteeStatus `json:"status"`
	// PhoneName (phoneName) is a phone invitee's name.
	PhoneName string `json:"phoneName"`
	// PhoneEmail (phoneEmail) is a phone invitee's e-mail address.
	PhoneEmail string `json:"phoneEmail"`
	// ProductStatus (productStatus) is undocumented (1 in the examples).
	ProductStatus int `json:"productStatus"`
	// CountryCode (countryCode) is the country calling code.
	CountryCode string `json:"countryCode"`
	// CityCode (cityCode) is the area code.
	CityCode string `json:"cityCode"`
	// CompanyName (companyName) is the invitee's company.
	CompanyName string `json:"companyName"`
	// OrgName (orgName) is the invitee's organisation.
	OrgName string `json:"orgName"`
	// ContactID (contactId) is undocumented.
	ContactID string `json:"contactId"`
	// MobileNumber (mobileNumber) is the invitee's mobile number.
	MobileNumber string `json:"mobileNumber"`
	// OfficePhone (officePhone) is the invitee's office phone.
	OfficePhone string `json:"officePhone"`
	// DisplayName (displayName) is the invitee's display name.
	DisplayName string `json:"displayName"`
	// UserProfile (userProfile) is undocumented (null in the examples); kept raw.
	UserProfile json.RawMessage `json:"userProfile"`
}

// MeetingDevice is a meeting room or a device of houseList, equipList and
// the device change lists, or a sub-device of a MeetingRoomDetail.
type MeetingDevice struct {
	// DeviceID (DeviceId) is the room's or device's id.
	DeviceID int64 `json:"DeviceId"`
	// DeviceType is 2 for a meeting room, 3 for a room's device.
	DeviceType RoomDeviceType `json:"DeviceType"`
	// DeviceName is the room's or device's name.
	DeviceName string `json:"DeviceName"`
	// City is the room's city.
	City string `json:"City"`
	// Location is the room's address.
	Location string `json:"Location"`
	// Floor is the room's floor (a number in most examples, kept as text).
	Floor string `json:"Floor"`
	// IsMainRoom is the room's part in the meeting.
	IsMainRoom RoomVenue `json:"IsMainRoom"`
	// ParentDeviceID (ParentDeviceId) is the parent device's id.
	ParentDeviceID int64 `json:"ParentDeviceId"`
	// ParentDeviceType is the parent's type: 2 meeting room, 3 device.
	ParentDeviceType RoomDeviceType `json:"ParentDeviceType"`
	// ApplyUserID (ApplyUserId) is the user who booked the room.
	ApplyUserID int64 `json:"ApplyUserId"`
	// ApprovalStatus is the booking's approval state.
	ApprovalStatus RoomApprovalStatus `json:"ApprovalStatus"`
}

// MeetingRoomDetail is one entry of detailHouseList: a booked room and its
// devices.
type MeetingRoomDetail struct {
	MeetingDevice
	// ApplyStatus is the booking's approval state under the name the table
	// gives (the example sends ApprovalStatus instead).
	ApplyStatus RoomApprovalStatus `json:"ApplyStatus"`
	// SubDevices are the room's devices (DeviceID, DeviceName, DeviceType).
	SubDevices []MeetingDevice `json:"SubDevices"`
}

// MeetingCalExtraInfo are a meeting's settings (calExtraInfo).
type MeetingCalExtraInfo struct {
	// AllowH323 (allowH323): 1 show H.323, 0 hide (default).
	AllowH323 int `json:"allowH323"`
	// OpenWatchword (openWatchword): 1 a join watchword is required, 0 not (default).
	OpenWatchword int `json:"openWatchword"`
	// EventWatchword (eventWatchword) is the join watchword ("" by default).
	EventWatchword string `json:"eventWatchword"`
	// Labels are the event's labels: a JSON array of strings, as text.
	Labels string `json:"labels"`
	// ShowAccessNumbers (showAccessNumbers) is undocumented (0 in the examples).
	ShowAccessNumbers int `json:"showAccessNumbers"`
	// ShowWebRTCURL (showWebRTCUrl) is undocumented (0 in the examples).
	ShowWebRTCURL int `json:"showWebRTCUrl"`
}

// MeetingAccessNumberInfo is a meeting's dial-in information.
type MeetingAccessNumberInfo struct {
	// Enable (enable) reports whether the meeting has dial-in numbers.
	Enable bool `json:"enable"`
	// ChineseNumber (accessNumber_zh) is the ChineseNumber dial-in number.
	ChineseNumber string `json:"accessNumber_zh"`
	// EnglishNumber (accessNumber_en) is the EnglishNumber dial-in number.
	EnglishNumber string `json:"accessNumber_en"`
	// URL (accessNumber_url) is the dial-in numbers' page.
	URL string `json:"accessNumber_url"`
}

// MeetingAccessNumber is one dial-in number of Meeting.AccessNumbers.
type MeetingAccessNumber struct {
	// Area (area) is the number's region, as "北京" or "ALL".
	Area string `json:"area"`
	// Number is the dial-in number, as "+86(10)5932-1988".
	Number string `json:"number"`
	// ChooseBySelf (chooseBySelf): 1 a self-chosen number, 0 not (default).
	ChooseBySelf int `json:"chooseBySelf"`
}
