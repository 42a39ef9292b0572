package restjson_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
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
	// 5 requests a second with a burst of 1: a client that retries
	// ThrottledClientException gets through.
	url, _, hits := resilienceEnv(t, restjson.Config{RateLimit: 5, RateBurst: 1})
	c := awschime.New(awschime.Options{Region: "us-east-1", BaseEndpoint: aws.String(url),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDALPHA", "alpha-secret", ""),
		Retryer: retry.AddWithErrorCodes(retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 20
			o.RateLimiter = noRateLimit{}
		}), "ThrottledClientException")})
	for i := 0; i < 4; i++ {
		if _, err := c.CreateAccount(context.Background(), &awschime.CreateAccountInput{Name: aws.String("a")}); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	if hits.Load() <= 4 {
		t.Fatalf("no request was throttled (%d hits for 4 creates at 5/s with a burst of 1)", hits.Load())
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

func TestFaultControlEndpoint(t *testing.T) {
	in, _ := faults.New(faults.Config{})
	url, _, _ := resilienceEnv(t, restjson.Config{Faults: in, FaultControl: true})
	put := func(body string) (int, string) {
		status, _, b := doRaw(t, url, exchangeOf("PUT", "/_chime/faults", body))
		return status, string(b)
	}
	status, body := put(`{"Seed": 9, "Rules": [{"Operation": "GetUser", "Kind": "latency", "Rate": 0.5, "DelayMillis": 20}]}`)
	if status != 200 || !strings.Contains(body, `"DelayMillis":20`) || !strings.Contains(body, `"Seed":9`) {
		t.Fatalf("%d %s", status, body)
	}
	if c := in.Config(); len(c.Rules) != 1 || c.Seed != 9 {
		t.Fatalf("not applied: %+v", c)
	}
	for _, bad := range []string{`{"Rules": [{"Operation": "GetUser", "Kind": "explode", "Rate": 0.5}]}`,
		`{"Rules": [{"Operation": "GetUser", "Kind": "failure", "Rate": 2}]}`,
		`{"Rules": [{"Operation": "GetUser", "Kind": "latency", "Rate": 0.5}]}`,
		`{"Rules": [{"Kind": "failure", "Rate": 0.5}]}`} {
		if status, body := put(bad); status != 400 {
			t.Errorf("%s: %d %s", bad, status, body)
		}
	}
	status, _, _ = doRaw(t, url, exchangeOf("DELETE", "/_chime/faults", ""))
	if status != 204 || len(in.Config().Rules) != 0 {
		t.Fatalf("delete: %d %+v", status, in.Config())
	}
	// Without fault control, the endpoint is forbidden.
	url2, _, _ := resilienceEnv(t, restjson.Config{Faults: in})
	if status, _, _ := doRaw(t, url2, exchangeOf("GET", "/_chime/faults", "")); status != 403 {
		t.Fatalf("fault control without --fault-injection: %d", status)
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
// another is served waits, and past the queue timeout gets 503.
func TestBoundedPipeline(t *testing.T) {
	in, _ := faults.New(faults.Config{Rules: []faults.Rule{{Operation: "ListAccounts", Kind: faults.Latency, Rate: 1, Delay: 600 * time.Millisecond}}})
	url, _, _ := resilienceEnv(t, restjson.Config{Faults: in, MaxInFlight: 1, QueueTimeout: 100 * time.Millisecond})
	done := make(chan int, 1)
	go func() {
		status, _, _ := doRaw(t, url, exchangeOf("GET", "/accounts", ""))
		done <- status
	}()
	time.Sleep(200 * time.Millisecond) // the first request holds the only place
	status, header, _ := doRaw(t, url, exchangeOf("GET", "/accounts/x", ""))
	if status != 503 || header.Get("Retry-After") == "" || header.Get("x-amzn-ErrorType") != "ServiceUnavailableException" {
		t.Fatalf("over the bound: %d %v", status, header)
	}
	if first := <-done; first != 200 {
		t.Fatalf("the first request: %d", first)
	}
	// With the place free again, requests are served.
	if status, _, _ := doRaw(t, url, exchangeOf("GET", "/accounts/x", "")); status != 404 {
		t.Fatalf("after the first finished: %d", status)
	}
}
