package quanshi

import (
	"testing"

	"github.com/go-resty/resty/v2"
)

// TestNewClientAllocs checks that creating a client costs at most twice
// the allocations of resty.New, so that a client per request stays cheap.
func TestNewClientAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under coverage and the race detector")
	}
	restyAllocs := testing.AllocsPerRun(50, func() { _ = resty.New() })
	sdkAllocs := testing.AllocsPerRun(50, func() {
		if _, err := NewClient(WithToken(testToken)); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("NewClient: %.0f allocations, resty.New: %.0f (%.2fx)", sdkAllocs, restyAllocs, sdkAllocs/restyAllocs)
	if sdkAllocs > 2*restyAllocs {
		t.Errorf("NewClient makes %.0f allocations, over twice resty.New's %.0f", sdkAllocs, restyAllocs)
	}
}
