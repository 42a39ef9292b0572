package chime

import (
	"context"
	"regexp"
	"time"
)

// Rooms are the chat rooms of an Enterprise account, with memberships of
// its users and bots. Every room operation is refused on a Team account
// (CheckEnterprise).

// RoomMembershipRole is a member's role in a room.
type RoomMembershipRole string

// Membership roles.
const (
	RoomAdministrator RoomMembershipRole = "Administrator"
	RoomMember        RoomMembershipRole = "Member"
)

// RoomMembershipRoles lists the roles in model order.
var RoomMembershipRoles = []RoomMembershipRole{RoomAdministrator, RoomMember}

// MemberType is what kind of member a room has.
type MemberType string

// Member types. Webhooks join rooms through the Chime client only.
const (
	MemberUser    MemberType = "User"
	MemberBot     MemberType = "Bot"
	MemberWebhook MemberType = "Webhook"
)

// MemberTypes lists the member types in model order.
var MemberTypes = []MemberType{MemberUser, MemberBot, MemberWebhook}

// Room is a chat room of a Chime account.
type Room struct {
	ID        string
	Name      string
	AccountID string
	// CreatedBy is the IAM ARN of the caller that created it.
	CreatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Member is a user or bot as a room's roster shows it.
type Member struct {
	ID        string
	Type      MemberType
	Email     string
	FullName  string
	AccountID string
}

// RoomMembership is one member of a room.
type RoomMembership struct {
	RoomID string
	Member Member
	Role   RoomMembershipRole
	// InvitedBy is the IAM ARN of the caller that added the member; a later
	// change of role keeps it.
	InvitedBy string
	UpdatedAt time.Time
}

// NewRoom is the input of CreateRoom. ClientRequestToken, when set, makes
// the creation idempotent (see RoomService).
type NewRoom struct {
	Name               string
	ClientRequestToken string
}

// MembershipItem is one member of BatchCreateRoomMembership.
type MembershipItem struct {
	MemberID string
	Role     RoomMembershipRole // "" is Member
}

// MemberError is the failure of one member of a batch.
type MemberError struct {
	MemberID string
	Code     ErrorCode
	Message  string
}

// RoomPage and RoomMembershipPage are pages of lists; Next is empty on the
// last page.
type (
	RoomPage struct {
		Rooms []Room
		Next  string
	}
	RoomMembershipPage struct {
		Memberships []RoomMembership
		Next        string
	}
)

// Limits of rooms.
const (
	// MaxRoomNameLength bounds a room's name; the model sets none.
	MaxRoomNameLength = 256
	// RoomTokenLifetime is how long a ClientRequestToken names the room it
	// created.
	RoomTokenLifetime = 24 * time.Hour
	// MaxMembershipItems is the model's bound on a batch of members.
	MaxMembershipItems = 50
)

// RoomService manages the rooms of Enterprise accounts. Every method
// returns NotFound for an account the owner does not have, Forbidden with
// NotEnterpriseMessage for a Team account, then NotFound for an unknown
// room or member. caller is the IAM ARN of the caller, recorded as
// CreatedBy and InvitedBy.
type RoomService interface {
	// CreateRoom creates an empty room. A ClientRequestToken seen in the
	// account within RoomTokenLifetime returns the room it created when
	// the name is the same, and BadRequest when it is not. Returns
	// BadRequest for a blank or too long name, Forbidden for a suspended
	// account.
	CreateRoom(ctx context.Context, owner Owner, caller, accountID string, in NewRoom) (*Room, error)
	// GetRoom returns the room.
	GetRoom(ctx context.Context, owner Owner, accountID, roomID string) (*Room, error)
	// UpdateRoom renames the room when name is not nil.
	UpdateRoom(ctx context.Context, owner Owner, accountID, roomID string, name *string) (*Room, error)
	// DeleteRoom deletes the room and its memberships, and returns the
	// memberships it removed (their bots are told).
	DeleteRoom(ctx context.Context, owner Owner, accountID, roomID string) ([]RoomMembership, error)
	// ListRooms lists the account's rooms in creation order, only those
	// with memberID among their members when it is set.
	ListRooms(ctx context.Context, owner Owner, accountID, memberID string, p PageRequest) (*RoomPage, error)
	// CreateRoomMembership adds a user or bot of the account. Returns
	// Conflict when it is a member already, NotFound for an unknown
	// member, BadRequest for a disabled bot or one without an events
	// configuration.
	CreateRoomMembership(ctx context.Context, owner Owner, caller, accountID, roomID string, item MembershipItem) (*RoomMembership, error)
	// BatchCreateRoomMembership adds or updates each member; failures are
	// reported per item and do not stop the others. It returns the
	// memberships that were added (not those updated).
	BatchCreateRoomMembership(ctx context.Context, owner Owner, caller, accountID, roomID string, items []MembershipItem) ([]RoomMembership, []MemberError, error)
	// UpdateRoomMembership changes a user member's role (BadRequest for a
	// bot).
	UpdateRoomMembership(ctx context.Context, owner Owner, accountID, roomID, memberID string, role *RoomMembershipRole) (*RoomMembership, error)
	// DeleteRoomMembership removes a member and returns the membership.
	DeleteRoomMembership(ctx context.Context, owner Owner, accountID, roomID, memberID string) (*RoomMembership, error)
	// ListRoomMemberships lists a room's members in the order they joined.
	ListRoomMemberships(ctx context.Context, owner Owner, accountID, roomID string, p PageRequest) (*RoomMembershipPage, error)
}

// NotEnterpriseMessage is the service's message for an Enterprise
// operation on a Team account.
const NotEnterpriseMessage = "Chime Account provided is not an Enterprise Chime Account"

// CheckEnterprise returns Forbidden, with the service's message, unless a
// is an Enterprise account.
func CheckEnterprise(a *Account) error {
	if a.Type.IsEnterprise() {
		return nil
	}
	return Errorf(Forbidden, "%s[AWS Account ID: %s][Chime Account ID: %s]", NotEnterpriseMessage, a.AwsAccountID, a.ID)
}

// CheckRoomName returns BadRequest unless name has a non-blank character
// and at most MaxRoomNameLength characters.
func CheckRoomName(name string) error {
	if n := len([]rune(name)); n == 0 || n > MaxRoomNameLength || !ValidNonEmpty(name) {
		return Errorf(BadRequest, "Name must be 1 to %d characters and not blank", MaxRoomNameLength)
	}
	return nil
}

var clientRequestTokenPattern = regexp.MustCompile(`^[-_a-zA-Z0-9]{2,64}$`)

// CheckClientRequestToken returns BadRequest for a token the model refuses
// ("" is none).
func CheckClientRequestToken(token string) error {
	if token != "" && !clientRequestTokenPattern.MatchString(token) {
		return Errorf(BadRequest, "ClientRequestToken must be 2 to 64 letters, digits, - and _")
	}
	return nil
}

// RoomRole is a membership item's role, Member when none is given, or
// BadRequest for an unknown one.
func RoomRole(r RoomMembershipRole) (RoomMembershipRole, error) {
	switch r {
	case "":
		return RoomMember, nil
	case RoomAdministrator, RoomMember:
		return r, nil
	}
	return "", Errorf(BadRequest, "Role must be one of %s", joinNames(RoomMembershipRoles, ", "))
}

// MemberErrorFor turns a domain error into a per-item batch error.
func MemberErrorFor(id string, err error) MemberError {
	u := UserErrorFor(id, err)
	return MemberError{MemberID: id, Code: u.Code, Message: u.Message}
}
