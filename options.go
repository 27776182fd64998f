package quanshi

import (
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// Default hosts of the three API families.
const (
	DefaultBaseURL      = "https://openapi.quanshi.com"
	DefaultEventBaseURL = "https://events-openapi.quanshi.com"
	// DefaultConfOpenAPIBaseURL is the host seed 001 §13 documents for
	// confBindBox. The page writes http://; the SDK uses https because the
	// request carries the token, which plain http would send in clear text.
	DefaultConfOpenAPIBaseURL = "https://confopenapi.quanshi.com"
	DefaultUMeetingBaseURL    = "https://api.systeccloud.com"
)

// Version is the SDK's version, sent in the default User-Agent.
const Version = "0.2.0"

// defaultTimeout bounds each attempt unless WithTimeout says otherwise. It is
// a variable so that an internal test can shorten it.
var defaultTimeout = 30 * time.Second

const (
	defaultMaxResponseBytes = 16 << 20
	// minResponseLimit and maxResponseLimit bound WithMaxResponseBytes.
	minResponseLimit = 1 << 10
	maxResponseLimit = 1 << 30
	// legacyAppID is the appId every /conference call sends ("请传6").
	legacyAppID = 6
)

// DefaultTokenInvalidCodes are the business codes treated as "token invalid
// or expired" besides HTTP 401/403. No Quanshi page documents such a code;
// this set is an assumption (the HTTP-like 401 and 403 that Chinese APIs
// commonly put in the body). Override it with WithTokenInvalidCodes.
var DefaultTokenInvalidCodes = []int{401, 403}

// config is what the options build; it is read-only once NewClient returns.
type config struct {
	token              string
	appKey, appSecret  string
	appID              string
	adminUserID        int64
	signEveryCall      bool
	adminLogin         string
	adminPassword      string
	legacyAppKey       string
	umeetingKey        string
	umeetingSecret     string
	baseURL            string
	eventBaseURL       string
	confOpenAPIBaseURL string
	umeetingBaseURL    string
	httpClient         *http.Client
	timeout            time.Duration
	userAgent          string
	logger             *slog.Logger
	tokenInvalidCodes  map[int]bool
	maxResponseBytes   int64
	retry              RetryPolicy
	rateLimit          rate.Limit
	rateBurst          int
	limiter            RateLimiter
	tokenStore         TokenStore
	storeTimeout       time.Duration
	now                func() time.Time
	keepPersonalData   bool
}

func defaultConfig() *config {
	codes := make(map[int]bool, len(DefaultTokenInvalidCodes))
	for _, c := range DefaultTokenInvalidCodes {
		codes[c] = true
	}
	return &config{
		baseURL:            DefaultBaseURL,
		eventBaseURL:       DefaultEventBaseURL,
		confOpenAPIBaseURL: DefaultConfOpenAPIBaseURL,
		umeetingBaseURL:    DefaultUMeetingBaseURL,
		timeout:            defaultTimeout,
		userAgent:          "quanshi-go/" + Version,
		logger:             slog.New(slog.DiscardHandler),
		tokenInvalidCodes:  codes,
		maxResponseBytes:   defaultMaxResponseBytes,
		retry:              DefaultRetryPolicy,
		storeTimeout:       DefaultStoreTimeout,
		now:                time.Now,
	}
}

// Option configures a Client. An invalid option makes NewClient fail.
type Option func(*config) error

func optionError(name, reason string) error {
	return &ValidationError{Field: name, Reason: reason}
}

// WithToken sets a static API token ("统一鉴权token"), used as is and never
// renewed. Use WithAppCredentials instead to let the client mint and renew
// tokens itself.
func WithToken(token string) Option {
	return func(c *config) error {
		if strings.TrimSpace(token) == "" {
			return optionError("WithToken", "token is empty")
		}
		if !headerSafe(token) {
			return optionError("WithToken", "token holds control characters (CR, LF, NUL ...), which cannot go into a header")
		}
		c.token = token
		return nil
	}
}

// WithAppCredentials lets the client mint tokens itself: AppKey and AppSecret
// come from the developer platform, adminUserID is the Quanshi userId of the
// admin the token acts for. Tokens are cached, renewed before they expire and
// re-minted once when the server rejects one.
func WithAppCredentials(appKey, appSecret string, adminUserID int64) Option {
	return func(c *config) error {
		switch {
		case strings.TrimSpace(appKey) == "" || !headerSafe(appKey):
			return optionError("WithAppCredentials", "appKey is empty or holds control characters")
		case strings.TrimSpace(appSecret) == "":
			return optionError("WithAppCredentials", "appSecret is empty")
		case adminUserID <= 0:
			return optionError("WithAppCredentials", "adminUserID must be a positive Quanshi userId")
		}
		c.appKey, c.appSecret, c.adminUserID = appKey, appSecret, adminUserID
		return nil
	}
}

// WithAppIDCredentials lets the client mint tokens itself with the AppId and
// AppSecret of a current developer-platform account: tokens come from
// POST /eventopenapi/token/v2/create, signed with the AppId, Nonce, CurTime
// and CheckSum headers, with an empty body; the token acts for the account's
// admin, so no userId is needed (https://developer.quanshi.com/cn/api/69).
// Caching, single-flight minting, renewal before expiry and one re-mint on
// rejection are those of WithAppCredentials, which is the older flow for
// accounts with an AppKey (POST /eventopenapi/token/create, AppKey header,
// body {"userId": adminUserID}). Give one of the two, not both.
//
// Business calls carry the minted token only; WithSignEveryCall adds the
// signed headers to every call as well.
func WithAppIDCredentials(appID, appSecret string) Option {
	return func(c *config) error {
		switch {
		case strings.TrimSpace(appID) == "" || !headerSafe(appID):
			return optionError("WithAppIDCredentials", "appID is empty or holds control characters")
		case strings.TrimSpace(appSecret) == "":
			return optionError("WithAppIDCredentials", "appSecret is empty")
		}
		c.appID, c.appSecret = appID, appSecret
		return nil
	}
}

// WithSignEveryCall sends the signed headers (AppKey or AppId, Nonce,
// CurTime, CheckSum) with every call to the Quanshi hosts, beside the token,
// not only with the calls that need them (token minting, user lookup). It
// needs WithAppCredentials or WithAppIDCredentials.
//
// The pages disagree on whether that is required, so it is an option, off by
// default. For: the newer overview (https://developer.quanshi.com/cn/api/189)
// says every interface carries the four headers ("所有接口均需要放置以下公共
// 参数在请求头中"). Against: the newer account lookup page
// (https://developer.quanshi.com/cn/api/184) names the AppId headers "when no
// token has been obtained" and the token header "when a token has been
// obtained", as alternatives; the user lookup pages (cn/api/431, cn/api/432,
// en/node/184) make the token optional "or" the headers; every business
// page of either family documents the token as its only credential; and the
// token page (cn/api/69) calls the token the unified credential to put in the
// request header. Turn it on if the server rejects token-only calls of an
// AppId account.
func WithSignEveryCall() Option {
	return func(c *config) error {
		c.signEveryCall = true
		return nil
	}
}

// WithAdminLogin sets the login name and password of a Quanshi admin, which
// the classic account endpoints (/user/account/searchAccount and
// /user/account/createAccount, https://developer.quanshi.com/api/179 and
// https://developer.quanshi.com/api/49) take in their body as username and
// password, beside appId 6. The client adds them to those calls only; they
// are redacted like every credential.
func WithAdminLogin(loginName, password string) Option {
	return func(c *config) error {
		if strings.TrimSpace(loginName) == "" || password == "" {
			return optionError("WithAdminLogin", "loginName and password must both be set")
		}
		c.adminLogin, c.adminPassword = loginName, password
		return nil
	}
}

// headerSafe reports whether v can go into an HTTP header value as is: no
// ASCII control character (CR, LF and NUL among them) that could split or
// cut the header.
func headerSafe(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] == 0x7f {
			return false
		}
	}
	return true
}

// WithLegacyAppKey sets the appKey ("客户唯一标识") that the classic
// /conference endpoints take in the request body. Without a token it goes
// to every classic endpoint (it is their only credential then); with one,
// only to those whose page lists appKey in its request table
// (reservConference2, updateReservConference, launchString,
// getPhoneAccessNum, getUserIdsByEmails: Operation.AppKeyInBody), so that
// it is not sent where no page asks for it (confBindBox, on another host).
func WithLegacyAppKey(appKey string) Option {
	return func(c *config) error {
		if strings.TrimSpace(appKey) == "" {
			return optionError("WithLegacyAppKey", "appKey is empty")
		}
		c.legacyAppKey = appKey
		return nil
	}
}

// WithUMeetingCredentials sets the systeccloud api_key and api_secret sent
// with every umeeting call.
func WithUMeetingCredentials(apiKey, apiSecret string) Option {
	return func(c *config) error {
		if strings.TrimSpace(apiKey) == "" || strings.TrimSpace(apiSecret) == "" {
			return optionError("WithUMeetingCredentials", "api_key and api_secret must both be set")
		}
		c.umeetingKey, c.umeetingSecret = apiKey, apiSecret
		return nil
	}
}

// WithBaseURL overrides the openapi host (https://openapi.quanshi.com) that
// serves /conference and /confopenapi, for a sandbox or a test server. The
// URL may carry a path prefix.
func WithBaseURL(u string) Option {
	return baseURLOption("WithBaseURL", u, func(c *config, v string) { c.baseURL = v })
}

// WithEventBaseURL overrides the events host
// (https://events-openapi.quanshi.com) that serves /eventopenapi.
func WithEventBaseURL(u string) Option {
	return baseURLOption("WithEventBaseURL", u, func(c *config, v string) { c.eventBaseURL = v })
}

// WithConfOpenAPIBaseURL overrides the host
// (https://confopenapi.quanshi.com) that serves the endpoints documented
// there: box binding (confBindBox, seed 001 §13).
func WithConfOpenAPIBaseURL(u string) Option {
	return baseURLOption("WithConfOpenAPIBaseURL", u, func(c *config, v string) { c.confOpenAPIBaseURL = v })
}

// WithUMeetingBaseURL overrides the systeccloud host
// (https://api.systeccloud.com) that serves /umeeting.
func WithUMeetingBaseURL(u string) Option {
	return baseURLOption("WithUMeetingBaseURL", u, func(c *config, v string) { c.umeetingBaseURL = v })
}

func baseURLOption(name, raw string, set func(*config, string)) Option {
	return func(c *config) error {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return optionError(name, "not an absolute http(s) URL") // the URL is not quoted: it may hold a password
		}
		if u.RawQuery != "" || u.Fragment != "" {
			return optionError(name, "the base URL must not have a query or fragment")
		}
		set(c, strings.TrimRight(raw, "/"))
		return nil
	}
}

// WithHTTPClient sends requests through hc's transport instead of the SDK's
// shared tuned one. The SDK reads hc.Transport at every request, so a
// transport swapped in after NewClient (httpmock.ActivateNonDefault(hc),
// otelhttp) is used; a nil hc.Transport means the SDK's shared transport,
// never http.DefaultTransport (the global httpmock.Activate() is therefore
// not seen). The rest of hc (Jar, Timeout) is copied at NewClient and never
// modified: redirects are refused whatever hc.CheckRedirect says (the API
// never redirects, and a followed redirect would carry credentials to
// another host and replay writes), and the per-attempt timeout of
// WithTimeout (30 s by default) applies on top of hc.Timeout. hc's transport
// is the caller's: Client.Close never closes it.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return optionError("WithHTTPClient", "client is nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithTimeout bounds each HTTP attempt, from sending the request to reading
// the whole answer (default 30 s), with a client of the SDK's and with one
// given by WithHTTPClient alike. WithTimeout(0) turns the per-attempt bound
// off: attempts are then bounded only by the call's context (and by the
// Timeout of a WithHTTPClient client, if it has one). Contexts bound whole
// calls, retries included, as usual. A negative d is an error.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return optionError("WithTimeout", "timeout must not be negative (0 turns it off)")
		}
		c.timeout = d
		return nil
	}
}

// WithUserAgent replaces the default User-Agent "quanshi-go/<version>".
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if strings.TrimSpace(ua) == "" || !headerSafe(ua) {
			return optionError("WithUserAgent", "user agent is empty or has control characters (CR, LF, NUL)")
		}
		c.userAgent = ua
		return nil
	}
}

// WithLogger sets the logger. Every record goes through the call's context
// (Logger.LogAttrs(ctx, ...)), so a handler can add the trace id it finds
// there. Debug: one line per attempt (operation, HTTP status, business code,
// request id, duration). Warn: a retry (with the wait). Info: a re-mint of a
// rejected token, and a wait for WithRateLimit. Nothing is logged by
// default; credentials and personal data are never logged (operations are
// named by their path template, error texts are redacted).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return optionError("WithLogger", "logger is nil")
		}
		c.logger = l
		return nil
	}
}

// WithTokenInvalidCodes replaces DefaultTokenInvalidCodes, the business codes
// that mean "token invalid or expired". HTTP 401 and 403 always do.
func WithTokenInvalidCodes(codes ...int) Option {
	return func(c *config) error {
		c.tokenInvalidCodes = make(map[int]bool, len(codes))
		for _, code := range codes {
			if code == 0 || code == 200 {
				return optionError("WithTokenInvalidCodes", fmt.Sprintf("%d is a success code", code))
			}
			c.tokenInvalidCodes[code] = true
		}
		return nil
	}
}

// WithMaxResponseBytes bounds the size of a response body (default 16 MiB);
// a larger body fails with ErrResponseTooLarge. n must be between 1 KiB and
// 1 GiB. Memory follows the bytes that arrive, never a Content-Length header.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n < minResponseLimit || n > maxResponseLimit {
			return optionError("WithMaxResponseBytes", "limit must be between 1 KiB and 1 GiB")
		}
		c.maxResponseBytes = n
		return nil
	}
}

// WithRetryPolicy replaces DefaultRetryPolicy. RetryPolicy{} (or
// WithoutRetries) turns retries off.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		switch {
		case p.MaxRetries < 0 || p.MaxRetries > 10:
			return optionError("WithRetryPolicy", "MaxRetries must be between 0 and 10")
		case p.MaxRetries > 0 && (p.MinWait <= 0 || p.MaxWait < p.MinWait):
			return optionError("WithRetryPolicy", "MinWait must be positive and MaxWait at least MinWait")
		}
		p.TransientCodes = slices.Clone(p.TransientCodes)
		c.retry = p
		return nil
	}
}

// WithoutRetries turns retries off: every call makes one attempt (plus one
// more after re-minting a rejected token).
func WithoutRetries() Option { return WithRetryPolicy(RetryPolicy{}) }

// WithRateLimit limits the client to perSecond requests a second with bursts
// of burst. A call over the limit waits for its turn; it never fails for
// being over the limit. A call whose turn would come only after its
// context's deadline fails at once with context.DeadlineExceeded (nothing is
// sent, it is not ErrOutcomeUnknown) instead of waiting for the deadline in
// vain. perSecond must be a positive, finite number.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(c *config) error {
		if !(perSecond > 0) || math.IsInf(perSecond, 0) || burst < 1 {
			return optionError("WithRateLimit", "perSecond must be a positive finite number and burst at least 1")
		}
		c.rateLimit, c.rateBurst = rate.Limit(perSecond), burst
		return nil
	}
}

// withClock replaces the clock, for tests of token expiry.
func withClock(now func() time.Time) Option {
	return func(c *config) error {
		c.now = now
		return nil
	}
}

// Environment variables read by NewClientFromEnv.
const (
	EnvToken              = "QUANSHI_TOKEN"
	EnvAppKey             = "QUANSHI_APP_KEY"
	EnvAppSecret          = "QUANSHI_APP_SECRET"
	EnvAdminUserID        = "QUANSHI_ADMIN_USER_ID"
	EnvAppID              = "QUANSHI_APP_ID"
	EnvLegacyAppKey       = "QUANSHI_LEGACY_APP_KEY"
	EnvBaseURL            = "QUANSHI_BASE_URL"
	EnvEventBaseURL       = "QUANSHI_EVENT_BASE_URL"
	EnvConfOpenAPIBaseURL = "QUANSHI_CONFOPENAPI_BASE_URL"
	EnvUMeetingKey        = "UMEETING_API_KEY"
	EnvUMeetingSecret     = "UMEETING_API_SECRET"
	EnvUMeetingBaseURL    = "UMEETING_BASE_URL"
)

// NewClientFromEnv builds a client from the QUANSHI_* and UMEETING_*
// environment variables (see the Env constants), then applies opts, which
// win over the environment. Unset variables are skipped; a malformed one is
// an error.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	envOpts, err := optionsFromEnv(os.Getenv)
	if err != nil {
		return nil, err
	}
	return NewClient(append(envOpts, opts...)...)
}

func optionsFromEnv(getenv func(string) string) ([]Option, error) {
	var opts []Option
	if v := getenv(EnvToken); v != "" {
		opts = append(opts, WithToken(v))
	}
	key, secret, admin, appID := getenv(EnvAppKey), getenv(EnvAppSecret), getenv(EnvAdminUserID), getenv(EnvAppID)
	if appID != "" {
		if key != "" {
			return nil, optionError(EnvAppID, "set either "+EnvAppID+" or "+EnvAppKey+", not both")
		}
		opts = append(opts, WithAppIDCredentials(appID, secret))
	} else if key != "" || secret != "" || admin != "" {
		id, err := strconv.ParseInt(admin, 10, 64)
		if err != nil {
			return nil, optionError(EnvAdminUserID, "must be a Quanshi userId when "+EnvAppKey+" or "+EnvAppSecret+" is set")
		}
		opts = append(opts, WithAppCredentials(key, secret, id))
	}
	if v := getenv(EnvLegacyAppKey); v != "" {
		opts = append(opts, WithLegacyAppKey(v))
	}
	if k, s := getenv(EnvUMeetingKey), getenv(EnvUMeetingSecret); k != "" || s != "" {
		opts = append(opts, WithUMeetingCredentials(k, s))
	}
	for env, opt := range map[string]func(string) Option{
		EnvBaseURL: WithBaseURL, EnvEventBaseURL: WithEventBaseURL, EnvConfOpenAPIBaseURL: WithConfOpenAPIBaseURL, EnvUMeetingBaseURL: WithUMeetingBaseURL,
	} {
		if v := getenv(env); v != "" {
			opts = append(opts, opt(v))
		}
	}
	return opts, nil
}

// WithPersonalDataInErrors is a debugging aid, off by default: errors,
// captured metadata and debug log lines then keep the personal data
// (e-mail addresses, mobile numbers, names) that the server's messages and
// bodies carry. By default they are masked, as China's PIPL expects of the
// people running this SDK: an error names the field, never its value.
// Credentials stay masked either way. Do not use it in production.
func WithPersonalDataInErrors() Option {
	return func(c *config) error {
		c.keepPersonalData = true
		return nil
	}
}
