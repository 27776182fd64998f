package wire

import (
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// TestParseTimeRejectsImplausibleUnixNumbers: a number that would be a date
// in 1970 (or past 2099) is an error, never an invented date; the documented
// forms still read: 10 digits are Unix seconds, 13 milliseconds, 8 a
// YYYYMMDD date (issue 15 point 2).
func TestParseTimeRejectsImplausibleUnixNumbers(t *testing.T) {
	for _, s := range []string{"7", "-5", "99999999999", "4102444800", "946684800", "20171332", "20170231", "123456789012", "-1599480000"} {
		if got, err := ParseTime(s); err == nil {
			t.Errorf("ParseTime(%q) = %v, want an error", s, got)
		}
	}
	for s, want := range map[string]time.Time{
		"1599480000":           time.Unix(1599480000, 0),
		"1599480000000":        time.UnixMilli(1599480000000),
		"20170819":             time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing),
		"0":                    {},
		"2017-8-31":            time.Date(2017, 8, 31, 0, 0, 0, 0, Beijing),
		"2017-08-31":           time.Date(2017, 8, 31, 0, 0, 0, 0, Beijing),
		"2017-8-3 09:05:00":    time.Date(2017, 8, 3, 9, 5, 0, 0, Beijing),
		"2019-09-01T00:54:50Z": time.Date(2019, 9, 1, 8, 54, 50, 0, Beijing),
	} {
		got, err := ParseTime(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	var v struct {
		T time.Time `json:"t"`
	}
	for _, body := range []string{`{"t":7}`, `{"t":"7"}`, `{"t":2017081}`, `{"t":"2018-**"}`, `{"t":1599480000.5e9}`} {
		if err := Unmarshal([]byte(body), &v); err == nil {
			t.Errorf("%s decoded into %v, want an error", body, v.T)
		}
	}
}

func TestTimeOrText(t *testing.T) {
	for raw, want := range map[string]struct {
		t    time.Time
		text string
	}{
		``:                      {},
		`null`:                  {},
		`""`:                    {},
		`"7"`:                   {text: "7"},
		`20170819`:              {t: time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing)},
		`"201708"`:              {text: "201708"},
		`1599480000.5`:          {t: time.Unix(1599480000, 0)},
		`"2018-**"`:             {text: "2018-**"},
		`"2020-05-18 10:00:00"`: {t: time.Date(2020, 5, 18, 10, 0, 0, 0, Beijing)},
		`1599480000`:            {t: time.Unix(1599480000, 0)},
	} {
		got, text, err := TimeOrText(jsontext.Value(raw))
		if err != nil || !got.Equal(want.t) || text != want.text {
			t.Errorf("TimeOrText(%s) = %v, %q, %v; want %v, %q", raw, got, text, err, want.t, want.text)
		}
	}
	if _, _, err := TimeOrText(jsontext.Value(`{"a":1}`)); err == nil {
		t.Error("an object is no time")
	}
}
