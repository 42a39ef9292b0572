package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlstore"
	"github.com/openchime/chime/storetest"
)

// opener opens a store on a database file through one SQLite driver.
type opener func(ctx context.Context, path string, o sqlstore.Options) (*sqlstore.Store, error)

// BenchmarkDrivers measures the store's hot paths on a database file with
// each SQLite driver this build has, by the same code, at 1 and 16
// goroutines: durable user creation, a read by id and a page of 100
// users. The default build has modernc.org/sqlite alone; with the
// cgosqlite tag (cgo and a C compiler) it has the C SQLite of
// github.com/mattn/go-sqlite3 beside it:
//
//	go test ./sqlite/ -run '^$' -bench Drivers -benchmem -tags cgosqlite
func BenchmarkDrivers(b *testing.B) {
	drivers := []struct {
		name string
		open opener
	}{{"modernc", Open}}
	if openC != nil {
		drivers = append(drivers, struct {
			name string
			open opener
		}{"cgo", openC})
	}
	for _, d := range drivers {
		b.Run(d.name, func(b *testing.B) {
			s, _ := benchStore(b, d.open)
			var version string
			if err := s.DB().QueryRow(`SELECT sqlite_version()`).Scan(&version); err != nil {
				b.Fatal(err)
			}
			b.Logf("SQLite %s", version)
			benchDriver(b, d.open)
		})
	}
}

func benchDriver(b *testing.B, open opener) {
	ctx := context.Background()
	for _, g := range []int{1, 16} {
		b.Run(fmt.Sprintf("CreateUser/g=%d", g), func(b *testing.B) {
			s, account := benchStore(b, open)
			users := s.Services().Users
			inParallel(b, g, func(i int64) error {
				_, err := users.CreateUser(ctx, storetest.Owner, account, chime.NewUser{Email: fmt.Sprintf("bench-%d@example.com", i)})
				return err
			})
		})
	}
	for _, g := range []int{1, 16} {
		b.Run(fmt.Sprintf("GetUser/g=%d", g), func(b *testing.B) {
			s, account := benchStore(b, open)
			users := s.Services().Users
			u, err := users.CreateUser(ctx, storetest.Owner, account, chime.NewUser{Email: "get@example.com"})
			if err != nil {
				b.Fatal(err)
			}
			inParallel(b, g, func(int64) error {
				_, err := users.GetUser(ctx, storetest.Owner, account, u.ID)
				return err
			})
		})
	}
	for _, g := range []int{1, 16} {
		b.Run(fmt.Sprintf("ListUsers100/g=%d", g), func(b *testing.B) {
			s, account := benchStore(b, open)
			users := s.Services().Users
			for i := range 100 {
				if _, err := users.CreateUser(ctx, storetest.Owner, account, chime.NewUser{Email: fmt.Sprintf("list-%d@example.com", i)}); err != nil {
					b.Fatal(err)
				}
			}
			inParallel(b, g, func(int64) error {
				page, err := users.ListUsers(ctx, storetest.Owner, account, chime.UserFilter{}, chime.PageRequest{Limit: 100})
				if err == nil && len(page.Users) != 100 {
					err = fmt.Errorf("%d users", len(page.Users))
				}
				return err
			})
		})
	}
}

// benchStore opens a store on a fresh file with one account that takes
// created users.
func benchStore(b *testing.B, open opener) (*sqlstore.Store, string) {
	b.Helper()
	ctx := context.Background()
	s, err := open(ctx, filepath.Join(b.TempDir(), "chime.db"), sqlstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	a, err := s.CreateAccount(ctx, storetest.Owner, chime.NewAccount{Name: "bench", Type: chime.EnterpriseDirectory})
	if err != nil {
		b.Fatal(err)
	}
	return s, a.ID
}

// inParallel runs op b.N times in all from g goroutines (RunParallel
// starts a multiple of GOMAXPROCS, so it cannot run one). Besides the
// time it reports the process's CPU time per op (cpu-ns/op), user and
// system: on a machine that others share, the wall time of a run moves
// with their load far more than the CPU time does.
func inParallel(b *testing.B, g int, op func(i int64) error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := cpuTime(b)
	defer func() { b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op") }()
	for range g {
		wg.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				if err := op(i); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// cpuTime is the CPU time the process has used so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
