package quanshitest

// eventRoutes are the /eventopenapi event endpoints.
func eventRoutes() []*route {
	return nil
}
