package quanshi

import (
	"cmp"
	"net/http"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// envelope is the union of every response envelope the API uses:
// status/result (openapi host), code/data (events host), status/message/data
// (umeeting), and the hybrids some pages show (code/result).
type envelope struct {
	Status         *int64         `json:"status"`
	Code           *int64         `json:"code"`
	Msg            string         `json:"msg"`
	Message        string         `json:"message"`
	ErrMessage     string         `json:"errMessage"`
	Result         jsontext.Value `json:"result"`
	Data           jsontext.Value `json:"data"`
	RequestID      string         `json:"request_id"`
	Timestamp      time.Time      `json:"timestamp"`
	TimeStamp      time.Time      `json:"timeStamp"`
	Duration       string         `json:"request_duration"`
	ReqID          string         `json:"reqid"`
	RequestIDCamel string         `json:"requestId"`
}

// envelopeRule is how one family reads its envelope.
type envelopeRule struct {
	// codeInData selects code/data (events host) over status/result.
	codeInData bool
	// success is the business code meaning success.
	success int64
	// payloadInData selects data over result as the payload member.
	payloadInData bool
}

var (
	statusResultRule = envelopeRule{success: 0}
	codeDataRule     = envelopeRule{codeInData: true, success: 200, payloadInData: true}
	umeetingRule     = envelopeRule{success: 200, payloadInData: true}
)

// outcome reads the business code. When the family's own code member is absent
// it falls back to the other one, where 0 and 200 both mean success: hybrid
// pages answer code:0 with a result member, and so on. found is false when the
// body has neither member.
func (r envelopeRule) outcome(env *envelope) (code int64, ok, found bool) {
	primary, fallback := env.Status, env.Code
	if r.codeInData {
		primary, fallback = env.Code, env.Status
	}
	switch {
	case primary != nil:
		return *primary, *primary == r.success, true
	case fallback != nil:
		return *fallback, *fallback == 0 || *fallback == 200, true
	}
	return 0, false, false
}

// payload returns the family's payload member, or the other one when the
// family's own is absent.
func (r envelopeRule) payload(env *envelope) jsontext.Value {
	first, second := env.Result, env.Data
	if r.payloadInData {
		first, second = env.Data, env.Result
	}
	if len(first) > 0 {
		return first
	}
	return second
}

func (env *envelope) message() string {
	for _, m := range []string{env.Msg, env.Message, env.ErrMessage} {
		if m != "" {
			return m
		}
	}
	return ""
}

func (env *envelope) requestID() string {
	for _, id := range []string{env.RequestID, env.ReqID, env.RequestIDCamel} {
		if id != "" {
			return id
		}
	}
	return ""
}

// readEnvelope interprets one response. It returns the payload on success,
// and an *APIError for a business failure, an HTTP failure or an unreadable
// body. Whether a failure means "token rejected" is decided by the caller,
// which knows what credentials it sent.
func readEnvelope(rule envelopeRule, opName string, httpStatus int, body []byte) (jsontext.Value, error) {
	var env envelope
	if err := decodeJSON(body, &env); err != nil {
		return nil, malformedError(opName, httpStatus, body, "response is not a JSON envelope", err)
	}
	code, ok, found := rule.outcome(&env)
	payload := rule.payload(&env)
	httpOK := httpStatus >= 200 && httpStatus < 300
	if found && ok && httpOK {
		return payload, nil
	}
	if !found {
		return nil, malformedError(opName, httpStatus, body, "response envelope has no status or code", nil)
	}
	apiErr := &APIError{
		Operation:      opName,
		HTTPStatus:     httpStatus,
		Code:           int(code),
		Message:        env.message(),
		RequestID:      env.requestID(),
		ServerTime:     cmp.Or(env.Timestamp, env.TimeStamp),
		ServerDuration: env.Duration,
		Result:         slices.Clone(payload),
	}
	if apiErr.Message == "" && !httpOK {
		apiErr.Message = http.StatusText(httpStatus)
	}
	return nil, apiErr
}

// malformedError describes a body that could not be read as expected.
func malformedError(opName string, httpStatus int, body []byte, what string, cause error) *APIError {
	if cause != nil {
		what += ": " + cause.Error()
	}
	return &APIError{
		Operation:  opName,
		HTTPStatus: httpStatus,
		Message:    what,
		Body:       rawExcerpt(body),
		kind:       kindMalformed,
		cause:      cause,
	}
}

const (
	// excerptLen bounds how much of an unreadable body goes into an error.
	excerptLen = 160
	// rawWindow is how much of the body an error keeps until it is redacted
	// and cut to excerptLen: redacting before cutting means a secret can
	// never be cut in half and slip past the redactor.
	rawWindow = 4096
)

// rawExcerpt keeps the start of body for a later excerpt.
func rawExcerpt(body []byte) string {
	if len(body) == 0 {
		return "(empty)"
	}
	return string(body[:min(len(body), rawWindow)])
}

// excerpt cuts an already redacted text to excerptLen at a rune boundary.
func excerpt(s string) string {
	if len(s) <= excerptLen {
		return s
	}
	b := s[:excerptLen]
	for len(b) > 0 && !utf8.ValidString(b) {
		b = b[:len(b)-1]
	}
	return b + "…"
}
