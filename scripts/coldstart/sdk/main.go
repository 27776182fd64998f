// Command sdk is the SDK side of the cold-start benchmark (see
// scripts/coldstart): it builds a client and makes one call, then prints
// the nanoseconds that took since main began. Without an argument it only
// starts and exits (for GODEBUG=inittrace=1).
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

func main() {
	start := time.Now()
	if len(os.Args) < 2 {
		return
	}
	c, err := quanshi.NewClient(quanshi.WithBaseURL(os.Args[1]), quanshi.WithLegacyAppKey("legacy-appkey"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	st, err := c.Conference.Status(context.Background(), &quanshi.ConferenceStatusRequest{ConferenceID: "239139091"})
	if err != nil || st == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(time.Since(start).Nanoseconds())
}
