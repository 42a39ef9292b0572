package cli_test

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/cli"
)

// healthcheck runs `chime healthcheck args...` in-process with none of
// its CHIME_* variables set, and returns its exit code and output.
func healthcheck(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	for _, k := range []string{"CHIME_URL", "CHIME_TIMEOUT", "CHIME_NO_VERIFY_SSL"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	var out, errOut bytes.Buffer
	code = cli.Run(context.Background(), append([]string{"healthcheck"}, args...), nil, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHealthcheck(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ok", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"Status":"ok"}`))
	})
	mux.HandleFunc("GET /down", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("{\"Status\":\"unavailable\",\n\"Reason\":\"the store does not answer\"}\n"))
	})
	mux.HandleFunc("GET /moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusFound)
	})
	release := make(chan struct{})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)
	tlsSrv := httptest.NewUnstartedServer(mux)
	// The refused handshake is the point of a case, not news for the log.
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	// A closed server's address: nothing listens there any more.
	gone := httptest.NewServer(mux)
	gone.Close()

	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   string // a substring, "" for no output
		stderr   string // a substring, "" for no output
		maxTaken time.Duration
	}{
		{name: "OK", args: []string{"--url", srv.URL + "/ok"}, code: 0, stdout: "healthy: " + srv.URL + "/ok: 200 OK"},
		{name: "ServiceUnavailable", args: []string{"--url", srv.URL + "/down"}, code: 1,
			stderr: `unhealthy: ` + srv.URL + `/down: 503 Service Unavailable {"Status":"unavailable", "Reason":"the store does not answer"}`},
		{name: "NotFound", args: []string{"--url", srv.URL + "/nothing"}, code: 1, stderr: "404 Not Found"},
		{name: "RedirectIsNotHealth", args: []string{"--url", srv.URL + "/moved"}, code: 1, stderr: "302 Found"},
		{name: "ConnectionRefused", args: []string{"--url", gone.URL + "/ok"}, code: 1, stderr: "connection refused"},
		{name: "Timeout", args: []string{"--url", srv.URL + "/slow", "--timeout", "200ms"}, code: 1,
			stderr: "no answer within 200ms", maxTaken: 5 * time.Second},
		{name: "TLSUnverified", args: []string{"--url", tlsSrv.URL + "/ok"}, code: 1, stderr: "certificate"},
		{name: "TLSNoVerify", args: []string{"--url", tlsSrv.URL + "/ok", "--no-verify-ssl"}, code: 0, stdout: "200 OK"},
		{name: "BadURL", args: []string{"--url", "::not a url"}, code: 1, stderr: "missing protocol scheme"},
		{name: "ZeroTimeout", args: []string{"--timeout", "0s"}, code: 252, stderr: "--timeout must be more than 0"},
		{name: "UnexpectedArgument", args: []string{"extra"}, code: 252, stderr: `unexpected argument "extra"`},
		{name: "UnknownFlag", args: []string{"--nope"}, code: 252, stderr: "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			code, stdout, stderr := healthcheck(t, tc.args...)
			if tc.maxTaken > 0 && time.Since(start) > tc.maxTaken {
				t.Errorf("took %v, more than %v", time.Since(start), tc.maxTaken)
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d; stdout %q, stderr %q", code, tc.code, stdout, stderr)
			}
			check := func(name, got, want string) {
				if want == "" && got != "" || !strings.Contains(got, want) {
					t.Errorf("%s = %q, want it to contain %q", name, got, want)
				}
			}
			check("stdout", stdout, tc.stdout)
			check("stderr", stderr, tc.stderr)
			// A health check's reason is one line, as a runtime's health
			// log shows it.
			if code == 1 && strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", stderr)
			}
		})
	}
}

// The URL comes from CHIME_URL when --url is not given, as every flag
// has an environment variable.
func TestHealthcheckURLFromEnvironment(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/_chime/health" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	isolate(t)
	t.Setenv("CHIME_URL", srv.URL+"/_chime/health")
	var out, errOut bytes.Buffer
	if code := cli.Run(context.Background(), []string{"healthcheck"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
}

// Against a real `chime server` on its default path: healthy while it
// runs, unhealthy once it stopped.
func TestHealthcheckServer(t *testing.T) {
	isolate(t)
	url, stop := runServer(t, "--dev")
	if code, _, stderr := healthcheck(t, "--url", url+"/_chime/health"); code != 0 {
		t.Fatalf("running server: exit %d: %s", code, stderr)
	}
	if code := stop(); code != 0 {
		t.Fatalf("server exit %d", code)
	}
	if code, _, stderr := healthcheck(t, "--url", url+"/_chime/health"); code != 1 || !strings.Contains(stderr, "connection refused") {
		t.Fatalf("stopped server: exit %d, stderr %q", code, stderr)
	}
}
