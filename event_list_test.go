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

func TestEventGetDecodesTheDetail(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventInfo, "event/info.json")
	ev, err := api.client.Event.Get(context.Background(), &EventGetRequest{EventID: 657341, IsReturnLiveStreamURL: new(true)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","eventId":657341,"isReturnLiveStreamUrl":1}`, rec.last(t).Body)
	assert.Equal(t, testEventBaseURL+"/eventopenapi/event/info", rec.last(t).URL)

	assert.Equal(t, int64(657341), ev.EventID)
	assert.Equal(t, "2024-10-18 14:35:18 会议", ev.Title)
	eventAssertTime(t, time.Date(2024, 10, 16, 13, 50, 18, 0, Beijing), ev.StartTime, "startTime")
	eventAssertTime(t, time.Date(2024, 10, 16, 14, 50, 18, 0, Beijing), ev.EndTime, "endTime")
	eventAssertTime(t, time.Date(2024, 10, 16, 13, 35, 19, 0, Beijing), ev.CreateTime, "createTime")
	eventAssertTime(t, time.Date(2024, 10, 16, 13, 36, 0, 0, Beijing), ev.ModifyTime, "modifyTime (a string)")
	assert.Equal(t, 60, ev.Length, `"length":"60"`)
	assert.Equal(t, EventFormWebMeeting, ev.EventForm)
	assert.Equal(t, "<p>this is a <strong>test</strong></p>", ev.Summary)
	assert.Equal(t, int64(88589613), ev.HostID, `"hostId":"88589613"`)
	assert.Equal(t, "new255", ev.HostName)
	assert.Equal(t, "95531303", ev.BillingCode)
	assert.Equal(t, "239836699", ev.ConferenceID)
	assert.Equal(t, EventStatusCreated, ev.Status)
	assert.Equal(t, "201501000037768087", ev.HostPasscode)
	assert.Equal(t, "201501000037768088", ev.ParticipantPasscode)
	assert.Equal(t, "https://stest.qsh1.cn/a/GVIZeXD76177", ev.JoinHostURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gektRgcWl?test=1", ev.TestAudienceUnionURL)
	assert.Equal(t, "https://testyunzhibo.quanshi.com/cover/657341.png", ev.LiveCover)
	assert.Equal(t, "https://dwz.cn/sIHU1bkX", ev.PhoneJoinURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkmBvD5N5je?webrtc=1", ev.WebRTCURL)
	require.Len(t, ev.LiveStreamURL, 1)
	assert.Equal(t, "tencent", ev.LiveStreamURL[0].Provider)
	assert.True(t, strings.HasSuffix(ev.LiveStreamURL[0].HLSURL, "&txTime=658FE7C9"))
	eventAssertTime(t, time.Date(2023, 12, 29, 16, 56, 41, 0, Beijing), ev.LiveStreamURL[0].URLExpireTime, "url_expire_time (ms)")
}

func TestEventGetErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opEventInfo, opEventInfo.Path, func(c *Client) error {
		_, err := c.Event.Get(context.Background(), &EventGetRequest{EventID: 657341})
		return err
	})
	for field, req := range map[string]*EventGetRequest{
		"request": nil,
		"eventId": {},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.Event.Get(context.Background(), req)
			return err
		})
	}
}

func TestEventListModifiedDecodesThePage(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventModifyList, "event/modify-list.json")
	page, err := api.client.Event.ListModified(context.Background(), &EventListModifiedRequest{
		From: time.Unix(1674208768, 0), To: time.Unix(1680083968, 0), Page: 1, PageSize: 10,
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","startTime":1674208768,"endTime":1680083968,"page":1,"pageSize":10}`, rec.last(t).Body)

	assert.Equal(t, 15, page.Count)
	require.Len(t, page.List, 2)
	first := page.List[0]
	assert.Equal(t, int64(542781), first.EventID)
	assert.Equal(t, "openapi 测试会议....", first.Summary)
	assert.Equal(t, "15029232544", first.HostName)
	assert.Equal(t, "http://stest.qsh1.cn/a/OVsNIX170A2E", first.JointHostURL)
	assert.Equal(t, first.JointHostURL, first.JoinHostURL, "jointHostUrl is copied to JoinHostURL")
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gdm8FQ2", first.LivePullURL)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkmBvD5N5je", first.HostJoinURL)
	assert.Equal(t, "https://dwz.cn/sIHU1bkX", first.PhoneJoinURL)
	assert.Equal(t, EventFormWebMeeting, first.EventForm)
	assert.Equal(t, EventStatusCancelled, first.EventStatus)
	eventAssertTime(t, time.Date(2023, 3, 29, 17, 0, 0, 0, Beijing), first.StartTime, "startTime")
	eventAssertTime(t, time.Date(2023, 3, 29, 17, 58, 20, 0, Beijing), first.ModifyTime, "modifyTime")
	second := page.List[1]
	assert.Equal(t, int64(542790), second.EventID, `"eventId":"542790"`)
	assert.Equal(t, EventFormLargeLive, second.EventForm, `"eventForm":"7"`)
	assert.Equal(t, EventStatus(1), second.EventStatus)
	assert.Equal(t, "http://stest.qsh1.cn/a/OVsNIX170A2F", second.JoinHostURL, "the detail spelling is kept")
	assert.Equal(t, int64(15029232), second.HostID)
	assert.Equal(t, 60, second.Length)
}

func TestEventListModifiedErrorsAndValidation(t *testing.T) {
	req := &EventListModifiedRequest{From: time.Unix(1674208768, 0)}
	checkErrorPaths(t, opEventModifyList, opEventModifyList.Path, func(c *Client) error {
		_, err := c.Event.ListModified(context.Background(), req)
		return err
	})
	for field, r := range map[string]*EventListModifiedRequest{
		"request":   nil,
		"startTime": {To: time.Unix(1680083968, 0)},
		"endTime":   {From: time.Unix(1680083968, 0), To: time.Unix(1674208768, 0)},
		"page":      {From: time.Unix(1674208768, 0), Page: -1},
		"pageSize":  {From: time.Unix(1674208768, 0), PageSize: -10},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.Event.ListModified(context.Background(), r)
			return err
		})
	}
}

// eventPageOf reads the page number and page size a list request asked for.
func eventPageOf(t *testing.T, body, pageKey, sizeKey string) (page, size int) {
	t.Helper()
	var all map[string]any
	require.NoError(t, decodeJSON([]byte(body), &all))
	num := func(k string) int { f, _ := all[k].(float64); return int(f) }
	return num(pageKey), num(sizeKey)
}

// eventModifiedPage is one page of the modify list holding ids from..to-1.
func eventModifiedPage(count, from, to int) string {
	var items []string
	for id := from; id < to; id++ {
		items = append(items, fmt.Sprintf(`{"eventId":%d,"title":"e%d","eventStatus":1}`, id, id))
	}
	return fmt.Sprintf(`{"code":200,"msg":"ok","data":{"count":%d,"list":[%s]}}`, count, strings.Join(items, ","))
}

func TestEventListModifiedIterWalksEveryPage(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opEventModifyList, func(body string) (int, string) {
		page, size := eventPageOf(t, body, "page", "pageSize")
		from := (page-1)*size + 1
		return http.StatusOK, eventModifiedPage(5, from, min(from+size, 6))
	})
	req := &EventListModifiedRequest{From: time.Unix(1674208768, 0), PageSize: 2}
	var ids []int64
	for ev, err := range api.client.Event.ListModifiedIter(context.Background(), req) {
		require.NoError(t, err)
		ids = append(ids, ev.EventID)
	}
	assert.Equal(t, []int64{1, 2, 3, 4, 5}, ids)
	require.Equal(t, 3, rec.count(), "count 5 with 2 a page is 3 pages")
	for i, r := range rec.requests {
		page, size := eventPageOf(t, r.Body, "page", "pageSize")
		assert.Equal(t, i+1, page)
		assert.Equal(t, 2, size)
		assert.Contains(t, r.Body, `"startTime":1674208768`)
	}
	assert.Zero(t, req.Page, "the caller's request is not changed")

	// Ranging again starts again from the first page.
	items, err := collect(api.client.Event.ListModifiedIter(context.Background(), req))
	require.NoError(t, err)
	assert.Len(t, items, 5)
	assert.Equal(t, 6, rec.count())
}

func TestEventListModifiedIterStopsAtAnError(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opEventModifyList, func(body string) (int, string) {
		if page, _ := eventPageOf(t, body, "page", "pageSize"); page == 2 {
			return http.StatusOK, businessFailure(FamilyEvent)
		}
		return http.StatusOK, eventModifiedPage(30, 1, 11)
	})
	items, err := collect(api.client.Event.ListModifiedIter(context.Background(), &EventListModifiedRequest{From: time.Unix(1674208768, 0)}))
	assert.Len(t, items, 10, "the first page (default size 10) is yielded before the error")
	require.ErrorIs(t, err, ErrInvalidParameter)
	assert.Equal(t, 2, rec.count(), "nothing is asked after the failing page")

	api = newTestAPI(t)
	_, err = collect(api.client.Event.ListModifiedIter(context.Background(), nil))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "request", ve.Field, "the same nil rule as ListModified")
	assert.Zero(t, api.mock.GetTotalCallCount())
}

func TestEventListPublicDecodesTheList(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventPublicList, "event/public-list.json")
	eventsRes, err := api.client.Event.ListPublic(context.Background(), &EventListPublicRequest{
		HostID: 88406965, ListType: new(EventListNonPublic), From: time.Unix(1680083968, 0), Count: 20,
	})
	require.NoError(t, err)
	events := eventsRes.Events
	assert.JSONEq(t, `{"token":"`+testToken+`","hostId":88406965,"listType":0,"startTime":1680083968,"count":20}`, rec.last(t).Body,
		"page 0 is the default and listType 0 is sent")

	require.Len(t, events, 2)
	e := events[0]
	assert.Equal(t, int64(567452), e.EventID)
	assert.Equal(t, "2023年度投资策略会", e.Title)
	eventAssertTime(t, time.Date(2023, 3, 30, 17, 0, 0, 0, Beijing), e.StartTime, "startTime")
	assert.Equal(t, 120, e.Length)
	assert.Equal(t, EventFormLargeLive, e.EventForm)
	assert.Equal(t, int64(88406965), e.HostID)
	assert.Equal(t, "张三", e.HostName)
	assert.Equal(t, "https://mtest.qsh1.cn/k/mkEPAQUu0X5", e.ParticipantJoinURL)
	assert.Equal(t, "https://ltest.qsh1.cn/activity/gdm8FR1", e.LivePullURL)
	assert.Equal(t, "201501000037700012", e.ParticipantPasscode)
	assert.Equal(t, "晨会", events[1].Title)
	assert.Equal(t, EventFormWebMeeting, events[1].EventForm)

	// Without a list type nothing is sent for it (the server's default, 2).
	_, err = api.client.Event.ListPublic(context.Background(), &EventListPublicRequest{Page: 3})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","page":3}`, rec.last(t).Body)
}

func TestEventListPublicErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opEventPublicList, opEventPublicList.Path, func(c *Client) error {
		_, err := c.Event.ListPublic(context.Background(), &EventListPublicRequest{})
		return err
	})
	for field, r := range map[string]*EventListPublicRequest{
		"listType": {ListType: new(EventListType(3))},
		"endTime":  {From: time.Unix(1680083968, 0), To: time.Unix(1674208768, 0)},
		"page":     {Page: -1},
		"count":    {Count: -1},
	} {
		checkRejected(t, field, func(c *Client) error {
			_, err := c.Event.ListPublic(context.Background(), r)
			return err
		})
	}
	checkNilAccepted(t, opEventPublicList, `[]`, func(c *Client) error {
		_, err := c.Event.ListPublic(context.Background(), nil)
		return err
	})
}

// eventPublicPage is one page of the public list holding ids from..to-1.
func eventPublicPage(from, to int) string {
	var items []string
	for id := from; id < to; id++ {
		items = append(items, fmt.Sprintf(`{"eventId":"%d","title":"e%d"}`, id, id))
	}
	return `{"code":200,"msg":"ok","data":[` + strings.Join(items, ",") + `]}`
}

func TestEventListPublicIterStartsAtPageZero(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opEventPublicList, func(body string) (int, string) {
		page, size := eventPageOf(t, body, "page", "count")
		from := page*size + 100
		return http.StatusOK, eventPublicPage(from, min(from+size, 107))
	})
	var ids []int64
	for ev, err := range api.client.Event.ListPublicIter(context.Background(), &EventListPublicRequest{Count: 3, ListType: new(EventListPublic)}) {
		require.NoError(t, err)
		ids = append(ids, ev.EventID)
	}
	assert.Equal(t, []int64{100, 101, 102, 103, 104, 105, 106}, ids)
	require.Equal(t, 3, rec.count())
	for i, r := range rec.requests {
		page, size := eventPageOf(t, r.Body, "page", "count")
		assert.Equal(t, i, page, "pages are numbered from 0")
		assert.Equal(t, 3, size)
		assert.Contains(t, r.Body, `"listType":1`)
	}
}

func TestEventListPublicIterStopsAtAnError(t *testing.T) {
	api := newTestAPI(t)
	rec := eventRespondFunc(api, opEventPublicList, func(body string) (int, string) {
		if page, _ := eventPageOf(t, body, "page", "count"); page == 1 {
			return http.StatusBadGateway, "<html>502 Bad Gateway</html>"
		}
		return http.StatusOK, eventPublicPage(1, 21)
	})
	var got []int64
	var errs []error
	for ev, err := range api.client.Event.ListPublicIter(context.Background(), nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, ev.EventID)
	}
	assert.Len(t, got, 20, "default count 20")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrMalformedResponse)
	assert.Equal(t, 1+3, rec.count(), "page 1 once, page 2 with its two retries, then the error")
}

func TestEventControlSendsExplicitZeros(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opEventControl, "event/control.json")
	err := api.client.Event.Control(context.Background(), &EventControlRequest{
		EventID: 636630, OperatorID: "982340", Lock: new(false), WaitingRoom: new(false),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","eventId":636630,"operatorId":"982340","lock":0,"waitingRoom":0}`, rec.last(t).Body,
		"unlock and close the waiting room; muteAll untouched")

	err = api.client.Event.Control(context.Background(), &EventControlRequest{EventID: 636630, MuteAll: new(true), Lock: new(true)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"token":"`+testToken+`","eventId":636630,"muteAll":1,"lock":1}`, rec.last(t).Body)
	assert.Equal(t, testEventBaseURL+"/eventopenapi/realtime/meeting/control", rec.last(t).URL)
}

func TestEventControlErrorsAndValidation(t *testing.T) {
	checkErrorPaths(t, opEventControl, opEventControl.Path, func(c *Client) error {
		return c.Event.Control(context.Background(), &EventControlRequest{EventID: 636630, Lock: new(true)})
	})
	for field, r := range map[string]*EventControlRequest{
		"request": nil,
		"eventId": {Lock: new(true)},
	} {
		checkRejected(t, field, func(c *Client) error {
			return c.Event.Control(context.Background(), r)
		})
	}
}
