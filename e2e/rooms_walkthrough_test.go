package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRoomsAndBotsWalkthrough runs the commands of docs/rooms-and-bots.md,
// as written: its own server and bot endpoint, and a bot that receives
// its Invite and Remove events with a signature it checks.
func TestRoomsAndBotsWalkthrough(t *testing.T) {
	bash := lookPath(t, "bash", "the walk-through is a shell script")
	doc, err := os.ReadFile("../docs/rooms-and-bots.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "<!-- walkthrough -->\n```sh\n")
	script, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("docs/rooms-and-bots.md has no walk-through block")
	}
	cmd := exec.Command(bash, "-euo", "pipefail", "-c", script)
	cmd.Dir = t.TempDir()
	cmd.Env = cleanEnv(t)
	for i, kv := range cmd.Env {
		if strings.HasPrefix(kv, "PATH=") {
			cmd.Env[i] = "PATH=" + filepath.Dir(binary) + ":" + strings.TrimPrefix(kv, "PATH=")
		}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(cmd.Dir, "server.log"))
		t.Fatalf("the walk-through failed: %v\n%s\nserver log:\n%s", err, out, log)
	}
	for _, want := range []string{`"Verified":true`, `"EventType":"Invite"`, "helper (Bot)", "lead@example.com", `"RetentionDays": 90`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the walk-through's output has no %s:\n%s", want, out)
		}
	}
	events, _ := os.ReadFile(filepath.Join(cmd.Dir, "bot-events.jsonl"))
	if !strings.Contains(string(events), `"EventType":"Remove"`) || strings.Contains(string(events), `"Verified":false`) {
		t.Errorf("the bot's events:\n%s", events)
	}
}
