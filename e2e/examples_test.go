package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/internal/testenv"
)

// The examples/ suites a user copies into their own project: each is
// copied out of the repository, as a user would, and run there against
// the built binary (given by CHIME_BIN, as their READMEs say). The Go
// example runs in place with the module's own tests.

// copyExample copies examples/<name> into a new directory, without
// installed dependencies, and returns it.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "examples", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == "node_modules" || d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func runExample(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = cleanEnv(t, "CHIME_BIN="+binary)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	t.Logf("%s %s:\n%s", name, strings.Join(args, " "), lastLines(string(out), 5))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// TestPythonExample runs examples/python with pytest and boto3, with the
// first Python that has both (Debian's python3-pytest and python3-boto3
// give /usr/bin/python3 both).
func TestPythonExample(t *testing.T) {
	var python string
	for _, candidate := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(candidate)
		if err == nil && exec.Command(p, "-c", "import pytest, boto3").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		testenv.Missing(t, "no Python with pytest and boto3: skipping examples/python (apt-get install python3-pytest python3-boto3)")
	}
	runExample(t, copyExample(t, "python"), python, "-m", "pytest", "-q", "-p", "no:cacheprovider")
}

// TestNodeExample installs examples/node's locked dependencies with npm ci
// and runs it with node --test.
func TestNodeExample(t *testing.T) {
	npm := lookPath(t, "npm", "examples/node installs the AWS SDK for JavaScript with npm")
	node := lookPath(t, "node", "examples/node runs with node --test")
	dir := copyExample(t, "node")
	runExample(t, dir, npm, "ci", "--no-audit", "--no-fund")
	runExample(t, dir, node, "--test")
}
