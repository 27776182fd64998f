package quanshi

// ConferenceService is the Conference area of the API; it is filled endpoint by endpoint.
type ConferenceService service
