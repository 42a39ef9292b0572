package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/openchime/chime/internal/pgtest"
)

// The failure paths of group commit on PostgreSQL, where the committer of
// each server node shares the database with other nodes' committers:
// errors end only the savepoint of the write that met them, locks and
// unique keys are contended across transactions, and a connection can be
// lost under a batch. Like group_test.go, each test queues its writes
// while a first write holds the committer, so that they share one
// transaction. They run when CHIME_TEST_POSTGRES_URL is set.

// pgDialect is enough of PostgreSQL's dialect for the committer (the
// postgres package imports this one): its name, the lock clauses, and the
// SQLSTATEs that say a write lost a race or hit a unique key.
type pgDialect struct{ sqliteDialect }

func (pgDialect) Name() string            { return "postgres" }
func (pgDialect) LockForUpdate() string   { return " FOR UPDATE" }
func (pgDialect) LockForKeyShare() string { return " FOR KEY SHARE" }
func (pgDialect) Classify(err error) Failure {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return UniqueViolation
		case "40001", "40P01":
			return Retry
		}
	}
	return Other
}

// newPGGroupTest is a committer on a fresh schema with one table of keys
// (and a counter per key, for the tests that contend for rows).
func newPGGroupTest(t *testing.T) *groupTest {
	return newPGGroupTestAt(t, pgtest.Schema(t))
}

// newPGGroupTestAt is newPGGroupTest on the schema of url.
func newPGGroupTestAt(t *testing.T, url string) *groupTest {
	g := &groupTest{t: t, db: openPGDB(t, url)}
	if _, err := g.db.Exec(`CREATE TABLE t (k TEXT PRIMARY KEY, n INT NOT NULL DEFAULT 0)`); err != nil {
		t.Fatal(err)
	}
	g.c = newCommitter(g.db, pgDialect{}, func() error {
		g.mu.Lock()
		defer g.mu.Unlock()
		return g.verifyErr
	})
	t.Cleanup(g.c.close)
	return g
}

// node is a second server node: its own pool and committer on g's schema.
func (g *groupTest) node(url string) *groupTest {
	n := &groupTest{t: g.t, db: openPGDB(g.t, url)}
	n.c = newCommitter(n.db, pgDialect{}, nil)
	g.t.Cleanup(n.c.close)
	return n
}

func openPGDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// waitingForLock waits until n sessions of the database wait for a lock.
func (g *groupTest) waitingForLock(n int) {
	g.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		if err := g.db.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			g.t.Fatal(err)
		}
		if waiting >= n {
			return
		}
		if time.Now().After(deadline) {
			g.t.Fatalf("%d sessions wait for a lock, want %d", waiting, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// A write that fails is rolled back to its savepoint alone: what it wrote
// before failing is not stored, the writes around it are.
func TestPGGroupFailingWrite(t *testing.T) {
	g := newPGGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	refused := errors.New("a rule refused this write")
	failing := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		if err := insert("failing")(ctx, tx); err != nil {
			return err
		}
		return refused
	})
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, failing); !errors.Is(err, refused) {
		t.Fatalf("the failing write got %v", err)
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

// A unique violation aborts only the savepoint of the write that met it
// (PostgreSQL refuses every further statement of an aborted transaction,
// so without its own savepoint it would fail the batch): that write gets
// the violation, which the store turns into a Conflict, and the others
// commit. A write that hides the violation and goes on fails alone at
// the end of its savepoint, and the others run again in a new
// transaction.
func TestPGGroupUniqueViolation(t *testing.T) {
	g := newPGGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	g.queued(1)
	dup := g.call(context.Background(), insert("a"))
	g.queued(2)
	hiding := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		_ = insert("a")(ctx, tx) // a bug: the violation is dropped
		return nil
	})
	g.queued(3)
	c := g.call(context.Background(), insert("c"))
	g.queued(4)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, dup); (pgDialect{}).Classify(err) != UniqueViolation {
		t.Fatalf("the duplicate got %v, want a unique violation", err)
	}
	if err := wait(t, hiding); err == nil {
		t.Fatal("the write that hid a violation was acknowledged")
	}
	for _, done := range []<-chan error{a, c} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a c holder" {
		t.Fatalf("stored %q", got)
	}
}

// Two nodes insert the same key, each in its own batch: the second waits
// for the first's batch to commit, then gets the unique violation (a
// Conflict to the store), while the rest of its batch commits.
func TestPGGroupUniqueRaceBetweenNodes(t *testing.T) {
	url := pgtest.Schema(t)
	g := newPGGroupTestAt(t, url)
	other := g.node(url)

	inserted, commit := make(chan struct{}), make(chan struct{})
	first := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		if err := insert("x")(ctx, tx); err != nil {
			return err
		}
		close(inserted)
		<-commit
		return nil
	})
	<-inserted
	release := other.hold()
	a := other.call(context.Background(), insert("a"))
	second := other.call(context.Background(), insert("x"))
	b := other.call(context.Background(), insert("b"))
	other.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	g.waitingForLock(1) // the second insert of x waits for the first batch
	close(commit)
	if err := wait(t, first); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, second); (pgDialect{}).Classify(err) != UniqueViolation {
		t.Fatalf("the second node's insert got %v, want a unique violation", err)
	}
	for _, done := range []<-chan error{a, b} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b holder x" {
		t.Fatalf("stored %q", got)
	}
}

// Two nodes' batches that lock two rows in opposite orders deadlock;
// PostgreSQL fails one of the two writes, which is rolled back to its
// savepoint (ending the deadlock) and runs again after its batch commits.
// Every write is acknowledged and counted once.
func TestPGGroupDeadlockBetweenNodes(t *testing.T) {
	url := pgtest.Schema(t)
	g := newPGGroupTestAt(t, url)
	if _, err := g.db.Exec(`INSERT INTO t (k) VALUES ('x'), ('y')`); err != nil {
		t.Fatal(err)
	}
	other := g.node(url)
	var mu sync.Mutex
	runs := map[string]int{}
	xLocked, yLocked := make(chan struct{}), make(chan struct{})
	var xOnce, yOnce sync.Once
	bump := func(ctx context.Context, tx *sql.Tx, k string) error {
		_, err := tx.ExecContext(ctx, `UPDATE t SET n = n + 1 WHERE k = '`+k+`'`)
		return err
	}
	// crossing locks first then second, says so, and waits until the
	// other write holds second before it takes it too.
	crossing := func(name, first, second string, mine, theirs chan struct{}, once *sync.Once) writeFunc {
		return func(ctx context.Context, tx *sql.Tx) error {
			mu.Lock()
			runs[name]++
			mu.Unlock()
			if err := bump(ctx, tx, first); err != nil {
				return err
			}
			once.Do(func() { close(mine) })
			<-theirs
			return bump(ctx, tx, second)
		}
	}
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	xy := g.call(context.Background(), crossing("xy", "x", "y", xLocked, yLocked, &xOnce))
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	yx := other.call(context.Background(), crossing("yx", "y", "x", yLocked, xLocked, &yOnce))
	if err := release(); err != nil {
		t.Fatal(err)
	}
	for _, done := range []<-chan error{a, xy, b, yx} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b holder x y" {
		t.Fatalf("stored %q", got)
	}
	var nx, ny int
	if err := g.db.QueryRow(`SELECT (SELECT n FROM t WHERE k = 'x'), (SELECT n FROM t WHERE k = 'y')`).Scan(&nx, &ny); err != nil {
		t.Fatal(err)
	}
	if nx != 2 || ny != 2 {
		t.Fatalf("x was bumped %d times and y %d, want 2 each", nx, ny)
	}
	// At least one of them lost the deadlock and ran again; which one and
	// how often is the database's and the scheduler's choice (a rerun can
	// meet the other write again before it commits), and the counts above
	// show that whatever ran more than once was counted once.
	if runs["xy"] < 1 || runs["yx"] < 1 || runs["xy"]+runs["yx"] < 3 {
		t.Fatalf("the crossing writes ran %v times, want one of them at least twice", runs)
	}
}

// A write that keeps losing races runs maxAttempts times and is answered
// with the last failure; the writes of its batches are not held back.
func TestPGGroupRetryLimit(t *testing.T) {
	g := newPGGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	runs := 0
	losing := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		runs++
		if err := insert("losing")(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DO $$ BEGIN RAISE EXCEPTION 'lost a race' USING ERRCODE = '40001'; END $$`)
		return err
	})
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, losing); (pgDialect{}).Classify(err) != Retry {
		t.Fatalf("the losing write got %v", err)
	}
	if runs != maxAttempts {
		t.Fatalf("the losing write ran %d times, want %d", runs, maxAttempts)
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

// A caller that gives up before its write is taken gets its context's
// error and the write never runs; one that gives up after it was taken
// gets the answer of a write that ran to its end (pgx would otherwise
// refuse or cancel its statements, and the savepoint with them).
func TestPGGroupCancelled(t *testing.T) {
	g := newPGGroupTest(t)
	release := g.hold()
	before, cancelBefore := context.WithCancel(context.Background())
	after, cancelAfter := context.WithCancel(context.Background())
	a := g.call(context.Background(), insert("a"))
	gaveUp := g.call(before, insert("gave-up"))
	taken := g.call(after, func(wctx context.Context, tx *sql.Tx) error {
		cancelAfter()
		if _, err := tx.ExecContext(wctx, `SELECT 1`); err != nil {
			return err
		}
		return insert("taken")(wctx, tx)
	})
	g.queued(3)
	cancelBefore()
	if err := wait(t, gaveUp); !errors.Is(err, context.Canceled) {
		t.Fatalf("the write cancelled before it was taken got %v", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	for _, done := range []<-chan error{a, taken} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a holder taken" {
		t.Fatalf("stored %q", got)
	}
}

// A connection lost under a batch (here a write ends its own session, as
// a restart of the server or a network cut would) fails the write it was
// lost under; the batch's other writes, whose work went with the
// connection, run again in a new transaction on a new connection.
func TestPGGroupLostConnection(t *testing.T) {
	g := newPGGroupTest(t)
	release := g.hold()
	a := g.call(context.Background(), insert("a"))
	g.queued(1)
	killer := g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `SELECT pg_terminate_backend(pg_backend_pid())`)
		return err
	})
	g.queued(2)
	b := g.call(context.Background(), insert("b"))
	g.queued(3)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, killer); err == nil {
		t.Fatal("the write the connection was lost under was acknowledged")
	}
	for _, done := range []<-chan error{a, b} {
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
	}
	if got := g.stored(); got != "a b holder" {
		t.Fatalf("stored %q", got)
	}
	if err := wait(t, g.call(context.Background(), insert("c"))); err != nil {
		t.Fatalf("after the lost connection: %v", err)
	}
	if got := g.stored(); got != "a b c holder" {
		t.Fatalf("stored %q", got)
	}
}

// A write that panics is rolled back to its savepoint alone on
// PostgreSQL too, where the end of one savepoint and the start of the
// next go in one statement: the panic reaches its caller, the writes
// before and after it commit, wherever in the batch it falls, and the
// committer goes on.
func TestPGGroupPanic(t *testing.T) {
	for _, tc := range []struct {
		name     string
		position int // of the panicking write among three
	}{{"first", 0}, {"between", 1}, {"last", 2}} {
		t.Run(tc.name, func(t *testing.T) {
			g := newPGGroupTest(t)
			release := g.hold()
			var others []<-chan error
			var panicked <-chan error
			names := []string{"a", "b"}
			for i := range 3 {
				if i == tc.position {
					panicked = g.call(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
						if err := insert("panicked")(ctx, tx); err != nil {
							return err
						}
						panic("a write's bug")
					})
					continue
				}
				others = append(others, g.call(context.Background(), insert(names[len(others)])))
			}
			g.queued(3)
			if err := release(); err != nil {
				t.Fatal(err)
			}
			var wp *writePanic
			if err := wait(t, panicked); !errors.As(err, &wp) || wp.value != "a write's bug" {
				t.Fatalf("the panicking write's caller got %v", err)
			}
			for _, done := range others {
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
		})
	}
}
