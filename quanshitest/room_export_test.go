package quanshitest

import "time"

// RoomBookForTest books a meeting straight into the store, the way another
// family's create endpoint does (source "conference" or "event"), so that
// the room, recording and report endpoints are tested on meetings they did
// not book themselves.
func (s *Server) RoomBookForTest(source, hostEmail, title string, start time.Time, minutes int, inviteeEmails ...string) (conferenceID string, eventID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	host, err := s.state.userFor(0, hostEmail)
	if err != nil {
		panic(err)
	}
	m := s.state.newMeeting(source, host, title, start, minutes, s.nowLocked())
	for _, email := range inviteeEmails {
		u, err := s.state.userFor(0, email)
		if err != nil {
			panic(err)
		}
		m.Invitees = append(m.Invitees, u)
	}
	return m.ConferenceID, m.EventID
}
