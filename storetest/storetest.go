// Package storetest is the conformance suite every implementation of
// chime.Services must pass. Each store package runs it from its own tests:
//
//	storetest.Run(t, func(tb testing.TB, o sqlstore.Options) chime.Services { ... })
//
// and measures it with the same function: storetest.Bench(b, open).
//
// It imports chime, sqlstore (for the injected time and id sources) and the
// standard library's testing.
package storetest

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlstore"
)

// Factory opens an empty store with the given sources, for a test or a
// benchmark, and closes it when tb ends.
type Factory func(tb testing.TB, o sqlstore.Options) chime.Services

// allServices calls every service of a store through one value.
type allServices struct {
	chime.AccountService
	chime.UserService
}

// The owners the suite plays: two AWS accounts.
const (
	Owner = "111122223333"
	Other = "444455556666"
)

// fixture is an empty store with a deterministic clock and id source.
type fixture struct {
	t   *testing.T
	ctx context.Context
	svc allServices
	now time.Time
	ids atomic.Int64
}

func newFixture(t *testing.T, open Factory) *fixture {
	f := &fixture{t: t, ctx: context.Background(), now: time.Date(2020, 1, 15, 22, 38, 9, 806_000_000, time.UTC)}
	var clock sync.Mutex
	services := open(t, sqlstore.Options{
		Now: func() time.Time {
			clock.Lock()
			defer clock.Unlock()
			f.now = f.now.Add(time.Second)
			return f.now
		},
		NewID: func() string {
			return fmt.Sprintf("00000000-0000-4000-8000-%012d", f.ids.Add(1))
		},
	})
	f.svc = allServices{services.Accounts, services.Users}
	return f
}

func (f *fixture) account(owner string, t chime.AccountType) *chime.Account {
	f.t.Helper()
	a, err := f.svc.CreateAccount(f.ctx, owner, chime.NewAccount{Name: "acct " + string(t), Type: t})
	if err != nil {
		f.t.Fatalf("CreateAccount: %v", err)
	}
	return a
}

func (f *fixture) user(owner, accountID, email string, t chime.UserType) *chime.User {
	f.t.Helper()
	u, err := f.svc.CreateUser(f.ctx, owner, accountID, chime.NewUser{Email: email, Type: t})
	if err != nil {
		f.t.Fatalf("CreateUser(%s): %v", email, err)
	}
	return u
}

func wantKind(t *testing.T, err error, k chime.Kind) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", k)
	}
	if got := chime.KindOf(err); got != k {
		t.Fatalf("got %v (%v), want %v", got, err, k)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Factory) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, *fixture)
	}{
		{"CreateAccount/Defaults", testCreateAccountDefaults},
		{"CreateAccount/ErrBadRequest", testCreateAccountInvalid},
		{"CreateAccount/ErrConflictOnChosenID", testCreateAccountChosenID},
		{"GetAccount/ErrNotFoundForOtherOwner", testGetAccountTenancy},
		{"ListAccounts/Pages", testListAccountsPages},
		{"ListAccounts/Filters", testListAccountsFilters},
		{"UpdateAccount", testUpdateAccount},
		{"DeleteAccount", testDeleteAccount},
		{"AccountSettings", testAccountSettings},
		{"SigninDelegateGroups", testSigninDelegateGroups},
		{"AdminUpdateAccount", testAdminUpdateAccount},
		{"SuspendedAccount/ErrForbidden", testSuspendedAccount},
		{"CreateUser/SharedDevice", testCreateUserSharedDevice},
		{"CreateUser/PrivateUser", testCreateUserPrivateUser},
		{"CreateUser/ErrBadRequest", testCreateUserInvalid},
		{"CreateUser/ErrConflict", testCreateUserConflict},
		{"CreateUser/ConcurrentSameEmail", testCreateUserConcurrent},
		{"GetUser/ErrNotFound", testGetUserNotFound},
		{"ListUsers", testListUsers},
		{"UpdateUser", testUpdateUser},
		{"BatchUpdateUser", testBatchUpdateUser},
		{"BatchSuspendUser/Team", testSuspendTeam},
		{"BatchSuspendUser/EnterpriseLWA", testSuspendLWA},
		{"BatchSuspendUser/ErrBadRequest", testSuspendDirectory},
		{"InviteUsers", testInviteUsers},
		{"InviteUsers/ErrForbidden", testInviteEnterprise},
		{"LogoutUser", testLogoutUser},
		{"ResetPersonalPIN", testResetPersonalPIN},
		{"UserSettings", testUserSettings},
		{"Concurrency/BatchUpdateUserIsAtomic", testConcurrentBatchUpdates},
		{"Concurrency/SuspendAndUnsuspend", testConcurrentSuspension},
		{"Concurrency/InvitesOfOneAddress", testConcurrentInvites},
		{"Concurrency/CreateUsersWhileAccountIsDeleted", testCreateWhileDelete},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newFixture(t, open)) })
	}
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
var pinPattern = regexp.MustCompile(`^[0-9]{10}$`)

func testCreateAccountDefaults(t *testing.T, f *fixture) {
	a, err := f.svc.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "Example"})
	must(t, err)
	if a.Type != chime.Team || a.DefaultLicense != chime.Pro || a.Status != chime.AccountActive ||
		a.AwsAccountID != Owner || a.Name != "Example" {
		t.Fatalf("unexpected account %+v", a)
	}
	if fmt.Sprint(a.SupportedLicenses) != "[Basic Pro]" || a.SigninDelegateGroups == nil || len(a.SigninDelegateGroups) != 0 {
		t.Fatalf("licenses %v groups %#v", a.SupportedLicenses, a.SigninDelegateGroups)
	}
	if !uuidPattern.MatchString(a.ID) || a.CreatedAt.IsZero() {
		t.Fatalf("id %q created %v", a.ID, a.CreatedAt)
	}
	got, err := f.svc.GetAccount(f.ctx, Owner, a.ID)
	must(t, err)
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", a) {
		t.Fatalf("read back %+v, created %+v", got, a)
	}
}

func testCreateAccountInvalid(t *testing.T, f *fixture) {
	for _, name := range []string{"", "   ", string(make([]byte, 101)), "x\n"} {
		_, err := f.svc.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: name})
		wantKind(t, err, chime.BadRequest)
	}
	_, err := f.svc.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "ok", Type: "Bogus"})
	wantKind(t, err, chime.BadRequest)
}

func testCreateAccountChosenID(t *testing.T, f *fixture) {
	id := "12a3456b-7c89-012d-3456-78901e23fg45"
	a, err := f.svc.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "Doc", Type: chime.EnterpriseDirectory, ID: id})
	must(t, err)
	if a.ID != id || a.Type != chime.EnterpriseDirectory {
		t.Fatalf("got %+v", a)
	}
	_, err = f.svc.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "Doc", ID: id})
	wantKind(t, err, chime.Conflict)
	// Another AWS account has its own namespace.
	_, err = f.svc.CreateAccount(f.ctx, Other, chime.NewAccount{Name: "Doc", ID: id})
	must(t, err)
}

func testGetAccountTenancy(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	_, err := f.svc.GetAccount(f.ctx, Other, a.ID)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.GetAccount(f.ctx, Owner, "no-such-account")
	wantKind(t, err, chime.NotFound)
	page, err := f.svc.ListAccounts(f.ctx, Other, chime.AccountFilter{}, chime.PageRequest{})
	must(t, err)
	if len(page.Accounts) != 0 {
		t.Fatalf("other owner sees %d accounts", len(page.Accounts))
	}
	_, err = f.svc.CreateUser(f.ctx, Other, a.ID, chime.NewUser{Email: "x@example.com"})
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.DeleteAccount(f.ctx, Other, a.ID), chime.NotFound)
}

func testListAccountsPages(t *testing.T, f *fixture) {
	var want []string
	for i := 0; i < 5; i++ {
		want = append(want, f.account(Owner, chime.Team).ID)
	}
	var got []string
	p := chime.PageRequest{Limit: 2}
	for pages := 0; ; pages++ {
		page, err := f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, p)
		must(t, err)
		for _, a := range page.Accounts {
			got = append(got, a.ID)
		}
		if page.Next == "" {
			if pages != 2 {
				t.Fatalf("got %d pages, want 3", pages+1)
			}
			break
		}
		p.Cursor = page.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	_, err := f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, chime.PageRequest{Limit: 201})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, chime.PageRequest{Cursor: "garbage"})
	wantKind(t, err, chime.BadRequest)
}

func testListAccountsFilters(t *testing.T, f *fixture) {
	for _, n := range []string{"Sales EMEA", "Sales US", "sales lower", "Engineering"} {
		_, err := f.svc.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: n, Type: chime.EnterpriseLWA})
		must(t, err)
	}
	page, err := f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{NamePrefix: "Sales"}, chime.PageRequest{})
	must(t, err)
	var names []string
	for _, a := range page.Accounts {
		names = append(names, a.Name)
	}
	if fmt.Sprint(names) != "[Sales EMEA Sales US]" {
		t.Fatalf("prefix filter: %v", names)
	}
	eng, _ := f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{NamePrefix: "Engineering"}, chime.PageRequest{})
	f.user(Owner, eng.Accounts[0].ID, "Someone@Example.com", chime.PrivateUser)
	page, err = f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{UserEmail: "someone@example.com"}, chime.PageRequest{})
	must(t, err)
	if len(page.Accounts) != 1 || page.Accounts[0].Name != "Engineering" {
		t.Fatalf("user-email filter: %+v", page.Accounts)
	}
	page, err = f.svc.ListAccounts(f.ctx, Other, chime.AccountFilter{UserEmail: "someone@example.com"}, chime.PageRequest{})
	must(t, err)
	if len(page.Accounts) != 0 {
		t.Fatalf("user-email filter crosses owners: %+v", page.Accounts)
	}
}

func testUpdateAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	name, lic := "Renamed", chime.Basic
	got, err := f.svc.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{Name: &name, DefaultLicense: &lic})
	must(t, err)
	if got.Name != name || got.DefaultLicense != chime.Basic {
		t.Fatalf("got %+v", got)
	}
	read, _ := f.svc.GetAccount(f.ctx, Owner, a.ID)
	if read.Name != name || read.DefaultLicense != chime.Basic {
		t.Fatalf("not stored: %+v", read)
	}
	bad := chime.Plus
	_, err = f.svc.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{DefaultLicense: &bad})
	wantKind(t, err, chime.BadRequest)
	blank := " "
	_, err = f.svc.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{Name: &blank})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.UpdateAccount(f.ctx, Other, a.ID, chime.AccountUpdate{Name: &name})
	wantKind(t, err, chime.NotFound)
}

func testDeleteAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	_, err := f.svc.InviteUsers(f.ctx, Owner, a.ID, []string{"a@example.com"}, "")
	must(t, err)
	wantKind(t, f.svc.DeleteAccount(f.ctx, Owner, a.ID), chime.Unprocessable)
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	_, err = f.svc.BatchSuspendUser(f.ctx, Owner, a.ID, []string{page.Users[0].ID})
	must(t, err)
	must(t, f.svc.DeleteAccount(f.ctx, Owner, a.ID))
	_, err = f.svc.GetAccount(f.ctx, Owner, a.ID)
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.DeleteAccount(f.ctx, Owner, a.ID), chime.NotFound)
	all, _ := f.svc.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, chime.PageRequest{})
	if len(all.Accounts) != 0 {
		t.Fatalf("deleted account still listed")
	}

	// EnterpriseLWA: suspended users do not block deletion and go with it.
	lwa := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, lwa.ID, "lwa@example.com", chime.PrivateUser)
	wantKind(t, f.svc.DeleteAccount(f.ctx, Owner, lwa.ID), chime.Unprocessable)
	_, err = f.svc.BatchSuspendUser(f.ctx, Owner, lwa.ID, []string{u.ID})
	must(t, err)
	must(t, f.svc.DeleteAccount(f.ctx, Owner, lwa.ID))
	// The address is free again.
	d := f.account(Owner, chime.EnterpriseDirectory)
	f.user(Owner, d.ID, "lwa@example.com", chime.PrivateUser)
}

func testAccountSettings(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	s, err := f.svc.GetAccountSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if s.DisableRemoteControl || s.EnableDialOut {
		t.Fatalf("defaults %+v", s)
	}
	yes := true
	must(t, f.svc.UpdateAccountSettings(f.ctx, Owner, a.ID, chime.AccountSettingsUpdate{EnableDialOut: &yes}))
	s, _ = f.svc.GetAccountSettings(f.ctx, Owner, a.ID)
	if s.DisableRemoteControl || !s.EnableDialOut {
		t.Fatalf("partial update %+v", s)
	}
	must(t, f.svc.UpdateAccountSettings(f.ctx, Owner, a.ID, chime.AccountSettingsUpdate{DisableRemoteControl: &yes}))
	s, _ = f.svc.GetAccountSettings(f.ctx, Owner, a.ID)
	if !s.DisableRemoteControl || !s.EnableDialOut {
		t.Fatalf("second update %+v", s)
	}
	_, err = f.svc.GetAccountSettings(f.ctx, Other, a.ID)
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.UpdateAccountSettings(f.ctx, Other, a.ID, chime.AccountSettingsUpdate{}), chime.NotFound)
}

func testSigninDelegateGroups(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	wantKind(t, f.svc.AssociateSigninDelegateGroups(f.ctx, Owner, team.ID, []string{"g"}), chime.Forbidden)
	d := f.account(Owner, chime.EnterpriseDirectory)
	must(t, f.svc.AssociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{"admins", "rooms", "admins"}))
	must(t, f.svc.AssociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{"rooms", "ops"}))
	a, _ := f.svc.GetAccount(f.ctx, Owner, d.ID)
	if fmt.Sprint(a.SigninDelegateGroups) != "[admins rooms ops]" {
		t.Fatalf("groups %v", a.SigninDelegateGroups)
	}
	must(t, f.svc.DisassociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{"rooms", "unknown"}))
	a, _ = f.svc.GetAccount(f.ctx, Owner, d.ID)
	if fmt.Sprint(a.SigninDelegateGroups) != "[admins ops]" {
		t.Fatalf("groups after disassociate %v", a.SigninDelegateGroups)
	}
	wantKind(t, f.svc.AssociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{" "}), chime.BadRequest)
	wantKind(t, f.svc.AssociateSigninDelegateGroups(f.ctx, Other, d.ID, []string{"x"}), chime.NotFound)
}

func testAdminUpdateAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	lwa := chime.EnterpriseLWA
	got, err := f.svc.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Type: &lwa})
	must(t, err)
	if got.Type != chime.EnterpriseLWA {
		t.Fatalf("type %v", got.Type)
	}
	team := chime.Team
	_, err = f.svc.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Type: &team})
	wantKind(t, err, chime.BadRequest)
	bogus := chime.AccountStatus("Closed")
	_, err = f.svc.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &bogus})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.AdminUpdateAccount(f.ctx, Other, a.ID, chime.AccountAdminUpdate{Type: &lwa})
	wantKind(t, err, chime.NotFound)
}

func testSuspendedAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, a.ID, "before@example.com", chime.PrivateUser)
	st := chime.AccountSuspended
	_, err := f.svc.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &st})
	must(t, err)
	_, err = f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "after@example.com"})
	wantKind(t, err, chime.Forbidden)
	lic := chime.Basic
	_, err = f.svc.UpdateUser(f.ctx, Owner, a.ID, u.ID, chime.UserUpdate{License: &lic})
	wantKind(t, err, chime.Forbidden)
	name := "x"
	_, err = f.svc.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{Name: &name})
	wantKind(t, err, chime.Forbidden)
	wantKind(t, f.svc.DeleteAccount(f.ctx, Owner, a.ID), chime.Forbidden)
	_, err = f.svc.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
	wantKind(t, err, chime.Forbidden)
	// Reads still work.
	_, err = f.svc.GetUser(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
}

func testCreateUserSharedDevice(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u, err := f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "roomdevice@example.com", Type: chime.SharedDevice, Username: "ignored"})
	must(t, err)
	want := chime.User{ID: u.ID, AccountID: a.ID, Email: "roomdevice@example.com", DisplayName: "Room Device",
		License: chime.Pro, Type: chime.SharedDevice, Registration: chime.Registered, RegisteredOn: u.RegisteredOn}
	if fmt.Sprintf("%+v", *u) != fmt.Sprintf("%+v", want) {
		t.Fatalf("got  %+v\nwant %+v", *u, want)
	}
	if !uuidPattern.MatchString(u.ID) || u.RegisteredOn.IsZero() || u.RegisteredOn.Nanosecond()%int(time.Millisecond) != 0 {
		t.Fatalf("id %q registered %v", u.ID, u.RegisteredOn)
	}
	got, err := f.svc.GetUser(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *u) {
		t.Fatalf("read back %+v", *got)
	}
}

func testCreateUserPrivateUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseOIDC)
	lic := chime.Basic
	_, err := f.svc.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{DefaultLicense: &lic})
	must(t, err)
	u, err := f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "jane.doe@example.com"})
	must(t, err)
	if u.Type != chime.PrivateUser || u.DisplayName != "jane.doe" || u.License != chime.Basic ||
		u.Registration != chime.Registered || !pinPattern.MatchString(u.PersonalPIN) || u.Invitation != "" {
		t.Fatalf("got %+v", u)
	}
	u2, err := f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "j2@example.com", Username: "Jane Two", Type: chime.PrivateUser})
	must(t, err)
	if u2.DisplayName != "Jane Two" {
		t.Fatalf("display name %q", u2.DisplayName)
	}
}

func testCreateUserInvalid(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	_, err := f.svc.CreateUser(f.ctx, Owner, team.ID, chime.NewUser{Email: "valid@email.com", Type: chime.PrivateUser})
	wantKind(t, err, chime.BadRequest)
	if err.Error() != chime.BadRequestMessage {
		t.Fatalf("Team message %q", err.Error())
	}
	d := f.account(Owner, chime.EnterpriseDirectory)
	for _, in := range []chime.NewUser{{}, {Email: "notanemail"}, {Email: "a@b"}, {Email: "x@example.com", Type: "Bogus"}, {Email: "a\n@b.c"}} {
		_, err := f.svc.CreateUser(f.ctx, Owner, d.ID, in)
		wantKind(t, err, chime.BadRequest)
	}
	_, err = f.svc.CreateUser(f.ctx, Owner, "missing", chime.NewUser{Email: "x@example.com"})
	wantKind(t, err, chime.NotFound)
	page, _ := f.svc.ListUsers(f.ctx, Owner, d.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 0 {
		t.Fatalf("a refused create left %d users", len(page.Users))
	}
}

func testCreateUserConflict(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	b := f.account(Owner, chime.EnterpriseLWA)
	f.user(Owner, a.ID, "dup@example.com", chime.PrivateUser)
	_, err := f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "DUP@example.com"})
	wantKind(t, err, chime.Conflict)
	_, err = f.svc.CreateUser(f.ctx, Owner, b.ID, chime.NewUser{Email: "dup@example.com", Type: chime.SharedDevice})
	wantKind(t, err, chime.Conflict)
	// Another AWS account may use the address.
	c := f.account(Other, chime.EnterpriseDirectory)
	f.user(Other, c.ID, "dup@example.com", chime.PrivateUser)
}

func testCreateUserConcurrent(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	const n = 16
	var wg sync.WaitGroup
	var ok, conflict atomic.Int32
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "race@example.com"})
			switch {
			case err == nil:
				ok.Add(1)
			case chime.IsKind(err, chime.Conflict):
				conflict.Add(1)
			default:
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("unexpected error: %v", err)
	}
	if ok.Load() != 1 || conflict.Load() != n-1 {
		t.Fatalf("%d created, %d conflicts", ok.Load(), conflict.Load())
	}
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 1 {
		t.Fatalf("%d users stored", len(page.Users))
	}
}

func testGetUserNotFound(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	_, err := f.svc.GetUser(f.ctx, Owner, a.ID, "nobody")
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.GetUser(f.ctx, Other, a.ID, u.ID)
	wantKind(t, err, chime.NotFound)
	b := f.account(Owner, chime.EnterpriseDirectory)
	_, err = f.svc.GetUser(f.ctx, Owner, b.ID, u.ID)
	wantKind(t, err, chime.NotFound)
}

func testListUsers(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	var want []string
	for i := 0; i < 7; i++ {
		ut := chime.PrivateUser
		if i%3 == 0 {
			ut = chime.SharedDevice
		}
		want = append(want, f.user(Owner, a.ID, fmt.Sprintf("u%d@example.com", i), ut).ID)
	}
	var got []string
	p := chime.PageRequest{Limit: 3}
	for {
		page, err := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, p)
		must(t, err)
		if len(page.Users) > 3 {
			t.Fatalf("page of %d", len(page.Users))
		}
		for _, u := range page.Users {
			got = append(got, u.ID)
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v want %v", got, want)
	}
	page, err := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{Type: chime.SharedDevice}, chime.PageRequest{})
	must(t, err)
	if len(page.Users) != 3 {
		t.Fatalf("%d shared devices", len(page.Users))
	}
	page, err = f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{Email: "U4@EXAMPLE.com"}, chime.PageRequest{})
	must(t, err)
	if len(page.Users) != 1 || page.Users[0].ID != want[4] {
		t.Fatalf("e-mail filter %+v", page.Users)
	}
	_, err = f.svc.ListUsers(f.ctx, Other, a.ID, chime.UserFilter{}, chime.PageRequest{})
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{Limit: -1})
	wantKind(t, err, chime.BadRequest)
}

func testUpdateUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	lic, st := chime.Basic, chime.SharedDevice
	a4b := chime.AlexaForBusinessMetadata{Enabled: true, RoomARN: "arn:aws:a4b:us-east-1:111122223333:room/r1"}
	got, err := f.svc.UpdateUser(f.ctx, Owner, a.ID, u.ID, chime.UserUpdate{License: &lic, Type: &st, AlexaForBusiness: &a4b})
	must(t, err)
	read, _ := f.svc.GetUser(f.ctx, Owner, a.ID, u.ID)
	for _, x := range []*chime.User{got, read} {
		if x.License != chime.Basic || x.Type != chime.SharedDevice || x.AlexaForBusiness != a4b || x.PersonalPIN != u.PersonalPIN {
			t.Fatalf("got %+v", x)
		}
	}
	bad := chime.ProTrial
	_, err = f.svc.UpdateUser(f.ctx, Owner, a.ID, u.ID, chime.UserUpdate{License: &bad})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.UpdateUser(f.ctx, Owner, a.ID, "nobody", chime.UserUpdate{License: &lic})
	wantKind(t, err, chime.NotFound)
}

func testBatchUpdateUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u1 := f.user(Owner, a.ID, "1@example.com", chime.PrivateUser)
	u2 := f.user(Owner, a.ID, "2@example.com", chime.PrivateUser)
	basic, plus := chime.Basic, chime.Plus
	errs, err := f.svc.BatchUpdateUser(f.ctx, Owner, a.ID, []chime.UserUpdateItem{
		{UserID: u1.ID, UserUpdate: chime.UserUpdate{License: &basic}},
		{UserID: "nobody", UserUpdate: chime.UserUpdate{License: &basic}},
		{UserID: u2.ID, UserUpdate: chime.UserUpdate{License: &plus}},
	})
	must(t, err)
	sort.Slice(errs, func(i, j int) bool { return errs[i].UserID < errs[j].UserID })
	if len(errs) != 2 {
		t.Fatalf("errors %+v", errs)
	}
	byID := map[string]chime.ErrorCode{errs[0].UserID: errs[0].Code, errs[1].UserID: errs[1].Code}
	if byID["nobody"] != chime.CodeNotFound || byID[u2.ID] != chime.CodeBadRequest {
		t.Fatalf("errors %+v", errs)
	}
	r1, _ := f.svc.GetUser(f.ctx, Owner, a.ID, u1.ID)
	r2, _ := f.svc.GetUser(f.ctx, Owner, a.ID, u2.ID)
	if r1.License != chime.Basic || r2.License != chime.Pro {
		t.Fatalf("licenses %v %v", r1.License, r2.License)
	}
	_, err = f.svc.BatchUpdateUser(f.ctx, Other, a.ID, nil)
	wantKind(t, err, chime.NotFound)
}

func testSuspendTeam(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	_, err := f.svc.InviteUsers(f.ctx, Owner, a.ID, []string{"a@example.com", "b@example.com"}, "")
	must(t, err)
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	errs, err := f.svc.BatchSuspendUser(f.ctx, Owner, a.ID, []string{page.Users[0].ID, "nobody"})
	must(t, err)
	if len(errs) != 1 || errs[0].UserID != "nobody" || errs[0].Code != chime.CodeNotFound {
		t.Fatalf("errors %+v", errs)
	}
	_, err = f.svc.GetUser(f.ctx, Owner, a.ID, page.Users[0].ID)
	wantKind(t, err, chime.NotFound)
	after, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(after.Users) != 1 {
		t.Fatalf("%d users left", len(after.Users))
	}
	// Unsuspend is for EnterpriseLWA only.
	_, err = f.svc.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{after.Users[0].ID})
	wantKind(t, err, chime.BadRequest)
	// A removed Team user can be invited again.
	inv, err := f.svc.InviteUsers(f.ctx, Owner, a.ID, []string{page.Users[0].Email}, "")
	must(t, err)
	if inv[0].Status != chime.InvitePending {
		t.Fatalf("re-invite %+v", inv)
	}
}

func testSuspendLWA(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	v := f.user(Owner, a.ID, "y@example.com", chime.PrivateUser)
	errs, err := f.svc.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
	must(t, err)
	if len(errs) != 0 {
		t.Fatalf("errors %+v", errs)
	}
	got, _ := f.svc.GetUser(f.ctx, Owner, a.ID, u.ID)
	if got.Registration != chime.Suspended {
		t.Fatalf("status %v", got.Registration)
	}
	errs, err = f.svc.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{u.ID, v.ID, "nobody"})
	must(t, err)
	if len(errs) != 1 || errs[0].UserID != "nobody" {
		t.Fatalf("errors %+v", errs)
	}
	got, _ = f.svc.GetUser(f.ctx, Owner, a.ID, u.ID)
	other, _ := f.svc.GetUser(f.ctx, Owner, a.ID, v.ID)
	if got.Registration != chime.Registered || other.Registration != chime.Registered {
		t.Fatalf("statuses %v %v", got.Registration, other.Registration)
	}
}

func testSuspendDirectory(t *testing.T, f *fixture) {
	for _, typ := range []chime.AccountType{chime.EnterpriseDirectory, chime.EnterpriseOIDC} {
		a := f.account(Owner, typ)
		u := f.user(Owner, a.ID, string(typ)+"@example.com", chime.PrivateUser)
		_, err := f.svc.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
		wantKind(t, err, chime.BadRequest)
		_, err = f.svc.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
		wantKind(t, err, chime.BadRequest)
	}
}

func testInviteUsers(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	d := f.account(Owner, chime.EnterpriseDirectory)
	f.user(Owner, d.ID, "taken@example.com", chime.PrivateUser)
	inv, err := f.svc.InviteUsers(f.ctx, Owner, a.ID,
		[]string{"new@example.com", "Taken@example.com", "NEW@example.com"}, chime.SharedDevice)
	must(t, err)
	if len(inv) != 3 {
		t.Fatalf("invites %+v", inv)
	}
	wantStatus := []chime.InviteStatus{chime.InvitePending, chime.InviteFailed, chime.InviteFailed}
	for i, x := range inv {
		if x.Status != wantStatus[i] || x.EmailStatus != chime.EmailNotSent || !uuidPattern.MatchString(x.ID) {
			t.Fatalf("invite %d: %+v", i, x)
		}
	}
	if inv[1].Email != "Taken@example.com" {
		t.Fatalf("e-mail not echoed as given: %q", inv[1].Email)
	}
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 1 {
		t.Fatalf("%d users", len(page.Users))
	}
	u := page.Users[0]
	if u.Registration != chime.Unregistered || u.Invitation != chime.InvitePending || u.InvitedOn.IsZero() ||
		!u.RegisteredOn.IsZero() || u.Type != chime.SharedDevice || u.License != chime.Pro || u.PersonalPIN != "" {
		t.Fatalf("invited user %+v", u)
	}
	_, err = f.svc.InviteUsers(f.ctx, Owner, a.ID, []string{"bad"}, "")
	wantKind(t, err, chime.BadRequest)
	many := make([]string, 51)
	for i := range many {
		many[i] = fmt.Sprintf("m%d@example.com", i)
	}
	_, err = f.svc.InviteUsers(f.ctx, Owner, a.ID, many, "")
	wantKind(t, err, chime.BadRequest)
}

func testInviteEnterprise(t *testing.T, f *fixture) {
	for _, typ := range []chime.AccountType{chime.EnterpriseDirectory, chime.EnterpriseLWA, chime.EnterpriseOIDC} {
		a := f.account(Owner, typ)
		_, err := f.svc.InviteUsers(f.ctx, Owner, a.ID, []string{"x@example.com"}, "")
		wantKind(t, err, chime.Forbidden)
	}
}

func testLogoutUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	must(t, f.svc.LogoutUser(f.ctx, Owner, a.ID, u.ID))
	wantKind(t, f.svc.LogoutUser(f.ctx, Owner, a.ID, "nobody"), chime.NotFound)
	wantKind(t, f.svc.LogoutUser(f.ctx, Other, a.ID, u.ID), chime.NotFound)
}

func testResetPersonalPIN(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	pin := u.PersonalPIN
	for i := 0; i < 5; i++ {
		got, err := f.svc.ResetPersonalPIN(f.ctx, Owner, a.ID, u.ID)
		must(t, err)
		if got.PersonalPIN == pin || !pinPattern.MatchString(got.PersonalPIN) {
			t.Fatalf("PIN %q after %q", got.PersonalPIN, pin)
		}
		read, _ := f.svc.GetUser(f.ctx, Owner, a.ID, u.ID)
		if read.PersonalPIN != got.PersonalPIN {
			t.Fatalf("PIN not stored")
		}
		pin = got.PersonalPIN
	}
	_, err := f.svc.ResetPersonalPIN(f.ctx, Owner, a.ID, "nobody")
	wantKind(t, err, chime.NotFound)
}

func testUserSettings(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	s, err := f.svc.GetUserSettings(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
	if s.Telephony != (chime.TelephonySettings{}) {
		t.Fatalf("defaults %+v", s)
	}
	want := chime.TelephonySettings{InboundCalling: true, SMS: true}
	must(t, f.svc.UpdateUserSettings(f.ctx, Owner, a.ID, u.ID, chime.UserSettings{Telephony: want}))
	s, _ = f.svc.GetUserSettings(f.ctx, Owner, a.ID, u.ID)
	if s.Telephony != want {
		t.Fatalf("got %+v", s)
	}
	_, err = f.svc.GetUserSettings(f.ctx, Owner, a.ID, "nobody")
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.UpdateUserSettings(f.ctx, Other, a.ID, u.ID, chime.UserSettings{}), chime.NotFound)
}

// parallel runs fn n times at once and fails on any error.
func parallel(t *testing.T, n int, fn func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := fn(i); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Batches over overlapping users from many clients: each batch is one
// transaction, so every user ends with the license of the same (last) batch.
func testConcurrentBatchUpdates(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	var ids []string
	for i := 0; i < 10; i++ {
		ids = append(ids, f.user(Owner, a.ID, fmt.Sprintf("b%d@example.com", i), chime.PrivateUser).ID)
	}
	parallel(t, 12, func(i int) error {
		lic := []chime.License{chime.Basic, chime.Pro}[i%2]
		var items []chime.UserUpdateItem
		// Every batch covers all users, starting at a different one.
		for j := range ids {
			items = append(items, chime.UserUpdateItem{UserID: ids[(i+j)%len(ids)], UserUpdate: chime.UserUpdate{License: &lic}})
		}
		errs, err := f.svc.BatchUpdateUser(f.ctx, Owner, a.ID, items)
		if err == nil && len(errs) > 0 {
			err = fmt.Errorf("item errors %+v", errs)
		}
		return err
	})
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	for _, u := range page.Users {
		if u.License != page.Users[0].License {
			t.Fatalf("batches interleaved: %s has %s, %s has %s", u.ID, u.License, page.Users[0].ID, page.Users[0].License)
		}
	}
}

// Suspend and unsuspend of one set from many clients: each call is atomic,
// so all users end in the same state, and none is lost.
func testConcurrentSuspension(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	var ids []string
	for i := 0; i < 8; i++ {
		ids = append(ids, f.user(Owner, a.ID, fmt.Sprintf("s%d@example.com", i), chime.PrivateUser).ID)
	}
	parallel(t, 12, func(i int) error {
		var errs []chime.UserError
		var err error
		if i%2 == 0 {
			errs, err = f.svc.BatchSuspendUser(f.ctx, Owner, a.ID, ids)
		} else {
			errs, err = f.svc.BatchUnsuspendUser(f.ctx, Owner, a.ID, ids)
		}
		if err == nil && len(errs) > 0 {
			err = fmt.Errorf("item errors %+v", errs)
		}
		return err
	})
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != len(ids) {
		t.Fatalf("%d users left of %d", len(page.Users), len(ids))
	}
	for _, u := range page.Users {
		if u.Registration != page.Users[0].Registration {
			t.Fatalf("mixed states: %s is %s, %s is %s", u.ID, u.Registration, page.Users[0].ID, page.Users[0].Registration)
		}
	}
}

// The same address invited by many clients at once becomes one user.
func testConcurrentInvites(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	var pending atomic.Int32
	parallel(t, 10, func(int) error {
		inv, err := f.svc.InviteUsers(f.ctx, Owner, a.ID, []string{"race@example.com"}, "")
		if err == nil && inv[0].Status == chime.InvitePending {
			pending.Add(1)
		}
		if chime.IsKind(err, chime.Conflict) {
			return nil // lost the race at the unique index: also one user
		}
		return err
	})
	page, _ := f.svc.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 1 || pending.Load() > 1 {
		t.Fatalf("%d users, %d pending invites", len(page.Users), pending.Load())
	}
}

// Users created while their account is deleted: either the deletion comes
// first and every later creation finds no account, or a creation comes
// first and the deletion refuses (the account has an active user). Both
// succeeding would leave a user without an account.
func testCreateWhileDelete(t *testing.T, f *fixture) {
	for round := 0; round < 10; round++ {
		a := f.account(Owner, chime.EnterpriseDirectory)
		var created atomic.Int64
		var deleted atomic.Bool
		parallel(t, 9, func(i int) error {
			if i == 4 {
				err := f.svc.DeleteAccount(f.ctx, Owner, a.ID)
				if err == nil {
					deleted.Store(true)
					return nil
				}
				if chime.IsKind(err, chime.Unprocessable) {
					return nil
				}
				return err
			}
			_, err := f.svc.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: fmt.Sprintf("r%d-%d@example.com", round, i)})
			if err == nil {
				created.Add(1)
				return nil
			}
			if chime.IsKind(err, chime.NotFound) {
				return nil
			}
			return err
		})
		if deleted.Load() && created.Load() > 0 {
			t.Fatalf("round %d: the account was deleted and %d users were created in it", round, created.Load())
		}
	}
}
