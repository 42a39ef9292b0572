// Package pgtest gives tests a PostgreSQL schema of their own on the
// database named by CHIME_TEST_POSTGRES_URL, dropped when the test ends, so
// that runs never see each other's data. Without the variable the tests
// skip, unless CHIME_REQUIRE_POSTGRES=1 (as in CI) makes that a failure.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/openchime/chime/internal/randid"
)

// EnvURL names the variable with the base database URL.
const EnvURL = "CHIME_TEST_POSTGRES_URL"

// BaseURL returns the configured database URL, or skips the test.
func BaseURL(t testing.TB) string {
	base := os.Getenv(EnvURL)
	if base == "" {
		if os.Getenv("CHIME_REQUIRE_POSTGRES") == "1" {
			t.Fatalf("%s is not set, and CHIME_REQUIRE_POSTGRES=1 says PostgreSQL tests must run", EnvURL)
		}
		t.Skipf("%s is not set: skipping the PostgreSQL tests", EnvURL)
	}
	return base
}

// Schema creates a fresh schema and returns a URL whose connections use it.
func Schema(t testing.TB) string {
	base := BaseURL(t)
	name := "chime_test_" + randid.UUID()[:8]
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(context.Background(), "CREATE SCHEMA "+name); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.ExecContext(context.Background(), "DROP SCHEMA "+name+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// Describe names the database for logs without its password.
func Describe(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres"
	}
	return fmt.Sprintf("postgres://%s%s", u.Host, u.Path)
}
