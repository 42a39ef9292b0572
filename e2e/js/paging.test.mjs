// Paging through the AWS SDK for JavaScript v3, against `chime server --dev`:
// for every operation that takes a NextToken, the pages are followed by
// hand (MaxResults, NextToken until there is none) and with the SDK's
// paginator (paginateListUsers and the others, pageSize), and both must
// give every item exactly once, in the same order. A token the server did
// not issue, and a page size out of range, are bad requests. The Go test
// checks that every paged operation of apispec was followed here.

import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as sdk from "@aws-sdk/client-chime";
import { admin, client, example, fails, report, writeReport } from "./lib.mjs";

const { BadRequestException } = sdk;

const chime = client({ maxAttempts: 1 });
const send = (command) => chime.send(command);
const cmd = (op, input = {}) => new sdk[`${op}Command`](input);

after(writeReport);

// pages follows op's pages by hand, pageSize items at a time, and returns
// the items of each page under key.
async function pages(op, input, key, pageSize) {
  const all = [];
  let token;
  do {
    const out = await send(cmd(op, { ...input, MaxResults: pageSize, NextToken: token }));
    assert.ok(out[key].length <= pageSize, `${op}: ${out[key].length} items on a page of ${pageSize}`);
    all.push(out[key]);
    token = out.NextToken;
    assert.ok(all.length <= 100, `${op}: the pages never end`);
  } while (token);
  return all;
}

// paged checks op's paging both ways and returns the items.
async function paged(op, input, key, id, pageSize, want) {
  const byHand = await pages(op, input, key, pageSize);
  const items = byHand.flat().map(id);
  assert.equal(byHand.length, Math.ceil(want / pageSize), `${op}: pages of ${pageSize} for ${want} items`);
  assert.equal(items.length, want, `${op}: items`);
  assert.equal(new Set(items).size, items.length, `${op}: an item came twice`);

  const paginate = sdk[`paginate${op}`];
  assert.equal(typeof paginate, "function", `the SDK has no paginate${op}`);
  const viaPaginator = [];
  for await (const page of paginate({ client: chime, pageSize }, input)) {
    viaPaginator.push(page[key].map(id));
  }
  assert.deepEqual(viaPaginator, byHand.map((p) => p.map(id)), `${op}: the paginator's pages differ`);

  await fails(chime, BadRequestException, cmd(op, { ...input, NextToken: "not-a-token-of-this-server" }));
  await fails(chime, BadRequestException, cmd(op, { ...input, MaxResults: 0 }));
  report.paged.add(op);
  return items;
}

let lwa, room;

test("accounts and users", async () => {
  for (let i = 0; i < 5; i++) {
    await send(cmd("CreateAccount", { Name: `page ${i}` }));
  }
  await paged("ListAccounts", { Name: "page" }, "Accounts", (a) => a.AccountId, 2, 5);
  // Every account: the five, the example and the LWA account below.
  lwa = admin("create-account", "--name", "paging LWA", "--account-type", "EnterpriseLWA").Account.AccountId;
  await paged("ListAccounts", {}, "Accounts", (a) => a.AccountId, 3, 7);

  for (let i = 0; i < 5; i++) {
    await send(cmd("CreateUser", { AccountId: example, Email: `user${i}@example.com` }));
  }
  const users = await paged("ListUsers", { AccountId: example }, "Users", (u) => u.UserId, 2, 5);
  // The filter applies on every page, and the token is bound to it.
  const shared = await send(cmd("ListUsers", { AccountId: example, MaxResults: 1 }));
  await fails(chime, BadRequestException, cmd("ListUsers", { AccountId: example, UserType: "SharedDevice", NextToken: shared.NextToken }));
  assert.equal(users.length, 5);
});

test("rooms, memberships and bots", async () => {
  const rooms = [];
  for (let i = 0; i < 4; i++) {
    rooms.push((await send(cmd("CreateRoom", { AccountId: lwa, Name: `room ${i}` }))).Room.RoomId);
  }
  room = rooms[0];
  assert.deepEqual(new Set(await paged("ListRooms", { AccountId: lwa }, "Rooms", (r) => r.RoomId, 3, 4)), new Set(rooms));

  for (let i = 0; i < 5; i++) {
    const user = (await send(cmd("CreateUser", { AccountId: lwa, Email: `member${i}@example.com` }))).User;
    await send(cmd("CreateRoomMembership", { AccountId: lwa, RoomId: room, MemberId: user.UserId }));
  }
  await paged("ListRoomMemberships", { AccountId: lwa, RoomId: room }, "RoomMemberships", (m) => m.Member.MemberId, 2, 5);

  for (let i = 0; i < 3; i++) {
    await send(cmd("CreateBot", { AccountId: lwa, DisplayName: `bot${i}`, Domain: "example.com" }));
  }
  await paged("ListBots", { AccountId: lwa }, "Bots", (b) => b.BotId, 2, 3);
});

test("phone numbers and orders", async () => {
  const search = await paged("SearchAvailablePhoneNumbers", { TollFreePrefix: "888" }, "E164PhoneNumbers", (n) => n, 40, 100);
  for (let i = 0; i < 3; i++) {
    await send(cmd("CreatePhoneNumberOrder", { ProductType: "VoiceConnector", E164PhoneNumbers: [search[2 * i], search[2 * i + 1]] }));
  }
  await paged("ListPhoneNumberOrders", {}, "PhoneNumberOrders", (o) => o.PhoneNumberOrderId, 2, 3);
  admin("advance-clock", "--advance-millis", "5000");
  const numbers = await paged("ListPhoneNumbers", {}, "PhoneNumbers", (n) => n.E164PhoneNumber, 4, 6);
  assert.deepEqual(new Set(numbers), new Set(search.slice(0, 6)));
});
