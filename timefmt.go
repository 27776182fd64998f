package quanshi

import (
	"fmt"
	"time"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Beijing is the fixed UTC+8 zone (China has no daylight saving time) in which
// the API's wall-clock strings such as "2020-09-07 20:00:00" are read and
// written. It is a fixed zone so that the SDK never depends on the machine's
// tzdata or on time.Local. Every time.Time the SDK decodes is in this zone.
var Beijing = wire.Beijing

// FormatWallClock formats t as the API's wall-clock string in Beijing time,
// for example "2020-09-07 20:00:00", whatever t's location or time.Local is.
func FormatWallClock(t time.Time) string { return wire.FormatWallClock(t) }

// FormatDate formats t as a date-only string ("2018-12-30") of its Beijing day.
func FormatDate(t time.Time) string { return wire.FormatDate(t) }

// ParseTime reads any time form the API sends: a Beijing wall-clock string,
// a date-only string (midnight Beijing), RFC 3339, Unix seconds (10 digits)
// or milliseconds (13 digits) between 1990 and 2099, or a YYYYMMDD date
// (8 digits), the numbers as a number or a numeric string. "", "0" and
// "0000-00-00 00:00:00" give the zero time; any other number ("7") is an
// error, never a date in 1970. A non-zero result is in the Beijing zone.
func ParseTime(s string) (time.Time, error) {
	t, err := wire.ParseTime(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("quanshi: %w", err)
	}
	return t, nil
}

// ParseDuration reads the duration forms the API sends: "hh:mm:ss",
// "mm:ss", a plain number of seconds (number or numeric string), or a Go
// duration string such as "1h30m". "" gives zero.
func ParseDuration(s string) (time.Duration, error) {
	d, err := wire.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("quanshi: %w", err)
	}
	return d, nil
}

// Request-side time forms. A request struct keeps plain time.Time fields
// (tagged json:"-") and the service method wraps each in the form its endpoint
// wants; the zero time is "not set" and is omitted by omitzero.
type (
	wallClock   = wire.WallClock   // Beijing "2006-01-02 15:04:05"
	dateOnly    = wire.DateOnly    // Beijing "2006-01-02"
	unixSeconds = wire.UnixSeconds // Unix seconds, a number
)
