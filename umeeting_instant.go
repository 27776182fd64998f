package quanshi

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

// The rest of umeeting's meeting management: start a meeting now, read a
// meeting's host token, change a meeting's capacity, delete a live stream.

// umRememberSecrets registers the host credentials of an answer (a token,
// a start link and the zak it carries) with the client's redactor, so that
// a later error or log echoing them masks them. (host_key, six digits, is
// masked by name only.)
func umRememberSecrets(r *redactor, values ...string) {
	for _, v := range values {
		r.remember(v)
		if zak := queryValue(v, "zak"); zak != "" {
			r.remember(zak)
		}
	}
}

// queryValue returns the first value of the query parameter key in the URL
// link, unescaped, or "": url.Values' reading of a query without parsing
// the URL and the whole query on every booking.
func queryValue(link, key string) string {
	_, query, ok := strings.Cut(link, "?")
	if !ok {
		return ""
	}
	query, _, _ = strings.Cut(query, "#")
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		name, value, _ := strings.Cut(pair, "=")
		if strings.ContainsAny(name, "%+") {
			var err error
			if name, err = url.QueryUnescape(name); err != nil {
				continue
			}
		}
		if name != key {
			continue
		}
		if !strings.ContainsAny(value, "%+") {
			return value
		}
		if value, err := url.QueryUnescape(value); err == nil {
			return value
		}
	}
	return ""
}

// rememberSecrets registers the booking's token and start link.
func (r *UMeetingScheduleResult) rememberSecrets(red *redactor) {
	umRememberSecrets(red, r.Token, r.StartURL)
}

// UMeetingInstantRequest starts a meeting now in a public room. Options
// marked "not for webinars" in UMeetingScheduleRequest mean the same here.
type UMeetingInstantRequest struct {
	// Topic is the subject (topic). Required.
	Topic string `json:"topic"`
	// MeetingCapacity is the number of seats (meeting_capacity). Required.
	MeetingCapacity int `json:"meeting_capacity"`
	// Duration is the length in minutes (duration); more than 30 when set,
	// zero leaves it to the server.
	Duration int `json:"duration,omitzero"`
	// UserKey identifies the booking user (user_key), at most 200 bytes.
	UserKey string `json:"user_key,omitempty"`
	// JoinBeforeHost lets participants join before the host (option_jbh).
	JoinBeforeHost *bool `json:"option_jbh,omitzero"`
	// MuteUponEntry mutes participants as they join (mute_upon_entry).
	MuteUponEntry *bool `json:"mute_upon_entry,omitzero"`
	// UsePMI uses the personal meeting number (use_pmi; needs a special
	// account).
	UsePMI *bool `json:"use_pmi,omitzero"`
	// OptionHostVideo turns the host's video on (option_host_video).
	OptionHostVideo *bool `json:"option_host_video,omitzero"`
	// OptionParticipantsVideo turns the participants' video on
	// (option_participants_video).
	OptionParticipantsVideo *bool `json:"option_participants_video,omitzero"`
	// Recording is "cloud" or "none" (recording; the default).
	Recording UMeetingRecording `json:"recording,omitempty"`
	// AllowLiveStreaming turns live streaming on (allow_live_streaming).
	AllowLiveStreaming *bool `json:"allow_live_streaming,omitzero"`
	// HostName is the host's display name (host_name).
	HostName string `json:"host_name,omitempty"`
	// WaitingRoom makes participants wait for the host to admit them
	// (waiting_room).
	WaitingRoom *bool `json:"waiting_room,omitzero"`
}

var opUMeetingInstant = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/instant"}

// Instant starts a meeting now in a public room and returns its number,
// links and host credentials. The meeting shows in List while it runs and
// in History once it has ended.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/ji-shi-hui-yi-jie-kou.md
//
//quanshi:operation POST /umeeting/share/instant
func (s *UMeetingService) Instant(ctx context.Context, req *UMeetingInstantRequest, opts ...CallOption) (*UMeetingScheduleResult, error) {
	if err := notNil(opUMeetingInstant, req); err != nil {
		return nil, err
	}
	v := newCheck(opUMeetingInstant)
	v.required("topic", req.Topic)
	v.rule(req.MeetingCapacity > 0, "meeting_capacity", "is required: a positive number of seats")
	v.rulef(req.Duration == 0 || req.Duration > 30, "duration", "must be more than 30 minutes, got %d", req.Duration)
	umCheckOptions(v, req.UserKey, req.Recording, nil, false)
	if err := v.err(); err != nil {
		return nil, err
	}
	return s.umBook(ctx, opUMeetingInstant, req, opts)
}

// umBook sends a booking (schedule or instant, shared or personal) and
// registers the answer's credentials with the redactor.
func (s *UMeetingService) umBook(ctx context.Context, op Operation, body any, opts []CallOption) (*UMeetingScheduleResult, error) {
	var out UMeetingScheduleResult
	if err := s.caller().call(ctx, op, body, &out, opts...); err != nil {
		return nil, err
	}
	out.rememberSecrets(s.caller().redact)
	return &out, nil
}

// UMeetingTokenRequest asks for a meeting's host token.
type UMeetingTokenRequest struct {
	// MeetingID is the meeting number (meeting_id). Required.
	MeetingID string `json:"meeting_id"`
}

// UMeetingToken is what the client SDK needs to start a meeting as its
// host. Token is a credential: keep it secret (LogValue masks it, and the
// client masks it in its errors and logs).
type UMeetingToken struct {
	// HostID is the host account's id (host_id).
	HostID string `json:"host_id"`
	// Token is the host account's token (token; secret).
	Token string `json:"token"`
}

// LogValue logs the host id without the token.
func (t *UMeetingToken) LogValue() slog.Value {
	if t == nil {
		return slog.Value{}
	}
	return slog.GroupValue(slog.String("host_id", t.HostID), slog.String("token", redacted))
}

var opUMeetingToken = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/token", Idempotent: true}

// Token returns the host id and token that start a meeting from the client
// SDK. The token is registered with the client's redactor.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/huo-qu-hui-yi-token-jie-kou.md
//
//quanshi:operation POST /umeeting/share/token
func (s *UMeetingService) Token(ctx context.Context, req *UMeetingTokenRequest, opts ...CallOption) (*UMeetingToken, error) {
	if err := umCheckMeetingID(opUMeetingToken, req, func(r *UMeetingTokenRequest) string { return r.MeetingID }); err != nil {
		return nil, err
	}
	var out UMeetingToken
	if err := s.caller().call(ctx, opUMeetingToken, req, &out, opts...); err != nil {
		return nil, err
	}
	umRememberSecrets(s.caller().redact, out.Token)
	return &out, nil
}

// umCheckMeetingID rejects a nil request or one without meeting_id.
func umCheckMeetingID[T any](op Operation, req *T, id func(*T) string) error {
	if err := notNil(op, req); err != nil {
		return err
	}
	v := newCheck(op)
	v.required("meeting_id", id(req))
	return v.err()
}

// UMeetingResetCapacityRequest changes a meeting's capacity.
type UMeetingResetCapacityRequest struct {
	// MeetingID is the meeting number ({meetingId} in the path). Required.
	MeetingID string `json:"-"`
	// MeetingCapacity is the new number of seats (meeting_capacity).
	// Required.
	MeetingCapacity int `json:"meeting_capacity"`
}

var opUMeetingResetCapacity = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/resetCapacity/{meetingId}", Idempotent: true}

// ResetCapacity changes the number of seats of a booked meeting (调整会议方数).
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/diao-zheng-hui-yi-fang-shu.md
//
//quanshi:operation POST /umeeting/share/resetCapacity/{meetingId}
func (s *UMeetingService) ResetCapacity(ctx context.Context, req *UMeetingResetCapacityRequest, opts ...CallOption) error {
	if err := umCheckMeetingID(opUMeetingResetCapacity, req, func(r *UMeetingResetCapacityRequest) string { return r.MeetingID }); err != nil {
		return err
	}
	v := newCheck(opUMeetingResetCapacity)
	v.rule(req.MeetingCapacity > 0, "meeting_capacity", "is required: a positive number of seats")
	if err := v.err(); err != nil {
		return err
	}
	return s.caller().call(ctx, opUMeetingResetCapacity.withPath(strings.TrimSpace(req.MeetingID)), req, nil, opts...)
}

// UMeetingDeleteLiveRequest names a live stream to delete.
type UMeetingDeleteLiveRequest struct {
	// LiveID is the live stream's number ({live_id} in the path; the
	// LiveID of a booking made with AllowLiveStreaming). Required.
	LiveID string `json:"-"`
}

var opUMeetingDeleteLive = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/live/{live_id}/delete"}

// DeleteLive deletes a meeting's live stream for good (the vendor: 不可恢复,
// it cannot be restored). The form carries only the credentials.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/133001-shanchuzhibo.md
//
//quanshi:operation POST /umeeting/live/{live_id}/delete
func (s *UMeetingService) DeleteLive(ctx context.Context, req *UMeetingDeleteLiveRequest, opts ...CallOption) error {
	if err := notNil(opUMeetingDeleteLive, req); err != nil {
		return err
	}
	v := newCheck(opUMeetingDeleteLive)
	v.required("live_id", req.LiveID)
	if err := v.err(); err != nil {
		return err
	}
	return s.caller().call(ctx, opUMeetingDeleteLive.withPath(strings.TrimSpace(req.LiveID)), struct{}{}, nil, opts...)
}
