// Package awscli is chime's AWS-CLI-style command line: `chime <operation>`
// behaves as `aws chime <operation>` does in AWS CLI v2 (options drawn from
// apispec, shorthand, --cli-input-json/yaml, skeletons, auto-prompt, the
// json/text/table/yaml outputs, --query, pagination, errors and exit
// codes). Everything it reads or writes outside itself comes in an Env, so
// that tests run it in-process with an environment of their own.
//
// It imports apispec, client (requests, signatures, errors), server and
// sigv4 (the default address and the development key), aws-sdk-go-v2's
// shared-config loader, a JMESPath library, a YAML library, and
// charmbracelet/x/term and x/sys for the prompt's raw terminal (nothing
// that queries the terminal when the program starts).
package awscli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
)

// Exit codes, as AWS CLI v2 uses them; the program's own commands use
// them too.
const (
	ExitOK           = 0
	ExitInterrupted  = 130
	ExitParamError   = 252 // the command line is wrong
	ExitConfigError  = 253 // the configuration is wrong: no credentials, an unknown profile
	ExitServiceError = 254 // the server answered with an error
	ExitGeneralError = 255 // anything else: the server cannot be reached
)

const usageLines = `usage: chime [options] <command> [parameters]
To see help text, you can run:

  chime help
  chime <command> help`

// PrintError writes an error as AWS CLI v2 does: a blank line, then the
// program's [ERROR] prefix. A message may quote data (a server's message,
// a file's bytes): its control characters other than line feeds are
// written as escapes (see visible).
func PrintError(w io.Writer, msg string) {
	fmt.Fprintf(w, "\nchime: [ERROR]: %s\n", visibleLines(strings.TrimSpace(msg)))
}

// unknownOptions is the error for words the command does not know; the
// AWS CLI writes it after the usage, without the ParamValidation code.
type unknownOptions struct{ words []string }

func (e *unknownOptions) Error() string { return "Unknown options: " + strings.Join(e.words, ", ") }

// paramFailure reports a wrong command line (exit code 252).
func paramFailure(w io.Writer, err error, withUsage bool) int {
	var unknown *unknownOptions
	if errors.As(err, &unknown) {
		fmt.Fprintf(w, "\n%s\n\n", usageLines)
		PrintError(w, err.Error())
		return ExitParamError
	}
	msg := err.Error()
	if withUsage {
		msg += "\n\n" + usageLines
	}
	reportError(w, "An error occurred (ParamValidation): "+msg, "Code", "ParamValidation", "Message", msg)
	return ExitParamError
}

// Env is everything outside the program that a command line reads or
// writes: its streams, environment variables, working directory and
// clock. OSEnv is the process's; a test builds its own, and nothing of the
// process's environment reaches the command line then.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StdoutIsTerminal turns on colour (--color auto) and the pager.
	StdoutIsTerminal bool
	// Environ is the environment as os.Environ gives it, KEY=value; the
	// last value of a key counts.
	Environ []string
	// Dir is the working directory, where relative paths (file://,
	// --ca-bundle, AWS_CONFIG_FILE) start; "" is the process's.
	Dir string
	// Now is the clock requests are signed with; nil means time.Now.
	Now func() time.Time
}

// OSEnv is the process's environment with the given streams.
func OSEnv(stdin io.Reader, stdout, stderr io.Writer) Env {
	tty := false
	if f, ok := stdout.(*os.File); ok {
		tty = isatty.IsTerminal(f.Fd())
	}
	return Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, StdoutIsTerminal: tty, Environ: os.Environ(), Now: time.Now}
}

// lookupEnv reads an environment variable of the Env.
func (e *Env) lookupEnv(key string) (string, bool) {
	for i := len(e.Environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(e.Environ[i], "="); ok && k == key {
			return v, true
		}
	}
	return "", false
}

func (e *Env) getenv(key string) string {
	v, _ := e.lookupEnv(key)
	return v
}

// path resolves a path against the Env's working directory.
func (e *Env) path(p string) string {
	if e.Dir == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.Dir, p)
}

// now is the Env's clock.
func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Program is the command line in one environment.
type Program struct {
	Env
	// Version is what --version prints and the User-Agent carries.
	Version string
	// Intro opens `help`, above the operations and the global options:
	// the program's own commands.
	Intro string
	// Dispatch, when set, runs the command line the auto-prompt settles
	// on, as the whole program would; nil runs it with Run.
	Dispatch func(ctx context.Context, args []string) int
}

// Run runs one command line (without the program's name) and returns its
// exit code.
func (p *Program) Run(ctx context.Context, args []string) int {
	command, rest, g, err := splitCommand(args)
	var ce *configError
	if errors.As(err, &ce) {
		PrintError(p.Stderr, err.Error())
		return ce.code()
	}
	if err != nil {
		return paramFailure(p.Stderr, err, true)
	}
	switch {
	case g.version && command == "":
		fmt.Fprintf(p.Stdout, "chime/%s %s %s/%s\n", p.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return ExitOK
	case command == "" && g.help, command == "help":
		return p.showOverview(g)
	}
	op, ok := commands()[command]
	if !ok {
		// With the auto-prompt on, a line without a known operation
		// opens the prompt at the operations.
		if code, prompted := p.promptWithoutOperation(ctx, g, args); prompted {
			return code
		}
	}
	if command == "" {
		PrintError(p.Stderr, "An error occurred (ParamValidation): the following arguments are required: command\n\n"+usageLines)
		return ExitParamError
	}
	if !ok {
		return paramFailure(p.Stderr, errors.New("argument operation: "+invalidChoice(command, commandNames())), true)
	}
	if len(rest) > 0 && rest[0] == "help" {
		return p.showOperationHelp(g, op)
	}
	code := p.runOperation(ctx, op, g, rest, args)
	if code == ExitInterrupted && ctx.Err() != nil {
		// As the AWS CLI on an interrupt: the line the ^C was echoed
		// on ends.
		io.WriteString(p.Stdout, "\n")
	}
	return code
}

// CommandIndex is where the command stands among args: the first word
// that is neither a global option nor an option's value; -1 when there is
// none or the options before it are wrong (Run says how).
func CommandIndex(args []string) int {
	command, rest, _, err := splitCommand(args)
	if err != nil || command == "" {
		return -1
	}
	return len(args) - len(rest) - 1
}

// splitCommand finds the command among the arguments: the first word that
// is not an option or an option's value. Global options before it are
// applied; the rest is returned for the command to parse.
func splitCommand(args []string) (string, []string, *globals, error) {
	g := defaultGlobals()
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return a, args[i+1:], g, nil
		}
		name, v, inline := strings.Cut(a, "=")
		gf, err := resolveGlobal(name, a)
		if err != nil {
			return "", nil, g, err
		}
		if name == "-h" {
			gf = lookupGlobal("--help")
		}
		if gf == nil {
			return "", nil, g, &unknownOptions{[]string{a}}
		}
		if gf.takes && !inline {
			if i+1 >= len(args) {
				return "", nil, g, fmt.Errorf("argument %s: expected one argument", gf.name)
			}
			i++
			v = args[i]
		}
		if err := gf.set(g, v); err != nil {
			var ce *configError
			if errors.As(err, &ce) {
				return "", nil, g, err
			}
			return "", nil, g, fmt.Errorf("argument %s: %v", gf.name, err)
		}
	}
	return "", nil, g, nil
}

// closeMatches are the choices the AWS CLI suggests for a misspelt one:
// Python's difflib.get_close_matches with a cutoff of 0.8, the three most
// similar, most similar first.
func closeMatches(typed string, choices []string) []string {
	type scored struct {
		name  string
		score float64
	}
	var near []scored
	for _, name := range choices {
		if r := similarity(typed, name); r >= 0.8 {
			near = append(near, scored{name, r})
		}
	}
	// nlargest over (score, name) pairs: equal scores put the greater name first.
	sort.Slice(near, func(i, j int) bool {
		if near[i].score != near[j].score {
			return near[i].score > near[j].score
		}
		return near[i].name > near[j].name
	})
	var out []string
	for i := 0; i < len(near) && i < 3; i++ {
		out = append(out, near[i].name)
	}
	return out
}

// similarity is difflib's SequenceMatcher ratio: twice the characters of
// the matching blocks (the longest common block, then the same on each
// side of it) over the total length.
func similarity(a, b string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(matching(a, b)) / float64(len(a)+len(b))
}

func matching(a, b string) int {
	// The longest common block, earliest in a, then earliest in b.
	bestI, bestJ, best := 0, 0, 0
	for i := range a {
		for j := range b {
			k := 0
			for i+k < len(a) && j+k < len(b) && a[i+k] == b[j+k] {
				k++
			}
			if k > best {
				bestI, bestJ, best = i, j, k
			}
		}
	}
	if best == 0 {
		return 0
	}
	return best + matching(a[:bestI], b[:bestJ]) + matching(a[bestI+best:], b[bestJ+best:])
}
