// Command sdk is the SDK side of the cold-start benchmark (see
// scripts/coldstart): it builds a client and makes one call, then prints
// the nanoseconds that took since main began. Without an argument it only
// starts and exits (for GODEBUG=inittrace=1).
package main

import (
	"context"
	"errors"
	"time"

	quanshi "github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/scripts/coldstart/coldcall"
)

func main() {
	coldcall.Main(time.Now(), call)
}

func call(base string) error {
	c, err := quanshi.NewClient(quanshi.WithBaseURL(base), quanshi.WithLegacyAppKey(coldcall.Request.AppKey))
	if err != nil {
		return err
	}
	st, err := c.Conference.Status(context.Background(), &quanshi.ConferenceStatusRequest{ConferenceID: coldcall.Request.ConferenceID})
	if err == nil && st == nil {
		err = errors.New("no status")
	}
	return err
}
