// Package quanshitest is an in-process, stateful fake of the Quanshi APIs and
// the systeccloud umeeting API, for tests and local development: the sandbox.
//
// A Server answers every endpoint the SDK wraps, on the right paths, with each
// family's envelope, and keeps state across families: a meeting created
// through /conference can be read back through /confopenapi/room, shows up in
// the dashboard while it runs, and has a report and a recording once it ended.
// It checks credentials as the real API does (tokens minted at
// /eventopenapi/token/create against its AppKey/AppSecret, legacy appKey,
// umeeting api_key/api_secret), its clock can be moved, faults can be
// injected for resilience tests, and it posts the documented live-event
// callbacks to a receiver (WithCallbackURL, CallbackRecorder).
//
// The sandbox writes and reads the wire with types of its own, spelled from
// the API pages, never with the SDK's request and result types: sharing them
// would let a wrong json tag in the SDK be mirrored by the fake and pass
// every test.
//
//	srv := quanshitest.New()
//	defer srv.Close()
//	client, err := srv.Client()
package quanshitest

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// Path prefixes under the server's URL that stand in for the three hosts, so
// that a request sent to the wrong host is answered 404, as it would be.
const (
	OpenAPIPrefix  = "/openapi"
	EventsPrefix   = "/events"
	UMeetingPrefix = "/umeeting-api"
)

// Sandbox credentials. They are fixed so that the standalone sandbox can print
// them and examples can be run against it with copied values.
const (
	DefaultAppKey         = "sandbox-app-key"
	DefaultAppSecret      = "sandbox-app-secret"
	DefaultAdminUserID    = int64(19533553)
	DefaultAdminEmail     = "admin@sandbox.quanshi.test"
	DefaultAppID          = "sandbox-app-id"
	DefaultAppIDSecret    = "sandbox-app-id-secret"
	DefaultAdminLogin     = "admin@sandbox.quanshi.test"
	DefaultAdminPassword  = "sandbox-admin-password"
	DefaultLegacyAppKey   = "sandbox-legacy-app-key"
	DefaultUMeetingKey    = "sandbox-umeeting-key"
	DefaultUMeetingSecret = "sandbox-umeeting-secret"
)

// Server is a running sandbox. Its methods are safe for concurrent use.
type Server struct {
	// URL is the root of the test server; the family base URLs hang below it.
	URL string
	// OpenAPIURL serves /conference and /confopenapi.
	OpenAPIURL string
	// EventsURL serves /eventopenapi.
	EventsURL string
	// UMeetingURL serves /umeeting.
	UMeetingURL string

	// AppKey and AppSecret sign token mints for AdminUserID.
	AppKey, AppSecret string
	// AdminUserID is the admin the minted tokens act for.
	AdminUserID int64
	// AppID and AppIDSecret sign the mints of the current AppId flow
	// (/eventopenapi/token/v2/create); their tokens act for AdminUserID too.
	AppID, AppIDSecret string
	// AdminLogin and AdminPassword are the admin login the classic account
	// endpoints (/user/account/searchAccount, createAccount) take.
	AdminLogin, AdminPassword string
	// LegacyAppKey is the appKey the classic /conference endpoints accept.
	LegacyAppKey string
	// UMeetingKey and UMeetingSecret are the umeeting api_key and api_secret.
	UMeetingKey, UMeetingSecret string

	cfg    config
	srv    *httptest.Server
	routes map[routeKey]*route

	mu       sync.Mutex
	offset   time.Duration
	state    *state
	tokens   map[string]time.Time
	mints    int
	faults   []*faultState
	calls    map[string]int
	handled  map[string]int
	requests int
	// callbacks is the callback emitter (see callbacks.go).
	callbacks *callbackEmitter
}

type config struct {
	now             func() time.Time
	tokenTTL        time.Duration
	addr            string
	logger          *slog.Logger
	users           []User
	signedCalls     bool
	signatureWindow time.Duration

	callbackURL      string
	callbackAttempts int
	callbackWait     time.Duration
	recordingDelay   time.Duration
}

// Option configures a Server.
type Option func(*config)

// WithClock makes now the sandbox's clock. By default the sandbox follows
// the real clock, shifted by Advance.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithTokenTTL sets the lifetime of minted tokens (default 86400s, as the
// real API documents).
func WithTokenTTL(d time.Duration) Option { return func(c *config) { c.tokenTTL = d } }

// WithAddr listens on addr (such as "127.0.0.1:8080") instead of a random
// loopback port.
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithLogger logs one line per call: method, path, HTTP status, business
// code, duration. Bodies and credentials are never logged.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithUsers adds accounts to the sandbox's directory, beside the admin
// (AdminUserID, DefaultAdminEmail): the user lookups find them by e-mail
// address and mobile number, and bookings accept them as hosts. Each needs a
// positive UserID and an e-mail address, both unique. (Bookings also accept
// unknown ids and addresses, which they add to the directory.)
func WithUsers(users ...User) Option {
	return func(c *config) { c.users = append(c.users, users...) }
}

// WithSignedCalls makes the sandbox require the signed headers (AppKey or
// AppId, Nonce, CurTime, CheckSum) on every token call too, as the overview
// page cn/api/189 can be read; clients then need quanshi.WithSignEveryCall.
func WithSignedCalls() Option { return func(c *config) { c.signedCalls = true } }

// WithSignatureWindow refuses signatures whose CurTime is further than d
// from the sandbox's clock (by default any CurTime is accepted).
func WithSignatureWindow(d time.Duration) Option {
	return func(c *config) { c.signatureWindow = d }
}

// New starts a sandbox. Close it when done. It panics if WithAddr names an
// address it cannot listen on, like httptest.NewServer; use Start to get the
// error instead.
func New(opts ...Option) *Server {
	s, err := Start(opts...)
	if err != nil {
		panic(fmt.Sprintf("quanshitest: %v", err))
	}
	return s
}

// Start is New, returning an error when the listening address is unusable.
func Start(opts ...Option) (*Server, error) {
	cfg := config{now: time.Now, tokenTTL: 86400 * time.Second, logger: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		opt(&cfg)
	}
	s := &Server{
		AppKey: DefaultAppKey, AppSecret: DefaultAppSecret, AdminUserID: DefaultAdminUserID,
		AppID: DefaultAppID, AppIDSecret: DefaultAppIDSecret, AdminLogin: DefaultAdminLogin, AdminPassword: DefaultAdminPassword,
		LegacyAppKey: DefaultLegacyAppKey, UMeetingKey: DefaultUMeetingKey, UMeetingSecret: DefaultUMeetingSecret,
		cfg: cfg, state: newState(), tokens: map[string]time.Time{},
		calls: map[string]int{}, handled: map[string]int{}, callbacks: newCallbackEmitter(cfg),
	}
	if err := s.state.seedUsers(cfg.users); err != nil {
		return nil, err
	}
	s.routes = buildRoutes()
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	if cfg.addr != "" {
		ln, err := net.Listen("tcp", cfg.addr)
		if err != nil {
			return nil, err
		}
		_ = s.srv.Listener.Close()
		s.srv.Listener = ln
	}
	s.srv.Start()
	s.URL = s.srv.URL
	s.OpenAPIURL = s.URL + OpenAPIPrefix
	s.EventsURL = s.URL + EventsPrefix
	s.UMeetingURL = s.URL + UMeetingPrefix
	if cfg.callbackURL != "" {
		s.SetCallbackURL(cfg.callbackURL)
	}
	return s, nil
}

// Close shuts the sandbox down, waiting for calls in flight. Callbacks not
// yet sent are dropped.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
	s.callbacks.close()
}

// ClientOptions point a quanshi.Client at the sandbox with its legacy appKey,
// umeeting credentials and app credentials (so the client mints its tokens
// here).
func (s *Server) ClientOptions() []quanshi.Option {
	return append(s.baseOptions(), quanshi.WithAppCredentials(s.AppKey, s.AppSecret, s.AdminUserID))
}

// baseOptions point a client at the sandbox's hosts with its legacy appKey
// and umeeting credentials, but no token credentials.
func (s *Server) baseOptions() []quanshi.Option {
	return []quanshi.Option{
		quanshi.WithBaseURL(s.OpenAPIURL),
		quanshi.WithEventBaseURL(s.EventsURL),
		quanshi.WithConfOpenAPIBaseURL(s.OpenAPIURL),
		quanshi.WithUMeetingBaseURL(s.UMeetingURL),
		quanshi.WithLegacyAppKey(s.LegacyAppKey),
		quanshi.WithUMeetingCredentials(s.UMeetingKey, s.UMeetingSecret),
	}
}

// Client returns a client pointed at the sandbox (see ClientOptions); opts
// are applied after the sandbox's own.
func (s *Server) Client(opts ...quanshi.Option) (*quanshi.Client, error) {
	return quanshi.NewClient(append(s.ClientOptions(), opts...)...)
}

// AppIDClientOptions are ClientOptions with the sandbox's AppId credentials
// (quanshi.WithAppIDCredentials) instead of its AppKey ones: the client
// mints at /eventopenapi/token/v2/create.
func (s *Server) AppIDClientOptions() []quanshi.Option {
	return append(s.baseOptions(), quanshi.WithAppIDCredentials(s.AppID, s.AppIDSecret))
}

// AppIDClient returns a client with the sandbox's AppId credentials (see
// AppIDClientOptions); opts are applied after the sandbox's own.
func (s *Server) AppIDClient(opts ...quanshi.Option) (*quanshi.Client, error) {
	return quanshi.NewClient(append(s.AppIDClientOptions(), opts...)...)
}

// StaticTokenClient returns a client with a token issued by IssueToken
// instead of app credentials.
func (s *Server) StaticTokenClient(opts ...quanshi.Option) (*quanshi.Client, error) {
	base := append(s.baseOptions(), quanshi.WithToken(s.IssueToken()))
	return quanshi.NewClient(append(base, opts...)...)
}

// Env returns the environment that points quanshi.NewClientFromEnv at the
// sandbox, as "NAME=value" pairs in a fixed order (base URLs, app
// credentials, legacy appKey, umeeting credentials). The credentials are the
// sandbox's own, not secrets.
func (s *Server) Env() []string {
	pairs := [][2]string{
		{quanshi.EnvBaseURL, s.OpenAPIURL},
		{quanshi.EnvEventBaseURL, s.EventsURL},
		{quanshi.EnvConfOpenAPIBaseURL, s.OpenAPIURL},
		{quanshi.EnvUMeetingBaseURL, s.UMeetingURL},
		{quanshi.EnvAppKey, s.AppKey},
		{quanshi.EnvAppSecret, s.AppSecret},
		{quanshi.EnvAdminUserID, strconv.FormatInt(s.AdminUserID, 10)},
		{quanshi.EnvLegacyAppKey, s.LegacyAppKey},
		{quanshi.EnvUMeetingKey, s.UMeetingKey},
		{quanshi.EnvUMeetingSecret, s.UMeetingSecret},
	}
	env := make([]string, len(pairs))
	for i, p := range pairs {
		env[i] = p[0] + "=" + p[1]
	}
	return env
}

// Now is the sandbox's current time.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nowLocked()
}

func (s *Server) nowLocked() time.Time { return s.cfg.now().Add(s.offset) }

// Advance moves the sandbox's clock forward: meetings start and end (and
// their callbacks are sent, see SetCallbackURL), tokens expire.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offset += d
	s.observeLocked()
}

// Calls reports how many requests arrived for an endpoint path (such as
// "/conference/conference/getConfStatus"; path parameters excluded), whether
// or not they were answered with success.
func (s *Server) Calls(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[path]
}

// Handled reports how many requests to an endpoint path were carried out:
// for a create, how many meetings it created. Requests rejected for their
// credentials or parameters, or hit by a fault before handling, do not count.
func (s *Server) Handled(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handled[path]
}

// TotalCalls reports how many requests arrived in all.
func (s *Server) TotalCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// ResetCounters zeroes Calls, Handled, TotalCalls and Mints.
func (s *Server) ResetCounters() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.calls)
	clear(s.handled)
	s.requests, s.mints = 0, 0
}

// serveHTTP is the one entry point: find the route, count, read the body,
// apply faults, check credentials, run the handler, write the family's
// envelope. The body is read before any fault so that the server notices a
// client that gives up during injected latency.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rt, params := s.match(r)
	if rt == nil {
		http.NotFound(w, r)
		s.logCall(r, http.StatusNotFound, 0, start)
		return
	}
	s.count(rt)
	c, readErr := readCall(r, rt, params)
	fault := s.takeFault(rt.path)
	if fault != nil && !fault.AfterHandling && s.applyFault(w, r, rt, fault, nil) {
		s.logCall(r, fault.HTTPStatus, fault.BusinessCode, start)
		return
	}
	ans := failure(codeInvalidParameter, "invalid request")
	if readErr == nil {
		ans = s.handle(r, rt, c)
	}
	if fault != nil && fault.AfterHandling && s.applyFault(w, r, rt, fault, &ans) {
		s.logCall(r, fault.HTTPStatus, fault.BusinessCode, start)
		return
	}
	writeAnswer(w, rt.host, ans, s.Now())
	s.logCall(r, ans.httpStatus(), ans.code(rt.host), start)
}

func (s *Server) count(rt *route) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	s.calls[rt.path]++
}

// handle checks the call's credentials and runs the handler.
func (s *Server) handle(r *http.Request, rt *route, c *call) answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.now = s.nowLocked()
	if ans, ok := s.authorize(r, rt, c); !ok {
		return ans
	}
	payload, err := rt.handle(s, c)
	if err != nil {
		return answerFor(err)
	}
	s.handled[rt.path]++
	s.observeLocked()
	return answer{payload: payload}
}

func (s *Server) logCall(r *http.Request, status, code int, start time.Time) {
	s.cfg.logger.Info("sandbox call", "method", r.Method, "path", r.URL.Path,
		"http_status", status, "code", code, "duration", time.Since(start).Round(time.Microsecond))
}

// sleepCtx waits d or until the client goes away.
func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// trimPrefix removes a host prefix from a request path.
func trimPrefix(path string) (family, string, bool) {
	for prefix, f := range map[string]family{OpenAPIPrefix: familyOpenAPI, EventsPrefix: familyEvents, UMeetingPrefix: familyUMeeting} {
		if rest, ok := strings.CutPrefix(path, prefix); ok && strings.HasPrefix(rest, "/") {
			return f, rest, true
		}
	}
	return 0, "", false
}
