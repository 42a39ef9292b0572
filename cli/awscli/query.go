package awscli

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/jmespath-community/go-jmespath/pkg/functions"
	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
	"github.com/jmespath-community/go-jmespath/pkg/parsing"
	"github.com/openchime/chime/apispec"
)

// applyQuery runs --query over the response as the AWS CLI's JMESPath
// (jmespath.py) does: legacy literals are read as it reads them, and
// objects keep their member order through keys(), values(), `*`,
// merge() and to_string().
func applyQuery(expr string, op *apispec.Operation, doc any) (any, error) {
	if expr == "" {
		return doc, nil
	}
	ast, err := parseQuery(expr)
	if err != nil {
		return nil, paramErrorf("Bad value for --query %s: %v", expr, err)
	}
	om := orderedMaps{}
	data := om.plain(doc)
	res, err := interpreter.NewInterpreter(data, om.functionCaller(), nil).Execute(ast, data)
	var qe *queryError
	switch {
	case errors.As(err, &qe):
		return nil, qe
	case err != nil && strings.Contains(err.Error(), "step cannot be 0"):
		return nil, &queryError{"slice step cannot be zero"} // Python's ValueError
	case err != nil:
		// An error while the query runs is a runtime error (exit code
		// 255), as in the AWS CLI; only a query that does not parse is
		// a bad value.
		return nil, &queryError{err.Error()}
	}
	return om.ordered(res, queryKeyRanks(ast, op.Output)), nil
}

// parseQuery parses an expression after rewriting its legacy literals,
// and rewrites the nodes that make or walk objects so that they keep
// member order (see orderObjects).
func parseQuery(expr string) (parsing.ASTNode, error) {
	rewritten, err := rewriteLegacyLiterals(expr)
	if err != nil {
		return parsing.ASTNode{}, err
	}
	ast, err := parsing.NewParser().Parse(rewritten)
	if err != nil {
		// An expression that ends too soon is reported in jmespath.py's
		// words, with its caret after the end; other syntax errors keep
		// the library's words.
		var se parsing.SyntaxError
		if errors.As(err, &se) && (strings.Contains(se.Error(), "Incomplete expression") || strings.HasSuffix(se.Error(), "TOKEOF")) {
			return parsing.ASTNode{}, fmt.Errorf("Invalid jmespath expression: Incomplete expression:\n\"%s\"\n%s^", expr, strings.Repeat(" ", len([]rune(expr))+1))
		}
		if errors.As(err, &se) && strings.Contains(se.Error(), "Expected identifier, lbracket, or lbrace") && se.Offset >= len(rewritten) {
			n := len([]rune(expr))
			return parsing.ASTNode{}, fmt.Errorf("Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column %d, token \"\" (EOF), for expression:\n\"%s\"\n%s^", n, expr, strings.Repeat(" ", n+1))
		}
		return parsing.ASTNode{}, err
	}
	return orderObjects(ast), nil
}

// rewriteLegacyLiterals handles the JSON literals (`...`) that are not
// JSON as jmespath.py's lexer does: the contents, left-trimmed, are read
// as the contents of a JSON string (Users[?UserType==`SharedDevice`]);
// when that fails too, the expression is refused with jmespath.py's "Bad
// token" message. Such literals are rewritten as the JSON string they
// stand for; quoted identifiers and raw strings are copied as they are.
func rewriteLegacyLiterals(expr string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(expr); {
		c := expr[i]
		if c != '`' && c != '"' && c != '\'' {
			b.WriteByte(c)
			i++
			continue
		}
		// Consume to the closing delimiter; a backslash protects the
		// character after it (jmespath.py's _consume_until).
		j := i + 1
		for j < len(expr) && expr[j] != c {
			if expr[j] == '\\' && j+1 < len(expr) {
				j++
			}
			j++
		}
		if j >= len(expr) {
			b.WriteString(expr[i:]) // unclosed: the parser reports it
			break
		}
		token := expr[i : j+1]
		if c == '`' {
			lexeme := strings.ReplaceAll(expr[i+1:j], "\\`", "`")
			if !json.Valid([]byte(lexeme)) {
				var s string
				if err := json.Unmarshal([]byte(`"`+strings.TrimLeftFunc(lexeme, unicode.IsSpace)+`"`), &s); err != nil {
					return "", fmt.Errorf("Bad jmespath expression: Bad token %s:\n%s\n%s^", lexeme, expr, strings.Repeat(" ", len([]rune(expr[:i]))))
				}
				enc, _ := json.Marshal(s)
				token = "`" + strings.ReplaceAll(string(enc), "`", `\u0060`) + "`"
			}
		}
		b.WriteString(token)
		i = j + 1
	}
	return b.String(), nil
}

// Two functions stand for nodes whose objects are Go maps in the
// library: the `*` of an object becomes a projection over
// orderedValues(object), which gives the values in member order (null for
// anything but an object, as `*` gives), and a multiselect hash
// {A: a, B: b} becomes orderedHash('A', a, 'B', b), which remembers the
// order its keys are written in. Their names cannot be written in an
// expression.
const (
	orderedValues = "\x00values"
	orderedHash   = "\x00hash"
)

func orderObjects(n parsing.ASTNode) parsing.ASTNode {
	children := make([]parsing.ASTNode, len(n.Children))
	for i, c := range n.Children {
		children[i] = orderObjects(c)
	}
	n.Children = children
	switch n.NodeType {
	case parsing.ASTValueProjection:
		values := parsing.ASTNode{NodeType: parsing.ASTFunctionExpression, Value: orderedValues, Children: children[:1]}
		n = parsing.ASTNode{NodeType: parsing.ASTProjection, Children: []parsing.ASTNode{values, children[1]}}
	case parsing.ASTMultiSelectHash:
		var args []parsing.ASTNode
		for _, kv := range children {
			args = append(args, parsing.ASTNode{NodeType: parsing.ASTLiteral, Value: kv.Value}, kv.Children[0])
		}
		n = parsing.ASTNode{NodeType: parsing.ASTFunctionExpression, Value: orderedHash, Children: args}
	}
	return n
}

// orderedMaps remembers the member order of the maps a query works on,
// by the maps' identity: the response's objects, and the objects merge()
// makes. Each entry holds its map, so that no other map can take its
// address while the query runs.
type orderedMaps map[uintptr]orderedMap

type orderedMap struct {
	m    map[string]any
	keys []string
}

func (om orderedMaps) remember(m map[string]any, keys []string) {
	om[reflect.ValueOf(m).Pointer()] = orderedMap{m, keys}
}

// keys is a map's member order: the remembered one, or else the given
// ranks (then alphabetical).
func (om orderedMaps) keys(m map[string]any, ranks map[string]int) []string {
	if e, ok := om[reflect.ValueOf(m).Pointer()]; ok && len(e.keys) == len(m) {
		return e.keys
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, oki := ranks[keys[i]]
		rj, okj := ranks[keys[j]]
		switch {
		case oki && okj:
			return ri < rj
		case oki != okj:
			return oki
		}
		return keys[i] < keys[j]
	})
	return keys
}

// plain turns ordered documents into the maps JMESPath works on,
// remembering their order.
func (om orderedMaps) plain(v any) any {
	switch x := v.(type) {
	case *object:
		m := make(map[string]any, len(x.keys))
		for _, k := range x.keys {
			m[k] = om.plain(x.vals[k])
		}
		om.remember(m, append([]string(nil), x.keys...))
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = om.plain(e)
		}
		return out
	case int64:
		return float64(x)
	case pyDatetime:
		return string(x)
	}
	return v
}

// ordered turns a JMESPath result back into ordered documents.
func (om orderedMaps) ordered(v any, ranks map[string]int) any {
	switch x := v.(type) {
	case map[string]any:
		o := newObject()
		for _, k := range om.keys(x, ranks) {
			o.set(k, om.ordered(x[k], ranks))
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = om.ordered(e, ranks)
		}
		return out
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
	case functions.ExpRef:
		return pyExpression{}
	}
	return v
}

// functions replaces the library's functions that walk an object with
// ones that walk it in member order.
func (om orderedMaps) functions() []functions.FunctionEntry {
	object := []functions.ArgSpec{{Types: []functions.JpType{functions.JpObject}}}
	values := func(m map[string]any) []any {
		out := make([]any, 0, len(m))
		for _, k := range om.keys(m, nil) {
			out = append(out, m[k])
		}
		return out
	}
	return []functions.FunctionEntry{{
		Name:      "keys",
		Arguments: object,
		Handler: func(args []any) (any, error) {
			m := args[0].(map[string]any)
			out := make([]any, 0, len(m))
			for _, k := range om.keys(m, nil) {
				out = append(out, k)
			}
			return out, nil
		},
	}, {
		Name:      "values",
		Arguments: object,
		Handler:   func(args []any) (any, error) { return values(args[0].(map[string]any)), nil },
	}, {
		Name:      orderedValues,
		Arguments: []functions.ArgSpec{{Types: []functions.JpType{functions.JpAny}}},
		Handler: func(args []any) (any, error) {
			if m, ok := args[0].(map[string]any); ok {
				return values(m), nil
			}
			return nil, nil
		},
	}, {
		Name: orderedHash,
		Handler: func(args []any) (any, error) {
			hash := map[string]any{}
			var keys []string
			for i := 0; i+1 < len(args); i += 2 {
				k := args[i].(string)
				if _, ok := hash[k]; !ok {
					keys = append(keys, k)
				}
				hash[k] = args[i+1]
			}
			om.remember(hash, keys)
			return hash, nil
		},
	}, {
		// merge keeps the first place of each key, as dict.update does.
		Name:      "merge",
		Arguments: []functions.ArgSpec{{Types: []functions.JpType{functions.JpObject}, Variadic: true}},
		Handler: func(args []any) (any, error) {
			merged := map[string]any{}
			var keys []string
			for _, a := range args {
				m := a.(map[string]any)
				for _, k := range om.keys(m, nil) {
					if _, ok := merged[k]; !ok {
						keys = append(keys, k)
					}
					merged[k] = m[k]
				}
			}
			om.remember(merged, keys)
			return merged, nil
		},
	}, {
		Name:      "to_string",
		Arguments: []functions.ArgSpec{{Types: []functions.JpType{functions.JpAny}}},
		Handler: func(args []any) (any, error) {
			if s, ok := args[0].(string); ok {
				return s, nil
			}
			var b strings.Builder
			om.writeCompactJSON(&b, args[0])
			return b.String(), nil
		},
	}}
}

// writeCompactJSON is Python's json.dumps(v, separators=(',', ':')), which
// jmespath.py's to_string() uses: members in order, non-ASCII escaped.
func (om orderedMaps) writeCompactJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case map[string]any:
		b.WriteByte('{')
		for i, k := range om.keys(x, nil) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeASCIIString(b, k)
			b.WriteByte(':')
			om.writeCompactJSON(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			om.writeCompactJSON(b, e)
		}
		b.WriteByte(']')
	case string:
		writeASCIIString(b, x)
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e16 {
			b.WriteString(strconv.FormatInt(int64(x), 10))
		} else {
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	default:
		b.WriteString(pyStr(x))
	}
}

func writeASCIIString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || r > 0x7e && r < 0x10000:
			fmt.Fprintf(b, `\u%04x`, r)
		case r >= 0x10000:
			r -= 0x10000
			fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// queryKeyRanks orders the keys of objects a query makes as jmespath.py
// leaves them: the keys a multiselect hash makes in the order the
// expression names them, then the model's members in model order.
func queryKeyRanks(ast parsing.ASTNode, output *apispec.Shape) map[string]int {
	ranks := map[string]int{}
	var walk func(n parsing.ASTNode)
	walk = func(n parsing.ASTNode) {
		if n.NodeType == parsing.ASTKeyValPair {
			if k, ok := n.Value.(string); ok {
				if _, seen := ranks[k]; !seen {
					ranks[k] = len(ranks)
				}
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(ast)
	base := len(ranks)
	for k, r := range keyRanks(output) {
		if _, ok := ranks[k]; !ok {
			ranks[k] = base + r
		}
	}
	return ranks
}
