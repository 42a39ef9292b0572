package restjson_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime"
)

// The phone-number half of the API through aws-sdk-go-v2, as a
// provisioning script uses it: search, order, wait for the order, assign
// to a user, unassign, delete, restore, and release with the clock moved.
func TestPhoneNumberLifecycle(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		search, err := e.alpha.SearchAvailablePhoneNumbers(e.ctx, &awschime.SearchAvailablePhoneNumbersInput{AreaCode: aws.String("206"), MaxResults: aws.Int32(3)})
		must(t, err)
		if len(search.E164PhoneNumbers) != 3 || search.E164PhoneNumbers[0] != "+12065550100" || aws.ToString(search.NextToken) == "" {
			t.Fatalf("search: %+v", search)
		}
		more, err := e.alpha.SearchAvailablePhoneNumbers(e.ctx, &awschime.SearchAvailablePhoneNumbersInput{AreaCode: aws.String("206"), MaxResults: aws.Int32(3), NextToken: search.NextToken})
		must(t, err)
		if len(more.E164PhoneNumbers) != 3 || more.E164PhoneNumbers[0] != "+12065550103" {
			t.Fatalf("second page: %+v", more.E164PhoneNumbers)
		}

		created, err := e.alpha.CreatePhoneNumberOrder(e.ctx, &awschime.CreatePhoneNumberOrderInput{
			ProductType: types.PhoneNumberProductTypeBusinessCalling, E164PhoneNumbers: []string{"+12065550100", "+12065551234"}})
		must(t, err)
		o := created.PhoneNumberOrder
		if o.Status != types.PhoneNumberOrderStatusProcessing || len(o.OrderedPhoneNumbers) != 2 || o.OrderedPhoneNumbers[0].Status != types.OrderedPhoneNumberStatusProcessing {
			t.Fatalf("a new order: %+v", o)
		}
		// The number is the orderer's at once: not offered, not for others.
		if s, _ := e.beta.SearchAvailablePhoneNumbers(e.ctx, &awschime.SearchAvailablePhoneNumbersInput{AreaCode: aws.String("206"), MaxResults: aws.Int32(1)}); s.E164PhoneNumbers[0] != "+12065550101" {
			t.Fatalf("a reserved number is offered: %v", s.E164PhoneNumbers)
		}
		e.clock.Advance(chime.DefaultPhoneNumberTimings.OrderDelay)
		got, err := e.alpha.GetPhoneNumberOrder(e.ctx, &awschime.GetPhoneNumberOrderInput{PhoneNumberOrderId: o.PhoneNumberOrderId})
		must(t, err)
		if got.PhoneNumberOrder.Status != types.PhoneNumberOrderStatusPartial || got.PhoneNumberOrder.OrderedPhoneNumbers[0].Status != types.OrderedPhoneNumberStatusAcquired ||
			got.PhoneNumberOrder.OrderedPhoneNumbers[1].Status != types.OrderedPhoneNumberStatusFailed {
			t.Fatalf("the completed order: %+v", got.PhoneNumberOrder)
		}

		n, err := e.alpha.GetPhoneNumber(e.ctx, &awschime.GetPhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		must(t, err)
		p := n.PhoneNumber
		if aws.ToString(p.PhoneNumberId) != "%2B12065550100" || p.Status != types.PhoneNumberStatusUnassigned || aws.ToString(p.Country) != "US" ||
			p.Type != types.PhoneNumberTypeLocal || !aws.ToBool(p.Capabilities.InboundSMS) || len(p.Associations) != 0 {
			t.Fatalf("the acquired number: %+v", p)
		}
		// The URL-encoded id works as well as the E.164 one.
		if _, err := e.alpha.GetPhoneNumber(e.ctx, &awschime.GetPhoneNumberInput{PhoneNumberId: aws.String("%2B12065550100")}); err != nil {
			t.Fatalf("the encoded id: %v", err)
		}

		acct := e.account(chime.EnterpriseLWA)
		u := e.user(acct, "caller@example.com")
		_, err = e.alpha.AssociatePhoneNumberWithUser(e.ctx, &awschime.AssociatePhoneNumberWithUserInput{AccountId: aws.String(acct), UserId: u.UserId, E164PhoneNumber: aws.String("+12065550100")})
		must(t, err)
		user, _ := e.alpha.GetUser(e.ctx, &awschime.GetUserInput{AccountId: aws.String(acct), UserId: u.UserId})
		if aws.ToString(user.User.PrimaryProvisionedNumber) != "+12065550100" {
			t.Fatalf("the user's number: %+v", user.User)
		}
		list, err := e.alpha.ListPhoneNumbers(e.ctx, &awschime.ListPhoneNumbersInput{FilterName: types.PhoneNumberAssociationNameUserId, FilterValue: u.UserId})
		must(t, err)
		if len(list.PhoneNumbers) != 1 || list.PhoneNumbers[0].Status != types.PhoneNumberStatusAssigned || len(list.PhoneNumbers[0].Associations) != 2 {
			t.Fatalf("numbers of the user: %+v", list.PhoneNumbers)
		}
		_, err = e.alpha.DeletePhoneNumber(e.ctx, &awschime.DeletePhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		batch, err := e.alpha.BatchDeletePhoneNumber(e.ctx, &awschime.BatchDeletePhoneNumberInput{PhoneNumberIds: []string{"%2B12065550100", "+12065550199"}})
		must(t, err)
		if len(batch.PhoneNumberErrors) != 2 || batch.PhoneNumberErrors[0].ErrorCode != types.ErrorCodePhoneNumberAssociationsExist ||
			batch.PhoneNumberErrors[1].ErrorCode != types.ErrorCodeNotFound {
			t.Fatalf("batch delete: %+v", batch.PhoneNumberErrors)
		}
		_, err = e.alpha.DisassociatePhoneNumberFromUser(e.ctx, &awschime.DisassociatePhoneNumberFromUserInput{AccountId: aws.String(acct), UserId: u.UserId})
		must(t, err)

		// Calling names wait before they apply, and one at a time.
		up, err := e.alpha.UpdatePhoneNumber(e.ctx, &awschime.UpdatePhoneNumberInput{PhoneNumberId: aws.String("+12065550100"), CallingName: aws.String("Front Desk")})
		must(t, err)
		if up.PhoneNumber.CallingNameStatus != types.CallingNameStatusUpdateInProgress {
			t.Fatalf("a new calling name: %+v", up.PhoneNumber)
		}
		_, err = e.alpha.UpdatePhoneNumber(e.ctx, &awschime.UpdatePhoneNumberInput{PhoneNumberId: aws.String("+12065550100"), CallingName: aws.String("Lobby")})
		wantAPIError[*types.ConflictException](t, err, types.ErrorCodeConflict)
		e.clock.Advance(chime.DefaultPhoneNumberTimings.CallingNameDelay)

		_, err = e.alpha.DeletePhoneNumber(e.ctx, &awschime.DeletePhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		must(t, err)
		restored, err := e.alpha.RestorePhoneNumber(e.ctx, &awschime.RestorePhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		must(t, err)
		if restored.PhoneNumber.Status != types.PhoneNumberStatusUnassigned || restored.PhoneNumber.DeletionTimestamp != nil {
			t.Fatalf("restored: %+v", restored.PhoneNumber)
		}
		_, err = e.alpha.DeletePhoneNumber(e.ctx, &awschime.DeletePhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		must(t, err)
		e.clock.Advance(chime.DefaultPhoneNumberTimings.DeletionRetention + time.Second)
		_, err = e.alpha.GetPhoneNumber(e.ctx, &awschime.GetPhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		_, err = e.alpha.RestorePhoneNumber(e.ctx, &awschime.RestorePhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		// Released, it is in the pool again, for anyone.
		if s, _ := e.beta.SearchAvailablePhoneNumbers(e.ctx, &awschime.SearchAvailablePhoneNumbersInput{AreaCode: aws.String("206"), MaxResults: aws.Int32(1)}); s.E164PhoneNumbers[0] != "+12065550100" {
			t.Fatalf("a released number is not offered: %v", s.E164PhoneNumbers)
		}
	})
}

func TestPhoneNumberRefusals(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		for name, in := range map[string]*awschime.SearchAvailablePhoneNumbersInput{
			"no filter":          {},
			"city without state": {City: aws.String("Seattle")},
			"GB without a type":  {Country: aws.String("GB")},
		} {
			_, err := e.alpha.SearchAvailablePhoneNumbers(e.ctx, in)
			t.Run("Search/"+name, func(t *testing.T) { wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest) })
		}
		_, err := e.alpha.CreatePhoneNumberOrder(e.ctx, &awschime.CreatePhoneNumberOrderInput{
			ProductType: types.PhoneNumberProductTypeBusinessCalling, E164PhoneNumbers: []string{"+18445550100"}})
		t.Run("TollFreeBusinessCalling", func(t *testing.T) { wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest) })
		_, err = e.alpha.GetPhoneNumberOrder(e.ctx, &awschime.GetPhoneNumberOrderInput{PhoneNumberOrderId: aws.String("5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11")})
		t.Run("UnknownOrder", func(t *testing.T) { wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound) })
		_, err = e.alpha.GetPhoneNumber(e.ctx, &awschime.GetPhoneNumberInput{PhoneNumberId: aws.String("+12065550100")})
		t.Run("UnknownNumber", func(t *testing.T) { wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound) })
		_, err = e.alpha.UpdatePhoneNumber(e.ctx, &awschime.UpdatePhoneNumberInput{PhoneNumberId: aws.String("+12065550100"),
			ProductType: types.PhoneNumberProductTypeVoiceConnector, CallingName: aws.String("Both")})
		t.Run("BothDetails", func(t *testing.T) { wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest) })
		_, err = e.alpha.CreateMeetingDialOut(e.ctx, &awschime.CreateMeetingDialOutInput{MeetingId: aws.String("5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11"),
			FromPhoneNumber: aws.String("+12065550100"), ToPhoneNumber: aws.String("+12065550199"), JoinToken: aws.String("token")})
		t.Run("DialOutFromAStranger", func(t *testing.T) { wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest) })
	})
}

func TestSettings(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		got, err := e.alpha.GetPhoneNumberSettings(e.ctx, &awschime.GetPhoneNumberSettingsInput{})
		must(t, err)
		if got.CallingName != nil || got.CallingNameUpdatedTimestamp != nil {
			t.Fatalf("never set: %+v", got)
		}
		_, err = e.alpha.UpdatePhoneNumberSettings(e.ctx, &awschime.UpdatePhoneNumberSettingsInput{CallingName: aws.String("Acme")})
		must(t, err)
		_, err = e.alpha.UpdatePhoneNumberSettings(e.ctx, &awschime.UpdatePhoneNumberSettingsInput{CallingName: aws.String("Other")})
		wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest) // once every 7 days
		got, _ = e.alpha.GetPhoneNumberSettings(e.ctx, &awschime.GetPhoneNumberSettingsInput{})
		if aws.ToString(got.CallingName) != "Acme" || got.CallingNameUpdatedTimestamp == nil {
			t.Fatalf("set: %+v", got)
		}

		g, err := e.alpha.GetGlobalSettings(e.ctx, &awschime.GetGlobalSettingsInput{})
		must(t, err)
		if g.BusinessCalling == nil || g.VoiceConnector == nil || g.VoiceConnector.CdrBucket != nil {
			t.Fatalf("never set: %+v", g)
		}
		_, err = e.alpha.UpdateGlobalSettings(e.ctx, &awschime.UpdateGlobalSettingsInput{VoiceConnector: &types.VoiceConnectorSettings{CdrBucket: aws.String("cdr-bucket")}})
		must(t, err)
		_, err = e.alpha.UpdateGlobalSettings(e.ctx, &awschime.UpdateGlobalSettingsInput{BusinessCalling: &types.BusinessCallingSettings{CdrBucket: aws.String("bc-bucket")}})
		must(t, err)
		g, _ = e.alpha.GetGlobalSettings(e.ctx, &awschime.GetGlobalSettingsInput{})
		if aws.ToString(g.VoiceConnector.CdrBucket) != "cdr-bucket" || aws.ToString(g.BusinessCalling.CdrBucket) != "bc-bucket" {
			t.Fatalf("an absent product changed: %+v %+v", g.BusinessCalling, g.VoiceConnector)
		}
		_, err = e.alpha.UpdateGlobalSettings(e.ctx, &awschime.UpdateGlobalSettingsInput{VoiceConnector: &types.VoiceConnectorSettings{}})
		must(t, err)
		g, _ = e.alpha.GetGlobalSettings(e.ctx, &awschime.GetGlobalSettingsInput{})
		if g.VoiceConnector == nil || g.VoiceConnector.CdrBucket != nil || aws.ToString(g.BusinessCalling.CdrBucket) != "bc-bucket" {
			t.Fatalf("{} clears: %+v %+v", g.BusinessCalling, g.VoiceConnector)
		}
		_, err = e.alpha.UpdateGlobalSettings(e.ctx, &awschime.UpdateGlobalSettingsInput{VoiceConnector: &types.VoiceConnectorSettings{CdrBucket: aws.String("Not_A_Bucket")}})
		wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
	})
}
