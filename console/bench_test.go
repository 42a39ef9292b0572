package console_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/bench"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

const benchAccount = "bench-account"

// BenchmarkUsersPage measures the users list as a browser gets it (an
// HTTP round trip on loopback, the session, ListUsers through the API and
// the template) over an account of many users in a SQLite file:
// CHIME_CONSOLE_BENCH_USERS of them (default 100000; 1000000 for the
// issue's figure, which takes a minute to load).
func BenchmarkUsersPage(b *testing.B) {
	n := 100_000
	if v := os.Getenv("CHIME_CONSOLE_BENCH_USERS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	start := time.Now()
	if err := bench.PreloadUsers(ctx, store, benchAccount, "EnterpriseLWA", n); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d users loaded in %v", n, time.Since(start).Round(time.Millisecond))
	e := newEnvOn(b, store)
	br := e.signedIn("test")
	users := "/console/accounts/" + benchAccount + "/users"
	first := br.get(users)
	if first.status != http.StatusOK || strings.Count(first.body, "@example.com</a>") != 50 {
		b.Fatalf("first page: %d %s", first.status, mainOf(first.body))
	}
	second := strings.ReplaceAll(between(first.body, `<a href="`, `" id="next-page"`), "&amp;", "&")
	for _, bc := range []struct{ name, path string }{
		{"FirstPage", users},
		{"NextPage", second},
		{"ByEmail", users + fmt.Sprintf("?email=preloaded-%d%%40example.com", n/2)},
		{"ByType", users + "?type=SharedDevice"},
		{"ByPrefix", users + "?prefix=preloaded-1"},
		{"ByStatus", users + "?status=Suspended"},
		{"ByPrefixAndStatus", users + "?prefix=preloaded-1&status=Registered"},
		{"User", users + fmt.Sprintf("/00000000-0000-4000-8000-%012d", n/2)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if r := br.get(bc.path); r.status != http.StatusOK {
				b.Fatalf("%d %s", r.status, mainOf(r.body))
			}
			b.ResetTimer()
			for b.Loop() {
				br.get(bc.path)
			}
		})
	}
}
