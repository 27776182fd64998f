package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// authStatus is what auth check reports; never the token itself.
type authStatus struct {
	// Credentials says which credentials the client uses (variable names only).
	Credentials string `json:"credentials"`
	// Account is the account the token acts for.
	Account string `json:"account"`
	// ExpiresAt is when the token expires, when the server says.
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
	// ServerTime is the server's clock, from the answer's envelope.
	ServerTime time.Time `json:"serverTime,omitzero"`
	// ClockSkew is the server's clock minus this machine's, in seconds.
	ClockSkew string `json:"clockSkew"`
	// RequestID is the answer's request id.
	RequestID string `json:"requestId,omitempty"`
}

func (a *app) authCommand() *cobra.Command {
	auth := &cobra.Command{Use: "auth", Short: "Check the credentials"}
	auth.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Mint (or use) a token and report the account, its expiry and the server's clock skew",
		Long: `check makes one authenticated call with the configured credentials: with app
credentials the client mints a token first, with QUANSHI_TOKEN it uses it. It
prints which credentials were used, the account, the token's expiry when the
server reports it, and the skew between the server's clock and this machine's
(signed requests are rejected when it is large). The token is never printed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.authCheck(cmd.Context())
			if err != nil {
				op := ""
				if e := findEndpoint(authProbe); e != nil {
					op = e.Op
				}
				return &commandError{command: "auth check", op: op, err: err}
			}
			return render(a.stdout, a.output, st, tableLayout{})
		},
	})
	return auth
}

// authProbe is the authenticated read auth check makes: the dashboard's live
// meetings, one at most, which every account with a token may read.
const authProbe = "dashboard live-conferences"

func (a *app) authCheck(ctx context.Context) (*authStatus, error) {
	client, err := a.connect(ctx)
	if err != nil {
		return nil, err
	}
	e := findEndpoint(authProbe)
	if e == nil {
		return nil, fmt.Errorf("this SDK has no %s to check the credentials with", authProbe)
	}
	req := e.New()
	_ = setter(req, requestFields(typeOf(e)))("count", "1")
	var meta quanshi.ResponseInfo
	start := time.Now()
	_, err = e.Call(ctx, client, req, a.callOptions(&meta))
	a.debugCall("auth check", &meta)
	if err != nil {
		return nil, err
	}
	st := &authStatus{Credentials: a.credentialsUsed(), Account: a.account(), ServerTime: meta.ServerTime, RequestID: meta.RequestID, ClockSkew: "unknown"}
	if !meta.ServerTime.IsZero() {
		local := start.Add(meta.Duration / 2)
		st.ClockSkew = fmt.Sprintf("%+.1fs", meta.ServerTime.Sub(local).Seconds())
	}
	return st, nil
}

// credentialsUsed names the credentials, by variable, never by value.
func (a *app) credentialsUsed() string {
	switch {
	case a.sandbox:
		return "the in-process sandbox's app credentials"
	case os.Getenv(quanshi.EnvToken) != "":
		return "static token (" + quanshi.EnvToken + ")"
	case os.Getenv(quanshi.EnvAppKey) != "":
		return "app credentials (" + quanshi.EnvAppKey + ", " + quanshi.EnvAppSecret + "), token minted"
	}
	return "none"
}

// account is the account the token acts for, as far as the configuration says.
func (a *app) account() string {
	if a.sandbox {
		return fmt.Sprintf("admin user %d", a.srv.AdminUserID)
	}
	if id := os.Getenv(quanshi.EnvAdminUserID); id != "" {
		return "admin user " + id
	}
	return "the token's account"
}
