package awscli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/openchime/chime/apispec"
)

// writeOverview is `chime help`: the program's Intro, then every
// operation and the global options.
func (p *Program) writeOverview(w io.Writer) {
	io.WriteString(w, p.Intro)
	fmt.Fprintln(w, "operations:")
	names := make([]string, 0)
	for name := range commands() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, n := range names {
		op := commands()[n]
		fmt.Fprintf(w, "  %-48s %s\n", n, op.Doc)
	}
	fmt.Fprintln(w, "\nThe admin-* operations are this project's extension, not part of the AWS API.")
	fmt.Fprintln(w, "\nglobal options:")
	for _, g := range globalFlags {
		arg := ""
		if g.takes {
			arg = " <value>"
		}
		fmt.Fprintf(w, "  %-32s %s\n", g.name+arg, g.doc)
	}
}

func describeShape(s *apispec.Shape) string {
	switch s.Type {
	case apispec.List:
		return "list of " + describeShape(s.Member)
	case apispec.Structure:
		return "structure"
	}
	return string(s.Type)
}

// writeOperationHelp prints the operation's synopsis and options, drawn
// from the same description the server validates with.
func writeOperationHelp(w io.Writer, op *apispec.Operation) {
	name := op.CommandName()
	fmt.Fprintf(w, "%s\n\n%s\n\nSynopsis\n\n  %s\n", name, op.Doc, name)
	for _, p := range opParams(op) {
		line := p.flag + " <value>"
		if p.member.Shape.Type == apispec.Boolean {
			line = p.flag + " | --no-" + strings.TrimPrefix(p.flag, "--")
		}
		if !p.member.Required {
			line = "[" + line + "]"
		}
		fmt.Fprintf(w, "%s\n", line)
	}
	fmt.Fprintln(w, "[--cli-input-json | --cli-input-yaml]\n[--generate-cli-skeleton <value>]\n[--cli-auto-prompt <value>]")
	if op.Paginator != nil {
		fmt.Fprintln(w, "[--starting-token <value>]\n[--page-size <value>]\n[--max-items <value>]")
	}
	fmt.Fprintln(w, "\nOptions")
	for _, p := range opParams(op) {
		fmt.Fprintf(w, "\n%s (%s)", p.flag, describeShape(p.member.Shape))
		if p.member.Required {
			fmt.Fprint(w, " [required]")
		}
		fmt.Fprintf(w, "\n\n  %s\n", p.member.Doc)
		writeConstraints(w, p.member.Shape, "  ")
		if p.member.Shape.Type == apispec.Structure || (p.member.Shape.Type == apispec.List && p.member.Shape.Member.Type == apispec.Structure) {
			s := p.member.Shape
			if s.Type == apispec.List {
				s = s.Member
			}
			fmt.Fprintln(w, "\n  Shorthand syntax:")
			var parts []string
			for _, m := range s.Members {
				parts = append(parts, m.Name+"="+describeShape(m.Shape))
			}
			fmt.Fprintf(w, "    %s\n", strings.Join(parts, ","))
		}
	}
	fmt.Fprintln(w, "\n--cli-input-json | --cli-input-yaml (string)\n  Reads the arguments from the JSON or YAML given (or file://PATH). Options on the command line override its top-level keys.")
	fmt.Fprintln(w, "\n--generate-cli-skeleton (string)\n  input (the default) or yaml-input prints a sample input without sending a request; output validates the input and prints a sample output.")
	fmt.Fprintln(w, "\n--cli-auto-prompt (boolean)\n  Prompts for the command's parameters before running it.")
	if op.Output != nil && len(op.Output.Members) > 0 {
		fmt.Fprintln(w, "\nOutput")
		writeOutputMembers(w, op.Output, "", 0)
	}
}

func writeConstraints(w io.Writer, s *apispec.Shape, indent string) {
	if s.Type == apispec.List && s.Member.Type != apispec.Structure {
		writeConstraints(w, s.Member, indent)
	}
	var c []string
	if s.HasMin {
		c = append(c, fmt.Sprintf("min: %d", s.Min))
	}
	if s.HasMax {
		c = append(c, fmt.Sprintf("max: %d", s.Max))
	}
	if s.Pattern != "" {
		c = append(c, "pattern: "+s.Pattern)
	}
	if len(c) > 0 {
		fmt.Fprintf(w, "\n%sConstraints: %s\n", indent, strings.Join(c, ", "))
	}
	if len(s.Enum) > 0 {
		fmt.Fprintf(w, "\n%sPossible values:\n", indent)
		for _, e := range s.Enum {
			fmt.Fprintf(w, "%s  - %s\n", indent, e)
		}
	}
}

func writeOutputMembers(w io.Writer, s *apispec.Shape, indent string, depth int) {
	if depth > 6 {
		return
	}
	for _, m := range s.Members {
		fmt.Fprintf(w, "\n%s%s -> (%s)\n%s  %s\n", indent, m.Name, describeShape(m.Shape), indent, m.Doc)
		inner := m.Shape
		if inner.Type == apispec.List {
			inner = inner.Member
		}
		if inner.Type == apispec.Structure {
			writeOutputMembers(w, inner, indent+"  ", depth+1)
		}
	}
}
