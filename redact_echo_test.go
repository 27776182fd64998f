package quanshi

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// escapedForms are the ways a server may echo a secret: as is, JSON-escaped
// (a "/" as "\/", every character as \u00xx) and percent-encoded (query
// escaping, every byte as %XX, upper or lower case).
func escapedForms(secret string) []string {
	var uni, pct, pctLower strings.Builder
	for i := 0; i < len(secret); i++ {
		fmt.Fprintf(&uni, `\u%04x`, secret[i])
		fmt.Fprintf(&pct, "%%%02X", secret[i])
		fmt.Fprintf(&pctLower, "%%%02x", secret[i])
	}
	return []string{secret, strings.ReplaceAll(secret, "/", `\/`), uni.String(), url.QueryEscape(secret),
		pct.String(), pctLower.String(), strings.ToUpper(uni.String()[:2]) + uni.String()[2:]}
}

// TestServerTextIsRedactedEvenEscaped: the request id, the message and the
// body excerpt are untrusted text; a credential in them is masked however
// it is escaped, in the error, the debug log and the captured metadata.
func TestServerTextIsRedactedEvenEscaped(t *testing.T) {
	const secret = "tok/5d41+c4ac=806c 6440"
	for i, form := range escapedForms(secret) {
		var logBuf bytes.Buffer
		api := newTestAPI(t, WithToken(secret), WithLegacyAppKey(testLegacyAppKey),
			WithLogger(slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))))
		quoted := strings.ReplaceAll(form, `\`, `\\`) // a JSON string holding the form as text
		bodies := []string{
			`{"status":50103,"msg":"echo ` + quoted + `","request_id":"rid-` + quoted + `"}`,
			`{"status":50103,"msg":"x","reqid":"` + quoted + `"}`,
			`<html>` + form + `</html>`,
			`{"status":0,"result":{"note":"` + form + `"},"broken`,
		}
		for _, body := range bodies {
			api.respond(testConfOp, http.StatusOK, body)
			var info ResponseInfo
			err := api.client.Do(context.Background(), testConfOp, nil, nil, CaptureResponse(&info))
			require.Error(t, err)
			texts := []string{err.Error(), fmt.Sprintf("%+v %#v", err, err), info.RequestID, info.Message, logBuf.String()}
			for _, text := range texts {
				for _, leak := range []string{secret, form, "5d41", "c4ac"} {
					assert.NotContains(t, text, leak, "form %d of the secret in %s", i, body)
				}
			}
		}
	}
}
