package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestSandboxServesPrintsAndLogs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	ready := make(chan *quanshitest.Server, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, out, func(s *quanshitest.Server) { ready <- s })
	}()
	var srv *quanshitest.Server
	select {
	case srv = <-ready:
	case err := <-done:
		t.Fatalf("run ended early: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("sandbox did not start")
	}

	env := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		if k, v, ok := strings.Cut(strings.TrimPrefix(sc.Text(), "export "), "="); ok && strings.HasPrefix(sc.Text(), "export ") {
			env[k] = v
		}
	}
	assert.Equal(t, srv.OpenAPIURL, env[quanshi.EnvBaseURL])
	assert.Equal(t, srv.AppKey, env[quanshi.EnvAppKey])
	for k, v := range env {
		t.Setenv(k, v)
	}
	t.Setenv(quanshi.EnvToken, "")
	client, err := quanshi.NewClientFromEnv()
	require.NoError(t, err)
	op := quanshi.Operation{Family: quanshi.FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/token/create", Idempotent: true, SignedHeaders: true}
	require.NoError(t, client.Do(context.Background(), op, map[string]any{"userId": srv.AdminUserID}, nil), "a client built from the printed variables works")
	assert.Eventually(t, func() bool { return strings.Contains(out.String(), "path=/events/eventopenapi/token/create") }, 2*time.Second, 10*time.Millisecond)
	assert.Contains(t, out.String(), "http_status=200")
	assert.NotContains(t, out.String(), "CheckSum=", "no credentials in the call log")

	cancel()
	require.NoError(t, <-done)
	assert.Contains(t, out.String(), "sandbox stopped")
}

func TestSandboxRejectsABadFlag(t *testing.T) {
	assert.Error(t, run(context.Background(), []string{"-nope"}, &bytes.Buffer{}, nil))
	assert.Error(t, run(context.Background(), []string{"-addr", "256.0.0.1:1"}, &bytes.Buffer{}, nil))
}

// TestSandboxHelpExitsZero builds the command and runs it with -h: the usage
// goes to stdout and the exit status is 0.
func TestSandboxHelpExitsZero(t *testing.T) {
	var buf bytes.Buffer
	assert.ErrorIs(t, run(context.Background(), []string{"-h"}, &buf, nil), flag.ErrHelp)
	assert.Contains(t, buf.String(), "-addr")
	if testing.Short() {
		return
	}
	exe := filepath.Join(t.TempDir(), "quanshi-sandbox")
	build := exec.Command("go", "build", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "-h").CombinedOutput()
	assert.NoError(t, err, "exit status of -h")
	assert.Contains(t, string(out), "Usage of quanshi-sandbox")
	assert.Contains(t, string(out), "-callback-url")
}
