// Package sandboxrun runs the quanshitest sandbox for the command line:
// serving it on an address until interrupted (cmd/quanshi-sandbox and
// "quanshi sandbox serve"), printing the environment that points a client at
// it, and seeding it with a few meetings so that a list shows something.
package sandboxrun

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	quanshi "github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// SeedHost is the host of the seeded meetings: "quanshi --sandbox conference
// list --host 81299515" lists them.
const SeedHost = int64(81299515)

// Config is how to serve.
type Config struct {
	// Addr is the address to listen on.
	Addr string
	// TokenTTL is the lifetime of minted tokens.
	TokenTTL time.Duration
	// Log receives one line per call; nil logs nothing.
	Log io.Writer
	// Seed books the seeded meetings before serving.
	Seed bool
	// Ready, if not nil, gets the server once it listens (for tests).
	Ready func(*quanshitest.Server)
}

// Serve runs a sandbox until ctx is done, printing on out the variables that
// point a client at it.
func Serve(ctx context.Context, out io.Writer, cfg Config) error {
	opts := []quanshitest.Option{quanshitest.WithAddr(cfg.Addr), quanshitest.WithTokenTTL(cfg.TokenTTL)}
	if cfg.Log != nil {
		opts = append(opts, quanshitest.WithLogger(slog.New(slog.NewTextHandler(cfg.Log, nil))))
	}
	srv, err := quanshitest.Start(opts...)
	if err != nil {
		return err
	}
	defer srv.Close()
	if cfg.Seed {
		if err := Seed(ctx, srv); err != nil {
			return err
		}
	}
	PrintEnv(out, srv)
	if cfg.Ready != nil {
		cfg.Ready(srv)
	}
	<-ctx.Done()
	fmt.Fprintln(out, "# sandbox stopped")
	return nil
}

// PrintEnv prints the variables quanshi.NewClientFromEnv reads, ready to
// export. The credentials are the sandbox's own, not secrets.
func PrintEnv(out io.Writer, srv *quanshitest.Server) {
	fmt.Fprintf(out, "# quanshi sandbox listening on %s\n# export these to point a client at it:\n", srv.URL)
	for _, kv := range srv.Env() {
		fmt.Fprintf(out, "export %s\n", kv)
	}
}

// seedMeetings are the seeded meetings: title, day after the sandbox's
// today, Beijing hour, length in minutes.
var seedMeetings = []struct {
	title     string
	day, hour int
	minutes   int
}{
	{"Weekly sync", 1, 10, 45},
	{"Quarterly results call", 1, 15, 90},
	{"Design review", 2, 9, 60},
}

// Seed books a few meetings for SeedHost in the days after the sandbox's
// today, so that a list shows something.
func Seed(ctx context.Context, srv *quanshitest.Server) error {
	client, err := srv.Client()
	if err != nil {
		return err
	}
	now := srv.Now().In(quanshi.Beijing)
	for _, m := range seedMeetings {
		start := time.Date(now.Year(), now.Month(), now.Day()+m.day, m.hour, 0, 0, 0, quanshi.Beijing)
		req := &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
			UserID: SeedHost, Title: m.title, Length: m.minutes, StartTime: start,
		}}
		if _, err := client.Conference.Create(ctx, req); err != nil {
			return fmt.Errorf("seeding the sandbox: %w", err)
		}
	}
	return nil
}
