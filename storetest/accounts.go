package storetest

import (
	"fmt"
	"testing"

	"github.com/openchime/chime"
)

// accountTests are the conformance tests of chime.AccountService.
var accountTests = []test{
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
}

func testCreateAccountDefaults(t *testing.T, f *fixture) {
	a, err := f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "Example"})
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
	got, err := f.svc.Accounts.GetAccount(f.ctx, Owner, a.ID)
	must(t, err)
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", a) {
		t.Fatalf("read back %+v, created %+v", got, a)
	}
}

func testCreateAccountInvalid(t *testing.T, f *fixture) {
	for _, name := range []string{"", "   ", string(make([]byte, 101)), "x\n"} {
		_, err := f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: name})
		wantKind(t, err, chime.BadRequest)
	}
	_, err := f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "ok", Type: "Bogus"})
	wantKind(t, err, chime.BadRequest)
}

func testCreateAccountChosenID(t *testing.T, f *fixture) {
	id := "12a3456b-7c89-012d-3456-78901e23fg45"
	a, err := f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "Doc", Type: chime.EnterpriseDirectory, ID: id})
	must(t, err)
	if a.ID != id || a.Type != chime.EnterpriseDirectory {
		t.Fatalf("got %+v", a)
	}
	_, err = f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "Doc", ID: id})
	wantKind(t, err, chime.Conflict)
	// Another AWS account has its own namespace.
	_, err = f.svc.Accounts.CreateAccount(f.ctx, Other, chime.NewAccount{Name: "Doc", ID: id})
	must(t, err)
}

func testGetAccountTenancy(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	_, err := f.svc.Accounts.GetAccount(f.ctx, Other, a.ID)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Accounts.GetAccount(f.ctx, Owner, "no-such-account")
	wantKind(t, err, chime.NotFound)
	page, err := f.svc.Accounts.ListAccounts(f.ctx, Other, chime.AccountFilter{}, chime.PageRequest{})
	must(t, err)
	if len(page.Accounts) != 0 {
		t.Fatalf("other owner sees %d accounts", len(page.Accounts))
	}
	_, err = f.svc.Users.CreateUser(f.ctx, Other, a.ID, chime.NewUser{Email: "x@example.com"})
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.Accounts.DeleteAccount(f.ctx, Other, a.ID), chime.NotFound)
}

func testListAccountsPages(t *testing.T, f *fixture) {
	var want []string
	for i := 0; i < 5; i++ {
		want = append(want, f.account(Owner, chime.Team).ID)
	}
	var got []string
	p := chime.PageRequest{Limit: 2}
	for pages := 0; ; pages++ {
		page, err := f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, p)
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
	_, err := f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, chime.PageRequest{Limit: 201})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, chime.PageRequest{Cursor: "garbage"})
	wantKind(t, err, chime.BadRequest)
}

func testListAccountsFilters(t *testing.T, f *fixture) {
	for _, n := range []string{"Sales EMEA", "Sales US", "sales lower", "Engineering"} {
		_, err := f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: n, Type: chime.EnterpriseLWA})
		must(t, err)
	}
	page, err := f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{NamePrefix: "Sales"}, chime.PageRequest{})
	must(t, err)
	var names []string
	for _, a := range page.Accounts {
		names = append(names, a.Name)
	}
	if fmt.Sprint(names) != "[Sales EMEA Sales US]" {
		t.Fatalf("prefix filter: %v", names)
	}
	eng, _ := f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{NamePrefix: "Engineering"}, chime.PageRequest{})
	f.user(Owner, eng.Accounts[0].ID, "Someone@Example.com", chime.PrivateUser)
	page, err = f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{UserEmail: "someone@example.com"}, chime.PageRequest{})
	must(t, err)
	if len(page.Accounts) != 1 || page.Accounts[0].Name != "Engineering" {
		t.Fatalf("user-email filter: %+v", page.Accounts)
	}
	page, err = f.svc.Accounts.ListAccounts(f.ctx, Other, chime.AccountFilter{UserEmail: "someone@example.com"}, chime.PageRequest{})
	must(t, err)
	if len(page.Accounts) != 0 {
		t.Fatalf("user-email filter crosses owners: %+v", page.Accounts)
	}
}

func testUpdateAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	name, lic := "Renamed", chime.Basic
	got, err := f.svc.Accounts.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{Name: &name, DefaultLicense: &lic})
	must(t, err)
	if got.Name != name || got.DefaultLicense != chime.Basic {
		t.Fatalf("got %+v", got)
	}
	read, _ := f.svc.Accounts.GetAccount(f.ctx, Owner, a.ID)
	if read.Name != name || read.DefaultLicense != chime.Basic {
		t.Fatalf("not stored: %+v", read)
	}
	bad := chime.Plus
	_, err = f.svc.Accounts.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{DefaultLicense: &bad})
	wantKind(t, err, chime.BadRequest)
	blank := " "
	_, err = f.svc.Accounts.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{Name: &blank})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Accounts.UpdateAccount(f.ctx, Other, a.ID, chime.AccountUpdate{Name: &name})
	wantKind(t, err, chime.NotFound)
}

func testDeleteAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	_, err := f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, []string{"a@example.com"}, "")
	must(t, err)
	wantKind(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, a.ID), chime.Unprocessable)
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	_, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{page.Users[0].ID})
	must(t, err)
	must(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, a.ID))
	_, err = f.svc.Accounts.GetAccount(f.ctx, Owner, a.ID)
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, a.ID), chime.NotFound)
	all, _ := f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{}, chime.PageRequest{})
	if len(all.Accounts) != 0 {
		t.Fatalf("deleted account still listed")
	}

	// EnterpriseLWA: suspended users do not block deletion and go with it.
	lwa := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, lwa.ID, "lwa@example.com", chime.PrivateUser)
	wantKind(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, lwa.ID), chime.Unprocessable)
	_, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, lwa.ID, []string{u.ID})
	must(t, err)
	must(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, lwa.ID))
	// The address is free again.
	d := f.account(Owner, chime.EnterpriseDirectory)
	f.user(Owner, d.ID, "lwa@example.com", chime.PrivateUser)
}

func testAccountSettings(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	s, err := f.svc.Accounts.GetAccountSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if s.DisableRemoteControl || s.EnableDialOut {
		t.Fatalf("defaults %+v", s)
	}
	yes := true
	must(t, f.svc.Accounts.UpdateAccountSettings(f.ctx, Owner, a.ID, chime.AccountSettingsUpdate{EnableDialOut: &yes}))
	s, _ = f.svc.Accounts.GetAccountSettings(f.ctx, Owner, a.ID)
	if s.DisableRemoteControl || !s.EnableDialOut {
		t.Fatalf("partial update %+v", s)
	}
	must(t, f.svc.Accounts.UpdateAccountSettings(f.ctx, Owner, a.ID, chime.AccountSettingsUpdate{DisableRemoteControl: &yes}))
	s, _ = f.svc.Accounts.GetAccountSettings(f.ctx, Owner, a.ID)
	if !s.DisableRemoteControl || !s.EnableDialOut {
		t.Fatalf("second update %+v", s)
	}
	_, err = f.svc.Accounts.GetAccountSettings(f.ctx, Other, a.ID)
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.Accounts.UpdateAccountSettings(f.ctx, Other, a.ID, chime.AccountSettingsUpdate{}), chime.NotFound)
}

func testSigninDelegateGroups(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	wantKind(t, f.svc.Accounts.AssociateSigninDelegateGroups(f.ctx, Owner, team.ID, []string{"g"}), chime.Forbidden)
	d := f.account(Owner, chime.EnterpriseDirectory)
	must(t, f.svc.Accounts.AssociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{"admins", "rooms", "admins"}))
	must(t, f.svc.Accounts.AssociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{"rooms", "ops"}))
	a, _ := f.svc.Accounts.GetAccount(f.ctx, Owner, d.ID)
	if fmt.Sprint(a.SigninDelegateGroups) != "[admins rooms ops]" {
		t.Fatalf("groups %v", a.SigninDelegateGroups)
	}
	must(t, f.svc.Accounts.DisassociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{"rooms", "unknown"}))
	a, _ = f.svc.Accounts.GetAccount(f.ctx, Owner, d.ID)
	if fmt.Sprint(a.SigninDelegateGroups) != "[admins ops]" {
		t.Fatalf("groups after disassociate %v", a.SigninDelegateGroups)
	}
	wantKind(t, f.svc.Accounts.AssociateSigninDelegateGroups(f.ctx, Owner, d.ID, []string{" "}), chime.BadRequest)
	wantKind(t, f.svc.Accounts.AssociateSigninDelegateGroups(f.ctx, Other, d.ID, []string{"x"}), chime.NotFound)
}

func testAdminUpdateAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	lwa := chime.EnterpriseLWA
	got, err := f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Type: &lwa})
	must(t, err)
	if got.Type != chime.EnterpriseLWA {
		t.Fatalf("type %v", got.Type)
	}
	team := chime.Team
	_, err = f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Type: &team})
	wantKind(t, err, chime.BadRequest)
	bogus := chime.AccountStatus("Closed")
	_, err = f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &bogus})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Accounts.AdminUpdateAccount(f.ctx, Other, a.ID, chime.AccountAdminUpdate{Type: &lwa})
	wantKind(t, err, chime.NotFound)
}

func testSuspendedAccount(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, a.ID, "before@example.com", chime.PrivateUser)
	st := chime.AccountSuspended
	_, err := f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &st})
	must(t, err)
	_, err = f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "after@example.com"})
	wantKind(t, err, chime.Forbidden)
	lic := chime.Basic
	_, err = f.svc.Users.UpdateUser(f.ctx, Owner, a.ID, u.ID, chime.UserUpdate{License: &lic})
	wantKind(t, err, chime.Forbidden)
	name := "x"
	_, err = f.svc.Accounts.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{Name: &name})
	wantKind(t, err, chime.Forbidden)
	wantKind(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, a.ID), chime.Forbidden)
	_, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
	wantKind(t, err, chime.Forbidden)
	// Reads still work.
	_, err = f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
}
