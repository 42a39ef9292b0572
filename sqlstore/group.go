package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/openchime/chime"
)

// Group commit: concurrent writes share one transaction and one sync to
// disk. Each write still sees and changes the database as if alone: it runs
// inside a savepoint of the shared transaction, so a write that fails is
// rolled back by itself, and every write is answered only after the shared
// commit is durable. On SQLite, where each commit costs a sync of the log
// and there is one writer anyway, this multiplies write throughput. On
// PostgreSQL a write then costs two round trips instead of four (no BEGIN
// and COMMIT of its own, and its account is read once per batch) and a
// share of one WAL flush; each server node has its committer, and the
// batches of several nodes are ordinary concurrent transactions.
//
// What happens to one write never decides another's fate (as with bbolt's
// DB.Batch, and tested path by path in group_test.go):
//   - A caller that gives up before the committer takes its write gets its
//     context's error and the write never runs. Once taken, the write runs
//     to its end on a context that is never cancelled, and its caller waits
//     for the answer, so that what is answered is what is stored.
//   - A write that fails or panics is rolled back to its savepoint alone;
//     the panic goes on in its caller's goroutine, as it would without
//     group commit.
//   - When the shared transaction itself fails under a write (its savepoint
//     cannot be rolled back or released), that write fails alone, the
//     transaction is rolled back, and the batch's other writes run again in
//     a new one.
//   - A write that lost a race with another transaction (a serialization
//     failure or a deadlock, Dialect.Classify's Retry) is rolled back to
//     its savepoint, which ends the race, and runs again in a new
//     transaction after the batch commits, up to maxAttempts runs in all,
//     as without group commit; the batch's other writes go on. (Inside a
//     shared transaction such a race can only be with another node's
//     batch or a transaction outside group commit.)
//   - A write that arrives while or after the store closes gets errClosed;
//     every write queued before is still run and answered.

// maxGroup bounds how many writes share one commit.
const maxGroup = 64

// errClosed is the error of a write the closing store no longer takes.
var errClosed = errors.New("the store is closed")

// Job states: a job is taken by the committer or abandoned by its caller,
// whichever comes first.
const (
	jobQueued int32 = iota
	jobTaken
	jobAbandoned
)

// job is one write waiting for its turn.
type job struct {
	ctx   context.Context
	fn    writeFunc
	state atomic.Int32
	done  chan outcome // buffered: the committer never waits for the caller
	// raced counts the runs that lost a race (Retry), on the committer's
	// goroutine only.
	raced int
}

// outcome is a job's answer: its error, or the panic it raised.
type outcome struct {
	err      error
	panicked *writePanic
}

func (o outcome) failed() bool { return o.err != nil || o.panicked != nil }

// writePanic is a panic raised by a write on the committer's goroutine,
// raised again in its caller's with the stack where it began.
type writePanic struct {
	value any
	stack []byte
}

func (p *writePanic) Error() string {
	return fmt.Sprintf("panic in a store write: %v\n\n%s", p.value, p.stack)
}

// Unwrap gives the panic's value when it is an error.
func (p *writePanic) Unwrap() error {
	err, _ := p.value.(error)
	return err
}

// committer runs queued writes in shared transactions, one batch at a time.
type committer struct {
	db *sql.DB
	// verify is called before every commit; an error fails the batch.
	verify func() error
	// raced says whether a write's error is a lost race (Retry) that a
	// new run may not meet.
	raced func(error) bool
	// plain runs the savepoint statements unprepared (see savepoints).
	plain bool
	// strongest is the engine's lock clause for update (accountMemo).
	strongest string
	jobs      chan *job
	// mu is held shared by writers while they queue and exclusively by
	// close, so that no write is queued after the committer stopped
	// taking them.
	mu     sync.RWMutex
	closed bool
	quit   chan struct{}
	exit   chan struct{}
	// batch is the accounts read by the running batch's writes (nil
	// between batches): every write locks and reads its account first, and
	// the writes of a batch are mostly to the same few accounts.
	batch atomic.Pointer[accountMemo]
}

// accountMemo remembers the accounts read inside one batch's transaction.
// It is forgotten whenever a write of the batch changes an account or is
// rolled back, so that a write never sees an account other than the one
// in the database.
//
// Each account is remembered with the lock its read took, because the
// memo stands for that lock too: a write that needs the account locked
// for update (to change or delete it, so that other nodes' writes wait)
// reads it again when the batch holds only a key-share lock on it. On
// SQLite, where the write transaction is the lock, both clauses are "".
type accountMemo struct {
	tx       *sql.Tx
	accounts map[[2]string]memoAccount
	// strongest is the lock clause that covers every other.
	strongest string
}

type memoAccount struct {
	account chime.Account
	lock    string
}

func (m *accountMemo) get(owner, id, lock string) (*chime.Account, bool) {
	e, ok := m.accounts[[2]string{owner, id}]
	if !ok || (e.lock != lock && e.lock != m.strongest) {
		return nil, false
	}
	return cloneAccount(e.account), true
}

func (m *accountMemo) put(a *chime.Account, lock string) {
	m.accounts[[2]string{a.AwsAccountID, a.ID}] = memoAccount{*cloneAccount(*a), lock}
}

func (m *accountMemo) forget() { clear(m.accounts) }

// cloneAccount copies an account with its slices, so that a write that
// changes the copy it was given cannot change the memo.
func cloneAccount(a chime.Account) *chime.Account {
	a.SupportedLicenses = slices.Clone(a.SupportedLicenses)
	a.SigninDelegateGroups = slices.Clone(a.SigninDelegateGroups)
	return &a
}

// memo returns the account memo of the batch whose transaction is tx, or
// nil outside group commit.
func (c *committer) memo(tx *sql.Tx) *accountMemo {
	if c == nil {
		return nil
	}
	if m := c.batch.Load(); m != nil && m.tx == tx {
		return m
	}
	return nil
}

// newCommitter starts a committer on db for the engine of d; verify may
// be nil.
func newCommitter(db *sql.DB, d Dialect, verify func() error) *committer {
	if verify == nil {
		verify = func() error { return nil }
	}
	c := &committer{db: db, verify: verify, jobs: make(chan *job, 4*maxGroup),
		raced:     func(err error) bool { return d.Classify(err) == Retry },
		plain:     d.Name() == "postgres",
		strongest: d.LockForUpdate(),
		quit:      make(chan struct{}), exit: make(chan struct{})}
	go c.loop()
	return c
}

// run queues fn and waits until its batch is committed (or fn failed). A
// panic in fn is raised again here.
func (c *committer) run(ctx context.Context, fn writeFunc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	j := &job{ctx: ctx, fn: fn, done: make(chan outcome, 1)}
	if err := c.queue(ctx, j); err != nil {
		return err
	}
	var o outcome
	select {
	case o = <-j.done:
	case <-ctx.Done():
		if j.state.CompareAndSwap(jobQueued, jobAbandoned) {
			return ctx.Err() // the committer will pass it by
		}
		o = <-j.done // taken: it runs to its end
	}
	if o.panicked != nil {
		panic(o.panicked)
	}
	return o.err
}

// queue hands j to the committer, unless the store is closing.
func (c *committer) queue(ctx context.Context, j *job) error {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.closed {
		return errClosed
	}
	select {
	case c.jobs <- j:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// close stops taking writes, runs those already queued and returns when
// they are answered.
func (c *committer) close() {
	c.mu.Lock()
	wasClosed := c.closed
	c.closed = true
	c.mu.Unlock()
	if !wasClosed {
		close(c.quit)
	}
	<-c.exit
}

func (c *committer) loop() {
	defer close(c.exit)
	for {
		var batch []*job
		select {
		case j := <-c.jobs:
			batch = append(batch, j)
		case <-c.quit:
			// No write is queued any more (close holds mu): run the rest.
			for {
				batch = c.gather(nil)
				if len(batch) == 0 {
					return
				}
				c.commit(batch)
			}
		}
		// Writers woken by the previous commit are about to queue their
		// next writes: let them run first, so that they join this batch.
		runtime.Gosched()
		c.commit(c.gather(batch))
	}
}

// gather adds the writes already queued to batch, up to maxGroup.
func (c *committer) gather(batch []*job) []*job {
	for len(batch) < maxGroup {
		select {
		case j := <-c.jobs:
			batch = append(batch, j)
		default:
			return batch
		}
	}
	return batch
}

// commit takes the writes of a batch whose callers still wait and runs
// them until each is answered.
func (c *committer) commit(batch []*job) {
	taken := batch[:0]
	for _, j := range batch {
		if j.state.CompareAndSwap(jobQueued, jobTaken) {
			taken = append(taken, j)
		}
	}
	for len(taken) > 0 {
		taken = c.attempt(taken)
	}
}

// savepoints are the statements that wrap each write of a batch. SQLite
// parses a statement on every run, so they are prepared once per
// transaction. On PostgreSQL every statement is a round trip, and the
// committer waits for each: there the statements run unprepared, which
// pgx sends in one round trip of the simple protocol (a prepared one would
// cost a round trip to prepare and another to close in every
// transaction), and the end of one write's savepoint and the start of the
// next's go together, so that a write costs one round trip besides its
// own statements.
type savepoints struct {
	tx                       *sql.Tx
	begin, release, rollback *sql.Stmt // nil: plain
	// opened says the next write's savepoint is open already (plain).
	opened bool
}

const (
	beginSavepoint    = "SAVEPOINT write_job"
	releaseSavepoint  = "RELEASE SAVEPOINT write_job"
	rollbackSavepoint = "ROLLBACK TO SAVEPOINT write_job"
	// releaseAndBegin ends a write's savepoint and opens the next one's;
	// after ROLLBACK TO, the savepoint is open still, where it began.
	releaseAndBegin = releaseSavepoint + "; " + beginSavepoint
)

func (c *committer) savepoints(tx *sql.Tx) (*savepoints, error) {
	if c.plain {
		return &savepoints{tx: tx}, nil
	}
	begin, err1 := tx.Prepare(beginSavepoint)
	release, err2 := tx.Prepare(releaseSavepoint)
	rollback, err3 := tx.Prepare(rollbackSavepoint)
	return &savepoints{tx: tx, begin: begin, release: release, rollback: rollback}, errors.Join(err1, err2, err3)
}

// open starts a write's savepoint.
func (sp *savepoints) open() error {
	if sp.begin != nil {
		_, err := sp.begin.Exec()
		return err
	}
	if sp.opened {
		return nil
	}
	_, err := sp.tx.Exec(beginSavepoint)
	sp.opened = err == nil
	return err
}

// close ends a write's savepoint, undoing the write if it failed.
func (sp *savepoints) close(failed bool) error {
	if sp.begin != nil {
		if failed {
			if _, err := sp.rollback.Exec(); err != nil {
				return err
			}
		}
		_, err := sp.release.Exec()
		return err
	}
	query := releaseAndBegin
	if failed {
		query = rollbackSavepoint
	}
	_, err := sp.tx.Exec(query)
	sp.opened = err == nil
	return err
}

// attempt runs jobs in one transaction, each in its own savepoint, and
// answers them; if the transaction fails under one of them, it answers
// that one, rolls back and returns the others to be run again. Writes
// that lost a race are returned too, once the others are answered.
func (c *committer) attempt(jobs []*job) (again []*job) {
	tx, err := c.db.BeginTx(context.Background(), nil)
	if err != nil {
		answerAll(jobs, err)
		return nil
	}
	sp, err := c.savepoints(tx)
	if err != nil {
		tx.Rollback()
		answerAll(jobs, err)
		return nil
	}
	memo := &accountMemo{tx: tx, accounts: map[[2]string]memoAccount{}, strongest: c.strongest}
	c.batch.Store(memo)
	defer c.batch.Store(nil)
	outcomes := make([]outcome, len(jobs))
	for i, j := range jobs {
		o, lost := c.runJob(sp, memo, j)
		if lost != nil {
			tx.Rollback()
			if !o.failed() {
				o.err = fmt.Errorf("the batch's transaction failed under this write: %w", lost)
			}
			j.done <- o
			return slices.Concat(jobs[:i], jobs[i+1:])
		}
		outcomes[i] = o
	}
	if err := c.verify(); err != nil {
		tx.Rollback()
		answerAll(jobs, err)
		return nil
	}
	if err := tx.Commit(); err != nil {
		// Nothing of the batch is durable: no write may be acknowledged.
		answerAll(jobs, err)
		return nil
	}
	for i, j := range jobs {
		if c.runAgain(j, outcomes[i]) {
			again = append(again, j)
			continue
		}
		j.done <- outcomes[i]
	}
	return again
}

// runAgain reports whether a write that ended with o lost a race and may
// run again (its savepoint was rolled back, so nothing of it is stored).
func (c *committer) runAgain(j *job, o outcome) bool {
	if o.panicked != nil || o.err == nil || j.raced+1 >= maxAttempts || !c.raced(o.err) {
		return false
	}
	j.raced++
	return true
}

// runJob runs one write in its savepoint. lost is the error of a
// transaction that failed under it: nothing of the batch can commit.
func (c *committer) runJob(sp *savepoints, memo *accountMemo, j *job) (o outcome, lost error) {
	if err := sp.open(); err != nil {
		return o, err
	}
	o = call(j, sp.tx)
	if o.failed() {
		memo.forget() // what the write changed is undone below
	}
	return o, sp.close(o.failed())
}

// call runs a job's write on a context its caller cannot cancel, and
// turns a panic into its outcome.
func call(j *job, tx *sql.Tx) (o outcome) {
	defer func() {
		if p := recover(); p != nil {
			o = outcome{panicked: &writePanic{value: p, stack: debug.Stack()}}
		}
	}()
	return outcome{err: j.fn(context.WithoutCancel(j.ctx), tx)}
}

func answerAll(jobs []*job, err error) {
	for _, j := range jobs {
		j.done <- outcome{err: err}
	}
}
