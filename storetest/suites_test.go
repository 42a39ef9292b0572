package storetest

import (
	"reflect"
	"testing"

	"github.com/openchime/chime"
)

// Every service of chime.Services has a suite, and every suite a service.
func TestEveryServiceHasASuite(t *testing.T) {
	services := reflect.TypeFor[chime.Services]()
	named := map[string]bool{}
	for _, s := range suites {
		if _, ok := services.FieldByName(s.service); !ok {
			t.Errorf("suite %q names no field of chime.Services", s.service)
		}
		if len(s.tests) == 0 {
			t.Errorf("the suite of %s has no tests", s.service)
		}
		named[s.service] = true
	}
	for i := 0; i < services.NumField(); i++ {
		if name := services.Field(i).Name; !named[name] {
			t.Errorf("chime.Services.%s has no conformance suite: add one to suites", name)
		}
	}
}
