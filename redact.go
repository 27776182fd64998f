package quanshi

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Every string that leaves the SDK towards a log line or an error message
// passes through a redactor first; masking happens here and nowhere else.

const redacted = "[REDACTED]"

// secretNames are the wire names whose values are credentials: the API token
// and its variants, the signing headers, umeeting's key pair, the host
// password pcode1, and umeeting's start_url (it carries a ZAK), token and
// host_key.
const secretNames = `token|passwd|account_userPassword|tempToken|appKey|appSecret|checkSum|nonce|api_key|api_secret|api_secure|pcode|pcode1|start_url|host_key|zak|password|pullPwd|livePassword`

var (
	// "name": "value", 123, [...] or {...} in JSON (flat lists and objects),
	// also inside a JSON string (\"name\":\"value\"); a value cut off at the
	// end of the text counts.
	jsonSecret = &lazyRegexp{clue: `"`, expr: `(?i)(\\?"(?:` + secretNames + `)\\?"\s*:\s*)(?:\\?"(?:[^"\\]|\\.)*(?:"|\\?$)|-?[0-9][0-9.eE+-]*|\[[^\]]*(?:\]|$)|\{[^}]*(?:\}|$))`}
	// name=value in forms and query strings, the "=" possibly
	// percent-encoded.
	formSecret = &lazyRegexp{clue: `=%`, expr: `(?i)\b((?:` + secretNames + `)(?:=|%3D))[^&\s"']+`}
	// name: value, as in an echoed header ("CheckSum: 2201…").
	headerSecret = &lazyRegexp{clue: `:`, expr: `(?im)\b((?:` + secretNames + `):[ \t]*)[^\s"',;]+`}
)

// personalNames are the wire names whose values are personal data: names,
// e-mail addresses, mobile and phone numbers.
const personalNames = `name|userName|user_name|realName|displayName|nickName|hostName|host_name|contactName|attendeeName|inviteeName|email|userEmail|hostEmail|mail|mobile|phone|telephone|tel`

// personalMask replaces personal data in errors and logs.
const personalMask = "[personal data]"

var (
	// "name": "value" (any JSON scalar) and name=value, for personal names.
	jsonPersonal = &lazyRegexp{clue: `"`, expr: `(?i)(\\?"(?:` + personalNames + `)\\?"\s*:\s*)(?:\\?"(?:[^"\\]|\\.)*(?:"|\\?$)|[-+0-9.eE]+)`}
	formPersonal = &lazyRegexp{clue: `=%`, expr: `(?i)\b((?:` + personalNames + `)(?:=|%3D))[^&\s"']+`}
	// an e-mail address, its "@" possibly escaped.
	emailAddress = &lazyRegexp{clue: `@%\`, expr: `(?i)[a-z0-9._%+-]+(?:@|%40|\\u0040)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`}
	// a Chinese mobile number (11 digits from 13 to 19, maybe +86 and
	// separators), not part of a longer number.
	mobileNumber = &lazyRegexp{clue: `1`, expr: `(^|[^0-9])((?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2})($|[^0-9])`}
)

// redactPersonal masks personal data: values under personal names, e-mail
// addresses and mobile numbers anywhere. Names in free text cannot be told
// apart from other words; the SDK never writes them into its own text.
func redactPersonal(s string) string {
	s = jsonPersonal.replace(s, `${1}"`+personalMask+`"`)
	s = formPersonal.replace(s, `${1}`+personalMask)
	s = emailAddress.replace(s, "[email]")
	return mobileNumber.replace(s, "${1}[mobile]${3}")
}

// envelopeText are the envelope members an excerpt keeps (their text is
// shown anyway, as the error's message and request id); every other JSON
// string value in an excerpt is masked by default.
var envelopeText = map[string]bool{
	"msg": true, "message": true, "errMessage": true, "request_id": true, "reqid": true, "requestId": true,
	"request_duration": true, "status": true, "code": true, "timestamp": true, "timeStamp": true,
}

// maskedValue replaces a JSON string value in a body excerpt.
const maskedValue = `"[masked]"`

// maskJSONStrings replaces the string values of a JSON text (possibly cut
// short) by maskedValue, but for the envelope's own text members: the
// excerpt keeps the answer's shape and numbers, not the names, addresses and
// other personal text its values may hold.
func maskJSONStrings(s string) string {
	var b strings.Builder
	key := ""
	for i := 0; i < len(s); {
		if s[i] != '"' {
			b.WriteByte(s[i])
			i++
			continue
		}
		end := stringEnd(s, i)
		lit := s[i:end]
		rest := strings.TrimLeft(s[end:], " \t\r\n")
		switch {
		case strings.HasPrefix(rest, ":"):
			key = strings.Trim(lit, `"`)
			b.WriteString(lit)
		case envelopeText[key]:
			b.WriteString(lit)
			key = ""
		default:
			b.WriteString(maskedValue)
		}
		i = end
	}
	return b.String()
}

// stringEnd returns the index just past the JSON string starting at s[i],
// or len(s) when it is cut off.
func stringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

// redactText masks credential values found by name in JSON or form text.
func redactText(s string) string {
	s = jsonSecret.replace(s, `${1}"`+redacted+`"`)
	s = formSecret.replace(s, `${1}`+redacted)
	return headerSecret.replace(s, `${1}`+redacted)
}

// maxRecentTokens is how many minted tokens (and, apart, how many request
// signatures: nonce and CheckSum) a redactor remembers: the current ones and
// those an answer still in flight may echo. Older ones are forgotten, so
// that memory stays flat however many tokens a process mints; signatures,
// made on every signed request, never push a token out.
const maxRecentTokens = 16

// maxLearntSecrets is how many secrets learnt from answers (umeeting
// meeting tokens and start links, temporary join tokens, a checked token, a
// created account's password) a redactor remembers: more than tokens, as a
// list can hand out many at once, and still bounded.
const maxLearntSecrets = 256

// recent is a ring of the latest secret values.
type recent struct {
	values []secretValue
	next   int // where the next value goes once the ring is full
}

// has reports whether the ring holds v.
func (q *recent) has(v string) bool {
	return slices.ContainsFunc(q.values, func(sv secretValue) bool { return sv.plain == v })
}

// push adds sv, replacing the oldest value once the ring holds limit
// values; the caller has checked that it is not there yet.
func (q *recent) push(sv secretValue, limit int) {
	if len(q.values) < limit {
		q.values = append(q.values, sv)
		return
	}
	q.values[q.next] = sv
	q.next = (q.next + 1) % limit
}

// redactor masks the well-known credential fields plus the exact values of
// the credentials one client holds (configured secrets and its recent minted
// tokens), so that a secret echoed back under any name is masked too, as is
// or escaped (JSON \/ and \u00xx escapes, percent-encoding).
type redactor struct {
	// keepPersonal leaves personal data unmasked (WithPersonalDataInErrors).
	keepPersonal bool

	mu         sync.RWMutex
	secrets    []secretValue // configured credentials, for the client's life
	tokens     recent        // minted tokens
	signatures recent        // the nonces and CheckSums of signed requests
	learnt     recent        // secrets answers and calls brought in
}

// secretValue is a secret and the pattern of its escaped forms, compiled on
// first use (only text with an escape character needs it).
type secretValue struct {
	plain string
	lazy  *escapedPatternOnce
}

// escapedPatternOnce is a secret's pattern, compiled once when first needed.
type escapedPatternOnce struct {
	once sync.Once
	re   *regexp.Regexp
}

// newSecretValue costs one allocation: a secret learnt on every call (a
// booking's token) must not cost a closure and a sync.OnceValue each.
func newSecretValue(v string) secretValue {
	return secretValue{plain: v, lazy: new(escapedPatternOnce)}
}

// escaped returns the pattern of the secret's escaped forms.
func (sv secretValue) escaped() *regexp.Regexp {
	sv.lazy.once.Do(func() { sv.lazy.re = escapedPattern(sv.plain) })
	return sv.lazy.re
}

// escapedPattern builds the pattern that matches v with any of its bytes
// written as itself, as a JSON \u00xx escape, as %XX, "\/" for "/" and "+"
// for a space.
func escapedPattern(v string) *regexp.Regexp {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		hi, lo := hex[c>>4], hex[c&15]
		b.WriteString(`(?:`)
		b.WriteString(regexp.QuoteMeta(v[i : i+1]))
		if c < 0x80 {
			b.WriteString(`|\\[uU]00` + hexClass(hi) + hexClass(lo) + `|%` + hexClass(hi) + hexClass(lo))
		}
		switch c {
		case '/':
			b.WriteString(`|\\/`)
		case ' ':
			b.WriteString(`|\+`)
		}
		b.WriteString(`)`)
	}
	return regexp.MustCompile(b.String())
}

// hexClass matches a hex digit in either case.
func hexClass(d byte) string {
	if d >= 'a' {
		return "[" + string(d) + string(d-'a'+'A') + "]"
	}
	return string(d)
}

// minSecretLen: shorter values are not masked by value, as masking them
// would garble ordinary text.
const minSecretLen = 4

// add registers configured secret values; empty and very short values are
// ignored.
func (r *redactor) add(values ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range values {
		if len(v) >= minSecretLen {
			r.secrets = append(r.secrets, newSecretValue(v))
		}
	}
}

// addToken registers a minted token, forgetting the oldest beyond
// maxRecentTokens.
func (r *redactor) addToken(tok string) { r.addRecent(&r.tokens, maxRecentTokens, tok) }

// addSignature registers a signed request's nonce or CheckSum.
func (r *redactor) addSignature(v string) { r.addRecent(&r.signatures, maxRecentTokens, v) }

// addRecent pushes v into q under the lock; short values are ignored.
func (r *redactor) addRecent(q *recent, limit int, v string) {
	if len(v) < minSecretLen {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !q.has(v) { // a value seen before costs no allocation
		q.push(newSecretValue(v), limit)
	}
}

// body returns a body excerpt with every known secret masked and, unless
// personal data is kept, the string values of a JSON body masked too.
func (r *redactor) body(s string) string {
	s = r.text(s)
	if t := strings.TrimSpace(s); !r.keepPersonal && (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) {
		s = maskJSONStrings(s)
	}
	return s
}

// remember registers secrets an answer or a call brought in (a meeting's
// host token, a temporary join token, a token to check, a created account's
// password): masked like a minted token, and forgotten with the oldest
// beyond maxLearntSecrets, so that memory stays flat.
func (r *redactor) remember(values ...string) {
	for _, v := range values {
		r.addRecent(&r.learnt, maxLearntSecrets, v)
	}
}

// remember is redactor.remember for the client's redactor; a nil client (see
// caller) has nothing to remember it in.
func (c *Client) remember(secrets ...string) {
	if c != nil && c.redact != nil {
		c.redact.remember(secrets...)
	}
}

// text returns s with every known secret masked.
func (r *redactor) text(s string) string {
	if s == "" {
		return s
	}
	s = redactText(s)
	if !r.keepPersonal {
		s = redactPersonal(s)
	}
	escaped := strings.ContainsAny(s, `\%+`)
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, list := range [][]secretValue{r.secrets, r.tokens.values, r.signatures.values, r.learnt.values} {
		for _, v := range list {
			s = strings.ReplaceAll(s, v.plain, redacted)
			if escaped {
				s = v.escaped().ReplaceAllLiteralString(s, redacted)
			}
		}
	}
	return s
}

// lazyRegexp compiles expr on first use, not at package init: a program that
// imports the SDK and never redacts anything does not pay for it. Its
// literal needs no allocation at init.
type lazyRegexp struct {
	expr string
	// clue is the bytes of which every match holds at least one: a text
	// with none of them is returned as is, without running the expression
	// (most texts redacted, such as a set-aside "7", hold no secret).
	clue string
	once sync.Once
	re   *regexp.Regexp
}

// replace is regexp.ReplaceAllString with expr, skipped when s cannot match.
func (l *lazyRegexp) replace(s, repl string) string {
	if !strings.ContainsAny(s, l.clue) {
		return s
	}
	return l.get().ReplaceAllString(s, repl)
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}
