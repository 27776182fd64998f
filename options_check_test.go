package quanshi

import (
	"context"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRateLimitOptionRefusesNonsense: NaN, infinite, zero or negative rates
// and bursts below 1 are refused where they are given.
func TestRateLimitOptionRefusesNonsense(t *testing.T) {
	for _, c := range []struct {
		rate  float64
		burst int
	}{{math.NaN(), 1}, {math.Inf(1), 1}, {math.Inf(-1), 1}, {-1, 1}, {0, 1}, {1, 0}, {1, -1}} {
		_, err := NewClient(WithToken(testToken), WithRateLimit(c.rate, c.burst))
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "%v/%d", c.rate, c.burst)
		assert.Equal(t, "WithRateLimit", ve.Field)
	}
	_, err := NewClient(WithToken(testToken), WithRateLimit(0.5, 1))
	require.NoError(t, err)
}

// TestNewClientWithoutAnyCredentialsIsAnError: a client that could call no
// endpoint at all is refused at construction, not at its first call.
func TestNewClientWithoutAnyCredentialsIsAnError(t *testing.T) {
	_, err := NewClient()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "credentials", ve.Field)
	_, err = NewClient(WithBaseURL("https://sandbox.example"))
	require.ErrorAs(t, err, &ve)
	for _, opt := range []Option{WithToken(testToken), WithAppCredentials(testAppKey, testAppSecret, testAdminUserID),
		WithLegacyAppKey(testLegacyAppKey), WithUMeetingCredentials(testUMeetingKey, testUMeetingSecret)} {
		_, err := NewClient(opt)
		require.NoError(t, err)
	}
}

// TestValuesTheServerCannotMeanAreRefused: whatever the endpoint (here
// through Do, which every service method shares), a negative id, a number
// too large for the API's integers and a year outside 1970–9999 are refused
// before sending, naming the field and not the value.
func TestValuesTheServerCannotMeanAreRefused(t *testing.T) {
	bad := map[string]any{
		"length":                map[string]any{"length": math.MaxInt},
		"userId":                map[string]any{"userId": -1},
		"inviteeList[1].userId": map[string]any{"inviteeList": []any{map[string]any{"userId": 1}, map[string]any{"userId": -7}}},
		"userIds[0]":            map[string]any{"userIds": []int64{-3}},
		"count":                 map[string]any{"count": int64(math.MaxInt32) + 1},
		"startTime": struct {
			T wallClock `json:"startTime"`
		}{wallClock(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))},
		"endDate": struct {
			T dateOnly `json:"endDate"`
		}{dateOnly(time.Date(1969, 12, 31, 0, 0, 0, 0, Beijing))},
		"startTimeUnix": struct {
			T unixSeconds `json:"startTimeUnix"`
		}{unixSeconds(time.Date(1, 2, 3, 0, 0, 0, 0, time.UTC))},
	}
	for _, op := range []Operation{testLegacyOp, testConfOp, testEventOp, testUMOp} {
		for field, req := range bad {
			api := newTestAPI(t)
			rec := api.respond(op, http.StatusOK, okBody)
			err := api.client.Do(context.Background(), op, req, nil)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, "%s %s", op, field)
			assert.Equal(t, field, ve.Field, "%s: %v", op, err)
			assert.NotContains(t, err.Error(), "2147483648")
			assert.NotContains(t, err.Error(), "9223372036854775807")
			assert.Zero(t, rec.count(), "nothing sent")
		}
	}
	good := []any{
		map[string]any{"userId": int64(math.MaxInt64), "conferenceId": "239139091", "length": 120, "offset": -1},
		map[string]any{"startTimeUnix": int64(1599480000000), "beginTime": int64(1599480000)},
		struct {
			T wallClock `json:"startTime"`
		}{wallClock(time.Date(2026, 12, 1, 9, 0, 0, 0, Beijing))},
	}
	for _, req := range good {
		api := newTestAPI(t)
		api.respond(testConfOp, http.StatusOK, okBody)
		require.NoError(t, api.client.Do(context.Background(), testConfOp, req, nil), "%v", req)
	}
}

// TestRateLimitWaitLongerThanTheDeadlineFailsAtOnce: as RELIABILITY.md
// says, a call whose turn would come after its deadline fails at once with
// context.DeadlineExceeded, unsent and not ErrOutcomeUnknown; a call whose
// turn comes before its deadline waits for it.
func TestRateLimitWaitLongerThanTheDeadlineFailsAtOnce(t *testing.T) {
	api := newTestAPI(t, WithRateLimit(0.5, 1))
	calls := api.sequence(testConfOp, status(http.StatusOK, okBody))
	require.NoError(t, api.client.Do(context.Background(), testConfOp, nil, nil))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	err := api.client.Do(ctx, testWriteOp, nil, nil)
	assert.Less(t, time.Since(start), 100*time.Millisecond, "refused at once, not at the deadline")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 1, calls.Load())

	fast := newTestAPI(t, WithRateLimit(20, 1))
	fast.respond(testConfOp, http.StatusOK, okBody)
	require.NoError(t, fast.client.Do(context.Background(), testConfOp, nil, nil))
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
	defer cancel2()
	start = time.Now()
	require.NoError(t, fast.client.Do(ctx2, testConfOp, nil, nil), "a turn within the deadline is waited for")
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
}
