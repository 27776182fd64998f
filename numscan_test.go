package quanshi

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNumbersPassAgreesWithTheDecoder: the fast pass accepts exactly the
// bodies the decoder-based check accepts.
func TestNumbersPassAgreesWithTheDecoder(t *testing.T) {
	for _, v := range []any{
		map[string]any{"length": 60, "startTime": 1729057818000, "hostId": 88589613},
		map[string]any{"length": int64(1) << 40},
		map[string]any{"userIds": []int64{1, -2}},
		map[string]any{"userIds": []int64{1, 2}, "n": -5},
		map[string]any{"inviteeList": []any{map[string]any{"userId": -1}}},
		map[string]any{"inviteeList": []any{map[string]any{"count": 1 << 40, "endDate": 1 << 40}}},
		map[string]any{"outer": map[string]any{"inner": []any{[]any{1 << 40}}}},
		map[string]any{"outer": map[string]any{"id": -1.5}},
		map[string]any{"a\"Time": 1 << 40, "b": "x:-1,\"id\":-1"},
		map[string]any{"rate": 0.5, "big": 2147483647, "bigger": 2147483648},
		map[string]any{"nested": map[string]any{"deep": map[string]any{"id": 12345678901}}},
		[]any{1 << 40, -1},
		map[string]any{"ID": -3, "x_id": -3, "TIME": 1 << 40, "upDate": 1 << 40},
	} {
		body, err := encodeJSON(v)
		require.NoError(t, err)
		want, got := numberError(testConfOp, body) == nil, numbersPass(body)
		if got {
			assert.True(t, want, "the fast pass let through %s", body)
		}
		if !bytes.Contains(body, []byte(`\`)) { // an escaped name sends it to the decoder
			assert.Equal(t, want, got, "%s", body)
		}
	}
}
