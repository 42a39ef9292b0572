package restjson

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// The steps of a request, each alone: go test -bench Pipeline ./restjson/
// (SigV4 verification has its own in package sigv4, the stores theirs in
// their packages).

const benchUsersPath = "/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users"

var benchCreateBody = []byte(`{"Email":"roomdevice@example.com","UserType":"SharedDevice","Username":"roomdevice"}`)

func BenchmarkPipelineRoute(b *testing.B) {
	r := newRouter(apispec.All)
	query := url.Values{"operation": {"create"}}
	b.ReportAllocs()
	for b.Loop() {
		if op, _, ok := r.match("POST", benchUsersPath, query); !ok || op.Name != "CreateUser" {
			b.Fatal("no route")
		}
	}
}

func BenchmarkPipelineDecodeAndValidate(b *testing.B) {
	op := apispec.Lookup("CreateUser")
	labels := map[string]string{"accountId": "12a3456b-7c89-012d-3456-78901e23fg45"}
	b.ReportAllocs()
	for b.Loop() {
		c := &call{op: op, labels: labels, query: url.Values{"operation": {"create"}}, body: benchCreateBody}
		if err := validateCall(c); err != nil {
			b.Fatal(err)
		}
		if _, err := decodeCreateUserRequest(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPipelineEncodeUser(b *testing.B) {
	registered := time.Date(2020, 1, 15, 22, 38, 9, 806_000_000, time.UTC)
	u := &chime.User{ID: "1ab2345c-67de-4901-b23a-45c678901d2e", AccountID: "12a3456b-7c89-012d-3456-78901e23fg45",
		Email: "roomdevice@example.com", DisplayName: "Room Device", License: chime.Pro, Type: chime.SharedDevice,
		Registration: chime.Registered, RegisteredOn: registered, PersonalPIN: "0123456789"}
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		w.Body.Reset()
		(*API)(nil).writeOutput(w, 201, &CreateUserResponse{User: toUser(u)})
	}
}

// BenchmarkPipelineServe is one whole request through ServeHTTP,
// signature to response, without the network, on an in-memory store: the
// server's CPU and allocations per request of the hot operations, which
// chime bench measures over HTTP with the client beside it.
func BenchmarkPipelineServe(b *testing.B) {
	ctx := context.Background()
	store, err := sqlite.OpenMemory(ctx, sqlstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	acct, err := store.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "bench", Type: chime.EnterpriseDirectory})
	if err != nil {
		b.Fatal(err)
	}
	var first *chime.User
	for i := range 100 {
		u, err := store.Services().Users.CreateUser(ctx, "111122223333", acct.ID, chime.NewUser{Email: fmt.Sprintf("get-%d@example.com", i)})
		if err != nil {
			b.Fatal(err)
		}
		if first == nil {
			first = u
		}
	}
	keys := sigv4.StaticKeyring{"AKIDALPHA": {AccessKeyID: "AKIDALPHA", SecretAccessKey: "alpha-secret", AccountID: "111122223333"}}
	api := New(Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: keys, Service: "chime"}, PaginationKey: []byte("k")})
	signed := func(method, target string, body []byte) *http.Request {
		req := httptest.NewRequest(method, target, bytes.NewReader(body))
		sum := sha256.Sum256(body)
		creds := aws.Credentials{AccessKeyID: "AKIDALPHA", SecretAccessKey: "alpha-secret"}
		if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "chime", "us-east-1", time.Now()); err != nil {
			b.Fatal(err)
		}
		if body == nil {
			req.Body = http.NoBody // as net/http gives a GET
		}
		return req
	}
	serve := func(b *testing.B, req *http.Request, want int) {
		w := httptest.NewRecorder()
		api.ServeHTTP(w, req)
		if w.Code != want {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
	b.Run("GetUser", func(b *testing.B) {
		req := signed("GET", "http://127.0.0.1:8765/accounts/"+acct.ID+"/users/"+first.ID, nil)
		b.ReportAllocs()
		for b.Loop() {
			serve(b, req, 200)
		}
	})
	// The same GetUser on a node that keeps a journal of its requests
	// (--dev, chimetest): what recording and masking each request costs.
	journalled := New(Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: keys, Service: "chime"}, PaginationKey: []byte("k"),
		JournalSize: 1000})
	b.Run("GetUserJournal", func(b *testing.B) {
		req := signed("GET", "http://127.0.0.1:8765/accounts/"+acct.ID+"/users/"+first.ID, nil)
		b.ReportAllocs()
		for b.Loop() {
			w := httptest.NewRecorder()
			journalled.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("%d %s", w.Code, w.Body)
			}
		}
	})
	b.Run("ListUsers100", func(b *testing.B) {
		req := signed("GET", "http://127.0.0.1:8765/accounts/"+acct.ID+"/users?max-results=100", nil)
		b.ReportAllocs()
		for b.Loop() {
			serve(b, req, 200)
		}
	})
	// Each CreateUser needs an address of its own, across every run of
	// the sub-benchmark (-count runs it again on the same store).
	n := 0
	b.Run("CreateUser", func(b *testing.B) {
		// Each request is signed outside the timer.
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			n++
			req := signed("POST", "http://127.0.0.1:8765/accounts/"+acct.ID+"/users?operation=create",
				[]byte(fmt.Sprintf(`{"Email":"create-%d@example.com"}`, n)))
			b.StartTimer()
			serve(b, req, 201)
		}
	})
}
