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

// Dec is what generated decoders read from: a decoder, and the arena their
// short strings are cut from.
type Dec struct {
	*jsontext.Decoder
	// chunk is the arena: strings are cut from its free end and its bytes
	// are never written again, so it is kept across decodes.
	chunk []byte
	// Skipped are the members keyed maps left out (KeyedMapValue), for the
	// caller to report; nil until one is. Read it before the decode
	// function returns.
	Skipped []Odd
	// SetAside, set by the caller of Decode before it decodes, lets Member
	// set aside a member whose value was read whole but did not convert
	// (see Member); SetAsideMembers lists them. Decode clears both.
	SetAside        bool
	SetAsideMembers []Odd
	// src is the text Decode reads; nameEnd and nameDepth are where the
	// latest member name ended and the depth it was read at (kept only when
	// SetAside is on).
	src       []byte
	nameEnd   int64
	nameDepth int
	// spare are values free for reuse by KeyedMapValue (see scratch), each
	// a pointer to a zero value; kept across decodes.
	spare []any
}

const (
	// firstCap is the capacity a decoded list starts with.
	firstCap  = 4
	chunkSize = 8 << 10
	// arenaMax is the longest string cut from the arena: a longer one gains
	// little from it and would pin a chunk too big for it.
	arenaMax = 128
)

// str returns b as a string. A short one is cut from the arena, which
// saves an allocation per string; a string kept after the rest of a
// decoded value is dropped keeps its chunk (at most chunkSize) alive.
func (d *Dec) str(b []byte) string {
	n := len(b)
	if n == 0 {
		return ""
	}
	if n > arenaMax {
		return string(b)
	}
	if cap(d.chunk)-len(d.chunk) < n {
		d.chunk = make([]byte, 0, chunkSize)
	}
	start := len(d.chunk)
	d.chunk = append(d.chunk, b...)
	return unsafe.String(&d.chunk[start], n)
}

// bytes returns a copy of a short b cut from the arena, its capacity
// its length so that an append by its owner reallocates.
func (d *Dec) bytes(b []byte) []byte {
	if cap(d.chunk)-len(d.chunk) < len(b) {
		d.chunk = make([]byte, 0, chunkSize)
	}
	start := len(d.chunk)
	d.chunk = append(d.chunk, b...)
	return d.chunk[start:len(d.chunk):len(d.chunk)]
}

// pooledDecoder is a decoder with the buffer it reads from: a bytes.Buffer
// lets the decoder parse the input in place, without copying it.
type pooledDecoder struct {
	dec jsontext.Decoder
	buf bytes.Buffer
	d   Dec
}

var decoders = sync.Pool{New: func() any { return new(pooledDecoder) }}

// Decode runs decode on a decoder reading data, which must hold exactly one
// JSON value.
func Decode(data []byte, decode func(*Dec) error) error {
	p := decoders.Get().(*pooledDecoder)
	p.buf = *bytes.NewBuffer(data)
	p.dec.Reset(&p.buf, decoderOptions)
	p.d.Decoder = &p.dec
	p.d.Skipped, p.d.SetAside, p.d.SetAsideMembers, p.d.src = nil, false, nil, data
	err := decode(&p.d)
	if err == nil {
		if _, end := p.dec.ReadToken(); end != io.EOF {
			err = fmt.Errorf("unexpected data after the JSON value (%v)", end)
		}
	}
	p.buf, p.d.src = bytes.Buffer{}, nil
	p.dec.Reset(&p.buf) // drops the decoder's view of data
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
func OpenObject(dec *Dec) (shape Shape, text []byte, err error) {
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
func OpenArray(dec *Dec) (shape Shape, text []byte, err error) {
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
func kindError(dec *Dec, want string) error {
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
func stringComposite(dec *Dec, open byte) (Shape, []byte, error) {
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

// DecodeText decodes JSON text found inside a string read from outer; the
// members its keyed maps skip join outer's.
func DecodeText(outer *Dec, text []byte, decode func(*Dec) error) error {
	return Decode(text, func(inner *Dec) error {
		err := decode(inner)
		outer.Skipped = append(outer.Skipped, inner.Skipped...)
		return err
	})
}

// Name reads an object member's name. The bytes are valid until the next read.
func Name(dec *Dec) ([]byte, error) {
	raw, err := dec.ReadValue()
	if err != nil {
		return nil, err
	}
	if dec.SetAside {
		dec.nameEnd, dec.nameDepth = dec.InputOffset(), dec.StackDepth()
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1], nil
	}
	return jsontext.AppendUnquote(nil, raw)
}

// More reports whether a member or element follows; at the end it reads
// the closing '}' or ']'.
func More(dec *Dec) (bool, error) {
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

// Member is what a generated decoder returns when the value of its member
// name failed with err: err with the member's name in its path, or, with
// SetAside on, nil after recording the member in SetAsideMembers, so that
// decoding goes on with the next member and the field keeps its zero
// value. Only a value that was read whole and did not convert (a scalar of
// the wrong form: "7" for a time) is set aside here; a syntax error, an
// error deeper in the value (it names its own path) or a value left half
// read is returned, for the caller to set aside by other means (NullAt).
func (d *Dec) Member(name []byte, err error) error {
	if !d.SetAside || !d.readWhole(err) {
		return InField(name, err)
	}
	text := bytes.TrimLeft(d.src[d.nameEnd:d.InputOffset()], " \t\r\n:")
	d.SetAsideMembers = append(d.SetAsideMembers, Odd{Pointer: d.StackPointer(), Text: valueText(text)})
	return nil
}

// readWhole reports whether the value whose reading ended in err was read
// whole by this decoder, at the level of the member name read last, and
// err is about its content, not its syntax.
func (d *Dec) readWhole(err error) bool {
	switch {
	case d.src == nil || found[*fieldError](err) || found[*jsontext.SyntacticError](err) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return false
	}
	end := d.InputOffset()
	return d.StackDepth() == d.nameDepth && end > d.nameEnd && end <= int64(len(d.src))
}

// Find returns the first error in err's tree (depth first, as errors.As
// walks it) that is a T. It is errors.As for a pointer type without As's
// target, which escapes to the heap on every call, even one that finds
// nothing.
func Find[T error](err error) (T, bool) {
	for err != nil {
		if t, ok := err.(T); ok {
			return t, true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if t, ok := Find[T](e); ok {
					return t, true
				}
			}
			return *new(T), false
		default:
			return *new(T), false
		}
	}
	return *new(T), false
}

// found reports whether err's tree holds a T.
func found[T error](err error) bool {
	_, ok := Find[T](err)
	return ok
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
	if fe, ok := Find[*fieldError](err); ok {
		fe.path = step + fe.path
		return err
	}
	return &fieldError{path: step, err: err}
}

// Null reads a null if one comes next and reports whether it did.
func Null(dec *Dec) (bool, error) {
	if dec.PeekKind() != 'n' {
		return false, nil
	}
	_, err := dec.ReadToken()
	return true, err
}

// StrValue decodes a lenient string.
func StrValue[T ~string](dec *Dec, v *T) error {
	s, err := readScalar(dec.Decoder)
	if err == nil && !s.empty() { // null and "" never overwrite a value
		*v = T(dec.str(s.text))
	}
	return err
}

// IntValue decodes a lenient integer.
func IntValue[T ~int | ~int8 | ~int16 | ~int32 | ~int64](dec *Dec, v *T) error {
	return intInto(dec.Decoder, v)
}

// EnumValue decodes a lenient integer enum whose "" and null are unknown
// (see Enum).
func EnumValue[T ~int | ~int8 | ~int16 | ~int32 | ~int64](dec *Dec, v *T, unknown T) error {
	return enumInto(dec.Decoder, v, unknown)
}

// UintValue decodes a lenient unsigned integer.
func UintValue[T ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64](dec *Dec, v *T) error {
	return uintInto(dec.Decoder, v)
}

// FloatValue decodes a lenient floating-point number.
func FloatValue[T ~float32 | ~float64](dec *Dec, v *T) error { return floatInto(dec.Decoder, v) }

// BoolValue decodes a lenient boolean.
func BoolValue[T ~bool](dec *Dec, v *T) error { return boolInto(dec.Decoder, v) }

// TimeValue decodes a time in any form the API sends.
func TimeValue(dec *Dec, v *time.Time) error { return unmarshalTime(dec.Decoder, v) }

// DurationValue decodes a duration in any form the API sends.
func DurationValue(dec *Dec, v *time.Duration) error { return unmarshalDuration(dec.Decoder, v) }

// RawValue keeps a value's JSON text as it came, null included, the way
// encoding/json's RawMessage does.
func RawValue[T ~[]byte](dec *Dec, v *T) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if len(raw) > arenaMax {
		*v = append((*v)[:0], raw...)
		return nil
	}
	*v = T(dec.bytes(raw))
	return nil
}

// SliceValue decodes a list, element by element with elem. [] gives an
// empty list, null and "" a nil one.
func SliceValue[T any](dec *Dec, v *[]T, elem func(*Dec, *T) error) error {
	shape, text, err := OpenArray(dec)
	switch {
	case err != nil:
		return err
	case shape == Empty:
		if len(*v) == 0 { // an empty list never overwrites one (seed 001 §10 repeats "invitees")
			*v = nil
		}
		return nil
	case shape == Text:
		return DecodeText(dec, text, func(dec *Dec) error { return SliceValue(dec, v, elem) })
	}
	s := (*v)[:0]
	if s == nil {
		s = []T{}
	}
	for {
		more, err := More(dec)
		if err != nil || !more {
			if len(s) > 0 || len(*v) == 0 { // [] never overwrites a list
				*v = s
			}
			return err
		}
		if cap(s) == 0 {
			s = make([]T, 0, firstCap) // a short list needs one allocation, not three
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
func MapValue[K ~string, V any](dec *Dec, v *map[K]V, elem func(*Dec, *V) error) error {
	return KeyedMapValue(dec, v, elem, nil)
}

// Fallback decodes a value of a type with no generated decoder through the
// registered lenient decoders of ts.
func Fallback(dec *Dec, ts *Types, v any) error {
	return json.UnmarshalDecode(dec.Decoder, v, ts.options)
}

// FieldPath returns the JSON pointer of the member a generated decoder's
// error is about ("/meetinginfo/eventId"), if err names one.
func FieldPath(err error) (jsontext.Pointer, bool) {
	fe, ok := Find[*fieldError](err)
	if !ok {
		return "", false
	}
	return jsontext.Pointer(fe.path), true
}
