package quanshi

import (
	"strconv"
	"strings"
	"time"
)

// CycleRule is the recurrence rule of a recurring booking (cycleRole).
type CycleRule struct {
	// Frequency is daily, weekly or monthly (frequency). Required.
	Frequency CycleFrequency `json:"-"`
	// Interval is the number of periods between occurrences (interval;
	// 1 = every day/week/month); 0 is not sent.
	Interval int `json:"-"`
	// ByDay are the weekdays the meeting falls on, sent as byday "MO,WE".
	ByDay []time.Weekday `json:"-"`
	// ByMonthDay are the days of the month (1 to 31) the meeting falls on,
	// sent as bymonthday "1,17,19"; only with Frequency CycleMonthly.
	ByMonthDay []int `json:"-"`
}

// roomWeekdays are the weekday codes of cycleRole.byday.
var roomWeekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// cycleRuleWire is cycleRole as sent: byday and bymonthday are
// comma-separated strings.
type cycleRuleWire struct {
	Frequency  CycleFrequency `json:"frequency"`
	Interval   int            `json:"interval,omitzero"`
	ByDay      string         `json:"byday,omitempty"`
	ByMonthDay string         `json:"bymonthday,omitempty"`
}

// wire returns the rule in its wire form (nil for nil). Weekdays out of
// range were rejected by roomCheckCycle before it is called.
func (r *CycleRule) wire() *cycleRuleWire {
	if r == nil {
		return nil
	}
	days := make([]string, 0, len(r.ByDay))
	for _, d := range r.ByDay {
		if d >= time.Sunday && d <= time.Saturday {
			days = append(days, roomWeekdays[d])
		}
	}
	monthDays := make([]string, len(r.ByMonthDay))
	for i, d := range r.ByMonthDay {
		monthDays[i] = strconv.Itoa(d)
	}
	return &cycleRuleWire{r.Frequency, r.Interval, strings.Join(days, ","), strings.Join(monthDays, ",")}
}

// roomCheckCycle checks a recurrence rule.
func roomCheckCycle(v *check, r *CycleRule) {
	v.rule(r.Frequency != "", "cycleRole.frequency", "is required")
	oneOf(v, "cycleRole.frequency", r.Frequency, CycleDaily, CycleWeekly, CycleMonthly)
	v.rule(r.Interval >= 0, "cycleRole.interval", "must not be negative")
	for _, d := range r.ByDay {
		v.rulef(d >= time.Sunday && d <= time.Saturday, "cycleRole.byday", "has an invalid weekday %d", int(d))
	}
	for _, d := range r.ByMonthDay {
		v.rulef(d >= 1 && d <= 31, "cycleRole.bymonthday", "has an invalid day of the month %d", d)
	}
	v.rule(len(r.ByMonthDay) == 0 || r.Frequency == CycleMonthly, "cycleRole.bymonthday", "is only for a monthly frequency")
}

// CycleFrequency is how often a recurring booking repeats.
type CycleFrequency string

// Recurrence frequencies.
const (
	// CycleDaily repeats every Interval days.
	CycleDaily CycleFrequency = "daily"
	// CycleWeekly repeats every Interval weeks, on ByDay.
	CycleWeekly CycleFrequency = "weekly"
	// CycleMonthly repeats every Interval months, on ByMonthDay.
	CycleMonthly CycleFrequency = "monthly"
)

var cycleFrequencyNames = map[CycleFrequency]string{
	CycleDaily: "daily", CycleWeekly: "weekly", CycleMonthly: "monthly",
}

// String returns the frequency's name.
func (f CycleFrequency) String() string { return enumString(f, cycleFrequencyNames) }

// ComposeRoom is a meeting room booked with a meeting (composeRoomList).
type ComposeRoom struct {
	// RoomID (roomId) is the meeting room's id. Required.
	RoomID int64 `json:"roomId"`
	// IsMainRoom (isMainRoom) is the room's part: RoomVenueMain or RoomVenueBranch;
	// RoomVenueDefault (0) is not sent.
	IsMainRoom RoomVenue `json:"isMainRoom,omitzero"`
	// EquipIDs (equipIdList) are the ids of the room's devices to book.
	EquipIDs []int64 `json:"equipIdList,omitempty"`
}

// RoomVenue is a meeting room's part in a meeting (isMainRoom).
type RoomVenue int

// Room parts.
const (
	// RoomVenueDefault is the default (several rooms, none main).
	RoomVenueDefault RoomVenue = 0
	// RoomVenueMain is the main venue (主会场).
	RoomVenueMain RoomVenue = 1
	// RoomVenueBranch is a branch venue (分会场).
	RoomVenueBranch RoomVenue = 2
)

var roomVenueNames = map[RoomVenue]string{
	RoomVenueDefault: "default", RoomVenueMain: "main", RoomVenueBranch: "branch",
}

// String returns the part's name.
func (v RoomVenue) String() string { return enumString(v, roomVenueNames) }

// RoomDeviceType is the kind of a booked device.
type RoomDeviceType int

// Device kinds.
const (
	// RoomDeviceRoom is a meeting room.
	RoomDeviceRoom RoomDeviceType = 2
	// RoomDeviceEquipment is a device of a meeting room (a box, a screen).
	RoomDeviceEquipment RoomDeviceType = 3
)

var roomDeviceTypeNames = map[RoomDeviceType]string{
	RoomDeviceRoom: "room", RoomDeviceEquipment: "equipment",
}

// String returns the kind's name.
func (t RoomDeviceType) String() string { return enumString(t, roomDeviceTypeNames) }

// RoomApprovalStatus is the approval state of a room booking.
type RoomApprovalStatus int

// Room booking approval states.
const (
	// RoomApprovalPending: waiting for approval (待审核).
	RoomApprovalPending RoomApprovalStatus = 0
	// RoomApprovalRejected: not approved (未批准).
	RoomApprovalRejected RoomApprovalStatus = 1
	// RoomApprovalApproved: approved (已批准).
	RoomApprovalApproved RoomApprovalStatus = 2
	// RoomApprovalCancelled: the room booking was cancelled.
	RoomApprovalCancelled RoomApprovalStatus = 3
)

var roomApprovalStatusNames = map[RoomApprovalStatus]string{
	RoomApprovalPending: "pending", RoomApprovalRejected: "rejected",
	RoomApprovalApproved: "approved", RoomApprovalCancelled: "cancelled",
}

// String returns the state's name.
func (s RoomApprovalStatus) String() string { return enumString(s, roomApprovalStatusNames) }

// MeetingCalType tells a single meeting from a recurring one.
type MeetingCalType string

// Meeting kinds.
const (
	// MeetingSingle is a single meeting (E).
	MeetingSingle MeetingCalType = "E"
	// MeetingRecurring is a recurring meeting (M).
	MeetingRecurring MeetingCalType = "M"
)

var meetingCalTypeNames = map[MeetingCalType]string{MeetingSingle: "single", MeetingRecurring: "recurring"}

// String returns the kind's name.
func (t MeetingCalType) String() string { return enumString(t, meetingCalTypeNames) }

// MeetingEventForm is an event's form: which of phone, web and live it uses.
type MeetingEventForm int

// Event forms.
const (
	MeetingFormPhone        MeetingEventForm = 1 // phone
	MeetingFormWeb          MeetingEventForm = 2 // web
	MeetingFormPhoneWeb     MeetingEventForm = 3 // phone + web
	MeetingFormLive         MeetingEventForm = 4 // live
	MeetingFormPhoneLive    MeetingEventForm = 5 // phone + live
	MeetingFormWebLive      MeetingEventForm = 6 // web + live
	MeetingFormPhoneWebLive MeetingEventForm = 7 // phone + web + live
)

var meetingEventFormNames = map[MeetingEventForm]string{
	MeetingFormPhone: "phone", MeetingFormWeb: "web", MeetingFormPhoneWeb: "phone+web",
	MeetingFormLive: "live", MeetingFormPhoneLive: "phone+live", MeetingFormWebLive: "web+live",
	MeetingFormPhoneWebLive: "phone+web+live",
}

// String returns the form's name, such as "phone+web+live".
func (f MeetingEventForm) String() string { return enumString(f, meetingEventFormNames) }

// MeetingApprovalStatus is a live event's approval state.
type MeetingApprovalStatus int

// Event approval states.
const (
	// MeetingApprovalNone: no approval needed (the default).
	MeetingApprovalNone MeetingApprovalStatus = 0
	// MeetingApprovalPending: waiting for approval.
	MeetingApprovalPending MeetingApprovalStatus = 1
	// MeetingApprovalApproved: approved.
	MeetingApprovalApproved MeetingApprovalStatus = 2
	// MeetingApprovalRejected: rejected.
	MeetingApprovalRejected MeetingApprovalStatus = 3
)

var meetingApprovalStatusNames = map[MeetingApprovalStatus]string{
	MeetingApprovalNone: "none", MeetingApprovalPending: "pending",
	MeetingApprovalApproved: "approved", MeetingApprovalRejected: "rejected",
}

// String returns the state's name.
func (s MeetingApprovalStatus) String() string { return enumString(s, meetingApprovalStatusNames) }

// MeetingPlayback is a live stream's replay policy (livePlaybackFlag).
type MeetingPlayback int

// Replay policies.
const (
	// MeetingPlaybackDisabled: no replay.
	MeetingPlaybackDisabled MeetingPlayback = -1
	// MeetingPlaybackForever: the replay never expires.
	MeetingPlaybackForever MeetingPlayback = 0
	// MeetingPlaybackCustom: the replay expires at LivePlaybackTime.
	MeetingPlaybackCustom MeetingPlayback = 1
	// MeetingPlaybackOneMonth: the replay is kept one month.
	MeetingPlaybackOneMonth MeetingPlayback = 2
	// MeetingPlaybackThreeMonths: the replay is kept three months.
	MeetingPlaybackThreeMonths MeetingPlayback = 3
)

var meetingPlaybackNames = map[MeetingPlayback]string{
	MeetingPlaybackDisabled: "disabled", MeetingPlaybackForever: "forever",
	MeetingPlaybackCustom: "custom", MeetingPlaybackOneMonth: "one month",
	MeetingPlaybackThreeMonths: "three months",
}

// String returns the policy's name.
func (p MeetingPlayback) String() string { return enumString(p, meetingPlaybackNames) }

// InviteeType is the kind of an invitee of a booked meeting (userType).
type InviteeType int

// Invitee kinds.
const (
	// InviteeInternal is a user of the account (内部参会人).
	InviteeInternal InviteeType = 1
	// InviteeExternal is an invitee from outside the account (外部参会人).
	InviteeExternal InviteeType = 2
	// InviteePhone is an invitee who joins by phone (电话参会人).
	InviteePhone InviteeType = 3
)

var inviteeTypeNames = map[InviteeType]string{
	InviteeInternal: "internal", InviteeExternal: "external", InviteePhone: "phone",
}

// String returns the kind's name.
func (t InviteeType) String() string { return enumString(t, inviteeTypeNames) }

// InviteeStatus is an invitee's answer to the invitation (status).
type InviteeStatus string

// Invitee answers.
const (
	// InviteeConfirmed: confirmed (W, 已确认).
	InviteeConfirmed InviteeStatus = "W"
	// InviteeAccepted: accepted (A, 已接受).
	InviteeAccepted InviteeStatus = "A"
	// InviteeDeclined: declined (R, 拒绝).
	InviteeDeclined InviteeStatus = "R"
)

var inviteeStatusNames = map[InviteeStatus]string{
	InviteeConfirmed: "confirmed", InviteeAccepted: "accepted", InviteeDeclined: "declined",
}

// String returns the answer's name.
func (s InviteeStatus) String() string { return enumString(s, inviteeStatusNames) }
