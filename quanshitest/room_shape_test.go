package quanshitest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roomShape maps every member path of a JSON document (".a.b[].c") to the
// kind of its values: '"' string, '0' number, 'b' bool, '{' object, '['
// array ('n' when only null was seen). Duplicate keys all count, so a
// fixture that repeats a member contributes both versions.
func roomShape(t *testing.T, raw []byte) map[string]byte {
	t.Helper()
	shape := map[string]byte{}
	dec := jsontext.NewDecoder(bytes.NewReader(raw), jsontext.AllowDuplicateNames(true))
	var walk func(path string)
	walk = func(path string) {
		tok, err := dec.ReadToken()
		require.NoError(t, err)
		kind := byte(tok.Kind())
		switch kind {
		case 't', 'f':
			kind = 'b'
		case '{':
			for dec.PeekKind() != '}' {
				name, err := dec.ReadToken()
				require.NoError(t, err)
				walk(path + "." + name.String())
			}
			_, err = dec.ReadToken()
			require.NoError(t, err)
		case '[':
			for dec.PeekKind() != ']' {
				walk(path + "[]")
			}
			_, err = dec.ReadToken()
			require.NoError(t, err)
		}
		if old, seen := shape[path]; !seen || old == 'n' {
			shape[path] = kind
		}
	}
	walk("")
	return shape
}

// roomFixtureResult is the shape of the result member of an SDK fixture
// (the spec's example), with replace applied to its text first.
func roomFixtureResult(t *testing.T, name string, replace ...string) map[string]byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	raw = []byte(strings.NewReplacer(replace...).Replace(string(raw)))
	out := map[string]byte{}
	for path, kind := range roomShape(t, raw) {
		if rest, ok := strings.CutPrefix(path, ".result"); ok && rest != "" {
			out[rest] = kind
		}
	}
	return out
}

// roomAnswerShape sends a request to the sandbox and returns the shape of
// its result.
func roomAnswerShape(t *testing.T, c *quanshi.Client, op quanshi.Operation, body map[string]any) map[string]byte {
	t.Helper()
	var result jsontext.Value
	require.NoError(t, c.Do(context.Background(), op, body, &result))
	out := map[string]byte{}
	for path, kind := range roomShape(t, result) {
		if path != "" {
			out[path] = kind
		}
	}
	return out
}

// roomSameShape asserts that the sandbox answers with every member of the
// spec's example, each in the example's form (string, number, bool, object,
// array; null matches anything), and with no other member but those listed
// in extra (documented in the field tables, or below members the example
// leaves null or empty).
func roomSameShape(t *testing.T, want, got map[string]byte, skip []string, extra ...string) {
	t.Helper()
	skipped := func(path string) bool {
		return slices.ContainsFunc(skip, func(prefix string) bool { return strings.HasPrefix(path, prefix) })
	}
	for path, kind := range want {
		if skipped(path) {
			continue
		}
		gotKind, ok := got[path]
		if !assert.True(t, ok, "the sandbox leaves out %s", path) {
			continue
		}
		if kind != 'n' && gotKind != 'n' {
			assert.Equal(t, string(kind), string(gotKind), "the form of %s", path)
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok && !skipped(path) {
			assert.True(t, slices.ContainsFunc(extra, func(prefix string) bool { return strings.HasPrefix(path, prefix) }),
				"the sandbox sends %s, which the example does not show", path)
		}
	}
}

func TestRoomAnswersHaveTheExamplesShape(t *testing.T) {
	srv, c := roomSandbox(t)
	start := roomBase.Add(time.Hour)
	booking := map[string]any{
		"userId": roomHost, "title": "王迪的会议测试233", "length": 30, "starttime": quanshi.FormatWallClock(start),
		"participantsLists": "kai.zhang@quanshi.com;81422209",
		"composeRoomList":   []any{map[string]any{"roomId": 10935, "isMainRoom": 1, "equipIdList": []int64{58933}}},
	}
	var res struct {
		ConferenceID string `json:"conferenceId"`
		EventID      int64  `json:"eventId"`
	}
	require.NoError(t, c.Do(context.Background(), roomOpCreate, booking, &res))
	roomSameShape(t, roomFixtureResult(t, "room/reservConference.json"), roomAnswerShape(t, c, roomOpUpdate, mapWith(booking, "eventId", res.EventID)), nil)
	created := roomAnswerShape(t, c, roomOpCreate, mapWith(booking, "liveOpenFlag", 1))
	roomSameShape(t, roomFixtureResult(t, "room/reservConference.json"), created, nil, ".pullPwd")

	// The meeting objects. The examples have no meeting rooms (houseList []
	// and detailHouseList null): the rooms are checked against the spec's
	// houseList and detailHouseList examples. Members the tables document
	// are allowed too: meetAttendeeJoinUrl, meetHostJoinUrl, calExtraInfo's
	// watchword (shown by listByAdmin's example), testAudienceUnionUrl (only
	// listByAdmin's example), ApplyStatus (the detailHouseList table's name),
	// recurrenceInfo (null in the examples).
	documented := []string{"[].meetAttendeeJoinUrl", "[].meetHostJoinUrl", "[].testAudienceUnionUrl", "[].calExtraInfo.", "[].recurrenceInfo", "[].detailHouseList[].ApplyStatus"}
	infos := roomAnswerShape(t, c, roomOpInfos, map[string]any{"conferenceId": res.ConferenceID})
	roomSameShape(t, roomWithRooms(t, roomFixtureResult(t, "room/infos.json")), infos, nil, documented...)
	span := map[string]any{"startTime": roomBase.Unix(), "endTime": roomBase.Add(24 * time.Hour).Unix(), "userId": roomHost}
	list := roomAnswerShape(t, c, roomOpList, span)
	roomSameShape(t, roomWithRooms(t, roomFixtureResult(t, "room/list.json")), list, nil, documented...)
	admin := roomAnswerShape(t, c, roomOpAdmin, span)
	// listByAdmin's example has null dial-in lists, infos' has the numbers.
	roomSameShape(t, roomWithRooms(t, roomFixtureResult(t, "room/listByAdmin.json")), admin, nil, append(documented, "[].accessNumbers.")...)

	weekly := mapWith(booking, "cycle", "1")
	weekly["cycleRole"] = map[string]any{"frequency": "weekly", "byday": "MO"}
	var series struct {
		EventID int64 `json:"eventId"`
	}
	require.NoError(t, c.Do(context.Background(), roomOpCreate, weekly, &series))
	cancelled := roomAnswerShape(t, c, roomOpCancel, map[string]any{"eventId": series.EventID})
	roomSameShape(t, map[string]byte{".eventId": '0', ".parentId": 'n'}, cancelled, nil)
	assert.Equal(t, roomFixtureResult(t, "room/cancelReservConference_result.json")[".eventId"], cancelled[".eventId"])

	// Recordings and reports of the ended meeting.
	srv.Advance(3 * time.Hour)
	byHost := roomAnswerShape(t, c, recOpList, map[string]any{"email": []string{"host@corp.test"}})
	assert.Empty(t, byHost, "that host has no meetings")
	hostEmail := "user88415897@sandbox.quanshi.test"
	byHost = roomAnswerShape(t, c, recOpList, map[string]any{"email": []string{hostEmail}})
	roomSameShape(t, roomFixtureResult(t, "recording/getConfReplay.json", "xmlpay16@hys.com", hostEmail), byHost, nil)
	one := roomAnswerShape(t, c, recOpGet, map[string]any{"conferenceId": res.ConferenceID})
	roomSameShape(t, roomFixtureResult(t, "recording/getConfReplayById.json"), one, nil)

	// The sandbox's meetings have no live audience: live stays [].
	report := roomAnswerShape(t, c, reportOpGet, map[string]any{"conferenceId": res.ConferenceID})
	want := roomFixtureResult(t, "report/getReportData.json")
	for path, kind := range roomFixtureResult(t, "report/getReportData_duplicates.json") {
		want[path] = kind
	}
	roomSameShape(t, want, report, []string{".live[]"}, ".attendees[].city", ".attendees[].ext", ".invitees[].city", ".invitees[].ext")
}

// roomRoomExamples are the spec's houseList/equipList and detailHouseList
// examples (§17), with the missing quotes around SubDevices added.
const roomRoomExamples = `{
	"houseList": [{"DeviceId":6518, "DeviceType":2, "DeviceName":"杏花村", "City":"西安", "Location":"锦业路", "Floor":14,
		"IsMainRoom":0, "ParentDeviceId":0, "ParentDeviceType":0, "ApplyUserId":22563698, "ApprovalStatus":1}],
	"equipList": [{"DeviceId":6516, "DeviceType":2, "DeviceName":"杏花村2", "City":"西安", "Location":"锦业路", "Floor":14,
		"IsMainRoom":0, "ParentDeviceId":0, "ParentDeviceType":0, "ApplyUserId":22563698, "ApprovalStatus":1}],
	"detailHouseList": [{"DeviceId":6516, "DeviceType":2, "DeviceName":"杏花村2", "City":"西安", "Location":"锦业路", "Floor":14,
		"IsMainRoom":0, "ApplyUserId":22563698, "ApprovalStatus":1,
		"SubDevices":[{"DeviceId":6546, "DeviceType":3, "DeviceName":"盒子"}, {"DeviceId":6547, "DeviceType":3, "DeviceName":"盒子2"}]}]
}`

// roomWithRooms adds the room examples' members to a meeting list's shape.
func roomWithRooms(t *testing.T, shape map[string]byte) map[string]byte {
	t.Helper()
	for path, kind := range roomShape(t, []byte(roomRoomExamples)) {
		if path != "" {
			shape["[]"+path] = kind
		}
	}
	return shape
}

// mapWith copies m with key set to v.
func mapWith(m map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, val := range m {
		out[k] = val
	}
	out[key] = v
	return out
}
