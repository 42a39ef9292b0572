package awscli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/openchime/chime/apispec"
)

// The auto-prompt, as AWS CLI v2 has it (--cli-auto-prompt, the profile's
// cli_auto_prompt, AWS_CLI_AUTO_PROMPT): a full-screen editor of the
// command line, pre-filled with what was typed, with a menu of what may
// come next (operations, options, values), the operation's documentation
// and a sketch of its output in panels. Enter prints `> chime <line>` and
// runs the line; Ctrl+C prints it on standard error and exits 130.
// prompt_complete.go works out the menu, prompt_model.go edits and draws,
// prompt_term.go runs it on the terminal.

// runPrompted shows the prompt pre-filled with the command line as typed
// (less the prompt's own flag), then runs the line the user settles on.
// op is nil when the command line names no operation.
func (p *Program) runPrompted(ctx context.Context, op *apispec.Operation, all []string) int {
	var kept []string
	for _, a := range all {
		if a != "--cli-auto-prompt" {
			kept = append(kept, a)
		}
	}
	in, _ := p.Stdin.(*os.File)
	if !isTerminal(in) {
		PrintError(p.Stderr, "--cli-auto-prompt needs a terminal on standard input")
		return ExitGeneralError
	}
	// The prompt draws where the command's output would go, or failing
	// a terminal there, where its errors would.
	out, _ := p.Stdout.(*os.File)
	if !isTerminal(out) {
		out, _ = p.Stderr.(*os.File)
		if !isTerminal(out) {
			out = nil
		}
	}
	if out == nil {
		PrintError(p.Stderr, "--cli-auto-prompt needs a terminal to draw on")
		return ExitGeneralError
	}
	g := defaultGlobals()
	if _, _, parsed, err := splitCommand(all); err == nil {
		g = parsed
	}
	g.conf = p.loadProfile(g)
	m := newPromptModel(p.promptSource(), p.initialPromptLine(kept), p.promptDocs(), p.promptOutput(g))
	if err := runTerminal(ctx, m, in, out); err != nil {
		PrintError(p.Stderr, err.Error())
		return ExitGeneralError
	}
	text := m.line()
	if m.aborted {
		fmt.Fprintf(p.Stderr, "> chime %s\n", text)
		return ExitInterrupted
	}
	fmt.Fprintf(p.Stdout, "> chime %s\n", text)
	words, err := splitWords(text)
	if err != nil {
		return paramFailure(p.Stderr, err, false)
	}
	words = append(words, "--no-cli-auto-prompt")
	if p.Dispatch != nil {
		return p.Dispatch(ctx, words)
	}
	return p.Run(ctx, words)
}

// promptWithoutOperation opens the prompt for a command line that names
// no operation, or one chime does not know, when the prompt is on (or
// on-partial, since such a line cannot run): it starts from the
// operations. ok is false when the prompt is off.
func (p *Program) promptWithoutOperation(ctx context.Context, g *globals, args []string) (int, bool) {
	if g.autoPrompt && g.noAutoPrompt {
		return paramFailure(p.Stderr, errors.New("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time."), false), true
	}
	g.conf = p.loadProfile(g)
	if p.promptMode(g) == "off" {
		return 0, false
	}
	return p.runPrompted(ctx, nil, args), true
}

// initialPromptLine is the command line the prompt starts from: the words
// as typed, quoted for a shell, and a space after them unless the last
// word may still be completed (a partial operation name), so that the
// menu opens on what comes next.
func (p *Program) initialPromptLine(args []string) string {
	line := joinArgs(args)
	if line == "" || len(promptSource{}.completions(line)) > 0 {
		return line
	}
	return line + " "
}

// promptSource gathers what completions need from the environment: the
// profiles of the shared config and credentials files.
func (p *Program) promptSource() promptSource {
	seen := map[string]bool{}
	var names []string
	for _, section := range sortedSections(readINI(p.awsFile("AWS_CONFIG_FILE", "config"))) {
		name, isProfile := strings.CutPrefix(section, "profile ")
		if (isProfile || section == "default") && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	for _, name := range sortedSections(readINI(p.awsFile("AWS_SHARED_CREDENTIALS_FILE", "credentials"))) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return promptSource{profiles: names}
}

func sortedSections(m map[string]map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// promptDocs gives the documentation panel's text: the operation's help
// from its description on, or the overview when there is no operation.
func (p *Program) promptDocs() func(*apispec.Operation) string {
	cache := map[*apispec.Operation]string{}
	return func(op *apispec.Operation) string {
		if t, ok := cache[op]; ok {
			return t
		}
		var b strings.Builder
		if op == nil {
			p.writeOverview(&b)
		} else {
			b.WriteString(operationHelp(op, false))
		}
		t := b.String()
		if i := strings.Index(t, "DESCRIPTION\n"); i >= 0 {
			t = t[i+len("DESCRIPTION\n"):]
		}
		cache[op] = t
		return t
	}
}

// promptOutput gives the output panel's text: the operation's output
// skeleton as the line's --output (or the configured format) prints it,
// through the line's --query.
func (p *Program) promptOutput(g *globals) func(string) string {
	format, err := g.outputFormat(&p.Env)
	if err != nil {
		format = "json"
	}
	return func(line string) string {
		op := parsePromptLine(line + " ").op
		if op == nil || op.Output == nil || len(op.Output.Members) == 0 {
			return "No output"
		}
		words, err := splitWords(line)
		if err != nil {
			words = strings.Fields(line)
		}
		f, query := format, ""
		for i := 0; i+1 < len(words); i++ {
			switch words[i] {
			case "--output":
				if slices.Contains(promptGlobalChoices["--output"], words[i+1]) {
					f = words[i+1]
				}
			case "--query":
				query = words[i+1]
			}
		}
		doc := outputSkeleton(op.Output, op.Output.Name)
		if query != "" {
			// A query being typed is read up to its last complete part.
			if i := strings.LastIndexAny(query, "[{"); i >= 0 && !strings.ContainsAny(query[i:], "]}") {
				query = query[:i]
			}
			query = strings.Trim(query, ".")
		}
		if query != "" {
			q, err := applyQuery(query, op, doc)
			if err != nil {
				return "Bad value for --query: " + query + "\n\n" + err.Error()
			}
			doc = q
		}
		var b strings.Builder
		if err := render(&b, f, op.Name, doc, nil, false); err != nil {
			return err.Error()
		}
		return strings.ReplaceAll(b.String(), "\t", "  ")
	}
}

func joinArgs(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t'\"\\$`") {
			quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		} else {
			quoted[i] = a
		}
	}
	return strings.Join(quoted, " ")
}

// splitWords splits a command line as a POSIX shell would for quotes and
// backslashes (no expansions).
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated single quote in the command line")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New("unterminated double quote in the command line")
			}
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
