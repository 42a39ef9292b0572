package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openchime/chime"
)

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a transaction and commits it; the commit is the moment a
// write becomes durable, so callers answer only after inTx returns.
func (c *core) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := c.db.BeginTx(ctx, nil)
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
func (c *core) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if c.group != nil {
		return c.classify(what, c.group.run(ctx, fn))
	}
	return c.classify(what, c.inTx(ctx, fn))
}

// classify keeps domain errors, reports cancellation as Unavailable and
// wraps anything else as Internal.
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
	return chime.Internalf(err, "%s", what)
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
