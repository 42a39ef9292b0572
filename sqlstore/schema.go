package sqlstore

import "strings"

// Spelling is how an engine writes the parts of the schema that differ
// between engines.
type Spelling struct {
	// Identity is an auto-numbered primary key column; Integer a 64-bit
	// integer.
	Identity, Integer string
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
	r := strings.NewReplacer("{{identity}}", sp.Identity, "{{int}}", sp.Integer)
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
}}
