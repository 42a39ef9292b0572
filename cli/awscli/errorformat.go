package awscli

import (
	"io"
	"strings"
)

// errorFormats are the values of --cli-error-format, AWS_CLI_ERROR_FORMAT
// and the profile's cli_error_format, as the current AWS CLI v2 has them.
var errorFormats = []string{"legacy", "json", "yaml", "text", "table", "enhanced"}

// errorOutput is standard error with the format errors are written in.
type errorOutput struct {
	io.Writer
	format string
	color  bool
}

// errorStream wraps w with the error format of g: --cli-error-format,
// else AWS_CLI_ERROR_FORMAT, else the profile's cli_error_format, else
// enhanced. A value the AWS CLI does not know counts as enhanced, as
// there (it only logs a warning).
func (p *Program) errorStream(w io.Writer, g *globals) io.Writer {
	f := g.errorFormat
	if f == "" {
		f = p.getenv("AWS_CLI_ERROR_FORMAT")
	}
	if f == "" && g.conf.err == nil {
		f = g.conf.setting("cli_error_format")
	}
	f = strings.ToLower(f)
	if oneOfValues(f, errorFormats...) != nil {
		f = "enhanced"
	}
	return &errorOutput{Writer: w, format: f, color: g.color == "on"}
}

// reportError writes an error that has a code: in the enhanced format as
// "An error occurred (<code>): <message>" (a service error's message
// already says so), in the legacy format the message alone, and in json,
// yaml, text or table the error's fields in that output format, titled
// "error". fields are the error's members in the order the AWS CLI has
// them.
func reportError(w io.Writer, enhanced string, fields ...string) {
	eo, ok := w.(*errorOutput)
	if !ok || eo.format == "enhanced" {
		PrintError(w, enhanced)
		return
	}
	if eo.format == "legacy" {
		for i := 0; i+1 < len(fields); i += 2 {
			if fields[i] == "Message" {
				PrintError(w, fields[i+1])
				return
			}
		}
	}
	doc := newObject()
	for i := 0; i+1 < len(fields); i += 2 {
		doc.set(fields[i], fields[i+1])
	}
	render(eo.Writer, eo.format, "error", doc, nil, eo.color)
}
