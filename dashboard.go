package quanshi

import (
	"cmp"
	"context"
	"iter"
	"net/http"
	"time"
)

// DashboardService is the admin dashboard: one running or ended meeting's
// statistics, the list of meetings in progress, and who is in a meeting.
// Its endpoints live under /confopenapi and answer in the status/result
// envelope, which mirrors the upstream real-time service (RTSAS).
type DashboardService service

// DashboardConference is one meeting as the dashboard sees it: its host,
// timing, state and connection counts. ConferenceInfo fills the
// statistics; LiveConferences also fills ConferenceID and the host's
// account type and organisation name.
type DashboardConference struct {
	// EventID (eventId) is the meeting's booking id (calendar event id).
	EventID int64 `json:"eventId"`
	// TempConferenceID (tempConferenceId) is the id of this run of the meeting.
	TempConferenceID string `json:"tempConferenceId"`
	// ConferenceID (conferenceId) is the meeting's id (LiveConferences).
	ConferenceID string `json:"conferenceId"`
	// Title (title) is the subject.
	Title string `json:"title"`
	// BillingCode (billingCode) is the billing code.
	BillingCode string `json:"billingCode"`
	// CustomerCode (customerCode) is the customer's code.
	CustomerCode string `json:"customerCode"`
	// ParticipantPasscode (pcode2) is the participants' password.
	ParticipantPasscode string `json:"pcode2"`
	// HostID (hostId) is the host's user id.
	HostID int64 `json:"hostId"`
	// HostName (hostName) is the host's name.
	HostName string `json:"hostName"`
	// HostEmail (hostEmail) is the host's e-mail address.
	HostEmail string `json:"hostEmail"`
	// HostMobile (hostMobile) is the host's mobile number.
	HostMobile string `json:"hostMobile"`
	// HostAccountType (hostAccountType) is the host's account type (LiveConferences; the page
	// does not list the values).
	HostAccountType int `json:"hostAccountType"`
	// HostAccountTypeStr (hostAccountTypeStr) describes the host's account type.
	HostAccountTypeStr string `json:"hostAccountTypeStr"`
	// HostOrgID (hostOrgId) is the host's organisation id.
	HostOrgID int64 `json:"hostOrgId"`
	// HostOrgName (hostOrgName) is the host's organisation name (LiveConferences).
	HostOrgName string `json:"hostOrgName"`
	// HostIP (hostIp) is the IP address of the host's client.
	HostIP string `json:"hostIp"`
	// HostLocation (hostLocation) is where the host's client is.
	HostLocation string `json:"hostLocation"`
	// StartTime (startTime) is when the meeting started.
	StartTime time.Time `json:"startTime" time:"unix"`
	// StopTime (stopTime) is when it ended; the zero time while it is still running
	// (the server sends 0).
	StopTime time.Time `json:"stopTime" time:"unix"`
	// ConfDuration (confDuration) is how long it has lasted (sent in seconds).
	ConfDuration time.Duration `json:"confDuration"`
	// IsSecureConf (isSecureConf) says whether it is a confidential meeting; nil when the
	// server sends null (unknown).
	IsSecureConf *bool `json:"isSecureConf"`
	// IsRecord (isRecord) says whether recording is on; nil when the server sends null.
	IsRecord *bool `json:"isRecord"`
	// DataCenter (dataCenter) is the data centre serving it.
	DataCenter string `json:"dataCenter"`
	// Status (status) is 2 (in progress) or 4 (ended).
	Status ConferenceStatus `json:"status"`
	// ParticipantCount (attendeeCnt) is the number of participants.
	ParticipantCount int `json:"attendeeCnt"`
	// VoIPCount (voipCnt) counts network-audio connections.
	VoIPCount int `json:"voipCnt"`
	// PSTNCount (pstnCnt) counts phone-audio connections.
	PSTNCount int `json:"pstnCnt"`
	// VideoShareCount (videoCnt) counts times video was shared.
	VideoShareCount int `json:"videoCnt"`
	// ScreenShareCount (desktopCnt) counts times a screen was shared.
	ScreenShareCount int `json:"desktopCnt"`
	// MCUCount (mcuCnt) counts hardware video endpoints.
	MCUCount int `json:"mcuCnt"`
	// BoxCount (boxCnt) counts meeting boxes.
	BoxCount int `json:"boxCnt"`
	// RawParticipantCount (rawAttendeeCnt) is the participant count before the real-time correction.
	RawParticipantCount int `json:"rawAttendeeCnt"`
	// RawPSTNCount (rawPstnCnt) is the phone-audio count before the correction.
	RawPSTNCount int `json:"rawPstnCnt"`
}

var opDashboardConferenceInfo = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/admin/dashboard/conference/info", Idempotent: true}

// DashboardConferenceInfoRequest names the run of a meeting ConferenceInfo
// describes.
type DashboardConferenceInfoRequest struct {
	// TempConferenceID is the run's temporary conference id
	// (tempConferenceId). Required.
	TempConferenceID string `json:"tempConferenceId"`
}

// ConferenceInfo returns one run of a meeting, by its temporary conference
// id: host, timing, state (2 in progress, 4 ended) and connection counts.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/665
//
//quanshi:operation POST /confopenapi/admin/dashboard/conference/info
func (s *DashboardService) ConferenceInfo(ctx context.Context, req *DashboardConferenceInfoRequest, opts ...CallOption) (*DashboardConference, error) {
	if err := notNil(opDashboardConferenceInfo, req); err != nil {
		return nil, err
	}
	v := newCheck(opDashboardConferenceInfo)
	v.required("tempConferenceId", req.TempConferenceID)
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[DashboardConference](ctx, s.caller(), opDashboardConferenceInfo, req, opts)
}

// DashboardLiveConferencesRequest asks for one page of meetings in progress.
type DashboardLiveConferencesRequest struct {
	// FilterOneAttendee (filterOneAttendee): true leaves out meetings with a single person,
	// false keeps them; nil lets the server decide.
	FilterOneAttendee *bool `json:"filterOneAttendee,omitzero"`
	// AdminUserID (adminUserId) is the administrator whose meetings to list; zero means
	// the super administrator.
	AdminUserID int64 `json:"adminUserId,omitzero"`
	// Page is the page number, from 1 (the default when zero).
	Page int `json:"page,omitzero"`
	// Count (count) is the number of meetings a page (default 20 when zero).
	Count int `json:"count,omitzero"`
}

// DashboardConferenceList is one page of meetings in progress.
type DashboardConferenceList struct {
	// TotalCount (totalCount) is the number of matching meetings.
	TotalCount int `json:"totalCount"`
	// Conferences (confList) holds this page's meetings.
	Conferences []DashboardConference `json:"confList"`
}

// dashPageSize is the default count of the dashboard lists.
const dashPageSize = 20

var opDashboardLiveConferences = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/listbystatus", Idempotent: true}

// LiveConferences returns one page of the meetings in progress, for an
// administrator (default: the super administrator). Pages are numbered
// from 1. req may be nil: every field is optional.
//
// Quanshi API docs: https://developer.quanshi.com/en/api/656
//
//quanshi:operation POST /confopenapi/conference/listbystatus
func (s *DashboardService) LiveConferences(ctx context.Context, req *DashboardLiveConferencesRequest, opts ...CallOption) (*DashboardConferenceList, error) {
	req = orEmpty(req)
	v := newCheck(opDashboardLiveConferences)
	dashCheckPage(v, req.Page, req.Count)
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[DashboardConferenceList](ctx, s.caller(), opDashboardLiveConferences, req, opts)
}

// LiveConferencesIter iterates over every meeting in progress, page by page
// from req.Page (default 1), stopping after the last page. An error is
// yielded once and ends the iteration. req may be nil; it is copied, not
// changed.
//
// Quanshi API docs: https://developer.quanshi.com/en/api/656
//
//quanshi:operation POST /confopenapi/conference/listbystatus
func (s *DashboardService) LiveConferencesIter(ctx context.Context, req *DashboardLiveConferencesRequest, opts ...CallOption) iter.Seq2[*DashboardConference, error] {
	base := *orEmpty(req)
	base.Count = cmp.Or(base.Count, dashPageSize)
	return eventPaged(ctx, cmp.Or(base.Page, 1), base.Count, func(ctx context.Context, page int) ([]DashboardConference, int, error) {
		r := base
		r.Page = page
		out, err := s.LiveConferences(ctx, &r, opts...)
		if err != nil {
			return nil, 0, err
		}
		return out.Conferences, out.TotalCount, nil
	})
}

// DashboardParticipantsRequest asks for one page of the endpoints in a meeting.
type DashboardParticipantsRequest struct {
	// EventID (eventId) is the meeting's booking id (calendar event id). Required.
	EventID int64 `json:"eventId"`
	// Page is the page number, from 1 (the default when zero).
	Page int `json:"page,omitzero"`
	// Count (count) is the number of endpoints a page (default 20 when zero).
	Count int `json:"count,omitzero"`
}

// DashboardParticipant is one endpoint (client) in a meeting.
type DashboardParticipant struct {
	// EventID (eventId) is the meeting's booking id.
	EventID int64 `json:"eventId"`
	// ConferenceID (conferenceId) is the meeting's id.
	ConferenceID string `json:"conferenceId"`
	// TempUserID (tempUserId) is the endpoint's temporary user id.
	TempUserID int64 `json:"tempUserId"`
	// UserID (userId) is the Quanshi user id.
	UserID int64 `json:"userId"`
	// CustomerCode (customerCode) is the customer's code.
	CustomerCode string `json:"customerCode"`
	// Name is the participant's name.
	Name string `json:"name"`
	// Email (email) is the participant's e-mail address.
	Email string `json:"email"`
	// Mobile is the participant's mobile number.
	Mobile string `json:"mobile"`
	// Role is the participant's role (the page does not list the values).
	Role int `json:"role"`
	// Roles (roles) lists the participant's role ids.
	Roles []int `json:"roles"`
	// DeviceType (deviceType) is the kind of client.
	DeviceType string `json:"deviceType"`
	// DeviceVer (deviceVer) is the client's version.
	DeviceVer string `json:"deviceVer"`
	// DeviceID (deviceId) is the device's id.
	DeviceID string `json:"deviceId"`
	// LocalIP (localIp) is the client's LAN address.
	LocalIP string `json:"localIp"`
	// IP (ip) is the client's public address.
	IP string `json:"ip"`
	// Location (location) is where the address is.
	Location string `json:"location"`
	// Carrier (carrier) is the network operator.
	Carrier string `json:"carrier"`
	// NetType (netType) is the network type.
	NetType string `json:"netType"`
}

// DashboardParticipantList is one page of a meeting's endpoints.
type DashboardParticipantList struct {
	// List (list) holds this page's endpoints.
	List []DashboardParticipant `json:"list"`
}

var opDashboardAttendees = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost, Path: "/confopenapi/conference/attendee/list", Idempotent: true}

// Participants returns one page of the endpoints in a meeting: who, with which
// client, from where. Pages are numbered from 1.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/657
//
//quanshi:operation POST /confopenapi/conference/attendee/list
func (s *DashboardService) Participants(ctx context.Context, req *DashboardParticipantsRequest, opts ...CallOption) (*DashboardParticipantList, error) {
	if err := notNil(opDashboardAttendees, req); err != nil {
		return nil, err
	}
	v := newCheck(opDashboardAttendees)
	v.rule(req.EventID > 0, "eventId", "is required")
	dashCheckPage(v, req.Page, req.Count)
	if err := v.err(); err != nil {
		return nil, err
	}
	return callFor[DashboardParticipantList](ctx, s.caller(), opDashboardAttendees, req, opts)
}

// ParticipantsIter iterates over every endpoint in a meeting, page by page
// from req.Page (default 1), stopping at the first short or empty page. An
// error is yielded once and ends the iteration; a nil req is one, as for
// Participants. req is copied, not changed.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/657
//
//quanshi:operation POST /confopenapi/conference/attendee/list
func (s *DashboardService) ParticipantsIter(ctx context.Context, req *DashboardParticipantsRequest, opts ...CallOption) iter.Seq2[*DashboardParticipant, error] {
	if err := notNil(opDashboardAttendees, req); err != nil {
		return failed[DashboardParticipant](err)
	}
	base := *req
	base.Count = cmp.Or(base.Count, dashPageSize)
	return eventPaged(ctx, cmp.Or(base.Page, 1), base.Count, func(ctx context.Context, page int) ([]DashboardParticipant, int, error) {
		r := base
		r.Page = page
		out, err := s.Participants(ctx, &r, opts...)
		if err != nil {
			return nil, 0, err
		}
		return out.List, 0, nil
	})
}

// dashCheckPage: pages are numbered from 1 (0 = default), counts are not
// negative.
func dashCheckPage(v *check, page, count int) {
	v.rule(page >= 0, "page", "must be 1 or more")
	v.rule(count >= 0, "count", "must not be negative")
}
