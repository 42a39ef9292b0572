package chime

import "time"

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

// AccountFilter narrows ListAccounts.
type AccountFilter struct {
	// NamePrefix keeps accounts whose name starts with it.
	NamePrefix string
	// UserEmail keeps the account that has a user with this e-mail.
	UserEmail string
}
