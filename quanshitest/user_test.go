package quanshitest_test

import (
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var seedHost = quanshitest.User{UserID: 22540000, Email: "chen.lanlan@example.com", Name: "陈兰兰", Mobile: "15600000000"}

func TestAppIDAccountMintsAndCallsEndToEnd(t *testing.T) {
	ctx := context.Background()
	srv := quanshitest.New(quanshitest.WithUsers(seedHost))
	t.Cleanup(srv.Close)
	client, err := srv.AppIDClient()
	require.NoError(t, err)

	// The host's userId by e-mail (signed with the AppId, no token), then
	// a booking for that host (with a token minted at token/v2/create).
	host, err := client.User.FindByEmail(ctx, &quanshi.UserFindByEmailRequest{Email: seedHost.Email})
	require.NoError(t, err)
	assert.Equal(t, seedHost.UserID, host.UserID)
	assert.Equal(t, quanshi.UserActive, host.Status)
	assert.Zero(t, srv.Mints(), "the lookup needs no token")

	start := srv.Now().In(quanshi.Beijing).Truncate(time.Hour).Add(2 * time.Hour)
	booked, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: host.UserID, Title: "Booked for a host found by e-mail", StartTime: start, Length: 30, EmailNotify: new(false),
	}})
	require.NoError(t, err)
	assert.Equal(t, seedHost.UserID, booked.UserID)
	assert.Equal(t, 1, srv.Mints())
	assert.Equal(t, 1, srv.Calls("/eventopenapi/token/v2/create"))
	assert.Zero(t, srv.Calls("/eventopenapi/token/create"))

	// The minted token checks valid, for the admin; an expired one does not.
	info, err := client.Auth.CheckToken(ctx, nil)
	require.NoError(t, err)
	assert.True(t, info.Valid)
	assert.Equal(t, srv.AdminUserID, info.UserID)
	srv.ExpireTokens()
	info, err = client.Auth.CheckToken(ctx, nil)
	require.NoError(t, err)
	assert.False(t, info.Valid)
}

func TestUserLookupsAgreeWithTheDirectory(t *testing.T) {
	ctx := context.Background()
	srv := quanshitest.New(quanshitest.WithUsers(seedHost))
	t.Cleanup(srv.Close)
	client, err := srv.Client()
	require.NoError(t, err)

	admin, err := client.User.FindByEmail(ctx, &quanshi.UserFindByEmailRequest{Email: quanshitest.DefaultAdminEmail})
	require.NoError(t, err)
	assert.Equal(t, srv.AdminUserID, admin.UserID)

	byEmail, err := client.User.SearchVerifiedEmails(ctx, &quanshi.UserSearchEmailsRequest{Emails: []string{seedHost.Email, "nobody@example.com"}})
	require.NoError(t, err)
	require.Len(t, byEmail.Matches, 1, "unknown addresses are left out")
	assert.Equal(t, seedHost.UserID, byEmail.Matches[seedHost.Email][0].UserID)

	byMobile, err := client.User.SearchVerifiedMobiles(ctx, &quanshi.UserSearchMobilesRequest{Mobiles: []quanshi.UserMobile{{CountryCode: "86", PhoneNumber: seedHost.Mobile}}})
	require.NoError(t, err)
	assert.Equal(t, seedHost.UserID, byMobile.Matches[seedHost.Mobile][0].UserID)
	assert.True(t, byMobile.Matches[seedHost.Mobile][0].PhoneVerified)

	lookup, err := client.User.Lookup(ctx, &quanshi.UserLookupRequest{Emails: []string{seedHost.Email}, Mobiles: []string{seedHost.Mobile}})
	require.NoError(t, err)
	assert.Equal(t, seedHost.UserID, lookup.Users[seedHost.Email].UserID)
	assert.Equal(t, seedHost.UserID, lookup.Users[seedHost.Mobile].UserID)

	ids, err := client.User.IDsByEmails(ctx, &quanshi.UserIDsByEmailsRequest{Emails: []string{seedHost.Email}})
	require.NoError(t, err)
	assert.Equal(t, []quanshi.UserEmailID{{UserID: seedHost.UserID, Email: seedHost.Email}}, ids.Users)

	_, err = client.User.FindByEmail(ctx, &quanshi.UserFindByEmailRequest{Email: "nobody@example.com"})
	var apiErr *quanshi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.Code)
	assert.NotContains(t, err.Error(), "nobody@example.com", "no e-mail address in an error")
}

func TestStaticTokenClientSearchesWithItsToken(t *testing.T) {
	srv := quanshitest.New(quanshitest.WithUsers(seedHost))
	t.Cleanup(srv.Close)
	client, err := srv.StaticTokenClient()
	require.NoError(t, err)
	got, err := client.User.SearchVerifiedEmails(context.Background(), &quanshi.UserSearchEmailsRequest{Emails: []string{seedHost.Email}})
	require.NoError(t, err)
	assert.Len(t, got.Matches, 1)
}

func TestAccountsCreatedWithTheAdminLoginCanBeFoundAndBooked(t *testing.T) {
	ctx := context.Background()
	srv := quanshitest.New()
	t.Cleanup(srv.Close)
	client, err := srv.Client(quanshi.WithAdminLogin(srv.AdminLogin, srv.AdminPassword))
	require.NoError(t, err)

	created, err := client.User.CreateAccount(ctx, &quanshi.AccountCreateRequest{
		TemplateUserID: srv.AdminUserID, Name: "Li Lei", Email: "li.lei@example.com", AccountType: 1,
	})
	require.NoError(t, err)
	assert.NotEmpty(t, created.Password)
	account, err := client.User.SearchAccount(ctx, &quanshi.AccountSearchRequest{Email: "li.lei@example.com"})
	require.NoError(t, err)
	assert.Equal(t, created.UserID, account.UserID)
	found, err := client.User.FindByEmail(ctx, &quanshi.UserFindByEmailRequest{Email: "li.lei@example.com"})
	require.NoError(t, err)
	assert.Equal(t, created.UserID, found.UserID)

	_, err = client.User.CreateAccount(ctx, &quanshi.AccountCreateRequest{TemplateUserID: srv.AdminUserID, Name: "again", Email: "li.lei@example.com"})
	assert.ErrorIs(t, err, quanshi.ErrInvalidParameter, "one account per address")

	wrong, err := srv.Client(quanshi.WithAdminLogin(srv.AdminLogin, "not-the-password"))
	require.NoError(t, err)
	_, err = wrong.User.SearchAccount(ctx, &quanshi.AccountSearchRequest{Email: "li.lei@example.com"})
	assert.ErrorIs(t, err, quanshi.ErrUnauthorized)
	assert.NotContains(t, err.Error(), "not-the-password")
}

func TestSignedCallsNeedWithSignEveryCall(t *testing.T) {
	ctx := context.Background()
	srv := quanshitest.New(quanshitest.WithSignedCalls())
	t.Cleanup(srv.Close)
	req := &quanshi.ConferenceStatusRequest{UserID: srv.AdminUserID, ConferenceID: "1"}

	plain, err := srv.AppIDClient(quanshi.WithoutRetries())
	require.NoError(t, err)
	_, err = plain.Conference.Status(ctx, req)
	assert.ErrorIs(t, err, quanshi.ErrUnauthorized)

	signed, err := srv.AppIDClient(quanshi.WithSignEveryCall())
	require.NoError(t, err)
	_, err = signed.Conference.Status(ctx, req)
	assert.ErrorIs(t, err, quanshi.ErrConferenceNotFound, "past the credentials, to the meeting lookup")
}

func TestRejectedSignatureReportsTheSandboxClockSkew(t *testing.T) {
	srv := quanshitest.New(quanshitest.WithSignatureWindow(time.Minute))
	t.Cleanup(srv.Close)
	srv.Advance(10 * time.Minute) // the server's clock runs 10 minutes ahead
	client, err := srv.AppIDClient(quanshi.WithoutRetries())
	require.NoError(t, err)
	_, err = client.User.FindByEmail(context.Background(), &quanshi.UserFindByEmailRequest{Email: quanshitest.DefaultAdminEmail})
	var apiErr *quanshi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, quanshi.ErrUnauthorized)
	assert.InDelta(t, (10 * time.Minute).Seconds(), apiErr.ClockSkew.Seconds(), 5)
	assert.Contains(t, err.Error(), "the local clock is 10m")
}

func TestWithUsersRejectsBadSeeds(t *testing.T) {
	_, err := quanshitest.Start(quanshitest.WithUsers(quanshitest.User{Email: "x@example.com"}))
	require.Error(t, err)
	_, err = quanshitest.Start(quanshitest.WithUsers(quanshitest.User{UserID: quanshitest.DefaultAdminUserID, Email: "x@example.com"}))
	require.Error(t, err)
}
