// Package wire holds what the SDK and its sandbox share about the API's
// wire format: lenient JSON decoding and the time forms.
package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// The API sends the same field as a number on one page and a string on the next
// ("length": "120" vs 120), sends "" or null for "no value", and sometimes
// repeats a key. Decoding is lenient about all of that, and strict about real
// type errors (an object where a number belongs), which surface as errors
// rather than silent zeros.
//
// Leniency comes from type-specific unmarshalers registered once (their lookup
// cache lives inside the Unmarshalers value, so it must be a package-level
// value), not from wrapper types: public structs keep plain Go types.

// errNotScalar is returned when a scalar field receives an object or array.
var errNotScalar = errors.New("got a JSON object or array where a scalar belongs")

// registerBase adds the unnamed scalar types, time.Time, time.Duration and
// the common scalar lists.
func registerBase(ts *Types) {
	ts.add(json.UnmarshalFromFunc(unmarshalTime), reflect.TypeFor[time.Time]())
	ts.add(json.UnmarshalFromFunc(unmarshalDuration), reflect.TypeFor[time.Duration]())
	Str[string](ts)
	Int[int](ts)
	Int[int8](ts)
	Int[int16](ts)
	Int[int32](ts)
	Int[int64](ts)
	Uint[uint](ts)
	Uint[uint8](ts)
	Uint[uint16](ts)
	Uint[uint32](ts)
	Uint[uint64](ts)
	Float[float32](ts)
	Float[float64](ts)
	Bool[bool](ts)
	Slice[string](ts)
	Slice[int](ts)
	Slice[int64](ts)
}

// Types is a set of lenient decoders: the base ones plus one per type a
// package registers (its enums, structs, lists and maps). Each decoder is
// registered for its exact pointer type, which keeps decoding free of
// reflection and allocation; an interface-typed catch-all would cost two
// allocations for every value it is asked about.
type Types struct {
	list    []*json.Unmarshalers
	known   map[reflect.Type]bool
	options json.Options
}

// NewTypes builds a set from the base decoders and what each register
// function adds. Build a set once and keep it: the decoders' lookup cache
// lives in it.
func NewTypes(register ...func(*Types)) *Types {
	ts := &Types{known: map[reflect.Type]bool{}}
	registerBase(ts)
	for _, r := range register {
		r(ts)
	}
	ts.options = json.JoinOptions(
		json.WithUnmarshalers(json.JoinUnmarshalers(ts.list...)),
		jsontext.AllowDuplicateNames(true),
		jsontext.AllowInvalidUTF8(true),
	)
	return ts
}

func (ts *Types) add(u *json.Unmarshalers, t reflect.Type) {
	if !ts.known[t] {
		ts.known[t] = true
		ts.list = append(ts.list, u)
	}
}

// Covers reports whether t has a lenient decoder in the set.
func (ts *Types) Covers(t reflect.Type) bool { return ts.known[t] }

// Unmarshal decodes data into v with the set's lenient rules.
func (ts *Types) Unmarshal(data []byte, v any) error {
	return json.Unmarshal(data, v, ts.options)
}

// base is the set of the base decoders only, built on first use.
var base = sync.OnceValue(func() *Types { return NewTypes() })

// Int registers an integer type (an enum such as ConferenceStatus): it
// accepts numbers, numeric strings, booleans, "" and null.
func Int[T ~int | ~int8 | ~int16 | ~int32 | ~int64](ts *Types) {
	ts.add(json.UnmarshalFromFunc(intInto[T]), reflect.TypeFor[T]())
}

// Enum registers an integer enum type whose zero is a documented value
// (ConferenceStatusNone): "" and null read as unknown, never as that value.
// Like every scalar they do not overwrite a value already read, but a
// value of 0 cannot be told from none read, so a later "" after a 0 reads as
// unknown.
func Enum[T ~int | ~int8 | ~int16 | ~int32 | ~int64](ts *Types, unknown T) {
	ts.add(json.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *T) error { return enumInto(dec, v, unknown) }), reflect.TypeFor[T]())
}

// enumInto reads a lenient integer enum into v; "" and null give unknown.
func enumInto[T ~int | ~int8 | ~int16 | ~int32 | ~int64](dec *jsontext.Decoder, v *T, unknown T) error {
	s, err := readScalar(dec)
	switch {
	case err != nil:
		return err
	case s.empty():
		if *v == 0 {
			*v = unknown
		}
		return nil
	}
	n, err := s.asInt(int(unsafe.Sizeof(*v)) * 8)
	*v = T(n)
	return err
}

// Uint registers an unsigned integer type.
func Uint[T ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64](ts *Types) {
	ts.add(json.UnmarshalFromFunc(uintInto[T]), reflect.TypeFor[T]())
}

// Float registers a floating-point type.
func Float[T ~float32 | ~float64](ts *Types) {
	ts.add(json.UnmarshalFromFunc(floatInto[T]), reflect.TypeFor[T]())
}

// Bool registers a boolean type: true/false, "true"/"1"/"yes"…, 0/1, "" and
// null are accepted.
func Bool[T ~bool](ts *Types) {
	ts.add(json.UnmarshalFromFunc(boolInto[T]), reflect.TypeFor[T]())
}

// Str registers a string type: numbers and booleans arrive as their text,
// null as "".
func Str[T ~string](ts *Types) {
	ts.add(json.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *T) error {
		s, err := readScalar(dec)
		if err == nil && !s.empty() { // null and "" never overwrite a value
			*v = T(s.asString())
		}
		return err
	}), reflect.TypeFor[T]())
}

// intInto reads a lenient integer into v.
func intInto[T ~int | ~int8 | ~int16 | ~int32 | ~int64](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	n, err := s.asInt(int(unsafe.Sizeof(*v)) * 8)
	*v = T(n)
	return err
}

// uintInto reads a lenient unsigned integer into v.
func uintInto[T ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	n, err := s.asUint(int(unsafe.Sizeof(*v)) * 8)
	*v = T(n)
	return err
}

// floatInto reads a lenient floating-point number into v.
func floatInto[T ~float32 | ~float64](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	f, err := s.asFloat()
	*v = T(f)
	return err
}

// boolInto reads a lenient boolean into v.
func boolInto[T ~bool](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	b, err := s.asBool()
	*v = T(b)
	return err
}

// Struct registers a struct type T and the list type []T: besides objects
// (and arrays), they accept "" and [] as empty and JSON text in a string.
func Struct[T any](ts *Types) {
	composite[T](ts, '{')
	Slice[T](ts)
}

// Custom registers T with its own decoding function, for a member whose
// documented shape is open (several shapes, any of which must decode).
// Register it before the generated registrations: the first one of a type
// wins.
func Custom[T any](ts *Types, fn func(dec *jsontext.Decoder, v *T) error) {
	ts.add(json.UnmarshalFromFunc(fn), reflect.TypeFor[T]())
}

// Slice registers the list type []T.
func Slice[T any](ts *Types) { composite[[]T](ts, '[') }

// Object registers a named map type T (keyed maps, whose generated
// decoders skip members by key; registered, they decode every member).
func Object[T any](ts *Types) { composite[T](ts, '{') }

// Map registers the map type map[K]V.
func Map[K comparable, V any](ts *Types) { composite[map[K]V](ts, '{') }

// composite registers T, whose JSON form starts with open. That form and
// null go to the default decoder; anything else is tried as an empty value or
// as JSON text in a string.
func composite[T any](ts *Types, open jsontext.Kind) {
	ts.add(json.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *T) error {
		rv := reflect.ValueOf(v).Elem()
		switch k := dec.PeekKind(); {
		case k == 'n':
			_, err := dec.ReadToken() // null never overwrites a value
			return err
		case k == '[' && rv.Kind() == reflect.Slice && rv.Len() > 0:
			return mergeRepeatedList(dec, rv)
		case k == open:
			return errors.ErrUnsupported
		}
		if !rv.IsZero() && dec.PeekKind() == '"' {
			return keepUnlessFilled(dec, rv)
		}
		return decodeEmptyComposite(dec, rv)
	}), reflect.TypeFor[T]())
}

// Unmarshal decodes data into v with the base lenient rules (scalars, times,
// durations, scalar lists).
func Unmarshal(data []byte, v any) error { return base().Unmarshal(data, v) }

var encodeOptions = json.Deterministic(true)

// Marshal encodes v deterministically. Invalid UTF-8 in a string is an error.
func Marshal(v any) ([]byte, error) {
	return json.Marshal(v, encodeOptions)
}

// MarshalWrite is Marshal writing to w, with no newline after the value.
func MarshalWrite(w io.Writer, v any) error {
	return json.MarshalWrite(w, v, encodeOptions)
}

// scalar is one JSON scalar read off the decoder: its kind and its text (a
// string's unquoted content, a number's literal, "true"/"false"). The text
// is a view into the decoder's buffer, valid until the next read: numbers,
// booleans and times are parsed from it without allocating; only a string
// value the caller keeps is copied.
type scalar struct {
	kind jsontext.Kind
	text []byte
}

// readScalar reads one value and rejects objects and arrays.
func readScalar(dec *jsontext.Decoder) (scalar, error) {
	raw, err := dec.ReadValue()
	if err != nil {
		return scalar{}, err
	}
	switch k := raw.Kind(); k {
	case '"':
		if bytes.IndexByte(raw, '\\') < 0 {
			return scalar{kind: k, text: raw[1 : len(raw)-1]}, nil
		}
		s, err := jsontext.AppendUnquote(nil, raw)
		return scalar{kind: k, text: s}, err
	case '{', '[':
		return scalar{}, errNotScalar
	default:
		return scalar{kind: k, text: raw}, nil
	}
}

// empty reports whether the scalar means "no value": null or a blank string.
func (s scalar) empty() bool {
	return s.kind == 'n' || (s.kind == '"' && len(bytes.TrimSpace(s.text)) == 0)
}

func (s scalar) asString() string {
	if s.kind == 'n' {
		return ""
	}
	return string(s.text)
}

// quoted describes the scalar for an error message by its kind, never its
// value: a value may be personal data (a name, a mobile number) or a
// credential, and errors name the field instead (the decoder adds its JSON
// pointer).
func (s scalar) quoted() string {
	switch s.kind {
	case '"':
		return "a JSON string"
	case '0':
		return "a JSON number"
	case 't', 'f':
		return "a JSON boolean"
	}
	return "a JSON null"
}

// parseDecimal reads an optionally signed run of at most 18 decimal digits,
// the common case, without allocating.
func parseDecimal(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func (s scalar) asInt(bits int) (int64, error) {
	switch {
	case s.empty():
		return 0, nil
	case s.kind == 't':
		return 1, nil
	case s.kind == 'f':
		return 0, nil
	}
	text := bytes.TrimSpace(s.text)
	limit := math.Ldexp(1, bits-1)
	if n, ok := parseDecimal(text); ok {
		if float64(n) < -limit || float64(n) >= limit {
			return 0, fmt.Errorf("%s is not an integer of %d bits", s.quoted(), bits)
		}
		return n, nil
	}
	if n, err := strconv.ParseInt(string(text), 10, bits); err == nil {
		return n, nil
	}
	f, err := parseNumber(text)
	if err != nil || f != math.Trunc(f) || f < -limit || f >= limit || underflows(text, f) {
		return 0, fmt.Errorf("%s is not an integer of %d bits", s.quoted(), bits)
	}
	return int64(f), nil
}

// errNotNumber: the text is not a JSON number ("NaN", "Infinity", "0x10",
// "+5" and "1_000" are not).
var errNotNumber = errors.New("not a number")

// parseNumber parses text that has the JSON number syntax; strconv alone
// would also accept NaN, infinities, hex floats and underscores.
func parseNumber(text []byte) (float64, error) {
	if !isNumber(text) {
		return 0, errNotNumber
	}
	return strconv.ParseFloat(string(text), 64)
}

// isNumber reports whether b is a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i - start
	}
	if n := digits(); n == 0 || (n > 1 && b[i-n] == '0') {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}

// underflows reports whether f is zero only because text's value is too
// small for a float64 (1e-400): not the integer 0.
func underflows(text []byte, f float64) bool {
	if f != 0 {
		return false
	}
	for _, c := range text {
		switch {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

func (s scalar) asUint(bits int) (uint64, error) {
	n, err := s.asInt(64)
	if err == nil && n >= 0 && (bits == 64 || n < 1<<bits) {
		return uint64(n), nil
	}
	if u, uerr := strconv.ParseUint(string(bytes.TrimSpace(s.text)), 10, bits); uerr == nil {
		return u, nil
	}
	return 0, fmt.Errorf("%s is not an unsigned integer of %d bits", s.quoted(), bits)
}

func (s scalar) asFloat() (float64, error) {
	switch {
	case s.empty(), s.kind == 'f':
		return 0, nil
	case s.kind == 't':
		return 1, nil
	}
	text := bytes.TrimSpace(s.text)
	if n, ok := parseDecimal(text); ok {
		return float64(n), nil
	}
	f, err := parseNumber(text)
	if err != nil {
		return 0, fmt.Errorf("%s is not a number", s.quoted())
	}
	return f, nil
}

var (
	trueWords  = []string{"true", "1", "yes", "y", "on"}
	falseWords = []string{"false", "0", "no", "n", "off"}
)

func (s scalar) asBool() (bool, error) {
	switch {
	case s.empty(), s.kind == 'f':
		return false, nil
	case s.kind == 't':
		return true, nil
	}
	text := bytes.TrimSpace(s.text)
	for _, w := range trueWords {
		if bytes.EqualFold(text, []byte(w)) {
			return true, nil
		}
	}
	for _, w := range falseWords {
		if bytes.EqualFold(text, []byte(w)) {
			return false, nil
		}
	}
	if f, err := parseNumber(text); err == nil {
		return f != 0, nil
	}
	return false, fmt.Errorf("%s is not a boolean", s.quoted())
}

func unmarshalTime(dec *jsontext.Decoder, v *time.Time) error {
	s, err := readScalar(dec)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	*v, err = parseScalarTime(s)
	return err
}

func unmarshalDuration(dec *jsontext.Decoder, v *time.Duration) error {
	s, err := readScalar(dec)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	*v, err = parseScalarDuration(s)
	return err
}

// mergeRepeatedList decodes a list into rv, which already holds one (the
// key repeated in one object, as seed 001 §10's example repeats "invitees"):
// an empty list leaves it alone, a non-empty one replaces it.
func mergeRepeatedList(dec *jsontext.Decoder, rv reflect.Value) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	fresh := reflect.New(rv.Type())
	if err := json.Unmarshal(raw, fresh.Interface(), dec.Options()); err != nil {
		return err
	}
	if fresh.Elem().Len() > 0 {
		rv.Set(fresh.Elem())
	}
	return nil
}

// keepUnlessFilled decodes a string standing for an object or list into rv,
// which already holds a value: a blank one ("", "null", "[]") leaves it.
func keepUnlessFilled(dec *jsontext.Decoder, rv reflect.Value) error {
	fresh := reflect.New(rv.Type())
	if err := decodeEmptyComposite(dec, fresh.Elem()); err != nil {
		return err
	}
	if !fresh.Elem().IsZero() {
		rv.Set(fresh.Elem())
	}
	return nil
}

// decodeEmptyComposite accepts "" and [] as the empty value of an object or
// list type, and an object or list sent as JSON text inside a string (tables
// of the API type such members "json string"). Any other mismatch is left to
// the default decoder, which reports it as a type error.
func decodeEmptyComposite(dec *jsontext.Decoder, rv reflect.Value) error {
	switch dec.PeekKind() {
	case '"':
		return decodeStringComposite(dec, rv)
	case '[':
		if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
			return errors.ErrUnsupported
		}
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
		if dec.PeekKind() != ']' {
			return fmt.Errorf("got a non-empty JSON array where %v belongs", rv.Type())
		}
		_, err := dec.ReadToken() // [] is empty: it never overwrites a value
		return err
	default:
		return errors.ErrUnsupported
	}
}

// decodeStringComposite reads a string where an object or list belongs: blank
// or "null" is the empty value, JSON text of the right kind is decoded.
func decodeStringComposite(dec *jsontext.Decoder, rv reflect.Value) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	text, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return err
	}
	inner := bytes.TrimSpace(text)
	rv.SetZero()
	if len(inner) == 0 || string(inner) == "null" {
		return nil
	}
	list := rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array
	if (inner[0] == '{' && !list) || (inner[0] == '[' && list) {
		return json.Unmarshal(inner, rv.Addr().Interface(), dec.Options())
	}
	return fmt.Errorf("got a string where %v belongs", rv.Type())
}

// errNotCode: a business code that is not an integer.
var errNotCode = errors.New("the business code is not an integer")

// ReadCode reads a business code strictly: an integer literal, or a string
// holding one; null or "" report present = false. Booleans, fractions,
// exponents, "NaN", objects and arrays are errors: a code that is not an
// integer must never read as success.
func ReadCode(dec *jsontext.Decoder) (n int64, present bool, err error) {
	s, err := readScalar(dec)
	if err != nil {
		return 0, false, errNotCode
	}
	if s.empty() {
		return 0, false, nil
	}
	text := bytes.TrimSpace(s.text)
	if s.kind != '0' && s.kind != '"' || !isNumber(text) || bytes.ContainsAny(text, ".eE") {
		return 0, false, errNotCode
	}
	n, err = strconv.ParseInt(string(text), 10, 64)
	if err != nil {
		return 0, false, errNotCode
	}
	return n, true, nil
}

// ReadString reads one lenient string member value.
func ReadString(dec *jsontext.Decoder) (string, error) {
	s, err := readScalar(dec)
	return s.asString(), err
}

// ReadStringView is ReadString without the copy: the text (nil for null)
// is a view into the decoder's input when dec parses a bytes.Buffer in
// place (as Decode does) and the string has no escape, valid as long as the
// input is.
func ReadStringView(dec *jsontext.Decoder) ([]byte, error) {
	s, err := readScalar(dec)
	if s.kind == 'n' {
		return nil, err
	}
	return s.text, err
}

// ReadTime reads one time member value in any form the API sends.
func ReadTime(dec *jsontext.Decoder) (time.Time, error) {
	s, err := readScalar(dec)
	if err != nil {
		return time.Time{}, err
	}
	return parseScalarTime(s)
}
