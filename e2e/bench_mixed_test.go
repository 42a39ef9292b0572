package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
)

// TestBenchMixedWorkload runs `chime bench` briefly (one round, a few
// clients, a fraction of a second a cell): its mixed workload sets up
// accounts, users, numbers, rooms and bots on a development server and
// sends every implemented operation. Every request must come back as the
// operation's success or a modelled 4xx, and every operation must appear
// in the per-operation table. It asserts no timing.
func TestBenchMixedWorkload(t *testing.T) {
	out := t.TempDir()
	cmd := exec.Command(binary, "bench", "--duration", "100ms", "--rounds", "1", "--concurrency", "4",
		"--op-duration", "50ms", "--cli-runs", "0", "--no-moto", "--out", out)
	cmd.Dir = out
	cmd.Env = cleanEnv(t)
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("chime bench: %v\n%s", err, stdout)
	}
	if !strings.Contains(string(stdout), "hold  mixed workload and every operation: no failed request") {
		t.Errorf("a request of the mixed workload failed:\n%s", stdout)
	}
	b, err := os.ReadFile(filepath.Join(out, "bench.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Results, Operations []struct {
			Target, Workload           string
			Requests, Errors, Rejected int64
		}
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	mixed := false
	for _, r := range rep.Results {
		if r.Workload == "Mixed" {
			mixed = true
			if r.Requests == 0 || r.Errors != r.Rejected {
				t.Errorf("mixed workload on %s: %d requests, %d errors of which %d modelled", r.Target, r.Requests, r.Errors, r.Rejected)
			}
		}
	}
	if !mixed {
		t.Error("no mixed workload in bench.json")
	}
	answered := map[string]bool{}
	for _, r := range rep.Operations {
		if r.Errors != r.Rejected {
			t.Errorf("%s on %s: %d errors, %d of them modelled", r.Workload, r.Target, r.Errors, r.Rejected)
		}
		answered[r.Workload] = r.Requests+r.Rejected > 0
	}
	for _, op := range apispec.Implemented() {
		if !op.IsExtension() && !answered[op.Name] {
			t.Errorf("%s was not answered in the per-operation table", op.Name)
		}
	}
}
