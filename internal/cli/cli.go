// Package cli is the quanshi command line: one command per SDK method
// (generated from the SDK's source into registry_gen.go), friendlier flags
// and tables for the commands used most, the sandbox, a callback listener,
// and one exit code per class of failure.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	quanshi "github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/sandboxrun"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// credentialEnv are the variables that hold credentials: their values never
// reach the output.
var credentialEnv = []string{
	quanshi.EnvToken, quanshi.EnvAppKey, quanshi.EnvAppSecret, quanshi.EnvAppID, quanshi.EnvLegacyAppKey,
	quanshi.EnvUMeetingKey, quanshi.EnvUMeetingSecret,
}

// app is one run of the command line.
type app struct {
	stdin          io.Reader
	stdout, stderr *redactingWriter
	// terminal reports a terminal on stderr: paged lists show progress.
	terminal bool

	output     string
	sandbox    bool
	sandboxNow string
	debug      bool
	timeout    time.Duration

	srv    *quanshitest.Server
	seeded []sandboxrun.Seeded
	client *quanshi.Client
}

// Main runs the command line with args (without the program name) and
// returns the process's exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return Run(context.Background(), args, stdin, stdout, stderr)
}

// Run is Main until ctx is done: a server command (sandbox serve, callbacks
// listen) stops then.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	secrets := make([]string, 0, len(credentialEnv)+6)
	for _, name := range credentialEnv {
		secrets = append(secrets, os.Getenv(name))
	}
	secrets = append(secrets, quanshitest.DefaultAppSecret, quanshitest.DefaultAppIDSecret, quanshitest.DefaultAdminPassword,
		quanshitest.DefaultLegacyAppKey, quanshitest.DefaultUMeetingKey, quanshitest.DefaultUMeetingSecret, quanshitest.DefaultAppKey)
	a := &app{
		stdin:    stdin,
		stdout:   newRedactingWriter(stdout, secrets),
		stderr:   newRedactingWriter(stderr, secrets),
		terminal: isTerminal(stderr),
	}
	if isSandboxServe(args) {
		// The standalone sandbox prints its own credentials on purpose: they
		// are the sandbox's, not secrets, and the point of the command.
		a.stdout = newRedactingWriter(stdout, nil)
	}
	defer a.close()
	root := a.root()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ce *commandError
	if !errors.As(err, &ce) {
		ce = &commandError{err: &usageError{err}}
	}
	line, code := errorLine(ce.command, ce.op, ce.err)
	fmt.Fprintln(a.stderr, line)
	return code
}

// isSandboxServe reports a "sandbox serve" command line, global flags
// anywhere.
func isSandboxServe(args []string) bool {
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "sandbox" && args[i+1] == "serve" {
			return true
		}
	}
	return false
}

// commandError is a failure of a command's own work, with the command and
// the operation it was calling.
type commandError struct {
	command, op string
	err         error
}

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (a *app) close() {
	if a.client != nil {
		_ = a.client.Close()
	}
	if a.srv != nil {
		a.srv.Close()
	}
}

const rootLong = `quanshi calls the Quanshi (全时) conference and event OpenAPI and the
systeccloud umeeting API through the quanshi-go SDK: one command per SDK
method, "quanshi SERVICE VERB".

Credentials come from the same environment variables as
quanshi.NewClientFromEnv: QUANSHI_TOKEN, or QUANSHI_APP_KEY, QUANSHI_APP_SECRET
and QUANSHI_ADMIN_USER_ID; QUANSHI_LEGACY_APP_KEY for the /conference
endpoints; UMEETING_API_KEY and UMEETING_API_SECRET; QUANSHI_BASE_URL,
QUANSHI_EVENT_BASE_URL and UMEETING_BASE_URL to point elsewhere. No credential
is ever printed, not even with --debug.

Try it without an account: --sandbox runs a command against an in-process
sandbox seeded with a few meetings, and "quanshi sandbox serve" runs one that
keeps its state across commands.

`

// root builds the command tree.
func (a *app) root() *cobra.Command {
	root := &cobra.Command{
		Use:           "quanshi",
		Short:         "The Quanshi conference and event APIs from the shell",
		Long:          rootLong + exitCodesHelp,
		Version:       quanshi.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	root.SetVersionTemplate("quanshi {{.Version}} (quanshi-go SDK " + quanshi.Version + ")\n")
	pf := root.PersistentFlags()
	pf.StringVarP(&a.output, "output", "o", formatTable, "output format: table, json or yaml")
	pf.BoolVar(&a.sandbox, "sandbox", false, "run against an in-process sandbox seeded with a few meetings")
	pf.BoolVar(&a.debug, "debug", false, "log each call (method, path, status, duration; never a credential) on stderr")
	pf.DurationVar(&a.timeout, "timeout", 0, "bound each call, retries included (such as 10s)")
	pf.StringVar(&a.sandboxNow, "sandbox-now", "", "the --sandbox clock, fixed (Beijing wall-clock), for reproducible output")
	_ = pf.MarkHidden("sandbox-now")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		switch a.output {
		case formatTable, formatJSON, formatYAML:
			return nil
		}
		return &commandError{err: usagef("-o %q: want table, json or yaml", a.output)}
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	services := a.addServices(root)
	auth, ok := services["auth"]
	if !ok {
		auth = &cobra.Command{Use: "auth", Short: "Check the credentials"}
		root.AddCommand(auth)
	}
	auth.AddCommand(a.authCheckCommand())
	root.AddCommand(a.sandboxCommand(), a.callbacksCommand())
	return root
}

// connect returns the client: pointed at an in-process seeded sandbox with
// --sandbox, else configured from the environment.
func (a *app) connect(ctx context.Context) (*quanshi.Client, error) {
	if a.client != nil {
		return a.client, nil
	}
	var opts []quanshi.Option
	if a.debug {
		h := slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelDebug})
		opts = append(opts, quanshi.WithLogger(slog.New(h)))
	}
	if a.sandbox {
		srv, err := a.startSandbox(ctx)
		if err != nil {
			return nil, err
		}
		a.client, err = srv.Client(opts...)
		return a.client, err
	}
	c, err := quanshi.NewClientFromEnv(opts...)
	if err != nil {
		return nil, &credentialsError{fmt.Errorf("the environment does not configure a client: %w", err)}
	}
	a.client = c
	return c, nil
}

// startSandbox starts the in-process sandbox of --sandbox and seeds it.
func (a *app) startSandbox(ctx context.Context) (*quanshitest.Server, error) {
	var opts []quanshitest.Option
	if a.sandboxNow != "" {
		now, err := parseTime(a.sandboxNow)
		if err != nil {
			return nil, usagef("--sandbox-now: %v", err)
		}
		opts = append(opts, quanshitest.WithClock(func() time.Time { return now }))
	}
	a.srv = quanshitest.New(opts...)
	var err error
	a.seeded, err = sandboxrun.Seed(ctx, a.srv)
	return a.srv, err
}

// callOptions are the per-call options the global flags ask for; meta
// receives the response's metadata.
func (a *app) callOptions(meta *quanshi.ResponseInfo) []quanshi.CallOption {
	opts := []quanshi.CallOption{quanshi.CaptureResponse(meta)}
	if a.timeout > 0 {
		opts = append(opts, quanshi.CallTimeout(a.timeout))
	}
	return opts
}

// debugCall reports a call's metadata on stderr with --debug.
func (a *app) debugCall(name string, meta *quanshi.ResponseInfo) {
	if !a.debug || meta.Attempts == 0 {
		return
	}
	fmt.Fprintf(a.stderr, "debug: %s: HTTP %d, code %d, request id %q, %d attempt(s), %s\n",
		name, meta.HTTPStatus, meta.Code, meta.RequestID, meta.Attempts, meta.Duration.Round(time.Millisecond))
}

// redactingWriter replaces every secret it knows with [redacted] before
// writing: the last line of defence, behind the SDK's own redaction.
type redactingWriter struct {
	w       io.Writer
	secrets []string
}

func newRedactingWriter(w io.Writer, secrets []string) *redactingWriter {
	r := &redactingWriter{w: w}
	for _, s := range secrets {
		if len(s) >= 4 {
			r.secrets = append(r.secrets, s)
		}
	}
	return r
}

func (r *redactingWriter) Write(p []byte) (int, error) {
	s := string(p)
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	if _, err := io.WriteString(r.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
