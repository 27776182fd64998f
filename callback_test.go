package quanshi

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// callbackDocBegin is the page's meetingbegin example exactly as printed,
// with its double comma.
const callbackDocBegin = `{
    "method": "meetingbegin",
    "timestamp": 1648025135959,
    "msgId": "uniformserver-172.10.87.148-1648024077.80251320.928",
    "siteId": 0,
    "customerCode": "061548",
    "meetinginfo": {
        "eventId": "556653",,
        "hostId": "88406965",
        "attendeeJoinUrl": "https://mtest.qsh1.cn/k/mkEPAQUu0X5",
        "hostJoinUrl": "https://mtest.qsh1.cn/k/mkEPAGRg2je"
    }
}`

func TestParseCallbackMeetingBeginFixture(t *testing.T) {
	cb, err := ParseCallback([]byte(fixture(t, "callbacks/meetingbegin.json")))
	require.NoError(t, err)
	begin, ok := cb.(*MeetingBeginCallback)
	require.True(t, ok, "got %T", cb)
	assert.Equal(t, CallbackMeetingBegin, begin.Method)
	assert.Equal(t, "uniformserver-172.10.87.148-1648024077.80251320.928", begin.MsgID)
	assert.Equal(t, "061548", begin.CustomerCode)
	assert.Equal(t, int64(0), begin.SiteID)
	assert.True(t, begin.Timestamp.Equal(time.UnixMilli(1648025135959)))
	assert.Equal(t, Beijing, begin.Timestamp.Location())
	assert.Equal(t, "2022-03-23 16:45:35", begin.Timestamp.Format(time.DateTime), "Beijing wall clock")
	assert.Equal(t, CallbackMeeting{
		EventID: 556653, HostID: 88406965,
		ParticipantJoinURL: "https://mtest.qsh1.cn/k/mkEPAQUu0X5", HostJoinURL: "https://mtest.qsh1.cn/k/mkEPAGRg2je",
	}, begin.Meeting)
	assert.Same(t, &begin.CallbackHeader, cb.Header())
}

func TestParseCallbackMeetingEndFixture(t *testing.T) {
	cb, err := ParseCallback([]byte(fixture(t, "callbacks/meetingend.json")))
	require.NoError(t, err)
	end, ok := cb.(*MeetingEndCallback)
	require.True(t, ok, "got %T", cb)
	assert.Equal(t, CallbackMeetingEnd, end.Method)
	assert.Equal(t, "uniformserver-172.10.87.148-1648025135.672827052.127", end.MsgID)
	assert.Equal(t, int64(556653), end.Meeting.EventID)
	assert.Equal(t, int64(88406965), end.Meeting.HostID)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkEPAGRg2je", end.Meeting.HostJoinURL)
}

func TestParseCallbackToleratesTheDocsDoubleComma(t *testing.T) {
	cb, err := ParseCallback([]byte(callbackDocBegin))
	require.NoError(t, err)
	fixed, err := ParseCallback([]byte(fixture(t, "callbacks/meetingbegin.json")))
	require.NoError(t, err)
	assert.Equal(t, fixed, cb)

	// Trailing commas and numeric ids too.
	cb, err = ParseCallback([]byte(`{"method":"meetingend","msgId":"m1","timestamp":"1648025135959",
		"meetinginfo":{"eventId":556653,"hostId":88406965,},}`))
	require.NoError(t, err)
	assert.Equal(t, int64(556653), cb.(*MeetingEndCallback).Meeting.EventID)
	assert.True(t, cb.Header().Timestamp.Equal(time.UnixMilli(1648025135959)), "timestamp as a string")
}

func TestParseCallbackKeepsCommasInsideStrings(t *testing.T) {
	body := `{"method":"x,,y","msgId":"a,,}","meetinginfo":{"eventId":"1",,}}`
	cb, err := ParseCallback([]byte(body))
	require.NoError(t, err)
	unknown, ok := cb.(*UnknownCallback)
	require.True(t, ok, "got %T", cb)
	assert.Equal(t, CallbackMethod("x,,y"), unknown.Method)
	assert.Equal(t, "a,,}", unknown.MsgID)
	assert.Equal(t, body, string(unknown.Body))
}

func TestParseCallbackUpdate(t *testing.T) {
	body := `{"method":"update","timestamp":1648025135959,"msgId":"u-1","customerCode":"061548","siteId":"0",
		"event":{"eventId":"556653","title":"年度策略会","startTime":1680166800,"length":"60","hostId":"88406965","eventStatus":1,
		"jointHostUrl":"http://stest.qsh1.cn/a/OVsNIX170A2F"}}`
	cb, err := ParseCallback([]byte(body))
	require.NoError(t, err)
	up, ok := cb.(*EventUpdateCallback)
	require.True(t, ok, "got %T", cb)
	assert.Equal(t, CallbackUpdate, up.Method)
	assert.Equal(t, int64(556653), up.Event.EventID)
	assert.Equal(t, "年度策略会", up.Event.Title)
	assert.Equal(t, int64(88406965), up.Event.HostID)
	assert.Equal(t, 60, up.Event.Length)
	assert.Equal(t, EventStatus(1), up.Event.EventStatus)
	assert.Equal(t, time.Date(2023, 3, 30, 17, 0, 0, 0, Beijing), up.Event.StartTime)
	assert.Equal(t, "http://stest.qsh1.cn/a/OVsNIX170A2F", up.Event.JoinHostURL, "jointHostUrl, as ListModified reads it")
	assert.JSONEq(t, `{"eventId":"556653","title":"年度策略会","startTime":1680166800,"length":"60","hostId":"88406965","eventStatus":1,
		"jointHostUrl":"http://stest.qsh1.cn/a/OVsNIX170A2F"}`, string(up.RawEvent))
	assert.False(t, up.Replayed)
}

func TestParseCallbackUnknownMethodIsNotAnError(t *testing.T) {
	body := `{"method":"meetingcancel","timestamp":1648025135959,"msgId":"c-1","customerCode":"061548","whatever":[1,2]}`
	cb, err := ParseCallback([]byte(body))
	require.NoError(t, err)
	unknown, ok := cb.(*UnknownCallback)
	require.True(t, ok, "got %T", cb)
	assert.Equal(t, CallbackMethod("meetingcancel"), unknown.Method)
	assert.Equal(t, "c-1", unknown.MsgID)
	assert.Equal(t, body, string(unknown.Body))
}

func TestParseCallbackRejectsWhatIsNotACallback(t *testing.T) {
	for name, body := range map[string]string{
		"empty":                   ``,
		"html":                    `<html>502 Bad Gateway</html>`,
		"array":                   `[{"method":"meetingbegin"}]`,
		"string":                  `"meetingbegin"`,
		"no method":               `{"msgId":"m","meetinginfo":{"eventId":"1"}}`,
		"blank method":            `{"method":"  ","msgId":"m"}`,
		"method is an object":     `{"method":{"a":1},"msgId":"m"}`,
		"begin without body":      `{"method":"meetingbegin","msgId":"m"}`,
		"end with meetinginfo []": `{"method":"meetingend","msgId":"m","meetinginfo":[]}`,
		"begin without eventId":   `{"method":"meetingbegin","msgId":"m","meetinginfo":{"hostId":"1"}}`,
		"eventId not a number":    `{"method":"meetingbegin","msgId":"m","meetinginfo":{"eventId":"secret-abc"}}`,
		"update without event":    `{"method":"update","msgId":"m"}`,
		"truncated":               `{"method":"meetingbegin","msgId":"m","meetinginfo":{"eventId":"1"`,
		"comment":                 `{"method":"update", /* x */ "msgId":"m"}`,
	} {
		t.Run(name, func(t *testing.T) {
			cb, err := ParseCallback([]byte(body))
			require.ErrorIs(t, err, ErrNotCallback)
			assert.Nil(t, cb)
			assert.NotContains(t, err.Error(), "secret-abc", "the error never quotes the body")
		})
	}
}

func TestParseCallbackErrorNamesTheMember(t *testing.T) {
	_, err := ParseCallback([]byte(`{"method":"meetingbegin","msgId":"m","meetinginfo":{"eventId":{"x":1}}}`))
	require.ErrorIs(t, err, ErrNotCallback)
	assert.Contains(t, err.Error(), "member meetinginfo.eventId has the wrong type")
}

func callbackRequest(body, contentType string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/quanshi/callback", strings.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	return r
}

func TestParseCallbackRequest(t *testing.T) {
	body := fixture(t, "callbacks/meetingend.json")
	for _, ct := range []string{"application/json;charset=UTF-8", "application/json", "", "application/vnd.quanshi+json", "text/json"} {
		cb, err := ParseCallbackRequest(callbackRequest(body, ct))
		require.NoError(t, err, ct)
		assert.IsType(t, &MeetingEndCallback{}, cb, ct)
	}
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ";;"} {
		_, err := ParseCallbackRequest(callbackRequest(body, ct))
		assert.ErrorIs(t, err, ErrCallbackContentType, ct)
	}
}

func TestParseCallbackRequestSizeLimit(t *testing.T) {
	big := `{"method":"update","msgId":"m","event":{"summary":"` + strings.Repeat("x", MaxCallbackBytes) + `"}}`
	_, err := ParseCallbackRequest(callbackRequest(big, "application/json"))
	assert.ErrorIs(t, err, ErrCallbackTooLarge)

	// Without a Content-Length the limit still holds.
	r := callbackRequest(big, "application/json")
	r.ContentLength = -1
	_, err = ParseCallbackRequest(r)
	assert.ErrorIs(t, err, ErrCallbackTooLarge)

	r = callbackRequest("", "application/json")
	r.Body = nil
	_, err = ParseCallbackRequest(r)
	assert.ErrorIs(t, err, ErrNotCallback)
}

func TestDropStrayCommas(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":1,,"b":2}`:        `{"a":1,"b":2}`,
		`{,"a":1}`:              `{"a":1}`,
		`[1,2,]`:                `[1,2]`,
		`{"a":[1 , , 2 ,] , }`:  `{"a":[1 ,2 ] }`,
		`{"a":1,,}`:             `{"a":1}`,
		`{"a":"x\",,\\","b":1}`: `{"a":"x\",,\\","b":1}`,
	} {
		got, _ := dropStrayCommas([]byte(in))
		assert.Equal(t, want, string(got), in)
	}
	_, changed := dropStrayCommas([]byte(`{"a":"1,,2"}`))
	assert.False(t, changed)
}

func FuzzParseCallback(f *testing.F) {
	f.Add([]byte(callbackDocBegin))
	f.Add([]byte(fixture(f, "callbacks/meetingend.json")))
	f.Add([]byte(`{"method":"update","msgId":"u","event":{"eventId":"1","startTime":"2020-09-07 20:00:00"}}`))
	f.Add([]byte(`{"method":"x","msgId":"a,,}",,}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		cb, err := ParseCallback(body)
		if err != nil {
			if cb != nil || !errors.Is(err, ErrNotCallback) {
				t.Fatalf("error %v with callback %T", err, cb)
			}
			return
		}
		if cb == nil || cb.Header() == nil || strings.TrimSpace(string(cb.Header().Method)) == "" {
			t.Fatalf("callback %#v without a method", cb)
		}
		switch cb := cb.(type) {
		case *MeetingBeginCallback:
			if cb.Meeting.EventID <= 0 {
				t.Fatal("begin without an event id")
			}
		case *MeetingEndCallback:
			if cb.Meeting.EventID <= 0 {
				t.Fatal("end without an event id")
			}
		}
		if !cb.Header().Timestamp.IsZero() && cb.Header().Timestamp.Location() != Beijing {
			t.Fatal("timestamp not in Beijing time")
		}
	})
}
