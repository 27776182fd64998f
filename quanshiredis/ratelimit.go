package quanshiredis

import (
	"context"
	"math"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/quanshi-sdk/quanshi-go"
	"github.com/redis/go-redis/v9"
)

// RateLimiter is a quanshi.RateLimiter shared through Redis: the GCRA of
// github.com/go-redis/redis_rate/v10 (one Lua script per request), so every
// process using the same key draws from one budget of perSecond requests a
// second with bursts of burst. It is safe for concurrent use.
type RateLimiter struct {
	lim       *redis_rate.Limiter
	limit     redis_rate.Limit
	prefix    string
	perSecond float64
	burst     int
}

var _ quanshi.RateLimiter = (*RateLimiter)(nil)

// NewRateLimiter returns a limiter on rdb of perSecond requests a second
// (a positive finite number; fractions allowed) with bursts of burst (at
// least 1), keys under DefaultPrefix. Invalid values are refused by
// quanshi.WithRateLimiter.
func NewRateLimiter(rdb redis.UniversalClient, perSecond float64, burst int) *RateLimiter {
	return NewRateLimiterWithPrefix(rdb, DefaultPrefix, perSecond, burst)
}

// NewRateLimiterWithPrefix is NewRateLimiter with keys under prefix.
func NewRateLimiterWithPrefix(rdb redis.UniversalClient, prefix string, perSecond float64, burst int) *RateLimiter {
	// redis_rate counts whole requests per period: a fractional rate is
	// expressed per 1000 s, which GCRA spaces out the same.
	limit := redis_rate.Limit{Rate: int(math.Round(perSecond)), Burst: burst, Period: time.Second}
	if perSecond != math.Trunc(perSecond) && perSecond > 0 && perSecond < math.MaxInt32/1000 {
		limit.Rate, limit.Period = int(math.Round(perSecond*1000)), 1000*time.Second
	}
	return &RateLimiter{lim: redis_rate.NewLimiter(rdb), limit: limit, prefix: prefix + ":", perSecond: perSecond, burst: burst}
}

// Allow takes one permit under key if one is free (0), else returns how
// long until one may be.
func (l *RateLimiter) Allow(ctx context.Context, key string) (time.Duration, error) {
	res, err := l.lim.Allow(ctx, l.prefix+key, l.limit)
	if err != nil {
		return 0, err
	}
	if res.Allowed > 0 {
		return 0, nil
	}
	return max(res.RetryAfter, time.Millisecond), nil
}

// Limit is the limiter's rate and burst.
func (l *RateLimiter) Limit() (float64, int) { return l.perSecond, l.burst }
