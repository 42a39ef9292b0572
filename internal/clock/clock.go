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

// Clock is the system's time plus an offset that only grows. The zero
// Clock is the system's time. It is safe for concurrent use.
type Clock struct {
	offset atomic.Int64 // nanoseconds
}

// Now is the clock's time.
func (c *Clock) Now() time.Time { return time.Now().Add(c.Offset()) }

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
