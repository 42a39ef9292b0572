package restjson

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// throttle is a token bucket per access key (golang.org/x/time/rate).
type throttle struct {
	limit rate.Limit
	burst int
	now   func() time.Time

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

// maxTrackedKeys bounds the limiter map; past it the map starts afresh,
// which at worst lets a key burst once more.
const maxTrackedKeys = 100_000

func newThrottle(perSecond float64, burst int, now func() time.Time) *throttle {
	if perSecond <= 0 {
		return nil
	}
	if burst < 1 {
		burst = max(1, int(perSecond))
	}
	return &throttle{limit: rate.Limit(perSecond), burst: burst, now: now, limiters: map[string]*rate.Limiter{}}
}

// allow reports whether the key may make a request now. A nil throttle
// allows everything.
func (t *throttle) allow(key string) bool {
	if t == nil {
		return true
	}
	t.mu.Lock()
	l, ok := t.limiters[key]
	if !ok {
		if len(t.limiters) >= maxTrackedKeys {
			t.limiters = map[string]*rate.Limiter{}
		}
		l = rate.NewLimiter(t.limit, t.burst)
		t.limiters[key] = l
	}
	t.mu.Unlock()
	return l.AllowN(t.now(), 1)
}
