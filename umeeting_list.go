package quanshi

import (
	"cmp"
	"context"
	"iter"
	"net/http"
	"time"
)

// UMeeting is a meeting as Get, List and History return it. Each endpoint
// fills its own subset. The API sends numbers, strings and booleans for the
// same fields from page to page ("duration": 20 or "50", "status": 1 or
// "0"); all of them decode.
type UMeeting struct {
	// ID (id) is the meeting number.
	ID string `json:"id"`
	// Topic (topic) is the subject.
	Topic string `json:"topic"`
	// StartTime (start_time) is when it starts (or started).
	StartTime time.Time `json:"start_time" time:"text"`
	// EndTime (end_time) is when it ended (History; zero for a meeting cancelled
	// before it started).
	EndTime time.Time `json:"end_time" time:"text"`
	// Duration (duration) is the length in minutes.
	Duration int `json:"duration"`
	// Status (status): 0 scheduled, 1 in progress, 2 cancelled, 3 ended.
	Status UMeetingStatus `json:"status"`
	// Type (type): 1 instant, 2 scheduled (List).
	Type UMeetingType `json:"type"`
	// JoinURL (join_url) is the participants' join link.
	JoinURL string `json:"join_url"`
	// HostKey (host_key) is the host key (List; secret).
	HostKey string `json:"host_key"`
	// Password is the meeting password (Get).
	Password string `json:"password"`
	// UserKey (user_key) is the booking user's key (Get; the page spells it user_Key).
	UserKey string `json:"user_key,case:ignore"`
	// MeetingCapacity (meeting_capacity) is the number of seats (Get).
	MeetingCapacity int `json:"meeting_capacity"`
	// Deleted (del_flag) reports a deleted meeting (del_flag 1; 0 a normal
	// one) (Get).
	Deleted bool `json:"del_flag"`
	// AllowLiveStreaming (allow_live_streaming) says whether live streaming is on (Get).
	AllowLiveStreaming bool `json:"allow_live_streaming"`
	// MuteUponEntry (mute_upon_entry) says whether participants are muted on entry.
	MuteUponEntry bool `json:"mute_upon_entry"`
	// PlayAddr (play_addr) is the live stream's video address (Get).
	PlayAddr string `json:"play_addr"`
	// WatchURL (watch_url) is the live stream's watch page (Get).
	WatchURL string `json:"watch_url"`
}

var opUMeetingGet = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/get", Idempotent: true}

// UMeetingGetRequest names the meeting Get returns.
type UMeetingGetRequest struct {
	// MeetingID is the meeting number (meeting_id). Required.
	MeetingID string `json:"meeting_id"`
}

// Get returns one meeting by its number: time, length, state, subject,
// capacity and links.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/huo-qu-hui-yi-xin-xi.md
//
//quanshi:operation POST /umeeting/share/get
func (s *UMeetingService) Get(ctx context.Context, req *UMeetingGetRequest, opts ...CallOption) (*UMeeting, error) {
	if err := notNil(opUMeetingGet, req); err != nil {
		return nil, err
	}
	v := newCheck(opUMeetingGet)
	v.required("meeting_id", req.MeetingID)
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[UMeeting](ctx, s.caller(), opUMeetingGet, req, opts)
}

// UMeetingListRequest asks for one page of online or past meetings.
type UMeetingListRequest struct {
	// UserKey (user_key) restricts the list to the meetings booked with this key;
	// empty lists all of them.
	UserKey string `json:"user_key,omitempty"`
	// PageSize (page_size) is the number of meetings a page (default 30 when zero).
	PageSize int `json:"page_size,omitzero"`
	// PageNumber (page_number) is the page number, from 1 (the default when zero).
	PageNumber int `json:"page_number,omitzero"`
}

// UMeetingPage is one page of meetings. List fills the paging members;
// History fills Total.
type UMeetingPage struct {
	// PageNum (page_num) is this page's number.
	PageNum int `json:"page_num"`
	// PageSize (page_size) is the number of meetings a page.
	PageSize int `json:"page_size"`
	// TotalRecord (total_record) is the number of meetings in all pages (List).
	TotalRecord int `json:"total_record"`
	// TotalPage (total_page) is the number of pages (List).
	TotalPage int `json:"total_page"`
	// HasPreviousPage (has_previous_page) says whether a page comes before this one.
	HasPreviousPage bool `json:"has_previous_page"`
	// HasNextPage (has_next_page) says whether a page follows this one.
	HasNextPage bool `json:"has_next_page"`
	// Total (total) is the number of meetings in all pages (History).
	Total int `json:"total"`
	// Meetings holds this page's meetings.
	Meetings []UMeeting `json:"meetings"`
}

// umPageSize is the server's default page_size.
const umPageSize = 30

var opUMeetingList = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/list", Idempotent: true}

// List returns one page of the online meetings (booked or running), all of
// them or those booked with one user key. Pages are numbered from 1. req may
// be nil: every field is optional.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/zai-xian-hui-yi-cha-xun-jie-kou.md
//
//quanshi:operation POST /umeeting/share/list
func (s *UMeetingService) List(ctx context.Context, req *UMeetingListRequest, opts ...CallOption) (*UMeetingPage, error) {
	return s.umPage(ctx, opUMeetingList, req, opts)
}

// ListIter iterates over every online meeting, page by page from
// req.PageNumber (default 1), stopping after the last page. An error is
// yielded once and ends the iteration. req may be nil; it is copied, not
// changed.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/zai-xian-hui-yi-cha-xun-jie-kou.md
//
//quanshi:operation POST /umeeting/share/list
func (s *UMeetingService) ListIter(ctx context.Context, req *UMeetingListRequest, opts ...CallOption) iter.Seq2[*UMeeting, error] {
	return s.umPages(ctx, req, s.List, opts)
}

var opUMeetingHistory = Operation{Family: FamilyUMeeting, Method: http.MethodPost, Path: "/umeeting/share/history", Idempotent: true}

// History returns one page of the past meetings (cancelled or ended), all
// of them or those booked with one user key. Pages are numbered from 1.
// req may be nil: every field is optional. The vendor marks the page "Coming soon".
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/li-shi-hui-yi-cha-xun-jie-kou.md
//
//quanshi:operation POST /umeeting/share/history
func (s *UMeetingService) History(ctx context.Context, req *UMeetingListRequest, opts ...CallOption) (*UMeetingPage, error) {
	return s.umPage(ctx, opUMeetingHistory, req, opts)
}

// HistoryIter iterates over every past meeting, page by page from
// req.PageNumber (default 1), stopping after the last page. An error is
// yielded once and ends the iteration. req may be nil; it is copied, not
// changed.
//
// UMeeting API docs: https://github.com/SYSTECdev/Umeeting-Share-Rooms-API/blob/master/hui-yi-guan-li-api/li-shi-hui-yi-cha-xun-jie-kou.md
//
//quanshi:operation POST /umeeting/share/history
func (s *UMeetingService) HistoryIter(ctx context.Context, req *UMeetingListRequest, opts ...CallOption) iter.Seq2[*UMeeting, error] {
	return s.umPages(ctx, req, s.History, opts)
}

// umPage sends one page request of List or History.
func (s *UMeetingService) umPage(ctx context.Context, op Operation, req *UMeetingListRequest, opts []CallOption) (*UMeetingPage, error) {
	req = orEmpty(req)
	v := newCheck(op)
	v.rule(req.PageSize >= 0, "page_size", "must not be negative")
	v.rule(req.PageNumber >= 0, "page_number", "must be 1 or more")
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[UMeetingPage](ctx, s.caller(), op, req, opts)
}

// umPages iterates over the pages of List or History.
func (s *UMeetingService) umPages(ctx context.Context, req *UMeetingListRequest, page func(context.Context, *UMeetingListRequest, ...CallOption) (*UMeetingPage, error), opts []CallOption) iter.Seq2[*UMeeting, error] {
	base := *orEmpty(req)
	base.PageSize = cmp.Or(base.PageSize, umPageSize)
	return eventPaged(ctx, cmp.Or(base.PageNumber, 1), base.PageSize, func(ctx context.Context, n int) ([]UMeeting, int, error) {
		r := base
		r.PageNumber = n
		out, err := page(ctx, &r, opts...)
		if err != nil {
			return nil, 0, err
		}
		return out.Meetings, max(out.TotalRecord, out.Total), nil
	})
}
