package quanshi

import "strconv"

// The results of writes that make something, and the id each one must
// name (see createdResult): a success answer to such a write without it is
// ErrOutcomeUnknown. Updates that answer the same result (a meeting as
// saved) are held to it too: an answer that does not say which meeting it
// saved leaves the caller as unsure as a lost one.

func (r *ConferenceReservation) createdID() string { return r.ConferenceID }

func (r *roomReservationWire) createdID() string { return r.ConferenceID }

func (e *Event) createdID() string { return positiveID(e.EventID) }

func (a *CreatedAccount) createdID() string { return positiveID(a.UserID) }

func (w *meetingRoomWire) createdID() string { return positiveID(w.RoomID) }

func (r *UMeetingScheduleResult) createdID() string { return r.MeetingID }

// keepUnparsed shows a start_time that is no time in StartTimeText.
func (r *UMeetingScheduleResult) keepUnparsed(odd []UnparsedField) {
	for _, f := range odd {
		if f.Field == "start_time" {
			r.StartTimeText = f.Text
		}
	}
}

// answerMayBeEmpty: getStartUrl's page answers the link "only once the
// meeting has reached its early-join time" (只有在会议到了提前入会时间才会返回该连接).
func (*UMeetingStartLink) answerMayBeEmpty() {}

// positiveID is a numeric id as text, "" when it is not positive.
func positiveID(id int64) string {
	if id <= 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
