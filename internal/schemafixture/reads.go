package schemafixture

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/openchime/chime"
)

// What each table's rows are read back through. A table of the upgraded
// schema is either here or in unread, with the reason; a new table fails
// the test until its rows are read back (covered).
func (u *upgrade) readers() map[string]func() {
	return map[string]func(){
		"accounts":                  u.readAccounts,
		"users":                     u.readUsers,
		"phone_numbers":             u.readPhoneNumbers,
		"phone_number_orders":       u.readOrders,
		"aws_account_settings":      u.readSettings,
		"rooms":                     u.readRooms,
		"room_memberships":          u.readMemberships,
		"bots":                      u.readBots,
		"bot_events_configurations": u.readEventsConfigurations,
		"retention_settings":        u.readRetention,
	}
}

var unread = map[string]string{
	"meta":              "the installation's secrets, which no operation returns; kept checks their rows",
	"schema_migrations": "the versions, checked after the upgrade",
}

// covered checks that the fixture holds what its version could store, so
// that every kind of row is read back: rows in each table, accounts of
// every type and a suspended one, users of every type and state, two AWS
// accounts; and that every table is read back.
func (u *upgrade) covered() {
	t := u.t
	for table, rows := range u.before {
		if len(rows) == 0 {
			t.Errorf("the fixture's %s is empty: regenerate it with a populate step for it", table)
		}
	}
	accounts, users := u.before["accounts"], u.before["users"]
	for _, at := range chime.AccountTypes {
		if len(where(accounts, func(r row) bool { return r.str("account_type") == string(at) })) == 0 {
			t.Errorf("the fixture has no %s account", at)
		}
	}
	if len(where(accounts, func(r row) bool { return r.str("status") == string(chime.AccountSuspended) })) == 0 {
		t.Errorf("the fixture has no suspended account")
	}
	if len(u.owners()) < 2 {
		t.Errorf("the fixture has fewer than two AWS accounts")
	}
	for _, ut := range chime.UserTypes {
		if len(where(users, func(r row) bool { return r.str("user_type") == string(ut) })) == 0 {
			t.Errorf("the fixture has no %s user", ut)
		}
	}
	for _, rs := range chime.RegistrationStatuses {
		if len(where(users, func(r row) bool { return r.str("registration") == string(rs) })) == 0 {
			t.Errorf("the fixture has no %s user", rs)
		}
	}
	readers := u.readers()
	for table := range u.after {
		if _, ok := readers[table]; !ok && unread[table] == "" {
			t.Errorf("no check reads the rows of %s back: add one to schemafixture's readers", table)
		}
	}
}

// reads checks every get and list operation on what the fixture holds
// against the fixture's rows.
func (u *upgrade) reads() {
	readers := u.readers()
	for _, table := range slices.Sorted(maps.Keys(readers)) {
		u.t.Run("read "+table, func(t *testing.T) {
			defer u.on(t)()
			readers[table]()
		})
	}
}

// on makes u report to t until the returned function runs.
func (u *upgrade) on(t *testing.T) func() {
	saved := u.t
	u.t = t
	return func() { u.t = saved }
}

// owners lists the fixture's AWS accounts, the first account's first.
func (u *upgrade) owners() []string {
	var out []string
	for _, r := range u.before["accounts"] {
		if o := r.str("aws_account_id"); !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

func (u *upgrade) equal(what string, got, want any) {
	u.t.Helper()
	if !reflect.DeepEqual(got, want) {
		u.t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// kind checks that err is of kind k.
func (u *upgrade) kind(what string, err error, k chime.Kind) {
	u.t.Helper()
	if chime.KindOf(err) != k || err == nil {
		u.t.Errorf("%s: %v, want %v", what, err, k)
	}
}

// listAll reads every page of a list, two items a page, so that the
// cursors are crossed.
func listAll[T any](u *upgrade, what string, list func(chime.PageRequest) ([]T, string, error)) []T {
	u.t.Helper()
	return listPages(u, what, 2, list)
}

func listPages[T any](u *upgrade, what string, limit int, list func(chime.PageRequest) ([]T, string, error)) []T {
	u.t.Helper()
	all := []T{}
	p := chime.PageRequest{Limit: limit}
	for range 10000 {
		items, next, err := list(p)
		if err != nil {
			u.t.Errorf("%s: %v", what, err)
			return all
		}
		all = append(all, items...)
		if next == "" {
			return all
		}
		p.Cursor = next
	}
	u.t.Errorf("%s: no last page", what)
	return all
}

// Accounts.

func wantAccount(r row) (chime.Account, error) {
	a := chime.Account{AwsAccountID: r.str("aws_account_id"), ID: r.str("id"), Name: r.str("name"),
		Type: chime.AccountType(r.str("account_type")), CreatedAt: r.time("created_at"),
		DefaultLicense: chime.License(r.str("default_license")), SupportedLicenses: []chime.License{},
		Status: chime.AccountStatus(r.str("status")), SigninDelegateGroups: []string{}}
	for _, l := range strings.Split(r.str("supported_licenses"), ",") {
		if l != "" {
			a.SupportedLicenses = append(a.SupportedLicenses, chime.License(l))
		}
	}
	return a, r.json("signin_delegate_groups", &a.SigninDelegateGroups)
}

func (u *upgrade) readAccounts() {
	for _, r := range u.before["accounts"] {
		want, err := wantAccount(r)
		if err != nil {
			u.t.Fatal(err)
		}
		got, err := u.svc.Accounts.GetAccount(u.ctx, want.AwsAccountID, want.ID)
		if err != nil {
			u.t.Errorf("GetAccount %s: %v", want.ID, err)
			continue
		}
		u.equal("GetAccount "+want.ID, *got, want)
		settings, err := u.svc.Accounts.GetAccountSettings(u.ctx, want.AwsAccountID, want.ID)
		if err != nil {
			u.t.Errorf("GetAccountSettings %s: %v", want.ID, err)
		} else {
			u.equal("GetAccountSettings "+want.ID, *settings, chime.AccountSettings{
				DisableRemoteControl: r.bool("disable_remote_control"), EnableDialOut: r.bool("enable_dial_out")})
		}
		page, err := u.svc.Accounts.ListAccounts(u.ctx, want.AwsAccountID, chime.AccountFilter{NamePrefix: want.Name}, chime.PageRequest{})
		if err != nil || !slices.ContainsFunc(page.Accounts, func(a chime.Account) bool { return a.ID == want.ID }) {
			u.t.Errorf("ListAccounts by the name %q does not find %s: %+v %v", want.Name, want.ID, page, err)
		}
	}
	for _, owner := range u.owners() {
		got := listAll(u, "ListAccounts", func(p chime.PageRequest) ([]chime.Account, string, error) {
			page, err := u.svc.Accounts.ListAccounts(u.ctx, owner, chime.AccountFilter{}, p)
			if err != nil {
				return nil, "", err
			}
			return page.Accounts, page.Next, nil
		})
		var want []chime.Account
		for _, r := range where(u.before["accounts"], func(r row) bool { return r.str("aws_account_id") == owner }) {
			a, _ := wantAccount(r)
			want = append(want, a)
		}
		u.equal("ListAccounts "+owner, got, want)
	}
	// By a user's address: the account of the user that holds it.
	for _, r := range u.before["users"] {
		owner := r.str("aws_account_id")
		page, err := u.svc.Accounts.ListAccounts(u.ctx, owner, chime.AccountFilter{UserEmail: r.str("email")}, chime.PageRequest{})
		if err != nil {
			u.t.Errorf("ListAccounts by the address of %s: %v", r.str("id"), err)
			continue
		}
		var want []string
		for _, h := range u.holders(r) {
			want = append(want, h.str("account_id"))
		}
		var got []string
		for _, a := range page.Accounts {
			got = append(got, a.ID)
		}
		u.equal("ListAccounts by the address of "+r.str("id"), got, want)
	}
}

// Users.

func wantUser(r row) chime.User {
	return chime.User{ID: r.str("id"), AccountID: r.str("account_id"), Email: r.str("email"), PhoneNumber: r.str("phone_number"),
		DisplayName: r.str("display_name"), License: chime.License(r.str("license")), Type: chime.UserType(r.str("user_type")),
		Registration: chime.RegistrationStatus(r.str("registration")), Invitation: chime.InviteStatus(r.str("invitation")),
		RegisteredOn: r.time("registered_on"), InvitedOn: r.time("invited_on"),
		AlexaForBusiness: chime.AlexaForBusinessMetadata{Enabled: r.bool("a4b_enabled"), RoomARN: r.str("a4b_room_arn")},
		PersonalPIN:      r.str("personal_pin")}
}

// emailKey is the address a user's key holds after the upgrade: a user
// that lost its key to a look-alike keeps it followed by a line break
// and its id.
func emailKey(after row) string {
	k, _, _ := strings.Cut(after.str("email_key"), "\n")
	return k
}

// afterRow is a fixture row as it is after the upgrade.
func (u *upgrade) afterRow(table string, r row) row {
	for _, a := range u.after[table] {
		if key(a) == key(r) {
			return a
		}
	}
	u.t.Fatalf("%s %v is gone", table, key(r))
	return nil
}

// holders are the users, after the upgrade, that hold the address of
// user r among its AWS account's: r itself, or the look-alike that kept
// the key.
func (u *upgrade) holders(r row) []row {
	k := emailKey(u.afterRow("users", r))
	return where(u.after["users"], func(a row) bool {
		return a.str("aws_account_id") == r.str("aws_account_id") && a.str("email_key") == k
	})
}

func (u *upgrade) usersOf(account row) []row {
	return where(u.before["users"], func(r row) bool {
		return r.str("aws_account_id") == account.str("aws_account_id") && r.str("account_id") == account.str("id")
	})
}

func (u *upgrade) listUsers(owner, accountID string, f chime.UserFilter) []chime.User {
	return listAll(u, fmt.Sprintf("ListUsers %s %+v", accountID, f), func(p chime.PageRequest) ([]chime.User, string, error) {
		page, err := u.svc.Users.ListUsers(u.ctx, owner, accountID, f, p)
		if err != nil {
			return nil, "", err
		}
		return page.Users, page.Next, nil
	})
}

func ids[T any](items []T, id func(T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func userID(u chime.User) string { return u.ID }

func (u *upgrade) readUsers() {
	for _, r := range u.before["users"] {
		owner, want := r.str("aws_account_id"), wantUser(r)
		got, err := u.svc.Users.GetUser(u.ctx, owner, want.AccountID, want.ID)
		if err != nil {
			u.t.Errorf("GetUser %s: %v", want.ID, err)
			continue
		}
		u.equal("GetUser "+want.ID, *got, want)
		settings, err := u.svc.Users.GetUserSettings(u.ctx, owner, want.AccountID, want.ID)
		if err != nil {
			u.t.Errorf("GetUserSettings %s: %v", want.ID, err)
		} else {
			u.equal("GetUserSettings "+want.ID, *settings, chime.UserSettings{Telephony: chime.TelephonySettings{
				InboundCalling: r.bool("inbound_calling"), OutboundCalling: r.bool("outbound_calling"), SMS: r.bool("sms")}})
		}
		// By address: the user that holds it in this account.
		got2 := u.listUsers(owner, want.AccountID, chime.UserFilter{Email: want.Email})
		holders := where(u.holders(r), func(h row) bool { return h.str("account_id") == want.AccountID })
		u.equal("ListUsers by the address of "+want.ID, ids(got2, userID), column(holders, "id"))
	}
	for _, account := range u.before["accounts"] {
		owner, id := account.str("aws_account_id"), account.str("id")
		users := u.usersOf(account)
		var want []chime.User
		for _, r := range users {
			want = append(want, wantUser(r))
		}
		if want == nil {
			want = []chime.User{}
		}
		u.equal("ListUsers "+id, u.listUsers(owner, id, chime.UserFilter{}), want)
		// Each type and state, alone and together.
		for _, ut := range append([]chime.UserType{""}, chime.UserTypes...) {
			for _, rs := range append([]chime.RegistrationStatus{""}, chime.RegistrationStatuses...) {
				if ut == "" && rs == "" {
					continue
				}
				f := chime.UserFilter{Type: ut, Registration: rs}
				match := where(users, func(r row) bool {
					return (ut == "" || r.str("user_type") == string(ut)) && (rs == "" || r.str("registration") == string(rs))
				})
				u.equal(fmt.Sprintf("ListUsers %s %+v", id, f), ids(u.listUsers(owner, id, f), userID), column(match, "id"))
			}
		}
		// Prefixes of each address, listed in key order.
		var after []row
		for _, r := range users {
			after = append(after, u.afterRow("users", r))
		}
		seen := map[string]bool{}
		for _, a := range after {
			prefix := string([]rune(emailKey(a))[:3])
			if seen[prefix] {
				continue
			}
			seen[prefix] = true
			match := where(after, func(b row) bool { return strings.HasPrefix(b.str("email_key"), prefix) })
			sort.Slice(match, func(i, j int) bool { return match[i].str("email_key") < match[j].str("email_key") })
			f := chime.UserFilter{EmailPrefix: prefix}
			u.equal(fmt.Sprintf("ListUsers %s %+v", id, f), ids(u.listUsers(owner, id, f), userID), column(match, "id"))
		}
	}
}

// Phone numbers, orders and settings. The store's timings are the
// defaults (sqlstore.Options leaves them zero).

var timings = chime.DefaultPhoneNumberTimings

func phoneRecord(r row) (chime.PhoneNumberRecord, error) {
	var stored []struct {
		Name         string
		Value        string
		AssociatedAt int64
	}
	if err := r.json("associations", &stored); err != nil {
		return chime.PhoneNumberRecord{}, err
	}
	n := chime.PhoneNumberRecord{PhoneNumber: chime.PhoneNumber{E164: r.str("e164"), Country: r.str("country"),
		Type: chime.PhoneNumberType(r.str("number_type")), ProductType: chime.PhoneNumberProductType(r.str("product_type")),
		Status: chime.PhoneNumberStatus(r.str("status")), Capabilities: chime.PhoneNumberCapabilities{
			InboundCall: r.bool("inbound_call"), OutboundCall: r.bool("outbound_call"), InboundSMS: r.bool("inbound_sms"),
			OutboundSMS: r.bool("outbound_sms"), InboundMMS: r.bool("inbound_mms"), OutboundMMS: r.bool("outbound_mms")},
		Associations: []chime.PhoneNumberAssociation{}, CallingName: r.str("calling_name"),
		CallingNameStatus: chime.CallingNameStatus(r.str("calling_name_status")), CreatedAt: r.time("created_at"),
		UpdatedAt: r.time("updated_at"), DeletedAt: r.time("deleted_at")},
		AcquiredAt: r.time("acquired_at"), CallingNameSetAt: r.time("calling_name_set_at")}
	for _, a := range stored {
		n.Associations = append(n.Associations, chime.PhoneNumberAssociation{Name: chime.PhoneNumberAssociationName(a.Name),
			Value: a.Value, AssociatedAt: timeOf(a.AssociatedAt)})
	}
	return n, nil
}

// livePhoneNumbers are the fixture's numbers an owner still holds now,
// as the API shows them, by number.
func (u *upgrade) livePhoneNumbers() map[string]chime.PhoneNumber {
	live := map[string]chime.PhoneNumber{}
	for _, r := range u.before["phone_numbers"] {
		rec, err := phoneRecord(r)
		if err != nil {
			u.t.Fatal(err)
		}
		if n, ok := rec.At(u.clock.Now(), timings); ok {
			live[n.E164] = n
		}
	}
	return live
}

func (u *upgrade) ownerOf(table, col, value string) string {
	for _, r := range u.before[table] {
		if r.str(col) == value {
			return r.str("aws_account_id")
		}
	}
	return ""
}

func (u *upgrade) readPhoneNumbers() {
	live := u.livePhoneNumbers()
	for _, r := range u.before["phone_numbers"] {
		owner, e164 := r.str("aws_account_id"), r.str("e164")
		got, err := u.svc.PhoneNumbers.GetPhoneNumber(u.ctx, owner, e164)
		want, ok := live[e164]
		if !ok {
			u.kind("GetPhoneNumber of a released number "+e164, err, chime.NotFound)
			continue
		}
		if err != nil {
			u.t.Errorf("GetPhoneNumber %s: %v", e164, err)
			continue
		}
		u.equal("GetPhoneNumber "+e164, *got, want)
		for _, other := range u.owners() {
			if other != owner {
				_, err := u.svc.PhoneNumbers.GetPhoneNumber(u.ctx, other, e164)
				u.kind("GetPhoneNumber of another AWS account's number", err, chime.NotFound)
			}
		}
	}
	for _, owner := range u.owners() {
		want := []chime.PhoneNumber{}
		for _, n := range live {
			if u.ownerOf("phone_numbers", "e164", n.E164) == owner {
				want = append(want, n)
			}
		}
		sort.Slice(want, func(i, j int) bool { return want[i].E164 < want[j].E164 })
		got := listAll(u, "ListPhoneNumbers", func(p chime.PageRequest) ([]chime.PhoneNumber, string, error) {
			page, err := u.svc.PhoneNumbers.ListPhoneNumbers(u.ctx, owner, chime.PhoneNumberFilter{}, p)
			if err != nil {
				return nil, "", err
			}
			return page.PhoneNumbers, page.Next, nil
		})
		u.equal("ListPhoneNumbers "+owner, got, want)
		for _, pt := range chime.PhoneNumberProductTypes {
			match := []string{}
			for _, n := range want {
				if n.ProductType == pt {
					match = append(match, n.E164)
				}
			}
			got := listAll(u, "ListPhoneNumbers", func(p chime.PageRequest) ([]chime.PhoneNumber, string, error) {
				page, err := u.svc.PhoneNumbers.ListPhoneNumbers(u.ctx, owner, chime.PhoneNumberFilter{ProductType: pt}, p)
				if err != nil {
					return nil, "", err
				}
				return page.PhoneNumbers, page.Next, nil
			})
			u.equal("ListPhoneNumbers "+owner+" "+string(pt), ids(got, func(n chime.PhoneNumber) string { return n.E164 }), match)
		}
	}
}

func orderRecord(r row) (chime.PhoneNumberOrderRecord, error) {
	o := chime.PhoneNumberOrderRecord{ID: r.str("id"), ProductType: chime.PhoneNumberProductType(r.str("product_type")),
		CreatedAt: r.time("created_at"), CompletesAt: r.time("completes_at"), Numbers: []chime.OrderedNumberRecord{}}
	var stored []struct {
		E164     string
		Reserved bool
	}
	if err := r.json("numbers", &stored); err != nil {
		return o, err
	}
	for _, n := range stored {
		o.Numbers = append(o.Numbers, chime.OrderedNumberRecord{E164: n.E164, Reserved: n.Reserved})
	}
	return o, nil
}

// ordersOf are owner's orders in the fixture, in the order the API
// lists them (by creation, then id).
func (u *upgrade) ordersOf(owner string) []chime.PhoneNumberOrder {
	rows := where(u.before["phone_number_orders"], func(r row) bool { return r.str("aws_account_id") == owner })
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		return a.int("created_at") < b.int("created_at") || a.int("created_at") == b.int("created_at") && a.str("id") < b.str("id")
	})
	out := []chime.PhoneNumberOrder{}
	for _, r := range rows {
		rec, err := orderRecord(r)
		if err != nil {
			u.t.Fatal(err)
		}
		out = append(out, rec.At(u.clock.Now()))
	}
	return out
}

func (u *upgrade) listOrders(owner string, limit int) []chime.PhoneNumberOrder {
	return listPages(u, "ListPhoneNumberOrders", limit, func(p chime.PageRequest) ([]chime.PhoneNumberOrder, string, error) {
		page, err := u.svc.PhoneNumbers.ListPhoneNumberOrders(u.ctx, owner, p)
		if err != nil {
			return nil, "", err
		}
		return page.Orders, page.Next, nil
	})
}

func (u *upgrade) readOrders() {
	for _, owner := range u.owners() {
		want := u.ordersOf(owner)
		for _, o := range want {
			got, err := u.svc.PhoneNumbers.GetPhoneNumberOrder(u.ctx, owner, o.ID)
			if err != nil {
				u.t.Errorf("GetPhoneNumberOrder %s: %v", o.ID, err)
				continue
			}
			u.equal("GetPhoneNumberOrder "+o.ID, *got, o)
		}
		u.equal("ListPhoneNumberOrders "+owner, u.listOrders(owner, 2), want)
	}
}

func (u *upgrade) settingsRow(owner string) row {
	for _, r := range u.before["aws_account_settings"] {
		if r.str("aws_account_id") == owner {
			return r
		}
	}
	return row{}
}

func (u *upgrade) readSettings() {
	for _, owner := range u.owners() {
		r := u.settingsRow(owner)
		pn, err := u.svc.Settings.GetPhoneNumberSettings(u.ctx, owner)
		if err != nil {
			u.t.Errorf("GetPhoneNumberSettings %s: %v", owner, err)
		} else {
			u.equal("GetPhoneNumberSettings "+owner, *pn, chime.PhoneNumberSettings{CallingName: r.str("calling_name"),
				UpdatedAt: r.time("calling_name_updated_at")})
		}
		g, err := u.svc.Settings.GetGlobalSettings(u.ctx, owner)
		if err != nil {
			u.t.Errorf("GetGlobalSettings %s: %v", owner, err)
		} else {
			u.equal("GetGlobalSettings "+owner, *g, chime.GlobalSettings{BusinessCallingCdrBucket: r.str("business_calling_cdr_bucket"),
				VoiceConnectorCdrBucket: r.str("voice_connector_cdr_bucket")})
		}
	}
}

// Rooms, memberships, bots, events configurations, retention.

func wantRoom(r row) chime.Room {
	return chime.Room{ID: r.str("id"), Name: r.str("name"), AccountID: r.str("account_id"), CreatedBy: r.str("created_by"),
		CreatedAt: r.time("created_at"), UpdatedAt: r.time("updated_at")}
}

func wantMembership(r row) chime.RoomMembership {
	return chime.RoomMembership{RoomID: r.str("room_id"), Member: chime.Member{ID: r.str("member_id"),
		Type: chime.MemberType(r.str("member_type")), Email: r.str("email"), FullName: r.str("full_name"), AccountID: r.str("account_id")},
		Role: chime.RoomMembershipRole(r.str("role")), InvitedBy: r.str("invited_by"), UpdatedAt: r.time("updated_at")}
}

func wantBot(r row) chime.Bot {
	return chime.Bot{ID: r.str("id"), AccountID: r.str("account_id"), DisplayName: r.str("display_name"), Email: r.str("email"),
		Disabled: r.bool("disabled"), SecurityToken: r.str("security_token"), CreatedAt: r.time("created_at"), UpdatedAt: r.time("updated_at")}
}

// enterprise lists the fixture's Enterprise accounts.
func (u *upgrade) enterprise() []row {
	return where(u.before["accounts"], func(r row) bool { return chime.AccountType(r.str("account_type")).IsEnterprise() })
}

// in keeps the rows of table that belong to account.
func (u *upgrade) in(table string, account row) []row {
	return where(u.before[table], func(r row) bool {
		return r.str("aws_account_id") == account.str("aws_account_id") && r.str("account_id") == account.str("id")
	})
}

func (u *upgrade) listRooms(owner, accountID, memberID string, limit int) []chime.Room {
	return listPages(u, "ListRooms "+accountID, limit, func(p chime.PageRequest) ([]chime.Room, string, error) {
		page, err := u.svc.Rooms.ListRooms(u.ctx, owner, accountID, memberID, p)
		if err != nil {
			return nil, "", err
		}
		return page.Rooms, page.Next, nil
	})
}

func (u *upgrade) readRooms() {
	for _, r := range u.before["rooms"] {
		want := wantRoom(r)
		got, err := u.svc.Rooms.GetRoom(u.ctx, r.str("aws_account_id"), want.AccountID, want.ID)
		if err != nil {
			u.t.Errorf("GetRoom %s: %v", want.ID, err)
			continue
		}
		u.equal("GetRoom "+want.ID, *got, want)
	}
	for _, account := range u.enterprise() {
		owner, id := account.str("aws_account_id"), account.str("id")
		rooms := u.in("rooms", account)
		want := []chime.Room{}
		for _, r := range rooms {
			want = append(want, wantRoom(r))
		}
		u.equal("ListRooms "+id, u.listRooms(owner, id, "", 2), want)
		// The rooms of each member.
		for _, m := range u.in("room_memberships", account) {
			member := m.str("member_id")
			var of []string
			for _, r := range rooms {
				if len(where(u.in("room_memberships", account), func(x row) bool {
					return x.str("room_id") == r.str("id") && x.str("member_id") == member
				})) > 0 {
					of = append(of, r.str("id"))
				}
			}
			u.equal("ListRooms of the member "+member, ids(u.listRooms(owner, id, member, 2), func(r chime.Room) string { return r.ID }), of)
		}
	}
}

func (u *upgrade) listMemberships(owner, accountID, roomID string, limit int) []chime.RoomMembership {
	return listPages(u, "ListRoomMemberships "+roomID, limit, func(p chime.PageRequest) ([]chime.RoomMembership, string, error) {
		page, err := u.svc.Rooms.ListRoomMemberships(u.ctx, owner, accountID, roomID, p)
		if err != nil {
			return nil, "", err
		}
		return page.Memberships, page.Next, nil
	})
}

func (u *upgrade) readMemberships() {
	for _, room := range u.before["rooms"] {
		owner, account, id := room.str("aws_account_id"), room.str("account_id"), room.str("id")
		want := []chime.RoomMembership{}
		for _, m := range where(u.before["room_memberships"], func(m row) bool {
			return m.str("aws_account_id") == owner && m.str("account_id") == account && m.str("room_id") == id
		}) {
			want = append(want, wantMembership(m))
		}
		u.equal("ListRoomMemberships "+id, u.listMemberships(owner, account, id, 2), want)
	}
}

func (u *upgrade) listBots(owner, accountID string, limit int) []chime.Bot {
	return listPages(u, "ListBots "+accountID, limit, func(p chime.PageRequest) ([]chime.Bot, string, error) {
		page, err := u.svc.Bots.ListBots(u.ctx, owner, accountID, p)
		if err != nil {
			return nil, "", err
		}
		return page.Bots, page.Next, nil
	})
}

func (u *upgrade) readBots() {
	for _, r := range u.before["bots"] {
		want := wantBot(r)
		got, err := u.svc.Bots.GetBot(u.ctx, r.str("aws_account_id"), want.AccountID, want.ID)
		if err != nil {
			u.t.Errorf("GetBot %s: %v", want.ID, err)
			continue
		}
		u.equal("GetBot "+want.ID, *got, want)
	}
	for _, account := range u.enterprise() {
		want := []chime.Bot{}
		for _, r := range u.in("bots", account) {
			want = append(want, wantBot(r))
		}
		u.equal("ListBots "+account.str("id"), u.listBots(account.str("aws_account_id"), account.str("id"), 1), want)
	}
}

func (u *upgrade) readEventsConfigurations() {
	for _, b := range u.before["bots"] {
		owner, account, id := b.str("aws_account_id"), b.str("account_id"), b.str("id")
		got, err := u.svc.Bots.GetEventsConfiguration(u.ctx, owner, account, id)
		configs := where(u.before["bot_events_configurations"], func(c row) bool {
			return c.str("aws_account_id") == owner && c.str("account_id") == account && c.str("bot_id") == id
		})
		if len(configs) == 0 {
			u.kind("GetEventsConfiguration of a bot without one", err, chime.NotFound)
			continue
		}
		if err != nil {
			u.t.Errorf("GetEventsConfiguration %s: %v", id, err)
			continue
		}
		u.equal("GetEventsConfiguration "+id, *got, chime.EventsConfiguration{BotID: id,
			HTTPSEndpoint: configs[0].str("https_endpoint"), LambdaFunctionARN: configs[0].str("lambda_function_arn")})
	}
}

func (u *upgrade) readRetention() {
	for _, account := range u.enterprise() {
		want := chime.RetentionSettings{}
		if rs := u.in("retention_settings", account); len(rs) > 0 {
			want = chime.RetentionSettings{RoomDays: int(rs[0].int("room_days")), ConversationDays: int(rs[0].int("conversation_days")),
				InitiateDeletionAt: rs[0].time("initiate_deletion_at")}
		}
		got, err := u.svc.Retention.GetRetentionSettings(u.ctx, account.str("aws_account_id"), account.str("id"))
		if err != nil {
			u.t.Errorf("GetRetentionSettings %s: %v", account.str("id"), err)
			continue
		}
		u.equal("GetRetentionSettings "+account.str("id"), *got, want)
	}
}
