package quanshitest

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// Join and launch credentials: the web join token of a booking, the
// temporary token and the service addresses of the third-party meeting
// centre.
//
// Sandbox rules:
//
//   - web/meeting/join/token needs a booking that is not cancelled or over
//     and a non-empty plainText object; the token is 32 random hex digits.
//   - getTemporaryToken needs userId or name; the token is a random UUID.
//   - getServerUrl answers the sandbox's hosts; with returnWebsiteUrl true it
//     needs name and adds the site links, each with a fresh authCode.

const (
	pathWebJoinToken   = "/confopenapi/web/meeting/join/token"
	pathTemporaryToken = "/eventopenapi/mcenter/thirdconf/getTemporaryToken"
	pathServerURL      = "/eventopenapi/mcenter/thirdconf/getServerUrl"

	siteHost = "https://site.sandbox.quanshi.test"
)

// launchRoutes are the join and launch credential endpoints.
func launchRoutes() []*route {
	return []*route{
		endpoint(pathWebJoinToken, confJSON(handleWebJoinToken)),
		endpoint(pathTemporaryToken, confJSON(handleTemporaryToken)),
		endpoint(pathServerURL, confJSON(handleServerURL)),
	}
}

type webJoinTokenRequest struct {
	EventID     int64          `json:"eventId"`
	PlainText   map[string]any `json:"plainText"`
	Timeout     *int           `json:"timeout"`
	UsableCount *int           `json:"usableCount"`
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func handleWebJoinToken(s *Server, c *call, req *webJoinTokenRequest) (any, error) {
	if len(req.PlainText) == 0 {
		return nil, fail(codeInvalidParameter, "plainText is required")
	}
	for _, n := range []*int{req.Timeout, req.UsableCount} {
		if n != nil && *n < 0 {
			return nil, fail(codeInvalidParameter, "timeout and usableCount must not be negative")
		}
	}
	m, err := eventOpenMeeting(s, c, req.EventID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"eventId": m.EventID, "tempToken": randomHex(16)}, nil
}

type temporaryTokenRequest struct {
	UserID int64  `json:"userId"`
	Name   string `json:"name"`
}

func handleTemporaryToken(s *Server, c *call, req *temporaryTokenRequest) (any, error) {
	if req.UserID <= 0 && strings.TrimSpace(req.Name) == "" {
		return nil, fail(codeInvalidParameter, "userId or name is required")
	}
	return map[string]string{"token": confToken()}, nil
}

type serverURLRequest struct {
	ReturnWebsiteURL bool   `json:"returnWebsiteUrl"`
	Name             string `json:"name"`
}

func handleServerURL(s *Server, c *call, req *serverURLRequest) (any, error) {
	out := map[string]string{
		"customerCode": customerCode, "fsServerHost": "https://fs.sandbox.quanshi.test/ucfserver",
		"siteHost": siteHost, "umsauthHost": "https://umsauth.sandbox.quanshi.test", "meetHost": linkMeetHost,
		"eventHost": "https://event.sandbox.quanshi.test", "liveHost": linkLiveHost, "adminHost": "https://admin.sandbox.quanshi.test",
	}
	if req.ReturnWebsiteURL {
		if strings.TrimSpace(req.Name) == "" {
			return nil, fail(codeInvalidParameter, "name is required when returnWebsiteUrl is true")
		}
		code := randomHex(8)
		out["websiteBasicUrl"] = siteHost + "/site?authCode=" + code
		out["mineUrl"] = siteHost + "/mine?authCode=" + code
	}
	return out, nil
}
