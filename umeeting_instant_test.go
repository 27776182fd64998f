package quanshi

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func umInstantRequest() *UMeetingInstantRequest {
	return &UMeetingInstantRequest{Topic: "Stand-up", MeetingCapacity: 25}
}

func TestUMeetingInstantDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingInstant, "umeeting/instant.json")
	m, err := api.client.UMeeting.Instant(context.Background(), umInstantRequest())
	require.NoError(t, err)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/instant", rec.last(t).URL)
	assert.Equal(t, umCreds+"&meeting_capacity=25&topic=Stand-up", rec.last(t).Body)

	assert.Equal(t, "765418", m.HostKey)
	assert.Equal(t, "https://**/j/1591620888", m.JoinURL)
	assert.Equal(t, "1591620888", m.MeetingID)
	assert.True(t, m.StartTime.IsZero(), `"start_time":""`)
	assert.Empty(t, m.StartTimeText, `"" is no odd value`)
	assert.Equal(t, "mueyYP0sQp-", m.HostID)
	assert.Equal(t, "9AYkPEIrxUzZmU2ZWIQXVvaVlTM3M9", m.Token)
	assert.True(t, strings.HasPrefix(m.StartURL, "https://u.systeccloud.com/s/1890181373?zak=eyJ6bV9za20i"))
	assert.True(t, strings.HasSuffix(m.StartURL, "-qzrBzHf66b06ruZpt4gK2bzh6kZUXcEhmuvUOsofJs"))
	assert.Equal(t, "http://p2.weizan.cn/79555295/132312377802785197/live.m3u8", m.PlayAddr)
	assert.Equal(t, "https://wx.vzan.com/live/tvchat-1590377657?ver=637223897808876626", m.WatchURL)
}

func TestUMeetingInstantSendsEveryParameter(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingInstant, "umeeting/instant.json")
	req := umInstantRequest()
	req.Duration = 45
	req.UserKey = "crm:7"
	req.JoinBeforeHost = new(true)
	req.MuteUponEntry = new(false)
	req.UsePMI = new(false)
	req.OptionHostVideo = new(true)
	req.OptionParticipantsVideo = new(true)
	req.Recording = UMeetingRecordingCloud
	req.AllowLiveStreaming = new(false)
	req.HostName = "Li"
	req.WaitingRoom = new(true)
	_, err := api.client.UMeeting.Instant(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, "allow_live_streaming=false&"+umCreds+"&duration=45&host_name=Li&meeting_capacity=25"+
		"&mute_upon_entry=false&option_host_video=true&option_jbh=true&option_participants_video=true"+
		"&recording=cloud&topic=Stand-up&use_pmi=false&user_key=crm%3A7&waiting_room=true", rec.last(t).Body)
}

func TestUMeetingInstantErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opUMeetingInstant, opUMeetingInstant.Path, func(c *Client) error {
		_, err := c.UMeeting.Instant(context.Background(), umInstantRequest())
		return err
	})
	for field, modify := range map[string]func(r *UMeetingInstantRequest){
		"topic":            func(r *UMeetingInstantRequest) { r.Topic = " " },
		"meeting_capacity": func(r *UMeetingInstantRequest) { r.MeetingCapacity = -1 },
		"duration":         func(r *UMeetingInstantRequest) { r.Duration = 30 },
		"user_key":         func(r *UMeetingInstantRequest) { r.UserKey = strings.Repeat("k", 201) },
		"recording":        func(r *UMeetingInstantRequest) { r.Recording = "local" },
	} {
		checkRejected(t, field, func(c *Client) error {
			req := umInstantRequest()
			modify(req)
			_, err := c.UMeeting.Instant(context.Background(), req)
			return err
		})
	}
	checkRejected(t, "request", func(c *Client) error {
		_, err := c.UMeeting.Instant(context.Background(), nil)
		return err
	})
}

// TestUMeetingBookingSecretsAreRedactedLater: the token and start link of a
// booking are masked in a later error that echoes them under any name.
func TestUMeetingBookingSecretsAreRedactedLater(t *testing.T) {
	var logs bytes.Buffer
	api := newTestAPI(t, WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	api.respondFixture(opUMeetingInstant, "umeeting/instant.json")
	m, err := api.client.UMeeting.Instant(context.Background(), umInstantRequest())
	require.NoError(t, err)
	zak := m.StartURL[strings.Index(m.StartURL, "zak=")+4:]
	api.respond(opUMeetingGet, http.StatusOK, `{"status":500,"message":"meeting 1591620888 is held by 9AYkPEIrxUzZmU2ZWIQXVvaVlTM3M9 (`+zak+`)","data":null}`)
	_, err = api.client.UMeeting.Get(context.Background(), &UMeetingGetRequest{MeetingID: "1591620888"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "9AYkPEIrxUzZmU2ZWIQXVvaVlTM3M9")
	assert.NotContains(t, err.Error(), zak[:40])
	assert.Contains(t, err.Error(), "1591620888", "ordinary text stays")
	assert.NotContains(t, logs.String(), "9AYkPEIrxUzZmU2ZWIQXVvaVlTM3M9")
}

func TestUMeetingRedactorForgetsTheOldestLearntSecrets(t *testing.T) {
	var r redactor
	for i := range maxLearntSecrets + 10 {
		r.remember(strings.Repeat("x", 4) + string(rune('a'+i%26)) + strings.Repeat("y", i))
	}
	r.remember("same-secret", "same-secret")
	assert.Len(t, r.learnt.values, maxLearntSecrets)
	assert.Equal(t, "a [REDACTED] b", r.text("a same-secret b"))
}

func TestUMeetingToken(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingToken, "umeeting/token.json")
	tok, err := api.client.UMeeting.Token(context.Background(), &UMeetingTokenRequest{MeetingID: "1591620888"})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&meeting_id=1591620888", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/token", rec.last(t).URL)
	assert.Empty(t, tok.HostID, "the page's example is blank")
	assert.Empty(t, tok.Token)

	api = newTestAPI(t)
	api.respond(opUMeetingToken, http.StatusOK, `{"status":200,"message":"OK","data":{"host_id":"mueyYP0sQp-","token":"Zt0kenSecretValue42"}}`)
	tok, err = api.client.UMeeting.Token(context.Background(), &UMeetingTokenRequest{MeetingID: "1591620888"})
	require.NoError(t, err)
	assert.Equal(t, "Zt0kenSecretValue42", tok.Token)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("token", "t", tok)
	assert.Contains(t, logs.String(), "mueyYP0sQp-")
	assert.NotContains(t, logs.String(), "Zt0kenSecretValue42")
	assert.Equal(t, "echo [REDACTED]", api.client.redact.text("echo Zt0kenSecretValue42"), "registered with the redactor")

	checkErrorPaths(t, opUMeetingToken, opUMeetingToken.Path, func(c *Client) error {
		_, err := c.UMeeting.Token(context.Background(), &UMeetingTokenRequest{MeetingID: "1"})
		return err
	})
	checkRejected(t, "meeting_id", func(c *Client) error {
		_, err := c.UMeeting.Token(context.Background(), &UMeetingTokenRequest{})
		return err
	})
	checkRejected(t, "request", func(c *Client) error {
		_, err := c.UMeeting.Token(context.Background(), nil)
		return err
	})
}

func TestUMeetingResetCapacity(t *testing.T) {
	const path = "/umeeting/share/resetCapacity/1591620888"
	api := newTestAPI(t)
	rec := api.respondPath(FamilyUMeeting, http.MethodPost, path, http.StatusOK, fixture(t, "umeeting/resetCapacity.json"))
	require.NoError(t, api.client.UMeeting.ResetCapacity(context.Background(), &UMeetingResetCapacityRequest{MeetingID: "1591620888", MeetingCapacity: 100}))
	assert.Equal(t, umCreds+"&meeting_capacity=100", rec.last(t).Body, "the number goes in the path only")
	assert.Equal(t, testUMeetingBaseURL+path, rec.last(t).URL)

	checkErrorPaths(t, opUMeetingResetCapacity, path, func(c *Client) error {
		return c.UMeeting.ResetCapacity(context.Background(), &UMeetingResetCapacityRequest{MeetingID: "1591620888", MeetingCapacity: 100})
	})
	checkRejected(t, "meeting_id", func(c *Client) error {
		return c.UMeeting.ResetCapacity(context.Background(), &UMeetingResetCapacityRequest{MeetingCapacity: 100})
	})
	checkRejected(t, "meeting_capacity", func(c *Client) error {
		return c.UMeeting.ResetCapacity(context.Background(), &UMeetingResetCapacityRequest{MeetingID: "1"})
	})
	checkRejected(t, "request", func(c *Client) error { return c.UMeeting.ResetCapacity(context.Background(), nil) })
}

func TestUMeetingDeleteLive(t *testing.T) {
	const path = "/umeeting/live/12345663/delete"
	api := newTestAPI(t)
	rec := api.respondPath(FamilyUMeeting, http.MethodPost, path, http.StatusOK, fixture(t, "umeeting/live-delete.json"))
	require.NoError(t, api.client.UMeeting.DeleteLive(context.Background(), &UMeetingDeleteLiveRequest{LiveID: "12345663"}))
	assert.Equal(t, umCreds, rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+path, rec.last(t).URL)

	// A live id is one path segment, escaped.
	api = newTestAPI(t)
	rec = api.respondPath(FamilyUMeeting, http.MethodPost, "/umeeting/live/a%2Fb/delete", http.StatusOK, fixture(t, "umeeting/live-delete.json"))
	require.NoError(t, api.client.UMeeting.DeleteLive(context.Background(), &UMeetingDeleteLiveRequest{LiveID: "a/b"}))
	assert.Equal(t, 1, rec.count())

	checkErrorPaths(t, opUMeetingDeleteLive, path, func(c *Client) error {
		return c.UMeeting.DeleteLive(context.Background(), &UMeetingDeleteLiveRequest{LiveID: "12345663"})
	})
	checkRejected(t, "live_id", func(c *Client) error {
		return c.UMeeting.DeleteLive(context.Background(), &UMeetingDeleteLiveRequest{})
	})
	checkRejected(t, "request", func(c *Client) error { return c.UMeeting.DeleteLive(context.Background(), nil) })
}

// TestQueryValueReadsAsURLValues: the start link's zak is found as
// url.Values would find it, escapes and repeats included.
func TestQueryValueReadsAsURLValues(t *testing.T) {
	for _, link := range []string{
		"https://m.example.com/s/123?zak=abc.def-1&x=1",
		"https://m.example.com/s/123?x=1&zak=a%2Bb%3Dc&zak=second",
		"https://m.example.com/s/123?%7Aak=escaped-name#frag",
		"https://m.example.com/s/123?zak=with+space#zak=frag",
		"https://m.example.com/s/123?zak=bad%zz&zak=good",
		"https://m.example.com/s/123?zakx=1&xzak=2",
		"https://m.example.com/s/123",
		"https://m.example.com/s/123?",
	} {
		u, err := url.Parse(link)
		require.NoError(t, err)
		assert.Equal(t, u.Query().Get("zak"), queryValue(link, "zak"), link)
	}
}
