package e2e

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// exampleAccountID is the account `chime server --dev` creates.
const exampleAccountID = "12a3456b-7c89-012d-3456-78901e23fg45"

// runChime runs the binary against the server and returns its standard
// output, standard error and exit code.
func runChime(t *testing.T, s *server, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, append(args, "--endpoint-url", s.url)...)
	cmd.Env = cleanEnv(t)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
}

var resultLine = regexp.MustCompile(`^(\d+) +(\S+) +(created|already exists|invalid) *(.*)$`)

// TestImportAndExportUsers imports a few hundred users from a CSV file
// (some already there, some named twice, some the API refuses), then
// exports the account and finds exactly the users it should have, and
// imports the export again without a change.
func TestImportAndExportUsers(t *testing.T) {
	s := startServer(t, "--dev")
	dir := t.TempDir()

	// A user that exists before the import.
	if out, errOut, code := runChime(t, s, "create-user", "--account-id", exampleAccountID, "--email", "user7@example.com"); code != 0 {
		t.Fatalf("create-user: %d %s %s", code, out, errOut)
	}

	type expect struct {
		outcome, reason string
	}
	want := map[int]expect{}                                   // by line
	wantUsers := map[string]string{"user7@example.com": "Pro"} // e-mail -> licence
	var file strings.Builder
	file.WriteString("\ufeffemail,USERNAME,UserType,LicenseType\r\n")
	line := 1
	row := func(email, name, userType, license string, e expect) {
		line++
		fmt.Fprintf(&file, "%s,%s,%s,%s\r\n", email, name, userType, license)
		want[line] = e
	}
	const rows = 300
	refusedLicences := 0
	for i := 0; i < rows; i++ {
		email := fmt.Sprintf("user%d@example.com", i)
		switch {
		case i == 7:
			row(email, "Seven", "", "", expect{"already exists", "ConflictException"})
		case i%50 == 13:
			row(fmt.Sprintf("user%d-at-example.com", i), "", "", "", expect{"invalid", "Email"})
		case i%50 == 29:
			row(email, "", "Kiosk", "", expect{"invalid", "UserType"})
		case i%25 == 3 && i%3 == 2:
			// The example account does not support Plus: the user is
			// created, with the account's default licence, and the row
			// is invalid.
			row(email, fmt.Sprintf("User %d", i), "PrivateUser", "Plus", expect{"invalid", "the user was created, but its LicenseType was refused"})
			wantUsers[email] = "Pro"
			refusedLicences++
		case i%25 == 3:
			license := []string{"Basic", "Pro"}[i%3]
			row(email, fmt.Sprintf("User %d", i), "PrivateUser", license, expect{"created", ""})
			wantUsers[email] = license
		case i%10 == 4:
			row(email, "", "SharedDevice", "", expect{"created", ""})
			wantUsers[email] = "Pro"
		default:
			row(email, fmt.Sprintf("User %d", i), "", "", expect{"created", ""})
			wantUsers[email] = "Pro"
		}
		if i%40 == 5 {
			// The same address again, in another case.
			row(strings.ToUpper(email), "Again", "", "", expect{"already exists", "ConflictException"})
		}
	}
	in := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(in, []byte(file.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	out, errOut, code := runChime(t, s, "admin", "import-users", "--account-id", exampleAccountID, "--file", in)
	if code != 254 {
		t.Fatalf("import with invalid rows: exit %d, want 254\n%s\n%s", code, out, errOut)
	}
	if errOut != "" {
		t.Errorf("progress or errors on a stderr that is no terminal: %q", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !regexp.MustCompile(`^LINE +EMAIL +RESULT +REASON$`).MatchString(lines[0]) {
		t.Errorf("table header %q", lines[0])
	}
	counts := map[string]int{}
	seen := 0
	for _, l := range lines[1 : len(lines)-1] {
		m := resultLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("result line %q", l)
		}
		var n int
		fmt.Sscan(m[1], &n)
		w, ok := want[n]
		if !ok || m[3] != w.outcome || !strings.Contains(m[4], w.reason) || (w.reason == "" && strings.TrimSpace(m[4]) != "") {
			t.Errorf("line %d: %q, want %+v", n, l, w)
		}
		counts[m[3]]++
		seen++
	}
	if seen != len(want) {
		t.Errorf("%d results for %d rows", seen, len(want))
	}
	summary := fmt.Sprintf("%d rows: %d created, %d already exist, %d invalid", len(want), counts["created"], counts["already exists"], counts["invalid"])
	if created := len(wantUsers) - 1 - refusedLicences; lines[len(lines)-1] != summary || counts["created"] != created {
		t.Errorf("summary %q, want %q with %d created", lines[len(lines)-1], summary, created)
	}

	exported := filepath.Join(dir, "export.csv")
	if out, errOut, code := runChime(t, s, "admin", "export-users", "--account-id", exampleAccountID, "--file", exported); code != 0 ||
		out != "" || errOut != fmt.Sprintf("exported %d users to %s\n", len(wantUsers), exported) {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(records[0], ",") != "Email,Username,UserType,LicenseType,UserId,UserRegistrationStatus" {
		t.Fatalf("export header %q", records[0])
	}
	got := map[string]string{}
	for _, r := range records[1:] {
		got[r[0]] = r[3]
		if r[4] == "" || r[5] != "Registered" {
			t.Errorf("exported %q", r)
		}
		if r[2] == "SharedDevice" && r[1] != "Room Device" {
			t.Errorf("shared device %q", r)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(wantUsers) {
		t.Errorf("exported users and licences:\n got  %v\n want %v", got, wantUsers)
	}
	// Standard output is the default destination, with the same users.
	if out, _, code := runChime(t, s, "admin-export-users", "--account-id", exampleAccountID); code != 0 || out != string(data) {
		t.Errorf("export to standard output: %d, %d bytes, want %d", code, len(out), len(data))
	}

	// The export imports again: every user is there already, which is
	// success.
	out, errOut, code = runChime(t, s, "admin-import-users", "--account-id", exampleAccountID, "--file", exported)
	if code != 0 || !strings.HasSuffix(out, fmt.Sprintf("%d rows: 0 created, %d already exist, 0 invalid\n", len(wantUsers), len(wantUsers))) {
		t.Errorf("import of the export: %d\n%s\n%s", code, out, errOut)
	}
}

// A file that is not a users file is refused before any row runs, naming
// its line; so is an account that does not exist.
func TestImportUsersRefusals(t *testing.T) {
	s := startServer(t, "--dev")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("Email,Name\na@example.com,Ann\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runChime(t, s, "admin-import-users", "--account-id", exampleAccountID, "--file", bad)
	if code != 252 || !strings.Contains(errOut, `line 1: unknown column "Name"`) {
		t.Errorf("unknown column: %d %q", code, errOut)
	}
	_, errOut, code = runChime(t, s, "admin-import-users", "--account-id", exampleAccountID, "--file", filepath.Join(dir, "missing.csv"))
	if code != 252 || !strings.Contains(errOut, "missing.csv") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(good, []byte("Email\na@example.com\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runChime(t, s, "admin-import-users", "--account-id", "no-such-account", "--file", good)
	if code != 254 || !strings.Contains(errOut, "(NotFoundException) when calling the GetAccount operation") {
		t.Errorf("unknown account: %d %q", code, errOut)
	}
	out, _, code := runChime(t, s, "admin-export-users", "--account-id", exampleAccountID)
	if code != 0 || !slices.Contains(strings.Split(out, "\r\n"), "Email,Username,UserType,LicenseType,UserId,UserRegistrationStatus") {
		t.Errorf("export: %d %q", code, out)
	}
}
