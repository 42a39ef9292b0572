package awscli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/openchime/chime/apispec"
)

// The auto-prompt: an editable command line pre-filled with what was typed,
// a menu of the operation's parameters (required first, with type,
// description and allowed values) that completes the word under the
// cursor, and on Enter the final command printed and run.

type promptModel struct {
	op       *apispec.Operation
	input    textinput.Model
	choices  []choice
	selected int
	done     bool
	aborted  bool
	width    int
}

// choice is one completion: the text it inserts and what the menu shows.
type choice struct {
	insert string
	label  string
	doc    string
}

func newPromptModel(op *apispec.Operation, line string) promptModel {
	ti := textinput.New()
	ti.Prompt = "> chime "
	ti.SetValue(line)
	ti.CursorEnd()
	ti.Focus()
	m := promptModel{op: op, input: ti, width: 100}
	m.choices = m.complete()
	return m
}

func (m promptModel) Init() tea.Cmd { return textinput.Blink }

func (m promptModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = msg.Width
	case tea.KeyMsg:
		switch msg.Type {
		case tea.KeyCtrlC, tea.KeyCtrlD:
			m.aborted = true
			return m, tea.Quit
		case tea.KeyEnter:
			m.done = true
			return m, tea.Quit
		case tea.KeyUp:
			if m.selected > 0 {
				m.selected--
			}
			return m, nil
		case tea.KeyDown:
			if m.selected < len(m.choices)-1 {
				m.selected++
			}
			return m, nil
		case tea.KeyTab:
			if len(m.choices) > 0 {
				m.accept(m.choices[m.selected])
			}
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.choices = m.complete()
	if m.selected >= len(m.choices) {
		m.selected = 0
	}
	return m, cmd
}

// accept replaces the word under the cursor with the choice.
func (m *promptModel) accept(c choice) {
	v := m.input.Value()
	cut := strings.LastIndexAny(v, " ") + 1
	m.input.SetValue(v[:cut] + c.insert + " ")
	m.input.CursorEnd()
	m.choices = m.complete()
	m.selected = 0
}

// complete lists what may follow: the allowed values of an enum option
// whose value is being typed, else the options not yet given.
func (m promptModel) complete() []choice {
	words := strings.Fields(m.input.Value())
	current := ""
	if v := m.input.Value(); v != "" && !strings.HasSuffix(v, " ") && len(words) > 0 {
		current, words = words[len(words)-1], words[:len(words)-1]
	}
	params := opParams(m.op)
	if len(words) > 0 {
		for _, p := range params {
			if words[len(words)-1] == p.flag && len(p.member.Shape.Enum) > 0 {
				var out []choice
				for _, e := range p.member.Shape.Enum {
					if strings.HasPrefix(e, current) {
						out = append(out, choice{insert: e, label: e, doc: "allowed value of " + p.flag})
					}
				}
				return out
			}
		}
	}
	given := map[string]bool{}
	for _, w := range words {
		given[w] = true
	}
	var out []choice
	for _, p := range params {
		if given[p.flag] || !strings.HasPrefix(p.flag, current) || (current != "" && !strings.HasPrefix(current, "-")) {
			continue
		}
		label := p.flag
		if p.member.Required {
			label += " (required)"
		}
		doc := fmt.Sprintf("[%s] %s", describeShape(p.member.Shape), p.member.Doc)
		if len(p.member.Shape.Enum) > 0 {
			doc += " Allowed: " + strings.Join(p.member.Shape.Enum, ", ") + "."
		}
		out = append(out, choice{insert: p.flag, label: label, doc: doc})
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.HasSuffix(out[i].label, "(required)") && !strings.HasSuffix(out[j].label, "(required)")
	})
	return out
}

func (m promptModel) View() string {
	if m.done || m.aborted {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.input.View() + "\n")
	for i, c := range m.choices {
		marker := "  "
		if i == m.selected {
			marker = "> "
		}
		line := fmt.Sprintf("%s%-32s %s", marker, c.label, c.doc)
		if m.width > 4 && len(line) > m.width-1 {
			line = line[:m.width-1]
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n[TAB] complete  [UP/DOWN] choose  [ENTER] run  [CTRL+C] cancel\n")
	return b.String()
}

// runPrompted shows the prompt pre-filled with the command line as typed
// (less the prompt's own flag), then runs the line the user settles on.
func (p *Program) runPrompted(ctx context.Context, op *apispec.Operation, all []string) int {
	var kept []string
	for _, a := range all {
		if a != "--cli-auto-prompt" {
			kept = append(kept, a)
		}
	}
	line := joinArgs(kept) + " "
	in, ok := p.Stdin.(*os.File)
	if !ok || in == nil {
		PrintError(p.Stderr, "--cli-auto-prompt needs a terminal on standard input")
		return ExitGeneralError
	}
	prog := tea.NewProgram(newPromptModel(op, line), tea.WithInput(in), tea.WithOutput(p.Stdout), tea.WithContext(ctx),
		tea.WithEnvironment(append([]string{}, p.Environ...)))
	final, err := prog.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		PrintError(p.Stderr, err.Error())
		return ExitGeneralError
	}
	m := final.(promptModel)
	text := strings.TrimSpace(m.input.Value())
	words, err := splitWords(text)
	if err == nil {
		text = joinArgs(words)
	}
	if m.aborted || ctx.Err() != nil {
		fmt.Fprintf(p.Stderr, "> chime %s\n", text)
		return ExitInterrupted
	}
	fmt.Fprintf(p.Stdout, "> chime %s\n", text)
	if err != nil {
		return paramFailure(p.Stderr, err, false)
	}
	words = append(words, "--no-cli-auto-prompt")
	if p.Dispatch != nil {
		return p.Dispatch(ctx, words)
	}
	return p.Run(ctx, words)
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
