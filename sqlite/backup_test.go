package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// TestBackupRefusals: a backup never creates the file it copies, never
// writes over a file, and copies only a chime database; a refused backup
// leaves nothing behind.
func TestBackupRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	if err := sqlite.Backup(ctx, missing, filepath.Join(dir, "a.db")); err == nil {
		t.Fatal("a backup of a missing file succeeded")
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Fatalf("the backup created the file it was to copy: %v", err)
	}

	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (body TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := sqlite.Backup(ctx, other, filepath.Join(dir, "b.db")); err == nil || !strings.Contains(err.Error(), "not a chime database") {
		t.Fatalf("a backup of another program's database: %v", err)
	}

	path := filepath.Join(dir, "chime.db")
	s, err := sqlite.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "kept", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	taken := filepath.Join(dir, "taken.db")
	if err := os.WriteFile(taken, []byte("someone's file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.Backup(ctx, path, taken); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("a backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(taken); string(b) != "someone's file" {
		t.Fatalf("the existing file was changed: %q", b)
	}

	copyPath := filepath.Join(dir, "copy.db")
	if err := sqlite.Backup(ctx, path, copyPath); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*partial*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	c, err := sqlite.Open(ctx, copyPath, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, err := c.Services().Accounts.GetAccount(ctx, "111122223333", a.ID); err != nil || got.Name != "kept" {
		t.Fatalf("the copy's account: %+v %v", got, err)
	}
}
