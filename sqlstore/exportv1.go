package sqlstore

import "strings"

// Version 1 of the export format wrote accounts and users as the typed
// records below. Import turns each into the row it was made from.

// AccountRecord is a stored account in a version 1 export. Times are Unix
// milliseconds.
type AccountRecord struct {
	AwsAccountID         string   `json:"AwsAccountId"`
	ID                   string   `json:"AccountId"`
	Name                 string   `json:"Name"`
	Type                 string   `json:"AccountType"`
	CreatedAt            int64    `json:"CreatedAt"`
	DefaultLicense       string   `json:"DefaultLicense"`
	SupportedLicenses    []string `json:"SupportedLicenses"`
	Status               string   `json:"AccountStatus"`
	SigninDelegateGroups []string `json:"SigninDelegateGroups"`
	DisableRemoteControl bool     `json:"DisableRemoteControl"`
	EnableDialOut        bool     `json:"EnableDialOut"`
}

// UserRecord is a stored user in a version 1 export. Times are Unix
// milliseconds.
type UserRecord struct {
	AwsAccountID    string `json:"AwsAccountId"`
	AccountID       string `json:"AccountId"`
	ID              string `json:"UserId"`
	Email           string `json:"Email"`
	Username        string `json:"Username"`
	DisplayName     string `json:"DisplayName"`
	PhoneNumber     string `json:"PhoneNumber"`
	License         string `json:"License"`
	Type            string `json:"UserType"`
	Registration    string `json:"Registration"`
	Invitation      string `json:"Invitation"`
	RegisteredOn    *int64 `json:"RegisteredOn"`
	InvitedOn       *int64 `json:"InvitedOn"`
	A4BEnabled      bool   `json:"AlexaForBusinessEnabled"`
	A4BRoomARN      string `json:"AlexaForBusinessRoomArn"`
	PersonalPIN     string `json:"PersonalPIN"`
	InboundCalling  bool   `json:"InboundCalling"`
	OutboundCalling bool   `json:"OutboundCalling"`
	SMS             bool   `json:"SMS"`
	LastLogoutAt    *int64 `json:"LastLogoutAt"`
}

// row is the accounts row the record was exported from.
func (a *AccountRecord) row() Row {
	groups := a.SigninDelegateGroups
	if groups == nil {
		groups = []string{}
	}
	return Row{
		"aws_account_id":         a.AwsAccountID,
		"id":                     a.ID,
		"name":                   a.Name,
		"account_type":           a.Type,
		"created_at":             a.CreatedAt,
		"default_license":        a.DefaultLicense,
		"supported_licenses":     strings.Join(a.SupportedLicenses, ","),
		"status":                 a.Status,
		"signin_delegate_groups": groupsColumn(groups),
		"disable_remote_control": boolInt(a.DisableRemoteControl),
		"enable_dial_out":        boolInt(a.EnableDialOut),
	}
}

// row is the users row the record was exported from.
func (u *UserRecord) row() Row {
	return Row{
		"aws_account_id":   u.AwsAccountID,
		"account_id":       u.AccountID,
		"id":               u.ID,
		"email":            u.Email,
		"email_key":        emailKey(u.Email),
		"username":         u.Username,
		"display_name":     u.DisplayName,
		"phone_number":     u.PhoneNumber,
		"license":          u.License,
		"user_type":        u.Type,
		"registration":     u.Registration,
		"invitation":       u.Invitation,
		"registered_on":    nullableInt(u.RegisteredOn),
		"invited_on":       nullableInt(u.InvitedOn),
		"a4b_enabled":      boolInt(u.A4BEnabled),
		"a4b_room_arn":     u.A4BRoomARN,
		"personal_pin":     u.PersonalPIN,
		"inbound_calling":  boolInt(u.InboundCalling),
		"outbound_calling": boolInt(u.OutboundCalling),
		"sms":              boolInt(u.SMS),
		"last_logout_at":   nullableInt(u.LastLogoutAt),
	}
}

// nullableInt is a row's value for an optional integer.
func nullableInt(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
