package chime

import (
	"context"
	"regexp"
	"time"
)

// Settings of an AWS account as a whole: the default outbound calling name
// of its numbers, and the S3 buckets its call detail records go to.

// PhoneNumberSettings are the AWS account's phone-number defaults.
type PhoneNumberSettings struct {
	CallingName string
	// UpdatedAt is when the calling name was last set; zero if never.
	UpdatedAt time.Time
}

// GlobalSettings are the call detail record buckets; "" is none.
type GlobalSettings struct {
	BusinessCallingCdrBucket string
	VoiceConnectorCdrBucket  string
}

// GlobalSettingsUpdate changes the buckets that are not nil; a pointer to
// "" clears one (the wire's {} for the product).
type GlobalSettingsUpdate struct {
	BusinessCallingCdrBucket *string
	VoiceConnectorCdrBucket  *string
}

// SettingsService keeps the settings of each AWS account. An account that
// set nothing has the zero settings.
type SettingsService interface {
	// GetPhoneNumberSettings returns the default calling name.
	GetPhoneNumberSettings(ctx context.Context, owner Owner) (*PhoneNumberSettings, error)
	// UpdatePhoneNumberSettings sets the default calling name. Returns
	// BadRequest for a name the pattern refuses, or when the last change is
	// more recent than CallingNameMinInterval.
	UpdatePhoneNumberSettings(ctx context.Context, owner Owner, callingName string) error
	// GetGlobalSettings returns the buckets.
	GetGlobalSettings(ctx context.Context, owner Owner) (*GlobalSettings, error)
	// UpdateGlobalSettings sets or clears the buckets that are not nil.
	// Returns BadRequest for a name that is not an S3 bucket name.
	UpdateGlobalSettings(ctx context.Context, owner Owner, u GlobalSettingsUpdate) error
}

var (
	callingNamePattern = regexp.MustCompile(`^$|^[a-zA-Z0-9 ]{2,15}$`)
	bucketPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
)

// CheckCallingName returns BadRequest unless name is empty or 2 to 15
// letters, digits and spaces.
func CheckCallingName(name string) error {
	if !callingNamePattern.MatchString(name) {
		return Errorf(BadRequest, "CallingName must be empty or 2 to 15 letters, digits and spaces")
	}
	return nil
}

// ApplyPhoneNumberSettings sets the default calling name at now, or
// refuses a change sooner than minInterval after the last (BadRequest: the
// operation models no Conflict).
func ApplyPhoneNumberSettings(s *PhoneNumberSettings, name string, now time.Time, minInterval time.Duration) error {
	if err := CheckCallingName(name); err != nil {
		return err
	}
	if !s.UpdatedAt.IsZero() && minInterval > 0 && now.Before(s.UpdatedAt.Add(minInterval)) {
		return Errorf(BadRequest, "The default calling name can be changed once every %s", minInterval)
	}
	s.CallingName, s.UpdatedAt = name, now
	return nil
}

// ApplyGlobalSettings checks and applies u: S3 bucket names are 3 to 63
// lower-case letters, digits, dots and dashes, starting and ending with a
// letter or digit.
func ApplyGlobalSettings(s *GlobalSettings, u GlobalSettingsUpdate) error {
	for _, b := range []*string{u.BusinessCallingCdrBucket, u.VoiceConnectorCdrBucket} {
		if b != nil && *b != "" && !bucketPattern.MatchString(*b) {
			return Errorf(BadRequest, "CdrBucket %q is not an S3 bucket name", *b)
		}
	}
	if u.BusinessCallingCdrBucket != nil {
		s.BusinessCallingCdrBucket = *u.BusinessCallingCdrBucket
	}
	if u.VoiceConnectorCdrBucket != nil {
		s.VoiceConnectorCdrBucket = *u.VoiceConnectorCdrBucket
	}
	return nil
}
