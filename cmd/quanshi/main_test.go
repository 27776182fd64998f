package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	quanshi "github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/cli"
	"github.com/quanshi-sdk/quanshi-go/internal/sandboxrun"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// The scripts in testdata/script run the quanshi command against a sandbox
// started for each script, pointed at by the environment as a user would
// (QUANSHI_* and UMEETING_* from quanshitest.Server.Env), its clock fixed at
// scriptNow so that tables are reproducible. Each run of the command is
// checked for leaked secrets: see leakChecked.

// scriptNow is the clock of every script's sandbox.
var scriptNow = time.Date(2026, 11, 30, 9, 0, 0, 0, quanshi.Beijing)

// harnessSecret is the app secret of the scripts' sandboxes: unlike the
// sandbox's default one, it appears nowhere in the scripts, so finding it in
// an output can only be a leak.
const harnessSecret = "harness-app-secret-5e1f"

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"quanshi": func() { os.Exit(leakChecked(os.Args[1:])) },
	})
}

// tokenPattern matches the tokens the sandbox mints (32 hex digits).
var tokenPattern = regexp.MustCompile(`\b[0-9a-f]{32}\b`)

// leakChecked runs the command and checks everything it printed for the
// credentials of the environment, the sandbox's secrets and any minted
// token. A leak fails the run with exit code 99 and says so on stderr.
func leakChecked(args []string) int {
	var stdout, stderr bytes.Buffer
	code := cli.Main(args, os.Stdin, &stdout, &stderr)
	os.Stdout.Write(stdout.Bytes())
	os.Stderr.Write(stderr.Bytes())
	if leak := findLeak(args, stdout.String()+stderr.String()); leak != "" {
		fmt.Fprintf(os.Stderr, "LEAK: the output holds %s\n", leak)
		return 99
	}
	return code
}

func findLeak(args []string, out string) string {
	secrets := map[string]string{"the harness app secret": harnessSecret}
	for _, name := range []string{quanshi.EnvToken, quanshi.EnvAppSecret, quanshi.EnvUMeetingSecret, quanshi.EnvLegacyAppKey} {
		if v := os.Getenv(name); v != "" {
			secrets[name] = v
		}
	}
	if len(args) < 2 || args[0] != "sandbox" || args[1] != "serve" {
		// sandbox serve prints the sandbox's own credentials on purpose.
		secrets["the sandbox's app secret"] = quanshitest.DefaultAppSecret
		secrets["the sandbox's umeeting secret"] = quanshitest.DefaultUMeetingSecret
	}
	for name, v := range secrets {
		if strings.Contains(out, v) {
			return name
		}
	}
	if m := tokenPattern.FindString(out); m != "" {
		return "a token"
	}
	return ""
}

var update = flag.Bool("update", false, "rewrite the cmp files of the scripts")

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup:               setupSandbox,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"advance":      cmdAdvance,
			"callbacks-to": cmdCallbacksTo,
			"exits":        cmdExits,
			"fault":        cmdFault,
		},
	})
}

// setupSandbox starts the script's sandbox, seeds it, and points the
// environment at it.
func setupSandbox(env *testscript.Env) error {
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time { return scriptNow }),
		quanshitest.WithCallbackRetries(10, 50*time.Millisecond))
	srv.AppSecret = harnessSecret
	env.Defer(srv.Close)
	if _, err := sandboxrun.Seed(context.Background(), srv); err != nil {
		return err
	}
	for _, kv := range srv.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env.Setenv(k, v)
	}
	env.Values["sandbox"] = srv
	// A free address for a callback listener of the script.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	env.Setenv("CALLBACK_ADDR", ln.Addr().String())
	return ln.Close()
}

func sandboxOf(ts *testscript.TestScript) *quanshitest.Server {
	return ts.Value("sandbox").(*quanshitest.Server)
}

// cmdAdvance moves the script's sandbox clock: advance 26h.
func cmdAdvance(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: advance DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	sandboxOf(ts).Advance(d)
}

// cmdCallbacksTo points the script's sandbox callbacks at a URL:
// callbacks-to http://127.0.0.1:18787/cb.
func cmdCallbacksTo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: callbacks-to URL")
	}
	sandboxOf(ts).SetCallbackURL(args[0])
}

// cmdFault injects a fault into the script's sandbox:
//
//	fault PATH http=503 | code=50103 | drop | drop-after [times=N]
func cmdFault(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: fault PATH KIND [times=N]")
	}
	f := quanshitest.Fault{Path: args[0]}
	for _, a := range args[1:] {
		k, v, _ := strings.Cut(a, "=")
		switch k {
		case "http":
			_, err := fmt.Sscan(v, &f.HTTPStatus)
			ts.Check(err)
		case "code":
			_, err := fmt.Sscan(v, &f.BusinessCode)
			ts.Check(err)
			f.Message = "injected"
		case "drop":
			f.Drop = true
		case "drop-after":
			f.Drop, f.AfterHandling = true, true
		case "times":
			_, err := fmt.Sscan(v, &f.Times)
			ts.Check(err)
		default:
			ts.Fatalf("unknown fault %q", a)
		}
	}
	sandboxOf(ts).Inject(f)
}

// cmdExits runs a program and checks its exit code, leaving its output to
// the stdout and stderr checks that follow: exits 3 quanshi conference create.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}
