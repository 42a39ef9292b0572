package awscli

import (
	"strings"
	"unicode/utf8"
)

// manPage lays text out as AWS CLI v2's help reads once groff has set it:
// section titles at the margin, text indented by 7 and filled to 79
// columns, code blocks verbatim. On a terminal, titles and option names
// are bold (for less -R); elsewhere the page is plain text without a
// single escape, for scripts and files.
type manPage struct {
	b    strings.Builder
	bold bool
}

// pageWidth is the column text is filled to, as groff's default.
const pageWidth = 79

// Indents of the page's levels.
const (
	textIndent = 7  // a section's text
	subIndent  = 10 // an option's description, code blocks
	stepIndent = 4  // each level of nested members
)

func (m *manPage) strong(s string) string {
	if !m.bold || s == "" {
		return s
	}
	return "\x1b[1m" + s + "\x1b[0m"
}

// header is the first line, the name in capitals at both ends.
func (m *manPage) header(name string) {
	t := strings.ToUpper(name) + "()"
	gap := max(pageWidth-2*len(t), 1)
	m.b.WriteString(t + strings.Repeat(" ", gap) + t + "\n\n\n\n")
}

// footer is the last line: the name again, at the right.
func (m *manPage) footer(name string) {
	t := strings.ToUpper(name) + "()"
	m.b.WriteString("\n\n\n" + strings.Repeat(" ", max(pageWidth-len(t), 0)) + t + "\n")
}

// section starts a section: its title in capitals at the margin.
func (m *manPage) section(title string) {
	m.b.WriteString(m.strong(strings.ToUpper(title)) + "\n")
}

// line writes one line at an indent, bold when strong is set.
func (m *manPage) line(indent int, text string, strong bool) {
	if strong {
		text = m.strong(text)
	}
	m.b.WriteString(strings.Repeat(" ", indent) + text + "\n")
}

func (m *manPage) blank() { m.b.WriteString("\n") }

// para fills text (its line breaks are spaces) at an indent, then a
// blank line.
func (m *manPage) para(indent int, text string) {
	for _, l := range fill(text, pageWidth-indent) {
		m.line(indent, l, false)
	}
	m.blank()
}

// code writes lines as they are, each at the indent, then a blank line.
func (m *manPage) code(indent int, lines []string) {
	for _, l := range lines {
		if l == "" {
			m.blank()
			continue
		}
		m.line(indent, l, false)
	}
	m.blank()
}

// bullets writes a list as groff sets one in ASCII: "o item", a blank
// line after each.
func (m *manPage) bullets(indent int, items []string) {
	for _, it := range items {
		for i, l := range fill(it, pageWidth-indent-2) {
			if i == 0 {
				m.line(indent, "o "+l, false)
			} else {
				m.line(indent+2, l, false)
			}
		}
		m.blank()
	}
}

func (m *manPage) String() string { return m.b.String() }

// fill breaks text into lines of at most width characters at spaces; a
// word longer than the width stands on its own line.
func fill(text string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
