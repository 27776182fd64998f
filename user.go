package quanshi

import (
	"context"
	"net/http"
	"strconv"
)

// UserService looks up Quanshi accounts: above all the userId of a host,
// which every booking needs, found by the host's e-mail address. The lookups
// of the events host authenticate with the signed headers when the client
// has app credentials (WithAppCredentials or WithAppIDCredentials), so they
// work before any token exists; the pipeline places them.
type UserService service

// UserStatus is an account's state (userStatus).
type UserStatus int

// The documented account states (cn/api/421).
const (
	// UserDisabled: left the company or disabled (0, 离职或禁用).
	UserDisabled UserStatus = 0
	// UserActive: activated (1, 已激活).
	UserActive UserStatus = 1
	// UserDeleted: deleted (3, 已删除).
	UserDeleted UserStatus = 3
)

// String returns the state's name, or "UserStatus(n)" for an undocumented one.
func (s UserStatus) String() string {
	switch s {
	case UserDisabled:
		return "disabled"
	case UserActive:
		return "active"
	case UserDeleted:
		return "deleted"
	}
	return "UserStatus(" + strconv.Itoa(int(s)) + ")"
}

// UserAccountType is whether an account is personal or an enterprise's
// (accountType).
type UserAccountType int

// The documented account types (cn/api/421).
const (
	// UserAccountPersonal: an account of a personal or e-commerce site (0).
	UserAccountPersonal UserAccountType = 0
	// UserAccountEnterprise: an enterprise account (1).
	UserAccountEnterprise UserAccountType = 1
)

// String returns the type's name, or "UserAccountType(n)".
func (t UserAccountType) String() string {
	switch t {
	case UserAccountPersonal:
		return "personal"
	case UserAccountEnterprise:
		return "enterprise"
	}
	return "UserAccountType(" + strconv.Itoa(int(t)) + ")"
}

// User is a Quanshi account as the lookups return it. Each lookup fills the
// fields its page documents; the others stay zero.
type User struct {
	// UserID is the account's Quanshi userId (userId): the host id of a
	// booking.
	UserID int64 `json:"userId"`
	// LoginName is the login name (loginName).
	LoginName string `json:"loginName"`
	// Email is the e-mail address (email).
	Email string `json:"email"`
	// CountryCode is the mobile number's country code (countryCode).
	CountryCode string `json:"countryCode"`
	// Mobile is the mobile number (mobile).
	Mobile string `json:"mobile"`
	// CustomerCode is the customer the account belongs to (customerCode).
	CustomerCode string `json:"customerCode"`
	// CustomerName is the customer's name (customerName).
	CustomerName string `json:"customerName"`
	// CompanyName is the company's name (companyName; the openapi lookup).
	CompanyName string `json:"companyName"`
	// DisplayName is the name shown (displayName).
	DisplayName string `json:"displayName"`
	// FirstName is the first name (firstName).
	FirstName string `json:"firstName"`
	// MiddleName is the middle name (middleName).
	MiddleName string `json:"middleName"`
	// LastName is the last name (lastName).
	LastName string `json:"lastName"`
	// Status is the account's state (userStatus): 0 disabled, 1 active,
	// 3 deleted.
	Status UserStatus `json:"userStatus"`
	// ProductStatus is whether the product is enabled (productStatus):
	// 0 unknown (the default), 1 enabled, 2 not enabled.
	ProductStatus int `json:"productStatus"`
	// AccountType is personal (0) or enterprise (1) (accountType).
	AccountType UserAccountType `json:"accountType"`
	// Products are the account's products (products).
	Products []UserProduct `json:"products"`
	// MailVerified reports whether the e-mail address is verified
	// (mailVerified).
	MailVerified bool `json:"mailVerified"`
	// PhoneVerified reports whether the mobile number is verified
	// (phoneVerified).
	PhoneVerified bool `json:"phoneVerified"`
}

// UserProduct is one product of an account.
type UserProduct struct {
	// ProductID is the product's id (productId).
	ProductID int64 `json:"productId"`
	// AccountStatus is the account's state for the product (accountStatus):
	// 9 trial, 82 regular, 91 expired, 81 in arrears, 0 disabled.
	AccountStatus int `json:"accountStatus"`
	// AccountCostStatus is the billing state (accountCostStatus): 82 regular,
	// 9 trial, 91 expired, 81 in arrears, 71 contract ended, 61 free,
	// 62 paid.
	AccountCostStatus int `json:"accountCostStatus"`
}

// UserFindByEmailRequest asks for the account with an e-mail address.
type UserFindByEmailRequest struct {
	// Email is the account's e-mail address (email). Required.
	Email string `json:"email"`
}

var opUserFindByEmail = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/user/search/email", Idempotent: true, SignedHeaders: true}

// FindByEmail finds the account with an e-mail address: the documented first
// step of an integration, which gives the host's userId for bookings (and,
// for WithAppCredentials, the admin's userId for minting). It is signed with
// the app credentials and sends no token, so it needs WithAppCredentials or
// WithAppIDCredentials. The page cn/api/440 shows the call and its answer;
// the field table is cn/api/421's.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/440
//
//quanshi:operation POST /eventopenapi/user/search/email
func (s *UserService) FindByEmail(ctx context.Context, req *UserFindByEmailRequest, opts ...CallOption) (*User, error) {
	if err := notNil(opUserFindByEmail, req); err != nil {
		return nil, err
	}
	v := newCheck(opUserFindByEmail)
	v.required("email", req.Email)
	v.email("email", req.Email)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out User
	if err := s.caller().call(ctx, opUserFindByEmail, req, &out, opts...); err != nil {
		return nil, err
	}
	return &out, nil
}

// UserSearchEmailsRequest asks for the accounts of verified e-mail addresses.
type UserSearchEmailsRequest struct {
	// Emails are the e-mail addresses (emails); only verified addresses
	// match. At least one.
	Emails []string `json:"emails"`
}

var opUserSearchEmails = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/user/v2/search/emails", Idempotent: true, signedIfAble: true}

// SearchVerifiedEmails finds the accounts of verified e-mail addresses. The
// answer is keyed by the address asked for; an address without an account is
// absent. It is signed when the client has app credentials, and sends the
// token otherwise (the page allows either). The page's example answer is cut
// off inside data; it is read like cn/api/432's, a list per key.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/431
//
//quanshi:operation POST /eventopenapi/user/v2/search/emails
func (s *UserService) SearchVerifiedEmails(ctx context.Context, req *UserSearchEmailsRequest, opts ...CallOption) (*UserSearchResult, error) {
	if err := notNil(opUserSearchEmails, req); err != nil {
		return nil, err
	}
	v := newCheck(opUserSearchEmails)
	v.rule(len(req.Emails) > 0, "emails", "is required")
	checkEmails(v, "emails", req.Emails)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out map[string][]User
	if err := s.caller().call(ctx, opUserSearchEmails, req, &out, opts...); err != nil {
		return nil, err
	}
	return &UserSearchResult{Matches: out}, nil
}

// checkEmails checks that every item of a list is an e-mail address; the
// error names the item's index, never the address.
func checkEmails(v *check, field string, emails []string) {
	for i, e := range emails {
		item := field + "[" + strconv.Itoa(i) + "]"
		v.required(item, e)
		v.email(item, e)
	}
}

// UserSearchMobilesRequest asks for the accounts of verified mobile numbers.
type UserSearchMobilesRequest struct {
	// Mobiles are the mobile numbers (mobiles); only verified numbers match.
	// At least one.
	Mobiles []UserMobile `json:"mobiles"`
}

// UserMobile is a mobile number with its country code.
type UserMobile struct {
	// CountryCode is the country code, as "86" (countryCode). Optional.
	CountryCode string `json:"countryCode,omitempty"`
	// PhoneNumber is the number (phoneNumber). Required.
	PhoneNumber string `json:"phoneNumber"`
}

var opUserSearchMobiles = Operation{Family: FamilyEvent, Method: http.MethodPost,
	Path: "/eventopenapi/user/v2/search/mobiles", Idempotent: true, signedIfAble: true}

// UserSearchResult is what SearchVerifiedEmails and SearchVerifiedMobiles
// found.
type UserSearchResult struct {
	// Matches are the accounts found, keyed by the e-mail address or the
	// mobile number (without its country code) asked for: the answer's data
	// object. A value without an account is absent.
	Matches map[string][]User
}

// SearchVerifiedMobiles finds the accounts of verified mobile numbers. The
// answer is keyed by the number asked for (without its country code); a
// number without an account is absent. Credentials as SearchVerifiedEmails.
//
// Quanshi API docs: https://developer.quanshi.com/cn/api/432
//
//quanshi:operation POST /eventopenapi/user/v2/search/mobiles
func (s *UserService) SearchVerifiedMobiles(ctx context.Context, req *UserSearchMobilesRequest, opts ...CallOption) (*UserSearchResult, error) {
	if err := notNil(opUserSearchMobiles, req); err != nil {
		return nil, err
	}
	v := newCheck(opUserSearchMobiles)
	v.rule(len(req.Mobiles) > 0, "mobiles", "is required")
	for i, m := range req.Mobiles {
		v.required("mobiles["+strconv.Itoa(i)+"].phoneNumber", m.PhoneNumber)
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	var out map[string][]User
	if err := s.caller().call(ctx, opUserSearchMobiles, req, &out, opts...); err != nil {
		return nil, err
	}
	return &UserSearchResult{Matches: out}, nil
}

// userLookupMax is getUsersByEmailsMobiles' limit per list.
const userLookupMax = 200

// UserLookupRequest asks for accounts by e-mail address, mobile number or
// login name; at least one list must have an item.
type UserLookupRequest struct {
	// Emails are e-mail addresses (emails), at most 200.
	Emails []string `json:"emails,omitempty"`
	// Mobiles are mobile numbers (mobiles), at most 200.
	Mobiles []string `json:"mobiles,omitempty"`
	// LoginNames are login names (loginNames), at most 200. Only the newer
	// page cn/api/184 documents them.
	LoginNames []string `json:"loginNames,omitempty"`
}

var opUserLookup = Operation{Family: FamilyConfOpenAPI, Method: http.MethodPost,
	Path: "/confopenapi/account/getUsersByEmailsMobiles", Idempotent: true, signedIfAble: true}

// UserLookupResult is what Lookup found.
type UserLookupResult struct {
	// Users are the accounts found, keyed by the e-mail address, mobile
	// number or login name asked for: the answer's data object. A value
	// without an account is absent.
	Users map[string]User
}

// Lookup finds accounts on the openapi host by e-mail address, mobile number
// or login name, up to 200 of each. The answer is keyed by the value asked
// for; a value without an account is absent. Credentials as
// SearchVerifiedEmails: cn/api/184 names the AppId headers for calls
// without a token, en/node/184 the AppKey ones.
//
// Quanshi API docs: https://developer.quanshi.com/en/node/184
//
//quanshi:operation POST /confopenapi/account/getUsersByEmailsMobiles
func (s *UserService) Lookup(ctx context.Context, req *UserLookupRequest, opts ...CallOption) (*UserLookupResult, error) {
	if err := notNil(opUserLookup, req); err != nil {
		return nil, err
	}
	v := newCheck(opUserLookup)
	v.rule(len(req.Emails)+len(req.Mobiles)+len(req.LoginNames) > 0, "emails", "one of emails, mobiles and loginNames is required")
	v.maxItems("emails", len(req.Emails), userLookupMax)
	v.maxItems("mobiles", len(req.Mobiles), userLookupMax)
	v.maxItems("loginNames", len(req.LoginNames), userLookupMax)
	checkEmails(v, "emails", req.Emails)
	if err := v.err(); err != nil {
		return nil, err
	}
	var out map[string]User
	if err := s.caller().call(ctx, opUserLookup, req, &out, opts...); err != nil {
		return nil, err
	}
	return &UserLookupResult{Users: out}, nil
}
