package chime_test

import (
	"go/build"
	"strings"
	"testing"
)

// The domain depends on nothing: its non-test files import only the
// standard library.
func TestDomainImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if first := strings.Split(imp, "/")[0]; strings.Contains(first, ".") {
			t.Errorf("package chime imports %s; the domain may import only the standard library", imp)
		}
	}
}
