package quanshitest

// umeetingRoutes are the systeccloud /umeeting endpoints.
func umeetingRoutes() []*route {
	return nil
}
