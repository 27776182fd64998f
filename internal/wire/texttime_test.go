package wire

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeTextTime reads data (one JSON value) by TextTimeValue's rule.
func decodeTextTime(data string) (time.Time, error) {
	var v time.Time
	err := Decode([]byte(data), func(dec *Dec) error { return TextTimeValue(dec, &v) })
	return v, err
}

// A field the docs give as "yyyy-MM-dd HH:mm:ss" reads every formatted form,
// the zero forms and a YYYYMMDD date, and refuses a Unix number.
func TestTextTimeValue(t *testing.T) {
	wall := time.Date(2022, 1, 1, 15, 0, 0, 0, Beijing)
	for in, want := range map[string]time.Time{
		`"2022-01-01 15:00:00"`:       wall,
		`"2022-01-01T07:00:00Z"`:      wall,
		`"2022-01-01T15:00:00+08:00"`: wall,
		`"2022-1-1 15:00:00"`:         wall,
		`"2022-01-01"`:                time.Date(2022, 1, 1, 0, 0, 0, 0, Beijing),
		`"20170819"`:                  time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing),
		`20170819`:                    time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing),
		`"0"`:                         {},
		`0`:                           {},
		`""`:                          {},
		`null`:                        {},
		`"0000-00-00 00:00:00"`:       {},
	} {
		got, err := decodeTextTime(in)
		require.NoError(t, err, in)
		assert.True(t, want.Equal(got), "%s: %v", in, got)
	}
	for _, in := range []string{`1641020400`, `"1641020400"`, `" 1641020400 "`, `1641020400000`, `"1641020400000"`, `1641020400.5`, `"7"`, `7`, `-5`, `"20171332"`} {
		_, err := decodeTextTime(in)
		require.Error(t, err, in)
		assert.NotContains(t, err.Error(), "1641020400", "the error names no value")
	}
	_, err := decodeTextTime(`"1641020400"`)
	assert.ErrorIs(t, err, ErrUnixInTextTime)
}

// The formatted forms read without allocating, as TimeValue's do.
func TestTextTimeValueAllocations(t *testing.T) {
	for _, in := range []string{`"2022-01-01 15:00:00"`, `"2022-01-01T07:00:00Z"`} {
		data := []byte(in)
		var v time.Time
		decode := func(dec *Dec) error { return TextTimeValue(dec, &v) }
		assert.Zero(t, testing.AllocsPerRun(50, func() { _ = Decode(data, decode) }), in)
	}
}
