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
			PaginationKey: []byte("k"), Logger: slog.New(slog.NewJSONHandler(&logs, nil)), State: storeState{store}, JournalSize: 1000}))
		defer srv.Close()
		acct, _ := store.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "Alpha", Type: chime.EnterpriseLWA})
		user, err := store.Services().Users.CreateUser(ctx, "111122223333", acct.ID, chime.NewUser{Email: "secret-person@example.com", Username: "Secret Person"})
		if err != nil {
			t.Fatal(err)
		}
		// A request of the owner's, in the journal.
		if status, _, resp := send(t, srv.URL, "AKIDALPHA", "alpha-secret", "GET", "/accounts/"+acct.ID, ""); status != 200 {
			t.Fatalf("the owner's GetAccount: %d %s", status, resp)
		}
		// The owner's phone number, order and settings.
		const number = "+12065550100"
		order, err := store.Services().PhoneNumbers.CreatePhoneNumberOrder(ctx, "111122223333", chime.BusinessCalling, []string{number})
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Services().Settings.UpdatePhoneNumberSettings(ctx, "111122223333", "Alpha Corp"); err != nil {
			t.Fatal(err)
		}
		bucket := "alpha-cdrs"
		if err := store.Services().Settings.UpdateGlobalSettings(ctx, "111122223333", chime.GlobalSettingsUpdate{VoiceConnectorCdrBucket: &bucket}); err != nil {
			t.Fatal(err)
		}
		// Where an operation names a number, an order or a meeting, it
		// names the owner's.
		phoneMembers := map[string]any{"PhoneNumberId": number, "E164PhoneNumbers": []any{number}, "PhoneNumberIds": []any{number},
			"UpdatePhoneNumberRequestItems": []any{map[string]any{"PhoneNumberId": number, "CallingName": "Beta"}},
			"E164PhoneNumber":               number, "FromPhoneNumber": number, "ToPhoneNumber": "+12065550199",
			"PhoneNumberOrderId": order.ID, "MeetingId": "5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11", "AreaCode": "206", "CallingName": "Beta"}
		hidden := func(name string) func(t *testing.T, status int, _ http.Header, resp []byte) {
			return func(t *testing.T, status int, _ http.Header, resp []byte) {
				if status != 200 || strings.Contains(string(resp), "2065550100") || strings.Contains(string(resp), order.ID) ||
					strings.Contains(string(resp), "Alpha Corp") || strings.Contains(string(resp), bucket) {
					t.Errorf("%s by another tenant: %d %s", name, status, resp)
				}
			}
		}
		notFoundItem := func(name string) func(t *testing.T, status int, _ http.Header, resp []byte) {
			return func(t *testing.T, status int, _ http.Header, resp []byte) {
				if status != 200 || !strings.Contains(string(resp), `"ErrorCode":"NotFound"`) {
					t.Errorf("%s by another tenant: %d %s", name, status, resp)
				}
			}
		}
		// Operations that name no Chime account act on the caller's own AWS
		// account; each says what another tenant must see.
		unlabelled := map[string]func(t *testing.T, status int, header http.Header, resp []byte){
			// The owner's number, order and settings do not exist for
			// another AWS account.
			"GetPhoneNumber":         wantStatus(404),
			"UpdatePhoneNumber":      wantStatus(404),
			"DeletePhoneNumber":      wantStatus(404),
			"RestorePhoneNumber":     wantStatus(404),
			"GetPhoneNumberOrder":    wantStatus(404),
			"BatchUpdatePhoneNumber": notFoundItem("BatchUpdatePhoneNumber"),
			"BatchDeletePhoneNumber": notFoundItem("BatchDeletePhoneNumber"),
			"ListPhoneNumbers":       hidden("ListPhoneNumbers"),
			// The other tenant's own order (made above) names the owner's
			// number as a failed item; the owner's order is not shown.
			"ListPhoneNumberOrders": func(t *testing.T, status int, _ http.Header, resp []byte) {
				if status != 200 || strings.Contains(string(resp), order.ID) {
					t.Errorf("ListPhoneNumberOrders by another tenant: %d %s", status, resp)
				}
			},
			"GetPhoneNumberSettings": hidden("GetPhoneNumberSettings"),
			"GetGlobalSettings":      hidden("GetGlobalSettings"),
			// The owner's number is not offered, nor can it be ordered
			// again (the order's item fails), nor called from.
			"SearchAvailablePhoneNumbers": hidden("SearchAvailablePhoneNumbers"),
			"CreatePhoneNumberOrder":      wantStatus(201),
			"CreateMeetingDialOut":        wantStatus(400),
			// Settings of one's own AWS account; the owner's are checked
			// below to be unchanged.
			"UpdatePhoneNumberSettings":         wantStatus(204),
			"UpdateGlobalSettings":              wantStatus(204),
			"ListSupportedPhoneNumberCountries": wantStatus(200),
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
			// State control and the journal act on the caller's own AWS
			// account: its snapshot and journal hold nothing of the
			// owner's, its reset leaves the owner's data (checked below),
			// and the owner's snapshot is not its to restore (the valid
			// value here is not a snapshot at all).
			"AdminResetState":      wantStatus(200),
			"AdminGetSnapshot":     hidden("AdminGetSnapshot"),
			"AdminRestoreSnapshot": wantStatus(400),
			"AdminListRequests": func(t *testing.T, status int, _ http.Header, resp []byte) {
				if status != 200 || strings.Contains(string(resp), "111122223333") || !strings.Contains(string(resp), "444455556666") {
					t.Errorf("AdminListRequests by another tenant: %d %s", status, resp)
				}
			},
			"AdminDeleteRequests": wantStatus(204),
		}
		tried := 0
		for _, op := range apispec.Implemented() {
			doc := map[string]any{}
			var label *apispec.Member
			if op.Input != nil {
				doc = validValue(op.Input, 0).(map[string]any)
				label = op.Input.MemberNamed("AccountId")
				for k, v := range phoneMembers {
					if _, ok := doc[k]; ok {
						doc[k] = v
					}
				}
				for _, m := range []string{"City", "State", "Country", "TollFreePrefix", "PhoneNumberType", "Status", "ProductType", "FilterName", "FilterValue", "Operation", "Since"} {
					if mem := op.Input.MemberNamed(m); mem != nil && mem.Location == apispec.Query && op.Name != "ListSupportedPhoneNumberCountries" {
						delete(doc, m)
					}
				}
			}
			delete(doc, "NextToken") // a token we did not issue is refused first, whoever asks
			if op.Name == "UpdatePhoneNumber" {
				delete(doc, "ProductType") // one detail at a time
			}
			if label == nil || label.Location != apispec.URI {
				check, ok := unlabelled[op.Name]
				if !ok {
					t.Errorf("%s names no account and has no tenancy expectation in this test", op.Name)
					continue
				}
				for _, m := range []string{"Name", "UserEmail"} {
					if op.Input != nil && op.Input.MemberNamed(m) != nil && op.Input.MemberNamed(m).Location == apispec.Query {
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
			if op.Name == "AssociatePhoneNumberWithUser" {
				doc["E164PhoneNumber"] = "+12065550101"
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
		// Another tenant's clearing of its journal left the owner's.
		if status, _, resp := send(t, srv.URL, "AKIDALPHA", "alpha-secret", "GET", "/_chime/requests?operation=GetAccount", ""); status != 200 ||
			!strings.Contains(string(resp), `"AwsAccountId":"111122223333"`) {
			t.Errorf("the owner's journal: %d %s", status, resp)
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
		if n, err := store.Services().PhoneNumbers.GetPhoneNumber(ctx, "111122223333", number); err != nil || n.CallingName == "Beta" || n.Status == chime.DeleteInProgress {
			t.Fatalf("the owner's number changed: %+v %v", n, err)
		}
		if s, _ := store.Services().Settings.GetPhoneNumberSettings(ctx, "111122223333"); s.CallingName != "Alpha Corp" {
			t.Fatalf("the owner's calling name changed: %+v", s)
		}
		if g, _ := store.Services().Settings.GetGlobalSettings(ctx, "111122223333"); g.VoiceConnectorCdrBucket != bucket {
			t.Fatalf("the owner's buckets changed: %+v", g)
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
