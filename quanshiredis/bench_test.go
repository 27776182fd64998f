package quanshiredis_test

import (
	"testing"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/redistest"
	"github.com/quanshi-sdk/quanshi-go/quanshiredis"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// BenchmarkFleetCall is the per-call cost of the shared stores: the same
// sandbox call by a client alone, with the Redis token store (consulted only
// near expiry, so a warm call never touches Redis), and with the Redis rate
// limiter too (one GCRA script per call; the limit is far above the rate).
func BenchmarkFleetCall(b *testing.B) {
	rs := redistest.Start(b)
	srv := quanshitest.New()
	b.Cleanup(srv.Close)
	cases := []struct {
		name string
		opts []quanshi.Option
	}{
		{"store=none", nil},
		{"store=redis-token", []quanshi.Option{quanshi.WithTokenStore(quanshiredis.NewStore(rs.Client))}},
		{"store=redis-token+rate", []quanshi.Option{quanshi.WithTokenStore(quanshiredis.NewStore(rs.Client)),
			quanshi.WithRateLimiter(quanshiredis.NewRateLimiter(rs.Client, 1e6, 1000))}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			c, err := srv.Client(tc.opts...)
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			ctx := b.Context()
			if _, err := c.Event.ListPublic(ctx, nil); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Event.ListPublic(ctx, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
