package awscli_test

import (
	"strings"
	"testing"
)

// The expected outputs are AWS CLI v2's (2.9.19) on the same data: an
// account whose users a@ to g@example.com were invited in that order.
func pagesAccount(t *testing.T) (*testEnv, string) {
	e, _ := devServer(t)
	team := strings.TrimSpace(e.mustRun("create-account", "--name", "Pages", "--query", "Account.AccountId", "--output", "text"))
	args := []string{"invite-users", "--account-id", team, "--user-email-list"}
	for c := 'a'; c <= 'g'; c++ {
		args = append(args, string(c)+"@example.com")
	}
	e.mustRun(args...)
	return e, team
}

// botocore's resume tokens: base64 of {"NextToken": null, "boto_truncate_amount": n}.
const (
	token0 = "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ=="
	token2 = "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=="
)

// TestPaginatedOutput: text prints each page, then the resume token
// (through the query, which may make it None); yaml-stream prints each
// page as botocore yields it, the last one cut at --max-items.
func TestPaginatedOutput(t *testing.T) {
	e, team := pagesAccount(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"TextQueryPerPage", []string{"--page-size", "3", "--output", "text", "--query", "Users[].PrimaryEmail"},
			"a@example.com\tb@example.com\tc@example.com\nd@example.com\te@example.com\tf@example.com\ng@example.com\n"},
		{"TextQueryMaxItems", []string{"--page-size", "3", "--max-items", "2", "--output", "text", "--query", "Users[].PrimaryEmail"},
			"a@example.com\tb@example.com\nNone\n"},
		{"TextQueryPageBoundary", []string{"--page-size", "3", "--max-items", "3", "--output", "text", "--query", "Users[].PrimaryEmail"},
			"a@example.com\tb@example.com\tc@example.com\nNone\n"},
		{"TextQueryRows", []string{"--page-size", "3", "--max-items", "5", "--output", "text", "--query", "Users[].[PrimaryEmail]"},
			"a@example.com\nb@example.com\nc@example.com\nd@example.com\ne@example.com\nNone\n"},
		{"TextNextToken", []string{"--max-items", "2", "--output", "text", "--query", "Users[].[PrimaryEmail,UserInvitationStatus]"},
			"a@example.com\tPending\nb@example.com\tPending\nNone\n"},
		{"TextQueryToken", []string{"--max-items", "2", "--output", "text", "--query", "NextToken"},
			"None\n" + token2 + "\n"},
		{"YAMLStreamMaxItems", []string{"--page-size", "3", "--max-items", "5", "--output", "yaml-stream", "--query", "Users[].PrimaryEmail"},
			"- - a@example.com\n  - b@example.com\n  - c@example.com\n- - d@example.com\n  - e@example.com\n"},
		{"YAMLStreamHash", []string{"--page-size", "3", "--max-items", "4", "--output", "yaml-stream", "--query", "Users[].{E:PrimaryEmail}"},
			"- - E: a@example.com\n  - E: b@example.com\n  - E: c@example.com\n- - E: d@example.com\n"},
		{"YAMLStreamMaxItemsZero", []string{"--max-items", "0", "--output", "yaml-stream"}, "- Users: []\n"},
		{"YAMLScalar", []string{"--max-items", "2", "--output", "yaml", "--query", "NextToken"}, "\"" + token2 + "\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := e.mustRun(append([]string{"list-users", "--account-id", team}, tc.args...)...)
			if out != tc.want {
				t.Errorf("%v:\n%s\nwant\n%s", tc.args, out, tc.want)
			}
		})
	}
	t.Run("TextNextTokenLine", func(t *testing.T) {
		out := e.mustRun("list-users", "--account-id", team, "--max-items", "2", "--output", "text")
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 5 || !strings.HasPrefix(lines[0], "USERS\t") || lines[1] != "ALEXAFORBUSINESSMETADATA\tFalse" ||
			lines[4] != "NEXTTOKEN\t"+token2 {
			t.Errorf("got\n%s", out)
		}
	})
}

// TestPaginationEdgeValues: zero and negative --max-items and --page-size,
// older and opaque starting tokens, and pagination arguments where the
// call does not paginate.
func TestPaginationEdgeValues(t *testing.T) {
	e, team := pagesAccount(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"MaxItemsZero", []string{"--max-items", "0", "--output", "json"}, "{\n    \"Users\": [],\n    \"NextToken\": \"" + token0 + "\"\n}\n"},
		{"MaxItemsZeroText", []string{"--max-items", "0", "--output", "text"}, "NEXTTOKEN\t" + token0 + "\n"},
		// botocore keeps original[:len-(total+len-max)]: Python slices.
		{"MaxItemsMinusOne", []string{"--max-items", "-1", "--output", "json", "--query", "Users[].PrimaryEmail"},
			"[\n    \"a@example.com\",\n    \"b@example.com\",\n    \"c@example.com\",\n    \"d@example.com\",\n    \"e@example.com\",\n    \"f@example.com\"\n]\n"},
		{"MaxItemsMinusOnePages", []string{"--max-items", "-1", "--page-size", "3", "--output", "json", "--query", "[Users[].PrimaryEmail, NextToken]"},
			"[\n    [\n        \"a@example.com\",\n        \"b@example.com\"\n    ],\n    \"eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAtMX0=\"\n]\n"},
		{"MaxItemsMinusFive", []string{"--max-items", "-5", "--page-size", "3", "--output", "json", "--query", "Users[].PrimaryEmail"}, "[]\n"},
		{"OlderToken", []string{"--starting-token", "None___2", "--query", "length(Users)"}, "5\n"},
		{"EmptyToken", []string{"--starting-token", "", "--query", "length(Users)"}, "7\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := e.mustRun(append([]string{"list-users", "--account-id", team}, tc.args...)...)
			if out != tc.want {
				t.Errorf("%v:\n%s\nwant\n%s", tc.args, out, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"PageSizeZero", []string{"--page-size", "0"}, 252, "Parameter validation failed:\nInvalid value for parameter MaxResults, value: 0, valid min value: 1\n"},
		{"PageSizeNegative", []string{"--page-size", "-1"}, 252, "Parameter validation failed:\nInvalid value for parameter MaxResults, value: -1, valid min value: 1\n"},
		{"MaxItemsZeroNoPaginate", []string{"--max-items", "0", "--no-paginate"}, 252,
			"Parameter validation failed:\nUnknown parameter in input: \"PaginationConfig\", must be one of: AccountId, UserEmail, UserType, MaxResults, NextToken\n"},
		{"MaxItemsWithMaxResults", []string{"--max-results", "3", "--max-items", "2"}, 252, "Cannot specify --no-paginate along with pagination arguments: --max-items\n"},
		{"OpaqueToken", []string{"--starting-token", "%%%"}, 254, "(BadRequestException) when calling the ListUsers operation: NextToken is not valid for this request\n"},
		{"OlderTokenTooManyParts", []string{"--starting-token", "a___b___c"}, 255, "Bad starting token: a___b___c\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := e.run(append([]string{"list-users", "--account-id", team}, tc.args...)...)
			if out != "" || code != tc.code || !strings.HasSuffix(stderr, tc.stderr) {
				t.Errorf("%v: exit %d, stdout %q, stderr\n%s\nwant exit %d and the end\n%s", tc.args, code, out, stderr, tc.code, tc.stderr)
			}
		})
	}
}

// TestQueryWithoutOutput: an operation without output prints nothing, but
// a query over its empty response prints what the query gives.
func TestQueryWithoutOutput(t *testing.T) {
	e, _ := devServer(t)
	user := strings.TrimSpace(e.mustRun("create-user", "--account-id", example, "--email", "out@example.com", "--query", "User.UserId", "--output", "text"))
	for _, tc := range []struct{ format, want string }{
		{"json", "null\n"}, {"text", "None\n"}, {"yaml", "null\n"}, {"yaml-stream", "- null\n"}, {"table", ""},
	} {
		t.Run(tc.format, func(t *testing.T) {
			if out := e.mustRun("logout-user", "--account-id", example, "--user-id", user, "--output", tc.format); out != "" {
				t.Errorf("without a query: %q", out)
			}
			if out := e.mustRun("logout-user", "--account-id", example, "--user-id", user, "--output", tc.format, "--query", "foo"); out != tc.want {
				t.Errorf("--query foo: %q, want %q", out, tc.want)
			}
		})
	}
}
