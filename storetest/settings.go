package storetest

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/openchime/chime"
)

// settingsTests are the conformance tests of chime.SettingsService.
var settingsTests = []test{
	{"PhoneNumberSettings", testPhoneNumberSettings},
	{"PhoneNumberSettings/ErrBadRequest", testPhoneNumberSettingsInvalid},
	{"GlobalSettings", testGlobalSettings},
	{"Concurrency/UpdatePhoneNumberSettings", testConcurrentCallingNames},
}

func testPhoneNumberSettings(t *testing.T, f *fixture) {
	s, err := f.svc.Settings.GetPhoneNumberSettings(f.ctx, Owner)
	must(t, err)
	if *s != (chime.PhoneNumberSettings{}) {
		t.Fatalf("never set: %+v", s)
	}
	must(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, "Acme"))
	s, err = f.svc.Settings.GetPhoneNumberSettings(f.ctx, Owner)
	must(t, err)
	first := s.UpdatedAt
	if s.CallingName != "Acme" || first.IsZero() || first.Nanosecond()%1e6 != 0 {
		t.Fatalf("set: %+v", s)
	}
	// Once per interval: a second change too soon is refused and changes nothing.
	wantKind(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, "Other Name"), chime.BadRequest)
	f.advance(timings.CallingNameMinInterval - time.Minute)
	wantKind(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, "Other Name"), chime.BadRequest)
	if s, _ := f.svc.Settings.GetPhoneNumberSettings(f.ctx, Owner); s.CallingName != "Acme" || !s.UpdatedAt.Equal(first) {
		t.Fatalf("after a refused change: %+v", s)
	}
	f.advance(time.Minute)
	must(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, ""))
	s, _ = f.svc.Settings.GetPhoneNumberSettings(f.ctx, Owner)
	if s.CallingName != "" || !s.UpdatedAt.After(first) {
		t.Fatalf("cleared: %+v", s)
	}
	// Another owner has its own settings.
	s, err = f.svc.Settings.GetPhoneNumberSettings(f.ctx, Other)
	must(t, err)
	if *s != (chime.PhoneNumberSettings{}) {
		t.Fatalf("Other's: %+v", s)
	}
	must(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Other, "Globex"))
	if g, _ := f.svc.Settings.GetGlobalSettings(f.ctx, Other); *g != (chime.GlobalSettings{}) {
		t.Fatalf("a calling name changed the buckets: %+v", g)
	}
}

func testPhoneNumberSettingsInvalid(t *testing.T, f *fixture) {
	for _, name := range []string{"x", "Far too long a name", "Bad!", "line\nbreak"} {
		wantKind(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, name), chime.BadRequest)
	}
	// A refused name does not start the interval.
	must(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, "Acme 2"))
}

func testGlobalSettings(t *testing.T, f *fixture) {
	g, err := f.svc.Settings.GetGlobalSettings(f.ctx, Owner)
	must(t, err)
	if *g != (chime.GlobalSettings{}) {
		t.Fatalf("never set: %+v", g)
	}
	vc, bc, none := "vc-records", "bc.records-1", ""
	must(t, f.svc.Settings.UpdateGlobalSettings(f.ctx, Owner, chime.GlobalSettingsUpdate{VoiceConnectorCdrBucket: &vc}))
	must(t, f.svc.Settings.UpdateGlobalSettings(f.ctx, Owner, chime.GlobalSettingsUpdate{BusinessCallingCdrBucket: &bc}))
	g, _ = f.svc.Settings.GetGlobalSettings(f.ctx, Owner)
	if *g != (chime.GlobalSettings{BusinessCallingCdrBucket: bc, VoiceConnectorCdrBucket: vc}) {
		t.Fatalf("set: %+v", g)
	}
	// An absent bucket is unchanged, an empty one cleared.
	must(t, f.svc.Settings.UpdateGlobalSettings(f.ctx, Owner, chime.GlobalSettingsUpdate{VoiceConnectorCdrBucket: &none}))
	must(t, f.svc.Settings.UpdateGlobalSettings(f.ctx, Owner, chime.GlobalSettingsUpdate{}))
	g, _ = f.svc.Settings.GetGlobalSettings(f.ctx, Owner)
	if *g != (chime.GlobalSettings{BusinessCallingCdrBucket: bc}) {
		t.Fatalf("cleared: %+v", g)
	}
	for _, bad := range []string{"UPPER", "ab", "-dash", "under_score"} {
		wantKind(t, f.svc.Settings.UpdateGlobalSettings(f.ctx, Owner, chime.GlobalSettingsUpdate{BusinessCallingCdrBucket: &vc, VoiceConnectorCdrBucket: &bad}), chime.BadRequest)
	}
	if g, _ := f.svc.Settings.GetGlobalSettings(f.ctx, Owner); *g != (chime.GlobalSettings{BusinessCallingCdrBucket: bc}) {
		t.Fatalf("after refused changes: %+v", g)
	}
	if ps, _ := f.svc.Settings.GetPhoneNumberSettings(f.ctx, Owner); *ps != (chime.PhoneNumberSettings{}) {
		t.Fatalf("the buckets changed the calling name: %+v", ps)
	}
	if g, _ := f.svc.Settings.GetGlobalSettings(f.ctx, Other); *g != (chime.GlobalSettings{}) {
		t.Fatalf("Other's: %+v", g)
	}
}

// Many changes of the default calling name at once, on an owner that has
// no settings yet: exactly one is taken, the others are too soon after it.
func testConcurrentCallingNames(t *testing.T, f *fixture) {
	var taken atomic.Int32
	parallel(t, 8, func(i int) error {
		err := f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, "Name "+string(rune('A'+i)))
		if err == nil {
			taken.Add(1)
			return nil
		}
		if chime.IsKind(err, chime.BadRequest) {
			return nil
		}
		return err
	})
	if taken.Load() != 1 {
		t.Fatalf("%d changes taken", taken.Load())
	}
}
