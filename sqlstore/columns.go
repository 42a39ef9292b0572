package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/openchime/chime"
)

// How domain values are kept in columns, for every resource: times as
// Unix milliseconds (the wire's precision), booleans as 0 and 1, and page
// cursors as the seq of the last row of the previous page.

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

// nowMillis returns the store clock's time at the wire's precision.
func (c *core) nowMillis() time.Time { return c.now().UTC().Truncate(time.Millisecond) }

func parseCursor(cursor string) (int64, error) {
	if cursor == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(cursor, 10, 64)
	if err != nil || n < 0 {
		return 0, chime.Errorf(chime.BadRequest, "NextToken is not valid")
	}
	return n, nil
}

func formatCursor(seq int64) string { return strconv.FormatInt(seq, 10) }

// rowScanner is a row of a query: *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(...any) error }

// rowTargets: each resource's scan targets live in one struct (userRow,
// accountRow, ...) whose Scan destinations are built once. A destination
// passed to Scan as an any escapes to the heap, so separate locals cost an
// allocation each, per column and per row; a list scans every row into
// the same struct and copies out the value.

// listBySeq runs a query of rows in seq order that asks for limit+1 of
// them, and returns up to limit items with the cursor of the next page, ""
// on the last. scan reads one row and its seq.
func listBySeq[T any](ctx context.Context, c *core, what, query string, args []any, limit int,
	scan func(row rowScanner) (*T, int64, error)) ([]T, string, error) {
	rows, err := c.on(c.db).QueryContext(ctx, c.q(query), args...)
	if err != nil {
		return nil, "", c.classify(what, err)
	}
	defer rows.Close()
	items := make([]T, 0, min(limit, 100))
	var lastSeq int64
	next := ""
	for rows.Next() {
		item, seq, err := scan(rows)
		if err != nil {
			return nil, "", c.classify(what, err)
		}
		if len(items) == limit {
			next = formatCursor(lastSeq)
			break
		}
		items = append(items, *item)
		lastSeq = seq
	}
	if err := rows.Err(); err != nil {
		return nil, "", c.classify(what, err)
	}
	return items, next, nil
}
