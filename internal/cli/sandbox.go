package cli

import (
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/quanshi-sdk/quanshi-go/internal/sandboxrun"
)

func (a *app) sandboxCommand() *cobra.Command {
	sandbox := &cobra.Command{Use: "sandbox", Short: "Run the quanshitest sandbox"}
	var cfg sandboxrun.Config
	var quiet bool
	serve := &cobra.Command{
		Use:   "serve",
		Short: "Serve a sandbox until interrupted and print the variables that point the CLI at it",
		Long: `serve runs the stateful sandbox of the whole API on an address (the same one
cmd/quanshi-sandbox serves), books a few meetings for host ` + "81299515" + `, and
prints the environment variables that point this CLI (or any client built
with quanshi.NewClientFromEnv) at it; state persists across commands until it
stops. The credentials it prints are the sandbox's own, not secrets.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			if !quiet {
				cfg.Log = a.stderr
			}
			if err := sandboxrun.Serve(ctx, a.stdout, cfg); err != nil {
				return &commandError{command: "sandbox serve", err: usagef("%v", err)}
			}
			return nil
		},
	}
	serve.Flags().StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	serve.Flags().DurationVar(&cfg.TokenTTL, "token-ttl", 86400*time.Second, "lifetime of minted tokens")
	serve.Flags().StringVar(&cfg.CallbackURL, "callback-url", "", "POST the live-event callbacks (meetingbegin, meetingend, update) to this URL, such as quanshi callbacks listen's")
	serve.Flags().BoolVar(&cfg.Seed, "seed", true, "book a few meetings for host 81299515 first")
	serve.Flags().BoolVar(&quiet, "quiet", false, "do not log each call on stderr")
	sandbox.AddCommand(serve)
	return sandbox
}
