package quanshitest

import (
	"strconv"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// Recurring umeeting meetings: the recurrence members of schedule and
// update, and the occurrences they give.

const (
	umDaily   = 1
	umWeekly  = 2
	umMonthly = 3

	umWorkingDays = 2 // daily_type: working days (Monday to Friday)

	// umMaxOccurrences bounds a series; the vendor gives no limit, the
	// sandbox keeps at most this many meetings in one.
	umMaxOccurrences = 365
	umScanYears      = 20
)

// umRecurrenceForm is the recurrence part of the schedule and update forms.
type umRecurrenceForm struct {
	// RecurrenceType is 1, 2 or 3; "" makes a series single again (update);
	// absent keeps what the meeting has.
	RecurrenceType *string   `json:"recurrence_type"`
	DailyType      int       `json:"daily_type"`
	WeeklyDays     string    `json:"weekly_days"`
	MonthlyWeek    int       `json:"monthly_week"`
	MonthlyWeekDay int       `json:"monthly_week_day"`
	MonthlyDay     int       `json:"monthly_day"`
	EndTimes       int       `json:"end_times"`
	EndDateTime    time.Time `json:"end_date_time"`
}

// umRecurrence is how a series repeats. Days of the week are 1 Monday to
// 7 Sunday ("1，3" is Monday and Wednesday, as the update page says).
type umRecurrence struct {
	Type           int
	DailyType      int
	WeeklyDays     []int
	MonthlyWeek    int
	MonthlyWeekDay int
	MonthlyDay     int
	EndTimes       int
	EndDate        time.Time
}

// recurrence reads the form's recurrence; prev is the meeting's current one
// (nil when scheduling), kept when the form sends no recurrence_type and
// lending its end to a new one that gives none.
func (f *umRecurrenceForm) recurrence(prev *umRecurrence) (*umRecurrence, error) {
	switch {
	case f.RecurrenceType == nil:
		return prev, nil
	case strings.TrimSpace(*f.RecurrenceType) == "":
		return nil, nil
	}
	bad := func(format string, args ...any) (*umRecurrence, error) {
		return nil, fail(codeInvalidParameter, "invalid parameter: "+format, args...)
	}
	kind, err := strconv.Atoi(strings.TrimSpace(*f.RecurrenceType))
	if err != nil || kind < umDaily || kind > umMonthly {
		return bad("recurrence_type must be 1 (daily), 2 (weekly) or 3 (monthly), got %q", *f.RecurrenceType)
	}
	r := &umRecurrence{
		Type: kind, DailyType: f.DailyType, MonthlyWeek: f.MonthlyWeek, MonthlyWeekDay: f.MonthlyWeekDay,
		MonthlyDay: f.MonthlyDay, EndTimes: f.EndTimes, EndDate: f.EndDateTime,
	}
	for _, part := range strings.FieldsFunc(f.WeeklyDays, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		d, err := strconv.Atoi(part)
		if err != nil || d < 1 || d > 7 {
			return bad("weekly_days must list days 1-7, got %q", f.WeeklyDays)
		}
		r.WeeklyDays = append(r.WeeklyDays, d)
	}
	for _, rule := range []struct {
		name      string
		value, hi int
	}{
		{"daily_type", r.DailyType, 2}, {"monthly_week", r.MonthlyWeek, 5},
		{"monthly_week_day", r.MonthlyWeekDay, 7}, {"monthly_day", r.MonthlyDay, 31},
	} {
		if rule.value < 0 || rule.value > rule.hi {
			return bad("%s must be 1-%d, got %d", rule.name, rule.hi, rule.value)
		}
	}
	switch {
	case r.EndTimes < 0:
		return bad("end_times must not be negative")
	case r.EndTimes > umMaxOccurrences:
		return bad("end_times must be at most %d in the sandbox", umMaxOccurrences)
	case r.EndTimes == 0 && r.EndDate.IsZero() && prev != nil:
		r.EndTimes, r.EndDate = prev.EndTimes, prev.EndDate
	case r.EndTimes == 0 && r.EndDate.IsZero():
		return bad("a recurring meeting needs end_times or end_date_time")
	}
	return r, nil
}

// umISOWeekday is 1 Monday to 7 Sunday.
func umISOWeekday(t time.Time) int {
	if d := int(t.Weekday()); d != 0 {
		return d
	}
	return 7
}

// matchesDay reports whether a daily or weekly series meets on day; first
// is the series' first start.
func (r *umRecurrence) matchesDay(day, first time.Time) bool {
	wd := umISOWeekday(day)
	if r.Type == umDaily {
		return r.DailyType != umWorkingDays || wd <= 5
	}
	if len(r.WeeklyDays) == 0 {
		return wd == umISOWeekday(first)
	}
	for _, d := range r.WeeklyDays {
		if d == wd {
			return true
		}
	}
	return false
}

// monthDay is the day a monthly series meets on in a month (monthly_day
// wins over monthly_week + monthly_week_day; with neither, the first
// start's day), and whether the month has it.
func (r *umRecurrence) monthDay(monthStart, first time.Time) (time.Time, bool) {
	last := monthStart.AddDate(0, 1, -1).Day()
	day := first.Day()
	switch {
	case r.MonthlyDay > 0:
		day = r.MonthlyDay
	case r.MonthlyWeek > 0 && r.MonthlyWeekDay > 0:
		offset := (r.MonthlyWeekDay - umISOWeekday(monthStart) + 7) % 7
		day = 1 + offset + (r.MonthlyWeek-1)*7
	}
	return monthStart.AddDate(0, 0, day-1), day <= last
}

// starts lists the series' meeting starts from first on: end_date_time
// (a day; it wins) or end_times bounds it.
func (r *umRecurrence) starts(first time.Time) ([]time.Time, error) {
	first = first.In(quanshi.Beijing)
	y, mo, d := first.Date()
	midnight := time.Date(y, mo, d, 0, 0, 0, 0, quanshi.Beijing)
	clock := first.Sub(midnight)
	endDay := ""
	if !r.EndDate.IsZero() {
		endDay = r.EndDate.In(quanshi.Beijing).Format(time.DateOnly)
	}
	var out []time.Time
	done := false
	add := func(day time.Time) {
		t := day.Add(clock)
		switch {
		case t.Before(first):
		case endDay != "" && t.Format(time.DateOnly) > endDay, endDay == "" && len(out) >= r.EndTimes:
			done = true
		default:
			out = append(out, t)
		}
	}
	if r.Type == umMonthly {
		monthStart := time.Date(y, mo, 1, 0, 0, 0, 0, quanshi.Beijing)
		for i := 0; i < umScanYears*12 && !done && len(out) <= umMaxOccurrences; i++ {
			if day, ok := r.monthDay(monthStart.AddDate(0, i, 0), first); ok {
				add(day)
			}
		}
	} else {
		for day := midnight; day.Year() < y+umScanYears && !done && len(out) <= umMaxOccurrences; day = day.AddDate(0, 0, 1) {
			if r.matchesDay(day, first) {
				add(day)
			}
		}
	}
	switch {
	case len(out) == 0:
		return nil, fail(codeInvalidParameter, "invalid parameter: the recurrence gives no meeting on or after start_time")
	case len(out) > umMaxOccurrences:
		return nil, fail(codeInvalidParameter, "invalid parameter: the series would hold more than %d meetings, the sandbox's limit", umMaxOccurrences)
	}
	return out, nil
}
