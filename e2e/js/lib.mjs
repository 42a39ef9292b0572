// Shared by the test files: a Chime client for the server under test, a
// record of what each file called and saw (written to CHIME_JS_REPORT for
// the Go test that runs them, e2e/sdk_js_test.go), and the `chime admin`
// commands that set up what the Chime API cannot (an EnterpriseLWA
// account, faults, the clock).
//
// The Go test sets CHIME_ENDPOINT, CHIME_BIN, CHIME_JS_REPORT and
// CHIME_OPERATIONS (the implemented operations of apispec); the files
// fail when run without them, rather than test less.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ChimeClient } from "@aws-sdk/client-chime";

export const endpoint = required("CHIME_ENDPOINT");
const bin = required("CHIME_BIN");

// The example account that `chime server --dev` creates (EnterpriseDirectory).
export const example = "12a3456b-7c89-012d-3456-78901e23fg45";

function required(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run these tests through go test ./e2e -run JS`);
  }
  return v;
}

// The implemented operations of the Chime API, from apispec, as the Go
// test passes them: the list the coverage tests compare with.
export function implementedOperations() {
  return required("CHIME_OPERATIONS").split(",");
}

// What the suite did, by operation: the operations that succeeded, the
// modelled errors each answered, the operations whose pages were followed
// and the retry cases run; errorCases counts the checks of fails().
export const report = { succeeded: new Set(), errors: {}, errorCases: 0, paged: new Set(), retries: [] };

export function writeReport() {
  const errors = Object.fromEntries(Object.entries(report.errors).map(([op, s]) => [op, [...s].sort()]));
  writeFileSync(required("CHIME_JS_REPORT"), JSON.stringify({
    succeeded: [...report.succeeded].sort(), errors, errorCases: report.errorCases, paged: [...report.paged].sort(),
    retries: report.retries,
  }));
}

// client is a Chime client signed with the development pair. A middleware
// records each call's outcome under the operation's API name, so that the
// coverage tests see what the SDK really sent, paginators included.
export function client(config = {}) {
  const c = new ChimeClient({
    endpoint, region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    ...config,
  });
  c.middlewareStack.add((next, context) => async (args) => {
    const op = context.commandName.replace(/Command$/, "");
    try {
      const out = await next(args);
      report.succeeded.add(op);
      return out;
    } catch (e) {
      (report.errors[op] ??= new Set()).add(e.name);
      throw e;
    }
  }, { step: "initialize", name: "chimeRecorder" });
  return c;
}

// The wire form of each modelled error, as restjson/errors.go writes it:
// the HTTP status and the Code member of the body.
export const wire = {
  BadRequestException: [400, "BadRequest"],
  ForbiddenException: [403, "Forbidden"],
  NotFoundException: [404, "NotFound"],
  ConflictException: [409, "Conflict"],
  UnprocessableEntityException: [422, "Unprocessable"],
  ThrottledClientException: [429, "Throttled"],
  ServiceFailureException: [500, "ServiceFailure"],
  ServiceUnavailableException: [503, "ServiceUnavailable"],
};

// fails sends command and checks that it fails with the modelled
// exception exc, as the SDK's typed error class, with its status and code,
// at the first attempt (c must not retry). It returns the error for
// further checks.
export async function fails(c, exc, command) {
  let err;
  try {
    await c.send(command);
  } catch (e) {
    err = e;
  }
  const op = command.constructor.name.replace(/Command$/, "");
  assert.ok(err, `${op} did not fail with ${exc.name}`);
  assert.ok(err instanceof exc, `${op}: ${err.name} (${err.message}), want ${exc.name}`);
  const [status, code] = wire[exc.name];
  assert.equal(err.name, exc.name);
  assert.equal(err.$metadata.httpStatusCode, status, `${op}: status`);
  assert.equal(err.Code, code, `${op}: Code`);
  assert.equal(err.$fault, status < 500 ? "client" : "server");
  assert.equal(err.$metadata.attempts, 1, `${op}: attempts`);
  assert.ok(err.message.length > 0 && err.$metadata.requestId, `${op}: message and request id`);
  report.errorCases++;
  return err;
}

// admin runs `chime admin ...` against the server and returns its JSON
// output, or null when it prints nothing.
export function admin(...args) {
  const out = execFileSync(bin, ["admin", ...args, "--endpoint-url", endpoint], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" },
    encoding: "utf8",
  });
  return out.trim() === "" ? null : JSON.parse(out);
}

// requests reads the count of requests of op answered with status from
// the metrics of the server at url: what reached the server, whatever the
// SDK says.
export async function requests(op, status, url = endpoint) {
  const text = await (await fetch(`${url}/_chime/metrics`)).text();
  for (const line of text.split("\n")) {
    const m = line.match(/^chime_requests_total\{(.*)\} (\d+)$/);
    if (m && m[1].includes(`operation="${op}"`) && m[1].includes(`status="${status}"`)) {
      return Number(m[2]);
    }
  }
  return 0;
}
