package restjson_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// TestSlowBodiesCannotStarveOtherTenants: clients that announce large
// bodies and trickle them, unsigned or with a known key and a false
// signature, hold no place among the requests served at once, so another
// tenant's signed requests keep succeeding. (Before, each such body held a
// place while it was read, and the others got 503 "The server is busy".)
func TestSlowBodiesCannotStarveOtherTenants(t *testing.T) {
	store, err := sqlite.OpenMemory(context.Background(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(),
		Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"}, PaginationKey: []byte("k"),
		MaxInFlight: 4, QueueTimeout: 200 * time.Millisecond, BodyTimeout: time.Minute}))
	t.Cleanup(srv.Close)
	addr := strings.TrimPrefix(srv.URL, "http://")

	const unsigned, falselySigned = 40, 40
	stop := make(chan struct{})
	defer close(stop)
	now := time.Now().UTC()
	for i := range unsigned + falselySigned {
		auth := ""
		if i >= unsigned {
			// A known key, a fresh date, the right scope: only the
			// signature over the body is false.
			auth = fmt.Sprintf("X-Amz-Date: %s\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDALPHA/%s/us-east-1/chime/aws4_request, "+
				"SignedHeaders=host;x-amz-date, Signature=%s\r\n", now.Format("20060102T150405Z"), now.Format("20060102"), strings.Repeat("0", 64))
		}
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "POST /accounts HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n%sContent-Length: 100000\r\n\r\n{", addr, auth)
		go func() { // a byte now and then, until the test ends
			for {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
					if _, err := conn.Write([]byte(" ")); err != nil {
						return
					}
				}
			}
		}()
	}
	// Wait until the falsely signed bodies are being received (the
	// unsigned ones are refused from their headers alone).
	for deadline := time.Now().Add(10 * time.Second); ; {
		if h := health(t, srv.URL); h.Receiving >= falselySigned {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("the slow bodies did not all arrive: %+v", h)
		}
		time.Sleep(10 * time.Millisecond)
	}
	var latencies []time.Duration
	for i := range 20 {
		start := time.Now()
		status, _, body := send(t, srv.URL, "AKIDBETA", "beta-secret", "POST", "/accounts", fmt.Sprintf(`{"Name":"beta %d"}`, i))
		latencies = append(latencies, time.Since(start))
		if status != 201 {
			t.Fatalf("request %d of another tenant during the attack: %d %s", i, status, body)
		}
	}
	if h := health(t, srv.URL); h.Status != "ok" || h.Receiving < falselySigned {
		t.Errorf("health during the attack: %+v", h)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	t.Logf("another tenant's CreateAccount during the attack: median %v, max %v", latencies[len(latencies)/2], latencies[len(latencies)-1])
}

type healthReport struct {
	Status                       string
	InFlight, Waiting, Receiving int
}

func health(t *testing.T, base string) healthReport {
	t.Helper()
	resp, err := http.Get(base + "/_chime/health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h healthReport
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h
}

// A body that does not arrive within BodyTimeout is refused and its
// connection cut: a known key cannot hold one open by trickling.
func TestBodyTimeout(t *testing.T) {
	store := openMemory(t, sqlstore.Options{})
	srv := httptest.NewServer(restjson.New(restjson.Config{Services: store.Services(),
		Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"}, PaginationKey: []byte("k"), BodyTimeout: 100 * time.Millisecond}))
	t.Cleanup(srv.Close)
	addr := strings.TrimPrefix(srv.URL, "http://")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	now := time.Now().UTC()
	fmt.Fprintf(conn, "POST /accounts HTTP/1.1\r\nHost: %s\r\nX-Amz-Date: %s\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDALPHA/%s/us-east-1/chime/aws4_request, "+
		"SignedHeaders=host;x-amz-date, Signature=%s\r\nContent-Length: 1000\r\n\r\n{", addr, now.Format("20060102T150405Z"), now.Format("20060102"), strings.Repeat("0", 64))
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	reply, err := io.ReadAll(conn) // the server answers, then closes
	if err != nil {
		t.Fatalf("the connection stayed open: %v", err)
	}
	if !strings.Contains(string(reply), "400 Bad Request") || !strings.Contains(string(reply), "could not be read in time") {
		t.Fatalf("reply %q", reply)
	}
}
