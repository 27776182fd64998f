package quanshitest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Callbacks: a sandbox given a callback URL (WithCallbackURL or
// SetCallbackURL) POSTs the callbacks the live-event sync page documents
// (https://developer.quanshi.com/cn/api/510) when its state changes:
//
//   - meetingbegin when its clock (Advance, or the real clock) moves a
//     meeting across its start, and meetingend across its end; a meeting
//     booked to start at once begins at once;
//   - update when a meeting is changed or cancelled through any family
//     (its subject, time, host, passwords or modifyTime change), with the
//     event as the modify list shows it.
//
// Booking a meeting sends nothing: the page's introduction names a
// reservation callback but no copy of the page documents its method, and
// the sandbox invents none. The messages have the page's quirks: ids as
// strings, a siteId member, msgIds shaped like the example's. Each is sent
// once, in order, retried (see WithCallbackRetries) until the receiver
// answers 2xx; a receiver that keeps failing loses it, as it would lose a
// real one.

// Callback delivery defaults.
const (
	defaultCallbackAttempts = 5
	defaultCallbackWait     = 50 * time.Millisecond
	callbackTick            = 200 * time.Millisecond
	callbackSendTimeout     = 5 * time.Second
)

// WithCallbackURL makes the sandbox POST callbacks to url (see
// SetCallbackURL).
func WithCallbackURL(url string) Option { return func(c *config) { c.callbackURL = url } }

// WithCallbackRetries sets how often a callback is sent at most (attempts,
// default 5) and the wait before the first retry (default 50ms), which
// doubles with each retry.
func WithCallbackRetries(attempts int, wait time.Duration) Option {
	return func(c *config) { c.callbackAttempts, c.callbackWait = attempts, wait }
}

// SetCallbackURL makes the sandbox POST callbacks to url from now on; ""
// stops them. The meetings' states at this moment are the baseline: only
// later changes are sent.
func (s *Server) SetCallbackURL(url string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setCallbackURLLocked(url)
}

func (s *Server) setCallbackURLLocked(url string) {
	cb := s.callbacks
	cb.url = url
	clear(cb.seen)
	if url == "" {
		return
	}
	now := s.nowLocked()
	for _, m := range s.state.meetings {
		cb.seen[m] = cbSeenOf(m, now)
	}
	cb.startOnce.Do(func() {
		cb.wg.Add(2)
		go cb.deliverLoop()
		go s.tickLoop()
	})
}

// CallbacksPending reports how many callbacks wait to be sent (or are being
// sent).
func (s *Server) CallbacksPending() int {
	s.callbacks.mu.Lock()
	defer s.callbacks.mu.Unlock()
	return len(s.callbacks.queue) + s.callbacks.sending
}

// callbackEmitter is the sandbox's callback state: what it last saw of
// each meeting (guarded by Server.mu) and the delivery queue (guarded by
// its own mu, so that slow receivers never hold the server's lock).
type callbackEmitter struct {
	url      string
	attempts int
	wait     time.Duration
	seen     map[*meeting]cbSeen
	seq      int64

	mu        sync.Mutex
	queue     []cbDelivery
	sending   int
	wake      chan struct{}
	ctx       context.Context // ends when the sandbox closes
	cancel    context.CancelFunc
	startOnce sync.Once
	wg        sync.WaitGroup
	client    *http.Client
}

// cbSeen is what the emitter last saw of a meeting: its state and what an
// update changes (the modifyTime alone misses a change made while a fixed
// clock stands still).
type cbSeen struct {
	status  quanshi.ConferenceStatus
	details string
}

func cbSeenOf(m *meeting, now time.Time) cbSeen {
	return cbSeen{status: m.Status(now), details: fmt.Sprint(m.Modified.UnixNano(), m.Title, m.Summary, m.Start.UnixNano(),
		m.Length, m.Cancelled, m.Host.ID, m.PCode1, m.PCode2)}
}

type cbDelivery struct {
	url  string
	body []byte
}

func newCallbackEmitter(cfg config) *callbackEmitter {
	attempts, wait := cfg.callbackAttempts, cfg.callbackWait
	if attempts <= 0 {
		attempts = defaultCallbackAttempts
	}
	if wait <= 0 {
		wait = defaultCallbackWait
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &callbackEmitter{
		attempts: attempts, wait: wait, seen: map[*meeting]cbSeen{},
		wake: make(chan struct{}, 1), ctx: ctx, cancel: cancel,
		client: &http.Client{Timeout: callbackSendTimeout, Transport: &http.Transport{}},
	}
}

// close stops the delivery; callbacks not yet sent are dropped.
func (cb *callbackEmitter) close() {
	cb.cancel()
	cb.wg.Wait()
	cb.client.CloseIdleConnections()
}

// observeLocked compares every meeting with what the emitter last saw of it
// and queues the callbacks the differences call for. It runs with
// Server.mu held: after each handled call, each Advance and each tick.
func (s *Server) observeLocked() {
	cb := s.callbacks
	if cb.url == "" {
		return
	}
	now := s.nowLocked()
	for _, m := range s.state.meetings {
		cur := cbSeenOf(m, now)
		last, known := cb.seen[m]
		if !known {
			last = cbSeen{status: quanshi.ConferenceStatusCreated, details: cur.details}
		}
		cb.seen[m] = cur
		if cur.details != last.details {
			s.queueCallback(cbUpdate, m, now)
		}
		if last.status == quanshi.ConferenceStatusCreated && cur.status != quanshi.ConferenceStatusCreated && !m.Cancelled {
			s.queueCallback(cbBegin, m, now)
		}
		if last.status != quanshi.ConferenceStatusEnded && cur.status == quanshi.ConferenceStatusEnded {
			s.queueCallback(cbEnd, m, now)
		}
	}
}

// The documented methods.
const (
	cbBegin  = "meetingbegin"
	cbEnd    = "meetingend"
	cbUpdate = "update"
)

// cbMessage is one callback as the page shows it: ids as strings, siteId
// after msgId.
type cbMessage struct {
	Method       string         `json:"method"`
	Timestamp    int64          `json:"timestamp"`
	MsgID        string         `json:"msgId"`
	SiteID       int            `json:"siteId"`
	CustomerCode string         `json:"customerCode"`
	MeetingInfo  *cbMeetingInfo `json:"meetinginfo,omitempty"`
	Event        map[string]any `json:"event,omitempty"`
}

type cbMeetingInfo struct {
	EventID         string `json:"eventId"`
	HostID          string `json:"hostId"`
	AttendeeJoinURL string `json:"attendeeJoinUrl"`
	HostJoinURL     string `json:"hostJoinUrl"`
}

// queueCallback builds one callback and queues it for delivery.
func (s *Server) queueCallback(method string, m *meeting, now time.Time) {
	cb := s.callbacks
	cb.seq++
	msg := cbMessage{
		Method: method, Timestamp: now.UnixMilli(), CustomerCode: customerCode,
		MsgID: fmt.Sprintf("uniformserver-127.0.0.1-%d.%09d.%d", now.Unix(), now.Nanosecond(), cb.seq),
	}
	v := eventView{m: m}
	if method == cbUpdate {
		msg.Event = eventPick(v.fields(now), eventModifyKeys...)
		msg.Event["eventId"] = strconv.FormatInt(m.EventID, 10)
		msg.Event["hostId"] = strconv.FormatInt(m.Host.ID, 10)
	} else {
		l := eventLinksFor(v)
		msg.MeetingInfo = &cbMeetingInfo{
			EventID: strconv.FormatInt(m.EventID, 10), HostID: strconv.FormatInt(m.Host.ID, 10),
			AttendeeJoinURL: l.attendee, HostJoinURL: l.host,
		}
	}
	body, err := wire.Marshal(msg)
	if err != nil {
		return // the message is built from the sandbox's own values
	}
	cb.mu.Lock()
	cb.queue = append(cb.queue, cbDelivery{url: cb.url, body: body})
	cb.mu.Unlock()
	select {
	case cb.wake <- struct{}{}:
	default:
	}
}

// deliverLoop sends the queued callbacks one at a time, in order.
func (cb *callbackEmitter) deliverLoop() {
	defer cb.wg.Done()
	for {
		cb.mu.Lock()
		if len(cb.queue) == 0 {
			cb.mu.Unlock()
			select {
			case <-cb.wake:
				continue
			case <-cb.ctx.Done():
				return
			}
		}
		d := cb.queue[0]
		cb.queue = cb.queue[1:]
		cb.sending = 1
		cb.mu.Unlock()
		cb.deliver(d)
		cb.mu.Lock()
		cb.sending = 0
		cb.mu.Unlock()
	}
}

// deliver POSTs one callback until the receiver answers 2xx, at most
// attempts times.
func (cb *callbackEmitter) deliver(d cbDelivery) {
	wait := cb.wait
	for attempt := 1; attempt <= cb.attempts; attempt++ {
		if cb.post(d) {
			return
		}
		if attempt == cb.attempts {
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
			wait *= 2
		case <-cb.ctx.Done():
			t.Stop()
			return
		}
	}
}

func (cb *callbackEmitter) post(d cbDelivery) bool {
	req, err := http.NewRequestWithContext(cb.ctx, http.MethodPost, d.url, bytes.NewReader(d.body))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json;charset=UTF-8")
	resp, err := cb.client.Do(req)
	if err != nil {
		return false
	}
	_ = resp.Body.Close()
	return resp.StatusCode >= 200 && resp.StatusCode < 300
}

// tickLoop observes the state as the real clock moves.
func (s *Server) tickLoop() {
	defer s.callbacks.wg.Done()
	t := time.NewTicker(callbackTick)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.mu.Lock()
			s.observeLocked()
			s.mu.Unlock()
		case <-s.callbacks.ctx.Done():
			return
		}
	}
}
