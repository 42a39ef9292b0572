package clock

import (
	"testing"
	"time"
)

func TestAdvance(t *testing.T) {
	var c Clock
	before := time.Now()
	if off, err := c.Advance(7 * 24 * time.Hour); err != nil || off != 7*24*time.Hour {
		t.Fatalf("%v %v", off, err)
	}
	if now := c.Now(); now.Sub(before) < 7*24*time.Hour {
		t.Fatalf("the clock did not move: %v", now)
	}
	if _, err := c.Advance(-time.Second); err == nil {
		t.Fatal("the clock moved back")
	}
	if _, err := c.Advance(MaxOffset); err == nil || c.Offset() != 7*24*time.Hour {
		t.Fatalf("past the bound: %v, offset %v", err, c.Offset())
	}
}
