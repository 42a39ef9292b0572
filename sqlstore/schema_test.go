package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// olderEngines give, for each engine, a database at the first versions
// of the schema, and open the store on it (which migrates it).
var olderEngines = []struct {
	name string
	at   func(t *testing.T, versions int) (db *sql.DB, d sqlstore.Dialect, open func() *sqlstore.Store)
}{
	{"sqlite", func(t *testing.T, versions int) (*sql.DB, sqlstore.Dialect, func() *sqlstore.Store) {
		path := filepath.Join(t.TempDir(), "chime.db")
		db := rawAt(t, "sqlite", "file:"+path, sqlite.Dialect{}, versions)
		return db, sqlite.Dialect{}, func() *sqlstore.Store {
			s, err := sqlite.Open(context.Background(), path, sqlstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
	}},
	{"postgres", func(t *testing.T, versions int) (*sql.DB, sqlstore.Dialect, func() *sqlstore.Store) {
		url := pgtest.Schema(t)
		db := rawAt(t, "pgx", url, postgres.Dialect{}, versions)
		return db, postgres.Dialect{}, func() *sqlstore.Store {
			s, err := postgres.Open(context.Background(), url, postgres.DefaultPool(), sqlstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
	}},
}

// rawAt opens a database with the driver and brings it to the given
// schema version by its statements alone.
func rawAt(t *testing.T, driver, dsn string, d sqlstore.Dialect, versions int) *sql.DB {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	stmts := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`}
	for v, version := range d.Migrations()[:versions] {
		stmts = append(stmts, version...)
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO schema_migrations VALUES (%d)`, v+1))
	}
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	return db
}

// Version 3 recomputes the e-mail keys of the users stored before it,
// which were only lower-cased: look-alike addresses become one address.
// Where two users of one AWS account now share a key, a user whose key
// did not change keeps it, or else the older one; the other stays
// readable under its own address but no longer counts.
func TestMigrationRekeysEmails(t *testing.T) {
	ctx := context.Background()
	const owner, other = "111122223333", "444455556666"
	users := []struct{ owner, id, email, key string }{
		{owner, "u1", "Jane@Example.com", "jane@example.com"},                         // unchanged
		{owner, "u2", "\uff4a\uff41\uff4e\uff45@example.com", "jane@example.com\nu2"}, // fullwidth: u1 keeps the key
		{owner, "u3", "jose\u0301@example.com", "jos\u00e9@example.com"},              // decomposed: composed
		{owner, "u4", " bob@example.com", "bob@example.com\nu4"},                      // trimmed: u5 keeps the key
		{owner, "u5", "BOB@example.com", "bob@example.com"},                           // unchanged
		{owner, "u6", "\u212aate@example.com", "kate@example.com"},                    // Kelvin sign: older than u7
		{owner, "u7", "\uff4bate@example.com", "kate@example.com\nu7"},                // fullwidth k
		{other, "u8", "\uff4a\uff41\uff4e\uff45@example.com", "jane@example.com"},     // another owner
	}
	for _, e := range olderEngines {
		t.Run(e.name, func(t *testing.T) {
			db, d, open := e.at(t, 2)
			for _, o := range []string{owner, other} {
				if _, err := db.Exec(d.Rebind(`INSERT INTO accounts (aws_account_id, id, name, account_type, created_at,
					default_license, supported_licenses, status, signin_delegate_groups)
					VALUES (?, 'a', 'a', 'EnterpriseDirectory', 1, 'Pro', 'Basic,Pro', 'Active', '[]')`), o); err != nil {
					t.Fatal(err)
				}
			}
			for _, u := range users {
				if _, err := db.Exec(d.Rebind(`INSERT INTO users (aws_account_id, account_id, id, email, email_key,
					license, user_type, registration) VALUES (?, 'a', ?, ?, ?, 'Pro', 'PrivateUser', 'Registered')`),
					u.owner, u.id, u.email, strings.ToLower(u.email)); err != nil {
					t.Fatal(err)
				}
			}
			s := open()
			for _, u := range users {
				var email, key string
				if err := s.DB().QueryRow(d.Rebind(`SELECT email, email_key FROM users WHERE id = ?`), u.id).Scan(&email, &key); err != nil {
					t.Fatal(err)
				}
				if email != u.email || key != u.key {
					t.Errorf("%s: email %q key %q, want %q %q", u.id, email, key, u.email, u.key)
				}
			}
			_, err := s.CreateUser(ctx, owner, "a", chime.NewUser{Email: "JOS\u00c9@example.com"})
			if chime.KindOf(err) != chime.Conflict {
				t.Errorf("a look-alike of a stored address: %v (%v), want a conflict", chime.KindOf(err), err)
			}
			page, err := s.ListUsers(ctx, owner, "a", chime.UserFilter{Email: "jane@example.com"}, chime.PageRequest{})
			if err != nil || len(page.Users) != 1 || page.Users[0].ID != "u1" {
				t.Errorf("filter: %+v %v", page, err)
			}
			if u, err := s.GetUser(ctx, owner, "a", "u2"); err != nil || u.Email != users[1].email {
				t.Errorf("the user that lost its key: %+v %v", u, err)
			}
		})
	}
}
