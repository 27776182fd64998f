package quanshi

// UMeetingService is the UMeeting area of the API; it is filled endpoint by endpoint.
type UMeetingService service
