package quanshitest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Fault injection through the sandbox and the SDK client: for each kind of
// failure, reads recover when the burst is shorter than the retry budget and
// fail with the right typed error when it is not; writes are sent once, fail
// with the right typed error, say ErrOutcomeUnknown exactly when the answer
// was lost, and the sandbox's Handled counters show that no write ran twice
// and that a write failing before handling did not run at all.

// Sandbox paths of the endpoints the fault tests drive.
const (
	relPathConfCreate  = "/conference/conference/reservConference2"
	relPathConfCancel  = "/conference/conference/cancelReservConference"
	relPathConfStatus  = "/conference/conference/getConfStatus"
	relPathConfGet     = "/conference/conference/getConferenceBaseInfoById"
	relPathConfList    = "/conference/business/getConferenceList"
	relPathRoomCreate  = "/confopenapi/room/reservConference"
	relPathRoomInfos   = "/confopenapi/room/conference/infos"
	relPathEventCreate = "/eventopenapi/event/create"
	relPathEventInfo   = "/eventopenapi/event/info"
	relPathUMSchedule  = "/umeeting/share/schedule"
	relPathUMGet       = "/umeeting/share/get"
	relPathDashLive    = "/confopenapi/conference/listbystatus"
	relPathMint        = "/eventopenapi/token/create"
)

// Hosts the reliability tests book for.
const (
	relConfHost  = int64(81299515)
	relRoomHost  = int64(88415897)
	relEventHost = int64(88589613)
)

// relIDs are the meetings the reads of a fault test look up.
type relIDs struct {
	conferenceID string // booked through /conference
	roomConfID   string // booked through /confopenapi/room
	eventID      int64  // booked through /eventopenapi
	umeetingID   string // booked through /umeeting
}

// relOp is one SDK call of a fault test.
type relOp struct {
	name string
	path string
	call func(ctx context.Context, c *quanshi.Client, ids *relIDs) error
}

// The create endpoints: one per family.
var relWrites = []relOp{
	{"Conference.Create", relPathConfCreate, func(ctx context.Context, c *quanshi.Client, _ *relIDs) error {
		_, err := c.Conference.Create(ctx, relConferenceRequest("故障测试"))
		return err
	}},
	{"Room.Create", relPathRoomCreate, func(ctx context.Context, c *quanshi.Client, _ *relIDs) error {
		_, err := c.Room.Create(ctx, relRoomRequest("故障测试"))
		return err
	}},
	{"Event.Create", relPathEventCreate, func(ctx context.Context, c *quanshi.Client, _ *relIDs) error {
		_, err := c.Event.Create(ctx, relEventRequest("故障测试"))
		return err
	}},
	{"UMeeting.Schedule", relPathUMSchedule, func(ctx context.Context, c *quanshi.Client, _ *relIDs) error {
		_, err := c.UMeeting.Schedule(ctx, relUMeetingRequest("故障测试"))
		return err
	}},
}

// The reads: every family, a path with parameters, a list.
var relReads = []relOp{
	{"Conference.Status", relPathConfStatus, func(ctx context.Context, c *quanshi.Client, ids *relIDs) error {
		st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: ids.conferenceID})
		if err == nil && st.Status != quanshi.ConferenceStatusCreated {
			return fmt.Errorf("status %v", st.Status)
		}
		return err
	}},
	{"Conference.Get", relPathConfGet, func(ctx context.Context, c *quanshi.Client, ids *relIDs) error {
		info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: ids.conferenceID})
		if err == nil && info.ConferenceID != ids.conferenceID {
			return fmt.Errorf("got conference %q", info.ConferenceID)
		}
		return err
	}},
	{"Room.Get", relPathRoomInfos, func(ctx context.Context, c *quanshi.Client, ids *relIDs) error {
		got, err := c.Room.Get(ctx, &quanshi.RoomGetRequest{ConferenceID: ids.roomConfID})
		if err == nil && (len(got.Meetings) != 1 || got.Meetings[0].ConferenceID != ids.roomConfID) {
			return fmt.Errorf("got %d meetings", len(got.Meetings))
		}
		return err
	}},
	{"Event.Get", relPathEventInfo, func(ctx context.Context, c *quanshi.Client, ids *relIDs) error {
		ev, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: ids.eventID})
		if err == nil && ev.EventID != ids.eventID {
			return fmt.Errorf("got event %d", ev.EventID)
		}
		return err
	}},
	{"UMeeting.Get", relPathUMGet, func(ctx context.Context, c *quanshi.Client, ids *relIDs) error {
		m, err := c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: ids.umeetingID})
		if err == nil && m.ID != ids.umeetingID {
			return fmt.Errorf("got meeting %q", m.ID)
		}
		return err
	}},
	{"Dashboard.LiveConferences", relPathDashLive, func(ctx context.Context, c *quanshi.Client, _ *relIDs) error {
		_, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
		return err
	}},
}

func relConferenceRequest(title string) *quanshi.ConferenceCreateRequest {
	return &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: relConfHost, Title: title, Length: 60, StartTime: relBase.Add(3 * time.Hour),
		InviteeList: []quanshi.ConferenceInvitee{{Name: "张三", Email: "zhangsan@example.com"}},
	}}
}

func relRoomRequest(title string) *quanshi.RoomCreateRequest {
	return &quanshi.RoomCreateRequest{UserID: relRoomHost, Title: title, Length: 30, StartTime: relBase.Add(2 * time.Hour)}
}

func relEventRequest(title string) *quanshi.EventCreateRequest {
	return &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeSeriesChild, HostID: relEventHost, Title: title,
		StartTime: relBase.Add(4 * time.Hour), Length: 60, Participants: json.RawMessage(`[{"userId": 3001}]`)}
}

func relUMeetingRequest(topic string) *quanshi.UMeetingScheduleRequest {
	return &quanshi.UMeetingScheduleRequest{Topic: topic, MeetingCapacity: 25, StartTime: relBase.Add(5 * time.Hour),
		Duration: 60, UserKey: "reliability"}
}

// relSeed books the meetings the reads look up.
func relSeed(t *testing.T, c *quanshi.Client) *relIDs {
	t.Helper()
	ctx := relCtx(t)
	conf, err := c.Conference.Create(ctx, relConferenceRequest("读"))
	require.NoError(t, err)
	room, err := c.Room.Create(ctx, relRoomRequest("读"))
	require.NoError(t, err)
	ev, err := c.Event.Create(ctx, relEventRequest("读"))
	require.NoError(t, err)
	um, err := c.UMeeting.Schedule(ctx, relUMeetingRequest("读"))
	require.NoError(t, err)
	return &relIDs{conferenceID: conf.ConferenceID, roomConfID: room.ConferenceID, eventID: ev.EventID, umeetingID: um.MeetingID}
}

// relFaultKind is one kind of failure and what the SDK must make of it.
type relFaultKind struct {
	name  string
	fault quanshitest.Fault // Path, Times and AfterHandling are set per case
	opts  []quanshi.Option  // client options the kind needs
	// retried: a read hit by it is retried.
	retried bool
	// unknown: a write hit by it fails with ErrOutcomeUnknown (before and
	// after handling alike: the client cannot tell them apart).
	unknown bool
	// slow: the sandbox still carries the call out once the client left.
	slow bool
	// typed checks the error the caller gets.
	typed func(t *testing.T, err error)
}

// relTimeout is the per-attempt timeout of the latency kind.
const relTimeout = 150 * time.Millisecond

func relHTTPStatus(status int) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var apiErr *quanshi.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.HTTPStatus)
		assert.NotErrorIs(t, err, quanshi.ErrMalformedResponse, "an error envelope is readable")
	}
}

func relMalformed(status int) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		assert.ErrorIs(t, err, quanshi.ErrMalformedResponse)
		var apiErr *quanshi.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.HTTPStatus)
		assert.NotEmpty(t, apiErr.Body, "an excerpt of the unreadable body")
	}
}

func relBusiness(code int, sentinel error) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var apiErr *quanshi.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusOK, apiErr.HTTPStatus)
		assert.Equal(t, code, apiErr.Code)
		if sentinel != nil {
			assert.ErrorIs(t, err, sentinel)
		}
	}
}

func relTransportFailure(t *testing.T, err error) {
	t.Helper()
	var te *quanshi.TransportError
	require.ErrorAs(t, err, &te)
	var apiErr *quanshi.APIError
	assert.False(t, errors.As(err, &apiErr), "no answer, no APIError")
}

func relDeadline(t *testing.T, err error) {
	t.Helper()
	relTransportFailure(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// relTransientCode is a business code the latency-free "transient business
// code" kind configures as transient.
const relTransientCode = 10503

var relFaultKinds = []relFaultKind{
	{name: "HTTP 503 burst", fault: quanshitest.Fault{HTTPStatus: http.StatusServiceUnavailable},
		retried: true, typed: relHTTPStatus(http.StatusServiceUnavailable)},
	{name: "HTTP 502 burst", fault: quanshitest.Fault{HTTPStatus: http.StatusBadGateway},
		retried: true, unknown: true, typed: relHTTPStatus(http.StatusBadGateway)},
	{name: "HTTP 504 burst", fault: quanshitest.Fault{HTTPStatus: http.StatusGatewayTimeout},
		retried: true, unknown: true, typed: relHTTPStatus(http.StatusGatewayTimeout)},
	{name: "HTTP 429 burst", fault: quanshitest.Fault{HTTPStatus: http.StatusTooManyRequests},
		retried: true, typed: relHTTPStatus(http.StatusTooManyRequests)},
	{name: "HTTP 500", fault: quanshitest.Fault{HTTPStatus: http.StatusInternalServerError},
		typed: relHTTPStatus(http.StatusInternalServerError)},
	{name: "latency beyond the timeout", fault: quanshitest.Fault{Latency: 20 * relTimeout},
		opts: []quanshi.Option{quanshi.WithTimeout(relTimeout)}, retried: true, unknown: true, slow: true, typed: relDeadline},
	{name: "truncated body", fault: quanshitest.Fault{Truncate: true},
		retried: true, unknown: true, typed: relMalformed(http.StatusOK)},
	{name: "dropped connection", fault: quanshitest.Fault{Drop: true},
		retried: true, unknown: true, typed: relTransportFailure},
	{name: "HTML 502 page", fault: quanshitest.Fault{HTML: true},
		retried: true, unknown: true, typed: relMalformed(http.StatusBadGateway)},
	{name: "HTML 200 page", fault: quanshitest.Fault{HTML: true, HTTPStatus: http.StatusOK},
		retried: true, unknown: true, typed: relMalformed(http.StatusOK)},
	{name: "business error", fault: quanshitest.Fault{BusinessCode: 50103, Message: "参数错误"},
		typed: relBusiness(50103, quanshi.ErrInvalidParameter)},
	{name: "transient business code", fault: quanshitest.Fault{BusinessCode: relTransientCode, Message: "系统繁忙"},
		opts: []quanshi.Option{quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond,
			MaxWait: 4 * time.Millisecond, TransientCodes: []int{relTransientCode}})},
		retried: true, typed: relBusiness(relTransientCode, nil)},
}

// relFaultRow is one line of the fault results the test logs (and
// RELIABILITY.md quotes).
type relFaultRow struct {
	kind, op, hit  string
	calls, handled int
	outcome        string
}

func TestRelFaults(t *testing.T) {
	// Registered first, run last: once every sandbox and transport of the
	// subtests is closed, nothing they started may be left running.
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
	var mu sync.Mutex
	var rows []relFaultRow
	record := func(r relFaultRow) {
		mu.Lock()
		defer mu.Unlock()
		rows = append(rows, r)
	}
	t.Cleanup(func() {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].kind < rows[j].kind })
		var b strings.Builder
		for _, r := range rows {
			fmt.Fprintf(&b, "%-28s %-27s %-22s calls=%d handled=%d %s\n", r.kind, r.op, r.hit, r.calls, r.handled, r.outcome)
		}
		t.Logf("fault results (%d cases):\n%s", len(rows), b.String())
	})
	for _, kind := range relFaultKinds {
		t.Run(kind.name, func(t *testing.T) {
			t.Parallel()
			relRunFaultKind(t, kind, record)
		})
	}
}

// relOutcome names an error for the results table.
func relOutcome(err error) string {
	if err == nil {
		return "ok"
	}
	var parts []string
	var apiErr *quanshi.APIError
	var te *quanshi.TransportError
	switch {
	case errors.As(err, &apiErr):
		parts = append(parts, fmt.Sprintf("*APIError{HTTP %d, code %d}", apiErr.HTTPStatus, apiErr.Code))
	case errors.As(err, &te):
		parts = append(parts, "*TransportError")
	default:
		parts = append(parts, fmt.Sprintf("%T", err))
	}
	for _, s := range []struct {
		err  error
		name string
	}{
		{quanshi.ErrMalformedResponse, "ErrMalformedResponse"}, {context.DeadlineExceeded, "DeadlineExceeded"},
		{quanshi.ErrInvalidParameter, "ErrInvalidParameter"}, {quanshi.ErrOutcomeUnknown, "ErrOutcomeUnknown"},
	} {
		if errors.Is(err, s.err) {
			parts = append(parts, s.name)
		}
	}
	return strings.Join(parts, " + ")
}

func relRunFaultKind(t *testing.T, kind relFaultKind, record func(relFaultRow)) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t), kind.opts...)
	ids := relSeed(t, c)
	ctx := relCtx(t)
	// handledEventually waits for a slow kind's handler, which runs once
	// the client has given up.
	handledEventually := func(t *testing.T, path string, want int) {
		t.Helper()
		if !kind.slow {
			assert.Equal(t, want, srv.Handled(path), "Handled(%s)", path)
			return
		}
		assert.Eventually(t, func() bool { return srv.Handled(path) == want }, 5*time.Second, 5*time.Millisecond,
			"Handled(%s) = %d, want %d", path, srv.Handled(path), want)
	}
	inject := func(path string, times int, after bool) {
		f := kind.fault
		f.Path, f.Times, f.AfterHandling = path, times, after
		srv.Inject(f)
	}
	when := func(after bool) string {
		if after {
			return "after handling"
		}
		return "before handling"
	}

	for _, op := range relReads {
		for _, after := range []bool{false, true} {
			// A burst one shorter than the budget (retried kinds), or a
			// single failure (the others).
			burst := relFastRetries.MaxRetries
			if !kind.retried {
				burst = 1
			}
			t.Run(fmt.Sprintf("%s/burst of %d %s", op.name, burst, when(after)), func(t *testing.T) {
				calls, handled := srv.Calls(op.path), srv.Handled(op.path)
				inject(op.path, burst, after)
				err := op.call(ctx, c, ids)
				srv.ClearFaults()
				gotCalls := srv.Calls(op.path) - calls
				if kind.retried {
					require.NoError(t, err, "the read recovers through its retries")
					assert.Equal(t, burst+1, gotCalls)
				} else {
					kind.typed(t, err)
					assert.Equal(t, 1, gotCalls, "not retried")
				}
				assert.NotErrorIs(t, err, quanshi.ErrOutcomeUnknown, "a read is never ambiguous")
				wantHandled := 1
				if after {
					wantHandled = burst + 1
				}
				if !kind.retried {
					wantHandled = burst
					if !after {
						wantHandled = 0
					}
				}
				if kind.slow {
					wantHandled = burst + 1
				}
				handledEventually(t, op.path, handled+wantHandled)
				record(relFaultRow{kind.name, op.name, fmt.Sprintf("read, %d %s", burst, strings.Fields(when(after))[0]), gotCalls, srv.Handled(op.path) - handled, relOutcome(err)})
			})
		}
		if !kind.retried {
			continue
		}
		t.Run(op.name+"/burst beyond the budget", func(t *testing.T) {
			calls := srv.Calls(op.path)
			attempts := relFastRetries.MaxRetries + 1
			inject(op.path, attempts, false)
			err := op.call(ctx, c, ids)
			srv.ClearFaults()
			kind.typed(t, err)
			assert.NotErrorIs(t, err, quanshi.ErrOutcomeUnknown, "a read is never ambiguous")
			assert.Equal(t, attempts, srv.Calls(op.path)-calls, "one attempt and every retry")
			record(relFaultRow{kind.name, op.name, fmt.Sprintf("read, %d before", attempts), srv.Calls(op.path) - calls, 0, relOutcome(err)})
		})
	}

	for _, op := range relWrites {
		for _, after := range []bool{false, true} {
			t.Run(op.name+"/"+when(after), func(t *testing.T) {
				calls, handled := srv.Calls(op.path), srv.Handled(op.path)
				// Enough faults for every retry a wrong policy would make.
				inject(op.path, relFastRetries.MaxRetries+1, after)
				err := op.call(ctx, c, ids)
				srv.ClearFaults()
				kind.typed(t, err)
				if kind.unknown {
					assert.ErrorIs(t, err, quanshi.ErrOutcomeUnknown, "the answer was lost: %v", err)
					if err != nil {
						assert.Contains(t, err.Error(), "check with a read before retrying")
					}
				} else {
					assert.NotErrorIs(t, err, quanshi.ErrOutcomeUnknown, "the server answered")
				}
				assert.Equal(t, 1, srv.Calls(op.path)-calls, "a write that reached the server is never resent")
				want := 0
				if after || kind.slow {
					want = 1 // carried out, only the answer is lost
				}
				handledEventually(t, op.path, handled+want)
				record(relFaultRow{kind.name, op.name, "write, " + strings.Fields(when(after))[0], srv.Calls(op.path) - calls, srv.Handled(op.path) - handled, relOutcome(err)})
			})
		}
	}

	// What the counters say, a user sees: one meeting per carried-out create.
	t.Run("no duplicate meetings", func(t *testing.T) {
		handledEventually(t, relPathConfCreate, srv.Handled(relPathConfCreate))
		list, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: relConfHost})
		require.NoError(t, err)
		assert.Equal(t, srv.Handled(relPathConfCreate), list.TotalNum)
		page, err := c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{UserKey: "reliability", PageSize: 100})
		require.NoError(t, err)
		assert.Equal(t, srv.Handled(relPathUMSchedule), page.TotalRecord)
	})
}

// TestRelGETWriteIsNotResentByTheTransport: Conference.Cancel is a write sent
// as GET. net/http's Transport silently resends a GET whose reused
// connection died before an answer; the SDK must not let it, or a cancel
// whose answer was lost runs twice.
func TestRelGETWriteIsNotResentByTheTransport(t *testing.T) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t))
	ctx := relCtx(t)
	for _, after := range []bool{false, true} {
		conf, err := c.Conference.Create(ctx, relConferenceRequest("取消"))
		require.NoError(t, err)
		// The connection that carried the create is idle now and is reused.
		calls, handled := srv.Calls(relPathConfCancel), srv.Handled(relPathConfCancel)
		// One lost answer: whatever the transport resends reaches the server.
		srv.Inject(quanshitest.Fault{Path: relPathConfCancel, Drop: true, AfterHandling: after})
		err = c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: conf.ConferenceID, UserID: relConfHost})
		srv.ClearFaults()
		t.Logf("after handling %v: calls=%d handled=%d err=%v", after, srv.Calls(relPathConfCancel)-calls, srv.Handled(relPathConfCancel)-handled, err)
		assert.Equal(t, 1, srv.Calls(relPathConfCancel)-calls, "after handling %v: the cancel was sent once", after)
		assert.ErrorIs(t, err, quanshi.ErrOutcomeUnknown, "after handling %v", after)
		want := 0
		if after {
			want = 1
		}
		assert.Equal(t, want, srv.Handled(relPathConfCancel)-handled, "after handling %v", after)
	}
}

// TestRelWriteNeverSentIsRetried: a write whose connection could not even be
// dialled never left the client, so it is retried, and the error (once the
// budget is spent) does not say the outcome is unknown.
func TestRelWriteNeverSentIsRetried(t *testing.T) {
	srv := relSandbox(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close())
	var mu sync.Mutex
	dials := 0
	tr := relTransport(t)
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dials++
		mu.Unlock()
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	c := relClient(t, srv, tr, quanshi.WithUMeetingBaseURL(closed+quanshitest.UMeetingPrefix))
	_, err = c.UMeeting.Schedule(relCtx(t), relUMeetingRequest("拨不通"))
	relTransportFailure(t, err)
	assert.NotErrorIs(t, err, quanshi.ErrOutcomeUnknown, "nothing was sent")
	assert.Equal(t, 1+relFastRetries.MaxRetries, dials, "a refused dial is retried, even for a write")
	assert.Zero(t, srv.TotalCalls())
}

// TestRelContextCancelsTheBackoff: a read in a burst of failures stops
// waiting as soon as its context is done.
func TestRelContextCancelsTheBackoff(t *testing.T) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t), quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 2, MinWait: 10 * time.Second, MaxWait: 10 * time.Second}))
	ids := relSeed(t, c)
	srv.Inject(quanshitest.Fault{Path: relPathConfStatus, HTTPStatus: http.StatusServiceUnavailable, Times: 3})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: ids.conferenceID})
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var apiErr *quanshi.APIError
	assert.ErrorAs(t, err, &apiErr, "the last failure is kept")
	assert.Equal(t, 1, srv.Calls(relPathConfStatus))
}
