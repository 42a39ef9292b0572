package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/openchime/chime"
)

// ExportFormat and ExportVersion head every export.
const (
	ExportFormat  = "chime-export"
	ExportVersion = 3
)

// Record is one line of an export. An export is a header, the
// installation's secrets, and then the rows of every exported table (see
// exportedTables), each table in creation order.
//
// Rows keep their seq (from version 3), and the header the last seq each
// table handed out, so that an imported installation numbers its rows as
// the exported one did: a pagination token, which names the seq of the
// last row of the previous page, resumes where it did before.
//
// Version 2 wrote rows without their seq, and version 1 accounts and
// users as typed records (Account, User) instead of rows. Import still
// reads both, numbering their rows afresh; as tokens issued before would
// then resume at other rows, their secrets are left out, so that such
// tokens are refused instead (a new pagination key is made).
type Record struct {
	Type    string `json:"Type"`
	Format  string `json:"Format,omitempty"`
	Version int    `json:"Version,omitempty"`
	// LastSeq is, in the header, the last seq each exported table handed
	// out, by table; it may be above the largest seq exported.
	LastSeq map[string]int64 `json:"LastSeq,omitempty"`
	Secret  *SecretRecord    `json:"Secret,omitempty"`
	Table   string           `json:"Table,omitempty"`
	Row     Row              `json:"Row,omitempty"`
	// Version 1's records.
	Account *AccountRecord `json:"Account,omitempty"`
	User    *UserRecord    `json:"User,omitempty"`
}

// Record types.
const (
	RecordHeader = "header"
	RecordSecret = "secret"
	RecordRow    = "row"
	// Version 1's: one account or one user.
	RecordAccount = "account"
	RecordUser    = "user"
)

// SecretRecord is an installation secret (the pagination key).
type SecretRecord struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// Row is one row of a table, by column, seq included (from version 3). A
// value is a string (text), an int64 (integer) or nil (NULL); in JSON a
// string, a number or null.
type Row map[string]any

// UnmarshalJSON reads numbers as int64, whatever the decoder's settings,
// so that no integer passes through a float64.
func (r *Row) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return err
	}
	for col, v := range m {
		switch v := v.(type) {
		case nil, string:
		case json.Number:
			n, err := v.Int64()
			if err != nil {
				return fmt.Errorf("column %s: %s is not an integer", col, v)
			}
			m[col] = n
		default:
			return fmt.Errorf("column %s: a row holds strings, integers and null, not %T", col, v)
		}
	}
	*r = m
	return nil
}

// seqColumn is every exported table's identity column: exports are in
// its order and carry it (from version 3), and import writes it back.
const seqColumn = "seq"

// firstSeqVersion is the first export version whose rows carry their seq.
const firstSeqVersion = 3

// Counts are the sizes of an installation: the rows of each exported
// table, by name, and the secrets.
type Counts struct {
	Rows    map[string]int
	Secrets int
	// Accounts and Users repeat Rows["accounts"] and Rows["users"].
	//
	// Deprecated: read Rows, or print the Counts.
	Accounts, Users int
}

func (c *Counts) add(table string, n int) {
	if c.Rows == nil {
		c.Rows = map[string]int{}
	}
	c.Rows[table] += n
	switch table {
	case "accounts":
		c.Accounts += n
	case "users":
		c.Users += n
	}
}

// Total is the number of records an export of these counts holds, header aside.
func (c Counts) Total() int {
	n := c.Secrets
	for _, rows := range c.Rows {
		n += rows
	}
	return n
}

// String lists the counts in export order: "6 accounts, 66 users, 1 secrets".
func (c Counts) String() string {
	var parts []string
	for _, t := range exportedTables {
		parts = append(parts, fmt.Sprintf("%d %s", c.Rows[t], t))
	}
	return strings.Join(append(parts, fmt.Sprintf("%d secrets", c.Secrets)), ", ")
}

// secretsWhere selects the rows of meta that are secrets.
const secretsWhere = ` WHERE key LIKE '` + secretPrefix + `%'`

// Count returns the installation's sizes, for progress reports.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var terms []string
	for _, t := range exportedTables {
		terms = append(terms, `(SELECT COUNT(*) FROM `+t+`)`)
	}
	terms = append(terms, `(SELECT COUNT(*) FROM meta`+secretsWhere+`)`)
	n := make([]int, len(terms))
	dest := make([]any, len(terms))
	for i := range n {
		dest[i] = &n[i]
	}
	var c Counts
	if err := s.db.QueryRowContext(ctx, `SELECT `+strings.Join(terms, ", ")).Scan(dest...); err != nil {
		return c, err
	}
	for i, t := range exportedTables {
		c.add(t, n[i])
	}
	c.Secrets = n[len(exportedTables)]
	return c, nil
}

// Export streams the whole installation, in one read transaction so that
// it is consistent: a header, the secrets, and then the rows of each
// exported table in turn.
func (s *Store) Export(ctx context.Context, emit func(Record) error) error {
	tx, err := s.beginSnapshot(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	last := map[string]int64{}
	for _, table := range exportedTables {
		if last[table], err = s.dialect.LastSeq(ctx, tx, table); err != nil {
			return fmt.Errorf("export %s: %w", table, err)
		}
	}
	if err := emit(Record{Type: RecordHeader, Format: ExportFormat, Version: ExportVersion, LastSeq: last}); err != nil {
		return err
	}
	if err := exportSecrets(ctx, tx, emit); err != nil {
		return err
	}
	for _, table := range exportedTables {
		if err := exportTable(ctx, tx, table, emit); err != nil {
			return fmt.Errorf("export %s: %w", table, err)
		}
	}
	return nil
}

func exportSecrets(ctx context.Context, tx *sql.Tx, emit func(Record) error) error {
	rows, err := tx.QueryContext(ctx, `SELECT key, value FROM meta`+secretsWhere+` ORDER BY key`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r SecretRecord
		if err := rows.Scan(&r.Key, &r.Value); err != nil {
			return err
		}
		if err := emit(Record{Type: RecordSecret, Secret: &r}); err != nil {
			return err
		}
	}
	return rows.Err()
}

// exportTable emits every row of table with the columns the database has,
// whatever they are.
func exportTable(ctx context.Context, tx *sql.Tx, table string, emit func(Record) error) error {
	return exportRows(ctx, tx, `SELECT * FROM `+table+` ORDER BY `+seqColumn, nil, table, emit)
}

// exportRows emits the rows query selects from table, every column.
func exportRows(ctx context.Context, tx *sql.Tx, query string, args []any, table string, emit func(Record) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	values := make([]any, len(cols))
	dest := make([]any, len(cols))
	for i := range values {
		dest[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		row := make(Row, len(cols))
		for i, col := range cols {
			switch v := values[i].(type) {
			case nil, string, int64:
				row[col] = v
			default:
				return fmt.Errorf("column %s holds a %T: an export carries text, integers and NULL", col, v)
			}
		}
		if err := emit(Record{Type: RecordRow, Table: table, Row: row}); err != nil {
			return err
		}
	}
	return rows.Err()
}

// importBatch is how many records one import transaction writes.
const importBatch = 500

// Import loads an export into this store, whose exported tables must be
// empty. next returns the records in order and false at the end. Records
// are written in transactions of importBatch; rows keep their seq and the
// installation's secrets replace this store's, so that pagination tokens
// stay valid (see Record for older versions). A row may leave out
// columns, which then take their defaults (a row without its seq is
// numbered by this store, as version 1's typed records always are), but
// may not name a column the table lacks.
func (s *Store) Import(ctx context.Context, next func() (Record, bool, error), progress func(n int)) (Counts, error) {
	var counts Counts
	if c, err := s.Count(ctx); err != nil {
		return counts, err
	} else if c.Total() > c.Secrets {
		return counts, fmt.Errorf("the target store is not empty (%v): import needs an empty one", c)
	}
	first, ok, err := next()
	if err != nil {
		return counts, err
	}
	if !ok || first.Type != RecordHeader || first.Format != ExportFormat {
		return counts, fmt.Errorf("the input is not a chime export (no %s header)", ExportFormat)
	}
	if first.Version < 1 || first.Version > ExportVersion {
		return counts, fmt.Errorf("export version %d is not supported (this version reads 1 to %d)", first.Version, ExportVersion)
	}
	im := &importer{s: s, counts: &counts, withSeq: first.Version >= firstSeqVersion, lastSeq: first.LastSeq}
	if im.columns, _, err = s.liveColumns(ctx); err != nil {
		return counts, err
	}
	done := 0
	for more := true; more; {
		err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
			im.tx, im.stmts, im.seqSet = tx, map[string]*sql.Stmt{}, map[string]bool{}
			for i := 0; i < importBatch && more; i++ {
				rec, ok, err := next()
				if err != nil {
					return err
				}
				if !ok {
					more = false
					break
				}
				if err := im.record(ctx, rec); err != nil {
					return fmt.Errorf("record %d: %w", done+i+2, err)
				}
			}
			return im.numberOn(ctx)
		})
		if err != nil {
			return counts, err
		}
		done = counts.Total()
		if progress != nil {
			progress(done)
		}
	}
	return counts, nil
}

// liveColumns returns the columns of each exported table as the database
// has them, in the table's order, and which of them the engine declares
// integer (the others hold text).
func (s *Store) liveColumns(ctx context.Context) (columns map[string][]string, integers map[string]map[string]bool, err error) {
	columns, integers = map[string][]string{}, map[string]map[string]bool{}
	for _, table := range exportedTables {
		rows, err := s.db.QueryContext(ctx, `SELECT * FROM `+table+` WHERE 1 = 0`)
		if err != nil {
			return nil, nil, err
		}
		types, err := rows.ColumnTypes()
		rows.Close()
		if err != nil {
			return nil, nil, err
		}
		integers[table] = map[string]bool{}
		for _, c := range types {
			columns[table] = append(columns[table], c.Name())
			switch strings.ToUpper(c.DatabaseTypeName()) {
			case "INTEGER", "INT8", "BIGINT", "INT", "INT4":
				integers[table][c.Name()] = true
			}
		}
	}
	return columns, integers, nil
}

// importer writes the records of one import.
type importer struct {
	s       *Store
	columns map[string][]string // by exported table
	counts  *Counts
	// withSeq: the export's rows carry their seq, and lastSeq (from the
	// header) is the last seq of each table.
	withSeq bool
	lastSeq map[string]int64
	tx      *sql.Tx              // the running batch's
	stmts   map[string]*sql.Stmt // prepared in tx, by query
	seqSet  map[string]bool      // the tables the batch wrote a seq to
}

func (im *importer) record(ctx context.Context, rec Record) error {
	switch {
	case rec.Type == RecordSecret && rec.Secret != nil:
		if !strings.HasPrefix(rec.Secret.Key, secretPrefix) {
			return fmt.Errorf("secret %q is not named %s...", rec.Secret.Key, secretPrefix)
		}
		if !im.withSeq {
			return nil // the rows are numbered afresh: see Record
		}
		im.counts.Secrets++
		_, err := im.tx.ExecContext(ctx, im.s.q(`INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`), rec.Secret.Key, rec.Secret.Value)
		return err
	case rec.Type == RecordRow:
		return im.row(ctx, rec.Table, rec.Row)
	case rec.Type == RecordAccount && rec.Account != nil:
		return im.row(ctx, "accounts", rec.Account.row())
	case rec.Type == RecordUser && rec.User != nil:
		return im.row(ctx, "users", rec.User.row())
	}
	return fmt.Errorf("unknown record type %q", rec.Type)
}

// row inserts one row of an exported table, with the columns it names.
func (im *importer) row(ctx context.Context, table string, row Row) error {
	live, ok := im.columns[table]
	if !ok {
		return fmt.Errorf("table %q is not one an export carries", table)
	}
	if len(row) == 0 {
		return fmt.Errorf("a row of %s has no columns", table)
	}
	for col := range row {
		if !slices.Contains(live, col) || (col == seqColumn && !im.withSeq) {
			return fmt.Errorf("table %s has no column %q", table, col)
		}
	}
	_, withSeq := row[seqColumn]
	cols := make([]string, 0, len(row))
	args := make([]any, 0, len(row))
	for _, col := range live {
		if v, ok := row[col]; ok {
			cols = append(cols, col)
			args = append(args, v)
		}
	}
	query := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) `
	if withSeq {
		query += im.s.dialect.OverridingIdentity() + ` `
	}
	query += `VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	st, ok := im.stmts[query]
	if !ok {
		var err error
		if st, err = im.tx.PrepareContext(ctx, im.s.dialect.Rebind(query)); err != nil {
			return err
		}
		im.stmts[query] = st
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		if im.s.dialect.Classify(err) == UniqueViolation {
			return chime.Errorf(chime.Conflict, "a row of %s (id %v) repeats a value that must be unique", table, row["id"])
		}
		return err
	}
	im.counts.add(table, 1)
	if withSeq {
		im.seqSet[table] = true
	}
	return nil
}

// numberOn makes the tables the batch wrote a seq to hand out new values
// after the exported installation's last.
func (im *importer) numberOn(ctx context.Context) error {
	for _, table := range exportedTables {
		if !im.seqSet[table] {
			continue
		}
		if err := im.s.dialect.SetLastSeq(ctx, im.tx, table, im.lastSeq[table]); err != nil {
			return fmt.Errorf("number %s on: %w", table, err)
		}
	}
	return nil
}
