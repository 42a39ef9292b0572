package apispec_test

import (
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
)

// chime.MaxEmailPrefixLength stands for the longest address the API
// accepts: it must be the cap of the model's EmailAddress shape.
func TestMaxEmailPrefixLengthIsTheAddressCap(t *testing.T) {
	for _, m := range apispec.Lookup("CreateUser").Input.Members {
		if m.Name == "Email" {
			if m.Shape.Cap != chime.MaxEmailPrefixLength {
				t.Fatalf("EmailAddress is capped at %d, chime.MaxEmailPrefixLength is %d", m.Shape.Cap, chime.MaxEmailPrefixLength)
			}
			return
		}
	}
	t.Fatal("CreateUser has no Email member")
}
