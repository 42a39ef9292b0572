package restjson

import (
	"time"

	"github.com/openchime/chime"
)

// The wire structures use the model's member names and order; members
// without a value are omitted, never sent as null.

// wireTime is a timestamp as the service sent it: RFC 3339, UTC, exactly
// three fractional digits.
type wireTime time.Time

const wireTimeLayout = "2006-01-02T15:04:05.000Z"

// MarshalText makes the JSON encoder write the timestamp as a string
// directly (a MarshalJSON result is parsed again by the encoder).
func (t wireTime) MarshalText() ([]byte, error) {
	return time.Time(t).UTC().AppendFormat(make([]byte, 0, len(wireTimeLayout)), wireTimeLayout), nil
}

func optTime(t time.Time) *wireTime {
	if t.IsZero() {
		return nil
	}
	w := wireTime(t)
	return &w
}

type wireSigninDelegateGroup struct {
	GroupName string `json:"GroupName,omitempty"`
}

type wireAccount struct {
	AwsAccountId         string                    `json:"AwsAccountId"`
	AccountId            string                    `json:"AccountId"`
	Name                 string                    `json:"Name"`
	AccountType          string                    `json:"AccountType,omitempty"`
	CreatedTimestamp     *wireTime                 `json:"CreatedTimestamp,omitempty"`
	DefaultLicense       string                    `json:"DefaultLicense,omitempty"`
	SupportedLicenses    []string                  `json:"SupportedLicenses"`
	AccountStatus        string                    `json:"AccountStatus,omitempty"`
	SigninDelegateGroups []wireSigninDelegateGroup `json:"SigninDelegateGroups"`
}

func toWireAccount(a *chime.Account) *wireAccount {
	w := &wireAccount{
		AwsAccountId:         a.AwsAccountID,
		AccountId:            a.ID,
		Name:                 a.Name,
		AccountType:          string(a.Type),
		CreatedTimestamp:     optTime(a.CreatedAt),
		DefaultLicense:       string(a.DefaultLicense),
		SupportedLicenses:    make([]string, len(a.SupportedLicenses)),
		AccountStatus:        string(a.Status),
		SigninDelegateGroups: make([]wireSigninDelegateGroup, len(a.SigninDelegateGroups)),
	}
	for i, l := range a.SupportedLicenses {
		w.SupportedLicenses[i] = string(l)
	}
	for i, g := range a.SigninDelegateGroups {
		w.SigninDelegateGroups[i] = wireSigninDelegateGroup{GroupName: g}
	}
	return w
}

type wireAlexaForBusinessMetadata struct {
	IsAlexaForBusinessEnabled *bool  `json:"IsAlexaForBusinessEnabled,omitempty"`
	AlexaForBusinessRoomArn   string `json:"AlexaForBusinessRoomArn,omitempty"`
}

type wireUser struct {
	UserId                   string                        `json:"UserId"`
	AccountId                string                        `json:"AccountId,omitempty"`
	PrimaryEmail             string                        `json:"PrimaryEmail,omitempty"`
	PrimaryProvisionedNumber string                        `json:"PrimaryProvisionedNumber,omitempty"`
	DisplayName              string                        `json:"DisplayName,omitempty"`
	LicenseType              string                        `json:"LicenseType,omitempty"`
	UserType                 string                        `json:"UserType,omitempty"`
	UserRegistrationStatus   string                        `json:"UserRegistrationStatus,omitempty"`
	UserInvitationStatus     string                        `json:"UserInvitationStatus,omitempty"`
	RegisteredOn             *wireTime                     `json:"RegisteredOn,omitempty"`
	InvitedOn                *wireTime                     `json:"InvitedOn,omitempty"`
	AlexaForBusinessMetadata *wireAlexaForBusinessMetadata `json:"AlexaForBusinessMetadata,omitempty"`
	PersonalPIN              string                        `json:"PersonalPIN,omitempty"`
}

func toWireUser(u *chime.User) *wireUser {
	enabled := u.AlexaForBusiness.Enabled
	return &wireUser{
		UserId:                   u.ID,
		AccountId:                u.AccountID,
		PrimaryEmail:             u.Email,
		PrimaryProvisionedNumber: u.PhoneNumber,
		DisplayName:              u.DisplayName,
		LicenseType:              string(u.License),
		UserType:                 string(u.Type),
		UserRegistrationStatus:   string(u.Registration),
		UserInvitationStatus:     string(u.Invitation),
		RegisteredOn:             optTime(u.RegisteredOn),
		InvitedOn:                optTime(u.InvitedOn),
		AlexaForBusinessMetadata: &wireAlexaForBusinessMetadata{
			IsAlexaForBusinessEnabled: &enabled,
			AlexaForBusinessRoomArn:   u.AlexaForBusiness.RoomARN,
		},
		PersonalPIN: u.PersonalPIN,
	}
}

func (m *wireAlexaForBusinessMetadata) toDomain() *chime.AlexaForBusinessMetadata {
	if m == nil {
		return nil
	}
	d := &chime.AlexaForBusinessMetadata{RoomARN: m.AlexaForBusinessRoomArn}
	if m.IsAlexaForBusinessEnabled != nil {
		d.Enabled = *m.IsAlexaForBusinessEnabled
	}
	return d
}

type wireUserError struct {
	UserId       string `json:"UserId,omitempty"`
	ErrorCode    string `json:"ErrorCode,omitempty"`
	ErrorMessage string `json:"ErrorMessage,omitempty"`
}

func toWireUserErrors(errs []chime.UserError) []wireUserError {
	out := make([]wireUserError, len(errs))
	for i, e := range errs {
		out[i] = wireUserError{UserId: e.UserID, ErrorCode: string(e.Code), ErrorMessage: e.Message}
	}
	return out
}

type wireInvite struct {
	InviteId     string `json:"InviteId,omitempty"`
	Status       string `json:"Status,omitempty"`
	EmailAddress string `json:"EmailAddress,omitempty"`
	EmailStatus  string `json:"EmailStatus,omitempty"`
}

type wireAccountSettings struct {
	DisableRemoteControl *bool `json:"DisableRemoteControl,omitempty"`
	EnableDialOut        *bool `json:"EnableDialOut,omitempty"`
}

type wireTelephonySettings struct {
	InboundCalling  bool `json:"InboundCalling"`
	OutboundCalling bool `json:"OutboundCalling"`
	SMS             bool `json:"SMS"`
}

type wireUserSettings struct {
	Telephony wireTelephonySettings `json:"Telephony"`
}

type wireUpdateUserRequestItem struct {
	UserId                   string                        `json:"UserId"`
	LicenseType              *string                       `json:"LicenseType"`
	UserType                 *string                       `json:"UserType"`
	AlexaForBusinessMetadata *wireAlexaForBusinessMetadata `json:"AlexaForBusinessMetadata"`
}

func (it *wireUpdateUserRequestItem) toDomain() chime.UserUpdate {
	return chime.UserUpdate{
		License:          (*chime.License)(it.LicenseType),
		Type:             (*chime.UserType)(it.UserType),
		AlexaForBusiness: it.AlexaForBusinessMetadata.toDomain(),
	}
}
