package quanshi

import (
	"context"
	"net/http"
	"net/http/httptrace"
	"testing"
	"time"
)

// phaseClock is when the traced call running now got its connection (its
// request about to be written) and the first byte of its answer.
type phaseClock struct {
	gotConn, firstByte time.Time
}

// phaseTotals is one implementation's time in each phase of its calls.
type phaseTotals struct {
	// before is from the call to its connection: everything the client does
	// before the request goes out (encoding, credentials, building the
	// request); wire is from there to the answer's first byte (writing,
	// the server, the network); after is from the first byte to the call's
	// return (reading and decoding the answer).
	before, wire, after time.Duration
	calls               int
}

// phased wraps an implementation's call so that the phases of each call
// are added to totals.
func phased(call func() error, clock *phaseClock, totals *phaseTotals) func() error {
	return func() error {
		*clock = phaseClock{}
		start := time.Now()
		err := call()
		end := time.Now()
		if !clock.gotConn.IsZero() && !clock.firstByte.IsZero() {
			totals.before += clock.gotConn.Sub(start)
			totals.wire += clock.firstByte.Sub(clock.gotConn)
			totals.after += end.Sub(clock.firstByte)
			totals.calls++
		}
		return err
	}
}

// BenchmarkPhases splits the time of the two smallest calls, taking turns
// as BenchmarkTurns does, into what each implementation does before its
// request goes out, the exchange itself, and what it does after the first
// byte of the answer (httptrace: GotConn and GotFirstResponseByte). It
// shows where an implementation's extra time per call lies, which the
// in-memory benchmark (CPU alone, warm caches) cannot.
func BenchmarkPhases(b *testing.B) {
	for _, bc := range benchCases {
		if bc.name != "ConferenceStatus" && bc.name != "UMeetingSchedule" {
			continue
		}
		b.Run(bc.name, func(b *testing.B) {
			var clock phaseClock
			trace := &httptrace.ClientTrace{
				GotConn:              func(httptrace.GotConnInfo) { clock.gotConn = time.Now() },
				GotFirstResponseByte: func() { clock.firstByte = time.Now() },
			}
			saved := callContext
			callContext = func() context.Context { return httptrace.WithClientTrace(context.Background(), trace) }
			defer func() { callContext = saved }()
			srv := newBenchServer(b)
			impls := bc.impls(b, srv, func() http.RoundTripper { return isolatedTransport(b, newTransport()) })
			totals := make([]phaseTotals, len(impls))
			for i, im := range impls {
				im.call = phased(im.call, &clock, &totals[i])
			}
			runTurns(b, impls)
			for i, im := range impls {
				t := totals[i]
				if t.calls == 0 {
					b.Fatalf("%s: no traced call", im.name)
				}
				n := float64(t.calls)
				b.ReportMetric(float64(t.before)/n, im.name+"-before-ns/call")
				b.ReportMetric(float64(t.wire)/n, im.name+"-wire-ns/call")
				b.ReportMetric(float64(t.after)/n, im.name+"-after-ns/call")
			}
		})
	}
}
