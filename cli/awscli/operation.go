package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/openchime/chime/apispec"
)

const usageLines = `usage: chime [options] <command> [parameters]
To see help text, you can run:

  chime help
  chime <command> help`

// printError writes an error as AWS CLI v2 does: a blank line, then the
// program's [ERROR] prefix.
func printError(w io.Writer, msg string) {
	fmt.Fprintf(w, "\nchime: [ERROR]: %s\n", strings.TrimSpace(msg))
}

func paramFailure(w io.Writer, err error, withUsage bool) int {
	msg := "An error occurred (ParamValidation): " + err.Error()
	if withUsage {
		msg += "\n\n" + usageLines
	}
	printError(w, msg)
	return exitParamError
}

// runOperation runs `chime <operation> ...`.
//
// all is the whole command line, which the auto-prompt starts from.
func runOperation(ctx context.Context, op *apispec.Operation, g *globals, args, all []string, stdin io.Reader, stdout, stderr io.Writer) int {
	inv, err := parseInvocation(op, g, args)
	if err != nil {
		return paramFailure(stderr, err, true)
	}
	if g.help {
		writeOperationHelp(stdout, op)
		return exitOK
	}
	if g.autoPrompt && g.noAutoPrompt {
		return paramFailure(stderr, errors.New("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time."), false)
	}
	switch promptMode(g) {
	case "on":
		return runPrompted(ctx, op, all, stdin, stdout, stderr)
	case "on-partial":
		var quiet strings.Builder
		code := execute(ctx, inv, stdout, &quiet)
		if code != exitParamError {
			io.WriteString(stderr, quiet.String())
			return code
		}
		return runPrompted(ctx, op, all, stdin, stdout, stderr)
	}
	return execute(ctx, inv, stdout, stderr)
}

// promptMode resolves the auto-prompt setting: the flags, then
// AWS_CLI_AUTO_PROMPT.
func promptMode(g *globals) string {
	switch {
	case g.help || g.noAutoPrompt:
		return "off"
	case g.autoPrompt:
		return "on"
	}
	switch v := strings.ToLower(os.Getenv("AWS_CLI_AUTO_PROMPT")); v {
	case "on", "on-partial":
		return v
	}
	return "off"
}

func execute(ctx context.Context, inv *invocation, stdout, stderr io.Writer) int {
	op, g := inv.op, inv.g
	switch inv.skeleton {
	case "input":
		var b strings.Builder
		writePyJSON(&b, inputSkeleton(op.Input, 0), 0)
		fmt.Fprintln(stdout, b.String())
		return exitOK
	case "yaml-input":
		out, err := yamlInputSkeleton(op.Input)
		if err != nil {
			printError(stderr, err.Error())
			return exitGeneralError
		}
		io.WriteString(stdout, out)
		return exitOK
	}
	if missing := inv.missingRequired(); len(missing) > 0 {
		return paramFailure(stderr, fmt.Errorf("the following arguments are required: %s", strings.Join(missing, ", ")), true)
	}
	format, err := g.outputFormat()
	if err != nil {
		return paramFailure(stderr, err, false)
	}
	doc, err := inv.document()
	if err == nil {
		err = validateInput(op.Input, doc)
	}
	if err != nil {
		return paramFailure(stderr, err, false)
	}
	var result any
	var pages []any
	if inv.skeleton == "output" {
		if op.Output != nil {
			result = outputSkeleton(op.Output, op.Output.Name, 0)
		} else {
			result = newObject()
		}
	} else {
		conn, err := connect(ctx, g)
		if err != nil {
			var ce *configError
			if errors.As(err, &ce) {
				printError(stderr, err.Error())
				return exitConfigError
			}
			return paramFailure(stderr, err, false)
		}
		c := &caller{conn: conn}
		if g.debug {
			c.debug = stderr
		}
		var svcErr *serviceError
		result, pages, svcErr, err = inv.execute(ctx, c, doc)
		switch {
		case ctx.Err() != nil:
			return exitInterrupted
		case err != nil:
			var pe *paramError
			if errors.As(err, &pe) {
				return paramFailure(stderr, err, false)
			}
			printError(stderr, err.Error())
			return exitGeneralError
		case svcErr != nil:
			retries := ""
			if svcErr.Retries > 0 {
				retries = fmt.Sprintf(" (reached max retries: %d)", svcErr.Retries)
			}
			printError(stderr, fmt.Sprintf("An error occurred (%s) when calling the %s operation%s: %s", svcErr.Code, op.Name, retries, svcErr.Message))
			return exitServiceError
		}
	}
	if o, ok := result.(*object); ok && o.len() == 0 {
		return exitOK // empty outputs print nothing, whatever the query
	}
	result, err = applyQuery(g.query, op, result)
	if err != nil {
		return paramFailure(stderr, err, false)
	}
	if g.query != "" && pages != nil {
		for i, p := range pages {
			if pages[i], err = applyQuery(g.query, op, p); err != nil {
				return paramFailure(stderr, err, false)
			}
		}
	}
	if format == "yaml-stream" && pages == nil {
		pages = []any{result}
	}
	return writeOutput(stdout, g, format, op.Name, result, pages)
}

// writeOutput renders the result, through a pager when stdout is a terminal.
func writeOutput(stdout io.Writer, g *globals, format, title string, result any, pages []any) int {
	tty := false
	if f, ok := stdout.(*os.File); ok {
		tty = isatty.IsTerminal(f.Fd())
	}
	color := g.color == "on" || (g.color == "auto" && tty)
	var b strings.Builder
	if err := render(&b, format, title, result, pages, color); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return exitGeneralError
	}
	if b.Len() == 0 {
		return exitOK
	}
	if pager := pagerCommand(g, tty); pager != "" {
		cmd := exec.Command("sh", "-c", pager)
		cmd.Stdin = strings.NewReader(b.String())
		cmd.Stdout, cmd.Stderr = stdout, os.Stderr
		cmd.Env = os.Environ()
		if os.Getenv("LESS") == "" {
			cmd.Env = append(cmd.Env, "LESS=FRX")
		}
		if err := cmd.Run(); err == nil {
			return exitOK
		}
	}
	io.WriteString(stdout, b.String())
	return exitOK
}

// pagerCommand is AWS_PAGER, then PAGER, then less; only on a terminal.
func pagerCommand(g *globals, tty bool) string {
	if !tty || g.noCLIPager {
		return ""
	}
	if v, ok := os.LookupEnv("AWS_PAGER"); ok {
		return v
	}
	if v, ok := os.LookupEnv("PAGER"); ok {
		return v
	}
	if _, err := exec.LookPath("less"); err == nil {
		return "less"
	}
	return ""
}
