package quanshi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
)

// ErrOutcomeUnknown matches a write (create, update, cancel, delete, bind,
// schedule, end) whose request may have reached the server but whose answer
// was lost: a timeout, a reset connection, a gateway error. The write may or
// may not have happened; check with a read (Get, List, Status) before sending
// it again. The SDK never resends such a write by itself.
var ErrOutcomeUnknown = errors.New("quanshi: outcome unknown: the request may have reached the server; check with a read before retrying")

// RetryPolicy says how the client retries failed calls. Reads (operations
// marked Idempotent) are retried on transport errors, HTTP 429, 502, 503 and
// 504, unreadable answers (an HTML page, a truncated body) outside the 4xx
// range, and on the business codes in TransientCodes. Writes are retried only
// when the request provably never left the client (the connection could not
// be dialled), so a retry can never create a meeting twice.
type RetryPolicy struct {
	// MaxRetries is the number of retries after the first attempt; 0 turns
	// retries off.
	MaxRetries int
	// MinWait is the first backoff; each further one doubles, up to MaxWait,
	// with jitter.
	MinWait time.Duration
	// MaxWait caps a backoff. A Retry-After header is honoured up to
	// maxRetryAfter even when it asks for more than MaxWait.
	MaxWait time.Duration
	// TransientCodes are business codes worth retrying for reads. No page
	// documents one, so the default is empty.
	TransientCodes []int
}

// DefaultRetryPolicy is what a client uses unless WithRetryPolicy says
// otherwise: 2 retries, backoff from 200ms to 5s.
var DefaultRetryPolicy = RetryPolicy{MaxRetries: 2, MinWait: 200 * time.Millisecond, MaxWait: 5 * time.Second}

// maxRetryAfter bounds how long a Retry-After header can make a call wait.
const maxRetryAfter = time.Minute

// connTrace records whether a write got a connection: a request that never
// got one was never sent. A write with a body tells by its body: the
// transport reads it only once it has a connection, so a body not read at
// all was never sent, and no httptrace (four allocations a call) is needed.
// A write without a body (one sent as GET) is traced.
type connTrace struct {
	gotConn bool
	body    *bytes.Reader // the body sent, or nil
	size    int           // its length
}

// connected reports whether the request got a connection. It is read after
// RoundTrip returned an error that a request never sent would give (a
// dial or DNS failure): then no transport is reading the body any more.
func (t *connTrace) connected() bool {
	return t.gotConn || t.body != nil && t.body.Len() < t.size
}

func (t *connTrace) context(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { t.gotConn = true },
	})
}

// neverSent reports whether a transport error happened before any byte of
// the request could be written, with no connection: a DNS, dial or proxy
// failure, or a request net/http refused to send (an invalid header value).
func neverSent(err error, trace *connTrace) bool {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	beforeSending := errors.As(err, &dnsErr) ||
		(errors.As(err, &opErr) && (opErr.Op == "dial" || opErr.Op == "proxyconnect")) ||
		refusedByNetHTTP(err)
	return beforeSending && !trace.connected()
}

// refusedByNetHTTP recognises the errors net/http's Transport returns for a
// request it will not send at all. They have no type of their own; their text
// is stable ("net/http: invalid header field name/value ...").
func refusedByNetHTTP(err error) bool {
	return strings.Contains(err.Error(), "net/http: invalid header field")
}

// attemptResult is one attempt's outcome as the retry loop sees it.
type attemptResult struct {
	err        error
	retryAfter time.Duration // from a Retry-After header, if any
	neverSent  bool          // the request never left the client
}

// retryable decides whether the failed attempt may be retried.
func (p *RetryPolicy) retryable(op Operation, a attemptResult) bool {
	if a.neverSent {
		return true
	}
	if !op.Idempotent {
		return false
	}
	var te *TransportError
	if errors.As(a.err, &te) {
		return true
	}
	var apiErr *APIError
	if !errors.As(a.err, &apiErr) {
		return false
	}
	return apiErr.temporary()
}

// classify completes the error a call returns: the server's Retry-After and
// whether its business code is one of the policy's TransientCodes.
func (p *RetryPolicy) classify(a attemptResult) {
	var apiErr *APIError
	if !errors.As(a.err, &apiErr) {
		return
	}
	apiErr.RetryAfter = a.retryAfter
	apiErr.transientCode = apiErr.kind == kindBusiness && slices.Contains(p.TransientCodes, apiErr.Code)
}

// backoff is the wait before retry number n (0-based): exponential from
// MinWait with jitter in [d/2, d], capped at MaxWait; a Retry-After wins.
func (p *RetryPolicy) backoff(n int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, maxRetryAfter)
	}
	d := p.MinWait << min(n, 30)
	if d <= 0 || d > p.MaxWait {
		d = p.MaxWait
	}
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2+1)
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
func parseRetryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// sleep waits d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// noReplayKey marks, in a request's context, a write sent as GET (the
// classic cancel endpoint).
type noReplayKey struct{}

// forbidTransportReplay is resty's pre-request hook. net/http's Transport
// resends a replayable request (any GET) by itself when a reused connection
// dies before the answer; for a write that would run it twice behind the
// SDK's back. A request whose body is set and cannot be rewound (no GetBody)
// is not replayable; an empty body still goes out as no body at all.
func forbidTransportReplay(_ *resty.Client, req *http.Request) error {
	if req.Context().Value(noReplayKey{}) != nil {
		req.Body, req.GetBody, req.ContentLength = io.NopCloser(strings.NewReader("")), nil, 0
	}
	return nil
}

// markOutcomeUnknown flags a write's error when the request may have been
// processed: a transport error after the connection was made, a gateway
// answering 502/504 in the server's stead, a success status whose answer the
// SDK could not read (truncated, an HTML page, over the size limit), or a 303
// redirect (done, but the answer is elsewhere). Other redirects (301, 302,
// 307, 308) are definite failures: the server did not act.
func markOutcomeUnknown(op Operation, a attemptResult) {
	if op.Idempotent || a.neverSent {
		return
	}
	var te *TransportError
	if errors.As(a.err, &te) {
		te.outcomeUnknown = true
		return
	}
	var apiErr *APIError
	if !errors.As(a.err, &apiErr) {
		return
	}
	gateway := apiErr.HTTPStatus == http.StatusBadGateway || apiErr.HTTPStatus == http.StatusGatewayTimeout
	unread := (apiErr.kind == kindMalformed || apiErr.kind == kindTooLarge) && apiErr.HTTPStatus >= 200 && apiErr.HTTPStatus < 300
	// 303 See Other: the server acted on the write and points elsewhere for
	// the answer, which the SDK does not fetch.
	seeOther := apiErr.kind == kindRedirect && apiErr.HTTPStatus == http.StatusSeeOther
	if gateway || unread || seeOther {
		apiErr.outcomeUnknown = true
	}
}
