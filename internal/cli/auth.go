package cli

import (
	"context"
	"errors"
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
	// Valid is the server's word on the token.
	Valid bool `json:"valid"`
	// Account is the account the token acts for.
	Account string `json:"account"`
	// CustomerCode is the account's customer.
	CustomerCode string `json:"customerCode,omitempty"`
	// ExpiresAt is when the token expires, when the server says.
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
	// ServerTime is the server's clock, from the answer's envelope.
	ServerTime time.Time `json:"serverTime,omitzero"`
	// ClockSkew is the server's clock minus this machine's, as "+1.5s" or
	// "-2m3s";
	// "unknown" when the answer carried no time.
	ClockSkew string `json:"clockSkew"`
}

// authCheckCommand is auth check, beside the generated auth commands.
func (a *app) authCheckCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Mint (or use) a token and report the account, its expiry and the server's clock skew",
		Long: `check asks the server about the client's token (Auth.CheckToken, POST
/eventopenapi/token/check): with app credentials the client mints one first,
with QUANSHI_TOKEN it checks that one. It prints which credentials were used,
the account, the token's expiry and the skew between the server's clock and
this machine's (signed requests are rejected when it is large). The token is
never printed. A token the server calls invalid exits with the credentials
code.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.authCheck(cmd.Context())
			if err != nil {
				return &commandError{command: "auth check", op: "POST /eventopenapi/token/check", err: err}
			}
			return render(a.stdout, a.output, st, tableLayout{})
		},
	}
}

// authCheck checks the client's own token and measures the clock skew.
func (a *app) authCheck(ctx context.Context) (*authStatus, error) {
	client, err := a.connect(ctx)
	if err != nil {
		return nil, err
	}
	var meta quanshi.ResponseInfo
	start := time.Now()
	info, err := client.Auth.CheckToken(ctx, &quanshi.TokenCheckRequest{}, a.callOptions(&meta)...)
	a.debugCall("auth check", &meta)
	if err != nil {
		return nil, err
	}
	if !info.Valid {
		return nil, &credentialsError{errors.New("the server says the token is not valid")}
	}
	st := &authStatus{
		Credentials: a.credentialsUsed(), Valid: true, CustomerCode: info.CustomerCode,
		Account:   fmt.Sprintf("%s (user %d)", info.UserName, info.UserID),
		ExpiresAt: info.ExpiresAt(), ServerTime: meta.ServerTime, ClockSkew: "unknown",
	}
	if !meta.ServerTime.IsZero() {
		local := start.Add(meta.Duration / 2)
		skew := meta.ServerTime.Sub(local).Round(100 * time.Millisecond)
		sign := "+"
		if skew < 0 {
			sign = "-"
		}
		st.ClockSkew = sign + skew.Abs().String()
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
	case os.Getenv(quanshi.EnvAppID) != "":
		return "AppId credentials (" + quanshi.EnvAppID + ", " + quanshi.EnvAppSecret + "), token minted"
	case os.Getenv(quanshi.EnvAppKey) != "":
		return "app credentials (" + quanshi.EnvAppKey + ", " + quanshi.EnvAppSecret + "), token minted"
	}
	return "none"
}
