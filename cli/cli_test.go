package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/cli"
)

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// runServer starts `chime server` in-process and returns its URL and a
// function that stops it and returns its exit code.
func runServer(t *testing.T, args ...string) (string, func() int) {
	t.Helper()
	addr := freeAddr(t)
	t.Setenv("CHIME_LISTEN", addr) // every flag has an environment variable
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var logs bytes.Buffer
	go func() { done <- cli.Run(ctx, append([]string{"server"}, args...), nil, &bytes.Buffer{}, &logs) }()
	url := "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url + "/_chime/health")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("server did not start: %s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return url, func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("server did not stop")
			return -1
		}
	}
}

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), args, nil, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func TestServerAndAdminCommands(t *testing.T) {
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_PROFILE", "")
	url, stop := runServer(t, "--dev")
	resp, err := http.Get(url + "/_chime/health")
	if err != nil {
		t.Fatal(err)
	}
	var health map[string]string
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if health["Status"] != "ok" || health["Store"] != "memory" {
		t.Fatalf("health %v", health)
	}

	// No credentials anywhere and a loopback endpoint: the development pair.
	out, stderr, code := run(t, "admin", "create-account", "--name", "Directory", "--account-type", "EnterpriseDirectory",
		"--account-id", "dir-1", "--endpoint-url", url)
	if code != 0 || !strings.Contains(out, `    "Account": {`) || !strings.Contains(out, `"AccountType": "EnterpriseDirectory"`) {
		t.Fatalf("create-account: %d %s %s", code, out, stderr)
	}
	t.Setenv("AWS_ENDPOINT_URL_CHIME", url) // the endpoint from the environment
	out, _, code = run(t, "admin", "update-account", "--account-id", "dir-1", "--account-status", "Suspended")
	if code != 0 || !strings.Contains(out, `"AccountStatus": "Suspended"`) {
		t.Fatalf("update-account: %d %s", code, out)
	}
	_, stderr, code = run(t, "admin", "update-account", "--account-id", "dir-1", "--account-type", "Team")
	if code != 254 || !strings.Contains(stderr, "An error occurred (BadRequestException) when calling the AdminUpdateAccount operation") {
		t.Fatalf("update-account to Team: %d %s", code, stderr)
	}
	_, stderr, code = run(t, "admin", "create-account")
	if code != 252 || !strings.Contains(stderr, "the following arguments are required: --name") {
		t.Fatalf("missing --name: %d %s", code, stderr)
	}
	resp, err = http.Get(url + "/_chime/metrics")
	if err != nil {
		t.Fatal(err)
	}
	var metrics bytes.Buffer
	metrics.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(metrics.String(), `chime_requests_total{operation="AdminCreateAccount",status="201"} 1`) ||
		!strings.Contains(metrics.String(), "chime_store_duration_seconds_bucket") {
		t.Fatalf("metrics:\n%s", metrics.String())
	}
	if code := stop(); code != 0 {
		t.Fatalf("server exit code %d", code)
	}
}

func TestUsageErrors(t *testing.T) {
	if _, _, code := run(t); code != 252 {
		t.Errorf("no command: %d", code)
	}
	if _, stderr, code := run(t, "frobnicate"); code != 252 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %s", code, stderr)
	}
	if out, _, code := run(t, "version"); code != 0 || !strings.HasPrefix(out, "chime/") {
		t.Errorf("version: %d %s", code, out)
	}
	if _, stderr, code := run(t, "server", "--store", "mysql://x", "--listen", freeAddr(t)); code != 253 || !strings.Contains(stderr, "--store must be") {
		t.Errorf("bad store: %d %s", code, stderr)
	}
	t.Setenv("CHIME_LOG_LEVEL", "loud")
	if _, stderr, code := run(t, "server"); code != 252 || !strings.Contains(stderr, "--log-level") {
		t.Errorf("bad env value: %d %s", code, stderr)
	}
}
