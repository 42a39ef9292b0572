// Every implemented Chime operation through the AWS SDK for JavaScript v3:
// a successful call of each and the modelled errors each answers, against
// `chime server --dev --deletion-retention 2s`. The last test compares the
// operations that succeeded with apispec's list, so that a new operation
// fails this suite until it is called here.

import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as sdk from "@aws-sdk/client-chime";
import { admin, client, example, fails, implementedOperations, report, writeReport } from "./lib.mjs";

const {
  BadRequestException, ConflictException, ForbiddenException, NotFoundException, UnprocessableEntityException,
} = sdk;

// Each call sends once: an error is the server's answer, not the last of
// several attempts.
const chime = client({ maxAttempts: 1 });
const send = (command) => chime.send(command);
const cmd = (op, input = {}) => new sdk[`${op}Command`](input);

after(writeReport);

// Shared by the tests below, which run in order.
let team, lwa, person, room, lwaUser, bot;

test("accounts", async () => {
  const created = (await send(cmd("CreateAccount", { Name: "js team" }))).Account;
  assert.equal(created.AccountType, "Team");
  assert.deepEqual(created.SupportedLicenses, ["Basic", "Pro"]);
  assert.equal(created.AwsAccountId, "000000000000");
  team = created.AccountId;
  await fails(chime, BadRequestException, cmd("CreateAccount", { Name: " " }));

  const got = (await send(cmd("GetAccount", { AccountId: team }))).Account;
  assert.equal(got.Name, "js team");
  assert.ok(got.CreatedTimestamp instanceof Date && got.CreatedTimestamp.getUTCFullYear() >= 2026);
  await fails(chime, NotFoundException, cmd("GetAccount", { AccountId: "no-such-account" }));

  const listed = (await send(cmd("ListAccounts", { Name: "js" }))).Accounts;
  assert.deepEqual(listed.map((a) => a.AccountId), [team]);
  await fails(chime, BadRequestException, cmd("ListAccounts", { MaxResults: 500 }));

  const up = (await send(cmd("UpdateAccount", { AccountId: team, Name: "renamed", DefaultLicense: "Basic" }))).Account;
  assert.equal(up.Name, "renamed");
  assert.equal(up.DefaultLicense, "Basic");
  await fails(chime, BadRequestException, cmd("UpdateAccount", { AccountId: team, DefaultLicense: "Plus" }));
  await fails(chime, NotFoundException, cmd("UpdateAccount", { AccountId: "no-such-account", Name: "x" }));

  const settings = (await send(cmd("GetAccountSettings", { AccountId: team }))).AccountSettings;
  assert.deepEqual(settings, { DisableRemoteControl: false, EnableDialOut: false });
  await send(cmd("UpdateAccountSettings", { AccountId: team, AccountSettings: { DisableRemoteControl: true } }));
  assert.equal((await send(cmd("GetAccountSettings", { AccountId: team }))).AccountSettings.DisableRemoteControl, true);
  await fails(chime, NotFoundException, cmd("GetAccountSettings", { AccountId: "no-such-account" }));
  await fails(chime, NotFoundException, cmd("UpdateAccountSettings", {
    AccountId: "no-such-account", AccountSettings: { EnableDialOut: true },
  }));

  await send(cmd("AssociateSigninDelegateGroupsWithAccount", {
    AccountId: example, SigninDelegateGroups: [{ GroupName: "room-admins" }],
  }));
  assert.deepEqual((await send(cmd("GetAccount", { AccountId: example }))).Account.SigninDelegateGroups, [{ GroupName: "room-admins" }]);
  await send(cmd("DisassociateSigninDelegateGroupsFromAccount", { AccountId: example, GroupNames: ["room-admins"] }));
  assert.deepEqual((await send(cmd("GetAccount", { AccountId: example }))).Account.SigninDelegateGroups, []);
  await fails(chime, ForbiddenException, cmd("AssociateSigninDelegateGroupsWithAccount", {
    AccountId: team, SigninDelegateGroups: [{ GroupName: "g" }],
  }));
  await fails(chime, NotFoundException, cmd("DisassociateSigninDelegateGroupsFromAccount", {
    AccountId: "no-such-account", GroupNames: ["g"],
  }));

  lwa = admin("create-account", "--name", "js LWA", "--account-type", "EnterpriseLWA").Account.AccountId;
});

test("users", async () => {
  const device = (await send(cmd("CreateUser", { AccountId: example, Email: "roomdevice@example.com", UserType: "SharedDevice" }))).User;
  assert.equal(device.DisplayName, "Room Device");
  assert.equal(device.PersonalPIN, undefined);
  person = (await send(cmd("CreateUser", { AccountId: example, Email: "ana@example.com", Username: "Ana" }))).User;
  assert.equal(person.DisplayName, "Ana");
  assert.equal(person.PersonalPIN.length, 10);
  await fails(chime, ConflictException, cmd("CreateUser", { AccountId: example, Email: "ANA@example.com" }));
  const onTeam = await fails(chime, BadRequestException, cmd("CreateUser", { AccountId: team, Email: "valid@email.com" }));
  assert.equal(onTeam.message, "Service received a bad request");
  await fails(chime, BadRequestException, cmd("CreateUser", { AccountId: example, Email: "notanemail" }));
  await fails(chime, NotFoundException, cmd("CreateUser", { AccountId: "no-such-account", Email: "x@example.com" }));

  const got = (await send(cmd("GetUser", { AccountId: example, UserId: person.UserId }))).User;
  assert.equal(got.PersonalPIN, person.PersonalPIN);
  assert.ok(got.RegisteredOn instanceof Date);
  await fails(chime, NotFoundException, cmd("GetUser", { AccountId: example, UserId: "nobody" }));

  const devices = (await send(cmd("ListUsers", { AccountId: example, UserType: "SharedDevice" }))).Users;
  assert.deepEqual(devices.map((u) => u.UserId), [device.UserId]);
  await fails(chime, BadRequestException, cmd("ListUsers", { AccountId: example, MaxResults: 500 }));
  await fails(chime, NotFoundException, cmd("ListUsers", { AccountId: "no-such-account" }));

  assert.equal((await send(cmd("UpdateUser", { AccountId: example, UserId: person.UserId, LicenseType: "Basic" }))).User.LicenseType, "Basic");
  await fails(chime, NotFoundException, cmd("UpdateUser", { AccountId: example, UserId: "nobody", LicenseType: "Pro" }));
  await fails(chime, BadRequestException, cmd("UpdateUser", { AccountId: example, UserId: person.UserId, LicenseType: "Gold" }));

  const batch = await send(cmd("BatchUpdateUser", {
    AccountId: example,
    UpdateUserRequestItems: [{ UserId: person.UserId, LicenseType: "Pro" }, { UserId: "nobody", LicenseType: "Pro" }],
  }));
  assert.deepEqual(batch.UserErrors.map((e) => [e.UserId, e.ErrorCode]), [["nobody", "NotFound"]]);
  await fails(chime, NotFoundException, cmd("BatchUpdateUser", {
    AccountId: "no-such-account", UpdateUserRequestItems: [{ UserId: "u", LicenseType: "Pro" }],
  }));

  const pin = (await send(cmd("ResetPersonalPIN", { AccountId: example, UserId: person.UserId }))).User.PersonalPIN;
  assert.notEqual(pin, person.PersonalPIN);
  assert.equal(pin.length, 10);
  await fails(chime, NotFoundException, cmd("ResetPersonalPIN", { AccountId: example, UserId: "nobody" }));

  await send(cmd("LogoutUser", { AccountId: example, UserId: person.UserId }));
  await fails(chime, NotFoundException, cmd("LogoutUser", { AccountId: example, UserId: "nobody" }));

  const telephony = { InboundCalling: true, OutboundCalling: false, SMS: true };
  await send(cmd("UpdateUserSettings", { AccountId: example, UserId: person.UserId, UserSettings: { Telephony: telephony } }));
  assert.deepEqual((await send(cmd("GetUserSettings", { AccountId: example, UserId: person.UserId }))).UserSettings.Telephony, telephony);
  await fails(chime, NotFoundException, cmd("GetUserSettings", { AccountId: example, UserId: "nobody" }));
  await fails(chime, NotFoundException, cmd("UpdateUserSettings", {
    AccountId: example, UserId: "nobody", UserSettings: { Telephony: telephony },
  }));
  // An Enterprise Directory account's users are suspended in the directory.
  await fails(chime, BadRequestException, cmd("BatchSuspendUser", { AccountId: example, UserIdList: [person.UserId] }));
});

test("invitations and suspension", async () => {
  const invites = (await send(cmd("InviteUsers", { AccountId: team, UserEmailList: ["bob@example.com", "ana@example.com"] }))).Invites;
  assert.deepEqual(invites.map((i) => i.Status), ["Pending", "Failed"]);
  await fails(chime, NotFoundException, cmd("InviteUsers", { AccountId: "no-such-account", UserEmailList: ["c@example.com"] }));
  await fails(chime, BadRequestException, cmd("InviteUsers", { AccountId: team, UserEmailList: ["not an address"] }));
  const bob = (await send(cmd("ListUsers", { AccountId: team, UserEmail: "bob@example.com" }))).Users[0];
  assert.equal(bob.UserInvitationStatus, "Pending");
  assert.equal(bob.UserRegistrationStatus, "Unregistered");
  await fails(chime, UnprocessableEntityException, cmd("DeleteAccount", { AccountId: team }));
  assert.deepEqual((await send(cmd("BatchSuspendUser", { AccountId: team, UserIdList: [bob.UserId] }))).UserErrors, []);
  await fails(chime, NotFoundException, cmd("GetUser", { AccountId: team, UserId: bob.UserId }));
  await send(cmd("DeleteAccount", { AccountId: team }));
  await fails(chime, NotFoundException, cmd("GetAccount", { AccountId: team }));
  await fails(chime, NotFoundException, cmd("DeleteAccount", { AccountId: team }));

  lwaUser = (await send(cmd("CreateUser", { AccountId: lwa, Email: "lwa@example.com" }))).User;
  await send(cmd("BatchSuspendUser", { AccountId: lwa, UserIdList: [lwaUser.UserId] }));
  assert.equal((await send(cmd("GetUser", { AccountId: lwa, UserId: lwaUser.UserId }))).User.UserRegistrationStatus, "Suspended");
  assert.deepEqual((await send(cmd("BatchUnsuspendUser", { AccountId: lwa, UserIdList: [lwaUser.UserId] }))).UserErrors, []);
  assert.equal((await send(cmd("GetUser", { AccountId: lwa, UserId: lwaUser.UserId }))).User.UserRegistrationStatus, "Registered");
  await fails(chime, NotFoundException, cmd("BatchUnsuspendUser", { AccountId: "no-such-account", UserIdList: ["u"] }));
  await fails(chime, BadRequestException, cmd("BatchUnsuspendUser", { AccountId: example, UserIdList: [person.UserId] }));
});

test("phone numbers", async () => {
  const countries = (await send(cmd("ListSupportedPhoneNumberCountries", { ProductType: "VoiceConnector" }))).PhoneNumberCountries;
  assert.deepEqual(countries, [{ CountryCode: "US", SupportedPhoneNumberTypes: ["Local", "TollFree"] }]);
  await fails(chime, BadRequestException, cmd("ListSupportedPhoneNumberCountries", { ProductType: "Fax" }));

  const found = await send(cmd("SearchAvailablePhoneNumbers", { AreaCode: "206", MaxResults: 2 }));
  assert.deepEqual(found.E164PhoneNumbers, ["+12065550100", "+12065550101"]);
  assert.ok(found.NextToken);
  await fails(chime, BadRequestException, cmd("SearchAvailablePhoneNumbers", { City: "Seattle" }));

  let order = (await send(cmd("CreatePhoneNumberOrder", {
    ProductType: "BusinessCalling", E164PhoneNumbers: ["+12065550100", "+12065550101"],
  }))).PhoneNumberOrder;
  assert.equal(order.Status, "Processing");
  await fails(chime, BadRequestException, cmd("CreatePhoneNumberOrder", { ProductType: "Fax", E164PhoneNumbers: ["+12065550102"] }));
  await fails(chime, BadRequestException, cmd("CreatePhoneNumberOrder", { ProductType: "BusinessCalling", E164PhoneNumbers: [] }));
  // The order completes once the server's clock passes --order-delay.
  admin("advance-clock", "--advance-millis", "5000");
  order = (await send(cmd("GetPhoneNumberOrder", { PhoneNumberOrderId: order.PhoneNumberOrderId }))).PhoneNumberOrder;
  assert.equal(order.Status, "Successful");
  await fails(chime, NotFoundException, cmd("GetPhoneNumberOrder", { PhoneNumberOrderId: "5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11" }));
  assert.deepEqual((await send(cmd("ListPhoneNumberOrders"))).PhoneNumberOrders.map((o) => o.PhoneNumberOrderId), [order.PhoneNumberOrderId]);
  await fails(chime, BadRequestException, cmd("ListPhoneNumberOrders", { MaxResults: 100 }));

  const number = (await send(cmd("GetPhoneNumber", { PhoneNumberId: "+12065550100" }))).PhoneNumber;
  assert.equal(number.PhoneNumberId, "%2B12065550100");
  assert.equal(number.Status, "Unassigned");
  assert.deepEqual(number.Associations, []);
  await fails(chime, NotFoundException, cmd("GetPhoneNumber", { PhoneNumberId: "+12065550199" }));

  await send(cmd("AssociatePhoneNumberWithUser", { AccountId: example, UserId: person.UserId, E164PhoneNumber: "+12065550100" }));
  assert.equal((await send(cmd("GetUser", { AccountId: example, UserId: person.UserId }))).User.PrimaryProvisionedNumber, "+12065550100");
  await fails(chime, NotFoundException, cmd("AssociatePhoneNumberWithUser", {
    AccountId: example, UserId: "nobody", E164PhoneNumber: "+12065550101",
  }));
  const assigned = (await send(cmd("ListPhoneNumbers", { Status: "Assigned" }))).PhoneNumbers;
  assert.deepEqual(assigned.map((n) => n.E164PhoneNumber), ["+12065550100"]);
  await fails(chime, BadRequestException, cmd("ListPhoneNumbers", { Status: "Lost" }));

  const errs = (await send(cmd("BatchDeletePhoneNumber", { PhoneNumberIds: ["%2B12065550100"] }))).PhoneNumberErrors;
  assert.deepEqual(errs.map((e) => e.ErrorCode), ["PhoneNumberAssociationsExist"]);
  await fails(chime, BadRequestException, cmd("BatchDeletePhoneNumber", { PhoneNumberIds: [] }));
  await send(cmd("DisassociatePhoneNumberFromUser", { AccountId: example, UserId: person.UserId }));
  await fails(chime, NotFoundException, cmd("DisassociatePhoneNumberFromUser", { AccountId: example, UserId: "nobody" }));

  const up = (await send(cmd("UpdatePhoneNumber", { PhoneNumberId: "%2B12065550101", ProductType: "VoiceConnector" }))).PhoneNumber;
  assert.equal(up.ProductType, "VoiceConnector");
  await fails(chime, NotFoundException, cmd("UpdatePhoneNumber", { PhoneNumberId: "+12065550199", ProductType: "VoiceConnector" }));
  const batch = await send(cmd("BatchUpdatePhoneNumber", {
    UpdatePhoneNumberRequestItems: [{ PhoneNumberId: "+12065550101", CallingName: "Front Desk" }, { PhoneNumberId: "+12065550199", CallingName: "Nobody" }],
  }));
  assert.deepEqual(batch.PhoneNumberErrors.map((e) => [e.PhoneNumberId, e.ErrorCode]), [["+12065550199", "NotFound"]]);
  await fails(chime, BadRequestException, cmd("BatchUpdatePhoneNumber", {
    UpdatePhoneNumberRequestItems: [{ PhoneNumberId: "+12065550101", ProductType: "Fax" }],
  }));
  // A calling name waits for its review; another change meanwhile conflicts.
  await fails(chime, ConflictException, cmd("UpdatePhoneNumber", { PhoneNumberId: "+12065550101", CallingName: "Lobby" }));

  const dial = await send(cmd("CreateMeetingDialOut", {
    MeetingId: "5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11", FromPhoneNumber: "+12065550101", ToPhoneNumber: "+12065550199", JoinToken: "dG9rZW4",
  }));
  assert.equal(dial.TransactionId.length, 36);
  await fails(chime, BadRequestException, cmd("CreateMeetingDialOut", {
    MeetingId: "5d7cbf0e-3a59-4f47-9b44-6d0f4e3e2a11", FromPhoneNumber: "+12065550101", ToPhoneNumber: "+12065550199", JoinToken: "not a token!",
  }));

  await send(cmd("DeletePhoneNumber", { PhoneNumberId: "+12065550100" }));
  assert.equal((await send(cmd("RestorePhoneNumber", { PhoneNumberId: "+12065550100" }))).PhoneNumber.Status, "Unassigned");
  await fails(chime, NotFoundException, cmd("RestorePhoneNumber", { PhoneNumberId: "+12065550199" }));
  await send(cmd("DeletePhoneNumber", { PhoneNumberId: "+12065550100" }));
  await fails(chime, NotFoundException, cmd("DeletePhoneNumber", { PhoneNumberId: "+12065550199" }));
  // Past --deletion-retention the number is released.
  admin("advance-clock", "--advance-millis", "3000");
  for (let i = 0; ; i++) {
    const left = (await send(cmd("ListPhoneNumbers"))).PhoneNumbers.map((n) => n.E164PhoneNumber);
    if (left.length === 1) {
      assert.deepEqual(left, ["+12065550101"]);
      break;
    }
    assert.ok(i < 100, `the deleted number is never released: ${left}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await fails(chime, NotFoundException, cmd("GetPhoneNumber", { PhoneNumberId: "+12065550100" }));

  await send(cmd("UpdatePhoneNumberSettings", { CallingName: "Example Corp" }));
  assert.equal((await send(cmd("GetPhoneNumberSettings"))).CallingName, "Example Corp");
  await fails(chime, BadRequestException, cmd("UpdatePhoneNumberSettings", { CallingName: "!" }));

  await send(cmd("UpdateGlobalSettings", { VoiceConnector: { CdrBucket: "example-cdrs" } }));
  const global = await send(cmd("GetGlobalSettings"));
  assert.deepEqual(global.VoiceConnector, { CdrBucket: "example-cdrs" });
  assert.deepEqual(global.BusinessCalling, {});
  await fails(chime, BadRequestException, cmd("UpdateGlobalSettings", { VoiceConnector: { CdrBucket: "No_Such Bucket" } }));
});

test("rooms and memberships", async () => {
  const secondTeam = (await send(cmd("CreateAccount", { Name: "js second team" }))).Account.AccountId;
  room = (await send(cmd("CreateRoom", { AccountId: lwa, Name: "Project" }))).Room;
  assert.equal(room.CreatedBy, "arn:aws:iam::000000000000:root");
  assert.equal(room.Name, "Project");
  const forbidden = await fails(chime, ForbiddenException, cmd("CreateRoom", { AccountId: secondTeam, Name: "x" }));
  assert.match(forbidden.message, /^Chime Account provided is not an Enterprise Chime Account/);
  await fails(chime, NotFoundException, cmd("CreateRoom", { AccountId: "no-such-account", Name: "x" }));
  await fails(chime, ForbiddenException, cmd("ListRooms", { AccountId: secondTeam }));

  assert.equal((await send(cmd("GetRoom", { AccountId: lwa, RoomId: room.RoomId }))).Room.RoomId, room.RoomId);
  await fails(chime, NotFoundException, cmd("GetRoom", { AccountId: lwa, RoomId: "no-such-room" }));
  assert.equal((await send(cmd("UpdateRoom", { AccountId: lwa, RoomId: room.RoomId, Name: "Renamed" }))).Room.Name, "Renamed");
  await fails(chime, NotFoundException, cmd("UpdateRoom", { AccountId: lwa, RoomId: "no-such-room", Name: "x" }));

  const member = (await send(cmd("CreateRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: lwaUser.UserId }))).RoomMembership;
  assert.equal(member.Role, "Member");
  assert.equal(member.Member.MemberType, "User");
  await fails(chime, ConflictException, cmd("CreateRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: lwaUser.UserId }));
  await fails(chime, NotFoundException, cmd("CreateRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: "nobody" }));
  const up = await send(cmd("UpdateRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: lwaUser.UserId, Role: "Administrator" }));
  assert.equal(up.RoomMembership.Role, "Administrator");
  await fails(chime, NotFoundException, cmd("UpdateRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: "nobody", Role: "Member" }));
});

test("bots, events configuration, retention and redaction", async () => {
  bot = (await send(cmd("CreateBot", { AccountId: lwa, DisplayName: "helper", Domain: "example.com" }))).Bot;
  assert.equal(bot.DisplayName, "helper (Bot)");
  assert.equal(bot.BotEmail, "helper-chimebot@example.com");
  assert.equal(bot.SecurityToken.length, 40);
  await fails(chime, BadRequestException, cmd("CreateBot", { AccountId: lwa, DisplayName: "helper", Domain: "example.com" }));
  await fails(chime, NotFoundException, cmd("CreateBot", { AccountId: "no-such-account", DisplayName: "x" }));
  assert.equal((await send(cmd("GetBot", { AccountId: lwa, BotId: bot.BotId }))).Bot.UserId, bot.BotId);
  await fails(chime, NotFoundException, cmd("GetBot", { AccountId: lwa, BotId: "no-such-bot" }));
  assert.deepEqual((await send(cmd("ListBots", { AccountId: lwa }))).Bots.map((b) => b.BotId), [bot.BotId]);
  await fails(chime, NotFoundException, cmd("ListBots", { AccountId: "no-such-account" }));

  const ec = await send(cmd("PutEventsConfiguration", { AccountId: lwa, BotId: bot.BotId, OutboundEventsHTTPSEndpoint: "https://bot.example.com/e" }));
  assert.equal(ec.EventsConfiguration.BotId, bot.BotId);
  await fails(chime, BadRequestException, cmd("PutEventsConfiguration", {
    AccountId: lwa, BotId: bot.BotId, OutboundEventsHTTPSEndpoint: "http://bot.example.com/e",
  }));
  await fails(chime, NotFoundException, cmd("PutEventsConfiguration", {
    AccountId: lwa, BotId: "no-such-bot", OutboundEventsHTTPSEndpoint: "https://bot.example.com/e",
  }));
  const gotEc = (await send(cmd("GetEventsConfiguration", { AccountId: lwa, BotId: bot.BotId }))).EventsConfiguration;
  assert.equal(gotEc.OutboundEventsHTTPSEndpoint, "https://bot.example.com/e");

  const batch = await send(cmd("BatchCreateRoomMembership", {
    AccountId: lwa, RoomId: room.RoomId, MembershipItemList: [{ MemberId: bot.BotId }, { MemberId: "nobody" }],
  }));
  assert.deepEqual(batch.Errors.map((e) => e.ErrorCode), ["NotFound"]);
  await fails(chime, NotFoundException, cmd("BatchCreateRoomMembership", {
    AccountId: lwa, RoomId: "no-such-room", MembershipItemList: [{ MemberId: bot.BotId }],
  }));
  const members = (await send(cmd("ListRoomMemberships", { AccountId: lwa, RoomId: room.RoomId }))).RoomMemberships;
  assert.deepEqual(members.map((m) => m.Member.MemberType), ["User", "Bot"]);
  await fails(chime, NotFoundException, cmd("ListRoomMemberships", { AccountId: lwa, RoomId: "no-such-room" }));
  // Only a user's role can change.
  await fails(chime, BadRequestException, cmd("UpdateRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: bot.BotId, Role: "Administrator" }));
  assert.deepEqual((await send(cmd("ListRooms", { AccountId: lwa, MemberId: bot.BotId }))).Rooms.map((r) => r.RoomId), [room.RoomId]);
  await send(cmd("DeleteRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: bot.BotId }));
  await fails(chime, NotFoundException, cmd("DeleteRoomMembership", { AccountId: lwa, RoomId: room.RoomId, MemberId: bot.BotId }));

  const token = (await send(cmd("RegenerateSecurityToken", { AccountId: lwa, BotId: bot.BotId }))).Bot.SecurityToken;
  assert.notEqual(token, bot.SecurityToken);
  await fails(chime, NotFoundException, cmd("RegenerateSecurityToken", { AccountId: lwa, BotId: "no-such-bot" }));
  assert.equal((await send(cmd("UpdateBot", { AccountId: lwa, BotId: bot.BotId, Disabled: true }))).Bot.Disabled, true);
  await fails(chime, NotFoundException, cmd("UpdateBot", { AccountId: lwa, BotId: "no-such-bot", Disabled: true }));
  await send(cmd("DeleteEventsConfiguration", { AccountId: lwa, BotId: bot.BotId }));
  await fails(chime, NotFoundException, cmd("GetEventsConfiguration", { AccountId: lwa, BotId: bot.BotId }));
  // NotFound is not modelled for DeleteEventsConfiguration: an unknown bot is a bad request.
  await fails(chime, BadRequestException, cmd("DeleteEventsConfiguration", { AccountId: lwa, BotId: "no-such-bot" }));

  await send(cmd("PutRetentionSettings", { AccountId: lwa, RetentionSettings: { ConversationRetentionSettings: { RetentionDays: 30 } } }));
  const ret = await send(cmd("GetRetentionSettings", { AccountId: lwa }));
  assert.deepEqual(ret.RetentionSettings, { ConversationRetentionSettings: { RetentionDays: 30 } });
  assert.ok(ret.InitiateDeletionTimestamp instanceof Date);
  await fails(chime, BadRequestException, cmd("PutRetentionSettings", {
    AccountId: lwa, RetentionSettings: { RoomRetentionSettings: { RetentionDays: 0 } },
  }));
  await fails(chime, NotFoundException, cmd("GetRetentionSettings", { AccountId: "no-such-account" }));

  await send(cmd("RedactRoomMessage", { AccountId: lwa, RoomId: room.RoomId, MessageId: "m-1" }));
  await fails(chime, NotFoundException, cmd("RedactRoomMessage", { AccountId: lwa, RoomId: "no-such-room", MessageId: "m-1" }));
  await send(cmd("RedactConversationMessage", { AccountId: lwa, ConversationId: "c-1", MessageId: "m-2" }));
  await fails(chime, NotFoundException, cmd("RedactConversationMessage", { AccountId: "no-such-account", ConversationId: "c-1", MessageId: "m-2" }));

  await send(cmd("DeleteRoom", { AccountId: lwa, RoomId: room.RoomId }));
  await fails(chime, NotFoundException, cmd("GetRoom", { AccountId: lwa, RoomId: room.RoomId }));
  await fails(chime, NotFoundException, cmd("DeleteRoom", { AccountId: lwa, RoomId: room.RoomId }));
});

test("a wrong secret is refused", async () => {
  const wrong = client({ maxAttempts: 1, credentials: { accessKeyId: "test", secretAccessKey: "wrong" } });
  const err = await fails(wrong, ForbiddenException, cmd("ListAccounts"));
  assert.match(err.message, /signature/);
  const unknown = client({ maxAttempts: 1, credentials: { accessKeyId: "AKIDNOBODY", secretAccessKey: "x" } });
  await fails(unknown, ForbiddenException, cmd("ListAccounts"));
});

// Every implemented operation of apispec succeeded here, and nothing was
// called that apispec does not list. The Go test checks the report too.
test("covers every implemented operation", () => {
  const ops = implementedOperations();
  const missing = ops.filter((op) => !report.succeeded.has(op));
  assert.deepEqual(missing, [], `operations never called successfully: ${missing.join(", ")}`);
  const extra = [...report.succeeded].filter((op) => !ops.includes(op));
  assert.deepEqual(extra, [], `operations called that apispec does not implement: ${extra.join(", ")}`);
});
