package restjson

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"

	"github.com/openchime/chime"
)

// tokenSigner turns a store's cursor into an opaque NextToken bound to the
// request it was issued for (operation, caller, account, filters), and back.
// A token that was altered, or that comes back with other filters or from
// another caller, is refused.
type tokenSigner struct {
	key []byte
}

const macBytes = 16

func (s tokenSigner) mac(scope []string, cursor string) []byte {
	h := hmac.New(sha256.New, s.key)
	for _, part := range scope {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write([]byte(cursor))
	return h.Sum(nil)[:macBytes]
}

// issue returns the NextToken for cursor, or "" for the last page.
func (s tokenSigner) issue(scope []string, cursor string) string {
	if cursor == "" {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(cursor)) + "." +
		base64.RawURLEncoding.EncodeToString(s.mac(scope, cursor))
}

// open returns the cursor inside token; "" for an absent token.
func (s tokenSigner) open(scope []string, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	invalid := chime.Errorf(chime.BadRequest, "NextToken is not valid for this request")
	// Only the characters a token is made of: Go's base64 decoders skip
	// line breaks even in strict mode, and a token with one inserted must
	// not open.
	if strings.IndexFunc(token, func(r rune) bool { return !isTokenChar(r) }) >= 0 {
		return "", invalid
	}
	c64, m64, ok := strings.Cut(token, ".")
	if !ok {
		return "", invalid
	}
	cursor, err1 := strictBase64.DecodeString(c64)
	mac, err2 := strictBase64.DecodeString(m64)
	if err1 != nil || err2 != nil || !hmac.Equal(mac, s.mac(scope, string(cursor))) {
		return "", invalid
	}
	return string(cursor), nil
}

// strictBase64 refuses encodings with stray trailing bits, so that each
// token has exactly one spelling and an altered one is refused.
var strictBase64 = base64.RawURLEncoding.Strict()

// isTokenChar reports whether r can appear in a token we issue: the
// unpadded URL-safe base64 alphabet and the dot between the two parts.
func isTokenChar(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}
