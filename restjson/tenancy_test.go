package restjson_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// TestTenancyEveryOperation: another AWS account's caller tries every
// implemented operation on an account (and user) it does not own, with
// otherwise valid input, and gets NotFoundException every time; the owner's
// data is untouched.
func TestTenancyEveryOperation(t *testing.T) {
	ctx := context.Background()
	var logs bytes.Buffer
	store, err := sqlite.OpenMemory(ctx, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"},
		PaginationKey: []byte("k"), Logger: slog.New(slog.NewJSONHandler(&logs, nil))}))
	defer srv.Close()
	acct, _ := store.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "Alpha", Type: chime.EnterpriseLWA})
	user, err := store.Services().Users.CreateUser(ctx, "111122223333", acct.ID, chime.NewUser{Email: "secret-person@example.com", Username: "Secret Person"})
	if err != nil {
		t.Fatal(err)
	}
	tried := 0
	for _, op := range apispec.All {
		if !op.Implemented || op.Input.MemberNamed("AccountId") == nil || op.Input.MemberNamed("AccountId").Location != apispec.URI {
			continue
		}
		doc := validValue(op.Input, 0).(map[string]any)
		doc["AccountId"] = acct.ID
		delete(doc, "NextToken") // a token we did not issue is refused first, whoever asks
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
	if tried < 19 {
		t.Fatalf("only %d operations tried", tried)
	}
	// Lists and filters do not show it either.
	for _, path := range []string{"/accounts", "/accounts?user-email=secret-person%40example.com", "/accounts?name=Alpha"} {
		status, _, resp := send(t, srv.URL, "AKIDBETA", "beta-secret", "GET", path, "")
		if status != 200 || string(resp) != "{\"Accounts\":[]}\n" {
			t.Errorf("%s by another tenant: %d %s", path, status, resp)
		}
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
}
