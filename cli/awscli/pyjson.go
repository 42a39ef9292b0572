package awscli

import (
	"fmt"
	"strings"
)

// pyJSONError says why Python's json.loads refuses s, in its words and
// with its position ("Expecting ',' delimiter: line 1 column 38 (char
// 37)"), since the AWS CLI quotes that message; "" when Python would
// accept s. Positions count characters, as Python's do.
func pyJSONError(s string) string {
	d := &pyJSON{s: []rune(s)}
	err := d.document()
	if err == nil {
		return ""
	}
	pos := err.pos
	line := 1 + strings.Count(string(d.s[:pos]), "\n")
	col := pos + 1
	if nl := strings.LastIndex(string(d.s[:pos]), "\n"); nl >= 0 {
		col = pos - len([]rune(string(d.s[:pos])[:nl]))
	}
	return fmt.Sprintf("%s: line %d column %d (char %d)", err.msg, line, col, pos)
}

// maxJSONNesting is encoding/json's own bound, past which the decoder
// fails and pyJSONError is asked why: the same depth stops the recursion
// here.
const maxJSONNesting = 10000

type pyJSON struct {
	s     []rune
	depth int // arrays and objects open at the position read
}

type pyJSONErr struct {
	msg string
	pos int
}

// ws is the whitespace JSON allows between tokens.
func (d *pyJSON) ws(i int) int {
	for i < len(d.s) && strings.ContainsRune(" \t\n\r", d.s[i]) {
		i++
	}
	return i
}

func (d *pyJSON) document() *pyJSONErr {
	i := d.ws(0)
	end, err := d.value(i)
	if err != nil {
		return err
	}
	if end = d.ws(end); end != len(d.s) {
		return &pyJSONErr{"Extra data", end}
	}
	return nil
}

func (d *pyJSON) at(i int) rune {
	if i < len(d.s) {
		return d.s[i]
	}
	return -1
}

func (d *pyJSON) has(i int, word string) bool {
	w := []rune(word)
	return i+len(w) <= len(d.s) && string(d.s[i:i+len(w)]) == word
}

// value reads one value at i and returns where it ends.
func (d *pyJSON) value(i int) (int, *pyJSONErr) {
	switch c := d.at(i); {
	case c == '"':
		return d.str(i + 1)
	case c == '{' || c == '[':
		if d.depth >= maxJSONNesting {
			return 0, &pyJSONErr{fmt.Sprintf("Nested more than %d levels deep", maxJSONNesting), i}
		}
		d.depth++
		defer func() { d.depth-- }()
		if c == '{' {
			return d.object(i + 1)
		}
		return d.array(i + 1)
	case c == 'n' && d.has(i, "null"):
		return i + 4, nil
	case c == 't' && d.has(i, "true"):
		return i + 4, nil
	case c == 'f' && d.has(i, "false"):
		return i + 5, nil
	case c == 'N' && d.has(i, "NaN"):
		return i + 3, nil
	case c == 'I' && d.has(i, "Infinity"):
		return i + 8, nil
	case c == '-' && d.has(i, "-Infinity"):
		return i + 9, nil
	}
	if end := d.number(i); end > i {
		return end, nil
	}
	return 0, &pyJSONErr{"Expecting value", i}
}

// number matches -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? at i; i when it
// does not.
func (d *pyJSON) number(i int) int {
	digit := func(j int) bool { return d.at(j) >= '0' && d.at(j) <= '9' }
	j := i
	if d.at(j) == '-' {
		j++
	}
	switch {
	case d.at(j) == '0':
		j++
	case digit(j):
		for digit(j) {
			j++
		}
	default:
		return i
	}
	if d.at(j) == '.' && digit(j+1) {
		j++
		for digit(j) {
			j++
		}
	}
	if c := d.at(j); c == 'e' || c == 'E' {
		k := j + 1
		if d.at(k) == '-' || d.at(k) == '+' {
			k++
		}
		if digit(k) {
			for digit(k) {
				k++
			}
			j = k
		}
	}
	return j
}

// str reads a string whose opening quote is at i-1.
func (d *pyJSON) str(i int) (int, *pyJSONErr) {
	begin := i - 1
	for {
		c := d.at(i)
		switch {
		case c == -1:
			return 0, &pyJSONErr{"Unterminated string starting at", begin}
		case c == '"':
			return i + 1, nil
		case c < 0x20:
			return 0, &pyJSONErr{"Invalid control character at", i}
		case c == '\\':
			e := d.at(i + 1)
			switch {
			case e == -1:
				return 0, &pyJSONErr{"Unterminated string starting at", begin}
			case e == 'u':
				for k := i + 2; k < i+6; k++ {
					if !strings.ContainsRune("0123456789abcdefABCDEF", d.at(k)) {
						return 0, &pyJSONErr{"Invalid \\uXXXX escape", i + 1}
					}
				}
				i += 6
				continue
			case strings.ContainsRune(`"\/bfnrt`, e):
				i += 2
				continue
			}
			return 0, &pyJSONErr{"Invalid \\escape", i}
		}
		i++
	}
}

func (d *pyJSON) object(i int) (int, *pyJSONErr) {
	i = d.ws(i)
	if d.at(i) == '}' {
		return i + 1, nil
	}
	for {
		if d.at(i) != '"' {
			return 0, &pyJSONErr{"Expecting property name enclosed in double quotes", i}
		}
		end, err := d.str(i + 1)
		if err != nil {
			return 0, err
		}
		i = d.ws(end)
		if d.at(i) != ':' {
			return 0, &pyJSONErr{"Expecting ':' delimiter", i}
		}
		if i, err = d.value(d.ws(i + 1)); err != nil {
			return 0, err
		}
		i = d.ws(i)
		switch d.at(i) {
		case '}':
			return i + 1, nil
		case ',':
			i = d.ws(i + 1)
		default:
			return 0, &pyJSONErr{"Expecting ',' delimiter", i}
		}
	}
}

func (d *pyJSON) array(i int) (int, *pyJSONErr) {
	i = d.ws(i)
	if d.at(i) == ']' {
		return i + 1, nil
	}
	for {
		var err *pyJSONErr
		if i, err = d.value(i); err != nil {
			return 0, err
		}
		i = d.ws(i)
		switch d.at(i) {
		case ']':
			return i + 1, nil
		case ',':
			i = d.ws(i + 1)
		default:
			return 0, &pyJSONErr{"Expecting ',' delimiter", i}
		}
	}
}
