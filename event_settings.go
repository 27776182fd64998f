package quanshi

import (
	"context"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Changing an event's live-page settings (settings/update).

var opEventSettingsUpdate = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/event/settings/update"}

// eventAnnouncementMaxRunes is the page's limit on the announcement ("500字符").
const eventAnnouncementMaxRunes = 500

// EventSettingsUpdateRequest changes an event's live-page settings. Every
// group is optional: nil is not sent and leaves the setting as it is; inside
// a group, a nil field is not sent, and a non-nil one is sent even when it is
// false, 0 or "".
//
// The page is cut inside its water_mark description; WaterMark is sent as
// given.
type EventSettingsUpdateRequest struct {
	// EventID is the event (eventId). Required.
	EventID int64
	// ShowStyle is the live page's style (show_style).
	ShowStyle *EventShowStyle
	// Announcement is the live page's notice (announcement).
	Announcement *EventAnnouncement
	// Replay is how long the replay stays available (replay).
	Replay *EventReplay
	// Organizer is the organiser's name shown on the page (organizer).
	Organizer *string
	// ViewerCount shows the number of viewers (viewer_num).
	ViewerCount *EventViewerCount
	// Praise is the like button (praise).
	Praise *EventPraise
	// AntiScreen is the moving anti-recording text (anti_screen).
	AntiScreen *EventAntiScreen
	// WaterMark is the watermark (water_mark), sent as given: the page is
	// cut before its members.
	WaterMark map[string]any
}

// EventShowStyle is a live page's style (show_style).
type EventShowStyle struct {
	// Style is the style (value): "pro" professional, "edu" education,
	// "rec" entertainment, "annual" annual meeting, "custom".
	Style *string
	// Background is the background colour (bg), as "#000000".
	Background *string
	// Button is the button colour (button).
	Button *string
	// LogoURL is the logo's address (logo).
	LogoURL *string
	// CoverURL is the cover picture's address (cover).
	CoverURL *string
	// AdURL is the advertisement widget's address (adv).
	AdURL *string
}

// EventAnnouncement is a live page's notice (announcement).
type EventAnnouncement struct {
	// Enabled turns the notice on or off (value, sent as 1/0).
	Enabled *bool
	// Content is the notice (content), up to 500 characters; required when
	// Enabled is true.
	Content *string
}

// EventReplayValidity is how long a replay stays available (replay.value).
type EventReplayValidity int

// Replay validities.
const (
	// EventReplayNone: no replay (-1).
	EventReplayNone EventReplayValidity = -1
	// EventReplayForever: never expires (0).
	EventReplayForever EventReplayValidity = 0
	// EventReplayOneMonth: one month (1).
	EventReplayOneMonth EventReplayValidity = 1
	// EventReplayThreeMonths: three months (3).
	EventReplayThreeMonths EventReplayValidity = 3
	// EventReplayUntil: until Expires (4).
	EventReplayUntil EventReplayValidity = 4
)

// EventReplay is a replay's availability (replay).
type EventReplay struct {
	// Validity is how long the replay stays (value); always sent, so
	// EventReplayForever (0) can be set.
	Validity EventReplayValidity
	// Expires is when the replay ends (expire_time, Unix seconds); required
	// with EventReplayUntil. The zero time is not sent.
	Expires time.Time
}

// EventViewerCount shows the number of viewers (viewer_num).
type EventViewerCount struct {
	// Show shows or hides the count (value, sent as 1/0).
	Show *bool
	// Base is the number the count starts from (base_viewer_num); required
	// when Show is true.
	Base *int
}

// EventPraise is the like button (praise).
type EventPraise struct {
	// Enabled turns likes on or off (value, sent as 1/0).
	Enabled *bool
	// ShowCount shows the number of likes (show_praise_num, sent as 1/0;
	// the page's example misspells it show_praie_num, the table's spelling
	// is sent).
	ShowCount *bool
	// Base is the number likes start from (base_praise_num).
	Base *int
}

// EventAntiScreen is the moving anti-recording text (anti_screen).
type EventAntiScreen struct {
	// Enabled turns it on or off (value, sent as "1"/"0" as the example
	// does).
	Enabled *bool
	// FontColor is the text colour (font_color), such as "red".
	FontColor *string
	// FontSize is the text size (font_size).
	FontSize *int
	// Interval is the seconds between passes (interval).
	Interval *int
	// Location is where it shows (location), such as "middle".
	Location *string
	// Opacity is its opacity (opacity).
	Opacity *int
	// Speed is how fast it moves (speed), such as "middle".
	Speed *string
	// Style is what it shows (style): the text, or text and nickname
	// ("txt-nick").
	Style *string
	// Text is the text (text).
	Text *string
}

// bit01 encodes an optional switch as 1/0.
func bit01(b *bool) *int {
	if b == nil {
		return nil
	}
	v := 0
	if *b {
		v = 1
	}
	return &v
}

// bitText encodes an optional switch as "1"/"0".
func bitText(b *bool) *string {
	if n := bit01(b); n != nil {
		s := strconv.Itoa(*n)
		return &s
	}
	return nil
}

// eventSettingsWire is the request as sent.
type eventSettingsWire struct {
	EventID      int64          `json:"eventId"`
	ShowStyle    *showStyleWire `json:"show_style,omitzero"`
	Announcement *struct {
		Value   *int    `json:"value,omitzero"`
		Content *string `json:"content,omitzero"`
	} `json:"announcement,omitzero"`
	Replay *struct {
		Value      EventReplayValidity `json:"value"`
		ExpireTime wire.UnixSeconds    `json:"expire_time,omitzero"`
	} `json:"replay,omitzero"`
	Organizer *string `json:"organizer,omitzero"`
	ViewerNum *struct {
		Value *int `json:"value,omitzero"`
		Base  *int `json:"base_viewer_num,omitzero"`
	} `json:"viewer_num,omitzero"`
	Praise *struct {
		Value     *int `json:"value,omitzero"`
		ShowCount *int `json:"show_praise_num,omitzero"`
		Base      *int `json:"base_praise_num,omitzero"`
	} `json:"praise,omitzero"`
	AntiScreen *antiScreenWire `json:"anti_screen,omitzero"`
	WaterMark  map[string]any  `json:"water_mark,omitempty"`
}

type showStyleWire struct {
	Value  *string `json:"value,omitzero"`
	Bg     *string `json:"bg,omitzero"`
	Button *string `json:"button,omitzero"`
	Logo   *string `json:"logo,omitzero"`
	Cover  *string `json:"cover,omitzero"`
	Adv    *string `json:"adv,omitzero"`
}

type antiScreenWire struct {
	Value     *string `json:"value,omitzero"`
	FontColor *string `json:"font_color,omitzero"`
	FontSize  *int    `json:"font_size,omitzero"`
	Interval  *int    `json:"interval,omitzero"`
	Location  *string `json:"location,omitzero"`
	Opacity   *int    `json:"opacity,omitzero"`
	Speed     *string `json:"speed,omitzero"`
	Style     *string `json:"style,omitzero"`
	Text      *string `json:"text,omitzero"`
}

// wire returns the request as sent.
func (r *EventSettingsUpdateRequest) wire() *eventSettingsWire {
	w := &eventSettingsWire{EventID: r.EventID, Organizer: r.Organizer, WaterMark: r.WaterMark}
	if s := r.ShowStyle; s != nil {
		w.ShowStyle = &showStyleWire{s.Style, s.Background, s.Button, s.LogoURL, s.CoverURL, s.AdURL}
	}
	if a := r.Announcement; a != nil {
		w.Announcement = &struct {
			Value   *int    `json:"value,omitzero"`
			Content *string `json:"content,omitzero"`
		}{bit01(a.Enabled), a.Content}
	}
	if p := r.Replay; p != nil {
		w.Replay = &struct {
			Value      EventReplayValidity `json:"value"`
			ExpireTime wire.UnixSeconds    `json:"expire_time,omitzero"`
		}{p.Validity, wire.UnixSeconds(p.Expires)}
	}
	if v := r.ViewerCount; v != nil {
		w.ViewerNum = &struct {
			Value *int `json:"value,omitzero"`
			Base  *int `json:"base_viewer_num,omitzero"`
		}{bit01(v.Show), v.Base}
	}
	if p := r.Praise; p != nil {
		w.Praise = &struct {
			Value     *int `json:"value,omitzero"`
			ShowCount *int `json:"show_praise_num,omitzero"`
			Base      *int `json:"base_praise_num,omitzero"`
		}{bit01(p.Enabled), bit01(p.ShowCount), p.Base}
	}
	if a := r.AntiScreen; a != nil {
		w.AntiScreen = &antiScreenWire{bitText(a.Enabled), a.FontColor, a.FontSize, a.Interval, a.Location, a.Opacity, a.Speed, a.Style, a.Text}
	}
	return w
}

// UpdateSettings changes an event's live-page settings: style, notice,
// replay, organiser, viewer count, likes, anti-recording text and
// watermark. Only the groups given are sent. The page is cut before its
// answer; nothing is read from it but the envelope.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/86
//
//quanshi:operation POST /eventopenapi/event/settings/update
func (s *EventService) UpdateSettings(ctx context.Context, req *EventSettingsUpdateRequest, opts ...CallOption) error {
	op := opEventSettingsUpdate
	if err := notNil(op, req); err != nil {
		return err
	}
	if err := eventSettingsCheck(op, req); err != nil {
		return err
	}
	return s.caller().call(ctx, op, req.wire(), nil, opts...)
}

// eventSettingsCheck applies the page's rules.
func eventSettingsCheck(op Operation, req *EventSettingsUpdateRequest) error {
	v := newCheck(op)
	v.rule(req.EventID > 0, "eventId", "is required")
	if s := req.ShowStyle; s != nil && s.Style != nil {
		oneOf(v, "show_style.value", *s.Style, "pro", "edu", "rec", "annual", "custom")
		v.rule(*s.Style != "", "show_style.value", "must not be empty")
	}
	if a := req.Announcement; a != nil {
		on := a.Enabled != nil && *a.Enabled
		v.rule(!on || (a.Content != nil && *a.Content != ""), "announcement.content", "is required when the announcement is on")
		if a.Content != nil {
			v.rulef(utf8.RuneCountInString(*a.Content) <= eventAnnouncementMaxRunes, "announcement.content", "must be at most %d characters", eventAnnouncementMaxRunes)
		}
	}
	if r := req.Replay; r != nil {
		oneOf(v, "replay.value", r.Validity, EventReplayNone, EventReplayOneMonth, EventReplayThreeMonths, EventReplayUntil)
		v.rule(r.Validity != EventReplayUntil || !r.Expires.IsZero(), "replay.expire_time", "is required with EventReplayUntil")
	}
	if c := req.ViewerCount; c != nil {
		v.rule(c.Show == nil || !*c.Show || c.Base != nil, "viewer_num.base_viewer_num", "is required when the count is shown")
		v.rule(c.Base == nil || *c.Base >= 0, "viewer_num.base_viewer_num", "must not be negative")
	}
	if p := req.Praise; p != nil {
		v.rule(p.Base == nil || *p.Base >= 0, "praise.base_praise_num", "must not be negative")
	}
	return v.err()
}
