package wire

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/assert"
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

func TestFindWalksEveryKindOfWrapping(t *testing.T) {
	fe := &fieldError{path: "/a", err: errors.New("bad")}
	for _, err := range []error{fe, fmt.Errorf("outer: %w", fe), errors.Join(io.EOF, fmt.Errorf("x: %w", fe))} {
		got, ok := Find[*fieldError](err)
		assert.True(t, ok, "%v", err)
		assert.Same(t, fe, got)
	}
	for _, err := range []error{nil, io.EOF, errors.Join(io.EOF, errors.New("plain"))} {
		got, ok := Find[*fieldError](err)
		assert.False(t, ok, "%v", err)
		assert.Nil(t, got)
	}
	assert.True(t, found[*jsontext.SyntacticError](fmt.Errorf("y: %w", &jsontext.SyntacticError{})))
	assert.Zero(t, testing.AllocsPerRun(100, func() { found[*fieldError](io.EOF) }), "no allocation")
}
