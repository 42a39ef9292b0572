package restjson

import (
	"context"
	"log/slog"

	"github.com/openchime/chime"
)

// The handlers of rooms, their memberships, and message redaction. Rooms
// exist on Enterprise accounts only; the stores refuse Team accounts with
// the service's Forbidden message.

func (a *API) handleCreateRoom(ctx context.Context, owner chime.Owner, in *CreateRoomRequest) (*CreateRoomResponse, error) {
	r, err := a.cfg.Services.Rooms.CreateRoom(ctx, owner, callerOf(ctx), in.AccountId,
		chime.NewRoom{Name: in.Name, ClientRequestToken: deref(in.ClientRequestToken)})
	if err != nil {
		return nil, err
	}
	return &CreateRoomResponse{Room: toRoom(r)}, nil
}

func (a *API) handleGetRoom(ctx context.Context, owner chime.Owner, in *GetRoomRequest) (*GetRoomResponse, error) {
	r, err := a.cfg.Services.Rooms.GetRoom(ctx, owner, in.AccountId, in.RoomId)
	if err != nil {
		return nil, err
	}
	return &GetRoomResponse{Room: toRoom(r)}, nil
}

func (a *API) handleUpdateRoom(ctx context.Context, owner chime.Owner, in *UpdateRoomRequest) (*UpdateRoomResponse, error) {
	r, err := a.cfg.Services.Rooms.UpdateRoom(ctx, owner, in.AccountId, in.RoomId, in.Name)
	if err != nil {
		return nil, err
	}
	return &UpdateRoomResponse{Room: toRoom(r)}, nil
}

func (a *API) handleDeleteRoom(ctx context.Context, owner chime.Owner, in *DeleteRoomRequest) error {
	removed, err := a.cfg.Services.Rooms.DeleteRoom(ctx, owner, in.AccountId, in.RoomId)
	if err != nil {
		return err
	}
	a.tellBots(ctx, owner, in.AccountId, removed, botRemoved)
	return nil
}

func (a *API) handleListRooms(ctx context.Context, owner chime.Owner, in *ListRoomsRequest) (*ListRoomsResponse, error) {
	scope := []string{"ListRooms", owner, in.AccountId, deref(in.MemberId)}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.Rooms.ListRooms(ctx, owner, in.AccountId, deref(in.MemberId), chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &ListRoomsResponse{Rooms: make([]Room, len(page.Rooms)), NextToken: a.nextToken(scope, page.Next)}
	for i := range page.Rooms {
		out.Rooms[i] = *toRoom(&page.Rooms[i])
	}
	return out, nil
}

func (a *API) handleCreateRoomMembership(ctx context.Context, owner chime.Owner, in *CreateRoomMembershipRequest) (*CreateRoomMembershipResponse, error) {
	m, err := a.cfg.Services.Rooms.CreateRoomMembership(ctx, owner, callerOf(ctx), in.AccountId, in.RoomId,
		chime.MembershipItem{MemberID: in.MemberId, Role: chime.RoomMembershipRole(deref(in.Role))})
	if err != nil {
		return nil, err
	}
	a.tellBots(ctx, owner, in.AccountId, []chime.RoomMembership{*m}, botInvited)
	return &CreateRoomMembershipResponse{RoomMembership: toRoomMembership(m)}, nil
}

func (a *API) handleBatchCreateRoomMembership(ctx context.Context, owner chime.Owner, in *BatchCreateRoomMembershipRequest) (*BatchCreateRoomMembershipResponse, error) {
	items := make([]chime.MembershipItem, len(in.MembershipItemList))
	for i, it := range in.MembershipItemList {
		items[i] = chime.MembershipItem{MemberID: deref(it.MemberId), Role: chime.RoomMembershipRole(deref(it.Role))}
	}
	added, errs, err := a.cfg.Services.Rooms.BatchCreateRoomMembership(ctx, owner, callerOf(ctx), in.AccountId, in.RoomId, items)
	if err != nil {
		return nil, err
	}
	a.tellBots(ctx, owner, in.AccountId, added, botInvited)
	out := &BatchCreateRoomMembershipResponse{Errors: make([]MemberError, len(errs))}
	for i := range errs {
		e := &errs[i]
		out.Errors[i] = MemberError{MemberId: optString(&e.MemberID), ErrorCode: optString((*string)(&e.Code)), ErrorMessage: optString(&e.Message)}
	}
	return out, nil
}

func (a *API) handleUpdateRoomMembership(ctx context.Context, owner chime.Owner, in *UpdateRoomMembershipRequest) (*UpdateRoomMembershipResponse, error) {
	m, err := a.cfg.Services.Rooms.UpdateRoomMembership(ctx, owner, in.AccountId, in.RoomId, in.MemberId, (*chime.RoomMembershipRole)(in.Role))
	if err != nil {
		return nil, err
	}
	return &UpdateRoomMembershipResponse{RoomMembership: toRoomMembership(m)}, nil
}

func (a *API) handleDeleteRoomMembership(ctx context.Context, owner chime.Owner, in *DeleteRoomMembershipRequest) error {
	m, err := a.cfg.Services.Rooms.DeleteRoomMembership(ctx, owner, in.AccountId, in.RoomId, in.MemberId)
	if err != nil {
		return err
	}
	a.tellBots(ctx, owner, in.AccountId, []chime.RoomMembership{*m}, botRemoved)
	return nil
}

func (a *API) handleListRoomMemberships(ctx context.Context, owner chime.Owner, in *ListRoomMembershipsRequest) (*ListRoomMembershipsResponse, error) {
	scope := []string{"ListRoomMemberships", owner, in.AccountId, in.RoomId}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.Rooms.ListRoomMemberships(ctx, owner, in.AccountId, in.RoomId, chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &ListRoomMembershipsResponse{RoomMemberships: make([]RoomMembership, len(page.Memberships)), NextToken: a.nextToken(scope, page.Next)}
	for i := range page.Memberships {
		out.RoomMemberships[i] = *toRoomMembership(&page.Memberships[i])
	}
	return out, nil
}

// Redaction: this server keeps no messages, so a redaction is checked
// (the account, Enterprise, the room) and recorded in the log, where an
// operator reads it, and answers as the service did.

func (a *API) handleRedactConversationMessage(ctx context.Context, owner chime.Owner, in *RedactConversationMessageRequest) error {
	acct, err := a.cfg.Services.Accounts.GetAccount(ctx, owner, in.AccountId)
	if err != nil {
		return err
	}
	if err := chime.CheckEnterprise(acct); err != nil {
		return err
	}
	a.recordRedaction(ctx, owner, in.AccountId, slog.String("conversation_id", in.ConversationId), in.MessageId)
	return nil
}

func (a *API) handleRedactRoomMessage(ctx context.Context, owner chime.Owner, in *RedactRoomMessageRequest) error {
	if _, err := a.cfg.Services.Rooms.GetRoom(ctx, owner, in.AccountId, in.RoomId); err != nil {
		return err
	}
	a.recordRedaction(ctx, owner, in.AccountId, slog.String("room_id", in.RoomId), in.MessageId)
	return nil
}

func (a *API) recordRedaction(ctx context.Context, owner chime.Owner, accountID string, where slog.Attr, messageID string) {
	a.cfg.Logger.LogAttrs(ctx, slog.LevelInfo, "message redacted", slog.String("aws_account_id", owner),
		slog.String("caller", callerOf(ctx)), slog.String("account_id", accountID), where, slog.String("message_id", messageID))
}

func toRoom(r *chime.Room) *Room {
	return &Room{RoomId: &r.ID, Name: &r.Name, AccountId: &r.AccountID, CreatedBy: optString(&r.CreatedBy),
		CreatedTimestamp: optTime(&r.CreatedAt), UpdatedTimestamp: optTime(&r.UpdatedAt)}
}

func toRoomMembership(m *chime.RoomMembership) *RoomMembership {
	mem := &m.Member
	return &RoomMembership{
		RoomId: &m.RoomID,
		Member: &Member{MemberId: &mem.ID, MemberType: optString((*string)(&mem.Type)), Email: optString(&mem.Email),
			FullName: optString(&mem.FullName), AccountId: optString(&mem.AccountID)},
		Role:             optString((*string)(&m.Role)),
		InvitedBy:        optString(&m.InvitedBy),
		UpdatedTimestamp: optTime(&m.UpdatedAt),
	}
}
