package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"reflect"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// requestOptions decode a --file request: times and durations in the forms
// the flags take, unknown members rejected (a misspelt member would be
// dropped silently otherwise).
var requestOptions = json.JoinOptions(
	json.RejectUnknownMembers(true),
	json.WithUnmarshalers(json.JoinUnmarshalers(
		json.UnmarshalFromFunc(func(dec *jsontext.Decoder, t *time.Time) error {
			var s string
			if err := json.UnmarshalDecode(dec, &s); err != nil {
				return err
			}
			v, err := parseTime(s)
			*t = v
			return err
		}),
		json.UnmarshalFromFunc(func(dec *jsontext.Decoder, d *time.Duration) error {
			var raw jsontext.Value
			if err := json.UnmarshalDecode(dec, &raw); err != nil {
				return err
			}
			s := string(raw)
			if raw.Kind() == '"' {
				if err := json.Unmarshal(raw, &s); err != nil {
					return err
				}
			}
			v, err := quanshi.ParseDuration(s)
			*d = v
			return err
		}),
	)),
)

// readRequestFile reads the --file argument: a path, or "-" for stdin.
func readRequestFile(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(io.LimitReader(stdin, 16<<20))
	}
	return os.ReadFile(path)
}

// decodeRequest fills req (a pointer to a request struct) from a JSON
// object whose members are the request's json names; the fields the SDK
// encodes itself (json:"-") are read by their lower-camel Go names.
func decodeRequest(data []byte, req any, fields []field) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil // an empty file is an empty request
	}
	var obj map[string]jsontext.Value
	if err := json.Unmarshal(data, &obj); err != nil {
		return fmt.Errorf("the request is not a JSON object: %w", err)
	}
	v := reflect.ValueOf(req).Elem()
	for _, f := range fields {
		raw, ok := obj[f.key]
		if !ok || !f.own {
			continue
		}
		delete(obj, f.key)
		if err := json.Unmarshal(raw, v.FieldByIndex(f.index).Addr().Interface(), requestOptions); err != nil {
			return fmt.Errorf("member %q: %w", f.key, err)
		}
	}
	rest, err := json.Marshal(obj, json.Deterministic(true))
	if err != nil {
		return err
	}
	return json.Unmarshal(rest, req, requestOptions)
}
