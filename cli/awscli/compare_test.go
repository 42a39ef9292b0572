package awscli_test

import (
	"strconv"
	"strings"
	"testing"
)

// Behaviours found by running chime beside AWS CLI v2 (the end-to-end
// comparison in e2e/cliv2_compare_test.go), pinned here without it.

// The yaml-input skeleton has ruamel.yaml's layout: indentation by two,
// list items at their key's indentation, two spaces before the comment
// of a mapping's first key.
func TestYAMLInputSkeletonLayout(t *testing.T) {
	e := newEnv(t)
	out := e.mustRun("batch-update-user", "--generate-cli-skeleton", "yaml-input")
	want := `AccountId: ''  # [REQUIRED] The Amazon Chime account ID.
UpdateUserRequestItems: # [REQUIRED] The request containing the user IDs and details to update.
- UserId: ''  # [REQUIRED] The user ID.
  LicenseType: Basic # The user license type. Valid values are: Basic, Plus, Pro, ProTrial.
  UserType: PrivateUser # The user type. Valid values are: PrivateUser, SharedDevice.
  AlexaForBusinessMetadata: # The Alexa for Business metadata.
    IsAlexaForBusinessEnabled: true  # Starts or stops Alexa for Business.
    AlexaForBusinessRoomArn: '' # The ARN of the room resource.
`
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if out := e.mustRun("invite-users", "--generate-cli-skeleton", "yaml-input"); !strings.Contains(out, "UserEmailList: # [REQUIRED]") || !strings.Contains(out, "\n- ''\n") {
		t.Errorf("a list of strings:\n%s", out)
	}
	if out := e.mustRun("get-global-settings", "--generate-cli-skeleton", "yaml-input"); out != "{}\n" {
		t.Errorf("no input: %q", out)
	}
}

// The output skeleton's timestamps are Python datetimes in the AWS CLI:
// JSON prints their isoformat, the other formats str().
func TestOutputSkeletonTimestamps(t *testing.T) {
	e := newEnv(t)
	for format, want := range map[string]string{
		"json":  `"RegisteredOn": "1970-01-01T00:00:00"`,
		"yaml":  "  RegisteredOn: 1970-01-01 00:00:00\n",
		"text":  "\t1970-01-01 00:00:00\t",
		"table": "||  RegisteredOn              |  1970-01-01 00:00:00        ||",
	} {
		out := e.mustRun("get-user", "--account-id", "a", "--user-id", "u", "--generate-cli-skeleton", "output", "--output", format)
		if !strings.Contains(out, want) {
			t.Errorf("%s lacks %q:\n%s", format, want, out)
		}
	}
}

// botocore's stubber validates the fabricated response: a minimum above
// the skeleton's 0 fails, as in the AWS CLI.
func TestOutputSkeletonValidated(t *testing.T) {
	e := newEnv(t)
	_, stderr, code := e.run("get-retention-settings", "--account-id", "a", "--generate-cli-skeleton", "output")
	if code != 252 || !strings.Contains(stderr, "Parameter validation failed:\nInvalid value for parameter RetentionSettings.RoomRetentionSettings.RetentionDays, value: 0, valid min value: 1\n") {
		t.Errorf("%d %s", code, stderr)
	}
}

// A scalar query in a table shows the title's box only; a false, zero or
// empty one shows nothing.
func TestTableOfScalar(t *testing.T) {
	e := newEnv(t)
	out := e.mustRun("get-user", "--account-id", "a", "--user-id", "u", "--generate-cli-skeleton", "output", "--output", "table", "--query", "User.UserId")
	if out != "---------\n|GetUser|\n+-------+\n" {
		t.Errorf("%q", out)
	}
	out = e.mustRun("get-user", "--account-id", "a", "--user-id", "u", "--generate-cli-skeleton", "output", "--output", "table", "--query", "`0`")
	if out != "" {
		t.Errorf("zero: %q", out)
	}
}

// botocore reports the missing members first, then the unknown ones.
func TestValidationOrder(t *testing.T) {
	e := newEnv(t)
	_, stderr, code := e.run("update-user-settings", "--account-id", "a", "--user-id", "u", "--user-settings", "Telephony={Inbound=true,OutboundCalling=true,SMS=true}")
	want := "Parameter validation failed:\nMissing required parameter in UserSettings.Telephony: \"InboundCalling\"\nUnknown parameter in UserSettings.Telephony: \"Inbound\", must be one of: InboundCalling, OutboundCalling, SMS\n"
	if code != 252 || !strings.Contains(stderr, want) {
		t.Errorf("%d %s", code, stderr)
	}
}

// --cli-error-format, AWS_CLI_ERROR_FORMAT and the profile's
// cli_error_format, as the current AWS CLI v2 has them.
func TestErrorFormats(t *testing.T) {
	e := newEnv(t)
	args := []string{"get-account", "--account-id", "a", "--user-settings", "x"}
	for _, format := range []string{"enhanced", "json"} {
		_, stderr, code := e.run(append(args, "--cli-error-format", format)...)
		// Unknown options are written the same way in every format.
		if code != 252 || !strings.HasSuffix(stderr, "chime <command> help\n\n\nchime: [ERROR]: Unknown options: --user-settings, x\n") {
			t.Errorf("%s: %d %q", format, code, stderr)
		}
	}
	for format, want := range map[string]string{
		"enhanced": "\nchime: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --user-id\n",
		"legacy":   "\nchime: [ERROR]: the following arguments are required: --user-id\n",
		"json":     "{\n    \"Code\": \"ParamValidation\",\n    \"Message\": \"the following arguments are required: --user-id\\n\\nusage: chime",
		"yaml":     "Code: ParamValidation\nMessage: ",
		"bogus":    "\nchime: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --user-id\n",
	} {
		e.set("AWS_CLI_ERROR_FORMAT", format)
		_, stderr, code := e.run("get-user", "--account-id", "a")
		if code != 252 || !strings.HasPrefix(stderr, want) {
			t.Errorf("%s: %d %q", format, code, stderr)
		}
	}
	_, stderr, code := e.run("get-user", "--account-id", "a", "--cli-error-format", "xml")
	if code != 252 || !strings.Contains(stderr, "argument --cli-error-format: Found invalid choice 'xml'") {
		t.Errorf("xml: %d %q", code, stderr)
	}
}

// Numbers are read by Python's int() and float(): what they refuse is
// their ValueError, exit code 255; --max-items and --page-size are
// argparse's, exit code 252.
func TestNumbersAsPython(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"list-users", "--account-id", "a", "--max-results", "1x"}, 255, "\nchime: [ERROR]: invalid literal for int() with base 10: '1x'\n"},
		{[]string{"list-users", "--account-id", "a", "--max-results", "it's"}, 255, "\nchime: [ERROR]: invalid literal for int() with base 10: \"it's\"\n"},
		{[]string{"list-users", "--account-id", "a", "--max-items", "abc"}, 252, "argument --max-items: invalid int value: 'abc'\n\nusage: chime"},
		{[]string{"list-users", "--account-id", "a", "--page-size", "1.5"}, 252, "argument --page-size: invalid int value: '1.5'\n\nusage: chime"},
	} {
		_, stderr, code := e.run(tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, stderr)
		}
	}
	for _, ok := range []string{" 7 ", "+7", "1_0"} {
		if _, stderr, code := e.run("list-users", "--account-id", "a", "--max-results", ok, "--generate-cli-skeleton", "output"); code != 0 {
			t.Errorf("%q: %d %s", ok, code, stderr)
		}
	}
}

// A file that cannot be read is reported in Python's words.
func TestParamFileErrors(t *testing.T) {
	e := newEnv(t)
	_, stderr, code := e.run("list-users", "--account-id", "a", "--user-email", "file://missing.txt")
	if code != 252 || !strings.Contains(stderr, "Error parsing parameter '--user-email': Unable to load paramfile file://missing.txt: [Errno 2] No such file or directory: 'missing.txt'\n") {
		t.Errorf("%d %q", code, stderr)
	}
}

// --region ” is taken as given: requests are signed for an empty region,
// as botocore signs them, and the server refuses the scope.
func TestEmptyRegionIsKept(t *testing.T) {
	e, _ := devServer(t)
	_, stderr, code := e.run("get-account", "--account-id", "a", "--region", "")
	if code != 254 || !strings.Contains(stderr, "The credential must be in the form AccessKeyId/yyyymmdd/region/service/aws4_request.") {
		t.Errorf("%d %q", code, stderr)
	}
	for _, bad := range []string{"123", "a-", "us east"} {
		if _, stderr, code := e.run("get-account", "--account-id", "a", "--region", bad); code != 255 || !strings.Contains(stderr, "doesn't match a supported format") {
			t.Errorf("%q: %d %q", bad, code, stderr)
		}
	}
}

// A value that looks like an option is one to argparse, as to the AWS
// CLI; a negative number or a word with a space is a value.
func TestValueLikeAnOption(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"get-account", "--account-id", "-x"}, "argument --account-id: expected one argument"},
		{[]string{"batch-suspend-user", "--account-id", "a", "--user-id-list", "-x"}, "Unknown options: -x"},
	} {
		if _, stderr, code := e.run(tc.args...); code != 252 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, stderr)
		}
	}
	// A list option may have no value: an empty list.
	if out, stderr, code := e.run("batch-suspend-user", "--account-id", "a", "--user-id-list", "--generate-cli-skeleton", "output"); code != 0 {
		t.Errorf("empty list: %d %s %s", code, out, stderr)
	}
	for _, v := range []string{"-5", "-a b", "-"} {
		if _, stderr, code := e.run("get-account", "--account-id", v, "--generate-cli-skeleton", "output"); code != 0 {
			t.Errorf("%q: %d %q", v, code, stderr)
		}
	}
}

// The AWS CLI's text formatter fails on a list that mixes structures with
// other values (values() of a user, say): Python's AttributeError, exit
// code 255.
func TestTextOfMixedList(t *testing.T) {
	e := newEnv(t)
	out, stderr, code := e.run("get-user", "--account-id", "a", "--user-id", "u", "--generate-cli-skeleton", "output", "--output", "text", "--query", "values(User)")
	if code != 255 || out != "" || stderr != "\nchime: [ERROR]: 'str' object has no attribute 'items'\n" {
		t.Errorf("%d %q %q", code, out, stderr)
	}
}

// An expression that ends too soon is refused in jmespath.py's words,
// with the caret after its end.
func TestQueryIncompleteExpression(t *testing.T) {
	e := newEnv(t)
	for q, want := range map[string]string{
		"Users[0": "Bad value for --query Users[0: Invalid jmespath expression: Incomplete expression:\n\"Users[0\"\n        ^\n",
		"a.":      "Bad value for --query a.: Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 2, token \"\" (EOF), for expression:\n\"a.\"\n   ^\n",
	} {
		_, stderr, code := e.run("get-account", "--account-id", "a", "--generate-cli-skeleton", "output", "--query", q)
		if code != 252 || !strings.HasSuffix(stderr, want) {
			t.Errorf("%s: %d %q", q, code, stderr)
		}
	}
}

// YAML output as ruamel.yaml writes it: YAML 1.2's plain scalars bare
// (yes, on, 1:20), "=" quoted, and long scalars folded at a single space
// past the 80th column, continued two columns right of their key.
func TestYAMLQuotingAndFolding(t *testing.T) {
	e := newEnv(t)
	long := "This is a rather long display name that goes on and on past the eighty column limit of the dumper"
	query := "{a: `\"yes\"`, b: `\"1:20\"`, c: `\"=\"`, d: `\"null\"`, e: `\"" + long + "\"`, f: [`\"" + long + "\"`], g: `\"" + long + ": it's\"`, h: `\"x  y\"`}"
	out := e.mustRun("get-account", "--account-id", "a", "--generate-cli-skeleton", "output", "--output", "yaml", "--query", query)
	want := `a: yes
b: 1:20
c: '='
d: 'null'
e: This is a rather long display name that goes on and on past the eighty column limit
  of the dumper
f:
- This is a rather long display name that goes on and on past the eighty column limit
  of the dumper
g: 'This is a rather long display name that goes on and on past the eighty column
  limit of the dumper: it''s'
h: x  y
`
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// A configuration error has its kind in the enhanced format, and its
// fields in a structured one, as in the current AWS CLI v2.
func TestConfigurationErrorFormats(t *testing.T) {
	e := newEnv(t)
	e.set("AWS_ENDPOINT_URL_CHIME", "http://chime.example.com")
	_, stderr, code := e.run("get-account", "--account-id", "a")
	if code != 253 || stderr != "\nchime: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running \"aws login\".\n" {
		t.Errorf("%d %q", code, stderr)
	}
	_, stderr, code = e.run("get-account", "--account-id", "a", "--cli-error-format", "json")
	if code != 253 || stderr != "{\n    \"Code\": \"NoCredentials\",\n    \"Message\": \"Unable to locate credentials. You can configure credentials by running \\\"aws login\\\".\"\n}\n" {
		t.Errorf("json: %d %q", code, stderr)
	}
}

// Function arguments and sort keys are checked as jmespath.py checks
// them, in its words, never the library's (exit code 255).
func TestQueryTypeErrorsAsJMESPathPy(t *testing.T) {
	e := newEnv(t)
	for q, want := range map[string]string{
		"sort_by(`[{\"a\":1},{\"a\":\"x\"}]`, &a)": `In function sort_by(), invalid type for value: x, expected one of: ['number'], received: "string"`,
		"sort_by(`[{\"a\":null}]`, &a)":            `In function sort_by(), invalid type for value: {'a': None}, expected one of: ['string', 'number'], received: "null"`,
		"max_by(`[{\"a\":1},{\"a\":null}]`, &a)":   `In function max_by(), invalid type for value: None, expected one of: ['number', 'string'], received: "null"`,
		"sort(`[1, \"a\"]`)":                       `In function sort(), invalid type for value: a, expected one of: ['array-string', 'array-number'], received: "str"`,
		"sort(`[true]`)":                           `In function sort(), invalid type for value: True, expected one of: ['array-string', 'array-number'], received: "bool"`,
		"sum(`[1, \"a\"]`)":                        `In function sum(), invalid type for value: a, expected one of: ['array-number'], received: "str"`,
		"abs(`\"x\"`)":                             `In function abs(), invalid type for value: x, expected one of: ['number'], received: "string"`,
	} {
		_, stderr, code := e.run("get-account", "--account-id", "a", "--generate-cli-skeleton", "output", "--query", q)
		if code != 255 || stderr != "\nchime: [ERROR]: "+want+"\n" {
			t.Errorf("%s: %d %q", q, code, stderr)
		}
	}
}

// An expression reference left in a query's result is never a Go
// pointer: JSON and YAML fail as the AWS CLI's encoders do (exit code
// 255), text writes the object's repr.
func TestQueryExpressionReference(t *testing.T) {
	e := newEnv(t)
	for format, want := range map[string][3]string{
		"json": {"", "\nchime: [ERROR]: Circular reference detected\n", "255"},
		"yaml": {"", "\nchime: [ERROR]: cannot represent an object: <jmespath.visitor._Expression object>\n", "255"},
		"text": {"<jmespath.visitor._Expression object>\n", "", "0"},
	} {
		out, stderr, code := e.run("get-account", "--account-id", "a", "--generate-cli-skeleton", "output", "--query", "&foo", "--output", format)
		if out != want[0] || stderr != want[1] || strconv.Itoa(code) != want[2] {
			t.Errorf("%s: %d %q %q", format, code, out, stderr)
		}
	}
	// JSON has written the start of the list when it fails, as Python's does.
	if out, _, code := e.run("get-account", "--account-id", "a", "--generate-cli-skeleton", "output", "--query", "[&foo]"); code != 255 || out != "[\n    " {
		t.Errorf("[&foo]: %d %q", code, out)
	}
}

// A slice step of zero is Python's ValueError, at run time.
func TestQuerySliceStepZero(t *testing.T) {
	e := newEnv(t)
	_, stderr, code := e.run("get-account", "--account-id", "a", "--generate-cli-skeleton", "output", "--query", "Account.SupportedLicenses[::0]")
	if code != 255 || stderr != "\nchime: [ERROR]: slice step cannot be zero\n" {
		t.Errorf("%d %q", code, stderr)
	}
}
