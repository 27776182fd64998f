package quanshi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classicPOSTs are the classic (FamilyConference) POST operations with a
// plain body, and whether their page lists appKey in its request table
// (seed 001: §1 reservConference2, §2 updateReservConference, §8
// launchString and §11 getPhoneAccessNum list it; §4–§7, §9, §10, §12 list
// appId only and §13 confBindBox neither; api/180 getUserIdsByEmails lists
// it). searchAccount and createAccount log in with the admin's password
// instead and are left out.
var classicPOSTs = map[Operation]bool{
	opConferenceCreate:        true,
	opConferenceUpdate:        true,
	opConferenceLaunchString:  true,
	opConferenceAccessNumbers: true,
	opUserIDsByEmails:         true,
	opConferenceList:          false,
	opConferenceStatus:        false,
	opConferenceJoinURL:       false,
	opRecordingListByHosts:    false,
	opReportGet:               false,
	opRecordingDelete:         false,
	opConferenceBindBoxes:     false,
}

// With a token the legacy appKey goes only where the page lists it; without
// one it goes everywhere, being the only credential (issue 15, point 9).
func TestLegacyAppKeyOnlyWhereThePageListsIt(t *testing.T) {
	for op, listed := range classicPOSTs {
		assert.Equal(t, listed, op.AppKeyInBody, "%s: AppKeyInBody", op)
	}
	withToken := newTestAPI(t)
	mock := httpmock.NewMockTransport()
	c, err := NewClient(WithHTTPClient(&http.Client{Transport: mock}), WithBaseURL(testBaseURL),
		WithConfOpenAPIBaseURL(testConfOpenAPIBaseURL), WithLegacyAppKey(testLegacyAppKey), WithoutRetries())
	require.NoError(t, err)
	keyOnly := &testAPI{t: t, mock: mock, client: c}
	for op, listed := range classicPOSTs {
		for _, api := range []*testAPI{withToken, keyOnly} {
			rec := api.respond(op, http.StatusOK, `{"status":0,"result":null}`)
			require.NoError(t, api.client.call(context.Background(), op, probeRequest{ConferenceID: "9"}, nil), op.String())
			body := rec.last(t).Body
			if api == withToken && !listed {
				assert.Equal(t, `{"appId":6,"conferenceId":"9"}`, body, op.String())
				continue
			}
			assert.Equal(t, `{"appId":6,"appKey":"`+testLegacyAppKey+`","conferenceId":"9"}`, body, op.String())
		}
	}
}

// Seed 001 §13's request table lists boxInfoList and conferenceId only, on
// another host (confopenapi.quanshi.com): with a token, BindBoxes carries
// the token header and no appKey anywhere.
func TestBindBoxesCarriesNoAppKeyWithAToken(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceBindBoxes, "conference/confBindBox.json")
	_, err := api.client.Conference.BindBoxes(context.Background(), confBoxExample())
	require.NoError(t, err)
	got := rec.last(t)
	assert.True(t, strings.HasPrefix(got.URL, testConfOpenAPIBaseURL+"/"), got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.NotContains(t, got.Body, "appKey")
	assert.NotContains(t, got.Body, testLegacyAppKey)
	for name, values := range got.Header {
		for _, v := range values {
			assert.NotContains(t, v, testLegacyAppKey, name)
		}
	}
}

// Seed 001 §11 lists appKey ("appKey string 用户名") and sends it in its
// example: AccessNumbers keeps it with a token.
func TestAccessNumbersKeepsTheAppKeyItsPageLists(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opConferenceAccessNumbers, "conference/getPhoneAccessNum.json")
	_, err := api.client.Conference.AccessNumbers(context.Background(), &AccessNumberRequest{BillingCode: "93711845"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"appId": 6, "appKey": "`+testLegacyAppKey+`", "billingCode": "93711845"}`, rec.last(t).Body)
}
