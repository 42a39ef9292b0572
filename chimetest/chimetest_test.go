package chimetest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime/chimetest"
	"github.com/openchime/chime/client"
	"github.com/openchime/chime/faults"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/server"
)

// The seed's example, against a server of the test's own; WithSeed makes
// the new user's id the same in every run.
func Example() {
	srv, err := chimetest.Start(chimetest.WithSeed(1))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	ctx := context.Background()
	out, err := srv.Client.CreateUser(ctx, &awschime.CreateUserInput{
		AccountId: aws.String(chimetest.ExampleAccountID),
		Email:     aws.String("roomdevice@example.com"),
		UserType:  types.UserTypeSharedDevice,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*out.User.PrimaryEmail, out.User.UserType, out.User.UserRegistrationStatus)
	fmt.Println(*out.User.UserId)
	fmt.Println(out.User.RegisteredOn.Format(time.RFC3339))
	// Output:
	// roomdevice@example.com SharedDevice Registered
	// a7dae084-cd10-4c41-97d1-0868d634ddc6
	// 2026-01-01T00:00:00Z
}

// Tests in parallel get servers of their own.
func TestParallelServersAreSeparate(t *testing.T) {
	for i := range 3 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			srv := chimetest.NewServer(t)
			_, err := srv.Client.CreateUser(context.Background(), &awschime.CreateUserInput{
				AccountId: aws.String(chimetest.ExampleAccountID), Email: aws.String("same@example.com")})
			if err != nil {
				t.Fatalf("the same e-mail on server %d: %v", i, err)
			}
		})
	}
}

// request is one step of a recorded conversation.
type request struct{ method, path, body string }

// conversation touches every generated value: account, user, room, bot
// and order ids, PINs, bot tokens, pagination tokens, timestamps, and an
// error's request id.
var conversation = []request{
	{"POST", "/accounts", `{"Name":"Seeded"}`},
	{"POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?operation=create", `{"Email":"a@example.com"}`},
	{"POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?operation=create", `{"Email":"b@example.com"}`},
	{"POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?operation=create", `{"Email":"a@example.com"}`},
	{"GET", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?max-results=1", ""},
	{"POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/rooms", `{"Name":"Standup"}`},
	{"POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/bots", `{"DisplayName":"Helper","Domain":"example.com"}`},
	{"POST", "/phone-number-orders", `{"ProductType":"BusinessCalling","E164PhoneNumbers":["+12065550100"]}`},
	{"GET", "/accounts", ""},
}

// play sends the conversation to a new server with the options, and
// returns every answer's status, request id and body.
func play(t *testing.T, opts ...chimetest.Option) []string {
	t.Helper()
	return playOn(t, chimetest.NewServer(t, opts...))
}

func playOn(t *testing.T, srv *chimetest.Server) []string {
	t.Helper()
	c := client.New(srv.URL, srv.Config.Credentials, nil)
	var answers []string
	for i, r := range conversation {
		path, query, _ := strings.Cut(r.path, "?")
		var body []byte
		if r.body != "" {
			body = []byte(r.body)
		}
		resp, err := c.Do(context.Background(), client.Request{Method: r.method, Path: path, Query: query, Body: body})
		// An error answer comes as a *client.Error beside its response.
		var answered *client.Error
		if err != nil && (!errors.As(err, &answered) || resp == nil) {
			t.Fatalf("step %d: %v", i, err)
		}
		answers = append(answers, fmt.Sprintf("%d %s %s", resp.Status, resp.Header.Get("x-amzn-RequestId"), resp.Body))
	}
	return answers
}

// Two runs with the same seed answer byte for byte the same; another seed
// answers otherwise (so the comparison can fail).
func TestSeededRunsAreByteIdentical(t *testing.T) {
	first := play(t, chimetest.WithSeed(42))
	second := play(t, chimetest.WithSeed(42))
	other := play(t, chimetest.WithSeed(43))
	for i := range first {
		if first[i] != second[i] {
			t.Errorf("step %d differs between two runs:\n%s\n%s", i, first[i], second[i])
		}
	}

	same := 0
	for i := range first {
		if first[i] == other[i] {
			same++
		}
	}
	if same == len(first) {
		t.Error("seeds 42 and 43 answered the same")
	}
	for _, want := range []string{"NextToken", "SecurityToken", "PersonalPIN", "2026-01-01T00:00:00.000Z", `"Code":"Conflict"`} {
		if !strings.Contains(strings.Join(first, "\n"), want) {
			t.Errorf("the conversation never shows %s: it would not prove that it repeats", want)
		}
	}
}

// After a reset of everything, a seeded server answers the conversation
// as it did after its start: ids, request ids, page tokens and times.
func TestResetAllRepeatsASeededServer(t *testing.T) {
	srv := chimetest.NewServer(t, chimetest.WithSeed(5))
	first := playOn(t, srv)
	if err := srv.ResetAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	again := playOn(t, srv)
	for i := range first {
		if first[i] != again[i] {
			t.Errorf("step %d differs after the reset:\n%s\n%s", i, first[i], again[i])
		}
	}
}

func TestFixedClock(t *testing.T) {
	start := time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)
	srv := chimetest.NewServer(t, chimetest.WithClock(start))
	ctx := context.Background()
	out, err := srv.Client.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Clocked")})
	if err != nil || !out.Account.CreatedTimestamp.Equal(start) {
		t.Fatalf("created at %v (%v), want %v", out.Account.CreatedTimestamp, err, start)
	}
	if err := srv.AdvanceClock(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	out, err = srv.Client.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Later")})
	if err != nil || !out.Account.CreatedTimestamp.Equal(start.Add(time.Hour)) {
		t.Fatalf("an hour later: %v (%v)", out.Account.CreatedTimestamp, err)
	}
}

// stores are the stores reset and restore are proven on: memory, a
// SQLite file, and PostgreSQL where the tests have one.
var stores = []struct {
	name  string
	store func(t *testing.T) string
}{
	{"memory", func(*testing.T) string { return "memory" }},
	{"sqlite", func(t *testing.T) string { return "sqlite:" + t.TempDir() + "/chime.db" }},
	{"postgres", func(t *testing.T) string { return pgtest.Schema(t) }},
}

func TestResetAndRestore(t *testing.T) {
	fixtures := `
Accounts:
  - Name: Fixture Corp
    AccountType: EnterpriseLWA
    Users:
      - Email: fixed@example.com
`
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			store := st.store(t)
			srv := chimetest.NewServer(t, chimetest.WithFixtureText(fixtures), chimetest.WithConfig(func(c *server.Config) { c.Store = store }))
			ctx := context.Background()
			names := func() []string {
				t.Helper()
				out, err := srv.Client.ListAccounts(ctx, &awschime.ListAccountsInput{})
				if err != nil {
					t.Fatal(err)
				}
				var n []string
				for _, a := range out.Accounts {
					n = append(n, *a.Name)
				}
				return n
			}
			start := strings.Join(names(), ",")
			if start != "Fixture Corp,Example Corp" {
				t.Fatalf("start state: %s", start)
			}
			snap, err := srv.Snapshot(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := srv.Client.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Made by the test")}); err != nil {
				t.Fatal(err)
			}
			if err := srv.Reset(ctx); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(names(), ","); got != start {
				t.Errorf("after reset: %s, want %s", got, start)
			}
			if _, err := srv.Client.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("After the reset")}); err != nil {
				t.Fatal(err)
			}
			if err := srv.Restore(ctx, snap); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(names(), ","); got != start {
				t.Errorf("after restore: %s, want %s", got, start)
			}
			// The restored user is the same user, found by e-mail.
			accounts, err := srv.Client.ListAccounts(ctx, &awschime.ListAccountsInput{UserEmail: aws.String("fixed@example.com")})
			if err != nil || len(accounts.Accounts) != 1 {
				t.Errorf("the fixture's user after restore: %+v %v", accounts, err)
			}
		})
	}
}

// The journal answers "CreateUser was called twice and the second got a
// Conflict".
func TestJournal(t *testing.T) {
	srv := chimetest.NewServer(t)
	ctx := context.Background()
	for range 2 {
		srv.Client.CreateUser(ctx, &awschime.CreateUserInput{AccountId: aws.String(chimetest.ExampleAccountID), Email: aws.String("twice@example.com")})
	}
	calls, err := srv.Requests(ctx, "CreateUser", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 || calls[0].Status != 201 || calls[1].Status != 409 || calls[1].ErrorCode != "ConflictException" {
		t.Fatalf("CreateUser calls: %+v", calls)
	}
	if strings.Contains(calls[0].Parameters, "twice@") {
		t.Errorf("the e-mail is in the journal: %s", calls[0].Parameters)
	}
	if err := srv.ClearRequests(ctx); err != nil {
		t.Fatal(err)
	}
	if calls, _ := srv.Requests(ctx, "", 0); len(calls) != 0 {
		t.Errorf("after clearing: %+v", calls)
	}
}

func TestFaultsAndThrottling(t *testing.T) {
	ctx := context.Background()
	faulty := chimetest.NewServer(t, chimetest.WithoutRetries(),
		chimetest.WithFaults(1, faults.Rule{Operation: "GetAccount", Kind: faults.Unavailable, Rate: 1}))
	_, err := faulty.Client.GetAccount(ctx, &awschime.GetAccountInput{AccountId: aws.String(chimetest.ExampleAccountID)})
	var unavailable *types.ServiceUnavailableException
	if !errors.As(err, &unavailable) {
		t.Errorf("an injected 503: %v", err)
	}
	throttled := chimetest.NewServer(t, chimetest.WithoutRetries(), chimetest.WithRateLimit(1, 1))
	var got error
	for range 3 {
		if _, got = throttled.Client.ListAccounts(ctx, &awschime.ListAccountsInput{}); got != nil {
			break
		}
	}
	var throttle *types.ThrottledClientException
	if !errors.As(got, &throttle) {
		t.Errorf("past the rate: %v", got)
	}
}

func TestFixturesErrorsNameTheLine(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"unknown key", "Accounts:\n  - Name: A\n    Colour: red\n", ":3: unknown key \"Colour\""},
		{"invalid e-mail", "Accounts:\n  - Name: A\n    AccountType: EnterpriseLWA\n    Users:\n      - Email: not-an-address\n", ":5: CreateUser refused it"},
		{"unknown member", "GlobalSettings:\n  BusinessCalling: {Bucket: x}\n", ":2: BusinessCalling has no member \"Bucket\""},
		{"not YAML", "Accounts: [\n", "fixtures-1.yaml: "},
		{"unknown room member", "Accounts:\n  - Name: A\n    AccountType: EnterpriseLWA\n    Rooms:\n      - Name: R\n        Members: [{Email: nobody@example.com}]\n", ":6: no user with e-mail"},
		{"the line of the refused member", "Accounts:\n  - Name: A\n    AccountType: EnterpriseLWA\n    Users:\n      - Email: a@example.com\n        LicenseType: Bogus\n", ":6: UpdateUser refused it"},
		{"a nested member's line", "Accounts:\n  - Name: A\n    AccountType: EnterpriseLWA\n    Users:\n      - Email: a@example.com\n        UserSettings:\n          Telephony: {InboundCalling: true, OutboundCalling: true, SMS: maybe}\n", ":7: UserSettings.Telephony.SMS must be true or false"},
		{"a key given twice", "Accounts:\n  - Name: A\n    Name: B\n", ":3: Name is given twice"},
		{"a null value", "Accounts:\n  - Name: ~\n", ":2: Name has no value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := chimetest.Start(chimetest.WithFixtureText(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v, want an error with %q", err, c.want)
			}
		})
	}
}

// Every kind of fixture lands as the API would have made it.
func TestFixturesOfEveryKind(t *testing.T) {
	srv := chimetest.NewServer(t, chimetest.WithFixtureText(`
GlobalSettings: {BusinessCalling: {CdrBucket: fixture-bucket}}
PhoneNumberSettings: {CallingName: Fixture}
PhoneNumberOrders:
  - {ProductType: BusinessCalling, E164PhoneNumbers: [+12065550100]}
Accounts:
  - Name: Fixture Corp
    AccountId: 0f1e2d3c-0000-4000-8000-000000000001
    AccountType: EnterpriseDirectory
    DefaultLicense: Basic
    AccountSettings: {EnableDialOut: true}
    SigninDelegateGroups: [{GroupName: admins}]
    RetentionSettings: {RoomRetentionSettings: {RetentionDays: 30}}
    Users:
      - Email: Alice@example.com
        Username: alice
        LicenseType: Pro
        UserSettings: {Telephony: {InboundCalling: true, OutboundCalling: false, SMS: false}}
      - Email: bob@example.com
        UserType: SharedDevice
    Rooms:
      - Name: Standup
        Members: [{Email: alice@example.com, Role: Administrator}, {Email: bob@example.com}]
    Bots:
      - {DisplayName: Helper, Domain: example.com}
  - Name: Gone Corp
    AccountType: EnterpriseLWA
    AccountStatus: Suspended
`))
	ctx := context.Background()
	id := aws.String("0f1e2d3c-0000-4000-8000-000000000001")
	acct, err := srv.Client.GetAccount(ctx, &awschime.GetAccountInput{AccountId: id})
	if err != nil || acct.Account.DefaultLicense != types.LicenseBasic || len(acct.Account.SigninDelegateGroups) != 1 {
		t.Fatalf("the account: %+v %v", acct, err)
	}
	users, err := srv.Client.ListUsers(ctx, &awschime.ListUsersInput{AccountId: id})
	if err != nil || len(users.Users) != 2 || users.Users[0].LicenseType != types.LicensePro || users.Users[1].UserType != types.UserTypeSharedDevice {
		t.Fatalf("the users: %+v %v", users, err)
	}
	settings, err := srv.Client.GetUserSettings(ctx, &awschime.GetUserSettingsInput{AccountId: id, UserId: users.Users[0].UserId})
	if err != nil || *settings.UserSettings.Telephony.OutboundCalling {
		t.Errorf("alice's telephony: %+v %v", settings, err)
	}
	rooms, err := srv.Client.ListRooms(ctx, &awschime.ListRoomsInput{AccountId: id})
	if err != nil || len(rooms.Rooms) != 1 {
		t.Fatalf("rooms: %+v %v", rooms, err)
	}
	members, err := srv.Client.ListRoomMemberships(ctx, &awschime.ListRoomMembershipsInput{AccountId: id, RoomId: rooms.Rooms[0].RoomId})
	if err != nil || len(members.RoomMemberships) != 2 {
		t.Errorf("room members: %+v %v", members, err)
	}
	bots, err := srv.Client.ListBots(ctx, &awschime.ListBotsInput{AccountId: id})
	if err != nil || len(bots.Bots) != 1 {
		t.Errorf("bots: %+v %v", bots, err)
	}
	retention, err := srv.Client.GetRetentionSettings(ctx, &awschime.GetRetentionSettingsInput{AccountId: id})
	if err != nil || *retention.RetentionSettings.RoomRetentionSettings.RetentionDays != 30 {
		t.Errorf("retention: %+v %v", retention, err)
	}
	global, err := srv.Client.GetGlobalSettings(ctx, &awschime.GetGlobalSettingsInput{})
	if err != nil || *global.BusinessCalling.CdrBucket != "fixture-bucket" {
		t.Errorf("global settings: %+v %v", global, err)
	}
	orders, err := srv.Client.ListPhoneNumberOrders(ctx, &awschime.ListPhoneNumberOrdersInput{})
	if err != nil || len(orders.PhoneNumberOrders) != 1 {
		t.Errorf("orders: %+v %v", orders, err)
	}
	all, err := srv.Client.ListAccounts(ctx, &awschime.ListAccountsInput{Name: aws.String("Gone Corp")})
	if err != nil || len(all.Accounts) != 1 || all.Accounts[0].AccountStatus != types.AccountStatusSuspended {
		t.Errorf("the suspended account: %+v %v", all, err)
	}
}

// A snapshot that AdminRestoreSnapshot could not take back (its body
// past --max-body-bytes) is refused rather than built; one within the
// bound restores.
func TestSnapshotIsBoundedByWhatRestores(t *testing.T) {
	const maxBody = 4096
	srv := chimetest.NewServer(t, chimetest.WithConfig(func(c *server.Config) { c.MaxBodyBytes = maxBody }))
	ctx := context.Background()
	snap, err := srv.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Restore(ctx, snap); err != nil {
		t.Fatalf("a snapshot within the bound: %v", err)
	}
	// Each account's record is longer than its name: these are past 4096.
	for i := range maxBody / 64 {
		name := fmt.Sprintf("An account whose name fills sixty-four bytes of the snapshot %02d", i)
		if _, err := srv.Client.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = srv.Snapshot(ctx)
	var answered *client.Error
	if !errors.As(err, &answered) || answered.Status != 422 || answered.Code != "UnprocessableEntityException" {
		t.Errorf("a snapshot past the bound: %v", err)
	}
}
