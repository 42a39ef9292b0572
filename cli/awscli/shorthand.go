package awscli

import (
	"fmt"
	"strings"
)

// parseShorthand parses the AWS CLI's shorthand syntax:
//
//	Key=Value,Other={Nested=1,More=x},List=[a,b]
//
// into maps, lists and strings; values are typed later against the shape.
func parseShorthand(s string) (map[string]any, error) {
	p := &shorthandParser{s: s}
	m, err := p.object(0)
	if err != nil {
		return nil, err
	}
	if p.i != len(p.s) {
		return nil, p.errorf("unexpected %q", p.s[p.i:])
	}
	return m, nil
}

type shorthandParser struct {
	s string
	i int
}

func (p *shorthandParser) errorf(format string, args ...any) error {
	return fmt.Errorf("Error parsing shorthand syntax at position %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *shorthandParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *shorthandParser) object(depth int) (map[string]any, error) {
	if depth > 32 {
		return nil, p.errorf("nested too deeply")
	}
	m := map[string]any{}
	for {
		start := p.i
		for p.i < len(p.s) && p.s[p.i] != '=' && p.s[p.i] != ',' && p.s[p.i] != '}' {
			p.i++
		}
		key := strings.TrimSpace(p.s[start:p.i])
		if key == "" || p.peek() != '=' {
			return nil, p.errorf("expected Key=Value")
		}
		p.i++ // '='
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		m[key] = v
		if p.peek() != ',' {
			return m, nil
		}
		p.i++
	}
}

func (p *shorthandParser) value(depth int) (any, error) {
	switch p.peek() {
	case '{':
		p.i++
		m, err := p.object(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != '}' {
			return nil, p.errorf("expected '}'")
		}
		p.i++
		return m, nil
	case '[':
		p.i++
		var list []any
		if p.peek() == ']' {
			p.i++
			return list, nil
		}
		for {
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
			switch p.peek() {
			case ',':
				p.i++
			case ']':
				p.i++
				return list, nil
			default:
				return nil, p.errorf("expected ',' or ']'")
			}
		}
	case '"', '\'':
		quote := p.s[p.i]
		p.i++
		start := p.i
		for p.i < len(p.s) && p.s[p.i] != quote {
			p.i++
		}
		if p.i == len(p.s) {
			return nil, p.errorf("unterminated quote")
		}
		v := p.s[start:p.i]
		p.i++
		return v, nil
	}
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(",]}", rune(p.s[p.i])) {
		p.i++
	}
	return strings.TrimSpace(p.s[start:p.i]), nil
}
