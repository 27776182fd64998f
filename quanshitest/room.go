package quanshitest

// roomRoutes are the /confopenapi/room endpoints, recordings and reports.
func roomRoutes() []*route {
	return nil
}
