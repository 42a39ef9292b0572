package sigv4_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime"
	"github.com/openchime/chime/sigv4"
)

var keys = sigv4.StaticKeyring{
	"AKIDEXAMPLE": {AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", AccountID: "111122223333"},
	"ASIASESSION": {AccessKeyID: "ASIASESSION", SecretAccessKey: "sessionsecret", SessionToken: "tok3n", AccountID: "444455556666"},
}

// verifyServer answers 200 with the verified account id, or the error kind.
func verifyServer(t *testing.T, now func() time.Time) *httptest.Server {
	v := &sigv4.Verifier{Keys: keys, Service: "chime", Now: now}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		p, err := v.Verify(r, body)
		if err != nil {
			w.WriteHeader(403)
			io.WriteString(w, chime.KindOf(err).String()+": "+err.Error())
			return
		}
		io.WriteString(w, p.AccountID)
	}))
	t.Cleanup(srv.Close)
	return srv
}

type signOpts struct {
	akid, secret, token, region, service string
	at                                   time.Time
	presign                              time.Duration
	mutate                               func(*http.Request)
}

func send(t *testing.T, srv *httptest.Server, method, pathAndQuery, body string, o signOpts) (int, string) {
	t.Helper()
	if o.akid == "" {
		o.akid, o.secret = "AKIDEXAMPLE", keys["AKIDEXAMPLE"].SecretAccessKey
	}
	if o.region == "" {
		o.region = "us-east-1"
	}
	if o.service == "" {
		o.service = "chime"
	}
	if o.at.IsZero() {
		o.at = time.Now()
	}
	req, err := http.NewRequest(method, srv.URL+pathAndQuery, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: o.akid, SecretAccessKey: o.secret, SessionToken: o.token}
	signer := v4.NewSigner()
	if o.presign > 0 {
		q := req.URL.Query()
		q.Set("X-Amz-Expires", "60")
		req.URL.RawQuery = q.Encode()
		u, hdr, err := signer.PresignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), o.service, o.region, o.at)
		if err != nil {
			t.Fatal(err)
		}
		req, _ = http.NewRequest(method, u, strings.NewReader(body))
		req.Header = hdr
	} else if err := signer.SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), o.service, o.region, o.at); err != nil {
		t.Fatal(err)
	}
	if o.mutate != nil {
		o.mutate(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestVerifyAcceptsSDKSignatures(t *testing.T) {
	srv := verifyServer(t, nil)
	for _, tc := range []struct{ name, method, path, body string }{
		{"CreateUser", "POST", "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?operation=create", `{"Email":"roomdevice@example.com","UserType":"SharedDevice"}`},
		{"ListUsersWithEncodedQuery", "GET", "/accounts/a-1/users?user-email=x%2By%40example.com&max-results=5", ""},
		{"EncodedPathLabels", "GET", "/accounts/a%2Fb%20c%40d/users/u%2B1", ""},
		{"EmptyPath", "GET", "/", ""},
		{"RepeatedQuery", "GET", "/accounts?name=b&name=a", ""},
		{"OtherRegion", "DELETE", "/accounts/x", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := send(t, srv, tc.method, tc.path, tc.body, signOpts{region: "eu-west-2"})
			if code != 200 || body != "111122223333" {
				t.Fatalf("%d %s", code, body)
			}
		})
	}
	t.Run("Presigned", func(t *testing.T) {
		code, body := send(t, srv, "GET", "/accounts/a-1", "", signOpts{presign: time.Minute})
		if code != 200 || body != "111122223333" {
			t.Fatalf("%d %s", code, body)
		}
	})
	t.Run("SessionToken", func(t *testing.T) {
		code, body := send(t, srv, "GET", "/accounts", "", signOpts{akid: "ASIASESSION", secret: "sessionsecret", token: "tok3n"})
		if code != 200 || body != "444455556666" {
			t.Fatalf("%d %s", code, body)
		}
	})
}

func TestVerifyRefuses(t *testing.T) {
	srv := verifyServer(t, nil)
	for _, tc := range []struct {
		name string
		o    signOpts
		body string
		want string
	}{
		{"ErrWrongSecret", signOpts{akid: "AKIDEXAMPLE", secret: "wrong"}, "{}", "forbidden: The request signature"},
		{"ErrUnknownKey", signOpts{akid: "AKIDUNKNOWN", secret: "x"}, "{}", "forbidden: The security token"},
		{"ErrExpired", signOpts{at: time.Now().Add(-16 * time.Minute)}, "{}", "forbidden: Signature expired"},
		{"ErrFuture", signOpts{at: time.Now().Add(16 * time.Minute)}, "{}", "forbidden: Signature expired"},
		{"ErrWrongService", signOpts{service: "s3"}, "{}", "forbidden: Credential should be scoped"},
		// A region is short and plain: a long one would pin memory in
		// the signing-key cache.
		{"ErrLongRegion", signOpts{region: strings.Repeat("r", 30000)}, "{}", "forbidden: Credential should be scoped to a valid region"},
		{"ErrOddRegion", signOpts{region: "us east"}, "{}", "forbidden: Credential should be scoped to a valid region"},
		{"ErrTamperedBody", signOpts{mutate: func(r *http.Request) {
			r.Body = io.NopCloser(bytes.NewReader([]byte(`{"Email":"evil@example.com"}`)))
			r.ContentLength = 28
		}}, `{"Email":"good@example.com"}`, "forbidden: The request signature"},
		{"ErrTamperedHeader", signOpts{mutate: func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }}, "{}", "forbidden: The request signature"},
		{"ErrTamperedQuery", signOpts{mutate: func(r *http.Request) { r.URL.RawQuery = "operation=suspend" }}, "{}", "forbidden: The request signature"},
		{"ErrUnsigned", signOpts{mutate: func(r *http.Request) { r.Header.Del("Authorization") }}, "{}", "unauthorized: Missing Authentication Token"},
		{"ErrMalformed", signOpts{mutate: func(r *http.Request) { r.Header.Set("Authorization", "AWS4-HMAC-SHA256 garbage") }}, "{}", "unauthorized"},
		{"ErrBadDate", signOpts{mutate: func(r *http.Request) { r.Header.Set("X-Amz-Date", "yesterday") }}, "{}", "unauthorized: X-Amz-Date"},
		{"ErrMissingSessionToken", signOpts{akid: "ASIASESSION", secret: "sessionsecret"}, "{}", "forbidden: The security token"},
		{"ErrWrongSessionToken", signOpts{akid: "ASIASESSION", secret: "sessionsecret", token: "other"}, "{}", "forbidden: The security token"},
		{"ErrPresignedExpired", signOpts{presign: time.Minute, at: time.Now().Add(-2 * time.Minute)}, "", "forbidden: The presigned request has expired"},
		{"ErrSignedHeaderRemoved", signOpts{mutate: func(r *http.Request) { r.Header.Del("Content-Type") }}, "{}", "forbidden: The request signature"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := send(t, srv, "POST", "/accounts/a/users?operation=create", tc.body, tc.o)
			if code != 403 || !strings.HasPrefix(body, tc.want) {
				t.Fatalf("got %d %q, want prefix %q", code, body, tc.want)
			}
		})
	}
}

func TestCanonicalPieces(t *testing.T) {
	if got := sigv4.CanonicalURI("/accounts/a%2Fb%20c"); got != "/accounts/a%252Fb%2520c" {
		t.Errorf("CanonicalURI: %s", got)
	}
	if got := sigv4.CanonicalQuery("b=2&a=1&operation=create&user-email=x%2By%40e.com&a=0", false); got != "a=0&a=1&b=2&operation=create&user-email=x%2By%40e.com" {
		t.Errorf("CanonicalQuery: %s", got)
	}
	if got := sigv4.CanonicalQuery("X-Amz-Signature=abc&X-Amz-Date=1", true); got != "X-Amz-Date=1" {
		t.Errorf("presigned CanonicalQuery: %s", got)
	}
	// The derivation example of the AWS documentation.
	key := sigv4.DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam")
	if hex.EncodeToString(key) != "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d" {
		t.Errorf("DeriveSigningKey: %x", key)
	}
}

func TestParseCredentials(t *testing.T) {
	k, err := sigv4.ParseCredentials(strings.NewReader(`
# team A
[default]
aws_access_key_id = AKIA1
aws_secret_access_key = s1
aws_account_id = 111122223333

[ci]
aws_access_key_id=AKIA2
aws_secret_access_key=s2
aws_session_token=t
aws_account_id=444455556666
`))
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := k.Lookup("AKIA2"); !ok || c.AccountID != "444455556666" || c.SessionToken != "t" {
		t.Fatalf("%+v", c)
	}
	for _, bad := range []string{
		"[p]\naws_access_key_id=A\naws_secret_access_key=s\n",                    // no account
		"[p]\naws_access_key_id=A\naws_secret_access_key=s\naws_account_id=12\n", // short account
		"aws_access_key_id=A\n", // outside profile
		"[p]\naws_access_key_id=A\naws_secret_access_key=s\naws_account_id=111122223333\n[q]\naws_access_key_id=A\naws_secret_access_key=t\naws_account_id=111122223333\n", // duplicate key
		"",
	} {
		if _, err := sigv4.ParseCredentials(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// A derived key is cached per access key; a changed secret is never served
// from the cache.
func TestCachedKeyFollowsTheSecret(t *testing.T) {
	ring := sigv4.StaticKeyring{"AKIDEXAMPLE": keys["AKIDEXAMPLE"]}
	v := &sigv4.Verifier{Keys: ring, Service: "chime"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if _, err := v.Verify(r, body); err != nil {
			w.WriteHeader(403)
		}
	}))
	defer srv.Close()
	if code, _ := send(t, srv, "GET", "/accounts", "", signOpts{}); code != 200 {
		t.Fatalf("first: %d", code)
	}
	ring["AKIDEXAMPLE"] = sigv4.Credential{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "rotated", AccountID: "111122223333"}
	if code, _ := send(t, srv, "GET", "/accounts", "", signOpts{}); code != 403 {
		t.Fatalf("the old secret still verifies after rotation: %d", code)
	}
	if code, _ := send(t, srv, "GET", "/accounts", "", signOpts{akid: "AKIDEXAMPLE", secret: "rotated"}); code != 200 {
		t.Fatalf("the new secret: %d", code)
	}
}

// Precheck decides from the headers alone: a request it refuses never has
// its body read.
func TestPrecheckReadsNoBody(t *testing.T) {
	v := &sigv4.Verifier{Keys: keys, Service: "chime"}
	for _, tc := range []struct {
		name string
		set  func(r *http.Request)
	}{
		{"unsigned", func(r *http.Request) {}},
		{"unknown key", func(r *http.Request) {
			r.Header.Set("X-Amz-Date", time.Now().UTC().Format("20060102T150405Z"))
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/"+time.Now().UTC().Format("20060102")+
				"/us-east-1/chime/aws4_request, SignedHeaders=host;x-amz-date, Signature="+strings.Repeat("0", 64))
		}},
	} {
		r := httptest.NewRequest("POST", "http://127.0.0.1/accounts", failingBody{t})
		tc.set(r)
		if _, err := v.Precheck(r); err == nil {
			t.Errorf("%s: Precheck accepted it", tc.name)
		}
	}
}

// failingBody fails the test when anything reads it.
type failingBody struct{ t *testing.T }

func (b failingBody) Read([]byte) (int, error) {
	b.t.Error("the body was read")
	return 0, io.EOF
}
