package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/openchime/chime"
)

// AccountStore is chime.AccountService on the store's database. Its
// helpers that read and lock an account are the core's, for every
// resource that lives in an account.
type AccountStore struct{ *core }

var _ chime.AccountService = AccountStore{}

const accountColumns = `seq, aws_account_id, id, name, account_type, created_at, default_license,
	supported_licenses, status, signin_delegate_groups`

// accountRow holds the scan targets of a row of accountColumns (see
// rowTargets).
type accountRow struct {
	a                                   chime.Account
	seq, created                        int64
	accountType, defaultLicense, status string
	supported, groupsJSON               string
	dest                                []any
}

func newAccountRow() *accountRow {
	r := new(accountRow)
	// Plain strings, as in userRow: no conversion by reflection.
	r.dest = []any{&r.seq, &r.a.AwsAccountID, &r.a.ID, &r.a.Name, &r.accountType, &r.created, &r.defaultLicense,
		&r.supported, &r.status, &r.groupsJSON}
	return r
}

func scanAccount(row rowScanner) (*chime.Account, int64, error) { return newAccountRow().scan(row) }

// scan reads one row into r; the account it returns is r's until the next.
func (r *accountRow) scan(row rowScanner) (*chime.Account, int64, error) {
	if err := row.Scan(r.dest...); err != nil {
		return nil, 0, err
	}
	a, seq, created, accountType, defaultLicense, status := &r.a, r.seq, r.created, r.accountType, r.defaultLicense, r.status
	supported, groupsJSON := r.supported, r.groupsJSON
	a.Type, a.DefaultLicense, a.Status = chime.AccountType(accountType), chime.License(defaultLicense), chime.AccountStatus(status)
	a.CreatedAt = fromMillis(created)
	a.SupportedLicenses = []chime.License{}
	for _, l := range strings.Split(supported, ",") {
		if l != "" {
			a.SupportedLicenses = append(a.SupportedLicenses, chime.License(l))
		}
	}
	a.SigninDelegateGroups = []string{}
	if err := json.Unmarshal([]byte(groupsJSON), &a.SigninDelegateGroups); err != nil {
		return nil, 0, err
	}
	return a, seq, nil
}

func licensesColumn(ls []chime.License) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = string(l)
	}
	return strings.Join(parts, ",")
}

func groupsColumn(gs []string) string {
	b, _ := json.Marshal(gs) // a []string always marshals
	return string(b)
}

// loadAccount reads an account of owner, or NotFound.
func (c *core) loadAccount(ctx context.Context, q querier, owner, id string) (*chime.Account, error) {
	a, _, err := scanAccount(c.on(q).QueryRowContext(ctx,
		c.q(`SELECT `+accountColumns+` FROM accounts WHERE aws_account_id = ? AND id = ?`), owner, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundAccount(id)
	}
	return a, err
}

// writableAccount locks an account for update and checks that it takes
// writes (chime.CheckWritable: not suspended).
func (c *core) writableAccount(ctx context.Context, tx *sql.Tx, owner, id string) (*chime.Account, error) {
	a, err := c.lockAccount(ctx, tx, owner, id)
	if err != nil {
		return nil, err
	}
	return a, chime.CheckWritable(a)
}

// lockAccount reads an account of owner inside a write transaction and
// locks it until the transaction ends: every write to an account and its
// users goes through this lock, so that they take turns on every engine.
func (c *core) lockAccount(ctx context.Context, tx *sql.Tx, owner, id string) (*chime.Account, error) {
	return c.readAccountLocked(ctx, tx, owner, id, c.dialect.LockForUpdate())
}

// shareAccount is lockAccount for a write that only adds a user of its
// own: such writes hold the lock together (a new user's e-mail is kept
// unique by an index), while a write that changes or deletes the account,
// which locks it for update, waits for them all and they for it.
func (c *core) shareAccount(ctx context.Context, tx *sql.Tx, owner, id string) (*chime.Account, error) {
	return c.readAccountLocked(ctx, tx, owner, id, c.dialect.LockForKeyShare())
}

// Under group commit, an account already read by the batch is not read
// again.
func (c *core) readAccountLocked(ctx context.Context, tx *sql.Tx, owner, id, lock string) (*chime.Account, error) {
	memo := c.group.memo(tx)
	if memo != nil {
		if a, ok := memo.get(owner, id, lock); ok {
			return a, nil
		}
	}
	a, _, err := scanAccount(c.on(tx).QueryRowContext(ctx,
		c.q(`SELECT `+accountColumns+` FROM accounts WHERE aws_account_id = ? AND id = ?`+lock), owner, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundAccount(id)
	}
	if err == nil && memo != nil {
		memo.put(a, lock)
	}
	return a, err
}

// accountsChanged tells the batch's memo that tx wrote to the accounts
// table; every statement that does calls it first.
func (c *core) accountsChanged(tx *sql.Tx) {
	if memo := c.group.memo(tx); memo != nil {
		memo.forget()
	}
}

func (c *core) saveAccount(ctx context.Context, tx *sql.Tx, a *chime.Account) error {
	c.accountsChanged(tx)
	_, err := c.on(tx).ExecContext(ctx, c.q(`UPDATE accounts SET name = ?, account_type = ?, default_license = ?,
		supported_licenses = ?, status = ?, signin_delegate_groups = ? WHERE aws_account_id = ? AND id = ?`),
		a.Name, string(a.Type), string(a.DefaultLicense), licensesColumn(a.SupportedLicenses),
		string(a.Status), groupsColumn(a.SigninDelegateGroups), a.AwsAccountID, a.ID)
	return err
}

// CreateAccount implements chime.AccountService.
func (s AccountStore) CreateAccount(ctx context.Context, owner string, in chime.NewAccount) (*chime.Account, error) {
	a, err := chime.NewTeamAccount(owner, in, s.newID(), s.nowMillis())
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, "create account", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO accounts (aws_account_id, id, name, account_type, created_at,
			default_license, supported_licenses, status, signin_delegate_groups) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			a.AwsAccountID, a.ID, a.Name, string(a.Type), toMillis(a.CreatedAt), string(a.DefaultLicense),
			licensesColumn(a.SupportedLicenses), string(a.Status), groupsColumn(a.SigninDelegateGroups))
		if err != nil && s.dialect.Classify(err) == UniqueViolation {
			return chime.Errorf(chime.Conflict, "The account %s already exists", a.ID)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// GetAccount implements chime.AccountService.
func (s AccountStore) GetAccount(ctx context.Context, owner, accountID string) (*chime.Account, error) {
	a, err := s.loadAccount(ctx, s.db, owner, accountID)
	return a, s.classify("get account", err)
}

// ListAccounts implements chime.AccountService.
func (s AccountStore) ListAccounts(ctx context.Context, owner string, f chime.AccountFilter, p chime.PageRequest) (*chime.AccountPage, error) {
	if err := chime.ValidatePage(p); err != nil {
		return nil, err
	}
	after, err := parseCursor(p.Cursor)
	if err != nil {
		return nil, err
	}
	limit := chime.PageLimit(p)
	query := `SELECT ` + accountColumns + ` FROM accounts WHERE aws_account_id = ? AND seq > ?`
	args := []any{owner, after}
	if f.NamePrefix != "" {
		query += ` AND substr(name, 1, ?) = ?`
		args = append(args, len([]rune(f.NamePrefix)), f.NamePrefix)
	}
	if f.UserEmail != "" {
		query += ` AND id IN (SELECT account_id FROM users WHERE aws_account_id = ? AND email_key = ?)`
		args = append(args, owner, emailKey(f.UserEmail))
	}
	query += ` ORDER BY seq LIMIT ?`
	args = append(args, limit+1)
	items, next, err := listBySeq(ctx, s.core, "list accounts", query, args, limit, newAccountRow().scan)
	if err != nil {
		return nil, err
	}
	return &chime.AccountPage{Accounts: items, Next: next}, nil
}

// UpdateAccount implements chime.AccountService.
func (s AccountStore) UpdateAccount(ctx context.Context, owner, accountID string, u chime.AccountUpdate) (*chime.Account, error) {
	return s.changeAccount(ctx, owner, accountID, "update account", func(a *chime.Account) error {
		return chime.ApplyAccountUpdate(a, u)
	})
}

// AdminUpdateAccount implements chime.AccountService.
func (s AccountStore) AdminUpdateAccount(ctx context.Context, owner, accountID string, u chime.AccountAdminUpdate) (*chime.Account, error) {
	return s.changeAccount(ctx, owner, accountID, "admin update account", func(a *chime.Account) error {
		return chime.ApplyAdminUpdate(a, u)
	})
}

// changeAccount reads, changes and writes an account in one transaction.
func (s AccountStore) changeAccount(ctx context.Context, owner, accountID, what string, change func(*chime.Account) error) (*chime.Account, error) {
	var out *chime.Account
	err := s.write(ctx, what, func(ctx context.Context, tx *sql.Tx) error {
		a, err := s.lockAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		if err := change(a); err != nil {
			return err
		}
		out = a
		return s.saveAccount(ctx, tx, a)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteAccount implements chime.AccountService.
func (s AccountStore) DeleteAccount(ctx context.Context, owner, accountID string) error {
	return s.write(ctx, "delete account", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		var active int
		if err := s.on(tx).QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM users
			WHERE aws_account_id = ? AND account_id = ? AND registration <> ?`),
			owner, accountID, string(chime.Suspended)).Scan(&active); err != nil {
			return err
		}
		if active > 0 {
			return chime.Errorf(chime.Unprocessable,
				"The account still has %d users that are not suspended; suspend or remove them first", active)
		}
		if err := s.unassignNumbersOfAccount(ctx, tx, owner, accountID); err != nil {
			return err
		}
		if err := s.deleteChat(ctx, tx, owner, accountID); err != nil {
			return err
		}
		if _, err := s.on(tx).ExecContext(ctx, s.q(`DELETE FROM users WHERE aws_account_id = ? AND account_id = ?`), owner, accountID); err != nil {
			return err
		}
		s.accountsChanged(tx)
		_, err = s.on(tx).ExecContext(ctx, s.q(`DELETE FROM accounts WHERE aws_account_id = ? AND id = ?`), owner, accountID)
		return err
	})
}

// GetAccountSettings implements chime.AccountService.
func (s AccountStore) GetAccountSettings(ctx context.Context, owner, accountID string) (*chime.AccountSettings, error) {
	var drc, edo int64
	err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT disable_remote_control, enable_dial_out FROM accounts
		WHERE aws_account_id = ? AND id = ?`), owner, accountID).Scan(&drc, &edo)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundAccount(accountID)
	}
	if err != nil {
		return nil, s.classify("get account settings", err)
	}
	return &chime.AccountSettings{DisableRemoteControl: drc != 0, EnableDialOut: edo != 0}, nil
}

// UpdateAccountSettings implements chime.AccountService.
func (s AccountStore) UpdateAccountSettings(ctx context.Context, owner, accountID string, u chime.AccountSettingsUpdate) error {
	return s.write(ctx, "update account settings", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		s.accountsChanged(tx)
		if u.DisableRemoteControl != nil {
			if _, err := s.on(tx).ExecContext(ctx, s.q(`UPDATE accounts SET disable_remote_control = ? WHERE aws_account_id = ? AND id = ?`),
				boolInt(*u.DisableRemoteControl), owner, accountID); err != nil {
				return err
			}
		}
		if u.EnableDialOut != nil {
			if _, err := s.on(tx).ExecContext(ctx, s.q(`UPDATE accounts SET enable_dial_out = ? WHERE aws_account_id = ? AND id = ?`),
				boolInt(*u.EnableDialOut), owner, accountID); err != nil {
				return err
			}
		}
		return nil
	})
}

// AssociateSigninDelegateGroups implements chime.AccountService.
func (s AccountStore) AssociateSigninDelegateGroups(ctx context.Context, owner, accountID string, groups []string) error {
	_, err := s.changeAccount(ctx, owner, accountID, "associate signin delegate groups", func(a *chime.Account) error {
		return chime.AssociateSigninDelegateGroups(a, groups)
	})
	return err
}

// DisassociateSigninDelegateGroups implements chime.AccountService.
func (s AccountStore) DisassociateSigninDelegateGroups(ctx context.Context, owner, accountID string, groups []string) error {
	_, err := s.changeAccount(ctx, owner, accountID, "disassociate signin delegate groups", func(a *chime.Account) error {
		return chime.DisassociateSigninDelegateGroups(a, groups)
	})
	return err
}

// notFoundAccount is the error for an account the caller cannot see.
func notFoundAccount(id string) error {
	return chime.Errorf(chime.NotFound, "The account %s was not found", id)
}
