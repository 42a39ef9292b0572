package chime_test

import (
	"testing"
	"time"

	"github.com/openchime/chime"
)

// A chosen account id must be one every client can address again.
func TestNewAccountIDsClientsCanAddress(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{".", "..", "a/b", "a?b", "a#b", "a%2Fb", " "} {
		if _, err := chime.NewTeamAccount("111122223333", chime.NewAccount{Name: "n", ID: id}, "fresh", now); !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("id %q: %v, want BadRequest", id, err)
		}
	}
	for _, id := range []string{"...", ".a", "a.", "12a3456b-7c89-012d-3456-78901e23fg45"} {
		if a, err := chime.NewTeamAccount("111122223333", chime.NewAccount{Name: "n", ID: id}, "fresh", now); err != nil || a.ID != id {
			t.Errorf("id %q: %v", id, err)
		}
	}
}
