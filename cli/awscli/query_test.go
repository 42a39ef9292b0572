package awscli_test

import (
	"strings"
	"testing"
)

// The expected outputs are AWS CLI v2's (2.9.19) on the same data.

// TestQueryLegacyLiterals: a JSON literal that is not JSON is read, as
// jmespath.py reads it, as the contents of a JSON string.
func TestQueryLegacyLiterals(t *testing.T) {
	e, _ := devServer(t)
	e.mustRun("admin-create-account", "--name", "Fixed", "--account-type", "EnterpriseLWA", "--account-id", "fixed-1")
	e.mustRun("create-user", "--account-id", example, "--email", "room@example.com", "--user-type", "SharedDevice")
	e.mustRun("create-user", "--account-id", example, "--email", "ana@example.com", "--user-type", "PrivateUser")
	for _, tc := range []struct{ name, query, want string }{
		{"Bare", "Account.SupportedLicenses[?@==`Pro`]", "[\n    \"Pro\"\n]\n"},
		{"Compared", "Account.[Name==`Fixed`, Name==`\"Fixed\"`, AccountType==` EnterpriseLWA`]", "[\n    true,\n    true,\n    true\n]\n"},
		{"EscapedBacktick", "`a\\`b`", "\"a`b\"\n"},
		{"NotJSON", "`[1, 2`", "\"[1, 2\"\n"},
		{"Number", "`1`", "1\n"},
		{"InQuotedIdentifier", "\"`x`\"", "null\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if out := e.mustRun("get-account", "--account-id", "fixed-1", "--query", tc.query, "--output", "json"); out != tc.want {
				t.Errorf("--query %s:\n%s\nwant\n%s", tc.query, out, tc.want)
			}
		})
	}
	t.Run("Filter", func(t *testing.T) {
		out := e.mustRun("list-users", "--account-id", example, "--query", "Users[?UserType==`SharedDevice`].PrimaryEmail", "--output", "text")
		if out != "room@example.com\n" {
			t.Errorf("got %q", out)
		}
	})
	t.Run("BadToken", func(t *testing.T) {
		_, stderr, code := e.run("get-account", "--account-id", "fixed-1", "--query", "Account.{a:`foo\"bar`}")
		want := "Bad value for --query Account.{a:`foo\"bar`}: Bad jmespath expression: Bad token foo\"bar:\nAccount.{a:`foo\"bar`}\n           ^\n"
		if code != 252 || !strings.HasSuffix(stderr, want) {
			t.Errorf("exit %d:\n%s\nwant the end\n%s", code, stderr, want)
		}
	})
}

// TestQueryMemberOrder: keys(), values(), `*`, merge() and to_string()
// follow the members' order (the response's, or the order a multiselect
// hash names them in), every time.
func TestQueryMemberOrder(t *testing.T) {
	e, _ := devServer(t)
	e.mustRun("admin-create-account", "--name", "Fixed", "--account-type", "EnterpriseLWA", "--account-id", "fixed-1")
	members := []string{"AwsAccountId", "AccountId", "Name", "AccountType", "CreatedTimestamp", "DefaultLicense", "SupportedLicenses", "AccountStatus", "SigninDelegateGroups"}
	quoted := func(ss ...string) string { return "[\n    \"" + strings.Join(ss, "\",\n    \"") + "\"\n]\n" }
	for _, tc := range []struct{ name, query, want string }{
		{"Keys", "keys(Account)", quoted(members...)},
		{"Values", "values(Account)[?@!=CreatedTimestamp]|[:3]", quoted("000000000000", "fixed-1", "Fixed")},
		{"Star", "Account.*|[:4]", quoted("000000000000", "fixed-1", "Fixed", "EnterpriseLWA")},
		{"StarOverHash", "Account.{N:Name,I:AccountId,L:SupportedLicenses}.*", "[\n    \"Fixed\",\n    \"fixed-1\",\n    [\n        \"Basic\",\n        \"Pro\"\n    ]\n]\n"},
		{"KeysOfHash", "Account.{Z:Name,A:AccountId,M:AccountType}|keys(@)", quoted("Z", "A", "M")},
		{"Merge", "keys(merge(Account, {\"Zed\": `1`, \"AccountId\": `2`}))", quoted(append(members, "Zed")...)},
		{"MergeHashes", "merge(Account.{Z:Name,A:AccountId}, {B:`1`, A:`2`})", "{\n    \"Z\": \"Fixed\",\n    \"A\": 2,\n    \"B\": 1\n}\n"},
		{"ToString", "to_string(Account.{N:Name,I:AccountId,L:SupportedLicenses})", "\"{\\\"N\\\":\\\"Fixed\\\",\\\"I\\\":\\\"fixed-1\\\",\\\"L\\\":[\\\"Basic\\\",\\\"Pro\\\"]}\"\n"},
		{"ToStringASCII", "to_string([`\"é😀\\u007f\"`])", "\"[\\\"\\\\u00e9\\\\ud83d\\\\ude00\\\\u007f\\\"]\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 10 { // map order would differ from run to run
				if out := e.mustRun("get-account", "--account-id", "fixed-1", "--query", tc.query, "--output", "json"); out != tc.want {
					t.Fatalf("--query %s:\n%s\nwant\n%s", tc.query, out, tc.want)
				}
			}
		})
	}
	if out := e.mustRun("get-account", "--account-id", "fixed-1", "--query", "keys(Account)", "--output", "text"); out != strings.Join(members, "\t")+"\n" {
		t.Errorf("text: %q", out)
	}
}

// TestQueryRuntimeErrors pins jmespath.py's words for errors found while
// the query runs, and the AWS CLI's exit code 255 for them.
func TestQueryRuntimeErrors(t *testing.T) {
	e, _ := devServer(t)
	for _, tc := range []struct{ query, msg string }{
		{"foo(Account)", "Unknown function: foo()"},
		{"abs(`1`, `2`)", "Expected 1 argument for function abs(), received 2"},
		{"abs(Account.Name)", "In function abs(), invalid type for value: Example Corp, expected one of: ['number'], received: \"string\""},
		{"length(`1`)", "In function length(), invalid type for value: 1, expected one of: ['string', 'array', 'object'], received: \"number\""},
		{"sum(Account.SupportedLicenses)", "In function sum(), invalid type for value: Basic, expected one of: ['array-number'], received: \"str\""},
		{"abs(`[1.5, true, null, \"x\", {\"a\": 1}]`)", "In function abs(), invalid type for value: [1.5, True, None, 'x', {'a': 1}], expected one of: ['number'], received: \"array\""},
		{"abs(Account.{N:Name,L:SupportedLicenses})", "In function abs(), invalid type for value: {'N': 'Example Corp', 'L': ['Basic', 'Pro']}, expected one of: ['number'], received: \"object\""},
	} {
		out, stderr, code := e.run("get-account", "--account-id", example, "--query", tc.query)
		if code != 255 || out != "" || stderr != "\nchime: [ERROR]: "+tc.msg+"\n" {
			t.Errorf("%s: exit %d\n%q", tc.query, code, stderr)
		}
	}
}
