package quanshi

// ConferenceService wraps the classic /conference cloud-meeting endpoints
// (schedule, update, cancel, list, look up, join links, dial-in numbers and
// box binding) and the /confopenapi/conference launch endpoints (live-watch,
// login-free join and client launch links).
type ConferenceService service
