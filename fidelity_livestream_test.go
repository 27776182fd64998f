package quanshi

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withLiveStream is the seed 000 create example with liveStreamUrl set to v.
func withLiveStream(t *testing.T, v string) string {
	body := fixture(t, "event/create.json")
	return strings.Replace(body, `"summary": "this is a test",`, `"summary": "this is a test", "liveStreamUrl": `+v+`,`, 1)
}

// Seed 000 types liveStreamUrl only as "Json Array": an array of strings, an
// array of objects, one object, or something else entirely must not fail a
// create that took effect (issue 15, point 3).
func TestEventCreateLiveStreamURLShapes(t *testing.T) {
	for name, tc := range map[string]struct {
		body string
		want EventLiveStreams
	}{
		"array of strings": {`["rtmp://a/b"]`, EventLiveStreams{{URL: "rtmp://a/b"}}},
		"array of objects": {`[{"rtmp_url":"rtmp://a/b","provider":"quanshi"}]`, EventLiveStreams{{RTMPURL: "rtmp://a/b", Provider: "quanshi"}}},
		"one object":       {`{"hls_url":"https://h/x.m3u8"}`, EventLiveStreams{{HLSURL: "https://h/x.m3u8"}}},
		"json text":        {`"[\"rtmp://a/b\"]"`, EventLiveStreams{{URL: "rtmp://a/b"}}},
		"odd item":         {`[7, {"layout_type":{}}]`, EventLiveStreams{{Raw: "7"}, {Raw: `{"layout_type":{}}`}}},
		"null":             {`null`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			api := newTestAPI(t)
			api.respond(opEventCreate, 200, withLiveStream(t, tc.body))
			ev, err := api.client.Event.Create(context.Background(), eventListedCompanyRequest())
			require.NoError(t, err)
			assert.Equal(t, int64(657341), ev.EventID)
			assert.Equal(t, tc.want, ev.LiveStreamURL)
		})
	}
}
