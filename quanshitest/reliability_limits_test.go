package quanshitest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Limits: oversize and deeply nested answers are refused with a clear
// error, an oversize request is never sent, and the rate limiter makes
// calls wait (never fail) until their context is done.

func TestRelOversizeAnswerIsRefused(t *testing.T) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t), quanshi.WithMaxResponseBytes(1024))
	ctx := relCtx(t)
	req := relConferenceRequest("大")
	for i := range 40 {
		req.InviteeList = append(req.InviteeList, quanshi.ConferenceInvitee{Name: fmt.Sprintf("参会人 %d", i), Email: fmt.Sprintf("p%d@example.com", i)})
	}
	// The create's own answer is already over the limit: the meeting is
	// made, its answer refused.
	_, err := c.Conference.Create(ctx, req)
	assert.ErrorIs(t, err, quanshi.ErrResponseTooLarge)
	assert.ErrorIs(t, err, quanshi.ErrOutcomeUnknown, "the write happened, its answer was not read")
	require.Equal(t, 1, srv.Handled(relPathConfCreate))
	require.Equal(t, 1, srv.Calls(relPathConfCreate))
	list, err := relClient(t, srv, relTransport(t)).Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: relConfHost})
	require.NoError(t, err)
	require.Len(t, list.Conferences, 1)

	_, err = c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: list.Conferences[0].ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrResponseTooLarge)
	var apiErr *quanshi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusOK, apiErr.HTTPStatus)
	assert.Contains(t, err.Error(), "exceeds 1024 bytes")
	assert.Equal(t, 1, srv.Calls(relPathConfGet), "an answer that will not shrink is not asked for again")
}

func TestRelDeeplyNestedAnswerIsRefused(t *testing.T) {
	srv := relSandbox(t)
	rw := &relRewriter{}
	c := relClient(t, srv, &relWire{next: relTransport(t), rewrite: rw.rewrite}, quanshi.WithoutRetries())
	ctx := relCtx(t)
	ids := relSeed(t, c)
	for name, body := range map[string]string{
		"arrays":  `{"status":0,"result":` + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + `}`,
		"objects": `{"status":0,"result":` + strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000) + `}`,
		"in msg":  `{"status":50103,"msg":` + strings.Repeat("[", 100000) + `}`,
	} {
		rw.set(relPathConfStatus, relFixed(http.StatusOK, body))
		start := time.Now()
		_, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: ids.conferenceID})
		assert.ErrorIs(t, err, quanshi.ErrMalformedResponse, name)
		assert.Less(t, time.Since(start), 5*time.Second, name)
		var apiErr *quanshi.APIError
		if assert.ErrorAs(t, err, &apiErr, name) {
			assert.LessOrEqual(t, len(apiErr.Body), 200, "%s: a short excerpt", name)
		}
	}
}

func TestRelOversizeRequestIsNeverSent(t *testing.T) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t))
	ctx := relCtx(t)
	req := relConferenceRequest("大")
	req.Summary = new(strings.Repeat("会", 400000)) // 1.2 MB of UTF-8
	_, err := c.Conference.Create(ctx, req)
	var ve *quanshi.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Reason, "limit")
	um := relUMeetingRequest(strings.Repeat("题", 400000))
	_, err = c.UMeeting.Schedule(ctx, um)
	require.ErrorAs(t, err, &ve)
	assert.Zero(t, srv.TotalCalls())
}

func TestRelRateLimitWaitsInsteadOfFailing(t *testing.T) {
	srv := relSandbox(t)
	const perSecond = 40
	c := relClient(t, srv, relTransport(t), quanshi.WithRateLimit(perSecond, 1))
	ids := relSeed(t, c) // 4 creates and a mint: the bucket is empty now
	ctx := relCtx(t)
	const workers, each = 4, 6
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for range workers {
		wg.Go(func() {
			for range each {
				_, err := c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: ids.umeetingID})
				errs <- err
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		require.NoError(t, err, "over the limit, a call waits")
	}
	minimum := time.Duration(workers*each-1) * time.Second / perSecond
	assert.GreaterOrEqual(t, elapsed, minimum*9/10, "%d calls at %d/s", workers*each, perSecond)
	t.Logf("%d calls at %d/s with burst 1: %v (at least %v)", workers*each, perSecond, elapsed.Round(time.Millisecond), minimum)

	// A call whose context ends while it waits for its turn is never sent.
	slow := relClient(t, srv, relTransport(t), quanshi.WithRateLimit(0.5, 1))
	_, err := slow.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: ids.umeetingID})
	require.NoError(t, err)
	calls := srv.Calls(relPathUMSchedule)
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = slow.UMeeting.Schedule(short, relUMeetingRequest("限流"))
	assert.Less(t, time.Since(start), time.Second, "the wait ends with the context")
	relDeadline(t, err)
	assert.NotErrorIs(t, err, quanshi.ErrOutcomeUnknown, "nothing was sent")
	assert.Equal(t, calls, srv.Calls(relPathUMSchedule))
}
