package awscli_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/openchime/chime/cli/awscli"
	"golang.org/x/sys/unix"
)

// terminal runs chime on a pseudo-terminal and lets the test type into it.
type terminal struct {
	t      *testing.T
	ptmx   *os.File
	mu     sync.Mutex
	screen bytes.Buffer
	stderr bytes.Buffer
	done   chan int
}

// startOnTerminal runs a command line of the environment with a
// pseudo-terminal as its standard input and output.
func (e *testEnv) startOnTerminal(args ...string) *terminal {
	t := e.t
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 140})
	term := &terminal{t: t, ptmx: ptmx, done: make(chan int, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			term.mu.Lock()
			term.screen.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		p := &awscli.Program{Env: awscli.Env{Stdin: tty, Stdout: tty, Stderr: &lockedWriter{mu: &term.mu, w: &term.stderr},
			StdoutIsTerminal: true, Environ: slices.Clone(e.environ), Dir: e.dir}, Version: "test", Dispatch: e.dispatch}
		code := p.Run(context.Background(), args)
		tty.Close()
		term.done <- code
	}()
	t.Cleanup(func() { ptmx.Close() })
	return term
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (term *terminal) waitFor(text string) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		seen := strings.Contains(term.screen.String(), text)
		term.mu.Unlock()
		if seen {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("the terminal never showed %q; it shows:\n%s", text, term.screen.String())
}

func (term *terminal) typeKeys(s string) {
	for _, r := range s {
		term.ptmx.Write([]byte(string(r)))
		time.Sleep(2 * time.Millisecond)
	}
}

func (term *terminal) exitCode() int {
	select {
	case code := <-term.done:
		time.Sleep(50 * time.Millisecond) // let the reader drain the screen
		return code
	case <-time.After(15 * time.Second):
		term.t.Fatal("chime did not exit")
		return -1
	}
}

func (term *terminal) output() (string, string) {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.screen.String(), term.stderr.String()
}

func TestAutoPromptCompletesAndRuns(t *testing.T) {
	e, _ := devServer(t)
	term := e.startOnTerminal("create-user", "--cli-auto-prompt")
	term.waitFor("> chime create-user")
	term.waitFor("--account-id (required)")
	term.waitFor("[string] The user's email address.")
	term.typeKeys("--account-id " + example + " --email prompt@example.com --user-type Sh")
	term.waitFor("SharedDevice")
	term.typeKeys("\t")
	term.waitFor("--user-type SharedDevice")
	// The first Enter takes the highlighted completion, the second runs.
	term.typeKeys("\r\r")
	if code := term.exitCode(); code != 0 {
		_, stderr := term.output()
		t.Fatalf("exit %d: %s", code, stderr)
	}
	screen, _ := term.output()
	for _, want := range []string{"> chime create-user --account-id " + example + " --email prompt@example.com --user-type SharedDevice", `"DisplayName": "Room Device"`} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen lacks %q:\n%s", want, screen)
		}
	}
}

func TestAutoPromptCtrlC(t *testing.T) {
	e, _ := devServer(t)
	term := e.startOnTerminal("list-users", "--account-id", example, "--cli-auto-prompt")
	term.waitFor("> chime list-users --account-id " + example)
	term.typeKeys("\x03")
	if code := term.exitCode(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	if _, stderr := term.output(); !strings.Contains(stderr, "> chime list-users --account-id "+example) {
		t.Errorf("stderr %q", stderr)
	}
}

func TestAutoPromptOnPartial(t *testing.T) {
	e, _ := devServer(t)
	e.set("AWS_CLI_AUTO_PROMPT", "on-partial")
	// A complete command runs without a prompt.
	out := e.mustRun("list-accounts", "--query", "length(Accounts)")
	if strings.TrimSpace(out) != "1" {
		t.Fatalf("on-partial with a complete command: %q", out)
	}
	// An incomplete one opens the prompt.
	term := e.startOnTerminal("get-user")
	term.waitFor("> chime get-user")
	// get-user may still become get-user-settings: the menu offers both,
	// then after a space the options.
	term.waitFor("get-user-settings")
	term.typeKeys(" ")
	term.waitFor("--user-id (required)")
	term.typeKeys("\x03")
	if code := term.exitCode(); code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	// AWS_CLI_AUTO_PROMPT=on prompts every time; --no-cli-auto-prompt wins.
	e.set("AWS_CLI_AUTO_PROMPT", "on")
	if _, _, code := e.run("list-accounts", "--no-cli-auto-prompt"); code != 0 {
		t.Fatalf("--no-cli-auto-prompt: %d", code)
	}
}

func TestPagerOnTerminal(t *testing.T) {
	e, _ := devServer(t)
	e.set("PATH", os.Getenv("PATH")) // where the pager's sed is
	e.set("AWS_PAGER", "sed s/^/PAGED:/")
	term := e.startOnTerminal("list-accounts", "--query", "Accounts[0].Name", "--output", "text")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if screen, _ := term.output(); !strings.Contains(screen, "PAGED:Example Corp") {
		t.Errorf("the pager was not used:\n%q", screen)
	}
	term = e.startOnTerminal("list-accounts", "--query", "Accounts[0].Name", "--output", "text", "--no-cli-pager")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if screen, _ := term.output(); strings.Contains(screen, "PAGED:") || !strings.Contains(screen, "Example Corp") {
		t.Errorf("--no-cli-pager used the pager:\n%q", screen)
	}
}

// The line the prompt settles on runs through Dispatch, as the whole
// program would run it.
func TestAutoPromptDispatch(t *testing.T) {
	e := newEnv(t)
	ran := make(chan []string, 1)
	e.dispatch = func(_ context.Context, args []string) int {
		ran <- args
		return 7
	}
	term := e.startOnTerminal("admin-get-faults", "--cli-auto-prompt")
	term.waitFor("> chime admin-get-faults")
	// The menu of options is open: Enter closes it, then runs.
	term.typeKeys("\r\r")
	if code := term.exitCode(); code != 7 {
		t.Fatalf("exit %d, want Dispatch's 7", code)
	}
	if got := <-ran; !slices.Equal(got, []string{"admin-get-faults", "--no-cli-auto-prompt"}) {
		t.Errorf("Dispatch ran %q", got)
	}
}

// Ctrl+C leaves the prompt with the terminal as it was (cooked mode, the
// main screen, the cursor shown), the line on standard error ended by a
// newline, and exit code 130, as AWS CLI v2 does.
func TestAutoPromptCtrlCRestoresTerminal(t *testing.T) {
	e := newEnv(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 100})
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Skipf("no terminal settings: %v", err)
	}
	var mu sync.Mutex
	var screen bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		p := &awscli.Program{Env: awscli.Env{Stdin: tty, Stdout: tty, Stderr: &stderr, Environ: slices.Clone(e.environ), Dir: e.dir}, Version: "test"}
		done <- p.Run(context.Background(), []string{"list-users", "--cli-auto-prompt"})
	}()
	term := &terminal{t: t, ptmx: ptmx}
	waitScreen(t, &mu, &screen, "--account-id (required)")
	term.typeKeys("--acc\x03")
	if code := <-done; code != 130 {
		t.Fatalf("exit %d, want 130", code)
	}
	if got := stderr.String(); got != "> chime list-users --acc\n" {
		t.Errorf("stderr %q", got)
	}
	after, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if after.Lflag != before.Lflag || after.Iflag != before.Iflag || after.Oflag != before.Oflag {
		t.Errorf("terminal settings not restored: lflag %#x iflag %#x oflag %#x, were %#x %#x %#x",
			after.Lflag, after.Iflag, after.Oflag, before.Lflag, before.Iflag, before.Oflag)
	}
	waitScreen(t, &mu, &screen, "\x1b[?1049l")
	mu.Lock()
	drawn := screen.String()
	mu.Unlock()
	if end := drawn[strings.LastIndex(drawn, "\x1b[?1049h"):]; !strings.Contains(end, "\x1b[?25h") || !strings.Contains(end, "\x1b[?2004l") {
		t.Errorf("the cursor or bracketed paste is not restored: %q", end[max(0, len(end)-80):])
	}
}

func waitScreen(t *testing.T, mu *sync.Mutex, screen *bytes.Buffer, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		seen := strings.Contains(screen.String(), text)
		mu.Unlock()
		if seen {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	t.Fatalf("the terminal never showed %q; it shows:\n%q", text, screen.String())
}

// The prompt asks the terminal nothing: no colour query (OSC 10/11) and
// no cursor-position report, so a terminal that answers none is drawn on
// at once rather than after a query's timeout. The program links no
// library that asks at start-up (Bubble Tea's initialiser did, through
// termenv, on every command).
func TestAutoPromptAsksTheTerminalNothing(t *testing.T) {
	e := newEnv(t)
	term := e.startOnTerminal("list-users", "--cli-auto-prompt")
	term.waitFor("--account-id (required)")
	term.typeKeys("\x03")
	term.exitCode()
	screen, _ := term.output()
	for _, query := range []string{"\x1b]10;?", "\x1b]11;?", "\x1b[6n", "\x1b[c", "\x1b[>c"} {
		if strings.Contains(screen, query) {
			t.Errorf("the prompt wrote the query %q", query)
		}
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the program's packages")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/openchime/chime/cmd/chime").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "github.com/muesli/termenv", "github.com/charmbracelet/lipgloss", "github.com/charmbracelet/bubbletea":
			t.Errorf("chime links %s, whose initialiser queries the terminal", pkg)
		}
	}
}

// With no operation, the prompt offers the operations, then the chosen
// one's options, and runs the line: through --cli-auto-prompt, and
// through cli_auto_prompt = on in the profile.
func TestAutoPromptForTheOperation(t *testing.T) {
	e := newEnv(t)
	ran := make(chan []string, 2)
	e.dispatch = func(_ context.Context, args []string) int {
		ran <- args
		return 0
	}
	term := e.startOnTerminal("--cli-auto-prompt")
	term.waitFor("admin-advance-clock")
	term.typeKeys("list-accounts ")
	term.waitFor("--user-email")
	term.typeKeys("--max-items 1\r")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got := <-ran; !slices.Equal(got, []string{"list-accounts", "--max-items", "1", "--no-cli-auto-prompt"}) {
		t.Errorf("ran %q", got)
	}
	if screen, _ := term.output(); !strings.Contains(screen, "> chime list-accounts --max-items 1\r\n") {
		t.Errorf("the line run is not printed:\n%q", screen)
	}

	config := filepath.Join(t.TempDir(), "config")
	os.WriteFile(config, []byte("[default]\ncli_auto_prompt = on\n"), 0o600)
	e.set("AWS_CONFIG_FILE", config)
	term = e.startOnTerminal()
	term.waitFor("admin-advance-clock")
	term.typeKeys("\x03")
	if code := term.exitCode(); code != 130 {
		t.Fatalf("cli_auto_prompt = on without an operation: exit %d", code)
	}
}

// An interrupted command ends the line the terminal echoed ^C on, on
// standard output, and exits 130, as the AWS CLI does.
func TestInterruptEndsTheLine(t *testing.T) {
	e, _ := devServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	p := &awscli.Program{Env: awscli.Env{Stdout: &stdout, Stderr: &stderr, Environ: slices.Clone(e.environ), Dir: e.dir}, Version: "test"}
	if code := p.Run(ctx, []string{"list-accounts"}); code != 130 {
		t.Fatalf("exit %d, want 130: %s", code, stderr.String())
	}
	if stdout.String() != "\n" {
		t.Errorf("stdout %q, want a newline", stdout.String())
	}
}
