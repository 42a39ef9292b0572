package restjson

import (
	"net/url"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
)

func FuzzRouter(f *testing.F) {
	for _, seed := range [][3]string{
		{"POST", "/accounts/a-1/users", "operation=create"},
		{"GET", "/accounts/a%20b/users/u%2B1/settings", ""},
		{"POST", "/accounts/a-1/users", "operation=create&operation=add"},
		{"GET", "/accounts/%zz", ""},
		{"GET", "/search", "type=phone-numbers"},
		{"DELETE", "/_chime/faults", ""},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	r := newRouter(apispec.All)
	f.Fuzz(func(t *testing.T, method, path, rawQuery string) {
		q, _ := url.ParseQuery(rawQuery)
		op, labels, ok := r.match(method, path, q)
		if !ok {
			return
		}
		if op.Method != method {
			t.Fatalf("%s routed to %s %s", method, op.Method, op.Path)
		}
		for name, v := range labels {
			if v == "" {
				t.Fatalf("empty label %s", name)
			}
		}
	})
}

func FuzzPaginationToken(f *testing.F) {
	s := tokenSigner{key: []byte("fuzz")}
	scope := []string{"ListUsers", "111122223333", "a", "", ""}
	f.Add(s.issue(scope, "42"))
	f.Add("MQ.AAAAAAAAAAAAAAAAAAAAAA")
	f.Add("")
	f.Add("..")
	// Line breaks inside an issued token, which Go's base64 decoders skip.
	issued := s.issue(scope, "42")
	f.Add(issued[:2] + "\r" + issued[2:])
	f.Add(issued[:3] + "\n" + issued[3:])
	f.Fuzz(func(t *testing.T, token string) {
		cursor, err := s.open(scope, token)
		if err != nil {
			if !chime.IsKind(err, chime.BadRequest) {
				t.Fatalf("a bad token gave %v", err)
			}
			return
		}
		// A token that opens is one we issued (or none at all).
		if token != "" && s.issue(scope, cursor) != token {
			t.Fatalf("token %q opened to %q but we would issue %q", token, cursor, s.issue(scope, cursor))
		}
	})
}

func FuzzDecodeAndValidate(f *testing.F) {
	for _, seed := range []string{
		`{"Email":"a@b.co","UserType":"SharedDevice"}`,
		`{"UpdateUserRequestItems":[{"UserId":"u","LicenseType":"Basic","AlexaForBusinessMetadata":{"IsAlexaForBusinessEnabled":true}}]}`,
		`{"UserSettings":{"Telephony":{"InboundCalling":true,"OutboundCalling":false,"SMS":true}}}`,
		`[1]`, `null`, `{"Email":1e400}`, "{\"Email\":\"\xff\"}", ``,
	} {
		f.Add(seed)
	}
	var ops []*apispec.Operation
	for _, name := range []string{"CreateUser", "BatchUpdateUser", "UpdateUserSettings", "AssociateSigninDelegateGroupsWithAccount", "InviteUsers"} {
		ops = append(ops, apispec.Lookup(name))
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, op := range ops {
			labels := map[string]string{"accountId": "a", "userId": "u"}
			err := validateCall(&call{op: op, labels: labels, query: url.Values{}, body: []byte(body)})
			if err != nil && !chime.IsKind(err, chime.BadRequest) {
				t.Fatalf("%s: %v", op.Name, err)
			}
		}
	})
}
