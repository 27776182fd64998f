package quanshi

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"sync/atomic"

	"github.com/jarcoal/httpmock"
)

// regexpAny matches any URL: a catch-all responder for requests that must
// never be sent.
var regexpAny = regexp.MustCompile(`.*`)

// countingResponder counts the requests it gets and answers a success.
func countingResponder(n *atomic.Int32) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		n.Add(1)
		return httpmock.NewStringResponse(http.StatusOK, `{"status":0,"code":200,"result":{},"data":{}}`), nil
	}
}

func isOutcomeUnknown(err error) bool { return errors.Is(err, ErrOutcomeUnknown) }

func itoa(n int) string { return strconv.Itoa(n) }

// jsonQuote returns s as a JSON string.
func jsonQuote(s string) string {
	b, err := encodeJSON(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}
