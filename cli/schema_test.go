package cli_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/cli"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// A database that a newer chime migrated further stops `chime server`
// before it serves, with an exit code of its own and a message that says
// what to do (docs/operations.md, Upgrades).
func TestServerRefusesNewerSchema(t *testing.T) {
	isolate(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chime.db")
	s, err := sqlite.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	known := len(sqlite.Dialect{}.Migrations())
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO schema_migrations (version) VALUES (?)`, known+1)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	_, stderr, code := run(t, "server", "--store", "sqlite:"+path, "--listen", freeAddr(t))
	// The number is documented; it must not move, nor be one of the
	// other exit codes (0, 130, 252 to 255).
	if code != 251 || cli.ExitNewerSchema != 251 {
		t.Errorf("exit code %d (ExitNewerSchema %d), want 251; stderr:\n%s", code, cli.ExitNewerSchema, stderr)
	}
	want := fmt.Sprintf("database schema version %d is newer than this chime (schema %d)", known+1, known)
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr does not say %q:\n%s", want, stderr)
	}

	// The commands that open a store directly say the same.
	for _, args := range [][]string{
		{"export", "--store", "sqlite:" + path, "--file", filepath.Join(t.TempDir(), "out.jsonl")},
		{"import", "--store", "sqlite:" + path, "--file", filepath.Join(t.TempDir(), "in.jsonl")},
	} {
		if _, stderr, code := run(t, args...); code != 251 || !strings.Contains(stderr, want) {
			t.Errorf("%v: exit code %d, want 251 and %q; stderr:\n%s", args[0], code, want, stderr)
		}
	}

	// Any other failure to open the store stays a configuration error.
	if _, stderr, code := run(t, "server", "--store", "sqlite:"+t.TempDir(), "--listen", freeAddr(t)); code != 253 {
		t.Errorf("a store that cannot open: exit code %d, want 253; stderr:\n%s", code, stderr)
	}
}
