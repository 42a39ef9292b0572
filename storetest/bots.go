package storetest

import (
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/openchime/chime"
)

// botTests are the conformance tests of chime.BotService.
var botTests = []test{
	{"CreateBot", testCreateBot},
	{"CreateBot/Domain", testCreateBotDomain},
	{"CreateBot/ErrBadRequest", testCreateBotInvalid},
	{"CreateBot/ErrResourceLimitExceeded", testCreateBotLimit},
	{"CreateBot/ConcurrentLimit", testCreateBotConcurrentLimit},
	{"Bots/ErrForbiddenOnTeam", testBotsTeam},
	{"Bots/ErrNotFoundForOtherOwner", testBotsTenancy},
	{"Bots/ErrForbiddenWhenSuspended", testBotsSuspended},
	{"GetBot/ErrNotFound", testGetBotNotFound},
	{"UpdateBot", testUpdateBot},
	{"RegenerateSecurityToken", testRegenerateSecurityToken},
	{"ListBots", testListBots},
	{"EventsConfiguration", testEventsConfiguration},
	{"PutEventsConfiguration/ErrBadRequest", testPutEventsConfigurationInvalid},
	{"DeleteEventsConfiguration/ErrBadRequest", testDeleteEventsConfigurationUnknownBot},
	{"Concurrency/StopAndRegenerate", testBotStopAndRegenerateConcurrently},
}

// A stop and a new token at once both stay: neither write brings back
// what the other changed.
func testBotStopAndRegenerateConcurrently(t *testing.T, f *fixture) {
	yes := true
	for i := range 20 {
		a := f.account(Owner, chime.EnterpriseLWA)
		b := f.bot(Owner, a.ID, fmt.Sprintf("race%d", i))
		var regenerated *chime.Bot
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &yes)
			must(t, err)
		}()
		go func() {
			defer wg.Done()
			var err error
			regenerated, err = f.svc.Bots.RegenerateSecurityToken(f.ctx, Owner, a.ID, b.ID)
			must(t, err)
		}()
		wg.Wait()
		got, err := f.svc.Bots.GetBot(f.ctx, Owner, a.ID, b.ID)
		must(t, err)
		if !got.Disabled || got.SecurityToken != regenerated.SecurityToken {
			t.Fatalf("round %d: disabled %v, token kept %v", i, got.Disabled, got.SecurityToken == regenerated.SecurityToken)
		}
	}
}

func (f *fixture) bot(owner, accountID, name string) *chime.Bot {
	f.t.Helper()
	b, err := f.svc.Bots.CreateBot(f.ctx, owner, accountID, name, "")
	if err != nil {
		f.t.Fatalf("CreateBot: %v", err)
	}
	return b
}

// wantToken checks a security token has the service's shape: 30 bytes
// in standard base64.
func wantToken(t *testing.T, token string) {
	t.Helper()
	if b, err := base64.StdEncoding.DecodeString(token); len(token) != 40 || err != nil || len(b) != 30 {
		t.Fatalf("security token %q", token)
	}
}

func testCreateBot(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b, err := f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, "myBot", "example.com")
	must(t, err)
	if !uuidPattern.MatchString(b.ID) || b.AccountID != a.ID || b.DisplayName != "myBot (Bot)" || b.Email != "myBot-chimebot@example.com" ||
		b.Disabled || b.CreatedAt.IsZero() || !b.CreatedAt.Equal(b.UpdatedAt) {
		t.Fatalf("got %+v", *b)
	}
	wantToken(t, b.SecurityToken)
	got, err := f.svc.Bots.GetBot(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *b) {
		t.Fatalf("read back %+v, want %+v", *got, *b)
	}
	// Bots are not users.
	users, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	must(t, err)
	if len(users.Users) != 0 {
		t.Fatalf("users %+v", users.Users)
	}
	other := f.bot(Owner, a.ID, "Other Bot")
	if other.SecurityToken == b.SecurityToken || other.ID == b.ID {
		t.Fatal("two bots share a token or an id")
	}
}

func testCreateBotDomain(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	// Without users, example.com.
	if b := f.bot(Owner, a.ID, "first"); b.Email != "first-chimebot@example.com" {
		t.Fatalf("email %q", b.Email)
	}
	f.user(Owner, a.ID, "jane@Corp.Example.org", chime.PrivateUser)
	f.user(Owner, a.ID, "bob@second.example", chime.PrivateUser)
	// Then the first user's domain, in lower case.
	if b := f.bot(Owner, a.ID, "second"); b.Email != "second-chimebot@corp.example.org" {
		t.Fatalf("email %q", b.Email)
	}
	// A domain given wins.
	b, err := f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, "third", "Given.Example.NET")
	must(t, err)
	if b.Email != "third-chimebot@given.example.net" {
		t.Fatalf("email %q", b.Email)
	}
}

func testCreateBotInvalid(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	for _, in := range []struct{ name, domain string }{{"", ""}, {" ", ""}, {strings.Repeat("b", chime.MaxBotDisplayName+1), ""},
		{"ok", "not a domain"}, {"ok", "nodot"}} {
		_, err := f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, in.name, in.domain)
		wantKind(t, err, chime.BadRequest)
	}
	f.bot(Owner, a.ID, strings.Repeat("b", chime.MaxBotDisplayName))
	// The same e-mail address twice in an account.
	f.bot(Owner, a.ID, "my bot")
	_, err := f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, "mybot", "")
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, "MyBot", "EXAMPLE.com")
	wantKind(t, err, chime.BadRequest)
	page, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Bots) != 2 {
		t.Fatalf("refused creations left %d bots", len(page.Bots))
	}
	// Another account may have it.
	f.bot(Owner, f.account(Owner, chime.EnterpriseLWA).ID, "mybot")
}

func testCreateBotLimit(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	for i := range chime.MaxBotsPerAccount {
		f.bot(Owner, a.ID, fmt.Sprintf("bot%d", i))
	}
	_, err := f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, "one too many", "")
	wantKind(t, err, chime.ResourceLimitExceeded)
	// The limit is per account.
	f.bot(Owner, f.account(Owner, chime.EnterpriseLWA).ID, "elsewhere")
}

func testCreateBotConcurrentLimit(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	n := chime.MaxBotsPerAccount + 6
	results := make(chan error, n)
	parallel(t, n, func(i int) error {
		_, err := f.svc.Bots.CreateBot(f.ctx, Owner, a.ID, fmt.Sprintf("bot%d", i), "")
		results <- err
		return nil
	})
	close(results)
	var created, refused int
	for err := range results {
		switch {
		case err == nil:
			created++
		case chime.IsKind(err, chime.ResourceLimitExceeded):
			refused++
		default:
			t.Fatal(err)
		}
	}
	page, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, chime.PageRequest{Limit: 99})
	must(t, err)
	if created != chime.MaxBotsPerAccount || refused != n-created || len(page.Bots) != chime.MaxBotsPerAccount {
		t.Fatalf("%d created, %d refused, %d listed", created, refused, len(page.Bots))
	}
}

// botCalls calls every method of chime.BotService on an account; write
// says which change it.
func botCalls(f *fixture, owner, accountID, botID string) []struct {
	name  string
	write bool
	call  func() error
} {
	yes := true
	return []struct {
		name  string
		write bool
		call  func() error
	}{
		{"CreateBot", true, func() error { _, err := f.svc.Bots.CreateBot(f.ctx, owner, accountID, "new", ""); return err }},
		{"GetBot", false, func() error { _, err := f.svc.Bots.GetBot(f.ctx, owner, accountID, botID); return err }},
		{"UpdateBot", true, func() error { _, err := f.svc.Bots.UpdateBot(f.ctx, owner, accountID, botID, &yes); return err }},
		{"ListBots", false, func() error { _, err := f.svc.Bots.ListBots(f.ctx, owner, accountID, chime.PageRequest{}); return err }},
		{"RegenerateSecurityToken", true, func() error {
			_, err := f.svc.Bots.RegenerateSecurityToken(f.ctx, owner, accountID, botID)
			return err
		}},
		{"PutEventsConfiguration", true, func() error {
			_, err := f.svc.Bots.PutEventsConfiguration(f.ctx, owner, accountID, botID, chime.EventsConfiguration{HTTPSEndpoint: "https://example.com/new"})
			return err
		}},
		{"GetEventsConfiguration", false, func() error {
			_, err := f.svc.Bots.GetEventsConfiguration(f.ctx, owner, accountID, botID)
			return err
		}},
		{"DeleteEventsConfiguration", true, func() error { return f.svc.Bots.DeleteEventsConfiguration(f.ctx, owner, accountID, botID) }},
	}
}

func testBotsTeam(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	for _, c := range botCalls(f, Owner, team.ID, "00000000-0000-4000-8000-999999999999") {
		t.Run(c.name, func(t *testing.T) { wantNotEnterprise(t, c.call(), team) })
	}
}

func testBotsTenancy(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.readyBot(Owner, a.ID, "mine")
	for _, c := range botCalls(f, Other, a.ID, b.ID) {
		t.Run(c.name, func(t *testing.T) { wantKind(t, c.call(), chime.NotFound) })
	}
	got, err := f.svc.Bots.GetBot(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	ec, err := f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *b) || ec.HTTPSEndpoint != "https://bots.example.com/mine" {
		t.Fatalf("another owner changed %+v %+v", *got, *ec)
	}
}

func testBotsSuspended(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.readyBot(Owner, a.ID, "b")
	st := chime.AccountSuspended
	_, err := f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &st})
	must(t, err)
	for _, c := range botCalls(f, Owner, a.ID, b.ID) {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			if c.write {
				wantKind(t, err, chime.Forbidden)
			} else {
				must(t, err)
			}
		})
	}
}

func testGetBotNotFound(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.bot(Owner, a.ID, "b")
	other := f.account(Owner, chime.EnterpriseLWA)
	for _, c := range botCalls(f, Owner, other.ID, b.ID) {
		if c.name == "CreateBot" || c.name == "ListBots" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			want := chime.NotFound
			if c.name == "DeleteEventsConfiguration" {
				want = chime.BadRequest // the operation models no NotFound
			}
			wantKind(t, c.call(), want)
		})
	}
	_, err := f.svc.Bots.GetBot(f.ctx, Owner, "missing", b.ID)
	wantKind(t, err, chime.NotFound)
}

func testUpdateBot(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.bot(Owner, a.ID, "b")
	same, err := f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, nil)
	must(t, err)
	if fmt.Sprintf("%+v", *same) != fmt.Sprintf("%+v", *b) {
		t.Fatalf("no change changed %+v", *same)
	}
	yes, no := true, false
	stopped, err := f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &yes)
	must(t, err)
	if !stopped.Disabled || !stopped.UpdatedAt.After(b.UpdatedAt) || !stopped.CreatedAt.Equal(b.CreatedAt) || stopped.SecurityToken != b.SecurityToken {
		t.Fatalf("stopped %+v", *stopped)
	}
	again, err := f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &yes)
	must(t, err)
	if !again.UpdatedAt.Equal(stopped.UpdatedAt) {
		t.Fatalf("stopping a stopped bot moved its time: %+v", *again)
	}
	started, err := f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &no)
	must(t, err)
	if started.Disabled || !started.UpdatedAt.After(stopped.UpdatedAt) {
		t.Fatalf("started %+v", *started)
	}
	got, err := f.svc.Bots.GetBot(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *started) {
		t.Fatalf("read back %+v", *got)
	}
}

func testRegenerateSecurityToken(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.bot(Owner, a.ID, "b")
	got, err := f.svc.Bots.RegenerateSecurityToken(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	wantToken(t, got.SecurityToken)
	if got.SecurityToken == b.SecurityToken || !got.UpdatedAt.After(b.UpdatedAt) || got.ID != b.ID || got.Email != b.Email {
		t.Fatalf("regenerated %+v from %+v", *got, *b)
	}
	read, err := f.svc.Bots.GetBot(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	if read.SecurityToken != got.SecurityToken {
		t.Fatalf("the stored token is %q, want %q", read.SecurityToken, got.SecurityToken)
	}
	page, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, chime.PageRequest{})
	must(t, err)
	if page.Bots[0].SecurityToken != got.SecurityToken {
		t.Fatal("ListBots shows the old token")
	}
}

func testListBots(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	f.bot(Owner, f.account(Owner, chime.EnterpriseLWA).ID, "elsewhere")
	empty, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, chime.PageRequest{})
	must(t, err)
	if len(empty.Bots) != 0 || empty.Next != "" {
		t.Fatalf("got %+v", empty)
	}
	var want []string
	for i := range chime.MaxBotsPerAccount {
		want = append(want, f.bot(Owner, a.ID, fmt.Sprintf("bot%d", i)).ID)
	}
	// The default page is DefaultBotPageSize.
	page, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Bots) != chime.DefaultBotPageSize || (chime.DefaultBotPageSize < chime.MaxBotsPerAccount) != (page.Next != "") {
		t.Fatalf("default page: %d bots, next %q", len(page.Bots), page.Next)
	}
	var got []string
	p := chime.PageRequest{Limit: 3}
	for pages := 0; ; pages++ {
		page, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, p)
		must(t, err)
		for _, b := range page.Bots {
			got = append(got, b.ID)
			wantToken(t, b.SecurityToken)
		}
		if page.Next == "" {
			break
		}
		if pages > 4 {
			t.Fatal("the pages do not end")
		}
		p.Cursor = page.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listed %v, want %v", got, want)
	}
	for _, p := range []chime.PageRequest{{Limit: 100}, {Limit: -1}, {Cursor: "garbled"}} {
		_, err := f.svc.Bots.ListBots(f.ctx, Owner, a.ID, p)
		wantKind(t, err, chime.BadRequest)
	}
	_, err = f.svc.Bots.ListBots(f.ctx, Owner, a.ID, chime.PageRequest{Limit: 99})
	must(t, err)
}

func testEventsConfiguration(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.bot(Owner, a.ID, "b")
	_, err := f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, b.ID)
	wantKind(t, err, chime.NotFound)
	// Deleting none is not an error.
	must(t, f.svc.Bots.DeleteEventsConfiguration(f.ctx, Owner, a.ID, b.ID))
	https := chime.EventsConfiguration{HTTPSEndpoint: "https://example.com:8000"}
	got, err := f.svc.Bots.PutEventsConfiguration(f.ctx, Owner, a.ID, b.ID, https)
	must(t, err)
	if *got != (chime.EventsConfiguration{BotID: b.ID, HTTPSEndpoint: https.HTTPSEndpoint}) {
		t.Fatalf("put %+v", *got)
	}
	read, err := f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	if *read != *got {
		t.Fatalf("read back %+v", *read)
	}
	// A put replaces: the endpoint goes with the Lambda function's arrival.
	lambda := chime.EventsConfiguration{BotID: "ignored", LambdaFunctionARN: "arn:aws:lambda:us-east-1:111122223333:function:bot:live"}
	got, err = f.svc.Bots.PutEventsConfiguration(f.ctx, Owner, a.ID, b.ID, lambda)
	must(t, err)
	read, err = f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, b.ID)
	must(t, err)
	want := chime.EventsConfiguration{BotID: b.ID, LambdaFunctionARN: lambda.LambdaFunctionARN}
	if *got != want || *read != want {
		t.Fatalf("put %+v, read %+v, want %+v", *got, *read, want)
	}
	// Each bot has its own.
	other := f.bot(Owner, a.ID, "other")
	_, err = f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, other.ID)
	wantKind(t, err, chime.NotFound)
	must(t, f.svc.Bots.DeleteEventsConfiguration(f.ctx, Owner, a.ID, b.ID))
	_, err = f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, b.ID)
	wantKind(t, err, chime.NotFound)
	must(t, f.svc.Bots.DeleteEventsConfiguration(f.ctx, Owner, a.ID, b.ID))
	// Without one, the bot cannot join a room any more.
	r := f.room(Owner, a.ID, "r")
	_, err = f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: b.ID})
	wantKind(t, err, chime.BadRequest)
}

func testPutEventsConfigurationInvalid(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.bot(Owner, a.ID, "b")
	for _, ec := range []chime.EventsConfiguration{
		{},
		{HTTPSEndpoint: "https://example.com", LambdaFunctionARN: "arn:aws:lambda:us-east-1:111122223333:function:bot"},
		{HTTPSEndpoint: "http://example.com"},
		{HTTPSEndpoint: "https://user:pass@example.com"},
		{HTTPSEndpoint: "/relative"},
		{LambdaFunctionARN: "arn:aws:s3:::bucket"},
		{LambdaFunctionARN: "arn:aws:lambda:us-east-1:1111:function:bot"},
	} {
		_, err := f.svc.Bots.PutEventsConfiguration(f.ctx, Owner, a.ID, b.ID, ec)
		wantKind(t, err, chime.BadRequest)
	}
	_, err := f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, a.ID, b.ID)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Bots.PutEventsConfiguration(f.ctx, Owner, a.ID, "00000000-0000-4000-8000-999999999999",
		chime.EventsConfiguration{HTTPSEndpoint: "https://example.com"})
	wantKind(t, err, chime.NotFound)
}

func testDeleteEventsConfigurationUnknownBot(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	err := f.svc.Bots.DeleteEventsConfiguration(f.ctx, Owner, a.ID, "00000000-0000-4000-8000-999999999999")
	wantKind(t, err, chime.BadRequest)
}
