package wire

import (
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// FuzzParseTime: any string is either rejected or read as a Beijing time
// that survives a wall-clock round trip.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"2020-09-07 20:00:00", "2020-09-07 20:00", "2018-12-30", "2020/09/07 20:00:00",
		"2020-09-07T20:00:00", "2019-09-01T00:54:50Z", "2020-09-07T20:00:00+08:00",
		"1599480000", "1599480000000", "0", "", "0000-00-00 00:00:00", " 1599480000 ", "-5", "7",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s)
		if err != nil || got.IsZero() {
			return
		}
		if _, offset := got.Zone(); offset != 8*3600 {
			t.Fatalf("%q decoded into offset %d", s, offset)
		}
		if got.Year() < 1 || got.Year() > 9999 {
			return
		}
		back, err := ParseTime(FormatWallClock(got))
		if err != nil || !back.Equal(got.Truncate(time.Second)) {
			t.Fatalf("%q: %v does not round-trip (%v, %v)", s, got, back, err)
		}
	})
}

// FuzzParseDuration: never panics; an accepted clock form is non-negative.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"01:54:30", "01:25", "90", "1h30m", "", "99:59:59", "1.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseDuration(s)
	})
}

// fuzzTarget has one field of every kind the lenient decoder handles.
type fuzzTarget struct {
	I  int               `json:"i"`
	I8 int8              `json:"i8"`
	U  uint32            `json:"u"`
	S  string            `json:"s"`
	B  bool              `json:"b"`
	F  float64           `json:"f"`
	T  time.Time         `json:"t"`
	D  time.Duration     `json:"d"`
	P  *int64            `json:"p"`
	L  []fuzzTarget      `json:"l"`
	M  map[string]string `json:"m"`
	O  *fuzzTarget       `json:"o"`
}

// FuzzUnmarshal: arbitrary bytes never panic the lenient decoder.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{
		`{"i":"12","s":34,"b":"true","t":"2020-09-07 20:00:00","d":"01:54:30","l":"","m":[],"o":""}`,
		`{"i":1.5}`, `{"u":-1}`, `{"i8":"300"}`, `{"l":[{"l":[{"o":{}}]}]}`, `[]`, `null`, `{"p":"7","p":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v fuzzTarget
		_ = Unmarshal(data, &v)
	})
}

// FuzzRFC3339Fast checks the fast RFC 3339 reader against time.Parse.
func FuzzRFC3339Fast(f *testing.F) {
	for _, s := range []string{"2019-09-01T00:54:50Z", "2020-02-29T23:59:59+08:00", "1999-12-31T00:00:00-05:30", "2021-02-30T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseRFC3339Fast([]byte(s))
		if !ok {
			return
		}
		want, err := time.Parse(time.RFC3339, s)
		if err != nil || !got.Equal(want) || got.Location() != Beijing {
			t.Fatalf("%q: fast %v, time.Parse %v (%v)", s, got, want, err)
		}
	})
}

// FuzzNullAt: setting a member aside never panics, and what it returns is
// still one JSON value.
func FuzzNullAt(f *testing.F) {
	f.Add([]byte(`{"a":{"b":[1,"7"]}}`), "/a/b/1")
	f.Add([]byte(`{"a":"{\"b\":1}","a":2}`), "/a/b")
	f.Add([]byte(`[1,2]`), "")
	f.Fuzz(func(t *testing.T, doc []byte, ptr string) {
		patched, _, ok := NullAt(doc, jsontext.Pointer(ptr))
		if ok && !jsontext.Value(patched).IsValid(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)) {
			t.Fatalf("NullAt(%q, %q) = %q, not one JSON value", doc, ptr, patched)
		}
	})
}
