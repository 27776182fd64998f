package quanshi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Per-call options reach the pipeline through a service method.

func TestServiceMethodCapturesTheResponse(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opConferenceStatus, http.StatusOK,
		`{"status":0,"result":{"confStatus":2,"attendees":3},"msg":"ok","request_id":"rid-7","timestamp":1599549813881}`)
	var info ResponseInfo
	st, err := api.client.Conference.Status(context.Background(),
		&ConferenceStatusRequest{ConferenceID: "239139091"}, CaptureResponse(&info))
	require.NoError(t, err)
	assert.Equal(t, 3, st.Attendees)
	assert.Equal(t, "rid-7", info.RequestID, "the request id is reachable on success")
	assert.Equal(t, http.StatusOK, info.HTTPStatus)
	assert.Equal(t, 1, info.Attempts)
}

func TestIteratorPassesOptionsToEveryPage(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(opUMeetingList, http.StatusOK,
		`{"status":200,"message":"OK","data":{"total_record":3,"meetings":[{"id":"1"},{"id":"2"}]},"requestId":"rid-page"}`)
	var info ResponseInfo
	var seen int
	for m, err := range api.client.UMeeting.ListIter(context.Background(), &UMeetingListRequest{PageSize: 2}, CaptureResponse(&info)) {
		require.NoError(t, err)
		require.NotNil(t, m)
		seen++
		if seen == 3 {
			break
		}
	}
	assert.Equal(t, 2, rec.count(), "two pages asked")
	assert.Equal(t, "rid-page", info.RequestID, "the last page's answer is captured")
}

func TestServiceMethodCallTimeout(t *testing.T) {
	api := newTestAPI(t)
	api.mock.RegisterResponder(http.MethodPost, urlFor(FamilyConference, opConferenceStatus.Path),
		func(req *http.Request) (*http.Response, error) {
			<-req.Context().Done()
			return nil, req.Context().Err()
		})
	_, err := api.client.Conference.Status(context.Background(),
		&ConferenceStatusRequest{ConferenceID: "1"}, CallTimeout(20*time.Millisecond), CallWithoutRetries())
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

// inMemoryStatusClient is a client whose getConfStatus is answered from
// memory, for counting what a call allocates.
func inMemoryStatusClient(t testing.TB) *Client {
	status := []byte(fixture(t, "conference/getConfStatus.json"))
	srv := &benchServer{Server: &httptest.Server{URL: "http://in-memory"}}
	tr := cannedTransport{benchOpenAPI + opConferenceStatus.Path: status}
	return srv.sdkClient(t, tr, WithToken(testToken))
}

// A service method given no options allocates no more than the pipeline
// call it wraps did before options were threaded through it.
func TestServiceMethodWithoutOptionsAllocatesNoMore(t *testing.T) {
	if raceEnabled {
		// The race detector drops a quarter of sync.Pool's puts at random:
		// pooled buffers and decoders then allocate by chance, not by design.
		t.Skip("allocation counts are not exact under -race")
	}
	c := inMemoryStatusClient(t)
	ctx := context.Background()
	req := &ConferenceStatusRequest{ConferenceID: benchConfID}
	method := func() {
		if _, err := c.Conference.Status(ctx, req); err != nil {
			panic(err)
		}
	}
	direct := func() {
		var out ConferenceStatusResult
		if err := c.call(ctx, opConferenceStatus, req, &out); err != nil {
			panic(err)
		}
	}
	method()
	direct()
	var viaMethod, viaCall float64
	for range 3 { // the least of three runs: pools refill after a GC
		m, d := testing.AllocsPerRun(200, method), testing.AllocsPerRun(200, direct)
		if viaMethod == 0 || m < viaMethod {
			viaMethod = m
		}
		if viaCall == 0 || d < viaCall {
			viaCall = d
		}
	}
	t.Logf("allocations per call: method %.0f, pipeline call %.0f", viaMethod, viaCall)
	assert.LessOrEqual(t, viaMethod, viaCall)
}

// BenchmarkServiceCallOptions: a service method without options, with a
// capture, and with a timeout (in memory; compare allocs/op).
func BenchmarkServiceCallOptions(b *testing.B) {
	c := inMemoryStatusClient(b)
	ctx := context.Background()
	req := &ConferenceStatusRequest{ConferenceID: benchConfID}
	var info ResponseInfo
	for _, bc := range []struct {
		name string
		opts []CallOption
	}{
		{"none", nil},
		{"capture", []CallOption{CaptureResponse(&info)}},
		{"timeout", []CallOption{CallTimeout(time.Minute)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Conference.Status(ctx, req, bc.opts...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
