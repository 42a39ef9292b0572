// Package sqlstore implements chime.Service on database/sql, once for every
// SQL engine. What differs between engines (placeholders, the schema's
// identity columns, error classification) sits behind a small Dialect; the
// business rules come from package chime. It imports chime, internal/randid
// and the standard library.
package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/randid"
)

// Dialect is what one SQL engine does differently.
type Dialect interface {
	// Name names the engine in logs and metrics ("sqlite", "postgres").
	Name() string
	// Rebind turns the '?' placeholders of a query into the engine's own.
	Rebind(query string) string
	// Migrations returns the schema, one statement list per version, in order.
	Migrations() [][]string
	// IsUniqueViolation reports whether err is a unique-constraint violation.
	IsUniqueViolation(err error) bool
	// LockMigrations serialises schema changes between processes that share
	// the database, for the duration of tx (a no-op where the engine's write
	// transaction already does).
	LockMigrations(ctx context.Context, tx *sql.Tx) error
	// LockForUpdate is the clause that locks the rows a SELECT reads until
	// the transaction ends ("" where write transactions are serial anyway).
	LockForUpdate() string
	// LockForKeyShare is the clause that keeps the rows a SELECT reads
	// from being deleted or locked for update until the transaction ends,
	// while other transactions take the same lock ("" where write
	// transactions are serial anyway).
	LockForKeyShare() string
}

// Options injects time and randomness, so that tests are deterministic.
type Options struct {
	// Now returns the current time; default time.Now.
	Now func() time.Time
	// NewID returns a fresh lowercase UUIDv4; default from crypto/rand.
	NewID func() string
	// NewPIN returns a fresh 10-digit PIN; default from crypto/rand.
	NewPIN func() string
	// GroupCommit lets concurrent writes share a transaction and its sync
	// (see group.go); for engines with a single writer.
	GroupCommit bool
}

// Store is chime.Service on a SQL database.
type Store struct {
	db      *sql.DB
	dialect Dialect
	now     func() time.Time
	newID   func() string
	newPIN  func() string

	mu        sync.Mutex
	queries   map[string]string    // '?' query -> engine query
	stmts     map[string]*sql.Stmt // engine query -> prepared statement
	preparing map[string]bool
	closed    bool

	group *committer // nil: one transaction per write
}

var (
	_ chime.AccountService = (*Store)(nil)
	_ chime.UserService    = (*Store)(nil)
)

// Services returns the store's services, one per resource.
func (s *Store) Services() chime.Services {
	return chime.Services{Accounts: s, Users: s}
}

// New returns a store on db. Call Migrate before use.
func New(db *sql.DB, d Dialect, o Options) *Store {
	s := &Store{db: db, dialect: d, now: o.Now, newID: o.NewID, newPIN: o.NewPIN,
		queries: map[string]string{}, stmts: map[string]*sql.Stmt{}, preparing: map[string]bool{}}
	if s.now == nil {
		s.now = time.Now
	}
	if s.newID == nil {
		s.newID = randid.UUID
	}
	if s.newPIN == nil {
		s.newPIN = randid.PIN
	}
	if o.GroupCommit {
		s.group = newCommitter(db)
	}
	return s
}

// DB returns the underlying database, for health checks and integrity tests.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect.
func (s *Store) Dialect() Dialect { return s.dialect }

// Close finishes queued writes and closes the database.
func (s *Store) Close() error {
	if s.group != nil {
		s.group.close()
	}
	s.closeStatements()
	return s.db.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Migrate brings the schema to the newest version. Several processes may
// call it at once; the dialect's lock makes them take turns.
func (s *Store) Migrate(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.dialect.LockMigrations(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return err
		}
		for i, stmts := range s.dialect.Migrations() {
			version := i + 1
			if version <= current {
				continue
			}
			for _, stmt := range stmts {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %d: %w", version, err)
				}
			}
			if _, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version) VALUES (?)`), version); err != nil {
				return err
			}
		}
		return nil
	})
}

// Secret returns the named secret of the installation, creating it on first
// use. Every process on the same database gets the same bytes, so that a
// pagination token issued by one server node is accepted by another.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	var value string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
			"secret:"+name, hex.EncodeToString(fresh)); err != nil {
			return err
		}
		return s.on(tx).QueryRowContext(ctx, s.q(`SELECT value FROM meta WHERE key = ?`), "secret:"+name).Scan(&value)
	})
	if err != nil {
		return nil, chime.Internalf(err, "read secret")
	}
	return hex.DecodeString(value)
}

// q returns the engine's form of a '?' query, rebinding each text once.
func (s *Store) q(query string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.queries[query]; ok {
		return r
	}
	r := s.dialect.Rebind(query)
	s.queries[query] = r
	return r
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a transaction and commits it; the commit is the moment a
// write becomes durable, so callers answer only after inTx returns.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// write runs fn in a transaction (its own, or a savepoint of a shared one
// under group commit) and turns engine errors into domain ones. It returns
// once the write is durable or has failed.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if s.group != nil {
		return s.classify(what, s.group.run(ctx, fn))
	}
	return s.classify(what, s.inTx(ctx, fn))
}

func (s *Store) classify(what string, err error) error {
	if err == nil {
		return nil
	}
	var de *chime.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &chime.Error{Kind: chime.Unavailable, Message: "The request was cancelled before it completed.", Err: err}
	}
	return chime.Internalf(err, "%s", what)
}

// Time is stored as Unix milliseconds: the wire's precision.
func toMillis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func nullMillis(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: toMillis(t), Valid: true}
}

func fromNullMillis(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return fromMillis(n.Int64)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// now returns the store clock's time at the wire's precision.
func (s *Store) nowMillis() time.Time { return s.now().UTC().Truncate(time.Millisecond) }

// Cursors are the sequence number of the last row of the previous page.
func parseCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(c, 10, 64)
	if err != nil || n < 0 {
		return 0, chime.Errorf(chime.BadRequest, "NextToken is not valid")
	}
	return n, nil
}

func formatCursor(seq int64) string { return strconv.FormatInt(seq, 10) }

// emailKey is the form e-mail addresses are compared in.
func emailKey(email string) string { return strings.ToLower(email) }

// notFoundAccount is the error for an account the caller cannot see.
func notFoundAccount(id string) error {
	return chime.Errorf(chime.NotFound, "The account %s was not found", id)
}

func notFoundUser(id string) error {
	return chime.Errorf(chime.NotFound, "The user %s was not found in the account", id)
}
