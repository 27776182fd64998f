// Command umeeting books meetings in systeccloud public rooms through the
// UMeeting service: it schedules two meetings, lists the online ones
// (ListIter walks the pages), ends one, and deletes the other.
//
// With no QUANSHI_* or UMEETING_* variable set it runs against the
// in-process sandbox:
//
//	go run ./examples/umeeting
//
// With them set it uses UMEETING_API_KEY, UMEETING_API_SECRET and
// UMEETING_BASE_URL (see quanshi.NewClientFromEnv). The meetings carry the
// user key "quanshi-go-example", so that the list shows only them.
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
)

// userKey tags the example's bookings (your own value, at most 200 bytes).
const userKey = "quanshi-go-example"

func main() { exampleenv.Main("umeeting", run) }

func run(ctx context.Context, env *exampleenv.Env) error {
	client, say := env.Client, env.Say

	// Schedule two meetings, at the next full hour but one and a day later.
	// The result also holds host_key, token and start_url, which start the
	// meeting as its host: keep them secret (the result's LogValue masks them).
	start := time.Now().In(quanshi.Beijing).Truncate(time.Hour).Add(2 * time.Hour)
	var booked []*quanshi.UMeetingScheduleResult
	for i, topic := range []string{"Team sync", "Customer demo"} {
		res, err := client.UMeeting.Schedule(ctx, &quanshi.UMeetingScheduleRequest{
			Topic:           topic,
			MeetingCapacity: 25,
			StartTime:       start.AddDate(0, 0, i),
			Duration:        60,
			UserKey:         userKey,
			MuteUponEntry:   new(true),
			HostName:        "Wang Fang",
		})
		if err != nil {
			return fmt.Errorf("schedule %q: %w", topic, err)
		}
		booked = append(booked, res)
		say("Scheduled meeting %s %q at %s: join %s", res.MeetingID, topic, clock(res.StartTime), res.JoinURL)
	}

	if err := list(ctx, client, say); err != nil {
		return err
	}

	// End the first meeting; it leaves the online list.
	first := booked[0]
	if err := client.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: first.MeetingID}); err != nil {
		return fmt.Errorf("end %s: %w", first.MeetingID, err)
	}
	m, err := client.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: first.MeetingID})
	if err != nil {
		return fmt.Errorf("get %s: %w", first.MeetingID, err)
	}
	say("Ended meeting %s %q: now %s.", m.ID, m.Topic, m.Status)
	if err := list(ctx, client, say); err != nil {
		return err
	}

	// Delete the other one: an example leaves nothing booked.
	if err := client.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: booked[1].MeetingID}); err != nil {
		return fmt.Errorf("delete %s: %w", booked[1].MeetingID, err)
	}
	say("Deleted meeting %s.", booked[1].MeetingID)
	say("Done.")
	return nil
}

// list prints the online meetings booked with the example's user key.
func list(ctx context.Context, client *quanshi.Client, say func(string, ...any)) error {
	say("Online meetings with user key %q:", userKey)
	n := 0
	for m, err := range client.UMeeting.ListIter(ctx, &quanshi.UMeetingListRequest{UserKey: userKey}) {
		if err != nil {
			return fmt.Errorf("list: %w", err)
		}
		n++
		say("  %s  %s  %q, %d min, %s", m.ID, clock(m.StartTime), m.Topic, m.Duration, m.Status)
	}
	if n == 0 {
		say("  none")
	}
	return nil
}

// clock formats a time as Beijing wall-clock time.
func clock(t time.Time) string { return t.In(quanshi.Beijing).Format("2006-01-02 15:04 -07:00") }
