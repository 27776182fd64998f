package quanshitest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
)

// A test of code that must survive a flaky API: the sandbox answers the
// next two status calls with HTTP 503, and the client's retries ride it out.
func ExampleServer_Inject() {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, quanshi.Beijing)
	srv := quanshitest.New(quanshitest.WithClock(func() time.Time { return now }))
	defer srv.Close()
	client, err := srv.Client(quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	res, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: 81299515, Title: "Standup", Length: 15, StartTime: now.Add(time.Hour),
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	srv.Advance(65 * time.Minute) // the meeting has started
	const statusPath = "/conference/conference/getConfStatus"
	srv.Inject(quanshitest.Fault{Path: statusPath, HTTPStatus: 503, Times: 2})
	st, err := client.Conference.Status(ctx, &quanshi.ConferenceStatusRequest{ConferenceID: res.ConferenceID})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Status, srv.Calls(statusPath), srv.Handled(statusPath))
	// Output:
	// in progress 3 1
}
