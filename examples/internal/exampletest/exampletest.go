// Package exampletest holds what the tests of the examples share: clearing
// the environment so that an example takes its sandbox path, pointing the
// environment at a sandbox so that it takes its real-API path, and checking
// the lines it printed.
package exampletest

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// Output runs an example's body through exampleenv.Run, as its main does,
// fails the test if it returns an error, and returns what it printed.
func Output(t *testing.T, body func(context.Context, *exampleenv.Env) error) string {
	t.Helper()
	var out bytes.Buffer
	if err := exampleenv.Run(context.Background(), &out, body); err != nil {
		t.Fatalf("the example failed: %v\n%s", err, out.String())
	}
	return out.String()
}

// ClearEnv empties the variables of quanshi.NewClientFromEnv,
// QUANSHI_HOST_EMAIL and the example's own ones for the test, so that the
// example starts its in-process sandbox.
func ClearEnv(t *testing.T, extra ...string) {
	t.Helper()
	for _, name := range append(slices.Concat(exampleenv.Names, []string{exampleenv.EnvHostEmail}), extra...) {
		t.Setenv(name, "")
	}
}

// PointEnvAt sets the variables the standalone sandbox prints, so that the
// example takes its real-API path against srv. Other variables are cleared.
func PointEnvAt(t *testing.T, srv *quanshitest.Server, extra ...string) {
	t.Helper()
	ClearEnv(t, extra...)
	for _, kv := range srv.Env() {
		name, value, _ := strings.Cut(kv, "=")
		t.Setenv(name, value)
	}
}

// Lines checks that the output has a line matching each pattern, in the
// order given (other lines may come between), and returns the submatches
// of each pattern's line.
func Lines(t *testing.T, out string, patterns ...string) [][]string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var found [][]string
	next := 0
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		matched := false
		for next < len(lines) {
			line := lines[next]
			next++
			if m := re.FindStringSubmatch(line); m != nil {
				found = append(found, m)
				matched = true
				break
			}
		}
		if !matched {
			t.Fatalf("no line matches %q after the earlier patterns' lines; output:\n%s", p, out)
		}
	}
	return found
}

// pcodeLike matches an 18-digit meeting password, as the sandbox makes them.
var pcodeLike = regexp.MustCompile(`\b\d{18}\b`)

// NoSecrets fails the test when the output holds one of the sandbox's
// credentials, a credential's field name or a meeting password.
func NoSecrets(t *testing.T, out string, srv *quanshitest.Server) {
	t.Helper()
	if p := pcodeLike.FindString(out); p != "" {
		t.Errorf("the output holds what looks like a pcode, %s:\n%s", p, out)
	}
	secrets := []string{"token", "pcode1", "start_url", "host_key", "api_secret", "zak="}
	if srv != nil {
		secrets = append(secrets, srv.AppSecret, srv.LegacyAppKey, srv.UMeetingKey, srv.UMeetingSecret, srv.AppKey)
	}
	lower := strings.ToLower(out)
	for _, s := range secrets {
		if strings.Contains(lower, strings.ToLower(s)) {
			t.Errorf("the output holds %q:\n%s", s, out)
		}
	}
}
