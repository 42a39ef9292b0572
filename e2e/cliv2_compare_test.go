package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/internal/testenv"
)

// awsV2 is where Debian's awscli package puts AWS CLI v2; the `aws` first
// on PATH may be v1, which this comparison is not about.
const awsV2 = "/usr/bin/aws"

// differencesFile lists every difference the comparison may find, with
// its reason; docs/cli-compatibility.md carries the same list.
const differencesFile = "testdata/cliv2-differences.txt"

// compareCase is one command line run through both programs.
type compareCase struct {
	category, name string
	// args follow `aws chime` and `chime`; --endpoint-url of the test's
	// server is added unless endpoint is set.
	args []string
	// endpoint replaces the server's URL; "none" adds no --endpoint-url.
	endpoint string
	// env is added to the clean environment of both programs.
	env []string
}

func (c compareCase) id() string { return c.category + "/" + c.name }

// outcome is what one program did.
type outcome struct {
	stdout, stderr string
	code           int
}

func (o outcome) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", o.code, o.stdout, o.stderr)
}

// verdicts, from best to worst.
const (
	identical  = "identical"
	normalised = "identical after normalisation"
	drifted    = "identical after a listed rewrite"
	listed     = "differing, listed"
	unlisted   = "differing, not listed"
)

// TestCompareWithAWSCLIv2 runs the whole command surface of chime's
// command line beside AWS CLI v2 on one server: every implemented
// operation's three skeletons, every output format on real calls, queries,
// pagination and the error cases, and compares stdout, stderr and the exit
// code. Only run-specific values and the program's own name are
// normalised; a difference either is listed, with its reason, in
// testdata/cliv2-differences.txt (and docs/cli-compatibility.md), or
// fails the test, and a listed difference that no longer occurs fails it
// too.
func TestCompareWithAWSCLIv2(t *testing.T) {
	if _, err := os.Stat(awsV2); err != nil {
		testenv.Missing(t, "AWS CLI v2 is not installed at %s (Debian's awscli package): the comparison with it cannot run", awsV2)
	}
	if out, err := exec.Command(awsV2, "--version").CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "aws-cli/2.") {
		testenv.Missing(t, "%s is not AWS CLI v2 (%s): the comparison needs v2", awsV2, strings.TrimSpace(string(out)))
	}
	known, err := readDifferences(differencesFile)
	if err != nil {
		t.Fatal(err)
	}
	s := startServer(t, "--dev")
	fx := prepareCompareData(t, s)
	cases := compareCases(fx)
	names := map[string]bool{}
	for _, c := range cases {
		if names[c.id()] {
			t.Fatalf("two cases are named %s", c.id())
		}
		names[c.id()] = true
	}

	results := make([][2]outcome, len(cases))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, c := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = [2]outcome{runCompare(t, awsV2, true, c, s.url), runCompare(t, binary, false, c, s.url)}
		}()
	}
	wg.Wait()

	type tally struct{ cases, identical, normalised, drifted, listed, unlisted int }
	counts := map[string]*tally{}
	var categories []string
	usedDrift := map[string]bool{}
	for i, c := range cases {
		awsOut, chimeOut := results[i][0], results[i][1]
		verdict, drift := judge(awsOut, chimeOut, known, c.id())
		for _, name := range strings.Split(drift, ",") {
			usedDrift[name] = true
		}
		n := counts[c.category]
		if n == nil {
			n = &tally{}
			counts[c.category] = n
			categories = append(categories, c.category)
		}
		n.cases++
		switch verdict {
		case identical:
			n.identical++
		case normalised:
			n.normalised++
		case drifted:
			n.drifted++
		case listed:
			n.listed++
		case unlisted:
			n.unlisted++
			t.Errorf("%s differs and is not listed in %s:\nargs: %q\n=== aws (normalised)\n%s\n=== chime (normalised)\n%s",
				c.id(), differencesFile, c.args, normalise(awsOut, true), normalise(chimeOut, false))
		}
		if r, ok := known.cases[c.id()]; ok && verdict != listed {
			t.Errorf("%s is listed as a difference (%s) but the outputs are %s: remove it from %s and docs/cli-compatibility.md", c.id(), r, verdict, differencesFile)
		}
	}
	for name := range known.cases {
		if !names[name] {
			t.Errorf("%s lists %s, which is no case of this test", differencesFile, name)
		}
	}
	for name := range known.drifts {
		if !usedDrift[name] {
			t.Errorf("%s lists the version drift %s, which no case needed", differencesFile, name)
		}
	}

	var table strings.Builder
	fmt.Fprintf(&table, "| category | cases | identical | identical after normalisation | identical after a listed rewrite | differing, listed | differing, not listed |\n|---|---|---|---|---|---|---|\n")
	var sum tally
	for _, cat := range categories {
		n := counts[cat]
		fmt.Fprintf(&table, "| %s | %d | %d | %d | %d | %d | %d |\n", cat, n.cases, n.identical, n.normalised, n.drifted, n.listed, n.unlisted)
		sum.cases += n.cases
		sum.identical += n.identical
		sum.normalised += n.normalised
		sum.drifted += n.drifted
		sum.listed += n.listed
		sum.unlisted += n.unlisted
	}
	fmt.Fprintf(&table, "| all | %d | %d | %d | %d | %d | %d |\n", sum.cases, sum.identical, sum.normalised, sum.drifted, sum.listed, sum.unlisted)
	t.Logf("chime beside %s:\n%s", awsV2, table.String())
}

// compareFixture is the data the cases read.
type compareFixture struct {
	account, team, user string
	silentURL, tlsURL   string
	token               string
	dir                 string
}

// prepareCompareData fills the server with what the cases read: users in
// the example account (enough for several pages) and a Team account. No
// case changes them, so both programs see the same data whatever order
// the cases run in.
func prepareCompareData(t *testing.T, s *server) compareFixture {
	t.Helper()
	ctx := context.Background()
	c := sdkClient(s.url, "test", "test")
	fx := compareFixture{account: "12a3456b-7c89-012d-3456-78901e23fg45", dir: t.TempDir()}
	for i, email := range []string{"ada@example.com", "bob@example.com", "cy@example.com", "dee@example.com", "eve@example.com", "fay@example.com", "gus@example.com"} {
		in := &awschime.CreateUserInput{AccountId: aws.String(fx.account), Email: aws.String(email)}
		if i%3 == 0 {
			in.UserType = "SharedDevice"
		}
		out, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			fx.user = aws.ToString(out.User.UserId)
		}
	}
	acct, err := c.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Team A")})
	if err != nil {
		t.Fatal(err)
	}
	fx.team = aws.ToString(acct.Account.AccountId)

	// A server that accepts connections and never answers: a read timeout
	// that does not depend on timing.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, conn)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	fx.silentURL = "http://" + ln.Addr().String()

	// A server whose certificate no client trusts.
	tlsServer := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(tlsServer.Close)
	fx.tlsURL = tlsServer.URL

	// A resume token as the AWS CLI writes it, for --starting-token.
	cmd := exec.Command(awsV2, "chime", "list-users", "--account-id", fx.account, "--max-items", "3", "--query", "NextToken", "--output", "text", "--endpoint-url", s.url)
	cmd.Env = cleanEnv(t, "AWS_DEFAULT_REGION=us-east-1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("a resume token from the AWS CLI: %v", err)
	}
	fx.token = strings.TrimSpace(string(out))

	os.WriteFile(filepath.Join(fx.dir, "email.txt"), []byte("filed@example.com"), 0o600)
	return fx
}

// compareCases is the whole surface: derived from apispec where it is per
// operation, listed by hand where it is about one behaviour.
func compareCases(fx compareFixture) []compareCase {
	var cases []compareCase
	add := func(category, name string, args ...string) *compareCase {
		cases = append(cases, compareCase{category: category, name: name, args: args})
		return &cases[len(cases)-1]
	}
	formats := []string{"json", "text", "table", "yaml", "yaml-stream"}
	for i, op := range apiOperations() {
		cmd := op.CommandName()
		add("skeleton-input", cmd, cmd, "--generate-cli-skeleton")
		add("skeleton-yaml-input", cmd, cmd, "--generate-cli-skeleton", "yaml-input")
		input := map[string]any{}
		if op.Input != nil {
			input = sampleInput(op.Input, 0).(map[string]any)
		}
		doc, _ := json.Marshal(input)
		// The output skeleton is a full response: each operation's comes
		// in one of the formats, in turn, so that every format meets
		// every kind of shape.
		format := formats[i%len(formats)]
		add("skeleton-output", cmd+"/"+format, cmd, "--generate-cli-skeleton", "output", "--cli-input-json", string(doc), "--output", format)
	}

	a, u, team := fx.account, fx.user, fx.team
	for _, call := range [][]string{
		{"get-account", "--account-id", a},
		{"get-account-settings", "--account-id", a},
		{"list-accounts"},
		{"get-user", "--account-id", a, "--user-id", u},
		{"get-user-settings", "--account-id", a, "--user-id", u},
		{"list-users", "--account-id", a},
		{"get-global-settings"},
		{"logout-user", "--account-id", a, "--user-id", u},
		{"get-retention-settings", "--account-id", a},
		{"list-supported-phone-number-countries", "--product-type", "VoiceConnector"},
	} {
		for _, f := range formats {
			add("output-format", call[0]+"/"+f, append(slices.Clone(call), "--output", f)...)
		}
	}
	add("output-format", "get-account/table-color-on", "get-account", "--account-id", a, "--output", "table", "--color", "on")

	q := func(name, query string, extra ...string) {
		add("query", name, append([]string{"list-users", "--account-id", a, "--query", query}, extra...)...)
	}
	q("backtick-literal", "Users[?UserType==`SharedDevice`].PrimaryEmail")
	q("backtick-literal-text", "Users[?UserType==`SharedDevice`].PrimaryEmail", "--output", "text")
	q("keys", "Users[0] | keys(@)")
	q("values", "values(Users[0])", "--output", "text")
	q("star", "Users[0].*", "--output", "yaml")
	q("scalar-json", "length(Users)")
	q("scalar-text", "length(Users)", "--output", "text")
	q("scalar-table", "length(Users)", "--output", "table")
	q("scalar-yaml", "Users[0].PrimaryEmail", "--output", "yaml")
	q("string-table", "Users[0].PrimaryEmail", "--output", "table")
	q("float-literal", "`1.0`")
	q("float-literal-yaml", "`1.0`", "--output", "yaml")
	q("float-literal-text", "`1.0`", "--output", "text")
	q("multiselect-text", "Users[].[PrimaryEmail,UserType]", "--output", "text")
	q("multiselect-hash-table", "Users[].{E:PrimaryEmail,T:UserType}", "--output", "table")
	q("sort-by", "sort_by(Users, &PrimaryEmail)[-1].PrimaryEmail")
	q("missing", "Users[0].Nope")
	q("missing-text", "Users[0].Nope", "--output", "text")
	q("runtime-error-abs", "abs(Users[0].PrimaryEmail)")
	q("runtime-error-length", "length(`1`)")
	q("runtime-error-unknown-function", "nope(Users)")
	q("runtime-error-sort-by-null-key", "sort_by(Users, &Nope)")
	q("runtime-error-max-by-object-key", "max_by(Users, &AlexaForBusinessMetadata)")
	q("runtime-error-sort-objects", "sort(Users)")
	q("runtime-error-slice-step-zero", "Users[::0]")
	q("expression-reference-json", "[&PrimaryEmail]")
	q("syntax-error", "Users[0")
	q("quoted-literal", "Users[?UserType=='SharedDevice'] | length(@)")
	q("json-literal-object", "`{\"a\": [1, 2.5, true, null]}`", "--output", "yaml")
	long := "a display name long enough to be folded by the YAML dumper past its eightieth column, twice over if it is nested"
	strs := "{yes: `\"yes\"`, on: `\"on\"`, time: `\"1:20\"`, eq: `\"=\"`, null: `\"null\"`, num: `\"0x1F\"`, hash: `\"a #b\"`, colon: `\"a: b\"`, lead: `\" x\"`, " +
		"long: `\"" + long + "\"`, quoted: `\"'" + long + ": it's\"`, nested: {deeper: [`\"" + long + "\"`]}}"
	q("yaml-strings", strs, "--output", "yaml")
	q("yaml-stream-strings", strs, "--output", "yaml-stream")
	q("table-strings", strs, "--output", "table")
	q("pages-text", "Users[].PrimaryEmail", "--page-size", "2", "--output", "text")
	q("pages-max-items-text", "Users[].PrimaryEmail", "--max-items", "3", "--output", "text")
	add("query", "no-output-json", "logout-user", "--account-id", a, "--user-id", u, "--query", "foo")
	add("query", "no-output-text", "logout-user", "--account-id", a, "--user-id", u, "--query", "foo", "--output", "text")
	add("query", "account-text", "get-account", "--account-id", a, "--query", "Account.[Name,SupportedLicenses]", "--output", "text")

	p := func(name string, extra ...string) {
		add("pagination", name, append([]string{"list-users", "--account-id", a}, extra...)...)
	}
	p("max-items", "--max-items", "3")
	p("max-items-text", "--max-items", "3", "--output", "text")
	p("max-items-yaml", "--max-items", "3", "--output", "yaml")
	p("max-items-yaml-stream", "--max-items", "3", "--output", "yaml-stream")
	p("max-items-table", "--max-items", "3", "--output", "table")
	p("page-size", "--page-size", "2")
	p("page-size-yaml-stream", "--page-size", "3", "--output", "yaml-stream")
	p("page-size-max-items", "--page-size", "2", "--max-items", "5")
	p("starting-token", "--starting-token", fx.token)
	p("starting-token-max-items", "--starting-token", fx.token, "--max-items", "2")
	p("starting-token-garbage", "--starting-token", "garbage")
	p("no-paginate", "--no-paginate", "--max-results", "2")
	p("no-paginate-text", "--no-paginate", "--max-results", "2", "--output", "text")
	p("max-items-0", "--max-items", "0")
	p("max-items-minus-1", "--max-items", "-1")
	p("page-size-0", "--page-size", "0")
	p("page-size-minus-1", "--page-size", "-1")
	p("max-items-abc", "--max-items", "abc")
	p("max-results-0", "--max-results", "0")
	p("max-results-abc", "--max-results", "abc")
	add("pagination", "list-accounts-max-items", "list-accounts", "--max-items", "1")
	add("pagination", "list-accounts-max-items-text", "list-accounts", "--max-items", "1", "--output", "text")

	e := func(name string, args ...string) *compareCase { return add("errors", name, args...) }
	e("service-not-found", "get-user", "--account-id", a, "--user-id", "nobody")
	e("service-bad-request", "create-user", "--account-id", team, "--email", "x@example.com")
	e("unknown-profile", "get-account", "--account-id", a, "--profile", "nope")
	e("unknown-profile-env", "get-account", "--account-id", a).env = []string{"AWS_PROFILE=nope"}
	e("region-empty", "get-account", "--account-id", a, "--region", "")
	e("region-malformed", "get-account", "--account-id", a, "--region", "us east 1")
	e("default-output-bogus", "get-account", "--account-id", a).env = []string{"AWS_DEFAULT_OUTPUT=bogus"}
	e("output-bogus", "get-account", "--account-id", a, "--output", "bogus")
	e("read-timeout-abc", "get-account", "--account-id", a, "--cli-read-timeout", "abc")
	e("connect-timeout-abc", "get-account", "--account-id", a, "--cli-connect-timeout", "abc")
	c := e("read-timeout", "get-account", "--account-id", a, "--cli-read-timeout", "1")
	c.endpoint, c.env = fx.silentURL, []string{"AWS_MAX_ATTEMPTS=1"}
	e("connect-refused", "get-account", "--account-id", a).endpoint = "http://127.0.0.1:1"
	e("certificate-untrusted", "get-account", "--account-id", a).endpoint = fx.tlsURL
	e("endpoint-no-scheme", "get-account", "--account-id", a).endpoint = "127.0.0.1:8765"
	e("fileb-string", "list-users", "--account-id", a, "--user-email", "fileb://"+filepath.Join(fx.dir, "email.txt"))
	e("file-string", "list-users", "--account-id", a, "--user-email", "file://"+filepath.Join(fx.dir, "email.txt"))
	e("file-missing", "list-users", "--account-id", a, "--user-email", "file://"+filepath.Join(fx.dir, "missing.txt"))
	e("value-dash", "get-account", "--account-id", "-x")
	e("value-dash-list", "batch-suspend-user", "--account-id", a, "--user-id-list", "-x")
	sh := func(name, value string) {
		e("shorthand-"+name, "update-user-settings", "--account-id", a, "--user-id", u, "--user-settings", value)
	}
	sh("unclosed", "Telephony={InboundCalling=tru")
	sh("no-value", "Telephony=")
	sh("no-equals", "Telephony")
	sh("double-comma", "Telephony={InboundCalling=true,,OutboundCalling=true,SMS=true}")
	sh("extra-brace", "Telephony={InboundCalling=true,OutboundCalling=true,SMS=true}}")
	sh("bad-bool", "Telephony={InboundCalling=maybe,OutboundCalling=true,SMS=true}")
	sh("unknown-key", "Telephony={Inbound=true,OutboundCalling=true,SMS=true}")
	sh("json-bad", `{"Telephony": {"InboundCalling": true`)
	sh("json-bad-bool", `{"Telephony": {"InboundCalling": "yes", "OutboundCalling": true, "SMS": true}}`)
	e("shorthand-list-struct", "batch-update-user", "--account-id", a, "--update-user-request-items", "UserId=a,LicenseType=Pro", "UserId=")
	e("bool-flag-value", "update-global-settings", "--business-calling", "CdrBucket=x", "--voice-connector", "CdrBucket=")
	e("cli-input-json-bad", "get-account", "--cli-input-json", "{bad")
	e("cli-input-yaml-bad", "get-account", "--cli-input-yaml", "a: [")
	e("cli-input-both", "get-account", "--cli-input-json", "{}", "--cli-input-yaml", "{}")
	e("cli-input-list", "get-account", "--cli-input-json", "[1]")
	e("cli-input-unknown-key", "get-account", "--cli-input-json", `{"AccountId":"x","Foo":1}`)
	e("cli-input-missing-required", "get-account", "--cli-input-json", "{}")
	e("cli-error-format-json", "get-user", "--account-id", a, "--user-id", "nobody", "--cli-error-format", "json")
	e("cli-error-format-legacy", "get-user", "--account-id", a, "--user-id", "nobody", "--cli-error-format", "legacy")
	e("option-prefix", "get-account", "--account", a)
	e("option-prefix-ambiguous", "update-user", "--account-id", a, "--user", u)
	e("missing-required", "get-account")
	e("unknown-option", "get-account", "--account-id", a, "--bogus")
	e("unknown-option-value", "get-account", "--account-id", a, "--bogus", "x")
	e("unknown-operation", "get-acount", "--account-id", a)
	e("skeleton-bad-choice", "get-account", "--generate-cli-skeleton", "foo")
	e("skeleton-output-missing-required", "get-account", "--generate-cli-skeleton", "output")
	e("query-syntax", "get-account", "--account-id", a, "--query", "Account.[")
	e("no-credentials", "get-account", "--account-id", a).env = []string{"AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY="}
	e("enum-bogus", "create-user", "--account-id", a, "--email", "enum@example.com", "--user-type", "Bogus")
	e("integer-abc", "list-users", "--account-id", a, "--max-results", "1x")
	return cases
}

// runCompare runs one case with one program.
func runCompare(t *testing.T, program string, isAWS bool, c compareCase, url string) outcome {
	args := slices.Clone(c.args)
	switch c.endpoint {
	case "":
		args = append(args, "--endpoint-url", url)
	case "none":
	default:
		args = append(args, "--endpoint-url", c.endpoint)
	}
	if isAWS {
		args = append([]string{"chime"}, args...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, program, args...)
	env := cleanEnv(t, "AWS_DEFAULT_REGION=us-east-1")
	// A key set to "" counts as unset, for both programs.
	for _, kv := range c.env {
		k, v, _ := strings.Cut(kv, "=")
		env = slices.DeleteFunc(env, func(e string) bool { return strings.HasPrefix(e, k+"=") })
		if v != "" {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
		stderr.WriteString(err.Error())
	}
	return outcome{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// judge compares the two outcomes and names the rewrites that made them
// agree, if they did.
func judge(awsOut, chimeOut outcome, known differences, id string) (verdict, drift string) {
	if awsOut == chimeOut {
		return identical, ""
	}
	a, c := normalise(awsOut, true), normalise(chimeOut, false)
	if a == c {
		return normalised, ""
	}
	// The listed rewrites, each applied to both sides; a case agrees
	// after them if it agrees after some of them, applied in order.
	ra, rc := a, c
	var used []string
	for _, name := range sortedKeys(known.drifts) {
		rewrite := driftRewrites[name]
		na, nc := rewrite(ra), rewrite(rc)
		if na != ra || nc != rc {
			used = append(used, name)
		}
		ra, rc = na, nc
		if ra == rc {
			return drifted, strings.Join(used, ",")
		}
	}
	if _, ok := known.cases[id]; ok {
		return listed, ""
	}
	return unlisted, ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var (
	// The usage block each program prints after a command-line error.
	awsUsage   = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help"
	chimeUsage = "usage: chime [options] <command> [parameters]\nTo see help text, you can run:\n\n  chime help\n  chime <command> help"
	// Values that differ from run to run.
	uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	pinPattern  = regexp.MustCompile(`("PersonalPIN": "|PersonalPIN: '?|\| +PersonalPIN +\| +)[0-9]{10}`)
	tmpPattern  = regexp.MustCompile(`/tmp/[^\s'"]+`)
)

// normalise is an outcome with run-specific values and the program's name
// replaced.
func normalise(o outcome, isAWS bool) outcome {
	f := func(s string) string {
		if isAWS {
			s = strings.ReplaceAll(s, awsUsage, "<usage>")
			s = strings.ReplaceAll(s, "aws: [ERROR]:", "<prog>: [ERROR]:")
			s = strings.ReplaceAll(s, "aws: error:", "<prog>: error:")
		} else {
			s = strings.ReplaceAll(s, chimeUsage, "<usage>")
			s = strings.ReplaceAll(s, "chime: [ERROR]:", "<prog>: [ERROR]:")
			s = strings.ReplaceAll(s, "chime: error:", "<prog>: error:")
		}
		s = uuidPattern.ReplaceAllString(s, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
		s = pinPattern.ReplaceAllString(s, "${1}0000000000")
		s = tmpPattern.ReplaceAllString(s, "/tmp/<dir>")
		return s
	}
	return outcome{stdout: f(o.stdout), stderr: f(o.stderr), code: o.code}
}

// driftRewrites are the rules, named in the differences file, by which
// the two outputs may differ: most turn what AWS CLI v2 2.9 prints into
// what the current release prints (derived from its source); one sets
// aside the members' descriptions, which are this project's own words.
var driftRewrites = map[string]func(outcome) outcome{
	"error-layout":        rewriteErrorLayout,
	"member-descriptions": rewriteDescriptions,
	"shorthand-input":     rewriteShorthandInput,
}

// shorthandInput is the line after a shorthand syntax error's "for
// input:", where it does not start with a space yet.
var shorthandInput = regexp.MustCompile(`(Expected: '[^'\n]*', received: '[^'\n]*' for input:\n)([^ ])`)

// rewriteShorthandInput: the current release's message template puts a
// space before the input quoted in a shorthand syntax error (the caret
// line has none).
func rewriteShorthandInput(o outcome) outcome {
	o.stderr = shorthandInput.ReplaceAllString(o.stderr, "$1 $2")
	return o
}

// yamlComment is a line of a yaml-input skeleton: the key and value, the
// spaces before the comment, [REQUIRED], the description, the valid values.
var yamlComment = regexp.MustCompile(`(?m)^(\s*(?:- )?[A-Za-z0-9]+:[^#\n]*?)( +)# (\[REQUIRED\] )?(.*?)( Valid values are: [^#\n]*)?$`)

// rewriteDescriptions: the descriptions of members are this project's own
// words, not the AWS model's; what a yaml-input skeleton says around them
// ([REQUIRED], the valid values, the layout) is compared.
func rewriteDescriptions(o outcome) outcome {
	o.stdout = yamlComment.ReplaceAllString(o.stdout, "$1$2# $3<description>$5")
	return o
}

var (
	argparseLayout = regexp.MustCompile(`(?s)^\n<usage>\n\n<prog>: error: (.*)\n\n$`)
	unknownLayout  = regexp.MustCompile(`(?s)^\n<usage>\n\n(Unknown options: .*)\n\n$`)
	plainLayout    = regexp.MustCompile(`(?s)^\n(.*)\n$`)
)

// rewriteErrorLayout: since 2.34 every error is written as
// "<prog>: [ERROR]: <message>", command-line errors as "An error
// occurred (ParamValidation): <message>" followed by the usage, and the
// unknown-option error after the usage instead of before it.
func rewriteErrorLayout(o outcome) outcome {
	if o.code == 0 || o.stderr == "" || strings.Contains(o.stderr, "[ERROR]") {
		return o
	}
	if m := argparseLayout.FindStringSubmatch(o.stderr); m != nil {
		o.stderr = "\n<prog>: [ERROR]: An error occurred (ParamValidation): " + strings.TrimSpace(m[1]) + "\n\n<usage>\n"
		return o
	}
	if m := unknownLayout.FindStringSubmatch(o.stderr); m != nil {
		o.stderr = "\n<usage>\n\n\n<prog>: [ERROR]: " + m[1] + "\n"
		return o
	}
	if m := plainLayout.FindStringSubmatch(o.stderr); m != nil {
		msg := strings.TrimSpace(m[1])
		switch o.code {
		case 252:
			msg = "An error occurred (ParamValidation): " + msg
		case 253:
			msg = "An error occurred (Configuration): " + msg
		}
		o.stderr = "\n<prog>: [ERROR]: " + msg + "\n"
	}
	return o
}

// differences is the parsed differences file: version drifts by name (a
// rewrite of 2.9's output each) and single cases, with their reasons.
type differences struct {
	drifts, cases map[string]string
}

// readDifferences reads lines "drift NAME | reason" and "case ID |
// reason"; # starts a comment.
func readDifferences(file string) (differences, error) {
	d := differences{drifts: map[string]string{}, cases: map[string]string{}}
	f, err := os.Open(file)
	if err != nil {
		return d, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, reason, ok := strings.Cut(line, "|")
		kind, name, ok2 := strings.Cut(strings.TrimSpace(head), " ")
		reason, name = strings.TrimSpace(reason), strings.TrimSpace(name)
		if !ok || !ok2 || reason == "" || name == "" {
			return d, fmt.Errorf("%s:%d: want \"drift NAME | reason\" or \"case ID | reason\"", file, n)
		}
		switch kind {
		case "drift":
			if _, ok := driftRewrites[name]; !ok {
				return d, fmt.Errorf("%s:%d: no rewrite is defined for the drift %s", file, n, name)
			}
			d.drifts[name] = reason
		case "case":
			d.cases[name] = reason
		default:
			return d, fmt.Errorf("%s:%d: unknown kind %q", file, n, kind)
		}
	}
	return d, sc.Err()
}

// TestCompareDifferencesDocumented: docs/cli-compatibility.md lists the same
// differences, with the same reasons, as the file the comparison reads.
func TestCompareDifferencesDocumented(t *testing.T) {
	known, err := readDifferences(differencesFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../docs/cli-compatibility.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Known differences\n")
	if !ok {
		t.Fatal("docs/cli-compatibility.md has no section \"## Known differences\"")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile("(?m)^\\| (drift|case) `([^`]+)` \\| (.*) \\|$")
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		documented[m[1]+" "+m[2]] = m[3]
	}
	want := map[string]string{}
	for name, r := range known.drifts {
		want["drift "+name] = r
	}
	for name, r := range known.cases {
		want["case "+name] = r
	}
	for k, r := range want {
		if documented[k] != r {
			t.Errorf("docs/cli-compatibility.md: %s is %q, %s says %q", k, documented[k], differencesFile, r)
		}
	}
	for k := range documented {
		if _, ok := want[k]; !ok {
			t.Errorf("docs/cli-compatibility.md lists %s, which %s does not", k, differencesFile)
		}
	}
}
