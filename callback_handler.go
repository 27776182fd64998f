package quanshi

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// Defaults of CallbackHandler.
const (
	// DefaultCallbackLease is how long a delivery holds its msgId while its
	// handler runs; the handler's context ends then.
	DefaultCallbackLease = time.Minute
	// DefaultCallbackRemember is how long a handled msgId is remembered, so
	// that the platform's retries of it are acknowledged without handling.
	DefaultCallbackRemember = 24 * time.Hour
)

// ErrCallbackInFlight: another delivery of the same msgId is being handled
// right now (CallbackHandler.Handle).
var ErrCallbackInFlight = errors.New("quanshi: callback already being handled")

// CallbackHandler is an http.Handler for the callbacks Quanshi pushes
// (cn/api/510). It parses each request (ParseCallbackRequest), handles each
// msgId once through Store, calls the function for its method, and answers:
//
//   - 200 with the body {} once the callback was handled, or was a
//     duplicate of one handled before, or has a method with no function set.
//     The page does not say what answer the platform expects: an empty JSON
//     object with HTTP 200 is the SDK's assumption.
//   - 500 when the function failed or panicked, or the store failed: the
//     msgId's lease is released, so that the platform's retry is handled.
//   - 503 with Retry-After while another delivery of the msgId is being
//     handled: if that one fails, the retry of this one is handled.
//   - 400 for a body that is not a callback, 401 when Verify rejects the
//     request, 405 for a method other than POST, 413 for a body over
//     MaxBodyBytes, 415 for a content type that is not JSON.
//
// Handling runs before the answer, so functions should be quick (hand long
// work to a queue). The zero value is ready to use; set the fields before
// serving and do not change them afterwards.
//
//	h := &quanshi.CallbackHandler{
//		OnMeetingEnd: func(ctx context.Context, cb *quanshi.MeetingEndCallback) error {
//			return markEnded(ctx, cb.Meeting.EventID)
//		},
//	}
//	http.Handle("/quanshi/callback", h)
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/510
type CallbackHandler struct {
	// OnMeetingBegin handles meetingbegin.
	OnMeetingBegin func(context.Context, *MeetingBeginCallback) error
	// OnMeetingEnd handles meetingend.
	OnMeetingEnd func(context.Context, *MeetingEndCallback) error
	// OnUpdate handles update, and the changes CatchUp replays.
	OnUpdate func(context.Context, *EventUpdateCallback) error
	// OnUnknown handles a method no page documents.
	OnUnknown func(context.Context, *UnknownCallback) error

	// Verify, when set, checks each request before its body is read; an
	// error answers 401. The page documents no signature: use it for a
	// shared secret or source addresses agreed with Quanshi
	// (VerifyCallbackSecret, VerifyCallbackSource).
	Verify func(*http.Request) error
	// Store deduplicates by msgId; nil is one in-memory store
	// (NewMemoryCallbackStore) per handler.
	Store CallbackStore
	// MaxBodyBytes limits a body (MaxCallbackBytes when <= 0).
	MaxBodyBytes int64
	// Lease is how long a delivery holds its msgId while handled, and the
	// handler functions' deadline (DefaultCallbackLease when <= 0).
	Lease time.Duration
	// Remember is how long a handled msgId is remembered
	// (DefaultCallbackRemember when <= 0).
	Remember time.Duration
	// Logger receives one line per failed handling (method, msgId, error;
	// never the body); nil is slog.Default().
	Logger *slog.Logger

	once  sync.Once
	store CallbackStore
}

func (h *CallbackHandler) init() {
	h.once.Do(func() {
		h.store = h.Store
		if h.store == nil {
			h.store = NewMemoryCallbackStore(0)
		}
	})
}

// ServeHTTP parses, deduplicates, handles and answers one callback.
func (h *CallbackHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		answerCallback(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if h.Verify != nil {
		if err := h.Verify(r); err != nil {
			answerCallback(w, http.StatusUnauthorized, "unauthorized")
			return
		}
	}
	limit := h.MaxBodyBytes
	if limit <= 0 {
		limit = MaxCallbackBytes
	}
	cb, err := parseCallbackRequest(r, limit)
	switch {
	case errors.Is(err, ErrCallbackTooLarge):
		answerCallback(w, http.StatusRequestEntityTooLarge, "body too large")
		return
	case errors.Is(err, ErrCallbackContentType):
		answerCallback(w, http.StatusUnsupportedMediaType, "content type is not JSON")
		return
	case err != nil:
		answerCallback(w, http.StatusBadRequest, "not a callback")
		return
	}
	err = h.Handle(r.Context(), cb)
	switch {
	case err == nil:
		answerCallback(w, http.StatusOK, "")
	case errors.Is(err, ErrCallbackInFlight):
		w.Header().Set("Retry-After", "1")
		answerCallback(w, http.StatusServiceUnavailable, "already being handled")
	default:
		h.logger().Error("quanshi callback failed", "method", string(cb.Header().Method), "msgId", cb.Header().MsgID, "error", err)
		answerCallback(w, http.StatusInternalServerError, "handling failed")
	}
}

// answerCallback writes the JSON answer: {} on success, {"error": msg}
// otherwise.
func answerCallback(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if msg == "" {
		_, _ = w.Write([]byte("{}"))
		return
	}
	_, _ = fmt.Fprintf(w, `{"error":%q}`, msg)
}

func (h *CallbackHandler) logger() *slog.Logger {
	if h.Logger != nil {
		return h.Logger
	}
	return slog.Default()
}

// Handle handles one callback once: it acquires the msgId from Store, calls
// the method's function and marks the msgId done, or releases it when the
// function failed or panicked (the panic becomes the error). A callback
// handled before returns nil without calling anything; one being handled
// by another delivery returns ErrCallbackInFlight. A callback without a
// msgId is handled without deduplication. ServeHTTP and CatchUp use it.
func (h *CallbackHandler) Handle(ctx context.Context, cb Callback) error {
	id := cb.Header().MsgID
	if id == "" {
		return h.dispatch(ctx, cb)
	}
	switch claim, err := h.claimed(ctx, id); {
	case err != nil:
		return err
	case claim == CallbackDone:
		return nil
	case claim != CallbackAcquired:
		return ErrCallbackInFlight
	}
	return h.finish(ctx, cb)
}

// claimed asks the store for msgID's lease.
func (h *CallbackHandler) claimed(ctx context.Context, msgID string) (CallbackClaim, error) {
	h.init()
	claim, err := h.store.Acquire(ctx, msgID, h.lease())
	if err != nil {
		return 0, fmt.Errorf("quanshi: callback store: %w", err)
	}
	return claim, nil
}

// finish handles a callback whose lease the caller holds: it marks it done
// on success and releases it on failure.
func (h *CallbackHandler) finish(ctx context.Context, cb Callback) error {
	id := cb.Header().MsgID
	if err := h.dispatch(ctx, cb); err != nil {
		// The release must happen even when ctx is over.
		if rerr := h.store.Release(context.WithoutCancel(ctx), id); rerr != nil {
			err = errors.Join(err, fmt.Errorf("quanshi: callback store: %w", rerr))
		}
		return err
	}
	if err := h.store.Done(context.WithoutCancel(ctx), id, positiveOr(h.Remember, DefaultCallbackRemember)); err != nil {
		return fmt.Errorf("quanshi: callback store: %w", err)
	}
	return nil
}

func (h *CallbackHandler) lease() time.Duration { return positiveOr(h.Lease, DefaultCallbackLease) }

// dispatch calls the callback's function under the lease's deadline,
// turning a panic into an error.
func (h *CallbackHandler) dispatch(ctx context.Context, cb Callback) (err error) {
	ctx, cancel := context.WithTimeout(ctx, h.lease())
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("quanshi: callback handler panicked: %v", p)
		}
	}()
	switch cb := cb.(type) {
	case *MeetingBeginCallback:
		return callIfSet(ctx, h.OnMeetingBegin, cb)
	case *MeetingEndCallback:
		return callIfSet(ctx, h.OnMeetingEnd, cb)
	case *EventUpdateCallback:
		return callIfSet(ctx, h.OnUpdate, cb)
	case *UnknownCallback:
		return callIfSet(ctx, h.OnUnknown, cb)
	}
	return fmt.Errorf("quanshi: unsupported callback type %T", cb)
}

// callIfSet runs f when it is set.
func callIfSet[T any](ctx context.Context, f func(context.Context, T) error, cb T) error {
	if f == nil {
		return nil
	}
	return f(ctx, cb)
}

// ErrCallbackUnverified: Verify rejected the request.
var ErrCallbackUnverified = errors.New("quanshi: callback not verified")

// VerifyCallbackSecret returns a Verify function that accepts a request
// whose header carries secret, compared in constant time. The page
// documents no signature; use it when a shared secret was agreed with
// Quanshi (or a proxy in front of the handler adds one). The secret is
// never logged or quoted in an error.
func VerifyCallbackSecret(header, secret string) func(*http.Request) error {
	want := []byte(secret)
	return func(r *http.Request) error {
		if secret == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get(header)), want) != 1 {
			return ErrCallbackUnverified
		}
		return nil
	}
}

// VerifyCallbackSource returns a Verify function that accepts a request
// whose peer address (http.Request.RemoteAddr, not a forwarded-for header)
// is in one of prefixes, such as the addresses Quanshi sends from. Behind a
// proxy, check the address where the proxy is trusted instead.
func VerifyCallbackSource(prefixes ...netip.Prefix) func(*http.Request) error {
	return func(r *http.Request) error {
		addr, err := netip.ParseAddrPort(r.RemoteAddr)
		if err != nil {
			return ErrCallbackUnverified
		}
		ip := addr.Addr().Unmap()
		for _, p := range prefixes {
			if p.Contains(ip) {
				return nil
			}
		}
		return ErrCallbackUnverified
	}
}
