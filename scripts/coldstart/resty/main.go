// Command resty is the hand-written resty side of the cold-start benchmark
// (see scripts/coldstart): the same call as the SDK side written the way a
// resty user would (resty.New, a request struct, SetResult), printing the
// nanoseconds it took since main began. It shows what building on resty
// costs a fresh process before any of the SDK's own work.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/go-resty/resty/v2"
)

type statusRequest struct {
	AppID        int    `json:"appId"`
	AppKey       string `json:"appKey"`
	ConferenceID string `json:"conferenceId"`
}

type statusAnswer struct {
	Status int64  `json:"status"`
	Msg    string `json:"msg"`
	Result struct {
		ConfStatus int64 `json:"confStatus"`
		Attendees  int64 `json:"attendees"`
	} `json:"result"`
}

func main() {
	start := time.Now()
	if len(os.Args) < 2 {
		return
	}
	if err := call(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(time.Since(start).Nanoseconds())
}

func call(base string) error {
	var out statusAnswer
	resp, err := resty.New().SetBaseURL(base).SetTimeout(30 * time.Second).R().
		SetBody(statusRequest{AppID: 6, AppKey: "legacy-appkey", ConferenceID: "239139091"}).
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
