package quanshi

import (
	"context"
	"time"
)

// CallOption changes one call: its timeout, its retry policy, or what it
// reports back. Every service method takes them last:
//
//	var info quanshi.ResponseInfo
//	st, err := client.Conference.Status(ctx, req,
//		quanshi.CallTimeout(2*time.Second), quanshi.CaptureResponse(&info))
//
// A call given no options costs nothing extra: no allocation, no lookup.
type CallOption func(*callSettings)

// callSettings is what a call's options ask for; a nil *callSettings means
// the client's defaults.
type callSettings struct {
	timeout time.Duration // > 0: the whole call, retries included, ends then
	retry   *RetryPolicy  // nil: the client's policy
	info    *ResponseInfo // nil: nothing captured
}

// ResponseInfo is what the server said about a call besides its result:
// filled by CaptureResponse on success and on failure alike. Fields the
// answer did not carry stay zero; a call that never got an answer leaves
// HTTPStatus 0.
type ResponseInfo struct {
	// HTTPStatus is the HTTP status of the last answer.
	HTTPStatus int
	// Code is the envelope's business code (status or code member).
	Code int
	// Message is the envelope's message (msg, message or errMessage),
	// redacted like an error's message.
	Message string
	// RequestID is the server's request id (request_id, reqid or
	// requestId), redacted like an error's message. Quote it to Quanshi
	// support.
	RequestID string
	// ServerTime is the envelope's timestamp/timeStamp, in Beijing time.
	ServerTime time.Time
	// Attempts is how many requests the call sent (retries and a re-minted
	// token count; a token mint does not).
	Attempts int
	// Duration is the whole call's time, retries and waits included.
	Duration time.Duration
	// Unparsed lists the members of a successful answer that the SDK set
	// aside rather than fail the call: in a write's answer, any member it
	// could not read as its documented type (a start_time of "7"; the
	// write took effect, and its result field holds the zero value); in any
	// answer, a member of a map keyed by date or e-mail whose key is
	// neither. A read's other odd members are ErrMalformedResponse. See
	// UnparsedField.
	Unparsed []UnparsedField
}

// CallTimeout bounds the whole call, retries and rate-limit waits included,
// on top of ctx's own deadline and of the client's per-attempt timeout.
// d <= 0 leaves the call unbounded by this option.
func CallTimeout(d time.Duration) CallOption {
	return func(s *callSettings) { s.timeout = d }
}

// CallRetryPolicy replaces the client's retry policy for this call. It
// decides how often and how long to wait; it can never make the SDK resend a
// write that may have reached the server (see RetryPolicy).
func CallRetryPolicy(p RetryPolicy) CallOption {
	return func(s *callSettings) { s.retry = &p }
}

// CallWithoutRetries sends the call once: no retry on any failure (a token
// the server rejected is still re-minted once).
func CallWithoutRetries() CallOption {
	return CallRetryPolicy(RetryPolicy{})
}

// CaptureResponse fills *dst with the server's answer's metadata when the
// call returns, on success and on failure. dst must not be shared between
// calls running at the same time.
func CaptureResponse(dst *ResponseInfo) CallOption {
	return func(s *callSettings) { s.info = dst }
}

// settingsFrom applies opts; it returns nil (the client's defaults) when no
// option was given, so that the common call allocates nothing.
func settingsFrom(opts []CallOption) *callSettings {
	if len(opts) == 0 {
		return nil
	}
	s := new(callSettings)
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	return s
}

// withTimeout applies the call's timeout to ctx.
func (s *callSettings) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if s == nil || s.timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, s.timeout)
}

// retryPolicy is the policy this call follows.
func (s *callSettings) retryPolicy(c *Client) *RetryPolicy {
	if s != nil && s.retry != nil {
		return s.retry
	}
	return &c.cfg.retry
}

// capture returns where the call's metadata goes, or nil.
func (s *callSettings) capture() *ResponseInfo {
	if s == nil {
		return nil
	}
	return s.info
}
