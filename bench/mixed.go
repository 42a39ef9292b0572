package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
)

// mixEntry is one operation of the mixed workload: its share and its
// input for the i-th request, built on the ids the setup created.
type mixEntry struct {
	// weight is the operation's share of the mixed workload, in requests
	// per thousand.
	weight int
	input  func(fx *fixture, i int64) map[string]any
}

// mix is every operation of the Chime API that chime implements, with its
// share of the mixed workload and its input. The shares follow what an
// administration API sees: reads of users, rooms and numbers dominate,
// users are created and updated more than numbers are ordered, and the
// account-level settings change rarely. TestMixCoversEveryOperation keeps
// it complete: an operation marked implemented in apispec fails it until
// it has an entry here.
var mix = map[string]mixEntry{
	// Reads: 85 % of requests.
	"GetUser":                {300, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "UserId", pick(fx.users, i)) }},
	"ListUsers":              {80, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "MaxResults", 100) }},
	"GetUserSettings":        {60, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "UserId", pick(fx.users, i)) }},
	"GetAccount":             {80, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise) }},
	"GetAccountSettings":     {30, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise) }},
	"ListAccounts":           {20, func(fx *fixture, i int64) map[string]any { return map[string]any{"MaxResults": 10} }},
	"GetRetentionSettings":   {5, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise) }},
	"GetRoom":                {60, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "RoomId", pick(fx.rooms, i)) }},
	"ListRooms":              {30, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "MaxResults", 50) }},
	"ListRoomMemberships":    {40, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "RoomId", pick(fx.rooms, i)) }},
	"GetBot":                 {15, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "BotId", fx.bot) }},
	"ListBots":               {10, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise) }},
	"GetEventsConfiguration": {5, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "BotId", fx.bot) }},
	"GetPhoneNumber":         {50, func(fx *fixture, i int64) map[string]any { return map[string]any{"PhoneNumberId": pick(fx.numbers, i)} }},
	// The server answers at most 99 numbers or orders a page.
	"ListPhoneNumbers":                  {30, func(fx *fixture, i int64) map[string]any { return map[string]any{"MaxResults": 99} }},
	"GetPhoneNumberOrder":               {5, func(fx *fixture, i int64) map[string]any { return map[string]any{"PhoneNumberOrderId": fx.order} }},
	"ListPhoneNumberOrders":             {5, func(fx *fixture, i int64) map[string]any { return map[string]any{"MaxResults": 99} }},
	"SearchAvailablePhoneNumbers":       {8, func(fx *fixture, i int64) map[string]any { return map[string]any{"AreaCode": "206", "MaxResults": 10} }},
	"ListSupportedPhoneNumberCountries": {2, func(fx *fixture, i int64) map[string]any { return map[string]any{"ProductType": "BusinessCalling"} }},
	"GetGlobalSettings":                 {10, func(fx *fixture, i int64) map[string]any { return map[string]any{} }},
	"GetPhoneNumberSettings":            {5, func(fx *fixture, i int64) map[string]any { return map[string]any{} }},

	// Users.
	"CreateUser": {33, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "Email", fmt.Sprintf("mixed-%s-%d@example.com", fx.tag, names.Add(1)))
	}},
	"InviteUsers": {5, func(fx *fixture, i int64) map[string]any {
		return acct(fx.team, "UserEmailList", []any{fmt.Sprintf("invited-%s-%d@example.com", fx.tag, names.Add(1))})
	}},
	"UpdateUser": {15, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "UserId", pick(fx.users, i), "LicenseType", pickS([]string{"Pro", "Basic"}, i/int64(len(fx.users))))
	}},
	"BatchUpdateUser": {3, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "UpdateUserRequestItems", []any{map[string]any{"UserId": pick(fx.users, i), "LicenseType": "Pro"}})
	}},
	"ResetPersonalPIN": {5, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "UserId", pick(fx.users, i)) }},
	"LogoutUser":       {5, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "UserId", pick(fx.users, i)) }},
	"BatchSuspendUser": {2, func(fx *fixture, i int64) map[string]any {
		return acct(fx.lwa, "UserIdList", []any{pick(fx.lwaUsers, i)})
	}},
	"BatchUnsuspendUser": {2, func(fx *fixture, i int64) map[string]any {
		return acct(fx.lwa, "UserIdList", []any{pick(fx.lwaUsers, i)})
	}},
	"UpdateUserSettings": {5, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "UserId", pick(fx.users, i), "UserSettings",
			map[string]any{"Telephony": map[string]any{"InboundCalling": true, "OutboundCalling": true, "SMS": i%2 == 0}})
	}},

	// Phone numbers: a slot k pairs a caller with a Business Calling
	// number, so that associations and their removal meet on one pair.
	"AssociatePhoneNumberWithUser": {5, func(fx *fixture, i int64) map[string]any {
		k := slot(i, len(fx.callers))
		return acct(fx.enterprise, "UserId", fx.callers[k], "E164PhoneNumber", fx.callerNumbers[k])
	}},
	"DisassociatePhoneNumberFromUser": {5, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "UserId", fx.callers[slot(i, len(fx.callers))])
	}},
	"CreatePhoneNumberOrder": {3, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"ProductType": "BusinessCalling", "E164PhoneNumbers": []any{pick(fx.free, names.Add(1))}}
	}},
	"UpdatePhoneNumber": {3, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"PhoneNumberId": pick(fx.connectorNumbers, i), "ProductType": "VoiceConnector"}
	}},
	"BatchUpdatePhoneNumber": {1, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"UpdatePhoneNumberRequestItems": []any{map[string]any{"PhoneNumberId": pick(fx.connectorNumbers, i), "ProductType": "VoiceConnector"}}}
	}},
	"DeletePhoneNumber": {2, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"PhoneNumberId": pick(fx.spareNumbers, i)}
	}},
	"RestorePhoneNumber": {2, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"PhoneNumberId": pick(fx.spareNumbers, i)}
	}},
	"BatchDeletePhoneNumber": {1, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"PhoneNumberIds": []any{pick(fx.spareNumbers, i)}}
	}},
	"UpdatePhoneNumberSettings": {1, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"CallingName": "Bench"}
	}},
	"UpdateGlobalSettings": {1, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"BusinessCalling": map[string]any{"CdrBucket": "bench-cdr"}}
	}},
	"CreateMeetingDialOut": {5, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"MeetingId": fx.meeting, "FromPhoneNumber": fx.connectorNumbers[0], "ToPhoneNumber": "+12065550199", "JoinToken": "YmVuY2ggam9pbiB0b2tlbg"}
	}},

	// Rooms, memberships, messages and bots.
	"CreateRoom": {5, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "Name", fmt.Sprintf("Room %d", names.Add(1)))
	}},
	"UpdateRoom": {3, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", pick(fx.rooms, i), "Name", fmt.Sprintf("Room %d", i))
	}},
	"DeleteRoom": {2, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", pick(fx.spareRooms, i))
	}},
	"CreateRoomMembership": {8, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", fx.busyRoom, "MemberId", pick(fx.users, i))
	}},
	"BatchCreateRoomMembership": {2, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", fx.busyRoom, "MembershipItemList", []any{map[string]any{"MemberId": pick(fx.users, i), "Role": "Member"}})
	}},
	"UpdateRoomMembership": {3, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", fx.rooms[0], "MemberId", fx.users[0], "Role", pickS([]string{"Administrator", "Member"}, i))
	}},
	"DeleteRoomMembership": {5, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", fx.busyRoom, "MemberId", pick(fx.users, i))
	}},
	"RedactRoomMessage": {3, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RoomId", pick(fx.rooms, i), "MessageId", fx.message)
	}},
	"RedactConversationMessage": {3, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "ConversationId", fx.conversation, "MessageId", fx.message)
	}},
	"CreateBot": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "DisplayName", fmt.Sprintf("Bot %d", names.Add(1)))
	}},
	"UpdateBot": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "BotId", fx.bot, "Disabled", false)
	}},
	"RegenerateSecurityToken": {1, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "BotId", fx.bot) }},
	"PutEventsConfiguration": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "BotId", fx.bot, "LambdaFunctionArn", lambdaARN)
	}},
	"DeleteEventsConfiguration": {1, func(fx *fixture, i int64) map[string]any { return acct(fx.enterprise, "BotId", fx.spareBot) }},

	// Accounts and their settings.
	"CreateAccount": {1, func(fx *fixture, i int64) map[string]any {
		return map[string]any{"Name": fmt.Sprintf("Bench %s %d", fx.tag, names.Add(1))}
	}},
	"UpdateAccount": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.team, "Name", fmt.Sprintf("Bench team %d", i%8))
	}},
	"DeleteAccount": {1, func(fx *fixture, i int64) map[string]any { return acct(pick(fx.spareAccounts, i)) }},
	"AssociateSigninDelegateGroupsWithAccount": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.directory, "SigninDelegateGroups", []any{map[string]any{"GroupName": fmt.Sprintf("group-%d", i%20)}})
	}},
	"DisassociateSigninDelegateGroupsFromAccount": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.directory, "GroupNames", []any{fmt.Sprintf("group-%d", i%20)})
	}},
	"UpdateAccountSettings": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "AccountSettings", map[string]any{"DisableRemoteControl": i%2 == 0})
	}},
	"PutRetentionSettings": {1, func(fx *fixture, i int64) map[string]any {
		return acct(fx.enterprise, "RetentionSettings", map[string]any{"RoomRetentionSettings": map[string]any{"RetentionDays": 30}})
	}},
}

const lambdaARN = "arn:aws:lambda:us-east-1:000000000000:function:bench-bot"

// acct is an input naming the account, with more members as name, value
// pairs.
func acct(account string, kv ...any) map[string]any {
	m := map[string]any{"AccountId": account}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[0+i].(string)] = kv[i+1]
	}
	return m
}

func slot(i int64, n int) int { return int(uint64(i) % uint64(n)) }

func pick(ids []string, i int64) string { return ids[slot(i, len(ids))] }

func pickS(values []string, i int64) string { return values[slot(i, len(values))] }

// isRead says whether an operation only reads: in this API, exactly the
// GET operations.
func isRead(op *apispec.Operation) bool { return op.Method == "GET" }

// mixOperations are the operations of the mixed workload: every
// implemented operation of the Chime API, in apispec's order.
func mixOperations() []*apispec.Operation {
	var ops []*apispec.Operation
	for _, op := range apispec.Implemented() {
		if !op.IsExtension() {
			ops = append(ops, op)
		}
	}
	return ops
}

// opWorkload is one operation alone, as the per-operation table runs it.
func opWorkload(base string, fx *fixture, op *apispec.Operation) workload {
	e := mix[op.Name]
	return workload{op.Name, func(_ int, i int64) Request { return operationRequest(base, op, e.input(fx, i)) }}
}

// mixedWorkload draws from every operation by weight. The draw is a fixed
// shuffle of one thousand slots (each operation has as many as its
// weight), so that every run sends the same sequence and each operation's
// share holds over any thousand requests.
func mixedWorkload(base string, fx *fixture) workload {
	schedule := mixSchedule()
	ops := map[string]*apispec.Operation{}
	for _, op := range mixOperations() {
		ops[op.Name] = op
	}
	return workload{"Mixed", func(_ int, i int64) Request {
		name := schedule[slot(i, len(schedule))]
		return operationRequest(base, ops[name], mix[name].input(fx, i))
	}}
}

// mixSchedule lists each operation of the mix as many times as its
// weight, in a fixed shuffled order.
func mixSchedule() []string {
	var s []string
	for _, op := range mixOperations() {
		for range mix[op.Name].weight {
			s = append(s, op.Name)
		}
	}
	r := rand.New(rand.NewPCG(17, 62)) // a fixed seed: the same sequence in every run
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

// fixture holds the ids the workloads act on, made in a setup phase
// through the API itself.
type fixture struct {
	// tag keeps this run's names apart from any earlier run's on the
	// same database.
	tag string
	// enterprise is the account of users, rooms and bots; team takes
	// invitations; lwa suspends and unsuspends users; directory takes
	// sign-in delegate groups.
	enterprise, team, lwa, directory string
	users, lwaUsers                  []string
	// callers and callerNumbers are slots of a user and a Business
	// Calling number for associations.
	callers, callerNumbers []string
	// numbers are read; connectorNumbers are VoiceConnector numbers to
	// dial out from and update; spareNumbers are deleted and restored;
	// free are numbers of the pool to order.
	numbers, connectorNumbers, spareNumbers, free []string
	order                                         string
	// rooms are read; busyRoom gains and loses members; spareRooms are
	// deleted.
	rooms, spareRooms     []string
	busyRoom              string
	bot, spareBot         string
	spareAccounts         []string
	meeting, conversation string
	message               string
}

// setupSizes say how many of each thing the setup makes.
const (
	setupUsers    = 100
	setupCallers  = 20
	setupRooms    = 10
	setupSpares   = 50
	setupFree     = 300
	setupAccounts = 50
	// setupClockAdvance moves a development server's clock past its
	// order delay (a second), and well short of the deletion retention
	// (7 days), so that deleted numbers stay restorable.
	setupClockAdvance = 60_000
)

// setupFixture makes, through the API, everything the mixed workload acts
// on. It needs a server with the clock extension (--dev), so that the
// phone number orders complete without waiting.
func setupFixture(ctx context.Context, c *client.Client, enterprise string) (*fixture, error) {
	fx := &fixture{tag: fmt.Sprintf("%x", time.Now().UnixNano()&0xffffffff), enterprise: enterprise,
		meeting: "4b3c2a10-8f7e-4d6c-9b5a-0e1f2a3b4c5d", conversation: "2f6c1d3e-5a4b-4c7d-8e9f-0a1b2c3d4e5f", message: "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"}
	var failed error
	call := func(op string, input map[string]any, path ...string) string {
		if failed != nil {
			return ""
		}
		resp, err := c.Call(ctx, op, input)
		if err != nil {
			failed = fmt.Errorf("setting up the mixed workload: %s: %v", op, err)
			return ""
		}
		if len(path) == 0 {
			return ""
		}
		var doc map[string]any
		json.Unmarshal(resp.Body, &doc)
		var v any = doc
		for _, p := range path {
			m, _ := v.(map[string]any)
			v = m[p]
		}
		s, _ := v.(string)
		return s
	}
	account := func(typ string) string {
		return call("AdminCreateAccount", map[string]any{"Name": "Bench " + typ + " " + fx.tag, "AccountType": typ}, "Account", "AccountId")
	}
	fx.team = call("CreateAccount", map[string]any{"Name": "Bench team " + fx.tag}, "Account", "AccountId")
	fx.lwa = account("EnterpriseLWA")
	fx.directory = account("EnterpriseDirectory")
	for i := range setupAccounts {
		fx.spareAccounts = append(fx.spareAccounts, call("CreateAccount", map[string]any{"Name": fmt.Sprintf("Spare %s %d", fx.tag, i)}, "Account", "AccountId"))
	}
	user := func(account, kind string, i int) string {
		return call("CreateUser", acct(account, "Email", fmt.Sprintf("%s-%s-%d@example.com", kind, fx.tag, i)), "User", "UserId")
	}
	for i := range setupUsers {
		fx.users = append(fx.users, user(fx.enterprise, "user", i))
	}
	for i := range setupSpares {
		fx.lwaUsers = append(fx.lwaUsers, user(fx.lwa, "lwa", i))
	}
	for i := range setupCallers {
		fx.callers = append(fx.callers, user(fx.enterprise, "caller", i))
	}

	// Numbers: search the pool, order them in three groups, and move the
	// clock past the orders' delay.
	var pool []string
	for _, area := range []string{"206", "425", "253", "360", "509", "212", "415", "312", "617", "303"} {
		var out struct{ E164PhoneNumbers []string }
		if failed != nil {
			break
		}
		resp, err := c.Call(ctx, "SearchAvailablePhoneNumbers", map[string]any{"AreaCode": area, "MaxResults": 100})
		if err != nil {
			failed = fmt.Errorf("setting up the mixed workload: SearchAvailablePhoneNumbers: %v", err)
			break
		}
		json.Unmarshal(resp.Body, &out)
		pool = append(pool, out.E164PhoneNumbers...)
	}
	need := setupCallers + 2*setupSpares + setupFree
	if failed == nil && len(pool) < need {
		return nil, fmt.Errorf("setting up the mixed workload: the pool has %d free numbers of the %d it needs", len(pool), need)
	}
	if failed != nil {
		return nil, failed
	}
	take := func(n int) []string { s := pool[:n]; pool = pool[n:]; return s }
	fx.callerNumbers = take(setupCallers)
	fx.spareNumbers = take(setupSpares)
	fx.connectorNumbers = take(setupSpares)
	fx.free = take(setupFree)
	order := func(product string, numbers []string) string {
		var id string
		for start := 0; start < len(numbers); start += 50 { // at most 50 numbers an order
			list := []any{}
			for _, n := range numbers[start:min(start+50, len(numbers))] {
				list = append(list, n)
			}
			id = call("CreatePhoneNumberOrder", map[string]any{"ProductType": product, "E164PhoneNumbers": list}, "PhoneNumberOrder", "PhoneNumberOrderId")
		}
		return id
	}
	fx.order = order("BusinessCalling", fx.callerNumbers)
	order("BusinessCalling", fx.spareNumbers)
	order("VoiceConnector", fx.connectorNumbers)
	call("AdminAdvanceClock", map[string]any{"AdvanceMillis": setupClockAdvance})
	fx.numbers = slices.Concat(fx.callerNumbers, fx.spareNumbers, fx.connectorNumbers)

	for i := range setupRooms {
		fx.rooms = append(fx.rooms, call("CreateRoom", acct(fx.enterprise, "Name", fmt.Sprintf("Room %s %d", fx.tag, i)), "Room", "RoomId"))
	}
	for i := range setupSpares {
		fx.spareRooms = append(fx.spareRooms, call("CreateRoom", acct(fx.enterprise, "Name", fmt.Sprintf("Spare %s %d", fx.tag, i)), "Room", "RoomId"))
	}
	fx.busyRoom = call("CreateRoom", acct(fx.enterprise, "Name", "Busy "+fx.tag), "Room", "RoomId")
	for _, room := range fx.rooms {
		for _, u := range fx.users[:10] {
			call("CreateRoomMembership", acct(fx.enterprise, "RoomId", room, "MemberId", u))
		}
	}
	fx.bot = call("CreateBot", acct(fx.enterprise, "DisplayName", "Bench bot "+fx.tag), "Bot", "BotId")
	fx.spareBot = call("CreateBot", acct(fx.enterprise, "DisplayName", "Spare bot "+fx.tag), "Bot", "BotId")
	call("PutEventsConfiguration", acct(fx.enterprise, "BotId", fx.bot, "LambdaFunctionArn", lambdaARN))
	call("PutRetentionSettings", mix["PutRetentionSettings"].input(fx, 0))
	return fx, failed
}
