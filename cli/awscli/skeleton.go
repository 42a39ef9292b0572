package awscli

import (
	"regexp"
	"strings"

	"github.com/openchime/chime/apispec"
	"go.yaml.in/yaml/v3"
)

// inputSkeleton is what --generate-cli-skeleton input prints: every input
// member in model order, strings empty, enums their first value, integers
// 0, booleans true, lists of one element.
func inputSkeleton(s *apispec.Shape, depth int) any {
	switch s.Type {
	case apispec.Structure:
		o := newObject()
		if depth > 8 {
			return o
		}
		for _, m := range s.Members {
			o.set(m.Name, inputSkeleton(m.Shape, depth+1))
		}
		return o
	case apispec.List:
		return []any{inputSkeleton(s.Member, depth+1)}
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
func outputSkeleton(s *apispec.Shape, name string, depth int) any {
	switch s.Type {
	case apispec.Structure:
		o := newObject()
		if depth > 8 {
			return o
		}
		for _, m := range s.Members {
			o.set(m.Name, outputSkeleton(m.Shape, m.Name, depth+1))
		}
		return o
	case apispec.List:
		return []any{outputSkeleton(s.Member, s.Member.Name, depth+1)}
	case apispec.String:
		return name
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
// [REQUIRED] where it is, and with its allowed values.
func yamlInputSkeleton(s *apispec.Shape) (string, error) {
	node := yamlSkeletonNode(s, 0)
	out, err := yaml.Marshal(node)
	return string(out), err
}

func yamlSkeletonNode(s *apispec.Shape, depth int) *yaml.Node {
	switch s.Type {
	case apispec.Structure:
		n := &yaml.Node{Kind: yaml.MappingNode}
		if depth > 8 {
			n.Style = yaml.FlowStyle
			return n
		}
		for _, m := range s.Members {
			comment := firstSentence(m.Doc)
			if m.Required {
				comment = "[REQUIRED] " + comment
			}
			if len(m.Shape.Enum) > 0 {
				comment += " Valid values are: " + strings.Join(m.Shape.Enum, ", ") + "."
			}
			key := &yaml.Node{Kind: yaml.ScalarNode, Value: m.Name}
			val := yamlSkeletonNode(m.Shape, depth+1)
			if val.Kind == yaml.ScalarNode {
				val.LineComment = comment
			} else {
				key.LineComment = comment
			}
			n.Content = append(n.Content, key, val)
		}
		return n
	case apispec.List:
		return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{yamlSkeletonNode(s.Member, depth+1)}}
	}
	v := inputSkeleton(s, depth)
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: pyStr(v)}
	switch x := v.(type) {
	case string:
		n.Tag = "!!str"
		if x == "" {
			n.Style = yaml.SingleQuotedStyle
		}
	case bool:
		n.Tag, n.Value = "!!bool", "true"
	case int64:
		n.Tag = "!!int"
	case float64:
		n.Tag, n.Value = "!!float", "0.0"
	}
	return n
}
