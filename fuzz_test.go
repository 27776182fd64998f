package quanshi

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"unicode/utf8"
)

// FuzzReadEnvelope feeds arbitrary bodies and HTTP statuses to the envelope
// reader of every family: it must never panic, and must either succeed or
// return an *APIError leaving no partly decoded payload behind.
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
			var out map[string]any
			_, err := readEnvelope(rule, fuzzOp, status, body, &out, nil)
			var apiErr *APIError
			switch {
			case err == nil:
				if status < 200 || status > 299 {
					t.Fatalf("success reported for HTTP %d", status)
				}
			case errors.As(err, &apiErr):
				if out != nil {
					t.Fatal("a failure left a decoded payload behind")
				}
				if len(apiErr.Body) > rawWindow {
					t.Fatalf("raw excerpt too long: %d", len(apiErr.Body))
				}
				_ = apiErr.Error()
			default:
				t.Fatalf("untyped error %T: %v", err, err)
			}
		}
	})
}

// FuzzEncodeForm: any request encodes to a form that parses back to the
// same values, with the umeeting credentials added and never duplicated.
func FuzzEncodeForm(f *testing.F) {
	f.Add("topic", "周会 & review=1", int64(60), true)
	f.Add("api_key", "spoofed", int64(0), false)
	f.Add("", "", int64(-1), false)
	f.Fuzz(func(t *testing.T, key, value string, n int64, b bool) {
		if !utf8.ValidString(key) || !utf8.ValidString(value) {
			return
		}
		body, err := encodeJSON(map[string]any{key: value, "n": n, "flag": b})
		if err != nil {
			t.Fatal(err)
		}
		c, err := NewClient(WithUMeetingCredentials(testUMeetingKey, testUMeetingSecret))
		if err != nil {
			t.Fatal(err)
		}
		creds := c.umeetingCreds
		form, err := encodeForm(testUMOp, body, creds)
		if err != nil {
			t.Fatal(err)
		}
		got, err := url.ParseQuery(string(form))
		if err != nil {
			t.Fatal(err)
		}
		if got.Get("api_key") != testUMeetingKey || got.Get("api_secret") != testUMeetingSecret || len(got["api_key"]) != 1 {
			t.Fatalf("credentials wrong in %q", form)
		}
		if key != "api_key" && key != "api_secret" && key != "n" && key != "flag" && got.Get(key) != value {
			t.Fatalf("%q=%q came back as %q", key, value, got.Get(key))
		}
		if got.Get("flag") != strconv.FormatBool(b) && key != "flag" {
			t.Fatalf("flag came back as %q", got.Get("flag"))
		}
	})
}

// fuzzOp names the operation the envelope fuzzers decode for.
var fuzzOp = Operation{Method: http.MethodPost, Path: "/fuzz"}

// TestAppendQueryEscapeIsQueryEscape: the form encoder escapes every byte as
// url.QueryEscape does.
func TestAppendQueryEscapeIsQueryEscape(t *testing.T) {
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	for _, s := range []string{string(all), "周会 & review=1", "2022-01-01 15:00:00", ""} {
		got := appendQueryEscape(nil, []byte(s))
		if string(got) != url.QueryEscape(s) || len(got) != escapedLen([]byte(s)) {
			t.Fatalf("%q: got %q, want %q", s, got, url.QueryEscape(s))
		}
	}
}
