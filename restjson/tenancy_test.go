package restjson_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// TestTenancyEveryOperation: another AWS account's caller tries every
// implemented operation, with otherwise valid input: on an account (and
// user) it does not own it gets NotFoundException every time; operations
// that name no account act on its own AWS account only. The owner's data is
// untouched.
func TestTenancyEveryOperation(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		ctx := context.Background()
		var logs bytes.Buffer
		store := open(t, sqlstore.Options{})
		srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"},
			PaginationKey: []byte("k"), Logger: slog.New(slog.NewJSONHandler(&logs, nil))}))
		defer srv.Close()
		acct, _ := store.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "Alpha", Type: chime.EnterpriseLWA})
		user, err := store.Services().Users.CreateUser(ctx, "111122223333", acct.ID, chime.NewUser{Email: "secret-person@example.com", Username: "Secret Person"})
		if err != nil {
			t.Fatal(err)
		}
		// Operations that name no Chime account act on the caller's own AWS
		// account; each says what another tenant must see.
		unlabelled := map[string]func(t *testing.T, status int, header http.Header, resp []byte){
			// Creating makes an account of the caller's own; the owner's list
			// is checked below to be unchanged.
			"CreateAccount":      wantStatus(201),
			"AdminCreateAccount": wantStatus(201),
			// Listing shows the caller's own accounts only (those it created
			// above), never the owner's.
			"ListAccounts": func(t *testing.T, status int, _ http.Header, resp []byte) {
				if status != 200 || strings.Contains(string(resp), acct.ID) || strings.Contains(string(resp), "111122223333") {
					t.Errorf("ListAccounts by another tenant: %d %s", status, resp)
				}
			},
			// Faults are a control of the server node, refused to every caller
			// unless the server was started with --fault-injection.
			"AdminGetFaults":    wantStatus(403),
			"AdminPutFaults":    wantStatus(403),
			"AdminDeleteFaults": wantStatus(403),
			// The clock is the node's, refused to every caller unless the
			// server was started with --dev or --clock-control.
			"AdminGetClock":     wantStatus(403),
			"AdminAdvanceClock": wantStatus(403),
		}
		tried := 0
		for _, op := range apispec.Implemented() {
			doc := validValue(op.Input, 0).(map[string]any)
			delete(doc, "NextToken") // a token we did not issue is refused first, whoever asks
			label := op.Input.MemberNamed("AccountId")
			if label == nil || label.Location != apispec.URI {
				check, ok := unlabelled[op.Name]
				if !ok {
					t.Errorf("%s names no account and has no tenancy expectation in this test", op.Name)
					continue
				}
				for _, m := range []string{"Name", "UserEmail"} {
					if op.Input.MemberNamed(m) != nil && op.Input.MemberNamed(m).Location == apispec.Query {
						delete(doc, m)
					}
				}
				path, body := encode(op, doc)
				status, header, resp := send(t, srv.URL, "AKIDBETA", "beta-secret", op.Method, path, body)
				check(t, status, header, resp)
				tried++
				continue
			}
			doc["AccountId"] = acct.ID
			if op.Input.MemberNamed("UserId") != nil {
				doc["UserId"] = user.ID
			}
			if m := op.Input.MemberNamed("UserIdList"); m != nil {
				doc["UserIdList"] = []any{user.ID}
			}
			path, body := encode(op, doc)
			status, header, resp := send(t, srv.URL, "AKIDBETA", "beta-secret", op.Method, path, body)
			tried++
			if status != 404 || header.Get("x-amzn-ErrorType") != "NotFoundException" {
				t.Errorf("%s by another tenant: %d %s %s", op.Name, status, header.Get("x-amzn-ErrorType"), resp)
			}
		}
		if tried != len(apispec.Implemented()) {
			t.Fatalf("%d of %d implemented operations tried", tried, len(apispec.Implemented()))
		}
		// Lists and filters do not show it either, nor what the other tenant made.
		for _, path := range []string{"/accounts", "/accounts?user-email=secret-person%40example.com", "/accounts?name=Alpha"} {
			status, _, resp := send(t, srv.URL, "AKIDBETA", "beta-secret", "GET", path, "")
			if status != 200 || strings.Contains(string(resp), acct.ID) {
				t.Errorf("%s by another tenant: %d %s", path, status, resp)
			}
		}
		if page, err := store.Services().Accounts.ListAccounts(ctx, "111122223333", chime.AccountFilter{}, chime.PageRequest{}); err != nil || len(page.Accounts) != 1 {
			t.Errorf("the owner's accounts changed: %+v %v", page, err)
		}
		got, err := store.Services().Users.GetUser(ctx, "111122223333", acct.ID, user.ID)
		if err != nil || got.License != user.License || got.Registration != chime.Registered {
			t.Fatalf("the owner's user changed: %+v %v", got, err)
		}
		if a, _ := store.Services().Accounts.GetAccount(ctx, "111122223333", acct.ID); a.Name != "Alpha" || a.Type != chime.EnterpriseLWA {
			t.Fatalf("the owner's account changed: %+v", a)
		}
		// Wrong secrets and hostile values leave no secret in the log.
		send(t, srv.URL, "AKIDALPHA", "not-the-secret", "GET", "/accounts", "")
		send(t, srv.URL, "AKIDALPHA", "alpha-secret", "POST", "/accounts/"+acct.ID+"/users?operation=create",
			`{"Email":"another-secret@example.com","Username":"Hidden Name"}`)
		for _, secret := range []string{"alpha-secret", "beta-secret", "not-the-secret", "secret-person", "another-secret", "Hidden Name", "Signature="} {
			if strings.Contains(logs.String(), secret) {
				t.Errorf("the log holds %q:\n%s", secret, logs.String())
			}
		}
		if !strings.Contains(logs.String(), `"operation":"CreateUser"`) {
			t.Errorf("the log has no request lines:\n%s", logs.String())
		}
	})
}

func wantStatus(want int) func(t *testing.T, status int, header http.Header, resp []byte) {
	return func(t *testing.T, status int, header http.Header, resp []byte) {
		t.Helper()
		if status != want {
			t.Errorf("by another tenant: %d %s %s, want %d", status, header.Get("x-amzn-ErrorType"), resp, want)
		}
	}
}
