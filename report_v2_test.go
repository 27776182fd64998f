package quanshi

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page's example is cut inside the first record's e-mail: the fixture
// keeps what is shown and closes it.
func TestReportAttendanceDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opReportAttendance, "report/getReportDatas.json")
	res, err := api.client.Report.Attendance(context.Background(), &ReportAttendanceRequest{UserID: 88610840, EventID: 613399})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "userId": 88610840, "eventId": 613399}`, rec.last(t).Body)
	require.Len(t, res.Records, 1)
	r := res.Records[0]
	assert.Equal(t, "239794753", r.ConferenceID)
	assert.Equal(t, int64(88610840), r.HostID)
	assert.Equal(t, "pei", r.HostName)
	assert.Equal(t, int64(613399), r.EventID)
	assert.Equal(t, "pei%E7%9A%84%E4%BC%9A%E8%AE%AE", r.Title)
	assert.Equal(t, "pei的会议", r.DecodedTitle())
	roomAssertBeijing(t, roomBJ(2022, 11, 18, 19, 0, 0), r.StartTime)
	roomAssertBeijing(t, roomBJ(2022, 11, 18, 20, 0, 0), r.EndTime)
	assert.Equal(t, "pxytest221109", r.Name)
	roomAssertBeijing(t, roomBJ(2022, 11, 18, 11, 25, 48), r.OnlineTime)
	roomAssertBeijing(t, roomBJ(2022, 11, 18, 17, 57, 33), r.OfflineTime)
	assert.Equal(t, "-", r.Mobile)
	assert.Equal(t, "pxytest2211", r.Email)

	bad := ReportAttendanceRecord{Title: "100%"}
	assert.Equal(t, "100%", bad.DecodedTitle(), "not percent-encoding: kept as sent")
}

func TestReportAttendanceV2DecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opReportAttendanceV2, "report/getReportDatas-v2.json")
	res, err := api.client.Report.AttendanceV2(context.Background(), &ReportEventRequest{EventID: 613399})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 613399}`, rec.last(t).Body)
	require.Len(t, res.Joins, 2)
	j := res.Joins[0]
	assert.Equal(t, "mike", j.Name)
	assert.Equal(t, time.Unix(1763452425, 0).Unix(), j.OnlineTime.Unix())
	assert.Equal(t, time.Unix(1763453000, 0).Unix(), j.OfflineTime.Unix())
	assert.Equal(t, "+86-11232131223", j.Mobile)
	assert.Equal(t, "pxytest34@pxy.quanshi.com", j.Email)
	assert.Equal(t, "10.255.128.40", j.IP)
	assert.Equal(t, "PC", j.DeviceType)
	assert.Equal(t, ReportRoleHost, j.Role, "roleId, as the example spells it")
	assert.Equal(t, "54017", j.TempConferenceID)
	assert.Equal(t, ReportRoleAttendee, res.Joins[1].Role)
	assert.Empty(t, res.Sessions)

	api.respond(opReportAttendanceV2, http.StatusOK, `{"status":0,"result":{"interaction":[{"name":"a","role":1}],
		"tempConfenceList":[{"tempConferenceId":"54017","realStartTime":"2025-11-18 15:53:45","realEndTime":1763453000}]}}`)
	res, err = api.client.Report.AttendanceV2(context.Background(), &ReportEventRequest{EventID: 613399})
	require.NoError(t, err)
	assert.Equal(t, ReportRoleHost, res.Joins[0].Role, "role, as the table spells it")
	require.Len(t, res.Sessions, 1)
	roomAssertBeijing(t, roomBJ(2025, 11, 18, 15, 53, 45), res.Sessions[0].RealStartTime)
	assert.Equal(t, int64(1763453000), res.Sessions[0].RealEndTime.Unix())
}

func TestReportFilesDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opReportFiles, "report/url.json")
	res, err := api.client.Report.Files(context.Background(), &ReportEventRequest{EventID: 551014})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 551014}`, rec.last(t).Body)
	assert.Equal(t, int64(551014), res.EventID)
	require.Len(t, res.Reports, 1)
	f := res.Reports[0]
	assert.Equal(t, "录制测试", f.Title)
	assert.Equal(t, int64(1645428897), f.StartTime.Unix())
	assert.Equal(t, int64(1645429924), f.EndTime.Unix())
	assert.Equal(t, "https://uniform.quanshi.com/rest/conference/report/download/1868782592", f.URL)
}

// The page is cut before its example: the fixture is built from the field
// table (status and records grouped by eventId).
func TestReportQueryEventsDecodesTheTableShape(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opReportQueryEvents, "report/query.json")
	res, err := api.client.Report.QueryEvents(context.Background(), &ReportQueryEventsRequest{EventIDs: []int64{613399}, Type: ReportQueryBoth, RecordType: ReportRecordMeeting})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventIds": [613399], "queryType": 3, "recordType": 1}`, rec.last(t).Body)
	assert.Equal(t, map[int64]EventReportStatus{613399: {EventID: 613399, ConferenceID: "239794753",
		TempConferenceID: "54017", Status: ConferenceStatusEnded, UserID: 88610840}}, res.Statuses)
	require.Len(t, res.Recordings[613399], 1)
	assert.JSONEq(t, `{"recordType": 1, "recordUrl": "https://example.invalid/r/1"}`, string(res.Recordings[613399][0]))
}

// "Grouped by eventId" may come as a flat list or with one object per key.
func TestReportQueryEventsToleratesOtherGroupings(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opReportQueryEvents, http.StatusOK, `{"code":200,"data":{
		"status":[{"eventId":7,"status":"2"},{"eventId":8,"status":1}],
		"records":{"7":{"a":1},"8":null}}}`)
	res, err := api.client.Report.QueryEvents(context.Background(), &ReportQueryEventsRequest{EventIDs: []int64{7, 8}, Type: ReportQueryBoth})
	require.NoError(t, err)
	assert.Equal(t, ConferenceStatusInProgress, res.Statuses[7].Status)
	assert.Equal(t, ConferenceStatusCreated, res.Statuses[8].Status)
	assert.Len(t, res.Recordings[7], 1)
	assert.NotContains(t, res.Recordings, int64(8))

	api.respond(opReportQueryEvents, http.StatusOK, `{"code":200,"data":{"status":"","records":null}}`)
	res, err = api.client.Report.QueryEvents(context.Background(), &ReportQueryEventsRequest{EventIDs: []int64{7}, Type: ReportQueryStatus})
	require.NoError(t, err)
	assert.Empty(t, res.Statuses)
	assert.Empty(t, res.Recordings)

	for _, body := range []string{
		`{"code":200,"data":{"status":{"x":{}}}}`,
		`{"code":200,"data":{"status":[{"status":1}]}}`,
		`{"code":200,"data":{"records":"text"}}`,
		`{"code":200,"data":{"records":5}}`,
	} {
		api.respond(opReportQueryEvents, http.StatusOK, body)
		_, err = api.client.Report.QueryEvents(context.Background(), &ReportQueryEventsRequest{EventIDs: []int64{7}, Type: ReportQueryStatus})
		require.ErrorIs(t, err, ErrMalformedResponse, body)
	}
}

func TestReportV2Errors(t *testing.T) {
	checkErrorPaths(t, opReportAttendance, opReportAttendance.Path, func(c *Client) error {
		_, err := c.Report.Attendance(context.Background(), &ReportAttendanceRequest{EventID: 1})
		return err
	})
	checkErrorPaths(t, opReportAttendanceV2, opReportAttendanceV2.Path, func(c *Client) error {
		_, err := c.Report.AttendanceV2(context.Background(), &ReportEventRequest{EventID: 1})
		return err
	})
	checkErrorPaths(t, opReportFiles, opReportFiles.Path, func(c *Client) error {
		_, err := c.Report.Files(context.Background(), &ReportEventRequest{EventID: 1})
		return err
	})
	checkErrorPaths(t, opReportQueryEvents, opReportQueryEvents.Path, func(c *Client) error {
		_, err := c.Report.QueryEvents(context.Background(), &ReportQueryEventsRequest{EventIDs: []int64{1}, Type: ReportQueryStatus})
		return err
	})
}

func TestReportV2Validation(t *testing.T) {
	ctx := context.Background()
	for field, call := range map[string]func(c *Client) error{
		"request": func(c *Client) error { _, err := c.Report.Attendance(ctx, nil); return err },
		"eventId": func(c *Client) error { _, err := c.Report.AttendanceV2(ctx, &ReportEventRequest{}); return err },
		"userId": func(c *Client) error {
			_, err := c.Report.Attendance(ctx, &ReportAttendanceRequest{EventID: 1, UserID: -1})
			return err
		},
	} {
		checkRejected(t, field, call)
	}
	checkRejected(t, "request", func(c *Client) error { _, err := c.Report.Files(ctx, nil); return err })
	type rule = confRule[ReportQueryEventsRequest]
	valid := func() *ReportQueryEventsRequest {
		return &ReportQueryEventsRequest{EventIDs: []int64{1}, Type: ReportQueryStatus}
	}
	confCheckRules(t, valid, func(c *Client, req *ReportQueryEventsRequest) error {
		_, err := c.Report.QueryEvents(ctx, req)
		return err
	},
		rule{"eventIds", func(r *ReportQueryEventsRequest) { r.EventIDs = nil }},
		rule{"eventIds", func(r *ReportQueryEventsRequest) { r.EventIDs = make([]int64, 51) }},
		rule{"eventIds", func(r *ReportQueryEventsRequest) { r.EventIDs = []int64{-1} }},
		rule{"queryType", func(r *ReportQueryEventsRequest) { r.Type = 0 }},
		rule{"queryType", func(r *ReportQueryEventsRequest) { r.Type = 4 }},
		rule{"recordType", func(r *ReportQueryEventsRequest) { r.RecordType = 2 }},
	)
}
