package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/openchime/chime/bench"
	"github.com/openchime/chime/cli/awscli"
)

// runBench is `chime bench`: the whole benchmark in one run.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chime bench", stderr)
	duration := fs.Duration("duration", 2*time.Second, "measuring time of each workload at each concurrency, per round (env CHIME_DURATION)")
	rounds := fs.Int("rounds", 3, "times each workload is measured at each concurrency, interleaved with the other targets; the table shows the median (env CHIME_ROUNDS)")
	conc := fs.String("concurrency", "1,16,64", "concurrencies to measure, comma-separated (env CHIME_CONCURRENCY)")
	pg := fs.String("postgres", "", "also measure chime on this PostgreSQL database, in a schema of its own (env CHIME_POSTGRES)")
	users := fs.Int("users", 0, "preload the account with this many users first, through the store (env CHIME_USERS)")
	out := fs.String("out", "bench-out", "folder for bench.json and bench.svg (env CHIME_OUT)")
	cliRuns := fs.Int("cli-runs", 11, "runs of each command line for the median, 0 to skip (env CHIME_CLI_RUNS)")
	profile := fs.String("profile", "", "write a CPU profile of the chime server during each workload at 16 clients into this folder (env CHIME_PROFILE)")
	opDuration := fs.Duration("op-duration", time.Second, "measuring time of each operation alone, at 16 clients, for the per-operation table; 0 to skip it (env CHIME_OP_DURATION)")
	noMoto := fs.Bool("no-moto", false, "skip moto even when moto_server is installed (env CHIME_NO_MOTO)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	o := bench.Options{Duration: *duration, PostgresURL: *pg, Users: *users, Out: *out, CLIRuns: *cliRuns, Profile: *profile, Rounds: *rounds,
		OpDuration: *opDuration}
	if *rounds < 1 || *rounds > 100 {
		awscli.PrintError(stderr, "--rounds: a number from 1 to 100")
		return awscli.ExitParamError
	}
	for _, c := range strings.Split(*conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 || n > 1024 {
			awscli.PrintError(stderr, fmt.Sprintf("--concurrency: %q is not a number from 1 to 1024", c))
			return awscli.ExitParamError
		}
		o.Concurrency = append(o.Concurrency, n)
	}
	self, err := os.Executable()
	if err != nil {
		awscli.PrintError(stderr, err.Error())
		return awscli.ExitGeneralError
	}
	o.Binary = self
	if !*noMoto {
		if p, err := exec.LookPath("moto_server"); err == nil {
			o.Moto = p
		} else {
			fmt.Fprintln(stderr, "moto_server is not installed: the peer comparison is skipped")
		}
	}
	if p, err := exec.LookPath("aws"); err == nil {
		o.AWS = p
	} else if o.CLIRuns > 0 {
		fmt.Fprintln(stderr, "the AWS CLI is not installed: only chime's command line is timed")
	}
	rep, err := bench.Run(ctx, o, stderr)
	if err != nil {
		awscli.PrintError(stderr, "benchmark failed: "+err.Error())
		return awscli.ExitGeneralError
	}
	bench.WriteTable(stdout, rep)
	if o.Out != "" {
		fmt.Fprintf(stdout, "wrote %s/bench.json and %s/bench.svg\n", o.Out, o.Out)
	}
	return awscli.ExitOK
}

// runBenchTrivial serves the benchmark's trivial handler (the limit).
func runBenchTrivial(ctx context.Context, args []string, stderr io.Writer) int {
	fs := newFlagSet("chime bench-trivial", stderr)
	listen := fs.String("listen", "127.0.0.1:0", "address")
	if err := fs.Parse(args); err != nil {
		return awscli.ExitParamError
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		awscli.PrintError(stderr, err.Error())
		return awscli.ExitConfigError
	}
	srv := &http.Server{Handler: bench.TrivialHandler()}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		awscli.PrintError(stderr, err.Error())
		return awscli.ExitGeneralError
	}
	return awscli.ExitOK
}
