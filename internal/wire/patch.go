package wire

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// Setting aside a value that does not decode. The answer to a write that
// took effect must not fail over one odd member (issue 15 points 2 and 6):
// the SDK decodes it, and when a member fails it takes that member's text,
// puts null in its place (null never sets a value) and decodes again.

// Odd is a member set aside by NullAt.
type Odd struct {
	// Pointer is the member's JSON pointer ("/list/0/start_time"): the
	// deepest part of the failing path that the document has.
	Pointer jsontext.Pointer
	// Text is the member as sent: a string's text, other JSON as is.
	Text string
}

// NullAt returns doc with the value at ptr replaced by null, and that value.
// When doc has no value at ptr (the path went into JSON text inside a
// string, or names a member the document lacks), the deepest value on the
// path that it has is replaced. A repeated member name replaces every copy;
// Odd describes the first. ok is false when doc does not parse or the value
// found is already null (nothing would change).
func NullAt(doc []byte, ptr jsontext.Pointer) (patched []byte, odd Odd, ok bool) {
	if !jsontext.Value(doc).IsValid(decoderOptions) {
		return nil, Odd{}, false
	}
	want := pointerTokens(ptr)
	var hits []hit
	if !findValue(jsontext.Value(doc), 0, want, "", &hits) || len(hits) == 0 {
		return nil, Odd{}, false
	}
	first := doc[hits[0].start:hits[0].end]
	if string(first) == "null" {
		return nil, Odd{}, false
	}
	odd = Odd{Pointer: jsontext.Pointer(hits[0].path), Text: valueText(first)}
	var b bytes.Buffer
	last := 0
	for _, h := range hits {
		b.Write(doc[last:h.start])
		b.WriteString("null")
		last = h.end
	}
	b.Write(doc[last:])
	return b.Bytes(), odd, true
}

// hit is the byte range of a value to replace, and its pointer.
type hit struct {
	start, end int
	path       string
}

// pointerTokens splits a JSON pointer into its unescaped tokens.
func pointerTokens(ptr jsontext.Pointer) []string {
	var out []string
	for tok := range ptr.Tokens() {
		out = append(out, tok)
	}
	return out
}

// findValue records in hits the values of v (which starts at base in the
// document) at the path want, or v itself when it has none there. It
// reports false when v does not parse.
func findValue(v jsontext.Value, base int, want []string, path string, hits *[]hit) bool {
	if len(want) == 0 || (v.Kind() != '{' && v.Kind() != '[') {
		*hits = append(*hits, hit{base, base + len(v), path})
		return true
	}
	dec := jsontext.NewDecoder(bytes.NewReader(v), decoderOptions)
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	found := false
	for i := 0; dec.PeekKind() != '}' && dec.PeekKind() != ']'; i++ {
		name := strconv.Itoa(i)
		if v.Kind() == '{' {
			tok, err := dec.ReadToken()
			if err != nil {
				return false
			}
			name = tok.String()
		}
		raw, err := dec.ReadValue()
		if err != nil {
			return false
		}
		if name != want[0] {
			continue
		}
		found = true
		start := base + int(dec.InputOffset()) - len(raw)
		if !findValue(raw, start, want[1:], path+"/"+escapeToken(name), hits) {
			return false
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	if !found {
		*hits = append(*hits, hit{base, base + len(v), path})
	}
	return true
}

func escapeToken(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// valueText is a value's text: a string's content, other JSON as is.
func valueText(raw []byte) string {
	if len(raw) > 0 && raw[0] == '"' {
		if s, err := jsontext.AppendUnquote(nil, raw); err == nil {
			return string(s)
		}
	}
	return string(raw)
}
