package sqlstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlstore"
)

const (
	owner1 = "111122223333"
	owner2 = "444455556666"
)

// ownerDump is one AWS account's rows of every exported table in seq
// order, without their seq: what a snapshot and a restore must keep.
func ownerDump(t *testing.T, s *sqlstore.Store, owner string) dump {
	t.Helper()
	d := dump{}
	for _, table := range sqlstore.ExportedTables {
		d[table] = rowsOf(t, s, `SELECT * FROM `+table+` WHERE aws_account_id = '`+owner+`' ORDER BY seq`, "seq")
	}
	return d
}

// populated opens a store of the engine named and populates it for both
// owners, moving its clock as populate asks.
func populated(t *testing.T, engine string) *sqlstore.Store {
	t.Helper()
	now := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	o := sqlstore.Options{Now: func() time.Time { return now }}
	var s *sqlstore.Store
	if engine == "sqlite" {
		s = openSQLiteWith(t, o)
	} else {
		var err error
		if s, err = postgres.Open(context.Background(), pgtest.Schema(t), postgres.DefaultPool(), o); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
	}
	populate(t, s.Services(), func(d time.Duration) { now = now.Add(d) })
	return s
}

func snapshotOf(t *testing.T, s *sqlstore.Store, owner string) []sqlstore.Record {
	t.Helper()
	var recs []sqlstore.Record
	if err := s.Snapshot(context.Background(), owner, func(r sqlstore.Record) error {
		// Through JSON, as the snapshot travels.
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		var back sqlstore.Record
		if err := json.Unmarshal(b, &back); err != nil {
			return err
		}
		recs = append(recs, back)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestResetRemovesOnlyTheOwnersRows(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := populated(t, e.name)
			other := ownerDump(t, s, owner2)
			mine := ownerDump(t, s, owner1)
			want := 0
			for table, rows := range mine {
				if len(rows) == 0 {
					t.Errorf("populate writes no %s for %s: the reset would prove nothing for them", table, owner1)
				}
				want += len(rows)
			}
			removed, err := s.Reset(context.Background(), owner1, false)
			if err != nil || removed != want {
				t.Fatalf("Reset removed %d (%v), want %d", removed, err, want)
			}
			for table, rows := range ownerDump(t, s, owner1) {
				if len(rows) != 0 {
					t.Errorf("%s keeps %d rows of the reset AWS account", table, len(rows))
				}
			}
			sameDump(t, ownerDump(t, s, owner2), other)
			if _, err := s.Reset(context.Background(), "", true); err != nil {
				t.Fatal(err)
			}
			if c, err := s.Count(context.Background()); err != nil || c.Total() != c.Secrets {
				t.Errorf("after a reset of everything: %v (%v)", c, err)
			}
			// Rows are numbered from 1 again, as in a new database.
			if _, err := s.Services().Accounts.CreateAccount(context.Background(), owner1, chime.NewAccount{Name: "First again"}); err != nil {
				t.Fatal(err)
			}
			if rows := rowsOf(t, s, `SELECT seq FROM accounts`, ""); len(rows) != 1 || fmt.Sprint(rows[0]["seq"]) != "1" {
				t.Errorf("the first account after a reset of everything: %v", rows)
			}
		})
	}
}

func TestSnapshotRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := populated(t, e.name)
			want := ownerDump(t, s, owner1)
			other := ownerDump(t, s, owner2)
			snap := snapshotOf(t, s, owner1)
			for _, r := range snap[1:] {
				if r.Type != sqlstore.RecordRow || r.Row["aws_account_id"] != owner1 || r.Row["seq"] != nil {
					t.Fatalf("snapshot record %+v: want only %s's rows, without seq", r, owner1)
				}
			}
			// Change the owner's state, then go back.
			svc := s.Services()
			acct, err := svc.Accounts.CreateAccount(ctx, owner1, chime.NewAccount{Name: "After the snapshot"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Users.InviteUsers(ctx, owner1, acct.ID, []string{"late@example.com"}, chime.PrivateUser); err != nil {
				t.Fatal(err)
			}
			removed, loaded, err := s.Restore(ctx, owner1, snap)
			if err != nil {
				t.Fatal(err)
			}
			if loaded != len(snap)-1 || removed != loaded+2 {
				t.Errorf("Restore removed %d and loaded %d; want %d and %d", removed, loaded, len(snap)+1, len(snap)-1)
			}
			sameDump(t, ownerDump(t, s, owner1), want)
			sameDump(t, ownerDump(t, s, owner2), other)
			// What the services read back is what was there: the first
			// page of accounts, in the same order.
			page, err := svc.Accounts.ListAccounts(ctx, owner1, chime.AccountFilter{}, chime.PageRequest{Limit: 10})
			if err != nil || len(page.Accounts) != len(want["accounts"]) || page.Accounts[0].Name != "Team "+owner1 {
				t.Fatalf("accounts after the restore: %+v (%v)", page, err)
			}
		})
	}
}

func TestRestoreRefusesWhatIsNotTheOwnersSnapshot(t *testing.T) {
	ctx := context.Background()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := populated(t, e.name)
			before := ownerDump(t, s, owner1)
			good := snapshotOf(t, s, owner1)
			theirs := snapshotOf(t, s, owner2)
			// Each case edits a snapshot of its own: a new one, since
			// snapshotOf decodes its records afresh.
			edit := func(f func(recs []sqlstore.Record) []sqlstore.Record) []sqlstore.Record {
				return f(snapshotOf(t, s, owner1))
			}
			cases := map[string]struct {
				recs []sqlstore.Record
				kind chime.Kind
				says string
			}{
				"another account's rows": {theirs, chime.BadRequest, "another AWS account"},
				"no header":              {good[1:], chime.BadRequest, "header"},
				"empty":                  {nil, chime.BadRequest, "header"},
				"a seq": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Row["seq"] = int64(1)
					return r
				}), chime.BadRequest, "seq"},
				"a secret": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					return append(r, sqlstore.Record{Type: sqlstore.RecordSecret, Secret: &sqlstore.SecretRecord{Key: "secret:pagination", Value: "00"}})
				}), chime.BadRequest, "rows only"},
				"an unknown table": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Table = "meta"
					return r
				}), chime.BadRequest, "does not carry"},
				"an unknown column": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Row["password"] = "x"
					return r
				}), chime.BadRequest, "does not have"},
				"a NULL where the schema refuses one": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Row["name"] = nil // an account's
					return r
				}), chime.BadRequest, "does not fit"},
				"a string for an integer": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Row["created_at"] = "yesterday"
					return r
				}), chime.BadRequest, "wrong type"},
				"an integer for a string": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Row["name"] = int64(7)
					return r
				}), chime.BadRequest, "wrong type"},
				"a JSON column that does not parse": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					r[1].Row["signin_delegate_groups"] = "{" // an account's
					return r
				}), chime.BadRequest, "cannot read back"},
				"a phone number's associations that do not parse": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					for i := range r {
						if r[i].Table == "phone_numbers" {
							r[i].Row["associations"] = "not json"
							return r
						}
					}
					t.Fatal("the snapshot has no phone number")
					return r
				}), chime.BadRequest, "cannot read back"},
				"a repeated row": {edit(func(r []sqlstore.Record) []sqlstore.Record {
					return append(r, r[1])
				}), chime.Conflict, "unique"},
			}
			for name, c := range cases {
				_, _, err := s.Restore(ctx, owner1, c.recs)
				if !chime.IsKind(err, c.kind) || !strings.Contains(err.Error(), c.says) {
					t.Errorf("%s: %v, want %v saying %q", name, err, c.kind, c.says)
				}
				// Nothing of a refused snapshot is kept.
				sameDump(t, ownerDump(t, s, owner1), before)
			}
		})
	}
}
