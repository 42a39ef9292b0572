package restjson_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// anyone lets every request in, so that the fuzzer reaches the handlers.
type anyone struct{}

func (anyone) Verify(*http.Request, []byte) (*sigv4.Principal, error) {
	return &sigv4.Principal{AccessKeyID: "fuzz", AccountID: "111122223333"}, nil
}

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
	api := restjson.New(restjson.Config{Services: store.Services(), Auth: anyone{}, PaginationKey: []byte("k")})
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n#") {
			return
		}
		req, err := http.NewRequest(method, "http://chime.test"+path, bytes.NewReader([]byte(body)))
		if err != nil {
			return
		}
		req.RequestURI = path
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
