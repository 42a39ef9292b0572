package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/cli"
)

// The dispatcher's tests: chime's own commands, and that every other
// command line reaches the AWS-CLI-style engine (whose own tests are in
// package awscli).

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// isolate keeps the machine's AWS configuration out of a test: cli.Run
// reads the process's environment.
func isolate(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CHIME", "AWS_DEFAULT_OUTPUT", "AWS_CLI_AUTO_PROMPT", "AWS_REGION", "AWS_DEFAULT_REGION"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("AWS_PAGER", "")
}

// runServer starts `chime server` in-process; the returned function stops
// it and returns its exit code.
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
	stopped := false
	stop := func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("server did not stop")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return url, stop
}

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), args, nil, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func TestServerAndExtensionCommands(t *testing.T) {
	isolate(t)
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
	// "admin <operation>" is the extension operation admin-<operation>,
	// global options before it or not.
	out, stderr, code := run(t, "admin", "create-account", "--name", "Directory", "--account-type", "EnterpriseDirectory",
		"--account-id", "dir-1", "--endpoint-url", url)
	if code != 0 || !strings.Contains(out, `"AccountType": "EnterpriseDirectory"`) {
		t.Fatalf("admin create-account: %d %s %s", code, out, stderr)
	}
	out, stderr, code = run(t, "--endpoint-url", url, "--output", "text", "admin", "get-faults", "--query", "length(Rules)")
	if code != 0 || out != "0\n" {
		t.Fatalf("globals before admin get-faults: %d %q %s", code, out, stderr)
	}
	t.Setenv("AWS_ENDPOINT_URL_CHIME", url) // cli.Run reads the process's environment
	_, stderr, code = run(t, "admin", "update-account", "--account-id", "dir-1", "--account-type", "Team")
	if code != 254 || !strings.Contains(stderr, "An error occurred (BadRequestException) when calling the AdminUpdateAccount operation") {
		t.Fatalf("update-account to Team: %d %s", code, stderr)
	}
	resp, err = http.Get(url + "/_chime/metrics")
	if err != nil {
		t.Fatal(err)
	}
	var metrics bytes.Buffer
	metrics.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(metrics.String(), `chime_requests_total{operation="AdminCreateAccount",status="201"} 1`) ||
		!strings.Contains(metrics.String(), "chime_handler_duration_seconds_bucket") {
		t.Fatalf("metrics:\n%s", metrics.String())
	}
	if code := stop(); code != 0 {
		t.Fatalf("server exit code %d", code)
	}
}

func TestServerUsageErrors(t *testing.T) {
	isolate(t)
	if _, stderr, code := run(t, "server", "--store", "mysql://x", "--listen", freeAddr(t)); code != 253 || !strings.Contains(stderr, "--store must be") {
		t.Errorf("bad store: %d %s", code, stderr)
	}
	t.Setenv("CHIME_LOG_LEVEL", "loud")
	if _, stderr, code := run(t, "server"); code != 252 || !strings.Contains(stderr, "--log-level") {
		t.Errorf("bad env value: %d %s", code, stderr)
	}
}

func TestVersionAndHelp(t *testing.T) {
	isolate(t)
	// A test binary has no module version or commit stamped: "dev".
	want := fmt.Sprintf("chime/dev %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if out, _, code := run(t, args...); code != 0 || out != want {
			t.Errorf("%v: %d %q, want %q", args, code, out, want)
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}} {
		out, _, code := run(t, args...)
		for _, want := range []string{"chime server [flags]", "chime bench [flags]", "operations:\n", "  create-user ", "global options:"} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("%v: %d, lacks %q", args, code, want)
			}
		}
	}
	if _, stderr, code := run(t, "--bogus", "server"); code != 252 || !strings.Contains(stderr, "Unknown options: --bogus") {
		t.Errorf("unknown global option: %d %s", code, stderr)
	}
	if _, stderr, code := run(t); code != 252 || !strings.Contains(stderr, "the following arguments are required: command") {
		t.Errorf("no command: %d %s", code, stderr)
	}
}

// TestGlobalOptionValueNamedLikeCommand: a global option's value that
// equals a command's name is the option's value; the command is the word
// after it, and gets the arguments after itself.
func TestGlobalOptionValueNamedLikeCommand(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "export.jsonl")
	if _, stderr, code := run(t, "--query", "export", "export", "--store", "sqlite:"+filepath.Join(dir, "a.db"), "--file", file); code != 0 {
		t.Fatalf("--query export export: %d %s", code, stderr)
	}
	if b, err := os.ReadFile(file); err != nil || !strings.Contains(string(b), `"chime-export"`) {
		t.Fatalf("--query export export wrote %q (%v)", b, err)
	}
	if _, stderr, code := run(t, "--region", "import", "--profile=export", "import", "--store", "sqlite:"+filepath.Join(dir, "b.db"), "--file", file); code != 0 {
		t.Fatalf("--region import --profile=export import: %d %s", code, stderr)
	}
	if out, stderr, code := run(t, "--endpoint-url", "server", "--output", "text", "export", "--store", "sqlite:"+filepath.Join(dir, "b.db")); code != 0 || !strings.Contains(out, `"chime-export"`) {
		t.Fatalf("--endpoint-url server export: %d %q %s", code, out, stderr)
	}
	// A refused value names no command: the option is reported.
	if _, stderr, code := run(t, "--output", "export", "export", "--store", "sqlite:"+filepath.Join(dir, "c.db")); code != 252 || !strings.Contains(stderr, "argument --output") {
		t.Fatalf("--output export export: %d %s", code, stderr)
	}
}

// TestVersionAtLinkTime: a release build sets the version with -ldflags
// -X, which --version prints in the engine's format and the server's
// ready line logs.
func TestVersionAtLinkTime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "chime")
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X github.com/openchime/chime/cli.Version=v9.8.7-test", "../cmd/chime")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if want := fmt.Sprintf("chime/v9.8.7-test %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH); err != nil || string(out) != want {
		t.Fatalf("--version: %v %q, want %q", err, out, want)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "server", "--dev", "--listen", "127.0.0.1:0")
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Wait()
	defer srv.Process.Kill()
	dec := json.NewDecoder(stderr)
	for {
		var rec map[string]any
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("no ready line: %v", err)
		}
		if rec["msg"] == "chime server ready" {
			if rec["version"] != "v9.8.7-test" {
				t.Fatalf("ready line %v", rec)
			}
			return
		}
	}
}

// TestServerHelpDefaults: each flag of `chime server --help` states one
// default; the flag package's own "(default X)" never contradicts the
// text's.
func TestServerHelpDefaults(t *testing.T) {
	isolate(t)
	_, help, code := run(t, "server", "--help")
	if code != 0 {
		t.Fatalf("server --help: %d %s", code, help)
	}
	entries := strings.Split(help, "\n  -")[1:]
	if len(entries) < 20 {
		t.Fatalf("server --help lists %d flags:\n%s", len(entries), help)
	}
	for _, e := range entries {
		name, _, _ := strings.Cut(e, " ")
		if n := strings.Count(e, "(default"); n > 1 {
			t.Errorf("-%s states %d defaults: %s", name, n, e)
		}
		if name == "rate-limit" && !strings.Contains(e, "(default 0 with --dev, else 1000)") {
			t.Errorf("-rate-limit: %s", e)
		}
	}
}

// TestAdminHelp: `chime admin help` (and `chime admin`) lists every
// extension operation named Admin*, and the users-file commands, each as
// a command that runs.
func TestAdminHelp(t *testing.T) {
	isolate(t)
	var want []string
	for _, op := range apispec.All {
		if strings.HasPrefix(op.Name, "Admin") {
			want = append(want, op.Name)
		}
	}
	if len(want) == 0 {
		t.Fatal("apispec.All has no Admin operation")
	}
	// The program's own admin commands, after the operations.
	want = append(want, "import-users", "export-users")
	for _, args := range [][]string{{"admin", "help"}, {"admin"}, {"admin", "--help"}, {"--output", "json", "admin", "help"}} {
		out, stderr, code := run(t, args...)
		if code != 0 || stderr != "" {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
		var listed []string
		for _, line := range strings.Split(out, "\n") {
			if f := strings.Fields(line); len(f) >= 3 && f[0] == "chime" && f[1] == "admin" && !strings.HasPrefix(f[2], "<") {
				listed = append(listed, f[2])
			}
		}
		if len(listed) != len(want) {
			t.Fatalf("%v lists %v, want the %d operations %v:\n%s", args, listed, len(want), want, out)
		}
		for i, name := range listed {
			// Each listed command is one the dispatcher runs: its help
			// names the operation.
			help, stderr, code := run(t, "admin", name, "help")
			if code != 0 || !strings.Contains(help, "admin-"+name) {
				t.Errorf("%v lists %q (for %s), whose help fails: %d %s", args, name, want[i], code, stderr)
			}
		}
	}
}

// TestServerConsoleFlag: the console is on by default, and --console=false
// or CHIME_CONSOLE=false leaves /console/ to the API.
func TestServerConsoleFlag(t *testing.T) {
	isolate(t)
	for _, tc := range []struct {
		name string
		args []string
		env  string
		on   bool
	}{
		{"Default", nil, "", true},
		{"Flag", []string{"--console=false"}, "", false},
		{"Environment", nil, "false", false},
		{"FlagOverEnvironment", []string{"--console=true"}, "false", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("CHIME_CONSOLE", tc.env)
			}
			url, stop := runServer(t, append([]string{"--dev"}, tc.args...)...)
			resp, err := http.Get(url + "/console/signin")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if on := resp.StatusCode == 200 && resp.Header.Get("Content-Security-Policy") != ""; on != tc.on {
				t.Fatalf("console on: %v (%d), want %v", on, resp.StatusCode, tc.on)
			}
			if code := stop(); code != 0 {
				t.Fatalf("server exit code %d", code)
			}
		})
	}
}
