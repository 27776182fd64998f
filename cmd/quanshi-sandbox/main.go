// Command quanshi-sandbox serves the quanshitest fake of the Quanshi and
// umeeting APIs on an address until interrupted, prints the base URLs and
// credentials to use as environment variables, and logs each call in one line.
//
//	go run ./cmd/quanshi-sandbox -addr 127.0.0.1:8080
//
// Point the examples (or your own service) at it by exporting the printed
// variables. With -callback-url it also posts the live-event callbacks to
// that URL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, nil)
	if errors.Is(err, flag.ErrHelp) {
		return // -h printed the usage: a request, not a failure
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "quanshi-sandbox:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done. With -h or -help it prints the usage and
// returns flag.ErrHelp. ready, if not nil, gets the server once it
// listens (for tests).
func run(ctx context.Context, args []string, out io.Writer, ready func(*quanshitest.Server)) error {
	flags := flag.NewFlagSet("quanshi-sandbox", flag.ContinueOnError)
	flags.SetOutput(out)
	addr := flags.String("addr", "127.0.0.1:8080", "address to listen on")
	ttl := flags.Duration("token-ttl", 86400*time.Second, "lifetime of minted tokens")
	callbackURL := flags.String("callback-url", "", "POST the live-event callbacks (meetingbegin, meetingend, update) to this URL")
	if err := flags.Parse(args); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(out, nil))
	srv, err := quanshitest.Start(quanshitest.WithAddr(*addr), quanshitest.WithTokenTTL(*ttl), quanshitest.WithLogger(logger),
		quanshitest.WithCallbackURL(*callbackURL))
	if err != nil {
		return err
	}
	defer srv.Close()
	printEnv(out, srv)
	if ready != nil {
		ready(srv)
	}
	<-ctx.Done()
	fmt.Fprintln(out, "# sandbox stopped")
	return nil
}

// printEnv prints the variables quanshi.NewClientFromEnv reads, ready to
// export. The credentials are the sandbox's own, not secrets.
func printEnv(out io.Writer, srv *quanshitest.Server) {
	fmt.Fprintf(out, "# quanshi sandbox listening on %s\n# export these to point a client at it:\n", srv.URL)
	for _, kv := range srv.Env() {
		fmt.Fprintf(out, "export %s\n", kv)
	}
	fmt.Fprintf(out, "# as an AppId account instead: unset QUANSHI_APP_KEY QUANSHI_ADMIN_USER_ID; export QUANSHI_APP_ID=%s QUANSHI_APP_SECRET=%s\n", srv.AppID, srv.AppIDSecret)
	fmt.Fprintf(out, "# the admin's e-mail address, for QUANSHI_HOST_EMAIL: %s\n", quanshitest.DefaultAdminEmail)
}
