package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/openchime/chime"
)

// RoomStore is chime.RoomService on the store's database.
//
// Writes hold the account with the lock a new user takes (shareAccount),
// so that they run side by side but not beside the account's deletion.
// A write to a room's memberships holds the room the same way, and
// DeleteRoom locks it for update: no member joins a room being deleted.
type RoomStore struct{ *core }

var _ chime.RoomService = RoomStore{}

// enterpriseAccount reads an account of owner for a read of its chat:
// NotFound for another owner's, Forbidden for a Team account.
func (c *core) enterpriseAccount(ctx context.Context, owner, accountID string) (*chime.Account, error) {
	a, err := c.loadAccount(ctx, c.db, owner, accountID)
	if err != nil {
		return nil, err
	}
	return a, chime.CheckEnterprise(a)
}

// writableEnterprise reads and locks an account of owner (with lock, one
// of lockAccount and shareAccount) for a write to its chat: NotFound,
// then Forbidden for a Team account, then Forbidden for a suspended one.
func (c *core) writableEnterprise(ctx context.Context, tx *sql.Tx, owner, accountID string,
	lock func(context.Context, *sql.Tx, string, string) (*chime.Account, error)) (*chime.Account, error) {
	a, err := lock(ctx, tx, owner, accountID)
	if err != nil {
		return nil, err
	}
	if err := chime.CheckEnterprise(a); err != nil {
		return nil, err
	}
	return a, chime.CheckWritable(a)
}

const roomColumns = `seq, id, account_id, name, created_by, created_at, updated_at`

// roomRow holds the scan targets of a row of roomColumns (see rowTargets).
type roomRow struct {
	r                     chime.Room
	seq, created, updated int64
	dest                  []any
}

func newRoomRow() *roomRow {
	r := new(roomRow)
	r.dest = []any{&r.seq, &r.r.ID, &r.r.AccountID, &r.r.Name, &r.r.CreatedBy, &r.created, &r.updated}
	return r
}

// scan reads one row into r; the room it returns is r's until the next.
func (r *roomRow) scan(row rowScanner) (*chime.Room, int64, error) {
	if err := row.Scan(r.dest...); err != nil {
		return nil, 0, err
	}
	r.r.CreatedAt, r.r.UpdatedAt = fromMillis(r.created), fromMillis(r.updated)
	return &r.r, r.seq, nil
}

func scanRoom(row rowScanner) (*chime.Room, int64, error) { return newRoomRow().scan(row) }

// readRoom reads a room of the account (lock is "" or a lock clause).
func (c *core) readRoom(ctx context.Context, q querier, owner, accountID, roomID, lock string) (*chime.Room, error) {
	r, _, err := scanRoom(c.on(q).QueryRowContext(ctx, c.q(`SELECT `+roomColumns+` FROM rooms
		WHERE aws_account_id = ? AND account_id = ? AND id = ?`+lock), owner, accountID, roomID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundRoom(roomID)
	}
	return r, err
}

// CreateRoom implements chime.RoomService. A room created with a token
// keeps it, with the name given, for chime.RoomTokenLifetime; a token
// past it is taken off its room before the new room takes it.
func (s RoomStore) CreateRoom(ctx context.Context, owner, caller, accountID string, in chime.NewRoom) (*chime.Room, error) {
	var out *chime.Room
	err := s.write(ctx, "create room", func(ctx context.Context, tx *sql.Tx) error {
		out = nil
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		if err := chime.CheckRoomName(in.Name); err != nil {
			return err
		}
		if err := chime.CheckClientRequestToken(in.ClientRequestToken); err != nil {
			return err
		}
		now := s.nowMillis()
		token := sql.NullString{String: in.ClientRequestToken, Valid: in.ClientRequestToken != ""}
		if token.Valid {
			r, err := s.roomOfToken(ctx, tx, owner, accountID, in, now)
			if r != nil || err != nil {
				out = r
				return err
			}
		}
		r := &chime.Room{ID: s.newID(), Name: in.Name, AccountID: accountID, CreatedBy: caller, CreatedAt: now, UpdatedAt: now}
		name := sql.NullString{String: in.Name, Valid: token.Valid}
		added, err := s.execMatched(ctx, tx, s.q(`INSERT INTO rooms (aws_account_id, account_id, id, name, created_by,
			created_at, updated_at, client_request_token, client_request_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (aws_account_id, account_id, client_request_token) DO NOTHING`),
			owner, accountID, r.ID, r.Name, r.CreatedBy, toMillis(now), toMillis(now), token, name)
		if err != nil {
			return err
		}
		if added {
			out = r
			return nil
		}
		// A concurrent write created the token's room first.
		if out, err = s.roomOfToken(ctx, tx, owner, accountID, in, now); err == nil && out == nil {
			err = errors.New("the room that holds a client request token is gone")
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// roomOfToken returns the room in.ClientRequestToken names in the
// account, BadRequest when it was created with another name, or nil when
// the token names none (any more: an expired token is taken off its room).
func (c *core) roomOfToken(ctx context.Context, tx *sql.Tx, owner, accountID string, in chime.NewRoom, now time.Time) (*chime.Room, error) {
	var name string
	r, seq, err := scanRoom(scanAlso(c.on(tx).QueryRowContext(ctx, c.q(`SELECT `+roomColumns+`, client_request_name FROM rooms
		WHERE aws_account_id = ? AND account_id = ? AND client_request_token = ?`), owner, accountID, in.ClientRequestToken), &name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !now.Before(r.CreatedAt.Add(chime.RoomTokenLifetime)) {
		_, err := c.on(tx).ExecContext(ctx, c.q(`UPDATE rooms SET client_request_token = NULL, client_request_name = NULL
			WHERE seq = ? AND client_request_token = ?`), seq, in.ClientRequestToken)
		return nil, err
	}
	if name != in.Name {
		return nil, chime.Errorf(chime.BadRequest, "The ClientRequestToken was used to create room %s with other input", r.ID)
	}
	return r, nil
}

// scanAlso scans a row into the destinations of the caller's scan and
// then into more.
func scanAlso(row interface{ Scan(...any) error }, more ...any) interface{ Scan(...any) error } {
	return scanFunc(func(dest ...any) error { return row.Scan(append(dest, more...)...) })
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// GetRoom implements chime.RoomService.
func (s RoomStore) GetRoom(ctx context.Context, owner, accountID, roomID string) (*chime.Room, error) {
	if _, err := s.enterpriseAccount(ctx, owner, accountID); err != nil {
		return nil, s.classify("get room", err)
	}
	r, err := s.readRoom(ctx, s.db, owner, accountID, roomID, "")
	return r, s.classify("get room", err)
}

// UpdateRoom implements chime.RoomService.
func (s RoomStore) UpdateRoom(ctx context.Context, owner, accountID, roomID string, name *string) (*chime.Room, error) {
	var out *chime.Room
	err := s.write(ctx, "update room", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		r, err := s.readRoom(ctx, tx, owner, accountID, roomID, "")
		if err != nil {
			return err
		}
		out = r
		if name == nil {
			return nil
		}
		if err := chime.CheckRoomName(*name); err != nil {
			return err
		}
		r.Name, r.UpdatedAt = *name, s.nowMillis()
		_, err = s.on(tx).ExecContext(ctx, s.q(`UPDATE rooms SET name = ?, updated_at = ?
			WHERE aws_account_id = ? AND account_id = ? AND id = ?`), r.Name, toMillis(r.UpdatedAt), owner, accountID, roomID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteRoom implements chime.RoomService.
func (s RoomStore) DeleteRoom(ctx context.Context, owner, accountID, roomID string) ([]chime.RoomMembership, error) {
	var out []chime.RoomMembership
	err := s.write(ctx, "delete room", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
			return err
		}
		if _, err := s.readRoom(ctx, tx, owner, accountID, roomID, s.dialect.LockForUpdate()); err != nil {
			return err
		}
		var err error
		if out, err = s.memberships(ctx, tx, owner, accountID, roomID); err != nil {
			return err
		}
		if _, err := s.on(tx).ExecContext(ctx, s.q(`DELETE FROM room_memberships WHERE aws_account_id = ? AND account_id = ? AND room_id = ?`),
			owner, accountID, roomID); err != nil {
			return err
		}
		_, err = s.on(tx).ExecContext(ctx, s.q(`DELETE FROM rooms WHERE aws_account_id = ? AND account_id = ? AND id = ?`),
			owner, accountID, roomID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ListRooms implements chime.RoomService.
func (s RoomStore) ListRooms(ctx context.Context, owner, accountID, memberID string, p chime.PageRequest) (*chime.RoomPage, error) {
	limit, after, err := s.enterprisePage(ctx, owner, accountID, "list rooms", p, chime.ResultMaxPageSize)
	if err != nil {
		return nil, err
	}
	query := `SELECT ` + roomColumns + ` FROM rooms WHERE aws_account_id = ? AND account_id = ? AND seq > ?`
	args := []any{owner, accountID, after}
	if memberID != "" {
		query += ` AND id IN (SELECT room_id FROM room_memberships WHERE aws_account_id = ? AND account_id = ? AND member_id = ?)`
		args = append(args, owner, accountID, memberID)
	}
	query += ` ORDER BY seq LIMIT ?`
	args = append(args, limit+1)
	items, next, err := listBySeq(ctx, s.core, "list rooms", query, args, limit, newRoomRow().scan)
	if err != nil {
		return nil, err
	}
	return &chime.RoomPage{Rooms: items, Next: next}, nil
}

const membershipColumns = `seq, room_id, member_id, member_type, email, full_name, account_id, role, invited_by, updated_at`

// membershipRow holds the scan targets of a row of membershipColumns (see
// rowTargets).
type membershipRow struct {
	m                chime.RoomMembership
	seq, updated     int64
	memberType, role string
	dest             []any
}

func newMembershipRow() *membershipRow {
	r := new(membershipRow)
	r.dest = []any{&r.seq, &r.m.RoomID, &r.m.Member.ID, &r.memberType, &r.m.Member.Email, &r.m.Member.FullName,
		&r.m.Member.AccountID, &r.role, &r.m.InvitedBy, &r.updated}
	return r
}

// scan reads one row into r; the membership it returns is r's until the
// next.
func (r *membershipRow) scan(row rowScanner) (*chime.RoomMembership, int64, error) {
	if err := row.Scan(r.dest...); err != nil {
		return nil, 0, err
	}
	m := &r.m
	m.Member.Type, m.Role, m.UpdatedAt = chime.MemberType(r.memberType), chime.RoomMembershipRole(r.role), fromMillis(r.updated)
	return m, r.seq, nil
}

func scanMembership(row rowScanner) (*chime.RoomMembership, int64, error) {
	return newMembershipRow().scan(row)
}

// memberships reads every membership of a room, in the order members
// joined.
func (c *core) memberships(ctx context.Context, q querier, owner, accountID, roomID string) ([]chime.RoomMembership, error) {
	rows, err := c.on(q).QueryContext(ctx, c.q(`SELECT `+membershipColumns+` FROM room_memberships
		WHERE aws_account_id = ? AND account_id = ? AND room_id = ? ORDER BY seq`), owner, accountID, roomID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ms := []chime.RoomMembership{}
	scan := newMembershipRow().scan
	for rows.Next() {
		m, _, err := scan(rows)
		if err != nil {
			return nil, err
		}
		ms = append(ms, *m)
	}
	return ms, rows.Err()
}

// readMembership reads a member of a room, or NotFound.
func (c *core) readMembership(ctx context.Context, q querier, owner, accountID, roomID, memberID string) (*chime.RoomMembership, int64, error) {
	m, seq, err := scanMembership(c.on(q).QueryRowContext(ctx, c.q(`SELECT `+membershipColumns+` FROM room_memberships
		WHERE aws_account_id = ? AND account_id = ? AND room_id = ? AND member_id = ?`), owner, accountID, roomID, memberID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, chime.Errorf(chime.NotFound, "The member %s is not in the room %s", memberID, roomID)
	}
	return m, seq, err
}

// member returns a user or bot of the account as a room's roster shows
// it: NotFound for neither, BadRequest for a bot that cannot join a room.
func (c *core) member(ctx context.Context, tx *sql.Tx, owner, accountID, memberID string) (chime.Member, error) {
	u, err := c.loadUser(ctx, tx, owner, accountID, memberID)
	if err == nil {
		return chime.UserMember(u), nil
	}
	if !chime.IsKind(err, chime.NotFound) {
		return chime.Member{}, err
	}
	b, err := c.readBot(ctx, tx, owner, accountID, memberID)
	if chime.IsKind(err, chime.NotFound) {
		return chime.Member{}, chime.Errorf(chime.NotFound, "The member %s is not a user or bot of the account", memberID)
	}
	if err != nil {
		return chime.Member{}, err
	}
	ec, err := c.readEventsConfiguration(ctx, tx, owner, accountID, memberID)
	if err != nil && !chime.IsKind(err, chime.NotFound) {
		return chime.Member{}, err
	}
	if err := chime.CheckBotCanJoin(b, ec); err != nil {
		return chime.Member{}, err
	}
	return chime.BotMember(b), nil
}

// joinRoom adds a member to a room unless it is one already, and reports
// whether it added it.
func (c *core) joinRoom(ctx context.Context, tx *sql.Tx, owner string, m *chime.RoomMembership) (bool, error) {
	return c.execMatched(ctx, tx, c.q(`INSERT INTO room_memberships (aws_account_id, account_id, room_id, member_id,
		member_type, email, full_name, role, invited_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (aws_account_id, account_id, room_id, member_id) DO NOTHING`),
		owner, m.Member.AccountID, m.RoomID, m.Member.ID, string(m.Member.Type), m.Member.Email, m.Member.FullName,
		string(m.Role), m.InvitedBy, toMillis(m.UpdatedAt))
}

// roomForMembers reads, for a write to its memberships, an account's
// room and keeps it from being deleted until the transaction ends.
func (s RoomStore) roomForMembers(ctx context.Context, tx *sql.Tx, owner, accountID, roomID string) error {
	if _, err := s.writableEnterprise(ctx, tx, owner, accountID, s.shareAccount); err != nil {
		return err
	}
	_, err := s.readRoom(ctx, tx, owner, accountID, roomID, s.dialect.LockForKeyShare())
	return err
}

// CreateRoomMembership implements chime.RoomService.
func (s RoomStore) CreateRoomMembership(ctx context.Context, owner, caller, accountID, roomID string, item chime.MembershipItem) (*chime.RoomMembership, error) {
	var out *chime.RoomMembership
	err := s.write(ctx, "create room membership", func(ctx context.Context, tx *sql.Tx) error {
		if err := s.roomForMembers(ctx, tx, owner, accountID, roomID); err != nil {
			return err
		}
		role, err := chime.RoomRole(item.Role)
		if err != nil {
			return err
		}
		member, err := s.member(ctx, tx, owner, accountID, item.MemberID)
		if err != nil {
			return err
		}
		m := &chime.RoomMembership{RoomID: roomID, Member: member, Role: role, InvitedBy: caller, UpdatedAt: s.nowMillis()}
		added, err := s.joinRoom(ctx, tx, owner, m)
		if err != nil {
			return err
		}
		if !added {
			return chime.Errorf(chime.Conflict, "The member %s is in the room already", item.MemberID)
		}
		out = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// BatchCreateRoomMembership implements chime.RoomService: a member in the
// room already gets the item's role, and keeps its InvitedBy.
func (s RoomStore) BatchCreateRoomMembership(ctx context.Context, owner, caller, accountID, roomID string, items []chime.MembershipItem) ([]chime.RoomMembership, []chime.MemberError, error) {
	if len(items) > chime.MaxMembershipItems {
		return nil, nil, chime.Errorf(chime.BadRequest, "MembershipItemList must have at most %d items", chime.MaxMembershipItems)
	}
	var (
		added []chime.RoomMembership
		errs  []chime.MemberError
	)
	err := s.write(ctx, "batch create room membership", func(ctx context.Context, tx *sql.Tx) error {
		added, errs = []chime.RoomMembership{}, []chime.MemberError{}
		if err := s.roomForMembers(ctx, tx, owner, accountID, roomID); err != nil {
			return err
		}
		for _, item := range items {
			m, isNew, err := s.upsertMember(ctx, tx, owner, caller, accountID, roomID, item)
			if err != nil {
				if chime.KindOf(err) == chime.Internal {
					return err
				}
				errs = append(errs, chime.MemberErrorFor(item.MemberID, err))
				continue
			}
			if isNew {
				added = append(added, *m)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return added, errs, nil
}

// upsertMember adds a member to a room, or gives a user it has already
// the item's role; it reports whether it added it. Only a new member must
// be able to join (a stopped bot already in the room stays), and a bot
// member's role does not change (BadRequest when the item asks for
// another), as with UpdateRoomMembership.
func (s RoomStore) upsertMember(ctx context.Context, tx *sql.Tx, owner, caller, accountID, roomID string, item chime.MembershipItem) (*chime.RoomMembership, bool, error) {
	role, err := chime.RoomRole(item.Role)
	if err != nil {
		return nil, false, err
	}
	now := s.nowMillis()
	existing, _, err := s.readMembership(ctx, tx, owner, accountID, roomID, item.MemberID)
	switch {
	case chime.IsKind(err, chime.NotFound):
		member, err := s.member(ctx, tx, owner, accountID, item.MemberID)
		if err != nil {
			return nil, false, err
		}
		m := &chime.RoomMembership{RoomID: roomID, Member: member, Role: role, InvitedBy: caller, UpdatedAt: now}
		added, err := s.joinRoom(ctx, tx, owner, m)
		if err != nil || added {
			return m, added, err
		}
		// Added meanwhile by another request: change it as one it had.
		if existing, _, err = s.readMembership(ctx, tx, owner, accountID, roomID, item.MemberID); err != nil {
			return nil, false, err
		}
	case err != nil:
		return nil, false, err
	}
	if existing.Member.Type != chime.MemberUser {
		if item.Role != "" && role != existing.Role {
			return nil, false, chime.Errorf(chime.BadRequest, "The role can be changed only for user members; %s is a %s", item.MemberID, string(existing.Member.Type))
		}
		return nil, false, nil
	}
	_, err = s.on(tx).ExecContext(ctx, s.q(`UPDATE room_memberships SET role = ?, updated_at = ?
		WHERE aws_account_id = ? AND account_id = ? AND room_id = ? AND member_id = ?`),
		string(role), toMillis(now), owner, accountID, roomID, item.MemberID)
	return nil, false, err
}

// UpdateRoomMembership implements chime.RoomService.
func (s RoomStore) UpdateRoomMembership(ctx context.Context, owner, accountID, roomID, memberID string, role *chime.RoomMembershipRole) (*chime.RoomMembership, error) {
	var out *chime.RoomMembership
	err := s.write(ctx, "update room membership", func(ctx context.Context, tx *sql.Tx) error {
		if err := s.roomForMembers(ctx, tx, owner, accountID, roomID); err != nil {
			return err
		}
		m, _, err := s.readMembership(ctx, tx, owner, accountID, roomID, memberID)
		if err != nil {
			return err
		}
		if m.Member.Type != chime.MemberUser {
			return chime.Errorf(chime.BadRequest, "The role can be changed only for user members; %s is a %s", memberID, string(m.Member.Type))
		}
		out = m
		if role == nil {
			return nil
		}
		if m.Role, err = chime.RoomRole(*role); err != nil {
			return err
		}
		m.UpdatedAt = s.nowMillis()
		_, err = s.on(tx).ExecContext(ctx, s.q(`UPDATE room_memberships SET role = ?, updated_at = ?
			WHERE aws_account_id = ? AND account_id = ? AND room_id = ? AND member_id = ?`),
			string(m.Role), toMillis(m.UpdatedAt), owner, accountID, roomID, memberID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteRoomMembership implements chime.RoomService.
func (s RoomStore) DeleteRoomMembership(ctx context.Context, owner, accountID, roomID, memberID string) (*chime.RoomMembership, error) {
	var out *chime.RoomMembership
	err := s.write(ctx, "delete room membership", func(ctx context.Context, tx *sql.Tx) error {
		if err := s.roomForMembers(ctx, tx, owner, accountID, roomID); err != nil {
			return err
		}
		m, seq, err := s.readMembership(ctx, tx, owner, accountID, roomID, memberID)
		if err != nil {
			return err
		}
		found, err := s.execMatched(ctx, tx, s.q(`DELETE FROM room_memberships WHERE seq = ?`), seq)
		if err == nil && !found {
			// A concurrent write removed it first.
			_, _, err = s.readMembership(ctx, tx, owner, accountID, roomID, memberID)
		}
		out = m
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ListRoomMemberships implements chime.RoomService.
func (s RoomStore) ListRoomMemberships(ctx context.Context, owner, accountID, roomID string, p chime.PageRequest) (*chime.RoomMembershipPage, error) {
	limit, after, err := s.enterprisePage(ctx, owner, accountID, "list room memberships", p, chime.ResultMaxPageSize)
	if err != nil {
		return nil, err
	}
	if _, err := s.readRoom(ctx, s.db, owner, accountID, roomID, ""); err != nil {
		return nil, s.classify("list room memberships", err)
	}
	items, next, err := listBySeq(ctx, s.core, "list room memberships", `SELECT `+membershipColumns+` FROM room_memberships
		WHERE aws_account_id = ? AND account_id = ? AND room_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
		[]any{owner, accountID, roomID, after, limit + 1}, limit, newMembershipRow().scan)
	if err != nil {
		return nil, err
	}
	return &chime.RoomMembershipPage{Memberships: items, Next: next}, nil
}

// leaveRooms removes users that leave the account from every room.
func (c *core) leaveRooms(ctx context.Context, tx *sql.Tx, owner, accountID string, memberIDs []string) error {
	for _, id := range memberIDs {
		if _, err := c.on(tx).ExecContext(ctx, c.q(`DELETE FROM room_memberships
			WHERE aws_account_id = ? AND account_id = ? AND member_id = ?`), owner, accountID, id); err != nil {
			return err
		}
	}
	return nil
}

// deleteChat removes the rooms, memberships, bots, events configurations
// and retention settings of an account being deleted.
func (c *core) deleteChat(ctx context.Context, tx *sql.Tx, owner, accountID string) error {
	for _, table := range []string{"room_memberships", "rooms", "bot_events_configurations", "bots", "retention_settings"} {
		if _, err := c.on(tx).ExecContext(ctx, c.q(`DELETE FROM `+table+` WHERE aws_account_id = ? AND account_id = ?`),
			owner, accountID); err != nil {
			return err
		}
	}
	return nil
}

func notFoundRoom(id string) error {
	return chime.Errorf(chime.NotFound, "The room %s was not found in the account", id)
}
