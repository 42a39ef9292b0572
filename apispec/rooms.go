package apispec

import "github.com/openchime/chime"

// Shapes of the Enterprise half of the API: rooms and their memberships,
// chat bots and where their events go, chat retention, and redaction.
var (
	room = structure("Room",
		Member{Name: "RoomId", Shape: nonEmptyString, Doc: "The room ID."},
		Member{Name: "Name", Shape: sensitiveStr, Doc: "The room name."},
		Member{Name: "AccountId", Shape: nonEmptyString, Doc: "The Amazon Chime account ID."},
		Member{Name: "CreatedBy", Shape: nonEmptyString, Doc: "The IAM ARN of the room's creator."},
		Member{Name: "CreatedTimestamp", Shape: timestamp, Doc: "When the room was created, in ISO 8601 format."},
		Member{Name: "UpdatedTimestamp", Shape: timestamp, Doc: "When the room last changed, in ISO 8601 format."},
	)
	roomRole   = enumOf("RoomMembershipRole", chime.RoomMembershipRoles)
	roomMember = structure("Member",
		Member{Name: "MemberId", Shape: nonEmptyString, Doc: "The member ID (a user ID or bot ID)."},
		Member{Name: "MemberType", Shape: enumOf("MemberType", chime.MemberTypes), Doc: "User, Bot or Webhook."},
		Member{Name: "Email", Shape: sensitiveStr, Doc: "The member's e-mail address."},
		Member{Name: "FullName", Shape: sensitiveStr, Doc: "The member's name."},
		Member{Name: "AccountId", Shape: nonEmptyString, Doc: "The member's Amazon Chime account ID."},
	)
	roomMembership = structure("RoomMembership",
		Member{Name: "RoomId", Shape: nonEmptyString, Doc: "The room ID."},
		Member{Name: "Member", Shape: roomMember, Doc: "The member."},
		Member{Name: "Role", Shape: roomRole, Doc: "The member's role."},
		Member{Name: "InvitedBy", Shape: nonEmptyString, Doc: "The IAM ARN of who added the member."},
		Member{Name: "UpdatedTimestamp", Shape: timestamp, Doc: "When the membership last changed, in ISO 8601 format."},
	)
	membershipItem = structure("MembershipItem",
		Member{Name: "MemberId", Shape: nonEmptyString, Doc: "The member ID."},
		Member{Name: "Role", Shape: roomRole, Doc: "The member's role; Member when absent."},
	)
	memberError = structure("MemberError",
		Member{Name: "MemberId", Shape: nonEmptyString, Doc: "The member the error is about."},
		Member{Name: "ErrorCode", Shape: errorCode, Doc: "The error code."},
		Member{Name: "ErrorMessage", Shape: stringShape, Doc: "The error message."},
	)

	bot = structure("Bot",
		Member{Name: "BotId", Shape: stringShape, Doc: "The bot ID."},
		Member{Name: "UserId", Shape: stringShape, Doc: "The bot's user ID (the same as its bot ID)."},
		Member{Name: "DisplayName", Shape: sensitiveStr, Doc: "The bot's name, followed by (Bot)."},
		Member{Name: "BotType", Shape: enum("BotType", "ChatBot"), Doc: "ChatBot."},
		Member{Name: "Disabled", Shape: nullableBool, Doc: "Whether the bot is stopped."},
		Member{Name: "CreatedTimestamp", Shape: timestamp, Doc: "When the bot was created, in ISO 8601 format."},
		Member{Name: "UpdatedTimestamp", Shape: timestamp, Doc: "When the bot last changed, in ISO 8601 format."},
		Member{Name: "BotEmail", Shape: sensitiveStr, Doc: "The bot's e-mail address."},
		Member{Name: "SecurityToken", Shape: sensitiveStr, Doc: "The token that signs the bot's events."},
	)
	eventsConfiguration = structure("EventsConfiguration",
		Member{Name: "BotId", Shape: stringShape, Doc: "The bot ID."},
		Member{Name: "OutboundEventsHTTPSEndpoint", Shape: sensitiveStr, Doc: "The HTTPS endpoint the bot's events go to."},
		Member{Name: "LambdaFunctionArn", Shape: sensitiveStr, Doc: "The Lambda function the bot's events go to."},
	)

	retentionDays          = bounded(&Shape{Name: "RetentionDays", Type: Integer}, 1, chime.MaxRetentionDays, true, true)
	retentionSettingsShape = structure("RetentionSettings",
		Member{Name: "RoomRetentionSettings", Shape: structure("RoomRetentionSettings",
			Member{Name: "RetentionDays", Shape: retentionDays, Doc: "How many days room messages are kept."}), Doc: "The retention of room messages."},
		Member{Name: "ConversationRetentionSettings", Shape: structure("ConversationRetentionSettings",
			Member{Name: "RetentionDays", Shape: retentionDays, Doc: "How many days conversation messages are kept."}), Doc: "The retention of conversation messages."},
	)
)

// Input members of the Enterprise operations that recur.
var (
	roomIDLabel    = Member{Name: "RoomId", Shape: nonEmptyString, Required: true, Location: URI, LocationName: "roomId", Doc: "The room ID."}
	botIDLabel     = Member{Name: "BotId", Shape: nonEmptyString, Required: true, Location: URI, LocationName: "botId", Doc: "The bot ID."}
	messageIDLabel = Member{Name: "MessageId", Shape: nonEmptyString, Required: true, Location: URI, LocationName: "messageId", Doc: "The message ID."}
)
