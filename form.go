package quanshi

import (
	"bytes"
	"errors"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// formField is one name=value pair of a form body.
type formField struct{ name, value string }

// formFields are a form body's fields.
type formFields []formField

// has reports whether a field is named name.
func (fs formFields) has(name string) bool {
	return slices.ContainsFunc(fs, func(f formField) bool { return f.name == name })
}

// encode writes the fields, in their order, as
// application/x-www-form-urlencoded.
func (fs formFields) encode() []byte {
	size := 0
	for _, f := range fs {
		size += len(f.name) + len(f.value) + 2
	}
	buf := make([]byte, 0, size+size/2)
	for i, f := range fs {
		if i > 0 {
			buf = append(buf, '&')
		}
		buf = append(buf, url.QueryEscape(f.name)...)
		buf = append(buf, '=')
		buf = append(buf, url.QueryEscape(f.value)...)
	}
	return buf
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
	slices.SortStableFunc(fields, func(a, b formField) int { return strings.Compare(a.name, b.name) })
	return fields.encode(), nil
}

// umeetingForm returns the credential fields as form fields.
func umeetingForm(apiKey, apiSecret string) (formFields, error) {
	data, err := encodeJSON(umeetingCredentials{APIKey: apiKey, APISecret: apiSecret})
	if err != nil {
		return nil, err
	}
	return flattenObject(data, 0)
}

// umeetingCredentials are the form fields every umeeting call carries.
type umeetingCredentials struct {
	APIKey    string `json:"api_key"`
	APISecret string `json:"api_secret"`
}

// formReader is a reusable JSON decoder over a byte slice.
type formReader struct {
	src bytes.Reader
	dec jsontext.Decoder
}

// formReaders recycles formReaders: a decoder is large to allocate per call.
var formReaders = sync.Pool{New: func() any { return new(formReader) }}

// flattenObject reads a JSON object's top-level members as form fields,
// leaving room for extra more.
func flattenObject(data []byte, extra int) (formFields, error) {
	r := formReaders.Get().(*formReader)
	defer formReaders.Put(r)
	defer r.src.Reset(nil) // drop the reference to data
	r.src.Reset(data)
	// The object is the SDK's own encoding: its names are already unique.
	r.dec.Reset(&r.src, jsontext.AllowDuplicateNames(true))
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
	nameTok, err := dec.ReadToken()
	if err != nil {
		return f, false, err
	}
	f.name = nameTok.String() // read before the decoder moves on
	raw, err := dec.ReadValue()
	if err != nil {
		return f, false, err
	}
	switch raw.Kind() {
	case 'n':
		return f, false, nil
	case '"':
		s, err := jsontext.AppendUnquote(nil, raw)
		f.value = string(s)
		return f, err == nil, err
	default:
		f.value = string(raw)
		return f, true, nil
	}
}

// errNotObject is returned when a form request is not a JSON object.
var errNotObject = errors.New("not a JSON object")
