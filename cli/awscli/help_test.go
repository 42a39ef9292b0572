package awscli

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
)

// The sections of a manual page, in order.
var helpSections = []string{"NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS", "EXAMPLES", "OUTPUT"}

// TestHelpPageSections: every implemented operation's page has each
// section once, in order, lists every global option in its synopsis and
// describes each, has an example, and is plain text.
func TestHelpPageSections(t *testing.T) {
	for _, op := range apispec.Implemented() {
		name := op.CommandName()
		page := operationHelp(op, false)
		if strings.Contains(page, "\x1b") {
			t.Errorf("%s: the plain page has escapes", name)
		}
		at := 0
		for _, s := range helpSections {
			i := strings.Index(page[at:], "\n"+s+"\n")
			if i < 0 {
				t.Errorf("%s: no %s section after offset %d", name, s, at)
				continue
			}
			at += i + 1
		}
		synopsis := pageSection(page, "SYNOPSIS")
		globalsText := pageSection(page, "GLOBAL OPTIONS")
		for _, g := range globalFlags {
			if !strings.Contains(synopsis, "["+g.name) {
				t.Errorf("%s: the synopsis lacks %s", name, g.name)
			}
			if !strings.Contains(globalsText, "       "+g.name+" ("+globalType(g)+")\n\n       ") {
				t.Errorf("%s: GLOBAL OPTIONS does not describe %s", name, g.name)
			}
		}
		for _, p := range opParams(op) {
			if pg := op.Paginator; pg != nil && (p.member.Name == pg.InputToken || p.member.Name == pg.LimitKey) {
				continue
			}
			if !strings.Contains("\n"+pageSection(page, "OPTIONS"), "\n       "+p.flag) {
				t.Errorf("%s: OPTIONS lacks %s", name, p.flag)
			}
		}
		if !strings.Contains(pageSection(page, "EXAMPLES"), "          chime "+name) {
			t.Errorf("%s: EXAMPLES has no command of its own", name)
		}
		if exampleText(name) == "" {
			t.Errorf("%s has no example file", name)
		}
	}
}

// pageSection is the text of a page's section, up to the next one.
func pageSection(page, title string) string {
	_, rest, _ := strings.Cut(page, "\n"+title+"\n")
	for i, l := range strings.Split(rest, "\n") {
		if l != "" && l[0] != ' ' {
			return strings.Join(strings.Split(rest, "\n")[:i], "\n")
		}
	}
	return rest
}

// TestHelpStructureSyntax: a structure within a structure is written in
// shorthand in braces and in JSON two spaces a level, as the AWS CLI
// writes them; a list of structures as one element and "...".
func TestHelpStructureSyntax(t *testing.T) {
	page := operationHelp(apispec.Lookup("UpdateUserSettings"), false)
	want := `       Shorthand Syntax:

          Telephony={InboundCalling=boolean,OutboundCalling=boolean,SMS=boolean}

       JSON Syntax:

          {
            "Telephony": {
              "InboundCalling": true|false,
              "OutboundCalling": true|false,
              "SMS": true|false
            }
          }
`
	if !strings.Contains(page, want) {
		t.Errorf("update-user-settings help lacks\n%s\nin\n%s", want, pageSection(page, "OPTIONS"))
	}
	nested := `          Telephony -> (structure) [required]
              The telephony settings of the user.

              InboundCalling -> (boolean) [required]
`
	if !strings.Contains(page, nested) {
		t.Errorf("update-user-settings help lacks the nested members\n%s", nested)
	}

	page = operationHelp(apispec.Lookup("BatchUpdateUser"), false)
	for _, want := range []string{
		"          UserId=string,LicenseType=string,UserType=string,AlexaForBusinessMetadata={IsAlexaForBusinessEnabled=boolean,AlexaForBusinessRoomArn=string} ...\n",
		`          [
            {
              "UserId": "string",
              "LicenseType": "Basic"|"Plus"|"Pro"|"ProTrial",
              "UserType": "PrivateUser"|"SharedDevice",
              "AlexaForBusinessMetadata": {
                "IsAlexaForBusinessEnabled": true|false,
                "AlexaForBusinessRoomArn": "string"
              }
            }
            ...
          ]
`} {
		if !strings.Contains(page, want) {
			t.Errorf("batch-update-user help lacks\n%s", want)
		}
	}

	// A list of scalars is written as words, with no shorthand or JSON.
	page = operationHelp(apispec.Lookup("InviteUsers"), false)
	if !strings.Contains(page, "       Syntax:\n\n          \"string\" \"string\" ...\n") || strings.Contains(page, "JSON Syntax") {
		t.Errorf("invite-users help:\n%s", pageSection(page, "OPTIONS"))
	}

	if got := shorthandSyntax(apispec.Lookup("PutRetentionSettings").Input.MemberNamed("RetentionSettings").Shape); got != "RoomRetentionSettings={RetentionDays=integer},ConversationRetentionSettings={RetentionDays=integer}" {
		t.Errorf("retention settings shorthand: %s", got)
	}
}

// TestHelpPagination: a paginated operation documents --starting-token,
// --page-size and --max-items in place of its token and limit members.
func TestHelpPagination(t *testing.T) {
	page := operationHelp(apispec.Lookup("ListUsers"), false)
	synopsis := pageSection(page, "SYNOPSIS")
	for _, want := range []string{"[--starting-token <value>]", "[--page-size <value>]", "[--max-items <value>]"} {
		if !strings.Contains(synopsis, want) {
			t.Errorf("list-users synopsis lacks %s", want)
		}
	}
	for _, hidden := range []string{"--next-token", "--max-results"} {
		if strings.Contains(page, hidden) {
			t.Errorf("list-users help shows %s", hidden)
		}
	}
}

// TestHelpGlobalChoices: the values GLOBAL OPTIONS lists are the ones the
// option accepts.
func TestHelpGlobalChoices(t *testing.T) {
	for name, choices := range globalChoices {
		g := lookupGlobal(name)
		if g == nil {
			t.Errorf("%s is not a global option", name)
			continue
		}
		for _, c := range choices {
			if err := g.set(defaultGlobals(), c); err != nil {
				t.Errorf("%s %s: %v", name, c, err)
			}
		}
		if g.set(defaultGlobals(), "bogus") == nil {
			t.Errorf("%s accepts a value GLOBAL OPTIONS does not list", name)
		}
	}
}

// TestHelpOnTerminal: on a terminal the page is bold and goes through the
// configured pager; an empty pager writes it directly; with stdout not a
// terminal no pager runs and no escape is written.
func TestHelpOnTerminal(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no shell to run a pager")
	}
	run := func(tty bool, environ ...string) string {
		var out, errs bytes.Buffer
		p := &Program{Env: Env{Stdout: &out, Stderr: &errs, StdoutIsTerminal: tty, Environ: append([]string{"HOME=" + t.TempDir()}, environ...)}}
		if code := p.Run(context.Background(), []string{"create-user", "help"}); code != 0 {
			t.Fatalf("help: %d %s", code, errs.String())
		}
		return out.String()
	}
	paged := run(true, "AWS_PAGER=sed 's/^/paged: /'")
	if !strings.HasPrefix(paged, "paged: CREATE-USER()") || !strings.Contains(paged, "\x1b[1mOPTIONS\x1b[0m") {
		t.Errorf("on a terminal, the page is not bold through the pager:\n%.300s", paged)
	}
	direct := run(true, "AWS_PAGER=")
	if !strings.HasPrefix(direct, "CREATE-USER()") || !strings.Contains(direct, "\x1b[1m--account-id\x1b[0m (string) [required]") {
		t.Errorf("with an empty pager, the page is not written bold:\n%.300s", direct)
	}
	plain := run(false, "AWS_PAGER=sed 's/^/paged: /'")
	if strings.Contains(plain, "paged: ") || strings.Contains(plain, "\x1b") {
		t.Errorf("stdout not a terminal, the page went through the pager or has escapes:\n%.300s", plain)
	}
}

// TestPagerFailing: a pager that shows the text and then fails has shown
// it, and the text is not written a second time; a pager the shell cannot
// find has shown nothing, and the text is written directly. Help and an
// operation's output alike.
func TestPagerFailing(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no shell to run a pager")
	}
	run := func(pager string, args ...string) (string, string) {
		var out, errs bytes.Buffer
		p := &Program{Env: Env{Stdout: &out, Stderr: &errs, StdoutIsTerminal: true, Environ: []string{"HOME=" + t.TempDir(), "AWS_PAGER=" + pager}}}
		if code := p.Run(context.Background(), args); code != 0 {
			t.Fatalf("%v: %d %s", args, code, errs.String())
		}
		return out.String(), errs.String()
	}
	for _, args := range [][]string{
		{"create-user", "help"},
		{"get-account", "--account-id", "a", "--generate-cli-skeleton", "output"},
	} {
		out, _ := run("sed 's/^/paged: /'; exit 3", args...)
		if !strings.HasPrefix(out, "paged: ") || strings.Contains(out, "\n{") || strings.Contains(out, "\nCREATE-USER()") {
			t.Errorf("%v, the pager failing after it ran: %.300q", args, out)
		}
		out, stderr := run("no-such-pager-here", args...)
		if strings.Contains(out, "paged: ") || !strings.HasPrefix(out, "{") && !strings.HasPrefix(out, "CREATE-USER()") || !strings.Contains(stderr, "not found") {
			t.Errorf("%v, no such pager: %.300q %q", args, out, stderr)
		}
	}
}
