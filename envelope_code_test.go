package quanshi

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBusinessCodeThatIsNotAnIntegerIsMalformed: false, true, 1e-400, 0.5,
// "NaN" and "Infinity" are not business codes; none of them reads as
// success, whatever the family.
func TestBusinessCodeThatIsNotAnIntegerIsMalformed(t *testing.T) {
	for _, code := range []string{`false`, `true`, `1e-400`, `0.5`, `"NaN"`, `"Infinity"`, `[0]`, `{"a":0}`} {
		for _, fc := range familyCases {
			api := newTestAPI(t, WithoutRetries())
			member := "status"
			if fc.op.Family == FamilyEvent {
				member = "code"
			}
			api.respond(fc.op, http.StatusOK, `{"`+member+`":`+code+`,"result":{"name":"x"},"data":{"name":"x"}}`)
			var out probeResult
			err := api.client.Do(context.Background(), fc.op, nil, &out)
			require.ErrorIs(t, err, ErrMalformedResponse, "%s %s", fc.name, code)
			assert.Zero(t, out)
		}
	}
}

// TestEnvelopeTypeDecodesItsCodes: the envelope type decoded as a whole
// (not through the envelope reader) reads its codes with the reader's rule:
// a numeric string is the code, null or "" leaves it absent.
func TestEnvelopeTypeDecodesItsCodes(t *testing.T) {
	var env envelope
	require.NoError(t, decodeJSON([]byte(`{"status":"50709","code":null,"msg":"not found"}`), &env))
	assert.Equal(t, codeRead{n: 50709, present: true}, env.Status)
	assert.Equal(t, codeRead{}, env.Code)
	assert.Equal(t, "not found", env.Msg)
	require.Error(t, decodeJSON([]byte(`{"code":"2.5"}`), &env), "a code that is no integer")
}
