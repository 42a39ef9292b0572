package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/openchime/chime/internal/testenv"
	chimeserver "github.com/openchime/chime/server"
)

// The console in a real browser: headless Chromium driven with chromedp
// against the built binary. Every page the tests reach is checked with
// axe-core inside the page and saved as a screenshot to an artefact folder
// ($CHIME_ARTEFACTS/console-screenshots, or a new folder under the
// system's temporary directory, named in the log).
//
// The subtests of TestConsoleBrowser share one server, one browser and
// one signed-in tab, so that sign-in is attempted once per key: the
// console throttles sign-in per access key, and a tab per subtest would
// run into it. Each subtest sets up what it needs itself, so any one can
// be run alone (-run 'TestConsoleBrowser/SuspendUser').

// browserDir holds package.json and the committed package-lock.json of
// axe-core, installed with npm ci when node_modules is missing or stale.
const browserDir = "browser"

// otherKey, otherSecret and otherAccount are a key of another AWS account
// than the development pair's, from the credentials file the server is
// started with.
const (
	otherKey     = "AKIDOTHERTENANT"
	otherSecret  = "other-tenant-secret"
	otherAccount = "444455556666"
)

// chromiumPath is the browser to drive: $CHIME_CHROMIUM, else the first of
// the usual names on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHIME_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startBrowser starts headless Chromium and returns a context for one tab
// of it; the browser ends with the test. It skips (fails, where clients
// are required) when no Chromium is installed or it cannot start here.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		testenv.Missing(t, "Chromium is not installed (Debian: apt-get install chromium; or set CHIME_CHROMIUM): the console's browser tests drive it")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		// /dev/shm is small in containers; the default options say so too.
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	)
	if os.Geteuid() == 0 {
		// Chromium's sandbox refuses to run as root, as in a CI container.
		opts = append(opts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Do starts the browser, bound to ctx, which has no deadline.
	if err := chromedp.Do(ctx); err != nil {
		testenv.Missing(t, "Chromium (%s) cannot run here: %v", path, err)
	}
	return ctx
}

var axeOnce struct {
	sync.Once
	src []byte
	err error
	out []byte
}

// axeSource is axe.min.js from the locked axe-core package, installed with
// npm ci at most once per test binary.
func axeSource(t *testing.T) string {
	t.Helper()
	npm := lookPath(t, "npm", "axe-core, the accessibility checker the browser tests inject, is installed with npm ci")
	lock, err := os.ReadFile(filepath.Join(browserDir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(lock)
	want := hex.EncodeToString(sum[:])
	axeOnce.Do(func() {
		if got, err := os.ReadFile(filepath.Join(browserDir, lockStamp)); err != nil || strings.TrimSpace(string(got)) != want {
			cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
			cmd.Dir = browserDir
			if axeOnce.out, axeOnce.err = cmd.CombinedOutput(); axeOnce.err != nil {
				return
			}
			if axeOnce.err = os.WriteFile(filepath.Join(browserDir, lockStamp), []byte(want+"\n"), 0o644); axeOnce.err != nil {
				return
			}
		}
		axeOnce.src, axeOnce.err = os.ReadFile(filepath.Join(browserDir, "node_modules", "axe-core", "axe.min.js"))
	})
	if axeOnce.err != nil {
		t.Fatalf("npm ci in e2e/%s: %v\n%s", browserDir, axeOnce.err, axeOnce.out)
	}
	return string(axeOnce.src)
}

// artefactDir is where the screenshots of a run go.
func artefactDir(t *testing.T, name string) string {
	t.Helper()
	var dir string
	if root := os.Getenv("CHIME_ARTEFACTS"); root != "" {
		dir = filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	} else {
		var err error
		if dir, err = os.MkdirTemp("", "chime-"+name+"-"); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots of the console's pages: %s", dir)
	return dir
}

// tab is one browser tab on the console of a server.
type tab struct {
	ctx   context.Context
	base  string // the server's URL
	axeJS string // axe.min.js
	dir   string // where screenshots go
	// shots numbers the screenshots in the order the pages were seen.
	shots *int
	// dialogs are the JavaScript dialogs the tab opened: a console page
	// must never open one.
	mu      sync.Mutex
	dialogs []string
}

// newTab prepares ctx's tab: it records (and dismisses) every dialog.
func newTab(t *testing.T, ctx context.Context, base, axe, dir string, shots *int) *tab {
	t.Helper()
	b := &tab{ctx: ctx, base: base, axeJS: axe, dir: dir, shots: shots}
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			b.mu.Unlock()
			// A dialog blocks the page; the listener may run no command.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// step bounds one browser action, so that an element that never appears
// fails the test with its name instead of hanging until go test's timeout.
const step = time.Minute

func (b *tab) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func run[T any](t *testing.T, b *tab, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// open loads a console path (or a full URL) and returns the response of
// its document.
func (b *tab) open(t *testing.T, path string) *network.Response {
	t.Helper()
	u := path
	if strings.HasPrefix(path, "/") {
		u = b.base + path
	}
	return run(t, b, "open "+path, chromedp.NavigateResponse(u))
}

// follow clicks the element with the id, waits for the page it leads to
// (through any redirect) and returns its response.
func (b *tab) follow(t *testing.T, id string) *network.Response {
	t.Helper()
	return b.clickThrough(t, "#"+id, chromedp.Click(chromedp.ID(id)))
}

// followCSS is follow for the first element a CSS selector matches.
func (b *tab) followCSS(t *testing.T, sel string) *network.Response {
	t.Helper()
	return b.clickThrough(t, sel, chromedp.Click(chromedp.CSS(sel)))
}

func (b *tab) clickThrough(t *testing.T, what string, click chromedp.Action[chromedp.Void]) *network.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, click)
	if err != nil {
		t.Fatalf("click %s: %v", what, err)
	}
	return resp
}

// pressEnter presses Enter on the focused element and waits for the page
// it leads to.
func (b *tab) pressEnter(t *testing.T) *network.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter))
	if err != nil {
		t.Fatalf("Enter: %v", err)
	}
	return resp
}

func (b *tab) text(t *testing.T, id string) string {
	t.Helper()
	return strings.TrimSpace(run(t, b, "read #"+id, chromedp.Text(chromedp.ID(id))))
}

func (b *tab) set(t *testing.T, id, value string) {
	t.Helper()
	b.do(t, "fill #"+id, chromedp.SetValue(chromedp.ID(id), value))
}

func (b *tab) eval(t *testing.T, js string) string {
	t.Helper()
	return run(t, b, js, chromedp.Evaluate[string](js))
}

// has reports whether the loaded page has an element with the id. The
// page has loaded when open or follow return, so absence is final.
func (b *tab) has(t *testing.T, id string) bool {
	t.Helper()
	return run(t, b, "look for #"+id, chromedp.Evaluate[bool](fmt.Sprintf("document.getElementById(%q) !== null", id)))
}

// wantStatus fails unless the response has the status.
func wantStatus(t *testing.T, resp *network.Response, status int64) {
	t.Helper()
	if resp == nil {
		t.Fatalf("no response, want %d", status)
	}
	if resp.Status != status {
		t.Fatalf("%s answered %d, want %d", resp.URL, resp.Status, status)
	}
}

// axeViolation is what the tests keep of an axe-core result.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe is run in the page after axe.min.js: every violation of the
// default rules (WCAG 2.x A and AA and best practices), with the elements
// that break it, and how many rules passed, which proves that the rules ran.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => ({
	passes: r.passes.length,
	violations: r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => n.target.join(" ")),
	})),
}))`

// axeResult is what runAxe returns.
type axeResult struct {
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}

// axe runs axe-core in the loaded page.
func (b *tab) axe(t *testing.T, name string) []axeViolation {
	t.Helper()
	b.do(t, "inject axe-core", chromedp.Evaluate[chromedp.Void](b.axeJS))
	r := run(t, b, "axe.run on "+name, chromedp.Evaluate[axeResult](runAxe, chromedp.EvalAwaitPromise))
	if r.Passes == 0 {
		t.Fatalf("axe on %s: no rule passed, so none ran", name)
	}
	return r.Violations
}

// blocking reports whether a violation fails the test: serious and
// critical ones do; the others are logged.
func (v axeViolation) blocking() bool { return v.Impact == "serious" || v.Impact == "critical" }

func (v axeViolation) String() string {
	return fmt.Sprintf("%s (%s): %s, at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
}

// check runs axe-core in the loaded page, fails on any serious or
// critical violation, listing them, and saves a screenshot named name.
func (b *tab) check(t *testing.T, name string) {
	t.Helper()
	for _, v := range b.axe(t, name) {
		if v.blocking() {
			t.Errorf("axe on %s: %s", name, v)
		} else {
			t.Logf("axe on %s: %s", name, v)
		}
	}
	b.screenshot(t, name)
}

func (b *tab) screenshot(t *testing.T, name string) {
	t.Helper()
	png := run(t, b, "screenshot of "+name, chromedp.FullScreenshot(100))
	*b.shots++
	file := filepath.Join(b.dir, fmt.Sprintf("%02d-%s.png", *b.shots, name))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// takeDialogs returns the dialogs seen so far and forgets them.
func (b *tab) takeDialogs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	d := b.dialogs
	b.dialogs = nil
	return d
}

// noDialogs fails if any page of the tab opened a JavaScript dialog.
func (b *tab) noDialogs(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) > 0 {
		t.Errorf("a console page opened a JavaScript dialog: %q", b.dialogs)
	}
}

// activeID names the focused element: its id, or else its href.
const activeID = `(e => e.id || e.getAttribute("href") || e.tagName)(document.activeElement)`

// tabTo presses Tab once per element of want and checks that focus lands
// on each in turn.
func (b *tab) tabTo(t *testing.T, want ...string) {
	t.Helper()
	var got []string
	for range want {
		b.do(t, "Tab", chromedp.KeyEvent(kb.Tab))
		got = append(got, b.eval(t, activeID))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("focus order by Tab:\n got %q\nwant %q", got, want)
	}
}

// typeKeys types text into the focused element, key by key.
func (b *tab) typeKeys(t *testing.T, text string) {
	t.Helper()
	b.do(t, "type", chromedp.KeyEvent(text))
}

// signInByKeyboard signs in on the sign-in page with Tab, typing and
// Enter only, checking the focus order on the way.
func (b *tab) signInByKeyboard(t *testing.T, akid, secret string) *network.Response {
	t.Helper()
	b.tabTo(t, "#main", "/console/", "AccessKeyId")
	b.typeKeys(t, akid)
	b.tabTo(t, "SecretAccessKey")
	b.typeKeys(t, secret)
	b.tabTo(t, "SessionToken", "signin")
	return b.pressEnter(t)
}

// signIn fills the sign-in form and sends it.
func (b *tab) signIn(t *testing.T, akid, secret string) *network.Response {
	t.Helper()
	wantStatus(t, b.open(t, "/console/signin"), 200)
	b.set(t, "AccessKeyId", akid)
	b.set(t, "SecretAccessKey", secret)
	return b.follow(t, "signin")
}

// createAccount creates an account through the console's form and
// returns its id, read from the account page it lands on.
func (b *tab) createAccount(t *testing.T, name, accountType string) string {
	t.Helper()
	wantStatus(t, b.open(t, "/console/accounts/new"), 200)
	b.set(t, "Name", name)
	b.set(t, "AccountType", accountType)
	wantStatus(t, b.follow(t, "create-account"), 200)
	if got := b.text(t, "account-name"); got != name {
		t.Fatalf("the new account's page names %q, want %q", got, name)
	}
	return b.text(t, "account-id")
}

// createUser creates a user through the seed's form and returns its id,
// read from the user page it lands on.
func (b *tab) createUser(t *testing.T, accountID, email, userType string) string {
	t.Helper()
	wantStatus(t, b.open(t, "/console/accounts/"+accountID+"/users/new"), 200)
	b.set(t, "Email", email)
	b.set(t, "UserType", userType)
	wantStatus(t, b.follow(t, "create-user"), 200)
	if got := b.text(t, "user-email"); got != email {
		t.Fatalf("the new user's page shows %q, want %q", got, email)
	}
	return b.text(t, "user-id")
}

// consoleServer starts `chime server --dev` with a second key, of another
// AWS account, in a credentials file.
func consoleServer(t *testing.T) *server {
	t.Helper()
	creds := filepath.Join(t.TempDir(), "credentials")
	body := fmt.Sprintf("[other]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_account_id = %s\n", otherKey, otherSecret, otherAccount)
	if err := os.WriteFile(creds, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return startServer(t, "--dev", "--credentials", creds)
}

func TestConsoleBrowser(t *testing.T) {
	ctx := startBrowser(t)
	axe := axeSource(t)
	s := consoleServer(t)
	api := sdkClient(s.url, "test", "test")
	shots := 0
	dir := artefactDir(t, "console-screenshots")
	b := newTab(t, ctx, s.url, axe, dir, &shots)
	example := chimeserver.ExampleAccountID

	// Signing in, by keyboard only: the console's address leads to the
	// sign-in page, and Tab walks the skip link, the console's home and
	// the form's fields in reading order.
	resp := b.open(t, "/console/")
	wantStatus(t, resp, 200)
	if !strings.HasSuffix(resp.URL, "/console/signin") {
		t.Fatalf("/console/ without a session led to %s", resp.URL)
	}
	b.check(t, "sign-in")
	resp = b.signInByKeyboard(t, "test", "test")
	wantStatus(t, resp, 200)
	if !strings.HasSuffix(resp.URL, "/console/accounts") {
		t.Fatalf("signing in led to %s, want the accounts page", resp.URL)
	}
	if got := b.text(t, "signed-in-key"); got != "test" {
		t.Fatalf("signed in as %q", got)
	}

	t.Run("Walk", func(t *testing.T) {
		// Accounts, and the search by name.
		wantStatus(t, b.open(t, "/console/accounts"), 200)
		if got := b.text(t, "accounts-table"); !strings.Contains(got, "Example Corp") {
			t.Fatalf("the accounts table lacks the example account:\n%s", got)
		}
		b.check(t, "accounts")
		b.set(t, "name", "Exam")
		wantStatus(t, b.follow(t, "accounts-search-submit"), 200)
		if got := b.text(t, "accounts-table"); !strings.Contains(got, "Example Corp") {
			t.Fatalf("searching Exam misses Example Corp:\n%s", got)
		}
		b.check(t, "accounts-search")
		b.set(t, "name", "No such account")
		wantStatus(t, b.follow(t, "accounts-search-submit"), 200)
		if got := b.text(t, "accounts-empty"); got != "No account matches." {
			t.Fatalf("an empty search says %q", got)
		}

		// Create account, from the navigation, landing on the account.
		wantStatus(t, b.follow(t, "nav-new-account"), 200)
		b.check(t, "create-account")
		b.set(t, "Name", "Walk Team")
		b.set(t, "AccountType", "Team")
		wantStatus(t, b.follow(t, "create-account"), 200)
		team := b.text(t, "account-id")
		if got := b.text(t, "account-type"); got != "Team" {
			t.Fatalf("the new account's type is %q", got)
		}
		b.check(t, "account")

		// Rename and settings; the API reads what the page wrote.
		b.set(t, "Name", "Walk Team renamed")
		wantStatus(t, b.follow(t, "update-account"), 200)
		if got := b.text(t, "account-name"); got != "Walk Team renamed" {
			t.Fatalf("after renaming, the page names %q", got)
		}
		b.do(t, "tick dial-out", chromedp.Click(chromedp.ID("EnableDialOut")))
		wantStatus(t, b.follow(t, "save-account-settings"), 200)
		b.text(t, "flash")
		settings, err := api.GetAccountSettings(context.Background(), &awschime.GetAccountSettingsInput{AccountId: aws.String(team)})
		if err != nil {
			t.Fatal(err)
		}
		if !aws.ToBool(settings.AccountSettings.EnableDialOut) {
			t.Error("the settings saved in the console do not reach the API: EnableDialOut is off")
		}

		// Invite users, on the Team account.
		wantStatus(t, b.follow(t, "nav-invite"), 200)
		b.check(t, "invite-users")
		b.set(t, "UserEmailList", "ann@example.com\nben@example.com")
		wantStatus(t, b.follow(t, "invite"), 200)
		if got := b.text(t, "invites-table"); !strings.Contains(got, "ann@example.com") || !strings.Contains(got, "ben@example.com") {
			t.Fatalf("the invitations table:\n%s", got)
		}
		b.check(t, "invite-results")

		// Delete account: a confirmation step, cancelled.
		wantStatus(t, b.open(t, "/console/accounts/"+team+"/delete"), 200)
		b.check(t, "delete-account-confirm")
		wantStatus(t, b.follow(t, "cancel"), 200)
		b.text(t, "account-summary")

		// Sign-in delegate groups, on the example (directory) account.
		wantStatus(t, b.open(t, "/console/accounts/"+example), 200)
		b.set(t, "GroupName", "engineering")
		wantStatus(t, b.follow(t, "add-delegate"), 200)
		if got := b.text(t, "delegate-groups"); !strings.Contains(got, "engineering") {
			t.Fatalf("the delegate groups after adding one: %q", got)
		}
		b.check(t, "account-delegate-groups")

		// Users, with their filters.
		for _, u := range []struct {
			email    string
			userType types.UserType
		}{{"alice@example.com", types.UserTypePrivateUser}, {"lobby@example.com", types.UserTypeSharedDevice}} {
			if _, err := api.CreateUser(context.Background(), &awschime.CreateUserInput{
				AccountId: aws.String(example), Email: aws.String(u.email), UserType: u.userType,
			}); err != nil {
				t.Fatal(err)
			}
		}
		wantStatus(t, b.follow(t, "nav-users"), 200)
		all := b.text(t, "users-table")
		if !strings.Contains(all, "alice@example.com") || !strings.Contains(all, "lobby@example.com") {
			t.Fatalf("the users table:\n%s", all)
		}
		b.check(t, "users")
		b.set(t, "type", "SharedDevice")
		wantStatus(t, b.follow(t, "users-search-submit"), 200)
		if got := b.text(t, "users-table"); !strings.Contains(got, "lobby@example.com") || strings.Contains(got, "alice@example.com") {
			t.Fatalf("the users of type SharedDevice:\n%s", got)
		}
		b.check(t, "users-by-type")
		b.set(t, "type", "")
		b.set(t, "email", "alice@example.com")
		wantStatus(t, b.follow(t, "users-search-submit"), 200)
		if got := b.text(t, "users-table"); !strings.Contains(got, "alice@example.com") || strings.Contains(got, "lobby@example.com") {
			t.Fatalf("the users with e-mail alice@example.com:\n%s", got)
		}
		// The beginning of the address.
		// SetValue refuses an empty value: the field is emptied as a
		// person would, by a script here.
		b.eval(t, `(document.getElementById("email").value = "", "")`)
		b.set(t, "prefix", "lob")
		wantStatus(t, b.follow(t, "users-search-submit"), 200)
		if got := b.text(t, "users-table"); !strings.Contains(got, "lobby@example.com") || strings.Contains(got, "alice@example.com") {
			t.Fatalf("the users whose e-mail begins with lob:\n%s", got)
		}

		b.set(t, "email", "nobody@example.com")
		wantStatus(t, b.follow(t, "users-search-submit"), 200)
		if got := b.text(t, "users-empty"); got != "No user matches." {
			t.Fatalf("an empty search says %q", got)
		}

		// Create user (the seed's form), and a user's page.
		wantStatus(t, b.follow(t, "nav-new-user"), 200)
		b.check(t, "create-user")
		wantStatus(t, b.follow(t, "nav-users"), 200)
		wantStatus(t, b.followCSS(t, `#users-table a[href*="/users/"]`), 200)
		b.text(t, "user-details")
		b.check(t, "user")

		// Licence, telephony and the PIN, shown once.
		b.set(t, "LicenseType", "Basic")
		wantStatus(t, b.follow(t, "update-user"), 200)
		if got := b.text(t, "user-license"); got != "Basic" {
			t.Fatalf("after the licence change the page shows %q", got)
		}
		b.do(t, "tick SMS", chromedp.Click(chromedp.ID("SMS")))
		wantStatus(t, b.follow(t, "save-user-settings"), 200)
		b.text(t, "flash")
		wantStatus(t, b.follow(t, "reset-pin"), 200)
		if pin := b.text(t, "new-pin"); !regexp.MustCompile(`^\d+$`).MatchString(pin) {
			t.Fatalf("the new PIN is %q", pin)
		}
		b.check(t, "user-new-pin")
		wantStatus(t, b.follow(t, "logout-user"), 200)
		b.text(t, "flash")

		// Suspending asks first; a directory account then refuses, in
		// the API's words.
		wantStatus(t, b.follow(t, "suspend-user"), 200)
		b.check(t, "suspend-user-confirm")
		if resp := b.follow(t, "confirm"); resp.Status < 400 {
			t.Fatalf("suspending a directory account's user answered %d", resp.Status)
		}
		b.text(t, "error")
		b.check(t, "suspend-user-refused")

		// Export and a page that does not exist.
		wantStatus(t, b.open(t, "/console/accounts/"+example+"/export"), 200)
		b.text(t, "export-download")
		b.check(t, "export-users")
		wantStatus(t, b.open(t, "/console/accounts/00000000-0000-0000-0000-000000000000"), 404)
		b.text(t, "not-found")
		b.check(t, "not-found")
		b.noDialogs(t)
	})

	// The seed's example through the seed's form, then found through the
	// API: the e-mail, the user type and the id the page landed on.
	t.Run("SeedForm", func(t *testing.T) {
		id := b.createUser(t, example, "roomdevice@example.com", "SharedDevice")
		if got := b.text(t, "user-type"); got != "SharedDevice" {
			t.Fatalf("the new user's page shows type %q", got)
		}
		b.check(t, "seed-user")
		out, err := api.ListUsers(context.Background(), &awschime.ListUsersInput{
			AccountId: aws.String(example), UserEmail: aws.String("roomdevice@example.com"),
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Users) != 1 || aws.ToString(out.Users[0].UserId) != id || out.Users[0].UserType != types.UserTypeSharedDevice {
			t.Fatalf("ListUsers by e-mail finds %+v, want the user %s of type SharedDevice", out.Users, id)
		}
		// The same e-mail again: the API's refusal, at the top of the form.
		wantStatus(t, b.open(t, "/console/accounts/"+example+"/users/new"), 200)
		b.set(t, "Email", "roomdevice@example.com")
		wantStatus(t, b.follow(t, "create-user"), 409)
		if got := b.text(t, "error"); !strings.Contains(got, "already exists") {
			t.Fatalf("creating the user twice says %q", got)
		}
		if got := b.eval(t, `document.getElementById("Email").value`); got != "roomdevice@example.com" {
			t.Errorf("the refused form lost the e-mail: %q", got)
		}
		b.check(t, "create-user-conflict")
	})

	// An EnterpriseLWA account suspends users; the API then agrees.
	t.Run("SuspendUser", func(t *testing.T) {
		acc := b.createAccount(t, "Suspend LWA", "EnterpriseLWA")
		id := b.createUser(t, acc, "leaver@example.com", "PrivateUser")
		getStatus := func() types.RegistrationStatus {
			out, err := api.GetUser(context.Background(), &awschime.GetUserInput{AccountId: aws.String(acc), UserId: aws.String(id)})
			if err != nil {
				t.Fatal(err)
			}
			return out.User.UserRegistrationStatus
		}
		wantStatus(t, b.follow(t, "suspend-user"), 200)
		if got := b.text(t, "confirm-text"); got == "" {
			t.Fatal("the confirmation step says nothing")
		}
		wantStatus(t, b.follow(t, "confirm"), 200)
		if got := b.text(t, "user-status"); got != "Suspended" {
			t.Fatalf("after suspending, the page shows %q", got)
		}
		b.check(t, "user-suspended")
		if got := getStatus(); got != types.RegistrationStatusSuspended {
			t.Fatalf("GetUser after suspending in the console: %s", got)
		}
		wantStatus(t, b.follow(t, "unsuspend-user"), 200)
		shown := b.text(t, "user-status")
		if got := getStatus(); string(got) != shown || got == types.RegistrationStatusSuspended {
			t.Fatalf("after unsuspending, the page shows %q and GetUser %q", shown, got)
		}
	})

	// A page of another origin (another port) posts a form to the console
	// in the signed-in browser: the console refuses it and does nothing.
	t.Run("CrossSitePost", func(t *testing.T) {
		const name = "Made by another site"
		other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><title>Another site</title>
<form method="post" action="%s/console/accounts/new">
<input type="hidden" name="Name" value="%s"><input type="hidden" name="AccountType" value="Team">
<input type="hidden" name="csrf" value="guessed">
<button type="submit" id="go">Win a prize</button></form></html>`, s.url, name)
		}))
		defer other.Close()
		wantStatus(t, b.open(t, other.URL), 200)
		wantStatus(t, b.follow(t, "go"), 403)
		if got := b.text(t, "error"); !strings.Contains(got, "another site") {
			t.Fatalf("the refusal says %q", got)
		}
		b.check(t, "cross-site-refused")
		out, err := api.ListAccounts(context.Background(), &awschime.ListAccountsInput{Name: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Accounts) != 0 {
			t.Fatalf("the cross-site post created %+v", out.Accounts)
		}
	})

	// A script in an account's name is text on every page that shows it,
	// and nothing runs: no dialog opens and the page has no script element.
	t.Run("ScriptInName", func(t *testing.T) {
		const name = "<script>alert(1)</script>"
		// The same text served unescaped by another server does open a
		// dialog, and the tab sees it: seeing none below means something.
		raw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><title>Raw</title>`+name+`</html>`)
		}))
		defer raw.Close()
		wantStatus(t, b.open(t, raw.URL), 200)
		if got := b.takeDialogs(); !slices.Equal(got, []string{"alert: 1"}) {
			t.Fatalf("the unescaped page opened the dialogs %q, want one alert", got)
		}

		acc := b.createAccount(t, name, "Team")
		for _, path := range []string{"/console/accounts/" + acc, "/console/accounts/" + acc + "/users", "/console/accounts?name=%3Cscript"} {
			wantStatus(t, b.open(t, path), 200)
			if n := b.eval(t, `String(document.scripts.length)`); n != "0" {
				t.Errorf("%s has %s script elements", path, n)
			}
			if got := b.eval(t, `document.querySelector("main").textContent`); !strings.Contains(got, name) {
				t.Errorf("%s does not show the name as text:\n%s", path, got)
			}
		}
		b.check(t, "script-in-name")
		b.noDialogs(t)
	})

	// Another AWS account's key signs in, in a browser profile of its own:
	// the development pair's account is not found, by its URL or its
	// users', and not listed.
	t.Run("OtherTenant", func(t *testing.T) {
		octx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		defer cancel()
		o := newTab(t, octx, s.url, axe, dir, &shots)
		resp := o.signIn(t, otherKey, otherSecret)
		wantStatus(t, resp, 200)
		if got := o.text(t, "signed-in-account"); got != otherAccount {
			t.Fatalf("signed in to AWS account %q", got)
		}
		if o.has(t, "accounts-table") {
			t.Fatalf("another tenant lists accounts: %s", o.text(t, "accounts-table"))
		}
		for _, path := range []string{"/console/accounts/" + example, "/console/accounts/" + example + "/users", "/console/accounts/" + example + "/users/new"} {
			wantStatus(t, o.open(t, path), 404)
			o.text(t, "not-found")
		}
		o.check(t, "other-tenant-not-found")
	})

	// The accessibility check bites: a page with an unlabelled field and
	// an image without text fails it.
	t.Run("AxeFindsViolations", func(t *testing.T) {
		bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><title>Bad</title><main><h1>Bad</h1><input type="text"><img src="/x.png"></main></html>`)
		}))
		defer bad.Close()
		wantStatus(t, b.open(t, bad.URL), 200)
		var found []string
		for _, v := range b.axe(t, "a page with faults") {
			if v.blocking() {
				found = append(found, v.ID)
			}
		}
		slices.Sort(found)
		if want := []string{"image-alt", "label"}; !slices.Equal(found, want) {
			t.Fatalf("axe found %q on a page with faults, want %q", found, want)
		}
	})

	// A CSV import of a few hundred rows: the file is uploaded through
	// the form, the progress bar is followed to its end, and the result
	// table and the API agree on what became of every row.
	t.Run("CSVImport", func(t *testing.T) {
		account := b.createAccount(t, "Imported", "EnterpriseLWA")
		var csv strings.Builder
		csv.WriteString("Email,Username,UserType,LicenseType\n")
		for i := range 280 {
			fmt.Fprintf(&csv, "imported%03d@example.com,Imported %d,PrivateUser,Basic\n", i, i)
		}
		for i := range 10 {
			fmt.Fprintf(&csv, "imported%03d@example.com,again,,\n", i) // already exist
		}
		for i := range 10 {
			fmt.Fprintf(&csv, "not-an-address-%d,,,\n", i) // invalid
		}
		file := filepath.Join(t.TempDir(), "users.csv")
		if err := os.WriteFile(file, []byte(csv.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		wantStatus(t, b.open(t, "/console/accounts/"+account+"/import"), 200)
		b.check(t, "import-users")
		b.do(t, "choose the file", chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}))
		wantStatus(t, b.follow(t, "import"), 200)
		progress := b.eval(t, "location.href")
		// The page reloads itself each second until the import ends; the
		// test loads it until it says so, a bounded number of times.
		for loads := 0; b.eval(t, `document.getElementById("import-progress").dataset.finished`) != "true"; loads++ {
			if loads == 10_000 {
				t.Fatal("the import did not finish")
			}
			wantStatus(t, b.open(t, progress), 200)
		}
		if got := b.eval(t, `document.getElementById("import-bar").value + "/" + document.getElementById("import-bar").max`); got != "300/300" {
			t.Fatalf("the progress bar ends at %s", got)
		}
		if got := b.text(t, "import-summary"); got != "300 rows: 280 created, 10 already exist, 10 invalid" {
			t.Fatalf("summary %q", got)
		}
		if got := b.eval(t, `String(document.querySelectorAll("#import-table tbody tr").length)`); got != "300" {
			t.Fatalf("the result table has %s rows", got)
		}
		if got := b.eval(t, `document.querySelector("#import-table tbody tr.outcome-invalid td:nth-child(4)").textContent`); !strings.Contains(got, "Email") {
			t.Fatalf("an invalid row's reason is %q", got)
		}
		b.check(t, "import-results")
		var users []string
		for p := awschime.NewListUsersPaginator(api, &awschime.ListUsersInput{AccountId: aws.String(account)}); p.HasMorePages(); {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range page.Users {
				users = append(users, aws.ToString(u.PrimaryEmail))
			}
		}
		if len(users) != 280 {
			t.Fatalf("the API lists %d users after the import, want 280", len(users))
		}
	})

	// Keyboard only: the skip link moves focus to the page's content, and
	// a user is created with Tab, typing and Enter, the navigation's links
	// coming before the form's fields.
	t.Run("Keyboard", func(t *testing.T) {
		wantStatus(t, b.open(t, "/console/accounts"), 200)
		b.tabTo(t, "#main")
		b.do(t, "Enter on the skip link", chromedp.KeyEvent(kb.Enter))
		if got := b.eval(t, activeID); got != "main" {
			t.Fatalf("the skip link moved focus to %q, want main", got)
		}

		wantStatus(t, b.open(t, "/console/accounts/"+example+"/users/new"), 200)
		b.tabTo(t, "#main", "/console/", "nav-accounts", "nav-new-account", "signout",
			"nav-account-overview", "nav-users", "nav-new-user", "nav-invite", "nav-import", "nav-export",
			// The form's introduction links to the invitations.
			"/console/accounts/"+example+"/invite",
			"Email")
		b.typeKeys(t, "keys@example.com")
		b.tabTo(t, "Username")
		b.typeKeys(t, "Kim Keys")
		b.tabTo(t, "UserType", "create-user")
		wantStatus(t, b.pressEnter(t), 200)
		if got := b.text(t, "user-email"); got != "keys@example.com" {
			t.Fatalf("the user created by keyboard has e-mail %q", got)
		}
		if got := b.text(t, "user-display-name"); got != "Kim Keys" {
			t.Fatalf("the user created by keyboard is named %q", got)
		}
	})
}

// docScreenshots are the pages the documentation shows, by file name.
var docScreenshots = []string{"console-accounts.png", "console-users.png", "console-user.png"}

// TestConsoleScreenshots makes the documentation's screenshots of the
// console, from a deterministic server so that ids and dates stay the same
// between runs. `CHIME_SCREENSHOTS=docs/images go test ./e2e -run
// TestConsoleScreenshots` writes them into the documentation (a relative
// folder is read from the module's root); without CHIME_SCREENSHOTS they
// go to the artefact folder.
func TestConsoleScreenshots(t *testing.T) {
	ctx := startBrowser(t)
	dir := os.Getenv("CHIME_SCREENSHOTS")
	if dir == "" {
		dir = artefactDir(t, "console-doc-screenshots")
	} else if !filepath.IsAbs(dir) {
		// go test runs in e2e/.
		dir = filepath.Join("..", dir)
	}
	s := startServer(t, "--dev", "--deterministic")
	api := sdkClient(s.url, "test", "test")
	example := chimeserver.ExampleAccountID
	bg := context.Background()
	if _, err := api.UpdateAccount(bg, &awschime.UpdateAccountInput{AccountId: aws.String(example), DefaultLicense: types.LicensePro}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Northwind Team", "Tailspin Toys"} {
		if _, err := api.CreateAccount(bg, &awschime.CreateAccountInput{Name: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
	}
	var first string
	for _, u := range []struct {
		email, name string
		userType    types.UserType
	}{
		{"ana.silva@example.com", "Ana Silva", types.UserTypePrivateUser},
		{"bo.chen@example.com", "Bo Chen", types.UserTypePrivateUser},
		{"roomdevice@example.com", "", types.UserTypeSharedDevice},
		{"dee.okafor@example.com", "Dee Okafor", types.UserTypePrivateUser},
		{"lobby-screen@example.com", "", types.UserTypeSharedDevice},
	} {
		in := &awschime.CreateUserInput{AccountId: aws.String(example), Email: aws.String(u.email), UserType: u.userType}
		if u.name != "" {
			in.Username = aws.String(u.name)
		}
		out, err := api.CreateUser(bg, in)
		if err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = aws.ToString(out.User.UserId)
		}
	}
	shots := 0
	b := newTab(t, ctx, s.url, "", t.TempDir(), &shots)
	wantStatus(t, b.signIn(t, "test", "test"), 200)
	for i, path := range []string{"/console/accounts", "/console/accounts/" + example + "/users", "/console/accounts/" + example + "/users/" + first} {
		wantStatus(t, b.open(t, path), 200)
		png := run(t, b, "screenshot of "+path, chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(dir, docScreenshots[i]), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("wrote %s to %s", strings.Join(docScreenshots, ", "), dir)
}
