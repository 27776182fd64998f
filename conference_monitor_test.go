package quanshi

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func statusBatchExample() *ConferenceStatusBatchRequest {
	return &ConferenceStatusBatchRequest{ConferenceIDs: []string{"239808018"}, UserID: 88610840}
}

func TestConferenceStatusBatchDecodesTheExamples(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceStatusBatch, "conference/getStatus.json")
	res, err := api.client.Conference.StatusBatch(context.Background(), statusBatchExample())
	require.NoError(t, err)
	require.Len(t, res.Conferences, 1)
	c := res.Conferences[0]
	assert.Equal(t, ConferenceLiveStatus{ConferenceID: "239808018", Status: ConferenceStatusEnded,
		TempConferenceID: "2147442081", UserID: 88610840}, c)

	api = newTestAPI(t)
	api.respondFixture(opConferenceStatusBatch, "conference/getStatus_eventIds.json")
	res, err = api.client.Conference.StatusBatch(context.Background(), &ConferenceStatusBatchRequest{EventIDs: []int64{1000}})
	require.NoError(t, err)
	require.Len(t, res.Conferences, 1)
	assert.Equal(t, ConferenceLiveStatus{EventID: 1000, ConferenceID: "2000", Status: ConferenceStatusCreated,
		UserID: 88610840}, res.Conferences[0])
}

func TestConferenceStatusBatchRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceStatusBatch, "conference/getStatus.json")
	_, err := api.client.Conference.StatusBatch(context.Background(), statusBatchExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token": "`+testToken+`", "conferenceIds": ["239808018"], "userId": 88610840}`, got.Body)

	_, err = api.client.Conference.StatusBatch(context.Background(), &ConferenceStatusBatchRequest{EventIDs: []int64{1000, 1001}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventIds": [1000, 1001]}`, rec.last(t).Body)
}

func TestConferenceStatusBatchErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceStatusBatch, opConferenceStatusBatch.Path, func(c *Client) error {
		_, err := c.Conference.StatusBatch(context.Background(), statusBatchExample())
		return err
	})
}

func TestConferenceStatusBatchValidation(t *testing.T) {
	type rule = confRule[ConferenceStatusBatchRequest]
	confCheckRules(t, statusBatchExample, func(c *Client, req *ConferenceStatusBatchRequest) error {
		_, err := c.Conference.StatusBatch(context.Background(), req)
		return err
	},
		rule{"conferenceIds", func(r *ConferenceStatusBatchRequest) { r.ConferenceIDs = nil }},
		rule{"conferenceIds", func(r *ConferenceStatusBatchRequest) { r.ConferenceIDs = []string{"1", " "} }},
		rule{"eventIds", func(r *ConferenceStatusBatchRequest) { r.EventIDs = []int64{1} }},
		rule{"userId", func(r *ConferenceStatusBatchRequest) { r.UserID = 0 }},
		rule{"eventIds", func(r *ConferenceStatusBatchRequest) { r.ConferenceIDs, r.EventIDs = nil, []int64{0} }},
	)
}

func monitorURLExample() *ConferenceMonitorURLRequest {
	return &ConferenceMonitorURLRequest{ConferenceID: "239608224", Passcode: "4162589710", UserID: 87679779}
}

func TestConferenceMonitorURLDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceMonitorURL, "conference/getMonitorClientUrl.json")
	link, err := api.client.Conference.MonitorURL(context.Background(), monitorURLExample())
	require.NoError(t, err)
	assert.Equal(t, "http://s.qsh1.cn/a/OVHefy2328353?extType=5", link.URL)
	assert.JSONEq(t, `{"token": "`+testToken+`", "conferenceId": "239608224", "pcode": "4162589710", "userId": 87679779}`, rec.last(t).Body)
}

func TestConferenceMonitorURLEmptyLinkIsMalformed(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opConferenceMonitorURL, http.StatusOK, `{"status":0,"result":""}`)
	_, err := api.client.Conference.MonitorURL(context.Background(), monitorURLExample())
	require.ErrorIs(t, err, ErrMalformedResponse)
}

func TestConferenceMonitorURLErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceMonitorURL, opConferenceMonitorURL.Path, func(c *Client) error {
		_, err := c.Conference.MonitorURL(context.Background(), monitorURLExample())
		return err
	})
}

func TestConferenceMonitorURLValidation(t *testing.T) {
	type rule = confRule[ConferenceMonitorURLRequest]
	confCheckRules(t, monitorURLExample, func(c *Client, req *ConferenceMonitorURLRequest) error {
		_, err := c.Conference.MonitorURL(context.Background(), req)
		return err
	},
		rule{"conferenceId", func(r *ConferenceMonitorURLRequest) { r.ConferenceID, r.Passcode = "", " " }},
		rule{"userId", func(r *ConferenceMonitorURLRequest) { r.UserID = 0 }},
	)
}
