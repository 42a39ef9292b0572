package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlstore"
)

// A zero field of Options.PhoneNumbers takes the default delay, a set one
// is kept, and a negative one means none.
func TestPhoneNumberTimings(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s := openSQLiteWith(t, sqlstore.Options{Now: func() time.Time { return now },
		PhoneNumbers: chime.PhoneNumberTimings{OrderDelay: 2 * time.Minute, CallingNameDelay: -1}}).Services()
	const owner = "111122223333"
	o, err := s.PhoneNumbers.CreatePhoneNumberOrder(ctx, owner, chime.BusinessCalling, []string{"+12065550100"})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(2*time.Minute - time.Millisecond)
	if got, _ := s.PhoneNumbers.GetPhoneNumberOrder(ctx, owner, o.ID); got.Status != chime.OrderProcessing {
		t.Fatalf("the order completed before its delay: %+v", got)
	}
	now = now.Add(time.Millisecond)
	if got, _ := s.PhoneNumbers.GetPhoneNumberOrder(ctx, owner, o.ID); got.Status != chime.OrderSuccessful {
		t.Fatalf("the order did not complete after its delay: %+v", got)
	}
	name := "Front Desk"
	if n, err := s.PhoneNumbers.UpdatePhoneNumber(ctx, owner, "+12065550100", chime.PhoneNumberUpdate{CallingName: &name}); err != nil ||
		n.CallingNameStatus != chime.CallingNameUpdateSucceeded {
		t.Fatalf("a calling name without delay: %+v %v", n, err)
	}
	// The default calling name may change once in the default 7 days.
	if err := s.Settings.UpdatePhoneNumberSettings(ctx, owner, "Acme"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(chime.DefaultPhoneNumberTimings.CallingNameMinInterval - time.Millisecond)
	if err := s.Settings.UpdatePhoneNumberSettings(ctx, owner, "Globex"); !chime.IsKind(err, chime.BadRequest) {
		t.Fatalf("a change within the default interval: %v", err)
	}
	now = now.Add(time.Millisecond)
	if err := s.Settings.UpdatePhoneNumberSettings(ctx, owner, "Globex"); err != nil {
		t.Fatal(err)
	}
	// A deleted number is kept the default 7 days.
	if err := s.PhoneNumbers.DeletePhoneNumber(ctx, owner, "+12065550100"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(chime.DefaultPhoneNumberTimings.DeletionRetention - time.Millisecond)
	if _, err := s.PhoneNumbers.GetPhoneNumber(ctx, owner, "+12065550100"); err != nil {
		t.Fatalf("released early: %v", err)
	}
	now = now.Add(time.Millisecond)
	if _, err := s.PhoneNumbers.GetPhoneNumber(ctx, owner, "+12065550100"); !chime.IsKind(err, chime.NotFound) {
		t.Fatalf("not released after the retention: %v", err)
	}
}
