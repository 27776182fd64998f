package cli

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

func TestNames(t *testing.T) {
	for in, want := range map[string]string{"conferenceId": "conference-id", "email_notify": "email-notify", "isReturnLiveStreamUrl": "is-return-live-stream-url", "h323Ip": "h323-ip", "ManagerCustomerCode": "manager-customer-code"} {
		assert.Equal(t, want, kebabJSON(in), in)
	}
	for in, want := range map[string]string{"StartTime": "startTime", "URL": "url", "URLPath": "urlPath", "ID": "id"} {
		assert.Equal(t, want, lowerCamel(in), in)
	}
}

func TestParseTime(t *testing.T) {
	want := time.Date(2026, 12, 1, 15, 0, 0, 0, quanshi.Beijing)
	for _, s := range []string{"2026-12-01 15:00", "2026-12-01 15:00:00", "2026-12-01T15:00", "2026-12-01T07:00:00Z", "2026-12-01T15:00:00+08:00"} {
		got, err := parseTime(s)
		require.NoError(t, err, s)
		assert.True(t, want.Equal(got), s)
		assert.Equal(t, quanshi.Beijing, got.Location(), s)
	}
	_, err := parseTime("tomorrow")
	assert.ErrorContains(t, err, "Beijing wall-clock")
}

// sample is a request type with every kind of field a flag sets.
type sample struct {
	Embedded
	Count  int                      `json:"count,omitzero"`
	On     *bool                    `json:"on,omitzero"`
	Start  time.Time                `json:"-"`
	Wait   time.Duration            `json:"wait"`
	IDs    []int64                  `json:"ids"`
	Status quanshi.ConferenceStatus `json:"status"`
	Nested struct{ A int }          `json:"nested"`
}

// Embedded is flattened into sample.
type Embedded struct {
	Title string `json:"title"`
}

func TestFlagsSetFields(t *testing.T) {
	var req sample
	fields := requestFields(reflect.TypeOf(req))
	var names []string
	for _, f := range fields {
		names = append(names, f.flag)
	}
	assert.Equal(t, []string{"title", "count", "on", "start", "wait", "ids", "status"}, names)
	set := setter(&req, fields)
	require.NoError(t, set("title", "Board"))
	require.NoError(t, set("count", "3"))
	require.NoError(t, set("on", "false"))
	require.NoError(t, set("start", "2026-12-01 15:00"))
	require.NoError(t, set("wait", "45m"))
	require.NoError(t, set("ids", "1, 2"))
	require.NoError(t, set("ids", "3"))
	require.NoError(t, set("status", "in progress"))
	assert.Equal(t, "Board", req.Title)
	assert.Equal(t, 3, req.Count)
	require.NotNil(t, req.On)
	assert.False(t, *req.On)
	assert.Equal(t, "2026-12-01 15:00", req.Start.Format("2006-01-02 15:04"))
	assert.Equal(t, 45*time.Minute, req.Wait)
	assert.Equal(t, []int64{1, 2, 3}, req.IDs)
	assert.Equal(t, "in progress", req.Status.String())
	assert.ErrorContains(t, set("count", "many"), "not a whole number")
	assert.ErrorContains(t, set("status", "sleeping"), "neither a number nor a ConferenceStatus")
	assert.ErrorContains(t, set("nope", "1"), "no field nope")
}

func TestDecodeRequest(t *testing.T) {
	var req sample
	fields := requestFields(reflect.TypeOf(req))
	err := decodeRequest([]byte(`{"title":"Board","start":"2026-12-01 15:00","wait":"1h30m","ids":[4],"nested":{"A":1}}`), &req, fields)
	require.NoError(t, err)
	assert.Equal(t, "Board", req.Title)
	assert.Equal(t, 15, req.Start.Hour())
	assert.Equal(t, 90*time.Minute, req.Wait)
	assert.Equal(t, []int64{4}, req.IDs)
	assert.Equal(t, 1, req.Nested.A)
	assert.ErrorContains(t, decodeRequest([]byte(`{"titel":"x"}`), &req, fields), "unknown")
	assert.ErrorContains(t, decodeRequest([]byte(`[1]`), &req, fields), "not a JSON object")
}
