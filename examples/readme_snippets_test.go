package examples_test

// The code snippets of README.md and README.zh-CN.md. Each lies between a
// "// readme:NAME" line and a "// readme:end" line; TestReadmeSnippets
// checks that the READMEs show exactly these, and the tests below run them
// against the sandbox, so that a snippet can neither stop compiling nor
// stop working.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshiredis"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/redis/go-redis/v9"
)

func readmeClient(appKey, appSecret string, adminUserID int64, legacyAppKey, apiKey, apiSecret string) (*quanshi.Client, error) {
	// readme:client
	client, err := quanshi.NewClient(
		// Mint and renew tokens with the developer platform's AppKey and
		// AppSecret, acting for this admin userId. Or: quanshi.WithToken(token).
		quanshi.WithAppCredentials(appKey, appSecret, adminUserID),
		// The appKey the classic /conference endpoints take in their body.
		quanshi.WithLegacyAppKey(legacyAppKey),
		// The api_key and api_secret of the systeccloud umeeting API.
		quanshi.WithUMeetingCredentials(apiKey, apiSecret),
	)
	if err != nil {
		return nil, err
	}
	// readme:end
	return client, nil
}

func readmeAppIDClient(appID, appSecret string) (*quanshi.Client, error) {
	// readme:appid
	// A current account: AppId and AppSecret. The client mints its tokens
	// at /eventopenapi/token/v2/create (empty body, AppId header), for the
	// account's admin; no userId is needed.
	client, err := quanshi.NewClient(quanshi.WithAppIDCredentials(appID, appSecret))
	if err != nil {
		return nil, err
	}
	// readme:end
	return client, nil
}

func readmeFromEnv() (*quanshi.Client, error) {
	// readme:env
	client, err := quanshi.NewClientFromEnv(quanshi.WithTimeout(10 * time.Second))
	if err != nil {
		return nil, err
	}
	// readme:end
	return client, nil
}

func readmeConference(ctx context.Context, client *quanshi.Client, hostEmail string) error {
	// readme:conference
	// Every booking names its host by Quanshi userId: find it by e-mail.
	host, err := client.User.FindByEmail(ctx, &quanshi.UserFindByEmailRequest{Email: hostEmail})
	if err != nil {
		return err
	}
	res, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID:    host.UserID,
			Title:     "Quarterly review",
			StartTime: time.Date(2026, 12, 1, 15, 0, 0, 0, quanshi.Beijing),
			Length:    60, // minutes
			InviteeList: []quanshi.ConferenceInvitee{
				{Name: "Wang Fang", Email: "wang.fang@example.com"},
				{UserID: 4307081},
			},
		},
	})
	if err != nil {
		return err
	}
	st, err := client.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{UserID: host.UserID, ConferenceID: res.ConferenceID})
	if err != nil {
		return err
	}
	// HostPasscode joins as the host, ParticipantPasscode as a participant: they are passwords.
	link, err := client.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.ParticipantPasscode, Name: "Wang Fang"})
	if err != nil {
		return err
	}
	fmt.Println(res.ConferenceID, st.Status, link.URL)
	// readme:end
	return nil
}

func readmeRoom(ctx context.Context, client *quanshi.Client, hostID int64) error {
	// readme:room
	booking, err := client.Room.Create(ctx, &quanshi.RoomCreateRequest{
		UserID:            hostID,
		Title:             "Weekly planning",
		StartTime:         time.Date(2026, 12, 1, 10, 0, 0, 0, quanshi.Beijing),
		Length:            45,
		ParticipantEmails: []string{"wang.fang@example.com"},
		Cycle:             new(true),
		CycleRule:         &quanshi.CycleRule{Frequency: quanshi.CycleWeekly, Interval: 1, ByDay: []time.Weekday{time.Tuesday}},
		RepeatEndDate:     time.Date(2027, 3, 30, 0, 0, 0, 0, quanshi.Beijing),
		ComposeRoomList:   []quanshi.ComposeRoom{{RoomID: 10935, IsMainRoom: quanshi.RoomVenueMain}},
	})
	if err != nil {
		return err
	}
	fmt.Println("booked", booking.ConferenceID, "as event", booking.EventID)

	// Every meeting of the account in December: ListByAdminIter follows the
	// eventIdFilter cursor from page to page.
	december := &quanshi.RoomListByAdminRequest{
		From: time.Date(2026, 12, 1, 0, 0, 0, 0, quanshi.Beijing),
		To:   time.Date(2027, 1, 1, 0, 0, 0, 0, quanshi.Beijing),
	}
	for m, err := range client.Room.ListByAdminIter(ctx, december) {
		if err != nil {
			return err
		}
		fmt.Println(m.StartTime.Format(time.DateTime), m.Title, m.Status)
	}
	// readme:end
	return nil
}

func readmeRecording(ctx context.Context, client *quanshi.Client, conferenceID string) error {
	// readme:recording
	rec, err := client.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: conferenceID})
	if err != nil {
		return err
	}
	if rec.HasRecord && rec.IsRecordConvertReady {
		fmt.Println("replay:", rec.ReplayURL, "download:", rec.DownloadURL)
	}

	// The ended meetings of up to 10 hosts over up to 14 days, by host.
	byHost, err := client.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{
		Emails: []string{"host@example.com"},
		From:   time.Date(2026, 12, 1, 0, 0, 0, 0, quanshi.Beijing),
		To:     time.Date(2026, 12, 14, 0, 0, 0, 0, quanshi.Beijing),
	})
	if err != nil {
		return err
	}
	for email, meetings := range byHost.ByEmail {
		for _, m := range meetings {
			fmt.Println(email, m.ConferenceTitle, m.RealStartTime, m.HasRecord)
		}
	}
	// readme:end
	return nil
}

func readmeReport(ctx context.Context, client *quanshi.Client, conferenceID string) error {
	// readme:report
	report, err := client.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: conferenceID})
	if err != nil {
		return err
	}
	s := report.Summary
	fmt.Printf("%d of %d invitees came (%s)\n", s.InviteAttendedCount, s.InviteCount, s.AttendeePercentage)
	for _, a := range report.Attendees {
		fmt.Println(a.Name, a.Role, a.JoinTime.Format(time.TimeOnly), a.TotalTime)
	}
	// readme:end
	return nil
}

func readmeEvent(ctx context.Context, client *quanshi.Client, hostID int64) error {
	// readme:event
	parent, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType:     quanshi.EventCalTypeSeriesParent,
		MeetingType: quanshi.EventMeetingTypeAnalyst,
		HostID:      hostID,
		Title:       "2027 Macro outlook",
	})
	if err != nil {
		return err
	}
	meeting, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType:      quanshi.EventCalTypeSeriesChild,
		HostID:       hostID,
		Title:        "Macro outlook: January",
		StartTime:    time.Date(2027, 1, 8, 10, 0, 0, 0, quanshi.Beijing),
		Length:       60,
		Participants: json.RawMessage(`[{"name": "Wang Fang", "email": "wang.fang@example.com"}]`),
	})
	if err != nil {
		return err
	}
	ev, err := client.Event.Get(ctx, &quanshi.EventGetRequest{EventID: meeting.EventID})
	if err != nil {
		return err
	}
	fmt.Println(parent.EventID, ev.EventID, ev.Status, ev.AudienceUnionURL)
	// readme:end
	return nil
}

func readmeDashboard(ctx context.Context, client *quanshi.Client) error {
	// readme:dashboard
	for conf, err := range client.Dashboard.LiveConferencesIter(ctx, nil) {
		if err != nil {
			return err
		}
		fmt.Println(conf.Title, conf.ParticipantCount, conf.ConfDuration)
		people := &quanshi.DashboardParticipantsRequest{EventID: conf.EventID}
		for a, err := range client.Dashboard.ParticipantsIter(ctx, people) {
			if err != nil {
				return err
			}
			fmt.Println("  ", a.Name, a.DeviceType, a.Location)
		}
	}
	// readme:end
	return nil
}

func readmeUMeeting(ctx context.Context, client *quanshi.Client) error {
	// readme:umeeting
	m, err := client.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
		Topic:           "Team sync",
		MeetingCapacity: 25,
		StartTime:       time.Date(2026, 12, 1, 15, 0, 0, 0, quanshi.Beijing),
		Duration:        60, // minutes, more than 30
		UserKey:         "team-a",
	})
	if err != nil {
		return err
	}
	// m.HostKey, m.Token and m.StartURL start the meeting as its host: keep
	// them secret.
	fmt.Println(m.MeetingID, m.JoinURL)

	for meeting, err := range client.UMeeting.ListIter(ctx, &quanshi.UMeetingListRequest{UserKey: "team-a"}) {
		if err != nil {
			return err
		}
		fmt.Println(meeting.ID, meeting.Topic, meeting.Status)
	}
	if err := client.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: m.MeetingID}); err != nil {
		return err
	}
	// readme:end
	return nil
}

func readmeUMeetingMonitor(ctx context.Context, client *quanshi.Client) error {
	// readme:umeetingmonitor
	// Watch the public rooms: each with its booked and running meetings.
	rooms, err := client.UMeeting.RoomMonitor(ctx, nil)
	if err != nil {
		return err
	}
	for _, room := range rooms.Rooms {
		if len(room.Meetings) > 0 {
			fmt.Println(room.Name, room.MeetingCapacity, len(room.Meetings))
		}
	}
	// What the rooms ran on 30 November (a query covers at most a month).
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, quanshi.Beijing)
	records, err := client.UMeeting.MeetingRecords(ctx, &quanshi.UMeetingPeriodRequest{From: day, To: day})
	if err != nil {
		return err
	}
	for _, r := range records.Records {
		fmt.Println(r.ID, r.Duration, r.Participants)
	}
	// readme:end
	return nil
}

func readmeErrors(ctx context.Context, client *quanshi.Client, conferenceID string) error {
	// readme:errors
	_, err := client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: conferenceID})
	var (
		apiErr       *quanshi.APIError
		invalid      *quanshi.ValidationError
		transportErr *quanshi.TransportError
	)
	switch {
	case err == nil:
		fmt.Println("found it")
	case errors.Is(err, quanshi.ErrConferenceNotFound): // business code 50709
		fmt.Println("no such meeting")
	case errors.Is(err, quanshi.ErrTokenInvalid):
		// A client with app credentials has already minted a new token and
		// tried once more; with a static token, get a new one.
		return err
	case errors.As(err, &invalid): // refused by the SDK: nothing was sent
		fmt.Println("fix the request:", invalid.Field, invalid.Reason)
	case errors.As(err, &apiErr):
		fmt.Printf("code %d: %s (HTTP %d, request id %s)\n",
			apiErr.Code, apiErr.Message, apiErr.HTTPStatus, apiErr.RequestID)
	case errors.As(err, &transportErr): // no answer; errors.Is(err, context.DeadlineExceeded) works
		fmt.Println("no answer:", transportErr.Err)
	}
	// readme:end
	return nil
}

func readmeRetries(appKey, appSecret string, adminUserID int64) (*quanshi.Client, error) {
	// readme:retries
	client, err := quanshi.NewClient(
		quanshi.WithAppCredentials(appKey, appSecret, adminUserID),
		// Up to 4 retries of a read, waiting 0.5s, 1s, 2s, 4s (with jitter).
		quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 4, MinWait: 500 * time.Millisecond, MaxWait: 10 * time.Second}),
		// At most 10 requests a second, in bursts of up to 5; calls over
		// the limit wait (until their ctx is done).
		quanshi.WithRateLimit(10, 5),
		// Each attempt; ctx bounds the whole call, retries included.
		quanshi.WithTimeout(15*time.Second),
	)
	if err != nil {
		return nil, err
	}
	// readme:end
	return client, nil
}

func readmeOutcome(ctx context.Context, client *quanshi.Client, req *quanshi.ConferenceCreateRequest) error {
	// readme:outcome
	res, err := client.Conference.Create(ctx, req)
	switch {
	case errors.Is(err, quanshi.ErrOutcomeUnknown):
		// The request may have reached the server and only the answer was
		// lost: look before booking again.
		found, err := client.Conference.FindCreated(ctx, &quanshi.ConferenceFindRequest{
			UserID: req.UserID, Title: req.Title, Start: req.StartTime})
		switch {
		case errors.Is(err, quanshi.ErrNotBooked):
			fmt.Println("not booked: safe to create again")
		case err != nil:
			return err // still unknown: look again later
		default:
			fmt.Println("booked after all:", found.ConferenceID)
		}
	case err != nil:
		return err
	default:
		fmt.Println("booked:", res.ConferenceID)
	}
	// readme:end
	return nil
}

func readmeStatusBatch(ctx context.Context, client *quanshi.Client, eventIDs []int64) error {
	// readme:statusbatch
	// One call for many meetings; the statuses are those Status reports.
	live, err := client.Conference.StatusBatch(ctx, &quanshi.ConferenceStatusBatchRequest{EventIDs: eventIDs})
	if err != nil {
		return err
	}
	for _, c := range live.Conferences {
		fmt.Println(c.EventID, c.ConferenceID, c.Status)
	}
	// readme:end
	return nil
}

func readmeAttendance(ctx context.Context, client *quanshi.Client, eventID int64) error {
	// readme:attendance
	// By booking id: one record per participant, or one per join (v2).
	att, err := client.Report.Attendance(ctx, &quanshi.ReportAttendanceRequest{EventID: eventID})
	if err != nil {
		return err
	}
	for _, r := range att.Records {
		fmt.Println(r.Name, r.Role, r.OnlineTime.Format(time.TimeOnly), r.OfflineTime.Format(time.TimeOnly))
	}
	files, err := client.Report.Files(ctx, &quanshi.ReportEventRequest{EventID: eventID})
	if err != nil {
		return err
	}
	for _, f := range files.Reports {
		fmt.Println("report file:", f.URL)
	}
	// readme:end
	return nil
}

func readmeForward(ctx context.Context, client *quanshi.Client, eventID int64) error {
	// readme:forward
	// Invite more people (the server sends the invitations) ...
	err := client.Event.Forward(ctx, &quanshi.EventForwardRequest{EventID: eventID, Invitees: []quanshi.EventForwardGroup{
		{RoleID: quanshi.EventRoleGuest, Emails: []string{"guest@example.com"}},
		{RoleID: quanshi.EventRoleCoHost, UserIDs: []int64{4307081}},
	}})
	if err != nil {
		return err
	}
	// ... and change the live page: nil leaves a setting alone, false and ""
	// are sent.
	err = client.Event.UpdateSettings(ctx, &quanshi.EventSettingsUpdateRequest{
		EventID:      eventID,
		Announcement: &quanshi.EventAnnouncement{Enabled: new(false), Content: new("")},
		Replay:       &quanshi.EventReplay{Validity: quanshi.EventReplayForever},
	})
	if err != nil {
		return err
	}
	// A web join token is a credential: it prints masked, and the client
	// masks it in its errors and logs.
	tok, err := client.Conference.WebJoinToken(ctx, &quanshi.ConferenceWebJoinTokenRequest{
		EventID: eventID, PlainText: map[string]any{"userId": 12345, "name": "Wang Fang"}})
	if err != nil {
		return err
	}
	fmt.Println("web join token:", tok)
	// readme:end
	return nil
}

func readmeRooms(ctx context.Context, client *quanshi.Client, adminID int64) error {
	// readme:rooms
	room, err := client.Room.AddRoom(ctx, &quanshi.MeetingRoomAddRequest{
		UserID: adminID, Name: "Beijing 15F Lotus", Capacity: 12, City: "北京", Floor: new(15)})
	if errors.Is(err, quanshi.ErrOutcomeUnknown) {
		// Room names are unique: look the name up before adding again.
		room, err = client.Room.FindAddedRoom(ctx, &quanshi.MeetingRoomFindRequest{Name: "Beijing 15F Lotus"})
	}
	if err != nil {
		return err
	}
	fmt.Println("room", room.RoomID, room.Name)
	// readme:end
	return nil
}

func readmeTimes() error {
	// readme:times
	// 15:00 in Beijing; the same instant built in UTC is sent the same way.
	start := time.Date(2026, 12, 1, 15, 0, 0, 0, quanshi.Beijing)
	same := time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC)
	fmt.Println(quanshi.FormatWallClock(start), quanshi.FormatWallClock(same)) // 2026-12-01 15:00:00 twice

	// Whatever form the API used ("2026-12-01 15:00:00", Unix seconds or
	// milliseconds, RFC 3339), a decoded time is in +08:00.
	t, err := quanshi.ParseTime("1796108400")
	if err != nil {
		return err
	}
	fmt.Println(t, t.Equal(start)) // 2026-12-01 15:00:00 +0800 UTC+8 true
	// readme:end
	return nil
}

func readmeDo(ctx context.Context, client *quanshi.Client, adminUserID int64) error {
	// readme:do
	// The admin centre's login-free link (cn/node/568); to 1 is its home page.
	op := quanshi.Operation{Family: quanshi.FamilyConfOpenAPI, Method: "POST",
		Path: "/confopenapi/admin/getAdminLink", Idempotent: true}
	var link struct {
		URL string `json:"url"`
	}
	err := client.Do(ctx, op, map[string]any{"to": 1, "userId": adminUserID}, &link)
	if err != nil {
		return err
	}
	// readme:end
	return nil
}

// readme:testing
func TestStatusSurvivesAFlakyAPI(t *testing.T) {
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time {
		return time.Date(2026, 12, 1, 9, 0, 0, 0, quanshi.Beijing)
	}))
	defer srv.Close()
	// The client mints its token at the sandbox, as it would in production.
	client, err := srv.Client(quanshi.WithRetryPolicy(quanshi.RetryPolicy{
		MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond,
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID: 81299515, Title: "Standup", Length: 15,
			StartTime: time.Date(2026, 12, 1, 10, 0, 0, 0, quanshi.Beijing),
		},
	})
	if err != nil {
		t.Fatal(err)
	}

	// The meeting starts; the next two status calls fail with HTTP 503.
	srv.Advance(65 * time.Minute)
	const statusPath = "/conference/conference/getConfStatus"
	srv.Inject(quanshitest.Fault{Path: statusPath, HTTPStatus: 503, Times: 2})

	st, err := client.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != quanshi.ConferenceStatusInProgress {
		t.Errorf("status = %s, want in progress", st.Status)
	}
	if calls, handled := srv.Calls(statusPath), srv.Handled(statusPath); calls != 3 || handled != 1 {
		t.Errorf("%d calls, %d handled; want 3 calls (two retried), 1 handled", calls, handled)
	}
}

// readme:end

func readmeCallbacks(ctx context.Context, client *quanshi.Client, lastSeen time.Time) (http.Handler, error) {
	// readme:callbacks
	h := &quanshi.CallbackHandler{
		OnMeetingBegin: func(ctx context.Context, cb *quanshi.MeetingBeginCallback) error {
			fmt.Println("event", cb.Meeting.EventID, "began; host", cb.Meeting.HostID)
			return nil
		},
		OnMeetingEnd: func(ctx context.Context, cb *quanshi.MeetingEndCallback) error {
			fmt.Println("event", cb.Meeting.EventID, "ended")
			return nil // an error (or a panic) answers 500: the platform sends it again
		},
		OnUpdate: func(ctx context.Context, cb *quanshi.EventUpdateCallback) error {
			fmt.Println("event", cb.Event.EventID, "is now", cb.Event.Title)
			return nil
		},
		// Store: a CallbackStore shared by the fleet; in memory by default.
	}
	mux := http.NewServeMux()
	mux.Handle("POST /quanshi/callback", h)

	// Callbacks lost in an outage: replay what changed since the last one seen.
	if _, err := h.CatchUp(ctx, client, &quanshi.CatchUpRequest{From: lastSeen}); err != nil {
		return nil, err
	}
	// readme:end
	return mux, nil
}

func readmeRecordingWait(ctx context.Context, client *quanshi.Client, conferenceID string) error {
	// readme:recordingwait
	// No callback says when a recording is ready: poll, waiting longer each time.
	ctx, cancel := context.WithTimeout(ctx, 2*time.Hour)
	defer cancel()
	rec, err := client.WaitForRecording(ctx, &quanshi.RecordingWaitRequest{
		RecordingGetRequest: quanshi.RecordingGetRequest{ConferenceID: conferenceID},
	})
	if err != nil {
		return err
	}
	fmt.Println("replay:", rec.ReplayURL)
	// readme:end
	return nil
}

// readme:decide
// decide says what a caller does about an error of the SDK, by its class.
func decide(err error) string {
	var apiErr *quanshi.APIError
	switch {
	case err == nil:
		return "done"
	case errors.Is(err, quanshi.ErrOutcomeUnknown): // a write whose answer was lost
		return "check with a read before sending the write again"
	case errors.Is(err, quanshi.ErrRateLimited): // HTTP 429
		if errors.As(err, &apiErr) && apiErr.RetryAfter > 0 {
			return fmt.Sprintf("slow down: the server asks for %s", apiErr.RetryAfter)
		}
		return "slow down"
	case errors.Is(err, quanshi.ErrTemporary): // no answer, 502/503/504, a gateway's page
		return "try again later"
	case errors.Is(err, quanshi.ErrUnauthorized): // rejected or missing credentials
		return "fix the credentials"
	case errors.Is(err, quanshi.ErrInvalidParameter): // the SDK's or the server's "bad request"
		return "fix the request"
	case errors.Is(err, quanshi.ErrNotFound):
		return "it does not exist"
	default:
		return "report it, with the request id"
	}
}

// readme:end

// readme:httpmock
func TestConferenceStatusWithHTTPMock(t *testing.T) {
	// The SDK sends through the Transport of the *http.Client it is given,
	// read at each request: activate before or after NewClient.
	hc := &http.Client{}
	httpmock.ActivateNonDefault(hc)
	defer httpmock.DeactivateAndReset()
	httpmock.RegisterResponder("POST", "https://openapi.quanshi.com/conference/conference/getConfStatus",
		httpmock.NewStringResponder(200, `{"status":0,"result":{"confStatus":2}}`))

	client, err := quanshi.NewClient(quanshi.WithHTTPClient(hc),
		quanshi.WithToken("test-token"), quanshi.WithLegacyAppKey("test-app-key"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := client.Conference.Status(context.Background(), &quanshi.ConferenceStatusRequest{ConferenceID: "1234567"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != quanshi.ConferenceStatusInProgress || httpmock.GetTotalCallCount() != 1 {
		t.Errorf("status %s after %d calls", st.Status, httpmock.GetTotalCallCount())
	}
}

// readme:end
func readmeFleet(redisAddr, appKey, appSecret string, adminUserID int64) (*quanshi.Client, *quanshi.CallbackHandler, error) {
	// readme:fleet
	// One go-redis client per process, shared by every quanshi.Client in it.
	rdb := redis.NewClient(&redis.Options{Addr: redisAddr})
	store := quanshiredis.NewStore(rdb)
	client, err := quanshi.NewClient(
		quanshi.WithAppCredentials(appKey, appSecret, adminUserID),
		// One token for the whole fleet: minted by one process, renewed once
		// per expiry and once after a rejection.
		quanshi.WithTokenStore(store),
		// One budget of 20 requests a second (bursts of 5) for the fleet.
		quanshi.WithRateLimiter(quanshiredis.NewRateLimiter(rdb, 20, 5)),
	)
	if err != nil {
		return nil, nil, err
	}
	// Each callback handled once, whichever replica it reaches.
	handler := &quanshi.CallbackHandler{Store: store}
	// readme:end
	return client, handler, nil
}
