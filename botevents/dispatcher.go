package botevents

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Defaults of Options.
const (
	DefaultTimeout      = 2 * time.Second
	DefaultQueueSize    = 256
	DefaultWorkers      = 4
	DefaultDrainTimeout = time.Second
)

// DefaultRetryDelays are the waits before the second and third attempts.
var DefaultRetryDelays = []time.Duration{200 * time.Millisecond, 400 * time.Millisecond}

// maxRedirects bounds the same-host redirects a request follows.
const maxRedirects = 3

// Options configure a Dispatcher. The zero Options are a dispatcher that
// sends nothing.
type Options struct {
	// Enabled turns delivery on; when false Send does nothing. Challenge
	// works either way: whether to run it is the caller's decision.
	Enabled bool
	// AllowedHosts are the networks ("127.0.0.0/8", "::1") every dialled
	// address must fall in and the names ("localhost", "*.example.com",
	// "*") a URL's host name must match. Nil means DefaultAllowedHosts.
	AllowedHosts []string
	// Client carries the requests; its Transport, if set, must be an
	// *http.Transport, whose TLS settings are kept and whose dialling and
	// proxy are replaced by the allow-list's. Nil means the default
	// transport's settings.
	Client *http.Client
	// Now is the clock of timestamps; nil means time.Now.
	Now func() time.Time
	// Logger receives one record per delivery and per dropped event; nil
	// discards them. Tokens and bodies are never logged.
	Logger *slog.Logger
	// QueueSize bounds the events waiting for a worker; beyond it Send drops
	// the event. Zero means DefaultQueueSize.
	QueueSize int
	// Workers is how many deliveries run at once. Zero means DefaultWorkers.
	Workers int
	// Timeout bounds each attempt, and the challenge. Zero means
	// DefaultTimeout, the 2 seconds a bot has to answer.
	Timeout time.Duration
	// RetryDelays are the waits before each retry of an attempt that timed
	// out, failed to connect or got a 5xx. Nil means DefaultRetryDelays.
	RetryDelays []time.Duration
	// DrainTimeout bounds how long Close lets queued deliveries finish
	// before cancelling them. Zero means DefaultDrainTimeout.
	DrainTimeout time.Duration
	// Rand is the source of challenge digits; nil means crypto/rand.
	Rand io.Reader
}

// Target is where a bot's events go: its endpoint and its security token.
type Target struct {
	URL   string
	Token string
}

// Dispatcher sends events in the background. It is safe for concurrent use.
type Dispatcher struct {
	opts   Options
	allow  *allowList
	client *http.Client
	log    *slog.Logger

	queue  chan job
	ctx    context.Context // cancelled when Close gives up draining
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.RWMutex
	closed bool

	// onDone, when set by tests, sees the outcome of every delivery.
	onDone func(result)
}

type job struct {
	target Target
	event  Event
}

// result is the outcome of one delivery.
type result struct {
	job      job
	attempts int
	status   int
	err      error
}

// New returns a Dispatcher; when opts.Enabled its workers run until Close.
// It returns an error for an AllowedHosts entry it cannot read or a Client
// whose dialling it cannot guard.
func New(opts Options) (*Dispatcher, error) {
	if opts.AllowedHosts == nil {
		opts.AllowedHosts = DefaultAllowedHosts
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = DefaultQueueSize
	}
	if opts.Workers <= 0 {
		opts.Workers = DefaultWorkers
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.RetryDelays == nil {
		opts.RetryDelays = DefaultRetryDelays
	}
	if opts.DrainTimeout <= 0 {
		opts.DrainTimeout = DefaultDrainTimeout
	}
	if opts.Rand == nil {
		opts.Rand = rand.Reader
	}
	allow, err := newAllowList(opts.AllowedHosts)
	if err != nil {
		return nil, err
	}
	client, err := guardedClient(opts.Client, allow)
	if err != nil {
		return nil, err
	}
	d := &Dispatcher{opts: opts, allow: allow, client: client, log: opts.Logger}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	if opts.Enabled {
		d.queue = make(chan job, opts.QueueSize)
		for range opts.Workers {
			d.wg.Go(d.work)
		}
	}
	return d, nil
}

// guardedClient is base with every connection dialled through the
// allow-list, no proxy (a proxy would dial for us, unchecked), and
// redirects followed only to the same host over https.
func guardedClient(base *http.Client, allow *allowList) (*http.Client, error) {
	if base == nil {
		base = &http.Client{}
	}
	var t *http.Transport
	switch rt := base.Transport.(type) {
	case nil:
		t = http.DefaultTransport.(*http.Transport).Clone()
	case *http.Transport:
		t = rt.Clone()
	default:
		return nil, fmt.Errorf("botevents: Client.Transport is a %T; it must be an *http.Transport", rt)
	}
	t.Proxy = nil
	t.DialContext = allow.dialContext
	t.DialTLSContext = nil
	t.Dial, t.DialTLS = nil, nil // deprecated hooks that would bypass DialContext
	return &http.Client{
		Transport: t,
		Timeout:   base.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects || req.URL.Scheme != "https" || req.URL.Host != via[0].URL.Host {
				return http.ErrUseLastResponse
			}
			return nil
		},
	}, nil
}

// Send queues ev for target and returns at once. A disabled or closed
// dispatcher drops it silently; a full queue drops it with a warning. An
// empty EventTimestamp is filled in with the time of the call.
func (d *Dispatcher) Send(target Target, ev Event) {
	if !d.opts.Enabled {
		return
	}
	if ev.EventTimestamp == "" {
		ev.EventTimestamp = FormatTime(d.opts.Now())
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.closed {
		d.log.Warn("bot event dropped: dispatcher closed", eventAttrs(target, ev)...)
		return
	}
	select {
	case d.queue <- job{target, ev}:
	default:
		d.log.Warn("bot event dropped: delivery queue full", eventAttrs(target, ev)...)
	}
}

// Close stops accepting events, lets the queued ones be delivered for up to
// DrainTimeout, then cancels what remains and returns once every worker has
// stopped. It may be called more than once.
func (d *Dispatcher) Close() {
	d.mu.Lock()
	already := d.closed
	d.closed = true
	if !already && d.queue != nil {
		close(d.queue)
	}
	d.mu.Unlock()
	if already {
		d.wg.Wait()
		return
	}
	drained := make(chan struct{})
	go func() { d.wg.Wait(); close(drained) }()
	timer := time.NewTimer(d.opts.DrainTimeout)
	defer timer.Stop()
	select {
	case <-drained:
	case <-timer.C:
		d.cancel()
		<-drained
	}
	d.cancel()
}

func (d *Dispatcher) work() {
	for j := range d.queue {
		var r result
		if err := d.ctx.Err(); err != nil {
			r = result{job: j, err: fmt.Errorf("dispatcher closed: %w", err)}
		} else {
			r = d.deliver(j)
		}
		d.report(r)
		if d.onDone != nil {
			d.onDone(r)
		}
	}
}

func (d *Dispatcher) report(r result) {
	attrs := append(eventAttrs(r.job.target, r.job.event), slog.Int("attempts", r.attempts))
	if r.status != 0 {
		attrs = append(attrs, slog.Int("status", r.status))
	}
	if r.err != nil {
		attrs = append(attrs, slog.String("error", plainError(r.err)))
		d.log.Warn("bot event not delivered", attrs...)
		return
	}
	d.log.Info("bot event delivered", attrs...)
}

// eventAttrs describe a delivery for the log: the endpoint's host, never
// its path or query (which may hold a secret), nor the token or the sender.
func eventAttrs(t Target, ev Event) []any {
	host := "?"
	if u, err := url.Parse(t.URL); err == nil {
		host = u.Host
	}
	return []any{slog.String("event_type", string(ev.EventType)), slog.String("room_id", ev.Discussion.DiscussionID), slog.String("endpoint_host", host)}
}

// plainError drops the URL a *url.Error carries, for the same reason.
func plainError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + ": " + ue.Err.Error()
	}
	return err.Error()
}

// deliver posts j with up to len(RetryDelays) retries.
func (d *Dispatcher) deliver(j job) result {
	r := result{job: j}
	body, err := json.Marshal(j.event)
	if err != nil {
		r.err = err
		return r
	}
	if _, err := d.checkURL(j.target.URL); err != nil {
		r.err = err
		return r
	}
	for attempt := 0; ; attempt++ {
		r.attempts = attempt + 1
		var retry bool
		r.status, retry, r.err = d.attempt(j.target, body)
		if !retry || attempt == len(d.opts.RetryDelays) {
			return r
		}
		t := time.NewTimer(d.opts.RetryDelays[attempt])
		select {
		case <-t.C:
		case <-d.ctx.Done():
			t.Stop()
			r.err = fmt.Errorf("dispatcher closed before retry: %w", r.err)
			return r
		}
	}
}

// attempt is one signed POST; retry says whether a failure may pass on a
// later attempt (a timeout, a failed connection, a 5xx).
func (d *Dispatcher) attempt(t Target, body []byte) (status int, retry bool, err error) {
	ctx, cancel := context.WithTimeout(d.ctx, d.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.URL, bytes.NewReader(body))
	if err != nil {
		return 0, false, err
	}
	ts := FormatTime(d.opts.Now())
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(t.Token, ts, body))
	resp, err := d.client.Do(req)
	if err != nil {
		return 0, !errors.Is(err, ErrNotAllowed) && d.ctx.Err() == nil, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case err != nil:
		return resp.StatusCode, d.ctx.Err() == nil, err
	case resp.StatusCode >= 500:
		return resp.StatusCode, true, fmt.Errorf("endpoint answered %s", resp.Status)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return resp.StatusCode, false, fmt.Errorf("endpoint answered %s", resp.Status)
	}
	return resp.StatusCode, false, nil
}

// checkURL refuses, before any lookup or connection, a target that is not
// an absolute https URL on an allowed host.
func (d *Dispatcher) checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("botevents: endpoint is not a URL")
	}
	if u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("botevents: endpoint is not an absolute https URL")
	}
	if err := d.allow.checkHost(u.Hostname()); err != nil {
		return nil, err
	}
	return u, nil
}
