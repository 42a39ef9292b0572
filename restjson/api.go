// Package restjson is the AWS restJson1 binding of the Chime API: one route
// table (built from apispec), request validation against apispec, typed
// bindings generated from apispec (bindings_gen.go: a Go type per model
// structure, request decoders, response encoders), one handler method per
// operation in a file per resource (accounts.go, users.go, faults.go), the
// error table, pagination tokens, metrics and the request log. It serves
// http.Handler and knows nothing of listeners or storage engines.
//
// It imports chime, apispec, faults, sigv4, internal/clock, internal/randid, the Prometheus
// client and golang.org/x/time/rate.
package restjson

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/faults"
	"github.com/openchime/chime/internal/clock"
	"github.com/openchime/chime/internal/randid"
	"github.com/openchime/chime/sigv4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// DefaultMaxBodyBytes bounds request bodies; the largest valid Chime
// request of the implemented operations is a few kilobytes.
const DefaultMaxBodyBytes = 1 << 20

// Authenticator checks a request in two steps: Precheck from its headers
// alone, before any of the body is read, then the returned Pending's
// Verify over the body. *sigv4.Verifier is the one implementation.
type Authenticator interface {
	Precheck(r *http.Request) (*sigv4.Pending, error)
}

// Config is what the API needs.
type Config struct {
	Services chime.Services
	Auth     Authenticator
	// PaginationKey signs NextToken values; nodes that share a database
	// must share the key.
	PaginationKey []byte
	Logger        *slog.Logger
	// Registry receives the API's metrics; nil means a private registry.
	Registry *prometheus.Registry
	// Ready reports whether the server can serve (the store answers).
	Ready func(ctx context.Context) error
	// StoreName is reported by the health endpoint.
	StoreName string
	// Version is the program's version, reported by the health endpoint
	// so that a load balancer or an operator sees what each node runs.
	Version string
	// NewRequestID defaults to a random UUID.
	NewRequestID func() string
	// MaxBodyBytes defaults to DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Now is the clock of rate limiting; default time.Now.
	Now func() time.Time
	// Clock is the server's clock, the one its store reads; with
	// ClockControl, signed callers may move it forward at /_chime/clock.
	Clock        *clock.Clock
	ClockControl bool
	// BotEvents delivers bots' Invite and Remove events; nil sends none.
	// With VerifyBotEndpoints, PutEventsConfiguration makes the challenge
	// handshake with an HTTPS endpoint first.
	BotEvents          BotNotifier
	VerifyBotEndpoints bool
	// RateLimit is the requests per second each access key may make (0:
	// unlimited); RateBurst is how many it may make at once.
	RateLimit float64
	RateBurst int
	// Faults are the node's injected failures and latency, for every
	// tenant that set none of its own; nil injects nothing.
	Faults *faults.Injector
	// FaultControl lets each signed caller set faults for its own AWS
	// account at /_chime/faults.
	FaultControl bool
	// MaxInFlight bounds the requests served at once (0: no bound); others
	// wait up to QueueTimeout for a place, then get 503 with Retry-After.
	MaxInFlight  int
	QueueTimeout time.Duration
	// BodyTimeout bounds the reading of one request body; default
	// DefaultBodyTimeout.
	BodyTimeout time.Duration
	// MaxBodyBytesPerKey bounds the bytes of bodies one access key may have
	// in flight before their signatures are checked, MaxBodyBytesTotal those
	// of all keys; defaults 8 and 64 times MaxBodyBytes.
	MaxBodyBytesPerKey, MaxBodyBytesTotal int64
	// State resets, saves and restores AWS accounts' data for test suites
	// (/_chime/reset, /_chime/snapshot); nil refuses those extensions.
	State StateControl
	// JournalSize is how many answered requests the node remembers for
	// /_chime/requests; 0 keeps none and refuses the journal extensions.
	JournalSize int
	// NewID makes the ids the API itself hands out (a dial-out's
	// transaction id); default a random UUID.
	NewID func() string
}

// DefaultBodyTimeout is how long a client has to send a whole body.
const DefaultBodyTimeout = 10 * time.Second

// API is the HTTP handler of the service.
type API struct {
	cfg            Config
	router         *router
	tokens         tokenSigner
	throttle       *throttle
	slots          chan struct{} // the bounded pipeline; nil: unbounded
	waiting        atomic.Int64  // requests waiting for a slot
	bodies         *bodyBudget
	tenantFaults   tenantFaults
	metrics        *metrics
	metricsHandler http.Handler
	journal        *journal // nil: no journal
}

// New returns the API handler.
func New(cfg Config) *API {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.NewRequestID == nil {
		cfg.NewRequestID = randid.UUID
	}
	if cfg.NewID == nil {
		cfg.NewID = randid.UUID
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.BodyTimeout <= 0 {
		cfg.BodyTimeout = DefaultBodyTimeout
	}
	if cfg.MaxBodyBytesPerKey <= 0 {
		cfg.MaxBodyBytesPerKey = 8 * cfg.MaxBodyBytes
	}
	if cfg.MaxBodyBytesTotal <= 0 {
		cfg.MaxBodyBytesTotal = 64 * cfg.MaxBodyBytes
	}
	ops := apispec.All
	return &API{
		cfg:            cfg,
		router:         newRouter(ops),
		tokens:         tokenSigner{key: cfg.PaginationKey},
		throttle:       newThrottle(cfg.RateLimit, cfg.RateBurst, cfg.Now),
		slots:          newSlots(cfg.MaxInFlight),
		bodies:         newBodyBudget(cfg.MaxBodyBytesPerKey, cfg.MaxBodyBytesTotal),
		metrics:        newMetrics(cfg.Registry),
		metricsHandler: promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{}),
		journal:        newJournal(cfg.JournalSize),
	}
}

// call is one routed, authenticated request; validateCall fills doc.
type call struct {
	op     *apispec.Operation
	owner  chime.Owner
	labels map[string]string
	query  url.Values
	body   []byte
	// doc is the validated JSON body, numbers as json.Number: the one
	// document the generated binding reads the input from.
	doc map[string]any
}

// statusRecorder remembers the status for the log and the metrics.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// Unwrap lets http.ResponseController reach the connection (the body's
// read deadline is set through it).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// ServeHTTP implements http.Handler.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_chime/health":
		a.serveHealth(w, r)
		return
	case "/_chime/metrics":
		a.metricsHandler.ServeHTTP(w, r)
		return
	}
	// After the probes: how often a load balancer or a test harness polls
	// must not change a deterministic server's request ids.
	requestID := a.cfg.NewRequestID()
	// Set would canonicalise the name to this on every request.
	w.Header()["X-Amzn-Requestid"] = []string{requestID}
	start := time.Now()
	var received time.Time // the journal's time, read only when there is one
	if a.journal != nil {
		received = a.now()
	}
	rec := &statusRecorder{ResponseWriter: w, status: 200}
	// what the pipeline has learnt so far, for the log line and metrics
	// even when a panic cuts it short.
	info := &requestInfo{op: "Unknown"}
	defer func() {
		if p := recover(); p != nil {
			info.failure = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			a.writeError(rec, chime.Internalf(info.failure, "handler"))
		}
		a.observe(r.Context(), requestID, info, rec.status, time.Since(start))
		a.record(received, requestID, info, rec.status)
	}()
	info.failure = a.serve(rec, r, info)
}

type callerKey struct{}

// withCaller carries the caller to the handlers that record who created
// or invited something, or that only the development key may call.
func withCaller(ctx context.Context, p *sigv4.Principal) context.Context {
	return context.WithValue(ctx, callerKey{}, p)
}

// callerOf is the caller's IAM ARN.
func callerOf(ctx context.Context) string {
	if p, ok := ctx.Value(callerKey{}).(*sigv4.Principal); ok {
		return p.ARN
	}
	return ""
}

// callerKeyOf is the access key the caller signed with.
func callerKeyOf(ctx context.Context) string {
	if p, ok := ctx.Value(callerKey{}).(*sigv4.Principal); ok {
		return p.AccessKeyID
	}
	return ""
}

// requestInfo is what the log line and the metrics of a request name.
type requestInfo struct {
	op, owner string
	failure   error
	// call is the validated request, for the journal; nil before.
	call *call
}

// statusClientClosed marks, in the log and the metrics, a request whose
// client went away before the answer: nothing was answered, and it is not
// the server's failure (the status nginx uses for the same).
const statusClientClosed = 499

// serve runs the pipeline. Nothing is spent on a request before its
// headers prove a known key (Precheck); its body is then read under a
// deadline and a byte budget of its key, and only an authenticated
// request takes a place among those served at once.
func (a *API) serve(w *statusRecorder, r *http.Request, info *requestInfo) error {
	fail := func(err error) error {
		if r.Context().Err() != nil {
			// The client hung up: its request did not fail, it left.
			w.status = statusClientClosed
			return nil
		}
		a.writeError(w, err)
		return err
	}
	pending, err := a.cfg.Auth.Precheck(r)
	if err != nil {
		return fail(err)
	}
	body, err := a.readBody(w, r, pending.AccessKeyID())
	if err != nil {
		// Not fail: a body past its deadline ends the request's context
		// too, and that client did not leave, it was cut off; it is told.
		a.writeError(w, err)
		return err
	}
	principal, err := pending.Verify(body)
	if err != nil {
		return fail(err)
	}
	info.owner = principal.AccountID
	// The route first, so that a throttled request is counted, logged and
	// journalled under its operation.
	query := r.URL.Query()
	op, labels, ok := a.router.match(r.Method, sigv4.RawPath(r), query)
	if ok {
		info.op = op.Name
	}
	if (!ok || !op.Control) && !a.throttle.allow(principal.AccessKeyID) {
		return fail(chime.Errorf(chime.Throttled, "Rate exceeded"))
	}
	if !ok {
		return fail(chime.Errorf(chime.NotFound, "No operation matches %s %s", r.Method, r.URL.Path))
	}
	serveOp := bindings[op.Name]
	if !op.Implemented || serveOp == nil {
		return fail(chime.Errorf(chime.BadRequest, "%s is not implemented by this server yet", op.Name))
	}
	// Injected latency is waited out before the request takes a place
	// among those served at once: a tenant's faults delay its own
	// requests, never other tenants'.
	if !op.IsExtension() {
		if err := a.injectFault(r.Context(), principal.AccountID, op.Name); err != nil {
			return fail(err)
		}
	}
	if !a.acquire(r.Context()) {
		return fail(chime.Errorf(chime.Unavailable, "The server is busy; retry later"))
	}
	defer a.release()
	c := &call{op: op, owner: principal.AccountID, labels: labels, query: query, body: body}
	if err := validateCall(c); err != nil {
		return fail(err)
	}
	info.call = c
	handlerStart := time.Now()
	out, err := serveOp(a, withCaller(r.Context(), principal), c)
	a.metrics.forOperation(op.Name).handlerSeconds.Observe(time.Since(handlerStart).Seconds())
	if err != nil {
		return fail(err)
	}
	a.writeOutput(w, op.Status, out)
	return nil
}

// readBody reads the body of a request that passed Precheck: within
// BodyTimeout, within MaxBodyBytes, and within the bytes its access key may
// have in flight before their signatures are checked (so that one key,
// valid or merely known, cannot hold the memory every tenant reads into).
func (a *API) readBody(w http.ResponseWriter, r *http.Request, accessKeyID string) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil // a request without a body: most reads
	}
	limit := a.cfg.MaxBodyBytes
	if r.ContentLength > limit {
		return nil, chime.Errorf(chime.BadRequest, "The request body is larger than %d bytes", limit)
	}
	claim := limit
	if r.ContentLength >= 0 {
		claim = r.ContentLength
	}
	if !a.bodies.acquire(accessKeyID, claim) {
		return nil, chime.Errorf(chime.Unavailable, "Too many request bodies are being received; retry later")
	}
	defer a.bodies.release(accessKeyID, claim)
	// A deadline for the whole body, not per read: a client that trickles
	// it cannot keep the connection past BodyTimeout. Recorders in tests
	// have no connection to set it on; anything else is a fault.
	if err := http.NewResponseController(w).SetReadDeadline(time.Now().Add(a.cfg.BodyTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return nil, chime.Internalf(err, "set the body's read deadline")
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, chime.Errorf(chime.BadRequest, "The request body could not be read in time")
	}
	if int64(len(body)) > limit {
		return nil, chime.Errorf(chime.BadRequest, "The request body is larger than %d bytes", limit)
	}
	return body, nil
}

// validateCall checks labels, query and body against the operation's input.
func validateCall(c *call) error {
	in := c.op.Input
	if in == nil {
		return nil // nothing is read from the request
	}
	hasBody := false
	for _, m := range in.Members {
		switch m.Location {
		case apispec.URI:
			if err := apispec.ValidateString(m.Shape, c.labels[m.LocationName], m.Name); err != nil {
				return badInput(err)
			}
		case apispec.Query:
			values := c.query[m.LocationName]
			if len(values) > 1 {
				return chime.Errorf(chime.BadRequest, "The query parameter %s is given more than once", m.LocationName)
			}
			if len(values) == 0 {
				if m.Required {
					return chime.Errorf(chime.BadRequest, "The query parameter %s is required", m.LocationName)
				}
				continue
			}
			if err := validateQueryValue(m, values[0]); err != nil {
				return err
			}
		case apispec.Body:
			hasBody = true
		}
	}
	if !hasBody {
		return nil
	}
	doc, err := decodeDocument(c.body)
	if err != nil {
		return err
	}
	if err := apispec.ValidateMembers(in, doc, "", apispec.Body); err != nil {
		return badInput(err)
	}
	c.doc = doc
	return nil
}

func validateQueryValue(m apispec.Member, v string) error {
	if m.Shape.Type == apispec.Integer {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return chime.Errorf(chime.BadRequest, "The query parameter %s must be an integer", m.LocationName)
		}
		return badInput(apispec.ValidateInteger(m.Shape, n, m.Name))
	}
	return badInput(apispec.ValidateString(m.Shape, v, m.Name))
}

func badInput(err error) error {
	if err == nil {
		return nil
	}
	return chime.Errorf(chime.BadRequest, "Invalid input: %s", err.Error())
}

// decodeDocument parses a JSON object body; an empty body is an empty object.
func decodeDocument(body []byte) (map[string]any, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]any{}, nil
	}
	if !utf8.Valid(body) {
		return nil, chime.Errorf(chime.BadRequest, "The request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, chime.Errorf(chime.BadRequest, "The request body is not valid JSON")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, chime.Errorf(chime.BadRequest, "The request body has data after its JSON value")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, chime.Errorf(chime.BadRequest, "The request body must be a JSON object")
	}
	return obj, nil
}

// writeOutput writes an operation's result: no body for 204, {} for an
// output without members.
func (a *API) writeOutput(w http.ResponseWriter, status int, out encoder) {
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	bp := outputBuffers.Get().(*[]byte)
	b := (*bp)[:0]
	if out == nil {
		b = append(b, '{', '}')
	} else {
		b = out.appendJSON(b)
	}
	b = append(b, '\n')
	writeBody(w, status, b)
	if cap(b) <= maxPooledBuffer {
		*bp = b
		outputBuffers.Put(bp)
	}
}

// outputBuffers hold the bodies of results between responses.
var outputBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// encodeBuffers are reused between responses: most bodies are a few
// hundred bytes, and a page of users tens of kilobytes.
var encodeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer keeps an unusually large body's buffer out of the pool.
const maxPooledBuffer = 256 << 10

// jsonContentType is shared by every response: net/http only reads it.
var jsonContentType = []string{"application/json"}

func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := encodeBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			encodeBuffers.Put(buf)
		}
	}()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only our own wire structures reach here; they always encode.
		panic(err)
	}
	writeBody(w, status, buf.Bytes())
}

func writeBody(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// errorBody is the body of every error response.
type errorBody struct {
	Code    chime.ErrorCode `json:"Code"`
	Message string          `json:"Message"`
}

func (a *API) writeError(w http.ResponseWriter, err error) {
	we, msg := toWire(err)
	w.Header().Set("x-amzn-ErrorType", we.Exception)
	if we.Status == http.StatusTooManyRequests || we.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, we.Status, errorBody{Code: we.Code, Message: msg})
}

// observe logs the request and counts it. Sensitive values never reach
// the log: only ids, the operation, the status and the time.
func (a *API) observe(ctx context.Context, requestID string, info *requestInfo, status int, d time.Duration) {
	op, owner, failure := info.op, info.owner, info.failure
	m := a.metrics.forOperation(op)
	m.requests(status).Inc()
	m.seconds.Observe(d.Seconds())
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	if !a.cfg.Logger.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("request_id", requestID),
		slog.String("operation", op),
		slog.Int("status", status),
		slog.Float64("latency_ms", float64(d.Microseconds())/1000),
	}
	if owner != "" {
		attrs = append(attrs, slog.String("aws_account_id", owner))
	}
	if status >= 500 && failure != nil {
		attrs = append(attrs, slog.String("cause", failure.Error()))
	}
	a.cfg.Logger.LogAttrs(ctx, level, "request", attrs...)
}

type healthBody struct {
	Status string `json:"Status"`
	Store  string `json:"Store,omitempty"`
	// Version is the node's program version (chime --version).
	Version string `json:"Version,omitempty"`
	Error   string `json:"Error,omitempty"`
	// InFlight and Waiting are the requests served now and those waiting
	// for a place.
	InFlight int `json:"InFlight"`
	Waiting  int `json:"Waiting"`
	// Receiving is the bodies being received before their signatures are
	// checked.
	Receiving int `json:"Receiving"`
}

// serveHealth answers 200 while the store answers and the node can take
// work; 503 when the store does not answer or when every place is taken
// and as many requests again wait (saturated), so that a load balancer
// sends work elsewhere.
func (a *API) serveHealth(w http.ResponseWriter, r *http.Request) {
	inFlight, waiting, full := a.saturated()
	body := healthBody{Status: "ok", Store: a.cfg.StoreName, Version: a.cfg.Version, InFlight: inFlight, Waiting: waiting, Receiving: a.bodies.receiving()}
	if a.cfg.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.cfg.Ready(ctx); err != nil {
			a.cfg.Logger.Error("health check failed", "error", err.Error())
			body.Status, body.Error = "unavailable", "the store does not answer"
			writeJSON(w, http.StatusServiceUnavailable, body)
			return
		}
	}
	if full {
		body.Status, body.Error = "saturated", "every place is taken and as many requests wait"
		writeJSON(w, http.StatusServiceUnavailable, body)
		return
	}
	writeJSON(w, http.StatusOK, body)
}
