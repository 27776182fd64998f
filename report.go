package quanshi

// ReportService is the Report area of the API; it is filled endpoint by endpoint.
type ReportService service
