package sqlstore

import (
	"context"
	"database/sql"
)

// Dialect is what one SQL engine does differently.
type Dialect interface {
	// Name names the engine in logs and metrics ("sqlite", "postgres").
	Name() string
	// Rebind turns the '?' placeholders of a query into the engine's own.
	Rebind(query string) string
	// Migrations returns the schema, one statement list per version, in order.
	Migrations() [][]string
	// Classify says what an error of the engine means to the store: the
	// one place where an engine's error codes are read.
	Classify(err error) Failure
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
	// Bytewise is the COLLATE clause under which text compares and sorts
	// by its bytes, which for UTF-8 is code point order, whatever the
	// database's locale: a range of e-mail keys is then exactly the keys
	// with a prefix.
	Bytewise() string
	// OverridingIdentity is the clause with which an INSERT writes its
	// own values into an identity column ("" where no clause is needed).
	OverridingIdentity() string
	// LastSeq returns the last value the seq column of table handed out,
	// which may be above the largest stored (rows at the end deleted); 0
	// if it handed out none.
	LastSeq(ctx context.Context, tx *sql.Tx, table string) (int64, error)
	// SetLastSeq makes the seq column of table hand out values above both
	// last and every stored seq from now on.
	SetLastSeq(ctx context.Context, tx *sql.Tx, table string, last int64) error
	// RestartSeq makes the seq column of table, which holds no rows, hand
	// out 1 next, as in a new database.
	RestartSeq(ctx context.Context, tx *sql.Tx, table string) error
}

// Failure is what an engine's error means to the store.
type Failure int

const (
	// Other is any error the store does not treat specially: a failure of
	// the service (chime.Internal).
	Other Failure = iota
	// UniqueViolation is a write refused by a unique index or key.
	UniqueViolation
	// Unavailable is a database that cannot be reached or cannot take
	// the work now (connection refused or reset, shutting down, busy, out
	// of space): the request may succeed later (chime.Unavailable).
	Unavailable
	// Retry is a transaction that lost a race with another (a
	// serialization failure or a deadlock) and may simply run again.
	Retry
)
