package quanshiredis_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/redistest"
	"github.com/quanshi-sdk/quanshi-go/quanshiredis"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const replicas, goroutines = 8, 50

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// replica is one client standing in for a process, with its own Redis
// connection pool and store, and its own log.
type replica struct {
	client *quanshi.Client
	logs   *syncBuffer
}

func newFleet(t *testing.T, srv *quanshitest.Server, rs *redistest.Server, limit float64, opts ...quanshi.Option) []replica {
	t.Helper()
	fleet := make([]replica, replicas)
	for i := range fleet {
		rdb := redis.NewClient(&redis.Options{Addr: rs.Addr, MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
		t.Cleanup(func() { _ = rdb.Close() })
		logs := &syncBuffer{}
		o := append([]quanshi.Option{
			// A generous store timeout: these tests count mints, and a
			// loaded machine (-race) must not pass for a slow Redis.
			quanshi.WithStoreTimeout(5 * time.Second),
			quanshi.WithTokenStore(quanshiredis.NewStore(rdb)),
			quanshi.WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))),
		}, opts...)
		if limit > 0 {
			o = append(o, quanshi.WithRateLimiter(quanshiredis.NewRateLimiter(rdb, limit, 5)))
		}
		c, err := srv.Client(o...)
		require.NoError(t, err)
		t.Cleanup(func() { _ = c.Close() })
		fleet[i] = replica{client: c, logs: logs}
	}
	return fleet
}

// hammer runs replicas × goroutines calls that need a token and returns
// the errors.
func hammer(ctx context.Context, fleet []replica) []error {
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for _, r := range fleet {
		for range goroutines {
			wg.Go(func() {
				if _, err := r.client.Event.ListPublic(ctx, nil); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			})
		}
	}
	wg.Wait()
	return errs
}

func TestFleetMintsOncePerExpiryAndOncePerRejection(t *testing.T) {
	rs := redistest.Start(t)
	srv := quanshitest.New()
	t.Cleanup(srv.Close)
	fleet := newFleet(t, srv, rs, 0)
	ctx := t.Context()

	require.Empty(t, hammer(ctx, fleet))
	assert.Equal(t, 1, srv.Mints(), "8 cold clients × 50 goroutines mint once")

	srv.ExpireTokens() // the server rejects the fleet's token
	require.Empty(t, hammer(ctx, fleet))
	assert.Equal(t, 2, srv.Mints(), "a rejected token is re-minted once fleet-wide")
	for _, r := range fleet {
		assert.NotContains(t, r.logs.String(), "level=WARN")
	}
}

// deadHolder grabs the mint lease on the first look at the store, as a
// process would that then died, with a 1.5 s lease.
type deadHolder struct {
	*quanshiredis.Store
	once sync.Once
}

func (d *deadHolder) Token(ctx context.Context, key string) (string, time.Time, error) {
	d.once.Do(func() { _, _ = d.Store.AcquireMintLease(ctx, key, 1500*time.Millisecond) })
	return d.Store.Token(ctx, key)
}

func TestFleetDeadLeaseHolderBlocksNoLongerThanItsLease(t *testing.T) {
	rs := redistest.Start(t)
	srv := quanshitest.New()
	t.Cleanup(srv.Close)
	c, err := srv.Client(quanshi.WithTokenStore(&deadHolder{Store: quanshiredis.NewStore(rs.Client)}))
	require.NoError(t, err)
	defer c.Close()
	start := time.Now()
	_, err = c.Event.ListPublic(t.Context(), nil)
	require.NoError(t, err)
	waited := time.Since(start)
	assert.GreaterOrEqual(t, waited, 1400*time.Millisecond, "the live process waits for the lease")
	assert.Less(t, waited, 5*time.Second, "but no longer than the lease")
	assert.Equal(t, 1, srv.Mints())
}

func TestFleetSharesOneRateLimit(t *testing.T) {
	rs := redistest.Start(t)
	srv := quanshitest.New()
	t.Cleanup(srv.Close)
	const perSecond, burst = 40.0, 5
	fleet := newFleet(t, srv, rs, perSecond)
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	var done atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for _, r := range fleet {
		for range 4 {
			wg.Go(func() {
				for ctx.Err() == nil {
					if _, err := r.client.Event.ListPublic(ctx, nil); err == nil {
						done.Add(1)
					}
				}
			})
		}
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	got := float64(done.Load())
	t.Logf("%d calls in %.2fs by %d clients sharing %.0f/s: %.1f/s", done.Load(), elapsed, replicas, perSecond, got/elapsed)
	assert.LessOrEqual(t, got, perSecond*elapsed+burst+1, "the fleet stays within the shared rate")
	assert.GreaterOrEqual(t, got, perSecond*elapsed*0.8, "and uses most of it")
}

func TestFleetSurvivesRedisKilledMidRun(t *testing.T) {
	rs := redistest.Start(t)
	srv := quanshitest.New()
	t.Cleanup(srv.Close)
	fleet := newFleet(t, srv, rs, 1000)
	ctx := t.Context()
	require.Empty(t, hammer(ctx, fleet))

	rs.Stop()
	srv.ExpireTokens() // every replica must get a new token while Redis is down
	require.Empty(t, hammer(ctx, fleet), "no call fails while Redis is down")
	require.Empty(t, hammer(ctx, fleet))
	for i, r := range fleet {
		assert.Equal(t, 1, strings.Count(r.logs.String(), "level=WARN"), "replica %d warns once:\n%s", i, r.logs)
	}

	rs.Restart()
	time.Sleep(2100 * time.Millisecond) // the clients try the store again after 2 s
	require.Empty(t, hammer(ctx, fleet))
	for i, r := range fleet {
		assert.Contains(t, r.logs.String(), "shared store is back", "replica %d recovers", i)
	}
}

func TestCallbackToTwoReplicasIsHandledOnce(t *testing.T) {
	rs := redistest.Start(t)
	var handled atomic.Int64
	body := `{"method":"update","msgId":"u-1","timestamp":1648025135959,"event":{"eventId":"556653","title":"t"}}`
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range 2 {
		h := &quanshi.CallbackHandler{
			Store: quanshiredis.NewStore(redis.NewClient(&redis.Options{Addr: rs.Addr})),
			OnUpdate: func(context.Context, *quanshi.EventUpdateCallback) error {
				handled.Add(1)
				time.Sleep(50 * time.Millisecond)
				return nil
			},
		}
		wg.Go(func() {
			req := httptest.NewRequest(http.MethodPost, "/cb", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			codes[i] = w.Code
		})
	}
	wg.Wait()
	assert.Equal(t, int64(1), handled.Load())
	assert.ElementsMatch(t, []int{http.StatusOK, http.StatusServiceUnavailable}, codes)
}

type quietLogger struct{}

func (quietLogger) Printf(context.Context, string, ...any) {}

func TestMain(m *testing.M) {
	// go-redis logs each failed dial; the Redis-killed test makes many.
	redis.SetLogger(quietLogger{})
	m.Run()
}
