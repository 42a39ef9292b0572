package restjson

import (
	"net/url"
	"strings"

	"github.com/openchime/chime/apispec"
)

// route is one operation's binding, with its path template split into
// segments ("{accountId}" segments are labels).
type route struct {
	op       *apispec.Operation
	segments []string
	// queryKey and queryValue are the constant query ("operation", "create").
	queryKey, queryValue string
}

// router finds the operation of a request: method, path template, then the
// constant query that tells operations on one path apart.
type router struct {
	routes []route
}

func newRouter(ops []*apispec.Operation) *router {
	r := &router{}
	for _, op := range ops {
		rt := route{op: op, segments: strings.Split(strings.TrimPrefix(op.Path, "/"), "/")}
		if op.Query != "" {
			rt.queryKey, rt.queryValue, _ = strings.Cut(op.Query, "=")
		}
		r.routes = append(r.routes, rt)
	}
	return r
}

// match returns the operation and its decoded path labels. ok is false when
// no operation has this method, path and constant query. A label that does
// not percent-decode matches nothing.
func (r *router) match(method, escapedPath string, query url.Values) (op *apispec.Operation, labels map[string]string, ok bool) {
	raw := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	segments := make([]string, len(raw))
	for i, s := range raw {
		d, err := url.PathUnescape(s)
		if err != nil {
			return nil, nil, false
		}
		segments[i] = d
	}
	var plain, fixed *route
	var fixedKeyPresent bool
	for i := range r.routes {
		rt := &r.routes[i]
		if rt.op.Method != method || !sameShape(rt.segments, segments) {
			continue
		}
		if rt.queryKey == "" {
			plain = rt
			continue
		}
		if _, present := query[rt.queryKey]; present {
			fixedKeyPresent = true
		}
		if vs := query[rt.queryKey]; len(vs) == 1 && vs[0] == rt.queryValue {
			fixed = rt
		}
	}
	chosen := fixed
	if chosen == nil {
		if fixedKeyPresent {
			// operation=<something unknown> on a path that has such
			// operations: an unknown operation, not the plain one.
			return nil, nil, false
		}
		chosen = plain
	}
	if chosen == nil {
		return nil, nil, false
	}
	labels = map[string]string{}
	for i, seg := range chosen.segments {
		if isLabel(seg) {
			labels[seg[1:len(seg)-1]] = segments[i]
		}
	}
	return chosen.op, labels, true
}

func isLabel(seg string) bool { return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") }

// sameShape reports whether the request's segments fit the template: the
// same count, literal segments equal, labels non-empty.
func sameShape(template, segments []string) bool {
	if len(template) != len(segments) {
		return false
	}
	for i, t := range template {
		if isLabel(t) {
			if segments[i] == "" {
				return false
			}
		} else if t != segments[i] {
			return false
		}
	}
	return true
}
