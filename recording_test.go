package quanshi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecordingListByHostsDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRecordingListByHosts, "recording/getConfReplay.json")
	byHostRes, err := api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{Emails: []string{"xmlpay16@hys.com"}})
	require.NoError(t, err)
	byHost := byHostRes.ByEmail
	require.Len(t, byHost, 1)
	recs := byHost["xmlpay16@hys.com"]
	require.Len(t, recs, 6)
	assert.Equal(t, []string{"1060282", "1060281", "1060280", "1060279", "1060278", "1060277"},
		[]string{recs[0].ConferenceID, recs[1].ConferenceID, recs[2].ConferenceID, recs[3].ConferenceID, recs[4].ConferenceID, recs[5].ConferenceID})

	r := recs[0]
	assert.Equal(t, int64(81705619), r.UserID)
	assert.Equal(t, "1868782592", r.TempConferenceID)
	roomAssertBeijing(t, roomBJ(2020, 8, 27, 10, 56, 44), r.StartTime)
	roomAssertBeijing(t, roomBJ(2020, 8, 27, 11, 56, 44), r.EndTime)
	roomAssertBeijing(t, roomBJ(2020, 8, 27, 10, 56, 44), r.RealStartTime)
	roomAssertBeijing(t, roomBJ(2020, 8, 27, 10, 59, 29), r.RealEndTime)
	assert.Equal(t, 60, r.Length)
	assert.Equal(t, PasswordTypeFixed, r.PasswordType)
	assert.Equal(t, 3, r.InformType)
	assert.Equal(t, "2020255379", r.HostPasscode)
	assert.Equal(t, "2020255380", r.ParticipantPasscode)
	assert.Equal(t, ConferenceStatusEnded, r.Status)
	assert.Equal(t, "xmlpay16的会议", r.ConferenceTitle)
	assert.True(t, r.HasReport)
	assert.True(t, r.IsReportReady)
	assert.True(t, r.HasRecord)
	assert.True(t, r.IsRecordConvertReady)
	assert.Equal(t, "https://rtest.qsh1.cn/rec/page?id=20200827hh8d49343922960fj74", r.ReplayURL)
	assert.Equal(t, "https://rtest.qsh1.cn/resources/20200827/1868782592/downloadzip/xmlpay16的会议_20200827105645.mp4", r.DownloadURL)
	assert.Equal(t, r.DownloadURL, r.RecordDownURL)
	assert.Equal(t, r.DownloadURL, r.RecordURL)
	assert.Equal(t, "https://uniform.quanshi.com/rest/conference/report/download/1868782592", r.ReportDownURL)

	last := recs[5]
	assert.Equal(t, "1868983552", last.TempConferenceID)
	roomAssertBeijing(t, roomBJ(2020, 8, 27, 10, 48, 20), last.RealEndTime)
	assert.Empty(t, last.ReplayURL, "only the first entry has a replay page")
	assert.Equal(t, "https://rtest.qsh1.cn/rec/page?id=20200827hh8d49343922960fj74", recs[3].RecordURL)
}

func TestRecordingListByHostsSendsTheRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRecordingListByHosts, "recording/getConfReplay.json")
	_, err := api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{Emails: []string{"xmlpay16@hys.com"}})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/conference/movie/getConfReplay", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId":6,"email":["xmlpay16@hys.com"]}`, got.Body,
		"no dateTime: the server's default is today")

	// 14 days, both ends included, as Beijing dates whatever the zone given.
	_, err = api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{
		Emails: []string{"xmlpay16@hys.com", "host2@hys.com"},
		From:   time.Date(2020, 8, 13, 16, 30, 0, 0, time.UTC), // 2020-08-14 00:30 in Beijing
		To:     roomBJ(2020, 8, 27, 23, 59, 59),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId":6,"email":["xmlpay16@hys.com","host2@hys.com"],
		"dateTime":"2020-08-14~2020-08-27"}`, rec.last(t).Body)

	// One day.
	_, err = api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{
		Emails: []string{"xmlpay16@hys.com"}, From: roomBJ(2020, 8, 27, 9, 0, 0),
	})
	require.NoError(t, err)
	assert.Contains(t, rec.last(t).Body, `"dateTime":"2020-08-27~2020-08-27"`)
}

func TestRecordingListByHostsValidation(t *testing.T) {
	ctx := context.Background()
	tooMany := make([]string, 11)
	for i := range tooMany {
		tooMany[i] = fmt.Sprintf("h%d@hys.com", i)
	}
	day := roomBJ(2020, 8, 14, 0, 0, 0)
	cases := []struct {
		name, field string
		req         *RecordingListByHostsRequest
	}{
		{"nil", "request", nil},
		{"no email", "email", &RecordingListByHostsRequest{}},
		{"eleven emails", "email", &RecordingListByHostsRequest{Emails: tooMany}},
		{"blank email", "email[1]", &RecordingListByHostsRequest{Emails: []string{"a@b.cn", " "}}},
		{"bad email", "email[0]", &RecordingListByHostsRequest{Emails: []string{"xmlpay16"}}},
		{"to without from", "dateTime", &RecordingListByHostsRequest{Emails: []string{"a@b.cn"}, To: day}},
		{"reversed", "dateTime", &RecordingListByHostsRequest{Emails: []string{"a@b.cn"}, From: day, To: day.AddDate(0, 0, -1)}},
		{"fifteen days", "dateTime", &RecordingListByHostsRequest{Emails: []string{"a@b.cn"}, From: day, To: day.AddDate(0, 0, 14)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkRejected(t, tc.field, func(c *Client) error {
				_, err := c.Recording.ListByHosts(ctx, tc.req)
				return err
			})
		})
	}
	ten := tooMany[:10]
	api := newTestAPI(t)
	api.respondFixture(opRecordingListByHosts, "recording/getConfReplay.json")
	_, err := api.client.Recording.ListByHosts(ctx, &RecordingListByHostsRequest{Emails: ten, From: day, To: day.AddDate(0, 0, 13)})
	require.NoError(t, err, "10 hosts over 14 days is allowed")
}

func TestRecordingListByHostsWithoutMeetings(t *testing.T) {
	for _, result := range []string{`{}`, `[]`, `null`} {
		api := newTestAPI(t)
		api.respond(opRecordingListByHosts, http.StatusOK, `{"status":0,"result":`+result+`}`)
		byHostRes, err := api.client.Recording.ListByHosts(context.Background(), &RecordingListByHostsRequest{Emails: []string{"a@b.cn"}})
		require.NoError(t, err, result)
		byHost := byHostRes.ByEmail
		assert.Empty(t, byHost["a@b.cn"], result)
	}
}

func TestRecordingDeleteSendsTheCorrectKey(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRecordingDelete, "recording/recordsDelete.json")
	err := api.client.Recording.Delete(context.Background(), &RecordingDeleteRequest{
		UserID: 63873738, TempConferenceIDs: []string{"5627222221", "89868687677", "2786363689"},
	})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/conference/movie/recordsDelete", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"appId":6,"userId":63873738,
		"tempConferenceIds":["5627222221","89868687677","2786363689"]}`, got.Body)
	assert.NotContains(t, got.Body, `"tempConferenceIds "`, "the example's stray space is not sent")
}

func TestRecordingDeleteValidation(t *testing.T) {
	ctx := context.Background()
	tooMany := make([]string, 21)
	for i := range tooMany {
		tooMany[i] = fmt.Sprint(1000 + i)
	}
	cases := []struct {
		name, field string
		req         *RecordingDeleteRequest
	}{
		{"nil", "request", nil},
		{"none", "tempConferenceIds", &RecordingDeleteRequest{UserID: 1}},
		{"twenty-one", "tempConferenceIds", &RecordingDeleteRequest{UserID: 1, TempConferenceIDs: tooMany}},
		{"blank id", "tempConferenceIds[1]", &RecordingDeleteRequest{TempConferenceIDs: []string{"1", ""}}},
		{"negative user", "userId", &RecordingDeleteRequest{UserID: -1, TempConferenceIDs: []string{"1"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkRejected(t, tc.field, func(c *Client) error { return c.Recording.Delete(ctx, tc.req) })
		})
	}
	api := newTestAPI(t)
	rec := api.respondFixture(opRecordingDelete, "recording/recordsDelete.json")
	require.NoError(t, api.client.Recording.Delete(ctx, &RecordingDeleteRequest{TempConferenceIDs: tooMany[:20]}))
	assert.Equal(t, 20, strings.Count(rec.last(t).Body, `"10`), "20 ids are allowed")
}

func TestRecordingGetDecodesTheExample(t *testing.T) {
	api := newTestAPI(t)
	api.respondFixture(opRecordingGet, "recording/getConfReplayById.json")
	r, err := api.client.Recording.Get(context.Background(), &RecordingGetRequest{ConferenceID: "239599729", UserID: 88413072})
	require.NoError(t, err)
	assert.Equal(t, int64(88413072), r.UserID)
	assert.Equal(t, "239599729", r.ConferenceID)
	assert.Equal(t, "1032713472", r.TempConferenceID)
	roomAssertBeijing(t, roomBJ(2021, 11, 19, 11, 30, 0), r.StartTime)
	roomAssertBeijing(t, roomBJ(2021, 11, 19, 12, 30, 0), r.EndTime)
	roomAssertBeijing(t, roomBJ(2021, 11, 19, 11, 10, 19), r.RealStartTime)
	roomAssertBeijing(t, roomBJ(2021, 11, 19, 11, 12, 28), r.RealEndTime)
	assert.Equal(t, 60, r.Length)
	assert.Equal(t, PasswordTypeSecure, r.PasswordType)
	assert.Equal(t, 0, r.InformType)
	assert.Equal(t, "201501000037362141", r.HostPasscode)
	assert.Equal(t, "201501000037362142", r.ParticipantPasscode)
	assert.Equal(t, "dww001的会议", r.ConferenceTitle)
	assert.True(t, r.HasReport)
	assert.True(t, r.IsRecordConvertReady)
	assert.Equal(t, 1, r.RecordFlag)
	assert.Equal(t, "https://rtest.qsh1.cn/rec/page? id=c584982126c643dd9abc7c61eb84993a&v=1", r.ReplayURL, "kept as sent")
	assert.Equal(t, r.ReplayURL, r.RecordURL)
	assert.True(t, strings.HasSuffix(r.DownloadURL, "?dname=dww001的会议_20211119111019.mp4"))
	assert.Equal(t, r.DownloadURL, r.RecordDownURL)
	assert.True(t, strings.HasSuffix(r.ReportDownURL, "/239599729"))
	// cn/api/154's example adds the transcript link (issue 15, point 10).
	assert.Equal(t, "https://rackbeta.qsh1.cn/resources/20220824/671399984/downloadzip/def51434a5a4451fb364d42182cde84.txt", r.TranscriptDownloadURL)
	assert.Equal(t, ConferenceStatus(0), r.Status, "the example has no status")
}

func TestRecordingGetSendsTheExampleRequest(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opRecordingGet, "recording/getConfReplayById.json")
	_, err := api.client.Recording.Get(context.Background(), &RecordingGetRequest{ConferenceID: "239599729", UserID: 88413072})
	require.NoError(t, err)
	got := rec.last(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, testBaseURL+"/confopenapi/conference/movie/getConfReplayById", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token":"`+testToken+`","conferenceId":"239599729","userId":88413072}`, got.Body)
}

func TestRecordingGetValidation(t *testing.T) {
	ctx := context.Background()
	checkRejected(t, "request", func(c *Client) error { _, err := c.Recording.Get(ctx, nil); return err })
	checkRejected(t, "conferenceId", func(c *Client) error {
		_, err := c.Recording.Get(ctx, &RecordingGetRequest{UserID: 1})
		return err
	})
	checkRejected(t, "userId", func(c *Client) error {
		_, err := c.Recording.Get(ctx, &RecordingGetRequest{ConferenceID: "1", UserID: -2})
		return err
	})
}

func TestRecordingErrorPaths(t *testing.T) {
	ctx := context.Background()
	checkErrorPaths(t, opRecordingListByHosts, opRecordingListByHosts.Path, func(c *Client) error {
		_, err := c.Recording.ListByHosts(ctx, &RecordingListByHostsRequest{Emails: []string{"xmlpay16@hys.com"}})
		return err
	})
	checkErrorPaths(t, opRecordingDelete, opRecordingDelete.Path, func(c *Client) error {
		return c.Recording.Delete(ctx, &RecordingDeleteRequest{UserID: 63873738, TempConferenceIDs: []string{"5627222221"}})
	})
	checkErrorPaths(t, opRecordingGet, opRecordingGet.Path, func(c *Client) error {
		_, err := c.Recording.Get(ctx, &RecordingGetRequest{ConferenceID: "239599729"})
		return err
	})
}
