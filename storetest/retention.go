package storetest

import (
	"testing"

	"github.com/openchime/chime"
)

// retentionTests are the conformance tests of chime.RetentionService.
var retentionTests = []test{
	{"GetRetentionSettings/None", testRetentionNone},
	{"PutRetentionSettings", testPutRetentionSettings},
	{"PutRetentionSettings/ErrBadRequest", testPutRetentionInvalid},
	{"Retention/ErrForbiddenOnTeam", testRetentionTeam},
	{"Retention/ErrNotFoundForOtherOwner", testRetentionTenancy},
	{"Retention/ErrForbiddenWhenSuspended", testRetentionSuspended},
}

func testRetentionNone(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	rs, err := f.svc.Retention.GetRetentionSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if *rs != (chime.RetentionSettings{}) {
		t.Fatalf("got %+v", *rs)
	}
}

func testPutRetentionSettings(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	before := f.clockNow()
	put, err := f.svc.Retention.PutRetentionSettings(f.ctx, Owner, a.ID, chime.RetentionSettings{RoomDays: 30, ConversationDays: chime.MaxRetentionDays})
	must(t, err)
	after := f.clockNow()
	// Deletion begins RetentionGrace after the change, at the store's clock.
	if put.RoomDays != 30 || put.ConversationDays != chime.MaxRetentionDays || put.InitiateDeletionAt.Before(before.Add(chime.RetentionGrace).Truncate(1e6)) ||
		put.InitiateDeletionAt.After(after.Add(chime.RetentionGrace)) || put.InitiateDeletionAt.Nanosecond()%1e6 != 0 {
		t.Fatalf("put %+v between %v and %v", *put, before, after)
	}
	got, err := f.svc.Retention.GetRetentionSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if *got != *put {
		t.Fatalf("read back %+v, want %+v", *got, *put)
	}
	// A later change moves the deletion; a period left out is off.
	f.advance(chime.RetentionGrace)
	changed, err := f.svc.Retention.PutRetentionSettings(f.ctx, Owner, a.ID, chime.RetentionSettings{ConversationDays: 1,
		InitiateDeletionAt: put.InitiateDeletionAt})
	must(t, err)
	if changed.RoomDays != 0 || changed.ConversationDays != 1 || !changed.InitiateDeletionAt.After(put.InitiateDeletionAt.Add(chime.RetentionGrace/2)) {
		t.Fatalf("changed %+v", *changed)
	}
	// Both off: no deletion.
	off, err := f.svc.Retention.PutRetentionSettings(f.ctx, Owner, a.ID, chime.RetentionSettings{})
	must(t, err)
	got, err = f.svc.Retention.GetRetentionSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if *off != (chime.RetentionSettings{}) || *got != *off {
		t.Fatalf("off %+v, read %+v", *off, *got)
	}
	// Each account has its own.
	other := f.account(Owner, chime.EnterpriseLWA)
	rs, err := f.svc.Retention.GetRetentionSettings(f.ctx, Owner, other.ID)
	must(t, err)
	if *rs != (chime.RetentionSettings{}) {
		t.Fatalf("another account has %+v", *rs)
	}
}

func testPutRetentionInvalid(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	_, err := f.svc.Retention.PutRetentionSettings(f.ctx, Owner, a.ID, chime.RetentionSettings{RoomDays: 7})
	must(t, err)
	for _, rs := range []chime.RetentionSettings{{RoomDays: -1}, {ConversationDays: chime.MaxRetentionDays + 1}} {
		_, err := f.svc.Retention.PutRetentionSettings(f.ctx, Owner, a.ID, rs)
		wantKind(t, err, chime.BadRequest)
	}
	got, err := f.svc.Retention.GetRetentionSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if got.RoomDays != 7 {
		t.Fatalf("a refused put changed %+v", *got)
	}
}

func retentionCalls(f *fixture, owner, accountID string) []struct {
	name  string
	write bool
	call  func() error
} {
	return []struct {
		name  string
		write bool
		call  func() error
	}{
		{"GetRetentionSettings", false, func() error {
			_, err := f.svc.Retention.GetRetentionSettings(f.ctx, owner, accountID)
			return err
		}},
		{"PutRetentionSettings", true, func() error {
			_, err := f.svc.Retention.PutRetentionSettings(f.ctx, owner, accountID, chime.RetentionSettings{RoomDays: 1})
			return err
		}},
	}
}

func testRetentionTeam(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	for _, c := range retentionCalls(f, Owner, team.ID) {
		t.Run(c.name, func(t *testing.T) { wantNotEnterprise(t, c.call(), team) })
	}
}

func testRetentionTenancy(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	for _, c := range retentionCalls(f, Other, a.ID) {
		t.Run(c.name, func(t *testing.T) { wantKind(t, c.call(), chime.NotFound) })
	}
	rs, err := f.svc.Retention.GetRetentionSettings(f.ctx, Owner, a.ID)
	must(t, err)
	if *rs != (chime.RetentionSettings{}) {
		t.Fatalf("another owner set %+v", *rs)
	}
	_, err = f.svc.Retention.GetRetentionSettings(f.ctx, Owner, "missing")
	wantKind(t, err, chime.NotFound)
}

func testRetentionSuspended(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseLWA)
	st := chime.AccountSuspended
	_, err := f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &st})
	must(t, err)
	for _, c := range retentionCalls(f, Owner, a.ID) {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); c.write {
				wantKind(t, err, chime.Forbidden)
			} else {
				must(t, err)
			}
		})
	}
}
