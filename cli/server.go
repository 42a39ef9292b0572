package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/faults"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sqlstore"
)

// ExitNewerSchema is chime server's exit code when its database was
// migrated by a newer chime (sqlstore.ErrNewerSchema): unlike the other
// refusals to start, no restart or flag helps, only a newer binary or a
// backup (docs/operations.md, Upgrades).
const ExitNewerSchema = 251

func runServer(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg := server.Defaults()
	cfg.Version = version()
	fs := newFlagSet("chime server", stderr)
	fs.StringVar(&cfg.Listen, "listen", cfg.Listen, "address to listen on, host:port (env CHIME_LISTEN)")
	fs.StringVar(&cfg.Store, "store", "", "memory, sqlite:PATH or postgres://... (default sqlite:"+server.DefaultStorePath()+"; memory with --dev) (env CHIME_STORE)")
	fs.BoolVar(&cfg.Pool.GroupCommit, "store-group-commit", false, "PostgreSQL: let this node's concurrent writes share a transaction and its commit; for one node, as several nodes' shared transactions deadlock on common rows (env CHIME_STORE_GROUP_COMMIT)")
	fs.IntVar(&cfg.Pool.MaxConns, "store-max-conns", cfg.Pool.MaxConns, "PostgreSQL: most open connections of this node (env CHIME_STORE_MAX_CONNS)")
	fs.IntVar(&cfg.Pool.MaxIdleConns, "store-max-idle-conns", cfg.Pool.MaxIdleConns, "PostgreSQL: most idle connections kept (env CHIME_STORE_MAX_IDLE_CONNS)")
	fs.DurationVar(&cfg.Pool.ConnMaxLifetime, "store-conn-max-lifetime", cfg.Pool.ConnMaxLifetime, "PostgreSQL: recycle connections after this long, 0 never (env CHIME_STORE_CONN_MAX_LIFETIME)")
	fs.BoolVar(&cfg.Dev, "dev", false, "development mode: credentials test/test, the example account, memory store unless --store (env CHIME_DEV)")
	fs.StringVar(&cfg.CredentialsFile, "credentials", "", "AWS shared-credentials file of accepted keys, each profile with aws_account_id (env CHIME_CREDENTIALS)")
	fs.Int64Var(&cfg.MaxBodyBytes, "max-body-bytes", cfg.MaxBodyBytes, "largest request body accepted (env CHIME_MAX_BODY_BYTES)")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", cfg.ShutdownTimeout, "how long in-flight requests may take after SIGTERM (env CHIME_SHUTDOWN_TIMEOUT)")
	fs.DurationVar(&cfg.ReadHeaderTimeout, "read-header-timeout", cfg.ReadHeaderTimeout, "time to read request headers (env CHIME_READ_HEADER_TIMEOUT)")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", cfg.ReadTimeout, "time to read a whole request (env CHIME_READ_TIMEOUT)")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", cfg.WriteTimeout, "time to write a response (env CHIME_WRITE_TIMEOUT)")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", cfg.IdleTimeout, "how long an idle keep-alive connection stays open (env CHIME_IDLE_TIMEOUT)")
	// Unset, the rate depends on --dev (cfg.RateLimit stays negative); a
	// Func flag has no default of its own for the help to print beside
	// that one.
	fs.Func("rate-limit", fmt.Sprintf("`requests` per second per access key, 0 for no limit (default 0 with --dev, else %d) (env CHIME_RATE_LIMIT)", server.DefaultRateLimit), func(v string) error {
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || !(r >= 0) || math.IsInf(r, 0) {
			return fmt.Errorf("must be a number of requests per second, 0 or more, not %q", v)
		}
		cfg.RateLimit = r
		return nil
	})
	fs.IntVar(&cfg.RateBurst, "rate-burst", 0, "requests an access key may make at once (default twice --rate-limit) (env CHIME_RATE_BURST)")
	fs.BoolVar(&cfg.FaultInjection, "fault-injection", false, "let signed callers set faults at /_chime/faults (always on with --dev) (env CHIME_FAULT_INJECTION)")
	fs.Func("fault", "inject a fault, OPERATION:KIND:RATE[:DELAY] with KIND unavailable, throttle, failure or latency; repeatable (env CHIME_FAULT, one rule)", func(v string) error {
		r, err := faults.ParseRule(v)
		if err == nil {
			cfg.Faults.Rules = append(cfg.Faults.Rules, r)
			cfg.FaultInjection = true
		}
		return err
	})
	fs.Func("fault-seed", "seed of the fault draws (env CHIME_FAULT_SEED)", func(v string) error {
		n, err := strconv.ParseUint(v, 10, 64)
		cfg.Faults.Seed = n
		return err
	})
	fs.BoolVar(&cfg.ClockControl, "clock-control", false, "let signed callers move the server's clock forward at /_chime/clock, for tests (always on with --dev) (env CHIME_CLOCK_CONTROL)")
	fs.BoolVar(&cfg.StateControl, "state-control", false, "let signed callers reset, snapshot and restore their AWS account's data at /_chime/reset and /_chime/snapshot, for tests (always on with --dev) (env CHIME_STATE_CONTROL)")
	fs.Func("fixtures", "YAML or JSON `file` of start state (accounts, users, rooms, bots, settings), loaded at start and by every reset; repeatable (env CHIME_FIXTURES, one file)", func(v string) error {
		cfg.Fixtures = append(cfg.Fixtures, v)
		return nil
	})
	// A Func flag, as --rate-limit: unset, the size depends on the mode.
	fs.Func("journal-size", fmt.Sprintf("answered `requests` kept for /_chime/requests, 0 none (default %d with --dev or --state-control, else 0) (env CHIME_JOURNAL_SIZE)", server.DefaultJournalSize), func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 1_000_000 {
			return fmt.Errorf("must be a number of requests from 0 to 1000000, not %q", v)
		}
		cfg.JournalSize = n
		return nil
	})
	fs.BoolVar(&cfg.Deterministic, "deterministic", false, "draw ids, PINs, tokens and request ids from --seed and stop the clock at --clock-start, so that runs repeat byte for byte (env CHIME_DETERMINISTIC)")
	fs.Uint64Var(&cfg.Seed, "seed", 0, "seed of --deterministic (env CHIME_SEED)")
	fs.Func("clock-start", "where --deterministic stops the clock, RFC 3339 (default "+server.DefaultClockStart.Format(time.RFC3339)+") (env CHIME_CLOCK_START)", func(v string) error {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return fmt.Errorf("must be an RFC 3339 time such as 2026-01-01T00:00:00Z, not %q", v)
		}
		cfg.ClockStart = t
		return nil
	})
	fs.DurationVar(&cfg.PhoneNumbers.OrderDelay, "order-delay", 0, "how long a phone-number order stays Processing (default 5s; 1s with --dev) (env CHIME_ORDER_DELAY)")
	fs.DurationVar(&cfg.PhoneNumbers.CallingNameDelay, "calling-name-delay", 0, "how long a calling-name update stays pending (default 5s; 1s with --dev) (env CHIME_CALLING_NAME_DELAY)")
	fs.DurationVar(&cfg.PhoneNumbers.DeletionRetention, "deletion-retention", 0, "how long a deleted phone number can be restored before release (default 168h) (env CHIME_DELETION_RETENTION)")
	fs.DurationVar(&cfg.PhoneNumbers.CallingNameMinInterval, "calling-name-min-interval", 0, "least time between changes of the default calling name (default 168h) (env CHIME_CALLING_NAME_MIN_INTERVAL)")
	fs.BoolVar(&cfg.BotEventDelivery, "bot-event-delivery", false, "send bots their Invite and Remove events, signed, to their HTTPS endpoints (env CHIME_BOT_EVENT_DELIVERY)")
	fs.Func("bot-event-hosts", "hosts and networks bot endpoints may be on, comma-separated (default loopback: 127.0.0.0/8,::1,localhost) (env CHIME_BOT_EVENT_HOSTS)", func(v string) error {
		cfg.BotEventHosts = nil
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				cfg.BotEventHosts = append(cfg.BotEventHosts, h)
			}
		}
		return nil
	})
	fs.Func("bot-endpoint-verification", "off, or challenge: PutEventsConfiguration makes the challenge handshake with an HTTPS endpoint first (env CHIME_BOT_ENDPOINT_VERIFICATION)", func(v string) error {
		switch v {
		case "off":
			cfg.BotEndpointVerification = false
		case "challenge":
			cfg.BotEndpointVerification = true
		default:
			return fmt.Errorf("must be off or challenge, not %q", v)
		}
		return nil
	})
	fs.StringVar(&cfg.BotEventCA, "bot-event-ca", "", "PEM file of a CA to trust for bot endpoints, besides the system's (env CHIME_BOT_EVENT_CA)")
	fs.DurationVar(&cfg.SweepInterval, "sweep-interval", cfg.SweepInterval, "how often this node removes released phone numbers, 0 never (env CHIME_SWEEP_INTERVAL)")
	fs.IntVar(&cfg.MaxInFlight, "max-in-flight", cfg.MaxInFlight, "requests served at once, 0 for no bound (env CHIME_MAX_IN_FLIGHT)")
	fs.DurationVar(&cfg.QueueTimeout, "queue-timeout", cfg.QueueTimeout, "how long a request waits for a place before 503 (env CHIME_QUEUE_TIMEOUT)")
	fs.StringVar(&cfg.TLSCert, "tls-cert", "", "PEM certificate (chain) to serve HTTPS with (env CHIME_TLS_CERT)")
	fs.StringVar(&cfg.TLSKey, "tls-key", "", "PEM private key of --tls-cert (env CHIME_TLS_KEY)")
	fs.BoolVar(&cfg.Console, "console", cfg.Console, "serve the administration console at /console/ (--console=false turns it off) (env CHIME_CONSOLE)")
	fs.StringVar(&cfg.PprofListen, "pprof", "", "serve Go runtime profiles at /debug/pprof/ on this loopback host:port (env CHIME_PPROF)")
	logFormat := fs.String("log-format", "json", "json or text (env CHIME_LOG_FORMAT)")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error (env CHIME_LOG_LEVEL)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	log, err := newLogger(stderr, *logFormat, *logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "chime: [ERROR]: %v\n", err)
		return awscli.ExitParamError
	}
	tuneGC()
	srv, err := server.New(ctx, cfg, log)
	if err != nil {
		log.Error("cannot start", "error", err.Error())
		if errors.Is(err, sqlstore.ErrNewerSchema) {
			return ExitNewerSchema
		}
		return awscli.ExitConfigError
	}
	if err := srv.Serve(ctx); err != nil {
		log.Error("server failed", "error", err.Error())
		return awscli.ExitGeneralError
	}
	return awscli.ExitOK
}

func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level must be debug, info, warn or error, not %q", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch strings.ToLower(format) {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format must be json or text, not %q", format)
}

// serverGCPercent is the server's GOGC unless the environment sets one. A
// request allocates a few kilobytes and keeps none of them, and the live
// heap is small (the data lives in the store), so Go's default of 100
// collects many times a second under load; 400 cuts that to a quarter for
// a few tens of megabytes more of heap.
const serverGCPercent = 400

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
}
