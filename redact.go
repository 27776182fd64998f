package quanshi

import (
	"regexp"
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
const secretNames = `token|tempToken|appKey|appSecret|checkSum|nonce|api_key|api_secret|api_secure|pcode|pcode1|start_url|host_key|zak|password|pullPwd|livePassword`

var (
	// "name": "value", 123, [...] or {...} in JSON (flat lists and objects),
	// also inside a JSON string (\"name\":\"value\"); a value cut off at the
	// end of the text counts.
	jsonSecret = regexp.MustCompile(`(?i)(\\?"(?:` + secretNames + `)\\?"\s*:\s*)(?:\\?"(?:[^"\\]|\\.)*(?:"|\\?$)|-?[0-9][0-9.eE+-]*|\[[^\]]*(?:\]|$)|\{[^}]*(?:\}|$))`)
	// name=value in forms and query strings, the "=" possibly
	// percent-encoded.
	formSecret = regexp.MustCompile(`(?i)\b((?:` + secretNames + `)(?:=|%3D))[^&\s"']+`)
	// name: value, as in an echoed header ("CheckSum: 2201…").
	headerSecret = regexp.MustCompile(`(?im)\b((?:` + secretNames + `):[ \t]*)[^\s"',;]+`)
)

// redactText masks credential values found by name in JSON or form text.
func redactText(s string) string {
	s = jsonSecret.ReplaceAllString(s, `${1}"`+redacted+`"`)
	s = formSecret.ReplaceAllString(s, `${1}`+redacted)
	return headerSecret.ReplaceAllString(s, `${1}`+redacted)
}

// maxRecentTokens is how many minted tokens a redactor remembers: the current
// one and those an answer still in flight may echo. Older ones are forgotten,
// so that memory stays flat however many tokens a process mints.
const maxRecentTokens = 8

// redactor masks the well-known credential fields plus the exact values of
// the credentials one client holds (configured secrets and its recent minted
// tokens), so that a secret echoed back under any name is masked too, as is
// or escaped (JSON \/ and \u00xx escapes, percent-encoding).
type redactor struct {
	mu      sync.RWMutex
	secrets []secretValue // configured credentials, for the client's life
	tokens  []secretValue // minted tokens, the latest maxRecentTokens
	next    int           // where the next minted token goes in tokens
}

// secretValue is a secret and the pattern of its escaped forms, compiled on
// first use (only text with an escape character needs it).
type secretValue struct {
	plain   string
	escaped func() *regexp.Regexp
}

func newSecretValue(v string) secretValue {
	return secretValue{plain: v, escaped: sync.OnceValue(func() *regexp.Regexp { return escapedPattern(v) })}
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

// addToken registers a minted token, forgetting the oldest one beyond
// maxRecentTokens.
func (r *redactor) addToken(tok string) {
	if len(tok) < minSecretLen {
		return
	}
	sv := newSecretValue(tok)
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.tokens) < maxRecentTokens {
		r.tokens = append(r.tokens, sv)
		return
	}
	r.tokens[r.next] = sv
	r.next = (r.next + 1) % maxRecentTokens
}

// text returns s with every known secret masked.
func (r *redactor) text(s string) string {
	if s == "" {
		return s
	}
	s = redactText(s)
	escaped := strings.ContainsAny(s, `\%+`)
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, list := range [][]secretValue{r.secrets, r.tokens} {
		for _, v := range list {
			s = strings.ReplaceAll(s, v.plain, redacted)
			if escaped {
				s = v.escaped().ReplaceAllLiteralString(s, redacted)
			}
		}
	}
	return s
}
