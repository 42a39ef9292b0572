package restjson

import (
	"context"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/faults"
)

// injectFault applies the faults drawn for the operation: it waits out any
// injected latency, then returns the injected failure, if any. It runs
// before the handler, so an injected failure never changes stored state.
func (a *API) injectFault(ctx context.Context, op string) error {
	if a.cfg.Faults == nil {
		return nil
	}
	d := a.cfg.Faults.Decide(op)
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

func (a *API) faultInjector() (*faults.Injector, error) {
	if a.cfg.Faults == nil || !a.cfg.FaultControl {
		return nil, chime.Errorf(chime.Forbidden, "Fault injection is not enabled on this server (start it with --fault-injection)")
	}
	return a.cfg.Faults, nil
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
	inj, err := a.faultInjector()
	if err != nil {
		return nil, err
	}
	out := new(AdminGetFaultsResponse)
	out.Seed, out.Rules = faultMembers(inj)
	return out, nil
}

func (a *API) handleAdminPutFaults(ctx context.Context, owner chime.Owner, in *AdminPutFaultsRequest) (*AdminPutFaultsResponse, error) {
	inj, err := a.faultInjector()
	if err != nil {
		return nil, err
	}
	c := faults.Config{Seed: uint64(deref(in.Seed)), Rules: make([]faults.Rule, len(in.Rules))}
	for i, r := range in.Rules {
		c.Rules[i] = faults.Rule{Operation: r.Operation, Kind: faults.Kind(r.Kind), Rate: r.Rate, DelayMillis: deref(r.DelayMillis)}
	}
	if err := inj.Set(c); err != nil {
		return nil, chime.Errorf(chime.BadRequest, "%s", err.Error())
	}
	a.cfg.Logger.Warn("fault injection changed", "rules", len(c.Rules), "seed", c.Seed)
	out := new(AdminPutFaultsResponse)
	out.Seed, out.Rules = faultMembers(inj)
	return out, nil
}

func (a *API) handleAdminDeleteFaults(ctx context.Context, owner chime.Owner, in *AdminDeleteFaultsRequest) error {
	inj, err := a.faultInjector()
	if err != nil {
		return err
	}
	return inj.Set(faults.Config{})
}
