package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/internal/cli"
)

// sessionBlock matches the README's command-line session: the install and
// the first command, then the output that command prints.
var sessionBlock = regexp.MustCompile("(?s)```sh\ngo install github.com/quanshi-sdk/quanshi-go/cmd/quanshi@latest\n(quanshi [^\n]+)\n```\n\n```text\n(.*?)```\n")

// TestReadmeSession: the session both READMEs show prints what they say,
// on the sandbox at the clock of the scripts.
func TestReadmeSession(t *testing.T) {
	for _, path := range []string{"../../README.md", "../../README.zh-CN.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := sessionBlock.FindStringSubmatch(string(b))
		if m == nil {
			t.Fatalf("%s has no command-line session", path)
		}
		args := append([]string{"--sandbox-now", scriptNow.Format("2006-01-02 15:04")}, strings.Fields(m[1])[1:]...)
		var stdout, stderr bytes.Buffer
		if code := cli.Main(args, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: %s exited %d: %s", path, m[1], code, stderr.String())
		}
		if got := stdout.String(); got != m[2] {
			t.Errorf("%s: %s prints\n%s\nthe README shows\n%s", path, m[1], got, m[2])
		}
	}
}
