package quanshi

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"
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
