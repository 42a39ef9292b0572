package restjson

import (
	"context"
	"time"

	"github.com/openchime/chime"
)

// The handlers of chat bots, their events configurations, and chat
// retention. A bot's security token is on every Bot response, as it was
// on the service's, and never in a log.

func (a *API) handleCreateBot(ctx context.Context, owner chime.Owner, in *CreateBotRequest) (*CreateBotResponse, error) {
	b, err := a.cfg.Services.Bots.CreateBot(ctx, owner, in.AccountId, in.DisplayName, deref(in.Domain))
	if err != nil {
		return nil, err
	}
	return &CreateBotResponse{Bot: toBot(b)}, nil
}

func (a *API) handleGetBot(ctx context.Context, owner chime.Owner, in *GetBotRequest) (*GetBotResponse, error) {
	b, err := a.cfg.Services.Bots.GetBot(ctx, owner, in.AccountId, in.BotId)
	if err != nil {
		return nil, err
	}
	return &GetBotResponse{Bot: toBot(b)}, nil
}

func (a *API) handleUpdateBot(ctx context.Context, owner chime.Owner, in *UpdateBotRequest) (*UpdateBotResponse, error) {
	b, err := a.cfg.Services.Bots.UpdateBot(ctx, owner, in.AccountId, in.BotId, in.Disabled)
	if err != nil {
		return nil, err
	}
	return &UpdateBotResponse{Bot: toBot(b)}, nil
}

func (a *API) handleListBots(ctx context.Context, owner chime.Owner, in *ListBotsRequest) (*ListBotsResponse, error) {
	scope := []string{"ListBots", owner, in.AccountId}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.Bots.ListBots(ctx, owner, in.AccountId, chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &ListBotsResponse{Bots: make([]Bot, len(page.Bots)), NextToken: a.nextToken(scope, page.Next)}
	for i := range page.Bots {
		out.Bots[i] = *toBot(&page.Bots[i])
	}
	return out, nil
}

func (a *API) handleRegenerateSecurityToken(ctx context.Context, owner chime.Owner, in *RegenerateSecurityTokenRequest) (*RegenerateSecurityTokenResponse, error) {
	b, err := a.cfg.Services.Bots.RegenerateSecurityToken(ctx, owner, in.AccountId, in.BotId)
	if err != nil {
		return nil, err
	}
	return &RegenerateSecurityTokenResponse{Bot: toBot(b)}, nil
}

// handlePutEventsConfiguration checks the configuration, then, where the
// server verifies endpoints, makes the challenge handshake with an HTTPS
// endpoint before it stores it.
func (a *API) handlePutEventsConfiguration(ctx context.Context, owner chime.Owner, in *PutEventsConfigurationRequest) (*PutEventsConfigurationResponse, error) {
	// The account, the Enterprise gate and the bot come first, as for
	// every bot operation; no handshake for a bot the caller cannot see.
	if _, err := a.cfg.Services.Bots.GetBot(ctx, owner, in.AccountId, in.BotId); err != nil {
		return nil, err
	}
	c := chime.EventsConfiguration{BotID: in.BotId, HTTPSEndpoint: deref(in.OutboundEventsHTTPSEndpoint), LambdaFunctionARN: deref(in.LambdaFunctionArn)}
	if err := chime.CheckEventsConfiguration(c); err != nil {
		return nil, err
	}
	if err := a.verifyBotEndpoint(ctx, c.HTTPSEndpoint); err != nil {
		return nil, err
	}
	stored, err := a.cfg.Services.Bots.PutEventsConfiguration(ctx, owner, in.AccountId, in.BotId, c)
	if err != nil {
		return nil, err
	}
	return &PutEventsConfigurationResponse{EventsConfiguration: toEventsConfiguration(stored)}, nil
}

func (a *API) handleGetEventsConfiguration(ctx context.Context, owner chime.Owner, in *GetEventsConfigurationRequest) (*GetEventsConfigurationResponse, error) {
	c, err := a.cfg.Services.Bots.GetEventsConfiguration(ctx, owner, in.AccountId, in.BotId)
	if err != nil {
		return nil, err
	}
	return &GetEventsConfigurationResponse{EventsConfiguration: toEventsConfiguration(c)}, nil
}

func (a *API) handleDeleteEventsConfiguration(ctx context.Context, owner chime.Owner, in *DeleteEventsConfigurationRequest) error {
	return a.cfg.Services.Bots.DeleteEventsConfiguration(ctx, owner, in.AccountId, in.BotId)
}

func (a *API) handleGetRetentionSettings(ctx context.Context, owner chime.Owner, in *GetRetentionSettingsRequest) (*GetRetentionSettingsResponse, error) {
	s, err := a.cfg.Services.Retention.GetRetentionSettings(ctx, owner, in.AccountId)
	if err != nil {
		return nil, err
	}
	out := new(GetRetentionSettingsResponse)
	out.RetentionSettings, out.InitiateDeletionTimestamp = toRetention(s)
	return out, nil
}

// handlePutRetentionSettings answers 204, so its output members never
// reach the client (HTTP clients read no body on 204), as with the service.
func (a *API) handlePutRetentionSettings(ctx context.Context, owner chime.Owner, in *PutRetentionSettingsRequest) (*PutRetentionSettingsResponse, error) {
	var s chime.RetentionSettings
	if r := in.RetentionSettings.RoomRetentionSettings; r != nil {
		s.RoomDays = int(deref(r.RetentionDays))
	}
	if c := in.RetentionSettings.ConversationRetentionSettings; c != nil {
		s.ConversationDays = int(deref(c.RetentionDays))
	}
	stored, err := a.cfg.Services.Retention.PutRetentionSettings(ctx, owner, in.AccountId, s)
	if err != nil {
		return nil, err
	}
	out := new(PutRetentionSettingsResponse)
	out.RetentionSettings, out.InitiateDeletionTimestamp = toRetention(stored)
	return out, nil
}

func toBot(b *chime.Bot) *Bot {
	botType := "ChatBot"
	return &Bot{BotId: &b.ID, UserId: &b.ID, DisplayName: optString(&b.DisplayName), BotType: &botType, Disabled: &b.Disabled,
		CreatedTimestamp: optTime(&b.CreatedAt), UpdatedTimestamp: optTime(&b.UpdatedAt), BotEmail: optString(&b.Email),
		SecurityToken: optString(&b.SecurityToken)}
}

func toEventsConfiguration(c *chime.EventsConfiguration) *EventsConfiguration {
	return &EventsConfiguration{BotId: &c.BotID, OutboundEventsHTTPSEndpoint: optString(&c.HTTPSEndpoint),
		LambdaFunctionArn: optString(&c.LambdaFunctionARN)}
}

// toRetention shows a period that is on; one that is off is left out.
func toRetention(s *chime.RetentionSettings) (*RetentionSettings, *time.Time) {
	out := &RetentionSettings{}
	if s.RoomDays > 0 {
		d := int64(s.RoomDays)
		out.RoomRetentionSettings = &RoomRetentionSettings{RetentionDays: &d}
	}
	if s.ConversationDays > 0 {
		d := int64(s.ConversationDays)
		out.ConversationRetentionSettings = &ConversationRetentionSettings{RetentionDays: &d}
	}
	return out, optTime(&s.InitiateDeletionAt)
}
