package wire

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// Beijing is the fixed UTC+8 zone (China has no daylight saving time) in which
// the API's wall-clock strings such as "2020-09-07 20:00:00" are read and
// written. It is a fixed zone so that the SDK never depends on the machine's
// tzdata or on time.Local. Every time.Time the SDK decodes is in this zone.
var Beijing = time.FixedZone("UTC+8", 8*60*60)

const (
	wallClockLayout = "2006-01-02 15:04:05"
	dateLayout      = "2006-01-02"
)

// A number (or numeric string) is a time only in the forms the API's pages
// give: 10 digits of Unix seconds, 13 digits of Unix milliseconds, or 8
// digits of a YYYYMMDD date ("20170819", midnight Beijing), and a Unix time
// only between these instants. Anything else ("7", the umeeting schedule
// example's start_time; a negative number) is no time, and reading it would
// invent a date in 1970.
var (
	plausibleFrom  = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	plausibleUntil = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// timeLayouts are the zone-less forms the API sends, read as Beijing time.
// The unpadded ones read the umeeting statistics pages' "2017-8-31".
var timeLayouts = []string{
	wallClockLayout,
	"2006-01-02 15:04",
	dateLayout,
	"2006-1-2 15:04:05",
	"2006-1-2",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2006-01-02T15:04:05",
}

// FormatWallClock formats t as the API's wall-clock string in Beijing time,
// for example "2020-09-07 20:00:00", whatever t's location or time.Local is.
func FormatWallClock(t time.Time) string {
	return t.In(Beijing).Format(wallClockLayout)
}

// FormatDate formats t as a date-only string ("2018-12-30") of its Beijing day.
func FormatDate(t time.Time) string {
	return t.In(Beijing).Format(dateLayout)
}

// ParseTime reads any time form the API sends: a Beijing wall-clock string,
// a date-only string (midnight Beijing), RFC 3339, or Unix seconds or
// milliseconds given as a number or a numeric string (told apart by
// magnitude: 10 digits are seconds, 13 milliseconds), or an 8-digit
// YYYYMMDD date. "", "0" and "0000-00-00 00:00:00" give the zero time. Any
// other number ("7", "-5", a Unix time outside 1990–2099) is an error, never
// a date in 1970. A non-zero result is in the Beijing zone.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" || strings.HasPrefix(s, "0000-00-00") {
		return time.Time{}, nil
	}
	if n, ok := parseDecimal([]byte(s)); ok {
		return numericTime(n, len(s))
	}
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, s, Beijing); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.In(Beijing), nil
	}
	return time.Time{}, fmt.Errorf("unrecognised time %q", s)
}

// errNotATime: a number that is none of the time forms the API sends. It
// names no value: the decoder adds the field's path.
var errNotATime = errors.New("a number that is no time: neither Unix seconds (10 digits) or milliseconds (13 digits) between 1990 and 2099 nor a YYYYMMDD date")

// numericTime reads the integer n, written with digits characters (its
// sign included), as a time: 0 is the zero time; 10 digits Unix seconds, 13
// Unix milliseconds (between 1990 and 2099), 8 a YYYYMMDD date; anything else
// an error.
func numericTime(n int64, digits int) (time.Time, error) {
	var t time.Time
	switch {
	case n == 0:
		return time.Time{}, nil
	case n < 0:
		return time.Time{}, errNotATime
	case digits == 8:
		return yyyymmdd(n)
	case digits == 10:
		t = time.Unix(n, 0)
	case digits == 13:
		t = time.UnixMilli(n)
	default:
		return time.Time{}, errNotATime
	}
	if t.Before(plausibleFrom) || !t.Before(plausibleUntil) {
		return time.Time{}, errNotATime
	}
	return t.In(Beijing), nil
}

// yyyymmdd reads 20170819 as midnight of that Beijing day; an impossible
// date (20171332) is an error.
func yyyymmdd(n int64) (time.Time, error) {
	year, month, day := int(n/10000), int(n/100%100), int(n%100)
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, Beijing)
	if month < 1 || month > 12 || t.Day() != day || year < 1900 {
		return time.Time{}, errNotATime
	}
	return t, nil
}

func parseScalarTime(s scalar) (time.Time, error) {
	switch s.kind {
	case 'n', 'f':
		return time.Time{}, nil
	case '0':
		if n, ok := parseDecimal(s.text); ok {
			return numericTime(n, len(s.text))
		}
		return fractionalTime(s.text)
	case '"':
		if t, ok := parseWallClockFast(s.text); ok {
			return t, nil
		}
		if t, ok := parseRFC3339Fast(s.text); ok {
			return t, nil
		}
		return ParseTime(string(s.text))
	default:
		return time.Time{}, fmt.Errorf("%s is not a time", s.quoted())
	}
}

// fractionalTime reads a JSON number with a fraction or an exponent as
// Unix seconds or milliseconds, by the digits of its integer part.
func fractionalTime(text []byte) (time.Time, error) {
	f, err := parseNumber(text)
	if err != nil || f < 0 || f >= 1e18 {
		return time.Time{}, errNotATime
	}
	n := int64(f)
	return numericTime(n, len(strconv.FormatInt(n, 10)))
}

// parseWallClockFast reads the two forms that make up nearly every time the
// API sends, "2006-01-02 15:04:05" and "2006-01-02", straight from bytes.
// It reports false for anything else (and for out-of-range fields), leaving
// it to ParseTime.
func parseWallClockFast(b []byte) (time.Time, bool) {
	if len(b) != len(wallClockLayout) && len(b) != len(dateLayout) {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	if b[4] != '-' || b[7] != '-' {
		return time.Time{}, false
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	hour, minute, sec := 0, 0, 0
	if len(b) == len(wallClockLayout) {
		if b[10] != ' ' || b[13] != ':' || b[16] != ':' {
			return time.Time{}, false
		}
		hour, minute, sec = num(11, 2), num(14, 2), num(17, 2)
	}
	if year <= 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, Beijing)
	if t.Day() != day { // the 31st of a 30-day month, and so on
		return time.Time{}, false
	}
	return t, true
}

// parseRFC3339Fast reads "2006-01-02T15:04:05" followed by "Z" or a
// "+hh:mm" offset, the form the umeeting API sends, straight from bytes
// (ParseTime would first fail on every zone-less layout, allocating an
// error each time). Anything else reports false.
func parseRFC3339Fast(b []byte) (time.Time, bool) {
	const n = len("2006-01-02T15:04:05")
	if len(b) <= n || b[10] != 'T' {
		return time.Time{}, false
	}
	var wall [n]byte
	copy(wall[:], b[:n])
	wall[10] = ' '
	t, ok := parseWallClockFast(wall[:])
	if !ok {
		return time.Time{}, false
	}
	offset := 0
	switch zone := b[n:]; {
	case len(zone) == 1 && zone[0] == 'Z':
	case len(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':':
		h, m := twoDigits(zone[1:3]), twoDigits(zone[4:6])
		if h < 0 || m < 0 || h > 23 || m > 59 {
			return time.Time{}, false
		}
		offset = (h*60 + m) * 60
		if zone[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	// t holds the fields as Beijing time; shift them to the sent zone.
	return t.Add(time.Duration(8*3600-offset) * time.Second), true
}

func twoDigits(b []byte) int {
	if b[0] < '0' || b[0] > '9' || b[1] < '0' || b[1] > '9' {
		return -1
	}
	return int(b[0]-'0')*10 + int(b[1]-'0')
}

// parseClockFast reads "hh:mm:ss" and "mm:ss" (two-digit minutes and
// seconds, any number of hour digits) straight from bytes.
func parseClockFast(b []byte) (time.Duration, bool) {
	var total, part int64
	fields, digits := 1, 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			part = part*10 + int64(c-'0')
			digits++
		case c == ':' && digits > 0 && fields < 3:
			total, part, digits = total*60+part, 0, 0
			fields++
		default:
			return 0, false
		}
		if fields > 1 && (digits > 2 || part > 59) {
			return 0, false
		}
	}
	if fields == 1 || digits == 0 {
		return 0, false
	}
	return time.Duration(total*60+part) * time.Second, true
}

// ParseDuration reads the duration forms the API sends: "hh:mm:ss",
// "mm:ss", a plain number of seconds (number or numeric string), or a Go
// duration string such as "1h30m". "" gives zero.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Duration(n * float64(time.Second)), nil
	}
	if strings.Contains(s, ":") {
		return parseClockDuration(s)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("unrecognised duration %q", s)
	}
	return d, nil
}

// parseClockDuration reads "hh:mm:ss" or "mm:ss" (hours may exceed 24).
func parseClockDuration(s string) (time.Duration, error) {
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, fmt.Errorf("unrecognised duration %q", s)
	}
	var total time.Duration
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 32)
		if err != nil || (i > 0 && n > 59) {
			return 0, fmt.Errorf("unrecognised duration %q", s)
		}
		total = total*60 + time.Duration(n)
	}
	return total * time.Second, nil
}

func parseScalarDuration(s scalar) (time.Duration, error) {
	switch s.kind {
	case 'n', 'f':
		return 0, nil
	case '0', '"':
		if d, ok := parseClockFast(s.text); ok {
			return d, nil
		}
		if n, ok := parseDecimal(s.text); ok {
			return time.Duration(n) * time.Second, nil
		}
		return ParseDuration(string(s.text))
	default:
		return 0, fmt.Errorf("%s is not a duration", s.quoted())
	}
}

// Request-side time forms: a time.Time converted to one of these encodes the
// way an endpoint wants it; the zero time is "not set" and is omitted by
// omitzero.

// WallClock encodes as a Beijing wall-clock string.
type WallClock time.Time

// DateOnly encodes as a Beijing date string.
type DateOnly time.Time

// UnixSeconds encodes as a Unix-seconds number.
type UnixSeconds time.Time

// IsZero reports an unset time.
func (t WallClock) IsZero() bool { return time.Time(t).IsZero() }

// IsZero reports an unset time.
func (t DateOnly) IsZero() bool { return time.Time(t).IsZero() }

// IsZero reports an unset time.
func (t UnixSeconds) IsZero() bool { return time.Time(t).IsZero() }

// ErrYearRange: a request time whose Beijing year is outside 1970–9999, which
// no endpoint can mean (the API's times are Unix times or four-digit years).
var ErrYearRange = errors.New("the year is outside 1970-9999")

// checkYear refuses a set time outside ErrYearRange's years.
func checkYear(t time.Time) error {
	if y := t.In(Beijing).Year(); !t.IsZero() && (y < 1970 || y > 9999) {
		return ErrYearRange
	}
	return nil
}

// MarshalJSONTo writes "2006-01-02 15:04:05" in Beijing time.
func (t WallClock) MarshalJSONTo(enc *jsontext.Encoder) error {
	if err := checkYear(time.Time(t)); err != nil {
		return err
	}
	return enc.WriteToken(jsontext.String(FormatWallClock(time.Time(t))))
}

// MarshalJSONTo writes "2006-01-02" of the Beijing day.
func (t DateOnly) MarshalJSONTo(enc *jsontext.Encoder) error {
	if err := checkYear(time.Time(t)); err != nil {
		return err
	}
	return enc.WriteToken(jsontext.String(FormatDate(time.Time(t))))
}

// MarshalJSONTo writes Unix seconds.
func (t UnixSeconds) MarshalJSONTo(enc *jsontext.Encoder) error {
	if err := checkYear(time.Time(t)); err != nil {
		return err
	}
	return enc.WriteToken(jsontext.Int(time.Time(t).Unix()))
}

// TimeOrText reads a JSON time value as the time.Time decoder does; a
// scalar that is no time (umeeting's schedule example answers
// "start_time": "7") gives the zero time and its text as sent, so that the
// answer to a write that took effect can keep it rather than fail. An
// absent value (empty v) is the zero time; an object or array is an error.
func TimeOrText(v jsontext.Value) (time.Time, string, error) {
	if len(v) == 0 {
		return time.Time{}, "", nil
	}
	return ReadTimeOrText(jsontext.NewDecoder(bytes.NewReader(v)))
}

// ReadTimeOrText is TimeOrText reading the value from dec.
func ReadTimeOrText(dec *jsontext.Decoder) (time.Time, string, error) {
	s, err := readScalar(dec)
	if err != nil {
		return time.Time{}, "", err
	}
	t, err := parseScalarTime(s)
	if err != nil {
		return time.Time{}, s.asString(), nil
	}
	return t, "", nil
}
