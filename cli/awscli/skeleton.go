package awscli

import (
	"regexp"
	"strings"

	"github.com/openchime/chime/apispec"
)

// inputSkeleton is what --generate-cli-skeleton input prints: every input
// member in model order, strings empty, enums their first value, integers
// 0, booleans true, lists of one element.
func inputSkeleton(s *apispec.Shape) any {
	switch s.Type {
	case apispec.Structure:
		o := newObject()
		for _, m := range s.Members {
			o.set(m.Name, inputSkeleton(m.Shape))
		}
		return o
	case apispec.List:
		return []any{inputSkeleton(s.Member)}
	case apispec.String:
		if len(s.Enum) > 0 {
			return s.Enum[0]
		}
		return ""
	}
	return scalarSkeleton(s)
}

// scalarSkeleton is the sample value of a non-string scalar, the same in
// input and output skeletons.
func scalarSkeleton(s *apispec.Shape) any {
	switch s.Type {
	case apispec.Integer:
		return int64(0)
	case apispec.Double:
		return 0.0
	case apispec.Boolean:
		return true
	case apispec.Timestamp:
		return "1970-01-01T00:00:00"
	}
	return nil
}

// outputSkeleton is the fabricated response of --generate-cli-skeleton
// output: every string (enums too) is its member's name, a list of strings
// holds its member shape's name, booleans are true, timestamps the epoch.
func outputSkeleton(s *apispec.Shape, name string) any {
	switch s.Type {
	case apispec.Structure:
		o := newObject()
		for _, m := range s.Members {
			o.set(m.Name, outputSkeleton(m.Shape, m.Name))
		}
		return o
	case apispec.List:
		return []any{outputSkeleton(s.Member, s.Member.Name)}
	case apispec.String:
		return name
	case apispec.Timestamp:
		return pyDatetime("1970-01-01T00:00:00")
	}
	return scalarSkeleton(s)
}

var sentenceEnd = regexp.MustCompile(`[.:]+`)

// firstSentence is the start of a member's description, up to its first
// run of '.' or ':', as the YAML skeleton's comments show it.
func firstSentence(doc string) string {
	doc = strings.Join(strings.Fields(doc), " ")
	if loc := sentenceEnd.FindStringIndex(doc); loc != nil {
		doc = doc[:loc[0]]
	}
	return doc + "."
}

// yamlInputSkeleton is --generate-cli-skeleton yaml-input: the input
// skeleton in YAML, each member commented with its description, marked
// [REQUIRED] where it is, and with its allowed values. The layout is the
// AWS CLI's (ruamel.yaml's round-trip dump): two spaces of indentation,
// list items at their key's indentation, and two spaces before the
// comment of a mapping's first key, one before the others'.
func yamlInputSkeleton(s *apispec.Shape) (string, error) {
	if len(s.Members) == 0 {
		return "{}\n", nil
	}
	var b strings.Builder
	writeYAMLSkeleton(&b, s, "", "")
	return b.String(), nil
}

// writeYAMLSkeleton writes the members of structure s, the first after
// first (a list item's "- ") and the others after indent.
func writeYAMLSkeleton(b *strings.Builder, s *apispec.Shape, indent, first string) {
	for i, m := range s.Members {
		comment := firstSentence(m.Doc)
		if m.Required {
			comment = "[REQUIRED] " + comment
		}
		if len(m.Shape.Enum) > 0 {
			comment += " Valid values are: " + strings.Join(m.Shape.Enum, ", ") + "."
		}
		gap := " "
		if i == 0 {
			gap = "  "
		}
		lead := indent
		if i == 0 {
			lead = first
		}
		b.WriteString(lead + m.Name + ":")
		writeYAMLSkeletonValue(b, m.Shape, indent, gap+"# "+comment)
	}
}

// writeYAMLSkeletonValue writes a member's value after its key, and the
// comment after the value where it is a scalar, else after the key.
func writeYAMLSkeletonValue(b *strings.Builder, s *apispec.Shape, indent, comment string) {
	switch s.Type {
	case apispec.Structure:
		if len(s.Members) == 0 {
			b.WriteString(" {}" + comment + "\n")
			return
		}
		b.WriteString(comment + "\n")
		writeYAMLSkeleton(b, s, indent+"  ", indent+"  ")
	case apispec.List:
		b.WriteString(comment + "\n")
		writeYAMLSkeletonItem(b, s.Member, indent)
	default:
		b.WriteString(" " + yamlSkeletonScalar(s) + comment + "\n")
	}
}

// writeYAMLSkeletonItem writes the one item of a list skeleton.
func writeYAMLSkeletonItem(b *strings.Builder, s *apispec.Shape, indent string) {
	switch s.Type {
	case apispec.Structure:
		if len(s.Members) == 0 {
			b.WriteString(indent + "- {}\n")
			return
		}
		writeYAMLSkeleton(b, s, indent+"  ", indent+"- ")
	case apispec.List:
		b.WriteString(indent + "-\n")
		writeYAMLSkeletonItem(b, s.Member, indent+"  ")
	default:
		b.WriteString(indent + "- " + yamlSkeletonScalar(s) + "\n")
	}
}

func yamlSkeletonScalar(s *apispec.Shape) string {
	switch v := inputSkeleton(s).(type) {
	case string:
		if v == "" {
			return "''"
		}
		return yamlString(v)
	case bool:
		return "true"
	case float64:
		return "0.0"
	default:
		return pyStr(v)
	}
}

// skeletonDocument is an output skeleton as the validation of inputs
// takes a document: maps, lists and the scalars as they are.
func skeletonDocument(v any) any {
	switch x := v.(type) {
	case *object:
		m := make(map[string]any, x.len())
		for _, k := range x.keys {
			m[k] = skeletonDocument(x.vals[k])
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = skeletonDocument(e)
		}
		return out
	case pyDatetime:
		return string(x)
	}
	return v
}
