package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/openchime/chime"
)

// BotStore is chime.BotService on the store's database, with the bots'
// events configurations. CreateBot locks its account for update, so that
// two creations count the account's bots one after the other.
type BotStore struct{ *core }

var _ chime.BotService = BotStore{}

const botColumns = `seq, id, account_id, display_name, email, disabled, security_token, created_at, updated_at`

// botRow holds the scan targets of a row of botColumns (see rowTargets).
type botRow struct {
	b                          chime.Bot
	seq, disabled, created, up int64
	dest                       []any
}

func newBotRow() *botRow {
	r := new(botRow)
	r.dest = []any{&r.seq, &r.b.ID, &r.b.AccountID, &r.b.DisplayName, &r.b.Email, &r.disabled, &r.b.SecurityToken, &r.created, &r.up}
	return r
}

// scan reads one row into r; the bot it returns is r's until the next.
func (r *botRow) scan(row rowScanner) (*chime.Bot, int64, error) {
	if err := row.Scan(r.dest...); err != nil {
		return nil, 0, err
	}
	r.b.Disabled, r.b.CreatedAt, r.b.UpdatedAt = r.disabled != 0, fromMillis(r.created), fromMillis(r.up)
	return &r.b, r.seq, nil
}

func scanBot(row rowScanner) (*chime.Bot, int64, error) { return newBotRow().scan(row) }

// readBot reads a bot of the account, or NotFound.
func (c *core) readBot(ctx context.Context, q querier, owner, accountID, botID string) (*chime.Bot, error) {
	return c.readBotLocked(ctx, q, owner, accountID, botID, "")
}

// readBotLocked reads a bot with lock appended to the query: a writer
// locks the row it will write back, so that two changes of one bot (a
// stop and a new token) cannot undo each other.
func (c *core) readBotLocked(ctx context.Context, q querier, owner, accountID, botID, lock string) (*chime.Bot, error) {
	b, _, err := scanBot(c.on(q).QueryRowContext(ctx, c.q(`SELECT `+botColumns+` FROM bots
		WHERE aws_account_id = ? AND account_id = ? AND id = ?`+lock), owner, accountID, botID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundBot(botID)
	}
	return b, err
}

const eventsConfigurationColumns = `https_endpoint, lambda_function_arn`

// readEventsConfiguration reads a bot's events configuration, or NotFound.
func (c *core) readEventsConfiguration(ctx context.Context, q querier, owner, accountID, botID string) (*chime.EventsConfiguration, error) {
	ec := chime.EventsConfiguration{BotID: botID}
	err := c.on(q).QueryRowContext(ctx, c.q(`SELECT `+eventsConfigurationColumns+` FROM bot_events_configurations
		WHERE aws_account_id = ? AND account_id = ? AND bot_id = ?`), owner, accountID, botID).Scan(&ec.HTTPSEndpoint, &ec.LambdaFunctionARN)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chime.Errorf(chime.NotFound, "The bot %s has no events configuration", botID)
	}
	if err != nil {
		return nil, err
	}
	return &ec, nil
}

// firstUserDomain is the domain of the e-mail address of the account's
// first user, "" when it has none.
func (c *core) firstUserDomain(ctx context.Context, tx *sql.Tx, owner, accountID string) (string, error) {
	var email string
	err := c.on(tx).QueryRowContext(ctx, c.q(`SELECT email FROM users WHERE aws_account_id = ? AND account_id = ?
		ORDER BY seq LIMIT 1`), owner, accountID).Scan(&email)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	_, domain, _ := strings.Cut(email, "@")
	return domain, nil
}

// CreateBot implements chime.BotService. Without a domain, the bot takes
// its account's first user's, or example.com when the account has no
// user or that domain is not one a bot can have.
func (s BotStore) CreateBot(ctx context.Context, owner, accountID, displayName, domain string) (*chime.Bot, error) {
	var out *chime.Bot
	err := s.write(ctx, "create bot", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.lockAccount); err != nil {
			return err
		}
		now := s.nowMillis()
		b, err := chime.NewBot(accountID, displayName, domain, s.newID(), s.newToken(), now)
		if err != nil {
			return err
		}
		if domain == "" {
			d, err := s.firstUserDomain(ctx, tx, owner, accountID)
			if err != nil {
				return err
			}
			if withDomain, err := chime.NewBot(accountID, displayName, d, b.ID, b.SecurityToken, now); err == nil {
				b = withDomain
			}
		}
		var n int
		if err := s.on(tx).QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM bots WHERE aws_account_id = ? AND account_id = ?`),
			owner, accountID).Scan(&n); err != nil {
			return err
		}
		if n >= chime.MaxBotsPerAccount {
			return chime.Errorf(chime.ResourceLimitExceeded, "The account has %d bots, the most it can have", chime.MaxBotsPerAccount)
		}
		added, err := s.execMatched(ctx, tx, s.q(`INSERT INTO bots (aws_account_id, account_id, id, display_name, email,
			email_key, disabled, security_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (aws_account_id, account_id, email_key) DO NOTHING`),
			owner, accountID, b.ID, b.DisplayName, b.Email, emailKey(b.Email), boolInt(b.Disabled), b.SecurityToken,
			toMillis(b.CreatedAt), toMillis(b.UpdatedAt))
		if err != nil {
			return err
		}
		if !added {
			return chime.Errorf(chime.BadRequest, "Another bot of the account has the e-mail address this display name gives")
		}
		out = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// GetBot implements chime.BotService.
func (s BotStore) GetBot(ctx context.Context, owner, accountID, botID string) (*chime.Bot, error) {
	if _, err := s.enterpriseAccount(ctx, owner, accountID); err != nil {
		return nil, s.classify("get bot", err)
	}
	b, err := s.readBot(ctx, s.db, owner, accountID, botID)
	return b, s.classify("get bot", err)
}

// changeBot reads a bot of a writable Enterprise account, changes it and
// writes it back when change reports a change, with UpdatedAt bumped.
func (s BotStore) changeBot(ctx context.Context, owner, accountID, botID, what string, change func(b *chime.Bot) (bool, error)) (*chime.Bot, error) {
	var out *chime.Bot
	err := s.write(ctx, what, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		b, err := s.readBotLocked(ctx, tx, owner, accountID, botID, s.dialect.LockForUpdate())
		if err != nil {
			return err
		}
		out = b
		changed, err := change(b)
		if err != nil || !changed {
			return err
		}
		b.UpdatedAt = s.nowMillis()
		_, err = s.on(tx).ExecContext(ctx, s.q(`UPDATE bots SET disabled = ?, security_token = ?, updated_at = ?
			WHERE aws_account_id = ? AND account_id = ? AND id = ?`),
			boolInt(b.Disabled), b.SecurityToken, toMillis(b.UpdatedAt), owner, accountID, botID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateBot implements chime.BotService: UpdatedAt moves when Disabled
// changes.
func (s BotStore) UpdateBot(ctx context.Context, owner, accountID, botID string, disabled *bool) (*chime.Bot, error) {
	return s.changeBot(ctx, owner, accountID, botID, "update bot", func(b *chime.Bot) (bool, error) {
		if disabled == nil || *disabled == b.Disabled {
			return false, nil
		}
		b.Disabled = *disabled
		return true, nil
	})
}

// maxTokenDraws bounds how many tokens RegenerateSecurityToken draws to
// find one other than the old.
const maxTokenDraws = 8

// RegenerateSecurityToken implements chime.BotService. A token source
// that keeps giving the old token is a failure of the service (Internal).
func (s BotStore) RegenerateSecurityToken(ctx context.Context, owner, accountID, botID string) (*chime.Bot, error) {
	return s.changeBot(ctx, owner, accountID, botID, "regenerate security token", func(b *chime.Bot) (bool, error) {
		old := b.SecurityToken
		for range maxTokenDraws {
			if b.SecurityToken = s.newToken(); b.SecurityToken != old {
				return true, nil
			}
		}
		return false, chime.Internalf(errors.New("the token source gave the old token every time"),
			"regenerate security token after %d draws", maxTokenDraws)
	})
}

// ListBots implements chime.BotService.
func (s BotStore) ListBots(ctx context.Context, owner, accountID string, p chime.PageRequest) (*chime.BotPage, error) {
	limit, after, err := s.enterprisePage(ctx, owner, accountID, "list bots", p, chime.DefaultBotPageSize)
	if err != nil {
		return nil, err
	}
	items, next, err := listBySeq(ctx, s.core, "list bots", `SELECT `+botColumns+` FROM bots
		WHERE aws_account_id = ? AND account_id = ? AND seq > ? ORDER BY seq LIMIT ?`, []any{owner, accountID, after, limit + 1}, limit, newBotRow().scan)
	if err != nil {
		return nil, err
	}
	return &chime.BotPage{Bots: items, Next: next}, nil
}

// PutEventsConfiguration implements chime.BotService.
func (s BotStore) PutEventsConfiguration(ctx context.Context, owner, accountID, botID string, ec chime.EventsConfiguration) (*chime.EventsConfiguration, error) {
	ec.BotID = botID
	err := s.write(ctx, "put events configuration", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		if _, err := s.readBot(ctx, tx, owner, accountID, botID); err != nil {
			return err
		}
		if err := chime.CheckEventsConfiguration(ec); err != nil {
			return err
		}
		_, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO bot_events_configurations (aws_account_id, account_id, bot_id,
			https_endpoint, lambda_function_arn) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (aws_account_id, account_id, bot_id) DO UPDATE
			SET https_endpoint = excluded.https_endpoint, lambda_function_arn = excluded.lambda_function_arn`),
			owner, accountID, botID, ec.HTTPSEndpoint, ec.LambdaFunctionARN)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &ec, nil
}

// GetEventsConfiguration implements chime.BotService.
func (s BotStore) GetEventsConfiguration(ctx context.Context, owner, accountID, botID string) (*chime.EventsConfiguration, error) {
	if _, err := s.enterpriseAccount(ctx, owner, accountID); err != nil {
		return nil, s.classify("get events configuration", err)
	}
	if _, err := s.readBot(ctx, s.db, owner, accountID, botID); err != nil {
		return nil, s.classify("get events configuration", err)
	}
	ec, err := s.readEventsConfiguration(ctx, s.db, owner, accountID, botID)
	return ec, s.classify("get events configuration", err)
}

// DeleteEventsConfiguration implements chime.BotService.
func (s BotStore) DeleteEventsConfiguration(ctx context.Context, owner, accountID, botID string) error {
	return s.write(ctx, "delete events configuration", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		if _, err := s.readBot(ctx, tx, owner, accountID, botID); chime.IsKind(err, chime.NotFound) {
			return chime.Errorf(chime.BadRequest, "The bot %s was not found in the account", botID)
		} else if err != nil {
			return err
		}
		_, err := s.on(tx).ExecContext(ctx, s.q(`DELETE FROM bot_events_configurations
			WHERE aws_account_id = ? AND account_id = ? AND bot_id = ?`), owner, accountID, botID)
		return err
	})
}

func notFoundBot(id string) error {
	return chime.Errorf(chime.NotFound, "The bot %s was not found in the account", id)
}
