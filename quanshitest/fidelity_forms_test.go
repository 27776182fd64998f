package quanshitest_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where a page is ambiguous, the SDK sends the form the strongest evidence
// gives and the sandbox takes every form the page gives (issue 15, point 9).

// Seed 000 (event create): listedCompany at the top level (the request
// table) or in extraInfo (the answer's echo); stockCode a number (the table)
// or a string (the echo); isReturnLiveStreamUrl at the top level (the
// sibling pages) or in extraInfo (the echo); joinLimits a number (the table)
// or a list (the echo); the parent as extraInfo.parentEventId (the echo, as a
// number or a numeric string) or parentId.
func TestEventCreateTakesEveryDocumentedPlacement(t *testing.T) {
	_, c := eventSandbox(t)
	ctx := context.Background()
	create := quanshi.Operation{Family: quanshi.FamilyEvent, Method: http.MethodPost, Path: "/eventopenapi/event/create"}
	parent, err := c.Event.Create(ctx, &quanshi.EventCreateRequest{CalType: quanshi.EventCalTypeStrategyParent, Title: "策略会"})
	require.NoError(t, err)
	listed := map[string]any{"calType": "FC", "meetingType": 2, "startTime": eventBase.Add(time.Hour).Unix(), "length": 60, "participants": []any{}}
	company := map[string]any{"customerName": "平安银行", "stockCode": "000001"}
	type answer struct {
		EventID       int64 `json:"eventId"`
		ParentID      int64 `json:"parentId"`
		LiveStreamURL []any `json:"liveStreamUrl"`
	}
	for _, tc := range []struct {
		name      string
		body      map[string]any
		stockCode string
		streams   bool
		limits    []quanshi.EventJoinLimit
	}{
		{"listedCompany at the top", map[string]any{"listedCompany": company}, "000001", false, nil},
		{"listedCompany in extraInfo", map[string]any{"extraInfo": map[string]any{"listedCompany": company}}, "000001", false, nil},
		{"both places, as the SDK sends", map[string]any{"listedCompany": company, "isReturnLiveStreamUrl": 1,
			"extraInfo": map[string]any{"listedCompany": company, "isReturnLiveStreamUrl": 1}}, "000001", true, nil},
		{"stockCode a number", map[string]any{"listedCompany": map[string]any{"customerName": "万科", "stockCode": 2}}, "2", false, nil},
		{"isReturnLiveStreamUrl in extraInfo", map[string]any{"listedCompany": company,
			"extraInfo": map[string]any{"isReturnLiveStreamUrl": 1}}, "000001", true, nil},
		{"joinLimits a number", map[string]any{"listedCompany": company, "extraInfo": map[string]any{"joinLimits": 7}},
			"000001", false, []quanshi.EventJoinLimit{quanshi.EventJoinLimitInstitutional}},
		{"joinLimits a list", map[string]any{"listedCompany": company, "extraInfo": map[string]any{"joinLimits": []int{1, 6}}},
			"000001", false, []quanshi.EventJoinLimit{quanshi.EventJoinLimitWhitelist, quanshi.EventJoinLimitEnrolled}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out answer
			require.NoError(t, c.Do(ctx, create, eventMerge(listed, tc.body), &out))
			assert.Equal(t, parent.EventID, out.ParentID)
			assert.Equal(t, tc.streams, len(out.LiveStreamURL) > 0, "liveStreamUrl in the answer")
			ev, err := c.Event.Get(ctx, &quanshi.EventGetRequest{EventID: out.EventID})
			require.NoError(t, err)
			assert.Equal(t, tc.stockCode, ev.ExtraInfo.ListedCompany.StockCode)
			assert.ElementsMatch(t, tc.limits, ev.ExtraInfo.JoinLimits)
		})
	}
	for name, body := range map[string]map[string]any{
		"parentEventId a number": {"extraInfo": map[string]any{"parentEventId": parent.EventID}},
		"parentEventId a string": {"extraInfo": map[string]any{"parentEventId": strconv.FormatInt(parent.EventID, 10)}},
		"parentId":               {"parentId": parent.EventID},
	} {
		var out answer
		require.NoError(t, c.Do(ctx, create, eventMerge(listed, eventMerge(body, map[string]any{"listedCompany": company})), &out), name)
		assert.Equal(t, parent.EventID, out.ParentID, name)
	}
	for name, body := range map[string]map[string]any{
		"two different companies": {"listedCompany": company, "extraInfo": map[string]any{"listedCompany": map[string]any{"customerName": "万科", "stockCode": "000002"}}},
		"two different flags":     {"listedCompany": company, "isReturnLiveStreamUrl": 0, "extraInfo": map[string]any{"isReturnLiveStreamUrl": 1}},
		"flag 2 in extraInfo":     {"listedCompany": company, "extraInfo": map[string]any{"isReturnLiveStreamUrl": 2}},
		"no company anywhere":     {},
	} {
		assert.ErrorIs(t, c.Do(ctx, create, eventMerge(listed, body), nil), quanshi.ErrInvalidParameter, name)
	}
}

// Seed 001 §1 types cycle string and its example sends the number 0; the
// SDK sends a number. Both forms of 2 (periodic) are read as 2: without
// periodEndDate they are refused, with it accepted.
func TestConferenceCycleTakesANumberOrAString(t *testing.T) {
	srv, _ := confSandbox(t)
	cred := fmt.Sprintf(`"appId": 6, "appKey": %q`, srv.LegacyAppKey)
	for _, cycle := range []string{`2`, `"2"`} {
		base := cred + `, "userId": 81299515, "title": "周期会", "length": 60, "starttime": "2026-11-22 20:00:00", "inviteeList": [], "cycle": ` + cycle
		env := confRaw(t, srv, "/conference/conference/reservConference2", `{`+base+`}`)
		assert.Equal(t, "50103", confRawCode(t, env), "cycle %s without periodEndDate", cycle)
		env = confRaw(t, srv, "/conference/conference/reservConference2", `{`+base+`, "periodEndDate": "2026-12-30"}`)
		assert.Equal(t, "0", confRawCode(t, env), "cycle %s: %v", cycle, env["msg"])
	}
}

// Seed 001 §14 types cycle string "0"/"1" and the SDK sends the string; a
// number is read the same: 1 without cycleRole is refused, with it accepted.
func TestRoomCycleTakesAStringOrANumber(t *testing.T) {
	_, c := roomSandbox(t)
	ctx := context.Background()
	for _, cycle := range []any{"1", 1} {
		body := map[string]any{"userId": roomHost, "title": "周会", "length": 30, "starttime": "2026-11-23 10:00:00", "cycle": cycle}
		assert.ErrorIs(t, c.Do(ctx, roomOpCreate, body, nil), quanshi.ErrInvalidParameter, "cycle %#v without cycleRole", cycle)
		body["cycleRole"] = map[string]any{"frequency": "daily", "interval": 1}
		require.NoError(t, c.Do(ctx, roomOpCreate, body, nil), "cycle %#v", cycle)
	}
}

// Seed 001 §23 types startTime/endTime "string, 毫秒" and its example sends
// 10-digit seconds as numbers (what the SDK sends): seconds and milliseconds,
// as numbers or strings, give the same page.
func TestRoomListByAdminTakesSecondsOrMilliseconds(t *testing.T) {
	_, c := roomSandbox(t)
	ctx := context.Background()
	for _, start := range []time.Time{roomBase.Add(time.Hour), roomBase.Add(26 * time.Hour)} {
		_, err := c.Room.Create(ctx, roomBooking("会", start))
		require.NoError(t, err)
	}
	from, to := roomBase.Unix(), roomBase.Add(48*time.Hour).Unix()
	for name, span := range map[string][2]any{
		"seconds as numbers":      {from, to},
		"seconds as strings":      {strconv.FormatInt(from, 10), strconv.FormatInt(to, 10)},
		"milliseconds as strings": {strconv.FormatInt(from*1000, 10), strconv.FormatInt(to*1000, 10)},
		"milliseconds as numbers": {from * 1000, to * 1000},
	} {
		var page []map[string]any
		require.NoError(t, c.Do(ctx, roomOpAdmin, map[string]any{"startTime": span[0], "endTime": span[1]}, &page), name)
		assert.Len(t, page, 2, name)
	}
	narrow := map[string]any{"startTime": strconv.FormatInt(roomBase.Add(25*time.Hour).Unix()*1000, 10), "endTime": to * 1000}
	var page []map[string]any
	require.NoError(t, c.Do(ctx, roomOpAdmin, narrow, &page))
	assert.Len(t, page, 1, "milliseconds are read as milliseconds, not as a far-future second")
}
