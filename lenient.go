package quanshi

import (
	"sync"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Every response of the SDK decodes through generated code (decode_gen.go,
// written by internal/wiregen from the source and checked by
// TestLenientRegistrations): no reflection, and nothing built at package
// init. The registered decoders (lenient_gen.go) serve the rest: values of
// types the package does not declare (Client.Do into a caller's type,
// APIError.Decode), built the first time one is decoded.

// sdkTypes decodes, with the lenient rules, a type without a generated
// decoder. TestEveryResponseTypeIsLenient fails when one is missing.
var sdkTypes = sync.OnceValue(func() *wire.Types { return wire.NewTypes(registerCustomTypes, registerSDKTypes) })

// registerCustomTypes registers the types whose documented shape is open and
// that decode with their own function (the generated decoders hand them to
// the registered ones); they come before the generated registrations, which
// they override.
func registerCustomTypes(ts *wire.Types) {
	wire.Custom(ts, func(dec *jsontext.Decoder, l *EventLiveStreams) error { return l.unmarshalFrom(dec) })
	wire.Custom(ts, func(dec *jsontext.Decoder, x *ConferenceExtraInfo) error { return x.unmarshalFrom(dec) })
	wire.Custom(ts, func(dec *jsontext.Decoder, l *EventPublicList) error { return l.unmarshalFrom(dec) })
	wire.Custom(ts, func(dec *jsontext.Decoder, c *codeRead) error { return c.read(dec) })
}

// decodeJSON decodes data into v with the SDK's lenient rules.
func decodeJSON(data []byte, v any) error {
	return wire.Decode(data, func(dec *wire.Dec) error { return decodeValue(dec, v) })
}

// decodeJSONSkipping is decodeJSON that also returns the members keyed maps
// skipped (see keyed_maps.go).
func decodeJSONSkipping(data []byte, v any) (skipped []wire.Odd, err error) {
	err = wire.Decode(data, func(dec *wire.Dec) error {
		err := decodeValue(dec, v)
		skipped = dec.Skipped
		return err
	})
	return skipped, err
}

// decodeValue decodes the next value of dec into v.
func decodeValue(dec *wire.Dec, v any) error {
	if ok, err := decodeGenerated(dec, v); ok {
		return err
	}
	if l, ok := v.(*EventPublicList); ok {
		return l.decodeWire(dec)
	}
	return wire.Fallback(dec, sdkTypes(), v)
}

// decodeFallback decodes a field of a type with no generated decoder.
func decodeFallback(dec *wire.Dec, v any) error {
	return wire.Fallback(dec, sdkTypes(), v)
}
