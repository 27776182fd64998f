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
	// EventID is the meeting's schedule (日程) id.
	EventID int64 `json:"eventId"`
	// ConferenceID is the cloud meeting's id.
	ConferenceID string `json:"conferenceId"`
	// Title is the meeting's subject, as plain text. The server sends it
	// URL-encoded ("%E5%88%86%E6%B5%81…"); the SDK decodes it once, while
	// reading the response, the way url.QueryUnescape does ("+" becomes a
	// space). A title that is not valid percent-encoding is kept as sent.
	Title string `json:"title"`
	// Summary is the meeting's description.
	Summary string `json:"summary"`
	// Location is the meeting's address.
	Location string `json:"location"`
	// StartTime is the scheduled start.
	StartTime time.Time `json:"startTime"`
	// EndTime is the scheduled end.
	EndTime time.Time `json:"endTime"`
	// Length is the scheduled length in minutes.
	Length int `json:"length"`
	// RestLength is undocumented (0 in the examples).
	RestLength int `json:"restLength"`
	// Status is the meeting's state; on this object 0 means cancelled,
	// 1 created, 4 ended.
	Status ConferenceStatus `json:"status"`
	// CalType is E for a single meeting, M for a recurring one.
	CalType MeetingCalType `json:"calType"`
	// IsGnet: 1 a cloud meeting, 0 not (an on-site meeting).
	IsGnet int `json:"isGnet"`
	// AudioConferenceType: 1 a phone conference, 0 not.
	AudioConferenceType int `json:"audioConferenceType"`
	// BillingCode is the meeting's billing code.
	BillingCode string `json:"billingCode"`
	// Pcode1 is the host's join password.
	Pcode1 string `json:"pcode1"`
	// Pcode2 is the attendees' join password.
	Pcode2 string `json:"pcode2"`
	// GroupID is the meeting's group id.
	GroupID int64 `json:"groupId"`
	// ConfHostID is the small-business creator's user id.
	ConfHostID int64 `json:"confHostId"`
	// OldConfHostID is undocumented (0 in the examples).
	OldConfHostID int64 `json:"oldConfHostId"`
	// Capacity is the number of seats of the meeting room.
	Capacity int `json:"capacity"`
	// HostID is the host's (creator's) user id.
	HostID int64 `json:"hostId"`
	// HostName is the host's (creator's) name.
	HostName string `json:"hostName"`
	// SiteID is the site id.
	SiteID int64 `json:"siteId"`
	// CustomerCode is the customer's code.
	CustomerCode string `json:"customerCode"`
	// ManagerCustomerCode is undocumented ("" in the examples).
	ManagerCustomerCode string `json:"ManagerCustomerCode"`
	// EventSource: 0 not linked to Exchange, 1 linked (no mails are sent),
	// 2 a meeting created on the web.
	EventSource int `json:"eventSource"`
	// ExtrasInfo is extra information, as sent.
	ExtrasInfo string `json:"extrasInfo"`
	// RoomID is the meeting room's id, as a string ("" when none).
	RoomID string `json:"roomId"`
	// OriStart is undocumented (0 in the examples).
	OriStart int64 `json:"oriStart"`
	// Timezone is the meeting's time zone, as "Asia/Shanghai".
	Timezone string `json:"timezone"`
	// TimezoneForEmail is the time zone used in mails.
	TimezoneForEmail string `json:"timezoneForEmail"`
	// Importance: 1 important, 0 not.
	Importance int `json:"importance"`
	// CreateTime is when the meeting was booked.
	CreateTime time.Time `json:"CreateTime"`
	// ModifyTime is when the meeting was last changed.
	ModifyTime time.Time `json:"modifyTime"`
	// ParentID is the parent schedule's id (0 for a single meeting).
	ParentID int64 `json:"parentId"`
	// AdvanceHours (advanceHours) is undocumented here ("1" in the examples);
	// getConfStatus (cn/api/163) gives it as hours that may be fractional
	// ("1.5"), so it is a float64 as there.
	AdvanceHours float64 `json:"advanceHours"`

	// AttendList are the invited participants.
	AttendList []MeetingAttendee `json:"attendList"`
	// AddAttendList are participants added by the last change.
	AddAttendList []MeetingAttendee `json:"addAttendList"`
	// DelAttendList are participants removed by the last change.
	DelAttendList []MeetingAttendee `json:"delAttendList"`
	// UpdAttendList are participants changed by the last change.
	UpdAttendList []MeetingAttendee `json:"updAttendList"`
	// NochangeAttendList are participants the last change kept.
	NochangeAttendList []MeetingAttendee `json:"nochangeAttendList"`

	// HouseList are the booked meeting rooms.
	HouseList []MeetingDevice `json:"houseList"`
	// EquipList are the booked devices.
	EquipList []MeetingDevice `json:"equipList"`
	// DetailHouseList are the booked meeting rooms with their devices.
	DetailHouseList []MeetingRoomDetail `json:"detailHouseList"`
	// AddDeviceList are devices added by the last change.
	AddDeviceList []MeetingDevice `json:"addDeviceList"`
	// DelDeviceList are devices removed by the last change.
	DelDeviceList []MeetingDevice `json:"delDeviceList"`
	// NochangeDeviceList are devices the last change kept.
	NochangeDeviceList []MeetingDevice `json:"nochangeDeviceList"`
	// ExtraMeetingRoom is undocumented (null in the examples); kept raw.
	ExtraMeetingRoom json.RawMessage `json:"ExtraMeetingRoom"`
	// MeetingRoom is undocumented (0 in the examples).
	MeetingRoom int `json:"meetingRoom"`

	// SharedMedia is sharedMedia as sent, any JSON value: seed 001 §17's
	// table types it "json" and describes it "0 no, 1 yes", the examples
	// send null. Whether the meeting has shared media as a number is
	// IsSharedMedia.
	SharedMedia json.RawMessage `json:"sharedMedia"`
	// SharedMediaInfo is the shared media's information; its shape is not
	// documented, so it is kept raw.
	SharedMediaInfo json.RawMessage `json:"sharedMediaInfo"`
	// IsSharedMedia: 1 the meeting has shared media, 0 not.
	IsSharedMedia int `json:"isSharedMedia"`
	// AddMediaList is media added by the last change (shape undocumented).
	AddMediaList json.RawMessage `json:"addMediaList"`
	// DelMediaList is media removed by the last change (shape undocumented).
	DelMediaList json.RawMessage `json:"delMediaList"`
	// Authority is undocumented (null in the examples); kept raw.
	Authority json.RawMessage `json:"authority"`
	// RecurrenceInfo describes a recurring meeting's rule; its shape is not
	// documented (null in the examples), so it is kept raw.
	RecurrenceInfo json.RawMessage `json:"recurrenceInfo"`

	// AttendeeJoinURL is the attendees' join link.
	AttendeeJoinURL string `json:"attendeeJoinUrl"`
	// HostJoinURL is the host's join link.
	HostJoinURL string `json:"hostJoinUrl"`
	// MeetAttendeeJoinURL is the cloud meeting's attendee join link.
	MeetAttendeeJoinURL string `json:"meetAttendeeJoinUrl"`
	// MeetHostJoinURL is the cloud meeting's host join link.
	MeetHostJoinURL string `json:"meetHostJoinUrl"`
	// JoinURLType is the join link type.
	JoinURLType int `json:"joinUrlType"`
	// WebRTCURL is the WebRTC join link.
	WebRTCURL string `json:"webRTCUrl"`
	// WcallURL is the phone meeting's join link (sent as wcallUrl or wcallurl).
	WcallURL string `json:"wcallUrl,case:ignore"`
	// WcallMonitorURL is a phone event's monitoring link.
	WcallMonitorURL string `json:"wcallMonitorUrl"`
	// JointHostURL is the assistant's link (contact the host); only live
	// events have one.
	JointHostURL string `json:"jointHostUrl"`
	// JointHostVerifyURL is the assistant's verification link.
	JointHostVerifyURL string `json:"jointHostVerifyUrl"`
	// GuestJoinURL is the guests' join link.
	GuestJoinURL string `json:"guestJoinUrl"`
	// GuestJoinVerifyURL is the guests' verification link.
	GuestJoinVerifyURL string `json:"guestJoinVerifyUrl"`
	// AudienceJoinURL is the audience's join link.
	AudienceJoinURL string `json:"audienceJoinUrl"`
	// AudienceUnionURL is the audience's landing page.
	AudienceUnionURL string `json:"audienceUnionUrl"`
	// TestAudienceUnionURL is the audience's test landing page (listByAdmin).
	TestAudienceUnionURL string `json:"testAudienceUnionUrl"`
	// CallbackURL is the meeting's callback address.
	CallbackURL string `json:"callbackURL"`
	// CallbackUd is the caller's data sent back with callbacks.
	CallbackUd string `json:"callbackUd"`

	// AllowExternal is undocumented (1 in the examples).
	AllowExternal int `json:"allowExternal"`
	// AllowHardVideo: 1 hardware video may join, 0 not.
	AllowHardVideo int `json:"allowHardVideo"`
	// AllowBox: 1 boxes may join, 0 not.
	AllowBox int `json:"allowBox"`
	// AllowLync: 1 Lync may join, 0 not.
	AllowLync int `json:"allowLync"`
	// AppSource is the product: tb (蜜蜂), uc (空间), meeting, ….
	AppSource string `json:"appSource"`
	// UniformEnv is undocumented.
	UniformEnv string `json:"uniformEnv"`
	// SourceDomain is the domain the meeting was booked on.
	SourceDomain string `json:"sourceDomain"`
	// MailLang is the mail language.
	MailLang int `json:"mailLang"`
	// MeetingLanguage is the meeting's language.
	MeetingLanguage string `json:"meetingLanguage"`
	// IsPlugin is undocumented (false in the examples).
	IsPlugin bool `json:"isPlugin"`
	// VideoConferenceMode is undocumented (0 in the examples).
	VideoConferenceMode int `json:"videoConferenceMode"`
	// LargeGroup: 1 a very large group, 0 not.
	LargeGroup int `json:"largeGroup"`
	// ConfNodeType: 0 confidential meeting (default), 1 standard meeting.
	ConfNodeType int `json:"confNodeType"`
	// ConfMode: 0 video meeting (default), 1 data meeting.
	ConfMode int `json:"confMode"`
	// ConfMaster is undocumented (0 in the examples).
	ConfMaster int `json:"confMaster"`
	// HostsLayout is the video layout: "1-4" (4 equal), "1-7" (1+7, the
	// default when empty) or "1-21" (1+21).
	HostsLayout string `json:"hostsLayout"`
	// WatchMcuVideoMode: 1 watch multi-stream cloud video, 2 watch
	// multi-stream hardware video, 0 neither.
	WatchMcuVideoMode int `json:"watchMcuVideoMode"`
	// EnableCloudMCU is undocumented (1 in the examples).
	EnableCloudMCU int `json:"enableCloudMCU"`
	// JoinLogin: 0 attendees join without signing in (default), 1 they must
	// sign in first.
	JoinLogin int `json:"joinLogin"`
	// ParJoinConfLogined is undocumented (0 in the examples).
	ParJoinConfLogined int `json:"parJoinConfLogined"`
	// UseWaitingRoom: 1 the waiting room is on, 0 off.
	UseWaitingRoom int `json:"useWaitingRoom"`
	// PasswordFlag is undocumented (0 in the examples).
	PasswordFlag int `json:"passwordFlag"`
	// JoinConfSelTag: 1 attendees choose a tag when joining, 0 not.
	JoinConfSelTag int `json:"joinConfSelTag"`
	// JoinConfTags are the join tags, comma separated.
	JoinConfTags string `json:"joinConfTags"`
	// LedgerTag is undocumented; a JSON text ("[]" in the examples).
	LedgerTag string `json:"ledgerTag"`
	// UsedConfTickets is how many meeting tickets the meeting used.
	UsedConfTickets int64 `json:"usedConfTickets"`
	// TelAccess is undocumented (0 in the examples).
	TelAccess int `json:"telAccess"`
	// SV is undocumented (0 in the examples).
	SV int `json:"sv"`
	// UpdateFlag is undocumented (0 in the examples).
	UpdateFlag int `json:"updateFlag"`
	// WholeType is undocumented (0 in the examples).
	WholeType int `json:"wholeType"`
	// ClientOS is undocumented ("" in the examples).
	ClientOS string `json:"clientOs"`
	// ClientType is undocumented (0 in the examples).
	ClientType int `json:"clientType"`
	// ExchangeExternalID is the linked Exchange item's id.
	ExchangeExternalID string `json:"exchangeExternalId"`
	// ExchangeSyncDate is when the meeting was last synced with Exchange.
	ExchangeSyncDate time.Time `json:"exchangeSyncDate"`
	// ExternalFlag is undocumented ("" in the examples).
	ExternalFlag string `json:"externalFlag"`

	// EventForm is the event's form (1 phone … 7 phone+web+live).
	EventForm MeetingEventForm `json:"eventForm"`
	// EventLive is undocumented (0 in the examples).
	EventLive int `json:"eventLive"`
	// EventManualService: 0 not given, 1 manual service on (default), 2 off.
	EventManualService int `json:"eventManualService"`
	// ApprovalStatus is a live event's approval state; 0 otherwise.
	ApprovalStatus MeetingApprovalStatus `json:"approvalStatus"`
	// ApprovalUserID is the approver's user id.
	ApprovalUserID int64 `json:"approvalUserId"`
	// ApprovalName is the approver's name (live events only).
	ApprovalName string `json:"approvalName"`
	// RejectReason is why the event was rejected (live events only).
	RejectReason string `json:"rejectReason"`
	// CreatorUserID is a live event's creator (an assistant, not the host);
	// 0 otherwise.
	CreatorUserID int64 `json:"creatorUserId"`
	// CreatorName is a live event's creator's name; "" otherwise.
	CreatorName string `json:"creatorName"`

	// LiveOpenFlag: 1 live streaming is on, 0 off.
	LiveOpenFlag int `json:"liveOpenFlag"`
	// LiveChannelID is the live channel's id.
	LiveChannelID int64 `json:"liveChannelID"`
	// LiveCover is the live cover image.
	LiveCover string `json:"liveCover"`
	// LivePullURL is the live stream's link.
	LivePullURL string `json:"livePullUrl"`
	// LivePullPwd is the live stream's password.
	LivePullPwd string `json:"livePullPwd"`
	// LiveViewFlag is who may watch: 0 everyone (default), 1 with the
	// password, 2 after identity verification.
	LiveViewFlag int `json:"liveViewFlag"`
	// LivePlaybackFlag is the replay policy.
	LivePlaybackFlag MeetingPlayback `json:"livePlaybackFlag"`
	// LivePlaybackTime is the replay's expiry, only for LivePlaybackFlag 1
	// to 3: -1 no replay, 0 never expires, otherwise a Unix timestamp.
	LivePlaybackTime int64 `json:"livePlaybackTime"`
	// LiveScreen is the phone screen orientation of a cloud event:
	// 0 landscape (default), 1 portrait.
	LiveScreen int `json:"liveScreen"`

	// CalExtraInfo are the meeting's settings.
	CalExtraInfo MeetingCalExtraInfo `json:"calExtraInfo"`
	// AccessNumberInfo is the dial-in information.
	AccessNumberInfo MeetingAccessNumberInfo `json:"accessNumberInfo"`
	// AccessNumbers are the dial-in numbers keyed by language
	// (accessNumbers, or accessNumers as seed 001 §17's table spells it:
	// both are read, and an empty one never overwrites the other).
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

// MeetingAttendee is one entry of a meeting's attendList.
type MeetingAttendee struct {
	// User is the participant's id: a user id, or an address for external
	// participants.
	User string `json:"user"`
	// UserType is the kind of participant.
	UserType AttendeeType `json:"userType"`
	// Status is the participant's answer.
	Status AttendeeStatus `json:"status"`
	// PhoneName is a phone participant's name.
	PhoneName string `json:"phoneName"`
	// PhoneEmail is a phone participant's e-mail address.
	PhoneEmail string `json:"phoneEmail"`
	// ProductStatus is undocumented (1 in the examples).
	ProductStatus int `json:"productStatus"`
	// CountryCode is the country calling code.
	CountryCode string `json:"countryCode"`
	// CityCode is the area code.
	CityCode string `json:"cityCode"`
	// CompanyName is the participant's company.
	CompanyName string `json:"companyName"`
	// OrgName is the participant's organisation.
	OrgName string `json:"orgName"`
	// ContactID is undocumented.
	ContactID string `json:"contactId"`
	// MobileNumber is the participant's mobile number.
	MobileNumber string `json:"mobileNumber"`
	// OfficePhone is the participant's office phone.
	OfficePhone string `json:"officePhone"`
	// DisplayName is the participant's display name.
	DisplayName string `json:"displayName"`
	// UserProfile is undocumented (null in the examples); kept raw.
	UserProfile json.RawMessage `json:"userProfile"`
}

// MeetingDevice is a meeting room or a device of houseList, equipList and
// the device change lists, or a sub-device of a MeetingRoomDetail.
type MeetingDevice struct {
	// DeviceID is the room's or device's id.
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
	// ParentDeviceID is the parent device's id.
	ParentDeviceID int64 `json:"ParentDeviceId"`
	// ParentDeviceType is the parent's type: 2 meeting room, 3 device.
	ParentDeviceType RoomDeviceType `json:"ParentDeviceType"`
	// ApplyUserID is the user who booked the room.
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
	// AllowH323: 1 show H.323, 0 hide (default).
	AllowH323 int `json:"allowH323"`
	// OpenWatchword: 1 a join watchword is required, 0 not (default).
	OpenWatchword int `json:"openWatchword"`
	// EventWatchword is the join watchword ("" by default).
	EventWatchword string `json:"eventWatchword"`
	// Labels are the event's labels: a JSON array of strings, as text.
	Labels string `json:"labels"`
	// ShowAccessNumbers is undocumented (0 in the examples).
	ShowAccessNumbers int `json:"showAccessNumbers"`
	// ShowWebRTCURL is undocumented (0 in the examples).
	ShowWebRTCURL int `json:"showWebRTCUrl"`
}

// MeetingAccessNumberInfo is a meeting's dial-in information.
type MeetingAccessNumberInfo struct {
	// Enable reports whether the meeting has dial-in numbers.
	Enable bool `json:"enable"`
	// Chinese is the Chinese dial-in number.
	Chinese string `json:"accessNumber_zh"`
	// English is the English dial-in number.
	English string `json:"accessNumber_en"`
	// URL is the dial-in numbers' page.
	URL string `json:"accessNumber_url"`
}

// MeetingAccessNumber is one dial-in number of Meeting.AccessNumbers.
type MeetingAccessNumber struct {
	// Area is the number's region, as "北京" or "ALL".
	Area string `json:"area"`
	// Number is the dial-in number, as "+86(10)5932-1988".
	Number string `json:"number"`
	// ChooseBySelf: 1 a self-chosen number, 0 not (default).
	ChooseBySelf int `json:"chooseBySelf"`
}
