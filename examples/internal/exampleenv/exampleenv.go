// Package exampleenv is the scaffolding the examples share: whether they
// talk to the real API or to an in-process sandbox, and who hosts their
// meetings. Your own program needs none of it: it builds its client with
// quanshi.NewClientFromEnv or quanshi.NewClient, and its tests start a
// quanshitest.Server.
package exampleenv

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// EnvHostUserID names the Quanshi userId who hosts the examples' meetings
// on the real API; QUANSHI_ADMIN_USER_ID is the default.
const EnvHostUserID = "QUANSHI_HOST_USER_ID"

// EnvHostEmail names the e-mail address of the host of the examples'
// meetings on the real API; the example finds the host's userId with it
// (User.FindByEmail, which needs app credentials).
const EnvHostEmail = "QUANSHI_HOST_EMAIL"

// Names are the variables quanshi.NewClientFromEnv reads.
var Names = []string{
	quanshi.EnvToken, quanshi.EnvAppKey, quanshi.EnvAppID, quanshi.EnvAppSecret, quanshi.EnvAdminUserID,
	quanshi.EnvLegacyAppKey, quanshi.EnvBaseURL, quanshi.EnvEventBaseURL,
	quanshi.EnvUMeetingKey, quanshi.EnvUMeetingSecret, quanshi.EnvUMeetingBaseURL,
}

// Connect returns a client for the API the QUANSHI_* and UMEETING_*
// variables describe when any of them is set, and a nil server. Otherwise
// it starts an in-process sandbox and returns a client for it, and the
// sandbox itself, so that the example can move its clock; the caller
// closes it.
func Connect() (*quanshi.Client, *quanshitest.Server, error) {
	for _, name := range Names {
		if os.Getenv(name) != "" {
			client, err := quanshi.NewClientFromEnv()
			return client, nil, err
		}
	}
	srv := quanshitest.New()
	client, err := srv.Client()
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return client, srv, nil
}

// Describe says which API the example talks to, without credentials.
func Describe(client *quanshi.Client, srv *quanshitest.Server) string {
	if srv != nil {
		return fmt.Sprintf("Using the in-process sandbox at %s (set the QUANSHI_*/UMEETING_* variables to use the real API).", srv.URL)
	}
	return fmt.Sprintf("Using the API the QUANSHI_*/UMEETING_* variables name: %v.", client)
}

// HostUserID is the Quanshi userId who hosts the example's meetings: the
// sandbox's admin, or on the real API QUANSHI_HOST_USER_ID, else
// QUANSHI_ADMIN_USER_ID.
func HostUserID(srv *quanshitest.Server) (int64, error) {
	if srv != nil {
		return srv.AdminUserID, nil
	}
	for _, name := range []string{EnvHostUserID, quanshi.EnvAdminUserID} {
		if v := os.Getenv(name); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return 0, fmt.Errorf("%s=%q is not a Quanshi userId", name, v)
			}
			return id, nil
		}
	}
	return 0, fmt.Errorf("set %s (or %s) to the Quanshi userId who hosts the example's meetings", EnvHostUserID, quanshi.EnvAdminUserID)
}

// FindHost finds the Quanshi userId who hosts the example's meetings by
// e-mail address, as an integration does first: the sandbox's admin, or on
// the real API the account QUANSHI_HOST_EMAIL names. Without that variable
// it falls back to HostUserID. found reports whether the id came from a
// lookup.
func FindHost(ctx context.Context, client *quanshi.Client, srv *quanshitest.Server) (id int64, found bool, err error) {
	email := os.Getenv(EnvHostEmail)
	if srv != nil {
		email = quanshitest.DefaultAdminEmail
	}
	if email == "" {
		id, err := HostUserID(srv)
		return id, false, err
	}
	host, err := client.User.FindByEmail(ctx, &quanshi.UserFindByEmailRequest{Email: email})
	if err != nil {
		return 0, false, fmt.Errorf("finding the host by e-mail (%s): %w", EnvHostEmail, err)
	}
	return host.UserID, true, nil
}

// Env is what an example runs with: its client, the sandbox when it runs
// on one (nil against the real API), and where it prints.
type Env struct {
	Client  *quanshi.Client
	Sandbox *quanshitest.Server
	out     io.Writer
}

// Say prints one line of the example's output.
func (e *Env) Say(format string, args ...any) { fmt.Fprintf(e.out, format+"\n", args...) }

// Run connects (see Connect), says which API the example talks to and runs
// body, printing to out; it closes the sandbox, if it started one,
// afterwards.
func Run(ctx context.Context, out io.Writer, body func(context.Context, *Env) error) error {
	client, srv, err := Connect()
	if err != nil {
		return err
	}
	if srv != nil {
		defer srv.Close()
	}
	env := &Env{Client: client, Sandbox: srv, out: out}
	env.Say("%s", Describe(client, srv))
	return body(ctx, env)
}

// Main is an example's main: it runs body on standard output until
// interrupted and, when body fails, prints the error after the example's
// name and exits with status 1.
func Main(name string, body func(context.Context, *Env) error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := Run(ctx, os.Stdout, body)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}
