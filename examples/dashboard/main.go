// Command dashboard watches the meetings in progress through the Dashboard
// service: every live meeting (LiveConferencesIter walks the pages) and,
// for each, the people in it (ParticipantsIter).
//
// With no QUANSHI_* or UMEETING_* variable set it starts the in-process
// sandbox, books a few meetings there and moves the sandbox's clock until
// some of them run:
//
//	go run ./examples/dashboard
//
// With them set (see quanshi.NewClientFromEnv) it shows what is live on the
// real API right now, as the admin the token acts for sees it.
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

func main() { exampleenv.Main("dashboard", run) }

func run(ctx context.Context, env *exampleenv.Env) error {
	client, srv, say := env.Client, env.Sandbox, env.Say
	if srv != nil {
		// Book a few meetings in the sandbox and let some of them start.
		if err := bookSandboxMeetings(ctx, client, srv, say); err != nil {
			return err
		}
	}

	live := 0
	for conf, err := range client.Dashboard.LiveConferencesIter(ctx, nil) {
		if err != nil {
			return fmt.Errorf("live meetings: %w", err)
		}
		live++
		say("Live: %q (conference %s, event %d), host %s <%s>, started %s, running %s, %d attendees (%d by phone).",
			conf.Title, conf.ConferenceID, conf.EventID, conf.HostName, conf.HostEmail,
			clock(conf.StartTime), conf.ConfDuration, conf.ParticipantCount, conf.PSTNCount)
		for a, err := range client.Dashboard.ParticipantsIter(ctx, &quanshi.DashboardParticipantsRequest{EventID: conf.EventID}) {
			if err != nil {
				return fmt.Errorf("attendees of event %d: %w", conf.EventID, err)
			}
			say("  %-10s %-26s %s %s from %s (%s)", a.Name, a.Email, a.DeviceType, a.DeviceVer, a.Location, a.IP)
		}
	}
	if live == 0 {
		say("No meeting is live right now.")
	}
	say("Done. Live meetings: %d.", live)
	return nil
}

// bookSandboxMeetings books three meetings in the sandbox and moves its
// clock until two of them run.
func bookSandboxMeetings(ctx context.Context, client *quanshi.Client, srv *quanshitest.Server, say func(string, ...any)) error {
	now := srv.Now()
	for _, m := range []struct {
		title    string
		in       time.Duration
		minutes  int
		invitees []string
	}{
		{"Sales stand-up", 5 * time.Minute, 30, []string{"wang.fang@example.com", "li.lei@example.com"}},
		{"Design review", 10 * time.Minute, 60, []string{"zhao.lei@example.com", "chen.jing@example.com", "liu.yang@example.com"}},
		{"Board meeting", 24 * time.Hour, 120, []string{"sun.li@example.com"}},
	} {
		req := &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
			UserID: srv.AdminUserID, Title: m.title, StartTime: now.Add(m.in), Length: m.minutes, EmailNotify: new(false),
		}}
		for _, email := range m.invitees {
			req.InviteeList = append(req.InviteeList, quanshi.ConferenceInvitee{Email: email})
		}
		res, err := client.Conference.Create(ctx, req)
		if err != nil {
			return fmt.Errorf("book %q: %w", m.title, err)
		}
		say("Booked %q (conference %s) at %s for %d minutes.", res.ConferenceTitle, res.ConferenceID, clock(res.StartTime), res.Length)
	}
	srv.Advance(15 * time.Minute)
	say("Sandbox: moved the clock 15 minutes on, to %s.", clock(srv.Now()))
	return nil
}

// clock formats a time as Beijing wall-clock time.
func clock(t time.Time) string { return t.In(quanshi.Beijing).Format("2006-01-02 15:04 -07:00") }
