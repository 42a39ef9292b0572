package apispec

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ValidationError is a value that breaks a constraint of its shape. Path
// names the member (UpdateUserRequestItems[1].LicenseType); the message
// never repeats a sensitive value.
type ValidationError struct {
	Path    string
	Message string
}

func (e *ValidationError) Error() string { return e.Path + " " + e.Message }

// Validate checks a decoded JSON value (numbers as json.Number) against the
// shape: types, required members, enums, patterns, lengths, list sizes and
// integer bounds. Unknown structure members are allowed and ignored, as the
// service ignored them.
func Validate(s *Shape, v any, path string) error {
	if v == nil {
		return nil // JSON null is an absent member
	}
	switch s.Type {
	case String:
		str, ok := v.(string)
		if !ok {
			return &ValidationError{path, "must be a string"}
		}
		return ValidateString(s, str, path)
	case Integer:
		n, ok := v.(json.Number)
		if !ok {
			return &ValidationError{path, "must be an integer"}
		}
		i, err := n.Int64()
		if err != nil {
			return &ValidationError{path, "must be an integer"}
		}
		return ValidateInteger(s, i, path)
	case Double:
		n, ok := v.(json.Number)
		if !ok {
			return &ValidationError{path, "must be a number"}
		}
		f, err := n.Float64()
		if err != nil {
			return &ValidationError{path, "must be a number"}
		}
		if (s.HasMin && f < float64(s.Min)) || (s.HasMax && f > float64(s.Max)) {
			return &ValidationError{path, fmt.Sprintf("must be between %d and %d", s.Min, s.Max)}
		}
	case Boolean:
		if _, ok := v.(bool); !ok {
			return &ValidationError{path, "must be a boolean"}
		}
	case Timestamp:
		if _, ok := v.(string); !ok {
			return &ValidationError{path, "must be a timestamp string"}
		}
	case List:
		items, ok := v.([]any)
		if !ok {
			return &ValidationError{path, "must be a list"}
		}
		if s.HasMin && len(items) < s.Min {
			return &ValidationError{path, fmt.Sprintf("must have at least %d items", s.Min)}
		}
		if s.HasMax && len(items) > s.Max {
			return &ValidationError{path, fmt.Sprintf("must have at most %d items", s.Max)}
		}
		if s.Cap > 0 && len(items) > s.Cap {
			return &ValidationError{path, fmt.Sprintf("must have at most %d items (this server's limit)", s.Cap)}
		}
		for i, item := range items {
			if item == nil {
				return &ValidationError{fmt.Sprintf("%s[%d]", path, i), "must not be null"}
			}
			if err := Validate(s.Member, item, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case Structure:
		obj, ok := v.(map[string]any)
		if !ok {
			return &ValidationError{path, "must be an object"}
		}
		return ValidateMembers(s, obj, path, Body)
	}
	return nil
}

// ValidateMembers checks the members of a structure that travel in one
// location (Body for a JSON object); required members of that location
// must be present.
func ValidateMembers(s *Shape, obj map[string]any, path string, loc Location) error {
	for _, m := range s.Members {
		if m.Location != loc {
			continue
		}
		p := m.Name
		if path != "" {
			p = path + "." + m.Name
		}
		v, present := obj[m.Name]
		if !present || v == nil {
			if m.Required {
				return &ValidationError{p, "is required"}
			}
			continue
		}
		if err := Validate(m.Shape, v, p); err != nil {
			return err
		}
	}
	return nil
}

// ValidateString checks a string against enum, pattern and length.
func ValidateString(s *Shape, str, path string) error {
	if !utf8.ValidString(str) {
		return &ValidationError{path, "must be valid UTF-8"}
	}
	// No member of the API carries control characters; refusing them keeps
	// them out of stored names and ids, and out of every log and terminal.
	for _, r := range str {
		if (r < 0x20 || r == 0x7f) && !(r == '\n' && s.Lines) {
			return &ValidationError{path, "must not contain control characters"}
		}
	}
	if len(s.Enum) > 0 {
		for _, e := range s.Enum {
			if e == str {
				return nil
			}
		}
		return &ValidationError{path, "must be one of: " + strings.Join(s.Enum, ", ")}
	}
	n := utf8.RuneCountInString(str)
	if s.HasMin && n < s.Min {
		return &ValidationError{path, fmt.Sprintf("must be at least %d characters long", s.Min)}
	}
	if s.HasMax && n > s.Max {
		return &ValidationError{path, fmt.Sprintf("must be at most %d characters long", s.Max)}
	}
	if s.Cap > 0 && n > s.Cap {
		return &ValidationError{path, fmt.Sprintf("must be at most %d characters long (this server's limit)", s.Cap)}
	}
	if re := s.Regexp(); re != nil && !re.MatchString(str) {
		return &ValidationError{path, "must match the pattern " + s.Pattern}
	}
	return nil
}

// ValidateInteger checks an integer against its bounds.
func ValidateInteger(s *Shape, i int64, path string) error {
	if (s.HasMin && i < int64(s.Min)) || (s.HasMax && i > int64(s.Max)) {
		return &ValidationError{path, fmt.Sprintf("must be between %d and %d", s.Min, s.Max)}
	}
	return nil
}
