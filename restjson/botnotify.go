package restjson

import (
	"context"
	"log/slog"
	"time"

	"github.com/openchime/chime"
)

// Bots are told when they are added to a room (Invite) or removed from one
// (Remove), at the HTTPS endpoint of their events configuration, when the
// server delivers events (Config.BotEvents). Lambda functions are stored,
// never invoked; a stopped bot is told nothing.

// BotEvent is an event for a bot, as the notifier sends it.
type BotEvent struct {
	// Type is Invite or Remove.
	Type   string
	RoomID string
	// SenderID is who caused it: the caller's IAM ARN.
	SenderID string
	At       time.Time
}

// BotNotifier delivers events to bots and verifies their endpoints.
type BotNotifier interface {
	// Delivering reports whether events are sent at all; when not, no
	// bot is looked up for them.
	Delivering() bool
	// Notify queues ev for the endpoint, signed with token, and returns at
	// once: delivery never holds up the call that caused it.
	Notify(endpoint, token string, ev BotEvent)
	// Challenge makes the challenge handshake with an endpoint.
	Challenge(ctx context.Context, endpoint string) error
}

const (
	botInvited = "Invite"
	botRemoved = "Remove"
)

// tellBots sends the event to each bot among the memberships.
func (a *API) tellBots(ctx context.Context, owner chime.Owner, accountID string, memberships []chime.RoomMembership, event string) {
	if a.cfg.BotEvents == nil || !a.cfg.BotEvents.Delivering() {
		return
	}
	for i := range memberships {
		m := &memberships[i]
		if m.Member.Type != chime.MemberBot {
			continue
		}
		b, err := a.cfg.Services.Bots.GetBot(ctx, owner, accountID, m.Member.ID)
		if err != nil || b.Disabled {
			continue
		}
		c, err := a.cfg.Services.Bots.GetEventsConfiguration(ctx, owner, accountID, b.ID)
		if err != nil || c.HTTPSEndpoint == "" {
			continue
		}
		a.cfg.BotEvents.Notify(c.HTTPSEndpoint, b.SecurityToken, BotEvent{Type: event, RoomID: m.RoomID, SenderID: callerOf(ctx), At: a.now()})
		a.cfg.Logger.LogAttrs(ctx, slog.LevelInfo, "bot event queued", slog.String("event", event),
			slog.String("bot_id", b.ID), slog.String("room_id", m.RoomID))
	}
}

// verifyBotEndpoint makes the challenge handshake with an HTTPS endpoint
// when the server verifies endpoints; a failure is BadRequest, as the
// service answered a failed handshake with a 4xx.
func (a *API) verifyBotEndpoint(ctx context.Context, endpoint string) error {
	if endpoint == "" || !a.cfg.VerifyBotEndpoints || a.cfg.BotEvents == nil {
		return nil
	}
	if err := a.cfg.BotEvents.Challenge(ctx, endpoint); err != nil {
		return chime.Errorf(chime.BadRequest, "Endpoint verification failed")
	}
	return nil
}

// now is the server's clock, or the system's.
func (a *API) now() time.Time {
	if a.cfg.Clock != nil {
		return a.cfg.Clock.Now()
	}
	return time.Now()
}
