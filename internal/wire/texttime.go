package wire

import (
	"bytes"
	"errors"
	"time"
)

// ErrUnixInTextTime: a number (or numeric string) in a field whose page gives
// it as a formatted time ("yyyy-MM-dd HH:mm:ss"). Reading it as Unix seconds
// there would be a guess, so it is an error; it names no value (the decoder
// adds the field's path). Only the generated decoders of fields tagged
// `time:"text"` return it: the registered decoders see no field tags and
// read every time by TimeValue's rule.
var ErrUnixInTextTime = errors.New("a number where the docs give a formatted time: only an 8-digit YYYYMMDD date or 0 is read as a time here")

// TextTimeValue decodes a time whose page gives it as text: a formatted
// string (wall clock, date, RFC 3339), "0", "", null or "0000-00-00…" as the
// zero time, an 8-digit YYYYMMDD date; any other number or numeric string
// (a Unix time included) is an error. TimeValue is the rule for the fields
// the pages give as timestamps.
func TextTimeValue(dec *Dec, v *time.Time) error {
	s, err := readScalar(dec.Decoder)
	if err != nil || s.empty() { // null and "" never overwrite a value
		return err
	}
	*v, err = parseScalarTextTime(s)
	return err
}

// parseScalarTextTime is parseScalarTime without the Unix forms.
func parseScalarTextTime(s scalar) (time.Time, error) {
	switch s.kind {
	case '0':
		return textNumericTime(s.text)
	case '"':
		if t, ok := parseWallClockFast(s.text); ok {
			return t, nil
		}
		if t, ok := parseRFC3339Fast(s.text); ok {
			return t, nil
		}
		if trimmed := bytes.TrimSpace(s.text); len(trimmed) > 0 && (trimmed[0] == '-' || trimmed[0] >= '0' && trimmed[0] <= '9') {
			if _, ok := parseDecimal(trimmed); ok {
				return textNumericTime(trimmed)
			}
		}
	}
	return parseScalarTime(s)
}

// textNumericTime reads a number in a text-time field: 0 is the zero time,
// eight digits a YYYYMMDD date, anything else ErrUnixInTextTime.
func textNumericTime(text []byte) (time.Time, error) {
	n, ok := parseDecimal(text)
	switch {
	case ok && n == 0:
		return time.Time{}, nil
	case ok && n > 0 && len(text) == 8:
		return yyyymmdd(n)
	default:
		return time.Time{}, ErrUnixInTextTime
	}
}
