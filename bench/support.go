package bench

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/openchime/chime/internal/randid"
)

// freshSchema makes a schema of the run's own on the PostgreSQL database
// and returns a URL that uses it, and a function that drops it.
func freshSchema(ctx context.Context, base string) (string, func(), error) {
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	name := "chime_bench_" + randid.UUID()[:8]
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+name); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("postgres: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		db.Close()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		db.ExecContext(context.Background(), "DROP SCHEMA "+name+" CASCADE")
		db.Close()
	}, nil
}

// Chart draws throughput against concurrency, one line per target and
// workload, as a self-contained SVG.
func Chart(rep *Report) string {
	type key struct{ target, workload string }
	series := map[key][]Result{}
	var keys []key
	maxRate, concs := 1.0, map[int]bool{}
	for _, r := range rep.Results {
		k := key{r.Target, r.Workload}
		if _, ok := series[k]; !ok {
			keys = append(keys, k)
		}
		series[k] = append(series[k], r)
		maxRate = math.Max(maxRate, r.PerSecond)
		concs[r.Concurrency] = true
	}
	var cs []int
	for c := range concs {
		cs = append(cs, c)
	}
	sort.Ints(cs)
	const w, h, left, top, bottom, right = 900, 520, 70, 30, 50, 260
	plotW, plotH := float64(w-left-right), float64(h-top-bottom)
	x := func(c int) float64 {
		for i, v := range cs {
			if v == c {
				if len(cs) == 1 {
					return left + plotW/2
				}
				return left + plotW*float64(i)/float64(len(cs)-1)
			}
		}
		return left
	}
	y := func(r float64) float64 { return top + plotH*(1-r/maxRate) }
	colors := []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", w, h)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", w, h)
	fmt.Fprintf(&b, `<text x="%d" y="18" font-size="14">Throughput (requests/s) against concurrency — %s, %d preloaded users</text>`+"\n", left, rep.Date, rep.Users)
	for i := 0; i <= 5; i++ {
		rate := maxRate * float64(i) / 5
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" text-anchor="end">%.0f</text>`+"\n",
			left, y(rate), w-right, y(rate), left-6, y(rate)+4, rate)
	}
	for _, c := range cs {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", x(c), h-bottom+18, c)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">concurrent clients</text>`+"\n", left+plotW/2, h-10)
	for i, k := range keys {
		color := colors[i%len(colors)]
		var pts []string
		for _, r := range series[k] {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(r.Concurrency), y(r.PerSecond)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`+"\n", x(r.Concurrency), y(r.PerSecond), color)
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", color, strings.Join(pts, " "))
		ly := top + 16*i
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="3"/><text x="%d" y="%d">%s %s</text>`+"\n",
			w-right+12, ly, w-right+32, ly, color, w-right+38, ly+4, k.target, k.workload)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// processCPU is the user and system CPU time a process has used so far,
// from /proc (0 where there is none, or for pid 0).
func processCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after its closing parenthesis. utime and stime are fields 14 and 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of /proc's CPU times: 100 on every
// Linux architecture Go runs on.
const clockTicks = 100

// selfCPU is the CPU time this process has used so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
