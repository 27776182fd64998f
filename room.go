package quanshi

// RoomService is the Room area of the API; it is filled endpoint by endpoint.
type RoomService service
