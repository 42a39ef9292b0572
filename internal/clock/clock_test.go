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

func TestStoppedClockMovesOnlyWhenAdvanced(t *testing.T) {
	var c Clock
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := c.Stop(start); err != nil {
		t.Fatal(err)
	}
	if now := c.Now(); !now.Equal(start) {
		t.Fatalf("stopped at %v, reads %v", start, now)
	}
	c.Advance(time.Hour)
	if now := c.Now(); !now.Equal(start.Add(time.Hour)) {
		t.Fatalf("after an hour: %v", now)
	}
	c.Rewind()
	if now := c.Now(); !now.Equal(start) {
		t.Fatalf("rewound: %v", now)
	}
	if err := c.Stop(time.Unix(0, 0)); err == nil {
		t.Error("stopped at the epoch")
	}
}
