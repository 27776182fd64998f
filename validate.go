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

// rulef is rule with a formatted reason. Its arguments are boxed before it
// runs: on a hot path, a string (or an integer above 255) argument costs an
// allocation even when ok, so such a rule goes under `if !ok` (see maxBytes).
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
	if utf8.RuneCountInString(value) > n {
		c.rulef(false, field, "must be at most %d characters", n)
	}
}

// maxBytes: the value must be at most n bytes.
func (c *check) maxBytes(field, value string, n int) {
	if len(value) > n {
		c.rulef(false, field, "must be at most %d bytes", n)
	}
}

// maxItems: a list must have at most n items.
func (c *check) maxItems(field string, count, n int) {
	if count > n {
		c.rulef(false, field, "must have at most %d items, has %d", n, count)
	}
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
	if numbersPass(body) {
		return nil
	}
	return numberError(op, body)
}

// numberError reads body with a decoder and returns the ValidationError
// naming the first number that fails, or nil.
func numberError(op Operation, body []byte) error {
	r := reading(body)
	defer r.done()
	for {
		// PeekKind is 0 at io.EOF; the SDK's own encoding has no syntax error.
		switch r.dec.PeekKind() {
		case 0:
			return nil
		case '0':
		default:
			if _, err := r.dec.ReadToken(); err != nil {
				return nil
			}
			continue
		}
		lit, err := r.dec.ReadValue()
		if err != nil {
			return nil
		}
		if smallCount(lit) { // fine under any name: skip the pointer
			continue
		}
		ptr := r.dec.StackPointer()
		if reason := numberProblem(memberName(ptr), string(lit)); reason != "" {
			return &ValidationError{Operation: op.String(), Field: fieldPath(ptr), Reason: reason}
		}
	}
}

// smallCount reports whether a number literal is a non-negative integer of
// at most 9 digits: within 32 bits and not negative, it passes every rule
// of checkNumbers whatever its member's name, so the common number costs
// no JSON pointer (which allocates).
func smallCount(lit []byte) bool {
	if len(lit) == 0 || len(lit) > 9 {
		return false
	}
	for _, c := range lit {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// memberName is the name of the object member a JSON pointer ends in,
// skipping list indexes ("/inviteeList/2/userId" → "userId",
// "/userIds/0" → "userIds").
func memberName(p jsontext.Pointer) string {
	name := ""
	for tok := range p.Tokens() {
		if !isIndex(tok) {
			name = tok
		}
	}
	return name
}

// isIndex reports whether a JSON pointer token is a list index (all
// digits), without strconv's error allocation for every member name.
func isIndex(tok string) bool {
	if tok == "" {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return true
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
	return containsFold(name, "time") || containsFold(name, "date")
}

// containsFold is strings.Contains ignoring ASCII case, for a lower-case
// word, with no lowered copy made.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
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
