package chime

import (
	"context"
	"strings"
	"time"
)

// AccountType is the kind of an Amazon Chime account.
type AccountType string

// Account types. CreateAccount makes Team accounts; the Enterprise types
// come from console actions that the service extension under /_chime/ offers.
const (
	Team                AccountType = "Team"
	EnterpriseDirectory AccountType = "EnterpriseDirectory"
	EnterpriseLWA       AccountType = "EnterpriseLWA"
	EnterpriseOIDC      AccountType = "EnterpriseOIDC"
)

// AccountTypes lists the account types in model order.
var AccountTypes = []AccountType{Team, EnterpriseDirectory, EnterpriseLWA, EnterpriseOIDC}

// IsEnterprise reports whether t is one of the Enterprise account types.
func (t AccountType) IsEnterprise() bool {
	return t == EnterpriseDirectory || t == EnterpriseLWA || t == EnterpriseOIDC
}

// License is a user's permission tier.
type License string

// Licenses.
const (
	Basic    License = "Basic"
	Plus     License = "Plus"
	Pro      License = "Pro"
	ProTrial License = "ProTrial"
)

// Licenses lists the licenses in model order.
var Licenses = []License{Basic, Plus, Pro, ProTrial}

// AccountStatus says whether an account can be written to.
type AccountStatus string

// Account statuses.
const (
	AccountSuspended AccountStatus = "Suspended"
	AccountActive    AccountStatus = "Active"
)

// AccountStatuses lists the account statuses in model order.
var AccountStatuses = []AccountStatus{AccountSuspended, AccountActive}

// Account is an Amazon Chime account, owned by one AWS account.
type Account struct {
	AwsAccountID         string
	ID                   string
	Name                 string
	Type                 AccountType
	CreatedAt            time.Time
	DefaultLicense       License
	SupportedLicenses    []License
	Status               AccountStatus
	SigninDelegateGroups []string
}

// Supports reports whether l is one of the account's supported licenses.
func (a *Account) Supports(l License) bool {
	for _, s := range a.SupportedLicenses {
		if s == l {
			return true
		}
	}
	return false
}

// AccountSettings are the account-wide meeting settings.
type AccountSettings struct {
	DisableRemoteControl bool
	EnableDialOut        bool
}

// AccountSettingsUpdate changes the members that are not nil.
type AccountSettingsUpdate struct {
	DisableRemoteControl *bool
	EnableDialOut        *bool
}

// NewAccount describes an account to create. CreateAccount on the wire sets
// only Name; the extension may also choose the type and the id.
type NewAccount struct {
	Name string
	// Type defaults to Team.
	Type AccountType
	// ID defaults to a fresh UUID.
	ID string
}

// AccountUpdate changes the members that are not nil.
type AccountUpdate struct {
	Name           *string
	DefaultLicense *License
}

// AccountAdminUpdate is the extension's change of what the console decided
// in the real service: the account's type and its status.
type AccountAdminUpdate struct {
	Type   *AccountType
	Status *AccountStatus
}

// AccountPage is one page of accounts; Next is empty on the last page.
type AccountPage struct {
	Accounts []Account
	Next     string
}

// AccountFilter narrows ListAccounts.
type AccountFilter struct {
	// NamePrefix keeps accounts whose name starts with it.
	NamePrefix string
	// UserEmail keeps the account that has a user with this e-mail.
	UserEmail string
}

// AccountService manages Chime accounts.
type AccountService interface {
	// CreateAccount creates an account. Returns BadRequest for an invalid
	// name, type or id, and Conflict when in.ID is already taken by owner.
	CreateAccount(ctx context.Context, owner Owner, in NewAccount) (*Account, error)
	// GetAccount returns NotFound if the account does not exist for owner.
	GetAccount(ctx context.Context, owner Owner, accountID string) (*Account, error)
	// ListAccounts lists owner's accounts in creation order. Returns
	// BadRequest for a page size outside 1..200 or a cursor it did not issue.
	ListAccounts(ctx context.Context, owner Owner, f AccountFilter, p PageRequest) (*AccountPage, error)
	// UpdateAccount changes the name or the default license. Returns NotFound,
	// Forbidden for a suspended account, BadRequest for a license the account
	// does not support.
	UpdateAccount(ctx context.Context, owner Owner, accountID string, u AccountUpdate) (*Account, error)
	// AdminUpdateAccount changes the type or status (the extension). Returns
	// NotFound, or BadRequest for a change back to Team.
	AdminUpdateAccount(ctx context.Context, owner Owner, accountID string, u AccountAdminUpdate) (*Account, error)
	// DeleteAccount removes the account and what remains of its users.
	// Returns NotFound, Forbidden for a suspended account, and Unprocessable
	// while any user of the account is not suspended.
	DeleteAccount(ctx context.Context, owner Owner, accountID string) error
	// GetAccountSettings returns NotFound if the account does not exist.
	GetAccountSettings(ctx context.Context, owner Owner, accountID string) (*AccountSettings, error)
	// UpdateAccountSettings changes the members that are set. Returns
	// NotFound, or Forbidden for a suspended account.
	UpdateAccountSettings(ctx context.Context, owner Owner, accountID string, u AccountSettingsUpdate) error
	// AssociateSigninDelegateGroups adds group names (duplicates are kept
	// once). Returns NotFound, Forbidden unless the account is
	// EnterpriseDirectory or EnterpriseOIDC, BadRequest for an empty name.
	AssociateSigninDelegateGroups(ctx context.Context, owner Owner, accountID string, groups []string) error
	// DisassociateSigninDelegateGroups removes group names; names that are
	// not associated are ignored. Errors as for Associate.
	DisassociateSigninDelegateGroups(ctx context.Context, owner Owner, accountID string, groups []string) error
}

// Valid reports whether t is a known account type.
func (t AccountType) Valid() bool { return oneOf(t, AccountTypes) }

// Valid reports whether l is a known license.
func (l License) Valid() bool { return oneOf(l, Licenses) }

// Valid reports whether s is a known account status.
func (s AccountStatus) Valid() bool { return oneOf(s, AccountStatuses) }

// NewTeamAccount returns the account CreateAccount makes, or the one the
// extension asks for, before it is stored.
func NewTeamAccount(owner Owner, in NewAccount, id string, now time.Time) (*Account, error) {
	if err := ValidateAccountName(in.Name); err != nil {
		return nil, err
	}
	t := in.Type
	if t == "" {
		t = Team
	}
	if !t.Valid() {
		return nil, Errorf(BadRequest, "AccountType must be one of %s", joinNames(AccountTypes, ", "))
	}
	if in.ID != "" {
		if !ValidNonEmpty(in.ID) || len(in.ID) > 64 || strings.ContainsAny(in.ID, "/?#%") {
			return nil, Errorf(BadRequest, "AccountId must be 1 to 64 characters without '/', '?', '#' or '%%'")
		}
		// Clients normalise a path before they sign it (botocore removes
		// dot segments), so an account named . or .. could never be
		// reached again.
		if in.ID == "." || in.ID == ".." {
			return nil, Errorf(BadRequest, "AccountId must not be . or ..")
		}
		id = in.ID
	}
	return &Account{
		AwsAccountID:         owner,
		ID:                   id,
		Name:                 in.Name,
		Type:                 t,
		CreatedAt:            now,
		DefaultLicense:       Pro,
		SupportedLicenses:    []License{Basic, Pro},
		Status:               AccountActive,
		SigninDelegateGroups: []string{},
	}, nil
}

// CheckWritable returns Forbidden for a suspended account.
func CheckWritable(a *Account) error {
	if a.Status == AccountSuspended {
		return Errorf(Forbidden, "The account %s is suspended", a.ID)
	}
	return nil
}

// ApplyAccountUpdate validates u against a and applies it.
func ApplyAccountUpdate(a *Account, u AccountUpdate) error {
	if err := CheckWritable(a); err != nil {
		return err
	}
	if u.Name != nil {
		if err := ValidateAccountName(*u.Name); err != nil {
			return err
		}
		a.Name = *u.Name
	}
	if u.DefaultLicense != nil {
		if !a.Supports(*u.DefaultLicense) {
			return Errorf(BadRequest, "DefaultLicense %q is not supported by the account", string(*u.DefaultLicense))
		}
		a.DefaultLicense = *u.DefaultLicense
	}
	return nil
}

// ApplyAdminUpdate validates the extension's change of type or status.
func ApplyAdminUpdate(a *Account, u AccountAdminUpdate) error {
	if u.Type != nil {
		if !u.Type.Valid() {
			return Errorf(BadRequest, "AccountType must be one of %s", joinNames(AccountTypes, ", "))
		}
		if *u.Type == Team && a.Type != Team {
			return Errorf(BadRequest, "An Enterprise account cannot be turned back into a Team account")
		}
		a.Type = *u.Type
	}
	if u.Status != nil {
		if !u.Status.Valid() {
			return Errorf(BadRequest, "AccountStatus must be one of %s", joinNames(AccountStatuses, ", "))
		}
		a.Status = *u.Status
	}
	return nil
}

// CheckSigninDelegateGroups returns Forbidden unless the account can have
// sign-in delegate groups, and BadRequest for a blank group name.
func CheckSigninDelegateGroups(a *Account, groups []string) error {
	if err := CheckWritable(a); err != nil {
		return err
	}
	if a.Type != EnterpriseDirectory && a.Type != EnterpriseOIDC {
		return notEnterprise(a, "Sign-in delegate groups need an EnterpriseDirectory or EnterpriseOIDC account")
	}
	for _, g := range groups {
		if !ValidNonEmpty(g) {
			return Errorf(BadRequest, "GroupName must not be blank")
		}
	}
	return nil
}

// MaxSigninDelegateGroups is how many sign-in delegate groups an account
// may have, and one request may name: the model sets no bound; this
// server's is in docs/behaviour.md.
const MaxSigninDelegateGroups = 50

// AssociateSigninDelegateGroups adds the groups a does not have yet, in
// the order given, in time linear in the names. Errors as for
// CheckSigninDelegateGroups, and BadRequest past MaxSigninDelegateGroups
// (the operation models no other error for it).
func AssociateSigninDelegateGroups(a *Account, groups []string) error {
	if err := CheckSigninDelegateGroups(a, groups); err != nil {
		return err
	}
	have := make(map[string]bool, len(a.SigninDelegateGroups)+len(groups))
	for _, g := range a.SigninDelegateGroups {
		have[g] = true
	}
	merged := a.SigninDelegateGroups
	for _, g := range groups {
		if !have[g] {
			have[g] = true
			merged = append(merged, g)
		}
	}
	if len(merged) > MaxSigninDelegateGroups {
		return Errorf(BadRequest, "An account may have at most %d sign-in delegate groups", MaxSigninDelegateGroups)
	}
	a.SigninDelegateGroups = merged
	return nil
}

// DisassociateSigninDelegateGroups removes the named groups from a; names
// it does not have are ignored. Errors as for CheckSigninDelegateGroups.
func DisassociateSigninDelegateGroups(a *Account, groups []string) error {
	if err := CheckSigninDelegateGroups(a, groups); err != nil {
		return err
	}
	drop := make(map[string]bool, len(groups))
	for _, g := range groups {
		drop[g] = true
	}
	kept := []string{}
	for _, g := range a.SigninDelegateGroups {
		if !drop[g] {
			kept = append(kept, g)
		}
	}
	a.SigninDelegateGroups = kept
	return nil
}

func notEnterprise(a *Account, why string) error {
	return Errorf(Forbidden, "%s [AWS Account ID: %s][Chime Account ID: %s]", why, a.AwsAccountID, a.ID)
}
