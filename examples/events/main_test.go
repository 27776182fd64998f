package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
)

func TestEventsOnTheSandbox(t *testing.T) {
	exampletest.ClearEnv(t, exampleenv.EnvHostUserID)
	got := exampletest.Output(t, run)

	m := exampletest.Lines(t, got,
		`^Using the in-process sandbox at `,
		`^Created series parent (\d+) "2027 Macro outlook" \(分析师会议 template\)\.$`,
		`^Created series meeting (\d+) "Macro outlook: January" under parent (\d+): conference (\d+)\.$`,
		`^Created strategy parent (\d+) "2027 Annual strategy conference"\.$`,
		`^Created forum (\d+) "Consumer forum" under parent (\d+): conference (\d+)\.$`,
		`^Event (\d+) "Macro outlook: January": created, \d{4}-\d\d-\d\d 10:00 \+08:00 to \d{4}-\d\d-\d\d 11:00 \+08:00, large live, 分析师会议, host \S+ \(19533553\)\.$`,
		`^  host link: https://\S+/k/h(\d+)$`,
		`^  audience link: https://\S+/activity/\S+$`,
		`^Event (\d+) "Consumer forum": created, \d{4}-\d\d-\d\d 14:00 \+08:00 to \d{4}-\d\d-\d\d 14:45 \+08:00, large live, 专家会议, `,
		`^  host link: https://\S+/k/h(\d+)$`,
		`^Done\.$`,
	)
	series, january, strategy, forum := m[1][1], m[2], m[3][1], m[4]
	assert.Equal(t, series, january[2], "the meeting belongs to the series")
	assert.Equal(t, strategy, forum[2], "the forum belongs to the strategy event")
	assert.Equal(t, january[1], m[5][1])
	assert.Equal(t, january[3], m[6][1], "the host link joins the meeting's conference")
	assert.Equal(t, forum[1], m[8][1])
	assert.Equal(t, forum[3], m[9][1])
	assert.NotEqual(t, january[3], forum[3])
	exampletest.NoSecrets(t, got, nil)
}

func TestEventsOnTheRealAPIPath(t *testing.T) {
	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv, exampleenv.EnvHostUserID)
	t.Setenv(exampleenv.EnvHostUserID, "88589613")
	got := exampletest.Output(t, run)
	exampletest.Lines(t, got,
		`^Using the API the QUANSHI_\*/UMEETING_\* variables name: `,
		`^Created series parent (\d+) `,
		`^Event (\d+) "Macro outlook: January": created, .*, host user88589613 \(88589613\)\.$`,
		`^Done\.$`,
	)
	assert.Equal(t, 4, srv.Handled("/eventopenapi/event/create"))
	assert.Equal(t, 2, srv.Handled("/eventopenapi/event/info"))
	exampletest.NoSecrets(t, got, srv)
}

func TestEventsFailsWithTheError(t *testing.T) {
	exampletest.ClearEnv(t, exampleenv.EnvHostUserID)
	t.Setenv("QUANSHI_TOKEN", "a-token")
	err := exampleenv.Run(context.Background(), &bytes.Buffer{}, run)
	assert.ErrorContains(t, err, "set QUANSHI_HOST_USER_ID")

	srv := quanshitest.New()
	defer srv.Close()
	exampletest.PointEnvAt(t, srv, exampleenv.EnvHostUserID)
	srv.Inject(quanshitest.Fault{Path: "/eventopenapi/event/create", BusinessCode: 50103, Message: "calType is wrong"})
	err = exampleenv.Run(context.Background(), &bytes.Buffer{}, run)
	assert.ErrorContains(t, err, "create the series parent: ")
	assert.ErrorContains(t, err, "code 50103: calType is wrong")
}
