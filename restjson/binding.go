package restjson

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/openchime/chime"
)

// The typed bindings of every implemented operation are generated from
// apispec into bindings_gen.go (TestBindingsUpToDate keeps the file
// current). This file holds what the generated code calls.
//
//go:generate go run ../internal/bindgen/run bindings_gen.go

// binding serves one operation: it decodes the validated request into the
// operation's input type, calls the handler method and returns the output,
// or nil for an operation without output members.
type binding func(a *API, ctx context.Context, c *call) (encoder, error)

// encoder is an output structure: it appends itself as JSON.
type encoder interface {
	appendJSON(b []byte) []byte
}

// decoder makes a request decoder's result an any.
func decoder[T any](decode func(*call) (*T, error)) func(*call) (any, error) {
	return func(c *call) (any, error) { return decode(c) }
}

// errBodyMismatch is a value of the wrong JSON type. Validation refuses
// those first, so only a validator and a binding out of step produce it.
var errBodyMismatch = chime.Errorf(chime.BadRequest, "The request body does not fit the operation's input")

// The helpers below convert one validated JSON value (as decodeDocument
// parses it: numbers as json.Number) to its Go type.

func stringValue(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", errBodyMismatch
	}
	return s, nil
}

func int64Value(v any) (int64, error) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, errBodyMismatch
	}
	i, err := n.Int64()
	if err != nil {
		return 0, errBodyMismatch
	}
	return i, nil
}

func float64Value(v any) (float64, error) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, errBodyMismatch
	}
	f, err := n.Float64()
	if err != nil {
		return 0, errBodyMismatch
	}
	return f, nil
}

func boolValue(v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, errBodyMismatch
	}
	return b, nil
}

// timeValue reads an ISO 8601 timestamp, as restJson1 sends them.
func timeValue(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, errBodyMismatch
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, chime.Errorf(chime.BadRequest, "Invalid input: a timestamp must be in ISO 8601 format")
	}
	return t, nil
}

func listValue(v any) ([]any, error) {
	l, ok := v.([]any)
	if !ok {
		return nil, errBodyMismatch
	}
	return l, nil
}

func objectValue(v any) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errBodyMismatch
	}
	return m, nil
}

// appendKey appends a member name and its colon, after a comma unless the
// object opened at start is still empty. Member names are the model's,
// plain ASCII that needs no escaping.
func appendKey(b []byte, start int, key string) []byte {
	if len(b) > start {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

// wireTimeLayout is a timestamp as the service sent it: RFC 3339, UTC,
// exactly three fractional digits.
const wireTimeLayout = "2006-01-02T15:04:05.000Z"

func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, wireTimeLayout)
	return append(b, '"')
}

// appendFloat writes a number as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, '0') // never stored: validation refuses them
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// encoding/json writes 1e-07 as 1e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string exactly as encoding/json does
// without HTML escaping: quotes, backslashes and control characters
// escaped, invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }

// The helpers below give the address of a domain value for an optional
// output member, or nil where the domain's zero value means absent. They
// point into the domain value rather than copy it.

func optString(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}

func optTime(t *time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return t
}
