package quanshi

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// publicListAsObject is the page's example answer with data as
// {count, list}, the modify list's shape (cn/node/540), instead of a list.
func publicListAsObject(t *testing.T, count int) string {
	t.Helper()
	var env map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(fixture(t, "event/public-list.json")), &env))
	data, err := json.Marshal(map[string]any{"count": count, "list": env["data"]})
	require.NoError(t, err)
	env["data"] = data
	out, err := json.Marshal(env)
	require.NoError(t, err)
	return string(out)
}

// cn/api/449 does not show whether public/list's data is the list itself or
// {count, list}: both give the same events (issue 15, point 9).
func TestEventListPublicReadsBothShapesOfData(t *testing.T) {
	for name, body := range map[string]string{
		"a list":          fixture(t, "event/public-list.json"),
		"{count, list}":   publicListAsObject(t, 2),
		"a list in text":  `{"code":200,"data":"[{\"eventId\":567452,\"title\":\"2023年度投资策略会\"},{\"eventId\":567460,\"title\":\"晨会\"}]"}`,
		"{count} in text": `{"code":200,"data":"{\"count\":2,\"list\":[{\"eventId\":567452,\"title\":\"2023年度投资策略会\"},{\"eventId\":567460,\"title\":\"晨会\"}]}"}`,
	} {
		t.Run(name, func(t *testing.T) {
			api := newTestAPI(t)
			api.respond(opEventPublicList, http.StatusOK, body)
			res, err := api.client.Event.ListPublic(context.Background(), nil)
			require.NoError(t, err)
			require.Len(t, res.Events, 2)
			assert.Equal(t, int64(567452), res.Events[0].EventID)
			assert.Equal(t, "2023年度投资策略会", res.Events[0].Title)
			assert.Equal(t, "晨会", res.Events[1].Title)
			if name[0] == '{' {
				require.NotNil(t, res.Count)
				assert.Equal(t, 2, *res.Count)
			} else {
				assert.Nil(t, res.Count, "a bare list carries no total")
			}
		})
	}
	for name, data := range map[string]string{
		"a list that is not a list":  `{"count":2,"list":5}`,
		"an object of another shape": `{"total":2,"rows":[{"eventId":567452}]}`,
	} {
		api := newTestAPI(t)
		api.respond(opEventPublicList, http.StatusOK, `{"code":200,"data":`+data+`}`)
		_, err := api.client.Event.ListPublic(context.Background(), nil)
		assert.ErrorIs(t, err, ErrMalformedResponse, name)
	}
}

// With {count, list}, the iterator stops once count events are seen, even
// after a full page.
func TestEventListPublicIterStopsAtTheCount(t *testing.T) {
	api := newTestAPI(t)
	rec := api.respond(opEventPublicList, http.StatusOK, publicListAsObject(t, 2))
	var n int
	for _, err := range api.client.Event.ListPublicIter(context.Background(), &EventListPublicRequest{Count: 2}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, 1, rec.count(), "count 2 reached on the first, full page")
}
