package bench

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestTableAndChart(t *testing.T) {
	rep := &Report{Date: "2026-11-28T00:00:00Z", Users: 1_000_000,
		Results: []Result{
			{Target: "limit", Workload: "trivial", Concurrency: 16, PerSecond: 10000},
			{Target: "chime-sqlite", Workload: "CreateUser", Concurrency: 16, PerSecond: 6000},
			{Target: "chime-sqlite", Workload: "GetUser", Concurrency: 16, PerSecond: 6000},
			{Target: "chime-sqlite", Workload: "ListUsers", Concurrency: 16, PerSecond: 2000},
			{Target: "chime-postgres", Workload: "CreateUser", Concurrency: 16, PerSecond: 3000},
			{Target: "chime-postgres", Workload: "GetUser", Concurrency: 16, PerSecond: 6500},
			{Target: "chime-sqlite", Workload: "Mixed", Concurrency: 16, PerSecond: 5000, Errors: 3, Rejected: 3},
			{Target: "chime-sqlite", Workload: "ListUsers", Concurrency: 1, PerSecond: 500, P99Millis: 4},
			{Target: "moto", Workload: "CreateUser", Concurrency: 16, PerSecond: 200},
		},
		StartupMs: map[string]float64{"chime-sqlite": 40},
		Operations: []Result{
			{Target: "chime-sqlite", Workload: "GetUser", PerSecond: 9000, Requests: 9000, ServerCPUSeconds: 0.9},
			{Target: "chime-sqlite", Workload: "DeletePhoneNumber", PerSecond: 10, Requests: 10, Errors: 990, Rejected: 990, ServerCPUSeconds: 0.05},
		},
		CLIMedianMs: map[string]float64{"chime": 20, "aws": 1000},
		RSSMiB:      map[string]float64{"chime-sqlite": 40},
	}
	var b strings.Builder
	WriteTable(&b, rep)
	out := b.String()
	for _, want := range []string{
		"hold  CreateUser, SQLite, c=16 >= 50% of the limit (60%)",
		"hold  CreateUser, SQLite, c=16 >= 25x moto (30.0x)",
		"MISS  GetUser, SQLite, c=16 >= 75% of the limit (60%)",
		"MISS  ListUsers, SQLite, c=16 >= 25% of the limit (20%)",
		"MISS  CreateUser, PostgreSQL, c=16 >= 35% of the limit (30%)",
		"hold  GetUser, PostgreSQL, c=16 >= 60% of the limit (65%)",
		"hold  mixed workload and every operation: no failed request (modelled rejections aside) (0 of 10003)",
		"hold  start-up to healthy < 50 ms (40.0 ms)",
		"hold  chime create-user >= 40x faster than aws (50.0x)",
		"hold  ListUsers p99 < 10 ms per page with the users loaded (one client) (4.00 ms)",
		"hold  server resident memory < 100 MB (40 MiB)",
		"aws / chime = 50.0x",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	svg := Chart(rep)
	if strings.Count(svg, "<polyline") != 8 || strings.Count(svg, "<circle") != 9 || !strings.HasPrefix(svg, "<svg") {
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

// TestOperationTable: each operation's CPU time is per answered request
// (successes and modelled rejections), the most expensive first, and the
// weighted mix is computed from the rows.
func TestOperationTable(t *testing.T) {
	rep := &Report{Operations: []Result{
		{Target: "chime-sqlite", Workload: "GetUser", PerSecond: 1000, Requests: 1000, ServerCPUSeconds: 0.1},
		{Target: "chime-sqlite", Workload: "CreateUser", PerSecond: 500, Requests: 500, ServerCPUSeconds: 0.2},
		{Target: "chime-postgres", Workload: "GetUser", PerSecond: 800, Requests: 800, ServerCPUSeconds: 0.08, DatabaseCPUSeconds: 0.04},
		{Target: "chime-postgres", Workload: "DeletePhoneNumber", Requests: 100, Errors: 300, Rejected: 300, ServerCPUSeconds: 0.02},
	}}
	costs := OperationCosts(rep)
	var got []string
	for _, c := range costs {
		got = append(got, fmt.Sprintf("%s %s %.0f %.0f %.2f %v", c.Target, c.Operation, c.ServerCPUMicros, c.DatabaseCPUMicros, c.RejectedShare, c.Read))
	}
	want := []string{
		"chime-sqlite CreateUser 400 0 0.00 false",
		"chime-sqlite GetUser 100 0 0.00 true",
		"chime-postgres GetUser 100 50 0.00 true",
		"chime-postgres DeletePhoneNumber 50 0 0.75 false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("costs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	srv, db := MixCost(costs, "chime-postgres")
	wg, wd := float64(mix["GetUser"].weight), float64(mix["DeletePhoneNumber"].weight)
	if want := (wg*100 + wd*50) / (wg + wd); math.Abs(srv-want) > 1e-9 || math.Abs(db-wg*50/(wg+wd)) > 1e-9 {
		t.Errorf("mix cost %.3f, %.3f; want %.3f", srv, db, want)
	}
	var b strings.Builder
	WriteOperations(&b, rep)
	for _, line := range []string{"chime-sqlite     CreateUser", "(mix, weighted from the rows)", "75%"} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("the table lacks %q:\n%s", line, b.String())
		}
	}
}
