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

// faultsOutput is the wire form of a fault configuration.
type faultsOutput struct {
	Seed  int64         `json:"Seed"`
	Rules []faults.Rule `json:"Rules"`
}

func (a *API) faultInjector() (*faults.Injector, error) {
	if a.cfg.Faults == nil || !a.cfg.FaultControl {
		return nil, chime.Errorf(chime.Forbidden, "Fault injection is not enabled on this server (start it with --fault-injection)")
	}
	return a.cfg.Faults, nil
}

func faultsResult(in *faults.Injector) faultsOutput {
	c := in.Config()
	if c.Rules == nil {
		c.Rules = []faults.Rule{}
	}
	return faultsOutput{Seed: int64(c.Seed), Rules: c.Rules}
}

func (a *API) handleAdminGetFaults(ctx context.Context, c *call) (any, error) {
	in, err := a.faultInjector()
	if err != nil {
		return nil, err
	}
	return faultsResult(in), nil
}

func (a *API) handleAdminPutFaults(ctx context.Context, c *call) (any, error) {
	in, err := a.faultInjector()
	if err != nil {
		return nil, err
	}
	var body faultsOutput
	if err := c.decode(&body); err != nil {
		return nil, err
	}
	if err := in.Set(faults.Config{Seed: uint64(body.Seed), Rules: body.Rules}); err != nil {
		return nil, chime.Errorf(chime.BadRequest, "%s", err.Error())
	}
	a.cfg.Logger.Warn("fault injection changed", "rules", len(body.Rules), "seed", body.Seed)
	return faultsResult(in), nil
}

func (a *API) handleAdminDeleteFaults(ctx context.Context, c *call) (any, error) {
	in, err := a.faultInjector()
	if err != nil {
		return nil, err
	}
	return nil, in.Set(faults.Config{})
}
