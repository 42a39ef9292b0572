// Package cli is the chime command line: `chime server`, and a command for
// every implemented operation that behaves as `aws chime <operation>` does
// in AWS CLI v2 (options, input files, skeletons, auto-prompt, output
// formats, pagination, errors and exit codes), all drawn from apispec. Run is the whole program, so that tests drive it
// in-process exactly as a user would.
//
// It imports server, apispec, sigv4, aws-sdk-go-v2 (shared config,
// credentials and the SigV4 signer), a JMESPath library, a YAML library
// and Bubble Tea for the prompt.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
)

// Exit codes, as the AWS CLI v2 uses them.
const (
	exitOK           = 0
	exitInterrupted  = 130
	exitParamError   = 252
	exitConfigError  = 253
	exitServiceError = 254
	exitGeneralError = 255
)

// Version is the program's version, set at build time with -ldflags.
var Version = "dev"

// Run runs the chime program with args (without the program name) and
// returns its exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	command, rest, g, err := splitCommand(args)
	if err != nil {
		return paramFailure(stderr, err, true)
	}
	switch {
	case g.version && command == "":
		fmt.Fprintf(stdout, "chime/%s %s %s/%s\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return exitOK
	case command == "" && g.help, command == "help":
		writeOverview(stdout)
		return exitOK
	case command == "":
		printError(stderr, "An error occurred (ParamValidation): the following arguments are required: command\n\n"+usageLines)
		return exitParamError
	case command == "server":
		return runServer(ctx, args[slices.Index(args, "server")+1:], stdout, stderr)
	case command == "bench":
		return runBench(ctx, args[slices.Index(args, "bench")+1:], stdout, stderr)
	case command == "bench-trivial":
		return runBenchTrivial(ctx, args[slices.Index(args, "bench-trivial")+1:], stderr)
	case command == "export":
		return runExport(ctx, args[slices.Index(args, "export")+1:], stdout, stderr)
	case command == "import":
		return runImport(ctx, args[slices.Index(args, "import")+1:], stdin, stderr)
	case command == "version":
		fmt.Fprintf(stdout, "chime/%s %s %s/%s\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return exitOK
	case command == "admin" && len(rest) > 0 && !strings.HasPrefix(rest[0], "-"):
		// "chime admin create-account" is "chime admin-create-account".
		command, rest = "admin-"+rest[0], rest[1:]
	}
	op, ok := commands()[command]
	if !ok {
		msg := fmt.Sprintf("argument command: Found invalid choice '%s'", command)
		if near := nearestCommands(command); len(near) > 0 {
			msg += "\n\nMaybe you meant:\n\n  * " + strings.Join(near, "\n  * ")
		}
		return paramFailure(stderr, errors.New(msg), true)
	}
	if len(rest) > 0 && rest[0] == "help" {
		writeOperationHelp(stdout, op)
		return exitOK
	}
	return runOperation(ctx, op, g, rest, args, stdin, stdout, stderr)
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
		gf := lookupGlobal(name)
		if name == "-h" {
			gf = lookupGlobal("--help")
		}
		if gf == nil {
			return "", nil, g, fmt.Errorf("Unknown options: %s", a)
		}
		if gf.takes && !inline {
			if i+1 >= len(args) {
				return "", nil, g, fmt.Errorf("argument %s: expected one argument", name)
			}
			i++
			v = args[i]
		}
		if err := gf.set(g, v); err != nil {
			return "", nil, g, fmt.Errorf("argument %s: %v", name, err)
		}
	}
	return "", nil, g, nil
}

// nearestCommands suggests commands that share the typed name's words.
func nearestCommands(typed string) []string {
	var out []string
	for name := range commands() {
		if levenshtein(name, typed) <= 3 {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// newFlagSet returns a flag set whose errors go to stderr and do not exit.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// envName is the CHIME_* variable of a flag: --store -> CHIME_STORE.
func envName(flagName string) string {
	return "CHIME_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// applyEnv sets every flag not given on the command line from its CHIME_*
// variable, so that each flag has an environment variable.
func applyEnv(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] || err != nil {
			return
		}
		if v, ok := os.LookupEnv(envName(f.Name)); ok {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", envName(f.Name), v, e)
			}
		}
	})
	return err
}
