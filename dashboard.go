package quanshi

// DashboardService is the Dashboard area of the API; it is filled endpoint by endpoint.
type DashboardService service
