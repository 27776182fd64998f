package quanshi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The lookup matches title and start minute, and says ErrNotBooked, naming
// the list it read, when nothing matches.
func TestConferenceFindCreatedMatches(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(opConferenceList, http.StatusOK, `{"status":0,"result":{"totalNum":2,"list":{"2026-12-01":[
		{"conferenceId":"1","conferenceTitle":"周会","startTime":"2026-12-01 15:00:00"},
		{"conferenceId":"2","conferenceTitle":"周会","startTime":"2026-12-01 16:00:00"}]}}}`)
	start := time.Date(2026, 12, 1, 16, 0, 30, 0, Beijing)
	item, err := api.client.Conference.FindCreated(context.Background(), &ConferenceFindRequest{UserID: 7, Title: "周会 ", Start: start})
	require.NoError(t, err)
	assert.Equal(t, "2", item.ConferenceID)
	assert.JSONEq(t, `{"appId": 6, "userId": 7,
		"startDate": "2026-12-01 15:59:30", "endDate": "2026-12-01 16:01:30"}`, rec.last(t).Body)
	_, err = api.client.Conference.FindCreated(context.Background(), &ConferenceFindRequest{UserID: 7, Title: "月会", Start: start})
	require.ErrorIs(t, err, ErrNotBooked)
	assert.Contains(t, err.Error(), opConferenceList.String())
	checkRejected(t, "userId", func(c *Client) error {
		_, err := c.Conference.FindCreated(context.Background(), &ConferenceFindRequest{Title: "t", Start: start})
		return err
	})
}

// CallTimeout bounds the whole lookup.
func TestFindCreatedHonoursCallTimeout(t *testing.T) {
	api := newTestAPI(t)
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConference, opConferenceList.Path), func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done()
		return nil, req.Context().Err()
	})
	began := time.Now()
	_, err := api.client.Conference.FindCreated(context.Background(), &ConferenceFindRequest{UserID: 7, Title: "t", Start: time.Now()},
		CallTimeout(50*time.Millisecond))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(began), 5*time.Second)
}
