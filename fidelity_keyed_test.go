package quanshi

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15 point 8: one member of a map-keyed payload whose key is not what
// the map is keyed by is skipped (debug log, ResponseInfo.Unparsed), the
// rest kept. Point 5: accessNumers, the §17 table's spelling, is read too.

// getConfReplay's result is keyed by e-mail: a "total" beside the page's
// example host is skipped.
func TestRecordingListByHostsSkipsANonEmailKey(t *testing.T) {
	var logs bytes.Buffer
	api := newTestAPI(t, WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	body := strings.Replace(fixture(t, "recording/getConfReplay.json"), `"result": {`, `"result": {"total": 1,`, 1)
	require.NotEqual(t, fixture(t, "recording/getConfReplay.json"), body)
	api.respond(opRecordingListByHosts, http.StatusOK, body)
	var info ResponseInfo
	res, err := api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{Emails: []string{"xmlpay16@hys.com"}}, CaptureResponse(&info))
	require.NoError(t, err)
	assert.Len(t, res.ByEmail, 1)
	assert.NotEmpty(t, res.ByEmail["xmlpay16@hys.com"])
	assert.Equal(t, []UnparsedField{{Field: "total", Text: "1"}}, info.Unparsed)
	assert.Contains(t, logs.String(), "field=total")
}

// accessNumbers is keyed by language: a member under another key that is
// no list of numbers is skipped; one that is a list is kept.
func TestMeetingAccessNumbersSkipsAnOddMember(t *testing.T) {
	api := newTestAPI(t)
	body := strings.Replace(fixture(t, "room/infos.json"), `"accessNumbers": {`, `"accessNumbers": {"count": 3, "Ja-jp": [{"area": "Tokyo", "number": "+81-3"}],`, 1)
	require.NotEqual(t, fixture(t, "room/infos.json"), body)
	api.respond(opRoomGet, http.StatusOK, body)
	var info ResponseInfo
	res, err := api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "239608224", UserID: 87679779}, CaptureResponse(&info))
	require.NoError(t, err)
	nums := res.Meetings[0].AccessNumbers
	assert.NotContains(t, nums, "count")
	assert.Equal(t, "+81-3", nums["Ja-jp"][0].Number)
	assert.NotEmpty(t, nums["Zh-cn"])
	assert.Equal(t, []UnparsedField{{Field: "count", Text: "3"}}, info.Unparsed)

	// A documented key whose value is no list is an error, as before.
	body = strings.Replace(fixture(t, "room/infos.json"), `"accessNumbers": {`, `"accessNumbers": {"Zh-cn": 3, "x": `, 1)
	api.respond(opRoomGet, http.StatusOK, body)
	_, err = api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "239608224", UserID: 87679779})
	require.ErrorIs(t, err, ErrMalformedResponse)
}

// The table spells accessNumers, the example accessNumbers: both are read,
// and an empty copy never overwrites the other.
func TestMeetingAccessNumersSpelling(t *testing.T) {
	body := strings.Replace(fixture(t, "room/infos.json"), `"accessNumbers": {`, `"accessNumers": {`, 1)
	require.NotEqual(t, fixture(t, "room/infos.json"), body)
	api := newTestAPI(t)
	api.respond(opRoomGet, http.StatusOK, body)
	res, err := api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "239608224", UserID: 87679779})
	require.NoError(t, err)
	assert.NotEmpty(t, res.Meetings[0].AccessNumbers["Zh-cn"])

	for _, doc := range []string{
		`{"accessNumbers":{"Zh-cn":[{"number":"1"}]},"accessNumers":null}`,
		`{"accessNumbers":{"Zh-cn":[{"number":"1"}]},"accessNumers":{}}`,
		`{"accessNumbers":{"Zh-cn":[{"number":"1"}]},"accessNumers":""}`,
		`{"accessNumers":{"Zh-cn":[{"number":"1"}]},"accessNumbers":{"Zh-cn":[]}}`,
	} {
		var m Meeting
		require.NoError(t, decodeJSON([]byte(doc), &m), doc)
		require.Len(t, m.AccessNumbers["Zh-cn"], 1, doc)
		assert.Equal(t, "1", m.AccessNumbers["Zh-cn"][0].Number, doc)
	}
}
