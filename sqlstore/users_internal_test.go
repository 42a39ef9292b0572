package sqlstore

import "testing"

// prefixEnd bounds the range of keys with a prefix: every string with the
// prefix sorts before it (in code point order, which is byte order for
// UTF-8), and nothing between the prefix and it lacks the prefix.
func TestPrefixEnd(t *testing.T) {
	for _, tc := range []struct {
		prefix, end string
		ok          bool
	}{
		{"a", "b", true},
		{"ab", "ac", true},
		{"a~", "a\x7f", true},
		{"a\x7f", "a\u0080", true},
		{"a\u00e9", "a\u00ea", true},
		{"a\ud7ff", "a\ue000", true},
		{"a\U0010FFFF", "b", true},
		{"\U0010FFFF\U0010FFFF", "", false},
	} {
		end, ok := prefixEnd(tc.prefix)
		if end != tc.end || ok != tc.ok {
			t.Errorf("prefixEnd(%q) = %q, %v; want %q, %v", tc.prefix, end, ok, tc.end, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		for _, s := range []string{tc.prefix, tc.prefix + "\U0010FFFF\U0010FFFF", tc.prefix + "@example.com"} {
			if s >= end {
				t.Errorf("%q, which begins with %q, is not below %q", s, tc.prefix, end)
			}
		}
	}
}
