package awscli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/internal/randid"
)

// runOperation runs `chime <operation> ...`.
//
// all is the whole command line, which the auto-prompt starts from.
func (p *Program) runOperation(ctx context.Context, op *apispec.Operation, g *globals, args, all []string) int {
	inv, err := parseInvocation(op, g, args)
	var ce *configError
	if errors.As(err, &ce) {
		PrintError(p.Stderr, err.Error())
		return ce.code()
	}
	if err != nil {
		return paramFailure(p.errorStream(p.Stderr, g), err, true)
	}
	g.conf = p.loadProfile(g)
	if g.help {
		return p.showOperationHelp(g, op)
	}
	if g.autoPrompt && g.noAutoPrompt {
		return paramFailure(p.errorStream(p.Stderr, g), errors.New("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time."), false)
	}
	switch p.promptMode(g) {
	case "on":
		return p.runPrompted(ctx, op, all)
	case "on-partial":
		var quiet strings.Builder
		code := p.execute(ctx, inv, p.errorStream(&quiet, g))
		if code != ExitParamError {
			io.WriteString(p.Stderr, quiet.String())
			return code
		}
		return p.runPrompted(ctx, op, all)
	}
	return p.execute(ctx, inv, p.errorStream(p.Stderr, g))
}

// promptMode resolves the auto-prompt setting: the flags, then
// AWS_CLI_AUTO_PROMPT, then the profile's cli_auto_prompt.
func (p *Program) promptMode(g *globals) string {
	switch {
	case g.help || g.noAutoPrompt:
		return "off"
	case g.autoPrompt:
		return "on"
	}
	switch v := strings.ToLower(p.lookup(g.conf, "AWS_CLI_AUTO_PROMPT", "cli_auto_prompt")); v {
	case "on", "on-partial":
		return v
	}
	return "off"
}

// execute runs a parsed invocation; its errors go to stderr.
func (p *Program) execute(ctx context.Context, inv *invocation, stderr io.Writer) int {
	op, g := inv.op, inv.g
	switch inv.skeleton {
	case "input":
		var b strings.Builder
		writePyJSON(&b, inputSkeleton(op.InputShape()), 0)
		fmt.Fprintln(p.Stdout, b.String())
		return ExitOK
	case "yaml-input":
		out, err := yamlInputSkeleton(op.InputShape())
		if err != nil {
			PrintError(stderr, err.Error())
			return ExitGeneralError
		}
		io.WriteString(p.Stdout, out)
		return ExitOK
	}
	if missing := inv.missingRequired(); len(missing) > 0 {
		return paramFailure(stderr, fmt.Errorf("the following arguments are required: %s", strings.Join(missing, ", ")), true)
	}
	timestamps, err := p.timestampFormat(g.conf)
	if err == nil {
		inv.wireTimestamps = timestamps == "wire"
	}
	format := ""
	if err == nil {
		format, err = g.outputFormat(&p.Env)
	}
	var cfe *configError
	if errors.As(err, &cfe) {
		return cfe.report(stderr)
	}
	doc, err := inv.document(&p.Env)
	paginate := false
	if err == nil {
		fillIdempotencyTokens(op, doc)
		if paginate, err = inv.paginates(doc); err == nil {
			err = validateInput(op.InputShape(), doc)
		}
	}
	var ge *generalError
	if errors.As(err, &ge) {
		PrintError(stderr, err.Error())
		return ExitGeneralError
	}
	if err != nil {
		return paramFailure(stderr, err, false)
	}
	res := &result{}
	if inv.skeleton == "output" {
		if op.Output != nil {
			res.doc = outputSkeleton(op.Output, op.Output.Name)
			// botocore's stubber validates the fabricated response against
			// the output shape as it would an input: a member whose
			// minimum is above the skeleton's 0 fails.
			if err := validateInput(op.Output, skeletonDocument(res.doc).(map[string]any)); err != nil {
				return paramFailure(stderr, err, false)
			}
		} else {
			res.doc = newObject()
		}
	} else {
		api, err := p.connect(ctx, g)
		if err != nil {
			if errors.As(err, &cfe) {
				return cfe.report(stderr)
			}
			return paramFailure(stderr, err, false)
		}
		res, err = inv.execute(ctx, api, doc, paginate)
		var pe *paramError
		if errors.As(err, &pe) && ctx.Err() == nil {
			return paramFailure(stderr, err, false)
		}
		if err != nil {
			return callFailure(ctx, stderr, err, op.Name, api)
		}
	}
	whole, stream, err := outputDocuments(g.query, format, op, res)
	if err != nil {
		if len(stream) > 0 {
			// The AWS CLI has printed the pages before the one that failed.
			p.writeOutput(g, format, op.Name, nil, stream)
		}
		var qe *queryError
		if errors.As(err, &qe) {
			PrintError(stderr, err.Error())
			return ExitGeneralError
		}
		return paramFailure(stderr, err, false)
	}
	return p.writeOutput(g, format, op.Name, whole, stream)
}

// outputDocuments applies the query to what the AWS CLI's formatters
// print: the whole response (json, table, yaml), and for a paginated call
// each page (yaml-stream), or each page's items then the resume token as
// {"NextToken": {"NextToken": token}} (text). stream is nil for a call
// that is not paginated. When the query fails on one of them, stream
// holds those before it.
func outputDocuments(query, format string, op *apispec.Operation, res *result) (any, []any, error) {
	var stream []any
	if res.pages != nil {
		switch format {
		case "yaml-stream":
			for _, pg := range res.pages {
				stream = append(stream, pg)
			}
		case "text":
			key := op.Paginator.ResultKey
			for _, pg := range res.pages {
				items, _ := pg.get(key)
				current := newObject()
				current.set(key, items)
				stream = append(stream, current)
			}
			if res.resume != "" {
				token := newObject()
				token.set("NextToken", res.resume)
				wrapped := newObject()
				wrapped.set("NextToken", token)
				stream = append(stream, wrapped)
			}
		}
	}
	for i, d := range stream {
		q, err := applyQuery(query, op, d)
		if err != nil {
			return nil, stream[:i], err
		}
		stream[i] = q
	}
	whole, err := applyQuery(query, op, res.doc)
	return whole, stream, err
}

// writeOutput renders the result, through a pager when stdout is a terminal.
func (p *Program) writeOutput(g *globals, format, title string, result any, stream []any) int {
	color := g.color == "on" || (g.color == "auto" && p.StdoutIsTerminal)
	var b strings.Builder
	if err := render(&b, format, title, result, stream, color); err != nil {
		io.WriteString(p.Stdout, b.String())
		PrintError(p.Stderr, err.Error())
		return ExitGeneralError
	}
	if b.Len() == 0 {
		return ExitOK
	}
	if pager := p.pagerCommand(g, "less"); pager != "" && p.page(pager, b.String(), "FRX") {
		return ExitOK
	}
	io.WriteString(p.Stdout, b.String())
	return ExitOK
}

// page shows text through the pager command; less reads LESS, set to the
// given flags when the environment has none ("": left unset). It reports
// false when the pager could not run, and the caller writes the text
// itself.
func (p *Program) page(pager, text, less string) bool {
	cmd := exec.Command("/bin/sh", "-c", pager)
	cmd.Dir = p.Dir
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = p.Stdout, p.Stderr
	cmd.Env = append([]string{}, p.Environ...)
	if less != "" && p.getenv("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS="+less)
	}
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		// The pager ran: what it showed is shown, whatever its status
		// (the AWS CLI ignores it too), and writing the text again
		// would show it twice. Only the shell's 126 and 127, a pager it
		// could not run or find, mean nothing was.
		return exit.ExitCode() != 126 && exit.ExitCode() != 127
	}
	return err == nil
}

// pagerCommand is AWS_PAGER, then the profile's cli_pager, then PAGER,
// then fallback (a less command line) when less is installed; only on a
// terminal.
func (p *Program) pagerCommand(g *globals, fallback string) string {
	if !p.StdoutIsTerminal || g.noCLIPager {
		return ""
	}
	if v, ok := p.lookupEnv("AWS_PAGER"); ok {
		return v
	}
	if v, ok := g.conf.values["cli_pager"]; ok {
		return v
	}
	if v, ok := p.lookupEnv("PAGER"); ok {
		return v
	}
	if p.onPath("less") {
		return fallback
	}
	return ""
}

// onPath reports whether a directory of the Env's PATH holds an
// executable file name.
func (p *Program) onPath(name string) bool {
	for _, dir := range filepath.SplitList(p.getenv("PATH")) {
		if !filepath.IsAbs(dir) {
			continue // as exec.LookPath: never a program of the working directory
		}
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return true
		}
	}
	return false
}

// fillIdempotencyTokens gives each idempotency token the caller left out a
// fresh UUID, as the AWS CLI does, so that a retried request is the same
// request.
func fillIdempotencyTokens(op *apispec.Operation, doc map[string]any) {
	for _, m := range op.InputShape().Members {
		if _, ok := doc[m.Name]; m.IdempotencyToken && !ok {
			doc[m.Name] = randid.UUID()
		}
	}
}
