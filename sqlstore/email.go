package sqlstore

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// emailKey is the form in which e-mail addresses are compared, so that
// addresses that look alike are one address: compatibility-normalised
// (NFKC: fullwidth letters, ligatures, and composed and decomposed
// accents each become one form), case-folded (Unicode's full folding, as
// PRECIS does for user names), normalised again (folding may undo NFKC)
// and without surrounding whitespace. Each AWS account's users have
// distinct keys (a unique index); a change to this function needs a
// schema version that recomputes the stored keys (see rekeyEmails).
func emailKey(email string) string {
	if isASCII(email) {
		// NFKC leaves ASCII as it is, and folds it to lower case.
		return strings.TrimSpace(strings.ToLower(email))
	}
	k := norm.NFKC.String(email)
	k = cases.Fold().String(k)
	k = norm.NFKC.String(k)
	return strings.TrimSpace(k)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
