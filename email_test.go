package chime_test

import (
	"testing"

	"github.com/openchime/chime"
)

// ValidEmail takes the model's pattern and refuses what common sense
// refuses: run one case with -run 'TestValidEmail/<name>'.
func TestValidEmail(t *testing.T) {
	for _, tc := range []struct {
		name  string
		email string
		valid bool
	}{
		{"Plain", "jane.doe@example.com", true},
		{"Unicode", "jos\u00e9@\u00e9xample.com", true},
		{"Plus", "jane+chime@example.co.uk", true},
		{"InnerSpace", "jane doe@example.com", true}, // the model's pattern allows it
		{"Empty", "", false},
		{"NoAt", "example.com", false},
		{"NoDot", "jane@example", false},
		{"TwoAts", "a@b@example.com", false},
		{"AtInDomain", "jane@exa@mple.com", false},
		{"TrailingDot", "jane@example.com.", false},
		{"LeadingSpace", " jane@example.com", false},
		{"TrailingSpace", "jane@example.com ", false},
		{"TrailingTab", "jane@example.com\t", false},
		{"LeadingIdeographicSpace", "\u3000jane@example.com", false},
		{"TrailingNoBreakSpace", "jane@example.com\u00a0", false},
		{"LineBreak", "jane\n@example.com", false},
		{"NUL", "jane\x00@example.com", false},
		{"Bell", "jane\a@example.com", false},
		{"Escape", "jane\x1b[31m@example.com", false},
		{"Delete", "jane\x7f@example.com", false},
		{"ZeroWidthSpace", "ja\u200bne@example.com", false},
		{"RightToLeftOverride", "jane\u202e@example.com", false},
		{"ByteOrderMark", "\ufeffjane@example.com", false},
		{"InvalidUTF8", "jane\xff@example.com", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := chime.ValidEmail(tc.email); got != tc.valid {
				t.Fatalf("ValidEmail(%q) = %v, want %v", tc.email, got, tc.valid)
			}
		})
	}
}
