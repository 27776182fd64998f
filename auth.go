package quanshi

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// opTokenCreate mints a token (reference §1.2). It authenticates with the
// signed headers, never with a token, so minting cannot recurse. Minting twice
// is harmless, so it is retried like a read.
var opTokenCreate = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/token/create", Idempotent: true, SignedHeaders: true}

// opTokenCreateV2 mints a token for an AppId account
// (https://developer.quanshi.com/cn/api/69, also cn/api/479): AppId header,
// empty body; the token acts for the account's admin.
var opTokenCreateV2 = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/token/v2/create", Idempotent: true, SignedHeaders: true}

const (
	// defaultTokenLifetime is the documented lifetime ("expire": 86400),
	// used when a mint response does not say.
	defaultTokenLifetime = 86400 * time.Second
	// maxRenewMargin is how long before expiry a token is renewed, at most;
	// short-lived tokens renew after 90% of their life.
	maxRenewMargin = 5 * time.Minute
)

// tokenSource supplies the token for token-authenticated families.
type tokenSource interface {
	// token returns a usable token.
	token(ctx context.Context) (string, error)
	// invalidate drops tok if it is the cached one and reports whether a
	// fresh token can be obtained.
	invalidate(tok string) bool
}

// newTokenSource returns the client's token source, or nil when the client
// has neither a static token nor app credentials.
func newTokenSource(c *Client) tokenSource {
	switch {
	case c.cfg.token != "":
		return staticToken(c.cfg.token)
	case c.cfg.signing():
		return &mintingSource{client: c}
	}
	return nil
}

// staticToken is a token given by the user; it is never renewed.
type staticToken string

func (t staticToken) token(context.Context) (string, error) { return string(t), nil }
func (staticToken) invalidate(string) bool                  { return false }

// mintingSource mints tokens with the app credentials, caches them until a
// margin before expiry, and lets only one mint be in flight: concurrent
// callers wait for it (each until its own ctx is done). A mint goes on while
// any caller waits for it and stops when the last one leaves or the client
// is closed.
type mintingSource struct {
	client *Client

	mu        sync.Mutex
	current   string
	refreshAt time.Time
	flight    *mintFlight
	closed    bool
	// rejected is the last token the server rejected, for the shared
	// store to drop (and never to hand back).
	rejected string
}

// mintFlight is one mint in progress; done is closed when it ends.
type mintFlight struct {
	done    chan struct{}
	cancel  context.CancelFunc
	waiters int // callers waiting; guarded by mintingSource.mu
	token   string
	err     error
}

func (m *mintingSource) token(ctx context.Context) (string, error) {
	m.mu.Lock()
	if m.current != "" && m.client.cfg.now().Before(m.refreshAt) {
		tok := m.current
		m.mu.Unlock()
		return tok, nil
	}
	if m.closed {
		m.mu.Unlock()
		return "", &TransportError{Operation: opTokenCreate.String(), Err: ErrClientClosed}
	}
	f := m.flight
	if f == nil {
		// The mint keeps the first caller's values (tracing) but not its
		// cancellation: it serves every caller that joins it.
		mctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		f = &mintFlight{done: make(chan struct{}), cancel: cancel}
		m.flight = f
		go m.mint(mctx, f)
	}
	f.waiters++
	m.mu.Unlock()
	defer m.leave(f)
	select {
	case <-f.done:
		return f.token, f.err
	case <-ctx.Done():
		op, _ := m.client.mintOperation()
		return "", &TransportError{Operation: op.String(), Err: ctx.Err()}
	}
}

// leave ends a caller's wait; the last caller to leave stops the mint and
// detaches it, so that the next caller starts a fresh one.
func (m *mintingSource) leave(f *mintFlight) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f.waiters--
	if f.waiters > 0 {
		return
	}
	f.cancel()
	if m.flight == f {
		m.flight = nil
	}
}

func (m *mintingSource) mint(ctx context.Context, f *mintFlight) {
	defer f.cancel()
	m.mu.Lock()
	rejected := m.rejected
	m.mu.Unlock()
	tok, refreshAt, err := m.client.obtainToken(ctx, rejected)
	m.mu.Lock()
	if err == nil {
		m.current, m.refreshAt = tok, refreshAt
		if m.rejected == rejected {
			m.rejected = ""
		}
	}
	if m.flight == f {
		m.flight = nil
	}
	f.token, f.err = tok, err
	m.mu.Unlock()
	close(f.done)
}

// close stops the mint in flight, if any, and refuses later mints.
func (m *mintingSource) close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	if m.flight != nil {
		m.flight.cancel()
	}
}

func (m *mintingSource) invalidate(tok string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.current == tok {
		m.current = ""
		m.rejected = tok
	}
	return true
}

// mintRequest is the body of a token mint.
type mintRequest struct {
	UserID int64 `json:"userId"`
}

// mintedToken is the mint response's data: data.token per cn/api/69's table
// (or data itself, should data be a bare string). The v2 answer also carries
// userId, userName, createTime, productId and customerCode, which the client
// does not need.
type mintedToken struct {
	Token  string `json:"token"`
	Expire int64  `json:"expire"`
}

// mintToken mints a token through the call pipeline and returns it with its
// lifetime.
func (c *Client) mintToken(ctx context.Context) (string, time.Duration, error) {
	op, req := c.mintOperation()
	var data jsontext.Value
	if err := c.call(ctx, op, req, &data); err != nil {
		return "", 0, err
	}
	var minted mintedToken
	if data.Kind() == '"' {
		_ = decodeJSON(data, &minted.Token)
	} else if err := decodeJSON(data, &minted); err != nil {
		return "", 0, c.redactError(malformedError(op.String(), http.StatusOK, data, "token mint response data has an unexpected shape", err))
	}
	switch {
	case minted.Token == "":
		return "", 0, c.redactError(malformedError(op.String(), http.StatusOK, data, "token mint response has no data.token", nil))
	case !headerSafe(minted.Token):
		// The value itself is not quoted: it is a credential, however broken.
		return "", 0, malformedError(op.String(), http.StatusOK, nil, "minted token holds control characters (CR, LF, NUL ...) and cannot be sent", nil)
	}
	c.redact.addToken(minted.Token)
	lifetime := time.Duration(minted.Expire) * time.Second
	if lifetime <= 0 {
		lifetime = defaultTokenLifetime
	}
	return minted.Token, lifetime, nil
}

// mintOperation is the mint of the configured flow and its body: the AppKey
// flow sends the admin's userId, the AppId flow an empty body.
func (c *Client) mintOperation() (Operation, any) {
	if c.cfg.appID != "" {
		return opTokenCreateV2, nil
	}
	return opTokenCreate, mintRequest{UserID: c.cfg.adminUserID}
}

// signing reports whether the client has app credentials to sign with.
func (cfg *config) signing() bool { return cfg.appKey != "" || cfg.appID != "" }

// checkCredentials rejects option sets that name two token flows, a signing
// option without anything to sign with, or no credentials at all (a client
// that could call no endpoint).
func checkCredentials(cfg *config) error {
	flows := 0
	for _, set := range []bool{cfg.token != "", cfg.appKey != "", cfg.appID != ""} {
		if set {
			flows++
		}
	}
	switch {
	case flows > 1:
		return optionError("WithToken", "use one of WithToken, WithAppCredentials and WithAppIDCredentials, not both")
	case cfg.tokenStore != nil && !cfg.signing():
		return optionError("WithTokenStore", "needs WithAppCredentials or WithAppIDCredentials")
	case cfg.signEveryCall && !cfg.signing():
		return optionError("WithSignEveryCall", "needs WithAppCredentials or WithAppIDCredentials")
	case flows == 0 && cfg.legacyAppKey == "" && cfg.umeetingKey == "" && cfg.adminLogin == "":
		return optionError("credentials", "no credentials: give WithToken, WithAppCredentials, WithAppIDCredentials, WithLegacyAppKey, WithUMeetingCredentials or WithAdminLogin")
	}
	return nil
}

// signs reports whether a request of op carries the signed headers: always
// for a signed operation (minting, lookup by e-mail); for an operation that
// takes a token or the headers, when the client can sign; for every other
// call to a Quanshi host under WithSignEveryCall.
func (c *Client) signs(op Operation, spec familySpec) bool {
	switch {
	case op.SignedHeaders:
		return true
	case !c.cfg.signing() || spec.form:
		return false
	}
	return op.signedIfAble || c.cfg.signEveryCall
}

// signHeaders adds the AppKey (or, for an AppId account, AppId), Nonce,
// CurTime and CheckSum headers (reference §1.1, cn/api/189) and returns the
// time it signed with. Header names are case-insensitive; Go sends them
// canonicalised.
func (c *Client) signHeaders(h http.Header) time.Time {
	now := c.cfg.now()
	nonce := rand.Text()
	curTime := strconv.FormatInt(now.UnixMilli(), 10)
	name, id := "AppKey", c.cfg.appKey
	if c.cfg.appID != "" {
		name, id = "AppId", c.cfg.appID
	}
	sum := checkSum(c.cfg.appSecret, nonce, curTime)
	// The nonce and the signature are masked like a token, should the answer
	// echo them.
	c.redact.addSignature(nonce)
	c.redact.addSignature(sum)
	h.Set(name, id)
	h.Set("Nonce", nonce)
	h.Set("CurTime", curTime)
	h.Set("CheckSum", sum)
	return now
}

// signatureFailure completes the error of a signed request: a token-invalid
// business code means the signature was rejected (ErrUnauthorized), and the
// skew between the local clock (at the middle of the exchange) and the
// server's timeStamp is recorded, since CurTime signatures depend on it.
func (c *Client) signatureFailure(err error, signedAt time.Time) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return
	}
	if apiErr.kind == kindBusiness && c.cfg.tokenInvalidCodes[apiErr.Code] {
		apiErr.kind = kindUnauthorized
	}
	if apiErr.ServerTime.IsZero() {
		return
	}
	local := signedAt.Add(c.cfg.now().Sub(signedAt) / 2)
	apiErr.ClockSkew = apiErr.ServerTime.Sub(local).Truncate(time.Millisecond)
	apiErr.signed = true
}

// checkSum is lowercase hex SHA1(AppSecret + Nonce + CurTime).
func checkSum(secret, nonce, curTime string) string {
	sum := sha1.Sum([]byte(secret + nonce + curTime))
	return hex.EncodeToString(sum[:])
}
