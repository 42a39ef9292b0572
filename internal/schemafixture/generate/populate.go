package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime/client"
)

// The schema versions that first store a kind of row.
const (
	// rekeyVersion normalises e-mail keys: before it, addresses that only
	// look alike were different users.
	rekeyVersion = 3
	// phoneVersion stores phone numbers, orders and AWS account settings.
	phoneVersion = 4
	// chatVersion stores rooms, memberships, bots, events configurations
	// and retention settings.
	chatVersion = 5
)

// populate fills the server at endpoint with what a database at schema
// version holds: every kind of row that version stores, in the states the
// API could put it in. Each call must succeed; a step that a version
// refuses belongs behind that version's gate.
func populate(ctx context.Context, version int, endpoint string) error {
	p := &populator{ctx: ctx, version: version}
	p.a, p.adminA = clients(endpoint, keyA)
	p.b, _ = clients(endpoint, keyB)
	p.run()
	return p.err
}

func clients(endpoint, key string) (*awschime.Client, *client.Client) {
	creds := credentials.NewStaticCredentialsProvider(key, secret, "")
	sdk := awschime.New(awschime.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint), Retryer: aws.NopRetryer{},
		Credentials: creds})
	return sdk, client.New(endpoint, creds, nil)
}

// populator keeps the first error; every call after it does nothing.
type populator struct {
	ctx     context.Context
	version int
	a, b    *awschime.Client
	adminA  *client.Client
	err     error
}

// ok records err as the step's failure, and reports whether all went well.
func (p *populator) ok(step string, err error) bool {
	if p.err == nil && err != nil {
		p.err = fmt.Errorf("%s: %w", step, err)
	}
	return p.err == nil
}

// adminAccount creates an account of any type through the extension.
func (p *populator) adminAccount(name string, t types.AccountType) string {
	if p.err != nil {
		return ""
	}
	resp, err := p.adminA.Call(p.ctx, "AdminCreateAccount", map[string]any{"Name": name, "AccountType": string(t)})
	if !p.ok("AdminCreateAccount "+name, err) {
		return ""
	}
	var out struct{ Account struct{ AccountId string } }
	if !p.ok("AdminCreateAccount "+name, json.Unmarshal(resp.Body, &out)) {
		return ""
	}
	return out.Account.AccountId
}

func (p *populator) createUser(accountID, email, username string, t types.UserType) string {
	if p.err != nil {
		return ""
	}
	in := &awschime.CreateUserInput{AccountId: aws.String(accountID), Email: aws.String(email), UserType: t}
	if username != "" {
		in.Username = aws.String(username)
	}
	out, err := p.a.CreateUser(p.ctx, in)
	if !p.ok("CreateUser "+email, err) {
		return ""
	}
	return aws.ToString(out.User.UserId)
}

// userErrors turns a batch's per-item errors into a failure.
func userErrors(errs []types.UserError) error {
	if len(errs) > 0 {
		return fmt.Errorf("%s: %s", aws.ToString(errs[0].UserId), aws.ToString(errs[0].ErrorMessage))
	}
	return nil
}

func (p *populator) run() {
	ctx, a := p.ctx, p.a

	// A Team account, renamed, with settings, invited users of both
	// types and one removed again (suspending a Team user removes it).
	if p.err != nil {
		return
	}
	team, err := a.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Team Alpha")})
	if !p.ok("CreateAccount", err) {
		return
	}
	teamID := aws.ToString(team.Account.AccountId)
	_, err = a.UpdateAccount(ctx, &awschime.UpdateAccountInput{AccountId: aws.String(teamID), Name: aws.String("Team Alpha Renamed"),
		DefaultLicense: types.LicenseBasic})
	p.ok("UpdateAccount", err)
	_, err = a.UpdateAccountSettings(ctx, &awschime.UpdateAccountSettingsInput{AccountId: aws.String(teamID),
		AccountSettings: &types.AccountSettings{DisableRemoteControl: aws.Bool(true), EnableDialOut: aws.Bool(false)}})
	p.ok("UpdateAccountSettings", err)
	invited, err := a.InviteUsers(ctx, &awschime.InviteUsersInput{AccountId: aws.String(teamID), UserType: types.UserTypePrivateUser,
		UserEmailList: []string{"ann@team.example.com", "ben@team.example.com", "cat@team.example.com"}})
	if !p.ok("InviteUsers", err) {
		return
	}
	_, err = a.InviteUsers(ctx, &awschime.InviteUsersInput{AccountId: aws.String(teamID), UserType: types.UserTypeSharedDevice,
		UserEmailList: []string{"lobby@team.example.com"}})
	p.ok("InviteUsers SharedDevice", err)
	ben, err := a.ListUsers(ctx, &awschime.ListUsersInput{AccountId: aws.String(teamID), UserEmail: invited.Invites[1].EmailAddress})
	if !p.ok("ListUsers", err) {
		return
	}
	if len(ben.Users) != 1 {
		p.ok("ListUsers", fmt.Errorf("%d users with %s", len(ben.Users), aws.ToString(invited.Invites[1].EmailAddress)))
		return
	}
	suspended, err := a.BatchSuspendUser(ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(teamID),
		UserIdList: []string{aws.ToString(ben.Users[0].UserId)}})
	if p.ok("BatchSuspendUser Team", err) {
		p.ok("BatchSuspendUser Team", userErrors(suspended.UserErrors))
	}

	// An EnterpriseLWA account: users of both types, one suspended, one
	// suspended and back, one with a new license, one linked to Alexa for
	// Business, one signed out, one with a new PIN and settings.
	lwa := p.adminAccount("LWA Corp", types.AccountTypeEnterpriseLWA)
	alice := p.createUser(lwa, "alice@lwa.example.com", "Alice Example", types.UserTypePrivateUser)
	bob := p.createUser(lwa, "Bob@LWA.example.com", "", types.UserTypePrivateUser)
	device := p.createUser(lwa, "boardroom@lwa.example.com", "", types.UserTypeSharedDevice)
	carol := p.createUser(lwa, "carol@lwa.example.com", "Carol", types.UserTypePrivateUser)
	dave := p.createUser(lwa, "dave@lwa.example.com", "Dave", types.UserTypePrivateUser)
	if p.err != nil {
		return
	}
	suspended, err = a.BatchSuspendUser(ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(lwa), UserIdList: []string{carol, dave}})
	if p.ok("BatchSuspendUser", err) {
		p.ok("BatchSuspendUser", userErrors(suspended.UserErrors))
	}
	unsuspended, err := a.BatchUnsuspendUser(ctx, &awschime.BatchUnsuspendUserInput{AccountId: aws.String(lwa), UserIdList: []string{dave}})
	if p.ok("BatchUnsuspendUser", err) {
		p.ok("BatchUnsuspendUser", userErrors(unsuspended.UserErrors))
	}
	_, err = a.UpdateUser(ctx, &awschime.UpdateUserInput{AccountId: aws.String(lwa), UserId: aws.String(alice), LicenseType: types.LicenseBasic})
	p.ok("UpdateUser", err)
	updated, err := a.BatchUpdateUser(ctx, &awschime.BatchUpdateUserInput{AccountId: aws.String(lwa),
		UpdateUserRequestItems: []types.UpdateUserRequestItem{{UserId: aws.String(device), AlexaForBusinessMetadata: &types.AlexaForBusinessMetadata{
			IsAlexaForBusinessEnabled: aws.Bool(true), AlexaForBusinessRoomArn: aws.String("arn:aws:a4b:us-east-1:111122223333:room/boardroom")}}}})
	if p.ok("BatchUpdateUser", err) {
		p.ok("BatchUpdateUser", userErrors(updated.UserErrors))
	}
	_, err = a.LogoutUser(ctx, &awschime.LogoutUserInput{AccountId: aws.String(lwa), UserId: aws.String(bob)})
	p.ok("LogoutUser", err)
	_, err = a.ResetPersonalPIN(ctx, &awschime.ResetPersonalPINInput{AccountId: aws.String(lwa), UserId: aws.String(alice)})
	p.ok("ResetPersonalPIN", err)
	_, err = a.UpdateUserSettings(ctx, &awschime.UpdateUserSettingsInput{AccountId: aws.String(lwa), UserId: aws.String(alice),
		UserSettings: &types.UserSettings{Telephony: &types.TelephonySettings{InboundCalling: aws.Bool(true), OutboundCalling: aws.Bool(true), SMS: aws.Bool(false)}}})
	p.ok("UpdateUserSettings", err)

	// An EnterpriseDirectory account with sign-in delegate groups (one
	// removed again) and dial-out on. Before version 3 an address and a
	// look-alike (full-width letters) were two users, and an address
	// only a normalisation makes ASCII was its own key.
	dir := p.adminAccount("Directory Corp", types.AccountTypeEnterpriseDirectory)
	if p.err != nil {
		return
	}
	_, err = a.AssociateSigninDelegateGroupsWithAccount(ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{AccountId: aws.String(dir),
		SigninDelegateGroups: []types.SigninDelegateGroup{{GroupName: aws.String("engineering")}, {GroupName: aws.String("sales")}, {GroupName: aws.String("support")}}})
	p.ok("AssociateSigninDelegateGroupsWithAccount", err)
	_, err = a.DisassociateSigninDelegateGroupsFromAccount(ctx, &awschime.DisassociateSigninDelegateGroupsFromAccountInput{AccountId: aws.String(dir),
		GroupNames: []string{"sales"}})
	p.ok("DisassociateSigninDelegateGroupsFromAccount", err)
	_, err = a.UpdateAccountSettings(ctx, &awschime.UpdateAccountSettingsInput{AccountId: aws.String(dir),
		AccountSettings: &types.AccountSettings{EnableDialOut: aws.Bool(true)}})
	p.ok("UpdateAccountSettings", err)
	erin := p.createUser(dir, "erin@directory.example.com", "Erin", types.UserTypePrivateUser)
	frank := p.createUser(dir, "frank@directory.example.com", "Frank", types.UserTypePrivateUser)
	p.createUser(dir, "hall@directory.example.com", "", types.UserTypeSharedDevice)
	if p.version < rekeyVersion {
		p.createUser(dir, "Jane.Doe@directory.example.com", "Jane", types.UserTypePrivateUser)
		p.createUser(dir, "\uff4a\uff41\uff4e\uff45.doe@directory.example.com", "Jane Lookalike", types.UserTypePrivateUser)
		p.createUser(dir, "\uff27\uff52\uff41\uff43\uff45@directory.example.com", "Grace", types.UserTypePrivateUser)
	}

	// An EnterpriseOIDC account with a group and a user.
	oidc := p.adminAccount("OIDC Corp", types.AccountTypeEnterpriseOIDC)
	if p.err != nil {
		return
	}
	_, err = a.AssociateSigninDelegateGroupsWithAccount(ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{AccountId: aws.String(oidc),
		SigninDelegateGroups: []types.SigninDelegateGroup{{GroupName: aws.String("oidc-users")}}})
	p.ok("AssociateSigninDelegateGroupsWithAccount", err)
	p.createUser(oidc, "olga@oidc.example.com", "Olga", types.UserTypePrivateUser)

	// An account suspended with a user in it.
	frozen := p.adminAccount("Suspended Corp", types.AccountTypeEnterpriseDirectory)
	p.createUser(frozen, "sam@suspended.example.com", "Sam", types.UserTypePrivateUser)
	if p.err != nil {
		return
	}
	_, err = p.adminA.Call(ctx, "AdminUpdateAccount", map[string]any{"AccountId": frozen, "AccountStatus": "Suspended"})
	p.ok("AdminUpdateAccount", err)

	// Another AWS account: a Team account with an address owner A uses
	// too, which is no conflict across owners.
	beta, err := p.b.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Beta Team")})
	if !p.ok("CreateAccount B", err) {
		return
	}
	_, err = p.b.InviteUsers(ctx, &awschime.InviteUsersInput{AccountId: beta.Account.AccountId,
		UserEmailList: []string{"alice@lwa.example.com", "zed@beta.example.com"}})
	p.ok("InviteUsers B", err)

	if p.version >= phoneVersion {
		p.phoneNumbers(lwa, alice)
	}
	if p.version >= chatVersion {
		p.chat(dir, erin, frank)
	}
}

// phoneNumbers writes both AWS accounts' settings, orders and numbers:
// numbers of both products, one with a calling name of its own, one
// assigned to a user of the account, one deleted (within its retention),
// an order that partly failed, and a number of the other AWS account.
func (p *populator) phoneNumbers(accountID, userID string) {
	ctx, a := p.ctx, p.a
	if p.err != nil {
		return
	}
	// The default calling name first: the numbers ordered next take it.
	_, err := a.UpdatePhoneNumberSettings(ctx, &awschime.UpdatePhoneNumberSettingsInput{CallingName: aws.String("Fixture Co")})
	p.ok("UpdatePhoneNumberSettings", err)
	_, err = a.UpdateGlobalSettings(ctx, &awschime.UpdateGlobalSettingsInput{
		BusinessCalling: &types.BusinessCallingSettings{CdrBucket: aws.String("fixture-business-cdr")},
		VoiceConnector:  &types.VoiceConnectorSettings{CdrBucket: aws.String("fixture-voice-cdr")}})
	p.ok("UpdateGlobalSettings", err)
	local, err := a.SearchAvailablePhoneNumbers(ctx, &awschime.SearchAvailablePhoneNumbersInput{AreaCode: aws.String("206"), MaxResults: aws.Int32(6)})
	if !p.ok("SearchAvailablePhoneNumbers", err) {
		return
	}
	tollFree, err := a.SearchAvailablePhoneNumbers(ctx, &awschime.SearchAvailablePhoneNumbersInput{TollFreePrefix: aws.String("888"), MaxResults: aws.Int32(2)})
	if !p.ok("SearchAvailablePhoneNumbers toll-free", err) {
		return
	}
	if len(local.E164PhoneNumbers) < 6 || len(tollFree.E164PhoneNumbers) < 2 {
		p.ok("SearchAvailablePhoneNumbers", fmt.Errorf("found %d local and %d toll-free numbers", len(local.E164PhoneNumbers), len(tollFree.E164PhoneNumbers)))
		return
	}
	n := local.E164PhoneNumbers
	// The other AWS account holds one number, which owner A's order
	// then fails to get.
	_, err = p.b.CreatePhoneNumberOrder(ctx, &awschime.CreatePhoneNumberOrderInput{ProductType: types.PhoneNumberProductTypeBusinessCalling,
		E164PhoneNumbers: []string{n[5]}})
	p.ok("CreatePhoneNumberOrder B", err)
	_, err = a.CreatePhoneNumberOrder(ctx, &awschime.CreatePhoneNumberOrderInput{ProductType: types.PhoneNumberProductTypeBusinessCalling,
		E164PhoneNumbers: []string{n[0], n[1], n[2], n[3]}})
	p.ok("CreatePhoneNumberOrder", err)
	_, err = a.CreatePhoneNumberOrder(ctx, &awschime.CreatePhoneNumberOrderInput{ProductType: types.PhoneNumberProductTypeVoiceConnector,
		E164PhoneNumbers: []string{tollFree.E164PhoneNumbers[0], n[5]}})
	p.ok("CreatePhoneNumberOrder partial", err)
	if p.err != nil {
		return
	}
	// Orders complete and calling names settle after a second (the
	// server's --order-delay and --calling-name-delay).
	time.Sleep(2500 * time.Millisecond)
	_, err = a.UpdatePhoneNumber(ctx, &awschime.UpdatePhoneNumberInput{PhoneNumberId: aws.String(n[1]), CallingName: aws.String("Sales Desk")})
	p.ok("UpdatePhoneNumber", err)
	batch, err := a.BatchUpdatePhoneNumber(ctx, &awschime.BatchUpdatePhoneNumberInput{UpdatePhoneNumberRequestItems: []types.UpdatePhoneNumberRequestItem{
		{PhoneNumberId: aws.String(n[3]), ProductType: types.PhoneNumberProductTypeVoiceConnector}}})
	if p.ok("BatchUpdatePhoneNumber", err) && len(batch.PhoneNumberErrors) > 0 {
		p.ok("BatchUpdatePhoneNumber", fmt.Errorf("%s", aws.ToString(batch.PhoneNumberErrors[0].ErrorMessage)))
	}
	_, err = a.AssociatePhoneNumberWithUser(ctx, &awschime.AssociatePhoneNumberWithUserInput{AccountId: aws.String(accountID),
		UserId: aws.String(userID), E164PhoneNumber: aws.String(n[0])})
	p.ok("AssociatePhoneNumberWithUser", err)
	_, err = a.DeletePhoneNumber(ctx, &awschime.DeletePhoneNumberInput{PhoneNumberId: aws.String(n[2])})
	p.ok("DeletePhoneNumber", err)
	_, err = p.b.UpdateGlobalSettings(ctx, &awschime.UpdateGlobalSettingsInput{
		BusinessCalling: &types.BusinessCallingSettings{CdrBucket: aws.String("beta-business-cdr")}})
	p.ok("UpdateGlobalSettings B", err)
}

// chat writes rooms (one named by a ClientRequestToken, one renamed),
// memberships of users and a bot with both roles, bots (one stopped, one
// with an events configuration and a new token) and retention settings.
func (p *populator) chat(accountID, erin, frank string) {
	ctx, a := p.ctx, p.a
	if p.err != nil {
		return
	}
	acc := aws.String(accountID)
	helper, err := a.CreateBot(ctx, &awschime.CreateBotInput{AccountId: acc, DisplayName: aws.String("Helper"), Domain: aws.String("directory.example.com")})
	if !p.ok("CreateBot", err) {
		return
	}
	reporter, err := a.CreateBot(ctx, &awschime.CreateBotInput{AccountId: acc, DisplayName: aws.String("Reporter")})
	if !p.ok("CreateBot", err) {
		return
	}
	helperID, reporterID := aws.ToString(helper.Bot.BotId), aws.ToString(reporter.Bot.BotId)
	_, err = a.UpdateBot(ctx, &awschime.UpdateBotInput{AccountId: acc, BotId: aws.String(reporterID), Disabled: aws.Bool(true)})
	p.ok("UpdateBot", err)
	_, err = a.PutEventsConfiguration(ctx, &awschime.PutEventsConfigurationInput{AccountId: acc, BotId: aws.String(helperID),
		LambdaFunctionArn: aws.String("arn:aws:lambda:us-east-1:111122223333:function:helper")})
	p.ok("PutEventsConfiguration", err)
	_, err = a.RegenerateSecurityToken(ctx, &awschime.RegenerateSecurityTokenInput{AccountId: acc, BotId: aws.String(helperID)})
	p.ok("RegenerateSecurityToken", err)

	general, err := a.CreateRoom(ctx, &awschime.CreateRoomInput{AccountId: acc, Name: aws.String("General"), ClientRequestToken: aws.String("fixture-general")})
	if !p.ok("CreateRoom", err) {
		return
	}
	random, err := a.CreateRoom(ctx, &awschime.CreateRoomInput{AccountId: acc, Name: aws.String("Random")})
	if !p.ok("CreateRoom", err) {
		return
	}
	generalID, randomID := general.Room.RoomId, random.Room.RoomId
	_, err = a.UpdateRoom(ctx, &awschime.UpdateRoomInput{AccountId: acc, RoomId: randomID, Name: aws.String("Random Talk")})
	p.ok("UpdateRoom", err)
	members, err := a.BatchCreateRoomMembership(ctx, &awschime.BatchCreateRoomMembershipInput{AccountId: acc, RoomId: generalID,
		MembershipItemList: []types.MembershipItem{{MemberId: aws.String(erin), Role: types.RoomMembershipRoleAdministrator},
			{MemberId: aws.String(frank), Role: types.RoomMembershipRoleMember}, {MemberId: aws.String(helperID)}}})
	if p.ok("BatchCreateRoomMembership", err) && len(members.Errors) > 0 {
		p.ok("BatchCreateRoomMembership", fmt.Errorf("%s", aws.ToString(members.Errors[0].ErrorMessage)))
	}
	_, err = a.UpdateRoomMembership(ctx, &awschime.UpdateRoomMembershipInput{AccountId: acc, RoomId: generalID, MemberId: aws.String(frank),
		Role: types.RoomMembershipRoleAdministrator})
	p.ok("UpdateRoomMembership", err)
	_, err = a.CreateRoomMembership(ctx, &awschime.CreateRoomMembershipInput{AccountId: acc, RoomId: randomID, MemberId: aws.String(erin)})
	p.ok("CreateRoomMembership", err)
	_, err = a.PutRetentionSettings(ctx, &awschime.PutRetentionSettingsInput{AccountId: acc, RetentionSettings: &types.RetentionSettings{
		RoomRetentionSettings:         &types.RoomRetentionSettings{RetentionDays: aws.Int32(30)},
		ConversationRetentionSettings: &types.ConversationRetentionSettings{RetentionDays: aws.Int32(60)}}})
	p.ok("PutRetentionSettings", err)
}
