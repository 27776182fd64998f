package quanshi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDashboardConferenceInfoDecodesTheSeedExample(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opDashboardConferenceInfo, "dashboard/info.json")
	c, err := api.client.Dashboard.ConferenceInfo(context.Background(), &DashboardConferenceInfoRequest{TempConferenceID: "56039682"})
	require.NoError(t, err)

	got := rec.last(t)
	assert.Equal(t, testBaseURL+"/confopenapi/admin/dashboard/conference/info", got.URL)
	assert.Equal(t, testToken, got.Header.Get("token"))
	assert.JSONEq(t, `{"token":"`+testToken+`","tempConferenceId":"56039682"}`, got.Body)

	assert.Equal(t, int64(1165158), c.EventID)
	assert.Equal(t, "56039682", c.TempConferenceID)
	assert.Equal(t, "产品发布会", c.Title)
	assert.Equal(t, "990001_239848688", c.BillingCode)
	assert.Equal(t, "990001", c.CustomerCode)
	assert.Equal(t, "123456", c.ParticipantPasscode)
	assert.Equal(t, int64(10001), c.HostID)
	assert.Equal(t, "张三", c.HostName)
	assert.Equal(t, "zhangsan@example.com", c.HostEmail)
	assert.Equal(t, "13800000000", c.HostMobile)
	assert.Equal(t, int64(2001), c.HostOrgID)
	assert.Equal(t, "10.0.0.1", c.HostIP)
	assert.Equal(t, "上海", c.HostLocation)
	eventAssertTime(t, time.Date(2024, 5, 13, 19, 33, 20, 0, Beijing), c.StartTime, "startTime")
	assert.True(t, c.StopTime.IsZero(), "stopTime 0: still running")
	assert.Equal(t, time.Hour, c.ConfDuration)
	require.NotNil(t, c.IsSecureConf)
	assert.False(t, *c.IsSecureConf)
	require.NotNil(t, c.IsRecord)
	assert.True(t, *c.IsRecord)
	assert.Equal(t, "阿里云", c.DataCenter)
	assert.Equal(t, ConferenceStatusInProgress, c.Status)
	assert.Equal(t, "in progress", c.Status.String())
	assert.Equal(t, 15, c.ParticipantCount)
	assert.Equal(t, 10, c.VoIPCount)
	assert.Equal(t, 2, c.PSTNCount)
	assert.Equal(t, 8, c.VideoShareCount)
	assert.Equal(t, 3, c.ScreenShareCount)
	assert.Zero(t, c.MCUCount)
	assert.Zero(t, c.BoxCount)
	assert.Equal(t, 15, c.RawParticipantCount)
	assert.Equal(t, 2, c.RawPSTNCount)
}

func TestDashboardConferenceInfoEndedWithNullFlags(t *testing.T) {
	api := newTestAPI(t)
	api.respond(opDashboardConferenceInfo, http.StatusOK, `{"status":0,"result":{"tempConferenceId":"56039682",
		"startTime":1715600000,"stopTime":1715603600,"confDuration":"3600","isSecureConf":null,"isRecord":null,"status":4}}`)
	c, err := api.client.Dashboard.ConferenceInfo(context.Background(), &DashboardConferenceInfoRequest{TempConferenceID: "56039682"})
	require.NoError(t, err)
	assert.Nil(t, c.IsSecureConf, "null is unknown, not false")
	assert.Nil(t, c.IsRecord)
	assert.Equal(t, ConferenceStatusEnded, c.Status)
	eventAssertTime(t, time.Date(2024, 5, 13, 20, 33, 20, 0, Beijing), c.StopTime, "stopTime")
	assert.Equal(t, time.Hour, c.ConfDuration)
}

func TestDashboardConferenceInfoErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opDashboardConferenceInfo, opDashboardConferenceInfo.Path, func(c *Client) error {
		_, err := c.Dashboard.ConferenceInfo(context.Background(), &DashboardConferenceInfoRequest{TempConferenceID: "56039682"})
		return err
	})
	checkRejected(t, "tempConferenceId", func(c *Client) error {
		_, err := c.Dashboard.ConferenceInfo(context.Background(), &DashboardConferenceInfoRequest{TempConferenceID: " "})
		return err
	})
}

func TestDashboardLiveConferencesDecodesThePage(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opDashboardLiveConferences, "dashboard/listbystatus.json")
	page, err := api.client.Dashboard.LiveConferences(context.Background(), &DashboardLiveConferencesRequest{
		AdminUserID: 123456789, Page: 1, Count: 10, FilterOneAttendee: new(false),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","adminUserId":123456789,"page":1,"count":10,"filterOneAttendee":false}`, rec.last(t).Body,
		"the page's example request; false is sent")
	assert.Equal(t, testToken, rec.last(t).Header.Get("token"))

	assert.Equal(t, 2, page.TotalCount)
	require.Len(t, page.Conferences, 2)
	c := page.Conferences[0]
	assert.Equal(t, int64(1165158), c.EventID)
	assert.Equal(t, "239848688", c.ConferenceID)
	assert.Equal(t, 1, c.HostAccountType)
	assert.Equal(t, "主持人账号", c.HostAccountTypeStr)
	assert.Equal(t, "市场部", c.HostOrgName)
	assert.Nil(t, c.IsSecureConf)
	assert.Nil(t, c.IsRecord)
	assert.True(t, c.StopTime.IsZero())
	d := page.Conferences[1]
	assert.Equal(t, int64(1165201), d.EventID, `"eventId":"1165201"`)
	assert.Equal(t, int64(10002), d.HostID)
	assert.Equal(t, 2, d.HostAccountType)
	eventAssertTime(t, time.Date(2024, 5, 13, 20, 33, 20, 0, Beijing), d.StartTime, `"startTime":"1715603600"`)
	assert.True(t, d.StopTime.IsZero(), `"stopTime":""`)
	assert.Equal(t, 20*time.Minute, d.ConfDuration)
	require.NotNil(t, d.IsSecureConf)
	assert.True(t, *d.IsSecureConf, `"isSecureConf":"true"`)
	require.NotNil(t, d.IsRecord)
	assert.False(t, *d.IsRecord, `"isRecord":0`)
	assert.Equal(t, ConferenceStatusInProgress, d.Status)
	assert.Equal(t, 4, d.ParticipantCount)
	assert.Equal(t, 1, d.BoxCount)
	assert.Equal(t, 5, d.RawParticipantCount)
}

func TestDashboardLiveConferencesErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opDashboardLiveConferences, opDashboardLiveConferences.Path, func(c *Client) error {
		_, err := c.Dashboard.LiveConferences(context.Background(), &DashboardLiveConferencesRequest{})
		return err
	})
	for field, r := range map[string]*DashboardLiveConferencesRequest{
		"page":  {Page: -2},
		"count": {Count: -1},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.Dashboard.LiveConferences(context.Background(), r)
			return err
		})
	}
	checkNilAccepted(t, opDashboardLiveConferences, `{"totalCount":0,"confList":[]}`, func(c *Client) error {
		_, err := c.Dashboard.LiveConferences(context.Background(), nil)
		return err
	})
}

// dashConferencePage is one page of listbystatus holding ids from..to-1.
func dashConferencePage(total, from, to int) string {
	var items []string
	for id := from; id < to; id++ {
		items = append(items, fmt.Sprintf(`{"eventId":%d,"tempConferenceId":"t%d","status":2}`, id, id))
	}
	return fmt.Sprintf(`{"status":0,"result":{"totalCount":%d,"confList":[%s]},"msg":"success"}`, total, strings.Join(items, ","))
}

func TestDashboardLiveConferencesIterWalksEveryPage(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opDashboardLiveConferences, func(body string) (int, string) {
		page, size := eventPageOf(t, body, "page", "count")
		from := (page-1)*size + 1
		return http.StatusOK, dashConferencePage(6, from, min(from+size, 7))
	})
	var ids []int64
	for c, err := range api.client.Dashboard.LiveConferencesIter(context.Background(), &DashboardLiveConferencesRequest{Count: 3, AdminUserID: 7}) {
		require.NoError(t, err)
		ids = append(ids, c.EventID)
	}
	assert.Equal(t, []int64{1, 2, 3, 4, 5, 6}, ids)
	require.Equal(t, 2, rec.count(), "totalCount 6 with 3 a page: no third request")
	for i, r := range rec.requests {
		page, size := eventPageOf(t, r.Body, "page", "count")
		assert.Equal(t, i+1, page)
		assert.Equal(t, 3, size)
		assert.Contains(t, r.Body, `"adminUserId":7`)
	}
}

func TestDashboardLiveConferencesIterStopsAtAnError(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opDashboardLiveConferences, func(body string) (int, string) {
		if page, _ := eventPageOf(t, body, "page", "count"); page == 3 {
			return http.StatusInternalServerError, businessFailure(FamilyConfOpenAPI)
		}
		return http.StatusOK, dashConferencePage(100, 1, 21)
	})
	items, err := collect(api.client.Dashboard.LiveConferencesIter(context.Background(), nil))
	assert.Len(t, items, 40)
	require.ErrorIs(t, err, ErrInvalidParameter)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusInternalServerError, apiErr.HTTPStatus)
	assert.Equal(t, 3, rec.count())
}

func TestDashboardParticipantsDecodesThePage(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opDashboardAttendees, "dashboard/list.json")
	page, err := api.client.Dashboard.Participants(context.Background(), &DashboardParticipantsRequest{EventID: 1165158, Page: 1, Count: 50})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","eventId":1165158,"page":1,"count":50}`, rec.last(t).Body)
	assert.Equal(t, testBaseURL+"/confopenapi/conference/attendee/list", rec.last(t).URL)

	require.Len(t, page.List, 2)
	a := page.List[0]
	assert.Equal(t, int64(1165158), a.EventID)
	assert.Equal(t, "239848688", a.ConferenceID)
	assert.Equal(t, int64(820143790), a.TempUserID)
	assert.Equal(t, int64(10001), a.UserID)
	assert.Equal(t, "990001", a.CustomerCode)
	assert.Equal(t, "张三", a.Name)
	assert.Equal(t, "zhangsan@example.com", a.Email)
	assert.Equal(t, "13800000000", a.Mobile)
	assert.Equal(t, 1, a.Role)
	assert.Equal(t, []int{1, 3}, a.Roles)
	assert.Equal(t, "Windows", a.DeviceType)
	assert.Equal(t, "6.8.2.15", a.DeviceVer)
	assert.Equal(t, "A1B2C3D4E5", a.DeviceID)
	assert.Equal(t, "192.168.1.20", a.LocalIP)
	assert.Equal(t, "10.0.0.1", a.IP)
	assert.Equal(t, "上海", a.Location)
	assert.Equal(t, "电信", a.Carrier)
	assert.Equal(t, "WIFI", a.NetType)
	b := page.List[1]
	assert.Equal(t, int64(820143791), b.TempUserID, `"tempUserId":"820143791"`)
	assert.Equal(t, "PSTN", b.DeviceType)
	assert.Zero(t, b.Role)
	assert.Empty(t, b.Roles)
}

func TestDashboardParticipantsErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opDashboardAttendees, opDashboardAttendees.Path, func(c *Client) error {
		_, err := c.Dashboard.Participants(context.Background(), &DashboardParticipantsRequest{EventID: 1165158})
		return err
	})
	for field, r := range map[string]*DashboardParticipantsRequest{
		"request": nil,
		"eventId": {Page: 1},
		"page":    {EventID: 1, Page: -1},
		"count":   {EventID: 1, Count: -20},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.Dashboard.Participants(context.Background(), r)
			return err
		})
	}
}

// dashAttendeePage is one page of attendee/list holding ids from..to-1.
func dashAttendeePage(from, to int) string {
	var items []string
	for id := from; id < to; id++ {
		items = append(items, fmt.Sprintf(`{"eventId":1165158,"tempUserId":%d,"name":"u%d"}`, id, id))
	}
	return `{"status":0,"result":{"list":[` + strings.Join(items, ",") + `]},"msg":"success"}`
}

func TestDashboardParticipantsIterStopsOnAShortPage(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opDashboardAttendees, func(body string) (int, string) {
		page, size := eventPageOf(t, body, "page", "count")
		from := (page-1)*size + 1
		return http.StatusOK, dashAttendeePage(from, min(from+size, 46))
	})
	req := &DashboardParticipantsRequest{EventID: 1165158}
	var ids []int64
	for a, err := range api.client.Dashboard.ParticipantsIter(context.Background(), req) {
		require.NoError(t, err)
		ids = append(ids, a.TempUserID)
	}
	require.Len(t, ids, 45)
	assert.Equal(t, int64(45), ids[44])
	assert.Equal(t, 3, rec.count(), "20 + 20 + 5: the short third page ends it")
	for i, r := range rec.requests {
		page, size := eventPageOf(t, r.Body, "page", "count")
		assert.Equal(t, i+1, page)
		assert.Equal(t, 20, size)
	}
	assert.Zero(t, req.Page)
	assert.Zero(t, req.Count, "the caller's request is not changed")

	// An exact multiple ends on the empty page after it.
	api = newTestAPI(t)
	rec = eventRespondFunc(api, opDashboardAttendees, func(body string) (int, string) {
		if page, _ := eventPageOf(t, body, "page", "count"); page == 2 {
			return http.StatusOK, `{"status":0,"result":{"list":[]}}`
		}
		return http.StatusOK, dashAttendeePage(1, 21)
	})
	items, err := collect(api.client.Dashboard.ParticipantsIter(context.Background(), req))
	require.NoError(t, err)
	assert.Len(t, items, 20)
	assert.Equal(t, 2, rec.count())
}

func TestDashboardParticipantsIterStopsAtAnError(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opDashboardAttendees, func(body string) (int, string) {
		if page, _ := eventPageOf(t, body, "page", "count"); page == 2 {
			return http.StatusOK, businessFailure(FamilyConfOpenAPI)
		}
		return http.StatusOK, dashAttendeePage(1, 6)
	})
	items, err := collect(api.client.Dashboard.ParticipantsIter(context.Background(), &DashboardParticipantsRequest{EventID: 1, Count: 5}))
	assert.Len(t, items, 5)
	require.ErrorIs(t, err, ErrInvalidParameter)
	assert.Equal(t, 2, rec.count())

	api = newTestAPI(t)
	_, err = collect(api.client.Dashboard.ParticipantsIter(context.Background(), nil))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "request", ve.Field, "the same nil rule as Participants")
	assert.Zero(t, api.mock.GetTotalCallCount())
}
