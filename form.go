package quanshi

import (
	"bytes"
	"errors"
	"net/url"

	"github.com/go-json-experiment/json/jsontext"
)

// encodeForm turns a request already encoded as a flat JSON object into an
// application/x-www-form-urlencoded body, then adds umeeting's api_key and
// api_secret. Encoding through JSON first means form requests use the same
// json tags, omitzero rules and time forms as every other request.
// Strings are sent as they are, numbers as their literal, booleans as
// "true"/"false"; null members are left out; a nested object or array is
// sent as its JSON text. Keys come out sorted.
func encodeForm(op Operation, jsonBody []byte, creds url.Values) ([]byte, error) {
	values, err := flattenObject(jsonBody)
	if err != nil {
		return nil, &ValidationError{Operation: op.String(), Reason: "the request must encode as a flat JSON object: " + err.Error()}
	}
	for k, v := range creds {
		values[k] = v // replaces any member of the request with the same name
	}
	return []byte(values.Encode()), nil
}

// umeetingForm returns the credential fields as form values.
func umeetingForm(apiKey, apiSecret string) (url.Values, error) {
	data, err := encodeJSON(umeetingCredentials{APIKey: apiKey, APISecret: apiSecret})
	if err != nil {
		return nil, err
	}
	return flattenObject(data)
}

// umeetingCredentials are the form fields every umeeting call carries.
type umeetingCredentials struct {
	APIKey    string `json:"api_key"`
	APISecret string `json:"api_secret"`
}

// flattenObject reads a JSON object's top-level members as form values.
func flattenObject(data []byte) (url.Values, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(data))
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	if tok.Kind() != '{' {
		return nil, errNotObject
	}
	values := url.Values{}
	for dec.PeekKind() != '}' {
		nameTok, err := dec.ReadToken()
		if err != nil {
			return nil, err
		}
		name := nameTok.String() // read before the decoder moves on
		raw, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		switch raw.Kind() {
		case 'n':
			continue
		case '"':
			s, err := jsontext.AppendUnquote(nil, raw)
			if err != nil {
				return nil, err
			}
			values.Add(name, string(s))
		default:
			values.Add(name, string(raw))
		}
	}
	return values, nil
}

// errNotObject is returned when a form request is not a JSON object.
var errNotObject = errors.New("not a JSON object")
