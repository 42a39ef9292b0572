package bench

import (
	"strings"
	"testing"
)

func TestTableAndChart(t *testing.T) {
	rep := &Report{Date: "2026-11-28T00:00:00Z", Users: 1_000_000,
		Results: []Result{
			{Target: "limit", Workload: "trivial", Concurrency: 16, PerSecond: 10000},
			{Target: "chime-sqlite", Workload: "CreateUser", Concurrency: 16, PerSecond: 6000},
			{Target: "chime-sqlite", Workload: "GetUser", Concurrency: 16, PerSecond: 6000},
			{Target: "chime-sqlite", Workload: "ListUsers", Concurrency: 1, PerSecond: 500, P99Millis: 4},
			{Target: "moto", Workload: "CreateUser", Concurrency: 16, PerSecond: 200},
		},
		StartupMs:   map[string]float64{"chime-sqlite": 40},
		CLIMedianMs: map[string]float64{"chime": 20, "aws": 1000},
		RSSMiB:      map[string]float64{"chime-sqlite": 40},
	}
	var b strings.Builder
	WriteTable(&b, rep)
	out := b.String()
	for _, want := range []string{
		"hold  CreateUser, SQLite, c=16 >= 50% of the limit (60%)",
		"hold  CreateUser, SQLite, c=16 >= 25x moto (30.0x)",
		"MISS  GetUser, c=16 >= 70% of the limit (60%)",
		"hold  chime create-user >= 40x faster than aws (50.0x)",
		"hold  ListUsers p99 < 10 ms per page with the users loaded (one client) (4.00 ms)",
		"hold  server resident memory < 150 MB (40 MiB)",
		"aws / chime = 50.0x",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	svg := Chart(rep)
	if strings.Count(svg, "<polyline") != 5 || strings.Count(svg, "<circle") != 5 || !strings.HasPrefix(svg, "<svg") {
		t.Errorf("chart:\n%s", svg)
	}
}

func TestMedianRound(t *testing.T) {
	rounds := []Result{{PerSecond: 300, P99Millis: 3}, {PerSecond: 100, P99Millis: 1}, {PerSecond: 200, P99Millis: 2}}
	m := median(rounds)
	if m.PerSecond != 200 || m.P99Millis != 2 || len(m.RoundsPerSecond) != 3 || m.RoundsPerSecond[0] != 300 {
		t.Fatalf("median of three: %+v", m)
	}
	if m := median(rounds[:2]); m.PerSecond != 100 {
		t.Fatalf("median of two is the lower: %+v", m)
	}
}
