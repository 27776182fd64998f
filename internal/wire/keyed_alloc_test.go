//go:build !race

package wire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMapsInAListShareOneScratchVariable counts allocations, which the race
// detector changes (sync.Pool drops values at random under it).
func TestMapsInAListShareOneScratchVariable(t *testing.T) {
	data := []byte(`[{"x":[1,2]},{"y":[3]},{"z":[4,5,6]}]`)
	decodeList := func() []map[string][]int64 {
		var out []map[string][]int64
		require.NoError(t, Decode(data, func(dec *Dec) error {
			return SliceValue(dec, &out, func(dec *Dec, m *map[string][]int64) error {
				return MapValue(dec, m, func(dec *Dec, l *[]int64) error { return SliceValue(dec, l, IntValue[int64]) })
			})
		}))
		return out
	}
	assert.Equal(t, []map[string][]int64{{"x": {1, 2}}, {"y": {3}}, {"z": {4, 5, 6}}}, decodeList())
	decodeList()     // warm the pooled decoder's spare values
	const perMap = 3 // the map, its table, the list in it
	got := testing.AllocsPerRun(50, func() { decodeList() })
	assert.LessOrEqual(t, got, float64(1+3*perMap), "the outer list, then the maps: no scratch variable per map")
}
