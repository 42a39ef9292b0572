package botevents

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// failAfter bounds every wait of these tests; no test waits for it to pass.
const failAfter = 10 * time.Second

const (
	tokenA = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	tokenB = "AAAAXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEBBBB"
)

// received is one request as the bot saw it.
type received struct {
	header http.Header
	body   []byte
	valid  bool // the signature verified with the receiver's token
}

// receiver is a bot's HTTPS endpoint. It verifies each request with its
// token as a bot author would, recomputing the HMAC over timestamp|body, and
// answers with the status answer picks (200 when nil).
type receiver struct {
	srv   *httptest.Server
	token atomic.Value // string
	conns atomic.Int64
	got   chan received
	// answer picks the status of the n-th request (from 1); it may block.
	answer func(n int, r *http.Request) int
	n      atomic.Int64
}

func newReceiver(t *testing.T, token string, answer func(n int, r *http.Request) int) *receiver {
	t.Helper()
	rc := &receiver{got: make(chan received, 100), answer: answer}
	rc.token.Store(token)
	rc.srv = httptest.NewUnstartedServer(http.HandlerFunc(rc.serve))
	rc.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			rc.conns.Add(1)
		}
	}
	rc.srv.StartTLS()
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	// What a bot author writes: recompute the signature from the token.
	ts := r.Header.Get("Chime-Request-Timestamp")
	valid := Verify(rc.token.Load().(string), r, body) == nil && ts != ""
	rc.got <- received{header: r.Header.Clone(), body: body, valid: valid}
	n := int(rc.n.Add(1))
	status := http.StatusOK
	if rc.answer != nil {
		status = rc.answer(n, r)
	}
	if status == http.StatusOK && !valid {
		status = http.StatusUnauthorized
	}
	w.WriteHeader(status)
}

func (rc *receiver) next(t *testing.T) received {
	t.Helper()
	select {
	case r := <-rc.got:
		return r
	case <-time.After(failAfter):
		t.Fatal("the receiver got no request")
		return received{}
	}
}

// logs keeps every record, to check what is and is not logged.
type logs struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logs) Write(p []byte) (int, error) { l.mu.Lock(); defer l.mu.Unlock(); return l.buf.Write(p) }
func (l *logs) String() string              { l.mu.Lock(); defer l.mu.Unlock(); return l.buf.String() }

// stepClock starts at the example's time and moves 1 ms per reading.
func stepClock() func() time.Time {
	var mu sync.Mutex
	t0 := time.Date(2019, 4, 4, 21, 27, 52, 736_000_000, time.UTC)
	n := 0
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		n++
		return t0.Add(time.Duration(n) * time.Millisecond)
	}
}

// harness is a dispatcher whose deliveries are reported on done.
type harness struct {
	d    *Dispatcher
	done chan result
	logs *logs
}

func newHarness(t *testing.T, rc *receiver, opts Options) *harness {
	t.Helper()
	h := &harness{done: make(chan result, 100), logs: &logs{}}
	if opts.Client == nil && rc != nil {
		opts.Client = rc.srv.Client()
	}
	if opts.Now == nil {
		opts.Now = stepClock()
	}
	if opts.RetryDelays == nil {
		opts.RetryDelays = []time.Duration{time.Millisecond, 2 * time.Millisecond}
	}
	opts.Logger = slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	d, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	d.onDone = func(r result) { h.done <- r }
	h.d = d
	t.Cleanup(d.Close)
	return h
}

func (h *harness) result(t *testing.T) result {
	t.Helper()
	select {
	case r := <-h.done:
		return r
	case <-time.After(failAfter):
		t.Fatal("no delivery finished")
		return result{}
	}
}

func TestEventJSON(t *testing.T) {
	at := time.Date(2019, 4, 4, 14, 27, 52, 736_999_999, time.FixedZone("PDT", -7*3600))
	for _, typ := range []EventType{Invite, Remove} {
		t.Run(string(typ), func(t *testing.T) {
			got, err := json.Marshal(NewEvent(typ, "arn:aws:iam::111122223333:user/admin", "room-1", at))
			if err != nil {
				t.Fatal(err)
			}
			want := `{"Sender":{"SenderId":"arn:aws:iam::111122223333:user/admin","SenderIdType":"EmailId"},` +
				`"Discussion":{"DiscussionId":"room-1","DiscussionType":"Room"},` +
				`"EventType":"` + string(typ) + `","EventTimestamp":"2019-04-04T21:27:52.736Z"}`
			if string(got) != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

func TestSign(t *testing.T) {
	got := Sign(tokenA, "2019-04-04T21:30:43.181Z", []byte("{}"))
	if got != signFixture {
		t.Errorf("Sign = %s, want %s", got, signFixture)
	}
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Header.Set(HeaderTimestamp, "2019-04-04T21:30:43.181Z")
	r.Header.Set(HeaderSignature, got)
	if err := Verify(tokenA, r, []byte("{}")); err != nil {
		t.Errorf("Verify: %v", err)
	}
	for name, mutate := range map[string]func(r *http.Request) ([]byte, string){
		"ErrOtherToken": func(r *http.Request) ([]byte, string) { return []byte("{}"), tokenB },
		"ErrOtherBody":  func(r *http.Request) ([]byte, string) { return []byte("{ }"), tokenA },
		"ErrOtherTimestamp": func(r *http.Request) ([]byte, string) {
			r.Header.Set(HeaderTimestamp, "2019-04-04T21:30:43.182Z")
			return []byte("{}"), tokenA
		},
		"ErrNoSignature": func(r *http.Request) ([]byte, string) { r.Header.Del(HeaderSignature); return []byte("{}"), tokenA },
		"ErrNoTimestamp": func(r *http.Request) ([]byte, string) { r.Header.Del(HeaderTimestamp); return []byte("{}"), tokenA },
		"ErrNotBase64": func(r *http.Request) ([]byte, string) {
			r.Header.Set(HeaderSignature, "%%")
			return []byte("{}"), tokenA
		},
	} {
		t.Run(name, func(t *testing.T) {
			r := r.Clone(context.Background())
			body, token := mutate(r)
			if err := Verify(token, r, body); !errors.Is(err, ErrBadSignature) {
				t.Errorf("Verify = %v, want ErrBadSignature", err)
			}
		})
	}
}

func TestDeliver(t *testing.T) {
	for _, typ := range []EventType{Invite, Remove} {
		t.Run(string(typ), func(t *testing.T) {
			rc := newReceiver(t, tokenA, nil)
			h := newHarness(t, rc, Options{Enabled: true})
			ev := NewEvent(typ, "arn:aws:iam::111122223333:user/admin", "room-1", time.Date(2019, 4, 4, 21, 27, 52, 736e6, time.UTC))
			h.d.Send(Target{URL: rc.srv.URL + "/events?secret=q", Token: tokenA}, ev)
			got := rc.next(t)
			if !got.valid {
				t.Fatal("the bot could not verify the signature")
			}
			var back Event
			if err := json.Unmarshal(got.body, &back); err != nil || back != ev {
				t.Fatalf("body %s: %v", got.body, err)
			}
			if ts := got.header.Get(HeaderTimestamp); ts != "2019-04-04T21:27:52.737Z" {
				t.Errorf("Chime-Request-Timestamp = %q", ts)
			}
			if ct := got.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
			if r := h.result(t); r.err != nil || r.attempts != 1 || r.status != 200 {
				t.Errorf("result %+v", r)
			}
			h.d.Close()
			logs := h.logs.String()
			if !strings.Contains(logs, "bot event delivered") {
				t.Errorf("no delivery logged:\n%s", logs)
			}
			for _, secret := range []string{tokenA, string(got.body), "secret=q", "arn:aws"} {
				if strings.Contains(logs, secret) {
					t.Errorf("the log holds %q:\n%s", secret, logs)
				}
			}
		})
	}
}

func TestSendFillsEventTimestamp(t *testing.T) {
	rc := newReceiver(t, tokenA, nil)
	h := newHarness(t, rc, Options{Enabled: true})
	ev := NewEvent(Invite, "s", "room-1", time.Time{})
	ev.EventTimestamp = ""
	h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, ev)
	var back Event
	if err := json.Unmarshal(rc.next(t).body, &back); err != nil || back.EventTimestamp != "2019-04-04T21:27:52.737Z" {
		t.Errorf("EventTimestamp %q, %v", back.EventTimestamp, err)
	}
}

func TestRetry(t *testing.T) {
	t.Run("TwoFailuresThenSuccess", func(t *testing.T) {
		rc := newReceiver(t, tokenA, func(n int, _ *http.Request) int {
			if n <= 2 {
				return http.StatusInternalServerError
			}
			return http.StatusOK
		})
		h := newHarness(t, rc, Options{Enabled: true})
		h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
		var stamps []string
		for range 3 {
			got := rc.next(t)
			if !got.valid {
				t.Error("a retry's signature does not verify")
			}
			stamps = append(stamps, got.header.Get(HeaderTimestamp))
		}
		if !(stamps[0] < stamps[1] && stamps[1] < stamps[2]) {
			t.Errorf("timestamps do not increase: %v", stamps)
		}
		if r := h.result(t); r.err != nil || r.attempts != 3 {
			t.Errorf("result %+v", r)
		}
	})
	t.Run("ThreeFailures", func(t *testing.T) {
		rc := newReceiver(t, tokenA, func(int, *http.Request) int { return http.StatusBadGateway })
		h := newHarness(t, rc, Options{Enabled: true})
		h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
		if r := h.result(t); r.err == nil || r.attempts != 3 || r.status != 502 {
			t.Errorf("result %+v", r)
		}
		if n := rc.n.Load(); n != 3 {
			t.Errorf("%d requests, want 3", n)
		}
		h.d.Close()
		if !strings.Contains(h.logs.String(), "bot event not delivered") {
			t.Errorf("no warning:\n%s", h.logs)
		}
	})
	t.Run("ErrClientErrorNotRetried", func(t *testing.T) {
		rc := newReceiver(t, tokenA, func(int, *http.Request) int { return http.StatusForbidden })
		h := newHarness(t, rc, Options{Enabled: true})
		h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
		if r := h.result(t); r.err == nil || r.attempts != 1 || r.status != 403 {
			t.Errorf("result %+v", r)
		}
	})
	t.Run("SlowReceiverTimesOut", func(t *testing.T) {
		release := make(chan struct{})
		// The receiver never answers in time: it holds each request until
		// its client gives up, and whatever reaches the client after that
		// is a failure too, so no timing of the machine makes it a success.
		rc := newReceiver(t, tokenA, func(_ int, r *http.Request) int {
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return http.StatusServiceUnavailable
		})
		defer close(release) // before the server's Close, which waits for handlers
		h := newHarness(t, rc, Options{Enabled: true, Timeout: 50 * time.Millisecond})
		h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
		r := h.result(t)
		if r.attempts != 3 || r.err == nil && r.status < 500 {
			t.Errorf("result %+v", r)
		}
	})
}

func TestDefaults(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.opts.Enabled || d.opts.Timeout != 2*time.Second || fmt.Sprint(d.opts.RetryDelays) != "[200ms 400ms]" {
		t.Errorf("defaults %+v", d.opts)
	}
	for _, host := range []string{"127.0.0.1", "127.9.9.9", "::1", "localhost", "LOCALHOST."} {
		if err := d.allow.checkHost(host); err != nil {
			t.Errorf("%s: %v", host, err)
		}
	}
	for _, host := range []string{"10.0.0.1", "192.168.1.1", "169.254.169.254", "::ffff:10.0.0.1", "fe80::1%eth0", "example.com", "localhost.example.com"} {
		if err := d.allow.checkHost(host); !errors.Is(err, ErrNotAllowed) {
			t.Errorf("%s: %v, want ErrNotAllowed", host, err)
		}
	}
	if _, err := New(Options{AllowedHosts: []string{"10.0.0.0/33"}}); err == nil {
		t.Error("a bad pattern was accepted")
	}
	if _, err := New(Options{Client: &http.Client{Transport: roundTripperFunc(nil)}}); err == nil {
		t.Error("a transport whose dialling cannot be guarded was accepted")
	}
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestDisabledSendsNothing(t *testing.T) {
	rc := newReceiver(t, tokenA, nil)
	h := newHarness(t, rc, Options{})
	for range 10 {
		h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
	}
	h.d.Close()
	if n, c := rc.n.Load(), rc.conns.Load(); n != 0 || c != 0 {
		t.Errorf("%d requests, %d connections", n, c)
	}
}

// fakeDNS answers every lookup with the same addresses.
type fakeDNS []netip.Addr

func (f fakeDNS) LookupNetIP(context.Context, string, string) ([]netip.Addr, error) { return f, nil }

func TestAllowList(t *testing.T) {
	loop := netip.MustParseAddr("127.0.0.1")
	private := netip.MustParseAddr("10.0.0.1")
	for _, tc := range []struct {
		name    string
		allowed []string
		dns     fakeDNS
		host    string // replaces 127.0.0.1 in the receiver's URL when set
		ok      bool
	}{
		{name: "LoopbackByDefault", ok: true},
		{name: "ErrLoopbackNotListed", allowed: []string{"10.0.0.0/8"}},
		// httptest's certificate is for example.com: the name reaches the
		// receiver only through the fake DNS.
		{name: "NameResolvingToAllowed", allowed: []string{"example.com", "127.0.0.0/8"}, dns: fakeDNS{loop}, host: "example.com", ok: true},
		{name: "WildcardName", allowed: []string{"*.com", "127.0.0.1"}, dns: fakeDNS{loop}, host: "example.com", ok: true},
		{name: "ErrNameNotListed", dns: fakeDNS{loop}, host: "example.com"},
		{name: "ErrNameResolvingElsewhere", allowed: []string{"example.com", "127.0.0.0/8"}, dns: fakeDNS{private}, host: "example.com"},
		{name: "ErrOneAddressElsewhere", allowed: []string{"example.com", "127.0.0.0/8"}, dns: fakeDNS{loop, private}, host: "example.com"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc := newReceiver(t, tokenA, nil)
			h := newHarness(t, rc, Options{Enabled: true, AllowedHosts: tc.allowed})
			if tc.dns != nil {
				h.d.allow.resolver = tc.dns
			}
			url := rc.srv.URL
			if tc.host != "" {
				url = strings.Replace(url, "127.0.0.1", tc.host, 1)
			}
			h.d.Send(Target{URL: url, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
			r := h.result(t)
			if tc.ok {
				if r.err != nil {
					t.Fatalf("result %+v", r)
				}
				return
			}
			if !errors.Is(r.err, ErrNotAllowed) || r.attempts > 1 {
				t.Errorf("result %+v, want one refused attempt", r)
			}
			if c := rc.conns.Load(); c != 0 {
				t.Errorf("%d connections to a refused host", c)
			}
			if err := h.d.Challenge(context.Background(), url); !errors.Is(err, ErrNotAllowed) {
				t.Errorf("Challenge = %v, want ErrNotAllowed", err)
			}
			h.d.Close()
			if c := rc.conns.Load(); c != 0 {
				t.Errorf("%d connections to a refused host", c)
			}
		})
	}
}

func TestErrNotHTTPS(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	h := newHarness(t, nil, Options{Enabled: true})
	h.d.Send(Target{URL: srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
	if r := h.result(t); r.err == nil || r.attempts != 0 {
		t.Errorf("result %+v", r)
	}
}

func TestRedirects(t *testing.T) {
	other := newReceiver(t, tokenA, nil)
	rc := newReceiver(t, tokenA, nil)
	mux := http.NewServeMux()
	mux.HandleFunc("/same", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/final", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/other", func(w http.ResponseWriter, r *http.Request) {
		// Another port of the same address is another host.
		http.Redirect(w, r, other.srv.URL+"/final", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/final", rc.serve)
	rc.srv.Config.Handler = mux
	h := newHarness(t, rc, Options{Enabled: true})

	h.d.Send(Target{URL: rc.srv.URL + "/same", Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
	if got := rc.next(t); !got.valid {
		t.Error("the redirected request does not verify")
	}
	if r := h.result(t); r.err != nil {
		t.Errorf("same-host redirect: %+v", r)
	}

	h.d.Send(Target{URL: rc.srv.URL + "/other", Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
	if r := h.result(t); r.err == nil || r.status != http.StatusTemporaryRedirect || r.attempts != 1 {
		t.Errorf("other-host redirect: %+v", r)
	}
	if c := other.conns.Load(); c != 0 {
		t.Errorf("the other host got %d connections", c)
	}
}

// After RegenerateSecurityToken the bot checks with its new token: events
// signed with the old one fail, events signed with the new one pass.
func TestTokenChange(t *testing.T) {
	rc := newReceiver(t, tokenB, nil)
	h := newHarness(t, rc, Options{Enabled: true})

	h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
	old := rc.next(t)
	if old.valid {
		t.Error("the old token's signature verifies with the new token")
	}
	if r := h.result(t); r.status != http.StatusUnauthorized || r.attempts != 1 {
		t.Errorf("old token: %+v", r)
	}

	h.d.Send(Target{URL: rc.srv.URL, Token: tokenB}, NewEvent(Remove, "s", "room-1", time.Now()))
	if got := rc.next(t); !got.valid {
		t.Error("the new token's signature does not verify")
	}
	if r := h.result(t); r.err != nil {
		t.Errorf("new token: %+v", r)
	}
}

// A stuck receiver holds the only worker, the queue fills, and Send still
// returns at once; Close then gives up on the stuck delivery in DrainTimeout.
func TestSendNeverBlocks(t *testing.T) {
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	rc := newReceiver(t, tokenA, func(_ int, r *http.Request) int {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		return http.StatusOK
	})
	defer close(release)
	h := newHarness(t, rc, Options{Enabled: true, Workers: 1, QueueSize: 2, Timeout: time.Hour, DrainTimeout: 50 * time.Millisecond})
	target := Target{URL: rc.srv.URL, Token: tokenA}
	h.d.Send(target, NewEvent(Invite, "s", "room-1", time.Now()))
	select {
	case <-arrived:
	case <-time.After(failAfter):
		t.Fatal("the first event never arrived")
	}
	sent := make(chan struct{})
	go func() {
		for range 100 {
			h.d.Send(target, NewEvent(Invite, "s", "room-2", time.Now()))
		}
		close(sent)
	}()
	select {
	case <-sent:
	case <-time.After(failAfter):
		t.Fatal("Send blocked")
	}
	if n := strings.Count(h.logs.String(), "delivery queue full"); n != 98 {
		t.Errorf("%d events dropped, want 98", n)
	}

	closed := make(chan struct{})
	go func() { h.d.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(failAfter):
		t.Fatal("Close did not return")
	}
	// The stuck delivery and the two queued ones all end, none delivered.
	for range 3 {
		if r := h.result(t); r.err == nil {
			t.Errorf("delivered after Close gave up: %+v", r)
		}
	}
	if n := rc.n.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	h.d.Send(target, NewEvent(Invite, "s", "room-3", time.Now()))
	h.d.Close()
	if !strings.Contains(h.logs.String(), "dispatcher closed") {
		t.Errorf("a send after Close was not reported:\n%s", h.logs)
	}
}

// Close lets queued deliveries finish when they can within DrainTimeout.
func TestCloseDrains(t *testing.T) {
	rc := newReceiver(t, tokenA, nil)
	h := newHarness(t, rc, Options{Enabled: true, Workers: 1, DrainTimeout: failAfter})
	for range 5 {
		h.d.Send(Target{URL: rc.srv.URL, Token: tokenA}, NewEvent(Invite, "s", "room-1", time.Now()))
	}
	h.d.Close()
	if n := rc.n.Load(); n != 5 {
		t.Errorf("%d delivered before Close returned, want 5", n)
	}
}

// challenger is an endpoint answering the handshake with reply(challenge).
func challenger(t *testing.T, reply func(w http.ResponseWriter, challenge string)) (*receiver, *harness) {
	t.Helper()
	rc := newReceiver(t, tokenA, nil)
	rc.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct{ Challenge, EventType string }
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.EventType != "HTTPSEndpointVerification" || len(in.Challenge) != 20 || strings.Trim(in.Challenge, "0123456789") != "" {
			t.Errorf("challenge request %+v: %v", in, err)
		}
		rc.n.Add(1)
		reply(w, in.Challenge)
	})
	return rc, newHarness(t, rc, Options{Timeout: 200 * time.Millisecond})
}

func TestChallenge(t *testing.T) {
	echo := func(w http.ResponseWriter, c string) { fmt.Fprintf(w, `{"Challenge":%q}`, c) }
	t.Run("Echo", func(t *testing.T) {
		rc, h := challenger(t, echo)
		if err := h.d.Challenge(context.Background(), rc.srv.URL+"/events"); err != nil {
			t.Fatal(err)
		}
		if rc.n.Load() != 1 {
			t.Error("the endpoint was not asked")
		}
	})
	t.Run("Digits", func(t *testing.T) {
		var got string
		rc, h := challenger(t, func(w http.ResponseWriter, c string) { got = c; echo(w, c) })
		// 250..255 are skipped so that every digit is equally likely.
		h.d.opts.Rand = bytes.NewReader(append([]byte{255, 250, 9, 10, 249}, make([]byte, 59)...))
		if err := h.d.Challenge(context.Background(), rc.srv.URL); err != nil {
			t.Fatal(err)
		}
		if got != "90900000000000000000" {
			t.Errorf("challenge %q", got)
		}
	})
	for name, reply := range map[string]func(http.ResponseWriter, string){
		"ErrWrongEcho": func(w http.ResponseWriter, c string) {
			fmt.Fprintf(w, `{"Challenge":"%s%c"}`, c[:19], '0'+(c[19]-'0'+1)%10)
		},
		"ErrNotJSON": func(w http.ResponseWriter, c string) { fmt.Fprint(w, c) },
		"ErrNoEcho":  func(w http.ResponseWriter, c string) { fmt.Fprint(w, `{}`) },
		"ErrCreated": func(w http.ResponseWriter, c string) { w.WriteHeader(http.StatusCreated); echo(w, c) },
		"ErrServer":  func(w http.ResponseWriter, c string) { w.WriteHeader(http.StatusInternalServerError); echo(w, c) },
		"ErrRedirectElsewhere": func(w http.ResponseWriter, c string) {
			w.Header().Set("Location", "https://example.com/")
			w.WriteHeader(http.StatusTemporaryRedirect)
		},
	} {
		t.Run(name, func(t *testing.T) {
			rc, h := challenger(t, reply)
			if err := h.d.Challenge(context.Background(), rc.srv.URL); !errors.Is(err, ErrChallengeFailed) {
				t.Errorf("Challenge = %v, want ErrChallengeFailed", err)
			}
		})
	}
	t.Run("ErrSlow", func(t *testing.T) {
		rc, h := challenger(t, func(w http.ResponseWriter, c string) {})
		rc.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body) // the server notices the client leave only once the body is read
			<-r.Context().Done()
		})
		if err := h.d.Challenge(context.Background(), rc.srv.URL); !errors.Is(err, ErrChallengeFailed) {
			t.Errorf("Challenge = %v, want ErrChallengeFailed", err)
		}
	})
	t.Run("ErrNotAllowed", func(t *testing.T) {
		rc, _ := challenger(t, echo)
		h := newHarness(t, rc, Options{AllowedHosts: []string{"192.0.2.0/24"}})
		if err := h.d.Challenge(context.Background(), rc.srv.URL); !errors.Is(err, ErrNotAllowed) {
			t.Errorf("Challenge = %v, want ErrNotAllowed", err)
		}
		if c := rc.conns.Load(); c != 0 {
			t.Errorf("%d connections", c)
		}
	})
	t.Run("ErrNotHTTPS", func(t *testing.T) {
		_, h := challenger(t, echo)
		if err := h.d.Challenge(context.Background(), "http://127.0.0.1:1/"); err == nil {
			t.Error("an http endpoint was challenged")
		}
	})
}

// signFixture was computed with openssl: printf '%s' '2019-04-04T21:30:43.181Z|{}' |
// openssl dgst -sha256 -hmac "$tokenA" -binary | base64
const signFixture = "fE6h4INO0/BmmdKJn64T0ZuNlqQHfTSa0u6xs8RCmoc="
