package sqlstore_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// engines open an empty store on each engine: SQLite always, PostgreSQL
// where pgtest finds a database (the subtest skips otherwise).
var engines = []struct {
	name string
	open func(t *testing.T) *sqlstore.Store
}{
	{"sqlite", openSQLite},
	{"postgres", func(t *testing.T) *sqlstore.Store {
		s, err := postgres.Open(context.Background(), pgtest.Schema(t), postgres.DefaultPool(), sqlstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}},
}

func openSQLite(t *testing.T) *sqlstore.Store { return openSQLiteWith(t, sqlstore.Options{}) }

func openSQLiteWith(t *testing.T, o sqlstore.Options) *sqlstore.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "chime.db"), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// liveTables lists the tables of the store's schema, without those the
// engine keeps for itself.
func liveTables(t *testing.T, s *sqlstore.Store) []string {
	t.Helper()
	query := map[string]string{
		"sqlite":   `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`,
		"postgres": `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
	}[s.Dialect().Name()]
	rows, err := s.DB().Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil || len(tables) == 0 {
		t.Fatalf("no tables listed (%v)", err)
	}
	return tables
}

// Every table of the schema is exported or says why not, on every engine:
// a table added without a word would otherwise be left out of backups.
func TestEveryTableIsExported(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := e.open(t)
			tables := liveTables(t, s)
			for _, table := range tables {
				_, unexported := sqlstore.UnexportedTables[table]
				exported := slices.Contains(sqlstore.ExportedTables, table)
				switch {
				case exported && unexported:
					t.Errorf("table %s is both exported and listed as not exported", table)
				case exported:
					if !slices.Contains(columnsOf(t, s, table), "seq") {
						t.Errorf("exported table %s has no seq column, the order exports keep", table)
					}
				case !unexported:
					t.Errorf("table %s is neither exported nor listed as not exported: add it to exportedTables "+
						"in schema.go, or to unexportedTables with the reason an export leaves it out", table)
				}
			}
			for _, table := range sqlstore.ExportedTables {
				if !slices.Contains(tables, table) {
					t.Errorf("exportedTables lists %s, which the schema does not have", table)
				}
			}
			for table := range sqlstore.UnexportedTables {
				if !slices.Contains(tables, table) {
					t.Errorf("unexportedTables lists %s, which the schema does not have", table)
				}
			}
		})
	}
}

// dump is every row of every exported table, seq included, in seq
// order, as the driver reads it, and the secrets: what a round trip must
// keep.
type dump map[string][]map[string]any

func dumpStore(t *testing.T, s *sqlstore.Store) dump {
	t.Helper()
	d := dump{}
	for _, table := range sqlstore.ExportedTables {
		d[table] = rowsOf(t, s, `SELECT * FROM `+table+` ORDER BY seq`, "")
	}
	d["secrets"] = rowsOf(t, s, `SELECT key, value FROM meta WHERE key LIKE 'secret:%' ORDER BY key`, "")
	return d
}

// columnsOf lists the columns of table.
func columnsOf(t *testing.T, s *sqlstore.Store, table string) []string {
	t.Helper()
	rows, err := s.DB().Query(`SELECT * FROM ` + table + ` WHERE 1 = 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	return cols
}

// rowsOf reads the rows of query by column, leaving out the column skip.
func rowsOf(t *testing.T, s *sqlstore.Store, query, skip string) []map[string]any {
	t.Helper()
	rows, err := s.DB().Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for rows.Next() {
		values := make([]any, len(cols))
		dest := make([]any, len(cols))
		for i := range values {
			dest[i] = &values[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		row := map[string]any{}
		for i, col := range cols {
			if col != skip {
				row[col] = values[i]
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameDump reports the first difference between two dumps.
func sameDump(t *testing.T, got, want dump) {
	t.Helper()
	for table, wantRows := range want {
		gotRows := got[table]
		if len(gotRows) != len(wantRows) {
			t.Errorf("%s: %d rows, want %d", table, len(gotRows), len(wantRows))
			continue
		}
		for i := range wantRows {
			if !reflect.DeepEqual(gotRows[i], wantRows[i]) {
				for col, v := range wantRows[i] {
					if g, ok := gotRows[i][col]; !ok || !reflect.DeepEqual(g, v) {
						t.Errorf("%s row %d, column %s: %#v, want %#v", table, i+1, col, g, v)
					}
				}
				for col := range gotRows[i] {
					if _, ok := wantRows[i][col]; !ok {
						t.Errorf("%s row %d has a column %s the source lacks", table, i+1, col)
					}
				}
			}
		}
	}
}

// exportOf is the store's export as JSON Lines, as `chime export` writes it.
func exportOf(t *testing.T, s *sqlstore.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := s.Export(context.Background(), func(r sqlstore.Record) error { return enc.Encode(r) }); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// importLines loads JSON Lines into s, decoded as `chime import` does.
func importLines(s *sqlstore.Store, data []byte) (sqlstore.Counts, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return s.Import(context.Background(), func() (sqlstore.Record, bool, error) {
		var r sqlstore.Record
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			return r, false, nil
		} else if err != nil {
			return r, false, err
		}
		return r, true, nil
	}, nil)
}

// populate writes every kind of state the services keep, in every
// exported table, with rows deleted in between and at the end, so that
// the seq of each table has gaps and its last value is above the largest
// stored; advance moves the store's clock forward.
func populate(t *testing.T, svc chime.Services, advance func(time.Duration)) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	yes := true
	for _, owner := range []string{"111122223333", "444455556666"} {
		team, err := svc.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: "Team " + owner})
		must(err)
		_, err = svc.Users.InviteUsers(ctx, owner, team.ID, []string{"Invited-" + owner + "@Example.com"}, chime.SharedDevice)
		must(err)
		must(svc.Accounts.UpdateAccountSettings(ctx, owner, team.ID, chime.AccountSettingsUpdate{EnableDialOut: &yes, DisableRemoteControl: &yes}))
		dir, err := svc.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: "Directory ünïcode ✓ \"quoted\"", Type: chime.EnterpriseDirectory})
		must(err)
		must(svc.Accounts.AssociateSigninDelegateGroups(ctx, owner, dir.ID, []string{"admins", "rooms"}))
		var u0 *chime.User
		for i := 0; i < 5; i++ {
			u, err := svc.Users.CreateUser(ctx, owner, dir.ID, chime.NewUser{Email: fmt.Sprintf("u%d-%s@example.com", i, owner), Username: fmt.Sprintf("User %d", i)})
			must(err)
			if i == 0 {
				u0 = u
			}
			if i%2 == 0 {
				must(svc.Users.UpdateUserSettings(ctx, owner, dir.ID, u.ID, chime.UserSettings{Telephony: chime.TelephonySettings{InboundCalling: true, OutboundCalling: true, SMS: true}}))
				must(svc.Users.LogoutUser(ctx, owner, dir.ID, u.ID))
				lic := chime.Basic
				_, err := svc.Users.UpdateUser(ctx, owner, dir.ID, u.ID, chime.UserUpdate{License: &lic,
					AlexaForBusiness: &chime.AlexaForBusinessMetadata{Enabled: true, RoomARN: "arn:aws:a4b:us-east-1:" + owner + ":room/r"}})
				must(err)
				_, err = svc.Users.ResetPersonalPIN(ctx, owner, dir.ID, u.ID)
				must(err)
			}
		}
		// Chat: rooms with and without a client request token, one
		// deleted, members of both kinds, bots with and without events
		// configurations, and retention settings.
		const caller = "arn:aws:iam::111122223333:user/alejandro"
		room, err := svc.Rooms.CreateRoom(ctx, owner, caller, dir.ID, chime.NewRoom{Name: "Room ✓", ClientRequestToken: "token-" + owner})
		must(err)
		goneRoom, err := svc.Rooms.CreateRoom(ctx, owner, caller, dir.ID, chime.NewRoom{Name: "gone"})
		must(err)
		_, err = svc.Rooms.CreateRoom(ctx, owner, caller, dir.ID, chime.NewRoom{Name: "plain"})
		must(err)
		bot, err := svc.Bots.CreateBot(ctx, owner, dir.ID, "Helper", "")
		must(err)
		_, err = svc.Bots.PutEventsConfiguration(ctx, owner, dir.ID, bot.ID, chime.EventsConfiguration{HTTPSEndpoint: "https://bots.example.com/" + owner})
		must(err)
		_, err = svc.Bots.RegenerateSecurityToken(ctx, owner, dir.ID, bot.ID)
		must(err)
		stopped, err := svc.Bots.CreateBot(ctx, owner, dir.ID, "Stopped", "bots.example.net")
		must(err)
		_, err = svc.Bots.PutEventsConfiguration(ctx, owner, dir.ID, stopped.ID, chime.EventsConfiguration{
			LambdaFunctionARN: "arn:aws:lambda:us-east-1:" + owner + ":function:bot"})
		must(err)
		_, err = svc.Bots.UpdateBot(ctx, owner, dir.ID, stopped.ID, &yes)
		must(err)
		admin := chime.RoomAdministrator
		_, err = svc.Rooms.CreateRoomMembership(ctx, owner, caller, dir.ID, goneRoom.ID, chime.MembershipItem{MemberID: u0.ID})
		must(err)
		_, errs, err := svc.Rooms.BatchCreateRoomMembership(ctx, owner, caller, dir.ID, room.ID, []chime.MembershipItem{
			{MemberID: u0.ID, Role: admin}, {MemberID: bot.ID}})
		must(err)
		if len(errs) > 0 {
			t.Fatalf("memberships: %+v", errs)
		}
		_, err = svc.Rooms.DeleteRoom(ctx, owner, dir.ID, goneRoom.ID)
		must(err)
		_, err = svc.Retention.PutRetentionSettings(ctx, owner, dir.ID, chime.RetentionSettings{RoomDays: 30, ConversationDays: 7})
		must(err)
		lwa, err := svc.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: "LWA", Type: chime.EnterpriseLWA})
		must(err)
		u, err := svc.Users.CreateUser(ctx, owner, lwa.ID, chime.NewUser{Email: "suspended-" + owner + "@example.com", Type: chime.SharedDevice})
		must(err)
		_, err = svc.Users.BatchSuspendUser(ctx, owner, lwa.ID, []string{u.ID})
		must(err)

		// Phone numbers in every state a row keeps, an order that fails
		// in part, and settings.
		must(svc.Settings.UpdatePhoneNumberSettings(ctx, owner, "Example Corp"))
		bucket := "cdr-" + owner
		must(svc.Settings.UpdateGlobalSettings(ctx, owner, chime.GlobalSettingsUpdate{VoiceConnectorCdrBucket: &bucket}))
		npa := map[string]string{"111122223333": "206", "444455556666": "212"}[owner]
		numbers := []string{"+1" + npa + "5550100", "+1" + npa + "5550101", "+1" + npa + "5550102", "+1" + npa + "5551234"}
		_, err = svc.PhoneNumbers.CreatePhoneNumberOrder(ctx, owner, chime.BusinessCalling, numbers)
		must(err)
		_, err = svc.PhoneNumbers.CreatePhoneNumberOrder(ctx, owner, chime.VoiceConnector, []string{"+184455501" + npa[1:]})
		must(err)
		advance(time.Hour)
		must(svc.PhoneNumbers.AssociatePhoneNumberWithUser(ctx, owner, dir.ID, u0.ID, numbers[0]))
		name := "Front Desk"
		_, err = svc.PhoneNumbers.UpdatePhoneNumber(ctx, owner, numbers[1], chime.PhoneNumberUpdate{CallingName: &name})
		must(err)
		must(svc.PhoneNumbers.DeletePhoneNumber(ctx, owner, numbers[2]))
		gone, err := svc.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: "Deleted " + owner})
		must(err)
		must(svc.Accounts.DeleteAccount(ctx, owner, gone.ID))
	}
	// The last users of a Team account removed, and the last account deleted.
	owner := "444455556666"
	page, err := svc.Accounts.ListAccounts(ctx, owner, chime.AccountFilter{NamePrefix: "Team"}, chime.PageRequest{})
	must(err)
	team := page.Accounts[0].ID
	inv, err := svc.Users.InviteUsers(ctx, owner, team, []string{"removed-1@example.com", "removed-2@example.com"}, "")
	must(err)
	if len(inv) != 2 {
		t.Fatalf("invites %+v", inv)
	}
	users, err := svc.Users.ListUsers(ctx, owner, team, chime.UserFilter{}, chime.PageRequest{})
	must(err)
	var removed []string
	for _, u := range users.Users {
		if strings.HasPrefix(u.Email, "removed-") {
			removed = append(removed, u.ID)
		}
	}
	_, err = svc.Users.BatchSuspendUser(ctx, owner, team, removed)
	must(err)
}

// An export from SQLite imported into a fresh store of each engine gives
// back every column of every exported table, the secrets and the creation
// order, and exports again to the same bytes.
func TestExportRoundTrip(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	src := openSQLiteWith(t, sqlstore.Options{Now: func() time.Time { return now }})
	populate(t, src.Services(), func(d time.Duration) { now = now.Add(d) })
	if _, err := src.Secret(ctx, "pagination"); err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, src)
	for table, rows := range want {
		if len(rows) == 0 {
			t.Errorf("populate writes no %s: the round trip would prove nothing for them", table)
		}
	}
	wantCounts, err := src.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first := exportOf(t, src)
	if lines := bytes.Count(first, []byte("\n")); lines != 1+wantCounts.Total() {
		t.Fatalf("the export has %d lines for %v", lines, wantCounts)
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			dst := e.open(t)
			counts, err := importLines(dst, first)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(counts.Rows, wantCounts.Rows) || counts.Secrets != wantCounts.Secrets {
				t.Errorf("imported %v, want %v", counts, wantCounts)
			}
			sameDump(t, dumpStore(t, dst), want)
			if again := exportOf(t, dst); !bytes.Equal(again, first) {
				t.Errorf("the export after the round trip differs:\n%s\nwant\n%s", again, first)
			}
		})
	}
}

// A version 1 export (typed account and user records, as the version 1
// exporter wrote testdata/export-v1.jsonl) loads into the same rows as the
// version 2 export of the same database.
func TestImportVersion1(t *testing.T) {
	v1, err := os.ReadFile("testdata/export-v1.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	v2, err := os.ReadFile("testdata/export-v2.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			fromV1, fromV2 := e.open(t), e.open(t)
			c1, err := importLines(fromV1, v1)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := importLines(fromV2, v2); err != nil {
				t.Fatal(err)
			}
			if c1.Rows["accounts"] != 3 || c1.Rows["users"] != 5 || c1.Secrets != 0 || c1.Accounts != 3 || c1.Users != 5 {
				t.Errorf("imported %v (%d accounts, %d users)", c1, c1.Accounts, c1.Users)
			}
			sameDump(t, dumpStore(t, fromV1), dumpStore(t, fromV2))
			// Numbered afresh, the rows would not be where the tokens of the
			// exported installation point: its pagination key stays behind,
			// so that they are refused.
			for _, s := range []*sqlstore.Store{fromV1, fromV2} {
				key, err := s.Secret(context.Background(), "pagination")
				if err != nil {
					t.Fatal(err)
				}
				if hex.EncodeToString(key) == "97b97c0b30806d3c18f1a2a6bc57f52231f6e141351e0eb89b3f8e9756477586" {
					t.Error("an export without seq brought its pagination key")
				}
			}
		})
	}
}

// What an import refuses, on every engine; a refused batch writes nothing.
func TestImportRefuses(t *testing.T) {
	const header = `{"Type":"header","Format":"chime-export","Version":2}` + "\n"
	const header3 = `{"Type":"header","Format":"chime-export","Version":3,"LastSeq":{"accounts":9}}` + "\n"
	account := func(id string, extra string) string {
		return `{"Type":"row","Table":"accounts","Row":{"aws_account_id":"111122223333","id":"` + id + `","name":"a",` +
			`"account_type":"Team","created_at":1,"default_license":"Pro","supported_licenses":"Basic,Pro",` +
			`"status":"Active","signin_delegate_groups":"[]"` + extra + `}}` + "\n"
	}
	user := `{"Type":"row","Table":"users","Row":{"aws_account_id":"1","account_id":"a","id":"u","email":"x@y.z",` +
		`"email_key":"x@y.z","license":"Pro","user_type":"PrivateUser","registration":"Registered"}}` + "\n"
	for _, tc := range []struct {
		name, input string
		conflict    bool // the error is chime.Conflict
	}{
		{"NoHeader", account("a", ""), false},
		{"FutureVersion", strings.Replace(header, `"Version":2`, `"Version":4`, 1) + account("a", ""), false},
		{"UnknownTable", header + `{"Type":"row","Table":"nope","Row":{"id":"x"}}` + "\n", false},
		{"UnexportedTable", header + `{"Type":"row","Table":"meta","Row":{"key":"k","value":"v"}}` + "\n", false},
		{"EmptyRow", header + `{"Type":"row","Table":"accounts"}` + "\n", false},
		{"UnknownColumn", header + account("a", `,"bogus":"x"`), false},
		{"Seq", header + account("a", `,"seq":7`), false},
		{"NotAnInteger", header + account("a", `,"enable_dial_out":1.5`), false},
		{"Boolean", header + account("a", `,"enable_dial_out":true`), false},
		{"SecretNotASecret", header + `{"Type":"secret","Secret":{"Key":"other","Value":"v"}}` + "\n", false},
		{"UnknownRecord", header + `{"Type":"room"}` + "\n", false},
		{"DuplicateAccount", header + account("a", "") + account("a", ""), true},
		{"DuplicateUser", header + user + user, true},
		{"DuplicateSeq", header3 + account("a", `,"seq":7`) + account("b", `,"seq":7`), true},
	} {
		for _, e := range engines {
			t.Run(tc.name+"/"+e.name, func(t *testing.T) {
				s := e.open(t)
				_, err := importLines(s, []byte(tc.input))
				if err == nil {
					t.Fatal("imported")
				}
				if tc.conflict && chime.KindOf(err) != chime.Conflict {
					t.Errorf("got %v (%v), want a conflict", chime.KindOf(err), err)
				}
				if c, err := s.Count(context.Background()); err != nil || c.Total() != 0 {
					t.Errorf("after a refused import the store holds %v (%v)", c, err)
				}
			})
		}
	}
	t.Run("NotEmpty", func(t *testing.T) {
		s := openSQLite(t)
		if _, err := importLines(s, []byte(header+account("a", ""))); err != nil {
			t.Fatal(err)
		}
		if _, err := importLines(s, []byte(header+account("b", ""))); err == nil || !strings.Contains(err.Error(), "1 accounts") {
			t.Fatalf("a second import: %v", err)
		}
	})
}

// A page cursor issued before an export resumes at the same row after the
// import, on every engine, though rows were deleted before the export
// (the seq has gaps, and the last rows of each table are gone), and rows
// created after the import come after every cursor issued before.
func TestImportKeepsPageCursors(t *testing.T) {
	ctx := context.Background()
	const owner = "111122223333"
	src := openSQLite(t)
	var accounts []string
	for i := range 6 {
		a, err := src.CreateAccount(ctx, owner, chime.NewAccount{Name: fmt.Sprintf("account %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		accounts = append(accounts, a.ID)
	}
	team := accounts[0]
	var emails []string
	for i := range 8 {
		emails = append(emails, fmt.Sprintf("u%d@example.com", i))
	}
	if _, err := src.InviteUsers(ctx, owner, team, emails, ""); err != nil {
		t.Fatal(err)
	}
	users, err := src.ListUsers(ctx, owner, team, chime.UserFilter{}, chime.PageRequest{})
	if err != nil || len(users.Users) != 8 {
		t.Fatalf("%+v %v", users, err)
	}
	// Cursors after the seventh user and the fifth account, issued
	// before the rows from there on are deleted.
	tailUsers, err := src.ListUsers(ctx, owner, team, chime.UserFilter{}, chime.PageRequest{Limit: 7})
	if err != nil || tailUsers.Next == "" {
		t.Fatalf("%+v %v", tailUsers, err)
	}
	tailAccounts, err := src.ListAccounts(ctx, owner, chime.AccountFilter{}, chime.PageRequest{Limit: 5})
	if err != nil || tailAccounts.Next == "" {
		t.Fatalf("%+v %v", tailAccounts, err)
	}
	// Gaps: users 1 and 2 and the last two removed, account 1 and the
	// last two deleted.
	var removed []string
	for _, i := range []int{1, 2, 6, 7} {
		removed = append(removed, users.Users[i].ID)
	}
	if _, err := src.BatchSuspendUser(ctx, owner, team, removed); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{1, 4, 5} {
		if err := src.DeleteAccount(ctx, owner, accounts[i]); err != nil {
			t.Fatal(err)
		}
	}
	// Cursors after the second user and the second account left, which
	// come after a gap.
	userPage, err := src.ListUsers(ctx, owner, team, chime.UserFilter{}, chime.PageRequest{Limit: 2})
	if err != nil || userPage.Next == "" {
		t.Fatalf("%+v %v", userPage, err)
	}
	accountPage, err := src.ListAccounts(ctx, owner, chime.AccountFilter{}, chime.PageRequest{Limit: 2})
	if err != nil || accountPage.Next == "" {
		t.Fatalf("%+v %v", accountPage, err)
	}
	resume := func(s *sqlstore.Store) (users, accounts []string) {
		t.Helper()
		up, err := s.ListUsers(ctx, owner, team, chime.UserFilter{}, chime.PageRequest{Cursor: userPage.Next})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range up.Users {
			users = append(users, u.Email)
		}
		ap, err := s.ListAccounts(ctx, owner, chime.AccountFilter{}, chime.PageRequest{Cursor: accountPage.Next})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ap.Accounts {
			accounts = append(accounts, a.Name)
		}
		return users, accounts
	}
	wantUsers, wantAccounts := resume(src)
	data := exportOf(t, src)
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			dst := e.open(t)
			if _, err := importLines(dst, data); err != nil {
				t.Fatal(err)
			}
			gotUsers, gotAccounts := resume(dst)
			if fmt.Sprint(gotUsers) != fmt.Sprint(wantUsers) || fmt.Sprint(gotAccounts) != fmt.Sprint(wantAccounts) {
				t.Errorf("resumed at users %v and accounts %v, want %v and %v", gotUsers, gotAccounts, wantUsers, wantAccounts)
			}
			// New rows come after every cursor issued before, those past the
			// last rows left included.
			if _, err := dst.InviteUsers(ctx, owner, team, []string{"new@example.com"}, ""); err != nil {
				t.Fatal(err)
			}
			if _, err := dst.CreateAccount(ctx, owner, chime.NewAccount{Name: "new"}); err != nil {
				t.Fatal(err)
			}
			up, err := dst.ListUsers(ctx, owner, team, chime.UserFilter{}, chime.PageRequest{Cursor: tailUsers.Next})
			if err != nil || len(up.Users) != 1 || up.Users[0].Email != "new@example.com" {
				t.Errorf("users after a cursor past the last row: %+v %v", up, err)
			}
			ap, err := dst.ListAccounts(ctx, owner, chime.AccountFilter{}, chime.PageRequest{Cursor: tailAccounts.Next})
			if err != nil || len(ap.Accounts) != 1 || ap.Accounts[0].Name != "new" {
				t.Errorf("accounts after a cursor past the last row: %+v %v", ap, err)
			}
		})
	}
}

// Rows of a version 3 export without their seq, and typed records of
// version 1 under a version 3 header (as a hand-made import may have),
// are numbered by the target; rows with theirs keep it.
func TestImportRowsWithoutSeq(t *testing.T) {
	const input = `{"Type":"header","Format":"chime-export","Version":3,"LastSeq":{"accounts":5}}
{"Type":"row","Table":"accounts","Row":{"seq":3,"aws_account_id":"111122223333","id":"with","name":"a","account_type":"Team","created_at":1,"default_license":"Pro","supported_licenses":"Basic,Pro","status":"Active","signin_delegate_groups":"[]"}}
{"Type":"row","Table":"accounts","Row":{"aws_account_id":"111122223333","id":"without","name":"a","account_type":"Team","created_at":1,"default_license":"Pro","supported_licenses":"Basic,Pro","status":"Active","signin_delegate_groups":"[]"}}
{"Type":"account","Account":{"AwsAccountId":"111122223333","AccountId":"typed","Name":"a","AccountType":"Team","CreatedAt":1,"DefaultLicense":"Pro","SupportedLicenses":["Basic","Pro"],"AccountStatus":"Active"}}
`
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := e.open(t)
			if _, err := importLines(s, []byte(input)); err != nil {
				t.Fatal(err)
			}
			rows := rowsOf(t, s, `SELECT id, seq FROM accounts ORDER BY id`, "")
			if len(rows) != 3 || rows[1]["id"] != "with" || rows[1]["seq"] != int64(3) {
				t.Fatalf("rows %v", rows)
			}
			a, err := s.CreateAccount(context.Background(), "111122223333", chime.NewAccount{Name: "new"})
			if err != nil {
				t.Fatal(err)
			}
			if last := rowsOf(t, s, `SELECT id, seq FROM accounts ORDER BY seq DESC LIMIT 1`, ""); last[0]["id"] != a.ID || last[0]["seq"].(int64) <= 5 {
				t.Fatalf("a new account got %v", last)
			}
		})
	}
}
