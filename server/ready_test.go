package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/server"
)

// TestReadyLine: the ready line says which version runs and where the
// store keeps its data: the SQLite file's absolute path (a relative
// --store resolved against the working directory), or memory.
func TestReadyLine(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tc := range []struct{ name, store, want string }{
		{"Memory", "memory", "memory"},
		{"SQLiteRelative", "sqlite:data/chime.db", filepath.Join(dir, "data", "chime.db")},
		{"SQLiteAbsolute", "sqlite:" + filepath.Join(dir, "abs.db"), filepath.Join(dir, "abs.db")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := server.Defaults()
			cfg.Listen, cfg.Store, cfg.Version = "127.0.0.1:0", tc.store, "v1.2.3-test"
			var logs bytes.Buffer
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			srv, err := server.New(ctx, cfg, slog.New(slog.NewJSONHandler(&logs, nil)))
			if err != nil {
				t.Fatal(err)
			}
			cancel()
			if err := srv.Serve(ctx); err != nil {
				t.Fatal(err)
			}
			var ready map[string]any
			for _, line := range strings.Split(logs.String(), "\n") {
				var rec map[string]any
				if json.Unmarshal([]byte(line), &rec) == nil && rec["msg"] == "chime server ready" {
					ready = rec
				}
			}
			if ready == nil {
				t.Fatalf("no ready line in\n%s", logs.String())
			}
			if ready["store_location"] != tc.want || ready["version"] != "v1.2.3-test" {
				t.Fatalf("ready line %v, want store_location %q and version v1.2.3-test", ready, tc.want)
			}
		})
	}
}

// TestStoreLocation: a PostgreSQL URL is named without its password,
// wherever the URL carries it.
func TestStoreLocation(t *testing.T) {
	for _, tc := range []struct{ name, spec, want string }{
		{"Default", "", "memory"},
		{"PostgresUserPassword", "postgres://chime:s3cret@db.example:5432/chime?sslmode=disable", "postgres://chime@db.example:5432/chime?sslmode=disable"},
		{"PostgresQueryPassword", "postgresql://db.example/chime?password=s3cret&sslmode=require", "postgresql://db.example/chime?sslmode=require"},
		{"PostgresNoPassword", "postgres://chime@db.example/chime", "postgres://chime@db.example/chime"},
		{"Unknown", "mysql://x", "unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := server.StoreLocation(tc.spec)
			if got != tc.want || strings.Contains(got, "s3cret") {
				t.Fatalf("StoreLocation(%q) = %q, want %q", tc.spec, got, tc.want)
			}
		})
	}
}

// TestHealthReportsVersion: the health endpoint says which version the
// node runs, so that an operator rolling out a release sees each node's.
func TestHealthReportsVersion(t *testing.T) {
	cfg := server.Defaults()
	cfg.Listen, cfg.Store, cfg.Version = "127.0.0.1:0", "memory", "v1.2.3-test"
	srv, stop := serve(t, cfg)
	defer stop()
	resp, err := http.Get("http://" + srv.Addr() + "/_chime/health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var health struct{ Status, Version string }
	if err := json.NewDecoder(resp.Body).Decode(&health); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || health.Status != "ok" || health.Version != "v1.2.3-test" {
		t.Fatalf("health: %d %+v, want ok and v1.2.3-test", resp.StatusCode, health)
	}
}
