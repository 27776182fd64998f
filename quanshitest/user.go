package quanshitest

import (
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
)

// Paths of the account endpoints and the token endpoints beside the mint.
const (
	pathTokenCreateV2   = "/eventopenapi/token/v2/create"
	pathTokenCheck      = "/eventopenapi/token/check"
	pathUserByEmail     = "/eventopenapi/user/search/email"
	pathUserByEmails    = "/eventopenapi/user/v2/search/emails"
	pathUserByMobiles   = "/eventopenapi/user/v2/search/mobiles"
	pathUsersByEmailsMo = "/confopenapi/account/getUsersByEmailsMobiles"
	pathUserIDsByEmails = "/user/account/getUserIdsByEmails"
	pathAccountSearch   = "/user/account/searchAccount"
	pathAccountCreate   = "/user/account/createAccount"
)

// codeUserNotFound answers a lookup of an unknown account. The real code is
// undocumented; the sandbox uses 404.
const codeUserNotFound = 404

// userAuth is how the account and token endpoints authenticate, where it
// differs from their host's rule.
var userAuth = map[string]authKind{
	pathTokenCreateV2:   authSignedAppID,
	pathTokenCheck:      authNone,
	pathUserByEmail:     authSigned,
	pathUserByEmails:    authSignedOrToken,
	pathUserByMobiles:   authSignedOrToken,
	pathUsersByEmailsMo: authSignedOrToken,
	pathAccountSearch:   authAdmin,
	pathAccountCreate:   authAdmin,
}

func userRoutes() []*route {
	return []*route{
		endpoint(pathTokenCreateV2, handleTokenCreateV2),
		endpoint(pathTokenCheck, handleTokenCheck),
		endpoint(pathUserByEmail, handleUserByEmail),
		endpoint(pathUserByEmails, handleUserByEmails),
		endpoint(pathUserByMobiles, handleUserByMobiles),
		endpoint(pathUsersByEmailsMo, handleUsersByEmailsMobiles),
		endpoint(pathUserIDsByEmails, handleUserIDsByEmails),
		endpoint(pathAccountSearch, handleAccountSearch),
		endpoint(pathAccountCreate, handleAccountCreate),
	}
}

// User is an account to seed the sandbox's directory with (WithUsers).
type User struct {
	// UserID is the account's Quanshi userId.
	UserID int64
	// Email is its e-mail address (verified).
	Email string
	// Name is its display name.
	Name string
	// Mobile is its mobile number without country code (verified when set).
	Mobile string
}

// seedUsers adds the WithUsers accounts.
func (st *state) seedUsers(users []User) error {
	for _, u := range users {
		switch {
		case u.UserID <= 0 || strings.TrimSpace(u.Email) == "":
			return fmt.Errorf("WithUsers: every user needs a positive UserID and an e-mail address")
		case st.users[u.UserID] != nil || st.byEmail[strings.ToLower(u.Email)] != nil:
			return fmt.Errorf("WithUsers: userId %d or its e-mail address is taken", u.UserID)
		}
		st.addUser(&user{ID: u.UserID, Email: u.Email, Name: u.Name, Mobile: u.Mobile})
	}
	return nil
}

// The requests of the account and token endpoints, as their pages spell them.
type (
	userEmailRequest struct {
		Email string `json:"email"`
	}
	userEmailsRequest struct {
		Emails []string `json:"emails"`
	}
	userMobilesRequest struct {
		Mobiles []userMobile `json:"mobiles"`
	}
	userMobile struct {
		CountryCode string `json:"countryCode"`
		PhoneNumber string `json:"phoneNumber"`
	}
	userLookupRequest struct {
		Emails     []string `json:"emails"`
		Mobiles    []string `json:"mobiles"`
		LoginNames []string `json:"loginNames"`
	}
	adminCredentials struct {
		AppID    int    `json:"appId"`
		Username string `json:"username"`
		Password string `json:"password"`
	}
	accountSearchRequest struct {
		Email string `json:"account_userEmail"`
	}
	accountCreateRequest struct {
		HostUserID int64  `json:"hostUserId"`
		Name       string `json:"account_userName"`
		Email      string `json:"account_userEmail"`
		Password   string `json:"account_userPassword"`
		Mobile     string `json:"account_userMobile"`
	}
	tokenCheckRequest struct {
		Token string `json:"token"`
	}
)

// wireUser is an account as the events host's lookups answer it (cn/api/440,
// cn/api/421, cn/api/431).
type wireUser struct {
	UserID        int64         `json:"userId"`
	LoginName     string        `json:"loginName"`
	Email         string        `json:"email"`
	CountryCode   string        `json:"countryCode"`
	Mobile        string        `json:"mobile"`
	CustomerCode  string        `json:"customerCode"`
	CustomerName  string        `json:"customerName"`
	DisplayName   string        `json:"displayName"`
	FirstName     string        `json:"firstName"`
	MiddleName    string        `json:"middleName"`
	LastName      string        `json:"lastName"`
	UserStatus    int           `json:"userStatus"`
	ProductStatus int           `json:"productStatus"`
	AccountType   int           `json:"accountType"`
	Products      []wireProduct `json:"products"`
	MailVerified  bool          `json:"mailVerified"`
	PhoneVerified bool          `json:"phoneVerified"`
}

type wireProduct struct {
	ProductID         int64 `json:"productId"`
	AccountStatus     int   `json:"accountStatus"`
	AccountCostStatus int   `json:"accountCostStatus"`
}

func toWireUser(u *user) wireUser {
	return wireUser{
		UserID: u.ID, LoginName: u.Email, Email: u.Email, CountryCode: "86", Mobile: u.Mobile,
		CustomerCode: customerCode, DisplayName: u.Name, LastName: u.Name, UserStatus: 1, ProductStatus: 1,
		AccountType: 1, Products: []wireProduct{{ProductID: 80, AccountStatus: 82, AccountCostStatus: 62}},
		MailVerified: true, PhoneVerified: u.Mobile != "",
	}
}

func (st *state) userByEmail(email string) *user {
	return st.byEmail[strings.ToLower(strings.TrimSpace(email))]
}

func (st *state) userByMobile(number string) *user {
	for _, u := range st.users {
		if number != "" && u.Mobile == number {
			return u
		}
	}
	return nil
}

func handleUserByEmail(s *Server, c *call) (any, error) {
	var req userEmailRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	u := s.state.userByEmail(req.Email)
	if u == nil {
		return nil, fail(codeUserNotFound, "no user with this e-mail address")
	}
	return toWireUser(u), nil
}

func handleUserByEmails(s *Server, c *call) (any, error) {
	var req userEmailsRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	return usersByKey("emails", req.Emails, s.state.userByEmail)
}

func handleUserByMobiles(s *Server, c *call) (any, error) {
	var req userMobilesRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	numbers := make([]string, len(req.Mobiles))
	for i, m := range req.Mobiles {
		numbers[i] = m.PhoneNumber
	}
	return usersByKey("mobiles", numbers, s.state.userByMobile)
}

// usersByKey answers a batch lookup of the events host: each value that
// names an account maps to a list holding it (the pages group the answer by
// the value asked for); the others are left out.
func usersByKey(field string, keys []string, find func(string) *user) (any, error) {
	if len(keys) == 0 {
		return nil, fail(codeInvalidParameter, "%s is required", field)
	}
	out := map[string][]wireUser{}
	for _, k := range keys {
		if u := find(k); u != nil {
			out[k] = []wireUser{toWireUser(u)}
		}
	}
	return out, nil
}

// openapiUser is an account as getUsersByEmailsMobiles answers it
// (en/node/184).
type openapiUser struct {
	UserID       int64  `json:"userId"`
	LoginName    string `json:"loginName"`
	Email        string `json:"email"`
	CountryCode  string `json:"countryCode"`
	Mobile       string `json:"mobile"`
	CustomerCode string `json:"customerCode"`
	CompanyName  string `json:"companyName"`
	DisplayName  string `json:"displayName"`
	FirstName    string `json:"firstName"`
	MiddleName   string `json:"middleName"`
	LastName     string `json:"lastName"`
}

func handleUsersByEmailsMobiles(s *Server, c *call) (any, error) {
	var req userLookupRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case len(req.Emails)+len(req.Mobiles)+len(req.LoginNames) == 0:
		return nil, fail(codeInvalidParameter, "one of emails, mobiles and loginNames is required")
	case len(req.Emails) > 200 || len(req.Mobiles) > 200 || len(req.LoginNames) > 200:
		return nil, fail(codeInvalidParameter, "at most 200 of each")
	}
	out := map[string]openapiUser{}
	add := func(key string, u *user) {
		if u != nil {
			out[key] = openapiUser{UserID: u.ID, LoginName: u.Email, Email: u.Email, CountryCode: "86", Mobile: u.Mobile,
				CustomerCode: customerCode, DisplayName: u.Name, LastName: u.Name}
		}
	}
	for _, e := range append(req.Emails, req.LoginNames...) {
		add(e, s.state.userByEmail(e))
	}
	for _, m := range req.Mobiles {
		add(m, s.state.userByMobile(m))
	}
	return out, nil
}

func handleUserIDsByEmails(s *Server, c *call) (any, error) {
	var req userEmailsRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	type idEmail struct {
		UserID int64  `json:"userId"`
		Email  string `json:"email"`
	}
	out := []idEmail{}
	for _, e := range req.Emails {
		if u := s.state.userByEmail(e); u != nil {
			out = append(out, idEmail{u.ID, u.Email})
		}
	}
	return out, nil
}

// checkAdminLogin verifies appId 6 and the admin login in the body.
func (s *Server) checkAdminLogin(c *call) (answer, bool) {
	var cred adminCredentials
	if err := c.decode(&cred); err != nil {
		return answerFor(err), false
	}
	switch {
	case cred.AppID != 6:
		return failure(codeInvalidParameter, "appId must be 6"), false
	case !same(cred.Username, s.AdminLogin) || !same(cred.Password, s.AdminPassword):
		return unauthorized("wrong admin username or password"), false
	}
	return answer{}, true
}

func handleAccountSearch(s *Server, c *call) (any, error) {
	var req accountSearchRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	u := s.state.userByEmail(req.Email)
	if u == nil {
		return nil, fail(codeUserNotFound, "no account with this e-mail address")
	}
	return map[string]any{
		"id": u.ID, "loginName": u.Email, "email": u.Email, "userstatus": 1, "productStatus": 0,
		"mobileNumber": u.Mobile, "register": true, "registertime": c.now.UnixMilli(), "lastlogintime": 0,
		"displayName": u.Name, "first_name": "", "middle_name": "", "last_name": u.Name, "countryCode": "86",
		"mailVerified": true, "phoneVerified": u.Mobile != "", "role": 1,
		"userProductList": []map[string]any{{"id": 0, "userId": u.ID, "productId": 80}},
	}, nil
}

func handleAccountCreate(s *Server, c *call) (any, error) {
	var req accountCreateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case s.state.users[req.HostUserID] == nil:
		return nil, fail(codeInvalidParameter, "hostUserId is not an account")
	case strings.TrimSpace(req.Name) == "" || !strings.Contains(req.Email, "@"):
		return nil, fail(codeInvalidParameter, "account_userName and account_userEmail are required")
	case s.state.userByEmail(req.Email) != nil:
		return nil, fail(codeInvalidParameter, "the e-mail address has an account already")
	}
	s.state.nextUser++
	u := s.state.addUser(&user{ID: s.state.nextUser, Email: req.Email, Name: req.Name, Mobile: req.Mobile})
	password := req.Password
	if password == "" {
		password = "Qs" + rand.Text()[:8]
	}
	return map[string]any{"userId": u.ID, "passwd": password}, nil
}

func handleTokenCreateV2(s *Server, c *call) (any, error) {
	s.mints++
	token := s.issueTokenLocked()
	admin := s.state.users[s.AdminUserID]
	return map[string]any{
		"token": token, "userId": s.AdminUserID, "userName": admin.Name, "createTime": c.now.UnixMilli(),
		"expire": int64(s.cfg.tokenTTL / time.Second), "productId": 80, "customerCode": customerCode,
	}, nil
}

func handleTokenCheck(s *Server, c *call) (any, error) {
	var req tokenCheckRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	expiry, ok := s.tokens[req.Token]
	if req.Token == "" || !ok || !c.now.Before(expiry) {
		return map[string]any{"valid": false}, nil
	}
	admin := s.state.users[s.AdminUserID]
	created := expiry.Add(-s.cfg.tokenTTL)
	return map[string]any{
		"valid": true, "token": req.Token, "userId": s.AdminUserID, "userName": admin.Name,
		"createTime": created.UnixMilli(), "expire": int64(s.cfg.tokenTTL / time.Second), "customerCode": customerCode,
		"createDate": created.In(quanshi.Beijing).Format(time.DateTime),
	}, nil
}
