package quanshitest

import (
	"cmp"
	"crypto/rand"
	"encoding/base64"
	"math/big"
	"slices"
	"strconv"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// The systeccloud umeeting API (/umeeting, form-encoded with api_key and
// api_secret, {status, message, data}). Its meetings live in their own store
// and take their state from the clock: booked (0) before the start, running
// (1) until start + duration or End, cancelled (2) once deleted, ended (3).
// A recurring meeting is a series of occurrences, each with its own uuid;
// End and Delete take the meeting number (the whole series) or one
// occurrence's uuid.
//
// The vendor documents no error codes. The sandbox answers a bad parameter
// with 50103 and an unknown (or deleted) meeting with 50709, so that the
// SDK's ErrInvalidParameter and ErrConferenceNotFound apply.

const (
	pathUMSchedule    = "/umeeting/share/schedule"
	pathUMGet         = "/umeeting/share/get"
	pathUMUpdate      = "/umeeting/share/update"
	pathUMEnd         = "/umeeting/share/end"
	pathUMDelete      = "/umeeting/share/delete"
	pathUMList        = "/umeeting/share/list"
	pathUMHistory     = "/umeeting/share/history"
	pathUMGetStartURL = "/umeeting/share/getStartUrl"

	umHost = "https://u.umeet.sandbox.test"
	// umReadyTime is how many minutes before its start a meeting can be
	// started (ready_time; the schedule example answers 15).
	umReadyTime   = 15
	umPageSize    = 30
	umUserKeyMax  = 200
	umMinDuration = 30 // schedule: duration must be more than 30 minutes
	umFirstNumber = 1770498237
)

// Meeting states.
const (
	umBooked    = 0
	umRunning   = 1
	umCancelled = 2
	umEnded     = 3
)

// umeetingShareRoutes are the public-room meeting endpoints.
func umeetingShareRoutes() []*route {
	return []*route{
		endpoint(pathUMSchedule, handleUMSchedule),
		endpoint(pathUMGet, handleUMGet),
		endpoint(pathUMUpdate, handleUMUpdate),
		endpoint(pathUMEnd, handleUMEnd),
		endpoint(pathUMDelete, handleUMDelete),
		endpoint(pathUMList, handleUMList),
		endpoint(pathUMHistory, handleUMHistory),
		endpoint(pathUMGetStartURL, handleUMGetStartURL),
	}
}

// umeetingRoutes are every umeeting route: meeting management, monitoring,
// statistics and personal accounts.
func umeetingRoutes() []*route {
	return slices.Concat(umeetingShareRoutes(), umeetingMoreRoutes(), umeetingStatsRoutes(), umeetingPrivateRoutes())
}

// umStore holds the umeeting meetings.
type umStore struct {
	meetings []*umMeeting
	byID     map[string]*umMeeting
	byUUID   map[string]*umOccurrence
	next     int64
	rooms    []*umRoom // the licensed rooms (made on first use)
	extra    []*umRoom // the rooms made up when no licensed one was free
}

func newUMStore() *umStore {
	return &umStore{byID: map[string]*umMeeting{}, byUUID: map[string]*umOccurrence{}, next: umFirstNumber}
}

func umStoreOf(st *state) *umStore { return familyState(st, "umeeting", newUMStore) }

// umMeeting is one booked meeting or recurring series.
type umMeeting struct {
	ID, UUID string
	Capacity int
	// Room is the public room the meeting is in (nil for a personal
	// account's meeting, whose host is HostID).
	Room   *umRoom
	HostID string
	// Instant meetings were started now (list type 1); Private ones belong
	// to a personal account and stay out of the public-room calls.
	Instant, Private bool
	// HostKey, Token and StartURL start the meeting as its host: secrets,
	// made per meeting.
	HostKey, Token, StartURL, JoinURL string
	LiveID                            string
	Created, Updated                  time.Time
	Deleted                           bool
	umSettings
	Occurrences []*umOccurrence
}

// umSettings are what schedule and update set.
type umSettings struct {
	Topic              string
	Start              time.Time
	Duration           int
	Password           string
	UserKey            string
	HostName           string
	Recording          string
	MuteUponEntry      bool
	UsePMI             bool
	HostVideo          bool
	ParticipantsVideo  bool
	AllowLiveStreaming bool
	WaitingRoom        bool
	Webinar            bool
	JoinBeforeHost     bool
	Recurrence         *umRecurrence
}

// umOccurrence is one meeting of a series (a single meeting has one).
type umOccurrence struct {
	meeting   *umMeeting
	UUID      string
	Start     time.Time
	EndedAt   time.Time // set by End
	DeletedAt time.Time // set by Delete
}

func (o *umOccurrence) end() time.Time {
	return o.Start.Add(time.Duration(o.meeting.Duration) * time.Minute)
}

// status is the occurrence's state at now.
func (o *umOccurrence) status(now time.Time) int {
	switch {
	case !o.DeletedAt.IsZero():
		return umCancelled
	case !o.EndedAt.IsZero(), !now.Before(o.end()):
		return umEnded
	case now.Before(o.Start):
		return umBooked
	}
	return umRunning
}

// endedAt is when the occurrence actually ended, or zero if it never ran
// (or still runs).
func (o *umOccurrence) endedAt(now time.Time) time.Time {
	stop := o.end()
	for _, t := range []time.Time{o.EndedAt, o.DeletedAt} {
		if !t.IsZero() && t.Before(stop) {
			stop = t
		}
	}
	if !stop.After(o.Start) || stop.After(now) {
		return time.Time{}
	}
	return stop
}

// status is the meeting's state: a series runs while one of its meetings
// runs, is booked while one is to come, and is ended once all are over. A
// deleted meeting is cancelled, or ended if it took place.
func (m *umMeeting) status(now time.Time) int {
	if m.Deleted {
		if m.endTime(now).IsZero() {
			return umCancelled // deleted before it took place
		}
		return umEnded
	}
	best := umCancelled
	for _, o := range m.Occurrences {
		switch st := o.status(now); {
		case st == umRunning:
			return umRunning
		case st == umBooked:
			best = umBooked
		case st == umEnded && best == umCancelled:
			best = umEnded
		}
	}
	return best
}

// current is the occurrence the meeting stands for now: the running or next
// one, else the last that took place, else the first.
func (m *umMeeting) current(now time.Time) *umOccurrence {
	var last *umOccurrence
	for _, o := range m.Occurrences {
		switch o.status(now) {
		case umRunning, umBooked:
			return o
		case umEnded:
			last = o
		}
	}
	return cmp.Or(last, m.Occurrences[0])
}

// endTime is when the meeting ended (history's end_time): the last end of
// an occurrence that ran, or zero when none did.
func (m *umMeeting) endTime(now time.Time) time.Time {
	var end time.Time
	for _, o := range m.Occurrences {
		if t := o.endedAt(now); t.After(end) {
			end = t
		}
	}
	return end
}

// find looks a public-room meeting up by number, or an occurrence by uuid
// (occurrence is nil for a number). Unknown and deleted meetings are a 50709.
func (us *umStore) find(id string) (*umMeeting, *umOccurrence, error) {
	return us.findIn(id, false)
}

// findIn is find among the public-room (private false) or the personal
// accounts' meetings.
func (us *umStore) findIn(id string, private bool) (*umMeeting, *umOccurrence, error) {
	if m, ok := us.byID[id]; ok && !m.Deleted && m.Private == private {
		return m, nil, nil
	}
	if o, ok := us.byUUID[id]; ok && !o.meeting.Deleted && o.DeletedAt.IsZero() && o.meeting.Private == private {
		return o.meeting, o, nil
	}
	return nil, nil, fail(codeConferenceNotFound, "meeting %s does not exist or was deleted", id)
}

// umRandom returns n random characters of alphabet.
func umRandom(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			panic(err)
		}
		b[i] = alphabet[k.Int64()]
	}
	return string(b)
}

const (
	umDigits  = "0123456789"
	umURLSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

// umUUID makes a uuid in the API's form ("Ov8vv4PiR/mYW3Px8NuJVg==").
func umUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.StdEncoding.EncodeToString(b[:])
}

// umForm is the schedule and update form. Booleans arrive as "true" and
// "false", numbers as strings; pointers tell an absent member from a sent
// one (update keeps what is not sent).
type umForm struct {
	ID                string     `json:"id"`
	Topic             *string    `json:"topic"`
	MeetingCapacity   int        `json:"meeting_capacity"`
	StartTime         *time.Time `json:"start_time"`
	Duration          int        `json:"duration"`
	Password          *string    `json:"password"`
	UserKey           *string    `json:"user_key"`
	HostName          *string    `json:"host_name"`
	Recording         *string    `json:"recording"`
	MuteUponEntry     *bool      `json:"mute_upon_entry"`
	UsePMI            *bool      `json:"use_pmi"`
	HostVideo         *bool      `json:"option_host_video"`
	ParticipantsVideo *bool      `json:"option_participants_video"`
	AllowLiveStream   *bool      `json:"allow_live_streaming"`
	WaitingRoom       *bool      `json:"waiting_room"`
	Webinar           *bool      `json:"enable_webinar"`
	JoinBeforeHost    *bool      `json:"option_jbh"`
	// HostID and PrivateWebinar are the personal-account forms' members.
	HostID         string `json:"host_id"`
	PrivateWebinar *bool  `json:"webinar"`
	umRecurrenceForm
}

// apply copies the members sent onto s.
func (f *umForm) apply(s *umSettings) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	if f.Topic != nil && *f.Topic != "" {
		s.Topic = *f.Topic
	}
	if f.StartTime != nil {
		s.Start = f.StartTime.In(quanshi.Beijing)
	}
	s.Duration = cmp.Or(f.Duration, s.Duration)
	set(&s.Password, f.Password)
	set(&s.UserKey, f.UserKey)
	set(&s.HostName, f.HostName)
	set(&s.Recording, f.Recording)
	for dst, v := range map[*bool]*bool{
		&s.MuteUponEntry: f.MuteUponEntry, &s.UsePMI: f.UsePMI, &s.HostVideo: f.HostVideo,
		&s.ParticipantsVideo: f.ParticipantsVideo, &s.AllowLiveStreaming: f.AllowLiveStream,
		&s.WaitingRoom: f.WaitingRoom, &s.Webinar: cmp.Or(f.Webinar, f.PrivateWebinar), &s.JoinBeforeHost: f.JoinBeforeHost,
	} {
		if v != nil {
			*dst = *v
		}
	}
}

// check enforces the rules schedule and update share.
func (f *umForm) check() error {
	switch {
	case f.StartTime == nil || f.StartTime.IsZero():
		return fail(codeInvalidParameter, "invalid parameter: start_time is required (yyyy-MM-dd HH:mm:ss)")
	case f.UserKey != nil && len(*f.UserKey) > umUserKeyMax:
		return fail(codeInvalidParameter, "invalid parameter: user_key is longer than %d bytes", umUserKeyMax)
	case f.Recording != nil && *f.Recording != "" && *f.Recording != "cloud" && *f.Recording != "none":
		return fail(codeInvalidParameter, "invalid parameter: recording must be cloud or none, got %q", *f.Recording)
	}
	return nil
}

// umStarts lists the starts the settings give: one, or a series'.
func umStarts(s *umSettings) ([]time.Time, error) {
	if s.Recurrence == nil {
		return []time.Time{s.Start}, nil
	}
	return s.Recurrence.starts(s.Start)
}

// book gives a meeting its occurrences (new ones, with new uuids for a
// series) at starts.
func (us *umStore) book(m *umMeeting, starts []time.Time) {
	for _, o := range m.Occurrences {
		delete(us.byUUID, o.UUID)
	}
	m.Occurrences = m.Occurrences[:0]
	for _, start := range starts {
		o := &umOccurrence{meeting: m, UUID: m.UUID, Start: start}
		if m.Recurrence != nil {
			o.UUID = umUUID()
			us.byUUID[o.UUID] = o
		}
		m.Occurrences = append(m.Occurrences, o)
	}
	m.Start = starts[0]
	if m.AllowLiveStreaming && m.LiveID == "" {
		m.LiveID = umRandom(8, umDigits)
	}
}

// umBookingForm reads a schedule or instant form and checks its topic,
// capacity and duration (more than 30 minutes; optional when instant).
func umBookingForm(c *call, instant bool) (*umForm, error) {
	var f umForm
	if err := c.decode(&f); err != nil {
		return nil, err
	}
	switch {
	case f.Topic == nil || *f.Topic == "":
		return nil, fail(codeInvalidParameter, "invalid parameter: topic is required")
	case f.MeetingCapacity <= 0:
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting_capacity is required")
	case (!instant || f.Duration != 0) && f.Duration <= umMinDuration:
		return nil, fail(codeInvalidParameter, "invalid parameter: duration must be more than %d minutes, got %d", umMinDuration, f.Duration)
	}
	return &f, nil
}

func handleUMSchedule(s *Server, c *call) (any, error) {
	f, err := umBookingForm(c, false)
	if err != nil {
		return nil, err
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	recurrence, err := f.recurrence(nil)
	if err != nil {
		return nil, err
	}
	m, err := umStoreOf(s.state).create(c, f, recurrence, nil)
	if err != nil {
		return nil, err
	}
	return umScheduleAnswer(m), nil
}

// create books a meeting from a schedule or instant form: in a public room
// of its capacity, or (private) on a personal account. m, when not nil,
// brings the kind of meeting (Instant, Private, HostID).
func (us *umStore) create(c *call, f *umForm, recurrence *umRecurrence, m *umMeeting) (*umMeeting, error) {
	if m == nil {
		m = &umMeeting{}
	}
	id := strconv.FormatInt(us.next, 10)
	m.ID, m.UUID, m.Capacity, m.Created, m.Updated = id, umUUID(), f.MeetingCapacity, c.now, c.now
	m.HostKey, m.Token, m.JoinURL = umRandom(6, umDigits), umRandom(32, umURLSafe), umHost+"/j/"+id
	m.StartURL = umHost + "/s/" + id + "?zak=" + umRandom(96, umURLSafe)
	m.umSettings = umSettings{Recording: "none"}
	f.apply(&m.umSettings)
	m.Recurrence = recurrence
	starts, err := umStarts(&m.umSettings)
	if err != nil {
		return nil, err
	}
	us.book(m, starts)
	if !m.Private {
		us.place(m, c.now)
	}
	us.next++
	us.meetings = append(us.meetings, m)
	us.byID[m.ID] = m
	return m, nil
}

// umScheduleAnswer is the schedule answer: the page's members (meeting_id
// and host_key as strings, mute_upon_entry as "true"/"false"), the ones the
// vendor documents beside them (live_id, occurrences) and the ones live
// answers carry (uuid, host_email, option_jbh, enable_webinar, user_key,
// createDate, updateDate).
func umScheduleAnswer(m *umMeeting) map[string]any {
	out := map[string]any{
		"host_key": m.HostKey, "join_url": m.JoinURL, "meeting_id": m.ID, "uuid": m.UUID, "topic": m.Topic,
		"start_time": quanshi.FormatWallClock(m.Start), "duration": m.Duration, "host_id": m.host(),
		"host_email": m.hostEmail(), "token": m.Token, "mute_upon_entry": strconv.FormatBool(m.MuteUponEntry),
		"option_jbh": m.JoinBeforeHost, "enable_webinar": m.Webinar, "ready_time": umReadyTime,
		"start_url": m.StartURL, "user_key": umNullable(m.UserKey),
		"createDate": quanshi.FormatWallClock(m.Created), "updateDate": quanshi.FormatWallClock(m.Updated),
	}
	for k, v := range m.live() {
		out[k] = v
	}
	if m.Recurrence != nil {
		occ := make([]map[string]string, len(m.Occurrences))
		for i, o := range m.Occurrences {
			occ[i] = map[string]string{"start_time": quanshi.FormatWallClock(o.Start), "uuid": o.UUID}
		}
		out["occurrences"] = occ
	}
	return out
}

// live is the live-stream members: addresses while streaming is on, null
// otherwise.
func (m *umMeeting) live() map[string]any {
	if !m.AllowLiveStreaming {
		return map[string]any{"play_addr": nil, "watch_url": nil, "live_id": nil}
	}
	return map[string]any{
		"play_addr": "https://live.umeet.sandbox.test/" + m.LiveID + "/live.m3u8",
		"watch_url": "https://live.umeet.sandbox.test/watch/" + m.LiveID,
		"live_id":   m.LiveID,
	}
}

// umNullable is s, or null when it is empty.
func umNullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// umGetRequest is the form of /umeeting/share/get.
type umGetRequest struct {
	MeetingID string `json:"meeting_id"`
}

func handleUMGet(s *Server, c *call) (any, error) {
	var req umGetRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.MeetingID == "" {
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting_id is required")
	}
	return umGetAnswer(umStoreOf(s.state), req.MeetingID, false, c.now)
}

// umGetAnswer is the answer of get (or of a personal account's get).
func umGetAnswer(us *umStore, id string, private bool, now time.Time) (any, error) {
	m, ok := us.byID[id]
	if !ok || m.Private != private {
		return nil, fail(codeConferenceNotFound, "meeting %s does not exist", id)
	}
	// As the page shows it: numbers and flags as strings, user_Key so
	// spelled; a deleted meeting is still found, with del_flag "1".
	delFlag := "0"
	if m.Deleted {
		delFlag = "1"
	}
	live := m.live()
	return map[string]any{
		"duration": strconv.Itoa(m.Duration), "start_time": quanshi.FormatWallClock(m.current(now).Start),
		"del_flag": delFlag, "password": m.Password, "join_url": m.JoinURL, "topic": m.Topic,
		"user_Key": umNullable(m.UserKey), "meeting_capacity": strconv.Itoa(m.Capacity), "id": m.ID,
		"status": strconv.Itoa(m.status(now)), "allow_live_streaming": strconv.FormatBool(m.AllowLiveStreaming),
		"play_addr": live["play_addr"], "watch_url": live["watch_url"],
	}, nil
}

func handleUMUpdate(s *Server, c *call) (any, error) {
	var f umForm
	if err := c.decode(&f); err != nil {
		return nil, err
	}
	switch {
	case f.ID == "":
		return nil, fail(codeInvalidParameter, "invalid parameter: id is required")
	case f.Duration <= 0:
		return nil, fail(codeInvalidParameter, "invalid parameter: duration is required")
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	us := umStoreOf(s.state)
	m, occurrence, err := us.find(f.ID)
	switch {
	case err != nil:
		return nil, err
	case occurrence != nil:
		return nil, fail(codeInvalidParameter, "invalid parameter: only a whole recurring series can be changed: send its meeting number, not an occurrence's uuid")
	case m.status(c.now) == umEnded:
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting %s has ended", m.ID)
	}
	recurrence, err := f.recurrence(m.Recurrence)
	if err != nil {
		return nil, err
	}
	settings := m.umSettings
	f.apply(&settings)
	settings.Recurrence = recurrence
	starts, err := umStarts(&settings)
	if err != nil {
		return nil, err
	}
	m.umSettings, m.Updated = settings, c.now
	us.book(m, starts)
	if !m.Private {
		us.place(m, c.now)
	}
	return nil, nil
}

type umIDRequest struct {
	ID string `json:"id"`
}

func (s *Server) umByID(c *call) (*umMeeting, *umOccurrence, error) {
	return s.umByIDIn(c, false)
}

// umByIDIn reads {id} and finds the public-room or personal meeting.
func (s *Server) umByIDIn(c *call, private bool) (*umMeeting, *umOccurrence, error) {
	var req umIDRequest
	if err := c.decode(&req); err != nil {
		return nil, nil, err
	}
	if req.ID == "" {
		return nil, nil, fail(codeInvalidParameter, "invalid parameter: id is required")
	}
	return umStoreOf(s.state).findIn(req.ID, private)
}

// handleUMEnd ends the meeting (every occurrence of a series not over yet)
// or one occurrence. Ending what has already ended changes nothing.
func handleUMEnd(s *Server, c *call) (any, error) {
	m, one, err := s.umByID(c)
	if err != nil {
		return nil, err
	}
	return umEnd(m, one, c.now)
}

// umEnd ends a meeting or one occurrence.
func umEnd(m *umMeeting, one *umOccurrence, now time.Time) (any, error) {
	for _, o := range m.Occurrences {
		if (one == nil || o == one) && o.EndedAt.IsZero() && o.DeletedAt.IsZero() && now.Before(o.end()) {
			o.EndedAt = now
		}
	}
	return nil, nil
}

// handleUMDelete deletes the meeting (a whole series) or one occurrence; a
// series whose every occurrence is deleted is deleted.
func handleUMDelete(s *Server, c *call) (any, error) {
	m, one, err := s.umByID(c)
	if err != nil {
		return nil, err
	}
	return umDelete(m, one, c.now)
}

// umDelete deletes a meeting or one occurrence.
func umDelete(m *umMeeting, one *umOccurrence, now time.Time) (any, error) {
	left := 0
	for _, o := range m.Occurrences {
		if (one == nil || o == one) && o.DeletedAt.IsZero() && o.status(now) != umEnded {
			o.DeletedAt = now
		}
		if o.DeletedAt.IsZero() {
			left++
		}
	}
	m.Deleted = one == nil || left == 0
	return nil, nil
}

type umListRequest struct {
	UserKey    string `json:"user_key"`
	PageSize   int    `json:"page_size"`
	PageNumber int    `json:"page_number"`
}

// umPage selects the meetings of a list request and cuts its page.
func (s *Server) umPage(c *call, keep func(m *umMeeting) bool, newestFirst bool) (req umListRequest, page []*umMeeting, total int, err error) {
	if err = c.decode(&req); err != nil {
		return
	}
	if req.PageSize < 0 || req.PageNumber < 0 {
		err = fail(codeInvalidParameter, "invalid parameter: page_size and page_number must not be negative")
		return
	}
	req.PageSize, req.PageNumber = cmp.Or(req.PageSize, umPageSize), cmp.Or(req.PageNumber, 1)
	var hits []*umMeeting
	for _, m := range umStoreOf(s.state).meetings {
		if (req.UserKey == "" || m.UserKey == req.UserKey) && !m.Private && keep(m) {
			hits = append(hits, m)
		}
	}
	slices.SortStableFunc(hits, func(a, b *umMeeting) int {
		return a.current(c.now).Start.Compare(b.current(c.now).Start)
	})
	if newestFirst {
		slices.Reverse(hits)
	}
	return req, eventPageOf(hits, req.PageNumber-1, req.PageSize), len(hits), nil
}

// handleUMList lists the online meetings: booked or running.
func handleUMList(s *Server, c *call) (any, error) {
	req, page, total, err := s.umPage(c, func(m *umMeeting) bool {
		st := m.status(c.now)
		return st == umBooked || st == umRunning
	}, false)
	if err != nil {
		return nil, err
	}
	meetings := make([]map[string]any, len(page))
	for i, m := range page {
		meetings[i] = map[string]any{
			"duration": m.Duration, "start_time": quanshi.FormatWallClock(m.current(c.now).Start), "topic": m.Topic,
			"join_url": m.JoinURL, "id": m.ID, "status": m.status(c.now), "host_key": m.HostKey, "type": m.kind(),
		}
	}
	pages := (total + req.PageSize - 1) / req.PageSize
	return map[string]any{
		"page_num": req.PageNumber, "page_size": req.PageSize, "total_record": total, "total_page": pages,
		"has_previous_page": req.PageNumber > 1, "has_next_page": req.PageNumber < pages, "meetings": meetings,
	}, nil
}

// handleUMHistory lists the past meetings (cancelled or ended), newest
// first; end_time is "" for a meeting cancelled before it ran.
func handleUMHistory(s *Server, c *call) (any, error) {
	_, page, total, err := s.umPage(c, func(m *umMeeting) bool {
		st := m.status(c.now)
		return st == umCancelled || st == umEnded
	}, true)
	if err != nil {
		return nil, err
	}
	meetings := make([]map[string]any, len(page))
	for i, m := range page {
		end := ""
		if t := m.endTime(c.now); !t.IsZero() {
			end = quanshi.FormatWallClock(t)
		}
		meetings[i] = map[string]any{
			"id": m.ID, "topic": m.Topic, "status": m.status(c.now),
			"start_time": quanshi.FormatWallClock(m.current(c.now).Start), "end_time": end,
		}
	}
	return map[string]any{"total": total, "meetings": meetings}, nil
}

// handleUMGetStartURL hands the start link out only once the early-join
// time (ready_time minutes before the start) of the meeting's running or
// next occurrence has come; before that, and once the meeting is over, the
// link is "".
func handleUMGetStartURL(s *Server, c *call) (any, error) {
	m, one, err := s.umByID(c)
	if err != nil {
		return nil, err
	}
	o := cmp.Or(one, m.current(c.now))
	link := ""
	if st := o.status(c.now); st == umRunning || (st == umBooked && !c.now.Before(o.Start.Add(-umReadyTime*time.Minute))) {
		link = m.StartURL
	}
	return map[string]string{"start_url": link}, nil
}
