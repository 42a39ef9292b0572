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
