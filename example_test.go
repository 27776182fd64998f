package quanshi_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// The examples run against the in-process sandbox, whose clock they fix
// at 30 November 2026, 09:00 in Beijing.
var exampleNow = time.Date(2026, 11, 30, 9, 0, 0, 0, quanshi.Beijing)

// exampleHost is a host the sandbox knows.
const exampleHost = int64(81299515)

// sandbox starts the sandbox and returns a client pointed at it.
func sandbox() (*quanshitest.Server, *quanshi.Client) {
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time { return exampleNow }))
	client, err := srv.Client()
	if err != nil {
		panic(err)
	}
	return srv, client
}

// createMeeting books a 30-minute meeting an hour from now.
func createMeeting(client *quanshi.Client, title string) *quanshi.ConferenceReservation {
	res, err := client.Conference.Create(context.Background(), &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{UserID: exampleHost, Title: title, Length: 30, StartTime: exampleNow.Add(time.Hour)},
	})
	if err != nil {
		panic(err)
	}
	return res
}

// A client that mints its own tokens, booking a meeting and reading its
// status.
func Example() {
	srv := quanshitest.New()
	defer srv.Close()
	client, err := quanshi.NewClient(srv.ClientOptions()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	res, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{UserID: exampleHost, Title: "Standup", Length: 15, StartTime: srv.Now().Add(time.Hour)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := client.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Status)
	// Output:
	// created
}

func ExampleConferenceService_Get() {
	srv, client := sandbox()
	defer srv.Close()
	res := createMeeting(client, "Design review")
	conf, err := client.Conference.Get(context.Background(), &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(conf.Name, conf.TempConferenceID != "")
	// Output:
	// user81299515 true
}

func ExampleRoomService_Create() {
	srv, client := sandbox()
	defer srv.Close()
	booking, err := client.Room.Create(context.Background(), &quanshi.RoomCreateRequest{
		UserID: exampleHost, Title: "Weekly planning", Length: 45, StartTime: exampleNow.Add(2 * time.Hour),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(booking.ConferenceID != "", booking.EventID != 0)
	// Output:
	// true true
}

func ExampleEventService_Get() {
	srv, client := sandbox()
	defer srv.Close()
	ctx := context.Background()
	created, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeSeriesParent, MeetingType: quanshi.EventMeetingTypeAnalyst,
		HostID: exampleHost, Title: "2027 Macro outlook",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, err := client.Event.Get(ctx, &quanshi.EventGetRequest{EventID: created.EventID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ev.Title, ev.Status)
	// Output:
	// 2027 Macro outlook created
}

func ExampleRecordingService_Get() {
	srv, client := sandbox()
	defer srv.Close()
	res := createMeeting(client, "Recorded talk")
	srv.Advance(3 * time.Hour) // the meeting has run and ended
	rec, err := client.Recording.Get(context.Background(), &quanshi.RecordingGetRequest{ConferenceID: res.ConferenceID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.HasRecord)
	// Output:
	// true
}

func ExampleReportService_Get() {
	srv, client := sandbox()
	defer srv.Close()
	res := createMeeting(client, "All hands")
	srv.Advance(3 * time.Hour)
	report, err := client.Report.Get(context.Background(), &quanshi.ReportGetRequest{ConferenceID: res.ConferenceID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.Summary.InviteCount >= 0)
	// Output:
	// true
}

// Paged lists have an Iter method that follows the pages.
func ExampleDashboardService_LiveConferencesIter() {
	srv, client := sandbox()
	defer srv.Close()
	createMeeting(client, "Live now")
	srv.Advance(65 * time.Minute) // the meeting is running
	for conf, err := range client.Dashboard.LiveConferencesIter(context.Background(), nil) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(conf.Title)
	}
	// Output:
	// Live now
}

func ExampleUMeetingService_Schedule() {
	srv, client := sandbox()
	defer srv.Close()
	ctx := context.Background()
	m, err := client.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic: "Team sync", MeetingCapacity: 25, StartTime: exampleNow.Add(6 * time.Hour), Duration: 60, UserKey: "team-a",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for meeting, err := range client.UMeeting.ListIter(ctx, &quanshi.UMeetingListRequest{UserKey: "team-a"}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(meeting.Topic, meeting.ID == m.MeetingID)
	}
	// Output:
	// Team sync true
}

func ExampleUserService_FindByEmail() {
	srv, client := sandbox()
	defer srv.Close()
	u, err := client.User.FindByEmail(context.Background(), &quanshi.UserFindByEmailRequest{Email: quanshitest.DefaultAdminEmail})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.UserID)
	// Output:
	// 19533553
}

func ExampleAuthService_CheckToken() {
	srv, client := sandbox()
	defer srv.Close()
	info, err := client.Auth.CheckToken(context.Background(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.ExpiresAt().After(exampleNow))
	// Output:
	// true
}

// Errors fall into the classes a caller acts on, tested with errors.Is.
func ExampleAPIError() {
	srv, client := sandbox()
	defer srv.Close()
	ctx := context.Background()
	_, err := client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: "999999"})
	fmt.Println(errors.Is(err, quanshi.ErrNotFound), errors.Is(err, quanshi.ErrConferenceNotFound))

	_, err = client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{}) // refused before sending
	var invalid *quanshi.ValidationError
	fmt.Println(errors.Is(err, quanshi.ErrInvalidParameter), errors.As(err, &invalid) && invalid.Field == "conferenceId")

	srv.Inject(quanshitest.Fault{Path: "/conference/conference/getConferenceBaseInfoById", HTTPStatus: 503, Times: 3})
	_, err = client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: "999999"})
	var apiErr *quanshi.APIError
	fmt.Println(errors.Is(err, quanshi.ErrTemporary), errors.As(err, &apiErr) && apiErr.HTTPStatus == 503)
	// Output:
	// true true
	// true true
	// true true
}

// Per-call options bound one call and capture its response's metadata.
func ExampleCaptureResponse() {
	srv, client := sandbox()
	defer srv.Close()
	res := createMeeting(client, "Options")
	var info quanshi.ResponseInfo
	_, err := client.Conference.Status(context.Background(), &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID},
		quanshi.CallTimeout(5*time.Second), quanshi.CaptureResponse(&info))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.HTTPStatus, info.Attempts, info.RequestID != "")
	// Output:
	// 200 1 true
}
