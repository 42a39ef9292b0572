// Package sqlite opens the embedded SQLite store: the connection settings
// that make a commit durable, the schema, the mapping of driver errors,
// and the check that the database file is still the one opened.
//
// The driver is modernc.org/sqlite, a translation of SQLite's C source to
// Go: no cgo, so the binary cross-compiles and builds on a machine without a
// C toolchain, and the race detector covers it like the rest of the code.
// It imports chime, sqlstore and the driver.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/openchime/chime/sqlstore"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// Dialect is SQLite's sqlstore.Dialect.
type Dialect struct{}

// Name implements sqlstore.Dialect.
func (Dialect) Name() string { return "sqlite" }

// Rebind implements sqlstore.Dialect: SQLite takes '?' as it is.
func (Dialect) Rebind(q string) string { return q }

// Classify implements sqlstore.Dialect: a unique or primary key refused
// the row, or the database cannot take the work now (locked past the busy
// timeout, out of space or memory, failing to read or write its files).
func (Dialect) Classify(err error) sqlstore.Failure {
	var e *sqlite3.Error
	if !errors.As(err, &e) {
		return sqlstore.Other
	}
	switch e.Code() {
	case sqlite3lib.SQLITE_CONSTRAINT_UNIQUE, sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY:
		return sqlstore.UniqueViolation
	}
	switch e.Code() & 0xff { // the primary code of an extended one
	case sqlite3lib.SQLITE_BUSY, sqlite3lib.SQLITE_LOCKED, sqlite3lib.SQLITE_IOERR, sqlite3lib.SQLITE_FULL,
		sqlite3lib.SQLITE_CANTOPEN, sqlite3lib.SQLITE_READONLY, sqlite3lib.SQLITE_NOMEM, sqlite3lib.SQLITE_PROTOCOL:
		return sqlstore.Unavailable
	}
	return sqlstore.Other
}

// LockMigrations implements sqlstore.Dialect: every transaction here begins
// IMMEDIATE, which already takes the database's write lock.
func (Dialect) LockMigrations(context.Context, *sql.Tx) error { return nil }

// LockForUpdate implements sqlstore.Dialect: SQLite has one writer, and
// every transaction here takes the write lock when it begins.
func (Dialect) LockForUpdate() string { return "" }

// LockForKeyShare implements sqlstore.Dialect, like LockForUpdate.
func (Dialect) LockForKeyShare() string { return "" }

// Bytewise implements sqlstore.Dialect: SQLite's default collation,
// named so that schema and queries read alike on every engine.
func (Dialect) Bytewise() string { return "COLLATE BINARY" }

// OverridingIdentity implements sqlstore.Dialect: SQLite takes a value
// for an INTEGER PRIMARY KEY as it is.
func (Dialect) OverridingIdentity() string { return "" }

// LastSeq implements sqlstore.Dialect: AUTOINCREMENT keeps the last value
// of each table in sqlite_sequence.
func (Dialect) LastSeq(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0)`, table).Scan(&last)
	return last, err
}

// SetLastSeq implements sqlstore.Dialect. SQLite already moves
// sqlite_sequence past every value inserted.
func (Dialect) SetLastSeq(ctx context.Context, tx *sql.Tx, table string, last int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`, last, table)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO sqlite_sequence (name, seq) SELECT ?, MAX(?, COALESCE(MAX(seq), 0)) FROM `+table, table, last)
	return err
}

// RestartSeq implements sqlstore.Dialect.
func (Dialect) RestartSeq(ctx context.Context, tx *sql.Tx, table string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM sqlite_sequence WHERE name = ?`, table)
	return err
}

// Migrations implements sqlstore.Dialect.
func (Dialect) Migrations() [][]string {
	return sqlstore.Schema(sqlstore.Spelling{Identity: "INTEGER PRIMARY KEY AUTOINCREMENT", Integer: "INTEGER", Bytewise: Dialect{}.Bytewise()})
}

// maxConns bounds the connections to a database file: enough for every
// reader a two- to eight-core machine can serve at once.
const maxConns = 32

// Open opens (creating if needed) the database file at path, migrates it and
// returns the store. Commits are durable when they return: the journal is a
// write-ahead log synced on every commit (synchronous=FULL).
func Open(ctx context.Context, path string, o sqlstore.Options) (*sqlstore.Store, error) {
	if err := makeDir(path); err != nil {
		return nil, err
	}
	v := url.Values{}
	for _, p := range filePragmas {
		v.Add("_pragma", p)
	}
	v.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+v.Encode())
	if err != nil {
		return nil, err
	}
	return openFile(ctx, db, path, o)
}

// filePragmas are the settings of every connection to a database file.
// wal_autocheckpoint: the log is copied into the database file once it
// holds 8192 pages (32 MiB) rather than SQLite's 1000: pages that every
// write changes (the ends of the indexes) are then copied once per
// checkpoint instead of eight times, which makes durable writes about 15%
// cheaper (go test -bench Store ./sqlite/).
//
// temp_store(MEMORY): each write of a group commit runs in a savepoint,
// whose undo log (the statement journal) SQLite otherwise moves to a
// temporary file once a transaction's exceeds 64 KiB, a few writes into
// a batch: the committer then opened, wrote, closed and removed a file
// per batch while every other write waited. In memory it holds at most
// the pages one batch changes (a few MiB), and the file's sync still
// makes every commit durable.
var filePragmas = []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(ON)",
	"wal_autocheckpoint(8192)", "temp_store(MEMORY)"}

func makeDir(path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("sqlite: create directory for %s: %w", path, err)
		}
	}
	return nil
}

// openFile makes a store of db, a pool of connections to the database
// file at path whose connections have filePragmas and begin their
// transactions IMMEDIATE.
func openFile(ctx context.Context, db *sql.DB, path string, o sqlstore.Options) (*sqlstore.Store, error) {
	// Readers run in parallel on their own connections; keep them open, as
	// opening one costs a file open and the pragmas (database/sql keeps
	// only two idle connections by default).
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(0)
	// One writer at a time is all SQLite allows: let concurrent writes
	// share a commit and its sync instead of queueing for the lock.
	o.GroupCommit = true
	// The file the connections opened, to notice when another takes its
	// place: every commit and health check stats the path (a microsecond).
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	opened, err := os.Stat(path)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	o.Verify = func() error { return sameFile(path, opened) }
	return open(ctx, db, o)
}

// sameFile returns an error unless path still names the file opened: a
// file removed or replaced under a running server would take every write
// acknowledged since with it when the server restarts, and connections
// opened since would see another database.
func sameFile(path string, opened os.FileInfo) error {
	now, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("the database file %s is gone: %w", path, err)
	}
	if !os.SameFile(opened, now) {
		return fmt.Errorf("the database file %s was replaced by another file", path)
	}
	return nil
}

// OpenMemory returns a store that lives in memory and is gone when closed:
// for tests and for `chime server --dev`.
func OpenMemory(ctx context.Context, o sqlstore.Options) (*sqlstore.Store, error) {
	db, err := sql.Open("sqlite", "file::memory:?_txlock=immediate&_pragma=foreign_keys(ON)")
	if err != nil {
		return nil, err
	}
	// Every connection to ":memory:" is a database of its own: keep one.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	return open(ctx, db, o)
}

func open(ctx context.Context, db *sql.DB, o sqlstore.Options) (*sqlstore.Store, error) {
	s := sqlstore.New(db, Dialect{}, o)
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: migrate: %w", err)
	}
	return s, nil
}

// IntegrityCheck runs SQLite's own consistency check and returns its
// complaint, if any.
func IntegrityCheck(ctx context.Context, db *sql.DB) error {
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("sqlite integrity check: %s", res)
	}
	return nil
}
