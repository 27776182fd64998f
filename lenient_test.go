package quanshi

import (
	"encoding/json"
	"iter"
	"reflect"
	"sort"
	"testing"
	"time"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

var (
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	jsonValueType  = reflect.TypeFor[jsontext.Value]()
	timeType       = reflect.TypeFor[time.Time]()
	errorType      = reflect.TypeFor[error]()
)

// responseTypes walks the result types of every exported service method and
// returns every type in them that needs a lenient decoder.
func responseTypes(t *testing.T) map[reflect.Type]bool {
	t.Helper()
	c, err := NewClient(WithToken(testToken))
	if err != nil {
		t.Fatal(err)
	}
	found := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		if _, seen := found[typ]; seen || typ == timeType || typ == rawMessageType || typ == jsonValueType || typ == errorType {
			return
		}
		switch typ.Kind() {
		case reflect.Pointer:
			walk(typ.Elem())
			return
		case reflect.Struct:
			// A struct with its own UnmarshalJSONFrom decodes itself (its
			// fields, walked below, still need lenient decoders).
			found[typ] = decodedStruct(typ) && !reflect.PointerTo(typ).Implements(unmarshalerFromType)
			for i := range typ.NumField() {
				f := typ.Field(i)
				if f.IsExported() && f.Tag.Get("json") != "-" {
					walk(f.Type)
				}
			}
		case reflect.Slice, reflect.Array, reflect.Map:
			found[typ] = true
			walk(typ.Elem())
		case reflect.Func:
			// iter.Seq2[T, error]: T is the first argument of the yield func.
			if typ.NumIn() == 1 && typ.In(0).Kind() == reflect.Func && typ.In(0).NumIn() > 0 {
				walk(typ.In(0).In(0))
			}
		case reflect.Interface:
		default:
			found[typ] = true
		}
	}
	for _, svc := range []any{c.Conference, c.Room, c.Recording, c.Report, c.Event, c.Dashboard, c.UMeeting} {
		st := reflect.TypeOf(svc)
		for i := range st.NumMethod() {
			m := st.Method(i).Type
			for j := range m.NumOut() {
				walk(m.Out(j))
			}
		}
	}
	return found
}

var unmarshalerFromType = reflect.TypeFor[jsonv2.UnmarshalerFrom]()

var _ iter.Seq2[int, error] // the walk follows iterators' element types

// decodedStruct reports whether a struct is decoded from the wire (it has
// json tags); a result the SDK builds itself only needs its fields covered.
func decodedStruct(typ reflect.Type) bool {
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("json"); tag != "" && tag != "-" {
			return true
		}
	}
	return false
}

// TestEveryResponseTypeIsLenient: every type a response can hold is in
// sdkTypes; a missing one would decode strictly and fail on the API's drift.
func TestEveryResponseTypeIsLenient(t *testing.T) {
	var missing []string
	for typ, needed := range responseTypes(t) {
		if needed && !sdkTypes().Covers(typ) {
			missing = append(missing, typ.String())
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("not registered (%d); a struct needs json tags, a list or map a use in a struct field or a result, then go test -run TestLenientRegistrations -update:", len(missing))
		for _, m := range missing {
			t.Log(m)
		}
	}
}
