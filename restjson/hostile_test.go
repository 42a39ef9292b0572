package restjson_test

import (
	"strings"
	"testing"
)

// TestHostileInput sends malformed and hostile requests; each gets the
// modelled error, never a 5xx, and nothing is written.
func TestHostileInput(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		srv := fixedServer(t, open)
		create := "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?operation=create"
		deep := strings.Repeat(`{"A":`, 20000) + "1" + strings.Repeat("}", 20000)
		manyIDs := `{"UserIdList":[` + strings.TrimSuffix(strings.Repeat(`"u",`, 10000), ",") + `]}`
		for _, tc := range []struct {
			name, method, path, body string
			status                   int
			errorType                string
		}{
			{"BodyOverLimit", "POST", create, `{"Email":"` + strings.Repeat("a", 2<<20) + `@example.com"}`, 400, "BadRequestException"},
			{"DeepNesting", "POST", create, deep, 400, "BadRequestException"},
			{"HugeString", "POST", "/accounts", `{"Name":"` + strings.Repeat("n", 500000) + `"}`, 400, "BadRequestException"},
			{"HugeList", "POST", "/accounts/team-1/users?operation=suspend", manyIDs, 400, "BadRequestException"},
			{"NotJSON", "POST", create, `Email=roomdevice@example.com`, 400, "BadRequestException"},
			{"JSONArray", "POST", create, `["Email"]`, 400, "BadRequestException"},
			{"JSONNull", "POST", create, `null`, 400, "BadRequestException"},
			{"TrailingGarbage", "POST", create, `{"Email":"a@b.co"} {"Email":"c@d.co"}`, 400, "BadRequestException"},
			{"InvalidUTF8", "POST", create, "{\"Email\":\"a\xff@b.co\"}", 400, "BadRequestException"},
			{"ControlCharacter", "POST", create, `{"Email":"a\u0000@b.co"}`, 400, "BadRequestException"},
			{"WrongTypeNumber", "POST", create, `{"Email":1e400}`, 400, "BadRequestException"},
			{"NestedWrongType", "PUT", "/accounts/team-1/settings", `{"AccountSettings":{"EnableDialOut":"true"}}`, 400, "BadRequestException"},
			{"EncodedSlashInLabel", "GET", "/accounts/team-1%2F..%2Fx", "", 404, "NotFoundException"},
			{"DotDotLabel", "GET", "/accounts/%2E%2E", "", 404, "NotFoundException"},
			{"DoubleEncodedLabel", "GET", "/accounts/team%252D1", "", 404, "NotFoundException"},
			{"NulInLabel", "GET", "/accounts/team-1%00", "", 400, "BadRequestException"},
			{"EmptyLabel", "GET", "/accounts//users", "", 404, "NotFoundException"},
			{"DuplicateQuery", "GET", "/accounts?name=a&name=b", "", 400, "BadRequestException"},
			{"DuplicateOperation", "POST", "/accounts/team-1/users?operation=create&operation=create", `{}`, 404, "NotFoundException"},
			{"UnknownOperation", "POST", "/accounts/team-1/users?operation=drop-table", `{}`, 404, "NotFoundException"},
			{"WrongMethod", "PATCH", "/accounts/team-1", "", 404, "NotFoundException"},
			{"UnknownPath", "GET", "/../../etc/passwd", "", 404, "NotFoundException"},
			{"HugeMaxResults", "GET", "/accounts?max-results=99999999999999999999", "", 400, "BadRequestException"},
			{"NegativeMaxResults", "GET", "/accounts?max-results=-1", "", 400, "BadRequestException"},
			{"TamperedToken", "GET", "/accounts?next-token=MQ.AAAAAAAAAAAAAAAAAAAAAA", "", 400, "BadRequestException"},
			{"TokenWithLineBreak", "GET", "/accounts?next-token=MQ%0A.AAAAAAAAAAAAAAAAAAAAAA", "", 400, "BadRequestException"},
			// A case twin is not the member: the request is judged on the
			// member alone, and the twin is not read.
			{"CaseTwinBesideMissingMember", "POST", create, `{"email":"a@b.co"}`, 400, "BadRequestException"},
			{"CaseTwinListOverLimit", "POST", "/accounts/team-1/users?operation=suspend", `{"useridlist":["u"]}`, 400, "BadRequestException"},
			{"DotAccountId", "POST", "/_chime/accounts", `{"Name":"x","AccountId":".."}`, 400, "BadRequestException"},
			{"TooManyGroups", "POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45?operation=associate-signin-delegate-groups",
				`{"SigninDelegateGroups":[` + strings.TrimSuffix(strings.Repeat(`{"GroupName":"g"},`, 46000), ",") + `]}`, 400, "BadRequestException"},
			{"LongUsername", "POST", create, `{"Email":"a@b.co","Username":"` + strings.Repeat("n", 900000) + `"}`, 400, "BadRequestException"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, header, body := doRaw(t, srv.URL, exchangeOf(tc.method, tc.path, tc.body))
				if status != tc.status || header.Get("x-amzn-ErrorType") != tc.errorType || header.Get("x-amzn-RequestId") == "" {
					t.Fatalf("%d %s %s", status, header.Get("x-amzn-ErrorType"), body)
				}
			})
		}
		// Case twins with hostile values are ignored: what is stored is
		// what validation saw.
		status, _, body := doRaw(t, srv.URL, exchangeOf("POST", "/accounts/team-1",
			`{"Name":"ok","name":"evil\u0000\u001b[31m","NAME":"x"}`))
		if status != 200 || !strings.Contains(string(body), `"Name":"ok"`) {
			t.Fatalf("update with case twins: %d %s", status, body)
		}
		status, _, body = doRaw(t, srv.URL, exchangeOf("POST", "/_chime/accounts", `{"Name":"twin","AccountId":"ok-id","accountid":"stuck\u0007id"}`))
		if status != 201 || !strings.Contains(string(body), `"AccountId":"ok-id"`) {
			t.Fatalf("create with a case twin: %d %s", status, body)
		}
		// None of it wrote any user.
		status, _, body = doRaw(t, srv.URL, exchangeOf("GET", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users", ""))
		if status != 200 || string(body) != "{\"Users\":[]}\n" {
			t.Fatalf("after the hostile requests: %d %s", status, body)
		}
	})
}
