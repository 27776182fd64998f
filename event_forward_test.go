package quanshi

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page's input example is not JSON (attendList holds members, not an
// object); this is the object it means.
func forwardExample() *EventForwardRequest {
	return &EventForwardRequest{EventID: 542814, Invitees: []EventForwardGroup{{
		RoleID:  EventRoleGuest,
		UserIDs: []int64{1000, 2000, 3000},
		Mobiles: []EventMobile{{CountryCode: "86", Mobile: "13100000000"}, {CountryCode: "86", Mobile: "13200000000"}},
		Emails:  []string{"gnet-1@quanshi.com", "gnet-2@quanshi.com"},
	}}}
}

func TestEventForwardExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventForward, "event/forward.json")
	var info ResponseInfo
	require.NoError(t, api.client.Event.Forward(context.Background(), forwardExample(), CaptureResponse(&info)))
	assert.Equal(t, "Successfully to forward the event!", info.Message)
	assert.Equal(t, "10.255.0.106_20220620_183533_1655721333359", info.RequestID)
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 542814, "attendList": [{"roleId": 3,
		"userIdList": [1000, 2000, 3000],
		"mobileList": [{"countryCode": "86", "mobile": "13100000000"}, {"countryCode": "86", "mobile": "13200000000"}],
		"emailList": ["gnet-1@quanshi.com", "gnet-2@quanshi.com"]}]}`, rec.last(t).Body)
}

func TestEventForwardErrors(t *testing.T) {
	checkErrorPaths(t, opEventForward, opEventForward.Path, func(c *Client) error {
		return c.Event.Forward(context.Background(), forwardExample())
	})
}

func TestEventForwardValidation(t *testing.T) {
	type rule = confRule[EventForwardRequest]
	confCheckRules(t, forwardExample, func(c *Client, req *EventForwardRequest) error {
		return c.Event.Forward(context.Background(), req)
	},
		rule{"eventId", func(r *EventForwardRequest) { r.EventID = 0 }},
		rule{"attendList", func(r *EventForwardRequest) { r.Invitees = nil }},
		rule{"attendList[0].roleId", func(r *EventForwardRequest) { r.Invitees[0].RoleID = 0 }},
		rule{"attendList[0].userIdList", func(r *EventForwardRequest) { r.Invitees[0] = EventForwardGroup{RoleID: 2} }},
		rule{"attendList[0].userIdList[1]", func(r *EventForwardRequest) { r.Invitees[0].UserIDs[1] = -2 }},
		rule{"attendList[0].mobileList[1].mobile", func(r *EventForwardRequest) { r.Invitees[0].Mobiles[1].Mobile = " " }},
		rule{"attendList[0].emailList[0]", func(r *EventForwardRequest) { r.Invitees[0].Emails[0] = "secret-person" }},
	)
	api := newTestAPI(t)
	req := forwardExample()
	req.Invitees[0].Emails[0] = "private.person@"
	err := api.client.Event.Forward(context.Background(), req)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "private.person", "an e-mail address is never quoted")
}

func settingsExample() *EventSettingsUpdateRequest {
	return &EventSettingsUpdateRequest{
		EventID: 542814,
		ShowStyle: &EventShowStyle{Style: new("pro"), Background: new("#000000"), Button: new("#ff0000"),
			LogoURL: new("urlstring"), CoverURL: new("urlstring"), AdURL: new("urlstring")},
		Announcement: &EventAnnouncement{Enabled: new(true), Content: new("公告内容")},
		Replay:       &EventReplay{Validity: EventReplayUntil, Expires: time.Unix(1610393209, 0)},
		Organizer:    new("全时"),
		ViewerCount:  &EventViewerCount{Show: new(true), Base: new(1000)},
		Praise:       &EventPraise{Enabled: new(true), ShowCount: new(true), Base: new(0)},
		AntiScreen: &EventAntiScreen{Enabled: new(true), FontColor: new("red"), FontSize: new(20), Interval: new(20),
			Location: new("middle"), Opacity: new(20), Speed: new("middle"), Style: new("txt-nick"), Text: new("版权所有,盗版必究")},
	}
}

// The page's input groups, each as its table shows it (the page is cut
// before an answer; the fixture is the family's success envelope).
func TestEventUpdateSettingsOnTheWire(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventSettingsUpdate, "event/update.json")
	require.NoError(t, api.client.Event.UpdateSettings(context.Background(), settingsExample()))
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 542814,
		"show_style": {"value": "pro", "bg": "#000000", "button": "#ff0000", "logo": "urlstring", "cover": "urlstring", "adv": "urlstring"},
		"announcement": {"value": 1, "content": "公告内容"},
		"replay": {"value": 4, "expire_time": 1610393209},
		"organizer": "全时",
		"viewer_num": {"value": 1, "base_viewer_num": 1000},
		"praise": {"value": 1, "show_praise_num": 1, "base_praise_num": 0},
		"anti_screen": {"value": "1", "font_color": "red", "font_size": 20, "interval": 20, "location": "middle",
			"opacity": 20, "speed": "middle", "style": "txt-nick", "text": "版权所有,盗版必究"}}`, rec.last(t).Body)
}

// An update can turn every switch off and clear a text: false, 0 and "" are
// sent, nil is not.
func TestEventUpdateSettingsSendsOffZeroAndEmpty(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventSettingsUpdate, "event/update.json")
	req := &EventSettingsUpdateRequest{EventID: 7,
		Announcement: &EventAnnouncement{Enabled: new(false), Content: new("")},
		Replay:       &EventReplay{Validity: EventReplayForever},
		Organizer:    new(""),
		ViewerCount:  &EventViewerCount{Show: new(false)},
		Praise:       &EventPraise{Enabled: new(false), ShowCount: new(false)},
		AntiScreen:   &EventAntiScreen{Enabled: new(false), Text: new("")},
		WaterMark:    map[string]any{"value": 0},
	}
	require.NoError(t, api.client.Event.UpdateSettings(context.Background(), req))
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 7,
		"announcement": {"value": 0, "content": ""}, "replay": {"value": 0}, "organizer": "",
		"viewer_num": {"value": 0}, "praise": {"value": 0, "show_praise_num": 0},
		"anti_screen": {"value": "0", "text": ""}, "water_mark": {"value": 0}}`, rec.last(t).Body)

	require.NoError(t, api.client.Event.UpdateSettings(context.Background(), &EventSettingsUpdateRequest{EventID: 7}))
	assert.JSONEq(t, `{"token": "`+testToken+`", "eventId": 7}`, rec.last(t).Body, "nothing else is sent")
}

func TestEventUpdateSettingsErrors(t *testing.T) {
	checkErrorPaths(t, opEventSettingsUpdate, opEventSettingsUpdate.Path, func(c *Client) error {
		return c.Event.UpdateSettings(context.Background(), settingsExample())
	})
}

func TestEventUpdateSettingsValidation(t *testing.T) {
	type rule = confRule[EventSettingsUpdateRequest]
	confCheckRules(t, settingsExample, func(c *Client, req *EventSettingsUpdateRequest) error {
		return c.Event.UpdateSettings(context.Background(), req)
	},
		rule{"eventId", func(r *EventSettingsUpdateRequest) { r.EventID = 0 }},
		rule{"show_style.value", func(r *EventSettingsUpdateRequest) { r.ShowStyle.Style = new("dark") }},
		rule{"show_style.value", func(r *EventSettingsUpdateRequest) { r.ShowStyle.Style = new("") }},
		rule{"announcement.content", func(r *EventSettingsUpdateRequest) { r.Announcement.Content = nil }},
		rule{"announcement.content", func(r *EventSettingsUpdateRequest) { r.Announcement.Content = new(strings.Repeat("字", 501)) }},
		rule{"replay.value", func(r *EventSettingsUpdateRequest) { r.Replay.Validity = 2 }},
		rule{"replay.expire_time", func(r *EventSettingsUpdateRequest) { r.Replay.Expires = time.Time{} }},
		rule{"viewer_num.base_viewer_num", func(r *EventSettingsUpdateRequest) { r.ViewerCount.Base = nil }},
		rule{"viewer_num.base_viewer_num", func(r *EventSettingsUpdateRequest) { r.ViewerCount.Base = new(-1) }},
		rule{"praise.base_praise_num", func(r *EventSettingsUpdateRequest) { r.Praise.Base = new(-1) }},
	)
}
