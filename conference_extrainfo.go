package quanshi

import (
	"bytes"
	"errors"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// conferenceExtraInfoFields is ConferenceExtraInfo without its decoder: the
// object form's members.
type conferenceExtraInfoFields ConferenceExtraInfo

// unmarshalFrom reads every form of extraInfo the pages give (registered in
// lenient.go; the generated decoders hand the type to it): an object (or
// null, "", []) by its members, a string holding a JSON object by that
// object's members, and any other string as Text (seed 001 §5's table types
// extraInfo as a String).
func (x *ConferenceExtraInfo) unmarshalFrom(dec *jsontext.Decoder) error {
	switch dec.PeekKind() {
	case '[':
		raw, err := dec.ReadValue()
		if err == nil && len(bytes.Trim(raw, "[] \t\r\n")) > 0 {
			err = errors.New("got a non-empty JSON array where extraInfo belongs")
		}
		return err // [] is empty: it never overwrites a value
	case '"':
	default:
		return json.UnmarshalDecode(dec, (*conferenceExtraInfoFields)(x), dec.Options())
	}
	var s string
	if err := json.UnmarshalDecode(dec, &s); err != nil {
		return err
	}
	text := bytes.TrimSpace([]byte(s))
	switch {
	case len(text) == 0 || string(text) == "null" || string(text) == "{}":
		return nil // empty: never overwrites a value
	case text[0] == '{' && jsontext.Value(text).IsValid():
		*x = ConferenceExtraInfo{}
		return json.Unmarshal(text, (*conferenceExtraInfoFields)(x), dec.Options())
	}
	*x = ConferenceExtraInfo{Text: s}
	return nil
}
