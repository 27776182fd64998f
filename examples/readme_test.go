package examples_test

// Tests that keep README.md and README.zh-CN.md true: the two commands at
// the top, the code snippets (the regions of readme_snippets_test.go, run
// here against the sandbox), and the endpoint table, generated from the
// SDK's doc comments. After changing a service, regenerate the table with
//
//	go test ./examples -run TestReadmeEndpointTable -update

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go"
	"github.com/quanshi-sdk/quanshi-go/examples/internal/exampletest"
	"github.com/quanshi-sdk/quanshi-go/quanshitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the endpoint tables of the READMEs")

// readmes are the READMEs and the header row of their endpoint tables.
var readmes = []struct {
	path, tableHeader string
}{
	{"../README.md", "| Method | Endpoint | Docs |\n| --- | --- | --- |\n"},
	{"../README.zh-CN.md", "| 方法 | 接口 | 文档 |\n| --- | --- | --- |\n"},
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestReadmeCommands: each README opens with its title, a one-line
// description and exactly the two commands.
func TestReadmeCommands(t *testing.T) {
	top := regexp.MustCompile("^# quanshi-go\n\n[^\n]+\n\n```sh\ngo run ./examples/quickstart\ngo test ./...\n```\n")
	for _, r := range readmes {
		assert.Regexp(t, top, readFile(t, r.path), r.path)
	}
}

// snippetRegion matches a region of readme_snippets_test.go.
var snippetRegion = regexp.MustCompile(`(?ms)^[ \t]*// readme:(\w+)\n(.*?)^[ \t]*// readme:end\n`)

// snippets returns the regions of readme_snippets_test.go by name, each
// without the indentation it has in its function.
func snippets(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range snippetRegion.FindAllStringSubmatch(readFile(t, "readme_snippets_test.go"), -1) {
		require.NotContains(t, out, m[1], "two regions are named %s", m[1])
		out[m[1]] = dedent(m[2])
	}
	return out
}

// dedent removes the tabs every non-empty line starts with, and the
// trailing blank lines.
func dedent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, "\t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent {
			lines[i] = l[indent:]
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// goBlock matches a fenced Go code block of a README.
var goBlock = regexp.MustCompile("(?ms)^```go\n(.*?)^```\n")

// TestReadmeSnippets: every Go block of each README is one of the regions
// of readme_snippets_test.go, verbatim, and each README shows every region
// once. So every snippet compiles, and the tests below run it.
func TestReadmeSnippets(t *testing.T) {
	want := snippets(t)
	require.GreaterOrEqual(t, len(want), 10)
	for _, r := range readmes {
		seen := map[string]int{}
		for _, m := range goBlock.FindAllStringSubmatch(readFile(t, r.path), -1) {
			name := ""
			for n, code := range want {
				if code == m[1] {
					name = n
				}
			}
			if !assert.NotEmpty(t, name, "%s has a Go block that is no region of readme_snippets_test.go:\n%s", r.path, m[1]) {
				continue
			}
			seen[name]++
		}
		for name := range want {
			assert.Equal(t, 1, seen[name], "%s shows the %s snippet %d times", r.path, name, seen[name])
		}
	}
}

// readmeBase is the sandbox clock of the snippet tests: the day before the
// meetings the snippets book.
var readmeBase = time.Date(2026, 11, 30, 9, 0, 0, 0, quanshi.Beijing)

func readmeSandbox(t *testing.T, opts ...quanshitest.Option) (*quanshitest.Server, *quanshi.Client) {
	t.Helper()
	srv := quanshitest.New(append([]quanshitest.Option{quanshitest.WithClock(func() time.Time { return readmeBase })}, opts...)...)
	t.Cleanup(srv.Close)
	client, err := srv.Client(quanshi.WithRetryPolicy(quanshi.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	require.NoError(t, err)
	return srv, client
}

// stdoutMu serializes the tests that capture the standard output.
var stdoutMu sync.Mutex

// captureStdout runs f and returns what it printed.
func captureStdout(t *testing.T, f func() error) (string, error) {
	t.Helper()
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	saved := os.Stdout
	os.Stdout = w
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(&buf, r)
		close(done)
	}()
	ferr := f()
	os.Stdout = saved
	require.NoError(t, w.Close())
	<-done
	require.NoError(t, r.Close())
	return buf.String(), ferr
}

const (
	readmeHost      = int64(81299515)
	readmeHostEmail = "chen.lanlan@example.com"
)

func TestReadmeClientSnippets(t *testing.T) {
	client, err := readmeClient("app-key", "app-secret", 19533553, "legacy-app-key", "api-key", "api-secret")
	require.NoError(t, err)
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v", client, client, client), "secret", "a client prints no credential")
	_, err = readmeClient("app-key", "", 19533553, "legacy-app-key", "api-key", "api-secret")
	var invalid *quanshi.ValidationError
	require.ErrorAs(t, err, &invalid)
	assert.Equal(t, "WithAppCredentials", invalid.Field)

	byAppID, err := readmeAppIDClient("app-id", "app-secret")
	require.NoError(t, err)
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v", byAppID, byAppID, byAppID), "secret")

	retrying, err := readmeRetries("app-key", "app-secret", 19533553)
	require.NoError(t, err)
	assert.NotNil(t, retrying)

	srv, _ := readmeSandbox(t)
	exampletest.PointEnvAt(t, srv)
	fromEnv, err := readmeFromEnv()
	require.NoError(t, err)
	_, err = fromEnv.Dashboard.LiveConferences(context.Background(), &quanshi.DashboardLiveConferencesRequest{})
	require.NoError(t, err, "the variables name the sandbox and its credentials")
	assert.Equal(t, 1, srv.Mints())
}

func TestReadmeServiceSnippets(t *testing.T) {
	ctx := context.Background()

	t.Run("conference", func(t *testing.T) {
		srv, client := readmeSandbox(t, quanshitest.WithUsers(quanshitest.User{UserID: readmeHost, Email: readmeHostEmail, Name: "Chen Lanlan"}))
		out, err := captureStdout(t, func() error { return readmeConference(ctx, client, readmeHostEmail) })
		require.NoError(t, err)
		assert.Regexp(t, `^\d+ created https://\S+/k/a\d+\?name=Wang\+Fang\n$`, out)
		assert.Equal(t, 1, srv.Handled("/eventopenapi/user/search/email"))
		assert.Equal(t, 1, srv.Handled("/conference/conference/reservConference2"))
		assert.Equal(t, 1, srv.Handled("/conference/conference/getConfStatus"))
		assert.Equal(t, 1, srv.Handled("/conference/launch/joinConference"))
	})

	t.Run("room", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		out, err := captureStdout(t, func() error { return readmeRoom(ctx, client, readmeHost) })
		require.NoError(t, err)
		assert.Regexp(t, `^booked \d+ as event \d+\n`, out)
		assert.Contains(t, out, "2026-12-01 10:00:00 Weekly planning created\n", "a recurring booking is listed once")
		assert.Equal(t, 1, srv.Handled("/confopenapi/room/reservConference"))
		assert.Positive(t, srv.Handled("/confopenapi/room/conference/listByAdmin"))
	})

	t.Run("recording and report", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		booked, err := client.Room.Create(ctx, &quanshi.RoomCreateRequest{
			Email: "host@example.com", Title: "Product review", Length: 60,
			StartTime:         time.Date(2026, 12, 1, 10, 0, 0, 0, quanshi.Beijing),
			ParticipantEmails: []string{"wang.fang@example.com", "li.lei@example.com"},
		})
		require.NoError(t, err)
		srv.Advance(26 * time.Hour) // 1 December, 11:00: over

		out, err := captureStdout(t, func() error { return readmeRecording(ctx, client, booked.ConferenceID) })
		require.NoError(t, err)
		exampletest.Lines(t, out,
			`^replay: https://\S+ download: https://\S+\.mp4$`,
			`^host@example\.com Product review 2026-12-01 10:00:00 \+0800 UTC\+8 true$`,
		)

		out, err = captureStdout(t, func() error { return readmeReport(ctx, client, booked.ConferenceID) })
		require.NoError(t, err)
		exampletest.Lines(t, out,
			`^3 of 3 invitees came \(100%\)$`,
			`^host host 10:00:00 1h0m0s$`,
			`^\S+ attendee 10:01:00 59m0s$`,
		)
	})

	t.Run("event", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		out, err := captureStdout(t, func() error { return readmeEvent(ctx, client, readmeHost) })
		require.NoError(t, err)
		m := exampletest.Lines(t, out, `^(\d+) (\d+) created https://\S+/activity/\S+$`)
		assert.NotEqual(t, m[0][1], m[0][2])
		assert.Equal(t, 2, srv.Handled("/eventopenapi/event/create"))
	})

	t.Run("dashboard", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		_, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
			UserID: readmeHost, Title: "Stand-up", Length: 30, StartTime: readmeBase.Add(5 * time.Minute),
			InviteeList: []quanshi.ConferenceInvitee{{Email: "wang.fang@example.com"}},
		}})
		require.NoError(t, err)
		srv.Advance(15 * time.Minute)
		out, err := captureStdout(t, func() error { return readmeDashboard(ctx, client) })
		require.NoError(t, err)
		exampletest.Lines(t, out,
			`^Stand-up 2 10m0s$`,
			`^   user81299515 \S+ \S+$`,
			`^   wang\.fang \S+ \S+$`,
		)
	})

	t.Run("umeeting", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		out, err := captureStdout(t, func() error { return readmeUMeeting(ctx, client) })
		require.NoError(t, err)
		m := exampletest.Lines(t, out,
			`^(\d+) https://\S+/j/\d+$`,
			`^(\d+) Team sync scheduled$`,
		)
		assert.Equal(t, m[0][1], m[1][1])
		assert.Equal(t, 1, srv.Handled("/umeeting/share/end"))
		got, err := client.UMeeting.Get(ctx, &quanshi.UMeetingGetRequest{MeetingID: m[0][1]})
		require.NoError(t, err)
		assert.Equal(t, quanshi.UMeetingStatusEnded, got.Status)
	})

	t.Run("umeetingmonitor", func(t *testing.T) {
		srv, client := readmeSandbox(t)
		inst, err := client.UMeeting.Instant(ctx, &quanshi.UMeetingInstantRequest{Topic: "Huddle", MeetingCapacity: 25})
		require.NoError(t, err)
		srv.Advance(20 * time.Minute)
		require.NoError(t, client.UMeeting.End(ctx, &quanshi.UMeetingEndRequest{ID: inst.MeetingID}))
		_, err = client.UMeeting.Instant(ctx, &quanshi.UMeetingInstantRequest{Topic: "Next", MeetingCapacity: 50})
		require.NoError(t, err)
		out, err := captureStdout(t, func() error { return readmeUMeetingMonitor(ctx, client) })
		require.NoError(t, err)
		exampletest.Lines(t, out, `^\S+ 50 1$`, `^`+inst.MeetingID+` 20 1$`)
	})

	t.Run("times", func(t *testing.T) {
		out, err := captureStdout(t, readmeTimes)
		require.NoError(t, err)
		assert.Equal(t, "2026-12-01 15:00:00 2026-12-01 15:00:00\n2026-12-01 15:00:00 +0800 UTC+8 true\n", out)
	})

	t.Run("do", func(t *testing.T) {
		_, client := readmeSandbox(t)
		err := readmeDo(ctx, client, 19533553)
		var apiErr *quanshi.APIError
		require.ErrorAs(t, err, &apiErr, "the sandbox serves only the wrapped endpoints")
		assert.Equal(t, 404, apiErr.HTTPStatus)
	})
}

func TestReadmeErrorSnippets(t *testing.T) {
	ctx := context.Background()
	srv, client := readmeSandbox(t)
	res, err := client.Conference.Create(ctx, &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: readmeHost, Title: "Review", Length: 30, StartTime: readmeBase.Add(time.Hour),
	}})
	require.NoError(t, err)
	const getPath = "/conference/conference/getConferenceBaseInfoById"

	for name, tc := range map[string]struct {
		fault        *quanshitest.Fault
		conferenceID string
		want         string
	}{
		"found":       {conferenceID: res.ConferenceID, want: "found it\n"},
		"not found":   {conferenceID: "999999", want: "no such meeting\n"},
		"invalid":     {conferenceID: "", want: "fix the request: conferenceId is required\n"},
		"api error":   {fault: &quanshitest.Fault{Path: getPath, BusinessCode: 51101, Message: "busy"}, conferenceID: res.ConferenceID, want: `^code 51101: busy \(HTTP 200, request id \S+\)\n$`},
		"transport":   {fault: &quanshitest.Fault{Path: getPath, Drop: true, Times: 3}, conferenceID: res.ConferenceID, want: `^no answer: .*EOF`},
		"http status": {fault: &quanshitest.Fault{Path: getPath, HTTPStatus: 500}, conferenceID: res.ConferenceID, want: `^code 500: Internal Server Error \(HTTP 500, request id \S+\)\n$`},
	} {
		t.Run(name, func(t *testing.T) {
			if tc.fault != nil {
				srv.Inject(*tc.fault)
			}
			out, err := captureStdout(t, func() error { return readmeErrors(ctx, client, tc.conferenceID) })
			require.NoError(t, err)
			if strings.HasPrefix(tc.want, "^") {
				assert.Regexp(t, tc.want, out)
			} else {
				assert.Equal(t, tc.want, out)
			}
		})
	}

	// A static token the server no longer accepts is returned as is.
	static, err := srv.StaticTokenClient()
	require.NoError(t, err)
	srv.ExpireTokens()
	err = readmeErrors(ctx, static, res.ConferenceID)
	assert.ErrorIs(t, err, quanshi.ErrTokenInvalid)
}

func TestReadmeOutcomeSnippet(t *testing.T) {
	ctx := context.Background()
	srv, client := readmeSandbox(t)
	req := &quanshi.ConferenceCreateRequest{ConferenceOptions: quanshi.ConferenceOptions{
		UserID: readmeHost, Title: "Board meeting", Length: 120, StartTime: time.Date(2026, 12, 3, 14, 0, 0, 0, quanshi.Beijing),
	}}
	const createPath = "/conference/conference/reservConference2"

	// The meeting is booked, then the connection drops before the answer.
	srv.Inject(quanshitest.Fault{Path: createPath, Drop: true, AfterHandling: true})
	out, err := captureStdout(t, func() error { return readmeOutcome(ctx, client, req) })
	require.NoError(t, err)
	assert.Regexp(t, `^booked after all: \d+\n$`, out)
	assert.Equal(t, 1, srv.Calls(createPath), "a write is never sent twice")
	assert.Equal(t, 1, srv.Handled(createPath))

	out, err = captureStdout(t, func() error { return readmeOutcome(ctx, client, req) })
	require.NoError(t, err)
	assert.Regexp(t, `^booked: \d+\n$`, out)

	srv.Inject(quanshitest.Fault{Path: createPath, BusinessCode: 50103, Message: "bad title"})
	assert.ErrorIs(t, readmeOutcome(ctx, client, req), quanshi.ErrInvalidParameter)

	// The connection drops before the server books: nothing to find.
	req.Title = "Board meeting 2"
	srv.Inject(quanshitest.Fault{Path: createPath, Drop: true})
	out, err = captureStdout(t, func() error { return readmeOutcome(ctx, client, req) })
	require.NoError(t, err)
	assert.Equal(t, "not booked: safe to create again\n", out)
}

// serviceOrder is the order of the services in the endpoint table.
var serviceOrder = []string{"User", "Auth", "Conference", "Room", "Recording", "Report", "Event", "Dashboard", "UMeeting"}

// fileOrder orders a service's source files in the table (files not named
// come after, by name).
var fileOrder = []string{"conference_reserve.go", "conference_query.go", "conference_launch.go", "conference_box.go"}

var (
	opLine   = regexp.MustCompile(`(?m)^//quanshi:operation (GET|POST) (\S+)$`)
	docsLine = regexp.MustCompile(`(?m)^(?:Quanshi|UMeeting) API docs: (\S+)$`)
)

// endpoint is one row of the table: an endpoint and the methods that call it.
type endpoint struct {
	service, method, path, docs string
	methods                     []string
	file                        string
	pos                         token.Pos
}

// endpointTable builds the table of every wrapped endpoint from the SDK's
// doc comments: the operation line and the docs line of each service method.
func endpointTable(t *testing.T) (table string, count int) {
	t.Helper()
	files, err := filepath.Glob("../*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	byOp := map[string]*endpoint{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() {
				continue
			}
			star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			recv, ok := star.X.(*ast.Ident)
			if !ok || !strings.HasSuffix(recv.Name, "Service") {
				continue
			}
			service := strings.TrimSuffix(recv.Name, "Service")
			require.Contains(t, serviceOrder, service, "a service the table does not know")
			doc := ""
			if fn.Doc != nil {
				doc = fn.Doc.Text()
			}
			// Text drops the directive line; read the comments raw.
			var raw strings.Builder
			if fn.Doc != nil {
				for _, c := range fn.Doc.List {
					raw.WriteString(c.Text + "\n")
				}
			}
			op := opLine.FindStringSubmatch(raw.String())
			docs := docsLine.FindStringSubmatch(doc)
			require.NotNil(t, op, "%s.%s has no //quanshi:operation line", service, fn.Name.Name)
			require.NotNil(t, docs, "%s.%s has no API docs line", service, fn.Name.Name)
			key := service + " " + op[1] + " " + op[2]
			e := byOp[key]
			if e == nil {
				e = &endpoint{service: service, method: op[1], path: op[2], docs: docs[1], file: filepath.Base(name), pos: fn.Pos()}
				byOp[key] = e
			}
			e.methods = append(e.methods, service+"."+fn.Name.Name)
			if fn.Pos() < e.pos && filepath.Base(name) == e.file {
				e.pos = fn.Pos()
			}
		}
	}
	rows := make([]*endpoint, 0, len(byOp))
	for _, e := range byOp {
		rows = append(rows, e)
	}
	rank := func(e *endpoint) (int, int, string, token.Pos) {
		f := slices.Index(fileOrder, e.file)
		if f < 0 {
			f = len(fileOrder)
		}
		return slices.Index(serviceOrder, e.service), f, e.file, e.pos
	}
	slices.SortFunc(rows, func(a, b *endpoint) int {
		as, af, an, ap := rank(a)
		bs, bf, bn, bp := rank(b)
		switch {
		case as != bs:
			return as - bs
		case af != bf:
			return af - bf
		case an != bn:
			return strings.Compare(an, bn)
		}
		return int(ap - bp)
	})
	var b strings.Builder
	for _, e := range rows {
		names := make([]string, len(e.methods))
		for i, m := range e.methods {
			names[i] = "`" + m + "`"
		}
		fmt.Fprintf(&b, "| %s | `%s %s` | [%s](%s) |\n", strings.Join(names, ", "), e.method, e.path, docsText(e.docs), e.docs)
	}
	return b.String(), len(rows)
}

// docsText is the link text of a docs URL: the page's path on
// developer.quanshi.com, or the umeeting page's name.
func docsText(u string) string {
	if rest, ok := strings.CutPrefix(u, "https://developer.quanshi.com/"); ok {
		return rest
	}
	return strings.TrimSuffix(u[strings.LastIndex(u, "/")+1:], ".md")
}

// endpointsRegion matches the generated table of a README.
var endpointsRegion = regexp.MustCompile(`(?s)<!-- endpoints:begin -->\n.*?<!-- endpoints:end -->\n`)

// TestReadmeEndpointTable: both READMEs list every wrapped endpoint, as the
// doc comments of the service methods name them.
func TestReadmeEndpointTable(t *testing.T) {
	rows, count := endpointTable(t)
	require.GreaterOrEqual(t, count, 30)
	for _, r := range readmes {
		want := "<!-- endpoints:begin -->\n" + r.tableHeader + rows + "<!-- endpoints:end -->\n"
		text := readFile(t, r.path)
		require.Regexp(t, endpointsRegion, text, "%s has no endpoints region", r.path)
		if *update {
			text = endpointsRegion.ReplaceAllLiteralString(text, want)
			require.NoError(t, os.WriteFile(r.path, []byte(text), 0o644))
			continue
		}
		assert.Equal(t, want, endpointsRegion.FindString(text), "%s: the endpoint table is stale; run go test ./examples -run TestReadmeEndpointTable -update", r.path)
	}
}
