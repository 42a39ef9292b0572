package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

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

// openAccount opens a store on a fresh database file with one account.
func openAccount(t *testing.T) (s *sqlstore.Store, path string, account string) {
	t.Helper()
	// Not t.TempDir: SQLite may still be tidying the log files of a
	// database whose file the test removed when the directory goes, and
	// that is not what these tests are about.
	dir, err := os.MkdirTemp("", "chime-sqlite-test")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "chime.db")
	s, err = sqlite.Open(context.Background(), path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		for range 50 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	a, err := s.CreateAccount(context.Background(), "111122223333", chime.NewAccount{Name: "x", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	return s, path, a.ID
}

// wantUnavailable checks that writes and Ping fail as Unavailable.
func wantUnavailable(t *testing.T, s *sqlstore.Store, account string) {
	t.Helper()
	ctx := context.Background()
	_, err := s.CreateUser(ctx, "111122223333", account, chime.NewUser{Email: "after@example.com"})
	if chime.KindOf(err) != chime.Unavailable {
		t.Errorf("CreateUser: %v (%v), want unavailable", chime.KindOf(err), err)
	}
	_, err = s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "after"})
	if chime.KindOf(err) != chime.Unavailable {
		t.Errorf("CreateAccount: %v (%v), want unavailable", chime.KindOf(err), err)
	}
	if err := s.Ping(ctx); chime.KindOf(err) != chime.Unavailable {
		t.Errorf("Ping: %v (%v), want unavailable", chime.KindOf(err), err)
	}
}

// A database file removed under a running store: the writes it would
// acknowledge would be gone at the next start, so it takes none, and
// its health check fails.
func TestRemovedFileIsUnavailable(t *testing.T) {
	s, path, account := openAccount(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	wantUnavailable(t, s, account)
}

// A database file replaced under a running store (another database
// moved to its path) is as good as removed; and the store does not take
// writes again when the file comes back, as connections opened meanwhile
// may be on the other one.
func TestReplacedFileIsUnavailable(t *testing.T) {
	s, path, account := openAccount(t)
	other := filepath.Join(t.TempDir(), "other.db")
	o, err := sqlite.Open(context.Background(), other, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	aside := path + ".aside"
	if err := os.Rename(path, aside); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	wantUnavailable(t, s, account)
	if err := os.Rename(aside, path); err != nil {
		t.Fatal(err)
	}
	wantUnavailable(t, s, account)
}

// A database locked by another process past the busy timeout is
// Unavailable (retry later), not a failure of the service.
func TestBusyIsUnavailable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chime.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=busy_timeout(50)")
	if err != nil {
		t.Fatal(err)
	}
	s := sqlstore.New(db, sqlite.Dialect{}, sqlstore.Options{})
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	_, err = s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "x"})
	if chime.KindOf(err) != chime.Unavailable {
		t.Fatalf("got %v (%v), want unavailable", chime.KindOf(err), err)
	}
}

// Two stores on one file (two processes) given one ClientRequestToken at
// once create one room, and every call answers with it.
func TestTwoStoresRoomToken(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chime.db")
	var nodes []chime.Services
	for range 2 {
		s, err := sqlite.Open(ctx, path, sqlstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		nodes = append(nodes, s.Services())
	}
	acct, err := nodes[0].Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "rooms", Type: chime.EnterpriseLWA})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 8)
	var wg sync.WaitGroup
	errs := make(chan error, len(ids))
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := nodes[i%2].Rooms.CreateRoom(ctx, "111122223333", "arn:aws:iam::111122223333:user/x", acct.ID,
				chime.NewRoom{Name: "once", ClientRequestToken: "two-stores"})
			if err != nil {
				errs <- err
				return
			}
			ids[i] = r.ID
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("rooms %v", ids)
		}
	}
	page, err := nodes[1].Rooms.ListRooms(ctx, "111122223333", acct.ID, "", chime.PageRequest{})
	if err != nil || len(page.Rooms) != 1 {
		t.Fatalf("%+v %v", page, err)
	}
}
