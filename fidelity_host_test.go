package quanshi

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Seed 001 §13 documents confBindBox at
// http://confopenapi.quanshi.com/conference/conference/confBindBox; the SDK
// sends it to that host over https (issue 15, point 1).
func TestBindBoxesGoesToItsDocumentedHost(t *testing.T) {
	mock := httpmock.NewMockTransport()
	c, err := NewClient(WithHTTPClient(&http.Client{Transport: mock}), WithToken(testToken), WithoutRetries())
	require.NoError(t, err)
	mock.RegisterResponder(http.MethodPost, "https://confopenapi.quanshi.com/conference/conference/confBindBox",
		httpmock.NewStringResponder(http.StatusOK, fixture(t, "conference/confBindBox.json")))
	_, err = c.Conference.BindBoxes(context.Background(), &BoxBindRequest{ConferenceID: "239376958",
		Boxes: []Box{{BoxID: "GN3399BOX0001856", ConferenceRoomID: 187567899, ConferenceRoomPhone: "010-256567"}}})
	require.NoError(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
	assert.Contains(t, c.String(), "confopenapi: https://confopenapi.quanshi.com")

	moved, err := NewClient(WithToken(testToken), WithConfOpenAPIBaseURL("https://box.example/p"))
	require.NoError(t, err)
	assert.Contains(t, moved.String(), "confopenapi: https://box.example/p")
}
