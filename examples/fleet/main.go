// Command fleet shows several replicas of a service sharing one token and
// one rate budget through Redis (package quanshiredis): four clients in one
// process stand in for four processes, each with its own Redis connection
// pool and store, against the in-process sandbox, whose tokens here live
// 4 seconds so that several expiries pass. It prints the mints per expiry
// (one for the whole fleet) and the fleet's shared rate.
//
// It uses the Redis at REDIS_URL (such as redis://127.0.0.1:6379/0), or
// starts a redis-server found on PATH on a free loopback port, without
// persistence, and stops it at the end:
//
//	go run ./examples/fleet
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshiredis"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/redis/go-redis/v9"
)

const (
	replicas  = 4
	perSecond = 25.0
	burst     = 5
	tokenTTL  = 4 * time.Second
	runFor    = 9 * time.Second
)

func main() {
	url, stop, err := redisURL()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fleet:", err)
		os.Exit(1)
	}
	defer stop()
	if err := run(context.Background(), os.Stdout, url, runFor); err != nil {
		fmt.Fprintln(os.Stderr, "fleet:", err)
		stop()
		os.Exit(1)
	}
}

// redisURL is REDIS_URL, or a redis-server started here.
func redisURL() (string, func(), error) {
	if u := os.Getenv("REDIS_URL"); u != "" {
		return u, func() {}, nil
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	_ = l.Close()
	cmd := exec.Command("redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("REDIS_URL is not set and redis-server could not start: %w", err)
	}
	stop := sync.OnceFunc(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	url := "redis://127.0.0.1:" + port
	opt, _ := redis.ParseURL(url)
	ping := redis.NewClient(opt)
	defer ping.Close()
	for i := 0; ping.Ping(context.Background()).Err() != nil; i++ {
		if i == 100 {
			stop()
			return "", nil, fmt.Errorf("redis-server on port %s did not answer", port)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return url, stop, nil
}

// run drives the fleet for d and reports.
func run(ctx context.Context, out io.Writer, url string, d time.Duration) error {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return fmt.Errorf("REDIS_URL: %w", err)
	}
	srv := quanshitest.New(quanshitest.WithTokenTTL(tokenTTL))
	defer srv.Close()
	fmt.Fprintf(out, "Fleet of %d replicas, one Redis, the sandbox (tokens live %s), a shared limit of %.0f/s.\n", replicas, tokenTTL, perSecond)
	clients := make([]*quanshi.Client, replicas)
	for i := range clients {
		rdb := redis.NewClient(opt) // each replica has its own pool, as a process would
		defer rdb.Close()
		c, err := srv.Client(
			quanshi.WithTokenStore(quanshiredis.NewStore(rdb)),
			quanshi.WithRateLimiter(quanshiredis.NewRateLimiter(rdb, perSecond, burst)),
		)
		if err != nil {
			return err
		}
		defer c.Close()
		clients[i] = c
	}
	calls, failed := drive(ctx, clients, d)
	expiries := int(d/tokenTTL) + 1
	fmt.Fprintf(out, "Mints: %d over %s, %d token lifetimes begun: %.1f per expiry (alone each replica would mint %d).\n",
		srv.Mints(), d, expiries, float64(srv.Mints())/float64(expiries), replicas*expiries)
	fmt.Fprintf(out, "Calls: %d (%d failed), %.1f/s shared by %d replicas (limit %.0f/s, burst %d).\n",
		calls, failed, float64(calls)/d.Seconds(), replicas, perSecond, burst)
	return nil
}

// drive runs three goroutines per replica calling for d.
func drive(ctx context.Context, clients []*quanshi.Client, d time.Duration) (calls, failed int64) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var ok, bad atomic.Int64
	var wg sync.WaitGroup
	for _, c := range clients {
		for range 3 {
			wg.Go(func() {
				for {
					_, err := c.Event.ListPublic(ctx, nil)
					switch {
					case ctx.Err() != nil:
						return
					case err != nil:
						bad.Add(1)
					default:
						ok.Add(1)
					}
				}
			})
		}
	}
	wg.Wait()
	return ok.Load(), bad.Load()
}
