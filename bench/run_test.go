package bench

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A server that exits before it is ready fails its start at once, with
// what it wrote to its error output, not after the 30 s wait.
func TestStartOfAServerThatExits(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh:", err)
	}
	addr, err := freeAddr()
	if err != nil {
		t.Fatal(err)
	}
	begin := time.Now()
	p, _, err := start("sh", []string{"-c", "echo unknown flag --lisen >&2; exit 2"}, "http://"+addr+"/")
	if err == nil {
		p.stop()
		t.Fatal("the start succeeded")
	}
	if !strings.Contains(err.Error(), "unknown flag --lisen") || !strings.Contains(err.Error(), "exit status 2") {
		t.Errorf("the error %q does not carry the server's output and exit status", err)
	}
	if d := time.Since(begin); d > 10*time.Second {
		t.Errorf("the start failed after %v", d)
	}
}

// head keeps only the first bytes of what is written to it.
func TestHeadKeepsTheFirstBytes(t *testing.T) {
	h := &head{max: 5}
	for _, s := range []string{"abc", "defg", "hij"} {
		if n, err := h.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if string(h.b) != "abcde" {
		t.Errorf("kept %q, want %q", h.b, "abcde")
	}
}
