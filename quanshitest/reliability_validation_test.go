package quanshitest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bad input: for every service method, at least one invalid request per
// kind of rule it checks (required fields, either/or, lengths, counts,
// enums, formats, "required when"), each rejected with a *ValidationError
// naming the wire field, and not one request reaching the sandbox.

// relBadInput is one invalid request.
type relBadInput struct {
	method string // the service method
	rule   string // the kind of rule and what breaks it
	field  string // the wire field the error must name
	call   func(ctx context.Context, c *quanshi.Client) error
}

// relFirstErr returns the error an iterator yields first.
func relFirstErr[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		return err
	}
	return errors.New("the iterator yielded nothing")
}

func relErr[T any](_ T, err error) error { return err }

// Valid requests the table breaks one field at a time.
var relStart = relBase.Add(2 * time.Hour)

func relConfOpts(change func(o *quanshi.ConferenceOptions)) quanshi.ConferenceOptions {
	return *relChanged(&quanshi.ConferenceOptions{UserID: relConfHost, Title: "t", Length: 60, StartTime: relStart}, change)
}

// relChanged applies change to a valid request and returns it.
func relChanged[T any](r *T, change func(*T)) *T {
	change(r)
	return r
}

func relRoom(change func(r *quanshi.RoomCreateRequest)) *quanshi.RoomCreateRequest {
	return relChanged(relRoomRequest("t"), change)
}

// relMethodNames lists the exported methods of a service.
func relMethodNames(svc any) []string {
	typ := reflect.TypeOf(svc)
	names := make([]string, 0, typ.NumMethod())
	for i := range typ.NumMethod() {
		names = append(names, typ.Method(i).Name)
	}
	return names
}

func relBadInputs() []relBadInput {
	createConf := func(change func(o *quanshi.ConferenceOptions), extra ...func(r *quanshi.ConferenceCreateRequest)) func(context.Context, *quanshi.Client) error {
		return func(ctx context.Context, c *quanshi.Client) error {
			req := &quanshi.ConferenceCreateRequest{ConferenceOptions: relConfOpts(change)}
			for _, e := range extra {
				e(req)
			}
			return relErr(c.Conference.Create(ctx, req))
		}
	}
	none := func(*quanshi.ConferenceOptions) {}
	updateConf := func(req *quanshi.ConferenceUpdateRequest) func(context.Context, *quanshi.Client) error {
		return func(ctx context.Context, c *quanshi.Client) error { return relErr(c.Conference.Update(ctx, req)) }
	}
	createRoom := func(change func(r *quanshi.RoomCreateRequest)) func(context.Context, *quanshi.Client) error {
		return func(ctx context.Context, c *quanshi.Client) error { return relErr(c.Room.Create(ctx, relRoom(change))) }
	}
	createEvent := func(change func(r *quanshi.EventCreateRequest)) func(context.Context, *quanshi.Client) error {
		return func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.Create(ctx, relChanged(relEventRequest("t"), change)))
		}
	}
	schedule := func(change func(r *quanshi.UMeetingScheduleRequest)) func(context.Context, *quanshi.Client) error {
		return func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.Schedule(ctx, relChanged(relUMeetingRequest("t"), change)))
		}
	}
	umUpdate := func(change func(r *quanshi.UMeetingUpdateRequest)) func(context.Context, *quanshi.Client) error {
		return func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.Update(ctx, relChanged(&quanshi.UMeetingUpdateRequest{ID: "1770498237", StartTime: relStart, Duration: 60}, change))
		}
	}
	parent := func(r *quanshi.EventCreateRequest) {
		r.CalType, r.MeetingType, r.StartTime, r.Length, r.Participants = quanshi.EventCalTypeSeriesParent, quanshi.EventMeetingTypeAnalyst, time.Time{}, 0, nil
	}
	twentyOneBoxes := make([]quanshi.Box, 21)
	for i := range twentyOneBoxes {
		twentyOneBoxes[i] = quanshi.Box{BoxID: fmt.Sprintf("GN3399BOX%07d", i)}
	}
	elevenHosts := make([]string, 11)
	for i := range elevenHosts {
		elevenHosts[i] = fmt.Sprintf("h%d@corp.test", i)
	}
	day := relBase
	return slices.Concat(relUMeetingMoreBadInputs(), []relBadInput{
		// Conference.Create (and the options Update shares).
		{"Conference.Create", "nil request", "request", func(ctx context.Context, c *quanshi.Client) error { return relErr(c.Conference.Create(ctx, nil)) }},
		{"Conference.Create", "either/or: no userId nor email", "userId", createConf(func(o *quanshi.ConferenceOptions) { o.UserID = 0 })},
		{"Conference.Create", "format: host email", "email", createConf(func(o *quanshi.ConferenceOptions) { o.UserID, o.Email = 0, "not-an-address" })},
		{"Conference.Create", "range: negative length", "length", createConf(func(o *quanshi.ConferenceOptions) { o.Length = -5 })},
		{"Conference.Create", "either/or: invitee without userId, email or mobile", "inviteeList[1].email", createConf(func(o *quanshi.ConferenceOptions) {
			o.InviteeList = []quanshi.ConferenceInvitee{{UserID: 1}, {Name: "nobody"}}
		})},
		{"Conference.Create", "format: invitee email", "inviteeList[0].email", createConf(func(o *quanshi.ConferenceOptions) {
			o.InviteeList = []quanshi.ConferenceInvitee{{Email: "a@b@c"}}
		})},
		{"Conference.Create", "enum: password_type", "password_type", createConf(func(o *quanshi.ConferenceOptions) { o.PasswordType = new(quanshi.PasswordType(2)) })},
		{"Conference.Create", "enum: confLevelMute", "confLevelMute", createConf(func(o *quanshi.ConferenceOptions) { o.ConfLevelMute = 3 })},
		{"Conference.Create", "enum: confLevelVideoStandard", "confLevelVideoStandard", createConf(func(o *quanshi.ConferenceOptions) { o.ConfLevelVideoStandard = 3 })},
		{"Conference.Create", "range: negative estimateSize", "estimateSize", createConf(func(o *quanshi.ConferenceOptions) { o.EstimateSize = new(-1) })},
		{"Conference.Create", "format: recordCallbackUrl", "recordCallbackUrl", createConf(func(o *quanshi.ConferenceOptions) { o.RecordCallbackURL = new("ftp://x") })},
		{"Conference.Create", "required when enableCloudMCU: sv ≥ 100", "sv", createConf(func(o *quanshi.ConferenceOptions) { o.EnableCloudMCU, o.SV = new(true), new(99) })},
		{"Conference.Create", "enum: cycle", "cycle", createConf(none, func(r *quanshi.ConferenceCreateRequest) { r.Cycle = 1 })},
		{"Conference.Create", "enum: extraInfo switch", "extraInfo.joinMethod.box", createConf(none, func(r *quanshi.ConferenceCreateRequest) {
			r.ExtraInfo = &quanshi.ConferenceExtraInfo{JoinMethod: &quanshi.ConferenceJoinMethod{Box: 2}}
		})},
		{"Conference.Create", "format: invalid UTF-8 cannot be encoded", "title", createConf(func(o *quanshi.ConferenceOptions) { o.Title = "bad \xff" })},
		// Conference.Update.
		{"Conference.Update", "required: conferenceId", "conferenceId", updateConf(&quanshi.ConferenceUpdateRequest{ConferenceOptions: relConfOpts(none)})},
		{"Conference.Update", "either/or: no host", "userId", updateConf(&quanshi.ConferenceUpdateRequest{ConferenceID: "1", ConferenceOptions: relConfOpts(func(o *quanshi.ConferenceOptions) { o.UserID = 0 })})},
		// Conference.Cancel.
		{"Conference.Cancel", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{UserID: relConfHost})
		}},
		{"Conference.Cancel", "either/or: userId or email", "userIdEmail", func(ctx context.Context, c *quanshi.Client) error {
			return c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: "1"})
		}},
		{"Conference.Cancel", "format: email", "userIdEmail", func(ctx context.Context, c *quanshi.Client) error {
			return c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: "1", Email: "host"})
		}},
		{"Conference.Cancel", "format: callbackUrl", "callbackUrl", func(ctx context.Context, c *quanshi.Client) error {
			return c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: "1", UserID: relConfHost, CallbackURL: "not a url"})
		}},
		// Conference queries.
		{"Conference.List", "either/or: userId or emailAccount", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.List(ctx, &quanshi.ConferenceListRequest{}))
		}},
		{"Conference.List", "format: emailAccount", "emailAccount", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.List(ctx, &quanshi.ConferenceListRequest{EmailAccount: "x@"}))
		}},
		{"Conference.Get", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: " "}))
		}},
		{"Conference.Status", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{UserID: relConfHost}))
		}},
		{"Conference.AccessNumbers", "enum: acFlag", "acFlag", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{ACFlag: "2"}))
		}},
		{"Conference.AccessNumbers", "enum: strategy", "strategy", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{Strategy: "9"}))
		}},
		// Boxes.
		{"Conference.BindBoxes", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{Boxes: []quanshi.Box{{BoxID: "b"}}}))
		}},
		{"Conference.BindBoxes", "count: at most 20 boxes", "boxInfoList", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: "1", Boxes: twentyOneBoxes}))
		}},
		{"Conference.BindBoxes", "required: boxId", "boxInfoList[1].boxId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: "1", Boxes: []quanshi.Box{{BoxID: "b"}, {}}}))
		}},
		{"Conference.BindBoxes", "range: conferenceRoomId", "boxInfoList[0].conferenceRoomId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: "1", Boxes: []quanshi.Box{{BoxID: "b", ConferenceRoomID: -1}}}))
		}},
		{"Conference.UnbindAllBoxes", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return c.Conference.UnbindAllBoxes(ctx, &quanshi.BoxUnbindAllRequest{ConferenceID: ""})
		}},
		// Launch links.
		{"Conference.JoinURL", "either/or: pcode or conferenceId", "pcode", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Name: "x"}))
		}},
		{"Conference.JoinURL", "required when isSecurityLink: userId", "securityInfo.userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: "1", SecurityInfo: &quanshi.ConferenceSecurityInfo{IsSecurityLink: new(true)}}))
		}},
		{"Conference.JoinURL", "range: timeout", "securityInfo.timeout", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: "1", SecurityInfo: &quanshi.ConferenceSecurityInfo{Timeout: -1}}))
		}},
		{"Conference.JoinURL", "range: usableCount", "securityInfo.usableCount", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: "1", SecurityInfo: &quanshi.ConferenceSecurityInfo{UsableCount: -1}}))
		}},
		{"Conference.LaunchString", "either/or: pcode or conferenceId", "pcode", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{Name: "x"}))
		}},
		{"Conference.LaunchString", "format: iconUrl", "iconUrl", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{Passcode: "1", IconURL: "myhead.png"}))
		}},
		{"Conference.LiveWatchURL", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{}))
		}},
		{"Conference.LiveWatchURL", "range: timeout", "timeout", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: "1", Timeout: -1}))
		}},
		{"Conference.LiveWatchURL", "range: usableCount", "usableCount", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: "1", UsableCount: -1}))
		}},
		{"Conference.LiveWatchURL", "format: email", "email", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: "1", Email: "viewer"}))
		}},
		{"Conference.JoinURLNoSecret", "required: pcode", "pcode", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{UserID: 1}))
		}},
		{"Conference.JoinURLNoSecret", "required: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{Passcode: "1"}))
		}},
		{"Conference.ClientLaunchLinks", "required: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Conference.ClientLaunchLinks(ctx, &quanshi.ConferenceClientLaunchRequest{UserID: 0}))
		}},

		// Dashboard.
		{"Dashboard.ConferenceInfo", "required: tempConferenceId", "tempConferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Dashboard.ConferenceInfo(ctx, &quanshi.DashboardConferenceInfoRequest{TempConferenceID: ""}))
		}},
		{"Dashboard.LiveConferences", "range: page", "page", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Dashboard.LiveConferences(ctx, &quanshi.DashboardLiveConferencesRequest{Page: -1}))
		}},
		{"Dashboard.LiveConferencesIter", "range: count", "count", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.Dashboard.LiveConferencesIter(ctx, &quanshi.DashboardLiveConferencesRequest{Count: -1}))
		}},
		{"Dashboard.Participants", "required: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{}))
		}},
		{"Dashboard.Participants", "range: count", "count", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Dashboard.Participants(ctx, &quanshi.DashboardParticipantsRequest{EventID: 1, Count: -3}))
		}},
		{"Dashboard.ParticipantsIter", "required: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.Dashboard.ParticipantsIter(ctx, &quanshi.DashboardParticipantsRequest{}))
		}},

		// Event.Create.
		{"Event.Create", "required: calType", "calType", createEvent(func(r *quanshi.EventCreateRequest) { r.CalType = "" })},
		{"Event.Create", "enum: calType", "calType", createEvent(func(r *quanshi.EventCreateRequest) { r.CalType = "X" })},
		{"Event.Create", "required for a series parent: meetingType", "meetingType", createEvent(func(r *quanshi.EventCreateRequest) {
			parent(r)
			r.MeetingType = 0
		})},
		{"Event.Create", "enum: meetingType 1–7", "meetingType", createEvent(func(r *quanshi.EventCreateRequest) { r.MeetingType = 8 })},
		{"Event.Create", "required when meetingType 2: listedCompany", "listedCompany", createEvent(func(r *quanshi.EventCreateRequest) {
			r.MeetingType = quanshi.EventMeetingTypeListedCompany
		})},
		{"Event.Create", "required: listedCompany.stockCode", "listedCompany.stockCode", createEvent(func(r *quanshi.EventCreateRequest) {
			r.MeetingType, r.ListedCompany = quanshi.EventMeetingTypeListedCompany, &quanshi.EventListedCompany{CustomerName: "平安银行"}
		})},
		{"Event.Create", "length: summary over 500 characters", "summary", createEvent(func(r *quanshi.EventCreateRequest) { r.Summary = strings.Repeat("概", 501) })},
		{"Event.Create", "format: summary tags", "summary", createEvent(func(r *quanshi.EventCreateRequest) { r.Summary = "<script>alert(1)</script>" })},
		{"Event.Create", "format: liveCover", "liveCover", createEvent(func(r *quanshi.EventCreateRequest) { r.LiveCover = "cover.png" })},
		{"Event.Create", "enum: extraInfo.recommends", "extraInfo.recommends[1]", createEvent(func(r *quanshi.EventCreateRequest) {
			r.ExtraInfo = &quanshi.EventCreateExtraInfo{Recommends: []quanshi.EventPlatform{quanshi.EventPlatformCompanySite, 2}}
		})},
		{"Event.Create", "enum: extraInfo.recommendJoinLimit", "extraInfo.recommendJoinLimit", createEvent(func(r *quanshi.EventCreateRequest) {
			r.ExtraInfo = &quanshi.EventCreateExtraInfo{RecommendJoinLimit: 6}
		})},
		{"Event.Create", "enum: extraInfo.joinLimits", "extraInfo.joinLimits[0]", createEvent(func(r *quanshi.EventCreateRequest) {
			r.ExtraInfo = &quanshi.EventCreateExtraInfo{JoinLimits: []quanshi.EventJoinLimit{3}}
		})},
		{"Event.Create", "enum: extraInfo.liveConfig.enrollApproval", "extraInfo.liveConfig.enrollApproval", createEvent(func(r *quanshi.EventCreateRequest) {
			r.ExtraInfo = &quanshi.EventCreateExtraInfo{LiveConfig: &quanshi.EventLiveConfig{EnrollApproval: new(2)}}
		})},
		{"Event.Create", "forbidden for a parent: startTime", "startTime", createEvent(func(r *quanshi.EventCreateRequest) {
			parent(r)
			r.StartTime = relStart
		})},
		{"Event.Create", "required for a meeting: participants", "participants", createEvent(func(r *quanshi.EventCreateRequest) { r.Participants = nil })},
		{"Event.Create", "format: participants is a JSON array", "participants", createEvent(func(r *quanshi.EventCreateRequest) { r.Participants = json.RawMessage(`{"userId": 1}`) })},
		{"Event.Create", "required for a meeting: startTime", "startTime", createEvent(func(r *quanshi.EventCreateRequest) { r.StartTime = time.Time{} })},
		{"Event.Create", "required for a meeting: length", "length", createEvent(func(r *quanshi.EventCreateRequest) { r.Length = 0 })},
		// Event reads and control.
		{"Event.Get", "required: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.Get(ctx, &quanshi.EventGetRequest{}))
		}},
		{"Event.ListModified", "required: startTime", "startTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.ListModified(ctx, &quanshi.EventListModifiedRequest{}))
		}},
		{"Event.ListModified", "order: endTime before startTime", "endTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.ListModified(ctx, &quanshi.EventListModifiedRequest{From: relStart, To: relBase}))
		}},
		{"Event.ListModified", "range: pageSize", "pageSize", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.ListModified(ctx, &quanshi.EventListModifiedRequest{From: relStart, PageSize: -1}))
		}},
		{"Event.ListModifiedIter", "range: page", "page", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.Event.ListModifiedIter(ctx, &quanshi.EventListModifiedRequest{From: relStart, Page: -1}))
		}},
		{"Event.ListPublic", "enum: listType", "listType", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.ListPublic(ctx, &quanshi.EventListPublicRequest{ListType: new(quanshi.EventListType(3))}))
		}},
		{"Event.ListPublic", "order: endTime before startTime", "endTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Event.ListPublic(ctx, &quanshi.EventListPublicRequest{From: relStart, To: relBase}))
		}},
		{"Event.ListPublicIter", "range: count", "count", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.Event.ListPublicIter(ctx, &quanshi.EventListPublicRequest{Count: -1}))
		}},
		{"Event.Control", "required: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return c.Event.Control(ctx, &quanshi.EventControlRequest{MuteAll: new(true)})
		}},

		// Recording and report.
		{"Recording.ListByHosts", "required: email", "email", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{}))
		}},
		{"Recording.ListByHosts", "count: at most 10 hosts", "email", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: elevenHosts}))
		}},
		{"Recording.ListByHosts", "format: email", "email[1]", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"a@corp.test", "host"}}))
		}},
		{"Recording.ListByHosts", "length: at most 14 days", "dateTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"a@corp.test"}, From: day, To: day.AddDate(0, 0, 14)}))
		}},
		{"Recording.ListByHosts", "order: To before From", "dateTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"a@corp.test"}, From: day, To: day.AddDate(0, 0, -1)}))
		}},
		{"Recording.ListByHosts", "required when To: From", "dateTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.ListByHosts(ctx, &quanshi.RecordingListByHostsRequest{Emails: []string{"a@corp.test"}, To: day}))
		}},
		{"Recording.Delete", "required: tempConferenceIds", "tempConferenceIds", func(ctx context.Context, c *quanshi.Client) error {
			return c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{UserID: 1})
		}},
		{"Recording.Delete", "count: at most 20", "tempConferenceIds", func(ctx context.Context, c *quanshi.Client) error {
			return c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{TempConferenceIDs: strings.Split(strings.Repeat("7,", 20)+"7", ",")})
		}},
		{"Recording.Delete", "required: each id", "tempConferenceIds[1]", func(ctx context.Context, c *quanshi.Client) error {
			return c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{TempConferenceIDs: []string{"7", " "}})
		}},
		{"Recording.Delete", "range: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return c.Recording.Delete(ctx, &quanshi.RecordingDeleteRequest{UserID: -1, TempConferenceIDs: []string{"7"}})
		}},
		{"Recording.Get", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.Get(ctx, &quanshi.RecordingGetRequest{}))
		}},
		{"Recording.Get", "range: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Recording.Get(ctx, &quanshi.RecordingGetRequest{ConferenceID: "1", UserID: -1}))
		}},
		{"Report.Get", "required: conferenceId", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Report.Get(ctx, &quanshi.ReportGetRequest{}))
		}},
		{"Report.Get", "range: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Report.Get(ctx, &quanshi.ReportGetRequest{ConferenceID: "1", UserID: -1}))
		}},

		// Room.Create (and the booking fields Update shares).
		{"Room.Create", "either/or: userId or email", "userId", createRoom(func(r *quanshi.RoomCreateRequest) { r.UserID = 0 })},
		{"Room.Create", "range: userId", "userId", createRoom(func(r *quanshi.RoomCreateRequest) { r.UserID = -1 })},
		{"Room.Create", "format: email", "email", createRoom(func(r *quanshi.RoomCreateRequest) { r.UserID, r.Email = 0, "host" })},
		{"Room.Create", "required: title", "title", createRoom(func(r *quanshi.RoomCreateRequest) { r.Title = " " })},
		{"Room.Create", "required: length", "length", createRoom(func(r *quanshi.RoomCreateRequest) { r.Length = 0 })},
		{"Room.Create", "required: starttime", "starttime", createRoom(func(r *quanshi.RoomCreateRequest) { r.StartTime = time.Time{} })},
		{"Room.Create", "format: participant email", "participantsLists", createRoom(func(r *quanshi.RoomCreateRequest) { r.ParticipantEmails = []string{"kai zhang"} })},
		{"Room.Create", "range: participant id", "participantsLists", createRoom(func(r *quanshi.RoomCreateRequest) { r.ParticipantUserIDs = []int64{0} })},
		{"Room.Create", "required when joinConfSelTag: joinConfTags", "joinConfTags", createRoom(func(r *quanshi.RoomCreateRequest) { r.JoinConfSelTag = new(true) })},
		{"Room.Create", "required when cycle: cycleRole", "cycleRole", createRoom(func(r *quanshi.RoomCreateRequest) { r.Cycle = new(true) })},
		{"Room.Create", "required with cycleRole: cycle", "cycle", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.CycleRule = &quanshi.CycleRule{Frequency: quanshi.CycleDaily}
		})},
		{"Room.Create", "required: cycleRole.frequency", "cycleRole.frequency", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &quanshi.CycleRule{}
		})},
		{"Room.Create", "enum: cycleRole.frequency", "cycleRole.frequency", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &quanshi.CycleRule{Frequency: "yearly"}
		})},
		{"Room.Create", "range: cycleRole.interval", "cycleRole.interval", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &quanshi.CycleRule{Frequency: quanshi.CycleDaily, Interval: -1}
		})},
		{"Room.Create", "enum: cycleRole.byday", "cycleRole.byday", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &quanshi.CycleRule{Frequency: quanshi.CycleWeekly, ByDay: []time.Weekday{time.Monday, 9}}
		})},
		{"Room.Create", "range: cycleRole.bymonthday", "cycleRole.bymonthday", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &quanshi.CycleRule{Frequency: quanshi.CycleMonthly, ByMonthDay: []int{32}}
		})},
		{"Room.Create", "only monthly: cycleRole.bymonthday", "cycleRole.bymonthday", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.Cycle, r.CycleRule = new(true), &quanshi.CycleRule{Frequency: quanshi.CycleWeekly, ByMonthDay: []int{3}}
		})},
		{"Room.Create", "required: composeRoomList roomId", "composeRoomList[0].roomId", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.ComposeRoomList = []quanshi.ComposeRoom{{IsMainRoom: quanshi.RoomVenueMain}}
		})},
		{"Room.Create", "enum: composeRoomList isMainRoom", "composeRoomList[0].isMainRoom", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.ComposeRoomList = []quanshi.ComposeRoom{{RoomID: 10935, IsMainRoom: 3}}
		})},
		{"Room.Create", "range: composeRoomList equipIdList", "composeRoomList[0].equipIdList[1]", createRoom(func(r *quanshi.RoomCreateRequest) {
			r.ComposeRoomList = []quanshi.ComposeRoom{{RoomID: 10935, EquipIDs: []int64{58933, 0}}}
		})},
		{"Room.Update", "either/or: eventId or conferenceId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Update(ctx, &quanshi.RoomUpdateRequest{RoomCreateRequest: *relRoomRequest("t")}))
		}},
		{"Room.Update", "range: eventId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Update(ctx, &quanshi.RoomUpdateRequest{EventID: -7, ConferenceID: "1", RoomCreateRequest: *relRoomRequest("t")}))
		}},
		{"Room.Update", "required: title", "title", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Update(ctx, &quanshi.RoomUpdateRequest{EventID: 7, RoomCreateRequest: *relRoom(func(r *quanshi.RoomCreateRequest) { r.Title = "" })}))
		}},
		{"Room.Cancel", "either/or: eventId or conferenceId", "eventId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{UserID: relRoomHost}))
		}},
		{"Room.Cancel", "format: email", "email", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Cancel(ctx, &quanshi.RoomCancelRequest{EventID: 7, Email: "host"}))
		}},
		{"Room.Get", "either/or: conferenceId or pcode", "conferenceId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Get(ctx, &quanshi.RoomGetRequest{UserID: relRoomHost}))
		}},
		{"Room.Get", "range: userId", "userId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.Get(ctx, &quanshi.RoomGetRequest{HostPasscode: "1", UserID: -1}))
		}},
		{"Room.List", "required: startTime", "startTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.List(ctx, &quanshi.RoomListRequest{To: relStart}))
		}},
		{"Room.List", "required: endTime", "endTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.List(ctx, &quanshi.RoomListRequest{From: relStart}))
		}},
		{"Room.List", "order: endTime before startTime", "endTime", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.List(ctx, &quanshi.RoomListRequest{From: relStart, To: relBase}))
		}},
		{"Room.ListByAdmin", "range: limit", "limit", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.ListByAdmin(ctx, &quanshi.RoomListByAdminRequest{From: relBase, To: relStart, Limit: -1}))
		}},
		{"Room.ListByAdmin", "range: adminUserId", "adminUserId", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.ListByAdmin(ctx, &quanshi.RoomListByAdminRequest{From: relBase, To: relStart, AdminUserID: -1}))
		}},
		{"Room.ListByAdmin", "range: eventIdFilter", "eventIdFilter", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.Room.ListByAdmin(ctx, &quanshi.RoomListByAdminRequest{From: relBase, To: relStart, EventIDFilter: -1}))
		}},
		{"Room.ListByAdminIter", "required: endTime", "endTime", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.Room.ListByAdminIter(ctx, &quanshi.RoomListByAdminRequest{From: relBase}))
		}},

		// UMeeting.Schedule (and the options Update shares).
		{"UMeeting.Schedule", "required: topic", "topic", schedule(func(r *quanshi.UMeetingScheduleRequest) { r.Topic = "" })},
		{"UMeeting.Schedule", "required: meeting_capacity", "meeting_capacity", schedule(func(r *quanshi.UMeetingScheduleRequest) { r.MeetingCapacity = 0 })},
		{"UMeeting.Schedule", "required: start_time", "start_time", schedule(func(r *quanshi.UMeetingScheduleRequest) { r.StartTime = time.Time{} })},
		{"UMeeting.Schedule", "range: duration over 30", "duration", schedule(func(r *quanshi.UMeetingScheduleRequest) { r.Duration = 30 })},
		{"UMeeting.Schedule", "length: user_key at most 200 bytes", "user_key", schedule(func(r *quanshi.UMeetingScheduleRequest) { r.UserKey = strings.Repeat("键", 67) })},
		{"UMeeting.Schedule", "enum: recording", "recording", schedule(func(r *quanshi.UMeetingScheduleRequest) { r.Recording = "local" })},
		{"UMeeting.Schedule", "enum: recurrence_type", "recurrence_type", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: 4, EndTimes: 2}
		})},
		{"UMeeting.Schedule", "enum: daily_type", "daily_type", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily, DailyType: 3, EndTimes: 2}
		})},
		{"UMeeting.Schedule", "range: weekly_days", "weekly_days", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatWeekly, WeeklyDays: []int{1, 8}, EndTimes: 2}
		})},
		{"UMeeting.Schedule", "range: monthly_week", "monthly_week", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatMonthly, MonthlyWeek: 6, EndTimes: 2}
		})},
		{"UMeeting.Schedule", "range: monthly_week_day", "monthly_week_day", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatMonthly, MonthlyWeek: 1, MonthlyWeekDay: 8, EndTimes: 2}
		})},
		{"UMeeting.Schedule", "range: monthly_day", "monthly_day", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatMonthly, MonthlyDay: 32, EndTimes: 2}
		})},
		{"UMeeting.Schedule", "range: end_times", "end_times", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily, EndTimes: -1}
		})},
		{"UMeeting.Schedule", "either/or: end_times or end_date_time", "end_times", schedule(func(r *quanshi.UMeetingScheduleRequest) {
			r.Recurrence = &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily}
		})},
		{"UMeeting.Update", "required: id", "id", umUpdate(func(r *quanshi.UMeetingUpdateRequest) { r.ID = "" })},
		{"UMeeting.Update", "required: start_time", "start_time", umUpdate(func(r *quanshi.UMeetingUpdateRequest) { r.StartTime = time.Time{} })},
		{"UMeeting.Update", "required: duration", "duration", umUpdate(func(r *quanshi.UMeetingUpdateRequest) { r.Duration = 0 })},
		{"UMeeting.Update", "exclusive: Recurrence and StopRecurrence", "recurrence_type", umUpdate(func(r *quanshi.UMeetingUpdateRequest) {
			r.StopRecurrence, r.Recurrence = true, &quanshi.UMeetingRecurrence{Type: quanshi.UMeetingRepeatDaily, EndTimes: 2}
		})},
		{"UMeeting.Update", "length: user_key", "user_key", umUpdate(func(r *quanshi.UMeetingUpdateRequest) { r.UserKey = strings.Repeat("k", 201) })},
		{"UMeeting.End", "required: id", "id", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: " "})
		}},
		{"UMeeting.Delete", "required: id", "id", func(ctx context.Context, c *quanshi.Client) error {
			return c.UMeeting.Delete(ctx, &quanshi.UMeetingDeleteRequest{ID: ""})
		}},
		{"UMeeting.StartURL", "required: id", "id", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.StartURL(ctx, &quanshi.UMeetingStartURLRequest{ID: ""}))
		}},
		{"UMeeting.Get", "required: meeting_id", "meeting_id", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: ""}))
		}},
		{"UMeeting.List", "range: page_size", "page_size", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.List(ctx, &quanshi.UMeetingListRequest{PageSize: -1}))
		}},
		{"UMeeting.ListIter", "range: page_number", "page_number", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.UMeeting.ListIter(ctx, &quanshi.UMeetingListRequest{PageNumber: -1}))
		}},
		{"UMeeting.History", "range: page_number", "page_number", func(ctx context.Context, c *quanshi.Client) error {
			return relErr(c.UMeeting.History(ctx, &quanshi.UMeetingListRequest{PageNumber: -2}))
		}},
		{"UMeeting.HistoryIter", "range: page_size", "page_size", func(ctx context.Context, c *quanshi.Client) error {
			return relFirstErr(c.UMeeting.HistoryIter(ctx, &quanshi.UMeetingListRequest{PageSize: -2}))
		}},
	}, relBadInputsMore())
}

func TestRelBadInputNeverReachesTheServer(t *testing.T) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t))
	ctx := relCtx(t)
	cases := relBadInputs()
	methods := map[string]bool{}
	for _, tc := range cases {
		methods[tc.method] = true
		t.Run(tc.method+"/"+tc.rule, func(t *testing.T) {
			err := tc.call(ctx, c)
			var ve *quanshi.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field, "%v", err)
			assert.NotEmpty(t, ve.Operation, "the error names the endpoint")
			assert.NotEmpty(t, ve.Reason)
			assert.Contains(t, err.Error(), tc.field)
		})
	}
	assert.Zero(t, srv.TotalCalls(), "no rejected request reached the sandbox")
	assert.Zero(t, srv.Mints(), "not even a token mint")
	t.Logf("%d invalid requests over %d methods: all rejected before sending; sandbox requests: %d", len(cases), len(methods), srv.TotalCalls())
}

// TestRelBadInputCoversEveryMethod: the table has a case for every exported
// method of every service.
func TestRelBadInputCoversEveryMethod(t *testing.T) {
	c, err := quanshi.NewClient(quanshi.WithToken("tok-only-for-method-names"))
	require.NoError(t, err)
	covered := map[string]bool{}
	for _, tc := range relBadInputs() {
		covered[tc.method] = true
	}
	for name, svc := range map[string]any{"Conference": c.Conference, "Room": c.Room, "Event": c.Event, "Recording": c.Recording,
		"Report": c.Report, "Dashboard": c.Dashboard, "UMeeting": c.UMeeting} {
		for _, m := range relMethodNames(svc) {
			assert.True(t, covered[name+"."+m] || relNoRules[name+"."+m], "no bad input for %s.%s", name, m)
		}
	}
}
