package quanshitest

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// roomMaxOccurrences bounds a recurring meeting without a repeatEndDate.
const roomMaxOccurrences = 500

// roomCycleRule is cycleRole as the request sends it.
type roomCycleRule struct {
	Frequency  string `json:"frequency"`
	Interval   int    `json:"interval"`
	ByDay      string `json:"byday"`
	ByMonthDay string `json:"bymonthday"`
}

// roomCycle is a recurring meeting's rule and its cancelled occurrences.
type roomCycle struct {
	Rule      roomCycleRule
	First     time.Time
	RepeatEnd time.Time
	// Cancelled holds the Unix starts of the cancelled occurrences.
	Cancelled map[int64]bool

	days      []time.Weekday // weekly: Monday first
	monthDays []int          // monthly: ascending
}

// roomWeekdayCodes are byday's codes.
var roomWeekdayCodes = map[string]time.Weekday{
	"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
	"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday,
}

// roomCheckCycle reads a booking's recurrence: cycle "1" with a cycleRole
// makes a recurring meeting, "0" or nothing a single one.
func roomCheckCycle(req *roomBookingRequest, start time.Time) (*roomCycle, error) {
	switch strings.TrimSpace(req.Cycle) {
	case "", "0":
		return nil, nil
	case "1":
	default:
		return nil, fail(codeInvalidParameter, "cycle must be 0 or 1, got %q", req.Cycle)
	}
	r := req.CycleRole
	if r == nil {
		return nil, fail(codeInvalidParameter, "cycleRole is required when cycle is 1")
	}
	cy := &roomCycle{Rule: *r, First: start, Cancelled: map[int64]bool{}}
	switch r.Frequency {
	case "daily", "weekly", "monthly":
	default:
		return nil, fail(codeInvalidParameter, "cycleRole.frequency must be daily, weekly or monthly, got %q", r.Frequency)
	}
	if r.Interval < 0 {
		return nil, fail(codeInvalidParameter, "cycleRole.interval must not be negative")
	}
	for code := range roomList(r.ByDay) {
		d, ok := roomWeekdayCodes[strings.ToUpper(code)]
		if !ok {
			return nil, fail(codeInvalidParameter, "cycleRole.byday: %q is not one of MO,TU,WE,TH,FR,SA,SU", code)
		}
		if !slices.Contains(cy.days, d) {
			cy.days = append(cy.days, d)
		}
	}
	for item := range roomList(r.ByMonthDay) {
		d, err := strconv.Atoi(item)
		if err != nil || d < 1 || d > 31 {
			return nil, fail(codeInvalidParameter, "cycleRole.bymonthday: %q is not a day of the month", item)
		}
		if r.Frequency != "monthly" {
			return nil, fail(codeInvalidParameter, "cycleRole.bymonthday is only for a monthly frequency")
		}
		if !slices.Contains(cy.monthDays, d) {
			cy.monthDays = append(cy.monthDays, d)
		}
	}
	if len(cy.days) == 0 {
		cy.days = []time.Weekday{start.Weekday()}
	}
	if len(cy.monthDays) == 0 {
		cy.monthDays = []int{start.Day()}
	}
	slices.SortFunc(cy.days, func(a, b time.Weekday) int { return roomMondayOffset(a) - roomMondayOffset(b) })
	slices.Sort(cy.monthDays)
	end, err := roomUnixParam("repeatEndDate", req.RepeatEndDate)
	if err != nil {
		return nil, err
	}
	if !end.IsZero() && roomDay(end) < roomDay(start) {
		return nil, fail(codeInvalidParameter, "repeatEndDate %s is before the start", wire.FormatWallClock(end))
	}
	cy.RepeatEnd = end
	if cy.firstStart().IsZero() {
		return nil, fail(codeInvalidParameter, "the recurrence has no occurrence before repeatEndDate")
	}
	return cy, nil
}

// firstStart is the first occurrence: the first day the rule gives from the
// requested start on (zero when there is none).
func (cy *roomCycle) firstStart() time.Time {
	var first time.Time
	cy.each(func(t time.Time) bool {
		first = t
		return false
	})
	return first
}

// roomList yields the trimmed, non-empty items of a comma-separated list.
func roomList(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for item := range strings.SplitSeq(s, ",") {
			if item = strings.TrimSpace(item); item != "" && !yield(item) {
				return
			}
		}
	}
}

func roomMondayOffset(d time.Weekday) int { return (int(d) + 6) % 7 }

// roomDay numbers a time's Beijing day, for comparing dates.
func roomDay(t time.Time) int {
	y, m, d := t.In(quanshi.Beijing).Date()
	return y*10000 + int(m)*100 + d
}

// each yields the occurrences' starts in order, cancelled ones included,
// until yield returns false, the repeatEndDate's day is passed, or
// roomMaxOccurrences were yielded.
func (cy *roomCycle) each(yield func(time.Time) bool) {
	first := cy.First.In(quanshi.Beijing)
	y, mo, d := first.Date()
	h, mi, sec := first.Clock()
	at := func(month time.Month, day int) time.Time {
		return time.Date(y, month, day, h, mi, sec, 0, quanshi.Beijing)
	}
	count := 0
	emit := func(t time.Time) bool {
		if t.Before(first) {
			return true
		}
		if (!cy.RepeatEnd.IsZero() && roomDay(t) > roomDay(cy.RepeatEnd)) || count == roomMaxOccurrences {
			return false
		}
		count++
		return yield(t)
	}
	step := max(cy.Rule.Interval, 1)
	switch cy.Rule.Frequency {
	case "daily":
		for k := 0; ; k += step {
			if !emit(at(mo, d+k)) {
				return
			}
		}
	case "weekly":
		monday := d - roomMondayOffset(first.Weekday())
		for k := 0; ; k += 7 * step {
			for _, wd := range cy.days {
				if !emit(at(mo, monday+k+roomMondayOffset(wd))) {
					return
				}
			}
		}
	case "monthly":
		for k := 0; ; k += step {
			for _, md := range cy.monthDays {
				t := at(mo+time.Month(k), md)
				if t.Day() != md {
					continue // the month has no such day
				}
				if !emit(t) {
					return
				}
			}
		}
	}
}

// cancel cancels the occurrence starting at; cancelling the meeting's
// current occurrence moves it to the next one, or cancels the meeting when
// none is left.
func (cy *roomCycle) cancel(m *meeting, at time.Time) error {
	found := false
	cy.each(func(t time.Time) bool {
		found = t.Equal(at)
		return t.Before(at)
	})
	if !found || cy.Cancelled[at.Unix()] {
		return fail(codeInvalidParameter, "conference %s has no occurrence starting at %s", m.ConferenceID, wire.FormatWallClock(at))
	}
	cy.Cancelled[at.Unix()] = true
	if !at.Equal(m.Start) {
		return nil
	}
	var next time.Time
	cy.each(func(t time.Time) bool {
		if t.After(at) && !cy.Cancelled[t.Unix()] {
			next = t
			return false
		}
		return true
	})
	if next.IsZero() {
		m.Cancelled = true
	} else {
		m.Start = next
	}
	return nil
}

// roomOccurrences are the starts of a meeting's occurrences within
// [from, to]: its start for a single meeting, each occurrence's for a
// recurring one.
func roomOccurrences(m *meeting, rs *roomMeeting, from, to time.Time) []time.Time {
	if rs.Cycle == nil {
		if m.Start.Before(from) || m.Start.After(to) {
			return nil
		}
		return []time.Time{m.Start}
	}
	var out []time.Time
	rs.Cycle.each(func(t time.Time) bool {
		if t.After(to) {
			return false
		}
		if !t.Before(from) {
			out = append(out, t)
		}
		return true
	})
	return out
}

// roomOccurrenceStatus is the state of the occurrence starting at start:
// cancelled (0), or moved by the clock like the meeting itself.
func roomOccurrenceStatus(m *meeting, rs *roomMeeting, start, now time.Time) quanshi.ConferenceStatus {
	switch {
	case m.Cancelled || (rs.Cycle != nil && rs.Cycle.Cancelled[start.Unix()]):
		return quanshi.ConferenceStatusNone
	case rs.Cycle == nil || start.Equal(m.Start):
		return m.Status(now)
	case now.Before(start):
		return quanshi.ConferenceStatusCreated
	case now.Before(start.Add(time.Duration(m.Length) * time.Minute)):
		return quanshi.ConferenceStatusInProgress
	}
	return quanshi.ConferenceStatusEnded
}
