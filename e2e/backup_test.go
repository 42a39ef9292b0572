package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/internal/randid"
)

// The backups of docs/operations.md ("Backup and restore"), run as written
// there while a server takes writes: every user acknowledged before the
// copy began is in the restored store, the restored store takes writes
// that continue its rows, and users written after the copy are not in it.

const backupAccount = "12a3456b-7c89-012d-3456-78901e23fg45"

// backgroundWriter creates users on a server until finished, keeping the
// addresses of those acknowledged.
type backgroundWriter struct {
	mu    sync.Mutex
	acked []string
	stop  atomic.Bool
	done  chan struct{}
}

func startWriting(t *testing.T, s *server, prefix string) *backgroundWriter {
	w := &backgroundWriter{done: make(chan struct{})}
	c := sdkClient(s.url, "test", "test")
	go func() {
		defer close(w.done)
		for i := 0; i < 5000 && !w.stop.Load(); i++ {
			email := fmt.Sprintf("%s-%d@example.com", prefix, i)
			if _, err := c.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(backupAccount), Email: aws.String(email)}); err != nil {
				t.Errorf("create %s: %v", email, err)
				return
			}
			w.mu.Lock()
			w.acked = append(w.acked, email)
			w.mu.Unlock()
		}
	}()
	return w
}

func (w *backgroundWriter) acknowledged() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.acked...)
}

// await waits until n writes are acknowledged.
func (w *backgroundWriter) await(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for len(w.acknowledged()) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d writes acknowledged in 30 s, waiting for %d", len(w.acknowledged()), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (w *backgroundWriter) finish() []string {
	w.stop.Store(true)
	<-w.done
	return w.acknowledged()
}

// checkRestored checks that every address of want is a user of the
// restored server, that none of absent is, and that it takes a new user.
func checkRestored(t *testing.T, s *server, want, absent []string) {
	t.Helper()
	c := sdkClient(s.url, "test", "test")
	ctx := context.Background()
	have := map[string]bool{}
	p := awschime.NewListUsersPaginator(c, &awschime.ListUsersInput{AccountId: aws.String(backupAccount), MaxResults: aws.Int32(200)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range page.Users {
			have[aws.ToString(u.PrimaryEmail)] = true
		}
	}
	for _, e := range want {
		if !have[e] {
			t.Fatalf("%s was acknowledged before the backup began but is not in the restored store (%d users there)", e, len(have))
		}
	}
	for _, e := range absent {
		if have[e] {
			t.Fatalf("%s was written after the backup was made but is in the restored store", e)
		}
	}
	if _, err := c.CreateUser(ctx, &awschime.CreateUserInput{AccountId: aws.String(backupAccount), Email: aws.String("after-restore@example.com")}); err != nil {
		t.Fatalf("the restored store refuses a write: %v", err)
	}
	t.Logf("%d users acknowledged before the backup, %d users in the restored store", len(want), len(have))
}

func runCommand(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestBackupSQLite(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "var", "lib", "chime")
	db := filepath.Join(data, "chime.db")
	backup := filepath.Join(dir, "backups", "chime-2026-11-30.db")
	if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, "--dev", "--store", "sqlite:"+db)
	w := startWriting(t, s, "before")
	w.await(t, 50)
	before := w.acknowledged()
	// As the documentation gives it, while the writer goes on.
	runCommand(t, binary, "backup", "--store", "sqlite:"+db, "--to", backup)
	w.finish()
	after := startWriting(t, s, "after")
	after.await(t, 5)
	afterBackup := after.finish()
	// A second backup to the same name is refused, the first left whole.
	if out, err := exec.Command(binary, "backup", "--store", "sqlite:"+db, "--to", backup).CombinedOutput(); err == nil || !strings.Contains(string(out), "exists") {
		t.Fatalf("a backup over an existing file: %v %s", err, out)
	}
	if err := s.kill(syscall.SIGKILL); err != nil && !strings.Contains(err.Error(), "killed") {
		t.Fatal(err)
	}
	// The restore, step by step, after the hardest stop: the log of the
	// replaced database is still beside it.
	if err := os.MkdirAll(filepath.Join(data, "replaced"), 0o700); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(db + "*")
	for _, m := range matches {
		if err := os.Rename(m, filepath.Join(data, "replaced", filepath.Base(m))); err != nil {
			t.Fatal(err)
		}
	}
	runCommand(t, "cp", backup, db)
	restored := startServer(t, "--dev", "--store", "sqlite:"+db)
	checkRestored(t, restored, before, afterBackup)
}

func TestBackupPostgres(t *testing.T) {
	base := pgtest.BaseURL(t)
	for _, tool := range []string{"pg_dump", "pg_restore", "createdb"} {
		lookPath(t, tool, "the PostgreSQL backup of docs/operations.md uses it")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() }) // after the databases are dropped
	// Two databases of their own, as a user has: the one chime serves and
	// the one the dump is restored into.
	suffix := strings.ReplaceAll(randid.UUID()[:8], "-", "")
	source, target := "chime_backup_"+suffix, "chime_restored_"+suffix
	dbURL := func(name string) string {
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/" + name
		return u.String()
	}
	if _, err := admin.Exec("CREATE DATABASE " + source); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, name := range []string{source, target} {
			if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
				t.Errorf("drop %s: %v", name, err)
			}
		}
	})
	s := startServer(t, "--dev", "--store", dbURL(source))
	w := startWriting(t, s, "before")
	w.await(t, 50)
	before := w.acknowledged()
	dump := filepath.Join(t.TempDir(), "chime.dump")
	runCommand(t, "pg_dump", "--format=custom", "--file", dump, dbURL(source))
	w.finish()
	after := startWriting(t, s, "after")
	after.await(t, 5)
	afterBackup := after.finish()
	s.kill(syscall.SIGTERM)

	createdb := exec.Command("createdb", "--template=template0", target)
	createdb.Env = append(os.Environ(), pgEnv(t, base)...)
	if out, err := createdb.CombinedOutput(); err != nil {
		t.Fatalf("createdb: %v\n%s", err, out)
	}
	runCommand(t, "pg_restore", "--no-owner", "--dbname", dbURL(target), dump)
	restored := startServer(t, "--dev", "--store", dbURL(target))
	checkRestored(t, restored, before, afterBackup)
}

// pgEnv is the libpq environment that points createdb, which takes no
// connection URL, at the test's server.
func pgEnv(t *testing.T, base string) []string {
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"PGHOST=" + u.Hostname(), "PGPORT=" + u.Port(), "PGUSER=" + u.User.Username()}
	if p, ok := u.User.Password(); ok {
		env = append(env, "PGPASSWORD="+p)
	}
	return env
}
