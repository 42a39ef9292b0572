package awscli_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// hostile holds every kind of control character a terminal acts on: C0
// (ESC, NUL, BEL, tab, line feed, carriage return), DEL and C1 (NEL, CSI),
// beside characters that are not controls (U+2028, é).
const hostile = "x\x1b[31mRED\x00nul\x07bel\u0085nel\u009bcsi\ttab\nnl\rcr\x7fdel\u2028ls\u00e9"

// hostileVisible is hostile as the text and table formats show it.
const hostileVisible = `x\x1b[31mRED\x00nul\x07bel\x85nel\x9bcsi\ttab\nnl\rcr\x7fdel` + "\u2028ls\u00e9"

// controlsIn lists the control characters (C0, DEL, C1) and non-UTF-8
// bytes of s, less those in allowed.
func controlsIn(s, allowed string) []string {
	var found []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || ((r < 0x20 || (r >= 0x7f && r <= 0x9f)) && !strings.ContainsRune(allowed, r)) {
			found = append(found, fmt.Sprintf("%q at %d", s[i:i+size], i))
		}
		i += size
	}
	return found
}

// hostileEndpoint answers every request as a server holding hostile
// strings would: GetAccount, ListAccounts, and an error for the rest.
func hostileEndpoint(t *testing.T) string {
	account := map[string]any{"AwsAccountId": "111122223333", "AccountId": "a\x07b", "Name": hostile,
		"AccountType": "Team", "SupportedLicenses": []string{"Pro", hostile}, "SigninDelegateGroups": []map[string]string{{"GroupName": "C1 only\u009b2J\u0085"}}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		var body any
		switch {
		case r.URL.Path == "/accounts":
			body = map[string]any{"Accounts": []any{account, account}}
		case r.URL.Path == "/accounts/a":
			body = map[string]any{"Account": account}
		default:
			w.WriteHeader(http.StatusBadRequest)
			body = map[string]any{"Code": "Bad\x1b[2JRequest", "Message": hostile}
		}
		b, _ := json.Marshal(body)
		// encoding/json leaves DEL and C1 raw: send them raw, as a
		// server might.
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestOutputEscapesControlCharacters: no output format, no error message
// and no --debug line carries a control character from data to the
// terminal; json and yaml read back exactly what was sent.
func TestOutputEscapesControlCharacters(t *testing.T) {
	e := newEnv(t)
	url := hostileEndpoint(t)
	e.set("AWS_ACCESS_KEY_ID", "test")
	e.set("AWS_SECRET_ACCESS_KEY", "test")
	ownColours := regexp.MustCompile("\x1b\\[[0-9;]*m")
	for _, op := range [][]string{{"get-account", "--account-id", "a"}, {"list-accounts"}} {
		for _, format := range []string{"text", "table", "json", "yaml", "yaml-stream"} {
			for _, color := range []string{"off", "on"} {
				args := append(append([]string{}, op...), "--endpoint-url", url, "--output", format, "--color", color)
				out, stderr, code := e.run(args...)
				if code != 0 {
					t.Fatalf("%v: exit %d: %s", args, code, stderr)
				}
				allowed := "\n"
				if format == "text" {
					allowed = "\n\t" // the format's own separators
				}
				if format == "table" && color == "on" {
					out = ownColours.ReplaceAllString(out, "")
				}
				if bad := controlsIn(out, allowed); len(bad) > 0 {
					t.Errorf("%v: raw controls %v in\n%s", args, bad, out)
				}
			}
		}
	}
	// A field's own tabs and line feeds are escaped, so the text format's
	// lines and columns stay the format's.
	out := e.mustRun("get-account", "--account-id", "a", "--endpoint-url", url, "--output", "text", "--query", "Account.Name")
	if want := hostileVisible + "\n"; out != want {
		t.Errorf("text:\n got %q\nwant %q", out, want)
	}
	out = e.mustRun("get-account", "--account-id", "a", "--endpoint-url", url, "--output", "text", "--query", "Account.SupportedLicenses")
	if want := "Pro\t" + hostileVisible + "\n"; out != want {
		t.Errorf("text list:\n got %q\nwant %q", out, want)
	}
	out = e.mustRun("get-account", "--account-id", "a", "--endpoint-url", url, "--output", "table", "--query", "Account.{N:Name}")
	if !strings.Contains(out, "|  "+hostileVisible+" ") {
		t.Errorf("table:\n%s", out)
	}
	// json and yaml escape as their grammars do and read back exactly.
	out = e.mustRun("get-account", "--account-id", "a", "--endpoint-url", url, "--output", "json", "--query", "Account.Name")
	var s string
	if err := json.Unmarshal([]byte(out), &s); err != nil || s != hostile {
		t.Errorf("json reads back %q (%v) from %s", s, err, out)
	}
	out = e.mustRun("get-account", "--account-id", "a", "--endpoint-url", url, "--output", "yaml", "--query", "Account.Name")
	s = ""
	if err := yaml.Unmarshal([]byte(out), &s); err != nil || s != hostile {
		t.Errorf("yaml reads back %q (%v) from %s", s, err, out)
	}

	// The server's error code and message, and every --debug line.
	_, stderr, code := e.run("list-users", "--account-id", "a", "--endpoint-url", url, "--debug")
	if code != 254 {
		t.Fatalf("list-users: exit %d: %s", code, stderr)
	}
	if bad := controlsIn(stderr, "\n"); len(bad) > 0 {
		t.Errorf("stderr: raw controls %v in\n%s", bad, stderr)
	}
	if want := `An error occurred (Bad\x1b[2JRequest) when calling the ListUsers operation: ` + hostileVisible; !strings.Contains(stderr, want) {
		t.Errorf("stderr has no %q:\n%s", want, stderr)
	}
}
