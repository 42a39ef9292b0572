package awscli

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/openchime/chime/apispec"
)

func TestKebab(t *testing.T) {
	for in, want := range map[string]string{
		"CreateUser": "create-user", "ResetPersonalPIN": "reset-personal-pin", "AccountId": "account-id",
		"AssociateSigninDelegateGroupsWithAccount": "associate-signin-delegate-groups-with-account",
		"UserEmailList": "user-email-list", "SMS": "sms", "E164PhoneNumber": "e164-phone-number",
		"AlexaForBusinessMetadata": "alexa-for-business-metadata",
	} {
		if got := apispec.Kebab(in); got != want {
			t.Errorf("apispec.Kebab(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestShorthand(t *testing.T) {
	got, err := parseShorthand(`Telephony={InboundCalling=true,SMS=false},Names=[a,"b,c"],Plain=x y`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"Telephony": map[string]any{"InboundCalling": "true", "SMS": "false"},
		"Names": []any{"a", "b,c"}, "Plain": "x y"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v", got)
	}
	for _, bad := range []string{"novalue", "A={B=1", "A=[1,2", `A="open`, "A=1}"} {
		if _, err := parseShorthand(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// The AWS CLI's grammar: a comma-separated value is a list up to the next
// Key=, a key may be empty, and errors say what was expected where, with
// a caret under the position (after the space the current release's
// message puts before the input).
func TestShorthandAsTheAWSCLI(t *testing.T) {
	for in, want := range map[string]map[string]any{
		"A=a,b,c,B=d":      {"A": []any{"a", "b", "c"}, "B": "d"},
		"=x":               {"": "x"},
		"A=":               {"A": ""},
		`A=a\,b`:           {"A": "a,b"},
		"A = 1 , B=[x, y]": {"A": "1", "B": []any{"x", "y"}},
		"A={B=[1,{C=2}]}":  {"A": map[string]any{"B": []any{"1", map[string]any{"C": "2"}}}},
		`A='it\'s',B="q"`:  {"A": "it's", "B": "q"},
		"A=x=y":            {"A": "x=y"},
	} {
		got, err := parseShorthand(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %#v, %v; want %#v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"Telephony={InboundCalling=tru": "Expected: ',', received: 'EOF' for input:\n Telephony={InboundCalling=tru\n                             ^",
		"Telephony":                     "Expected: '=', received: 'EOF' for input:\n Telephony\n         ^",
		"Telephony={A=true,,B=1}":       "Expected: '=', received: ',' for input:\n Telephony={A=true,,B=1}\n                  ^",
		"T={A=true}}":                   "Expected: ',', received: '}' for input:\n T={A=true}}\n          ^",
		"A=1,A=2":                       "Second instance of key \"A\" encountered for input:\nA=1,A=2\n    ^\nThis is often because there is a preceding \",\" instead of a space.",
		"A=[1,2":                        "Expected: ',', received: 'EOF' for input:\n A=[1,2\n      ^",
		"A={B=1}\nC":                    "Expected: ',', received: 'C' for input:\n A={B=1}\nC\n^",
	} {
		_, err := parseShorthand(in)
		if err == nil || err.Error() != want {
			t.Errorf("%q:\n%v\nwant\n%s", in, err, want)
		}
	}
}

// JSON errors in Python's json words and positions, which the AWS CLI
// quotes.
func TestPythonJSONErrors(t *testing.T) {
	for in, want := range map[string]string{
		`{"a": true`:                           "Expecting ',' delimiter: line 1 column 11 (char 10)",
		`{"a" true}`:                           "Expecting ':' delimiter: line 1 column 6 (char 5)",
		`{a: 1}`:                               "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
		`{"a": tru}`:                           "Expecting value: line 1 column 7 (char 6)",
		"":                                     "Expecting value: line 1 column 1 (char 0)",
		`{"a": "x`:                             "Unterminated string starting at: line 1 column 7 (char 6)",
		`{} x`:                                 "Extra data: line 1 column 4 (char 3)",
		"[1,\n 2\n x]":                         "Expecting ',' delimiter: line 3 column 2 (char 8)",
		`["\q"]`:                               "Invalid \\escape: line 1 column 3 (char 2)",
		"[\"a\tb\"]":                           "Invalid control character at: line 1 column 4 (char 3)",
		`[1,]`:                                 "Expecting value: line 1 column 4 (char 3)",
		`{"é": [1, 2.5e3, -0, NaN, "\u00e9"]}`: "",
	} {
		if got := pyJSONError(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// Nesting is bounded: a value nested past the bound is refused after a
// bounded recursion, one at the bound is read.
func TestNestingBounds(t *testing.T) {
	at := strings.Repeat("[", maxShorthandNesting) + strings.Repeat("]", maxShorthandNesting)
	if _, err := parseShorthand("A=" + at); err != nil {
		t.Errorf("%d levels: %v", maxShorthandNesting, err)
	}
	for _, n := range []int{maxShorthandNesting + 1, 1 << 16} {
		_, err := parseShorthand("A=" + strings.Repeat("{B=", n))
		if err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("Nested more than %d levels deep for input:", maxShorthandNesting)) {
			t.Errorf("%d levels: %.80v", n, err)
		}
	}
	if got := pyJSONError(strings.Repeat("[", maxJSONNesting) + strings.Repeat("]", maxJSONNesting)); got != "" {
		t.Errorf("%d levels: %s", maxJSONNesting, got)
	}
	want := fmt.Sprintf("Nested more than %d levels deep: line 1 column %d (char %d)", maxJSONNesting, maxJSONNesting+1, maxJSONNesting)
	if got := pyJSONError(strings.Repeat("[", 1<<16)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A parameter file is read up to maxParamFileBytes: one larger, or one
// that never ends, is refused; one that cannot be read is Python's
// OSError.
func TestParamFileBound(t *testing.T) {
	dir := t.TempDir()
	e := &Env{Dir: dir}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for size, ok := range map[int64]bool{maxParamFileBytes: true, maxParamFileBytes + 1: false} {
		if err := os.Truncate(big, size); err != nil {
			t.Fatal(err)
		}
		got, err := readParamFile(e, "--name", "file://big")
		if ok && (err != nil || len(got) != maxParamFileBytes) {
			t.Errorf("%d bytes: %d %v", size, len(got), err)
		}
		if !ok && (err == nil || err.Error() != fmt.Sprintf("Error parsing parameter '--name': Unable to load paramfile file://big: larger than %d bytes", maxParamFileBytes)) {
			t.Errorf("%d bytes: %v", size, err)
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := readParamFile(e, "--name", "fileb:///dev/zero"); err == nil || !strings.HasSuffix(err.Error(), "larger than 16777216 bytes") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if _, err := readParamFile(e, "--name", "file://"+dir); err == nil || !strings.HasSuffix(err.Error(), "[Errno 21] Is a directory: '"+dir+"'") {
		t.Errorf("a directory: %v", err)
	}
}

func TestSplitWords(t *testing.T) {
	got, err := splitWords(`create-user --name 'a b' --x "c \"d\"" e\ f`)
	if err != nil || fmt.Sprint(got) != `[create-user --name a b --x c "d" e f]` || len(got) != 6 {
		t.Errorf("%q %v", got, err)
	}
	if _, err := splitWords(`a 'b`); err == nil {
		t.Error("an open quote was accepted")
	}
	if joinArgs([]string{"a b", "it's", "plain"}) != `'a b' 'it'\''s' plain` {
		t.Error(joinArgs([]string{"a b", "it's", "plain"}))
	}
}

func TestBooleanOptions(t *testing.T) {
	op := &apispec.Operation{Name: "Toggle", Input: &apispec.Shape{Type: apispec.Structure, Members: []apispec.Member{
		{Name: "Enabled", Shape: &apispec.Shape{Type: apispec.Boolean}},
		{Name: "Dry", Shape: &apispec.Shape{Type: apispec.Boolean}},
	}}}
	inv, err := parseInvocation(op, defaultGlobals(), []string{"--enabled", "--no-dry"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := inv.document(&Env{})
	if err != nil || doc["Enabled"] != true || doc["Dry"] != false {
		t.Errorf("%v %v", doc, err)
	}
}

func TestPythonTime(t *testing.T) {
	if got := pythonTime(time.Date(2020, 1, 15, 22, 38, 9, 806_000_000, time.UTC)); got != "2020-01-15T22:38:09.806000+00:00" {
		t.Error(got)
	}
	if got := pythonTime(time.Date(2020, 1, 15, 22, 38, 9, 0, time.UTC)); got != "2020-01-15T22:38:09+00:00" {
		t.Error(got)
	}
}

func TestYAMLQuoting(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "": "''", "true": "'true'", "2020-01-15T22:38:09.806000+00:00": "'2020-01-15T22:38:09.806000+00:00'",
		"123": "'123'", "a: b": "'a: b'", "it's": "it's", "line\nbreak": `"line\nbreak"`,
	} {
		if got := yamlString(in); got != want {
			t.Errorf("yamlString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ name, in, want, wantLines string }{
		{"plain", "Team ünïcode ✓ \\x41", "Team ünïcode ✓ \\x41", "Team ünïcode ✓ \\x41"},
		{"ESC", "a\x1b[2Jb", `a\x1b[2Jb`, `a\x1b[2Jb`},
		{"C0", "\x00\x01\x07\x08\x0b\x0c\x1f", `\x00\x01\x07\x08\x0b\x0c\x1f`, `\x00\x01\x07\x08\x0b\x0c\x1f`},
		{"separators", "a\tb\nc\rd", `a\tb\nc\rd`, "a\\tb\nc\\rd"},
		{"DEL", "a\x7fb", `a\x7fb`, `a\x7fb`},
		{"C1", "\u0080\u0085\u009b\u009f\u00a0", `\x80\x85\x9b\x9f` + "\u00a0", `\x80\x85\x9b\x9f` + "\u00a0"},
		{"not UTF-8", "a\xff\xc2b", `a\xff\xc2b`, `a\xff\xc2b`},
		{"replacement character", "\ufffd", "\ufffd", "\ufffd"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := visible(tc.in); got != tc.want {
				t.Errorf("visible(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got := visible(visible(tc.in)); got != tc.want {
				t.Errorf("visible is not idempotent on %q: %q", tc.in, got)
			}
			if got := visibleLines(tc.in); got != tc.wantLines {
				t.Errorf("visibleLines(%q) = %q, want %q", tc.in, got, tc.wantLines)
			}
		})
	}
	// A character cut between two writes shows as bytes.
	var b strings.Builder
	w := visibleWriter{&b}
	io.WriteString(w, "a\xc2")
	io.WriteString(w, "\x9bb\n")
	if b.String() != `a\xc2\x9bb`+"\n" {
		t.Errorf("split C1: %q", b.String())
	}
}

// TestCommandIndexSkipsGlobalOptionValues: the command is found after
// every global option, whatever its value, in both spellings; a value
// equal to a command's name is a value.
func TestCommandIndexSkipsGlobalOptionValues(t *testing.T) {
	for _, gf := range globalFlags {
		t.Run(gf.name, func(t *testing.T) {
			for _, command := range []string{"export", "import", "server", "bench", "admin", "version", "list-users"} {
				if !gf.takes {
					if got := CommandIndex([]string{gf.name, command, "--x"}); got != 1 {
						t.Errorf("%s %s: the command is at %d", gf.name, command, got)
					}
					continue
				}
				if gf.set(defaultGlobals(), command) != nil {
					// A value the option refuses names no command either:
					// Run reports the option.
					if got := CommandIndex([]string{gf.name, command, command, "--x"}); got != -1 {
						t.Errorf("%s %s refused, yet the command is at %d", gf.name, command, got)
					}
				}
				value := acceptedValue(t, gf, command)
				for _, tc := range []struct {
					args []string
					want int
				}{
					{[]string{gf.name, value, command, "--store", "x"}, 2},
					{[]string{gf.name + "=" + value, command, "--store", "x"}, 1},
					{[]string{"--debug", gf.name, value, "--no-paginate", command}, 4},
					{[]string{gf.name, value, gf.name, value, command}, 4},
					{[]string{gf.name}, -1},
					{[]string{gf.name, value}, -1},
				} {
					if got := CommandIndex(tc.args); got != tc.want {
						t.Errorf("CommandIndex(%q) = %d, want %d", tc.args, got, tc.want)
					}
				}
			}
		})
	}
}

// acceptedValue is the command's name when the option takes it, else the
// first value it accepts among its kinds (a format, a colour, a binary
// format, a number of seconds).
func acceptedValue(t *testing.T, gf globalFlag, command string) string {
	t.Helper()
	for _, v := range []string{command, "text", "on", "base64", "5"} {
		if gf.set(defaultGlobals(), v) == nil {
			return v
		}
	}
	t.Fatalf("%s accepts none of the test's values: add one", gf.name)
	return ""
}

// similarity is difflib's ratio, as the AWS CLI's suggestions use it.
func TestSimilarityIsDifflibRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"create-usr", "create-user", 0.9523809523809523},
		{"create-usr", "create-bot", 0.7},
		{"list-user", "list-users", 0.9473684210526315},
		{"getuser", "get-user", 0.9333333333333333},
		{"abcd", "dcba", 0.25},
		{"phone", "phones", 0.9090909090909091},
	} {
		if got := similarity(tc.a, tc.b); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("similarity(%q, %q) = %v, difflib: %v", tc.a, tc.b, got, tc.want)
		}
	}
	if got := closeMatches("create-usr", commandNames()); len(got) != 1 || got[0] != "create-user" {
		t.Errorf("suggestions for create-usr: %v", got)
	}
}

// The walks over shapes here (skeletons, manual pages, key order, JSON
// syntax) recurse without a depth bound: they end because no shape of
// apispec contains itself. A recursive shape would fail here first.
func TestShapesAreTrees(t *testing.T) {
	var walk func(s *apispec.Shape, path []*apispec.Shape)
	walk = func(s *apispec.Shape, path []*apispec.Shape) {
		if s == nil {
			return
		}
		for _, p := range path {
			if p == s {
				t.Fatalf("%s contains itself", s.Name)
			}
		}
		path = append(path, s)
		for _, m := range s.Members {
			walk(m.Shape, path)
		}
		walk(s.Member, path)
	}
	for _, op := range apispec.All {
		walk(op.InputShape(), nil)
		walk(op.Output, nil)
	}
}
