package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/internal/pgtest"
)

// BenchmarkCLICreateUser times one whole `create-user` command, process
// start to exit, for chime's command line and for the AWS CLI against the
// same server: run with -bench CLICreateUser -benchtime 20x.
func BenchmarkCLICreateUser(b *testing.B) {
	s := startServerB(b)
	for _, tool := range []struct{ name, path string }{{"chime", binary}, {"aws", "aws"}} {
		b.Run(tool.name, func(b *testing.B) {
			path, err := exec.LookPath(tool.path)
			if err != nil {
				b.Skipf("%s is not installed", tool.path)
			}
			for i := 0; b.Loop(); i++ {
				cmd := exec.Command(path, "chime", "create-user", "--account-id", "12a3456b-7c89-012d-3456-78901e23fg45",
					"--email", fmt.Sprintf("%s-%d@example.com", tool.name, i), "--user-type", "SharedDevice",
					"--endpoint-url", s.url, "--region", "us-east-1")
				if tool.name == "chime" {
					cmd.Args = append(cmd.Args[:1], cmd.Args[2:]...) // chime create-user, not chime chime create-user
				}
				cmd.Env = cleanEnv(b)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
			}
		})
	}
}

// startServerB is startServer for a benchmark.
func startServerB(b *testing.B, args ...string) *server {
	s := &server{t: b, args: append([]string{"server", "--listen", freePort(b), "--log-format", "text", "--log-level", "error", "--dev"}, args...)}
	s.url = "http://" + s.args[2]
	s.start()
	b.Cleanup(func() { s.cmd.Process.Kill(); s.cmd.Wait() })
	return s
}

// BenchmarkNodes measures CreateUser and GetUser through real server
// processes with 16 concurrent SDK clients: SQLite, PostgreSQL with one
// node, and PostgreSQL with two nodes sharing the load. Run with
// -bench Nodes -benchtime 3000x (PostgreSQL needs CHIME_TEST_POSTGRES_URL).
func BenchmarkNodes(b *testing.B) {
	setups := []struct {
		name  string
		nodes func(b *testing.B) []*server
	}{
		{"sqlite", func(b *testing.B) []*server {
			return []*server{startServerB(b, "--store", "sqlite:"+filepath.Join(b.TempDir(), "bench.db"))}
		}},
		{"postgres-1node", func(b *testing.B) []*server {
			return []*server{startServerB(b, "--store", pgtest.Schema(b))}
		}},
		{"postgres-2nodes", func(b *testing.B) []*server {
			url := pgtest.Schema(b)
			return []*server{startServerB(b, "--store", url), startServerB(b, "--store", url)}
		}},
	}
	for _, setup := range setups {
		b.Run(setup.name, func(b *testing.B) {
			nodes := setup.nodes(b)
			var clients []*awschime.Client
			for _, n := range nodes {
				clients = append(clients, sdkClient(n.url, "test", "test"))
			}
			var seq atomic.Int64
			b.Run("CreateUser", func(b *testing.B) {
				runParallel(b, 16, func(worker int) error {
					i := seq.Add(1)
					_, err := clients[worker%len(clients)].CreateUser(context.Background(), &awschime.CreateUserInput{
						AccountId: aws.String(crashAccount), Email: aws.String(fmt.Sprintf("bench%d@example.com", i))})
					return err
				})
			})
			out, err := clients[0].CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(crashAccount), Email: aws.String("get@example.com")})
			if err != nil {
				b.Fatal(err)
			}
			b.Run("GetUser", func(b *testing.B) {
				runParallel(b, 16, func(worker int) error {
					_, err := clients[worker%len(clients)].GetUser(context.Background(), &awschime.GetUserInput{
						AccountId: aws.String(crashAccount), UserId: out.User.UserId})
					return err
				})
			})
		})
	}
}

// runParallel spreads b.N calls over n workers and reports requests per second.
func runParallel(b *testing.B, n int, call func(worker int) error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for next.Add(1) <= int64(b.N) {
				if err := call(w); err != nil {
					b.Error(err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// TestBenchCommand runs `chime bench` briefly: every part runs and the
// table, JSON and chart are written.
func TestBenchCommand(t *testing.T) {
	out := t.TempDir()
	cmd := exec.Command(binary, "bench", "--duration", "200ms", "--rounds", "2", "--concurrency", "1,4", "--cli-runs", "1", "--no-moto", "--users", "500", "--out", out)
	cmd.Env = cleanEnv(t)
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	for _, want := range []string{"limit            trivial", "chime-sqlite     CreateUser", "chime-sqlite     ListUsers", "start-up to healthy, chime-sqlite", "create-user, chime command line"} {
		if !strings.Contains(string(stdout), want) {
			t.Errorf("the table lacks %q:\n%s", want, stdout)
		}
	}
	var rep struct {
		Users   int `json:"preloaded_users"`
		Results []struct {
			Requests int64 `json:"requests"`
			Errors   int64 `json:"errors"`
			// Rejected are the errors that are modelled refusals (the
			// mixed workload meets some: a number already deleted).
			Rejected int64     `json:"rejected"`
			Rounds   []float64 `json:"rounds_per_second"`
		} `json:"results"`
	}
	b, err := os.ReadFile(filepath.Join(out, "bench.json"))
	if err != nil || json.Unmarshal(b, &rep) != nil || rep.Users != 500 || len(rep.Results) != 2+4*2 {
		t.Fatalf("bench.json: %v %s", err, b)
	}
	for i, r := range rep.Results {
		if r.Requests == 0 || r.Errors != r.Rejected || len(r.Rounds) != 2 {
			t.Errorf("result %d: %d requests, %d errors of which %d modelled, rounds %v", i, r.Requests, r.Errors, r.Rejected, r.Rounds)
		}
	}
	if svg, err := os.ReadFile(filepath.Join(out, "bench.svg")); err != nil || !strings.Contains(string(svg), "<polyline") {
		t.Fatalf("bench.svg: %v", err)
	}
}
