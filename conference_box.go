package quanshi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// Boxes: binding conference-room boxes (盒子) to a scheduled meeting.

// opConferenceBindBoxes goes to confopenapi.quanshi.com, the host seed 001
// §13 documents (over https: the page's http:// would carry the token in
// clear text); WithConfOpenAPIBaseURL points it elsewhere.
var opConferenceBindBoxes = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/conference/conference/confBindBox", confOpenAPIHost: true}

// BoxMaxPerConference is the most boxes one bind request may carry.
const BoxMaxPerConference = 20

// Box is one conference-room box and the room it is bound to (a boxInfoList
// item).
type Box struct {
	// BoxID (boxId) is the box's id, such as "GN3399BOX0001856". The box must belong
	// to the same customer (customerCode) as the meeting's host. Required.
	BoxID string `json:"boxId"`
	// ConferenceRoomID (conferenceRoomId) is the meeting room the box is bound to, or 0 when the
	// box is bound to none; it is always sent.
	ConferenceRoomID int64 `json:"conferenceRoomId"`
	// ConferenceRoomPhone (conferenceRoomPhone) is the meeting room's phone number.
	ConferenceRoomPhone string `json:"conferenceRoomPhone"`
}

// BoxBindRequest binds boxes to a scheduled meeting. Each request replaces
// every box bound to the meeting before; an empty Boxes unbinds them all.
type BoxBindRequest struct {
	// ConferenceID (conferenceId) is the scheduled meeting. Required.
	ConferenceID string `json:"conferenceId"`
	// Boxes (boxInfoList) are the boxes to bind, at most 20. It is always sent as an array:
	// nil or empty sends [], which unbinds every box.
	Boxes []Box `json:"boxInfoList"`
}

// BoxRejection is a box the server refused to bind, and why.
type BoxRejection struct {
	// Box is the rejected box as it was sent.
	Box
	// ErrMsg (errMsg) is the reason, such as "not found box info by boxId:...".
	ErrMsg string `json:"errMsg"`
}

// BoxBindResult is the outcome of a bind request: the boxes bound and the
// boxes rejected.
type BoxBindResult struct {
	// Bound are the boxes now bound to the meeting (successBoxIdList).
	Bound []Box `json:"successBoxIdList"`
	// Rejected are the boxes the server refused (invalidBoxIdList).
	Rejected []BoxRejection `json:"invalidBoxIdList"`
}

// BindBoxes binds boxes to a scheduled meeting, replacing the boxes bound
// before; an empty req.Boxes unbinds them all.
//
// Some boxes may be rejected while others are bound: the call then succeeds
// and the result's Rejected lists them with their reasons. When every box is
// rejected the server answers business code 51208: BindBoxes then returns
// the result (with Rejected filled) together with an error matching
// ErrNoValidBox; BoxBindResultFromError recovers the same result from the
// error alone.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/confBindBox
func (s *ConferenceService) BindBoxes(ctx context.Context, req *BoxBindRequest, opts ...CallOption) (*BoxBindResult, error) {
	op := opConferenceBindBoxes
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.required("conferenceId", req.ConferenceID)
	v.maxItems("boxInfoList", len(req.Boxes), BoxMaxPerConference)
	for i, b := range req.Boxes {
		v.required(fmt.Sprintf("boxInfoList[%d].boxId", i), b.BoxID)
		v.rule(b.ConferenceRoomID >= 0, fmt.Sprintf("boxInfoList[%d].conferenceRoomId", i), "must be a room id, or 0 when the box has no room")
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	out, err := callFor[BoxBindResult](ctx, s.caller(), op, req, opts)
	if err != nil {
		if res, ok := BoxBindResultFromError(err); ok {
			return res, err
		}
		return nil, err
	}
	return out, nil
}

// BoxUnbindAllRequest names the meeting whose boxes UnbindAllBoxes removes.
type BoxUnbindAllRequest struct {
	// ConferenceID is the scheduled meeting (conferenceId). Required.
	ConferenceID string `json:"conferenceId"`
}

// UnbindAllBoxes removes every box bound to a scheduled meeting (a bind
// request with an empty box list).
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/50
//
//quanshi:operation POST /conference/conference/confBindBox
func (s *ConferenceService) UnbindAllBoxes(ctx context.Context, req *BoxUnbindAllRequest, opts ...CallOption) error {
	if err := notNil(opConferenceBindBoxes, req); err != nil {
		return err
	}
	_, err := s.BindBoxes(ctx, &BoxBindRequest{ConferenceID: req.ConferenceID, Boxes: []Box{}}, opts...)
	return err
}

// BoxBindResultFromError returns the bind result carried by a BindBoxes
// error: when every box was rejected (business code 51208, ErrNoValidBox)
// the server still lists the rejected boxes and their reasons. It reports
// false for any other error.
func BoxBindResultFromError(err error) (*BoxBindResult, bool) {
	var apiErr *APIError
	if !errors.Is(err, ErrNoValidBox) || !errors.As(err, &apiErr) {
		return nil, false
	}
	var res BoxBindResult
	if apiErr.DecodeResult(&res) != nil {
		return nil, false
	}
	return &res, true
}
