package chime

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// UserType is the kind of a user profile.
type UserType string

// User types.
const (
	PrivateUser  UserType = "PrivateUser"
	SharedDevice UserType = "SharedDevice"
)

// UserTypes lists the user types in model order.
var UserTypes = []UserType{PrivateUser, SharedDevice}

// RegistrationStatus is a user's registration state.
type RegistrationStatus string

// Registration statuses.
const (
	Unregistered RegistrationStatus = "Unregistered"
	Registered   RegistrationStatus = "Registered"
	Suspended    RegistrationStatus = "Suspended"
)

// RegistrationStatuses lists the registration statuses in model order.
var RegistrationStatuses = []RegistrationStatus{Unregistered, Registered, Suspended}

// InviteStatus is the state of an invitation.
type InviteStatus string

// Invite statuses.
const (
	InvitePending  InviteStatus = "Pending"
	InviteAccepted InviteStatus = "Accepted"
	InviteFailed   InviteStatus = "Failed"
)

// InviteStatuses lists the invite statuses in model order.
var InviteStatuses = []InviteStatus{InvitePending, InviteAccepted, InviteFailed}

// EmailStatus says whether an invitation e-mail went out.
type EmailStatus string

// E-mail statuses.
const (
	EmailNotSent EmailStatus = "NotSent"
	EmailSent    EmailStatus = "Sent"
	EmailFailed  EmailStatus = "Failed"
)

// EmailStatuses lists the e-mail statuses in model order.
var EmailStatuses = []EmailStatus{EmailNotSent, EmailSent, EmailFailed}

// SharedDeviceDisplayName is the display name every shared device profile gets.
const SharedDeviceDisplayName = "Room Device"

// AlexaForBusinessMetadata links a user (a room device) to Alexa for Business.
type AlexaForBusinessMetadata struct {
	Enabled bool
	RoomARN string
}

// User is a member of an Amazon Chime account. Zero times and empty strings
// are absent on the wire.
type User struct {
	ID               string
	AccountID        string
	Email            string
	PhoneNumber      string
	DisplayName      string
	License          License
	Type             UserType
	Registration     RegistrationStatus
	Invitation       InviteStatus
	RegisteredOn     time.Time
	InvitedOn        time.Time
	AlexaForBusiness AlexaForBusinessMetadata
	PersonalPIN      string
}

// NewUser is the input of CreateUser.
type NewUser struct {
	Username string
	Email    string
	// Type defaults to PrivateUser.
	Type UserType
}

// UserUpdate changes the members that are not nil.
type UserUpdate struct {
	License          *License
	Type             *UserType
	AlexaForBusiness *AlexaForBusinessMetadata
}

// UserUpdateItem is one entry of BatchUpdateUser.
type UserUpdateItem struct {
	UserID string
	UserUpdate
}

// UserError reports the failure of one item of a batch operation.
type UserError struct {
	UserID  string
	Code    ErrorCode
	Message string
}

// ErrorCode is the model's code for a per-item failure and for the Code
// member of error bodies.
type ErrorCode string

// Error codes used by this service.
const (
	CodeBadRequest    ErrorCode = "BadRequest"
	CodeConflict      ErrorCode = "Conflict"
	CodeForbidden     ErrorCode = "Forbidden"
	CodeNotFound      ErrorCode = "NotFound"
	CodeUnprocessable ErrorCode = "Unprocessable"
	CodeServiceFail   ErrorCode = "ServiceFailure"
)

// Invite is the result of inviting one e-mail address.
type Invite struct {
	ID          string
	Status      InviteStatus
	Email       string
	EmailStatus EmailStatus
}

// UserPage is one page of users; Next is empty on the last page.
type UserPage struct {
	Users []User
	Next  string
}

// UserFilter narrows ListUsers; the zero filter lists every user. Set
// members combine (a user must match each). E-mail filters compare the
// normalised form of addresses, as CreateUser does.
type UserFilter struct {
	// Email keeps the user with this address, if any.
	Email string
	// EmailPrefix keeps the users whose normalised address begins with
	// the normalised prefix. With it, users are listed in the order of
	// their normalised addresses (code point order) rather than in
	// creation order, so that a page of a prefix search reads one short
	// range of an index however large the account. A prefix that is
	// nothing once normalised (spaces) keeps every user.
	EmailPrefix string
	// Type keeps the users of this type.
	Type UserType
	// Registration keeps the users in this registration state.
	Registration RegistrationStatus
}

// MaxEmailPrefixLength bounds UserFilter.EmailPrefix, in bytes: the
// longest address the API accepts (the cap of its EmailAddress shape).
const MaxEmailPrefixLength = 254

// Validate returns BadRequest for a type or registration state that is
// not one of the enumeration's, or a prefix that no address could begin
// with (too long, not UTF-8, or with a control character).
func (f UserFilter) Validate() error {
	if f.Type != "" && !f.Type.Valid() {
		return Errorf(BadRequest, "UserType must be one of %s", joinNames(UserTypes, ", "))
	}
	if f.Registration != "" && !f.Registration.Valid() {
		return Errorf(BadRequest, "UserRegistrationStatus must be one of %s", joinNames(RegistrationStatuses, ", "))
	}
	if len(f.EmailPrefix) > MaxEmailPrefixLength || !utf8.ValidString(f.EmailPrefix) ||
		strings.ContainsFunc(f.EmailPrefix, unicode.IsControl) {
		return Errorf(BadRequest, "EmailPrefix is not the beginning of an e-mail address")
	}
	return nil
}

// TelephonySettings are a user's calling and SMS permissions.
type TelephonySettings struct {
	InboundCalling  bool
	OutboundCalling bool
	SMS             bool
}

// UserSettings are a user's settings.
type UserSettings struct {
	Telephony TelephonySettings
}

// UserService manages the users of Chime accounts. Every method returns
// NotFound when the account does not exist for owner; methods that name a
// user return NotFound when the user is not in that account.
type UserService interface {
	// CreateUser creates a registered user on an Enterprise account. Returns
	// BadRequest on a Team account or for a missing or invalid e-mail,
	// Forbidden for a suspended account, Conflict when the e-mail already
	// belongs to a user of any account of owner. Addresses are compared in
	// a normal form (trimmed, NFKC, case-folded).
	CreateUser(ctx context.Context, owner Owner, accountID string, in NewUser) (*User, error)
	// GetUser returns the user.
	GetUser(ctx context.Context, owner Owner, accountID, userID string) (*User, error)
	// ListUsers lists the users that match f, in creation order (by
	// address with f.EmailPrefix). Errors as for ListAccounts, and
	// BadRequest for a filter that f.Validate refuses. A cursor of a list
	// by address names the last user of its page: when that user has been
	// removed since (from a Team account), it is refused with BadRequest.
	ListUsers(ctx context.Context, owner Owner, accountID string, f UserFilter, p PageRequest) (*UserPage, error)
	// UpdateUser changes the license, type or Alexa for Business link.
	// Returns BadRequest for a license the account does not support,
	// Forbidden for a suspended account.
	UpdateUser(ctx context.Context, owner Owner, accountID, userID string, u UserUpdate) (*User, error)
	// BatchUpdateUser applies each item; an item that fails is reported in
	// the result and does not stop the others.
	BatchUpdateUser(ctx context.Context, owner Owner, accountID string, items []UserUpdateItem) ([]UserError, error)
	// BatchSuspendUser removes the users from a Team account or suspends them
	// on an EnterpriseLWA account. Returns BadRequest for other account
	// types; unknown users are reported in the result.
	BatchSuspendUser(ctx context.Context, owner Owner, accountID string, userIDs []string) ([]UserError, error)
	// BatchUnsuspendUser returns suspended users of an EnterpriseLWA account
	// to Registered; users that are not suspended are ignored. Returns
	// BadRequest for other account types.
	BatchUnsuspendUser(ctx context.Context, owner Owner, accountID string, userIDs []string) ([]UserError, error)
	// InviteUsers invites addresses to a Team account; each new address
	// becomes an unregistered user. Returns Forbidden for other account
	// types; an address already in use, or taken by a concurrent request
	// meanwhile, gets a Failed invite.
	InviteUsers(ctx context.Context, owner Owner, accountID string, emails []string, t UserType) ([]Invite, error)
	// LogoutUser records a forced sign-out.
	LogoutUser(ctx context.Context, owner Owner, accountID, userID string) error
	// ResetPersonalPIN gives the user a new PIN, different from the old one.
	ResetPersonalPIN(ctx context.Context, owner Owner, accountID, userID string) (*User, error)
	// GetUserSettings returns the user's settings (all false by default).
	GetUserSettings(ctx context.Context, owner Owner, accountID, userID string) (*UserSettings, error)
	// UpdateUserSettings replaces the user's settings.
	UpdateUserSettings(ctx context.Context, owner Owner, accountID, userID string, s UserSettings) error
}

// Valid reports whether t is a known user type.
func (t UserType) Valid() bool { return oneOf(t, UserTypes) }

// Valid reports whether s is a known registration status.
func (s RegistrationStatus) Valid() bool { return oneOf(s, RegistrationStatuses) }

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
		return nil, Errorf(BadRequest, "UserType must be one of %s", joinNames(UserTypes, ", "))
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
		return Errorf(BadRequest, "UserType must be one of %s", joinNames(UserTypes, ", "))
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
			return Errorf(BadRequest, "UserType must be one of %s", joinNames(UserTypes, ", "))
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
