package awscli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Strings that came from a server (stored data, error messages, --debug's
// bodies) reach a terminal in the text and table formats and on standard
// error, where a control character is a command: ESC opens a sequence
// that can recolour, retitle or rewrite the screen, CR overwrites a line,
// and C1's CSI (U+009B) is ESC [ on many terminals. AWS CLI v2 (2.9,
// Debian's awscli) prints them raw in text and table output; chime writes
// each as Python's repr() does, in the AWS CLI's own language: \t, \n,
// \r, and \xNN for every other C0 control, DEL and C1 control. A byte
// that is not UTF-8 becomes \xNN too. A backslash stays as it is: the
// form is for reading, and --output json is the exact one.

// isControl reports whether r is a control character: C0, DEL or C1
// (Unicode's category Cc).
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// visible is s with every control character and every byte that is not
// UTF-8 written as an escape. It is idempotent: its output has none left.
func visible(s string) string { return escapeControls(s, "") }

// visibleLines is visible but keeps line feeds, for messages of several
// lines.
func visibleLines(s string) string { return escapeControls(s, "\n") }

func escapeControls(s, keep string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (isControl(r) && !strings.ContainsRune(keep, r)) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !isControl(r) || strings.ContainsRune(keep, r):
			b.WriteString(s[i : i+size])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		default:
			fmt.Fprintf(&b, `\x%02x`, r)
		}
		i += size
	}
	return b.String()
}

// visibleWriter passes each write on with its control characters escaped,
// line feeds kept. A character split across two writes shows as \xNN
// bytes, never as a control.
type visibleWriter struct{ w io.Writer }

func (v visibleWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(v.w, visibleLines(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
