package awscli

import (
	"math"
	"sort"
	"strings"
)

// table is the AWS CLI's table format: a stack of sections (a title, an
// optional header row, rows), each nested structure in a section of its
// own, indented one level per depth.
type table struct {
	sections []*section
	color    bool
}

type section struct {
	title     string
	headers   []string
	rows      [][]string
	indent    int
	maxWidths []int
}

// Titles, headers and cells enter a section only through newSection,
// addHeaders and addRow, which make their control characters visible
// (see visible): the table's own colours are its only escape sequences.

func (s *section) addHeaders(h []string) {
	s.headers = visibleAll(h)
	s.grow(s.headers)
}

func (s *section) addRow(r []string) {
	r = visibleAll(r)
	s.rows = append(s.rows, r)
	s.grow(r)
}

func visibleAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = visible(c)
	}
	return out
}

func (s *section) grow(cells []string) {
	if s.maxWidths == nil {
		for _, c := range cells {
			s.maxWidths = append(s.maxWidths, textWidth(c))
		}
		return
	}
	for i, c := range cells {
		if i < len(s.maxWidths) && textWidth(c) > s.maxWidths[i] {
			s.maxWidths[i] = textWidth(c)
		}
	}
}

// columnWidths scales the padded natural widths to fill maxWidth exactly.
func (s *section) columnWidths(padding, maxWidth int) []int {
	widths := make([]int, len(s.maxWidths))
	sum := 0
	for i, w := range s.maxWidths {
		widths[i] = w + padding
		sum += widths[i]
	}
	if maxWidth <= 0 || len(widths) == 0 {
		return widths
	}
	scale := float64(maxWidth) / float64(sum)
	total := 0
	for i, w := range widths {
		widths[i] = int(math.RoundToEven(scale * float64(w)))
		total += widths[i]
	}
	off := total - maxWidth
	for off != 0 {
		if off > 0 {
			for i := 0; i < len(widths) && off != 0; i++ {
				widths[i]--
				off--
			}
		} else {
			for i := len(widths) - 1; i >= 0 && off != 0; i-- {
				widths[i]++
				off++
			}
		}
	}
	return widths
}

func (s *section) totalWidth(padding int) int {
	total := 2 + 2*s.indent
	for _, w := range s.maxWidths {
		total += w + padding
	}
	if t := textWidth(s.title) + 2 + 2*s.indent; t > total {
		return t
	}
	return total
}

func (t *table) newSection(title string, indent int) *section {
	s := &section{title: visible(title), indent: indent}
	t.sections = append(t.sections, s)
	return s
}

func (t *table) current() *section { return t.sections[len(t.sections)-1] }

// build adds v to the table; it reports whether there was anything to show.
func (t *table) build(title string, v any, indent int) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool, int64, float64, string:
		// Python's "if not current": a false, zero or empty scalar shows
		// nothing.
		if x == false || x == int64(0) || x == float64(0) || x == "" {
			return false
		}
	case *object:
		if x.len() == 0 {
			return false
		}
	case []any:
		if len(x) == 0 {
			return false
		}
	}
	if title != "" || len(t.sections) == 0 {
		t.newSection(title, indent)
	}
	switch x := v.(type) {
	case []any:
		if _, ok := x[0].(*object); ok {
			t.listOfObjects(x, indent, title)
			return true
		}
		for _, item := range x {
			if isScalar(item) {
				t.current().addRow([]string{pyStr(item)})
			} else if l, ok := item.([]any); ok && allScalars(l) {
				row := make([]string, len(l))
				for i, e := range l {
					row[i] = pyStr(e)
				}
				t.current().addRow(row)
			} else {
				t.build("", item, indent)
			}
		}
	case *object:
		headers, more := groupScalarKeys(x)
		if len(headers) == 1 {
			t.current().addRow([]string{headers[0], pyStr(x.vals[headers[0]])})
		} else if len(headers) > 0 {
			t.current().addHeaders(headers)
			row := make([]string, len(headers))
			for i, h := range headers {
				row[i] = pyStr(x.vals[h])
			}
			t.current().addRow(row)
		}
		for _, k := range more {
			t.build(k, x.vals[k], indent+1)
		}
	default:
		// A scalar has its title's box and no row, as in the AWS CLI.
	}
	return true
}

func (t *table) listOfObjects(list []any, indent int, title string) {
	headerSet, moreSet := map[string]bool{}, map[string]bool{}
	for _, e := range list {
		if o, ok := e.(*object); ok {
			h, m := groupScalarKeys(o)
			for _, k := range h {
				headerSet[k] = true
			}
			for _, k := range m {
				moreSet[k] = true
			}
		}
	}
	headers, more := setKeys(headerSet), setKeys(moreSet)
	t.current().addHeaders(headers)
	for i, e := range list {
		o, _ := e.(*object)
		if o == nil {
			continue
		}
		if i > 0 && len(more) > 0 {
			t.newSection(title, indent).addHeaders(headers)
		}
		row := make([]string, len(headers))
		for j, h := range headers {
			if v, ok := o.get(h); ok {
				row[j] = pyStr(v)
			}
		}
		t.current().addRow(row)
		for _, k := range more {
			if v, ok := o.get(k); ok {
				t.build(k, v, indent+1)
			}
		}
	}
}

func allScalars(l []any) bool {
	for _, e := range l {
		if !isScalar(e) {
			return false
		}
	}
	return true
}

func groupScalarKeys(o *object) (headers, more []string) {
	for _, k := range sortedKeys(o) {
		if isScalar(o.vals[k]) {
			headers = append(headers, k)
		} else {
			more = append(more, k)
		}
	}
	return headers, more
}

func setKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// render draws the table for a terminal of the given width; a table wider
// than that turns each single-row section into key/value rows.
func (t *table) render(terminalWidth int) string {
	maxWidth := t.maxWidth()
	if maxWidth > terminalWidth {
		for _, s := range t.sections {
			if len(s.rows) == 1 && len(s.headers) > 0 {
				vertical := &section{title: s.title, indent: s.indent}
				for i, h := range s.headers {
					vertical.addRow([]string{h, s.rows[0][i]})
				}
				*s = *vertical
			}
		}
		maxWidth = t.maxWidth()
	}
	var b strings.Builder
	b.WriteString(strings.Repeat("-", maxWidth) + "\n")
	for _, s := range t.sections {
		t.renderSection(&b, s, maxWidth)
	}
	return b.String()
}

func (t *table) maxWidth() int {
	m := 0
	for _, s := range t.sections {
		if w := s.totalWidth(4); w > m {
			m = w
		}
	}
	return m
}

func (t *table) edge() string {
	if t.color {
		return "\x1b[2m\x1b[33m|\x1b[0m"
	}
	return "|"
}

func (t *table) renderSection(b *strings.Builder, s *section, maxWidth int) {
	inner := maxWidth - 2*s.indent
	line := func(text string) {
		b.WriteString(strings.Repeat(t.edge(), s.indent) + text + strings.Repeat(t.edge(), s.indent) + "\n")
	}
	if s.title != "" {
		line(centerText(s.title, textWidth(s.title), inner, "|", "|"))
		if len(s.headers) == 0 && len(s.rows) == 0 {
			line("+" + strings.Repeat("-", inner-2) + "+")
		}
	}
	if len(s.headers) > 0 {
		widths := s.columnWidths(4, inner)
		line(lineBreak(widths))
		var row strings.Builder
		for i, h := range s.headers {
			left := ""
			if i == 0 {
				left = "|"
			}
			row.WriteString(centerText(h, textWidth(h), widths[i], left, "|"))
		}
		line(row.String())
	}
	if len(s.rows) > 0 {
		widths := s.columnWidths(4, inner)
		line(lineBreak(widths))
		for _, r := range s.rows {
			var row strings.Builder
			for i, cell := range r {
				if i >= len(widths) {
					break
				}
				left := ""
				if i == 0 {
					left = "|"
				}
				styled := cell
				if t.color {
					styled = "\x1b[1m\x1b[34m" + cell + "\x1b[0m"
				}
				row.WriteString(alignLeft(styled, textWidth(cell), widths[i], left, "|"))
			}
			line(row.String())
		}
		line(lineBreak(widths))
	}
}

func lineBreak(widths []int) string {
	var b strings.Builder
	for i, w := range widths {
		if i == 0 {
			b.WriteString("+" + strings.Repeat("-", max(w-2, 0)) + "+")
		} else {
			b.WriteString(strings.Repeat("-", max(w-1, 0)) + "+")
		}
	}
	return b.String()
}

func centerText(text string, textLen, length int, left, right string) string {
	start := length/2 - textLen/2 - 1
	if start < 0 {
		start = 0
	}
	soFar := len(left) + start + textLen
	rightSpaces := length - len(right) - soFar
	return left + strings.Repeat(" ", start) + text + strings.Repeat(" ", max(rightSpaces, 0)) + right
}

func alignLeft(text string, textLen, length int, left, right string) string {
	padding := 2
	if length-(textLen+2+len(left)+len(right)) < 0 {
		padding = 0
	}
	soFar := len(left) + padding + textLen
	return left + strings.Repeat(" ", padding) + text + strings.Repeat(" ", max(length-soFar-len(right), 0)) + right
}
