package chime

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

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
	// ResultMaxPageSize is the model's ResultMax: the largest page, and the
	// page without max-results, of numbers, orders, rooms, memberships and
	// bots (bots default to DefaultBotPageSize).
	ResultMaxPageSize = 99
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

// PhoneNumberTimings are the delays of the phone-number state machines.
// The real service took about 11 s to complete an order, up to 72 hours to
// apply a calling name, and kept deleted numbers 7 days; a server takes
// these from its configuration (short ones in development) so that tests
// need not wait.
type PhoneNumberTimings struct {
	// OrderDelay is how long an order stays Processing.
	OrderDelay time.Duration
	// CallingNameDelay is how long a calling-name update stays pending.
	CallingNameDelay time.Duration
	// DeletionRetention is how long a deleted number can be restored
	// before it is released to the pool.
	DeletionRetention time.Duration
	// CallingNameMinInterval is the least time between two changes of the
	// default calling name (0: no limit).
	CallingNameMinInterval time.Duration
}

// DefaultPhoneNumberTimings are a server's delays unless configured.
var DefaultPhoneNumberTimings = PhoneNumberTimings{
	OrderDelay:             5 * time.Second,
	CallingNameDelay:       5 * time.Second,
	DeletionRetention:      7 * 24 * time.Hour,
	CallingNameMinInterval: 7 * 24 * time.Hour,
}

// PhoneNumberRecord is a number as a store keeps it: what happened and
// when, from which the state at any moment follows (PhoneNumberRecord.At).
// Keeping facts rather than a status that a timer must advance makes every
// read at a given time agree, on every node, with no sweep needed for
// correctness.
type PhoneNumberRecord struct {
	PhoneNumber
	// AcquiredAt is when an order's number leaves AcquireInProgress.
	AcquiredAt time.Time
	// CallingNameSetAt is when the calling name was last requested.
	CallingNameSetAt time.Time
}

// At returns the number as it stands at now, and whether it still exists
// (a number deleted longer ago than the retention has been released).
func (r *PhoneNumberRecord) At(now time.Time, t PhoneNumberTimings) (PhoneNumber, bool) {
	n := r.PhoneNumber
	n.Associations = append([]PhoneNumberAssociation{}, r.Associations...)
	if n.Status == AcquireInProgress && !now.Before(r.AcquiredAt) {
		n.Status = Unassigned
		n.UpdatedAt = latest(n.UpdatedAt, r.AcquiredAt)
	}
	if n.CallingNameStatus == CallingNameUpdateInProgress {
		if due := r.CallingNameSetAt.Add(t.CallingNameDelay); !now.Before(due) {
			n.CallingNameStatus = CallingNameUpdateSucceeded
			if n.CallingName == "" {
				n.CallingNameStatus = CallingNameUnassigned
			}
			n.UpdatedAt = latest(n.UpdatedAt, due)
		}
	}
	if n.Status == DeleteInProgress && !now.Before(r.ReleasedAt(t)) {
		return n, false
	}
	return n, true
}

// ReleasedAt is when a deleted number returns to the pool.
func (r *PhoneNumberRecord) ReleasedAt(t PhoneNumberTimings) time.Time {
	return r.DeletedAt.Add(t.DeletionRetention)
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// PhoneNumberOrderRecord is an order as a store keeps it: each number with
// whether it was reserved when the order was made, and when the order
// completes.
type PhoneNumberOrderRecord struct {
	ID          string
	ProductType PhoneNumberProductType
	Numbers     []OrderedNumberRecord
	CreatedAt   time.Time
	CompletesAt time.Time
}

// OrderedNumberRecord is one number of an order: Reserved when the number
// was free in the pool, and so became the orderer's.
type OrderedNumberRecord struct {
	E164     string
	Reserved bool
}

// At returns the order as it stands at now: Processing until it completes,
// then Successful, Failed or Partial by the numbers it reserved.
func (r *PhoneNumberOrderRecord) At(now time.Time) PhoneNumberOrder {
	o := PhoneNumberOrder{ID: r.ID, ProductType: r.ProductType, Status: OrderProcessing,
		Numbers: make([]OrderedPhoneNumber, len(r.Numbers)), CreatedAt: r.CreatedAt, UpdatedAt: r.CreatedAt}
	done := !now.Before(r.CompletesAt)
	acquired := 0
	for i, n := range r.Numbers {
		o.Numbers[i] = OrderedPhoneNumber{E164: n.E164, Status: OrderedProcessing}
		if done {
			o.Numbers[i].Status = OrderedFailed
			if n.Reserved {
				o.Numbers[i].Status = OrderedAcquired
				acquired++
			}
		}
	}
	if done {
		o.UpdatedAt = r.CompletesAt
		switch acquired {
		case len(r.Numbers):
			o.Status = OrderSuccessful
		case 0:
			o.Status = OrderFailed
		default:
			o.Status = OrderPartial
		}
	}
	return o
}

// PhoneNumberID turns the id a client sent into an E.164 number. Clients
// send "+12065550100" or its URL-encoded form "%2B12065550100" (the AWS
// CLI's examples use both, and the router has decoded the path once); a
// leading + may be missing. Returns BadRequest for anything else.
func PhoneNumberID(id string) (string, error) {
	if strings.Contains(id, "%") {
		decoded, err := url.PathUnescape(id)
		if err != nil {
			return "", Errorf(BadRequest, "PhoneNumberId %q is not a phone number", id)
		}
		id = decoded
	}
	if !strings.HasPrefix(id, "+") {
		id = "+" + id
	}
	if !e164Pattern.MatchString(id) {
		return "", Errorf(BadRequest, "PhoneNumberId %q is not a phone number", id)
	}
	return id, nil
}

// PhoneNumberWireID is the id the service shows for a number: its E.164
// form, URL-encoded ("%2B12065550100").
func PhoneNumberWireID(e164 string) string { return url.QueryEscape(e164) }

// E164 returns the number in canonical E.164 form (with its +), or
// BadRequest.
func E164(number string) (string, error) {
	if !strings.HasPrefix(number, "+") {
		number = "+" + number
	}
	if !e164Pattern.MatchString(number) {
		return "", Errorf(BadRequest, "%q is not an E.164 phone number", number)
	}
	return number, nil
}

var e164Pattern = regexp.MustCompile(`^\+[1-9]\d{1,14}$`)

// PhoneNumberFilter narrows ListPhoneNumbers; empty members do not filter.
type PhoneNumberFilter struct {
	Status      PhoneNumberStatus
	ProductType PhoneNumberProductType
	// AssociationName and AssociationValue come together or not at all.
	AssociationName  PhoneNumberAssociationName
	AssociationValue string
}

// CheckPhoneNumberFilter returns BadRequest when only one of the
// association's name and value is given.
func CheckPhoneNumberFilter(f PhoneNumberFilter) error {
	if (f.AssociationName == "") != (f.AssociationValue == "") {
		return Errorf(BadRequest, "FilterName and FilterValue go together")
	}
	return nil
}

// PhoneNumberUpdate changes one detail of a number: the product type or the
// calling name, never both.
type PhoneNumberUpdate struct {
	ProductType *PhoneNumberProductType
	CallingName *string
}

// PhoneNumberUpdateItem is one number of BatchUpdatePhoneNumber.
type PhoneNumberUpdateItem struct {
	ID string // as the client sent it
	PhoneNumberUpdate
}

// PhoneNumberError is the failure of one number of a batch.
type PhoneNumberError struct {
	ID      string // as the client sent it
	Code    ErrorCode
	Message string
}

// CodePhoneNumberAssociationsExist is the per-item code for deleting a
// number that is still assigned.
const CodePhoneNumberAssociationsExist ErrorCode = "PhoneNumberAssociationsExist"

// PhoneNumberPage is one page of numbers; Next is empty on the last page.
type PhoneNumberPage struct {
	PhoneNumbers []PhoneNumber
	Next         string
}

// PhoneNumberOrderPage is one page of orders; Next is empty on the last page.
type PhoneNumberOrderPage struct {
	Orders []PhoneNumberOrder
	Next   string
}

// PhoneNumberService manages an AWS account's phone numbers: the
// inventory, orders of numbers from the pool, their calling names, their
// assignment to users, and the deletion queue. A number is held by at most
// one AWS account at a time. Numbers and orders of another owner MUST be
// NotFound. Every method reads the state at the store's clock.
type PhoneNumberService interface {
	// CreatePhoneNumberOrder orders numbers for a product type. Numbers
	// free in the pool are reserved at once (AcquireInProgress) and
	// acquired when the order completes; the others fail in the order.
	// Returns BadRequest for a list or product type the rules refuse.
	CreatePhoneNumberOrder(ctx context.Context, owner Owner, product PhoneNumberProductType, numbers []string) (*PhoneNumberOrder, error)
	// GetPhoneNumberOrder returns NotFound for an unknown order.
	GetPhoneNumberOrder(ctx context.Context, owner Owner, orderID string) (*PhoneNumberOrder, error)
	// ListPhoneNumberOrders lists orders oldest first.
	ListPhoneNumberOrders(ctx context.Context, owner Owner, p PageRequest) (*PhoneNumberOrderPage, error)
	// SearchAvailablePhoneNumbers lists numbers of the pool that no AWS
	// account holds, in ascending order. Errors as for SearchPool.
	SearchAvailablePhoneNumbers(ctx context.Context, owner Owner, s NumberSearch, p PageRequest) ([]string, string, error)
	// GetPhoneNumber returns the number in any status, NotFound once released.
	GetPhoneNumber(ctx context.Context, owner Owner, e164 string) (*PhoneNumber, error)
	// ListPhoneNumbers lists the inventory in number order.
	ListPhoneNumbers(ctx context.Context, owner Owner, f PhoneNumberFilter, p PageRequest) (*PhoneNumberPage, error)
	// UpdatePhoneNumber changes the product type of an unassigned number
	// or its calling name. Returns BadRequest as ApplyPhoneNumberUpdate
	// does, Conflict while a calling-name update is pending.
	UpdatePhoneNumber(ctx context.Context, owner Owner, e164 string, u PhoneNumberUpdate) (*PhoneNumber, error)
	// BatchUpdatePhoneNumber applies each item; failures are reported per item.
	BatchUpdatePhoneNumber(ctx context.Context, owner Owner, items []PhoneNumberUpdateItem) ([]PhoneNumberError, error)
	// DeletePhoneNumber moves an unassigned or failed number into the
	// deletion queue. Returns BadRequest for an assigned or queued number.
	DeletePhoneNumber(ctx context.Context, owner Owner, e164 string) error
	// BatchDeletePhoneNumber deletes each number; failures are per item.
	BatchDeletePhoneNumber(ctx context.Context, owner Owner, ids []string) ([]PhoneNumberError, error)
	// RestorePhoneNumber takes a number out of the deletion queue. Returns
	// BadRequest unless it is queued.
	RestorePhoneNumber(ctx context.Context, owner Owner, e164 string) (*PhoneNumber, error)
	// AssociatePhoneNumberWithUser makes an unassigned Business Calling
	// number the user's primary number. Returns NotFound for an unknown
	// account, user or number, BadRequest for a number of another product
	// type or status, or a user who has one.
	AssociatePhoneNumberWithUser(ctx context.Context, owner Owner, accountID, userID, e164 string) error
	// DisassociatePhoneNumberFromUser takes the user's number back,
	// unassigned; a user without one is left as is.
	DisassociatePhoneNumberFromUser(ctx context.Context, owner Owner, accountID, userID string) error
	// CheckDialOutNumber returns BadRequest unless e164 is an unassigned or
	// assigned number of owner's Voice Connector or SIP media application
	// inventory: the number a meeting dial-out may call from.
	CheckDialOutNumber(ctx context.Context, owner Owner, e164 string) error
	// SweepPhoneNumbers removes the numbers whose retention has passed,
	// so that their rows go; reads already treat them as released. It is
	// idempotent and safe on several nodes at once.
	SweepPhoneNumbers(ctx context.Context) (int, error)
}

// Settle makes the record's stored state what it is at now, so that a
// change applies to the current state; it reports false when the number has
// been released.
func (r *PhoneNumberRecord) Settle(now time.Time, t PhoneNumberTimings) bool {
	n, ok := r.At(now, t)
	r.PhoneNumber = n
	return ok
}

// NewOrderedPhoneNumber is the inventory record an order makes for a
// number it reserved: AcquireInProgress until the order completes. A US
// number takes the account's default calling name, if it has one.
func NewOrderedPhoneNumber(e164 string, p PhoneNumberProductType, now, completes time.Time, defaultCallingName string) *PhoneNumberRecord {
	country, t, _ := PoolNumber(e164)
	r := &PhoneNumberRecord{
		PhoneNumber: PhoneNumber{E164: e164, Country: country, Type: t, ProductType: p, Status: AcquireInProgress,
			Capabilities: Capabilities(country, t), Associations: []PhoneNumberAssociation{},
			CallingNameStatus: CallingNameUnassigned, CreatedAt: now, UpdatedAt: now},
		AcquiredAt: completes,
	}
	if defaultCallingName != "" && country == "US" {
		r.CallingName, r.CallingNameStatus, r.CallingNameSetAt = defaultCallingName, CallingNameUpdateInProgress, completes
	}
	return r
}

// ErrPhoneNumberAssociationsExist refuses to delete an assigned number;
// batches report it with CodePhoneNumberAssociationsExist.
var ErrPhoneNumberAssociationsExist = Errorf(BadRequest, "The phone number is assigned: disassociate it before deleting it")

// CheckPhoneNumberUpdate returns BadRequest for an update that no number
// could take: none or both details, an unknown product type, an invalid
// calling name. A store checks it before it looks the number up, so that a
// malformed request is refused as such whatever the number.
func CheckPhoneNumberUpdate(u PhoneNumberUpdate) error {
	if (u.ProductType == nil) == (u.CallingName == nil) {
		return Errorf(BadRequest, "Update one detail of a phone number at a time: ProductType or CallingName")
	}
	if p := u.ProductType; p != nil && !slices.Contains(PhoneNumberProductTypes, *p) {
		return Errorf(BadRequest, "ProductType must be one of %s", joinNames(PhoneNumberProductTypes, ", "))
	}
	if n := u.CallingName; n != nil {
		return CheckCallingName(*n)
	}
	return nil
}

// ApplyPhoneNumberUpdate changes one detail of a settled record at now.
// Returns BadRequest as CheckPhoneNumberUpdate does, and for a number in
// the deletion queue or still being acquired, or a product type change of
// a number that is not Unassigned or that the number cannot have; Conflict
// while a calling-name update is pending.
func ApplyPhoneNumberUpdate(r *PhoneNumberRecord, u PhoneNumberUpdate, now time.Time) error {
	if err := CheckPhoneNumberUpdate(u); err != nil {
		return err
	}
	if r.Status != Unassigned && r.Status != Assigned {
		return Errorf(BadRequest, "The phone number is %s and cannot be changed", string(r.Status))
	}
	if p := u.ProductType; p != nil {
		if r.Status != Unassigned {
			return Errorf(BadRequest, "Only an unassigned phone number can change its product type")
		}
		if err := CheckProductFits(r.Country, r.Type, *p); err != nil {
			return err
		}
		r.ProductType = *p
	} else {
		if r.CallingNameStatus == CallingNameUpdateInProgress {
			return Errorf(Conflict, "Pending updates to outbound calling names must be complete before you can request another update.")
		}
		r.CallingName, r.CallingNameStatus, r.CallingNameSetAt = *u.CallingName, CallingNameUpdateInProgress, now
	}
	r.UpdatedAt = now
	return nil
}

// DeletePhoneNumber moves a settled record into the deletion queue at now.
func DeletePhoneNumber(r *PhoneNumberRecord, now time.Time) error {
	switch r.Status {
	case Assigned:
		return ErrPhoneNumberAssociationsExist
	case Unassigned, AcquireFailed:
	default:
		return Errorf(BadRequest, "The phone number is %s and cannot be deleted", string(r.Status))
	}
	r.Status, r.DeletedAt, r.UpdatedAt = DeleteInProgress, now, now
	return nil
}

// RestorePhoneNumber takes a settled record out of the deletion queue.
func RestorePhoneNumber(r *PhoneNumberRecord, now time.Time) error {
	if r.Status != DeleteInProgress {
		return Errorf(BadRequest, "Only a phone number in the deletion queue can be restored")
	}
	r.Status, r.DeletedAt, r.UpdatedAt = Unassigned, time.Time{}, now
	return nil
}

// AssociatePhoneNumber assigns a settled record to a user of a Chime
// account: the number must be an unassigned Business Calling number.
func AssociatePhoneNumber(r *PhoneNumberRecord, accountID, userID string, now time.Time) error {
	if r.ProductType != BusinessCalling {
		return Errorf(BadRequest, "Only a BusinessCalling phone number can be assigned to a user")
	}
	if r.Status != Unassigned {
		return Errorf(BadRequest, "The phone number is %s, not Unassigned", string(r.Status))
	}
	r.Status, r.UpdatedAt = Assigned, now
	r.Associations = []PhoneNumberAssociation{
		{Name: AssociatedAccountID, Value: accountID, AssociatedAt: now},
		{Name: AssociatedUserID, Value: userID, AssociatedAt: now},
	}
	return nil
}

// DisassociatePhoneNumber returns a settled, assigned record to Unassigned.
func DisassociatePhoneNumber(r *PhoneNumberRecord, now time.Time) {
	r.Status, r.UpdatedAt, r.Associations = Unassigned, now, []PhoneNumberAssociation{}
}

// CheckDialOutNumber returns BadRequest unless a settled record may place
// a meeting dial-out: a Voice Connector or SIP media application number,
// unassigned or assigned.
func CheckDialOutNumber(r *PhoneNumberRecord) error {
	if (r.Status != Unassigned && r.Status != Assigned) || (r.ProductType != VoiceConnector && r.ProductType != SipMediaApplicationDialIn) {
		return Errorf(BadRequest, "From number does not belong to the customer")
	}
	return nil
}

// PhoneNumberErrorFor turns a domain error into a per-item batch error.
func PhoneNumberErrorFor(id string, err error) PhoneNumberError {
	if err == ErrPhoneNumberAssociationsExist {
		return PhoneNumberError{ID: id, Code: CodePhoneNumberAssociationsExist, Message: ErrPhoneNumberAssociationsExist.Message}
	}
	u := UserErrorFor(id, err)
	return PhoneNumberError{ID: id, Code: u.Code, Message: u.Message}
}

// Matches reports whether a number as it stands passes the filter.
func (f PhoneNumberFilter) Matches(n *PhoneNumber) bool {
	if f.Status != "" && n.Status != f.Status || f.ProductType != "" && n.ProductType != f.ProductType {
		return false
	}
	if f.AssociationName == "" {
		return true
	}
	return slices.ContainsFunc(n.Associations, func(a PhoneNumberAssociation) bool {
		return a.Name == f.AssociationName && a.Value == f.AssociationValue
	})
}
