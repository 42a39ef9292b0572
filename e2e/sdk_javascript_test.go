package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/openchime/chime/apispec"
)

// The AWS SDK for JavaScript v3 (@aws-sdk/client-chime) runs from js/,
// with Node's own test runner, one test file per server: the operations,
// paging and retries each start from a fresh server, so that no file sees
// another's accounts, numbers or faults.

// jsDir holds package.json, the committed package-lock.json and the tests.
const jsDir = "js"

// lockStamp, inside node_modules, holds the hash of the package-lock.json
// that node_modules was installed from: a different lock file means the
// installed packages are stale.
const lockStamp = "node_modules/.chime-lock-sha256"

var npmOnce struct {
	sync.Once
	err error
	out []byte
}

// nodeReady skips (or fails, where clients are required) without node and
// npm, and installs the locked packages with `npm ci` when node_modules is
// missing or was installed from another lock file. npm ci fetches from
// the registry; it runs at most once per test binary.
func nodeReady(t *testing.T) string {
	t.Helper()
	node := lookPath(t, "node", "the JavaScript SDK tests run on Node.js")
	npm := lookPath(t, "npm", "the JavaScript SDK is installed with npm ci")
	lock, err := os.ReadFile(filepath.Join(jsDir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(lock)
	want := hex.EncodeToString(sum[:])
	npmOnce.Do(func() {
		if got, err := os.ReadFile(filepath.Join(jsDir, lockStamp)); err == nil && strings.TrimSpace(string(got)) == want {
			return
		}
		// The machine's own npm configuration (registry, proxy, cache)
		// applies, unlike the clean environment the tests run in.
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = jsDir
		npmOnce.out, npmOnce.err = cmd.CombinedOutput()
		if npmOnce.err == nil {
			npmOnce.err = os.WriteFile(filepath.Join(jsDir, lockStamp), []byte(want+"\n"), 0o644)
		}
	})
	if npmOnce.err != nil {
		t.Fatalf("npm ci in e2e/%s: %v\n%s", jsDir, npmOnce.err, npmOnce.out)
	}
	return node
}

// jsReport is what a test file did, as lib.mjs writes it.
type jsReport struct {
	Succeeded []string
	Errors    map[string][]string
	// ErrorCases counts the calls checked to fail with a modelled error.
	ErrorCases int
	Paged      []string
	Retries    []json.RawMessage
}

// runJS runs one test file against s and returns its report. extra adds
// to the environment.
func runJS(t *testing.T, s *server, file string, extra ...string) jsReport {
	t.Helper()
	node := nodeReady(t)
	var names []string
	for _, op := range apiOperations() {
		names = append(names, op.Name)
	}
	reportFile := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(node, "--test", "--test-reporter=spec", file)
	cmd.Dir = jsDir
	cmd.Env = cleanEnv(t, append([]string{
		"CHIME_ENDPOINT=" + s.url, "CHIME_BIN=" + binary, "CHIME_JS_REPORT=" + reportFile,
		"CHIME_OPERATIONS=" + strings.Join(names, ","),
		// The SDK warns that its releases after January 2027 need Node 22;
		// the locked release runs on older ones.
		"AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true",
	}, extra...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("node --test %s: %v\n%s", file, err, out.String())
	}
	t.Logf("node --test %s:\n%s", file, out.String())
	var r jsReport
	data, err := os.ReadFile(reportFile)
	if err != nil {
		t.Fatalf("%s wrote no report: %v", file, err)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: report %s: %v", file, data, err)
	}
	return r
}

// checkCoverage fails for each implemented operation of the Chime API
// that the suite never called successfully, and for each operation with
// input that it never sent a wrong one, and for anything called that
// apispec does not implement.
func checkCoverage(t *testing.T, suite string, succeeded []string, errors map[string][]string) {
	t.Helper()
	names := map[string]bool{}
	for _, op := range apiOperations() {
		names[op.Name] = true
		if !slices.Contains(succeeded, op.Name) {
			t.Errorf("the %s suite never calls %s successfully", suite, op.Name)
		}
		if op.Input != nil && len(op.Input.Members) > 0 && len(errors[op.Name]) == 0 {
			t.Errorf("the %s suite never gets a modelled error from %s", suite, op.Name)
		}
	}
	for _, op := range succeeded {
		if !names[op] {
			t.Errorf("the %s suite calls %s, which apispec does not implement", suite, op)
		}
	}
}

// pagedOperations are the operations that take a NextToken: each suite
// follows every one of them across pages.
func pagedOperations() []*apispec.Operation {
	var ops []*apispec.Operation
	for _, op := range apiOperations() {
		if op.Input != nil && op.Input.MemberNamed("NextToken") != nil {
			ops = append(ops, op)
		}
	}
	return ops
}

func checkPaging(t *testing.T, suite string, paged []string) {
	t.Helper()
	for _, op := range pagedOperations() {
		if !slices.Contains(paged, op.Name) {
			t.Errorf("the %s suite never follows the pages of %s", suite, op.Name)
		}
	}
}

func TestJSSDKOperations(t *testing.T) {
	nodeReady(t)
	s := startServer(t, "--dev", "--deletion-retention", "2s")
	r := runJS(t, s, "operations.test.mjs")
	checkCoverage(t, "JavaScript", r.Succeeded, r.Errors)
	t.Logf("JavaScript SDK: %d operations succeeded; %d error cases, over %d operations", len(r.Succeeded), r.ErrorCases, len(r.Errors))
}

func TestJSSDKPaging(t *testing.T) {
	nodeReady(t)
	s := startServer(t, "--dev")
	r := runJS(t, s, "paging.test.mjs")
	checkPaging(t, "JavaScript", r.Paged)
	t.Logf("JavaScript SDK: followed the pages of %d operations", len(r.Paged))
}

// The retries run against two servers: one whose faults the test file
// sets for itself through `chime admin put-faults`, and one that throttles
// every access key to 4 requests a second with a burst of 1.
func TestJSSDKRetries(t *testing.T) {
	nodeReady(t)
	s := startServer(t, "--dev")
	throttled := startServer(t, "--dev", "--rate-limit", "4", "--rate-burst", "1")
	r := runJS(t, s, "retries.test.mjs", "CHIME_THROTTLED_ENDPOINT="+throttled.url)
	if len(r.Retries) == 0 {
		t.Fatal("no retry case ran")
	}
	for _, c := range r.Retries {
		t.Logf("JavaScript SDK retry case: %s", c)
	}
}
