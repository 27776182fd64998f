package quanshi

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// confBoxExample is the spec's example bind request.
func confBoxExample() *BoxBindRequest {
	return &BoxBindRequest{
		ConferenceID: "239376958",
		Boxes: []Box{
			{BoxID: "GN3399BOX0001856", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256567"},
			{BoxID: "GN3399BOX0001429", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256597"},
			{BoxID: "GN3399BOX0001875", ConferenceRoomID: 187567999, ConferenceRoomPhone: "010-256598"},
		},
	}
}

func TestConferenceBindBoxesFixture(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceBindBoxes, "conference/confBindBox.json")
	res, err := api.client.Conference.BindBoxes(context.Background(), confBoxExample())
	require.NoError(t, err)
	assert.Equal(t, confBoxExample().Boxes, res.Bound)
	assert.Empty(t, res.Rejected)
}

func TestConferenceBindBoxesPartialFailure(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceBindBoxes, "conference/confBindBox_partial.json")
	req := confBoxExample()
	req.Boxes[0].BoxID = "GN3399BOX0001859"
	res, err := api.client.Conference.BindBoxes(context.Background(), req)
	require.NoError(t, err, "status 0 with rejected boxes is a success")
	assert.Equal(t, []Box{
		{BoxID: "GN3399BOX0001429", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256597"},
		{BoxID: "GN3399BOX0001875", ConferenceRoomID: 187567999, ConferenceRoomPhone: "010-256598"},
	}, res.Bound)
	assert.Equal(t, []BoxRejection{{
		Box:    Box{BoxID: "GN3399BOX0001859", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256567"},
		ErrMsg: "not found box info by boxId:GN3399BOX0001859",
	}}, res.Rejected)
}

func TestConferenceBindBoxesAllRejected(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opConferenceBindBoxes, "conference/confBindBox_rejected.json")
	res, err := api.client.Conference.BindBoxes(context.Background(), confBoxExample())
	require.ErrorIs(t, err, ErrNoValidBox)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 51208, apiErr.Code)
	assert.Equal(t, "the num of valid boxIds is 0", apiErr.Message)
	assert.Equal(t, "confopenapiserver-192.168.22.47-1610417816.588745000.81", apiErr.RequestID)

	// The result comes back beside the error...
	require.NotNil(t, res)
	assert.Empty(t, res.Bound)
	require.Len(t, res.Rejected, 3)
	for i, want := range confBoxExample().Boxes {
		assert.Equal(t, want, res.Rejected[i].Box)
		assert.Equal(t, fmt.Sprintf("the customerCode of this boxId: %s difference with conference host's customerCode", want.BoxID),
			res.Rejected[i].ErrMsg)
	}
	// ...and from the error alone, typed or by hand.
	fromErr, ok := BoxBindResultFromError(fmt.Errorf("binding: %w", err))
	require.True(t, ok)
	assert.Equal(t, res, fromErr)
	var manual BoxBindResult
	require.NoError(t, apiErr.DecodeResult(&manual))
	assert.Equal(t, res, &manual)
}

func TestBoxBindResultFromOtherErrors(t *testing.T) {
	_, ok := BoxBindResultFromError(nil)
	assert.False(t, ok)
	_, ok = BoxBindResultFromError(&APIError{Code: 50103, Result: []byte(`{"invalidBoxIdList": []}`)})
	assert.False(t, ok)
	_, ok = BoxBindResultFromError(&APIError{Code: 51208, Result: []byte(`{"invalidBoxIdList": 5}`)})
	assert.False(t, ok, "an unreadable result")
	res, ok := BoxBindResultFromError(&APIError{Code: 51208})
	assert.True(t, ok, "51208 without a payload")
	assert.Empty(t, res.Rejected)
}

func TestConferenceBindBoxesRequestOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceBindBoxes, "conference/confBindBox.json")
	req := confBoxExample()
	req.Boxes = append(req.Boxes, Box{BoxID: "GN3399BOX0002000"})
	_, err := api.client.Conference.BindBoxes(context.Background(), req)
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId": 6,
		"boxInfoList": [
			{"boxId": "GN3399BOX0001856", "conferenceRoomId": 187567899, "conferenceRoomPhone": "010-256567"},
			{"boxId": "GN3399BOX0001429", "conferenceRoomId": 187567899, "conferenceRoomPhone": "010-256597"},
			{"boxId": "GN3399BOX0001875", "conferenceRoomId": 187567999, "conferenceRoomPhone": "010-256598"},
			{"boxId": "GN3399BOX0002000", "conferenceRoomId": 0, "conferenceRoomPhone": ""}
		],
		"conferenceId": "239376958"}`, got.Body)
}

func TestConferenceUnbindAllBoxesSendsAnEmptyList(t *testing.T) {
	want := `{"appId": 6, "boxInfoList": [], "conferenceId": "239376700"}`
	api := newTestAPI(t)
	rec := api.respond(opConferenceBindBoxes, http.StatusOK,
		`{"status": 0, "result": {"invalidBoxIdList": [], "successBoxIdList": []}}`)
	require.NoError(t, api.client.Conference.UnbindAllBoxes(context.Background(), &BoxUnbindAllRequest{ConferenceID: "239376700"}))
	assert.JSONEq(t, want, rec.last(t).Body)

	res, err := api.client.Conference.BindBoxes(context.Background(), &BoxBindRequest{ConferenceID: "239376700"})
	require.NoError(t, err)
	assert.JSONEq(t, want, rec.last(t).Body, "a nil list is sent as [] too")
	assert.Empty(t, res.Bound)
}

func TestConferenceBindBoxesErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceBindBoxes, opConferenceBindBoxes.Path, func(c *Client) error {
		res, err := c.Conference.BindBoxes(context.Background(), confBoxExample())
		assert.Nil(t, res, "no result with an error other than 51208")
		return err
	})
	checkErrorPaths(t, opConferenceBindBoxes, opConferenceBindBoxes.Path, func(c *Client) error {
		return c.Conference.UnbindAllBoxes(context.Background(), &BoxUnbindAllRequest{ConferenceID: "239376700"})
	})
}

func TestConferenceBindBoxesValidation(t *testing.T) {
	tooMany := make([]Box, BoxMaxPerConference+1)
	for i := range tooMany {
		tooMany[i] = Box{BoxID: fmt.Sprintf("GN3399BOX%07d", i)}
	}
	type rule = confRule[BoxBindRequest]
	confCheckRules(t, confBoxExample, func(c *Client, req *BoxBindRequest) error {
		_, err := c.Conference.BindBoxes(context.Background(), req)
		return err
	},
		rule{"conferenceId", func(r *BoxBindRequest) { r.ConferenceID = "" }},
		rule{"boxInfoList", func(r *BoxBindRequest) { r.Boxes = tooMany }},
		rule{"boxInfoList[1].boxId", func(r *BoxBindRequest) { r.Boxes[1].BoxID = " " }},
		rule{"boxInfoList[2].conferenceRoomId", func(r *BoxBindRequest) { r.Boxes[2].ConferenceRoomID = -1 }},
	)
	checkRejected(t, "conferenceId", func(c *Client) error {
		return c.Conference.UnbindAllBoxes(context.Background(), &BoxUnbindAllRequest{ConferenceID: ""})
	})

	// Exactly 20 boxes is allowed.
	api := newTestAPI(t)
	api.respondFixture(opConferenceBindBoxes, "conference/confBindBox.json")
	_, err := api.client.Conference.BindBoxes(context.Background(), &BoxBindRequest{ConferenceID: "239376958", Boxes: tooMany[:20]})
	require.NoError(t, err)
}
