package quanshi

// RecordingService is the Recording area of the API; it is filled endpoint by endpoint.
type RecordingService service
