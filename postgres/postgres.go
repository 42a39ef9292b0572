// Package postgres opens the PostgreSQL store: pgx as the driver, the
// schema with its identity columns, migrations serialised by an advisory
// lock so that several server nodes may start at once, the connection pool,
// and the mapping of SQLSTATE 23505 to a conflict.
//
// It imports sqlstore and pgx.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/openchime/chime/sqlstore"
)

// Dialect is PostgreSQL's sqlstore.Dialect.
type Dialect struct{}

// Name implements sqlstore.Dialect.
func (Dialect) Name() string { return "postgres" }

// Rebind implements sqlstore.Dialect: '?' becomes $1, $2, ... (the store's
// queries hold no '?' inside literals).
func (Dialect) Rebind(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Classify implements sqlstore.Dialect from the SQLSTATE of the server's
// errors and the errors of the connection itself.
func (Dialect) Classify(err error) sqlstore.Failure {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505": // unique_violation
			return sqlstore.UniqueViolation
		case pe.Code == "40001", pe.Code == "40P01": // serialization_failure, deadlock_detected
			return sqlstore.Retry
		case unavailableStates[pe.Code], len(pe.Code) == 5 && unavailableStates[pe.Code[:2]]:
			return sqlstore.Unavailable
		}
		return sqlstore.Other
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), pgconn.Timeout(err), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return sqlstore.Unavailable
	}
	return sqlstore.Other
}

// migrationLock is the advisory lock key nodes take around migrations.
const migrationLock = 0x6368696d65 // "chime"

// LockMigrations implements sqlstore.Dialect: a transaction-scoped advisory
// lock, so that nodes starting together migrate one after another.
func (Dialect) LockMigrations(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock)
	return err
}

// LockForUpdate implements sqlstore.Dialect: rows read to be changed are
// locked until the transaction ends.
func (Dialect) LockForUpdate() string { return " FOR UPDATE" }

// LockForKeyShare implements sqlstore.Dialect: the rows stay and are not
// locked for update by others until the transaction ends; others may take
// the same lock.
func (Dialect) LockForKeyShare() string { return " FOR KEY SHARE" }

// unavailableStates are the SQLSTATEs, and classes of them, of a server
// that cannot take the work now.
var unavailableStates = map[string]bool{
	"08":    true, // connection exception
	"53":    true, // insufficient resources: disk, memory, connections
	"57P01": true, // admin_shutdown
	"57P02": true, // crash_shutdown
	"57P03": true, // cannot_connect_now: starting up
	"57014": true, // query_canceled: a statement timeout
	"25006": true, // read_only_sql_transaction: a standby, as after a failover
}

// Bytewise implements sqlstore.Dialect: the "C" collation, which every
// PostgreSQL has; the database's own may be a locale's, under which a
// range of text is not the text with a prefix.
func (Dialect) Bytewise() string { return `COLLATE "C"` }

// OverridingIdentity implements sqlstore.Dialect: an identity column
// GENERATED ALWAYS takes a value only with this clause.
func (Dialect) OverridingIdentity() string { return "OVERRIDING SYSTEM VALUE" }

// LastSeq implements sqlstore.Dialect: the last value of the column's
// sequence.
func (Dialect) LastSeq(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence($1, 'seq')::regclass), 0)`,
		table).Scan(&last)
	return last, err
}

// SetLastSeq implements sqlstore.Dialect: values written with
// OVERRIDING SYSTEM VALUE do not move the sequence, so it is set here.
func (Dialect) SetLastSeq(ctx context.Context, tx *sql.Tx, table string, last int64) error {
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT GREATEST($1::bigint, COALESCE(MAX(seq), 0)) FROM `+table, last).Scan(&n); err != nil || n == 0 {
		return err
	}
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, 'seq'), $2)`, table, n)
	return err
}

// RestartSeq implements sqlstore.Dialect.
func (Dialect) RestartSeq(ctx context.Context, tx *sql.Tx, table string) error {
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, 'seq'), 1, false)`, table)
	return err
}

// Migrations implements sqlstore.Dialect.
func (Dialect) Migrations() [][]string {
	return sqlstore.Schema(sqlstore.Spelling{Identity: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", Integer: "BIGINT",
		LookupIndexes: true, Bytewise: Dialect{}.Bytewise()})
}

// Pool sizes the connection pool.
type Pool struct {
	// MaxConns bounds open connections per server node (default 16).
	MaxConns int
	// MaxIdleConns bounds idle ones (default MaxConns).
	MaxIdleConns int
	// ConnMaxLifetime recycles connections (default 30m; 0 keeps them).
	ConnMaxLifetime time.Duration
	// GroupCommit lets this node's concurrent writes share a transaction
	// and its commit (see sqlstore's group.go). Off by default: a shared
	// transaction holds its rows' locks until the whole batch commits, so
	// with several nodes writing the same rows their batches deadlock and
	// wait out PostgreSQL's deadlock_timeout (the mixed workload on two
	// nodes fell from 1 447 to between 40 and 330 requests a second);
	// one node gains (CreateUser p99 46.7 ms to 9.6 ms). docs/deployment.md
	// has the figures.
	GroupCommit bool
}

// DefaultPool is the pool without flags.
func DefaultPool() Pool {
	return Pool{MaxConns: 16, MaxIdleConns: 16, ConnMaxLifetime: 30 * time.Minute}
}

// Open connects to the database at url (postgres:// or postgresql://),
// migrates it and returns the store. Several processes may open one
// database at once.
func Open(ctx context.Context, url string, pool Pool, o sqlstore.Options) (*sqlstore.Store, error) {
	if _, err := pgconn.ParseConfig(url); err != nil {
		return nil, fmt.Errorf("postgres: %w", redact(err))
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", redact(err))
	}
	if pool.MaxConns <= 0 {
		pool.MaxConns = DefaultPool().MaxConns
	}
	if pool.MaxIdleConns <= 0 || pool.MaxIdleConns > pool.MaxConns {
		pool.MaxIdleConns = pool.MaxConns
	}
	db.SetMaxOpenConns(pool.MaxConns)
	db.SetMaxIdleConns(pool.MaxIdleConns)
	db.SetConnMaxLifetime(pool.ConnMaxLifetime)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: cannot reach the database: %w", redact(err))
	}
	// With GroupCommit, concurrent writes of this node share a
	// transaction and its commit: each costs two round trips instead of
	// four, and a share of one WAL flush.
	o.GroupCommit = pool.GroupCommit
	s := sqlstore.New(db, Dialect{}, o)
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: migrate: %w", err)
	}
	return s, nil
}

// redact keeps passwords of connection strings out of error messages.
func redact(err error) error {
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		return errors.New("the connection string is not valid")
	}
	return err
}
