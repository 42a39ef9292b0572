package restjson

import (
	"context"
	"sync"
	"time"
)

// The limits of the request pipeline: the bytes of bodies received before
// their signatures are checked, and the places among requests served at
// once.

// bodyBudget bounds the bytes of request bodies being received and not yet
// authenticated, per access key and in all. A body claims its declared
// length (or the largest allowed, when it declares none) before a byte of
// it is read, and gives it back once read.
type bodyBudget struct {
	perKey, total int64

	mu     sync.Mutex
	inUse  int64
	bodies int // being received now
	byKey  map[string]int64
}

func newBodyBudget(perKey, total int64) *bodyBudget {
	return &bodyBudget{perKey: perKey, total: total, byKey: map[string]int64{}}
}

// acquire claims n bytes for key, or reports false without waiting.
func (b *bodyBudget) acquire(key string, n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.inUse+n > b.total || b.byKey[key]+n > b.perKey {
		return false
	}
	b.inUse += n
	b.bodies++
	b.byKey[key] += n
	return true
}

// receiving is the number of bodies being received now.
func (b *bodyBudget) receiving() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.bodies
}

func (b *bodyBudget) release(key string, n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inUse -= n
	b.bodies--
	if b.byKey[key] -= n; b.byKey[key] == 0 {
		delete(b.byKey, key)
	}
}

func newSlots(n int) chan struct{} {
	if n <= 0 {
		return nil
	}
	return make(chan struct{}, n)
}

// acquire takes a place among the requests served at once, waiting up to
// QueueTimeout.
func (a *API) acquire(ctx context.Context) bool {
	if a.slots == nil {
		return true
	}
	select {
	case a.slots <- struct{}{}:
		return true
	default:
	}
	a.waiting.Add(1)
	defer a.waiting.Add(-1)
	wait := a.cfg.QueueTimeout
	if wait <= 0 {
		wait = 5 * time.Second
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (a *API) release() {
	if a.slots != nil {
		<-a.slots
	}
}

// saturated reports whether every place is taken and as many requests
// again are waiting for one: the node cannot take more work now.
func (a *API) saturated() (inFlight, waiting int, full bool) {
	if a.slots == nil {
		return 0, int(a.waiting.Load()), false
	}
	inFlight, waiting = len(a.slots), int(a.waiting.Load())
	return inFlight, waiting, inFlight == cap(a.slots) && waiting >= cap(a.slots)
}
