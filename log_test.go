package quanshi

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type traceKey struct{}

// capturedRecord is one log record with the trace id its context carried.
type capturedRecord struct {
	level   slog.Level
	msg     string
	traceID string
	text    string // the message and every attribute, for secret checks
}

// captureHandler is a slog.Handler that keeps every record and the trace id
// of the context it was logged with, as a tracing handler would read it.
type captureHandler struct {
	mu      sync.Mutex
	records []capturedRecord
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *captureHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *captureHandler) WithGroup(string) slog.Handler            { return h }

func (h *captureHandler) Handle(ctx context.Context, r slog.Record) error {
	id, _ := ctx.Value(traceKey{}).(string)
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		b.WriteString(" " + a.String())
		return true
	})
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, capturedRecord{level: r.Level, msg: r.Message, traceID: id, text: b.String()})
	return nil
}

// find returns the records whose message starts with prefix.
func (h *captureHandler) find(prefix string) []capturedRecord {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []capturedRecord
	for _, r := range h.records {
		if strings.HasPrefix(r.msg, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// TestLogsCarryContextAndLevels: a retry (Warn), a re-mint (Info) and a
// rate-limit wait (Info) are logged through the call's context, with the
// per-attempt debug lines; no record holds a credential or the personal
// data of the request.
func TestLogsCarryContextAndLevels(t *testing.T) {
	h := &captureHandler{}
	api := newMintingTestAPI(t, WithLogger(slog.New(h)), WithRateLimit(20, 1))
	api.respond(opTokenCreate, http.StatusOK, `{"code":200,"data":{"token":"`+testToken+`","expire":3600}}`)
	var n int
	api.mock.RegisterResponder(testConfOp.Method, urlFor(testConfOp.Family, testConfOp.Path), func(*http.Request) (*http.Response, error) {
		n++
		switch n {
		case 1: // the token is rejected: re-mint
			return jsonResponse(http.StatusUnauthorized, `{"status":401,"msg":"token `+testToken+` expired for alice@example.com"}`), nil
		case 2: // a 503: retried
			return jsonResponse(http.StatusServiceUnavailable, `{"status":503,"msg":"busy"}`), nil
		}
		return jsonResponse(http.StatusOK, `{"status":0,"result":{}}`), nil
	})
	ctx := context.WithValue(context.Background(), traceKey{}, "trace-4bf92f35")
	require.NoError(t, api.client.call(ctx, testConfOp, &probeRequest{ConferenceID: "alice@example.com"}, nil))

	for prefix, level := range map[string]slog.Level{
		"quanshi token rejected": slog.LevelInfo,
		"quanshi retry":          slog.LevelWarn,
		"quanshi rate limit":     slog.LevelInfo,
		"quanshi call":           slog.LevelDebug,
	} {
		recs := h.find(prefix)
		require.NotEmpty(t, recs, "no %q record", prefix)
		for _, r := range recs {
			assert.Equal(t, level, r.level, "%s", r.text)
			assert.Equal(t, "trace-4bf92f35", r.traceID, "%s: logged without the call's context", r.text)
		}
	}
	for _, r := range h.find("") {
		assertNoSecret(t, r.text)
		assert.NotContains(t, r.text, "alice@example.com", "personal data logged")
		assert.Contains(t, r.text, "operation=POST /")
	}
}

func jsonResponse(status int, body string) *http.Response {
	r := httpmock.NewStringResponse(status, body)
	r.Header.Set("Content-Type", "application/json")
	return r
}
