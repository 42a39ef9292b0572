package sqlstore

import (
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
