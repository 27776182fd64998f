package quanshitest

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Business codes the sandbox answers with, as the real API documents them.
const (
	codeInvalidParameter   = 50103 // invalid parameter
	codeConferenceNotFound = 50709 // unknown conference
	codeNoValidBox         = 51208 // every box of a bind was rejected
	codeTokenInvalid       = 401   // token missing, wrong or expired
	codeInternal           = 500   // the sandbox itself failed
)

// apiError is a failure a handler reports; it becomes the family's error
// envelope.
type apiError struct {
	code       int
	msg        string
	result     any // payload sent with the failure (51208's rejected boxes)
	httpStatus int // 0 means 200: the API reports business failures in HTTP 200
}

func (e *apiError) Error() string { return fmt.Sprintf("code %d: %s", e.code, e.msg) }

// fail makes a business failure.
func fail(code int, format string, args ...any) error {
	return &apiError{code: code, msg: fmt.Sprintf(format, args...)}
}

// failWith makes a business failure that carries a payload.
func failWith(code int, result any, format string, args ...any) error {
	return &apiError{code: code, msg: fmt.Sprintf(format, args...), result: result}
}

// answer is what the sandbox sends back for one call.
type answer struct {
	payload any
	err     *apiError
}

func failure(code int, msg string) answer {
	return answer{err: &apiError{code: code, msg: msg}}
}

func answerFor(err error) answer {
	var apiErr *apiError
	if errors.As(err, &apiErr) {
		return answer{err: apiErr}
	}
	return answer{err: &apiError{code: codeInternal, msg: "sandbox error: " + err.Error(), httpStatus: http.StatusInternalServerError}}
}

func (a answer) httpStatus() int {
	if a.err != nil && a.err.httpStatus != 0 {
		return a.err.httpStatus
	}
	return http.StatusOK
}

// code is the business code the envelope carries.
func (a answer) code(f family) int {
	switch {
	case a.err != nil:
		return a.err.code
	case f == familyOpenAPI:
		return 0
	default:
		return 200
	}
}

var requestSeq atomic.Int64

// envelope builds the family's envelope with the members the spec's examples
// show: status/result/msg/request_id/timestamp/request_duration on the
// openapi host, timeStamp/code/msg/data/requestId on the events host,
// status/message/data on umeeting.
func envelope(f family, a answer, now time.Time) map[string]any {
	id := "sandbox-" + strconv.FormatInt(requestSeq.Add(1), 10)
	msg, payload := "success", a.payload
	if a.err != nil {
		msg, payload = a.err.msg, a.err.result
	}
	switch f {
	case familyEvents:
		if a.err == nil {
			msg = "Successfully!"
		}
		return map[string]any{"timeStamp": now.UnixMilli(), "code": a.code(f), "msg": msg, "data": payload, "requestId": id}
	case familyUMeeting:
		if a.err == nil {
			msg = "OK"
		}
		return map[string]any{"status": a.code(f), "message": msg, "data": payload}
	default:
		return map[string]any{
			"status": a.code(f), "result": payload, "msg": msg, "request_id": id,
			"timestamp": now.UnixMilli(), "request_duration": "1.0ms", "callSeq": "", "content_type": "application/json",
		}
	}
}

// envelopeBytes encodes the envelope of an answer.
func envelopeBytes(f family, a answer, now time.Time) []byte {
	body, err := wire.Marshal(envelope(f, a, now))
	if err != nil {
		body, _ = wire.Marshal(envelope(f, answerFor(err), now))
	}
	return body
}

func writeAnswer(w http.ResponseWriter, f family, a answer, now time.Time) {
	body := envelopeBytes(f, a, now)
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(a.httpStatus())
	_, _ = w.Write(body)
}
