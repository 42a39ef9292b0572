package server_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/server"
)

// TestSlowClients: a client that stalls in its headers, its body, or
// between requests loses its connection once the timeout passes.
func TestSlowClients(t *testing.T) {
	cfg := server.Defaults()
	cfg.Listen, cfg.Dev = "127.0.0.1:0", true
	cfg.ReadHeaderTimeout, cfg.ReadTimeout, cfg.IdleTimeout = 300*time.Millisecond, 600*time.Millisecond, 300*time.Millisecond
	srv, stop := serve(t, cfg)
	for _, tc := range []struct{ name, send string }{
		{"StalledHeaders", "GET /_chime/health HTTP/1.1\r\nHost: x\r\n"},
		{"StalledBody", "POST /accounts HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"Na"},
		{"IdleKeepAlive", "GET /_chime/health HTTP/1.1\r\nHost: x\r\n\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.Addr())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			start := time.Now()
			io.WriteString(conn, tc.send)
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			r := bufio.NewReader(conn)
			if tc.name == "IdleKeepAlive" {
				line, _ := r.ReadString('\n')
				if !strings.HasPrefix(line, "HTTP/1.1 200") {
					t.Fatalf("first request: %q", line)
				}
			}
			// Read until the server closes the connection.
			_, err = io.Copy(io.Discard, r)
			if err != nil {
				t.Fatalf("the connection stayed open: %v", err)
			}
			if waited := time.Since(start); waited > 3*time.Second {
				t.Fatalf("closed only after %v", waited)
			}
		})
	}
	stop()
}

func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  func(*server.Config)
		want string
	}{
		{"PublicWithoutCredentials", func(c *server.Config) { c.Listen = "0.0.0.0:0" }, "needs --credentials"},
		{"DevOnPublicAddress", func(c *server.Config) { c.Listen, c.Dev = "0.0.0.0:0", true }, "loopback only"},
		{"HalfTLS", func(c *server.Config) { c.TLSCert = "cert.pem" }, "--tls-cert and --tls-key go together"},
		{"BadPostgresURL", func(c *server.Config) { c.Store = "postgres://u:pw@[bad" }, "connection string is not valid"},
		{"PublicProfiles", func(c *server.Config) { c.PprofListen = "0.0.0.0:0" }, "--pprof serves the process's internals"},
		{"MissingCredentialsFile", func(c *server.Config) { c.CredentialsFile = "/nonexistent/credentials" }, "credentials"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := server.Defaults()
			cfg.Listen, cfg.Store = "127.0.0.1:0", "memory"
			tc.cfg(&cfg)
			_, err := server.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestProfiles: --pprof serves the runtime's profiles on a listener of
// its own, and the API's listener does not serve them.
func TestProfiles(t *testing.T) {
	cfg := server.Defaults()
	cfg.Listen, cfg.Dev, cfg.PprofListen = "127.0.0.1:0", true, "127.0.0.1:0"
	srv, stop := serve(t, cfg)
	get := func(url string) (int, string) {
		t.Helper()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("http://" + srv.PprofAddr() + "/debug/pprof/goroutine?debug=1"); code != 200 || !strings.Contains(body, "goroutine profile") {
		t.Fatalf("profile: %d %.200s", code, body)
	}
	if code, body := get("http://" + srv.Addr() + "/debug/pprof/"); code == 200 {
		t.Fatalf("the API listener served profiles: %.200s", body)
	}
	stop()
}

// serve starts a server with cfg; stop shuts it down and checks that it
// stopped cleanly.
func serve(t *testing.T, cfg server.Config) (srv *server.Server, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	return srv, func() {
		t.Helper()
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
