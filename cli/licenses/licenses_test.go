package licenses

import (
	"os"
	"testing"

	"github.com/openchime/chime/internal/licensegen"
)

// The committed notices are what the generator makes of the module graph
// today: a dependency added or upgraded without regenerating fails here,
// as does one whose licence is unknown or not allowed.
func TestNoticesUpToDate(t *testing.T) {
	want, err := licensegen.Generate(licensegen.Binary)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("THIRD_PARTY_NOTICES.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("THIRD_PARTY_NOTICES.txt is stale: run go generate ./cli/licenses/")
	}
}
