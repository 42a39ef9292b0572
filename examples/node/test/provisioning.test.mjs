// Provisioning code tested against chime: copy this directory into your
// project, `npm ci`, and run `CHIME_BIN=/path/to/chime npm test`.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { CreateUserCommand, GetUserCommand, paginateListUsers, ListUsersCommand } from "@aws-sdk/client-chime";
import { EXAMPLE_ACCOUNT, client, requests, resetAll, startServer } from "../chime-server.mjs";

// provision is the code under test: a user per address, skipping those
// that exist; it returns the ids of the new ones.
async function provision(chime, emails) {
  const created = [];
  for (const email of emails) {
    try {
      const out = await chime.send(new CreateUserCommand({ AccountId: EXAMPLE_ACCOUNT, Email: email, UserType: "PrivateUser" }));
      created.push(out.User.UserId);
    } catch (e) {
      if (e.name !== "ConflictException") throw e;
    }
  }
  return created;
}

let server;
let chime;
before(async () => {
  server = await startServer();
  chime = client(server.endpoint);
});
after(() => server.stop());
beforeEach(() => resetAll(server.endpoint));

test("provision creates each user once", async () => {
  assert.equal((await provision(chime, ["a@example.com", "b@example.com"])).length, 2);
  assert.equal((await provision(chime, ["a@example.com", "c@example.com"])).length, 1);
  const calls = requests(server.endpoint, "CreateUser");
  assert.deepEqual(calls.map((c) => c.Status), [201, 201, 409, 201]);
  assert.equal(calls[2].ErrorCode, "ConflictException");
  assert.ok(!calls[2].Parameters.includes("a@example.com"), "the e-mail address is masked");
});

test("each test starts from the start state", async () => {
  const out = await chime.send(new ListUsersCommand({ AccountId: EXAMPLE_ACCOUNT }));
  assert.deepEqual(out.Users, []);
});

test("paging through users", async () => {
  await provision(chime, Array.from({ length: 12 }, (_, i) => `user${i}@example.com`));
  const sizes = [];
  for await (const page of paginateListUsers({ client: chime, pageSize: 5 }, { AccountId: EXAMPLE_ACCOUNT })) {
    sizes.push(page.Users.length);
  }
  assert.deepEqual(sizes, [5, 5, 2]);
});

test("a modelled error", async () => {
  await assert.rejects(chime.send(new GetUserCommand({ AccountId: EXAMPLE_ACCOUNT, UserId: "no-such-user" })), (e) => {
    assert.equal(e.name, "NotFoundException");
    assert.equal(e.$metadata.httpStatusCode, 404);
    return true;
  });
});

test("the seed's example", async () => {
  const out = await chime.send(new CreateUserCommand({ AccountId: EXAMPLE_ACCOUNT, Email: "roomdevice@example.com", UserType: "SharedDevice" }));
  assert.equal(out.User.DisplayName, "Room Device");
  assert.equal(out.User.UserRegistrationStatus, "Registered");
});
