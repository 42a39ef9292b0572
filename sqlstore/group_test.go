package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openchime/chime"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// openTestStore opens a store on a fresh database file.
func openTestStore(t *testing.T, o Options) *Store {
	t.Helper()
	s := New(openTestDB(t), sqliteDialect{}, o)
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// openTestDB opens a fresh SQLite database file as the sqlite package
// does, in a test's directory.
func openTestDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "chime.db")+
		"?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sqliteDialect is enough of SQLite's dialect for this package's internal
// tests (the sqlite package imports this one, so only the external tests
// may use it).
type sqliteDialect struct{}

func (sqliteDialect) Name() string           { return "sqlite" }
func (sqliteDialect) Rebind(q string) string { return q }
func (sqliteDialect) Migrations() [][]string {
	return Schema(Spelling{Identity: "INTEGER PRIMARY KEY AUTOINCREMENT", Integer: "INTEGER", Bytewise: "COLLATE BINARY"})
}
func (sqliteDialect) Classify(error) Failure                                   { return Other }
func (sqliteDialect) LockMigrations(context.Context, *sql.Tx) error            { return nil }
func (sqliteDialect) LockForUpdate() string                                    { return "" }
func (sqliteDialect) LockForKeyShare() string                                  { return "" }
func (sqliteDialect) Bytewise() string                                         { return "COLLATE BINARY" }
func (sqliteDialect) OverridingIdentity() string                               { return "" }
func (sqliteDialect) LastSeq(context.Context, *sql.Tx, string) (int64, error)  { return 0, nil }
func (sqliteDialect) SetLastSeq(context.Context, *sql.Tx, string, int64) error { return nil }
func (sqliteDialect) RestartSeq(context.Context, *sql.Tx, string) error        { return nil }

// TestBatchAccountMemo: the writes of one batch see every change an
// earlier write of the batch made to an account, never a change that was
// rolled back, and never each other's unsaved edits.
func TestBatchAccountMemo(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t, Options{GroupCommit: true})
	a, err := s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "original", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	read := func(tx *sql.Tx) *chime.Account {
		got, err := s.lockAccount(ctx, tx, a.AwsAccountID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	rename := func(tx *sql.Tx, name string) {
		got := read(tx)
		got.Name = name
		if err := s.saveAccount(ctx, tx, got); err != nil {
			t.Fatal(err)
		}
	}
	var seen []string
	see := func(_ context.Context, tx *sql.Tx) error { seen = append(seen, read(tx).Name); return nil }
	batch := []writeFunc{
		see,
		func(_ context.Context, tx *sql.Tx) error { rename(tx, "renamed"); return nil },
		see,
		func(_ context.Context, tx *sql.Tx) error {
			rename(tx, "rolled back")
			read(tx) // the changed account is read again before the write fails
			return errors.New("this write fails")
		},
		see,
		func(_ context.Context, tx *sql.Tx) error {
			read(tx).SupportedLicenses[0] = "edited, not saved"
			return nil
		},
		func(_ context.Context, tx *sql.Tx) error {
			if got := read(tx).SupportedLicenses; got[0] == "edited, not saved" {
				t.Errorf("an unsaved edit reached the next write: %v", got)
			}
			return nil
		},
	}
	jobs := make([]*job, len(batch))
	for i, fn := range batch {
		jobs[i] = &job{ctx: ctx, fn: fn, done: make(chan outcome, 1)}
	}
	s.group.commit(jobs)
	if want := []string{"original", "renamed", "renamed"}; len(seen) != 3 || seen[0] != want[0] || seen[1] != want[1] || seen[2] != want[2] {
		t.Fatalf("the writes saw %q, want %q", seen, want)
	}
	if o := <-jobs[3].done; o.err == nil {
		t.Fatal("the failing write was acknowledged")
	}
	stored, err := s.GetAccount(ctx, a.AwsAccountID, a.ID)
	if err != nil || stored.Name != "renamed" {
		t.Fatalf("stored %+v, %v", stored, err)
	}
}

// The failure paths of group commit, each on a batch whose writes are
// queued while a first write holds the committer, so that they share one
// transaction: what happens to one write never decides another's fate.

// groupTest is a committer on a database with one table of keys.
type groupTest struct {
	t  *testing.T
	db *sql.DB
	c  *committer
	// verify is what the committer's verify returns.
	verifyErr error
	mu        sync.Mutex
}

func newGroupTest(t *testing.T) *groupTest {
	g := &groupTest{t: t, db: openTestDB(t)}
	if _, err := g.db.Exec(`CREATE TABLE t (k TEXT PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	g.c = newCommitter(g.db, sqliteDialect{}, func() error {
		g.mu.Lock()
		defer g.mu.Unlock()
		return g.verifyErr
	})
	t.Cleanup(g.c.close)
	return g
}

// insert is a write that stores k (a test's own literal, so that the
// statement reads the same on every engine).
func insert(k string) writeFunc {
	return func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO t (k) VALUES ('`+k+`')`)
		return err
	}
}

// stored lists the keys in the table.
func (g *groupTest) stored() string {
	g.t.Helper()
	rows, err := g.db.Query(`SELECT k FROM t ORDER BY k`)
	if err != nil {
		g.t.Fatal(err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			g.t.Fatal(err)
		}
		keys = append(keys, k)
	}
	return strings.Join(keys, " ")
}

// call runs fn through the committer in a goroutine; its answer (or the
// panic it raised, as a *writePanic error) arrives on the channel.
func (g *groupTest) call(ctx context.Context, fn writeFunc) <-chan error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				wp, ok := p.(*writePanic)
				if !ok {
					wp = &writePanic{value: fmt.Sprintf("not a *writePanic: %v", p)}
				}
				done <- wp
			}
		}()
		done <- g.c.run(ctx, fn)
	}()
	return done
}

// hold queues a write that holds the committer until the returned
// function is called; the writes queued meanwhile form the next batch.
func (g *groupTest) hold() (release func() error) {
	running, proceed := make(chan struct{}), make(chan struct{})
	done := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		close(running)
		<-proceed
		return insert("holder")(ctx, tx)
	})
	<-running
	var once sync.Once
	g.t.Cleanup(func() { once.Do(func() { close(proceed) }) }) // a failed test lets it go
	return func() error {
		once.Do(func() { close(proceed) })
		return wait(g.t, done)
	}
}

// queued waits until n writes wait in the committer's queue.
func (g *groupTest) queued(n int) {
	g.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(g.c.jobs) < n {
		if time.Now().After(deadline) {
			g.t.Fatalf("%d writes queued, want %d", len(g.c.jobs), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// wait returns the answer on done, failing if none comes in 10 seconds.
func wait(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("a write was not answered")
		return nil
	}
}

// A caller that gives up before its write is taken gets its context's
// error at once, and the write never runs; the batch it was queued in
// commits without it.
func TestGroupCancelledBeforeTaken(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	ctx, cancel := context.WithCancel(context.Background())
	a := g.call(context.Background(), insert("a"))
	cancelled := g.call(ctx, insert("cancelled"))
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	cancel()
	if err := wait(t, cancelled); !errors.Is(err, context.Canceled) {
		t.Fatalf("the cancelled write got %v while the batch before it ran", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	for _, done := range []<-chan error{a, b} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b holder" {
		t.Fatalf("stored %q", got)
	}
}

// A write whose caller gives up after it was taken runs to its end on a
// context that is not cancelled (on SQLite an interrupted statement rolls
// back the whole shared transaction), and its caller gets its answer.
func TestGroupCancelledAfterTaken(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	ctx, cancel := context.WithCancel(context.Background())
	a := g.call(context.Background(), insert("a"))
	cancelled := g.call(ctx, func(wctx context.Context, tx *sql.Tx) error {
		cancel()
		// A statement long enough to be interrupted, were wctx cancelled.
		if _, err := tx.ExecContext(wctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
			INSERT INTO t (k) SELECT 'n' || i FROM n`); err != nil {
			return err
		}
		_, err := tx.ExecContext(wctx, `DELETE FROM t WHERE k LIKE 'n%'`)
		if err == nil {
			err = insert("cancelled")(wctx, tx)
		}
		return err
	})
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	for _, done := range []<-chan error{a, cancelled, b} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b cancelled holder" {
		t.Fatalf("stored %q", got)
	}
}

// A write that panics is rolled back alone, the panic goes on in its
// caller with the stack where it began, and the committer goes on.
func TestGroupPanic(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	panicked := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		if err := insert("panicked")(ctx, tx); err != nil {
			return err
		}
		panic("a write's bug")
	})
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	err := wait(t, panicked)
	var wp *writePanic
	if !errors.As(err, &wp) || wp.value != "a write's bug" || !strings.Contains(wp.Error(), "TestGroupPanic") {
		t.Fatalf("the panicking write's caller got %v", err)
	}
	for _, done := range []<-chan error{a, b} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if err := wait(t, g.call(context.Background(), insert("c"))); err != nil {
		t.Fatalf("after a panic: %v", err)
	}
	if got := g.stored(); got != "a b c holder" {
		t.Fatalf("stored %q", got)
	}
}

// A write whose savepoint cannot be released (here it released it
// itself, so that what it wrote sits in the shared transaction) fails,
// and what it wrote is not committed; the batch's other writes are.
func TestGroupReleaseFailure(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	unreleasable := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `RELEASE SAVEPOINT write_job`); err != nil {
			return err
		}
		return insert("unreleasable")(ctx, tx)
	})
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, unreleasable); err == nil {
		t.Fatal("the write whose savepoint could not be released was acknowledged")
	}
	for _, done := range []<-chan error{a, b} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b holder" {
		t.Fatalf("stored %q", got)
	}
}

// A write that ends the shared transaction under the others (here by
// rolling it back) fails alone: the writes before it, whose work went
// with the transaction, and those after it run again in a new one,
// instead of running outside any transaction or failing.
func TestGroupLostTransaction(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	runs := 0
	b := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		runs++
		return insert("b")(ctx, tx)
	})
	g.queued(2) // a and b before the breaker, c after it
	breaker := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `ROLLBACK`)
		return err
	})
	g.queued(3)
	c := g.call(context.Background(), insert("c"))
	g.queued(4)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, breaker); err == nil {
		t.Fatal("the write that lost the transaction was acknowledged")
	}
	for _, done := range []<-chan error{a, b, c} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b c holder" {
		t.Fatalf("stored %q", got)
	}
	if runs != 2 {
		t.Fatalf("the write before the failure ran %d times, want 2", runs)
	}
}

// A commit that cannot be made (here verify refuses it) acknowledges no
// write of the batch, and stores none.
func TestGroupCommitRefused(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	b := g.call(context.Background(), insert("b"))
	g.queued(2)
	refused := errors.New("the database file was replaced")
	g.mu.Lock()
	g.verifyErr = refused
	g.mu.Unlock()
	if err := release(); !errors.Is(err, refused) {
		t.Fatalf("the holder got %v", err)
	}
	for _, done := range []<-chan error{a, b} {
		if err := wait(t, done); !errors.Is(err, refused) {
			t.Fatalf("got %v, want the commit's error", err)
		}
	}
	if got := g.stored(); got != "" {
		t.Fatalf("stored %q", got)
	}
}

// Close runs the writes already queued and answers them; a write that
// comes during or after Close gets errClosed at once, never waits.
func TestGroupClose(t *testing.T) {
	g := newGroupTest(t)
	release := g.hold()
	queued := g.call(context.Background(), insert("queued"))
	g.queued(1)
	closed := make(chan struct{})
	go func() { g.c.close(); close(closed) }()
	// Writers racing the close, each until the store refuses it.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var acknowledged []string
	for w := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				k := fmt.Sprintf("w%02d-%04d", w, i)
				err := g.c.run(context.Background(), insert(k))
				if errors.Is(err, errClosed) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				acknowledged = append(acknowledged, k)
				mu.Unlock()
			}
		}()
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, queued); err != nil {
		t.Fatalf("a write queued before Close: %v", err)
	}
	writers := make(chan error)
	go func() { wg.Wait(); close(writers) }()
	wait(t, writers)
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
	if err := wait(t, g.call(context.Background(), insert("late"))); !errors.Is(err, errClosed) {
		t.Fatalf("a write after Close got %v", err)
	}
	stored := g.stored()
	for _, k := range append(acknowledged, "queued", "holder") {
		if !strings.Contains(stored, k) {
			t.Errorf("%s was acknowledged and not stored", k)
		}
	}
	if n := len(strings.Fields(stored)); n != len(acknowledged)+2 {
		t.Errorf("%d rows stored, %d writes acknowledged", n, len(acknowledged)+2)
	}
}

// Through the store: a write whose caller gives up while it runs (here
// as the write reads the clock, which is inside the shared transaction)
// is stored and acknowledged.
func TestCancelledWriteRunsToItsEnd(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var cancelOnce sync.Once
	var inWrite bool
	s := openTestStore(t, Options{GroupCommit: true, Now: func() time.Time {
		if inWrite {
			cancelOnce.Do(cancel)
		}
		return time.Now()
	}})
	a, err := s.CreateAccount(context.Background(), "111122223333", chime.NewAccount{Name: "x", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	inWrite = true
	u, err := s.CreateUser(ctx, "111122223333", a.ID, chime.NewUser{Email: "cancelled@example.com"})
	if err != nil {
		t.Fatalf("a write whose caller gave up while it ran: %v", err)
	}
	if ctx.Err() == nil {
		t.Fatal("the caller did not give up")
	}
	if _, err := s.GetUser(context.Background(), "111122223333", a.ID, u.ID); err != nil {
		t.Fatalf("acknowledged and not stored: %v", err)
	}
}
