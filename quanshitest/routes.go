package quanshitest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// family is the host a path lives on; it decides the envelope.
type family int

const (
	familyOpenAPI  family = iota + 1 // /conference and /confopenapi: status/result
	familyEvents                     // /eventopenapi: code/data
	familyUMeeting                   // /umeeting: status/message/data, forms
)

// authKind is how a route's caller proves who it is.
type authKind int

const (
	authLegacy        authKind = iota + 1 // token header, or appId 6 + appKey in the body
	authToken                             // token in the header or the body
	authSigned                            // AppKey (or AppId)/Nonce/CurTime/CheckSum headers
	authUMeeting                          // api_key/api_secret form fields
	authSignedOrToken                     // the signed headers, or else a token
	authSignedAppID                       // the signed headers with AppId only (token/v2/create)
	authAdmin                             // appId 6, admin username and password in the body
	authNone                              // nothing: the body carries what it is about
)

// handler carries out one call; it runs with the server's lock held, so it
// may read and change the state freely. It returns the payload, or an error
// made by fail (anything else becomes an internal error).
type handler func(s *Server, c *call) (any, error)

// route is one endpoint of the sandbox.
type route struct {
	host   family
	method string
	// path is the endpoint path; for routes with path parameters it is the
	// fixed part before them.
	path string
	// params is the number of path segments after path (0: exact match).
	params int
	// optional is how many of the trailing path parameters a request may
	// leave out (seed 001 §3's cancel example ends after the e-mail); the
	// missing ones read as "".
	optional int
	auth     authKind
	handle   handler
}

type routeKey struct {
	host         family
	method, path string
}

// endpoint declares a POST route; the host and the authentication follow
// from the path.
func endpoint(path string, h handler) *route {
	return &route{method: http.MethodPost, path: path, handle: h}
}

// buildRoutes gathers every family's routes and completes them.
func buildRoutes() map[routeKey]*route {
	var all []*route
	for _, group := range [][]*route{coreRoutes(), userRoutes(), conferenceRoutes(), roomRoutes(), eventRoutes(), dashboardRoutes(), umeetingRoutes(),
		monitorRoutes(), reportV2Routes(), eventForwardRoutes(), launchRoutes(), roomAdminRoutes()} {
		all = append(all, group...)
	}
	routes := make(map[routeKey]*route, len(all))
	for _, rt := range all {
		rt.host, rt.auth = hostAndAuth(rt.path)
		key := routeKey{rt.host, rt.method, rt.path}
		if _, dup := routes[key]; dup {
			panic("quanshitest: duplicate route " + rt.path)
		}
		routes[key] = rt
	}
	return routes
}

func hostAndAuth(path string) (family, authKind) {
	if auth, ok := userAuth[path]; ok {
		if strings.HasPrefix(path, "/eventopenapi/") {
			return familyEvents, auth
		}
		return familyOpenAPI, auth
	}
	switch {
	case strings.HasPrefix(path, "/user/account/"):
		return familyOpenAPI, authLegacy
	case strings.HasPrefix(path, "/conference/"):
		return familyOpenAPI, authLegacy
	case strings.HasPrefix(path, "/confopenapi/"):
		return familyOpenAPI, authToken
	case path == pathTokenCreate:
		return familyEvents, authSigned
	case strings.HasPrefix(path, "/eventopenapi/"):
		return familyEvents, authToken
	case strings.HasPrefix(path, "/umeeting/"):
		return familyUMeeting, authUMeeting
	}
	panic("quanshitest: route on no known host: " + path)
}

// match finds the route of a request and its path parameters (unescaped).
func (s *Server) match(r *http.Request) (*route, []string) {
	host, rest, ok := trimPrefix(r.URL.EscapedPath())
	if !ok {
		return nil, nil
	}
	if rt, ok := s.routes[routeKey{host, r.Method, rest}]; ok && rt.params == 0 {
		return rt, nil
	}
	for _, rt := range s.routes {
		tail, ok := strings.CutPrefix(rest, rt.path+"/")
		if rt.params == 0 || rt.host != host || rt.method != r.Method || !ok {
			continue
		}
		segments := strings.Split(tail, "/")
		if len(segments) > rt.params || len(segments) < rt.params-rt.optional {
			continue
		}
		segments = append(segments, make([]string, rt.params-len(segments))...)
		for i, seg := range segments {
			v, err := url.PathUnescape(seg)
			if err != nil {
				return nil, nil
			}
			segments[i] = v
		}
		return rt, segments
	}
	return nil, nil
}

// call is one decoded request.
type call struct {
	route  *route
	header http.Header
	// body is the JSON body; a umeeting form arrives here as a JSON object of
	// strings, so that handlers decode every family the same lenient way.
	body   []byte
	params []string
	now    time.Time
}

const maxRequestBody = 4 << 20

func readCall(r *http.Request, rt *route, params []string) (*call, error) {
	c := &call{route: rt, header: r.Header, params: params, body: []byte("{}")}
	if r.Method == http.MethodGet {
		return c, nil
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody))
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", err)
	}
	if rt.host != familyUMeeting {
		if !jsontext.Value(raw).IsValid() || jsontext.Value(raw).Kind() != '{' {
			return nil, errors.New("the body is not a JSON object")
		}
		c.body = raw
		return c, nil
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil, fmt.Errorf("the body is not a form: %w", err)
	}
	flat := make(map[string]string, len(form))
	for k, v := range form {
		flat[k] = v[0]
	}
	if c.body, err = wire.Marshal(flat); err != nil {
		return nil, err
	}
	return c, nil
}

// decode reads the body into v with the API's lenient rules (numbers as
// strings and so on); a body of the wrong shape is a 50103.
func (c *call) decode(v any) error {
	if err := sandboxTypes.Unmarshal(c.body, v); err != nil {
		return fail(codeInvalidParameter, "invalid parameter: %v", err)
	}
	return nil
}
