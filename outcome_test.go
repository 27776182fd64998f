package quanshi

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFailedAnswerLeavesTheCallersResultUntouched: a payload that arrived
// with a success code later contradicted (a repeated status), misfit, or
// broke off never reaches the caller's value, zero or not.
func TestFailedAnswerLeavesTheCallersResultUntouched(t *testing.T) {
	bodies := []string{
		`{"status":0,"result":{"name":"failed","count":1},"status":50103}`,
		`{"status":0,"result":{"name":"failed","count":{"x":1}}}`,
		`{"status":0,"result":{"name":"failed","count":1},"msg":`,
	}
	for _, body := range bodies {
		for _, start := range []probeResult{{}, {Name: "keep", Count: 7}} {
			api := newTestAPI(t, WithoutRetries())
			api.respond(testConfOp, http.StatusOK, body)
			out := start
			err := api.client.Do(context.Background(), testConfOp, nil, &out)
			require.Error(t, err, body)
			assert.Equal(t, start, out, "the caller's value is untouched by %s", body)
		}
	}
}

// TestRetryStartsFromZeroAfterAContradictedSuccess: the payload of a failed
// attempt is not merged into the next one's.
func TestRetryStartsFromZeroAfterAContradictedSuccess(t *testing.T) {
	policy := fastRetries
	policy.TransientCodes = []int{10503}
	api := newTestAPI(t, WithRetryPolicy(policy))
	calls := api.sequence(testConfOp,
		status(http.StatusOK, `{"status":0,"result":{"name":"from the failed attempt","count":1},"status":10503}`),
		status(http.StatusOK, `{"status":0,"result":{"count":2}}`))
	var out probeResult
	require.NoError(t, api.client.Do(context.Background(), testConfOp, nil, &out))
	assert.Equal(t, probeResult{Count: 2}, out)
	assert.EqualValues(t, 2, calls.Load())
}

// TestSuccessReplacesANonZeroResult: a value the caller filled beforehand is
// replaced on success, not merged into.
func TestSuccessReplacesANonZeroResult(t *testing.T) {
	api := newTestAPI(t)
	api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{"count":2}}`)
	out := probeResult{Name: "old", Count: 7}
	require.NoError(t, api.client.Do(context.Background(), testConfOp, nil, &out))
	assert.Equal(t, probeResult{Count: 2}, out)
}
