package restjson

import (
	"context"

	"github.com/openchime/chime"
)

// The handlers of the account operations, and the extensions that stand in
// for the console's account actions. Each takes the validated, typed input
// of its operation (bindings_gen.go) and returns its typed output.

func (a *API) handleCreateAccount(ctx context.Context, owner chime.Owner, in *CreateAccountRequest) (*CreateAccountResponse, error) {
	acct, err := a.cfg.Services.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: in.Name})
	if err != nil {
		return nil, err
	}
	return &CreateAccountResponse{Account: toAccount(acct)}, nil
}

func (a *API) handleGetAccount(ctx context.Context, owner chime.Owner, in *GetAccountRequest) (*GetAccountResponse, error) {
	acct, err := a.cfg.Services.Accounts.GetAccount(ctx, owner, in.AccountId)
	if err != nil {
		return nil, err
	}
	return &GetAccountResponse{Account: toAccount(acct)}, nil
}

func (a *API) handleListAccounts(ctx context.Context, owner chime.Owner, in *ListAccountsRequest) (*ListAccountsResponse, error) {
	f := chime.AccountFilter{NamePrefix: deref(in.Name), UserEmail: deref(in.UserEmail)}
	scope := []string{"ListAccounts", owner, f.NamePrefix, f.UserEmail}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.Accounts.ListAccounts(ctx, owner, f, chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &ListAccountsResponse{Accounts: make([]Account, len(page.Accounts)), NextToken: a.nextToken(scope, page.Next)}
	for i := range page.Accounts {
		out.Accounts[i] = *toAccount(&page.Accounts[i])
	}
	return out, nil
}

func (a *API) handleUpdateAccount(ctx context.Context, owner chime.Owner, in *UpdateAccountRequest) (*UpdateAccountResponse, error) {
	acct, err := a.cfg.Services.Accounts.UpdateAccount(ctx, owner, in.AccountId,
		chime.AccountUpdate{Name: in.Name, DefaultLicense: (*chime.License)(in.DefaultLicense)})
	if err != nil {
		return nil, err
	}
	return &UpdateAccountResponse{Account: toAccount(acct)}, nil
}

func (a *API) handleDeleteAccount(ctx context.Context, owner chime.Owner, in *DeleteAccountRequest) error {
	return a.cfg.Services.Accounts.DeleteAccount(ctx, owner, in.AccountId)
}

func (a *API) handleGetAccountSettings(ctx context.Context, owner chime.Owner, in *GetAccountSettingsRequest) (*GetAccountSettingsResponse, error) {
	s, err := a.cfg.Services.Accounts.GetAccountSettings(ctx, owner, in.AccountId)
	if err != nil {
		return nil, err
	}
	return &GetAccountSettingsResponse{AccountSettings: &AccountSettings{
		DisableRemoteControl: &s.DisableRemoteControl, EnableDialOut: &s.EnableDialOut}}, nil
}

func (a *API) handleUpdateAccountSettings(ctx context.Context, owner chime.Owner, in *UpdateAccountSettingsRequest) error {
	return a.cfg.Services.Accounts.UpdateAccountSettings(ctx, owner, in.AccountId, chime.AccountSettingsUpdate{
		DisableRemoteControl: in.AccountSettings.DisableRemoteControl, EnableDialOut: in.AccountSettings.EnableDialOut})
}

func (a *API) handleAssociateSigninDelegateGroupsWithAccount(ctx context.Context, owner chime.Owner, in *AssociateSigninDelegateGroupsWithAccountRequest) error {
	names := make([]string, len(in.SigninDelegateGroups))
	for i, g := range in.SigninDelegateGroups {
		names[i] = deref(g.GroupName)
	}
	return a.cfg.Services.Accounts.AssociateSigninDelegateGroups(ctx, owner, in.AccountId, names)
}

func (a *API) handleDisassociateSigninDelegateGroupsFromAccount(ctx context.Context, owner chime.Owner, in *DisassociateSigninDelegateGroupsFromAccountRequest) error {
	return a.cfg.Services.Accounts.DisassociateSigninDelegateGroups(ctx, owner, in.AccountId, in.GroupNames)
}

func (a *API) handleAdminCreateAccount(ctx context.Context, owner chime.Owner, in *AdminCreateAccountRequest) (*AdminCreateAccountResponse, error) {
	acct, err := a.cfg.Services.Accounts.CreateAccount(ctx, owner, chime.NewAccount{
		Name: in.Name, Type: chime.AccountType(deref(in.AccountType)), ID: deref(in.AccountId)})
	if err != nil {
		return nil, err
	}
	return &AdminCreateAccountResponse{Account: toAccount(acct)}, nil
}

func (a *API) handleAdminUpdateAccount(ctx context.Context, owner chime.Owner, in *AdminUpdateAccountRequest) (*AdminUpdateAccountResponse, error) {
	acct, err := a.cfg.Services.Accounts.AdminUpdateAccount(ctx, owner, in.AccountId, chime.AccountAdminUpdate{
		Type: (*chime.AccountType)(in.AccountType), Status: (*chime.AccountStatus)(in.AccountStatus)})
	if err != nil {
		return nil, err
	}
	return &AdminUpdateAccountResponse{Account: toAccount(acct)}, nil
}

// toAccount is the wire form of an account; it points into acct.
func toAccount(acct *chime.Account) *Account {
	w := &Account{
		AwsAccountId:         acct.AwsAccountID,
		AccountId:            acct.ID,
		Name:                 acct.Name,
		AccountType:          optString((*string)(&acct.Type)),
		CreatedTimestamp:     optTime(&acct.CreatedAt),
		DefaultLicense:       optString((*string)(&acct.DefaultLicense)),
		SupportedLicenses:    make([]string, len(acct.SupportedLicenses)),
		AccountStatus:        optString((*string)(&acct.Status)),
		SigninDelegateGroups: make([]SigninDelegateGroup, len(acct.SigninDelegateGroups)),
	}
	for i, l := range acct.SupportedLicenses {
		w.SupportedLicenses[i] = string(l)
	}
	for i := range acct.SigninDelegateGroups {
		w.SigninDelegateGroups[i].GroupName = optString(&acct.SigninDelegateGroups[i])
	}
	return w
}

// deref is the value of an optional string member, "" when absent.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// pageLimit is the page size a list operation asked for; 0 is the default.
func pageLimit(maxResults *int64) int {
	if maxResults == nil {
		return 0
	}
	return int(*maxResults) // validated to 1..MaxPageSize
}

// nextToken seals a store's cursor for the client, or nil on the last page.
func (a *API) nextToken(scope []string, cursor string) *string {
	if cursor == "" {
		return nil
	}
	t := a.tokens.issue(scope, cursor)
	return &t
}
