package storetest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openchime/chime"
)

// userTests are the conformance tests of chime.UserService, the
// concurrency tests among them (users are what concurrent writes race on).
var userTests = []test{
	{"CreateUser/SharedDevice", testCreateUserSharedDevice},
	{"CreateUser/PrivateUser", testCreateUserPrivateUser},
	{"CreateUser/ErrBadRequest", testCreateUserInvalid},
	{"CreateUser/ErrConflict", testCreateUserConflict},
	{"CreateUser/ErrConflictOnLookAlike", testCreateUserLookAlike},
	{"CreateUser/ConcurrentSameEmail", testCreateUserConcurrent},
	{"GetUser/ErrNotFound", testGetUserNotFound},
	{"ListUsers", testListUsers},
	{"ListUsers/EmailPrefix", testListUsersEmailPrefix},
	{"ListUsers/EmailPrefixWithTypeAndRegistration", testListUsersPrefixAndState},
	{"ListUsers/EmailPrefixAfterRemovedUser", testListUsersPrefixCursorRemoved},
	{"ListUsers/Registration", testListUsersRegistration},
	{"ListUsers/TypeAndRegistration", testListUsersTypeAndRegistration},
	{"ListUsers/ErrBadRequestFilter", testListUsersBadFilter},
	{"UpdateUser", testUpdateUser},
	{"BatchUpdateUser", testBatchUpdateUser},
	{"BatchSuspendUser/Team", testSuspendTeam},
	{"BatchSuspendUser/EnterpriseLWA", testSuspendLWA},
	{"BatchSuspendUser/ErrBadRequest", testSuspendDirectory},
	{"InviteUsers", testInviteUsers},
	{"InviteUsers/ErrForbidden", testInviteEnterprise},
	{"LogoutUser", testLogoutUser},
	{"ResetPersonalPIN", testResetPersonalPIN},
	{"ResetPersonalPIN/ErrInternalWhenPINsRepeat", testResetPersonalPINStuck},
	{"CreateUser/PanicReachesCaller", testCreateUserPanic},
	{"UserSettings", testUserSettings},
	{"Concurrency/BatchUpdateUserIsAtomic", testConcurrentBatchUpdates},
	{"Concurrency/SuspendAndUnsuspend", testConcurrentSuspension},
	{"Concurrency/InvitesOfOneAddress", testConcurrentInvites},
	{"Concurrency/InvitesRacingCreateUser", testInvitesRacingCreate},
	{"Concurrency/InvitesInOppositeOrder", testInvitesOppositeOrder},
	{"Concurrency/CreateUsersWhileAccountIsDeleted", testCreateWhileDelete},
}

var pinPattern = regexp.MustCompile(`^[0-9]{10}$`)

func testCreateUserSharedDevice(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "roomdevice@example.com", Type: chime.SharedDevice, Username: "ignored"})
	must(t, err)
	want := chime.User{ID: u.ID, AccountID: a.ID, Email: "roomdevice@example.com", DisplayName: "Room Device",
		License: chime.Pro, Type: chime.SharedDevice, Registration: chime.Registered, RegisteredOn: u.RegisteredOn}
	if fmt.Sprintf("%+v", *u) != fmt.Sprintf("%+v", want) {
		t.Fatalf("got  %+v\nwant %+v", *u, want)
	}
	if !uuidPattern.MatchString(u.ID) || u.RegisteredOn.IsZero() || u.RegisteredOn.Nanosecond()%int(time.Millisecond) != 0 {
		t.Fatalf("id %q registered %v", u.ID, u.RegisteredOn)
	}
	got, err := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *u) {
		t.Fatalf("read back %+v", *got)
	}
}

func testCreateUserPrivateUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseOIDC)
	lic := chime.Basic
	_, err := f.svc.Accounts.UpdateAccount(f.ctx, Owner, a.ID, chime.AccountUpdate{DefaultLicense: &lic})
	must(t, err)
	u, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "jane.doe@example.com"})
	must(t, err)
	if u.Type != chime.PrivateUser || u.DisplayName != "jane.doe" || u.License != chime.Basic ||
		u.Registration != chime.Registered || !pinPattern.MatchString(u.PersonalPIN) || u.Invitation != "" {
		t.Fatalf("got %+v", u)
	}
	u2, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "j2@example.com", Username: "Jane Two", Type: chime.PrivateUser})
	must(t, err)
	if u2.DisplayName != "Jane Two" {
		t.Fatalf("display name %q", u2.DisplayName)
	}
}

func testCreateUserInvalid(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	_, err := f.svc.Users.CreateUser(f.ctx, Owner, team.ID, chime.NewUser{Email: "valid@email.com", Type: chime.PrivateUser})
	wantKind(t, err, chime.BadRequest)
	if err.Error() != chime.BadRequestMessage {
		t.Fatalf("Team message %q", err.Error())
	}
	d := f.account(Owner, chime.EnterpriseDirectory)
	for _, in := range []chime.NewUser{{}, {Email: "notanemail"}, {Email: "a@b"}, {Email: "x@example.com", Type: "Bogus"}, {Email: "a\n@b.c"},
		{Email: " x@example.com"}, {Email: "x@example.com\t"}, {Email: "x@example.com."}, {Email: "x@y@example.com"},
		{Email: "x\u0007@example.com"}, {Email: "x\u200b@example.com"}} {
		_, err := f.svc.Users.CreateUser(f.ctx, Owner, d.ID, in)
		wantKind(t, err, chime.BadRequest)
	}
	_, err = f.svc.Users.CreateUser(f.ctx, Owner, "missing", chime.NewUser{Email: "x@example.com"})
	wantKind(t, err, chime.NotFound)
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, d.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 0 {
		t.Fatalf("a refused create left %d users", len(page.Users))
	}
}

func testCreateUserConflict(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	b := f.account(Owner, chime.EnterpriseLWA)
	f.user(Owner, a.ID, "dup@example.com", chime.PrivateUser)
	_, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "DUP@example.com"})
	wantKind(t, err, chime.Conflict)
	_, err = f.svc.Users.CreateUser(f.ctx, Owner, b.ID, chime.NewUser{Email: "dup@example.com", Type: chime.SharedDevice})
	wantKind(t, err, chime.Conflict)
	// Another AWS account may use the address.
	c := f.account(Other, chime.EnterpriseDirectory)
	f.user(Other, c.ID, "dup@example.com", chime.PrivateUser)
}

// Addresses that look alike are one address: case, Unicode compatibility
// forms (fullwidth letters), composed and decomposed accents. The first
// keeps its spelling; the e-mail filters find it by any of them.
func testCreateUserLookAlike(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	team := f.account(Owner, chime.Team)
	first := f.user(Owner, a.ID, "jos\u00e9@example.com", chime.PrivateUser) // é composed
	for _, email := range []string{
		"JOS\u00c9@example.com",                     // upper case
		"jose\u0301@example.com",                    // e and a combining acute accent
		"\uff4a\uff4f\uff53\u00e9@\uff45xample.com", // fullwidth letters
		"JOS\u00c9@EXAMPLE.COM",
	} {
		_, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: email})
		wantKind(t, err, chime.Conflict)
		inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, []string{email}, "")
		must(t, err)
		if inv[0].Status != chime.InviteFailed {
			t.Fatalf("invite of %q: %+v", email, inv)
		}
		page, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{Email: email}, chime.PageRequest{})
		must(t, err)
		if len(page.Users) != 1 || page.Users[0].ID != first.ID || page.Users[0].Email != first.Email {
			t.Fatalf("filter %q: %+v", email, page.Users)
		}
		accounts, err := f.svc.Accounts.ListAccounts(f.ctx, Owner, chime.AccountFilter{UserEmail: email}, chime.PageRequest{})
		must(t, err)
		if len(accounts.Accounts) != 1 || accounts.Accounts[0].ID != a.ID {
			t.Fatalf("account filter %q: %+v", email, accounts.Accounts)
		}
	}
	// Two invites in one call that look alike: the first is the one.
	inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, []string{"new@example.com", "\uff2e\uff25\uff37@example.com"}, "")
	must(t, err)
	if inv[0].Status != chime.InvitePending || inv[1].Status != chime.InviteFailed {
		t.Fatalf("invites %+v", inv)
	}
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
			_, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "race@example.com"})
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
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 1 {
		t.Fatalf("%d users stored", len(page.Users))
	}
}

func testGetUserNotFound(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	_, err := f.svc.Users.GetUser(f.ctx, Owner, a.ID, "nobody")
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Users.GetUser(f.ctx, Other, a.ID, u.ID)
	wantKind(t, err, chime.NotFound)
	b := f.account(Owner, chime.EnterpriseDirectory)
	_, err = f.svc.Users.GetUser(f.ctx, Owner, b.ID, u.ID)
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
		page, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, p)
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
	page, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{Type: chime.SharedDevice}, chime.PageRequest{})
	must(t, err)
	if len(page.Users) != 3 {
		t.Fatalf("%d shared devices", len(page.Users))
	}
	page, err = f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{Email: "U4@EXAMPLE.com"}, chime.PageRequest{})
	must(t, err)
	if len(page.Users) != 1 || page.Users[0].ID != want[4] {
		t.Fatalf("e-mail filter %+v", page.Users)
	}
	_, err = f.svc.Users.ListUsers(f.ctx, Other, a.ID, chime.UserFilter{}, chime.PageRequest{})
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{Limit: -1})
	wantKind(t, err, chime.BadRequest)
}

func testUpdateUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	lic, st := chime.Basic, chime.SharedDevice
	a4b := chime.AlexaForBusinessMetadata{Enabled: true, RoomARN: "arn:aws:a4b:us-east-1:111122223333:room/r1"}
	got, err := f.svc.Users.UpdateUser(f.ctx, Owner, a.ID, u.ID, chime.UserUpdate{License: &lic, Type: &st, AlexaForBusiness: &a4b})
	must(t, err)
	read, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	for _, x := range []*chime.User{got, read} {
		if x.License != chime.Basic || x.Type != chime.SharedDevice || x.AlexaForBusiness != a4b || x.PersonalPIN != u.PersonalPIN {
			t.Fatalf("got %+v", x)
		}
	}
	bad := chime.ProTrial
	_, err = f.svc.Users.UpdateUser(f.ctx, Owner, a.ID, u.ID, chime.UserUpdate{License: &bad})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Users.UpdateUser(f.ctx, Owner, a.ID, "nobody", chime.UserUpdate{License: &lic})
	wantKind(t, err, chime.NotFound)
}

func testBatchUpdateUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u1 := f.user(Owner, a.ID, "1@example.com", chime.PrivateUser)
	u2 := f.user(Owner, a.ID, "2@example.com", chime.PrivateUser)
	basic, plus := chime.Basic, chime.Plus
	errs, err := f.svc.Users.BatchUpdateUser(f.ctx, Owner, a.ID, []chime.UserUpdateItem{
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
	r1, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u1.ID)
	r2, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u2.ID)
	if r1.License != chime.Basic || r2.License != chime.Pro {
		t.Fatalf("licenses %v %v", r1.License, r2.License)
	}
	_, err = f.svc.Users.BatchUpdateUser(f.ctx, Other, a.ID, nil)
	wantKind(t, err, chime.NotFound)
}

func testSuspendTeam(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	_, err := f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, []string{"a@example.com", "b@example.com"}, "")
	must(t, err)
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	errs, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{page.Users[0].ID, "nobody"})
	must(t, err)
	if len(errs) != 1 || errs[0].UserID != "nobody" || errs[0].Code != chime.CodeNotFound {
		t.Fatalf("errors %+v", errs)
	}
	_, err = f.svc.Users.GetUser(f.ctx, Owner, a.ID, page.Users[0].ID)
	wantKind(t, err, chime.NotFound)
	after, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(after.Users) != 1 {
		t.Fatalf("%d users left", len(after.Users))
	}
	// Unsuspend is for EnterpriseLWA only.
	_, err = f.svc.Users.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{after.Users[0].ID})
	wantKind(t, err, chime.BadRequest)
	// A removed Team user can be invited again.
	inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, []string{page.Users[0].Email}, "")
	must(t, err)
	if inv[0].Status != chime.InvitePending {
		t.Fatalf("re-invite %+v", inv)
	}
}

func testSuspendLWA(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	v := f.user(Owner, a.ID, "y@example.com", chime.PrivateUser)
	errs, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
	must(t, err)
	if len(errs) != 0 {
		t.Fatalf("errors %+v", errs)
	}
	got, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	if got.Registration != chime.Suspended {
		t.Fatalf("status %v", got.Registration)
	}
	errs, err = f.svc.Users.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{u.ID, v.ID, "nobody"})
	must(t, err)
	if len(errs) != 1 || errs[0].UserID != "nobody" {
		t.Fatalf("errors %+v", errs)
	}
	got, _ = f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	other, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, v.ID)
	if got.Registration != chime.Registered || other.Registration != chime.Registered {
		t.Fatalf("statuses %v %v", got.Registration, other.Registration)
	}
}

func testSuspendDirectory(t *testing.T, f *fixture) {
	for _, typ := range []chime.AccountType{chime.EnterpriseDirectory, chime.EnterpriseOIDC} {
		a := f.account(Owner, typ)
		u := f.user(Owner, a.ID, string(typ)+"@example.com", chime.PrivateUser)
		_, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
		wantKind(t, err, chime.BadRequest)
		_, err = f.svc.Users.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
		wantKind(t, err, chime.BadRequest)
	}
}

func testInviteUsers(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	d := f.account(Owner, chime.EnterpriseDirectory)
	f.user(Owner, d.ID, "taken@example.com", chime.PrivateUser)
	inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, a.ID,
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
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 1 {
		t.Fatalf("%d users", len(page.Users))
	}
	u := page.Users[0]
	if u.Registration != chime.Unregistered || u.Invitation != chime.InvitePending || u.InvitedOn.IsZero() ||
		!u.RegisteredOn.IsZero() || u.Type != chime.SharedDevice || u.License != chime.Pro || u.PersonalPIN != "" {
		t.Fatalf("invited user %+v", u)
	}
	_, err = f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, []string{"bad"}, "")
	wantKind(t, err, chime.BadRequest)
	many := make([]string, 51)
	for i := range many {
		many[i] = fmt.Sprintf("m%d@example.com", i)
	}
	_, err = f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, many, "")
	wantKind(t, err, chime.BadRequest)
}

func testInviteEnterprise(t *testing.T, f *fixture) {
	for _, typ := range []chime.AccountType{chime.EnterpriseDirectory, chime.EnterpriseLWA, chime.EnterpriseOIDC} {
		a := f.account(Owner, typ)
		_, err := f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, []string{"x@example.com"}, "")
		wantKind(t, err, chime.Forbidden)
	}
}

func testLogoutUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	must(t, f.svc.Users.LogoutUser(f.ctx, Owner, a.ID, u.ID))
	wantKind(t, f.svc.Users.LogoutUser(f.ctx, Owner, a.ID, "nobody"), chime.NotFound)
	wantKind(t, f.svc.Users.LogoutUser(f.ctx, Other, a.ID, u.ID), chime.NotFound)
}

func testResetPersonalPIN(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	pin := u.PersonalPIN
	for i := 0; i < 5; i++ {
		got, err := f.svc.Users.ResetPersonalPIN(f.ctx, Owner, a.ID, u.ID)
		must(t, err)
		if got.PersonalPIN == pin || !pinPattern.MatchString(got.PersonalPIN) {
			t.Fatalf("PIN %q after %q", got.PersonalPIN, pin)
		}
		read, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
		if read.PersonalPIN != got.PersonalPIN {
			t.Fatalf("PIN not stored")
		}
		pin = got.PersonalPIN
	}
	_, err := f.svc.Users.ResetPersonalPIN(f.ctx, Owner, a.ID, "nobody")
	wantKind(t, err, chime.NotFound)
}

// A PIN source that keeps giving the old PIN makes ResetPersonalPIN fail
// (Internal) after a few draws, not loop; the user keeps the old PIN.
func testResetPersonalPINStuck(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	// The source repeats the old PIN a thousand times, then recovers:
	// a store that waits for that has drawn too often.
	f.stuckDraws = 1000
	f.stuckPIN.Store(&u.PersonalPIN)
	_, err := f.svc.Users.ResetPersonalPIN(f.ctx, Owner, a.ID, u.ID)
	wantKind(t, err, chime.Internal)
	if n := f.pinDraws.Load(); n > 100 {
		t.Fatalf("%d PINs drawn", n)
	}
	got, err := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
	if got.PersonalPIN != u.PersonalPIN {
		t.Fatalf("PIN %q after a failed reset, want %q", got.PersonalPIN, u.PersonalPIN)
	}
}

// A panic inside a write (here in the PIN source, which CreateUser
// draws from inside its transaction) reaches the caller, as any panic
// would, and leaves nothing behind: no user, no lock, the store goes on.
func testCreateUserPanic(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	f.panicPIN.Store(true)
	func() {
		defer func() {
			p := recover()
			if err, ok := p.(error); !ok || !errors.Is(err, errPINSource) {
				t.Fatalf("the caller got the panic %v", p)
			}
		}()
		_, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "x@example.com"})
		t.Fatalf("CreateUser returned (%v) instead of panicking", err)
	}()
	f.panicPIN.Store(false)
	// The account is not left locked by the write that panicked.
	ctx, cancel := context.WithTimeout(f.ctx, 10*time.Second)
	defer cancel()
	name := "after the panic"
	_, err := f.svc.Accounts.UpdateAccount(ctx, Owner, a.ID, chime.AccountUpdate{Name: &name})
	must(t, err)
	f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
}

func testUserSettings(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	s, err := f.svc.Users.GetUserSettings(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
	if s.Telephony != (chime.TelephonySettings{}) {
		t.Fatalf("defaults %+v", s)
	}
	want := chime.TelephonySettings{InboundCalling: true, SMS: true}
	must(t, f.svc.Users.UpdateUserSettings(f.ctx, Owner, a.ID, u.ID, chime.UserSettings{Telephony: want}))
	s, _ = f.svc.Users.GetUserSettings(f.ctx, Owner, a.ID, u.ID)
	if s.Telephony != want {
		t.Fatalf("got %+v", s)
	}
	_, err = f.svc.Users.GetUserSettings(f.ctx, Owner, a.ID, "nobody")
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.Users.UpdateUserSettings(f.ctx, Other, a.ID, u.ID, chime.UserSettings{}), chime.NotFound)
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
		errs, err := f.svc.Users.BatchUpdateUser(f.ctx, Owner, a.ID, items)
		if err == nil && len(errs) > 0 {
			err = fmt.Errorf("item errors %+v", errs)
		}
		return err
	})
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
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
			errs, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, ids)
		} else {
			errs, err = f.svc.Users.BatchUnsuspendUser(f.ctx, Owner, a.ID, ids)
		}
		if err == nil && len(errs) > 0 {
			err = fmt.Errorf("item errors %+v", errs)
		}
		return err
	})
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
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
		inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, a.ID, []string{"race@example.com"}, "")
		if err == nil && inv[0].Status == chime.InvitePending {
			pending.Add(1)
		}
		return err // a lost race is a Failed invite, never an error
	})
	page, _ := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	if len(page.Users) != 1 || pending.Load() != 1 {
		t.Fatalf("%d users, %d pending invites", len(page.Users), pending.Load())
	}
}

// InviteUsers racing CreateUser (in another account) for the same
// addresses: each address goes to exactly one of them; the invite of an
// address it lost is Failed, never an error of the whole call.
func testInvitesRacingCreate(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	dir := f.account(Owner, chime.EnterpriseDirectory)
	const rounds, addresses = 20, 5
	for round := range rounds {
		var emails []string
		for i := range addresses {
			emails = append(emails, fmt.Sprintf("r%d-%d@example.com", round, i))
		}
		var invites []chime.Invite
		created := make([]bool, addresses)
		parallel(t, 1+addresses, func(i int) error {
			if i == addresses {
				var err error
				invites, err = f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, emails, "")
				return err
			}
			_, err := f.svc.Users.CreateUser(f.ctx, Owner, dir.ID, chime.NewUser{Email: emails[i]})
			if chime.IsKind(err, chime.Conflict) {
				return nil
			}
			created[i] = err == nil
			return err
		})
		if t.Failed() {
			t.Fatalf("round %d", round)
		}
		for i, inv := range invites {
			if (inv.Status == chime.InvitePending) == created[i] {
				t.Fatalf("round %d: %s was created (%v) and has a %s invite", round, emails[i], created[i], inv.Status)
			}
		}
	}
}

// Invites naming the same addresses in opposite orders, at once, into
// two accounts: no call fails (on an engine with row locks, inserting in
// the given order deadlocks), and each address is one user.
func testInvitesOppositeOrder(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.Team)
	b := f.account(Owner, chime.Team)
	const rounds, addresses = 5, 20
	for round := range rounds {
		var emails []string
		for i := range addresses {
			emails = append(emails, fmt.Sprintf("o%d-%02d@example.com", round, i))
		}
		reversed := slices.Clone(emails)
		slices.Reverse(reversed)
		var pending atomic.Int32
		parallel(t, 4, func(i int) error {
			account, list := a.ID, emails
			if i%2 == 1 {
				account, list = b.ID, reversed
			}
			inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, account, list, "")
			for _, x := range inv {
				if x.Status == chime.InvitePending {
					pending.Add(1)
				}
			}
			return err
		})
		if t.Failed() {
			t.Fatalf("round %d", round)
		}
		if pending.Load() != addresses {
			t.Fatalf("round %d: %d pending invites for %d addresses", round, pending.Load(), addresses)
		}
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
				err := f.svc.Accounts.DeleteAccount(f.ctx, Owner, a.ID)
				if err == nil {
					deleted.Store(true)
					return nil
				}
				if chime.IsKind(err, chime.Unprocessable) {
					return nil
				}
				return err
			}
			_, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: fmt.Sprintf("r%d-%d@example.com", round, i)})
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

// listAll pages through ListUsers with pages of size and returns the
// e-mail addresses in the order listed.
func listAll(t *testing.T, f *fixture, accountID string, filter chime.UserFilter, size int) []string {
	t.Helper()
	var got []string
	p := chime.PageRequest{Limit: size}
	for pages := 0; ; pages++ {
		page, err := f.svc.Users.ListUsers(f.ctx, Owner, accountID, filter, p)
		must(t, err)
		if len(page.Users) > size || (page.Next != "" && len(page.Users) != size) {
			t.Fatalf("page of %d users, next %q", len(page.Users), page.Next)
		}
		if pages > 100 {
			t.Fatal("the pages do not end")
		}
		for _, u := range page.Users {
			got = append(got, u.Email)
		}
		if page.Next == "" {
			return got
		}
		p.Cursor = page.Next
	}
}

func wantEmails(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if len(want) == 0 {
		want = nil
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// A prefix matches the normalised beginning of addresses and lists them
// in code point order of their normal forms, whatever the database's
// locale (which may order "a-b" after "a.b" or ignore punctuation).
func testListUsersEmailPrefix(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	for _, e := range []string{"ab@example.com", "bal@example.com", "A.b@example.com", "a-b@example.com",
		"Alice@example.com", "al@example.com", "ＡＬＦＲＥＤ@example.com", "aé@example.com", "a~@example.com", "b@example.com"} {
		f.user(Owner, a.ID, e, chime.PrivateUser)
	}
	other := f.account(Owner, chime.EnterpriseDirectory)
	f.user(Owner, other.ID, "alan@example.com", chime.PrivateUser)
	otherOwner := f.account(Other, chime.EnterpriseDirectory)
	if _, err := f.svc.Users.CreateUser(f.ctx, Other, otherOwner.ID, chime.NewUser{Email: "albert@example.com"}); err != nil {
		t.Fatal(err)
	}

	all := []string{"a-b@example.com", "A.b@example.com", "ab@example.com", "al@example.com", "ＡＬＦＲＥＤ@example.com",
		"Alice@example.com", "a~@example.com", "aé@example.com"}
	for _, size := range []int{1, 2, 3, 100} {
		wantEmails(t, fmt.Sprintf("prefix a, pages of %d", size), listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "a"}, size), all...)
	}
	wantEmails(t, "prefix AL", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "AL"}, 2),
		"al@example.com", "ＡＬＦＲＥＤ@example.com", "Alice@example.com")
	wantEmails(t, "prefix of a fullwidth form", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "ａｌｆ"}, 2), "ＡＬＦＲＥＤ@example.com")
	wantEmails(t, "prefix a.", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "a."}, 2), "A.b@example.com")
	wantEmails(t, "prefix with the last code point below a letter's", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "a~"}, 2), "a~@example.com")
	wantEmails(t, "a whole address", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "b@example.com"}, 2), "b@example.com")
	wantEmails(t, "no match", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "zz"}, 2))
	wantEmails(t, "a prefix of the greatest code point", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "a􏿿"}, 2))
	wantEmails(t, "prefix and address", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "al", Email: "AL@example.com"}, 2), "al@example.com")
	wantEmails(t, "prefix and another address", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "b", Email: "al@example.com"}, 2))

	// A prefix that is nothing once normalised keeps every user, in
	// creation order.
	created := listAll(t, f, a.ID, chime.UserFilter{}, 100)
	wantEmails(t, "blank prefix", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "  "}, 3), created...)
}

func testListUsersPrefixAndState(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	ids := map[string]string{}
	for i, e := range []string{"m3@example.com", "m1@example.com", "n1@example.com", "m2@example.com", "m4@example.com", "m0@example.com"} {
		ut := chime.PrivateUser
		if i%2 == 1 {
			ut = chime.SharedDevice
		}
		ids[e] = f.user(Owner, a.ID, e, ut).ID
	}
	_, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{ids["m1@example.com"], ids["m4@example.com"], ids["n1@example.com"]})
	must(t, err)
	wantEmails(t, "prefix m, suspended", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "M", Registration: chime.Suspended}, 1),
		"m1@example.com", "m4@example.com")
	wantEmails(t, "prefix m, shared devices", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "m", Type: chime.SharedDevice}, 1),
		"m0@example.com", "m1@example.com", "m2@example.com")
	wantEmails(t, "prefix m, registered private users",
		listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "m", Type: chime.PrivateUser, Registration: chime.Registered}, 1),
		"m3@example.com")
	wantEmails(t, "prefix m, unregistered", listAll(t, f, a.ID, chime.UserFilter{EmailPrefix: "m", Registration: chime.Unregistered}, 1))
}

// A cursor of a prefix search names the last user listed; once that user
// is removed, the cursor is refused rather than starting over.
func testListUsersPrefixCursorRemoved(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	_, err := f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, []string{"p1@example.com", "p2@example.com", "p3@example.com"}, "")
	must(t, err)
	page, err := f.svc.Users.ListUsers(f.ctx, Owner, team.ID, chime.UserFilter{EmailPrefix: "p"}, chime.PageRequest{Limit: 1})
	must(t, err)
	if len(page.Users) != 1 || page.Users[0].Email != "p1@example.com" || page.Next == "" {
		t.Fatalf("first page %+v", page)
	}
	_, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, team.ID, []string{page.Users[0].ID})
	must(t, err)
	_, err = f.svc.Users.ListUsers(f.ctx, Owner, team.ID, chime.UserFilter{EmailPrefix: "p"}, chime.PageRequest{Limit: 1, Cursor: page.Next})
	wantKind(t, err, chime.BadRequest)
}

func testListUsersRegistration(t *testing.T, f *fixture) {
	lwa := f.account(Owner, chime.EnterpriseLWA)
	var emails, ids []string
	for i := 0; i < 9; i++ {
		e := fmt.Sprintf("r%d@example.com", i)
		emails = append(emails, e)
		ids = append(ids, f.user(Owner, lwa.ID, e, chime.PrivateUser).ID)
	}
	_, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, lwa.ID, []string{ids[1], ids[4], ids[5], ids[8]})
	must(t, err)
	for _, size := range []int{1, 2, 100} {
		wantEmails(t, "suspended", listAll(t, f, lwa.ID, chime.UserFilter{Registration: chime.Suspended}, size),
			emails[1], emails[4], emails[5], emails[8])
		wantEmails(t, "registered", listAll(t, f, lwa.ID, chime.UserFilter{Registration: chime.Registered}, size),
			emails[0], emails[2], emails[3], emails[6], emails[7])
	}
	wantEmails(t, "unregistered on an Enterprise account", listAll(t, f, lwa.ID, chime.UserFilter{Registration: chime.Unregistered}, 2))

	team := f.account(Owner, chime.Team)
	_, err = f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, []string{"t1@example.com", "t2@example.com"}, "")
	must(t, err)
	wantEmails(t, "invited", listAll(t, f, team.ID, chime.UserFilter{Registration: chime.Unregistered}, 1), "t1@example.com", "t2@example.com")
	wantEmails(t, "registered on a Team account", listAll(t, f, team.ID, chime.UserFilter{Registration: chime.Registered}, 1))
	wantEmails(t, "address and state", listAll(t, f, lwa.ID, chime.UserFilter{Email: emails[4], Registration: chime.Suspended}, 1), emails[4])
	wantEmails(t, "address and another state", listAll(t, f, lwa.ID, chime.UserFilter{Email: emails[4], Registration: chime.Registered}, 1))
}

// A type with or without a state lists in creation order across the
// pairs of type and state the filter allows, page after page.
func testListUsersTypeAndRegistration(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	type made struct {
		email string
		ut    chime.UserType
		st    chime.RegistrationStatus
	}
	var users []made
	var suspend []string
	for i := 0; i < 12; i++ {
		m := made{email: fmt.Sprintf("s%02d@example.com", i), ut: chime.PrivateUser, st: chime.Registered}
		if i%3 != 0 {
			m.ut = chime.SharedDevice
		}
		u := f.user(Owner, a.ID, m.email, m.ut)
		if i%4 == 1 || i%5 == 0 {
			m.st = chime.Suspended
			suspend = append(suspend, u.ID)
		}
		users = append(users, m)
	}
	_, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, suspend)
	must(t, err)
	for _, ut := range append([]chime.UserType{""}, chime.UserTypes...) {
		for _, st := range append([]chime.RegistrationStatus{""}, chime.RegistrationStatuses...) {
			var want []string
			for _, m := range users {
				if (ut == "" || m.ut == ut) && (st == "" || m.st == st) {
					want = append(want, m.email)
				}
			}
			for _, size := range []int{1, 2, 5} {
				filter := chime.UserFilter{Type: ut, Registration: st}
				wantEmails(t, fmt.Sprintf("%+v in pages of %d", filter, size), listAll(t, f, a.ID, filter, size), want...)
			}
		}
	}
}

func testListUsersBadFilter(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	for _, filter := range []chime.UserFilter{
		{Registration: "Bogus"}, {Type: "Bogus"}, {EmailPrefix: "a\x00"}, {EmailPrefix: "a\nb"}, {EmailPrefix: "\xff"},
		{EmailPrefix: strings.Repeat("a", chime.MaxEmailPrefixLength+1)},
	} {
		_, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, filter, chime.PageRequest{})
		wantKind(t, err, chime.BadRequest)
	}
	_, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{EmailPrefix: strings.Repeat("a", chime.MaxEmailPrefixLength)}, chime.PageRequest{})
	must(t, err)
}
