package quanshi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testWriteOp = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/room/reservConference"}

// sequence answers the operation's path with the responders in turn, the
// last one for every further request, and counts the requests.
func (a *testAPI) sequence(op Operation, responders ...httpmock.Responder) *atomic.Int64 {
	var n atomic.Int64
	a.mock.RegisterResponder(op.Method, urlFor(op.Family, op.Path), func(req *http.Request) (*http.Response, error) {
		i := int(n.Add(1)) - 1
		return responders[min(i, len(responders)-1)](req)
	})
	return &n
}

func status(code int, body string) httpmock.Responder {
	return httpmock.NewStringResponder(code, body)
}

const okBody = `{"status":0,"result":{"name":"ok"}}`

func TestReadsAreRetriedOnTransientFailures(t *testing.T) {
	cases := map[string]httpmock.Responder{
		"429":              status(http.StatusTooManyRequests, `{"status":429,"msg":"slow down"}`),
		"502 html":         status(http.StatusBadGateway, "<html>502 Bad Gateway</html>"),
		"503 empty":        status(http.StatusServiceUnavailable, ""),
		"504":              status(http.StatusGatewayTimeout, "gateway timeout"),
		"connection reset": httpmock.NewErrorResponder(errors.New("read: connection reset by peer")),
		"truncated JSON":   status(http.StatusOK, `{"status":0,"result":{"na`),
		"HTML with 200":    status(http.StatusOK, "<html>maintenance</html>"),
	}
	for name, failure := range cases {
		t.Run(name, func(t *testing.T) {
			api := newTestAPI(t)
			calls := api.sequence(testConfOp, failure, failure, status(http.StatusOK, okBody))
			var out probeResult
			require.NoError(t, api.client.call(context.Background(), testConfOp, nil, &out))
			assert.Equal(t, "ok", out.Name)
			assert.EqualValues(t, 3, calls.Load())
		})
	}
}

func TestReadsGiveUpAfterMaxRetries(t *testing.T) {
	api := newTestAPI(t)
	calls := api.sequence(testConfOp, status(http.StatusServiceUnavailable, "<html>down</html>"))
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusServiceUnavailable, apiErr.HTTPStatus)
	assert.EqualValues(t, 3, calls.Load(), "one attempt and two retries")
}

func TestNonTransientFailuresAreNotRetried(t *testing.T) {
	for name, failure := range map[string]httpmock.Responder{
		"business error": status(http.StatusOK, `{"status":50709,"msg":"not found"}`),
		"500":            status(http.StatusInternalServerError, `{"status":500,"msg":"boom"}`),
		"400 page":       status(http.StatusBadRequest, "bad"),
		"404 page":       status(http.StatusNotFound, "<html>404</html>"),
	} {
		api := newTestAPI(t)
		calls := api.sequence(testConfOp, failure)
		assert.Error(t, api.client.call(context.Background(), testConfOp, nil, nil))
		assert.EqualValues(t, 1, calls.Load(), name)
	}
}

func TestTransientBusinessCodesAreConfigurable(t *testing.T) {
	policy := fastRetries
	policy.TransientCodes = []int{10503}
	api := newTestAPI(t, WithRetryPolicy(policy))
	busy := status(http.StatusOK, `{"status":10503,"msg":"busy"}`)
	calls := api.sequence(testConfOp, busy, status(http.StatusOK, okBody))
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.EqualValues(t, 2, calls.Load())

	writes := api.sequence(testWriteOp, busy, status(http.StatusOK, okBody))
	assert.Error(t, api.client.call(context.Background(), testWriteOp, nil, nil))
	assert.EqualValues(t, 1, writes.Load(), "writes are never retried on a business code")
}

func TestWritesAreNotRetriedOnceSent(t *testing.T) {
	cases := map[string]struct {
		failure httpmock.Responder
		unknown bool
	}{
		"429":              {status(http.StatusTooManyRequests, ""), false},
		"503":              {status(http.StatusServiceUnavailable, ""), false},
		"502":              {status(http.StatusBadGateway, "<html>502</html>"), true},
		"504":              {status(http.StatusGatewayTimeout, ""), true},
		"connection reset": {httpmock.NewErrorResponder(errors.New("read: connection reset by peer")), true},
		"timeout":          {httpmock.NewErrorResponder(context.DeadlineExceeded), true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			api := newTestAPI(t)
			calls := api.sequence(testWriteOp, tc.failure, status(http.StatusOK, okBody))
			err := api.client.call(context.Background(), testWriteOp, nil, nil)
			require.Error(t, err)
			assert.EqualValues(t, 1, calls.Load(), "a sent write is never resent")
			assert.Equal(t, tc.unknown, errors.Is(err, ErrOutcomeUnknown))
			if tc.unknown {
				assert.Contains(t, err.Error(), "check with a read before retrying")
			}
		})
	}
}

func TestWritesAreRetriedWhenNeverSent(t *testing.T) {
	api := newTestAPI(t)
	dialFail := httpmock.NewErrorResponder(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")})
	calls := api.sequence(testWriteOp, dialFail, status(http.StatusOK, okBody))
	require.NoError(t, api.client.call(context.Background(), testWriteOp, nil, nil))
	assert.EqualValues(t, 2, calls.Load())

	dnsFail := httpmock.NewErrorResponder(&net.DNSError{Err: "no such host", Name: "openapi.test"})
	api = newTestAPI(t)
	calls = api.sequence(testWriteOp, dnsFail)
	err := api.client.call(context.Background(), testWriteOp, nil, nil)
	var dnsErr *net.DNSError
	assert.ErrorAs(t, err, &dnsErr)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "a write that never left is not ambiguous")
	assert.EqualValues(t, 3, calls.Load())
}

// TestWriteOverRealSockets uses real connections: a refused dial is retried,
// a connection dropped after the request was written is not.
func TestWriteOverRealSockets(t *testing.T) {
	// A port nobody listens on: dials are refused.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closedURL := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close())

	var dials atomic.Int64
	transport := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	c, err := NewClient(WithToken(testToken), WithBaseURL(closedURL), WithRetryPolicy(fastRetries),
		WithHTTPClient(&http.Client{Transport: transport}))
	require.NoError(t, err)
	err = c.call(context.Background(), testWriteOp, nil, nil)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 3, dials.Load(), "refused dials are safe to retry")

	// A server that reads the request, then drops the connection.
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}))
	defer srv.Close()
	c, err = NewClient(WithToken(testToken), WithBaseURL(srv.URL), WithRetryPolicy(fastRetries))
	require.NoError(t, err)
	err = c.call(context.Background(), testWriteOp, nil, nil)
	require.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 1, requests.Load(), "the dropped write is not resent")

	err = c.call(context.Background(), testConfOp, nil, nil)
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "reads are never ambiguous")
	assert.EqualValues(t, 4, requests.Load(), "the read was retried twice")
}

func TestRetryAfterIsHonoured(t *testing.T) {
	api := newTestAPI(t)
	limited := func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusTooManyRequests, `{"status":429}`)
		resp.Header.Set("Retry-After", "1")
		return resp, nil
	}
	calls := api.sequence(testConfOp, limited, status(http.StatusOK, okBody))
	start := time.Now()
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.GreaterOrEqual(t, time.Since(start), time.Second)
	assert.EqualValues(t, 2, calls.Load())
}

func TestBackoffWaitEndsWithTheContext(t *testing.T) {
	api := newTestAPI(t, WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinWait: 10 * time.Second, MaxWait: 10 * time.Second}))
	calls := api.sequence(testConfOp, status(http.StatusServiceUnavailable, ""))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := api.client.call(ctx, testConfOp, nil, nil)
	assert.Less(t, time.Since(start), time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var apiErr *APIError
	assert.ErrorAs(t, err, &apiErr, "the last failure is kept")
	assert.EqualValues(t, 1, calls.Load())
}

func TestWithoutRetries(t *testing.T) {
	api := newTestAPI(t, WithoutRetries())
	calls := api.sequence(testConfOp, status(http.StatusServiceUnavailable, ""))
	assert.Error(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.EqualValues(t, 1, calls.Load())
}

func TestRetryPolicyValidation(t *testing.T) {
	for _, p := range []RetryPolicy{
		{MaxRetries: -1},
		{MaxRetries: 11, MinWait: time.Millisecond, MaxWait: time.Second},
		{MaxRetries: 1},
		{MaxRetries: 1, MinWait: time.Second, MaxWait: time.Millisecond},
	} {
		_, err := NewClient(WithRetryPolicy(p))
		var ve *ValidationError
		assert.ErrorAs(t, err, &ve, "%+v", p)
	}
}

func TestBackoffGrowsWithJitterAndCaps(t *testing.T) {
	p := RetryPolicy{MaxRetries: 5, MinWait: 100 * time.Millisecond, MaxWait: time.Second}
	for n, want := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		d := p.backoff(n, 0)
		want *= time.Millisecond
		assert.GreaterOrEqual(t, d, want/2, "retry %d", n)
		assert.LessOrEqual(t, d, want, "retry %d", n)
	}
	assert.Equal(t, 3*time.Second, p.backoff(0, 3*time.Second), "Retry-After wins over MaxWait")
	assert.Equal(t, maxRetryAfter, p.backoff(0, time.Hour))
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	h := http.Header{}
	assert.Zero(t, parseRetryAfter(h, now))
	h.Set("Retry-After", "7")
	assert.Equal(t, 7*time.Second, parseRetryAfter(h, now))
	h.Set("Retry-After", now.Add(90*time.Second).Format(http.TimeFormat))
	assert.Equal(t, 90*time.Second, parseRetryAfter(h, now))
	h.Set("Retry-After", "soon")
	assert.Zero(t, parseRetryAfter(h, now))
}

func TestRateLimitWaitsInsteadOfFailing(t *testing.T) {
	api := newTestAPI(t, WithRateLimit(20, 1))
	calls := api.sequence(testConfOp, status(http.StatusOK, okBody))
	start := time.Now()
	for range 5 {
		require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	}
	assert.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond, "5 calls at 20/s with burst 1 take 200ms")
	assert.EqualValues(t, 5, calls.Load())
}

func TestRateLimitWaitStopsWithTheContext(t *testing.T) {
	api := newTestAPI(t, WithRateLimit(0.1, 1))
	calls := api.sequence(testConfOp, status(http.StatusOK, okBody))
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := api.client.call(ctx, testWriteOp, nil, nil)
	assert.Error(t, err)
	assert.Less(t, time.Since(start), time.Second)
	var te *TransportError
	assert.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "nothing was sent")
	assert.EqualValues(t, 1, calls.Load())

	_, err = NewClient(WithRateLimit(0, 1))
	assert.Error(t, err)
}

func TestRetryAfterAMisfitPayloadStartsClean(t *testing.T) {
	api := newTestAPI(t)
	calls := api.sequence(testConfOp,
		status(http.StatusOK, `{"status":0,"result":{"name":"half-decoded","count":{"x":1}}}`),
		status(http.StatusOK, `{"status":0,"result":{"count":3}}`))
	var out probeResult
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, &out))
	assert.Equal(t, probeResult{Count: 3}, out, "nothing of the failed attempt is left")
	assert.EqualValues(t, 2, calls.Load())
}

func TestAnswerBrokenAfterItsPayloadLeavesNothingBehind(t *testing.T) {
	api := newTestAPI(t)
	calls := api.sequence(testConfOp,
		status(http.StatusOK, `{"status":0,"result":{"name":"from the broken answer","count":9},"request_id":`),
		status(http.StatusOK, `{"status":0,"result":{"count":3}}`))
	var out probeResult
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, &out))
	assert.Equal(t, probeResult{Count: 3}, out)
	assert.EqualValues(t, 2, calls.Load())
}

// TestGETWriteIsNotResentByTheTransport: net/http resends a GET on its own
// when a reused connection dies; a write sent as GET must go out once.
func TestGETWriteIsNotResentByTheTransport(t *testing.T) {
	var writes atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			writes.Add(1)
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				_ = conn.Close()
			}
			return
		}
		_, _ = w.Write([]byte(okBody))
	}))
	defer srv.Close()
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL), WithRetryPolicy(fastRetries))
	require.NoError(t, err)
	require.NoError(t, c.call(context.Background(), testConfOp, nil, nil), "leaves an idle connection to reuse")
	cancel := Operation{Family: FamilyConference, Method: http.MethodGet, Path: "/conference/conference/cancelReservConference/{id}"}
	err = c.call(context.Background(), cancel.withPath("1"), nil, nil)
	assert.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 1, writes.Load(), "sent once: neither the SDK nor net/http resent it")
}
