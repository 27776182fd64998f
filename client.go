// Package quanshi is a typed client for the Quanshi (全时 / G-Net) conference
// and event OpenAPI, and for the systeccloud "umeeting" scheduling API.
//
// A Client carries one service per area (Conference, Room, Event, Recording,
// Report, Dashboard, UMeeting, User, Auth). Every call goes through one pipeline that
// places the credentials each API family expects, reads its envelope, and
// turns every failure into an *APIError, *TransportError or *ValidationError.
//
// Names follow one glossary; each field's doc names its wire field (the
// JSON key on the API's pages):
//   - meeting: a scheduled or running conference, in the user's terms.
//   - conference: the classic /conference API's object (conferenceId).
//   - event: the event / live-streaming API's object (eventId).
//   - booking: a reservation of a meeting with rooms and devices (Room).
//   - host: the organiser who starts the meeting (hostId, hostEmail, the
//     host's password HostPasscode, pcode1).
//   - invitee: someone invited (inviteeList, attendList).
//   - participant: someone in a running meeting or joining it
//     (ParticipantPasscode, pcode2; umeeting participants).
//   - attendee: someone who actually attended, in attendance and report
//     data.
//
// Each kind of id has one Go type: conference, temporary conference and
// umeeting ids are strings; event, user, meeting-room and device ids of the
// Quanshi APIs are int64.
package quanshi

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/go-resty/resty/v2"
	"golang.org/x/time/rate"
)

// Family is one of the API's families: they differ in host, in where the
// credentials go, in body encoding and in envelope.
type Family int

// The API families.
const (
	// FamilyConference is the classic /conference API on the openapi host:
	// token header when there is one, appId 6 in the JSON body (with the
	// legacy appKey when there is no token or the page lists it:
	// Operation.AppKeyInBody), status/result envelope with status 0
	// meaning success.
	FamilyConference Family = iota + 1
	// FamilyConfOpenAPI is /confopenapi on the openapi host: token in both
	// header and JSON body, status/result envelope with status 0 = success.
	FamilyConfOpenAPI
	// FamilyEvent is /eventopenapi on the events host: token in the JSON
	// body, code/data envelope with code 200 = success.
	FamilyEvent
	// FamilyUMeeting is the systeccloud /umeeting API: form-encoded bodies
	// with api_key and api_secret, status/message/data envelope with
	// status 200 = success.
	FamilyUMeeting
)

// String returns the family's name.
func (f Family) String() string {
	if s, ok := families[f]; ok {
		return s.name
	}
	return fmt.Sprintf("Family(%d)", int(f))
}

// familySpec is everything that differs between the families.
type familySpec struct {
	name        string
	baseURL     func(*config) string
	rule        envelopeRule
	tokenHeader bool // send the token as the "token" header
	tokenBody   bool // send the token as the "token" body member
	legacyBody  bool // send appId 6 and appKey in the body
	form        bool // form-encode the body and add api_key/api_secret
}

var families = map[Family]familySpec{
	FamilyConference: {
		name: "conference", baseURL: func(c *config) string { return c.baseURL },
		rule: statusResultRule, tokenHeader: true, legacyBody: true,
	},
	FamilyConfOpenAPI: {
		name: "confopenapi", baseURL: func(c *config) string { return c.baseURL },
		rule: statusResultRule, tokenHeader: true, tokenBody: true,
	},
	FamilyEvent: {
		name: "eventopenapi", baseURL: func(c *config) string { return c.eventBaseURL },
		rule: codeDataRule, tokenBody: true,
	},
	FamilyUMeeting: {
		name: "umeeting", baseURL: func(c *config) string { return c.umeetingBaseURL },
		rule: umeetingRule, form: true,
	},
}

// Operation declares one endpoint. Every service method uses exactly one
// package-level Operation; Client.Do takes one for endpoints the SDK does not
// wrap yet.
type Operation struct {
	// Family decides host, credentials, encoding and envelope.
	Family Family
	// Method is the HTTP method, GET or POST.
	Method string
	// Path is the path on the family's host, as
	// "/conference/conference/getConfStatus". Placeholders in braces are
	// filled by the service method.
	Path string
	// Idempotent marks reads, which are safe to send twice.
	Idempotent bool
	// SignedHeaders authenticates with the signed headers instead of a token
	// (token minting, user lookup by e-mail): AppKey, Nonce, CurTime and
	// CheckSum for WithAppCredentials, AppId instead of AppKey for
	// WithAppIDCredentials.
	SignedHeaders bool
	// AppKeyInBody marks a classic (FamilyConference) endpoint whose page
	// lists appKey in its request table: the legacy appKey
	// (WithLegacyAppKey) goes into its body even when the client has a
	// token. Other classic endpoints get it only when the client has no
	// token, where it is their only credential; appId 6 goes to all of them.
	AppKeyInBody bool

	// signedIfAble: the endpoint takes a token or the signed headers; the
	// headers are sent when the client has app credentials, the token
	// otherwise (cn/api/431: "支持非token查询").
	signedIfAble bool
	// adminLogin: the body carries appId 6 and the admin's username and
	// password (WithAdminLogin) instead of any token or appKey.
	adminLogin bool
	// ownCredential: the request carries the credential it is about (a token
	// to check) itself; the client adds none.
	ownCredential bool
	// confOpenAPIHost: the page documents the endpoint on
	// confopenapi.quanshi.com rather than its family's host (seed 001 §13,
	// confBindBox); the request goes to WithConfOpenAPIBaseURL's URL.
	confOpenAPIHost bool

	// filledPath is Path with its placeholders filled (see withPath); errors
	// and logs keep naming the template, which holds no caller data.
	filledPath string
}

// String returns "METHOD /path" with the path's placeholders unfilled.
func (op Operation) String() string { return op.Method + " " + op.Path }

// baseURL is the URL of the host the operation's page documents.
func (op Operation) baseURL(c *config, spec familySpec) string {
	if op.confOpenAPIHost {
		return c.confOpenAPIBaseURL
	}
	return spec.baseURL(c)
}

// requestPath is the path the request goes to.
func (op Operation) requestPath() string {
	if op.filledPath != "" {
		return op.filledPath
	}
	return op.Path
}

// withPath fills the path's {placeholders}, in order, with the values, each
// escaped as one path segment. An empty value leaves an empty segment. The
// values (an e-mail address, a callback URL) go into the request URL only,
// never into error messages or logs.
func (op Operation) withPath(values ...string) Operation {
	var b strings.Builder
	rest := op.Path
	for _, v := range values {
		open, end := strings.IndexByte(rest, '{'), strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			break
		}
		b.WriteString(rest[:open])
		b.WriteString(escapeSegment(v))
		rest = rest[end+1:]
	}
	b.WriteString(rest)
	op.filledPath = b.String()
	return op
}

// escapeSegment percent-encodes every byte but the unreserved characters of
// RFC 3986, so that "@", "/" and ":" inside a value stay inside its segment.
func escapeSegment(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// service is the shared state every service views.
type service struct {
	client *Client
}

// caller is how service code reaches its client: a nil service (the
// services of a zero Client{}) gives a nil *Client, whose calls fail with
// ErrClientUnusable instead of panicking. Each service type has a caller
// method that converts itself to *service.
func (s *service) caller() *Client {
	if s == nil {
		return nil
	}
	return s.client
}

func (s *ConferenceService) caller() *Client { return (*service)(s).caller() }
func (s *RoomService) caller() *Client       { return (*service)(s).caller() }
func (s *EventService) caller() *Client      { return (*service)(s).caller() }
func (s *RecordingService) caller() *Client  { return (*service)(s).caller() }
func (s *ReportService) caller() *Client     { return (*service)(s).caller() }
func (s *DashboardService) caller() *Client  { return (*service)(s).caller() }
func (s *UMeetingService) caller() *Client   { return (*service)(s).caller() }
func (s *UserService) caller() *Client       { return (*service)(s).caller() }
func (s *AuthService) caller() *Client       { return (*service)(s).caller() }

// Client is a Quanshi API client. It is safe for concurrent use; create one
// and share it.
type Client struct {
	// Conference wraps the classic /conference endpoints and the
	// /confopenapi/conference launch endpoints.
	Conference *ConferenceService
	// Room wraps the /confopenapi/room booking endpoints.
	Room *RoomService
	// Event wraps the /eventopenapi event endpoints.
	Event *EventService
	// Recording wraps the recording (movie) endpoints.
	Recording *RecordingService
	// Report wraps the post-meeting report endpoints.
	Report *ReportService
	// Dashboard wraps the admin dashboard and live-meeting views.
	Dashboard *DashboardService
	// UMeeting wraps the systeccloud /umeeting scheduling API.
	UMeeting *UMeetingService
	// User looks up Quanshi accounts (a host's userId by e-mail address) and
	// creates them.
	User *UserService
	// Auth checks tokens.
	Auth *AuthService

	cfg  *config
	http *resty.Client
	// legacyMembers are the credential members of the classic /conference
	// API's body: appId, always 6 ("请传6"), and the customer's appKey
	// (see credentialObject).
	legacyMembers []byte
	// adminMembers are the credential members of searchAccount and
	// createAccount: appId 6 and the admin's username and password.
	adminMembers []byte
	// umeetingCreds are the umeeting credential form fields.
	umeetingCreds formFields
	tokens        tokenSource
	limiter       *rate.Limiter
	guard         storeGuard
	storeKey      string
	redact        *redactor
	common        service
	closed        atomic.Bool
}

// NewClient returns a client configured by opts. It talks to the production
// hosts unless told otherwise, with the credentials given: one of WithToken,
// WithAppIDCredentials and WithAppCredentials, and WithLegacyAppKey,
// WithUMeetingCredentials and WithAdminLogin as needed. A client with none of
// them could call no endpoint and is an error.
func NewClient(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			return nil, optionError("Option", "nil option")
		}
		if err := opt(cfg); err != nil {
			return nil, err
		}
	}
	if err := checkCredentials(cfg); err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, redact: &redactor{keepPersonal: cfg.keepPersonalData}}
	c.redact.add(cfg.token, cfg.appKey, cfg.appSecret, cfg.legacyAppKey, cfg.umeetingKey, cfg.umeetingSecret)
	c.redact.add(cfg.appID, cfg.adminLogin, cfg.adminPassword)
	var err error
	if c.legacyMembers, err = credentialObject("appKey", cfg.legacyAppKey); err != nil {
		return nil, optionError("WithLegacyAppKey", "appKey is not valid UTF-8")
	}
	if c.adminMembers, err = credentialObject("username", cfg.adminLogin, "password", cfg.adminPassword); err != nil {
		return nil, optionError("WithAdminLogin", "loginName or password is not valid UTF-8")
	}
	if cfg.umeetingKey != "" || cfg.umeetingSecret != "" { // without them no umeeting call is sent
		if !utf8.ValidString(cfg.umeetingKey) || !utf8.ValidString(cfg.umeetingSecret) {
			return nil, optionError("WithUMeetingCredentials", "api_key or api_secret is not valid UTF-8")
		}
		c.umeetingCreds = formFields{{[]byte("api_key"), []byte(cfg.umeetingKey)}, {[]byte("api_secret"), []byte(cfg.umeetingSecret)}}
	}
	c.http = newRestyClient(cfg)
	c.guard.c = c
	c.storeKey = storeKey(cfg)
	c.tokens = newTokenSource(c)
	if cfg.rateLimit > 0 {
		c.limiter = rate.NewLimiter(cfg.rateLimit, cfg.rateBurst)
	}
	c.common.client = c
	c.Conference = (*ConferenceService)(&c.common)
	c.Room = (*RoomService)(&c.common)
	c.Event = (*EventService)(&c.common)
	c.Recording = (*RecordingService)(&c.common)
	c.Report = (*ReportService)(&c.common)
	c.Dashboard = (*DashboardService)(&c.common)
	c.UMeeting = (*UMeetingService)(&c.common)
	c.User = (*UserService)(&c.common)
	c.Auth = (*AuthService)(&c.common)
	return c, nil
}

// credentialObject encodes the credential members of a classic body,
// {"appId":6,...}, with the given name/value members after appId, each left
// out when empty. It is written by hand: NewClient builds no json arshaler
// (a fresh process's first marshal of a struct costs some 0.5 ms).
func credentialObject(members ...string) ([]byte, error) {
	out := []byte(`{"appId":` + strconv.Itoa(legacyAppID))
	for i := 0; i+1 < len(members); i += 2 {
		if members[i+1] == "" {
			continue
		}
		out = append(out, `,"`+members[i]+`":`...) // the names are ASCII constants
		var err error
		if out, err = jsontext.AppendQuote(out, members[i+1]); err != nil {
			return nil, err
		}
	}
	return append(out, '}'), nil
}

// Close stops the client's background work (a token mint in flight) and
// makes every later call fail with ErrClientClosed. It never closes a
// transport: the one given with WithHTTPClient is the caller's, and the
// SDK's shared transport serves every client; connections idle in its pool
// belong to the pool, which closes them after its idle timeout (90 s).
// Close is safe to call more than once and on a nil or zero Client.
func (c *Client) Close() error {
	if c == nil || c.cfg == nil || c.closed.Swap(true) {
		return nil
	}
	if m, ok := c.tokens.(*mintingSource); ok {
		m.close()
	}
	return nil
}

// String describes the client without any of its credentials, so that
// printing a Client (%v, %+v) cannot leak them.
func (c *Client) String() string {
	if c == nil || c.cfg == nil {
		return "quanshi.Client{unusable: nil or not built by NewClient}"
	}
	return fmt.Sprintf("quanshi.Client{openapi: %s, confopenapi: %s, events: %s, umeeting: %s}",
		c.cfg.baseURL, c.cfg.confOpenAPIBaseURL, c.cfg.eventBaseURL, c.cfg.umeetingBaseURL)
}

// GoString is String, for %#v.
func (c *Client) GoString() string { return c.String() }

// newRestyClient wraps a copy of the caller's http.Client (never modified)
// or a client on the shared tuned transport. Resty's own retries, cookie jar,
// logging and body parsing stay off: the pipeline does those itself (see
// call). The per-attempt timeout is not the http.Client's Timeout but a
// context deadline set in attempt, so that it holds whatever client is given.
func newRestyClient(cfg *config) *resty.Client {
	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
		hc.Transport = callerTransport{client: cfg.httpClient}
	} else {
		hc.Transport = sharedTransport()
	}
	// The API never redirects: a 3xx is returned to the pipeline as it is
	// (see redirectError), so that neither credentials nor a request body
	// follow it to another host and a write is never replayed.
	hc.CheckRedirect = refuseRedirect
	r := resty.NewWithClient(&hc)
	r.SetLogger(discardLogger{})
	r.SetDisableWarn(true)
	r.SetHeader("User-Agent", cfg.userAgent)
	r.SetHeader("Accept", "application/json")
	r.SetPreRequestHook(forbidTransportReplay)
	return r
}

// callerTransport sends through the Transport of the caller's http.Client
// as it is at the time of the request, not as it was when NewClient ran:
// httpmock.ActivateNonDefault (or any later swap of the Transport) works
// whether it happens before or after NewClient. A nil Transport means the
// SDK's shared transport, never http.DefaultTransport, so the global
// httpmock.Activate() does not reach the SDK.
type callerTransport struct {
	client *http.Client
}

// RoundTrip sends req through the caller's current Transport.
func (t callerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if rt := t.client.Transport; rt != nil {
		return rt.RoundTrip(req)
	}
	return sharedTransport().RoundTrip(req)
}

// refuseRedirect makes net/http hand back a 3xx answer instead of following
// it.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// sharedTransport is the transport of every client built without
// WithHTTPClient, as http.DefaultTransport is shared: a client per request
// then costs no connection, goroutine or pool of its own. It is built on
// first use, not at package init. Client.Close never closes it; its idle
// connections close after IdleConnTimeout.
var sharedTransport = sync.OnceValue(newTransport)

// newTransport is the shared transport, with enough idle connections per
// host for a busy service. The pool is kept well above the
// concurrency it serves: net/http dials a new connection when none is idle
// at that instant, and a pool that is just full closes the surplus when it
// comes back, so a tight pool churns connections under load.
func newTransport() *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   128,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// discardLogger silences resty, whose default logger prints request URLs and
// failures to stderr.
type discardLogger struct{}

// Errorf discards the message.
func (discardLogger) Errorf(string, ...any) {}

// Warnf discards the message.
func (discardLogger) Warnf(string, ...any) {}

// Debugf discards the message.
func (discardLogger) Debugf(string, ...any) {}

// Do calls an endpoint the SDK does not wrap yet, with the same credentials,
// encoding, envelope handling and errors as the wrapped ones. req is encoded
// as the JSON (or, for FamilyUMeeting, form) body and may be nil; on success
// the payload (result or data) is decoded into out, which may be nil. The
// request goes through the same generic checks (no negative id, no integer
// beyond 32 bits but times, no year outside 1970–9999) before it is sent.
//
//	var out struct{ URL string `json:"url"` }
//	op := quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: "POST",
//		Path: "/confopenapi/admin/getAdminLink", Idempotent: true}
//	err := client.Do(ctx, op, map[string]any{"to": 1, "userId": adminUserID}, &out)
func (c *Client) Do(ctx context.Context, op Operation, req, out any, opts ...CallOption) error {
	if _, ok := families[op.Family]; !ok {
		return &ValidationError{Operation: op.String(), Field: "Family", Reason: "unknown API family"}
	}
	if op.Method != http.MethodGet && op.Method != http.MethodPost {
		return &ValidationError{Operation: op.String(), Field: "Method", Reason: "must be GET or POST"}
	}
	if !strings.HasPrefix(op.Path, "/") || strings.ContainsAny(op.Path, "?#") {
		return &ValidationError{Operation: op.String(), Field: "Path", Reason: "must be an absolute path without query"}
	}
	if v := reflect.ValueOf(out); out != nil && (v.Kind() != reflect.Pointer || v.IsNil()) {
		return &ValidationError{Operation: op.String(), Field: "out", Reason: "must be nil or a non-nil pointer"}
	}
	return c.call(ctx, op, req, out, opts...)
}
