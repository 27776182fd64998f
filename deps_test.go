package quanshi

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreLinksNoCLIDependency: a program that imports only the SDK links
// nothing of the command line's dependencies (cobra, testscript, YAML).
func TestCoreLinksNoCLIDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/quanshi-sdk/quanshi-go").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for dep := range strings.FieldsSeq(string(out)) {
		for _, banned := range []string{"github.com/spf13/", "github.com/rogpeppe/go-internal", "yaml"} {
			if strings.Contains(dep, banned) {
				t.Errorf("the SDK package depends on %s", dep)
			}
		}
	}
}
