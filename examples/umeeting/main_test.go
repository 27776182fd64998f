package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
)

func TestUMeetingOnTheSandbox(t *testing.T) {
	exampletest.ClearEnv(t)
	got := exampletest.Output(t, run)

	m := exampletest.Lines(t, got,
		`^Using the in-process sandbox at `,
		`^Scheduled meeting (\d+) "Team sync" at \d{4}-\d\d-\d\d \d\d:00 \+08:00: join https://\S+/j/(\d+)$`,
		`^Scheduled meeting (\d+) "Customer demo" at .*: join https://\S+/j/(\d+)$`,
		`^Online meetings with user key "quanshi-go-example":$`,
		`^  (\d+)  .*  "Team sync", 60 min, scheduled$`,
		`^  (\d+)  .*  "Customer demo", 60 min, scheduled$`,
		`^Ended meeting (\d+) "Team sync": now ended\.$`,
		`^Online meetings with user key "quanshi-go-example":$`,
		`^  (\d+)  .*  "Customer demo", 60 min, scheduled$`,
		`^Deleted meeting (\d+)\.$`,
		`^Started instant meeting (\d+) in room (\S+)\.$`,
		`^Room "[^"]+" \(25 seats\) now has 1 meeting\(s\):$`,
		`^  (\d+)  "Quick huddle", in progress$`,
		`^Ended meeting (\d+)\.$`,
		`^Record of meeting (\d+): 0 min, 1 participant\(s\), ended \d{4}-\d\d-\d\d \d\d:\d\d \+08:00\.$`,
		`^Room (\S+) today: 1 meeting\(s\), 1 participant\(s\), 0 min\.$`,
		`^Done\.$`,
	)
	inst, room := m[10][1], m[10][2]
	assert.Equal(t, inst, m[12][1], "the room monitor shows the instant meeting")
	assert.Equal(t, inst, m[13][1])
	assert.Equal(t, inst, m[14][1], "its record")
	assert.Equal(t, room, m[15][1], "the statistics of its room")
	sync, demo := m[1][1], m[2][1]
	assert.Equal(t, sync, m[1][2])
	assert.Equal(t, demo, m[2][2])
	assert.Equal(t, sync, m[4][1])
	assert.Equal(t, demo, m[5][1])
	assert.Equal(t, sync, m[6][1])
	assert.Equal(t, demo, m[8][1])
	assert.Equal(t, demo, m[9][1])
	assert.Equal(t, 1, strings.Count(got, `"Team sync", 60 min`), "the ended meeting leaves the list")
	exampletest.NoSecrets(t, got, nil)
}

func TestUMeetingOnTheRealAPIPath(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv)
	got := exampletest.Output(t, run)
	exampletest.Lines(t, got,
		`^Using the API the QUANSHI_\*/UMEETING_\* variables name: quanshi\.Client\{.*umeeting: http://127\.0\.0\.1:\d+/umeeting-api\}\.$`,
		`^Scheduled meeting \d+ "Team sync"`,
		`^Ended meeting \d+ "Team sync": now ended\.$`,
		`^Done\.$`,
	)
	assert.Equal(t, 2, srv.Handled("/umeeting/share/schedule"))
	assert.Equal(t, 2, srv.Handled("/umeeting/share/list"))
	assert.Equal(t, 1, srv.Handled("/umeeting/share/delete"))
	assert.Equal(t, 1, srv.Handled("/umeeting/share/instant"))
	assert.Equal(t, 1, srv.Handled("/umeeting/share/rooms"))
	assert.Equal(t, 2, srv.Handled("/umeeting/share/end"))
	assert.Equal(t, 1, srv.Handled("/umeeting/share/hisMeeting"))
	assert.Equal(t, 1, srv.Handled("/umeeting/share/summary"))
	exampletest.NoSecrets(t, got, srv)
}

func TestUMeetingFailsWithTheError(t *testing.T) {
	exampletest.ClearEnv(t)
	t.Setenv("QUANSHI_TOKEN", "a-token") // no umeeting credentials
	err := exampleenv.Run(context.Background(), &bytes.Buffer{}, run)
	assert.ErrorContains(t, err, `schedule "Team sync": `)
	assert.ErrorContains(t, err, "WithUMeetingCredentials")
}
