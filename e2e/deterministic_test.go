package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Two runs of the same script against `chime server --deterministic`
// with the same seed and fixtures print byte for byte the same; another
// seed prints something else (so the comparison can fail).
func TestDeterministicServerRepeatsItself(t *testing.T) {
	bash := lookPath(t, "bash", "the script is a shell script")
	fixtures := filepath.Join(t.TempDir(), "fixtures.yaml")
	if err := os.WriteFile(fixtures, []byte("Accounts:\n  - Name: Fixture Corp\n    AccountType: EnterpriseLWA\n    Users: [{Email: fixed@example.com}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	script := `set -e
chime list-accounts --max-items 1 --query NextToken --output text
chime list-accounts
chime create-user --account-id 12a3456b-7c89-012d-3456-78901e23fg45 --email new@example.com
chime list-users --account-id 12a3456b-7c89-012d-3456-78901e23fg45 --max-items 1
chime reset-personal-pin --account-id 12a3456b-7c89-012d-3456-78901e23fg45 --user-id "$(chime list-users --account-id 12a3456b-7c89-012d-3456-78901e23fg45 --query 'Users[0].UserId' --output text)"
chime create-user --account-id 12a3456b-7c89-012d-3456-78901e23fg45 --email new@example.com --debug 2>&1 | grep -i 'x-amzn-requestid'
chime admin-reset-state --scope All
chime list-accounts --max-items 1 --query NextToken --output text
chime list-accounts --query 'Accounts[].[AccountId,CreatedTimestamp]' --output text
`
	run := func(seed string) string {
		s := startServer(t, "--dev", "--deterministic", "--seed", seed, "--fixtures", fixtures)
		cmd := exec.Command(bash, "-c", script)
		cmd.Env = cleanEnv(t, "AWS_ENDPOINT_URL_CHIME="+s.url, "PATH="+filepath.Dir(binary)+":"+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("seed %s: %v\n%s", seed, err, out)
		}
		return string(out)
	}
	first, second, other := run("9"), run("9"), run("10")
	// A reset of everything starts the run again: the page token after it
	// is the one of the start. The text output of a query with
	// --max-items is the query's value (None), then the token's line.
	lines := strings.Split(strings.TrimSpace(first), "\n")
	if len(lines) < 6 || lines[1] != lines[len(lines)-3] || !strings.Contains(lines[1], "ey") || !strings.Contains(first, "X-Amzn-Requestid") {
		t.Errorf("the page token after the reset differs from the start's, or no request id was printed:\n%s", first)
	}
	if first != second {
		t.Errorf("two runs with seed 9 differ:\n%s\n---\n%s", first, second)
	}
	if first == other {
		t.Error("seeds 9 and 10 printed the same")
	}
	t.Logf("what both runs printed:\n%s", first)
}
