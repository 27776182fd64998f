// Command umeeting books meetings in systeccloud public rooms through the
// UMeeting service: it schedules two meetings, lists the online ones
// (ListIter walks the pages), ends one, and deletes the other. Then it
// starts an instant meeting, monitors its room (RoomMonitor), ends it, and
// reads the statistics of what it ran (MeetingRecords, RoomSummary).
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

	if err := instantAndStatistics(ctx, client, say); err != nil {
		return err
	}
	say("Done.")
	return nil
}

// instantAndStatistics starts a meeting now, watches its room, ends it and
// reads the statistics of what it ran.
func instantAndStatistics(ctx context.Context, client *quanshi.Client, say func(string, ...any)) error {
	inst, err := client.UMeeting.Instant(ctx, &quanshi.UMeetingInstantRequest{
		Topic: "Quick huddle", MeetingCapacity: 25, UserKey: userKey, HostName: "Wang Fang",
	})
	if err != nil {
		return fmt.Errorf("instant: %w", err)
	}
	say("Started instant meeting %s in room %s.", inst.MeetingID, inst.HostID)
	if err := monitor(ctx, client, say, inst.HostID); err != nil {
		return err
	}
	if err := client.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: inst.MeetingID}); err != nil {
		return fmt.Errorf("end %s: %w", inst.MeetingID, err)
	}
	say("Ended meeting %s.", inst.MeetingID)

	today := time.Now().In(quanshi.Beijing)
	records, err := client.UMeeting.MeetingRecords(ctx, &quanshi.UMeetingPeriodRequest{From: today, To: today})
	if err != nil {
		return fmt.Errorf("meeting records: %w", err)
	}
	for _, r := range records.Records {
		if r.ID == inst.MeetingID {
			say("Record of meeting %s: %d min, %d participant(s), ended %s.", r.ID, r.Duration, r.Participants, clock(r.EndTime))
		}
	}
	sum, err := client.UMeeting.RoomSummary(ctx, &quanshi.UMeetingRoomStatsRequest{From: today, To: today, HostID: inst.HostID})
	if err != nil {
		return fmt.Errorf("room summary: %w", err)
	}
	say("Room %s today: %d meeting(s), %d participant(s), %d min.", inst.HostID, sum.TotalMeetings, sum.TotalParticipants, sum.TotalMeetingMinutes)
	return nil
}

// monitor prints the booked and running meetings of one public room.
func monitor(ctx context.Context, client *quanshi.Client, say func(string, ...any), hostID string) error {
	rooms, err := client.UMeeting.RoomMonitor(ctx, nil)
	if err != nil {
		return fmt.Errorf("room monitor: %w", err)
	}
	for _, room := range rooms.Rooms {
		if room.HostID != hostID {
			continue
		}
		say("Room %q (%d seats) now has %d meeting(s):", room.Name, room.MeetingCapacity, len(room.Meetings))
		for _, m := range room.Meetings {
			say("  %s  %q, %s", m.ID, m.Topic, m.Status)
		}
	}
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
