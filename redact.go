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
	// "name": "value", 123, [...] or {...} in JSON (flat lists and objects);
	// a value cut off at the end of the text counts.
	jsonSecret = regexp.MustCompile(`(?i)("(?:` + secretNames + `)"\s*:\s*)(?:"(?:[^"\\]|\\.)*(?:"|\\?$)|-?[0-9][0-9.eE+-]*|\[[^\]]*(?:\]|$)|\{[^}]*(?:\}|$))`)
	// name=value in forms and query strings.
	formSecret = regexp.MustCompile(`(?i)\b((?:` + secretNames + `)=)[^&\s"']+`)
	// name: value, as in an echoed header ("CheckSum: 2201…").
	headerSecret = regexp.MustCompile(`(?im)\b((?:` + secretNames + `):[ \t]*)[^\s"',;]+`)
)

// Personal data (PIPL) in server text: an e-mail address, or a mainland
// mobile number standing alone. A server may echo what a lookup asked for.
var (
	personalEmail  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	personalMobile = regexp.MustCompile(`\b1[3-9][0-9]{9}\b`)
)

// redactText masks credential values found by name in JSON or form text,
// and personal data (e-mail addresses, mobile numbers).
func redactText(s string) string {
	s = personalEmail.ReplaceAllString(s, "[email]")
	s = personalMobile.ReplaceAllString(s, "[mobile]")
	s = jsonSecret.ReplaceAllString(s, `${1}"`+redacted+`"`)
	s = formSecret.ReplaceAllString(s, `${1}`+redacted)
	return headerSecret.ReplaceAllString(s, `${1}`+redacted)
}

// redactor masks the well-known credential fields plus the exact values of
// the credentials one client holds (configured secrets and minted tokens), so
// that a secret echoed back under any name is masked too.
type redactor struct {
	mu      sync.RWMutex
	secrets []string
	// recent are secrets learnt from answers (umeeting meeting tokens and
	// start links), the newest maxRecentSecrets of them.
	recent []string
}

// maxRecentSecrets bounds the secrets a client learns from answers, so that
// a long-lived client's memory stays bounded.
const maxRecentSecrets = 256

// remember registers secrets read from an answer, forgetting the oldest
// beyond maxRecentSecrets; short values are ignored as in add.
func (r *redactor) remember(values ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range values {
		if len(v) >= 4 && !slices.Contains(r.recent, v) {
			r.recent = append(r.recent, v)
		}
	}
	if over := len(r.recent) - maxRecentSecrets; over > 0 {
		r.recent = slices.Delete(r.recent, 0, over)
	}
}

// add registers secret values; empty and very short values are ignored, as
// masking them would garble ordinary text.
func (r *redactor) add(values ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range values {
		if len(v) >= 4 {
			r.secrets = append(r.secrets, v)
		}
	}
}

// text returns s with every known secret masked.
func (r *redactor) text(s string) string {
	s = redactText(s)
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, v := range r.secrets {
		s = strings.ReplaceAll(s, v, redacted)
	}
	for _, v := range r.recent {
		s = strings.ReplaceAll(s, v, redacted)
	}
	return s
}
