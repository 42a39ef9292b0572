// Package apispec is this project's own description of the Chime API: for
// each of the 62 operations its HTTP binding, and for the implemented ones
// their input and output members with every constraint. The wire layer
// validates requests against it, the command line builds its options from
// it, and a test compares it with the model that ships inside botocore.
//
// It imports only the standard library and the domain (package chime),
// whose enumerations and limits the shapes take rather than repeat.
package apispec

import (
	"regexp"
	"strings"
	"sync"
)

// Type is the kind of value a shape holds.
type Type string

// Shape types.
const (
	String    Type = "string"
	Integer   Type = "integer"
	Double    Type = "double"
	Boolean   Type = "boolean"
	Timestamp Type = "timestamp"
	List      Type = "list"
	Structure Type = "structure"
)

// Location says where an input member travels.
type Location string

// Member locations; Body is the JSON document.
const (
	Body  Location = ""
	URI   Location = "uri"
	Query Location = "querystring"
)

// Shape describes one value.
type Shape struct {
	Name string
	Type Type
	// Enum lists the allowed values of a string, in model order.
	Enum []string
	// Pattern is the model's regular expression; the whole value must match.
	Pattern string
	// Min and Max bound a string's length, a list's size or an integer's
	// value, when Has* is set.
	Min, Max       int
	HasMin, HasMax bool
	// Cap is this server's own bound, where the model sets no maximum: the
	// most characters of a string or items of a list it accepts (0: none).
	// docs/behaviour.md gives each; the botocore comparison ignores it.
	Cap int
	// Sensitive values are kept out of logs.
	Sensitive bool
	// Lines marks text that may run over several lines (a snapshot given
	// back from a file, with its final line feed, or as JSON Lines): line
	// feeds are allowed in it, other control characters are not.
	Lines bool
	// Member is a list's element shape.
	Member *Shape
	// Members are a structure's members, in model order.
	Members []Member

	once sync.Once
	re   *regexp.Regexp
}

// Member is one member of a structure.
type Member struct {
	Name     string
	Shape    *Shape
	Required bool
	Location Location
	// LocationName is the URI label or query parameter name.
	LocationName string
	// Doc is a one-sentence description.
	Doc string
	// IdempotencyToken members are filled with a fresh UUID by the SDKs
	// and the AWS CLI when the caller gives none.
	IdempotencyToken bool
	// Personal members name or reach a person (a user name, a phone
	// number given as an id) where the model does not mark their shape
	// sensitive; what records requests (the journal) masks them as it
	// masks sensitive shapes.
	Personal bool
}

// Operation is one API operation.
type Operation struct {
	// Control marks an extension that operates a development or test
	// server (its clock, faults, state and journal): refused unless the
	// server allows it, and never throttled, so that a test of throttling
	// can still read the journal and reset.
	Control bool
	Name    string
	Method  string
	// Path is the URI template, labels in braces: /accounts/{accountId}.
	Path string
	// Query is the constant query that tells operations on one path apart
	// ("operation=create"), or empty.
	Query string
	// Status is the HTTP status of success.
	Status int
	// Implemented operations have Input and Output; the others are routed
	// only to say that they are not implemented.
	Implemented bool
	Input       *Shape
	Output      *Shape
	// Doc is a one-sentence description.
	Doc string
	// Description says more than Doc for the operation's manual page
	// (`chime <operation> help`): what it needs, what it changes, how this
	// server behaves. Paragraphs are separated by a blank line; when it is
	// empty the page shows Doc.
	Description string
	// Paginator, when set, says how a client follows pages.
	Paginator *Paginator
}

// Paginator names the members a client uses to walk pages.
type Paginator struct {
	InputToken, OutputToken, LimitKey, ResultKey string
}

// Regexp returns the shape's pattern, anchored at both ends, compiled once.
func (s *Shape) Regexp() *regexp.Regexp {
	s.once.Do(func() {
		if s.Pattern != "" {
			s.re = regexp.MustCompile(`^(?:` + s.Pattern + `)$`)
		}
	})
	return s.re
}

// All lists every operation the server routes: the Chime API's in the
// order of the API reference, then this project's extensions. Every count,
// table and test that covers "each operation" derives from it.
var All = append(append([]*Operation(nil), Operations...), Extensions...)

// Implemented returns the operations of All that the server implements.
func Implemented() []*Operation {
	var ops []*Operation
	for _, op := range All {
		if op.Implemented {
			ops = append(ops, op)
		}
	}
	return ops
}

// InputShape is the operation's input, or an empty structure for an
// operation the model gives none, so that callers need not tell the two
// apart.
func (op *Operation) InputShape() *Shape {
	if op.Input != nil {
		return op.Input
	}
	return structure(op.Name + "Request")
}

// CommandName is the operation's command-line name, as the AWS CLI spells
// it: CreateUser is create-user, ResetPersonalPIN reset-personal-pin.
func (op *Operation) CommandName() string { return Kebab(op.Name) }

// Kebab turns a model name into the AWS CLI's spelling of it, as
// botocore's xform_name does: a dash before each capital that starts a
// word or follows a lower-case letter or digit, all in lower case.
func Kebab(name string) string {
	s := firstCap.ReplaceAllString(name, "${1}-${2}")
	return strings.ToLower(endCap.ReplaceAllString(s, "${1}-${2}"))
}

var (
	firstCap = regexp.MustCompile(`(.)([A-Z][a-z]+)`)
	endCap   = regexp.MustCompile(`([a-z0-9])([A-Z])`)
)

// IsExtension reports whether the operation is one of this project's own,
// outside the Chime API.
func (op *Operation) IsExtension() bool { return strings.HasPrefix(op.Path, "/_chime/") }

// Lookup returns the named operation of All, or nil.
func Lookup(name string) *Operation {
	for _, op := range All {
		if op.Name == name {
			return op
		}
	}
	return nil
}

// MemberNamed returns the structure's member with that name, or nil.
func (s *Shape) MemberNamed(name string) *Member {
	for i := range s.Members {
		if s.Members[i].Name == name {
			return &s.Members[i]
		}
	}
	return nil
}

func bounded(s *Shape, min, max int, hasMin, hasMax bool) *Shape {
	s.Min, s.Max, s.HasMin, s.HasMax = min, max, hasMin, hasMax
	return s
}

// capped sets a shape's own bound (Shape.Cap).
func capped(s *Shape, n int) *Shape {
	s.Cap = n
	return s
}

func listOf(name string, member *Shape) *Shape {
	return &Shape{Name: name, Type: List, Member: member}
}

func structure(name string, members ...Member) *Shape {
	return &Shape{Name: name, Type: Structure, Members: members}
}

func enum(name string, values ...string) *Shape {
	return &Shape{Name: name, Type: String, Enum: values}
}

// enumOf is a string shape whose values are the domain's enumeration.
func enumOf[T ~string](name string, values []T) *Shape {
	s := &Shape{Name: name, Type: String}
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
}
