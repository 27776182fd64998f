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
