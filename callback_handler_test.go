package quanshi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveCallback posts body to h and returns the answer.
func serveCallback(h http.Handler, body string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, callbackRequest(body, "application/json;charset=UTF-8"))
	return w
}

func quietHandler(h *CallbackHandler) *CallbackHandler {
	h.Logger = slog.New(slog.DiscardHandler)
	return h
}

func TestCallbackHandlerHandlesATypedCallback(t *testing.T) {
	var got []*MeetingBeginCallback
	h := &CallbackHandler{OnMeetingBegin: func(ctx context.Context, cb *MeetingBeginCallback) error {
		_, hasDeadline := ctx.Deadline()
		assert.True(t, hasDeadline, "the lease bounds the handler")
		got = append(got, cb)
		return nil
	}}
	w := serveCallback(h, callbackDocBegin)
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "{}", w.Body.String())
	assert.Equal(t, "application/json", w.Header().Get("Content-Type"))
	require.Len(t, got, 1)
	assert.Equal(t, int64(556653), got[0].Meeting.EventID)
}

func TestCallbackHandlerHandlesADuplicateOnce(t *testing.T) {
	var calls atomic.Int32
	h := &CallbackHandler{OnMeetingEnd: func(context.Context, *MeetingEndCallback) error {
		calls.Add(1)
		return nil
	}}
	body := fixture(t, "callbacks/meetingend.json")
	for range 3 {
		w := serveCallback(h, body)
		assert.Equal(t, http.StatusOK, w.Code)
		assert.Equal(t, "{}", w.Body.String())
	}
	assert.Equal(t, int32(1), calls.Load())

	// Another msgId is another callback.
	w := serveCallback(h, strings.Replace(body, "672827052", "672827053", 1))
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, int32(2), calls.Load())
}

func TestCallbackHandlerConcurrentCopiesAreHandledOnce(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	var calls atomic.Int32
	h := &CallbackHandler{OnMeetingEnd: func(context.Context, *MeetingEndCallback) error {
		calls.Add(1)
		close(entered)
		<-release
		return nil
	}}
	body := fixture(t, "callbacks/meetingend.json")
	first := make(chan *httptest.ResponseRecorder)
	go func() { first <- serveCallback(h, body) }()
	<-entered

	// The copy arriving while the first is handled is not handled, and is
	// told to come back.
	second := serveCallback(h, body)
	assert.Equal(t, http.StatusServiceUnavailable, second.Code)
	assert.Equal(t, "1", second.Header().Get("Retry-After"))
	close(release)
	assert.Equal(t, http.StatusOK, (<-first).Code)

	// Its retry finds the callback handled.
	assert.Equal(t, http.StatusOK, serveCallback(h, body).Code)
	assert.Equal(t, int32(1), calls.Load())
}

func TestCallbackHandlerConcurrentCopiesRace(t *testing.T) {
	var calls atomic.Int32
	h := &CallbackHandler{OnMeetingBegin: func(context.Context, *MeetingBeginCallback) error {
		calls.Add(1)
		time.Sleep(10 * time.Millisecond)
		return nil
	}}
	var wg sync.WaitGroup
	codes := make([]int, 8)
	for i := range codes {
		wg.Go(func() { codes[i] = serveCallback(h, callbackDocBegin).Code })
	}
	wg.Wait()
	assert.Equal(t, int32(1), calls.Load())
	for _, code := range codes {
		assert.Contains(t, []int{http.StatusOK, http.StatusServiceUnavailable}, code)
	}
}

func TestCallbackHandlerFailureThenRetryIsHandled(t *testing.T) {
	var calls atomic.Int32
	var logs bytes.Buffer
	h := &CallbackHandler{
		OnUpdate: func(context.Context, *EventUpdateCallback) error {
			if calls.Add(1) == 1 {
				return errors.New("database down")
			}
			return nil
		},
		Logger: slog.New(slog.NewTextHandler(&logs, nil)),
	}
	body := `{"method":"update","msgId":"u-1","timestamp":1648025135959,"event":{"eventId":"556653","title":"t"}}`
	w := serveCallback(h, body)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.NotContains(t, w.Body.String(), "database", "the answer does not leak the error")
	assert.Contains(t, logs.String(), "database down")
	assert.Contains(t, logs.String(), "msgId=u-1")
	assert.NotContains(t, logs.String(), `"title"`, "the body is not logged")

	assert.Equal(t, http.StatusOK, serveCallback(h, body).Code, "the platform's retry is handled")
	assert.Equal(t, http.StatusOK, serveCallback(h, body).Code, "and then deduplicated")
	assert.Equal(t, int32(2), calls.Load())
}

func TestCallbackHandlerPanicAnswers500AndTheRetryIsHandled(t *testing.T) {
	var calls atomic.Int32
	h := quietHandler(&CallbackHandler{OnMeetingBegin: func(context.Context, *MeetingBeginCallback) error {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		return nil
	}})
	assert.Equal(t, http.StatusInternalServerError, serveCallback(h, callbackDocBegin).Code)
	assert.Equal(t, http.StatusOK, serveCallback(h, callbackDocBegin).Code)
	assert.Equal(t, int32(2), calls.Load())

	err := (&CallbackHandler{OnMeetingBegin: func(context.Context, *MeetingBeginCallback) error { panic("boom") }}).
		Handle(context.Background(), &MeetingBeginCallback{})
	assert.ErrorContains(t, err, "panicked: boom")
}

func TestCallbackHandlerAnswersTheRequestErrors(t *testing.T) {
	h := &CallbackHandler{MaxBodyBytes: 64}
	for name, tc := range map[string]struct {
		method, contentType, body string
		want                      int
	}{
		"GET":              {http.MethodGet, "application/json", callbackDocBegin, http.StatusMethodNotAllowed},
		"form":             {http.MethodPost, "application/x-www-form-urlencoded", "method=meetingbegin", http.StatusUnsupportedMediaType},
		"too large":        {http.MethodPost, "application/json", callbackDocBegin, http.StatusRequestEntityTooLarge},
		"not a callback":   {http.MethodPost, "application/json", `{"hello":"world"}`, http.StatusBadRequest},
		"unknown, ignored": {http.MethodPost, "application/json", `{"method":"reserve","msgId":"r"}`, http.StatusOK},
	} {
		t.Run(name, func(t *testing.T) {
			r := callbackRequest(tc.body, tc.contentType)
			r.Method = tc.method
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			assert.Equal(t, tc.want, w.Code)
			assert.Equal(t, "application/json", w.Header().Get("Content-Type"))
		})
	}
}

func TestCallbackHandlerUnknownMethodGoesToOnUnknown(t *testing.T) {
	var got *UnknownCallback
	h := &CallbackHandler{OnUnknown: func(_ context.Context, cb *UnknownCallback) error { got = cb; return nil }}
	assert.Equal(t, http.StatusOK, serveCallback(h, `{"method":"cancel","msgId":"c","event":{"eventId":"1"}}`).Code)
	require.NotNil(t, got)
	assert.Equal(t, CallbackMethod("cancel"), got.Method)
}

func TestCallbackHandlerVerify(t *testing.T) {
	var calls atomic.Int32
	h := &CallbackHandler{
		Verify: VerifyCallbackSecret("X-Callback-Secret", "s3cret-value"),
		OnMeetingBegin: func(context.Context, *MeetingBeginCallback) error {
			calls.Add(1)
			return nil
		},
	}
	for _, secret := range []string{"", "wrong", "s3cret-valu"} {
		r := callbackRequest(callbackDocBegin, "application/json")
		r.Header.Set("X-Callback-Secret", secret)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusUnauthorized, w.Code)
		assert.NotContains(t, w.Body.String(), "s3cret")
	}
	assert.Zero(t, calls.Load())
	r := callbackRequest(callbackDocBegin, "application/json")
	r.Header.Set("X-Callback-Secret", "s3cret-value")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, int32(1), calls.Load())

	assert.ErrorIs(t, VerifyCallbackSecret("X", "")(r), ErrCallbackUnverified, "an empty secret accepts nothing")
}

func TestVerifyCallbackSource(t *testing.T) {
	verify := VerifyCallbackSource(netip.MustParsePrefix("10.1.0.0/16"), netip.MustParsePrefix("2001:db8::/32"))
	for addr, ok := range map[string]bool{
		"10.1.2.3:4567":            true,
		"[::ffff:10.1.2.3]:4567":   true,
		"[2001:db8::1]:443":        true,
		"10.2.0.1:4567":            false,
		"192.0.2.1:80":             false,
		"not an address":           false,
		"[2001:db9::1]:443":        false,
		"10.1.2.3":                 false,
		"[fe80::1%eth0]:443":       false,
		"[::ffff:192.0.2.1]:12345": false,
	} {
		r := callbackRequest("{}", "")
		r.RemoteAddr = addr
		if ok {
			assert.NoError(t, verify(r), addr)
		} else {
			assert.ErrorIs(t, verify(r), ErrCallbackUnverified, addr)
		}
	}
}

// failingStore fails every call.
type failingStore struct{}

func (failingStore) Acquire(context.Context, string, time.Duration) (CallbackClaim, error) {
	return 0, errors.New("redis down")
}
func (failingStore) Done(context.Context, string, time.Duration) error {
	return errors.New("redis down")
}
func (failingStore) Release(context.Context, string) error { return errors.New("redis down") }

func TestCallbackHandlerStoreFailureAnswers500(t *testing.T) {
	var calls atomic.Int32
	h := quietHandler(&CallbackHandler{Store: failingStore{}, OnMeetingBegin: func(context.Context, *MeetingBeginCallback) error {
		calls.Add(1)
		return nil
	}})
	assert.Equal(t, http.StatusInternalServerError, serveCallback(h, callbackDocBegin).Code)
	assert.Zero(t, calls.Load(), "not handled without deduplication")
}

func TestCallbackHandlerWithoutMsgIDHandlesEveryCopy(t *testing.T) {
	var calls atomic.Int32
	h := &CallbackHandler{OnMeetingBegin: func(context.Context, *MeetingBeginCallback) error {
		calls.Add(1)
		return nil
	}}
	body := `{"method":"meetingbegin","meetinginfo":{"eventId":"1"}}`
	serveCallback(h, body)
	serveCallback(h, body)
	assert.Equal(t, int32(2), calls.Load())
}

func TestMemoryCallbackStoreLeaseDoneRelease(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := NewMemoryCallbackStore(0)
	s.now = func() time.Time { return now }

	claim, err := s.Acquire(ctx, "a", time.Minute)
	require.NoError(t, err)
	assert.Equal(t, CallbackAcquired, claim)
	claim, _ = s.Acquire(ctx, "a", time.Minute)
	assert.Equal(t, CallbackInFlight, claim)

	// A lease that outlives its handler expires.
	now = now.Add(time.Minute)
	claim, _ = s.Acquire(ctx, "a", time.Minute)
	assert.Equal(t, CallbackAcquired, claim)

	require.NoError(t, s.Done(ctx, "a", time.Hour))
	claim, _ = s.Acquire(ctx, "a", time.Minute)
	assert.Equal(t, CallbackDone, claim)
	require.NoError(t, s.Release(ctx, "a"))
	claim, _ = s.Acquire(ctx, "a", time.Minute)
	assert.Equal(t, CallbackDone, claim, "release leaves a done msgId done")

	// Done is remembered for its ttl only.
	now = now.Add(time.Hour)
	claim, _ = s.Acquire(ctx, "a", time.Minute)
	assert.Equal(t, CallbackAcquired, claim)
	require.NoError(t, s.Release(ctx, "a"))
	claim, _ = s.Acquire(ctx, "a", time.Minute)
	assert.Equal(t, CallbackAcquired, claim, "a released lease is free")
	assert.Equal(t, "in flight", CallbackInFlight.String())
}

func TestMemoryCallbackStoreIsBounded(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryCallbackStore(100)
	for i := range 1000 {
		id := fmt.Sprint("m", i)
		claim, err := s.Acquire(ctx, id, time.Minute)
		require.NoError(t, err)
		require.Equal(t, CallbackAcquired, claim)
		require.NoError(t, s.Done(ctx, id, time.Duration(i+1)*time.Hour))
		require.LessOrEqual(t, s.Len(), 100)
	}
	// The ones closest to expiring were forgotten; the latest are kept.
	claim, _ := s.Acquire(ctx, "m999", time.Minute)
	assert.Equal(t, CallbackDone, claim)
	claim, _ = s.Acquire(ctx, "m0", time.Minute)
	assert.Equal(t, CallbackAcquired, claim)

	// Done without a lease (a store shared with an older process) is bounded too.
	for i := range 300 {
		require.NoError(t, s.Done(ctx, fmt.Sprint("d", i), time.Duration(2000+i)*time.Hour))
	}
	assert.Equal(t, 100, s.Len())
}
