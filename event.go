package quanshi

// EventService is the Event area of the API; it is filled endpoint by endpoint.
type EventService service
