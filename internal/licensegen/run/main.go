// Command run writes the third-party notices of the chime binary; the
// go:generate directive of package cli/licenses runs it:
// go generate ./cli/licenses/
package main

import (
	"fmt"
	"os"

	"github.com/openchime/chime/internal/licensegen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: run OUTPUT.txt")
		os.Exit(2)
	}
	text, err := licensegen.Generate(licensegen.Binary)
	if err == nil {
		err = os.WriteFile(os.Args[1], text, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "licensegen:", err)
		os.Exit(1)
	}
}
