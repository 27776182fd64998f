package quanshi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// personal are the personal data the answers below carry.
var personal = []string{"zhang.wei@example.cn", "zhang.wei%40example.cn", "13912345678", "张伟", "Wei Zhang"}

// personalAnswers echo personal data in every place a server can put text.
var personalAnswers = []string{
	`{"status":50103,"msg":"user zhang.wei@example.cn (13912345678) not found","request_id":"zhang.wei@example.cn"}`,
	`{"status":50103,"msg":"invalid","result":{"userName":"张伟","displayName":"Wei Zhang","mobile":"13912345678"}}`,
	`{"status":0,"result":{"name":"张伟","count":"张伟"}}`,
	`{"status":0,"result":{"name":"x","count":{"mobile":"13912345678"}}}`,
	`{"status":0,"result":{"name":"x","count":"13912345678.5"}}`,
	`{"status":0,"result":{"name":"x","count":"Wei Zhang"}}`,
	`<html>no user zhang.wei%40example.cn, tel +86 139-1234-5678 / 13912345678</html>`,
	`{"status":0,"result":{"hostName":"张伟","email":"zhang.wei@example.cn"},"broken`,
}

// printed is every text a caller may print of err: each verb, each error of
// its chain.
func printed(err error) string {
	var b strings.Builder
	for e := err; e != nil; e = errors.Unwrap(e) {
		for _, verb := range []string{"%v", "%+v", "%#v", "%q"} {
			fmt.Fprintf(&b, verb+"\n", e)
		}
	}
	return b.String()
}

// TestNoPersonalDataInErrorsOrLogsByDefault: under China's PIPL, errors and
// debug log lines name fields, never their personal values (e-mail
// addresses, mobile numbers, names), whether the value came from the
// caller's request or the server's answer. (A name in the free text of a
// server's message or of a non-JSON page cannot be recognised; e-mail
// addresses and mobile numbers there are masked.)
func TestNoPersonalDataInErrorsOrLogsByDefault(t *testing.T) {
	for _, answer := range personalAnswers {
		var logBuf bytes.Buffer
		api := newTestAPI(t, WithoutRetries(), WithLogger(slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))))
		api.respond(testConfOp, http.StatusOK, answer)
		var info ResponseInfo
		var out probeResult
		err := api.client.Do(context.Background(), testConfOp, nil, &out, CaptureResponse(&info))
		require.Error(t, err, answer)
		for _, text := range []string{printed(err), logBuf.String(), info.Message, info.RequestID} {
			for _, p := range personal {
				assert.NotContains(t, text, p, "answer %s", answer)
			}
		}
	}
	// Caller data: a validation error names the field, not the value.
	api := newTestAPI(t)
	err := api.client.Conference.Cancel(context.Background(), &ConferenceCancelRequest{ConferenceID: "1", Email: "张伟 <zhang.wei@example.cn>"})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	for _, p := range personal {
		assert.NotContains(t, printed(err), p)
	}
	_, err = NewClient(WithToken(testToken), WithBaseURL("https://zhang.wei:13912345678@example.cn:bad"))
	require.Error(t, err)
	for _, p := range []string{"zhang.wei", "13912345678"} {
		assert.NotContains(t, err.Error(), p)
	}
}

// TestPersonalDataDebugOptionShowsServerText: WithPersonalDataInErrors (off
// by default) keeps the personal data of the server's text, for debugging;
// credentials stay masked.
func TestPersonalDataDebugOptionShowsServerText(t *testing.T) {
	api := newTestAPI(t, WithPersonalDataInErrors())
	api.respond(testConfOp, http.StatusOK, `{"status":50103,"msg":"user zhang.wei@example.cn not found, token `+testToken+`"}`)
	err := api.client.Do(context.Background(), testConfOp, nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "zhang.wei@example.cn")
	assertNoSecret(t, err.Error())
}
