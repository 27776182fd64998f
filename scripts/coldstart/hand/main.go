// Command hand is the hand-written side of the cold-start benchmark (see
// scripts/coldstart): net/http and encoding/json, the same call as the SDK
// side, printing the nanoseconds it took since main began.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
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
	body, err := json.Marshal(statusRequest{AppID: 6, AppKey: "legacy-appkey", ConferenceID: "239139091"})
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Post(base+"/conference/conference/getConfStatus", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var out statusAnswer
	if err := json.Unmarshal(raw, &out); err != nil {
		return err
	}
	if out.Status != 0 {
		return fmt.Errorf("status %d", out.Status)
	}
	return nil
}
