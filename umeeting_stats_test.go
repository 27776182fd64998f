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

var (
	umFrom = time.Date(2017, 8, 31, 0, 0, 0, 0, Beijing)
	umTo   = time.Date(2017, 9, 1, 0, 0, 0, 0, Beijing)
)

func TestUMeetingRoomDetailDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingRoomDetail, "umeeting/detail.json")
	out, err := api.client.UMeeting.RoomDetail(context.Background(), &UMeetingRoomStatsRequest{
		From: umFrom.UTC(), To: umTo, HostID: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", ShowParticipants: new(true),
		ShowTelephonyUsage: new(false), PageSize: 30, PageNumber: 1,
	})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&from=2017-08-31&host_id=ABCDEFGHIJKLMNOPQRSTUVWXYZ&page_number=1&page_size=30"+
		"&show_participants=true&show_telephony_usage=false&to=2017-09-01", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/detail", rec.last(t).URL)

	eventAssertTime(t, umFrom, out.From, `"from":"2017-8-31"`)
	eventAssertTime(t, umTo, out.To, "to")
	assert.Equal(t, 1, out.TotalRecord)
	assert.Equal(t, 1, out.TotalPage)
	assert.Equal(t, 1, out.PageNumber)
	assert.Equal(t, 30, out.PageSize)
	assert.False(t, out.HasPreviousPage)
	assert.False(t, out.HasNextPage)
	require.Len(t, out.Meetings, 1)
	m := out.Meetings[0]
	assert.Equal(t, "dgvOvqWVRUWjrEOS2YI2ig==", m.UUID)
	assert.Equal(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", m.HostID)
	assert.Equal(t, "1790001234", m.MeetingID)
	assert.Equal(t, "Hello world!", m.Topic)
	eventAssertTime(t, umFrom, m.StartTime, "start_time")
	assert.Equal(t, 120, m.Duration)
	eventAssertTime(t, umFrom.Add(time.Hour), m.EndTime, "end_time")
	assert.False(t, m.IsExtra)
	require.Len(t, m.Participants, 1)
	assert.Equal(t, "XYZ", m.Participants[0].Name)
	eventAssertTime(t, umFrom.Add(51*time.Minute), m.Participants[0].JoinTime, "join_time")
	eventAssertTime(t, umFrom.Add(53*time.Minute+4*time.Second), m.Participants[0].LeaveTime, "leave_time")
	require.Len(t, m.TelephonyUsage, 1)
	call := m.TelephonyUsage[0]
	assert.Equal(t, "+8613716819201", call.PhoneNumber)
	assert.Equal(t, "call-out", call.Type)
	eventAssertTime(t, umFrom.Add(51*time.Minute), call.StartTime, "call start")
	eventAssertTime(t, umFrom.Add(53*time.Minute), call.EndTime, "call end")
	assert.Equal(t, 2, call.Duration)
	assert.InDelta(t, 0.12, call.Fee, 1e-9)
}

func TestUMeetingRoomSummaryDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingRoomSummary, "umeeting/summary.json")
	out, err := api.client.UMeeting.RoomSummary(context.Background(), &UMeetingRoomStatsRequest{ShowParticipants: new(true)})
	require.NoError(t, err)
	assert.Equal(t, umCreds, rec.last(t).Body, "today by default; show_participants is not on this page")
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/summary", rec.last(t).URL)
	eventAssertTime(t, umFrom, out.From, "from")
	assert.Equal(t, 1, out.TotalRecord)
	assert.Equal(t, 7, out.TotalMeetings)
	assert.Equal(t, 17, out.TotalParticipants)
	assert.Equal(t, 160, out.TotalMeetingMinutes)
	require.Len(t, out.Rooms, 1)
	r := out.Rooms[0]
	assert.Equal(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", r.HostID)
	assert.False(t, r.IsExtra)
	assert.Equal(t, 10, r.Meetings)
	assert.Equal(t, 55, r.Participants)
	assert.Equal(t, 10, r.MeetingMinutes)
	assert.Equal(t, 10, r.AudioParticipants)
	assert.Equal(t, 120, r.AudioMinutes)
	assert.InDelta(t, 1.2, r.AudioFee, 1e-9)
}

func TestUMeetingRoomStatsErrorsAndValidation(t *testing.T) {
	for _, tc := range []struct {
		op   Operation
		call func(c *Client, r *UMeetingRoomStatsRequest) error
		iter func(c *Client, r *UMeetingRoomStatsRequest) error
	}{
		{opUMeetingRoomDetail, func(c *Client, r *UMeetingRoomStatsRequest) error {
			_, err := c.UMeeting.RoomDetail(context.Background(), r)
			return err
		}, func(c *Client, r *UMeetingRoomStatsRequest) error {
			_, err := collect(c.UMeeting.RoomDetailIter(context.Background(), r))
			return err
		}},
		{opUMeetingRoomSummary, func(c *Client, r *UMeetingRoomStatsRequest) error {
			_, err := c.UMeeting.RoomSummary(context.Background(), r)
			return err
		}, func(c *Client, r *UMeetingRoomStatsRequest) error {
			_, err := collect(c.UMeeting.RoomSummaryIter(context.Background(), r))
			return err
		}},
	} {
		t.Run(tc.op.Path, func(t *testing.T) {
			checkErrorPaths(t, tc.op, tc.op.Path, func(c *Client) error { return tc.call(c, &UMeetingRoomStatsRequest{}) })
			checkRejected(t, "request", func(c *Client) error { return tc.call(c, nil) })
			checkRejected(t, "request", func(c *Client) error { return tc.iter(c, nil) })
			checkRejected(t, "to", func(c *Client) error { return tc.call(c, &UMeetingRoomStatsRequest{From: umTo, To: umFrom}) })
			checkRejected(t, "to", func(c *Client) error {
				return tc.call(c, &UMeetingRoomStatsRequest{From: umFrom, To: umFrom.AddDate(0, 1, 1)})
			})
			checkRejected(t, "page_size", func(c *Client) error { return tc.call(c, &UMeetingRoomStatsRequest{PageSize: -1}) })
			checkRejected(t, "page_number", func(c *Client) error { return tc.call(c, &UMeetingRoomStatsRequest{PageNumber: -2}) })
		})
	}
}

func TestUMeetingRoomDetailIterWalksEveryPage(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opUMeetingRoomDetail, func(body string) (int, string) {
		page, size := umPageOf(t, body)
		var items []string
		for i := (page-1)*size + 1; i <= min(page*size, 7); i++ {
			items = append(items, fmt.Sprintf(`{"uuid":"u%d","meeting_id":%d}`, i, i))
		}
		return http.StatusOK, fmt.Sprintf(`{"status":200,"message":"OK","data":{"total_record":7,"meetings":[%s]}}`, strings.Join(items, ","))
	})
	var ids []string
	for m, err := range api.client.UMeeting.RoomDetailIter(context.Background(), &UMeetingRoomStatsRequest{PageSize: 3, From: umFrom, To: umTo}) {
		require.NoError(t, err)
		ids = append(ids, m.MeetingID)
	}
	assert.Equal(t, []string{"1", "2", "3", "4", "5", "6", "7"}, ids)
	assert.Equal(t, 3, rec.count())
	assert.Contains(t, rec.last(t).Body, "from=2017-08-31")

	api = newTestAPI(t)
	eventRespondFunc(api, opUMeetingRoomSummary, func(body string) (int, string) {
		if page, _ := umPageOf(t, body); page == 2 {
			return http.StatusOK, businessFailure(FamilyUMeeting)
		}
		return http.StatusOK, `{"status":200,"message":"OK","data":{"total_record":40,"rooms":[` + strings.Repeat(`{"host_id":"r"},`, 29) + `{"host_id":"r"}]}}`
	})
	items, err := collect(api.client.UMeeting.RoomSummaryIter(context.Background(), &UMeetingRoomStatsRequest{}))
	assert.Len(t, items, 30, "default page_size 30")
	require.ErrorIs(t, err, ErrInvalidParameter)
}

func TestUMeetingMeetingRecordsDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingRecords, "umeeting/hisMeeting.json")
	out, err := api.client.UMeeting.MeetingRecords(context.Background(), &UMeetingPeriodRequest{
		From: time.Date(2018, 4, 1, 0, 0, 0, 0, Beijing), To: time.Date(2018, 4, 30, 0, 0, 0, 0, Beijing),
	})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&from=2018-04-01&to=2018-04-30", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/share/hisMeeting", rec.last(t).URL)
	require.Len(t, out.Records, 2)
	r := out.Records[0]
	assert.Equal(t, "hVew/yBeQamdZXVVQBvNhQ==", r.UUID)
	assert.Equal(t, "1525647127", r.ID, "a numeric id")
	assert.Equal(t, "富力 ", r.Host)
	assert.Equal(t, "test19@rfchina.com", r.Email)
	assert.Equal(t, "Corp", r.UserType)
	eventAssertTime(t, time.Date(2018, 4, 1, 5, 33, 22, 0, Beijing), r.StartTime, "start_time")
	eventAssertTime(t, time.Date(2018, 4, 1, 8, 18, 45, 0, Beijing), r.EndTime, "end_time")
	assert.Equal(t, 166, r.Duration)
	assert.Equal(t, 3, r.Participants)
	assert.False(t, r.HasPSTN || r.HasVoIP || r.HasThirdPartyAudio || r.HasVideo || r.HasScreenShare)
	assert.Zero(t, r.Recording)
	assert.Equal(t, 10, r.MeetingCapacity)
	assert.Equal(t, "tIEAQbEIQz6t7rzwAcJ04g==", out.Records[1].UUID)
	assert.Equal(t, 323, out.Records[1].Duration)
	assert.Equal(t, 12, out.Records[1].Participants)
	assert.Equal(t, 25, out.Records[1].MeetingCapacity)

	checkErrorPaths(t, opUMeetingRecords, opUMeetingRecords.Path, func(c *Client) error {
		_, err := c.UMeeting.MeetingRecords(context.Background(), &UMeetingPeriodRequest{From: umFrom, To: umTo})
		return err
	})
	for field, req := range map[string]*UMeetingPeriodRequest{
		"request": nil, "from": {To: umTo}, "to": {From: umFrom},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.UMeeting.MeetingRecords(context.Background(), req)
			return err
		})
	}
	checkRejected(t, "to", func(c *Client) error {
		_, err := c.UMeeting.MeetingRecords(context.Background(), &UMeetingPeriodRequest{From: umFrom, To: umFrom.AddDate(0, 2, 0)})
		return err
	})
}

func TestUMeetingMeetingReportsDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingReports, "umeeting/meetingdetail-uuid.json")
	out, err := api.client.UMeeting.MeetingReports(context.Background(), &UMeetingReportsRequest{
		UUIDs: []string{"tIEAQbEIQz6t7rzwAcJ04g==", "Ov8vv4PiR/mYW3Px8NuJVg=="},
	})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&uuid=tIEAQbEIQz6t7rzwAcJ04g%3D%3D%2COv8vv4PiR%2FmYW3Px8NuJVg%3D%3D", rec.last(t).Body)
	require.Len(t, out.Reports, 1)
	r := out.Reports[0]
	assert.Equal(t, 45, r.Duration, `"45"`)
	eventAssertTime(t, time.Date(2018, 4, 2, 10, 32, 33, 0, Beijing), r.StartTime, "start_time")
	assert.Equal(t, 3, r.ParticipantsCount)
	assert.Equal(t, 127, r.ParticipantMinutes)
	assert.Equal(t, "富力", r.Host)
	eventAssertTime(t, time.Date(2018, 4, 2, 11, 17, 4, 0, Beijing), r.EndTime, "end_time")
	assert.Equal(t, "1806697677", r.ID)
	assert.Equal(t, "Ov8vv4PiR/mYW3Px8NuJVg==", r.UUID)
	assert.Equal(t, "test67@rfchina.com", r.Email)
	require.Len(t, r.Participants, 3)
	p := r.Participants[0]
	eventAssertTime(t, time.Date(2018, 8, 13, 17, 30, 22, 0, Beijing), p.LeaveTime, "leave_time")
	assert.Equal(t, "1371517030", p.MeetingID, "a numeric meeting_id")
	assert.Equal(t, "杨雪鑫", p.Name)
	assert.Equal(t, "4XoNt04WQkWm5OAAAX2cQg==", p.MeetingUUID)
	eventAssertTime(t, time.Date(2018, 8, 13, 16, 18, 41, 0, Beijing), p.JoinTime, "join_time")
	assert.Equal(t, "蔡琼", r.Participants[2].Name)

	checkErrorPaths(t, opUMeetingReports, opUMeetingReports.Path, func(c *Client) error {
		_, err := c.UMeeting.MeetingReports(context.Background(), &UMeetingReportsRequest{UUIDs: []string{"a"}})
		return err
	})
	for field, req := range map[string]*UMeetingReportsRequest{
		"request": nil, "uuid": {}, "uuid ": {UUIDs: []string{"a,b"}}, " uuid": {UUIDs: []string{" "}},
	} {
		checkRejected(t, strings.TrimSpace(field), func(c *Client) error {
			_, err := c.UMeeting.MeetingReports(context.Background(), req)
			return err
		})
	}
}

func TestUMeetingCloudRecordingsDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingCloudRecordings, "umeeting/recording.json")
	start := time.Date(2020, 2, 2, 14, 25, 12, 0, Beijing)
	out, err := api.client.UMeeting.CloudRecordings(context.Background(), &UMeetingCloudRecordingsRequest{MeetingID: "Jn5K/PTATp+WjU071OuceA==", StartTime: start})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&meeting_id=Jn5K%2FPTATp%2BWjU071OuceA%3D%3D&start_time=2020-02-02+14%3A25%3A12", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/cloud/recording", rec.last(t).URL)
	require.Len(t, out.Recordings, 2)
	r := out.Recordings[0]
	assert.Equal(t, "cc8bc310-4bcb-42d3-bf35-2f2ef01f9be4", r.ID)
	assert.Equal(t, "Jn5K/PTATp+WjU071OuceA==", r.MeetingUUID)
	eventAssertTime(t, time.Date(2020, 2, 13, 17, 28, 41, 0, Beijing), r.Start, "recording_start (UTC)")
	eventAssertTime(t, time.Date(2020, 2, 13, 17, 30, 34, 0, Beijing), r.End, "recording_end")
	assert.Equal(t, "MP4", r.FileType)
	assert.Equal(t, int64(2748588), r.FileSize)
	assert.Equal(t, "https://umeetingdev.systeccloud.com/recording/play/5MoKVVAxj3yen1wP8kh3YSxt4BJBSDrr29jrovwDamAL-yBcqI2YTbNvLK8h6exW", r.PlayURL)
	assert.Equal(t, "https://umeetingdev.systeccloud.com/recording/download/5MoKVVAxj3yen1wP8kh3YSxt4BJBSDrr29jrovwDamAL-yBcqI2YTbNvLK8h6exW", r.DownloadURL)
	assert.Equal(t, "completed", r.Status)
	assert.Equal(t, int64(174511), out.Recordings[1].FileSize)

	checkErrorPaths(t, opUMeetingCloudRecordings, opUMeetingCloudRecordings.Path, func(c *Client) error {
		_, err := c.UMeeting.CloudRecordings(context.Background(), &UMeetingCloudRecordingsRequest{MeetingID: "1", StartTime: start})
		return err
	})
	for field, req := range map[string]*UMeetingCloudRecordingsRequest{
		"request": nil, "meeting_id": {StartTime: start}, "start_time": {MeetingID: "1"},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.UMeeting.CloudRecordings(context.Background(), req)
			return err
		})
	}
}

func TestUMeetingMeetingParticipantsDecodesThePageExample(t *testing.T) {
	const path = "/umeeting/share/meeting/1300133319/participants"
	api := newTestAPI(t)
	rec := api.respondPath(FamilyUMeeting, http.MethodPost, path, http.StatusOK, fixture(t, "umeeting/meeting-participants.json"))
	req := &UMeetingParticipantsRequest{MeetingID: "1300133319", Topic: "雄县业务部", HostID: "mueyYP0sQp-"}
	out, err := api.client.UMeeting.MeetingParticipants(context.Background(), req)
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&host_id=mueyYP0sQp-&topic=%E9%9B%84%E5%8E%BF%E4%B8%9A%E5%8A%A1%E9%83%A8", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+path, rec.last(t).URL)
	assert.Equal(t, 180, out.Duration)
	eventAssertTime(t, time.Date(2020, 3, 25, 11, 30, 0, 0, Beijing), out.StartTime, "start_time")
	assert.Equal(t, 967, out.TotalMinutes)
	assert.Equal(t, 19, out.TotalParticipants)
	assert.Equal(t, "雄县业务部_郭福庆的网络会议", out.Topic)
	assert.Equal(t, "1300133319", out.ID)
	require.Len(t, out.Participants, 1)
	p := out.Participants[0]
	assert.Equal(t, "16778240", p.UserID)
	assert.Equal(t, "鲁文涛", p.UserName)
	assert.Equal(t, "Windows", p.Device)
	assert.Equal(t, "182.51.86.221", p.IPAddress)
	assert.Equal(t, "Hebei (CN)", p.Location)
	assert.Equal(t, "Wifi", p.NetworkType)
	eventAssertTime(t, time.Date(2020, 3, 25, 11, 28, 24, 0, Beijing), p.JoinTime, "join_time")
	eventAssertTime(t, time.Date(2020, 3, 25, 12, 20, 56, 0, Beijing), p.LeaveTime, "leave_time")
	assert.False(t, p.ShareApplication || p.ShareDesktop || p.ShareWhiteboard || p.Recording)
	assert.Empty(t, p.PCName+p.Domain+p.MACAddress+p.HarddiskID+p.LeaveReason)
	assert.Equal(t, "4.3.47204.0325", p.Version)

	checkErrorPaths(t, opUMeetingParticipants, path, func(c *Client) error {
		_, err := c.UMeeting.MeetingParticipants(context.Background(), req)
		return err
	})
	for field, r := range map[string]*UMeetingParticipantsRequest{
		"request": nil, "meeting_id": {Topic: "t", HostID: "h"}, "topic": {MeetingID: "1", HostID: "h"}, "host_id": {MeetingID: "1", Topic: "t"},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.UMeeting.MeetingParticipants(context.Background(), r)
			return err
		})
	}
}

func TestUMeetingRecordParticipantsDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingRecordParticipants, "umeeting/participants.json")
	out, err := api.client.UMeeting.RecordParticipants(context.Background(), &UMeetingRecordParticipantsRequest{UUID: "hVew/yBeQamdZXVVQBvNhQ=="})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&uuid=hVew%2FyBeQamdZXVVQBvNhQ%3D%3D", rec.last(t).Body)
	require.Len(t, out.Participants, 2)
	p := out.Participants[0]
	assert.Empty(t, p.ID)
	assert.Equal(t, "50342912", p.UserID)
	assert.Equal(t, "华润内蒙古医药", p.UserName)
	assert.Equal(t, "iOS", p.Device)
	assert.Equal(t, "110.16.71.150", p.IPAddress)
	assert.Equal(t, "CN", p.Country)
	assert.Equal(t, "Baotou", p.City)
	assert.Equal(t, "有线", p.NetworkType)
	eventAssertTime(t, time.Date(2019, 12, 20, 10, 13, 18, 0, Beijing), p.JoinTime, "join_time (UTC)")
	eventAssertTime(t, time.Date(2019, 12, 20, 10, 28, 19, 0, Beijing), p.LeaveTime, "leave_time")
	assert.Equal(t, "河南信息部-陈亚辉", out.Participants[1].UserName)

	checkErrorPaths(t, opUMeetingRecordParticipants, opUMeetingRecordParticipants.Path, func(c *Client) error {
		_, err := c.UMeeting.RecordParticipants(context.Background(), &UMeetingRecordParticipantsRequest{UUID: "u"})
		return err
	})
	checkRejected(t, "uuid", func(c *Client) error {
		_, err := c.UMeeting.RecordParticipants(context.Background(), &UMeetingRecordParticipantsRequest{})
		return err
	})
	checkRejected(t, "request", func(c *Client) error {
		_, err := c.UMeeting.RecordParticipants(context.Background(), nil)
		return err
	})
}

func TestUMeetingDashboardMeetingsDecodesThePageExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUMeetingDashboardMeetings, "umeeting/meetings.json")
	out, err := api.client.UMeeting.DashboardMeetings(context.Background(), &UMeetingDashboardRequest{
		UMeetingPeriodRequest: UMeetingPeriodRequest{From: time.Date(2019, 9, 1, 0, 0, 0, 0, Beijing), To: time.Date(2019, 9, 2, 0, 0, 0, 0, Beijing)},
		Type:                  UMeetingDashboardPast,
	})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&from=2019-09-01&to=2019-09-02&type=past", rec.last(t).Body)
	assert.Equal(t, testUMeetingBaseURL+"/umeeting/metrics/meetings", rec.last(t).URL)
	require.Len(t, out.Meetings, 2)
	m := out.Meetings[0]
	assert.Equal(t, "mzejqFKBR/Oz0a46oSvqtg==", m.UUID)
	assert.Equal(t, "1317246759", m.ID)
	assert.Equal(t, "工程部_李冬的网络会议", m.Topic)
	assert.Equal(t, "公共会议室 ", m.Host)
	assert.Equal(t, "umeetingTest1561618892948@systec.com.cn", m.Email)
	assert.Equal(t, "企业用户", m.UserType)
	eventAssertTime(t, time.Date(2019, 9, 1, 8, 54, 50, 0, Beijing), m.StartTime, "start_time (UTC)")
	eventAssertTime(t, time.Date(2019, 9, 1, 12, 49, 58, 0, Beijing), m.EndTime, "end_time (UTC)")
	assert.Equal(t, 3*time.Hour+55*time.Minute+8*time.Second, m.Duration, `"03:55:08"`)
	assert.Equal(t, 25, m.Participants)
	assert.True(t, m.HasVoIP && m.HasVideo && m.HasScreenShare && m.HasRecording)
	assert.False(t, m.HasPSTN || m.HasThirdPartyAudio || m.HasSIP)
	assert.Equal(t, 85*time.Second, out.Meetings[1].Duration, `"01:25"`)
	assert.False(t, out.Meetings[1].HasRecording)

	// type is optional (live by default).
	_, err = api.client.UMeeting.DashboardMeetings(context.Background(), &UMeetingDashboardRequest{UMeetingPeriodRequest: UMeetingPeriodRequest{From: umFrom, To: umTo}})
	require.NoError(t, err)
	assert.Equal(t, umCreds+"&from=2017-08-31&to=2017-09-01", rec.last(t).Body)

	checkErrorPaths(t, opUMeetingDashboardMeetings, opUMeetingDashboardMeetings.Path, func(c *Client) error {
		_, err := c.UMeeting.DashboardMeetings(context.Background(), &UMeetingDashboardRequest{UMeetingPeriodRequest: UMeetingPeriodRequest{From: umFrom, To: umTo}})
		return err
	})
	for field, req := range map[string]*UMeetingDashboardRequest{
		"request": nil, "from": {},
		"type": {UMeetingPeriodRequest: UMeetingPeriodRequest{From: umFrom, To: umTo}, Type: "Live"},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.UMeeting.DashboardMeetings(context.Background(), req)
			return err
		})
	}
}
