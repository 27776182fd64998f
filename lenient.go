package quanshi

import "github.com/quanshi-sdk/quanshi-go/internal/wire"

// sdkTypes decodes every response of the SDK. Each type a response can hold
// is registered (lenient_gen.go, generated from the source by
// TestLenientRegistrations), so that it decodes leniently (enums from
// numbers or strings, objects and lists from "" or [] or JSON text) without
// reflection; TestEveryResponseTypeIsLenient fails when one is missing.
var sdkTypes = wire.NewTypes(registerCustomTypes, registerSDKTypes)

// registerCustomTypes registers the types whose documented shape is open and
// that decode with their own function; they come before the generated
// registrations, which they override.
func registerCustomTypes(ts *wire.Types) {
	wire.Custom(ts, decodeLiveStreams)
}

// decodeJSON decodes data into v with the SDK's lenient rules.
func decodeJSON(data []byte, v any) error { return sdkTypes.Unmarshal(data, v) }

// encodeJSON encodes a request value. Invalid UTF-8 in a string is an error.
func encodeJSON(v any) ([]byte, error) { return wire.Marshal(v) }
