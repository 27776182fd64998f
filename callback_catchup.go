package quanshi

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// What the platform does not push: callbacks lost while the receiver was
// down, and a recording becoming ready.

// CatchUpRequest names the window of changes CallbackHandler.CatchUp
// replays.
type CatchUpRequest struct {
	// From is when the last callback seen was sent (its Timestamp), or
	// when the receiver went down. Required.
	From time.Time
	// To ends the window; zero is open-ended (up to now).
	To time.Time
}

// CatchUpResult is what CatchUp replayed.
type CatchUpResult struct {
	// Replayed counts the changes handed to OnUpdate.
	Replayed int
	// Skipped counts the changes handled before (by an earlier CatchUp) or
	// being handled right now.
	Skipped int
	// Through is the latest modification time replayed: pass it as the next
	// CatchUp's From.
	Through time.Time
}

// CatchUp replays, through h (deduplication and OnUpdate), every event
// that Event.ListModified reports created, changed or cancelled in the
// window: each as an *EventUpdateCallback with Replayed set, Timestamp the
// event's modifyTime and MsgID "catchup-<eventId>-<modifyTime ms>", so
// that replaying a window twice handles each change once. It stops at the
// first failure (a list call or OnUpdate) and returns what it did so far
// with the error. Begin and end are not replayed: the modify list does not
// tell when a meeting really started or ended.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/540
//
// opts apply to every list call it makes.
func (h *CallbackHandler) CatchUp(ctx context.Context, client *Client, req *CatchUpRequest, opts ...CallOption) (*CatchUpResult, error) {
	if err := client.usable(opEventModifyList); err != nil {
		return nil, err
	}
	if req == nil || req.From.IsZero() {
		return nil, &ValidationError{Operation: opEventModifyList.String(), Field: "since", Reason: "is required"}
	}
	res := &CatchUpResult{}
	list := &EventListModifiedRequest{From: req.From, To: req.To}
	for e, err := range client.Event.ListModifiedIter(ctx, list, opts...) {
		if err != nil {
			return res, err
		}
		cb := &EventUpdateCallback{Event: *e, Replayed: true, CallbackHeader: CallbackHeader{
			Method: CallbackUpdate, Timestamp: e.ModifyTime,
			MsgID: "catchup-" + strconv.FormatInt(e.EventID, 10) + "-" + strconv.FormatInt(e.ModifyTime.UnixMilli(), 10),
		}}
		switch claim, err := h.claimed(ctx, cb.MsgID); {
		case err != nil:
			return res, err
		case claim != CallbackAcquired:
			res.Skipped++
			continue
		}
		if err := h.finish(ctx, cb); err != nil {
			return res, err
		}
		res.Replayed++
		if e.ModifyTime.After(res.Through) {
			res.Through = e.ModifyTime
		}
	}
	return res, nil
}

// RecordingWaitRequest names the recording Client.WaitForRecording waits
// for, and how often it asks.
type RecordingWaitRequest struct {
	// RecordingGetRequest names the meeting (ConferenceID required).
	RecordingGetRequest
	// Interval is the first wait between two checks (5s when <= 0); each
	// wait doubles it, up to MaxInterval.
	Interval time.Duration
	// MaxInterval caps the wait between two checks (1 minute when <= 0).
	MaxInterval time.Duration
}

// WaitForRecording polls Recording.Get, waiting longer each time, until the
// meeting's recording is converted and ready (HasRecord and
// IsRecordConvertReady), and returns it. No documented callback says when
// that happens. A meeting not found (ErrConferenceNotFound: not ended yet,
// or no recording yet) is waited for too; any other error ends the wait.
// Bound it with ctx: a meeting that was never recorded never gets ready.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/154
//
// opts apply to every Recording.Get it makes.
func (c *Client) WaitForRecording(ctx context.Context, req *RecordingWaitRequest, opts ...CallOption) (*Recording, error) {
	if err := cmp.Or(c.usable(opRecordingGet), notNil(opRecordingGet, req)); err != nil {
		return nil, err
	}
	wait := positiveOr(req.Interval, 5*time.Second)
	most := positiveOr(req.MaxInterval, time.Minute)
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("quanshi: waiting for the recording of conference %s: %w", req.ConferenceID, ctx.Err())
		case <-timer.C:
		}
		rec, err := c.Recording.Get(ctx, &req.RecordingGetRequest, opts...)
		switch {
		case err == nil && rec.HasRecord && rec.IsRecordConvertReady:
			return rec, nil
		case err != nil && !errors.Is(err, ErrConferenceNotFound):
			return nil, err
		}
		timer.Reset(wait)
		wait = min(2*wait, most)
	}
}

func positiveOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
