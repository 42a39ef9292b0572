package chime

import "context"

// Service is everything the wire layer needs: accounts and users.
// Every method takes owner, the 12-digit AWS account id of the caller.
// Chime accounts belong to the AWS account that created them; an account
// owned by another AWS account MUST be reported as NotFound, never Forbidden,
// so that existence does not leak. A deleted account MUST be NotFound too.
//
// Writes MUST be durable when the method returns without error.
type Service interface {
	AccountService
	UserService
}

// AccountService manages Chime accounts.
type AccountService interface {
	// CreateAccount creates an account. Returns BadRequest for an invalid
	// name, type or id, and Conflict when in.ID is already taken by owner.
	CreateAccount(ctx context.Context, owner string, in NewAccount) (*Account, error)
	// GetAccount returns NotFound if the account does not exist for owner.
	GetAccount(ctx context.Context, owner, accountID string) (*Account, error)
	// ListAccounts lists owner's accounts in creation order. Returns
	// BadRequest for a page size outside 1..200 or a cursor it did not issue.
	ListAccounts(ctx context.Context, owner string, f AccountFilter, p PageRequest) (*AccountPage, error)
	// UpdateAccount changes the name or the default license. Returns NotFound,
	// Forbidden for a suspended account, BadRequest for a license the account
	// does not support.
	UpdateAccount(ctx context.Context, owner, accountID string, u AccountUpdate) (*Account, error)
	// AdminUpdateAccount changes the type or status (the extension). Returns
	// NotFound, or BadRequest for a change back to Team.
	AdminUpdateAccount(ctx context.Context, owner, accountID string, u AccountAdminUpdate) (*Account, error)
	// DeleteAccount removes the account and what remains of its users.
	// Returns NotFound, Forbidden for a suspended account, and Unprocessable
	// while any user of the account is not suspended.
	DeleteAccount(ctx context.Context, owner, accountID string) error
	// GetAccountSettings returns NotFound if the account does not exist.
	GetAccountSettings(ctx context.Context, owner, accountID string) (*AccountSettings, error)
	// UpdateAccountSettings changes the members that are set. Returns
	// NotFound, or Forbidden for a suspended account.
	UpdateAccountSettings(ctx context.Context, owner, accountID string, u AccountSettingsUpdate) error
	// AssociateSigninDelegateGroups adds group names (duplicates are kept
	// once). Returns NotFound, Forbidden unless the account is
	// EnterpriseDirectory or EnterpriseOIDC, BadRequest for an empty name.
	AssociateSigninDelegateGroups(ctx context.Context, owner, accountID string, groups []string) error
	// DisassociateSigninDelegateGroups removes group names; names that are
	// not associated are ignored. Errors as for Associate.
	DisassociateSigninDelegateGroups(ctx context.Context, owner, accountID string, groups []string) error
}

// UserService manages the users of Chime accounts. Every method returns
// NotFound when the account does not exist for owner; methods that name a
// user return NotFound when the user is not in that account.
type UserService interface {
	// CreateUser creates a registered user on an Enterprise account. Returns
	// BadRequest on a Team account or for a missing or invalid e-mail,
	// Forbidden for a suspended account, Conflict when the e-mail already
	// belongs to a user of any account of owner.
	CreateUser(ctx context.Context, owner, accountID string, in NewUser) (*User, error)
	// GetUser returns the user.
	GetUser(ctx context.Context, owner, accountID, userID string) (*User, error)
	// ListUsers lists users in creation order. Errors as for ListAccounts.
	ListUsers(ctx context.Context, owner, accountID string, f UserFilter, p PageRequest) (*UserPage, error)
	// UpdateUser changes the license, type or Alexa for Business link.
	// Returns BadRequest for a license the account does not support,
	// Forbidden for a suspended account.
	UpdateUser(ctx context.Context, owner, accountID, userID string, u UserUpdate) (*User, error)
	// BatchUpdateUser applies each item; an item that fails is reported in
	// the result and does not stop the others.
	BatchUpdateUser(ctx context.Context, owner, accountID string, items []UserUpdateItem) ([]UserError, error)
	// BatchSuspendUser removes the users from a Team account or suspends them
	// on an EnterpriseLWA account. Returns BadRequest for other account
	// types; unknown users are reported in the result.
	BatchSuspendUser(ctx context.Context, owner, accountID string, userIDs []string) ([]UserError, error)
	// BatchUnsuspendUser returns suspended users of an EnterpriseLWA account
	// to Registered; users that are not suspended are ignored. Returns
	// BadRequest for other account types.
	BatchUnsuspendUser(ctx context.Context, owner, accountID string, userIDs []string) ([]UserError, error)
	// InviteUsers invites addresses to a Team account; each new address
	// becomes an unregistered user. Returns Forbidden for other account
	// types; an address already in use gets a Failed invite.
	InviteUsers(ctx context.Context, owner, accountID string, emails []string, t UserType) ([]Invite, error)
	// LogoutUser records a forced sign-out.
	LogoutUser(ctx context.Context, owner, accountID, userID string) error
	// ResetPersonalPIN gives the user a new PIN, different from the old one.
	ResetPersonalPIN(ctx context.Context, owner, accountID, userID string) (*User, error)
	// GetUserSettings returns the user's settings (all false by default).
	GetUserSettings(ctx context.Context, owner, accountID, userID string) (*UserSettings, error)
	// UpdateUserSettings replaces the user's settings.
	UpdateUserSettings(ctx context.Context, owner, accountID, userID string, s UserSettings) error
}

// MaxPageSize and DefaultPageSize bound list operations.
const (
	MaxPageSize     = 200
	DefaultPageSize = 100
)

// PageRequest asks for at most Limit items after Cursor. A zero Limit means
// DefaultPageSize; an empty Cursor means the first page. A cursor is opaque
// to callers: only the store that issued it understands it.
type PageRequest struct {
	Cursor string
	Limit  int
}

// AccountPage is one page of accounts; Next is empty on the last page.
type AccountPage struct {
	Accounts []Account
	Next     string
}

// UserPage is one page of users; Next is empty on the last page.
type UserPage struct {
	Users []User
	Next  string
}
