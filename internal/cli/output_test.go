package cli

import (
	"errors"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// row is a list item as the SDK's result types are.
type row struct {
	ID      string                   `json:"id"`
	Start   time.Time                `json:"start"`
	Status  quanshi.ConferenceStatus `json:"status"`
	Live    bool                     `json:"live"`
	PCode1  string                   `json:"pcode1"`
	Length  time.Duration            `json:"length"`
	Unused  string                   `json:"unused"`
	Invitee []string                 `json:"invitee"`
}

func rows(n int, fail error) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for i := range n {
			r := &row{ID: string(rune('a' + i%26)), Start: time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC), Status: quanshi.ConferenceStatusInProgress, PCode1: "host-pass", Length: 45 * time.Minute, Invitee: []string{"x", "y"}}
			if !yield(r, nil) {
				return
			}
		}
		if fail != nil {
			yield(nil, fail)
		}
	}
}

func TestTable(t *testing.T) {
	var b strings.Builder
	require.NoError(t, render(&b, formatTable, []row{{ID: "1", Start: time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC), Status: quanshi.ConferenceStatusInProgress, PCode1: "host-pass", Invitee: []string{"x", "y"}}}, tableLayout{}))
	assert.Equal(t, "ID  START             STATUS       P CODE1  INVITEE\n1   2026-12-01 15:00  in progress  ******   x, y\n", b.String(), "Beijing time, words, masked passcode, empty columns left out")
	b.Reset()
	require.NoError(t, render(&b, formatTable, &row{ID: "1", Live: true}, tableLayout{}))
	assert.Equal(t, "ID:      1\nSTATUS:  none\nLIVE:    yes\nLENGTH:  0s\n", b.String(), "a small struct shows its zero fields")
}

func TestRenderSeq(t *testing.T) {
	var out, progressOut strings.Builder
	p := &progress{w: &progressOut}
	require.NoError(t, renderSeq(&out, formatJSON, rows(25, nil), 0, p, tableLayout{}))
	assert.Equal(t, 25, strings.Count(out.String(), `"id"`))
	assert.Contains(t, progressOut.String(), "fetched 20")
	assert.True(t, strings.HasPrefix(out.String(), "[\n") && strings.HasSuffix(out.String(), "\n]\n"))
	assert.Contains(t, out.String(), `"length": "45m0s"`)

	out.Reset()
	p = &progress{}
	require.NoError(t, renderSeq(&out, formatTable, rows(25, nil), 3, p, tableLayout{columns: []string{"ID", "Status"}}))
	assert.Equal(t, "ID  STATUS\na   in progress\nb   in progress\nc   in progress\n", out.String(), "--limit 3")

	boom := errors.New("boom")
	out.Reset()
	assert.ErrorIs(t, renderSeq(&out, formatJSON, rows(2, boom), 0, &progress{}, tableLayout{}), boom)
	out.Reset()
	require.NoError(t, renderSeq(&out, formatJSON, rows(0, nil), 0, &progress{}, tableLayout{}))
	assert.Equal(t, "[]\n", out.String())
}

// TestSensitiveColumns: the host's passcode is masked under its old and new
// names; the participants' passcode, which the examples print, is not.
func TestSensitiveColumns(t *testing.T) {
	for _, name := range []string{"PCode1", "HostPasscode", "Recording.HostPasscode", "StartURL", "Token"} {
		assert.True(t, sensitive(name), name)
	}
	assert.False(t, sensitive("ParticipantPasscode"))
}

// TestCredentialMembers: the host's passcode and the links that carry a
// host credential are masked in JSON and YAML as well as in tables, under
// their wire and Go names.
func TestCredentialMembers(t *testing.T) {
	for _, name := range []string{"pcode1", "HostPasscode", "hostConferenceUrl", "hostConferenceLongUrl",
		"HostConferenceLongURL", "start_url", "StartURL", "token", "host_key", "appSecret"} {
		assert.True(t, isCredential(name), name)
		assert.True(t, sensitive(name), name)
	}
	for _, name := range []string{"pcode2", "ParticipantPasscode", "attendeeJoinUrl", "conferenceId"} {
		assert.False(t, isCredential(name), name)
	}
	b, err := maskCredentials([]byte(`{"pcode1":"201501000033329187","hostConferenceLongUrl":"https://m/join/1?pcode=201501000033329187","pcode2":"2015"}`), nil)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "201501000033329187")
	assert.Contains(t, string(b), `"pcode2":"2015"`)
}
