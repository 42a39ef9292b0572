package restjson_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// storeOpener opens a fresh, empty store for one test, closed when the
// test ends.
type storeOpener func(t testing.TB, o sqlstore.Options) *sqlstore.Store

// storeKinds are the stores the HTTP-level suites run on: SQLite in
// memory, SQLite on a file (durable writes through group commit), and
// PostgreSQL where CHIME_TEST_POSTGRES_URL names a database (required in
// CI), so that the failure paths of each are behind the same requests.
var storeKinds = []struct {
	name string
	open storeOpener
}{
	{"memory", openMemory},
	{"sqlite", func(t testing.TB, o sqlstore.Options) *sqlstore.Store {
		return opened(t)(sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "chime.db"), o))
	}},
	{"postgres", func(t testing.TB, o sqlstore.Options) *sqlstore.Store {
		return opened(t)(postgres.Open(context.Background(), pgtest.Schema(t), postgres.DefaultPool(), o))
	}},
}

func openMemory(t testing.TB, o sqlstore.Options) *sqlstore.Store {
	return opened(t)(sqlite.OpenMemory(context.Background(), o))
}

// opened fails the test on an error and closes the store when it ends.
func opened(t testing.TB) func(*sqlstore.Store, error) *sqlstore.Store {
	return func(s *sqlstore.Store, err error) *sqlstore.Store {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// forEachStore runs test once per store kind, as a subtest named for it.
func forEachStore(t *testing.T, test func(t *testing.T, open storeOpener)) {
	for _, k := range storeKinds {
		t.Run(k.name, func(t *testing.T) { test(t, k.open) })
	}
}
