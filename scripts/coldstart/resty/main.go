// Command resty is the hand-written resty side of the cold-start benchmark
// (see scripts/coldstart): the same call as the SDK side written the way a
// resty user would (resty.New, a request struct, SetResult), printing the
// nanoseconds it took since main began. It shows what building on resty
// costs a fresh process before any of the SDK's own work.
package main

import (
	"fmt"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/quanshi-sdk/quanshi-go/scripts/coldstart/coldcall"
)

func main() {
	coldcall.Main(time.Now(), call)
}

func call(base string) error {
	var out coldcall.StatusAnswer
	resp, err := resty.New().SetBaseURL(base).SetTimeout(30 * time.Second).R().
		SetBody(coldcall.Request).
		SetResult(&out).
		Post("/conference/conference/getConfStatus")
	if err != nil {
		return err
	}
	if resp.StatusCode() != 200 || out.Status != 0 {
		return fmt.Errorf("status %d, business code %d", resp.StatusCode(), out.Status)
	}
	return nil
}
