package quanshi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badHeaderValues are values net/http refuses to put in a header.
var badHeaderValues = []string{"tok\r\nX-Injected: 1", "tok\nen", "tok\x00en", "tok\ren", "tok\x7fen"}

// TestHeaderValuesAreCheckedWhereGiven: a value that would go into a
// header (the static token, the user agent, the AppKey) is refused by the
// option, with a clear error.
func TestHeaderValuesAreCheckedWhereGiven(t *testing.T) {
	for _, v := range badHeaderValues {
		for name, opt := range map[string]Option{
			"WithToken":          WithToken(v),
			"WithUserAgent":      WithUserAgent(v),
			"WithAppCredentials": WithAppCredentials(v, testAppSecret, testAdminUserID),
		} {
			_, err := NewClient(opt, WithLegacyAppKey(testLegacyAppKey))
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, "%s(%q)", name, v)
			assert.Equal(t, name, ve.Field)
			assert.NotContains(t, err.Error(), v, "the refused value is not echoed")
		}
	}
}

// TestMintedTokenThatIsNoHeaderValueIsRefused: a minted token with CR, LF
// or NUL is a malformed mint answer; no request carries it.
func TestMintedTokenThatIsNoHeaderValueIsRefused(t *testing.T) {
	for _, v := range badHeaderValues {
		api := newMintingTestAPI(t, WithoutRetries())
		api.respond(opTokenCreate, http.StatusOK, `{"code":200,"data":{"token":`+jsonQuote(v)+`}}`)
		rec := api.respond(testConfOp, http.StatusOK, okBody)
		err := api.client.Do(context.Background(), testConfOp, nil, nil)
		require.ErrorIs(t, err, ErrMalformedResponse, "%q", v)
		assert.Zero(t, rec.count(), "no request carried the token")
	}
}

// TestRequestRefusedBeforeAnyConnectionIsADefiniteFailure: a write that
// net/http refuses before dialling (an invalid header value, here a token
// that slipped past the checks) was never sent: not ErrOutcomeUnknown.
func TestRequestRefusedBeforeAnyConnectionIsADefiniteFailure(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(okBody))
	}))
	defer srv.Close()
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL), WithoutRetries())
	require.NoError(t, err)
	c.tokens = staticToken("tok\nen") // as if a check had been missed
	create := Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/create"}
	err = c.Do(context.Background(), create, nil, nil)
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "%v", err)
	assert.Zero(t, hits.Load())

	// net/http's own refusal, should it ever be reached, is classified the
	// same way.
	req, _ := http.NewRequest(http.MethodPost, srv.URL, nil)
	req.Header.Set("token", "a\nb")
	_, sendErr := http.DefaultClient.Do(req)
	require.Error(t, sendErr)
	assert.True(t, neverSent(sendErr, &connTrace{}), "%v", sendErr)
}

// TestATransportWritingIntoHeadersChangesNoLaterRequest: the Content-Type
// values are shared by every request (pipeline.go); a transport that writes
// into the headers it is given (which it must not, but may) must not change
// what the next request sends.
func TestATransportWritingIntoHeadersChangesNoLaterRequest(t *testing.T) {
	seen := make(chan string, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen <- r.Header.Get("Content-Type")
		_, _ = w.Write([]byte(okBody))
	}))
	defer srv.Close()
	next := &http.Transport{}
	defer next.CloseIdleConnections()
	scribbler := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := next.RoundTrip(r)
		if v := r.Header["Content-Type"]; len(v) > 0 {
			v[0] = "text/scribbled" // after sending: only a later request could show it
		}
		return resp, err
	})}
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL), WithHTTPClient(scribbler))
	require.NoError(t, err)
	for range 2 {
		require.NoError(t, c.Do(context.Background(), testConfOp, map[string]string{"conferenceId": "1"}, nil))
		assert.Equal(t, "application/json; charset=utf-8", <-seen)
	}
	assert.Equal(t, []string{"application/json; charset=utf-8"}, jsonContentType)
}
