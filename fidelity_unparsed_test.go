package quanshi

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15 points 2 and 6: invented times and silent zeros.

// The schedule page's own example answers "start_time": "7". The booking
// took effect, so the call succeeds: no date is invented, the text is kept
// in StartTimeText and ResponseInfo.Unparsed, and the debug log names the
// member.
func TestWriteAnswerKeepsAnOddTimeAsText(t *testing.T) {
	var logs bytes.Buffer
	api := newTestAPI(t, WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	api.respondFixture(opUMeetingSchedule, "umeeting/schedule.json")
	var info ResponseInfo
	m, err := api.client.UMeeting.Schedule(context.Background(), umScheduleRequest(), CaptureResponse(&info))
	require.NoError(t, err)
	assert.True(t, m.StartTime.IsZero())
	assert.Equal(t, "7", m.StartTimeText)
	assert.Equal(t, []UnparsedField{{Field: "start_time", Text: "7"}}, info.Unparsed)
	assert.Contains(t, logs.String(), "field=start_time")
	assert.Contains(t, logs.String(), "text=7")
	umAssertNoCredential(t, logs.String())

	// "20170819" (the pages' 2017-08-19 without its dashes) is a date.
	body := strings.Replace(fixture(t, "umeeting/schedule.json"), `"start_time": "7"`, `"start_time": "20170819"`, 1)
	api.respond(opUMeetingSchedule, http.StatusOK, body)
	m, err = api.client.UMeeting.Schedule(context.Background(), umScheduleRequest(), CaptureResponse(&info))
	require.NoError(t, err)
	eventAssertTime(t, time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing), m.StartTime, "start_time 20170819")
	assert.Empty(t, m.StartTimeText)
	assert.Nil(t, info.Unparsed)
}

// In the answer to a read the same "7" is an error naming the field.
func TestReadAnswerOddTimeIsMalformed(t *testing.T) {
	api := newTestAPI(t)
	body := strings.Replace(fixture(t, "umeeting/get.json"), `"start_time": "2018-04-26 15:00:00"`, `"start_time": "7"`, 1)
	require.NotEqual(t, fixture(t, "umeeting/get.json"), body)
	api.respond(opUMeetingGet, http.StatusOK, body)
	_, err := api.client.UMeeting.Get(context.Background(), &UMeetingGetRequest{MeetingID: "1574054185"})
	require.ErrorIs(t, err, ErrMalformedResponse)
	assert.Contains(t, err.Error(), "start_time")
	assert.NotErrorIs(t, err, ErrOutcomeUnknown)
}

// Any odd member of a write's answer is set aside, not only times: the
// event create answer with a title that is an object still returns the
// event the server made.
func TestWriteAnswerOddMemberOfAnyKind(t *testing.T) {
	api := newTestAPI(t)
	body := strings.Replace(fixture(t, "event/create.json"), `"hostId": 88589613,`, `"hostId": {"id": 88589613},`, 1)
	require.NotEqual(t, fixture(t, "event/create.json"), body)
	api.respond(opEventCreate, http.StatusOK, body)
	var info ResponseInfo
	ev, err := api.client.Event.Create(context.Background(), eventListedCompanyRequest(), CaptureResponse(&info))
	require.NoError(t, err)
	assert.Equal(t, int64(657341), ev.EventID)
	assert.Zero(t, ev.HostID)
	assert.Equal(t, []UnparsedField{{Field: "hostId", Text: `{"id": 88589613}`}}, info.Unparsed)
}

// The credentials of a booking answer whose odd member is set aside stay
// out of the log.
func TestWriteAnswerOddMemberKeepsCredentialsOutOfLogs(t *testing.T) {
	var logs bytes.Buffer
	api := newTestAPI(t, WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	body := strings.Replace(fixture(t, "umeeting/schedule.json"), `"occurrences": [`, `"occurrences": "x", "o": [`, 1)
	api.respond(opUMeetingSchedule, http.StatusOK, body)
	var info ResponseInfo
	m, err := api.client.UMeeting.Schedule(context.Background(), umScheduleRequest(), CaptureResponse(&info))
	require.NoError(t, err)
	assert.Equal(t, "1770498237", m.MeetingID)
	assert.Empty(t, m.Occurrences)
	assert.Contains(t, info.Unparsed, UnparsedField{Field: "occurrences", Text: "x"})
	umAssertNoCredential(t, logs.String())
}

// A success envelope with no payload: a read that promises a result is
// ErrMalformedResponse (Conference.Get was an empty meeting, Status "none");
// a write that makes something is ErrOutcomeUnknown (UMeeting.Schedule was
// an empty meeting number); a write whose page answers null (cancel) is
// fine.
func TestSuccessWithoutPayload(t *testing.T) {
	for _, body := range []string{`{"status":0,"result":null}`, `{"status":0}`} {
		api := newTestAPI(t)
		api.respond(opConferenceStatus, http.StatusOK, body)
		_, err := api.client.Conference.Status(context.Background(), &ConferenceStatusRequest{ConferenceID: "239139091"})
		require.ErrorIs(t, err, ErrMalformedResponse, body)
		assert.NotErrorIs(t, err, ErrOutcomeUnknown, "a read")

		api.respondPath(FamilyConference, http.MethodPost, "/conference/conference/getConferenceBaseInfoById/6/239139091", http.StatusOK, body)
		_, err = api.client.Conference.Get(context.Background(), &ConferenceGetRequest{ConferenceID: "239139091"})
		require.ErrorIs(t, err, ErrMalformedResponse, body)

		api.respond(opConferenceCreate, http.StatusOK, body)
		_, err = api.client.Conference.Create(context.Background(), confCreateExample())
		require.ErrorIs(t, err, ErrOutcomeUnknown, body)
		require.ErrorIs(t, err, ErrMalformedResponse, body)
	}
	for _, body := range []string{`{"status":200,"message":"OK","data":null}`, `{"status":200,"message":"OK"}`, `{"status":200,"message":"OK","data":{"join_url":"https://u/j/1"}}`} {
		api := newTestAPI(t)
		api.respond(opUMeetingSchedule, http.StatusOK, body)
		_, err := api.client.UMeeting.Schedule(context.Background(), umScheduleRequest())
		require.ErrorIs(t, err, ErrOutcomeUnknown, body)
		assert.Equal(t, 1, api.mock.GetTotalCallCount(), "a write whose outcome is unknown is never resent")
	}
	// The room create page's answer without its roomId.
	api := newTestAPI(t)
	api.respond(opRoomAdd, http.StatusOK, `{"status":0,"result":{}}`)
	_, err := api.client.Room.AddRoom(context.Background(), roomAddExample())
	require.ErrorIs(t, err, ErrOutcomeUnknown)
}

// "confStatus": "" is not ConferenceStatusNone ("not found or deleted"):
// an enum's "" and null read as its Unknown, a number no page lists keeps
// its value, and both stay apart from every documented value.
func TestEnumEmptyIsUnknown(t *testing.T) {
	api := newTestAPI(t)
	body := strings.Replace(fixture(t, "conference/getConfStatus.json"), `"confStatus": 5`, `"confStatus": ""`, 1)
	require.NotEqual(t, fixture(t, "conference/getConfStatus.json"), body)
	api.respond(opConferenceStatus, http.StatusOK, body)
	st, err := api.client.Conference.Status(context.Background(), &ConferenceStatusRequest{ConferenceID: "239139091"})
	require.NoError(t, err)
	assert.Equal(t, ConferenceStatusUnknown, st.Status)
	assert.NotEqual(t, ConferenceStatusNone, st.Status)
	assert.Equal(t, "unknown", st.Status.String())

	for body, want := range map[string]ConferenceStatus{
		`{"status":null}`: ConferenceStatusUnknown, `{"status":"0"}`: ConferenceStatusNone,
		`{"status":7}`: 7, `{"status":2,"status":""}`: ConferenceStatusInProgress,
	} {
		var c ConferenceInfo
		require.NoError(t, decodeJSON([]byte(body), &c), body)
		assert.Equal(t, want, c.Status, body)
	}
	var u UMeeting
	require.NoError(t, decodeJSON([]byte(`{"status":""}`), &u))
	assert.Equal(t, UMeetingStatusUnknown, u.Status, "UMeetingStatusScheduled is 0")
}

// A write's answer sets aside a member whose value was read whole in the
// same pass (a time that is no time, in the answer and inside a list
// element), and one that was left half read (an odd element of a list of
// numbers) by putting null in its place and decoding again: both routes
// give the same result and list every member. More than maxUnparsed odd
// members are not the documented answer: the call fails.
func TestWriteAnswerSetsAsideInOnePassOrByPatching(t *testing.T) {
	payload := `{"meeting_id":"1770498237","start_time":"7",` +
		`"occurrences":[{"start_time":"2020-05-18 10:00:00","uuid":"a"},{"start_time":"x","uuid":"b"}]}`
	var r UMeetingScheduleResult
	odd, _, err := decodeWriteAnswer([]byte(payload), &r)
	require.NoError(t, err)
	assert.Equal(t, "1770498237", r.MeetingID)
	require.Len(t, r.Occurrences, 2)
	assert.Equal(t, "b", r.Occurrences[1].UUID)
	assert.True(t, r.Occurrences[1].StartTime.IsZero())
	assert.Equal(t, []UnparsedField{{Field: "start_time", Text: "7"}, {Field: "occurrences[1].start_time", Text: "x"}}, odd)

	// A list whose element is no object is left half read: patched instead.
	r = UMeetingScheduleResult{}
	odd, _, err = decodeWriteAnswer([]byte(`{"meeting_id":"1770498237","occurrences":[{"uuid":"a"},5],"start_time":"7","live_id":"9"}`), &r)
	require.NoError(t, err)
	assert.Equal(t, "9", r.LiveID)
	assert.Equal(t, "7", odd[len(odd)-1].Text)
	assert.Equal(t, UnparsedField{Field: "occurrences[1]", Text: "5"}, odd[0])

	var many strings.Builder
	many.WriteString(`{"meeting_id":"1","occurrences":[`)
	for i := range maxUnparsed + 1 {
		if i > 0 {
			many.WriteByte(',')
		}
		many.WriteString(`{"start_time":"7"}`)
	}
	many.WriteString(`]}`)
	_, _, err = decodeWriteAnswer([]byte(many.String()), &UMeetingScheduleResult{})
	assert.Error(t, err)
}
