// Package cli is the chime command line: `chime server` and the commands
// that talk to a server. Run is the whole program, so that tests drive it
// in-process exactly as a user would.
//
// It imports server, apispec, sigv4 and aws-sdk-go-v2 (shared config,
// credentials and the SigV4 signer).
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes, as the AWS CLI v2 uses them.
const (
	exitOK           = 0
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
	if len(args) == 0 {
		usage(stderr)
		return exitParamError
	}
	switch args[0] {
	case "server":
		return runServer(ctx, args[1:], stdout, stderr)
	case "admin":
		return runAdmin(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "chime/%s\n", Version)
		return exitOK
	case "help", "-h", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "chime: [ERROR]: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitParamError
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: chime <command> [options]

commands:
  server                  run the Chime administration API server
  admin create-account    create an account of any type (extension, not part of the AWS API)
  admin update-account    change an account's type or status (extension, not part of the AWS API)
  version                 print the version

Run 'chime server -h' or 'chime admin <command> -h' for the options.
`)
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
