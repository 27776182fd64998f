package quanshitest

// dashboardRoutes are the admin dashboard and live-meeting views.
func dashboardRoutes() []*route {
	return nil
}
