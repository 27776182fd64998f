package wire

import (
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

func TestNullAt(t *testing.T) {
	for _, c := range []struct {
		doc, ptr, want, at, text string
	}{
		{`{"a":"7","b":1}`, "/a", `{"a":null,"b":1}`, "/a", "7"},
		{`{"l":[{"t":1},{"t":"x"}]}`, "/l/1/t", `{"l":[{"t":1},{"t":null}]}`, "/l/1/t", "x"},
		{`{"a":"{\"b\":1}"}`, "/a/b", `{"a":null}`, "/a", `{"b":1}`},
		{`{"a":{"x":1}}`, "/a/missing", `{"a":null}`, "/a", `{"x":1}`},
		{`{"a":1, "a" : 2}`, "/a", `{"a":null, "a" : null}`, "/a", "1"},
		{`{"a~/b":3}`, "/a~0~1b", `{"a~/b":null}`, "/a~0~1b", "3"},
		{`[1,2]`, "", `null`, "", "[1,2]"},
	} {
		got, odd, ok := NullAt([]byte(c.doc), jsontext.Pointer(c.ptr))
		if !ok || string(got) != c.want || string(odd.Pointer) != c.at || odd.Text != c.text {
			t.Errorf("NullAt(%s, %q) = %s, %+v, %v; want %s at %q text %q", c.doc, c.ptr, got, odd, ok, c.want, c.at, c.text)
		}
	}
	for _, doc := range []string{`{"a":null}`, `{"a":`} {
		if _, _, ok := NullAt([]byte(doc), "/a"); ok {
			t.Errorf("NullAt(%s) reported a change", doc)
		}
	}
}
