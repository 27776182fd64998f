package quanshi

import (
	"errors"
	"net/http"
	"testing"
)

// FuzzReadEnvelope feeds arbitrary bodies and HTTP statuses to the envelope
// reader of every family: it must never panic, and must return either a
// payload or an *APIError, never both and never neither.
func FuzzReadEnvelope(f *testing.F) {
	seeds := []string{
		`{"status":0,"result":{"conferenceId":"239139091"},"request_id":"r"}`,
		`{"status":"50709","result":null,"msg":"not found","reqid":"x"}`,
		`{"timeStamp":1,"code":200,"msg":"ok","data":{"eventId":657341},"requestId":""}`,
		`{"code":0,"result":{"reports":[]}}`,
		`{"status":200,"message":"OK","data":{"meeting_id":"1770498237"}}`,
		`{"status":51208,"result":{"failList":[{"boxId":"1","errMsg":"bad"}]}}`,
		`<html>502 Bad Gateway</html>`,
		``,
		`{"status":0,"result":{"name":"会`,
		`[1,2]`,
		`{"status":{},"code":[]}`,
		`{"status":1e400}`,
		`{"status":0,"status":1}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s), 200)
		f.Add([]byte(s), 502)
	}
	rules := []envelopeRule{statusResultRule, codeDataRule, umeetingRule}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		for _, rule := range rules {
			payload, err := readEnvelope(rule, "POST /fuzz", status, body)
			var apiErr *APIError
			switch {
			case err == nil:
				if status < 200 || status > 299 {
					t.Fatalf("success reported for HTTP %d", status)
				}
			case errors.As(err, &apiErr):
				if payload != nil {
					t.Fatal("payload and error both returned")
				}
				if len(apiErr.Body) > rawWindow {
					t.Fatalf("raw excerpt too long: %d", len(apiErr.Body))
				}
				_ = apiErr.Error()
			default:
				t.Fatalf("untyped error %T: %v", err, err)
			}
			var out map[string]any
			_ = decodePayload(Operation{Method: http.MethodPost, Path: "/fuzz"}, response{httpStatus: status, payload: payload}, &out)
		}
	})
}
