package wire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tree is a map whose values are maps of its own type: a map decoded inside
// another's value must not share the outer one's scratch variable.
type tree map[string]tree

func decodeTree(dec *Dec, v *tree) error {
	m := map[string]tree(*v)
	err := MapValue(dec, &m, func(dec *Dec, t *tree) error { return decodeTree(dec, t) })
	*v = m
	return err
}

func TestMapValuesNestedOfOneTypeDecodeApart(t *testing.T) {
	var got tree
	require.NoError(t, Decode([]byte(`{"a":{"b":{"c":{}},"d":{}},"e":{"f":{}}}`), func(dec *Dec) error { return decodeTree(dec, &got) }))
	want := tree{"a": {"b": {"c": {}}, "d": {}}, "e": {"f": {}}}
	assert.Equal(t, want, got)
}
