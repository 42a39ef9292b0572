package awscli

import (
	"fmt"
	"io"
	"strings"

	"github.com/openchime/chime/apispec"
)

// writeOverview is `chime help`: the program's Intro, then every
// operation and the global options.
func (p *Program) writeOverview(w io.Writer) {
	io.WriteString(w, p.Intro)
	fmt.Fprintln(w, "operations:")
	ops := commands()
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-48s %s\n", n, ops[n].Doc)
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
	fmt.Fprintln(w, "\n`chime <operation> help` shows an operation's manual page, with examples.")
}

// describeShape is a shape's type in a word or two: "list of string".
func describeShape(s *apispec.Shape) string {
	switch s.Type {
	case apispec.List:
		return "list of " + describeShape(s.Member)
	case apispec.Structure:
		return "structure"
	}
	return string(s.Type)
}

// helpOption is one entry of a page's OPTIONS: an operation's member or
// one of the options every operation (or every paginated one) has.
type helpOption struct {
	synopsis string // as the SYNOPSIS lists it, without brackets
	title    string // as OPTIONS heads it: "--disabled | --no-disabled"
	typ      string
	required bool
	member   *apispec.Member // nil for the common options
	doc      string
}

// Descriptions of the options that are not members of the operation.
const (
	cliInputDoc = "Reads the parameters from a JSON document (--cli-input-json) or a YAML one " +
		"(--cli-input-yaml), given inline or as file://PATH. Its keys are the operation's member names, " +
		"as --generate-cli-skeleton prints them. An option given on the command line takes the place of " +
		"the top-level key of the same name. Only one of the two may be given."
	skeletonDoc = "Prints a template instead of calling the server. input (also when no value is given) " +
		"prints the parameters as JSON, ready for --cli-input-json; yaml-input prints them as YAML with a " +
		"comment on each, ready for --cli-input-yaml; output checks the parameters given and prints the " +
		"form of a response, with placeholder values."
	startingTokenDoc = "Where to resume: the NextToken printed at the end of an earlier run of this " +
		"command that --max-items cut short."
	pageSizeDoc = "How many items each call to the server asks for. The command still follows every " +
		"page to the end; a smaller page only means more, smaller calls."
	maxItemsDoc = "The most items to print in all. When more remain, the output ends with a NextToken " +
		"to give to --starting-token."
)

// helpOptions lists the options of an operation's page in the AWS CLI's
// order: the members, --cli-input-json | --cli-input-yaml, the
// pagination options, --generate-cli-skeleton. A paginated operation's
// page token and page limit members are left out, as the AWS CLI leaves
// them out: --starting-token and --page-size stand for them.
func helpOptions(op *apispec.Operation) []helpOption {
	var opts []helpOption
	for _, p := range opParams(op) {
		if pg := op.Paginator; pg != nil && (p.member.Name == pg.InputToken || p.member.Name == pg.LimitKey) {
			continue
		}
		m := p.member
		o := helpOption{synopsis: p.flag + " <value>", title: p.flag, typ: string(m.Shape.Type),
			required: m.Required, member: &m, doc: m.Doc}
		if m.Shape.Type == apispec.Boolean {
			no := "--no-" + strings.TrimPrefix(p.flag, "--")
			o.synopsis = p.flag + " | " + no
			o.title = o.synopsis
		}
		opts = append(opts, o)
	}
	opts = append(opts, helpOption{synopsis: "--cli-input-json | --cli-input-yaml", title: "--cli-input-json | --cli-input-yaml",
		typ: "string", doc: cliInputDoc})
	if op.Paginator != nil {
		opts = append(opts,
			helpOption{synopsis: "--starting-token <value>", title: "--starting-token", typ: "string", doc: startingTokenDoc},
			helpOption{synopsis: "--page-size <value>", title: "--page-size", typ: "integer", doc: pageSizeDoc},
			helpOption{synopsis: "--max-items <value>", title: "--max-items", typ: "integer", doc: maxItemsDoc})
	}
	return append(opts, helpOption{synopsis: "--generate-cli-skeleton <value>", title: "--generate-cli-skeleton",
		typ: "string", doc: skeletonDoc})
}

// operationHelp is an operation's manual page, laid out as AWS CLI v2
// lays out its own: NAME, DESCRIPTION, SYNOPSIS, OPTIONS, GLOBAL OPTIONS,
// EXAMPLES and OUTPUT. bold marks titles and names for a terminal.
func operationHelp(op *apispec.Operation, bold bool) string {
	name := op.CommandName()
	m := &manPage{bold: bold}
	m.header(name)

	m.section("Name")
	m.para(textIndent, name+" - "+op.Doc)

	m.section("Description")
	desc := op.Description
	if desc == "" {
		desc = op.Doc
	}
	for _, p := range strings.Split(desc, "\n\n") {
		m.para(textIndent, p)
	}
	if op.IsExtension() {
		m.para(textIndent, fmt.Sprintf("This operation is this server's own extension, not part of the Amazon Chime API: "+
			"the AWS CLI and the AWS SDKs do not have it. It is also chime admin %s.", strings.TrimPrefix(name, "admin-")))
	}
	binding := op.Method + " " + op.Path
	if op.Query != "" {
		binding += "?" + op.Query
	}
	m.para(textIndent, fmt.Sprintf("HTTP binding: %s, answering %d on success.", binding, op.Status))

	opts := helpOptions(op)
	m.section("Synopsis")
	m.line(subIndent+2, name, true)
	for _, o := range opts {
		if o.required {
			m.line(subIndent, o.synopsis, false)
		} else {
			m.line(subIndent, "["+o.synopsis+"]", false)
		}
	}
	for _, g := range globalFlags {
		s := g.name
		if g.takes {
			s += " <value>"
		}
		m.line(subIndent, "["+s+"]", false)
	}
	m.blank()

	m.section("Options")
	for _, o := range opts {
		writeHelpOption(m, o)
	}

	m.section("Global Options")
	for _, g := range globalFlags {
		m.line(textIndent, fmt.Sprintf("%s (%s)", m.strong(g.name), globalType(g)), false)
		m.blank()
		m.para(textIndent, g.doc)
		if c := globalChoices[g.name]; len(c) > 0 {
			m.bullets(textIndent, c)
		}
	}

	m.section("Examples")
	m.para(textIndent, "Each example runs as written against a development server started just before "+
		"(chime server --dev, which creates the example account 12a3456b-7c89-012d-3456-78901e23fg45), "+
		"with chime on the PATH. Where an example needs an id that the server makes up, it captures it in a "+
		"shell variable with --query and --output text. The ids, timestamps, tokens and PINs you see will differ.")
	writeExamples(m, name)

	m.section("Output")
	if op.Output == nil || len(op.Output.Members) == 0 {
		m.para(textIndent, "None")
	} else {
		for _, mem := range op.Output.Members {
			writeMember(m, textIndent, mem.Name, mem.Shape, mem.Doc, false, 0)
		}
	}
	m.footer(name)
	return m.String()
}

// writeHelpOption writes one option of OPTIONS: its name, type and
// whether it is required, its description, allowed values and bounds,
// the members within it, and how to write its value.
func writeHelpOption(m *manPage, o helpOption) {
	head := fmt.Sprintf("%s (%s)", m.strong(o.title), o.typ)
	if o.required {
		head += " [required]"
	}
	m.line(textIndent, head, false)
	m.para(subIndent, o.doc)
	if o.member == nil {
		return
	}
	s := o.member.Shape
	writeValues(m, subIndent, s)
	switch s.Type {
	case apispec.Structure:
		for _, mem := range s.Members {
			writeMember(m, subIndent, mem.Name, mem.Shape, mem.Doc, mem.Required, 1)
		}
	case apispec.List:
		writeMember(m, subIndent, "", s.Member, "", false, 1)
	}
	if sh := shorthandSyntax(s); sh != "" {
		m.line(textIndent, "Shorthand Syntax:", false)
		m.blank()
		m.code(subIndent, strings.Split(sh, "\n"))
	}
	switch {
	case s.Type == apispec.List && scalarShape(s.Member):
		v := jsonValueName(s.Member, false)
		m.line(textIndent, "Syntax:", false)
		m.blank()
		m.code(subIndent, []string{v + " " + v + " ..."})
	case !scalarShape(s):
		m.line(textIndent, "JSON Syntax:", false)
		m.blank()
		m.code(subIndent, strings.Split(jsonSyntax(s, 0), "\n"))
	}
}

// writeMember documents a member within an option or the output, and the
// members within it: "Name -> (type)", its description, values and
// bounds, each level further in. An element of a list has no name.
func writeMember(m *manPage, indent int, name string, s *apispec.Shape, doc string, required bool, depth int) {
	head := "(" + string(s.Type) + ")"
	if name != "" {
		head = name + " -> " + head
	}
	if required {
		head += " [required]"
	}
	m.line(indent, head, false)
	inner := indent + stepIndent
	if depth == 0 {
		inner = indent + subIndent - textIndent
	}
	if doc != "" {
		m.para(inner, doc)
	} else {
		m.blank()
	}
	writeValues(m, inner, s)
	switch s.Type {
	case apispec.Structure:
		for _, mem := range s.Members {
			writeMember(m, inner, mem.Name, mem.Shape, mem.Doc, mem.Required, depth+1)
		}
	case apispec.List:
		writeMember(m, inner, "", s.Member, "", false, depth+1)
	}
}

// writeValues lists a shape's allowed values and its bounds: the model's
// (min, max, pattern) and this server's own cap where the model has none.
func writeValues(m *manPage, indent int, s *apispec.Shape) {
	if len(s.Enum) > 0 {
		m.line(indent, "Possible values:", false)
		m.blank()
		m.bullets(indent, s.Enum)
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
	if s.Cap > 0 {
		unit := "characters"
		if s.Type == apispec.List {
			unit = "items"
		}
		c = append(c, fmt.Sprintf("max: %d %s (this server's own bound)", s.Cap, unit))
	}
	if len(c) > 0 {
		m.line(indent, "Constraints:", false)
		m.blank()
		m.bullets(indent, c)
	}
}

func scalarShape(s *apispec.Shape) bool {
	return s.Type != apispec.Structure && s.Type != apispec.List
}

// jsonValueName is how JSON Syntax shows a scalar: "string", the allowed
// values of an enumeration ("A"|"B"), true|false, or the type's name.
func jsonValueName(s *apispec.Shape, enums bool) string {
	switch {
	case s.Type == apispec.String && len(s.Enum) > 0 && enums:
		return `"` + strings.Join(s.Enum, `"|"`) + `"`
	case s.Type == apispec.String:
		return `"string"`
	case s.Type == apispec.Boolean:
		return "true|false"
	}
	return string(s.Type)
}

// jsonSyntax is a value's JSON Syntax, two spaces a level, as the AWS
// CLI writes it: a structure's members with their value names, a list of
// scalars on one line, a list of structures as one element and "...".
func jsonSyntax(s *apispec.Shape, depth int) string {
	pad := strings.Repeat("  ", depth)
	switch s.Type {
	case apispec.List:
		if scalarShape(s.Member) {
			return "[" + jsonValueName(s.Member, true) + ", ...]"
		}
		return "[\n" + pad + "  " + jsonSyntax(s.Member, depth+1) + "\n" + pad + "  ...\n" + pad + "]"
	case apispec.Structure:
		if len(s.Members) == 0 {
			return "{}"
		}
		var parts []string
		for _, m := range s.Members {
			parts = append(parts, pad+`  "`+m.Name+`": `+jsonSyntax(m.Shape, depth+1))
		}
		return "{\n" + strings.Join(parts, ",\n") + "\n" + pad + "}"
	}
	return jsonValueName(s, true)
}

// shorthandDepth is how deep the AWS CLI documents shorthand before it
// calls a value too complex for it.
const shorthandDepth = 3

// shorthandSyntax is the Shorthand Syntax of an option's value, as the
// AWS CLI documents it: a structure's members as Name=type, comma
// separated, a nested structure in braces, a list of scalars as
// type,type (in brackets below the first level), and for a list of
// structures one element followed by " ...". It is "" for a value
// shorthand does not cover: a scalar, a list of scalars (written as
// separate words), or a value nested too deep.
func shorthandSyntax(s *apispec.Shape) string {
	switch {
	case s.Type == apispec.Structure:
		doc, ok := shorthandDocs(s, 0)
		if !ok {
			return ""
		}
		return doc
	case s.Type == apispec.List && !scalarShape(s.Member):
		doc, ok := shorthandDocs(s.Member, 0)
		if !ok {
			return ""
		}
		return doc + " ..."
	}
	return ""
}

func shorthandDocs(s *apispec.Shape, depth int) (string, bool) {
	if depth > shorthandDepth {
		return "", false
	}
	switch s.Type {
	case apispec.Structure:
		var parts []string
		for _, m := range s.Members {
			v, ok := shorthandDocs(m.Shape, depth+1)
			if !ok {
				return "", false
			}
			parts = append(parts, m.Name+"="+v)
		}
		inner := strings.Join(parts, ",")
		if depth == 0 {
			return inner, true
		}
		return "{" + inner + "}", true
	case apispec.List:
		e, ok := shorthandDocs(s.Member, depth+1)
		if !ok {
			return "", false
		}
		if !scalarShape(s.Member) || depth > 1 {
			return "[" + e + "," + e + "]", true
		}
		return e + "," + e, true
	}
	return string(s.Type), true
}

// globalType is a global option's type as the GLOBAL OPTIONS list it.
func globalType(g globalFlag) string {
	switch {
	case !g.takes:
		return "boolean"
	case g.name == "--cli-read-timeout" || g.name == "--cli-connect-timeout":
		return "int"
	}
	return "string"
}

// globalChoices are the values of the global options that take one of a
// list; a test checks each against the option's own check.
var globalChoices = map[string][]string{
	"--output":            {"json", "text", "table", "yaml", "yaml-stream", "off"},
	"--color":             {"on", "off", "auto"},
	"--cli-binary-format": {"base64", "raw-in-base64-out"},
}
