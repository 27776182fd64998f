package quanshitest

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// umeeting statistics and the dashboard. Every occurrence that has started
// is a meeting record (its uuid is the occurrence's, or the meeting's for a
// single meeting); its host joins at the start and leaves at the end, so
// each record has one participant. The vendor gives no way to join, so the
// sandbox does not invent more.

const (
	pathUMDetail         = "/umeeting/share/detail"
	pathUMSummary        = "/umeeting/share/summary"
	pathUMHisMeeting     = "/umeeting/share/hisMeeting"
	pathUMCloudRecording = "/umeeting/cloud/recording"
	pathUMMeeting        = "/umeeting/share/meeting"
	pathUMParticipants   = "/umeeting/share/participants"
	pathUMMetrics        = "/umeeting/metrics/meetings"

	umMaxPeriod = 31 * 24 * time.Hour
)

func umeetingStatsRoutes() []*route {
	return []*route{
		endpoint(pathUMDetail, handleUMDetail),
		endpoint(pathUMSummary, handleUMSummary),
		endpoint(pathUMHisMeeting, handleUMHisMeeting),
		endpoint(pathUMCloudRecording, handleUMCloudRecording),
		{method: http.MethodPost, path: pathUMMeeting, params: 2, handle: handleUMMeetingParticipants},
		endpoint(pathUMParticipants, handleUMRecordParticipants),
		endpoint(pathUMMetrics, handleUMMetrics),
	}
}

// umPerson is one participant's stay.
type umPerson struct {
	UserID, Name string
	Join, Leave  time.Time // Leave is zero while in
}

// ranUntil is when the occurrence stopped (zero while it runs), and whether
// it started at all.
// A meeting ended the instant it started (an instant meeting ended at once)
// ran, for no time.
func (o *umOccurrence) ranUntil(now time.Time) (time.Time, bool) {
	switch {
	case now.Before(o.Start), !o.DeletedAt.IsZero() && !o.DeletedAt.After(o.Start), !o.EndedAt.IsZero() && o.EndedAt.Before(o.Start):
		return time.Time{}, false
	case !o.EndedAt.IsZero() && !o.EndedAt.After(o.Start):
		return o.Start, true
	}
	return o.endedAt(now), true
}

// participants are the occurrence's participants: its host.
func (o *umOccurrence) participants(now time.Time) []umPerson {
	end, ran := o.ranUntil(now)
	if !ran {
		return nil
	}
	m := o.meeting
	name := cmp.Or(m.HostName, m.hostName())
	return []umPerson{{UserID: strconv.FormatUint(uint64(eventCodeNumber(o.UUID)), 10), Name: name, Join: o.Start, Leave: end}}
}

// eventCodeNumber is a stable 8-digit number for s.
func eventCodeNumber(s string) uint32 {
	var h uint32 = 2166136261
	for i := range len(s) {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return 10_000_000 + h%90_000_000
}

// minutes is how long the occurrence ran, in whole minutes (so far).
func (o *umOccurrence) minutes(now time.Time) int {
	end, ran := o.ranUntil(now)
	if !ran {
		return 0
	}
	return int(cmp.Or(end, now).Sub(o.Start) / time.Minute)
}

// umTime formats t as the wall clock, or RFC 3339 UTC on the pages that say
// "UTC格式"; the zero time is "".
func umTime(t time.Time, utc bool) string {
	switch {
	case t.IsZero():
		return ""
	case utc:
		return t.UTC().Format(time.RFC3339)
	}
	return quanshi.FormatWallClock(t)
}

// record is the occurrence as a meeting record (hisMeeting, meetingdetail,
// metrics): the members they share.
func (o *umOccurrence) record(now time.Time, utc bool) map[string]any {
	m := o.meeting
	end, _ := o.ranUntil(now)
	rec := 0
	if m.Recording == "cloud" {
		rec = 1
	}
	return map[string]any{
		"uuid": o.UUID, "id": m.ID, "topic": m.Topic, "host": m.hostName(), "email": m.hostEmail(), "user_type": "Corp",
		"start_time": umTime(o.Start, utc), "end_time": umTime(end, utc), "duration": o.minutes(now),
		"has_pstn": false, "has_voip": true, "has_3rd_party_audio": false, "has_video": m.HostVideo || m.ParticipantsVideo,
		"has_screen_share": false, "recording": rec,
	}
}

// umParticipantsUTC are participants in the monitoring form (UTC times).
func umParticipantsUTC(people []umPerson) []map[string]any {
	out := make([]map[string]any, len(people))
	for i, p := range people {
		out[i] = map[string]any{
			"id": "", "user_id": p.UserID, "user_name": p.Name, "device": "Windows", "ip_address": "192.0.2.10", "cn": "CN",
			"city": "Beijing", "location": "Beijing (CN)", "network_type": "Wifi", "join_time": umTime(p.Join, true),
			"leave_time": umTime(p.Leave, true), "share_application": false, "share_desktop": false,
			"share_whiteboard": false, "recording": false,
		}
	}
	return out
}

// umAttendance are participants in the statistics' short form.
func umAttendance(o *umOccurrence, people []umPerson) []map[string]any {
	out := make([]map[string]any, len(people))
	for i, p := range people {
		out[i] = map[string]any{
			"name": p.Name, "join_time": umTime(p.Join, false), "leave_time": umTime(p.Leave, false),
			"meeting_id": o.meeting.ID, "meeting_uuid": o.UUID,
		}
	}
	return out
}

// records lists the public-room occurrences that started, oldest first;
// ended ones only unless running is true, those starting in [from, to) only
// when from is set.
func (us *umStore) records(now, from, to time.Time, running bool) []*umOccurrence {
	var out []*umOccurrence
	for _, m := range us.meetings {
		for _, o := range m.Occurrences {
			end, ran := o.ranUntil(now)
			switch {
			case m.Private || !ran, end.IsZero() != running:
			case from.IsZero() || (!o.Start.Before(from) && o.Start.Before(to)):
				out = append(out, o)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *umOccurrence) int { return a.Start.Compare(b.Start) })
	return out
}

// umPeriod reads from and to (days): required, or today by default; to
// covers its whole day; at most a month.
func umPeriod(c *call, required bool) (from, to time.Time, err error) {
	var req umPeriodForm
	if err = c.decode(&req); err != nil {
		return
	}
	if required && (req.From == nil || req.To == nil || req.From.IsZero() || req.To.IsZero()) {
		return from, to, fail(codeInvalidParameter, "invalid parameter: from and to are required (yyyy-MM-dd)")
	}
	y, mo, d := c.now.In(quanshi.Beijing).Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, quanshi.Beijing)
	from, to = today, today
	if req.From != nil && !req.From.IsZero() {
		from = *req.From
	}
	if req.To != nil && !req.To.IsZero() {
		to = *req.To
	}
	to = to.AddDate(0, 0, 1)
	if to.Sub(from) > umMaxPeriod+24*time.Hour {
		from = to.AddDate(0, -1, 0) // as the pages say: only the last month
	}
	return from, to, nil
}

// umStatsPaging reads the statistics' host_id and paging.
type umStatsPaging struct {
	HostID             string `json:"host_id"`
	ShowParticipants   bool   `json:"show_participants"`
	ShowTelephonyUsage bool   `json:"show_telephony_usage"`
	PageSize           int    `json:"page_size"`
	PageNumber         int    `json:"page_number"`
}

// umStatsPage reads a statistics request and its records.
func (s *Server) umStatsPage(c *call) (umStatsPaging, map[string]any, []*umOccurrence, error) {
	var req umStatsPaging
	from, to, err := umPeriod(c, false)
	if err == nil {
		err = c.decode(&req)
	}
	if err == nil && (req.PageSize < 0 || req.PageNumber < 0) {
		err = fail(codeInvalidParameter, "invalid parameter: page_size and page_number must not be negative")
	}
	if err != nil {
		return req, nil, nil, err
	}
	req.PageSize, req.PageNumber = cmp.Or(req.PageSize, umPageSize), cmp.Or(req.PageNumber, 1)
	var recs []*umOccurrence
	for _, o := range umStoreOf(s.state).records(c.now, from, to, false) {
		if req.HostID == "" || o.meeting.host() == req.HostID {
			recs = append(recs, o)
		}
	}
	page := map[string]any{
		"from": quanshi.FormatDate(from), "to": quanshi.FormatDate(to.AddDate(0, 0, -1)),
		"page_number": req.PageNumber, "page_size": req.PageSize, "has_previous_page": req.PageNumber > 1,
	}
	return req, page, recs, nil
}

// umFinishPage adds the totals of a page of total items.
func umFinishPage(page map[string]any, req umStatsPaging, total int) {
	pages := (total + req.PageSize - 1) / req.PageSize
	page["total_record"], page["total_page"], page["has_next_page"] = total, pages, req.PageNumber < pages
}

// handleUMDetail lists the ended meetings of the period, page by page.
func handleUMDetail(s *Server, c *call) (any, error) {
	req, page, recs, err := s.umStatsPage(c)
	if err != nil {
		return nil, err
	}
	meetings := []map[string]any{}
	for _, o := range eventPageOf(recs, req.PageNumber-1, req.PageSize) {
		m := o.meeting
		end, _ := o.ranUntil(c.now)
		item := map[string]any{
			"uuid": o.UUID, "host_id": m.host(), "meeting_id": m.ID, "topic": m.Topic, "start_time": umTime(o.Start, false),
			"duration": m.Duration, "end_time": umTime(end, false), "is_extra": boolInt(m.Room != nil && m.Room.Extra),
		}
		if req.ShowParticipants {
			item["participants"] = umAttendance(o, o.participants(c.now))
		}
		if req.ShowTelephonyUsage {
			item["telephony_usage"] = []any{} // nobody dials in to the sandbox
		}
		meetings = append(meetings, item)
	}
	umFinishPage(page, req, len(recs))
	page["meetings"] = meetings
	return page, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// handleUMSummary totals the ended meetings of the period by room, page by
// page over the rooms that ran one.
func handleUMSummary(s *Server, c *call) (any, error) {
	req, page, recs, err := s.umStatsPage(c)
	if err != nil {
		return nil, err
	}
	var order []string
	rooms := map[string]map[string]any{}
	meetings, people, minutes := 0, 0, 0
	for _, o := range recs {
		host := o.meeting.host()
		r, ok := rooms[host]
		if !ok {
			r = map[string]any{"host_id": host, "is_extra": boolInt(o.meeting.Room != nil && o.meeting.Room.Extra), "meetings": 0,
				"participants": 0, "meeting_minutes": 0, "audio_participants": 0, "audio_total_duration": 0, "total_fee": 0.0}
			rooms[host], order = r, append(order, host)
		}
		n, mins := len(o.participants(c.now)), o.minutes(c.now)
		r["meetings"] = r["meetings"].(int) + 1
		r["participants"] = r["participants"].(int) + n
		r["meeting_minutes"] = r["meeting_minutes"].(int) + mins
		meetings, people, minutes = meetings+1, people+n, minutes+mins
	}
	list := make([]map[string]any, 0, len(order))
	for _, host := range eventPageOf(order, req.PageNumber-1, req.PageSize) {
		list = append(list, rooms[host])
	}
	umFinishPage(page, req, len(order))
	page["total_meetings"], page["total_participants"], page["total_meeting_minutes"] = meetings, people, minutes
	page["rooms"] = list
	return page, nil
}

// handleUMHisMeeting lists the ended meeting records of the period.
func handleUMHisMeeting(s *Server, c *call) (any, error) {
	from, to, err := umPeriod(c, true)
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for _, o := range umStoreOf(s.state).records(c.now, from, to, false) {
		rec := o.record(c.now, false)
		rec["participants"] = len(o.participants(c.now))
		rec["meeting_capacity"] = o.meeting.Capacity
		out = append(out, rec)
	}
	return out, nil
}

// reports are the statistics' reports of the records with these uuids
// (unknown ones are left out).
func (us *umStore) reports(uuids []string, now time.Time) []map[string]any {
	out := []map[string]any{}
	for _, o := range us.records(now, time.Time{}, time.Time{}, false) {
		if !slices.Contains(uuids, o.UUID) {
			continue
		}
		people := o.participants(now)
		end, _ := o.ranUntil(now)
		total := 0
		for _, p := range people {
			total += int(p.Leave.Sub(p.Join) / time.Minute)
		}
		out = append(out, map[string]any{
			"duration": strconv.Itoa(o.minutes(now)), "start_time": umTime(o.Start, false), "participants_count": len(people),
			"total_participants_deration": total, "host": o.meeting.hostName(), "end_time": umTime(end, false),
			"id": o.meeting.ID, "uuid": o.UUID, "email": o.meeting.hostEmail(), "participants": umAttendance(o, people),
		})
	}
	return out
}

// handleUMCloudRecording lists the recordings of a meeting's (or one
// record's) ended occurrences booked with recording "cloud".
func handleUMCloudRecording(s *Server, c *call) (any, error) {
	var req umRecordingForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.MeetingID == "" || req.StartTime == nil || req.StartTime.IsZero() {
		return nil, fail(codeInvalidParameter, "invalid parameter: meeting_id and start_time are required")
	}
	out := []map[string]any{}
	for _, o := range umStoreOf(s.state).records(c.now, time.Time{}, time.Time{}, false) {
		if o.meeting.Recording != "cloud" || (o.meeting.ID != req.MeetingID && o.UUID != req.MeetingID) {
			continue
		}
		end, _ := o.ranUntil(c.now)
		file := eventCode("umeeting recording", o.UUID)
		out = append(out, map[string]any{
			"id": file, "meeting_id": o.UUID, "recording_start": umTime(o.Start, true), "recording_end": umTime(end, true),
			"file_type": "MP4", "file_size": o.minutes(c.now) * 1 << 20, "status": "completed",
			"play_url": umHost + "/recording/play/" + file, "download_url": umHost + "/recording/download/" + file,
		})
	}
	return out, nil
}

// handleUMMeetingParticipants answers /meeting/{meetingId}/participants:
// the meeting's latest record that ran and its participants; topic and
// host_id must be the meeting's.
func handleUMMeetingParticipants(s *Server, c *call) (any, error) {
	var req umParticipantsForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if c.params[1] != "participants" || req.Topic == "" || req.HostID == "" {
		return nil, fail(codeInvalidParameter, "invalid parameter: topic and host_id are required")
	}
	m, _, err := umStoreOf(s.state).find(c.params[0])
	if err != nil {
		return nil, err
	}
	if m.Topic != req.Topic || m.host() != req.HostID {
		return nil, fail(codeInvalidParameter, "invalid parameter: topic and host_id do not match meeting %s", m.ID)
	}
	o := m.current(c.now)
	people := o.participants(c.now)
	list := make([]map[string]any, len(people))
	total := 0
	for i, p := range people {
		list[i] = map[string]any{
			"user_id": p.UserID, "user_name": p.Name, "device": "Windows", "ip_address": "192.0.2.10", "location": "Beijing (CN)",
			"network_type": "Wifi", "join_time": umTime(p.Join, false), "leave_time": umTime(p.Leave, false),
			"share_application": false, "share_desktop": false, "share_whiteboard": false, "recording": false,
			"pc_name": "", "domain": "", "mac_addr": "", "harddisk_id": "", "version": "5.0.0", "leave_reason": "",
		}
		total += int(cmp.Or(p.Leave, c.now).Sub(p.Join) / time.Minute)
	}
	return map[string]any{
		"duration": strconv.Itoa(m.Duration), "start_time": umTime(o.Start, false), "total_minutes": total,
		"total_participants": len(people), "topic": m.Topic, "id": m.ID, "participants_list": list,
	}, nil
}

// handleUMRecordParticipants lists one record's participants (UTC times).
func handleUMRecordParticipants(s *Server, c *call) (any, error) {
	var req umUUIDForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	us := umStoreOf(s.state)
	o, ok := us.byUUID[req.UUID]
	if !ok {
		for _, m := range us.meetings {
			if m.UUID == req.UUID && m.Recurrence == nil && !m.Private {
				o, ok = m.Occurrences[0], true
			}
		}
	}
	if !ok {
		return nil, fail(codeConferenceNotFound, "meeting record %s does not exist", req.UUID)
	}
	return umParticipantsUTC(o.participants(c.now)), nil
}

// handleUMMetrics lists the running (type live, the default) or ended
// (past) records of the period with UTC times and an h:m:s duration.
func handleUMMetrics(s *Server, c *call) (any, error) {
	from, to, err := umPeriod(c, true)
	if err != nil {
		return nil, err
	}
	var req umMetricsForm
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.Type != "" && req.Type != "live" && req.Type != "past" {
		return nil, fail(codeInvalidParameter, "invalid parameter: type must be live or past, got %q", req.Type)
	}
	out := []map[string]any{}
	for _, o := range umStoreOf(s.state).records(c.now, from, to, req.Type != "past") {
		rec := o.record(c.now, true)
		end, _ := o.ranUntil(c.now)
		d := cmp.Or(end, c.now).Sub(o.Start)
		rec["duration"] = fmt.Sprintf("%02d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
		rec["participants"] = len(o.participants(c.now))
		rec["has_recording"] = o.meeting.Recording == "cloud"
		rec["has_sip"] = false
		delete(rec, "recording")
		out = append(out, rec)
	}
	return out, nil
}

// umPeriodForm is the from and to of the statistics' forms.
type umPeriodForm struct {
	From *time.Time `json:"from"`
	To   *time.Time `json:"to"`
}

// umRecordingForm is the form of cloud/recording.
type umRecordingForm struct {
	MeetingID string     `json:"meeting_id"`
	StartTime *time.Time `json:"start_time"`
}

// umParticipantsForm is the form of meeting/{id}/participants.
type umParticipantsForm struct {
	Topic  string `json:"topic"`
	HostID string `json:"host_id"`
}

// umUUIDForm is the form of share/participants.
type umUUIDForm struct {
	UUID string `json:"uuid"`
}

// umMetricsForm is the type member of metrics/meetings.
type umMetricsForm struct {
	Type string `json:"type"`
}
