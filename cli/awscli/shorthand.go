package awscli

import (
	"fmt"
	"strings"
	"unicode"
)

// parseShorthand parses the AWS CLI's shorthand syntax:
//
//	Key=Value,Other={Nested=1,More=x},List=[a,b],Csv=a,b
//
// into maps, lists and strings, by the AWS CLI's grammar, so that what it
// accepts, what it refuses and where its caret points agree; values are
// typed later against the shape.
func parseShorthand(s string) (map[string]any, error) {
	p := &shorthandParser{s: []rune(s)}
	return p.parameter()
}

// shorthandError is a shorthand syntax error, in the AWS CLI's words, with
// the input and a caret under the position.
type shorthandError struct{ msg string }

func (e *shorthandError) Error() string { return e.msg }

// shorthandParser reads runes, since the AWS CLI counts positions in
// characters, not bytes.
type shorthandParser struct {
	s     []rune
	i     int
	depth int // lists and structures open at i
}

// maxShorthandNesting bounds how deep a shorthand value may nest. No
// Chime shape nests more than a few levels, and the AWS CLI's recursive
// parser stops at Python's recursion limit; without a bound a file://
// value of a million '[' would recurse a million calls deep.
const maxShorthandNesting = 100

// nest enters a list or structure, failing past maxShorthandNesting.
func (p *shorthandParser) nest() error {
	if p.depth++; p.depth > maxShorthandNesting {
		return &shorthandError{fmt.Sprintf("Nested more than %d levels deep for input:\n %s", maxShorthandNesting, location(p.s, p.i))}
	}
	return nil
}

const eof = -1

func (p *shorthandParser) current() rune {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return eof
}

func (p *shorthandParser) atEOF() bool { return p.i >= len(p.s) }

// location is the input with a caret under index, on the line it falls on.
func location(s []rune, index int) string {
	consumed, remaining, spaces := string(s), "", index
	if nl := strings.LastIndex(string(s[:index]), "\n"); nl >= 0 {
		spaces = index - len([]rune(string(s[:index])[:nl])) - 1
	}
	for j := index; j < len(s); j++ {
		if s[j] == '\n' {
			consumed, remaining = string(s[:j]), string(s[j:])
			break
		}
	}
	return consumed + "\n" + strings.Repeat(" ", spaces) + "^" + remaining
}

// syntaxError: expected one thing, found another. The current AWS CLI
// writes the input after a space (its message template has one).
func (p *shorthandParser) syntaxError(expected, actual string) error {
	return &shorthandError{fmt.Sprintf("Expected: '%s', received: '%s' for input:\n %s", expected, actual, location(p.s, p.i))}
}

func (p *shorthandParser) expect(c rune, skipSpace bool) error {
	if skipSpace {
		p.skipSpace()
	}
	if p.atEOF() {
		return p.syntaxError(string(c), "EOF")
	}
	if p.s[p.i] != c {
		return p.syntaxError(string(c), string(p.s[p.i]))
	}
	p.i++
	if skipSpace {
		p.skipSpace()
	}
	return nil
}

// skipSpace skips what Python's string.whitespace holds.
func (p *shorthandParser) skipSpace() {
	for !p.atEOF() && strings.ContainsRune(" \t\n\r\x0b\x0c", p.s[p.i]) {
		p.i++
	}
}

func (p *shorthandParser) parameter() (map[string]any, error) {
	params := map[string]any{}
	key, val, err := p.keyval()
	if err != nil {
		return nil, err
	}
	params[key] = val
	last := p.i
	for !p.atEOF() {
		if err := p.expect(',', true); err != nil {
			return nil, err
		}
		key, val, err := p.keyval()
		if err != nil {
			return nil, err
		}
		if _, dup := params[key]; dup {
			return nil, &shorthandError{fmt.Sprintf("Second instance of key \"%s\" encountered for input:\n%s\nThis is often because there is a preceding \",\" instead of a space.", key, location(p.s, last+1))}
		}
		params[key] = val
		last = p.i
	}
	return params, nil
}

// keyval reads Key=Value; Key@=Value (a value read from a file) is
// accepted and read as Key=Value.
func (p *shorthandParser) keyval() (string, any, error) {
	key := p.key()
	if p.expect('@', true) != nil {
		// No '@': the spaces before the '=' are skipped all the same.
	}
	if err := p.expect('=', true); err != nil {
		return "", nil, err
	}
	v, err := p.values()
	return key, v, err
}

func (p *shorthandParser) key() string {
	start := p.i
	for !p.atEOF() && isKeyRune(p.s[p.i]) {
		p.i++
	}
	return string(p.s[start:p.i])
}

func isKeyRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.#/:", r))
}

func (p *shorthandParser) values() (any, error) {
	switch {
	case p.atEOF():
		return "", nil
	case p.current() == '[':
		return p.explicitList()
	case p.current() == '{':
		return p.hashLiteral()
	}
	return p.csvValue()
}

// csvValue is a value, or several separated by commas (a list), up to the
// next Key=.
func (p *shorthandParser) csvValue() (any, error) {
	first, err := p.firstValue()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.atEOF() || p.current() != ',' {
		return first, nil
	}
	if err := p.expect(',', true); err != nil {
		return nil, err
	}
	list := []any{first}
	for {
		v, err := p.secondValue()
		if err == nil {
			p.skipSpace()
			if p.atEOF() {
				list = append(list, v)
				break
			}
			err = p.expect(',', true)
			if err == nil {
				list = append(list, v)
				continue
			}
		}
		if p.atEOF() {
			return nil, err
		}
		// What followed was the next Key=: back to the comma before it.
		for p.i >= 0 && (p.i >= len(p.s) || p.s[p.i] != ',') {
			p.i--
		}
		break
	}
	if len(list) == 1 {
		return first, nil
	}
	return list, nil
}

func (p *shorthandParser) explicitList() (any, error) {
	if err := p.nest(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	if err := p.expect('[', true); err != nil {
		return nil, err
	}
	values := []any{}
	for p.current() != ']' {
		v, err := p.explicitValue()
		if err != nil {
			return nil, err
		}
		values = append(values, v)
		p.skipSpace()
		if p.current() != ']' {
			if err := p.expect(',', false); err != nil {
				return nil, err
			}
			p.skipSpace()
		}
	}
	if err := p.expect(']', false); err != nil {
		return nil, err
	}
	return values, nil
}

func (p *shorthandParser) explicitValue() (any, error) {
	switch p.current() {
	case '[':
		return p.explicitList()
	case '{':
		return p.hashLiteral()
	}
	return p.firstValue()
}

func (p *shorthandParser) hashLiteral() (any, error) {
	if err := p.nest(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	if err := p.expect('{', true); err != nil {
		return nil, err
	}
	m := map[string]any{}
	for p.current() != '}' {
		key := p.key()
		p.expect('@', true)
		if err := p.expect('=', true); err != nil {
			return nil, err
		}
		v, err := p.explicitValue()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.current() != '}' {
			if err := p.expect(',', false); err != nil {
				return nil, err
			}
			p.skipSpace()
		}
		m[key] = v
	}
	if err := p.expect('}', false); err != nil {
		return nil, err
	}
	return m, nil
}

// The characters a bare value may start with and continue with: the AWS
// CLI's character classes. A first value (after Key=) may hold '=', '['
// and '{'; a second one (after a comma) may hold '[' , ']', '{' and '}'
// but not '='. Neither holds quotes or an unescaped comma.
func startsWord(r rune) bool {
	return r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') || (r >= '-' && r <= '<') ||
		(r >= '>' && r <= 'Z') || (r >= '\\' && r <= 'z') || r >= '|'
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func followsFirst(r rune) bool {
	return isSpace(r) || r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') || (r >= '-' && r <= '\\') ||
		(r >= '^' && r <= '|') || r >= '~'
}

func followsSecond(r rune) bool {
	return isSpace(r) || r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') || (r >= '-' && r <= '<') || r >= '>'
}

// word reads a bare value: a start character, then followers, where an
// escaped comma (\,) counts as one character of either kind.
func (p *shorthandParser) word(follows func(rune) bool) (string, bool) {
	j := p.i
	escapedComma := func(k int) bool { return k+1 < len(p.s) && p.s[k] == '\\' && p.s[k+1] == ',' }
	switch {
	case escapedComma(j):
		j += 2
	case j < len(p.s) && startsWord(p.s[j]):
		j++
	default:
		return "", false
	}
	for j < len(p.s) {
		if escapedComma(j) {
			j += 2
		} else if follows(p.s[j]) {
			j++
		} else {
			break
		}
	}
	v := string(p.s[p.i:j])
	p.i = j
	return strings.TrimRightFunc(strings.ReplaceAll(v, `\,`, ","), isSpace), true
}

func (p *shorthandParser) firstValue() (any, error) {
	switch p.current() {
	case '\'', '"':
		return p.quoted(p.current())
	}
	v, _ := p.word(followsFirst)
	return v, nil
}

func (p *shorthandParser) secondValue() (any, error) {
	switch p.current() {
	case '\'', '"':
		return p.quoted(p.current())
	}
	v, ok := p.word(followsSecond)
	if !ok {
		actual := "<none>"
		return nil, p.syntaxError("<second>", actual)
	}
	return v, nil
}

// quoted reads a value in single or double quotes; a backslash escapes the
// quote, and \\ is one backslash.
func (p *shorthandParser) quoted(q rune) (any, error) {
	j := p.i + 1
	for j < len(p.s) {
		if p.s[j] == '\\' && j+1 < len(p.s) && p.s[j+1] == q {
			j += 2
			continue
		}
		if p.s[j] == q {
			break
		}
		j++
	}
	if j >= len(p.s) {
		name := "singled quoted"
		if q == '"' {
			name = "double quoted"
		}
		return nil, p.syntaxError("<"+name+">", "<none>")
	}
	v := string(p.s[p.i+1 : j])
	p.i = j + 1
	v = strings.ReplaceAll(v, `\`+string(q), string(q))
	return strings.ReplaceAll(v, `\\`, `\`), nil
}
