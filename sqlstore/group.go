package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/openchime/chime"
)

// Group commit: concurrent writes share one transaction and one sync to
// disk. Each write still sees and changes the database as if alone: it runs
// inside a savepoint of the shared transaction, so a write that fails is
// rolled back by itself, and every write is answered only after the shared
// commit is durable. On SQLite, where each commit costs a sync of the log
// and there is one writer anyway, this multiplies write throughput.

// maxGroup bounds how many writes share one commit.
const maxGroup = 64

// job is one write waiting for its turn.
type job struct {
	ctx  context.Context
	fn   func(tx *sql.Tx) error
	done chan error
}

// committer runs queued writes in shared transactions, one batch at a time.
type committer struct {
	db   *sql.DB
	jobs chan *job
	quit chan struct{}
	exit chan struct{}
	// batch is the accounts read by the running batch's writes (nil
	// between batches): every write locks and reads its account first, and
	// the writes of a batch are mostly to the same few accounts.
	batch atomic.Pointer[accountMemo]
}

// accountMemo remembers the accounts read inside one batch's transaction.
// It is forgotten whenever a write of the batch changes an account or is
// rolled back, so that a write never sees an account other than the one
// in the database.
type accountMemo struct {
	tx       *sql.Tx
	accounts map[[2]string]chime.Account
}

func (m *accountMemo) get(owner, id string) (*chime.Account, bool) {
	a, ok := m.accounts[[2]string{owner, id}]
	if !ok {
		return nil, false
	}
	return cloneAccount(a), true
}

func (m *accountMemo) put(a *chime.Account) {
	m.accounts[[2]string{a.AwsAccountID, a.ID}] = *cloneAccount(*a)
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

func newCommitter(db *sql.DB) *committer {
	c := &committer{db: db, jobs: make(chan *job, 4*maxGroup), quit: make(chan struct{}), exit: make(chan struct{})}
	go c.loop()
	return c
}

// run queues fn and waits until its batch is committed (or failed).
func (c *committer) run(ctx context.Context, fn func(tx *sql.Tx) error) error {
	j := &job{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case c.jobs <- j:
	case <-ctx.Done():
		return ctx.Err()
	case <-c.quit:
		return fmt.Errorf("the store is closed")
	}
	// Once queued, the write is waited for even if the caller gives up, so
	// that what is reported matches what is stored.
	return <-j.done
}

func (c *committer) close() {
	close(c.quit)
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
			c.drain()
			return
		}
		// Writers woken by the previous commit are about to queue their
		// next writes: let them run first, so that they join this batch.
		runtime.Gosched()
	gather:
		for len(batch) < maxGroup {
			select {
			case j := <-c.jobs:
				batch = append(batch, j)
			default:
				break gather
			}
		}
		c.commit(batch)
	}
}

// drain answers the writes still queued when the store closes.
func (c *committer) drain() {
	for {
		select {
		case j := <-c.jobs:
			c.commit([]*job{j})
		default:
			return
		}
	}
}

// commit runs a batch in one transaction, each write in its own savepoint.
func (c *committer) commit(batch []*job) {
	results := make([]error, len(batch))
	tx, err := c.db.BeginTx(context.Background(), nil)
	if err != nil {
		for _, j := range batch {
			j.done <- err
		}
		return
	}
	// The savepoint statements are prepared once per batch, not per write.
	savepoint, err1 := tx.Prepare("SAVEPOINT write_job")
	release, err2 := tx.Prepare("RELEASE SAVEPOINT write_job")
	rollback, err3 := tx.Prepare("ROLLBACK TO SAVEPOINT write_job")
	if err := errors.Join(err1, err2, err3); err != nil {
		tx.Rollback()
		for _, j := range batch {
			j.done <- err
		}
		return
	}
	memo := &accountMemo{tx: tx, accounts: map[[2]string]chime.Account{}}
	c.batch.Store(memo)
	defer c.batch.Store(nil)
	for i, j := range batch {
		if err := j.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		if _, err := savepoint.Exec(); err != nil {
			results[i] = err
			continue
		}
		if err := j.fn(tx); err != nil {
			results[i] = err
			memo.forget() // what the write changed is undone below
			if _, rbErr := rollback.Exec(); rbErr != nil {
				// The transaction cannot be trusted any more: fail them all.
				tx.Rollback()
				for _, j := range batch {
					j.done <- rbErr
				}
				return
			}
		}
		if _, err := release.Exec(); err != nil && results[i] == nil {
			results[i] = err
		}
	}
	if err := tx.Commit(); err != nil {
		// Nothing of the batch is durable: no write may be acknowledged.
		for _, j := range batch {
			j.done <- err
		}
		return
	}
	for i, j := range batch {
		j.done <- results[i]
	}
}
