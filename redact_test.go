package quanshi

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedactTextMasksEveryCredentialName(t *testing.T) {
	cases := map[string]string{
		`{"token":"5d41c4ac806c6440eb6aa8e071115f2b"}`:                          "5d41c4ac806c6440eb6aa8e071115f2b",
		`{"appKey": "abc-app-key"}`:                                             "abc-app-key",
		`{"AppSecret":"s3cr3t-value"}`:                                          "s3cr3t-value",
		`{"CheckSum":"22019ce86382bd8e1a415ac08880ba95787768bd"}`:               "22019ce86382bd8e1a415ac08880ba95787768bd",
		`{"pcode1":"201501000033329181"}`:                                       "201501000033329181",
		`{"host_key":"030488"}`:                                                 "030488",
		`{"start_url":"https://u.systeccloud.com/s/1?zak=eyJ6bV9za20iOi"}`:      "eyJ6bV9za20iOi",
		`{"tempToken":"f0e1d2c3-uuid"}`:                                         "f0e1d2c3-uuid",
		`api_key=um-key-1&api_secret=um-secret-2&topic=x`:                       "um-secret-2",
		`see https://u.systeccloud.com/s/1890181373?zak=eyJhbGciOiJIUzI1NiJ9.x`: "eyJhbGciOiJIUzI1NiJ9",
		`{"token":"cut-off-at-the-end-of-the-te`:                                "cut-off-at-the-end",
		`{"token":"with \"escaped\" quote-secret"}`:                             "quote-secret",
	}
	for in, secret := range cases {
		out := redactText(in)
		assert.NotContains(t, out, secret, in)
		assert.Contains(t, out, redacted, in)
	}
	assert.Equal(t, `{"password_type":"0","title":"x"}`, redactText(`{"password_type":"0","title":"x"}`), "look-alike names are left alone")
}

func TestRedactorMasksKnownSecretValuesUnderAnyName(t *testing.T) {
	r := &redactor{}
	r.add("short", "", "abc", "very-secret-token-value")
	out := r.text(`{"note":"very-secret-token-value was echoed","other":"abc"}`)
	assert.NotContains(t, out, "very-secret-token-value")
	assert.Contains(t, out, `"other":"abc"`, "values under 4 bytes are not masked")
}

func TestSecretAcrossTheExcerptCutIsMasked(t *testing.T) {
	api := newTestAPI(t)
	// The token starts just before byte 160, where the excerpt is cut.
	page := "<html>" + strings.Repeat("x", 140) + `{"token":"` + testToken + `"}</html>`
	api.respond(testConfOp, http.StatusBadGateway, page)
	err := api.client.call(context.Background(), testConfOp, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.NotContains(t, apiErr.Body, testToken[:12], "not even a prefix of the token")
	assert.LessOrEqual(t, len(apiErr.Body), excerptLen+len("…"))
}

func TestPrintingClientsAndErrorsDoesNotLeak(t *testing.T) {
	c, err := NewClient(WithAppCredentials(testAppKey, testAppSecret, testAdminUserID), WithLegacyAppKey(testLegacyAppKey),
		WithUMeetingCredentials(testUMeetingKey, testUMeetingSecret))
	require.NoError(t, err)
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		assertNoSecret(t, fmt.Sprintf(format, c))
	}

	api := newTestAPI(t)
	api.respond(testConfOp, http.StatusOK, `{"status":51208,"msg":"no valid box","result":{"pcode1":"201501000033329181","token":"`+testToken+`"}}`)
	err = api.client.call(context.Background(), testConfOp, nil, nil)
	require.Error(t, err)
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		s := fmt.Sprintf(format, err)
		assertNoSecret(t, s)
		assert.NotContains(t, s, "201501000033329181")
	}
}

// redactRegexps is every expression the redactor runs, for the clue test.
var redactRegexps = map[string]*lazyRegexp{
	"jsonSecret": jsonSecret, "formSecret": formSecret, "headerSecret": headerSecret,
	"jsonPersonal": jsonPersonal, "formPersonal": formPersonal, "emailAddress": emailAddress, "mobileNumber": mobileNumber,
}

// TestRegexpClueSkipsOnlyTextsThatCannotMatch checks the shortcut of
// lazyRegexp.replace: on texts built from the pieces the expressions look
// for, skipping a text without a clue byte changes nothing.
func TestRegexpClueSkipsOnlyTextsThatCannotMatch(t *testing.T) {
	pieces := []string{`"`, `\"`, `:`, ` `, `=`, `%3D`, `%3d`, `@`, `%40`, `\u0040`, `&`, `{`, `}`, `[`, `]`, `,`,
		`token`, `pcode1`, `API_SECRET`, `name`, `email`, `mobile`, `CheckSum`, `abc`, `example.cn`, `.`,
		`1`, `7`, `139`, `1234`, `5608`, `+86`, `0`, `-`}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for name, re := range redactRegexps {
			want := re.get().ReplaceAllString(s, "<$1>")
			require.Equal(t, want, re.replace(s, "<$1>"), "%s on %q", name, s)
		}
	}
}
