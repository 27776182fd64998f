package quanshi

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// AuthService checks tokens.
type AuthService service

// TokenCheckRequest asks whether a token is valid.
type TokenCheckRequest struct {
	// Token is the token to check (token). Empty checks the client's own
	// token (WithToken, or the one it minted), placed by the client as on
	// every call.
	Token string `json:"token,omitempty"`
	// Path overrides the path the check is sent to. The page shows the path
	// as "/token/check", without the "/eventopenapi" prefix every other path
	// of the events host has, including the token mints beside it; the SDK
	// sends "/eventopenapi/token/check" and this field lets a caller whose
	// server answers the bare path send "/token/check". It must end in
	// "/token/check".
	Path string `json:"-"`
}

// TokenInfo is what the server knows of a token. An invalid or expired token
// is not an error: Valid is false and the other fields are empty.
type TokenInfo struct {
	// Valid reports whether the token is valid (valid).
	Valid bool `json:"valid"`
	// Token is the token checked (token); a credential, never log it.
	Token string `json:"token"`
	// UserID is the account the token acts for (userId).
	UserID int64 `json:"userId"`
	// UserName is that account's name (userName).
	UserName string `json:"userName"`
	// CreateTime is when the token was minted (createTime; createDate holds
	// the same as Beijing wall-clock text).
	CreateTime time.Time `json:"createTime" time:"unix"`
	// Expire is how long the token lives from CreateTime, in seconds
	// (expire; 86400 in the example).
	Expire int64 `json:"expire"`
	// CustomerCode is the customer the account belongs to (customerCode).
	CustomerCode string `json:"customerCode"`
}

// ExpiresAt is when the token expires (CreateTime plus Expire seconds), or
// the zero time when the answer did not say.
func (t *TokenInfo) ExpiresAt() time.Time {
	if t.CreateTime.IsZero() || t.Expire <= 0 {
		return time.Time{}
	}
	return t.CreateTime.Add(time.Duration(t.Expire) * time.Second)
}

var opTokenCheck = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/token/check", Idempotent: true}

// CheckToken asks the server whether a token is valid, and for whom and how
// long. An invalid or expired token answers Valid false (the page: code 200
// with data {"valid": false}), not an error. The path is the page's
// "/token/check" under the events host's "/eventopenapi" prefix, a choice
// (see TokenCheckRequest.Path).
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/484
//
//quanshi:operation POST /eventopenapi/token/check
func (s *AuthService) CheckToken(ctx context.Context, req *TokenCheckRequest, opts ...CallOption) (*TokenInfo, error) {
	if req == nil {
		req = &TokenCheckRequest{}
	}
	v := newCheck(opTokenCheck)
	v.rule(headerSafe(req.Token), "token", "holds control characters")
	v.rule(req.Path == "" || strings.HasPrefix(req.Path, "/") && strings.HasSuffix(req.Path, "/token/check") && !strings.ContainsAny(req.Path, "?#"),
		"Path", `must be an absolute path ending in "/token/check"`)
	if err := v.err(); err != nil {
		return nil, err
	}
	op := opTokenCheck
	if req.Token != "" {
		s.caller().remember(req.Token)
		op.ownCredential = true
	}
	if req.Path != "" {
		op.filledPath = req.Path
	}
	var out TokenInfo
	if err := s.caller().call(ctx, op, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}
