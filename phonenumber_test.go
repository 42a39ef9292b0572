package chime_test

import (
	"slices"
	"testing"
	"time"

	"github.com/openchime/chime"
)

func TestPhoneNumberID(t *testing.T) {
	for in, want := range map[string]string{"+12065550100": "+12065550100", "%2B12065550100": "+12065550100",
		"12065550100": "+12065550100", "%252B12065550100": ""} {
		got, err := chime.PhoneNumberID(in)
		if want == "" {
			if !chime.IsKind(err, chime.BadRequest) {
				t.Errorf("%q: %q %v, want BadRequest", in, got, err)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "+", "+0123", "abc", "+1206555010012345678", "%zz"} {
		if _, err := chime.PhoneNumberID(bad); !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("%q: %v, want BadRequest", bad, err)
		}
	}
	if got := chime.PhoneNumberWireID("+12065550100"); got != "%2B12065550100" {
		t.Errorf("wire id %q", got)
	}
}

func TestSearchPool(t *testing.T) {
	got, err := chime.SearchPool(chime.NumberSearch{AreaCode: "206"})
	if err != nil || len(got) != 100 || got[0] != "+12065550100" || got[99] != "+12065550199" {
		t.Fatalf("area code 206: %d %v %v", len(got), err, got[:min(len(got), 2)])
	}
	wa, _ := chime.SearchPool(chime.NumberSearch{State: "washington"})
	if len(wa) != 300 || !slices.IsSorted(wa) || wa[0] != "+12065550100" || wa[299] != "+14255550199" {
		t.Errorf("state WA: %d numbers", len(wa))
	}
	if sea, _ := chime.SearchPool(chime.NumberSearch{State: "WA", City: "seattle"}); len(sea) != 100 {
		t.Errorf("Seattle: %d numbers", len(sea))
	}
	if none, err := chime.SearchPool(chime.NumberSearch{State: "WA", City: "Nowhere"}); err != nil || len(none) != 0 {
		t.Errorf("an unknown city: %v %v", none, err)
	}
	if tf, _ := chime.SearchPool(chime.NumberSearch{TollFreePrefix: "844"}); len(tf) != 100 || tf[0] != "+18445550100" {
		t.Errorf("toll-free 844: %v", tf[:1])
	}
	if empty, err := chime.SearchPool(chime.NumberSearch{TollFreePrefix: "800"}); err != nil || len(empty) != 0 {
		t.Errorf("800 is valid and empty: %v %v", empty, err)
	}
	if gb, _ := chime.SearchPool(chime.NumberSearch{Country: "GB", Type: chime.LocalNumber}); len(gb) != 4000 || gb[0] != "+441214960000" {
		t.Errorf("GB local: %d", len(gb))
	}
	for name, s := range map[string]chime.NumberSearch{
		"no filter": {}, "city without state": {City: "Seattle"}, "GB without type": {Country: "GB"},
		"GB with area code": {Country: "GB", Type: chime.LocalNumber, AreaCode: "206"}, "prefix and area code": {TollFreePrefix: "844", AreaCode: "206"},
		"prefix and Local": {TollFreePrefix: "844", Type: chime.LocalNumber}, "unknown country": {Country: "FR", Type: chime.LocalNumber},
		"N11": {AreaCode: "411"}, "toll-free as area code": {AreaCode: "800"}, "unknown state": {State: "Atlantis"},
	} {
		if _, err := chime.SearchPool(s); !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("%s: %v, want BadRequest", name, err)
		}
	}
	for _, n := range append(append(got, wa...), "+18445550150", "+442079460123") {
		if _, _, ok := chime.PoolNumber(n); !ok {
			t.Errorf("%s is searched but not in the pool", n)
		}
	}
	for _, n := range []string{"+12065551234", "+12065550200", "+18005550100", "+33123456789"} {
		if _, _, ok := chime.PoolNumber(n); ok {
			t.Errorf("%s is in the pool", n)
		}
	}
}

func TestCheckPhoneNumberOrder(t *testing.T) {
	if got, err := chime.CheckPhoneNumberOrder(chime.BusinessCalling, []string{"12065550100", "+12065550101"}); err != nil || got[0] != "+12065550100" {
		t.Fatalf("%v %v", got, err)
	}
	for name, tc := range map[string]struct {
		p       chime.PhoneNumberProductType
		numbers []string
	}{
		"empty":                     {chime.BusinessCalling, nil},
		"twice":                     {chime.BusinessCalling, []string{"+12065550100", "12065550100"}},
		"toll-free BusinessCalling": {chime.BusinessCalling, []string{"+18445550100"}},
		"GB VoiceConnector":         {chime.VoiceConnector, []string{"+442079460000"}},
		"not a number":              {chime.VoiceConnector, []string{"+0"}},
	} {
		if _, err := chime.CheckPhoneNumberOrder(tc.p, tc.numbers); !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("%s: %v, want BadRequest", name, err)
		}
	}
}

// A number's and an order's state follow from their facts and the clock.
func TestPhoneNumberLifeOnTheClock(t *testing.T) {
	tm := chime.PhoneNumberTimings{OrderDelay: 5 * time.Second, CallingNameDelay: time.Minute, DeletionRetention: 7 * 24 * time.Hour}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := chime.NewOrderedPhoneNumber("+12065550100", chime.BusinessCalling, t0, t0.Add(tm.OrderDelay), "Acme")
	if n, _ := r.At(t0.Add(time.Second), tm); n.Status != chime.AcquireInProgress || n.CallingNameStatus != chime.CallingNameUpdateInProgress {
		t.Fatalf("while ordering: %+v", n)
	}
	if n, _ := r.At(t0.Add(5*time.Second), tm); n.Status != chime.Unassigned || !n.UpdatedAt.Equal(t0.Add(5*time.Second)) {
		t.Fatalf("after the order: %+v", n)
	}
	now := t0.Add(2 * time.Minute)
	if !r.Settle(now, tm) || r.CallingNameStatus != chime.CallingNameUpdateSucceeded {
		t.Fatalf("the default calling name: %+v", r.PhoneNumber)
	}
	name := "Front Desk"
	if err := chime.ApplyPhoneNumberUpdate(r, chime.PhoneNumberUpdate{CallingName: &name}, now); err != nil {
		t.Fatal(err)
	}
	if err := chime.ApplyPhoneNumberUpdate(r, chime.PhoneNumberUpdate{CallingName: &name}, now); !chime.IsKind(err, chime.Conflict) {
		t.Fatalf("a second update while pending: %v", err)
	}
	if err := chime.AssociatePhoneNumber(r, "acct", "user", now); err != nil || r.Status != chime.Assigned || len(r.Associations) != 2 {
		t.Fatalf("associate: %v %+v", err, r.PhoneNumber)
	}
	if err := chime.DeletePhoneNumber(r, now); err != chime.ErrPhoneNumberAssociationsExist {
		t.Fatalf("delete while assigned: %v", err)
	}
	chime.DisassociatePhoneNumber(r, now)
	if err := chime.DeletePhoneNumber(r, now); err != nil || r.Status != chime.DeleteInProgress {
		t.Fatalf("delete: %v", err)
	}
	if _, ok := r.At(now.Add(7*24*time.Hour-time.Millisecond), tm); !ok {
		t.Fatal("released before its retention passed")
	}
	if _, ok := r.At(now.Add(7*24*time.Hour), tm); ok {
		t.Fatal("not released after its retention")
	}
	if err := chime.RestorePhoneNumber(r, now); err != nil || r.Status != chime.Unassigned || !r.DeletedAt.IsZero() {
		t.Fatalf("restore: %v %+v", err, r.PhoneNumber)
	}

	order := chime.PhoneNumberOrderRecord{ID: "o", Numbers: []chime.OrderedNumberRecord{{"+12065550100", true}, {"+12065550101", false}},
		CreatedAt: t0, CompletesAt: t0.Add(tm.OrderDelay)}
	if o := order.At(t0); o.Status != chime.OrderProcessing || o.Numbers[1].Status != chime.OrderedProcessing {
		t.Fatalf("a new order: %+v", o)
	}
	if o := order.At(t0.Add(tm.OrderDelay)); o.Status != chime.OrderPartial || o.Numbers[0].Status != chime.OrderedAcquired || o.Numbers[1].Status != chime.OrderedFailed {
		t.Fatalf("a completed order: %+v", o)
	}
}

// An update no number could take is refused as such, before the state of
// the number is considered (a pending calling name included).
func TestCheckPhoneNumberUpdate(t *testing.T) {
	vc, bogus, name, bad := chime.VoiceConnector, chime.PhoneNumberProductType("Bogus"), "Front Desk", "Bad!"
	for what, u := range map[string]chime.PhoneNumberUpdate{
		"neither": {}, "both": {ProductType: &vc, CallingName: &name},
		"unknown product type": {ProductType: &bogus}, "invalid calling name": {CallingName: &bad},
	} {
		if err := chime.CheckPhoneNumberUpdate(u); !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("%s: %v, want BadRequest", what, err)
		}
	}
	for _, u := range []chime.PhoneNumberUpdate{{ProductType: &vc}, {CallingName: &name}, {CallingName: new(string)}} {
		if err := chime.CheckPhoneNumberUpdate(u); err != nil {
			t.Errorf("%+v: %v", u, err)
		}
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := chime.NewOrderedPhoneNumber("+12065550100", chime.BusinessCalling, t0, t0, "Acme") // its calling name is pending
	if !r.Settle(t0, chime.DefaultPhoneNumberTimings) || r.CallingNameStatus != chime.CallingNameUpdateInProgress {
		t.Fatalf("%+v", r.PhoneNumber)
	}
	if err := chime.ApplyPhoneNumberUpdate(r, chime.PhoneNumberUpdate{CallingName: &bad}, t0); !chime.IsKind(err, chime.BadRequest) {
		t.Fatalf("an invalid name while one is pending: %v, want BadRequest", err)
	}
}
