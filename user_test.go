package quanshi

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The personal data of the tests: never in an error string.
const (
	testHostEmail  = "chen4556@cn.com"
	testHostMobile = "13761238312"
)

func TestUserFindByEmailDecodesThePageExample(t *testing.T) {
	api := newAppIDTestAPI(t)
	rec := api.respondFixture(opUserFindByEmail, "user/email.json")
	u, err := api.client.User.FindByEmail(context.Background(), &UserFindByEmailRequest{Email: testHostEmail})
	require.NoError(t, err)
	assert.Equal(t, int64(22540000), u.UserID)
	assert.Equal(t, "陈兰兰", u.DisplayName)
	assert.Equal(t, "陈", u.LastName)
	assert.Equal(t, UserActive, u.Status)
	assert.Equal(t, UserAccountEnterprise, u.AccountType)
	assert.Equal(t, "002865", u.CustomerCode)
	assert.Equal(t, "dc3b34b0-7089-4788-a60e-b51bb7bec219", u.LoginName)
	assert.Equal(t, []UserProduct{{ProductID: 60000, AccountStatus: 82, AccountCostStatus: 62}, {ProductID: 80, AccountStatus: 82, AccountCostStatus: 62}}, u.Products)

	// Golden request: signed with the AppId, the e-mail in the body, no token.
	req := rec.last(t)
	assert.JSONEq(t, `{"email":"chen4556@cn.com"}`, req.Body)
	assert.Equal(t, testAppID, req.Header.Get("AppId"))
	assert.Equal(t, checkSum(testAppSecret, req.Header.Get("Nonce"), req.Header.Get("CurTime")), req.Header.Get("CheckSum"))
	assert.Empty(t, req.Header.Values("token"))
}

func TestUserFindByEmailSignsWithTheAppKeyOfTheOlderFlow(t *testing.T) {
	api := newMintingTestAPI(t)
	rec := api.respondFixture(opUserFindByEmail, "user/email.json")
	_, err := api.client.User.FindByEmail(context.Background(), &UserFindByEmailRequest{Email: testHostEmail})
	require.NoError(t, err)
	h := rec.last(t).Header
	assert.Equal(t, testAppKey, h.Get("AppKey"))
	assert.Empty(t, h.Values("AppId"))
}

func TestUserFindByEmailNeedsAppCredentials(t *testing.T) {
	checkRejected(t, "credentials", func(c *Client) error {
		_, err := c.User.FindByEmail(context.Background(), &UserFindByEmailRequest{Email: testHostEmail})
		return err
	})
}

func TestUserSearchVerifiedEmails(t *testing.T) {
	api := newAppIDTestAPI(t)
	rec := api.respondFixture(opUserSearchEmails, "user/emails.json")
	got, err := api.client.User.SearchVerifiedEmails(context.Background(), &UserSearchEmailsRequest{Emails: []string{"lizhen.dong@qstest1.com"}})
	require.NoError(t, err)
	require.Len(t, got.Matches["lizhen.dong@qstest1.com"], 1)
	u := got.Matches["lizhen.dong@qstest1.com"][0]
	assert.Equal(t, int64(81299514), u.UserID)
	assert.True(t, u.MailVerified)
	assert.False(t, u.PhoneVerified)
	req := rec.last(t)
	assert.JSONEq(t, `{"emails":["lizhen.dong@qstest1.com"]}`, req.Body, "signed: no token member")
	assert.Equal(t, testAppID, req.Header.Get("AppId"))
}

func TestUserSearchSendsTheTokenWhenTheClientCannotSign(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUserSearchEmails, "user/emails.json")
	_, err := api.client.User.SearchVerifiedEmails(context.Background(), &UserSearchEmailsRequest{Emails: []string{"lizhen.dong@qstest1.com"}})
	require.NoError(t, err)
	req := rec.last(t)
	assert.JSONEq(t, `{"token":"`+testToken+`","emails":["lizhen.dong@qstest1.com"]}`, req.Body)
	assert.Empty(t, req.Header.Values("CheckSum"))
}

func TestUserSearchVerifiedMobiles(t *testing.T) {
	api := newAppIDTestAPI(t)
	rec := api.respondFixture(opUserSearchMobiles, "user/mobiles.json")
	got, err := api.client.User.SearchVerifiedMobiles(context.Background(), &UserSearchMobilesRequest{
		Mobiles: []UserMobile{{CountryCode: "86", PhoneNumber: testHostMobile}},
	})
	require.NoError(t, err)
	require.Len(t, got.Matches[testHostMobile], 1)
	assert.True(t, got.Matches[testHostMobile][0].PhoneVerified)
	assert.JSONEq(t, `{"mobiles":[{"countryCode":"86","phoneNumber":"13761238312"}]}`, rec.last(t).Body)
}

func TestUserLookupOnTheOpenAPIHost(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUserLookup, "user/getUsersByEmailsMobiles.json")
	got, err := api.client.User.Lookup(context.Background(), &UserLookupRequest{
		Emails: []string{"20190918test5@quanshitest.com"}, Mobiles: []string{"15950095725"},
	})
	require.NoError(t, err)
	assert.Equal(t, int64(63111959), got.Users["15950095725"].UserID)
	assert.Equal(t, "Rock", got.Users["15950095725"].LastName)
	assert.Equal(t, int64(81586150), got.Users["20190918test5@quanshitest.com"].UserID)
	req := rec.last(t)
	assert.JSONEq(t, `{"token":"`+testToken+`","emails":["20190918test5@quanshitest.com"],"mobiles":["15950095725"]}`, req.Body)
	assert.Equal(t, testToken, req.Header.Get("token"))
}

func TestUserLookupIsSignedWithAppCredentials(t *testing.T) {
	api := newAppIDTestAPI(t)
	rec := api.respondFixture(opUserLookup, "user/getUsersByEmailsMobiles.json")
	_, err := api.client.User.Lookup(context.Background(), &UserLookupRequest{LoginNames: []string{"145da02f82933d3f9c8b8f00bcfd8346"}})
	require.NoError(t, err)
	req := rec.last(t)
	assert.JSONEq(t, `{"loginNames":["145da02f82933d3f9c8b8f00bcfd8346"]}`, req.Body)
	assert.Equal(t, testAppID, req.Header.Get("AppId"))
	assert.Empty(t, req.Header.Values("token"))
}

func TestUserIDsByEmails(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opUserIDsByEmails, "user/getUserIdsByEmails.json")
	got, err := api.client.User.IDsByEmails(context.Background(), &UserIDsByEmailsRequest{Emails: []string{"ejs3@test1.com", "eyh1@test1.com"}})
	require.NoError(t, err)
	require.Len(t, got.Users, 3)
	assert.Equal(t, UserEmailID{UserID: 81586150, Email: "20190918test5@quanshitest.com"}, got.Users[2])
	assert.JSONEq(t, `{"appId":6,"appKey":"`+testLegacyAppKey+`","emails":["ejs3@test1.com","eyh1@test1.com"]}`, rec.last(t).Body)
}

func TestUserSearchAccount(t *testing.T) {
	api := newTestAPI(t, WithAdminLogin("admin@corp.example", "admin-pw-4711"))
	rec := api.respondFixture(opAccountSearch, "user/searchAccount.json")
	a, err := api.client.User.SearchAccount(context.Background(), &AccountSearchRequest{Email: "openpaitest30xx_dtest@testopenapi.com"})
	require.NoError(t, err)
	assert.Equal(t, int64(87669201), a.UserID)
	assert.Equal(t, UserActive, a.Status)
	assert.True(t, a.Registered)
	assert.Equal(t, time.UnixMilli(1597740759000), a.RegisteredAt.Local())
	assert.True(t, a.LastLoginAt.IsZero())
	assert.Equal(t, "86", a.CountryCode)
	assert.Equal(t, []AccountProduct{{UserID: 87669201, ProductID: 80}}, a.Products)
	req := rec.last(t)
	assert.JSONEq(t, `{"appId":6,"username":"admin@corp.example","password":"admin-pw-4711","account_userEmail":"openpaitest30xx_dtest@testopenapi.com"}`, req.Body)
	assert.Empty(t, req.Header.Values("token"), "the admin login replaces the token")
}

func TestUserAccountCallsNeedTheAdminLogin(t *testing.T) {
	checkRejected(t, "credentials", func(c *Client) error {
		_, err := c.User.SearchAccount(context.Background(), &AccountSearchRequest{Email: testHostEmail})
		return err
	})
}

func TestUserCreateAccount(t *testing.T) {
	api := newTestAPI(t, WithAdminLogin("admin@corp.example", "admin-pw-4711"))
	rec := api.respondFixture(opAccountCreate, "user/createAccount.json")
	created, err := api.client.User.CreateAccount(context.Background(), &AccountCreateRequest{
		TemplateUserID: 19533553, Name: "Wang Fang", Email: "wang.fang@example.com",
		AccountType: 1, Language: "zh-cn", AllowHostCall: new(false),
	})
	require.NoError(t, err)
	assert.Equal(t, &CreatedAccount{UserID: 87670835, Password: "PhP5531"}, created)
	assert.JSONEq(t, `{"appId":6,"username":"admin@corp.example","password":"admin-pw-4711","hostUserId":19533553,`+
		`"account_userName":"Wang Fang","account_userEmail":"wang.fang@example.com","AccountType":1,"language":"zh-cn","allowHostCall":0}`,
		rec.last(t).Body)
	// The new account's password is a credential from now on.
	assert.NotContains(t, api.client.redact.text("echo PhP5531"), "PhP5531")
}

func TestAuthCheckToken(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opTokenCheck, "auth/check.json")
	info, err := api.client.Auth.CheckToken(context.Background(), nil)
	require.NoError(t, err)
	assert.True(t, info.Valid)
	assert.Equal(t, int64(88408809), info.UserID)
	assert.Equal(t, "云活动测试账号151", info.UserName)
	assert.Equal(t, time.UnixMilli(1646982314782).Add(24*time.Hour), info.ExpiresAt().Local())
	assert.JSONEq(t, `{"token":"`+testToken+`"}`, rec.last(t).Body, "no Token: the client's own")
}

func TestAuthCheckTokenOfAnotherToken(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondFixture(opTokenCheck, "auth/check_invalid.json")
	info, err := api.client.Auth.CheckToken(context.Background(), &TokenCheckRequest{Token: "0123456789abcdef0123456789abcdef"})
	require.NoError(t, err, "an invalid token is an answer, not an error")
	assert.False(t, info.Valid)
	assert.True(t, info.ExpiresAt().IsZero())
	assert.JSONEq(t, `{"token":"0123456789abcdef0123456789abcdef"}`, rec.last(t).Body, "the checked token only")
}

func TestAuthCheckTokenPathOverride(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respondPath(FamilyEvent, http.MethodPost, "/token/check", http.StatusOK, fixture(t, "auth/check.json"))
	_, err := api.client.Auth.CheckToken(context.Background(), &TokenCheckRequest{Path: "/token/check"})
	require.NoError(t, err)
	assert.Equal(t, 1, rec.count())
	checkRejected(t, "Path", func(c *Client) error {
		_, err := c.Auth.CheckToken(context.Background(), &TokenCheckRequest{Path: "/eventopenapi/event/info"})
		return err
	})
}

func TestUserEndpointsErrorPaths(t *testing.T) {
	ctx := context.Background()
	appID := func(t *testing.T) *testAPI { return newAppIDTestAPI(t) }
	admin := func(t *testing.T) *testAPI { return newTestAPI(t, WithAdminLogin("admin", "pw-123456")) }
	token := func(t *testing.T) *testAPI { return newTestAPI(t) }
	for _, tc := range []struct {
		op     Operation
		newAPI func(t *testing.T) *testAPI
		call   func(c *Client) error
	}{
		{opUserFindByEmail, appID, func(c *Client) error {
			_, err := c.User.FindByEmail(ctx, &UserFindByEmailRequest{Email: testHostEmail})
			return err
		}},
		{opUserSearchEmails, appID, func(c *Client) error {
			_, err := c.User.SearchVerifiedEmails(ctx, &UserSearchEmailsRequest{Emails: []string{testHostEmail}})
			return err
		}},
		{opUserSearchMobiles, token, func(c *Client) error {
			_, err := c.User.SearchVerifiedMobiles(ctx, &UserSearchMobilesRequest{Mobiles: []UserMobile{{PhoneNumber: testHostMobile}}})
			return err
		}},
		{opUserLookup, token, func(c *Client) error {
			_, err := c.User.Lookup(ctx, &UserLookupRequest{Mobiles: []string{testHostMobile}})
			return err
		}},
		{opUserIDsByEmails, token, func(c *Client) error {
			_, err := c.User.IDsByEmails(ctx, &UserIDsByEmailsRequest{Emails: []string{testHostEmail}})
			return err
		}},
		{opAccountSearch, admin, func(c *Client) error {
			_, err := c.User.SearchAccount(ctx, &AccountSearchRequest{Email: testHostEmail})
			return err
		}},
		{opAccountCreate, admin, func(c *Client) error {
			_, err := c.User.CreateAccount(ctx, &AccountCreateRequest{TemplateUserID: 1, Name: "n", Email: testHostEmail})
			return err
		}},
		{opTokenCheck, token, func(c *Client) error {
			_, err := c.Auth.CheckToken(ctx, nil)
			return err
		}},
	} {
		t.Run(tc.op.Path, func(t *testing.T) { checkErrorPathsOn(t, tc.newAPI, tc.op, tc.op.Path, tc.call) })
	}
}

func TestUserValidationNeverQuotesPersonalData(t *testing.T) {
	ctx := context.Background()
	const badEmail, badMobile = "chen4556-at-cn.com", "13761238312"
	for field, call := range map[string]func(c *Client) error{
		"request": func(c *Client) error { _, err := c.User.FindByEmail(ctx, nil); return err },
		"email": func(c *Client) error {
			_, err := c.User.FindByEmail(ctx, &UserFindByEmailRequest{Email: badEmail})
			return err
		},
		"emails[1]": func(c *Client) error {
			_, err := c.User.SearchVerifiedEmails(ctx, &UserSearchEmailsRequest{Emails: []string{testHostEmail, badEmail}})
			return err
		},
		"mobiles[0].phoneNumber": func(c *Client) error {
			_, err := c.User.SearchVerifiedMobiles(ctx, &UserSearchMobilesRequest{Mobiles: []UserMobile{{CountryCode: badMobile}}})
			return err
		},
		"mobiles": func(c *Client) error {
			_, err := c.User.Lookup(ctx, &UserLookupRequest{Mobiles: make([]string, 201)})
			return err
		},
		"account_userEmail": func(c *Client) error {
			_, err := c.User.CreateAccount(ctx, &AccountCreateRequest{TemplateUserID: 1, Name: "n", Email: badEmail})
			return err
		},
		"hostUserId": func(c *Client) error {
			_, err := c.User.CreateAccount(ctx, &AccountCreateRequest{Name: "n", Email: testHostEmail})
			return err
		},
	} {
		var msg string
		checkRejected(t, field, func(c *Client) error {
			err := call(c)
			if err != nil {
				msg = err.Error()
			}
			return err
		})
		assert.NotContains(t, msg, badEmail, field)
		assert.NotContains(t, msg, badMobile, field)
		assert.NotContains(t, msg, testHostEmail, field)
	}
}

func TestServerEchoOfPersonalDataIsMasked(t *testing.T) {
	var logs strings.Builder
	api := newAppIDTestAPI(t, WithoutRetries(), WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	api.respond(opUserFindByEmail, http.StatusOK,
		`{"code":404,"msg":"no user chen4556@cn.com (mobile 13761238312)","requestId":"10.70.213.99_20221020_100149_1666231309893"}`)
	_, err := api.client.User.FindByEmail(context.Background(), &UserFindByEmailRequest{Email: testHostEmail})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "10.70.213.99_20221020_100149_1666231309893", apiErr.RequestID, "request ids stay readable")
	for _, text := range []string{err.Error(), logs.String()} {
		assert.NotContains(t, text, testHostEmail)
		assert.NotContains(t, text, testHostMobile)
		assert.Contains(t, text, "[email]")
	}
}
