package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/internal/usercsv"
)

// `chime admin-import-users` and `chime admin-export-users` provision the
// users of an account from a CSV file and write them to one (the format
// is package usercsv's), through the API with the command line's
// profile, endpoint and credentials, as any operation is sent.

// userFileCommands are the commands of this file, with what `chime admin
// help` says of them.
var userFileCommands = []struct{ name, doc string }{
	{"import-users", "Create the users of a CSV file (Email, Username, UserType, LicenseType) in an account, a row at a time."},
	{"export-users", "Write the users of an account as a CSV file that import-users reads back."},
}

const importUsersUsage = `usage: chime admin-import-users --account-id ID --file users.csv [global options]

Creates each user of the file in the account: CreateUser with the row's
Email, Username and UserType, then UpdateUser with its LicenseType when it
has one. The file's header row names the columns (Email is required;
Username, UserType and LicenseType are optional; case does not matter).
At the end, a table gives each row's line, e-mail, result (created,
already exists, invalid) and the API's reason, then a summary.
--file - reads standard input. Exit code 0 when every row was created or
already exists, 254 when any row is invalid, 252 for a file that cannot
be read as a users file.
`

const exportUsersUsage = `usage: chime admin-export-users --account-id ID [--file out.csv] [global options]

Writes every user of the account as CSV: Email, Username, UserType,
LicenseType, UserId, UserRegistrationStatus. Without --file, or with
--file -, to standard output.
`

// userFileFlags reads a command's own options, --account-id and --file.
func userFileFlags(name, usage string, args []string, stdout, stderr io.Writer) (account, file string, code int, ok bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&account, "account-id", "", "the account")
	fs.StringVar(&file, "file", "", "the CSV file")
	for _, a := range args {
		if a == "help" || a == "--help" || a == "-h" {
			io.WriteString(stdout, usage)
			return "", "", awscli.ExitOK, false
		}
	}
	err := fs.Parse(args)
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("Unknown options: %s", strings.Join(fs.Args(), ", "))
	}
	if err == nil && account == "" {
		err = fmt.Errorf("the following arguments are required: --account-id")
	}
	if err != nil {
		awscli.PrintError(stderr, "An error occurred (ParamValidation): "+err.Error()+"\n\n"+usage)
		return "", "", awscli.ExitParamError, false
	}
	return account, file, 0, true
}

func runImportUsers(ctx context.Context, p *awscli.Program, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	api, own, code := p.Connect(ctx, args)
	if api == nil {
		return code
	}
	account, file, code, ok := userFileFlags("admin-import-users", importUsersUsage, own, stdout, stderr)
	if !ok {
		return code
	}
	if file == "" {
		awscli.PrintError(stderr, "An error occurred (ParamValidation): the following arguments are required: --file\n\n"+importUsersUsage)
		return awscli.ExitParamError
	}
	in, name := stdin, "standard input"
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			awscli.PrintError(stderr, "An error occurred (ParamValidation): "+err.Error())
			return awscli.ExitParamError
		}
		defer f.Close()
		in, name = f, file
	}
	rows, err := usercsv.Read(in)
	if err != nil {
		awscli.PrintError(stderr, fmt.Sprintf("An error occurred (ParamValidation): %s: %v", name, err))
		return awscli.ExitParamError
	}
	// An account that cannot take users fails once, here, rather than
	// once a row.
	if _, err := api.Call(ctx, "GetAccount", map[string]any{"AccountId": account}); err != nil {
		return p.CallFailure(ctx, err, "GetAccount", api)
	}
	bar := newProgress(stderr, "import users", len(rows))
	bar.every = 1
	rep, err := usercsv.Import(ctx, usercsv.ClientAPI(api, account), rows, func(done, _ int, _ usercsv.Result) { bar.update(done) })
	bar.done(len(rep.Results))
	writeResults(stdout, rep)
	if err != nil {
		fmt.Fprintf(stdout, "stopped: %d of %d rows not run\n", len(rows)-len(rep.Results), len(rows))
		return p.CallFailure(ctx, err, "CreateUser", api)
	}
	if !rep.OK() {
		return awscli.ExitServiceError
	}
	return awscli.ExitOK
}

// writeResults prints a row a result (line, e-mail, result, reason), then
// the summary. Values from the file and the server are shown with their
// control characters escaped, so that none reaches the terminal.
func writeResults(w io.Writer, rep *usercsv.Report) {
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LINE\tEMAIL\tRESULT\tREASON")
	for _, r := range rep.Results {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", r.Row.Line, printable(r.Row.Email), r.Outcome, printable(r.Reason))
	}
	tw.Flush()
	for line := range strings.Lines(table.String()) {
		// A row without a reason would end in the padding of its result.
		fmt.Fprintln(w, strings.TrimRight(line, " \n"))
	}
	fmt.Fprintln(w, rep.Summary())
}

// printable escapes control characters (and tabs, which would break the
// table) as Go would quote them.
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := fmt.Sprintf("%q", string(r))
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func runExportUsers(ctx context.Context, p *awscli.Program, args []string, stdout, stderr io.Writer) int {
	api, own, code := p.Connect(ctx, args)
	if api == nil {
		return code
	}
	account, file, code, ok := userFileFlags("admin-export-users", exportUsersUsage, own, stdout, stderr)
	if !ok {
		return code
	}
	var dst destination = &streamDestination{w: stdout, name: "standard output"}
	if file != "" && file != "-" {
		d, err := createDestination(file)
		if err != nil {
			awscli.PrintError(stderr, err.Error())
			return awscli.ExitConfigError
		}
		dst = d
	}
	bar := newProgress(stderr, "export users", 0)
	bar.unit = "users"
	n, err := usercsv.Export(ctx, usercsv.ClientAPI(api, account), dst, bar.update)
	if err == nil {
		err = dst.Commit()
	}
	bar.done(n)
	if err != nil {
		dst.Discard()
		return p.CallFailure(ctx, err, "ListUsers", api)
	}
	if file != "" && file != "-" {
		fmt.Fprintf(stderr, "exported %d users to %s\n", n, file)
	}
	return awscli.ExitOK
}
