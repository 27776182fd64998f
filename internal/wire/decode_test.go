package wire

import (
	"github.com/go-json-experiment/json/jsontext"
	"testing"
)

// TestNotNumbersAreRejected: "NaN", "Infinity", hex and other forms that are
// not JSON numbers are not numbers, and a value that underflows to zero
// (1e-400) is not the integer 0.
func TestNotNumbersAreRejected(t *testing.T) {
	type target struct {
		I int64   `json:"i"`
		F float64 `json:"f"`
		B bool    `json:"b"`
	}
	bad := []string{
		`{"f":"NaN"}`, `{"f":"nan"}`, `{"f":"Infinity"}`, `{"f":"-Inf"}`, `{"f":"0x1p4"}`, `{"f":"1_000"}`,
		`{"i":"NaN"}`, `{"i":"Infinity"}`, `{"i":1e-400}`, `{"i":"1e-400"}`, `{"i":"0x10"}`,
		`{"b":"NaN"}`, `{"b":"Infinity"}`, `{"b":"0x1p1"}`,
	}
	for _, in := range bad {
		var v target
		if err := Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("%s decoded as %+v", in, v)
		}
	}
	good := map[string]target{
		`{"i":"12","f":"1.5e3","b":"1"}`: {I: 12, F: 1500, B: true},
		`{"i":1e2,"f":-0.25,"b":0}`:      {I: 100, F: -0.25},
		`{"i":"0.0","f":"0","b":"2.5"}`:  {B: true},
	}
	for in, want := range good {
		var v target
		if err := Unmarshal([]byte(in), &v); err != nil || v != want {
			t.Errorf("%s: %+v, %v; want %+v", in, v, err, want)
		}
	}
}

// TestReadCodeIsStrict: a business code is an integer literal or a string
// holding one; null and "" mean absent; anything else is an error.
func TestReadCodeIsStrict(t *testing.T) {
	type envelope struct {
		Code codeField `json:"status"`
	}
	for _, in := range []string{`false`, `true`, `1e-400`, `0.5`, `0.0`, `2e2`, `"NaN"`, `"Infinity"`, `"0x0"`, `[0]`, `{}`, `"1.0"`, `99999999999999999999`} {
		var e envelope
		if err := Unmarshal([]byte(`{"status":`+in+`}`), &e); err == nil {
			t.Errorf("status %s read as %+v", in, e.Code)
		}
	}
	want := map[string]codeField{`0`: {0, true}, `"200"`: {200, true}, `-1`: {-1, true}, ` "50103" `: {50103, true}, `null`: {}, `""`: {}}
	for in, w := range want {
		var e envelope
		if err := Unmarshal([]byte(`{"status":`+in+`}`), &e); err != nil || e.Code != w {
			t.Errorf("status %s: %+v, %v; want %+v", in, e.Code, err, w)
		}
	}
}

// codeField reads a member with ReadCode.
type codeField struct {
	n       int64
	present bool
}

func (c *codeField) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	var err error
	c.n, c.present, err = ReadCode(dec)
	return err
}
