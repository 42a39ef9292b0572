package restjson

import (
	"context"
	"sync"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/faults"
)

// Faults come from two places: the node's, set by the operator with
// --fault (Config.Faults), and each AWS account's own, set through the
// /_chime/faults extension when the server allows it (--fault-injection).
// A tenant's faults apply to its requests only, in place of the node's,
// so that one tenant's test cannot fail or slow another tenant's.

// tenantFaults holds the faults each AWS account set for itself.
type tenantFaults struct {
	mu      sync.Mutex
	byOwner map[chime.Owner]*faults.Injector
}

func (t *tenantFaults) get(owner chime.Owner) *faults.Injector {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.byOwner[owner]
}

// set replaces owner's faults; an empty configuration removes them, so
// that the node's apply again.
func (t *tenantFaults) set(owner chime.Owner, c faults.Config) (*faults.Injector, error) {
	in, err := faults.New(c)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(c.Rules) == 0 {
		delete(t.byOwner, owner)
		return in, nil
	}
	if t.byOwner == nil {
		t.byOwner = map[chime.Owner]*faults.Injector{}
	}
	t.byOwner[owner] = in
	return in, nil
}

// injectFault applies the faults drawn for the caller's request of the
// operation: it waits out any injected latency, then returns the injected
// failure, if any. It runs before the handler, so an injected failure never
// changes stored state.
func (a *API) injectFault(ctx context.Context, owner chime.Owner, op string) error {
	in := a.tenantFaults.get(owner)
	if in == nil {
		in = a.cfg.Faults
	}
	if in == nil {
		return nil
	}
	d := in.Decide(op)
	if d.Delay > 0 {
		t := time.NewTimer(d.Delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return &chime.Error{Kind: chime.Unavailable, Message: "The request was cancelled.", Err: ctx.Err()}
		case <-t.C:
		}
	}
	switch d.Fail {
	case faults.Unavailable:
		return chime.Errorf(chime.Unavailable, "Injected fault: the service is unavailable")
	case faults.Throttle:
		return chime.Errorf(chime.Throttled, "Injected fault: rate exceeded")
	case faults.Failure:
		return &chime.Error{Kind: chime.Internal, Message: "injected fault", Err: errInjected}
	}
	return nil
}

type injectedError struct{}

func (injectedError) Error() string { return "injected fault (not a real failure)" }

var errInjected = injectedError{}

// checkFaultControl refuses the fault extensions unless the server allows
// them.
func (a *API) checkFaultControl() error {
	if !a.cfg.FaultControl {
		return chime.Errorf(chime.Forbidden, "Fault injection is not enabled on this server (start it with --fault-injection)")
	}
	return nil
}

// faultMembers is the wire form of a fault configuration, the members the
// three fault extensions share.
func faultMembers(in *faults.Injector) (*int64, []FaultRule) {
	c := in.Config()
	seed := int64(c.Seed)
	rules := make([]FaultRule, len(c.Rules))
	for i, r := range c.Rules {
		rules[i] = FaultRule{Operation: r.Operation, Kind: string(r.Kind), Rate: r.Rate}
		if r.DelayMillis != 0 {
			rules[i].DelayMillis = &c.Rules[i].DelayMillis
		}
	}
	return &seed, rules
}

func (a *API) handleAdminGetFaults(ctx context.Context, owner chime.Owner, in *AdminGetFaultsRequest) (*AdminGetFaultsResponse, error) {
	if err := a.checkFaultControl(); err != nil {
		return nil, err
	}
	inj := a.tenantFaults.get(owner)
	if inj == nil {
		inj, _ = faults.New(faults.Config{})
	}
	out := new(AdminGetFaultsResponse)
	out.Seed, out.Rules = faultMembers(inj)
	return out, nil
}

func (a *API) handleAdminPutFaults(ctx context.Context, owner chime.Owner, in *AdminPutFaultsRequest) (*AdminPutFaultsResponse, error) {
	if err := a.checkFaultControl(); err != nil {
		return nil, err
	}
	c := faults.Config{Seed: uint64(deref(in.Seed)), Rules: make([]faults.Rule, len(in.Rules))}
	for i, r := range in.Rules {
		c.Rules[i] = faults.Rule{Operation: r.Operation, Kind: faults.Kind(r.Kind), Rate: r.Rate, DelayMillis: deref(r.DelayMillis)}
	}
	inj, err := a.tenantFaults.set(owner, c)
	if err != nil {
		return nil, chime.Errorf(chime.BadRequest, "%s", err.Error())
	}
	a.cfg.Logger.Warn("fault injection changed", "aws_account_id", owner, "rules", len(c.Rules), "seed", c.Seed)
	out := new(AdminPutFaultsResponse)
	out.Seed, out.Rules = faultMembers(inj)
	return out, nil
}

func (a *API) handleAdminDeleteFaults(ctx context.Context, owner chime.Owner, in *AdminDeleteFaultsRequest) error {
	if err := a.checkFaultControl(); err != nil {
		return err
	}
	_, err := a.tenantFaults.set(owner, faults.Config{})
	return err
}
