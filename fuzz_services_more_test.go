package quanshi

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// FuzzMonitorReportLaunchRoomResponses: the batch status, monitor link,
// attendance, report files and query, forward, settings, launch-token and
// meeting-room endpoints, and the Find helpers.
func FuzzMonitorReportLaunchRoomResponses(f *testing.F) {
	start := time.Date(2026, 11, 22, 20, 0, 0, 0, Beijing)
	// fresh answers a token method on a client of its own: a client keeps
	// every credential it was handed (to mask it), which would pile up here.
	fresh := func(c *Client, call func(*Client) error) error {
		own, err := fsvcClient(c.cfg.httpClient.Transport, false)
		if err != nil {
			return err
		}
		return call(own)
	}
	fsvcFuzz(f, []string{"conference", "report", "event", "room"}, []fsvcDecode{
		{opConferenceStatusBatch, fsvcOut[ConferenceStatusBatchResult]()},
		{opConferenceMonitorURL, fsvcOut[string]()},
		{opConferenceWebJoinToken, fsvcOut[ConferenceWebJoinToken]()},
		{opReportAttendance, fsvcOut[[]ReportAttendanceRecord]()},
		{opReportAttendanceV2, fsvcOut[reportAttendanceV2Wire]()},
		{opReportFiles, fsvcOut[ReportFiles]()},
		{opReportQueryEvents, fsvcOut[reportQueryWire]()},
		{opEventForward, nil},
		{opEventTemporaryToken, fsvcOut[EventTemporaryToken]()},
		{opEventServerURLs, fsvcOut[EventServerURLs]()},
		{opRoomAdd, fsvcOut[meetingRoomWire]()},
		{opRoomListRooms, fsvcOut[[]meetingRoomWire]()},
		{opTokenCreate, fsvcOut[jsontext.Value]()},
	}, []fsvcCall{
		{"Conference.StatusBatch", func(ctx context.Context, c *Client) error {
			_, err := c.Conference.StatusBatch(ctx, &ConferenceStatusBatchRequest{EventIDs: []int64{1}})
			return err
		}},
		{"Conference.MonitorURL", func(ctx context.Context, c *Client) error {
			_, err := c.Conference.MonitorURL(ctx, &ConferenceMonitorURLRequest{ConferenceID: "1", UserID: 1})
			return err
		}},
		{"Conference.WebJoinToken", func(ctx context.Context, c *Client) error {
			return fresh(c, func(c *Client) error {
				_, err := c.Conference.WebJoinToken(ctx, &ConferenceWebJoinTokenRequest{EventID: 1, PlainText: map[string]any{"name": "n"}})
				return err
			})
		}},
		{"Report.Attendance", func(ctx context.Context, c *Client) error {
			_, err := c.Report.Attendance(ctx, &ReportAttendanceRequest{EventID: 1})
			return err
		}},
		{"Report.AttendanceV2", func(ctx context.Context, c *Client) error {
			_, err := c.Report.AttendanceV2(ctx, &ReportEventRequest{EventID: 1})
			return err
		}},
		{"Report.Files", func(ctx context.Context, c *Client) error {
			_, err := c.Report.Files(ctx, &ReportEventRequest{EventID: 1})
			return err
		}},
		{"Report.QueryEvents", func(ctx context.Context, c *Client) error {
			_, err := c.Report.QueryEvents(ctx, &ReportQueryEventsRequest{EventIDs: []int64{1}, Type: ReportQueryBoth})
			return err
		}},
		{"Event.Forward", func(ctx context.Context, c *Client) error {
			return c.Event.Forward(ctx, &EventForwardRequest{EventID: 1, Invitees: []EventForwardGroup{{RoleID: 3, UserIDs: []int64{2}}}})
		}},
		{"Event.UpdateSettings", func(ctx context.Context, c *Client) error {
			return c.Event.UpdateSettings(ctx, &EventSettingsUpdateRequest{EventID: 1, Organizer: new("")})
		}},
		{"Event.TemporaryToken", func(ctx context.Context, c *Client) error {
			return fresh(c, func(c *Client) error {
				_, err := c.Event.TemporaryToken(ctx, &EventTemporaryTokenRequest{UserID: 1})
				return err
			})
		}},
		{"Event.ServerURLs", func(ctx context.Context, c *Client) error {
			return fresh(c, func(c *Client) error {
				_, err := c.Event.ServerURLs(ctx, nil)
				return err
			})
		}},
		{"Event.FindCreated", func(ctx context.Context, c *Client) error {
			_, err := c.Event.FindCreated(ctx, &EventFindRequest{HostID: 1, Title: "t", Start: start})
			return notBookedIsFine(err)
		}},
		{"Room.AddRoom", func(ctx context.Context, c *Client) error {
			_, err := c.Room.AddRoom(ctx, &MeetingRoomAddRequest{UserID: 1, Name: "r", Capacity: 2})
			return err
		}},
		{"Room.FindAddedRoom", func(ctx context.Context, c *Client) error {
			_, err := c.Room.FindAddedRoom(ctx, &MeetingRoomFindRequest{Name: "会议室-01"})
			return notBookedIsFine(err)
		}},
		{"Conference.FindCreated", func(ctx context.Context, c *Client) error {
			_, err := c.Conference.FindCreated(ctx, &ConferenceFindRequest{UserID: 1, Title: "t", Start: start})
			return notBookedIsFine(err)
		}},
	})
}

// notBookedIsFine: a Find helper's "nothing matches" is an answer, not a
// decoding failure.
func notBookedIsFine(err error) error {
	if errors.Is(err, ErrNotBooked) {
		return nil
	}
	return err
}
