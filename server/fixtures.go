package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"go.yaml.in/yaml/v3"
)

// Fixtures are the start state a test suite declares: accounts of any
// type with their settings, users, rooms and bots, and an AWS account's
// settings and phone-number orders, in YAML or JSON (which YAML reads),
// with the API's own member names. They are loaded at start and again by
// every reset, through the operations a client would call (see
// restjson.API.Invoke), so that they obey every rule of the API; an error
// names the file and line it comes from.
//
//	AwsAccountId: "111122223333"   # whose data; default: the development key's
//	Accounts:
//	  - Name: Example Corp
//	    AccountType: EnterpriseLWA  # AdminCreateAccount: also AccountId
//	    DefaultLicense: Pro         # UpdateAccount
//	    AccountSettings: {EnableDialOut: true}
//	    SigninDelegateGroups: [{GroupName: admins}]
//	    RetentionSettings: {RoomRetentionSettings: {RetentionDays: 30}}
//	    AccountStatus: Suspended    # AdminUpdateAccount, applied last
//	    Users:
//	      - Email: alice@example.com  # CreateUser: also Username, UserType
//	        LicenseType: Basic        # UpdateUser: also AlexaForBusinessMetadata
//	        UserSettings: {Telephony: {InboundCalling: true, OutboundCalling: true, SMS: false}}
//	    Rooms:
//	      - Name: Standup
//	        Members: [{Email: alice@example.com, Role: Administrator}]
//	    Bots:
//	      - DisplayName: Helper
//	        Domain: example.com
//	GlobalSettings: {BusinessCalling: {CdrBucket: my-bucket}}
//	PhoneNumberSettings: {CallingName: Example}
//	PhoneNumberOrders:
//	  - {ProductType: BusinessCalling, E164PhoneNumbers: ["+12065550100"]}
type Fixtures struct {
	files []fixtureFile
}

type fixtureFile struct {
	path  string
	owner chime.Owner
	root  *yaml.Node // the document's mapping
}

// LoadFixtures reads and checks the shape of each file; what the API
// would refuse is found when the fixtures are applied (at start, so that
// a server with bad fixtures does not start).
func LoadFixtures(paths []string) (*Fixtures, error) {
	f := &Fixtures{}
	for _, path := range paths {
		data, err := readFixtureFile(path)
		if err != nil {
			return nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		if len(doc.Content) == 0 {
			continue // an empty file declares nothing
		}
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: the fixtures must be a mapping (AwsAccountId, Accounts, ...)", path, root.Line)
		}
		file := fixtureFile{path: path, owner: sigv4.DevAccountID, root: root}
		if n := valueOf(root, "AwsAccountId"); n != nil {
			if n.Kind != yaml.ScalarNode || !awsAccountID(n.Value) {
				return nil, fmt.Errorf("%s:%d: AwsAccountId must be 12 digits", path, n.Line)
			}
			file.owner = n.Value
		}
		if err := file.checkKeys(root, "AwsAccountId", "Accounts", "GlobalSettings", "PhoneNumberSettings", "PhoneNumberOrders"); err != nil {
			return nil, err
		}
		f.files = append(f.files, file)
	}
	return f, nil
}

// MaxFixtureBytes bounds a fixtures file: the start state of a test
// suite, loaded request by request at every start and reset, not a bulk
// import (chime import is).
const MaxFixtureBytes = 16 << 20

// readFixtureFile reads a fixtures file of at most MaxFixtureBytes,
// without reading more of a larger one.
func readFixtureFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fixtures: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFixtureBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fixtures: %w", err)
	}
	if len(data) > MaxFixtureBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes; fixtures are a test's start state (chime import loads more)", path, MaxFixtureBytes)
	}
	return data, nil
}

func awsAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// Owners are the AWS accounts the fixtures give data to.
func (f *Fixtures) Owners() []chime.Owner {
	var out []chime.Owner
	for _, file := range f.files {
		if !slices.Contains(out, file.owner) {
			out = append(out, file.owner)
		}
	}
	return out
}

// Apply loads, in the order of the files, the fixtures of each AWS
// account that include accepts, through api.
func (f *Fixtures) Apply(ctx context.Context, api *restjson.API, include func(chime.Owner) bool) error {
	if f == nil {
		return nil
	}
	for _, file := range f.files {
		if include(file.owner) {
			l := &fixtureLoader{file: file, api: api, ctx: ctx,
				caller: &sigv4.Principal{AccountID: file.owner, ARN: "arn:aws:iam::" + file.owner + ":root"}}
			if err := l.apply(); err != nil {
				return err
			}
		}
	}
	return nil
}

// fixtureLoader applies one file.
type fixtureLoader struct {
	file   fixtureFile
	api    *restjson.API
	ctx    context.Context
	caller *sigv4.Principal
}

// errorf is an error at n's line of the file, of kind BadRequest: the
// fixtures are the client's input.
func (file fixtureFile) errorf(n *yaml.Node, format string, args ...any) error {
	return chime.Errorf(chime.BadRequest, "%s:%d: %s", file.path, n.Line, fmt.Sprintf(format, args...))
}

// checkKeys refuses a key of mapping n that is not among keys.
func (file fixtureFile) checkKeys(n *yaml.Node, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return file.errorf(n, "expected a mapping")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(keys, k.Value) {
			return file.errorf(k, "unknown key %q (expected one of %s)", k.Value, strings.Join(keys, ", "))
		}
		if seen[k.Value] {
			return file.errorf(k, "%s is given twice", k.Value)
		}
		seen[k.Value] = true
	}
	return nil
}

// valueOf is the value of key in mapping n, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// items are the elements of the sequence at key of n (none without it).
func (l *fixtureLoader) items(n *yaml.Node, key string) ([]*yaml.Node, error) {
	v := valueOf(n, key)
	if v == nil {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, l.file.errorf(v, "%s must be a list", key)
	}
	return v.Content, nil
}

// call runs op with the members of n named by keys (those present), plus
// fixed, and decodes its output into out (when not nil). A refusal is
// reported at n's line, in the API's words.
func (l *fixtureLoader) call(n *yaml.Node, op string, keys []string, fixed map[string]any, out any) error {
	spec := apispec.Lookup(op)
	input := map[string]any{}
	for k, v := range fixed {
		input[k] = v
	}
	for _, k := range keys {
		v := valueOf(n, k)
		if v == nil {
			continue
		}
		m := spec.Input.MemberNamed(k)
		val, err := l.value(v, m.Shape, k)
		if err != nil {
			return err
		}
		input[k] = val
	}
	b, err := l.api.Invoke(l.ctx, l.caller, op, input)
	if err != nil {
		var ce *chime.Error
		if !errors.As(err, &ce) {
			return err
		}
		switch ce.Kind {
		case chime.BadRequest, chime.Conflict, chime.NotFound, chime.Forbidden, chime.Unprocessable:
			// The API refused the fixture: say where, at the member the
			// refusal names when it names one.
			return l.file.errorf(memberNode(n, ce.Message), "%s refused it: %s", op, ce.Message)
		}
		return err // the store's failure, not the file's: its kind is kept
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// memberNode is the node of the member a validation message names
// ("Invalid input: UserSettings.Telephony.SMS must be ..."), found under
// n; n itself when the message names none of its members.
func memberNode(n *yaml.Node, message string) *yaml.Node {
	path, ok := strings.CutPrefix(message, "Invalid input: ")
	if !ok {
		return n
	}
	path, _, _ = strings.Cut(path, " ")
	at := n
	for _, part := range strings.Split(path, ".") {
		name, _, _ := strings.Cut(part, "[")
		if at.Kind != yaml.MappingNode {
			break
		}
		v := valueOf(at, name)
		if v == nil {
			break
		}
		at = v
	}
	return at
}

// value converts n to the JSON value of shape s, by the shape rather than
// by YAML's reading of it (so that +12065550100 and 0123 stay strings).
func (l *fixtureLoader) value(n *yaml.Node, s *apispec.Shape, what string) (any, error) {
	switch s.Type {
	case apispec.Structure:
		if n.Kind != yaml.MappingNode {
			return nil, l.file.errorf(n, "%s must be a mapping", what)
		}
		obj := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if _, twice := obj[k.Value]; twice {
				return nil, l.file.errorf(k, "%s.%s is given twice", what, k.Value)
			}
			m := s.MemberNamed(k.Value)
			if m == nil {
				names := make([]string, len(s.Members))
				for j, mem := range s.Members {
					names[j] = mem.Name
				}
				return nil, l.file.errorf(k, "%s has no member %q (expected one of %s)", what, k.Value, strings.Join(names, ", "))
			}
			v, err := l.value(n.Content[i+1], m.Shape, what+"."+k.Value)
			if err != nil {
				return nil, err
			}
			obj[k.Value] = v
		}
		return obj, nil
	case apispec.List:
		if n.Kind != yaml.SequenceNode {
			return nil, l.file.errorf(n, "%s must be a list", what)
		}
		list := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			v, err := l.value(item, s.Member, fmt.Sprintf("%s[%d]", what, i))
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	}
	if n.Kind != yaml.ScalarNode {
		return nil, l.file.errorf(n, "%s must be a single value", what)
	}
	if n.Tag == "!!null" {
		return nil, l.file.errorf(n, "%s has no value (leave the key out instead)", what)
	}
	switch s.Type {
	case apispec.Boolean:
		b, err := strconv.ParseBool(n.Value)
		if err != nil || (n.Value != "true" && n.Value != "false") {
			return nil, l.file.errorf(n, "%s must be true or false, not %q", what, n.Value)
		}
		return b, nil
	case apispec.Integer:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil {
			return nil, l.file.errorf(n, "%s must be an integer, not %q", what, n.Value)
		}
		return i, nil
	case apispec.Double:
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return nil, l.file.errorf(n, "%s must be a number, not %q", what, n.Value)
		}
		return f, nil
	}
	return n.Value, nil
}

// bodyKeys are the body members of op's input, but except: the keys a
// fixture gives to op, so that a member the model gains is taken at once.
func bodyKeys(op string, except ...string) []string {
	var keys []string
	for _, m := range apispec.Lookup(op).Input.Members {
		if m.Location == apispec.Body && !slices.Contains(except, m.Name) {
			keys = append(keys, m.Name)
		}
	}
	return keys
}

// The keys of each kind of fixture, by the operation that applies them;
// the others (Users, Members...) hold fixtures of their own.
var (
	accountCreateKeys = bodyKeys("AdminCreateAccount")
	accountKeys       = append(slices.Clone(accountCreateKeys), "DefaultLicense", "AccountSettings", "SigninDelegateGroups",
		"RetentionSettings", "AccountStatus", "Users", "Rooms", "Bots")
	userCreateKeys       = bodyKeys("CreateUser")
	userUpdateKeys       = bodyKeys("UpdateUser", userCreateKeys...)
	userKeys             = append(append(slices.Clone(userCreateKeys), userUpdateKeys...), "UserSettings")
	roomCreateKeys       = bodyKeys("CreateRoom")
	roomKeys             = append(slices.Clone(roomCreateKeys), "Members")
	membershipKeys       = bodyKeys("CreateRoomMembership", "MemberId") // the member is named by Email
	memberKeys           = append(slices.Clone(membershipKeys), "Email")
	botKeys              = bodyKeys("CreateBot")
	globalSettingsKeys   = bodyKeys("UpdateGlobalSettings")
	callingNameKeys      = bodyKeys("UpdatePhoneNumberSettings")
	phoneNumberOrderKeys = bodyKeys("CreatePhoneNumberOrder")
)

func (l *fixtureLoader) apply() error {
	root := l.file.root
	if n := valueOf(root, "GlobalSettings"); n != nil {
		if err := l.file.checkKeys(n, globalSettingsKeys...); err != nil {
			return err
		}
		if err := l.call(n, "UpdateGlobalSettings", globalSettingsKeys, nil, nil); err != nil {
			return err
		}
	}
	if n := valueOf(root, "PhoneNumberSettings"); n != nil {
		if err := l.file.checkKeys(n, callingNameKeys...); err != nil {
			return err
		}
		if err := l.call(n, "UpdatePhoneNumberSettings", callingNameKeys, nil, nil); err != nil {
			return err
		}
	}
	orders, err := l.items(root, "PhoneNumberOrders")
	if err != nil {
		return err
	}
	for _, n := range orders {
		if err := l.file.checkKeys(n, phoneNumberOrderKeys...); err != nil {
			return err
		}
		if err := l.call(n, "CreatePhoneNumberOrder", phoneNumberOrderKeys, nil, nil); err != nil {
			return err
		}
	}
	accounts, err := l.items(root, "Accounts")
	if err != nil {
		return err
	}
	for _, n := range accounts {
		if err := l.account(n); err != nil {
			return err
		}
	}
	return nil
}

func (l *fixtureLoader) account(n *yaml.Node) error {
	if err := l.file.checkKeys(n, accountKeys...); err != nil {
		return err
	}
	var created struct{ Account struct{ AccountId string } }
	if err := l.call(n, "AdminCreateAccount", accountCreateKeys, nil, &created); err != nil {
		return err
	}
	id := map[string]any{"AccountId": created.Account.AccountId}
	if v := valueOf(n, "DefaultLicense"); v != nil {
		if err := l.call(n, "UpdateAccount", []string{"DefaultLicense"}, id, nil); err != nil {
			return err
		}
	}
	for _, step := range []struct{ key, op string }{
		{"AccountSettings", "UpdateAccountSettings"},
		{"SigninDelegateGroups", "AssociateSigninDelegateGroupsWithAccount"},
		{"RetentionSettings", "PutRetentionSettings"},
	} {
		if v := valueOf(n, step.key); v != nil {
			if err := l.call(n, step.op, []string{step.key}, id, nil); err != nil {
				return err
			}
		}
	}
	userIDs := map[string]string{} // by e-mail as written, for room members
	users, err := l.items(n, "Users")
	if err != nil {
		return err
	}
	for _, u := range users {
		if err := l.file.checkKeys(u, userKeys...); err != nil {
			return err
		}
		var user struct{ User struct{ UserId string } }
		if err := l.call(u, "CreateUser", userCreateKeys, id, &user); err != nil {
			return err
		}
		if e := valueOf(u, "Email"); e != nil {
			userIDs[strings.ToLower(e.Value)] = user.User.UserId
		}
		ids := map[string]any{"AccountId": created.Account.AccountId, "UserId": user.User.UserId}
		if slices.ContainsFunc(userUpdateKeys, func(k string) bool { return valueOf(u, k) != nil }) {
			if err := l.call(u, "UpdateUser", userUpdateKeys, ids, nil); err != nil {
				return err
			}
		}
		if valueOf(u, "UserSettings") != nil {
			if err := l.call(u, "UpdateUserSettings", []string{"UserSettings"}, ids, nil); err != nil {
				return err
			}
		}
	}
	rooms, err := l.items(n, "Rooms")
	if err != nil {
		return err
	}
	for _, r := range rooms {
		if err := l.room(r, created.Account.AccountId, userIDs); err != nil {
			return err
		}
	}
	bots, err := l.items(n, "Bots")
	if err != nil {
		return err
	}
	for _, b := range bots {
		if err := l.file.checkKeys(b, botKeys...); err != nil {
			return err
		}
		if err := l.call(b, "CreateBot", botKeys, id, nil); err != nil {
			return err
		}
	}
	// Last: a suspended account refuses the writes above.
	if v := valueOf(n, "AccountStatus"); v != nil {
		if err := l.call(n, "AdminUpdateAccount", []string{"AccountStatus"}, id, nil); err != nil {
			return err
		}
	}
	return nil
}

func (l *fixtureLoader) room(r *yaml.Node, accountID string, userIDs map[string]string) error {
	if err := l.file.checkKeys(r, roomKeys...); err != nil {
		return err
	}
	var room struct{ Room struct{ RoomId string } }
	if err := l.call(r, "CreateRoom", roomCreateKeys, map[string]any{"AccountId": accountID}, &room); err != nil {
		return err
	}
	members, err := l.items(r, "Members")
	if err != nil {
		return err
	}
	for _, m := range members {
		if err := l.file.checkKeys(m, memberKeys...); err != nil {
			return err
		}
		email := valueOf(m, "Email")
		if email == nil {
			return l.file.errorf(m, "a room member needs the Email of a user of the account's Users")
		}
		userID, ok := userIDs[strings.ToLower(email.Value)]
		if !ok {
			return l.file.errorf(email, "no user with e-mail %q among the account's Users", email.Value)
		}
		fixed := map[string]any{"AccountId": accountID, "RoomId": room.Room.RoomId, "MemberId": userID}
		if err := l.call(m, "CreateRoomMembership", membershipKeys, fixed, nil); err != nil {
			return err
		}
	}
	return nil
}
