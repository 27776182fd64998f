package quanshitest

import (
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"
)

const pathTokenCreate = "/eventopenapi/token/create"

// coreRoutes are the routes every family relies on.
func coreRoutes() []*route {
	return []*route{endpoint(pathTokenCreate, handleTokenCreate)}
}

// credentials are the credential members a body may carry.
type credentials struct {
	Token     string `json:"token"`
	AppID     int    `json:"appId"`
	AppKey    string `json:"appKey"`
	APIKey    string `json:"api_key"`
	APISecret string `json:"api_secret"`
}

// authorize checks a call's credentials the way its family wants them. It
// runs with the lock held.
func (s *Server) authorize(r *http.Request, rt *route, c *call) (answer, bool) {
	var cred credentials
	if err := c.decode(&cred); err != nil {
		return answerFor(err), false
	}
	token := r.Header.Get("token")
	if token == "" {
		token = cred.Token
	}
	if s.cfg.signedCalls && (rt.auth == authToken || rt.auth == authLegacy) {
		if ans, ok := s.checkSignature(r, true); !ok {
			return ans, false
		}
	}
	switch rt.auth {
	case authNone:
		return answer{}, true
	case authSigned:
		return s.checkSignature(r, true)
	case authSignedAppID:
		return s.checkSignature(r, false)
	case authSignedOrToken:
		if r.Header.Get("CheckSum") != "" {
			return s.checkSignature(r, true)
		}
	case authAdmin:
		return s.checkAdminLogin(c)
	case authUMeeting:
		if same(cred.APIKey, s.UMeetingKey) && same(cred.APISecret, s.UMeetingSecret) {
			return answer{}, true
		}
		return unauthorized("invalid api_key or api_secret"), false
	case authLegacy:
		if r.Method == http.MethodPost && cred.AppID != 6 {
			return failure(codeInvalidParameter, "appId must be 6"), false
		}
		if token == "" && same(cred.AppKey, s.LegacyAppKey) {
			return answer{}, true
		}
	}
	if !s.tokenValid(token, c.now) {
		return unauthorized("token invalid or expired"), false
	}
	return answer{}, true
}

func unauthorized(msg string) answer {
	return answer{err: &apiError{code: codeTokenInvalid, msg: msg, httpStatus: http.StatusUnauthorized}}
}

func same(got, want string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func (s *Server) tokenValid(token string, now time.Time) bool {
	expiry, ok := s.tokens[token]
	return ok && now.Before(expiry)
}

// checkSignature verifies CheckSum = lower-hex SHA1(secret + Nonce + CurTime),
// signed with the AppId and its secret, or (when appKey allows) with the
// AppKey and AppSecret. Under WithSignatureWindow a CurTime further off the
// sandbox's clock is refused, as a replay guard would.
func (s *Server) checkSignature(r *http.Request, appKey bool) (answer, bool) {
	nonce, curTime := r.Header.Get("Nonce"), r.Header.Get("CurTime")
	secret := s.AppIDSecret
	switch {
	case r.Header.Get("AppId") != "":
		if !same(r.Header.Get("AppId"), s.AppID) {
			return unauthorized("unknown AppId"), false
		}
	case !appKey:
		return unauthorized("this endpoint is signed with an AppId"), false
	case !same(r.Header.Get("AppKey"), s.AppKey):
		return unauthorized("unknown AppKey"), false
	default:
		secret = s.AppSecret
	}
	if nonce == "" || len(nonce) > 128 || curTime == "" {
		return unauthorized("Nonce and CurTime are required; Nonce is at most 128 characters"), false
	}
	if ms, err := strconv.ParseInt(curTime, 10, 64); err != nil || s.cfg.signatureWindow > 0 && s.nowLocked().Sub(time.UnixMilli(ms)).Abs() > s.cfg.signatureWindow {
		return unauthorized("CurTime is not the current time"), false
	}
	sum := sha1.Sum([]byte(secret + nonce + curTime))
	if !same(r.Header.Get("CheckSum"), hex.EncodeToString(sum[:])) {
		return unauthorized("CheckSum mismatch"), false
	}
	return answer{}, true
}

// issueTokenLocked mints a token valid for the configured lifetime.
func (s *Server) issueTokenLocked() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	s.tokens[token] = s.nowLocked().Add(s.cfg.tokenTTL)
	return token
}

// IssueToken returns a fresh valid token, for clients given a static token.
func (s *Server) IssueToken() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issueTokenLocked()
}

// ExpireTokens makes every token issued so far invalid at once, as if they
// had all expired: the next call with one is answered token-invalid.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.tokens)
}

// Mints reports how many tokens /eventopenapi/token/create has minted.
func (s *Server) Mints() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mints
}

type tokenCreateRequest struct {
	UserID int64 `json:"userId"`
}

func handleTokenCreate(s *Server, c *call) (any, error) {
	var req tokenCreateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	if req.UserID != s.AdminUserID {
		return nil, fail(codeInvalidParameter, "userId %d is not the admin of this AppKey", req.UserID)
	}
	s.mints++
	token := s.issueTokenLocked()
	return map[string]any{
		"token": token, "userId": req.UserID, "createTime": c.now.UnixMilli(),
		"expire": int64(s.cfg.tokenTTL / time.Second), "customerCode": customerCode, "productId": nil,
	}, nil
}
