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
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/quanshi-sdk/quanshi-go/internal/sandboxrun"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, nil); err != nil {
		fmt.Fprintln(os.Stderr, "quanshi-sandbox:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done. ready, if not nil, gets the server once it
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
	return sandboxrun.Serve(ctx, out, sandboxrun.Config{Addr: *addr, TokenTTL: *ttl, CallbackURL: *callbackURL, Log: out, Ready: ready})
}
