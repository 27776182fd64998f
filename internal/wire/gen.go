package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// What generated decoders (internal/wiregen) call. A generated decoder reads
// one type straight off a jsontext.Decoder, with no reflection and nothing
// registered at init, under the same lenient rules as the registered
// decoders: scalars through the scalar readers, objects and lists also from
// "", [] and JSON text in a string, null as the zero value, unknown members
// skipped, repeated members decoded again into the same field.

// decoderOptions are those of every decoder: the API repeats keys and does
// not always send valid UTF-8.
var decoderOptions = json.JoinOptions(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))

// pooledDecoder is a decoder with the buffer it reads from: a bytes.Buffer
// lets the decoder parse the input in place, without copying it.
type pooledDecoder struct {
	dec jsontext.Decoder
	buf bytes.Buffer
}

var decoders = sync.Pool{New: func() any { return new(pooledDecoder) }}

// Decode runs decode on a decoder reading data, which must hold exactly one
// JSON value.
func Decode(data []byte, decode func(*jsontext.Decoder) error) error {
	p := decoders.Get().(*pooledDecoder)
	p.buf = *bytes.NewBuffer(data)
	p.dec.Reset(&p.buf, decoderOptions)
	err := decode(&p.dec)
	if err == nil {
		if _, end := p.dec.ReadToken(); end != io.EOF {
			err = fmt.Errorf("unexpected data after the JSON value (%v)", end)
		}
	}
	p.dec.Reset(&bytes.Buffer{})
	p.buf = bytes.Buffer{}
	decoders.Put(p)
	return err
}

// Shape is how an object or list arrived.
type Shape int

const (
	// Open means the object or list was opened: read its members, then call
	// CloseObject or CloseArray.
	Open Shape = iota
	// Empty means null, "", "null" or an empty list where an object
	// belongs: the value is zero.
	Empty
	// Text means JSON text inside a string: decode it with DecodeText.
	Text
)

// OpenObject starts reading an object. The JSON text of Text is returned
// in text.
func OpenObject(dec *jsontext.Decoder) (shape Shape, text []byte, err error) {
	switch dec.PeekKind() {
	case '{':
		_, err := dec.ReadToken()
		return Open, nil, err
	case 'n':
		_, err := dec.ReadToken()
		return Empty, nil, err
	case '"':
		return stringComposite(dec, '{')
	case '[':
		if _, err := dec.ReadToken(); err != nil {
			return Empty, nil, err
		}
		if dec.PeekKind() != ']' {
			return Empty, nil, errors.New("got a non-empty JSON array where an object belongs")
		}
		_, err := dec.ReadToken()
		return Empty, nil, err
	}
	return Empty, nil, kindError(dec, "an object")
}

// OpenArray starts reading a list.
func OpenArray(dec *jsontext.Decoder) (shape Shape, text []byte, err error) {
	switch dec.PeekKind() {
	case '[':
		_, err := dec.ReadToken()
		return Open, nil, err
	case 'n':
		_, err := dec.ReadToken()
		return Empty, nil, err
	case '"':
		return stringComposite(dec, '[')
	}
	return Empty, nil, kindError(dec, "a list")
}

// kindError reads the unexpected value and describes it.
func kindError(dec *jsontext.Decoder, want string) error {
	k := dec.PeekKind()
	if err := dec.SkipValue(); err != nil {
		return err
	}
	return fmt.Errorf("got a JSON %s where %s belongs", kindName(k), want)
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "boolean"
	}
	return "value"
}

// stringComposite reads a string where an object or list (open) belongs:
// blank or "null" is empty, JSON text of the right kind is Text.
func stringComposite(dec *jsontext.Decoder, open byte) (Shape, []byte, error) {
	raw, err := dec.ReadValue()
	if err != nil {
		return Empty, nil, err
	}
	text, err := jsontext.AppendUnquote(nil, raw)
	if err != nil {
		return Empty, nil, err
	}
	inner := bytes.TrimSpace(text)
	switch {
	case len(inner) == 0 || string(inner) == "null":
		return Empty, nil, nil
	case inner[0] == open:
		return Text, inner, nil
	}
	return Empty, nil, errors.New("got a string where an object or list belongs")
}

// DecodeText decodes JSON text found inside a string.
func DecodeText(text []byte, decode func(*jsontext.Decoder) error) error {
	return Decode(text, decode)
}

// Name reads an object member's name. The bytes are valid until the next read.
func Name(dec *jsontext.Decoder) ([]byte, error) {
	raw, err := dec.ReadValue()
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1], nil
	}
	return jsontext.AppendUnquote(nil, raw)
}

// More reports whether a member or element follows; at the end it reads
// the closing '}' or ']'.
func More(dec *jsontext.Decoder) (bool, error) {
	switch dec.PeekKind() {
	case '}', ']':
		_, err := dec.ReadToken()
		return false, err
	case 0:
		_, err := dec.ReadToken()
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return false, err
	}
	return true, nil
}

// FoldName reports whether a member's name matches a field's JSON name with
// case:ignore: case, '-' and '_' do not count.
func FoldName(name []byte, field string) bool {
	i, j := 0, 0
	for {
		for i < len(name) && (name[i] == '-' || name[i] == '_') {
			i++
		}
		for j < len(field) && (field[j] == '-' || field[j] == '_') {
			j++
		}
		if i == len(name) || j == len(field) {
			return i == len(name) && j == len(field)
		}
		a, b := name[i], field[j]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
		i, j = i+1, j+1
	}
}

// fieldError names the member or element whose value failed.
type fieldError struct {
	path string
	err  error
}

func (e *fieldError) Error() string { return "at " + e.path + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// InField puts the member name in front of err's path.
func InField(name []byte, err error) error {
	return inPath("/"+string(name), err)
}

func inPath(step string, err error) error {
	var fe *fieldError
	if errors.As(err, &fe) {
		fe.path = step + fe.path
		return err
	}
	return &fieldError{path: step, err: err}
}

// Null reads a null if one comes next and reports whether it did.
func Null(dec *jsontext.Decoder) (bool, error) {
	if dec.PeekKind() != 'n' {
		return false, nil
	}
	_, err := dec.ReadToken()
	return true, err
}

// StrValue decodes a lenient string.
func StrValue[T ~string](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	*v = T(s.asString())
	return err
}

// IntValue decodes a lenient integer.
func IntValue[T ~int | ~int8 | ~int16 | ~int32 | ~int64](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	n, err := s.asInt(int(unsafe.Sizeof(*v)) * 8)
	*v = T(n)
	return err
}

// UintValue decodes a lenient unsigned integer.
func UintValue[T ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	n, err := s.asUint(int(unsafe.Sizeof(*v)) * 8)
	*v = T(n)
	return err
}

// FloatValue decodes a lenient floating-point number.
func FloatValue[T ~float32 | ~float64](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	f, err := s.asFloat()
	*v = T(f)
	return err
}

// BoolValue decodes a lenient boolean.
func BoolValue[T ~bool](dec *jsontext.Decoder, v *T) error {
	s, err := readScalar(dec)
	if err != nil {
		return err
	}
	b, err := s.asBool()
	*v = T(b)
	return err
}

// TimeValue decodes a time in any form the API sends.
func TimeValue(dec *jsontext.Decoder, v *time.Time) error { return unmarshalTime(dec, v) }

// DurationValue decodes a duration in any form the API sends.
func DurationValue(dec *jsontext.Decoder, v *time.Duration) error { return unmarshalDuration(dec, v) }

// RawValue keeps a value's JSON text as it came, null included, the way
// encoding/json's RawMessage does.
func RawValue[T ~[]byte](dec *jsontext.Decoder, v *T) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	*v = append((*v)[:0], raw...)
	return nil
}

// SliceValue decodes a list, element by element with elem. [] gives an
// empty list, null and "" a nil one.
func SliceValue[T any](dec *jsontext.Decoder, v *[]T, elem func(*jsontext.Decoder, *T) error) error {
	shape, text, err := OpenArray(dec)
	switch {
	case err != nil:
		return err
	case shape == Empty:
		*v = nil
		return nil
	case shape == Text:
		*v = nil
		return DecodeText(text, func(dec *jsontext.Decoder) error { return SliceValue(dec, v, elem) })
	}
	s := (*v)[:0]
	if s == nil {
		s = []T{}
	}
	for {
		more, err := More(dec)
		if err != nil || !more {
			*v = s
			return err
		}
		var zero T
		s = append(s, zero)
		if err := elem(dec, &s[len(s)-1]); err != nil {
			*v = s
			return inPath("/"+strconv.Itoa(len(s)-1), err)
		}
	}
}

// MapValue decodes an object into a map, value by value with elem.
func MapValue[K ~string, V any](dec *jsontext.Decoder, v *map[K]V, elem func(*jsontext.Decoder, *V) error) error {
	shape, text, err := OpenObject(dec)
	switch {
	case err != nil:
		return err
	case shape == Empty:
		*v = nil
		return nil
	case shape == Text:
		*v = nil
		return DecodeText(text, func(dec *jsontext.Decoder) error { return MapValue(dec, v, elem) })
	}
	if *v == nil {
		*v = map[K]V{}
	}
	for {
		more, err := More(dec)
		if err != nil || !more {
			return err
		}
		name, err := Name(dec)
		if err != nil {
			return err
		}
		key := K(name)
		val := (*v)[key]
		if err := elem(dec, &val); err != nil {
			return InField(name, err)
		}
		(*v)[key] = val
	}
}

// Fallback decodes a value of a type with no generated decoder through the
// registered lenient decoders of ts.
func Fallback(dec *jsontext.Decoder, ts *Types, v any) error {
	return json.UnmarshalDecode(dec, v, ts.options)
}
