package quanshi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classSentinels are the classes of issue 14, in the order a caller checks
// them.
var classSentinels = map[string]error{
	"unknown":     ErrOutcomeUnknown,
	"rate":        ErrRateLimited,
	"temporary":   ErrTemporary,
	"credentials": ErrUnauthorized,
	"invalid":     ErrInvalidParameter,
	"notfound":    ErrNotFound,
}

// classesOf lists the classes err matches, sorted.
func classesOf(err error) []string {
	var out []string
	for name, sentinel := range classSentinels {
		if errors.Is(err, sentinel) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// classCase is one error the pipeline produces and the classes it must match.
type classCase struct {
	name    string
	op      Operation
	mint    bool                          // a client that mints its tokens
	respond func(*httpmock.MockTransport) // what the server does
	call    func(*Client) error           // default: c.call(op)
	want    []string
}

func answer(status int, body string, header ...string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(status, body)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		return r, nil
	}
}

func on(op Operation, r httpmock.Responder) func(*httpmock.MockTransport) {
	return func(m *httpmock.MockTransport) { m.RegisterResponder(op.Method, urlFor(op.Family, op.Path), r) }
}

func classCases() []classCase {
	refused := httpmock.NewErrorResponder(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")})
	reset := httpmock.NewErrorResponder(&net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")})
	html := `<html><body>502 Bad Gateway</body></html>`
	biz := func(code int) string { return `{"status":` + strconv.Itoa(code) + `,"msg":"m","request_id":"r"}` }
	nilReq := func(c *Client) error { _, err := c.Conference.Get(context.Background(), nil); return err }
	return []classCase{
		{name: "transport refused (read)", op: testConfOp, respond: on(testConfOp, refused), want: []string{"temporary"}},
		{name: "transport reset (write)", op: testWriteOp, respond: on(testWriteOp, reset), want: []string{"temporary", "unknown"}},
		{name: "HTTP 400 no envelope", op: testConfOp, respond: on(testConfOp, answer(400, html)), want: nil},
		{name: "HTTP 401", op: testConfOp, respond: on(testConfOp, answer(401, "")), want: []string{"credentials"}},
		{name: "HTTP 403 business", op: testConfOp, respond: on(testConfOp, answer(403, biz(403))), want: []string{"credentials"}},
		{name: "HTTP 404 page", op: testConfOp, respond: on(testConfOp, answer(404, html)), want: nil},
		{name: "HTTP 429", op: testConfOp, respond: on(testConfOp, answer(429, "", "Retry-After", "7")), want: []string{"rate", "temporary"}},
		{name: "HTTP 500 business 50103", op: testConfOp, respond: on(testConfOp, answer(500, biz(50103))), want: []string{"invalid"}},
		{name: "HTTP 502 page (read)", op: testConfOp, respond: on(testConfOp, answer(502, html)), want: []string{"temporary"}},
		{name: "HTTP 502 page (write)", op: testWriteOp, respond: on(testWriteOp, answer(502, html)), want: []string{"temporary", "unknown"}},
		{name: "HTTP 503", op: testConfOp, respond: on(testConfOp, answer(503, "")), want: []string{"temporary"}},
		{name: "HTTP 504 (write)", op: testWriteOp, respond: on(testWriteOp, answer(504, "")), want: []string{"temporary", "unknown"}},
		{name: "business 50103", op: testConfOp, respond: on(testConfOp, answer(200, biz(50103))), want: []string{"invalid"}},
		{name: "business 50709", op: testConfOp, respond: on(testConfOp, answer(200, biz(50709))), want: []string{"notfound"}},
		{name: "business 20713", op: testConfOp, respond: on(testConfOp, answer(200, biz(20713))), want: []string{"notfound"}},
		{name: "business token invalid", op: testConfOp, respond: on(testConfOp, answer(200, biz(401))), want: []string{"credentials"}},
		{name: "business other", op: testConfOp, respond: on(testConfOp, answer(200, biz(51101))), want: nil},
		{name: "malformed 200 (read)", op: testConfOp, respond: on(testConfOp, answer(200, `{"status":0,"res`)), want: []string{"temporary"}},
		{name: "malformed 200 (write)", op: testWriteOp, respond: on(testWriteOp, answer(200, html)), want: []string{"temporary", "unknown"}},
		{name: "redirect 302", op: testConfOp, respond: on(testConfOp, answer(302, "", "Location", "https://x.test/")), want: nil},
		{name: "redirect 303 (write)", op: testWriteOp, respond: on(testWriteOp, answer(303, "", "Location", "https://x.test/")), want: []string{"unknown"}},
		{name: "validation", op: testConfOp, call: nilReq, want: []string{"invalid"}},
		{name: "missing credentials", op: testUMOp, call: func(c *Client) error {
			bare, err := NewClient(WithToken(testToken))
			if err != nil {
				return err
			}
			return bare.call(context.Background(), testUMOp, nil, nil)
		}, want: []string{"credentials", "invalid"}},
		{name: "mint rejected", op: testConfOp, mint: true, respond: on(opTokenCreate, answer(200, `{"code":40003,"msg":"CheckSum mismatch"}`)), want: nil},
		{name: "mint 401", op: testConfOp, mint: true, respond: on(opTokenCreate, answer(401, "")), want: []string{"credentials"}},
		{name: "mint 503", op: testConfOp, mint: true, respond: on(opTokenCreate, answer(503, "")), want: []string{"temporary"}},
		{name: "mint refused", op: testConfOp, mint: true, respond: on(opTokenCreate, refused), want: []string{"temporary"}},
		{name: "mint malformed", op: testConfOp, mint: true, respond: on(opTokenCreate, answer(200, `{"code":200,"data":[1]}`)), want: []string{"temporary"}},
		{name: "cancelled", op: testConfOp, respond: on(testConfOp, slowResponder(5*time.Second)), call: func(c *Client) error {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(10*time.Millisecond, cancel) // cancelled while the request is in flight
			return c.call(ctx, testConfOp, nil, nil)
		}, want: nil},
	}
}

// TestErrorClassification runs every kind of error the pipeline produces and
// checks the exact set of classes it matches, and that it is one of the
// three documented types.
func TestErrorClassification(t *testing.T) {
	for _, tc := range classCases() {
		t.Run(tc.name, func(t *testing.T) {
			newAPI := newTestAPI
			if tc.mint {
				newAPI = newMintingTestAPI
			}
			api := newAPI(t, WithoutRetries())
			on(testConfOp, answer(200, `{"status":0}`))(api.mock) // unless the case set its own
			if tc.respond != nil {
				tc.respond(api.mock)
			}
			call := tc.call
			if call == nil {
				call = func(c *Client) error { return c.call(context.Background(), tc.op, nil, nil) }
			}
			err := call(api.client)
			require.Error(t, err)
			assert.Equal(t, tc.want, classesOf(err), "%v", err)
			var (
				apiErr *APIError
				valErr *ValidationError
				trErr  *TransportError
			)
			assert.True(t, errors.As(err, &apiErr) || errors.As(err, &valErr) || errors.As(err, &trErr), "untyped: %T", err)
		})
	}
}

// TestRateLimitedCarriesRetryAfter: the server's Retry-After reaches the
// error, uncapped, after the retries ran out.
func TestRateLimitedCarriesRetryAfter(t *testing.T) {
	api := newTestAPI(t, WithoutRetries())
	api.mock.RegisterResponder(testConfOp.Method, urlFor(testConfOp.Family, testConfOp.Path), answer(429, "", "Retry-After", "120"))
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Equal(t, 120*time.Second, apiErr.RetryAfter)
}

// TestTransientCodesAreTemporary: a business code named in the policy's
// TransientCodes is ErrTemporary; without it the same code is not.
func TestTransientCodesAreTemporary(t *testing.T) {
	for _, codes := range [][]int{nil, {51104}} {
		api := newTestAPI(t, WithRetryPolicy(RetryPolicy{MaxRetries: 1, MinWait: time.Millisecond, MaxWait: time.Millisecond, TransientCodes: codes}))
		api.respond(testConfOp, http.StatusOK, `{"status":51104,"msg":"busy"}`)
		err := api.client.call(context.Background(), testConfOp, nil, nil)
		assert.Equal(t, codes != nil, errors.Is(err, ErrTemporary), "codes %v", codes)
	}
}
