package randid

import (
	"regexp"
	"testing"
)

func TestUUIDIsLowercaseVersion4(t *testing.T) {
	v4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 10000 {
		id := UUID()
		if !v4.MatchString(id) {
			t.Fatalf("%q is not a lowercase UUIDv4", id)
		}
		if seen[id] {
			t.Fatalf("%q came twice", id)
		}
		seen[id] = true
	}
}

func TestPINIsTenDigits(t *testing.T) {
	ten := regexp.MustCompile(`^[0-9]{10}$`)
	for range 1000 {
		if p := PIN(); !ten.MatchString(p) {
			t.Fatalf("%q is not ten digits", p)
		}
	}
}
