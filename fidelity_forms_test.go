package quanshi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15 point 4: values of the documented type never fail the call.

// Seed 001 §5's table types extraInfo as a String, the example sends null
// and the create example an object: each form decodes.
func TestConferenceInfoExtraInfoForms(t *testing.T) {
	for form, want := range map[string]ConferenceExtraInfo{
		`null`: {},
		`""`:   {},
		`{"joinMethod":{"box":1,"hardwareVideo":0,"lync":0}}`:           {JoinMethod: &ConferenceJoinMethod{Box: 1}},
		`"{\"joinMethod\":{\"box\":0,\"hardwareVideo\":1,\"lync\":0}}"`: {JoinMethod: &ConferenceJoinMethod{HardwareVideo: 1}},
		`"硬件会议室"`: {Text: "硬件会议室"},
	} {
		body := strings.Replace(fixture(t, "conference/getConferenceBaseInfoById.json"), `"extraInfo": null`, `"extraInfo": `+form, 1)
		api := newTestAPI(t)
		api.respondPath(FamilyConference, http.MethodPost, "/conference/conference/getConferenceBaseInfoById/6/239136921", http.StatusOK, body)
		info, err := api.client.Conference.Get(context.Background(), &ConferenceGetRequest{ConferenceID: "239136921"})
		require.NoError(t, err, form)
		assert.Equal(t, want, info.ExtraInfo, form)
	}
	// A request still sends only the object's members.
	b, err := encodeJSON(ConferenceExtraInfo{JoinMethod: &ConferenceJoinMethod{Box: 1}, Text: "x"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"joinMethod":{"box":1,"hardwareVideo":0,"lync":0}}`, string(b))
}

// Seed 001 §17's table types sharedMedia "json" (0 no, 1 yes), the examples
// send null: a number, a string and any JSON are kept as sent.
func TestMeetingSharedMediaForms(t *testing.T) {
	for _, form := range []string{`null`, `0`, `1`, `"1"`, `{"name":"a.mp4"}`, `[{"id":3}]`} {
		body := strings.Replace(fixture(t, "room/infos.json"), `"sharedMedia": null`, `"sharedMedia": `+form, 1)
		api := newTestAPI(t)
		api.respond(opRoomGet, http.StatusOK, body)
		res, err := api.client.Room.Get(context.Background(), &RoomGetRequest{ConferenceID: "239608224", UserID: 87679779})
		require.NoError(t, err, form)
		assert.Equal(t, json.RawMessage(form), res.Meetings[0].SharedMedia, form)
	}
}
