package quanshi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// Join and launch credentials: the web join token of a booking, the
// temporary token of the third-party meeting centre, and the service
// addresses (with login links) of the customer's site. Every token and login
// link these return is registered with the client's redactor: it never
// appears in an error or a log line of the SDK, and the result types print
// it masked.

var (
	opConferenceWebJoinToken = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
		Path: "/confopenapi/web/meeting/join/token"}
	opEventTemporaryToken = Operation{Family: FamilyEvent, Method: http.MethodPost,
		Path: "/eventopenapi/mcenter/thirdconf/getTemporaryToken"}
	opEventServerURLs = Operation{Family: FamilyEvent, Method: http.MethodPost,
		Path: "/eventopenapi/mcenter/thirdconf/getServerUrl"}
)

// ConferenceWebJoinTokenRequest asks for a token that joins a booking on
// the web (web/meeting/join/token).
type ConferenceWebJoinTokenRequest struct {
	// EventID is the booking (eventId). Required.
	EventID int64 `json:"eventId"`
	// PlainText is the JSON object the token carries, encrypted
	// (plainText), such as {"userId": 12345, "name": "mike"}. Required.
	PlainText map[string]any `json:"plainText"`
	// Timeout is how long the token lasts, in minutes (timeout); 0 is not
	// sent (the server's default is 5).
	Timeout int `json:"timeout,omitzero"`
	// UsableCount is how many times it can be used (usableCount); 0 is not
	// sent (the server's default is 6).
	UsableCount int `json:"usableCount,omitzero"`
}

// ConferenceWebJoinToken is a web join token: a credential. It prints
// masked.
type ConferenceWebJoinToken struct {
	// EventID is the booking (eventId).
	EventID int64 `json:"eventId"`
	// Token is the temporary token (tempToken).
	Token string `json:"tempToken"`
}

// String prints the token masked.
func (t ConferenceWebJoinToken) String() string {
	return fmt.Sprintf("{EventID:%d Token:%s}", t.EventID, redacted)
}

// GoString prints the token masked, for %#v.
func (t ConferenceWebJoinToken) GoString() string {
	return "quanshi.ConferenceWebJoinToken" + t.String()
}

// WebJoinToken returns a temporary token that joins a booking on the web,
// carrying the caller's plain-text object encrypted.
//
// Quanshi API docs: https://developer.quanshi.com/cn/node/651
//
//quanshi:operation POST /confopenapi/web/meeting/join/token
func (s *ConferenceService) WebJoinToken(ctx context.Context, req *ConferenceWebJoinTokenRequest, opts ...CallOption) (*ConferenceWebJoinToken, error) {
	op := opConferenceWebJoinToken
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(req.EventID > 0, "eventId", "is required")
	v.rule(len(req.PlainText) > 0, "plainText", "is required")
	v.rule(req.Timeout >= 0, "timeout", "must not be negative")
	v.rule(req.UsableCount >= 0, "usableCount", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	var out ConferenceWebJoinToken
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	if strings.TrimSpace(out.Token) == "" {
		return nil, malformedError(op.String(), http.StatusOK, nil, "the answer carries no tempToken", nil)
	}
	s.caller().remember(out.Token)
	return &out, nil
}

// EventTemporaryTokenRequest asks for a temporary token of the
// third-party meeting centre (getTemporaryToken). UserID or Name is
// required.
type EventTemporaryTokenRequest struct {
	// UserID is the user's Quanshi id (userId).
	UserID int64 `json:"userId,omitzero"`
	// Name is the user's name (name).
	Name string `json:"name,omitempty"`
	// CountryCode is the mobile number's country code (countryCode), as "86".
	CountryCode string `json:"countryCode,omitempty"`
	// Mobile is the user's mobile number (mobile).
	Mobile string `json:"mobile,omitempty"`
	// Email is the user's e-mail address (email). The page's example sends
	// "1224124", so it is not checked.
	Email string `json:"email,omitempty"`
	// Company is the user's company (company).
	Company string `json:"company,omitempty"`
	// ExtID is the user's id in your system (extId).
	ExtID string `json:"extId,omitempty"`
	// Timeout is how long the token lasts, in minutes (timeout); 0 is not
	// sent.
	Timeout int `json:"timeout,omitzero"`
	// UsableCount is how many times it can be used (usableCount); 0 is not
	// sent.
	UsableCount int `json:"usableCount,omitzero"`
}

// EventTemporaryToken is a temporary token: a credential. It prints masked.
type EventTemporaryToken struct {
	// Token is the token (data.token).
	Token string `json:"token"`
}

// String prints the token masked.
func (t EventTemporaryToken) String() string { return "{Token:" + redacted + "}" }

// GoString prints the token masked, for %#v.
func (t EventTemporaryToken) GoString() string { return "quanshi.EventTemporaryToken" + t.String() }

// TemporaryToken returns a temporary token for a user of the third-party
// meeting centre.
//
// Quanshi API docs: https://developer.quanshi.com/en/api/427
//
//quanshi:operation POST /eventopenapi/mcenter/thirdconf/getTemporaryToken
func (s *EventService) TemporaryToken(ctx context.Context, req *EventTemporaryTokenRequest, opts ...CallOption) (*EventTemporaryToken, error) {
	op := opEventTemporaryToken
	if err := notNil(op, req); err != nil {
		return nil, err
	}
	v := newCheck(op)
	v.rule(req.UserID > 0 || strings.TrimSpace(req.Name) != "", "userId", "userId or name is required")
	v.rule(req.UserID >= 0, "userId", "must not be negative")
	v.rule(req.Timeout >= 0, "timeout", "must not be negative")
	v.rule(req.UsableCount >= 0, "usableCount", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	var out EventTemporaryToken
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	if strings.TrimSpace(out.Token) == "" {
		return nil, malformedError(op.String(), http.StatusOK, nil, "the answer carries no data.token", nil)
	}
	s.caller().remember(out.Token)
	return &out, nil
}

// EventServerURLsRequest asks for the customer's service addresses
// (getServerUrl). It has no required field: nil asks for the addresses
// without the site links.
type EventServerURLsRequest struct {
	// ReturnWebsiteURL also returns the site's login links
	// (returnWebsiteUrl, sent as true/false; the server's default is false).
	ReturnWebsiteURL *bool `json:"returnWebsiteUrl,omitzero"`
	// Timeout is how long the links' authCode lasts, in minutes (timeout);
	// 0 is not sent (the server's default is 5).
	Timeout int `json:"timeout,omitzero"`
	// UsableCount is how many times the authCode can be used
	// (usableCount); 0 is not sent (the server's default is 6).
	UsableCount int `json:"usableCount,omitzero"`
	// Name is the user's name (name); required with ReturnWebsiteURL.
	Name string `json:"name,omitempty"`
	// OpenID is the user's WeCom id (openId).
	OpenID string `json:"openId,omitempty"`
	// Icon is the user's avatar (icon).
	Icon string `json:"icon,omitempty"`
	// CountryCode is the mobile number's country code (countryCode).
	CountryCode string `json:"countryCode,omitempty"`
	// Mobile is the user's mobile number (mobile).
	Mobile string `json:"mobile,omitempty"`
}

// EventServerURLs are the customer's service addresses (getServerUrl data).
// WebsiteBasicURL and MineURL log in and are masked by the client's
// redactor.
type EventServerURLs struct {
	// CustomerCode is the customer's code (customerCode).
	CustomerCode string `json:"customerCode"`
	// WebsiteBasicURL is the customer's own site, logged in
	// (websiteBasicUrl; only with ReturnWebsiteURL).
	WebsiteBasicURL string `json:"websiteBasicUrl"`
	// MineURL is the site's "mine" page, logged in (mineUrl; only with
	// ReturnWebsiteURL).
	MineURL string `json:"mineUrl"`
	// AdminHost is the admin centre (adminHost).
	AdminHost string `json:"adminHost"`
	// MeetHost is the meeting host (meetHost).
	MeetHost string `json:"meetHost"`
	// EventHost is the event host (eventHost).
	EventHost string `json:"eventHost"`
	// UMSAuthHost is the single sign-on host (umsauthHost).
	UMSAuthHost string `json:"umsauthHost"`
	// SiteHost is the site host (siteHost).
	SiteHost string `json:"siteHost"`
	// FSServerHost is the file server (fsServerHost).
	FSServerHost string `json:"fsServerHost"`
	// LiveHost is the live-stream host (liveHost).
	LiveHost string `json:"liveHost"`
}

// ServerURLs returns the customer's service addresses and, when asked, the
// site's login links.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/405
//
//quanshi:operation POST /eventopenapi/mcenter/thirdconf/getServerUrl
func (s *EventService) ServerURLs(ctx context.Context, req *EventServerURLsRequest, opts ...CallOption) (*EventServerURLs, error) {
	op := opEventServerURLs
	if req == nil {
		req = &EventServerURLsRequest{}
	}
	v := newCheck(op)
	website := req.ReturnWebsiteURL != nil && *req.ReturnWebsiteURL
	v.rule(!website || strings.TrimSpace(req.Name) != "", "name", "is required when returnWebsiteUrl is true")
	v.rule(req.Timeout >= 0, "timeout", "must not be negative")
	v.rule(req.UsableCount >= 0, "usableCount", "must not be negative")
	if err := v.err(); err != nil {
		return nil, err
	}
	var out EventServerURLs
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	s.caller().remember(out.WebsiteBasicURL, out.MineURL)
	return &out, nil
}
