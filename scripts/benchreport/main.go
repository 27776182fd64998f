// Command benchreport reads the output of the quanshi-go benchmarks
// (scripts/bench.sh) and prints the ratio tables of BENCHMARKS.md: for
// every figure the median over the runs and a distribution-free 95%
// confidence interval of that median (order statistics, as benchstat does).
// A ratio is computed within each run, whose implementations took turns,
// and then summarised over the runs.
//
//	go run ./scripts/benchreport benchmarks/2026-11-28.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// run is one benchmark result line: its metrics by unit.
type run map[string]float64

// results are the runs of each benchmark, by name (the -N suffix cut).
type results struct {
	names []string
	runs  map[string][]run
}

func parse(r io.Reader) (*results, error) {
	res := &results{runs: map[string][]run{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := run{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f[0], err)
			}
			m[f[i+1]] = v
		}
		if _, seen := res.runs[name]; !seen {
			res.names = append(res.names, name)
		}
		res.runs[name] = append(res.runs[name], m)
	}
	return res, sc.Err()
}

// summary is a median with its confidence interval.
type summary struct {
	med, lo, hi, conf float64
	n                 int
}

// summarise returns the median of xs and the widest order-statistic
// interval around it whose coverage is at least 95% (or, with fewer than 6
// values, the range and its lower coverage).
func summarise(xs []float64) summary {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return summary{med: math.NaN(), lo: math.NaN(), hi: math.NaN()}
	}
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	// P(B <= j) for B ~ Binomial(n, 1/2).
	cdf := func(j int) float64 {
		p, c := 0.0, 1.0
		for i := 0; i <= j; i++ {
			if i > 0 {
				c = c * float64(n-i+1) / float64(i)
			}
			p += c
		}
		return p / math.Pow(2, float64(n))
	}
	k := 0 // the interval [s[k], s[n-1-k]] covers the median with probability 1 - 2*P(B <= k)
	for k+1 < n/2 && 1-2*cdf(k+1) >= 0.95 {
		k++
	}
	return summary{med: med, lo: s[k], hi: s[n-1-k], conf: 1 - 2*cdf(k), n: n}
}

func (s summary) ratio() string {
	if math.IsNaN(s.med) {
		return "—"
	}
	return fmt.Sprintf("%.2f [%.2f, %.2f]", s.med, s.lo, s.hi)
}

func duration(ns float64) string {
	switch {
	case math.IsNaN(ns):
		return "—"
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	default:
		return fmt.Sprintf("%.0f µs", ns/1e3)
	}
}

var impls = []string{"floor", "needed", "every", "resty", "sdk"}

// metric collects one unit over the runs.
func metric(runs []run, unit string) []float64 {
	var xs []float64
	for _, r := range runs {
		if v, ok := r[unit]; ok {
			xs = append(xs, v)
		}
	}
	return xs
}

// ratio collects num/den within each run.
func ratio(runs []run, num, den string) []float64 {
	var xs []float64
	for _, r := range runs {
		if a, ok := r[num]; ok && r[den] > 0 {
			xs = append(xs, a/r[den])
		}
	}
	return xs
}

func cases(res *results, prefix string) []string {
	var out []string
	for _, name := range res.names {
		if c, ok := strings.CutPrefix(name, prefix); ok {
			out = append(out, c)
		}
	}
	return out
}

func turnsTables(w io.Writer, res *results) {
	names := cases(res, "BenchmarkTurns/")
	if len(names) == 0 {
		return
	}
	runs0 := res.runs["BenchmarkTurns/"+names[0]]
	fmt.Fprintf(w, "### Per call, taking turns (BenchmarkTurns, %d runs): median time per call, GC charged by allocation\n\n", len(runs0))
	fmt.Fprintln(w, "| case | floor | needed | every | resty | sdk |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, c := range names {
		runs := res.runs["BenchmarkTurns/"+c]
		row := "| " + c
		for _, im := range impls {
			row += " | " + duration(summarise(metric(runs, im+"-ns/call")).med)
		}
		fmt.Fprintln(w, row+" |")
	}
	pairs := [][2]string{{"sdk", "needed"}, {"sdk", "every"}, {"sdk", "floor"}, {"sdk", "resty"}, {"resty", "floor"}, {"needed", "floor"}, {"every", "floor"}}
	fmt.Fprintln(w, "\nRatios of time per call, median [95% interval] over the runs:")
	fmt.Fprintln(w)
	header, rule := "| case", "|---"
	for _, p := range pairs {
		header += " | " + p[0] + " ÷ " + p[1]
		rule += "|---"
	}
	fmt.Fprintln(w, header+" |")
	fmt.Fprintln(w, rule+"|")
	for _, c := range names {
		runs := res.runs["BenchmarkTurns/"+c]
		row := "| " + c
		for _, p := range pairs {
			row += " | " + summarise(ratio(runs, p[0]+"-ns/call", p[1]+"-ns/call")).ratio()
		}
		fmt.Fprintln(w, row+" |")
	}
	fmt.Fprintln(w)
}

// difference collects a-b within each run.
func difference(runs []run, a, b string) []float64 {
	var xs []float64
	for _, r := range runs {
		x, okA := r[a]
		y, okB := r[b]
		if okA && okB {
			xs = append(xs, x-y)
		}
	}
	return xs
}

// phasesTable splits the small calls' time into before the request goes
// out, the exchange, and after the answer's first byte (BenchmarkPhases).
func phasesTable(w io.Writer, res *results) {
	names := cases(res, "BenchmarkPhases/")
	if len(names) == 0 {
		return
	}
	fmt.Fprintf(w, "### Where the small calls' time goes (BenchmarkPhases, %d runs): median per call\n\n", len(res.runs["BenchmarkPhases/"+names[0]]))
	fmt.Fprintln(w, "| case | phase | floor | needed | every | resty | sdk | sdk − needed | sdk − resty |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, c := range names {
		runs := res.runs["BenchmarkPhases/"+c]
		for _, phase := range []string{"before", "wire", "after"} {
			unit := func(impl string) string { return impl + "-" + phase + "-ns/call" }
			row := "| " + c + " | " + phase
			for _, im := range impls {
				row += " | " + duration(summarise(metric(runs, unit(im))).med)
			}
			for _, other := range []string{"needed", "resty"} {
				d := summarise(difference(runs, unit("sdk"), unit(other)))
				row += fmt.Sprintf(" | %+.1f µs [%+.1f, %+.1f]", d.med/1e3, d.lo/1e3, d.hi/1e3)
			}
			fmt.Fprintln(w, row+" |")
		}
	}
	fmt.Fprintln(w)
}

func inMemoryTable(w io.Writer, res *results) {
	var names []string
	for _, c := range cases(res, "BenchmarkInMemory/") {
		if name, ok := strings.CutSuffix(c, "/impl=sdk"); ok {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return
	}
	fmt.Fprintln(w, "### Client-side allocations per call (BenchmarkInMemory, no sockets; exact)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| case | floor | needed | every | resty | sdk | sdk ÷ every | sdk ÷ needed | sdk B ÷ every B |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, c := range names {
		med := func(im, unit string) float64 {
			return summarise(metric(res.runs["BenchmarkInMemory/"+c+"/impl="+im], unit)).med
		}
		row := "| " + c
		for _, im := range impls {
			row += fmt.Sprintf(" | %.0f", med(im, "allocs/op"))
		}
		row += fmt.Sprintf(" | %.2f | %.2f | %.2f |", med("sdk", "allocs/op")/med("every", "allocs/op"),
			med("sdk", "allocs/op")/med("needed", "allocs/op"), med("sdk", "B/op")/med("every", "B/op"))
		fmt.Fprintln(w, row)
	}
	fmt.Fprintln(w)
}

func throughputTable(w io.Writer, res *results) {
	names := cases(res, "BenchmarkThroughput64/")
	if len(names) == 0 {
		return
	}
	fmt.Fprintln(w, "### 64 goroutines, each implementation alone in its time slot (BenchmarkThroughput64)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| case | runs | sdk ÷ needed | sdk ÷ every | sdk ÷ floor | sdk ÷ resty | dials per implementation |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, c := range names {
		runs := res.runs["BenchmarkThroughput64/"+c]
		row := fmt.Sprintf("| %s (throughput ratio) | %d", c, len(runs))
		for _, other := range []string{"needed", "every", "floor", "resty"} {
			row += " | " + summarise(ratio(runs, other+"-ns/call", "sdk-ns/call")).ratio()
		}
		row += fmt.Sprintf(" | %.0f |", summarise(metric(runs, "dials/impl")).med)
		fmt.Fprintln(w, row)
	}
	fmt.Fprintln(w)
}

// coldRows are the cold-start measures: the metric's unit suffix and how a
// value shows.
var coldRows = []struct {
	name, unit string
	show       func(float64) string
}{
	{"wall (construct + first call)", "wall-ns", duration},
	{"main (from main to the answer)", "main-ns", duration},
	{"start (no call: exec, runtime and package init)", "start-ns", duration},
	{"page faults (construct + first call)", "faults", func(v float64) string { return fmt.Sprintf("%.0f", v) }},
	{"binary size", "binary-bytes", func(v float64) string { return fmt.Sprintf("%.1f MB", v/1e6) }},
}

func startupTables(w io.Writer, res *results) {
	for _, c := range cases(res, "BenchmarkColdStart/") {
		runs := res.runs["BenchmarkColdStart/"+c]
		fmt.Fprintf(w, "### Fresh process: construct + first call (%s, %d batches)\n\n", c, len(runs))
		fmt.Fprintln(w, "| measure | hand-written net/http | hand-written resty | sdk | sdk ÷ net/http | sdk ÷ resty | resty ÷ net/http |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
		for _, row := range coldRows {
			if len(metric(runs, "sdk-"+row.unit)) == 0 {
				continue // an older raw file
			}
			m := func(impl string) string { return impl + "-" + row.unit }
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", row.name,
				row.show(summarise(metric(runs, m("hand"))).med), row.show(summarise(metric(runs, m("resty"))).med),
				row.show(summarise(metric(runs, m("sdk"))).med), summarise(ratio(runs, m("sdk"), m("hand"))).ratio(),
				summarise(ratio(runs, m("sdk"), m("resty"))).ratio(), summarise(ratio(runs, m("resty"), m("hand"))).ratio())
		}
		fmt.Fprintln(w)
	}
	if runs := res.runs["BenchmarkInit"]; len(runs) > 0 {
		fmt.Fprintf(w, "### Package init (GODEBUG=inittrace=1, %d processes)\n\n", len(runs))
		fmt.Fprintln(w, "| package | clock (median [95%]) | allocs |")
		fmt.Fprintln(w, "|---|---|---|")
		for _, p := range []string{"quanshi", "wire", "resty"} {
			s := summarise(metric(runs, p+"-init-ms"))
			fmt.Fprintf(w, "| %s | %.3f ms [%.3f, %.3f] | %.0f |\n", p, s.med, s.lo, s.hi, summarise(metric(runs, p+"-init-allocs")).med)
		}
		fmt.Fprintln(w)
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchreport FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	res, err := parse(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	turnsTables(os.Stdout, res)
	phasesTable(os.Stdout, res)
	inMemoryTable(os.Stdout, res)
	throughputTable(os.Stdout, res)
	startupTables(os.Stdout, res)
}
