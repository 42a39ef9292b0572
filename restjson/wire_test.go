package restjson_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// A wire vector is a sequence of exchanges against a fresh server whose
// clock, ids and request ids are fixed, so that every byte is predictable.
type exchange struct {
	Request struct {
		Method string          `json:"method"`
		Path   string          `json:"path"`
		Body   json.RawMessage `json:"body,omitempty"`
		// RawBody is sent as it is, for bodies that are not JSON.
		RawBody string `json:"rawBody,omitempty"`
		// Unsigned requests carry no Authorization header.
		Unsigned bool `json:"unsigned,omitempty"`
	} `json:"request"`
	Response struct {
		Status  int               `json:"status"`
		Headers map[string]string `json:"headers"`
		Body    json.RawMessage   `json:"body,omitempty"`
	} `json:"response"`
}

func fixedServer(t *testing.T, open storeOpener) *httptest.Server {
	ctx := context.Background()
	clock := time.Date(2020, 1, 15, 22, 38, 9, 806_000_000, time.UTC)
	ids, pins, reqs := 0, 0, 0
	store := open(t, sqlstore.Options{
		Now:    func() time.Time { return clock },
		NewID:  func() string { ids++; return fmt.Sprintf("00000000-0000-4000-8000-%012d", ids) },
		NewPIN: func() string { pins++; return fmt.Sprintf("%010d", 1234567890+pins) },
	})
	for _, a := range []chime.NewAccount{
		{ID: "12a3456b-7c89-012d-3456-78901e23fg45", Name: "Example Corp", Type: chime.EnterpriseDirectory},
		{ID: "team-1", Name: "Team One"},
	} {
		if _, err := store.Services().Accounts.CreateAccount(ctx, "111122223333", a); err != nil {
			t.Fatal(err)
		}
	}
	api := restjson.New(restjson.Config{
		Services:      store.Services(),
		Auth:          &sigv4.Verifier{Keys: testKeys, Service: "chime"},
		PaginationKey: []byte("fixed"),
		NewRequestID:  func() string { reqs++; return fmt.Sprintf("req-%d", reqs) },
	})
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	return srv
}

func TestWireVectors(t *testing.T) {
	files, _ := filepath.Glob("testdata/wire/*.json")
	if len(files) == 0 {
		t.Fatal("no wire vectors")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var exchanges []exchange
			if err := json.Unmarshal(raw, &exchanges); err != nil {
				t.Fatal(err)
			}
			srv := fixedServer(t, openMemory)
			for i, ex := range exchanges {
				status, header, body := doRaw(t, srv.URL, ex)
				where := fmt.Sprintf("exchange %d (%s %s)", i, ex.Request.Method, ex.Request.Path)
				if status != ex.Response.Status {
					t.Errorf("%s: status %d, want %d; body %s", where, status, ex.Response.Status, body)
				}
				for k, v := range ex.Response.Headers {
					if got := header.Get(k); got != v {
						t.Errorf("%s: header %s = %q, want %q", where, k, got, v)
					}
				}
				if len(ex.Response.Body) == 0 {
					if len(body) != 0 {
						t.Errorf("%s: body %s, want none", where, body)
					}
					continue
				}
				var got, want any
				if err := json.Unmarshal(body, &got); err != nil {
					t.Errorf("%s: body is not JSON: %s", where, body)
					continue
				}
				json.Unmarshal(ex.Response.Body, &want)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: body\n got  %s\n want %s", where, body, ex.Response.Body)
				}
			}
		})
	}
}

func doRaw(t *testing.T, base string, ex exchange) (int, http.Header, []byte) {
	t.Helper()
	body := ex.Request.RawBody
	if len(ex.Request.Body) > 0 {
		body = string(ex.Request.Body)
	}
	if ex.Request.Unsigned {
		return send(t, base, "", "", ex.Request.Method, ex.Request.Path, body)
	}
	return send(t, base, "AKIDALPHA", "alpha-secret", ex.Request.Method, ex.Request.Path, body)
}

// send makes one request, signed with the key unless akid is empty.
func send(t *testing.T, base, akid, secret, method, path, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if akid != "" {
		sum := sha256.Sum256([]byte(body))
		creds := aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret}
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "chime", "us-east-1", time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}
