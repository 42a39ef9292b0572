// How the AWS SDK for JavaScript v3 retries against chime: injected faults
// (set for this AWS account with `chime admin put-faults`, on CreateAccount
// only) and a server that throttles every key (CHIME_THROTTLED_ENDPOINT:
// --rate-limit 4 --rate-burst 1). Each case compares the attempts the SDK
// reports ($metadata.attempts) with the requests the server counted, so
// that a retry is seen from both ends. Attempts and counts are asserted,
// never durations.

import assert from "node:assert/strict";
import { after, afterEach, test } from "node:test";
import * as sdk from "@aws-sdk/client-chime";
import { admin, client, fails, report, requests, writeReport } from "./lib.mjs";

const {
  CreateAccountCommand, ListAccountsCommand, ServiceFailureException, ServiceUnavailableException, ThrottledClientException,
} = sdk;

const throttledEndpoint = process.env.CHIME_THROTTLED_ENDPOINT;

after(writeReport);
afterEach(() => admin("delete-faults"));

// statuses the faults answer with, by kind.
const kinds = {
  throttle: { exc: ThrottledClientException, status: 429 },
  unavailable: { exc: ServiceUnavailableException, status: 503 },
  failure: { exc: ServiceFailureException, status: 500 },
};

let n = 0;
const create = (c) => c.send(new CreateAccountCommand({ Name: `retried ${n++}` }));

// failsAfter sends one CreateAccount that every attempt of which is
// answered status, and checks the SDK gives up with exc after attempts,
// each of which reached the server.
async function failsAfter(c, exc, status, attempts) {
  const before = await requests("CreateAccount", status);
  let err;
  try {
    await create(c);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof exc, `got ${err}, want ${exc.name}`);
  assert.equal(err.$metadata.httpStatusCode, status);
  assert.equal(err.$metadata.attempts, attempts, `${exc.name}: attempts`);
  assert.equal(await requests("CreateAccount", status) - before, attempts, `${exc.name}: requests the server answered ${status}`);
  return err;
}

for (const [kind, { exc, status }] of Object.entries(kinds)) {
  test(`default retries: every attempt answered ${status} (${kind})`, async () => {
    admin("put-faults", "--seed", "1", "--rules", `Operation=CreateAccount,Kind=${kind},Rate=1`);
    const err = await failsAfter(client(), exc, status, 3);
    report.retries.push({
      case: `default, always ${status}`, error: err.name, attempts: err.$metadata.attempts, totalRetryDelayMs: err.$metadata.totalRetryDelay,
    });
  });

  test(`maxAttempts 1: the ${status} (${kind}) comes at once`, async () => {
    admin("put-faults", "--seed", "1", "--rules", `Operation=CreateAccount,Kind=${kind},Rate=1`);
    await fails(client({ maxAttempts: 1 }), exc, new CreateAccountCommand({ Name: "never" }));
    const err = await failsAfter(client({ maxAttempts: 1 }), exc, status, 1);
    report.retries.push({ case: `maxAttempts 1, always ${status}`, error: err.name, attempts: err.$metadata.attempts });
  });
}

// Half the creates fail, throttled or unavailable, the same way every run
// (the seed). Every create gets through by retries, each stored once.
test("retries (maxAttempts 10) get every create through intermittent 429 and 503", async () => {
  admin("put-faults", "--seed", "5", "--rules",
    "Operation=CreateAccount,Kind=throttle,Rate=0.25", "Operation=CreateAccount,Kind=unavailable,Rate=0.25");
  const c = client({ maxAttempts: 10 });
  const before = (await requests("CreateAccount", 429)) + (await requests("CreateAccount", 503));
  let retries = 0;
  const names = [];
  for (let i = 0; i < 6; i++) {
    const name = `intermittent ${i}`;
    const out = await c.send(new CreateAccountCommand({ Name: name }));
    names.push(name);
    retries += out.$metadata.attempts - 1;
  }
  const failed = (await requests("CreateAccount", 429)) + (await requests("CreateAccount", 503)) - before;
  assert.ok(retries > 0, "no create was retried, so nothing was tested");
  assert.equal(failed, retries, "each retry answers one failed request");
  const stored = (await c.send(new ListAccountsCommand({ Name: "intermittent" }))).Accounts.map((a) => a.Name);
  assert.deepEqual(stored.sort(), names.sort());
  report.retries.push({ case: "maxAttempts 10, 25% 429 + 25% 503", creates: 6, retries });
});

// A real rate limit: 4 requests a second with a burst of 1. The server
// answers 429 with Retry-After: 1, which the SDK waits out, so the
// default client gets every create through.
test("default retries wait out a rate limit", async () => {
  assert.ok(throttledEndpoint, "CHIME_THROTTLED_ENDPOINT is not set");
  const c = client({ endpoint: throttledEndpoint });
  // The server counts a throttled request under its operation; only this
  // test sends to that server.
  const throttled = () => requests("CreateAccount", 429, throttledEndpoint);
  const before = await throttled();
  let retries = 0;
  for (let i = 0; i < 4; i++) {
    const out = await c.send(new CreateAccountCommand({ Name: `limited ${i}` }));
    retries += out.$metadata.attempts - 1;
  }
  assert.ok(retries > 0, "no create was throttled, so nothing was tested");
  assert.equal(await throttled() - before, retries);
  const stored = (await c.send(new ListAccountsCommand({ Name: "limited" }))).Accounts;
  assert.equal(stored.length, 4);
  report.retries.push({ case: "default, --rate-limit 4 --rate-burst 1", creates: 4, retries });

  // With retries off the throttled request fails at its first attempt.
  const once = client({ endpoint: throttledEndpoint, maxAttempts: 1 });
  let err;
  for (let i = 0; i < 20 && !err; i++) {
    try {
      await once.send(new ListAccountsCommand({}));
    } catch (e) {
      err = e;
    }
  }
  assert.ok(err instanceof ThrottledClientException, `got ${err}`);
  assert.equal(err.$metadata.httpStatusCode, 429);
  assert.equal(err.$metadata.attempts, 1);
  assert.equal(err.$response.headers["retry-after"], "1");
  report.retries.push({ case: "maxAttempts 1, --rate-limit 4 --rate-burst 1", error: err.name, attempts: err.$metadata.attempts });
});
