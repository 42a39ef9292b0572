package chime

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Owner is the 12-digit id of the AWS account a request is made by. Every
// service method takes it first after the context: every resource belongs
// to one AWS account (a Chime account and what lives in it belong to the
// AWS account that created it; phone numbers, orders and global settings
// belong to the AWS account directly). A resource of another owner MUST be
// reported as NotFound, never Forbidden, so that existence does not leak;
// a deleted resource MUST be NotFound too.
//
// Writes MUST be durable when a method returns without error.
type Owner = string

// Services is the whole domain surface the adapters call, one service per
// resource. A store provides all of them; the wire layer serves each
// operation from the one its resource names.
type Services struct {
	Accounts     AccountService
	Users        UserService
	PhoneNumbers PhoneNumberService
	Settings     SettingsService
	Rooms        RoomService
	Bots         BotService
	Retention    RetentionService
}

// MaxPageSize and DefaultPageSize bound list operations.
const (
	MaxPageSize     = 200
	DefaultPageSize = 100
)

// PageRequest asks for at most Limit items after Cursor. A zero Limit means
// DefaultPageSize; an empty Cursor means the first page. A cursor is opaque
// to callers: only the store that issued it understands it.
type PageRequest struct {
	Cursor string
	Limit  int
}

// The model's patterns, anchored as the service matched them: a whole-value
// match in which '.' does not cross a line break.
var (
	nonEmptyPattern = regexp.MustCompile(`^.*\S.*$`)
	emailPattern    = regexp.MustCompile(`^.+@.+\..+$`)
)

// MaxAccountNameLength is the model's bound on account names.
const MaxAccountNameLength = 100

// PINLength is the number of decimal digits of a personal meeting PIN.
const PINLength = 10

// ValidEmail reports whether s matches the model's e-mail pattern and is
// an address common sense accepts: valid UTF-8, one '@', no whitespace
// around it, no trailing dot, and no control or formatting characters
// (which print as nothing, or reorder what follows). Stores compare
// addresses in a normalised form as well (Unicode NFKC, case-folded), so
// that addresses that only look different are one.
func ValidEmail(s string) bool {
	if !utf8.ValidString(s) || !emailPattern.MatchString(s) || strings.Count(s, "@") != 1 || strings.HasSuffix(s, ".") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.In(r, unicode.Cc, unicode.Cf) })
}

// ValidNonEmpty reports whether s has a non-space character on one line.
func ValidNonEmpty(s string) bool { return nonEmptyPattern.MatchString(s) }

// ValidateAccountName returns BadRequest unless name is 1..100 characters
// with a non-space character.
func ValidateAccountName(name string) error {
	if n := len([]rune(name)); n < 1 || n > MaxAccountNameLength || !ValidNonEmpty(name) {
		return Errorf(BadRequest, "Name must be 1 to %d characters and not blank", MaxAccountNameLength)
	}
	return nil
}

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// ValidatePage returns BadRequest for a page size outside 0..MaxPageSize
// (0 stands for the default).
func ValidatePage(p PageRequest) error {
	if p.Limit < 0 || p.Limit > MaxPageSize {
		return Errorf(BadRequest, "MaxResults must be between 1 and %d", MaxPageSize)
	}
	return nil
}

// PageLimit is the effective page size of p.
func PageLimit(p PageRequest) int {
	if p.Limit == 0 {
		return DefaultPageSize
	}
	return p.Limit
}

// joinNames lists enumeration values for an error message, so that the
// message follows the enumeration it describes.
func joinNames[T ~string](values []T, sep string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = string(v)
	}
	return strings.Join(parts, sep)
}
