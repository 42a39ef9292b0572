package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/openchime/chime"
)

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// writeFunc is one write: its statements in tx, under ctx. Under group
// commit ctx is not the caller's (a write that was taken runs to its end),
// so a write uses the ctx it is given, never one it captured. It may run
// more than once before it is answered (when its transaction is lost to
// another's failure or a deadlock), so it sets its results afresh on each
// run.
type writeFunc func(ctx context.Context, tx *sql.Tx) error

// inTx runs fn in a transaction and commits it; the commit is the moment a
// write becomes durable, so callers answer only after inTx returns. A
// panic in fn rolls the transaction back and goes on to the caller.
func (c *core) inTx(ctx context.Context, fn writeFunc) (err error) {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	if err := fn(ctx, tx); err != nil {
		return err
	}
	if err := c.verify(); err != nil {
		return err
	}
	committed = true
	return tx.Commit()
}

// maxAttempts bounds how often a write that lost a race (Retry) runs.
const maxAttempts = 4

// write runs fn in a transaction (its own, or a savepoint of a shared one
// under group commit) and turns engine errors into domain ones. It returns
// once the write is durable or has failed.
func (c *core) write(ctx context.Context, what string, fn writeFunc) error {
	if c.group != nil {
		return c.classify(what, c.group.run(ctx, fn))
	}
	for attempt := 1; ; attempt++ {
		err := c.inTx(ctx, fn)
		if err == nil || attempt == maxAttempts || ctx.Err() != nil || c.dialect.Classify(err) != Retry {
			return c.classify(what, err)
		}
	}
}

// classify is the one place where the store's errors get their kinds:
// domain errors stay as they are, an unreachable, busy, lost or closed
// database and a cancelled request are Unavailable, and anything else is
// Internal.
func (c *core) classify(what string, err error) error {
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
	if c.unavailable(err) {
		return unavailable(fmt.Errorf("%s: %w", what, err))
	}
	// An engine error on a database whose file has gone (SQLite may read
	// a removed file's pages as a malformed image before the check at
	// commit runs) is that loss, not a fault of the server.
	if lost := c.verify(); lost != nil {
		return lost
	}
	return chime.Internalf(err, "%s", what)
}

// unavailable reports whether err says the database cannot do the work now.
func (c *core) unavailable(err error) bool {
	switch {
	case c.shut.Load(), errors.Is(err, errClosed), errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone):
		return true
	}
	f := c.dialect.Classify(err)
	return f == Unavailable || f == Retry
}

// unavailable is the error of a store that cannot take the work now; the
// client sees a fixed message, the log the cause.
func unavailable(cause error) *chime.Error {
	return &chime.Error{Kind: chime.Unavailable, Message: "The store is unavailable; retry later.", Err: cause}
}

// execMatched runs a statement and reports whether it touched any row.
func (c *core) execMatched(ctx context.Context, tx *sql.Tx, query string, args ...any) (bool, error) {
	res, err := c.on(tx).ExecContext(ctx, query, args...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
