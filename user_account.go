package quanshi

import (
	"context"
	"net/http"
	"time"
)

// The classic account endpoints live under /user/account on the openapi
// host, with the classic envelope (status 0, payload in result) and appId 6
// in the body: getUserIdsByEmails authenticates like every classic call
// (token header, or the legacy appKey in the body); searchAccount and
// createAccount with an admin's login name and password (WithAdminLogin).

// userIDsByEmailsMax bounds the addresses of one getUserIdsByEmails call;
// the page gives no limit, so the openapi lookup's 200 is used.
const userIDsByEmailsMax = 200

// UserIDsByEmailsRequest asks for the userIds of e-mail addresses.
type UserIDsByEmailsRequest struct {
	// Emails are the e-mail addresses (emails). At least one, at most 200.
	Emails []string `json:"emails"`
}

// UserEmailID is one account found by e-mail address.
type UserEmailID struct {
	// UserID is the account's userId (userId).
	UserID int64 `json:"userId"`
	// Email is the account's e-mail address (email).
	Email string `json:"email"`
}

var opUserIDsByEmails = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/user/account/getUserIdsByEmails", Idempotent: true, AppKeyInBody: true}

// UserIDsByEmailsResult is what IDsByEmails found.
type UserIDsByEmailsResult struct {
	// Users are the accounts found (the answer's data array); addresses
	// without an account are left out.
	Users []UserEmailID
}

// IDsByEmails returns the userIds of the accounts with the given e-mail
// addresses (the classic call; addresses without an account are left out).
//
// Quanshi API docs: https://developer.quanshi.com/api/180
//
//quanshi:operation POST /user/account/getUserIdsByEmails
func (s *UserService) IDsByEmails(ctx context.Context, req *UserIDsByEmailsRequest, opts ...CallOption) (*UserIDsByEmailsResult, error) {
	if err := notNil(opUserIDsByEmails, req); err != nil {
		return nil, err
	}
	v := newCheck(opUserIDsByEmails)
	v.rule(len(req.Emails) > 0, "emails", "is required")
	v.maxItems("emails", len(req.Emails), userIDsByEmailsMax)
	checkEmails(v, "emails", req.Emails)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out []UserEmailID
	if err := s.caller().call(ctx, opUserIDsByEmails, req, &out, opts...); err != nil {
		return nil, err
	}
	return &UserIDsByEmailsResult{Users: out}, nil
}

// AccountSearchRequest asks for the full account record of an e-mail
// address.
type AccountSearchRequest struct {
	// Email is the account's e-mail address (account_userEmail). Required.
	Email string `json:"account_userEmail"`
}

// Account is the full account record of searchAccount. The page documents
// it by example only, and its stored copy is cut off inside
// userProductList; the fields below are those the example shows. The
// record's password member (a hash) is deliberately not kept.
type Account struct {
	// UserID is the account's userId (id).
	UserID int64 `json:"id"`
	// LoginName is the login name (loginName).
	LoginName string `json:"loginName"`
	// Email is the e-mail address (email).
	Email string `json:"email"`
	// Status is the account's state (userstatus): 0 disabled, 1 active,
	// 3 deleted.
	Status UserStatus `json:"userstatus"`
	// ProductStatus is whether the product is enabled (productStatus).
	ProductStatus int `json:"productStatus"`
	// Mobile is the mobile number (mobileNumber).
	Mobile string `json:"mobileNumber"`
	// CountryCode is the mobile number's country code (countryCode).
	CountryCode string `json:"countryCode"`
	// Registered reports whether the account is registered (register).
	Registered bool `json:"register"`
	// RegisteredAt is when it registered (registertime).
	RegisteredAt time.Time `json:"registertime" time:"any"`
	// LastLoginAt is its last login (lastlogintime); zero if never.
	LastLoginAt time.Time `json:"lastlogintime" time:"any"`
	// UpdatedAt is its last change (lastUpdateTime).
	UpdatedAt time.Time `json:"lastUpdateTime" time:"any"`
	// OrganizationID is its organisation's id (organizationId).
	OrganizationID int64 `json:"organizationId"`
	// OrganizationName is its organisation's name (organizationName).
	OrganizationName string `json:"organizationName"`
	// Position is the job title (position).
	Position string `json:"position"`
	// DisplayName is the name shown (displayName).
	DisplayName string `json:"displayName"`
	// FirstName is the first name (first_name).
	FirstName string `json:"first_name"`
	// MiddleName is the middle name (middle_name).
	MiddleName string `json:"middle_name"`
	// LastName is the last name (last_name).
	LastName string `json:"last_name"`
	// MailVerified reports whether the e-mail address is verified
	// (mailVerified).
	MailVerified bool `json:"mailVerified"`
	// PhoneVerified reports whether the mobile number is verified
	// (phoneVerified).
	PhoneVerified bool `json:"phoneVerified"`
	// Role is the account's role (role; 1 in the example, undocumented).
	Role int `json:"role"`
	// Products are the account's products (userProductList).
	Products []AccountProduct `json:"userProductList"`
}

// AccountProduct is one item of userProductList (the page is cut off inside
// its first item).
type AccountProduct struct {
	// UserID is the account's userId (userId).
	UserID int64 `json:"userId"`
	// ProductID is the product's id (productId).
	ProductID int64 `json:"productId"`
}

var opAccountSearch = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/user/account/searchAccount", Idempotent: true, adminLogin: true}

// SearchAccount returns the full account record of an e-mail address. It
// authenticates with the admin login of WithAdminLogin.
//
// Quanshi API docs: https://developer.quanshi.com/api/179
//
//quanshi:operation POST /user/account/searchAccount
func (s *UserService) SearchAccount(ctx context.Context, req *AccountSearchRequest, opts ...CallOption) (*Account, error) {
	if err := notNil(opAccountSearch, req); err != nil {
		return nil, err
	}
	v := newCheck(opAccountSearch)
	v.required("account_userEmail", req.Email)
	v.email("account_userEmail", req.Email)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out Account
	if err := s.caller().call(ctx, opAccountSearch, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// AccountCreateRequest describes a new account, modelled on a template
// account.
type AccountCreateRequest struct {
	// TemplateUserID is the userId of the account the new one is modelled
	// on (hostUserId). Required.
	TemplateUserID int64 `json:"hostUserId"`
	// Name is the new account's user name (account_userName). Required.
	Name string `json:"account_userName"`
	// Email is its e-mail address (account_userEmail). Required.
	Email string `json:"account_userEmail"`
	// Password is its initial password (account_userPassword). Optional: the
	// server makes one and answers it.
	Password string `json:"account_userPassword,omitempty"`
	// SiteURL is the site's URL (AccountSiteUrl).
	SiteURL string `json:"AccountSiteUrl,omitempty"`
	// AccountType is 1 for an account that hosts (books meetings; phone
	// dial-out is forced on), 2 for a user who only attends (AccountType).
	// 0 sends nothing: as the template.
	AccountType int `json:"AccountType,omitzero"`
	// CountryCode is the mobile number's country code
	// (account_countryCode; the server's default is 86).
	CountryCode string `json:"account_countryCode,omitempty"`
	// Mobile is the mobile number (account_userMobile). Optional.
	Mobile string `json:"account_userMobile,omitempty"`
	// Company is the company name (account_company). Optional.
	Company string `json:"account_company,omitempty"`
	// Phone is a contact phone number (AccountUserTel). Optional.
	Phone string `json:"AccountUserTel,omitempty"`
	// Language is the account's language: "zh-cn" or "en" (language).
	Language string `json:"language,omitempty"`
	// ConferenceScale is the most participants a meeting admits
	// (confScale; hosting accounts only). Optional.
	ConferenceScale int `json:"confScale,omitzero"`
	// AllowHostCall lets the host dial out to themself (allowHostCall, sent
	// as 0/1; the server's default is 1). nil sends nothing.
	AllowHostCall *bool `json:"-"`
	// AllowParticipantCall lets participants dial out to themselves
	// (allowAttendeeCall, sent as 0/1; default 1). nil sends nothing.
	AllowParticipantCall *bool `json:"-"`
	// CallbackURL is called (POST) once the account is usable
	// (callbackUrl). Optional.
	CallbackURL string `json:"callbackUrl,omitempty"`
}

// CreatedAccount is a new account.
type CreatedAccount struct {
	// UserID is its userId (userId).
	UserID int64 `json:"userId"`
	// Password is its initial password (passwd): a credential, pass it to
	// its owner and never log it.
	Password string `json:"passwd"`
}

var opAccountCreate = Operation{Family: FamilyConference, Method: http.MethodPost,
	Path: "/user/account/createAccount", adminLogin: true}

// CreateAccount creates an account modelled on a template account and
// returns its userId and initial password. It authenticates with the admin
// login of WithAdminLogin. It is a write: never retried once sent.
//
// Quanshi API docs: https://developer.quanshi.com/api/49
//
//quanshi:operation POST /user/account/createAccount
func (s *UserService) CreateAccount(ctx context.Context, req *AccountCreateRequest, opts ...CallOption) (*CreatedAccount, error) {
	if err := notNil(opAccountCreate, req); err != nil {
		return nil, err
	}
	v := newCheck(opAccountCreate)
	v.rule(req.TemplateUserID > 0, "hostUserId", "must be a positive userId")
	v.required("account_userName", req.Name)
	v.required("account_userEmail", req.Email)
	v.email("account_userEmail", req.Email)
	oneOf(v, "AccountType", req.AccountType, 1, 2)
	oneOf(v, "language", req.Language, "zh-cn", "en")
	v.rule(req.ConferenceScale >= 0, "confScale", "must not be negative")
	v.httpURL("callbackUrl", req.CallbackURL)
	if err := v.err(); err != nil {
		return nil, err
	}
	body := struct {
		*AccountCreateRequest
		AllowHostCall     *int `json:"allowHostCall,omitempty"`
		AllowAttendeeCall *int `json:"allowAttendeeCall,omitempty"`
	}{req, flag01(req.AllowHostCall), flag01(req.AllowParticipantCall)}
	var out CreatedAccount
	if err := s.caller().call(ctx, opAccountCreate, body, &out, opts...); err != nil {
		return nil, err
	}
	s.caller().remember(out.Password)
	return &out, nil
}

// flag01 is an optional on/off setting in its 0/1 wire form; nil stays nil.
func flag01(b *bool) *int {
	switch {
	case b == nil:
		return nil
	case *b:
		return new(1)
	}
	return new(0)
}
