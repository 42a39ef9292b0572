package restjson

import (
	"context"
	"log/slog"

	"github.com/openchime/chime"
)

// The handlers of the phone-number operations: the inventory of the
// caller's AWS account, its orders, the pool, assignment to users, and
// meeting dial-out. Ids arrive as the client sent them ("+1…" or
// "%2B1…") and are normalised by the domain.

func (a *API) handleCreatePhoneNumberOrder(ctx context.Context, owner chime.Owner, in *CreatePhoneNumberOrderRequest) (*CreatePhoneNumberOrderResponse, error) {
	o, err := a.cfg.Services.PhoneNumbers.CreatePhoneNumberOrder(ctx, owner, chime.PhoneNumberProductType(in.ProductType), in.E164PhoneNumbers)
	if err != nil {
		return nil, err
	}
	return &CreatePhoneNumberOrderResponse{PhoneNumberOrder: toPhoneNumberOrder(o)}, nil
}

func (a *API) handleGetPhoneNumberOrder(ctx context.Context, owner chime.Owner, in *GetPhoneNumberOrderRequest) (*GetPhoneNumberOrderResponse, error) {
	o, err := a.cfg.Services.PhoneNumbers.GetPhoneNumberOrder(ctx, owner, in.PhoneNumberOrderId)
	if err != nil {
		return nil, err
	}
	return &GetPhoneNumberOrderResponse{PhoneNumberOrder: toPhoneNumberOrder(o)}, nil
}

func (a *API) handleListPhoneNumberOrders(ctx context.Context, owner chime.Owner, in *ListPhoneNumberOrdersRequest) (*ListPhoneNumberOrdersResponse, error) {
	scope := []string{"ListPhoneNumberOrders", owner}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.PhoneNumbers.ListPhoneNumberOrders(ctx, owner, chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &ListPhoneNumberOrdersResponse{PhoneNumberOrders: make([]PhoneNumberOrder, len(page.Orders)), NextToken: a.nextToken(scope, page.Next)}
	for i := range page.Orders {
		out.PhoneNumberOrders[i] = *toPhoneNumberOrder(&page.Orders[i])
	}
	return out, nil
}

func (a *API) handleSearchAvailablePhoneNumbers(ctx context.Context, owner chime.Owner, in *SearchAvailablePhoneNumbersRequest) (*SearchAvailablePhoneNumbersResponse, error) {
	s := chime.NumberSearch{AreaCode: deref(in.AreaCode), City: deref(in.City), State: deref(in.State), Country: deref(in.Country),
		TollFreePrefix: deref(in.TollFreePrefix), Type: chime.PhoneNumberType(deref(in.PhoneNumberType))}
	scope := []string{"SearchAvailablePhoneNumbers", owner, s.AreaCode, s.City, s.State, s.Country, s.TollFreePrefix, string(s.Type)}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	numbers, next, err := a.cfg.Services.PhoneNumbers.SearchAvailablePhoneNumbers(ctx, owner, s, chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	if numbers == nil {
		numbers = []string{}
	}
	return &SearchAvailablePhoneNumbersResponse{E164PhoneNumbers: numbers, NextToken: a.nextToken(scope, next)}, nil
}

func (a *API) handleListSupportedPhoneNumberCountries(ctx context.Context, owner chime.Owner, in *ListSupportedPhoneNumberCountriesRequest) (*ListSupportedPhoneNumberCountriesResponse, error) {
	countries := chime.SupportedCountries(chime.PhoneNumberProductType(in.ProductType))
	out := &ListSupportedPhoneNumberCountriesResponse{PhoneNumberCountries: make([]PhoneNumberCountry, len(countries))}
	for i := range countries {
		c := &countries[i]
		types := make([]string, len(c.Types))
		for j, t := range c.Types {
			types[j] = string(t)
		}
		out.PhoneNumberCountries[i] = PhoneNumberCountry{CountryCode: &c.Code, SupportedPhoneNumberTypes: types}
	}
	return out, nil
}

func (a *API) handleGetPhoneNumber(ctx context.Context, owner chime.Owner, in *GetPhoneNumberRequest) (*GetPhoneNumberResponse, error) {
	id, err := chime.PhoneNumberID(in.PhoneNumberId)
	if err != nil {
		return nil, err
	}
	n, err := a.cfg.Services.PhoneNumbers.GetPhoneNumber(ctx, owner, id)
	if err != nil {
		return nil, err
	}
	return &GetPhoneNumberResponse{PhoneNumber: toPhoneNumber(n)}, nil
}

func (a *API) handleListPhoneNumbers(ctx context.Context, owner chime.Owner, in *ListPhoneNumbersRequest) (*ListPhoneNumbersResponse, error) {
	f := chime.PhoneNumberFilter{Status: chime.PhoneNumberStatus(deref(in.Status)), ProductType: chime.PhoneNumberProductType(deref(in.ProductType)),
		AssociationName: chime.PhoneNumberAssociationName(deref(in.FilterName)), AssociationValue: deref(in.FilterValue)}
	if err := chime.CheckPhoneNumberFilter(f); err != nil {
		return nil, err
	}
	scope := []string{"ListPhoneNumbers", owner, string(f.Status), string(f.ProductType), string(f.AssociationName), f.AssociationValue}
	cursor, err := a.tokens.open(scope, deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	page, err := a.cfg.Services.PhoneNumbers.ListPhoneNumbers(ctx, owner, f, chime.PageRequest{Cursor: cursor, Limit: pageLimit(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &ListPhoneNumbersResponse{PhoneNumbers: make([]PhoneNumber, len(page.PhoneNumbers)), NextToken: a.nextToken(scope, page.Next)}
	for i := range page.PhoneNumbers {
		out.PhoneNumbers[i] = *toPhoneNumber(&page.PhoneNumbers[i])
	}
	return out, nil
}

func (a *API) handleUpdatePhoneNumber(ctx context.Context, owner chime.Owner, in *UpdatePhoneNumberRequest) (*UpdatePhoneNumberResponse, error) {
	id, err := chime.PhoneNumberID(in.PhoneNumberId)
	if err != nil {
		return nil, err
	}
	n, err := a.cfg.Services.PhoneNumbers.UpdatePhoneNumber(ctx, owner, id, phoneNumberUpdate(in.ProductType, in.CallingName))
	if err != nil {
		return nil, err
	}
	return &UpdatePhoneNumberResponse{PhoneNumber: toPhoneNumber(n)}, nil
}

func (a *API) handleBatchUpdatePhoneNumber(ctx context.Context, owner chime.Owner, in *BatchUpdatePhoneNumberRequest) (*BatchUpdatePhoneNumberResponse, error) {
	items := make([]chime.PhoneNumberUpdateItem, len(in.UpdatePhoneNumberRequestItems))
	for i := range in.UpdatePhoneNumberRequestItems {
		it := &in.UpdatePhoneNumberRequestItems[i]
		items[i] = chime.PhoneNumberUpdateItem{ID: it.PhoneNumberId, PhoneNumberUpdate: phoneNumberUpdate(it.ProductType, it.CallingName)}
	}
	errs, err := a.cfg.Services.PhoneNumbers.BatchUpdatePhoneNumber(ctx, owner, items)
	if err != nil {
		return nil, err
	}
	return &BatchUpdatePhoneNumberResponse{PhoneNumberErrors: toPhoneNumberErrors(errs)}, nil
}

func (a *API) handleDeletePhoneNumber(ctx context.Context, owner chime.Owner, in *DeletePhoneNumberRequest) error {
	id, err := chime.PhoneNumberID(in.PhoneNumberId)
	if err != nil {
		return err
	}
	return a.cfg.Services.PhoneNumbers.DeletePhoneNumber(ctx, owner, id)
}

func (a *API) handleBatchDeletePhoneNumber(ctx context.Context, owner chime.Owner, in *BatchDeletePhoneNumberRequest) (*BatchDeletePhoneNumberResponse, error) {
	errs, err := a.cfg.Services.PhoneNumbers.BatchDeletePhoneNumber(ctx, owner, in.PhoneNumberIds)
	if err != nil {
		return nil, err
	}
	return &BatchDeletePhoneNumberResponse{PhoneNumberErrors: toPhoneNumberErrors(errs)}, nil
}

func (a *API) handleRestorePhoneNumber(ctx context.Context, owner chime.Owner, in *RestorePhoneNumberRequest) (*RestorePhoneNumberResponse, error) {
	id, err := chime.PhoneNumberID(in.PhoneNumberId)
	if err != nil {
		return nil, err
	}
	n, err := a.cfg.Services.PhoneNumbers.RestorePhoneNumber(ctx, owner, id)
	if err != nil {
		return nil, err
	}
	return &RestorePhoneNumberResponse{PhoneNumber: toPhoneNumber(n)}, nil
}

func (a *API) handleAssociatePhoneNumberWithUser(ctx context.Context, owner chime.Owner, in *AssociatePhoneNumberWithUserRequest) error {
	e164, err := chime.E164(in.E164PhoneNumber)
	if err != nil {
		return err
	}
	return a.cfg.Services.PhoneNumbers.AssociatePhoneNumberWithUser(ctx, owner, in.AccountId, in.UserId, e164)
}

func (a *API) handleDisassociatePhoneNumberFromUser(ctx context.Context, owner chime.Owner, in *DisassociatePhoneNumberFromUserRequest) error {
	return a.cfg.Services.PhoneNumbers.DisassociatePhoneNumberFromUser(ctx, owner, in.AccountId, in.UserId)
}

// handleCreateMeetingDialOut checks what can be checked without meetings
// (the caller's From number), and places no call: the meetings the
// service dialled into live elsewhere now.
func (a *API) handleCreateMeetingDialOut(ctx context.Context, owner chime.Owner, in *CreateMeetingDialOutRequest) (*CreateMeetingDialOutResponse, error) {
	from, err := chime.E164(in.FromPhoneNumber)
	if err != nil {
		return nil, err
	}
	if _, err := chime.E164(in.ToPhoneNumber); err != nil {
		return nil, err
	}
	if err := a.cfg.Services.PhoneNumbers.CheckDialOutNumber(ctx, owner, from); err != nil {
		return nil, err
	}
	id := a.cfg.NewID()
	a.cfg.Logger.LogAttrs(ctx, slog.LevelInfo, "meeting dial-out accepted", slog.String("aws_account_id", owner),
		slog.String("meeting_id", in.MeetingId), slog.String("transaction_id", id))
	return &CreateMeetingDialOutResponse{TransactionId: &id}, nil
}

func phoneNumberUpdate(productType, callingName *string) chime.PhoneNumberUpdate {
	return chime.PhoneNumberUpdate{ProductType: (*chime.PhoneNumberProductType)(productType), CallingName: callingName}
}

// toPhoneNumber is the wire form of a number; it points into n. The
// associations are always sent, [] when there are none.
func toPhoneNumber(n *chime.PhoneNumber) *PhoneNumber {
	c := &n.Capabilities
	w := &PhoneNumber{
		PhoneNumberId:   stringPtr(chime.PhoneNumberWireID(n.E164)),
		E164PhoneNumber: optString(&n.E164),
		Country:         optString(&n.Country),
		Type:            optString((*string)(&n.Type)),
		ProductType:     optString((*string)(&n.ProductType)),
		Status:          optString((*string)(&n.Status)),
		Capabilities: &PhoneNumberCapabilities{InboundCall: &c.InboundCall, OutboundCall: &c.OutboundCall,
			InboundSMS: &c.InboundSMS, OutboundSMS: &c.OutboundSMS, InboundMMS: &c.InboundMMS, OutboundMMS: &c.OutboundMMS},
		Associations:      make([]PhoneNumberAssociation, len(n.Associations)),
		CallingName:       optString(&n.CallingName),
		CallingNameStatus: optString((*string)(&n.CallingNameStatus)),
		CreatedTimestamp:  optTime(&n.CreatedAt),
		UpdatedTimestamp:  optTime(&n.UpdatedAt),
		DeletionTimestamp: optTime(&n.DeletedAt),
	}
	for i := range n.Associations {
		as := &n.Associations[i]
		w.Associations[i] = PhoneNumberAssociation{Value: &as.Value, Name: (*string)(&as.Name), AssociatedTimestamp: optTime(&as.AssociatedAt)}
	}
	return w
}

// toPhoneNumberOrder is the wire form of an order; it points into o.
func toPhoneNumberOrder(o *chime.PhoneNumberOrder) *PhoneNumberOrder {
	w := &PhoneNumberOrder{
		PhoneNumberOrderId:  &o.ID,
		ProductType:         optString((*string)(&o.ProductType)),
		Status:              optString((*string)(&o.Status)),
		OrderedPhoneNumbers: make([]OrderedPhoneNumber, len(o.Numbers)),
		CreatedTimestamp:    optTime(&o.CreatedAt),
		UpdatedTimestamp:    optTime(&o.UpdatedAt),
	}
	for i := range o.Numbers {
		n := &o.Numbers[i]
		w.OrderedPhoneNumbers[i] = OrderedPhoneNumber{E164PhoneNumber: &n.E164, Status: (*string)(&n.Status)}
	}
	return w
}

func toPhoneNumberErrors(errs []chime.PhoneNumberError) []PhoneNumberError {
	out := make([]PhoneNumberError, len(errs))
	for i := range errs {
		e := &errs[i]
		out[i] = PhoneNumberError{PhoneNumberId: optString(&e.ID), ErrorCode: optString((*string)(&e.Code)), ErrorMessage: optString(&e.Message)}
	}
	return out
}

func stringPtr(s string) *string { return &s }
