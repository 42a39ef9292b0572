package restjson

import (
	"context"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sigv4"
)

// The state-control extensions: a test suite puts the caller's AWS
// account back to its start state, saves it as a snapshot and restores
// it. What the start state is (fixtures, development mode's example
// account) is the server's to say, so the work is StateControl's; these
// handlers check that it is allowed and who may do what.

// StateControl resets, saves and restores the data of an AWS account.
type StateControl interface {
	// Reset removes owner's data (every AWS account's with all) and loads
	// the start state again; it returns the rows removed and loaded.
	Reset(ctx context.Context, owner chime.Owner, all bool) (removed, loaded int, err error)
	// Snapshot returns owner's data in the export format.
	Snapshot(ctx context.Context, owner chime.Owner) (string, error)
	// Restore replaces owner's data with a snapshot's. Returns BadRequest
	// for a snapshot that is not owner's, Conflict when it holds a value
	// that is unique and now taken.
	Restore(ctx context.Context, owner chime.Owner, snapshot string) (removed, loaded int, err error)
}

func (a *API) checkStateControl() error {
	if a.cfg.State == nil {
		return chime.Errorf(chime.Forbidden, "State control is not enabled on this server (start it with --dev or --state-control)")
	}
	return nil
}

func (a *API) handleAdminResetState(ctx context.Context, owner chime.Owner, in *AdminResetStateRequest) (*AdminResetStateResponse, error) {
	if err := a.checkStateControl(); err != nil {
		return nil, err
	}
	all := in.Scope != nil && *in.Scope == "All"
	// The development key of the development AWS account: a credentials
	// file that names a key "test" for another account grants nothing.
	if all && (callerKeyOf(ctx) != sigv4.DevAccessKeyID || owner != sigv4.DevAccountID) {
		return nil, chime.Errorf(chime.Forbidden, "Only the development key may reset every AWS account")
	}
	removed, loaded, err := a.cfg.State.Reset(ctx, owner, all)
	if err != nil {
		return nil, err
	}
	a.cfg.Logger.Warn("state reset", "aws_account_id", owner, "all", all, "removed", removed, "loaded", loaded)
	r, l := int64(removed), int64(loaded)
	return &AdminResetStateResponse{RemovedRows: &r, LoadedRows: &l}, nil
}

func (a *API) handleAdminGetSnapshot(ctx context.Context, owner chime.Owner, in *AdminGetSnapshotRequest) (*AdminGetSnapshotResponse, error) {
	if err := a.checkStateControl(); err != nil {
		return nil, err
	}
	snap, err := a.cfg.State.Snapshot(ctx, owner)
	if err != nil {
		return nil, err
	}
	return &AdminGetSnapshotResponse{Snapshot: &snap}, nil
}

func (a *API) handleAdminRestoreSnapshot(ctx context.Context, owner chime.Owner, in *AdminRestoreSnapshotRequest) (*AdminRestoreSnapshotResponse, error) {
	if err := a.checkStateControl(); err != nil {
		return nil, err
	}
	removed, loaded, err := a.cfg.State.Restore(ctx, owner, in.Snapshot)
	if err != nil {
		return nil, err
	}
	a.cfg.Logger.Warn("snapshot restored", "aws_account_id", owner, "removed", removed, "loaded", loaded)
	r, l := int64(removed), int64(loaded)
	return &AdminRestoreSnapshotResponse{RemovedRows: &r, LoadedRows: &l}, nil
}
