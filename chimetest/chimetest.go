// Package chimetest runs a Chime server inside a Go test: in memory,
// accepting the development credentials, with the documentation's example
// account, on a free loopback port, and gone when the test ends.
//
//	srv := chimetest.NewServer(t)
//	out, err := srv.Client.CreateUser(ctx, &chime.CreateUserInput{...})
//
// Each call starts a server of its own, so parallel tests do not share
// state. Options add faults, throttling, fixtures, a fixed clock and
// seeded ids; methods reset the state, save and restore it, read the
// request journal and move the clock, through the same extensions that
// `chime admin-...` commands and other languages use.
//
// It imports server (and so the whole program) and aws-sdk-go-v2; nothing
// of the program imports it.
package chimetest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/client"
	"github.com/openchime/chime/faults"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sigv4"
)

// The constants a test needs to call the server itself.
const (
	// Region is the region the clients sign for.
	Region = "us-east-1"
	// AccessKeyID and SecretAccessKey are the development credentials.
	AccessKeyID     = sigv4.DevAccessKeyID
	SecretAccessKey = sigv4.DevSecretAccessKey
	// AwsAccountID is the AWS account the development credentials act for.
	AwsAccountID = sigv4.DevAccountID
	// ExampleAccountID is the Chime account every server starts with: the
	// one of the documentation's create-user example.
	ExampleAccountID = server.ExampleAccountID
)

// Server is a running in-process server.
type Server struct {
	// URL is the endpoint: http://127.0.0.1:PORT.
	URL string
	// Config is an aws.Config for the server: the endpoint, the region and
	// the development credentials. Give it to any aws-sdk-go-v2 client.
	Config aws.Config
	// Client is a Chime client of the server, with the SDK's default
	// retries (see WithoutRetries).
	Client *awschime.Client

	srv    *server.Server
	admin  *client.Client
	cancel context.CancelFunc
	done   chan error
	// cleanup removes what Start made besides the server.
	cleanup func()
}

// Option changes the server's configuration.
type Option func(*settings)

type settings struct {
	cfg      server.Config
	log      io.Writer
	noRetry  bool
	fixtures []string // YAML texts, written to files at start
}

// WithFaults injects faults from the start, drawn from seed: for example
// faults.Rule{Operation: "CreateUser", Kind: faults.Throttle, Rate: 0.5}.
func WithFaults(seed uint64, rules ...faults.Rule) Option {
	return func(s *settings) {
		s.cfg.Faults = faults.Config{Seed: seed, Rules: rules}
		s.cfg.FaultInjection = true
	}
}

// WithRateLimit throttles each access key to rps requests per second,
// burst at once (0: twice rps).
func WithRateLimit(rps float64, burst int) Option {
	return func(s *settings) { s.cfg.RateLimit, s.cfg.RateBurst = rps, burst }
}

// WithFixtures loads fixture files (YAML or JSON; see server.Fixtures) at
// start and after every Reset.
func WithFixtures(paths ...string) Option {
	return func(s *settings) { s.cfg.Fixtures = append(s.cfg.Fixtures, paths...) }
}

// WithFixtureText is WithFixtures for fixtures written in the test itself.
func WithFixtureText(yaml string) Option {
	return func(s *settings) { s.fixtures = append(s.fixtures, yaml) }
}

// WithSeed draws ids, PINs, tokens and request ids from seed and stops
// the clock (at server.DefaultClockStart unless WithClock says otherwise):
// the same test then gets byte for byte the same answers in every run.
func WithSeed(seed uint64) Option {
	return func(s *settings) { s.cfg.Deterministic, s.cfg.Seed = true, seed }
}

// WithClock stops the server's clock at start, so that timestamps are
// known in advance; it moves only by AdvanceClock. It draws ids from a
// seed as WithSeed does (seed 0 unless WithSeed gives another).
func WithClock(start time.Time) Option {
	return func(s *settings) { s.cfg.Deterministic, s.cfg.ClockStart = true, start }
}

// WithoutRetries makes Client send each request once, so that a test sees
// a throttling or an injected fault at once.
func WithoutRetries() Option { return func(s *settings) { s.noRetry = true } }

// WithLog writes the server's log (JSON lines) to w; by default it is
// discarded.
func WithLog(w io.Writer) Option { return func(s *settings) { s.log = w } }

// WithConfig changes anything else of the server's configuration.
func WithConfig(f func(*server.Config)) Option { return func(s *settings) { f(&s.cfg) } }

// NewServer starts a server for the test and stops it when the test ends;
// it fails the test if the server cannot start.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	dir := tb.TempDir()
	s, err := start(dir, opts...)
	if err != nil {
		tb.Fatalf("chimetest: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("chimetest: stopping the server: %v", err)
		}
	})
	return s
}

// Start starts a server outside a test (a TestMain, an example); Close
// stops it.
func Start(opts ...Option) (*Server, error) {
	dir, err := os.MkdirTemp("", "chimetest")
	if err != nil {
		return nil, err
	}
	s, err := start(dir, opts...)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.cleanup = func() { os.RemoveAll(dir) }
	return s, nil
}

func start(dir string, opts ...Option) (*Server, error) {
	set := &settings{cfg: server.Defaults(), log: io.Discard}
	set.cfg.Listen, set.cfg.Dev = "127.0.0.1:0", true
	set.cfg.ShutdownTimeout = 5 * time.Second
	for _, o := range opts {
		o(set)
	}
	for i, text := range set.fixtures {
		path := filepath.Join(dir, fmt.Sprintf("fixtures-%d.yaml", i+1))
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			return nil, err
		}
		set.cfg.Fixtures = append(set.cfg.Fixtures, path)
	}
	log := slog.New(slog.NewJSONHandler(set.log, nil))
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.New(ctx, set.cfg, log)
	if err != nil {
		cancel()
		return nil, err
	}
	s := &Server{URL: "http://" + srv.Addr(), srv: srv, cancel: cancel, done: make(chan error, 1)}
	go func() { s.done <- srv.Serve(ctx) }()
	creds := credentials.NewStaticCredentialsProvider(AccessKeyID, SecretAccessKey, "")
	s.Config = aws.Config{Region: Region, Credentials: creds, BaseEndpoint: aws.String(s.URL)}
	if set.noRetry {
		s.Config.Retryer = func() aws.Retryer { return aws.NopRetryer{} }
	}
	s.Client = awschime.NewFromConfig(s.Config)
	s.admin = client.New(s.URL, creds, nil)
	return s, nil
}

// Close stops the server and waits until it has stopped.
func (s *Server) Close() error {
	s.cancel()
	err := <-s.done
	if s.cleanup != nil {
		s.cleanup()
	}
	return err
}

// call sends one of the server's extensions and decodes its answer.
func (s *Server) call(ctx context.Context, op string, input any, out any) error {
	resp, err := s.admin.Call(ctx, op, input)
	if err != nil {
		return err
	}
	if out == nil || len(resp.Body) == 0 {
		return nil
	}
	return json.Unmarshal(resp.Body, out)
}

// Reset puts the development AWS account back to its start state: the
// fixtures and the example account.
func (s *Server) Reset(ctx context.Context) error {
	return s.call(ctx, "AdminResetState", nil, nil)
}

// ResetAll puts every AWS account back to its start state; a seeded
// server also starts its ids, row numbers and clock again.
func (s *Server) ResetAll(ctx context.Context) error {
	return s.call(ctx, "AdminResetState", map[string]any{"Scope": "All"}, nil)
}

// Snapshot returns the development AWS account's data, for Restore.
func (s *Server) Snapshot(ctx context.Context) (string, error) {
	var out struct{ Snapshot string }
	err := s.call(ctx, "AdminGetSnapshot", nil, &out)
	return out.Snapshot, err
}

// Restore replaces the development AWS account's data with a snapshot's.
func (s *Server) Restore(ctx context.Context, snapshot string) error {
	return s.call(ctx, "AdminRestoreSnapshot", map[string]any{"Snapshot": snapshot}, nil)
}

// Request is one answered request in the journal.
type Request struct {
	Time         time.Time
	Operation    string
	Status       int
	ErrorCode    string
	RequestId    string
	AwsAccountId string
	// Parameters is the input as a JSON object, sensitive values masked.
	Parameters string
}

// Requests lists the development AWS account's answered requests, oldest
// first; operation and status, when not empty or 0, filter them.
func (s *Server) Requests(ctx context.Context, operation string, status int) ([]Request, error) {
	input := map[string]any{}
	if operation != "" {
		input["Operation"] = operation
	}
	if status != 0 {
		input["Status"] = status
	}
	var out struct{ Requests []Request }
	err := s.call(ctx, "AdminListRequests", input, &out)
	return out.Requests, err
}

// ClearRequests empties the development AWS account's journal.
func (s *Server) ClearRequests(ctx context.Context) error {
	return s.call(ctx, "AdminDeleteRequests", nil, nil)
}

// AdvanceClock moves the server's clock forward: orders complete, and
// deleted phone numbers are released, without waiting.
func (s *Server) AdvanceClock(ctx context.Context, d time.Duration) error {
	return s.call(ctx, "AdminAdvanceClock", map[string]any{"AdvanceMillis": d.Milliseconds()}, nil)
}
