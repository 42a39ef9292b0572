// Package storetest is the conformance suite every implementation of
// chime.Services must pass. Each store package runs it from its own tests:
//
//	storetest.Run(t, func(tb testing.TB, o sqlstore.Options) chime.Services { ... })
//
// and measures it with the same function: storetest.Bench(b, open).
// Each resource's tests are in a file of their own (accounts.go,
// users.go, phonenumbers.go, settings.go, rooms.go, bots.go,
// retention.go), listed in suites. The store must take its clock,
// phone-number timings and token source from the options it is given:
// the suite moves the clock past those timings.
//
// It imports chime, sqlstore (for the injected time and id sources) and the
// standard library's testing.
package storetest

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlstore"
)

// Factory opens an empty store with the given sources, for a test or a
// benchmark, and closes it when tb ends.
type Factory func(tb testing.TB, o sqlstore.Options) chime.Services

// The owners the suite plays: two AWS accounts.
const (
	Owner = "111122223333"
	Other = "444455556666"
)

// test is one conformance test, named so that -run can pick it:
// "CreateUser/ErrConflict".
type test struct {
	name string
	fn   func(*testing.T, *fixture)
}

// suites are the conformance tests of each service of chime.Services, by
// the field that holds it; each resource's tests are in its own file.
var suites = []struct {
	service string
	tests   []test
}{
	{"Accounts", accountTests},
	{"Users", userTests},
	{"PhoneNumbers", phoneNumberTests},
	{"Settings", settingsTests},
	{"Rooms", roomTests},
	{"Bots", botTests},
	{"Retention", retentionTests},
}

// timings are the phone-number delays of the suite's stores: far longer
// than the second the fixture's clock gains on each reading, so that a
// test reaches them only by moving the clock (fixture.advance).
var timings = chime.PhoneNumberTimings{
	OrderDelay:             time.Minute,
	CallingNameDelay:       time.Hour,
	DeletionRetention:      7 * 24 * time.Hour,
	CallingNameMinInterval: 7 * 24 * time.Hour,
}

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Factory) {
	for _, s := range suites {
		for _, tc := range s.tests {
			t.Run(tc.name, func(t *testing.T) { tc.fn(t, newFixture(t, open)) })
		}
	}
}

// fixture is an empty store with a deterministic clock, id source and
// PIN source. The clock gains a second on every reading, and advance moves
// it on.
type fixture struct {
	t      *testing.T
	ctx    context.Context
	svc    chime.Services
	clock  sync.Mutex
	now    time.Time
	ids    atomic.Int64
	pins   atomic.Int64
	tokens atomic.Int64
	// stuckPIN, when set, is the PIN the source gives (as a broken one
	// would), stuckDraws times at most; pinDraws counts the draws.
	stuckPIN   atomic.Pointer[string]
	stuckDraws int64
	pinDraws   atomic.Int64
	// panicPIN makes the PIN source panic, as a bug inside a write would.
	panicPIN atomic.Bool
}

func newFixture(t *testing.T, open Factory) *fixture {
	f := &fixture{t: t, ctx: context.Background(), now: time.Date(2020, 1, 15, 22, 38, 9, 806_000_000, time.UTC)}
	f.svc = open(t, sqlstore.Options{
		Now: func() time.Time {
			f.clock.Lock()
			defer f.clock.Unlock()
			f.now = f.now.Add(time.Second)
			return f.now
		},
		NewID: func() string {
			return fmt.Sprintf("00000000-0000-4000-8000-%012d", f.ids.Add(1))
		},
		PhoneNumbers: timings,
		NewToken: func() string {
			// 30 bytes, distinct for each draw: 40 characters of base64.
			return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "token-%024d", f.tokens.Add(1)))
		},
		NewPIN: func() string {
			if f.panicPIN.Load() {
				panic(errPINSource)
			}
			if p := f.stuckPIN.Load(); p != nil && f.pinDraws.Add(1) <= f.stuckDraws {
				return *p
			}
			// Distinct for each draw: the multiplier is prime to 10^10.
			return fmt.Sprintf("%0*d", chime.PINLength, 1_000_000_007*f.pins.Add(1)%10_000_000_000)
		},
	})
	services := reflect.ValueOf(f.svc)
	for i := 0; i < services.NumField(); i++ {
		if services.Field(i).IsNil() {
			t.Fatalf("the store gives no %s service", services.Type().Field(i).Name)
		}
	}
	return f
}

// clockNow is the time the store's clock last gave.
func (f *fixture) clockNow() time.Time {
	f.clock.Lock()
	defer f.clock.Unlock()
	return f.now
}

// advance moves the store's clock d forward.
func (f *fixture) advance(d time.Duration) {
	f.clock.Lock()
	defer f.clock.Unlock()
	f.now = f.now.Add(d)
}

func (f *fixture) account(owner string, t chime.AccountType) *chime.Account {
	f.t.Helper()
	a, err := f.svc.Accounts.CreateAccount(f.ctx, owner, chime.NewAccount{Name: "acct " + string(t), Type: t})
	if err != nil {
		f.t.Fatalf("CreateAccount: %v", err)
	}
	return a
}

func (f *fixture) user(owner, accountID, email string, t chime.UserType) *chime.User {
	f.t.Helper()
	u, err := f.svc.Users.CreateUser(f.ctx, owner, accountID, chime.NewUser{Email: email, Type: t})
	if err != nil {
		f.t.Fatalf("CreateUser(%s): %v", email, err)
	}
	return u
}

// errPINSource is what the PIN source panics with under panicPIN.
var errPINSource = errors.New("the PIN source failed")

// uuidPattern is the form of every id a store makes.
var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func wantKind(t *testing.T, err error, k chime.Kind) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", k)
	}
	if got := chime.KindOf(err); got != k {
		t.Fatalf("got %v (%v), want %v", got, err, k)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// parallel runs fn n times at once and fails on any error.
func parallel(t *testing.T, n int, fn func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := fn(i); err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
