package chime

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Bots are the chat bots of an Enterprise account: a bot is a user of the
// account (BotId == UserId) that rooms can have as a member, and that is
// told through its events configuration when it is added to or removed
// from a room.

// Bot is a chat bot. SecurityToken signs the events sent to it; it is
// shown on every Bot response and never logged.
type Bot struct {
	ID            string // also its user id
	AccountID     string
	DisplayName   string // as shown: the name given, then " (Bot)"
	Email         string
	Disabled      bool
	SecurityToken string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// EventsConfiguration is where a bot's events go: an HTTPS endpoint or a
// Lambda function, one of the two.
type EventsConfiguration struct {
	BotID             string
	HTTPSEndpoint     string
	LambdaFunctionARN string
}

// BotPage is a page of bots; Next is empty on the last page.
type BotPage struct {
	Bots []Bot
	Next string
}

// Limits of bots.
const (
	// MaxBotsPerAccount is how many bots an account can have.
	MaxBotsPerAccount = 10
	// MaxBotDisplayName is the longest display name a bot can be given.
	MaxBotDisplayName = 55
	// DefaultBotPageSize is a page of ListBots without max-results.
	DefaultBotPageSize = 10
	// BotSuffix follows a bot's name wherever it is shown.
	BotSuffix = " (Bot)"
)

// BotService manages the bots of Enterprise accounts. Every method returns
// NotFound for an account the owner does not have, Forbidden with
// NotEnterpriseMessage for a Team account, then NotFound for an unknown
// bot (BadRequest where the operation models no NotFound).
type BotService interface {
	// CreateBot creates an enabled bot with a fresh security token.
	// Returns BadRequest for a display name or domain NewBot refuses or an
	// e-mail address another bot of the account has, ResourceLimitExceeded
	// past MaxBotsPerAccount, Forbidden for a suspended account.
	CreateBot(ctx context.Context, owner Owner, accountID, displayName, domain string) (*Bot, error)
	// GetBot returns the bot.
	GetBot(ctx context.Context, owner Owner, accountID, botID string) (*Bot, error)
	// UpdateBot stops or starts the bot when disabled is not nil.
	UpdateBot(ctx context.Context, owner Owner, accountID, botID string, disabled *bool) (*Bot, error)
	// ListBots lists the account's bots in creation order.
	ListBots(ctx context.Context, owner Owner, accountID string, p PageRequest) (*BotPage, error)
	// RegenerateSecurityToken gives the bot a new token; the old one signs
	// nothing any more.
	RegenerateSecurityToken(ctx context.Context, owner Owner, accountID, botID string) (*Bot, error)
	// PutEventsConfiguration replaces where the bot's events go. Returns
	// BadRequest as CheckEventsConfiguration does.
	PutEventsConfiguration(ctx context.Context, owner Owner, accountID, botID string, c EventsConfiguration) (*EventsConfiguration, error)
	// GetEventsConfiguration returns NotFound when the bot has none.
	GetEventsConfiguration(ctx context.Context, owner Owner, accountID, botID string) (*EventsConfiguration, error)
	// DeleteEventsConfiguration removes it; none is not an error. An
	// unknown bot is BadRequest (the operation models no NotFound).
	DeleteEventsConfiguration(ctx context.Context, owner Owner, accountID, botID string) error
}

var (
	domainPattern    = regexp.MustCompile(`^(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$`)
	botLocalPart     = regexp.MustCompile(`[^A-Za-z0-9._+%-]`)
	lambdaARNPattern = regexp.MustCompile(`^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$`)
)

// NewBot returns the bot CreateBot makes, before it is stored: its shown
// name is displayName followed by BotSuffix, its e-mail address the name
// kept to the characters an address may have, then "-chimebot@" and the
// domain in lower case. domain defaults to example.com. Returns
// BadRequest for a display name that is blank or longer than
// MaxBotDisplayName, or a domain that is not a domain name.
func NewBot(accountID, displayName, domain, id, token string, now time.Time) (*Bot, error) {
	if n := utf8.RuneCountInString(displayName); n == 0 || n > MaxBotDisplayName || !ValidNonEmpty(displayName) {
		return nil, Errorf(BadRequest, "DisplayName must be 1 to %d characters and not blank", MaxBotDisplayName)
	}
	if domain == "" {
		domain = "example.com"
	}
	if !domainPattern.MatchString(domain) {
		return nil, Errorf(BadRequest, "Domain %q is not a domain name", domain)
	}
	local := botLocalPart.ReplaceAllString(displayName, "")
	if local == "" {
		local = "bot"
	}
	return &Bot{ID: id, AccountID: accountID, DisplayName: displayName + BotSuffix,
		Email: local + "-chimebot@" + strings.ToLower(domain), SecurityToken: token, CreatedAt: now, UpdatedAt: now}, nil
}

// CheckEventsConfiguration returns BadRequest unless exactly one of the
// endpoint, an absolute https URL, and the Lambda function ARN is given.
func CheckEventsConfiguration(c EventsConfiguration) error {
	if (c.HTTPSEndpoint == "") == (c.LambdaFunctionARN == "") {
		return Errorf(BadRequest, "Give either OutboundEventsHTTPSEndpoint or LambdaFunctionArn")
	}
	if c.HTTPSEndpoint != "" {
		u, err := url.Parse(c.HTTPSEndpoint)
		if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
			return Errorf(BadRequest, "OutboundEventsHTTPSEndpoint must be an https URL")
		}
	}
	if c.LambdaFunctionARN != "" && !lambdaARNPattern.MatchString(c.LambdaFunctionARN) {
		return Errorf(BadRequest, "LambdaFunctionArn is not a Lambda function ARN")
	}
	return nil
}

// CheckBotCanJoin returns BadRequest for a bot that cannot be added to a
// room: a stopped one, or one whose events have nowhere to go.
func CheckBotCanJoin(b *Bot, c *EventsConfiguration) error {
	if b.Disabled {
		return Errorf(BadRequest, "The bot is stopped: it can be removed from rooms but not added")
	}
	if c == nil || (c.HTTPSEndpoint == "" && c.LambdaFunctionARN == "") {
		return Errorf(BadRequest, "The bot has no events configuration: it cannot be added to a room")
	}
	return nil
}

// BotMember is a bot as a room's roster shows it.
func BotMember(b *Bot) Member {
	return Member{ID: b.ID, Type: MemberBot, Email: b.Email, FullName: b.DisplayName, AccountID: b.AccountID}
}

// UserMember is a user as a room's roster shows it.
func UserMember(u *User) Member {
	return Member{ID: u.ID, Type: MemberUser, Email: u.Email, FullName: u.DisplayName, AccountID: u.AccountID}
}

// RetentionSettings are an account's chat retention periods, in days; 0 is
// no retention.
type RetentionSettings struct {
	RoomDays, ConversationDays int
	// InitiateDeletionAt is when messages past the periods are deleted for
	// good: 30 days after the settings last changed while a period is on;
	// zero when none is.
	InitiateDeletionAt time.Time
}

// Retention limits.
const (
	MaxRetentionDays = 5475 // 15 years
	// RetentionGrace is how long after a change messages can be restored.
	RetentionGrace = 30 * 24 * time.Hour
)

// RetentionService keeps the chat retention settings of Enterprise
// accounts. Errors as for RoomService.
type RetentionService interface {
	// GetRetentionSettings returns the settings (none on: the zero value).
	GetRetentionSettings(ctx context.Context, owner Owner, accountID string) (*RetentionSettings, error)
	// PutRetentionSettings replaces the settings at now: a period left
	// out is turned off. Returns BadRequest for days outside
	// 1..MaxRetentionDays.
	PutRetentionSettings(ctx context.Context, owner Owner, accountID string, s RetentionSettings) (*RetentionSettings, error)
}

// ApplyRetentionSettings checks s and sets when its deletion begins.
func ApplyRetentionSettings(s RetentionSettings, now time.Time) (RetentionSettings, error) {
	for _, d := range []int{s.RoomDays, s.ConversationDays} {
		if d < 0 || d > MaxRetentionDays {
			return s, Errorf(BadRequest, "RetentionDays must be 1 to %d", MaxRetentionDays)
		}
	}
	s.InitiateDeletionAt = time.Time{}
	if s.RoomDays > 0 || s.ConversationDays > 0 {
		s.InitiateDeletionAt = now.Add(RetentionGrace)
	}
	return s, nil
}
