// Command run writes restjson's bindings from apispec; restjson's
// go:generate directive runs it: go generate ./restjson/
package main

import (
	"fmt"
	"os"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/internal/bindgen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: run OUTPUT.go")
		os.Exit(2)
	}
	src, err := bindgen.Generate(apispec.All)
	if err == nil {
		err = os.WriteFile(os.Args[1], src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bindgen:", err)
		os.Exit(1)
	}
}
