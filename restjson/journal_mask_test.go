package restjson_test

import (
	"regexp"
	"testing"

	"github.com/openchime/chime/apispec"
)

// personal names the input members that carry a person's data or a
// secret; the journal must mask each (a sensitive shape, or a member
// marked Personal), so that a new one cannot slip into it in clear.
var personal = regexp.MustCompile(`(?i)email|phonenumber|e164|username|fullname|displayname|callingname|token|pin$|snapshot`)

// notPersonal are members whose names match but that carry neither: ids
// of orders, a number type, and tokens the server or the client made up.
var notPersonal = map[string]bool{
	"NextToken": true, "PhoneNumberOrderId": true, "ClientRequestToken": true, "PhoneNumberType": true,
}

func TestJournalMasksEveryPersonalMember(t *testing.T) {
	var walk func(op string, where string, s *apispec.Shape, masked bool)
	walk = func(op, where string, s *apispec.Shape, masked bool) {
		masked = masked || s.Sensitive
		switch s.Type {
		case apispec.List:
			walk(op, where+"[]", s.Member, masked)
		case apispec.Structure:
			for _, m := range s.Members {
				name := where + "." + m.Name
				if personal.MatchString(m.Name) && !notPersonal[m.Name] && !(masked || m.Shape.Sensitive || m.Personal ||
					(m.Shape.Type == apispec.List && m.Shape.Member.Sensitive)) && m.Shape.Type != apispec.Structure && !(m.Shape.Type == apispec.List && m.Shape.Member.Type == apispec.Structure) {
					t.Errorf("%s%s is not masked in the journal: mark it Personal, or its shape sensitive", op, name)
				}
				walk(op, name, m.Shape, masked || m.Personal)
			}
		}
	}
	for _, op := range apispec.Implemented() {
		if op.Input != nil {
			walk(op.Name, "", op.Input, false)
		}
	}
}
