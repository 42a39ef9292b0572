package awscli

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
)

func inserts(cs []choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.insert
	}
	return out
}

// promptGlobalNames are the global options the prompt offers, in the
// AWS CLI's order.
func promptGlobalNames() []string {
	var out []string
	for _, g := range globalFlags {
		if g.name != "--help" && g.name != "--cli-auto-prompt" && g.name != "--no-cli-auto-prompt" {
			out = append(out, g.name)
		}
	}
	return out
}

// What the menu offers, as AWS CLI v2 2.9 and 2.36 offer it for
// `aws chime ...` (measured on both; its completion index keeps the
// model's --max-results and --next-token beside the pagination options).
func TestPromptCompletions(t *testing.T) {
	src := promptSource{profiles: []string{"default", "dev"}}
	listUsers := []string{"--account-id", "--user-email", "--user-type", "--max-results", "--next-token",
		"--cli-input-json", "--cli-input-yaml", "--starting-token", "--page-size", "--max-items", "--generate-cli-skeleton"}
	tests := []struct {
		name, line string
		want       []string // nil: nothing
	}{
		{"OperationOptionsThenGlobals", "list-users ", append(slices.Clone(listUsers), promptGlobalNames()...)},
		{"NothingAfterAValueTakingOption", "list-users --account-id ", nil},
		{"NothingWhileTypingAValue", "list-users --account-id 12", nil},
		{"GivenOptionsNotOfferedAgain", "list-users --account-id x --max-items 3 --output json --no-paginate ",
			slices.DeleteFunc(append(slices.Clone(listUsers), promptGlobalNames()...), func(s string) bool {
				return s == "--account-id" || s == "--max-items" || s == "--output" || s == "--no-paginate"
			})},
		{"EnumValues", "list-users --user-type ", []string{"PrivateUser", "SharedDevice"}},
		{"EnumValuesFiltered", "list-users --user-type sh", []string{"SharedDevice"}},
		{"OutputFormats", "list-users --output ", []string{"json", "text", "table", "yaml", "yaml-stream", "off"}},
		{"OutputFormatsFuzzy", "list-users --output ya", []string{"yaml", "yaml-stream"}},
		{"ColorValues", "list-users --color ", []string{"on", "off", "auto"}},
		{"Profiles", "list-users --profile ", []string{"default", "dev"}},
		{"NoRegionsForChime", "list-users --region ", nil},
		{"NothingAfterSkeletonOption", "list-users --generate-cli-skeleton ", nil},
		{"RequiredFirstWhenFiltered", "update-user --us", []string{"--user-id", "--user-type"}},
		{"OptionsFuzzy", "list-users --mi", []string{"--max-items", "--user-email"}},
		{"ListValuesThenOptionAfterDashes", "batch-suspend-user --account-id x --user-id-list a b --",
			append([]string{"--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton"}, promptGlobalNames()...)},
		{"NothingInsideAList", "batch-suspend-user --account-id x --user-id-list a b ", nil},
		{"StructureKeys", "update-user --alexa-for-business-metadata ", []string{"IsAlexaForBusinessEnabled=", "AlexaForBusinessRoomArn="}},
		{"StructureBooleanValue", "update-user --alexa-for-business-metadata IsAlexaForBusinessEnabled=", []string{"IsAlexaForBusinessEnabled=true", "IsAlexaForBusinessEnabled=false"}},
		{"StructureNextKey", "update-user --alexa-for-business-metadata IsAlexaForBusinessEnabled=true,", []string{"IsAlexaForBusinessEnabled=true,AlexaForBusinessRoomArn="}},
		{"FlagTakesNoValue", "list-users --account-id x --debug --no-paginate --outp", []string{"--output"}},
		{"PartialOperationName", "get-user", []string{"get-user", "get-user-settings"}},
		{"UnknownWordStopsCompletion", "list-users stray ", nil},
		{"GlobalsBeforeTheOperation", "--", promptGlobalNames()},
	}
	// These compare only the first choices: the looser fuzzy matches
	// that follow are the filter's business.
	firstOnly := map[string]bool{"RequiredFirstWhenFiltered": true, "PartialOperationName": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := inserts(src.completions(tt.line))
			if len(got) == 0 {
				got = nil
			}
			if firstOnly[tt.name] && len(got) > len(tt.want) {
				got = got[:len(tt.want)]
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q offers\n %q\nwant\n %q", tt.line, got, tt.want)
			}
		})
	}
}

// The operations, when none is given: all of them, then their options
// once one is chosen.
func TestPromptOperations(t *testing.T) {
	src := promptSource{}
	got := inserts(src.completions(""))
	var want []string
	for name := range commands() {
		want = append(want, name)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("offered %q\nwant %q", got, want)
	}
	if got := inserts(src.completions("cr")); len(got) == 0 || !strings.HasPrefix(got[0], "create-") {
		t.Errorf("cr offers %q first", got)
	}
	if got := inserts(src.completions("list-accounts ")); len(got) == 0 || got[0] != "--name" {
		t.Errorf("list-accounts offers %q", got)
	}
}

// Tab, Tab never makes a command the AWS CLI would refuse: right after an
// option that takes a value, the menu holds values or nothing, never
// another option. Every option of every operation.
func TestPromptNeverCompletesAnOptionForAValue(t *testing.T) {
	src := promptSource{profiles: []string{"default"}}
	for name, op := range commands() {
		opts := append(operationOptions(op), globalOptions()...)
		for _, o := range opts {
			if o.flag {
				continue
			}
			line := name + " " + o.name + " "
			for _, c := range src.completions(line) {
				if strings.HasPrefix(c.insert, "-") {
					t.Errorf("%q offers %q", line, c.insert)
				}
			}
			m := newPromptModel(src, line, nil, nil)
			m.update(promptKey{typ: keyTab})
			m.update(promptKey{typ: keyTab})
			if added := strings.Fields(strings.TrimPrefix(m.line(), line)); len(added) > 0 && strings.HasPrefix(added[0], "-") {
				t.Errorf("%q, Tab, Tab gives %q", line, m.line())
			}
		}
	}
}

// The value lists of the global options are what the options accept.
func TestPromptGlobalChoices(t *testing.T) {
	for _, gf := range globalFlags {
		if !gf.takes {
			continue
		}
		vals, listed := promptGlobalChoices[gf.name]
		for _, v := range vals {
			if err := gf.set(defaultGlobals(), v); err != nil {
				t.Errorf("%s %s is offered but refused: %v", gf.name, v, err)
			}
		}
		err := gf.set(defaultGlobals(), "not-a-value")
		var ce *configError
		if refusesChoice := err != nil && !errors.As(err, &ce); refusesChoice != listed {
			t.Errorf("%s: refuses values outside a list: %v; the prompt lists values: %v", gf.name, refusesChoice, listed)
		}
	}
}

func TestPromptFuzzyFilter(t *testing.T) {
	cs := valuesOf([]string{"list-users", "list-accounts", "get-user", "update-user-settings"})
	if got := inserts(fuzzyFilter("usr", cs)); !slices.Equal(got, []string{"get-user", "list-users", "update-user-settings"}) {
		t.Errorf("usr: %q", got)
	}
	if got := inserts(fuzzyFilter("LIST", cs)); !slices.Equal(got, []string{"list-accounts", "list-users"}) {
		t.Errorf("LIST: %q", got)
	}
}

func typeText(m *promptModel, s string) {
	for _, r := range s {
		m.update(promptKey{typ: keyRune, r: r})
	}
}

// Tab moves through the menu, putting each choice in the line, and back
// to the line as typed; Enter takes the choice, and only a second Enter
// (no menu open) ends the prompt.
func TestPromptMenuKeys(t *testing.T) {
	m := newPromptModel(promptSource{}, "list-users ", nil, nil)
	typeText(m, "--acc")
	if !m.menuOpen || len(m.menu) != 1 {
		t.Fatalf("menu %v open %v", inserts(m.menu), m.menuOpen)
	}
	m.update(promptKey{typ: keyTab})
	if m.line() != "list-users --account-id" || m.sel != 0 {
		t.Fatalf("Tab: %q sel %d", m.line(), m.sel)
	}
	m.update(promptKey{typ: keyTab})
	if m.line() != "list-users --acc" || m.sel != -1 {
		t.Fatalf("Tab past the end: %q sel %d", m.line(), m.sel)
	}
	m.update(promptKey{typ: keyShiftTab})
	if m.line() != "list-users --account-id" {
		t.Fatalf("Shift+Tab: %q", m.line())
	}
	m.update(promptKey{typ: keyEnter})
	if m.done || m.menuOpen {
		t.Fatalf("the first Enter should take the choice: done %v open %v", m.done, m.menuOpen)
	}
	typeText(m, " x")
	if m.menuOpen {
		t.Fatalf("a menu while typing a value: %q", inserts(m.menu))
	}
	m.update(promptKey{typ: keyEnter})
	if !m.done || m.line() != "list-users --account-id x" {
		t.Fatalf("Enter: done %v line %q", m.done, m.line())
	}

	m = newPromptModel(promptSource{}, "list-users", nil, nil)
	m.update(promptKey{typ: keyInterrupt})
	if !m.aborted {
		t.Fatal("Ctrl+C did not abort")
	}
}

// A line longer than the screen is wide wraps, and the cursor stays on
// the screen, after the last character typed, wherever it moves.
func TestPromptLongLineKeepsCursorVisible(t *testing.T) {
	m := newPromptModel(promptSource{}, "create-user ", nil, nil)
	m.width, m.height = 40, 12
	long := "--account-id " + strings.Repeat("a", 150) + " --email someone@example.com --user-type Priv"
	typeText(m, long)
	check := func(when string) {
		t.Helper()
		s := m.view()
		if !s.cursorShown || s.cursorRow < 0 || s.cursorRow >= s.height || s.cursorCol < 0 || s.cursorCol >= s.width {
			t.Fatalf("%s: cursor at %d,%d on a %dx%d screen:\n%s", when, s.cursorRow, s.cursorCol, s.width, s.height, s)
		}
		// The character before the cursor is the one before it in the line.
		if m.cur > 0 {
			row, col := s.cursorRow, s.cursorCol-1
			if col < 0 {
				row, col = row-1, s.mainW-1
			}
			if got := []rune(s.plain[row] + strings.Repeat(" ", s.width))[col]; got != m.buf[m.cur-1] {
				t.Fatalf("%s: %q before the cursor, want %q:\n%s", when, got, m.buf[m.cur-1], s)
			}
		}
	}
	check("at the end")
	if !strings.Contains(m.view().String(), "PrivateUser") {
		t.Errorf("the menu is not shown:\n%s", m.view())
	}
	m.update(promptKey{typ: keyHome})
	if s := m.view(); s.cursorRow != 0 || s.cursorCol != len(promptLead) {
		t.Errorf("Home: cursor at %d,%d:\n%s", s.cursorRow, s.cursorCol, s)
	}
	for range 100 {
		m.update(promptKey{typ: keyRight})
	}
	check("in the middle")
	m.height = 6 // fewer rows than the line needs
	m.update(promptKey{typ: keyEnd})
	check("on a short screen")
}

// F3 shows and hides the documentation panel, F5 the output panel, F1
// the key help; F2 moves the focus to a panel and q back.
func TestPromptPanels(t *testing.T) {
	docs := func(op *apispec.Operation) string {
		if op == nil {
			return "the overview"
		}
		return "the help of " + op.Name
	}
	p := &Program{}
	m := newPromptModel(promptSource{}, "list-users ", docs, p.promptOutput(defaultGlobals()))
	m.width, m.height = 100, 40
	if strings.Contains(m.view().String(), "Doc panel") {
		t.Fatal("the doc panel shows before F3")
	}
	m.update(promptKey{typ: keyF3})
	if s := m.view().String(); !strings.Contains(s, "|Doc panel|") || !strings.Contains(s, "the help of ListUsers") {
		t.Fatalf("F3:\n%s", s)
	}
	m.update(promptKey{typ: keyF5})
	if s := m.view().String(); !strings.Contains(s, "|Output panel|") || !strings.Contains(s, `"Users"`) {
		t.Fatalf("F5:\n%s", s)
	}
	typeText(m, "--output text --query Users[0].UserId ")
	if s := m.view().String(); !strings.Contains(s, "UserId") || strings.Contains(s, `"Users"`) {
		t.Errorf("the output panel does not follow --output and --query:\n%s", s)
	}
	m.update(promptKey{typ: keyF2})
	if m.focus != focusDoc || m.view().cursorShown {
		t.Fatalf("F2: focus %v", m.focus)
	}
	m.update(promptKey{typ: keyRune, r: 'j'})
	if m.line() != "list-users --output text --query Users[0].UserId " {
		t.Fatalf("a key for the doc panel reached the line: %q", m.line())
	}
	m.update(promptKey{typ: keyRune, r: 'q'})
	if m.focus != focusInput {
		t.Fatalf("q: focus %v", m.focus)
	}
	m.update(promptKey{typ: keyF3})
	m.update(promptKey{typ: keyF5})
	if s := m.view().String(); strings.Contains(s, "Doc panel") || strings.Contains(s, "Output panel") {
		t.Fatalf("F3, F5 again:\n%s", s)
	}
	m.update(promptKey{typ: keyF1})
	if s := m.view().String(); !strings.Contains(s, "Prompt panel help") || !strings.Contains(s, "[F3]") {
		t.Fatalf("F1:\n%s", s)
	}
	// Without an operation the doc panel has the overview.
	m = newPromptModel(promptSource{}, "", docs, nil)
	m.update(promptKey{typ: keyF3})
	if s := m.view().String(); !strings.Contains(s, "the overview") || !strings.Contains(s, "admin-advance-clock") {
		t.Fatalf("no operation:\n%s", s)
	}
}

func TestPromptDecodeKeys(t *testing.T) {
	keys, rest := decodeKeys([]byte("a\x1bOP\x1b[15~\x1b[A\t\x1b[Z\r\x7f\x03é\x1b[200~x\ny\x1b[201~\x1b"))
	var got []keyType
	for _, k := range keys {
		got = append(got, k.typ)
	}
	want := []keyType{keyRune, keyF1, keyF5, keyUp, keyTab, keyShiftTab, keyEnter, keyBackspace, keyInterrupt, keyRune, keyPaste, keyEscape}
	if !slices.Equal(got, want) || len(rest) != 0 {
		t.Fatalf("keys %v rest %q, want %v", got, rest, want)
	}
	if keys[9].r != 'é' || keys[10].text != "x\ny" {
		t.Errorf("rune %q paste %q", keys[9].r, keys[10].text)
	}
	// A sequence cut by the read waits for the rest.
	if keys, rest := decodeKeys([]byte("b\x1b[1")); len(keys) != 1 || string(rest) != "\x1b[1" {
		t.Errorf("cut sequence: %v %q", keys, rest)
	}
}

// Input is bounded: an unended paste is passed on in pieces, never held
// whole, and cut at a character's start; an escape sequence that does
// not end is dropped; the line stops growing at maxPromptLine.
func TestPromptInputBounds(t *testing.T) {
	keys, rest := decodeKeys([]byte(pasteStart + strings.Repeat("x", 10000)))
	if len(keys) != 1 || keys[0].typ != keyPaste || len(keys[0].text) != 10000-(len(pasteEnd)-1) || string(rest) != pasteStart+"xxxxx" {
		t.Fatalf("unended paste: %d keys, rest %q", len(keys), rest)
	}
	keys, rest = decodeKeys(append(rest, "yy"+pasteEnd+"z"...))
	if len(keys) != 2 || keys[0].text != "xxxxxyy" || keys[1].r != 'z' || len(rest) != 0 {
		t.Fatalf("paste's end: %v %q", keys, rest)
	}
	keys, rest = decodeKeys([]byte(pasteStart + "aéééé"))
	if len(keys) != 1 || keys[0].text != "aé" || string(rest) != pasteStart+"ééé" {
		t.Fatalf("cut in a character: %v %q", keys, rest)
	}
	keys, rest = decodeKeys([]byte("\x1b[" + strings.Repeat("1", maxEscapeLength) + "\r"))
	if len(keys) != 1 || keys[0].typ != keyEnter || len(rest) != 0 {
		t.Fatalf("unended escape: %v %q", keys, rest)
	}

	m := newPromptModel(promptSource{}, "", nil, nil)
	m.update(promptKey{typ: keyPaste, text: strings.Repeat("a", maxPromptLine+10)})
	m.update(promptKey{typ: keyRune, r: 'b'})
	if len(m.buf) != maxPromptLine || m.cur != maxPromptLine || m.buf[len(m.buf)-1] != 'a' {
		t.Fatalf("line of %d, cursor %d", len(m.buf), m.cur)
	}
	m.update(promptKey{typ: keyBackspace})
	m.update(promptKey{typ: keyRune, r: 'b'})
	if len(m.buf) != maxPromptLine || m.buf[len(m.buf)-1] != 'b' {
		t.Fatalf("after a backspace: line of %d ending %q", len(m.buf), m.buf[len(m.buf)-1])
	}
}
