package quanshi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRedirectIsATypedErrorAndNothingFollows: an answer 3xx is never
// followed, whatever the family, the method or the status: nothing reaches
// the target, and the error names the status and the target's host only.
// 303 on a write means the server acted (ErrOutcomeUnknown: check before
// retrying); 301, 302, 307 and 308 mean it did not (a definite failure).
func TestRedirectIsATypedErrorAndNothingFollows(t *testing.T) {
	write := Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/create"}
	ops := []Operation{testLegacyOp, testConfOp, testEventOp, testUMOp, write, opTokenCreate}
	for _, status := range []int{301, 302, 303, 307, 308} {
		for _, op := range ops {
			api := newTestAPI(t)
			if op.SignedHeaders {
				api = newMintingTestAPI(t)
			}
			var followed atomic.Int32
			api.mock.RegisterRegexpResponder(http.MethodGet, regexpAny, countingResponder(&followed))
			api.mock.RegisterRegexpResponder(http.MethodPost, regexpAny, countingResponder(&followed))
			rec := api.respond(op, status, "")
			api.mock.RegisterResponder(op.Method, urlFor(op.Family, op.Path), func(req *http.Request) (*http.Response, error) {
				rec.add(req)
				resp := httpmock.NewStringResponse(status, "moved")
				resp.Header.Set("Location", "https://evil.example:8443/steal/path?token=abc#frag")
				return resp, nil
			})
			err := api.client.Do(context.Background(), op, nil, nil)
			require.Error(t, err, "%d %s", status, op)
			require.ErrorIs(t, err, ErrRedirected, "%d %s", status, op)
			assert.Zero(t, followed.Load(), "nothing is sent to the redirect's target (%d %s)", status, op)
			assert.Equal(t, 1, rec.count(), "a redirect is not retried (%d %s)", status, op)
			msg := err.Error()
			assert.Contains(t, msg, "evil.example")
			assert.Contains(t, msg, "HTTP "+itoa(status))
			assert.NotContains(t, msg, "/steal")
			assert.NotContains(t, msg, "abc")
			assert.Equal(t, status == 303 && !op.Idempotent, isOutcomeUnknown(err), "%d %s: %v", status, op, err)
		}
	}
}

// TestRedirectIsRefusedOnTheDefaultTransportToo drives a real server that
// redirects a create (307, which would resend the body) and a read (302) to
// another host: the target never sees a request.
func TestRedirectIsRefusedOnTheDefaultTransportToo(t *testing.T) {
	var hits atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{"status":0,"result":{}}`))
	}))
	defer target.Close()
	var origin atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin.Add(1)
		code := http.StatusTemporaryRedirect
		if strings.HasSuffix(r.URL.Path, "getStatus") {
			code = http.StatusFound
		}
		http.Redirect(w, r, target.URL+"/collect?x=1", code)
	}))
	defer srv.Close()
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL))
	require.NoError(t, err)
	create := Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/create"}
	for _, op := range []Operation{create, testConfOp} {
		err = c.Do(context.Background(), op, map[string]string{"title": "t"}, nil)
		require.ErrorIs(t, err, ErrRedirected)
		assert.False(t, isOutcomeUnknown(err), "%s: %v", op, err)
		assert.Contains(t, err.Error(), strings.TrimPrefix(target.URL, "http://"))
	}
	assert.Zero(t, hits.Load(), "the redirect's target got a request")
	assert.EqualValues(t, 2, origin.Load())
}

// TestCallerHTTPClientRedirectPolicyIsOverriddenOnTheCopy: a caller's
// client that follows redirects is copied; the copy refuses them and the
// caller's own client keeps its policy.
func TestCallerHTTPClientRedirectPolicyIsOverriddenOnTheCopy(t *testing.T) {
	mock := httpmock.NewMockTransport()
	var followed atomic.Int32
	mock.RegisterRegexpResponder(http.MethodPost, regexpAny, countingResponder(&followed))
	mock.RegisterResponder(http.MethodPost, testBaseURL+testConfOp.Path, func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusPermanentRedirect, "")
		resp.Header.Set("Location", "https://other.example/x")
		return resp, nil
	})
	policy := func(*http.Request, []*http.Request) error { return nil }
	mine := &http.Client{Transport: mock, CheckRedirect: policy}
	c, err := NewClient(WithHTTPClient(mine), WithToken(testToken), WithBaseURL(testBaseURL))
	require.NoError(t, err)
	err = c.Do(context.Background(), testConfOp, nil, nil)
	require.ErrorIs(t, err, ErrRedirected)
	assert.Zero(t, followed.Load())
	assert.NotNil(t, mine.CheckRedirect, "the caller's client is not modified")
}
