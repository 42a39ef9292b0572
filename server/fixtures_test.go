package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/server"
)

// A fixtures file past MaxFixtureBytes is refused before it is parsed;
// one within it loads.
func TestLoadFixturesBoundsTheFileSize(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(small, []byte("Accounts:\n  - Name: A\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := server.LoadFixtures([]string{small})
	if err != nil || len(f.Owners()) != 1 {
		t.Fatalf("a small file: %v", err)
	}
	large := filepath.Join(dir, "large.yaml")
	if err := os.WriteFile(large, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(large, server.MaxFixtureBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, err := server.LoadFixtures([]string{small, large}); err == nil || !strings.Contains(err.Error(), "large.yaml: larger than") {
		t.Errorf("a file past the bound: %v", err)
	}
}
