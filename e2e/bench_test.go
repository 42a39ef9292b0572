package e2e

import (
	"fmt"
	"os/exec"
	"testing"
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
func startServerB(b *testing.B) *server {
	s := &server{t: b, args: []string{"server", "--listen", freePort(b), "--log-format", "text", "--log-level", "error", "--dev"}}
	s.url = "http://" + s.args[2]
	s.start()
	b.Cleanup(func() { s.cmd.Process.Kill(); s.cmd.Wait() })
	return s
}
