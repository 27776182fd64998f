package quanshitest

// conferenceRoutes are the classic /conference endpoints and the /confopenapi/conference launch endpoints.
func conferenceRoutes() []*route {
	return nil
}
