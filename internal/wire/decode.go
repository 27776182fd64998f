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
	"strings"
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

// scalar is one JSON scalar read off the decoder: its kind and its text
// (a string's unquoted content, a number's literal, "true"/"false").
type scalar struct {
	kind jsontext.Kind
	text string
}

// readScalar reads one value and rejects objects and arrays.
func readScalar(dec *jsontext.Decoder) (scalar, error) {
	raw, err := dec.ReadValue()
	if err != nil {
		return scalar{}, err
	}
	switch k := raw.Kind(); k {
	case '"':
		if !hasEscape(raw) {
			return scalar{kind: k, text: string(raw[1 : len(raw)-1])}, nil
		}
		s, err := jsontext.AppendUnquote(nil, raw)
		return scalar{kind: k, text: string(s)}, err
	case '{', '[':
		return scalar{}, errNotScalar
	default:
		return scalar{kind: k, text: string(raw)}, nil
	}
}

func hasEscape(raw []byte) bool {
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' {
			return true
		}
	}
	return false
}

// empty reports whether the scalar means "no value": null or a blank string.
func (s scalar) empty() bool {
	return s.kind == 'n' || (s.kind == '"' && strings.TrimSpace(s.text) == "")
}

func (s scalar) asString() string {
	if s.kind == 'n' {
		return ""
	}
	return s.text
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
	text := strings.TrimSpace(s.text)
	if n, err := strconv.ParseInt(text, 10, bits); err == nil {
		return n, nil
	}
	limit := math.Ldexp(1, bits-1)
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || f != math.Trunc(f) || f < -limit || f >= limit {
		return 0, fmt.Errorf("%q is not an integer of %d bits", text, bits)
	}
	return int64(f), nil
}

func (s scalar) asUint(bits int) (uint64, error) {
	n, err := s.asInt(64)
	if err == nil && n >= 0 && (bits == 64 || n < 1<<bits) {
		return uint64(n), nil
	}
	if u, uerr := strconv.ParseUint(strings.TrimSpace(s.text), 10, bits); uerr == nil {
		return u, nil
	}
	return 0, fmt.Errorf("%q is not an unsigned integer of %d bits", s.text, bits)
}

func (s scalar) asFloat() (float64, error) {
	switch {
	case s.empty(), s.kind == 'f':
		return 0, nil
	case s.kind == 't':
		return 1, nil
	}
	return strconv.ParseFloat(strings.TrimSpace(s.text), 64)
}

func (s scalar) asBool() (bool, error) {
	switch {
	case s.empty(), s.kind == 'f':
		return false, nil
	case s.kind == 't':
		return true, nil
	}
	switch strings.ToLower(strings.TrimSpace(s.text)) {
	case "true", "1", "yes", "y", "on":
		return true, nil
	case "false", "0", "no", "n", "off":
		return false, nil
	}
	if f, err := strconv.ParseFloat(strings.TrimSpace(s.text), 64); err == nil {
		return f != 0, nil
	}
	return false, fmt.Errorf("%q is not a boolean", s.text)
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
)

// unmarshalByKind covers what the type-specific unmarshalers above do not:
// named scalar types (enums such as ConferenceStatus) by their kind, and
// composite types that arrive as "" or [] meaning "empty" (a PHP habit of the
// API: "extraInfo": [] for an empty object). Everything else falls through to
// the default behaviour.
func unmarshalByKind(dec *jsontext.Decoder, v any) error {
	rv := reflect.ValueOf(v).Elem()
	t := rv.Type()
	if t == rawValueType || reflect.PointerTo(t).Implements(unmarshalerV2) || reflect.PointerTo(t).Implements(unmarshalerV1) {
		return errors.ErrUnsupported
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Bool, reflect.String:
		return setScalarByKind(dec, rv)
	case reflect.Struct, reflect.Map, reflect.Slice, reflect.Array:
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
