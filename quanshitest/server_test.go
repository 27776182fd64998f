package quanshitest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var opMint = quanshi.Operation{Family: quanshi.FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/token/create", Idempotent: true, SignedHeaders: true}

type minted struct {
	Token  string `json:"token"`
	Expire int64  `json:"expire"`
	UserID int64  `json:"userId"`
}

func newSandbox(t *testing.T, opts ...quanshitest.Option) (*quanshitest.Server, *quanshi.Client) {
	t.Helper()
	srv := quanshitest.New(opts...)
	t.Cleanup(srv.Close)
	c, err := srv.Client(quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond}))
	require.NoError(t, err)
	return srv, c
}

func TestMintVerifiesTheCheckSum(t *testing.T) {
	srv, c := newSandbox(t)
	var out minted
	require.NoError(t, c.Do(context.Background(), opMint, map[string]any{"userId": srv.AdminUserID}, &out))
	assert.Len(t, out.Token, 32)
	assert.EqualValues(t, 86400, out.Expire)
	assert.Equal(t, srv.AdminUserID, out.UserID)
	assert.Equal(t, 1, srv.Mints())

	wrong, err := quanshi.NewClient(quanshi.WithEventBaseURL(srv.EventsURL), quanshi.WithAppCredentials(srv.AppKey, "not-the-secret", srv.AdminUserID))
	require.NoError(t, err)
	err = wrong.Do(context.Background(), opMint, map[string]any{"userId": srv.AdminUserID}, &out)
	assert.ErrorIs(t, err, quanshi.ErrUnauthorized)
	assert.Contains(t, err.Error(), "CheckSum mismatch")
	assert.Equal(t, 1, srv.Mints())

	err = c.Do(context.Background(), opMint, map[string]any{"userId": 42}, &out)
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "only the admin's tokens")
}

func TestWrongHostIsNotFound(t *testing.T) {
	srv, _ := newSandbox(t)
	resp, err := http.Post(srv.OpenAPIURL+"/eventopenapi/token/create", "application/json", strings.NewReader(`{}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

func TestFaultsAndCounters(t *testing.T) {
	srv, c := newSandbox(t)
	ctx := context.Background()
	body := map[string]any{"userId": srv.AdminUserID}
	var out minted

	srv.Inject(quanshitest.Fault{Path: opMint.Path, BusinessCode: 50103, Message: "injected"})
	err := c.Do(ctx, opMint, body, &out)
	var apiErr *quanshi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 50103, apiErr.Code)
	assert.Equal(t, "injected", apiErr.Message)
	assert.NotEmpty(t, apiErr.RequestID)

	srv.Inject(quanshitest.Fault{HTML: true, HTTPStatus: http.StatusBadGateway, Times: 3})
	err = c.Do(ctx, opMint, body, &out)
	assert.ErrorIs(t, err, quanshi.ErrMalformedResponse, "3 HTML pages beat 2 retries")
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Body, "502 Bad Gateway")

	srv.Inject(quanshitest.Fault{HTTPStatus: http.StatusServiceUnavailable, Times: 2})
	require.NoError(t, c.Do(ctx, opMint, body, &out), "2 failures are retried away")

	srv.Inject(quanshitest.Fault{Truncate: true, Times: 3})
	assert.ErrorIs(t, c.Do(ctx, opMint, body, &out), quanshi.ErrMalformedResponse)
	srv.Inject(quanshitest.Fault{Truncate: true})
	require.NoError(t, c.Do(ctx, opMint, body, &out), "one truncated answer is retried away")

	srv.Inject(quanshitest.Fault{Drop: true, Times: 3})
	err = c.Do(ctx, opMint, body, &out)
	var te *quanshi.TransportError
	assert.ErrorAs(t, err, &te)

	assert.Equal(t, 1+3+3+3+2+3, srv.Calls(opMint.Path))
	assert.Equal(t, 2, srv.Handled(opMint.Path), "only the clean mints were carried out")
	assert.Equal(t, srv.Calls(opMint.Path), srv.TotalCalls())

	srv.ResetCounters()
	assert.Zero(t, srv.TotalCalls())
	assert.Zero(t, srv.Mints())
}

func TestLatencyBeyondTheClientsPatience(t *testing.T) {
	srv := quanshitest.New()
	c, err := srv.Client()
	require.NoError(t, err)
	srv.Inject(quanshitest.Fault{Latency: time.Second})
	short, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = c.Do(short, opMint, map[string]any{"userId": srv.AdminUserID}, &minted{})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	srv.Close() // waits for the slow call to finish on the server side
	assert.Less(t, time.Since(start), 900*time.Millisecond, "the server stops waiting when the client leaves")
	assert.Equal(t, 1, srv.Calls(opMint.Path))
	assert.Equal(t, 1, srv.Handled(opMint.Path), "a slow server still carries the call out")
}

func TestFaultAfterHandlingLosesOnlyTheAnswer(t *testing.T) {
	srv, c := newSandbox(t, quanshitest.WithTokenTTL(time.Hour))
	srv.Inject(quanshitest.Fault{Path: opMint.Path, Drop: true, AfterHandling: true})
	var out minted
	err := c.Do(context.Background(), opMint, map[string]any{"userId": srv.AdminUserID}, &out)
	require.NoError(t, err, "a read is retried")
	assert.Equal(t, 2, srv.Handled(opMint.Path), "the dropped mint was carried out")
	assert.EqualValues(t, 3600, out.Expire)
}

func TestClockAdvances(t *testing.T) {
	base := time.Date(2026, 11, 22, 9, 0, 0, 0, quanshi.Beijing)
	srv, _ := newSandbox(t, quanshitest.WithClock(func() time.Time { return base }))
	assert.True(t, srv.Now().Equal(base))
	srv.Advance(90 * time.Minute)
	assert.True(t, srv.Now().Equal(base.Add(90*time.Minute)))
}

func TestStartReportsAnUnusableAddress(t *testing.T) {
	srv, _ := newSandbox(t)
	_, err := quanshitest.Start(quanshitest.WithAddr(strings.TrimPrefix(srv.URL, "http://")))
	assert.Error(t, err, "the address is taken")
	assert.False(t, errors.Is(err, context.Canceled))
}
