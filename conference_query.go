package quanshi

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Lookups: the list of a user's meetings, one meeting's details, its live
// state, and dial-in numbers.

var (
	opConferenceList = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/business/getConferenceList", Idempotent: true}
	opConferenceGet = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/conference/getConferenceBaseInfoById/{appId}/{conferenceId}", Idempotent: true}
	opConferenceStatus = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/conference/getConfStatus", Idempotent: true}
	opConferenceAccessNumbers = Operation{Family: FamilyConference, Method: http.MethodPost,
		Path: "/conference/conference/getPhoneAccessNum", Idempotent: true, AppKeyInBody: true}
)

// ConferenceListRequest asks for the meetings of one account in a period.
type ConferenceListRequest struct {
	// UserID (userId) is the account's user id. UserID or EmailAccount is required.
	UserID int64 `json:"userId,omitzero"`
	// EmailAccount (emailAccount) is the account's e-mail address, used when UserID is not
	// given.
	EmailAccount string `json:"emailAccount,omitempty"`
	// From starts the window (wire field startDate, sent as Beijing
	// wall-clock time; the server's default is now). A meeting is listed
	// when its time overlaps the window [From, To]: the page does not say,
	// overlap is what the sandbox implements. The zero time is not sent.
	From time.Time `json:"-"`
	// To ends the window (wire field endDate, Beijing wall-clock time; the
	// server's default is three months after now). The zero time is not sent.
	To time.Time `json:"-"`
}

// ConferenceListResult is a user's meetings in a period.
type ConferenceListResult struct {
	// TotalNum is the number of meetings the server counted.
	TotalNum int
	// Conferences are the meetings in start-time order, with the date each
	// was listed under.
	Conferences []ConferenceListItem
	// CurrentTime is the server's time.
	CurrentTime time.Time
}

// ConferenceListItem is one meeting in a ConferenceListResult.
type ConferenceListItem struct {
	// ConferenceBase holds the meeting's ids, times, passwords and state.
	ConferenceBase
	// Date is the day the API listed the meeting under (the key of
	// result.list), midnight Beijing time.
	Date time.Time `json:"-"`
	// Invitees (attendeeList) is the people invited.
	Invitees []ConferenceInviteeInfo `json:"attendeeList"`
	// CreatorAccount (creatorAccount) is the account that scheduled the meeting.
	CreatorAccount string `json:"creatorAccount"`
	// UserName (userName) is the name of the account that scheduled the meeting.
	UserName string `json:"userName"`
	// IsHost reports whether the account asked about hosts the meeting
	// (isHost 1).
	IsHost bool `json:"isHost"`
}

// confListWire is getConferenceList's result as sent: the meetings keyed by
// their date.
type confListWire struct {
	TotalNum    int            `json:"totalNum"`
	List        confListByDate `json:"list"`
	CurrentTime time.Time      `json:"currentTime" time:"text"`
}

// List returns the meetings of an account in a period, flattened from the
// API's per-date groups into one slice in start-time order.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/business/getConferenceList
func (s *ConferenceService) List(ctx context.Context, req *ConferenceListRequest, opts ...CallOption) (*ConferenceListResult, error) {
	op := opConferenceList
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	confHost(v, "userId", req.UserID, "emailAccount", req.EmailAccount)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*ConferenceListRequest
		StartDate wallClock `json:"startDate,omitzero"`
		EndDate   wallClock `json:"endDate,omitzero"`
	}{req, wallClock(req.From), wallClock(req.To)}
	var out confListWire
	if err := s.caller().call(ctx, op, body, &out, opts...); err != nil {
		return nil, err
	}
	res := &ConferenceListResult{TotalNum: out.TotalNum, CurrentTime: out.CurrentTime}
	for _, key := range slices.Sorted(maps.Keys(out.List)) {
		date, _ := ParseTime(key) // a date: confListByDate skipped any other key
		for _, item := range out.List[key] {
			item.Date = date
			res.Conferences = append(res.Conferences, item)
		}
	}
	slices.SortStableFunc(res.Conferences, func(a, b ConferenceListItem) int {
		return a.StartTime.Compare(b.StartTime)
	})
	return res, nil
}

// ConferenceInfo is a meeting's basic information (getConferenceBaseInfoById).
type ConferenceInfo struct {
	// ConferenceBase holds the meeting's ids, times, passwords and state.
	ConferenceBase
	// Timezone (timezone) describes the meeting's time zone, as "GMT+8，北京，重庆，…".
	Timezone string `json:"timezone"`
	// TempConferenceID (tempConferenceId) is the temporary meeting id.
	TempConferenceID string `json:"tempConferenceId"`
	// InviteeGroupList (inviteeGroupList) is the invited groups; the page does not document an
	// item ("" in the example), so items are kept as raw JSON.
	InviteeGroupList []json.RawMessage `json:"inviteeGroupList"`
	// BillingCode is the meeting's billing code (billingcode).
	BillingCode string `json:"billingcode,case:ignore"`
	// DisplayName (displayName) is the host's name.
	DisplayName string `json:"displayName"`
	// Name is the host's name.
	Name string `json:"name"`
	// HostJoinURL (hostJoinUrl) is the host's join link.
	HostJoinURL string `json:"hostJoinUrl"`
	// ParticipantJoinURL (attendeeJoinUrl) is the participants' join link.
	ParticipantJoinURL string `json:"attendeeJoinUrl"`
	// TotalInvitee is the number of invitees (total_invitee).
	TotalInvitee int `json:"total_invitee"`
	// Invitees (invitee) is the people invited.
	Invitees []ConferenceInviteeInfo `json:"invitee"`
	// CurrentTime (currentTime) is the server's time.
	CurrentTime time.Time `json:"currentTime" time:"text"`
	// MoreAccessNumURL (moreAccessNumUrl) is a page with more dial-in numbers.
	MoreAccessNumURL string `json:"moreAccessNumUrl"`
	// AccessNum (accessNum) is the meeting's dial-in numbers.
	AccessNum []ConferenceDialInNumber `json:"accessNum"`
	// StatusInfo (statusInfo) is status information. The page types it as a string and
	// shows null without describing its content, so it is kept as raw JSON
	// (nil or null when absent).
	StatusInfo json.RawMessage `json:"statusInfo"`
	// ExtraInfo (extraInfo) is the meeting's extra information (the hardware join
	// methods); zero when the API sends null.
	ExtraInfo ConferenceExtraInfo `json:"extraInfo"`
	// PhoneJoinURL (wcallUrl) is the short link for joining by phone.
	PhoneJoinURL string `json:"wcallUrl"`
	// HardwareLocation (hardwareLocation) is undocumented ("" in the example).
	HardwareLocation string `json:"hardwareLocation"`
	// HardwareVideoIPList (hardwareVideoIpList) lists the addresses hardware video terminals dial.
	HardwareVideoIPList []string `json:"hardwareVideoIpList"`
	// PullURL (pullUrl) is the live stream's pull URL ("" without a live stream).
	PullURL string `json:"pullUrl"`
}

// ConferenceGetRequest names the meeting Get describes.
type ConferenceGetRequest struct {
	// ConferenceID is the meeting's id (the conferenceId path segment).
	// Required.
	ConferenceID string `json:"-"`
}

// Get returns a meeting's basic information: times, passwords, links,
// invitees and dial-in numbers.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/getConferenceBaseInfoById/{appId}/{conferenceId}
func (s *ConferenceService) Get(ctx context.Context, req *ConferenceGetRequest, opts ...CallOption) (*ConferenceInfo, error) {
	op := opConferenceGet
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[ConferenceInfo](ctx, s.caller(), op.withPath(strconv.Itoa(legacyAppID), req.ConferenceID), nil, opts)
}

// ConferenceStatusRequest asks for a meeting's live state.
type ConferenceStatusRequest struct {
	// UserID (userId) is the host's user id.
	UserID int64 `json:"userId,omitzero"`
	// ConferenceID (conferenceId) is the meeting. Required.
	ConferenceID string `json:"conferenceId"`
}

// ConferenceStatusResult is a meeting's live state (getConfStatus).
type ConferenceStatusResult struct {
	// Status (confStatus) is the meeting's state (1 created, 2 in progress, 4 ended,
	// 18 locked, 5 expired).
	Status ConferenceStatus `json:"confStatus"`
	// Attendees (attendees) is the number of people in the meeting.
	Attendees int `json:"attendees"`
	// PasswordType (pwdType) is the password type (0 fixed, 1 dynamic).
	PasswordType PasswordType `json:"pwdType"`
	// MayJoin reports whether the meeting can be joined now (mayJoin 1).
	MayJoin bool `json:"mayJoin"`
	// AdvanceHours (advanceHours) is how many hours before the start the meeting can be
	// joined (sent as a string, as "2").
	AdvanceHours float64 `json:"advanceHours"`
}

// Status reports a meeting's state, how many people are in it, and whether
// it can be joined now.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/163
//
//quanshi:operation POST /conference/conference/getConfStatus
func (s *ConferenceService) Status(ctx context.Context, req *ConferenceStatusRequest, opts ...CallOption) (*ConferenceStatusResult, error) {
	op := opConferenceStatus
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[ConferenceStatusResult](ctx, s.caller(), op, req, opts)
}

// AccessNumberRequest asks for the dial-in numbers suited to a caller.
type AccessNumberRequest struct {
	// ACFlag (acFlag) selects the numbers ("0" without the customer's dedicated
	// numbers, "1" with them, the default); "" is not sent.
	ACFlag AccessNumberFlag `json:"acFlag,omitempty"`
	// BillingCode (billingCode) is the meeting's billing code (BC).
	BillingCode string `json:"billingCode,omitempty"`
	// Phone is the caller's phone number, such as "010-59937429".
	Phone string `json:"phone,omitempty"`
	// Strategy (strategy) is what to do when the phone's region is unknown ("1": the
	// Beijing numbers, the default); "" is not sent.
	Strategy AccessNumberStrategy `json:"strategy,omitempty"`
}

// AccessNumberList is the dial-in numbers getPhoneAccessNum answers.
type AccessNumberList struct {
	// Numbers are the dial-in numbers (the result array).
	Numbers []AccessNumber
}

// AccessNumbers returns the dial-in numbers for a caller's phone number. req
// may be nil: every field is optional.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/getPhoneAccessNum
func (s *ConferenceService) AccessNumbers(ctx context.Context, req *AccessNumberRequest, opts ...CallOption) (*AccessNumberList, error) {
	op := opConferenceAccessNumbers
	req = orEmpty(req)
	v := newCheck(op)
	oneOf(v, "acFlag", req.ACFlag, AccessNumberFlagShared, AccessNumberFlagDedicated)
	oneOf(v, "strategy", req.Strategy, AccessNumberStrategyBeijing)
	if err := v.err(); err != nil {
		return nil, err
	}
	out, err := callFor[[]AccessNumber](ctx, s.caller(), op, req, opts)
	if err != nil {
		return nil, err
	}
	return &AccessNumberList{Numbers: *out}, nil
}
