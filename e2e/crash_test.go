package e2e

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

const crashAccount = "12a3456b-7c89-012d-3456-78901e23fg45"

// ledger is what the load generator knows: writes the server acknowledged,
// and writes it sent but never heard back about.
type ledger struct {
	mu sync.Mutex
	// created: e-mail -> user id, for acknowledged creates.
	created map[string]string
	// pendingCreates: e-mails whose create was sent but not acknowledged.
	pendingCreates map[string]bool
	// license: user id -> licenses it may have now (the last acknowledged
	// one and any sent after it).
	license map[string]map[types.License]bool
	acked   int
}

func newLedger() *ledger {
	return &ledger{created: map[string]string{}, pendingCreates: map[string]bool{}, license: map[string]map[types.License]bool{}}
}

// load runs creates and updates from several clients until ctx ends.
func (l *ledger) load(ctx context.Context, url string, cycle, clients int) {
	var wg sync.WaitGroup
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c := sdkClient(url, "test", "test")
			rng := rand.New(rand.NewPCG(uint64(cycle), uint64(w)))
			// Each client updates only users it created, one request at a
			// time, so the last acknowledged license of a user is exact.
			var mine []string
			for i := 0; ctx.Err() == nil; i++ {
				var target string
				if len(mine) > 0 && rng.IntN(2) == 0 {
					target = mine[rng.IntN(len(mine))]
				}
				if target == "" {
					email := fmt.Sprintf("c%d-w%d-%d@example.com", cycle, w, i)
					l.mu.Lock()
					l.pendingCreates[email] = true
					l.mu.Unlock()
					out, err := c.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(crashAccount), Email: aws.String(email)})
					if err != nil {
						return // the server is gone: what was sent stays pending
					}
					l.mu.Lock()
					delete(l.pendingCreates, email)
					id := aws.ToString(out.User.UserId)
					l.created[email] = id
					l.license[id] = map[types.License]bool{out.User.LicenseType: true}
					l.acked++
					l.mu.Unlock()
					mine = append(mine, id)
					continue
				}
				lic := []types.License{types.LicenseBasic, types.LicensePro}[rng.IntN(2)]
				l.mu.Lock()
				l.license[target][lic] = true // may be applied from now on
				l.mu.Unlock()
				_, err := c.UpdateUser(context.Background(), &awschime.UpdateUserInput{AccountId: aws.String(crashAccount),
					UserId: aws.String(target), LicenseType: lic})
				if err != nil {
					return
				}
				l.mu.Lock()
				l.license[target] = map[types.License]bool{lic: true} // acknowledged: the only possible value now
				l.acked++
				l.mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
}

// storeUnderTest opens the store the servers of a test share, with the
// engine's integrity check where it has one.
type storeUnderTest struct {
	spec  string // the --store flag
	open  func(ctx context.Context) (*sqlstore.Store, error)
	check func(ctx context.Context, s *sqlstore.Store) error
}

func sqliteUnderTest(t *testing.T) storeUnderTest {
	path := filepath.Join(t.TempDir(), "crash.db")
	return storeUnderTest{
		spec:  "sqlite:" + path,
		open:  func(ctx context.Context) (*sqlstore.Store, error) { return sqlite.Open(ctx, path, sqlstore.Options{}) },
		check: func(ctx context.Context, s *sqlstore.Store) error { return sqlite.IntegrityCheck(ctx, s.DB()) },
	}
}

func postgresUnderTest(t *testing.T) storeUnderTest {
	url := pgtest.Schema(t)
	return storeUnderTest{
		spec: url,
		open: func(ctx context.Context) (*sqlstore.Store, error) {
			return postgres.Open(ctx, url, postgres.DefaultPool(), sqlstore.Options{})
		},
		check: func(context.Context, *sqlstore.Store) error { return nil },
	}
}

// check compares the store with the ledger: every acknowledged write is
// there, every user is whole and was at least sent.
func (l *ledger) check(t *testing.T, st storeUnderTest) int {
	ctx := context.Background()
	store, err := st.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := st.check(ctx, store); err != nil {
		t.Fatal(err)
	}
	stored := map[string]chime.User{}
	p := chime.PageRequest{Limit: 200}
	for {
		page, err := store.Services().Users.ListUsers(ctx, "000000000000", crashAccount, chime.UserFilter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range page.Users {
			stored[u.Email] = u
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for email, id := range l.created {
		u, ok := stored[email]
		if !ok || u.ID != id {
			t.Fatalf("acknowledged user %s (%s) lost", email, id)
		}
		if !l.license[id][types.License(u.License)] {
			t.Fatalf("user %s has license %s; possible: %v", id, u.License, l.license[id])
		}
	}
	for email, u := range stored {
		if _, acked := l.created[email]; acked {
			continue
		}
		if !l.pendingCreates[email] {
			t.Fatalf("user %s is stored but was never sent", email)
		}
		if u.ID == "" || u.Registration != chime.Registered || u.DisplayName == "" || len(u.PersonalPIN) != 10 || u.License == "" {
			t.Fatalf("unacknowledged user %s is half there: %+v", email, u)
		}
		// It made it after all: from now on it is acknowledged state.
		l.created[email] = u.ID
		l.license[u.ID] = map[types.License]bool{types.License(u.License): true}
		delete(l.pendingCreates, email)
	}
	return len(stored)
}

func crashCycles(t *testing.T) int {
	if v := os.Getenv("CHIME_CRASH_CYCLES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("CHIME_CRASH_CYCLES=%q", v)
		}
		return n
	}
	if testing.Short() {
		return 3
	}
	return 8
}

// TestCrashSafety kills the server with SIGKILL at random moments under
// load, restarts it on the same file, and checks every acknowledged write.
// CHIME_CRASH_CYCLES sets the number of cycles (the soak run uses 100).
func TestCrashSafety(t *testing.T) {
	testKillCycles(t, sqliteUnderTest(t), syscall.SIGKILL)
}

// TestCrashSafetyPostgres is TestCrashSafety on PostgreSQL: the killed node
// leaves its connections behind, and the restarted one must find every
// acknowledged write.
func TestCrashSafetyPostgres(t *testing.T) {
	testKillCycles(t, postgresUnderTest(t), syscall.SIGKILL)
}

// TestGracefulStopUnderLoad is the same with SIGTERM: nothing is lost and
// the process exits cleanly each time.
func TestGracefulStopUnderLoad(t *testing.T) {
	testKillCycles(t, sqliteUnderTest(t), syscall.SIGTERM)
}

func TestGracefulStopUnderLoadPostgres(t *testing.T) {
	testKillCycles(t, postgresUnderTest(t), syscall.SIGTERM)
}

func testKillCycles(t *testing.T, st storeUnderTest, sig syscall.Signal) {
	l := newLedger()
	cycles := crashCycles(t)
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("CHIME_CRASH_SEED"); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	// The seed decides when each cycle's signal comes: a failure replays
	// with CHIME_CRASH_SEED set to it.
	t.Logf("CHIME_CRASH_SEED=%d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	var users int
	for cycle := 0; cycle < cycles; cycle++ {
		s := startServer(t, "--dev", "--store", st.spec)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { l.load(ctx, s.url, cycle, 4); close(done) }()
		time.Sleep(time.Duration(20+rng.IntN(200)) * time.Millisecond)
		err := s.kill(sig)
		cancel()
		<-done
		if sig == syscall.SIGTERM && err != nil {
			t.Fatalf("cycle %d: SIGTERM exit: %v\n%s", cycle, err, s.logs.String())
		}
		users = l.check(t, st)
	}
	t.Logf("%d %v cycles: %d acknowledged writes checked, %d users stored", cycles, sig, l.acked, users)
	if l.acked == 0 {
		t.Fatal("no write was acknowledged: the test tested nothing")
	}
}
