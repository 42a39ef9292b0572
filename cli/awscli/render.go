package awscli

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/width"
)

// render writes a response (an ordered document, or a query's result) in
// one of the AWS CLI's output formats. For a paginated call, stream holds
// what the text and yaml-stream formats print one after the other (see
// outputDocuments); title is the operation name (table).
func render(w io.Writer, format, title string, doc any, stream []any, color bool) (err error) {
	var b strings.Builder
	defer func() {
		// Where the AWS CLI's formatter fails (a list mixing structures
		// with other values in text, an expression reference in JSON or
		// YAML), it has written what came before.
		if c, ok := recover().(renderCrash); ok {
			io.WriteString(w, b.String())
			err = &generalError{string(c)}
		}
	}()
	if format == "text" && stream != nil {
		for _, d := range stream {
			formatText(&b, d, "", nil)
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	if o, ok := doc.(*object); ok && o.len() == 0 && stream == nil {
		return nil // empty outputs print nothing
	}
	switch format {
	case "json":
		writePyJSON(&b, doc, 0)
		b.WriteByte('\n')
	case "text":
		formatText(&b, doc, "", nil)
	case "table":
		t := &table{color: color}
		if t.build(title, doc, 0) {
			b.WriteString(t.render(80))
		}
	case "yaml":
		if _, ok := doc.(pyExpression); ok {
			yamlScalar(doc) // the dumper's error
		}
		if isScalar(doc) {
			// The AWS CLI writes a scalar as JSON, which YAML reads the
			// same, rather than as a YAML document ending in "...".
			writePyJSON(&b, doc, 0)
			b.WriteByte('\n')
		} else {
			writeYAML(&b, doc, 0, false)
		}
	case "yaml-stream":
		if stream == nil {
			stream = []any{doc}
		}
		writeYAML(&b, stream, 0, false)
	case "off":
	default:
		return fmt.Errorf("unknown output format %q", format)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// writePyJSON writes v as Python's json.dumps(v, indent=4, ensure_ascii=False).
func writePyJSON(b *strings.Builder, v any, indent int) {
	pad := strings.Repeat(" ", 4*(indent+1))
	switch x := v.(type) {
	case *object:
		if x.len() == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(pad)
			writePyString(b, k)
			b.WriteString(": ")
			writePyJSON(b, x.vals[k], indent+1)
		}
		b.WriteString("\n" + strings.Repeat(" ", 4*indent) + "}")
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range x {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(pad)
			writePyJSON(b, e, indent+1)
		}
		b.WriteString("\n" + strings.Repeat(" ", 4*indent) + "]")
	case string:
		writePyString(b, x)
	case pyDatetime:
		writePyString(b, string(x))
	case pyExpression:
		panic(renderCrash("Circular reference detected"))
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e16 {
			b.WriteString(strconv.FormatFloat(x, 'f', 1, 64))
		} else {
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	default:
		b.WriteString(pyStr(x))
	}
}

func writePyString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			// Python leaves DEL and C1 raw under ensure_ascii=False;
			// escaped they read back the same and cannot reach a
			// terminal as controls.
			if isControl(r) {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// formatText is the AWS CLI's text format: the scalars of a structure on
// one tab-separated line (sorted by key, prefixed by the upper-cased name
// of the member that holds them), nested structures and lists after.
func formatText(b *strings.Builder, v any, identifier string, scalarKeys []string) {
	switch x := v.(type) {
	case *object:
		var scalars []string
		type named struct {
			key string
			val any
		}
		var rest []named
		if scalarKeys == nil {
			for _, k := range sortedKeys(x) {
				if isScalar(x.vals[k]) {
					scalars = append(scalars, pyStr(x.vals[k]))
				} else {
					rest = append(rest, named{k, x.vals[k]})
				}
			}
		} else {
			known := map[string]bool{}
			for _, k := range scalarKeys {
				known[k] = true
				val, ok := x.get(k)
				if !ok {
					scalars = append(scalars, "")
				} else {
					scalars = append(scalars, pyStr(val))
				}
			}
			for _, k := range sortedKeys(x) {
				if !known[k] {
					rest = append(rest, named{k, x.vals[k]})
				}
			}
		}
		if len(scalars) > 0 {
			if identifier != "" {
				scalars = append([]string{strings.ToUpper(identifier)}, scalars...)
			}
			textLine(b, scalars...)
		}
		for _, n := range rest {
			formatText(b, n.val, n.key, nil)
		}
	case []any:
		if len(x) == 0 {
			return
		}
		hasObject, hasList := false, false
		for _, e := range x {
			switch e.(type) {
			case *object:
				hasObject = true
			case []any:
				hasList = true
			}
		}
		switch {
		case hasObject:
			keys := allScalarKeys(x)
			for _, e := range x {
				formatText(b, e, identifier, keys)
			}
		case hasList:
			var scalars []any
			for _, e := range x {
				if isScalar(e) {
					scalars = append(scalars, e)
				}
			}
			if len(scalars) > 0 {
				textScalarList(b, scalars, identifier)
			}
			for _, e := range x {
				if !isScalar(e) {
					formatText(b, e, identifier, nil)
				}
			}
		default:
			textScalarList(b, x, identifier)
		}
	default:
		textLine(b, pyStr(x))
	}
}

func textScalarList(b *strings.Builder, items []any, identifier string) {
	if identifier != "" {
		for _, it := range items {
			textLine(b, strings.ToUpper(identifier), pyStr(it))
		}
		return
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = pyStr(it)
	}
	textLine(b, parts...)
}

// textLine writes one line of the text format: the fields, tab-separated.
// Every line goes through here, so that no field can carry a control
// character (a tab or a line feed of its own among them) to the terminal.
func textLine(b *strings.Builder, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(visible(f))
	}
	b.WriteByte('\n')
}

func sortedKeys(o *object) []string {
	keys := append([]string(nil), o.keys...)
	sort.Strings(keys)
	return keys
}

// renderCrash is an error of the AWS CLI's formatters, in Python's words:
// the AttributeError of the text formatter, the ValueError of the JSON
// encoder, the RepresenterError of the YAML dumper.
type renderCrash string

func allScalarKeys(list []any) []string {
	seen := map[string]bool{}
	for _, e := range list {
		o, ok := e.(*object)
		if !ok {
			name := "list"
			if isScalar(e) {
				name = pyTypeName(e)
				if _, isInt := e.(int64); isInt {
					name = "int"
				}
			}
			panic(renderCrash(fmt.Sprintf("'%s' object has no attribute 'items'", name)))
		}
		for _, k := range o.keys {
			if isScalar(o.vals[k]) {
				seen[k] = true
			}
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// writeYAML writes v in block style with sorted keys, as the AWS CLI's
// safe YAML dumper does; strings are quoted (single quotes) only where a
// plain scalar would read back as something else.
func writeYAML(b *strings.Builder, v any, indent int, inSeq bool) {
	pad := strings.Repeat("  ", indent)
	switch x := v.(type) {
	case *object:
		if x.len() == 0 {
			b.WriteString("{}\n")
			return
		}
		for i, k := range sortedKeys(x) {
			if i > 0 || !inSeq {
				b.WriteString(pad)
			}
			key := yamlScalar(k)
			b.WriteString(key + ":")
			writeYAMLValue(b, x.vals[k], indent, 2*indent+utf8.RuneCountInString(key)+1)
		}
	case []any:
		if len(x) == 0 {
			b.WriteString("[]\n")
			return
		}
		for i, e := range x {
			if i > 0 || !inSeq {
				b.WriteString(pad)
			}
			b.WriteString("- ")
			switch ev := e.(type) {
			case *object:
				if ev.len() == 0 {
					b.WriteString("{}\n")
				} else {
					writeYAML(b, ev, indent+1, true)
				}
			case []any:
				if len(ev) == 0 {
					b.WriteString("[]\n")
				} else {
					writeYAML(b, ev, indent+1, true)
				}
			default:
				b.WriteString(yamlFolded(yamlScalar(ev), 2*indent+2, 2*indent+2) + "\n")
			}
		}
	default:
		b.WriteString(yamlScalar(x) + "\n")
	}
}

// writeYAMLValue writes the value of a key at indentation level indent,
// after column col (the key and its colon).
func writeYAMLValue(b *strings.Builder, v any, indent, col int) {
	switch x := v.(type) {
	case *object:
		if x.len() == 0 {
			b.WriteString(" {}\n")
			return
		}
		b.WriteString("\n")
		writeYAML(b, x, indent+1, false)
	case []any:
		if len(x) == 0 {
			b.WriteString(" []\n")
			return
		}
		b.WriteString("\n")
		// Sequences sit at their key's indentation.
		writeYAML(b, x, indent, false)
	default:
		b.WriteString(" " + yamlFolded(yamlScalar(x), col+1, 2*indent+2) + "\n")
	}
}

// yamlWidth is the column past which the AWS CLI's YAML dumper (ruamel.yaml,
// PyYAML's emitter) breaks long scalars.
const yamlWidth = 80

// yamlFolded is a plain or single-quoted scalar, as yamlScalar renders it,
// written from column col and folded as the emitter folds it: a single
// space met past yamlWidth becomes a line break and indent spaces (in a
// quoted scalar, not its first or last character). Double-quoted scalars
// are left whole.
func yamlFolded(rendered string, col, indent int) string {
	if strings.HasPrefix(rendered, "\"") || utf8.RuneCountInString(rendered)+col <= yamlWidth {
		return rendered
	}
	quoted := strings.HasPrefix(rendered, "'")
	text := []rune(rendered)
	column := col
	if quoted {
		text = []rune(strings.ReplaceAll(rendered[1:len(rendered)-1], "''", "'"))
		column++
	}
	var out strings.Builder
	if quoted {
		out.WriteByte('\'')
	}
	write := func(r []rune) {
		out.WriteString(string(r))
		column += len(r)
	}
	n := len(text)
	start, spaces := 0, false
	for end := 0; end <= n; end++ {
		ch := rune(-1)
		if end < n {
			ch = text[end]
		}
		if spaces {
			if ch != ' ' {
				if start+1 == end && column > yamlWidth && (!quoted || (start != 0 && end != n)) {
					out.WriteString("\n" + strings.Repeat(" ", indent))
					column = indent
				} else {
					write(text[start:end])
				}
				start = end
			}
		} else if ch == -1 || ch == ' ' || (quoted && ch == '\'') {
			if start < end {
				write(text[start:end])
				start = end
			}
		}
		if quoted && ch == '\'' {
			write([]rune("''"))
			start = end + 1
		}
		if ch != -1 {
			spaces = ch == ' '
		}
	}
	if quoted {
		out.WriteByte('\'')
	}
	return out.String()
}

func yamlScalar(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case int64, float64, pyDatetime:
		return pyStr(x)
	case string:
		return yamlString(x)
	case pyExpression:
		panic(renderCrash("cannot represent an object: " + pyExpressionRepr))
	}
	return yamlString(pyStr(v))
}

// yamlString quotes s only when the YAML library would not read it back as
// the same plain string; quoting uses single quotes unless s needs escapes.
func yamlString(s string) string {
	if needsEscapes(s) {
		return strconv.Quote(s) // YAML's double-quoted style takes Go's escapes
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	enc := strings.TrimSuffix(string(out), "\n")
	switch {
	case s == "=":
		// YAML 1.1's value key, which ruamel.yaml still quotes.
	case enc == s, yaml11Only.MatchString(s):
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// yaml11Only are the plain scalars that mean something else in YAML 1.1
// only (y, yes, on, off..., and sexagesimal numbers such as 1:20): the
// YAML library quotes them, ruamel.yaml, which writes YAML 1.2, does not.
var yaml11Only = regexp.MustCompile(`^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$`)

func needsEscapes(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if isControl(r) {
			return true
		}
	}
	return false
}

// textWidth counts East Asian wide characters twice, as terminals do.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			n += 2
		default:
			n++
		}
	}
	return n
}
