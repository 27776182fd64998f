package quanshi

import (
	"bytes"
	"errors"
	"slices"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// formField is one name=value pair of a form body. The bytes are views
// into the JSON text the form is made from (or the credentials'), read
// before that text is dropped.
type formField struct{ name, value []byte }

// formFields are a form body's fields.
type formFields []formField

// has reports whether a field is named name.
func (fs formFields) has(name []byte) bool {
	return slices.ContainsFunc(fs, func(f formField) bool { return bytes.Equal(f.name, name) })
}

// encode writes the fields, in their order, as
// application/x-www-form-urlencoded, escaping as url.QueryEscape does.
func (fs formFields) encode() []byte {
	size := 0
	for _, f := range fs {
		size += escapedLen(f.name) + escapedLen(f.value) + 2
	}
	buf := make([]byte, 0, size)
	for i, f := range fs {
		if i > 0 {
			buf = append(buf, '&')
		}
		buf = appendQueryEscape(buf, f.name)
		buf = append(buf, '=')
		buf = appendQueryEscape(buf, f.value)
	}
	return buf
}

// queryKeeps reports whether url.QueryEscape leaves c as it is.
func queryKeeps(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~'
}

// escapedLen is the length of b escaped by appendQueryEscape.
func escapedLen(b []byte) int {
	n := len(b)
	for _, c := range b {
		if !queryKeeps(c) && c != ' ' {
			n += 2
		}
	}
	return n
}

// appendQueryEscape appends b escaped as url.QueryEscape escapes a string,
// with no string made on the way.
func appendQueryEscape(dst, b []byte) []byte {
	const hex = "0123456789ABCDEF"
	for _, c := range b {
		switch {
		case queryKeeps(c):
			dst = append(dst, c)
		case c == ' ':
			dst = append(dst, '+')
		default:
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
	}
	return dst
}

// encodeForm turns a request already encoded as a flat JSON object into an
// application/x-www-form-urlencoded body, then adds umeeting's api_key and
// api_secret. Encoding through JSON first means form requests use the same
// json tags, omitzero rules and time forms as every other request.
// Strings are sent as they are, numbers as their literal, booleans as
// "true"/"false"; null members are left out; a nested object or array is
// sent as its JSON text. Keys come out sorted.
func encodeForm(op Operation, jsonBody []byte, creds formFields) ([]byte, error) {
	fields, err := flattenObject(jsonBody, len(creds))
	if err != nil {
		return nil, &ValidationError{Operation: op.String(), Reason: "the request must encode as a flat JSON object: " + err.Error()}
	}
	// The credentials replace any member of the request with the same name.
	fields = slices.DeleteFunc(fields, func(f formField) bool { return creds.has(f.name) })
	fields = append(fields, creds...)
	// Sorted by name, as url.Values.Encode sends them.
	slices.SortStableFunc(fields, func(a, b formField) int { return bytes.Compare(a.name, b.name) })
	return fields.encode(), nil
}

// formReader is a reusable JSON decoder over a byte slice. Reading from a
// bytes.Buffer, the decoder parses the slice in place: the values it
// returns are views into it, not into a buffer of its own.
type formReader struct {
	src bytes.Buffer
	dec jsontext.Decoder
}

// formReaders recycles formReaders: a decoder is large to allocate per call.
var formReaders = sync.Pool{New: func() any { return new(formReader) }}

// reading returns a pooled reader over data; done returns it.
func reading(data []byte) *formReader {
	r := formReaders.Get().(*formReader)
	r.src = *bytes.NewBuffer(data)
	// The object is the SDK's own encoding: its names are already unique.
	r.dec.Reset(&r.src, jsontext.AllowDuplicateNames(true))
	return r
}

// done drops the reader's view of its data and recycles it.
func (r *formReader) done() {
	r.src = bytes.Buffer{}
	r.dec.Reset(&r.src)
	formReaders.Put(r)
}

// flattenObject reads a JSON object's top-level members as form fields,
// leaving room for extra more. The fields are views into data.
func flattenObject(data []byte, extra int) (formFields, error) {
	r := reading(data)
	defer r.done()
	tok, err := r.dec.ReadToken()
	if err != nil {
		return nil, err
	}
	if tok.Kind() != '{' {
		return nil, errNotObject
	}
	fields := make(formFields, 0, 8+extra)
	for r.dec.PeekKind() != '}' {
		f, keep, err := readFormField(&r.dec)
		if err != nil {
			return nil, err
		}
		if keep {
			fields = append(fields, f)
		}
	}
	return fields, nil
}

// readFormField reads one object member as a form field; keep is false for
// a null member, which a form leaves out.
func readFormField(dec *jsontext.Decoder) (f formField, keep bool, err error) {
	name, err := dec.ReadValue() // a member name reads as a string value
	if err != nil {
		return f, false, err
	}
	if f.name, err = unquote(name); err != nil {
		return f, false, err
	}
	raw, err := dec.ReadValue()
	if err != nil {
		return f, false, err
	}
	switch raw.Kind() {
	case 'n':
		return f, false, nil
	case '"':
		f.value, err = unquote(raw)
		return f, err == nil, err
	default:
		f.value = raw
		return f, true, nil
	}
}

// unquote returns a JSON string's content: a view into raw when it has no
// escape, else a copy.
func unquote(raw jsontext.Value) ([]byte, error) {
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1], nil
	}
	return jsontext.AppendUnquote(nil, raw)
}

// errNotObject is returned when a form request is not a JSON object.
var errNotObject = errors.New("not a JSON object")
