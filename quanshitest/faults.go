package quanshitest

import (
	"fmt"
	"net/http"
	"time"
)

// Fault is a misbehaviour injected into the next matching calls, for testing
// how code copes with a failing API. Set one kind of failure (HTTPStatus,
// BusinessCode, HTML, Truncate or Drop), or none to add only Latency.
type Fault struct {
	// Path limits the fault to one endpoint path (such as
	// "/conference/conference/reservConference2"); empty matches every call.
	Path string
	// Times is how many matching calls it hits; 0 means one.
	Times int
	// Latency delays the answer (or the failure); the wait ends if the
	// client goes away.
	Latency time.Duration
	// HTTPStatus answers with this status (such as 503) and an error envelope.
	HTTPStatus int
	// BusinessCode answers HTTP 200 with this business code and Message.
	BusinessCode int
	// Message is the error text for BusinessCode or HTTPStatus.
	Message string
	// HTML answers with an nginx-style HTML error page (status HTTPStatus,
	// or 502 when unset).
	HTML bool
	// Truncate sends the answer cut in half: valid HTTP, invalid JSON.
	Truncate bool
	// Drop closes the connection without an answer.
	Drop bool
	// AfterHandling applies the fault after the call was carried out: a
	// create has created its meeting, only the answer is lost. By default the
	// fault hits before handling and nothing happens.
	AfterHandling bool
}

type faultState struct {
	Fault
	left int
}

// Inject adds a fault; faults are matched in the order they were added.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	left := f.Times
	if left <= 0 {
		left = 1
	}
	s.faults = append(s.faults, &faultState{Fault: f, left: left})
}

// ClearFaults removes every pending fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault returns the first pending fault for the path and uses it up.
func (s *Server) takeFault(path string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if f.Path != "" && f.Path != path {
			continue
		}
		f.left--
		if f.left == 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		fault := f.Fault
		return &fault
	}
	return nil
}

const htmlErrorPage = `<html>
<head><title>%d %s</title></head>
<body>
<center><h1>%d %s</h1></center>
<hr><center>nginx</center>
</body>
</html>
`

// applyFault acts out a fault. It reports whether the answer has been dealt
// with; a latency-only fault returns false and the normal answer follows.
// ans is the handler's answer for faults applied after handling.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, rt *route, f *Fault, ans *answer) bool {
	if f.Latency > 0 {
		sleepCtx(r.Context(), f.Latency)
	}
	switch {
	case f.Drop:
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			_ = conn.Close()
		}
	case f.HTML:
		status := f.HTTPStatus
		if status == 0 {
			status = http.StatusBadGateway
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		text := http.StatusText(status)
		_, _ = fmt.Fprintf(w, htmlErrorPage, status, text, status, text)
	case f.Truncate:
		a := answer{payload: map[string]any{"note": "the sandbox cut this answer"}}
		if ans != nil {
			a = *ans
		}
		body := envelopeBytes(rt.host, a, s.Now())
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		_, _ = w.Write(body[:len(body)/2])
	case f.HTTPStatus != 0:
		writeAnswer(w, rt.host, answer{err: &apiError{code: f.HTTPStatus, msg: messageOr(f.Message, http.StatusText(f.HTTPStatus)), httpStatus: f.HTTPStatus}}, s.Now())
	case f.BusinessCode != 0:
		writeAnswer(w, rt.host, failure(f.BusinessCode, messageOr(f.Message, "injected failure")), s.Now())
	default:
		return false
	}
	return true
}

func messageOr(msg, fallback string) string {
	if msg != "" {
		return msg
	}
	return fallback
}
