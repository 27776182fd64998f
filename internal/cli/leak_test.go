package cli

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	quanshi "github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/sandboxrun"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// TestNoCommandLeaksASecret runs every command, with --debug, in every
// output format, against a sandbox whose credentials come from the
// environment, once with an empty request and once naming a seeded meeting,
// and finds no credential and no token in anything printed.
func TestNoCommandLeaksASecret(t *testing.T) {
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time {
		return time.Date(2026, 12, 1, 10, 10, 0, 0, quanshi.Beijing)
	}))
	t.Cleanup(srv.Close)
	srv.AppSecret = "leak-test-app-secret-91c2"
	srv.UMeetingSecret = "leak-test-umeeting-secret-77ab"
	srv.LegacyAppKey = "leak-test-legacy-key-3d0e"
	if _, err := sandboxrun.Seed(t.Context(), srv); err != nil {
		t.Fatal(err)
	}
	for _, kv := range srv.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	secrets := []string{srv.AppSecret, srv.UMeetingSecret, srv.LegacyAppKey}
	token := regexp.MustCompile(`\b[0-9a-f]{32}\b`)
	var all strings.Builder
	run := func(args ...string) {
		var out strings.Builder
		Run(t.Context(), args, strings.NewReader(""), &out, &out)
		all.WriteString(out.String())
	}
	for _, e := range generated {
		for _, format := range []string{formatTable, formatJSON} {
			run("--debug", "-o", format, e.Service, e.Verb)
			run("--debug", "-o", format, e.Service, e.Verb, "--file", "-")
			if fields := requestFields(typeOf(&e)); hasFlag(fields, "conference-id") {
				run("--debug", "-o", format, e.Service, e.Verb, "--conference-id", "239139091", "--user-id", "81299515")
			}
		}
	}
	run("--debug", "auth", "check")
	out := all.String()
	assert.True(t, strings.Contains(out, "level=DEBUG"), "the commands ran with --debug")
	for _, s := range secrets {
		assert.False(t, strings.Contains(out, s), "a secret in the output")
	}
	assert.Empty(t, token.FindAllString(out, 3), "tokens in the output")
}

func hasFlag(fields []field, name string) bool {
	for _, f := range fields {
		if f.flag == name {
			return true
		}
	}
	return false
}
