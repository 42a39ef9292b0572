package restjson_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/internal/clock"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// Two tenants: AWS accounts 111122223333 and 444455556666.
var testKeys = sigv4.StaticKeyring{
	"AKIDALPHA": {AccessKeyID: "AKIDALPHA", SecretAccessKey: "alpha-secret", AccountID: "111122223333"},
	"AKIDBETA":  {AccessKeyID: "AKIDBETA", SecretAccessKey: "beta-secret", AccountID: "444455556666"},
}

type env struct {
	t     *testing.T
	ctx   context.Context
	url   string
	store *sqlstore.Store
	alpha *awschime.Client
	beta  *awschime.Client
	// clock is the store's time; tests move it forward.
	clock *clock.Clock
}

func newEnv(t *testing.T, open storeOpener) *env {
	t.Helper()
	ctx := context.Background()
	clk := new(clock.Clock)
	store := open(t, sqlstore.Options{Now: clk.Now})
	api := restjson.New(restjson.Config{
		Services:      store.Services(),
		Auth:          &sigv4.Verifier{Keys: testKeys, Service: "chime"},
		PaginationKey: []byte("0123456789abcdef0123456789abcdef"),
		Clock:         clk,
		ClockControl:  true,
	})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	e := &env{t: t, ctx: ctx, url: srv.URL, store: store, clock: clk}
	e.alpha = e.client("AKIDALPHA", "alpha-secret")
	e.beta = e.client("AKIDBETA", "beta-secret")
	return e
}

func (e *env) client(akid, secret string) *awschime.Client {
	return awschime.New(awschime.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(e.url),
		Credentials:  credentials.NewStaticCredentialsProvider(akid, secret, ""),
		Retryer:      aws.NopRetryer{},
	})
}

// account makes an account of the given type for tenant alpha.
func (e *env) account(t chime.AccountType) string {
	e.t.Helper()
	a, err := e.store.Services().Accounts.CreateAccount(e.ctx, "111122223333", chime.NewAccount{Name: "acct", Type: t})
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// suspend suspends an account of tenant alpha, as the administrator does.
func (e *env) suspend(accountID string) {
	e.t.Helper()
	st := chime.AccountSuspended
	if _, err := e.store.Services().Accounts.AdminUpdateAccount(e.ctx, "111122223333", accountID, chime.AccountAdminUpdate{Status: &st}); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) user(accountID, email string) *types.User {
	e.t.Helper()
	out, err := e.alpha.CreateUser(e.ctx, &awschime.CreateUserInput{AccountId: aws.String(accountID), Email: aws.String(email)})
	if err != nil {
		e.t.Fatal(err)
	}
	return out.User
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantAPIError checks that err is the SDK's typed exception T with the
// modelled body code.
func wantAPIError[T interface {
	error
	ErrorCode() string
}](t *testing.T, err error, code types.ErrorCode) T {
	t.Helper()
	var typed T
	if !errors.As(err, &typed) {
		t.Fatalf("got %T %v, want %T", err, err, typed)
	}
	got := fmt.Sprint(reflectCode(typed))
	if got != string(code) {
		t.Fatalf("body Code %q, want %q", got, code)
	}
	return typed
}

// reflectCode reads the Code member every modelled Chime exception has.
func reflectCode(err error) types.ErrorCode {
	switch e := err.(type) {
	case *types.BadRequestException:
		return e.Code
	case *types.NotFoundException:
		return e.Code
	case *types.ConflictException:
		return e.Code
	case *types.ForbiddenException:
		return e.Code
	case *types.UnauthorizedClientException:
		return e.Code
	case *types.UnprocessableEntityException:
		return e.Code
	}
	return ""
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCreateAccount(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		out, err := e.alpha.CreateAccount(e.ctx, &awschime.CreateAccountInput{Name: aws.String("Example Corp")})
		must(t, err)
		a := out.Account
		if aws.ToString(a.AwsAccountId) != "111122223333" || a.AccountType != types.AccountTypeTeam ||
			a.DefaultLicense != types.LicensePro || fmt.Sprint(a.SupportedLicenses) != "[Basic Pro]" ||
			a.AccountStatus != types.AccountStatusActive || a.SigninDelegateGroups == nil || a.CreatedTimestamp == nil ||
			!uuidRE.MatchString(aws.ToString(a.AccountId)) {
			t.Fatalf("%+v", a)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			for _, name := range []string{" ", strings.Repeat("n", 101)} {
				_, err := e.alpha.CreateAccount(e.ctx, &awschime.CreateAccountInput{Name: aws.String(name)})
				wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			}
		})
	})
}

func TestGetAccount(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		out, err := e.alpha.GetAccount(e.ctx, &awschime.GetAccountInput{AccountId: aws.String(id)})
		must(t, err)
		if aws.ToString(out.Account.AccountId) != id || out.Account.AccountType != types.AccountTypeEnterpriseDirectory {
			t.Fatalf("%+v", out.Account)
		}
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.alpha.GetAccount(e.ctx, &awschime.GetAccountInput{AccountId: aws.String("missing")})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
		t.Run("ErrNotFoundForOtherTenant", func(t *testing.T) {
			_, err := e.beta.GetAccount(e.ctx, &awschime.GetAccountInput{AccountId: aws.String(id)})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestListAccounts(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		var want []string
		for i := 0; i < 5; i++ {
			out, err := e.alpha.CreateAccount(e.ctx, &awschime.CreateAccountInput{Name: aws.String(fmt.Sprintf("Team %d", i))})
			must(t, err)
			want = append(want, aws.ToString(out.Account.AccountId))
		}
		var got []string
		p := awschime.NewListAccountsPaginator(e.alpha, &awschime.ListAccountsInput{MaxResults: aws.Int32(2)})
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(e.ctx)
			must(t, err)
			pages++
			for _, a := range out.Accounts {
				got = append(got, aws.ToString(a.AccountId))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || pages != 3 {
			t.Fatalf("%d pages %v, want %v", pages, got, want)
		}
		out, err := e.alpha.ListAccounts(e.ctx, &awschime.ListAccountsInput{Name: aws.String("Team 3")})
		must(t, err)
		if len(out.Accounts) != 1 {
			t.Fatalf("name filter: %d", len(out.Accounts))
		}
		out, err = e.beta.ListAccounts(e.ctx, &awschime.ListAccountsInput{})
		must(t, err)
		if len(out.Accounts) != 0 || out.Accounts == nil {
			t.Fatalf("other tenant sees %v", out.Accounts)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			_, err := e.alpha.ListAccounts(e.ctx, &awschime.ListAccountsInput{MaxResults: aws.Int32(201)})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			_, err = e.alpha.ListAccounts(e.ctx, &awschime.ListAccountsInput{UserEmail: aws.String("not-an-email")})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			first, _ := e.alpha.ListAccounts(e.ctx, &awschime.ListAccountsInput{MaxResults: aws.Int32(1)})
			// A token from another filter, another tenant, or altered, is refused.
			_, err = e.alpha.ListAccounts(e.ctx, &awschime.ListAccountsInput{NextToken: first.NextToken, Name: aws.String("Team")})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			_, err = e.beta.ListAccounts(e.ctx, &awschime.ListAccountsInput{NextToken: first.NextToken})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			_, err = e.alpha.ListAccounts(e.ctx, &awschime.ListAccountsInput{NextToken: aws.String("Mg." + strings.Repeat("A", 22))})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
	})
}

func TestUpdateAccount(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.Team)
		out, err := e.alpha.UpdateAccount(e.ctx, &awschime.UpdateAccountInput{AccountId: aws.String(id),
			Name: aws.String("Renamed"), DefaultLicense: types.LicenseBasic})
		must(t, err)
		if aws.ToString(out.Account.Name) != "Renamed" || out.Account.DefaultLicense != types.LicenseBasic {
			t.Fatalf("%+v", out.Account)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			_, err := e.alpha.UpdateAccount(e.ctx, &awschime.UpdateAccountInput{AccountId: aws.String(id), DefaultLicense: types.LicenseProTrial})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			_, err = e.alpha.UpdateAccount(e.ctx, &awschime.UpdateAccountInput{AccountId: aws.String(id), DefaultLicense: "Gold"})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.UpdateAccount(e.ctx, &awschime.UpdateAccountInput{AccountId: aws.String(id), Name: aws.String("x")})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
		t.Run("ErrForbidden", func(t *testing.T) {
			e.suspend(id)
			_, err := e.alpha.UpdateAccount(e.ctx, &awschime.UpdateAccountInput{AccountId: aws.String(id), Name: aws.String("x")})
			wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
		})
	})
}

func TestDeleteAccount(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.Team)
		inv, err := e.alpha.InviteUsers(e.ctx, &awschime.InviteUsersInput{AccountId: aws.String(id), UserEmailList: []string{"a@example.com"}})
		must(t, err)
		_ = inv
		t.Run("ErrUnprocessable", func(t *testing.T) {
			_, err := e.alpha.DeleteAccount(e.ctx, &awschime.DeleteAccountInput{AccountId: aws.String(id)})
			wantAPIError[*types.UnprocessableEntityException](t, err, types.ErrorCodeUnprocessable)
		})
		users, err := e.alpha.ListUsers(e.ctx, &awschime.ListUsersInput{AccountId: aws.String(id)})
		must(t, err)
		_, err = e.alpha.BatchSuspendUser(e.ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(id), UserIdList: []string{aws.ToString(users.Users[0].UserId)}})
		must(t, err)
		_, err = e.alpha.DeleteAccount(e.ctx, &awschime.DeleteAccountInput{AccountId: aws.String(id)})
		must(t, err)
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.alpha.GetAccount(e.ctx, &awschime.GetAccountInput{AccountId: aws.String(id)})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
			_, err = e.alpha.DeleteAccount(e.ctx, &awschime.DeleteAccountInput{AccountId: aws.String(id)})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestAccountSettings(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.Team)
		got, err := e.alpha.GetAccountSettings(e.ctx, &awschime.GetAccountSettingsInput{AccountId: aws.String(id)})
		must(t, err)
		if aws.ToBool(got.AccountSettings.DisableRemoteControl) || aws.ToBool(got.AccountSettings.EnableDialOut) ||
			got.AccountSettings.EnableDialOut == nil {
			t.Fatalf("%+v", got.AccountSettings)
		}
		_, err = e.alpha.UpdateAccountSettings(e.ctx, &awschime.UpdateAccountSettingsInput{AccountId: aws.String(id),
			AccountSettings: &types.AccountSettings{EnableDialOut: aws.Bool(true)}})
		must(t, err)
		got, _ = e.alpha.GetAccountSettings(e.ctx, &awschime.GetAccountSettingsInput{AccountId: aws.String(id)})
		if !aws.ToBool(got.AccountSettings.EnableDialOut) || aws.ToBool(got.AccountSettings.DisableRemoteControl) {
			t.Fatalf("%+v", got.AccountSettings)
		}
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.GetAccountSettings(e.ctx, &awschime.GetAccountSettingsInput{AccountId: aws.String(id)})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
			_, err = e.beta.UpdateAccountSettings(e.ctx, &awschime.UpdateAccountSettingsInput{AccountId: aws.String(id), AccountSettings: &types.AccountSettings{}})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestSigninDelegateGroups(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		_, err := e.alpha.AssociateSigninDelegateGroupsWithAccount(e.ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{
			AccountId: aws.String(id), SigninDelegateGroups: []types.SigninDelegateGroup{{GroupName: aws.String("admins")}, {GroupName: aws.String("rooms")}}})
		must(t, err)
		_, err = e.alpha.DisassociateSigninDelegateGroupsFromAccount(e.ctx, &awschime.DisassociateSigninDelegateGroupsFromAccountInput{
			AccountId: aws.String(id), GroupNames: []string{"rooms"}})
		must(t, err)
		out, _ := e.alpha.GetAccount(e.ctx, &awschime.GetAccountInput{AccountId: aws.String(id)})
		if len(out.Account.SigninDelegateGroups) != 1 || aws.ToString(out.Account.SigninDelegateGroups[0].GroupName) != "admins" {
			t.Fatalf("%+v", out.Account.SigninDelegateGroups)
		}
		t.Run("ErrForbidden", func(t *testing.T) {
			team := e.account(chime.Team)
			_, err := e.alpha.AssociateSigninDelegateGroupsWithAccount(e.ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{
				AccountId: aws.String(team), SigninDelegateGroups: []types.SigninDelegateGroup{{GroupName: aws.String("g")}}})
			wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
		})
		t.Run("ErrBadRequest", func(t *testing.T) {
			_, err := e.alpha.AssociateSigninDelegateGroupsWithAccount(e.ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{
				AccountId: aws.String(id), SigninDelegateGroups: []types.SigninDelegateGroup{{GroupName: aws.String("  ")}}})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		// A request names at most 50 groups, and an account holds at most 50:
		// no request can make the shared write do more than linear work.
		groups := func(prefix string, n int) []types.SigninDelegateGroup {
			g := make([]types.SigninDelegateGroup, n)
			for i := range g {
				g[i].GroupName = aws.String(fmt.Sprintf("%s-%d", prefix, i))
			}
			return g
		}
		t.Run("ErrTooManyInRequest", func(t *testing.T) {
			_, err := e.alpha.AssociateSigninDelegateGroupsWithAccount(e.ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{
				AccountId: aws.String(id), SigninDelegateGroups: groups("many", chime.MaxSigninDelegateGroups+1)})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrAccountFull", func(t *testing.T) {
			_, err := e.alpha.AssociateSigninDelegateGroupsWithAccount(e.ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{
				AccountId: aws.String(id), SigninDelegateGroups: groups("fill", chime.MaxSigninDelegateGroups-1)})
			must(t, err) // with admins, the account is full
			_, err = e.alpha.AssociateSigninDelegateGroupsWithAccount(e.ctx, &awschime.AssociateSigninDelegateGroupsWithAccountInput{
				AccountId: aws.String(id), SigninDelegateGroups: groups("over", 1)})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.DisassociateSigninDelegateGroupsFromAccount(e.ctx, &awschime.DisassociateSigninDelegateGroupsFromAccountInput{
				AccountId: aws.String(id), GroupNames: []string{"admins"}})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestCreateUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		out, err := e.alpha.CreateUser(e.ctx, &awschime.CreateUserInput{AccountId: aws.String(id),
			Email: aws.String("roomdevice@example.com"), UserType: types.UserTypeSharedDevice})
		must(t, err)
		u := out.User
		if aws.ToString(u.DisplayName) != "Room Device" || u.LicenseType != types.LicensePro || u.UserType != types.UserTypeSharedDevice ||
			u.UserRegistrationStatus != types.RegistrationStatusRegistered || u.RegisteredOn == nil ||
			u.AlexaForBusinessMetadata == nil || aws.ToBool(u.AlexaForBusinessMetadata.IsAlexaForBusinessEnabled) ||
			u.PersonalPIN != nil || u.InvitedOn != nil || u.UserInvitationStatus != "" || aws.ToString(u.AccountId) != id {
			t.Fatalf("%+v", u)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			team := e.account(chime.Team)
			_, err := e.alpha.CreateUser(e.ctx, &awschime.CreateUserInput{AccountId: aws.String(team), Email: aws.String("valid@email.com")})
			typed := wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			if typed.ErrorMessage() != "Service received a bad request" {
				t.Fatalf("message %q", typed.ErrorMessage())
			}
			for _, in := range []*awschime.CreateUserInput{
				{AccountId: aws.String(id)},
				{AccountId: aws.String(id), Email: aws.String("notanemail")},
				{AccountId: aws.String(id), Email: aws.String("x@example.com"), UserType: "Bogus"},
			} {
				_, err := e.alpha.CreateUser(e.ctx, in)
				wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			}
		})
		t.Run("ErrConflict", func(t *testing.T) {
			_, err := e.alpha.CreateUser(e.ctx, &awschime.CreateUserInput{AccountId: aws.String(id), Email: aws.String("RoomDevice@example.com")})
			wantAPIError[*types.ConflictException](t, err, types.ErrorCodeConflict)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.CreateUser(e.ctx, &awschime.CreateUserInput{AccountId: aws.String(id), Email: aws.String("z@example.com")})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
		t.Run("ErrForbidden", func(t *testing.T) {
			e.suspend(id)
			_, err := e.alpha.CreateUser(e.ctx, &awschime.CreateUserInput{AccountId: aws.String(id), Email: aws.String("y@example.com")})
			wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
		})
	})
}

func TestGetUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseOIDC)
		u := e.user(id, "jane@example.com")
		out, err := e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: u.UserId})
		must(t, err)
		if aws.ToString(out.User.DisplayName) != "jane" || !regexp.MustCompile(`^\d{10}$`).MatchString(aws.ToString(out.User.PersonalPIN)) ||
			!out.User.RegisteredOn.Equal(*u.RegisteredOn) {
			t.Fatalf("%+v", out.User)
		}
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: aws.String("nobody")})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
			_, err = e.beta.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: u.UserId})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestListUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		var want []string
		for i := 0; i < 5; i++ {
			want = append(want, aws.ToString(e.user(id, fmt.Sprintf("u%d@example.com", i)).UserId))
		}
		var got []string
		p := awschime.NewListUsersPaginator(e.alpha, &awschime.ListUsersInput{AccountId: aws.String(id), MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			out, err := p.NextPage(e.ctx)
			must(t, err)
			for _, u := range out.Users {
				got = append(got, aws.ToString(u.UserId))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("got %v want %v", got, want)
		}
		out, err := e.alpha.ListUsers(e.ctx, &awschime.ListUsersInput{AccountId: aws.String(id), UserEmail: aws.String("U3@example.com")})
		must(t, err)
		if len(out.Users) != 1 || aws.ToString(out.Users[0].UserId) != want[3] {
			t.Fatalf("e-mail filter %+v", out.Users)
		}
		out, err = e.alpha.ListUsers(e.ctx, &awschime.ListUsersInput{AccountId: aws.String(id), UserType: types.UserTypeSharedDevice})
		must(t, err)
		if len(out.Users) != 0 {
			t.Fatalf("type filter %d", len(out.Users))
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			for _, in := range []*awschime.ListUsersInput{
				{AccountId: aws.String(id), MaxResults: aws.Int32(0)},
				{AccountId: aws.String(id), MaxResults: aws.Int32(500)},
				{AccountId: aws.String(id), UserType: "Robot"},
				{AccountId: aws.String(id), NextToken: aws.String("garbage")},
			} {
				_, err := e.alpha.ListUsers(e.ctx, in)
				wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.ListUsers(e.ctx, &awschime.ListUsersInput{AccountId: aws.String(id)})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestUpdateUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		u := e.user(id, "x@example.com")
		out, err := e.alpha.UpdateUser(e.ctx, &awschime.UpdateUserInput{AccountId: aws.String(id), UserId: u.UserId,
			LicenseType: types.LicenseBasic, AlexaForBusinessMetadata: &types.AlexaForBusinessMetadata{
				IsAlexaForBusinessEnabled: aws.Bool(true), AlexaForBusinessRoomArn: aws.String("arn:aws:a4b:us-east-1:111122223333:room/r")}})
		must(t, err)
		if out.User.LicenseType != types.LicenseBasic || !aws.ToBool(out.User.AlexaForBusinessMetadata.IsAlexaForBusinessEnabled) ||
			aws.ToString(out.User.AlexaForBusinessMetadata.AlexaForBusinessRoomArn) == "" {
			t.Fatalf("%+v", out.User)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			_, err := e.alpha.UpdateUser(e.ctx, &awschime.UpdateUserInput{AccountId: aws.String(id), UserId: u.UserId, LicenseType: types.LicensePlus})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.alpha.UpdateUser(e.ctx, &awschime.UpdateUserInput{AccountId: aws.String(id), UserId: aws.String("nobody"), LicenseType: types.LicenseBasic})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestBatchUpdateUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		u := e.user(id, "x@example.com")
		out, err := e.alpha.BatchUpdateUser(e.ctx, &awschime.BatchUpdateUserInput{AccountId: aws.String(id),
			UpdateUserRequestItems: []types.UpdateUserRequestItem{
				{UserId: u.UserId, LicenseType: types.LicenseBasic},
				{UserId: aws.String("nobody"), LicenseType: types.LicenseBasic},
				{UserId: u.UserId, LicenseType: types.LicenseProTrial},
			}})
		must(t, err)
		if len(out.UserErrors) != 2 || out.UserErrors[0].ErrorCode != types.ErrorCodeNotFound ||
			out.UserErrors[1].ErrorCode != types.ErrorCodeBadRequest || aws.ToString(out.UserErrors[1].UserId) != aws.ToString(u.UserId) {
			t.Fatalf("%+v", out.UserErrors)
		}
		got, _ := e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: u.UserId})
		if got.User.LicenseType != types.LicenseBasic {
			t.Fatalf("license %v", got.User.LicenseType)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			items := make([]types.UpdateUserRequestItem, 21)
			for i := range items {
				items[i] = types.UpdateUserRequestItem{UserId: u.UserId}
			}
			_, err := e.alpha.BatchUpdateUser(e.ctx, &awschime.BatchUpdateUserInput{AccountId: aws.String(id), UpdateUserRequestItems: items})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.BatchUpdateUser(e.ctx, &awschime.BatchUpdateUserInput{AccountId: aws.String(id),
				UpdateUserRequestItems: []types.UpdateUserRequestItem{{UserId: u.UserId}}})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestBatchSuspendAndUnsuspendUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseLWA)
		u := e.user(id, "x@example.com")
		out, err := e.alpha.BatchSuspendUser(e.ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(id), UserIdList: []string{aws.ToString(u.UserId), "nobody"}})
		must(t, err)
		if len(out.UserErrors) != 1 || out.UserErrors[0].ErrorCode != types.ErrorCodeNotFound {
			t.Fatalf("%+v", out.UserErrors)
		}
		got, _ := e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: u.UserId})
		if got.User.UserRegistrationStatus != types.RegistrationStatusSuspended {
			t.Fatalf("%v", got.User.UserRegistrationStatus)
		}
		un, err := e.alpha.BatchUnsuspendUser(e.ctx, &awschime.BatchUnsuspendUserInput{AccountId: aws.String(id), UserIdList: []string{aws.ToString(u.UserId)}})
		must(t, err)
		if len(un.UserErrors) != 0 || un.UserErrors == nil {
			t.Fatalf("%+v", un.UserErrors)
		}
		got, _ = e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: u.UserId})
		if got.User.UserRegistrationStatus != types.RegistrationStatusRegistered {
			t.Fatalf("%v", got.User.UserRegistrationStatus)
		}
		t.Run("ErrBadRequest", func(t *testing.T) {
			dir := e.account(chime.EnterpriseDirectory)
			_, err := e.alpha.BatchSuspendUser(e.ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(dir), UserIdList: []string{"x"}})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			_, err = e.alpha.BatchUnsuspendUser(e.ctx, &awschime.BatchUnsuspendUserInput{AccountId: aws.String(dir), UserIdList: []string{"x"}})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
			many := make([]string, 51)
			for i := range many {
				many[i] = fmt.Sprint(i)
			}
			_, err = e.alpha.BatchSuspendUser(e.ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(id), UserIdList: many})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.BatchSuspendUser(e.ctx, &awschime.BatchSuspendUserInput{AccountId: aws.String(id), UserIdList: []string{"x"}})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
			_, err = e.beta.BatchUnsuspendUser(e.ctx, &awschime.BatchUnsuspendUserInput{AccountId: aws.String(id), UserIdList: []string{"x"}})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestInviteUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.Team)
		out, err := e.alpha.InviteUsers(e.ctx, &awschime.InviteUsersInput{AccountId: aws.String(id),
			UserEmailList: []string{"alejandro@example.com", "alejandro@example.com"}, UserType: types.UserTypePrivateUser})
		must(t, err)
		if len(out.Invites) != 2 || out.Invites[0].Status != types.InviteStatusPending || out.Invites[1].Status != types.InviteStatusFailed ||
			out.Invites[0].EmailStatus != types.EmailStatusNotSent || aws.ToString(out.Invites[0].EmailAddress) != "alejandro@example.com" {
			t.Fatalf("%+v", out.Invites)
		}
		users, _ := e.alpha.ListUsers(e.ctx, &awschime.ListUsersInput{AccountId: aws.String(id)})
		u := users.Users[0]
		if u.UserInvitationStatus != types.InviteStatusPending || u.UserRegistrationStatus != types.RegistrationStatusUnregistered || u.InvitedOn == nil {
			t.Fatalf("%+v", u)
		}
		t.Run("ErrForbidden", func(t *testing.T) {
			dir := e.account(chime.EnterpriseDirectory)
			_, err := e.alpha.InviteUsers(e.ctx, &awschime.InviteUsersInput{AccountId: aws.String(dir), UserEmailList: []string{"a@example.com"}})
			wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
		})
		t.Run("ErrBadRequest", func(t *testing.T) {
			_, err := e.alpha.InviteUsers(e.ctx, &awschime.InviteUsersInput{AccountId: aws.String(id), UserEmailList: []string{"bad"}})
			wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.InviteUsers(e.ctx, &awschime.InviteUsersInput{AccountId: aws.String(id), UserEmailList: []string{"a@example.com"}})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestLogoutUserAndResetPersonalPIN(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		u := e.user(id, "x@example.com")
		_, err := e.alpha.LogoutUser(e.ctx, &awschime.LogoutUserInput{AccountId: aws.String(id), UserId: u.UserId})
		must(t, err)
		out, err := e.alpha.ResetPersonalPIN(e.ctx, &awschime.ResetPersonalPINInput{AccountId: aws.String(id), UserId: u.UserId})
		must(t, err)
		if aws.ToString(out.User.PersonalPIN) == aws.ToString(u.PersonalPIN) || len(aws.ToString(out.User.PersonalPIN)) != 10 {
			t.Fatalf("PIN %q after %q", aws.ToString(out.User.PersonalPIN), aws.ToString(u.PersonalPIN))
		}
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.alpha.LogoutUser(e.ctx, &awschime.LogoutUserInput{AccountId: aws.String(id), UserId: aws.String("nobody")})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
			_, err = e.beta.ResetPersonalPIN(e.ctx, &awschime.ResetPersonalPINInput{AccountId: aws.String(id), UserId: u.UserId})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestUserSettings(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		u := e.user(id, "x@example.com")
		got, err := e.alpha.GetUserSettings(e.ctx, &awschime.GetUserSettingsInput{AccountId: aws.String(id), UserId: u.UserId})
		must(t, err)
		tel := got.UserSettings.Telephony
		if aws.ToBool(tel.InboundCalling) || aws.ToBool(tel.OutboundCalling) || aws.ToBool(tel.SMS) || tel.SMS == nil {
			t.Fatalf("%+v", tel)
		}
		_, err = e.alpha.UpdateUserSettings(e.ctx, &awschime.UpdateUserSettingsInput{AccountId: aws.String(id), UserId: u.UserId,
			UserSettings: &types.UserSettings{Telephony: &types.TelephonySettings{InboundCalling: aws.Bool(true), OutboundCalling: aws.Bool(true), SMS: aws.Bool(false)}}})
		must(t, err)
		got, _ = e.alpha.GetUserSettings(e.ctx, &awschime.GetUserSettingsInput{AccountId: aws.String(id), UserId: u.UserId})
		tel = got.UserSettings.Telephony
		if !aws.ToBool(tel.InboundCalling) || !aws.ToBool(tel.OutboundCalling) || aws.ToBool(tel.SMS) {
			t.Fatalf("%+v", tel)
		}
		t.Run("ErrNotFound", func(t *testing.T) {
			_, err := e.beta.GetUserSettings(e.ctx, &awschime.GetUserSettingsInput{AccountId: aws.String(id), UserId: u.UserId})
			wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		})
	})
}

func TestAuthenticationErrors(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		t.Run("ErrForbiddenWrongSecret", func(t *testing.T) {
			_, err := e.client("AKIDALPHA", "wrong").ListAccounts(e.ctx, &awschime.ListAccountsInput{})
			wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
		})
		t.Run("ErrForbiddenUnknownKey", func(t *testing.T) {
			_, err := e.client("AKIDNOBODY", "x").ListAccounts(e.ctx, &awschime.ListAccountsInput{})
			wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
		})
		t.Run("ErrUnauthorizedUnsigned", func(t *testing.T) {
			resp, err := http.Get(e.url + "/accounts")
			must(t, err)
			resp.Body.Close()
			if resp.StatusCode != 401 || resp.Header.Get("x-amzn-ErrorType") != "UnauthorizedClientException" {
				t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("x-amzn-ErrorType"))
			}
		})
	})
}

// Every operation of the Chime client is implemented: none answers "not
// implemented".
func TestEveryOperationIsImplemented(t *testing.T) {
	for _, op := range apispec.Operations {
		if !op.Implemented {
			t.Errorf("%s is not implemented", op.Name)
		}
	}
}

// A personal PIN is shown for one user (GetUser, ResetPersonalPIN), never
// for every user of an account in one ListUsers page.
func TestListUsersShowsNoPINs(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		id := e.account(chime.EnterpriseDirectory)
		u := e.user(id, "pin-holder@example.com")
		got, err := e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(id), UserId: u.UserId})
		must(t, err)
		if len(aws.ToString(got.User.PersonalPIN)) != 10 {
			t.Fatalf("GetUser shows no PIN: %+v", got.User)
		}
		page, err := e.alpha.ListUsers(e.ctx, &awschime.ListUsersInput{AccountId: aws.String(id)})
		must(t, err)
		if len(page.Users) != 1 || page.Users[0].PersonalPIN != nil {
			t.Fatalf("ListUsers shows a PIN: %+v", page.Users)
		}
	})
}
