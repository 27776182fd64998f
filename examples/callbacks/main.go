// Command callbacks receives the live-event callbacks Quanshi pushes
// (https://developer.quanshi.com/cn/api/510) with quanshi.CallbackHandler:
// typed, deduplicated by msgId, answered 200 once handled.
//
// With no QUANSHI_* or UMEETING_* variable set it serves the handler on a
// loopback port, points the in-process sandbox at it, books an event,
// renames it (an update callback) and moves the sandbox's clock through the
// meeting (begin and end callbacks), printing each callback as it arrives
// with the time it took from the change to the handler; then it waits for
// the meeting's recording:
//
//	go run ./examples/callbacks
//
// The real platform cannot reach a loopback port: its callback URL is set
// up with Quanshi. With the QUANSHI_* variables set, the example shows what
// a receiver does after an outage instead: it replays the changes of the
// last 24 hours (Event.ListModified) through the same handler.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
)

func main() { exampleenv.Main("callbacks", run) }

// receiver is the example's handler: it reports each callback on a channel
// with the time since the change that caused it.
type receiver struct {
	changed atomic.Int64 // UnixNano of the last change made
	lines   chan string
}

func (r *receiver) report(format string, args ...any) error {
	latency := time.Since(time.Unix(0, r.changed.Load())).Round(time.Microsecond)
	r.lines <- fmt.Sprintf(format, args...) + fmt.Sprintf(" (%s after the change)", latency)
	return nil
}

// handler is the code a receiver writes: one function per callback.
func (r *receiver) handler() *quanshi.CallbackHandler {
	return &quanshi.CallbackHandler{
		OnMeetingBegin: func(_ context.Context, cb *quanshi.MeetingBeginCallback) error {
			return r.report("Callback meetingbegin: event %d began, host %d, msgId %s", cb.Meeting.EventID, cb.Meeting.HostID, cb.MsgID)
		},
		OnMeetingEnd: func(_ context.Context, cb *quanshi.MeetingEndCallback) error {
			return r.report("Callback meetingend: event %d ended, msgId %s", cb.Meeting.EventID, cb.MsgID)
		},
		OnUpdate: func(_ context.Context, cb *quanshi.EventUpdateCallback) error {
			if cb.Replayed {
				r.lines <- fmt.Sprintf("Replayed update: event %d %q, status %s, modified %s", cb.Event.EventID, cb.Event.Title,
					cb.Event.EventStatus, cb.Event.ModifyTime.Format(time.DateTime))
				return nil
			}
			return r.report("Callback update: event %d is now %q, msgId %s", cb.Event.EventID, cb.Event.Title, cb.MsgID)
		},
	}
}

func run(ctx context.Context, env *exampleenv.Env) error {
	r := &receiver{lines: make(chan string, 16)}
	h := r.handler()
	if env.Sandbox == nil {
		return catchUp(ctx, env, r, h)
	}

	// Serve the handler on a loopback port and point the sandbox at it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("POST /quanshi/callback", h)
	server := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = server.Serve(ln) }()
	defer server.Close()
	url := "http://" + ln.Addr().String() + "/quanshi/callback"
	env.Sandbox.SetCallbackURL(url)
	env.Say("Receiving callbacks at %s.", url)

	client, srv := env.Client, env.Sandbox
	event, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeSeriesChild, HostID: srv.AdminUserID, Title: "Quarterly results call",
		StartTime: srv.Now().Add(10 * time.Minute).Truncate(time.Minute), Length: 45,
		Participants: json.RawMessage(`[{"name": "Wang Fang", "email": "wang.fang@example.com"}]`),
	})
	if err != nil {
		return fmt.Errorf("book the event: %w", err)
	}
	env.Say("Booked event %d %q (conference %s) at %s for 45 minutes.", event.EventID, event.Title, event.ConferenceID,
		event.StartTime.Format(time.DateTime))

	steps := []struct {
		say    string
		change func() error
	}{
		{"Renaming the event.", func() error {
			_, err := client.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: event.ConferenceID,
				ConferenceOptions: quanshi.ConferenceOptions{UserID: srv.AdminUserID, Title: "Quarterly results call (Q3)"}})
			return err
		}},
		{"Sandbox: moving the clock 10 minutes on, to the start.", func() error { srv.Advance(10 * time.Minute); return nil }},
		{"Sandbox: moving the clock 45 minutes on, to the end.", func() error { srv.Advance(45 * time.Minute); return nil }},
	}
	for _, step := range steps {
		env.Say("%s", step.say)
		r.changed.Store(time.Now().UnixNano())
		if err := step.change(); err != nil {
			return err
		}
		if err := r.next(ctx, env); err != nil {
			return err
		}
	}

	// No callback says when the recording is ready: poll for it.
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rec, err := client.WaitForRecording(wait, &quanshi.RecordingWaitRequest{
		RecordingGetRequest: quanshi.RecordingGetRequest{ConferenceID: event.ConferenceID},
		Interval:            100 * time.Millisecond,
	})
	if err != nil {
		return fmt.Errorf("wait for the recording: %w", err)
	}
	env.Say("Recording ready: %s", rec.ReplayURL)
	env.Say("Done.")
	return nil
}

// next prints the next callback, or fails when none comes in time.
func (r *receiver) next(ctx context.Context, env *exampleenv.Env) error {
	select {
	case line := <-r.lines:
		env.Say("%s", line)
		return nil
	case <-time.After(10 * time.Second):
		return errors.New("no callback arrived within 10s")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// catchUp replays the last day's changes through the handler, as a
// receiver does after an outage.
func catchUp(ctx context.Context, env *exampleenv.Env, r *receiver, h *quanshi.CallbackHandler) error {
	env.Say("The real platform posts callbacks to the URL set up with Quanshi, not to this program.")
	env.Say("Replaying the changes of the last 24 hours through the same handler instead.")
	done := make(chan struct{})
	go func() {
		defer close(done)
		for line := range r.lines {
			env.Say("%s", line)
		}
	}()
	res, err := h.CatchUp(ctx, env.Client, &quanshi.CatchUpRequest{From: time.Now().Add(-24 * time.Hour)})
	close(r.lines)
	<-done
	if err != nil {
		return fmt.Errorf("catch up: %w", err)
	}
	env.Say("Done. Replayed %d changes.", res.Replayed)
	return nil
}
