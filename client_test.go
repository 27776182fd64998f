package quanshi

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvalidOptionsFailNewClient(t *testing.T) {
	cases := map[string]Option{
		"empty token":                 WithToken(" "),
		"empty app key":               WithAppCredentials("", "s", 1),
		"empty app secret":            WithAppCredentials("k", "", 1),
		"non-positive admin":          WithAppCredentials("k", "s", 0),
		"empty legacy key":            WithLegacyAppKey(""),
		"half umeeting":               WithUMeetingCredentials("k", ""),
		"relative base URL":           WithBaseURL("openapi.quanshi.com"),
		"ftp base URL":                WithBaseURL("ftp://openapi.quanshi.com"),
		"base URL with query":         WithEventBaseURL("https://e.example/?a=1"),
		"garbage umeeting URL":        WithUMeetingBaseURL("http://[::1"),
		"nil http client":             WithHTTPClient(nil),
		"negative timeout":            WithTimeout(-time.Second),
		"empty user agent":            WithUserAgent(""),
		"multi-line user agent":       WithUserAgent("a\r\nX-Evil: 1"),
		"nil logger":                  WithLogger(nil),
		"success code as token error": WithTokenInvalidCodes(0),
		"tiny response limit":         WithMaxResponseBytes(10),
		"nil option":                  nil,
	}
	for name, opt := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := NewClient(opt)
			assert.Nil(t, c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.NotEmpty(t, ve.Field)
		})
	}
}

func TestTokenAndAppCredentialsAreExclusive(t *testing.T) {
	_, err := NewClient(WithToken("t"), WithAppCredentials("k", "s", 1))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, err.Error(), "not both")
}

func TestOptionErrorsDoNotEchoSecrets(t *testing.T) {
	_, err := NewClient(WithAppCredentials(testAppKey, testAppSecret, -1))
	require.Error(t, err)
	assertNoSecret(t, err.Error())
}

func TestNewClientWiresEveryService(t *testing.T) {
	c, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	assert.NotNil(t, c.Conference)
	assert.NotNil(t, c.Room)
	assert.NotNil(t, c.Event)
	assert.NotNil(t, c.Recording)
	assert.NotNil(t, c.Report)
	assert.NotNil(t, c.Dashboard)
	assert.NotNil(t, c.UMeeting)
	assert.NotNil(t, c.User)
	assert.NotNil(t, c.Auth)
	assert.Same(t, c, c.Room.client, "services are views over one client")
	assert.Same(t, c.Conference.client, c.UMeeting.client)
	assert.Equal(t, DefaultBaseURL, c.cfg.baseURL)
	assert.Equal(t, DefaultEventBaseURL, c.cfg.eventBaseURL)
	assert.Equal(t, DefaultUMeetingBaseURL, c.cfg.umeetingBaseURL)
}

func TestBaseURLTrailingSlashIsTrimmed(t *testing.T) {
	c, err := NewClient(WithToken(testToken), WithBaseURL("https://sandbox.example/api/"))
	require.NoError(t, err)
	assert.Equal(t, "https://sandbox.example/api", c.cfg.baseURL)
}

func TestDefaultUserAgentNamesTheVersion(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0}`)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.Equal(t, "quanshi-go/"+Version, rec.last(t).Header.Get("User-Agent"))
	assert.Regexp(t, `^\d+\.\d+\.\d+$`, Version)
}

func TestUserAgentOption(t *testing.T) {
	api := newTestAPI(t, WithUserAgent("my-oa/2.1"))
	rec := api.respond(testConfOp, http.StatusOK, `{"status":0}`)
	require.NoError(t, api.client.call(context.Background(), testConfOp, nil, nil))
	assert.Equal(t, "my-oa/2.1", rec.last(t).Header.Get("User-Agent"))
}

func TestCallerHTTPClientIsNotModified(t *testing.T) {
	mine := &http.Client{Transport: httpmock.NewMockTransport(), Timeout: 7 * time.Second}
	c, err := NewClient(WithToken(testToken), WithHTTPClient(mine))
	require.NoError(t, err)
	assert.Equal(t, 7*time.Second, c.http.GetClient().Timeout, "the caller's timeout is kept")
	assert.NotSame(t, mine, c.http.GetClient())
	assert.Equal(t, defaultTimeout, c.cfg.timeout, "the per-attempt default applies on top")

	c, err = NewClient(WithToken(testToken), WithHTTPClient(mine), WithTimeout(time.Second))
	require.NoError(t, err)
	assert.Equal(t, time.Second, c.cfg.timeout)
	assert.Equal(t, 7*time.Second, mine.Timeout, "never modified")
	assert.Nil(t, mine.CheckRedirect, "never modified")
	assert.Nil(t, c.http.GetClient().Jar, "no cookie jar")
}

func TestDefaultTransportIsTunedForConcurrency(t *testing.T) {
	c, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	tr, ok := c.http.GetClient().Transport.(*http.Transport)
	require.True(t, ok)
	assert.GreaterOrEqual(t, tr.MaxIdleConnsPerHost, 64)
	assert.Equal(t, defaultTimeout, c.cfg.timeout)
}

func TestLoggerIsSilentByDefault(t *testing.T) {
	c, err := NewClient(WithToken(testToken))
	require.NoError(t, err)
	assert.False(t, c.cfg.logger.Enabled(context.Background(), slog.LevelError))
}

func TestOptionsFromEnvironment(t *testing.T) {
	env := map[string]string{
		EnvAppKey:          testAppKey,
		EnvAppSecret:       testAppSecret,
		EnvAdminUserID:     "19533553",
		EnvLegacyAppKey:    testLegacyAppKey,
		EnvBaseURL:         "https://sandbox.example/openapi",
		EnvEventBaseURL:    "https://sandbox.example/events",
		EnvUMeetingKey:     testUMeetingKey,
		EnvUMeetingSecret:  testUMeetingSecret,
		EnvUMeetingBaseURL: "https://sandbox.example/umeeting",
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	t.Setenv(EnvToken, "")
	c, err := NewClientFromEnv(WithUserAgent("x/1"))
	require.NoError(t, err)
	assert.Equal(t, testAppKey, c.cfg.appKey)
	assert.Equal(t, testAppSecret, c.cfg.appSecret)
	assert.Equal(t, int64(19533553), c.cfg.adminUserID)
	assert.Equal(t, testLegacyAppKey, c.cfg.legacyAppKey)
	assert.Equal(t, "https://sandbox.example/openapi", c.cfg.baseURL)
	assert.Equal(t, "https://sandbox.example/events", c.cfg.eventBaseURL)
	assert.Equal(t, "https://sandbox.example/umeeting", c.cfg.umeetingBaseURL)
	assert.Equal(t, testUMeetingKey, c.cfg.umeetingKey)
	assert.Equal(t, "x/1", c.cfg.userAgent)
	assert.IsType(t, &mintingSource{}, c.tokens)
}

func TestOptionsFromEnvironmentStaticTokenAndOverrides(t *testing.T) {
	getenv := func(k string) string {
		return map[string]string{EnvToken: testToken, EnvBaseURL: "https://a.example"}[k]
	}
	opts, err := optionsFromEnv(getenv)
	require.NoError(t, err)
	c, err := NewClient(append(opts, WithBaseURL("https://b.example"))...)
	require.NoError(t, err)
	assert.Equal(t, staticToken(testToken), c.tokens)
	assert.Equal(t, "https://b.example", c.cfg.baseURL, "explicit options win over the environment")
}

func TestMalformedEnvironmentIsAnError(t *testing.T) {
	cases := []map[string]string{
		{EnvAppKey: "k", EnvAppSecret: "s", EnvAdminUserID: "admin"},
		{EnvAppKey: "k", EnvAppSecret: "s"},
		{EnvAppKey: "k", EnvAdminUserID: "5"},
		{EnvUMeetingKey: "k"},
		{EnvBaseURL: "not a url"},
	}
	for _, env := range cases {
		opts, err := optionsFromEnv(func(k string) string { return env[k] })
		if err == nil {
			_, err = NewClient(opts...)
		}
		assert.Error(t, err, "%v", env)
		if err != nil {
			assert.False(t, strings.Contains(err.Error(), "\n"))
		}
	}
}
