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

// recoverCase is one create and its Find helper: create fails with
// ErrOutcomeUnknown when its answer is lost, find says whether it booked.
type recoverCase struct {
	name   string
	path   string // the create's sandbox path, for the fault
	create func(ctx context.Context, c *quanshi.Client, title string) error
	find   func(ctx context.Context, c *quanshi.Client, title string) (id string, err error)
}

var recoverCases = []recoverCase{
	{"Conference.Create", relPathConfCreate,
		func(ctx context.Context, c *quanshi.Client, title string) error {
			return relErr(c.Conference.Create(ctx, relConferenceRequest(title)))
		},
		func(ctx context.Context, c *quanshi.Client, title string) (string, error) {
			req := relConferenceRequest(title)
			item, err := c.Conference.FindCreated(ctx, &quanshi.ConferenceFindRequest{UserID: req.UserID, Title: req.Title, Start: req.StartTime})
			if err != nil {
				return "", err
			}
			return item.ConferenceID, nil
		}},
	{"Room.Create", relPathRoomCreate,
		func(ctx context.Context, c *quanshi.Client, title string) error {
			return relErr(c.Room.Create(ctx, relRoomRequest(title)))
		},
		func(ctx context.Context, c *quanshi.Client, title string) (string, error) {
			req := relRoomRequest(title)
			m, err := c.Room.FindCreated(ctx, &quanshi.RoomFindRequest{UserID: req.UserID, Title: req.Title, Start: req.StartTime})
			if err != nil {
				return "", err
			}
			return m.ConferenceID, nil
		}},
	{"Event.Create", relPathEventCreate,
		func(ctx context.Context, c *quanshi.Client, title string) error {
			return relErr(c.Event.Create(ctx, relEventRequest(title)))
		},
		func(ctx context.Context, c *quanshi.Client, title string) (string, error) {
			req := relEventRequest(title)
			ev, err := c.Event.FindCreated(ctx, &quanshi.EventFindRequest{HostID: req.HostID, Title: req.Title, Start: req.StartTime})
			if err != nil {
				return "", err
			}
			return ev.ConferenceID, nil
		}},
	{"UMeeting.Schedule", relPathUMSchedule,
		func(ctx context.Context, c *quanshi.Client, title string) error {
			return relErr(c.UMeeting.Schedule(ctx, relUMeetingRequest(title)))
		},
		func(ctx context.Context, c *quanshi.Client, title string) (string, error) {
			req := relUMeetingRequest(title)
			m, err := c.UMeeting.FindScheduled(ctx, &quanshi.UMeetingFindRequest{UserKey: req.UserKey, Topic: req.Topic, Start: req.StartTime})
			if err != nil {
				return "", err
			}
			return m.ID, nil
		}},
	{"Room.AddRoom", "/confopenapi/room/create",
		func(ctx context.Context, c *quanshi.Client, title string) error {
			return relErr(c.Room.AddRoom(ctx, &quanshi.MeetingRoomAddRequest{UserID: relRoomHost, Name: title, Capacity: 8}))
		},
		func(ctx context.Context, c *quanshi.Client, title string) (string, error) {
			r, err := c.Room.FindAddedRoom(ctx, &quanshi.MeetingRoomFindRequest{Name: title})
			if err != nil {
				return "", err
			}
			return r.Name, nil
		}},
}

// For every create: an answer lost after the server booked gives
// ErrOutcomeUnknown and the helper finds the booking; lost before, it finds
// none (ErrNotBooked), and creating again books exactly once.
func TestFindHelpersAfterALostAnswer(t *testing.T) {
	for _, tc := range recoverCases {
		t.Run(tc.name, func(t *testing.T) {
			srv := relSandbox(t)
			c := relClient(t, srv, relTransport(t))
			ctx := relCtx(t)
			require.NoError(t, tc.create(ctx, c, "其他会议"), "a neighbour the lookup must not match")

			srv.Inject(quanshitest.Fault{Path: tc.path, Drop: true, AfterHandling: true})
			err := tc.create(ctx, c, "丢失的回答")
			require.ErrorIs(t, err, quanshi.ErrOutcomeUnknown)
			assert.Equal(t, 2, srv.Handled(tc.path), "the server booked it")
			id, err := tc.find(ctx, c, "丢失的回答")
			require.NoError(t, err, "booked: found")
			assert.NotEmpty(t, id)

			srv.Inject(quanshitest.Fault{Path: tc.path, Drop: true})
			err = tc.create(ctx, c, "没到达")
			require.ErrorIs(t, err, quanshi.ErrOutcomeUnknown, "the client cannot tell where the connection broke")
			_, err = tc.find(ctx, c, "没到达")
			require.ErrorIs(t, err, quanshi.ErrNotBooked)
			require.NoError(t, tc.create(ctx, c, "没到达"), "safe to create again")
			_, err = tc.find(ctx, c, "没到达")
			require.NoError(t, err)
			assert.Equal(t, 3, srv.Handled(tc.path), "each booking ran once")
		})
	}
}

// The match is on the start minute: the same title at another time is a
// different booking.
func TestFindCreatedMatchesTheStart(t *testing.T) {
	srv := relSandbox(t)
	c := relClient(t, srv, relTransport(t))
	ctx := relCtx(t)
	req := relConferenceRequest("周会")
	require.NoError(t, relErr(c.Conference.Create(ctx, req)))
	_, err := c.Conference.FindCreated(ctx, &quanshi.ConferenceFindRequest{UserID: req.UserID, Title: "周会", Start: req.StartTime.Add(time.Hour)})
	require.ErrorIs(t, err, quanshi.ErrNotBooked)
	item, err := c.Conference.FindCreated(ctx, &quanshi.ConferenceFindRequest{UserID: req.UserID, Title: " 周会 ", Start: req.StartTime.Add(20 * time.Second)})
	require.NoError(t, err)
	assert.Equal(t, "周会", item.ConferenceTitle)
}
