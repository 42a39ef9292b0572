package cli

import (
	"io"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/cli/licenses"
)

// runLicenses prints the licences and notices of the third-party modules
// linked into this binary, which their licences ask to travel with it.
func runLicenses(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chime licenses", stderr)
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	io.WriteString(stdout, licenses.Notices)
	return awscli.ExitOK
}
