package quanshiredis_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreLinksNoRedis: a program importing only the core package (the
// quickstart example) has nothing of go-redis among its dependencies.
func TestCoreLinksNoRedis(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "../examples/quickstart").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := string(out)
	if !strings.Contains(deps, "github.com/quanshi-sdk/quanshi-go\n") {
		t.Fatalf("go list did not list the core package:\n%s", deps)
	}
	for _, banned := range []string{"github.com/redis/go-redis", "github.com/go-redis/redis_rate", "quanshi-go/quanshiredis"} {
		if strings.Contains(deps, banned) {
			t.Errorf("a program importing only the core package depends on %s", banned)
		}
	}
	// And the check can fail: this package's own dependencies hold go-redis.
	own, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil || !strings.Contains(string(own), "github.com/redis/go-redis/v9\n") {
		t.Fatalf("go list -deps . should list go-redis: %v\n%s", err, own)
	}
}
