package awscli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/openchime/chime/apispec"
)

// paramError is a problem with what the user typed (exit code 252).
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func paramErrorf(format string, args ...any) *paramError {
	return &paramError{fmt.Sprintf(format, args...)}
}

// generalError is a failure the AWS CLI does not foresee, such as Python's
// own ValueError for a number it cannot read: exit code 255, the message
// alone.
type generalError struct{ msg string }

func (e *generalError) Error() string { return e.msg }

// pyInt reads an integer as Python's int() does: spaces around it, a
// sign, and underscores between digits allowed; its ValueError otherwise.
func pyInt(s string) (int64, error) {
	t := strings.TrimSpace(s)
	digits := strings.TrimLeft(t, "+-")
	ok := len(t)-len(digits) <= 1 && digits != "" && !strings.HasPrefix(digits, "_") && !strings.HasSuffix(digits, "_") && !strings.Contains(digits, "__")
	n, err := strconv.ParseInt(strings.ReplaceAll(t, "_", ""), 10, 64)
	if !ok || err != nil {
		return 0, &generalError{fmt.Sprintf("invalid literal for int() with base 10: %s", pyQuote(s))}
	}
	return n, nil
}

// maxParamFileBytes bounds what a file:// or fileb:// value may hold:
// sixteen times the largest request body a server takes by default
// (restjson.DefaultMaxBodyBytes), room for one started with a larger
// --max-body-bytes, while file:///dev/zero fails instead of filling the
// memory.
const maxParamFileBytes = 16 << 20

// readParamFile resolves file:// and fileb:// values, as the AWS CLI does
// for every parameter; relative paths start in the Env's directory.
func readParamFile(e *Env, flag, v string) (string, error) {
	for _, prefix := range []string{"file://", "fileb://"} {
		if strings.HasPrefix(v, prefix) {
			path := strings.TrimPrefix(v, prefix)
			b, err := readBounded(e.path(path))
			if err != nil {
				return "", paramErrorf("Error parsing parameter '%s': Unable to load paramfile %s: %s", flag, v, pyOSError(err, path))
			}
			if prefix == "file://" && !utf8.Valid(b) {
				return "", paramErrorf("Error parsing parameter '%s': Unable to load paramfile (%s), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.", flag, v)
			}
			return string(b), nil
		}
	}
	return v, nil
}

// errTooLarge is a parameter file past maxParamFileBytes.
var errTooLarge = fmt.Errorf("larger than %d bytes", maxParamFileBytes)

// readBounded reads a file of at most maxParamFileBytes, errTooLarge past
// that.
func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxParamFileBytes+1))
	if err == nil && len(b) > maxParamFileBytes {
		err = errTooLarge
	}
	return b, err
}

// pyOSError is Python's str() of the OSError for a file it could not
// open: "[Errno 2] No such file or directory: 'path'".
func pyOSError(err error, path string) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("[Errno %d] %s: %s", int(errno), pyStrerror(errno), pyQuote(path))
	}
	return err.Error()
}

// pyStrerror is the C library's wording, which Python uses, where Go's
// differs in case.
func pyStrerror(errno syscall.Errno) string {
	msg := errno.Error()
	return strings.ToUpper(msg[:1]) + msg[1:]
}

// convertParam turns the raw command-line values of one member into the
// value its shape wants.
func convertParam(e *Env, flag string, s *apispec.Shape, raw []string) (any, error) {
	if len(raw) == 1 && strings.HasPrefix(raw[0], "fileb://") && s.Type != apispec.List && s.Type != apispec.Structure {
		// The file's bytes, which botocore's validation refuses for
		// anything but a blob.
		r, err := readParamFile(e, flag, raw[0])
		if err != nil {
			return nil, err
		}
		return pyBytes(r), nil
	}
	for i, v := range raw {
		r, err := readParamFile(e, flag, v)
		if err != nil {
			return nil, err
		}
		raw[i] = r
	}
	bad := func(err error) error { return paramErrorf("Error parsing parameter '%s': %v", flag, err) }
	switch s.Type {
	case apispec.List:
		if len(raw) == 1 && strings.HasPrefix(strings.TrimSpace(raw[0]), "[") {
			v, err := decodeJSONValue(raw[0])
			if err != nil {
				return nil, bad(err)
			}
			return coerce(s, v, flag)
		}
		items := make([]any, len(raw))
		for i, r := range raw {
			if s.Member.Type == apispec.Structure {
				v, err := structureValue(r)
				if err != nil {
					return nil, bad(err)
				}
				items[i] = v
			} else {
				items[i] = r
			}
		}
		return coerce(s, items, flag)
	case apispec.Structure:
		v, err := structureValue(raw[0])
		if err != nil {
			return nil, bad(err)
		}
		return coerce(s, v, flag)
	}
	return coerce(s, raw[0], flag)
}

func structureValue(r string) (any, error) {
	if strings.HasPrefix(strings.TrimSpace(r), "{") {
		return decodeJSONValue(r)
	}
	return parseShorthand(r)
}

func decodeJSONValue(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		msg := pyJSONError(s)
		if msg == "" {
			// Python reads what Go does not (NaN, Infinity); its
			// reading of them is not followed.
			msg = err.Error()
		}
		return nil, fmt.Errorf("Invalid JSON: %s\nJSON received: %s", msg, s)
	}
	if dec.More() {
		return nil, fmt.Errorf("Invalid JSON: %s\nJSON received: %s", pyJSONError(s), s)
	}
	return v, nil
}

// coerce types the strings of shorthand and command-line values by shape
// ("true" for a boolean, "5" for an integer); JSON values pass as they are
// and botocore-style validation judges them later.
func coerce(s *apispec.Shape, v any, flag string) (any, error) {
	switch s.Type {
	case apispec.Integer:
		if str, ok := v.(string); ok {
			n, err := pyInt(str)
			if err != nil {
				return nil, err
			}
			return n, nil
		}
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return i, nil
			}
		}
	case apispec.Double:
		switch x := v.(type) {
		case string:
			f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if err != nil {
				return nil, &generalError{fmt.Sprintf("could not convert string to float: %s", pyQuote(x))}
			}
			return f, nil
		case json.Number:
			if f, err := x.Float64(); err == nil {
				return f, nil
			}
		case int64:
			return float64(x), nil
		}
	case apispec.Boolean:
		if str, ok := v.(string); ok {
			switch strings.ToLower(str) {
			case "true":
				return true, nil
			case "false":
				return false, nil
			}
			// Anything else stays a string, which validation refuses
			// in botocore's words.
			return str, nil
		}
	case apispec.List:
		if items, ok := v.([]any); ok {
			out := make([]any, len(items))
			for i, it := range items {
				c, err := coerce(s.Member, it, flag)
				if err != nil {
					return nil, err
				}
				out[i] = c
			}
			return out, nil
		}
	case apispec.Structure:
		if m, ok := v.(map[string]any); ok {
			out := map[string]any{}
			for k, val := range m {
				mem := s.MemberNamed(k)
				if mem == nil {
					out[k] = val // reported as unknown by validation
					continue
				}
				c, err := coerce(mem.Shape, val, flag)
				if err != nil {
					return nil, err
				}
				out[k] = c
			}
			return out, nil
		}
	}
	return v, nil
}

// validateInput checks the input document as botocore does before it
// sends anything: unknown and missing members, types, and minimums.
// (Maximums, patterns and enums are the server's to judge.)
func validateInput(s *apispec.Shape, doc map[string]any) error {
	var problems []string
	validateValue(s, doc, "", &problems)
	if len(problems) > 0 {
		return &paramError{"Parameter validation failed:\n" + strings.Join(problems, "\n")}
	}
	return nil
}

func validateValue(s *apispec.Shape, v any, path string, problems *[]string) {
	name := path
	typeErr := func(valid string) {
		*problems = append(*problems, fmt.Sprintf("Invalid type for parameter %s, value: %s, type: %s, valid types: %s",
			name, pyRepr(v), pyType(v), valid))
	}
	switch s.Type {
	case apispec.Structure:
		m, ok := v.(map[string]any)
		if !ok {
			typeErr("<class 'dict'>")
			return
		}
		// botocore's order: the missing members, then the unknown ones,
		// then what is wrong inside the known ones.
		var names []string
		for _, mem := range s.Members {
			names = append(names, mem.Name)
			if mv, present := m[mem.Name]; mem.Required && (!present || mv == nil) {
				*problems = append(*problems, fmt.Sprintf("Missing required parameter in %s: %q", inputName(path), mem.Name))
			}
		}
		for _, k := range sortedMapKeys(m) {
			if s.MemberNamed(k) == nil {
				*problems = append(*problems, fmt.Sprintf("Unknown parameter in %s: %q, must be one of: %s",
					inputName(path), k, strings.Join(names, ", ")))
			}
		}
		for _, mem := range s.Members {
			child := mem.Name
			if path != "" {
				child = path + "." + mem.Name
			}
			if mv, present := m[mem.Name]; present && mv != nil {
				validateValue(mem.Shape, mv, child, problems)
			}
		}
	case apispec.List:
		items, ok := v.([]any)
		if !ok {
			typeErr("<class 'list'>, <class 'tuple'>")
			return
		}
		if s.HasMin && len(items) < s.Min {
			*problems = append(*problems, fmt.Sprintf("Invalid length for parameter %s, value: %d, valid min length: %d", name, len(items), s.Min))
		}
		for i, it := range items {
			validateValue(s.Member, it, fmt.Sprintf("%s[%d]", path, i), problems)
		}
	case apispec.String, apispec.Timestamp:
		str, ok := v.(string)
		if !ok {
			typeErr("<class 'str'>")
			return
		}
		if s.HasMin && len([]rune(str)) < s.Min {
			*problems = append(*problems, fmt.Sprintf("Invalid length for parameter %s, value: %d, valid min length: %d", name, len([]rune(str)), s.Min))
		}
	case apispec.Integer:
		n, ok := v.(int64)
		if !ok {
			typeErr("<class 'int'>")
			return
		}
		if s.HasMin && n < int64(s.Min) {
			*problems = append(*problems, fmt.Sprintf("Invalid value for parameter %s, value: %d, valid min value: %d", name, n, s.Min))
		}
	case apispec.Double:
		if _, ok := v.(float64); !ok {
			typeErr("<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>")
		}
	case apispec.Boolean:
		if _, ok := v.(bool); !ok {
			typeErr("<class 'bool'>")
		}
	}
}

func inputName(path string) string {
	if path == "" {
		return "input"
	}
	return path
}

func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// pyBytes is the content of a fileb:// file: Python bytes.
type pyBytes string

func pyType(v any) string {
	switch v.(type) {
	case pyBytes:
		return "<class 'bytes'>"
	case string:
		return "<class 'str'>"
	case bool:
		return "<class 'bool'>"
	case int64, json.Number:
		return "<class 'int'>"
	case []any:
		return "<class 'list'>"
	case map[string]any:
		return "<class 'dict'>"
	case nil:
		return "<class 'NoneType'>"
	}
	return fmt.Sprintf("<class '%T'>", v)
}

func pyRepr(v any) string {
	switch x := v.(type) {
	case pyBytes:
		return bytesRepr(string(x))
	case string:
		return x
	case bool:
		return pyStr(x)
	case map[string]any, []any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}

// bytesRepr is Python's repr() of bytes: b'...', printable ASCII as it
// is, the rest escaped.
func bytesRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteString("b" + string(q))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == q:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}
