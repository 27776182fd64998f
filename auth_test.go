package quanshi

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckSumMatchesHandComputedValue(t *testing.T) {
	// python3 -c "import hashlib; print(hashlib.sha1(b'app-secret-9z8y7x4tRxy2Qz1700000000000').hexdigest())"
	assert.Equal(t, "22019ce86382bd8e1a415ac08880ba95787768bd", checkSum(testAppSecret, "4tRxy2Qz", "1700000000000"))
}

// fakeClock is a settable clock for token expiry tests.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// minter answers token mints with "minted-token-1", "minted-token-2", ...
type minter struct {
	path    string // default opTokenCreate.Path
	count   atomic.Int64
	delay   time.Duration
	expire  int64
	headers chan http.Header
	bodies  chan string
}

func (m *minter) install(api *testAPI) {
	path := cmp.Or(m.path, opTokenCreate.Path)
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyEvent, path), func(req *http.Request) (*http.Response, error) {
		n := m.count.Add(1)
		if m.headers != nil {
			var rec recorded
			rec.add(req)
			m.headers <- req.Header.Clone()
			m.bodies <- rec.last(api.t).Body
		}
		time.Sleep(m.delay)
		expire := m.expire
		if expire == 0 {
			expire = 86400
		}
		return httpmock.NewStringResponse(http.StatusOK, fmt.Sprintf(
			`{"timeStamp":1646982314782,"code":200,"msg":"Successfully to create the token!","requestId":"mint-%d",`+
				`"data":{"productId":null,"createTime":1646982314782,"expire":%d,"customerCode":"0001","token":"minted-token-%d"}}`,
			n, expire, n)), nil
	})
}

// tokenEcho answers testConfOp with status 0 and records which token each
// request carried; tokens in reject answer status 401.
type tokenEcho struct {
	mu     sync.Mutex
	seen   []string
	reject map[string]bool
}

func (e *tokenEcho) install(api *testAPI) {
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConfOpenAPI, testConfOp.Path), func(req *http.Request) (*http.Response, error) {
		var body struct {
			Token string `json:"token"`
		}
		var rec recorded
		rec.add(req)
		if err := json.Unmarshal([]byte(rec.last(api.t).Body), &body); err != nil {
			return nil, err
		}
		if got := req.Header.Get("token"); got != body.Token {
			return nil, fmt.Errorf("header token %q differs from body token %q", got, body.Token)
		}
		e.mu.Lock()
		e.seen = append(e.seen, body.Token)
		rejected := e.reject[body.Token]
		e.mu.Unlock()
		if rejected {
			return httpmock.NewStringResponse(http.StatusOK, `{"status":401,"msg":"token invalid","request_id":"r401"}`), nil
		}
		return httpmock.NewStringResponse(http.StatusOK, `{"status":0,"result":{"name":"ok"}}`), nil
	})
}

func (e *tokenEcho) tokens() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.seen...)
}

func TestMintSignsTheRequestAndUsesTheToken(t *testing.T) {
	clock := &fakeClock{now: time.UnixMilli(1700000000000)}
	api := newMintingTestAPI(t, withClock(clock.Now))
	m := &minter{headers: make(chan http.Header, 1), bodies: make(chan string, 1)}
	m.install(api)
	echo := &tokenEcho{}
	echo.install(api)

	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))

	h := <-m.headers
	assert.Equal(t, testAppKey, h.Get("AppKey"))
	assert.Equal(t, "1700000000000", h.Get("CurTime"))
	nonce := h.Get("Nonce")
	assert.NotEmpty(t, nonce)
	assert.LessOrEqual(t, len(nonce), 128)
	assert.Equal(t, checkSum(testAppSecret, nonce, "1700000000000"), h.Get("CheckSum"))
	assert.Empty(t, h.Values("token"))
	assert.Equal(t, `{"userId":19533553}`, <-m.bodies)
	assert.Equal(t, []string{"minted-token-1"}, echo.tokens())
}

func TestNoncesDiffer(t *testing.T) {
	api := newMintingTestAPI(t)
	a, b := http.Header{}, http.Header{}
	api.client.signHeaders(a)
	api.client.signHeaders(b)
	assert.NotEqual(t, a.Get("Nonce"), b.Get("Nonce"))
	assert.NotEqual(t, a.Get("CheckSum"), b.Get("CheckSum"))
}

func TestMintedTokenIsCachedAndRenewedBeforeExpiry(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1700000000, 0)}
	api := newMintingTestAPI(t, withClock(clock.Now))
	m := &minter{}
	m.install(api)
	echo := &tokenEcho{}
	echo.install(api)
	ctx := context.Background()

	for range 3 {
		require.NoError(t, api.client.call(ctx, testConfOp, nil, nil))
	}
	assert.EqualValues(t, 1, m.count.Load(), "cached")

	clock.Advance(86400*time.Second - 6*time.Minute)
	require.NoError(t, api.client.call(ctx, testConfOp, nil, nil))
	assert.EqualValues(t, 1, m.count.Load(), "still outside the renewal margin")

	clock.Advance(2 * time.Minute) // 4 minutes before expiry
	require.NoError(t, api.client.call(ctx, testConfOp, nil, nil))
	assert.EqualValues(t, 2, m.count.Load(), "renewed within the margin")
	assert.Equal(t, []string{"minted-token-1", "minted-token-1", "minted-token-1", "minted-token-1", "minted-token-2"}, echo.tokens())
}

func TestShortLivedTokenRenewsAfterNinetyPercent(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1700000000, 0)}
	api := newMintingTestAPI(t, withClock(clock.Now))
	m := &minter{expire: 600}
	m.install(api)
	(&tokenEcho{}).install(api)

	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	clock.Advance(539 * time.Second)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.EqualValues(t, 1, m.count.Load())
	clock.Advance(2 * time.Second)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.EqualValues(t, 2, m.count.Load())
}

func TestConcurrentFirstCallsMintOnce(t *testing.T) {
	api := newMintingTestAPI(t)
	m := &minter{delay: 50 * time.Millisecond}
	m.install(api)
	echo := &tokenEcho{}
	echo.install(api)

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 100 {
		wg.Go(func() { errs <- api.client.call(context.Background(), testConfOp, nil, nil) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.EqualValues(t, 1, m.count.Load())
	assert.Len(t, echo.tokens(), 100)
}

func TestRejectedTokenIsReMintedAndTheCallRetriedOnce(t *testing.T) {
	api := newMintingTestAPI(t)
	m := &minter{}
	m.install(api)
	echo := &tokenEcho{reject: map[string]bool{"minted-token-1": true}}
	echo.install(api)

	var out probeResult
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, &out))
	assert.Equal(t, "ok", out.Name)
	assert.EqualValues(t, 2, m.count.Load())
	assert.Equal(t, []string{"minted-token-1", "minted-token-2"}, echo.tokens())
}

func TestNoLoopWhenTheNewTokenIsRejectedToo(t *testing.T) {
	api := newMintingTestAPI(t)
	m := &minter{}
	m.install(api)
	echo := &tokenEcho{reject: map[string]bool{"minted-token-1": true, "minted-token-2": true, "minted-token-3": true}}
	echo.install(api)

	err := api.client.call(context.Background(), testConfOp, nil, nil)
	assert.ErrorIs(t, err, ErrTokenInvalid)
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.EqualValues(t, 2, m.count.Load())
	assert.Len(t, echo.tokens(), 2)
	assert.NotContains(t, err.Error(), "minted-token")
}

func TestConcurrentRejectionsMintOnce(t *testing.T) {
	api := newMintingTestAPI(t)
	m := &minter{delay: 20 * time.Millisecond}
	m.install(api)
	echo := &tokenEcho{reject: map[string]bool{"minted-token-1": true}}
	echo.install(api)

	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil)) // mints 1, rejected, mints 2
	require.EqualValues(t, 2, m.count.Load())
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() { assert.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil)) })
	}
	wg.Wait()
	assert.EqualValues(t, 2, m.count.Load(), "a valid cached token is not dropped by stale rejections")
}

func TestStaticTokenRejectedIsNotRetried(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":401,"msg":"token expired"}`)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	assert.ErrorIs(t, err, ErrTokenInvalid)
	assert.Equal(t, 1, rec.count())
}

func TestTokenInvalidCodesAreConfigurable(t *testing.T) {
	api := newTestAPI(t, WithTokenInvalidCodes(10086))
	api.respond(testConfOp, http.StatusOK, `{"status":10086,"msg":"token expired"}`)
	assert.ErrorIs(t, api.client.call(context.Background(), testConfOp, nil, nil), ErrTokenInvalid)

	api.respond(testConfOp, http.StatusOK, `{"status":401,"msg":"no longer a token code"}`)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	assert.NotErrorIs(t, err, ErrTokenInvalid)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 401, apiErr.Code)
}

func TestMintResponseWithoutToken(t *testing.T) {
	api := newMintingTestAPI(t)
	api.respond(opTokenCreate, http.StatusOK, `{"code":200,"msg":"ok","data":{"expire":86400,"customerCode":"0001"}}`)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0}`)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	assert.ErrorIs(t, err, ErrMalformedResponse)
	assert.Contains(t, err.Error(), "no data.token")
	assert.Zero(t, rec.count(), "nothing sent without a token")
}

func TestMintResponseWithBareStringData(t *testing.T) {
	api := newMintingTestAPI(t)
	api.respond(opTokenCreate, http.StatusOK, `{"code":200,"data":"bare-token-value"}`)
	echo := &tokenEcho{}
	echo.install(api)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.Equal(t, []string{"bare-token-value"}, echo.tokens())
}

func TestMintFailureIsReturned(t *testing.T) {
	api := newMintingTestAPI(t)
	api.respond(opTokenCreate, http.StatusOK, `{"code":40003,"msg":"CheckSum mismatch","requestId":"mint-fail"}`)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 40003, apiErr.Code)
	assert.Equal(t, opTokenCreate.String(), apiErr.Operation)
	assertNoSecret(t, err.Error())
}

func TestWaitingForAMintStopsWithTheContext(t *testing.T) {
	api := newMintingTestAPI(t)
	m := &minter{delay: 300 * time.Millisecond}
	m.install(api)
	(&tokenEcho{}).install(api)

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := api.client.call(ctx, testConfOp, nil, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 200*time.Millisecond)

	// No caller waits for the mint any more: it stopped, and the next call
	// mints afresh (issue 12.9).
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.EqualValues(t, 2, m.count.Load())
}
