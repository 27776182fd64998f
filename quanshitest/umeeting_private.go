package quanshitest

import (
	"cmp"
	"time"
)

// umeeting personal accounts (/umeeting/private/...): the same meetings as
// the public rooms' (the same store, marked Private), hosted by the
// account's host_id instead of a room. The sandbox accepts any host_id. The
// deprecated list, history, binding and account deletion are not served.

const pathUMPrivate = "/umeeting/private/"

func umeetingPrivateRoutes() []*route {
	return []*route{
		endpoint(pathUMPrivate+"schedule", handleUMPrivateBook),
		endpoint(pathUMPrivate+"instant", handleUMPrivateBook),
		endpoint(pathUMPrivate+"update", handleUMPrivateUpdate),
		endpoint(pathUMPrivate+"get", handleUMPrivateGet),
		endpoint(pathUMPrivate+"end", handleUMPrivateEnd),
		endpoint(pathUMPrivate+"delete", handleUMPrivateDelete),
	}
}

// handleUMPrivateBook books (schedule) or starts (instant) a personal
// meeting; instant starts now unless start_time is given.
func handleUMPrivateBook(s *Server, c *call) (any, error) {
	var f umForm
	if err := c.decode(&f); err != nil {
		return nil, err
	}
	instant := c.route.path == pathUMPrivate+"instant"
	if instant && (f.StartTime == nil || f.StartTime.IsZero()) {
		f.StartTime = &c.now
	}
	switch {
	case f.HostID == "":
		return nil, fail(codeInvalidParameter, "invalid parameter: host_id is required")
	case f.Topic == nil || *f.Topic == "":
		return nil, fail(codeInvalidParameter, "invalid parameter: topic is required")
	case (!instant || f.Duration != 0) && f.Duration <= umMinDuration:
		return nil, fail(codeInvalidParameter, "invalid parameter: duration must be more than %d minutes, got %d", umMinDuration, f.Duration)
	}
	f.Duration = cmp.Or(f.Duration, umInstantMinutes)
	if err := f.check(); err != nil {
		return nil, err
	}
	m, err := umStoreOf(s.state).create(c, &f, nil, &umMeeting{Private: true, Instant: instant, HostID: f.HostID})
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"host_key": m.HostKey, "meeting_id": m.ID, "join_url": m.JoinURL, "host_id": m.HostID, "token": m.Token,
		"ready_time": umReadyTime, "start_url": m.StartURL,
	}, nil
}

func handleUMPrivateUpdate(s *Server, c *call) (any, error) {
	var f umForm
	if err := c.decode(&f); err != nil {
		return nil, err
	}
	switch {
	case f.ID == "":
		return nil, fail(codeInvalidParameter, "invalid parameter: id is required")
	case f.Topic == nil || *f.Topic == "":
		return nil, fail(codeInvalidParameter, "invalid parameter: topic is required")
	case f.Duration <= umMinDuration:
		return nil, fail(codeInvalidParameter, "invalid parameter: duration must be more than %d minutes, got %d", umMinDuration, f.Duration)
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	us := umStoreOf(s.state)
	m, _, err := us.findIn(f.ID, true)
	if err != nil {
		return nil, err
	}
	if m.status(c.now) == umEnded {
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting %s has ended", m.ID)
	}
	f.apply(&m.umSettings)
	m.Updated = c.now
	us.book(m, []time.Time{m.Start})
	return nil, nil
}

func handleUMPrivateGet(s *Server, c *call) (any, error) {
	var req umGetRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.MeetingID == "" {
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting_id is required")
	}
	return umGetAnswer(umStoreOf(s.state), req.MeetingID, true, c.now)
}

func handleUMPrivateEnd(s *Server, c *call) (any, error) {
	m, one, err := s.umByIDIn(c, true)
	if err != nil {
		return nil, err
	}
	return umEnd(m, one, c.now)
}

func handleUMPrivateDelete(s *Server, c *call) (any, error) {
	m, one, err := s.umByIDIn(c, true)
	if err != nil {
		return nil, err
	}
	return umDelete(m, one, c.now)
}
