package main

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/internal/redistest"
)

func TestFleetOnRedis(t *testing.T) {
	rs := redistest.Start(t)
	var out bytes.Buffer
	if err := run(t.Context(), &out, rs.URL(), 9*time.Second); err != nil {
		t.Fatal(err)
	}
	m := exampletest.Lines(t, out.String(),
		`^Fleet of 4 replicas, one Redis, the sandbox \(tokens live 4s\), a shared limit of 25/s\.$`,
		`^Mints: (\d+) over 9s, 3 token lifetimes begun: \S+ per expiry \(alone each replica would mint 12\)\.$`,
		`^Calls: (\d+) \((\d+) failed\), \S+/s shared by 4 replicas \(limit 25/s, burst 5\)\.$`,
	)
	if mints, _ := strconv.Atoi(m[1][1]); mints != 3 {
		t.Errorf("mints = %d, want 3 (one per expiry)", mints)
	}
	calls, _ := strconv.Atoi(m[2][1])
	if m[2][2] != "0" || calls > 9*25+5+1 || calls < 9*25*8/10 {
		t.Errorf("calls = %d, failed %s; want about 225 and none failed", calls, m[2][2])
	}
}
