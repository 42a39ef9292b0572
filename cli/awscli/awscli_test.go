package awscli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/pem"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	neturl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/server"
)

const example = "12a3456b-7c89-012d-3456-78901e23fg45"

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// testEnv is the environment of one test's command lines: its own
// variables and home directory, nothing of the process's.
type testEnv struct {
	t       *testing.T
	environ []string
	dir     string
	// dispatch is the programs' Dispatch.
	dispatch func(ctx context.Context, args []string) int
}

func newEnv(t *testing.T) *testEnv {
	t.Parallel()
	home := t.TempDir()
	return &testEnv{t: t, environ: []string{"HOME=" + home}, dir: home}
}

func (e *testEnv) set(key, value string) { e.environ = append(e.environ, key+"="+value) }

func (e *testEnv) unset(key string) {
	e.environ = slices.DeleteFunc(e.environ, func(kv string) bool { return strings.HasPrefix(kv, key+"=") })
}

func (e *testEnv) run(args ...string) (string, string, int) {
	e.t.Helper()
	var stdout, stderr bytes.Buffer
	p := &awscli.Program{Env: awscli.Env{Stdout: &stdout, Stderr: &stderr, Environ: slices.Clone(e.environ), Dir: e.dir},
		Version: "test", Dispatch: e.dispatch}
	code := p.Run(context.Background(), args)
	return stdout.String(), stderr.String(), code
}

func (e *testEnv) mustRun(args ...string) string {
	e.t.Helper()
	out, stderr, code := e.run(args...)
	if code != 0 {
		e.t.Fatalf("chime %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return out
}

// startServer starts a development server in-process, on memory, and
// returns its URL; it stops with the test.
func startServer(t *testing.T) string {
	t.Helper()
	cfg := server.Defaults()
	cfg.Listen, cfg.Dev, cfg.Store = "127.0.0.1:0", true, "memory"
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return "http://" + srv.Addr()
}

// devServer starts a development server that the command line of the
// returned environment finds through AWS_ENDPOINT_URL_CHIME.
func devServer(t *testing.T) (*testEnv, string) {
	e := newEnv(t)
	url := startServer(t)
	e.set("AWS_ENDPOINT_URL_CHIME", url)
	return e, url
}

var (
	uuidRE = `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`
	timeRE = `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00`
)

func TestSeedExample(t *testing.T) {
	e, _ := devServer(t)
	out := e.mustRun("create-user",
		"--account-id", example,
		"--email", "roomdevice@example.com",
		"--user-type", "SharedDevice")
	want := regexp.MustCompile(`^\{
    "User": \{
        "UserId": "` + uuidRE + `",
        "AccountId": "12a3456b-7c89-012d-3456-78901e23fg45",
        "PrimaryEmail": "roomdevice@example.com",
        "DisplayName": "Room Device",
        "LicenseType": "Pro",
        "UserType": "SharedDevice",
        "UserRegistrationStatus": "Registered",
        "RegisteredOn": "` + timeRE + `",
        "AlexaForBusinessMetadata": \{
            "IsAlexaForBusinessEnabled": false
        \}
    \}
\}
$`)
	if !want.MatchString(out) {
		t.Fatalf("output:\n%s", out)
	}
}

func TestGenerateCLISkeleton(t *testing.T) {
	e := newEnv(t)
	e.set("AWS_ENDPOINT_URL_CHIME", "http://127.0.0.1:9") // nothing is sent
	for _, args := range [][]string{{"create-user", "--generate-cli-skeleton"}, {"create-user", "--generate-cli-skeleton", "input"}} {
		out := e.mustRun(args...)
		want := "{\n    \"AccountId\": \"\",\n    \"Username\": \"\",\n    \"Email\": \"\",\n    \"UserType\": \"PrivateUser\"\n}\n"
		if out != want {
			t.Errorf("%v:\n%q\nwant\n%q", args, out, want)
		}
	}
	out := e.mustRun("create-user", "--generate-cli-skeleton", "yaml-input")
	for _, line := range []string{
		"AccountId: ''  # [REQUIRED] The Amazon Chime account ID.",
		"Username: '' # The user name.",
		"Email: '' # The user's email address.",
		"UserType: PrivateUser # The user type. Valid values are: PrivateUser, SharedDevice.",
	} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("yaml-input lacks %q:\n%s", line, out)
		}
	}
	// The YAML skeleton is valid input.
	if _, stderr, code := e.run("create-user", "--cli-input-yaml", out, "--account-id", "x", "--generate-cli-skeleton", "output"); code != 0 {
		t.Errorf("yaml skeleton as input: %d %s", code, stderr)
	}
	out = e.mustRun("create-user", "--account-id", "x", "--generate-cli-skeleton", "output")
	wantOutput := `{
    "User": {
        "UserId": "UserId",
        "AccountId": "AccountId",
        "PrimaryEmail": "PrimaryEmail",
        "PrimaryProvisionedNumber": "PrimaryProvisionedNumber",
        "DisplayName": "DisplayName",
        "LicenseType": "LicenseType",
        "UserType": "UserType",
        "UserRegistrationStatus": "UserRegistrationStatus",
        "UserInvitationStatus": "UserInvitationStatus",
        "RegisteredOn": "1970-01-01T00:00:00",
        "InvitedOn": "1970-01-01T00:00:00",
        "AlexaForBusinessMetadata": {
            "IsAlexaForBusinessEnabled": true,
            "AlexaForBusinessRoomArn": "AlexaForBusinessRoomArn"
        },
        "PersonalPIN": "PersonalPIN"
    }
}
`
	if out != wantOutput {
		t.Errorf("output skeleton:\n%s", out)
	}
	if out := e.mustRun("create-user", "--account-id", "x", "--generate-cli-skeleton", "output", "--query", "User.UserType", "--output", "text"); out != "UserType\n" {
		t.Errorf("output skeleton with --query: %q", out)
	}
	if out := e.mustRun("list-users", "--account-id", "x", "--generate-cli-skeleton", "output", "--query", "Users[0].AlexaForBusinessMetadata", "--output", "yaml"); out != "AlexaForBusinessRoomArn: AlexaForBusinessRoomArn\nIsAlexaForBusinessEnabled: true\n" {
		t.Errorf("output skeleton as yaml: %q", out)
	}
	if _, stderr, code := e.run("create-user", "--generate-cli-skeleton", "output"); code != 252 || !strings.Contains(stderr, "the following arguments are required: --account-id") {
		t.Errorf("output skeleton without --account-id: %d %s", code, stderr)
	}
	if _, stderr, code := e.run("create-user", "--generate-cli-skeleton", "foo"); code != 252 || !strings.Contains(stderr, "Found invalid choice 'foo'") {
		t.Errorf("bad skeleton value: %d %s", code, stderr)
	}
	if _, stderr, code := e.run("create-user", "--account-id", "x", "--foo", "1", "--generate-cli-skeleton", "output"); code != 252 || !strings.Contains(stderr, "Unknown options: --foo, 1") {
		t.Errorf("unknown option with output skeleton: %d %s", code, stderr)
	}
}

func TestCLIInput(t *testing.T) {
	e, _ := devServer(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "in.json")
	os.WriteFile(file, []byte(`{"AccountId": "12a3456b-7c89-012d-3456-78901e23fg45", "Email": "json@example.com", "UserType": "SharedDevice"}`), 0o600)
	out := e.mustRun("create-user", "--cli-input-json", "file://"+file, "--email", "override@example.com", "--query", "User.[PrimaryEmail,UserType]", "--output", "text")
	if out != "override@example.com\tSharedDevice\n" {
		t.Errorf("explicit options must win over the input file: %q", out)
	}
	out = e.mustRun("create-user", "--cli-input-yaml", "AccountId: "+example+"\nEmail: yaml@example.com # comment\n", "--query", "User.UserType", "--output", "text")
	if out != "PrivateUser\n" {
		t.Errorf("yaml input: %q", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--cli-input-json", "{}", "--cli-input-yaml", "a: 1"}, "Only one --cli-input- parameter may be specified."},
		{[]string{"--cli-input-json", "{bad"}, "Error parsing parameter 'cli-input-json': Invalid JSON received."},
		{[]string{"--cli-input-yaml", "a: [1"}, "Error parsing parameter 'cli-input-yaml': Invalid YAML received."},
		{[]string{"--cli-input-json", "[1]"}, "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>"},
		{[]string{"--cli-input-json", `{"AccountId":"a","Foo":1}`}, "Parameter validation failed:\nUnknown parameter in input: \"Foo\", must be one of: AccountId, Username, Email, UserType"},
		{[]string{"--cli-input-json", `{"Email":"a@b.c"}`}, "Parameter validation failed:\nMissing required parameter in input: \"AccountId\""},
		{[]string{"--cli-input-json", "file://" + filepath.Join(dir, "missing.json")}, "Unable to load paramfile"},
	} {
		_, stderr, code := e.run(append([]string{"create-user"}, tc.args...)...)
		if code != 252 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %s", tc.args, code, stderr)
		}
	}
}

func TestParameterSyntax(t *testing.T) {
	e, _ := devServer(t)
	team := strings.TrimSpace(e.mustRun("create-account", "--name", "Team", "--query", "Account.AccountId", "--output", "text"))
	// A list as space-separated values, and an integer.
	out := e.mustRun("invite-users", "--account-id", team, "--user-email-list", "a@example.com", "b@example.com", "--user-type", "PrivateUser", "--query", "length(Invites)")
	if strings.TrimSpace(out) != "2" {
		t.Errorf("invites: %s", out)
	}
	users := e.mustRun("list-users", "--account-id", team, "--max-results", "1", "--query", "length(Users)")
	if strings.TrimSpace(users) != "1" {
		t.Errorf("--max-results 1 gave %s", users)
	}
	ids := strings.Fields(e.mustRun("list-users", "--account-id", team, "--query", "Users[].UserId", "--output", "text"))
	// Structures in shorthand and in JSON; a list of structures in both.
	e.mustRun("update-user-settings", "--account-id", team, "--user-id", ids[0], "--user-settings", "Telephony={InboundCalling=true,OutboundCalling=false,SMS=true}")
	out = e.mustRun("get-user-settings", "--account-id", team, "--user-id", ids[0], "--output", "text")
	if out != "TELEPHONY\tTrue\tFalse\tTrue\n" {
		t.Errorf("shorthand structure: %q", out)
	}
	e.mustRun("update-user-settings", "--account-id", team, "--user-id", ids[0], "--user-settings", `{"Telephony":{"InboundCalling":false,"OutboundCalling":true,"SMS":false}}`)
	out = e.mustRun("get-user-settings", "--account-id", team, "--user-id", ids[0], "--output", "text")
	if out != "TELEPHONY\tFalse\tTrue\tFalse\n" {
		t.Errorf("JSON structure: %q", out)
	}
	out = e.mustRun("batch-update-user", "--account-id", team, "--update-user-request-items",
		"UserId="+ids[0]+",LicenseType=Basic", "UserId=nobody,LicenseType=Basic", "--query", "UserErrors[].UserId", "--output", "text")
	if out != "nobody\n" {
		t.Errorf("shorthand list of structures: %q", out)
	}
	out = e.mustRun("batch-update-user", "--account-id", team, "--update-user-request-items",
		`[{"UserId":"`+ids[1]+`","LicenseType":"Basic"}]`, "--query", "length(UserErrors)")
	if strings.TrimSpace(out) != "0" {
		t.Errorf("JSON list of structures: %q", out)
	}
	// file:// for any value.
	name := filepath.Join(t.TempDir(), "name.txt")
	os.WriteFile(name, []byte("From A File"), 0o600)
	out = e.mustRun("update-account", "--account-id", team, "--name", "file://"+name, "--query", "Account.Name", "--output", "text")
	if out != "From A File\n" {
		t.Errorf("file:// value: %q", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list-users", "--account-id", team, "--max-results", "0"}, "Invalid value for parameter MaxResults, value: 0, valid min value: 1"},
		{[]string{"update-user-settings", "--account-id", team, "--user-id", "x", "--user-settings", "Telephony={InboundCalling=maybe}"}, "Invalid type for parameter UserSettings.Telephony.InboundCalling, value: maybe, type: <class 'str'>, valid types: <class 'bool'>"},
		{[]string{"update-user-settings", "--account-id", team, "--user-id", "x", "--user-settings", "Telephony={InboundCalling=true}"}, "Missing required parameter in UserSettings.Telephony: \"OutboundCalling\""},
		{[]string{"create-account", "--name", ""}, "Invalid length for parameter Name, value: 0, valid min length: 1"},
		{[]string{"create-account"}, "the following arguments are required: --name"},
		{[]string{"get-user"}, "the following arguments are required: --account-id, --user-id"},
		{[]string{"create-account", "--name"}, "argument --name: expected one argument"},
	} {
		_, stderr, code := e.run(tc.args...)
		if code != 252 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d\n%s", tc.args, code, stderr)
		}
	}
}

func TestOutputFormats(t *testing.T) {
	e, _ := devServer(t)
	e.mustRun("admin-create-account", "--name", "Fixed", "--account-type", "EnterpriseLWA", "--account-id", "fixed-1")
	get := []string{"get-account", "--account-id", "fixed-1", "--query", "Account.{Id:AccountId,Name:Name,Licenses:SupportedLicenses,Groups:SigninDelegateGroups}"}
	for _, tc := range []struct{ format, want string }{
		{"json", "{\n    \"Id\": \"fixed-1\",\n    \"Name\": \"Fixed\",\n    \"Licenses\": [\n        \"Basic\",\n        \"Pro\"\n    ],\n    \"Groups\": []\n}\n"},
		{"text", "fixed-1\tFixed\nLICENSES\tBasic\nLICENSES\tPro\n"},
		{"yaml", "Groups: []\nId: fixed-1\nLicenses:\n- Basic\n- Pro\nName: Fixed\n"},
		{"yaml-stream", "- Groups: []\n  Id: fixed-1\n  Licenses:\n  - Basic\n  - Pro\n  Name: Fixed\n"},
		{"off", ""},
		{"table", `-----------------------
|     GetAccount      |
+-----+---------------+
|  Id |  fixed-1      |
|  Name|  Fixed       |
+-----+---------------+
||     Licenses      ||
|+-------------------+|
||  Basic            ||
||  Pro              ||
|+-------------------+|
`},
	} {
		out := e.mustRun(append(get, "--output", tc.format)...)
		if tc.format == "table" {
			continue // compared with the AWS CLI in TestOutputMatchesAWSCLI
		}
		if out != tc.want {
			t.Errorf("--output %s:\n%q\nwant\n%q", tc.format, out, tc.want)
		}
	}
	e.set("AWS_DEFAULT_OUTPUT", "text")
	if out := e.mustRun("get-account", "--account-id", "fixed-1", "--query", "Account.Name"); out != "Fixed\n" {
		t.Errorf("AWS_DEFAULT_OUTPUT=text: %q", out)
	}
	// Empty outputs print nothing.
	if out := e.mustRun("update-account-settings", "--account-id", "fixed-1", "--account-settings", "EnableDialOut=true", "--output", "json"); out != "" {
		t.Errorf("empty output printed %q", out)
	}
	if _, stderr, code := e.run("get-account", "--account-id", "fixed-1", "--query", "Account.[", "--output", "json"); code != 252 || !strings.Contains(stderr, "Bad value for --query") {
		t.Errorf("bad query: %d %s", code, stderr)
	}
}

// The text and table renderings are compared with the AWS CLI's own, on the
// same server and the same data.
func TestOutputMatchesAWSCLI(t *testing.T) {
	awsCLI, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI is not installed: cannot compare renderings with it")
	}
	e, url := devServer(t)
	team := strings.TrimSpace(e.mustRun("create-account", "--name", "Compare", "--query", "Account.AccountId", "--output", "text"))
	e.mustRun("invite-users", "--account-id", team, "--user-email-list", "ana@example.com", "bo@example.com", "--user-type", "SharedDevice")
	e.mustRun("create-user", "--account-id", example, "--email", "room@example.com", "--user-type", "SharedDevice")
	queries := []string{
		"Users[].{UserId:UserId,Email:PrimaryEmail,Type:UserType,Status:UserInvitationStatus,License:LicenseType}",
		"Users[0]",
		"Users[].PrimaryEmail",
		"Users[].[UserId,PrimaryEmail]",
	}
	for _, account := range []string{team, example} {
		for _, q := range queries {
			for _, format := range []string{"text", "table"} {
				args := []string{"list-users", "--account-id", account, "--query", q, "--output", format}
				if q == "Users[0]" {
					args = []string{"get-user", "--account-id", account, "--user-id", "", "--query", "User", "--output", format}
					ids := strings.Fields(e.mustRun("list-users", "--account-id", account, "--query", "Users[].UserId", "--output", "text"))
					args[4] = ids[0]
					// Leave out the timestamps, which AWS CLI v1 prints as sent.
					args[6] = "User.{A:AccountId,B:AlexaForBusinessMetadata,D:DisplayName,E:PrimaryEmail,L:LicenseType,S:UserRegistrationStatus,T:UserType,U:UserId}"
				}
				ours := e.mustRun(append(args, "--color", "off")...)
				cmd := exec.Command(awsCLI, append(append([]string{"chime"}, args...), "--endpoint-url", url, "--region", "us-east-1", "--color", "off")...)
				cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=test", "AWS_SECRET_ACCESS_KEY=test")
				theirs, err := cmd.Output()
				if err != nil {
					t.Fatalf("aws %v: %v", args, err)
				}
				if ours != string(theirs) {
					t.Errorf("%v:\nours\n%s\naws\n%s", args, ours, theirs)
				}
			}
		}
	}
}

func TestPagination(t *testing.T) {
	e, _ := devServer(t)
	team := strings.TrimSpace(e.mustRun("create-account", "--name", "Pages", "--query", "Account.AccountId", "--output", "text"))
	var emails []string
	for i := 0; i < 5; i++ {
		emails = append(emails, string(rune('a'+i))+"@example.com")
	}
	e.mustRun(append([]string{"invite-users", "--account-id", team, "--user-email-list"}, emails...)...)
	all := func(args ...string) (string, string) {
		out := e.mustRun(append([]string{"list-users", "--account-id", team, "--output", "json"}, args...)...)
		var r struct {
			Users     []struct{ PrimaryEmail string }
			NextToken string
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		var got []string
		for _, u := range r.Users {
			got = append(got, u.PrimaryEmail)
		}
		return strings.Join(got, " "), r.NextToken
	}
	if got, tok := all("--page-size", "2"); got != strings.Join(emails, " ") || tok != "" {
		t.Errorf("auto-pagination over pages of 2: %q %q", got, tok)
	}
	if got, tok := all("--max-results", "2", "--no-paginate"); got != "a@example.com b@example.com" || tok == "" {
		t.Errorf("--no-paginate: %q %q", got, tok)
	}
	if _, stderr, code := e.run("list-users", "--account-id", team, "--page-size", "2", "--no-paginate"); code != 252 ||
		!strings.Contains(stderr, "Cannot specify --no-paginate along with pagination arguments: --page-size") {
		t.Errorf("--no-paginate with --page-size: %d %s", code, stderr)
	}
	got, tok := all("--page-size", "2", "--max-items", "3")
	if got != "a@example.com b@example.com c@example.com" || tok == "" {
		t.Fatalf("--max-items 3: %q %q", got, tok)
	}
	if got, tok := all("--page-size", "2", "--starting-token", tok); got != "d@example.com e@example.com" || tok != "" {
		t.Errorf("--starting-token: %q %q", got, tok)
	}
	got, tok = all("--max-items", "2")
	if got != "a@example.com b@example.com" || tok == "" {
		t.Fatalf("--max-items 2 in one page: %q %q", got, tok)
	}
	if got, _ := all("--starting-token", tok, "--max-items", "2"); got != "c@example.com d@example.com" {
		t.Errorf("resume inside the first page: %q", got)
	}
	// A token that is not botocore's goes to the server as it is.
	if _, stderr, code := e.run("list-users", "--account-id", team, "--starting-token", "%%%"); code != 254 || !strings.Contains(stderr, "(BadRequestException)") {
		t.Errorf("bad starting token: %d %s", code, stderr)
	}
}

func TestErrorsAndExitCodes(t *testing.T) {
	e, _ := devServer(t)
	bytesFile := filepath.Join(t.TempDir(), "bytes")
	os.WriteFile(bytesFile, []byte("hi\n\x01'é"), 0o600)
	_, stderr, code := e.run("create-user", "--account-id", "nope", "--email", "x@example.com")
	if code != 254 || stderr != "\nchime: [ERROR]: An error occurred (NotFoundException) when calling the CreateUser operation: The account nope was not found\n" {
		t.Errorf("service error: %d %q", code, stderr)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"cannot connect", []string{"get-account", "--account-id", "x", "--endpoint-url", "http://" + freeAddr(t)}, 255, "Could not connect to the endpoint URL"},
		{"bad profile", []string{"get-account", "--account-id", "x", "--profile", "nosuch"}, 255, "The config profile (nosuch) could not be found"},
		{"no credentials for a remote endpoint", []string{"get-account", "--account-id", "x", "--endpoint-url", "https://chime.example.com"}, 253, "Unable to locate credentials"},
		{"endpoint without a scheme", []string{"get-account", "--account-id", "x", "--endpoint-url", "localhost:1"}, 252, "scheme is missing"},
		{"--no-sign-request", []string{"get-account", "--account-id", "x", "--no-sign-request"}, 254, "UnauthorizedClientException"},
		{"misspelt command", []string{"create-usr"}, 252, "Found invalid choice 'create-usr'\n\nMaybe you meant:\n\n  * create-user"},
		{"unknown option", []string{"get-account", "--account-id", "x", "--bogus", "v"}, 252, "Unknown options: --bogus, v"},
		{"bad --output", []string{"get-account", "--account-id", "x", "--output", "xml"}, 252, "argument --output: Found invalid choice 'xml'\n\n\nusage: chime"},
		{"malformed region", []string{"get-account", "--account-id", "x", "--region", "a_b"}, 255,
			"\nchime: [ERROR]: Provided region_name 'a_b' doesn't match a supported format.\n"},
		{"fileb:// for a string", []string{"get-account", "--account-id", "fileb://" + bytesFile}, 252,
			"Parameter validation failed:\nInvalid type for parameter AccountId, value: b\"hi\\n\\x01'\\xc3\\xa9\", type: <class 'bytes'>, valid types: <class 'str'>\n"},
		{"a boolean that is neither", []string{"update-account-settings", "--account-id", "x", "--account-settings", "DisableRemoteControl=maybe"}, 252,
			"\nchime: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter AccountSettings.DisableRemoteControl, value: maybe, type: <class 'str'>, valid types: <class 'bool'>\n"},
		{"both prompt flags", []string{"get-account", "--account-id", "x", "--cli-auto-prompt", "--no-cli-auto-prompt"}, 252,
			"Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time."},
	} {
		if _, stderr, code := e.run(tc.args...); code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: %d %s", tc.name, code, stderr)
		}
	}
	if _, _, code := e.run(); code != 252 {
		t.Errorf("no command: %d", code)
	}
	if out, _, code := e.run("--version"); code != 0 || !strings.HasPrefix(out, "chime/") {
		t.Errorf("--version: %d %s", code, out)
	}
}

func TestEndpointPrecedence(t *testing.T) {
	e, url := devServer(t)
	dead := "http://" + freeAddr(t)
	e.set("AWS_ENDPOINT_URL", dead)
	e.set("AWS_ENDPOINT_URL_CHIME", url)
	e.mustRun("list-accounts") // the service-specific variable beats the general one
	e.set("AWS_ENDPOINT_URL_CHIME", dead)
	e.mustRun("list-accounts", "--endpoint-url", url) // the flag beats both
	if _, _, code := e.run("list-accounts"); code != 255 {
		t.Errorf("the dead endpoint was not used: %d", code)
	}
	e.unset("AWS_ENDPOINT_URL_CHIME")
	e.set("AWS_ENDPOINT_URL", url)
	e.mustRun("list-accounts")
}

func TestDebugMasksSecrets(t *testing.T) {
	e, _ := devServer(t)
	e.set("AWS_ACCESS_KEY_ID", "test")
	e.set("AWS_SECRET_ACCESS_KEY", "test")
	e.set("AWS_SESSION_TOKEN", "very-secret-token")
	_, stderr, _ := e.run("list-accounts", "--debug")
	if !strings.Contains(stderr, "DEBUG request: GET ") || !strings.Contains(stderr, "Signature=***") || !strings.Contains(stderr, "DEBUG response: ") {
		t.Errorf("debug output:\n%s", stderr)
	}
	if strings.Contains(stderr, "very-secret-token") || regexp.MustCompile(`Signature=[0-9a-f]{64}`).MatchString(stderr) {
		t.Errorf("a secret reached the debug output:\n%s", stderr)
	}
}

func TestHelp(t *testing.T) {
	e := newEnv(t)
	out := e.mustRun("help")
	for _, want := range []string{"create-user", "batch-suspend-user", "admin-create-account", "--endpoint-url"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %s", want)
		}
	}
	for _, args := range [][]string{{"create-user", "help"}, {"create-user", "--help"}} {
		out := e.mustRun(args...)
		for _, want := range []string{"--account-id (string) [required]", "Possible values:", "o SharedDevice", "pattern: .+@.+\\..+", "PersonalPIN -> (string)"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v lacks %q:\n%s", args, want, out)
			}
		}
	}
}

func TestExtensionCommands(t *testing.T) {
	e := newEnv(t)
	url := startServer(t)
	// No credentials anywhere and a loopback endpoint: the development pair.
	out, stderr, code := e.run("admin-create-account", "--name", "Directory", "--account-type", "EnterpriseDirectory",
		"--account-id", "dir-1", "--endpoint-url", url)
	if code != 0 || !strings.Contains(out, `"AccountType": "EnterpriseDirectory"`) {
		t.Fatalf("admin-create-account: %d %s %s", code, out, stderr)
	}
	e.set("AWS_ENDPOINT_URL_CHIME", url)
	out, _, code = e.run("admin-update-account", "--account-id", "dir-1", "--account-status", "Suspended")
	if code != 0 || !strings.Contains(out, `"AccountStatus": "Suspended"`) {
		t.Fatalf("admin-update-account: %d %s", code, out)
	}
	_, stderr, code = e.run("admin-update-account", "--account-id", "dir-1", "--account-type", "Team")
	if code != 254 || !strings.Contains(stderr, "An error occurred (BadRequestException) when calling the AdminUpdateAccount operation") {
		t.Fatalf("update-account to Team: %d %s", code, stderr)
	}
}

func TestTLSOptions(t *testing.T) {
	e, url := devServer(t)
	target, _ := neturl.Parse(url)
	tlsServer := httptest.NewTLSServer(httputil.NewSingleHostReverseProxy(target))
	defer tlsServer.Close()
	bundle := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(bundle, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: tlsServer.Certificate().Raw}), 0o600)
	// The signature covers the Host header the proxy passes on unchanged.
	// httptest's certificate signs itself.
	want := "\nchime: [ERROR]: SSL validation failed for " + tlsServer.URL + "/accounts [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)\n"
	if _, stderr, code := e.run("list-accounts", "--endpoint-url", tlsServer.URL); code != 255 || stderr != want {
		t.Errorf("an unknown certificate: %d %q", code, stderr)
	}
	if _, stderr, code := e.run("list-accounts", "--endpoint-url", tlsServer.URL, "--ca-bundle", bundle); code != 0 {
		t.Errorf("--ca-bundle: %d %s", code, stderr)
	}
	e.set("AWS_CA_BUNDLE", bundle)
	if _, stderr, code := e.run("list-accounts", "--endpoint-url", tlsServer.URL); code != 0 {
		t.Errorf("AWS_CA_BUNDLE: %d %s", code, stderr)
	}
	e.unset("AWS_CA_BUNDLE")
	if _, stderr, code := e.run("list-accounts", "--endpoint-url", tlsServer.URL, "--no-verify-ssl"); code != 0 {
		t.Errorf("--no-verify-ssl: %d %s", code, stderr)
	}
	if _, stderr, code := e.run("list-accounts", "--endpoint-url", "https://127.0.0.1:1", "--ca-bundle", filepath.Join(t.TempDir(), "none.pem")); code != 253 || !strings.Contains(stderr, "CA bundle") {
		t.Errorf("missing CA bundle: %d %s", code, stderr)
	}
}

func TestReadTimeout(t *testing.T) {
	e := newEnv(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Second)
	}))
	defer slow.Close()
	_, stderr, code := e.run("list-accounts", "--endpoint-url", slow.URL, "--cli-read-timeout", "1")
	if want := "\nchime: [ERROR]: Read timeout on endpoint URL: \"" + slow.URL + "/accounts\"\n"; code != 255 || stderr != want {
		t.Errorf("--cli-read-timeout: %d %q", code, stderr)
	}
	for _, tc := range []struct{ args []string }{
		{[]string{"list-accounts", "--cli-connect-timeout", "soon"}},
		{[]string{"--cli-read-timeout", "soon", "list-accounts"}},
	} {
		if _, stderr, code := e.run(tc.args...); code != 255 || stderr != "\nchime: [ERROR]: invalid literal for int() with base 10: 'soon'\n" {
			t.Errorf("%v: %d %q", tc.args, code, stderr)
		}
	}
	want := "\nchime: [ERROR]: Attempted to set read timeout to -1, but the timeout cannot be set to a value less than or equal to 0.\n"
	if _, stderr, code := e.run("list-accounts", "--cli-read-timeout", "-1"); code != 255 || stderr != want {
		t.Errorf("negative timeout: %d %q", code, stderr)
	}
}

func TestProfilesAndSharedConfig(t *testing.T) {
	e := newEnv(t)
	url := startServer(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config"), []byte("[profile team]\nregion = eu-west-1\nendpoint_url = "+url+"\noutput = json\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "credentials"), []byte("[team]\naws_access_key_id = test\naws_secret_access_key = test\n"), 0o600)
	e.set("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	e.set("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	// The endpoint, region and keys all come from the profile.
	out, stderr, code := e.run("list-accounts", "--profile", "team", "--query", "Accounts[0].AwsAccountId", "--output", "text", "--debug")
	if code != 0 || out != "000000000000\n" || !strings.Contains(stderr, "/eu-west-1/chime/aws4_request") {
		t.Fatalf("--profile team: %d %q\n%s", code, out, stderr)
	}
	e.set("AWS_PROFILE", "team")
	if out := e.mustRun("list-accounts", "--region", "ap-south-1", "--query", "length(Accounts)"); strings.TrimSpace(out) != "1" {
		t.Errorf("AWS_PROFILE with --region: %q", out)
	}
}

func TestColor(t *testing.T) {
	e, _ := devServer(t)
	out := e.mustRun("get-account", "--account-id", example, "--query", "Account.{N:Name}", "--output", "table", "--color", "on")
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("--color on has no colour:\n%q", out)
	}
	out = e.mustRun("get-account", "--account-id", example, "--query", "Account.{N:Name}", "--output", "table", "--color", "auto")
	if strings.Contains(out, "\x1b[") {
		t.Errorf("--color auto coloured a pipe:\n%q", out)
	}
}

func TestFaultCommands(t *testing.T) {
	e, _ := devServer(t)
	out := e.mustRun("admin-put-faults", "--seed", "7", "--rules", "Operation=ListUsers,Kind=throttle,Rate=1", "--output", "text")
	if out != "7\nRULES\tthrottle\tListUsers\t1.0\n" {
		t.Errorf("admin-put-faults: %q", out)
	}
	_, stderr, code := e.run("list-users", "--account-id", example)
	if code != 254 || !strings.Contains(stderr, "An error occurred (ThrottledClientException) when calling the ListUsers operation: Injected fault: rate exceeded") {
		t.Errorf("injected throttle: %d %s", code, stderr)
	}
	e.mustRun("admin-delete-faults")
	e.mustRun("list-users", "--account-id", example)
	if out := e.mustRun("admin-get-faults", "--query", "length(Rules)"); strings.TrimSpace(out) != "0" {
		t.Errorf("after delete: %s", out)
	}
}

// TestCredentialsAndRegion follows the order of AWS CLI v2 and
// aws-sdk-go-v2: --profile, then the environment's keys, then the profile
// of AWS_PROFILE or default; --region, then AWS_REGION, AWS_DEFAULT_REGION,
// then the profile's region; a loopback server without credentials gets
// the development pair.
func TestCredentialsAndRegion(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var scope string // the last request's Credential=...
	signed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		_, scope, _ = strings.Cut(r.Header.Get("Authorization"), "Credential=")
		scope, _, _ = strings.Cut(scope, ",")
		mu.Unlock()
		io.WriteString(w, `{"Accounts":[]}`)
	}))
	defer signed.Close()
	files := map[string]string{
		"config":      "[default]\nregion = eu-west-1\n[profile team]\nregion = ap-south-1\n[profile bare]\n",
		"credentials": "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = s\n[team]\naws_access_key_id = TEAMKEY\naws_secret_access_key = s\n",
	}
	for _, tc := range []struct {
		name    string
		env     []string
		files   bool
		args    []string
		key     string // of the signature; "" when the command fails
		region  string
		failure string
	}{
		{"nothing: the development pair", nil, false, nil, "test", "us-east-1", ""},
		{"environment keys", []string{"AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s", "AWS_REGION=sa-east-1"}, false, nil, "ENVKEY", "sa-east-1", ""},
		{"AWS_DEFAULT_REGION", []string{"AWS_DEFAULT_REGION=ca-central-1"}, false, nil, "test", "ca-central-1", ""},
		{"the default profile", nil, true, nil, "DEFAULTKEY", "eu-west-1", ""},
		{"environment keys beat the default profile", []string{"AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s"}, true, nil, "ENVKEY", "eu-west-1", ""},
		{"environment keys beat AWS_PROFILE", []string{"AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s", "AWS_PROFILE=team"}, true, nil, "ENVKEY", "ap-south-1", ""},
		{"AWS_PROFILE", []string{"AWS_PROFILE=team"}, true, nil, "TEAMKEY", "ap-south-1", ""},
		{"--profile beats environment keys", []string{"AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s"}, true, []string{"--profile", "team"}, "TEAMKEY", "ap-south-1", ""},
		{"--region beats everything", []string{"AWS_REGION=sa-east-1"}, true, []string{"--profile", "team", "--region", "us-west-2"}, "TEAMKEY", "us-west-2", ""},
		{"a profile without keys", nil, true, []string{"--profile", "bare"}, "test", "us-east-1", ""},
		{"--profile that does not exist", nil, true, []string{"--profile", "nosuch"}, "", "", "The config profile (nosuch) could not be found"},
		{"AWS_PROFILE that does not exist", []string{"AWS_PROFILE=nosuch"}, false, nil, "", "", "The config profile (nosuch) could not be found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &testEnv{t: t, dir: t.TempDir()}
			e.set("HOME", e.dir)
			if tc.files {
				os.Mkdir(filepath.Join(e.dir, ".aws"), 0o700)
				for name, text := range files {
					os.WriteFile(filepath.Join(e.dir, ".aws", name), []byte(text), 0o600)
				}
			}
			e.environ = append(e.environ, tc.env...)
			mu.Lock()
			scope = ""
			mu.Unlock()
			_, stderr, code := e.run(append([]string{"list-accounts", "--endpoint-url", signed.URL}, tc.args...)...)
			if tc.failure != "" {
				want := 253 // no credentials
				if strings.HasPrefix(tc.failure, "The config profile") {
					want = 255 // an unknown profile, as the AWS CLI exits
				}
				if code != want || !strings.Contains(stderr, tc.failure) {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				return
			}
			mu.Lock()
			got := scope
			mu.Unlock()
			key, rest, _ := strings.Cut(got, "/")
			if code != 0 || key != tc.key || !strings.Contains(rest, "/"+tc.region+"/chime/aws4_request") {
				t.Fatalf("exit %d, signed as %q: %s", code, got, stderr)
			}
		})
	}
}

// Relative paths start in the environment's directory, not the process's.
func TestWorkingDirectory(t *testing.T) {
	e, _ := devServer(t)
	os.WriteFile(filepath.Join(e.dir, "name.txt"), []byte("Relative"), 0o600)
	os.WriteFile(filepath.Join(e.dir, "input.yaml"), []byte("Name: From YAML\n"), 0o600)
	if out := e.mustRun("create-account", "--name", "file://name.txt", "--query", "Account.Name", "--output", "text"); out != "Relative\n" {
		t.Errorf("file://name.txt: %q", out)
	}
	if out := e.mustRun("create-account", "--cli-input-yaml", "file://input.yaml", "--query", "Account.Name", "--output", "text"); out != "From YAML\n" {
		t.Errorf("--cli-input-yaml file://input.yaml: %q", out)
	}
}
