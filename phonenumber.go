package chime

import "time"

// Phone numbers belong to an AWS account, not to a Chime account: the
// inventory, its orders, the default calling name and the global settings
// are all the caller's AWS account's.

// PhoneNumberProductType is what a number is used for.
type PhoneNumberProductType string

// Product types.
const (
	BusinessCalling           PhoneNumberProductType = "BusinessCalling"
	VoiceConnector            PhoneNumberProductType = "VoiceConnector"
	SipMediaApplicationDialIn PhoneNumberProductType = "SipMediaApplicationDialIn"
)

// PhoneNumberProductTypes lists the product types in model order.
var PhoneNumberProductTypes = []PhoneNumberProductType{BusinessCalling, VoiceConnector, SipMediaApplicationDialIn}

// PhoneNumberType tells local numbers from toll-free ones.
type PhoneNumberType string

// Number types.
const (
	LocalNumber    PhoneNumberType = "Local"
	TollFreeNumber PhoneNumberType = "TollFree"
)

// PhoneNumberTypes lists the number types in model order.
var PhoneNumberTypes = []PhoneNumberType{LocalNumber, TollFreeNumber}

// PhoneNumberStatus is where a number is in its life.
type PhoneNumberStatus string

// Number statuses.
const (
	AcquireInProgress PhoneNumberStatus = "AcquireInProgress"
	AcquireFailed     PhoneNumberStatus = "AcquireFailed"
	Unassigned        PhoneNumberStatus = "Unassigned"
	Assigned          PhoneNumberStatus = "Assigned"
	ReleaseInProgress PhoneNumberStatus = "ReleaseInProgress"
	DeleteInProgress  PhoneNumberStatus = "DeleteInProgress"
	ReleaseFailed     PhoneNumberStatus = "ReleaseFailed"
	DeleteFailed      PhoneNumberStatus = "DeleteFailed"
)

// PhoneNumberStatuses lists the number statuses in model order.
var PhoneNumberStatuses = []PhoneNumberStatus{AcquireInProgress, AcquireFailed, Unassigned, Assigned,
	ReleaseInProgress, DeleteInProgress, ReleaseFailed, DeleteFailed}

// PhoneNumberAssociationName is the kind of id a number is associated with.
type PhoneNumberAssociationName string

// Association names.
const (
	AssociatedAccountID             PhoneNumberAssociationName = "AccountId"
	AssociatedUserID                PhoneNumberAssociationName = "UserId"
	AssociatedVoiceConnectorID      PhoneNumberAssociationName = "VoiceConnectorId"
	AssociatedVoiceConnectorGroupID PhoneNumberAssociationName = "VoiceConnectorGroupId"
	AssociatedSipRuleID             PhoneNumberAssociationName = "SipRuleId"
)

// PhoneNumberAssociationNames lists the association names in model order.
var PhoneNumberAssociationNames = []PhoneNumberAssociationName{AssociatedAccountID, AssociatedUserID,
	AssociatedVoiceConnectorID, AssociatedVoiceConnectorGroupID, AssociatedSipRuleID}

// CallingNameStatus is the state of a number's outbound calling name.
type CallingNameStatus string

// Calling-name statuses.
const (
	CallingNameUnassigned       CallingNameStatus = "Unassigned"
	CallingNameUpdateInProgress CallingNameStatus = "UpdateInProgress"
	CallingNameUpdateSucceeded  CallingNameStatus = "UpdateSucceeded"
	CallingNameUpdateFailed     CallingNameStatus = "UpdateFailed"
)

// CallingNameStatuses lists the calling-name statuses in model order.
var CallingNameStatuses = []CallingNameStatus{CallingNameUnassigned, CallingNameUpdateInProgress,
	CallingNameUpdateSucceeded, CallingNameUpdateFailed}

// PhoneNumberOrderStatus is the state of an order.
type PhoneNumberOrderStatus string

// Order statuses.
const (
	OrderProcessing PhoneNumberOrderStatus = "Processing"
	OrderSuccessful PhoneNumberOrderStatus = "Successful"
	OrderFailed     PhoneNumberOrderStatus = "Failed"
	OrderPartial    PhoneNumberOrderStatus = "Partial"
)

// PhoneNumberOrderStatuses lists the order statuses in model order.
var PhoneNumberOrderStatuses = []PhoneNumberOrderStatus{OrderProcessing, OrderSuccessful, OrderFailed, OrderPartial}

// OrderedPhoneNumberStatus is the state of one number of an order.
type OrderedPhoneNumberStatus string

// Ordered-number statuses.
const (
	OrderedProcessing OrderedPhoneNumberStatus = "Processing"
	OrderedAcquired   OrderedPhoneNumberStatus = "Acquired"
	OrderedFailed     OrderedPhoneNumberStatus = "Failed"
)

// OrderedPhoneNumberStatuses lists the ordered-number statuses in model order.
var OrderedPhoneNumberStatuses = []OrderedPhoneNumberStatus{OrderedProcessing, OrderedAcquired, OrderedFailed}

// Limits of the phone-number operations.
const (
	// MaxPhoneNumbersPerRequest bounds an order and a batch: the model
	// bounds neither; docs/behaviour.md gives this server's choice.
	MaxPhoneNumbersPerRequest = 50
	// MaxPhonePageSize is the model's bound on pages of numbers and orders.
	MaxPhonePageSize = 99
	// MaxSearchPageSize is the model's bound on a page of search results;
	// DefaultSearchPageSize the page without max-results.
	MaxSearchPageSize     = 500
	DefaultSearchPageSize = 100
)

// PhoneNumberCapabilities says what a number can do.
type PhoneNumberCapabilities struct {
	InboundCall, OutboundCall, InboundSMS, OutboundSMS, InboundMMS, OutboundMMS bool
}

// PhoneNumberAssociation links a number to an id.
type PhoneNumberAssociation struct {
	Name         PhoneNumberAssociationName
	Value        string
	AssociatedAt time.Time
}

// PhoneNumber is a number of an AWS account's inventory. E164 is its id
// ("+12065550100"); the wire id is its URL-encoded form.
type PhoneNumber struct {
	E164              string
	Country           string
	Type              PhoneNumberType
	ProductType       PhoneNumberProductType
	Status            PhoneNumberStatus
	Capabilities      PhoneNumberCapabilities
	Associations      []PhoneNumberAssociation
	CallingName       string
	CallingNameStatus CallingNameStatus
	CreatedAt         time.Time
	UpdatedAt         time.Time
	DeletedAt         time.Time // zero unless in the deletion queue
}

// OrderedPhoneNumber is one number of an order.
type OrderedPhoneNumber struct {
	E164   string
	Status OrderedPhoneNumberStatus
}

// PhoneNumberOrder is an order of numbers for one product type.
type PhoneNumberOrder struct {
	ID          string
	ProductType PhoneNumberProductType
	Status      PhoneNumberOrderStatus
	Numbers     []OrderedPhoneNumber
	CreatedAt   time.Time
	UpdatedAt   time.Time
}
