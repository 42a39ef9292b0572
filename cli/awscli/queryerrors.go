package awscli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/functions"
	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
)

// queryError is a JMESPath error found while the query runs over the
// response (a function given a wrong type or number of arguments, an
// unknown function): the AWS CLI exits 255 with jmespath.py's words.
type queryError struct{ msg string }

func (e *queryError) Error() string { return e.msg }

// checkedCaller refuses an unknown function in jmespath.py's words.
type checkedCaller struct {
	known  map[string]bool
	caller interpreter.FunctionCaller
}

func (c checkedCaller) CallFunction(name string, args []any) (any, error) {
	if !c.known[name] {
		return nil, &queryError{fmt.Sprintf("Unknown function: %s()", name)}
	}
	return c.caller.CallFunction(name, args)
}

// functionCaller is the functions a query may call: JMESPath's own, with
// the ones that keep member order in place of theirs.
func (om orderedMaps) functionCaller() interpreter.FunctionCaller {
	funcs := om.checkedFunctions(append(functions.GetDefaultFunctions(), om.functions()...))
	known := map[string]bool{}
	for _, f := range funcs {
		known[f.Name] = true
	}
	return checkedCaller{known: known, caller: interpreter.NewFunctionCaller(funcs...)}
}

// checkedFunctions wraps each function so that its arguments are checked
// as jmespath.py checks them, with its messages; the library's own check
// is turned off (every argument accepts anything) since its messages name
// Go types.
func (om orderedMaps) checkedFunctions(funcs []functions.FunctionEntry) []functions.FunctionEntry {
	anything := []functions.ArgSpec{{Types: []functions.JpType{functions.JpAny}, Optional: true, Variadic: true}}
	out := make([]functions.FunctionEntry, len(funcs))
	for i, f := range funcs {
		if len(f.Arguments) == 0 {
			out[i] = f // the library checks nothing either: an internal function
			continue
		}
		specs, handler, name := f.Arguments, f.Handler, f.Name
		out[i] = functions.FunctionEntry{Name: name, Arguments: anything, Handler: func(args []any) (any, error) {
			if err := om.checkArgs(name, specs, args); err != nil {
				return nil, err
			}
			if err := om.checkKeys(name, args); err != nil {
				return nil, err
			}
			return handler(args)
		}}
	}
	return out
}

func (om orderedMaps) checkArgs(name string, specs []functions.ArgSpec, args []any) error {
	required, variadic := 0, false
	for _, s := range specs {
		if !s.Optional {
			required++
		}
		variadic = variadic || s.Variadic
	}
	plural := func(n int) string {
		if n == 1 {
			return "argument"
		}
		return "arguments"
	}
	switch {
	case variadic && len(args) < required:
		return &queryError{fmt.Sprintf("Expected at least %d %s for function %s(), received %d", required, plural(required), name, len(args))}
	case !variadic && (len(args) < required || len(args) > len(specs)):
		return &queryError{fmt.Sprintf("Expected %d %s for function %s(), received %d", required, plural(required), name, len(args))}
	}
	for i, arg := range args {
		spec := specs[min(i, len(specs)-1)]
		if err := om.checkType(name, spec.Types, arg); err != nil {
			return err
		}
	}
	return nil
}

// checkType is jmespath.py's _type_check: the value's own type first
// (named by its JMESPath type), then for an array that should hold
// numbers or strings each element (named by its Python type): against the
// one element type allowed, or, where several are, against the first
// element's.
func (om orderedMaps) checkType(name string, types []functions.JpType, arg any) error {
	var expected, subtypes []string
	top := map[string]bool{}
	for _, t := range types {
		if t == functions.JpAny {
			return nil
		}
		expected = append(expected, "'"+strings.NewReplacer("[", "-", "]", "").Replace(string(t))+"'")
		if sub, ok := strings.CutPrefix(string(t), "array["); ok {
			top["array"] = true
			subtypes = append(subtypes, strings.TrimSuffix(sub, "]"))
		} else {
			top[string(t)] = true
		}
	}
	refuse := func(v any, typ string) error {
		return &queryError{fmt.Sprintf("In function %s(), invalid type for value: %s, expected one of: [%s], received: \"%s\"",
			name, om.pyValue(v, false), strings.Join(expected, ", "), typ)}
	}
	if !top[jpTypeOf(arg)] {
		return refuse(arg, jpTypeOf(arg))
	}
	items, _ := arg.([]any)
	switch {
	case len(subtypes) == 1:
		for _, it := range items {
			if jpTypeOf(it) != subtypes[0] {
				return refuse(it, pyTypeName(it))
			}
		}
	case len(subtypes) > 1 && len(items) > 0:
		first := jpTypeOf(items[0])
		if !slices.Contains(subtypes, first) {
			return refuse(items[0], pyTypeName(items[0]))
		}
		for _, it := range items {
			if jpTypeOf(it) != first {
				return refuse(it, pyTypeName(it))
			}
		}
	}
	return nil
}

// checkKeys checks the keys of sort_by, min_by and max_by as jmespath.py
// does, element by element in order: sort_by's first key must be a number
// or a string and every other key of its type; min_by's and max_by's
// each a number or a string.
func (om orderedMaps) checkKeys(name string, args []any) error {
	if name != "sort_by" && name != "min_by" && name != "max_by" || len(args) != 2 {
		return nil
	}
	items, _ := args[0].([]any)
	key, ok := args[1].(functions.ExpRef)
	if !ok || len(items) == 0 {
		return nil
	}
	allowed := []string{"number", "string"}
	if name == "sort_by" {
		k, err := key(items[0])
		if err != nil {
			return err
		}
		if t := jpTypeOf(k); t != "number" && t != "string" {
			return &queryError{fmt.Sprintf("In function sort_by(), invalid type for value: %s, expected one of: ['string', 'number'], received: \"%s\"", om.pyValue(items[0], false), t)}
		}
		allowed = []string{jpTypeOf(k)}
	}
	for _, it := range items {
		k, err := key(it)
		if err != nil {
			return err
		}
		if t := jpTypeOf(k); !slices.Contains(allowed, t) {
			return &queryError{fmt.Sprintf("In function %s(), invalid type for value: %s, expected one of: ['%s'], received: \"%s\"", name, om.pyValue(k, false), strings.Join(allowed, "', '"), t)}
		}
	}
	return nil
}

// jpTypeOf is the JMESPath type of a value.
func jpTypeOf(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64, int64, int:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case functions.ExpRef:
		return "expref"
	}
	return "unknown"
}

// pyTypeName is Python's type(v).__name__ of a decoded JSON value.
func pyTypeName(v any) string {
	switch x := v.(type) {
	case string:
		return "str"
	case float64:
		if x == float64(int64(x)) {
			return "int"
		}
		return "float"
	case bool:
		return "bool"
	case nil:
		return "NoneType"
	case []any:
		return "list"
	case map[string]any:
		return "dict"
	}
	return "object"
}

// pyValue is Python's str() of a decoded JSON value (repr inside
// containers), objects in their member order. Numbers that are whole
// print as the ints JSON decoding gives Python.
func (om orderedMaps) pyValue(v any, inner bool) string {
	switch x := v.(type) {
	case string:
		if inner {
			return pyQuote(x)
		}
		return x
	case float64:
		if x == float64(int64(x)) && x < 1e16 && x > -1e16 {
			return strconv.FormatInt(int64(x), 10)
		}
		return pyStr(x)
	case []any:
		parts := make([]string, len(x))
		for i, it := range x {
			parts[i] = om.pyValue(it, true)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		var parts []string
		for _, k := range om.keys(x, nil) {
			parts = append(parts, pyQuote(k)+": "+om.pyValue(x[k], true))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return pyStr(v)
}

// pyQuote is Python's repr() of a string: single quotes unless the
// string holds one and no double quote.
func pyQuote(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case string(r) == q:
			b.WriteString(`\` + q)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(q)
	return b.String()
}
