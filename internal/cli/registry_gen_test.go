package cli

import (
	"flag"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/internal/cligen"
)

var update = flag.Bool("update", false, "rewrite registry_gen.go")

//go:generate go test -run TestRegistryGenerated -update .

// TestRegistryGenerated: registry_gen.go is what the generator makes from
// the SDK's source today.
func TestRegistryGenerated(t *testing.T) {
	cligen.Check(t, "../..", ".", "cli", "registry_gen.go", *update)
}
