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

func TestSeededRepeatsPerSeedAndKind(t *testing.T) {
	a, b := NewSeeded(7), NewSeeded(7)
	ids := a.Stream("id")
	for range 5 {
		a.Stream("request")() // another kind's draws do not shift the ids
	}
	want := []string{ids(), ids(), a.PIN(), a.Token()}
	got := []string{b.Stream("id")(), b.Stream("id")(), b.PIN(), b.Token()}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("draw %d: %q, want %q", i, got[i], want[i])
		}
	}
	v4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !v4.MatchString(want[0]) || want[0] == want[1] || len(want[2]) != 10 || len(want[3]) != 40 {
		t.Errorf("shapes: %q", want)
	}
	if other := NewSeeded(8).Stream("id")(); other == want[0] {
		t.Error("seeds 7 and 8 gave the same first id")
	}
	a.Restart()
	if again := a.Stream("id")(); again != want[0] {
		t.Errorf("after Restart: %q, want %q", again, want[0])
	}
}
