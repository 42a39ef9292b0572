package restjson

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/internal/bindgen"
)

func TestErrorTableComplete(t *testing.T) {
	for _, k := range chime.Kinds {
		w, ok := errorTable[k]
		if !ok {
			t.Errorf("kind %v has no row in the error table", k)
			continue
		}
		if w.Status < 400 || w.Exception == "" || w.Code == "" {
			t.Errorf("kind %v: incomplete row %+v", k, w)
		}
	}
	if len(errorTable) != len(chime.Kinds) {
		t.Errorf("the table has %d rows for %d kinds", len(errorTable), len(chime.Kinds))
	}
	w, msg := toWire(errors.New("disk on fire at /var/lib/x"))
	if w.Exception != "ServiceFailureException" || w.Status != 500 || msg != internalMessage {
		t.Errorf("an unknown error became %+v %q", w, msg)
	}
	w, msg = toWire(chime.Internalf(errors.New("secret cause"), "write"))
	if w.Status != 500 || msg != internalMessage {
		t.Errorf("an internal error leaked %q", msg)
	}
}

// Every implemented operation has a binding (the generated table calls its
// handler method, so a missing handler does not compile), and nothing else
// has one.
func TestBindingsCoverImplementedOperations(t *testing.T) {
	for _, op := range apispec.All {
		if op.Implemented != (bindings[op.Name] != nil) {
			t.Errorf("%s: implemented %v, binding %v", op.Name, op.Implemented, bindings[op.Name] != nil)
		}
	}
	if len(bindings) != len(apispec.Implemented()) {
		t.Errorf("%d bindings for %d implemented operations", len(bindings), len(apispec.Implemented()))
	}
}

// The committed bindings are what the generator makes of apispec today.
func TestBindingsUpToDate(t *testing.T) {
	want, err := bindgen.Generate(apispec.All)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("bindings_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("bindings_gen.go is stale: run go generate ./restjson/")
	}
}

func TestRouter(t *testing.T) {
	r := newRouter(apispec.All)
	for _, tc := range []struct {
		method, path, query string
		want                string
		labels              map[string]string
	}{
		{"POST", "/accounts/a-1/users", "operation=create", "CreateUser", map[string]string{"accountId": "a-1"}},
		{"POST", "/accounts/a-1/users", "", "BatchUpdateUser", nil},
		{"POST", "/accounts/a-1/users", "operation=add", "InviteUsers", nil},
		{"POST", "/accounts/a-1/users", "operation=suspend", "BatchSuspendUser", nil},
		{"POST", "/accounts/a-1/users", "operation=unsuspend", "BatchUnsuspendUser", nil},
		{"POST", "/accounts/a-1/users", "operation=bogus", "", nil},
		{"POST", "/accounts/a-1/users", "operation=create&operation=add", "", nil},
		{"GET", "/accounts/a-1/users", "user-email=x%40y.z&unknown=1", "ListUsers", nil},
		{"GET", "/accounts/a-1", "operation=whatever", "GetAccount", nil},
		{"POST", "/accounts/a-1/users/u%2F1", "operation=reset-personal-pin", "ResetPersonalPIN", map[string]string{"accountId": "a-1", "userId": "u/1"}},
		{"GET", "/accounts/a%20b/users/u%2B1/settings", "", "GetUserSettings", map[string]string{"accountId": "a b", "userId": "u+1"}},
		{"PATCH", "/accounts", "", "", nil},
		{"GET", "/accounts//users", "", "", nil},
		{"GET", "/accounts/a/users/", "", "", nil},
		{"GET", "/nowhere", "", "", nil},
		{"GET", "/accounts/%zz", "", "", nil},
		{"GET", "/search", "type=phone-numbers", "SearchAvailablePhoneNumbers", nil},
		{"POST", "/_chime/accounts/x", "", "AdminUpdateAccount", nil},
	} {
		q, _ := url.ParseQuery(tc.query)
		op, labels, ok := r.match(tc.method, tc.path, q)
		got := ""
		if ok {
			got = op.Name
		}
		if got != tc.want {
			t.Errorf("%s %s?%s: got %q, want %q", tc.method, tc.path, tc.query, got, tc.want)
		}
		for k, v := range tc.labels {
			if labels[k] != v {
				t.Errorf("%s %s: label %s = %q, want %q", tc.method, tc.path, k, labels[k], v)
			}
		}
	}
}

func TestPaginationTokens(t *testing.T) {
	s := tokenSigner{key: []byte("k")}
	scope := []string{"ListUsers", "111122223333", "acct", "", ""}
	tok := s.issue(scope, "42")
	if c, err := s.open(scope, tok); err != nil || c != "42" {
		t.Fatalf("%q %v", c, err)
	}
	if s.issue(scope, "") != "" {
		t.Fatal("a last page got a token")
	}
	other := []string{"ListUsers", "111122223333", "acct", "x@example.com", ""}
	for _, bad := range []struct {
		scope []string
		token string
	}{
		{other, tok},
		{scope, tok[:len(tok)-1]},
		{scope, "NDM." + tok[3:]},
		{scope, "nodot"},
		{scope, "!!.!!"},
	} {
		if _, err := s.open(bad.scope, bad.token); !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("token %q accepted (%v)", bad.token, err)
		}
	}
	if _, err := (tokenSigner{key: []byte("other")}).open(scope, tok); err == nil {
		t.Error("a token signed with another key was accepted")
	}
}
