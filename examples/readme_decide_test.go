package examples_test

import (
	"context"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeDecideSnippet runs the README's decision for each class of
// error, against the sandbox's faults.
func TestReadmeDecideSnippet(t *testing.T) {
	ctx := context.Background()
	srv, client := readmeSandbox(t)
	create := &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: readmeHost, Title: "Review", Length: 30, StartTime: readmeBase.Add(time.Hour),
	}}
	res, err := client.Conference.Create(ctx, create)
	require.NoError(t, err)
	const getPath, createPath = "/conference/conference/getConferenceBaseInfoById", "/conference/conference/reservConference2"
	get := func(id string) error {
		_, err := client.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: id})
		return err
	}
	static, err := srv.StaticTokenClient()
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		fault *quanshitest.Fault
		call  func() error
		want  string
	}{
		{"found", nil, func() error { return get(res.ConferenceID) }, "done"},
		{"not found", nil, func() error { return get("999999") }, "it does not exist"},
		{"invalid locally", nil, func() error { return get("") }, "fix the request"},
		{"invalid at the server", &quanshitest.Fault{Path: getPath, BusinessCode: 50103}, func() error { return get(res.ConferenceID) }, "fix the request"},
		{"unavailable", &quanshitest.Fault{Path: getPath, HTTPStatus: 503, Times: 3}, func() error { return get(res.ConferenceID) }, "try again later"},
		{"rate limited", &quanshitest.Fault{Path: getPath, HTTPStatus: 429, Times: 3}, func() error { return get(res.ConferenceID) }, "slow down"},
		{"credentials", nil, func() error {
			srv.ExpireTokens()
			_, err := static.Conference.Get(ctx, &quanshi.ConferenceGetRequest{ConferenceID: res.ConferenceID})
			return err
		}, "fix the credentials"},
		{"outcome unknown", &quanshitest.Fault{Path: createPath, Drop: true, AfterHandling: true}, func() error {
			_, err := client.Conference.Create(ctx, create)
			return err
		}, "check with a read before sending the write again"},
		{"other", &quanshitest.Fault{Path: getPath, BusinessCode: 51101}, func() error { return get(res.ConferenceID) }, "report it, with the request id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.fault != nil {
				srv.Inject(*tc.fault)
				defer srv.ClearFaults()
			}
			assert.Equal(t, tc.want, decide(tc.call()))
		})
	}
}
