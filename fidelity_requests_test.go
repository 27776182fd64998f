package quanshi

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Requests where the page is ambiguous, sent the way the strongest evidence
// says (issue 15, point 9). Each test names the page and the evidence.

// Seed 000 (en/api/608): the create answer echoes listedCompany (stockCode
// "122222", a string), isReturnLiveStreamUrl, joinLimits (an array) and
// parentEventId inside extraInfo. listedCompany is also a top-level row of
// the request table, and the sibling pages take isReturnLiveStreamUrl at the
// top level, so those two go to both places with the same value.
func TestEventCreatePlacesTheEchoedMembersInExtraInfo(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventCreate, "event/create.json")
	_, err := api.client.Event.Create(context.Background(), &EventCreateRequest{
		CalType: EventCalTypeListedCompany, MeetingType: EventMeetingTypeListedCompany,
		ListedCompany: &EventListedCompany{CustomerName: "平安银行", StockCode: "000001"},
		Participants:  []byte(`[]`), StartTime: time.Unix(1729057818, 0), Length: 60,
		IsReturnLiveStreamURL: new(false),
		ExtraInfo:             &EventCreateExtraInfo{JoinLimits: []EventJoinLimit{EventJoinLimitWhitelist}, ParentEventID: 657300},
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "calType": "FC", "meetingType": 2,
		"participants": [], "startTime": 1729057818, "length": 60,
		"listedCompany": {"customerName": "平安银行", "stockCode": "000001"},
		"isReturnLiveStreamUrl": 0,
		"extraInfo": {"joinLimits": [1], "parentEventId": 657300,
			"listedCompany": {"customerName": "平安银行", "stockCode": "000001"},
			"isReturnLiveStreamUrl": 0}}`, rec.last(t).Body)

	_, err = api.client.Event.Create(context.Background(), &EventCreateRequest{CalType: EventCalTypeStrategyParent})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token": "`+testToken+`", "calType": "F"}`, rec.last(t).Body, "no extraInfo when nothing goes in it")
}

// Seed 001 §1 (reservConference2): the table types cycle string, the
// request example sends "cycle": 0, a number; §14 (confopenapi/room/
// reservConference) types it string "0"/"1" and sends no example. Each
// endpoint gets its own form.
func TestCycleTakesEachEndpointsOwnForm(t *testing.T) {
	api := newTestAPI(t)
	classic := api.respondFixture(opConferenceCreate, "conference/reservConference2.json")
	_, err := api.client.Conference.Create(context.Background(), &ConferenceCreateRequest{
		ConferenceOptions: ConferenceOptions{UserID: 81299515, Title: "t", Length: 120,
			StartTime: time.Date(2020, 9, 7, 20, 0, 0, 0, Beijing)},
		Cycle: ConferenceCyclePeriodic, PeriodEndDate: time.Date(2020, 12, 30, 0, 0, 0, 0, Beijing),
	})
	require.NoError(t, err)
	assert.Contains(t, classic.last(t).Body, `"cycle":2,`)

	room := api.respondFixture(opRoomCreate, "room/reservConference.json")
	_, err = api.client.Room.Create(context.Background(), &RoomCreateRequest{UserID: 88415897, Title: "t", Length: 30,
		StartTime: time.Date(2021, 9, 15, 19, 0, 0, 0, Beijing), Cycle: new(true),
		CycleRole: &CycleRule{Frequency: CycleDaily, Interval: 1}})
	require.NoError(t, err)
	assert.Contains(t, room.last(t).Body, `"cycle":"1"`)
	update := api.respondFixture(opRoomUpdate, "room/updateReservConference.json")
	_, err = api.client.Room.Update(context.Background(), &RoomUpdateRequest{EventID: 524331,
		RoomCreateRequest: RoomCreateRequest{UserID: 88415897, Title: "t", Length: 30,
			StartTime: time.Date(2021, 9, 15, 19, 0, 0, 0, Beijing), Cycle: new(false)}})
	require.NoError(t, err)
	assert.Contains(t, update.last(t).Body, `"cycle":"0"`)
}
