// Package e2e drives the built chime binary as a separate process with the
// real clients: the AWS CLI and boto3 where they are installed (the tests
// say why when they skip), aws-sdk-go-v2, and headless Chromium for the
// console. It also kills the process to check that acknowledged writes
// survive.
package e2e

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
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/internal/testenv"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "chime-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "chime")
	build := exec.Command("go", "build", "-o", binary, "../cmd/chime")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building chime:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// server is a running chime process. Started on port 0, it binds a free
// port itself, and url is read from its ready line at each start: no port
// is picked here and bound there later, which another process could take
// in between.
type server struct {
	t    testing.TB
	cmd  *exec.Cmd
	url  string
	args []string
	logs *logBuffer
}

// logBuffer collects a process's output while the test reads it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// readyAddress is the address=... of the server's ready line, or "".
var readyAddress = regexp.MustCompile(`msg="chime server ready" address=(\S+)`)

// freePort is for benchmarks that quiet the server's log, so that no ready
// line tells the address.
func freePort(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs `chime server --listen <free port> args...` and waits
// until it is healthy.
func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	s := &server{t: t, args: append([]string{"server", "--listen", "127.0.0.1:0", "--log-format", "text"}, args...)}
	startWith(t, s, http.DefaultClient)
	return s
}

// startWith starts s and stops it when the test ends.
func startWith(t *testing.T, s *server, client *http.Client) {
	s.startWith(client)
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
		if t.Failed() {
			t.Logf("server log:\n%s", s.logs.String())
		}
	})
}

func (s *server) start() { s.startWith(http.DefaultClient) }

// startWith starts the process and waits for health, asking with client.
func (s *server) startWith(client *http.Client) {
	s.t.Helper()
	s.logs = &logBuffer{}
	s.cmd = exec.Command(binary, s.args...)
	s.cmd.Stdout, s.cmd.Stderr = s.logs, s.logs
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	dynamic := slices.Contains(s.args, "127.0.0.1:0")
	if dynamic {
		s.url = ""
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if s.url == "" {
			if m := readyAddress.FindStringSubmatch(s.logs.String()); m != nil {
				s.url = m[1]
			} else {
				time.Sleep(20 * time.Millisecond)
				continue
			}
		}
		resp, err := client.Get(s.url + "/_chime/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("server did not become healthy; log:\n%s", s.logs.String())
}

// kill sends a signal and waits for the process to end.
func (s *server) kill(sig syscall.Signal) error {
	s.cmd.Process.Signal(sig)
	return s.cmd.Wait()
}

// cleanEnv is the environment of a client process: no configuration of
// the machine's user leaks in.
func cleanEnv(t testing.TB, extra ...string) []string {
	home := t.TempDir()
	env := []string{
		"HOME=" + home, "PATH=" + os.Getenv("PATH"),
		"AWS_CONFIG_FILE=" + filepath.Join(home, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(home, "credentials"),
		"AWS_ACCESS_KEY_ID=test", "AWS_SECRET_ACCESS_KEY=test",
	}
	for _, k := range []string{"PYTHONPATH", "PYENV_ROOT", "PYENV_VERSION", "LANG"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return append(env, extra...)
}

func sdkClient(url, akid, secret string) *awschime.Client {
	return awschime.New(awschime.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(url), Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider(akid, secret, ""),
	})
}

func lookPath(t *testing.T, name, why string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		testenv.Missing(t, "%s is not installed: %s", name, why)
	}
	return p
}

// The seed's example, verbatim, with the AWS CLI.
func TestSeedExampleWithAWSCLI(t *testing.T) {
	awsCLI := lookPath(t, "aws", "the seed example runs with the AWS CLI")
	s := startServer(t, "--dev")
	cmd := exec.Command(awsCLI, "chime", "create-user",
		"--account-id", "12a3456b-7c89-012d-3456-78901e23fg45",
		"--email", "roomdevice@example.com",
		"--user-type", "SharedDevice",
		"--endpoint-url", s.url, "--region", "us-east-1")
	cmd.Env = cleanEnv(t)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	// The printed keys, in order, are the seed's.
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(out))
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' {
				depth++
			} else if v == '}' {
				depth--
			}
		case string:
			if depth == 2 && dec.More() {
				keys = append(keys, v)
				var skip json.RawMessage
				dec.Decode(&skip)
			}
		}
	}
	want := "[UserId AccountId PrimaryEmail DisplayName LicenseType UserType UserRegistrationStatus RegisteredOn AlexaForBusinessMetadata]"
	if fmt.Sprint(keys) != want {
		t.Errorf("keys %v\nwant %s\n%s", keys, want, out)
	}
	var resp struct {
		User map[string]any
	}
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatal(err)
	}
	u := resp.User
	for k, v := range map[string]any{
		"AccountId": "12a3456b-7c89-012d-3456-78901e23fg45", "PrimaryEmail": "roomdevice@example.com",
		"DisplayName": "Room Device", "LicenseType": "Pro", "UserType": "SharedDevice", "UserRegistrationStatus": "Registered",
	} {
		if u[k] != v {
			t.Errorf("%s = %v, want %v", k, u[k], v)
		}
	}
	if a4b, _ := u["AlexaForBusinessMetadata"].(map[string]any); a4b["IsAlexaForBusinessEnabled"] != false || len(a4b) != 1 {
		t.Errorf("AlexaForBusinessMetadata = %v", u["AlexaForBusinessMetadata"])
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", fmt.Sprint(u["RegisteredOn"])); err != nil {
		t.Errorf("RegisteredOn %v: %v", u["RegisteredOn"], err)
	}
}

func TestAWSCLIErrorsAndQueries(t *testing.T) {
	awsCLI := lookPath(t, "aws", "this test checks the AWS CLI's view of errors")
	s := startServer(t, "--dev")
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(awsCLI, append(append([]string{"chime"}, args...), "--endpoint-url", s.url, "--region", "us-east-1")...)
		cmd.Env = cleanEnv(t)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		return stdout.String(), stderr.String(), code
	}
	out, _, code := run("create-account", "--name", "Team A", "--query", "Account.AccountType", "--output", "text")
	if code != 0 || strings.TrimSpace(out) != "Team" {
		t.Fatalf("create-account: %d %q", code, out)
	}
	out, _, _ = run("list-accounts", "--name", "Team", "--query", "Accounts[0].AccountId", "--output", "text")
	team := strings.TrimSpace(out)
	_, stderr, code := run("create-user", "--account-id", team, "--email", "valid@email.com")
	if code == 0 || !strings.Contains(stderr, "An error occurred (BadRequestException) when calling the CreateUser operation: Service received a bad request") {
		t.Errorf("create-user on Team: %d %q", code, stderr)
	}
	out, _, code = run("invite-users", "--account-id", team, "--user-email-list", "a@example.com", "b@example.com",
		"--query", "Invites[].Status", "--output", "text")
	if code != 0 || strings.Fields(out)[0] != "Pending" {
		t.Errorf("invite-users: %d %q", code, out)
	}
	out, _, code = run("list-users", "--account-id", team, "--page-size", "1", "--query", "length(Users)")
	if code != 0 || strings.TrimSpace(out) != "2" {
		t.Errorf("list-users auto-pagination over pages of 1: %d %q", code, out)
	}
	_, stderr, code = run("get-user", "--account-id", team, "--user-id", "nobody")
	if code == 0 || !strings.Contains(stderr, "(NotFoundException)") {
		t.Errorf("get-user: %d %q", code, stderr)
	}
	out, _, code = run("delete-account", "--account-id", "12a3456b-7c89-012d-3456-78901e23fg45")
	if code != 0 || out != "" {
		t.Errorf("delete-account of the empty example account: %d %q", code, out)
	}
}

func TestBoto3AllOperations(t *testing.T) {
	python := lookPath(t, "python3", "the boto3 test is a Python script")
	if err := exec.Command(python, "-c", "import boto3").Run(); err != nil {
		testenv.Missing(t, "boto3 is not importable: skipping the boto3 end-to-end test")
	}
	s := startServer(t, "--dev", "--deletion-retention", "2s")
	admin := exec.Command(binary, "admin", "create-account", "--name", "LWA", "--account-type", "EnterpriseLWA", "--endpoint-url", s.url)
	admin.Env = cleanEnv(t)
	created, err := admin.Output()
	if err != nil {
		t.Fatalf("chime admin create-account: %v", err)
	}
	var acct struct {
		Account struct{ AccountId, AccountType string }
	}
	if err := json.Unmarshal(created, &acct); err != nil || acct.Account.AccountType != "EnterpriseLWA" {
		t.Fatalf("chime admin create-account printed %s (%v)", created, err)
	}
	cmd := exec.Command(python, "testdata/boto3_all_operations.py", s.url, acct.Account.AccountId)
	cmd.Env = cleanEnv(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	_, list, ok := strings.Cut(string(out), "boto3 operations: ")
	var used []string
	if !ok || json.Unmarshal([]byte(list), &used) != nil {
		t.Fatalf("unexpected output:\n%s", out)
	}
	for _, op := range apiOperations() {
		if !slices.Contains(used, op.Name) {
			t.Errorf("the boto3 script does not call %s", op.Name)
		}
	}
}

// apiOperations are the implemented operations of the Chime API, which
// the end-to-end tests must each cover (the extensions are not in the SDKs).
func apiOperations() []*apispec.Operation {
	var ops []*apispec.Operation
	for _, op := range apispec.Implemented() {
		if !op.IsExtension() {
			ops = append(ops, op)
		}
	}
	return ops
}

// Users acknowledged with 201 survive kill -9; SIGTERM exits cleanly.
func TestAcknowledgedWritesSurviveKill(t *testing.T) {
	store := "sqlite:" + filepath.Join(t.TempDir(), "chime.db")
	s := startServer(t, "--dev", "--store", store)
	ctx := context.Background()
	var ids []string
	for round := 0; round < 3; round++ {
		c := sdkClient(s.url, "test", "test")
		for i := 0; i < 5; i++ {
			out, err := c.CreateUser(ctx, &awschime.CreateUserInput{AccountId: aws.String("12a3456b-7c89-012d-3456-78901e23fg45"),
				Email: aws.String(fmt.Sprintf("r%d-u%d@example.com", round, i))})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, aws.ToString(out.User.UserId))
		}
		s.kill(syscall.SIGKILL)
		s.start()
		c = sdkClient(s.url, "test", "test")
		for _, id := range ids {
			if _, err := c.GetUser(ctx, &awschime.GetUserInput{AccountId: aws.String("12a3456b-7c89-012d-3456-78901e23fg45"), UserId: aws.String(id)}); err != nil {
				t.Fatalf("round %d: user %s lost after kill -9: %v", round, id, err)
			}
		}
	}
	if err := s.kill(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	if !strings.Contains(s.logs.String(), "stopped") {
		t.Errorf("no graceful stop in the log:\n%s", s.logs.String())
	}
}

func TestCredentialsFileAndTenancy(t *testing.T) {
	file := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(file, []byte("[alpha]\naws_access_key_id = AKIDALPHA\naws_secret_access_key = alpha-secret\naws_account_id = 111122223333\n\n"+
		"[beta]\naws_access_key_id = AKIDBETA\naws_secret_access_key = beta-secret\naws_account_id = 444455556666\n"), 0o600)
	s := startServer(t, "--store", "memory", "--credentials", file)
	ctx := context.Background()
	alpha := sdkClient(s.url, "AKIDALPHA", "alpha-secret")
	out, err := alpha.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Alpha")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Account.AwsAccountId) != "111122223333" {
		t.Errorf("AwsAccountId %s", aws.ToString(out.Account.AwsAccountId))
	}
	beta := sdkClient(s.url, "AKIDBETA", "beta-secret")
	if _, err := beta.GetAccount(ctx, &awschime.GetAccountInput{AccountId: out.Account.AccountId}); err == nil || !strings.Contains(err.Error(), "NotFoundException") {
		t.Errorf("another tenant reads the account: %v", err)
	}
	if _, err := sdkClient(s.url, "test", "test").ListAccounts(ctx, &awschime.ListAccountsInput{}); err == nil || !strings.Contains(err.Error(), "ForbiddenException") {
		t.Errorf("the development pair is accepted beside a credentials file: %v", err)
	}
	if _, err := sdkClient(s.url, "AKIDALPHA", "wrong").ListAccounts(ctx, &awschime.ListAccountsInput{}); err == nil || !strings.Contains(err.Error(), "ForbiddenException") {
		t.Errorf("a wrong secret is accepted: %v", err)
	}
}

func TestRefusesPublicListenWithoutCredentials(t *testing.T) {
	cmd := exec.Command(binary, "server", "--listen", "0.0.0.0:0", "--store", "memory")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "needs --credentials FILE") {
		t.Fatalf("%v\n%s", err, out)
	}
	cmd = exec.Command(binary, "server", "--listen", "0.0.0.0:0", "--dev")
	out, err = cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "loopback only") {
		t.Fatalf("--dev on a public address: %v\n%s", err, out)
	}
}
