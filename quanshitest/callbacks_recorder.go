package quanshitest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// CallbackRecorder is a receiver that collects the callbacks a sandbox
// sends, for tests:
//
//	rec := quanshitest.NewCallbackRecorder()
//	defer rec.Close()
//	srv := quanshitest.New(quanshitest.WithCallbackURL(rec.URL))
//	...
//	got, err := rec.Wait(ctx, 2) // the first two callbacks
//
// It answers 200 with {} unless told to fail (FailNext).
type CallbackRecorder struct {
	// URL is where the recorder listens.
	URL string

	srv      *httptest.Server
	mu       sync.Mutex
	got      []ReceivedCallback
	attempts int
	fail     int
	changed  chan struct{}
}

// ReceivedCallback is one callback the recorder accepted.
type ReceivedCallback struct {
	// Method is the callback's method member.
	Method string
	// MsgID is its msgId member.
	MsgID string
	// Body is the request body as sent.
	Body []byte
	// Header holds the request headers.
	Header http.Header
	// At is when it arrived (the real clock).
	At time.Time
}

// recorderHead is what the recorder reads of a body.
type recorderHead struct {
	Method string `json:"method"`
	MsgID  string `json:"msgId"`
}

// NewCallbackRecorder starts a recorder on a loopback port. Close it when
// done.
func NewCallbackRecorder() *CallbackRecorder {
	r := &CallbackRecorder{changed: make(chan struct{})}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	r.URL = r.srv.URL + "/quanshi/callback"
	return r
}

// Close stops the recorder.
func (r *CallbackRecorder) Close() { r.srv.Close() }

// FailNext makes the recorder answer the next n deliveries with HTTP 500,
// without recording them.
func (r *CallbackRecorder) FailNext(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fail = n
}

// Attempts reports how many deliveries arrived, failed ones included.
func (r *CallbackRecorder) Attempts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.attempts
}

// Received returns the callbacks accepted so far, in arrival order.
func (r *CallbackRecorder) Received() []ReceivedCallback {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]ReceivedCallback(nil), r.got...)
}

// Wait returns the first n callbacks once that many arrived, or what
// arrived with an error when ctx ends first.
func (r *CallbackRecorder) Wait(ctx context.Context, n int) ([]ReceivedCallback, error) {
	for {
		r.mu.Lock()
		got, changed := append([]ReceivedCallback(nil), r.got...), r.changed
		r.mu.Unlock()
		if len(got) >= n {
			return got[:n], nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return got, fmt.Errorf("quanshitest: %d of %d callbacks arrived: %w", len(got), n, ctx.Err())
		}
	}
}

func (r *CallbackRecorder) serve(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.attempts++
	if err != nil || r.fail > 0 {
		r.fail = max(r.fail-1, 0)
		http.Error(w, `{"error":"failing on purpose"}`, http.StatusInternalServerError)
		return
	}
	var head recorderHead
	_ = sandboxTypes.Unmarshal(body, &head)
	r.got = append(r.got, ReceivedCallback{Method: head.Method, MsgID: head.MsgID, Body: body, Header: req.Header.Clone(), At: time.Now()})
	close(r.changed)
	r.changed = make(chan struct{})
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, "{}")
}
