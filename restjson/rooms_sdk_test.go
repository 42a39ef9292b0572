package restjson_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime"
)

// Rooms, memberships, bots, retention and redaction through aws-sdk-go-v2.
func TestRoomsAndBots(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		acct := e.account(chime.EnterpriseLWA)
		u := e.user(acct, "member@example.com")

		created, err := e.alpha.CreateRoom(e.ctx, &awschime.CreateRoomInput{AccountId: aws.String(acct), Name: aws.String("Project"), ClientRequestToken: aws.String("token-1")})
		must(t, err)
		r := created.Room
		if aws.ToString(r.CreatedBy) != "arn:aws:iam::111122223333:root" || aws.ToString(r.AccountId) != acct || !r.CreatedTimestamp.Equal(*r.UpdatedTimestamp) {
			t.Fatalf("the room: %+v", r)
		}
		again, err := e.alpha.CreateRoom(e.ctx, &awschime.CreateRoomInput{AccountId: aws.String(acct), Name: aws.String("Project"), ClientRequestToken: aws.String("token-1")})
		must(t, err)
		if aws.ToString(again.Room.RoomId) != aws.ToString(r.RoomId) {
			t.Fatalf("a replayed token made another room: %v", again.Room.RoomId)
		}
		_, err = e.alpha.CreateRoom(e.ctx, &awschime.CreateRoomInput{AccountId: aws.String(acct), Name: aws.String("Other"), ClientRequestToken: aws.String("token-1")})
		wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		// The SDK fills the token in itself: two calls, two rooms.
		second, err := e.alpha.CreateRoom(e.ctx, &awschime.CreateRoomInput{AccountId: aws.String(acct), Name: aws.String("Second")})
		must(t, err)

		m, err := e.alpha.CreateRoomMembership(e.ctx, &awschime.CreateRoomMembershipInput{AccountId: aws.String(acct), RoomId: r.RoomId, MemberId: u.UserId})
		must(t, err)
		if m.RoomMembership.Role != types.RoomMembershipRoleMember || m.RoomMembership.Member.MemberType != types.MemberTypeUser ||
			aws.ToString(m.RoomMembership.Member.Email) != "member@example.com" || aws.ToString(m.RoomMembership.InvitedBy) != "arn:aws:iam::111122223333:root" {
			t.Fatalf("the membership: %+v %+v", m.RoomMembership, m.RoomMembership.Member)
		}
		_, err = e.alpha.CreateRoomMembership(e.ctx, &awschime.CreateRoomMembershipInput{AccountId: aws.String(acct), RoomId: r.RoomId, MemberId: u.UserId})
		wantAPIError[*types.ConflictException](t, err, types.ErrorCodeConflict)
		up, err := e.alpha.UpdateRoomMembership(e.ctx, &awschime.UpdateRoomMembershipInput{AccountId: aws.String(acct), RoomId: r.RoomId, MemberId: u.UserId, Role: types.RoomMembershipRoleAdministrator})
		must(t, err)
		if up.RoomMembership.Role != types.RoomMembershipRoleAdministrator {
			t.Fatalf("the role: %+v", up.RoomMembership)
		}

		b, err := e.alpha.CreateBot(e.ctx, &awschime.CreateBotInput{AccountId: aws.String(acct), DisplayName: aws.String("myBot"), Domain: aws.String("Example.com")})
		must(t, err)
		bot := b.Bot
		if aws.ToString(bot.DisplayName) != "myBot (Bot)" || aws.ToString(bot.BotEmail) != "myBot-chimebot@example.com" || aws.ToString(bot.BotId) != aws.ToString(bot.UserId) ||
			len(aws.ToString(bot.SecurityToken)) != 40 || bot.BotType != types.BotTypeChatBot || aws.ToBool(bot.Disabled) {
			t.Fatalf("the bot: %+v", bot)
		}
		// A bot joins a room only with somewhere to send its events.
		batch, err := e.alpha.BatchCreateRoomMembership(e.ctx, &awschime.BatchCreateRoomMembershipInput{AccountId: aws.String(acct), RoomId: r.RoomId,
			MembershipItemList: []types.MembershipItem{{MemberId: bot.BotId}, {MemberId: u.UserId, Role: types.RoomMembershipRoleMember}, {MemberId: aws.String("nobody")}}})
		must(t, err)
		if len(batch.Errors) != 2 || aws.ToString(batch.Errors[0].MemberId) != aws.ToString(bot.BotId) || batch.Errors[0].ErrorCode != types.ErrorCodeBadRequest ||
			batch.Errors[1].ErrorCode != types.ErrorCodeNotFound {
			t.Fatalf("batch: %+v", batch.Errors)
		}
		_, err = e.alpha.PutEventsConfiguration(e.ctx, &awschime.PutEventsConfigurationInput{AccountId: aws.String(acct), BotId: bot.BotId,
			OutboundEventsHTTPSEndpoint: aws.String("http://insecure.example.com")})
		wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)
		ec, err := e.alpha.PutEventsConfiguration(e.ctx, &awschime.PutEventsConfigurationInput{AccountId: aws.String(acct), BotId: bot.BotId,
			OutboundEventsHTTPSEndpoint: aws.String("https://bot.example.com/events")})
		must(t, err)
		if aws.ToString(ec.EventsConfiguration.OutboundEventsHTTPSEndpoint) != "https://bot.example.com/events" {
			t.Fatalf("events configuration: %+v", ec.EventsConfiguration)
		}
		_, err = e.alpha.CreateRoomMembership(e.ctx, &awschime.CreateRoomMembershipInput{AccountId: aws.String(acct), RoomId: r.RoomId, MemberId: bot.BotId})
		must(t, err)
		list, err := e.alpha.ListRoomMemberships(e.ctx, &awschime.ListRoomMembershipsInput{AccountId: aws.String(acct), RoomId: r.RoomId})
		must(t, err)
		if len(list.RoomMemberships) != 2 || list.RoomMemberships[1].Member.MemberType != types.MemberTypeBot {
			t.Fatalf("memberships: %+v", list.RoomMemberships)
		}
		rooms, err := e.alpha.ListRooms(e.ctx, &awschime.ListRoomsInput{AccountId: aws.String(acct), MemberId: bot.BotId})
		must(t, err)
		if len(rooms.Rooms) != 1 || aws.ToString(rooms.Rooms[0].RoomId) != aws.ToString(r.RoomId) {
			t.Fatalf("rooms of the bot: %+v", rooms.Rooms)
		}
		_, err = e.alpha.UpdateRoomMembership(e.ctx, &awschime.UpdateRoomMembershipInput{AccountId: aws.String(acct), RoomId: r.RoomId, MemberId: bot.BotId, Role: types.RoomMembershipRoleAdministrator})
		wantAPIError[*types.BadRequestException](t, err, types.ErrorCodeBadRequest)

		regen, err := e.alpha.RegenerateSecurityToken(e.ctx, &awschime.RegenerateSecurityTokenInput{AccountId: aws.String(acct), BotId: bot.BotId})
		must(t, err)
		if aws.ToString(regen.Bot.SecurityToken) == aws.ToString(bot.SecurityToken) {
			t.Fatal("the token did not change")
		}
		stopped, err := e.alpha.UpdateBot(e.ctx, &awschime.UpdateBotInput{AccountId: aws.String(acct), BotId: bot.BotId, Disabled: aws.Bool(true)})
		must(t, err)
		if !aws.ToBool(stopped.Bot.Disabled) {
			t.Fatalf("stopped: %+v", stopped.Bot)
		}
		_, err = e.alpha.DeleteEventsConfiguration(e.ctx, &awschime.DeleteEventsConfigurationInput{AccountId: aws.String(acct), BotId: bot.BotId})
		must(t, err)
		_, err = e.alpha.GetEventsConfiguration(e.ctx, &awschime.GetEventsConfigurationInput{AccountId: aws.String(acct), BotId: bot.BotId})
		wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
		bots, err := e.alpha.ListBots(e.ctx, &awschime.ListBotsInput{AccountId: aws.String(acct)})
		must(t, err)
		if len(bots.Bots) != 1 || len(aws.ToString(bots.Bots[0].SecurityToken)) != 40 {
			t.Fatalf("bots: %+v", bots.Bots)
		}

		_, err = e.alpha.PutRetentionSettings(e.ctx, &awschime.PutRetentionSettingsInput{AccountId: aws.String(acct),
			RetentionSettings: &types.RetentionSettings{RoomRetentionSettings: &types.RoomRetentionSettings{RetentionDays: aws.Int32(90)}}})
		must(t, err)
		ret, err := e.alpha.GetRetentionSettings(e.ctx, &awschime.GetRetentionSettingsInput{AccountId: aws.String(acct)})
		must(t, err)
		if aws.ToInt32(ret.RetentionSettings.RoomRetentionSettings.RetentionDays) != 90 || ret.RetentionSettings.ConversationRetentionSettings != nil || ret.InitiateDeletionTimestamp == nil {
			t.Fatalf("retention: %+v %v", ret.RetentionSettings, ret.InitiateDeletionTimestamp)
		}

		_, err = e.alpha.RedactRoomMessage(e.ctx, &awschime.RedactRoomMessageInput{AccountId: aws.String(acct), RoomId: r.RoomId, MessageId: aws.String("m-1")})
		must(t, err)
		_, err = e.alpha.RedactConversationMessage(e.ctx, &awschime.RedactConversationMessageInput{AccountId: aws.String(acct), ConversationId: aws.String("c/1"), MessageId: aws.String("m 1")})
		must(t, err)
		_, err = e.alpha.RedactRoomMessage(e.ctx, &awschime.RedactRoomMessageInput{AccountId: aws.String(acct), RoomId: aws.String("no-room"), MessageId: aws.String("m-1")})
		wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)

		_, err = e.alpha.DeleteRoom(e.ctx, &awschime.DeleteRoomInput{AccountId: aws.String(acct), RoomId: second.Room.RoomId})
		must(t, err)
		_, err = e.alpha.GetRoom(e.ctx, &awschime.GetRoomInput{AccountId: aws.String(acct), RoomId: second.Room.RoomId})
		wantAPIError[*types.NotFoundException](t, err, types.ErrorCodeNotFound)
	})
}

// Every Enterprise operation on a Team account is refused with the
// service's own message.
func TestEnterpriseOnly(t *testing.T) {
	forEachStore(t, func(t *testing.T, open storeOpener) {
		e := newEnv(t, open)
		team := e.account(chime.Team)
		checks := map[string]error{}
		_, checks["CreateRoom"] = e.alpha.CreateRoom(e.ctx, &awschime.CreateRoomInput{AccountId: aws.String(team), Name: aws.String("r")})
		_, checks["ListRooms"] = e.alpha.ListRooms(e.ctx, &awschime.ListRoomsInput{AccountId: aws.String(team)})
		_, checks["CreateBot"] = e.alpha.CreateBot(e.ctx, &awschime.CreateBotInput{AccountId: aws.String(team), DisplayName: aws.String("b")})
		_, checks["GetRetentionSettings"] = e.alpha.GetRetentionSettings(e.ctx, &awschime.GetRetentionSettingsInput{AccountId: aws.String(team)})
		_, checks["RedactConversationMessage"] = e.alpha.RedactConversationMessage(e.ctx, &awschime.RedactConversationMessageInput{AccountId: aws.String(team), ConversationId: aws.String("c"), MessageId: aws.String("m")})
		for name, err := range checks {
			t.Run(name, func(t *testing.T) {
				fe := wantAPIError[*types.ForbiddenException](t, err, types.ErrorCodeForbidden)
				if !strings.HasPrefix(aws.ToString(fe.Message), chime.NotEnterpriseMessage+"[AWS Account ID: 111122223333][Chime Account ID: ") {
					t.Fatalf("message %q", aws.ToString(fe.Message))
				}
			})
		}
	})
}
