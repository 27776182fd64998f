package quanshi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// advanceHours "1.5" is a value of the documented type (float64 on
// getConfStatus); on a meeting it no longer fails the call (issue 15, point 4).
func TestMeetingAdvanceHoursFraction(t *testing.T) {
	var m Meeting
	require.NoError(t, decodeJSON([]byte(`{"advanceHours": "1.5"}`), &m))
	assert.InDelta(t, 1.5, m.AdvanceHours, 1e-9)
}
