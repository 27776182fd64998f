package cli

import (
	"fmt"
	"strconv"
	"time"
)

// overlay is the hand-written part of a command people use often: its
// positional arguments, friendlier flags and table layout.
type overlay struct {
	// args are the positional arguments, each the flag name of the request
	// field it sets ("conference-id").
	args []string
	// flags are friendlier flags; one named like a field flag replaces it.
	flags []extraFlag
	// layout chooses the table's columns.
	layout tableLayout
	// done is what a command the API answers with nothing prints.
	done string
	// variadic lets the last argument repeat (a list field).
	variadic bool
}

// extraFlag is a friendlier flag: apply sets request fields, by their flag
// names, from its value. It hides the field flag it stands for, if any.
type extraFlag struct {
	name, hint, usage string
	hides             string
	apply             func(set func(flag, value string) error, value string) error
}

// hostFlag takes a host as a user id or an e-mail address.
func hostFlag(idFlag, emailFlag string) extraFlag {
	return extraFlag{name: "host", hint: "id|email", usage: "the host: a Quanshi user id or an e-mail address",
		apply: func(set func(string, string) error, v string) error {
			if _, err := strconv.ParseInt(v, 10, 64); err == nil {
				return set(idFlag, v)
			}
			return set(emailFlag, v)
		}}
}

// renamed gives a field flag a friendlier name.
func renamed(name, hint, usage, target string) extraFlag {
	return extraFlag{name: name, hint: hint, usage: usage, hides: target,
		apply: func(set func(string, string) error, v string) error { return set(target, v) }}
}

// minutesFlag takes a length as a duration ("45m", "1h30m") or a number of
// minutes, for a field counted in minutes.
func minutesFlag(name, target string) extraFlag {
	return extraFlag{name: name, hint: "duration", usage: "the length, such as 45m or 1h30m (a bare number is minutes)",
		apply: func(set func(string, string) error, v string) error {
			if _, err := strconv.Atoi(v); err == nil {
				return set(target, v)
			}
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 || d%time.Minute != 0 {
				return fmt.Errorf("%q is not a whole number of minutes such as 45m", v)
			}
			return set(target, strconv.Itoa(int(d/time.Minute)))
		}}
}

// Table columns of the meeting lists.
var (
	conferenceColumns = []string{"ConferenceID", "ConferenceTitle", "StartTime", "Length", "Status", "UserName"}
	meetingColumns    = []string{"ConferenceID", "Title", "StartTime", "Length", "Status", "HostName"}
	eventColumns      = []string{"EventID", "Title", "StartTime", "Length", "Status", "CalType"}
)

// overlays are the hand-written parts of the commands used most, keyed
// "service verb".
var overlays = map[string]overlay{
	"conference create": {flags: []extraFlag{
		hostFlag("user-id", "email"),
		renamed("start", "time", "when it starts: Beijing wall-clock (2026-12-01 15:00) or RFC 3339", "start-time"),
		minutesFlag("length", "length"),
	}},
	"conference get":      {args: []string{"conference-id"}},
	"conference status":   {args: []string{"conference-id"}},
	"conference cancel":   {args: []string{"conference-id"}, flags: []extraFlag{hostFlag("user-id", "email")}, done: "cancelled"},
	"conference join-url": {args: []string{"conference-id"}},
	"conference list": {flags: []extraFlag{
		hostFlag("user-id", "email-account"),
	}, layout: tableLayout{columns: conferenceColumns}},
	"room list": {flags: []extraFlag{
		renamed("host", "id", "the host's Quanshi user id", "user-id"),
	}, layout: tableLayout{columns: meetingColumns}},
	"event create": {flags: []extraFlag{
		renamed("host", "id", "the host's Quanshi user id", "host-id"),
		renamed("start", "time", "when it starts: Beijing wall-clock (2026-12-01 15:00) or RFC 3339", "start-time"),
		minutesFlag("length", "length"),
	}},
	"event get":                  {args: []string{"event-id"}},
	"event list-public":          {layout: tableLayout{columns: eventColumns}},
	"event list-modified":        {layout: tableLayout{columns: eventColumns}},
	"report get":                 {args: []string{"conference-id"}},
	"recording get":              {args: []string{"conference-id"}},
	"dashboard live-conferences": {layout: tableLayout{columns: []string{"ConferenceID", "TempConferenceID", "Title", "StartTime", "HostName", "AttendeeCount"}}},
	"user find-by-email":         {args: []string{"email"}},
	"user lookup":                {args: []string{"emails"}, variadic: true},
}

// alias is a short name for a command, under the same service.
type alias struct {
	service, use, target string
}

// aliases are the short names of commands used often.
var aliases = []alias{
	{"dashboard", "live", "dashboard live-conferences"},
}
