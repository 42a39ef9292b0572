// Package bench measures chime against the machine's limit and its peers,
// in one run with one load generator: keep-alive HTTP, every request
// SigV4-signed as a real client signs it. It drives server processes (a
// trivial handler, chime on SQLite or PostgreSQL, moto), times the command
// lines, and writes a table, JSON and an SVG chart.
//
// It imports apispec and client (the requests and their signatures, as
// the command line makes them), sqlstore, sqlite and postgres.
package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
)

// Request is one request of a workload, made fresh for each call.
type Request struct {
	Method, URL string
	Body        []byte
	// Service is the SigV4 signing name ("chime", "iam").
	Service string
	// Want is the success status.
	Want int
}

// Result is one measured cell: a workload at a concurrency.
type Result struct {
	Target      string `json:"target"`
	Workload    string `json:"workload"`
	Concurrency int    `json:"concurrency"`
	Requests    int64  `json:"requests"`
	Errors      int64  `json:"errors"`
	// Rejected are the errors the server answered with a 4xx status: a
	// modelled exception (a conflict, a resource already gone), not a
	// failure of the server or of the connection.
	Rejected  int64   `json:"rejected,omitempty"`
	PerSecond float64 `json:"per_second"`
	P50Millis float64 `json:"p50_ms"`
	P99Millis float64 `json:"p99_ms"`
	// CPU time per successful request, in microseconds, of the server
	// process and of the generator (this process): where the machine's
	// two cores go. Zero when it could not be read.
	ServerCPUMicros    float64 `json:"server_cpu_us_per_request"`
	GeneratorCPUMicros float64 `json:"generator_cpu_us_per_request"`
	// The CPU time of the server process and of the database's backends
	// serving it, over the whole measured time, in seconds.
	ServerCPUSeconds   float64 `json:"server_cpu_s,omitempty"`
	DatabaseCPUSeconds float64 `json:"database_cpu_s,omitempty"`
	// RoundsPerSecond is the throughput of every round, in the order
	// measured; the other fields are those of the median round.
	RoundsPerSecond []float64 `json:"rounds_per_second,omitempty"`
}

// operationRequest is a request of a chime operation, laid out from apispec
// by the client package as the command line lays it out; its success
// status is the operation's. input must hold the operation's URI members.
func operationRequest(base string, op *apispec.Operation, input map[string]any) Request {
	r, err := client.Encode(op, input)
	if err != nil {
		panic(err) // the workloads' inputs are fixed: a missing URI member is a bug here
	}
	return Request{Method: r.Method, URL: r.URL(base), Body: r.Body, Service: "chime", Want: op.Status}
}

// Generator sends signed requests over keep-alive connections.
type Generator struct {
	http *http.Client
	// signers sign with the generator's key, by service name.
	signers map[string]*client.Signer
}

// NewGenerator returns a generator signing with the given key.
func NewGenerator(akid, secret string) *Generator {
	creds := credentials.NewStaticCredentialsProvider(akid, secret, "")
	g := &Generator{
		http:    &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxIdleConns: 256}, Timeout: 30 * time.Second},
		signers: map[string]*client.Signer{},
	}
	for _, service := range []string{"chime", "iam"} {
		s := client.NewSigner(creds, client.DefaultRegion)
		s.Service = service
		g.signers[service] = s
	}
	return g
}

// Client is a client of the chime server at base that signs with the
// generator's key and shares its connections.
func (g *Generator) Client(base string) *client.Client {
	return &client.Client{Endpoint: base, Signer: g.signers["chime"], HTTP: g.http}
}

// Do signs and sends one request and returns its status; the body is read
// and dropped.
func (g *Generator) Do(ctx context.Context, r Request) (int, error) {
	contentType := "application/json"
	if r.Service == "iam" {
		contentType = "application/x-www-form-urlencoded; charset=utf-8"
	}
	req, err := client.NewHTTPRequest(ctx, r.Method, r.URL, r.Body, contentType)
	if err != nil {
		return 0, err
	}
	signer := g.signers[r.Service]
	if signer == nil {
		return 0, fmt.Errorf("no signer for the service %q", r.Service)
	}
	if err := signer.Sign(ctx, req, r.Body); err != nil {
		return 0, err
	}
	resp, err := g.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// Run sends requests from next at the given concurrency for the duration
// (after a short warm-up) and measures throughput, latency and the CPU
// time of the server process serverPID (0: not measured) and of itself.
func (g *Generator) Run(ctx context.Context, target, workload string, concurrency int, d time.Duration, serverPID int, next func(worker int, i int64) Request) Result {
	var cpu func() time.Duration
	if serverPID > 0 {
		cpu = func() time.Duration { return processCPU(serverPID) }
	}
	return g.run(ctx, target, workload, concurrency, d, cpu, nil, next)
}

// run is Run with the CPU time of the server's processes, and of the
// database serving them, read by functions (nil: not measured).
func (g *Generator) run(ctx context.Context, target, workload string, concurrency int, d time.Duration,
	srvCPU, dbCPU func() time.Duration, next func(worker int, i int64) Request) Result {
	zero := func() time.Duration { return 0 }
	measured := srvCPU != nil
	if srvCPU == nil {
		srvCPU = zero
	}
	if dbCPU == nil {
		dbCPU = zero
	}
	g.loop(ctx, time.Now().Add(d/5), concurrency, next, nil)
	var count, errs, rejected atomic.Int64
	latencies := make([][]time.Duration, concurrency)
	serverCPU0, selfCPU0, dbCPU0 := srvCPU(), selfCPU(), dbCPU()
	start := time.Now()
	g.loop(ctx, start.Add(d), concurrency, next, func(w int, lat time.Duration, status int, ok bool) {
		if !ok {
			errs.Add(1)
			if status >= 400 && status < 500 {
				rejected.Add(1)
			}
			return
		}
		count.Add(1)
		latencies[w] = append(latencies[w], lat)
	})
	elapsed := time.Since(start)
	serverCPU, generatorCPU, databaseCPU := srvCPU()-serverCPU0, selfCPU()-selfCPU0, dbCPU()-dbCPU0
	var all []time.Duration
	for _, l := range latencies {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	r := Result{Target: target, Workload: workload, Concurrency: concurrency, Requests: count.Load(), Errors: errs.Load(),
		Rejected: rejected.Load(), PerSecond: float64(count.Load()) / elapsed.Seconds(), DatabaseCPUSeconds: databaseCPU.Seconds()}
	if measured {
		r.ServerCPUSeconds = serverCPU.Seconds()
	}
	if n := count.Load(); n > 0 {
		if measured && serverCPU > 0 {
			r.ServerCPUMicros = float64(serverCPU.Microseconds()) / float64(n)
		}
		r.GeneratorCPUMicros = float64(generatorCPU.Microseconds()) / float64(n)
	}
	if len(all) > 0 {
		r.P50Millis = float64(all[len(all)/2].Microseconds()) / 1000
		r.P99Millis = float64(all[len(all)*99/100].Microseconds()) / 1000
	}
	return r
}

// loop sends requests from concurrency workers until the deadline. A
// request sent before it runs to its end and is counted: cutting requests
// short at the deadline would leave the server's CPU spent on them in the
// measured time with no request to charge it to, and a cell shorter than
// a request's latency with no answer at all. Every worker sends at least
// one request.
func (g *Generator) loop(ctx context.Context, deadline time.Time, concurrency int, next func(int, int64) Request, record func(int, time.Duration, int, bool)) {
	var wg sync.WaitGroup
	var seq atomic.Int64
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for first := true; ctx.Err() == nil && (first || time.Now().Before(deadline)); first = false {
				r := next(w, seq.Add(1))
				t := time.Now()
				status, err := g.Do(ctx, r)
				if ctx.Err() != nil {
					return // the whole run was cancelled
				}
				if record != nil {
					record(w, time.Since(t), status, err == nil && status == r.Want)
				}
			}
		}(w)
	}
	wg.Wait()
}

// UserBody is a 201 body the size of a CreateUser response, for the
// trivial handler.
var UserBody = []byte(`{"User":{"UserId":"1ab2345c-67de-4901-b23a-45c678901d2e","AccountId":"12a3456b-7c89-012d-3456-78901e23fg45",` +
	`"PrimaryEmail":"roomdevice@example.com","DisplayName":"Room Device","LicenseType":"Pro","UserType":"SharedDevice",` +
	`"UserRegistrationStatus":"Registered","RegisteredOn":"2020-01-15T22:38:09.806Z","AlexaForBusinessMetadata":{"IsAlexaForBusinessEnabled":false}}}`)

// TrivialHandler answers every request with 201 and UserBody: the most a
// server can do on this machine with this generator.
func TrivialHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		w.Write(UserBody)
	})
}

func fmtRate(r float64) string { return fmt.Sprintf("%.0f", r) }
