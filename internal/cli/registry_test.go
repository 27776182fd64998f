package cli

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// TestEveryMethodHasACommand: the registry holds exactly the exported
// methods of the Client's services (iterators aside: a paged list's command
// walks its iterator), each callable.
func TestEveryMethodHasACommand(t *testing.T) {
	assert.Empty(t, unsupported, "methods the command line cannot call")
	want := map[string]bool{}
	ct := reflect.TypeFor[quanshi.Client]()
	for i := range ct.NumField() {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		for j := range f.Type.NumMethod() {
			if m := f.Type.Method(j); !strings.HasSuffix(m.Name, "Iter") {
				want[f.Name+"."+m.Name] = true
			}
		}
	}
	require.NotEmpty(t, want)
	got := map[string]bool{}
	for _, e := range generated {
		assert.False(t, got[e.Method], "%s twice", e.Method)
		got[e.Method] = true
		assert.NotNil(t, e.Call, e.Method)
		assert.NotEmpty(t, e.Op, e.Method)
	}
	assert.Equal(t, want, got)
}

// TestCommandNamesUnique: no two commands of a service share a name, and
// no request field's flag collides with a command's own flags.
func TestCommandNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range generated {
		assert.False(t, seen[e.name()], e.name())
		seen[e.name()] = true
	}
	for _, al := range aliases {
		name := al.service + " " + strings.Fields(al.use)[0]
		assert.False(t, seen[name], name)
		assert.NotNil(t, findEndpoint(al.target), al.target)
	}
	a := &app{}
	root := a.root()
	for _, e := range generated {
		cmd, _, err := root.Find(strings.Fields(e.name()))
		require.NoError(t, err, e.name())
		assert.Equal(t, e.Verb, cmd.Name())
	}
}

// sampleValues are values of each kind of friendlier flag.
var sampleValues = map[string][]string{
	"id|email": {"81299515", "host@example.com"},
	"time":     {"2026-12-01 15:00", "2026-12-01T15:00:00+08:00"},
	"duration": {"45m", "90"},
	"string":   {"Wang Fang"},
	"id":       {"81299515"},
}

// TestOverlaysFitTheirRequests: every hand-written argument and flag sets
// a field its request has.
func TestOverlaysFitTheirRequests(t *testing.T) {
	for name, o := range overlays {
		e := findEndpoint(name)
		if !assert.NotNil(t, e, "overlay of an unknown command %q", name) {
			continue
		}
		req := e.New()
		fields := requestFields(reflect.TypeOf(req).Elem())
		set := setter(req, fields)
		for _, arg := range o.args {
			assert.NoError(t, set(arg, "1"), "%s: argument %s", name, arg)
		}
		for _, x := range o.flags {
			require.Contains(t, sampleValues, x.hint, "%s --%s", name, x.name)
			for _, v := range sampleValues[x.hint] {
				assert.NoError(t, x.apply(set, v), "%s --%s %s", name, x.name, v)
			}
		}
	}
}
