package postgres_test

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/internal/schemafixture"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlstore"
)

// A database of every earlier schema version opens, is migrated, and
// answers every read and write (testdata/upgrade, package schemafixture).
func TestUpgrade(t *testing.T) {
	pgtest.BaseURL(t)
	schemafixture.Test(t, schemafixture.Engine{
		Dialect:  postgres.Dialect{},
		Dir:      filepath.Join("testdata", "upgrade"),
		Load:     loadSchema,
		Tables:   tables,
		Describe: describe,
	})
}

// loadSchema makes a schema of the test's own of the SQL text: pg_dump's,
// the schema's name replaced by {{schema}}.
func loadSchema(t *testing.T, text string) (*sql.DB, func(sqlstore.Options) (*sqlstore.Store, error)) {
	dsn := pgtest.Schema(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if text != "" {
		// pg_dump's text empties the search path of the connection it
		// runs on: a pool of its own, closed after.
		load, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		_, err = load.Exec(strings.ReplaceAll(text, "{{schema}}", u.Query().Get("search_path")))
		load.Close()
		if err != nil {
			t.Fatalf("load the fixture: %v", err)
		}
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, func(o sqlstore.Options) (*sqlstore.Store, error) {
		return postgres.Open(context.Background(), dsn, postgres.DefaultPool(), o)
	}
}

func tables(ctx context.Context, db *sql.DB) ([]string, error) {
	return schemafixture.Lines(ctx, db, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`)
}

// describe lists every column, index and constraint of the schema, the
// schema's name left out.
func describe(ctx context.Context, db *sql.DB) ([]string, error) {
	var out []string
	for _, q := range []string{
		`SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type ||
			' null ' || is_nullable || ' default ' || COALESCE(column_default, '-') || ' identity ' || is_identity ||
			' ' || COALESCE(identity_generation, '-') || ' collation ' || COALESCE(collation_name, '-')
			FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
		`SELECT 'index ' || indexname || ': ' || replace(indexdef, current_schema() || '.', '')
			FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`,
		`SELECT 'constraint ' || conname || ' on ' || conrelid::regclass::text || ': ' || pg_get_constraintdef(oid)
			FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY conname`,
	} {
		lines, err := schemafixture.Lines(ctx, db, q)
		if err != nil {
			return nil, err
		}
		out = append(out, lines...)
	}
	return out, nil
}

// A database a newer chime migrated further is refused with an error
// that says so, and left as it was, on every node that opens it.
func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Schema(t)
	s, err := postgres.Open(ctx, dsn, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	known := len(postgres.Dialect{}.Migrations())
	schemafixture.TestNewerRefused(t, db, known,
		func() error {
			_, err := postgres.Open(ctx, dsn, postgres.DefaultPool(), sqlstore.Options{})
			return err
		},
		func() ([]string, error) { return contents(ctx, db) })
}

// contents describes the schema and every row of every table.
func contents(ctx context.Context, db *sql.DB) ([]string, error) {
	out, err := describe(ctx, db)
	if err != nil {
		return nil, err
	}
	names, err := tables(ctx, db)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		rows, err := schemafixture.Lines(ctx, db, `SELECT t::text FROM `+name+` AS t ORDER BY 1`)
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}
