package quanshi

import (
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

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
	// Map-keyed payloads: a member whose key is no date (getConferenceList's
	// list), no e-mail (getConfReplay's answer), or whose value is no list
	// (accessNumbers, keyed by language) is skipped; the rest are kept.
	wire.KeyedLists[ConferenceListItem](ts, func(key string, _ jsontext.Kind) bool { return isDateKey(key) })
	wire.KeyedLists[Recording](ts, func(key string, _ jsontext.Kind) bool { return isEmailKey(key) })
	wire.KeyedLists[MeetingAccessNumber](ts, func(_ string, kind jsontext.Kind) bool { return kind == '[' || kind == 'n' || kind == '"' })
}

// isDateKey reports whether key is a date such as "2018-12-30".
func isDateKey(key string) bool {
	_, err := time.Parse("2006-01-02", strings.TrimSpace(key))
	return err == nil
}

// isEmailKey reports whether key looks like an e-mail address.
func isEmailKey(key string) bool {
	at := strings.LastIndexByte(key, '@')
	return at > 0 && at < len(key)-1 && !strings.ContainsAny(key, " \t\n")
}

// decodeJSON decodes data into v with the SDK's lenient rules.
func decodeJSON(data []byte, v any) error { return sdkTypes.Unmarshal(data, v) }

// encodeJSON encodes a request value. Invalid UTF-8 in a string is an error.
func encodeJSON(v any) ([]byte, error) { return wire.Marshal(v) }
