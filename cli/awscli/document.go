package awscli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/openchime/chime/apispec"
)

// object is a JSON object that keeps its keys in order: the model's member
// order, which is how the AWS CLI prints every response.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *object) get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

func (o *object) len() int { return len(o.keys) }

// pythonTime renders a timestamp as Python's datetime.isoformat() does for
// an aware UTC time, which is how AWS CLI v2 prints timestamps.
func pythonTime(t time.Time) string {
	t = t.UTC()
	s := t.Format("2006-01-02T15:04:05")
	if us := t.Nanosecond() / 1000; us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	return s + "+00:00"
}

// shapeResponse turns a decoded JSON response into an ordered document
// that follows the output shape: members in model order, unknown members
// dropped (as botocore drops them), timestamps re-rendered unless wire
// asks for them as sent.
func shapeResponse(s *apispec.Shape, v any, wire bool) any {
	if v == nil || s == nil {
		return nil
	}
	switch s.Type {
	case apispec.Structure:
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		out := newObject()
		for _, mem := range s.Members {
			if mv, ok := m[mem.Name]; ok && mv != nil {
				out.set(mem.Name, shapeResponse(mem.Shape, mv, wire))
			}
		}
		return out
	case apispec.List:
		items, ok := v.([]any)
		if !ok {
			return nil
		}
		out := make([]any, 0, len(items))
		for _, it := range items {
			out = append(out, shapeResponse(s.Member, it, wire))
		}
		return out
	case apispec.Timestamp:
		if wire {
			return v
		}
		str, _ := v.(string)
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
			if t, err := time.Parse(layout, str); err == nil {
				return pythonTime(t)
			}
		}
		if n, ok := v.(json.Number); ok {
			if f, err := n.Float64(); err == nil {
				return pythonTime(time.UnixMicro(int64(f * 1e6)))
			}
		}
		return str
	case apispec.Integer:
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return i
			}
		}
		return v
	case apispec.Double:
		if n, ok := v.(json.Number); ok {
			if f, err := n.Float64(); err == nil {
				return f
			}
		}
		return v
	}
	return v
}

// keyRanks orders the keys of query results: a key's rank is where it
// first appears in the output shape, walked in model order. Keys the model
// does not know (multiselect names) come after, alphabetically.
func keyRanks(s *apispec.Shape) map[string]int {
	ranks := map[string]int{}
	var walk func(*apispec.Shape)
	walk = func(s *apispec.Shape) {
		if s == nil {
			return
		}
		for _, m := range s.Members {
			if _, ok := ranks[m.Name]; !ok {
				ranks[m.Name] = len(ranks)
			}
			walk(m.Shape)
		}
		walk(s.Member)
	}
	walk(s)
	return ranks
}

// pyDatetime is a timestamp the AWS CLI holds as a Python datetime, not
// as the string a parsed response has: the output skeleton's. It holds the
// isoformat, which JSON prints; the text, table and YAML outputs print
// Python's str() of it, with a space for the "T".
type pyDatetime string

// pyExpression is an expression reference (&foo) left in a query's
// result. jmespath.py returns its expression object, which the JSON and
// YAML outputs cannot write and text writes as the object's repr (without
// its memory address here).
type pyExpression struct{}

const pyExpressionRepr = "<jmespath.visitor._Expression object>"

// pyStr is Python's str() of a scalar, as the text and table formats print.
func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return x
	case pyDatetime:
		return strings.Replace(string(x), "T", " ", 1)
	case pyExpression:
		return pyExpressionRepr
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		// Python's str() of a float: "1.0", "0.5".
		if x == float64(int64(x)) && x < 1e16 && x > -1e16 {
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}

func isScalar(v any) bool {
	switch v.(type) {
	case *object, []any:
		return false
	}
	return true
}
