package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chime backup: a copy that runs exits 0 and says where it went; what the
// command line named wrongly (a destination that exists, a source that is
// missing or not chime's, a store that is not SQLite) exits 252 with the
// reason, and leaves the destination alone.
func TestBackupCommand(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "chime.db")
	if _, stderr, code := run(t, "export", "--store", "sqlite:"+db, "--file", filepath.Join(dir, "empty.jsonl")); code != 0 {
		t.Fatalf("creating the store: %d %s", code, stderr)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if stdout, stderr, code := run(t, "backup", "--store", "sqlite:"+db, "--to", copyPath); code != 0 || !strings.Contains(stdout, copyPath) {
		t.Fatalf("backup: %d %q %s", code, stdout, stderr)
	}
	other := filepath.Join(dir, "other.db")
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"DestinationExists", []string{"--store", "sqlite:" + db, "--to", copyPath}, "the file exists"},
		{"MissingSource", []string{"--store", "sqlite:" + filepath.Join(dir, "missing.db"), "--to", filepath.Join(dir, "a.db")}, "no such file"},
		{"NotChime", []string{"--store", "sqlite:" + other, "--to", filepath.Join(dir, "b.db")}, "not a chime database"},
		{"MissingDirectory", []string{"--store", "sqlite:" + db, "--to", filepath.Join(dir, "nowhere", "c.db")}, "no such file"},
		{"Postgres", []string{"--store", "postgres://localhost/chime", "--to", filepath.Join(dir, "d.db")}, "pg_dump"},
		{"NoDestination", []string{"--store", "sqlite:" + db}, "--to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, append([]string{"backup"}, tc.args...)...)
			if code != 252 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, want 252 and %q in:\n%s", code, tc.want, stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); !os.IsNotExist(err) {
		t.Errorf("the backup of a missing store created it: %v", err)
	}
}
