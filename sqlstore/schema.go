package sqlstore

import "strings"

// Schema returns the statements of each schema version for an engine,
// given how it spells an auto-numbered primary key and a 64-bit integer.
// Both engines share one schema text, so that they cannot drift apart.
func Schema(identity, integer string) [][]string {
	r := strings.NewReplacer("{{identity}}", identity, "{{int}}", integer)
	versions := make([][]string, len(schema))
	for i, stmts := range schema {
		for _, s := range stmts {
			versions[i] = append(versions[i], r.Replace(s))
		}
	}
	return versions
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
}}
