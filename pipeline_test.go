package quanshi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	testLegacyOp = Operation{Family: FamilyConference, Method: http.MethodPost, Path: "/conference/conference/getConfStatus", Idempotent: true}
	testConfOp   = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/getStatus", Idempotent: true}
	testEventOp  = Operation{Family: FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/event/info", Idempotent: true}
	testUMOp     = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/get", Idempotent: true}
)

type probeRequest struct {
	ConferenceID string `json:"conferenceId"`
	Count        int    `json:"count,omitzero"`
}

type probeResult struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// familyCase is one family's wire contract: where credentials go and what its
// envelopes look like.
type familyCase struct {
	name        string
	op          Operation
	wantBody    string // exact body sent for probeRequest{ConferenceID: "239139091"}
	wantType    string
	tokenHeader bool
	success     string
	failure     string // a business failure with code 50709, message and request id
	requestID   string
}

var familyCases = []familyCase{
	{
		name: "conference", op: testLegacyOp,
		wantBody:    `{"appId":6,"conferenceId":"239139091"}`,
		wantType:    "application/json; charset=utf-8",
		tokenHeader: true,
		success:     `{"status":0,"result":{"name":"会议","count":"3"},"msg":"conferenceserver-1","request_id":"rid-ok"}`,
		failure:     `{"status":50709,"result":null,"msg":"conference not exist","request_id":"rid-legacy"}`,
		requestID:   "rid-legacy",
	},
	{
		name: "confopenapi", op: testConfOp,
		wantBody:    `{"token":"` + testToken + `","conferenceId":"239139091"}`,
		wantType:    "application/json; charset=utf-8",
		tokenHeader: true,
		success:     `{"status":"0","result":{"name":"会议","count":3},"request_id":"rid-ok","timestamp":1599549813881,"request_duration":"6ms"}`,
		failure:     `{"status":50709,"result":{},"msg":"conference not exist","reqid":"rid-conf","timestamp":1599549813881,"request_duration":"6.2ms"}`,
		requestID:   "rid-conf",
	},
	{
		name: "eventopenapi", op: testEventOp,
		wantBody:  `{"token":"` + testToken + `","conferenceId":"239139091"}`,
		wantType:  "application/json; charset=utf-8",
		success:   `{"timeStamp":1729056919655,"code":200,"msg":"ok","data":{"name":"会议","count":3},"requestId":""}`,
		failure:   `{"timeStamp":1729056919655,"code":50709,"msg":"conference not exist","data":null,"requestId":"rid-event"}`,
		requestID: "rid-event",
	},
	{
		name: "umeeting", op: testUMOp,
		wantBody:  "api_key=" + testUMeetingKey + "&api_secret=" + testUMeetingSecret + "&conferenceId=239139091",
		wantType:  "application/x-www-form-urlencoded",
		success:   `{"status":200,"message":"OK","data":{"name":"会议","count":"3"}}`,
		failure:   `{"status":50709,"message":"conference not exist","data":null,"requestId":"rid-um"}`,
		requestID: "rid-um",
	},
}

func TestFamilyCredentialsAndSuccessEnvelope(t *testing.T) {
	for _, fc := range familyCases {
		t.Run(fc.name, func(t *testing.T) {
			api := newTestAPI(t)
			rec := api.respond(fc.op, http.StatusOK, fc.success)

			var out probeResult
			err := api.client.call(context.Background(), fc.op, probeRequest{ConferenceID: "239139091"}, &out)
			require.NoError(t, err)
			assert.Equal(t, probeResult{Name: "会议", Count: 3}, out)

			got := rec.last(t)
			assert.Equal(t, fc.wantBody, got.Body)
			assert.Equal(t, fc.wantType, got.Header.Get("Content-Type"))
			assert.Equal(t, "quanshi-go/"+Version, got.Header.Get("User-Agent"))
			if fc.tokenHeader {
				assert.Equal(t, testToken, got.Header.Get("token"))
			} else {
				assert.Empty(t, got.Header.Values("token"))
			}
		})
	}
}

func TestFamilyBusinessFailureSameInAnyHTTPStatus(t *testing.T) {
	for _, fc := range familyCases {
		for _, status := range []int{http.StatusOK, http.StatusBadRequest, http.StatusInternalServerError} {
			t.Run(fc.name+"/"+http.StatusText(status), func(t *testing.T) {
				api := newTestAPI(t)
				api.respond(fc.op, status, fc.failure)

				var out probeResult
				err := api.client.call(context.Background(), fc.op, probeRequest{ConferenceID: "1"}, &out)
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, status, apiErr.HTTPStatus)
				assert.Equal(t, 50709, apiErr.Code)
				assert.Equal(t, "conference not exist", apiErr.Message)
				assert.Equal(t, fc.requestID, apiErr.RequestID)
				assert.Equal(t, fc.op.String(), apiErr.Operation)
				if fc.op.Family == FamilyConfOpenAPI {
					assert.True(t, apiErr.ServerTime.Equal(time.UnixMilli(1599549813881)), "timestamp kept")
				}
				assert.ErrorIs(t, err, ErrConferenceNotFound)
				assert.NotErrorIs(t, err, ErrInvalidParameter)
				assert.NotErrorIs(t, err, ErrMalformedResponse)
				assert.Equal(t, probeResult{}, out, "nothing decoded on failure")
				assert.NotContains(t, err.Error(), "\n")
			})
		}
	}
}

func TestLegacyFamilyWithoutTokenSendsOnlyBodyCredentials(t *testing.T) {
	mock := httpmock.NewMockTransport()
	c, err := NewClient(WithHTTPClient(&http.Client{Transport: mock}), WithBaseURL(testBaseURL), WithLegacyAppKey(testLegacyAppKey))
	require.NoError(t, err)
	api := &testAPI{t: t, mock: mock, client: c}
	rec := api.respond(testLegacyOp, http.StatusOK, `{"status":0,"result":null}`)

	require.NoError(t, c.call(context.Background(), testLegacyOp, probeRequest{ConferenceID: "9"}, nil))
	got := rec.last(t)
	assert.Empty(t, got.Header.Values("token"))
	assert.Equal(t, `{"appId":6,"appKey":"`+testLegacyAppKey+`","conferenceId":"9"}`, got.Body)
}

func TestLegacyGETNeedsAToken(t *testing.T) {
	mock := httpmock.NewMockTransport()
	c, err := NewClient(WithHTTPClient(&http.Client{Transport: mock}), WithBaseURL(testBaseURL), WithLegacyAppKey(testLegacyAppKey))
	require.NoError(t, err)
	op := Operation{Family: FamilyConference, Method: http.MethodGet, Path: "/conference/conference/cancelReservConference/{appId}"}
	err = c.call(context.Background(), op.withPath("6"), nil, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Reason, "GET request has no body")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestMissingCredentialsFailBeforeSending(t *testing.T) {
	mock := httpmock.NewMockTransport()
	umOnly, err := NewClient(WithHTTPClient(&http.Client{Transport: mock}), WithBaseURL(testBaseURL), WithUMeetingCredentials(testUMeetingKey, testUMeetingSecret))
	require.NoError(t, err)
	legacyOnly, err := NewClient(WithHTTPClient(&http.Client{Transport: mock}), WithUMeetingBaseURL(testUMeetingBaseURL), WithLegacyAppKey(testLegacyAppKey))
	require.NoError(t, err)
	for _, op := range []Operation{testLegacyOp, testConfOp, testEventOp, testUMOp, opTokenCreate} {
		c := umOnly
		if op.Family == FamilyUMeeting {
			c = legacyOnly
		}
		err := c.call(context.Background(), op, probeRequest{ConferenceID: "1"}, nil)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, op.String())
		assert.Equal(t, "credentials", ve.Field)
	}
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestSuccessEnvelopeVariants(t *testing.T) {
	cases := []struct {
		name string
		op   Operation
		body string
		want probeResult
	}{
		{"hybrid code/result on the openapi host", testConfOp, `{"timeStamp":1,"code":0,"msg":"ok","result":{"name":"r"},"requestId":"x"}`, probeResult{Name: "r"}},
		{"status as a string", testConfOp, `{"status":"0","result":{"count":"7"}}`, probeResult{Count: 7}},
		{"duplicate keys, last wins", testConfOp, `{"status":0,"result":{"name":"a","name":"b"}}`, probeResult{Name: "b"}},
		{"unknown members", testEventOp, `{"code":200,"data":{"name":"e","extra":{"deep":[1,2]}},"newField":true}`, probeResult{Name: "e"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			api := newTestAPI(t)
			api.respond(tc.op, http.StatusOK, tc.body)
			var out probeResult
			require.NoError(t, api.client.call(context.Background(), tc.op, nil, &out))
			assert.Equal(t, tc.want, out)
		})
	}
}

func TestUnreadableBodies(t *testing.T) {
	cases := []struct {
		name, body string
		status     int
		excerpt    string
	}{
		{"nginx 502 page", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", http.StatusBadGateway, "502 Bad Gateway"},
		{"html with 200", "<!DOCTYPE html><html>maintenance</html>", http.StatusOK, "maintenance"},
		{"empty body", "", http.StatusOK, "(empty)"},
		{"empty body 503", "", http.StatusServiceUnavailable, "(empty)"},
		{"truncated JSON", `{"status":0,"result":{"name":"会`, http.StatusOK, `{"status":0`},
		{"not an envelope", `{"hello":"world"}`, http.StatusOK, "hello"},
		{"JSON array", `[1,2,3]`, http.StatusOK, "[1,2,3]"},
		{"wrong payload shape", `{"status":0,"result":{"count":{"a":1}}}`, http.StatusOK, `{"count"`},
		{"wrong payload kind", `{"status":0,"result":"just a string"}`, http.StatusOK, `"result":"[masked]"`}, // string values are masked (PIPL)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			api := newTestAPI(t)
			api.respond(testConfOp, tc.status, tc.body)
			var out probeResult
			err := api.client.call(context.Background(), testConfOp, nil, &out)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.ErrorIs(t, err, ErrMalformedResponse)
			assert.Equal(t, tc.status, apiErr.HTTPStatus)
			assert.Contains(t, apiErr.Body, tc.excerpt)
			assert.LessOrEqual(t, len(apiErr.Body), excerptLen+len("…"))
		})
	}
}

func TestExcerptIsShortAndRedacted(t *testing.T) {
	api := newTestAPI(t)
	page := `<html>{"token":"` + testToken + `"} ` + strings.Repeat("x", 5000) + `</html>`
	api.respond(testConfOp, http.StatusBadGateway, page)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Less(t, len(apiErr.Body), 200)
	assertNoSecret(t, err.Error())
	assert.Contains(t, apiErr.Body, redacted)
}

func TestOversizeBody(t *testing.T) {
	api := newTestAPI(t, WithMaxResponseBytes(4096))
	big := `{"status":0,"result":{"name":"` + strings.Repeat("a", 5000) + `"}}`
	api.respond(testConfOp, http.StatusOK, big)
	err := api.client.call(context.Background(), testConfOp, nil, &probeResult{})
	assert.ErrorIs(t, err, ErrResponseTooLarge)
	assert.Contains(t, err.Error(), "4096 bytes")

	api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{"name":"`+strings.Repeat("a", 4000)+`"}}`)
	assert.NoError(t, api.client.call(context.Background(), testConfOp, nil, &probeResult{}), "a body under the limit passes")
}

func TestContextCancellationAndDeadline(t *testing.T) {
	api := newTestAPI(t)
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConfOpenAPI, testConfOp.Path), func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done()
		return nil, req.Context().Err()
	})

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := api.client.call(ctx, testConfOp, nil, nil)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, testConfOp.String(), te.Operation)

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	err = api.client.call(ctx, testConfOp, nil, nil)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestTransportErrorKeepsCause(t *testing.T) {
	api := newTestAPI(t)
	cause := errors.New("connection reset by peer")
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConfOpenAPI, testConfOp.Path), httpmock.NewErrorResponder(cause))
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, cause)
}

func TestHTTPAuthFailures(t *testing.T) {
	for _, status := range []int{http.StatusUnauthorized, http.StatusForbidden} {
		api := newTestAPI(t)
		api.respond(testConfOp, status, `<html>denied</html>`)
		err := api.client.call(context.Background(), testConfOp, nil, nil)
		assert.ErrorIs(t, err, ErrTokenInvalid, "a token request answered %d", status)
		assert.ErrorIs(t, err, ErrUnauthorized)

		api.respond(testUMOp, status, `{"status":401,"message":"bad api_key"}`)
		err = api.client.call(context.Background(), testUMOp, nil, nil)
		assert.ErrorIs(t, err, ErrUnauthorized, "umeeting carries no token")
		assert.NotErrorIs(t, err, ErrTokenInvalid)
	}
}

func TestRequestEncodingErrorIsValidation(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0}`)
	err := api.client.call(context.Background(), testConfOp, probeRequest{ConferenceID: "bad\xffutf8"}, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "conferenceId", ve.Field)
	assert.Zero(t, rec.count())

	err = api.client.call(context.Background(), testConfOp, []int{1}, nil)
	require.ErrorAs(t, err, &ve)
	assert.Zero(t, rec.count())
}

func TestOversizeRequestIsRefused(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0}`)
	err := api.client.call(context.Background(), testConfOp, probeRequest{ConferenceID: strings.Repeat("x", maxRequestBytes)}, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, err.Error(), "limit")
	assert.Zero(t, rec.count())
}

func TestDeeplyNestedResponseIsRejected(t *testing.T) {
	api := newTestAPI(t)
	deep := `{"status":0,"result":{"name":"x","extra":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`
	api.respond(testConfOp, http.StatusOK, deep)
	err := api.client.call(context.Background(), testConfOp, nil, &probeResult{})
	assert.ErrorIs(t, err, ErrMalformedResponse)
	assert.Contains(t, err.Error(), "exceeded max depth")
}

func TestFieldPathFromJSONPointer(t *testing.T) {
	assert.Equal(t, "inviteeList[2].email", fieldPath("/inviteeList/2/email"))
	assert.Equal(t, "title", fieldPath("/title"))
	assert.Equal(t, "", fieldPath(""))
}

func TestGETHasNoBodyAndPathSegmentsAreEscaped(t *testing.T) {
	api := newTestAPI(t)
	op := Operation{Family: FamilyConference, Method: http.MethodGet, Path: "/conference/x/{a}/{b}/{c}/{d}"}
	filled := op.withPath("6", "", "a@b.com", "http://cb.example/x?y=1")
	assert.Equal(t, "/conference/x/6//a%40b.com/http%3A%2F%2Fcb.example%2Fx%3Fy%3D1", filled.requestPath())
	assert.Equal(t, op.String(), filled.String(), "errors and logs name the template, not the caller's values")

	var got *http.Request
	api.mock.RegisterResponder(http.MethodGet, `=~^https://openapi\.test/prefix/conference/x/`, func(req *http.Request) (*http.Response, error) {
		got = req
		return httpmock.NewStringResponse(http.StatusOK, `{"status":0,"result":true}`), nil
	})
	var ok bool
	require.NoError(t, api.client.call(context.Background(), filled, nil, &ok))
	require.NotNil(t, got)
	assert.True(t, ok)
	assert.Equal(t, "/prefix/conference/x/6//a%40b.com/http%3A%2F%2Fcb.example%2Fx%3Fy%3D1", got.URL.EscapedPath())
	if got.Body != nil { // an empty, non-rewindable body keeps net/http from resending the write
		b, _ := io.ReadAll(got.Body)
		assert.Empty(t, b)
	}
	assert.Zero(t, got.ContentLength)
	assert.Equal(t, testToken, got.Header.Get("token"))

	err := api.client.call(context.Background(), filled, probeRequest{}, nil)
	var ve *ValidationError
	assert.ErrorAs(t, err, &ve)
}

func TestDoValidatesTheOperation(t *testing.T) {
	api := newTestAPI(t)
	bad := []Operation{
		{Family: 99, Method: http.MethodPost, Path: "/x"},
		{Family: FamilyConfOpenAPI, Method: http.MethodDelete, Path: "/x"},
		{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "x"},
		{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/x?token=1"},
	}
	for _, op := range bad {
		var ve *ValidationError
		assert.ErrorAs(t, api.client.Do(context.Background(), op, nil, nil), &ve, op.String())
	}
	var nilCtx context.Context
	var ve *ValidationError
	assert.ErrorAs(t, api.client.Do(nilCtx, testConfOp, nil, nil), &ve)
	assert.Zero(t, api.mock.GetTotalCallCount())
}

func TestDoCallsAnUnwrappedEndpoint(t *testing.T) {
	api := newTestAPI(t)
	op := Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/template/list", Idempotent: true}
	rec := api.respond(op, http.StatusOK, `{"status":20713,"msg":"template not exist","request_id":"r-20713"}`)
	err := api.client.Do(context.Background(), op, map[string]any{"userId": 81299515}, nil)
	assert.ErrorIs(t, err, ErrTemplateNotFound)
	assert.Equal(t, `{"token":"`+testToken+`","userId":81299515}`, rec.last(t).Body)
}

func TestLoggerGetsOneRedactedLinePerCall(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	api := newTestAPI(t, WithLogger(logger))
	api.respond(testConfOp, http.StatusOK, `{"status":50103,"msg":"bad token `+testToken+`","request_id":"rid-log"}`)
	err := api.client.call(context.Background(), testConfOp, probeRequest{ConferenceID: "1"}, nil)
	require.ErrorIs(t, err, ErrInvalidParameter)
	out := buf.String()
	assert.Equal(t, 1, strings.Count(out, "quanshi call"))
	assert.Contains(t, out, "code=50103")
	assert.Contains(t, out, "request_id=rid-log")
	assertNoSecret(t, out)
	assertNoSecret(t, err.Error())
}
