package console_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/console"
	"github.com/openchime/chime/sigv4"
)

// breakOn is an API that, for CreateUser of one address, panics or fails
// as a broken store would, and otherwise runs the operation.
type breakOn struct {
	console.Invoker
	email string
	panic bool
}

func (b breakOn) Invoke(ctx context.Context, p *sigv4.Principal, op string, in map[string]any) ([]byte, error) {
	if op == "CreateUser" && in["Email"] == b.email {
		if b.panic {
			panic("the store's driver fell over")
		}
		return nil, chime.Internalf(errors.New("disk I/O error at /var/lib/secret.db"), "create")
	}
	return b.Invoker.Invoke(ctx, p, op, in)
}

// syncBuffer is a log the import's goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// An import that cannot run a row stops there, whether the row's
// operation fails or panics: the rows before it are done, the page says
// it stopped with a request id, the cause reaches only the log, and the
// server keeps serving.
func TestImportStops(t *testing.T) {
	for _, tc := range []struct {
		name  string
		panic bool
		log   string
	}{
		{"Failure", false, "disk I/O error"},
		{"Panic", true, "the store's driver fell over"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var log syncBuffer
			e := newEnv(t, func(c *console.Config) {
				c.API = breakOn{Invoker: c.API, email: "b@example.com", panic: tc.panic}
				c.NewRequestID = func() string { return "req-7" }
				c.Logger = slog.New(slog.NewTextHandler(&log, nil))
			})
			acc := "/console/accounts/" + e.account("test", "Imports", chime.EnterpriseLWA)
			b := e.signedIn("test")
			r := b.upload(acc+"/import", "Email\na@example.com\nb@example.com\nc@example.com\n")
			if r.status != http.StatusSeeOther {
				t.Fatalf("import: %d %s", r.status, mainOf(r.body))
			}
			progress := r.header.Get("Location")
			for polls := 0; !strings.Contains(r.body, `data-finished="true"`); polls++ {
				if polls == 100_000 {
					t.Fatal("the import did not finish")
				}
				r = b.get(progress)
			}
			contains(t, r, `id="import-stopped"`, "Request id req-7")
			if strings.Contains(r.body, tc.log) || strings.Contains(r.body, ".go:") {
				t.Errorf("the page shows the cause: %s", mainOf(r.body))
			}
			if !strings.Contains(log.String(), "req-7") || !strings.Contains(log.String(), tc.log) {
				t.Errorf("the log lacks the request id or the cause: %s", log.String())
			}
			var out struct {
				Users []struct{ PrimaryEmail string }
			}
			e.mustInvoke("test", "ListUsers", map[string]any{"AccountId": strings.TrimPrefix(acc, "/console/accounts/")}, &out)
			if len(out.Users) != 1 || out.Users[0].PrimaryEmail != "a@example.com" {
				t.Errorf("the account has %+v, want only the row before the broken one", out.Users)
			}
			if r := b.get(acc + "/users"); r.status != http.StatusOK {
				t.Errorf("after the import stopped, the users page: %d", r.status)
			}
		})
	}
}

// blockOn is an API whose CreateUser waits until release is closed.
type blockOn struct {
	console.Invoker
	release chan struct{}
}

func (b blockOn) Invoke(ctx context.Context, p *sigv4.Principal, op string, in map[string]any) ([]byte, error) {
	if op == "CreateUser" {
		<-b.release
	}
	return b.Invoker.Invoke(ctx, p, op, in)
}

// A session that has as many imports running as it may is refused
// another, before any row of it runs, and may import again once one has
// finished.
func TestImportSlotsFull(t *testing.T) {
	release := make(chan struct{})
	e := newEnv(t, func(c *console.Config) { c.API = blockOn{Invoker: c.API, release: release} })
	id := e.account("test", "Imports", chime.EnterpriseLWA)
	acc := "/console/accounts/" + id
	b := e.signedIn("test")
	var running []string
	for i := range 2 {
		r := b.upload(acc+"/import", "Email\nrunning"+string(rune('a'+i))+"@example.com\n")
		if r.status != http.StatusSeeOther {
			close(release)
			t.Fatalf("import %d: %d %s", i, r.status, mainOf(r.body))
		}
		running = append(running, r.header.Get("Location"))
	}
	r := b.upload(acc+"/import", "Email\nrefused@example.com\n")
	close(release)
	if r.status != http.StatusServiceUnavailable {
		t.Fatalf("a third import at once: %d %s", r.status, mainOf(r.body))
	}
	contains(t, r, "at most 2 of yours at once")
	for _, p := range running {
		for r := b.get(p); !strings.Contains(r.body, `data-finished="true"`); r = b.get(p) {
		}
	}
	var out struct {
		Users []struct{ PrimaryEmail string }
	}
	e.mustInvoke("test", "ListUsers", map[string]any{"AccountId": id, "UserEmail": "refused@example.com"}, &out)
	if len(out.Users) != 0 {
		t.Errorf("the refused import ran: %+v", out.Users)
	}
	if r := b.upload(acc+"/import", "Email\nlater@example.com\n"); r.status != http.StatusSeeOther {
		t.Errorf("an import after the others finished: %d %s", r.status, mainOf(r.body))
	}
}
