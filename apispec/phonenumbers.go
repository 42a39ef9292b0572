package apispec

import "github.com/openchime/chime"

// Shapes of the phone-number half of the API: the inventory, orders, the
// search of the number pool, calling names, global settings and meeting
// dial-out. These belong to the AWS account, not to a Chime account.
var (
	// Patterns bound these already; the caps say so where the bounds test
	// looks, and refuse long values before the pattern runs.
	guidString = capped(&Shape{Name: "GuidString", Type: String, Pattern: `[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}`}, 36)
	e164Number = capped(&Shape{Name: "E164PhoneNumber", Type: String, Pattern: `^\+?[1-9]\d{1,14}$`, Sensitive: true}, 16)
	// The model bounds neither list; this server takes up to 50 numbers a
	// request, as many as a batch (docs/behaviour.md).
	e164NumberList = capped(listOf("E164PhoneNumberList", e164Number), chime.MaxPhoneNumbersPerRequest)
	countryCode    = capped(&Shape{Name: "Alpha2CountryCode", Type: String, Pattern: `[A-Z]{2}`}, 2)
	callingName    = capped(&Shape{Name: "CallingName", Type: String, Pattern: `^$|^[a-zA-Z0-9 ]{2,15}$`, Sensitive: true}, 15)
	resultMax      = bounded(&Shape{Name: "ResultMax", Type: Integer}, 1, chime.ResultMaxPageSize, true, true)
	nullableBool   = &Shape{Name: "NullableBoolean", Type: Boolean}

	productType            = enumOf("PhoneNumberProductType", chime.PhoneNumberProductTypes)
	phoneNumberType        = enumOf("PhoneNumberType", chime.PhoneNumberTypes)
	phoneNumberStatus      = enumOf("PhoneNumberStatus", chime.PhoneNumberStatuses)
	associationName        = enumOf("PhoneNumberAssociationName", chime.PhoneNumberAssociationNames)
	callingNameStatus      = enumOf("CallingNameStatus", chime.CallingNameStatuses)
	orderStatus            = enumOf("PhoneNumberOrderStatus", chime.PhoneNumberOrderStatuses)
	orderedPhoneNumberStat = enumOf("OrderedPhoneNumberStatus", chime.OrderedPhoneNumberStatuses)

	orderedPhoneNumber = structure("OrderedPhoneNumber",
		Member{Name: "E164PhoneNumber", Shape: e164Number, Doc: "The phone number, in E.164 format."},
		Member{Name: "Status", Shape: orderedPhoneNumberStat, Doc: "Whether the number was acquired."},
	)
	phoneNumberOrder = structure("PhoneNumberOrder",
		Member{Name: "PhoneNumberOrderId", Shape: guidString, Doc: "The order ID."},
		Member{Name: "ProductType", Shape: productType, Doc: "The product the numbers are ordered for."},
		Member{Name: "Status", Shape: orderStatus, Doc: "The status of the order."},
		Member{Name: "OrderedPhoneNumbers", Shape: listOf("OrderedPhoneNumberList", orderedPhoneNumber), Doc: "The ordered numbers and their statuses."},
		Member{Name: "CreatedTimestamp", Shape: timestamp, Doc: "When the order was created, in ISO 8601 format."},
		Member{Name: "UpdatedTimestamp", Shape: timestamp, Doc: "When the order last changed, in ISO 8601 format."},
	)

	phoneNumberCapabilities = structure("PhoneNumberCapabilities",
		Member{Name: "InboundCall", Shape: nullableBool, Doc: "Whether the number takes calls."},
		Member{Name: "OutboundCall", Shape: nullableBool, Doc: "Whether the number makes calls."},
		Member{Name: "InboundSMS", Shape: nullableBool, Doc: "Whether the number takes SMS."},
		Member{Name: "OutboundSMS", Shape: nullableBool, Doc: "Whether the number sends SMS."},
		Member{Name: "InboundMMS", Shape: nullableBool, Doc: "Whether the number takes MMS."},
		Member{Name: "OutboundMMS", Shape: nullableBool, Doc: "Whether the number sends MMS."},
	)
	phoneNumberAssociation = structure("PhoneNumberAssociation",
		Member{Name: "Value", Shape: stringShape, Doc: "The id the number is associated with."},
		Member{Name: "Name", Shape: associationName, Doc: "What kind of id Value is."},
		Member{Name: "AssociatedTimestamp", Shape: timestamp, Doc: "When the association was made, in ISO 8601 format."},
	)
	phoneNumber = structure("PhoneNumber",
		Member{Name: "PhoneNumberId", Shape: stringShape, Doc: "The number's ID: its E.164 form, URL-encoded."},
		Member{Name: "E164PhoneNumber", Shape: e164Number, Doc: "The number, in E.164 format."},
		Member{Name: "Country", Shape: countryCode, Doc: "The ISO 3166 alpha-2 country code."},
		Member{Name: "Type", Shape: phoneNumberType, Doc: "Local or toll-free."},
		Member{Name: "ProductType", Shape: productType, Doc: "The product the number is for."},
		Member{Name: "Status", Shape: phoneNumberStatus, Doc: "The number's status."},
		Member{Name: "Capabilities", Shape: phoneNumberCapabilities, Doc: "What the number can do."},
		Member{Name: "Associations", Shape: listOf("PhoneNumberAssociationList", phoneNumberAssociation), Doc: "What the number is associated with."},
		Member{Name: "CallingName", Shape: callingName, Doc: "The outbound calling name."},
		Member{Name: "CallingNameStatus", Shape: callingNameStatus, Doc: "The status of the calling name."},
		Member{Name: "CreatedTimestamp", Shape: timestamp, Doc: "When the number was ordered, in ISO 8601 format."},
		Member{Name: "UpdatedTimestamp", Shape: timestamp, Doc: "When the number last changed, in ISO 8601 format."},
		Member{Name: "DeletionTimestamp", Shape: timestamp, Doc: "When the number was deleted, in ISO 8601 format."},
	)

	phoneNumberError = structure("PhoneNumberError",
		Member{Name: "PhoneNumberId", Shape: nonEmptyString, Doc: "The number the error is about."},
		Member{Name: "ErrorCode", Shape: errorCode, Doc: "The error code."},
		Member{Name: "ErrorMessage", Shape: stringShape, Doc: "The error message."},
	)
	phoneNumberErrorList = listOf("PhoneNumberErrorList", phoneNumberError)

	updatePhoneNumberRequestItem = structure("UpdatePhoneNumberRequestItem",
		Member{Name: "PhoneNumberId", Shape: nonEmptyString, Required: true, Personal: true, Doc: "The number's ID."},
		Member{Name: "ProductType", Shape: productType, Doc: "The new product type."},
		Member{Name: "CallingName", Shape: callingName, Doc: "The new outbound calling name."},
	)

	phoneNumberCountry = structure("PhoneNumberCountry",
		Member{Name: "CountryCode", Shape: countryCode, Doc: "The ISO 3166 alpha-2 country code."},
		Member{Name: "SupportedPhoneNumberTypes", Shape: listOf("PhoneNumberTypeList", phoneNumberType), Doc: "The number types available there."},
	)

	businessCallingSettings = structure("BusinessCallingSettings",
		Member{Name: "CdrBucket", Shape: stringShape, Doc: "The S3 bucket for call detail records."})
	voiceConnectorSettings = structure("VoiceConnectorSettings",
		Member{Name: "CdrBucket", Shape: stringShape, Doc: "The S3 bucket for call detail records."})
)

// Input members of the phone-number operations that recur.
var (
	phoneNumberIDLabel = Member{Name: "PhoneNumberId", Shape: stringShape, Required: true, Personal: true, Location: URI,
		LocationName: "phoneNumberId", Doc: "The phone number ID (its E.164 form, URL-encoded or not)."}
	resultMaxQuery = Member{Name: "MaxResults", Shape: resultMax, Location: Query, LocationName: "max-results",
		Doc: "The maximum number of results to return in a single call."}
)
