package quanshitest_test

import (
	"context"
	"strings"

	"github.com/quanshi-sdk/quanshi-go"
)

// relNoRules are the methods whose request has no rule to break (every
// field optional, nil accepted).
var relNoRules = map[string]bool{"Room.ListRooms": true}

// relBadInputsMore covers the batch status, attendance, forward, settings,
// launch-token, meeting-room and recovery methods.
func relBadInputsMore() []relBadInput {
	start := relStart
	return []relBadInput{
		{"Conference.StatusBatch", "either/or: conferenceIds or eventIds", "conferenceIds", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.StatusBatch(ctx, &quanshi.ConferenceStatusBatchRequest{}))
		}},
		{"Conference.StatusBatch", "required when: userId with conferenceIds", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.StatusBatch(ctx, &quanshi.ConferenceStatusBatchRequest{ConferenceIDs: []string{"1"}}))
		}},
		{"Conference.MonitorURL", "either/or: conferenceId or pcode", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.MonitorURL(ctx, &quanshi.ConferenceMonitorURLRequest{UserID: 1}))
		}},
		{"Conference.WebJoinToken", "required: plainText", "plainText", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.WebJoinToken(ctx, &quanshi.ConferenceWebJoinTokenRequest{EventID: 1}))
		}},
		{"Conference.FindCreated", "required: title", "title", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.FindCreated(ctx, &quanshi.ConferenceFindRequest{UserID: 1, Start: start}))
		}},
		{"Room.FindCreated", "required: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.FindCreated(ctx, &quanshi.RoomFindRequest{Title: "t", Start: start}))
		}},
		{"Room.AddRoom", "range: capacity", "capacity", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.AddRoom(ctx, &quanshi.MeetingRoomAddRequest{UserID: 1, Name: "r"}))
		}},
		{"Room.FindAddedRoom", "required: roomName", "roomName", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.FindAddedRoom(ctx, &quanshi.MeetingRoomFindRequest{Name: " "}))
		}},
		{"Event.Forward", "required: attendList", "attendList", func(ctx context.Context, c *quanshi.Client) error {
			return c.Event.Forward(ctx, &quanshi.EventForwardRequest{EventID: 1})
		}},
		{"Event.Forward", "format: emailList", "attendList[0].emailList[0]", func(ctx context.Context, c *quanshi.Client) error {
			return c.Event.Forward(ctx, &quanshi.EventForwardRequest{EventID: 1, Invitees: []quanshi.EventForwardGroup{
				{RoleID: quanshi.EventRoleGuest, Emails: []string{"not-an-address"}}}})
		}},
		{"Event.UpdateSettings", "length: announcement.content", "announcement.content", func(ctx context.Context, c *quanshi.Client) error {
			return c.Event.UpdateSettings(ctx, &quanshi.EventSettingsUpdateRequest{EventID: 1,
				Announcement: &quanshi.EventAnnouncement{Content: new(strings.Repeat("字", 501))}})
		}},
		{"Event.UpdateSettings", "required when: replay.expire_time", "replay.expire_time", func(ctx context.Context, c *quanshi.Client) error {
			return c.Event.UpdateSettings(ctx, &quanshi.EventSettingsUpdateRequest{EventID: 1,
				Replay: &quanshi.EventReplay{Validity: quanshi.EventReplayUntil}})
		}},
		{"Event.TemporaryToken", "either/or: userId or name", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.TemporaryToken(ctx, &quanshi.EventTemporaryTokenRequest{}))
		}},
		{"Event.ServerURLs", "required when: name with returnWebsiteUrl", "name", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.ServerURLs(ctx, &quanshi.EventServerURLsRequest{ReturnWebsiteURL: new(true)}))
		}},
		{"Event.FindCreated", "required: start", "start", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.FindCreated(ctx, &quanshi.EventFindRequest{HostID: 1, Title: "t"}))
		}},
		{"Report.Attendance", "required: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Report.Attendance(ctx, &quanshi.ReportAttendanceRequest{}))
		}},
		{"Report.AttendanceV2", "required: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Report.AttendanceV2(ctx, &quanshi.ReportEventRequest{}))
		}},
		{"Report.Files", "required: request", "request", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Report.Files(ctx, nil))
		}},
		{"Report.QueryEvents", "count: eventIds", "eventIds", func(ctx context.Context, c *quanshi.Client) error {
			ids := make([]int64, 51)
			for i := range ids {
				ids[i] = int64(i + 1)
			}
			return relErr(c.Report.QueryEvents(ctx, &quanshi.ReportQueryEventsRequest{EventIDs: ids, Type: quanshi.ReportQueryBoth}))
		}},
		{"UMeeting.FindScheduled", "required: topic", "topic", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.FindScheduled(ctx, &quanshi.UMeetingFindRequest{Start: start}))
		}},
	}
}
