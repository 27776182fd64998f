package quanshi

import (
	"flag"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/internal/wiregen"
)

var update = flag.Bool("update", false, "rewrite lenient_gen.go")

// TestLenientRegistrations checks that lenient_gen.go registers exactly what
// the source needs; run with -update to rewrite it.
func TestLenientRegistrations(t *testing.T) {
	wiregen.Check(t, ".", "quanshi", "registerSDKTypes", "lenient_gen.go", *update)
}
