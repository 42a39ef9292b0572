package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
	"github.com/openchime/chime/storetest"
)

// openFile opens a store on a fresh database file, and checks the file's
// integrity when tb ends.
func openFile(tb testing.TB, o sqlstore.Options) chime.Services {
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "chime.db"), o)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := sqlite.IntegrityCheck(context.Background(), s.DB()); err != nil {
			tb.Error(err)
		}
		s.Close()
	})
	return s.Services()
}

func TestConformanceFile(t *testing.T) { storetest.Run(t, openFile) }

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(tb testing.TB, o sqlstore.Options) chime.Services {
		s, err := sqlite.OpenMemory(context.Background(), o)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { s.Close() })
		return s.Services()
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chime.db")
	s, err := sqlite.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "x", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.Services().Users.CreateUser(ctx, "111122223333", a.ID, chime.NewUser{Email: "a@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	key1, _ := s.Secret(ctx, "pagination")
	s.Close()
	s, err = sqlite.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Services().Users.GetUser(ctx, "111122223333", a.ID, u.ID)
	if err != nil || got.Email != "a@example.com" {
		t.Fatalf("after reopen: %+v %v", got, err)
	}
	key2, _ := s.Secret(ctx, "pagination")
	if string(key1) != string(key2) || len(key1) != 32 {
		t.Fatalf("secret changed across reopen")
	}
}

// BenchmarkStore measures the store on a database file, durable commits
// included: go test -bench Store ./sqlite/
func BenchmarkStore(b *testing.B) { storetest.Bench(b, openFile) }
