package quanshi

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func webJoinTokenExample() *ConferenceWebJoinTokenRequest {
	return &ConferenceWebJoinTokenRequest{EventID: 11807, PlainText: map[string]any{"userId": 12345, "name": "mike"}}
}

func TestConferenceWebJoinTokenExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceWebJoinToken, "conference/token.json")
	tok, err := api.client.Conference.WebJoinToken(context.Background(), webJoinTokenExample())
	require.NoError(t, err)
	assert.Equal(t, int64(1165158), tok.EventID)
	assert.Equal(t, "5d41c4ac806c6440eb6aa8e071115f2b", tok.Token)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 11807, "plainText": {"userId": 12345, "name": "mike"}}`, rec.last(t).Body)

	req := webJoinTokenExample()
	req.Timeout, req.UsableCount = 10, 2
	_, err = api.client.Conference.WebJoinToken(context.Background(), req)
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 11807, "plainText": {"userId": 12345, "name": "mike"},
		"timeout": 10, "usableCount": 2}`, rec.last(t).Body)
}

// A handed-out token is a credential: masked when printed, and in every
// error and log line of the client once seen.
func TestLaunchTokensAreRedacted(t *testing.T) {
	var logs bytes.Buffer
	api := newTestAPI(t, WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	api.respondFixture(opConferenceWebJoinToken, "conference/token.json")
	tok, err := api.client.Conference.WebJoinToken(context.Background(), webJoinTokenExample())
	require.NoError(t, err)
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", tok), fmt.Sprint(*tok)} {
		assert.NotContains(t, s, tok.Token)
	}
	api.respondFixture(opEventTemporaryToken, "event/getTemporaryToken.json")
	temp, err := api.client.Event.TemporaryToken(context.Background(), &EventTemporaryTokenRequest{UserID: 1})
	require.NoError(t, err)
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v", temp, *temp, temp), temp.Token)

	echo := `{"status":50103,"msg":"bad token 5d41c4ac806c6440eb6aa8e071115f2b and 43ac1b98-c247-44d0-a019-0bb97b346b4f"}`
	api.respond(opConferenceMonitorURL, http.StatusOK, echo)
	_, err = api.client.Conference.MonitorURL(context.Background(), monitorURLExample())
	require.Error(t, err)
	for _, s := range []string{err.Error(), logs.String()} {
		assert.NotContains(t, s, tok.Token)
		assert.NotContains(t, s, temp.Token)
	}
	assert.Contains(t, err.Error(), redacted)
}

func TestEventTemporaryTokenExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventTemporaryToken, "event/getTemporaryToken.json")
	// The page's example, without its trailing comma.
	tok, err := api.client.Event.TemporaryToken(context.Background(), &EventTemporaryTokenRequest{UserID: 88589655, Name: "test",
		Mobile: "180192839191", CountryCode: "86", Email: "1224124", Timeout: 10, UsableCount: 100})
	require.NoError(t, err)
	assert.Equal(t, "43ac1b98-c247-44d0-a019-0bb97b346b4f", tok.Token)
	assert.JSONEq(t, `{"token": "`+testToken+`", "userId": 88589655, "name": "test", "mobile": "180192839191",
		"countryCode": "86", "email": "1224124", "timeout": 10, "usableCount": 100}`, rec.last(t).Body)
}

func TestEventServerURLsExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventServerURLs, "event/getServerUrl.json")
	urls, err := api.client.Event.ServerURLs(context.Background(), &EventServerURLsRequest{ReturnWebsiteURL: new(false)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "returnWebsiteUrl": false}`, rec.last(t).Body)
	assert.Equal(t, EventServerURLs{CustomerCode: "153857", FSServerHost: "https://testbeefs.quanshi.com/ucfserver",
		SiteHost: "https://live-test.qsh1.cn", UMSAuthHost: "https://test-umsauth.quanshi.com",
		MeetHost: "https://meetservicem.quanshi.com", EventHost: "https://event-dev.quanshi.com",
		LiveHost: "https://ltest.qsh1.cn", AdminHost: "http://testweb.quanshi.com"}, *urls)

	_, err = api.client.Event.ServerURLs(context.Background(), nil)
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`"}`, rec.last(t).Body, "nil asks with nothing but the token")
	_, err = api.client.Event.ServerURLs(context.Background(), &EventServerURLsRequest{ReturnWebsiteURL: new(true), Name: "mike"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "returnWebsiteUrl": true, "name": "mike"}`, rec.last(t).Body)
}

func TestLaunchTokensMissingTokenIsMalformed(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opConferenceWebJoinToken, http.StatusOK, `{"status":0,"result":{"eventId":1}}`)
	_, err := api.client.Conference.WebJoinToken(context.Background(), webJoinTokenExample())
	require.ErrorIs(t, err, ErrMalformedResponse)
	api.respond(opEventTemporaryToken, http.StatusOK, `{"code":200,"data":{}}`)
	_, err = api.client.Event.TemporaryToken(context.Background(), &EventTemporaryTokenRequest{Name: "x"})
	require.ErrorIs(t, err, ErrMalformedResponse)
}

func TestLaunchTokensErrors(t *testing.T) {
	checkErrorPaths(t, opConferenceWebJoinToken, opConferenceWebJoinToken.Path, func(c *Client) error {
		_, err := c.Conference.WebJoinToken(context.Background(), webJoinTokenExample())
		return err
	})
	checkErrorPaths(t, opEventTemporaryToken, opEventTemporaryToken.Path, func(c *Client) error {
		_, err := c.Event.TemporaryToken(context.Background(), &EventTemporaryTokenRequest{UserID: 1})
		return err
	})
	checkErrorPaths(t, opEventServerURLs, opEventServerURLs.Path, func(c *Client) error {
		_, err := c.Event.ServerURLs(context.Background(), nil)
		return err
	})
}

func TestLaunchTokensValidation(t *testing.T) {
	ctx := context.Background()
	type rule = confRule[ConferenceWebJoinTokenRequest]
	confCheckRules(t, webJoinTokenExample, func(c *Client, req *ConferenceWebJoinTokenRequest) error {
		_, err := c.Conference.WebJoinToken(ctx, req)
		return err
	},
		rule{"eventId", func(r *ConferenceWebJoinTokenRequest) { r.EventID = 0 }},
		rule{"plainText", func(r *ConferenceWebJoinTokenRequest) { r.PlainText = nil }},
		rule{"timeout", func(r *ConferenceWebJoinTokenRequest) { r.Timeout = -1 }},
		rule{"usableCount", func(r *ConferenceWebJoinTokenRequest) { r.UsableCount = -1 }},
	)
	for field, req := range map[string]*EventTemporaryTokenRequest{
		"request": nil, "userId": {Name: " "}, "timeout": {UserID: 1, Timeout: -1}, "usableCount": {Name: "n", UsableCount: -1},
	} {
		checkRejected(t, field, func(c *Client) error { _, err := c.Event.TemporaryToken(ctx, req); return err })
	}
	for field, req := range map[string]*EventServerURLsRequest{
		"name": {ReturnWebsiteURL: new(true)}, "timeout": {Timeout: -1}, "usableCount": {UsableCount: -5},
	} {
		checkRejected(t, field, func(c *Client) error { _, err := c.Event.ServerURLs(ctx, req); return err })
	}
}
