package schemafixture

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime"
)

// writes checks the writes of every resource on the upgraded database:
// on rows of the fixture (changes, deletions, uniqueness with what it
// holds) and new rows, whose lists continue past the fixture's. Each
// step builds on the ones before.
func (u *upgrade) writes() {
	owners := u.owners()
	if len(owners) < 2 {
		u.t.Fatal("the fixture needs two AWS accounts")
	}
	w := &writer{upgrade: u, a: owners[0], b: owners[1]}
	w.team = w.pick(w.a, chime.Team)
	w.lwa = w.pick(w.a, chime.EnterpriseLWA)
	w.dir = w.pick(w.a, chime.EnterpriseDirectory)
	w.oidc = w.pick(w.a, chime.EnterpriseOIDC)
	w.teamB = w.pick(w.b, chime.Team)
	for _, r := range u.before["accounts"] {
		if r.str("aws_account_id") == w.a && r.str("status") == string(chime.AccountSuspended) {
			w.frozen = r
		}
	}
	if w.frozen == nil {
		u.t.Fatal("the fixture has no suspended account")
	}
	for _, step := range []struct {
		name string
		run  func()
	}{
		{"users", w.users}, {"accounts", w.accounts}, {"phone numbers", w.phoneNumbers}, {"chat", w.chat}, {"deletions", w.deletions},
	} {
		u.t.Run("write "+step.name, func(t *testing.T) {
			defer u.on(t)()
			step.run()
		})
	}
}

// writer holds the accounts the writes use, fixture rows all.
type writer struct {
	*upgrade
	// a and b are the fixture's two AWS accounts.
	a, b                                string
	team, lwa, dir, oidc, frozen, teamB row
	// registered are two registered private users of the LWA account:
	// the first is changed, the second suspended.
	registered []row
	// ordered are the numbers the writes order.
	ordered []string
}

// pick returns owner's first active account of type t.
func (w *writer) pick(owner string, t chime.AccountType) row {
	for _, r := range w.before["accounts"] {
		if r.str("aws_account_id") == owner && r.str("account_type") == string(t) && r.str("status") == string(chime.AccountActive) {
			return r
		}
	}
	w.t.Fatalf("the fixture has no active %s account of %s", t, owner)
	return nil
}

func (w *writer) user(account row, id string) *chime.User {
	w.t.Helper()
	got, err := w.svc.Users.GetUser(w.ctx, account.str("aws_account_id"), account.str("id"), id)
	if err != nil {
		w.t.Fatalf("GetUser %s: %v", id, err)
	}
	return got
}

func (w *writer) noUserErrors(what string, errs []chime.UserError, err error) {
	w.t.Helper()
	if err != nil || len(errs) > 0 {
		w.t.Errorf("%s: %+v %v", what, errs, err)
	}
}

func ptr[T any](v T) *T { return &v }

func (w *writer) users() {
	ctx, users := w.ctx, w.svc.Users
	dir := w.dir.str("id")
	// Every address of the AWS account counts, in other cases and in the
	// normal form a migration may have given it.
	for _, r := range where(w.before["users"], func(r row) bool { return r.str("aws_account_id") == w.a }) {
		for _, email := range []string{strings.ToUpper(r.str("email")), emailKey(w.afterRow("users", r))} {
			_, err := users.CreateUser(ctx, w.a, dir, chime.NewUser{Email: email})
			w.kind("CreateUser with the address "+email+" of the fixture's user "+r.str("id"), err, chime.Conflict)
		}
	}
	// Another AWS account's addresses are free; its own are not.
	teamB := w.teamB.str("id")
	for _, r := range w.usersOf(w.teamB) {
		invites, err := users.InviteUsers(ctx, w.b, teamB, []string{strings.ToUpper(r.str("email"))}, "")
		if err != nil || len(invites) != 1 || invites[0].Status != chime.InviteFailed {
			w.t.Errorf("InviteUsers with the address of the fixture's user %s: %+v %v, want a Failed invite", r.str("id"), invites, err)
		}
	}
	for _, r := range w.usersOf(w.lwa) {
		taken := slices.ContainsFunc(w.usersOf(w.teamB), func(b row) bool { return emailKey(w.afterRow("users", b)) == emailKey(w.afterRow("users", r)) })
		if taken {
			continue
		}
		invites, err := users.InviteUsers(ctx, w.b, teamB, []string{r.str("email")}, "")
		if err != nil || len(invites) != 1 || invites[0].Status != chime.InvitePending {
			w.t.Errorf("InviteUsers of another AWS account's address: %+v %v, want a Pending invite", invites, err)
		}
		break
	}

	// A new user is listed after the fixture's, across pages.
	created, err := users.CreateUser(ctx, w.a, dir, chime.NewUser{Email: "upgrade.user@directory.example.com", Username: "Upgrade User"})
	if err != nil {
		w.t.Fatalf("CreateUser: %v", err)
	}
	w.equal("ListUsers after CreateUser", ids(w.listUsers(w.a, dir, chime.UserFilter{}), userID),
		append(column(w.usersOf(w.dir), "id"), created.ID))
	w.equal("ListUsers by the new user's prefix", ids(w.listUsers(w.a, dir, chime.UserFilter{EmailPrefix: "UPGRADE."}), userID),
		[]string{created.ID})
	team := w.team.str("id")
	invites, err := users.InviteUsers(ctx, w.a, team, []string{"invitee@team.example.com", strings.ToUpper(w.usersOf(w.team)[0].str("email"))}, chime.PrivateUser)
	if err != nil || len(invites) != 2 || invites[0].Status != chime.InvitePending || invites[1].Status != chime.InviteFailed {
		w.t.Errorf("InviteUsers of a new and a fixture's address: %+v %v, want Pending and Failed", invites, err)
	}
	invitee := w.listUsers(w.a, team, chime.UserFilter{Email: "invitee@team.example.com"})
	if len(invitee) == 1 {
		w.equal("ListUsers after InviteUsers", ids(w.listUsers(w.a, team, chime.UserFilter{}), userID),
			append(column(w.usersOf(w.team), "id"), invitee[0].ID))
	}

	// The fixture's users change.
	w.registered = where(w.usersOf(w.lwa), func(r row) bool {
		return r.str("registration") == string(chime.Registered) && r.str("user_type") == string(chime.PrivateUser)
	})
	if len(w.registered) < 2 {
		w.t.Fatalf("the fixture's LWA account has %d registered private users, want 2", len(w.registered))
	}
	lwa, first, second := w.lwa.str("id"), w.registered[0], w.registered[1]
	license := chime.Pro
	if first.str("license") == string(chime.Pro) {
		license = chime.Basic
	}
	want := wantUser(first)
	want.License = license
	got, err := users.UpdateUser(ctx, w.a, lwa, want.ID, chime.UserUpdate{License: &license})
	if err != nil {
		w.t.Fatalf("UpdateUser: %v", err)
	}
	w.equal("UpdateUser", *got, want)
	w.equal("GetUser after UpdateUser", *w.user(w.lwa, want.ID), want)

	dirUser := w.usersOf(w.dir)[0]
	errs, err := users.BatchUpdateUser(ctx, w.a, dir, []chime.UserUpdateItem{{UserID: dirUser.str("id"), UserUpdate: chime.UserUpdate{License: ptr(chime.Basic)}}})
	w.noUserErrors("BatchUpdateUser", errs, err)
	if got := w.user(w.dir, dirUser.str("id")); got.License != chime.Basic {
		w.t.Errorf("BatchUpdateUser: license %s", got.License)
	}

	errs, err = users.BatchSuspendUser(ctx, w.a, lwa, []string{second.str("id")})
	w.noUserErrors("BatchSuspendUser", errs, err)
	if got := w.user(w.lwa, second.str("id")); got.Registration != chime.Suspended {
		w.t.Errorf("BatchSuspendUser: %s", got.Registration)
	}
	for _, s := range where(w.usersOf(w.lwa), func(r row) bool { return r.str("registration") == string(chime.Suspended) }) {
		errs, err = users.BatchUnsuspendUser(ctx, w.a, lwa, []string{s.str("id")})
		w.noUserErrors("BatchUnsuspendUser", errs, err)
		if got := w.user(w.lwa, s.str("id")); got.Registration != chime.Registered {
			w.t.Errorf("BatchUnsuspendUser of the fixture's suspended user: %s", got.Registration)
		}
	}

	if err := users.LogoutUser(ctx, w.a, lwa, first.str("id")); err != nil {
		w.t.Errorf("LogoutUser: %v", err)
	}
	var logout int64
	if err := w.db.QueryRowContext(ctx, w.store.Dialect().Rebind(`SELECT last_logout_at FROM users WHERE id = ?`), first.str("id")).Scan(&logout); err != nil ||
		logout != w.clock.Now().UnixMilli() {
		w.t.Errorf("LogoutUser wrote %d (%v), want %d", logout, err, w.clock.Now().UnixMilli())
	}
	reset, err := users.ResetPersonalPIN(ctx, w.a, lwa, first.str("id"))
	if err != nil || reset.PersonalPIN == first.str("personal_pin") || len(reset.PersonalPIN) != chime.PINLength {
		w.t.Errorf("ResetPersonalPIN: %+v %v; was %s", reset, err, first.str("personal_pin"))
	}
	settings := chime.UserSettings{Telephony: chime.TelephonySettings{InboundCalling: true, OutboundCalling: true, SMS: true}}
	if err := users.UpdateUserSettings(ctx, w.a, lwa, first.str("id"), settings); err != nil {
		w.t.Errorf("UpdateUserSettings: %v", err)
	}
	if got, err := users.GetUserSettings(ctx, w.a, lwa, first.str("id")); err != nil || *got != settings {
		w.t.Errorf("GetUserSettings after the update: %+v %v", got, err)
	}

	// A suspended account takes no writes.
	frozen := w.frozen.str("id")
	_, err = users.CreateUser(ctx, w.a, frozen, chime.NewUser{Email: "new@suspended.example.com"})
	w.kind("CreateUser on the fixture's suspended account", err, chime.Forbidden)
	if us := w.usersOf(w.frozen); len(us) > 0 {
		_, err = users.UpdateUser(ctx, w.a, frozen, us[0].str("id"), chime.UserUpdate{License: ptr(chime.Basic)})
		w.kind("UpdateUser on the fixture's suspended account", err, chime.Forbidden)
	}
}

func (w *writer) accounts() {
	ctx, accounts := w.ctx, w.svc.Accounts
	created, err := accounts.CreateAccount(ctx, w.a, chime.NewAccount{Name: "Upgrade Team"})
	if err != nil {
		w.t.Fatalf("CreateAccount: %v", err)
	}
	listed := listAll(w.upgrade, "ListAccounts", func(p chime.PageRequest) ([]chime.Account, string, error) {
		page, err := accounts.ListAccounts(ctx, w.a, chime.AccountFilter{}, p)
		if err != nil {
			return nil, "", err
		}
		return page.Accounts, page.Next, nil
	})
	fixture := where(w.before["accounts"], func(r row) bool { return r.str("aws_account_id") == w.a })
	w.equal("ListAccounts after CreateAccount", ids(listed, func(a chime.Account) string { return a.ID }), append(column(fixture, "id"), created.ID))

	want, err := wantAccount(w.oidc)
	if err != nil {
		w.t.Fatal(err)
	}
	want.Name, want.DefaultLicense = "OIDC Corp Renamed", chime.Basic
	got, err := accounts.UpdateAccount(ctx, w.a, want.ID, chime.AccountUpdate{Name: &want.Name, DefaultLicense: &want.DefaultLicense})
	if err != nil {
		w.t.Fatalf("UpdateAccount: %v", err)
	}
	w.equal("UpdateAccount", *got, want)
	settings := chime.AccountSettings{DisableRemoteControl: !w.oidc.bool("disable_remote_control"), EnableDialOut: !w.oidc.bool("enable_dial_out")}
	if err := accounts.UpdateAccountSettings(ctx, w.a, want.ID, chime.AccountSettingsUpdate{
		DisableRemoteControl: &settings.DisableRemoteControl, EnableDialOut: &settings.EnableDialOut}); err != nil {
		w.t.Errorf("UpdateAccountSettings: %v", err)
	}
	if got, err := accounts.GetAccountSettings(ctx, w.a, want.ID); err != nil || *got != settings {
		w.t.Errorf("GetAccountSettings after the update: %+v %v, want %+v", got, err, settings)
	}

	dir, err := wantAccount(w.dir)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := accounts.AssociateSigninDelegateGroups(ctx, w.a, dir.ID, []string{"upgrade-group"}); err != nil {
		w.t.Errorf("AssociateSigninDelegateGroups: %v", err)
	}
	groups := append(slices.Clone(dir.SigninDelegateGroups), "upgrade-group")
	if len(dir.SigninDelegateGroups) > 0 {
		if err := accounts.DisassociateSigninDelegateGroups(ctx, w.a, dir.ID, groups[:1]); err != nil {
			w.t.Errorf("DisassociateSigninDelegateGroups: %v", err)
		}
		groups = groups[1:]
	}
	if got, err := accounts.GetAccount(ctx, w.a, dir.ID); err != nil || !slices.Equal(got.SigninDelegateGroups, groups) {
		w.t.Errorf("the groups after the changes: %+v %v, want %v", got, err, groups)
	}

	frozen := w.frozen.str("id")
	_, err = accounts.UpdateAccount(ctx, w.a, frozen, chime.AccountUpdate{Name: ptr("Thawed Corp")})
	w.kind("UpdateAccount of the fixture's suspended account", err, chime.Forbidden)
	if _, err := accounts.AdminUpdateAccount(ctx, w.a, frozen, chime.AccountAdminUpdate{Status: ptr(chime.AccountActive)}); err != nil {
		w.t.Errorf("AdminUpdateAccount: %v", err)
	}
	if got, err := accounts.UpdateAccount(ctx, w.a, frozen, chime.AccountUpdate{Name: ptr("Thawed Corp")}); err != nil || got.Name != "Thawed Corp" {
		w.t.Errorf("UpdateAccount of the account made active again: %+v %v", got, err)
	}
}

func (w *writer) phoneNumbers() {
	ctx, numbers := w.ctx, w.svc.PhoneNumbers
	live := w.livePhoneNumbers()
	found, _, err := numbers.SearchAvailablePhoneNumbers(ctx, w.a, chime.NumberSearch{AreaCode: "206"}, chime.PageRequest{Limit: 10})
	if err != nil || len(found) < 2 {
		w.t.Fatalf("SearchAvailablePhoneNumbers: %v %v", found, err)
	}
	for _, n := range found {
		if _, held := live[n]; held {
			w.t.Errorf("SearchAvailablePhoneNumbers offers %s, which the fixture holds", n)
		}
	}
	// An order of two free numbers and, where the fixture has one, a
	// number the other AWS account holds, which fails.
	w.ordered = found[:2]
	ask := slices.Clone(w.ordered)
	var heldByB string
	for n := range live {
		if w.ownerOf("phone_numbers", "e164", n) == w.b {
			heldByB = n
			ask = append(ask, n)
			break
		}
	}
	order, err := numbers.CreatePhoneNumberOrder(ctx, w.a, chime.BusinessCalling, ask)
	if err != nil {
		w.t.Fatalf("CreatePhoneNumberOrder: %v", err)
	}
	w.clock.advance(timings.OrderDelay + time.Second)
	got, err := numbers.GetPhoneNumberOrder(ctx, w.a, order.ID)
	want := chime.OrderSuccessful
	if heldByB != "" {
		want = chime.OrderPartial
	}
	if err != nil || got.Status != want {
		w.t.Errorf("GetPhoneNumberOrder: %+v %v, want %s", got, err, want)
	}
	w.equal("ListPhoneNumberOrders after an order", ids(w.listOrders(w.a, 1), func(o chime.PhoneNumberOrder) string { return o.ID }),
		append(ids(w.ordersOf(w.a), func(o chime.PhoneNumberOrder) string { return o.ID }), order.ID))
	// The new numbers take their places among the fixture's, by number.
	held := slices.Clone(w.ordered)
	for n := range live {
		if w.ownerOf("phone_numbers", "e164", n) == w.a {
			held = append(held, n)
		}
	}
	slices.Sort(held)
	listed := listPages(w.upgrade, "ListPhoneNumbers", 1, func(p chime.PageRequest) ([]chime.PhoneNumber, string, error) {
		page, err := numbers.ListPhoneNumbers(ctx, w.a, chime.PhoneNumberFilter{}, p)
		if err != nil {
			return nil, "", err
		}
		return page.PhoneNumbers, page.Next, nil
	})
	w.equal("ListPhoneNumbers after an order", ids(listed, func(n chime.PhoneNumber) string { return n.E164 }), held)

	// The fixture's numbers: an assigned one given up, an unassigned one
	// renamed, deleted and restored, a deleted one restored.
	lwa := w.lwa.str("id")
	for _, r := range w.before["phone_numbers"] {
		n, ok := live[r.str("e164")]
		if !ok || r.str("aws_account_id") != w.a {
			continue
		}
		for _, as := range n.Associations {
			if as.Name != chime.AssociatedUserID {
				continue
			}
			account := w.ownerAccountOf(as.Value)
			if err := numbers.DisassociatePhoneNumberFromUser(ctx, w.a, account, as.Value); err != nil {
				w.t.Errorf("DisassociatePhoneNumberFromUser: %v", err)
			}
			if got, err := numbers.GetPhoneNumber(ctx, w.a, n.E164); err != nil || got.Status != chime.Unassigned {
				w.t.Errorf("the fixture's number after DisassociatePhoneNumberFromUser: %+v %v", got, err)
			}
			if got, err := w.svc.Users.GetUser(ctx, w.a, account, as.Value); err != nil || got.PhoneNumber != "" {
				w.t.Errorf("the fixture's user after DisassociatePhoneNumberFromUser: %+v %v", got, err)
			}
		}
	}
	var unassigned []chime.PhoneNumber
	for _, r := range w.before["phone_numbers"] {
		if n, ok := live[r.str("e164")]; ok && r.str("aws_account_id") == w.a && n.Status == chime.Unassigned && len(n.Associations) == 0 {
			unassigned = append(unassigned, n)
		}
		if n, ok := live[r.str("e164")]; ok && r.str("aws_account_id") == w.a && n.Status == chime.DeleteInProgress {
			if got, err := numbers.RestorePhoneNumber(ctx, w.a, n.E164); err != nil || got.Status != chime.Unassigned {
				w.t.Errorf("RestorePhoneNumber of the fixture's deleted number: %+v %v", got, err)
			}
		}
	}
	if len(unassigned) == 0 {
		// A fixture before phone numbers: the new ones take the steps.
		for _, n := range w.ordered {
			got, err := numbers.GetPhoneNumber(ctx, w.a, n)
			if err != nil {
				w.t.Fatalf("GetPhoneNumber %s: %v", n, err)
			}
			unassigned = append(unassigned, *got)
		}
	}
	named := unassigned[0]
	if got, err := numbers.UpdatePhoneNumber(ctx, w.a, named.E164, chime.PhoneNumberUpdate{CallingName: ptr("Upgrade Desk")}); err != nil ||
		got.CallingName != "Upgrade Desk" || got.CallingNameStatus != chime.CallingNameUpdateInProgress {
		w.t.Errorf("UpdatePhoneNumber: %+v %v", got, err)
	}
	deleted := unassigned[len(unassigned)-1]
	if err := numbers.DeletePhoneNumber(ctx, w.a, deleted.E164); err != nil {
		w.t.Errorf("DeletePhoneNumber: %v", err)
	}
	if got, err := numbers.GetPhoneNumber(ctx, w.a, deleted.E164); err != nil || got.Status != chime.DeleteInProgress {
		w.t.Errorf("GetPhoneNumber after DeletePhoneNumber: %+v %v", got, err)
	}
	if got, err := numbers.RestorePhoneNumber(ctx, w.a, deleted.E164); err != nil || got.Status != chime.Unassigned {
		w.t.Errorf("RestorePhoneNumber: %+v %v", got, err)
	}
	errs, err := numbers.BatchUpdatePhoneNumber(ctx, w.a, []chime.PhoneNumberUpdateItem{{ID: w.ordered[1],
		PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: ptr(chime.VoiceConnector)}}})
	if err != nil || len(errs) > 0 {
		w.t.Errorf("BatchUpdatePhoneNumber: %+v %v", errs, err)
	}
	// A new number to a fixture's user (the LWA account's deletion
	// later takes it back).
	user := w.registered[0].str("id")
	if err := numbers.AssociatePhoneNumberWithUser(ctx, w.a, lwa, user, w.ordered[0]); err != nil {
		w.t.Errorf("AssociatePhoneNumberWithUser: %v", err)
	}
	if got := w.user(w.lwa, user); got.PhoneNumber != w.ordered[0] {
		w.t.Errorf("the user's number after AssociatePhoneNumberWithUser: %q", got.PhoneNumber)
	}

	// Settings: a default calling name set in the fixture less than the
	// minimum interval ago cannot change yet; the other AWS account's can.
	settings := w.svc.Settings
	r := w.settingsRow(w.a)
	err = settings.UpdatePhoneNumberSettings(ctx, w.a, "Upgrade Co")
	if !r.null("calling_name_updated_at") && w.clock.Now().Before(r.time("calling_name_updated_at").Add(timings.CallingNameMinInterval)) {
		w.kind("UpdatePhoneNumberSettings within the interval of the fixture's change", err, chime.BadRequest)
	} else if err != nil {
		w.t.Errorf("UpdatePhoneNumberSettings: %v", err)
	}
	if err := settings.UpdatePhoneNumberSettings(ctx, w.b, "Beta Co"); err != nil {
		w.t.Errorf("UpdatePhoneNumberSettings: %v", err)
	}
	if got, err := settings.GetPhoneNumberSettings(ctx, w.b); err != nil || got.CallingName != "Beta Co" || !got.UpdatedAt.Equal(w.clock.Now()) {
		w.t.Errorf("GetPhoneNumberSettings after the update: %+v %v", got, err)
	}
	if err := settings.UpdateGlobalSettings(ctx, w.a, chime.GlobalSettingsUpdate{VoiceConnectorCdrBucket: ptr("upgrade-voice-cdr")}); err != nil {
		w.t.Errorf("UpdateGlobalSettings: %v", err)
	}
	wantGlobal := chime.GlobalSettings{BusinessCallingCdrBucket: r.str("business_calling_cdr_bucket"), VoiceConnectorCdrBucket: "upgrade-voice-cdr"}
	if got, err := settings.GetGlobalSettings(ctx, w.a); err != nil || *got != wantGlobal {
		w.t.Errorf("GetGlobalSettings after the update: %+v %v, want %+v", got, err, wantGlobal)
	}
}

// ownerAccountOf returns the Chime account of owner A's user id.
func (w *writer) ownerAccountOf(userID string) string {
	for _, r := range w.before["users"] {
		if r.str("id") == userID && r.str("aws_account_id") == w.a {
			return r.str("account_id")
		}
	}
	w.t.Fatalf("no user %s in the fixture", userID)
	return ""
}

func (w *writer) chat() {
	ctx, rooms, bots := w.ctx, w.svc.Rooms, w.svc.Bots
	dir, caller := w.dir.str("id"), "arn:aws:iam::"+w.a+":root"
	fixtureRooms := w.in("rooms", w.dir)
	created, err := rooms.CreateRoom(ctx, w.a, caller, dir, chime.NewRoom{Name: "Upgrade Room"})
	if err != nil {
		w.t.Fatalf("CreateRoom: %v", err)
	}
	w.equal("ListRooms after CreateRoom", ids(w.listRooms(w.a, dir, "", 1), func(r chime.Room) string { return r.ID }),
		append(column(fixtureRooms, "id"), created.ID))
	// A token the fixture's room was created with still names it.
	for _, r := range fixtureRooms {
		if r.null("client_request_token") || !w.clock.Now().Before(r.time("created_at").Add(chime.RoomTokenLifetime)) {
			continue
		}
		again, err := rooms.CreateRoom(ctx, w.a, caller, dir, chime.NewRoom{Name: r.str("client_request_name"), ClientRequestToken: r.str("client_request_token")})
		if err != nil || again.ID != r.str("id") {
			w.t.Errorf("CreateRoom with the token of the fixture's room %s: %+v %v", r.str("id"), again, err)
		}
	}

	// Memberships of a fixture's room (of the new one before rooms).
	room, members := created.ID, []row(nil)
	if len(fixtureRooms) > 0 {
		room = fixtureRooms[0].str("id")
		members = where(w.in("room_memberships", w.dir), func(m row) bool { return m.str("room_id") == room })
	}
	var joiner string
	for _, r := range w.usersOf(w.dir) {
		if r.str("registration") == string(chime.Registered) && !slices.Contains(column(members, "member_id"), r.str("id")) {
			joiner = r.str("id")
			break
		}
	}
	added, err := rooms.CreateRoomMembership(ctx, w.a, caller, dir, room, chime.MembershipItem{MemberID: joiner})
	if err != nil {
		w.t.Fatalf("CreateRoomMembership of the fixture's user %s: %v", joiner, err)
	}
	listed := w.listMemberships(w.a, dir, room, 1)
	w.equal("ListRoomMemberships after CreateRoomMembership", ids(listed, func(m chime.RoomMembership) string { return m.Member.ID }),
		append(column(members, "member_id"), added.Member.ID))
	if len(members) > 0 {
		first, last := members[0].str("member_id"), members[len(members)-1].str("member_id")
		role := chime.RoomMember
		if members[0].str("role") == string(chime.RoomMember) {
			role = chime.RoomAdministrator
		}
		if got, err := rooms.UpdateRoomMembership(ctx, w.a, dir, room, first, &role); err != nil || got.Role != role {
			w.t.Errorf("UpdateRoomMembership of the fixture's member: %+v %v", got, err)
		}
		if _, err := rooms.DeleteRoomMembership(ctx, w.a, dir, room, last); err != nil {
			w.t.Errorf("DeleteRoomMembership of the fixture's member: %v", err)
		}
		if slices.Contains(ids(w.listMemberships(w.a, dir, room, 2), func(m chime.RoomMembership) string { return m.Member.ID }), last) {
			w.t.Errorf("the fixture's member %s is still listed after DeleteRoomMembership", last)
		}
	}
	if got, err := rooms.UpdateRoom(ctx, w.a, dir, room, ptr("Upgrade Renamed")); err != nil || got.Name != "Upgrade Renamed" {
		w.t.Errorf("UpdateRoom: %+v %v", got, err)
	}

	// Bots: a new one is listed after the fixture's; a fixture bot's
	// address stays taken; a fixture bot changes.
	fixtureBots := w.in("bots", w.dir)
	bot, err := bots.CreateBot(ctx, w.a, dir, "Upgrade Bot", "")
	if err != nil {
		w.t.Fatalf("CreateBot: %v", err)
	}
	w.equal("ListBots after CreateBot", ids(w.listBots(w.a, dir, 1), func(b chime.Bot) string { return b.ID }),
		append(column(fixtureBots, "id"), bot.ID))
	for _, b := range fixtureBots {
		name := strings.TrimSuffix(b.str("display_name"), chime.BotSuffix)
		_, domain, _ := strings.Cut(b.str("email"), "@")
		// The service refused it as a bad request, not a conflict.
		_, err := bots.CreateBot(ctx, w.a, dir, name, domain)
		w.kind("CreateBot with the name and domain of the fixture's bot "+b.str("id"), err, chime.BadRequest)
	}
	target := *bot
	if len(fixtureBots) > 0 {
		target = wantBot(fixtureBots[0])
	}
	if got, err := bots.UpdateBot(ctx, w.a, dir, target.ID, ptr(!target.Disabled)); err != nil || got.Disabled == target.Disabled {
		w.t.Errorf("UpdateBot: %+v %v", got, err)
	}
	if got, err := bots.RegenerateSecurityToken(ctx, w.a, dir, target.ID); err != nil || got.SecurityToken == target.SecurityToken {
		w.t.Errorf("RegenerateSecurityToken: %+v %v", got, err)
	}
	config := chime.EventsConfiguration{BotID: target.ID, LambdaFunctionARN: "arn:aws:lambda:us-east-1:" + w.a + ":function:upgrade"}
	if _, err := bots.PutEventsConfiguration(ctx, w.a, dir, target.ID, config); err != nil {
		w.t.Errorf("PutEventsConfiguration: %v", err)
	}
	if got, err := bots.GetEventsConfiguration(ctx, w.a, dir, target.ID); err != nil || *got != config {
		w.t.Errorf("GetEventsConfiguration after the put: %+v %v", got, err)
	}
	if err := bots.DeleteEventsConfiguration(ctx, w.a, dir, target.ID); err != nil {
		w.t.Errorf("DeleteEventsConfiguration: %v", err)
	}
	_, err = bots.GetEventsConfiguration(ctx, w.a, dir, target.ID)
	w.kind("GetEventsConfiguration after the deletion", err, chime.NotFound)

	retention := w.svc.Retention
	if _, err := retention.PutRetentionSettings(ctx, w.a, dir, chime.RetentionSettings{RoomDays: 90}); err != nil {
		w.t.Errorf("PutRetentionSettings: %v", err)
	}
	if got, err := retention.GetRetentionSettings(ctx, w.a, dir); err != nil || got.RoomDays != 90 || got.ConversationDays != 0 {
		w.t.Errorf("GetRetentionSettings after the put: %+v %v", got, err)
	}

	// A fixture's room goes with its memberships.
	if _, err := rooms.DeleteRoom(ctx, w.a, dir, room); err != nil {
		w.t.Errorf("DeleteRoom: %v", err)
	}
	_, err = rooms.GetRoom(ctx, w.a, dir, room)
	w.kind("GetRoom after DeleteRoom", err, chime.NotFound)
	if slices.ContainsFunc(w.listRooms(w.a, dir, joiner, 2), func(r chime.Room) bool { return r.ID == room }) {
		w.t.Errorf("ListRooms of a member still lists the deleted room")
	}
}

func (w *writer) deletions() {
	ctx, accounts, users := w.ctx, w.svc.Accounts, w.svc.Users
	// A Team account's users leave it; then it goes.
	team := w.team.str("id")
	leaving := ids(w.listUsers(w.a, team, chime.UserFilter{}), userID)
	errs, err := users.BatchSuspendUser(ctx, w.a, team, leaving)
	w.noUserErrors("BatchSuspendUser of the Team account's users", errs, err)
	if err := accounts.DeleteAccount(ctx, w.a, team); err != nil {
		w.t.Errorf("DeleteAccount of the fixture's Team account: %v", err)
	}
	_, err = accounts.GetAccount(ctx, w.a, team)
	w.kind("GetAccount after DeleteAccount", err, chime.NotFound)

	// An LWA account whose users are all suspended goes; the number one
	// of them had is unassigned.
	lwa := w.lwa.str("id")
	var active []string
	for _, u := range w.listUsers(w.a, lwa, chime.UserFilter{}) {
		if u.Registration != chime.Suspended {
			active = append(active, u.ID)
		}
	}
	errs, err = users.BatchSuspendUser(ctx, w.a, lwa, active)
	w.noUserErrors("BatchSuspendUser of the LWA account's users", errs, err)
	if err := accounts.DeleteAccount(ctx, w.a, lwa); err != nil {
		w.t.Errorf("DeleteAccount of the fixture's LWA account: %v", err)
	}
	for _, r := range w.usersOf(w.lwa) {
		_, err := users.GetUser(ctx, w.a, lwa, r.str("id"))
		w.kind("GetUser of a deleted account's user", err, chime.NotFound)
	}
	if len(w.ordered) > 0 {
		got, err := w.svc.PhoneNumbers.GetPhoneNumber(ctx, w.a, w.ordered[0])
		if err != nil || got.Status != chime.Unassigned || len(got.Associations) != 0 {
			w.t.Errorf("the number of a deleted account's user: %+v %v", got, err)
		}
	}

	// A deleted number is released once its retention has passed.
	if len(w.ordered) > 1 {
		numbers := w.svc.PhoneNumbers
		if err := numbers.DeletePhoneNumber(ctx, w.a, w.ordered[1]); err != nil {
			w.t.Errorf("DeletePhoneNumber: %v", err)
		}
		w.clock.advance(timings.DeletionRetention + time.Minute)
		if n, err := numbers.SweepPhoneNumbers(ctx); err != nil || n < 1 {
			w.t.Errorf("SweepPhoneNumbers: %d %v", n, err)
		}
		_, err := numbers.GetPhoneNumber(ctx, w.a, w.ordered[1])
		w.kind("GetPhoneNumber of a released number", err, chime.NotFound)
	}
}
