// Package faults decides which requests fail on purpose, so that users can
// prove their clients' retry and timeout handling against chime: a set of
// rules, each a kind of failure for one operation (or all) at a rate, drawn
// from a random source seeded by the user so that a run can be repeated.
//
// It imports only the standard library.
package faults

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kind is what an injected fault does.
type Kind string

// Fault kinds.
const (
	// Unavailable answers 503 ServiceUnavailableException.
	Unavailable Kind = "unavailable"
	// Throttle answers 429 ThrottledClientException.
	Throttle Kind = "throttle"
	// Failure answers 500 ServiceFailureException.
	Failure Kind = "failure"
	// Latency delays the request, which then runs normally.
	Latency Kind = "latency"
)

// Rule injects one kind of fault into a fraction of the requests of an
// operation ("*" for every operation).
type Rule struct {
	Operation string        `json:"Operation"`
	Kind      Kind          `json:"Kind"`
	Rate      float64       `json:"Rate"`
	Delay     time.Duration `json:"-"`
	// DelayMillis is Delay on the wire.
	DelayMillis int64 `json:"DelayMillis,omitempty"`
}

// Config is the whole fault set.
type Config struct {
	Seed  uint64 `json:"Seed"`
	Rules []Rule `json:"Rules"`
}

// Validate checks the rules and fills Delay from DelayMillis.
func (c *Config) Validate() error {
	for i := range c.Rules {
		r := &c.Rules[i]
		switch r.Kind {
		case Unavailable, Throttle, Failure:
		case Latency:
			if r.DelayMillis > 0 {
				r.Delay = time.Duration(r.DelayMillis) * time.Millisecond
			}
			if r.Delay <= 0 || r.Delay > MaxDelay {
				return fmt.Errorf("rule %d: a latency fault needs a delay between 1ms and 5m", i+1)
			}
			r.DelayMillis = r.Delay.Milliseconds()
		default:
			return fmt.Errorf("rule %d: kind must be unavailable, throttle, failure or latency, not %q", i+1, r.Kind)
		}
		if r.Rate <= 0 || r.Rate > 1 {
			return fmt.Errorf("rule %d: rate must be in (0, 1], not %v", i+1, r.Rate)
		}
		if r.Operation == "" {
			return fmt.Errorf("rule %d: name an operation, or * for all", i+1)
		}
	}
	return nil
}

// ParseRule reads the command-line form OPERATION:KIND:RATE[:DELAY], for
// example "CreateUser:unavailable:0.2" or "*:latency:0.5:250ms".
func ParseRule(s string) (Rule, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 3 || len(parts) > 4 {
		return Rule{}, fmt.Errorf("fault %q: want OPERATION:KIND:RATE[:DELAY]", s)
	}
	rate, err := strconv.ParseFloat(parts[2], 64)
	if err != nil {
		return Rule{}, fmt.Errorf("fault %q: rate: %v", s, err)
	}
	r := Rule{Operation: parts[0], Kind: Kind(parts[1]), Rate: rate}
	if len(parts) == 4 {
		if r.Delay, err = time.ParseDuration(parts[3]); err != nil {
			return Rule{}, fmt.Errorf("fault %q: delay: %v", s, err)
		}
	}
	c := Config{Rules: []Rule{r}}
	if err := c.Validate(); err != nil {
		return Rule{}, fmt.Errorf("fault %q: %v", s, err)
	}
	return c.Rules[0], nil
}

// Injector draws the faults of each request. It is safe for concurrent use;
// with one client sending requests one after another, a seed gives the same
// faults in the same places every run.
type Injector struct {
	mu     sync.Mutex
	config Config
	rng    *rand.Rand
}

// New returns an injector with the given configuration (validated).
func New(c Config) (*Injector, error) {
	in := &Injector{}
	return in, in.Set(c)
}

// Set replaces the rules and restarts the random sequence from the seed.
func (in *Injector) Set(c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	in.config = c
	in.rng = rand.New(rand.NewPCG(c.Seed, c.Seed^0x9e3779b97f4a7c15))
	return nil
}

// Config returns the current configuration.
func (in *Injector) Config() Config {
	in.mu.Lock()
	defer in.mu.Unlock()
	c := in.config
	c.Rules = append([]Rule(nil), c.Rules...)
	return c
}

// Decision is what to do to one request: wait Delay, then fail with Fail
// unless it is empty.
type Decision struct {
	Delay time.Duration
	Fail  Kind
}

// MaxDelay is the longest a rule, or all the latency rules of one request
// together, may delay it.
const MaxDelay = 5 * time.Minute

// Decide draws the faults for one request of the operation. Every rule that
// matches draws once, in order; the first failure drawn wins, and latency
// rules add up to at most MaxDelay.
func (in *Injector) Decide(operation string) Decision {
	in.mu.Lock()
	defer in.mu.Unlock()
	var d Decision
	for _, r := range in.config.Rules {
		if r.Operation != "*" && r.Operation != operation {
			continue
		}
		if in.rng.Float64() >= r.Rate {
			continue
		}
		if r.Kind == Latency {
			d.Delay = min(d.Delay+r.Delay, MaxDelay)
		} else if d.Fail == "" {
			d.Fail = r.Kind
		}
	}
	return d
}
