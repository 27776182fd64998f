package quanshi

import (
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// check collects the first broken rule of a request, as a *ValidationError
// naming the wire field. Service methods run their rules through one check
// and return check.err() before anything is sent:
//
//	v := newCheck(opConferenceCreate)
//	v.required("title", req.Title)
//	v.rule(req.Length > 0, "length", "must be a positive number of minutes")
//	if err := v.err(); err != nil {
//		return nil, err
//	}
type check struct {
	op    Operation
	first *ValidationError
}

func newCheck(op Operation) *check { return &check{op: op} }

// rule records a violation of field when ok is false (only the first counts).
func (c *check) rule(ok bool, field, reason string) {
	if !ok && c.first == nil {
		c.first = &ValidationError{Operation: c.op.String(), Field: field, Reason: reason}
	}
}

// rulef is rule with a formatted reason.
func (c *check) rulef(ok bool, field, format string, args ...any) {
	if !ok {
		c.rule(false, field, fmt.Sprintf(format, args...))
	}
}

// required: the value must not be blank.
func (c *check) required(field, value string) {
	c.rule(strings.TrimSpace(value) != "", field, "is required")
}

// maxRunes: the value must be at most n characters.
func (c *check) maxRunes(field, value string, n int) {
	c.rulef(utf8.RuneCountInString(value) <= n, field, "must be at most %d characters", n)
}

// maxBytes: the value must be at most n bytes.
func (c *check) maxBytes(field, value string, n int) {
	c.rulef(len(value) <= n, field, "must be at most %d bytes", n)
}

// maxItems: a list must have at most n items.
func (c *check) maxItems(field string, count, n int) {
	c.rulef(count <= n, field, "must have at most %d items, has %d", n, count)
}

// email: a non-empty value must be a bare e-mail address.
func (c *check) email(field, value string) {
	if value == "" {
		return
	}
	addr, err := mail.ParseAddress(value)
	c.rule(err == nil && addr.Address == value, field, "is not an e-mail address")
}

// httpURL: a non-empty value must be an absolute http or https URL.
func (c *check) httpURL(field, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	c.rule(err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "", field, "must be an absolute http(s) URL")
}

// oneOf: a non-zero value must be one of the allowed values.
func oneOf[T comparable](c *check, field string, value T, allowed ...T) {
	var zero T
	if value == zero {
		return
	}
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	c.rulef(false, field, "must be one of %v, got %v", allowed, value)
}

// err returns the first violation, or nil.
func (c *check) err() error {
	if c.first == nil {
		return nil
	}
	return c.first
}

// notNil rejects a nil request pointer before any rule dereferences it.
func notNil[T any](op Operation, req *T) error {
	if req == nil {
		return &ValidationError{Operation: op.String(), Field: "request", Reason: "is nil"}
	}
	return nil
}

// Generic value checks, run by the pipeline on every encoded JSON request
// (service methods and Do alike): numbers the server cannot mean are refused
// before sending, naming the field, never quoting the value.
//
//   - an id (a member named "id", "…Id", "…ID", "…_id", or a list named
//     "…Ids") must not be negative;
//   - any other integer must fit the API's 32-bit integers (a length of
//     math.MaxInt is not a length), except times ("…time…", "…date…"), which
//     may be Unix milliseconds.
//
// Times given as time.Time are checked where they are formatted (a year
// outside 1970–9999 is refused; see wire.ErrYearRange).
func checkNumbers(op Operation, body []byte) error {
	r := formReaders.Get().(*formReader)
	defer formReaders.Put(r)
	defer r.src.Reset(nil)
	r.src.Reset(body)
	r.dec.Reset(&r.src, jsontext.AllowDuplicateNames(true))
	for {
		tok, err := r.dec.ReadToken()
		if err != nil {
			// io.EOF at the end; the SDK's own encoding has no syntax error.
			return nil
		}
		if tok.Kind() != '0' {
			continue
		}
		ptr := r.dec.StackPointer()
		if reason := numberProblem(memberName(ptr), tok.String()); reason != "" {
			return &ValidationError{Operation: op.String(), Field: fieldPath(ptr), Reason: reason}
		}
	}
}

// memberName is the name of the object member a JSON pointer ends in,
// skipping list indexes ("/inviteeList/2/userId" → "userId",
// "/userIds/0" → "userIds").
func memberName(p jsontext.Pointer) string {
	name := ""
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err != nil {
			name = tok
		}
	}
	return name
}

// numberProblem says what is wrong with the number literal under name, or "".
func numberProblem(name, literal string) string {
	negative := strings.HasPrefix(literal, "-")
	switch {
	case idLike(name):
		if negative {
			return "must not be negative"
		}
	case timeLike(name):
	default:
		f, err := strconv.ParseFloat(literal, 64)
		if err == nil && (f > math.MaxInt32 || f < math.MinInt32) {
			return "is out of the range the API accepts (32-bit integers)"
		}
	}
	return ""
}

// idLike reports whether a member name denotes an id or a list of ids.
func idLike(name string) bool {
	name = strings.TrimSuffix(name, "s")
	return name == "id" || strings.HasSuffix(name, "Id") || strings.HasSuffix(name, "ID") || strings.HasSuffix(name, "_id")
}

// timeLike reports whether a member name denotes a time or date.
func timeLike(name string) bool {
	lower := strings.ToLower(name)
	return strings.Contains(lower, "time") || strings.Contains(lower, "date")
}

// orEmpty stands an empty request in for nil, for requests with no required
// field.
func orEmpty[T any](req *T) *T {
	if req == nil {
		return new(T)
	}
	return req
}

// bit is an optional switch's 0/1 wire form: nil stays nil (not sent).
func bit(b *bool) *int {
	if b == nil {
		return nil
	}
	if *b {
		return new(1)
	}
	return new(0)
}
