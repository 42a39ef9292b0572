package restjson_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// storeState is the simplest StateControl: the store's own reset,
// snapshot and restore, with an empty start state.
type storeState struct{ s *sqlstore.Store }

func (st storeState) Reset(ctx context.Context, owner chime.Owner, all bool) (int, int, error) {
	n, err := st.s.Reset(ctx, owner, all)
	return n, 0, err
}

func (st storeState) Snapshot(ctx context.Context, owner chime.Owner) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	err := st.s.Snapshot(ctx, owner, func(r sqlstore.Record) error { return enc.Encode(r) })
	return b.String(), err
}

func (st storeState) Restore(ctx context.Context, owner chime.Owner, snapshot string) (int, int, error) {
	var recs []sqlstore.Record
	dec := json.NewDecoder(strings.NewReader(snapshot))
	for dec.More() {
		var r sqlstore.Record
		if err := dec.Decode(&r); err != nil {
			return 0, 0, chime.Errorf(chime.BadRequest, "not a snapshot")
		}
		recs = append(recs, r)
	}
	return st.s.Restore(ctx, owner, recs)
}

// journalKeys adds the development key to the test's tenants: only it
// may reset every AWS account.
var journalKeys = sigv4.StaticKeyring{
	"AKIDALPHA":          testKeys["AKIDALPHA"],
	"AKIDBETA":           testKeys["AKIDBETA"],
	sigv4.DevAccessKeyID: {AccessKeyID: sigv4.DevAccessKeyID, SecretAccessKey: sigv4.DevSecretAccessKey, AccountID: sigv4.DevAccountID},
}

func stateServer(t *testing.T, journal int) (string, *sqlstore.Store) {
	t.Helper()
	store := openMemory(t, sqlstore.Options{})
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: journalKeys, Service: "chime"},
		PaginationKey: []byte("k"), State: storeState{store}, JournalSize: journal}))
	t.Cleanup(srv.Close)
	return srv.URL, store
}

type listed struct {
	Requests []struct {
		Time, Operation, ErrorCode, RequestId, AwsAccountId, Parameters string
		Status                                                          int
	}
}

func listRequests(t *testing.T, url, akid, secret, query string) listed {
	t.Helper()
	status, _, body := send(t, url, akid, secret, "GET", "/_chime/requests"+query, "")
	if status != 200 {
		t.Fatalf("list requests%s: %d %s", query, status, body)
	}
	var l listed
	if err := json.Unmarshal(body, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// The journal answers "CreateUser was called twice and the second got a
// Conflict", with personal data masked, per AWS account, filtered, and
// cleared on request.
func TestJournalRecordsWhatWasCalled(t *testing.T) {
	url, store := stateServer(t, 100)
	acct, err := store.Services().Accounts.CreateAccount(context.Background(), "111122223333", chime.NewAccount{Name: "Alpha", Type: chime.EnterpriseLWA})
	if err != nil {
		t.Fatal(err)
	}
	create := `{"Email":"secret-person@example.com","Username":"Secret Person","UserType":"PrivateUser"}`
	for range 2 {
		send(t, url, "AKIDALPHA", "alpha-secret", "POST", "/accounts/"+acct.ID+"/users?operation=create", create)
	}
	send(t, url, "AKIDBETA", "beta-secret", "GET", "/accounts", "")
	l := listRequests(t, url, "AKIDALPHA", "alpha-secret", "?operation=CreateUser")
	if len(l.Requests) != 2 || l.Requests[0].Status != 201 || l.Requests[1].Status != 409 || l.Requests[1].ErrorCode != "ConflictException" {
		t.Fatalf("CreateUser entries: %+v", l.Requests)
	}
	var params map[string]any
	if err := json.Unmarshal([]byte(l.Requests[0].Parameters), &params); err != nil {
		t.Fatalf("parameters %q: %v", l.Requests[0].Parameters, err)
	}
	if params["AccountId"] != acct.ID || params["Email"] != "***" || params["Username"] != "***" || params["UserType"] != "PrivateUser" {
		t.Errorf("parameters %v: want the account id and user type, the e-mail and name masked", params)
	}
	for _, e := range l.Requests {
		if strings.Contains(e.Parameters, "secret-person") || e.AwsAccountId != "111122223333" || e.RequestId == "" || e.Time == "" {
			t.Errorf("entry %+v", e)
		}
	}
	if got := listRequests(t, url, "AKIDALPHA", "alpha-secret", "?status=409"); len(got.Requests) != 1 {
		t.Errorf("status=409: %+v", got.Requests)
	}
	if got := listRequests(t, url, "AKIDALPHA", "alpha-secret", "?since=2999-01-01T00:00:00Z"); len(got.Requests) != 0 {
		t.Errorf("since the future: %+v", got.Requests)
	}
	if status, _, body := send(t, url, "AKIDALPHA", "alpha-secret", "GET", "/_chime/requests?since=yesterday", ""); status != 400 {
		t.Errorf("since=yesterday: %d %s", status, body)
	}
	// Each AWS account sees its own; reading and clearing is not recorded.
	beta := listRequests(t, url, "AKIDBETA", "beta-secret", "")
	if len(beta.Requests) != 1 || beta.Requests[0].Operation != "ListAccounts" {
		t.Errorf("beta's journal: %+v", beta.Requests)
	}
	if status, _, _ := send(t, url, "AKIDALPHA", "alpha-secret", "DELETE", "/_chime/requests", ""); status != 204 {
		t.Fatalf("clear: %d", status)
	}
	if got := listRequests(t, url, "AKIDALPHA", "alpha-secret", ""); len(got.Requests) != 0 {
		t.Errorf("after clearing: %+v", got.Requests)
	}
	if got := listRequests(t, url, "AKIDBETA", "beta-secret", ""); len(got.Requests) != 1 {
		t.Errorf("alpha's clearing touched beta's journal: %+v", got.Requests)
	}
}

// The journal keeps the last N requests, oldest first.
func TestJournalIsBounded(t *testing.T) {
	url, _ := stateServer(t, 5)
	for i := range 12 {
		send(t, url, "AKIDALPHA", "alpha-secret", "GET", fmt.Sprintf("/accounts/missing-%d", i), "")
	}
	l := listRequests(t, url, "AKIDALPHA", "alpha-secret", "")
	if len(l.Requests) != 5 {
		t.Fatalf("%d entries, want the last 5", len(l.Requests))
	}
	for i, e := range l.Requests {
		if want := fmt.Sprintf(`"missing-%d"`, 7+i); !strings.Contains(e.Parameters, want) || e.Status != 404 {
			t.Errorf("entry %d: %+v, want %s", i, e, want)
		}
	}
}

func TestStateAndJournalAreRefusedUnlessEnabled(t *testing.T) {
	store := openMemory(t, sqlstore.Options{})
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: journalKeys, Service: "chime"},
		PaginationKey: []byte("k")}))
	defer srv.Close()
	for _, r := range []struct{ method, path, body string }{
		{"POST", "/_chime/reset", "{}"}, {"GET", "/_chime/snapshot", ""}, {"PUT", "/_chime/snapshot", `{"Snapshot":"x"}`},
		{"GET", "/_chime/requests", ""}, {"DELETE", "/_chime/requests", ""},
	} {
		status, header, body := send(t, srv.URL, "AKIDALPHA", "alpha-secret", r.method, r.path, r.body)
		if status != 403 || header.Get("x-amzn-ErrorType") != "ForbiddenException" || !strings.Contains(string(body), "--dev") {
			t.Errorf("%s %s: %d %s", r.method, r.path, status, body)
		}
	}
}

// Reset, snapshot and restore act on the caller's AWS account; a reset
// of every account is the development key's alone.
func TestResetSnapshotRestore(t *testing.T) {
	url, store := stateServer(t, 0)
	ctx := context.Background()
	svc := store.Services()
	for _, owner := range []string{"111122223333", "444455556666"} {
		if _, err := svc.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: "Kept " + owner}); err != nil {
			t.Fatal(err)
		}
	}
	status, _, body := send(t, url, "AKIDALPHA", "alpha-secret", "GET", "/_chime/snapshot", "")
	var snap struct{ Snapshot string }
	if status != 200 || json.Unmarshal(body, &snap) != nil || !strings.Contains(snap.Snapshot, "Kept 111122223333") || strings.Contains(snap.Snapshot, "444455556666") {
		t.Fatalf("snapshot: %d %s", status, body)
	}
	if _, err := svc.Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "Later"}); err != nil {
		t.Fatal(err)
	}
	restore, _ := json.Marshal(map[string]string{"Snapshot": snap.Snapshot})
	status, _, body = send(t, url, "AKIDALPHA", "alpha-secret", "PUT", "/_chime/snapshot", string(restore))
	if status != 200 || string(body) != "{\"RemovedRows\":2,\"LoadedRows\":1}\n" {
		t.Fatalf("restore: %d %s", status, body)
	}
	// Another AWS account cannot restore alpha's snapshot into its own.
	if status, _, body := send(t, url, "AKIDBETA", "beta-secret", "PUT", "/_chime/snapshot", string(restore)); status != 400 {
		t.Errorf("beta restoring alpha's snapshot: %d %s", status, body)
	}
	if status, _, body := send(t, url, "AKIDBETA", "beta-secret", "POST", "/_chime/reset", `{"Scope":"All"}`); status != 403 {
		t.Errorf("beta resetting everyone: %d %s", status, body)
	}
	status, _, body = send(t, url, "AKIDALPHA", "alpha-secret", "POST", "/_chime/reset", "{}")
	if status != 200 || string(body) != "{\"RemovedRows\":1,\"LoadedRows\":0}\n" {
		t.Fatalf("reset: %d %s", status, body)
	}
	if page, _ := svc.Accounts.ListAccounts(ctx, "444455556666", chime.AccountFilter{}, chime.PageRequest{Limit: 10}); len(page.Accounts) != 1 {
		t.Errorf("alpha's reset touched beta: %+v", page)
	}
	status, _, body = send(t, url, sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, "POST", "/_chime/reset", `{"Scope":"All"}`)
	if status != 200 || !strings.Contains(string(body), `"RemovedRows":1`) {
		t.Fatalf("the development key resetting everyone: %d %s", status, body)
	}
}

// Under a rate limit, a throttled request is journalled under its
// operation, and the journal itself (a control of a test server) is not
// throttled.
func TestJournalUnderThrottling(t *testing.T) {
	store := openMemory(t, sqlstore.Options{})
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: journalKeys, Service: "chime"},
		PaginationKey: []byte("k"), JournalSize: 100, RateLimit: 0.001, RateBurst: 1}))
	defer srv.Close()
	for range 3 {
		send(t, srv.URL, "AKIDALPHA", "alpha-secret", "GET", "/accounts", "")
	}
	for range 3 {
		l := listRequests(t, srv.URL, "AKIDALPHA", "alpha-secret", "?operation=ListAccounts&status=429")
		if len(l.Requests) != 2 || l.Requests[0].ErrorCode != "ThrottledClientException" {
			t.Fatalf("throttled ListAccounts: %+v", l.Requests)
		}
	}
}

// Phone numbers given as ids and a restored snapshot are masked too.
func TestJournalMasksIDsThatArePhoneNumbers(t *testing.T) {
	url, _ := stateServer(t, 100)
	send(t, url, "AKIDALPHA", "alpha-secret", "GET", "/phone-numbers/%2B12065550100", "")
	send(t, url, "AKIDALPHA", "alpha-secret", "PUT", "/_chime/snapshot", `{"Snapshot":"{\"Type\":\"header\",\"Format\":\"chime-export\",\"Version\":3} {\"Type\":\"row\",\"Table\":\"users\",\"Row\":{\"email\":\"secret@example.com\"}}"}`)
	for _, e := range listRequests(t, url, "AKIDALPHA", "alpha-secret", "").Requests {
		if strings.Contains(e.Parameters, "2065550100") || strings.Contains(e.Parameters, "secret@") || !strings.Contains(e.Parameters, "***") {
			t.Errorf("%s: %s", e.Operation, e.Parameters)
		}
	}
}

// A credentials file that calls another AWS account's key "test" does
// not make it the development key.
func TestResetOfEverythingNeedsTheDevelopmentAccount(t *testing.T) {
	store := openMemory(t, sqlstore.Options{})
	keys := sigv4.StaticKeyring{sigv4.DevAccessKeyID: {AccessKeyID: sigv4.DevAccessKeyID, SecretAccessKey: "other", AccountID: "111122223333"}}
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: keys, Service: "chime"},
		PaginationKey: []byte("k"), State: storeState{store}}))
	defer srv.Close()
	if status, _, body := send(t, srv.URL, sigv4.DevAccessKeyID, "other", "POST", "/_chime/reset", `{"Scope":"All"}`); status != 403 {
		t.Errorf("a key named test of another AWS account resetting everyone: %d %s", status, body)
	}
}
