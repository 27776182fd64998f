package quanshi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Both the table's and the example's spellings are read, and a null or empty
// copy never overwrites a value (issue 15, point 5).
func TestTableAndExampleSpellings(t *testing.T) {
	var r RoomReservation
	require.NoError(t, decodeJSON([]byte(`{"billingCode":"93712151","billingcode":null}`), &r))
	assert.Equal(t, "93712151", r.BillingCode)
	require.NoError(t, decodeJSON([]byte(`{"billingcode":"93712151","billingCode":""}`), &r))
	assert.Equal(t, "93712151", r.BillingCode)

	// Seed 001 §10: the table spells totalTIme, the example totalTime.
	var a ReportAttendee
	require.NoError(t, decodeJSON([]byte(`{"totalTIme":"01:54:30"}`), &a))
	assert.Equal(t, time.Hour+54*time.Minute+30*time.Second, a.TotalTime)
	require.NoError(t, decodeJSON([]byte(`{"totalTime":"01:54:30","totalTIme":null}`), &a))
	assert.Equal(t, time.Hour+54*time.Minute+30*time.Second, a.TotalTime)
}
