package e2e

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
)

// TestEveryOperationThroughCommandLines calls every implemented operation
// of the Chime API through the AWS CLI and through chime's own command
// line, with --cli-input-json built from apispec (the required members,
// with real account and user ids). Each call must reach the server and
// come back as a success or as a modelled service error (exit code 254
// naming the operation; 255 from AWS CLI v1), never as a client-side
// failure; a new operation
// is covered the moment apispec marks it implemented.
func TestEveryOperationThroughCommandLines(t *testing.T) {
	awsCLI := lookPath(t, "aws", "the sweep runs every operation through the AWS CLI")
	s := startServer(t, "--dev")
	const account = "12a3456b-7c89-012d-3456-78901e23fg45"
	user := createExampleUser(t, s, "sweep@example.com")
	for _, cli := range []struct{ name, path string }{{"aws", awsCLI}, {"chime", binary}} {
		for _, op := range apiOperations() {
			input := map[string]any{}
			if op.Input != nil {
				input = sampleInput(op.Input, 0).(map[string]any)
			}
			overrideIDs(input, account, user)
			doc, _ := json.Marshal(input)
			args := []string{op.CommandName(), "--cli-input-json", string(doc), "--endpoint-url", s.url, "--region", "us-east-1"}
			if cli.name == "aws" {
				args = append([]string{"chime"}, args...)
			}
			cmd := exec.Command(cli.path, args...)
			cmd.Env = cleanEnv(t)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
			// A service error exits 254 in AWS CLI v2 (which chime follows)
			// and 255 in v1.
			serviceError := (code == 254 || (code == 255 && cli.name == "aws")) &&
				strings.Contains(stderr.String(), "when calling the "+op.Name+" operation")
			if code != 0 && !serviceError {
				t.Errorf("%s %s: exit %d\n%s%s", cli.name, op.CommandName(), code, stdout.String(), stderr.String())
			}
		}
	}
}

func createExampleUser(t *testing.T, s *server, email string) string {
	t.Helper()
	cmd := exec.Command(binary, "create-user", "--account-id", "12a3456b-7c89-012d-3456-78901e23fg45",
		"--email", email, "--endpoint-url", s.url, "--query", "User.UserId", "--output", "text")
	cmd.Env = cleanEnv(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("create-user: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// sampleInput is a valid value of s with its required members only.
func sampleInput(s *apispec.Shape, depth int) any {
	switch s.Type {
	case apispec.Structure:
		m := map[string]any{}
		for _, mem := range s.Members {
			if mem.Required && depth < 6 {
				m[mem.Name] = sampleInput(mem.Shape, depth+1)
			}
		}
		return m
	case apispec.List:
		return []any{sampleInput(s.Member, depth+1)}
	case apispec.Integer:
		return max(s.Min, 1)
	case apispec.Double:
		return 0.5
	case apispec.Boolean:
		return true
	case apispec.Timestamp:
		return "2026-01-15T22:38:09.806Z"
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	if s.Pattern == `.+@.+\..+` {
		return "sample@example.com"
	}
	return "sample"
}

// overrideIDs puts real ids where the input names an account or users.
func overrideIDs(input map[string]any, account, user string) {
	for k, v := range input {
		switch {
		case k == "AccountId":
			input[k] = account
		case k == "UserId":
			input[k] = user
		case k == "UserIdList":
			input[k] = []any{user}
		default:
			switch x := v.(type) {
			case map[string]any:
				overrideIDs(x, account, user)
			case []any:
				for _, e := range x {
					if m, ok := e.(map[string]any); ok {
						overrideIDs(m, account, user)
					}
				}
			}
		}
	}
}
