package quanshi

import (
	"io"
	"math"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocated returns how many bytes f allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLyingContentLengthDoesNotDriveAllocation: a 12-byte body declaring
// 16 MiB (or 256 MiB under a raised limit) costs what arrives, not what the
// header claims.
func TestLyingContentLengthDoesNotDriveAllocation(t *testing.T) {
	for _, c := range []struct{ declared, limit int64 }{
		{16 << 20, defaultMaxResponseBytes},
		{256 << 20, maxResponseLimit},
	} {
		resp := &http.Response{ContentLength: c.declared, Body: io.NopCloser(strings.NewReader(`{"status":0}`))}
		var body []byte
		var err error
		var rb bodyReader
		n := allocated(func() { body, err = rb.read(resp, c.limit) })
		require.NoError(t, err)
		assert.Equal(t, `{"status":0}`, string(body))
		assert.Less(t, n, uint64(1<<20), "declared %d bytes, allocated %d", c.declared, n)
	}
}

// TestPooledBodyBufferKeepsNothingDecoded: the response buffer is reused by
// the next call, so a decoded result (strings, raw values) and an error
// must not be views into it.
func TestPooledBodyBufferKeepsNothingDecoded(t *testing.T) {
	api := newTestAPI(t)
	api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{"name":"first-name-value"}}`)
	var first probeResult
	require.NoError(t, api.client.Do(t.Context(), testConfOp, nil, &first))
	api.respond(testConfOp, http.StatusOK, `{"status":7,"msg":"second message","result":{"name":"XXXXXXXXXXXXXXXX"}}`)
	err := api.client.Do(t.Context(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{"name":"YYYYYYYYYYYYYYYY"},"msg":"ZZZZZZZZZZZZZZ"}`)
	require.NoError(t, api.client.Do(t.Context(), testConfOp, nil, &probeResult{}))
	assert.Equal(t, "first-name-value", first.Name)
	assert.Equal(t, "second message", apiErr.Message)
	assert.JSONEq(t, `{"name":"XXXXXXXXXXXXXXXX"}`, string(apiErr.Result))
}

// TestMaxResponseBytesRange: the limit is refused outside [1 KiB, 1 GiB],
// so that limit+1 can never overflow and a lying header can never ask for
// more than the process can hold.
func TestMaxResponseBytesRange(t *testing.T) {
	for _, n := range []int64{math.MaxInt64, math.MaxInt64 - 1, maxResponseLimit + 1, 1023, 0, -1} {
		_, err := NewClient(WithToken(testToken), WithMaxResponseBytes(n))
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, "limit %d", n)
		assert.Equal(t, "WithMaxResponseBytes", ve.Field)
	}
	for _, n := range []int64{1024, defaultMaxResponseBytes, maxResponseLimit} {
		_, err := NewClient(WithToken(testToken), WithMaxResponseBytes(n))
		require.NoError(t, err, "limit %d", n)
	}
	// The largest limit works end to end.
	api := newTestAPI(t, WithMaxResponseBytes(maxResponseLimit))
	api.respond(testConfOp, http.StatusOK, `{"status":0,"result":{"name":"x"}}`)
	var out probeResult
	require.NoError(t, api.client.Do(t.Context(), testConfOp, nil, &out))
	assert.Equal(t, "x", out.Name)
}
