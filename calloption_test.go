package quanshi

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
)

var opTestStatusRead = Operation{Family: FamilyConference, Method: http.MethodPost, Path: "/conference/conference/getConfStatus", Idempotent: true}

func TestCaptureResponseOnSuccess(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opTestStatusRead, http.StatusOK,
		`{"status":0,"result":{"a":1},"msg":"ok","request_id":"rid-42","timestamp":1599549813881}`)
	var info ResponseInfo
	var out struct {
		A int `json:"a"`
	}
	require.NoError(t, api.client.Do(context.Background(), opTestStatusRead, nil, &out, CaptureResponse(&info)))
	require.Equal(t, 1, out.A)
	require.Equal(t, http.StatusOK, info.HTTPStatus)
	require.Equal(t, "rid-42", info.RequestID)
	require.Equal(t, "ok", info.Message)
	require.Equal(t, 0, info.Code)
	require.Equal(t, int64(1599549813881), info.ServerTime.UnixMilli())
	require.Equal(t, 1, info.Attempts)
	require.Positive(t, info.Duration)
}

func TestCaptureResponseOnFailureAndRetries(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opTestStatusRead, http.StatusServiceUnavailable,
		`{"status":50103,"msg":"busy `+testToken+`","request_id":"rid-`+testToken+`"}`)
	var info ResponseInfo
	err := api.client.Do(context.Background(), opTestStatusRead, nil, nil, CaptureResponse(&info))
	require.Error(t, err)
	require.Equal(t, http.StatusServiceUnavailable, info.HTTPStatus)
	require.Equal(t, 50103, info.Code)
	require.Equal(t, 3, info.Attempts, "the default policy of the test client retries twice")
	assertNoSecret(t, info.Message+info.RequestID)
}

func TestCallRetryPolicyOverrides(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(opTestStatusRead, http.StatusServiceUnavailable, `{"status":1}`)
	err := api.client.Do(context.Background(), opTestStatusRead, nil, nil, CallWithoutRetries())
	require.Error(t, err)
	require.Equal(t, 1, rec.count())

	api = newTestAPI(t, WithoutRetries())
	rec = api.respond(opTestStatusRead, http.StatusServiceUnavailable, `{"status":1}`)
	err = api.client.Do(context.Background(), opTestStatusRead, nil, nil,
		CallRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	require.Error(t, err)
	require.Equal(t, 4, rec.count())
}

func TestCallRetryPolicyNeverResendsAWrite(t *testing.T) {
	api := newTestAPI(t)
	write := Operation{Family: FamilyConference, Method: http.MethodPost, Path: "/conference/conference/reservConference2"}
	rec := api.respond(write, http.StatusBadGateway, `<html>bad gateway</html>`)
	err := api.client.Do(context.Background(), write, nil, nil,
		CallRetryPolicy(RetryPolicy{MaxRetries: 5, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	require.ErrorIs(t, err, ErrOutcomeUnknown)
	require.Equal(t, 1, rec.count())
}

func TestCallTimeoutBoundsTheCall(t *testing.T) {
	api := newTestAPI(t)
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConference, opTestStatusRead.Path),
		func(req *http.Request) (*http.Response, error) {
			select {
			case <-req.Context().Done():
				return nil, req.Context().Err()
			case <-time.After(5 * time.Second):
				return httpmock.NewStringResponse(http.StatusOK, `{"status":0}`), nil
			}
		})
	start := time.Now()
	err := api.client.Do(context.Background(), opTestStatusRead, nil, nil, CallTimeout(30*time.Millisecond))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Less(t, time.Since(start), 2*time.Second)
}

func TestNilCallOptionIsIgnored(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opTestStatusRead, http.StatusOK, `{"status":0}`)
	require.NoError(t, api.client.Do(context.Background(), opTestStatusRead, nil, nil, nil))
}

// Unused options cost nothing: settingsFrom allocates only when given some.
func TestNoCallOptionsAllocateNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		cs := settingsFrom(nil)
		_, cancel := cs.withTimeout(context.Background())
		cancel()
		if cs.capture() != nil || cs.retryPolicy(&Client{cfg: defaultConfig()}) == nil {
			panic(errors.New("unexpected settings"))
		}
	})
	require.Zero(t, allocs)
}
