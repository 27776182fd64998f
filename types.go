package quanshi

import (
	"reflect"
	"strconv"
)

// enumString names an enum value from its table, or prints the type and the
// raw value for one the documentation does not list (the server sends such
// values: getConfStatus answers confStatus 5 on a page that lists 0/1/2/4).
func enumString[T comparable](v T, names map[T]string) string {
	if name, ok := names[v]; ok {
		return name
	}
	rv := reflect.ValueOf(v)
	raw := ""
	switch rv.Kind() {
	case reflect.String:
		raw = strconv.Quote(rv.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if rv.Int() == -1 { // every enum's Unknown (enum_unknown.go)
			return unknownEnum
		}
		raw = strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		raw = strconv.FormatUint(rv.Uint(), 10)
	default:
		raw = "?"
	}
	return rv.Type().Name() + "(" + raw + ")"
}

// ConferenceStatus is the state of a scheduled meeting, as the conference,
// room and dashboard endpoints report it.
type ConferenceStatus int

// Conference states. The pages list 1, 2, 4, 5 and 18 for the classic
// endpoints; 0 is "not found or deleted" on /confopenapi/conference/getStatus.
const (
	ConferenceStatusNone       ConferenceStatus = 0  // not found or deleted
	ConferenceStatusCreated    ConferenceStatus = 1  // 已创建: scheduled, not started
	ConferenceStatusInProgress ConferenceStatus = 2  // 正在召开: running
	ConferenceStatusEnded      ConferenceStatus = 4  // 已结束: ended
	ConferenceStatusExpired    ConferenceStatus = 5  // 已过期: past its time, still usable
	ConferenceStatusLocked     ConferenceStatus = 18 // 已锁定: locked
)

var conferenceStatusNames = map[ConferenceStatus]string{
	ConferenceStatusNone:       "none",
	ConferenceStatusCreated:    "created",
	ConferenceStatusInProgress: "in progress",
	ConferenceStatusEnded:      "ended",
	ConferenceStatusExpired:    "expired",
	ConferenceStatusLocked:     "locked",
}

// String returns the state's name, such as "in progress".
func (s ConferenceStatus) String() string { return enumString(s, conferenceStatusNames) }
