package restjson_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/restjson"
)

// TestCaseTwinKeysCarryNothing: for every body member of every implemented
// operation, at every depth, a key that differs from the member's name only
// in letter case is ignored whatever it holds. Validation checks members by
// their exact names and the binding reads exactly those, so a twin can
// neither slip a value past validation nor replace a validated one.
func TestCaseTwinKeysCarryNothing(t *testing.T) {
	hostile := []any{"evil\u0000value", strings.Repeat("x", 5000), []any{"a", "b"}, map[string]any{"k": "v"}, 12345, true, "valid-value"}
	members := 0
	for _, op := range apispec.Implemented() {
		if op.Input == nil {
			continue // nothing is read from the request
		}
		doc := validValue(op.Input, 0).(map[string]any)
		path, body := encode(op, doc)
		want, err := restjson.DecodeRequest(op.Method, path, []byte(body))
		if err != nil {
			t.Fatalf("%s: the valid request is refused: %v", op.Name, err)
		}
		for _, at := range bodyMemberPaths(op.Input, nil, 0) {
			members++
			for _, twin := range caseTwins(at[len(at)-1]) {
				for _, v := range hostile {
					twinned := deepCopy(doc).(map[string]any)
					setTwin(twinned, at, twin, v)
					_, body := encode(op, twinned)
					got, err := restjson.DecodeRequest(op.Method, path, []byte(body))
					name := fmt.Sprintf("%s %s as %q = %v", op.Name, strings.Join(at, "."), twin, v)
					if err != nil {
						t.Errorf("%s: refused: %v", name, err)
						continue
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s: the twin changed the input:\n got %s\nwant %s", name, show(got), show(want))
					}
				}
			}
		}
	}
	if members == 0 {
		t.Fatal("no body members tried")
	}
	t.Logf("%d body members, each with its case twins", members)
}

// bodyMemberPaths lists the paths of the body members of s and of the
// structures within it (a list's element is entered as index 0).
func bodyMemberPaths(s *apispec.Shape, prefix []string, depth int) [][]string {
	var paths [][]string
	if depth > 5 {
		return nil
	}
	for _, m := range s.Members {
		if m.Location != apispec.Body {
			continue
		}
		p := append(append([]string(nil), prefix...), m.Name)
		paths = append(paths, p)
		inner := m.Shape
		if inner.Type == apispec.List {
			inner = inner.Member
			p = append(p, "0")
		}
		if inner.Type == apispec.Structure {
			paths = append(paths, bodyMemberPaths(inner, p, depth+1)...)
		}
	}
	return paths
}

// caseTwins are spellings of name that differ from it only in case.
func caseTwins(name string) []string {
	r := []rune(name)
	r[0] = unicode.ToLower(r[0])
	set := map[string]bool{strings.ToLower(name): true, strings.ToUpper(name): true, string(r): true}
	delete(set, name)
	var out []string
	for s := range set {
		out = append(out, s)
	}
	return out
}

// setTwin puts v under key twin beside the member at path.
func setTwin(doc map[string]any, path []string, twin string, v any) {
	var cur any = doc
	for _, p := range path[:len(path)-1] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[p]
		case []any:
			cur = c[0]
		}
	}
	cur.(map[string]any)[twin] = v
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = deepCopy(e)
		}
		return l
	}
	return v
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
