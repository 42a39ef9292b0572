package sqlstore

import (
	"context"
	"database/sql"
)

// Prepared statements: parsing a query is a large part of a simple read on
// SQLite, so each statement text is prepared once and reused. Statements
// are prepared on the pool; inside a transaction they are rebound to the
// transaction's connection. A statement first met inside a transaction
// runs unprepared that time and is prepared in the background, because
// preparing on the pool from inside a transaction could wait for the very
// connection the transaction holds (the in-memory store has only one).

// q returns the engine's form of a '?' query, rebinding each text once.
func (c *core) q(query string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.queries[query]; ok {
		return r
	}
	r := c.dialect.Rebind(query)
	c.queries[query] = r
	return r
}

// on returns q with its statements prepared.
func (c *core) on(q querier) querier { return preparedQuerier{c: c, q: q} }

type preparedQuerier struct {
	c *core
	q querier
}

func (p preparedQuerier) stmt(ctx context.Context, query string) *sql.Stmt {
	p.c.mu.Lock()
	st := p.c.stmts[query]
	p.c.mu.Unlock()
	if st == nil {
		if _, inTx := p.q.(*sql.Tx); inTx {
			p.c.prepareLater(query)
			return nil
		}
		st = p.c.prepare(ctx, query)
		if st == nil {
			return nil
		}
	}
	if tx, ok := p.q.(*sql.Tx); ok {
		return tx.StmtContext(ctx, st)
	}
	return st
}

func (p preparedQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return p.q.ExecContext(ctx, query, args...)
}

func (p preparedQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.q.QueryContext(ctx, query, args...)
}

func (p preparedQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.q.QueryRowContext(ctx, query, args...)
}

// maxStatements bounds the cache; the store's texts are a few dozen.
const maxStatements = 256

// prepare prepares query on the pool and caches it; nil if it cannot.
func (c *core) prepare(ctx context.Context, query string) *sql.Stmt {
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		st.Close()
		return nil
	}
	if old, ok := c.stmts[query]; ok {
		st.Close()
		return old
	}
	if len(c.stmts) >= maxStatements {
		st.Close()
		return nil
	}
	c.stmts[query] = st
	return st
}

// prepareLater prepares query in the background, once.
func (c *core) prepareLater(query string) {
	c.mu.Lock()
	if c.preparing[query] || c.closed {
		c.mu.Unlock()
		return
	}
	c.preparing[query] = true
	c.mu.Unlock()
	go c.prepare(context.Background(), query)
}

// closeStatements releases the cache when the store closes.
func (c *core) closeStatements() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = map[string]*sql.Stmt{}
}
