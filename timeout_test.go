package quanshi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowResponder answers after d, or fails with the request's context error
// when that comes first, as a real transport does.
func slowResponder(d time.Duration) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		select {
		case <-time.After(d):
			return httpmock.NewStringResponse(http.StatusOK, `{"status":0}`), nil
		case <-req.Context().Done():
			return nil, req.Context().Err()
		}
	}
}

// callerClientAPI is a client on a caller's *http.Client whose transport
// answers testConfOp after delay.
func callerClientAPI(t *testing.T, delay time.Duration, opts ...Option) *Client {
	t.Helper()
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(testConfOp.Method, urlFor(testConfOp.Family, testConfOp.Path), slowResponder(delay))
	base := []Option{WithHTTPClient(&http.Client{Transport: mock}), WithBaseURL(testBaseURL), WithToken(testToken), WithoutRetries()}
	c, err := NewClient(append(base, opts...)...)
	require.NoError(t, err)
	return c
}

// assertAttemptTimedOut checks that the call ended at the per-attempt
// timeout, long before the answer (which comes after 5 s) and with the
// context unexpired.
func assertAttemptTimedOut(t *testing.T, c *Client) {
	t.Helper()
	start := time.Now()
	err := c.call(context.Background(), testConfOp, nil, nil)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "attempt timed out after")
	assert.Less(t, time.Since(start), 3*time.Second, "the slow answer was waited for")
}

func TestTimeoutHoldsWithCallerHTTPClient(t *testing.T) {
	assertAttemptTimedOut(t, callerClientAPI(t, 5*time.Second, WithTimeout(50*time.Millisecond)))
}

// TestDefaultTimeoutHoldsWithCallerHTTPClient shortens the 30 s default
// rather than sleeping through it; it does not run in parallel.
func TestDefaultTimeoutHoldsWithCallerHTTPClient(t *testing.T) {
	saved := defaultTimeout
	defaultTimeout = 50 * time.Millisecond
	t.Cleanup(func() { defaultTimeout = saved })
	assertAttemptTimedOut(t, callerClientAPI(t, 5*time.Second))

	// WithTimeout(0) turns the per-attempt bound off: the answer after
	// 200 ms (four times the default) arrives.
	c := callerClientAPI(t, 200*time.Millisecond, WithTimeout(0))
	require.NoError(t, c.call(context.Background(), testConfOp, nil, nil))
}

// TestTimeoutCoversTheBody: an answer whose headers come at once and whose
// body stalls still ends at the per-attempt timeout.
func TestTimeoutCoversTheBody(t *testing.T) {
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"status":`))
		w.(http.Flusher).Flush()
		<-stop
	}))
	defer srv.Close()
	defer close(stop)
	c, err := NewClient(WithHTTPClient(&http.Client{}), WithBaseURL(srv.URL), WithToken(testToken),
		WithoutRetries(), WithTimeout(100*time.Millisecond))
	require.NoError(t, err)
	assertAttemptTimedOut(t, c)
}

// TestTimeoutIsPerAttempt: each retry gets a fresh bound, and the caller's
// context bounds the whole call.
func TestTimeoutIsPerAttempt(t *testing.T) {
	c := callerClientAPI(t, 5*time.Second, WithTimeout(30*time.Millisecond), WithRetryPolicy(fastRetries))
	info := &ResponseInfo{}
	err := c.call(context.Background(), testConfOp, nil, nil, CaptureResponse(info))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, 3, info.Attempts, "every attempt timed out on its own")

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err = c.call(ctx, testConfOp, nil, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotContains(t, err.Error(), "attempt timed out", "the caller's deadline, not the attempt's")
}

// TestHTTPMockActivateNonDefault: httpmock.ActivateNonDefault on the
// client given to WithHTTPClient works whether it runs before or after
// NewClient, and redirects stay refused.
func TestHTTPMockActivateNonDefault(t *testing.T) {
	for _, after := range []bool{false, true} {
		hc := &http.Client{}
		if !after {
			httpmock.ActivateNonDefault(hc)
		}
		c, err := NewClient(WithHTTPClient(hc), WithBaseURL(testBaseURL), WithToken(testToken), WithoutRetries())
		require.NoError(t, err)
		if after {
			httpmock.ActivateNonDefault(hc)
		}
		httpmock.RegisterResponder(http.MethodPost, urlFor(testConfOp.Family, testConfOp.Path),
			httpmock.NewStringResponder(http.StatusOK, `{"status":0}`))
		require.NoError(t, c.call(context.Background(), testConfOp, nil, nil), "activated after NewClient: %v", after)
		assert.Equal(t, 1, httpmock.GetTotalCallCount())

		httpmock.RegisterResponder(http.MethodPost, urlFor(testConfOp.Family, testConfOp.Path),
			httpmock.NewStringResponder(http.StatusFound, "").HeaderSet(http.Header{"Location": {"https://elsewhere.test/"}}))
		err = c.call(context.Background(), testConfOp, nil, nil)
		assert.ErrorIs(t, err, ErrRedirected)
		assert.Equal(t, 2, httpmock.GetTotalCallCount(), "the redirect was not followed")
		httpmock.DeactivateAndReset()
	}
}

// TestGlobalHTTPMockIsNotUsed: the SDK never sends through
// http.DefaultTransport, so the global httpmock.Activate() does not reach it
// (the README says so); a caller's client with a nil Transport uses the
// SDK's shared transport.
func TestGlobalHTTPMockIsNotUsed(t *testing.T) {
	saved := http.DefaultTransport
	var used bool
	http.DefaultTransport = roundTripFunc(func(*http.Request) (*http.Response, error) {
		used = true
		return nil, errors.New("default transport")
	})
	defer func() { http.DefaultTransport = saved }()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"status":0}`))
	}))
	defer srv.Close()
	for _, opt := range []Option{WithHTTPClient(&http.Client{}), WithUserAgent("no-http-client")} {
		c, err := NewClient(opt, WithBaseURL(srv.URL), WithToken(testToken))
		require.NoError(t, err)
		require.NoError(t, c.call(context.Background(), testConfOp, nil, nil))
	}
	assert.False(t, used, "http.DefaultTransport was used")
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
