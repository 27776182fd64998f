// Command coldstart measures what a fresh process pays to build a client
// and make its first call (Conference.Status on a loopback server), the SDK
// (./sdk) against a hand-written net/http + encoding/json client (./hand)
// and a hand-written resty client (./resty), the three taking turns, and the SDK's package init under
// GODEBUG=inittrace=1. It prints Go benchmark lines for benchreport.
//
//	go run ./scripts/coldstart -batches 10 -runs 10
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	batches := flag.Int("batches", 10, "batches (one benchmark line each)")
	runs := flag.Int("runs", 10, "processes per implementation and batch")
	flag.Parse()
	if err := run(*batches, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "coldstart:", err)
		os.Exit(1)
	}
}

// impls are the three programs, in the order the first run of a batch
// starts them; each run rotates who goes first.
var impls = []string{"hand", "resty", "sdk"}

func run(batches, runs int) error {
	payload, err := os.ReadFile("testdata/conference/getConfStatus.json")
	if err != nil {
		return err
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		_, _ = w.Write(payload)
	}))
	defer srv.Close()
	dir, err := os.MkdirTemp("", "coldstart")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bins := map[string]string{}
	for _, name := range impls {
		bins[name] = filepath.Join(dir, name)
		if out, err := exec.Command("go", "build", "-o", bins[name], "./scripts/coldstart/"+name).CombinedOutput(); err != nil {
			return fmt.Errorf("build %s: %v\n%s", name, err, out)
		}
	}
	for b := range batches {
		sums := map[string]float64{}
		for i := range runs {
			for k := range impls {
				name := impls[(b+i+k)%len(impls)]
				p, err := once(bins[name], srv.URL)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				bare, err := once(bins[name], "")
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				sums[name+"-wall-ns"] += p.wall
				sums[name+"-main-ns"] += p.inMain
				sums[name+"-faults"] += p.faults
				sums[name+"-start-ns"] += bare.wall
			}
		}
		fmt.Printf("BenchmarkColdStart/ConferenceStatus \t%d\t0 ns/op", runs)
		for _, name := range impls {
			for _, u := range []string{"-wall-ns", "-main-ns", "-start-ns", "-faults"} {
				fmt.Printf("\t%.0f %s", sums[name+u]/float64(runs), name+u)
			}
			if st, err := os.Stat(bins[name]); err == nil {
				fmt.Printf("\t%d %s-binary-bytes", st.Size(), name)
			}
		}
		fmt.Println()
	}
	for range batches {
		if err := initTrace(bins["sdk"]); err != nil {
			return err
		}
	}
	return nil
}

// process is what one run of a program cost.
type process struct {
	wall   float64 // ns from exec to exit
	inMain float64 // ns from the start of main to the end of its call
	faults float64 // page faults (minor and major): the pages it touched
}

// once runs one process: with url, it constructs a client and makes one
// call; without, it only starts and exits (what every process that links
// the implementation pays before main).
func once(bin, url string) (process, error) {
	args := []string{}
	if url != "" {
		args = append(args, url)
	}
	cmd := exec.Command(bin, args...)
	start := time.Now()
	out, err := cmd.Output()
	p := process{wall: float64(time.Since(start))}
	if err != nil {
		return p, err
	}
	p.faults = pageFaults(cmd.ProcessState)
	if url != "" {
		p.inMain, err = strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	}
	return p, err
}

// initTrace runs the SDK program without a call under GODEBUG=inittrace=1
// and prints one benchmark line with the init clock and allocations of the
// SDK's packages and of resty.
func initTrace(bin string) error {
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return err
	}
	pkgs := map[string]string{
		"github.com/quanshi-sdk/quanshi-go":               "quanshi",
		"github.com/quanshi-sdk/quanshi-go/internal/wire": "wire",
		"github.com/go-resty/resty/v2":                    "resty",
	}
	fmt.Print("BenchmarkInit \t1\t0 ns/op")
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init PKG @T ms, C ms clock, B bytes, A allocs
		f := strings.Fields(sc.Text())
		if len(f) < 11 || f[0] != "init" || pkgs[f[1]] == "" {
			continue
		}
		fmt.Printf("\t%s %s-init-ms\t%s %s-init-allocs", f[4], pkgs[f[1]], f[9], pkgs[f[1]])
	}
	fmt.Println()
	return sc.Err()
}
