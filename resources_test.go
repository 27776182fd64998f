package quanshi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// idlePool ignores the goroutines of connections idle in the shared
// transport's pool: they belong to the pool, which closes them after its
// idle timeout, not to any client.
var idlePool = []goleak.Option{
	goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
	goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
	goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"),
}

// TestClientPerRequestSharesOneTransport: 500 clients built without
// WithHTTPClient, one call each, open a handful of connections, not 500, and
// leave the goroutine count flat.
func TestClientPerRequestSharesOneTransport(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(okBody))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	warm := func() {
		c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL))
		require.NoError(t, err)
		require.NoError(t, c.Do(context.Background(), testConfOp, nil, nil))
		require.NoError(t, c.Close())
	}
	warm()
	runtime.GC()
	before := runtime.NumGoroutine()
	const clients = 500
	for range clients {
		warm()
	}
	runtime.GC()
	after := runtime.NumGoroutine()
	t.Logf("%d clients × 1 call: %d connections, goroutines %d → %d", clients, conns.Load(), before, after)
	assert.LessOrEqual(t, int(conns.Load()), 4, "connections")
	assert.LessOrEqual(t, after, before+4, "goroutines")
}

// TestMintsKeepMemoryFlat: 20 000 mints keep the redactor at its recent
// tokens and the heap flat.
func TestMintsKeepMemoryFlat(t *testing.T) {
	api := newMintingTestAPI(t)
	var n atomic.Int64
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyEvent, opTokenCreate.Path), func(*http.Request) (*http.Response, error) {
		tok := "minted-token-" + strconv.FormatInt(n.Add(1), 10) + "-5d41c4ac806c6440eb6aa8e0"
		return httpmock.NewStringResponse(http.StatusOK, `{"code":200,"data":{"token":"`+tok+`","expire":86400}}`), nil
	})
	ctx := context.Background()
	mint := func(count int) {
		for range count {
			_, _, err := api.client.mintToken(ctx)
			require.NoError(t, err)
		}
	}
	mint(maxRecentTokens * 2)
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	mint(20000)
	after := heap()
	t.Logf("20 000 mints: heap %d → %d bytes", before, after)
	assert.Len(t, api.client.redact.tokens.values, maxRecentTokens)
	assert.Len(t, api.client.redact.signatures.values, maxRecentTokens)
	// A kept token costs at least 40 bytes (its text and its slot), so a
	// leak would grow the heap by 800 KB or more; the bound leaves room for
	// what tests running alongside hold at the moment of the measurement.
	assert.Less(t, int64(after)-int64(before), int64(768<<10), "heap growth")
	// The latest token is still masked, an old one no longer is.
	latest := "minted-token-" + strconv.FormatInt(n.Load(), 10) + "-5d41c4ac806c6440eb6aa8e0"
	assert.Equal(t, redacted, api.client.redact.text(latest))
}

// hangingMint answers the mint endpoint only when the request is abandoned,
// reporting when that happens.
func hangingMint(api *testAPI) (cancelled chan struct{}) {
	cancelled = make(chan struct{}, 8)
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyEvent, opTokenCreate.Path), func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done()
		cancelled <- struct{}{}
		return nil, req.Context().Err()
	})
	return cancelled
}

// TestMintStopsWhenTheLastWaiterLeaves: a mint goes on while a caller waits
// for it and stops as soon as the last one has left.
func TestMintStopsWhenTheLastWaiterLeaves(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	api := newMintingTestAPI(t)
	cancelled := hangingMint(api)
	short, cancelShort := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancelShort()
	long, cancelLong := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var errShort, errLong error
	wg.Go(func() { errShort = api.client.Do(short, testConfOp, nil, nil) })
	wg.Go(func() { errLong = api.client.Do(long, testConfOp, nil, nil) })
	time.Sleep(150 * time.Millisecond) // the short caller has left
	select {
	case <-cancelled:
		t.Fatal("the mint stopped while a caller was still waiting for it")
	default:
	}
	cancelLong()
	select {
	case <-cancelled:
	case <-time.After(2 * time.Second):
		t.Fatal("the mint outlived its last waiter")
	}
	wg.Wait()
	assert.ErrorIs(t, errShort, context.DeadlineExceeded)
	assert.ErrorIs(t, errLong, context.Canceled)
	goleak.VerifyNone(t, ignore)
}

// TestCloseStopsTheMintAndLaterCallsFail: Close stops a mint in flight (its
// waiter returns), later calls fail with ErrClientClosed before sending, a
// caller's transport stays usable, and no goroutine is left but the idle
// connections of the shared pool.
func TestCloseStopsTheMintAndLaterCallsFail(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	api := newMintingTestAPI(t)
	cancelled := hangingMint(api)
	done := make(chan error, 1)
	go func() { done <- api.client.Do(context.Background(), testConfOp, nil, nil) }()
	time.Sleep(50 * time.Millisecond)
	require.NoError(t, api.client.Close())
	select {
	case err := <-done:
		require.Error(t, err)
	case <-time.After(2 * time.Second):
		t.Fatal("the waiting caller did not return after Close")
	}
	<-cancelled
	calls := api.mock.GetTotalCallCount()
	err := api.client.Do(context.Background(), testConfOp, nil, nil)
	require.ErrorIs(t, err, ErrClientClosed)
	assert.Equal(t, calls, api.mock.GetTotalCallCount(), "nothing sent after Close")
	require.NoError(t, api.client.Close(), "Close twice is fine")
	goleak.VerifyNone(t, ignore)

	// A client on the shared transport: Close leaves its pool to other
	// clients.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(okBody)) }))
	defer srv.Close()
	a, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL))
	require.NoError(t, err)
	b, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL))
	require.NoError(t, err)
	require.NoError(t, a.Do(context.Background(), testConfOp, nil, nil))
	require.NoError(t, a.Close())
	require.NoError(t, b.Do(context.Background(), testConfOp, nil, nil), "the shared pool still serves other clients")
	require.True(t, errors.Is(a.Do(context.Background(), testConfOp, nil, nil), ErrClientClosed))
	require.NoError(t, b.Close())
	goleak.VerifyNone(t, append(idlePool, ignore)...)
}
