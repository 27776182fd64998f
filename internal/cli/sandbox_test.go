package cli

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSandboxServe: sandbox serve prints the variables that point the CLI
// at it, and a command run with them sees the seeded meetings; state
// persists across commands.
func TestSandboxServe(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	r, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"sandbox", "serve", "--addr", "127.0.0.1:0", "--quiet"}, nil, w, io.Discard)
		w.Close()
	}()
	env := map[string]string{}
	sc := bufio.NewScanner(r)
	for len(env) < 9 && sc.Scan() {
		if kv, ok := strings.CutPrefix(sc.Text(), "export "); ok {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = v
		}
	}
	require.Contains(t, env, "QUANSHI_BASE_URL")
	for k, v := range env {
		t.Setenv(k, v)
	}
	var out strings.Builder
	code := Run(t.Context(), []string{"conference", "create", "--host", "81299515", "--title", "Persisted", "--start", "2030-01-02 10:00", "--length", "30m"}, nil, &out, io.Discard)
	require.Equal(t, 0, code, out.String())
	out.Reset()
	code = Run(t.Context(), []string{"conference", "list", "--host", "81299515", "--to", "2030-02-01"}, nil, &out, io.Discard)
	require.Equal(t, 0, code)
	assert.Contains(t, out.String(), "Weekly sync")
	assert.Contains(t, out.String(), "Persisted")

	cancel()
	go func() { _, _ = io.Copy(io.Discard, r) }()
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(5 * time.Second):
		t.Fatal("sandbox serve did not stop")
	}
}
