package quanshi

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brokenStore fails every exchange, as a Redis that is down.
type brokenStore struct{}

var errStoreDown = errors.New("store down")

func (brokenStore) Token(context.Context, string) (string, time.Time, error) {
	return "", time.Time{}, errStoreDown
}
func (brokenStore) AcquireMintLease(context.Context, string, time.Duration) (string, error) {
	return "", errStoreDown
}
func (brokenStore) ReleaseMintLease(context.Context, string, string) error { return errStoreDown }
func (brokenStore) PublishToken(context.Context, string, string, time.Time) error {
	return errStoreDown
}
func (brokenStore) InvalidateToken(context.Context, string, string) error { return errStoreDown }
func (brokenStore) Allow(context.Context, string) (time.Duration, error)  { return 0, errStoreDown }
func (brokenStore) Limit() (float64, int)                                 { return 1000, 10 }

// nonsenseLimiter has a rate the client cannot apply locally.
type nonsenseLimiter struct{ brokenStore }

func (nonsenseLimiter) Limit() (float64, int) { return math.NaN(), 1 }

func TestFleetOptionsRefuseNonsense(t *testing.T) {
	creds := WithAppCredentials("k", "s", 1)
	for name, opts := range map[string][]Option{
		"WithTokenStore":   {creds, WithTokenStore(nil)},
		"WithRateLimiter":  {creds, WithRateLimiter(nil)},
		"WithStoreTimeout": {creds, WithStoreTimeout(0)},
	} {
		_, err := NewClient(opts...)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.Equal(t, name, ve.Field)
	}
	_, err := NewClient(creds, WithRateLimiter(nonsenseLimiter{}))
	assert.Error(t, err, "a limiter whose rate cannot be applied locally")
	_, err = NewClient(WithToken("t"), WithTokenStore(brokenStore{}))
	assert.Error(t, err, "a token store needs app credentials to mint")
}

// TestStoreKeySeparatesAccountsAndHostsAndHidesSecrets: the key differs per
// credential and base URL and never holds a secret.
func TestStoreKeySeparatesAccountsAndHostsAndHidesSecrets(t *testing.T) {
	key := func(opts ...Option) string {
		c, err := NewClient(opts...)
		require.NoError(t, err)
		return c.storeKey
	}
	a := key(WithAppCredentials("app-key", "app-secret", 1))
	assert.Equal(t, a, key(WithAppCredentials("app-key", "app-secret", 1)))
	assert.NotEqual(t, a, key(WithAppCredentials("app-key", "app-secret", 2)))
	assert.NotEqual(t, a, key(WithAppCredentials("other-key", "app-secret", 1)))
	assert.NotEqual(t, a, key(WithAppCredentials("app-key", "app-secret", 1), WithEventBaseURL("https://test.example.com")))
	assert.NotContains(t, a, "app-secret")
	assert.NotContains(t, a, "app-key")
}
