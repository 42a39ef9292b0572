package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/openchime/chime"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// openTestStore opens a store on a fresh database file.
func openTestStore(t *testing.T, o Options) *Store {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "chime.db")+"?_txlock=immediate&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	s := New(db, sqliteDialect{}, o)
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// sqliteDialect is enough of SQLite's dialect for this package's internal
// tests (the sqlite package imports this one, so only the external tests
// may use it).
type sqliteDialect struct{}

func (sqliteDialect) Name() string           { return "sqlite" }
func (sqliteDialect) Rebind(q string) string { return q }
func (sqliteDialect) Migrations() [][]string {
	return Schema(Spelling{Identity: "INTEGER PRIMARY KEY AUTOINCREMENT", Integer: "INTEGER"})
}
func (sqliteDialect) IsUniqueViolation(error) bool                  { return false }
func (sqliteDialect) LockMigrations(context.Context, *sql.Tx) error { return nil }
func (sqliteDialect) LockForUpdate() string                         { return "" }
func (sqliteDialect) LockForKeyShare() string                       { return "" }

// TestBatchAccountMemo: the writes of one batch see every change an
// earlier write of the batch made to an account, never a change that was
// rolled back, and never each other's unsaved edits.
func TestBatchAccountMemo(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t, Options{GroupCommit: true})
	a, err := s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "original", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	read := func(tx *sql.Tx) *chime.Account {
		got, err := s.lockAccount(ctx, tx, a.AwsAccountID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	rename := func(tx *sql.Tx, name string) {
		got := read(tx)
		got.Name = name
		if err := s.saveAccount(ctx, tx, got); err != nil {
			t.Fatal(err)
		}
	}
	var seen []string
	see := func(tx *sql.Tx) error { seen = append(seen, read(tx).Name); return nil }
	batch := []func(tx *sql.Tx) error{
		see,
		func(tx *sql.Tx) error { rename(tx, "renamed"); return nil },
		see,
		func(tx *sql.Tx) error {
			rename(tx, "rolled back")
			read(tx) // the changed account is read again before the write fails
			return errors.New("this write fails")
		},
		see,
		func(tx *sql.Tx) error { read(tx).SupportedLicenses[0] = "edited, not saved"; return nil },
		func(tx *sql.Tx) error {
			if got := read(tx).SupportedLicenses; got[0] == "edited, not saved" {
				t.Errorf("an unsaved edit reached the next write: %v", got)
			}
			return nil
		},
	}
	jobs := make([]*job, len(batch))
	for i, fn := range batch {
		jobs[i] = &job{ctx: ctx, fn: fn, done: make(chan error, 1)}
	}
	s.group.commit(jobs)
	if want := []string{"original", "renamed", "renamed"}; len(seen) != 3 || seen[0] != want[0] || seen[1] != want[1] || seen[2] != want[2] {
		t.Fatalf("the writes saw %q, want %q", seen, want)
	}
	if err := <-jobs[3].done; err == nil {
		t.Fatal("the failing write was acknowledged")
	}
	stored, err := s.GetAccount(ctx, a.AwsAccountID, a.ID)
	if err != nil || stored.Name != "renamed" {
		t.Fatalf("stored %+v, %v", stored, err)
	}
}
