package examples_test

import (
	"testing"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/redistest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/require"
)

// TestReadmeFleetSnippet: the fleet snippet's clients share one mint on a
// real Redis.
func TestReadmeFleetSnippet(t *testing.T) {
	rs := redistest.Start(t)
	srv := quanshitest.New()
	defer srv.Close()
	for range 3 {
		client, handler, err := readmeFleet(rs.Addr, srv.AppKey, srv.AppSecret, srv.AdminUserID)
		require.NoError(t, err)
		require.NotNil(t, handler.Store)
		// The snippet's client points at production; this one at the sandbox.
		client.Close()
		c, err := srv.Client(quanshi.WithTokenStore(handler.Store.(quanshi.TokenStore)))
		require.NoError(t, err)
		_, err = c.Event.ListPublic(t.Context(), nil)
		require.NoError(t, err)
		c.Close()
	}
	require.Equal(t, 1, srv.Mints())
}
