package quanshi

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testAppID = "app-id-3c4d5e"

// newAppIDTestAPI builds a client that mints its tokens with an AppId.
func newAppIDTestAPI(t *testing.T, opts ...Option) *testAPI {
	t.Helper()
	return newSigningTestAPI(t, WithAppIDCredentials(testAppID, testAppSecret), opts...)
}

func TestAppIDMintSignsWithAppIDAndAnEmptyBody(t *testing.T) {
	clock := &fakeClock{now: time.UnixMilli(1700000000000)}
	api := newAppIDTestAPI(t, withClock(clock.Now))
	m := &minter{path: opTokenCreateV2.Path, headers: make(chan http.Header, 1), bodies: make(chan string, 1)}
	m.install(api)
	echo := &tokenEcho{}
	echo.install(api)

	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))

	h := <-m.headers
	assert.Equal(t, testAppID, h.Get("AppId"))
	assert.Empty(t, h.Values("AppKey"), "an AppId account signs with AppId only")
	assert.Equal(t, "1700000000000", h.Get("CurTime"))
	assert.Equal(t, checkSum(testAppSecret, h.Get("Nonce"), "1700000000000"), h.Get("CheckSum"))
	assert.Equal(t, "{}", <-m.bodies, "cn/api/69: no body members")
	assert.Equal(t, []string{"minted-token-1"}, echo.tokens())
	assert.Equal(t, int64(1), m.count.Load())
}

func TestAppIDMintDecodesThePageExample(t *testing.T) {
	api := newAppIDTestAPI(t)
	api.respondFixture(opTokenCreateV2, "auth/create.json")
	tok, lifetime, err := api.client.mintToken(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "fe2a16279cf394f1f2c8d8831c9e6bee", tok)
	assert.Equal(t, 24*time.Hour, lifetime)
}

func TestAppIDTokensAreCachedSharedAndReMinted(t *testing.T) {
	api := newAppIDTestAPI(t)
	m := &minter{path: opTokenCreateV2.Path, delay: 20 * time.Millisecond}
	m.install(api)
	echo := &tokenEcho{reject: map[string]bool{"minted-token-1": true}}
	echo.install(api)

	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { assert.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil)) })
	}
	wg.Wait()
	// One mint for the eight first calls; the rejected token is dropped and
	// re-minted once, however many calls saw it rejected.
	assert.Equal(t, int64(2), m.count.Load())
	assert.Contains(t, echo.tokens(), "minted-token-2")
}

func TestSignEveryCallAddsTheHeadersBesideTheToken(t *testing.T) {
	api := newAppIDTestAPI(t, WithSignEveryCall())
	(&minter{path: opTokenCreateV2.Path}).install(api)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{}}`)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	h := rec.last(t).Header
	assert.Equal(t, "minted-token-1", h.Get("token"))
	assert.Equal(t, testAppID, h.Get("AppId"))
	assert.Equal(t, checkSum(testAppSecret, h.Get("Nonce"), h.Get("CurTime")), h.Get("CheckSum"))
}

func TestBusinessCallsAreNotSignedByDefault(t *testing.T) {
	api := newAppIDTestAPI(t)
	(&minter{path: opTokenCreateV2.Path}).install(api)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{}}`)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	h := rec.last(t).Header
	assert.Empty(t, h.Values("AppId"))
	assert.Empty(t, h.Values("CheckSum"))
}

func TestRejectedSignatureReportsTheClockSkew(t *testing.T) {
	// The local clock is 5 minutes behind the server's timeStamp.
	server := time.UnixMilli(1700000300000)
	clock := &fakeClock{now: server.Add(-5 * time.Minute)}
	api := newAppIDTestAPI(t, withClock(clock.Now), WithoutRetries())
	api.respond(opTokenCreateV2, http.StatusOK, `{"timeStamp":1700000300000,"code":401,"msg":"CheckSum expired","requestId":"sig"}`)

	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.NotErrorIs(t, err, ErrTokenInvalid, "no token was sent")
	assert.Equal(t, 5*time.Minute, apiErr.ClockSkew)
	assert.Contains(t, err.Error(), "the local clock is 5m0s behind the server's")
	assertNoSecret(t, err.Error())
}

func TestSignedFailureWithoutServerTimeHasNoSkew(t *testing.T) {
	api := newAppIDTestAPI(t, WithoutRetries())
	api.respond(opTokenCreateV2, http.StatusUnauthorized, `{"code":401,"msg":"bad signature"}`)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.Zero(t, apiErr.ClockSkew)
	assert.NotContains(t, err.Error(), "clock")
}

func TestMintedTokenWithControlCharactersIsRefused(t *testing.T) {
	for _, tok := range []string{"abc\r\nX-Injected: 1", "abc\x00def", "abc\ndef"} {
		api := newAppIDTestAPI(t, WithoutRetries())
		body := `{"code":200,"data":{"token":` + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(
			`"`+tok+`"`, "\r", `\r`), "\n", `\n`), "\x00", `\u0000`) + `,"expire":86400}}`
		api.respond(opTokenCreateV2, http.StatusOK, body)
		business := api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{}}`)
		err := api.client.call(context.Background(), testConfOp, nil, nil)
		require.ErrorIs(t, err, ErrMalformedResponse, "%q", tok)
		assert.Zero(t, business.count(), "nothing is sent with an unusable token")
	}
}

func TestCredentialOptionsAreExclusiveAndChecked(t *testing.T) {
	for name, opts := range map[string][]Option{
		"appKey and appId":  {WithAppCredentials(testAppKey, testAppSecret, 1), WithAppIDCredentials(testAppID, testAppSecret)},
		"token and appId":   {WithToken(testToken), WithAppIDCredentials(testAppID, testAppSecret)},
		"sign without keys": {WithToken(testToken), WithSignEveryCall()},
		"empty appId":       {WithAppIDCredentials(" ", testAppSecret)},
		"empty secret":      {WithAppIDCredentials(testAppID, "")},
		"appId with CRLF":   {WithAppIDCredentials("id\r\nX: y", testAppSecret)},
		"token with LF":     {WithToken("tok\nX: y")},
		"token with NUL":    {WithToken("tok\x00")},
		"empty admin login": {WithAdminLogin("", "pw")},
	} {
		_, err := NewClient(opts...)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, name)
		assertNoSecret(t, err.Error())
	}
}

func TestAppIDFromEnvironment(t *testing.T) {
	env := map[string]string{EnvAppID: testAppID, EnvAppSecret: testAppSecret}
	opts, err := optionsFromEnv(func(k string) string { return env[k] })
	require.NoError(t, err)
	c, err := NewClient(opts...)
	require.NoError(t, err)
	assert.Equal(t, testAppID, c.cfg.appID)
	assert.Zero(t, c.cfg.adminUserID, "an AppId account needs no admin userId")

	env[EnvAppKey] = testAppKey
	_, err = optionsFromEnv(func(k string) string { return env[k] })
	require.Error(t, err)
}

func TestAppIDIsRedacted(t *testing.T) {
	api := newAppIDTestAPI(t, WithoutRetries())
	api.respond(opTokenCreateV2, http.StatusOK, `{"code":40003,"msg":"unknown AppId `+testAppID+`"}`)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), testAppID)
}
