package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Spelling is how an engine writes the parts of the schema that differ
// between engines.
type Spelling struct {
	// Identity is an auto-numbered primary key column; Integer a 64-bit
	// integer.
	Identity, Integer string
	// Bytewise is the collation under which text compares and sorts by
	// its bytes (code point order): Dialect.Bytewise, the same clause
	// queries must name to use an index built with it.
	Bytewise string
	// LookupIndexes says whether the engine wants an index for each
	// lookup path even where a wider index already serves it. PostgreSQL
	// does: in a young database, before its statistics exist, its planner
	// took the (owner, account, seq) index for lookups by user id and
	// scanned the whole account. SQLite does not, and there every index
	// is written by its one writer on every insert.
	LookupIndexes bool
}

// Schema returns the statements of each schema version for an engine.
// Both engines share one schema text, so that their tables cannot drift
// apart; a version may hold statements for some engines only.
func Schema(sp Spelling) [][]string {
	r := strings.NewReplacer("{{identity}}", sp.Identity, "{{int}}", sp.Integer, "{{bytewise}}", sp.Bytewise)
	versions := make([][]string, len(schema))
	for i, stmts := range schema {
		for _, s := range stmts {
			if lookup, ok := strings.CutPrefix(s, lookupIndex); ok {
				if !sp.LookupIndexes {
					continue
				}
				s = lookup
			}
			versions[i] = append(versions[i], r.Replace(s))
		}
	}
	return versions
}

// lookupIndex marks a statement for engines with Spelling.LookupIndexes.
const lookupIndex = "{{lookup}}"

// goStep marks a step of a version that is not a statement but Go code,
// named by the rest of the text (see goSteps): a change no SQL can make
// on every engine.
const goStep = "{{go}}"

// goSteps are the steps goStep names. Like the statements, a released
// step never changes.
var goSteps = map[string]func(ctx context.Context, tx *sql.Tx, d Dialect) error{
	"rekey emails": rekeyEmails,
}

// exportedTables are the tables an export carries row by row, every
// column, in seq order; parents come before their children, as import
// writes them in this order. A table of the schema is either here
// or in unexportedTables, with the reason (TestEveryTableIsExported).
var exportedTables = []string{"accounts", "users", "phone_numbers", "phone_number_orders", "aws_account_settings",
	"rooms", "room_memberships", "bots", "bot_events_configurations", "retention_settings"}

// unexportedTables are the schema's other tables and why an export leaves
// them out. Tables an engine keeps for itself (sqlite_sequence) are not
// the schema's.
var unexportedTables = map[string]string{
	"meta": "installation state: only its secrets move, as secret records, so that pagination tokens " +
		"stay valid; anything else in it belongs to the database it was written in",
	"schema_migrations": "the schema's version, which the target's own migrations write",
}

// ErrNewerSchema is what Migrate returns, as a *NewerSchemaError, for a
// database whose schema is newer than this binary's: match it with
// errors.Is.
var ErrNewerSchema = errors.New("the database schema is newer than this chime")

// NewerSchemaError is a database written by a newer chime: its schema is
// at version Database, and this binary knows versions up to Known. Its
// migrations may have changed what the tables mean, so this binary does
// not read or write it; nothing in it is changed.
type NewerSchemaError struct {
	Database, Known int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this chime (schema %d): run a chime that knows schema version %d or later, "+
		"or restore the backup taken before the upgrade (downgrades are not supported)", e.Database, e.Known, e.Database)
}

// Is makes errors.Is(err, ErrNewerSchema) hold.
func (e *NewerSchemaError) Is(target error) bool { return target == ErrNewerSchema }

// Migrate brings the schema to the newest version. Several processes may
// call it at once; the dialect's lock makes them take turns. A database
// at a version newer than this binary's is left as it is, with a
// *NewerSchemaError.
func (s *Store) Migrate(ctx context.Context) error {
	return s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := s.dialect.LockMigrations(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return err
		}
		if known := len(s.dialect.Migrations()); current > known {
			return &NewerSchemaError{Database: current, Known: known}
		}
		for i, stmts := range s.dialect.Migrations() {
			version := i + 1
			if version <= current {
				continue
			}
			for _, stmt := range stmts {
				if name, ok := strings.CutPrefix(stmt, goStep); ok {
					step, ok := goSteps[name]
					if !ok {
						return fmt.Errorf("migration %d: no step %q", version, name)
					}
					if err := step(ctx, tx, s.dialect); err != nil {
						return fmt.Errorf("migration %d, %s: %w", version, name, err)
					}
					continue
				}
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %d: %w", version, err)
				}
			}
			if _, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version) VALUES (?)`), version); err != nil {
				return err
			}
		}
		return nil
	})
}

// schema is append-only: a released version never changes; a change is a
// new version of statements that moves the previous one forward.
var schema = [][]string{{
	`CREATE TABLE accounts (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		name TEXT NOT NULL,
		account_type TEXT NOT NULL,
		created_at {{int}} NOT NULL,
		default_license TEXT NOT NULL,
		supported_licenses TEXT NOT NULL,
		status TEXT NOT NULL,
		signin_delegate_groups TEXT NOT NULL,
		disable_remote_control {{int}} NOT NULL DEFAULT 0,
		enable_dial_out {{int}} NOT NULL DEFAULT 0,
		UNIQUE (aws_account_id, id)
	)`,
	`CREATE TABLE users (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		email TEXT NOT NULL,
		email_key TEXT NOT NULL,
		username TEXT NOT NULL DEFAULT '',
		display_name TEXT NOT NULL DEFAULT '',
		phone_number TEXT NOT NULL DEFAULT '',
		license TEXT NOT NULL,
		user_type TEXT NOT NULL,
		registration TEXT NOT NULL,
		invitation TEXT NOT NULL DEFAULT '',
		registered_on {{int}},
		invited_on {{int}},
		a4b_enabled {{int}} NOT NULL DEFAULT 0,
		a4b_room_arn TEXT NOT NULL DEFAULT '',
		personal_pin TEXT NOT NULL DEFAULT '',
		inbound_calling {{int}} NOT NULL DEFAULT 0,
		outbound_calling {{int}} NOT NULL DEFAULT 0,
		sms {{int}} NOT NULL DEFAULT 0,
		last_logout_at {{int}},
		UNIQUE (aws_account_id, account_id, id),
		UNIQUE (aws_account_id, email_key)
	)`,
	`CREATE INDEX users_by_account ON users (aws_account_id, account_id, seq)`,
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
}, {
	// User ids are random UUIDs, unique everywhere.
	lookupIndex + `CREATE UNIQUE INDEX users_by_id ON users (id)`,
}, {
	// E-mail keys normalised (NFKC, case-folded, trimmed), no longer
	// only lower-cased.
	goStep + "rekey emails",
}, {
	// Phone numbers belong to an AWS account. A number is held by at most
	// one AWS account at a time: e164 is unique across owners, which is
	// what decides two orders of one number, on every engine and node. A
	// row keeps facts (the status last written, and when it was acquired,
	// named, deleted); the state at a moment follows from them and the
	// clock (chime.PhoneNumberRecord.At). A row whose deletion is older
	// than the retention is a released number: no owner's any more, free
	// in the pool, and removed by the sweep or by the next order of it.
	`CREATE TABLE phone_numbers (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		e164 TEXT NOT NULL UNIQUE,
		country TEXT NOT NULL,
		number_type TEXT NOT NULL,
		product_type TEXT NOT NULL,
		status TEXT NOT NULL,
		inbound_call {{int}} NOT NULL DEFAULT 0,
		outbound_call {{int}} NOT NULL DEFAULT 0,
		inbound_sms {{int}} NOT NULL DEFAULT 0,
		outbound_sms {{int}} NOT NULL DEFAULT 0,
		inbound_mms {{int}} NOT NULL DEFAULT 0,
		outbound_mms {{int}} NOT NULL DEFAULT 0,
		associations TEXT NOT NULL DEFAULT '[]',
		calling_name TEXT NOT NULL DEFAULT '',
		calling_name_status TEXT NOT NULL,
		calling_name_set_at {{int}},
		created_at {{int}} NOT NULL,
		updated_at {{int}} NOT NULL,
		acquired_at {{int}},
		deleted_at {{int}}
	)`,
	`CREATE INDEX phone_numbers_by_owner ON phone_numbers (aws_account_id, e164)`,
	`CREATE INDEX phone_numbers_by_deletion ON phone_numbers (deleted_at)`,
	// An order keeps its numbers, in the order asked, with whether each
	// was reserved (JSON); its state follows from them and the clock
	// (chime.PhoneNumberOrderRecord.At).
	`CREATE TABLE phone_number_orders (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		product_type TEXT NOT NULL,
		numbers TEXT NOT NULL,
		created_at {{int}} NOT NULL,
		completes_at {{int}} NOT NULL,
		UNIQUE (aws_account_id, id)
	)`,
	`CREATE INDEX phone_number_orders_by_time ON phone_number_orders (aws_account_id, created_at, id)`,
	// The settings of an AWS account as a whole; no row is the zero settings.
	`CREATE TABLE aws_account_settings (
		seq {{identity}},
		aws_account_id TEXT NOT NULL UNIQUE,
		calling_name TEXT NOT NULL DEFAULT '',
		calling_name_updated_at {{int}},
		business_calling_cdr_bucket TEXT NOT NULL DEFAULT '',
		voice_connector_cdr_bucket TEXT NOT NULL DEFAULT ''
	)`,
}, {
	// The chat of Enterprise accounts: rooms, their memberships, bots with
	// their events configurations, and retention settings, each row under
	// its Chime account. A room keeps the ClientRequestToken it was
	// created with, and the name then given, while the token names it
	// (chime.RoomTokenLifetime from created_at; NULL when none was given
	// or it expired): the unique index makes one of two creations with
	// one token win, on every engine and node.
	`CREATE TABLE rooms (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		name TEXT NOT NULL,
		created_by TEXT NOT NULL,
		created_at {{int}} NOT NULL,
		updated_at {{int}} NOT NULL,
		client_request_token TEXT,
		client_request_name TEXT,
		UNIQUE (aws_account_id, account_id, id)
	)`,
	`CREATE UNIQUE INDEX rooms_by_token ON rooms (aws_account_id, account_id, client_request_token)`,
	`CREATE INDEX rooms_by_account ON rooms (aws_account_id, account_id, seq)`,
	// A member as the roster shows it, copied from the user or bot when
	// it was added; seq is the order members joined in.
	`CREATE TABLE room_memberships (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		room_id TEXT NOT NULL,
		member_id TEXT NOT NULL,
		member_type TEXT NOT NULL,
		email TEXT NOT NULL,
		full_name TEXT NOT NULL,
		role TEXT NOT NULL,
		invited_by TEXT NOT NULL,
		updated_at {{int}} NOT NULL,
		UNIQUE (aws_account_id, account_id, room_id, member_id)
	)`,
	`CREATE INDEX room_memberships_by_member ON room_memberships (aws_account_id, account_id, member_id)`,
	// A bot's e-mail key is unique in its account; its id is also its
	// user id.
	`CREATE TABLE bots (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		id TEXT NOT NULL,
		display_name TEXT NOT NULL,
		email TEXT NOT NULL,
		email_key TEXT NOT NULL,
		disabled {{int}} NOT NULL DEFAULT 0,
		security_token TEXT NOT NULL,
		created_at {{int}} NOT NULL,
		updated_at {{int}} NOT NULL,
		UNIQUE (aws_account_id, account_id, id),
		UNIQUE (aws_account_id, account_id, email_key)
	)`,
	`CREATE TABLE bot_events_configurations (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		bot_id TEXT NOT NULL,
		https_endpoint TEXT NOT NULL DEFAULT '',
		lambda_function_arn TEXT NOT NULL DEFAULT '',
		UNIQUE (aws_account_id, account_id, bot_id)
	)`,
	// No row is the zero settings.
	`CREATE TABLE retention_settings (
		seq {{identity}},
		aws_account_id TEXT NOT NULL,
		account_id TEXT NOT NULL,
		room_days {{int}} NOT NULL DEFAULT 0,
		conversation_days {{int}} NOT NULL DEFAULT 0,
		initiate_deletion_at {{int}},
		UNIQUE (aws_account_id, account_id)
	)`,
}, {
	// Searches of an account's users that stay short index ranges at a
	// million users (see UserStore.ListUsers). A prefix of an address is
	// a range of e-mail keys, listed in key order; the keys compare by
	// their bytes on every engine, so that the range is the prefix
	// whatever the database's locale, and the type and state ride along
	// so that a search that also filters on them skips users in the
	// index without reading their rows. A type or registration state, or
	// both, is at most six ranges in seq order, one per pair.
	`CREATE INDEX users_by_email ON users (aws_account_id, account_id, email_key {{bytewise}}, user_type, registration)`,
	`CREATE INDEX users_by_state ON users (aws_account_id, account_id, user_type, registration, seq)`,
	// PostgreSQL's planner, before its statistics exist, finds every
	// index that begins with the account as cheap as users_by_id for a
	// lookup by user id, and takes the newest of them: users_by_id is
	// made again to be the newest (TestUpgradeFromFirstVersion).
	lookupIndex + `DROP INDEX users_by_id`,
	lookupIndex + `CREATE UNIQUE INDEX users_by_id ON users (id)`,
}}

// rekeyEmails recomputes every user's email_key with emailKey. Where two
// users of one AWS account now have the same key, a user whose key does
// not change keeps it, and so does the older of two whose keys change;
// any other keeps its address but gets a key no address can have (the key
// followed by a line break and its user id), so that both stay readable
// while the address counts once: later users with it are refused, and the
// e-mail filters find the user that kept the key.
func rekeyEmails(ctx context.Context, tx *sql.Tx, d Dialect) error {
	type change struct{ owner, id, email, key string }
	var changes []change
	rows, err := tx.QueryContext(ctx, `SELECT aws_account_id, id, email, email_key FROM users ORDER BY seq`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.owner, &c.id, &c.email, &c.key); err != nil {
			rows.Close()
			return err
		}
		if k := emailKey(c.email); k != c.key {
			c.key = k
			changes = append(changes, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(changes) == 0 {
		return err
	}
	// First out of the way, so that no key is held twice in between.
	update := d.Rebind(`UPDATE users SET email_key = ? WHERE aws_account_id = ? AND id = ?`)
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, update, "\n"+c.id, c.owner, c.id); err != nil {
			return err
		}
	}
	taken := d.Rebind(`SELECT COUNT(*) FROM users WHERE aws_account_id = ? AND email_key = ?`)
	for _, c := range changes {
		var n int
		if err := tx.QueryRowContext(ctx, taken, c.owner, c.key).Scan(&n); err != nil {
			return err
		}
		key := c.key
		if n > 0 {
			key += "\n" + c.id
		}
		if _, err := tx.ExecContext(ctx, update, key, c.owner, c.id); err != nil {
			return err
		}
	}
	return nil
}
