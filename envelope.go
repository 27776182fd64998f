package quanshi

import (
	"cmp"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// envelope is the union of every response envelope the API uses:
// status/result (openapi host), code/data (events host), status/message/data
// (umeeting), and the hybrids some pages show (code/result).
type envelope struct {
	Status         codeRead       `json:"status"`
	Code           codeRead       `json:"code"`
	Msg            string         `json:"msg"`
	Message        string         `json:"message"`
	ErrMessage     string         `json:"errMessage"`
	Result         jsontext.Value `json:"result"`
	Data           jsontext.Value `json:"data"`
	RequestID      string         `json:"request_id"`
	Timestamp      time.Time      `json:"timestamp" time:"unix"`
	TimeStamp      time.Time      `json:"timeStamp" time:"unix"`
	Duration       string         `json:"request_duration"`
	ReqID          string         `json:"reqid"`
	RequestIDCamel string         `json:"requestId"`
}

// envelopeRule is how one family reads its envelope.
type envelopeRule struct {
	// codeInData selects code/data (events host) over status/result.
	codeInData bool
	// success is the business code meaning success.
	success int64
	// payloadInData selects data over result as the payload member.
	payloadInData bool
}

var (
	statusResultRule = envelopeRule{success: 0}
	codeDataRule     = envelopeRule{codeInData: true, success: 200, payloadInData: true}
	umeetingRule     = envelopeRule{success: 200, payloadInData: true}
)

// outcome reads the business code. When the family's own code member is absent
// it falls back to the other one, where 0 and 200 both mean success: hybrid
// pages answer code:0 with a result member, and so on. found is false when the
// body has neither member.
func (r envelopeRule) outcome(env *envelope) (n int64, ok, found bool) {
	primary, fallback := env.Status, env.Code
	if r.codeInData {
		primary, fallback = env.Code, env.Status
	}
	switch {
	case primary.present:
		return primary.n, primary.n == r.success, true
	case fallback.present:
		return fallback.n, fallback.n == 0 || fallback.n == 200, true
	}
	return 0, false, false
}

// payload returns the family's payload member, or the other one when the
// family's own is absent.
func (r envelopeRule) payload(env *envelope) jsontext.Value {
	first, second := env.Result, env.Data
	if r.payloadInData {
		first, second = env.Data, env.Result
	}
	if len(first) > 0 {
		return first
	}
	return second
}

func (env *envelope) message() string {
	for _, m := range []string{env.Msg, env.Message, env.ErrMessage} {
		if m != "" {
			return m
		}
	}
	return ""
}

func (env *envelope) requestID() string {
	for _, id := range []string{env.RequestID, env.ReqID, env.RequestIDCamel} {
		if id != "" {
			return id
		}
	}
	return ""
}

// envelopeReader decodes an envelope in one pass. The members before the
// payload are read as they come; when the family's success code has already
// been read (it comes first in every documented envelope), the payload is
// decoded straight into out, with no copy and no second scan. Otherwise the
// payload is kept raw: for the error's Result, or to be decoded afterwards.
type envelopeReader struct {
	rule    envelopeRule
	httpOK  bool
	out     any
	env     envelope
	decoded bool  // the payload went straight into out
	badFit  error // out could not hold the payload
	// setAside is set for a write's answer: a member of the payload that
	// does not decode is set aside (see decodeWriteAnswer) in this same pass.
	setAside bool
	// skipped are the members keyed maps of the payload left out, aside
	// those set aside.
	skipped, aside []wire.Odd
	// texts are the text members as read (views into the body, which
	// wire.Decode parses in place): they become env's strings only when
	// something reads them (a failure, CaptureResponse), so that a plain
	// success makes no string of them.
	texts [len(textMembers)][]byte
}

// textMembers are the envelope's text members, in the order of
// envelopeReader.texts.
var textMembers = [...]string{"msg", "message", "errMessage", "request_id", "reqid", "requestId", "request_duration"}

// fillTexts turns the text members read into env's strings.
func (r *envelopeReader) fillTexts() {
	e := &r.env
	for i, dst := range [...]*string{&e.Msg, &e.Message, &e.ErrMessage, &e.RequestID, &e.ReqID, &e.RequestIDCamel, &e.Duration} {
		if t := r.texts[i]; t != nil {
			*dst = string(t)
		}
	}
}

// decode reads the envelope object member by member.
func (r *envelopeReader) decode(dec *wire.Dec) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() != '{' {
		return errNotObject
	}
	for dec.PeekKind() != '}' {
		name, err := wire.Name(dec)
		if err != nil {
			return err
		}
		if err := r.member(dec, string(name)); err != nil {
			return err
		}
	}
	r.skipped = dec.Skipped
	_, err = dec.ReadToken()
	return err
}

func (r *envelopeReader) member(dec *wire.Dec, key string) error {
	e := &r.env
	switch key {
	case "status":
		return e.Status.read(dec.Decoder)
	case "code":
		return e.Code.read(dec.Decoder)
	case "timestamp":
		return readTime(dec, &e.Timestamp)
	case "timeStamp":
		return readTime(dec, &e.TimeStamp)
	case "result", "data":
		return r.payload(dec, key == "data")
	}
	if i := slices.Index(textMembers[:], key); i >= 0 {
		v, err := wire.ReadStringView(dec.Decoder)
		r.texts[i] = v
		return err
	}
	return dec.SkipValue()
}

// codeRead is a business code member as read: a value, not a pointer (the
// envelope reader stays on the stack only while nothing in it points into
// itself), with whether it was there at all.
type codeRead struct {
	n       int64
	present bool
}

// read reads a business code; null or "" leaves it absent, a value that is
// not an integer makes the envelope unreadable.
func (c *codeRead) read(dec *jsontext.Decoder) error {
	n, present, err := wire.ReadCode(dec)
	if present {
		*c = codeRead{n: n, present: true}
	}
	return err
}

// readTime reads the server's clock; a value that is no time (the
// examples' "timeStamp": 1) is metadata not worth failing a call for: it
// reads as the zero time.
func readTime(dec *wire.Dec, dst *time.Time) error {
	t, _, err := wire.ReadTimeOrText(dec.Decoder)
	*dst = t
	return err
}

// successSoFar reports whether the family's own code member has been read
// and says success.
func (r *envelopeReader) successSoFar() bool {
	code := r.env.Status
	if r.rule.codeInData {
		code = r.env.Code
	}
	return r.httpOK && code.present && code.n == r.rule.success
}

func (r *envelopeReader) payload(dec *wire.Dec, inData bool) error {
	if r.out != nil && inData == r.rule.payloadInData && r.successSoFar() && dec.PeekKind() != 'n' {
		dec.SetAside = r.setAside
		err := decodeValue(dec, r.out)
		dec.SetAside, r.aside = false, dec.SetAsideMembers
		prefix := "/result"
		if inData {
			prefix = "/data"
		}
		for i := range r.aside { // paths within the payload, not the envelope
			r.aside[i].Pointer = jsontext.Pointer(strings.TrimPrefix(string(r.aside[i].Pointer), prefix))
		}
		if err == nil && len(r.aside) > maxUnparsed {
			err = errTooManyUnparsed
		}
		if err != nil {
			r.badFit = err
			return err
		}
		r.decoded = true
		return nil
	}
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if inData {
		r.env.Data = slices.Clone(raw)
	} else {
		r.env.Result = slices.Clone(raw)
	}
	return nil
}

// readEnvelope interprets one response: on success it decodes the payload
// (result or data) into out, which may be nil; otherwise it returns an
// *APIError for a business failure, an HTTP failure or an unreadable body.
// A payload that does not fit out is an ErrMalformedResponse, never a
// silent zero, and so is a read's success answer with no payload at all;
// in a write's answer a member that does not fit is set aside and returned
// (see UnparsedField), and only a missing id of what the write made fails
// the call. Whether a failure means "token rejected" is decided by the
// caller, which knows what credentials it sent. The operation is named only
// in errors: a success costs no string building.
//
// On any failure out is left as it was: a zero out (what every service
// method passes) is decoded into directly and zeroed again on failure; a
// non-zero one is decoded into a fresh value, copied over out on success
// only. Either way a retry starts from the caller's value, never from a
// failed attempt's payload.
func readEnvelope(rule envelopeRule, op Operation, httpStatus int, body []byte, out any, info *ResponseInfo) ([]UnparsedField, error) {
	dst, fresh := decodeTarget(out)
	odd, err := interpret(rule, op, httpStatus, body, dst, info)
	switch {
	case err != nil && !fresh:
		clearOut(out)
	case err == nil && fresh:
		reflect.ValueOf(out).Elem().Set(reflect.ValueOf(dst).Elem())
	}
	return odd, err
}

// decodeTarget returns where to decode a payload meant for out: out itself
// when it points to a zero value, otherwise a fresh value of its type.
func decodeTarget(out any) (dst any, fresh bool) {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().IsZero() {
		return out, false
	}
	return reflect.New(v.Elem().Type()).Interface(), true
}

// interpret is readEnvelope's work on the decoding target.
func interpret(rule envelopeRule, op Operation, httpStatus int, body []byte, out any, info *ResponseInfo) ([]UnparsedField, error) {
	r := envelopeReader{rule: rule, httpOK: httpStatus >= 200 && httpStatus < 300, out: out, setAside: !op.Idempotent}
	err := wire.Decode(body, r.decode)
	if err != nil && r.badFit != nil && !op.Idempotent {
		// A write's payload that did not fit: read the envelope again with
		// the payload kept raw, to decode it member by member below.
		clearOut(out)
		r = envelopeReader{rule: rule, httpOK: r.httpOK}
		err = wire.Decode(body, r.decode)
	}
	if err != nil {
		if r.badFit != nil {
			return nil, malformedError(op.String(), httpStatus, body, "response payload has an unexpected shape", r.badFit)
		}
		return nil, malformedError(op.String(), httpStatus, body, "response is not a JSON envelope", err)
	}
	env := &r.env
	code, ok, found := rule.outcome(env)
	payload := rule.payload(env)
	success := found && ok && r.httpOK
	if info != nil || !success {
		r.fillTexts()
	}
	if info != nil {
		info.Code, info.Message, info.RequestID = int(code), env.message(), env.requestID()
		info.ServerTime = cmp.Or(env.Timestamp, env.TimeStamp)
	}
	if success {
		return decodeSuccess(op, httpStatus, payload, out, &r)
	}
	if !found {
		return nil, malformedError(op.String(), httpStatus, body, "response envelope has no status or code", nil)
	}
	apiErr := &APIError{
		Operation:      op.String(),
		HTTPStatus:     httpStatus,
		Code:           int(code),
		Message:        env.message(),
		RequestID:      env.requestID(),
		ServerTime:     cmp.Or(env.Timestamp, env.TimeStamp),
		ServerDuration: env.Duration,
		Result:         slices.Clone(payload),
	}
	if apiErr.Message == "" && !r.httpOK {
		apiErr.Message = http.StatusText(httpStatus)
	}
	return nil, apiErr
}

// decodeSuccess decodes a success answer's payload into out (unless the
// envelope reader r already did) and checks what it must carry. It returns
// the members set aside: those keyed maps skipped, and in a write's answer
// those that did not decode.
func decodeSuccess(op Operation, httpStatus int, payload jsontext.Value, out any, r *envelopeReader) ([]UnparsedField, error) {
	payloadless := !r.decoded && (len(payload) == 0 || payload.Kind() == 'n')
	skipped := r.skipped
	odd := appendUnparsed(nil, r.aside)
	var err error
	switch {
	case out == nil || r.decoded || payloadless:
	case op.Idempotent:
		if skipped, err = decodeJSONSkipping(payload, out); err != nil {
			return nil, malformedError(op.String(), httpStatus, payload, "response payload has an unexpected shape", err)
		}
	default:
		if odd, skipped, err = decodeWriteAnswer(payload, out); err != nil {
			return nil, malformedError(op.String(), httpStatus, payload, "response payload has an unexpected shape", err)
		}
	}
	return appendUnparsed(odd, skipped), checkSuccess(op, httpStatus, out, payloadless)
}

// clearOut zeroes what out points to, so that a failed answer leaves nothing
// behind for the retry to merge into.
func clearOut(out any) {
	if v := reflect.ValueOf(out); v.Kind() == reflect.Pointer && !v.IsNil() {
		v.Elem().SetZero()
	}
}

// malformedError describes a body that could not be read as expected.
func malformedError(opName string, httpStatus int, body []byte, what string, cause error) *APIError {
	if cause != nil {
		what += ": " + cause.Error()
	}
	return &APIError{
		Operation:  opName,
		HTTPStatus: httpStatus,
		Message:    what,
		Body:       rawExcerpt(body),
		kind:       kindMalformed,
		cause:      cause,
	}
}

const (
	// excerptLen bounds how much of an unreadable body goes into an error.
	excerptLen = 160
	// rawWindow is how much of the body an error keeps until it is redacted
	// and cut to excerptLen: redacting before cutting means a secret can
	// never be cut in half and slip past the redactor.
	rawWindow = 4096
)

// rawExcerpt keeps the start of body for a later excerpt.
func rawExcerpt(body []byte) string {
	if len(body) == 0 {
		return "(empty)"
	}
	return string(body[:min(len(body), rawWindow)])
}

// excerpt cuts an already redacted text to excerptLen at a rune boundary.
func excerpt(s string) string {
	if len(s) <= excerptLen {
		return s
	}
	b := s[:excerptLen]
	for len(b) > 0 && !utf8.ValidString(b) {
		b = b[:len(b)-1]
	}
	return b + "…"
}
