package restjson_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime"
	"github.com/openchime/chime/faults"
	"github.com/openchime/chime/internal/clock"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// resilienceEnv is an API with throttling or faults, behind a counter of
// the requests that reached it.
func resilienceEnv(t *testing.T, cfg restjson.Config) (string, *sqlstore.Store, *atomic.Int64) {
	store, err := sqlite.OpenMemory(context.Background(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	cfg.Services, cfg.Auth, cfg.PaginationKey = store.Services(), &sigv4.Verifier{Keys: testKeys, Service: "chime"}, []byte("k")
	api := restjson.New(cfg)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		api.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, store, &hits
}

func retryingClient(url string, codes ...string) *awschime.Client {
	return awschime.New(awschime.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(url),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDALPHA", "alpha-secret", ""),
		Retryer: retry.AddWithErrorCodes(retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 10
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			o.RateLimiter = noRateLimit{}
		}), codes...),
	})
}

// Each access key has its own bucket; past it, 429 ThrottledClientException
// with Retry-After (the SDK's standard retryer does not retry that code).
func TestThrottlingPerAccessKey(t *testing.T) {
	url, _, _ := resilienceEnv(t, restjson.Config{RateLimit: 0.001, RateBurst: 2})
	plain := retryingClient(url)
	for i := 0; i < 2; i++ {
		if _, err := plain.ListAccounts(context.Background(), &awschime.ListAccountsInput{}); err != nil {
			t.Fatalf("request %d within the burst: %v", i, err)
		}
	}
	_, err := plain.ListAccounts(context.Background(), &awschime.ListAccountsInput{})
	var throttled *types.ThrottledClientException
	if !errors.As(err, &throttled) || throttled.Code != types.ErrorCodeThrottled {
		t.Fatalf("over the burst: %v", err)
	}
	// The response says when to come back.
	status, header, _ := doRaw(t, url, exchangeOf("GET", "/accounts", ""))
	if status != 429 || header.Get("Retry-After") == "" || header.Get("x-amzn-ErrorType") != "ThrottledClientException" {
		t.Fatalf("throttled response: %d %v", status, header)
	}
	// Another key has its own bucket.
	beta := awschime.New(awschime.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider("AKIDBETA", "beta-secret", "")})
	if _, err := beta.ListAccounts(context.Background(), &awschime.ListAccountsInput{}); err != nil {
		t.Fatalf("another key was throttled: %v", err)
	}
}

func TestThrottledClientsRetryToSuccess(t *testing.T) {
	// 5 requests a second with a burst of 1, on a clock that moves 50 ms
	// at each request: a token every fourth request. A client that
	// retries ThrottledClientException gets each create through, after
	// exactly three throttled attempts (the first one passes on the burst).
	var clock atomic.Int64
	now := func() time.Time { return time.Unix(0, clock.Add(int64(50*time.Millisecond))) }
	url, _, hits := resilienceEnv(t, restjson.Config{RateLimit: 5, RateBurst: 1, Now: now})
	c := retryingClient(url, "ThrottledClientException")
	for i := 0; i < 4; i++ {
		if _, err := c.CreateAccount(context.Background(), &awschime.CreateAccountInput{Name: aws.String("a")}); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	if got, want := hits.Load(), int64(1+3*4); got != want {
		t.Fatalf("%d requests reached the server for 4 creates, want %d", got, want)
	}
}

func TestInjectedFaults(t *testing.T) {
	in, err := faults.New(faults.Config{Seed: 7, Rules: []faults.Rule{{Operation: "CreateAccount", Kind: faults.Unavailable, Rate: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	url, store, _ := resilienceEnv(t, restjson.Config{Faults: in, FaultControl: true})
	c := awschime.New(awschime.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider("AKIDALPHA", "alpha-secret", "")})
	_, err = c.CreateAccount(context.Background(), &awschime.CreateAccountInput{Name: aws.String("never")})
	var unavailable *types.ServiceUnavailableException
	if !errors.As(err, &unavailable) {
		t.Fatalf("got %v", err)
	}
	page, _ := store.Services().Accounts.ListAccounts(context.Background(), "111122223333", chime.AccountFilter{}, chime.PageRequest{})
	if len(page.Accounts) != 0 {
		t.Fatalf("an injected failure stored an account")
	}
	// Other operations are untouched.
	if _, err := c.ListAccounts(context.Background(), &awschime.ListAccountsInput{}); err != nil {
		t.Fatal(err)
	}
	// Half the requests fail; the SDK's standard retries (503 is retryable)
	// get every create through, each exactly once.
	in.Set(faults.Config{Seed: 3, Rules: []faults.Rule{{Operation: "*", Kind: faults.Unavailable, Rate: 0.5},
		{Operation: "CreateAccount", Kind: faults.Failure, Rate: 0.2}}})
	r := retryingClient(url)
	for i := 0; i < 20; i++ {
		if _, err := r.CreateAccount(context.Background(), &awschime.CreateAccountInput{Name: aws.String("retried")}); err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
	}
	page, _ = store.Services().Accounts.ListAccounts(context.Background(), "111122223333", chime.AccountFilter{}, chime.PageRequest{})
	if len(page.Accounts) != 20 {
		t.Fatalf("%d accounts stored for 20 acknowledged creates", len(page.Accounts))
	}
}

// Each AWS account sets faults for itself only: its own requests fail,
// another account's do not, and the node's faults stay as they were.
func TestFaultControlEndpoint(t *testing.T) {
	node, _ := faults.New(faults.Config{})
	url, _, _ := resilienceEnv(t, restjson.Config{Faults: node, FaultControl: true})
	put := func(body string) (int, string) {
		status, _, b := doRaw(t, url, exchangeOf("PUT", "/_chime/faults", body))
		return status, string(b)
	}
	status, body := put(`{"Seed": 9, "Rules": [{"Operation": "ListAccounts", "Kind": "failure", "Rate": 1}, {"Operation": "GetUser", "Kind": "latency", "Rate": 0.5, "DelayMillis": 20}]}`)
	if status != 200 || !strings.Contains(body, `"DelayMillis":20`) || !strings.Contains(body, `"Seed":9`) {
		t.Fatalf("%d %s", status, body)
	}
	if len(node.Config().Rules) != 0 {
		t.Fatalf("a tenant changed the node's faults: %+v", node.Config())
	}
	if status, _, _ := send(t, url, "AKIDALPHA", "alpha-secret", "GET", "/accounts", ""); status != 500 {
		t.Errorf("the tenant's own fault was not applied: %d", status)
	}
	if status, _, _ := send(t, url, "AKIDBETA", "beta-secret", "GET", "/accounts", ""); status != 200 {
		t.Errorf("another tenant's request failed: %d", status)
	}
	if status, _, b := send(t, url, "AKIDBETA", "beta-secret", "GET", "/_chime/faults", ""); status != 200 || string(b) != "{\"Seed\":0,\"Rules\":[]}\n" {
		t.Errorf("another tenant sees faults: %d %s", status, b)
	}
	for _, bad := range []string{`{"Rules": [{"Operation": "GetUser", "Kind": "explode", "Rate": 0.5}]}`,
		`{"Rules": [{"Operation": "GetUser", "Kind": "failure", "Rate": 2}]}`,
		`{"Rules": [{"Operation": "GetUser", "Kind": "latency", "Rate": 0.5}]}`,
		`{"Rules": [{"Operation": "GetUser", "Kind": "latency", "Rate": 0.5, "DelayMillis": 300001}]}`,
		`{"Rules": [{"Kind": "failure", "Rate": 0.5}]}`} {
		if status, body := put(bad); status != 400 {
			t.Errorf("%s: %d %s", bad, status, body)
		}
	}
	status, _, _ = doRaw(t, url, exchangeOf("DELETE", "/_chime/faults", ""))
	if status != 204 {
		t.Fatalf("delete: %d", status)
	}
	if status, _, _ := send(t, url, "AKIDALPHA", "alpha-secret", "GET", "/accounts", ""); status != 200 {
		t.Errorf("after delete: %d", status)
	}
	// Without fault control, the endpoint is forbidden.
	url2, _, _ := resilienceEnv(t, restjson.Config{Faults: node})
	if status, _, _ := doRaw(t, url2, exchangeOf("GET", "/_chime/faults", "")); status != 403 {
		t.Fatalf("fault control without --fault-injection: %d", status)
	}
}

// Latency rules add up to faults.MaxDelay at most.
func TestInjectedLatencyIsCapped(t *testing.T) {
	rules := make([]faults.Rule, 100)
	for i := range rules {
		rules[i] = faults.Rule{Operation: "*", Kind: faults.Latency, Rate: 1, Delay: faults.MaxDelay}
	}
	in, err := faults.New(faults.Config{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	if d := in.Decide("GetUser"); d.Delay != faults.MaxDelay {
		t.Fatalf("100 rules of %v delay a request %v", faults.MaxDelay, d.Delay)
	}
}

func exchangeOf(method, path, body string) exchange {
	var ex exchange
	ex.Request.Method, ex.Request.Path, ex.Request.RawBody = method, path, body
	return ex
}

type noRateLimit struct{}

func (noRateLimit) GetToken(context.Context, uint) (func() error, error) {
	return func() error { return nil }, nil
}
func (noRateLimit) AddTokens(uint) error { return nil }

// The pipeline is bounded: with one place, a request that arrives while
// another is served waits, and past the queue timeout gets 503. The first
// request holds its place inside the store until the test lets it go.
func TestBoundedPipeline(t *testing.T) {
	store, err := sqlite.OpenMemory(context.Background(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	services := store.Services()
	held := &holdingAccounts{AccountService: services.Accounts, entered: make(chan struct{}), release: make(chan struct{})}
	services.Accounts = held
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: services, Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"},
		PaginationKey: []byte("k"), MaxInFlight: 1, QueueTimeout: 100 * time.Millisecond}))
	t.Cleanup(srv.Close)
	done := make(chan int, 1)
	go func() {
		status, _, _ := doRaw(t, srv.URL, exchangeOf("GET", "/accounts", ""))
		done <- status
	}()
	<-held.entered // the first request holds the only place
	status, header, _ := doRaw(t, srv.URL, exchangeOf("GET", "/accounts/x", ""))
	if status != 503 || header.Get("Retry-After") == "" || header.Get("x-amzn-ErrorType") != "ServiceUnavailableException" {
		t.Fatalf("over the bound: %d %v", status, header)
	}
	close(held.release)
	if first := <-done; first != 200 {
		t.Fatalf("the first request: %d", first)
	}
	// With the place free again, requests are served.
	if status, _, _ := doRaw(t, srv.URL, exchangeOf("GET", "/accounts/x", "")); status != 404 {
		t.Fatalf("after the first finished: %d", status)
	}
}

// holdingAccounts blocks the first ListAccounts until release is closed.
type holdingAccounts struct {
	chime.AccountService
	once             sync.Once
	entered, release chan struct{}
}

func (h *holdingAccounts) ListAccounts(ctx context.Context, owner chime.Owner, f chime.AccountFilter, p chime.PageRequest) (*chime.AccountPage, error) {
	h.once.Do(func() {
		close(h.entered)
		<-h.release
	})
	return h.AccountService.ListAccounts(ctx, owner, f, p)
}

// A client that gives up before the answer is neither a failure of the
// server nor a 503: its request is logged and counted as 499, at info.
func TestClientThatLeavesIsNotAServerFailure(t *testing.T) {
	in, _ := faults.New(faults.Config{Rules: []faults.Rule{{Operation: "ListAccounts", Kind: faults.Latency, Rate: 1, Delay: time.Minute}}})
	logs := &lockedBuffer{}
	url, _, _ := resilienceEnv(t, restjson.Config{Faults: in, Logger: slog.New(slog.NewJSONHandler(logs, nil))})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := retryingClient(url).ListAccounts(ctx, &awschime.ListAccountsInput{})
	if err == nil {
		t.Fatal("the call outlived its deadline")
	}
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), `"operation":"ListAccounts"`); {
		if time.Now().After(deadline) {
			t.Fatalf("no log line for the abandoned request:\n%s", logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	line := logs.String()
	if !strings.Contains(line, `"level":"INFO"`) || !strings.Contains(line, `"status":499`) {
		t.Fatalf("the abandoned request was logged as %s", line)
	}
}

// lockedBuffer is a log sink that the server and the test share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// A panic in a handler is a 500 to its client and an error in the log
// that names the operation it happened in.
func TestPanicIsLoggedWithItsOperation(t *testing.T) {
	store := openMemory(t, sqlstore.Options{})
	services := store.Services()
	services.Accounts = panickingAccounts{services.Accounts}
	logs := &lockedBuffer{}
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: services, Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"},
		PaginationKey: []byte("k"), Logger: slog.New(slog.NewJSONHandler(logs, nil))}))
	t.Cleanup(srv.Close)
	status, header, _ := doRaw(t, srv.URL, exchangeOf("GET", "/accounts/x", ""))
	if status != 500 || header.Get("x-amzn-ErrorType") != "ServiceFailureException" {
		t.Fatalf("a panic answered %d %s", status, header.Get("x-amzn-ErrorType"))
	}
	if line := logs.String(); !strings.Contains(line, `"operation":"GetAccount"`) || !strings.Contains(line, `"level":"ERROR"`) {
		t.Fatalf("the panic was logged as %s", line)
	}
}

type panickingAccounts struct{ chime.AccountService }

func (panickingAccounts) GetAccount(context.Context, chime.Owner, string) (*chime.Account, error) {
	panic("a bug in a store")
}

// The clock moves forward on request where the server allows it, and
// never back.
func TestClockControl(t *testing.T) {
	var c clock.Clock
	url, _, _ := resilienceEnv(t, restjson.Config{Clock: &c, ClockControl: true})
	status, _, body := doRaw(t, url, exchangeOf("POST", "/_chime/clock", `{"AdvanceMillis":604800000}`))
	if status != 200 || !strings.Contains(string(body), `"OffsetMillis":604800000`) || c.Offset() != 7*24*time.Hour {
		t.Fatalf("advance: %d %s", status, body)
	}
	if status, _, body := doRaw(t, url, exchangeOf("POST", "/_chime/clock", `{"AdvanceMillis":-1}`)); status != 400 {
		t.Errorf("backwards: %d %s", status, body)
	}
	if status, _, body := doRaw(t, url, exchangeOf("GET", "/_chime/clock", "")); status != 200 || !strings.Contains(string(body), `"OffsetMillis":604800000`) {
		t.Errorf("get: %d %s", status, body)
	}
	url2, _, _ := resilienceEnv(t, restjson.Config{Clock: &c})
	if status, _, _ := doRaw(t, url2, exchangeOf("POST", "/_chime/clock", `{"AdvanceMillis":1}`)); status != 403 {
		t.Errorf("without clock control: %d", status)
	}
}
