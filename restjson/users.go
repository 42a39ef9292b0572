package restjson

import (
	"context"

	"github.com/openchime/chime"
)

// The handlers of the user operations. Each takes the validated, typed
// input of its operation (bindings_gen.go) and returns its typed output.

func (a *API) handleCreateUser(ctx context.Context, owner chime.Owner, in *CreateUserRequest) (*CreateUserResponse, error) {
	u, err := a.cfg.Services.Users.CreateUser(ctx, owner, in.AccountId,
		chime.NewUser{Username: deref(in.Username), Email: deref(in.Email), Type: chime.UserType(deref(in.UserType))})
	if err != nil {
		return nil, err
	}
	return &CreateUserResponse{User: toUser(u)}, nil
}

func (a *API) handleGetUser(ctx context.Context, owner chime.Owner, in *GetUserRequest) (*GetUserResponse, error) {
	u, err := a.cfg.Services.Users.GetUser(ctx, owner, in.AccountId, in.UserId)
	if err != nil {
		return nil, err
	}
	return &GetUserResponse{User: toUser(u)}, nil
}

func (a *API) handleListUsers(ctx context.Context, owner chime.Owner, in *ListUsersRequest) (*ListUsersResponse, error) {
	f := chime.UserFilter{Email: deref(in.UserEmail), Type: chime.UserType(deref(in.UserType))}
	scope := []string{"ListUsers", owner, in.AccountId, f.Email, string(f.Type)}
	users, next, err := a.listUsers(ctx, owner, in.AccountId, f, scope, in.NextToken, in.MaxResults)
	if err != nil {
		return nil, err
	}
	return &ListUsersResponse{Users: users, NextToken: next}, nil
}

// listUsers is a page of users under f, with the token of the next page
// good for scope only (the operation and its filters).
func (a *API) listUsers(ctx context.Context, owner chime.Owner, accountID string, f chime.UserFilter, scope []string, token *string, maxResults *int64) ([]User, *string, error) {
	cursor, err := a.tokens.open(scope, deref(token))
	if err != nil {
		return nil, nil, err
	}
	page, err := a.cfg.Services.Users.ListUsers(ctx, owner, accountID, f, chime.PageRequest{Cursor: cursor, Limit: pageLimit(maxResults)})
	if err != nil {
		return nil, nil, err
	}
	users := make([]User, len(page.Users))
	// One metadata block for the page: each user's points into it.
	alexa := make([]AlexaForBusinessMetadata, len(page.Users))
	for i := range page.Users {
		fillUser(&users[i], &alexa[i], &page.Users[i])
		// A personal PIN is shown for one user at a time (GetUser,
		// ResetPersonalPIN), never for a whole account in one list, as
		// the service's ListUsers showed none.
		users[i].PersonalPIN = nil
	}
	return users, a.nextToken(scope, page.Next), nil
}

func (a *API) handleUpdateUser(ctx context.Context, owner chime.Owner, in *UpdateUserRequest) (*UpdateUserResponse, error) {
	u, err := a.cfg.Services.Users.UpdateUser(ctx, owner, in.AccountId, in.UserId,
		userUpdate(in.LicenseType, in.UserType, in.AlexaForBusinessMetadata))
	if err != nil {
		return nil, err
	}
	return &UpdateUserResponse{User: toUser(u)}, nil
}

func (a *API) handleBatchUpdateUser(ctx context.Context, owner chime.Owner, in *BatchUpdateUserRequest) (*BatchUpdateUserResponse, error) {
	items := make([]chime.UserUpdateItem, len(in.UpdateUserRequestItems))
	for i := range in.UpdateUserRequestItems {
		it := &in.UpdateUserRequestItems[i]
		items[i] = chime.UserUpdateItem{UserID: it.UserId, UserUpdate: userUpdate(it.LicenseType, it.UserType, it.AlexaForBusinessMetadata)}
	}
	errs, err := a.cfg.Services.Users.BatchUpdateUser(ctx, owner, in.AccountId, items)
	if err != nil {
		return nil, err
	}
	return &BatchUpdateUserResponse{UserErrors: toUserErrors(errs)}, nil
}

func (a *API) handleBatchSuspendUser(ctx context.Context, owner chime.Owner, in *BatchSuspendUserRequest) (*BatchSuspendUserResponse, error) {
	errs, err := a.cfg.Services.Users.BatchSuspendUser(ctx, owner, in.AccountId, in.UserIdList)
	if err != nil {
		return nil, err
	}
	return &BatchSuspendUserResponse{UserErrors: toUserErrors(errs)}, nil
}

func (a *API) handleBatchUnsuspendUser(ctx context.Context, owner chime.Owner, in *BatchUnsuspendUserRequest) (*BatchUnsuspendUserResponse, error) {
	errs, err := a.cfg.Services.Users.BatchUnsuspendUser(ctx, owner, in.AccountId, in.UserIdList)
	if err != nil {
		return nil, err
	}
	return &BatchUnsuspendUserResponse{UserErrors: toUserErrors(errs)}, nil
}

func (a *API) handleInviteUsers(ctx context.Context, owner chime.Owner, in *InviteUsersRequest) (*InviteUsersResponse, error) {
	invites, err := a.cfg.Services.Users.InviteUsers(ctx, owner, in.AccountId, in.UserEmailList, chime.UserType(deref(in.UserType)))
	if err != nil {
		return nil, err
	}
	out := &InviteUsersResponse{Invites: make([]Invite, len(invites))}
	for i := range invites {
		inv := &invites[i]
		out.Invites[i] = Invite{InviteId: optString(&inv.ID), Status: optString((*string)(&inv.Status)),
			EmailAddress: optString(&inv.Email), EmailStatus: optString((*string)(&inv.EmailStatus))}
	}
	return out, nil
}

func (a *API) handleLogoutUser(ctx context.Context, owner chime.Owner, in *LogoutUserRequest) error {
	return a.cfg.Services.Users.LogoutUser(ctx, owner, in.AccountId, in.UserId)
}

func (a *API) handleResetPersonalPIN(ctx context.Context, owner chime.Owner, in *ResetPersonalPINRequest) (*ResetPersonalPINResponse, error) {
	u, err := a.cfg.Services.Users.ResetPersonalPIN(ctx, owner, in.AccountId, in.UserId)
	if err != nil {
		return nil, err
	}
	return &ResetPersonalPINResponse{User: toUser(u)}, nil
}

func (a *API) handleGetUserSettings(ctx context.Context, owner chime.Owner, in *GetUserSettingsRequest) (*GetUserSettingsResponse, error) {
	s, err := a.cfg.Services.Users.GetUserSettings(ctx, owner, in.AccountId, in.UserId)
	if err != nil {
		return nil, err
	}
	t := s.Telephony
	return &GetUserSettingsResponse{UserSettings: &UserSettings{Telephony: TelephonySettings{
		InboundCalling: t.InboundCalling, OutboundCalling: t.OutboundCalling, SMS: t.SMS}}}, nil
}

func (a *API) handleUpdateUserSettings(ctx context.Context, owner chime.Owner, in *UpdateUserSettingsRequest) error {
	t := in.UserSettings.Telephony
	return a.cfg.Services.Users.UpdateUserSettings(ctx, owner, in.AccountId, in.UserId,
		chime.UserSettings{Telephony: chime.TelephonySettings{InboundCalling: t.InboundCalling, OutboundCalling: t.OutboundCalling, SMS: t.SMS}})
}

// userUpdate is the domain's change from the members UpdateUser and each
// BatchUpdateUser item share.
func userUpdate(license, userType *string, alexa *AlexaForBusinessMetadata) chime.UserUpdate {
	u := chime.UserUpdate{License: (*chime.License)(license), Type: (*chime.UserType)(userType)}
	if alexa != nil {
		u.AlexaForBusiness = &chime.AlexaForBusinessMetadata{
			Enabled: deref(alexa.IsAlexaForBusinessEnabled), RoomARN: deref(alexa.AlexaForBusinessRoomArn)}
	}
	return u
}

// toUser is the wire form of a user; it points into u.
func toUser(u *chime.User) *User {
	w := new(User)
	fillUser(w, new(AlexaForBusinessMetadata), u)
	return w
}

// fillUser writes the wire form of u into w, its Alexa for Business
// metadata into alexa. The metadata is always sent, its flag explicit.
func fillUser(w *User, alexa *AlexaForBusinessMetadata, u *chime.User) {
	*alexa = AlexaForBusinessMetadata{
		IsAlexaForBusinessEnabled: &u.AlexaForBusiness.Enabled,
		AlexaForBusinessRoomArn:   optString(&u.AlexaForBusiness.RoomARN),
	}
	*w = User{
		UserId:                   u.ID,
		AccountId:                optString(&u.AccountID),
		PrimaryEmail:             optString(&u.Email),
		PrimaryProvisionedNumber: optString(&u.PhoneNumber),
		DisplayName:              optString(&u.DisplayName),
		LicenseType:              optString((*string)(&u.License)),
		UserType:                 optString((*string)(&u.Type)),
		UserRegistrationStatus:   optString((*string)(&u.Registration)),
		UserInvitationStatus:     optString((*string)(&u.Invitation)),
		RegisteredOn:             optTime(&u.RegisteredOn),
		InvitedOn:                optTime(&u.InvitedOn),
		AlexaForBusinessMetadata: alexa,
		PersonalPIN:              optString(&u.PersonalPIN),
	}
}

func toUserErrors(errs []chime.UserError) []UserError {
	out := make([]UserError, len(errs))
	for i := range errs {
		e := &errs[i]
		out[i] = UserError{UserId: optString(&e.UserID), ErrorCode: optString((*string)(&e.Code)), ErrorMessage: optString(&e.Message)}
	}
	return out
}

func (a *API) handleAdminListUsers(ctx context.Context, owner chime.Owner, in *AdminListUsersRequest) (*AdminListUsersResponse, error) {
	f := chime.UserFilter{Email: deref(in.UserEmail), EmailPrefix: deref(in.EmailPrefix), Type: chime.UserType(deref(in.UserType)),
		Registration: chime.RegistrationStatus(deref(in.UserRegistrationStatus))}
	scope := []string{"AdminListUsers", owner, in.AccountId, f.Email, f.EmailPrefix, string(f.Type), string(f.Registration)}
	users, next, err := a.listUsers(ctx, owner, in.AccountId, f, scope, in.NextToken, in.MaxResults)
	if err != nil {
		return nil, err
	}
	return &AdminListUsersResponse{Users: users, NextToken: next}, nil
}
