package awscli

import (
	"sort"
	"strings"
	"unicode"

	"github.com/openchime/chime/apispec"
)

// The auto-prompt's completions, worked out as AWS CLI v2 works them out
// for `aws chime ...`: the command line before the cursor is parsed
// leniently (the option being typed, the option whose value is being
// typed, what was given already), then the first source with something
// to say answers: profile names, the options, or an option's values.

// choice is one completion: the word it puts in place of the fragment
// before the cursor, what the menu shows, and the description beside it.
type choice struct {
	insert   string
	label    string
	meta     string
	required bool
}

// promptSource is what completions draw on besides the operations.
type promptSource struct {
	// profiles are the profile names of the shared config and
	// credentials files, for --profile.
	profiles []string
}

// promptParse is what the lenient parse of the line before the cursor
// found.
type promptParse struct {
	op *apispec.Operation // the operation, once its name is complete
	// param is the option whose value is being typed ("" when none).
	param string
	// fragment is the word under the cursor; hasFragment is false when
	// the cursor follows a complete word with no space after it.
	fragment    string
	hasFragment bool
	// given are the options already on the line, without their dashes.
	given map[string]bool
	// unparsed are words the parse did not understand.
	unparsed []string
}

// promptOption is one option the prompt may offer.
type promptOption struct {
	name     string // with its dashes
	typ      string
	doc      string
	required bool
	// flag is an option that takes no value.
	flag bool
	// list takes several values, as a list member does.
	list   bool
	member *apispec.Member
}

// Options of the prompt that belong to no member: the AWS CLI's
// descriptions are its own, these are ours.
var promptExtraDocs = map[string]string{
	"--cli-input-json":        "Read the parameters from a JSON document (text or file://PATH) shaped as --generate-cli-skeleton input prints; options on the command line override its top-level keys.",
	"--cli-input-yaml":        "Read the parameters from a YAML document (text or file://PATH) shaped as --generate-cli-skeleton yaml-input prints; options on the command line override its top-level keys.",
	"--starting-token":        "Where to resume: the NextToken of an earlier truncated result.",
	"--page-size":             "How many items each call asks the server for; all items are still fetched.",
	"--max-items":             "The most items to print in all; a NextToken then says where to resume.",
	"--generate-cli-skeleton": "Print a skeleton instead of calling the server: input (JSON, the default), yaml-input, or output.",
}

// promptOptionTypes are the types of the options that belong to no
// member, as the AWS CLI describes them.
var promptOptionTypes = map[string]string{
	"--page-size": "integer",
	"--max-items": "integer",
}

// promptGlobalChoices are the values of the global options that take one
// of a few; a test checks them against what each option accepts.
var promptGlobalChoices = map[string][]string{
	"--output":            {"json", "text", "table", "yaml", "yaml-stream", "off"},
	"--color":             {"on", "off", "auto"},
	"--cli-binary-format": {"base64", "raw-in-base64-out"},
	"--cli-error-format":  errorFormats,
}

// operationOptions are an operation's options in the AWS CLI's order:
// the members (a boolean's --no- form after it), the input document
// options, the pagination options, the skeleton.
func operationOptions(op *apispec.Operation) []promptOption {
	members := map[string]*apispec.Member{}
	for _, p := range opParams(op) {
		m := p.member
		members[p.flag] = &m
		if m.Shape.Type == apispec.Boolean {
			members["--no-"+strings.TrimPrefix(p.flag, "--")] = &m
		}
	}
	var out []promptOption
	for _, name := range opOptions(op) {
		o := promptOption{name: name, typ: "string"}
		if m := members[name]; m != nil {
			o.member = m
			o.typ = string(m.Shape.Type)
			o.doc = m.Doc
			o.flag = m.Shape.Type == apispec.Boolean
			o.list = m.Shape.Type == apispec.List
			// A boolean's --no- form is never required.
			o.required = m.Required && !strings.HasPrefix(name, "--no-")
			if len(m.Shape.Enum) > 0 {
				o.doc += " Allowed: " + strings.Join(m.Shape.Enum, ", ") + "."
			}
		} else {
			o.doc = promptExtraDocs[name]
			if t := promptOptionTypes[name]; t != "" {
				o.typ = t
			}
		}
		out = append(out, o)
	}
	return out
}

// globalOptions are the global options the prompt offers: all but
// --help, which the AWS CLI's parser does not know, and the prompt's own
// switches, which it leaves out.
func globalOptions() []promptOption {
	var out []promptOption
	for _, g := range globalFlags {
		switch g.name {
		case "--help", "--cli-auto-prompt", "--no-cli-auto-prompt":
			continue
		}
		typ := "string"
		if !g.takes {
			typ = "boolean"
		} else if g.name == "--cli-read-timeout" || g.name == "--cli-connect-timeout" {
			typ = "int"
		}
		out = append(out, promptOption{name: g.name, typ: typ, doc: g.doc, flag: !g.takes})
	}
	return out
}

func findOption(opts []promptOption, name string) *promptOption {
	for i := range opts {
		if opts[i].name == name {
			return &opts[i]
		}
	}
	return nil
}

// parsePromptLine parses the words before the cursor as the AWS CLI's
// completion parser does: an option's value is taken only once a word
// follows it, so that the cursor right after `--account-id ` is in that
// option's value.
func parsePromptLine(before string) promptParse {
	parsed := promptParse{given: map[string]bool{}}
	words := strings.Fields(before)
	if before != "" && unicode.IsSpace(rune(before[len(before)-1])) || before == "" {
		words = append(words, "") // the cursor starts a new word
	}
	globals := globalOptions()
	var opts []promptOption
	ops := commands()
	for len(words) > 0 {
		w := words[0]
		words = words[1:]
		last := len(words) == 0
		if strings.HasPrefix(w, "--") {
			o := findOption(globals, w)
			if o == nil && parsed.op != nil {
				o = findOption(opts, w)
			}
			if o == nil && (w == "--cli-auto-prompt" || w == "--no-cli-auto-prompt") {
				o = &promptOption{name: w, flag: true}
			}
			switch {
			case o != nil:
				parsed.given[strings.TrimLeft(w, "-")] = true
				parsed.param = ""
				if o.flag {
					continue
				}
				parsed.param = w
				switch {
				case len(words) <= 1:
					// The value is being typed, or is yet to come.
				case o.list:
					for len(words) > 1 && !strings.HasPrefix(words[0], "--") {
						words = words[1:]
					}
					if strings.HasPrefix(words[0], "--") {
						parsed.param = ""
					}
				case o.name == "--generate-cli-skeleton":
					if !strings.HasPrefix(words[0], "--") {
						words = words[1:]
						parsed.param = ""
					}
				default:
					words = words[1:]
					parsed.param = ""
				}
			case last:
				parsed.fragment, parsed.hasFragment = w, true
			default:
				parsed.unparsed = append(parsed.unparsed, w)
			}
			continue
		}
		if parsed.op == nil && parsed.param == "" {
			// An operation name counts once it is followed by more, or
			// when no longer name begins with it.
			if op, ok := ops[w]; ok && (!last || !isPrefixOfOther(w, ops)) {
				parsed.op = op
				opts = operationOptions(op)
				continue
			}
		}
		if last {
			parsed.fragment, parsed.hasFragment = w, true
		} else {
			parsed.unparsed = append(parsed.unparsed, w)
		}
	}
	return parsed
}

func isPrefixOfOther(name string, ops map[string]*apispec.Operation) bool {
	for other := range ops {
		if other != name && strings.HasPrefix(other, name) {
			return true
		}
	}
	return false
}

// completions lists what may replace the fragment before the cursor, in
// the order the menu shows them.
func (src promptSource) completions(before string) []choice {
	parsed := parsePromptLine(before)
	out := src.complete(parsed)
	// Required options first, the rest in their order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].required && !out[j].required })
	return out
}

func (src promptSource) complete(parsed promptParse) []choice {
	if !parsed.hasFragment {
		return nil
	}
	frag := parsed.fragment
	switch parsed.param {
	case "--region":
		// The AWS CLI offers the regions its endpoint data lists for
		// the service, and it lists none for Chime.
		return nil
	case "--profile":
		var out []choice
		for _, p := range src.profiles {
			out = append(out, choice{insert: p, label: p})
		}
		return fuzzyFilter(frag, out)
	}
	if len(parsed.unparsed) > 0 {
		return nil
	}
	if parsed.param != "" {
		return valueChoices(parsed, frag)
	}
	if frag == "--" {
		return optionChoices(parsed)
	}
	if strings.HasPrefix(frag, "--") {
		return fuzzyFilter(frag, optionChoices(parsed))
	}
	if parsed.op == nil {
		return fuzzyFilter(frag, operationChoices())
	}
	return fuzzyFilter(frag, optionChoices(parsed))
}

// optionChoices are the options not given yet: the operation's, then the
// global ones.
func optionChoices(parsed promptParse) []choice {
	var opts []promptOption
	if parsed.op != nil {
		opts = operationOptions(parsed.op)
	}
	opts = append(opts, globalOptions()...)
	var out []choice
	for _, o := range opts {
		if parsed.given[strings.TrimLeft(o.name, "-")] {
			continue
		}
		label := o.name
		if o.required {
			label += " (required)"
		}
		out = append(out, choice{insert: o.name, label: label, meta: "[" + o.typ + "] " + oneLine(o.doc), required: o.required})
	}
	return out
}

// operationChoices are the operations, by name.
func operationChoices() []choice {
	names := commandNames()
	out := make([]choice, len(names))
	for i, n := range names {
		out[i] = choice{insert: n, label: n}
	}
	return out
}

// valueChoices are the values of the option whose value is being typed,
// where they are few and known: an enumeration, true and false inside
// shorthand, a global option's choices, a structure's keys. Anything
// else offers nothing, so that completing never skips a value.
func valueChoices(parsed promptParse, frag string) []choice {
	if vals := promptGlobalChoices[parsed.param]; vals != nil {
		return fuzzyFilter(frag, valuesOf(vals))
	}
	if parsed.op == nil {
		return nil
	}
	o := findOption(operationOptions(parsed.op), parsed.param)
	if o == nil || o.member == nil {
		return nil
	}
	return shapeChoices(o.member.Shape, frag)
}

// shapeChoices completes a value of a shape typed as shorthand: the
// fragment's last key=value pair decides which shape is being typed.
func shapeChoices(s *apispec.Shape, frag string) []choice {
	switch s.Type {
	case apispec.String:
		return fuzzyFilter(frag, valuesOf(s.Enum))
	case apispec.Boolean:
		return fuzzyFilter(frag, valuesOf([]string{"true", "false"}))
	case apispec.List:
		if s.Member.Type == apispec.Structure {
			return shapeChoices(s.Member, frag)
		}
		// Inside brackets the items are separated by commas.
		head, item := splitLast(frag, ",[")
		return prefixed(head, shapeChoices(s.Member, item))
	case apispec.Structure:
		head, pair := splitLast(frag, ",{")
		key, value, hasValue := strings.Cut(pair, "=")
		if !hasValue {
			given := map[string]bool{}
			for _, kv := range strings.Split(head, ",") {
				if k, _, ok := strings.Cut(strings.TrimLeft(kv, "{["), "="); ok {
					given[k] = true
				}
			}
			var out []choice
			for _, m := range s.Members {
				if given[m.Name] {
					continue
				}
				open := ""
				switch m.Shape.Type {
				case apispec.Structure:
					open = "{"
				case apispec.List:
					open = "["
				}
				out = append(out, choice{insert: m.Name + "=" + open, label: m.Name + "=" + open,
					meta: "[" + string(m.Shape.Type) + "] " + oneLine(m.Doc), required: m.Required})
			}
			return prefixed(head, fuzzyFilter(key, out))
		}
		for _, m := range s.Members {
			if m.Name == key {
				return prefixed(head+key+"=", shapeChoices(m.Shape, value))
			}
		}
	}
	return nil
}

// splitLast cuts s after the last of the separators: what stays as typed
// and the part being completed.
func splitLast(s, seps string) (string, string) {
	i := strings.LastIndexAny(s, seps) + 1
	return s[:i], s[i:]
}

// prefixed makes choices replace the whole fragment, whose head is kept.
func prefixed(head string, cs []choice) []choice {
	for i := range cs {
		cs[i].insert = head + cs[i].insert
	}
	return cs
}

func valuesOf(vals []string) []choice {
	out := make([]choice, len(vals))
	for i, v := range vals {
		out[i] = choice{insert: v, label: v}
	}
	return out
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fuzzyFilter keeps the choices whose label holds the typed characters in
// order, case aside, as the AWS CLI's prompt filters: the tightest match
// first, then the one that starts earliest, then by label. Nothing typed
// keeps them all, in order. It matches what a choice inserts.
func fuzzyFilter(typed string, cs []choice) []choice {
	if typed == "" || len(cs) == 0 {
		return cs
	}
	type match struct {
		length, start int
		c             choice
	}
	var ms []match
	pattern := []rune(strings.ToLower(typed))
	for _, c := range cs {
		if l, s, ok := fuzzyMatch(pattern, []rune(strings.ToLower(c.insert))); ok {
			ms = append(ms, match{l, s, c})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.length != b.length {
			return a.length < b.length
		}
		if a.start != b.start {
			return a.start < b.start
		}
		return a.c.insert < b.c.insert
	})
	out := make([]choice, len(ms))
	for i, m := range ms {
		out[i] = m.c
	}
	return out
}

// fuzzyMatch finds the leftmost start from which pattern occurs in text as
// a subsequence, and the length of its shortest occurrence from there.
func fuzzyMatch(pattern, text []rune) (length, start int, ok bool) {
	for s := range text {
		if text[s] != pattern[0] {
			continue
		}
		i, j := 1, s+1
		for ; i < len(pattern) && j < len(text); j++ {
			if text[j] == pattern[i] {
				i++
			}
		}
		if i == len(pattern) {
			return j - s, s, true
		}
		return 0, 0, false // a later start cannot complete either
	}
	return 0, 0, false
}
