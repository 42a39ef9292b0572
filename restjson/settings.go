package restjson

import (
	"context"

	"github.com/openchime/chime"
)

// The handlers of the AWS account's settings: the default calling name of
// its numbers, and its call detail record buckets.

func (a *API) handleGetPhoneNumberSettings(ctx context.Context, owner chime.Owner) (*GetPhoneNumberSettingsResponse, error) {
	s, err := a.cfg.Services.Settings.GetPhoneNumberSettings(ctx, owner)
	if err != nil {
		return nil, err
	}
	return &GetPhoneNumberSettingsResponse{CallingName: optString(&s.CallingName), CallingNameUpdatedTimestamp: optTime(&s.UpdatedAt)}, nil
}

func (a *API) handleUpdatePhoneNumberSettings(ctx context.Context, owner chime.Owner, in *UpdatePhoneNumberSettingsRequest) error {
	return a.cfg.Services.Settings.UpdatePhoneNumberSettings(ctx, owner, in.CallingName)
}

// handleGetGlobalSettings always sends both products' settings, each
// without CdrBucket when none is set.
func (a *API) handleGetGlobalSettings(ctx context.Context, owner chime.Owner) (*GetGlobalSettingsResponse, error) {
	s, err := a.cfg.Services.Settings.GetGlobalSettings(ctx, owner)
	if err != nil {
		return nil, err
	}
	return &GetGlobalSettingsResponse{
		BusinessCalling: &BusinessCallingSettings{CdrBucket: optString(&s.BusinessCallingCdrBucket)},
		VoiceConnector:  &VoiceConnectorSettings{CdrBucket: optString(&s.VoiceConnectorCdrBucket)},
	}, nil
}

// handleUpdateGlobalSettings changes the products it is given: an absent
// product stays as it is, {} clears its bucket, a CdrBucket sets it.
func (a *API) handleUpdateGlobalSettings(ctx context.Context, owner chime.Owner, in *UpdateGlobalSettingsRequest) error {
	var u chime.GlobalSettingsUpdate
	if in.BusinessCalling != nil {
		u.BusinessCallingCdrBucket = stringPtr(deref(in.BusinessCalling.CdrBucket))
	}
	if in.VoiceConnector != nil {
		u.VoiceConnectorCdrBucket = stringPtr(deref(in.VoiceConnector.CdrBucket))
	}
	return a.cfg.Services.Settings.UpdateGlobalSettings(ctx, owner, u)
}
