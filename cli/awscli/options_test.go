package awscli_test

import (
	"strings"
	"testing"
)

// TestOptionPrefixes: an option may be abbreviated to any prefix that no
// other option shares (argparse's allow_abbrev), the global options first;
// a shared prefix is refused with argparse's message, listing the options
// in the AWS CLI's order. The messages are AWS CLI v2's (2.9.19).
func TestOptionPrefixes(t *testing.T) {
	e, _ := devServer(t)
	e.mustRun("admin-create-account", "--name", "Fixed", "--account-type", "EnterpriseLWA", "--account-id", "fixed-1")
	for _, args := range [][]string{
		{"get-account", "--account", "fixed-1", "--query", "Account.Name"},
		{"get-account", "--acc=fixed-1", "--query", "Account.Name"},
		{"get-account", "--account-id", "fixed-1", "--quer", "Account.Name", "--out", "json"},
		{"--out", "json", "--q", "Account.Name", "get-account", "--account-id", "fixed-1"},
	} {
		if out := e.mustRun(args...); out != "\"Fixed\"\n" {
			t.Errorf("%v: %q", args, out)
		}
	}
	bot := strings.TrimSpace(e.mustRun("create-bot", "--account-id", example, "--display-name", "B1", "--query", "Bot.BotId", "--output", "text"))
	if out := e.mustRun("update-bot", "--account-id", example, "--bot-id", bot, "--disa", "--query", "Bot.Disabled"); out != "true\n" {
		t.Errorf("--disa: %q", out)
	}
	if out := e.mustRun("update-bot", "--account-id", example, "--bot-id", bot, "--no-d", "--query", "Bot.Disabled"); out != "false\n" {
		t.Errorf("--no-d: %q", out)
	}
	e.mustRun("create-user", "--account-id", example, "--email", "ana@example.com")
	e.mustRun("create-user", "--account-id", example, "--email", "bo@example.com")
	if out := e.mustRun("list-users", "--account-id", example, "--max-i", "1", "--query", "length(Users)"); out != "1\n" {
		t.Errorf("--max-i: %q", out)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"Members", []string{"list-users", "--account-id", example, "--u", "x"}, "ambiguous option: --u could match --user-email, --user-type"},
		{"Pagination", []string{"list-users", "--account-id", example, "--ma=3"}, "ambiguous option: --ma=3 could match --max-results, --max-items"},
		{"CLIInput", []string{"list-users", "--account-id", example, "--cli-i", "{}"}, "ambiguous option: --cli-i could match --cli-input-json, --cli-input-yaml"},
		{"Globals", []string{"list-users", "--account-id", example, "--c", "x"},
			"ambiguous option: --c could match --color, --ca-bundle, --cli-read-timeout, --cli-connect-timeout, --cli-binary-format, --cli-auto-prompt, --cli-error-format"},
		{"GlobalsFirst", []string{"--no", "list-users", "--account-id", example},
			"ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := e.run(tc.args...)
			want := "\nchime: [ERROR]: An error occurred (ParamValidation): " + tc.want + "\n\nusage: chime"
			if out != "" || code != 252 || !strings.HasPrefix(stderr, want) {
				t.Errorf("%v: exit %d, stdout %q, stderr\n%s\nwant exit 252 and the start\n%s", tc.args, code, out, stderr, want)
			}
		})
	}
}
