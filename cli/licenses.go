package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/cli/licenses"
)

// runLicenses prints the licences and notices of the third-party modules
// linked into this binary, which their licences ask to travel with it.
func runLicenses(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chime licenses", stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return awscli.ExitOK
		}
		return awscli.ExitParamError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "chime: [ERROR]: unexpected argument %q\n", fs.Arg(0))
		return awscli.ExitParamError
	}
	io.WriteString(stdout, licenses.Notices)
	return awscli.ExitOK
}
