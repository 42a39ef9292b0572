package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sigv4"
)

const example = server.ExampleAccountID

func TestEncode(t *testing.T) {
	for _, tc := range []struct {
		name, op string
		input    map[string]any
		method   string
		path     string
		query    string
		body     string // "" for none
	}{
		{"CreateUser", "CreateUser", map[string]any{"AccountId": example, "Email": "a@example.com", "UserType": "SharedDevice"},
			"POST", "/accounts/" + example + "/users", "operation=create", `{"Email":"a@example.com","UserType":"SharedDevice"}`},
		{"CreateUser/no body members", "CreateUser", map[string]any{"AccountId": "a"},
			"POST", "/accounts/a/users", "operation=create", `{}`},
		{"GetUser", "GetUser", map[string]any{"AccountId": "a", "UserId": "u"}, "GET", "/accounts/a/users/u", "", ""},
		{"GetUser/labels escaped", "GetUser", map[string]any{"AccountId": "a b/c", "UserId": "ü~._-"},
			"GET", "/accounts/a%20b%2Fc/users/%C3%BC~._-", "", ""},
		{"ListUsers/query", "ListUsers", map[string]any{"AccountId": "a", "MaxResults": json.Number("10"), "NextToken": "x+y=/z"},
			"GET", "/accounts/a/users", "max-results=10&next-token=x%2By%3D%2Fz", ""},
		{"ListUsers/filters", "ListUsers", map[string]any{"AccountId": "a", "UserType": "PrivateUser"},
			"GET", "/accounts/a/users", "user-type=PrivateUser", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := client.Encode(apispec.Lookup(tc.op), tc.input)
			if err != nil {
				t.Fatal(err)
			}
			if r.Method != tc.method || r.Path != tc.path || r.Query != tc.query || string(r.Body) != tc.body || (tc.body == "") != (r.Body == nil) {
				t.Errorf("got %s %s ? %s body %q", r.Method, r.Path, r.Query, r.Body)
			}
		})
	}
	if _, err := client.Encode(apispec.Lookup("GetUser"), map[string]any{"AccountId": "a"}); err == nil || !strings.Contains(err.Error(), "UserId") {
		t.Errorf("a missing label: %v", err)
	}
	r := client.Request{Method: "GET", Path: "/accounts/a", Query: "x=1"}
	if got := r.URL("http://127.0.0.1:1/"); got != "http://127.0.0.1:1/accounts/a?x=1" {
		t.Errorf("URL: %s", got)
	}
}

func TestDecodeError(t *testing.T) {
	for _, tc := range []struct {
		name, header, body string
		status             int
		code, message      string
	}{
		{"body", "", `{"Code":"NotFoundException","Message":"gone"}`, 404, "NotFoundException", "gone"},
		{"lower-case members", "", `{"code":"ConflictException","message":"taken"}`, 409, "ConflictException", "taken"},
		{"header wins", "ThrottledClientException", `{"Code":"Other","Message":"slow down"}`, 429, "ThrottledClientException", "slow down"},
		{"namespace and detail", "aws.chime#BadRequestException:http://internal.amazon.com/", `{}`, 400, "BadRequestException", "Bad Request"},
		{"no code anywhere", "", `not json`, 502, "502", "Bad Gateway"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.header != "" {
				h.Set("X-Amzn-ErrorType", tc.header)
			}
			e := client.DecodeError(tc.status, h, []byte(tc.body))
			if e.Status != tc.status || e.Code != tc.code || e.Message != tc.message {
				t.Errorf("%+v", e)
			}
		})
	}
}

// startServer runs a development server in-process.
func startServer(t *testing.T) string {
	cfg := server.Defaults()
	cfg.Listen, cfg.Dev, cfg.Store = "127.0.0.1:0", true, "memory"
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return "http://" + srv.Addr()
}

// The server is the oracle of the binding and of the signature.
func TestCallAgainstServer(t *testing.T) {
	t.Parallel()
	url := startServer(t)
	ctx := context.Background()
	c := client.New(url, credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, ""), nil)
	resp, err := c.Call(ctx, "CreateUser", map[string]any{"AccountId": example, "Email": "map@example.com", "UserType": "SharedDevice"})
	if err != nil || resp.Status != 201 {
		t.Fatalf("CreateUser: %v %+v", err, resp)
	}
	doc, err := resp.Document()
	if err != nil {
		t.Fatal(err)
	}
	id, _ := doc["User"].(map[string]any)["UserId"].(string)
	// The same operation from JSON text, bytes and a struct.
	for i, input := range []any{
		`{"AccountId":"` + example + `","Email":"text@example.com"}`,
		[]byte(`{"AccountId":"` + example + `","Email":"bytes@example.com"}`),
		struct{ AccountId, Email string }{example, "struct@example.com"},
	} {
		if resp, err := c.Call(ctx, "CreateUser", input); err != nil || resp.Status != 201 {
			t.Errorf("input %d: %v", i, err)
		}
	}
	resp, err = c.Call(ctx, "ListUsers", map[string]any{"AccountId": example, "MaxResults": 2})
	var page struct {
		Users     []struct{ UserId string }
		NextToken string
	}
	if err != nil || json.Unmarshal(resp.Body, &page) != nil || len(page.Users) != 2 || page.NextToken == "" {
		t.Fatalf("ListUsers: %v %s", err, resp.Body)
	}
	resp, err = c.Call(ctx, "ListUsers", map[string]any{"AccountId": example, "NextToken": page.NextToken})
	if err != nil || resp.Status != 200 {
		t.Fatalf("ListUsers with a token (escaped in the query): %v", err)
	}
	if resp, err := c.Call(ctx, "GetUser", map[string]any{"AccountId": example, "UserId": id}); err != nil || resp.Status != 200 {
		t.Fatalf("GetUser: %v", err)
	}
	// An error answer: the response and an *Error.
	resp, err = c.Call(ctx, "GetUser", map[string]any{"AccountId": example, "UserId": "nobody"})
	var e *client.Error
	if !errors.As(err, &e) || e.Code != "NotFoundException" || e.Status != 404 || resp == nil || resp.Status != 404 {
		t.Fatalf("GetUser of nobody: %v %+v", err, resp)
	}
	// Unsigned, wrongly signed.
	if _, err := client.New(url, nil, nil).Call(ctx, "ListAccounts", nil); !errors.As(err, &e) || e.Code != "UnauthorizedClientException" {
		t.Errorf("unsigned: %v", err)
	}
	wrong := client.New(url, credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, "wrong", ""), nil)
	if _, err := wrong.Call(ctx, "ListAccounts", nil); !errors.As(err, &e) || e.Status != 403 {
		t.Errorf("wrong secret: %v", err)
	}
	if _, err := c.Call(ctx, "NoSuchOperation", nil); err == nil {
		t.Error("an unknown operation was sent")
	}
	if _, err := c.Call(ctx, "CreateUser", "[1]"); err == nil {
		t.Error("an input that is not an object was sent")
	}
}

func TestSignerClock(t *testing.T) {
	t.Parallel()
	url := startServer(t)
	c := client.New(url, credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, ""), nil)
	c.Signer.Now = func() time.Time { return time.Now().Add(-time.Hour) }
	var e *client.Error
	if _, err := c.Call(context.Background(), "ListAccounts", nil); !errors.As(err, &e) || e.Status != 403 {
		t.Fatalf("a signature an hour old: %v", err)
	}
}

func TestRetries(t *testing.T) {
	t.Parallel()
	var calls atomic.Int64
	var statuses atomic.Pointer[[]int] // the answers, in turn
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(calls.Add(1)) - 1
		s := *statuses.Load()
		w.Header().Set("X-Amzn-ErrorType", "ServiceUnavailableException")
		w.WriteHeader(s[i%len(s)])
		io.WriteString(w, `{"Message":"m"}`)
	}))
	defer srv.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		statuses []int
		calls    int64
		status   int
		retries  int
	}{
		{"503 then 200", []int{503, 200}, 2, 200, 0},
		{"503 each time", []int{503}, 3, 503, 2},
		{"400 is not retried", []int{400}, 1, 400, 0},
		{"500 then 404", []int{500, 404}, 2, 404, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls.Store(0)
			statuses.Store(&tc.statuses)
			c := client.New(srv.URL, nil, nil)
			c.MaxAttempts = 3
			resp, err := c.Call(ctx, "ListAccounts", nil)
			var e *client.Error
			if calls.Load() != tc.calls || resp == nil || resp.Status != tc.status {
				t.Fatalf("%d calls, %v %v", calls.Load(), resp, err)
			}
			if tc.status >= 300 && (!errors.As(err, &e) || e.Retries != tc.retries || e.Code != "ServiceUnavailableException") {
				t.Errorf("error %v", err)
			}
		})
	}
	// Once by default.
	calls.Store(0)
	statuses.Store(&[]int{503})
	if _, err := client.New(srv.URL, nil, nil).Call(ctx, "ListAccounts", nil); err == nil || calls.Load() != 1 {
		t.Errorf("default attempts: %d calls, %v", calls.Load(), err)
	}
}

func TestNoAnswer(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := client.New("http://"+addr, nil, nil)
	c.MaxAttempts = 2
	_, err = c.Call(context.Background(), "ListAccounts", nil)
	var ce *client.ConnectError
	if !errors.As(err, &ce) || ce.URL != "http://"+addr+"/accounts" {
		t.Fatalf("%v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Call(ctx, "ListAccounts", nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestDebugMasksSecrets(t *testing.T) {
	t.Parallel()
	url := startServer(t)
	var log strings.Builder
	c := client.New(url, credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, "very-secret-token"), nil)
	c.Debug = &log
	c.Call(context.Background(), "ListAccounts", nil)
	if !strings.Contains(log.String(), "Signature=***") || !strings.Contains(log.String(), "X-Amz-Security-Token: ***") ||
		strings.Contains(log.String(), "very-secret-token") {
		t.Errorf("debug output:\n%s", log.String())
	}
}
