package quanshi

import (
	"context"
	"errors"
	"time"
)

// obtainToken gets a token for the minting source: from the shared store
// when one is configured and answers (minting under its lease when the
// store has none), else by minting here. rejected is the token the server
// last rejected: it is dropped from the store and never taken from it. It
// returns the token and when to renew it.
func (c *Client) obtainToken(ctx context.Context, rejected string) (string, time.Time, error) {
	if c.cfg.tokenStore != nil && c.guard.usable() {
		tok, until, err := c.sharedToken(ctx, rejected)
		if err == nil || ctx.Err() != nil {
			return tok, until, err
		}
		var minted mintError
		if errors.As(err, &minted) {
			return "", time.Time{}, minted.err
		}
		// The store failed (the guard warned): mint here.
	}
	return c.mintLocally(ctx)
}

// mintError is a mint's own failure, as opposed to the store's.
type mintError struct{ err error }

func (e mintError) Error() string { return e.err.Error() }

// mintLocally mints and returns the token with its renewal point.
func (c *Client) mintLocally(ctx context.Context) (string, time.Time, error) {
	start := c.cfg.now()
	tok, lifetime, err := c.mintToken(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	return tok, start.Add(lifetime - min(maxRenewMargin, lifetime/10)), nil
}

// sharedToken takes the fleet's token from the store, or mints it under the
// store's mint lease and publishes it, or waits for the process holding the
// lease to publish. A process that dies holding the lease holds it no longer
// than mintLeaseTTL.
func (c *Client) sharedToken(ctx context.Context, rejected string) (string, time.Time, error) {
	st, key, g := c.cfg.tokenStore, c.storeKey, &c.guard
	if rejected != "" {
		if err := g.do(ctx, "invalidate token", func(sctx context.Context) error {
			return st.InvalidateToken(sctx, key, rejected)
		}); err != nil {
			return "", time.Time{}, err
		}
	}
	for {
		tok, until, err := c.publishedToken(ctx, rejected)
		if err != nil || tok != "" {
			return tok, until, err
		}
		var lease string
		if err := g.do(ctx, "acquire mint lease", func(sctx context.Context) (err error) {
			lease, err = st.AcquireMintLease(sctx, key, mintLeaseTTL)
			return err
		}); err != nil {
			return "", time.Time{}, err
		}
		if lease != "" {
			return c.mintUnderLease(ctx, lease, rejected)
		}
		if err := sleep(ctx, mintPoll); err != nil {
			return "", time.Time{}, err
		}
	}
}

// publishedToken is the store's token unless it is absent, the rejected
// one or past its renewal point ("" then).
func (c *Client) publishedToken(ctx context.Context, rejected string) (string, time.Time, error) {
	var tok string
	var until time.Time
	if err := c.guard.do(ctx, "get token", func(sctx context.Context) (err error) {
		tok, until, err = c.cfg.tokenStore.Token(sctx, c.storeKey)
		return err
	}); err != nil {
		return "", time.Time{}, err
	}
	if tok == "" || tok == rejected || !c.cfg.now().Before(until) {
		return "", time.Time{}, nil
	}
	c.redact.addToken(tok)
	return tok, until, nil
}

// mintUnderLease mints, publishes the token and releases the lease, unless
// the token appeared in the store between the look and the lease (its
// minter published it and released the lease just then). A failure to
// publish or release is the store's: the token is used here all the same,
// and the lease expires by itself.
func (c *Client) mintUnderLease(ctx context.Context, lease, rejected string) (string, time.Time, error) {
	st, key, g := c.cfg.tokenStore, c.storeKey, &c.guard
	tok, until, err := c.publishedToken(ctx, rejected)
	minted := err == nil && tok == ""
	if minted {
		tok, until, err = c.mintLocally(ctx)
		if err != nil {
			err = mintError{err}
		}
	}
	if minted && err == nil {
		_ = g.do(ctx, "publish token", func(sctx context.Context) error {
			return st.PublishToken(sctx, key, tok, until)
		})
	}
	_ = g.do(context.WithoutCancel(ctx), "release mint lease", func(sctx context.Context) error {
		return st.ReleaseMintLease(sctx, key, lease)
	})
	if err != nil {
		return "", time.Time{}, err
	}
	return tok, until, nil
}
