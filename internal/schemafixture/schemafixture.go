// Package schemafixture tests that a database written by an earlier chime
// keeps working once the current one has migrated it. Each engine keeps,
// in its testdata/upgrade, one fixture per schema version N (vN.sql): a
// database the chime of that version wrote through its API, dumped as SQL
// text by the generate command beside this package, which also says how
// to make one. Test loads each into a fresh database, opens the store on
// it, and checks the migration (every version recorded once, the schema
// equal to a new database's, every row the fixture held still there),
// every read of what the fixture holds against the fixture's own rows,
// and the writes of every resource, on rows of the fixture and new ones.
//
// It imports chime, sqlstore and the standard library; only tests import
// it.
package schemafixture

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlstore"
)

// Engine is what Test needs of an engine.
type Engine struct {
	// Dialect is the engine's; its migrations say which versions exist.
	Dialect sqlstore.Dialect
	// Dir holds the engine's fixtures: vN.sql for schema version N.
	Dir string
	// Load returns a database of the test's own holding what the SQL text
	// creates ("": an empty database), opened without the store, and a
	// function that opens the store on it, which migrates it.
	Load func(t *testing.T, text string) (db *sql.DB, open func(sqlstore.Options) (*sqlstore.Store, error))
	// Tables lists the tables of the database's schema, the engine's own
	// (sqlite_sequence) left out.
	Tables func(ctx context.Context, db *sql.DB) ([]string, error)
	// Describe describes the schema (tables, columns, indexes, keys) as
	// lines in a fixed order, equal for equal schemas.
	Describe func(ctx context.Context, db *sql.DB) ([]string, error)
}

// rewrites names the columns that a migration recomputes, with the
// version that does: below that version the fixture's values may change,
// every other column of every row must come through a migration as it was.
var rewrites = map[string]int{
	"users.email_key": 3, // e-mail keys normalised (sqlstore's rekeyEmails)
}

// Test runs the upgrade checks on the fixture of every schema version
// the engine's migrations have; a version without a fixture fails.
func Test(t *testing.T, e Engine) {
	newest := len(e.Dialect.Migrations())
	for v := 1; v <= newest; v++ {
		t.Run("v"+strconv.Itoa(v), func(t *testing.T) {
			path := filepath.Join(e.Dir, fmt.Sprintf("v%d.sql", v))
			text, err := os.ReadFile(path)
			if os.IsNotExist(err) {
				t.Fatalf("no fixture of schema version %d (%s): each schema version has one, written by the commit that adds it: "+
					"go run ./internal/schemafixture/generate -version %d -commit <that commit> (docs/operations.md, Upgrades)", v, path, v)
			}
			if err != nil {
				t.Fatal(err)
			}
			upgradeFrom(t, e, v, string(text))
		})
	}
	files, _ := filepath.Glob(filepath.Join(e.Dir, "v*.sql"))
	name := regexp.MustCompile(`^v(\d+)\.sql$`)
	for _, f := range files {
		m := name.FindStringSubmatch(filepath.Base(f))
		if m == nil {
			t.Errorf("%s: a fixture is named vN.sql, N its schema version", f)
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n > newest {
			t.Errorf("%s is a fixture of schema version %d, which this schema (version %d) does not have", f, n, newest)
		}
	}
}

// upgradeFrom loads the fixture of version v, opens the store on it and
// checks what the package comment says.
func upgradeFrom(t *testing.T, e Engine, v int, text string) {
	ctx := context.Background()
	db, open := e.Load(t, text)
	names, err := e.Tables(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	before, err := readTables(ctx, db, names)
	if err != nil {
		t.Fatal(err)
	}
	if got := versions(before); !slices.Equal(got, upTo(v)) {
		t.Fatalf("the fixture of version %d records versions %v", v, got)
	}
	// The store's clock starts a minute after the fixture's last write,
	// whenever the test runs: what the fixture's times mean (an order
	// complete, a deleted number still restorable) does not change.
	clk := &clock{now: before.latest().Add(time.Minute)}
	s, err := open(sqlstore.Options{Now: clk.Now})
	if err != nil {
		t.Fatalf("open the store on the fixture of version %d: %v", v, err)
	}
	t.Cleanup(func() { s.Close() })

	names, err = e.Tables(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	after, err := readTables(ctx, db, names)
	if err != nil {
		t.Fatal(err)
	}
	newest := len(e.Dialect.Migrations())
	if got := versions(after); !slices.Equal(got, upTo(newest)) {
		t.Fatalf("after the upgrade schema_migrations records versions %v, want 1 to %d", got, newest)
	}
	sameSchemaAsNew(t, e, db)
	kept(t, before, after, v)

	u := &upgrade{t: t, ctx: ctx, version: v, db: db, store: s, svc: s.Services(), before: before, after: after, clock: clk}
	u.covered()
	u.reads()
	u.writes()
}

// versions lists the versions schema_migrations records, in order.
func versions(ts tables) []int {
	var out []int
	for _, r := range ts["schema_migrations"] {
		out = append(out, int(r.int("version")))
	}
	slices.Sort(out)
	return out
}

func upTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// sameSchemaAsNew compares the upgraded schema with a new database's: a
// released version's statements that changed afterwards, or a migration
// that leaves an upgraded database short of what a new one gets, show.
func sameSchemaAsNew(t *testing.T, e Engine, upgraded *sql.DB) {
	t.Helper()
	ctx := context.Background()
	fresh, open := e.Load(t, "")
	s, err := open(sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	want, err := e.Describe(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.Describe(ctx, upgraded)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range want {
		if !slices.Contains(got, line) {
			t.Errorf("a new database has, the upgraded one has not: %s", line)
		}
	}
	for _, line := range got {
		if !slices.Contains(want, line) {
			t.Errorf("the upgraded database has, a new one has not: %s", line)
		}
	}
}

// kept checks that every row of the fixture is still there with every
// column as it was, but for the columns a later migration rewrites.
func kept(t *testing.T, before, after tables, v int) {
	t.Helper()
	for table, rows := range before {
		if table == "schema_migrations" {
			continue
		}
		byKey := map[any]row{}
		for _, r := range after[table] {
			byKey[key(r)] = r
		}
		for _, r := range rows {
			now, ok := byKey[key(r)]
			if !ok {
				t.Errorf("%s: the row %v is gone after the upgrade", table, key(r))
				continue
			}
			for col, val := range r {
				if by, rewritten := rewrites[table+"."+col]; rewritten && v < by {
					continue
				}
				if now[col] != val {
					t.Errorf("%s %v: %s was %#v, is %#v after the upgrade", table, key(r), col, val, now[col])
				}
			}
		}
	}
}

// key is a row's seq, or its first column's value for tables without one.
func key(r row) any {
	if v, ok := r["seq"]; ok {
		return v
	}
	if v, ok := r["key"]; ok {
		return v
	}
	return fmt.Sprint(r)
}

// clock is the store's clock, moved forward by the writes that wait.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// upgrade holds one fixture's database after the upgrade.
type upgrade struct {
	t       *testing.T
	ctx     context.Context
	version int
	db      *sql.DB
	store   *sqlstore.Store
	svc     chime.Services
	// before and after are every row, before the store opened the
	// fixture and right after.
	before, after tables
	clock         *clock
}

// TestNewerRefused makes db, a database of the newest schema, look as a
// chime three schema versions newer left it (its versions recorded, a
// table of its own), and checks that open refuses it with
// sqlstore.ErrNewerSchema and a message that says what to do, and leaves
// it as it was: contents describes the database before and after.
func TestNewerRefused(t *testing.T, db *sql.DB, known int, open func() error, contents func() ([]string, error)) {
	t.Helper()
	newer := known + 3
	for _, stmt := range []string{
		fmt.Sprintf(`INSERT INTO schema_migrations (version) VALUES (%d), (%d), (%d)`, known+1, known+2, newer),
		`CREATE TABLE from_the_future (x INTEGER)`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	before, err := contents()
	if err != nil {
		t.Fatal(err)
	}
	// Twice: a refusal leaves nothing behind that a second open trips on.
	for range 2 {
		err = open()
		if !errors.Is(err, sqlstore.ErrNewerSchema) {
			t.Fatalf("open: %v, want ErrNewerSchema", err)
		}
	}
	var newerErr *sqlstore.NewerSchemaError
	if !errors.As(err, &newerErr) || newerErr.Database != newer || newerErr.Known != known {
		t.Fatalf("open: %#v", err)
	}
	want := fmt.Sprintf("database schema version %d is newer than this chime (schema %d)", newer, known)
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "restore the backup") {
		t.Errorf("the message %q does not say %q and what to do", err, want)
	}
	after, err := contents()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("the refused database changed:\nbefore %q\n after %q", before, after)
	}
}

// Lines runs a query of one text column and returns its values, for an
// engine's Tables and Describe.
func Lines(ctx context.Context, db *sql.DB, query string) ([]string, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
