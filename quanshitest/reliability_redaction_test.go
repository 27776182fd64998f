package quanshitest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Redaction: a client logging at debug level is driven through every failure
// path (API errors echoing credentials, malformed bodies carrying them under
// every secret name, transport errors, validation errors, a rejected token
// and its re-mint, failed mints, umeeting answers with start_url, token and
// host_key, events with pcode1); every returned error is printed with every
// verb, logged by the caller and thrown in a panic. Then the log and all
// those strings are searched for every secret that crossed the wire.

// relLeaks gathers secrets and the texts that must not contain them.
type relLeaks struct {
	mu      sync.Mutex
	secrets map[string]string // value → what it is
	random  map[string]bool   // random values: their prefixes count too
	texts   []relText
}

type relText struct{ label, text string }

func newRelLeaks() *relLeaks {
	return &relLeaks{secrets: map[string]string{}, random: map[string]bool{}}
}

// secret registers a credential value; random marks values whose first and
// last 12 characters are as telling as the whole.
func (l *relLeaks) secret(what, value string, random bool) {
	value = strings.TrimSpace(value)
	if len(value) < 6 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.secrets[value] = what
	if random {
		l.random[value] = true
	}
}

func (l *relLeaks) text(label, s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.texts = append(l.texts, relText{label, s})
}

// relVerbs are the ways a caller prints an error.
var relVerbs = []string{"%v", "%+v", "%#v", "%s", "%q"}

// err records every way the error can be printed: each verb, each error of
// its chain, a caller's slog line (text and JSON), and the value recovered
// from a panic with it.
func (l *relLeaks) err(label string, err error) {
	if err == nil {
		return
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		for _, verb := range relVerbs {
			l.text(fmt.Sprintf("%s | %s of %T", label, verb, e), fmt.Sprintf(verb, e))
		}
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Error("call failed", "err", err)
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("call failed", "err", err, "detail", fmt.Sprintf("%+v", err))
	l.text(label+" | caller's slog", buf.String())
	l.text(label+" | recovered panic", relRecovered(err))
}

// relRecovered panics with err and returns what a recover handler prints.
func relRecovered(err error) (printed string) {
	defer func() {
		r := recover()
		printed = fmt.Sprintf("%v | %+v | %#v", r, r, r)
		if e, ok := r.(error); ok {
			printed += " | " + e.Error()
		}
	}()
	panic(err)
}

// fromWire registers every credential that crossed the wire: the token
// header and body member, the signed headers, the legacy appKey, the
// umeeting key pair, and in the answers minted tokens, pcode1, start_url and
// its zak, umeeting token and host_key.
func (l *relLeaks) fromWire(exchanges []relExchange) {
	answerNames := map[string]bool{"pcode1": true, "start_url": true, "host_key": true}
	tokenNames := map[string]bool{"token": true, "tempToken": true}
	for _, ex := range exchanges {
		l.secret("token header", ex.Header.Get("token"), true)
		l.secret("AppKey header", ex.Header.Get("AppKey"), false)
		l.secret("CheckSum header", ex.Header.Get("CheckSum"), true)
		if form, err := url.ParseQuery(string(ex.Body)); err == nil && strings.HasPrefix(ex.Path, quanshitest.UMeetingPrefix) {
			l.secret("api_key", form.Get("api_key"), false)
			l.secret("api_secret", form.Get("api_secret"), false)
		}
		for _, v := range relMembers(ex.Body, map[string]bool{"token": true, "appKey": true}) {
			l.secret("credential in a request body", v, true)
		}
		for _, v := range relMembers(ex.Answer, tokenNames) {
			l.secret("token in an answer", v, true)
		}
		for _, v := range relMembers(ex.Answer, answerNames) {
			l.secret("pcode1, start_url or host_key in an answer", v, false)
			if u, err := url.Parse(v); err == nil && u.Query().Get("zak") != "" {
				l.secret("zak of a start_url", u.Query().Get("zak"), true)
			}
		}
	}
}

// verify checks, in a subtest per failure path (and one for the debug
// log), that no text holds a secret (or, for random secrets, its first or
// last 12 characters).
func (l *relLeaks) verify(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var paths []string
	byPath := map[string][]relText{}
	for _, tx := range l.texts {
		path, _, _ := strings.Cut(tx.label, " | ")
		if byPath[path] == nil {
			paths = append(paths, path)
		}
		byPath[path] = append(byPath[path], tx)
	}
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			for value, what := range l.secrets {
				needles := []string{value}
				if l.random[value] && len(value) >= 16 {
					needles = append(needles, value[:12], value[len(value)-12:])
				}
			texts:
				for _, tx := range byPath[path] {
					for _, n := range needles {
						if strings.Contains(tx.text, n) {
							t.Errorf("%s %q leaks in %s: …%s…", what, value, tx.label, relAround(tx.text, n))
							break texts
						}
					}
				}
			}
		})
	}
	t.Logf("searched %d texts (%d bytes) of %d failure paths for %d secrets", len(l.texts), relTextBytes(l.texts), len(paths), len(l.secrets))
}

func relTextBytes(texts []relText) int {
	n := 0
	for _, tx := range texts {
		n += len(tx.text)
	}
	return n
}

// relAround shows a leak in its context.
func relAround(s, needle string) string {
	i := strings.Index(s, needle)
	from, to := max(0, i-60), min(len(s), i+len(needle)+20)
	return s[from:to]
}

// relRewriter answers chosen paths with a body of the test's making (the
// request still reaches the sandbox), possibly built from the request.
type relRewriter struct {
	mu      sync.Mutex
	answers map[string]func(req *http.Request) (int, string)
}

func (r *relRewriter) set(pathSuffix string, answer func(req *http.Request) (int, string)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.answers == nil {
		r.answers = map[string]func(*http.Request) (int, string){}
	}
	r.answers[pathSuffix] = answer
}

func (r *relRewriter) clear() {
	r.mu.Lock()
	defer r.mu.Unlock()
	clear(r.answers)
}

func (r *relRewriter) rewrite(req *http.Request, _ []byte, status int, answer []byte) (int, []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for suffix, f := range r.answers {
		if strings.HasSuffix(req.URL.Path, suffix) {
			st, body := f(req)
			return st, []byte(body)
		}
	}
	return status, answer
}

func relFixed(status int, body string) func(*http.Request) (int, string) {
	return func(*http.Request) (int, string) { return status, body }
}

// relLogger is a debug-level text logger writing to buf. Times and durations
// are dropped: they are never secret, and digits in them could match a
// numeric secret by chance.
func relLogger(buf *bytes.Buffer, mu *sync.Mutex) *slog.Logger {
	w := &relLockedWriter{buf: buf, mu: mu}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{}
			}
			return a
		}}))
}

type relLockedWriter struct {
	buf *bytes.Buffer
	mu  *sync.Mutex
}

func (w *relLockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func TestRelNoCredentialInLogsOrErrors(t *testing.T) {
	srv := relSandbox(t)
	rw := &relRewriter{}
	wire := &relWire{next: relTransport(t), rewrite: rw.rewrite}
	var logBuf bytes.Buffer
	var logMu sync.Mutex
	logger := relLogger(&logBuf, &logMu)
	leaks := newRelLeaks()
	ctx := relCtx(t)

	c := relClient(t, srv, wire, quanshi.WithLogger(logger))
	staticToken := srv.IssueToken()
	static, err := quanshi.NewClient(quanshi.WithBaseURL(srv.OpenAPIURL), quanshi.WithEventBaseURL(srv.EventsURL),
		quanshi.WithUMeetingBaseURL(srv.UMeetingURL), quanshi.WithToken(staticToken), quanshi.WithLegacyAppKey(srv.LegacyAppKey),
		quanshi.WithUMeetingCredentials(srv.UMeetingKey, srv.UMeetingSecret), quanshi.WithHTTPClient(&http.Client{Transport: wire}),
		quanshi.WithRetryPolicy(relFastRetries), quanshi.WithLogger(logger))
	require.NoError(t, err)
	const wrongSecret = "not-the-app-secret-4711"
	wrong := relClient(t, srv, wire, quanshi.WithLogger(logger), quanshi.WithAppCredentials(srv.AppKey, wrongSecret, srv.AdminUserID))
	for what, v := range map[string]string{"AppKey": srv.AppKey, "AppSecret": srv.AppSecret, "wrong AppSecret": wrongSecret,
		"legacy appKey": srv.LegacyAppKey, "api_key": srv.UMeetingKey, "api_secret": srv.UMeetingSecret, "static token": staticToken} {
		leaks.secret(what, v, what == "static token")
	}

	// The happy paths: meetings whose answers carry pcode1, start_url, its
	// zak, token and host_key, and a minted token.
	ids := relSeed(t, c)
	conf, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: ids.conferenceID})
	require.NoError(t, err)
	ev, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: ids.eventID})
	require.NoError(t, err)
	um, err := c.UMeeting.Schedule(ctx, relUMeetingRequest("秘密"))
	require.NoError(t, err)
	require.Contains(t, um.StartURL, "zak=")
	_, err = static.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: ids.conferenceID})
	require.NoError(t, err)
	minted := relMintedToken(t, wire)
	zak := relZak(t, um.StartURL)
	checkSum := relLastHeader(wire, "CheckSum")
	require.NotEmpty(t, checkSum)
	for what, v := range map[string]string{"pcode1 (conference)": conf.HostPasscode, "pcode1 (event)": ev.HostPasscode,
		"umeeting token": um.Token, "umeeting host_key": um.HostKey, "start_url": um.StartURL, "zak": zak} {
		require.NotEmpty(t, v, what)
		leaks.secret(what, v, what == "umeeting token" || what == "zak")
	}
	status := func(client *quanshi.Client) error {
		_, err := client.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: ids.conferenceID})
		return err
	}

	// API errors whose messages echo the credentials the client holds.
	echo := fmt.Sprintf("rejected: token %s appKey %s AppSecret %s legacy %s api_key %s api_secret %s",
		minted, srv.AppKey, srv.AppSecret, srv.LegacyAppKey, srv.UMeetingKey, srv.UMeetingSecret)
	srv.Inject(quanshitest.Fault{Path: relPathConfStatus, BusinessCode: 50103, Message: echo})
	leaks.err("business error echoing the minted token", status(c))
	srv.Inject(quanshitest.Fault{Path: relPathConfStatus, HTTPStatus: http.StatusBadGateway, Times: 3, Message: "upstream: token=" + staticToken})
	leaks.err("502 echoing the static token", status(static))
	srv.Inject(quanshitest.Fault{Path: relPathUMGet, BusinessCode: 40001, Message: "api_key=" + srv.UMeetingKey + "&api_secret=" + srv.UMeetingSecret + " invalid"})
	_, err = c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: ids.umeetingID})
	leaks.err("umeeting error echoing its key pair", err)

	// A rejected token: the minting client re-mints (its log shows the 401),
	// the static one fails.
	srv.Inject(quanshitest.Fault{Path: relPathConfStatus, HTTPStatus: http.StatusUnauthorized, Message: "token " + minted + " expired"})
	require.NoError(t, status(c), "re-minted")
	srv.ExpireTokens()
	require.NoError(t, status(c), "re-minted after the expiry")
	err = status(static)
	require.ErrorIs(t, err, quanshi.ErrTokenInvalid)
	leaks.err("static token expired", err)
	srv.Inject(quanshitest.Fault{Path: relPathConfStatus, HTTPStatus: http.StatusUnauthorized, Message: "token " + staticToken + " expired"})
	leaks.err("static token rejected, echoed", status(static))

	// Malformed bodies carrying credentials under every secret name.
	secretsJSON := fmt.Sprintf(`{"token":%q,"appKey":%q,"AppSecret":%q,"CheckSum":%q,"api_key":%q,"api_secret":%q,"pcode1":%q,"start_url":%q,"host_key":%q,"zak":%q,"tempToken":%q}`,
		minted, srv.AppKey, srv.AppSecret, checkSum, srv.UMeetingKey, srv.UMeetingSecret, conf.HostPasscode, um.StartURL, um.HostKey, zak, um.Token)
	for name, answer := range map[string]struct {
		status int
		body   string
	}{
		"HTML page embedding JSON":      {http.StatusBadGateway, "<html><body><h1>502</h1><pre>" + secretsJSON + "</pre></body></html>"},
		"JSON envelope cut in a token":  {http.StatusOK, `{"status":0,"result":{"token":"` + minted[:20]},
		"JSON envelope cut in a pcode1": {http.StatusOK, `{"status":0,"result":{"conferenceId":"1","pcode1":"` + conf.HostPasscode[:10]},
		"JSON envelope cut in a zak":    {http.StatusOK, `{"status":0,"result":{"start_url":"` + um.StartURL[:len(um.StartURL)-8]},
		"form echo": {http.StatusServiceUnavailable, "api_key=" + srv.UMeetingKey + "&api_secret=" + srv.UMeetingSecret + "&token=" + minted +
			"&pcode1=" + conf.HostPasscode + "&host_key=" + um.HostKey + "&CheckSum=" + checkSum + "&start_url=" + url.QueryEscape(um.StartURL)},
		"long body, secrets after the excerpt": {http.StatusBadGateway, strings.Repeat("x", 150) + secretsJSON},
		"message quoting JSON":                 {http.StatusOK, fmt.Sprintf(`{"status":50103,"msg":%q}`, "bad request "+secretsJSON)},
		"failure whose payload carries them":   {http.StatusOK, `{"status":51208,"msg":"no valid box","result":` + secretsJSON + `}`},
	} {
		rw.set(relPathConfStatus, relFixed(answer.status, answer.body))
		leaks.err("malformed body: "+name, status(c))
		rw.clear()
	}
	// The same values under other names: a header echo, the pcode the join
	// endpoints take, a join link carrying the host's pcode.
	for name, body := range map[string]string{
		"header echo":          "AppKey: " + srv.AppKey + "\r\nCheckSum: " + checkSum + "\r\ntoken: " + minted + "\r\n",
		"pcode1 as pcode":      fmt.Sprintf(`{"error":"invalid pcode","pcode":%q}`, conf.HostPasscode),
		"pcode1 in a long URL": fmt.Sprintf(`{"status":0,"result":{"hostConferenceLongUrl":%q`, conf.HostJoinURL+"?pcode="+conf.HostPasscode),
	} {
		rw.set(relPathConfStatus, relFixed(http.StatusBadRequest, body))
		leaks.err("echo under another name: "+name, status(c))
		rw.clear()
	}

	// Transport errors: a dropped connection, a timeout, a refused dial.
	srv.Inject(quanshitest.Fault{Path: relPathConfStatus, Drop: true, Times: 3})
	leaks.err("dropped connection", status(c))
	srv.Inject(quanshitest.Fault{Path: relPathConfCreate, Drop: true, AfterHandling: true})
	_, err = c.Conference.Create(ctx, relConferenceRequest("断开"))
	leaks.err("dropped write", err)
	slow := relClient(t, srv, wire, quanshi.WithLogger(logger), quanshi.WithTimeout(100*time.Millisecond))
	srv.Inject(quanshitest.Fault{Path: relPathMint, Latency: 2 * time.Second})
	leaks.err("mint timed out", status(slow))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	refused := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close())
	nowhere := relClient(t, srv, wire, quanshi.WithLogger(logger), quanshi.WithUMeetingBaseURL(refused+quanshitest.UMeetingPrefix))
	_, err = nowhere.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "t", MeetingCapacity: 25, StartTime: relBase.Add(time.Hour), Duration: 60, Password: "vp-Meeting-Pass-7731"})
	leaks.err("refused dial", err)

	// Validation errors, with secret values in the other fields.
	const meetingPassword = "vp-Meeting-Pass-7731"
	leaks.secret("meeting password in a request", meetingPassword, false)
	_, err = c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "", MeetingCapacity: 25, Duration: 60, Password: meetingPassword})
	leaks.err("validation: umeeting", err)
	_, err = c.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{Topic: "bad \xff utf-8", MeetingCapacity: 25, StartTime: relBase.Add(time.Hour), Duration: 60, Password: meetingPassword})
	leaks.err("validation: an unencodable request", err)
	_, err = c.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{LivePassword: new(meetingPassword), Title: "t"}})
	leaks.err("validation: conference", err)
	_, err = linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: conf.HostPasscode, SecurityInfo: &quanshi.ConferenceSecurityInfo{IsSecurityLink: new(true)}}))
	leaks.err("validation: a join link by pcode1", err)
	for name, opt := range map[string]quanshi.Option{
		"WithUMeetingCredentials": quanshi.WithUMeetingCredentials(srv.UMeetingKey, " "),
		"WithAppCredentials":      quanshi.WithAppCredentials(srv.AppKey, srv.AppSecret, 0),
	} {
		_, err := quanshi.NewClient(opt)
		leaks.err("option error: "+name, err)
	}

	// Failed mints: a wrong AppSecret, a mint refused with the request's
	// signature echoed, a mint answer without data.token, a business error
	// echoing the secret.
	leaks.err("mint with a wrong AppSecret", status(wrong))
	for name, answer := range map[string]func(*http.Request) (int, string){
		"signature echoed": func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"code":401,"msg":"signature rejected: CheckSum=%s&Nonce=%s&AppKey=%s","data":{"CheckSum":%q}}`,
				r.Header.Get("CheckSum"), r.Header.Get("Nonce"), r.Header.Get("AppKey"), r.Header.Get("CheckSum"))
		},
		"signature echoed as headers": func(r *http.Request) (int, string) {
			return http.StatusUnauthorized, "CheckSum: " + r.Header.Get("CheckSum") + "\nAppKey: " + r.Header.Get("AppKey")
		},
		"no data.token":       relFixed(http.StatusOK, `{"code":200,"msg":"ok","data":{"token":"","tempToken":"tt-`+zak+`"}}`),
		"data of a new shape": relFixed(http.StatusOK, `{"code":200,"msg":"ok","data":{"token":["`+um.Token+`"],"api_secret":"`+srv.UMeetingSecret+`"}}`),
	} {
		srv.ExpireTokens()
		rw.set(relPathMint, answer)
		leaks.err("failed mint: "+name, status(c))
		rw.clear()
	}
	srv.Inject(quanshitest.Fault{Path: relPathMint, BusinessCode: 40003, Message: "AppSecret " + srv.AppSecret + " revoked"})
	srv.ExpireTokens()
	leaks.err("failed mint: secret echoed", status(c))
	leaks.secret("tempToken", "tt-"+zak, true)

	// umeeting answers cut short after the meeting was booked, a start link
	// cut short, a failure whose data carries the booking's secrets.
	srv.Inject(quanshitest.Fault{Path: relPathUMSchedule, Truncate: true, AfterHandling: true})
	_, err = c.UMeeting.Schedule(ctx, relUMeetingRequest("截断"))
	leaks.err("umeeting schedule truncated", err)
	srv.Advance(5*time.Hour - 10*time.Minute)
	link, err := startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: um.MeetingID}))
	require.NoError(t, err)
	require.Equal(t, um.StartURL, link, "the early-join time has come")
	srv.Inject(quanshitest.Fault{Path: "/umeeting/share/getStartUrl", Truncate: true, AfterHandling: true, Times: 3})
	_, err = startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: um.MeetingID}))
	leaks.err("start link truncated", err)
	rw.set("/umeeting/share/getStartUrl", relFixed(http.StatusOK, fmt.Sprintf(`{"status":500,"message":"host busy","data":{"start_url":%q,"token":%q,"host_key":%q}}`,
		um.StartURL, um.Token, um.HostKey)))
	_, err = startOf(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: um.MeetingID}))
	leaks.err("start link refused with its data", err)
	rw.clear()

	// Events: an answer cut short after the event was booked, a failure
	// whose data carries pcode1.
	srv.Inject(quanshitest.Fault{Path: relPathEventCreate, Truncate: true, AfterHandling: true})
	_, err = c.Event.Create(ctx, relEventRequest("截断"))
	leaks.err("event create truncated", err)
	rw.set(relPathEventInfo, relFixed(http.StatusOK, fmt.Sprintf(`{"code":50709,"msg":"event %d pcode1=%s gone","data":{"pcode1":%q,"pcode2":"1"}}`, ids.eventID, ev.HostPasscode, ev.HostPasscode)))
	_, err = c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: ids.eventID})
	leaks.err("event failure with pcode1", err)
	rw.clear()

	// Everything that crossed the wire is a candidate; the log and every
	// printed error are searched.
	leaks.fromWire(wire.all())
	logMu.Lock()
	log := logBuf.String()
	logMu.Unlock()
	require.Contains(t, log, "level=DEBUG", "the client logged at debug level")
	require.Contains(t, log, "http_status=401", "the rejected token is in the log")
	leaks.text("debug log", log)
	leaks.verify(t)
	t.Logf("debug log: %d lines", strings.Count(log, "\n"))
}

// relMintedToken is the token of the first mint answer on the wire.
func relMintedToken(t *testing.T, wire *relWire) string {
	t.Helper()
	for _, ex := range wire.all() {
		if strings.HasSuffix(ex.Path, relPathMint) {
			if tokens := relMembers(ex.Answer, map[string]bool{"token": true}); len(tokens) > 0 {
				return tokens[0]
			}
		}
	}
	t.Fatal("no token was minted")
	return ""
}

// relLastHeader is a header of the last request that carried it.
func relLastHeader(wire *relWire, name string) string {
	v := ""
	for _, ex := range wire.all() {
		if h := ex.Header.Get(name); h != "" {
			v = h
		}
	}
	return v
}

func relZak(t *testing.T, startURL string) string {
	t.Helper()
	u, err := url.Parse(startURL)
	require.NoError(t, err)
	return u.Query().Get("zak")
}

// TestRelPanicOutputHasNoCredential lets a test binary die of a panic with
// an SDK error (whose answer carried credentials) and searches what the
// runtime printed.
func TestRelPanicOutputHasNoCredential(t *testing.T) {
	const token = "e3b0c44298fc1c149afbf4c8996fb924"
	if os.Getenv("REL_PANIC_CHILD") == "1" {
		srv := relSandbox(t)
		rw := &relRewriter{}
		rw.set(relPathConfStatus, relFixed(http.StatusBadGateway, fmt.Sprintf(`<html>{"token":%q,"api_secret":%q,"pcode1":"201501000033329181"} token %s</html>`,
			token, srv.UMeetingSecret, token)))
		c, err := quanshi.NewClient(quanshi.WithBaseURL(srv.OpenAPIURL), quanshi.WithToken(token),
			quanshi.WithUMeetingCredentials(srv.UMeetingKey, srv.UMeetingSecret), quanshi.WithoutRetries(),
			quanshi.WithHTTPClient(&http.Client{Transport: &relWire{next: relTransport(t), rewrite: rw.rewrite}}))
		require.NoError(t, err)
		_, err = c.Conference.Status(context.Background(), &quanshi.ConferenceStatusRequest{ConferenceID: "1"})
		require.Error(t, err)
		panic(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRelPanicOutputHasNoCredential$", "-test.count=1")
	cmd.Env = append(os.Environ(), "REL_PANIC_CHILD=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the child died: %s", out)
	require.Contains(t, string(out), "panic: quanshi: POST /conference/conference/getConfStatus: HTTP 502", "the panic printed the error")
	for _, secret := range []string{token, token[:12], quanshitest.DefaultUMeetingSecret, "201501000033329181"} {
		assert.NotContains(t, string(out), secret)
	}
}
