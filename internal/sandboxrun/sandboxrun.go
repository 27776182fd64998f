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
	// CallbackURL, if set, receives the live-event callbacks.
	CallbackURL string
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
	opts := []quanshitest.Option{quanshitest.WithAddr(cfg.Addr), quanshitest.WithTokenTTL(cfg.TokenTTL), quanshitest.WithCallbackURL(cfg.CallbackURL)}
	if cfg.Log != nil {
		opts = append(opts, quanshitest.WithLogger(slog.New(slog.NewTextHandler(cfg.Log, nil))))
	}
	srv, err := quanshitest.Start(opts...)
	if err != nil {
		return err
	}
	defer srv.Close()
	if cfg.Seed {
		if _, err := Seed(ctx, srv); err != nil {
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
	fmt.Fprintf(out, "# as an AppId account instead: unset QUANSHI_APP_KEY QUANSHI_ADMIN_USER_ID; export QUANSHI_APP_ID=%s QUANSHI_APP_SECRET=%s\n", srv.AppID, srv.AppIDSecret)
	fmt.Fprintf(out, "# the admin's e-mail address, for QUANSHI_HOST_EMAIL: %s\n", quanshitest.DefaultAdminEmail)
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

// Seeded is one seeded meeting.
type Seeded struct {
	// ConferenceID is the meeting's id.
	ConferenceID string
	// Start and End are its scheduled times.
	Start, End time.Time
}

// Seed books a few meetings for SeedHost in the days after the sandbox's
// today, so that a list shows something, and returns them in start order.
func Seed(ctx context.Context, srv *quanshitest.Server) ([]Seeded, error) {
	client, err := srv.Client()
	if err != nil {
		return nil, err
	}
	defer client.Close()
	now := srv.Now().In(quanshi.Beijing)
	seeded := make([]Seeded, 0, len(seedMeetings))
	for _, m := range seedMeetings {
		start := time.Date(now.Year(), now.Month(), now.Day()+m.day, m.hour, 0, 0, 0, quanshi.Beijing)
		req := &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
			UserID: SeedHost, Title: m.title, Length: m.minutes, StartTime: start,
		}}
		res, err := client.Conference.Create(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("seeding the sandbox: %w", err)
		}
		end := start.Add(time.Duration(m.minutes) * time.Minute)
		seeded = append(seeded, Seeded{ConferenceID: res.ConferenceID, Start: start, End: end})
	}
	return seeded, nil
}

// Drive moves the sandbox through the life of the seeded meetings so that
// it sends its callbacks: the first meeting begins (meetingbegin), then ends
// (meetingend), then the last one is cancelled (update). pause comes before
// each step; Drive returns early when ctx is done.
func Drive(ctx context.Context, srv *quanshitest.Server, seeded []Seeded, pause time.Duration) error {
	if len(seeded) == 0 {
		return nil
	}
	client, err := srv.Client()
	if err != nil {
		return err
	}
	defer client.Close()
	first, last := seeded[0], seeded[len(seeded)-1]
	steps := []func() error{
		func() error { srv.Advance(first.Start.Sub(srv.Now()) + time.Minute); return nil },
		func() error { srv.Advance(first.End.Sub(srv.Now()) + time.Minute); return nil },
		func() error {
			return client.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: last.ConferenceID, UserID: SeedHost})
		},
	}
	for _, step := range steps {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(pause):
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
