package quanshitest_test

import (
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// confBase is the sandbox clock's start in the conference tests.
var confBase = time.Date(2026, 11, 22, 9, 0, 0, 0, quanshi.Beijing)

const confHostID = int64(81299515)

// confSandbox starts a sandbox whose clock stands at confBase.
func confSandbox(t *testing.T) (*quanshitest.Server, *quanshi.Client) {
	t.Helper()
	return newSandbox(t, quanshitest.WithClock(func() time.Time { return confBase }))
}

// confExampleRequest is the spec's create example, three hours from now,
// with more invitees and live streaming.
func confExampleRequest() *quanshi.ConferenceCreateRequest {
	return &quanshi.ConferenceCreateRequest{
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID: confHostID, Title: "测试%", Length: 120, StartTime: confBase.Add(3 * time.Hour),
			InviteeList: []quanshi.ConferenceInvitee{
				{Name: "dtest04", Email: "dtest04@quanshitest.com"},
				{UserID: 4307081},
				{Mobile: "13800001111"},
				{Email: "zhangsan", GroupName: "研发", CID: 7},
			},
			Extend:            "quanshi.com",
			EmailNotify:       new(true),
			SMSNotify:         new(false),
			PasswordType:      new(quanshi.PasswordTypeSecure),
			RecordCallbackURL: new("http://134.com"),
			AutoRecord:        new(true),
			LiveOpenFlag:      new(true),
			LivePassword:      new("8888"),
		},
		From:      "uc",
		ExtraInfo: &quanshi.ConferenceExtraInfo{JoinMethod: &quanshi.ConferenceJoinMethod{HardwareVideo: 1}},
	}
}

func confCreate(t *testing.T, c *quanshi.Client, req *quanshi.ConferenceCreateRequest) *quanshi.ConferenceReservation {
	t.Helper()
	res, err := c.Conference.Create(context.Background(), req)
	require.NoError(t, err)
	return res
}

func confAssertBeijing(t *testing.T, want, got time.Time, what string) {
	t.Helper()
	assert.True(t, want.Equal(got), "%s: want %v, got %v", what, want, got)
	_, offset := got.Zone()
	assert.Equal(t, 8*3600, offset, "%s is in +08:00", what)
}

func TestConferenceCreateGetList(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	start := confBase.Add(3 * time.Hour)

	res := confCreate(t, c, confExampleRequest())
	assert.NotEmpty(t, res.ConferenceID)
	assert.Len(t, res.HostPasscode, 18)
	assert.NotEqual(t, res.HostPasscode, res.ParticipantPasscode)
	assert.Equal(t, confHostID, res.UserID)
	assert.Equal(t, "测试%", res.ConferenceTitle)
	assert.Equal(t, "测试%", res.DisplayTitle)
	confAssertBeijing(t, start, res.StartTime, "startTime")
	confAssertBeijing(t, start.Add(2*time.Hour), res.EndTime, "endTime")
	confAssertBeijing(t, confBase, res.CurrentTime, "currentTime")
	assert.True(t, res.StartTimeUnix.Equal(start))
	assert.True(t, res.EndTimeUnix.Equal(start.Add(2*time.Hour)))
	assert.Equal(t, 120, res.Length)
	assert.Equal(t, quanshi.ConferenceStatusCreated, res.Status)
	assert.NotEmpty(t, res.BillingCode)
	assert.Equal(t, "user81299515@sandbox.quanshi.test", res.CreatorAccount)
	assert.Equal(t, "user81299515", res.CreatorName)
	assert.Equal(t, "user81299515", res.HostName)
	assert.Equal(t, "邀请您参加user81299515的会议", res.InvitationSubject)
	assert.Equal(t, res.ParticipantPasscode, res.Desc)
	assert.Equal(t, "uc", res.From)
	assert.True(t, res.EmailNotify)
	assert.Equal(t, []string{"192.0.2.91"}, res.H323IP)
	assert.Contains(t, res.HostConferenceURL, res.ConferenceID)
	assert.NotEqual(t, res.HostConferenceURL, res.ParticipantJoinURL)
	assert.Contains(t, res.HostConferenceLongURL, res.HostPasscode)
	assert.Contains(t, res.ParticipantJoinLongURL, res.ParticipantPasscode)
	assert.NotEmpty(t, res.PhoneJoinURL)
	assert.Equal(t, "8888", res.PullPwd, "live streams echo their password")
	assert.NotEmpty(t, res.PullURL)
	assert.Equal(t, 1, srv.Handled("/conference/conference/reservConference2"))

	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, res.ConferenceID, info.ConferenceID)
	assert.Equal(t, confHostID, info.UserID)
	assert.Equal(t, "测试%", info.ConferenceTitle)
	confAssertBeijing(t, start, info.StartTime, "info startTime")
	confAssertBeijing(t, start.Add(2*time.Hour), info.EndTime, "info endTime")
	assert.Equal(t, 120, info.Length)
	assert.Equal(t, res.HostPasscode, info.HostPasscode)
	assert.Equal(t, res.ParticipantPasscode, info.ParticipantPasscode)
	assert.Equal(t, quanshi.ConferenceStatusCreated, info.Status)
	assert.Equal(t, res.BillingCode, info.BillingCode)
	assert.NotEmpty(t, info.TempConferenceID)
	assert.Contains(t, info.Timezone, "GMT+8")
	assert.Equal(t, "user81299515", info.DisplayName)
	assert.Equal(t, res.HostConferenceURL, info.HostJoinURL)
	assert.Equal(t, res.ParticipantJoinURL, info.ParticipantJoinURL)
	assert.Equal(t, res.PhoneJoinURL, info.PhoneJoinURL)
	assert.Equal(t, res.PullURL, info.PullURL)
	assert.Equal(t, 4, info.TotalInvitee)
	require.Len(t, info.Invitees, 4)
	assert.Equal(t, "dtest04", info.Invitees[0].Name)
	assert.Equal(t, "dtest04@quanshitest.com", info.Invitees[0].Email)
	assert.Equal(t, "user4307081", info.Invitees[1].Name, "an invitee by userId shows the directory name")
	assert.Equal(t, "13800001111", info.Invitees[2].Mobile)
	assert.Equal(t, "13800001111", info.Invitees[2].Name)
	assert.Equal(t, "zhangsan@quanshi.com", info.Invitees[3].Email, "extend completes the address")
	assert.Equal(t, "zhangsan@quanshi.com", info.Invitees[3].Name)
	assert.Equal(t, "研发", info.Invitees[3].GroupName)
	assert.Equal(t, int64(7), info.Invitees[3].CID)
	assert.Equal(t, "0", info.Invitees[3].ExtType)
	confAssertBeijing(t, confBase, info.Invitees[0].UpdateTime, "invitee updateTime")
	require.NotNil(t, info.ExtraInfo.JoinMethod)
	assert.Equal(t, 1, info.ExtraInfo.JoinMethod.HardwareVideo)
	assert.Equal(t, 0, info.ExtraInfo.JoinMethod.Box)
	assert.Equal(t, []quanshi.ConferenceDialInNumber{{Area: "ALL", Number: "400-810-5211"}, {Area: "Beijing", Number: "+86(10)5808-4299"}}, info.AccessNum)
	assert.Equal(t, []string{"192.0.2.91"}, info.HardwareVideoIPList)
	assert.Equal(t, "uc", info.From)
	assert.Empty(t, info.InviteeGroupList)

	// A second meeting of the same host, the next day, and one of another host.
	second := confExampleRequest()
	second.Title, second.StartTime, second.InviteeList = "周会", confBase.Add(26*time.Hour), nil
	res2 := confCreate(t, c, second)
	other := confExampleRequest()
	other.UserID, other.InviteeList = 4307081, nil
	confCreate(t, c, other)

	list, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID})
	require.NoError(t, err)
	assert.Equal(t, 2, list.TotalNum)
	confAssertBeijing(t, confBase, list.CurrentTime, "list currentTime")
	require.Len(t, list.Conferences, 2)
	first := list.Conferences[0]
	assert.Equal(t, res.ConferenceID, first.ConferenceID)
	confAssertBeijing(t, time.Date(2026, 11, 22, 0, 0, 0, 0, quanshi.Beijing), first.Date, "list date key")
	confAssertBeijing(t, start, first.StartTime, "list startTime")
	assert.Equal(t, 120, first.Length)
	assert.Equal(t, res.ParticipantPasscode, first.ParticipantPasscode)
	assert.Equal(t, quanshi.ConferenceStatusCreated, first.Status)
	assert.True(t, first.IsHost)
	assert.Equal(t, "user81299515", first.UserName)
	require.Len(t, first.Invitees, 4)
	assert.Equal(t, "dtest04@quanshitest.com", first.Invitees[0].Email)
	assert.Equal(t, "0", first.Invitees[0].ExtType)
	assert.Equal(t, res2.ConferenceID, list.Conferences[1].ConferenceID)
	confAssertBeijing(t, time.Date(2026, 11, 23, 0, 0, 0, 0, quanshi.Beijing), list.Conferences[1].Date, "second date key")

	// The invitee sees the meeting too, not as its host, and their own.
	mine, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: 4307081})
	require.NoError(t, err)
	require.Len(t, mine.Conferences, 2)
	assert.False(t, mine.Conferences[0].IsHost)
	assert.True(t, mine.Conferences[1].IsHost)

	// By e-mail, and limited to a range that holds only the first day.
	byMail, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{
		EmailAccount: "dtest04@quanshitest.com", From: confBase, To: confBase.Add(12 * time.Hour)})
	require.NoError(t, err)
	require.Len(t, byMail.Conferences, 1)
	assert.Equal(t, res.ConferenceID, byMail.Conferences[0].ConferenceID)
	none, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID, From: confBase.AddDate(0, 0, 5)})
	require.NoError(t, err)
	assert.Zero(t, none.TotalNum)
	assert.Empty(t, none.Conferences)
}

func TestConferenceStatusFollowsTheClock(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	res := confCreate(t, c, confExampleRequest()) // starts in 3h, lasts 2h, 4 invitees
	status := func() *quanshi.ConferenceStatusResult {
		t.Helper()
		st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{UserID: confHostID, ConferenceID: res.ConferenceID})
		require.NoError(t, err)
		return st
	}

	st := status()
	assert.Equal(t, quanshi.ConferenceStatusCreated, st.Status)
	assert.Zero(t, st.Attendees)
	assert.False(t, st.MayJoin, "3h before the start, 2h ahead is allowed")
	assert.Equal(t, quanshi.PasswordTypeSecure, st.PasswordType)
	assert.InDelta(t, 2.0, st.AdvanceHours, 0)

	srv.Advance(90 * time.Minute)
	st = status()
	assert.Equal(t, quanshi.ConferenceStatusCreated, st.Status)
	assert.True(t, st.MayJoin, "within the advance hours")

	srv.Advance(90*time.Minute + 150*time.Second) // 2m30s into the meeting
	st = status()
	assert.Equal(t, quanshi.ConferenceStatusInProgress, st.Status)
	assert.True(t, st.MayJoin)
	assert.Equal(t, 3, st.Attendees, "the host and the first two invitees have joined")
	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusInProgress, info.Status)

	srv.Advance(10 * time.Minute)
	assert.Equal(t, 5, status().Attendees, "everyone is in")

	srv.Advance(2 * time.Hour)
	st = status()
	assert.Equal(t, quanshi.ConferenceStatusEnded, st.Status)
	assert.Zero(t, st.Attendees)
	assert.False(t, st.MayJoin)
	list, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID, From: confBase})
	require.NoError(t, err)
	require.Len(t, list.Conferences, 1)
	assert.Equal(t, quanshi.ConferenceStatusEnded, list.Conferences[0].Status)

	_, err = c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{UserID: 4307081, ConferenceID: res.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "userId must be the host")
}

func TestConferenceUpdateIsReadBack(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	res := confCreate(t, c, confExampleRequest())
	newStart := confBase.Add(48 * time.Hour)

	srv.Advance(time.Minute)
	up, err := c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{
		ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{
			UserID: confHostID, Title: "线下OpenAPi测试会议", Length: 60, StartTime: newStart,
			InviteeList:         []quanshi.ConferenceInvitee{{Email: "bing.shao"}},
			Extend:              "wanda.com",
			PasswordType:        new(quanshi.PasswordTypeFixed),
			ShowParticipantList: new(false),
		},
		InformType: 3, HardwareVideo: new(true), AllowInvite: new(false),
	})
	require.NoError(t, err)
	assert.Equal(t, res.ConferenceID, up.ConferenceID)
	assert.Equal(t, res.HostPasscode, up.HostPasscode, "the pcodes stay")
	assert.Equal(t, "线下OpenAPi测试会议", up.ConferenceTitle)
	confAssertBeijing(t, newStart, up.StartTime, "updated startTime")
	confAssertBeijing(t, newStart.Add(time.Hour), up.EndTime, "updated endTime")
	confAssertBeijing(t, confBase.Add(time.Minute), up.CurrentTime, "update currentTime")
	assert.Equal(t, 60, up.Length)
	assert.Equal(t, 3, up.InformType)
	assert.Equal(t, "uc", up.From, "what the update does not name stays")

	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, "线下OpenAPi测试会议", info.ConferenceTitle)
	confAssertBeijing(t, newStart, info.StartTime, "read-back startTime")
	assert.Equal(t, 60, info.Length)
	require.Len(t, info.Invitees, 1, "the invitee list is replaced")
	assert.Equal(t, "bing.shao@wanda.com", info.Invitees[0].Email)
	confAssertBeijing(t, confBase.Add(time.Minute), info.Invitees[0].UpdateTime, "invitee updateTime")

	st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.PasswordTypeFixed, st.PasswordType)
	launch, err := launchOf(c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{ConferenceID: res.ConferenceID}))
	require.NoError(t, err)
	assert.Contains(t, launch, "/showAttInfo:0/")
	assert.Contains(t, launch, "/hwv:1/")
	assert.Contains(t, launch, "/pwdType:0/")

	list, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID})
	require.NoError(t, err)
	require.Len(t, list.Conferences, 1)
	confAssertBeijing(t, time.Date(2026, 11, 24, 0, 0, 0, 0, quanshi.Beijing), list.Conferences[0].Date, "listed under the new day")

	// Only the host may change it, and not once it has ended.
	_, err = c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: 4307081, Title: "hijack"}})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
	_, err = c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{Email: "someone@else.test", Title: "hijack"}})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
	byMail, err := c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{Email: "USER81299515@sandbox.quanshi.test", Title: "by mail"}})
	require.NoError(t, err, "the host's e-mail, in any case, names the host")
	assert.Equal(t, "by mail", byMail.ConferenceTitle)
	assert.Equal(t, 60, byMail.Length)

	srv.Advance(72 * time.Hour)
	_, err = c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: res.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: confHostID, Title: "too late"}})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
}

func TestConferenceCancel(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	res := confCreate(t, c, confExampleRequest())
	keep := confCreate(t, c, confExampleRequest())
	cancelPath := "/conference/conference/cancelReservConference"

	err := c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, UserID: 4307081})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "only the host cancels")
	err = c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, Email: "nobody@nowhere.test"})
	assert.ErrorIs(t, err, quanshi.ErrCode51104, "an unknown host account")

	// By the host's e-mail (an escaped @ in the path), with a callback URL
	// whose slashes travel escaped in one segment, and empty segments.
	require.NoError(t, c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{
		ConferenceID: res.ConferenceID, Language: quanshi.ConferenceLanguageChinese,
		Email: "user81299515@sandbox.quanshi.test", CallbackURL: "https://example.test/cb?x=1", EmailNotify: new(false),
	}))
	assert.Equal(t, 1, srv.Handled(cancelPath))

	st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusNone, st.Status, "a cancelled meeting reports status 0")
	assert.False(t, st.MayJoin)
	_, err = c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	_, err = linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: res.ParticipantPasscode}))
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	_, err = c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: res.ConferenceID, Boxes: []quanshi.Box{{BoxID: "GN3399BOX0001856"}}})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
	err = c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: res.ConferenceID, UserID: confHostID})
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "cancelling twice")

	list, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID})
	require.NoError(t, err)
	require.Len(t, list.Conferences, 1, "cancelled meetings leave the list")
	assert.Equal(t, keep.ConferenceID, list.Conferences[0].ConferenceID)

	// A meeting that has started cannot be cancelled.
	srv.Advance(3*time.Hour + time.Minute)
	err = c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: keep.ConferenceID, UserID: confHostID})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
	assert.Equal(t, 1, srv.Handled(cancelPath))
}

func TestConferenceUnknownConference(t *testing.T) {
	_, c := confSandbox(t)
	ctx := context.Background()
	const id = "999999"
	calls := map[string]func() error{
		"Get": func() error {
			_, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: id})
			return err
		},
		"Status": func() error {
			_, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: id})
			return err
		},
		"Update": func() error {
			_, err := c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: id,
				ConferenceOptions: quanshi.ConferenceOptions{UserID: confHostID, Title: "x"}})
			return err
		},
		"Cancel": func() error {
			return c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: id, UserID: confHostID})
		},
		"BindBoxes": func() error {
			_, err := c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: id, Boxes: []quanshi.Box{{BoxID: "GN3399BOX0001856"}}})
			return err
		},
		"UnbindAllBoxes": func() error { return c.Conference.UnbindAllBoxes(ctx, &quanshi.BoxUnbindAllRequest{ConferenceID: id}) },
		"JoinURL": func() error {
			_, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{ConferenceID: id}))
			return err
		},
		"JoinURL by pcode": func() error {
			_, err := linkOf(c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: "201501000099999999"}))
			return err
		},
		"LaunchString": func() error {
			_, err := launchOf(c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{ConferenceID: id}))
			return err
		},
		"LiveWatchURL": func() error {
			_, err := linkOf(c.Conference.LiveWatchURL(ctx, &quanshi.ConferenceLiveWatchURLRequest{ConferenceID: id}))
			return err
		},
		"JoinURLNoSecret": func() error {
			_, err := linkOf(c.Conference.JoinURLNoSecret(ctx, &quanshi.ConferenceNoSecretJoinRequest{Passcode: "201501000099999999", UserID: confHostID}))
			return err
		},
		"AccessNumbers by unknown billing code": func() error {
			_, err := c.Conference.AccessNumbers(ctx, &quanshi.AccessNumberRequest{BillingCode: "1"})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound)
			var apiErr *quanshi.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 50709, apiErr.Code)
			assert.NotEmpty(t, apiErr.RequestID)
		})
	}
}

// TestConferenceInvalidParameters covers rules the sandbox enforces that
// the SDK leaves to the server.
func TestConferenceInvalidParameters(t *testing.T) {
	srv, c := confSandbox(t)
	ctx := context.Background()
	cases := map[string]func(*quanshi.ConferenceCreateRequest){
		"no length":    func(r *quanshi.ConferenceCreateRequest) { r.Length = 0 },
		"no starttime": func(r *quanshi.ConferenceCreateRequest) { r.StartTime = time.Time{} },
		"periodic without an end date": func(r *quanshi.ConferenceCreateRequest) {
			r.Cycle = quanshi.ConferenceCyclePeriodic
		},
		"periodic ending before it starts": func(r *quanshi.ConferenceCreateRequest) {
			r.Cycle, r.PeriodEndDate = quanshi.ConferenceCyclePeriodic, confBase.AddDate(0, 0, -1)
		},
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			req := confExampleRequest()
			mutate(req)
			_, err := c.Conference.Create(ctx, req)
			assert.ErrorIs(t, err, quanshi.ErrInvalidParameter)
		})
	}
	assert.Zero(t, srv.Handled("/conference/conference/reservConference2"), "nothing was created")
	assert.Equal(t, len(cases), srv.Calls("/conference/conference/reservConference2"))

	periodic := confExampleRequest()
	periodic.Cycle, periodic.PeriodEndDate = quanshi.ConferenceCyclePeriodic, confBase.AddDate(0, 2, 0)
	confCreate(t, c, periodic)

	_, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{UserID: confHostID, From: confBase, To: confBase.Add(-time.Hour)})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "a range that ends before it starts")
}

func TestConferenceTitleOnlyUpdateKeepsTheInvitees(t *testing.T) {
	_, c := newSandbox(t)
	ctx := context.Background()
	created, err := c.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: 81299515, Title: "周会", Length: 30, StartTime: time.Now().Add(24 * time.Hour),
		InviteeList: []quanshi.ConferenceInvitee{{Email: "a@corp.test"}, {Email: "b@corp.test"}},
	}})
	require.NoError(t, err)
	_, err = c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: created.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: 81299515, Title: "周会（改）"}})
	require.NoError(t, err)
	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: created.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, "周会（改）", info.ConferenceTitle)
	assert.Equal(t, 2, info.TotalInvitee, "a nil InviteeList leaves the invitees alone")

	_, err = c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: created.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: 81299515, InviteeList: []quanshi.ConferenceInvitee{}}})
	require.NoError(t, err)
	info, err = c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: created.ConferenceID})
	require.NoError(t, err)
	assert.Zero(t, info.TotalInvitee, "an empty list removes them")
}
