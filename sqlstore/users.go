package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/openchime/chime"
)

// UserStore is chime.UserService on the store's database.
type UserStore struct{ *core }

var _ chime.UserService = UserStore{}

const userColumns = `seq, id, account_id, email, display_name, phone_number, license, user_type, registration,
	invitation, registered_on, invited_on, a4b_enabled, a4b_room_arn, personal_pin`

// userRow holds the scan targets of a row of userColumns (see rowTargets).
type userRow struct {
	u                                           chime.User
	seq                                         int64
	registered, invited                         sql.NullInt64
	a4b                                         int64
	license, userType, registration, invitation string
	dest                                        []any
}

func newUserRow() *userRow {
	r := new(userRow)
	// The enumerations are scanned as plain strings: database/sql converts
	// into a named string type by reflection, column by column.
	r.dest = []any{&r.seq, &r.u.ID, &r.u.AccountID, &r.u.Email, &r.u.DisplayName, &r.u.PhoneNumber, &r.license,
		&r.userType, &r.registration, &r.invitation, &r.registered, &r.invited, &r.a4b, &r.u.AlexaForBusiness.RoomARN,
		&r.u.PersonalPIN}
	return r
}

// scan reads one row into r; the user it returns is r's until the next.
func (r *userRow) scan(row rowScanner) (*chime.User, int64, error) {
	if err := row.Scan(r.dest...); err != nil {
		return nil, 0, err
	}
	u := &r.u
	u.License, u.Type = chime.License(r.license), chime.UserType(r.userType)
	u.Registration, u.Invitation = chime.RegistrationStatus(r.registration), chime.InviteStatus(r.invitation)
	u.RegisteredOn = fromNullMillis(r.registered)
	u.InvitedOn = fromNullMillis(r.invited)
	u.AlexaForBusiness.Enabled = r.a4b != 0
	return u, r.seq, nil
}

func scanUser(row rowScanner) (*chime.User, int64, error) { return newUserRow().scan(row) }

func (c *core) loadUser(ctx context.Context, q querier, owner, accountID, userID string) (*chime.User, error) {
	u, _, err := scanUser(c.on(q).QueryRowContext(ctx, c.q(`SELECT `+userColumns+` FROM users
		WHERE aws_account_id = ? AND account_id = ? AND id = ?`), owner, accountID, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundUser(userID)
	}
	return u, err
}

// insertUser stores a new user; a taken e-mail is a Conflict.
func (c *core) insertUser(ctx context.Context, tx *sql.Tx, owner, username string, u *chime.User) error {
	_, err := c.on(tx).ExecContext(ctx, c.q(`INSERT INTO users (aws_account_id, account_id, id, email, email_key, username,
		display_name, license, user_type, registration, invitation, registered_on, invited_on, a4b_enabled,
		a4b_room_arn, personal_pin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		owner, u.AccountID, u.ID, u.Email, emailKey(u.Email), username, u.DisplayName, string(u.License),
		string(u.Type), string(u.Registration), string(u.Invitation), nullMillis(u.RegisteredOn),
		nullMillis(u.InvitedOn), boolInt(u.AlexaForBusiness.Enabled), u.AlexaForBusiness.RoomARN, u.PersonalPIN)
	if err != nil && c.dialect.Classify(err) == UniqueViolation {
		return chime.Errorf(chime.Conflict, "A user with this e-mail address already exists")
	}
	return err
}

func (c *core) saveUser(ctx context.Context, tx *sql.Tx, owner string, u *chime.User) error {
	_, err := c.on(tx).ExecContext(ctx, c.q(`UPDATE users SET license = ?, user_type = ?, registration = ?,
		a4b_enabled = ?, a4b_room_arn = ?, personal_pin = ? WHERE aws_account_id = ? AND account_id = ? AND id = ?`),
		string(u.License), string(u.Type), string(u.Registration), boolInt(u.AlexaForBusiness.Enabled),
		u.AlexaForBusiness.RoomARN, u.PersonalPIN, owner, u.AccountID, u.ID)
	return err
}

// inviteUser stores an invited user unless a user of owner has its
// e-mail address already (or gets it first, on an engine with concurrent
// writers); it reports whether it stored it.
func (c *core) inviteUser(ctx context.Context, tx *sql.Tx, owner string, u *chime.User) (bool, error) {
	return c.execMatched(ctx, tx, c.q(`INSERT INTO users (aws_account_id, account_id, id, email, email_key,
		license, user_type, registration, invitation, invited_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (aws_account_id, email_key) DO NOTHING`),
		owner, u.AccountID, u.ID, u.Email, emailKey(u.Email), string(u.License), string(u.Type),
		string(u.Registration), string(u.Invitation), nullMillis(u.InvitedOn))
}

// CreateUser implements chime.UserService.
func (s UserStore) CreateUser(ctx context.Context, owner, accountID string, in chime.NewUser) (*chime.User, error) {
	var out *chime.User
	err := s.write(ctx, "create user", func(ctx context.Context, tx *sql.Tx) error {
		a, err := s.shareAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		u, err := chime.NewCreatedUser(a, in, s.newID(), s.newPIN(), s.nowMillis())
		if err != nil {
			return err
		}
		if err := s.insertUser(ctx, tx, owner, in.Username, u); err != nil {
			return err
		}
		out = u
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// GetUser implements chime.UserService. A user's row exists only while
// its account does, so a hit needs one query; a miss asks which is missing.
func (s UserStore) GetUser(ctx context.Context, owner, accountID, userID string) (*chime.User, error) {
	u, err := s.loadUser(ctx, s.db, owner, accountID, userID)
	if chime.IsKind(err, chime.NotFound) {
		if _, accErr := s.loadAccount(ctx, s.db, owner, accountID); accErr != nil {
			err = accErr
		}
	}
	return u, s.classify("get user", err)
}

// ListUsers implements chime.UserService. Every page reads short ranges
// of an index, however many users the account has:
//   - no filter: users_by_account from the cursor's seq on;
//   - an address: the unique e-mail key, at most one user;
//   - a prefix: users_by_email from the prefix (or the cursor's key) on,
//     in key order, skipping users of another type or state within the
//     index;
//   - a type or a state, or both: for each pair of type and state the
//     filter allows, the first limit+1 users of users_by_state after the
//     cursor, merged by seq in one query.
func (s UserStore) ListUsers(ctx context.Context, owner, accountID string, f chime.UserFilter, p chime.PageRequest) (*chime.UserPage, error) {
	if err := chime.ValidatePage(p); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	after, err := parseCursor(p.Cursor)
	if err != nil {
		return nil, err
	}
	if _, err := s.loadAccount(ctx, s.db, owner, accountID); err != nil {
		return nil, s.classify("list users", err)
	}
	limit := chime.PageLimit(p)
	var query string
	var args []any
	prefix := emailKey(f.EmailPrefix)
	switch {
	case f.Email == "" && prefix != "":
		query, args, err = s.usersByPrefix(ctx, owner, accountID, prefix, f, after, limit)
		if err != nil {
			return nil, err
		}
	case f.Email == "" && (f.Type != "" || f.Registration != ""):
		query, args = usersByState(owner, accountID, f, after, limit)
	default:
		query = `SELECT ` + userColumns + ` FROM users WHERE aws_account_id = ? AND account_id = ? AND seq > ?`
		args = []any{owner, accountID, after}
		if f.Email != "" {
			query += ` AND email_key = ?`
			args = append(args, emailKey(f.Email))
		}
		cond, condArgs := s.userConditions(f, prefix)
		query += cond + ` ORDER BY seq LIMIT ?`
		args = append(append(args, condArgs...), limit+1)
	}
	items, next, err := listBySeq(ctx, s.core, "list users", query, args, limit, newUserRow().scan)
	if err != nil {
		return nil, err
	}
	return &chime.UserPage{Users: items, Next: next}, nil
}

// userConditions are the conditions of f other than the exact address,
// for a query of the users table.
func (s UserStore) userConditions(f chime.UserFilter, prefix string) (string, []any) {
	var cond string
	var args []any
	if prefix != "" {
		cond += ` AND email_key ` + s.dialect.Bytewise() + ` >= ?`
		args = append(args, prefix)
		if end, ok := prefixEnd(prefix); ok {
			cond += ` AND email_key ` + s.dialect.Bytewise() + ` < ?`
			args = append(args, end)
		}
	}
	stateCond, stateArgs := stateConditions(f)
	return cond + stateCond, append(args, stateArgs...)
}

// stateConditions are the conditions of f on a user's type and
// registration state.
func stateConditions(f chime.UserFilter) (string, []any) {
	var cond string
	var args []any
	if f.Type != "" {
		cond += ` AND user_type = ?`
		args = append(args, string(f.Type))
	}
	if f.Registration != "" {
		cond += ` AND registration = ?`
		args = append(args, string(f.Registration))
	}
	return cond, args
}

// usersByPrefix is the query of a page of users whose e-mail keys begin
// with prefix, in key order. The cursor is the seq of the last user of
// the previous page, whose key the page starts after: keys are unique in
// an AWS account, so no user is listed twice or skipped. The cursor keeps
// no address, so that it may be shown where an address may not.
//
// The users of the page are found in users_by_email alone, type and state
// included, and only then read: an engine that read each user's row
// before testing its state (SQLite does) would read thousands of rows for
// a page of a rare state.
func (s UserStore) usersByPrefix(ctx context.Context, owner, accountID, prefix string, f chime.UserFilter,
	after int64, limit int) (string, []any, error) {
	key := `email_key ` + s.dialect.Bytewise()
	from, op := prefix, `>=`
	if after > 0 {
		// By seq alone, which only the primary key begins with: an
		// engine without statistics might otherwise range over the
		// account in an index that begins with it.
		var lastOwner, lastAccount, last string
		err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT aws_account_id, account_id, email_key FROM users WHERE seq = ?`),
			after).Scan(&lastOwner, &lastAccount, &last)
		if err == nil && (lastOwner != owner || lastAccount != accountID) {
			err = sql.ErrNoRows
		}
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil, chime.Errorf(chime.BadRequest, "NextToken is not valid: the user it continues after was removed")
		}
		if err != nil {
			return "", nil, s.classify("list users", err)
		}
		// One lower bound: an engine given two may range from the
		// looser and filter the rest.
		if last >= prefix {
			from, op = last, `>`
		}
	}
	inner := `SELECT seq FROM users WHERE aws_account_id = ? AND account_id = ? AND ` + key + ` ` + op + ` ?`
	args := []any{owner, accountID, from}
	if end, ok := prefixEnd(prefix); ok {
		inner += ` AND ` + key + ` < ?`
		args = append(args, end)
	}
	stateCond, stateArgs := stateConditions(f)
	inner += stateCond + ` ORDER BY ` + key + ` LIMIT ?`
	query := `SELECT ` + userColumns + ` FROM users WHERE seq IN (` + inner + `) ORDER BY ` + key
	return query, append(append(args, stateArgs...), limit+1), nil
}

// usersByState is the query of a page of users of a type or a state, or
// both, in seq order: one range of users_by_state for each pair of type
// and state the filter allows, each cut at limit+1 users, merged by seq.
// A page then reads at most six times limit+1 index entries, where a
// single range over one of the two columns would skip every user of the
// other values of the other column.
func usersByState(owner, accountID string, f chime.UserFilter, after int64, limit int) (string, []any) {
	types := chime.UserTypes
	if f.Type != "" {
		types = []chime.UserType{f.Type}
	}
	states := chime.RegistrationStatuses
	if f.Registration != "" {
		states = []chime.RegistrationStatus{f.Registration}
	}
	var parts []string
	var args []any
	for _, t := range types {
		for _, st := range states {
			parts = append(parts, fmt.Sprintf(`SELECT * FROM (SELECT `+userColumns+` FROM users
				WHERE aws_account_id = ? AND account_id = ? AND user_type = ? AND registration = ? AND seq > ?
				ORDER BY seq LIMIT ?) AS p%d`, len(parts)))
			args = append(args, owner, accountID, string(t), string(st), after, limit+1)
		}
	}
	query := `SELECT ` + userColumns + ` FROM (` + strings.Join(parts, ` UNION ALL `) + `) AS u ORDER BY seq LIMIT ?`
	return query, append(args, limit+1)
}

// prefixEnd returns the least string greater than every string that
// begins with prefix, in code point order, and false when there is none
// (every code point of prefix is the greatest).
func prefixEnd(prefix string) (string, bool) {
	rs := []rune(prefix)
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i] + 1
		if r >= 0xD800 && r <= 0xDFFF { // surrogates are no code points of UTF-8 text
			r = 0xE000
		}
		if r <= unicode.MaxRune {
			rs[i] = r
			return string(rs[:i+1]), true
		}
	}
	return "", false
}

// changeUser reads the account and user, changes the user and writes it
// back in one transaction.
func (s UserStore) changeUser(ctx context.Context, owner, accountID, userID, what string,
	change func(a *chime.Account, u *chime.User) error) (*chime.User, error) {
	var out *chime.User
	err := s.write(ctx, what, func(ctx context.Context, tx *sql.Tx) error {
		a, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		u, err := s.loadUser(ctx, tx, owner, accountID, userID)
		if err != nil {
			return err
		}
		if err := change(a, u); err != nil {
			return err
		}
		out = u
		return s.saveUser(ctx, tx, owner, u)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateUser implements chime.UserService.
func (s UserStore) UpdateUser(ctx context.Context, owner, accountID, userID string, up chime.UserUpdate) (*chime.User, error) {
	return s.changeUser(ctx, owner, accountID, userID, "update user", func(a *chime.Account, u *chime.User) error {
		return chime.ApplyUserUpdate(a, u, up)
	})
}

// maxPINDraws bounds how many PINs ResetPersonalPIN draws to find one
// other than the old: a working source repeats one in 10^10 draws.
const maxPINDraws = 8

// ResetPersonalPIN implements chime.UserService. A PIN source that keeps
// giving the old PIN is a failure of the service (Internal).
func (s UserStore) ResetPersonalPIN(ctx context.Context, owner, accountID, userID string) (*chime.User, error) {
	return s.changeUser(ctx, owner, accountID, userID, "reset personal pin", func(_ *chime.Account, u *chime.User) error {
		old := u.PersonalPIN
		for range maxPINDraws {
			if u.PersonalPIN = s.newPIN(); u.PersonalPIN != old {
				return nil
			}
		}
		return chime.Internalf(errors.New("the PIN source gave the old PIN every time"), "reset personal pin after %d draws", maxPINDraws)
	})
}

// BatchUpdateUser implements chime.UserService.
func (s UserStore) BatchUpdateUser(ctx context.Context, owner, accountID string, items []chime.UserUpdateItem) ([]chime.UserError, error) {
	var errs []chime.UserError
	err := s.write(ctx, "batch update user", func(ctx context.Context, tx *sql.Tx) error {
		errs = []chime.UserError{}
		a, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		for _, item := range items {
			u, err := s.loadUser(ctx, tx, owner, accountID, item.UserID)
			if err == nil {
				err = chime.ApplyUserUpdate(a, u, item.UserUpdate)
			}
			if err == nil {
				err = s.saveUser(ctx, tx, owner, u)
			}
			if err != nil {
				if chime.KindOf(err) == chime.Internal {
					return err
				}
				errs = append(errs, chime.UserErrorFor(item.UserID, err))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}

// BatchSuspendUser implements chime.UserService.
func (s UserStore) BatchSuspendUser(ctx context.Context, owner, accountID string, userIDs []string) ([]chime.UserError, error) {
	var errs []chime.UserError
	err := s.write(ctx, "batch suspend user", func(ctx context.Context, tx *sql.Tx) error {
		errs = []chime.UserError{}
		a, err := s.lockAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		effect, err := chime.CheckSuspend(a)
		if err != nil {
			return err
		}
		if effect == chime.RemoveFromAccount {
			// Removed users' numbers go back to the inventory, and they
			// leave their rooms.
			if err := s.unassignNumbersOfUsers(ctx, tx, owner, accountID, userIDs); err != nil {
				return err
			}
			if err := s.leaveRooms(ctx, tx, owner, accountID, userIDs); err != nil {
				return err
			}
		}
		for _, id := range userIDs {
			var found bool
			if effect == chime.RemoveFromAccount {
				found, err = s.execMatched(ctx, tx, s.q(`DELETE FROM users WHERE aws_account_id = ? AND account_id = ? AND id = ?`),
					owner, accountID, id)
			} else {
				found, err = s.execMatched(ctx, tx, s.q(`UPDATE users SET registration = ?
					WHERE aws_account_id = ? AND account_id = ? AND id = ?`), string(chime.Suspended), owner, accountID, id)
			}
			if err != nil {
				return err
			}
			if !found {
				errs = append(errs, chime.UserIDError(id))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}

// BatchUnsuspendUser implements chime.UserService.
func (s UserStore) BatchUnsuspendUser(ctx context.Context, owner, accountID string, userIDs []string) ([]chime.UserError, error) {
	var errs []chime.UserError
	err := s.write(ctx, "batch unsuspend user", func(ctx context.Context, tx *sql.Tx) error {
		errs = []chime.UserError{}
		a, err := s.lockAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		if err := chime.CheckUnsuspend(a); err != nil {
			return err
		}
		for _, id := range userIDs {
			u, err := s.loadUser(ctx, tx, owner, accountID, id)
			if chime.IsKind(err, chime.NotFound) {
				errs = append(errs, chime.UserIDError(id))
				continue
			}
			if err != nil {
				return err
			}
			if u.Registration != chime.Suspended {
				continue // users that are not suspended are ignored
			}
			u.Registration = chime.Registered
			if err := s.saveUser(ctx, tx, owner, u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}

// InviteUsers implements chime.UserService. An address that is taken,
// named earlier in the list, or taken by a concurrent write gets a Failed
// invite. New users are inserted in the order of their e-mail keys, so
// that concurrent invites of the same addresses wait for each other in
// one order instead of deadlocking.
func (s UserStore) InviteUsers(ctx context.Context, owner, accountID string, emails []string, t chime.UserType) ([]chime.Invite, error) {
	var invites []chime.Invite
	err := s.write(ctx, "invite users", func(ctx context.Context, tx *sql.Tx) error {
		a, err := s.lockAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		if err := chime.CheckInvite(a, emails, t); err != nil {
			return err
		}
		now := s.nowMillis()
		invites = make([]chime.Invite, len(emails))
		first := make(map[string]int, len(emails)) // e-mail key -> its first invite
		for i, email := range emails {
			invites[i] = chime.Invite{ID: s.newID(), Email: email, Status: chime.InviteFailed, EmailStatus: chime.EmailNotSent}
			k := emailKey(email)
			if _, ok := first[k]; !ok {
				first[k] = i
			}
		}
		for _, k := range slices.Sorted(maps.Keys(first)) {
			i := first[k]
			added, err := s.inviteUser(ctx, tx, owner, chime.NewInvitedUser(a, emails[i], t, s.newID(), now))
			if err != nil {
				return err
			}
			if added {
				invites[i].Status = chime.InvitePending
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return invites, nil
}

// LogoutUser implements chime.UserService.
func (s UserStore) LogoutUser(ctx context.Context, owner, accountID, userID string) error {
	return s.write(ctx, "logout user", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		found, err := s.execMatched(ctx, tx, s.q(`UPDATE users SET last_logout_at = ?
			WHERE aws_account_id = ? AND account_id = ? AND id = ?`), toMillis(s.nowMillis()), owner, accountID, userID)
		if err == nil && !found {
			err = notFoundUser(userID)
		}
		return err
	})
}

// GetUserSettings implements chime.UserService.
func (s UserStore) GetUserSettings(ctx context.Context, owner, accountID, userID string) (*chime.UserSettings, error) {
	if _, err := s.loadAccount(ctx, s.db, owner, accountID); err != nil {
		return nil, s.classify("get user settings", err)
	}
	var in, out, sms int64
	err := s.on(s.db).QueryRowContext(ctx, s.q(`SELECT inbound_calling, outbound_calling, sms FROM users
		WHERE aws_account_id = ? AND account_id = ? AND id = ?`), owner, accountID, userID).Scan(&in, &out, &sms)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundUser(userID)
	}
	if err != nil {
		return nil, s.classify("get user settings", err)
	}
	return &chime.UserSettings{Telephony: chime.TelephonySettings{InboundCalling: in != 0, OutboundCalling: out != 0, SMS: sms != 0}}, nil
}

// UpdateUserSettings implements chime.UserService.
func (s UserStore) UpdateUserSettings(ctx context.Context, owner, accountID, userID string, us chime.UserSettings) error {
	return s.write(ctx, "update user settings", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		t := us.Telephony
		found, err := s.execMatched(ctx, tx, s.q(`UPDATE users SET inbound_calling = ?, outbound_calling = ?, sms = ?
			WHERE aws_account_id = ? AND account_id = ? AND id = ?`),
			boolInt(t.InboundCalling), boolInt(t.OutboundCalling), boolInt(t.SMS), owner, accountID, userID)
		if err == nil && !found {
			err = notFoundUser(userID)
		}
		return err
	})
}

func notFoundUser(id string) error {
	return chime.Errorf(chime.NotFound, "The user %s was not found in the account", id)
}
