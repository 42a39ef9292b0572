package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openchime/chime"
)

// RetentionStore is chime.RetentionService on the store's database: one
// row of retention_settings per Chime account that set any.
type RetentionStore struct{ *core }

var _ chime.RetentionService = RetentionStore{}

// GetRetentionSettings implements chime.RetentionService.
func (s RetentionStore) GetRetentionSettings(ctx context.Context, owner, accountID string) (*chime.RetentionSettings, error) {
	if _, err := s.enterpriseAccount(ctx, owner, accountID); err != nil {
		return nil, s.classify("get retention settings", err)
	}
	rs, err := scanRetention(s.on(s.db).QueryRowContext(ctx, s.q(`SELECT `+retentionColumns+`
		FROM retention_settings WHERE aws_account_id = ? AND account_id = ?`), owner, accountID))
	if errors.Is(err, sql.ErrNoRows) {
		return &chime.RetentionSettings{}, nil
	}
	if err != nil {
		return nil, s.classify("get retention settings", err)
	}
	return rs, nil
}

const retentionColumns = `room_days, conversation_days, initiate_deletion_at`

// scanRetention reads a row of retentionColumns.
func scanRetention(row interface{ Scan(...any) error }) (*chime.RetentionSettings, error) {
	var (
		rs        chime.RetentionSettings
		deletesAt sql.NullInt64
	)
	if err := row.Scan(&rs.RoomDays, &rs.ConversationDays, &deletesAt); err != nil {
		return nil, err
	}
	rs.InitiateDeletionAt = fromNullMillis(deletesAt)
	return &rs, nil
}

// PutRetentionSettings implements chime.RetentionService.
func (s RetentionStore) PutRetentionSettings(ctx context.Context, owner, accountID string, in chime.RetentionSettings) (*chime.RetentionSettings, error) {
	var out chime.RetentionSettings
	err := s.write(ctx, "put retention settings", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		rs, err := chime.ApplyRetentionSettings(in, s.nowMillis())
		if err != nil {
			return err
		}
		out = rs
		_, err = s.on(tx).ExecContext(ctx, s.q(`INSERT INTO retention_settings (aws_account_id, account_id, room_days,
			conversation_days, initiate_deletion_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (aws_account_id, account_id) DO UPDATE SET room_days = excluded.room_days,
			conversation_days = excluded.conversation_days, initiate_deletion_at = excluded.initiate_deletion_at`),
			owner, accountID, rs.RoomDays, rs.ConversationDays, nullMillis(rs.InitiateDeletionAt))
		return err
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}
