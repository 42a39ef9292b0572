package chime

import (
	"regexp"
	"strings"
	"time"
)

// The model's patterns, anchored as the service matched them: a whole-value
// match in which '.' does not cross a line break.
var (
	nonEmptyPattern = regexp.MustCompile(`^.*\S.*$`)
	emailPattern    = regexp.MustCompile(`^.+@.+\..+$`)
)

// MaxAccountNameLength is the model's bound on account names.
const MaxAccountNameLength = 100

// PINLength is the number of decimal digits of a personal meeting PIN.
const PINLength = 10

// ValidEmail reports whether s matches the model's e-mail pattern.
func ValidEmail(s string) bool { return emailPattern.MatchString(s) }

// ValidNonEmpty reports whether s has a non-space character on one line.
func ValidNonEmpty(s string) bool { return nonEmptyPattern.MatchString(s) }

// ValidateAccountName returns BadRequest unless name is 1..100 characters
// with a non-space character.
func ValidateAccountName(name string) error {
	if n := len([]rune(name)); n < 1 || n > MaxAccountNameLength || !ValidNonEmpty(name) {
		return Errorf(BadRequest, "Name must be 1 to %d characters and not blank", MaxAccountNameLength)
	}
	return nil
}

// Valid reports whether t is a known account type.
func (t AccountType) Valid() bool { return oneOf(t, AccountTypes) }

// Valid reports whether l is a known license.
func (l License) Valid() bool { return oneOf(l, Licenses) }

// Valid reports whether t is a known user type.
func (t UserType) Valid() bool { return oneOf(t, UserTypes) }

// Valid reports whether s is a known account status.
func (s AccountStatus) Valid() bool { return s == AccountActive || s == AccountSuspended }

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// ValidatePage returns BadRequest for a page size outside 0..MaxPageSize
// (0 stands for the default).
func ValidatePage(p PageRequest) error {
	if p.Limit < 0 || p.Limit > MaxPageSize {
		return Errorf(BadRequest, "MaxResults must be between 1 and %d", MaxPageSize)
	}
	return nil
}

// PageLimit is the effective page size of p.
func PageLimit(p PageRequest) int {
	if p.Limit == 0 {
		return DefaultPageSize
	}
	return p.Limit
}

// NewTeamAccount returns the account CreateAccount makes, or the one the
// extension asks for, before it is stored.
func NewTeamAccount(owner string, in NewAccount, id string, now time.Time) (*Account, error) {
	if err := ValidateAccountName(in.Name); err != nil {
		return nil, err
	}
	t := in.Type
	if t == "" {
		t = Team
	}
	if !t.Valid() {
		return nil, Errorf(BadRequest, "AccountType must be one of Team, EnterpriseDirectory, EnterpriseLWA, EnterpriseOIDC")
	}
	if in.ID != "" {
		if !ValidNonEmpty(in.ID) || len(in.ID) > 64 || strings.ContainsAny(in.ID, "/?#%") {
			return nil, Errorf(BadRequest, "AccountId must be 1 to 64 characters without '/', '?', '#' or '%%'")
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
			return Errorf(BadRequest, "AccountType must be one of Team, EnterpriseDirectory, EnterpriseLWA, EnterpriseOIDC")
		}
		if *u.Type == Team && a.Type != Team {
			return Errorf(BadRequest, "An Enterprise account cannot be turned back into a Team account")
		}
		a.Type = *u.Type
	}
	if u.Status != nil {
		if !u.Status.Valid() {
			return Errorf(BadRequest, "AccountStatus must be Active or Suspended")
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

func notEnterprise(a *Account, why string) error {
	return Errorf(Forbidden, "%s [AWS Account ID: %s][Chime Account ID: %s]", why, a.AwsAccountID, a.ID)
}

// BadRequestMessage is the real service's generic message for a refused request.
const BadRequestMessage = "Service received a bad request"

// NewCreatedUser returns the user CreateUser makes on account a, or the
// reason it refuses. id and pin come from the caller's sources.
func NewCreatedUser(a *Account, in NewUser, id, pin string, now time.Time) (*User, error) {
	if err := CheckWritable(a); err != nil {
		return nil, err
	}
	if a.Type == Team {
		// The real service refused CreateUser on Team accounts with its
		// generic message; InviteUsers is the Team path.
		return nil, Errorf(BadRequest, BadRequestMessage)
	}
	if in.Email == "" {
		return nil, Errorf(BadRequest, "Email is required")
	}
	if !ValidEmail(in.Email) {
		return nil, Errorf(BadRequest, "Email is not a valid e-mail address")
	}
	t := in.Type
	if t == "" {
		t = PrivateUser
	}
	if !t.Valid() {
		return nil, Errorf(BadRequest, "UserType must be PrivateUser or SharedDevice")
	}
	u := &User{
		ID:           id,
		AccountID:    a.ID,
		Email:        in.Email,
		License:      a.DefaultLicense,
		Type:         t,
		Registration: Registered,
		RegisteredOn: now,
	}
	if t == SharedDevice {
		u.DisplayName = SharedDeviceDisplayName
		return u, nil
	}
	u.DisplayName = in.Username
	if u.DisplayName == "" {
		u.DisplayName = in.Email[:strings.LastIndex(in.Email, "@")]
	}
	u.PersonalPIN = pin
	return u, nil
}

// NewInvitedUser returns the user an invitation makes on a Team account.
func NewInvitedUser(a *Account, email string, t UserType, id string, now time.Time) *User {
	if t == "" {
		t = PrivateUser
	}
	return &User{
		ID:           id,
		AccountID:    a.ID,
		Email:        email,
		License:      a.DefaultLicense,
		Type:         t,
		Registration: Unregistered,
		Invitation:   InvitePending,
		InvitedOn:    now,
	}
}

// CheckInvite returns Forbidden unless a is a writable Team account, and
// BadRequest for an invalid address or type.
func CheckInvite(a *Account, emails []string, t UserType) error {
	if err := CheckWritable(a); err != nil {
		return err
	}
	if a.Type != Team {
		return Errorf(Forbidden, "InviteUsers is supported only for Team accounts")
	}
	if len(emails) == 0 || len(emails) > 50 {
		return Errorf(BadRequest, "UserEmailList must have 1 to 50 addresses")
	}
	for _, e := range emails {
		if !ValidEmail(e) {
			return Errorf(BadRequest, "UserEmailList has an address that is not a valid e-mail address")
		}
	}
	if t != "" && !t.Valid() {
		return Errorf(BadRequest, "UserType must be PrivateUser or SharedDevice")
	}
	return nil
}

// ApplyUserUpdate validates u against the user's account and applies it.
func ApplyUserUpdate(a *Account, user *User, u UserUpdate) error {
	if u.License != nil {
		if !a.Supports(*u.License) {
			return Errorf(BadRequest, "LicenseType %q is not supported by the account", string(*u.License))
		}
		user.License = *u.License
	}
	if u.Type != nil {
		if !u.Type.Valid() {
			return Errorf(BadRequest, "UserType must be PrivateUser or SharedDevice")
		}
		user.Type = *u.Type
	}
	if u.AlexaForBusiness != nil {
		user.AlexaForBusiness = *u.AlexaForBusiness
	}
	return nil
}

// SuspendEffect says what BatchSuspendUser does on an account.
type SuspendEffect int

// Suspend effects.
const (
	// RemoveFromAccount: Team users leave the account.
	RemoveFromAccount SuspendEffect = iota + 1
	// MarkSuspended: EnterpriseLWA users become Suspended.
	MarkSuspended
)

// CheckSuspend returns what suspension does on a, or BadRequest where the
// account's users are suspended elsewhere (in the directory).
func CheckSuspend(a *Account) (SuspendEffect, error) {
	if err := CheckWritable(a); err != nil {
		return 0, err
	}
	switch a.Type {
	case Team:
		return RemoveFromAccount, nil
	case EnterpriseLWA:
		return MarkSuspended, nil
	}
	return 0, Errorf(BadRequest, "Users of %s accounts are suspended in their directory, not through this API", string(a.Type))
}

// CheckUnsuspend returns BadRequest unless a is an EnterpriseLWA account.
func CheckUnsuspend(a *Account) error {
	if err := CheckWritable(a); err != nil {
		return err
	}
	if a.Type != EnterpriseLWA {
		return Errorf(BadRequest, "Only users of EnterpriseLWA accounts can be unsuspended")
	}
	return nil
}

// BlocksAccountDeletion reports whether a user keeps its account from being deleted.
func BlocksAccountDeletion(u *User) bool { return u.Registration != Suspended }

// UserIDError returns the per-item error for a user id that is not in the account.
func UserIDError(id string) UserError {
	return UserError{UserID: id, Code: CodeNotFound, Message: "The user was not found in the account"}
}

// UserErrorFor turns a domain error into a per-item batch error.
func UserErrorFor(id string, err error) UserError {
	var msg string
	if e, ok := err.(*Error); ok && e.Kind != Internal {
		msg = e.Message
	} else {
		msg = "The service encountered an unexpected error."
	}
	return UserError{UserID: id, Code: codeOf(KindOf(err)), Message: msg}
}

func codeOf(k Kind) ErrorCode {
	switch k {
	case BadRequest:
		return CodeBadRequest
	case Conflict:
		return CodeConflict
	case Forbidden:
		return CodeForbidden
	case NotFound:
		return CodeNotFound
	case Unprocessable:
		return CodeUnprocessable
	}
	return CodeServiceFail
}
