package quanshi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/go-resty/resty/v2"
)

// benchCase is one call: its route and payload, and what each
// implementation sends and decodes.
type benchCase struct {
	name string
	// prefix is the family's base path on the benchmark server, path the
	// endpoint's.
	prefix, path string
	fixture      string
	grow         *growth
	// op is the SDK's operation, for the decode-only benchmark.
	op Operation
	// request is the request a hand-written client builds: a struct for
	// JSON, url.Values for a form.
	request func(token string) any
	// needed and every return a fresh value to decode the answer into,
	// which reports its business code; success is the code of success.
	needed, every func() any
	success       int64
	sdk           func(ctx context.Context, c *Client) error
	sdkOut        func() any
}

func (bc benchCase) route() string { return bc.prefix + bc.path }

// handClient is the hand-written client: net/http and encoding/json v1.
type handClient struct {
	hc    *http.Client
	base  string
	token string
}

// post encodes req (a struct as JSON, url.Values as a form), sends it and
// decodes the answer into out, as a user would write it.
func (h *handClient) post(ctx context.Context, path string, req, out any) error {
	data, contentType, err := encodeBenchRequest(req)
	if err != nil {
		return err
	}
	raw, err := h.exchange(ctx, path, contentType, data)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

func encodeBenchRequest(req any) ([]byte, string, error) {
	if form, ok := req.(url.Values); ok {
		return []byte(form.Encode()), "application/x-www-form-urlencoded", nil
	}
	data, err := json.Marshal(req)
	return data, "application/json", err
}

// exchange sends a ready body and reads the whole answer: the floor.
func (h *handClient) exchange(ctx context.Context, path, contentType string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("token", h.token)
	resp, err := h.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return raw, err
}

// restyExchange is exchange through bare resty.
func restyExchange(ctx context.Context, rc *resty.Client, url, contentType, token string, body []byte) error {
	resp, err := rc.R().SetContext(ctx).SetHeader("Content-Type", contentType).SetHeader("token", token).
		SetBody(bytes.NewReader(body)).SetDoNotParseResponse(true).Post(url)
	if err != nil {
		return err
	}
	defer resp.RawBody().Close()
	if _, err := io.ReadAll(resp.RawBody()); err != nil {
		return err
	}
	if resp.StatusCode() != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode())
	}
	return nil
}

// handContext is the deadline of a hand-written call: what net/http does
// for an http.Client with a 30 s Timeout on an *http.Transport (a context
// deadline), done by hand so that it costs the same over cannedTransport,
// where net/http's Timeout would take its slower path for unknown
// transports (a goroutine and a timer per request).
func handContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(callContext(), 30*time.Second)
}

// callContext is the context every implementation's call starts from:
// context.Background, or a traced one in BenchmarkPhases.
var callContext = context.Background

// impls builds the case's five implementations on srv, each on its own
// transport from newTransport.
func (bc benchCase) impls(tb testing.TB, srv *benchServer, newTransport func() http.RoundTripper) []*benchImpl {
	hand := func() *handClient {
		return &handClient{hc: &http.Client{Transport: newTransport()}, base: srv.URL, token: testToken}
	}
	floor, needed, every := hand(), hand(), hand()
	rc := resty.NewWithClient(&http.Client{Transport: newTransport()})
	sdk := srv.sdkClient(tb, newTransport(), WithToken(testToken))
	body, contentType, err := encodeBenchRequest(bc.request(testToken))
	if err != nil {
		tb.Fatal(err)
	}
	decoded := func(h *handClient, fresh func() any) func() error {
		return func() error {
			ctx, cancel := handContext()
			defer cancel()
			out := fresh()
			if err := h.post(ctx, bc.route(), bc.request(h.token), out); err != nil {
				return err
			}
			if code := out.(interface{ businessCode() int64 }).businessCode(); code != bc.success {
				return fmt.Errorf("business code %d", code)
			}
			return nil
		}
	}
	return []*benchImpl{
		{name: "floor", call: func() error {
			ctx, cancel := handContext()
			defer cancel()
			_, err := floor.exchange(ctx, bc.route(), contentType, body)
			return err
		}},
		{name: "needed", call: decoded(needed, bc.needed)},
		{name: "every", call: decoded(every, bc.every)},
		{name: "resty", call: func() error {
			ctx, cancel := handContext()
			defer cancel()
			return restyExchange(ctx, rc, srv.URL+bc.route(), contentType, testToken, body)
		}},
		{name: "sdk", call: func() error { return bc.sdk(callContext(), sdk) }},
	}
}

var benchStart = time.Date(2022, 1, 1, 15, 0, 0, 0, Beijing)

// The requests a hand-written client sends, as structs.
type (
	benchLegacyRequest struct {
		AppID        int    `json:"appId"`
		AppKey       string `json:"appKey"`
		ConferenceID string `json:"conferenceId"`
	}
	benchRoomGetRequest struct {
		Token        string `json:"token"`
		ConferenceID string `json:"conferenceId"`
	}
	benchRoomListRequest struct {
		Token     string `json:"token"`
		StartTime int64  `json:"startTime"`
		EndTime   int64  `json:"endTime"`
		UserID    int64  `json:"userId"`
	}
	benchEventCreateRequest struct {
		Token         string `json:"token"`
		CalType       string `json:"calType"`
		MeetingType   int    `json:"meetingType"`
		HostID        int64  `json:"hostId"`
		Title         string `json:"title"`
		Summary       string `json:"summary"`
		ListedCompany struct {
			CustomerName string `json:"customerName"`
			StockCode    string `json:"stockCode"`
		} `json:"listedCompany"`
		Participants []struct {
			UserID int64 `json:"userId"`
		} `json:"participants"`
		StartTime int64 `json:"startTime"`
		Length    int   `json:"length"`
	}
	benchEventListRequest struct {
		Token  string `json:"token"`
		HostID int64  `json:"hostId"`
		Count  int    `json:"count"`
	}
)

func legacyRequest(string) any {
	return benchLegacyRequest{AppID: 6, AppKey: testLegacyAppKey, ConferenceID: benchConfID}
}

func roomGetRequest(token string) any {
	return benchRoomGetRequest{Token: token, ConferenceID: benchConfID}
}

func eventCreateRequest(token string) any {
	r := benchEventCreateRequest{Token: token, CalType: "FC", MeetingType: 2, HostID: 88589613,
		Title: "2024-10-18 14:35:18 会议", Summary: "this is a test", StartTime: 1729057818, Length: 60}
	r.ListedCompany.CustomerName, r.ListedCompany.StockCode = "2233", "002233"
	r.Participants = append(r.Participants, struct {
		UserID int64 `json:"userId"`
	}{88589613})
	return r
}

func benchForm(fields ...string) url.Values {
	form := url.Values{"api_key": {testUMeetingKey}, "api_secret": {testUMeetingSecret}}
	for i := 0; i+1 < len(fields); i += 2 {
		form.Set(fields[i], fields[i+1])
	}
	return form
}

var sdkEventCreate = &EventCreateRequest{
	CalType: EventCalTypeListedCompany, MeetingType: EventMeetingTypeListedCompany, HostID: 88589613,
	Title: "2024-10-18 14:35:18 会议", Summary: "this is a test",
	ListedCompany: &EventListedCompany{CustomerName: "2233", StockCode: "002233"},
	Participants:  json.RawMessage(`[{"userId":88589613}]`), StartTime: time.Unix(1729057818, 0), Length: 60,
}

var benchCases = []benchCase{
	{
		name: "ConferenceStatus", prefix: benchOpenAPI, path: "/conference/conference/getConfStatus",
		fixture: "conference/getConfStatus.json", op: opConferenceStatus, request: legacyRequest,
		needed: func() any { return new(neededStatus) }, every: func() any { return new(benchAllStatus) },
		sdk: func(ctx context.Context, c *Client) error {
			_, err := c.Conference.Status(ctx, &ConferenceStatusRequest{ConferenceID: benchConfID})
			return err
		},
		sdkOut: func() any { return new(ConferenceStatusResult) },
	},
	meetingsCase("RoomGet", "/confopenapi/room/conference/infos", nil, opRoomGet, roomGetRequest,
		func(ctx context.Context, c *Client) error {
			_, err := c.Room.Get(ctx, &RoomGetRequest{ConferenceID: benchConfID})
			return err
		}),
	meetingsCase("RoomList100", "/confopenapi/room/conference/list", &growth{path: []string{"result"}, n: 100}, opRoomList,
		func(token string) any {
			return benchRoomListRequest{Token: token, StartTime: benchStart.Unix(), EndTime: benchStart.Add(7 * 24 * time.Hour).Unix(), UserID: 87679779}
		},
		func(ctx context.Context, c *Client) error {
			_, err := c.Room.List(ctx, &RoomListRequest{From: benchStart, To: benchStart.Add(7 * 24 * time.Hour), UserID: 87679779})
			return err
		}),
	{
		name: "ReportGet1000", prefix: benchOpenAPI, path: "/conference/report/getReportData",
		fixture: "report/getReportData.json", grow: &growth{path: []string{"result", "attendees"}, n: 1000},
		op: opReportGet, request: legacyRequest,
		needed: func() any { return new(neededReport) }, every: func() any { return new(benchAllReport) },
		sdk: func(ctx context.Context, c *Client) error {
			_, err := c.Report.Get(ctx, &ReportGetRequest{ConferenceID: benchConfID})
			return err
		},
		sdkOut: func() any { return new(Report) },
	},
	{
		name: "EventCreate", prefix: benchEvents, path: "/eventopenapi/event/create", success: 200,
		fixture: "event/create.json", op: opEventCreate, request: eventCreateRequest,
		needed: func() any { return new(neededEventCreate) }, every: func() any { return new(benchAllEventCreate) },
		sdk: func(ctx context.Context, c *Client) error {
			_, err := c.Event.Create(ctx, sdkEventCreate)
			return err
		},
		sdkOut: func() any { return new(Event) },
	},
	{
		name: "EventList100", prefix: benchEvents, path: "/eventopenapi/event/public/list", success: 200,
		fixture: "event/public-list.json", grow: &growth{path: []string{"data"}, n: 100}, op: opEventPublicList,
		request: func(token string) any { return benchEventListRequest{Token: token, HostID: 88406965, Count: 100} },
		needed:  func() any { return new(neededEvents) }, every: func() any { return new(benchAllEvents) },
		sdk: func(ctx context.Context, c *Client) error {
			_, err := c.Event.ListPublic(ctx, &EventListPublicRequest{HostID: 88406965, Count: 100})
			return err
		},
		sdkOut: func() any { return new([]Event) },
	},
	{
		name: "UMeetingSchedule", prefix: benchUMeeting, path: "/umeeting/share/schedule", success: 200,
		fixture: "umeeting/schedule.json", op: opUMeetingSchedule,
		request: func(string) any {
			return benchForm("topic", "Weekly sync", "meeting_capacity", "25", "start_time", FormatWallClock(benchStart), "duration", "60")
		},
		needed: func() any { return new(neededSchedule) }, every: func() any { return new(benchAllSchedule) },
		sdk: func(ctx context.Context, c *Client) error {
			_, err := c.UMeeting.Schedule(ctx, &UMeetingScheduleRequest{Topic: "Weekly sync", MeetingCapacity: 25, StartTime: benchStart, Duration: 60})
			return err
		},
		sdkOut: func() any { return new(UMeetingScheduleResult) },
	},
	{
		name: "UMeetingList100", prefix: benchUMeeting, path: "/umeeting/share/list", success: 200,
		fixture: "umeeting/list.json", grow: &growth{path: []string{"data", "meetings"}, item: 1, n: 100}, op: opUMeetingList,
		request: func(string) any { return benchForm("page_number", "1", "page_size", strconv.Itoa(100)) },
		needed:  func() any { return new(neededUMeetingPage) }, every: func() any { return new(benchAllUMeetingPage) },
		sdk: func(ctx context.Context, c *Client) error {
			_, err := c.UMeeting.List(ctx, &UMeetingListRequest{PageNumber: 1, PageSize: 100})
			return err
		},
		sdkOut: func() any { return new(UMeetingPage) },
	},
}

// meetingsCase is a /confopenapi/room call answering a list of meetings.
func meetingsCase(name, path string, grow *growth, op Operation, request func(string) any, sdk func(context.Context, *Client) error) benchCase {
	fixture := "room/infos.json"
	if grow != nil {
		fixture = "room/list.json"
	}
	return benchCase{
		name: name, prefix: benchOpenAPI, path: path, fixture: fixture, grow: grow, op: op, request: request,
		needed: func() any { return new(neededMeetings) }, every: func() any { return new(benchAllMeetings) },
		sdk: sdk, sdkOut: func() any { return new([]Meeting) },
	}
}
