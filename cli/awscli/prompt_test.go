package awscli_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/openchime/chime/cli/awscli"
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
