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

// on returns q with its statements prepared.
func (s *Store) on(q querier) querier { return preparedQuerier{s: s, q: q} }

type preparedQuerier struct {
	s *Store
	q querier
}

func (p preparedQuerier) stmt(ctx context.Context, query string) *sql.Stmt {
	p.s.mu.Lock()
	st := p.s.stmts[query]
	p.s.mu.Unlock()
	if st == nil {
		if _, inTx := p.q.(*sql.Tx); inTx {
			p.s.prepareLater(query)
			return nil
		}
		st = p.s.prepare(ctx, query)
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
func (s *Store) prepare(ctx context.Context, query string) *sql.Stmt {
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		st.Close()
		return nil
	}
	if old, ok := s.stmts[query]; ok {
		st.Close()
		return old
	}
	if len(s.stmts) >= maxStatements {
		st.Close()
		return nil
	}
	s.stmts[query] = st
	return st
}

// prepareLater prepares query in the background, once.
func (s *Store) prepareLater(query string) {
	s.mu.Lock()
	if s.preparing[query] || s.closed {
		s.mu.Unlock()
		return
	}
	s.preparing[query] = true
	s.mu.Unlock()
	go s.prepare(context.Background(), query)
}

// closeStatements releases the cache when the store closes.
func (s *Store) closeStatements() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = map[string]*sql.Stmt{}
}
