package awscli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// stamp is a timestamp in either form, with or without its fraction (the
// AWS CLI's iso8601 form drops a zero one): the server's clock, which the
// test replaces by one value.
var stamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)`)

func fixedStamp(s string) string {
	return stamp.ReplaceAllStringFunc(s, func(ts string) string {
		if strings.HasSuffix(ts, "Z") {
			return "2026-01-01T00:00:00.123Z"
		}
		return "2026-01-01T00:00:00.123000+00:00"
	})
}

// TestProfileSettings pins the AWS CLI's reading of the profile's own
// settings and their precedence: option, then environment, then profile.
func TestProfileSettings(t *testing.T) {
	e, _ := devServer(t)
	keys := "aws_access_key_id = test\naws_secret_access_key = test\n"
	config := filepath.Join(e.dir, "config")
	os.WriteFile(config, []byte("[default]\noutput = text\ncli_timestamp_format = wire\n"+
		"[profile bad]\noutput = bogus\n"+keys+
		"[profile none]\ncli_timestamp_format = none\n"+keys+
		"[profile iso]\ncli_timestamp_format = iso8601\noutput=table\n"+keys+
		"[profile retries]\nretry_mode = bogus\n"+keys), 0o600)
	e.set("AWS_CONFIG_FILE", config)
	get := []string{"get-account", "--account-id", example}
	for _, tc := range []struct {
		name   string
		env    []string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"default profile: text and wire timestamps", nil, []string{"--query", "Account.[Name,CreatedTimestamp]"}, 0,
			"Example Corp\t2026-01-01T00:00:00.123Z\n", ""},
		{"--output beats the profile", nil, []string{"--query", "Account.Name", "--output", "json"}, 0, "\"Example Corp\"\n", ""},
		{"AWS_DEFAULT_OUTPUT beats the profile", []string{"AWS_DEFAULT_OUTPUT=json"}, []string{"--query", "Account.Name"}, 0, "\"Example Corp\"\n", ""},
		{"iso8601", nil, []string{"--profile", "iso", "--output", "text", "--query", "Account.[CreatedTimestamp]"}, 0,
			"2026-01-01T00:00:00.123000+00:00\n", ""},
		{"table from the profile", nil, []string{"--profile", "iso", "--query", "Account.[Name]"}, 0,
			"------------------\n" +
				"|   GetAccount   |\n" +
				"+----------------+\n" +
				"|  Example Corp  |\n" +
				"+----------------+\n", ""},
		{"output = bogus", nil, []string{"--profile", "bad"}, 255, "", "\nchime: [ERROR]: Unknown output type: bogus\n"},
		{"--output overrides output = bogus", nil, []string{"--profile", "bad", "--output", "text", "--query", "Account.Name"}, 0, "Example Corp\n", ""},
		{"AWS_DEFAULT_OUTPUT=bogus", []string{"AWS_DEFAULT_OUTPUT=bogus"}, nil, 255, "", "\nchime: [ERROR]: Unknown output type: bogus\n"},
		{"cli_timestamp_format = none", nil, []string{"--profile", "none"}, 253, "",
			"\nchime: [ERROR]: An error occurred (Configuration): Unknown cli_timestamp_format value: none, valid values are \"wire\" or \"iso8601\"\n"},
		{"retry_mode = bogus", nil, []string{"--profile", "retries"}, 255, "",
			"\nchime: [ERROR]: Invalid value provided to \"mode\": \"bogus\" must be one of: \"standard\" or \"adaptive\"\n"},
		{"AWS_MAX_ATTEMPTS=x", []string{"AWS_MAX_ATTEMPTS=x"}, nil, 255, "", "\nchime: [ERROR]: invalid literal for int() with base 10: 'x'\n"},
		{"unknown profile", nil, []string{"--profile", "nosuch"}, 255, "", "\nchime: [ERROR]: The config profile (nosuch) could not be found\n"},
		{"unknown AWS_PROFILE", []string{"AWS_PROFILE=nosuch"}, nil, 255, "", "\nchime: [ERROR]: The config profile (nosuch) could not be found\n"},
	} {
		run := *e
		run.environ = append(append([]string{}, e.environ...), tc.env...)
		stdout, stderr, code := run.run(append(append([]string{}, get...), tc.args...)...)
		stdout = fixedStamp(stdout)
		if code != tc.code || stdout != tc.stdout || stderr != tc.stderr {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q", tc.name, code, stdout, stderr)
		}
	}
}
