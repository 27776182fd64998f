package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/spf13/cobra"
	"sigs.k8s.io/yaml"

	quanshi "github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/sandboxrun"
)

// listenConfig is what callbacks listen serves.
type listenConfig struct {
	addr, path string
	// count stops after that many callbacks; 0 never.
	count int
	// pause separates the steps of a --sandbox drive.
	pause time.Duration
}

func (a *app) callbacksCommand() *cobra.Command {
	callbacks := &cobra.Command{Use: "callbacks", Short: "Receive the callbacks Quanshi pushes"}
	var cfg listenConfig
	listen := &cobra.Command{
		Use:   "listen",
		Short: "Serve the SDK's callback handler and print each callback as it arrives",
		Long: `listen serves quanshi.CallbackHandler (parsing, deduplication by msgId, the
answers the platform expects) on an address and prints each callback as it
arrives: one line per callback in a table, one JSON object per line with -o
json. Point the callback URL agreed with Quanshi at it (through a tunnel for a
development machine).

With --sandbox it also runs a sandbox that sends its callbacks here, and moves
it through the life of its seeded meetings: the first begins, then ends, then
the last is cancelled.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			if err := a.listen(ctx, cfg); err != nil {
				return &commandError{command: "callbacks listen", err: err}
			}
			return nil
		},
	}
	fl := listen.Flags()
	fl.StringVar(&cfg.addr, "addr", "127.0.0.1:8787", "address to listen on")
	fl.StringVar(&cfg.path, "path", "/", "path the callbacks are POSTed to")
	fl.IntVar(&cfg.count, "count", 0, "stop after this many callbacks (0: until interrupted)")
	fl.DurationVar(&cfg.pause, "sandbox-pause", time.Second, "with --sandbox, the pause between the steps of the sandbox's meetings")
	callbacks.AddCommand(listen)
	return callbacks
}

// listen serves the callback handler until ctx is done or cfg.count
// callbacks arrived.
func (a *app) listen(ctx context.Context, cfg listenConfig) error {
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return usagef("--addr: %v", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := &callbackPrinter{a: a, limit: cfg.count, done: cancel}
	mux := http.NewServeMux()
	mux.Handle(cfg.path, p.handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	url := "http://" + ln.Addr().String() + cfg.path
	fmt.Fprintf(a.stderr, "listening for callbacks on %s\n", url)
	if a.sandbox {
		if err := a.driveSandbox(ctx, url, cfg.pause); err != nil {
			return err
		}
	}
	<-ctx.Done()
	return p.err()
}

// driveSandbox starts the --sandbox sandbox, points its callbacks at url and
// moves it through its meetings' lives in the background.
func (a *app) driveSandbox(ctx context.Context, url string, pause time.Duration) error {
	if _, err := a.startSandbox(ctx); err != nil {
		return err
	}
	a.srv.SetCallbackURL(url)
	go func() {
		if err := sandboxrun.Drive(ctx, a.srv, a.seeded, pause); err != nil && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(a.stderr, "quanshi callbacks listen: driving the sandbox: %v\n", err)
		}
	}()
	return nil
}

// callbackPrinter prints callbacks, one at a time, and counts them.
type callbackPrinter struct {
	a     *app
	limit int
	done  func()

	mu    sync.Mutex
	count int
	fail  error
}

func (p *callbackPrinter) handler() *quanshi.CallbackHandler {
	return &quanshi.CallbackHandler{
		OnMeetingBegin: func(_ context.Context, cb *quanshi.MeetingBeginCallback) error {
			return p.print(cb, fmt.Sprintf("event %d, host %d", cb.Meeting.EventID, cb.Meeting.HostID))
		},
		OnMeetingEnd: func(_ context.Context, cb *quanshi.MeetingEndCallback) error {
			return p.print(cb, fmt.Sprintf("event %d, host %d", cb.Meeting.EventID, cb.Meeting.HostID))
		},
		OnUpdate: func(_ context.Context, cb *quanshi.EventUpdateCallback) error {
			return p.print(cb, fmt.Sprintf("event %d %q, status %s", cb.Event.EventID, cb.Event.Title, cb.Event.EventStatus))
		},
		OnUnknown: func(_ context.Context, cb *quanshi.UnknownCallback) error {
			return p.print(cb, fmt.Sprintf("%d bytes", len(cb.Body)))
		},
		Logger: slog.New(slog.NewTextHandler(p.a.stderr, nil)),
	}
}

// print writes one callback: a line in a table, a JSON object otherwise.
func (p *callbackPrinter) print(cb quanshi.Callback, summary string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.limit > 0 && p.count >= p.limit {
		return nil
	}
	h := cb.Header()
	var err error
	if p.a.output == formatTable {
		_, err = fmt.Fprintf(p.a.stdout, "%s  %-12s  %s  msgId %s\n", h.Timestamp.In(quanshi.Beijing).Format("2006-01-02 15:04:05"), h.Method, summary, h.MsgID)
	} else {
		err = writeCallback(p.a.stdout, p.a.output, cb)
	}
	if err != nil {
		p.fail = err
	}
	p.count++
	if p.limit > 0 && p.count >= p.limit {
		p.done()
	}
	return nil
}

func (p *callbackPrinter) err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.fail
}

// writeCallback writes one callback as a line of JSON, or as a YAML
// document.
func writeCallback(w io.Writer, format string, cb quanshi.Callback) error {
	b, err := json.Marshal(cb, resultOptions)
	if err != nil {
		return err
	}
	if format == formatYAML {
		if b, err = yaml.JSONToYAML(b); err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "---\n%s", b)
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
