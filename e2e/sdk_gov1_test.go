package e2e

import (
	"bufio"
	"errors"
	"fmt"
	"net/http"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/chime"
)

// aws-sdk-go v1 (github.com/aws/aws-sdk-go/service/chime), which many
// older tools still use, against the built server: every implemented
// operation with its modelled errors, paging, and the SDK's retries.

// exampleAccount is the account `chime server --dev` creates
// (EnterpriseDirectory).
const exampleAccount = "12a3456b-7c89-012d-3456-78901e23fg45"

// v1Record is what a suite called, by operation, as the SDK's Complete
// handler saw it after any retries.
type v1Record struct {
	mu        sync.Mutex
	succeeded []string
	errors    map[string][]string
	cases     int
}

func (r *v1Record) complete(req *request.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	op := req.Operation.Name
	// Only the server's answers count: not what v1 refused before sending.
	var ae awserr.RequestFailure
	switch {
	case req.Error == nil:
		if !slices.Contains(r.succeeded, op) {
			r.succeeded = append(r.succeeded, op)
		}
	case errors.As(req.Error, &ae) && !slices.Contains(r.errors[op], ae.Code()):
		if r.errors == nil {
			r.errors = map[string][]string{}
		}
		r.errors[op] = append(r.errors[op], ae.Code())
	}
}

// v1Client is a Chime client signed with the development pair. maxRetries
// is the SDK's MaxRetries, or aws.UseServiceDefaultRetries for its default
// retryer. rec, if not nil, records every call.
func v1Client(t testing.TB, url, secret string, maxRetries int, rec *v1Record) *chime.Chime {
	t.Helper()
	// A client of its own: for a CA bundle named by the environment, v1
	// sets the transport of the client it is given, by default
	// http.DefaultClient, which parallel subtests are using.
	sess, err := session.NewSessionWithOptions(session.Options{
		SharedConfigState: session.SharedConfigDisable,
		Config: aws.Config{
			HTTPClient: &http.Client{},
			Endpoint:   aws.String(url), Region: aws.String("us-east-1"), MaxRetries: aws.Int(maxRetries),
			Credentials: credentials.NewStaticCredentials("test", secret, ""),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := chime.New(sess)
	if rec != nil {
		c.Handlers.Complete.PushBack(rec.complete)
	}
	return c
}

// v1Wire is the wire form of each modelled error, as restjson/errors.go
// writes it: the HTTP status and the Code member of the body.
var v1Wire = map[string]struct {
	status int
	code   string
}{
	chime.ErrCodeBadRequestException:            {400, "BadRequest"},
	chime.ErrCodeForbiddenException:             {403, "Forbidden"},
	chime.ErrCodeNotFoundException:              {404, "NotFound"},
	chime.ErrCodeConflictException:              {409, "Conflict"},
	chime.ErrCodeUnprocessableEntityException:   {422, "Unprocessable"},
	chime.ErrCodeThrottledClientException:       {429, "Throttled"},
	chime.ErrCodeServiceFailureException:        {500, "ServiceFailure"},
	chime.ErrCodeServiceUnavailableException:    {503, "ServiceUnavailable"},
	chime.ErrCodeResourceLimitExceededException: {400, "ResourceLimitExceeded"},
}

// v1Fails checks that err is the modelled exception E (the SDK's typed
// error, e.g. *chime.NotFoundException) with its code, HTTP status and the
// body's Code, and returns it.
func v1Fails[E interface {
	awserr.RequestFailure
	*chime.NotFoundException | *chime.BadRequestException | *chime.ConflictException | *chime.ForbiddenException |
		*chime.UnprocessableEntityException | *chime.ThrottledClientException | *chime.ServiceFailureException |
		*chime.ServiceUnavailableException
}](t *testing.T, rec *v1Record, what string, err error) E {
	t.Helper()
	var typed E
	if !errors.As(err, &typed) {
		t.Fatalf("%s: got %v, want %T", what, err, typed)
	}
	want, ok := v1Wire[typed.Code()]
	if !ok {
		t.Fatalf("%s: unexpected code %s", what, typed.Code())
	}
	if typed.StatusCode() != want.status || typed.RequestID() == "" || typed.Message() == "" {
		t.Errorf("%s: status %d, request id %q, message %q; want status %d", what, typed.StatusCode(), typed.RequestID(), typed.Message(), want.status)
	}
	// The body's Code member, which v1 keeps in the typed error.
	var bodyCode string
	switch e := any(typed).(type) {
	case *chime.NotFoundException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.BadRequestException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.ConflictException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.ForbiddenException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.UnprocessableEntityException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.ThrottledClientException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.ServiceFailureException:
		bodyCode = aws.StringValue(e.Code_)
	case *chime.ServiceUnavailableException:
		bodyCode = aws.StringValue(e.Code_)
	}
	if bodyCode != want.code {
		t.Errorf("%s: Code %q, want %q", what, bodyCode, want.code)
	}
	if rec != nil {
		rec.mu.Lock()
		rec.cases++
		rec.mu.Unlock()
	}
	return typed
}

// v1Must fails the test on err.
func v1Must[T any](t *testing.T, what string) func(T, error) T {
	return func(out T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return out
	}
}

// admin runs `chime admin ...` against url and returns its output.
func admin(t *testing.T, url string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, append(append([]string{"admin"}, args...), "--endpoint-url", url)...)
	cmd.Env = cleanEnv(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chime admin %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

var accountIDField = regexp.MustCompile(`"AccountId": "([^"]+)"`)

// adminCreateAccount makes an account of any type through the extension.
func adminCreateAccount(t *testing.T, url, name, typ string) string {
	m := accountIDField.FindStringSubmatch(admin(t, url, "create-account", "--name", name, "--account-type", typ))
	if m == nil {
		t.Fatal("chime admin create-account printed no AccountId")
	}
	return m[1]
}

// requestCount is the server's count of requests of op answered with
// status, from its metrics: what reached the server, whatever the SDK says.
func requestCount(t *testing.T, url, op string, status int) int {
	t.Helper()
	resp, err := http.Get(url + "/_chime/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	prefix := fmt.Sprintf(`chime_requests_total{operation=%q,status="%d"} `, op, status)
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

func TestGoV1SDKOperations(t *testing.T) {
	s := startServer(t, "--dev", "--deletion-retention", "2s")
	rec := &v1Record{}
	c := v1Client(t, s.url, "test", 0, rec)
	str, i64, b := aws.String, aws.Int64, aws.Bool

	// Accounts
	team := v1Must[*chime.CreateAccountOutput](t, "CreateAccount")(c.CreateAccount(&chime.CreateAccountInput{Name: str("v1 team")})).Account
	if aws.StringValue(team.AccountType) != "Team" || aws.StringValue(team.AwsAccountId) != "000000000000" ||
		!slices.Equal(aws.StringValueSlice(team.SupportedLicenses), []string{"Basic", "Pro"}) {
		t.Fatalf("CreateAccount: %v", team)
	}
	teamID := aws.StringValue(team.AccountId)
	_, err := c.CreateAccount(&chime.CreateAccountInput{Name: str(" ")})
	v1Fails[*chime.BadRequestException](t, rec, "CreateAccount blank", err)
	got := v1Must[*chime.GetAccountOutput](t, "GetAccount")(c.GetAccount(&chime.GetAccountInput{AccountId: str(teamID)})).Account
	if aws.StringValue(got.Name) != "v1 team" || aws.TimeValue(got.CreatedTimestamp).Year() < 2026 {
		t.Errorf("GetAccount: %v", got)
	}
	_, err = c.GetAccount(&chime.GetAccountInput{AccountId: str("no-such-account")})
	v1Fails[*chime.NotFoundException](t, rec, "GetAccount", err)
	listed := v1Must[*chime.ListAccountsOutput](t, "ListAccounts")(c.ListAccounts(&chime.ListAccountsInput{Name: str("v1")})).Accounts
	if len(listed) != 1 || aws.StringValue(listed[0].AccountId) != teamID {
		t.Errorf("ListAccounts by name: %v", listed)
	}
	_, err = c.ListAccounts(&chime.ListAccountsInput{MaxResults: i64(500)})
	v1Fails[*chime.BadRequestException](t, rec, "ListAccounts MaxResults 500", err)
	up := v1Must[*chime.UpdateAccountOutput](t, "UpdateAccount")(c.UpdateAccount(&chime.UpdateAccountInput{
		AccountId: str(teamID), Name: str("renamed"), DefaultLicense: str("Basic")})).Account
	if aws.StringValue(up.Name) != "renamed" || aws.StringValue(up.DefaultLicense) != "Basic" {
		t.Errorf("UpdateAccount: %v", up)
	}
	_, err = c.UpdateAccount(&chime.UpdateAccountInput{AccountId: str(teamID), DefaultLicense: str("Plus")})
	v1Fails[*chime.BadRequestException](t, rec, "UpdateAccount Plus", err)
	_, err = c.UpdateAccount(&chime.UpdateAccountInput{AccountId: str("no-such-account"), Name: str("x")})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateAccount", err)
	settings := v1Must[*chime.GetAccountSettingsOutput](t, "GetAccountSettings")(c.GetAccountSettings(&chime.GetAccountSettingsInput{AccountId: str(teamID)})).AccountSettings
	if aws.BoolValue(settings.DisableRemoteControl) || aws.BoolValue(settings.EnableDialOut) || settings.DisableRemoteControl == nil {
		t.Errorf("GetAccountSettings: %v", settings)
	}
	v1Must[*chime.UpdateAccountSettingsOutput](t, "UpdateAccountSettings")(c.UpdateAccountSettings(&chime.UpdateAccountSettingsInput{
		AccountId: str(teamID), AccountSettings: &chime.AccountSettings{DisableRemoteControl: b(true)}}))
	if s := v1Must[*chime.GetAccountSettingsOutput](t, "GetAccountSettings")(c.GetAccountSettings(&chime.GetAccountSettingsInput{AccountId: str(teamID)})); !aws.BoolValue(s.AccountSettings.DisableRemoteControl) {
		t.Errorf("UpdateAccountSettings did not stick: %v", s)
	}
	_, err = c.GetAccountSettings(&chime.GetAccountSettingsInput{AccountId: str("no-such-account")})
	v1Fails[*chime.NotFoundException](t, rec, "GetAccountSettings", err)
	_, err = c.UpdateAccountSettings(&chime.UpdateAccountSettingsInput{AccountId: str("no-such-account"), AccountSettings: &chime.AccountSettings{EnableDialOut: b(true)}})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateAccountSettings", err)
	v1Must[*chime.AssociateSigninDelegateGroupsWithAccountOutput](t, "AssociateSigninDelegateGroupsWithAccount")(c.AssociateSigninDelegateGroupsWithAccount(
		&chime.AssociateSigninDelegateGroupsWithAccountInput{AccountId: str(exampleAccount), SigninDelegateGroups: []*chime.SigninDelegateGroup{{GroupName: str("room-admins")}}}))
	v1Must[*chime.DisassociateSigninDelegateGroupsFromAccountOutput](t, "DisassociateSigninDelegateGroupsFromAccount")(c.DisassociateSigninDelegateGroupsFromAccount(
		&chime.DisassociateSigninDelegateGroupsFromAccountInput{AccountId: str(exampleAccount), GroupNames: strs("room-admins")}))
	_, err = c.AssociateSigninDelegateGroupsWithAccount(&chime.AssociateSigninDelegateGroupsWithAccountInput{
		AccountId: str(teamID), SigninDelegateGroups: []*chime.SigninDelegateGroup{{GroupName: str("g")}}})
	v1Fails[*chime.ForbiddenException](t, rec, "AssociateSigninDelegateGroupsWithAccount on Team", err)
	_, err = c.DisassociateSigninDelegateGroupsFromAccount(&chime.DisassociateSigninDelegateGroupsFromAccountInput{AccountId: str("no-such-account"), GroupNames: strs("g")})
	v1Fails[*chime.NotFoundException](t, rec, "DisassociateSigninDelegateGroupsFromAccount", err)
	lwa := adminCreateAccount(t, s.url, "v1 LWA", "EnterpriseLWA")

	// Users on the Enterprise Directory example account
	device := v1Must[*chime.CreateUserOutput](t, "CreateUser")(c.CreateUser(&chime.CreateUserInput{
		AccountId: str(exampleAccount), Email: str("roomdevice@example.com"), UserType: str("SharedDevice")})).User
	if aws.StringValue(device.DisplayName) != "Room Device" || device.PersonalPIN != nil {
		t.Errorf("CreateUser SharedDevice: %v", device)
	}
	person := v1Must[*chime.CreateUserOutput](t, "CreateUser")(c.CreateUser(&chime.CreateUserInput{
		AccountId: str(exampleAccount), Email: str("ana@example.com"), Username: str("Ana")})).User
	personID := aws.StringValue(person.UserId)
	if aws.StringValue(person.DisplayName) != "Ana" || len(aws.StringValue(person.PersonalPIN)) != 10 {
		t.Errorf("CreateUser: %v", person)
	}
	_, err = c.CreateUser(&chime.CreateUserInput{AccountId: str(exampleAccount), Email: str("ANA@example.com")})
	v1Fails[*chime.ConflictException](t, rec, "CreateUser taken address", err)
	_, err = c.CreateUser(&chime.CreateUserInput{AccountId: str(teamID), Email: str("valid@email.com")})
	if e := v1Fails[*chime.BadRequestException](t, rec, "CreateUser on Team", err); e.Message() != "Service received a bad request" {
		t.Errorf("CreateUser on Team: %q", e.Message())
	}
	_, err = c.CreateUser(&chime.CreateUserInput{AccountId: str(exampleAccount), Email: str("notanemail")})
	v1Fails[*chime.BadRequestException](t, rec, "CreateUser bad address", err)
	_, err = c.CreateUser(&chime.CreateUserInput{AccountId: str("no-such-account"), Email: str("x@example.com")})
	v1Fails[*chime.NotFoundException](t, rec, "CreateUser", err)
	gotUser := v1Must[*chime.GetUserOutput](t, "GetUser")(c.GetUser(&chime.GetUserInput{AccountId: str(exampleAccount), UserId: str(personID)})).User
	if aws.StringValue(gotUser.PersonalPIN) != aws.StringValue(person.PersonalPIN) || gotUser.RegisteredOn == nil {
		t.Errorf("GetUser: %v", gotUser)
	}
	_, err = c.GetUser(&chime.GetUserInput{AccountId: str(exampleAccount), UserId: str("nobody")})
	v1Fails[*chime.NotFoundException](t, rec, "GetUser", err)
	devices := v1Must[*chime.ListUsersOutput](t, "ListUsers")(c.ListUsers(&chime.ListUsersInput{AccountId: str(exampleAccount), UserType: str("SharedDevice")})).Users
	if len(devices) != 1 || aws.StringValue(devices[0].UserId) != aws.StringValue(device.UserId) {
		t.Errorf("ListUsers SharedDevice: %v", devices)
	}
	_, err = c.ListUsers(&chime.ListUsersInput{AccountId: str(exampleAccount), MaxResults: i64(500)})
	v1Fails[*chime.BadRequestException](t, rec, "ListUsers MaxResults 500", err)
	_, err = c.ListUsers(&chime.ListUsersInput{AccountId: str("no-such-account")})
	v1Fails[*chime.NotFoundException](t, rec, "ListUsers", err)
	if u := v1Must[*chime.UpdateUserOutput](t, "UpdateUser")(c.UpdateUser(&chime.UpdateUserInput{AccountId: str(exampleAccount), UserId: str(personID), LicenseType: str("Basic")})); aws.StringValue(u.User.LicenseType) != "Basic" {
		t.Errorf("UpdateUser: %v", u)
	}
	_, err = c.UpdateUser(&chime.UpdateUserInput{AccountId: str(exampleAccount), UserId: str("nobody"), LicenseType: str("Pro")})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateUser", err)
	_, err = c.UpdateUser(&chime.UpdateUserInput{AccountId: str(exampleAccount), UserId: str(personID), LicenseType: str("Gold")})
	v1Fails[*chime.BadRequestException](t, rec, "UpdateUser Gold", err)
	batch := v1Must[*chime.BatchUpdateUserOutput](t, "BatchUpdateUser")(c.BatchUpdateUser(&chime.BatchUpdateUserInput{AccountId: str(exampleAccount),
		UpdateUserRequestItems: []*chime.UpdateUserRequestItem{{UserId: str(personID), LicenseType: str("Pro")}, {UserId: str("nobody"), LicenseType: str("Pro")}}}))
	if len(batch.UserErrors) != 1 || aws.StringValue(batch.UserErrors[0].UserId) != "nobody" || aws.StringValue(batch.UserErrors[0].ErrorCode) != "NotFound" {
		t.Errorf("BatchUpdateUser: %v", batch)
	}
	_, err = c.BatchUpdateUser(&chime.BatchUpdateUserInput{AccountId: str("no-such-account"), UpdateUserRequestItems: []*chime.UpdateUserRequestItem{{UserId: str("u"), LicenseType: str("Pro")}}})
	v1Fails[*chime.NotFoundException](t, rec, "BatchUpdateUser", err)
	pin := aws.StringValue(v1Must[*chime.ResetPersonalPINOutput](t, "ResetPersonalPIN")(c.ResetPersonalPIN(&chime.ResetPersonalPINInput{AccountId: str(exampleAccount), UserId: str(personID)})).User.PersonalPIN)
	if pin == aws.StringValue(person.PersonalPIN) || len(pin) != 10 {
		t.Errorf("ResetPersonalPIN: %q", pin)
	}
	_, err = c.ResetPersonalPIN(&chime.ResetPersonalPINInput{AccountId: str(exampleAccount), UserId: str("nobody")})
	v1Fails[*chime.NotFoundException](t, rec, "ResetPersonalPIN", err)
	v1Must[*chime.LogoutUserOutput](t, "LogoutUser")(c.LogoutUser(&chime.LogoutUserInput{AccountId: str(exampleAccount), UserId: str(personID)}))
	_, err = c.LogoutUser(&chime.LogoutUserInput{AccountId: str(exampleAccount), UserId: str("nobody")})
	v1Fails[*chime.NotFoundException](t, rec, "LogoutUser", err)
	telephony := &chime.TelephonySettings{InboundCalling: b(true), OutboundCalling: b(false), SMS: b(true)}
	v1Must[*chime.UpdateUserSettingsOutput](t, "UpdateUserSettings")(c.UpdateUserSettings(&chime.UpdateUserSettingsInput{
		AccountId: str(exampleAccount), UserId: str(personID), UserSettings: &chime.UserSettings{Telephony: telephony}}))
	if us := v1Must[*chime.GetUserSettingsOutput](t, "GetUserSettings")(c.GetUserSettings(&chime.GetUserSettingsInput{AccountId: str(exampleAccount), UserId: str(personID)})); us.UserSettings.Telephony.String() != telephony.String() {
		t.Errorf("GetUserSettings: %v", us)
	}
	_, err = c.GetUserSettings(&chime.GetUserSettingsInput{AccountId: str(exampleAccount), UserId: str("nobody")})
	v1Fails[*chime.NotFoundException](t, rec, "GetUserSettings", err)
	_, err = c.UpdateUserSettings(&chime.UpdateUserSettingsInput{AccountId: str(exampleAccount), UserId: str("nobody"), UserSettings: &chime.UserSettings{Telephony: telephony}})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateUserSettings", err)
	// An Enterprise Directory account's users are suspended in the directory.
	_, err = c.BatchSuspendUser(&chime.BatchSuspendUserInput{AccountId: str(exampleAccount), UserIdList: strs(personID)})
	v1Fails[*chime.BadRequestException](t, rec, "BatchSuspendUser on EnterpriseDirectory", err)
	_, err = c.BatchUnsuspendUser(&chime.BatchUnsuspendUserInput{AccountId: str(exampleAccount), UserIdList: strs(personID)})
	v1Fails[*chime.BadRequestException](t, rec, "BatchUnsuspendUser on EnterpriseDirectory", err)

	// Invitations and suspension
	invites := v1Must[*chime.InviteUsersOutput](t, "InviteUsers")(c.InviteUsers(&chime.InviteUsersInput{AccountId: str(teamID), UserEmailList: strs("bob@example.com", "ana@example.com")})).Invites
	if len(invites) != 2 || aws.StringValue(invites[0].Status) != "Pending" || aws.StringValue(invites[1].Status) != "Failed" {
		t.Errorf("InviteUsers: %v", invites)
	}
	_, err = c.InviteUsers(&chime.InviteUsersInput{AccountId: str("no-such-account"), UserEmailList: strs("c@example.com")})
	v1Fails[*chime.NotFoundException](t, rec, "InviteUsers", err)
	_, err = c.InviteUsers(&chime.InviteUsersInput{AccountId: str(teamID), UserEmailList: strs("not an address")})
	v1Fails[*chime.BadRequestException](t, rec, "InviteUsers bad address", err)
	bob := v1Must[*chime.ListUsersOutput](t, "ListUsers")(c.ListUsers(&chime.ListUsersInput{AccountId: str(teamID), UserEmail: str("bob@example.com")})).Users[0]
	if aws.StringValue(bob.UserInvitationStatus) != "Pending" || aws.StringValue(bob.UserRegistrationStatus) != "Unregistered" {
		t.Errorf("invited user: %v", bob)
	}
	_, err = c.DeleteAccount(&chime.DeleteAccountInput{AccountId: str(teamID)})
	v1Fails[*chime.UnprocessableEntityException](t, rec, "DeleteAccount with users", err)
	if out := v1Must[*chime.BatchSuspendUserOutput](t, "BatchSuspendUser")(c.BatchSuspendUser(&chime.BatchSuspendUserInput{AccountId: str(teamID), UserIdList: []*string{bob.UserId}})); len(out.UserErrors) != 0 {
		t.Errorf("BatchSuspendUser: %v", out)
	}
	_, err = c.GetUser(&chime.GetUserInput{AccountId: str(teamID), UserId: bob.UserId})
	v1Fails[*chime.NotFoundException](t, rec, "GetUser after a Team suspension", err)
	v1Must[*chime.DeleteAccountOutput](t, "DeleteAccount")(c.DeleteAccount(&chime.DeleteAccountInput{AccountId: str(teamID)}))
	_, err = c.DeleteAccount(&chime.DeleteAccountInput{AccountId: str(teamID)})
	v1Fails[*chime.NotFoundException](t, rec, "DeleteAccount again", err)
	lwaUser := v1Must[*chime.CreateUserOutput](t, "CreateUser")(c.CreateUser(&chime.CreateUserInput{AccountId: str(lwa), Email: str("lwa@example.com")})).User
	v1Must[*chime.BatchSuspendUserOutput](t, "BatchSuspendUser")(c.BatchSuspendUser(&chime.BatchSuspendUserInput{AccountId: str(lwa), UserIdList: []*string{lwaUser.UserId}}))
	if u := v1Must[*chime.GetUserOutput](t, "GetUser")(c.GetUser(&chime.GetUserInput{AccountId: str(lwa), UserId: lwaUser.UserId})); aws.StringValue(u.User.UserRegistrationStatus) != "Suspended" {
		t.Errorf("suspended: %v", u)
	}
	if out := v1Must[*chime.BatchUnsuspendUserOutput](t, "BatchUnsuspendUser")(c.BatchUnsuspendUser(&chime.BatchUnsuspendUserInput{AccountId: str(lwa), UserIdList: []*string{lwaUser.UserId}})); len(out.UserErrors) != 0 {
		t.Errorf("BatchUnsuspendUser: %v", out)
	}
	if u := v1Must[*chime.GetUserOutput](t, "GetUser")(c.GetUser(&chime.GetUserInput{AccountId: str(lwa), UserId: lwaUser.UserId})); aws.StringValue(u.User.UserRegistrationStatus) != "Registered" {
		t.Errorf("unsuspended: %v", u)
	}

	// Phone numbers
	countries := v1Must[*chime.ListSupportedPhoneNumberCountriesOutput](t, "ListSupportedPhoneNumberCountries")(c.ListSupportedPhoneNumberCountries(
		&chime.ListSupportedPhoneNumberCountriesInput{ProductType: str("VoiceConnector")})).PhoneNumberCountries
	if len(countries) != 1 || aws.StringValue(countries[0].CountryCode) != "US" {
		t.Errorf("ListSupportedPhoneNumberCountries: %v", countries)
	}
	_, err = c.ListSupportedPhoneNumberCountries(&chime.ListSupportedPhoneNumberCountriesInput{ProductType: str("Fax")})
	v1Fails[*chime.BadRequestException](t, rec, "ListSupportedPhoneNumberCountries Fax", err)
	found := v1Must[*chime.SearchAvailablePhoneNumbersOutput](t, "SearchAvailablePhoneNumbers")(c.SearchAvailablePhoneNumbers(
		&chime.SearchAvailablePhoneNumbersInput{AreaCode: str("206"), MaxResults: i64(2)}))
	if !slices.Equal(aws.StringValueSlice(found.E164PhoneNumbers), []string{"+12065550100", "+12065550101"}) || found.NextToken == nil {
		t.Errorf("SearchAvailablePhoneNumbers: %v", found)
	}
	_, err = c.SearchAvailablePhoneNumbers(&chime.SearchAvailablePhoneNumbersInput{City: str("Seattle")})
	v1Fails[*chime.BadRequestException](t, rec, "SearchAvailablePhoneNumbers City alone", err)
	order := v1Must[*chime.CreatePhoneNumberOrderOutput](t, "CreatePhoneNumberOrder")(c.CreatePhoneNumberOrder(&chime.CreatePhoneNumberOrderInput{
		ProductType: str("BusinessCalling"), E164PhoneNumbers: strs("+12065550100", "+12065550101")})).PhoneNumberOrder
	if aws.StringValue(order.Status) != "Processing" {
		t.Errorf("CreatePhoneNumberOrder: %v", order)
	}
	_, err = c.CreatePhoneNumberOrder(&chime.CreatePhoneNumberOrderInput{ProductType: str("Fax"), E164PhoneNumbers: strs("+12065550102")})
	v1Fails[*chime.BadRequestException](t, rec, "CreatePhoneNumberOrder Fax", err)
	// The order completes once the server's clock passes --order-delay.
	admin(t, s.url, "advance-clock", "--advance-millis", "5000")
	order = v1Must[*chime.GetPhoneNumberOrderOutput](t, "GetPhoneNumberOrder")(c.GetPhoneNumberOrder(&chime.GetPhoneNumberOrderInput{PhoneNumberOrderId: order.PhoneNumberOrderId})).PhoneNumberOrder
	if aws.StringValue(order.Status) != "Successful" {
		t.Errorf("GetPhoneNumberOrder: %v", order)
	}
	_, err = c.GetPhoneNumberOrder(&chime.GetPhoneNumberOrderInput{PhoneNumberOrderId: str("5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11")})
	v1Fails[*chime.NotFoundException](t, rec, "GetPhoneNumberOrder", err)
	if orders := v1Must[*chime.ListPhoneNumberOrdersOutput](t, "ListPhoneNumberOrders")(c.ListPhoneNumberOrders(&chime.ListPhoneNumberOrdersInput{})).PhoneNumberOrders; len(orders) != 1 {
		t.Errorf("ListPhoneNumberOrders: %v", orders)
	}
	_, err = c.ListPhoneNumberOrders(&chime.ListPhoneNumberOrdersInput{MaxResults: i64(100)})
	v1Fails[*chime.BadRequestException](t, rec, "ListPhoneNumberOrders MaxResults 100", err)
	number := v1Must[*chime.GetPhoneNumberOutput](t, "GetPhoneNumber")(c.GetPhoneNumber(&chime.GetPhoneNumberInput{PhoneNumberId: str("+12065550100")})).PhoneNumber
	if aws.StringValue(number.PhoneNumberId) != "%2B12065550100" || aws.StringValue(number.Status) != "Unassigned" || len(number.Associations) != 0 {
		t.Errorf("GetPhoneNumber: %v", number)
	}
	_, err = c.GetPhoneNumber(&chime.GetPhoneNumberInput{PhoneNumberId: str("+12065550199")})
	v1Fails[*chime.NotFoundException](t, rec, "GetPhoneNumber", err)
	v1Must[*chime.AssociatePhoneNumberWithUserOutput](t, "AssociatePhoneNumberWithUser")(c.AssociatePhoneNumberWithUser(&chime.AssociatePhoneNumberWithUserInput{
		AccountId: str(exampleAccount), UserId: str(personID), E164PhoneNumber: str("+12065550100")}))
	if u := v1Must[*chime.GetUserOutput](t, "GetUser")(c.GetUser(&chime.GetUserInput{AccountId: str(exampleAccount), UserId: str(personID)})); aws.StringValue(u.User.PrimaryProvisionedNumber) != "+12065550100" {
		t.Errorf("associated: %v", u)
	}
	_, err = c.AssociatePhoneNumberWithUser(&chime.AssociatePhoneNumberWithUserInput{AccountId: str(exampleAccount), UserId: str("nobody"), E164PhoneNumber: str("+12065550101")})
	v1Fails[*chime.NotFoundException](t, rec, "AssociatePhoneNumberWithUser", err)
	if assigned := v1Must[*chime.ListPhoneNumbersOutput](t, "ListPhoneNumbers")(c.ListPhoneNumbers(&chime.ListPhoneNumbersInput{Status: str("Assigned")})).PhoneNumbers; len(assigned) != 1 || aws.StringValue(assigned[0].E164PhoneNumber) != "+12065550100" {
		t.Errorf("ListPhoneNumbers Assigned: %v", assigned)
	}
	_, err = c.ListPhoneNumbers(&chime.ListPhoneNumbersInput{Status: str("Lost")})
	v1Fails[*chime.BadRequestException](t, rec, "ListPhoneNumbers Lost", err)
	if errs := v1Must[*chime.BatchDeletePhoneNumberOutput](t, "BatchDeletePhoneNumber")(c.BatchDeletePhoneNumber(&chime.BatchDeletePhoneNumberInput{PhoneNumberIds: strs("%2B12065550100")})).PhoneNumberErrors; len(errs) != 1 || aws.StringValue(errs[0].ErrorCode) != "PhoneNumberAssociationsExist" {
		t.Errorf("BatchDeletePhoneNumber: %v", errs)
	}
	// v1 checks the model's minimum (one id) itself, before sending; the
	// server's cap of 50 is the server's to refuse.
	before := requestCount(t, s.url, "BatchDeletePhoneNumber", 400)
	_, err = c.BatchDeletePhoneNumber(&chime.BatchDeletePhoneNumberInput{PhoneNumberIds: []*string{}})
	var invalid request.ErrInvalidParams
	if !errors.As(err, &invalid) || invalid.Code() != request.InvalidParameterErrCode || requestCount(t, s.url, "BatchDeletePhoneNumber", 400) != before {
		t.Errorf("BatchDeletePhoneNumber of no ids: %v (sent: %v)", err, requestCount(t, s.url, "BatchDeletePhoneNumber", 400) != before)
	}
	many := make([]string, 51)
	for i := range many {
		many[i] = fmt.Sprintf("+1206555%04d", i)
	}
	_, err = c.BatchDeletePhoneNumber(&chime.BatchDeletePhoneNumberInput{PhoneNumberIds: strs(many...)})
	v1Fails[*chime.BadRequestException](t, rec, "BatchDeletePhoneNumber of 51 ids", err)
	v1Must[*chime.DisassociatePhoneNumberFromUserOutput](t, "DisassociatePhoneNumberFromUser")(c.DisassociatePhoneNumberFromUser(&chime.DisassociatePhoneNumberFromUserInput{AccountId: str(exampleAccount), UserId: str(personID)}))
	_, err = c.DisassociatePhoneNumberFromUser(&chime.DisassociatePhoneNumberFromUserInput{AccountId: str(exampleAccount), UserId: str("nobody")})
	v1Fails[*chime.NotFoundException](t, rec, "DisassociatePhoneNumberFromUser", err)
	if pn := v1Must[*chime.UpdatePhoneNumberOutput](t, "UpdatePhoneNumber")(c.UpdatePhoneNumber(&chime.UpdatePhoneNumberInput{PhoneNumberId: str("%2B12065550101"), ProductType: str("VoiceConnector")})); aws.StringValue(pn.PhoneNumber.ProductType) != "VoiceConnector" {
		t.Errorf("UpdatePhoneNumber: %v", pn)
	}
	_, err = c.UpdatePhoneNumber(&chime.UpdatePhoneNumberInput{PhoneNumberId: str("+12065550199"), ProductType: str("VoiceConnector")})
	v1Fails[*chime.NotFoundException](t, rec, "UpdatePhoneNumber", err)
	if errs := v1Must[*chime.BatchUpdatePhoneNumberOutput](t, "BatchUpdatePhoneNumber")(c.BatchUpdatePhoneNumber(&chime.BatchUpdatePhoneNumberInput{
		UpdatePhoneNumberRequestItems: []*chime.UpdatePhoneNumberRequestItem{{PhoneNumberId: str("+12065550101"), CallingName: str("Front Desk")}, {PhoneNumberId: str("+12065550199"), CallingName: str("Nobody")}}})).PhoneNumberErrors; len(errs) != 1 || aws.StringValue(errs[0].ErrorCode) != "NotFound" {
		t.Errorf("BatchUpdatePhoneNumber: %v", errs)
	}
	_, err = c.BatchUpdatePhoneNumber(&chime.BatchUpdatePhoneNumberInput{UpdatePhoneNumberRequestItems: []*chime.UpdatePhoneNumberRequestItem{{PhoneNumberId: str("+12065550101"), ProductType: str("Fax")}}})
	v1Fails[*chime.BadRequestException](t, rec, "BatchUpdatePhoneNumber Fax", err)
	// A calling name waits for its review; another change meanwhile conflicts.
	_, err = c.UpdatePhoneNumber(&chime.UpdatePhoneNumberInput{PhoneNumberId: str("+12065550101"), CallingName: str("Lobby")})
	v1Fails[*chime.ConflictException](t, rec, "UpdatePhoneNumber pending calling name", err)
	if dial := v1Must[*chime.CreateMeetingDialOutOutput](t, "CreateMeetingDialOut")(c.CreateMeetingDialOut(&chime.CreateMeetingDialOutInput{MeetingId: str("5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11"),
		FromPhoneNumber: str("+12065550101"), ToPhoneNumber: str("+12065550199"), JoinToken: str("dG9rZW4")})); len(aws.StringValue(dial.TransactionId)) != 36 {
		t.Errorf("CreateMeetingDialOut: %v", dial)
	}
	_, err = c.CreateMeetingDialOut(&chime.CreateMeetingDialOutInput{MeetingId: str("5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11"),
		FromPhoneNumber: str("+12065550101"), ToPhoneNumber: str("+12065550199"), JoinToken: str("not a token!")})
	v1Fails[*chime.BadRequestException](t, rec, "CreateMeetingDialOut bad token", err)
	v1Must[*chime.DeletePhoneNumberOutput](t, "DeletePhoneNumber")(c.DeletePhoneNumber(&chime.DeletePhoneNumberInput{PhoneNumberId: str("+12065550100")}))
	if r := v1Must[*chime.RestorePhoneNumberOutput](t, "RestorePhoneNumber")(c.RestorePhoneNumber(&chime.RestorePhoneNumberInput{PhoneNumberId: str("+12065550100")})); aws.StringValue(r.PhoneNumber.Status) != "Unassigned" {
		t.Errorf("RestorePhoneNumber: %v", r)
	}
	_, err = c.RestorePhoneNumber(&chime.RestorePhoneNumberInput{PhoneNumberId: str("+12065550199")})
	v1Fails[*chime.NotFoundException](t, rec, "RestorePhoneNumber", err)
	v1Must[*chime.DeletePhoneNumberOutput](t, "DeletePhoneNumber")(c.DeletePhoneNumber(&chime.DeletePhoneNumberInput{PhoneNumberId: str("+12065550100")}))
	_, err = c.DeletePhoneNumber(&chime.DeletePhoneNumberInput{PhoneNumberId: str("+12065550199")})
	v1Fails[*chime.NotFoundException](t, rec, "DeletePhoneNumber", err)
	// Past --deletion-retention the number is released.
	admin(t, s.url, "advance-clock", "--advance-millis", "3000")
	for i := 0; ; i++ {
		left := v1Must[*chime.ListPhoneNumbersOutput](t, "ListPhoneNumbers")(c.ListPhoneNumbers(&chime.ListPhoneNumbersInput{})).PhoneNumbers
		if len(left) == 1 && aws.StringValue(left[0].E164PhoneNumber) == "+12065550101" {
			break
		}
		if i == 100 {
			t.Fatalf("the deleted number is never released: %v", left)
		}
		time.Sleep(200 * time.Millisecond)
	}
	_, err = c.GetPhoneNumber(&chime.GetPhoneNumberInput{PhoneNumberId: str("+12065550100")})
	v1Fails[*chime.NotFoundException](t, rec, "GetPhoneNumber after release", err)
	v1Must[*chime.UpdatePhoneNumberSettingsOutput](t, "UpdatePhoneNumberSettings")(c.UpdatePhoneNumberSettings(&chime.UpdatePhoneNumberSettingsInput{CallingName: str("Example Corp")}))
	if ps := v1Must[*chime.GetPhoneNumberSettingsOutput](t, "GetPhoneNumberSettings")(c.GetPhoneNumberSettings(&chime.GetPhoneNumberSettingsInput{})); aws.StringValue(ps.CallingName) != "Example Corp" {
		t.Errorf("GetPhoneNumberSettings: %v", ps)
	}
	_, err = c.UpdatePhoneNumberSettings(&chime.UpdatePhoneNumberSettingsInput{CallingName: str("!")})
	v1Fails[*chime.BadRequestException](t, rec, "UpdatePhoneNumberSettings", err)
	v1Must[*chime.UpdateGlobalSettingsOutput](t, "UpdateGlobalSettings")(c.UpdateGlobalSettings(&chime.UpdateGlobalSettingsInput{VoiceConnector: &chime.VoiceConnectorSettings{CdrBucket: str("example-cdrs")}}))
	if gs := v1Must[*chime.GetGlobalSettingsOutput](t, "GetGlobalSettings")(c.GetGlobalSettings(&chime.GetGlobalSettingsInput{})); aws.StringValue(gs.VoiceConnector.CdrBucket) != "example-cdrs" || gs.BusinessCalling == nil || gs.BusinessCalling.CdrBucket != nil {
		t.Errorf("GetGlobalSettings: %v", gs)
	}
	_, err = c.UpdateGlobalSettings(&chime.UpdateGlobalSettingsInput{VoiceConnector: &chime.VoiceConnectorSettings{CdrBucket: str("No_Such Bucket")}})
	v1Fails[*chime.BadRequestException](t, rec, "UpdateGlobalSettings", err)

	// Rooms and memberships
	secondTeam := v1Must[*chime.CreateAccountOutput](t, "CreateAccount")(c.CreateAccount(&chime.CreateAccountInput{Name: str("v1 second team")})).Account.AccountId
	room := v1Must[*chime.CreateRoomOutput](t, "CreateRoom")(c.CreateRoom(&chime.CreateRoomInput{AccountId: str(lwa), Name: str("Project")})).Room
	if aws.StringValue(room.CreatedBy) != "arn:aws:iam::000000000000:root" || aws.StringValue(room.Name) != "Project" {
		t.Errorf("CreateRoom: %v", room)
	}
	_, err = c.CreateRoom(&chime.CreateRoomInput{AccountId: secondTeam, Name: str("x")})
	if e := v1Fails[*chime.ForbiddenException](t, rec, "CreateRoom on Team", err); !strings.HasPrefix(e.Message(), "Chime Account provided is not an Enterprise Chime Account") {
		t.Errorf("CreateRoom on Team: %q", e.Message())
	}
	_, err = c.CreateRoom(&chime.CreateRoomInput{AccountId: str("no-such-account"), Name: str("x")})
	v1Fails[*chime.NotFoundException](t, rec, "CreateRoom", err)
	_, err = c.ListRooms(&chime.ListRoomsInput{AccountId: secondTeam})
	v1Fails[*chime.ForbiddenException](t, rec, "ListRooms on Team", err)
	if r := v1Must[*chime.GetRoomOutput](t, "GetRoom")(c.GetRoom(&chime.GetRoomInput{AccountId: str(lwa), RoomId: room.RoomId})); aws.StringValue(r.Room.RoomId) != aws.StringValue(room.RoomId) {
		t.Errorf("GetRoom: %v", r)
	}
	_, err = c.GetRoom(&chime.GetRoomInput{AccountId: str(lwa), RoomId: str("no-such-room")})
	v1Fails[*chime.NotFoundException](t, rec, "GetRoom", err)
	if r := v1Must[*chime.UpdateRoomOutput](t, "UpdateRoom")(c.UpdateRoom(&chime.UpdateRoomInput{AccountId: str(lwa), RoomId: room.RoomId, Name: str("Renamed")})); aws.StringValue(r.Room.Name) != "Renamed" {
		t.Errorf("UpdateRoom: %v", r)
	}
	_, err = c.UpdateRoom(&chime.UpdateRoomInput{AccountId: str(lwa), RoomId: str("no-such-room"), Name: str("x")})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateRoom", err)
	member := v1Must[*chime.CreateRoomMembershipOutput](t, "CreateRoomMembership")(c.CreateRoomMembership(&chime.CreateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: lwaUser.UserId})).RoomMembership
	if aws.StringValue(member.Role) != "Member" || aws.StringValue(member.Member.MemberType) != "User" {
		t.Errorf("CreateRoomMembership: %v", member)
	}
	_, err = c.CreateRoomMembership(&chime.CreateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: lwaUser.UserId})
	v1Fails[*chime.ConflictException](t, rec, "CreateRoomMembership again", err)
	_, err = c.CreateRoomMembership(&chime.CreateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: str("nobody")})
	v1Fails[*chime.NotFoundException](t, rec, "CreateRoomMembership", err)
	if m := v1Must[*chime.UpdateRoomMembershipOutput](t, "UpdateRoomMembership")(c.UpdateRoomMembership(&chime.UpdateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: lwaUser.UserId, Role: str("Administrator")})); aws.StringValue(m.RoomMembership.Role) != "Administrator" {
		t.Errorf("UpdateRoomMembership: %v", m)
	}
	_, err = c.UpdateRoomMembership(&chime.UpdateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: str("nobody"), Role: str("Member")})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateRoomMembership", err)

	// Bots, events configuration, retention and redaction
	bot := v1Must[*chime.CreateBotOutput](t, "CreateBot")(c.CreateBot(&chime.CreateBotInput{AccountId: str(lwa), DisplayName: str("helper"), Domain: str("example.com")})).Bot
	if aws.StringValue(bot.DisplayName) != "helper (Bot)" || aws.StringValue(bot.BotEmail) != "helper-chimebot@example.com" || len(aws.StringValue(bot.SecurityToken)) != 40 {
		t.Errorf("CreateBot: %v", bot)
	}
	_, err = c.CreateBot(&chime.CreateBotInput{AccountId: str(lwa), DisplayName: str("helper"), Domain: str("example.com")})
	v1Fails[*chime.BadRequestException](t, rec, "CreateBot same address", err)
	_, err = c.CreateBot(&chime.CreateBotInput{AccountId: str("no-such-account"), DisplayName: str("x")})
	v1Fails[*chime.NotFoundException](t, rec, "CreateBot", err)
	if g := v1Must[*chime.GetBotOutput](t, "GetBot")(c.GetBot(&chime.GetBotInput{AccountId: str(lwa), BotId: bot.BotId})); aws.StringValue(g.Bot.UserId) != aws.StringValue(bot.BotId) {
		t.Errorf("GetBot: %v", g)
	}
	_, err = c.GetBot(&chime.GetBotInput{AccountId: str(lwa), BotId: str("no-such-bot")})
	v1Fails[*chime.NotFoundException](t, rec, "GetBot", err)
	if bots := v1Must[*chime.ListBotsOutput](t, "ListBots")(c.ListBots(&chime.ListBotsInput{AccountId: str(lwa)})).Bots; len(bots) != 1 {
		t.Errorf("ListBots: %v", bots)
	}
	_, err = c.ListBots(&chime.ListBotsInput{AccountId: str("no-such-account")})
	v1Fails[*chime.NotFoundException](t, rec, "ListBots", err)
	if ec := v1Must[*chime.PutEventsConfigurationOutput](t, "PutEventsConfiguration")(c.PutEventsConfiguration(&chime.PutEventsConfigurationInput{AccountId: str(lwa), BotId: bot.BotId, OutboundEventsHTTPSEndpoint: str("https://bot.example.com/e")})); aws.StringValue(ec.EventsConfiguration.BotId) != aws.StringValue(bot.BotId) {
		t.Errorf("PutEventsConfiguration: %v", ec)
	}
	_, err = c.PutEventsConfiguration(&chime.PutEventsConfigurationInput{AccountId: str(lwa), BotId: bot.BotId, OutboundEventsHTTPSEndpoint: str("http://bot.example.com/e")})
	v1Fails[*chime.BadRequestException](t, rec, "PutEventsConfiguration http", err)
	_, err = c.PutEventsConfiguration(&chime.PutEventsConfigurationInput{AccountId: str(lwa), BotId: str("no-such-bot"), OutboundEventsHTTPSEndpoint: str("https://bot.example.com/e")})
	v1Fails[*chime.NotFoundException](t, rec, "PutEventsConfiguration", err)
	if ec := v1Must[*chime.GetEventsConfigurationOutput](t, "GetEventsConfiguration")(c.GetEventsConfiguration(&chime.GetEventsConfigurationInput{AccountId: str(lwa), BotId: bot.BotId})); aws.StringValue(ec.EventsConfiguration.OutboundEventsHTTPSEndpoint) != "https://bot.example.com/e" {
		t.Errorf("GetEventsConfiguration: %v", ec)
	}
	if errs := v1Must[*chime.BatchCreateRoomMembershipOutput](t, "BatchCreateRoomMembership")(c.BatchCreateRoomMembership(&chime.BatchCreateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId,
		MembershipItemList: []*chime.MembershipItem{{MemberId: bot.BotId}, {MemberId: str("nobody")}}})).Errors; len(errs) != 1 || aws.StringValue(errs[0].ErrorCode) != "NotFound" {
		t.Errorf("BatchCreateRoomMembership: %v", errs)
	}
	_, err = c.BatchCreateRoomMembership(&chime.BatchCreateRoomMembershipInput{AccountId: str(lwa), RoomId: str("no-such-room"), MembershipItemList: []*chime.MembershipItem{{MemberId: bot.BotId}}})
	v1Fails[*chime.NotFoundException](t, rec, "BatchCreateRoomMembership", err)
	if ms := v1Must[*chime.ListRoomMembershipsOutput](t, "ListRoomMemberships")(c.ListRoomMemberships(&chime.ListRoomMembershipsInput{AccountId: str(lwa), RoomId: room.RoomId})).RoomMemberships; len(ms) != 2 ||
		aws.StringValue(ms[0].Member.MemberType) != "User" || aws.StringValue(ms[1].Member.MemberType) != "Bot" {
		t.Errorf("ListRoomMemberships: %v", ms)
	}
	_, err = c.ListRoomMemberships(&chime.ListRoomMembershipsInput{AccountId: str(lwa), RoomId: str("no-such-room")})
	v1Fails[*chime.NotFoundException](t, rec, "ListRoomMemberships", err)
	// Only a user's role can change.
	_, err = c.UpdateRoomMembership(&chime.UpdateRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: bot.BotId, Role: str("Administrator")})
	v1Fails[*chime.BadRequestException](t, rec, "UpdateRoomMembership of a bot", err)
	if rooms := v1Must[*chime.ListRoomsOutput](t, "ListRooms")(c.ListRooms(&chime.ListRoomsInput{AccountId: str(lwa), MemberId: bot.BotId})).Rooms; len(rooms) != 1 || aws.StringValue(rooms[0].RoomId) != aws.StringValue(room.RoomId) {
		t.Errorf("ListRooms by member: %v", rooms)
	}
	v1Must[*chime.DeleteRoomMembershipOutput](t, "DeleteRoomMembership")(c.DeleteRoomMembership(&chime.DeleteRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: bot.BotId}))
	_, err = c.DeleteRoomMembership(&chime.DeleteRoomMembershipInput{AccountId: str(lwa), RoomId: room.RoomId, MemberId: bot.BotId})
	v1Fails[*chime.NotFoundException](t, rec, "DeleteRoomMembership again", err)
	if tok := v1Must[*chime.RegenerateSecurityTokenOutput](t, "RegenerateSecurityToken")(c.RegenerateSecurityToken(&chime.RegenerateSecurityTokenInput{AccountId: str(lwa), BotId: bot.BotId})); aws.StringValue(tok.Bot.SecurityToken) == aws.StringValue(bot.SecurityToken) {
		t.Errorf("RegenerateSecurityToken kept the token")
	}
	_, err = c.RegenerateSecurityToken(&chime.RegenerateSecurityTokenInput{AccountId: str(lwa), BotId: str("no-such-bot")})
	v1Fails[*chime.NotFoundException](t, rec, "RegenerateSecurityToken", err)
	if u := v1Must[*chime.UpdateBotOutput](t, "UpdateBot")(c.UpdateBot(&chime.UpdateBotInput{AccountId: str(lwa), BotId: bot.BotId, Disabled: b(true)})); !aws.BoolValue(u.Bot.Disabled) {
		t.Errorf("UpdateBot: %v", u)
	}
	_, err = c.UpdateBot(&chime.UpdateBotInput{AccountId: str(lwa), BotId: str("no-such-bot"), Disabled: b(true)})
	v1Fails[*chime.NotFoundException](t, rec, "UpdateBot", err)
	v1Must[*chime.DeleteEventsConfigurationOutput](t, "DeleteEventsConfiguration")(c.DeleteEventsConfiguration(&chime.DeleteEventsConfigurationInput{AccountId: str(lwa), BotId: bot.BotId}))
	_, err = c.GetEventsConfiguration(&chime.GetEventsConfigurationInput{AccountId: str(lwa), BotId: bot.BotId})
	v1Fails[*chime.NotFoundException](t, rec, "GetEventsConfiguration after delete", err)
	// NotFound is not modelled for DeleteEventsConfiguration: an unknown bot is a bad request.
	_, err = c.DeleteEventsConfiguration(&chime.DeleteEventsConfigurationInput{AccountId: str(lwa), BotId: str("no-such-bot")})
	v1Fails[*chime.BadRequestException](t, rec, "DeleteEventsConfiguration", err)
	v1Must[*chime.PutRetentionSettingsOutput](t, "PutRetentionSettings")(c.PutRetentionSettings(&chime.PutRetentionSettingsInput{AccountId: str(lwa),
		RetentionSettings: &chime.RetentionSettings{ConversationRetentionSettings: &chime.ConversationRetentionSettings{RetentionDays: i64(30)}}}))
	if ret := v1Must[*chime.GetRetentionSettingsOutput](t, "GetRetentionSettings")(c.GetRetentionSettings(&chime.GetRetentionSettingsInput{AccountId: str(lwa)})); aws.Int64Value(ret.RetentionSettings.ConversationRetentionSettings.RetentionDays) != 30 ||
		ret.RetentionSettings.RoomRetentionSettings != nil || ret.InitiateDeletionTimestamp == nil {
		t.Errorf("GetRetentionSettings: %v", ret)
	}
	// v1 checks the model's minimum itself; the maximum is the server's to refuse.
	_, err = c.PutRetentionSettings(&chime.PutRetentionSettingsInput{AccountId: str(lwa),
		RetentionSettings: &chime.RetentionSettings{RoomRetentionSettings: &chime.RoomRetentionSettings{RetentionDays: i64(5476)}}})
	v1Fails[*chime.BadRequestException](t, rec, "PutRetentionSettings 5476 days", err)
	_, err = c.GetRetentionSettings(&chime.GetRetentionSettingsInput{AccountId: str("no-such-account")})
	v1Fails[*chime.NotFoundException](t, rec, "GetRetentionSettings", err)
	v1Must[*chime.RedactRoomMessageOutput](t, "RedactRoomMessage")(c.RedactRoomMessage(&chime.RedactRoomMessageInput{AccountId: str(lwa), RoomId: room.RoomId, MessageId: str("m-1")}))
	_, err = c.RedactRoomMessage(&chime.RedactRoomMessageInput{AccountId: str(lwa), RoomId: str("no-such-room"), MessageId: str("m-1")})
	v1Fails[*chime.NotFoundException](t, rec, "RedactRoomMessage", err)
	v1Must[*chime.RedactConversationMessageOutput](t, "RedactConversationMessage")(c.RedactConversationMessage(&chime.RedactConversationMessageInput{AccountId: str(lwa), ConversationId: str("c-1"), MessageId: str("m-2")}))
	_, err = c.RedactConversationMessage(&chime.RedactConversationMessageInput{AccountId: str("no-such-account"), ConversationId: str("c-1"), MessageId: str("m-2")})
	v1Fails[*chime.NotFoundException](t, rec, "RedactConversationMessage", err)
	v1Must[*chime.DeleteRoomOutput](t, "DeleteRoom")(c.DeleteRoom(&chime.DeleteRoomInput{AccountId: str(lwa), RoomId: room.RoomId}))
	_, err = c.GetRoom(&chime.GetRoomInput{AccountId: str(lwa), RoomId: room.RoomId})
	v1Fails[*chime.NotFoundException](t, rec, "GetRoom after delete", err)
	_, err = c.DeleteRoom(&chime.DeleteRoomInput{AccountId: str(lwa), RoomId: room.RoomId})
	v1Fails[*chime.NotFoundException](t, rec, "DeleteRoom again", err)

	// A wrong secret is refused.
	_, err = v1Client(t, s.url, "wrong", 0, nil).ListAccounts(&chime.ListAccountsInput{})
	if e := v1Fails[*chime.ForbiddenException](t, nil, "wrong secret", err); !strings.Contains(e.Message(), "signature") {
		t.Errorf("wrong secret: %q", e.Message())
	}

	checkCoverage(t, "aws-sdk-go v1", rec.succeeded, rec.errors)
	t.Logf("aws-sdk-go v1: %d operations succeeded; %d error cases, over %d operations", len(rec.succeeded), rec.cases, len(rec.errors))
}

// strs is aws.StringSlice of its arguments.
func strs(v ...string) []*string { return aws.StringSlice(v) }

// v1Paging is one paged operation as the suite drives it: a page by hand
// and the SDK's XxxPages helper, each giving the items' ids.
type v1Paging struct {
	op        string
	pageSize  int64
	want      int
	tooLarge  int64
	page      func(token *string, size int64) (ids []string, next *string, err error)
	pagesFunc func(size int64, each func(ids []string)) error
}

func TestGoV1SDKPaging(t *testing.T) {
	s := startServer(t, "--dev")
	c := v1Client(t, s.url, "test", 0, nil)
	str, i64 := aws.String, aws.Int64
	for i := 0; i < 5; i++ {
		v1Must[*chime.CreateAccountOutput](t, "CreateAccount")(c.CreateAccount(&chime.CreateAccountInput{Name: str(fmt.Sprintf("page %d", i))}))
		v1Must[*chime.CreateUserOutput](t, "CreateUser")(c.CreateUser(&chime.CreateUserInput{AccountId: str(exampleAccount), Email: str(fmt.Sprintf("user%d@example.com", i))}))
	}
	lwa := adminCreateAccount(t, s.url, "paging LWA", "EnterpriseLWA")
	var room *string
	for i := 0; i < 4; i++ {
		r := v1Must[*chime.CreateRoomOutput](t, "CreateRoom")(c.CreateRoom(&chime.CreateRoomInput{AccountId: str(lwa), Name: str(fmt.Sprintf("room %d", i))}))
		if room == nil {
			room = r.Room.RoomId
		}
	}
	for i := 0; i < 5; i++ {
		u := v1Must[*chime.CreateUserOutput](t, "CreateUser")(c.CreateUser(&chime.CreateUserInput{AccountId: str(lwa), Email: str(fmt.Sprintf("member%d@example.com", i))}))
		v1Must[*chime.CreateRoomMembershipOutput](t, "CreateRoomMembership")(c.CreateRoomMembership(&chime.CreateRoomMembershipInput{AccountId: str(lwa), RoomId: room, MemberId: u.User.UserId}))
	}
	for i := 0; i < 3; i++ {
		v1Must[*chime.CreateBotOutput](t, "CreateBot")(c.CreateBot(&chime.CreateBotInput{AccountId: str(lwa), DisplayName: str(fmt.Sprintf("bot%d", i)), Domain: str("example.com")}))
	}
	free := v1Must[*chime.SearchAvailablePhoneNumbersOutput](t, "SearchAvailablePhoneNumbers")(c.SearchAvailablePhoneNumbers(&chime.SearchAvailablePhoneNumbersInput{AreaCode: str("206"), MaxResults: i64(6)})).E164PhoneNumbers
	for i := 0; i < 3; i++ {
		v1Must[*chime.CreatePhoneNumberOrderOutput](t, "CreatePhoneNumberOrder")(c.CreatePhoneNumberOrder(&chime.CreatePhoneNumberOrderInput{ProductType: str("VoiceConnector"), E164PhoneNumbers: free[2*i : 2*i+2]}))
	}
	admin(t, s.url, "advance-clock", "--advance-millis", "5000")

	ids := func(n int, id func(int) *string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = aws.StringValue(id(i))
		}
		return out
	}
	cases := []v1Paging{
		{op: "ListAccounts", pageSize: 2, want: 7, tooLarge: 201,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListAccounts(&chime.ListAccountsInput{NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.Accounts), func(i int) *string { return out.Accounts[i].AccountId }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListAccountsPages(&chime.ListAccountsInput{MaxResults: i64(n)}, func(out *chime.ListAccountsOutput, _ bool) bool {
					each(ids(len(out.Accounts), func(i int) *string { return out.Accounts[i].AccountId }))
					return true
				})
			}},
		{op: "ListUsers", pageSize: 2, want: 5, tooLarge: 201,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListUsers(&chime.ListUsersInput{AccountId: str(exampleAccount), NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.Users), func(i int) *string { return out.Users[i].UserId }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListUsersPages(&chime.ListUsersInput{AccountId: str(exampleAccount), MaxResults: i64(n)}, func(out *chime.ListUsersOutput, _ bool) bool {
					each(ids(len(out.Users), func(i int) *string { return out.Users[i].UserId }))
					return true
				})
			}},
		{op: "ListRooms", pageSize: 3, want: 4, tooLarge: 100,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListRooms(&chime.ListRoomsInput{AccountId: str(lwa), NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.Rooms), func(i int) *string { return out.Rooms[i].RoomId }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListRoomsPages(&chime.ListRoomsInput{AccountId: str(lwa), MaxResults: i64(n)}, func(out *chime.ListRoomsOutput, _ bool) bool {
					each(ids(len(out.Rooms), func(i int) *string { return out.Rooms[i].RoomId }))
					return true
				})
			}},
		{op: "ListRoomMemberships", pageSize: 2, want: 5, tooLarge: 100,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListRoomMemberships(&chime.ListRoomMembershipsInput{AccountId: str(lwa), RoomId: room, NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.RoomMemberships), func(i int) *string { return out.RoomMemberships[i].Member.MemberId }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListRoomMembershipsPages(&chime.ListRoomMembershipsInput{AccountId: str(lwa), RoomId: room, MaxResults: i64(n)}, func(out *chime.ListRoomMembershipsOutput, _ bool) bool {
					each(ids(len(out.RoomMemberships), func(i int) *string { return out.RoomMemberships[i].Member.MemberId }))
					return true
				})
			}},
		{op: "ListBots", pageSize: 2, want: 3, tooLarge: 100,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListBots(&chime.ListBotsInput{AccountId: str(lwa), NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.Bots), func(i int) *string { return out.Bots[i].BotId }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListBotsPages(&chime.ListBotsInput{AccountId: str(lwa), MaxResults: i64(n)}, func(out *chime.ListBotsOutput, _ bool) bool {
					each(ids(len(out.Bots), func(i int) *string { return out.Bots[i].BotId }))
					return true
				})
			}},
		{op: "ListPhoneNumberOrders", pageSize: 2, want: 3, tooLarge: 100,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListPhoneNumberOrders(&chime.ListPhoneNumberOrdersInput{NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.PhoneNumberOrders), func(i int) *string { return out.PhoneNumberOrders[i].PhoneNumberOrderId }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListPhoneNumberOrdersPages(&chime.ListPhoneNumberOrdersInput{MaxResults: i64(n)}, func(out *chime.ListPhoneNumberOrdersOutput, _ bool) bool {
					each(ids(len(out.PhoneNumberOrders), func(i int) *string { return out.PhoneNumberOrders[i].PhoneNumberOrderId }))
					return true
				})
			}},
		{op: "ListPhoneNumbers", pageSize: 4, want: 6, tooLarge: 100,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.ListPhoneNumbers(&chime.ListPhoneNumbersInput{NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return ids(len(out.PhoneNumbers), func(i int) *string { return out.PhoneNumbers[i].E164PhoneNumber }), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.ListPhoneNumbersPages(&chime.ListPhoneNumbersInput{MaxResults: i64(n)}, func(out *chime.ListPhoneNumbersOutput, _ bool) bool {
					each(ids(len(out.PhoneNumbers), func(i int) *string { return out.PhoneNumbers[i].E164PhoneNumber }))
					return true
				})
			}},
		{op: "SearchAvailablePhoneNumbers", pageSize: 40, want: 100, tooLarge: 501,
			page: func(tok *string, n int64) ([]string, *string, error) {
				out, err := c.SearchAvailablePhoneNumbers(&chime.SearchAvailablePhoneNumbersInput{TollFreePrefix: str("888"), NextToken: tok, MaxResults: i64(n)})
				if err != nil {
					return nil, nil, err
				}
				return aws.StringValueSlice(out.E164PhoneNumbers), out.NextToken, nil
			},
			pagesFunc: func(n int64, each func([]string)) error {
				return c.SearchAvailablePhoneNumbersPages(&chime.SearchAvailablePhoneNumbersInput{TollFreePrefix: str("888"), MaxResults: i64(n)}, func(out *chime.SearchAvailablePhoneNumbersOutput, _ bool) bool {
					each(aws.StringValueSlice(out.E164PhoneNumbers))
					return true
				})
			}},
	}
	var paged []string
	for _, pc := range cases {
		t.Run(pc.op, func(t *testing.T) {
			var byHand [][]string
			var tok *string
			for {
				page, next, err := pc.page(tok, pc.pageSize)
				if err != nil {
					t.Fatalf("page %d: %v", len(byHand)+1, err)
				}
				if int64(len(page)) > pc.pageSize {
					t.Fatalf("%d items on a page of %d", len(page), pc.pageSize)
				}
				byHand = append(byHand, page)
				if aws.StringValue(next) == "" {
					break
				}
				if len(byHand) == 100 {
					t.Fatal("the pages never end")
				}
				tok = next
			}
			all := slices.Concat(byHand...)
			if want := (pc.want + int(pc.pageSize) - 1) / int(pc.pageSize); len(byHand) != want || len(all) != pc.want {
				t.Fatalf("%d items in %d pages of %d, want %d in %d", len(all), len(byHand), pc.pageSize, pc.want, want)
			}
			if slices.Sort(all); len(slices.Compact(all)) != pc.want {
				t.Fatalf("an item came twice: %v", byHand)
			}
			var viaPages [][]string
			if err := pc.pagesFunc(pc.pageSize, func(ids []string) { viaPages = append(viaPages, ids) }); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(viaPages) != fmt.Sprint(byHand) {
				t.Fatalf("%sPages gave %v\nby hand %v", pc.op, viaPages, byHand)
			}
			_, _, err := pc.page(aws.String("not-a-token-of-this-server"), pc.pageSize)
			v1Fails[*chime.BadRequestException](t, nil, "a token the server did not issue", err)
			_, _, err = pc.page(nil, pc.tooLarge)
			v1Fails[*chime.BadRequestException](t, nil, fmt.Sprintf("MaxResults %d", pc.tooLarge), err)
			paged = append(paged, pc.op)
		})
	}
	checkPaging(t, "aws-sdk-go v1", paged)
	t.Logf("aws-sdk-go v1: followed the pages of %d operations", len(paged))
}

// v1Create sends one CreateAccount and returns the attempts it took (the
// SDK's RetryCount + 1) and its error.
func v1Create(c *chime.Chime, name string) (int, error) {
	req, _ := c.CreateAccountRequest(&chime.CreateAccountInput{Name: aws.String(name)})
	err := req.Send()
	return req.RetryCount + 1, err
}

// How aws-sdk-go v1 retries against chime. Each case compares the attempts
// the SDK reports with the requests the server counted, so that a retry is
// seen from both ends; attempts and counts are asserted, never durations.
func TestGoV1SDKRetries(t *testing.T) {
	// Every attempt fails: v1's default retryer (MaxRetries unset) makes 3
	// retries of each kind, waiting out Retry-After on 429 and 503, and
	// MaxRetries 0 gives the error at the first attempt. One server per
	// kind, so the three wait in parallel.
	for _, k := range []struct {
		kind   string
		status int
		check  func(*testing.T, error)
	}{
		{"throttle", 429, func(t *testing.T, err error) { v1Fails[*chime.ThrottledClientException](t, nil, "throttle", err) }},
		{"unavailable", 503, func(t *testing.T, err error) { v1Fails[*chime.ServiceUnavailableException](t, nil, "unavailable", err) }},
		{"failure", 500, func(t *testing.T, err error) { v1Fails[*chime.ServiceFailureException](t, nil, "failure", err) }},
	} {
		t.Run("always_"+k.kind, func(t *testing.T) {
			t.Parallel()
			s := startServer(t, "--dev", "--fault", "CreateAccount:"+k.kind+":1")
			for _, rc := range []struct {
				name       string
				maxRetries int
				attempts   int
			}{{"default", aws.UseServiceDefaultRetries, 4}, {"MaxRetries 0", 0, 1}} {
				before := requestCount(t, s.url, "CreateAccount", k.status)
				attempts, err := v1Create(v1Client(t, s.url, "test", rc.maxRetries, nil), "never")
				k.check(t, err)
				answered := requestCount(t, s.url, "CreateAccount", k.status) - before
				if attempts != rc.attempts || answered != rc.attempts {
					t.Errorf("%s: %d attempts, the server answered %d with %d; want %d", rc.name, attempts, answered, k.status, rc.attempts)
				}
				t.Logf("aws-sdk-go v1, %s, every attempt %d: gave up after %d attempts", rc.name, k.status, attempts)
			}
		})
	}

	// Half the creates fail, throttled or unavailable, the same way every
	// run (the seed). Every create gets through by retries, stored once.
	t.Run("intermittent", func(t *testing.T) {
		s := startServer(t, "--dev")
		admin(t, s.url, "put-faults", "--seed", "5", "--rules",
			"Operation=CreateAccount,Kind=throttle,Rate=0.25", "Operation=CreateAccount,Kind=unavailable,Rate=0.25")
		c := v1Client(t, s.url, "test", 9, nil)
		failed := func() int {
			return requestCount(t, s.url, "CreateAccount", 429) + requestCount(t, s.url, "CreateAccount", 503)
		}
		before, retries := failed(), 0
		for i := 0; i < 6; i++ {
			attempts, err := v1Create(c, fmt.Sprintf("intermittent %d", i))
			if err != nil {
				t.Fatalf("create %d: %v", i, err)
			}
			retries += attempts - 1
		}
		if retries == 0 {
			t.Fatal("no create was retried, so nothing was tested")
		}
		if got := failed() - before; got != retries {
			t.Errorf("%d retries, but the server failed %d requests", retries, got)
		}
		if n := len(v1Must[*chime.ListAccountsOutput](t, "ListAccounts")(c.ListAccounts(&chime.ListAccountsInput{Name: aws.String("intermittent")})).Accounts); n != 6 {
			t.Errorf("%d accounts stored for 6 acknowledged creates", n)
		}
		t.Logf("aws-sdk-go v1, MaxRetries 9, 25%% 429 + 25%% 503: 6 creates after %d retries", retries)
	})

	// A real rate limit: 4 requests a second with a burst of 1; the 429s
	// come with Retry-After: 1, which v1 waits out.
	t.Run("rate_limit", func(t *testing.T) {
		s := startServer(t, "--dev", "--rate-limit", "4", "--rate-burst", "1")
		// The server counts a throttled request under its operation.
		throttled := func() int { return requestCount(t, s.url, "CreateAccount", 429) }
		c := v1Client(t, s.url, "test", aws.UseServiceDefaultRetries, nil)
		before, retries := throttled(), 0
		for i := 0; i < 4; i++ {
			attempts, err := v1Create(c, fmt.Sprintf("limited %d", i))
			if err != nil {
				t.Fatalf("create %d: %v", i, err)
			}
			retries += attempts - 1
		}
		if retries == 0 {
			t.Fatal("no create was throttled, so nothing was tested")
		}
		if got := throttled() - before; got != retries {
			t.Errorf("%d retries, but the server throttled %d requests", retries, got)
		}
		t.Logf("aws-sdk-go v1, default retries, --rate-limit 4 --rate-burst 1: 4 creates after %d retries", retries)
		// With retries off the throttled request fails at its first attempt.
		once := v1Client(t, s.url, "test", 0, nil)
		for i := 0; ; i++ {
			req, _ := once.ListAccountsRequest(&chime.ListAccountsInput{})
			err := req.Send()
			if err == nil {
				if i == 20 {
					t.Fatal("20 requests at once were never throttled")
				}
				continue
			}
			v1Fails[*chime.ThrottledClientException](t, nil, "MaxRetries 0 over the rate limit", err)
			if req.RetryCount != 0 || req.HTTPResponse.Header.Get("Retry-After") != "1" {
				t.Errorf("retries %d, Retry-After %q", req.RetryCount, req.HTTPResponse.Header.Get("Retry-After"))
			}
			break
		}
	})
}
