package quanshitest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/require"
)

// The reliability tests (issue 7) drive the SDK against the sandbox under
// faults, concurrency, token expiry and bad input. This file holds what they
// share: a sandbox at a fixed clock, a client on a transport the test owns
// (so that it can close its idle connections), and a wire recorder that sees
// every exchange and may rewrite answers.

// relBase is the sandbox clock of the reliability tests: a Tuesday morning in
// Beijing.
var relBase = time.Date(2026, 11, 24, 9, 0, 0, 0, quanshi.Beijing)

// relFastRetries is the default retry budget (2 retries) with millisecond
// waits, so that a test of retries takes milliseconds.
var relFastRetries = quanshi.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 4 * time.Millisecond}

// relSandbox starts a sandbox whose clock stands at relBase.
func relSandbox(t testing.TB, opts ...quanshitest.Option) *quanshitest.Server {
	t.Helper()
	srv := quanshitest.New(append([]quanshitest.Option{quanshitest.WithClock(func() time.Time { return relBase })}, opts...)...)
	t.Cleanup(srv.Close)
	return srv
}

// relTransport is a transport of the test's own, closed at cleanup.
func relTransport(t testing.TB) *http.Transport {
	t.Helper()
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     30 * time.Second,
	}
	t.Cleanup(tr.CloseIdleConnections)
	return tr
}

// relClient returns a client of the sandbox (app credentials: it mints its
// tokens) that sends through rt with fast retries; opts come last.
func relClient(t testing.TB, srv *quanshitest.Server, rt http.RoundTripper, opts ...quanshi.Option) *quanshi.Client {
	t.Helper()
	base := []quanshi.Option{quanshi.WithHTTPClient(&http.Client{Transport: rt}), quanshi.WithRetryPolicy(relFastRetries)}
	c, err := srv.Client(append(base, opts...)...)
	require.NoError(t, err)
	return c
}

// relExchange is one request and its answer as they crossed the wire.
type relExchange struct {
	Method, Path string
	Header       http.Header
	Body         []byte
	Status       int
	Answer       []byte
	Err          error
}

// relWire wraps a transport: it records every exchange and may rewrite an
// answer (a server echoing what it was sent, a body the sandbox would never
// send). It reads every answer whole before handing it on.
type relWire struct {
	next http.RoundTripper
	// rewrite, when set, may replace an answer's status and body.
	rewrite func(req *http.Request, reqBody []byte, status int, answer []byte) (int, []byte)

	mu        sync.Mutex
	exchanges []relExchange
}

func (w *relWire) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	ex := relExchange{Method: req.Method, Path: req.URL.Path, Header: req.Header.Clone(), Body: body}
	resp, err := w.next.RoundTrip(req)
	if err == nil {
		ex.Status = resp.StatusCode
		ex.Answer, err = io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if w.rewrite != nil && err == nil {
			ex.Status, ex.Answer = w.rewrite(req, body, resp.StatusCode, ex.Answer)
			resp.StatusCode, resp.Status = ex.Status, http.StatusText(ex.Status)
			resp.Header.Del("Content-Length")
			resp.ContentLength = int64(len(ex.Answer))
		}
		resp.Body = io.NopCloser(bytes.NewReader(ex.Answer))
	}
	ex.Err = err
	w.mu.Lock()
	w.exchanges = append(w.exchanges, ex)
	w.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// all returns the exchanges recorded so far.
func (w *relWire) all() []relExchange {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]relExchange(nil), w.exchanges...)
}

// relMembers collects, from a JSON document, the string values of the
// members with the given names at any depth.
func relMembers(doc []byte, names map[string]bool) []string {
	var v any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, m := range v {
				if s, ok := m.(string); ok && names[k] && s != "" {
					out = append(out, s)
				} else if n, ok := m.(json.Number); ok && names[k] {
					out = append(out, n.String())
				}
				walk(m)
			}
		case []any:
			for _, m := range v {
				walk(m)
			}
		}
	}
	walk(v)
	return out
}

// relCtx is a context for one test call, bounded so that a hung call fails
// the test instead of stalling it.
func relCtx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}
