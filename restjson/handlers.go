package restjson

import (
	"context"

	"github.com/openchime/chime"
)

// handlers maps every implemented operation to its handler
// (TestHandlersCoverImplementedOperations keeps the two in step).
var handlers = map[string]handler{
	"CreateAccount":         (*API).handleCreateAccount,
	"GetAccount":            (*API).handleGetAccount,
	"ListAccounts":          (*API).handleListAccounts,
	"UpdateAccount":         (*API).handleUpdateAccount,
	"DeleteAccount":         (*API).handleDeleteAccount,
	"GetAccountSettings":    (*API).handleGetAccountSettings,
	"UpdateAccountSettings": (*API).handleUpdateAccountSettings,
	"AssociateSigninDelegateGroupsWithAccount":    (*API).handleAssociateSigninDelegateGroupsWithAccount,
	"DisassociateSigninDelegateGroupsFromAccount": (*API).handleDisassociateSigninDelegateGroupsFromAccount,
	"CreateUser":         (*API).handleCreateUser,
	"GetUser":            (*API).handleGetUser,
	"ListUsers":          (*API).handleListUsers,
	"UpdateUser":         (*API).handleUpdateUser,
	"BatchUpdateUser":    (*API).handleBatchUpdateUser,
	"BatchSuspendUser":   (*API).handleBatchSuspendUser,
	"BatchUnsuspendUser": (*API).handleBatchUnsuspendUser,
	"InviteUsers":        (*API).handleInviteUsers,
	"LogoutUser":         (*API).handleLogoutUser,
	"ResetPersonalPIN":   (*API).handleResetPersonalPIN,
	"GetUserSettings":    (*API).handleGetUserSettings,
	"UpdateUserSettings": (*API).handleUpdateUserSettings,
	"AdminCreateAccount": (*API).handleAdminCreateAccount,
	"AdminUpdateAccount": (*API).handleAdminUpdateAccount,
	"AdminGetFaults":     (*API).handleAdminGetFaults,
	"AdminPutFaults":     (*API).handleAdminPutFaults,
	"AdminDeleteFaults":  (*API).handleAdminDeleteFaults,
}

type accountOutput struct {
	Account *wireAccount `json:"Account"`
}

type userOutput struct {
	User *wireUser `json:"User"`
}

type userErrorsOutput struct {
	UserErrors []wireUserError `json:"UserErrors"`
}

func accountResult(a *chime.Account, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return accountOutput{toWireAccount(a)}, nil
}

func userResult(u *chime.User, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return userOutput{toWireUser(u)}, nil
}

func userErrorsResult(errs []chime.UserError, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return userErrorsOutput{toWireUserErrors(errs)}, nil
}

func (a *API) handleCreateAccount(ctx context.Context, c *call) (any, error) {
	var in struct{ Name string }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return accountResult(a.cfg.Services.Accounts.CreateAccount(ctx, c.owner, chime.NewAccount{Name: in.Name}))
}

func (a *API) handleGetAccount(ctx context.Context, c *call) (any, error) {
	return accountResult(a.cfg.Services.Accounts.GetAccount(ctx, c.owner, c.label("AccountId")))
}

func (a *API) handleListAccounts(ctx context.Context, c *call) (any, error) {
	f := chime.AccountFilter{NamePrefix: c.queryString("Name"), UserEmail: c.queryString("UserEmail")}
	scope := []string{c.op.Name, c.owner, f.NamePrefix, f.UserEmail}
	cursor, err := a.tokens.open(scope, c.queryString("NextToken"))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.Accounts.ListAccounts(ctx, c.owner, f, chime.PageRequest{Cursor: cursor, Limit: c.queryInt("MaxResults")})
	if err != nil {
		return nil, err
	}
	out := struct {
		Accounts  []*wireAccount `json:"Accounts"`
		NextToken string         `json:"NextToken,omitempty"`
	}{Accounts: make([]*wireAccount, len(page.Accounts)), NextToken: a.tokens.issue(scope, page.Next)}
	for i := range page.Accounts {
		out.Accounts[i] = toWireAccount(&page.Accounts[i])
	}
	return out, nil
}

func (a *API) handleUpdateAccount(ctx context.Context, c *call) (any, error) {
	var in struct {
		Name           *string
		DefaultLicense *chime.License
	}
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return accountResult(a.cfg.Services.Accounts.UpdateAccount(ctx, c.owner, c.label("AccountId"),
		chime.AccountUpdate{Name: in.Name, DefaultLicense: in.DefaultLicense}))
}

func (a *API) handleDeleteAccount(ctx context.Context, c *call) (any, error) {
	return nil, a.cfg.Services.Accounts.DeleteAccount(ctx, c.owner, c.label("AccountId"))
}

func (a *API) handleGetAccountSettings(ctx context.Context, c *call) (any, error) {
	s, err := a.cfg.Services.Accounts.GetAccountSettings(ctx, c.owner, c.label("AccountId"))
	if err != nil {
		return nil, err
	}
	return struct {
		AccountSettings wireAccountSettings `json:"AccountSettings"`
	}{wireAccountSettings{DisableRemoteControl: &s.DisableRemoteControl, EnableDialOut: &s.EnableDialOut}}, nil
}

func (a *API) handleUpdateAccountSettings(ctx context.Context, c *call) (any, error) {
	var in struct{ AccountSettings wireAccountSettings }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, a.cfg.Services.Accounts.UpdateAccountSettings(ctx, c.owner, c.label("AccountId"), chime.AccountSettingsUpdate{
		DisableRemoteControl: in.AccountSettings.DisableRemoteControl, EnableDialOut: in.AccountSettings.EnableDialOut})
}

func (a *API) handleAssociateSigninDelegateGroupsWithAccount(ctx context.Context, c *call) (any, error) {
	var in struct{ SigninDelegateGroups []wireSigninDelegateGroup }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	names := make([]string, len(in.SigninDelegateGroups))
	for i, g := range in.SigninDelegateGroups {
		names[i] = g.GroupName
	}
	return nil, a.cfg.Services.Accounts.AssociateSigninDelegateGroups(ctx, c.owner, c.label("AccountId"), names)
}

func (a *API) handleDisassociateSigninDelegateGroupsFromAccount(ctx context.Context, c *call) (any, error) {
	var in struct{ GroupNames []string }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return nil, a.cfg.Services.Accounts.DisassociateSigninDelegateGroups(ctx, c.owner, c.label("AccountId"), in.GroupNames)
}

func (a *API) handleCreateUser(ctx context.Context, c *call) (any, error) {
	var in struct {
		Username string
		Email    string
		UserType chime.UserType
	}
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return userResult(a.cfg.Services.Users.CreateUser(ctx, c.owner, c.label("AccountId"),
		chime.NewUser{Username: in.Username, Email: in.Email, Type: in.UserType}))
}

func (a *API) handleGetUser(ctx context.Context, c *call) (any, error) {
	return userResult(a.cfg.Services.Users.GetUser(ctx, c.owner, c.label("AccountId"), c.label("UserId")))
}

func (a *API) handleListUsers(ctx context.Context, c *call) (any, error) {
	accountID := c.label("AccountId")
	f := chime.UserFilter{Email: c.queryString("UserEmail"), Type: chime.UserType(c.queryString("UserType"))}
	scope := []string{c.op.Name, c.owner, accountID, f.Email, string(f.Type)}
	cursor, err := a.tokens.open(scope, c.queryString("NextToken"))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.Users.ListUsers(ctx, c.owner, accountID, f, chime.PageRequest{Cursor: cursor, Limit: c.queryInt("MaxResults")})
	if err != nil {
		return nil, err
	}
	out := struct {
		Users     []*wireUser `json:"Users"`
		NextToken string      `json:"NextToken,omitempty"`
	}{Users: make([]*wireUser, len(page.Users)), NextToken: a.tokens.issue(scope, page.Next)}
	for i := range page.Users {
		out.Users[i] = toWireUser(&page.Users[i])
	}
	return out, nil
}

func (a *API) handleUpdateUser(ctx context.Context, c *call) (any, error) {
	var in wireUpdateUserRequestItem
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return userResult(a.cfg.Services.Users.UpdateUser(ctx, c.owner, c.label("AccountId"), c.label("UserId"), in.toDomain()))
}

func (a *API) handleBatchUpdateUser(ctx context.Context, c *call) (any, error) {
	var in struct{ UpdateUserRequestItems []wireUpdateUserRequestItem }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	items := make([]chime.UserUpdateItem, len(in.UpdateUserRequestItems))
	for i := range in.UpdateUserRequestItems {
		it := &in.UpdateUserRequestItems[i]
		items[i] = chime.UserUpdateItem{UserID: it.UserId, UserUpdate: it.toDomain()}
	}
	return userErrorsResult(a.cfg.Services.Users.BatchUpdateUser(ctx, c.owner, c.label("AccountId"), items))
}

func (a *API) handleBatchSuspendUser(ctx context.Context, c *call) (any, error) {
	var in struct{ UserIdList []string }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return userErrorsResult(a.cfg.Services.Users.BatchSuspendUser(ctx, c.owner, c.label("AccountId"), in.UserIdList))
}

func (a *API) handleBatchUnsuspendUser(ctx context.Context, c *call) (any, error) {
	var in struct{ UserIdList []string }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return userErrorsResult(a.cfg.Services.Users.BatchUnsuspendUser(ctx, c.owner, c.label("AccountId"), in.UserIdList))
}

func (a *API) handleInviteUsers(ctx context.Context, c *call) (any, error) {
	var in struct {
		UserEmailList []string
		UserType      chime.UserType
	}
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	invites, err := a.cfg.Services.Users.InviteUsers(ctx, c.owner, c.label("AccountId"), in.UserEmailList, in.UserType)
	if err != nil {
		return nil, err
	}
	out := struct {
		Invites []wireInvite `json:"Invites"`
	}{Invites: make([]wireInvite, len(invites))}
	for i, inv := range invites {
		out.Invites[i] = wireInvite{InviteId: inv.ID, Status: string(inv.Status), EmailAddress: inv.Email, EmailStatus: string(inv.EmailStatus)}
	}
	return out, nil
}

func (a *API) handleLogoutUser(ctx context.Context, c *call) (any, error) {
	return nil, a.cfg.Services.Users.LogoutUser(ctx, c.owner, c.label("AccountId"), c.label("UserId"))
}

func (a *API) handleResetPersonalPIN(ctx context.Context, c *call) (any, error) {
	return userResult(a.cfg.Services.Users.ResetPersonalPIN(ctx, c.owner, c.label("AccountId"), c.label("UserId")))
}

func (a *API) handleGetUserSettings(ctx context.Context, c *call) (any, error) {
	s, err := a.cfg.Services.Users.GetUserSettings(ctx, c.owner, c.label("AccountId"), c.label("UserId"))
	if err != nil {
		return nil, err
	}
	t := s.Telephony
	return struct {
		UserSettings wireUserSettings `json:"UserSettings"`
	}{wireUserSettings{wireTelephonySettings{InboundCalling: t.InboundCalling, OutboundCalling: t.OutboundCalling, SMS: t.SMS}}}, nil
}

func (a *API) handleUpdateUserSettings(ctx context.Context, c *call) (any, error) {
	var in struct{ UserSettings wireUserSettings }
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	t := in.UserSettings.Telephony
	return nil, a.cfg.Services.Users.UpdateUserSettings(ctx, c.owner, c.label("AccountId"), c.label("UserId"),
		chime.UserSettings{Telephony: chime.TelephonySettings{InboundCalling: t.InboundCalling, OutboundCalling: t.OutboundCalling, SMS: t.SMS}})
}

func (a *API) handleAdminCreateAccount(ctx context.Context, c *call) (any, error) {
	var in struct {
		Name        string
		AccountType chime.AccountType
		AccountId   string
	}
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return accountResult(a.cfg.Services.Accounts.CreateAccount(ctx, c.owner, chime.NewAccount{Name: in.Name, Type: in.AccountType, ID: in.AccountId}))
}

func (a *API) handleAdminUpdateAccount(ctx context.Context, c *call) (any, error) {
	var in struct {
		AccountType   *chime.AccountType
		AccountStatus *chime.AccountStatus
	}
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	return accountResult(a.cfg.Services.Accounts.AdminUpdateAccount(ctx, c.owner, c.label("AccountId"),
		chime.AccountAdminUpdate{Type: in.AccountType, Status: in.AccountStatus}))
}
