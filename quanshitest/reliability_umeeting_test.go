package quanshitest_test

import (
	"context"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// relUMeetingMoreBadInputs are the bad inputs of the umeeting calls beyond
// the first eight. RoomMonitor and Licence take no input: their case is a
// missing context, which the pipeline rejects before sending.
func relUMeetingMoreBadInputs() []relBadInput {
	var noContext context.Context
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, quanshi.Beijing)
	period := quanshi.UMeetingPeriodRequest{From: day, To: day.AddDate(0, 2, 0)}
	return []relBadInput{
		{"UMeeting.Instant", "range: duration over 30", "duration", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.Instant(ctx, &quanshi.UMeetingInstantRequest{Topic: "t", MeetingCapacity: 25, Duration: 20}))
		}},
		{"UMeeting.Token", "required: meeting_id", "meeting_id", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.Token(ctx, &quanshi.UMeetingTokenRequest{}))
		}},
		{"UMeeting.ResetCapacity", "required: meeting_capacity", "meeting_capacity", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.ResetCapacity(ctx, &quanshi.UMeetingResetCapacityRequest{MeetingID: "1"})
		}},
		{"UMeeting.DeleteLive", "required: live_id", "live_id", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.DeleteLive(ctx, &quanshi.UMeetingDeleteLiveRequest{})
		}},
		{"UMeeting.RoomMonitor", "required: context", "", func(_ context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.RoomMonitor(noContext, nil))
		}},
		{"UMeeting.Licence", "required: context", "", func(_ context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.Licence(noContext, nil))
		}},
		{"UMeeting.MeetingDetail", "enum: type", "type", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.MeetingDetail(ctx, &quanshi.UMeetingDetailRequest{MeetingID: "1", Type: 3}))
		}},
		{"UMeeting.MeetingDetailIter", "required: meeting_id", "meeting_id", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.UMeeting.MeetingDetailIter(ctx, &quanshi.UMeetingDetailRequest{Type: 1}))
		}},
		{"UMeeting.FreeRooms", "range: duration over 30", "duration", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.FreeRooms(ctx, &quanshi.UMeetingFreeRoomsRequest{MeetingCapacity: 25, StartTime: day, Duration: 30}))
		}},
		{"UMeeting.RoomDetail", "range: at most a month", "to", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.RoomDetail(ctx, &quanshi.UMeetingRoomStatsRequest{From: period.From, To: period.To}))
		}},
		{"UMeeting.RoomDetailIter", "range: page_size", "page_size", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.UMeeting.RoomDetailIter(ctx, &quanshi.UMeetingRoomStatsRequest{PageSize: -1}))
		}},
		{"UMeeting.RoomSummary", "order: to before from", "to", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.RoomSummary(ctx, &quanshi.UMeetingRoomStatsRequest{From: day, To: day.AddDate(0, 0, -1)}))
		}},
		{"UMeeting.RoomSummaryIter", "range: page_number", "page_number", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.UMeeting.RoomSummaryIter(ctx, &quanshi.UMeetingRoomStatsRequest{PageNumber: -1}))
		}},
		{"UMeeting.MeetingRecords", "required: from", "from", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.MeetingRecords(ctx, &quanshi.UMeetingPeriodRequest{To: day}))
		}},
		{"UMeeting.MeetingReports", "required: uuid", "uuid", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.MeetingReports(ctx, &quanshi.UMeetingReportsRequest{}))
		}},
		{"UMeeting.CloudRecordings", "required: start_time", "start_time", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.CloudRecordings(ctx, &quanshi.UMeetingCloudRecordingsRequest{MeetingID: "1"}))
		}},
		{"UMeeting.MeetingParticipants", "required: host_id", "host_id", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.MeetingParticipants(ctx, &quanshi.UMeetingParticipantsRequest{MeetingID: "1", Topic: "t"}))
		}},
		{"UMeeting.RecordParticipants", "required: uuid", "uuid", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.RecordParticipants(ctx, &quanshi.UMeetingRecordParticipantsRequest{}))
		}},
		{"UMeeting.DashboardMeetings", "range: at most a month", "to", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.DashboardMeetings(ctx, &quanshi.UMeetingDashboardRequest{UMeetingPeriodRequest: period}))
		}},
		{"UMeeting.PrivateSchedule", "required: host_id", "host_id", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.PrivateSchedule(ctx, &quanshi.UMeetingPrivateScheduleRequest{Topic: "t", StartTime: day, Duration: 60}))
		}},
		{"UMeeting.PrivateInstant", "required: topic", "topic", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.PrivateInstant(ctx, &quanshi.UMeetingPrivateScheduleRequest{HostID: "h"}))
		}},
		{"UMeeting.PrivateUpdate", "range: duration over 30", "duration", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.PrivateUpdate(ctx, &quanshi.UMeetingPrivateUpdateRequest{ID: "1", Topic: "t", StartTime: day, Duration: 30})
		}},
		{"UMeeting.PrivateGet", "required: meeting_id", "meeting_id", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.PrivateGet(ctx, &quanshi.UMeetingPrivateGetRequest{}))
		}},
		{"UMeeting.PrivateEnd", "required: id", "id", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.PrivateEnd(ctx, &quanshi.UMeetingPrivateIDRequest{})
		}},
		{"UMeeting.PrivateDelete", "required: request", "request", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.PrivateDelete(ctx, nil)
		}},
	}
}
