package quanshi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// TokenStore shares the minted token between the processes (replicas) of a
// fleet that use the same app credentials, so that the fleet mints one token
// per expiry and one after a rejection instead of one per process. A client
// keeps its token in memory and consults the store only when the token nears
// its renewal or the server rejected it, so a call costs nothing more while
// the token is fresh. Package quanshiredis implements it on Redis; without a
// store (the default) each client mints for itself.
//
// key names one account on one host (a hash of the credentials and base URLs,
// never a secret), so one store serves many clients. Implementations must be
// safe for concurrent use.
type TokenStore interface {
	// Token returns the token published under key and the instant until
	// which the fleet uses it (its renewal point, a margin before it
	// expires), or "" when there is none.
	Token(ctx context.Context, key string) (token string, until time.Time, err error)
	// AcquireMintLease takes key's mint lease for ttl unless another holds
	// it, and returns the lease's id ("" when it is held elsewhere). A
	// holder that dies loses the lease after ttl.
	AcquireMintLease(ctx context.Context, key string, ttl time.Duration) (lease string, err error)
	// ReleaseMintLease drops key's lease if lease still holds it.
	ReleaseMintLease(ctx context.Context, key, lease string) error
	// PublishToken stores token under key, to be used until until.
	PublishToken(ctx context.Context, key, token string, until time.Time) error
	// InvalidateToken removes token from key if it is the one published
	// (the server rejected it); a newer token stays.
	InvalidateToken(ctx context.Context, key, token string) error
}

// RateLimiter is a rate budget shared by a fleet (quanshiredis.RateLimiter);
// WithRateLimit is the in-memory one of a single client. The client waits
// for a permit under the call's context, asking Allow again after each
// retryAfter.
type RateLimiter interface {
	// Allow takes one permit under key if one is free (retryAfter 0), else
	// takes none and says how long until one may be.
	Allow(ctx context.Context, key string) (retryAfter time.Duration, err error)
	// Limit is the rate and burst, which the client applies locally
	// while the shared limiter fails.
	Limit() (perSecond float64, burst int)
}

// Defaults of the shared stores.
const (
	// DefaultStoreTimeout bounds each exchange with a shared store; past it
	// the client goes on alone (local minting, local limiting).
	DefaultStoreTimeout = 500 * time.Millisecond
	// storeRetryAfter is how long a client goes on alone after a store
	// failed before trying it again.
	storeRetryAfter = 2 * time.Second
	// mintLeaseTTL is how long a mint lease lasts: a process that dies
	// holding it blocks the others that long at most.
	mintLeaseTTL = 10 * time.Second
	// mintPoll is how often a process waiting for another's mint looks
	// for the published token.
	mintPoll = 25 * time.Millisecond
)

// WithTokenStore shares minted tokens through store (see TokenStore), for a
// fleet of processes with the same app credentials. It needs
// WithAppCredentials or WithAppIDCredentials.
func WithTokenStore(store TokenStore) Option {
	return func(c *config) error {
		if store == nil {
			return optionError("WithTokenStore", "store is nil")
		}
		c.tokenStore = store
		return nil
	}
}

// WithRateLimiter limits the client's requests with l, such as a budget
// shared by a fleet on Redis; a call waits for its turn and never fails for
// being over the limit. While l fails (its store is down or slow) the
// client limits itself locally at l.Limit(), as WithRateLimit would.
func WithRateLimiter(l RateLimiter) Option {
	return func(c *config) error {
		if l == nil {
			return optionError("WithRateLimiter", "limiter is nil")
		}
		perSecond, burst := l.Limit()
		c.rateLimit, c.rateBurst = rate.Limit(perSecond), burst
		if !(perSecond > 0) || math.IsInf(perSecond, 0) || burst < 1 {
			return optionError("WithRateLimiter", "Limit must be a positive finite rate and a burst of at least 1")
		}
		c.limiter = l
		return nil
	}
}

// WithStoreTimeout bounds each exchange with a shared store (WithTokenStore,
// WithRateLimiter); DefaultStoreTimeout by default.
func WithStoreTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return optionError("WithStoreTimeout", "timeout must be positive")
		}
		c.storeTimeout = d
		return nil
	}
}

// storeKey is the client's key in shared stores: a hash of its credentials
// and base URLs, so that accounts and environments never share a token or a
// budget, and no secret reaches the store.
func storeKey(cfg *config) string {
	h := sha256.New()
	for _, part := range []string{"quanshi-store-v1", cfg.appKey, cfg.appID, cfg.appSecret,
		strconv.FormatInt(cfg.adminUserID, 10), cfg.token, cfg.legacyAppKey, cfg.umeetingKey,
		cfg.baseURL, cfg.eventBaseURL, cfg.umeetingBaseURL} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// storeGuard runs the exchanges with a client's shared stores: each bounded
// by the store timeout; after a failure the client goes on alone for a
// while, with one warning per outage and a note when the store is back.
type storeGuard struct {
	c *Client

	mu        sync.Mutex
	downUntil time.Time
	failedAt  time.Time
	down      bool
}

// usable reports whether the shared store may be tried now.
func (g *storeGuard) usable() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return !g.c.cfg.now().Before(g.downUntil)
}

// do runs one exchange under the store timeout and records its outcome. A
// failure that is ctx's own is not the store's.
func (g *storeGuard) do(ctx context.Context, what string, f func(context.Context) error) error {
	sctx, cancel := context.WithTimeout(ctx, g.c.cfg.storeTimeout)
	defer cancel()
	start := g.c.cfg.now()
	err := f(sctx)
	switch {
	case err == nil:
		g.succeeded(start)
	case ctx.Err() == nil:
		g.failed(what, err)
	}
	return err
}

// succeeded records an exchange that began at start and worked; one that
// began before the last failure says nothing of the store's recovery.
func (g *storeGuard) succeeded(start time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.down && start.After(g.failedAt) {
		g.down = false
		g.c.cfg.logger.Info("quanshi: shared store is back; using it again")
	}
}

func (g *storeGuard) failed(what string, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.failedAt = g.c.cfg.now()
	g.downUntil = g.failedAt.Add(storeRetryAfter)
	if g.down {
		return
	}
	g.down = true
	g.c.cfg.logger.Warn("quanshi: shared store failed; minting and limiting locally until it answers again",
		"op", what, "error", g.c.redact.text(err.Error()))
}

// waitTurn waits for the rate limiter, if any: the shared one while it
// answers, else the local one at the same rate.
func (c *Client) waitTurn(ctx context.Context, op Operation) error {
	for c.cfg.limiter != nil && c.guard.usable() {
		var wait time.Duration
		err := c.guard.do(ctx, "rate limit", func(sctx context.Context) (err error) {
			wait, err = c.cfg.limiter.Allow(sctx, c.storeKey)
			return err
		})
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			// The store failed: the local limiter below takes over.
		case wait <= 0:
			return nil
		default:
			if dl, ok := ctx.Deadline(); ok && c.cfg.now().Add(wait).After(dl) {
				return fmt.Errorf("%w: the shared rate limit's next permit comes after the deadline", context.DeadlineExceeded)
			}
			if err := sleep(ctx, wait); err != nil {
				return err
			}
			continue
		}
		break
	}
	return c.waitLocal(ctx, op)
}

// waitLocal waits for the local limiter, if any. It refuses at once a wait
// that would outlast ctx's deadline; that is reported as the deadline.
func (c *Client) waitLocal(ctx context.Context, op Operation) error {
	if c.limiter == nil {
		return nil
	}
	start := time.Now()
	err := c.limiter.Wait(ctx)
	if waited := time.Since(start); waited >= time.Millisecond {
		c.logEvent(ctx, slog.LevelInfo, "quanshi rate limit wait", op, err, slog.Duration("waited", waited))
	}
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("%w: %w", context.DeadlineExceeded, err)
	}
	return err
}
