package apispec

import "testing"

// Every string and list a request of an implemented operation may carry
// has a bound: the model's maximum, an enumeration, or this server's Cap.
func TestEveryInputIsBounded(t *testing.T) {
	for _, op := range Implemented() {
		if op.Input == nil {
			continue
		}
		walkInput(op.Input, op.Name, func(where string, s *Shape) {
			if (s.Type == String && len(s.Enum) == 0 || s.Type == List) && !s.HasMax && s.Cap == 0 {
				t.Errorf("%s (%s) has no bound", where, s.Name)
			}
		})
	}
}

func walkInput(s *Shape, where string, visit func(string, *Shape)) {
	visit(where, s)
	switch s.Type {
	case List:
		walkInput(s.Member, where+"[]", visit)
	case Structure:
		for _, m := range s.Members {
			walkInput(m.Shape, where+"."+m.Name, visit)
		}
	}
}
