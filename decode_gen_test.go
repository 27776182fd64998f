package quanshi

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The generated decoders (decode_gen.go) must decode exactly as the
// registered reflection-based ones do: these tests decode the same input
// both ways and compare.

// decodeBothWays decodes data into a new typ with the generated decoder and
// with the registered ones, and fails when the values or the success
// differ.
func decodeBothWays(t *testing.T, typ reflect.Type, data []byte) {
	t.Helper()
	gen, ref := reflect.New(typ), reflect.New(typ)
	genErr := wire.Decode(data, func(dec *wire.Dec) error {
		ok, err := decodeGenerated(dec, gen.Interface())
		require.True(t, ok, "no generated decoder for %v", typ)
		return err
	})
	refErr := sdkTypes().Unmarshal(data, ref.Interface())
	if errors.Is(genErr, wire.ErrUnixInTextTime) {
		return // a field tagged time:"text"; the registered decoders see no tags
	}
	require.Equal(t, refErr == nil, genErr == nil, "%v on %.200s: generated %v, registered %v", typ, data, genErr, refErr)
	if genErr == nil {
		assert.Equal(t, ref.Interface(), gen.Interface(), "%v on %.200s", typ, data)
	}
}

// payloadOf returns a fixture's payload member (result or data).
func payloadOf(t *testing.T, fixture []byte) []byte {
	var env struct {
		Result jsontext.Value `json:"result"`
		Data   jsontext.Value `json:"data"`
	}
	require.NoError(t, wire.Unmarshal(fixture, &env))
	if len(env.Data) > 0 {
		return env.Data
	}
	return env.Result
}

// TestGeneratedDecodersMatchRegistered decodes every fixture's payload into
// every response type, both ways.
func TestGeneratedDecodersMatchRegistered(t *testing.T) {
	fixtures, err := filepath.Glob("testdata/*/*.json")
	require.NoError(t, err)
	var targets []reflect.Type
	for typ, decoded := range responseTypes(t) {
		if typ == reflect.TypeFor[EventLiveStreams]() || typ == reflect.TypeFor[ConferenceExtraInfo]() || typ == reflect.TypeFor[[]ConferenceExtraInfo]() {
			continue // decodes itself (lenient.go), not generated
		}
		if decoded && (typ.Kind() == reflect.Struct || (typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.Struct)) {
			targets = append(targets, typ)
		}
	}
	require.NotEmpty(t, targets)
	for _, name := range fixtures {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		payload := payloadOf(t, data)
		if len(payload) == 0 {
			continue
		}
		for _, typ := range targets {
			decodeBothWays(t, typ, payload)
		}
	}
}

// FuzzGeneratedDecoders feeds arbitrary input to both decoders of the
// largest response types.
func FuzzGeneratedDecoders(f *testing.F) {
	for _, name := range []string{"room/infos.json", "report/getReportData.json", "event/create.json", "umeeting/list.json", "conference/getConferenceList.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"result":"{\"title\":\"x\"}","data":["a",1,null,""]}`))
	types := []reflect.Type{
		reflect.TypeFor[[]Meeting](), reflect.TypeFor[Report](), reflect.TypeFor[Event](),
		reflect.TypeFor[UMeetingPage](), reflect.TypeFor[ConferenceInfo](), reflect.TypeFor[envelope](),
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, typ := range types {
			decodeBothWays(t, typ, data)
		}
	})
}
