package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/pgtest"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// populate fills a store with every kind of state the service keeps.
func populate(t *testing.T, s *sqlstore.Store) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, owner := range []string{"111122223333", "444455556666"} {
		team, err := s.CreateAccount(ctx, owner, chime.NewAccount{Name: "Team " + owner})
		must(err)
		_, err = s.InviteUsers(ctx, owner, team.ID, []string{"a-" + owner + "@example.com", "b-" + owner + "@example.com"}, chime.SharedDevice)
		must(err)
		yes := true
		must(s.UpdateAccountSettings(ctx, owner, team.ID, chime.AccountSettingsUpdate{EnableDialOut: &yes}))
		dir, err := s.CreateAccount(ctx, owner, chime.NewAccount{Name: "Directory ünïcode ✓", Type: chime.EnterpriseDirectory})
		must(err)
		must(s.AssociateSigninDelegateGroups(ctx, owner, dir.ID, []string{"admins", "rooms"}))
		for i := 0; i < 30; i++ {
			u, err := s.CreateUser(ctx, owner, dir.ID, chime.NewUser{Email: fmt.Sprintf("u%d-%s@example.com", i, owner), Username: fmt.Sprintf("User %d", i)})
			must(err)
			if i%3 == 0 {
				must(s.UpdateUserSettings(ctx, owner, dir.ID, u.ID, chime.UserSettings{Telephony: chime.TelephonySettings{InboundCalling: true, SMS: true}}))
				must(s.LogoutUser(ctx, owner, dir.ID, u.ID))
				lic := chime.Basic
				_, err := s.UpdateUser(ctx, owner, dir.ID, u.ID, chime.UserUpdate{License: &lic,
					AlexaForBusiness: &chime.AlexaForBusinessMetadata{Enabled: true, RoomARN: "arn:aws:a4b:us-east-1:" + owner + ":room/r"}})
				must(err)
			}
		}
		lwa, err := s.CreateAccount(ctx, owner, chime.NewAccount{Name: "LWA", Type: chime.EnterpriseLWA})
		must(err)
		u, err := s.CreateUser(ctx, owner, lwa.ID, chime.NewUser{Email: "suspended-" + owner + "@example.com", Type: chime.SharedDevice})
		must(err)
		_, err = s.BatchSuspendUser(ctx, owner, lwa.ID, []string{u.ID})
		must(err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	source := filepath.Join(dir, "source.db")
	s, err := sqlite.Open(context.Background(), source, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	populate(t, s)
	token, _ := s.Secret(context.Background(), "pagination")
	s.Close()

	exportOf := func(store, file string) []byte {
		t.Helper()
		if _, stderr, code := run(t, "export", "--store", store, "--file", file); code != 0 {
			t.Fatalf("export %s: %s", store, stderr)
		}
		b, _ := os.ReadFile(file)
		return b
	}
	first := exportOf("sqlite:"+source, filepath.Join(dir, "first.jsonl"))
	if lines := strings.Count(string(first), "\n"); lines != 1+1+2*3+2*(2+30+1) {
		t.Fatalf("the export has %d lines:\n%s", lines, first)
	}
	targets := []string{"sqlite:" + filepath.Join(dir, "copy.db")}
	if os.Getenv(pgtest.EnvURL) != "" || os.Getenv("CHIME_REQUIRE_POSTGRES") == "1" {
		targets = append([]string{pgtest.Schema(t)}, targets...)
	} else {
		t.Logf("%s is not set: the round trip goes through SQLite only", pgtest.EnvURL)
	}
	previous := first
	for i, target := range targets {
		in := filepath.Join(dir, fmt.Sprintf("in%d.jsonl", i))
		os.WriteFile(in, previous, 0o600)
		_, stderr, code := run(t, "import", "--store", target, "--file", in)
		if code != 0 {
			t.Fatalf("import into %s: %s", pgtest.Describe(target), stderr)
		}
		again := exportOf(target, filepath.Join(dir, fmt.Sprintf("out%d.jsonl", i)))
		if string(again) != string(first) {
			t.Fatalf("the export after a round trip through %s differs", pgtest.Describe(target))
		}
		// A second import into the same store is refused: it is not empty.
		if _, stderr, code := run(t, "import", "--store", target, "--file", in); code == 0 {
			t.Fatalf("import into a non-empty store: %s", stderr)
		}
		previous = again
	}
	// Identical reads on the copy, pagination tokens included.
	copyStore, err := sqlite.Open(context.Background(), filepath.Join(dir, "copy.db"), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	orig, _ := sqlite.Open(context.Background(), source, sqlstore.Options{})
	defer orig.Close()
	if k, _ := copyStore.Secret(context.Background(), "pagination"); string(k) != string(token) {
		t.Fatal("the pagination key did not move")
	}
	ctx := context.Background()
	for _, owner := range []string{"111122223333", "444455556666"} {
		a, _ := orig.ListAccounts(ctx, owner, chime.AccountFilter{}, chime.PageRequest{})
		b, _ := copyStore.ListAccounts(ctx, owner, chime.AccountFilter{}, chime.PageRequest{})
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("accounts differ:\n%+v\n%+v", a, b)
		}
		for _, acct := range a.Accounts {
			ua, _ := orig.ListUsers(ctx, owner, acct.ID, chime.UserFilter{}, chime.PageRequest{Limit: 7})
			ub, _ := copyStore.ListUsers(ctx, owner, acct.ID, chime.UserFilter{}, chime.PageRequest{Limit: 7})
			if !reflect.DeepEqual(ua.Users, ub.Users) {
				t.Fatalf("users of %s differ", acct.ID)
			}
			sa, _ := orig.GetAccountSettings(ctx, owner, acct.ID)
			sb, _ := copyStore.GetAccountSettings(ctx, owner, acct.ID)
			if *sa != *sb {
				t.Fatalf("settings of %s differ", acct.ID)
			}
		}
	}
}

func TestImportRefusesGarbage(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty":     "",
		"notjson":   "hello\n",
		"noheader":  `{"Type":"account","Account":{"AccountId":"x"}}` + "\n",
		"badfield":  `{"Type":"header","Format":"chime-export","Version":1}` + "\n" + `{"Type":"user","Bogus":1}` + "\n",
		"duplicate": `{"Type":"header","Format":"chime-export","Version":1}` + "\n" + `{"Type":"user","User":{"AwsAccountId":"1","AccountId":"a","UserId":"u","Email":"x@y.z","License":"Pro","UserType":"PrivateUser","Registration":"Registered"}}` + "\n" + `{"Type":"user","User":{"AwsAccountId":"1","AccountId":"a","UserId":"u","Email":"x@y.z","License":"Pro","UserType":"PrivateUser","Registration":"Registered"}}` + "\n",
	} {
		file := filepath.Join(dir, name)
		os.WriteFile(file, []byte(content), 0o600)
		if _, stderr, code := run(t, "import", "--store", "sqlite:"+filepath.Join(dir, name+".db"), "--file", file); code == 0 {
			t.Errorf("%s: imported: %s", name, stderr)
		}
	}
}

// recordCounts counts the records of an export file: rows by table, and
// secrets.
func recordCounts(t *testing.T, file string) sqlstore.Counts {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := sqlstore.Counts{Rows: map[string]int{}}
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var r sqlstore.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		switch r.Type {
		case sqlstore.RecordSecret:
			c.Secrets++
		case sqlstore.RecordRow:
			c.Rows[r.Table]++
		}
	}
	return c
}

// TestExportReportsWhatItWrote: export and import report the records
// they wrote, every table and the secrets, even while another writer adds
// users to the store being exported.
func TestExportReportsWhatItWrote(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	source := filepath.Join(dir, "source.db")
	s, err := sqlite.Open(context.Background(), source, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	populate(t, s)
	s.Secret(context.Background(), "pagination")
	s.Close()

	// A second writer on the same file, as a running server would be.
	writer, err := sqlite.Open(context.Background(), source, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	acct, err := writer.CreateAccount(context.Background(), "111122223333", chime.NewAccount{Name: "Busy", Type: chime.EnterpriseDirectory})
	if err != nil {
		t.Fatal(err)
	}
	stop, stopped := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		defer close(stopped)
		for i := 0; ; i++ {
			_, err := writer.CreateUser(context.Background(), "111122223333", acct.ID, chime.NewUser{Email: fmt.Sprintf("busy%d@example.com", i)})
			if i == 0 {
				first <- err
			}
			select {
			case <-stop:
				return
			default:
			}
		}
	}()
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "export.jsonl")
	_, stderr, code := run(t, "export", "--store", "sqlite:"+source, "--file", file)
	close(stop)
	<-stopped
	if code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	written := recordCounts(t, file)
	if written.Secrets == 0 || written.Rows["accounts"] == 0 || written.Rows["users"] == 0 {
		t.Fatalf("the export holds %v", written)
	}
	if want := fmt.Sprintf("exported %v\n", written); !strings.HasSuffix(stderr, want) {
		t.Errorf("export reports %q, the file holds %q", stderr, want)
	}

	_, stderr, code = run(t, "import", "--store", "sqlite:"+filepath.Join(dir, "copy.db"), "--file", file)
	if code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	if want := fmt.Sprintf("imported %v\n", written); !strings.HasSuffix(stderr, want) {
		t.Errorf("import reports %q, the file holds %q", stderr, want)
	}
}

// TestImportReportsCommittedBatches: an import that fails after whole
// batches says how many records those batches wrote, which the store
// then holds.
func TestImportReportsCommittedBatches(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	source := filepath.Join(dir, "source.db")
	s, err := sqlite.Open(context.Background(), source, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	acct, err := s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "Many"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 12; i++ {
		emails := make([]string, 50)
		for j := range emails {
			emails[j] = fmt.Sprintf("u%d-%d@example.com", i, j)
		}
		if _, err := s.InviteUsers(ctx, "111122223333", acct.ID, emails, chime.PrivateUser); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	file := filepath.Join(dir, "export.jsonl")
	if _, stderr, code := run(t, "export", "--store", "sqlite:"+source, "--file", file); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	total := recordCounts(t, file).Total()
	if total <= 500 {
		t.Fatalf("the export has %d records, fewer than an import batch", total)
	}
	f, _ := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"Type":"bogus"}` + "\n")
	f.Close()
	target := filepath.Join(dir, "copy.db")
	_, stderr, code := run(t, "import", "--store", "sqlite:"+target, "--file", file)
	if code == 0 {
		t.Fatalf("import of a bad record: %s", stderr)
	}
	copyStore, err := sqlite.Open(ctx, target, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	held, err := copyStore.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if held.Total() == 0 || !strings.Contains(stderr, fmt.Sprintf("the first %d records", held.Total())) {
		t.Errorf("the store holds %d records; import said:\n%s", held.Total(), stderr)
	}
}

// TestExportWriteFailure: a write that fails is an error, with no counts.
func TestExportWriteFailure(t *testing.T) {
	isolate(t)
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	dir := t.TempDir()
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "s.db"), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	populate(t, s)
	s.Close()
	_, stderr, code := run(t, "export", "--store", "sqlite:"+filepath.Join(dir, "s.db"), "--file", "/dev/full")
	if code != 255 || !strings.Contains(stderr, "export failed") || strings.Contains(stderr, "exported") {
		t.Errorf("export to /dev/full: %d %s", code, stderr)
	}
}

// TestImportIntoNonEmptyStore: an import into a store that holds data is
// refused before the input is read, with the counts it holds, as a
// configuration error (253, as for a --store that cannot be opened), and
// the store is left as it was.
func TestImportIntoNonEmptyStore(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "full.db")
	s, err := sqlite.Open(context.Background(), db, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	populate(t, s)
	s.Close()
	file := filepath.Join(dir, "export.jsonl")
	if _, stderr, code := run(t, "export", "--store", "sqlite:"+db, "--file", file); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	before := recordCounts(t, file)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"File", []string{"--file", file}},
		{"StandardInput", nil}, // nothing to read: the store is refused first
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, append([]string{"import", "--store", "sqlite:" + db}, tc.args...)...)
			want := "\nchime: [ERROR]: the target store " + db + " is not empty: it holds 6 accounts, 66 users. " +
				"chime import loads only into an empty store; nothing was written\n"
			if code != 253 || stderr != want {
				t.Fatalf("import into a non-empty store: %d %q, want 253 %q", code, stderr, want)
			}
			after := filepath.Join(t.TempDir(), "after.jsonl")
			if _, stderr, code := run(t, "export", "--store", "sqlite:"+db, "--file", after); code != 0 {
				t.Fatalf("export: %s", stderr)
			}
			if got := recordCounts(t, after); !reflect.DeepEqual(got, before) {
				t.Fatalf("the store changed: %v, was %v", got, before)
			}
		})
	}
}
