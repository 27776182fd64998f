// Command events creates cloud-live events through the Event service: a
// series (系列会) parent with one meeting, and a strategy event (策略会)
// parent with one forum (论坛会), then reads the meetings back.
//
// With no QUANSHI_* or UMEETING_* variable set it runs against the
// in-process sandbox:
//
//	go run ./examples/events
//
// With them set (see quanshi.NewClientFromEnv) it creates real events,
// hosted by QUANSHI_HOST_USER_ID (default QUANSHI_ADMIN_USER_ID). The API
// has no endpoint to cancel an event: remove them in the Quanshi console.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampleenv"
)

func main() { exampleenv.Main("events", run) }

func run(ctx context.Context, env *exampleenv.Env) error {
	client, srv, say := env.Client, env.Sandbox, env.Say
	host, err := exampleenv.HostUserID(srv)
	if err != nil {
		return err
	}

	// at is a full hour of a day to come, in Beijing time.
	y, m, d := time.Now().In(quanshi.Beijing).Date()
	at := func(days, hour int) time.Time { return time.Date(y, m, d+days, hour, 0, 0, 0, quanshi.Beijing) }

	// A series: the parent (RP) carries the meeting type and the settings
	// its meetings share; each meeting (R) has a time, a length and
	// participants. A parent has none of those.
	series, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType:        quanshi.EventCalTypeSeriesParent,
		MeetingType:    quanshi.EventMeetingTypeAnalyst,
		HostID:         host,
		Title:          "2027 Macro outlook",
		Summary:        "<p>Monthly <strong>macro</strong> calls with our analysts.</p>",
		IsSamePassword: new(true), // every meeting of the series shares its passwords
		ExtraInfo: &quanshi.EventCreateExtraInfo{
			JoinLimits: []quanshi.EventJoinLimit{quanshi.EventJoinLimitWhitelist},
		},
	})
	if err != nil {
		return fmt.Errorf("create the series parent: %w", err)
	}
	say("Created series parent %d %q (%s template).", series.EventID, series.Title, series.ExtraInfo.TemplateName)

	// A meeting names its parent in extraInfo.parentEventId.
	january, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType:      quanshi.EventCalTypeSeriesChild,
		HostID:       host,
		Title:        "Macro outlook: January",
		StartTime:    at(1, 10), // tomorrow 10:00
		Length:       60,
		Participants: json.RawMessage(`[{"name": "Wang Fang", "email": "wang.fang@example.com"}]`),
		ExtraInfo:    &quanshi.EventCreateExtraInfo{ParentEventID: series.EventID},
	})
	if err != nil {
		return fmt.Errorf("create the series meeting: %w", err)
	}
	say("Created series meeting %d %q under parent %d: conference %s.", january.EventID, january.Title, january.ParentID, january.ConferenceID)

	// A strategy event: the parent (F) groups forums (FB) and
	// listed-company meetings (FC); a forum names its own meeting type.
	strategy, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType: quanshi.EventCalTypeStrategyParent,
		HostID:  host,
		Title:   "2027 Annual strategy conference",
	})
	if err != nil {
		return fmt.Errorf("create the strategy parent: %w", err)
	}
	say("Created strategy parent %d %q.", strategy.EventID, strategy.Title)

	forum, err := client.Event.Create(ctx, &quanshi.EventCreateRequest{
		CalType:      quanshi.EventCalTypeForum,
		MeetingType:  quanshi.EventMeetingTypeExpert,
		HostID:       host,
		Title:        "Consumer forum",
		StartTime:    at(2, 14), // the day after, 14:00
		Length:       45,
		Participants: json.RawMessage(`[{"name": "Li Lei", "email": "li.lei@example.com"}]`),
		ExtraInfo:    &quanshi.EventCreateExtraInfo{ParentEventID: strategy.EventID},
	})
	if err != nil {
		return fmt.Errorf("create the forum: %w", err)
	}
	say("Created forum %d %q under parent %d: conference %s.", forum.EventID, forum.Title, forum.ParentID, forum.ConferenceID)

	// Read the meetings back.
	for _, id := range []int64{january.EventID, forum.EventID} {
		ev, err := client.Event.Get(ctx, &quanshi.EventGetRequest{EventID: id})
		if err != nil {
			return fmt.Errorf("get event %d: %w", id, err)
		}
		say("Event %d %q: %s, %s to %s, %s, %s, host %s (%d).",
			ev.EventID, ev.Title, ev.Status, clock(ev.StartTime), clock(ev.EndTime),
			ev.EventForm, ev.ExtraInfo.TemplateName, ev.HostName, ev.HostID)
		say("  host link: %s", ev.HostJoinURL)
		say("  audience link: %s", ev.AudienceUnionURL)
	}
	say("Done.")
	return nil
}

// clock formats a time as Beijing wall-clock time.
func clock(t time.Time) string { return t.In(quanshi.Beijing).Format("2006-01-02 15:04 -07:00") }
