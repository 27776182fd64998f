package quanshi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catchUpPage is a modify list of two events: one changed, one cancelled.
const catchUpPage = `{"code":200,"msg":"ok","timeStamp":1680154799339,"data":{"count":2,"list":[
	{"eventId":542781,"title":"openapi 测试会议","eventStatus":0,"modifyTime":1680083900,"hostId":15029232},
	{"eventId":"542790","title":"年度策略会","eventStatus":1,"modifyTime":"1680083968","hostId":"15029232"}]}}`

func TestCallbackCatchUpReplaysThroughOnUpdate(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(opEventModifyList, http.StatusOK, catchUpPage)
	var got []*EventUpdateCallback
	h := &CallbackHandler{OnUpdate: func(_ context.Context, cb *EventUpdateCallback) error {
		got = append(got, cb)
		return nil
	}}
	since := time.Unix(1680000000, 0)
	res, err := h.CatchUp(context.Background(), api.client, &CatchUpRequest{From: since})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","startTime":1680000000,"page":1,"pageSize":10}`, rec.last(t).Body)
	assert.Equal(t, &CatchUpResult{Replayed: 2, Through: time.Unix(1680083968, 0).In(Beijing)}, res)
	require.Len(t, got, 2)
	assert.True(t, got[0].Replayed)
	assert.Equal(t, CallbackUpdate, got[0].Method)
	assert.Equal(t, "catchup-542781-1680083900000", got[0].MsgID)
	assert.Equal(t, EventStatusCancelled, got[0].Event.EventStatus)
	assert.Equal(t, int64(542790), got[1].Event.EventID)
	assert.True(t, got[1].Timestamp.Equal(time.Unix(1680083968, 0)))
	assert.Nil(t, got[1].RawEvent)

	// Replaying the window again handles nothing twice.
	res, err = h.CatchUp(context.Background(), api.client, &CatchUpRequest{From: since, To: time.Unix(1680090000, 0)})
	require.NoError(t, err)
	assert.Equal(t, &CatchUpResult{Skipped: 2}, res)
	assert.Len(t, got, 2)
	assert.Contains(t, rec.last(t).Body, `"endTime":1680090000`)
}

func TestCallbackCatchUpStopsAtAFailureAndResumes(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opEventModifyList, http.StatusOK, catchUpPage)
	var calls atomic.Int32
	h := &CallbackHandler{OnUpdate: func(_ context.Context, cb *EventUpdateCallback) error {
		if calls.Add(1) == 2 {
			return errors.New("database down")
		}
		return nil
	}}
	req := &CatchUpRequest{From: time.Unix(1680000000, 0)}
	res, err := h.CatchUp(context.Background(), api.client, req)
	assert.ErrorContains(t, err, "database down")
	assert.Equal(t, 1, res.Replayed)

	res, err = h.CatchUp(context.Background(), api.client, req)
	require.NoError(t, err)
	assert.Equal(t, &CatchUpResult{Replayed: 1, Skipped: 1, Through: time.Unix(1680083968, 0).In(Beijing)}, res)
}

func TestCallbackCatchUpErrors(t *testing.T) {
	api := newTestAPI(t)
	h := &CallbackHandler{}
	_, err := h.CatchUp(context.Background(), api.client, nil)
	var verr *ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "since", verr.Field)

	api.respond(opEventModifyList, http.StatusOK, `{"code":500,"msg":"boom"}`)
	res, err := h.CatchUp(context.Background(), api.client, &CatchUpRequest{From: time.Unix(1680000000, 0)})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 0, res.Replayed)
}

// recordingAnswer is getConfReplayById's answer with the recording ready or
// not.
func recordingAnswer(ready bool) string {
	flag := map[bool]string{true: "1", false: "0"}[ready]
	return `{"status":0,"result":{"conferenceId":"239599729","hasRecord":"1","isRecordConvertReady":"` + flag + `",` +
		`"replayUrl":"https://rtest.qsh1.cn/rec/page?id=c5"}}`
}

func TestWaitForRecordingPollsUntilReady(t *testing.T) {
	api := newTestAPI(t)
	answers := []string{
		`{"status":50709,"msg":"conference not found"}`, // not ended yet
		recordingAnswer(false),
		recordingAnswer(false),
		recordingAnswer(true),
	}
	var asked atomic.Int32
	var times []time.Time
	eventRespondFunc(api, opRecordingGet, func(body string) (int, string) {
		times = append(times, time.Now())
		assert.JSONEq(t, `{"token":"`+testToken+`","conferenceId":"239599729"}`, body)
		return http.StatusOK, answers[asked.Add(1)-1]
	})
	rec, err := api.client.WaitForRecording(context.Background(), &RecordingWaitRequest{
		RecordingGetRequest: RecordingGetRequest{ConferenceID: "239599729"},
		Interval:            5 * time.Millisecond, MaxInterval: 12 * time.Millisecond,
	})
	require.NoError(t, err)
	assert.True(t, rec.IsRecordConvertReady)
	assert.Equal(t, "https://rtest.qsh1.cn/rec/page?id=c5", rec.ReplayURL)
	require.Len(t, times, 4)
	assert.GreaterOrEqual(t, times[1].Sub(times[0]), 5*time.Millisecond)
	assert.GreaterOrEqual(t, times[2].Sub(times[1]), 10*time.Millisecond, "the wait doubles")
	assert.GreaterOrEqual(t, times[3].Sub(times[2]), 12*time.Millisecond, "up to MaxInterval")
}

func TestWaitForRecordingStopsOnCtxAndOnOtherErrors(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opRecordingGet, http.StatusOK, recordingAnswer(false))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := api.client.WaitForRecording(ctx, &RecordingWaitRequest{
		RecordingGetRequest: RecordingGetRequest{ConferenceID: "239599729"}, Interval: time.Millisecond,
	})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "239599729")
	assert.Less(t, time.Since(start), time.Second)

	api = newTestAPI(t)
	api.respond(opRecordingGet, http.StatusOK, `{"status":50103,"msg":"bad parameter"}`)
	_, err = api.client.WaitForRecording(context.Background(), &RecordingWaitRequest{
		RecordingGetRequest: RecordingGetRequest{ConferenceID: "239599729"}, Interval: time.Millisecond,
	})
	assert.ErrorIs(t, err, ErrInvalidParameter)

	_, err = api.client.WaitForRecording(context.Background(), nil)
	var verr *ValidationError
	assert.ErrorAs(t, err, &verr)
	_, err = api.client.WaitForRecording(context.Background(), &RecordingWaitRequest{})
	require.ErrorAs(t, err, &verr)
	assert.True(t, strings.Contains(verr.Field, "conferenceId"))
}
