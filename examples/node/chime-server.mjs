// Starts a chime server for a test file and resets it between tests.
// Set CHIME_BIN to the chime binary when it is not on PATH.
import { spawn, execFileSync } from "node:child_process";
import { createInterface } from "node:readline";
import { ChimeClient } from "@aws-sdk/client-chime";

const chime = process.env.CHIME_BIN ?? "chime";
export const EXAMPLE_ACCOUNT = "12a3456b-7c89-012d-3456-78901e23fg45";

// startServer runs `chime server --dev` on a free port and resolves with
// its endpoint and a stop function, once its ready line is logged.
export async function startServer(...extraArgs) {
  const server = spawn(chime, ["server", "--dev", "--listen", "127.0.0.1:0", ...extraArgs], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const lines = createInterface({ input: server.stderr });
  const endpoint = await new Promise((resolve, reject) => {
    server.on("exit", (code) => reject(new Error(`chime server exited with ${code}`)));
    lines.on("line", (line) => {
      const entry = JSON.parse(line);
      if (entry.msg === "chime server ready") resolve(entry.address);
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      server.removeAllListeners("exit");
      server.on("exit", resolve);
      server.kill("SIGTERM");
    });
  return { endpoint, stop };
}

// admin runs one of chime's admin-* commands against the server.
export function admin(endpoint, ...args) {
  const out = execFileSync(chime, [...args, "--endpoint-url", endpoint, "--output", "json"], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" },
    encoding: "utf8",
  });
  return out.trim() ? JSON.parse(out) : null;
}

// resetAll puts every AWS account back to the server's start state and
// empties the journal.
export function resetAll(endpoint) {
  admin(endpoint, "admin-reset-state", "--scope", "All");
  admin(endpoint, "admin-delete-requests");
}

// requests lists the answered requests of one operation (or all).
export const requests = (endpoint, operation) =>
  admin(endpoint, "admin-list-requests", ...(operation ? ["--operation", operation] : [])).Requests;

// client is a Chime client of the server. maxAttempts 1: a throttled or
// failing call shows at once instead of being retried.
export const client = (endpoint) =>
  new ChimeClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
