// Package clock is a server's one clock: the system's time, which a
// development or test server may move forward so that what depends on time
// (orders completing, calling names applying, deleted numbers being
// released) happens without waiting. Every reader of the server's time
// reads it; SigV4 and rate limits keep the system's time.
//
// It imports only the standard library.
package clock

import (
	"fmt"
	"sync/atomic"
	"time"
)

// MaxOffset bounds how far the clock may be moved: far enough for any
// retention period, not so far that times overflow.
const MaxOffset = 100 * 365 * 24 * time.Hour

// Clock is the system's time plus an offset that only grows, or, once
// stopped, a fixed time plus that offset. The zero Clock is the system's
// time. It is safe for concurrent use.
type Clock struct {
	offset atomic.Int64 // nanoseconds
	// stoppedAt is the Unix time in nanoseconds the clock stands at before
	// its offset; 0 while it runs.
	stoppedAt atomic.Int64
}

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	if at := c.stoppedAt.Load(); at != 0 {
		return time.Unix(0, at).UTC().Add(c.Offset())
	}
	return time.Now().Add(c.Offset())
}

// Stop makes the clock stand at t, moving only when Advance moves it: a
// deterministic server's time, the same in every run. t must be after
// 1970.
func (c *Clock) Stop(t time.Time) error {
	if t.UnixNano() <= 0 {
		return fmt.Errorf("the clock cannot stand at %v", t)
	}
	c.stoppedAt.Store(t.UnixNano())
	return nil
}

// Rewind puts a stopped clock back at the time it was stopped at: a
// deterministic server's time after a reset of everything. A running
// clock only moves forward, and is left as it is.
func (c *Clock) Rewind() {
	if c.stoppedAt.Load() != 0 {
		c.offset.Store(0)
	}
}

// Offset is how far the clock runs ahead of the system's.
func (c *Clock) Offset() time.Duration { return time.Duration(c.offset.Load()) }

// Advance moves the clock forward by d, and returns the new offset.
func (c *Clock) Advance(d time.Duration) (time.Duration, error) {
	if d < 0 {
		return c.Offset(), fmt.Errorf("the clock only moves forward")
	}
	for {
		old := c.offset.Load()
		next := time.Duration(old) + d
		if next > MaxOffset {
			return time.Duration(old), fmt.Errorf("the clock may run at most %v ahead", MaxOffset)
		}
		if c.offset.CompareAndSwap(old, int64(next)) {
			return next, nil
		}
	}
}
