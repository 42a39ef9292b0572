// Package sqlstore implements the services of package chime on
// database/sql, once for every SQL engine. Each resource has a store type
// of its own (AccountStore, UserStore, PhoneNumberStore, SettingsStore,
// RoomStore, BotStore, RetentionStore) in a file of its own, all sharing
// one database core; Store is the opened database that hands them out.
// What differs between engines (placeholders, the schema's identity
// columns, error classification) sits behind a small Dialect; the business
// rules come from package chime. It imports chime, internal/randid,
// golang.org/x/text (the normal form e-mail addresses are compared in) and
// the standard library.
package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/randid"
)

// Options injects time and randomness, so that tests are deterministic.
type Options struct {
	// Now returns the current time; default time.Now.
	Now func() time.Time
	// NewID returns a fresh lowercase UUIDv4; default from crypto/rand.
	NewID func() string
	// NewPIN returns a fresh 10-digit PIN; default from crypto/rand.
	NewPIN func() string
	// NewToken returns a fresh bot security token; default 30 bytes from
	// crypto/rand in standard base64 (40 characters).
	NewToken func() string
	// GroupCommit lets concurrent writes share a transaction and its sync
	// (see group.go). The sqlite and postgres packages set it.
	GroupCommit bool
	// PhoneNumbers are the delays of the phone-number state machines; a
	// zero field takes chime.DefaultPhoneNumberTimings' (a negative one
	// means no delay, or no limit).
	PhoneNumbers chime.PhoneNumberTimings
	// Verify, when set, returns an error once the database can no longer
	// keep what is written to it (its file was removed or replaced). It is
	// called before every commit and by Ping; from its first error on,
	// every write and Ping fail as chime.Unavailable until the store is
	// opened again. The sqlite package sets it for a database file.
	Verify func() error
}

// core is what every resource's store shares: the database, the dialect,
// the injected sources, the statement cache and group commit.
type core struct {
	db      *sql.DB
	dialect Dialect
	now     func() time.Time
	newID   func() string
	newPIN  func() string
	// newToken makes bot security tokens.
	newToken func() string
	timings  chime.PhoneNumberTimings
	// verifyDB is Options.Verify; lost keeps its first error.
	verifyDB func() error
	lost     atomic.Pointer[chime.Error]
	// shut is set when Close begins: from then on every failure is
	// Unavailable.
	shut atomic.Bool

	mu        sync.Mutex
	queries   map[string]string    // '?' query -> engine query
	stmts     map[string]*sql.Stmt // engine query -> prepared statement
	preparing map[string]bool
	closed    bool

	group *committer // nil: one transaction per write
}

// Store is an opened database: its schema, secrets, export and import,
// and the resource stores that Services returns.
//
// The first resources' stores are embedded as well, so that code holding
// the handle may call their methods on it directly.
type Store struct {
	*core
	AccountStore
	UserStore
}

// Services returns the store's services, one per resource.
func (s *Store) Services() chime.Services {
	return chime.Services{
		Accounts:     AccountStore{s.core},
		Users:        UserStore{s.core},
		PhoneNumbers: PhoneNumberStore{s.core},
		Settings:     SettingsStore{s.core},
		Rooms:        RoomStore{s.core},
		Bots:         BotStore{s.core},
		Retention:    RetentionStore{s.core},
	}
}

// New returns a store on db. Call Migrate before use.
func New(db *sql.DB, d Dialect, o Options) *Store {
	c := &core{db: db, dialect: d, now: o.Now, newID: o.NewID, newPIN: o.NewPIN, newToken: o.NewToken, timings: phoneNumberTimings(o.PhoneNumbers), verifyDB: o.Verify,
		queries: map[string]string{}, stmts: map[string]*sql.Stmt{}, preparing: map[string]bool{}}
	if c.now == nil {
		c.now = time.Now
	}
	if c.newID == nil {
		c.newID = randid.UUID
	}
	if c.newPIN == nil {
		c.newPIN = randid.PIN
	}
	if c.newToken == nil {
		c.newToken = securityToken
	}
	if o.GroupCommit {
		c.group = newCommitter(db, d, c.verify)
	}
	return &Store{core: c, AccountStore: AccountStore{c}, UserStore: UserStore{c}}
}

// securityToken returns 30 bytes from crypto/rand in standard base64: 40
// characters, the shape of the service's bot security tokens.
func securityToken() string {
	var b [30]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return base64.StdEncoding.EncodeToString(b[:])
}

// phoneNumberTimings fills the zero fields of t from the defaults.
func phoneNumberTimings(t chime.PhoneNumberTimings) chime.PhoneNumberTimings {
	d := chime.DefaultPhoneNumberTimings
	for _, f := range []struct{ v, def *time.Duration }{{&t.OrderDelay, &d.OrderDelay}, {&t.CallingNameDelay, &d.CallingNameDelay},
		{&t.DeletionRetention, &d.DeletionRetention}, {&t.CallingNameMinInterval, &d.CallingNameMinInterval}} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return t
}

// DB returns the underlying database, for health checks and integrity tests.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect.
func (s *Store) Dialect() Dialect { return s.dialect }

// Close finishes queued writes and closes the database. Writes that
// arrive meanwhile or later fail as chime.Unavailable.
func (s *Store) Close() error {
	s.shut.Store(true)
	if s.group != nil {
		s.group.close()
	}
	s.closeStatements()
	return s.db.Close()
}

// Ping checks that the database answers and can keep what is written to
// it; its errors are chime.Unavailable.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.verify(); err != nil {
		return err
	}
	if err := s.db.PingContext(ctx); err != nil {
		return unavailable(fmt.Errorf("ping: %w", err))
	}
	return nil
}

// verify returns Options.Verify's first error, as chime.Unavailable.
func (c *core) verify() error {
	if lost := c.lost.Load(); lost != nil {
		return lost
	}
	if c.verifyDB == nil {
		return nil
	}
	if err := c.verifyDB(); err != nil {
		c.lost.CompareAndSwap(nil, unavailable(err))
		return c.lost.Load()
	}
	return nil
}

// Secret returns the named secret of the installation, creating it on first
// use. Every process on the same database gets the same bytes, so that a
// pagination token issued by one server node is accepted by another.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	var value string
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := s.on(tx).ExecContext(ctx, s.q(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
			secretPrefix+name, hex.EncodeToString(fresh)); err != nil {
			return err
		}
		return s.on(tx).QueryRowContext(ctx, s.q(`SELECT value FROM meta WHERE key = ?`), secretPrefix+name).Scan(&value)
	})
	if err != nil {
		return nil, s.classify("read secret", err)
	}
	return hex.DecodeString(value)
}

// secretPrefix begins the meta keys that hold secrets.
const secretPrefix = "secret:"
