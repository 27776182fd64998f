// Package quanshiredis shares a quanshi.Client's token, rate budget and
// callback deduplication between the processes of a fleet through Redis
// (github.com/redis/go-redis/v9):
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	store := quanshiredis.NewStore(rdb)
//	client, err := quanshi.NewClient(
//		quanshi.WithAppCredentials(appKey, appSecret, adminUserID),
//		quanshi.WithTokenStore(store),
//		quanshi.WithRateLimiter(quanshiredis.NewRateLimiter(rdb, 20, 5)),
//	)
//	handler := &quanshi.CallbackHandler{Store: store, OnMeetingEnd: onEnd}
//
// One Store and one RateLimiter serve any number of clients (accounts, hosts):
// the client names its own keys by a hash of its credentials and base URLs.
// Keys are "quanshi:token:<hash>", "quanshi:mint:<hash>",
// "quanshi:rate:<hash>" and "quanshi:callback:<msgId>" under the default
// prefix. Only a program that imports this package builds go-redis.
package quanshiredis

import (
	"context"
	"crypto/rand"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/redis/go-redis/v9"
)

// DefaultPrefix starts every key the package writes.
const DefaultPrefix = "quanshi"

// Store is a quanshi.TokenStore and a quanshi.CallbackStore on Redis. It is
// safe for concurrent use.
type Store struct {
	rdb    redis.UniversalClient
	prefix string
}

var (
	_ quanshi.TokenStore    = (*Store)(nil)
	_ quanshi.CallbackStore = (*Store)(nil)
)

// NewStore returns a store on rdb with DefaultPrefix.
func NewStore(rdb redis.UniversalClient) *Store { return NewStoreWithPrefix(rdb, DefaultPrefix) }

// NewStoreWithPrefix returns a store on rdb whose keys start with prefix
// and a colon, for two applications that share one Redis.
func NewStoreWithPrefix(rdb redis.UniversalClient, prefix string) *Store {
	return &Store{rdb: rdb, prefix: prefix}
}

func (s *Store) key(kind, id string) string { return s.prefix + ":" + kind + ":" + id }

// Token returns the token published under key and until when to use it;
// "" when none. The value is "<until, Unix ms> <token>".
func (s *Store) Token(ctx context.Context, key string) (string, time.Time, error) {
	v, err := s.rdb.Get(ctx, s.key("token", key)).Result()
	if errors.Is(err, redis.Nil) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, err
	}
	ms, tok, ok := strings.Cut(v, " ")
	n, perr := strconv.ParseInt(ms, 10, 64)
	if !ok || perr != nil || tok == "" {
		// Not a value this package wrote: treat it as absent, so that a
		// fresh token replaces it.
		return "", time.Time{}, nil
	}
	return tok, time.UnixMilli(n), nil
}

// PublishToken stores token under key until until; the key expires then.
func (s *Store) PublishToken(ctx context.Context, key, token string, until time.Time) error {
	ttl := time.Until(until)
	if ttl < time.Millisecond {
		return nil
	}
	v := strconv.FormatInt(until.UnixMilli(), 10) + " " + token
	return s.rdb.Set(ctx, s.key("token", key), v, ttl).Err()
}

// invalidateScript deletes the token key if it holds the rejected token.
var invalidateScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if v then
  local sp = string.find(v, ' ', 1, true)
  if sp and string.sub(v, sp + 1) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
  end
end
return 0`)

// InvalidateToken removes token from key if it is the one published.
func (s *Store) InvalidateToken(ctx context.Context, key, token string) error {
	return invalidateScript.Run(ctx, s.rdb, []string{s.key("token", key)}, token).Err()
}

// AcquireMintLease takes key's mint lease with SET NX PX and returns its
// random id, or "" when another holds it.
func (s *Store) AcquireMintLease(ctx context.Context, key string, ttl time.Duration) (string, error) {
	id := rand.Text()
	ok, err := s.rdb.SetNX(ctx, s.key("mint", key), id, ttl).Result()
	if err != nil || !ok {
		return "", err
	}
	return id, nil
}

// releaseScript deletes KEYS[1] if it holds ARGV[1].
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`)

// ReleaseMintLease drops key's lease if lease still holds it (a lease that
// expired and was taken by another process stays theirs).
func (s *Store) ReleaseMintLease(ctx context.Context, key, lease string) error {
	return releaseScript.Run(ctx, s.rdb, []string{s.key("mint", key)}, lease).Err()
}

// Callback values.
const (
	callbackLease = "lease"
	callbackDone  = "done"
)

// Acquire leases msgID for lease (SET NX PX) unless it is leased or done.
func (s *Store) Acquire(ctx context.Context, msgID string, lease time.Duration) (quanshi.CallbackClaim, error) {
	k := s.key("callback", msgID)
	ok, err := s.rdb.SetNX(ctx, k, callbackLease, lease).Result()
	switch {
	case err != nil:
		return 0, err
	case ok:
		return quanshi.CallbackAcquired, nil
	}
	v, err := s.rdb.Get(ctx, k).Result()
	switch {
	case errors.Is(err, redis.Nil):
		// It expired between the two commands: try once more.
		return s.acquireAgain(ctx, k, lease)
	case err != nil:
		return 0, err
	case v == callbackDone:
		return quanshi.CallbackDone, nil
	}
	return quanshi.CallbackInFlight, nil
}

func (s *Store) acquireAgain(ctx context.Context, k string, lease time.Duration) (quanshi.CallbackClaim, error) {
	ok, err := s.rdb.SetNX(ctx, k, callbackLease, lease).Result()
	switch {
	case err != nil:
		return 0, err
	case ok:
		return quanshi.CallbackAcquired, nil
	}
	return quanshi.CallbackInFlight, nil
}

// Done marks msgID handled for ttl, replacing its lease.
func (s *Store) Done(ctx context.Context, msgID string, ttl time.Duration) error {
	return s.rdb.Set(ctx, s.key("callback", msgID), callbackDone, ttl).Err()
}

// Release drops msgID's lease; a done msgID stays done.
func (s *Store) Release(ctx context.Context, msgID string) error {
	return releaseScript.Run(ctx, s.rdb, []string{s.key("callback", msgID)}, callbackLease).Err()
}
