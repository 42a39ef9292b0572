package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/openchime/chime"
)

// ExportFormat and ExportVersion head every export.
const (
	ExportFormat  = "chime-export"
	ExportVersion = 1
)

// Record is one line of an export: a header, a secret, an account or a
// user, with every stored field (more than the wire shows).
type Record struct {
	Type    string         `json:"Type"`
	Format  string         `json:"Format,omitempty"`
	Version int            `json:"Version,omitempty"`
	Secret  *SecretRecord  `json:"Secret,omitempty"`
	Account *AccountRecord `json:"Account,omitempty"`
	User    *UserRecord    `json:"User,omitempty"`
}

// Record types.
const (
	RecordHeader  = "header"
	RecordSecret  = "secret"
	RecordAccount = "account"
	RecordUser    = "user"
)

// SecretRecord is an installation secret (the pagination key).
type SecretRecord struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// AccountRecord is a stored account. Times are Unix milliseconds.
type AccountRecord struct {
	AwsAccountID         string   `json:"AwsAccountId"`
	ID                   string   `json:"AccountId"`
	Name                 string   `json:"Name"`
	Type                 string   `json:"AccountType"`
	CreatedAt            int64    `json:"CreatedAt"`
	DefaultLicense       string   `json:"DefaultLicense"`
	SupportedLicenses    []string `json:"SupportedLicenses"`
	Status               string   `json:"AccountStatus"`
	SigninDelegateGroups []string `json:"SigninDelegateGroups"`
	DisableRemoteControl bool     `json:"DisableRemoteControl"`
	EnableDialOut        bool     `json:"EnableDialOut"`
}

// UserRecord is a stored user. Times are Unix milliseconds.
type UserRecord struct {
	AwsAccountID    string `json:"AwsAccountId"`
	AccountID       string `json:"AccountId"`
	ID              string `json:"UserId"`
	Email           string `json:"Email"`
	Username        string `json:"Username"`
	DisplayName     string `json:"DisplayName"`
	PhoneNumber     string `json:"PhoneNumber"`
	License         string `json:"License"`
	Type            string `json:"UserType"`
	Registration    string `json:"Registration"`
	Invitation      string `json:"Invitation"`
	RegisteredOn    *int64 `json:"RegisteredOn"`
	InvitedOn       *int64 `json:"InvitedOn"`
	A4BEnabled      bool   `json:"AlexaForBusinessEnabled"`
	A4BRoomARN      string `json:"AlexaForBusinessRoomArn"`
	PersonalPIN     string `json:"PersonalPIN"`
	InboundCalling  bool   `json:"InboundCalling"`
	OutboundCalling bool   `json:"OutboundCalling"`
	SMS             bool   `json:"SMS"`
	LastLogoutAt    *int64 `json:"LastLogoutAt"`
}

// Counts are the sizes of an installation.
type Counts struct {
	Accounts, Users, Secrets int
}

// Total is the number of records an export of these counts holds, header aside.
func (c Counts) Total() int { return c.Accounts + c.Users + c.Secrets }

// Count returns the installation's sizes, for progress reports.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM users),
		(SELECT COUNT(*) FROM meta WHERE key LIKE 'secret:%')`).Scan(&c.Accounts, &c.Users, &c.Secrets)
	return c, err
}

func nullable(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}

func fromNullable(p *int64) sql.NullInt64 {
	if p == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: *p, Valid: true}
}

// Export streams the whole installation, in one read transaction so that
// it is consistent: a header, the secrets, the accounts and then the users,
// each in creation order.
func (s *Store) Export(ctx context.Context, emit func(Record) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := emit(Record{Type: RecordHeader, Format: ExportFormat, Version: ExportVersion}); err != nil {
		return err
	}
	if err := eachRow(ctx, tx, `SELECT key, value FROM meta WHERE key LIKE 'secret:%' ORDER BY key`, func(rows *sql.Rows) error {
		var r SecretRecord
		if err := rows.Scan(&r.Key, &r.Value); err != nil {
			return err
		}
		return emit(Record{Type: RecordSecret, Secret: &r})
	}); err != nil {
		return err
	}
	if err := eachRow(ctx, tx, `SELECT aws_account_id, id, name, account_type, created_at, default_license, supported_licenses,
		status, signin_delegate_groups, disable_remote_control, enable_dial_out FROM accounts ORDER BY seq`, func(rows *sql.Rows) error {
		var r AccountRecord
		var groups, licenses string
		var drc, edo int64
		if err := rows.Scan(&r.AwsAccountID, &r.ID, &r.Name, &r.Type, &r.CreatedAt, &r.DefaultLicense, &licenses,
			&r.Status, &groups, &drc, &edo); err != nil {
			return err
		}
		r.SupportedLicenses = strings.Split(licenses, ",")
		if err := json.Unmarshal([]byte(groups), &r.SigninDelegateGroups); err != nil {
			return err
		}
		r.DisableRemoteControl, r.EnableDialOut = drc != 0, edo != 0
		return emit(Record{Type: RecordAccount, Account: &r})
	}); err != nil {
		return err
	}
	return eachRow(ctx, tx, `SELECT aws_account_id, account_id, id, email, username, display_name, phone_number, license,
		user_type, registration, invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin,
		inbound_calling, outbound_calling, sms, last_logout_at FROM users ORDER BY seq`, func(rows *sql.Rows) error {
		var r UserRecord
		var reg, inv, logout sql.NullInt64
		var a4b, in, out, sms int64
		if err := rows.Scan(&r.AwsAccountID, &r.AccountID, &r.ID, &r.Email, &r.Username, &r.DisplayName, &r.PhoneNumber,
			&r.License, &r.Type, &r.Registration, &r.Invitation, &reg, &inv, &a4b, &r.A4BRoomARN, &r.PersonalPIN,
			&in, &out, &sms, &logout); err != nil {
			return err
		}
		r.RegisteredOn, r.InvitedOn, r.LastLogoutAt = nullable(reg), nullable(inv), nullable(logout)
		r.A4BEnabled, r.InboundCalling, r.OutboundCalling, r.SMS = a4b != 0, in != 0, out != 0, sms != 0
		return emit(Record{Type: RecordUser, User: &r})
	})
}

func eachRow(ctx context.Context, tx *sql.Tx, query string, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// importBatch is how many records one import transaction writes.
const importBatch = 500

// Import loads an export into this store, which must hold no accounts.
// next returns the records in order and false at the end. Records are
// written in transactions of importBatch; the installation's secrets
// replace this store's, so that pagination tokens stay valid.
func (s *Store) Import(ctx context.Context, next func() (Record, bool, error), progress func(n int)) (Counts, error) {
	var counts Counts
	if c, err := s.Count(ctx); err != nil {
		return counts, err
	} else if c.Accounts > 0 || c.Users > 0 {
		return counts, fmt.Errorf("the target store is not empty (%d accounts, %d users): import needs an empty one", c.Accounts, c.Users)
	}
	first, ok, err := next()
	if err != nil {
		return counts, err
	}
	if !ok || first.Type != RecordHeader || first.Format != ExportFormat {
		return counts, fmt.Errorf("the input is not a chime export (no %s header)", ExportFormat)
	}
	if first.Version != ExportVersion {
		return counts, fmt.Errorf("export version %d is not supported (this version reads %d)", first.Version, ExportVersion)
	}
	done := 0
	for more := true; more; {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			for i := 0; i < importBatch; i++ {
				rec, ok, err := next()
				if err != nil {
					return err
				}
				if !ok {
					more = false
					return nil
				}
				if err := s.importRecord(ctx, tx, rec, &counts); err != nil {
					return fmt.Errorf("record %d: %w", done+i+2, err)
				}
			}
			return nil
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

func (s *Store) importRecord(ctx context.Context, tx *sql.Tx, rec Record, counts *Counts) error {
	switch {
	case rec.Type == RecordSecret && rec.Secret != nil:
		counts.Secrets++
		_, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`), rec.Secret.Key, rec.Secret.Value)
		return err
	case rec.Type == RecordAccount && rec.Account != nil:
		a := rec.Account
		if a.SigninDelegateGroups == nil {
			a.SigninDelegateGroups = []string{}
		}
		counts.Accounts++
		_, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO accounts (aws_account_id, id, name, account_type, created_at,
			default_license, supported_licenses, status, signin_delegate_groups, disable_remote_control, enable_dial_out)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			a.AwsAccountID, a.ID, a.Name, a.Type, a.CreatedAt, a.DefaultLicense, strings.Join(a.SupportedLicenses, ","), a.Status,
			groupsColumn(a.SigninDelegateGroups), boolInt(a.DisableRemoteControl), boolInt(a.EnableDialOut))
		return err
	case rec.Type == RecordUser && rec.User != nil:
		u := rec.User
		counts.Users++
		_, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO users (aws_account_id, account_id, id, email, email_key, username,
			display_name, phone_number, license, user_type, registration, invitation, registered_on, invited_on,
			a4b_enabled, a4b_room_arn, personal_pin, inbound_calling, outbound_calling, sms, last_logout_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			u.AwsAccountID, u.AccountID, u.ID, u.Email, emailKey(u.Email), u.Username, u.DisplayName, u.PhoneNumber,
			u.License, u.Type, u.Registration, u.Invitation, fromNullable(u.RegisteredOn), fromNullable(u.InvitedOn),
			boolInt(u.A4BEnabled), u.A4BRoomARN, u.PersonalPIN, boolInt(u.InboundCalling), boolInt(u.OutboundCalling),
			boolInt(u.SMS), fromNullable(u.LastLogoutAt))
		if err != nil && s.dialect.IsUniqueViolation(err) {
			return chime.Errorf(chime.Conflict, "user %s repeats an id or an e-mail address", u.ID)
		}
		return err
	}
	return fmt.Errorf("unknown record type %q", rec.Type)
}
