package quanshi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors. Test for them with errors.Is; the error itself is an
// *APIError (or *TransportError / *ValidationError) carrying the details.
var (
	// ErrInvalidParameter is the class of bad requests: the server rejected a
	// parameter (business code 50103), or the SDK refused to send the
	// request (every *ValidationError matches it). Fix the request; sending
	// it again unchanged fails again.
	ErrInvalidParameter = errors.New("quanshi: invalid parameter")
	// ErrConferenceNotFound: the conference does not exist (business code 50709).
	ErrConferenceNotFound = errors.New("quanshi: conference not found")
	// ErrCode51101 is the documented business code 51101. No stored page says
	// what it means; the sentinel lets callers branch on it all the same.
	ErrCode51101 = errors.New("quanshi: business code 51101")
	// ErrCode51104 is the documented business code 51104 (meaning undocumented).
	ErrCode51104 = errors.New("quanshi: business code 51104")
	// ErrNoValidBox: every box in a bind request was rejected (business code 51208);
	// the rejected boxes are in the error's Result.
	ErrNoValidBox = errors.New("quanshi: no valid box")
	// ErrTemplateNotFound: the business template does not exist (business code 20713).
	ErrTemplateNotFound = errors.New("quanshi: business template not found")

	// ErrUnauthorized is the class of credential failures: the server
	// rejected the credentials (HTTP 401/403, or a token-invalid business
	// code, also when minting a token), or the client lacks the credentials
	// an endpoint needs (a *ValidationError on Field "credentials"). Every
	// ErrTokenInvalid is also ErrUnauthorized.
	ErrUnauthorized = errors.New("quanshi: credentials rejected")
	// ErrTokenInvalid: the token was rejected as invalid or expired. A client
	// that mints its own tokens has already dropped the token, minted a new one
	// and retried the call once before returning this.
	ErrTokenInvalid = errors.New("quanshi: token invalid or expired")

	// ErrMalformedResponse: the response was not a JSON envelope the SDK could
	// read (an HTML error page, an empty or truncated body, invalid JSON, a
	// payload of the wrong shape). The error's Body holds a short excerpt.
	ErrMalformedResponse = errors.New("quanshi: malformed response")
	// ErrResponseTooLarge: the response body exceeded the client's size limit.
	ErrResponseTooLarge = errors.New("quanshi: response too large")
	// ErrRedirected: the server answered with a redirect (HTTP 3xx). The API
	// never redirects, so the SDK never follows one: credentials and request
	// bodies are not sent to another host. For a write answered 303 the
	// server acted on the request and the error also matches
	// ErrOutcomeUnknown; any other 3xx means it did not.
	ErrRedirected = errors.New("quanshi: redirect refused")

	// ErrTemporary is the class of failures worth trying again later, the
	// same call unchanged: no answer (a refused or dropped connection, a DNS
	// failure, a timeout; not a cancelled context), HTTP 429, 502, 503 or
	// 504, an unreadable answer outside the 4xx range (a gateway's HTML
	// page), or a business code in RetryPolicy.TransientCodes. The SDK has
	// already retried a read as its RetryPolicy allows. A write that also
	// matches ErrOutcomeUnknown may have happened: check before resending.
	ErrTemporary = errors.New("quanshi: temporarily unavailable")
	// ErrRateLimited: the server answered HTTP 429. Every ErrRateLimited is
	// also ErrTemporary; the *APIError's RetryAfter holds the server's
	// Retry-After, if it sent one.
	ErrRateLimited = errors.New("quanshi: rate limited")
	// ErrNotFound is the class of "no such thing" answers: every
	// ErrConferenceNotFound (50709) and ErrTemplateNotFound (20713).
	ErrNotFound = errors.New("quanshi: not found")

	// ErrClientUnusable: the call was made on a nil *Client, on a Client not
	// built by NewClient (a zero Client{}), or through a nil service. Nothing
	// was sent.
	ErrClientUnusable = errors.New("quanshi: client is nil or was not built by NewClient")
	// ErrClientClosed: the call was made after Client.Close. Nothing was sent.
	ErrClientClosed = errors.New("quanshi: client is closed")
)

// codeSentinels maps the documented business codes to their sentinels.
var codeSentinels = map[int]error{
	50103: ErrInvalidParameter,
	50709: ErrConferenceNotFound,
	51101: ErrCode51101,
	51104: ErrCode51104,
	51208: ErrNoValidBox,
	20713: ErrTemplateNotFound,
}

// APIError is a failure reported by the server: a non-success business code
// in any HTTP status, a non-2xx HTTP status, or a body the SDK could not read.
// A business failure inside HTTP 200 and the same failure inside HTTP 4xx/5xx
// give equal Code and Message and match the same sentinels.
type APIError struct {
	// Operation is the endpoint, as "POST /conference/conference/getConfStatus".
	Operation string
	// HTTPStatus is the response's HTTP status code.
	HTTPStatus int
	// Code is the envelope's business code (status or code); 0 when the body
	// had none.
	Code int
	// Message is the server's error text (msg, message or errMessage), or the
	// SDK's description of an unreadable response.
	Message string
	// RequestID is the server's request id (request_id, reqid or requestId);
	// quote it when reporting a problem to Quanshi.
	RequestID string
	// ServerTime is the envelope's timestamp (timestamp or timeStamp), when
	// the server sent one.
	ServerTime time.Time
	// ServerDuration is the server's own account of the time it took
	// (request_duration, such as "626.841849ms"), when it sent one.
	ServerDuration string
	// Result is the raw payload (result or data) the server sent with the
	// failure, if any: box binding answers 51208 with the rejected boxes.
	// Decode it with DecodeResult.
	Result []byte
	// Body is a short, redacted excerpt of a body that was not a readable
	// envelope (an nginx 502 page, a truncated JSON document).
	Body string
	// ClockSkew is, for a failed request signed with CurTime (token minting,
	// user lookup, WithSignEveryCall), how far the server's timeStamp is ahead
	// of the local clock (negative: behind); zero when the server sent no
	// time. A rejected signature with a skew of minutes means the local clock
	// is wrong.
	ClockSkew time.Duration
	// RetryAfter is the wait the server asked for in a Retry-After header
	// (delay seconds or an HTTP date), uncapped; zero when it sent none. It
	// is set on the error the call returns, typically with HTTP 429
	// (ErrRateLimited) or 503.
	RetryAfter time.Duration

	kind           errorKind
	outcomeUnknown bool
	transientCode  bool // Code is in the call's RetryPolicy.TransientCodes
	redacted       bool
	signed         bool
	cause          error
}

type errorKind uint8

const (
	kindBusiness errorKind = iota
	kindTokenInvalid
	kindUnauthorized
	kindMalformed
	kindTooLarge
	kindRedirect
)

// Error returns a one-line description without credentials.
func (e *APIError) Error() string {
	if e == nil {
		return "quanshi: <nil APIError>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "quanshi: %s: ", e.Operation)
	if e.HTTPStatus != 0 {
		fmt.Fprintf(&b, "HTTP %d", e.HTTPStatus)
	}
	if e.Code != 0 {
		fmt.Fprintf(&b, ", code %d", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Body != "" {
		fmt.Fprintf(&b, " (body: %q)", e.Body)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [request id %s]", e.RequestID)
	}
	if e.signed && (e.kind == kindUnauthorized || e.kind == kindTokenInvalid || e.ClockSkew.Abs() >= time.Minute) {
		side := "behind"
		if e.ClockSkew < 0 {
			side = "ahead of"
		}
		skew := e.ClockSkew.Abs()
		if skew >= time.Second {
			skew = skew.Round(time.Second)
		}
		fmt.Fprintf(&b, "; signed with CurTime: the local clock is %s %s the server's", skew, side)
	}
	if e.outcomeUnknown {
		b.WriteString("; outcome unknown: the write may have happened, check with a read before retrying")
	}
	return b.String()
}

// GoString keeps %#v from printing the raw payload, which may hold
// credentials such as pcode1.
func (e *APIError) GoString() string { return e.Error() }

// Is reports whether the error matches a sentinel of this package.
func (e *APIError) Is(target error) bool {
	if e == nil {
		return false
	}
	switch target {
	case ErrOutcomeUnknown:
		return e.outcomeUnknown
	case ErrTokenInvalid:
		return e.kind == kindTokenInvalid
	case ErrUnauthorized:
		return e.kind == kindTokenInvalid || e.kind == kindUnauthorized
	case ErrMalformedResponse:
		return e.kind == kindMalformed
	case ErrResponseTooLarge:
		return e.kind == kindTooLarge
	case ErrRedirected:
		return e.kind == kindRedirect
	case ErrTemporary:
		return e.temporary()
	case ErrRateLimited:
		return e.HTTPStatus == http.StatusTooManyRequests
	case ErrNotFound:
		return e.kind == kindBusiness && (e.Code == 50709 || e.Code == 20713)
	}
	s, ok := codeSentinels[e.Code]
	return ok && s == target
}

// temporary reports whether the failure is worth trying again unchanged
// (ErrTemporary); the retry policy retries reads on exactly these.
func (e *APIError) temporary() bool {
	switch e.HTTPStatus {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	if e.kind == kindMalformed && (e.HTTPStatus < 400 || e.HTTPStatus >= 500) {
		return true
	}
	return e.transientCode
}

// Unwrap returns the underlying cause, such as a JSON syntax error.
func (e *APIError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.cause
}

// DecodeResult decodes the failure's Result payload into v with the SDK's
// lenient rules. It is a no-op when there is no payload.
func (e *APIError) DecodeResult(v any) error {
	if e == nil || len(e.Result) == 0 || string(e.Result) == "null" {
		return nil
	}
	return decodeJSON(e.Result, v)
}

// ValidationError reports a request the SDK refused to send because it breaks
// a rule of the API's documentation. Nothing was sent.
type ValidationError struct {
	// Operation is the endpoint the request was for; empty for client options.
	Operation string
	// Field is the wire name of the offending field, as "inviteeList[2].email".
	Field string
	// Reason says what is wrong.
	Reason string
}

// Error returns a one-line description.
func (e *ValidationError) Error() string {
	if e == nil {
		return "quanshi: <nil ValidationError>"
	}
	prefix := "quanshi: "
	if e.Operation != "" {
		prefix += e.Operation + ": "
	}
	if e.Field == "" {
		return prefix + "invalid request: " + e.Reason
	}
	return prefix + "invalid " + e.Field + ": " + e.Reason
}

// Is makes every ValidationError match ErrInvalidParameter, the sentinel the
// server's "invalid parameter" code matches, so that bad input is one check;
// a missing credential (Field "credentials") also matches ErrUnauthorized.
func (e *ValidationError) Is(target error) bool {
	return e != nil && (target == ErrInvalidParameter || target == ErrUnauthorized && e.Field == "credentials")
}

// TransportError is a failure to get a response at all: a refused or dropped
// connection, a DNS failure, a timeout, a cancelled context. It keeps its
// cause, so errors.Is(err, context.DeadlineExceeded) works. For a write whose
// request may have been sent, errors.Is(err, ErrOutcomeUnknown) holds too.
type TransportError struct {
	// Operation is the endpoint, as "POST /conference/conference/getConfStatus".
	Operation string
	// Err is the cause.
	Err error

	outcomeUnknown bool
}

// Error returns a one-line description.
func (e *TransportError) Error() string {
	if e == nil {
		return "quanshi: <nil TransportError>"
	}
	if e.outcomeUnknown {
		return fmt.Sprintf("quanshi: %s: %v; outcome unknown: the write may have happened, check with a read before retrying", e.Operation, e.Err)
	}
	return fmt.Sprintf("quanshi: %s: %v", e.Operation, e.Err)
}

// Is reports ErrOutcomeUnknown for a write that may have been processed, and
// ErrTemporary unless the call was cancelled or its client closed.
func (e *TransportError) Is(target error) bool {
	if e == nil {
		return false
	}
	switch target {
	case ErrOutcomeUnknown:
		return e.outcomeUnknown
	case ErrTemporary:
		return !errors.Is(e.Err, context.Canceled) && !errors.Is(e.Err, ErrClientClosed)
	}
	return false
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// redactedError is an error whose text was redacted. It has no Unwrap, so
// that printing an error chain never reaches the raw text, but errors.Is and
// errors.As still see the original (context.DeadlineExceeded, *net.OpError),
// and Timeout reports the original's.
type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string        { return e.text }
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }
func (e *redactedError) As(target any) bool   { return errors.As(e.err, target) }

// Timeout reports whether the original error was a timeout.
func (e *redactedError) Timeout() bool {
	t, ok := e.err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}
