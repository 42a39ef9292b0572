package awscli

import (
	"io"
	"strings"

	"github.com/openchime/chime/apispec"
)

// showOperationHelp shows an operation's manual page: on a terminal in
// bold through the pager, as AWS CLI v2 shows its help; elsewhere as
// plain text on stdout.
func (p *Program) showOperationHelp(g *globals, op *apispec.Operation) int {
	return p.showHelp(g, operationHelp(op, p.StdoutIsTerminal))
}

// showOverview shows `chime help` the same way.
func (p *Program) showOverview(g *globals) int {
	var b strings.Builder
	p.writeOverview(&b)
	return p.showHelp(g, b.String())
}

// showHelp writes a help text through the configured pager (AWS_PAGER,
// the profile's cli_pager, PAGER; an empty one disables it), else
// through less -R when stdout is a terminal, else to stdout.
func (p *Program) showHelp(g *globals, text string) int {
	g.conf = p.loadProfile(g)
	if pager := p.pagerCommand(g, "less -R"); pager != "" && p.page(pager, text, "") {
		return ExitOK
	}
	io.WriteString(p.Stdout, text)
	return ExitOK
}
