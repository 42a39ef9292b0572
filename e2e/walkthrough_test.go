package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPhoneNumberWalkthrough runs the commands of docs/phone-numbers.md,
// as written, against a development server: the walk-through stays true.
func TestPhoneNumberWalkthrough(t *testing.T) {
	bash := lookPath(t, "bash", "the walk-through is a shell script")
	doc, err := os.ReadFile("../docs/phone-numbers.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "<!-- walkthrough -->\n```sh\n")
	script, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("docs/phone-numbers.md has no walk-through block")
	}
	s := startServer(t, "--dev")
	cmd := exec.Command(bash, "-euo", "pipefail", "-c", script)
	cmd.Env = cleanEnv(t, "AWS_ENDPOINT_URL_CHIME="+s.url)
	for i, kv := range cmd.Env {
		if strings.HasPrefix(kv, "PATH=") {
			cmd.Env[i] = "PATH=" + filepath.Dir(binary) + ":" + strings.TrimPrefix(kv, "PATH=")
		}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the walk-through failed: %v\n%s", err, out)
	}
	for _, want := range []string{"+12065550100", "Unassigned", "released", "NotFoundException"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the walk-through's output has no %q:\n%s", want, out)
		}
	}
}
