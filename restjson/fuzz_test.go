package restjson_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// FuzzAPI sends arbitrary requests through the whole API: whatever a
// client sends, the answer is never a 5xx and never a panic.
func FuzzAPI(f *testing.F) {
	for _, seed := range [][3]string{
		{"POST", "/accounts", `{"Name":"x"}`},
		{"POST", "/accounts/a/users?operation=create", `{"Email":"a@b.co","UserType":"SharedDevice"}`},
		{"POST", "/accounts/a/users", `{"UpdateUserRequestItems":[{"UserId":"u","LicenseType":"Basic"}]}`},
		{"GET", "/accounts?max-results=2&next-token=xyz&name=a", ``},
		{"PUT", "/accounts/a/users/u/settings", `{"UserSettings":{"Telephony":{"InboundCalling":true,"OutboundCalling":true,"SMS":true}}}`},
		{"POST", "/_chime/accounts", `{"Name":"e","AccountType":"EnterpriseLWA","AccountId":"a"}`},
		{"DELETE", "/accounts/a", ``},
		{"PUT", "/_chime/faults", `{"Rules":[{"Operation":"*","Kind":"latency","Rate":0.1,"DelayMillis":1}]}`},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	store, err := sqlite.OpenMemory(context.Background(), sqlstore.Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer store.Close()
	api := restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"}, PaginationKey: []byte("k")})
	signer := v4.NewSigner()
	creds := aws.Credentials{AccessKeyID: "AKIDALPHA", SecretAccessKey: "alpha-secret"}
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n#") {
			return
		}
		req, err := http.NewRequest(method, "http://chime.test"+path, bytes.NewReader([]byte(body)))
		if err != nil {
			return
		}
		req.RequestURI = path
		// Every request is signed for real, so that the fuzzer reaches
		// the handlers through the same verifier as every client.
		sum := sha256.Sum256([]byte(body))
		if err := signer.SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "chime", "us-east-1", time.Now()); err != nil {
			return
		}
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d %s", method, path, body, rec.Code, rec.Body.String())
		}
		if rec.Header().Get("x-amzn-RequestId") == "" {
			t.Fatalf("no request id")
		}
	})
}
