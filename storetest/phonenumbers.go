package storetest

import (
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openchime/chime"
)

// phoneNumberTests are the conformance tests of chime.PhoneNumberService.
// They move the clock past the suite's timings to see orders complete,
// calling names apply and deleted numbers go.
var phoneNumberTests = []test{
	{"CreatePhoneNumberOrder/Partial", testOrderPartial},
	{"CreatePhoneNumberOrder/SuccessfulAndFailed", testOrderSuccessfulAndFailed},
	{"CreatePhoneNumberOrder/ErrBadRequest", testOrderInvalid},
	{"GetPhoneNumberOrder/ErrNotFound", testGetOrderNotFound},
	{"ListPhoneNumberOrders", testListOrders},
	{"SearchAvailablePhoneNumbers", testSearchAvailable},
	{"SearchAvailablePhoneNumbers/Pages", testSearchPages},
	{"GetPhoneNumber/Ids", testGetPhoneNumberIDs},
	{"ListPhoneNumbers", testListPhoneNumbers},
	{"ListPhoneNumbers/Pages", testListPhoneNumbersPages},
	{"UpdatePhoneNumber/ProductType", testUpdateProductType},
	{"UpdatePhoneNumber/CallingName", testUpdateCallingName},
	{"DefaultCallingName", testDefaultCallingName},
	{"BatchUpdatePhoneNumber", testBatchUpdatePhoneNumber},
	{"DeletePhoneNumber/RestoreAndRelease", testDeleteRestoreRelease},
	{"BatchDeletePhoneNumber", testBatchDeletePhoneNumber},
	{"AssociatePhoneNumberWithUser", testAssociate},
	{"AssociatePhoneNumberWithUser/Errors", testAssociateErrors},
	{"AssociatePhoneNumberWithUser/UsersRemoved", testNumbersOfRemovedUsers},
	{"CheckDialOutNumber", testCheckDialOutNumber},
	{"Tenancy", testPhoneNumberTenancy},
	{"SweepPhoneNumbers", testSweep},
	{"Concurrency/TwoOwnersOrderOneNumber", testRaceForOneNumber},
	{"Concurrency/CrossedOrders", testCrossedOrders},
	{"Concurrency/Sweeps", testConcurrentSweeps},
	{"Concurrency/SweepWhileOrdering", testSweepWhileOrdering},
}

// order places an order and checks that it is Processing.
func (f *fixture) order(owner string, p chime.PhoneNumberProductType, numbers ...string) *chime.PhoneNumberOrder {
	f.t.Helper()
	o, err := f.svc.PhoneNumbers.CreatePhoneNumberOrder(f.ctx, owner, p, numbers)
	if err != nil {
		f.t.Fatalf("CreatePhoneNumberOrder: %v", err)
	}
	if o.Status != chime.OrderProcessing {
		f.t.Fatalf("a new order is %s", o.Status)
	}
	return o
}

// acquire orders numbers that are free and waits out the order.
func (f *fixture) acquire(owner string, p chime.PhoneNumberProductType, numbers ...string) {
	f.t.Helper()
	o := f.order(owner, p, numbers...)
	f.advance(timings.OrderDelay)
	if got := f.getOrder(owner, o.ID); got.Status != chime.OrderSuccessful {
		f.t.Fatalf("order of %v: %+v", numbers, got)
	}
}

func (f *fixture) getOrder(owner, id string) *chime.PhoneNumberOrder {
	f.t.Helper()
	o, err := f.svc.PhoneNumbers.GetPhoneNumberOrder(f.ctx, owner, id)
	if err != nil {
		f.t.Fatalf("GetPhoneNumberOrder: %v", err)
	}
	return o
}

func (f *fixture) number(owner, id string) *chime.PhoneNumber {
	f.t.Helper()
	n, err := f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, owner, id)
	if err != nil {
		f.t.Fatalf("GetPhoneNumber(%s): %v", id, err)
	}
	return n
}

// inventory lists all of owner's numbers that pass the filter.
func (f *fixture) inventory(owner string, filter chime.PhoneNumberFilter) []chime.PhoneNumber {
	f.t.Helper()
	var out []chime.PhoneNumber
	p := chime.PageRequest{}
	for {
		page, err := f.svc.PhoneNumbers.ListPhoneNumbers(f.ctx, owner, filter, p)
		if err != nil {
			f.t.Fatalf("ListPhoneNumbers: %v", err)
		}
		out = append(out, page.PhoneNumbers...)
		if page.Next == "" {
			return out
		}
		p.Cursor = page.Next
	}
}

func numbersOf(ns []chime.PhoneNumber) []string {
	out := []string{}
	for _, n := range ns {
		out = append(out, n.E164)
	}
	return out
}

// search lists every available number of a search, page by page.
func (f *fixture) search(owner string, s chime.NumberSearch, size int) []string {
	f.t.Helper()
	var out []string
	p := chime.PageRequest{Limit: size}
	for {
		page, next, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, owner, s, p)
		if err != nil {
			f.t.Fatalf("SearchAvailablePhoneNumbers: %v", err)
		}
		if size > 0 && len(page) > size {
			f.t.Fatalf("a page of %d numbers, asked for %d", len(page), size)
		}
		out = append(out, page...)
		if next == "" {
			return out
		}
		p.Cursor = next
	}
}

func testOrderPartial(t *testing.T, f *fixture) {
	numbers := []string{"+12065550101", "12065550100", "+12065551234"} // the last is not in the pool
	o := f.order(Owner, chime.BusinessCalling, numbers...)
	if !uuidPattern.MatchString(o.ID) || o.ProductType != chime.BusinessCalling || !o.UpdatedAt.Equal(o.CreatedAt) ||
		o.CreatedAt.Nanosecond()%int(time.Millisecond) != 0 {
		t.Fatalf("order %+v", o)
	}
	want := []string{"+12065550101", "+12065550100", "+12065551234"}
	for i, n := range o.Numbers {
		if n.E164 != want[i] || n.Status != chime.OrderedProcessing {
			t.Fatalf("ordered number %d: %+v", i, n)
		}
	}
	// The reserved numbers are in the inventory at once, being acquired.
	got := f.inventory(Owner, chime.PhoneNumberFilter{})
	if fmt.Sprint(numbersOf(got)) != "[+12065550100 +12065550101]" {
		t.Fatalf("inventory %v", numbersOf(got))
	}
	for _, n := range got {
		if n.Status != chime.AcquireInProgress || !n.CreatedAt.Equal(o.CreatedAt) {
			t.Fatalf("while ordering: %+v", n)
		}
	}
	if p := f.getOrder(Owner, o.ID); p.Status != chime.OrderProcessing {
		t.Fatalf("before its time: %+v", p)
	}
	f.advance(timings.OrderDelay)
	done := f.getOrder(Owner, o.ID)
	if done.Status != chime.OrderPartial || !done.UpdatedAt.Equal(o.CreatedAt.Add(timings.OrderDelay)) || !done.CreatedAt.Equal(o.CreatedAt) {
		t.Fatalf("completed order %+v", done)
	}
	for i, st := range []chime.OrderedPhoneNumberStatus{chime.OrderedAcquired, chime.OrderedAcquired, chime.OrderedFailed} {
		if done.Numbers[i].E164 != want[i] || done.Numbers[i].Status != st {
			t.Fatalf("ordered number %d: %+v", i, done.Numbers[i])
		}
	}
	n := f.number(Owner, "+12065550100")
	wantN := chime.PhoneNumber{E164: "+12065550100", Country: "US", Type: chime.LocalNumber, ProductType: chime.BusinessCalling,
		Status: chime.Unassigned, Capabilities: chime.PhoneNumberCapabilities{InboundCall: true, OutboundCall: true,
			InboundSMS: true, OutboundSMS: true, InboundMMS: true, OutboundMMS: true},
		Associations: []chime.PhoneNumberAssociation{}, CallingNameStatus: chime.CallingNameUnassigned,
		CreatedAt: o.CreatedAt, UpdatedAt: done.UpdatedAt}
	if fmt.Sprintf("%+v", *n) != fmt.Sprintf("%+v", wantN) {
		t.Fatalf("got  %+v\nwant %+v", *n, wantN)
	}
	// A number that failed leaves nothing in the inventory.
	_, err := f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, Owner, "+12065551234")
	wantKind(t, err, chime.NotFound)
}

func testOrderSuccessfulAndFailed(t *testing.T, f *fixture) {
	ok := f.order(Owner, chime.VoiceConnector, "+18445550100", "+13125550100")
	// Held by Owner, outside the pool: nothing for Other.
	failed := f.order(Other, chime.VoiceConnector, "+18445550100", "+13125559999")
	f.advance(timings.OrderDelay)
	if o := f.getOrder(Owner, ok.ID); o.Status != chime.OrderSuccessful {
		t.Fatalf("order %+v", o)
	}
	o := f.getOrder(Other, failed.ID)
	if o.Status != chime.OrderFailed || o.Numbers[0].Status != chime.OrderedFailed || o.Numbers[1].Status != chime.OrderedFailed {
		t.Fatalf("order %+v", o)
	}
	if n := f.number(Owner, "+18445550100"); n.Type != chime.TollFreeNumber || n.Capabilities.InboundSMS || !n.Capabilities.InboundCall {
		t.Fatalf("toll-free number %+v", n)
	}
	if got := f.inventory(Other, chime.PhoneNumberFilter{}); len(got) != 0 {
		t.Fatalf("Other holds %v", numbersOf(got))
	}
	// British numbers are for SIP media applications.
	f.acquire(Other, chime.SipMediaApplicationDialIn, "+442079460001")
	if n := f.number(Other, "+442079460001"); n.Country != "GB" || n.Type != chime.LocalNumber {
		t.Fatalf("British number %+v", n)
	}
}

func testOrderInvalid(t *testing.T, f *fixture) {
	many := make([]string, chime.MaxPhoneNumbersPerRequest+1)
	for i := range many {
		many[i] = fmt.Sprintf("+1206555%04d", 100+i)
	}
	for name, tc := range map[string]struct {
		p       chime.PhoneNumberProductType
		numbers []string
	}{
		"Empty":                    {chime.BusinessCalling, nil},
		"Twice":                    {chime.BusinessCalling, []string{"+12065550100", "12065550100"}},
		"TollFreeBusinessCalling":  {chime.BusinessCalling, []string{"+18445550100"}},
		"BritishVoiceConnector":    {chime.VoiceConnector, []string{"+442079460000"}},
		"NotANumber":               {chime.VoiceConnector, []string{"+0123"}},
		"UnknownProductType":       {"Bogus", []string{"+12065550100"}},
		"MoreThanARequestMayOrder": {chime.VoiceConnector, many},
	} {
		_, err := f.svc.PhoneNumbers.CreatePhoneNumberOrder(f.ctx, Owner, tc.p, tc.numbers)
		if !chime.IsKind(err, chime.BadRequest) {
			t.Errorf("%s: %v, want BadRequest", name, err)
		}
	}
	page, err := f.svc.PhoneNumbers.ListPhoneNumberOrders(f.ctx, Owner, chime.PageRequest{})
	must(t, err)
	if len(page.Orders) != 0 || len(f.inventory(Owner, chime.PhoneNumberFilter{})) != 0 {
		t.Fatalf("refused orders left %d orders", len(page.Orders))
	}
}

func testGetOrderNotFound(t *testing.T, f *fixture) {
	o := f.order(Owner, chime.BusinessCalling, "+12065550100")
	_, err := f.svc.PhoneNumbers.GetPhoneNumberOrder(f.ctx, Owner, "00000000-0000-4000-8000-999999999999")
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.PhoneNumbers.GetPhoneNumberOrder(f.ctx, Other, o.ID)
	wantKind(t, err, chime.NotFound)
}

func testListOrders(t *testing.T, f *fixture) {
	var want []string
	for i := 0; i < 5; i++ {
		want = append(want, f.order(Owner, chime.BusinessCalling, fmt.Sprintf("+1206555%04d", 100+i)).ID)
	}
	f.order(Other, chime.BusinessCalling, "+12125550100")
	f.advance(timings.OrderDelay)
	var got []string
	p := chime.PageRequest{Limit: 2}
	for {
		page, err := f.svc.PhoneNumbers.ListPhoneNumberOrders(f.ctx, Owner, p)
		must(t, err)
		if len(page.Orders) > 2 {
			t.Fatalf("a page of %d", len(page.Orders))
		}
		for _, o := range page.Orders {
			if o.Status != chime.OrderSuccessful {
				t.Fatalf("a listed order is %s after its time", o.Status)
			}
			got = append(got, o.ID)
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v want %v (oldest first)", got, want)
	}
	page, err := f.svc.PhoneNumbers.ListPhoneNumberOrders(f.ctx, Owner, chime.PageRequest{})
	must(t, err)
	if len(page.Orders) != 5 || page.Next != "" {
		t.Fatalf("one page of %d, next %q", len(page.Orders), page.Next)
	}
	for _, p := range []chime.PageRequest{{Limit: chime.ResultMaxPageSize + 1}, {Limit: -1}, {Cursor: "garbage"}} {
		_, err := f.svc.PhoneNumbers.ListPhoneNumberOrders(f.ctx, Owner, p)
		wantKind(t, err, chime.BadRequest)
	}
}

func testSearchAvailable(t *testing.T, f *fixture) {
	all, _, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, chime.NumberSearch{AreaCode: "206"}, chime.PageRequest{})
	must(t, err)
	if len(all) != 100 || all[0] != "+12065550100" || all[99] != "+12065550199" {
		t.Fatalf("area code 206: %d numbers", len(all))
	}
	f.order(Owner, chime.BusinessCalling, "+12065550100", "+12065550101")
	f.order(Other, chime.BusinessCalling, "+12065550150")
	// Held numbers are not available, to anyone, while acquired or after.
	for _, owner := range []string{Owner, Other} {
		got := f.search(owner, chime.NumberSearch{AreaCode: "206"}, 0)
		if len(got) != 97 || got[0] != "+12065550102" || slices.Contains(got, "+12065550150") || !slices.IsSorted(got) {
			t.Fatalf("as %s: %d numbers, from %s", owner, len(got), got[0])
		}
	}
	f.advance(timings.OrderDelay)
	if got := f.search(Owner, chime.NumberSearch{State: "WA", City: "Seattle"}, 0); len(got) != 97 {
		t.Fatalf("Seattle: %d numbers", len(got))
	}
	// Toll-free numbers are found by prefix; 800 has none.
	if got := f.search(Owner, chime.NumberSearch{TollFreePrefix: "800"}, 0); len(got) != 0 {
		t.Fatalf("800: %v", got)
	}
	for _, s := range []chime.NumberSearch{{}, {City: "Seattle"}, {Country: "GB"}, {Country: "FR", Type: chime.LocalNumber}} {
		_, _, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, s, chime.PageRequest{})
		wantKind(t, err, chime.BadRequest)
	}
}

func testSearchPages(t *testing.T, f *fixture) {
	f.order(Other, chime.SipMediaApplicationDialIn, "+442079460000", "+442079460500", "+441214960999")
	gb := chime.NumberSearch{Country: "GB", Type: chime.LocalNumber}
	first, next, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, gb, chime.PageRequest{})
	must(t, err)
	if len(first) != chime.DefaultSearchPageSize || next == "" {
		t.Fatalf("the default page: %d numbers, next %q", len(first), next)
	}
	full, _, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, gb, chime.PageRequest{Limit: chime.MaxSearchPageSize})
	must(t, err)
	if len(full) != chime.MaxSearchPageSize {
		t.Fatalf("a page of the largest size: %d", len(full))
	}
	got := f.search(Owner, gb, 333)
	if len(got) != 4000-3 || !slices.IsSorted(got) || slices.Contains(got, "+442079460500") || slices.Contains(got, "+441214960999") {
		t.Fatalf("%d numbers", len(got))
	}
	if len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Fatal("a number on two pages")
	}
	// A page starts after the previous page's last number, so a number
	// ordered meanwhile moves nothing.
	page, next, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, chime.NumberSearch{AreaCode: "212"}, chime.PageRequest{Limit: 10})
	must(t, err)
	f.order(Other, chime.BusinessCalling, page[0], page[9])
	rest, _, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, chime.NumberSearch{AreaCode: "212"}, chime.PageRequest{Limit: 10, Cursor: next})
	must(t, err)
	if rest[0] != "+12125550110" {
		t.Fatalf("the next page starts at %s", rest[0])
	}
	for _, p := range []chime.PageRequest{{Limit: chime.MaxSearchPageSize + 1}, {Limit: -1}, {Cursor: "garbage"}, {Cursor: "12065550100"}} {
		_, _, err := f.svc.PhoneNumbers.SearchAvailablePhoneNumbers(f.ctx, Owner, gb, p)
		wantKind(t, err, chime.BadRequest)
	}
}

func testGetPhoneNumberIDs(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.BusinessCalling, "+12065550100")
	for _, id := range []string{"+12065550100", "%2B12065550100", "12065550100"} {
		if n := f.number(Owner, id); n.E164 != "+12065550100" {
			t.Fatalf("%s: %+v", id, n)
		}
	}
	_, err := f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, Owner, "%252B12065550100")
	wantKind(t, err, chime.BadRequest)
	_, err = f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, Owner, "+12065550101")
	wantKind(t, err, chime.NotFound)
}

func testListPhoneNumbers(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	f.acquire(Owner, chime.BusinessCalling, "+12065550102", "+12065550100")
	f.acquire(Owner, chime.VoiceConnector, "+12065550101")
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, u.ID, "+12065550102"))
	f.order(Owner, chime.BusinessCalling, "+12065550103")
	for name, tc := range map[string]struct {
		filter chime.PhoneNumberFilter
		want   string
	}{
		"All":              {chime.PhoneNumberFilter{}, "[+12065550100 +12065550101 +12065550102 +12065550103]"},
		"Unassigned":       {chime.PhoneNumberFilter{Status: chime.Unassigned}, "[+12065550100 +12065550101]"},
		"Assigned":         {chime.PhoneNumberFilter{Status: chime.Assigned}, "[+12065550102]"},
		"Acquiring":        {chime.PhoneNumberFilter{Status: chime.AcquireInProgress}, "[+12065550103]"},
		"VoiceConnector":   {chime.PhoneNumberFilter{ProductType: chime.VoiceConnector}, "[+12065550101]"},
		"UserId":           {chime.PhoneNumberFilter{AssociationName: chime.AssociatedUserID, AssociationValue: u.ID}, "[+12065550102]"},
		"AccountId":        {chime.PhoneNumberFilter{AssociationName: chime.AssociatedAccountID, AssociationValue: a.ID}, "[+12065550102]"},
		"OtherUser":        {chime.PhoneNumberFilter{AssociationName: chime.AssociatedUserID, AssociationValue: "nobody"}, "[]"},
		"BusinessAssigned": {chime.PhoneNumberFilter{Status: chime.Assigned, ProductType: chime.BusinessCalling}, "[+12065550102]"},
	} {
		if got := fmt.Sprint(numbersOf(f.inventory(Owner, tc.filter))); got != tc.want {
			t.Errorf("%s: %s, want %s", name, got, tc.want)
		}
	}
	// The filter is on the numbers as they stand: the order completes.
	f.advance(timings.OrderDelay)
	if got := fmt.Sprint(numbersOf(f.inventory(Owner, chime.PhoneNumberFilter{Status: chime.AcquireInProgress}))); got != "[]" {
		t.Errorf("still acquiring after the order: %s", got)
	}
	for _, filter := range []chime.PhoneNumberFilter{{AssociationName: chime.AssociatedUserID}, {AssociationValue: u.ID}} {
		_, err := f.svc.PhoneNumbers.ListPhoneNumbers(f.ctx, Owner, filter, chime.PageRequest{})
		wantKind(t, err, chime.BadRequest)
	}
}

func testListPhoneNumbersPages(t *testing.T, f *fixture) {
	var want []string
	for i := 0; i < 120; i++ {
		want = append(want, fmt.Sprintf("+1%d555%04d", []int{206, 425}[i/100], 100+i%100))
	}
	// Ordered out of order: the list is by number.
	ordered := slices.Clone(want)
	slices.Reverse(ordered)
	for i := 0; i < len(ordered); i += 40 {
		f.order(Owner, chime.BusinessCalling, ordered[i:i+40]...)
	}
	page, err := f.svc.PhoneNumbers.ListPhoneNumbers(f.ctx, Owner, chime.PhoneNumberFilter{}, chime.PageRequest{})
	must(t, err)
	if len(page.PhoneNumbers) != chime.ResultMaxPageSize || page.Next == "" {
		t.Fatalf("the default page: %d numbers, next %q", len(page.PhoneNumbers), page.Next)
	}
	var got []string
	p := chime.PageRequest{Limit: 7}
	for {
		page, err := f.svc.PhoneNumbers.ListPhoneNumbers(f.ctx, Owner, chime.PhoneNumberFilter{}, p)
		must(t, err)
		if len(page.PhoneNumbers) > 7 {
			t.Fatalf("a page of %d", len(page.PhoneNumbers))
		}
		got = append(got, numbersOf(page.PhoneNumbers)...)
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	// A filter that few numbers pass still fills its pages.
	f.advance(timings.OrderDelay)
	vc := chime.VoiceConnector
	for _, n := range want[100:] {
		_, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, n, chime.PhoneNumberUpdate{ProductType: &vc})
		must(t, err)
	}
	page, err = f.svc.PhoneNumbers.ListPhoneNumbers(f.ctx, Owner, chime.PhoneNumberFilter{ProductType: vc}, chime.PageRequest{Limit: 15})
	must(t, err)
	if fmt.Sprint(numbersOf(page.PhoneNumbers)) != fmt.Sprint(want[100:115]) || page.Next == "" {
		t.Fatalf("filtered page %v", numbersOf(page.PhoneNumbers))
	}
	for _, p := range []chime.PageRequest{{Limit: chime.ResultMaxPageSize + 1}, {Limit: -1}, {Cursor: "garbage"}} {
		_, err := f.svc.PhoneNumbers.ListPhoneNumbers(f.ctx, Owner, chime.PhoneNumberFilter{}, p)
		wantKind(t, err, chime.BadRequest)
	}
}

func testUpdateProductType(t *testing.T, f *fixture) {
	f.order(Owner, chime.VoiceConnector, "+12065550100", "+18445550100")
	vc, bc, sma := chime.VoiceConnector, chime.BusinessCalling, chime.SipMediaApplicationDialIn
	// Not while it is being acquired.
	_, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550100", chime.PhoneNumberUpdate{ProductType: &bc})
	wantKind(t, err, chime.BadRequest)
	f.advance(timings.OrderDelay)
	n, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "%2B12065550100", chime.PhoneNumberUpdate{ProductType: &bc})
	must(t, err)
	if n.ProductType != chime.BusinessCalling || n.Status != chime.Unassigned || n.UpdatedAt.Before(n.CreatedAt.Add(timings.OrderDelay)) {
		t.Fatalf("updated %+v", n)
	}
	if read := f.number(Owner, "+12065550100"); fmt.Sprintf("%+v", *read) != fmt.Sprintf("%+v", *n) {
		t.Fatalf("read back %+v\nupdated   %+v", *read, *n)
	}
	name := "Desk"
	for what, tc := range map[string]struct {
		number string
		u      chime.PhoneNumberUpdate
		kind   chime.Kind
	}{
		"Both":                     {"+12065550100", chime.PhoneNumberUpdate{ProductType: &vc, CallingName: &name}, chime.BadRequest},
		"Neither":                  {"+12065550100", chime.PhoneNumberUpdate{}, chime.BadRequest},
		"TollFreeBusinessCalling":  {"+18445550100", chime.PhoneNumberUpdate{ProductType: &bc}, chime.BadRequest},
		"UnknownProductType":       {"+18445550100", chime.PhoneNumberUpdate{ProductType: ptr(chime.PhoneNumberProductType("Bogus"))}, chime.BadRequest},
		"Unknown":                  {"+12065550199", chime.PhoneNumberUpdate{ProductType: &vc}, chime.NotFound},
		"BothOfAnUnknownNumber":    {"+12065550199", chime.PhoneNumberUpdate{ProductType: &vc, CallingName: &name}, chime.BadRequest},
		"BadNameOfAnUnknownNumber": {"+12065550199", chime.PhoneNumberUpdate{CallingName: ptr("!")}, chime.BadRequest},
		"NotANumber":               {"bogus", chime.PhoneNumberUpdate{ProductType: &vc}, chime.BadRequest},
	} {
		_, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, tc.number, tc.u)
		if chime.KindOf(err) != tc.kind || err == nil {
			t.Errorf("%s: %v, want %v", what, err, tc.kind)
		}
	}
	if n, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+18445550100", chime.PhoneNumberUpdate{ProductType: &sma}); err != nil || n.ProductType != sma {
		t.Fatalf("toll-free to SIP media application: %+v %v", n, err)
	}
	// An assigned number keeps its product type.
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, u.ID, "+12065550100"))
	_, err = f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550100", chime.PhoneNumberUpdate{ProductType: &vc})
	wantKind(t, err, chime.BadRequest)
}

func ptr[T any](v T) *T { return &v }

func testUpdateCallingName(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.BusinessCalling, "+12065550100")
	name := "Front Desk"
	n, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550100", chime.PhoneNumberUpdate{CallingName: &name})
	must(t, err)
	if n.CallingName != name || n.CallingNameStatus != chime.CallingNameUpdateInProgress {
		t.Fatalf("updated %+v", n)
	}
	other := "Reception"
	_, err = f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550100", chime.PhoneNumberUpdate{CallingName: &other})
	wantKind(t, err, chime.Conflict)
	if read := f.number(Owner, "+12065550100"); read.CallingName != name || read.CallingNameStatus != chime.CallingNameUpdateInProgress {
		t.Fatalf("pending %+v", read)
	}
	f.advance(timings.CallingNameDelay)
	if read := f.number(Owner, "+12065550100"); read.CallingName != name || read.CallingNameStatus != chime.CallingNameUpdateSucceeded {
		t.Fatalf("applied %+v", read)
	}
	// An empty name clears it, once that applies.
	empty := ""
	_, err = f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550100", chime.PhoneNumberUpdate{CallingName: &empty})
	must(t, err)
	f.advance(timings.CallingNameDelay)
	if read := f.number(Owner, "+12065550100"); read.CallingName != "" || read.CallingNameStatus != chime.CallingNameUnassigned {
		t.Fatalf("cleared %+v", read)
	}
	for _, bad := range []string{"x", "Far too long a name", "Bad!"} {
		_, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550100", chime.PhoneNumberUpdate{CallingName: &bad})
		wantKind(t, err, chime.BadRequest)
	}
}

func testDefaultCallingName(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.BusinessCalling, "+12065550100")
	must(t, f.svc.Settings.UpdatePhoneNumberSettings(f.ctx, Owner, "Acme"))
	o := f.order(Owner, chime.BusinessCalling, "+12065550101")
	f.order(Owner, chime.SipMediaApplicationDialIn, "+442079460000")
	f.order(Other, chime.BusinessCalling, "+12065550102")
	if n := f.number(Owner, "+12065550101"); n.CallingName != "Acme" || n.CallingNameStatus != chime.CallingNameUpdateInProgress {
		t.Fatalf("while ordering: %+v", n)
	}
	f.advance(timings.OrderDelay)
	if n := f.number(Owner, "+12065550101"); n.CallingNameStatus != chime.CallingNameUpdateInProgress {
		t.Fatalf("just acquired: %+v", n)
	}
	f.advance(timings.CallingNameDelay)
	n := f.number(Owner, "+12065550101")
	if n.CallingName != "Acme" || n.CallingNameStatus != chime.CallingNameUpdateSucceeded ||
		!n.UpdatedAt.Equal(o.CreatedAt.Add(timings.OrderDelay+timings.CallingNameDelay)) {
		t.Fatalf("applied: %+v", n)
	}
	// Numbers acquired before, numbers outside the US and other owners'
	// numbers do not take it.
	for _, c := range []struct{ owner, number string }{{Owner, "+12065550100"}, {Owner, "+442079460000"}, {Other, "+12065550102"}} {
		if n := f.number(c.owner, c.number); n.CallingName != "" || n.CallingNameStatus != chime.CallingNameUnassigned {
			t.Errorf("%s: %+v", c.number, n)
		}
	}
}

func testBatchUpdatePhoneNumber(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.BusinessCalling, "+12065550100", "+12065550101", "+12065550102")
	name, vc := "Front Desk", chime.VoiceConnector
	_, err := f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Owner, "+12065550102", chime.PhoneNumberUpdate{CallingName: &name})
	must(t, err)
	errs, err := f.svc.PhoneNumbers.BatchUpdatePhoneNumber(f.ctx, Owner, []chime.PhoneNumberUpdateItem{
		{ID: "%2B12065550101", PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: &vc}},
		{ID: "+12065550199", PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: &vc}},
		{ID: "+12065550102", PhoneNumberUpdate: chime.PhoneNumberUpdate{CallingName: &name}},
		{ID: "not a number", PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: &vc}},
		{ID: "12065550100", PhoneNumberUpdate: chime.PhoneNumberUpdate{CallingName: &name}},
		{ID: "+12065550100", PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: &vc, CallingName: &name}},
		{ID: "+12065550198", PhoneNumberUpdate: chime.PhoneNumberUpdate{}},
	})
	must(t, err)
	want := []chime.PhoneNumberError{{ID: "+12065550199", Code: chime.CodeNotFound}, {ID: "+12065550102", Code: chime.CodeConflict},
		{ID: "not a number", Code: chime.CodeBadRequest}, {ID: "+12065550100", Code: chime.CodeBadRequest},
		{ID: "+12065550198", Code: chime.CodeBadRequest}}
	if len(errs) != len(want) {
		t.Fatalf("errors %+v", errs)
	}
	for i, e := range errs {
		if e.ID != want[i].ID || e.Code != want[i].Code || e.Message == "" {
			t.Fatalf("error %d: %+v, want %+v", i, e, want[i])
		}
	}
	if n := f.number(Owner, "+12065550101"); n.ProductType != vc {
		t.Fatalf("not applied: %+v", n)
	}
	if n := f.number(Owner, "+12065550100"); n.CallingName != name || n.ProductType != chime.BusinessCalling {
		t.Fatalf("not applied: %+v", n)
	}
	errs, err = f.svc.PhoneNumbers.BatchUpdatePhoneNumber(f.ctx, Owner, nil)
	if err != nil || errs == nil || len(errs) != 0 {
		t.Fatalf("an empty batch: %v %v", errs, err)
	}
	items := make([]chime.PhoneNumberUpdateItem, chime.MaxPhoneNumbersPerRequest+1)
	for i := range items {
		items[i] = chime.PhoneNumberUpdateItem{ID: "+12065550100", PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: &vc}}
	}
	_, err = f.svc.PhoneNumbers.BatchUpdatePhoneNumber(f.ctx, Owner, items)
	wantKind(t, err, chime.BadRequest)
}

func testDeleteRestoreRelease(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.BusinessCalling, "+12065550100", "+12065550101")
	must(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "%2B12065550100"))
	n := f.number(Owner, "+12065550100")
	if n.Status != chime.DeleteInProgress || n.DeletedAt.IsZero() || !n.UpdatedAt.Equal(n.DeletedAt) {
		t.Fatalf("deleted %+v", n)
	}
	wantKind(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550100"), chime.BadRequest)
	if got := numbersOf(f.inventory(Owner, chime.PhoneNumberFilter{Status: chime.DeleteInProgress})); fmt.Sprint(got) != "[+12065550100]" {
		t.Fatalf("the deletion queue %v", got)
	}
	r, err := f.svc.PhoneNumbers.RestorePhoneNumber(f.ctx, Owner, "+12065550100")
	must(t, err)
	if r.Status != chime.Unassigned || !r.DeletedAt.IsZero() || !r.UpdatedAt.After(n.UpdatedAt) {
		t.Fatalf("restored %+v", r)
	}
	_, err = f.svc.PhoneNumbers.RestorePhoneNumber(f.ctx, Owner, "+12065550100")
	wantKind(t, err, chime.BadRequest)

	// Deleted again, it stays restorable until the retention passes...
	must(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550100"))
	deleted := f.number(Owner, "+12065550100").DeletedAt
	f.advance(timings.DeletionRetention - time.Minute)
	if n := f.number(Owner, "+12065550100"); n.Status != chime.DeleteInProgress || !n.DeletedAt.Equal(deleted) {
		t.Fatalf("before its release %+v", n)
	}
	if got := f.search(Other, chime.NumberSearch{AreaCode: "206"}, 0); slices.Contains(got, "+12065550100") {
		t.Fatal("a number in the deletion queue is available")
	}
	// ... and then it is released: gone from the inventory, back in the pool.
	f.advance(time.Minute)
	_, err = f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, Owner, "+12065550100")
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.PhoneNumbers.RestorePhoneNumber(f.ctx, Owner, "+12065550100")
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550100"), chime.NotFound)
	if got := numbersOf(f.inventory(Owner, chime.PhoneNumberFilter{})); fmt.Sprint(got) != "[+12065550101]" {
		t.Fatalf("the inventory %v", got)
	}
	if got := f.search(Other, chime.NumberSearch{AreaCode: "206"}, 0); len(got) != 99 || got[0] != "+12065550100" {
		t.Fatalf("the released number is not available: %d, %v", len(got), got[:1])
	}
	// Anyone may order it again, before any sweep.
	f.acquire(Other, chime.BusinessCalling, "+12065550100")
	if n := f.number(Other, "+12065550100"); n.Status != chime.Unassigned || !n.DeletedAt.IsZero() || n.CallingName != "" {
		t.Fatalf("ordered again %+v", n)
	}
	_, err = f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, Owner, "+12065550100")
	wantKind(t, err, chime.NotFound)
	removed, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx)
	if err != nil || removed != 0 {
		t.Fatalf("the sweep removed %d (%v): the released row went with the order", removed, err)
	}
	if n := f.number(Other, "+12065550100"); n.Status != chime.Unassigned {
		t.Fatalf("after the sweep %+v", n)
	}
}

func testBatchDeletePhoneNumber(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	f.acquire(Owner, chime.BusinessCalling, "+12065550100", "+12065550101", "+12065550102")
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, u.ID, "+12065550101"))
	f.order(Owner, chime.BusinessCalling, "+12065550103")
	errs, err := f.svc.PhoneNumbers.BatchDeletePhoneNumber(f.ctx, Owner,
		[]string{"%2B12065550102", "%2B12065550101", "+12065550199", "+12065550103", "12065550100", "%zz"})
	must(t, err)
	want := []chime.PhoneNumberError{{ID: "%2B12065550101", Code: chime.CodePhoneNumberAssociationsExist},
		{ID: "+12065550199", Code: chime.CodeNotFound}, {ID: "+12065550103", Code: chime.CodeBadRequest}, {ID: "%zz", Code: chime.CodeBadRequest}}
	if len(errs) != len(want) {
		t.Fatalf("errors %+v", errs)
	}
	for i, e := range errs {
		if e.ID != want[i].ID || e.Code != want[i].Code || e.Message == "" {
			t.Fatalf("error %d: %+v, want %+v", i, e, want[i])
		}
	}
	if got := numbersOf(f.inventory(Owner, chime.PhoneNumberFilter{Status: chime.DeleteInProgress})); fmt.Sprint(got) != "[+12065550100 +12065550102]" {
		t.Fatalf("the deletion queue %v", got)
	}
	errs, err = f.svc.PhoneNumbers.BatchDeletePhoneNumber(f.ctx, Other, []string{"+12065550101"})
	must(t, err)
	if len(errs) != 1 || errs[0].Code != chime.CodeNotFound {
		t.Fatalf("another owner's batch: %+v", errs)
	}
}

func testAssociate(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	v := f.user(Owner, a.ID, "y@example.com", chime.PrivateUser)
	f.acquire(Owner, chime.BusinessCalling, "+12065550100")
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, u.ID, "12065550100"))
	n := f.number(Owner, "+12065550100")
	if n.Status != chime.Assigned || len(n.Associations) != 2 ||
		n.Associations[0] != (chime.PhoneNumberAssociation{Name: chime.AssociatedAccountID, Value: a.ID, AssociatedAt: n.UpdatedAt}) ||
		n.Associations[1] != (chime.PhoneNumberAssociation{Name: chime.AssociatedUserID, Value: u.ID, AssociatedAt: n.UpdatedAt}) {
		t.Fatalf("assigned %+v", n)
	}
	got, err := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID)
	must(t, err)
	if got.PhoneNumber != "+12065550100" {
		t.Fatalf("the user's number %q", got.PhoneNumber)
	}
	page, err := f.svc.Users.ListUsers(f.ctx, Owner, a.ID, chime.UserFilter{}, chime.PageRequest{})
	must(t, err)
	for _, x := range page.Users {
		if want := map[string]string{u.ID: "+12065550100", v.ID: ""}[x.ID]; x.PhoneNumber != want {
			t.Fatalf("listed user %s has %q", x.ID, x.PhoneNumber)
		}
	}
	// The number is taken, and the user has one.
	wantKind(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, v.ID, "+12065550100"), chime.BadRequest)
	f.acquire(Owner, chime.BusinessCalling, "+12065550101")
	wantKind(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, u.ID, "+12065550101"), chime.BadRequest)

	must(t, f.svc.PhoneNumbers.DisassociatePhoneNumberFromUser(f.ctx, Owner, a.ID, u.ID))
	n = f.number(Owner, "+12065550100")
	if n.Status != chime.Unassigned || n.Associations == nil || len(n.Associations) != 0 {
		t.Fatalf("unassigned %+v", n)
	}
	if got, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID); got.PhoneNumber != "" {
		t.Fatalf("the user keeps %q", got.PhoneNumber)
	}
	// A user without a number is left as is.
	must(t, f.svc.PhoneNumbers.DisassociatePhoneNumberFromUser(f.ctx, Owner, a.ID, u.ID))
	// The number can go to another user, and be deleted once free.
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, v.ID, "+12065550100"))
	wantKind(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550100"), chime.BadRequest)
	must(t, f.svc.PhoneNumbers.DisassociatePhoneNumberFromUser(f.ctx, Owner, a.ID, v.ID))
	must(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550100"))
}

func testAssociateErrors(t *testing.T, f *fixture) {
	a := f.account(Owner, chime.EnterpriseDirectory)
	u := f.user(Owner, a.ID, "x@example.com", chime.PrivateUser)
	f.acquire(Owner, chime.VoiceConnector, "+12065550101")
	f.acquire(Other, chime.BusinessCalling, "+12065550103")
	f.order(Owner, chime.BusinessCalling, "+12065550102")
	for name, tc := range map[string]struct {
		owner, account, user, number string
		kind                         chime.Kind
	}{
		"UnknownAccount":    {Owner, "missing", u.ID, "+12065550102", chime.NotFound},
		"UnknownUser":       {Owner, a.ID, "nobody", "+12065550102", chime.NotFound},
		"OtherOwner":        {Other, a.ID, u.ID, "+12065550103", chime.NotFound},
		"UnknownNumber":     {Owner, a.ID, u.ID, "+12065550199", chime.NotFound},
		"OtherOwnersNumber": {Owner, a.ID, u.ID, "+12065550103", chime.NotFound},
		"VoiceConnector":    {Owner, a.ID, u.ID, "+12065550101", chime.BadRequest},
		"BeingAcquired":     {Owner, a.ID, u.ID, "+12065550102", chime.BadRequest},
		"NotANumber":        {Owner, a.ID, u.ID, "bogus", chime.BadRequest},
	} {
		err := f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, tc.owner, tc.account, tc.user, tc.number)
		if chime.KindOf(err) != tc.kind || err == nil {
			t.Errorf("%s: %v, want %v", name, err, tc.kind)
		}
	}
	if got, _ := f.svc.Users.GetUser(f.ctx, Owner, a.ID, u.ID); got.PhoneNumber != "" {
		t.Fatalf("a refused association left %q", got.PhoneNumber)
	}
	wantKind(t, f.svc.PhoneNumbers.DisassociatePhoneNumberFromUser(f.ctx, Owner, a.ID, "nobody"), chime.NotFound)
	wantKind(t, f.svc.PhoneNumbers.DisassociatePhoneNumberFromUser(f.ctx, Owner, "missing", u.ID), chime.NotFound)
	wantKind(t, f.svc.PhoneNumbers.DisassociatePhoneNumberFromUser(f.ctx, Other, a.ID, u.ID), chime.NotFound)
	// A suspended account takes no changes.
	f.acquire(Owner, chime.BusinessCalling, "+12065550104")
	suspended := chime.AccountSuspended
	_, err := f.svc.Accounts.AdminUpdateAccount(f.ctx, Owner, a.ID, chime.AccountAdminUpdate{Status: &suspended})
	must(t, err)
	wantKind(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, a.ID, u.ID, "+12065550104"), chime.Forbidden)
}

// Users a Team account removes, and the users of a deleted account, give
// their numbers back to the inventory.
func testNumbersOfRemovedUsers(t *testing.T, f *fixture) {
	team := f.account(Owner, chime.Team)
	_, err := f.svc.Users.InviteUsers(f.ctx, Owner, team.ID, []string{"a@example.com", "b@example.com"}, "")
	must(t, err)
	invited, _ := f.svc.Users.ListUsers(f.ctx, Owner, team.ID, chime.UserFilter{}, chime.PageRequest{})
	lwa := f.account(Owner, chime.EnterpriseLWA)
	c := f.user(Owner, lwa.ID, "c@example.com", chime.PrivateUser)
	f.acquire(Owner, chime.BusinessCalling, "+12065550100", "+12065550101", "+12065550102")
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, team.ID, invited.Users[0].ID, "+12065550100"))
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, team.ID, invited.Users[1].ID, "+12065550101"))
	must(t, f.svc.PhoneNumbers.AssociatePhoneNumberWithUser(f.ctx, Owner, lwa.ID, c.ID, "+12065550102"))

	_, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, team.ID, []string{invited.Users[1].ID})
	must(t, err)
	if n := f.number(Owner, "+12065550101"); n.Status != chime.Unassigned || len(n.Associations) != 0 {
		t.Fatalf("the removed user's number %+v", n)
	}
	if n := f.number(Owner, "+12065550100"); n.Status != chime.Assigned {
		t.Fatalf("the remaining user's number %+v", n)
	}
	// Suspension keeps a user, and the user's number.
	_, err = f.svc.Users.BatchSuspendUser(f.ctx, Owner, lwa.ID, []string{c.ID})
	must(t, err)
	if n := f.number(Owner, "+12065550102"); n.Status != chime.Assigned {
		t.Fatalf("the suspended user's number %+v", n)
	}
	must(t, f.svc.Accounts.DeleteAccount(f.ctx, Owner, lwa.ID))
	if n := f.number(Owner, "+12065550102"); n.Status != chime.Unassigned || len(n.Associations) != 0 {
		t.Fatalf("the deleted account's number %+v", n)
	}
}

func testCheckDialOutNumber(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.VoiceConnector, "+12065550100")
	f.acquire(Owner, chime.SipMediaApplicationDialIn, "+442079460000")
	f.acquire(Owner, chime.BusinessCalling, "+12065550101")
	f.order(Owner, chime.VoiceConnector, "+12065550102")
	must(t, f.svc.PhoneNumbers.CheckDialOutNumber(f.ctx, Owner, "+12065550100"))
	must(t, f.svc.PhoneNumbers.CheckDialOutNumber(f.ctx, Owner, "+442079460000"))
	for _, c := range []struct{ owner, number string }{{Owner, "+12065550101"}, {Owner, "+12065550102"},
		{Owner, "+12065550199"}, {Other, "+12065550100"}, {Owner, "bogus"}} {
		wantKind(t, f.svc.PhoneNumbers.CheckDialOutNumber(f.ctx, c.owner, c.number), chime.BadRequest)
	}
	must(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550100"))
	wantKind(t, f.svc.PhoneNumbers.CheckDialOutNumber(f.ctx, Owner, "+12065550100"), chime.BadRequest)
}

// Another owner never sees, changes or counts an owner's numbers and orders.
func testPhoneNumberTenancy(t *testing.T, f *fixture) {
	o := f.order(Owner, chime.BusinessCalling, "+12065550100", "+12065550101")
	f.advance(timings.OrderDelay)
	must(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Owner, "+12065550101"))
	_, err := f.svc.PhoneNumbers.GetPhoneNumberOrder(f.ctx, Other, o.ID)
	wantKind(t, err, chime.NotFound)
	orders, err := f.svc.PhoneNumbers.ListPhoneNumberOrders(f.ctx, Other, chime.PageRequest{})
	must(t, err)
	if len(orders.Orders) != 0 {
		t.Fatalf("Other lists %d orders", len(orders.Orders))
	}
	if got := f.inventory(Other, chime.PhoneNumberFilter{}); len(got) != 0 {
		t.Fatalf("Other lists %v", numbersOf(got))
	}
	name, vc := "Other", chime.VoiceConnector
	_, err = f.svc.PhoneNumbers.GetPhoneNumber(f.ctx, Other, "+12065550100")
	wantKind(t, err, chime.NotFound)
	_, err = f.svc.PhoneNumbers.UpdatePhoneNumber(f.ctx, Other, "+12065550100", chime.PhoneNumberUpdate{CallingName: &name})
	wantKind(t, err, chime.NotFound)
	wantKind(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, Other, "+12065550100"), chime.NotFound)
	_, err = f.svc.PhoneNumbers.RestorePhoneNumber(f.ctx, Other, "+12065550101")
	wantKind(t, err, chime.NotFound)
	errs, err := f.svc.PhoneNumbers.BatchUpdatePhoneNumber(f.ctx, Other, []chime.PhoneNumberUpdateItem{
		{ID: "+12065550100", PhoneNumberUpdate: chime.PhoneNumberUpdate{ProductType: &vc}}})
	must(t, err)
	if len(errs) != 1 || errs[0].Code != chime.CodeNotFound {
		t.Fatalf("Other's batch %+v", errs)
	}
	if n := f.number(Owner, "+12065550100"); n.ProductType != chime.BusinessCalling || n.CallingName != "" {
		t.Fatalf("changed by Other: %+v", n)
	}
	if n := f.number(Owner, "+12065550101"); n.Status != chime.DeleteInProgress {
		t.Fatalf("restored by Other: %+v", n)
	}
}

func testSweep(t *testing.T, f *fixture) {
	f.acquire(Owner, chime.BusinessCalling, "+12065550100", "+12065550101", "+12065550102")
	f.acquire(Other, chime.VoiceConnector, "+12125550100")
	for _, c := range []struct{ owner, number string }{{Owner, "+12065550100"}, {Owner, "+12065550101"}, {Other, "+12125550100"}} {
		must(t, f.svc.PhoneNumbers.DeletePhoneNumber(f.ctx, c.owner, c.number))
	}
	if n, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx); err != nil || n != 0 {
		t.Fatalf("a sweep within the retention removed %d (%v)", n, err)
	}
	_, err := f.svc.PhoneNumbers.RestorePhoneNumber(f.ctx, Owner, "+12065550101")
	must(t, err)
	f.advance(timings.DeletionRetention)
	if n, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx); err != nil || n != 2 {
		t.Fatalf("the sweep removed %d (%v), want 2", n, err)
	}
	if n, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx); err != nil || n != 0 {
		t.Fatalf("a second sweep removed %d (%v)", n, err)
	}
	if got := numbersOf(f.inventory(Owner, chime.PhoneNumberFilter{})); fmt.Sprint(got) != "[+12065550101 +12065550102]" {
		t.Fatalf("after the sweep %v", got)
	}
	if got := f.search(Owner, chime.NumberSearch{AreaCode: "212"}, 0); len(got) != 100 {
		t.Fatalf("the swept number is not available: %d", len(got))
	}
}

// Two owners order one number at once, many times over: exactly one gets
// it, and the other's order says Failed for it, never an error.
func testRaceForOneNumber(t *testing.T, f *fixture) {
	const n = 8
	for round := 0; round < 5; round++ {
		number := fmt.Sprintf("+1303555%04d", 100+round)
		orders := make([]*chime.PhoneNumberOrder, n)
		owners := make([]string, n)
		parallel(t, n, func(i int) error {
			owners[i] = []string{Owner, Other}[i%2]
			o, err := f.svc.PhoneNumbers.CreatePhoneNumberOrder(f.ctx, owners[i], chime.VoiceConnector, []string{number})
			orders[i] = o
			return err
		})
		if t.Failed() {
			return
		}
		f.advance(timings.OrderDelay)
		winners := 0
		for i, o := range orders {
			got := f.getOrder(owners[i], o.ID)
			switch got.Status {
			case chime.OrderSuccessful:
				winners++
				if n := f.number(owners[i], number); n.Status != chime.Unassigned {
					t.Fatalf("the winner's number %+v", n)
				}
			case chime.OrderFailed:
			default:
				t.Fatalf("order %+v", got)
			}
		}
		if winners != 1 {
			t.Fatalf("round %d: %d orders got %s", round, winners, number)
		}
		held := len(f.inventory(Owner, chime.PhoneNumberFilter{})) + len(f.inventory(Other, chime.PhoneNumberFilter{}))
		if held != round+1 {
			t.Fatalf("round %d: %d numbers held in all", round, held)
		}
	}
}

// Orders of the same numbers listed in opposite orders, at once: every
// number ends with exactly one owner and no order fails as a whole (on
// PostgreSQL, numbers are locked in one order, so no deadlock).
func testCrossedOrders(t *testing.T, f *fixture) {
	var numbers []string
	for i := 0; i < 20; i++ {
		numbers = append(numbers, fmt.Sprintf("+1512555%04d", 100+i))
	}
	reversed := slices.Clone(numbers)
	slices.Reverse(reversed)
	var reserved atomic.Int64
	parallel(t, 8, func(i int) error {
		list, owner := numbers, Owner
		if i%2 == 1 {
			list, owner = reversed, Other
		}
		_, err := f.svc.PhoneNumbers.CreatePhoneNumberOrder(f.ctx, owner, chime.VoiceConnector, list)
		return err
	})
	f.advance(timings.OrderDelay)
	for _, owner := range []string{Owner, Other} {
		page, err := f.svc.PhoneNumbers.ListPhoneNumberOrders(f.ctx, owner, chime.PageRequest{})
		must(t, err)
		for _, o := range page.Orders {
			for _, n := range o.Numbers {
				if n.Status == chime.OrderedAcquired {
					reserved.Add(1)
				}
			}
		}
	}
	held := append(numbersOf(f.inventory(Owner, chime.PhoneNumberFilter{})), numbersOf(f.inventory(Other, chime.PhoneNumberFilter{}))...)
	slices.Sort(held)
	if fmt.Sprint(held) != fmt.Sprint(numbers) || reserved.Load() != int64(len(numbers)) {
		t.Fatalf("%d acquired in orders; held: %v", reserved.Load(), held)
	}
}

// Several sweeps at once remove each released number once.
func testConcurrentSweeps(t *testing.T, f *fixture) {
	var numbers []string
	for i := 0; i < 30; i++ {
		numbers = append(numbers, fmt.Sprintf("+1617555%04d", 100+i))
	}
	f.acquire(Owner, chime.VoiceConnector, numbers...)
	errs, err := f.svc.PhoneNumbers.BatchDeletePhoneNumber(f.ctx, Owner, numbers)
	if err != nil || len(errs) != 0 {
		t.Fatalf("delete: %v %+v", err, errs)
	}
	f.advance(timings.DeletionRetention)
	var removed atomic.Int64
	parallel(t, 6, func(int) error {
		n, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx)
		removed.Add(int64(n))
		return err
	})
	if removed.Load() != int64(len(numbers)) {
		t.Fatalf("the sweeps removed %d of %d", removed.Load(), len(numbers))
	}
	if got := f.search(Other, chime.NumberSearch{AreaCode: "617"}, 0); len(got) != 100 {
		t.Fatalf("%d numbers available after the sweeps", len(got))
	}
}

// Sweeps while another owner orders the released numbers again: every
// number ends with the new owner; no sweep takes a number ordered anew.
func testSweepWhileOrdering(t *testing.T, f *fixture) {
	var numbers []string
	for i := 0; i < 20; i++ {
		numbers = append(numbers, fmt.Sprintf("+1702555%04d", 100+i))
	}
	f.acquire(Owner, chime.VoiceConnector, numbers...)
	errs, err := f.svc.PhoneNumbers.BatchDeletePhoneNumber(f.ctx, Owner, numbers)
	if err != nil || len(errs) != 0 {
		t.Fatalf("delete: %v %+v", err, errs)
	}
	f.advance(timings.DeletionRetention)
	var ordered *chime.PhoneNumberOrder
	parallel(t, 5, func(i int) error {
		if i == 0 {
			o, err := f.svc.PhoneNumbers.CreatePhoneNumberOrder(f.ctx, Other, chime.VoiceConnector, numbers)
			ordered = o
			return err
		}
		_, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx)
		return err
	})
	if t.Failed() {
		return
	}
	f.advance(timings.OrderDelay)
	if o := f.getOrder(Other, ordered.ID); o.Status != chime.OrderSuccessful {
		t.Fatalf("the order of released numbers %+v", o)
	}
	if n, err := f.svc.PhoneNumbers.SweepPhoneNumbers(f.ctx); err != nil || n != 0 {
		t.Fatalf("a later sweep removed %d (%v)", n, err)
	}
	if got := numbersOf(f.inventory(Other, chime.PhoneNumberFilter{Status: chime.Unassigned})); fmt.Sprint(got) != fmt.Sprint(numbers) {
		t.Fatalf("the new owner holds %v", got)
	}
	if got := f.inventory(Owner, chime.PhoneNumberFilter{}); len(got) != 0 {
		t.Fatalf("the old owner still lists %v", numbersOf(got))
	}
}
