package quanshi

import (
	"context"
	"net/http"
	"strconv"
	"strings"
)

// Inviting more people to an event (batch/forward).

var opEventForward = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/event/batch/forward"}

// Event roles a forward can give (roleId of the standard meeting roles;
// professional meetings use the btpRole ids of their event details).
const (
	// EventRoleCoHost is a co-host (联席主持人, roleId 2).
	EventRoleCoHost int64 = 2
	// EventRoleGuest is a guest (嘉宾, roleId 3).
	EventRoleGuest int64 = 3
)

// EventForwardRequest invites people to an event (batch/forward).
type EventForwardRequest struct {
	// EventID is the event (eventId). Required.
	EventID int64 `json:"eventId"`
	// Invitees are the people to invite, grouped by role (attendList).
	// Required: a forward without anyone does nothing.
	Invitees []EventForwardGroup `json:"attendList"`
}

// EventForwardGroup is the people a forward invites with one role.
// UserIDs, Mobiles and Emails name Quanshi users; at least one is required.
type EventForwardGroup struct {
	// RoleID is the role they get (roleId), such as EventRoleGuest.
	// Required.
	RoleID int64 `json:"roleId"`
	// UserIDs are Quanshi user ids (userIdList).
	UserIDs []int64 `json:"userIdList,omitempty"`
	// Mobiles are Quanshi users' mobile numbers (mobileList), turned into
	// their user ids by the server.
	Mobiles []EventMobile `json:"mobileList,omitempty"`
	// Emails are Quanshi users' e-mail addresses (emailList), turned into
	// their user ids by the server.
	Emails []string `json:"emailList,omitempty"`
}

// EventMobile is a mobile number with its country code (a mobileList item).
type EventMobile struct {
	// CountryCode is the country code (countryCode); "" is not sent (the
	// server's default is "86").
	CountryCode string `json:"countryCode,omitempty"`
	// Mobile is the number (mobile). Required.
	Mobile string `json:"mobile"`
}

// Forward invites Quanshi users to an event, each group with its role; the
// server sends them the invitation.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/538
//
//quanshi:operation POST /eventopenapi/event/batch/forward
func (s *EventService) Forward(ctx context.Context, req *EventForwardRequest, opts ...CallOption) error {
	op := opEventForward
	if err := notNil(op, req); err != nil {
		return err
	}
	v := newCheck(op)
	v.rule(req.EventID > 0, "eventId", "is required")
	v.rule(len(req.Invitees) > 0, "attendList", "is required")
	for i, g := range req.Invitees {
		eventForwardGroupCheck(v, "attendList["+strconv.Itoa(i)+"]", g)
	}
	if err := v.err(); err != nil {
		return err
	}
	return s.caller().call(ctx, op, req, nil, opts...)
}

// eventForwardGroupCheck checks one group of a forward.
func eventForwardGroupCheck(v *check, at string, g EventForwardGroup) {
	v.rule(g.RoleID > 0, at+".roleId", "is required")
	v.rule(len(g.UserIDs)+len(g.Mobiles)+len(g.Emails) > 0, at+".userIdList", "userIdList, mobileList or emailList is required")
	for i, id := range g.UserIDs {
		v.rule(id > 0, at+".userIdList["+strconv.Itoa(i)+"]", "must be a positive user id")
	}
	for i, m := range g.Mobiles {
		v.required(at+".mobileList["+strconv.Itoa(i)+"].mobile", m.Mobile)
	}
	for i, e := range g.Emails {
		field := at + ".emailList[" + strconv.Itoa(i) + "]"
		v.required(field, e)
		v.email(field, strings.TrimSpace(e))
	}
}
