package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openchime/chime"
)

// SettingsStore is chime.SettingsService on the store's database: one row
// of aws_account_settings per AWS account that set anything.
type SettingsStore struct{ *core }

var _ chime.SettingsService = SettingsStore{}

const settingsColumns = `calling_name, calling_name_updated_at, business_calling_cdr_bucket, voice_connector_cdr_bucket`

// readSettings reads owner's settings (lock is "" or the dialect's lock
// clause); the zero settings when owner has no row.
func (c *core) readSettings(ctx context.Context, q querier, owner, lock string) (*chime.PhoneNumberSettings, *chime.GlobalSettings, error) {
	ps, gs, err := scanSettings(c.on(q).QueryRowContext(ctx, c.q(`SELECT `+settingsColumns+` FROM aws_account_settings WHERE aws_account_id = ?`+lock),
		owner))
	if errors.Is(err, sql.ErrNoRows) {
		return &chime.PhoneNumberSettings{}, &chime.GlobalSettings{}, nil
	}
	return ps, gs, err
}

// scanSettings reads a row of settingsColumns.
func scanSettings(row interface{ Scan(...any) error }) (*chime.PhoneNumberSettings, *chime.GlobalSettings, error) {
	var (
		ps      chime.PhoneNumberSettings
		gs      chime.GlobalSettings
		updated sql.NullInt64
	)
	if err := row.Scan(&ps.CallingName, &updated, &gs.BusinessCallingCdrBucket, &gs.VoiceConnectorCdrBucket); err != nil {
		return nil, nil, err
	}
	ps.UpdatedAt = fromNullMillis(updated)
	return &ps, &gs, nil
}

// changeSettings reads owner's settings under a lock, changes them and
// writes them back in one transaction, making owner's row first if there
// is none (an insert that two nodes may make at once: one makes it).
func (s SettingsStore) changeSettings(ctx context.Context, owner, what string,
	change func(ps *chime.PhoneNumberSettings, gs *chime.GlobalSettings) error) error {
	return s.write(ctx, what, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO aws_account_settings (aws_account_id) VALUES (?)
			ON CONFLICT (aws_account_id) DO NOTHING`), owner); err != nil {
			return err
		}
		ps, gs, err := s.readSettings(ctx, tx, owner, s.dialect.LockForUpdate())
		if err != nil {
			return err
		}
		if err := change(ps, gs); err != nil {
			return err
		}
		_, err = s.on(tx).ExecContext(ctx, s.q(`UPDATE aws_account_settings SET calling_name = ?, calling_name_updated_at = ?,
			business_calling_cdr_bucket = ?, voice_connector_cdr_bucket = ? WHERE aws_account_id = ?`),
			ps.CallingName, nullMillis(ps.UpdatedAt), gs.BusinessCallingCdrBucket, gs.VoiceConnectorCdrBucket, owner)
		return err
	})
}

// GetPhoneNumberSettings implements chime.SettingsService.
func (s SettingsStore) GetPhoneNumberSettings(ctx context.Context, owner string) (*chime.PhoneNumberSettings, error) {
	ps, _, err := s.readSettings(ctx, s.db, owner, "")
	if err != nil {
		return nil, s.classify("get phone number settings", err)
	}
	return ps, nil
}

// UpdatePhoneNumberSettings implements chime.SettingsService.
func (s SettingsStore) UpdatePhoneNumberSettings(ctx context.Context, owner, callingName string) error {
	now := s.nowMillis()
	return s.changeSettings(ctx, owner, "update phone number settings", func(ps *chime.PhoneNumberSettings, _ *chime.GlobalSettings) error {
		return chime.ApplyPhoneNumberSettings(ps, callingName, now, s.timings.CallingNameMinInterval)
	})
}

// GetGlobalSettings implements chime.SettingsService.
func (s SettingsStore) GetGlobalSettings(ctx context.Context, owner string) (*chime.GlobalSettings, error) {
	_, gs, err := s.readSettings(ctx, s.db, owner, "")
	if err != nil {
		return nil, s.classify("get global settings", err)
	}
	return gs, nil
}

// UpdateGlobalSettings implements chime.SettingsService.
func (s SettingsStore) UpdateGlobalSettings(ctx context.Context, owner string, u chime.GlobalSettingsUpdate) error {
	return s.changeSettings(ctx, owner, "update global settings", func(_ *chime.PhoneNumberSettings, gs *chime.GlobalSettings) error {
		return chime.ApplyGlobalSettings(gs, u)
	})
}
