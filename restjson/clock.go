package restjson

import (
	"context"
	"time"

	"github.com/openchime/chime"
)

// The clock extensions: a development or test server's clock, moved
// forward on request. The clock is the node's, so these are refused unless
// the server allows them (--dev or --clock-control).

func (a *API) checkClockControl() error {
	if a.cfg.Clock == nil || !a.cfg.ClockControl {
		return chime.Errorf(chime.Forbidden, "Moving the clock is not enabled on this server (start it with --dev or --clock-control)")
	}
	return nil
}

func (a *API) handleAdminGetClock(ctx context.Context, owner chime.Owner, in *AdminGetClockRequest) (*AdminGetClockResponse, error) {
	if err := a.checkClockControl(); err != nil {
		return nil, err
	}
	out := new(AdminGetClockResponse)
	out.Now, out.OffsetMillis = clockMembers(a.cfg.Clock.Now(), a.cfg.Clock.Offset())
	return out, nil
}

func (a *API) handleAdminAdvanceClock(ctx context.Context, owner chime.Owner, in *AdminAdvanceClockRequest) (*AdminAdvanceClockResponse, error) {
	if err := a.checkClockControl(); err != nil {
		return nil, err
	}
	offset, err := a.cfg.Clock.Advance(time.Duration(in.AdvanceMillis) * time.Millisecond)
	if err != nil {
		return nil, chime.Errorf(chime.BadRequest, "%s", err.Error())
	}
	a.cfg.Logger.Warn("clock moved forward", "aws_account_id", owner, "offset", offset.String())
	out := new(AdminAdvanceClockResponse)
	out.Now, out.OffsetMillis = clockMembers(a.cfg.Clock.Now(), offset)
	return out, nil
}

func clockMembers(now time.Time, offset time.Duration) (*time.Time, *int64) {
	ms := offset.Milliseconds()
	return &now, &ms
}
