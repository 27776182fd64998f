// Command quickstart runs a whole meeting lifecycle through the User,
// Conference, Report and Recording services: it finds the host's userId by
// e-mail address, schedules a meeting for the host with
// invitees, reads it back, lists the host's meetings, polls the status, gets
// the join links, updates it, fetches the report and recording once it has
// ended, cancels a meeting and handles a typed API error.
//
// With no QUANSHI_* or UMEETING_* variable set it starts the in-process
// sandbox (package quanshitest), whose clock it moves to let the meeting run
// and end:
//
//	go run ./examples/quickstart
//
// With them set (see quanshi.NewClientFromEnv) it talks to the real API, or
// to a standalone sandbox started with `go run ./cmd/quanshi-sandbox`. The
// meetings are booked for the account QUANSHI_HOST_EMAIL names (found with
// User.FindByEmail, which needs QUANSHI_APP_ID or QUANSHI_APP_KEY and
// QUANSHI_APP_SECRET), else for QUANSHI_HOST_USER_ID (default
// QUANSHI_ADMIN_USER_ID). A real meeting cannot be made to end on demand, so
// the report and recording are read for QUANSHI_ENDED_CONFERENCE_ID when it
// names an ended meeting of that host, and skipped otherwise.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
)

// envEndedConferenceID names an ended meeting whose report and recording
// the example reads on the real API.
const envEndedConferenceID = "QUANSHI_ENDED_CONFERENCE_ID"

func main() { exampleenv.Main("quickstart", run) }

func run(ctx context.Context, env *exampleenv.Env) error {
	client, srv, say := env.Client, env.Sandbox, env.Say

	// 0. Find the host's Quanshi userId by e-mail address: every booking
	// names its host by userId.
	host, found, err := exampleenv.FindHost(ctx, client, srv)
	if err != nil {
		return err
	}
	if found {
		say("Found host %d by e-mail address.", host)
	}

	// 1. Schedule a meeting for the host, starting at the next full hour
	// but one, with two invitees; and a follow-up a week later.
	start := time.Now().In(quanshi.Beijing).Truncate(time.Hour).Add(2 * time.Hour)
	invitees := []quanshi.ConferenceInvitee{
		{Name: "Wang Fang", Email: "wang.fang@example.com"},
		{Name: "Li Lei", Email: "li.lei@example.com"},
	}
	review, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID:      host,
			Title:       "Quarterly review",
			StartTime:   start,
			Length:      60,
			InviteeList: invitees,
			EmailNotify: new(false), // no invitation mails from an example
		},
	})
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	say("Created conference %s %q for host %d: %s, %d min, %s.",
		review.ConferenceID, review.ConferenceTitle, review.UserID, clock(review.StartTime), review.Length, review.Status)
	followUp, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID: host, Title: "Review follow-up", StartTime: start.AddDate(0, 0, 7), Length: 30,
			InviteeList: invitees, EmailNotify: new(false),
		},
	})
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	say("Created conference %s %q: %s.", followUp.ConferenceID, followUp.ConferenceTitle, clock(followUp.StartTime))

	// 2. Read it back.
	info, err := client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: review.ConferenceID})
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	say("Read back %s: %q, %s to %s, %d invitees.",
		info.ConferenceID, info.ConferenceTitle, clock(info.StartTime), clock(info.EndTime), info.TotalInvitee)
	for _, n := range info.AccessNum {
		say("  dial-in (%s): %s", n.Area, n.Number)
	}

	// 3. List the host's meetings of the coming weeks.
	list, err := client.Conference.List(ctx, &quanshi.ConferenceListRequest{
		UserID: host, From: start.Add(-time.Hour), To: start.AddDate(0, 0, 14),
	})
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	say("Host %d has %d meetings in the next two weeks:", host, len(list.Conferences))
	for _, c := range list.Conferences {
		say("  %s  %s  %q (%s)", clock(c.StartTime), c.ConferenceID, c.ConferenceTitle, c.Status)
	}

	// 4. Poll its status.
	if err := printStatus(ctx, client, say, host, review.ConferenceID); err != nil {
		return err
	}

	// 5. Join links: pcode1 joins as the host, pcode2 as an attendee. The
	// pcodes are passwords: pass them on, never print or log them.
	hostLink, err := client.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: review.HostPasscode, Name: "Host"})
	if err != nil {
		return fmt.Errorf("host join link: %w", err)
	}
	attendeeLink, err := client.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: review.ParticipantPasscode, Name: "Wang Fang"})
	if err != nil {
		return fmt.Errorf("attendee join link: %w", err)
	}
	say("Host join link: %s", hostLink.URL)
	say("Attendee join link: %s", attendeeLink.URL)

	// 6. Update it: a new title, 90 minutes, one more invitee. A list
	// replaces the invitees as a whole, so send everyone (nil keeps them).
	updated, err := client.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{
		ConferenceID: review.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID:      host,
			Title:       "Quarterly review (Q3)",
			StartTime:   start,
			Length:      90,
			InviteeList: append(invitees, quanshi.ConferenceInvitee{Name: "Zhao Lei", Email: "zhao.lei@example.com"}),
			EmailNotify: new(false),
		},
	})
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	say("Updated %s: %q, %s to %s.", updated.ConferenceID, updated.ConferenceTitle, clock(updated.StartTime), clock(updated.EndTime))

	// 7. The report and the recording of an ended meeting.
	ended := os.Getenv(envEndedConferenceID)
	if srv != nil {
		srv.Advance(updated.StartTime.Add(10 * time.Minute).Sub(srv.Now()))
		say("Sandbox: moved the clock to %s, 10 minutes into the meeting.", clock(srv.Now()))
		if err := printStatus(ctx, client, say, host, review.ConferenceID); err != nil {
			return err
		}
		srv.Advance(updated.EndTime.Add(time.Minute).Sub(srv.Now()))
		say("Sandbox: moved the clock to %s, past the end.", clock(srv.Now()))
		if err := printStatus(ctx, client, say, host, review.ConferenceID); err != nil {
			return err
		}
		ended = review.ConferenceID
	}
	if ended == "" {
		say("Skipping the report and recording: a real meeting ends in its own time. Set %s to an ended meeting of host %d to fetch them.", envEndedConferenceID, host)
	} else if err := printReport(ctx, client, say, host, ended); err != nil {
		return err
	}

	// 8. Cancel the follow-up (and, on the real API, the review: an
	// example leaves nothing behind).
	cancel := []*quanshi.ConferenceReservation{followUp}
	if srv == nil {
		cancel = append(cancel, updated)
	}
	for _, c := range cancel {
		err := client.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{
			ConferenceID: c.ConferenceID, UserID: host, EmailNotify: new(false), SMSNotify: new(false),
		})
		if err != nil {
			return fmt.Errorf("cancel: %w", err)
		}
		say("Cancelled conference %s %q.", c.ConferenceID, c.ConferenceTitle)
	}

	// 9. A typed API error: the cancelled meeting is gone.
	_, err = client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: followUp.ConferenceID})
	var apiErr *quanshi.APIError
	switch {
	case errors.Is(err, quanshi.ErrConferenceNotFound) && errors.As(err, &apiErr):
		say("Reading %s again fails as expected: %s (code %d, request id %s).",
			followUp.ConferenceID, apiErr.Message, apiErr.Code, apiErr.RequestID)
	case errors.As(err, &apiErr):
		say("Reading %s again fails with business code %d: %s (request id %s).",
			followUp.ConferenceID, apiErr.Code, apiErr.Message, apiErr.RequestID)
	case err != nil:
		return fmt.Errorf("get after cancel: %w", err)
	default:
		return fmt.Errorf("conference %s is still there after it was cancelled", followUp.ConferenceID)
	}
	say("Done.")
	return nil
}

// printStatus polls a meeting's live state.
func printStatus(ctx context.Context, client *quanshi.Client, say func(string, ...any), host int64, conferenceID string) error {
	st, err := client.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{UserID: host, ConferenceID: conferenceID})
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	say("Status of %s: %s, %d in the meeting, joinable now: %t.", conferenceID, st.Status, st.Attendees, st.MayJoin)
	return nil
}

// printReport prints who attended an ended meeting and where its
// recording is.
func printReport(ctx context.Context, client *quanshi.Client, say func(string, ...any), host int64, conferenceID string) error {
	report, err := client.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: conferenceID, UserID: host})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	s := report.Summary
	say("Report of %s %q: %d joined, %d of %d invitees (%s).",
		conferenceID, s.ConfTitle, s.TotalCount, s.InviteAttendedCount, s.InviteCount, s.AttendeePercentage)
	for _, a := range report.Attendees {
		say("  %-8s %-28s joined %s, stayed %s", a.Role, a.Email, clock(a.JoinTime), a.TotalTime)
	}
	rec, err := client.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: conferenceID, UserID: host})
	if err != nil {
		return fmt.Errorf("recording: %w", err)
	}
	if !rec.HasRecord {
		say("Recording: none.")
		return nil
	}
	say("Recording (ready: %t): replay %s, download %s", rec.IsRecordConvertReady, rec.ReplayURL, rec.DownloadURL)
	return nil
}

// clock formats a time as Beijing wall-clock time, as the API reads it.
func clock(t time.Time) string { return t.In(quanshi.Beijing).Format("2006-01-02 15:04 -07:00") }
