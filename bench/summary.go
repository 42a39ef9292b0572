package bench

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/openchime/chime/apispec"
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
	if len(rep.Operations) > 0 {
		WriteOperations(w, rep)
		fmt.Fprintln(w)
	}
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
		// Each share of the limit the targets state, at 16 clients.
		for _, g := range []struct {
			store, target, workload string
			share                   float64
		}{
			{"SQLite", "chime-sqlite", "CreateUser", 0.50},
			{"SQLite", "chime-sqlite", "GetUser", 0.75},
			{"SQLite", "chime-sqlite", "ListUsers", 0.25},
			{"PostgreSQL", "chime-postgres", "CreateUser", 0.35},
			{"PostgreSQL", "chime-postgres", "GetUser", 0.60},
		} {
			if c, ok := rep.find(g.target, g.workload, 16); ok {
				check(fmt.Sprintf("%s, %s, c=16 >= %.0f%% of the limit", g.workload, g.store, 100*g.share), c.PerSecond >= g.share*l.PerSecond,
					fmt.Sprintf("%.0f%%", 100*c.PerSecond/l.PerSecond))
			}
		}
		if c, ok := rep.find("chime-sqlite", "CreateUser", 16); ok {
			if m, ok := rep.find("moto", "CreateUser", 16); ok && m.PerSecond > 0 {
				check("CreateUser, SQLite, c=16 >= 25x moto", c.PerSecond >= 25*m.PerSecond, fmt.Sprintf("%.1fx", c.PerSecond/m.PerSecond))
			}
		}
	}
	// The mixed workload and each operation alone: an answer other than
	// the operation's success or a modelled 4xx is a failure.
	var failed, sent int64
	for _, r := range append(slices.Clone(rep.Results), rep.Operations...) {
		if r.Workload != "Mixed" && !slices.Contains(rep.operationNames(), r.Workload) {
			continue
		}
		failed += r.Errors - r.Rejected
		sent += r.Requests + r.Errors
	}
	if sent > 0 {
		check("mixed workload and every operation: no failed request (modelled rejections aside)", failed == 0, fmt.Sprintf("%d of %d", failed, sent))
	}
	if c, a := rep.CLIMedianMs["chime"], rep.CLIMedianMs["aws"]; c > 0 && a > 0 {
		check("chime create-user >= 40x faster than aws", a >= 40*c, fmt.Sprintf("%.1fx", a/c))
	}
	if s, ok := rep.StartupMs["chime-sqlite"]; ok {
		check("start-up to healthy < 50 ms", s < 50, fmt.Sprintf("%.1f ms", s))
	}
	if rep.Users >= 1_000_000 {
		// A page's own latency: one client, so that no queue on this
		// machine's two cores is counted as the page's time.
		if l, ok := rep.find("chime-sqlite", "ListUsers", 1); ok {
			check("ListUsers p99 < 10 ms per page with the users loaded (one client)", l.P99Millis < 10, fmt.Sprintf("%.2f ms", l.P99Millis))
		}
		if m := rep.RSSMiB["chime-sqlite"]; m > 0 {
			check("server resident memory < 100 MB", m*1.048576 < 100, fmt.Sprintf("%.0f MiB", m))
		}
	}
}

func micros(v float64) string {
	if v <= 0 {
		return ""
	}
	return fmt.Sprintf("%.0f", v)
}

// operationNames are the names of the operations measured alone.
func (rep *Report) operationNames() []string {
	var names []string
	for _, r := range rep.Operations {
		names = append(names, r.Workload)
	}
	return names
}

// OperationCost is the cost of one operation on one target, per answered
// request (a success or a modelled rejection, which the server also
// decoded, checked and answered).
type OperationCost struct {
	Target, Operation string
	Read              bool
	// Weight is the operation's share of the mixed workload, per
	// thousand requests.
	Weight            int
	PerSecond         float64
	RejectedShare     float64
	ServerCPUMicros   float64
	DatabaseCPUMicros float64
}

// OperationCosts lists the per-operation cells of a report, each target's
// most expensive operation first (by server and database CPU together),
// so that a slow operation heads the list rather than hides in it.
func OperationCosts(rep *Report) []OperationCost {
	var costs []OperationCost
	for _, r := range rep.Operations {
		answered := float64(r.Requests + r.Rejected)
		if answered == 0 {
			answered = 1
		}
		c := OperationCost{Target: r.Target, Operation: r.Workload, Weight: mix[r.Workload].weight, PerSecond: r.PerSecond,
			RejectedShare: float64(r.Rejected) / answered, ServerCPUMicros: r.ServerCPUSeconds * 1e6 / answered,
			DatabaseCPUMicros: r.DatabaseCPUSeconds * 1e6 / answered}
		if op := apispec.Lookup(r.Workload); op != nil {
			c.Read = isRead(op)
		}
		costs = append(costs, c)
	}
	order := map[string]int{} // targets keep the order they were measured in
	for _, c := range costs {
		if _, ok := order[c.Target]; !ok {
			order[c.Target] = len(order)
		}
	}
	slices.SortStableFunc(costs, func(a, b OperationCost) int {
		return cmp.Or(cmp.Compare(order[a.Target], order[b.Target]),
			cmp.Compare(b.ServerCPUMicros+b.DatabaseCPUMicros, a.ServerCPUMicros+a.DatabaseCPUMicros))
	})
	return costs
}

// MixCost is the CPU time per request of the mixed workload predicted from
// the operations alone: their costs weighted by their shares.
func MixCost(costs []OperationCost, target string) (server, database float64) {
	var weights float64
	for _, c := range costs {
		if c.Target == target {
			server += float64(c.Weight) * c.ServerCPUMicros
			database += float64(c.Weight) * c.DatabaseCPUMicros
			weights += float64(c.Weight)
		}
	}
	if weights == 0 {
		return 0, 0
	}
	return server / weights, database / weights
}

// WriteOperations prints the per-operation table: every operation alone,
// with its CPU time per request on the server and on the database.
func WriteOperations(w io.Writer, rep *Report) {
	costs := OperationCosts(rep)
	fmt.Fprintf(w, "each operation alone, %d clients: CPU time per answered request, the most expensive first\n", ProfileConcurrency)
	fmt.Fprintf(w, "%-16s %-44s %-5s %5s %9s %9s %8s %8s\n", "target", "operation", "kind", "‰ mix", "req/s", "rejected", "srv µs", "db µs")
	target := ""
	for _, c := range costs {
		if c.Target != target && target != "" {
			s, d := MixCost(costs, target)
			fmt.Fprintf(w, "%-16s %-44s %-5s %5d %9s %9s %8.0f %8s\n", target, "(mix, weighted from the rows)", "", 1000, "", "", s, micros(d))
		}
		target = c.Target
		kind := "write"
		if c.Read {
			kind = "read"
		}
		rejected := ""
		if c.RejectedShare > 0 {
			rejected = fmt.Sprintf("%.0f%%", 100*c.RejectedShare)
		}
		fmt.Fprintf(w, "%-16s %-44s %-5s %5d %9.0f %9s %8.0f %8s\n", c.Target, c.Operation, kind, c.Weight, c.PerSecond, rejected, c.ServerCPUMicros, micros(c.DatabaseCPUMicros))
	}
	if target != "" {
		s, d := MixCost(costs, target)
		fmt.Fprintf(w, "%-16s %-44s %-5s %5d %9s %9s %8.0f %8s\n", target, "(mix, weighted from the rows)", "", 1000, "", "", s, micros(d))
	}
	fmt.Fprintln(w, "rejected: answered with a modelled 4xx (an association that exists, a number already deleted); req/s counts successes only")
}
