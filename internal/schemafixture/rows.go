package schemafixture

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// row is one row of a table as the database holds it, column by column:
// int64, string or nil, as database/sql gives them.
type row map[string]any

func (r row) str(col string) string {
	switch v := r[col].(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

func (r row) int(col string) int64 {
	v, _ := r[col].(int64)
	return v
}

func (r row) bool(col string) bool { return r.int(col) != 0 }

func (r row) null(col string) bool { return r[col] == nil }

// time reads a column of Unix milliseconds; NULL is the zero time.
func (r row) time(col string) time.Time {
	if r.null(col) {
		return time.Time{}
	}
	return timeOf(r.int(col))
}

// timeOf is a time the store keeps, Unix milliseconds.
func timeOf(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// json decodes a JSON column into v.
func (r row) json(col string, v any) error {
	if err := json.Unmarshal([]byte(r.str(col)), v); err != nil {
		return fmt.Errorf("column %s: %w", col, err)
	}
	return nil
}

// tables holds every row of every table of a database, by table, in seq
// order (tables without seq: in the order of their first column).
type tables map[string][]row

// readTables reads every row of the named tables.
func readTables(ctx context.Context, db *sql.DB, names []string) (tables, error) {
	all := tables{}
	for _, name := range names {
		rows, err := readTable(ctx, db, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		all[name] = rows
	}
	return all, nil
}

func readTable(ctx context.Context, db *sql.DB, name string) ([]row, error) {
	rs, err := db.QueryContext(ctx, `SELECT * FROM `+name)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out []row
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := row{}
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			r[c] = vals[i]
		}
		out = append(out, r)
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	// In seq order where the table has one, as the store lists; else by
	// the first column, so that two reads compare row by row.
	key := "seq"
	if len(out) > 0 {
		if _, ok := out[0][key]; !ok {
			key = cols[0]
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i][key], out[j][key]) })
	return out, nil
}

func less(a, b any) bool {
	switch a := a.(type) {
	case int64:
		b, _ := b.(int64)
		return a < b
	case string:
		b, _ := b.(string)
		return a < b
	}
	return false
}

// where returns the rows for which keep is true.
func where(rows []row, keep func(row) bool) []row {
	var out []row
	for _, r := range rows {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// column lists one column of rows.
func column(rows []row, col string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.str(col)
	}
	return out
}

// latest is the fixture's last moment: the greatest time any row was
// written at (every column of Unix milliseconds named *_at or *_on,
// except initiate_deletion_at, which is a time to come).
func (ts tables) latest() time.Time {
	var last int64
	for _, rows := range ts {
		for _, r := range rows {
			for col, v := range r {
				n, ok := v.(int64)
				if ok && (strings.HasSuffix(col, "_at") || strings.HasSuffix(col, "_on")) && col != "initiate_deletion_at" && n > last {
					last = n
				}
			}
		}
	}
	return time.UnixMilli(last).UTC()
}
