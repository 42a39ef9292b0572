package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/internal/schemafixture"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// A database file of every earlier schema version opens, is migrated, and
// answers every read and write (testdata/upgrade, package schemafixture).
func TestUpgrade(t *testing.T) {
	schemafixture.Test(t, schemafixture.Engine{
		Dialect:  sqlite.Dialect{},
		Dir:      filepath.Join("testdata", "upgrade"),
		Load:     loadFile,
		Tables:   tables,
		Describe: describe,
	})
}

// loadFile makes a database file of the SQL text.
func loadFile(t *testing.T, text string) (*sql.DB, func(sqlstore.Options) (*sqlstore.Store, error)) {
	path := filepath.Join(t.TempDir(), "chime.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if text != "" {
		if _, err := db.Exec(text); err != nil {
			t.Fatalf("load the fixture: %v", err)
		}
	}
	return db, func(o sqlstore.Options) (*sqlstore.Store, error) { return sqlite.Open(context.Background(), path, o) }
}

func tables(ctx context.Context, db *sql.DB) ([]string, error) {
	return schemafixture.Lines(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
}

// describe lists every table and index with the statement SQLite keeps
// for it, its spaces collapsed.
func describe(ctx context.Context, db *sql.DB) ([]string, error) {
	lines, err := schemafixture.Lines(ctx, db, `SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || COALESCE(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name`)
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return lines, err
}

// A database a newer chime migrated further is refused with an error
// that says so, and left as it was.
func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chime.db")
	s, err := sqlite.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	known := len(sqlite.Dialect{}.Migrations())
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	schemafixture.TestNewerRefused(t, db, known,
		func() error { _, err := sqlite.Open(ctx, path, sqlstore.Options{}); return err },
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
	for _, name := range append(names, "sqlite_sequence") {
		rows, err := db.QueryContext(ctx, `SELECT * FROM `+name+` ORDER BY 1`)
		if err != nil {
			return nil, err
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, fmt.Sprintf("%s %v", name, vals))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
