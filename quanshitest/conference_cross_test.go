package quanshitest

import (
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Cross-family consistency of the conference endpoints, seen from inside:
// a meeting another family booked in the shared store is served by the
// conference endpoints, and a meeting booked through /conference is the
// shared meeting the other families read.

var confCrossBase = time.Date(2026, 11, 22, 9, 0, 0, 0, quanshi.Beijing)

func confCrossSandbox(t *testing.T) (*Server, *quanshi.Client) {
	t.Helper()
	srv := New(WithClock(func() time.Time { return confCrossBase }))
	t.Cleanup(srv.Close)
	c, err := srv.Client(quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 1, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	require.NoError(t, err)
	return srv, c
}

// confLocked runs f on the store with the server's lock held, as handlers do.
func confLocked(srv *Server, f func(st *state)) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	f(srv.state)
}

func TestConferenceServesMeetingsOfOtherFamilies(t *testing.T) {
	srv, c := confCrossSandbox(t)
	ctx := context.Background()
	var m *meeting
	confLocked(srv, func(st *state) {
		host, err := st.userFor(4307081, "")
		require.NoError(t, err)
		guest, err := st.userFor(0, "guest@corp.test")
		require.NoError(t, err)
		m = st.newMeeting("room", host, "会议室周会", confCrossBase.Add(time.Hour), 30, confCrossBase)
		m.Invitees = []*user{guest}
		m.RoomIDs = []int64{187567899}
	})

	info, err := c.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: m.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, "会议室周会", info.ConferenceTitle)
	assert.Equal(t, int64(4307081), info.UserID)
	assert.Equal(t, m.PCode1, info.HostPasscode)
	assert.Equal(t, m.TempConferenceID, info.TempConferenceID)
	assert.Equal(t, m.Billing, info.BillingCode)
	assert.True(t, info.StartTime.Equal(m.Start))
	require.Len(t, info.Invitees, 1)
	assert.Equal(t, "guest@corp.test", info.Invitees[0].Email)
	assert.Equal(t, "guest", info.Invitees[0].Name, "the directory name when the conference family did not invite them")
	assert.Empty(t, info.PullURL)

	list, err := c.Conference.List(ctx, &quanshi.ConferenceListRequest{EmailAccount: "guest@corp.test"})
	require.NoError(t, err)
	require.Len(t, list.Conferences, 1)
	assert.Equal(t, m.ConferenceID, list.Conferences[0].ConferenceID)
	assert.False(t, list.Conferences[0].IsHost)

	link, err := c.Conference.JoinURL(ctx, &quanshi.ConferenceJoinURLRequest{Passcode: m.PCode1})
	require.NoError(t, err)
	assert.Contains(t, link.URL, m.ConferenceID)
	launch, err := c.Conference.LaunchString(ctx, &quanshi.ConferenceLaunchStringRequest{Passcode: m.PCode2})
	require.NoError(t, err)
	assert.Contains(t, launch.LaunchString, "/pwdType:0/", "defaults for a meeting the conference family did not book")

	_, err = c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: m.ConferenceID,
		Boxes: []quanshi.Box{{BoxID: "GN3399BOX0001856"}, {BoxID: "GN3399BOX0001429"}}})
	require.NoError(t, err)
	confLocked(srv, func(*state) { assert.Equal(t, []string{"GN3399BOX0001856", "GN3399BOX0001429"}, m.Boxes) })
	_, err = c.Conference.BindBoxes(ctx, &quanshi.BoxBindRequest{ConferenceID: m.ConferenceID, Boxes: []quanshi.Box{{BoxID: "nope"}}})
	require.ErrorIs(t, err, quanshi.ErrNoValidBox)
	confLocked(srv, func(*state) { assert.Len(t, m.Boxes, 2, "a failed bind changes nothing") })

	_, err = c.Conference.Update(ctx, &quanshi.ConferenceUpdateRequest{ConferenceID: m.ConferenceID,
		ConferenceOptions: quanshi.ConferenceOptions{UserID: 4307081, Length: 45, Summary: new("改时长")}})
	require.NoError(t, err)
	confLocked(srv, func(*state) {
		assert.Equal(t, 45, m.Length)
		assert.Equal(t, "改时长", m.Summary)
		assert.NotEmpty(t, m.Invitees, "an update without an InviteeList keeps the invitees")
	})

	srv.Advance(time.Hour + 30*time.Second)
	st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: m.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusInProgress, st.Status)
	assert.Equal(t, 1, st.Attendees, "the host, as m.attendees() has it")
	err = c.Conference.Cancel(ctx, &quanshi.ConferenceCancelRequest{ConferenceID: m.ConferenceID, UserID: 4307081})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "it has started")
	confLocked(srv, func(*state) { assert.False(t, m.Cancelled) })
}

func TestConferenceBooksSharedMeetings(t *testing.T) {
	srv, c := confCrossSandbox(t)
	ctx := context.Background()
	start := confCrossBase.Add(2 * time.Hour)
	res, err := c.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		Email: "eyh1@test1.com", Title: "季度会", Length: 90, StartTime: start, Summary: new("备注"),
		InviteeList: []quanshi.ConferenceInvitee{{Email: "a@corp.test"}, {Email: "b@corp.test", Name: "B"}},
	}})
	require.NoError(t, err)

	var m *meeting
	confLocked(srv, func(st *state) {
		var err error
		m, err = st.byConference(res.ConferenceID)
		require.NoError(t, err)
		assert.Equal(t, "conference", m.Source)
		assert.Equal(t, "eyh1@test1.com", m.Host.Email, "the host was provisioned from the e-mail")
		assert.Equal(t, res.UserID, m.Host.ID)
		assert.Equal(t, "季度会", m.Title)
		assert.Equal(t, "备注", m.Summary)
		assert.True(t, m.Start.Equal(start))
		assert.Equal(t, 90, m.Length)
		assert.Equal(t, res.BillingCode, m.Billing)
		require.Len(t, m.Invitees, 2)
		assert.Equal(t, "b@corp.test", m.Invitees[1].Email)
		byEvent, err := st.byEventID(m.EventID)
		require.NoError(t, err)
		assert.Same(t, m, byEvent, "one meeting under every id")
		byTemp, err := st.byTempID(m.TempConferenceID)
		require.NoError(t, err)
		assert.Same(t, m, byTemp)
		assert.Len(t, m.attendees(), 3)
	})

	// The meeting ends on the clock, when reports and recordings exist.
	srv.Advance(2*time.Hour + 91*time.Minute)
	st, err := c.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	require.NoError(t, err)
	assert.Equal(t, quanshi.ConferenceStatusEnded, st.Status)
	confLocked(srv, func(*state) { assert.NoError(t, m.ended(srv.nowLocked())) })
}
