package quanshitest_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cbSandbox starts a recorder and a sandbox (clock at confBase) sending it
// callbacks.
func cbSandbox(t *testing.T, opts ...quanshitest.Option) (*quanshitest.Server, *quanshi.Client, *quanshitest.CallbackRecorder) {
	t.Helper()
	rec := quanshitest.NewCallbackRecorder()
	t.Cleanup(rec.Close)
	base := []quanshitest.Option{
		quanshitest.WithClock(func() time.Time { return confBase }),
		quanshitest.WithCallbackURL(rec.URL),
		quanshitest.WithCallbackRetries(5, time.Millisecond),
	}
	srv, c := newSandbox(t, append(base, opts...)...)
	return srv, c, rec
}

// cbBook books a meeting starting in an hour, for 30 minutes.
func cbBook(t *testing.T, c *quanshi.Client) *quanshi.ConferenceReservation {
	t.Helper()
	return confCreate(t, c, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: confHostID, Title: "Callbacks", StartTime: confBase.Add(time.Hour), Length: 30,
	}})
}

func cbWait(t *testing.T, rec *quanshitest.CallbackRecorder, n int) []quanshitest.ReceivedCallback {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := rec.Wait(ctx, n)
	require.NoError(t, err)
	return got
}

func TestCallbacksBeginAndEndAsTheClockMoves(t *testing.T) {
	srv, c, rec := cbSandbox(t)
	cbBook(t, c)
	srv.Advance(59 * time.Minute)
	assert.Zero(t, srv.CallbacksPending()+len(rec.Received()), "booking and moving before the start send nothing")

	srv.Advance(time.Minute)
	got := cbWait(t, rec, 1)
	assert.Equal(t, "meetingbegin", got[0].Method)
	assert.Equal(t, "application/json;charset=UTF-8", got[0].Header.Get("Content-Type"))

	// The page's quirks: ids as strings, a siteId member.
	var raw map[string]any
	require.NoError(t, json.Unmarshal(got[0].Body, &raw))
	assert.Equal(t, float64(0), raw["siteId"])
	assert.Equal(t, "0001", raw["customerCode"])
	assert.Equal(t, float64(confBase.Add(time.Hour).UnixMilli()), raw["timestamp"])
	info := raw["meetinginfo"].(map[string]any)
	assert.IsType(t, "", info["eventId"])
	assert.Equal(t, "81299515", info["hostId"])
	assert.Regexp(t, `^uniformserver-127\.0\.0\.1-\d+\.\d{9}\.\d+$`, raw["msgId"])

	cb, err := quanshi.ParseCallback(got[0].Body)
	require.NoError(t, err)
	begin := cb.(*quanshi.MeetingBeginCallback)
	assert.Positive(t, begin.Meeting.EventID)
	assert.Equal(t, confHostID, begin.Meeting.HostID)
	assert.NotEmpty(t, begin.Meeting.HostJoinURL)
	assert.NotEmpty(t, begin.Meeting.ParticipantJoinURL)

	srv.Advance(30 * time.Minute)
	got = cbWait(t, rec, 2)
	cb, err = quanshi.ParseCallback(got[1].Body)
	require.NoError(t, err)
	end := cb.(*quanshi.MeetingEndCallback)
	assert.Equal(t, begin.Meeting, end.Meeting)
	assert.NotEqual(t, begin.MsgID, end.MsgID)

	srv.Advance(24 * time.Hour)
	time.Sleep(50 * time.Millisecond)
	assert.Len(t, rec.Received(), 2, "nothing more to say")
}

func TestCallbacksJumpAcrossStartAndEnd(t *testing.T) {
	srv, c, rec := cbSandbox(t)
	cbBook(t, c)
	srv.Advance(3 * time.Hour)
	got := cbWait(t, rec, 2)
	assert.Equal(t, []string{"meetingbegin", "meetingend"}, []string{got[0].Method, got[1].Method})
}

func TestCallbacksUpdateAndCancel(t *testing.T) {
	srv, c, rec := cbSandbox(t)
	res := cbBook(t, c)
	_, err := c.Conference.Update(context.Background(), &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: confHostID, Title: "Callbacks, moved"}})
	require.NoError(t, err)
	got := cbWait(t, rec, 1)
	cb, err := quanshi.ParseCallback(got[0].Body)
	require.NoError(t, err)
	up := cb.(*quanshi.EventUpdateCallback)
	assert.Equal(t, "Callbacks, moved", up.Event.Title)
	assert.Equal(t, res.ConferenceID, up.Event.ConferenceID)
	assert.Equal(t, confHostID, up.Event.HostID)
	assert.Equal(t, quanshi.EventStatus(1), up.Event.EventStatus)
	var raw struct {
		Event map[string]any `json:"event"`
	}
	require.NoError(t, json.Unmarshal(got[0].Body, &raw))
	assert.IsType(t, "", raw.Event["eventId"], "ids as strings")

	srv.Advance(time.Minute) // a later modifyTime
	require.NoError(t, c.Conference.Cancel(context.Background(), &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, UserID: confHostID}))
	got = cbWait(t, rec, 2)
	cb, err = quanshi.ParseCallback(got[1].Body)
	require.NoError(t, err)
	cancelled := cb.(*quanshi.EventUpdateCallback)
	assert.Equal(t, up.Event.EventID, cancelled.Event.EventID)
	assert.Equal(t, quanshi.EventStatusCancelled, cancelled.Event.EventStatus)

	srv.Advance(3 * time.Hour)
	time.Sleep(50 * time.Millisecond)
	assert.Len(t, rec.Received(), 2, "a cancelled meeting neither begins nor ends")
}

func TestCallbacksAreRetriedUntilAccepted(t *testing.T) {
	srv, c, rec := cbSandbox(t)
	cbBook(t, c)
	rec.FailNext(2)
	srv.Advance(time.Hour)
	got := cbWait(t, rec, 1)
	assert.Equal(t, "meetingbegin", got[0].Method)
	assert.Equal(t, 3, rec.Attempts())

	// A receiver that keeps failing loses the callback after the attempts.
	rec.FailNext(5)
	srv.Advance(time.Hour)
	require.Eventually(t, func() bool { return srv.CallbacksPending() == 0 && rec.Attempts() == 8 }, 5*time.Second, time.Millisecond)
	assert.Len(t, rec.Received(), 1)
}

func TestCallbacksFollowTheURL(t *testing.T) {
	srv, c := newSandbox(t, quanshitest.WithClock(func() time.Time { return confBase }))
	cbBook(t, c) // no URL: nothing is sent
	srv.Advance(time.Hour)

	rec := quanshitest.NewCallbackRecorder()
	defer rec.Close()
	srv.SetCallbackURL(rec.URL) // the running meeting is the baseline
	srv.Advance(time.Hour)
	got := cbWait(t, rec, 1)
	assert.Equal(t, "meetingend", got[0].Method)

	srv.SetCallbackURL("")
	cbBook(t, c)
	srv.Advance(time.Hour)
	time.Sleep(50 * time.Millisecond)
	assert.Len(t, rec.Received(), 1)
}

func TestCallbacksThroughTheSDKHandler(t *testing.T) {
	var events []string
	h := &quanshi.CallbackHandler{
		OnMeetingBegin: func(_ context.Context, cb *quanshi.MeetingBeginCallback) error {
			events = append(events, "begin")
			return nil
		},
		OnMeetingEnd: func(_ context.Context, cb *quanshi.MeetingEndCallback) error {
			events = append(events, "end")
			return nil
		},
	}
	srv, c, rec := cbSandbox(t)
	cbBook(t, c)
	srv.Advance(2 * time.Hour)
	for _, got := range cbWait(t, rec, 2) {
		cb, err := quanshi.ParseCallback(got.Body)
		require.NoError(t, err)
		require.NoError(t, h.Handle(context.Background(), cb))
		require.NoError(t, h.Handle(context.Background(), cb), "a repeat is acknowledged")
	}
	assert.Equal(t, []string{"begin", "end"}, events)
}

func TestCatchUpReplaysWhatTheReceiverMissed(t *testing.T) {
	srv, c, rec := cbSandbox(t)
	res := cbBook(t, c)
	since := srv.Now()
	rec.FailNext(100) // the receiver is down
	srv.Advance(time.Minute)
	_, err := c.Conference.Update(context.Background(), &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: confHostID, Title: "Missed"}})
	require.NoError(t, err)

	var got []*quanshi.EventUpdateCallback
	h := &quanshi.CallbackHandler{OnUpdate: func(_ context.Context, cb *quanshi.EventUpdateCallback) error {
		got = append(got, cb)
		return nil
	}}
	out, err := h.CatchUp(context.Background(), c, &quanshi.CatchUpRequest{From: since.Add(time.Second)})
	require.NoError(t, err)
	assert.Equal(t, 1, out.Replayed)
	require.Len(t, got, 1)
	assert.Equal(t, "Missed", got[0].Event.Title)
	assert.True(t, got[0].Replayed)
	assert.True(t, out.Through.Equal(srv.Now()))
}

func TestWaitForRecordingOnTheSandbox(t *testing.T) {
	srv, c := newSandbox(t, quanshitest.WithClock(func() time.Time { return confBase }), quanshitest.WithRecordingDelay(10*time.Minute))
	res := cbBook(t, c)
	req := &quanshi.RecordingWaitRequest{
		RecordingGetRequest: quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID},
		Interval:            time.Millisecond, MaxInterval: 2 * time.Millisecond,
	}
	// Not ended: the wait goes on until ctx ends.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	_, err := c.WaitForRecording(ctx, req)
	cancel()
	require.ErrorIs(t, err, context.DeadlineExceeded)

	// Ended, converting, then converted while the wait polls.
	srv.Advance(95 * time.Minute)
	r, err := c.Recording.Get(context.Background(), &req.RecordingGetRequest)
	require.NoError(t, err)
	assert.True(t, r.HasRecord)
	assert.False(t, r.IsRecordConvertReady)
	assert.Empty(t, r.ReplayURL)
	go func() {
		time.Sleep(20 * time.Millisecond)
		srv.Advance(5 * time.Minute)
	}()
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err = c.WaitForRecording(ctx, req)
	require.NoError(t, err)
	assert.True(t, r.IsRecordConvertReady)
	assert.NotEmpty(t, r.ReplayURL)
}

func TestCallbacksFollowTheRealClock(t *testing.T) {
	rec := quanshitest.NewCallbackRecorder()
	defer rec.Close()
	srv, c := newSandbox(t, quanshitest.WithCallbackURL(rec.URL))
	confCreate(t, c, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: confHostID, Title: "Soon", StartTime: srv.Now().Add(time.Second), Length: 30,
	}})
	got := cbWait(t, rec, 1) // no Advance: the sandbox notices the start itself
	assert.Equal(t, "meetingbegin", got[0].Method)
}

func TestCallbacksStopWithTheSandbox(t *testing.T) {
	rec := quanshitest.NewCallbackRecorder()
	defer rec.Close()
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time { return confBase }),
		quanshitest.WithCallbackURL(rec.URL), quanshitest.WithCallbackRetries(1000, time.Hour))
	c, err := srv.Client()
	require.NoError(t, err)
	cbBook(t, c)
	rec.FailNext(1)
	srv.Advance(time.Hour) // the begin fails once, then waits an hour to retry
	require.Eventually(t, func() bool { return rec.Attempts() == 1 }, 5*time.Second, time.Millisecond)
	done := make(chan struct{})
	go func() { srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited for the retry")
	}
	assert.Empty(t, rec.Received())
}
