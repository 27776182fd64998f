// Package wire holds what the SDK and its sandbox share about the API's
// wire format: lenient JSON decoding and the time forms.
package wire

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"sync"
	"time"

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

var lenientUnmarshalers = json.JoinUnmarshalers(
	json.UnmarshalFromFunc(unmarshalTime),
	json.UnmarshalFromFunc(unmarshalDuration),
	json.UnmarshalFromFunc(unmarshalString),
	json.UnmarshalFromFunc(unmarshalInt64),
	json.UnmarshalFromFunc(unmarshalInt),
	json.UnmarshalFromFunc(unmarshalBool),
	json.UnmarshalFromFunc(unmarshalFloat64),
	json.UnmarshalFromFunc(unmarshalByKind),
)

var decodeOptions = json.JoinOptions(
	json.WithUnmarshalers(lenientUnmarshalers),
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
)

var encodeOptions = json.JoinOptions(
	json.Deterministic(true),
)

// Unmarshal decodes data into v with the lenient rules.
func Unmarshal(data []byte, v any) error {
	return json.Unmarshal(data, v, decodeOptions)
}

// Marshal encodes v deterministically. Invalid UTF-8 in a string is an error.
func Marshal(v any) ([]byte, error) {
	return json.Marshal(v, encodeOptions)
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

// quoted is the scalar's text for an error message, cut short.
func (s scalar) quoted() string {
	const most = 40
	if len(s.text) > most {
		return strconv.Quote(string(s.text[:most])) + "…"
	}
	return strconv.Quote(string(s.text))
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
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil || f != math.Trunc(f) || f < -limit || f >= limit {
		return 0, fmt.Errorf("%s is not an integer of %d bits", s.quoted(), bits)
	}
	return int64(f), nil
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
	f, err := strconv.ParseFloat(string(text), 64)
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
	if f, err := strconv.ParseFloat(string(text), 64); err == nil {
		return f != 0, nil
	}
	return false, fmt.Errorf("%s is not a boolean", s.quoted())
}

func unmarshalString(dec *jsontext.Decoder, v *string) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	*v = s.asString()
	return nil
}

func unmarshalInt64(dec *jsontext.Decoder, v *int64) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	*v, err = s.asInt(64)
	return err
}

func unmarshalInt(dec *jsontext.Decoder, v *int) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	n, err := s.asInt(strconv.IntSize)
	*v = int(n)
	return err
}

func unmarshalFloat64(dec *jsontext.Decoder, v *float64) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	*v, err = s.asFloat()
	return err
}

func unmarshalBool(dec *jsontext.Decoder, v *bool) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	*v, err = s.asBool()
	return err
}

func unmarshalTime(dec *jsontext.Decoder, v *time.Time) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	*v, err = parseScalarTime(s)
	return err
}

func unmarshalDuration(dec *jsontext.Decoder, v *time.Duration) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	*v, err = parseScalarDuration(s)
	return err
}

var (
	rawValueType  = reflect.TypeFor[jsontext.Value]()
	unmarshalerV2 = reflect.TypeFor[json.UnmarshalerFrom]()
	unmarshalerV1 = reflect.TypeFor[json.Unmarshaler]()
	// ownDecoding caches, per type, whether it decodes itself (jsontext.Value
	// or a type with an unmarshal method) and must be left alone.
	ownDecoding sync.Map // reflect.Type -> bool
)

func decodesItself(t reflect.Type) bool {
	if v, ok := ownDecoding.Load(t); ok {
		return v.(bool)
	}
	own := t == rawValueType || reflect.PointerTo(t).Implements(unmarshalerV2) || reflect.PointerTo(t).Implements(unmarshalerV1)
	ownDecoding.Store(t, own)
	return own
}

// unmarshalByKind covers what the type-specific unmarshalers above do not:
// named scalar types (enums such as ConferenceStatus) by their kind, and
// composite types that arrive as "" or [] meaning "empty" (a PHP habit of the
// API: "extraInfo": [] for an empty object) or as JSON text in a string.
// Everything else falls through to the default behaviour; the common case (an
// object for a struct, an array for a slice) leaves after one peek.
func unmarshalByKind(dec *jsontext.Decoder, v any) error {
	rv := reflect.ValueOf(v).Elem()
	next := dec.PeekKind()
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Bool, reflect.String:
		if decodesItself(rv.Type()) {
			return errors.ErrUnsupported
		}
		return setScalarByKind(dec, rv)
	case reflect.Struct, reflect.Map:
		if next == '{' || next == 'n' || decodesItself(rv.Type()) {
			return errors.ErrUnsupported
		}
		return decodeEmptyComposite(dec, rv)
	case reflect.Slice, reflect.Array:
		if next == '[' || next == 'n' || decodesItself(rv.Type()) {
			return errors.ErrUnsupported
		}
		return decodeEmptyComposite(dec, rv)
	default:
		return errors.ErrUnsupported
	}
}

func setScalarByKind(dec *jsontext.Decoder, rv reflect.Value) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	bits := rv.Type().Bits
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := s.asInt(bits())
		rv.SetInt(n)
		return err
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := s.asUint(bits())
		rv.SetUint(n)
		return err
	case reflect.Float32, reflect.Float64:
		f, err := s.asFloat()
		rv.SetFloat(f)
		return err
	case reflect.Bool:
		b, err := s.asBool()
		rv.SetBool(b)
		return err
	default:
		rv.SetString(s.asString())
		return nil
	}
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
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
		rv.SetZero()
		return nil
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
