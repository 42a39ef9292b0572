package awscli

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/openchime/chime/apispec"
)

// The auto-prompt's state and drawing, apart from any terminal: keys go in
// through update, the screen comes out of view, so tests drive it
// directly. The keys are AWS CLI v2's: Enter takes the highlighted
// completion or runs the command, Tab and the arrows move through the
// menu, F1 shows the key help, F2 moves the focus between the panels, F3
// shows the documentation panel, F4 switches the menu between one and
// several columns, F5 shows the output panel, Ctrl+C or Ctrl+D leaves.

type keyType int

const (
	keyRune keyType = iota
	keyEnter
	keyTab
	keyShiftTab
	keyBackspace
	keyDelete
	keyLeft
	keyRight
	keyUp
	keyDown
	keyHome
	keyEnd
	keyWordLeft
	keyWordRight
	keyDeleteWordBack
	keyKillToEnd
	keyKillToStart
	keyPageUp
	keyPageDown
	keyEscape
	keyInterrupt // Ctrl+C or Ctrl+D
	keyRedraw
	keyF1
	keyF2
	keyF3
	keyF4
	keyF5
	keyPaste
)

// promptKey is one key press, or a pasted text.
type promptKey struct {
	typ  keyType
	r    rune
	text string // keyPaste
}

type promptFocus int

const (
	focusInput promptFocus = iota
	focusDoc
	focusOutput
)

// Sizes of AWS CLI v2's layout.
const (
	promptInputMinRows = 10
	promptMenuMaxRows  = 16
	promptPanelMaxRows = 30
	promptHelpWidth    = 32
	promptLead         = "> chime "
)

type promptModel struct {
	src promptSource
	// docs gives the documentation panel's text: an operation's, or the
	// command line's overview when op is nil.
	docs func(op *apispec.Operation) string
	// output gives the output panel's text for the command line.
	output func(line string) string

	buf []rune
	cur int

	// The menu: its choices, the highlighted one (-1: none), where the
	// fragment it replaces starts, and the line as it was before Tab
	// started moving through it.
	menu     []choice
	sel      int
	menuOpen bool
	menuFrom int
	origBuf  []rune
	origCur  int

	showDoc, showHelp, showOutput, multiColumn bool
	focus                                      promptFocus
	docTop, outTop                             int
	docText, outText                           string

	width, height int
	done, aborted bool
}

func newPromptModel(src promptSource, line string, docs func(*apispec.Operation) string, output func(string) string) *promptModel {
	m := &promptModel{src: src, docs: docs, output: output, buf: []rune(line), width: 80, height: 24, sel: -1}
	m.cur = len(m.buf)
	m.refresh()
	return m
}

// line is the command line being edited.
func (m *promptModel) line() string { return string(m.buf) }

// refresh recomputes the menu and the panels after the line changed.
func (m *promptModel) refresh() {
	before := string(m.buf[:m.cur])
	m.menu = m.src.completions(before)
	m.sel = -1
	m.menuOpen = len(m.menu) > 0
	m.menuFrom = m.cur
	for m.menuFrom > 0 && !unicode.IsSpace(m.buf[m.menuFrom-1]) {
		m.menuFrom--
	}
	m.updatePanels()
}

func (m *promptModel) updatePanels() {
	parsed := parsePromptLine(string(m.buf) + " ")
	if m.docs != nil {
		if t := m.docs(parsed.op); t != m.docText {
			m.docText, m.docTop = t, 0
		}
	}
	if m.output != nil {
		if t := m.output(string(m.buf)); t != m.outText {
			m.outText, m.outTop = t, 0
		}
	}
}

func (m *promptModel) closeMenu() {
	m.menuOpen = false
	m.sel = -1
}

// cycle moves the highlight through the menu, putting the highlighted
// choice in the line; past either end the line is back as typed.
func (m *promptModel) cycle(delta int) {
	if !m.menuOpen || len(m.menu) == 0 {
		return
	}
	if m.sel == -1 {
		m.origBuf = append([]rune(nil), m.buf...)
		m.origCur = m.cur
	}
	n := len(m.menu) + 1 // the positions: each choice, then the line as typed
	pos := (m.sel + 1 + delta + n) % n
	m.sel = pos - 1
	if m.sel == -1 {
		m.buf = append([]rune(nil), m.origBuf...)
		m.cur = m.origCur
		return
	}
	ins := []rune(m.menu[m.sel].insert)
	b := append([]rune(nil), m.origBuf[:m.menuFrom]...)
	b = append(b, ins...)
	b = append(b, m.origBuf[m.origCur:]...)
	m.buf = b
	m.cur = m.menuFrom + len(ins)
	m.updatePanels()
}

// update applies one key.
func (m *promptModel) update(k promptKey) {
	switch k.typ {
	case keyInterrupt:
		m.aborted = true
		return
	case keyRedraw:
		return
	case keyF1:
		m.showHelp = !m.showHelp
		return
	case keyF2:
		m.focusNext()
		return
	case keyF3:
		m.showDoc = !m.showDoc
		if m.focus == focusDoc {
			m.focus = focusInput
		}
		return
	case keyF4:
		m.multiColumn = !m.multiColumn
		return
	case keyF5:
		m.showOutput = !m.showOutput
		if m.focus == focusOutput {
			m.focus = focusInput
		}
		return
	}
	if m.focus != focusInput {
		m.updatePanel(k)
		return
	}
	switch k.typ {
	case keyEnter:
		if m.menuOpen {
			m.closeMenu()
			return
		}
		m.done = true
	case keyTab, keyDown:
		m.cycle(1)
	case keyShiftTab, keyUp:
		m.cycle(-1)
	case keyEscape:
		m.closeMenu()
	case keyRune:
		m.insert(string(k.r))
	case keyPaste:
		m.insert(k.text)
	case keyBackspace:
		if m.cur > 0 {
			m.edit(m.cur-1, m.cur, "")
		}
	case keyDelete:
		if m.cur < len(m.buf) {
			m.edit(m.cur, m.cur+1, "")
		}
	case keyDeleteWordBack:
		i := m.cur
		for i > 0 && unicode.IsSpace(m.buf[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(m.buf[i-1]) {
			i--
		}
		m.edit(i, m.cur, "")
	case keyKillToEnd:
		m.edit(m.cur, len(m.buf), "")
	case keyKillToStart:
		m.edit(0, m.cur, "")
	case keyLeft:
		m.move(m.cur - 1)
	case keyRight:
		m.move(m.cur + 1)
	case keyHome:
		m.move(0)
	case keyEnd:
		m.move(len(m.buf))
	case keyWordLeft:
		i := m.cur
		for i > 0 && unicode.IsSpace(m.buf[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(m.buf[i-1]) {
			i--
		}
		m.move(i)
	case keyWordRight:
		i := m.cur
		for i < len(m.buf) && unicode.IsSpace(m.buf[i]) {
			i++
		}
		for i < len(m.buf) && !unicode.IsSpace(m.buf[i]) {
			i++
		}
		m.move(i)
	}
}

// insert types text at the cursor; a pasted line break or tab is a space,
// since the line is one command.
func (m *promptModel) insert(s string) {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	if s != "" {
		m.edit(m.cur, m.cur, s)
	}
}

// maxPromptLine bounds the prompt's line, in characters: eight times a
// terminal line of 4096, the longest a terminal's canonical mode takes,
// while a runaway paste cannot make each key re-read megabytes.
const maxPromptLine = 1 << 15

// edit replaces buf[from:to] with s and leaves the cursor after it; what
// would make the line longer than maxPromptLine is left out.
func (m *promptModel) edit(from, to int, s string) {
	ins := []rune(s)
	if room := maxPromptLine - (len(m.buf) - (to - from)); len(ins) > room {
		ins = ins[:max(room, 0)]
	}
	b := append([]rune(nil), m.buf[:from]...)
	b = append(b, ins...)
	b = append(b, m.buf[to:]...)
	m.buf = b
	m.cur = from + len(ins)
	m.refresh()
}

// move puts the cursor elsewhere; the menu closes, as it belongs to
// where the cursor was.
func (m *promptModel) move(to int) {
	m.cur = max(0, min(to, len(m.buf)))
	m.closeMenu()
}

func (m *promptModel) focusNext() {
	order := []promptFocus{focusInput}
	if m.showDoc {
		order = append(order, focusDoc)
	}
	if m.showOutput {
		order = append(order, focusOutput)
	}
	for i, f := range order {
		if f == m.focus {
			m.focus = order[(i+1)%len(order)]
			return
		}
	}
	m.focus = focusInput
}

// updatePanel scrolls the focused panel with the AWS CLI's keys.
func (m *promptModel) updatePanel(k promptKey) {
	top := &m.docTop
	if m.focus == focusOutput {
		top = &m.outTop
	}
	page := promptPanelMaxRows
	switch {
	case k.typ == keyDown || k.typ == keyRune && k.r == 'j':
		*top++
	case k.typ == keyUp || k.typ == keyRune && k.r == 'k':
		*top--
	case k.typ == keyPageDown || k.typ == keyRune && k.r == 'z':
		*top += page
	case k.typ == keyPageUp || k.typ == keyRune && k.r == 'w':
		*top -= page
	case k.typ == keyHome || k.typ == keyRune && k.r == 'g':
		*top = 0
	case k.typ == keyEnd || k.typ == keyRune && k.r == 'G':
		*top = 1 << 30
	case k.typ == keyRune && k.r == 'q', k.typ == keyEscape:
		m.focus = focusInput
	}
	*top = max(0, *top) // the view clamps the bottom
}

// SGR styles of the drawing.
const (
	sgrReset    = "\x1b[0m"
	sgrMenu     = "\x1b[0;30;47m"
	sgrMenuMeta = "\x1b[0;30;47;2m"
	sgrSelected = "\x1b[0;7m"
	sgrKey      = "\x1b[0;36m"
	sgrTitle    = "\x1b[0;1m"
)

// screen is the drawing: rows of cells, each row's text with its style
// escapes, and where the terminal's cursor goes.
type screen struct {
	rows           []string
	cursorRow      int
	cursorCol      int
	cursorShown    bool
	width, height  int
	plain          []string // the rows without escapes, for tests
	mainW, helpCol int
}

func (s *screen) put(row, col int, text, style string) {
	if row < 0 || row >= s.height || col >= s.width {
		return
	}
	r := []rune(text)
	if col+len(r) > s.width {
		r = r[:s.width-col]
	}
	line := []rune(s.plain[row])
	for len(line) < col+len(r) {
		line = append(line, ' ')
	}
	copy(line[col:], r)
	s.plain[row] = string(line)
	s.rows[row] = spliceStyled(s.rows[row], col, string(r), style)
}

// view draws the whole screen.
func (m *promptModel) view() *screen {
	w, h := max(m.width, 20), max(m.height, 6)
	s := &screen{width: w, height: h, rows: make([]string, h), plain: make([]string, h)}
	mainW := w
	if m.showHelp && w >= promptHelpWidth*2 {
		mainW = w - promptHelpWidth
	}
	s.mainW = mainW

	// The toolbar: a rule and the keys of the focused panel, unless the
	// key help is shown.
	bottom := h
	if !m.showHelp {
		bottom = h - 2
		s.put(h-2, 0, strings.Repeat("─", w), "")
		m.drawKeys(s, h-1, m.toolbar())
	}

	// The panels, below the command line.
	panelRows := 0
	if m.showDoc || m.showOutput {
		panelRows = min(promptPanelMaxRows+1, bottom-promptInputMinRows)
		panelRows = max(panelRows, min(4, bottom-2))
	}
	inputRows := bottom - panelRows

	// The command line wraps at the width; the rows scroll so that the
	// cursor stays in view.
	text := []rune(promptLead + string(m.buf))
	lead := len([]rune(promptLead))
	curPos := lead + m.cur
	cy, cx := curPos/mainW, curPos%mainW
	menuRows := 0
	if m.menuOpen {
		menuRows = min(len(m.menu), promptMenuMaxRows)
		if m.multiColumn {
			menuRows = min(menuRows, (len(m.menu)+m.columns(mainW)-1)/m.columns(mainW))
		}
	}
	top := 0
	if cy >= inputRows {
		top = cy - inputRows + 1
	}
	if menuRows > 0 && cy-top+1+menuRows > inputRows {
		// Room for the menu, without losing the cursor.
		top = min(cy, max(top, cy+1+menuRows-inputRows))
		menuRows = min(menuRows, inputRows-(cy-top)-1)
	}
	for r := 0; r < inputRows; r++ {
		from := (top + r) * mainW
		if from >= len(text) {
			break
		}
		s.put(r, 0, string(text[from:min(from+mainW, len(text))]), "")
	}
	if m.focus == focusInput {
		s.cursorRow, s.cursorCol, s.cursorShown = cy-top, cx, true
	}
	if menuRows > 0 {
		fromPos := lead + m.menuFrom
		mx := fromPos % mainW
		if fromPos/mainW != cy {
			mx = 0
		}
		m.drawMenu(s, cy-top+1, mx, menuRows, mainW)
	}

	if panelRows > 0 {
		m.drawPanels(s, inputRows, panelRows, mainW)
	}
	if mainW < w {
		m.drawHelp(s, mainW, h)
	}
	return s
}

// columns is how many columns the multi-column menu has.
func (m *promptModel) columns(width int) int {
	longest := 1
	for _, c := range m.menu {
		longest = max(longest, len([]rune(c.label))+2)
	}
	return max(1, width/longest)
}

func (m *promptModel) drawMenu(s *screen, row, col, rows, width int) {
	first := 0
	if m.multiColumn {
		cols := m.columns(width)
		colW := width / cols
		if m.sel >= 0 {
			first = max(0, m.sel/cols-rows+1) * cols
		}
		for i := first; i < len(m.menu) && i < first+rows*cols; i++ {
			style := sgrMenu
			if i == m.sel {
				style = sgrSelected
			}
			label := fitText(" "+m.menu[i].label, colW-1)
			s.put(row+(i-first)/cols, ((i-first)%cols)*colW, label, style)
		}
		return
	}
	labelW, metaW := 0, 0
	for _, c := range m.menu {
		labelW = max(labelW, len([]rune(c.label))+2)
		if c.meta != "" {
			metaW = max(metaW, len([]rune(c.meta))+2)
		}
	}
	labelW = min(labelW, width)
	if col+labelW+metaW > width {
		metaW = max(0, width-labelW-col)
		if metaW < 20 { // too narrow: the menu moves left instead
			col = max(0, width-labelW-min(metaW+20, width-labelW))
			metaW = width - labelW - col
		}
	}
	if m.sel >= rows {
		first = m.sel - rows + 1
	}
	for i := 0; i < rows && first+i < len(m.menu); i++ {
		c := m.menu[first+i]
		ls, ms := sgrMenu, sgrMenuMeta
		if first+i == m.sel {
			ls, ms = sgrSelected, sgrSelected
		}
		s.put(row+i, col, fitText(" "+c.label, labelW), ls)
		if metaW > 0 {
			s.put(row+i, col+labelW, fitText(" "+c.meta, metaW), ms)
		}
	}
}

// fitText pads or cuts text to width, marking a cut with an ellipsis.
func fitText(text string, width int) string {
	r := []rune(text)
	if width <= 0 {
		return ""
	}
	if len(r) > width {
		if width > 4 {
			return string(r[:width-4]) + "... "
		}
		return string(r[:width])
	}
	return text + strings.Repeat(" ", width-len(r))
}

func (m *promptModel) drawPanels(s *screen, row, rows, width int) {
	type panel struct {
		title string
		text  string
		top   *int
	}
	var ps []panel
	if m.showDoc {
		ps = append(ps, panel{"Doc panel", m.docText, &m.docTop})
	}
	if m.showOutput {
		ps = append(ps, panel{"Output panel", m.outText, &m.outTop})
	}
	colW := width / len(ps)
	for i, p := range ps {
		x := i * colW
		pw := colW
		if i > 0 {
			pw--
			x++
		}
		title := "|" + p.title + "|"
		left := (pw - len(title)) / 2
		s.put(row, x, strings.Repeat("─", max(0, left))+title+strings.Repeat("─", max(0, pw-left-len(title))), sgrTitle)
		lines := wrapText(p.text, pw)
		body := rows - 1
		*p.top = min(*p.top, max(0, len(lines)-body))
		for r := 0; r < body && *p.top+r < len(lines); r++ {
			s.put(row+1+r, x, lines[*p.top+r], "")
		}
		if i > 0 {
			for r := 0; r < rows; r++ {
				s.put(row+r, x-1, "│", "")
			}
		}
	}
}

// wrapText breaks text into rows of at most width characters, at spaces
// where it can.
func wrapText(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		r := []rune(strings.TrimRight(line, " "))
		for len(r) > width {
			cut := width
			for i := width; i > width/2; i-- {
				if r[i] == ' ' {
					cut = i
					break
				}
			}
			out = append(out, string(r[:cut]))
			r = r[cut:]
			if len(r) > 0 && r[0] == ' ' {
				r = r[1:]
			}
		}
		out = append(out, string(r))
	}
	return out
}

// promptKeyHelp lists the keys of each panel, for the key help and the
// toolbar: the key, what it does, and whether the toolbar shows it.
type promptKeyHelp struct {
	key, what string
	toolbar   bool
}

func (m *promptModel) keyHelp() []promptKeyHelp {
	switch m.focus {
	case focusDoc, focusOutput:
		return []promptKeyHelp{
			{"[j]/[k]", "Scroll a line down/up", false},
			{"[z]/[w]", "Scroll a page down/up", false},
			{"[g]/[G]", "Go to the top/bottom", false},
			{"[F1]", "Show/hide key help", true},
			{"[F2]", "Focus the next panel", true},
			{"[F3]", "Show/hide documentation", true},
			{"[F5]", "Show/hide output", true},
			{"[q]", "Focus the command line", true},
		}
	}
	return []promptKeyHelp{
		{"[ENTER]", "Take the completion / run the command", true},
		{"[TAB]", "Next completion", false},
		{"[F1]", "Show/hide key help", true},
		{"[F2]", "Focus the next panel", true},
		{"[F3]", "Show/hide documentation", true},
		{"[F4]", "One/several menu columns", false},
		{"[F5]", "Show/hide output", true},
		{"[CTRL+C]", "Cancel", false},
	}
}

func (m *promptModel) toolbar() []promptKeyHelp {
	var out []promptKeyHelp
	for _, k := range m.keyHelp() {
		if k.toolbar {
			out = append(out, k)
		}
	}
	return out
}

func (m *promptModel) drawKeys(s *screen, row int, keys []promptKeyHelp) {
	col := 0
	for _, k := range keys {
		if col+len(k.key)+1+len(k.what) > s.width {
			break
		}
		s.put(row, col, k.key, sgrKey)
		s.put(row, col+len(k.key)+1, k.what, "")
		col += len(k.key) + 1 + len(k.what) + 4
	}
}

func (m *promptModel) drawHelp(s *screen, col, h int) {
	title := map[promptFocus]string{focusInput: "Prompt panel help", focusDoc: "Doc panel help", focusOutput: "Output panel help"}[m.focus]
	w := s.width - col
	s.put(0, col, "┌"+fitBorder(title, w-2)+"┐", "")
	row := 1
	for _, k := range m.keyHelp() {
		for _, line := range wrapText(k.key+" "+k.what, w-2) {
			if row >= h-1 {
				break
			}
			s.put(row, col, "│", "")
			s.put(row, col+1, fitText(line, w-2), "")
			s.put(row, col+w-1, "│", "")
			row++
		}
	}
	for ; row < h-1; row++ {
		s.put(row, col, "│"+strings.Repeat(" ", w-2)+"│", "")
	}
	s.put(h-1, col, "└"+strings.Repeat("─", w-2)+"┘", "")
}

func fitBorder(title string, w int) string {
	t := "|" + title + "|"
	if len(t) > w {
		return strings.Repeat("─", w)
	}
	left := (w - len(t)) / 2
	return strings.Repeat("─", left) + t + strings.Repeat("─", w-left-len(t))
}

// spliceStyled writes text, in style, over a styled row from column col
// on. A row is kept as cells so that overlapping draws compose.
func spliceStyled(row string, col int, text, style string) string {
	cells := parseCells(row)
	for len(cells) < col+len([]rune(text)) {
		cells = append(cells, cell{r: ' '})
	}
	for i, r := range []rune(text) {
		cells[col+i] = cell{r: r, style: style}
	}
	var b strings.Builder
	cur := ""
	for _, c := range cells {
		if c.style != cur {
			if c.style == "" {
				b.WriteString(sgrReset)
			} else {
				b.WriteString(c.style)
			}
			cur = c.style
		}
		b.WriteRune(c.r)
	}
	if cur != "" {
		b.WriteString(sgrReset)
	}
	return b.String()
}

type cell struct {
	r     rune
	style string
}

// parseCells reads back a row that spliceStyled wrote.
func parseCells(row string) []cell {
	var cells []cell
	style := ""
	rs := []rune(row)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\x1b' {
			j := i
			for j < len(rs) && rs[j] != 'm' {
				j++
			}
			style = string(rs[i : j+1])
			if style == sgrReset {
				style = ""
			}
			i = j
			continue
		}
		cells = append(cells, cell{r: rs[i], style: style})
	}
	return cells
}

// String is the screen as plain text, a row a line; for tests and
// debugging.
func (s *screen) String() string {
	return strings.Join(s.plain, "\n")
}

// render is what the terminal is sent to show the screen.
func (s *screen) render() string {
	var b strings.Builder
	b.WriteString("\x1b[?25l\x1b[H")
	for i, r := range s.rows {
		b.WriteString(r)
		b.WriteString("\x1b[K")
		if i < len(s.rows)-1 {
			b.WriteString("\r\n")
		}
	}
	if s.cursorShown {
		fmt.Fprintf(&b, "\x1b[%d;%dH\x1b[?25h", s.cursorRow+1, s.cursorCol+1)
	}
	return b.String()
}
