package quanshi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUMeetingGetDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingGet, "umeeting/get.json")
	m, err := api.client.UMeeting.Get(context.Background(), &UMeetingGetRequest{MeetingID: "1574054185"})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&meeting_id=1574054185", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/get", rec.last(t).URL)

	assert.Equal(t, "1574054185", m.ID)
	assert.Equal(t, 50, m.Duration, `"duration":"50"`)
	eventAssertTime(t, time.Date(2018, 4, 26, 15, 0, 0, 0, Beijing), m.StartTime, "start_time")
	assert.False(t, m.Deleted, `"del_flag":"0"`)
	assert.Empty(t, m.Password)
	assert.Empty(t, m.JoinURL)
	assert.Equal(t, "王者荣耀世界大战", m.Topic)
	assert.Empty(t, m.UserKey, `"user_Key":null`)
	assert.Equal(t, 25, m.MeetingCapacity, `"meeting_capacity":"25"`)
	assert.Equal(t, UMeetingStatusScheduled, m.Status, `"status":"0"`)
	assert.True(t, m.AllowLiveStreaming, `"allow_live_streaming":"true"`)
	assert.Equal(t, "http://p2.weizan.cn/79555295/132312361257166751/live.m3u8", m.PlayAddr)
	assert.Equal(t, "https://wx.vzan.com/live/tvchat-315528467?ver=637223881258260609", m.WatchURL)
}

func TestUMeetingGetReadsTheMisspelledUserKey(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opUMeetingGet, http.StatusOK, `{"status":200,"message":"OK","data":{"id":1574054185,"user_Key":"crm:42","meeting_capacity":100,"status":1,"duration":20}}`)
	m, err := api.client.UMeeting.Get(context.Background(), &UMeetingGetRequest{MeetingID: "1574054185"})
	require.NoError(t, err)
	assert.Equal(t, "crm:42", m.UserKey)
	assert.Equal(t, "1574054185", m.ID, "a numeric id")
	assert.Equal(t, 100, m.MeetingCapacity)
	assert.Equal(t, UMeetingStatusInProgress, m.Status)
	assert.Equal(t, 20, m.Duration)
}

func TestUMeetingGetErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opUMeetingGet, opUMeetingGet.Path, func(c *Client) error {
		_, err := c.UMeeting.Get(context.Background(), &UMeetingGetRequest{MeetingID: "1574054185"})
		return err
	})
	checkRejected(t, "meeting_id", func(c *Client) error {
		_, err := c.UMeeting.Get(context.Background(), &UMeetingGetRequest{MeetingID: ""})
		return err
	})
}

func umUpdateRequest() *UMeetingUpdateRequest {
	return &UMeetingUpdateRequest{
		ID: "1574054185", StartTime: time.Date(2018, 4, 26, 15, 0, 0, 0, Beijing), Duration: 50,
	}
}

func TestUMeetingUpdateSendsTheForm(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingUpdate, "umeeting/update.json")
	req := umUpdateRequest()
	req.Topic = "王者荣耀世界大战"
	req.Password = new("0426")
	req.UserKey = "crm:42"
	req.MuteUponEntry = new(true)
	req.Recording = UMeetingRecordingNone
	req.AllowLiveStreaming = new(false)
	req.HostName = new("Host")
	req.WaitingRoom = new(true)
	req.Recurrence = &UMeetingRecurrence{Type: UMeetingRepeatDaily, DailyType: UMeetingWorkingDays}
	require.NoError(t, api.client.UMeeting.Update(context.Background(), req))
	assert.Equal(t, "allow_live_streaming=false&"+umCreds+"&daily_type=2&duration=50&host_name=Host&id=1574054185"+
		"&mute_upon_entry=true&password=0426&recording=none&recurrence_type=1&start_time=2018-04-26+15%3A00%3A00"+
		"&topic=%E7%8E%8B%E8%80%85%E8%8D%A3%E8%80%80%E4%B8%96%E7%95%8C%E5%A4%A7%E6%88%98&user_key=crm%3A42&waiting_room=true",
		rec.last(t).Body, "no end is needed when updating")
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/update", rec.last(t).URL)

	// StopRecurrence sends recurrence_type "" to make the series one meeting.
	req = umUpdateRequest()
	req.StopRecurrence = true
	require.NoError(t, api.client.UMeeting.Update(context.Background(), req))
	assert.Equal(t, umCreds+"&duration=50&id=1574054185&recurrence_type=&start_time=2018-04-26+15%3A00%3A00", rec.last(t).Body)
}

// An update can switch every option off and clear the texts: false and ""
// are sent, not dropped.
func TestUMeetingUpdateSendsFalseAndEmpty(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingUpdate, "umeeting/update.json")
	req := umUpdateRequest()
	off := new(false)
	req.MuteUponEntry, req.AllowLiveStreaming, req.WaitingRoom = off, off, off
	req.Password, req.HostName = new(""), new("")
	require.NoError(t, api.client.UMeeting.Update(context.Background(), req))
	assert.Equal(t, "allow_live_streaming=false&"+umCreds+"&duration=50&host_name=&id=1574054185"+
		"&mute_upon_entry=false&password=&start_time=2018-04-26+15%3A00%3A00&waiting_room=false", rec.last(t).Body)
}

func TestUMeetingUpdateErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opUMeetingUpdate, opUMeetingUpdate.Path, func(c *Client) error {
		return c.UMeeting.Update(context.Background(), umUpdateRequest())
	})
	cases := map[string]struct {
		field  string
		modify func(r *UMeetingUpdateRequest)
	}{
		"nil request":     {"request", nil},
		"id":              {"id", func(r *UMeetingUpdateRequest) { r.ID = "" }},
		"start_time":      {"start_time", func(r *UMeetingUpdateRequest) { r.StartTime = time.Time{} }},
		"duration":        {"duration", func(r *UMeetingUpdateRequest) { r.Duration = 0 }},
		"user_key":        {"user_key", func(r *UMeetingUpdateRequest) { r.UserKey = strings.Repeat("k", 201) }},
		"recording":       {"recording", func(r *UMeetingUpdateRequest) { r.Recording = "Cloud" }},
		"both recurrence": {"recurrence_type", func(r *UMeetingUpdateRequest) { r.StopRecurrence, r.Recurrence = true, &UMeetingRecurrence{Type: 1} }},
		"recurrence type": {"recurrence_type", func(r *UMeetingUpdateRequest) { r.Recurrence = &UMeetingRecurrence{Type: 9} }},
		"monthly_day":     {"monthly_day", func(r *UMeetingUpdateRequest) { r.Recurrence = &UMeetingRecurrence{Type: 3, MonthlyDay: -1} }},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			checkRejected(t, tc.field, func(c *Client) error {
				var req *UMeetingUpdateRequest
				if tc.modify != nil {
					req = umUpdateRequest()
					tc.modify(req)
				}
				return c.UMeeting.Update(context.Background(), req)
			})
		})
	}
}

func TestUMeetingEndAndDeleteTakeANumberOrAnOccurrence(t *testing.T) {
	for _, tc := range []struct {
		op   Operation
		call func(c *Client, id string) error
	}{
		{opUMeetingEnd, func(c *Client, id string) error {
			return c.UMeeting.End(context.Background(), &UMeetingEndRequest{ID: id})
		}},
		{opUMeetingDelete, func(c *Client, id string) error {
			return c.UMeeting.Delete(context.Background(), &UMeetingDeleteRequest{ID: id})
		}},
	} {
		t.Run(tc.op.Path, func(t *testing.T) {
			api := newTestAPI(t)
			name := tc.op.Path[strings.LastIndexByte(tc.op.Path, '/')+1:]
			rec := api.respondFixture(tc.op, "umeeting/"+name+".json")
			require.NoError(t, tc.call(api.client, "1770498237"))
			assert.Equal(t, umCreds+"&id=1770498237", rec.last(t).Body, "the whole series")
			require.NoError(t, tc.call(api.client, "9fqqv0gx57zgj83wy2pzra=="))
			assert.Equal(t, umCreds+"&id=9fqqv0gx57zgj83wy2pzra%3D%3D", rec.last(t).Body, "one occurrence")
			assert.Equal(t, testUMeetingBaseURL+tc.op.Path, rec.last(t).URL)

			checkErrorPaths(t, tc.op, tc.op.Path, func(c *Client) error { return tc.call(c, "1770498237") })
			checkRejected(t, "id", func(c *Client) error { return tc.call(c, "  ") })
		})
	}
}

func TestUMeetingStartURL(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingStartURL, "umeeting/getStartUrl.json")
	u, err := api.client.UMeeting.StartURL(context.Background(), &UMeetingStartURLRequest{ID: "15455452"})
	require.NoError(t, err)
	assert.Equal(t, "https://demosso.systeccloud.com/s/15455452?zak=eyJ6bV9V9vMm0iLCJhbGci.....", u.StartURL)
	assert.Equal(t, umCreds+"&id=15455452", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/getStartUrl", rec.last(t).URL)

	// Before the early-join time there is no link yet.
	api = newTestAPI(t)
	api.respond(opUMeetingStartURL, http.StatusOK, `{"status":200,"message":"OK","data":null}`)
	u, err = api.client.UMeeting.StartURL(context.Background(), &UMeetingStartURLRequest{ID: "15455452"})
	require.NoError(t, err)
	assert.Empty(t, u)

	checkErrorPaths(t, opUMeetingStartURL, opUMeetingStartURL.Path, func(c *Client) error {
		_, err := c.UMeeting.StartURL(context.Background(), &UMeetingStartURLRequest{ID: "15455452"})
		return err
	})
	checkRejected(t, "id", func(c *Client) error {
		_, err := c.UMeeting.StartURL(context.Background(), &UMeetingStartURLRequest{ID: ""})
		return err
	})
}

func TestUMeetingListDecodesThePage(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingList, "umeeting/list.json")
	page, err := api.client.UMeeting.List(context.Background(), &UMeetingListRequest{UserKey: "crm:42", PageSize: 30, PageNumber: 1})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&page_number=1&page_size=30&user_key=crm%3A42", rec.last(t).Body)

	assert.Equal(t, 1, page.PageNum)
	assert.Equal(t, 30, page.PageSize)
	assert.Equal(t, 2, page.TotalRecord)
	assert.Equal(t, 1, page.TotalPage)
	assert.False(t, page.HasPreviousPage)
	assert.False(t, page.HasNextPage)
	require.Len(t, page.Meetings, 2)
	m := page.Meetings[0]
	assert.Equal(t, "1360671085", m.ID)
	assert.Equal(t, "HelloWorld!", m.Topic)
	assert.Equal(t, 20, m.Duration)
	eventAssertTime(t, time.Date(2017, 8, 15, 0, 0, 0, 0, Beijing), m.StartTime, "start_time")
	assert.Equal(t, UMeetingStatusInProgress, m.Status)
	d := page.Meetings[1]
	assert.Equal(t, "1525647127", d.ID, "a numeric id")
	assert.Equal(t, 45, d.Duration, `"duration":"45"`)
	eventAssertTime(t, time.Date(2019, 9, 1, 8, 54, 50, 0, Beijing), d.StartTime, "RFC 3339 UTC start_time")
	assert.Equal(t, UMeetingStatusScheduled, d.Status, `"status":"0"`)
	assert.Equal(t, UMeetingTypeScheduled, d.Type, `"type":"2"`)
	assert.Equal(t, "https://u.systeccloud.com/j/1525647127", d.JoinURL)
	assert.Equal(t, "281734", d.HostKey)
	assert.True(t, d.MuteUponEntry, `"mute_upon_entry":"true"`)
}

func TestUMeetingHistoryDecodesThePage(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingHistory, "umeeting/history.json")
	page, err := api.client.UMeeting.History(context.Background(), &UMeetingListRequest{})
	require.NoError(t, err)
	assert.Equal(t, umCreds, rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/history", rec.last(t).URL)

	assert.Equal(t, 2, page.Total)
	require.Len(t, page.Meetings, 2)
	m := page.Meetings[0]
	assert.Equal(t, "15464648254", m.ID)
	assert.Empty(t, m.Topic)
	assert.Equal(t, UMeetingStatusCancelled, m.Status)
	eventAssertTime(t, time.Date(2017, 8, 17, 0, 0, 0, 0, Beijing), m.StartTime, "start_time")
	eventAssertTime(t, time.Date(2017, 8, 17, 0, 15, 31, 0, Beijing), m.EndTime, "end_time")
	d := page.Meetings[1]
	assert.Equal(t, "1525647127", d.ID)
	assert.Equal(t, UMeetingStatusEnded, d.Status, `"status":"3"`)
	assert.True(t, d.EndTime.IsZero(), `"end_time":""`)
	assert.Zero(t, d.Duration, `"duration":null`)
	assert.False(t, d.MuteUponEntry, "a JSON false")
	eventAssertTime(t, time.Date(2019, 9, 1, 8, 54, 50, 0, Beijing), d.StartTime, "RFC 3339 UTC start_time")
}

func TestUMeetingListAndHistoryErrorsAndValidation(t *testing.T) {
	for _, tc := range []struct {
		op   Operation
		call func(c *Client, r *UMeetingListRequest) error
	}{
		{opUMeetingList, func(c *Client, r *UMeetingListRequest) error {
			_, err := c.UMeeting.List(context.Background(), r)
			return err
		}},
		{opUMeetingHistory, func(c *Client, r *UMeetingListRequest) error {
			_, err := c.UMeeting.History(context.Background(), r)
			return err
		}},
	} {
		t.Run(tc.op.Path, func(t *testing.T) {
			checkErrorPaths(t, tc.op, tc.op.Path, func(c *Client) error { return tc.call(c, &UMeetingListRequest{}) })
			checkNilAccepted(t, tc.op, `{"meetings":[]}`, func(c *Client) error { return tc.call(c, nil) })
			checkRejected(t, "page_size", func(c *Client) error { return tc.call(c, &UMeetingListRequest{PageSize: -1}) })
			checkRejected(t, "page_number", func(c *Client) error { return tc.call(c, &UMeetingListRequest{PageNumber: -1}) })
		})
	}
}

// umPageOf reads page_number and page_size from a form body.
func umPageOf(t *testing.T, body string) (page, size int) {
	t.Helper()
	v, err := url.ParseQuery(body)
	require.NoError(t, err)
	page, _ = strconv.Atoi(v.Get("page_number"))
	size, _ = strconv.Atoi(v.Get("page_size"))
	return page, size
}

// umListPage is one page of meetings with ids from..to-1; totalKey is
// total_record (list) or total (history).
func umListPage(totalKey string, total, from, to int) string {
	var items []string
	for id := from; id < to; id++ {
		items = append(items, fmt.Sprintf(`{"id":"%d","topic":"m%d","status":"1","duration":30}`, id, id))
	}
	return fmt.Sprintf(`{"status":200,"message":"OK","data":{"%s":%d,"meetings":[%s]}}`, totalKey, total, strings.Join(items, ","))
}

func TestUMeetingListAndHistoryIterWalkEveryPage(t *testing.T) {
	for _, tc := range []struct {
		op       Operation
		totalKey string
		seq      func(c *Client, r *UMeetingListRequest) func(func(*UMeeting, error) bool)
	}{
		{opUMeetingList, "total_record", func(c *Client, r *UMeetingListRequest) func(func(*UMeeting, error) bool) {
			return c.UMeeting.ListIter(context.Background(), r)
		}},
		{opUMeetingHistory, "total", func(c *Client, r *UMeetingListRequest) func(func(*UMeeting, error) bool) {
			return c.UMeeting.HistoryIter(context.Background(), r)
		}},
	} {
		t.Run(tc.op.Path, func(t *testing.T) {
			api := newTestAPI(t)
			rec := eventRespondFunc(api, tc.op, func(body string) (int, string) {
				page, size := umPageOf(t, body)
				from := (page-1)*size + 1
				return http.StatusOK, umListPage(tc.totalKey, 7, from, min(from+size, 8))
			})
			req := &UMeetingListRequest{UserKey: "crm:42", PageSize: 3}
			var ids []string
			for m, err := range tc.seq(api.client, req) {
				require.NoError(t, err)
				ids = append(ids, m.ID)
			}
			assert.Equal(t, []string{"1", "2", "3", "4", "5", "6", "7"}, ids)
			require.Equal(t, 3, rec.count())
			for i, r := range rec.requests {
				page, size := umPageOf(t, r.Body)
				assert.Equal(t, i+1, page)
				assert.Equal(t, 3, size)
				assert.Contains(t, r.Body, "user_key=crm%3A42")
				assert.Contains(t, r.Body, umCreds)
			}
			assert.Zero(t, req.PageNumber, "the caller's request is not changed")

			// A failure on the second page ends the iteration after the first.
			api = newTestAPI(t)
			rec = eventRespondFunc(api, tc.op, func(body string) (int, string) {
				if page, _ := umPageOf(t, body); page == 2 {
					return http.StatusOK, businessFailure(FamilyUMeeting)
				}
				return http.StatusOK, umListPage(tc.totalKey, 100, 1, 31)
			})
			items, err := collect(tc.seq(api.client, nil))
			assert.Len(t, items, 30, "default page_size 30")
			require.ErrorIs(t, err, ErrInvalidParameter)
			assert.Equal(t, 2, rec.count())
		})
	}
}
