package chime

import (
	"errors"
	"fmt"
)

// Kind classifies an Error. The set is append-only: restjson maps every kind
// to exactly one wire exception, and a test fails when a kind has no row.
type Kind int

const (
	// Internal is a failure of the service itself; clients see a fixed message.
	Internal Kind = iota
	// BadRequest is a malformed request or one the service rules refuse.
	BadRequest
	// Unauthorized is a request without usable credentials.
	Unauthorized
	// Forbidden is a request the caller may not make (bad signature, wrong
	// account type, suspended account).
	Forbidden
	// NotFound is a resource that does not exist for the caller.
	NotFound
	// Conflict is a write that collides with existing state (a duplicate e-mail).
	Conflict
	// Unprocessable is a well-formed request the current state cannot satisfy
	// (deleting an account that still has active users).
	Unprocessable
	// Throttled is a request refused by a rate limit.
	Throttled
	// Unavailable is a temporary inability to serve.
	Unavailable
	// ResourceLimitExceeded is a request beyond a quota.
	ResourceLimitExceeded
	// AccessDenied is a request refused by an access policy.
	AccessDenied
)

// Kinds lists every kind, for completeness tests of the tables built on them.
var Kinds = []Kind{Internal, BadRequest, Unauthorized, Forbidden, NotFound, Conflict,
	Unprocessable, Throttled, Unavailable, ResourceLimitExceeded, AccessDenied}

var kindNames = map[Kind]string{
	Internal: "internal", BadRequest: "bad request", Unauthorized: "unauthorized",
	Forbidden: "forbidden", NotFound: "not found", Conflict: "conflict",
	Unprocessable: "unprocessable", Throttled: "throttled", Unavailable: "unavailable",
	ResourceLimitExceeded: "resource limit exceeded", AccessDenied: "access denied",
}

func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error is the one error type of the domain. Message is safe to show to the
// client; Err, when set, is an internal cause that only the log may see.
type Error struct {
	Kind    Kind
	Message string
	Err     error
}

// Errorf returns an *Error of the given kind with a formatted client message.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Internalf wraps an internal cause; the client sees only a fixed message.
func Internalf(cause error, format string, args ...any) *Error {
	return &Error{Kind: Internal, Message: "The service encountered an unexpected error.",
		Err: fmt.Errorf(format+": %w", append(args, cause)...)}
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of err, or Internal when err is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// IsKind reports whether err is an *Error of kind k.
func IsKind(err error, k Kind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == k
}
