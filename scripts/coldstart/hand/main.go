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
	"time"

	"github.com/quanshi-sdk/quanshi-go/scripts/coldstart/coldcall"
)

func main() {
	coldcall.Main(time.Now(), call)
}

func call(base string) error {
	body, err := json.Marshal(coldcall.Request)
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
	var out coldcall.StatusAnswer
	if err := json.Unmarshal(raw, &out); err != nil {
		return err
	}
	if out.Status != 0 {
		return fmt.Errorf("status %d", out.Status)
	}
	return nil
}
