package awscli

import (
	"embed"
	"strings"
)

// examples holds one file per command, examples/<command>.txt: the
// EXAMPLES of its manual page. A file is blocks separated by blank lines:
// the first is the example's title, a block of lines indented by four
// spaces is a shell script or the output it prints, any other block is a
// paragraph. The end-to-end tests run each script against a development
// server and compare what it prints with the output shown.
//
//go:embed examples/*.txt
var examples embed.FS

// exampleText is a command's example file, or "" when it has none.
func exampleText(command string) string {
	b, err := examples.ReadFile("examples/" + command + ".txt")
	if err != nil {
		return ""
	}
	return string(b)
}

// exampleBlock is a paragraph or, when code is set, verbatim lines.
type exampleBlock struct {
	code  bool
	lines []string
}

// exampleBlocks splits an example file into its blocks. Code lines lose
// their four spaces; blank lines between code lines stay in the block.
func exampleBlocks(text string) []exampleBlock {
	var blocks []exampleBlock
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" {
			continue
		}
		code := strings.HasPrefix(l, "    ")
		b := exampleBlock{code: code}
		for ; i < len(lines); i++ {
			l := lines[i]
			if strings.TrimSpace(l) == "" {
				// A blank line ends a paragraph; within code it ends the
				// block only when no code line follows.
				j := i
				for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
					j++
				}
				if !code || j == len(lines) || !strings.HasPrefix(lines[j], "    ") {
					break
				}
				for ; i < j; i++ {
					b.lines = append(b.lines, "")
				}
				l = lines[i]
			}
			if code {
				b.lines = append(b.lines, strings.TrimPrefix(l, "    "))
			} else {
				b.lines = append(b.lines, strings.TrimSpace(l))
			}
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// writeExamples writes a command's examples into its page: the title in
// bold, paragraphs filled, scripts and outputs indented.
func writeExamples(m *manPage, command string) {
	text := exampleText(command)
	if text == "" {
		m.para(textIndent, "None")
		return
	}
	for i, b := range exampleBlocks(text) {
		switch {
		case b.code:
			m.code(subIndent, b.lines)
		case i == 0:
			m.line(textIndent, strings.Join(b.lines, " "), true)
			m.blank()
		default:
			m.para(textIndent, strings.Join(b.lines, " "))
		}
	}
}
