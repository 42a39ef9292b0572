// Package server assembles a running Chime server from its configuration:
// the store named by --store, the keyring of accepted credentials, the
// restjson API, the HTTP listener with its timeouts, development mode's
// example account, and graceful shutdown. It imports every adapter and is
// imported only by the command line.
package server

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/botevents"
	"github.com/openchime/chime/console"
	"github.com/openchime/chime/faults"
	"github.com/openchime/chime/internal/clock"
	"github.com/openchime/chime/internal/randid"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// DefaultListen is the address the server and the command line agree on
// when nothing else is configured.
const DefaultListen = "127.0.0.1:8765"

// ExampleAccountID is the account of the documentation's create-user
// example; development mode creates it as an EnterpriseDirectory account.
const ExampleAccountID = "12a3456b-7c89-012d-3456-78901e23fg45"

// Config is the server's configuration; every field has a flag and a
// CHIME_* environment variable in the command line.
type Config struct {
	// Listen is host:port; port 0 picks a free port.
	Listen string
	// Store is "memory", "sqlite:PATH", "postgres://..." (or postgresql://),
	// or empty for the default file.
	Store string
	// Dev accepts the development credentials, creates the example
	// account, and keeps data in memory unless Store says otherwise.
	Dev bool
	// CredentialsFile is an AWS shared-credentials file whose profiles
	// carry aws_account_id.
	CredentialsFile string
	// MaxBodyBytes bounds request bodies.
	MaxBodyBytes int64
	// ShutdownTimeout bounds how long in-flight requests may take to finish.
	ShutdownTimeout time.Duration
	// Timeouts of the HTTP server against slow clients.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// RateLimit is requests per second per access key; negative means the
	// default (off with Dev, DefaultRateLimit otherwise). RateBurst 0 means
	// twice the rate.
	RateLimit float64
	RateBurst int
	// FaultInjection lets signed callers set faults at /_chime/faults
	// (always on with Dev); Faults are the rules to start with.
	FaultInjection bool
	Faults         faults.Config
	// TLSCert and TLSKey, both set, serve HTTPS.
	TLSCert, TLSKey string
	// Pool sizes the PostgreSQL connection pool.
	Pool postgres.Pool
	// MaxInFlight bounds the requests served at once; others wait up to
	// QueueTimeout, then get 503.
	MaxInFlight  int
	QueueTimeout time.Duration
	// PprofListen, when set, serves Go's runtime profiles (net/http/pprof)
	// on this loopback address, apart from the API: profiles show the
	// process's internals and are never served to the network.
	PprofListen string
	// ClockControl lets signed callers move the server's clock forward at
	// /_chime/clock (always on with Dev).
	ClockControl bool
	// BotEventDelivery sends bots their Invite and Remove events, to hosts
	// of BotEventHosts only (loopback when empty; see botevents). With
	// BotEndpointVerification, PutEventsConfiguration makes the challenge
	// handshake first. BotEventCA, a PEM file, is trusted besides the
	// system's roots for bot endpoints (a local test CA).
	BotEventDelivery        bool
	BotEventHosts           []string
	BotEndpointVerification bool
	BotEventCA              string
	// SweepInterval is how often this node removes the phone numbers whose
	// retention has passed (reads already treat them as released).
	SweepInterval time.Duration
	// PhoneNumbers are the delays of the phone-number state machines; a
	// zero field takes DefaultPhoneNumberTimings, or DevPhoneNumberTimings
	// with Dev.
	PhoneNumbers chime.PhoneNumberTimings
	// Version is the program's version, for the ready log line.
	Version string
	// StateControl lets each signed caller reset its AWS account's data to
	// the start state, and save and restore it (/_chime/reset,
	// /_chime/snapshot; always on with Dev).
	StateControl bool
	// Fixtures are YAML or JSON files of start state (see Fixtures),
	// loaded at start into each AWS account they name that has no data,
	// and again by every reset.
	Fixtures []string
	// JournalSize is how many answered requests the node keeps for
	// /_chime/requests; negative means the default (DefaultJournalSize
	// with Dev or StateControl, else none).
	JournalSize int
	// Deterministic draws ids, PINs, tokens and request ids from Seed and
	// stops the clock at ClockStart (DefaultClockStart when zero), so that
	// two runs of the same requests answer byte for byte the same.
	Deterministic bool
	Seed          uint64
	ClockStart    time.Time
	// Console serves the administration console at /console/ on the
	// API's listener (on by default); other paths reach the API as
	// without it.
	Console bool
}

// DefaultJournalSize is the journal's size for development and tests.
const DefaultJournalSize = 1000

// DefaultClockStart is where a deterministic server's clock stands.
var DefaultClockStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// DevPhoneNumberTimings are the delays under Dev: orders and calling names
// apply within a second, and the 7-day deletion queue is passed by moving
// the clock.
var DevPhoneNumberTimings = chime.PhoneNumberTimings{
	OrderDelay:             time.Second,
	CallingNameDelay:       time.Second,
	DeletionRetention:      chime.DefaultPhoneNumberTimings.DeletionRetention,
	CallingNameMinInterval: chime.DefaultPhoneNumberTimings.CallingNameMinInterval,
}

// timings fills the zero fields of t from the defaults of the mode.
func timings(t chime.PhoneNumberTimings, dev bool) chime.PhoneNumberTimings {
	d := chime.DefaultPhoneNumberTimings
	if dev {
		d = DevPhoneNumberTimings
	}
	for _, f := range []struct{ v, def *time.Duration }{{&t.OrderDelay, &d.OrderDelay}, {&t.CallingNameDelay, &d.CallingNameDelay},
		{&t.DeletionRetention, &d.DeletionRetention}, {&t.CallingNameMinInterval, &d.CallingNameMinInterval}} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return t
}

// DefaultRateLimit is the per-key rate outside development mode: far above
// what a provisioning job needs, low enough to stop a runaway loop.
const DefaultRateLimit = 1000

// Defaults returns the configuration without flags.
func Defaults() Config {
	return Config{
		Listen:            DefaultListen,
		MaxBodyBytes:      restjson.DefaultMaxBodyBytes,
		ShutdownTimeout:   30 * time.Second,
		RateLimit:         -1,
		JournalSize:       -1,
		Pool:              postgres.DefaultPool(),
		MaxInFlight:       512,
		QueueTimeout:      5 * time.Second,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		SweepInterval:     time.Minute,
		Console:           true,
	}
}

// DefaultStorePath is where the SQLite file lives without --store:
// $XDG_DATA_HOME/chime/chime.db, else ~/.local/share/chime/chime.db.
func DefaultStorePath() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "chime", "chime.db")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "chime", "chime.db")
	}
	return "chime.db"
}

// Server is a configured server, not yet serving.
type Server struct {
	cfg      Config
	log      *slog.Logger
	store    *sqlstore.Store
	http     *http.Server
	listener net.Listener
	pprof    *http.Server // nil unless PprofListen is set
	pprofLn  net.Listener
	// requests counts the handlers running; cancelRequests ends the
	// context of every request, for a shutdown past its timeout.
	requests       inflight
	cancelRequests context.CancelFunc
	// clock is the server's time, read by the store and moved forward
	// through /_chime/clock when ClockControl allows.
	clock clock.Clock
	// bots delivers bots' events; closed after the last request.
	bots *botNotifier
	// api serves the requests; fixtures are loaded through it.
	api      *restjson.API
	fixtures *Fixtures
	// seeded draws a deterministic server's ids; nil otherwise.
	seeded *randid.Seeded
}

// New opens the store, builds the keyring and binds the listener.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Server, error) {
	keys, err := keyring(cfg)
	if err != nil {
		return nil, err
	}
	cfg.PhoneNumbers = timings(cfg.PhoneNumbers, cfg.Dev)
	s := &Server{cfg: cfg, log: log}
	if s.fixtures, err = LoadFixtures(cfg.Fixtures); err != nil {
		return nil, err
	}
	storeOptions := sqlstore.Options{Now: s.clock.Now, PhoneNumbers: cfg.PhoneNumbers}
	newRequestID, newID := randid.UUID, randid.UUID
	if cfg.Deterministic {
		start := cfg.ClockStart
		if start.IsZero() {
			start = DefaultClockStart
		}
		if err := s.clock.Stop(start); err != nil {
			return nil, fmt.Errorf("--clock-start: %w", err)
		}
		s.seeded = randid.NewSeeded(cfg.Seed)
		newID, newRequestID = s.seeded.Stream("id"), s.seeded.Stream("request")
		storeOptions.NewID, storeOptions.NewPIN, storeOptions.NewToken = newID, s.seeded.PIN, s.seeded.Token
	}
	spec := storeSpec(cfg)
	store, storeName, err := OpenStore(ctx, spec, cfg.Pool, storeOptions)
	if err != nil {
		return nil, err
	}
	s.store = store
	bots, err := newBotNotifier(cfg, log, s.clock.Now)
	if err != nil {
		store.Close()
		return nil, err
	}
	s.bots = bots
	// Every failure from here on stops the dispatcher's workers too.
	started := false
	defer func() {
		if !started {
			bots.d.Close()
		}
	}()
	tokenKey, err := store.Secret(ctx, "pagination")
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("read the pagination key: %w", err)
	}
	if s.seeded != nil {
		// Tokens signed with a stored random key would differ between runs.
		tokenKey = s.seeded.Key("pagination")
	}
	journalSize := cfg.JournalSize
	if journalSize < 0 {
		journalSize = 0
		if cfg.Dev || cfg.StateControl {
			journalSize = DefaultJournalSize
		}
	}
	var state restjson.StateControl
	if cfg.Dev || cfg.StateControl {
		state = stateControl{s}
	}
	injector, err := faults.New(cfg.Faults)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("faults: %w", err)
	}
	rateLimit := cfg.RateLimit
	if rateLimit < 0 {
		rateLimit = DefaultRateLimit
		if cfg.Dev {
			rateLimit = 0
		}
	}
	burst := cfg.RateBurst
	if burst <= 0 {
		burst = int(2 * rateLimit)
	}
	if (cfg.TLSCert == "") != (cfg.TLSKey == "") {
		store.Close()
		return nil, fmt.Errorf("--tls-cert and --tls-key go together")
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	api := restjson.New(restjson.Config{
		Services:           store.Services(),
		Auth:               &sigv4.Verifier{Keys: keys, Service: "chime"},
		PaginationKey:      tokenKey,
		Logger:             log,
		Registry:           reg,
		Ready:              store.Ping,
		StoreName:          storeName,
		Version:            cfg.Version,
		MaxBodyBytes:       cfg.MaxBodyBytes,
		RateLimit:          rateLimit,
		RateBurst:          burst,
		Faults:             injector,
		FaultControl:       cfg.FaultInjection || cfg.Dev,
		Clock:              &s.clock,
		BotEvents:          bots,
		VerifyBotEndpoints: cfg.BotEndpointVerification,
		ClockControl:       cfg.ClockControl || cfg.Dev,
		MaxInFlight:        cfg.MaxInFlight,
		QueueTimeout:       cfg.QueueTimeout,
		State:              state,
		JournalSize:        journalSize,
		NewRequestID:       newRequestID,
		NewID:              newID,
	})
	s.api = api
	if err := s.loadStartOnce(ctx); err != nil {
		store.Close()
		return nil, err
	}
	var handler http.Handler = api
	if cfg.Console {
		con, err := console.New(console.Config{API: api, Keys: keys, Logger: log, NewRequestID: newRequestID})
		if err != nil {
			store.Close()
			return nil, err
		}
		handler = withConsole(con, api)
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		store.Close()
		return nil, err
	}
	s.listener = ln
	if cfg.PprofListen != "" {
		if err := s.listenPprof(cfg.PprofListen); err != nil {
			ln.Close()
			store.Close()
			return nil, err
		}
	}
	requestCtx, cancelRequests := context.WithCancel(context.Background())
	s.cancelRequests = cancelRequests
	s.http = &http.Server{
		Handler:           s.requests.track(handler),
		BaseContext:       func(net.Listener) context.Context { return requestCtx },
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	scheme := "http"
	if cfg.TLSCert != "" {
		scheme = "https"
	}
	if len(cfg.Faults.Rules) > 0 {
		log.Warn("injecting faults", "rules", len(cfg.Faults.Rules), "seed", cfg.Faults.Seed)
	}
	// The address comes first: scripts and the end-to-end tests read it
	// from the line's start.
	if cfg.Deterministic {
		log.Warn("deterministic: ids, PINs, tokens and request ids come from the seed, and the clock stands still", "seed", cfg.Seed, "clock", s.clock.Now())
		if storeName != "memory" {
			log.Warn("deterministic with a store that keeps its data: the next start draws the same ids again, which the kept rows hold", "store", storeName)
		}
	}
	log.Info("chime server ready", "address", scheme+"://"+ln.Addr().String(), "version", cfg.Version, "store", storeName,
		"store_location", StoreLocation(spec), "dev", cfg.Dev, "rate_limit", rateLimit)
	started = true
	return s, nil
}

// withConsole routes the paths under console.Prefix to the console and
// every other request to the API, untouched.
func withConsole(con, api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, console.Prefix) {
			con.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.listener.Addr().String() }

// Store is the server's store.
func (s *Server) Store() *sqlstore.Store { return s.store }

// Serve serves until ctx ends, then lets in-flight requests finish (up to
// ShutdownTimeout) and closes the store. Requests still running after the
// timeout have their context cancelled, and the store is closed only once
// they have returned (or a second ShutdownTimeout has passed, which is
// logged as an error): a handler never finds its store closed under it.
func (s *Server) Serve(ctx context.Context) error {
	if s.pprof != nil {
		go s.pprof.Serve(s.pprofLn)
		defer s.pprof.Close()
	}
	sweepCtx, stopSweeping := context.WithCancel(context.Background())
	swept := make(chan struct{})
	go func() { defer close(swept); s.sweep(sweepCtx) }()
	defer func() { stopSweeping(); <-swept }()
	errc := make(chan error, 1)
	go func() {
		if s.cfg.TLSCert != "" {
			errc <- s.http.ServeTLS(s.listener, s.cfg.TLSCert, s.cfg.TLSKey)
		} else {
			errc <- s.http.Serve(s.listener)
		}
	}()
	var serveErr error
	select {
	case serveErr = <-errc:
	case <-ctx.Done():
		s.log.Info("shutting down: finishing in-flight requests")
		sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
		defer cancel()
		serveErr = s.http.Shutdown(sctx)
		<-errc
	}
	s.cancelRequests()
	if n := s.requests.wait(s.cfg.ShutdownTimeout); n > 0 {
		s.log.Error("requests still running after shutdown; closing the store under them", "requests", n)
	}
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	s.bots.d.Close()
	if err := s.store.Close(); err != nil && serveErr == nil {
		serveErr = err
	}
	s.log.Info("stopped")
	return serveErr
}

// sweep removes released phone numbers every SweepInterval until ctx
// ends. Any number of nodes may sweep at once: the store's sweep is
// idempotent, and reads never depend on it.
func (s *Server) sweep(ctx context.Context) {
	if s.cfg.SweepInterval <= 0 {
		return
	}
	t := time.NewTicker(s.cfg.SweepInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := s.store.Services().PhoneNumbers.SweepPhoneNumbers(ctx)
			switch {
			case err != nil && ctx.Err() == nil:
				s.log.Warn("sweeping released phone numbers failed", "error", err.Error())
			case n > 0:
				s.log.Info("released phone numbers removed", "count", n)
			}
		}
	}
}

// listenPprof binds the profiling listener, loopback only.
func (s *Server) listenPprof(addr string) error {
	if !isLoopback(addr) {
		return fmt.Errorf("--pprof serves the process's internals: it listens on loopback only, not %s", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--pprof: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	s.pprofLn = ln
	s.pprof = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.log.Info("serving profiles", "address", "http://"+ln.Addr().String()+"/debug/pprof/")
	return nil
}

// PprofAddr is the address of the profiling listener, or "" without one.
func (s *Server) PprofAddr() string {
	if s.pprofLn == nil {
		return ""
	}
	return s.pprofLn.Addr().String()
}

func keyring(cfg Config) (sigv4.Keyring, error) {
	keys := sigv4.StaticKeyring{}
	if cfg.CredentialsFile != "" {
		k, err := sigv4.LoadCredentialsFile(cfg.CredentialsFile)
		if err != nil {
			return nil, fmt.Errorf("credentials: %w", err)
		}
		keys = k
	}
	loopback := isLoopback(cfg.Listen)
	switch {
	case cfg.Dev && !loopback:
		return nil, fmt.Errorf("--dev serves the well-known development credentials: it listens on loopback only, not %s", cfg.Listen)
	case cfg.Dev || (cfg.CredentialsFile == "" && loopback):
		for id, c := range sigv4.DevKeyring() {
			keys[id] = c
		}
	case cfg.CredentialsFile == "":
		return nil, fmt.Errorf("listening on %s, beyond loopback, needs --credentials FILE", cfg.Listen)
	}
	return keys, nil
}

// isLoopback reports whether every address the listener may bind is a
// loopback address.
func isLoopback(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	return err == nil && IsLoopbackHost(host)
}

// IsLoopbackHost reports whether a host name or address is this machine's
// loopback ("localhost", 127.0.0.0/8, ::1).
func IsLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// storeSpec is the --store value the configuration means: without one,
// the default file, or memory with Dev.
func storeSpec(cfg Config) string {
	if cfg.Store == "" && !cfg.Dev {
		return "sqlite:" + DefaultStorePath()
	}
	return cfg.Store
}

// StoreLocation says where the store a --store value names keeps its
// data, for logs and messages: "memory", the SQLite file's absolute path,
// or the PostgreSQL URL without its password (in the user information or
// the query). A value OpenStore refuses is returned as "unknown".
func StoreLocation(spec string) string {
	switch {
	case spec == "" || spec == "memory":
		return "memory"
	case strings.HasPrefix(spec, "sqlite:"):
		path := strings.TrimPrefix(spec, "sqlite:")
		if abs, err := filepath.Abs(path); err == nil {
			return abs
		}
		return path
	case strings.HasPrefix(spec, "postgres://"), strings.HasPrefix(spec, "postgresql://"):
		u, err := url.Parse(spec)
		if err != nil {
			return "postgres (an invalid URL)"
		}
		if u.User != nil {
			u.User = url.User(u.User.Username())
		}
		if q := u.Query(); q.Has("password") {
			q.Del("password")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	return "unknown"
}

// OpenStore opens the store a --store value names: memory, sqlite:PATH or
// postgres://...; it returns the store and the engine's name.
func OpenStore(ctx context.Context, spec string, pool postgres.Pool, o sqlstore.Options) (*sqlstore.Store, string, error) {
	switch {
	case spec == "" || spec == "memory":
		s, err := sqlite.OpenMemory(ctx, o)
		return s, "memory", err
	case strings.HasPrefix(spec, "sqlite:"):
		path := strings.TrimPrefix(spec, "sqlite:")
		if path == "" {
			return nil, "", fmt.Errorf("--store sqlite:PATH needs a path")
		}
		s, err := sqlite.Open(ctx, path, o)
		return s, "sqlite", err
	case strings.HasPrefix(spec, "postgres://"), strings.HasPrefix(spec, "postgresql://"):
		s, err := postgres.Open(ctx, spec, pool, o)
		return s, "postgres", err
	}
	return nil, "", fmt.Errorf("--store must be memory, sqlite:PATH or postgres://..., not %q", spec)
}

// loadStartOnce loads the start state when the server starts: the
// fixtures of each AWS account that has no data yet (a store that outlives
// the process keeps what it had, fixtures included), in the order of the
// files as a reset loads them, then development mode's example account.
func (s *Server) loadStartOnce(ctx context.Context) error {
	empty := map[chime.Owner]bool{}
	for _, owner := range s.fixtures.Owners() {
		n, err := s.store.CountOwner(ctx, owner)
		if err != nil {
			return err
		}
		if empty[owner] = n == 0; !empty[owner] {
			s.log.Info("fixtures not loaded: the AWS account has data", "aws_account_id", owner)
		}
	}
	if err := s.fixtures.Apply(ctx, s.api, func(o chime.Owner) bool { return empty[o] }); err != nil {
		return err
	}
	if s.cfg.Dev {
		return seedExample(ctx, s.store.Services().Accounts)
	}
	return nil
}

// seedExample creates the documentation's example account for the
// development AWS account, unless it exists.
func seedExample(ctx context.Context, accounts chime.AccountService) error {
	_, err := accounts.CreateAccount(ctx, sigv4.DevAccountID, chime.NewAccount{
		ID: ExampleAccountID, Name: "Example Corp", Type: chime.EnterpriseDirectory})
	if chime.IsKind(err, chime.Conflict) {
		return nil
	}
	return err
}

// inflight counts running handlers, so that shutdown can wait for them.
type inflight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed while n is 0; nil until first used
}

func (f *inflight) track(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.add(1)
		defer f.add(-1)
		h.ServeHTTP(w, r)
	})
}

func (f *inflight) add(d int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == 0 && d > 0 {
		f.idle = make(chan struct{})
	}
	f.n += d
	if f.n == 0 && f.idle != nil {
		close(f.idle)
	}
}

// wait returns once no handler runs, or after timeout with how many still
// do.
func (f *inflight) wait(timeout time.Duration) int {
	f.mu.Lock()
	idle, n := f.idle, f.n
	f.mu.Unlock()
	if n == 0 {
		return 0
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-idle:
		return 0
	case <-t.C:
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.n
	}
}

// botNotifier delivers bots' events through botevents, for restjson.
type botNotifier struct {
	d          *botevents.Dispatcher
	delivering bool
}

func newBotNotifier(cfg Config, log *slog.Logger, now func() time.Time) (*botNotifier, error) {
	client := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	if cfg.BotEventCA != "" {
		pem, err := os.ReadFile(cfg.BotEventCA)
		if err != nil {
			return nil, fmt.Errorf("--bot-event-ca: %w", err)
		}
		roots, err := x509.SystemCertPool()
		if err != nil {
			roots = x509.NewCertPool()
		}
		if !roots.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--bot-event-ca: %s holds no PEM certificate", cfg.BotEventCA)
		}
		client.Transport.(*http.Transport).TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	}
	d, err := botevents.New(botevents.Options{Enabled: cfg.BotEventDelivery, AllowedHosts: cfg.BotEventHosts,
		Client: client, Now: now, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("bot events: %w", err)
	}
	return &botNotifier{d: d, delivering: cfg.BotEventDelivery}, nil
}

func (n *botNotifier) Delivering() bool { return n.delivering }

func (n *botNotifier) Notify(endpoint, token string, ev restjson.BotEvent) {
	n.d.Send(botevents.Target{URL: endpoint, Token: token},
		botevents.NewEvent(botevents.EventType(ev.Type), ev.SenderID, ev.RoomID, ev.At))
}

func (n *botNotifier) Challenge(ctx context.Context, endpoint string) error {
	return n.d.Challenge(ctx, endpoint)
}
