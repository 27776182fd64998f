package quanshi

import (
	"flag"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/internal/wiregen"
)

var update = flag.Bool("update", false, "rewrite lenient_gen.go and decode_gen.go")

// TestLenientRegistrations checks that lenient_gen.go registers exactly what
// the source needs, and that decode_gen.go holds the decoders of exactly the
// source's structs; run with -update to rewrite them.
func TestLenientRegistrations(t *testing.T) {
	wiregen.Check(t, ".", "quanshi", "registerSDKTypes", "lenient_gen.go", *update)
	wiregen.CheckDecoders(t, ".", "quanshi", "decode_gen.go", *update)
}
