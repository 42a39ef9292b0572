// Package cli is the chime program. Run picks the command: chime's own
// (server, export, import, bench, and the users files of `admin
// import-users` and `admin export-users`) run here; `admin <operation>`
// is the extension operation admin-<operation>, and `admin help` lists
// those;
// everything else (an operation, help, --version) is an AWS-CLI-style
// command line that package awscli runs. Run is the whole program, so that tests drive it in-process
// exactly as a user would; cmd/chime is its ten-line main.
//
// It imports awscli, apispec, server, sqlstore, postgres, faults, bench,
// usercsv and licenses.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/cli/awscli"
)

// intro opens `chime help`: the program's own commands, above the
// operations.
const intro = `chime %s: the Amazon Chime administration API, server and command line.

usage: chime [options] <command> [parameters]

  chime server [flags]     run the API server (chime server -h for its flags)
  chime export --store S   write a whole installation as JSON Lines (--file, else standard output)
  chime import --store S   load an export into an empty store (--file, else standard input)
  chime backup --store sqlite:PATH --to F   copy a SQLite store while it serves
  chime admin import-users --account-id ID --file F   create the users of a CSV file in an account
  chime admin export-users --account-id ID            write the users of an account as CSV
  chime <operation> ...    call an operation, as 'aws chime <operation>' does
  chime <operation> help   describe an operation and its options
  chime bench [flags]      measure chime against the machine's limit, moto and the AWS CLI
  chime healthcheck        exit 0 when a server's health endpoint (--url) answers 200, else 1: for container health checks
  chime version            print the version
  chime licenses           print the licences of the third-party code in this binary

`

// Run runs the chime program with args (without the program name) and
// returns its exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if i := awscli.CommandIndex(args); i >= 0 {
		rest := args[i+1:]
		switch args[i] {
		case "server":
			return runServer(ctx, rest, stdout, stderr)
		case "export":
			return runExport(ctx, rest, stdout, stderr)
		case "import":
			return runImport(ctx, rest, stdin, stderr)
		case "backup":
			return runBackup(ctx, rest, stdout, stderr)
		case "bench":
			return runBench(ctx, rest, stdout, stderr)
		case "bench-trivial":
			return runBenchTrivial(ctx, rest, stderr)
		case "bot-endpoint":
			return runBotEndpoint(ctx, rest, stdout, stderr)
		case "healthcheck":
			return runHealthcheck(ctx, rest, stdout, stderr)
		case "version":
			args = []string{"--version"}
		case "licenses":
			return runLicenses(rest, stdout, stderr)
		case "admin":
			if len(rest) == 0 || rest[0] == "help" || rest[0] == "--help" {
				printAdminHelp(stdout)
				return awscli.ExitOK
			}
			// "chime admin create-account" is "chime admin-create-account".
			if !strings.HasPrefix(rest[0], "-") {
				args = slices.Concat(args[:i], []string{"admin-" + rest[0]}, rest[1:])
			}
		}
	}
	v := version()
	p := &awscli.Program{Env: awscli.OSEnv(stdin, stdout, stderr), Version: v, Intro: fmt.Sprintf(intro, v),
		Dispatch: func(ctx context.Context, args []string) int { return Run(ctx, args, stdin, stdout, stderr) }}
	if i := awscli.CommandIndex(args); i >= 0 {
		switch args[i] {
		case "admin-import-users":
			return runImportUsers(ctx, p, args, stdin, stdout, stderr)
		case "admin-export-users":
			return runExportUsers(ctx, p, args, stdout, stderr)
		}
	}
	return p.Run(ctx, args)
}

// printAdminHelp lists the admin commands: the extension operations
// named Admin*, each as `chime admin <command>`.
func printAdminHelp(w io.Writer) {
	type command struct{ name, doc string }
	var cmds []command
	width := 0
	for _, op := range apispec.All {
		if name, ok := strings.CutPrefix(op.Name, "Admin"); ok {
			c := command{"chime admin " + apispec.Kebab(name), op.Doc}
			cmds = append(cmds, c)
			width = max(width, len(c.name))
		}
	}
	for _, uc := range userFileCommands {
		c := command{"chime admin " + uc.name, uc.doc}
		cmds = append(cmds, c)
		width = max(width, len(c.name))
	}
	fmt.Fprint(w, adminIntro)
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.doc)
	}
}

// adminIntro opens `chime admin help`.
const adminIntro = `chime admin: this server's own operations, beyond the Chime API, for tests and operators.

usage: chime [options] admin <command> [parameters]
       chime admin <command> help

commands:
`

// newFlagSet returns a flag set whose errors go to stderr and do not exit.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags reads a command's flags from args and then from their CHIME_*
// variables (applyEnv); a command takes no other arguments. It returns
// false with the exit code when the command is not to run: ExitOK after
// -h, ExitParamError after an error it has printed.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return awscli.ExitOK, false
		}
		return awscli.ExitParamError, false // the flag package printed it
	}
	if err := applyEnv(fs); err != nil {
		awscli.PrintError(stderr, err.Error())
		return awscli.ExitParamError, false
	}
	if fs.NArg() > 0 {
		awscli.PrintError(stderr, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
		return awscli.ExitParamError, false
	}
	return awscli.ExitOK, true
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
