package quanshi

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Test hosts carry a path prefix so that a request built from an absolute
// path instead of the base URL misses its responder.
const (
	testBaseURL            = "https://openapi.test/prefix"
	testConfOpenAPIBaseURL = "https://confopenapi.test/prefix"
	testEventBaseURL       = "https://events.test/prefix"
	testUMeetingBaseURL    = "https://umeeting.test/prefix"

	testToken          = "tok-5d41c4ac806c6440eb6aa8e0"
	testLegacyAppKey   = "legacy-appkey-7f3e"
	testAppKey         = "app-key-0a1b2c"
	testAppSecret      = "app-secret-9z8y7x"
	testAdminUserID    = int64(19533553)
	testUMeetingKey    = "um-key-4455"
	testUMeetingSecret = "um-secret-6677"
)

// fastRetries keeps the default retry count but waits milliseconds, so that
// tests of retried failures stay fast.
var fastRetries = RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}

// testAPI is one client wired to its own httpmock transport (never the
// global one), so tests can run in parallel.
type testAPI struct {
	t      *testing.T
	mock   *httpmock.MockTransport
	client *Client
}

// newTestAPI builds a client with a static token, a legacy appKey and
// umeeting credentials, pointed at the test hosts; opts are applied last.
func newTestAPI(t *testing.T, opts ...Option) *testAPI {
	t.Helper()
	mock := httpmock.NewMockTransport()
	base := []Option{
		WithHTTPClient(&http.Client{Transport: mock}),
		WithBaseURL(testBaseURL),
		WithEventBaseURL(testEventBaseURL),
		WithConfOpenAPIBaseURL(testConfOpenAPIBaseURL),
		WithUMeetingBaseURL(testUMeetingBaseURL),
		WithToken(testToken),
		WithLegacyAppKey(testLegacyAppKey),
		WithUMeetingCredentials(testUMeetingKey, testUMeetingSecret),
		WithRetryPolicy(fastRetries),
	}
	c, err := NewClient(append(base, opts...)...)
	require.NoError(t, err)
	return &testAPI{t: t, mock: mock, client: c}
}

// newMintingTestAPI builds a client that mints its tokens.
func newMintingTestAPI(t *testing.T, opts ...Option) *testAPI {
	t.Helper()
	return newSigningTestAPI(t, WithAppCredentials(testAppKey, testAppSecret, testAdminUserID), opts...)
}

// newSigningTestAPI builds a client with the app credentials creds (it
// signs and mints), pointed at the test hosts; opts are applied last.
func newSigningTestAPI(t *testing.T, creds Option, opts ...Option) *testAPI {
	t.Helper()
	mock := httpmock.NewMockTransport()
	base := []Option{
		WithHTTPClient(&http.Client{Transport: mock}),
		WithBaseURL(testBaseURL),
		WithEventBaseURL(testEventBaseURL),
		WithConfOpenAPIBaseURL(testConfOpenAPIBaseURL),
		creds,
		WithRetryPolicy(fastRetries),
	}
	c, err := NewClient(append(base, opts...)...)
	require.NoError(t, err)
	return &testAPI{t: t, mock: mock, client: c}
}

// recorded is what a responder saw.
type recorded struct {
	mu       sync.Mutex
	requests []capturedRequest
}

// capturedRequest is one request as it went on the wire.
type capturedRequest struct {
	Method string
	URL    string
	Header http.Header
	Body   string
}

func (r *recorded) add(req *http.Request) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests = append(r.requests, capturedRequest{
		Method: req.Method, URL: req.URL.String(), Header: req.Header.Clone(), Body: string(body),
	})
}

// count returns how many requests arrived.
func (r *recorded) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.requests)
}

// last returns the latest request; it fails the test if there was none.
func (r *recorded) last(t *testing.T) capturedRequest {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	require.NotEmpty(t, r.requests, "no request reached the server")
	return r.requests[len(r.requests)-1]
}

// urlFor returns the full URL of a path on the family's test host.
func urlFor(f Family, path string) string {
	switch f {
	case FamilyEvent:
		return testEventBaseURL + path
	case FamilyUMeeting:
		return testUMeetingBaseURL + path
	default:
		return testBaseURL + path
	}
}

// respond answers every request to the operation's path with status and
// body, and records the requests.
func (a *testAPI) respond(op Operation, status int, body string) *recorded {
	return a.respondURL(op.Method, opURL(op, op.Path), status, body)
}

// opURL is the test URL of op's concrete path, on the host op goes to.
func opURL(op Operation, path string) string {
	if op.confOpenAPIHost {
		return testConfOpenAPIBaseURL + path
	}
	return urlFor(op.Family, path)
}

// respondPath is respond for a concrete path (operations with placeholders).
func (a *testAPI) respondPath(f Family, method, path string, status int, body string) *recorded {
	return a.respondURL(method, urlFor(f, path), status, body)
}

// respondURL is respond for a full URL.
func (a *testAPI) respondURL(method, url string, status int, body string) *recorded {
	rec := &recorded{}
	a.mock.RegisterResponder(method, url, func(req *http.Request) (*http.Response, error) {
		rec.add(req)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json;charset=UTF-8")
		return resp, nil
	})
	return rec
}

// respondFixture answers with testdata/<name>.
func (a *testAPI) respondFixture(op Operation, name string) *recorded {
	return a.respond(op, http.StatusOK, fixture(a.t, name))
}

// fixture reads testdata/<name>.
func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
	require.NoError(t, err)
	return string(data)
}

// assertNoSecret fails if s contains any of the test credentials.
func assertNoSecret(t *testing.T, s string) {
	t.Helper()
	for _, secret := range []string{testToken, testLegacyAppKey, testAppKey, testAppSecret, testUMeetingKey, testUMeetingSecret} {
		require.False(t, strings.Contains(s, secret), "secret %q leaked into %q", secret, s)
	}
}

// businessFailure is a failure envelope of the operation's family with
// code 50103, message "invalid param" and request id "rid-err".
func businessFailure(f Family) string {
	switch f {
	case FamilyEvent:
		return `{"timeStamp":1729056919655,"code":50103,"msg":"invalid param","data":null,"requestId":"rid-err"}`
	case FamilyUMeeting:
		return `{"status":50103,"message":"invalid param","data":null,"requestId":"rid-err"}`
	default:
		return `{"status":50103,"result":null,"msg":"invalid param","request_id":"rid-err","timestamp":1599549813881}`
	}
}

// checkErrorPaths runs call three times: against a business failure in HTTP
// 200, the same failure in HTTP 500, and an nginx 502 HTML page; each must
// come back as the right *APIError. path is the concrete path the call sends
// to (op.Path for operations without placeholders).
func checkErrorPaths(t *testing.T, op Operation, path string, call func(c *Client) error) {
	t.Helper()
	checkErrorPathsOn(t, func(t *testing.T) *testAPI { return newTestAPI(t) }, op, path, call)
}

// checkErrorPathsOn is checkErrorPaths with clients built by newAPI, for
// endpoints that need other credentials than a static token.
func checkErrorPathsOn(t *testing.T, newAPI func(t *testing.T) *testAPI, op Operation, path string, call func(c *Client) error) {
	t.Helper()
	for _, status := range []int{http.StatusOK, http.StatusInternalServerError} {
		api := newAPI(t)
		api.respondURL(op.Method, opURL(op, path), status, businessFailure(op.Family))
		err := call(api.client)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr, "HTTP %d", status)
		require.ErrorIs(t, err, ErrInvalidParameter)
		require.Equal(t, 50103, apiErr.Code)
		require.Equal(t, "invalid param", apiErr.Message)
		require.Equal(t, "rid-err", apiErr.RequestID)
		require.Equal(t, status, apiErr.HTTPStatus)
		require.Equal(t, op.String(), apiErr.Operation)
	}
	api := newAPI(t)
	api.respondURL(op.Method, opURL(op, path), http.StatusBadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>")
	err := call(api.client)
	require.ErrorIs(t, err, ErrMalformedResponse)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadGateway, apiErr.HTTPStatus)
	require.Contains(t, apiErr.Body, "502 Bad Gateway")
}

// checkRejected asserts that call fails with a *ValidationError naming field
// and that nothing reached the server.
func checkRejected(t *testing.T, field string, call func(c *Client) error) {
	t.Helper()
	api := newTestAPI(t)
	err := call(api.client)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	require.Equal(t, field, ve.Field, "error: %v", err)
	require.Zero(t, api.mock.GetTotalCallCount(), "a rejected request must not be sent")
}

// checkNilAccepted asserts that a nil request (one with no required field)
// is sent as the empty request: the server answers result, in the family's
// success envelope, and the call succeeds. It returns what was sent.
func checkNilAccepted(t *testing.T, op Operation, result string, call func(c *Client) error) capturedRequest {
	t.Helper()
	api := newTestAPI(t)
	var body string
	switch op.Family {
	case FamilyEvent:
		body = `{"code":200,"msg":"ok","data":` + result + `}`
	case FamilyUMeeting:
		body = `{"status":200,"message":"OK","data":` + result + `}`
	default:
		body = `{"status":0,"result":` + result + `}`
	}
	rec := api.respond(op, http.StatusOK, body)
	require.NoError(t, call(api.client), "a nil request has no required field")
	require.Equal(t, 1, rec.count())
	return rec.last(t)
}

// encodeJSON encodes a request value as the pipeline does.
func encodeJSON(v any) ([]byte, error) { return wire.Marshal(v) }
