package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/openchime/chime"
)

// The state control of test suites: one AWS account's data removed, saved
// as a snapshot, and put back, while the server runs and other AWS
// accounts go on working. A snapshot is an export (see Record) limited to
// one AWS account's rows, without the installation's secrets: those are
// the installation's, not a tenant's, and a tenant must never read the
// key that signs every tenant's pagination tokens.

// ownerColumn is the column of every exported table that names the AWS
// account a row belongs to.
const ownerColumn = "aws_account_id"

// Reset removes every row of owner's from every exported table, children
// before their parents, in one write; with all, every AWS account's rows,
// and the tables number their rows from 1 again, as in a new database (so
// that a deterministic server's page tokens repeat after it). It returns
// how many rows it removed.
func (s *Store) Reset(ctx context.Context, owner chime.Owner, all bool) (int, error) {
	removed := 0
	err := s.write(ctx, "reset", func(ctx context.Context, tx *sql.Tx) error {
		n, err := s.removeRows(ctx, tx, owner, all)
		removed = n
		if err != nil || !all {
			return err
		}
		for _, table := range exportedTables {
			if err := s.dialect.RestartSeq(ctx, tx, table); err != nil {
				return fmt.Errorf("number %s from 1: %w", table, err)
			}
		}
		return nil
	})
	return removed, err
}

func (s *Store) removeRows(ctx context.Context, tx *sql.Tx, owner chime.Owner, all bool) (int, error) {
	removed := 0
	for _, table := range slices.Backward(exportedTables) {
		query, args := `DELETE FROM `+table, []any(nil)
		if !all {
			query, args = query+` WHERE `+ownerColumn+` = ?`, []any{owner}
		}
		res, err := tx.ExecContext(ctx, s.q(query), args...)
		if err != nil {
			return 0, fmt.Errorf("remove the rows of %s: %w", table, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		removed += int(n)
	}
	return removed, nil
}

// beginSnapshot begins a read transaction that sees one snapshot of the
// database in every statement: SQLite's read transactions do, PostgreSQL's
// need REPEATABLE READ to (under READ COMMITTED each statement sees the
// writes committed before it began, so that an export running beside
// writers could hold a user of an account created after it had read the
// accounts).
func (s *Store) beginSnapshot(ctx context.Context) (*sql.Tx, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect.Name() == "postgres" {
		opts.Isolation = sql.LevelRepeatableRead
	}
	return s.db.BeginTx(ctx, opts)
}

// Snapshot emits owner's rows as export records, in one read transaction
// so that they are consistent: a header, then each exported table's rows
// in seq order, without their seq (a restore numbers them afresh, in the
// same order) and without the installation's secrets.
func (s *Store) Snapshot(ctx context.Context, owner chime.Owner, emit func(Record) error) error {
	tx, err := s.beginSnapshot(ctx)
	if err != nil {
		return s.classify("snapshot", err)
	}
	defer tx.Rollback()
	if err := emit(Record{Type: RecordHeader, Format: ExportFormat, Version: ExportVersion}); err != nil {
		return err
	}
	for _, table := range exportedTables {
		err := exportRows(ctx, tx, s.q(`SELECT * FROM `+table+` WHERE `+ownerColumn+` = ? ORDER BY `+seqColumn),
			[]any{owner}, table, func(rec Record) error {
				delete(rec.Row, seqColumn)
				return emit(rec)
			})
		if err != nil {
			return s.classify("snapshot "+table, err)
		}
	}
	return nil
}

// Restore replaces owner's rows with those of a snapshot, in one write:
// nothing of the snapshot is kept unless all of it is, and owner's data
// is unchanged when it fails. Every row must belong to owner (a snapshot
// is a tenant's own, never a way into another's) and carry no seq; the
// snapshot has no secrets. It returns the rows removed and loaded.
// Returns BadRequest for a record that is not a snapshot's, Conflict when
// a row repeats a unique value held elsewhere (a phone number another AWS
// account now holds).
func (s *Store) Restore(ctx context.Context, owner chime.Owner, records []Record) (removed, loaded int, err error) {
	if len(records) == 0 || records[0].Type != RecordHeader || records[0].Format != ExportFormat {
		return 0, 0, chime.Errorf(chime.BadRequest, "The snapshot does not begin with a %s header", ExportFormat)
	}
	if v := records[0].Version; v < firstSeqVersion || v > ExportVersion {
		return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot version %d is not supported (this server reads %d to %d)", v, firstSeqVersion, ExportVersion)
	}
	columns, integers, err := s.liveColumns(ctx)
	if err != nil {
		return 0, 0, s.classify("restore", err)
	}
	for i, rec := range records[1:] {
		live, known := columns[rec.Table]
		if rec.Type == RecordRow && !known {
			return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot record %d names table %q, which a snapshot does not carry", i+2, rec.Table)
		}
		for col, v := range rec.Row {
			if !slices.Contains(live, col) {
				return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot record %d names column %q, which table %s does not have", i+2, col, rec.Table)
			}
			// SQLite would store a string in an integer column, and every
			// later read of the row would fail: the reader's mistake would
			// become the server's error.
			if _, isInt := v.(int64); v != nil && isInt != integers[rec.Table][col] {
				return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot record %d: column %s of table %s holds the wrong type of value", i+2, col, rec.Table)
			}
		}
		if rec.Type != RecordRow {
			return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot record %d is a %q record: a snapshot holds rows only", i+2, rec.Type)
		}
		if _, ok := rec.Row[seqColumn]; ok {
			return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot record %d carries a %s: a snapshot's rows are numbered by the server", i+2, seqColumn)
		}
		if got, _ := rec.Row[ownerColumn].(string); got != owner {
			return 0, 0, chime.Errorf(chime.BadRequest, "Snapshot record %d belongs to another AWS account", i+2)
		}
	}
	err = s.write(ctx, "restore", func(ctx context.Context, tx *sql.Tx) error {
		removed, loaded = 0, 0
		n, err := s.removeRows(ctx, tx, owner, false)
		if err != nil {
			return err
		}
		removed = n
		var counts Counts
		im := &importer{s: s, columns: columns, counts: &counts, tx: tx, stmts: map[string]*sql.Stmt{}, seqSet: map[string]bool{}}
		for i, rec := range records[1:] {
			if err := im.row(ctx, rec.Table, rec.Row); err != nil {
				var de *chime.Error
				if errors.As(err, &de) || s.unavailable(err) || ctx.Err() != nil {
					return err
				}
				// The engine refused the row (a NOT NULL or CHECK rule): the
				// snapshot was edited into something the schema does not hold.
				return chime.Errorf(chime.BadRequest, "Snapshot record %d does not fit the %s table", i+2, rec.Table)
			}
		}
		loaded = counts.Total()
		return s.readBack(ctx, tx, owner)
	})
	return removed, loaded, err
}

// rowReaders read each exported table's rows as the stores read them.
// Restore reads what it wrote through them before it commits: a row that
// only the engine's rules let through (a JSON column that does not parse,
// a NULL where a read expects text) would otherwise fail every later read
// of it, as a server error, and reads that cross AWS accounts (a phone
// number's reservation, the sweep) would fail for other tenants too.
var rowReaders = map[string]struct {
	columns string
	read    func(row rowScanner) error
}{
	"accounts":            {accountColumns, func(r rowScanner) error { _, _, err := scanAccount(r); return err }},
	"users":               {userColumns, func(r rowScanner) error { _, _, err := scanUser(r); return err }},
	"phone_numbers":       {phoneNumberColumns, func(r rowScanner) error { _, _, _, err := scanPhoneNumber(r); return err }},
	"phone_number_orders": {orderColumns, func(r rowScanner) error { _, err := scanOrder(r); return err }},
	"aws_account_settings": {settingsColumns, func(r rowScanner) error {
		_, _, err := scanSettings(r)
		return err
	}},
	"rooms":            {roomColumns, func(r rowScanner) error { _, _, err := scanRoom(r); return err }},
	"room_memberships": {membershipColumns, func(r rowScanner) error { _, _, err := scanMembership(r); return err }},
	"bots":             {botColumns, func(r rowScanner) error { _, _, err := scanBot(r); return err }},
	"bot_events_configurations": {eventsConfigurationColumns, func(r rowScanner) error {
		var ec chime.EventsConfiguration
		return r.Scan(&ec.HTTPSEndpoint, &ec.LambdaFunctionARN)
	}},
	"retention_settings": {retentionColumns, func(r rowScanner) error { _, err := scanRetention(r); return err }},
}

// readBack reads every row of owner's through rowReaders.
func (s *Store) readBack(ctx context.Context, tx *sql.Tx, owner chime.Owner) error {
	for _, table := range exportedTables {
		reader := rowReaders[table]
		rows, err := tx.QueryContext(ctx, s.q(`SELECT `+reader.columns+` FROM `+table+` WHERE `+ownerColumn+` = ? ORDER BY seq`), owner)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := reader.read(rows); err != nil {
				rows.Close()
				return chime.Errorf(chime.BadRequest, "A row of the snapshot's %s table holds a value this server cannot read back", table)
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// CountOwner counts owner's rows in every exported table.
func (s *Store) CountOwner(ctx context.Context, owner chime.Owner) (int, error) {
	total := 0
	for _, table := range exportedTables {
		var n int
		if err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM `+table+` WHERE `+ownerColumn+` = ?`), owner).Scan(&n); err != nil {
			return 0, s.classify("count "+table, err)
		}
		total += n
	}
	return total, nil
}
