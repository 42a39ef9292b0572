package storetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime"
)

// roomTests are the conformance tests of chime.RoomService.
var roomTests = []test{
	{"CreateRoom", testCreateRoom},
	{"CreateRoom/ErrBadRequest", testCreateRoomInvalid},
	{"CreateRoom/ClientRequestToken", testCreateRoomToken},
	{"CreateRoom/ClientRequestTokenExpires", testCreateRoomTokenExpires},
	{"CreateRoom/ConcurrentSameToken", testCreateRoomConcurrentToken},
	{"Rooms/ErrForbiddenOnTeam", testRoomsTeam},
	{"Rooms/ErrNotFoundForOtherOwner", testRoomsTenancy},
	{"Rooms/ErrForbiddenWhenSuspended", testRoomsSuspended},
	{"GetRoom/ErrNotFound", testGetRoomNotFound},
	{"UpdateRoom", testUpdateRoom},
	{"ListRooms", testListRooms},
	{"CreateRoomMembership/User", testCreateMembershipUser},
	{"CreateRoomMembership/Bot", testCreateMembershipBot},
	{"BatchCreateRoomMembership/BotRole", testBatchBotRole},
	{"CreateRoomMembership/ErrConflict", testCreateMembershipConflict},
	{"CreateRoomMembership/ErrNotFound", testCreateMembershipNotFound},
	{"BatchCreateRoomMembership", testBatchCreateMembership},
	{"BatchCreateRoomMembership/ErrBadRequest", testBatchCreateMembershipTooMany},
	{"UpdateRoomMembership", testUpdateMembership},
	{"DeleteRoomMembership", testDeleteMembership},
	{"ListRoomMemberships", testListMemberships},
	{"DeleteRoom", testDeleteRoom},
	{"DeleteAccount/RemovesChat", testDeleteAccountChat},
	{"BatchSuspendUser/EnterpriseLWAKeepsMemberships", testSuspendedUserKeepsRooms},
}

// caller is the IAM ARN the suite calls as.
const caller = "arn:aws:iam::111122223333:user/alejandro"

func (f *fixture) room(owner, accountID, name string) *chime.Room {
	f.t.Helper()
	r, err := f.svc.Rooms.CreateRoom(f.ctx, owner, caller, accountID, chime.NewRoom{Name: name})
	if err != nil {
		f.t.Fatalf("CreateRoom: %v", err)
	}
	return r
}

// readyBot is a bot that can join rooms: it has an events configuration.
func (f *fixture) readyBot(owner, accountID, name string) *chime.Bot {
	f.t.Helper()
	b := f.bot(owner, accountID, name)
	if _, err := f.svc.Bots.PutEventsConfiguration(f.ctx, owner, accountID, b.ID,
		chime.EventsConfiguration{HTTPSEndpoint: "https://bots.example.com/" + name}); err != nil {
		f.t.Fatalf("PutEventsConfiguration: %v", err)
	}
	return b
}

func (f *fixture) join(accountID, roomID, memberID string, role chime.RoomMembershipRole) *chime.RoomMembership {
	f.t.Helper()
	m, err := f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, accountID, roomID, chime.MembershipItem{MemberID: memberID, Role: role})
	if err != nil {
		f.t.Fatalf("CreateRoomMembership: %v", err)
	}
	return m
}

func (f *fixture) memberIDs(accountID, roomID string) []string {
	f.t.Helper()
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, accountID, roomID, chime.PageRequest{})
	if err != nil {
		f.t.Fatalf("ListRoomMemberships: %v", err)
	}
	ids := []string{}
	for _, m := range page.Memberships {
		ids = append(ids, m.Member.ID)
	}
	return ids
}

func roomNames(rooms []chime.Room) string {
	names := make([]string, len(rooms))
	for i, r := range rooms {
		names[i] = r.Name
	}
	return strings.Join(names, ",")
}

func testCreateRoom(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, chime.NewRoom{Name: "chatRoom"})
	must(t, err)
	if !uuidPattern.MatchString(r.ID) || r.Name != "chatRoom" || r.AccountID != a.ID || r.CreatedBy != caller ||
		r.CreatedAt.IsZero() || !r.CreatedAt.Equal(r.UpdatedAt) || r.CreatedAt.Nanosecond()%int(time.Millisecond) != 0 {
		t.Fatalf("got %+v", r)
	}
	got, err := f.svc.Rooms.GetRoom(f.ctx, Owner, a.ID, r.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *r) {
		t.Fatalf("read back %+v, want %+v", *got, *r)
	}
	if ids := f.memberIDs(a.ID, r.ID); len(ids) != 0 {
		t.Fatalf("a new room has members %v", ids)
	}
	// Every Enterprise type has rooms.
	for _, typ := range []chime.AccountType{chime.EnterpriseDirectory, chime.EnterpriseOIDC} {
		f.room(Owner, f.account(Owner, typ).ID, "r")
	}
}

func testCreateRoomInvalid(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	for _, in := range []chime.NewRoom{{}, {Name: " "}, {Name: "\n"}, {Name: strings.Repeat("x", chime.MaxRoomNameLength+1)},
		{Name: "r", ClientRequestToken: "x"}, {Name: "r", ClientRequestToken: "has space"}, {Name: "r", ClientRequestToken: strings.Repeat("t", 65)}} {
		_, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
		wantKind(t, err, chime.BadRequest)
	}
	f.room(Owner, a.ID, strings.Repeat("é", chime.MaxRoomNameLength))
	page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, "", chime.PageRequest{})
	must(t, err)
	if len(page.Rooms) != 1 {
		t.Fatalf("refused creations left %d rooms", len(page.Rooms))
	}
}

func testCreateRoomToken(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.account(Owner, chime.EnterpriseLWA)
	in := chime.NewRoom{Name: "standup", ClientRequestToken: "9a5d-token_1"}
	r, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
	must(t, err)
	f.advance(chime.RoomTokenLifetime - time.Minute)
	again, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
	must(t, err)
	if fmt.Sprintf("%+v", *again) != fmt.Sprintf("%+v", *r) {
		t.Fatalf("a replay gave %+v, want %+v", *again, *r)
	}
	_, err = f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, chime.NewRoom{Name: "other", ClientRequestToken: in.ClientRequestToken})
	wantKind(t, err, chime.BadRequest)
	// A rename does not change what the token was given.
	name := "renamed"
	_, err = f.svc.Rooms.UpdateRoom(f.ctx, Owner, a.ID, r.ID, &name)
	must(t, err)
	again, err = f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
	must(t, err)
	if again.ID != r.ID || again.Name != name {
		t.Fatalf("a replay after a rename gave %+v", *again)
	}
	// The token names a room per Chime account, and of one owner.
	inB, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, b.ID, in)
	must(t, err)
	c := f.account(Other, chime.EnterpriseLWA)
	inC, err := f.svc.Rooms.CreateRoom(f.ctx, Other, caller, c.ID, in)
	must(t, err)
	if inB.ID == r.ID || inC.ID == r.ID || inB.ID == inC.ID {
		t.Fatalf("rooms %s %s %s", r.ID, inB.ID, inC.ID)
	}
	// Without a token, every call makes a room.
	f.room(Owner, a.ID, "standup")
	f.room(Owner, a.ID, "standup")
	page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, "", chime.PageRequest{})
	must(t, err)
	if len(page.Rooms) != 3 {
		t.Fatalf("%d rooms: %s", len(page.Rooms), roomNames(page.Rooms))
	}
}

func testCreateRoomTokenExpires(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	in := chime.NewRoom{Name: "standup", ClientRequestToken: "token-expires"}
	first, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
	must(t, err)
	f.advance(chime.RoomTokenLifetime)
	second, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
	must(t, err)
	if second.ID == first.ID {
		t.Fatal("a token past its lifetime gave its old room")
	}
	// The token now names the new room, with any name at first.
	again, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, in)
	must(t, err)
	if again.ID != second.ID {
		t.Fatalf("the replay gave %s, want %s", again.ID, second.ID)
	}
	f.advance(chime.RoomTokenLifetime)
	third, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, chime.NewRoom{Name: "other", ClientRequestToken: in.ClientRequestToken})
	must(t, err)
	if third.ID == second.ID || third.Name != "other" {
		t.Fatalf("got %+v", *third)
	}
	if _, err := f.svc.Rooms.GetRoom(f.ctx, Owner, a.ID, first.ID); err != nil {
		t.Fatalf("the first room: %v", err)
	}
}

func testCreateRoomConcurrentToken(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	const n = 16
	ids := make([]string, n)
	parallel(t, n, func(i int) error {
		r, err := f.svc.Rooms.CreateRoom(f.ctx, Owner, caller, a.ID, chime.NewRoom{Name: "once", ClientRequestToken: "concurrent"})
		if err == nil {
			ids[i] = r.ID
		}
		return err
	})
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("one token gave rooms %v", ids)
		}
	}
	page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, "", chime.PageRequest{})
	must(t, err)
	if len(page.Rooms) != 1 {
		t.Fatalf("%d rooms", len(page.Rooms))
	}
}

// roomCalls calls every method of chime.RoomService on an account; write
// says which change it.
func roomCalls(f *fixture, owner, accountID, roomID, memberID string) []struct {
	name  string
	write bool
	call  func() error
} {
	role := chime.RoomAdministrator
	name := "new name"
	return []struct {
		name  string
		write bool
		call  func() error
	}{
		{"CreateRoom", true, func() error {
			_, err := f.svc.Rooms.CreateRoom(f.ctx, owner, caller, accountID, chime.NewRoom{Name: "r"})
			return err
		}},
		{"GetRoom", false, func() error { _, err := f.svc.Rooms.GetRoom(f.ctx, owner, accountID, roomID); return err }},
		{"UpdateRoom", true, func() error { _, err := f.svc.Rooms.UpdateRoom(f.ctx, owner, accountID, roomID, &name); return err }},
		{"ListRooms", false, func() error {
			_, err := f.svc.Rooms.ListRooms(f.ctx, owner, accountID, "", chime.PageRequest{})
			return err
		}},
		{"CreateRoomMembership", true, func() error {
			_, err := f.svc.Rooms.CreateRoomMembership(f.ctx, owner, caller, accountID, roomID, chime.MembershipItem{MemberID: memberID})
			return err
		}},
		{"BatchCreateRoomMembership", true, func() error {
			_, _, err := f.svc.Rooms.BatchCreateRoomMembership(f.ctx, owner, caller, accountID, roomID, []chime.MembershipItem{{MemberID: memberID}})
			return err
		}},
		{"UpdateRoomMembership", true, func() error {
			_, err := f.svc.Rooms.UpdateRoomMembership(f.ctx, owner, accountID, roomID, memberID, &role)
			return err
		}},
		{"ListRoomMemberships", false, func() error {
			_, err := f.svc.Rooms.ListRoomMemberships(f.ctx, owner, accountID, roomID, chime.PageRequest{})
			return err
		}},
		{"DeleteRoomMembership", true, func() error {
			_, err := f.svc.Rooms.DeleteRoomMembership(f.ctx, owner, accountID, roomID, memberID)
			return err
		}},
		{"DeleteRoom", true, func() error { _, err := f.svc.Rooms.DeleteRoom(f.ctx, owner, accountID, roomID); return err }},
	}
}

// wantNotEnterprise checks err is the service's Forbidden for a Team account.
func wantNotEnterprise(t *testing.T, err error, a *chime.Account) {
	t.Helper()
	wantKind(t, err, chime.Forbidden)
	want := fmt.Sprintf("%s[AWS Account ID: %s][Chime Account ID: %s]", chime.NotEnterpriseMessage, a.AwsAccountID, a.ID)
	if err.Error() != want {
		t.Fatalf("message %q, want %q", err.Error(), want)
	}
}

func testRoomsTeam(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	inv, err := f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, []string{"member@example.com"}, "")
	must(t, err)
	for _, c := range roomCalls(f, Owner, team.ID, "room", inv[0].ID) {
		t.Run(c.name, func(t *testing.T) { wantNotEnterprise(t, c.call(), team) })
	}
}

func testRoomsTenancy(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "mine")
	u := f.user(Owner, a.ID, "member@example.com", chime.PrivateUser)
	f.join(a.ID, r.ID, u.ID, "")
	for _, c := range roomCalls(f, Other, a.ID, r.ID, u.ID) {
		t.Run(c.name, func(t *testing.T) { wantKind(t, c.call(), chime.NotFound) })
	}
	// Nothing changed.
	got, err := f.svc.Rooms.GetRoom(f.ctx, Owner, a.ID, r.ID)
	must(t, err)
	if got.Name != "mine" || len(f.memberIDs(a.ID, r.ID)) != 1 {
		t.Fatalf("another owner changed %+v", got)
	}
}

func testRoomsSuspended(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "member@example.com", chime.PrivateUser)
	f.join(a.ID, r.ID, u.ID, "")
	st := chime.AccountSuspended
	_, err := f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &st})
	must(t, err)
	for _, c := range roomCalls(f, Owner, a.ID, r.ID, u.ID) {
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

func testGetRoomNotFound(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	_, err := f.svc.Rooms.GetRoom(f.ctx, Owner, a.ID, "00000000-0000-4000-8000-999999999999")
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Rooms.GetRoom(f.ctx, Owner, b.ID, r.ID)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Rooms.GetRoom(f.ctx, Owner, "missing", r.ID)
	wantKind(t, err, chime.NotFound)
}

func testUpdateRoom(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "before")
	same, err := f.svc.Rooms.UpdateRoom(f.ctx, Owner, a.ID, r.ID, nil)
	must(t, err)
	if fmt.Sprintf("%+v", *same) != fmt.Sprintf("%+v", *r) {
		t.Fatalf("no name changed the room: %+v", *same)
	}
	name := "after"
	got, err := f.svc.Rooms.UpdateRoom(f.ctx, Owner, a.ID, r.ID, &name)
	must(t, err)
	if got.Name != "after" || !got.CreatedAt.Equal(r.CreatedAt) || !got.UpdatedAt.After(r.UpdatedAt) || got.CreatedBy != caller {
		t.Fatalf("got %+v", *got)
	}
	read, err := f.svc.Rooms.GetRoom(f.ctx, Owner, a.ID, r.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *read) != fmt.Sprintf("%+v", *got) {
		t.Fatalf("read back %+v", *read)
	}
	blank := " "
	_, err = f.svc.Rooms.UpdateRoom(f.ctx, Owner, a.ID, r.ID, &blank)
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Rooms.UpdateRoom(f.ctx, Owner, a.ID, "missing", &name)
	wantKind(t, err, chime.NotFound)
}

func testListRooms(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.account(Owner, chime.EnterpriseLWA)
	u := f.user(Owner, a.ID, "member@example.com", chime.PrivateUser)
	bot := f.readyBot(Owner, a.ID, "helper")
	var rooms []*chime.Room
	for i := range 5 {
		rooms = append(rooms, f.room(Owner, a.ID, fmt.Sprintf("r%d", i)))
	}
	f.room(Owner, b.ID, "elsewhere")
	f.join(a.ID, rooms[1].ID, u.ID, "")
	f.join(a.ID, rooms[3].ID, u.ID, chime.RoomAdministrator)
	f.join(a.ID, rooms[4].ID, bot.ID, "")

	var names []string
	p := chime.PageRequest{Limit: 2}
	for pages := 0; ; pages++ {
		page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, "", p)
		must(t, err)
		names = append(names, roomNames(page.Rooms))
		if page.Next == "" {
			break
		}
		if pages > 5 {
			t.Fatal("the pages do not end")
		}
		p.Cursor = page.Next
	}
	if got := strings.Join(names, "|"); got != "r0,r1|r2,r3|r4" {
		t.Fatalf("pages %s", got)
	}
	for member, want := range map[string]string{u.ID: "r1,r3", bot.ID: "r4", "00000000-0000-4000-8000-999999999999": ""} {
		page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, member, chime.PageRequest{})
		must(t, err)
		if got := roomNames(page.Rooms); got != want || page.Next != "" {
			t.Errorf("rooms of %s: %q (next %q), want %q", member, got, page.Next, want)
		}
	}
	page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, u.ID, chime.PageRequest{Limit: 1})
	must(t, err)
	page, err = f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, u.ID, chime.PageRequest{Limit: 1, Cursor: page.Next})
	must(t, err)
	if roomNames(page.Rooms) != "r3" || page.Next != "" {
		t.Fatalf("second page of a member's rooms: %+v", page)
	}
	// 99 is the largest page, and the default.
	for range 96 {
		f.room(Owner, a.ID, "more")
	}
	page, err = f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, "", chime.PageRequest{})
	must(t, err)
	if len(page.Rooms) != 99 || page.Next == "" {
		t.Fatalf("default page: %d rooms, next %q", len(page.Rooms), page.Next)
	}
	for _, p := range []chime.PageRequest{{Limit: 100}, {Limit: -1}, {Cursor: "garbled"}} {
		_, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, "", p)
		wantKind(t, err, chime.BadRequest)
	}
}

func testCreateMembershipUser(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	r := f.room(Owner, a.ID, "r")
	u, err := f.svc.Users.CreateUser(f.ctx, Owner, a.ID, chime.NewUser{Email: "janed@example.com", Username: "Jane Doe"})
	must(t, err)
	m := f.join(a.ID, r.ID, u.ID, "")
	want := chime.RoomMembership{RoomID: r.ID, Member: chime.Member{ID: u.ID, Type: chime.MemberUser, Email: "janed@example.com",
		FullName: "Jane Doe", AccountID: a.ID}, Role: chime.RoomMember, InvitedBy: caller, UpdatedAt: m.UpdatedAt}
	if fmt.Sprintf("%+v", *m) != fmt.Sprintf("%+v", want) || m.UpdatedAt.IsZero() {
		t.Fatalf("got  %+v\nwant %+v", *m, want)
	}
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Memberships) != 1 || fmt.Sprintf("%+v", page.Memberships[0]) != fmt.Sprintf("%+v", *m) {
		t.Fatalf("listed %+v", page.Memberships)
	}
	v := f.user(Owner, a.ID, "admin@example.com", chime.PrivateUser)
	if m := f.join(a.ID, r.ID, v.ID, chime.RoomAdministrator); m.Role != chime.RoomAdministrator {
		t.Fatalf("role %v", m.Role)
	}
	w := f.user(Owner, a.ID, "w@example.com", chime.PrivateUser)
	_, err = f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: w.ID, Role: "Owner"})
	wantKind(t, err, chime.BadRequest)
}

func testCreateMembershipBot(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	b := f.bot(Owner, a.ID, "myBot")
	// Without an events configuration a bot cannot join.
	_, err := f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: b.ID})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Bots.PutEventsConfiguration(f.ctx, Owner, a.ID, b.ID, chime.EventsConfiguration{
		LambdaFunctionARN: "arn:aws:lambda:us-east-1:111122223333:function:bot"})
	must(t, err)
	// Stopped, it cannot either.
	yes, no := true, false
	_, err = f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &yes)
	must(t, err)
	_, err = f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: b.ID})
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &no)
	must(t, err)
	m := f.join(a.ID, r.ID, b.ID, "")
	want := chime.RoomMembership{RoomID: r.ID, Member: chime.Member{ID: b.ID, Type: chime.MemberBot, Email: "myBot-chimebot@example.com",
		FullName: "myBot (Bot)", AccountID: a.ID}, Role: chime.RoomMember, InvitedBy: caller, UpdatedAt: m.UpdatedAt}
	if fmt.Sprintf("%+v", *m) != fmt.Sprintf("%+v", want) {
		t.Fatalf("got  %+v\nwant %+v", *m, want)
	}
	// A stopped bot can still be removed.
	_, err = f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &yes)
	must(t, err)
	_, err = f.svc.Rooms.DeleteRoomMembership(f.ctx, Owner, a.ID, r.ID, b.ID)
	must(t, err)
	// A bot of another account is not a member this account can add.
	other := f.account(Owner, chime.EnterpriseLWA)
	ob := f.readyBot(Owner, other.ID, "theirs")
	_, err = f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: ob.ID})
	wantKind(t, err, chime.NotFound)
}

func testCreateMembershipConflict(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	first := f.join(a.ID, r.ID, u.ID, "")
	_, err := f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, "arn:aws:iam::111122223333:user/other", a.ID, r.ID,
		chime.MembershipItem{MemberID: u.ID, Role: chime.RoomAdministrator})
	wantKind(t, err, chime.Conflict)
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Memberships) != 1 || fmt.Sprintf("%+v", page.Memberships[0]) != fmt.Sprintf("%+v", *first) {
		t.Fatalf("a refused membership changed %+v", page.Memberships)
	}
	// Concurrent additions of one member: one wins.
	v := f.user(Owner, a.ID, "v@example.com", chime.PrivateUser)
	var wins, conflicts int64
	results := make(chan error, 8)
	parallel(t, 8, func(int) error {
		_, err := f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: v.ID})
		results <- err
		return nil
	})
	close(results)
	for err := range results {
		switch {
		case err == nil:
			wins++
		case chime.IsKind(err, chime.Conflict):
			conflicts++
		default:
			t.Fatal(err)
		}
	}
	if wins != 1 || conflicts != 7 {
		t.Fatalf("%d added, %d conflicts", wins, conflicts)
	}
}

func testCreateMembershipNotFound(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	b := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	elsewhere := f.user(Owner, b.ID, "b@example.com", chime.PrivateUser)
	for _, id := range []string{"00000000-0000-4000-8000-999999999999", elsewhere.ID} {
		_, err := f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, chime.MembershipItem{MemberID: id})
		wantKind(t, err, chime.NotFound)
	}
	_, err := f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, "missing", chime.MembershipItem{MemberID: u.ID})
	wantKind(t, err, chime.NotFound)
	// The room of another account is not found either.
	rb := f.room(Owner, b.ID, "rb")
	_, err = f.svc.Rooms.CreateRoomMembership(f.ctx, Owner, caller, a.ID, rb.ID, chime.MembershipItem{MemberID: u.ID})
	wantKind(t, err, chime.NotFound)
}

func testBatchCreateMembership(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	v := f.user(Owner, a.ID, "v@example.com", chime.PrivateUser)
	w := f.user(Owner, a.ID, "w@example.com", chime.PrivateUser)
	ready := f.readyBot(Owner, a.ID, "ready")
	unready := f.bot(Owner, a.ID, "unready")
	existing := f.join(a.ID, r.ID, u.ID, chime.RoomAdministrator)
	const batchCaller = "arn:aws:iam::111122223333:user/batch"
	added, errs, err := f.svc.Rooms.BatchCreateRoomMembership(f.ctx, Owner, batchCaller, a.ID, r.ID, []chime.MembershipItem{
		{MemberID: v.ID, Role: chime.RoomAdministrator},
		{MemberID: u.ID},
		{MemberID: "00000000-0000-4000-8000-999999999999"},
		{MemberID: unready.ID},
		{MemberID: w.ID, Role: "Owner"},
		{MemberID: ready.ID},
	})
	must(t, err)
	if len(added) != 2 || added[0].Member.ID != v.ID || added[0].Role != chime.RoomAdministrator || added[0].InvitedBy != batchCaller ||
		added[1].Member.ID != ready.ID || added[1].Member.Type != chime.MemberBot || added[1].Role != chime.RoomMember {
		t.Fatalf("added %+v", added)
	}
	want := []chime.MemberError{
		{MemberID: "00000000-0000-4000-8000-999999999999", Code: chime.CodeNotFound},
		{MemberID: unready.ID, Code: chime.CodeBadRequest},
		{MemberID: w.ID, Code: chime.CodeBadRequest},
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %+v", errs)
	}
	for i, e := range errs {
		if e.MemberID != want[i].MemberID || e.Code != want[i].Code || e.Message == "" {
			t.Errorf("error %d: %+v, want %+v", i, e, want[i])
		}
	}
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Memberships) != 3 {
		t.Fatalf("members %+v", page.Memberships)
	}
	// The existing member was updated in place: its role is the item's,
	// its time moved, and who invited it stays.
	got := page.Memberships[0]
	if got.Member.ID != u.ID || got.Role != chime.RoomMember || got.InvitedBy != caller || !got.UpdatedAt.After(existing.UpdatedAt) {
		t.Fatalf("upserted %+v (was %+v)", got, *existing)
	}
	// An empty batch does nothing.
	added, errs, err = f.svc.Rooms.BatchCreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, nil)
	must(t, err)
	if len(added) != 0 || len(errs) != 0 {
		t.Fatalf("an empty batch: %+v %+v", added, errs)
	}
	_, _, err = f.svc.Rooms.BatchCreateRoomMembership(f.ctx, Owner, caller, a.ID, "missing", []chime.MembershipItem{{MemberID: u.ID}})
	wantKind(t, err, chime.NotFound)
}

func testBatchCreateMembershipTooMany(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	var items []chime.MembershipItem
	for range chime.MaxMembershipItems {
		items = append(items, chime.MembershipItem{MemberID: f.user(Owner, a.ID, fmt.Sprintf("u%d@example.com", len(items)), chime.PrivateUser).ID})
	}
	_, _, err := f.svc.Rooms.BatchCreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, append(items, items[0]))
	wantKind(t, err, chime.BadRequest)
	if ids := f.memberIDs(a.ID, r.ID); len(ids) != 0 {
		t.Fatalf("a refused batch added %d", len(ids))
	}
	added, errs, err := f.svc.Rooms.BatchCreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, items)
	must(t, err)
	if len(added) != chime.MaxMembershipItems || len(errs) != 0 {
		t.Fatalf("added %d, errors %+v", len(added), errs)
	}
}

func testUpdateMembership(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	b := f.readyBot(Owner, a.ID, "b")
	m := f.join(a.ID, r.ID, u.ID, "")
	f.join(a.ID, r.ID, b.ID, "")
	same, err := f.svc.Rooms.UpdateRoomMembership(f.ctx, Owner, a.ID, r.ID, u.ID, nil)
	must(t, err)
	if fmt.Sprintf("%+v", *same) != fmt.Sprintf("%+v", *m) {
		t.Fatalf("no role changed it: %+v", *same)
	}
	admin := chime.RoomAdministrator
	got, err := f.svc.Rooms.UpdateRoomMembership(f.ctx, Owner, a.ID, r.ID, u.ID, &admin)
	must(t, err)
	if got.Role != admin || got.InvitedBy != caller || !got.UpdatedAt.After(m.UpdatedAt) || got.Member != m.Member {
		t.Fatalf("got %+v", *got)
	}
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	must(t, err)
	if fmt.Sprintf("%+v", page.Memberships[0]) != fmt.Sprintf("%+v", *got) {
		t.Fatalf("read back %+v", page.Memberships[0])
	}
	_, err = f.svc.Rooms.UpdateRoomMembership(f.ctx, Owner, a.ID, r.ID, b.ID, &admin)
	wantKind(t, err, chime.BadRequest)
	bogus := chime.RoomMembershipRole("Owner")
	_, err = f.svc.Rooms.UpdateRoomMembership(f.ctx, Owner, a.ID, r.ID, u.ID, &bogus)
	wantKind(t, err, chime.BadRequest)
	v := f.user(Owner, a.ID, "v@example.com", chime.PrivateUser)
	_, err = f.svc.Rooms.UpdateRoomMembership(f.ctx, Owner, a.ID, r.ID, v.ID, &admin)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Rooms.UpdateRoomMembership(f.ctx, Owner, a.ID, "missing", u.ID, &admin)
	wantKind(t, err, chime.NotFound)
}

func testDeleteMembership(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	v := f.user(Owner, a.ID, "v@example.com", chime.PrivateUser)
	m := f.join(a.ID, r.ID, u.ID, "")
	f.join(a.ID, r.ID, v.ID, "")
	got, err := f.svc.Rooms.DeleteRoomMembership(f.ctx, Owner, a.ID, r.ID, u.ID)
	must(t, err)
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *m) {
		t.Fatalf("removed %+v, want %+v", *got, *m)
	}
	if ids := f.memberIDs(a.ID, r.ID); len(ids) != 1 || ids[0] != v.ID {
		t.Fatalf("left %v", ids)
	}
	_, err = f.svc.Rooms.DeleteRoomMembership(f.ctx, Owner, a.ID, r.ID, u.ID)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Rooms.DeleteRoomMembership(f.ctx, Owner, a.ID, "missing", v.ID)
	wantKind(t, err, chime.NotFound)
	// A member that left can join again, at the end.
	f.join(a.ID, r.ID, u.ID, "")
	if ids := f.memberIDs(a.ID, r.ID); fmt.Sprint(ids) != fmt.Sprint([]string{v.ID, u.ID}) {
		t.Fatalf("members %v", ids)
	}
}

func testListMemberships(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	other := f.room(Owner, a.ID, "other")
	var want []string
	for i := range 5 {
		u := f.user(Owner, a.ID, fmt.Sprintf("u%d@example.com", i), chime.PrivateUser)
		want = append(want, u.ID)
	}
	b := f.readyBot(Owner, a.ID, "b")
	want = append(want, b.ID)
	// Join in an order other than creation.
	order := []int{3, 5, 0, 4, 1, 2}
	var joined []string
	for _, i := range order {
		f.join(a.ID, r.ID, want[i], "")
		joined = append(joined, want[i])
	}
	f.join(a.ID, other.ID, want[0], "")
	var got []string
	p := chime.PageRequest{Limit: 4}
	for pages := 0; ; pages++ {
		page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, p)
		must(t, err)
		if len(page.Memberships) > 4 {
			t.Fatalf("a page of %d", len(page.Memberships))
		}
		for _, m := range page.Memberships {
			if m.RoomID != r.ID {
				t.Fatalf("a membership of room %s", m.RoomID)
			}
			got = append(got, m.Member.ID)
		}
		if page.Next == "" {
			break
		}
		if pages > 3 {
			t.Fatal("the pages do not end")
		}
		p.Cursor = page.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(joined) {
		t.Fatalf("listed %v, want %v", got, joined)
	}
	for _, p := range []chime.PageRequest{{Limit: 100}, {Cursor: "garbled"}} {
		_, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, p)
		wantKind(t, err, chime.BadRequest)
	}
	_, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, "missing", chime.PageRequest{})
	wantKind(t, err, chime.NotFound)
}

func testDeleteRoom(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	keep := f.room(Owner, a.ID, "keep")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	b := f.readyBot(Owner, a.ID, "b")
	mu := f.join(a.ID, r.ID, u.ID, "")
	mb := f.join(a.ID, r.ID, b.ID, "")
	f.join(a.ID, keep.ID, u.ID, "")
	removed, err := f.svc.Rooms.DeleteRoom(f.ctx, Owner, a.ID, r.ID)
	must(t, err)
	if fmt.Sprintf("%+v", removed) != fmt.Sprintf("%+v", []chime.RoomMembership{*mu, *mb}) {
		t.Fatalf("removed %+v", removed)
	}
	_, err = f.svc.Rooms.GetRoom(f.ctx, Owner, a.ID, r.ID)
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.Rooms.DeleteRoom(f.ctx, Owner, a.ID, r.ID)
	wantKind(t, err, chime.NotFound)
	for member, want := range map[string]string{u.ID: "keep", b.ID: ""} {
		page, err := f.svc.Rooms.ListRooms(f.ctx, Owner, a.ID, member, chime.PageRequest{})
		must(t, err)
		if got := roomNames(page.Rooms); got != want {
			t.Errorf("rooms of %s: %q, want %q", member, got, want)
		}
	}
	// An empty room deletes with nothing to report.
	removed, err = f.svc.Rooms.DeleteRoom(f.ctx, Owner, a.ID, f.room(Owner, a.ID, "empty").ID)
	must(t, err)
	if len(removed) != 0 {
		t.Fatalf("removed %+v", removed)
	}
}

func testDeleteAccountChat(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	keep := f.account(Owner, chime.EnterpriseLWA)
	for _, acct := range []*chime.Account{a, keep} {
		r := f.room(Owner, acct.ID, "r")
		u := f.user(Owner, acct.ID, "u-"+acct.ID+"@example.com", chime.PrivateUser)
		b := f.readyBot(Owner, acct.ID, "b")
		f.join(acct.ID, r.ID, u.ID, "")
		f.join(acct.ID, r.ID, b.ID, "")
		_, err := f.svc.Retention.PutRetentionSettings(f.ctx, Owner, acct.ID, chime.RetentionSettings{RoomDays: 7})
		must(t, err)
		if acct == a {
			_, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
			must(t, err)
		}
	}
	must(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, a.ID))
	// The same id made again starts empty.
	again, err := f.svc.Accounts.CreateAccount(f.ctx, Owner, chime.NewAccount{Name: "again", Type: chime.EnterpriseLWA, ID: a.ID})
	must(t, err)
	rooms, err := f.svc.Rooms.ListRooms(f.ctx, Owner, again.ID, "", chime.PageRequest{})
	must(t, err)
	bots, err := f.svc.Bots.ListBots(f.ctx, Owner, again.ID, chime.PageRequest{})
	must(t, err)
	rs, err := f.svc.Retention.GetRetentionSettings(f.ctx, Owner, again.ID)
	must(t, err)
	if len(rooms.Rooms) != 0 || len(bots.Bots) != 0 || *rs != (chime.RetentionSettings{}) {
		t.Fatalf("left %+v, %+v, %+v", rooms.Rooms, bots.Bots, *rs)
	}
	// Bots the deleted account had are gone with their configurations:
	// a new bot of the same name is allowed.
	f.readyBot(Owner, again.ID, "b")
	// The other account keeps everything.
	rooms, err = f.svc.Rooms.ListRooms(f.ctx, Owner, keep.ID, "", chime.PageRequest{})
	must(t, err)
	bots, err = f.svc.Bots.ListBots(f.ctx, Owner, keep.ID, chime.PageRequest{})
	must(t, err)
	rs, err = f.svc.Retention.GetRetentionSettings(f.ctx, Owner, keep.ID)
	must(t, err)
	if len(rooms.Rooms) != 1 || len(f.memberIDs(keep.ID, rooms.Rooms[0].ID)) != 2 || len(bots.Bots) != 1 || rs.RoomDays != 7 {
		t.Fatalf("the other account has %+v, %+v, %+v", rooms.Rooms, bots.Bots, *rs)
	}
	if _, err := f.svc.Bots.GetEventsConfiguration(f.ctx, Owner, keep.ID, bots.Bots[0].ID); err != nil {
		t.Fatalf("the other account's events configuration: %v", err)
	}
}

// Suspended users of an EnterpriseLWA account keep their memberships, as
// they keep their data, and unsuspended they are members as before.
func testSuspendedUserKeepsRooms(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	u := f.user(Owner, a.ID, "u@example.com", chime.PrivateUser)
	m := f.join(a.ID, r.ID, u.ID, chime.RoomAdministrator)
	_, err := f.svc.Users.BatchSuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
	must(t, err)
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Memberships) != 1 || fmt.Sprintf("%+v", page.Memberships[0]) != fmt.Sprintf("%+v", *m) {
		t.Fatalf("after suspension %+v", page.Memberships)
	}
	_, err = f.svc.Users.BatchUnsuspendUser(f.ctx, Owner, a.ID, []string{u.ID})
	must(t, err)
	if ids := f.memberIDs(a.ID, r.ID); len(ids) != 1 || ids[0] != u.ID {
		t.Fatalf("after unsuspension %v", ids)
	}
}

// A batch leaves a bot member's role as it is (BadRequest when it asks for
// another, as UpdateRoomMembership refuses), and keeps a stopped bot that
// is a member already.
func testBatchBotRole(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	r := f.room(Owner, a.ID, "r")
	b := f.bot(Owner, a.ID, "myBot")
	_, err := f.svc.Bots.PutEventsConfiguration(f.ctx, Owner, a.ID, b.ID, chime.EventsConfiguration{
		LambdaFunctionARN: "arn:aws:lambda:us-east-1:111122223333:function:bot"})
	must(t, err)
	f.join(a.ID, r.ID, b.ID, "")
	yes := true
	_, err = f.svc.Bots.UpdateBot(f.ctx, Owner, a.ID, b.ID, &yes)
	must(t, err)
	_, errs, err := f.svc.Rooms.BatchCreateRoomMembership(f.ctx, Owner, caller, a.ID, r.ID, []chime.MembershipItem{
		{MemberID: b.ID, Role: chime.RoomAdministrator}, {MemberID: b.ID}})
	must(t, err)
	if len(errs) != 1 || errs[0].MemberID != b.ID || errs[0].Code != chime.CodeBadRequest {
		t.Fatalf("errors %+v", errs)
	}
	page, err := f.svc.Rooms.ListRoomMemberships(f.ctx, Owner, a.ID, r.ID, chime.PageRequest{})
	must(t, err)
	if len(page.Memberships) != 1 || page.Memberships[0].Role != chime.RoomMember {
		t.Fatalf("memberships %+v", page.Memberships)
	}
}
