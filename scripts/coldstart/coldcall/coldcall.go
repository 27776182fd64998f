// Package coldcall is what the hand-written programs of the cold-start
// benchmark share: the request and answer structs their users would write
// for Conference.Status, and the timing around the one call.
package coldcall

import (
	"fmt"
	"os"
	"time"
)

// StatusRequest is getConfStatus's request as a user writes it.
type StatusRequest struct {
	AppID        int    `json:"appId"`
	AppKey       string `json:"appKey"`
	ConferenceID string `json:"conferenceId"`
}

// Request is the request every program sends.
var Request = StatusRequest{AppID: 6, AppKey: "legacy-appkey", ConferenceID: "239139091"}

// StatusAnswer holds the members of getConfStatus's answer a user reads.
type StatusAnswer struct {
	Status int64  `json:"status"`
	Msg    string `json:"msg"`
	Result struct {
		ConfStatus int64 `json:"confStatus"`
		Attendees  int64 `json:"attendees"`
	} `json:"result"`
}

// Main runs call on the base URL in os.Args[1] and prints the nanoseconds
// since start; without an argument it returns at once (for
// GODEBUG=inittrace=1). It exits 1 when call fails.
func Main(start time.Time, call func(base string) error) {
	if len(os.Args) < 2 {
		return
	}
	if err := call(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(time.Since(start).Nanoseconds())
}
