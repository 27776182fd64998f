package quanshi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// call is the one call pipeline every service method goes through:
// encode the request, place the credentials, send with ctx, read the body
// under a size limit, read the envelope, and decode the payload into out.
// A token the server rejects is dropped, re-minted and the call sent once more
// (only for minted tokens; a static token cannot be renewed).
func (c *Client) call(ctx context.Context, op Operation, req, out any, opts ...CallOption) error {
	if err := c.usable(op); err != nil {
		return err
	}
	if ctx == nil {
		return &ValidationError{Operation: op.String(), Reason: "nil context"}
	}
	spec := families[op.Family]
	body, err := c.encodeBody(op, spec, req)
	if err != nil {
		return err
	}
	cs := settingsFrom(opts)
	ctx, cancel := cs.withTimeout(ctx)
	defer cancel()
	if info := cs.capture(); info != nil {
		start := time.Now()
		*info = ResponseInfo{}
		defer func() { info.Duration = time.Since(start) }()
	}
	return c.send(ctx, op, spec, body, out, cs)
}

// usable refuses calls on a nil or zero Client (ErrClientUnusable) and on a
// closed one (ErrClientClosed).
func (c *Client) usable(op Operation) error {
	switch {
	case c == nil || c.cfg == nil:
		return fmt.Errorf("quanshi: %s: %w", op, ErrClientUnusable)
	case c.closed.Load():
		return fmt.Errorf("quanshi: %s: %w", op, ErrClientClosed)
	}
	return nil
}

// redactError masks credentials in the server-supplied text of an APIError
// (its message, body excerpt, request id and duration), the only error text the SDK does not write
// itself, and cuts the body to a short excerpt. It runs where an APIError is
// made, before the error is logged or shared (a failed mint's error reaches
// every caller waiting for that mint), so a shared error is only ever read.
func (c *Client) redactError(err error) error {
	var apiErr *APIError
	if errors.As(err, &apiErr) && !apiErr.redacted {
		apiErr.Message = c.redact.text(apiErr.Message)
		apiErr.Body = excerpt(c.redact.body(apiErr.Body))
		apiErr.RequestID = c.redact.text(apiErr.RequestID)
		apiErr.ServerDuration = c.redact.text(apiErr.ServerDuration)
		apiErr.redacted = true
	}
	return err
}

// send runs the attempts of one call: a token the server rejects is dropped,
// re-minted and the attempt repeated once (only for minted tokens; a static
// token cannot be renewed); failures the retry policy deems safe and
// transient are retried with backoff until ctx is done. Resty's own retries
// stay off: they resend every method, including writes, on any transport
// error (reference §2.3).
func (c *Client) send(ctx context.Context, op Operation, spec familySpec, body []byte, out any, cs *callSettings) error {
	token, err := c.tokenFor(ctx, op, spec)
	if err != nil {
		return err
	}
	policy := cs.retryPolicy(c)
	info := cs.capture()
	reminted := false
	for n := 0; ; n++ {
		a := c.attempt(ctx, op, spec, body, token, out, info)
		if !reminted && token != "" && errors.Is(a.err, ErrTokenInvalid) && c.tokens.invalidate(token) {
			reminted = true
			c.logEvent(ctx, slog.LevelInfo, "quanshi token rejected, re-minting", op, a.err)
			if token, err = c.tokenFor(ctx, op, spec); err != nil {
				return err
			}
			a = c.attempt(ctx, op, spec, body, token, out, info)
		}
		if a.err == nil {
			return nil
		}
		policy.classify(a)
		if n >= policy.MaxRetries || ctx.Err() != nil || !policy.retryable(op, a) {
			markOutcomeUnknown(op, a)
			return a.err
		}
		wait := policy.backoff(n, a.retryAfter)
		c.logEvent(ctx, slog.LevelWarn, "quanshi retry", op, a.err, slog.Int("retry", n+1), slog.Duration("wait", wait))
		if err := sleep(ctx, wait); err != nil {
			return &TransportError{Operation: op.String(), Err: fmt.Errorf("%w while waiting to retry after: %w", err, a.err)}
		}
	}
}

// tokenFor returns the token a request of this operation carries ("" when it
// carries none), or an error when the family needs credentials that the
// client was not given.
func (c *Client) tokenFor(ctx context.Context, op Operation, spec familySpec) (string, error) {
	cfg := c.cfg
	missing := func(what string) error {
		return &ValidationError{Operation: op.String(), Field: "credentials", Reason: "this endpoint needs " + what}
	}
	switch {
	case op.ownCredential:
		return "", nil
	case op.adminLogin:
		if cfg.adminLogin == "" {
			return "", missing("WithAdminLogin")
		}
		return "", nil
	case op.SignedHeaders || op.signedIfAble && cfg.signing():
		if !cfg.signing() {
			return "", missing("WithAppCredentials or WithAppIDCredentials (signed headers)")
		}
		return "", nil
	case spec.form:
		if cfg.umeetingKey == "" {
			return "", missing("WithUMeetingCredentials")
		}
		return "", nil
	case c.tokens == nil:
		switch {
		case !spec.legacyBody:
			return "", missing("WithToken, WithAppIDCredentials or WithAppCredentials")
		case op.Method == http.MethodGet:
			return "", missing("WithToken, WithAppIDCredentials or WithAppCredentials (a GET request has no body to carry the legacy appKey)")
		case cfg.legacyAppKey == "":
			return "", missing("WithToken, WithAppIDCredentials, WithAppCredentials or WithLegacyAppKey")
		}
		return "", nil
	}
	return c.tokens.token(ctx)
}

// encodeBody encodes req into the parts of the body that do not change
// between attempts: the JSON object with appId/appKey for the classic family,
// or the whole form with api_key/api_secret for umeeting. GET requests have no
// body.
func (c *Client) encodeBody(op Operation, spec familySpec, req any) ([]byte, error) {
	if op.Method == http.MethodGet {
		if req != nil {
			return nil, &ValidationError{Operation: op.String(), Reason: "a GET endpoint takes no body"}
		}
		return nil, nil
	}
	buf := encodeBuffers.Get().(*bytes.Buffer)
	defer recycleEncodeBuffer(buf)
	if req == nil {
		buf.WriteString("{}")
	} else if err := wire.MarshalWrite(buf, req); err != nil {
		return nil, encodeError(op, err)
	}
	body := buf.Bytes() // valid until the buffer is recycled: what is returned is built from it
	if len(body) > maxRequestBytes {
		return nil, &ValidationError{Operation: op.String(), Reason: fmt.Sprintf("the encoded request is %d bytes, over the %d-byte limit", len(body), maxRequestBytes)}
	}
	if err := checkNumbers(op, body); err != nil {
		return nil, err
	}
	if spec.form {
		return encodeForm(op, body, c.umeetingCreds)
	}
	if op.adminLogin {
		return mergeObjects(op, c.adminMembers, body)
	}
	if spec.legacyBody && !op.SignedHeaders && !op.ownCredential {
		return mergeObjects(op, c.legacyFront(op), body)
	}
	return bytes.Clone(body), nil
}

// encodeBuffers hold a request's JSON while its body is built from it: the
// body then costs one allocation, not one for the JSON and one for the body.
var encodeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// recycleEncodeBuffer empties buf and returns it to the pool, unless it grew
// past a usual request (one far larger is not kept alive for the next).
func recycleEncodeBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 64<<10 {
		return
	}
	buf.Reset()
	encodeBuffers.Put(buf)
}

// legacyFront is the credential members of a classic body: appId and the
// legacy appKey where the operation's page lists appKey or no token
// authenticates the call, appId alone otherwise. Both are encoded once.
func (c *Client) legacyFront(op Operation) []byte {
	if op.AppKeyInBody || c.tokens == nil {
		return c.legacyMembers
	}
	return appIDMembers
}

// appIDMembers is the legacy credentials without the appKey: what a classic
// body carries when a token authenticates it and its page does not list
// appKey (Operation.AppKeyInBody).
var appIDMembers = []byte(`{"appId":` + strconv.Itoa(legacyAppID) + `}`)

// withToken puts the token member of a /confopenapi or /eventopenapi body
// in front of the members of body, in one allocation.
func withToken(op Operation, token string, body []byte) ([]byte, error) {
	if len(body) < 2 || body[0] != '{' {
		return nil, &ValidationError{Operation: op.String(), Reason: "the request must encode as a JSON object"}
	}
	out := make([]byte, 0, len(`{"token":,`)+len(token)+len(token)/4+8+len(body))
	out = append(out, `{"token":`...)
	out, err := jsontext.AppendQuote(out, token)
	if err != nil {
		return nil, &ValidationError{Operation: op.String(), Field: "token", Reason: "is not valid UTF-8"}
	}
	if rest := bytes.TrimSpace(body[1:]); len(rest) > 0 && rest[0] != '}' {
		out = append(out, ',')
	}
	return append(out, body[1:]...), nil
}

// maxRequestBytes bounds an encoded request. The largest documented request
// (a meeting with a few hundred invitees) is a few tens of kilobytes; a body
// over this limit is a caller's bug, not something to send.
const maxRequestBytes = 1 << 20

// encodeError turns a marshal failure into a ValidationError naming the field.
func encodeError(op Operation, err error) error {
	field := ""
	var semantic *json.SemanticError
	var syntactic *jsontext.SyntacticError
	switch {
	case errors.As(err, &semantic):
		field = fieldPath(semantic.JSONPointer)
	case errors.As(err, &syntactic):
		field = fieldPath(syntactic.JSONPointer)
	}
	return &ValidationError{Operation: op.String(), Field: field, Reason: "cannot encode: " + err.Error()}
}

// fieldPath turns a JSON pointer ("/inviteeList/2/email") into the field
// notation of ValidationError ("inviteeList[2].email").
func fieldPath(p jsontext.Pointer) string {
	var b strings.Builder
	for token := range p.Tokens() {
		if isIndex(token) && b.Len() > 0 {
			b.WriteString("[" + token + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(token)
	}
	return b.String()
}

// mergeObjects puts the members of the JSON object front (credentials) before
// those of the JSON object body.
func mergeObjects(op Operation, front, body []byte) ([]byte, error) {
	if len(body) < 2 || body[0] != '{' {
		return nil, &ValidationError{Operation: op.String(), Reason: "the request must encode as a JSON object"}
	}
	out := make([]byte, 0, len(front)+len(body))
	out = append(out, front[:len(front)-1]...)
	if rest := bytes.TrimSpace(body[1:]); len(rest) > 0 && rest[0] != '}' {
		out = append(out, ',')
	}
	return append(out, body[1:]...), nil
}

// attempt sends one request and reads its response.
func (c *Client) attempt(ctx context.Context, op Operation, spec familySpec, body []byte, token string, out any, info *ResponseInfo) attemptResult {
	if err := c.waitTurn(ctx, op); err != nil {
		return attemptResult{err: &TransportError{Operation: op.String(), Err: err}, neverSent: true}
	}
	if info != nil {
		*info = ResponseInfo{Attempts: info.Attempts + 1}
	}
	parent := ctx
	// A caller's deadline that comes first already bounds the attempt: no
	// timer and no context of its own then.
	if d := c.cfg.timeout; d > 0 && !deadlineWithin(ctx, d) {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	start := time.Now()
	// Only a write needs to know whether it got a connection (reads are
	// retried either way); a write with a body tells by its body (see
	// connTrace), only one without pays for a trace.
	var trace connTrace
	var traced *connTrace // the trace's hook writes here; only a write with no body has one
	if !op.Idempotent && body == nil {
		traced = new(connTrace)
		ctx = traced.context(ctx)
		if op.Method == http.MethodGet {
			ctx = context.WithValue(ctx, noReplayKey{}, true)
		}
	}
	req := c.http.R().SetContext(ctx).SetDoNotParseResponse(true)
	if body != nil {
		if token != "" && spec.tokenBody {
			var err error
			if body, err = withToken(op, token, body); err != nil {
				return attemptResult{err: err}
			}
		}
		rd := bytes.NewReader(body)
		req.SetBody(rd) // a reader: resty passes it on as is, a []byte it copies twice
		if !op.Idempotent {
			trace.body, trace.size = rd, len(body)
		}
		req.Header["Content-Type"] = contentType(spec)
	}
	if token != "" && spec.tokenHeader {
		if !headerSafe(token) { // never sent: a definite failure
			return attemptResult{err: &ValidationError{Operation: op.String(), Field: "token", Reason: "has control characters (CR, LF, NUL) and cannot go in a header"}}
		}
		req.Header["Token"] = []string{token} // canonical already: no Set, no rewriting of the name
	}
	var signedAt time.Time
	if c.signs(op, spec) {
		signedAt = c.signHeaders(req.Header)
	}
	resp, err := req.Execute(op.Method, op.baseURL(c.cfg, spec)+op.requestPath())
	if err != nil {
		if traced != nil {
			trace.gotConn = traced.gotConn
		}
		sent := !neverSent(err, &trace)
		err = &TransportError{Operation: op.String(), Err: c.attemptTimeout(parent, ctx, c.redactCause(stripURL(op, err)))}
		c.logCall(ctx, op, 0, start, err)
		return attemptResult{err: err, neverSent: !sent}
	}
	err = c.readResponse(ctx, op, resp.RawResponse, token != "", out, info)
	if te, ok := wire.Find[*TransportError](err); ok {
		te.Err = c.attemptTimeout(parent, ctx, te.Err)
	}
	if err != nil && !signedAt.IsZero() {
		c.signatureFailure(err, signedAt)
	}
	c.logCall(ctx, op, resp.StatusCode(), start, err)
	a := attemptResult{err: err}
	if err != nil {
		a.retryAfter = parseRetryAfter(resp.Header(), c.cfg.now())
	}
	return a
}

// deadlineWithin reports whether ctx ends within d from now.
func deadlineWithin(ctx context.Context, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && time.Until(dl) <= d
}

// attemptTimeout says so when err ended an attempt because the per-attempt
// timeout (WithTimeout) ran out rather than the caller's context; the cause
// is kept for errors.Is(err, context.DeadlineExceeded).
func (c *Client) attemptTimeout(parent, attempt context.Context, err error) error {
	if attempt.Err() == nil || parent.Err() != nil {
		return err
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		err = errors.Join(context.DeadlineExceeded, err)
	}
	return fmt.Errorf("attempt timed out after %s (WithTimeout): %w", c.cfg.timeout, err)
}

// stripURL replaces the request URL in net/http's *url.Error by the
// operation's path template: the URL carries caller data (Conference.Cancel
// puts an e-mail address and a callback URL in its path), which must not
// reach an error or a log. The *url.Error stays, for errors.As and its
// Timeout method; any wrapper around it (resty's) is dropped.
func stripURL(op Operation, err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	return &url.Error{Op: ue.Op, URL: op.Path, Err: ue.Err}
}

// redactCause masks secrets and personal data in a transport error's text:
// net/http quotes what the server sent (an unparsable Location header, for
// one). The *url.Error stays, its cause replaced by a redactedError when the
// text needed masking.
func (c *Client) redactCause(err error) error {
	ue, ok := err.(*url.Error)
	if !ok {
		return c.redactedError(err)
	}
	return &url.Error{Op: ue.Op, URL: ue.URL, Err: c.redactedError(ue.Err)}
}

// redactedError returns err, or a redactedError when its text holds
// anything to mask.
func (c *Client) redactedError(err error) error {
	if err == nil {
		return nil
	}
	text := err.Error()
	if masked := c.redact.text(text); masked != text {
		return &redactedError{text: masked, err: err}
	}
	return err
}

// The Content-Type header values, shared by every request (resty copies a
// request's headers before sending it, so nothing downstream writes into
// them): setting one allocates nothing.
var (
	formContentType = []string{"application/x-www-form-urlencoded"}
	jsonContentType = []string{"application/json; charset=utf-8"}
)

// contentType is the Content-Type header value of a family's requests.
func contentType(spec familySpec) []string {
	if spec.form {
		return formContentType
	}
	return jsonContentType
}

// readResponse reads the body under the size limit and interprets it,
// decoding a success payload into out.
func (c *Client) readResponse(ctx context.Context, op Operation, resp *http.Response, sentToken bool, out any, info *ResponseInfo) error {
	defer resp.Body.Close()
	if info != nil {
		info.HTTPStatus = resp.StatusCode
		defer c.redactInfo(info)
	}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		return c.redactError(redirectError(op, resp))
	}
	limit := c.cfg.maxResponseBytes
	rb := bodyReaders.Get().(*bodyReader)
	defer rb.recycle()
	body, err := rb.read(resp, limit)
	if err != nil {
		return &TransportError{Operation: op.String(), Err: err}
	}
	if int64(len(body)) > limit {
		return &APIError{
			Operation: op.String(), HTTPStatus: resp.StatusCode, kind: kindTooLarge,
			Message: "response body exceeds " + strconv.FormatInt(limit, 10) + " bytes",
		}
	}
	odd, err := readEnvelope(families[op.Family].rule, op, resp.StatusCode, body, out, info)
	if err != nil {
		c.classifyAuthFailure(err, sentToken)
		return c.redactError(err)
	}
	if odd != nil {
		c.answerUnparsed(ctx, op, odd, out, info)
	}
	return nil
}

// redirectError reports an answer 3xx, which the SDK never follows. It names
// the status and the target's host, never its path or query (they may carry
// anything). The body is drained a little so that the connection can be
// reused.
func redirectError(op Operation, resp *http.Response) *APIError {
	_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
	target := "no Location"
	if loc, err := resp.Location(); err == nil && loc.Host != "" {
		target = "host " + loc.Host
	}
	msg := "redirected to " + target + "; the SDK does not follow redirects"
	if resp.StatusCode == http.StatusSeeOther && !op.Idempotent {
		msg += " (303: the server acted on the request, its answer is elsewhere)"
	}
	return &APIError{Operation: op.String(), HTTPStatus: resp.StatusCode, Message: msg, kind: kindRedirect}
}

// redactInfo masks credentials in the server-supplied text of captured
// metadata, as redactError does for an error.
func (c *Client) redactInfo(info *ResponseInfo) {
	info.Message = c.redact.text(info.Message)
	info.RequestID = c.redact.text(info.RequestID)
}

// maxPresize bounds the buffer reserved from a Content-Length header: the
// header is the server's claim, not what arrives, so the buffer grows from
// the bytes actually read beyond this.
const maxPresize = 32 << 10

// maxPooledBody is the largest buffer kept for the next response: a rare
// huge answer does not pin its buffer.
const maxPooledBody = 4 << 20

// bodyReader is a response buffer kept across calls: a body is read into
// it, decoded, and dropped, since nothing decoded keeps a view into it
// (strings and raw values are copied out; errors keep copies). A 700 KB
// list then costs no buffer growth from 32 KB up, per call.
type bodyReader struct {
	buf   bytes.Buffer
	limit io.LimitedReader
}

var bodyReaders = sync.Pool{New: func() any { return new(bodyReader) }}

// recycle empties the reader and returns it to the pool.
func (rb *bodyReader) recycle() {
	rb.limit = io.LimitedReader{}
	if rb.buf.Cap() > maxPooledBody {
		return
	}
	rb.buf.Reset()
	bodyReaders.Put(rb)
}

// read reads up to limit+1 bytes of the body (limit is at most
// maxResponseLimit, so limit+1 cannot overflow); the bytes are valid until
// recycle. The buffer is pre-sized from Content-Length up to maxPresize
// only.
func (rb *bodyReader) read(resp *http.Response, limit int64) ([]byte, error) {
	if n := resp.ContentLength; n > 0 {
		rb.buf.Grow(int(min(n, limit, maxPresize)) + bytes.MinRead)
	}
	rb.limit = io.LimitedReader{R: resp.Body, N: limit + 1}
	_, err := rb.buf.ReadFrom(&rb.limit)
	return rb.buf.Bytes(), err
}

// classifyAuthFailure marks an APIError as "credentials rejected": HTTP 401
// or 403, or (for a request that carried a token) a token-invalid business
// code, mean the token was rejected.
func (c *Client) classifyAuthFailure(err error, sentToken bool) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return
	}
	authStatus := apiErr.HTTPStatus == http.StatusUnauthorized || apiErr.HTTPStatus == http.StatusForbidden
	tokenCode := apiErr.kind == kindBusiness && c.cfg.tokenInvalidCodes[apiErr.Code]
	switch {
	case sentToken && (authStatus || tokenCode):
		apiErr.kind = kindTokenInvalid
	case authStatus:
		apiErr.kind = kindUnauthorized
	}
}

// logCall writes one debug line per attempt, through the call's context so
// that a handler can add its trace id; the error text is redacted.
func (c *Client) logCall(ctx context.Context, op Operation, status int, start time.Time, err error) {
	log := c.cfg.logger
	if !log.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{slog.String("operation", op.String()), slog.Int("http_status", status), slog.Duration("duration", time.Since(start))}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		attrs = append(attrs, slog.Int("code", apiErr.Code), slog.String("request_id", c.redact.text(apiErr.RequestID)))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", c.redact.text(err.Error())))
	}
	log.LogAttrs(ctx, slog.LevelDebug, "quanshi call", attrs...)
}

// logEvent logs a retry, a re-mint or a rate-limit wait at level, through
// the call's context. It names the operation's path template (never the
// filled path, which may hold caller data) and the redacted error.
func (c *Client) logEvent(ctx context.Context, level slog.Level, msg string, op Operation, err error, attrs ...slog.Attr) {
	log := c.cfg.logger
	if !log.Enabled(ctx, level) {
		return
	}
	attrs = append(attrs, slog.String("operation", op.String()))
	if err != nil {
		attrs = append(attrs, slog.String("error", c.redact.text(err.Error())))
	}
	log.LogAttrs(ctx, level, msg, attrs...)
}
