package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlstore"
	"github.com/openchime/chime/storetest"
)

// open opens a store in a fresh schema of the test database.
func open(tb testing.TB, o sqlstore.Options) chime.Services {
	s, err := postgres.Open(context.Background(), pgtest.Schema(tb), postgres.DefaultPool(), o)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s.Services()
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// The same suite with writes sharing commits, as --store-group-commit has
// them.
func TestConformanceGroupCommit(t *testing.T) {
	storetest.Run(t, func(tb testing.TB, o sqlstore.Options) chime.Services {
		pool := postgres.DefaultPool()
		pool.GroupCommit = true
		s, err := postgres.Open(context.Background(), pgtest.Schema(tb), pool, o)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { s.Close() })
		return s.Services()
	})
}

// Several nodes starting at once on an empty database migrate it once.
func TestConcurrentMigrations(t *testing.T) {
	url := pgtest.Schema(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(context.Background(), url, postgres.DefaultPool(), sqlstore.Options{})
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := postgres.Open(context.Background(), url, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var versions int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil || versions != len(postgres.Dialect{}.Migrations()) {
		t.Fatalf("%d migration rows (%v)", versions, err)
	}
	// The pagination key is one for all nodes.
	a, _ := s.Secret(context.Background(), "pagination")
	b, _ := s.Secret(context.Background(), "pagination")
	if string(a) != string(b) || len(a) != 32 {
		t.Fatal("the shared secret differs")
	}
}

func TestRebind(t *testing.T) {
	if got := (postgres.Dialect{}).Rebind(`SELECT a FROM t WHERE x = ? AND y IN (?, ?)`); got != `SELECT a FROM t WHERE x = $1 AND y IN ($2, $3)` {
		t.Fatal(got)
	}
}

func TestBadURL(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://user:hunter2@[bad", postgres.DefaultPool(), sqlstore.Options{})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("%v", err)
	}
}

// BenchmarkStore measures the store on PostgreSQL (CHIME_TEST_POSTGRES_URL):
// go test -bench Store ./postgres/
func BenchmarkStore(b *testing.B) { storetest.Bench(b, open) }

// A database at the first schema version is brought forward on open, and
// lookups by user id then use the index made for them.
func TestUpgradeFromFirstVersion(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Schema(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first := postgres.Dialect{}.Migrations()[0]
	for _, stmt := range append(first, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`, `INSERT INTO schema_migrations VALUES (1)`) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	s, err := postgres.Open(ctx, url, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var plan string
	if err := db.QueryRowContext(ctx, `EXPLAIN SELECT id FROM users WHERE aws_account_id = '1' AND account_id = '2' AND id = '3'`).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "users_by_id") {
		t.Fatalf("the lookup by id does not use users_by_id: %s", plan)
	}
}

// twoNodes opens two stores on one database, as two server nodes do, with
// one clock that advance moves.
func twoNodes(t *testing.T) (a, b chime.Services, advance func(time.Duration)) {
	url := pgtest.Schema(t)
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	o := sqlstore.Options{Now: func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}}
	var nodes [2]chime.Services
	for i := range nodes {
		s, err := postgres.Open(context.Background(), url, postgres.DefaultPool(), o)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		nodes[i] = s.Services()
	}
	return nodes[0], nodes[1], func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
	}
}

// Two nodes take orders of the same numbers at once, for two AWS accounts,
// and sweep released numbers at once: every number has one owner, no
// order fails as a whole, and every released number is removed once.
func TestTwoNodesPhoneNumbers(t *testing.T) {
	ctx := context.Background()
	a, b, advance := twoNodes(t)
	owners := []string{storetest.Owner, storetest.Other}
	var numbers []string
	for i := 0; i < 40; i++ {
		numbers = append(numbers, fmt.Sprintf("+1415555%04d", 100+i))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			node, list := []chime.Services{a, b}[i%2], slices.Clone(numbers)
			if i%4 >= 2 {
				slices.Reverse(list)
			}
			_, err := node.PhoneNumbers.CreatePhoneNumberOrder(ctx, owners[i%2], chime.VoiceConnector, list)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	advance(chime.DefaultPhoneNumberTimings.OrderDelay)
	held := map[string][]string{}
	for _, owner := range owners {
		page, err := b.PhoneNumbers.ListPhoneNumbers(ctx, owner, chime.PhoneNumberFilter{Status: chime.Unassigned}, chime.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range page.PhoneNumbers {
			held[n.E164] = append(held[n.E164], owner)
		}
		if len(page.PhoneNumbers) > 0 {
			ids := make([]string, len(page.PhoneNumbers))
			for i, n := range page.PhoneNumbers {
				ids[i] = n.E164
			}
			if errs, err := a.PhoneNumbers.BatchDeletePhoneNumber(ctx, owner, ids); err != nil || len(errs) > 0 {
				t.Fatalf("delete: %v %+v", err, errs)
			}
		}
	}
	for _, n := range numbers {
		if len(held[n]) != 1 {
			t.Fatalf("%s is held by %v", n, held[n])
		}
	}
	advance(chime.DefaultPhoneNumberTimings.DeletionRetention)
	var removed atomic.Int64
	errs = make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := []chime.Services{a, b}[i%2].PhoneNumbers.SweepPhoneNumbers(ctx)
			removed.Add(int64(n))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if removed.Load() != int64(len(numbers)) {
		t.Fatalf("the sweeps removed %d of %d", removed.Load(), len(numbers))
	}
	free, _, err := a.PhoneNumbers.SearchAvailablePhoneNumbers(ctx, storetest.Owner, chime.NumberSearch{AreaCode: "415"}, chime.PageRequest{})
	if err != nil || len(free) != 100 {
		t.Fatalf("%d numbers free after the sweeps (%v)", len(free), err)
	}
}

// proxy forwards TCP connections to addr until cut, which closes the
// listener and every connection, as a database outage does.
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, addr string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	t.Cleanup(p.cut)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial("tcp", addr)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { io.Copy(d, c); d.Close() }()
			go func() { io.Copy(c, d); c.Close() }()
		}
	}()
	return p
}

func (p *proxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// A database that stops answering (connections reset, new ones
// refused) makes reads, writes and Ping fail as Unavailable (503: retry
// later), not as failures of the service (500).
func TestOutageIsUnavailable(t *testing.T) {
	ctx := context.Background()
	u, err := url.Parse(pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	s, err := postgres.Open(ctx, u.String(), postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "x", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	p.cut()
	_, err = s.CreateUser(ctx, "111122223333", a.ID, chime.NewUser{Email: "x@example.com"})
	if chime.KindOf(err) != chime.Unavailable {
		t.Errorf("CreateUser: %v (%v), want unavailable", chime.KindOf(err), err)
	}
	_, err = s.GetAccount(ctx, "111122223333", a.ID)
	if chime.KindOf(err) != chime.Unavailable {
		t.Errorf("GetAccount: %v (%v), want unavailable", chime.KindOf(err), err)
	}
	if err := s.Ping(ctx); chime.KindOf(err) != chime.Unavailable {
		t.Errorf("Ping: %v (%v), want unavailable", chime.KindOf(err), err)
	}
}

// The SQLSTATEs and connection errors the store tells apart.
func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want sqlstore.Failure
	}{
		{"UniqueViolation", &pgconn.PgError{Code: "23505"}, sqlstore.UniqueViolation},
		{"Deadlock", &pgconn.PgError{Code: "40P01"}, sqlstore.Retry},
		{"SerializationFailure", &pgconn.PgError{Code: "40001"}, sqlstore.Retry},
		{"AdminShutdown", &pgconn.PgError{Code: "57P01"}, sqlstore.Unavailable},
		{"TooManyConnections", &pgconn.PgError{Code: "53300"}, sqlstore.Unavailable},
		{"ConnectionFailure", &pgconn.PgError{Code: "08006"}, sqlstore.Unavailable},
		{"ReadOnlyStandby", &pgconn.PgError{Code: "25006"}, sqlstore.Unavailable},
		{"SyntaxError", &pgconn.PgError{Code: "42601"}, sqlstore.Other},
		{"BadEncoding", &pgconn.PgError{Code: "22021"}, sqlstore.Other},
		{"Refused", &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}, sqlstore.Unavailable},
		{"EOF", io.ErrUnexpectedEOF, sqlstore.Unavailable},
		{"Other", errors.New("something else"), sqlstore.Other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (postgres.Dialect{}).Classify(tc.err); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// Two nodes given one ClientRequestToken at once create one room, and
// every call answers with it.
func TestTwoNodesRoomToken(t *testing.T) {
	ctx := context.Background()
	a, b, _ := twoNodes(t)
	acct, err := a.Accounts.CreateAccount(ctx, storetest.Owner, chime.NewAccount{Name: "rooms", Type: chime.EnterpriseLWA})
	if err != nil {
		t.Fatal(err)
	}
	for round := range 4 {
		in := chime.NewRoom{Name: "once", ClientRequestToken: fmt.Sprintf("two-nodes-%d", round)}
		ids := make([]string, 8)
		var wg sync.WaitGroup
		errs := make(chan error, len(ids))
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := []chime.Services{a, b}[i%2].Rooms.CreateRoom(ctx, storetest.Owner, "arn:aws:iam::111122223333:user/x", acct.ID, in)
				if err != nil {
					errs <- err
					return
				}
				ids[i] = r.ID
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		for _, id := range ids {
			if id != ids[0] {
				t.Fatalf("round %d: rooms %v", round, ids)
			}
		}
	}
	page, err := b.Rooms.ListRooms(ctx, storetest.Owner, acct.ID, "", chime.PageRequest{})
	if err != nil || len(page.Rooms) != 4 {
		t.Fatalf("%+v %v", page, err)
	}
}
