package chime

import "time"

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

// InviteStatus is the state of an invitation.
type InviteStatus string

// Invite statuses.
const (
	InvitePending  InviteStatus = "Pending"
	InviteAccepted InviteStatus = "Accepted"
	InviteFailed   InviteStatus = "Failed"
)

// EmailStatus says whether an invitation e-mail went out.
type EmailStatus string

// E-mail statuses.
const (
	EmailNotSent EmailStatus = "NotSent"
	EmailSent    EmailStatus = "Sent"
	EmailFailed  EmailStatus = "Failed"
)

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

// UserFilter narrows ListUsers.
type UserFilter struct {
	Email string
	Type  UserType
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
