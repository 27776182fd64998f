package quanshi

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTransportErrorsNameThePathTemplateNotTheURL: Conference.Cancel puts
// the host's e-mail and a callback URL in its path; a transport error (a
// failure, a timeout) names the operation's template, never the URL sent.
func TestTransportErrorsNameThePathTemplateNotTheURL(t *testing.T) {
	const email = "zhang.wei@example.cn"
	const callback = "https://hooks.example.cn/cb?key=cb-secret-77"
	req := &ConferenceCancelRequest{ConferenceID: "239139091", Email: email, CallbackURL: callback}
	leaks := []string{email, url.PathEscape(email), escapeSegment(email), "zhang.wei", "hooks.example.cn", "cb-secret-77", escapeSegment(callback)}
	check := func(t *testing.T, err error, log string) {
		t.Helper()
		require.Error(t, err)
		var ue *url.Error
		require.ErrorAs(t, err, &ue, "the cause stays a *url.Error")
		assert.Equal(t, opConferenceCancel.Path, ue.URL)
		for _, text := range []string{err.Error(), log} {
			for _, leak := range leaks {
				assert.NotContains(t, text, leak)
			}
		}
	}

	var logBuf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	api := newTestAPI(t, WithLogger(logger))
	api.mock.RegisterRegexpResponder(http.MethodGet, regexpAny, httpmock.NewErrorResponder(errors.New("connection reset by peer")))
	check(t, api.client.Conference.Cancel(context.Background(), req), logBuf.String())

	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	logBuf.Reset()
	c, err := NewClient(WithToken(testToken), WithBaseURL(srv.URL), WithTimeout(50*time.Millisecond), WithLogger(logger))
	require.NoError(t, err)
	err = c.Conference.Cancel(context.Background(), req)
	check(t, err, logBuf.String())
	assert.True(t, strings.Contains(err.Error(), "Client.Timeout") || errors.Is(err, context.DeadlineExceeded), "%v", err)
}
