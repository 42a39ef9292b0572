package apispec

import "github.com/openchime/chime"

// Scalar shapes shared by many operations.
var (
	// Strings the model leaves unbounded get this server's caps
	// (docs/behaviour.md): names, ids and tokens 256 characters, ARNs 1024.
	stringShape    = capped(&Shape{Name: "String", Type: String}, 256)
	nonEmptyString = capped(&Shape{Name: "NonEmptyString", Type: String, Pattern: `.*\S.*`}, 256)
	sensitiveStr   = capped(&Shape{Name: "SensitiveString", Type: String, Sensitive: true}, 1024)
	booleanShape   = &Shape{Name: "Boolean", Type: Boolean}
	timestamp      = &Shape{Name: "Iso8601Timestamp", Type: Timestamp}
	emailAddress   = capped(&Shape{Name: "EmailAddress", Type: String, Pattern: `.+@.+\..+`, Sensitive: true}, 254)
	accountName    = bounded(&Shape{Name: "AccountName", Type: String, Pattern: `.*\S.*`}, 1, chime.MaxAccountNameLength, true, true)
	maxResults     = bounded(&Shape{Name: "ProfileServiceMaxResults", Type: Integer}, 1, chime.MaxPageSize, true, true)

	// The domain states each enumeration once; the model's shapes take it.
	license            = enumOf("License", chime.Licenses)
	userType           = enumOf("UserType", chime.UserTypes)
	accountType        = enumOf("AccountType", chime.AccountTypes)
	accountStatus      = enumOf("AccountStatus", chime.AccountStatuses)
	registrationStatus = enumOf("RegistrationStatus", chime.RegistrationStatuses)
	inviteStatus       = enumOf("InviteStatus", chime.InviteStatuses)
	emailStatus        = enumOf("EmailStatus", chime.EmailStatuses)
	errorCode          = enum("ErrorCode", "BadRequest", "Conflict", "Forbidden", "NotFound", "PreconditionFailed",
		"ResourceLimitExceeded", "ServiceFailure", "AccessDenied", "ServiceUnavailable", "Throttled", "Throttling",
		"Unauthorized", "Unprocessable", "VoiceConnectorGroupAssociationsExist", "PhoneNumberAssociationsExist")
)

// Structures of the accounts and users API.
var (
	signinDelegateGroup = structure("SigninDelegateGroup",
		Member{Name: "GroupName", Shape: nonEmptyString, Doc: "The group name."})
	signinDelegateGroupList = capped(listOf("SigninDelegateGroupList", signinDelegateGroup), chime.MaxSigninDelegateGroups)

	account = structure("Account",
		Member{Name: "AwsAccountId", Shape: stringShape, Required: true, Doc: "The AWS account ID."},
		Member{Name: "AccountId", Shape: stringShape, Required: true, Doc: "The Amazon Chime account ID."},
		Member{Name: "Name", Shape: stringShape, Required: true, Doc: "The Amazon Chime account name."},
		Member{Name: "AccountType", Shape: accountType, Doc: "The Amazon Chime account type."},
		Member{Name: "CreatedTimestamp", Shape: timestamp, Doc: "When the account was created, in ISO 8601 format."},
		Member{Name: "DefaultLicense", Shape: license, Doc: "The license new users of the account get."},
		Member{Name: "SupportedLicenses", Shape: listOf("LicenseList", license), Doc: "The licenses the account supports."},
		Member{Name: "AccountStatus", Shape: accountStatus, Doc: "Whether the account is active or suspended."},
		Member{Name: "SigninDelegateGroups", Shape: signinDelegateGroupList, Doc: "The sign-in delegate groups of the account."},
	)

	accountSettings = structure("AccountSettings",
		Member{Name: "DisableRemoteControl", Shape: booleanShape, Doc: "Whether screen-share viewers may not take remote control."},
		Member{Name: "EnableDialOut", Shape: booleanShape, Doc: "Whether meetings may dial out."},
	)

	alexaForBusinessMetadata = structure("AlexaForBusinessMetadata",
		Member{Name: "IsAlexaForBusinessEnabled", Shape: booleanShape, Doc: "Starts or stops Alexa for Business."},
		Member{Name: "AlexaForBusinessRoomArn", Shape: sensitiveStr, Doc: "The ARN of the room resource."},
	)

	user = structure("User",
		Member{Name: "UserId", Shape: stringShape, Required: true, Doc: "The user ID."},
		Member{Name: "AccountId", Shape: stringShape, Doc: "The Amazon Chime account ID."},
		Member{Name: "PrimaryEmail", Shape: emailAddress, Doc: "The primary email address of the user."},
		Member{Name: "PrimaryProvisionedNumber", Shape: sensitiveStr, Doc: "The primary phone number associated with the user."},
		Member{Name: "DisplayName", Shape: sensitiveStr, Doc: "The display name of the user."},
		Member{Name: "LicenseType", Shape: license, Doc: "The license type for the user."},
		Member{Name: "UserType", Shape: userType, Doc: "The user type."},
		Member{Name: "UserRegistrationStatus", Shape: registrationStatus, Doc: "The user registration status."},
		Member{Name: "UserInvitationStatus", Shape: inviteStatus, Doc: "The user invite status."},
		Member{Name: "RegisteredOn", Shape: timestamp, Doc: "Date and time when the user is registered, in ISO 8601 format."},
		Member{Name: "InvitedOn", Shape: timestamp, Doc: "Date and time when the user is invited to the Amazon Chime account, in ISO 8601 format."},
		Member{Name: "AlexaForBusinessMetadata", Shape: alexaForBusinessMetadata, Doc: "The Alexa for Business metadata."},
		Member{Name: "PersonalPIN", Shape: stringShape, Doc: "The user's personal meeting PIN."},
	)

	userError = structure("UserError",
		Member{Name: "UserId", Shape: nonEmptyString, Doc: "The user ID the error is about."},
		Member{Name: "ErrorCode", Shape: errorCode, Doc: "The error code."},
		Member{Name: "ErrorMessage", Shape: stringShape, Doc: "The error message."},
	)
	userErrorList = listOf("UserErrorList", userError)

	invite = structure("Invite",
		Member{Name: "InviteId", Shape: stringShape, Doc: "The invite ID."},
		Member{Name: "Status", Shape: inviteStatus, Doc: "The status of the invite."},
		Member{Name: "EmailAddress", Shape: emailAddress, Doc: "The e-mail address the invite went to."},
		Member{Name: "EmailStatus", Shape: emailStatus, Doc: "Whether the invite e-mail was sent."},
	)

	telephonySettings = structure("TelephonySettings",
		Member{Name: "InboundCalling", Shape: booleanShape, Required: true, Doc: "Allows or denies inbound calling."},
		Member{Name: "OutboundCalling", Shape: booleanShape, Required: true, Doc: "Allows or denies outbound calling."},
		Member{Name: "SMS", Shape: booleanShape, Required: true, Doc: "Allows or denies SMS messaging."},
	)
	userSettings = structure("UserSettings",
		Member{Name: "Telephony", Shape: telephonySettings, Required: true, Doc: "The telephony settings of the user."})

	updateUserRequestItem = structure("UpdateUserRequestItem",
		Member{Name: "UserId", Shape: nonEmptyString, Required: true, Doc: "The user ID."},
		Member{Name: "LicenseType", Shape: license, Doc: "The user license type."},
		Member{Name: "UserType", Shape: userType, Doc: "The user type."},
		Member{Name: "AlexaForBusinessMetadata", Shape: alexaForBusinessMetadata, Doc: "The Alexa for Business metadata."},
	)

	userIDList = bounded(listOf("UserIdList", nonEmptyString), 0, 50, false, true)
)

// Input members that recur.
var (
	accountIDLabel = Member{Name: "AccountId", Shape: nonEmptyString, Required: true, Location: URI,
		LocationName: "accountId", Doc: "The Amazon Chime account ID."}
	userIDLabel = Member{Name: "UserId", Shape: nonEmptyString, Required: true, Location: URI,
		LocationName: "userId", Doc: "The user ID."}
	nextTokenQuery = Member{Name: "NextToken", Shape: stringShape, Location: Query, LocationName: "next-token",
		Doc: "The token to use to retrieve the next page of results."}
	maxResultsQuery = Member{Name: "MaxResults", Shape: maxResults, Location: Query, LocationName: "max-results",
		Doc: "The maximum number of results to return in a single call. Defaults to 100."}
)

func input(op string, members ...Member) *Shape  { return structure(op+"Request", members...) }
func output(op string, members ...Member) *Shape { return structure(op+"Response", members...) }
