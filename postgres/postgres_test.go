package postgres_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlstore"
	"github.com/openchime/chime/storetest"
)

// open opens a store in a fresh schema of the test database.
func open(tb testing.TB, o sqlstore.Options) chime.Services {
	s, err := postgres.Open(context.Background(), pgtest.Schema(tb), postgres.DefaultPool(), o)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s.Services()
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// Several nodes starting at once on an empty database migrate it once.
func TestConcurrentMigrations(t *testing.T) {
	url := pgtest.Schema(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(context.Background(), url, postgres.DefaultPool(), sqlstore.Options{})
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := postgres.Open(context.Background(), url, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var versions int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil || versions != len(postgres.Dialect{}.Migrations()) {
		t.Fatalf("%d migration rows (%v)", versions, err)
	}
	// The pagination key is one for all nodes.
	a, _ := s.Secret(context.Background(), "pagination")
	b, _ := s.Secret(context.Background(), "pagination")
	if string(a) != string(b) || len(a) != 32 {
		t.Fatal("the shared secret differs")
	}
}

func TestRebind(t *testing.T) {
	if got := (postgres.Dialect{}).Rebind(`SELECT a FROM t WHERE x = ? AND y IN (?, ?)`); got != `SELECT a FROM t WHERE x = $1 AND y IN ($2, $3)` {
		t.Fatal(got)
	}
}

func TestBadURL(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://user:hunter2@[bad", postgres.DefaultPool(), sqlstore.Options{})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("%v", err)
	}
}

// BenchmarkStore measures the store on PostgreSQL (CHIME_TEST_POSTGRES_URL):
// go test -bench Store ./postgres/
func BenchmarkStore(b *testing.B) { storetest.Bench(b, open) }

// A database at the first schema version is brought forward on open, and
// lookups by user id then use the index made for them.
func TestUpgradeFromFirstVersion(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Schema(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first := postgres.Dialect{}.Migrations()[0]
	for _, stmt := range append(first, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`, `INSERT INTO schema_migrations VALUES (1)`) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	s, err := postgres.Open(ctx, url, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var plan string
	if err := db.QueryRowContext(ctx, `EXPLAIN SELECT id FROM users WHERE aws_account_id = '1' AND account_id = '2' AND id = '3'`).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "users_by_id") {
		t.Fatalf("the lookup by id does not use users_by_id: %s", plan)
	}
}
