package bench

import (
	"fmt"
	"io"
	"maps"
	"slices"
)

// find returns the result of a target, workload and concurrency.
func (rep *Report) find(target, workload string, c int) (Result, bool) {
	for _, r := range rep.Results {
		if r.Target == target && r.Workload == workload && r.Concurrency == c {
			return r, true
		}
	}
	return Result{}, false
}

// WriteTable prints every figure with the ratios the targets are stated in.
func WriteTable(w io.Writer, rep *Report) {
	fmt.Fprintf(w, "\n%-16s %-11s %5s %10s %9s %9s %7s %8s %8s %8s %8s\n", "target", "workload", "conc", "req/s", "p50 ms", "p99 ms", "errors", "/limit", "/moto",
		"srv µs", "gen µs")
	for _, r := range rep.Results {
		ratio, vsMoto := "", ""
		if l, ok := rep.find("limit", "trivial", r.Concurrency); ok && r.Target != "limit" && l.PerSecond > 0 {
			ratio = fmt.Sprintf("%.0f%%", 100*r.PerSecond/l.PerSecond)
		}
		if m, ok := rep.find("moto", "CreateUser", r.Concurrency); ok && r.Workload == "CreateUser" && r.Target != "moto" && m.PerSecond > 0 {
			vsMoto = fmt.Sprintf("%.1fx", r.PerSecond/m.PerSecond)
		}
		fmt.Fprintf(w, "%-16s %-11s %5d %10.0f %9.2f %9.2f %7d %8s %8s %8s %8s\n", r.Target, r.Workload, r.Concurrency, r.PerSecond,
			r.P50Millis, r.P99Millis, r.Errors, ratio, vsMoto, micros(r.ServerCPUMicros), micros(r.GeneratorCPUMicros))
	}
	fmt.Fprintf(w, "each row: the median of %d round(s); srv µs, gen µs: CPU time per request of the server process and of the generator\n", max(rep.Rounds, 1))
	fmt.Fprintln(w)
	for _, k := range slices.Sorted(maps.Keys(rep.StartupMs)) {
		fmt.Fprintf(w, "start-up to healthy, %-16s %8.1f ms\n", k, rep.StartupMs[k])
	}
	for _, k := range slices.Sorted(maps.Keys(rep.RSSMiB)) {
		fmt.Fprintf(w, "server resident memory, %-13s %8.1f MiB\n", k, rep.RSSMiB[k])
	}
	if c, ok := rep.CLIMedianMs["chime"]; ok {
		fmt.Fprintf(w, "create-user, chime command line %8.1f ms (median)\n", c)
		if a, ok := rep.CLIMedianMs["aws"]; ok && c > 0 {
			fmt.Fprintf(w, "create-user, aws command line   %8.1f ms (median): aws / chime = %.1fx\n", a, a/c)
		}
	}
	fmt.Fprintln(w)
	check := func(name string, ok bool, detail string) {
		verdict := "MISS"
		if ok {
			verdict = "hold"
		}
		fmt.Fprintf(w, "%-4s  %s (%s)\n", verdict, name, detail)
	}
	if l, ok := rep.find("limit", "trivial", 16); ok {
		if c, ok := rep.find("chime-sqlite", "CreateUser", 16); ok {
			check("CreateUser, SQLite, c=16 >= 50% of the limit", c.PerSecond >= 0.5*l.PerSecond, fmt.Sprintf("%.0f%%", 100*c.PerSecond/l.PerSecond))
			if m, ok := rep.find("moto", "CreateUser", 16); ok && m.PerSecond > 0 {
				check("CreateUser, SQLite, c=16 >= 25x moto", c.PerSecond >= 25*m.PerSecond, fmt.Sprintf("%.1fx", c.PerSecond/m.PerSecond))
			}
		}
		if g, ok := rep.find("chime-sqlite", "GetUser", 16); ok {
			check("GetUser, c=16 >= 70% of the limit", g.PerSecond >= 0.7*l.PerSecond, fmt.Sprintf("%.0f%%", 100*g.PerSecond/l.PerSecond))
		}
	}
	if c, a := rep.CLIMedianMs["chime"], rep.CLIMedianMs["aws"]; c > 0 && a > 0 {
		check("chime create-user >= 40x faster than aws", a >= 40*c, fmt.Sprintf("%.1fx", a/c))
	}
	if s, ok := rep.StartupMs["chime-sqlite"]; ok {
		check("start-up to healthy < 100 ms", s < 100, fmt.Sprintf("%.1f ms", s))
	}
	if rep.Users >= 1_000_000 {
		// A page's own latency: one client, so that no queue on this
		// machine's two cores is counted as the page's time.
		if l, ok := rep.find("chime-sqlite", "ListUsers", 1); ok {
			check("ListUsers p99 < 10 ms per page with the users loaded (one client)", l.P99Millis < 10, fmt.Sprintf("%.2f ms", l.P99Millis))
		}
		if m := rep.RSSMiB["chime-sqlite"]; m > 0 {
			check("server resident memory < 150 MB", m*1.048576 < 150, fmt.Sprintf("%.0f MiB", m))
		}
	}
}

func micros(v float64) string {
	if v <= 0 {
		return ""
	}
	return fmt.Sprintf("%.0f", v)
}
