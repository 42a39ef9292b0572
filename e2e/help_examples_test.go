package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
)

// helpExample is one example of a manual page: the script as the page
// shows it, and the output shown beneath it ("" when the page says that
// the command prints nothing).
type helpExample struct {
	script, output string
}

// Indents of the manual page's text and code (cli/awscli/help_page.go).
const (
	helpText = "       "
	helpCode = "          "
)

// pageExamples reads the examples out of a manual page as `chime <op>
// help` prints it: in the EXAMPLES section, a block indented as code is a
// script, or the output of the script before it when the line above says
// "Output:".
func pageExamples(t *testing.T, page string) []helpExample {
	t.Helper()
	_, rest, ok := strings.Cut(page, "\nEXAMPLES\n")
	section, _, closed := strings.Cut(rest, "\nOUTPUT\n")
	if !ok || !closed {
		t.Fatalf("the page has no EXAMPLES section followed by OUTPUT:\n%s", page)
	}
	lines := strings.Split(section, "\n")
	var out []helpExample
	expectOutput := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, helpCode):
			var block []string
			for ; i < len(lines); i++ {
				if strings.HasPrefix(lines[i], helpCode) {
					block = append(block, strings.TrimPrefix(lines[i], helpCode))
					continue
				}
				// A blank line stays in the block when code follows it.
				j := i
				for j < len(lines) && lines[j] == "" {
					j++
				}
				if lines[i] != "" || j == len(lines) || !strings.HasPrefix(lines[j], helpCode) {
					break
				}
				for ; i < j; i++ {
					block = append(block, "")
				}
				i--
			}
			i-- // the line that ended the block is read again
			text := strings.Join(block, "\n") + "\n"
			if expectOutput {
				out[len(out)-1].output = text
				expectOutput = false
			} else {
				out = append(out, helpExample{script: text})
			}
		case strings.TrimSpace(l) == "Output:":
			if len(out) == 0 {
				t.Fatalf("the page shows an output before any script:\n%s", section)
			}
			expectOutput = true
		}
	}
	return out
}

// Values the server makes up, which differ from run to run.
var generated = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`), "<id>"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?`), "<time>"},
	{regexp.MustCompile(`"(SecurityToken|NextToken|PersonalPIN)": "[^"]*"`), `"$1": "<generated>"`},
}

func normaliseGenerated(s string) string {
	for _, g := range generated {
		s = g.re.ReplaceAllString(s, g.with)
	}
	return s
}

// TestHelpExamples runs the example of every implemented operation's
// manual page exactly as `chime <operation> help` shows it, each against
// a development server of its own, and compares what it prints with the
// output the page shows, ids, timestamps, tokens and PINs aside. An
// operation without an example fails.
func TestHelpExamples(t *testing.T) {
	bash := lookPath(t, "bash", "the examples are shell scripts")
	for _, op := range apispec.Implemented() {
		name := op.CommandName()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			page, err := exec.Command(binary, name, "help").Output()
			if err != nil {
				t.Fatalf("chime %s help: %v", name, err)
			}
			if strings.Contains(string(page), "\x1b") {
				t.Errorf("help written to a pipe has escapes")
			}
			examples := pageExamples(t, string(page))
			if len(examples) == 0 {
				t.Fatalf("chime %s help shows no example", name)
			}
			for _, ex := range examples {
				if !regexp.MustCompile(`(^|[\s(])chime ` + name + `(\s|$)`).MatchString(ex.script) {
					t.Errorf("the example does not run %s:\n%s", name, ex.script)
				}
				s := startServer(t, "--dev")
				cmd := exec.Command(bash, "-euo", "pipefail", "-c", ex.script)
				cmd.Dir = t.TempDir() // where an example writes its files
				cmd.Env = cleanEnv(t, "AWS_ENDPOINT_URL_CHIME="+s.url)
				for i, kv := range cmd.Env {
					if strings.HasPrefix(kv, "PATH=") {
						cmd.Env[i] = "PATH=" + filepath.Dir(binary) + ":" + strings.TrimPrefix(kv, "PATH=")
					}
				}
				var stderr strings.Builder
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("the example failed: %v\n%s\nstderr:\n%s", err, ex.script, stderr.String())
				}
				if got, want := normaliseGenerated(string(out)), normaliseGenerated(ex.output); got != want {
					t.Errorf("the example prints\n%s\nwhere its page shows\n%s\nscript:\n%s", out, ex.output, ex.script)
				}
			}
		})
	}
}

// TestHelpExampleFiles: every example file belongs to an implemented
// operation, so that none is left behind by a renamed command.
func TestHelpExampleFiles(t *testing.T) {
	files, err := filepath.Glob("../cli/awscli/examples/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example files: %v", err)
	}
	known := map[string]bool{}
	for _, op := range apispec.Implemented() {
		known[op.CommandName()+".txt"] = true
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() || !known[filepath.Base(f)] {
			t.Errorf("%s is not the example of an implemented operation", f)
		}
	}
}

// TestHelpExampleParsing: the reader of pages finds a script, its output,
// and a script without output, blank lines within code included.
func TestHelpExampleParsing(t *testing.T) {
	page := "NAME\n" + helpText + "x\n\nEXAMPLES\n" + helpText + "Title\n\n" +
		helpCode + "A=$(chime x)\n\n" + helpCode + "chime y \"$A\"\n\n" +
		helpText + "Output:\n\n" + helpCode + "{\n" + helpCode + "}\n\n" +
		helpText + "Another title\n\n" + helpCode + "chime z\n\n" + helpText + "This command produces no output.\n\nOUTPUT\n" + helpText + "None\n"
	got := pageExamples(t, page)
	want := []helpExample{{script: "A=$(chime x)\n\nchime y \"$A\"\n", output: "{\n}\n"}, {script: "chime z\n"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}
