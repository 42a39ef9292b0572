package restjson_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// AdminListUsers filters by the beginning of the address (in address
// order) and by status, pages, and refuses a token under other filters.
func TestAdminListUsers(t *testing.T) {
	store := openMemory(t, sqlstore.Options{})
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"},
		PaginationKey: []byte("k")}))
	defer srv.Close()
	ctx := context.Background()
	acct, err := store.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "A", Type: chime.EnterpriseLWA})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"u3", "u1b", "x", "u1a", "u2"} {
		if _, err := store.Services().Users.CreateUser(ctx, "111122223333", acct.ID, chime.NewUser{Email: name + "@example.com"}); err != nil {
			t.Fatal(err)
		}
	}
	list := func(q url.Values) (int, []string, string) {
		status, _, body := send(t, srv.URL, "AKIDALPHA", "alpha-secret", "GET", "/_chime/accounts/"+acct.ID+"/users?"+q.Encode(), "")
		var out struct {
			Users     []struct{ PrimaryEmail, PersonalPIN string }
			NextToken string
		}
		json.Unmarshal(body, &out)
		var emails []string
		for _, u := range out.Users {
			if u.PersonalPIN != "" {
				t.Errorf("a PIN in a list: %s", body)
			}
			emails = append(emails, u.PrimaryEmail)
		}
		return status, emails, out.NextToken
	}
	status, got, next := list(url.Values{"email-prefix": {"u"}, "max-results": {"2"}})
	if status != 200 || fmt.Sprint(got) != "[u1a@example.com u1b@example.com]" || next == "" {
		t.Fatalf("prefix u, first page: %d %v %q", status, got, next)
	}
	if _, got, _ = list(url.Values{"email-prefix": {"u"}, "max-results": {"2"}, "next-token": {next}}); fmt.Sprint(got) != "[u2@example.com u3@example.com]" {
		t.Errorf("prefix u, second page: %v", got)
	}
	if status, _, _ := list(url.Values{"email-prefix": {"x"}, "next-token": {next}}); status != 400 {
		t.Errorf("a token under another prefix: %d", status)
	}
	if _, got, _ := list(url.Values{"status": {"Suspended"}}); len(got) != 0 {
		t.Errorf("suspended: %v", got)
	}
	if status, _, _ := list(url.Values{"status": {"Dormant"}}); status != 400 {
		t.Errorf("an unknown status: %d", status)
	}
}
