package quanshi

import "github.com/quanshi-sdk/quanshi-go/internal/wire"

// The API sends the same field as a number on one page and a string on the
// next ("length": "120" vs 120), sends "" or null for "no value", and
// sometimes repeats a key. Decoding is lenient about all of that and strict
// about real type errors (an object where a number belongs). The rules live in
// internal/wire, shared with the sandbox; public structs keep plain Go types.

// decodeJSON decodes data into v with the SDK's lenient rules.
func decodeJSON(data []byte, v any) error { return wire.Unmarshal(data, v) }

// encodeJSON encodes a request value. Invalid UTF-8 in a string is an error.
func encodeJSON(v any) ([]byte, error) { return wire.Marshal(v) }
