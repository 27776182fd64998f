package quanshi

// The unknown value of each enum whose zero is a documented value. A member
// sent as "" or null ("confStatus": "") reads as the type's Unknown, never
// as that documented zero (ConferenceStatusNone would say "not found or
// deleted"); a number no page documents keeps its value, and String
// reports it as "Type(n)". An absent member leaves the zero value. Unknown
// is never sent in a request.
const (
	ConferenceStatusUnknown      ConferenceStatus      = -1 // "" or null
	UMeetingStatusUnknown        UMeetingStatus        = -1 // "" or null
	EventStatusUnknown           EventStatus           = -1 // "" or null
	EventJoinLimitUnknown        EventJoinLimit        = -1 // "" or null
	EventReplayValidityUnknown   EventReplayValidity   = -1 // "" or null
	PasswordTypeUnknown          PasswordType          = -1 // "" or null
	ReportRoleUnknown            ReportRole            = -1 // "" or null
	ReportExtTypeUnknown         ReportExtType         = -1 // "" or null
	RoomVenueUnknown             RoomVenue             = -1 // "" or null
	RoomApprovalStatusUnknown    RoomApprovalStatus    = -1 // "" or null
	MeetingApprovalStatusUnknown MeetingApprovalStatus = -1 // "" or null
	MeetingPlaybackUnknown       MeetingPlayback       = -1 // "" or null
	UserStatusUnknown            UserStatus            = -1 // "" or null
	UserAccountTypeUnknown       UserAccountType       = -1 // "" or null
)

// unknownEnum is what String says of an Unknown value.
const unknownEnum = "unknown"
