package quanshi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Map-keyed payloads served as the seed's example plus one member whose key
// is no date / e-mail: that member is skipped and the rest kept (issue 15,
// point 8).
func TestKeyedPayloadsSkipForeignMembers(t *testing.T) {
	t.Run("getConferenceList list keyed by date", func(t *testing.T) {
		api := newTestAPI(t)
		body := strings.Replace(fixture(t, "conference/getConferenceList.json"), `"list": {`, `"list": {"count": 3, "note": {"x": 1},`, 1)
		api.respond(opConferenceList, http.StatusOK, body)
		res, err := api.client.Conference.List(context.Background(), confListExample())
		require.NoError(t, err)
		require.Len(t, res.Conferences, 1)
		assert.Equal(t, "2797400", res.Conferences[0].ConferenceID)
	})
	t.Run("getConfReplay keyed by e-mail", func(t *testing.T) {
		api := newTestAPI(t)
		body := strings.Replace(fixture(t, "recording/getConfReplay.json"), `"result": {`, `"result": {"total": 2,`, 1)
		api.respond(opRecordingListByHosts, http.StatusOK, body)
		res, err := api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{Emails: []string{"xmlpay16@hys.com"}})
		require.NoError(t, err)
		require.Len(t, res.ByEmail, 1)
		assert.NotEmpty(t, res.ByEmail["xmlpay16@hys.com"])
	})
	t.Run("accessNumbers keyed by language", func(t *testing.T) {
		var m Meeting
		require.NoError(t, decodeJSON([]byte(`{"accessNumbers": {"count": 1, "Zh-cn": [{"area": "北京", "chooseBySelf": 0, "number": "+86(10)5932-1988"}], "Zh-cn": []}}`), &m))
		require.Len(t, m.AccessNumbers, 1)
		assert.Equal(t, "+86(10)5932-1988", m.AccessNumbers["Zh-cn"][0].Number)
	})
}

// advanceHours "1.5" is a value of the documented type (float64 on
// getConfStatus); on a meeting it no longer fails the call (issue 15, point 4).
func TestMeetingAdvanceHoursFraction(t *testing.T) {
	var m Meeting
	require.NoError(t, decodeJSON([]byte(`{"advanceHours": "1.5"}`), &m))
	assert.InDelta(t, 1.5, m.AdvanceHours, 1e-9)
}
