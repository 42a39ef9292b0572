// Command generate writes the upgrade fixtures of one schema version: a
// database written by the chime of that version, through its own API,
// dumped as SQL text once for SQLite (sqlite/testdata/upgrade/vN.sql) and
// once for PostgreSQL (postgres/testdata/upgrade/vN.sql). TestUpgrade in
// both packages loads every fixture, opens it with the current store and
// checks every read and write (package schemafixture).
//
// Run it from the repository's root with the schema version and the commit
// whose code writes it, the last commit whose schema had exactly that many
// versions (for a new version: the commit that adds it):
//
//	CHIME_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:5432/test?sslmode=disable' \
//	    go run ./internal/schemafixture/generate -version 7 -commit HEAD
//
// It checks the commit out in a temporary git worktree, builds its chime,
// runs its server on a fresh SQLite file and on a fresh PostgreSQL schema
// (listening on 127.0.0.1 only), fills each through the API with what that
// version stores (populate: accounts of every type, users of every type
// and state, settings; phone numbers and orders from version 4; rooms,
// memberships, bots and retention from version 5), stops the server and
// dumps the database: with the sqlite3 command-line shell (Debian's
// sqlite3 package) and with pg_dump (--no-owner --no-privileges
// --column-inserts, the schema's name replaced by {{schema}}). A schema
// version that stores a new kind of row adds its step to populate, gated
// on that version, so that its fixture and every later one hold such rows.
//
// The commits of the committed fixtures are named in each file's first
// lines. Fixtures are not edited by hand: the test reads its expectations
// from a fixture's own rows, whatever ids and times they hold.
//
// It imports client (the extension operations), aws-sdk-go-v2's Chime
// client (every other operation) and the pgx and modernc SQLite drivers.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // the "sqlite" database/sql driver
)

func main() {
	version := flag.Int("version", 0, "the schema version the fixtures are at (required)")
	commit := flag.String("commit", "HEAD", "the commit whose chime writes them")
	pgURL := flag.String("postgres", os.Getenv("CHIME_TEST_POSTGRES_URL"), "PostgreSQL database to write in, in a schema of its own (default $CHIME_TEST_POSTGRES_URL)")
	sqlite3 := flag.String("sqlite3", "sqlite3", "the SQLite command-line shell, for its .dump")
	pgDump := flag.String("pg-dump", "pg_dump", "PostgreSQL's pg_dump")
	flag.Parse()
	if *version < 1 || *pgURL == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: generate -version N [-commit REV] [-postgres URL]; run from the repository's root")
		os.Exit(2)
	}
	g := &generator{version: *version, pgURL: *pgURL, sqlite3: *sqlite3, pgDump: *pgDump}
	if err := g.run(context.Background(), *commit); err != nil {
		fmt.Fprintf(os.Stderr, "generate: %v\n", err)
		os.Exit(1)
	}
}

type generator struct {
	version         int
	pgURL           string
	sqlite3, pgDump string
	// commit is the full hash; bin the chime built from it; work the
	// temporary directory.
	commit, bin, work string
	// flags are the server's flags, from its --help.
	flags map[string]bool
}

func (g *generator) run(ctx context.Context, rev string) error {
	if _, err := os.Stat("internal/schemafixture"); err != nil {
		return errors.New("run from the repository's root")
	}
	out, err := exec.Command("git", "rev-parse", "--verify", rev+"^{commit}").Output()
	if err != nil {
		return fmt.Errorf("git rev-parse %s: %w", rev, err)
	}
	g.commit = strings.TrimSpace(string(out))
	g.work, err = os.MkdirTemp("", "chime-fixture-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(g.work)
	if err := g.build(); err != nil {
		return err
	}
	sqliteDump, err := g.sqlite(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	pgDump, err := g.postgres(ctx)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	for path, dump := range map[string]string{
		filepath.Join("sqlite", "testdata", "upgrade", fmt.Sprintf("v%d.sql", g.version)):   sqliteDump,
		filepath.Join("postgres", "testdata", "upgrade", fmt.Sprintf("v%d.sql", g.version)): pgDump,
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(g.header()+dump), 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", path)
	}
	return nil
}

// header names where a fixture comes from.
func (g *generator) header() string {
	return fmt.Sprintf(`-- Upgrade fixture: a database at schema version %d, written through the API
-- by chime at commit %s.
-- Regenerate, do not edit: go run ./internal/schemafixture/generate -version %d -commit %s
`, g.version, g.commit, g.version, g.commit[:12])
}

// build checks the commit out in a temporary worktree and builds its
// chime; the worktree is removed again.
func (g *generator) build() error {
	src := filepath.Join(g.work, "src")
	if out, err := exec.Command("git", "worktree", "add", "--detach", src, g.commit).CombinedOutput(); err != nil {
		return fmt.Errorf("git worktree add: %v: %s", err, out)
	}
	defer exec.Command("git", "worktree", "remove", "--force", src).Run()
	g.bin = filepath.Join(g.work, "chime")
	cmd := exec.Command("go", "build", "-o", g.bin, "./cmd/chime")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build at %s: %v: %s", g.commit, err, out)
	}
	help, _ := exec.Command(g.bin, "server", "--help").CombinedOutput()
	g.flags = map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+-([a-z-]+)`).FindAllStringSubmatch(string(help), -1) {
		g.flags[m[1]] = true
	}
	if !g.flags["store"] || !g.flags["credentials"] {
		return fmt.Errorf("the chime of %s has no --store or --credentials", g.commit)
	}
	return nil
}

// sqlite fills a fresh SQLite file and returns its dump.
func (g *generator) sqlite(ctx context.Context) (string, error) {
	path := filepath.Join(g.work, "chime.db")
	if err := g.serve(ctx, "sqlite:"+path); err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return "", err
	}
	err = g.checkVersion(ctx, db)
	db.Close()
	if err != nil {
		return "", err
	}
	out, err := exec.Command(g.sqlite3, path, ".dump").Output()
	if err != nil {
		return "", fmt.Errorf("%s .dump: %w", g.sqlite3, err)
	}
	return string(out), nil
}

// postgres fills a fresh schema and returns its dump, the schema's name
// replaced by {{schema}}.
func (g *generator) postgres(ctx context.Context) (string, error) {
	schema := fmt.Sprintf("chime_fixture_v%d", g.version)
	db, err := sql.Open("pgx", g.pgURL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+schema+` CASCADE`); err != nil {
		return "", err
	}
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		return "", err
	}
	defer db.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+schema+` CASCADE`)
	u, err := url.Parse(g.pgURL)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	if err := g.serve(ctx, u.String()); err != nil {
		return "", err
	}
	in, err := sql.Open("pgx", u.String())
	if err != nil {
		return "", err
	}
	err = g.checkVersion(ctx, in)
	in.Close()
	if err != nil {
		return "", err
	}
	var stderr bytes.Buffer
	cmd := exec.Command(g.pgDump, "--no-owner", "--no-privileges", "--column-inserts", "--schema="+schema, "--dbname="+g.pgURL)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("pg_dump: %v: %s", err, stderr.Bytes())
	}
	return postgresText(string(out), schema)
}

// postgresText makes pg_dump's text loadable into any schema by one
// statement-by-statement run: the schema's creation goes (the test makes
// its own), its name becomes {{schema}}, and psql's meta-commands
// (\restrict, whose key changes every run) go.
func postgresText(dump, schema string) (string, error) {
	var b strings.Builder
	for _, line := range strings.SplitAfter(dump, "\n") {
		if strings.HasPrefix(line, `\`) || strings.HasPrefix(line, "CREATE SCHEMA ") {
			continue
		}
		b.WriteString(line)
	}
	text := b.String()
	if strings.Contains(text, "{{schema}}") {
		return "", errors.New("the dump already holds {{schema}}")
	}
	text = regexp.MustCompile(`\b`+schema+`\b`).ReplaceAllString(text, "{{schema}}")
	return text, nil
}

// checkVersion makes sure the chime that wrote db was at the version the
// fixture claims.
func (g *generator) checkVersion(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return err
	}
	if v != g.version {
		return fmt.Errorf("the chime of %s writes schema version %d, not %d", g.commit, v, g.version)
	}
	return nil
}

// The two AWS accounts the fixtures hold, and their keys.
const (
	ownerA, keyA = "111122223333", "AKIDFIXTUREOWNERA"
	ownerB, keyB = "444455556666", "AKIDFIXTUREOWNERB"
	secret       = "fixture-secret"
)

// serve runs the server on store, fills it and stops it.
func (g *generator) serve(ctx context.Context, store string) error {
	creds := filepath.Join(g.work, "credentials")
	if err := os.WriteFile(creds, []byte(fmt.Sprintf(`[a]
aws_access_key_id = %s
aws_secret_access_key = %s
aws_account_id = %s

[b]
aws_access_key_id = %s
aws_secret_access_key = %s
aws_account_id = %s
`, keyA, secret, ownerA, keyB, secret, ownerB)), 0o600); err != nil {
		return err
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	args := []string{"server", "--listen", addr, "--store", store, "--credentials", creds, "--log-level", "warn"}
	// Short delays where the version has them, so that orders and
	// calling names settle while the fixture is written.
	for _, f := range []string{"order-delay", "calling-name-delay"} {
		if g.flags[f] {
			args = append(args, "--"+f, "1s")
		}
	}
	if g.flags["console"] {
		args = append(args, "--console=false")
	}
	var logs bytes.Buffer
	cmd := exec.Command(g.bin, args...)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() error {
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			return err
		}
		select {
		case err := <-exited:
			return err
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-exited
			return errors.New("the server did not stop within 30s")
		}
	}
	endpoint := "http://" + addr
	if err := waitHealthy(endpoint, exited); err != nil {
		stop()
		return fmt.Errorf("%v; server log:\n%s", err, logs.Bytes())
	}
	err = populate(ctx, g.version, endpoint)
	if stopErr := stop(); err == nil && stopErr != nil {
		err = fmt.Errorf("stop the server: %v; log:\n%s", stopErr, logs.Bytes())
	}
	return err
}

// freeAddr returns a loopback address with a port free now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return "127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}

func waitHealthy(endpoint string, exited <-chan error) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("the server exited: %v", err)
		default:
		}
		resp, err := http.Get(endpoint + "/_chime/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("the server was not healthy within 30s")
}
