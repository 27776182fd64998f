package quanshitest_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Concurrency: 64 goroutines × 500 mixed calls (reads and writes of every
// family) share one client that mints its tokens, while every token expires
// a few times mid-run. Every call succeeds or fails with a typed error,
// exactly one token is minted per expiry, every create that succeeded was
// carried out exactly once, and no goroutine is left behind.

const (
	relWorkers        = 64
	relCallsPerWorker = 500
	relExpiries       = 4
)

// relMixedOp is one kind of call of the concurrency run; n numbers the call.
type relMixedOp struct {
	name  string
	path  string // for creates: the Handled counter to compare
	write bool
	call  func(ctx context.Context, c *quanshi.Client, ids *relIDs, n int) error
}

var relMixedOps = []relMixedOp{
	{"Conference.Status", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: ids.conferenceID})
		return relExpect(err, func() bool { return st.Status == quanshi.ConferenceStatusCreated })
	}},
	{"Conference.Get", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: ids.conferenceID})
		return relExpect(err, func() bool { return info.ConferenceID == ids.conferenceID })
	}},
	{"Conference.JoinURL", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		link, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{ConferenceID: ids.conferenceID, Name: "访客"}))
		return relExpect(err, func() bool { return link != "" })
	}},
	{"Conference.ClientLaunchLinks", "", false, func(ctx context.Context, c *quanshi.Client, _ *relIDs, _ int) error {
		links, err := c.Conference.ClientLaunchLinks(ctx, &quanshi.ConferenceClientLaunchRequest{UserID: relConfHost})
		return relExpect(err, func() bool { return links != nil })
	}},
	{"Room.Get", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		got, err := c.Room.Get(ctx, &quanshi.RoomGetRequest{ConferenceID: ids.roomConfID})
		return relExpect(err, func() bool { return len(got.Meetings) == 1 && got.Meetings[0].ConferenceID == ids.roomConfID })
	}},
	{"Event.Get", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		ev, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: ids.eventID})
		return relExpect(err, func() bool { return ev.EventID == ids.eventID })
	}},
	{"UMeeting.Get", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		m, err := c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: ids.umeetingID})
		return relExpect(err, func() bool { return m.ID == ids.umeetingID })
	}},
	{"UMeeting.StartURL", "", false, func(ctx context.Context, c *quanshi.Client, ids *relIDs, _ int) error {
		_, err := startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: ids.umeetingID}))
		return err
	}},
	{"Dashboard.LiveConferences", "", false, func(ctx context.Context, c *quanshi.Client, _ *relIDs, _ int) error {
		_, err := c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{})
		return err
	}},
	{"Conference.AccessNumbers", "", false, func(ctx context.Context, c *quanshi.Client, _ *relIDs, _ int) error {
		nums, err := c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{Phone: "010-59937429"})
		return relExpect(err, func() bool { return len(nums.Numbers) > 0 })
	}},
	{"Conference.Create", relPathConfCreate, true, func(ctx context.Context, c *quanshi.Client, _ *relIDs, n int) error {
		res, err := c.Conference.Create(ctx, relConferenceRequest(fmt.Sprintf("并发 %d", n)))
		return relExpect(err, func() bool { return res.ConferenceID != "" })
	}},
	{"Room.Create", relPathRoomCreate, true, func(ctx context.Context, c *quanshi.Client, _ *relIDs, n int) error {
		res, err := c.Room.Create(ctx, relRoomRequest(fmt.Sprintf("并发 %d", n)))
		return relExpect(err, func() bool { return res.ConferenceID != "" })
	}},
	{"Event.Create", relPathEventCreate, true, func(ctx context.Context, c *quanshi.Client, _ *relIDs, n int) error {
		ev, err := c.Event.Create(ctx, relEventRequest(fmt.Sprintf("并发 %d", n)))
		return relExpect(err, func() bool { return ev.EventID > 0 })
	}},
	{"UMeeting.Schedule", relPathUMSchedule, true, func(ctx context.Context, c *quanshi.Client, _ *relIDs, n int) error {
		res, err := c.UMeeting.Schedule(ctx, relUMeetingRequest(fmt.Sprintf("并发 %d", n)))
		return relExpect(err, func() bool { return res.MeetingID != "" })
	}},
	{"Conference.Update", "", true, func(ctx context.Context, c *quanshi.Client, ids *relIDs, n int) error {
		res, err := c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: ids.conferenceID,
			ConferenceOptions: quanshi.ConferenceOptions{UserID: relConfHost, Title: fmt.Sprintf("改 %d", n), Length: 60, StartTime: relBase.Add(3 * time.Hour)}})
		return relExpect(err, func() bool { return res.ConferenceID == ids.conferenceID })
	}},
	{"UMeeting.Update", "", true, func(ctx context.Context, c *quanshi.Client, ids *relIDs, n int) error {
		return c.UMeeting.Update(ctx, &quanshi.UMeetingUpdateRequest{ID: ids.umeetingID, Topic: fmt.Sprintf("改 %d", n),
			StartTime: relBase.Add(5 * time.Hour), Duration: 60})
	}},
}

// relExpect turns a successful call whose result is wrong into an error of
// its own type, so that the run counts it as untyped.
func relExpect(err error, ok func() bool) error {
	if err != nil {
		return err
	}
	if !ok() {
		return errWrongResult
	}
	return nil
}

var errWrongResult = errors.New("the call succeeded with a wrong result")

// relErrorClass names an error's class for the tally; "" means untyped.
func relErrorClass(err error) string {
	var apiErr *quanshi.APIError
	var te *quanshi.TransportError
	var ve *quanshi.ValidationError
	switch {
	case errors.Is(err, quanshi.ErrTokenInvalid):
		return "ErrTokenInvalid"
	case errors.As(err, &apiErr):
		return fmt.Sprintf("*APIError{HTTP %d, code %d}", apiErr.HTTPStatus, apiErr.Code)
	case errors.As(err, &te):
		return "*TransportError"
	case errors.As(err, &ve):
		return "*ValidationError"
	}
	return ""
}

func TestRelConcurrentCallsWithExpiringTokens(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	goroutinesBefore := runtime.NumGoroutine()

	srv := quanshitest.New(quanshitest.WithClock(func() time.Time { return relBase }))
	defer srv.Close()
	tr := relTransport(t)
	c := relClient(t, srv, tr)
	ids := relSeed(t, c)
	require.Equal(t, 1, srv.Mints(), "the first call minted the first token")
	handledBefore := make([]int, len(relMixedOps))
	for k, op := range relMixedOps {
		if op.path != "" {
			handledBefore[k] = srv.Handled(op.path)
		}
	}
	requestsBefore := srv.TotalCalls()

	// A hang guard only: under -race on a loaded machine the run takes
	// minutes, and calls that outlive it would leave the mints unwaited for
	// (a mint stops with its last waiter).
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	const total = relWorkers * relCallsPerWorker
	var done atomic.Int64
	var peak atomic.Int64
	successes := make([]atomic.Int64, len(relMixedOps))
	var mu sync.Mutex
	failures := map[string]int{}
	var untyped []string

	// The controller expires every token at 1/5, 2/5, ... of the run and
	// waits for the one re-mint each expiry must cause before the next. The
	// calls past each fifth wait for that expiry, so that however the
	// scheduler runs the goroutines, calls remain to meet every expiry.
	fifth := func(k int64) int64 { return k * total / (relExpiries + 1) }
	var started, expired atomic.Int64
	controllerDone := make(chan error, 1)
	go func() {
		for k := 1; k <= relExpiries; k++ {
			for done.Load() < fifth(int64(k)) {
				peak.Store(max(peak.Load(), int64(runtime.NumGoroutine())))
				time.Sleep(time.Millisecond)
			}
			srv.ExpireTokens()
			expired.Store(int64(k))
			deadline := time.Now().Add(30 * time.Second)
			for srv.Mints() < 1+k && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if srv.Mints() < 1+k {
				controllerDone <- fmt.Errorf("expiry %d: no token minted after 30s (mints %d)", k, srv.Mints())
				return
			}
		}
		controllerDone <- nil
	}()

	start := time.Now()
	var wg sync.WaitGroup
	for w := range relWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range relCallsPerWorker {
				for s := started.Add(1) - 1; expired.Load() < relExpiries && s >= fifth(expired.Load()+1) && ctx.Err() == nil; {
					time.Sleep(time.Millisecond)
				}
				n := w*relCallsPerWorker + i
				k := (w + i) % len(relMixedOps)
				err := relMixedOps[k].call(ctx, c, ids, n)
				done.Add(1)
				if err == nil {
					successes[k].Add(1)
					continue
				}
				class := relErrorClass(err)
				mu.Lock()
				if class == "" {
					untyped = append(untyped, fmt.Sprintf("%s: %T %v", relMixedOps[k].name, err, err))
				} else {
					failures[relMixedOps[k].name+": "+class]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	require.NoError(t, <-controllerDone)
	goroutinesPeak := peak.Load()

	assert.Empty(t, untyped, "every failure is an *APIError, *TransportError or *ValidationError")
	var failed int
	var tally []string
	for name, n := range failures {
		failed += n
		tally = append(tally, fmt.Sprintf("%s ×%d", name, n))
	}
	sort.Strings(tally)
	for name, n := range failures {
		assert.Contains(t, name, "ErrTokenInvalid", "the only failure a run without faults may see is a token that expired twice within one call (%d)", n)
	}
	assert.Equal(t, 1+relExpiries, srv.Mints(), "exactly one mint per expiry")

	// Every create that succeeded was carried out once; none that failed was.
	var creates int64
	for k, op := range relMixedOps {
		if op.path != "" {
			assert.EqualValues(t, successes[k].Load(), srv.Handled(op.path)-handledBefore[k], "%s: Handled", op.name)
			creates += successes[k].Load()
		}
	}

	// Nothing is left running once the sandbox and the idle connections are
	// closed: no retry timer, no mint, no connection goroutine.
	srv.Close()
	tr.CloseIdleConnections()
	goleak.VerifyNone(t, ignore)
	goroutinesAfter := runtime.NumGoroutine()

	t.Logf("concurrency run: %d goroutines × %d calls = %d calls (%d writes of which %d creates) in %v (%.0f calls/s); "+
		"%d failed %v; %d expiries, %d mints in all; sandbox requests %d; goroutines before %d, peak %d, after %d",
		relWorkers, relCallsPerWorker, total, relWrites64(), creates, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(),
		failed, strings.Join(tally, ", "), relExpiries, srv.Mints(), srv.TotalCalls()-requestsBefore, goroutinesBefore, goroutinesPeak, goroutinesAfter)
}

// relWrites64 counts the write calls of the run.
func relWrites64() int {
	n := 0
	for w := range relWorkers {
		for i := range relCallsPerWorker {
			if relMixedOps[(w+i)%len(relMixedOps)].write {
				n++
			}
		}
	}
	return n
}

// TestRelAbandonedMintLeavesNothingBehind: a caller that gives up while its
// token is being minted returns at once; the mint, which no caller waits for
// any more, stops with it (issue 12.9), and the next call mints afresh and
// succeeds; no goroutine is left behind.
func TestRelAbandonedMintLeavesNothingBehind(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time { return relBase }))
	defer srv.Close()
	tr := relTransport(t)
	c := relClient(t, srv, tr)
	srv.Inject(quanshitest.Fault{Path: relPathMint, Latency: 300 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: 1})
	assert.Less(t, time.Since(start), 250*time.Millisecond, "the caller does not wait for the mint")
	relDeadline(t, err)
	assert.Zero(t, srv.Calls(relPathEventInfo), "nothing was sent without a token")

	_, err = c.Event.Get(relCtx(t), &quanshi.EventGetRequest{EventID: 1})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "the next call mints and is sent")
	assert.LessOrEqual(t, srv.Mints(), 2)
	require.NoError(t, c.Close())
	srv.Close()
	tr.CloseIdleConnections()
	goleak.VerifyNone(t, ignore)
}
