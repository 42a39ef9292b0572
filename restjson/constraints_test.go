package restjson_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// validValue is a value that meets every constraint of the shape.
func validValue(s *apispec.Shape, depth int) any {
	switch s.Type {
	case apispec.Structure:
		m := map[string]any{}
		if depth < 6 {
			for _, mem := range s.Members {
				m[mem.Name] = validValue(mem.Shape, depth+1)
			}
		}
		return m
	case apispec.List:
		return []any{validValue(s.Member, depth+1)}
	case apispec.Integer:
		if s.HasMin {
			return s.Min
		}
		return 1
	case apispec.Double:
		return 0.5
	case apispec.Boolean:
		return true
	case apispec.Timestamp:
		return "2020-01-15T22:38:09.806Z"
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	if v, ok := patternSamples[s.Pattern]; ok {
		return v
	}
	return "valid-value"
}

// patternSamples are valid values of the model's patterns that
// "valid-value" does not match.
var patternSamples = map[string]string{
	`.+@.+\..+`:                 "valid@example.com",
	`^\+?[1-9]\d{1,14}$`:        "+12065550100",
	`[A-Z]{2}`:                  "US",
	`^$|^[a-zA-Z0-9 ]{2,15}$`:   "Valid Name",
	`^8(00|33|44|55|66|77|88)$`: "844",
	`^[a-zA-Z0-9+/]+$`:          "dG9rZW4",
	`[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}`: "5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11",
}

type violation struct {
	name  string
	value any
}

// violations lists values that each break one constraint of the shape.
func violations(s *apispec.Shape, loc apispec.Location) []violation {
	var out []violation
	switch s.Type {
	case apispec.String:
		if len(s.Enum) > 0 {
			out = append(out, violation{"enum", "NotAValue"})
		}
		if s.Pattern != "" && s.Pattern != `[^/?#%]*\S[^/?#%]*` {
			out = append(out, violation{"pattern", " "})
		}
		if s.HasMin && s.Min > 0 && loc != apispec.URI {
			out = append(out, violation{"min length", ""})
		}
		if s.HasMax {
			out = append(out, violation{"max length", strings.Repeat("x", s.Max+1)})
		}
		if s.Cap > 0 {
			out = append(out, violation{"server's max length", strings.Repeat("x", s.Cap+1)})
		}
		out = append(out, violation{"control character", "bad\x01value"}, violation{"invalid UTF-8", "bad\xffvalue"})
		if loc == apispec.Body {
			out = append(out, violation{"wrong type", 12})
		}
	case apispec.Integer, apispec.Double:
		if s.HasMin {
			out = append(out, violation{"below min", s.Min - 1})
		}
		if s.HasMax {
			out = append(out, violation{"above max", s.Max + 1})
		}
		if loc == apispec.Query {
			out = append(out, violation{"not a number", "abc"})
		} else {
			out = append(out, violation{"wrong type", "12"})
		}
	case apispec.Boolean:
		out = append(out, violation{"wrong type", "yes"})
	case apispec.List:
		if s.HasMax {
			items := make([]any, s.Max+1)
			for i := range items {
				items[i] = validValue(s.Member, 1)
			}
			out = append(out, violation{"too many items", items})
		}
		if s.Cap > 0 {
			items := make([]any, s.Cap+1)
			for i := range items {
				items[i] = validValue(s.Member, 1)
			}
			out = append(out, violation{"more items than the server takes", items})
		}
		if s.HasMin && s.Min > 0 {
			out = append(out, violation{"too few items", []any{}})
		}
		out = append(out, violation{"wrong type", "not-a-list"}, violation{"null item", []any{nil}})
	case apispec.Structure:
		out = append(out, violation{"wrong type", []any{1}})
	}
	return out
}

// encode lays an input document out as a request: labels, query, body.
func encode(op *apispec.Operation, doc map[string]any) (path, rawBody string) {
	path = op.Path
	q := url.Values{}
	body := map[string]any{}
	hasBody := false
	var members []apispec.Member
	if op.Input != nil {
		members = op.Input.Members
	}
	for _, m := range members {
		v, ok := doc[m.Name]
		switch m.Location {
		case apispec.URI:
			path = strings.Replace(path, "{"+m.LocationName+"}", url.PathEscape(fmt.Sprint(v)), 1)
		case apispec.Query:
			if ok {
				q.Set(m.LocationName, fmt.Sprint(v))
			}
		default:
			hasBody = true
			if ok {
				body[m.Name] = v
			}
		}
	}
	query := strings.ReplaceAll(q.Encode(), "+", "%20")
	if op.Query != "" {
		query = strings.TrimSuffix(op.Query+"&"+query, "&")
	}
	if query != "" {
		path += "?" + query
	}
	if hasBody {
		b, _ := json.Marshal(body)
		// json.Marshal mends invalid UTF-8; put the raw byte back.
		rawBody = strings.ReplaceAll(string(b), `\ufffd`, "\xff")
	}
	return path, rawBody
}

// mutations walks the input: for each member (nested ones too), a document
// that breaks one of its constraints, and one that leaves out a required one.
func mutations(op *apispec.Operation) map[string]map[string]any {
	out := map[string]map[string]any{}
	base := func() map[string]any { return validValue(op.Input, 0).(map[string]any) }
	var walk func(s *apispec.Shape, path []string, loc apispec.Location)
	walk = func(s *apispec.Shape, path []string, loc apispec.Location) {
		for _, m := range s.Members {
			if len(path) == 0 {
				loc = m.Location
			}
			p := append(append([]string{}, path...), m.Name)
			for _, v := range violations(m.Shape, loc) {
				doc := base()
				setPath(doc, p, v.value)
				out[strings.Join(p, ".")+"/"+v.name] = doc
			}
			if m.Required && loc != apispec.URI {
				doc := base()
				setPath(doc, p, nil)
				out[strings.Join(p, ".")+"/missing"] = doc
			}
			inner := m.Shape
			prefix := p
			if inner.Type == apispec.List && inner.Member.Type == apispec.Structure {
				inner, prefix = inner.Member, append(p, "0")
			}
			if inner.Type == apispec.Structure && len(prefix) < 6 {
				walk(inner, prefix, loc)
			}
		}
	}
	walk(op.Input, nil, apispec.Body)
	return out
}

// setPath sets (or with nil, deletes) a member at a path of names and list indexes.
func setPath(doc map[string]any, path []string, v any) {
	var cur any = doc
	for i, k := range path {
		last := i == len(path)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				if v == nil {
					delete(c, k)
				} else {
					c[k] = v
				}
				return
			}
			cur = c[k]
		case []any:
			cur = c[0]
			if last {
				c[0] = v
				return
			}
		}
	}
}

// TestEveryConstraint sends, for every implemented operation, one request
// per constraint of its input that breaks just that constraint, and expects
// 400 BadRequestException every time.
func TestEveryConstraint(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		store := open(t, sqlstore.Options{})
		srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(),
			Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"}, PaginationKey: []byte("k")}))
		defer srv.Close()
		cases := 0
		for _, op := range apispec.All {
			if !op.Implemented || op.Input == nil {
				continue // nothing to break
			}
			for name, doc := range mutations(op) {
				path, body := encode(op, doc)
				status, header, resp := doRaw(t, srv.URL, exchangeOf(op.Method, path, body))
				cases++
				if status != 400 || header.Get("x-amzn-ErrorType") != "BadRequestException" {
					t.Errorf("%s %s: %d %s %s\n%s %s", op.Name, name, status, header.Get("x-amzn-ErrorType"), resp, path, body)
				}
			}
		}
		t.Logf("%d constraint violations sent, each answered 400 BadRequestException", cases)
		if cases < 150 {
			t.Fatalf("only %d cases: the generator missed constraints", cases)
		}
	})
}
