// Package startup_test measures what importing the SDK costs a process
// before it calls anything: the package init of quanshi and internal/wire,
// read from GODEBUG=inittrace=1 in a fresh process (this test binary, which
// imports the SDK and nothing of its tests).
package startup_test

import (
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	_ "github.com/quanshi-sdk/quanshi-go"
)

// Targets: nothing heavy at package init.
const (
	maxInitAllocs = 100
	maxInitMillis = 0.2
)

// initCost is one package's line of GODEBUG=inittrace=1 output.
type initCost struct {
	millis float64
	allocs int
}

// traceInit runs this test binary afresh under GODEBUG=inittrace=1 and
// returns the init cost of each of the SDK's packages.
func traceInit(t *testing.T) map[string]initCost {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	costs := map[string]initCost{}
	for line := range strings.SplitSeq(string(out), "\n") {
		// init PKG @T ms, C ms clock, B bytes, A allocs
		f := strings.Fields(line)
		if len(f) < 11 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/quanshi-sdk/quanshi-go") {
			continue
		}
		ms, err1 := strconv.ParseFloat(f[4], 64)
		allocs, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			t.Fatalf("unexpected inittrace line %q", line)
		}
		costs[f[1]] = initCost{ms, allocs}
	}
	return costs
}

// TestInitIsCheap checks the SDK's package init: at most 100 allocations
// in every process (exact, whatever the machine's load). Its clock time,
// the median of five processes, is logged against the 0.2 ms target and
// fails only at ten times that, which no load explains.
func TestInitIsCheap(t *testing.T) {
	var millis []float64
	for range 5 {
		costs := traceInit(t)
		if len(costs) == 0 {
			t.Fatal("no inittrace line for the SDK's packages")
		}
		total, allocs := 0.0, 0
		for pkg, c := range costs {
			total += c.millis
			allocs += c.allocs
			t.Logf("%s: %.3f ms, %d allocs", pkg, c.millis, c.allocs)
		}
		if allocs > maxInitAllocs {
			t.Errorf("package init makes %d allocations, over %d", allocs, maxInitAllocs)
		}
		millis = append(millis, total)
	}
	median := medianOf(millis)
	t.Logf("package init: median %.3f ms over %d processes (target %.1f ms)", median, len(millis), maxInitMillis)
	if median > 10*maxInitMillis {
		t.Errorf("package init takes %.3f ms, far over %.1f ms", median, maxInitMillis)
	}
}

func medianOf(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
