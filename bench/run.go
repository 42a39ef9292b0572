package bench

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// Options configure a benchmark run.
type Options struct {
	// Binary is the chime executable to start servers with.
	Binary string
	// Duration is the measuring time of each cell.
	Duration time.Duration
	// Concurrency lists the concurrencies to measure.
	Concurrency []int
	// PostgresURL, when set, adds chime on PostgreSQL (in a schema of its own).
	PostgresURL string
	// Users preloads the benchmark account with this many users first.
	Users int
	// Out is the folder for bench.json and bench.svg.
	Out string
	// CLIRuns is how many times each command line runs (0: skip).
	CLIRuns int
	// Moto is moto_server's path ("" to skip).
	Moto string
	// AWS is the AWS CLI's path ("" to skip its timing).
	AWS string
	// Profile, when set, is a folder that receives a CPU profile of the
	// chime server during each workload at ProfileConcurrency (first round).
	Profile string
	// Rounds is how many times each cell is measured; the table shows the
	// median round.
	Rounds int
	// OpDuration is the measuring time of each operation alone, at
	// ProfileConcurrency clients, for the per-operation table (0: no
	// table).
	OpDuration time.Duration
}

// ProfileConcurrency is the concurrency whose workloads are profiled: the
// one the targets are stated at.
const ProfileConcurrency = 16

// Report is everything one run measured.
type Report struct {
	Date        string             `json:"date"`
	Users       int                `json:"preloaded_users"`
	Rounds      int                `json:"rounds"`
	Results     []Result           `json:"results"`
	StartupMs   map[string]float64 `json:"startup_ms"`
	CLIMedianMs map[string]float64 `json:"cli_median_ms"`
	RSSMiB      map[string]float64 `json:"server_rss_mib"`
	// Operations are the per-operation cells: every operation of the
	// mixed workload alone, on each store.
	Operations []Result `json:"operations,omitempty"`
}

const benchAccount = "12a3456b-7c89-012d-3456-78901e23fg45"

// process is a server the benchmark started.
type process struct {
	cmd *exec.Cmd
	url string
	// exited receives the process's end, once.
	exited chan error
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// start runs a server command and waits until probe answers 2xx; it
// returns the time that took. A server that exits before it answers (a
// flag it does not know, a port taken) fails the start at once, with its
// error output.
func start(name string, args []string, probe string) (*process, time.Duration, error) {
	begin := time.Now()
	cmd := exec.Command(name, args...)
	stderr := &head{max: 4 << 10}
	cmd.Stdout, cmd.Stderr = io.Discard, stderr
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	p := &process{cmd: cmd, exited: make(chan error, 1)}
	go func() { p.exited <- cmd.Wait() }()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		select {
		case err := <-p.exited:
			return nil, 0, fmt.Errorf("%s exited before it was ready (%v): %s", name, err, bytes.TrimSpace(stderr.b))
		default:
		}
		resp, err := http.Get(probe)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 300 {
				return p, time.Since(begin), nil
			}
		}
	}
	p.stop()
	return nil, 0, fmt.Errorf("%s did not become ready", name)
}

// head keeps the first max bytes written to it and drops the rest: a
// server's error output says why it did not start, and what it writes
// while it runs (moto logs every request) is not kept.
type head struct {
	b   []byte
	max int
}

func (h *head) Write(p []byte) (int, error) {
	h.b = append(h.b, p[:min(len(p), h.max-len(h.b))]...)
	return len(p), nil
}

func (p *process) stop() {
	p.cmd.Process.Kill()
	<-p.exited
}

// rssMiB reads the resident memory of a process from /proc.
func rssMiB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// target is one server the generator measures, with its workloads.
type target struct {
	name string // "limit", "chime-sqlite", "chime-postgres", "chime-postgres-2nodes", "moto"
	proc *process
	// more are the target's other server processes (a second node).
	more []*process
	// dbCPU reads the CPU time of the database backends serving the
	// target (nil: not measured).
	dbCPU func() time.Duration
	// fx holds the ids the mixed workload and the per-operation cells
	// act on (chime targets only).
	fx        *fixture
	base      string // http://host:port
	pprofAddr string // chime with --profile only
	workloads []workload
}

// Run measures everything and writes the report. Every server runs for
// the whole run, and the cells are measured in rounds: each round measures
// every target at every concurrency, one after the other, so that the
// limit and chime are measured side by side, under the same conditions of
// the machine; each cell's figure is its median round.
func Run(ctx context.Context, o Options, w io.Writer) (*Report, error) {
	rep := &Report{Date: time.Now().UTC().Format(time.RFC3339), Users: o.Users, Rounds: max(o.Rounds, 1),
		StartupMs: map[string]float64{}, CLIMedianMs: map[string]float64{}, RSSMiB: map[string]float64{}}
	work, err := os.MkdirTemp("", "chime-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	gen := NewGenerator("test", "test")
	say := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	var targets []*target
	defer func() {
		for _, t := range targets {
			t.proc.stop()
			for _, p := range t.more {
				p.stop()
			}
		}
	}()

	// The machine's limit: a trivial handler, the same generator.
	addr, _ := freeAddr()
	trivial, _, err := start(o.Binary, []string{"bench-trivial", "--listen", addr}, "http://"+addr+"/")
	if err != nil {
		return nil, err
	}
	// It is sent what a CreateUser is sent, and answers what it answers.
	trivialRequest := operationRequest("http://"+addr, createUser, map[string]any{"AccountId": benchAccount, "Email": "x@example.com"})
	targets = append(targets, &target{name: "limit", proc: trivial, base: "http://" + addr, workloads: []workload{{"trivial",
		func(int, int64) Request { return trivialRequest }}}})

	// chime on SQLite, and on PostgreSQL when given.
	type store struct {
		name, spec string
		dbCPU      func() time.Duration
	}
	stores := []store{{name: "sqlite", spec: "sqlite:" + filepath.Join(work, "bench.db")}}
	if o.PostgresURL != "" {
		spec, drop, err := freshSchema(ctx, o.PostgresURL)
		if err != nil {
			return nil, err
		}
		defer drop()
		// The server's connections carry a name of their own, so that
		// the database's CPU time for them can be told from other
		// clients'.
		spec, appName := withApplicationName(spec)
		read, closeDB, err := backendCPU(ctx, o.PostgresURL, appName)
		if err != nil {
			return nil, err
		}
		defer closeDB()
		stores = append(stores, store{"postgres", spec, read})
	}
	for _, st := range stores {
		if o.Users > 0 {
			say("loading %d users into %s ...", o.Users, st.name)
			t := time.Now()
			if err := preload(ctx, st.spec, o.Users); err != nil {
				return nil, err
			}
			say("loaded in %v", time.Since(t).Round(time.Millisecond))
		}
		addr, _ := freeAddr()
		args := []string{"server", "--dev", "--store", st.spec, "--listen", addr, "--log-level", "error"}
		pprofAddr := ""
		if o.Profile != "" {
			pprofAddr, _ = freeAddr()
			args = append(args, "--pprof", pprofAddr)
		}
		srv, startup, err := start(o.Binary, args, "http://"+addr+"/_chime/health")
		if err != nil {
			return nil, err
		}
		t := &target{name: "chime-" + st.name, proc: srv, base: "http://" + addr, pprofAddr: pprofAddr, dbCPU: st.dbCPU}
		targets = append(targets, t)
		rep.StartupMs[t.name] = float64(startup.Microseconds()) / 1000
		userID, tokens, err := prepare(ctx, gen.Client(t.base))
		if err != nil {
			return nil, err
		}
		say("setting up the mixed workload on %s ...", st.name)
		if t.fx, err = setupFixture(ctx, gen.Client(t.base), benchAccount); err != nil {
			return nil, err
		}
		t.workloads = append(chimeWorkloads(t.base, userID, tokens), mixedWorkload(t.base, t.fx))
		if st.name == "postgres" {
			// A second node on the same database: the mixed workload
			// shared between two server processes, as a load balancer
			// shares it, on this machine's two cores.
			addr2, _ := freeAddr()
			srv2, _, err := start(o.Binary, []string{"server", "--dev", "--store", st.spec, "--listen", addr2, "--log-level", "error"}, "http://"+addr2+"/_chime/health")
			if err != nil {
				return nil, err
			}
			t2 := &target{name: "chime-postgres-2nodes", proc: srv2, more: []*process{srv}, base: "http://" + addr2, dbCPU: st.dbCPU, fx: t.fx}
			targets = append(targets, t2)
			// Its clock joins the first node's, which the setup moved
			// past the orders' delay.
			if _, err := gen.Client(t2.base).Call(ctx, "AdminAdvanceClock", map[string]any{"AdvanceMillis": setupClockAdvance}); err != nil {
				return nil, err
			}
			one, two := mixedWorkload(t.base, t.fx), mixedWorkload(t2.base, t.fx)
			t2.workloads = []workload{{"Mixed", func(w int, i int64) Request {
				if w%2 == 0 {
					return one.next(w, i)
				}
				return two.next(w, i)
			}}}
		}
	}

	// The peer: moto's IAM CreateUser, the closest operation it has.
	if o.Moto != "" {
		addr, _ := freeAddr()
		host, port, _ := net.SplitHostPort(addr)
		moto, startup, err := start(o.Moto, []string{"-H", host, "-p", port}, "http://"+addr+"/moto-api/")
		if err != nil {
			say("moto: %v (skipped)", err)
		} else {
			rep.StartupMs["moto"] = float64(startup.Microseconds()) / 1000
			targets = append(targets, &target{name: "moto", proc: moto, base: "http://" + addr, workloads: []workload{{"CreateUser",
				func(w int, i int64) Request {
					return Request{Method: "POST", URL: "http://" + addr + "/", Service: "iam", Want: 200,
						Body: []byte("Action=CreateUser&Version=2010-05-08&UserName=" + url.QueryEscape(fmt.Sprintf("u%d", names.Add(1))))}
				}}}})
		}
	}

	rounds := map[string][]Result{}
	key := func(t *target, wl workload, c int) string { return fmt.Sprintf("%s/%s/%d", t.name, wl.name, c) }
	for round := 1; round <= rep.Rounds; round++ {
		if rep.Rounds > 1 {
			say("round %d of %d", round, rep.Rounds)
		}
		for _, c := range o.Concurrency {
			for _, t := range targets {
				for _, wl := range t.workloads {
					var profiled chan error
					if t.pprofAddr != "" && c == ProfileConcurrency && round == 1 {
						file := filepath.Join(o.Profile, fmt.Sprintf("cpu-%s-%s-c%d.pprof", t.name, wl.name, c))
						profiled = make(chan error, 1)
						go func() { profiled <- captureCPUProfile(t.pprofAddr, o.Duration, file) }()
					}
					r := gen.run(ctx, t.name, wl.name, c, o.Duration, t.serverCPU, t.dbCPU, wl.next)
					if profiled != nil {
						if err := <-profiled; err != nil {
							say("profile: %v", err)
						}
					}
					rounds[key(t, wl, c)] = append(rounds[key(t, wl, c)], r)
					say("%-15s %-10s c=%-3d %8s req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d", t.name, wl.name, c,
						fmtRate(r.PerSecond), r.P50Millis, r.P99Millis, r.Errors)
				}
			}
		}
	}
	// Every operation alone, one after the other, so that each one's CPU
	// time per request is its own.
	for _, t := range targets {
		if t.fx == nil || o.OpDuration <= 0 || t.more != nil {
			continue
		}
		say("each operation alone on %s, %d clients, %v each ...", t.name, ProfileConcurrency, o.OpDuration)
		for _, op := range mixOperations() {
			wl := opWorkload(t.base, t.fx, op)
			r := gen.run(ctx, t.name, wl.name, ProfileConcurrency, o.OpDuration, t.serverCPU, t.dbCPU, wl.next)
			rep.Operations = append(rep.Operations, r)
		}
	}
	for _, t := range targets {
		for _, wl := range t.workloads {
			for _, c := range o.Concurrency {
				rep.Results = append(rep.Results, median(rounds[key(t, wl, c)]))
			}
		}
		if strings.HasPrefix(t.name, "chime-") && t.more == nil {
			rep.RSSMiB[t.name] = rssMiB(t.proc.cmd.Process.Pid)
			// What the resident memory holds: the heap's live objects
			// and, with -sample_index=alloc_space, where it grew.
			if t.pprofAddr != "" {
				file := filepath.Join(o.Profile, fmt.Sprintf("heap-%s.pprof", t.name))
				if err := captureProfile("http://"+t.pprofAddr+"/debug/pprof/heap", file); err != nil {
					say("profile: %v", err)
				}
			}
		}
		if o.CLIRuns > 0 && t.name == "chime-sqlite" {
			rep.CLIMedianMs["chime"] = cliMedian(o.Binary, nil, t.base, o.CLIRuns, "chime")
			if o.AWS != "" {
				rep.CLIMedianMs["aws"] = cliMedian(o.AWS, []string{"chime"}, t.base, o.CLIRuns, "aws")
			}
		}
	}
	if o.Out != "" {
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return nil, err
		}
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(filepath.Join(o.Out, "bench.json"), b, 0o644); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(o.Out, "bench.svg"), []byte(Chart(rep)), 0o644); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// serverCPU is the CPU time the target's server processes have used.
func (t *target) serverCPU() time.Duration {
	cpu := processCPU(t.proc.cmd.Process.Pid)
	for _, p := range t.more {
		cpu += processCPU(p.cmd.Process.Pid)
	}
	return cpu
}

// withApplicationName names the connections of a PostgreSQL URL, and
// returns the URL and the name.
func withApplicationName(spec string) (string, string) {
	u, err := url.Parse(spec)
	if err != nil {
		return spec, ""
	}
	q := u.Query()
	name := "chime-bench-" + q.Get("search_path")
	q.Set("application_name", name)
	u.RawQuery = q.Encode()
	return u.String(), name
}

// captureCPUProfile asks the server for a CPU profile of the next d (whole
// seconds; it covers the generator's warm-up and most of the measured
// time) and writes it to file.
func captureCPUProfile(addr string, d time.Duration, file string) error {
	seconds := int(d.Seconds())
	if seconds < 1 {
		seconds = 1
	}
	return captureProfile(fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, seconds), file)
}

// captureProfile saves the profile a pprof URL answers into file.
func captureProfile(url, file string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", file, resp.Status)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// median returns the round with the median throughput (of an even
// number, the lower of the middle two), with the throughput of every round.
func median(rs []Result) Result {
	sorted := slices.Clone(rs)
	slices.SortFunc(sorted, func(a, b Result) int { return cmp.Compare(a.PerSecond, b.PerSecond) })
	m := sorted[(len(sorted)-1)/2] // of two, the lower
	m.RoundsPerSecond = nil
	for _, r := range rs {
		m.RoundsPerSecond = append(m.RoundsPerSecond, math.Round(r.PerSecond))
	}
	return m
}

// names numbers the users the benchmark creates, so that no name repeats
// between a warm-up and its run.
var names atomic.Int64

type workload struct {
	name string
	next func(worker int, i int64) Request
}

// The operations of the workloads.
var (
	createUser = apispec.Lookup("CreateUser")
	getUser    = apispec.Lookup("GetUser")
	listUsers  = apispec.Lookup("ListUsers")
)

// chimeWorkloads are the single-operation workloads of a chime server at
// base that the targets are stated in (the mixed workload is
// mixedWorkload). The reads
// are laid out once (a page request for each token); each CreateUser
// request has an e-mail address of its own.
func chimeWorkloads(base, userID string, tokens []string) []workload {
	create := func(w int, i int64) Request {
		return operationRequest(base, createUser, map[string]any{"AccountId": benchAccount, "Email": fmt.Sprintf("bench-%d@example.com", names.Add(1))})
	}
	getRequest := operationRequest(base, getUser, map[string]any{"AccountId": benchAccount, "UserId": userID})
	get := func(int, int64) Request { return getRequest }
	pages := []Request{operationRequest(base, listUsers, map[string]any{"AccountId": benchAccount, "MaxResults": 100})}
	if len(tokens) > 0 {
		pages = pages[:0]
		for _, t := range tokens {
			pages = append(pages, operationRequest(base, listUsers, map[string]any{"AccountId": benchAccount, "MaxResults": 100, "NextToken": t}))
		}
	}
	list := func(_ int, i int64) Request { return pages[int(i)%len(pages)] }
	return []workload{
		{"CreateUser", create},
		{"GetUser", get},
		{"ListUsers", list},
	}
}

// prepare creates the user GetUser reads and enough users for pages of
// 100, and collects NextTokens to spread ListUsers over the account.
func prepare(ctx context.Context, c *client.Client) (string, []string, error) {
	var id string
	for i := 0; i < 250; i++ {
		resp, err := c.Call(ctx, "CreateUser", map[string]any{"AccountId": benchAccount,
			"Email": fmt.Sprintf("seed-%d-%d@example.com", time.Now().UnixNano(), i)})
		if err != nil {
			return "", nil, fmt.Errorf("seeding users: %v", err)
		}
		if id == "" {
			var out struct{ User struct{ UserId string } }
			json.Unmarshal(resp.Body, &out)
			id = out.User.UserId
		}
	}
	var tokens []string
	input := map[string]any{"AccountId": benchAccount, "MaxResults": 100}
	for len(tokens) < 50 {
		resp, err := c.Call(ctx, "ListUsers", input)
		if err != nil {
			return "", nil, fmt.Errorf("listing users: %v", err)
		}
		var page struct{ NextToken string }
		json.Unmarshal(resp.Body, &page)
		if page.NextToken == "" {
			break
		}
		tokens = append(tokens, page.NextToken)
		input["NextToken"] = page.NextToken
	}
	return id, tokens, nil
}

// cliMedian runs `create-user` through a command line n times and returns
// the median wall time in milliseconds.
func cliMedian(bin string, prefix []string, endpoint string, n int, tag string) float64 {
	var times []float64
	for i := 0; i < n; i++ {
		args := append(append([]string{}, prefix...), "create-user", "--account-id", benchAccount,
			"--email", fmt.Sprintf("cli-%s-%d-%d@example.com", tag, time.Now().UnixNano(), i), "--endpoint-url", endpoint, "--region", "us-east-1")
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=test", "AWS_SECRET_ACCESS_KEY=test", "AWS_PAGER=")
		t := time.Now()
		if err := cmd.Run(); err != nil {
			return 0
		}
		times = append(times, float64(time.Since(t).Microseconds())/1000)
	}
	sort.Float64s(times)
	return times[len(times)/2]
}

// preload loads the benchmark account and n users into the store through
// the store's import (batches of 500 in a transaction), not through HTTP.
func preload(ctx context.Context, spec string, n int) error {
	var s *sqlstore.Store
	var err error
	if path, ok := strings.CutPrefix(spec, "sqlite:"); ok {
		s, err = sqlite.Open(ctx, path, sqlstore.Options{})
	} else {
		s, err = postgres.Open(ctx, spec, postgres.DefaultPool(), sqlstore.Options{})
	}
	if err != nil {
		return err
	}
	defer s.Close()
	return PreloadUsers(ctx, s, benchAccount, "EnterpriseDirectory", n)
}

// PreloadUsers loads an account of the development AWS account and n
// users in it through the store's import (transactions of many rows, as
// `chime import` writes them): the users' ids end in their number, their
// addresses are preloaded-N@example.com. Benchmarks of large accounts use
// it; loading them through the API would take most of the run.
func PreloadUsers(ctx context.Context, s *sqlstore.Store, accountID, accountType string, n int) error {
	now := time.Now().UnixMilli()
	i := -2
	_, err := s.Import(ctx, func() (sqlstore.Record, bool, error) {
		i++
		switch {
		case i == -1:
			return sqlstore.Record{Type: sqlstore.RecordHeader, Format: sqlstore.ExportFormat, Version: sqlstore.ExportVersion}, true, nil
		case i == 0:
			return sqlstore.Record{Type: sqlstore.RecordAccount, Account: &sqlstore.AccountRecord{AwsAccountID: "000000000000",
				ID: accountID, Name: "Bench", Type: accountType, CreatedAt: now, DefaultLicense: "Pro",
				SupportedLicenses: []string{"Basic", "Pro"}, Status: "Active", SigninDelegateGroups: []string{}}}, true, nil
		case i <= n:
			reg := now
			return sqlstore.Record{Type: sqlstore.RecordUser, User: &sqlstore.UserRecord{AwsAccountID: "000000000000",
				AccountID: accountID, ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Email: fmt.Sprintf("preloaded-%d@example.com", i),
				DisplayName: fmt.Sprintf("User %d", i), License: "Pro", Type: "PrivateUser", Registration: "Registered",
				RegisteredOn: &reg, PersonalPIN: fmt.Sprintf("%010d", i)}}, true, nil
		}
		return sqlstore.Record{}, false, nil
	}, nil)
	return err
}
